"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
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


# --- the change log (claims.services.changes) ------------------------------------------------------------

# The feed horizon on PostgreSQL: the oldest transaction still running in this statement's snapshot (our
# own excluded: the snapshot's xip never lists it), or, with none running, the next transaction id to be
# given. Every transaction below it has ended, so no change row below it can appear later.
_PG_HORIZON = (
    "COALESCE((SELECT min(x::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x), "
    "pg_snapshot_xmax(pg_current_snapshot())::text::bigint)"
)


@dataclass(frozen=True)
class ChangeRow:
    id: int
    xid: int
    object_id: int
    op: str


def change_page(kind: str, *, after: tuple[int, int] | None, limit: int) -> list[ChangeRow]:
    """Up to `limit` change rows of `kind` after position `after` = (xid, id), in (xid, id) order, each the
    latest change of its object so far.

    On PostgreSQL only rows of ended transactions are returned (below the horizon), so a row can never
    appear later at a position before one already returned. SQLite has one writer at a time, which
    commits its rows before the next writer takes any id: every committed row is final.
    """
    xid, pk = after or (-1, 0)
    # A transaction also sees its own rows (never the case of an API request, which reads in autocommit;
    # it is for code and tests that write and read in one transaction).
    below = (
        f" AND ({{t}}.xid < {_PG_HORIZON} OR {{t}}.xid = pg_current_xact_id_if_assigned()::text::bigint)"
        if connection.vendor == "postgresql"
        else ""
    )
    with connection.cursor() as cursor:
        cursor.execute(
            # A change superseded by a later one of the same object (also below the horizon) is skipped:
            # the object comes at that later position, once, with what it is then (index change_object_idx).
            "SELECT c.id, c.xid, c.object_id, c.op FROM claims_change c "  # noqa: S608 (constant SQL, values bound)
            f"WHERE c.kind = %s AND (c.xid, c.id) > (%s, %s){below.format(t='c')} "
            "AND NOT EXISTS (SELECT 1 FROM claims_change n WHERE n.kind = c.kind AND n.object_id = c.object_id "
            f"AND (n.xid, n.id) > (c.xid, c.id){below.format(t='n')}) "
            "ORDER BY c.xid, c.id LIMIT %s",
            [kind, xid, pk, limit],
        )
        return [ChangeRow(*row) for row in cursor.fetchall()]
