"""Two reviewers on one claim page: a source one of them removed is a conflict for the other, not a mystery.

Reviewer B opens the claim page; reviewer A removes one of its source links; B then posts the page (editing
that source, or not) with a verdict or "Save sources". B must get the claim page's conflict box saying the
source was removed and by whom, keep everything typed, and nothing may be saved.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, SourceLink, Verdict
from claims.services import review as svc
from tests.review.conftest import PASSWORD
from tests.review.helpers import form_data

pytestmark = pytest.mark.django_db


def claim_url(claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


def logged_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def two_sources(claim, other_reviewer):
    """Two sources reviewer A (Omar) added, oldest first: the order the inline shows them in."""
    first = svc.source_add(claim_id=claim.pk, user=other_reviewer, url="https://first.example/", stance="supports")
    second = svc.source_add(claim_id=claim.pk, user=other_reviewer, url="https://second.example/", stance="context")
    return [first, second]


def remove_through_the_admin(client: Client, claim, index: int) -> None:
    data = form_data(client.get(claim_url(claim)))
    response = client.post(claim_url(claim), {**data, f"sources-{index}-DELETE": "on"})
    assert response.status_code == 302, "reviewer A's removal went through"


@pytest.mark.parametrize("removed", [0, 1], ids=["first-source", "last-source"])
@pytest.mark.parametrize(
    "button", [{"_verdict": "verified"}, {"_save": "Save sources"}], ids=["verdict-button", "save-sources"]
)
def test_editing_a_source_somebody_removed_meanwhile_is_a_conflict_that_keeps_the_input(
    claim, two_sources, reviewer, other_reviewer, removed, button
):
    b = logged_in(reviewer)
    stale = form_data(b.get(claim_url(claim)))
    remove_through_the_admin(logged_in(other_reviewer), claim, removed)
    gone, kept = two_sources[removed], two_sources[1 - removed]

    stale[f"sources-{removed}-title"] = "B's title for the removed source"
    stale[f"sources-{1 - removed}-excerpt"] = "B's excerpt for the remaining source"
    response = b.post(claim_url(claim), {**stale, **button})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="conflict"' in html
    assert f"Not saved: Omar Other changed the source {gone.url} at <time" in html
    assert f"source {gone.url} was removed by Omar Other" in html
    assert "Reload the claim" in html
    assert "B&#x27;s title for the removed source" in html, "the input for the removed source is still there"
    assert "B&#x27;s excerpt for the remaining source" in html, "the input for the other source is still there"
    # Each inline still shows its own source's details: the surviving one is not shown as the removed one.
    assert html.count(f"{kept.added_at:%Y-%m-%d %H:%M} by Omar Other") == 1
    assert SourceLink.objects.get(pk=kept.pk).excerpt == "", "nothing of the post was saved"
    assert not SourceLink.objects.filter(pk=gone.pk).exists()
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED
    assert [r.action for r in claim.reviews.order_by("id")] == ["source_added", "source_added", "source_removed"]

    again = b.post(claim_url(claim), {**stale, **button})
    assert 'id="conflict"' in again.content.decode(), "resubmitting the stale page explains itself again"
    assert reviewer.pk not in claim.reviews.values_list("reviewer", flat=True)


def test_a_verdict_from_a_page_still_showing_a_removed_source_is_a_conflict(
    claim, two_sources, reviewer, other_reviewer
):
    """B did not touch the removed source, but the verdict was given with it on screen: refuse, explain."""
    b = logged_in(reviewer)
    stale = form_data(b.get(claim_url(claim)))
    svc.source_remove(source_id=two_sources[0].pk, user=other_reviewer)
    html = b.post(claim_url(claim), {**stale, "_verdict": "verified"}).content.decode()
    assert 'id="conflict"' in html
    assert "source https://first.example/ was removed by Omar Other" in html
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED


def test_a_source_id_that_never_belonged_to_the_claim_is_a_conflict_not_a_crash(claim, two_sources, reviewer):
    b = logged_in(reviewer)
    stale = form_data(b.get(claim_url(claim)))
    for bogus in (str(2**62), "not-a-number"):
        response = b.post(claim_url(claim), {**stale, "sources-0-id": bogus, "_verdict": "verified"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="conflict"' in html
        assert "is no longer on this claim" in html
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED
