"""schema.org ClaimReview JSON-LD and the public claim page."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from django.test import Client

from api.claimreview import BEST_RATING, CLAIMREVIEW_SCHEMA, UNVERIFIABLE_RATING, WORST_RATING, claim_words
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
        ("unverifiable", {"note": "No record exists."}, "Unverifiable", UNVERIFIABLE_RATING),
    ],
)
def test_each_verdict_has_a_valid_claimreview(verdict, kwargs, label, value, client, claims, key_account):
    claim = review(claims[1], key_account, verdict, **kwargs)
    response = client.get(api(f"claims/{claim.pk}/claimreview/"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    doc = response.json()
    validate(doc)
    assert doc["claimReviewed"] == claim.text  # the fixture's claim 1 has no quote stored: the whole sentence
    assert doc["reviewRating"]["alternateName"] == label
    assert doc["reviewRating"]["ratingValue"] == value  # every verdict is on the scale, unverifiable too
    assert doc["reviewRating"]["bestRating"] == BEST_RATING and doc["reviewRating"]["worstRating"] == WORST_RATING
    assert doc["inLanguage"] == "en" and item_language(doc) == "en"
    item = doc["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Anna Berg", "jobTitle": "city engineer"}
    assert item["datePublished"] == "2024-03-08"  # when the claim was made: the article's date
    assert item["appearance"]["url"] == "https://harbour.example/news/flood-barrier"
    assert doc["url"] == f"http://127.0.0.1:8000/claims/{claim.pk}/"  # REGISTRY_PUBLIC_URL's default
    assert doc["author"]["name"] == "Claim Registry"


def item_language(doc: dict) -> str:
    return doc["itemReviewed"]["appearance"]["inLanguage"]


def test_the_addresses_come_from_settings_never_from_the_host_header(client, verified_claim, settings):
    settings.REGISTRY_PUBLIC_URL = "https://claims.harbour.example/"
    settings.REGISTRY_ORGANIZATION_URL = "https://harbour.example/fact-desk/"
    for host in ("testserver", "localhost", "127.0.0.1"):  # each an allowed host: a client picks one
        doc = client.get(api(f"claims/{verified_claim.pk}/claimreview/"), HTTP_HOST=host).json()
        assert doc["url"] == f"https://claims.harbour.example/claims/{verified_claim.pk}/"
        assert doc["author"]["url"] == "https://harbour.example/fact-desk/"
        page = Client().get(f"/claims/{verified_claim.pk}/", HTTP_HOST=host).content.decode()
        assert f"https://claims.harbour.example/claims/{verified_claim.pk}/" in page
        assert f"//{host}/claims/" not in page
        detail = client.get(api(f"claims/{verified_claim.pk}/"), HTTP_HOST=host)
        assert detail.status_code in (200, 401)  # (a key is needed; the public_url is checked below)
    from api.claimreview import public_claim_url

    assert public_claim_url(7) == "https://claims.harbour.example/claims/7/"


def test_the_review_is_dated_by_its_first_verdict_and_modified_by_the_latest(client, claims, key_account, monkeypatch):
    from datetime import UTC, datetime

    from django.utils import timezone

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    at(datetime(2024, 3, 10, 9, 30, tzinfo=UTC))
    review(claims[1], key_account, "unverifiable", note="No record yet.")
    at(datetime(2024, 4, 2, 16, 5, tzinfo=UTC))
    review(claims[1], key_account, "verified", sources=[{"url": "https://records.example/a", "stance": "supports"}])
    monkeypatch.undo()
    doc = client.get(api(f"claims/{claims[1].pk}/claimreview/")).json()
    validate(doc)
    assert doc["datePublished"] == "2024-03-10T09:30:00Z"
    assert doc["dateModified"] == "2024-04-02T16:05:00Z"
    assert doc["reviewRating"]["alternateName"] == "Verified"


def test_a_claim_given_its_verdict_without_history_is_dated_by_its_review(client, claims):
    from datetime import UTC, datetime

    Claim.objects.filter(pk=claims[2].pk).update(verdict="disputed", reviewed_at=datetime(2024, 5, 1, 8, tzinfo=UTC))
    doc = client.get(api(f"claims/{claims[2].pk}/claimreview/")).json()
    validate(doc)
    assert doc["datePublished"] == doc["dateModified"] == "2024-05-01T08:00:00Z"


def test_the_language_is_the_articles(client, verified_claim):
    from claims.models import Article

    Article.objects.filter(pk=verified_claim.article_id).update(language="nl")
    doc = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert doc["inLanguage"] == item_language(doc) == "nl"


@pytest.mark.parametrize(
    ("text", "kind", "cue", "quote", "words"),
    [
        # A quote with nothing but its attribution around it: the quoted words.
        (
            "“It will protect 12,000 homes in Rotterdam,” said Anna Berg, the city engineer.",
            "direct_quote",
            "said",
            "It will protect 12,000 homes in Rotterdam",
            "It will protect 12,000 homes in Rotterdam",
        ),
        # The clause after the words, before them, and "according to".
        (
            "The tunnel will cost 3 million euros more, the council said on Monday.",
            "reported_speech",
            "said",
            "",
            "The tunnel will cost 3 million euros more",
        ),
        (
            "Police said 40 people were arrested in the square.",
            "reported_speech",
            "said",
            "",
            "40 people were arrested in the square.",
        ),
        ("She added that work starts in May.", "reported_speech", "added", "", "Work starts in May."),
        (
            "According to the harbour office, 300 ships docked in June.",
            "reported_speech",
            "According to",
            "",
            "300 ships docked in June.",
        ),
        (
            "The ferry runs twice a day, the operator said in a statement.",
            "reported_speech",
            "said in a statement",
            "",
            "The ferry runs twice a day",
        ),
        # Where the engine knows no attribution, or its shape is not a plain one: the whole sentence.
        ("The city will spend 40 million euros on the barrier.", "statement", "", "", None),
        (
            "The minister told reporters that rents rose 4 percent, adding that “the worst is over.”",
            "direct_quote",
            "adding",
            "the worst is over.",
            None,
        ),
        (
            "Rents rose, which the mayor, who said nothing else, denied.",
            "reported_speech",
            "said",
            "",
            None,
        ),
    ],
)
def test_claim_reviewed_is_the_claims_words_without_the_attribution_where_known(text, kind, cue, quote, words):
    claim = Claim(text=text, kind=kind, attribution_cue=cue, quote=quote)
    assert claim_words(claim) == (text if words is None else words)


def test_claim_reviewed_in_the_document_drops_the_attribution(client, verified_claim):
    Claim.objects.filter(pk=verified_claim.pk).update(kind="reported_speech", attribution_cue="said")
    doc = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert doc["claimReviewed"] == "The city will spend 40 million euros on the barrier"


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
