"""Personas, API keys and a small deterministic data set for the API tests."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims import permissions
from tests.conftest import clear_cache

PASSWORD = "a-long-test-password-1"
BODY = (
    "Flood barrier to open next spring\n\n"
    "The city will spend 40 million euros on the barrier, the mayor said on Tuesday.\n\n"
    "“It will protect 12,000 homes in Rotterdam,” said Anna Berg, the city engineer. "
    "She added that work starts in May."
)


@pytest.fixture(autouse=True)
def _api_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.API_SYNC_SAFETY_LAG_SECONDS = 0
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
    clear_cache()  # throttle counters
    yield
    clear_cache()


@pytest.fixture
def review_groups(db):
    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=permissions.ROLE_GROUPS).count() < len(permissions.ROLE_GROUPS):
        importlib.import_module("claims.migrations.0002_review_groups").create_groups(apps, None)


@pytest.fixture
def make_user(db, review_groups, django_user_model):
    from django.contrib.auth.models import Group

    def make(username: str, *groups: str, superuser: bool = False):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=True, is_superuser=superuser
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", permissions.REVIEWERS)


@pytest.fixture
def editor(make_user):
    return make_user("edna", permissions.EDITORS)


@pytest.fixture
def staff_without_group(make_user):
    return make_user("stan")


@pytest.fixture
def key_account(make_user):
    """The reviewer account review-scope keys act for."""
    return make_user("newsroom-bot", permissions.REVIEWERS)


@pytest.fixture
def keys(db, key_account):
    """One key string per persona: read, submit, review, all (read+submit+review), expired, revoked."""
    from api.keys import api_key_create, api_key_revoke
    from api.models import ApiKey

    out = {
        "read": api_key_create(name="Read desk", scopes="read").key,
        "submit": api_key_create(name="Submit desk", scopes="submit").key,
        "review": api_key_create(name="Review desk", scopes="review", user=key_account).key,
        "all": api_key_create(name="Full desk", scopes="read,submit,review", user=key_account).key,
    }
    expired = api_key_create(name="Old desk", scopes="read,submit,review", user=key_account)
    ApiKey.objects.filter(pk=expired.api_key.pk).update(expires_at=timezone.now() - timedelta(days=1))
    out["expired"] = expired.key
    revoked = api_key_create(name="Gone desk", scopes="read,submit,review", user=key_account)
    api_key_revoke(api_key=revoked.api_key)
    out["revoked"] = revoked.key
    return out


@pytest.fixture
def client_for(keys, reviewer, editor, staff_without_group):
    """A DRF test client acting as a persona (API keys by header, people by their session)."""

    def make(persona: str) -> APIClient:
        client = APIClient(enforce_csrf_checks=False)
        if persona in keys:
            client.credentials(HTTP_AUTHORIZATION=f"Api-Key {keys[persona]}")
        elif persona in ("reviewer", "editor", "staff"):
            user = {"reviewer": reviewer, "editor": editor, "staff": staff_without_group}[persona]
            client.force_login(user)
        else:
            assert persona == "anonymous"
        return client

    return make


@pytest.fixture
def article(db):
    """An extracted-looking article with three claims, made directly (no engine): offsets are exact."""
    from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, Speaker
    from claims.services.articles import body_hash

    outlet = Outlet.objects.create(name="Harbour Times", domain="harbour.example")
    art = Article.objects.create(
        title="Flood barrier to open next spring",
        url="https://harbour.example/news/flood-barrier",
        body=BODY,
        body_hash=body_hash(BODY),
        outlet=outlet,
        published_at=datetime(2024, 3, 8, 12, tzinfo=UTC),
        status=Article.Status.DONE,
        extractor_version="test",
    )
    mayor = Speaker.objects.create(name="the mayor", key="the mayor", kind=Speaker.Kind.UNKNOWN)
    berg = Speaker.objects.create(name="Anna Berg", key="anna berg", kind=Speaker.Kind.PERSON)
    sentences = [
        ("The city will spend 40 million euros on the barrier, the mayor said on Tuesday.", mayor, "mayor"),
        ("“It will protect 12,000 homes in Rotterdam,” said Anna Berg, the city engineer.", berg, "city engineer"),
        ("She added that work starts in May.", berg, "city engineer"),
    ]
    for position, (text, speaker, role) in enumerate(sentences):
        start = BODY.index(text)
        claim = Claim.objects.create(
            article=art,
            position=position,
            text=text,
            start=start,
            end=start + len(text),
            speaker=speaker,
            speaker_role=role,
            kind=Claim.Kind.DIRECT_QUOTE if text.startswith("“") else Claim.Kind.REPORTED_SPEECH,
            attribution_cue="said",
            checkworthiness=0.5 + position / 10,
        )
        if "Tuesday" in text:
            offset = BODY.index("Tuesday")
            ClaimDate.objects.create(claim=claim, text="Tuesday", start=offset, end=offset + 7, value="2024-03-05")
        if "May" in text:
            offset = BODY.index("May")
            ClaimDate.objects.create(
                claim=claim, text="May", start=offset, end=offset + 3, value="2024-05", granularity="month"
            )
        if "Rotterdam" in text:
            offset = BODY.index("Rotterdam")
            ClaimPlace.objects.create(claim=claim, text="Rotterdam", start=offset, end=offset + 9, kind="city")
    return art


@pytest.fixture
def claims(article):
    return list(article.claims.order_by("position"))


@pytest.fixture
def verified_claim(claims, key_account):
    """The first claim, verified through the review service with one supporting source."""
    from claims.services.review import claim_review

    first = claims[0]
    claim_review(
        claim_id=first.pk,
        user=key_account,
        verdict="verified",
        note="The council budget lists 40 million euros.",
        expected_version=first.version,
        sources=[
            {
                "url": "https://council.example/budget-2024",
                "title": "Budget 2024",
                "publisher": "City council",
                "stance": "supports",
                "excerpt": "flood barrier: 40,000,000",
            }
        ],
    )
    first.refresh_from_db()
    return first


def api(path: str) -> str:
    return f"/api/v1/{path}"
