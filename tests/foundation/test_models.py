"""Database-level invariants of the domain model."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Article, Claim, Review, Speaker, Verdict

pytestmark = pytest.mark.django_db


def make_article(**kwargs):
    defaults = dict(body="Body text.", body_hash="h" * 64)
    return Article.objects.create(**{**defaults, **kwargs})


def test_article_url_keys_are_unique_when_present():
    # The key is the URL's identity (claims.canonical_url); the service fills it in.
    make_article(url="https://news.example/a", url_key="k1", body_hash="1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="http://news.example/a", url_key="k1", body_hash="2")


def test_many_articles_may_have_no_url():
    make_article(url=None, body_hash="1")
    make_article(url=None, body_hash="2")
    assert Article.objects.filter(url__isnull=True, url_key__isnull=True).count() == 2


def test_speaker_keys_are_unique():
    Speaker.objects.create(name="Ana Díaz", key="ana díaz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Speaker.objects.create(name="ANA DÍAZ", key="ana díaz")


def test_claim_offsets_must_be_ordered():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=article, text="x", start=5, end=2)


class TestReviewsAreAppendOnly:
    @pytest.fixture
    def review(self):
        article = make_article()
        claim = Claim.objects.create(article=article, text="Body text.", start=0, end=10)
        return Review.objects.create(
            claim=claim, reviewer=None, from_verdict=Verdict.UNREVIEWED, to_verdict=Verdict.VERIFIED, note="checked"
        )

    def test_a_review_cannot_be_saved_again(self, review):
        review.note = "rewritten"
        with pytest.raises(TypeError, match="append-only"):
            review.save()
        assert Review.objects.get(pk=review.pk).note == "checked"

    def test_a_review_cannot_be_deleted(self, review):
        with pytest.raises(TypeError, match="append-only"):
            review.delete()
        assert Review.objects.filter(pk=review.pk).exists()

    def test_reviews_cannot_be_bulk_updated_or_deleted(self, review):
        with pytest.raises(TypeError):
            Review.objects.filter(pk=review.pk).update(note="x")
        with pytest.raises(TypeError):
            Review.objects.all().delete()
        assert Review.objects.get(pk=review.pk).note == "checked"

    def test_a_claim_with_history_cannot_be_deleted(self, review):
        with pytest.raises(IntegrityError), transaction.atomic():
            review.claim.delete()
