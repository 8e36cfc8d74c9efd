"""The public feeds: the ClaimReview DataFeed (/claims/feed.jsonld) and the sitemap (/sitemap.xml)."""

from __future__ import annotations

import re

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import feeds
from api.claimreview import CLAIMREVIEW_SCHEMA
from claims.models import Claim
from claims.services.articles import article_retract
from claims.services.review import claim_review
from tests.api.conftest import api
from tests.api.test_claims import make_claims

pytestmark = pytest.mark.django_db
FEED = "/claims/feed.jsonld"


def publish(claims: list[Claim], verdict: str = "verified") -> None:
    """Give claims a verdict through save() (which logs the change, as every write does)."""
    for claim in claims:
        claim.verdict = verdict
        claim.verdict_note = "Invented note."
        claim.reviewed_at = timezone.now()
        claim.save()


def ids_in(doc: dict) -> list[int]:
    return [int(re.search(r"/claims/(\d+)/$", e["item"]["url"]).group(1)) for e in doc["dataFeedElement"]]


# --- the DataFeed ---------------------------------------------------------------------------------------


def test_the_feed_lists_published_claim_reviews_newest_change_first(client, claims, verified_claim):
    others = make_claims(3)
    publish([others[2], others[0]])
    article_retract(article_id=others[1].article_id, user=None, reason="Invented for a test.")  # hides others
    publish([claims[2]], "disputed")
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    doc = response.json()
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "DataFeed"
    assert doc["url"] == "http://testserver/claims/feed.jsonld"
    # Unreviewed claims and the retracted article's claims are not in it; the last change comes first.
    assert ids_in(doc) == [claims[2].pk, verified_claim.pk]
    assert "next" not in doc
    for element in doc["dataFeedElement"]:
        assert element["@type"] == "DataFeedItem"
        jsonschema.validate({"@context": "https://schema.org", **element["item"]}, CLAIMREVIEW_SCHEMA)
    assert doc["dataFeedElement"][0]["item"]["reviewRating"]["alternateName"] == "Disputed"
    assert doc["dateModified"] == doc["dataFeedElement"][0]["dateModified"]


def test_the_feed_is_paged_with_next_links_and_loses_nothing(client, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_PAGE_SIZE", 2)
    made = make_claims(5)
    publish(made)
    seen, url, pages = [], FEED, 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        doc = response.json()
        seen += ids_in(doc)
        url = doc.get("next")
        if url:
            assert response["Link"] == f'<{url}>; rel="next"'
        pages += 1
    assert pages == 3
    assert seen == [c.pk for c in reversed(made)]  # published in id order: the newest change is the last


@pytest.mark.parametrize(
    "cursor",
    ["nonsense", "x" * 3000, "eyJvIjoiaWQifQ.forged"],
)
def test_an_invalid_cursor_is_a_400_in_the_api_error_shape(client, claims, verified_claim, cursor):
    response = client.get(FEED, {"cursor": cursor})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_cursor"
    assert "cursor" in error["fields"]
    assert response["Cache-Control"] == "no-store"


def test_a_cursor_of_another_list_is_refused(client, client_for, claims, verified_claim):
    other = client_for("read").get(api("claims/?ordering=id&page_size=1")).json()["next_cursor"]
    response = client.get(FEED, {"cursor": other})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_the_feed_is_public_cached_and_revalidated_by_etag_and_date(client, claims, verified_claim, key_account):
    first = client.get(FEED)
    assert first["Cache-Control"] == "public, max-age=300"
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(FEED, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # A verdict given since: a new ETag, and the cached body is not served for it.
    claims[1].refresh_from_db()
    claim_review(
        claim_id=claims[1].pk,
        user=key_account,
        verdict="unverifiable",
        note="Invented.",
        expected_version=claims[1].version,
    )
    second = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200
    assert second["ETag"] != etag
    assert ids_in(second.json())[0] == claims[1].pk


def test_a_retraction_changes_the_feed_at_once(client, claims, verified_claim):
    etag = client.get(FEED)["ETag"]
    article_retract(article_id=verified_claim.article_id, user=None, reason="Invented for a test.")
    response = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert ids_in(response.json()) == []


def test_the_feed_costs_a_fixed_number_of_queries_and_one_when_cached(client, monkeypatch):
    publish(make_claims(30))
    with CaptureQueriesContext(connection) as cold:
        client.get(FEED)
    with CaptureQueriesContext(connection) as warm:
        assert client.get(FEED).status_code == 200
    assert len(cold) <= 2  # the change log's head, the page
    assert len(warm) == 1  # the head only: the body comes from the cache


def test_the_feed_takes_no_writes(client, claims, verified_claim):
    assert client.post(FEED).status_code == 405


# --- the sitemap ----------------------------------------------------------------------------------------


def locations(content: bytes) -> list[str]:
    """The <loc> URLs of a sitemap or sitemap index (parsed: the document must be well-formed XML)."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(content)  # noqa: S314 (our own output)
    assert root.tag.startswith("{http://www.sitemaps.org/schemas/sitemap/0.9}")
    return [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def test_the_sitemap_lists_the_public_claim_pages_only(client, claims, verified_claim):
    hidden = make_claims(2)
    publish(hidden)
    article_retract(article_id=hidden[0].article_id, user=None, reason="Invented for a test.")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert b"<urlset" in response.content
    assert locations(response.content) == [f"http://testserver/claims/{verified_claim.pk}/"]
    assert b"<lastmod>" in response.content
    for url in locations(response.content):  # every listed page exists
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
    assert client.get(f"/claims/{claims[1].pk}/").status_code == 404  # unreviewed: no page, not listed


def test_the_sitemap_is_cached_and_revalidated(client, claims, verified_claim):
    first = client.get("/sitemap.xml")
    assert first["Cache-Control"] == "public, max-age=300"
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    publish([claims[1]])
    second = client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert len(locations(second.content)) == 2


def test_beyond_one_file_the_sitemap_is_an_index_of_pages(client, monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 2)
    made = make_claims(5)
    publish(made)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"<sitemapindex" in index.content
    pages = locations(index.content)
    assert pages == [
        "http://testserver/sitemap-claims.xml",
        "http://testserver/sitemap-claims.xml?p=2",
        "http://testserver/sitemap-claims.xml?p=3",
    ]
    listed = []
    for page in pages:
        response = client.get(page.removeprefix("http://testserver"))
        assert response.status_code == 200
        listed += locations(response.content)
    assert listed == [f"http://testserver/claims/{c.pk}/" for c in made]


@pytest.mark.parametrize("query", ["?p=2", "?p=x", "?p=0", "?p=-1", "?p=99999999999999999999"])
def test_a_sitemap_page_past_the_end_or_not_a_number_is_404(client, claims, verified_claim, query):
    assert client.get(f"/sitemap-claims.xml{query}").status_code == 404


def test_an_unknown_sitemap_section_is_404(client, claims, verified_claim):
    assert client.get("/sitemap-speakers.xml").status_code == 404


def test_the_feed_and_sitemap_answer_head(client, claims, verified_claim):
    for path in (FEED, "/sitemap.xml"):
        response = client.head(path)
        assert response.status_code == 200
        assert response["ETag"]
