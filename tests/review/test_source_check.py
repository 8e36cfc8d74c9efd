"""Source entry (issue 12): "check this link now" on the claim page and the desk, and the archived copy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from claims import admin_views
from claims.errors import NotFound, PermissionDenied
from claims.fetching import FetchResult, Outcome
from claims.models import Article, LinkCheck, SourceLink
from claims.services import recheck
from claims.services import review as svc
from tests.review.conftest import PASSWORD

URL = "https://records.example/budget-2024"
PERSONAS = ["anonymous", "staff_without_group", "reviewer", "editor", "superuser"]


@pytest.fixture
def fetched(monkeypatch):
    """The fetcher answers every link with a small page (no network); the URLs it was asked are kept."""
    asked: list[str] = []

    def fetch(url, policy):
        asked.append(url)
        return FetchResult(
            url=url,
            outcome=Outcome.RESPONSE,
            final_url=url,
            status_code=200,
            content_type="text/html; charset=utf-8",
            body=b"<html><body><p>The budget was 40 million euros.</p></body></html>",
            elapsed_ms=5,
        )

    monkeypatch.setattr(recheck, "fetch", fetch)
    return asked


@pytest.fixture
def source(claim, reviewer):
    return svc.source_add(claim_id=claim.pk, user=reviewer, url=URL, stance="supports", title="Budget")


def check_url(source: SourceLink) -> str:
    return reverse("admin:claims_claim_source_check", args=[source.claim_id, source.pk])


def sign_in(client, request, persona: str):
    if persona != "anonymous":
        user = request.getfixturevalue(persona)
        assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_check_a_link_now(client, request, source, fetched, persona, django_capture_on_commit_callbacks):
    sign_in(client, request, persona)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(check_url(source))
    if persona == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif persona == "staff_without_group":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:claims_claim_change", args=[source.claim_id])
    checked = persona not in ("anonymous", "staff_without_group")
    assert LinkCheck.objects.filter(source=source).exists() is checked
    assert fetched == ([URL] if checked else [])


@pytest.mark.django_db(transaction=True)
def test_in_the_embedded_mode_the_check_runs_at_once_and_the_page_shows_its_result(client, request, fetched):
    from tests.review.conftest import ensure_review_groups

    ensure_review_groups()
    source = request.getfixturevalue("source")
    sign_in(client, request, "reviewer")
    response = client.post(check_url(source), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [f"Link checked: OK, HTTP 200 — {URL}"]
    source.refresh_from_db()
    assert source.state == SourceLink.State.OK and source.last_checked_at is not None
    assert 'class="link-state link-ok">OK</span> (HTTP 200), checked' in response.content.decode()


@pytest.mark.django_db
def test_with_a_worker_the_page_says_the_check_is_queued(client, request, source, fetched):
    # In a test transaction nothing commits during the request: as with a worker, the check comes later.
    sign_in(client, request, "reviewer")
    response = client.post(check_url(source), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        f"Link check queued: the result shows under its health in a minute — {URL}"
    ]


@pytest.mark.django_db
def test_the_check_is_a_post_and_ids_must_belong_together(client, request, source, article, fetched):
    sign_in(client, request, "reviewer")
    assert client.get(check_url(source)).status_code == 405
    other_claim = article.claims.exclude(pk=source.claim_id).first()
    wrong = reverse("admin:claims_claim_source_check", args=[other_claim.pk, source.pk])
    assert client.post(wrong).status_code == 404
    for bad in ["x", "99999999999999999999999", "-1"]:
        assert client.post(f"/admin/claims/claim/{source.claim_id}/sources/{bad}/check/").status_code == 404
    assert client.post(f"/admin/claims/claim/{bad}/sources/{source.pk}/check/").status_code == 404
    assert not LinkCheck.objects.exists()


@pytest.mark.django_db
def test_a_retracted_articles_sources_are_not_checked(client, request, source, fetched):
    Article.objects.filter(pk=source.claim.article_id).update(retracted_at=datetime(2024, 5, 1, tzinfo=UTC))
    sign_in(client, request, "reviewer")
    response = client.post(check_url(source), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The article was retracted: its sources are no longer checked."
    ]
    assert fetched == [] and not LinkCheck.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_people_without_a_role_and_unknown_sources(source, staff_without_group, reviewer):
    with pytest.raises(PermissionDenied):
        recheck.source_check_now(source_id=source.pk, user=staff_without_group)
    with pytest.raises(NotFound):
        recheck.source_check_now(source_id=source.pk + 1000, user=reviewer)


@pytest.mark.django_db
def test_back_to_the_desk_but_never_to_another_site(client, request, source, fetched):
    sign_in(client, request, "reviewer")
    desk = f"/admin/claims/claim/desk/?claim={source.claim_id}"
    assert client.post(check_url(source), {"next": desk})["Location"] == desk
    for elsewhere in ["https://evil.example/", "//evil.example/x"]:
        response = client.post(check_url(source), {"next": elsewhere})
        assert response["Location"] == reverse("admin:claims_claim_change", args=[source.claim_id])


@pytest.mark.django_db
def test_the_claim_page_and_the_desk_offer_the_check_and_the_archived_copy(client, request, source):
    sign_in(client, request, "reviewer")
    stamp = f"{source.added_at.astimezone(UTC):%Y%m%d%H%M%S}"
    archived = f'href="https://web.archive.org/web/{stamp}/{URL}"'
    page = client.get(reverse("admin:claims_claim_change", args=[source.claim_id])).content.decode()
    assert f'form="check-source-{source.pk}"' in page and "Check this link now" in page
    assert f'<form id="check-source-{source.pk}" method="post" action="{check_url(source)}"' in page
    assert archived in page
    # The check form sits outside the claim's own form (forms do not nest): after its closing tag.
    assert page.index(f'<form id="check-source-{source.pk}"') > page.index('id="claim_form"')
    desk = client.get(f"/admin/claims/claim/desk/?claim={source.claim_id}").content.decode()
    assert f'<form id="check-source-{source.pk}" method="post" action="{check_url(source)}"' in desk
    assert archived in desk and 'name="next"' in desk


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://records.example/a?b=1", "https://web.archive.org/web/20240305101500/https://records.example/a?b=1"),
        ("https://web.archive.org/web/2020/https://x.example/", None),
        ("https://archive.ph/abcde", None),
        ("ftp://files.example/a", None),
    ],
)
def test_the_archive_link_is_computed_without_a_network_call(url, expected):
    source = SourceLink(url=url, added_at=datetime(2024, 3, 5, 10, 15, tzinfo=UTC))
    assert admin_views.archive_url(source) == expected


def test_the_archive_link_of_a_url_with_bidi_controls_carries_none():
    source = SourceLink(url="https://files.example/\u202egnorw\u202c", added_at=datetime(2024, 3, 5, tzinfo=UTC))
    assert (
        admin_views.archive_url(source)
        == "https://web.archive.org/web/20240305000000/https://files.example/%E2%80%AEgnorw%E2%80%AC"
    )
