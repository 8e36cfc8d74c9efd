"""Re-extraction after the article's text changed: kept claims point at their own sentence, or at nothing.

The rule every interface relies on is `article.body[claim.start:claim.end] == claim.text`. A reviewed
claim the engine no longer returns is found again in the new text (exactly, else up to white space, the
occurrence nearest its old place when there are several); when its sentence is gone it is kept with
its verdict and history, flagged, and has no offsets ("no longer in the article").
"""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from claims import extraction
from claims.models import Article, Claim, Review, SourceLink, Verdict
from claims.services.articles import article_extract, find_span
from tests.review.conftest import ARTICLE_BODY, PASSWORD

pytestmark = pytest.mark.django_db

MAYOR = "The city will spend 40 million euros on the barrier, the mayor said on Tuesday."
BERG = "“It will protect 12,000 homes,” said Anna Berg, the city engineer."
MAY = "She added that work starts in May."


def engine_returning(*sentences: str):
    """An engine that finds exactly these sentences (each once, first occurrence) in whatever body it gets."""

    def extract(body, published=None):
        out = []
        for text in sentences:
            at = body.find(text)
            if at >= 0:
                out.append(extraction.Claim(text=text, start=at, end=at + len(text)))
        return out

    return mock.patch("claims.services.articles.extraction.extract", side_effect=extract)


def review(claim: Claim, verdict: str = Verdict.VERIFIED) -> None:
    Claim.objects.filter(pk=claim.pk).update(verdict=verdict)
    SourceLink.objects.create(claim=claim, url="https://evidence.example/")
    Review.objects.create(claim=claim, from_verdict=Verdict.UNREVIEWED, to_verdict=verdict)


def correct(article: Article, body: str) -> None:
    Article.objects.filter(pk=article.pk).update(body=body)
    article.refresh_from_db()


def assert_offsets_hold(article: Article) -> None:
    body = Article.objects.get(pk=article.pk).body
    for claim in Claim.objects.filter(article=article):
        if claim.start is None:
            assert claim.end is None
            continue
        assert body[claim.start : claim.end] == claim.text, claim.pk
        for row in [*claim.dates.all(), *claim.places.all()]:
            assert row.start is not None and body[row.start : row.end] == row.text


def test_a_reviewed_claim_the_engine_no_longer_returns_follows_its_sentence_when_text_is_inserted(article):
    mayor = article.claims.get(text=MAYOR)
    review(mayor)
    # A correction adds a paragraph above, and the new engine does not return the mayor's sentence.
    correct(article, ARTICLE_BODY.replace("\n\n", "\n\nUpdated: an earlier version misnamed the bridge.\n\n", 1))
    with engine_returning(BERG, MAY):
        article_extract(article_id=article.pk, force=True)
    mayor.refresh_from_db()
    assert mayor.start == article.body.index(MAYOR) and mayor.start != ARTICLE_BODY.index(MAYOR)
    assert mayor.verdict == Verdict.VERIFIED and not mayor.needs_recheck
    assert mayor.dates.get().text == "Tuesday"
    assert_offsets_hold(article)


def test_positions_follow_the_article_order_after_re_anchoring(article):
    berg = article.claims.get(text=BERG)
    review(berg)
    correct(article, ARTICLE_BODY.replace(MAYOR, MAYOR + " Work begins soon."))
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    order = list(Claim.objects.filter(article=article).order_by("position").values_list("text", flat=True))
    assert order == [MAYOR, BERG, MAY]


def test_a_repeated_sentence_is_re_anchored_at_the_occurrence_nearest_its_old_place(article):
    may = article.claims.get(text=MAY)
    review(may)
    old = may.start
    # The sentence now also opens the article, far from where it was; the original place stays.
    correct(article, MAY + "\n\n" + ARTICLE_BODY.replace(MAYOR, "The mayor spoke."))
    with engine_returning(BERG):
        article_extract(article_id=article.pk, force=True)
    may.refresh_from_db()
    assert may.start == article.body.rindex(MAY)
    assert abs(may.start - old) < abs(article.body.index(MAY) - old)
    assert_offsets_hold(article)


def test_a_sentence_whose_white_space_changed_is_re_anchored_and_takes_the_new_spelling(article):
    mayor = article.claims.get(text=MAYOR)
    review(mayor)
    wrapped = MAYOR.replace("barrier, the", "barrier,\nthe")
    correct(article, ARTICLE_BODY.replace(MAYOR, wrapped))
    with engine_returning(BERG, MAY):
        article_extract(article_id=article.pk, force=True)
    mayor.refresh_from_db()
    assert mayor.text == wrapped and mayor.start == article.body.index(wrapped)
    assert mayor.verdict == Verdict.VERIFIED and not mayor.needs_recheck
    assert_offsets_hold(article)


def test_the_engine_returning_a_sentence_with_other_white_space_keeps_the_reviewed_claim(article):
    mayor = article.claims.get(text=MAYOR)
    review(mayor)
    wrapped = MAYOR.replace("40 million", "40\nmillion")
    correct(article, ARTICLE_BODY.replace(MAYOR, wrapped))
    with engine_returning(wrapped, BERG, MAY):
        article_extract(article_id=article.pk, force=True)
    assert Claim.objects.filter(article=article).count() == 3
    mayor.refresh_from_db()
    assert mayor.text == wrapped and mayor.verdict == Verdict.VERIFIED and mayor.reviews.count() == 1
    assert_offsets_hold(article)


def test_a_reviewed_claim_whose_sentence_is_gone_is_kept_detached_with_no_offsets(article):
    berg = article.claims.get(text=BERG)
    review(berg, Verdict.DISPUTED)
    version = berg.version
    correct(article, ARTICLE_BODY.replace(BERG + " ", ""))
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    berg.refresh_from_db()
    assert (berg.start, berg.end) == (None, None) and not berg.in_article
    assert berg.verdict == Verdict.DISPUTED and berg.sources.count() == 1 and berg.reviews.count() == 1
    assert berg.needs_recheck and "no longer in the article" in berg.recheck_reason
    assert berg.version == version + 1
    assert [(p.text, p.start, p.end) for p in berg.places.all()] == [("city", None, None)]
    assert berg.position == 2  # after the claims that are in the text
    assert_offsets_hold(article)
    # Running again changes nothing more.
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    berg.refresh_from_db()
    assert berg.version == version + 1


def test_a_detached_claim_is_anchored_again_when_its_sentence_comes_back(article):
    berg = article.claims.get(text=BERG)
    review(berg)
    correct(article, ARTICLE_BODY.replace(BERG + " ", ""))
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    correct(article, ARTICLE_BODY)
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    berg.refresh_from_db()
    assert berg.start == ARTICLE_BODY.index(BERG)
    assert berg.places.get().start == ARTICLE_BODY.index("city", berg.start)
    assert_offsets_hold(article)


def test_find_span_prefers_the_exact_text_then_the_same_words():
    body = "One two.  Alpha\nbeta gamma. Alpha beta gamma."
    assert find_span(body, "Alpha beta gamma.") == (28, 45)
    assert find_span(body, "Alpha beta gamma.", near=0) == (28, 45)  # exact beats a nearer loose match
    assert find_span(body, "Alpha  beta\tgamma.", near=0) == (10, 27)
    assert find_span(body, "Delta.") is None and find_span(body, "   ") is None


# --- how a detached claim is shown ----------------------------------------------------------------------


@pytest.fixture
def detached(article):
    berg = article.claims.get(text=BERG)
    review(berg)
    correct(article, ARTICLE_BODY.replace(BERG + " ", ""))
    with engine_returning(MAYOR, MAY):
        article_extract(article_id=article.pk, force=True)
    berg.refresh_from_db()
    assert berg.start is None
    return berg


def test_the_article_page_lists_a_detached_claim_as_no_longer_in_the_article(client, reviewer, detached):
    client.login(username=reviewer.username, password=PASSWORD)
    page = client.get(reverse("admin:claims_article_change", args=[detached.article_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "No longer in the article" in html and 'id="detached-claims"' in html
    assert reverse("admin:claims_claim_change", args=[detached.pk]) in html
    assert page.context["highlighted"].placed == 2 and not page.context["highlighted"].not_placed


def test_the_claim_page_and_list_say_the_claim_is_no_longer_in_the_article(client, reviewer, detached):
    client.login(username=reviewer.username, password=PASSWORD)
    page = client.get(reverse("admin:claims_claim_change", args=[detached.pk]))
    assert page.status_code == 200 and "No longer in the article" in page.content.decode()
    listing = client.get(reverse("admin:claims_claim_changelist"))
    assert listing.status_code == 200 and "no longer in the article" in listing.content.decode()


def test_the_public_page_says_the_sentence_is_no_longer_in_the_article(client, detached):
    page = client.get(reverse("public-claim", args=[detached.pk]))
    assert page.status_code == 200 and "No longer in the article" in page.content.decode()


def test_the_api_gives_a_detached_claim_null_offsets(detached, settings):
    from rest_framework.test import APIClient

    from api.keys import api_key_create

    settings.API_SYNC_SAFETY_LAG_SECONDS = 0  # list what was just written
    key = api_key_create(name="Reader", scopes=["read"]).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    body = client.get(f"/api/v1/claims/{detached.pk}/").json()
    assert (body["start"], body["end"]) == (None, None)
    assert body["verdict"] == Verdict.VERIFIED and body["needs_recheck"] is True
    assert all(p["start"] is None for p in body["places"])
    listed = client.get(f"/api/v1/claims/?article={detached.article_id}").json()["results"]
    assert {c["id"]: c["start"] for c in listed}[detached.pk] is None


def test_the_database_refuses_half_an_offset_pair(article):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=article.claims.first().pk).update(start=None)
