"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from claims.models import (
    Article,
    Claim,
    ClaimComment,
    ClaimDate,
    ClaimMatch,
    ClaimPlace,
    Review,
    SourceLink,
    Verdict,
)


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


def claim_comments(claim_id: int) -> QuerySet[ClaimComment]:
    """A claim's discussion thread, oldest first, with the authors (one query)."""
    return ClaimComment.objects.filter(claim_id=claim_id).select_related("author").order_by("created_at", "id")


# --- the reviewers' dashboard (admin index) -------------------------------------------------------------

# Review.action of a verdict given or changed (claims.services.review.ACTION_VERDICT; spelt out here because
# the services import this module).
_VERDICT_ACTION = "verdict"
DASHBOARD_WEEKS = 12
# Age bands of the review queue: (label, lower bound in days, upper bound in days or None).
QUEUE_AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("under 1 day", 0, 1),
    ("1–7 days", 1, 7),
    ("7–30 days", 7, 30),
    ("over 30 days", 30, None),
)


@dataclass(frozen=True)
class ReviewerThroughput:
    name: str
    claims: int  # distinct claims given a verdict this week
    verdicts: int  # verdicts given (a claim changed twice counts twice)


@dataclass(frozen=True)
class Dashboard:
    """The figures of the admin index dashboard, read in a fixed number of aggregate queries."""

    now: datetime
    week_start: datetime  # Monday 00:00 of this week, local time
    weeks: list[date]  # the Mondays of the last DASHBOARD_WEEKS weeks, oldest first
    verdicts_by_week: dict[date, dict[str, int]]  # Monday -> verdict -> verdicts given that week
    queue_size: int  # unreviewed claims of articles not retracted
    queue_oldest: datetime | None  # when the oldest of them was extracted
    queue_by_age: list[tuple[str, int]]
    throughput: list[ReviewerThroughput]  # this week, most claims first
    signoffs_pending: int  # claims with a verdict not yet signed off by an editor
    signoffs_oldest: datetime | None  # the oldest such verdict
    sources_by_state: list[tuple[str, str, int]]  # (state, label, count), every state
    articles_by_status: list[tuple[str, str, int]]  # (status, label, count), every status
    articles_failed: list[Article] = field(default_factory=list)  # the latest few failed articles

    @property
    def queue_oldest_age(self) -> timedelta | None:
        return None if self.queue_oldest is None else self.now - self.queue_oldest

    @property
    def articles_failed_count(self) -> int:
        return next((n for status, _label, n in self.articles_by_status if status == Article.Status.FAILED), 0)


def _week_start(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    monday = local.date() - timedelta(days=local.weekday())
    return timezone.make_aware(datetime.combine(monday, time.min), timezone.get_current_timezone())


def review_dashboard(*, now: datetime | None = None, failed_shown: int = 5) -> Dashboard:
    """Everything the dashboard shows, in seven aggregate queries whatever the number of claims."""
    now = now or timezone.now()
    week_start = _week_start(now)
    first_week = week_start - timedelta(weeks=DASHBOARD_WEEKS - 1)
    weeks = [(first_week + timedelta(weeks=i)).date() for i in range(DASHBOARD_WEEKS)]

    verdicts_by_week: dict[date, dict[str, int]] = {week: {} for week in weeks}
    rows = (
        Review.objects.filter(action=_VERDICT_ACTION, created_at__gte=first_week, created_at__lte=now)
        .annotate(week=TruncWeek("created_at"))
        .values("week", "to_verdict")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        week = timezone.localtime(row["week"]).date() if timezone.is_aware(row["week"]) else row["week"].date()
        if week in verdicts_by_week:
            verdicts_by_week[week][row["to_verdict"]] = row["n"]

    live = Q(article__retracted_at__isnull=True)
    bands = {
        f"band{i}": Count(
            "id",
            filter=Q(created_at__lte=now - timedelta(days=low))
            & (Q() if high is None else Q(created_at__gt=now - timedelta(days=high))),
        )
        for i, (_label, low, high) in enumerate(QUEUE_AGE_BANDS)
    }
    queue = Claim.objects.filter(live, verdict=Verdict.UNREVIEWED).aggregate(
        size=Count("id"), oldest=Min("created_at"), **bands
    )
    queue_by_age = [(label, queue[f"band{i}"]) for i, (label, _low, _high) in enumerate(QUEUE_AGE_BANDS)]

    throughput_rows = (
        Review.objects.filter(action=_VERDICT_ACTION, created_at__gte=week_start, reviewer__isnull=False)
        .values("reviewer_id", "reviewer__username", "reviewer__first_name", "reviewer__last_name")
        .annotate(claims=Count("claim_id", distinct=True), verdicts=Count("id"))
        .order_by("-claims", "-verdicts", "reviewer__username")
    )
    throughput = [
        ReviewerThroughput(
            name=f"{row['reviewer__first_name']} {row['reviewer__last_name']}".strip() or row["reviewer__username"],
            claims=row["claims"],
            verdicts=row["verdicts"],
        )
        for row in throughput_rows
    ]

    signoffs = (
        Claim.objects.filter(live, signed_off_at__isnull=True)
        .exclude(verdict=Verdict.UNREVIEWED)
        .aggregate(n=Count("id"), oldest=Min("reviewed_at"))
    )

    by_state = dict(SourceLink.objects.values_list("state").annotate(n=Count("id")).order_by())
    sources_by_state = [(state, str(label), by_state.get(state, 0)) for state, label in SourceLink.State.choices]

    by_status = dict(Article.objects.values_list("status").annotate(n=Count("id")).order_by())
    articles_by_status = [(status, str(label), by_status.get(status, 0)) for status, label in Article.Status.choices]
    failed = list(
        Article.objects.filter(status=Article.Status.FAILED)
        .only("id", "title", "status_error", "updated_at", "extraction_attempts")
        .order_by("-updated_at", "-id")[:failed_shown]
    )

    return Dashboard(
        now=now,
        week_start=week_start,
        weeks=weeks,
        verdicts_by_week=verdicts_by_week,
        queue_size=queue["size"],
        queue_oldest=queue["oldest"],
        queue_by_age=queue_by_age,
        throughput=throughput,
        signoffs_pending=signoffs["n"],
        signoffs_oldest=signoffs["oldest"],
        sources_by_state=sources_by_state,
        articles_by_status=articles_by_status,
        articles_failed=failed,
    )
