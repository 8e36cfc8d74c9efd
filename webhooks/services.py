"""Writes of the webhooks app: subscriptions (create, change, rotate, delete), test events, redelivery,
and the delivery of one endpoint's due events."""

from __future__ import annotations

import ipaddress
import json
import logging
import random
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from api.serializers import iso
from claims.errors import ApplicationError
from claims.fetching.guard import IPAddress, address_category, parse_networks, url_refusal
from claims.fetching.policy import FetchPolicy
from webhooks import selectors
from webhooks.dispatch import new_msg_id
from webhooks.models import TEST_EVENT, Attempt, Delivery, Event, EventType, Subscription
from webhooks.signing import new_secret, signature_header
from webhooks.transport import Answer, EndpointClient

logger = logging.getLogger(__name__)

MAX_SUBSCRIPTIONS = 20  # per organisation
BATCH = 200  # deliveries read per round of one endpoint (one select, one transaction of writes)


# --- subscriptions ---------------------------------------------------------------------------------------


def _resolve(host: str) -> list[IPAddress]:
    """The addresses of a host (tests replace this); a lookup that fails says so."""
    infos = socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def url_problem(url: str) -> str | None:
    """Why this URL cannot be a webhook endpoint, or None: the fetcher's SSRF guard, https in production,
    and every address the name resolves to now (each delivery checks them again when it connects)."""
    if len(url) > 2000:
        return "the URL is longer than 2,000 characters"
    policy = FetchPolicy(allow_networks=parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS))
    why = url_refusal(url, policy)
    if why:
        return why
    parts = urlsplit(url)
    if settings.REGISTRY_WEBHOOKS_REQUIRE_HTTPS and parts.scheme.lower() != "https":
        return "endpoints must use https"
    if parts.fragment:
        return "the URL has a fragment (#...), which is never sent"
    host = parts.hostname or ""
    try:
        addresses = _resolve(host)
    except (OSError, UnicodeError) as exc:
        return f"the host {host} does not resolve ({exc})"
    for ip in addresses:
        category = address_category(ip, policy.allow_networks)
        if category:
            return f"{host} resolves to {ip}, {category}"
    return None


def _clean_url(url: object) -> str:
    if not isinstance(url, str) or not url.strip():
        raise ApplicationError("Give the endpoint's URL.", fields={"url": ["This field is required."]})
    url = url.strip()
    why = url_problem(url)
    if why:
        raise ApplicationError(f"This endpoint URL is refused: {why}.", fields={"url": [f"Refused: {why}."]})
    return url


def _clean_events(events: object) -> list[str]:
    if not isinstance(events, list) or not events or not all(isinstance(e, str) for e in events):
        raise ApplicationError(
            "Give the events to send as a non-empty list of names.",
            fields={"events": [f"A non-empty list of: {', '.join(EventType.values)}."]},
        )
    unknown = sorted(set(events) - set(EventType.values))
    if unknown:
        raise ApplicationError(
            f"Unknown event(s): {', '.join(unknown)}.",
            fields={"events": [f"Unknown event {e!r}; use {', '.join(EventType.values)}." for e in unknown]},
        )
    return [e for e in EventType.values if e in events]


def _clean_description(description: object) -> str:
    if not isinstance(description, str) or len(description) > 200:
        raise ApplicationError(
            "The description is text of at most 200 characters.", fields={"description": ["Invalid."]}
        )
    return " ".join(description.split())


@dataclass(frozen=True)
class CreatedSubscription:
    subscription: Subscription
    secret: str  # shown once


def subscription_create(
    *, organisation_id: int, url: object, events: object, description: object = ""
) -> CreatedSubscription:
    clean_url, clean_events, text = _clean_url(url), _clean_events(events), _clean_description(description)
    with transaction.atomic():
        if Subscription.objects.filter(organisation_id=organisation_id).count() >= MAX_SUBSCRIPTIONS:
            raise ApplicationError(f"An organisation has at most {MAX_SUBSCRIPTIONS} webhook endpoints.")
        secret = new_secret()
        subscription = Subscription.objects.create(
            organisation_id=organisation_id, url=clean_url, events=clean_events, description=text, secret=secret
        )
    return CreatedSubscription(subscription, secret)


def subscription_update(
    subscription: Subscription,
    *,
    url: object = None,
    events: object = None,
    description: object = None,
    enabled: object = None,
) -> Subscription:
    """Change what is given; enabling a disabled endpoint clears its failure state and reason."""
    fields = ["updated_at"]
    if url is not None:
        subscription.url = _clean_url(url)
        fields.append("url")
    if events is not None:
        subscription.events = _clean_events(events)
        fields.append("events")
    if description is not None:
        subscription.description = _clean_description(description)
        fields.append("description")
    if enabled is not None:
        if not isinstance(enabled, bool):
            raise ApplicationError("enabled is true or false.", fields={"enabled": ["Must be a boolean."]})
        if enabled and not subscription.enabled:
            subscription.enabled, subscription.disabled_reason, subscription.disabled_at = True, "", None
            subscription.failing_since, subscription.consecutive_failures, subscription.paused_until = None, 0, None
        elif not enabled and subscription.enabled:
            subscription.enabled, subscription.disabled_at = False, timezone.now()
            subscription.disabled_reason = "disabled by its owner"
        fields += ["enabled", "disabled_reason", "disabled_at", "failing_since", "consecutive_failures", "paused_until"]
    subscription.save(update_fields=fields)
    return subscription


def subscription_delete(subscription: Subscription) -> None:
    subscription.delete()


def subscription_rotate_secret(subscription: Subscription, *, overlap_s: int | None = None) -> str:
    """A new secret, returned once; the previous one keeps signing (a second signature) for the overlap."""
    overlap = settings.REGISTRY_WEBHOOKS_SECRET_OVERLAP_S if overlap_s is None else overlap_s
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        secret = new_secret()
        locked.previous_secret, locked.secret = locked.secret, secret
        locked.previous_secret_expires_at = timezone.now() + timedelta(seconds=overlap)
        locked.save(update_fields=["secret", "previous_secret", "previous_secret_expires_at", "updated_at"])
    subscription.refresh_from_db()
    return secret


def secrets_in_use(subscription: Subscription, now: datetime | None = None) -> list[str]:
    now = now or timezone.now()
    current = [subscription.secret]
    expires = subscription.previous_secret_expires_at
    if subscription.previous_secret and expires is not None and expires > now:
        current.append(subscription.previous_secret)
    return current


def _queue(subscription_ids: list[int]) -> None:
    from webhooks import tasks

    def send() -> None:
        for pk in subscription_ids:
            tasks.deliver_endpoint.delay(pk)

    transaction.on_commit(send)


def subscription_send_test(subscription: Subscription) -> Delivery:
    """Send a `webhook.test` event to this endpoint alone (even if it is disabled: it checks the set-up)."""
    now = timezone.now()
    data = {"subscription_id": subscription.pk, "message": "A test event, sent on request."}
    with transaction.atomic():
        event = Event.objects.create(
            msg_id=new_msg_id(), type=TEST_EVENT, payload={"type": TEST_EVENT, "timestamp": iso(now), "data": data}
        )
        delivery = Delivery.objects.create(subscription=subscription, event=event, next_attempt_at=now)
        _queue([subscription.pk])
    return delivery


def redeliver(subscription: Subscription, *, delivery_id: int | None = None, since=None, until=None) -> int:
    """Send again (same webhook-id) one delivery, or every delivery made in [since, until); returns how many."""
    if not subscription.enabled:
        raise ApplicationError(
            f"This endpoint is disabled ({subscription.disabled_reason}): enable it first.", code="disabled"
        )
    deliveries = Delivery.objects.filter(subscription=subscription)
    if delivery_id is not None:
        deliveries = deliveries.filter(pk=delivery_id)
    else:
        if since is None:
            raise ApplicationError("Give a delivery or a time range.", fields={"since": ["Required without delivery."]})
        deliveries = deliveries.filter(created_at__gte=since)
        if until is not None:
            deliveries = deliveries.filter(created_at__lt=until)
    now = timezone.now()
    with transaction.atomic():
        count = deliveries.update(status=Delivery.Status.PENDING, attempts=0, next_attempt_at=now, last_error="")
        if count:
            _queue([subscription.pk])
    return count


# --- delivery --------------------------------------------------------------------------------------------


def _delay(attempt: int) -> float:
    """Seconds before the next try after the attempt-th consecutive failure, with +-20 % jitter."""
    delays = settings.REGISTRY_WEBHOOKS_RETRY_DELAYS
    return delays[min(attempt, len(delays)) - 1] * random.uniform(0.8, 1.2)


def _disable(subscription_id: int, reason: str) -> None:
    now = timezone.now()
    Subscription.objects.filter(pk=subscription_id, enabled=True).update(
        enabled=False, disabled_reason=reason[:500], disabled_at=now, updated_at=now
    )
    Delivery.objects.filter(subscription_id=subscription_id, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, last_error=f"not sent: the endpoint was disabled ({reason})"[:500]
    )
    logger.warning("webhook endpoint %s disabled: %s", subscription_id, reason)


def _insert_attempts(sent: list[tuple[Delivery, Answer]], now: datetime) -> None:
    """The attempt log of a round: on PostgreSQL one INSERT ... SELECT FROM unnest() of column arrays (a
    model instance per attempt cost a fifth of a delivery's CPU in the worker), else bulk_create."""
    if connection.vendor != "postgresql":
        Attempt.objects.bulk_create(
            [
                Attempt(
                    delivery=d, number=d.attempts + 1, ok=a.ok, status_code=a.status_code, latency_ms=a.latency_ms,
                    error=a.error, response_excerpt=a.excerpt, created_at=now,
                )
                for d, a in sent
            ]
        )  # fmt: skip
        return
    meta = Attempt._meta
    columns = "delivery_id, number, ok, status_code, latency_ms, error, response_excerpt, created_at"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {meta.db_table} ({columns}) "  # noqa: S608 (the model's names, values bound)
            "SELECT *, %s FROM unnest(%s::bigint[], %s::int[], %s::bool[], %s::int[], %s::int[], %s::text[], %s::text[])",
            [
                now,
                [d.pk for d, _ in sent],
                [d.attempts + 1 for d, _ in sent],
                [a.ok for _, a in sent],
                [a.status_code for _, a in sent],
                [a.latency_ms for _, a in sent],
                [a.error for _, a in sent],
                [a.excerpt for _, a in sent],
            ],
        )


def _record(subscription: Subscription, sent: list[tuple[Delivery, Answer]]) -> None:
    """Log the attempts, settle the deliveries, and update the endpoint's failure state."""
    now = timezone.now()
    with transaction.atomic():
        _insert_attempts(sent, now)
        delivered = [d.pk for d, a in sent if a.ok]
        if delivered:
            Delivery.objects.filter(pk__in=delivered).update(
                status=Delivery.Status.DELIVERED, attempts=F("attempts") + 1, last_attempt_at=now, last_error=""
            )
        failed = [(d, a) for d, a in sent if not a.ok]
        for d, a in failed:
            attempts = d.attempts + 1
            changes: dict[str, Any]
            if attempts > len(settings.REGISTRY_WEBHOOKS_RETRY_DELAYS):
                changes = {
                    "status": Delivery.Status.FAILED,
                    "last_error": f"given up after {attempts} attempts: {a.error}",
                }
            else:
                changes = {"next_attempt_at": now + timedelta(seconds=_delay(attempts)), "last_error": a.error}
            Delivery.objects.filter(pk=d.pk).update(attempts=attempts, last_attempt_at=now, **changes)
        if not failed:
            if subscription.failing_since is not None or subscription.consecutive_failures:
                Subscription.objects.filter(pk=subscription.pk).update(
                    failing_since=None, consecutive_failures=0, paused_until=None
                )
            return
        last = failed[-1][1]
        if last.status_code == 410:
            _disable(subscription.pk, "the endpoint answered 410 Gone")
            return
        since = subscription.failing_since or now
        if delivered:
            since = now  # it answered well just before: the failing run starts now
        if (now - since).total_seconds() >= settings.REGISTRY_WEBHOOKS_DISABLE_AFTER_S:
            hours = (now - since).total_seconds() / 3600
            _disable(subscription.pk, f"every delivery failed for {hours:.3g} h; the last error: {last.error}")
            return
        failures = 1 if delivered else subscription.consecutive_failures + 1
        Subscription.objects.filter(pk=subscription.pk).update(
            failing_since=since,
            consecutive_failures=failures,
            paused_until=now + timedelta(seconds=_delay(failures)),
        )


def _send(subscription: Subscription, delivery: Delivery, client: EndpointClient, signing: list[str]) -> Answer:
    body = json.dumps(delivery.event.payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    timestamp = int(time.time())
    msg_id = delivery.event.msg_id
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(signing, msg_id, timestamp, body),
    }
    return client.post(subscription.url, headers, body)


@dataclass(frozen=True)
class EndpointRun:
    sent: int = 0
    delivered: int = 0
    busy: bool = False  # another task was delivering to this endpoint
    more: bool = False  # due deliveries are left (the time budget ran out)
    wake_at: datetime | None = None  # when the next delivery of the endpoint is due (pause or retry)


def _lock_key(subscription_id: int) -> str:
    return f"webhooks:endpoint:{subscription_id}"


def deliver_endpoint(subscription_id: int, *, budget_s: float | None = None) -> EndpointRun:
    """Send this endpoint's due deliveries, one at a time, until none is due, it fails, or the budget ends.

    One task per endpoint at a time (a cache lock), so a slow endpoint holds one worker slot, never more,
    and never delays another endpoint's deliveries. A failure pauses the endpoint (backoff with jitter).
    """
    budget = settings.REGISTRY_WEBHOOKS_TASK_BUDGET_S if budget_s is None else budget_s
    lock_timeout = int(budget + settings.REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS / 1000 + 60)
    key, deadline = _lock_key(subscription_id), time.monotonic() + budget
    while True:
        if not cache.add(key, "1", timeout=lock_timeout):
            return EndpointRun(busy=True)
        try:
            run = _deliver_locked(subscription_id, deadline)
        finally:
            cache.delete(key)
        # A task queued while the lock was held has given up: look once more for what it came for.
        if run.more or time.monotonic() >= deadline:
            return run
        due = selectors.next_due_at(subscription_id)
        now = timezone.now()
        ready = Subscription.objects.filter(pk=subscription_id, enabled=True).exclude(paused_until__gt=now).exists()
        if due is None or due > now or not ready:
            return run


def _deliver_locked(subscription_id: int, deadline: float) -> EndpointRun:
    sent = delivered = 0
    with EndpointClient() as client:
        while True:
            subscription = Subscription.objects.filter(pk=subscription_id).first()
            if subscription is None:
                return EndpointRun(sent, delivered)
            now = timezone.now()
            if subscription.paused_until is not None and subscription.paused_until > now:
                return EndpointRun(sent, delivered, wake_at=subscription.paused_until)
            if time.monotonic() >= deadline:
                return EndpointRun(sent, delivered, more=True)
            batch = selectors.deliveries_due(subscription_id, limit=BATCH, now=now)
            # A disabled endpoint is sent only its test events (it may be checking its set-up).
            if not subscription.enabled:
                batch = [d for d in batch if d.event.type == TEST_EVENT]
                if not batch:
                    return EndpointRun(sent, delivered)
            if not batch:
                return EndpointRun(sent, delivered, wake_at=selectors.next_due_at(subscription_id))
            results: list[tuple[Delivery, Answer]] = []
            policy = FetchPolicy(allow_networks=parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS))
            why = url_refusal(subscription.url, policy)  # (the addresses are checked again at connect time)
            signing = secrets_in_use(subscription, now)
            for delivery in batch:
                answer = (
                    Answer(False, None, 0, f"refused: {why}") if why else _send(subscription, delivery, client, signing)
                )
                results.append((delivery, answer))
                if not answer.ok or time.monotonic() >= deadline:
                    break  # a failing endpoint is paused, not hammered with the rest of its queue
            _record(subscription, results)
            sent += len(results)
            delivered += sum(1 for _, a in results if a.ok)


def sweep() -> list[int]:
    """Queue a delivery task for every endpoint with deliveries due (retries after long pauses, tasks lost
    with a worker); returns their ids. Run by Celery beat every REGISTRY_WEBHOOKS_SWEEP_EVERY_SECONDS."""
    now = timezone.now()
    ids = list(
        Delivery.objects.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
        .exclude(subscription__paused_until__gt=now)
        .values_list("subscription_id", flat=True)
        .distinct()
        .order_by()
    )
    from webhooks import tasks

    for pk in ids:
        tasks.deliver_endpoint.delay(pk)
    return ids
