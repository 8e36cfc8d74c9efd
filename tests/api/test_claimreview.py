"""schema.org ClaimReview JSON-LD and the public claim page."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from django.test import Client

from api.claimreview import BEST_RATING, CLAIMREVIEW_SCHEMA, WORST_RATING
from claims.models import Claim, Speaker
from claims.services.review import claim_review
from tests.api.conftest import api

pytestmark = pytest.mark.django_db
_FORMATS = jsonschema.FormatChecker()


def validate(doc: dict) -> None:
    jsonschema.validate(doc, CLAIMREVIEW_SCHEMA, format_checker=_FORMATS)
    rating = doc["reviewRating"]
    if "ratingValue" in rating:  # a value is only meaningful with its scale
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def review(claim: Claim, user, verdict: str, **kwargs) -> Claim:
    claim.refresh_from_db()
    return claim_review(claim_id=claim.pk, user=user, verdict=verdict, expected_version=claim.version, **kwargs)


@pytest.mark.parametrize(
    ("verdict", "kwargs", "label", "value"),
    [
        ("verified", {"sources": [{"url": "https://a.example/", "stance": "supports"}]}, "Verified", BEST_RATING),
        ("disputed", {"sources": [{"url": "https://a.example/", "stance": "refutes"}]}, "Disputed", WORST_RATING),
        ("unverifiable", {"note": "No record exists."}, "Unverifiable", None),
    ],
)
def test_each_verdict_has_a_valid_claimreview(verdict, kwargs, label, value, client, claims, key_account):
    claim = review(claims[1], key_account, verdict, **kwargs)
    response = client.get(api(f"claims/{claim.pk}/claimreview/"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    doc = response.json()
    validate(doc)
    assert doc["claimReviewed"] == claim.text
    assert doc["reviewRating"]["alternateName"] == label
    assert doc["reviewRating"].get("ratingValue") == value
    item = doc["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Anna Berg", "jobTitle": "city engineer"}
    assert item["datePublished"] == "2024-03-08"  # when the claim was made: the article's date
    assert item["appearance"]["url"] == "https://harbour.example/news/flood-barrier"
    assert doc["url"] == f"http://testserver/claims/{claim.pk}/"
    assert doc["author"]["name"] == "Claim Registry"


def test_the_organisation_comes_from_settings(client, verified_claim, settings):
    settings.REGISTRY_ORGANIZATION_NAME = "Harbour Fact Desk"
    settings.REGISTRY_ORGANIZATION_URL = "https://facts.harbour.example/"
    doc = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert doc["author"] == {
        "@type": "Organization",
        "name": "Harbour Fact Desk",
        "url": "https://facts.harbour.example/",
    }


def test_an_organisation_speaker_is_an_organization_and_a_claim_without_speaker_has_no_author(client, verified_claim):
    Speaker.objects.filter(pk=verified_claim.speaker_id).update(kind=Speaker.Kind.ORGANISATION)
    assert client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "the mayor",
    }
    Claim.objects.filter(pk=verified_claim.pk).update(speaker=None)
    doc = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    validate(doc)
    assert "author" not in doc["itemReviewed"]


def test_unreviewed_claims_have_no_public_review_and_look_like_missing_ones(client, claims):
    unpublished = client.get(api(f"claims/{claims[2].pk}/claimreview/"))
    missing = client.get(api("claims/987654/claimreview/"))
    assert unpublished.status_code == missing.status_code == 404
    assert unpublished.json()["error"]["code"] == missing.json()["error"]["code"] == "not_found"
    assert Client().get(f"/claims/{claims[2].pk}/").status_code == 404


def test_the_public_page_shows_the_claim_and_embeds_the_same_jsonld(client, verified_claim):
    page = Client().get(f"/claims/{verified_claim.pk}/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    assert json.loads(blocks[0]) == client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert "Verified" in page and "council.example/budget-2024" in page and verified_claim.text in page


def test_hostile_claim_text_cannot_break_out_of_the_page(client, verified_claim):
    hostile = '</script><script>alert(1)</script> & <b>"quoted"</b>'
    Claim.objects.filter(pk=verified_claim.pk).update(text=hostile)
    page = Client().get(f"/claims/{verified_claim.pk}/").content.decode()
    assert "<script>alert(1)" not in page
    assert page.count("</script>") == 1
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block)["claimReviewed"] == hostile


def test_a_retracted_articles_reviews_are_withdrawn(client, verified_claim):
    from django.utils import timezone

    from claims.models import Article

    Article.objects.filter(pk=verified_claim.article_id).update(retracted_at=timezone.now())
    assert client.get(api(f"claims/{verified_claim.pk}/claimreview/")).status_code == 404
    assert Client().get(f"/claims/{verified_claim.pk}/").status_code == 404


# "Unreviewed claims are not public" is enforced twice (the selector's query and is_published): one test
# per place, so that removing either check fails a test.


def test_the_published_claim_selector_never_returns_an_unreviewed_claim(claims, verified_claim):
    from api import selectors

    assert selectors.published_claim_get(claims[2].pk) is None
    assert selectors.published_claim_get(verified_claim.pk) == verified_claim


def test_is_published_is_false_for_an_unreviewed_claim_or_a_retracted_article(claims, verified_claim):
    from django.utils import timezone

    from api.claimreview import is_published

    unreviewed = Claim.objects.select_related("article").get(pk=claims[2].pk)
    assert not is_published(unreviewed)
    published = Claim.objects.select_related("article").get(pk=verified_claim.pk)
    assert is_published(published)
    published.article.retracted_at = timezone.now()
    assert not is_published(published)
