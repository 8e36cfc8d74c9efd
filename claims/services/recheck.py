"""Background upkeep of the evidence: source-link checks, re-review flags, stuck work, re-extraction.

Every function here is safe to run twice. A check is identified by its attempt key (chosen when the
check is handed out, carried by the task message): a redelivered or duplicated task finds the
LinkCheck row of its key and records nothing twice.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims import extraction, permissions
from claims.errors import NotFound, PermissionDenied
from claims.fetching import FetchPolicy, FetchResult, Outcome, fetch
from claims.models import Article, Change, Claim, LinkCheck, Review, SourceLink, Verdict
from claims.selectors import articles_stuck
from claims.services.articles import article_enqueue_extraction
from claims.services.changes import changes_record

logger = logging.getLogger(__name__)

State = SourceLink.State
# States that mean the evidence can no longer be relied on as it was reviewed.
LOST = frozenset({State.BROKEN, State.CHANGED})
# The stance whose loss undermines a verdict.
_EVIDENCE_FOR: dict[str, str] = {
    Verdict.VERIFIED: SourceLink.Stance.SUPPORTS,
    Verdict.DISPUTED: SourceLink.Stance.REFUTES,
}

CheckItem = tuple[int, str]  # (source id, attempt key)


# --- scheduling ---------------------------------------------------------------------------------


def check_interval(*, verdict_at: datetime | None, now: datetime) -> timedelta:
    """Daily while a verdict is young (its evidence matters most and moves most), weekly after."""
    young = verdict_at is not None and now - verdict_at < timedelta(days=settings.REGISTRY_RECHECK_YOUNG_DAYS)
    hours = settings.REGISTRY_RECHECK_YOUNG_HOURS if young else settings.REGISTRY_RECHECK_OLD_HOURS
    return timedelta(hours=hours)


def _next_check_at(source: SourceLink, now: datetime) -> datetime:
    verdict_at = source.claim.reviewed_at or source.added_at
    interval = check_interval(verdict_at=verdict_at, now=now)
    # A little spread, so sources added together are not all due in the same minute forever after.
    return now + interval + timedelta(seconds=random.uniform(0, interval.total_seconds() * 0.05))


def _new_key(source_id: int, kind: str) -> str:
    return f"{kind}:{source_id}:{uuid.uuid4().hex}"


def sources_lease_due(*, limit: int, now: datetime | None = None, kind: str = "due") -> list[CheckItem]:
    """Hand out up to `limit` due sources, each with a fresh attempt key.

    The handed-out sources are leased (next_check_at pushed forward by the lease), so a second fan-out
    does not hand them out again; a source whose task is lost comes back when its lease ends.
    """
    now = now or timezone.now()
    lease_until = now + timedelta(seconds=settings.REGISTRY_RECHECK_LEASE_SECONDS)
    with transaction.atomic():
        due = (
            SourceLink.objects.select_for_update(skip_locked=True)
            .filter(Q(next_check_at__isnull=True) | Q(next_check_at__lte=now))
            .order_by(F("next_check_at").asc(nulls_first=True), "id")
        )
        ids = list(due.values_list("id", flat=True)[:limit])
        SourceLink.objects.filter(pk__in=ids).update(next_check_at=lease_until)
    return [(pk, _new_key(pk, kind)) for pk in ids]


def sources_lease(*, source_ids: Iterable[int], now: datetime | None = None) -> list[CheckItem]:
    """Hand out given sources now, due or not (an operator's or reviewer's explicit request)."""
    now = now or timezone.now()
    ids = list(SourceLink.objects.filter(pk__in=list(source_ids)).order_by("id").values_list("id", flat=True))
    SourceLink.objects.filter(pk__in=ids).update(
        next_check_at=now + timedelta(seconds=settings.REGISTRY_RECHECK_LEASE_SECONDS)
    )
    return [(pk, _new_key(pk, "manual")) for pk in ids]


def _send_checks(items: Sequence[CheckItem]) -> None:
    from claims.tasks import recheck_sources  # tasks import services: import late

    size = settings.REGISTRY_RECHECK_BATCH_SIZE
    for i in range(0, len(items), size):
        try:
            recheck_sources.delay([list(item) for item in items[i : i + size]])
        except SoftTimeLimitExceeded:
            raise
        except Exception:
            # Broker down: the lease runs out and the next fan-out hands these sources out again.
            logger.warning("could not queue %d source checks; they come back after their lease", len(items))


def sources_enqueue_checks(*, items: Sequence[CheckItem]) -> None:
    """Queue check tasks in bounded batches once the surrounding transaction commits."""
    items = list(items)
    if items:
        transaction.on_commit(lambda: _send_checks(items))


def source_check_now(*, source_id: int, user: Any) -> SourceLink:
    """A reviewer's "check this link now": lease the one source and queue its check when this commits.

    The check is the scheduled one (the fetcher's address guard, timeouts, the LinkCheck history), run by
    the check task on commit -- at once in the embedded mode, where tasks run inline, else by a worker.
    Reviewers and editors only; the source must belong to a claim of an article that is not retracted.
    """
    if not permissions.is_reviewer(user):
        raise PermissionDenied("Only reviewers and editors may check a source link.")
    with transaction.atomic():
        source = (
            SourceLink.objects.select_for_update(of=("self",))
            .select_related("claim__article")
            .filter(pk=source_id)
            .first()
        )
        if source is None:
            raise NotFound("No such source link.")
        if source.claim.article.retracted_at is not None:
            raise PermissionDenied("The article was retracted: its sources are no longer checked.")
        sources_enqueue_checks(items=sources_lease(source_ids=[source.pk]))
    return source


def sources_schedule_due(*, limit: int | None = None, now: datetime | None = None) -> int:
    """The beat's fan-out: lease due sources batch by batch and queue one check task per batch.

    Bounded: at most REGISTRY_RECHECK_MAX_BATCHES batches per run, one batch in memory at a time.
    """
    batch = settings.REGISTRY_RECHECK_BATCH_SIZE
    budget = limit if limit is not None else batch * settings.REGISTRY_RECHECK_MAX_BATCHES
    queued = 0
    while queued < budget:
        with transaction.atomic():
            items = sources_lease_due(limit=min(batch, budget - queued), now=now)
            sources_enqueue_checks(items=items)
        queued += len(items)
        if len(items) < batch:
            break
    return queued


# --- checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckOutcome:
    source_id: int
    attempt_key: str
    state: str | None  # the source's state after the check; None when the source is gone
    recorded: bool  # False when an earlier delivery of the same attempt had recorded it
    # Outcome.CHECK_TIMEOUT or Outcome.OUT_OF_TIME when the check did not finish (and was recorded so)
    unfinished: str | None = None


def _fetch_and_read(
    fetcher: Callable[..., FetchResult], url: str, policy: FetchPolicy, started: dict[str, float], key: str
) -> FetchResult:
    """One source's check off the database: the fetch, then reading the page's text (cached on the result)."""
    started[key] = time.monotonic()
    result = fetcher(url, policy=policy)
    result.read()
    if result.ok and result.kind == "html" and not (result.text() or "").strip():
        return replace(result, outcome=Outcome.UNREADABLE, error=UNREADABLE_ERROR)
    return result


UNREADABLE_ERROR = "the page has no readable text (empty, markup that never closes, or written only by scripts)"


def _unfinished(url: str, outcome: str, error: str) -> FetchResult:
    return FetchResult(url=url, outcome=outcome, final_url=url, error=error)


def sources_check(
    *,
    items: Sequence[CheckItem],
    policy: FetchPolicy | None = None,
    threads: int | None = None,
    fetcher: Callable[..., FetchResult] | None = None,
    progress: Callable[[CheckOutcome], None] | None = None,
    on_error: Callable[[int, str, Exception], None] | None = None,
    deadline: float | None = None,
    source_timeout: float | None = None,
) -> list[CheckOutcome]:
    """Fetch and record a batch of checks: fetches and reading run in threads, the database is written here only.

    Each source's check (fetch, then reading the page) has `source_timeout` seconds from its start
    (default REGISTRY_RECHECK_SOURCE_TIMEOUT_MS); one that has not finished by then is recorded as
    a failed check, "check timed out", and the others go on. `deadline` (a time.monotonic() value)
    bounds the whole batch: checks not finished by then are recorded as deferred ("the check
    batch ran out of time"; nothing is held against the link) and it returns. A late thread's
    result is dropped; the thread ends on its own (fetches are bounded, reading is linear).

    An error while checking one source propagates (a task retries the batch; recorded checks are
    not repeated) unless `on_error(source_id, attempt_key, exc)` is given: then it is reported there
    and the other sources are still checked (the inline command does this). Celery's soft time
    limit is never caught.
    """
    keys = [key for _, key in items]
    done = dict(LinkCheck.objects.filter(attempt_key__in=keys).values_list("attempt_key", "source_id"))
    outcomes: list[CheckOutcome] = []

    def report(outcome: CheckOutcome) -> None:
        outcomes.append(outcome)
        if progress:
            progress(outcome)

    for source_id, key in items:
        if key in done:
            # Recorded by an earlier delivery: finish its follow-up (which may have been cut off) only.
            report(CheckOutcome(source_id, key, _follow_up(source_id), recorded=False))
    todo = [(sid, key) for sid, key in items if key not in done]
    urls = dict(SourceLink.objects.filter(pk__in=[sid for sid, _ in todo]).values_list("id", "url"))
    for sid, key in todo:
        if sid not in urls:
            report(CheckOutcome(sid, key, None, recorded=False))
    todo = [(sid, key) for sid, key in todo if sid in urls]
    if not todo:
        return outcomes
    policy = policy or FetchPolicy.from_settings()
    fetcher = fetcher or fetch
    budget = source_timeout if source_timeout is not None else settings.REGISTRY_RECHECK_SOURCE_TIMEOUT_MS / 1000
    batch_end = deadline if deadline is not None else float("inf")

    def record(sid: int, key: str, result: Callable[[], FetchResult], unfinished: str | None = None) -> None:
        try:
            outcome = source_record_check(source_id=sid, attempt_key=key, result=result())
            if unfinished:
                outcome = replace(outcome, unfinished=unfinished)
        except SoftTimeLimitExceeded:
            raise  # the task's own limit: it retries, and recorded checks are not repeated
        except Exception as exc:
            if on_error is None:
                raise
            on_error(sid, key, exc)
            return
        report(outcome)

    started: dict[str, float] = {}
    workers = max(1, min(threads or settings.REGISTRY_RECHECK_THREADS, len(todo)))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="recheck")
    try:
        futures = {
            pool.submit(_fetch_and_read, fetcher, urls[sid], policy, started, key): (sid, key) for sid, key in todo
        }
        pending = set(futures)
        while pending:
            now = time.monotonic()
            ends = [min(batch_end, started[futures[f][1]] + budget) for f in pending if futures[f][1] in started]
            wake = min([batch_end, *ends]) - now
            # Poll at least every second: a check that starts meanwhile brings its own, nearer end.
            finished, _ = wait_for(pending, timeout=max(0.0, min(wake, 1.0)), return_when=FIRST_COMPLETED)
            for future in finished:
                pending.discard(future)
                sid, key = futures[future]
                record(sid, key, future.result)
            now = time.monotonic()
            for future in list(pending):
                sid, key = futures[future]
                begun = started.get(key)
                if begun is not None and now >= begun + budget:
                    error = f"check timed out: not finished within {budget:g} s (fetch and reading the page)"
                    unfinished = Outcome.CHECK_TIMEOUT  # held against the link, like a fetch timeout
                elif now >= batch_end:
                    error = "not checked: the check batch ran out of time; the link is checked again later"
                    unfinished = Outcome.OUT_OF_TIME  # deferred: nothing learnt about the link
                else:
                    continue
                pending.discard(future)
                future.cancel()  # not started yet: never run; running: its result is dropped
                record(sid, key, partial(_unfinished, urls[sid], unfinished, error), unfinished)
    finally:
        # On a time limit or an error, do not wait for fetches nobody will record.
        pool.shutdown(wait=False, cancel_futures=True)
    return outcomes


def _same_place(a: str, b: str) -> bool:
    """Equal up to what a redirect commonly changes without moving anything: scheme upgrade, case, slash."""

    def canon(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return host, parts.path.rstrip("/") or "/", parts.query

    return canon(a) == canon(b)


def _derive(source: SourceLink, result: FetchResult, text: str | None) -> tuple[str, dict]:
    """The source's new state and fields after one (not deferred) check."""
    fields: dict = {"last_status": result.status_code}
    if not result.ok:
        failures = source.consecutive_failures + 1
        fields["consecutive_failures"] = failures
        # A refused URL will never become fetchable: broken at once. Others after N failures in a row.
        if result.outcome == Outcome.REFUSED or failures >= settings.REGISTRY_RECHECK_BROKEN_AFTER:
            return State.BROKEN, fields
        return source.state, fields
    present = result.has_excerpt(source.excerpt) if (text is not None and source.excerpt.strip()) else None
    digest = result.content_hash
    fields.update(
        consecutive_failures=0,
        final_url=result.final_url[:2000],
        excerpt_present=present,
        # The first successful check is the baseline the page is compared with from then on.
        content_hash=source.content_hash or digest,
    )
    if present is False:
        return State.CHANGED, fields
    if present is None and source.content_hash and digest != source.content_hash:
        return State.CHANGED, fields
    if not _same_place(source.url, result.final_url):
        return State.REDIRECTED, fields
    return State.OK, fields


def source_record_check(
    *, source_id: int, attempt_key: str, result: FetchResult, now: datetime | None = None
) -> CheckOutcome:
    """Record one fetch as the attempt `attempt_key` and update the link's state. Idempotent per key."""
    now = now or timezone.now()
    text = result.text() if result.ok else None
    with transaction.atomic():
        source = SourceLink.objects.select_for_update().select_related("claim").filter(pk=source_id).first()
        if source is None:
            return CheckOutcome(source_id, attempt_key, None, recorded=False)
        try:
            with transaction.atomic():
                LinkCheck.objects.create(
                    source=source,
                    attempt_key=attempt_key[:100],
                    final_url=(result.final_url or "")[:2000],
                    status_code=result.status_code,
                    elapsed_ms=result.elapsed_ms,
                    content_type=result.content_type[:200],
                    content_hash=result.content_hash if result.ok else "",
                    excerpt_present=result.has_excerpt(source.excerpt)
                    if text is not None and source.excerpt.strip()
                    else None,
                    error=result.error,
                )
        except IntegrityError:
            # Another delivery of the same attempt got here first (we waited on its row lock).
            return CheckOutcome(source_id, attempt_key, source.state, recorded=False)
        previous = source.state
        if result.deferred:
            # Nothing was learnt about the link: come back once the host's pause is over.
            wait = max(60.0, result.retry_after or 0.0)
            SourceLink.objects.filter(pk=source.pk).update(next_check_at=now + timedelta(seconds=wait), updated_at=now)
            return CheckOutcome(source_id, attempt_key, previous, recorded=True)
        state, fields = _derive(source, result, text)
        SourceLink.objects.filter(pk=source.pk).update(
            state=state, last_checked_at=now, next_check_at=_next_check_at(source, now), updated_at=now, **fields
        )
        # The link's health (state, last_checked_at) shows inside the claim.
        changes_record(Change.Kind.CLAIM, [source.claim_id])
    if state in LOST and previous not in LOST:
        claim_flag_if_evidence_lost(claim_id=source.claim_id)
    return CheckOutcome(source_id, attempt_key, state, recorded=True)


def _follow_up(source_id: int) -> str | None:
    state = SourceLink.objects.filter(pk=source_id).values_list("state", "claim_id").first()
    if state is None:
        return None
    if state[0] in LOST:
        claim_flag_if_evidence_lost(claim_id=state[1])
    return state[0]


def sources_record_task_failure(*, items: Sequence[CheckItem], error: str) -> int:
    """A check task gave up (retries exhausted): say so in the link's history, where operators look."""
    written = 0
    for source_id, key in items:
        if LinkCheck.objects.filter(attempt_key=key[:100]).exists():
            continue
        if not SourceLink.objects.filter(pk=source_id).exists():
            continue
        try:
            with transaction.atomic():
                LinkCheck.objects.create(
                    source_id=source_id, attempt_key=key[:100], error=f"the check task failed: {error}"[:5000]
                )
            written += 1
        except IntegrityError:
            pass
    return written


# --- claims needing re-review -------------------------------------------------------------------


def _describe(source: SourceLink, last_error: str) -> str:
    if source.state == State.CHANGED:
        why = "the excerpt is no longer on the page" if source.excerpt_present is False else "the page changed"
    elif source.last_status and not 200 <= source.last_status < 300:
        why = f"HTTP {source.last_status}"
    else:
        why = last_error or "unreachable"
    return f"{source.url} ({source.get_state_display().lower()}: {why})"


def claim_flag_if_evidence_lost(*, claim_id: int) -> bool:
    """Flag a verified/disputed claim whose every supporting/refuting source is broken or changed."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if claim is None or claim.needs_recheck:
            return False
        stance = _EVIDENCE_FOR.get(claim.verdict)
        if stance is None:
            return False
        sources = list(SourceLink.objects.filter(claim=claim, stance=stance).order_by("id"))
        if not sources or any(s.state not in LOST for s in sources):
            return False
        errors = {}
        # Oldest first, so each source ends with its latest error.
        checks = LinkCheck.objects.filter(source__in=sources).exclude(error="").order_by("checked_at", "id")
        for sid, err in checks.values_list("source_id", "error"):
            errors[sid] = err
        noun = "supporting" if stance == SourceLink.Stance.SUPPORTS else "refuting"
        count = "its only" if len(sources) == 1 else f"all {len(sources)} of its"
        plural = "source is" if len(sources) == 1 else "sources are"
        claim.needs_recheck = True
        claim.recheck_reason = (
            f"The {claim.get_verdict_display().lower()} verdict lost its evidence: {count} {noun} {plural} "
            "broken or changed: " + "; ".join(_describe(s, errors.get(s.pk, "")) for s in sources) + "."
        )[:5000]
        claim.version += 1
        claim.save(update_fields=["needs_recheck", "recheck_reason", "version", "updated_at"])  # (logged by signal)
    return True


def claims_flag_stale_verdicts(*, now: datetime | None = None, batch: int = 500) -> int:
    """Flag verdicts nobody has looked at for REGISTRY_RECHECK_STALE_VERDICT_DAYS, in batches.

    "Looked at" is the latest review action (any, including clearing a flag) or the verdict itself,
    so a reviewer who confirms a verdict is not asked again the next day.
    """
    now = now or timezone.now()
    days = settings.REGISTRY_RECHECK_STALE_VERDICT_DAYS
    limit = now - timedelta(days=days)
    last_review = Review.objects.filter(claim=OuterRef("pk")).order_by("-created_at").values("created_at")[:1]
    stale = (
        Claim.objects.filter(needs_recheck=False)
        .exclude(verdict=Verdict.UNREVIEWED)
        .annotate(looked_at=Coalesce(Subquery(last_review), "reviewed_at", "created_at"))
        .filter(looked_at__lt=limit)
        .order_by("id")
    )
    reason = f"The verdict was last reviewed more than {days} days ago; check that it still holds."
    flagged = 0
    while True:
        ids = list(stale.values_list("id", flat=True)[:batch])
        if not ids:
            return flagged
        with transaction.atomic():  # each batch commits with its change-log rows
            flagged += Claim.objects.filter(pk__in=ids, needs_recheck=False).update(
                needs_recheck=True, recheck_reason=reason, version=F("version") + 1, updated_at=now
            )
            changes_record(Change.Kind.CLAIM, ids)
        if len(ids) < batch:
            return flagged


# --- stuck work and re-extraction ---------------------------------------------------------------


def articles_sweep_stuck(*, older_than: timedelta | None = None, limit: int = 200) -> list[int]:
    """Re-enqueue articles left pending/extracting too long (broker was down, worker died).

    Touching updated_at means an article is re-enqueued at most once per timeout, however often
    the sweeper runs; extraction itself is idempotent, so a late original task does no harm.
    """
    now = timezone.now()
    ids = list(articles_stuck(older_than=older_than).values_list("id", flat=True)[:limit])
    if not ids:
        return []
    with transaction.atomic():
        Article.objects.filter(pk__in=ids).update(updated_at=now)
        changes_record(Change.Kind.ARTICLE, ids)
        for article in Article.objects.filter(pk__in=ids).only("id"):
            article_enqueue_extraction(article=article)
    logger.info("re-enqueued %d stuck articles", len(ids))
    return ids


def articles_outdated():
    """Extracted articles whose claims came from another version of the engine."""
    return (
        Article.objects.filter(status=Article.Status.DONE, retracted_at__isnull=True)
        .exclude(extractor_version=extraction.VERSION)
        .order_by("id")
    )


def articles_reextract_outdated(*, batch: int | None = None) -> list[int]:
    """Queue the next batch of outdated articles for re-extraction, holding back while earlier ones wait.

    Reviewed claims survive re-extraction (article_extract matches them by text, re-anchors them to their
    sentence, and keeps those whose sentence is gone detached and flagged), so this only decides how fast
    the engine upgrade rolls through the registry.
    """
    batch = batch or settings.REGISTRY_REEXTRACT_BATCH_SIZE
    waiting = Article.objects.filter(status__in=[Article.Status.PENDING, Article.Status.EXTRACTING]).count()
    room = batch - waiting
    if room <= 0:
        return []
    ids = list(articles_outdated().values_list("id", flat=True)[:room])
    return articles_queue_reextraction(article_ids=ids)


def articles_reextractable():
    """Articles that can be re-extracted: not retracted, and with a body.

    An article submitted by URL has no body while its page is being fetched, nor when the fetch
    failed; re-extracting it would mark it pending over an empty text (the fetch never happening,
    or its error wiped), so those are left to the fetch and its sweeper.
    """
    return (
        Article.objects.filter(retracted_at__isnull=True)
        .exclude(status=Article.Status.FETCHING)
        .exclude(body="")
        .order_by("id")
    )


def articles_queue_reextraction(*, article_ids: Sequence[int]) -> list[int]:
    """Mark articles pending and queue their extraction on commit (used for --all as well).

    Only articles with a body are queued (see articles_reextractable); the ids queued are returned.
    """
    if not article_ids:
        return []
    now = timezone.now()
    with transaction.atomic():
        chosen = articles_reextractable().filter(pk__in=list(article_ids))
        ids = list(chosen.select_for_update().values_list("id", flat=True))
        Article.objects.filter(pk__in=ids).update(status=Article.Status.PENDING, status_error="", updated_at=now)
        changes_record(Change.Kind.ARTICLE, ids)
        for article in Article.objects.filter(pk__in=ids).order_by("id").only("id"):
            article_enqueue_extraction(article=article)
    return ids
