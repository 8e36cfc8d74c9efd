"""Reads shared by the admin, the API and the services: one selector for a claim's history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import selectors
from claims.models import Verdict
from claims.services import review as svc
from tests.review.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(article, claim, reviewer, editor):
    """Three reviews on `claim` by two people, and one on another claim that must not show up."""
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No record.")
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNREVIEWED, note="Reopened for a second look.")
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="Still no record.")
    other = article.claims.exclude(pk=claim.pk).first()
    svc.claim_review(claim_id=other.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="Elsewhere.")
    return claim


def test_a_claims_history_is_its_own_reviews_oldest_first_or_newest_first(history):
    oldest_first = list(selectors.claim_history(history.pk))
    assert [r.note for r in oldest_first] == ["No record.", "Reopened for a second look.", "Still no record."]
    newest_first = list(selectors.claim_history(history.pk, newest_first=True))
    assert newest_first == oldest_first[::-1]


def test_the_history_brings_its_reviewers_in_the_same_query(history, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = [r.reviewer.username for r in selectors.claim_history(history.pk)]
    assert names == ["rita", "edna", "rita"]


@pytest.fixture
def spy(monkeypatch):
    """Counts calls of the selector, wherever it is called from."""
    calls: list[int] = []
    real = selectors.claim_history

    def counting(claim_id, **kwargs):
        calls.append(claim_id)
        return real(claim_id, **kwargs)

    monkeypatch.setattr(selectors, "claim_history", counting)
    return calls


def test_the_admin_the_api_and_the_services_read_the_history_through_the_selector(history, reviewer, client, spy):
    assert client.login(username=reviewer.username, password=PASSWORD)
    assert client.get(reverse("admin:claims_claim_change", args=[history.pk])).status_code == 200
    assert spy == [history.pk], "the admin's history table"

    spy.clear()
    response = client.get(reverse("api:claim-reviews", args=[history.pk]))
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3
    assert spy == [history.pk], "the API's reviews endpoint"

    spy.clear()
    with pytest.raises(Exception, match="Last change: verdict by"):
        # A stale version is a conflict whose message quotes the last change, read from the history.
        svc.claim_review(
            claim_id=history.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="late", expected_version=1
        )
    assert spy == [history.pk], "the service quoting the last change"
