"""Celery tasks of the webhooks queue (REGISTRY_WEBHOOKS_QUEUE): thin, taking ids, safe to run twice."""

from __future__ import annotations

from celery import current_app, shared_task
from django.core.cache import cache
from django.db import OperationalError
from django.utils import timezone

from webhooks import dispatch as dispatch_service
from webhooks import services

# Waits up to this long are queued with a countdown; longer ones are left to the periodic sweep (a
# countdown of hours would sit in a worker's memory and could be delivered twice by the broker).
COUNTDOWN_MAX_S = 60.0
HELD_BACK_RETRY_S = 1.0
_AGAIN = "webhooks:dispatch-again"


def _eager() -> bool:
    return bool(current_app.conf.task_always_eager)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True, max_retries=5)
def dispatch() -> int:
    """Turn new changes of the change log into events and deliveries."""
    cache.delete(_AGAIN)  # this run reads what a queued retry was for; a later need queues a new one
    run = dispatch_service.dispatch()
    if run.more:
        dispatch.delay()
    # A transaction still running holds changes back, or another dispatcher was running and may have read
    # just before this kick's changes committed: look again shortly. One retry is queued at a time, however
    # many kicks came meanwhile.
    elif (run.held or run.busy) and not _eager() and cache.add(_AGAIN, "1", timeout=30):
        dispatch.apply_async(countdown=HELD_BACK_RETRY_S)
    return run.made


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True, max_retries=5)
def deliver_endpoint(subscription_id: int) -> str:
    """Send one endpoint's due deliveries; queue itself again when work is left or a short wait is due."""
    run = services.deliver_endpoint(subscription_id)
    if run.busy:
        return "busy"  # the task delivering to it looks again before it stops
    if _eager():
        return f"sent {run.sent}, delivered {run.delivered}"  # in-process: retries wait for a worker
    if run.more:
        deliver_endpoint.delay(subscription_id)
    elif run.wake_at is not None:
        wait = (run.wake_at - timezone.now()).total_seconds()
        if wait <= COUNTDOWN_MAX_S:
            deliver_endpoint.apply_async((subscription_id,), countdown=max(0.0, wait))
    return f"sent {run.sent}, delivered {run.delivered}"


@shared_task
def sweep() -> int:
    """Periodic: catch up the dispatcher and queue every endpoint with deliveries due."""
    dispatch.delay()
    return len(services.sweep())
