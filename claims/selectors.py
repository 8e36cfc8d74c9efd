"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from claims.models import Article, Claim, ClaimDate, ClaimPlace, Review, SourceLink, Verdict


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


# --- the review desk ----------------------------------------------------------------------------------

DESK_TODO = "todo"  # unreviewed, or flagged for a re-check
DESK_ANY = "any"


@dataclass(frozen=True)
class DeskFilters:
    """What the desk's queue is narrowed to (all optional); `verdict` is DESK_TODO, DESK_ANY or a verdict."""

    article_id: int | None = None
    outlet_id: int | None = None
    speaker_id: int | None = None
    verdict: str = DESK_TODO
    needs_recheck: bool = False
    signoff_pending: bool = False


def _desk_claims(filters: DeskFilters) -> QuerySet[Claim]:
    queue = Claim.objects.filter(article__retracted_at__isnull=True)
    if filters.article_id is not None:
        queue = queue.filter(article_id=filters.article_id)
    if filters.outlet_id is not None:
        queue = queue.filter(article__outlet_id=filters.outlet_id)
    if filters.speaker_id is not None:
        queue = queue.filter(speaker_id=filters.speaker_id)
    if filters.verdict == DESK_TODO:
        queue = queue.filter(Q(verdict=Verdict.UNREVIEWED) | Q(needs_recheck=True))
    elif filters.verdict != DESK_ANY:
        queue = queue.filter(verdict=filters.verdict)
    if filters.needs_recheck:
        queue = queue.filter(needs_recheck=True)
    if filters.signoff_pending:
        queue = queue.exclude(verdict=Verdict.UNREVIEWED).filter(signed_off_at__isnull=True)
    return queue


def _desk_part(user: Any, filters: DeskFilters, rank: int) -> QuerySet[Claim]:
    """One half of the queue (0: assigned to the user, 1: unassigned), most check-worthy first.

    Each half is read in the order of the claim_desk_idx index (check-worthiness descending, id), so a
    slice stops after a few index entries instead of sorting every matching claim.
    """
    queue = _desk_claims(filters)
    user_id = getattr(user, "pk", None)
    queue = queue.filter(assigned_to_id=user_id) if rank == 0 else queue.filter(assigned_to__isnull=True)
    return queue.order_by("-checkworthiness", "id")


def desk_queue(*, user: Any, filters: DeskFilters) -> QuerySet[Claim]:
    """The desk's queue: claims assigned to `user`, then unassigned ones, most check-worthy first.

    Claims of retracted articles and claims assigned to somebody else are not in it. The queue is never
    counted (at a million claims a COUNT(*) per page is the slow part); the desk reads it in slices
    through desk_first / desk_after / desk_before, one half at a time.
    """
    user_id = getattr(user, "pk", None)
    queue = _desk_claims(filters).filter(Q(assigned_to__isnull=True) | Q(assigned_to_id=user_id))
    rank = Case(When(assigned_to_id=user_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queue.annotate(desk_rank=rank).order_by("desk_rank", "-checkworthiness", "id")


def desk_rank(claim: Claim, user: Any) -> int:
    return 0 if claim.assigned_to_id is not None and claim.assigned_to_id == getattr(user, "pk", None) else 1


def desk_first(*, user: Any, filters: DeskFilters) -> Claim | None:
    return _desk_part(user, filters, 0).first() or _desk_part(user, filters, 1).first()


def desk_after(*, user: Any, filters: DeskFilters, claim: Claim, limit: int = 1) -> list[Claim]:
    """The next `limit` claims of the queue after `claim` (by its place in the order, whether or not it is
    still in the queue: a claim that just got its verdict leaves the queue, its successor does not move)."""
    rank, worth = desk_rank(claim, user), claim.checkworthiness
    # The plain range first: it is what the index can seek to (the OR alone makes it scan from the top).
    after = Q(checkworthiness__lte=worth) & (Q(checkworthiness__lt=worth) | Q(checkworthiness=worth, id__gt=claim.pk))
    found = list(_desk_part(user, filters, rank).filter(after).select_related("speaker", "article")[:limit])
    if rank == 0 and len(found) < limit:
        found += list(_desk_part(user, filters, 1).select_related("speaker", "article")[: limit - len(found)])
    return found


def desk_before(*, user: Any, filters: DeskFilters, claim: Claim) -> Claim | None:
    """The claim of the queue just before `claim`, or None."""
    rank, worth = desk_rank(claim, user), claim.checkworthiness
    before = Q(checkworthiness__gte=worth) & (Q(checkworthiness__gt=worth) | Q(checkworthiness=worth, id__lt=claim.pk))
    found = _desk_part(user, filters, rank).filter(before).order_by("checkworthiness", "-id").first()
    if found is None and rank == 1:
        found = _desk_part(user, filters, 0).order_by("checkworthiness", "-id").first()
    return found


def desk_claim(claim_id: int) -> Claim | None:
    """One claim with everything the desk shows about it (article, speaker, dates, places, sources)."""
    return (
        Claim.objects.select_related("article", "article__outlet", "speaker", "assigned_to", "reviewed_by")
        .prefetch_related(
            Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
            Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
            Prefetch("sources", queryset=SourceLink.objects.select_related("added_by").order_by("added_at", "id")),
        )
        .filter(pk=claim_id)
        .first()
    )
