"""Responses compared with the stored examples in tests/api/contracts/ (also quoted in docs/api.md).

Ids, timestamps and cursors vary between runs and are replaced by placeholders before comparing.
A deliberate change of the contract: API_CONTRACTS_UPDATE=1 rewrites the files; review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from claims.models import Tombstone
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

CONTRACTS = Path(__file__).parent / "contracts"
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_ID_IN_URL = re.compile(r"/(claims|articles|speakers)/\d+/")
_ID_IN_QUERY = re.compile(r"([?&](?:article|speaker)=)\d+")
_CURSOR_IN_URL = re.compile(r"cursor=[A-Za-z0-9_.-]+")
_TODAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_KEYS = {"id", "object_id"}


def normalise(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if key in ID_KEYS and isinstance(value, int):
        return "<id>"
    if isinstance(value, str):
        if _DATETIME.match(value):
            return "<datetime>"
        if key in ("next_cursor",):
            return "<cursor>"
        if key == "datePublished" and _TODAY.match(value) and value > "2025":  # the review date: today
            return "<date of review>"
        value = _CURSOR_IN_URL.sub("cursor=<cursor>", value)
        value = _ID_IN_URL.sub(lambda m: f"/{m.group(1)}/<id>/", value)
        return _ID_IN_QUERY.sub(lambda m: f"{m.group(1)}<id>", value)
    return value


def check(name: str, response, status: int = 200) -> None:
    assert response.status_code == status, response.content
    got = {"status": status, "body": normalise(response.json())}
    path = CONTRACTS / f"{name}.json"
    if os.environ.get("API_CONTRACTS_UPDATE") == "1":
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


@pytest.fixture
def reader(client_for):
    return client_for("all")


def test_claim_detail(reader, verified_claim):
    check("claim_detail", reader.get(api(f"claims/{verified_claim.pk}/")))


def test_claims_page(reader, claims, verified_claim):
    check("claims_page", reader.get(api("claims/?ordering=id&page_size=2")))


def test_article_detail(reader, article, verified_claim):
    check("article_detail", reader.get(api(f"articles/{article.pk}/")))


def test_speakers_page(reader, verified_claim):
    check("speakers_page", reader.get(api("speakers/?ordering=name")))


def test_claim_sources_and_reviews(reader, verified_claim):
    check("claim_sources", reader.get(api(f"claims/{verified_claim.pk}/sources/")))
    check("claim_reviews", reader.get(api(f"claims/{verified_claim.pk}/reviews/")))


def test_claimreview(reader, verified_claim):
    check("claimreview", reader.get(api(f"claims/{verified_claim.pk}/claimreview/")))


def test_tombstones_page(reader):
    Tombstone.objects.create(kind="claim", object_id=41, reason="removed by re-extraction")
    check("tombstones_page", reader.get(api("tombstones/")))


def test_article_submitted(client_for):
    response = client_for("submit").post(
        api("articles/"),
        {
            "text": "The port said on Monday that 300 ships called last year.",
            "url": "https://port.example/news/ships",
            "published": "2024-03-08",
            "title": "Ships",
        },
        format="json",
    )
    body = response.json()
    body["status"] = "<status>"  # the extraction may or may not have run in-process already
    body["extracted_at"] = body["extracted_at"] and "<datetime>"
    body["extractor_version"] = "<version>"
    body["claim_counts"] = "<counts>"
    response.json = lambda: body
    check("article_submitted", response, status=202)


def test_validation_error(reader, claims):
    check("error_400", reader.get(api("claims/?verdict=maybe&page_size=0")), status=400)


def test_authentication_error(client):
    check("error_401", client.get(api("claims/")), status=401)


def test_precondition_failed(reader, claims):
    response = reader.post(
        api(f"claims/{claims[0].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "n"},
        format="json",
        HTTP_IF_MATCH='"99"',
    )
    check("error_412", response, status=412)
