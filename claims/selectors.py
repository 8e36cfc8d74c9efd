"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from claims.models import Article, Claim, ClaimDate, ClaimMatch, ClaimPlace, Review, SourceLink, Verdict


def claims_with_details() -> QuerySet[Claim]:
    """Claims with everything a list or detail view shows, in a constant number of queries."""
    return Claim.objects.select_related("article", "article__outlet", "speaker", "reviewed_by").prefetch_related(
        Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
        Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
        Prefetch("sources", queryset=SourceLink.objects.order_by("added_at", "id")),
    )


def claim_history(claim_id: int, *, newest_first: bool = False) -> QuerySet[Review]:
    """A claim's reviews (its verdict history) with their reviewers, oldest first unless asked otherwise.

    The one query behind the admin's history table, the API's reviews endpoint and the services that
    quote the last change or read which review removed a source.
    """
    order = ("-created_at", "-id") if newest_first else ("created_at", "id")
    return Review.objects.filter(claim_id=claim_id).select_related("reviewer").order_by(*order)


def articles_stuck(*, older_than: timedelta | None = None) -> QuerySet[Article]:
    """Articles left fetching, pending or extracting longer than the configured timeout (lost tasks, dead workers)."""
    if older_than is None:
        older_than = timedelta(seconds=settings.REGISTRY_STUCK_AFTER_SECONDS)
    limit = timezone.now() - older_than
    return Article.objects.filter(
        status__in=[Article.Status.FETCHING, Article.Status.PENDING, Article.Status.EXTRACTING],
        updated_at__lt=limit,
    ).order_by("updated_at", "id")


def claim_matches(claim_id: int) -> QuerySet[ClaimMatch]:
    """A claim's likely earlier checks, best first: stored matches whose claim still has a verdict and
    whose article is not retracted, with the earlier claim's article, reviewer and sources."""
    return (
        ClaimMatch.objects.filter(claim_id=claim_id, matched__article__retracted_at__isnull=True)
        .exclude(matched__verdict=Verdict.UNREVIEWED)
        .select_related("matched", "matched__article", "matched__article__outlet", "matched__reviewed_by")
        .prefetch_related(Prefetch("matched__sources", queryset=SourceLink.objects.order_by("added_at", "id")))
        .order_by("-score", "matched_id")
    )


def claim_family(claim: Claim) -> QuerySet[Claim]:
    """The other claims of the claim's family (the same sentence in other articles), oldest first."""
    if not claim.family_key:
        return Claim.objects.none()
    return (
        Claim.objects.filter(family_key=claim.family_key, article__retracted_at__isnull=True)
        .exclude(pk=claim.pk)
        .select_related("article", "article__outlet", "reviewed_by")
        .order_by("created_at", "id")
    )
