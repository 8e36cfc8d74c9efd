"""Personas and claims for the review workflow tests."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import pytest

from claims import permissions

PASSWORD = "a-long-test-password-1"


def ensure_review_groups() -> None:
    """The groups come from a data migration; a transactional test's flush removes them, so run it again."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=permissions.ROLE_GROUPS).count() == len(permissions.ROLE_GROUPS):
        return
    migration = importlib.import_module("claims.migrations.0002_review_groups")
    migration.create_groups(apps, None)


@pytest.fixture
def review_groups(db):
    ensure_review_groups()


@pytest.fixture
def make_user(db, review_groups, django_user_model):
    from django.contrib.auth.models import Group

    def make(username: str, *groups: str, staff: bool = True, superuser: bool = False, **extra):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=staff or superuser, is_superuser=superuser, **extra
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", permissions.REVIEWERS, first_name="Rita", last_name="Reviewer")


@pytest.fixture
def other_reviewer(make_user):
    return make_user("omar", permissions.REVIEWERS, first_name="Omar", last_name="Other")


@pytest.fixture
def editor(make_user):
    return make_user("edna", permissions.EDITORS, first_name="Edna", last_name="Editor")


@pytest.fixture
def staff_without_group(make_user):
    return make_user("stan")


@pytest.fixture
def superuser(make_user):
    return make_user("root", superuser=True)


ARTICLE_BODY = (
    "Flood barrier to open next spring\n\n"
    "The city will spend 40 million euros on the barrier, the mayor said on Tuesday.\n\n"
    "“It will protect 12,000 homes,” said Anna Berg, the city engineer. She added that work starts in May."
)


@pytest.fixture
def article(db):
    """An extracted-looking article with three claims, made directly (no engine): offsets are exact."""
    from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, Speaker
    from claims.services.articles import body_hash

    outlet = Outlet.objects.create(name="Harbour Times", domain="harbour.example")
    art = Article.objects.create(
        title="Flood barrier to open next spring",
        body=ARTICLE_BODY,
        body_hash=body_hash(ARTICLE_BODY),
        outlet=outlet,
        published_at=datetime(2024, 3, 8, 12, tzinfo=UTC),
        status=Article.Status.DONE,
    )
    mayor = Speaker.objects.create(name="the mayor", key="the mayor")
    berg = Speaker.objects.create(name="Anna Berg", key="anna berg", kind=Speaker.Kind.PERSON)
    sentences = [
        ("The city will spend 40 million euros on the barrier, the mayor said on Tuesday.", mayor, "mayor"),
        ("“It will protect 12,000 homes,” said Anna Berg, the city engineer.", berg, "city engineer"),
        ("She added that work starts in May.", berg, "city engineer"),
    ]
    for position, (text, speaker, role) in enumerate(sentences):
        start = ARTICLE_BODY.index(text)
        claim = Claim.objects.create(
            article=art,
            position=position,
            text=text,
            start=start,
            end=start + len(text),
            speaker=speaker,
            speaker_role=role,
            kind=Claim.Kind.STATEMENT,
        )
        if "Tuesday" in text:
            offset = ARTICLE_BODY.index("Tuesday")
            ClaimDate.objects.create(claim=claim, text="Tuesday", start=offset, end=offset + 7, value="2024-03-05")
        if "May" in text:
            offset = ARTICLE_BODY.index("May")
            ClaimDate.objects.create(
                claim=claim, text="May", start=offset, end=offset + 3, value="2024-05", granularity="month"
            )
        if "city" in text:
            offset = ARTICLE_BODY.index("city", start)
            ClaimPlace.objects.create(claim=claim, text="city", start=offset, end=offset + 4, kind="other")
    return art


@pytest.fixture
def claim(article):
    return article.claims.order_by("position").first()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Every persona logs in; the production hasher's deliberate slowness only slows the suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
