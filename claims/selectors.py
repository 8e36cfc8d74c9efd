"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, IntegerField, Min, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import TruncWeek
from django.utils import timezone

from claims import speaker_names
from claims.models import (
    Article,
    Claim,
    ClaimComment,
    ClaimDate,
    ClaimMatch,
    ClaimPlace,
    Review,
    SourceLink,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    Verdict,
)


def claims_with_details() -> QuerySet[Claim]:
    """Claims with everything a list or detail view shows, in a constant number of queries."""
    return Claim.objects.select_related("article", "article__outlet", "speaker", "reviewed_by").prefetch_related(
        Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
        Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
        Prefetch("sources", queryset=SourceLink.objects.order_by("added_at", "id")),
    )


def article_claims_marked(article_id: int) -> QuerySet[Claim]:
    """An article's claims in text order with what the highlighted article marks: the speaker (and its
    other names, to find it in the sentence), the dates and the places -- four queries whatever the count."""
    return (
        Claim.objects.filter(article_id=article_id)
        .select_related("speaker")
        .prefetch_related(
            "speaker__aliases",
            Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
            Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
        )
        .order_by("start", "position", "id")
    )


def count_capped(queryset: QuerySet[Any], cap: int) -> tuple[int, bool]:
    """How many rows, counting no further than `cap`: (count, True when there are more than `cap`).

    Reads at most cap + 1 rows whatever the table's size (a list page must not count a million claims).
    """
    n = queryset.order_by()[: cap + 1].count()
    return min(n, cap), n > cap


def claim_verdict_counts(
    queryset: QuerySet[Claim], *, cap: int, total: int | None = None
) -> dict[str, tuple[int, bool]]:
    """The claims of a (filtered) queryset by verdict, each counted no further than `cap`.

    `total`: the queryset's size when already known to be at most `cap` -- then one grouped count over
    those few rows; otherwise one capped count per verdict.
    """
    if total is not None and total <= cap:
        exact = dict(queryset.order_by().values_list("verdict").annotate(n=Count("id")))
        return {value: (exact.get(value, 0), False) for value in Verdict.values}
    return {value: count_capped(queryset.filter(verdict=value), cap) for value in Verdict.values}


def claim_history(claim_id: int, *, newest_first: bool = False) -> QuerySet[Review]:
    """A claim's reviews (its verdict history) with their reviewers, oldest first unless asked otherwise.

    The one query behind the admin's history table, the API's reviews endpoint and the services that
    quote the last change or read which review removed a source.
    """
    order = ("-created_at", "-id") if newest_first else ("created_at", "id")
    return Review.objects.filter(claim_id=claim_id).select_related("reviewer").order_by(*order)


def articles_stuck(*, older_than: timedelta | None = None) -> QuerySet[Article]:
    """Articles left fetching, pending or extracting, or with a correction sent as HTML still unread, longer
    than the configured timeout (lost tasks, dead workers)."""
    if older_than is None:
        older_than = timedelta(seconds=settings.REGISTRY_STUCK_AFTER_SECONDS)
    limit = timezone.now() - older_than
    return Article.objects.filter(
        Q(status__in=[Article.Status.FETCHING, Article.Status.PENDING, Article.Status.EXTRACTING])
        | Q(pending_correction__isnull=False),
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
# Transaction ids are the whole server's, but a session writes only into the database it is connected to:
# a transaction that pg_stat_activity shows in another database (a long job of another application on a
# shared server) cannot add rows to this log and does not hold the feeds back. One it does not show (it
# ended after the snapshot was taken, or is a prepared transaction) still counts, to be safe.
# (backend_xid is the 32-bit form of the 64-bit ids the snapshot lists.)
_PG_HORIZON = (
    "COALESCE((SELECT min(x::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x "
    "WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname <> current_database() "
    "AND a.backend_xid::text::bigint = mod(x::text::bigint, 4294967296))), "
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


@dataclass(frozen=True)
class ChangeHead:
    xid: int
    id: int
    created_at: datetime


def change_head(kind: str) -> ChangeHead | None:
    """The last position of the `kind` feed a reader can be given now (the last change row below the
    horizon, as change_page serves them), with when it was written; None while the log is empty.

    Every change committed later comes after it: an export that takes it *before* it starts reading
    hands its reader a feed position from which no change made during the read is missed.
    """
    below = (
        f" AND (xid < {_PG_HORIZON} OR xid = pg_current_xact_id_if_assigned()::text::bigint)"
        if connection.vendor == "postgresql"
        else ""
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT xid, id, created_at FROM claims_change "  # noqa: S608 (constant SQL, values bound)
            f"WHERE kind = %s{below} ORDER BY xid DESC, id DESC LIMIT 1",
            [kind],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    created_at = row[2]
    if isinstance(created_at, str):  # SQLite through a raw cursor
        created_at = datetime.fromisoformat(created_at)
    if timezone.is_naive(created_at):
        created_at = timezone.make_aware(created_at, UTC)
    return ChangeHead(int(row[0]), int(row[1]), created_at)


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


def speaker_resolve(name: str) -> Speaker | None:
    """The existing speaker a mentioned name stands for, or None.

    First the exact key of a speaker's canonical name or of one of its aliases, then the loose match key
    (diacritics, leading titles, romanisation endings: claims.speaker_names), then, for a title and a
    surname ("President Marchenkyy"), the one person speaker with that surname. All are indexed columns.
    When the loose key fits several speakers (two people an editor has not merged yet, or two people),
    the oldest one is taken, so the answer does not change from one article to the next.
    """
    key = speaker_names.exact_key(name)
    if not key:
        return None
    speaker = Speaker.objects.filter(key=key).first()
    if speaker is None:
        speaker = Speaker.objects.filter(aliases__key=key).first()
    if speaker is not None:
        return speaker
    loose = speaker_names.match_key(name)
    if not loose:
        return None
    ids = list(Speaker.objects.filter(match_key=loose).values_list("pk", flat=True)[:20])
    ids += list(SpeakerAlias.objects.filter(match_key=loose).values_list("speaker_id", flat=True)[:20])
    if ids:
        return Speaker.objects.filter(pk=min(ids)).first()
    surname = speaker_names.titled_surname(name)
    if surname:
        # "President Marchenkyy": the one person known by a full name ending so; none when two are.
        people = list(Speaker.objects.filter(surname_key=surname, kind=Speaker.Kind.PERSON)[:2])
        if len(people) == 1:
            return people[0]
    return None


MAX_MERGE_CHAIN = 50


def speaker_merged_into(speaker_id: int) -> int | None:
    """The id of the speaker that `speaker_id` was merged into, following later merges; None if never merged."""
    current, seen = speaker_id, {speaker_id}
    for _ in range(MAX_MERGE_CHAIN):
        into = (
            SpeakerMerge.objects.filter(from_id=current)
            .order_by("-merged_at", "-id")
            .values_list("into_id", flat=True)
            .first()
        )
        if into is None or into in seen:
            break
        current = into
        seen.add(into)
    return None if current == speaker_id else current


def speaker_claims(speaker_id: int) -> QuerySet[Claim]:
    """A speaker's claims for its admin page: newest article first, with their articles."""
    return (
        Claim.objects.filter(speaker_id=speaker_id)
        .select_related("article")
        .order_by("-article__published_at", "-article_id", "position")
    )


def speaker_verdict_record(speaker_id: int) -> dict[str, int]:
    """How many of the speaker's claims have each verdict, plus "total"."""
    record = dict.fromkeys([*Verdict.values, "total"], 0)
    rows = Claim.objects.filter(speaker_id=speaker_id).values_list("verdict").annotate(n=Count("id")).order_by()
    for verdict, n in rows:
        record[verdict] = n
        record["total"] += n
    return record


def speaker_name_clashes(names: list[str], *, speaker_id: int | None) -> list[str]:
    """Which of `names` already belong to another speaker than `speaker_id` (as its name or an alias)."""
    keys = {speaker_names.exact_key(n) for n in names} - {""}
    others = Speaker.objects.filter(key__in=keys)
    aliases = SpeakerAlias.objects.filter(key__in=keys).select_related("speaker")
    if speaker_id is not None:
        others, aliases = others.exclude(pk=speaker_id), aliases.exclude(speaker_id=speaker_id)
    return sorted({s.name for s in others} | {f"{a.name} ({a.speaker.name})" for a in aliases})


def speakers_for_merge(ids: list[int]) -> list[Speaker]:
    """The speakers of a merge's confirm page, with their aliases and claim counts, in the order asked."""
    found = {
        s.pk: s
        for s in Speaker.objects.filter(pk__in=ids).prefetch_related("aliases").annotate(n_claims=Count("claims"))
    }
    return [found[pk] for pk in ids if pk in found]


def speaker_merges_into(speaker_id: int) -> QuerySet[SpeakerMerge]:
    """The merges that brought other speakers into this one, oldest first, with who made them."""
    return SpeakerMerge.objects.filter(into_id=speaker_id).select_related("merged_by").order_by("merged_at", "id")
