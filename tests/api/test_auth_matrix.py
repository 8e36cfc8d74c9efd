"""Who may call what: every persona against every endpoint and method."""

from __future__ import annotations

import pytest

from claims.models import Article, SpeakerMerge
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "read", "submit", "review", "expired", "revoked", "reviewer", "editor", "staff"]
BAD_KEYS = {"expired": "expired_key", "revoked": "revoked_key"}

READERS = {"read", "reviewer", "editor"}
SUBMITTERS = {"submit", "reviewer", "editor"}
REVIEWERS = {"review", "reviewer", "editor"}
EVERYONE = {"anonymous", "read", "submit", "review", "reviewer", "editor", "staff"}


def _endpoints():
    """(name, method, path(ctx), body(ctx), allowed personas, status when allowed)."""
    new_article = {"text": "The mayor said on Monday that the barrier will cost 40 million euros."}
    return [
        ("claims list", "get", lambda c: "claims/", None, READERS, 200),
        ("claims export", "get", lambda c: "export/claims.ndjson", None, READERS, 200),
        ("claim detail", "get", lambda c: f"claims/{c['claim'].pk}/", None, READERS, 200),
        ("claim sources", "get", lambda c: f"claims/{c['claim'].pk}/sources/", None, READERS, 200),
        ("claim source", "get", lambda c: f"claims/{c['published'].pk}/sources/{c['source'].pk}/", None, READERS, 200),
        ("api index", "get", lambda c: "", None, EVERYONE, 200),
        ("claim reviews", "get", lambda c: f"claims/{c['claim'].pk}/reviews/", None, READERS, 200),
        ("claim matches", "get", lambda c: f"claims/{c['claim'].pk}/matches/", None, READERS, 200),
        (
            "search claims",
            "post",
            lambda c: "claims/search/",
            lambda c: {"text": "The barrier will cost the city 40 million euros."},
            READERS,
            200,
        ),
        ("articles list", "get", lambda c: "articles/", None, READERS, 200),
        ("article detail", "get", lambda c: f"articles/{c['article'].pk}/", None, READERS | {"submit"}, 200),
        ("revisions", "get", lambda c: f"articles/{c['article'].pk}/revisions/", None, READERS | {"submit"}, 200),
        ("revision", "get", lambda c: f"articles/{c['article'].pk}/revisions/1/", None, READERS | {"submit"}, 200),
        ("speakers list", "get", lambda c: "speakers/", None, READERS, 200),
        ("speaker detail", "get", lambda c: f"speakers/{c['claim'].speaker_id}/", None, READERS, 200),
        ("merged speaker", "get", lambda c: f"speakers/{c['merged'].from_id}/", None, READERS, 301),
        ("tombstones", "get", lambda c: "tombstones/", None, READERS, 200),
        ("submit article", "post", lambda c: "articles/", lambda c: new_article, SUBMITTERS, 202),
        ("retry article", "post", lambda c: f"articles/{c['failed'].pk}/retry/", None, SUBMITTERS, 202),
        (
            "set verdict",
            "post",
            lambda c: f"claims/{c['claim'].pk}/verdict/",
            lambda c: {
                "verdict": "unverifiable",
                "note": "No public record of the figure.",
                "expected_version": c["claim"].version,
            },
            REVIEWERS,
            200,
        ),
        (
            "add source",
            "post",
            lambda c: f"claims/{c['claim'].pk}/sources/",
            lambda c: {"url": "https://council.example/minutes", "stance": "supports"},
            REVIEWERS,
            201,
        ),
        ("claimreview", "get", lambda c: f"claims/{c['published'].pk}/claimreview/", None, EVERYONE, 200),
    ]


CASES = [
    pytest.param(endpoint, persona, id=f"{endpoint[0]}-{persona}") for endpoint in _endpoints() for persona in PERSONAS
]


@pytest.mark.parametrize(("endpoint", "persona"), CASES)
def test_each_persona_is_allowed_or_refused_as_documented(endpoint, persona, client_for, claims, verified_claim):
    _name, method, path, body, allowed, ok_status = endpoint
    ctx = {
        "claim": claims[1],
        "article": claims[1].article,
        "published": verified_claim,
        "source": verified_claim.sources.first(),
        "failed": Article.objects.create(body="Failed.", body_hash="failed", status="failed", status_error="Broken."),
        "merged": SpeakerMerge.objects.create(from_id=987654, from_name="Gone", into_id=claims[1].speaker_id),
    }
    client = client_for(persona)
    kwargs = {"format": "json"} if body else {}
    response = getattr(client, method)(api(path(ctx)), body(ctx) if body else None, **kwargs)
    error = response.json().get("error") if response.status_code >= 400 else None
    if persona in BAD_KEYS:
        assert response.status_code == 401, response.content
        assert error["code"] == BAD_KEYS[persona]
    elif persona in allowed:
        assert response.status_code == ok_status, response.content
    elif persona == "anonymous":
        assert response.status_code == 401, response.content
        assert response["WWW-Authenticate"].startswith("Api-Key")
        assert error["code"] == "not_authenticated"
    else:
        assert response.status_code == 403, response.content
        assert error["code"] == "permission_denied"
        assert "scope" in error["message"]


@pytest.mark.parametrize("persona", ["anonymous", "read", "staff", "reviewer"])
def test_the_public_claim_page_is_open_to_everyone_for_reviewed_claims(persona, client_for, verified_claim):
    response = client_for(persona).get(f"/claims/{verified_claim.pk}/")
    assert response.status_code == 200
    assert b"application/ld+json" in response.content


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_the_schema_and_its_docs_are_public(path, client):
    assert client.get(path).status_code == 200


def test_a_session_write_without_the_csrf_token_is_refused(reviewer, claims):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    response = client.post(
        api(f"claims/{claims[0].pk}/sources/"),
        {"url": "https://council.example/minutes", "stance": "supports"},
        format="json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


def test_a_review_key_whose_account_lost_its_role_is_refused_by_the_review_rules(client_for, key_account, claims):
    key_account.groups.clear()
    response = client_for("review").post(
        api(f"claims/{claims[0].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "n", "expected_version": claims[0].version},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


@pytest.mark.parametrize(
    "header",
    ["Api-Key ", "Api-Key crk_nope", "Api-Key crk_AAAAAAAA_" + "x" * 43, "api-key crk_AAAAAAAA_" + "x" * 43],
)
def test_a_malformed_or_unknown_key_is_refused_as_invalid(header, client):
    response = client.get(api("claims/"), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_key"


def test_a_key_cannot_be_guessed_from_its_public_prefix(keys, client):
    prefix_part = keys["read"].rsplit("_", 1)[0]
    response = client.get(api("claims/"), HTTP_AUTHORIZATION=f"Api-Key {prefix_part}_{'A' * 43}")
    assert response.status_code == 401
