"""The matching endpoints: a claim's likely earlier checks and "has this been checked?" for a draft."""

from __future__ import annotations

import pytest

from claims.models import ClaimMatch, Verdict
from claims.services import matching
from claims.services.articles import article_retract
from claims.services.review import claim_review
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

DRAFT = "The city is spending 40 million euros on the flood barrier, said the mayor."


@pytest.fixture(autouse=True)
def _fresh_index():
    matching.index_clear()
    yield
    matching.index_clear()


def test_search_ranks_reviewed_claims_with_their_verdicts_and_why(client_for, verified_claim, claims):
    response = client_for("read").post(api("claims/search/"), {"text": DRAFT}, format="json")
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [r["claim"]["id"] for r in results] == [verified_claim.pk]  # unreviewed claims are never offered
    top = results[0]
    assert top["claim"]["verdict"] == Verdict.VERIFIED
    assert top["claim"]["sources"][0]["url"] == "https://council.example/budget-2024"
    assert "40" in top["why"]["numbers"] and top["why"]["same_sentence"] is False
    assert top["score"] > 0


def test_search_finds_nothing_for_an_unrelated_text(client_for, verified_claim):
    body = {"text": "Tulip exports to Japan doubled in the spring."}
    response = client_for("read").post(api("claims/search/"), body, format="json")
    assert response.status_code == 200 and response.json() == {"results": []}


def test_search_limit_and_same_sentence(client_for, verified_claim, claims, key_account):
    claim_review(claim_id=claims[2].pk, user=key_account, verdict="unverifiable", note="No contract yet.")
    body = {"text": verified_claim.text, "limit": 1}
    results = client_for("read").post(api("claims/search/"), body, format="json").json()["results"]
    assert len(results) == 1 and results[0]["claim"]["id"] == verified_claim.pk
    assert results[0]["why"]["same_sentence"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": 42}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "A text.", "limit": 0}, "limit"),
        ({"text": "A text.", "limit": 51}, "limit"),
        ({"text": "A text.", "speaker": ["a"]}, "speaker"),
    ],
)
def test_search_refuses_bad_input_in_the_one_error_shape(client_for, verified_claim, body, field):
    response = client_for("read").post(api("claims/search/"), body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] and error["message"] and field in error["fields"]


@pytest.mark.parametrize("text", ["\ud800 lone surrogate", "\x00\x00", "🙂" * 100, "40 " * 2000, "\u202e40 million"])
def test_search_answers_odd_text_without_a_server_error(client_for, verified_claim, text):
    import json

    body = json.dumps({"text": text}, ensure_ascii=True)  # lone surrogates travel as \ud800 escapes
    response = client_for("read").post(api("claims/search/"), body, content_type="application/json")
    assert response.status_code in (200, 400), response.content
    assert "results" in response.json() or "error" in response.json()


def test_search_refuses_a_body_over_the_limit_and_non_json(client_for, settings, verified_claim):
    client = client_for("read")
    settings.API_MAX_BODY_BYTES = 1000
    response = client.post(api("claims/search/"), {"text": "word " * 400}, format="json")
    assert response.status_code == 413 and response.json()["error"]["code"]
    response = client.post(api("claims/search/"), "text=hello", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_matches_of_a_claim_list_its_stored_earlier_checks_best_first(client_for, verified_claim, claims, key_account):
    claim_review(claim_id=claims[2].pk, user=key_account, verdict="unverifiable", note="No contract yet.")
    ClaimMatch.objects.create(claim=claims[1], matched=claims[2], score=2.5, why={"words": ["work"]})
    ClaimMatch.objects.create(claim=claims[1], matched=verified_claim, score=3.5, why={"numbers": ["40 million"]})
    response = client_for("read").get(api(f"claims/{claims[1].pk}/matches/"))
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["claim"]["id"], r["score"]) for r in results] == [(verified_claim.pk, 3.5), (claims[2].pk, 2.5)]
    assert results[0]["why"] == {"words": [], "numbers": ["40 million"], "speaker": False, "same_sentence": False}
    assert results[1]["claim"]["verdict"] == "unverifiable"


def test_matches_leave_out_reopened_and_retracted_claims(client_for, verified_claim, claims, editor, make_user):
    from claims.models import Article

    other = Article.objects.create(body="Other.", body_hash="other", status="done")
    follower = other.claims.create(text="The barrier costs 40 million euros.", start=0, end=6)
    ClaimMatch.objects.create(claim=follower, matched=verified_claim, score=3.0, why={})
    reader = client_for("read")
    assert len(reader.get(api(f"claims/{follower.pk}/matches/")).json()["results"]) == 1
    article_retract(article_id=verified_claim.article_id, user=editor, reason="Withdrawn.")
    assert reader.get(api(f"claims/{follower.pk}/matches/")).json()["results"] == []


def test_matches_of_an_unknown_claim_is_404(client_for):
    response = client_for("read").get(api(f"claims/{10**9}/matches/"))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
