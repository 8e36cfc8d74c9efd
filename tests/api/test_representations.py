"""The hand-written fast representations equal DRF's generic output of the declared fields."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from api import selectors
from api.serializers import ClaimOut, ReviewOut, SourceOut, Urls
from api.views import ArticleDetailOut, ArticleSummaryOut, SpeakerOut, TombstoneOut
from claims.models import Review, Tombstone

pytestmark = pytest.mark.django_db


@pytest.fixture
def context():
    request = RequestFactory().get("/api/v1/claims/")
    return {"request": request, "urls": Urls(request), "viewer": selectors.EVERYTHING}


def assert_same(serializer_class, instance, context):
    serializer = serializer_class(context=context)
    fast = serializer.to_representation(instance)
    generic = serializer.generic_representation(instance)
    assert fast == generic
    assert list(fast) == list(serializer.fields)  # same fields, same order


def test_claims_with_and_without_speaker_outlet_and_review(context, claims, verified_claim):
    from claims.models import Article, Claim

    Claim.objects.filter(pk=claims[2].pk).update(speaker=None)
    Article.objects.filter(pk=claims[0].article_id).update(outlet=None, published_at=None, url=None)
    for claim in selectors.claims_with_details(selectors.visible_claims(selectors.EVERYTHING)):
        assert_same(ClaimOut, claim, context)


def test_sources_reviews_and_tombstones(context, verified_claim):
    for source in verified_claim.sources.all():
        assert_same(SourceOut, source, context)
    for review in Review.objects.all():
        assert_same(ReviewOut, review, context)
    tombstone = Tombstone.objects.create(kind="claim", object_id=5, reason="gone")
    assert_same(TombstoneOut, tombstone, context)


def test_articles_and_speakers_with_counts(context, article, verified_claim):
    article = selectors.article_get(article.pk, viewer=selectors.EVERYTHING)
    assert_same(ArticleSummaryOut, article, context)
    assert_same(ArticleDetailOut, article, context)
    speaker = selectors.speaker_get(verified_claim.speaker_id, viewer=selectors.EVERYTHING)
    assert_same(SpeakerOut, speaker, context)
