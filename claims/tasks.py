"""Celery tasks: a thin interface that takes ids and calls one service each.

Every task is safe to run twice (at-least-once delivery with acks_late).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from claims.errors import NotFound
from claims.services import articles as article_services
from claims.services import recheck as recheck_services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    # FetchDeferred: the host of an article submitted by URL asked us to wait.
    autoretry_for=(OperationalError, article_services.FetchDeferred),
    retry_backoff=True,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def extract_article(self, article_id: int, force: bool = False) -> str:
    try:
        article = article_services.article_extract(article_id=article_id, force=force)
    except NotFound:
        return "missing"  # deleted since it was queued: nothing to do
    return article.status


# --- background re-checks, sweeper, re-extraction (docs/rechecks.md) ----------------------------

# Worth another try later: the database or the broker hiccuped, or a batch ran out of time (its
# finished checks are recorded; a retry does the rest).
TRANSIENT = (OperationalError, InterfaceError, SoftTimeLimitExceeded)
RETRY = dict(
    autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=300, retry_jitter=True, max_retries=5, acks_late=True
)


def _limits(soft: int) -> dict:
    """A task's own time limits, never beyond the global ones (the broker's visibility timeout is sized on those)."""
    return dict(
        soft_time_limit=min(soft, settings.CELERY_TASK_SOFT_TIME_LIMIT),
        time_limit=min(soft + 30, settings.CELERY_TASK_TIME_LIMIT),
    )


class RecheckTask(Task):
    """Records a check task that gave up in the checked links' history (LinkCheck, in the admin)."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        items = kwargs.get("items") or (args[0] if args else [])
        try:
            recheck_services.sources_record_task_failure(
                items=[(int(sid), str(key)) for sid, key in items], error=f"{type(exc).__name__}: {exc}"
            )
        except Exception:
            logger.exception("could not record the failure of check task %s", task_id)
        super().on_failure(exc, task_id, args, kwargs, einfo)


@shared_task(bind=True, base=RecheckTask, **RETRY, **_limits(240))
def recheck_sources(self, items: list[list]) -> dict[str, int]:
    """Check a bounded batch of source links: items are [source id, attempt key] pairs.

    Every source gets its LinkCheck row before the soft time limit: a check that outruns its own
    budget is recorded as timed out, and the batch stops in time (a tenth of the limit, at least
    2 s, is kept for recording) to record what is still unfinished as deferred.
    """
    soft = self.soft_time_limit or settings.CELERY_TASK_SOFT_TIME_LIMIT
    window = soft - max(2.0, soft / 10)
    outcomes = recheck_services.sources_check(
        items=[(int(sid), str(key)) for sid, key in items],
        deadline=time.monotonic() + window,
        # Never longer than the batch's own window, so a stalling check is a timeout, not a deferral.
        source_timeout=min(settings.REGISTRY_RECHECK_SOURCE_TIMEOUT_MS / 1000, window),
    )
    summary: dict[str, int] = {}
    for outcome in outcomes:
        label = (outcome.state or "missing") if outcome.recorded else "already-recorded"
        summary[label] = summary.get(label, 0) + 1
    return summary


@shared_task(bind=True, **RETRY, **_limits(120))
def recheck_due_sources(self, limit: int | None = None) -> int:
    """Beat: hand out due sources in bounded batches (one recheck_sources task per batch)."""
    return recheck_services.sources_schedule_due(limit=limit)


@shared_task(bind=True, **RETRY, **_limits(120))
def flag_stale_verdicts(self) -> int:
    """Beat: flag verdicts older than REGISTRY_RECHECK_STALE_VERDICT_DAYS for re-review."""
    return recheck_services.claims_flag_stale_verdicts()


@shared_task(bind=True, **RETRY, **_limits(120))
def sweep_stuck_articles(self, older_than_seconds: int | None = None) -> int:
    """Beat: re-enqueue articles left pending or extracting beyond REGISTRY_STUCK_AFTER_SECONDS."""
    older_than = timedelta(seconds=older_than_seconds) if older_than_seconds is not None else None
    return len(recheck_services.articles_sweep_stuck(older_than=older_than))


@shared_task(bind=True, **RETRY, **_limits(120))
def reextract_outdated_articles(self) -> int:
    """Beat: queue the next batch of articles extracted by an older engine version."""
    return len(recheck_services.articles_reextract_outdated())
