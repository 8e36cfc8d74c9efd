"""Celery tasks of the webhooks queue (REGISTRY_WEBHOOKS_QUEUE): thin, taking ids, safe to run twice."""

from __future__ import annotations

from celery import current_app, shared_task
from django.db import OperationalError
from django.utils import timezone

from webhooks import dispatch as dispatch_service
from webhooks import services

# Waits up to this long are queued with a countdown; longer ones are left to the periodic sweep (a
# countdown of hours would sit in a worker's memory and could be delivered twice by the broker).
COUNTDOWN_MAX_S = 60.0
HELD_BACK_RETRY_S = 1.0


def _eager() -> bool:
    return bool(current_app.conf.task_always_eager)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True, max_retries=5)
def dispatch() -> int:
    """Turn new changes of the change log into events and deliveries."""
    made, more, held = dispatch_service.dispatch()
    if more:
        dispatch.delay()
    elif held and not _eager():
        # A transaction still running holds changes back: look again shortly (its own commit kicks too,
        # but that kick may come while this run still holds the positions and see nothing new).
        dispatch.apply_async(countdown=HELD_BACK_RETRY_S)
    return made


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
