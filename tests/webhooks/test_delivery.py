"""Delivery to the Standard Webhooks spec: headers, signature, retries with the same id, pauses, disabling,
and endpoints that misbehave (redirect, huge body, hang) recorded as failed attempts, never a stuck worker."""

from __future__ import annotations

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.webhooks.conftest import verify
from webhooks import services
from webhooks.dispatch import dispatch
from webhooks.models import Attempt, Delivery, Subscription
from webhooks.services import deliver_endpoint, subscription_create, subscription_rotate_secret

pytestmark = pytest.mark.django_db


def subscribe(organisation, url):
    created = subscription_create(organisation_id=organisation.pk, url=url, events=["claim.created"])
    return created.subscription, created.secret


def deliver_until_settled(subscription, seconds=5.0):
    """Run the delivery task body until nothing is pending or paused for long (what the worker does)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        deliver_endpoint(subscription.pk)
        if not Delivery.objects.filter(subscription=subscription, status=Delivery.Status.PENDING).exists():
            return
        time.sleep(0.03)


def test_headers_and_signature_verify_with_the_reference_check(organisation, claim, receiver_factory):
    receiver = receiver_factory()
    subscription, secret = subscribe(organisation, receiver.url)
    dispatch()
    run = deliver_endpoint(subscription.pk)
    assert run.delivered == 1
    headers, body = receiver.requests[0]
    assert headers["webhook-id"].startswith("msg_")
    assert headers["content-type"] == "application/json"
    payload = verify(secret, headers, body)
    assert payload["type"] == "claim.created" and payload["data"]["id"] == claim.pk
    with pytest.raises(ValueError):  # another secret does not verify
        verify(services.new_secret(), headers, body)
    with pytest.raises(ValueError):  # nor a replay outside the 5-minute window
        verify(secret, headers, body, now=time.time() + 301)
    with pytest.raises(ValueError):  # nor a changed body
        verify(secret, headers, body.replace(b"harbour", b"airport"))
    attempt = Attempt.objects.get()
    assert attempt.ok and attempt.status_code == 200 and attempt.response_excerpt == '{"ok": true}'


def test_during_a_rotation_both_secrets_sign_and_after_the_overlap_only_the_new(organisation, claim, receiver_factory):
    receiver = receiver_factory()
    subscription, old = subscribe(organisation, receiver.url)
    new = subscription_rotate_secret(subscription, overlap_s=3600)
    assert new != old and new.startswith("whsec_")
    dispatch()
    deliver_endpoint(subscription.pk)
    headers, body = receiver.requests[0]
    assert len(headers["webhook-signature"].split(" ")) == 2
    verify(old, headers, body)
    verify(new, headers, body)
    Subscription.objects.filter(pk=subscription.pk).update(previous_secret_expires_at=timezone.now())
    services.subscription_send_test(Subscription.objects.get(pk=subscription.pk))
    deliver_endpoint(subscription.pk)
    headers, body = receiver.requests[1]
    verify(new, headers, body)
    with pytest.raises(ValueError):
        verify(old, headers, body)


def test_failing_three_times_then_recovering_delivers_once_more_with_the_same_id(
    organisation, claim, receiver_factory, settings
):
    settings.REGISTRY_WEBHOOKS_RETRY_DELAYS = [0.05, 0.05, 0.05, 0.05]
    receiver = receiver_factory(script=[500, 503, 502])
    subscription, _ = subscribe(organisation, receiver.url)
    dispatch()
    deliver_until_settled(subscription)
    ids = receiver.ids()
    assert len(ids) == 4 and len(set(ids)) == 1
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempts == 4
    assert [a.ok for a in Attempt.objects.order_by("number")] == [False, False, False, True]
    assert Attempt.objects.filter(ok=False).first().error == "HTTP 500"
    subscription.refresh_from_db()
    assert subscription.enabled and subscription.failing_since is None and subscription.consecutive_failures == 0


def test_a_failing_endpoint_is_paused_not_hammered(organisation, claim, receiver_factory, settings):
    settings.REGISTRY_WEBHOOKS_RETRY_DELAYS = [60.0]
    receiver = receiver_factory(default=500)
    subscription, _ = subscribe(organisation, receiver.url)
    services.subscription_send_test(subscription)
    dispatch()  # two deliveries due
    deliver_endpoint(subscription.pk)
    deliver_endpoint(subscription.pk)
    assert len(receiver.requests) == 1  # the first failure paused the endpoint
    subscription.refresh_from_db()
    assert subscription.paused_until > timezone.now() + timedelta(seconds=40)


def test_a_410_disables_the_endpoint_at_once_and_says_why(organisation, claim, receiver_factory):
    receiver = receiver_factory(default=410)
    subscription, _ = subscribe(organisation, receiver.url)
    dispatch()
    deliver_endpoint(subscription.pk)
    subscription.refresh_from_db()
    assert not subscription.enabled and "410" in subscription.disabled_reason
    assert Delivery.objects.get().status == Delivery.Status.FAILED


def test_24_hours_of_failure_disable_the_endpoint(organisation, claim, receiver_factory):
    receiver = receiver_factory(default=503)
    subscription, _ = subscribe(organisation, receiver.url)
    Subscription.objects.filter(pk=subscription.pk).update(
        failing_since=timezone.now() - timedelta(hours=24, seconds=1), consecutive_failures=9
    )
    dispatch()
    deliver_endpoint(subscription.pk)
    subscription.refresh_from_db()
    assert not subscription.enabled
    assert (
        "every delivery failed for 24 h" in subscription.disabled_reason and "HTTP 503" in subscription.disabled_reason
    )


def test_a_delivery_is_given_up_after_the_last_retry(organisation, claim, receiver_factory, settings):
    settings.REGISTRY_WEBHOOKS_RETRY_DELAYS = [0.01, 0.01]
    receiver = receiver_factory(default=500)
    subscription, _ = subscribe(organisation, receiver.url)
    dispatch()
    deliver_until_settled(subscription)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 3
    assert delivery.last_error.startswith("given up after 3 attempts")
    assert len(receiver.requests) == 3


def test_a_redirect_is_a_failed_attempt_and_not_followed(organisation, claim, receiver_factory):
    target = receiver_factory()
    redirecting = receiver_factory(default=307, headers={"Location": target.url})
    subscription, _ = subscribe(organisation, redirecting.url)
    dispatch()
    deliver_endpoint(subscription.pk)
    attempt = Attempt.objects.get()
    assert not attempt.ok and attempt.status_code == 307 and "not followed" in attempt.error
    assert target.requests == []


def _raw_server(respond):
    """A TCP server answering each connection with `respond(conn)`."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=respond, args=(conn, stop), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{server.getsockname()[1]}/hook", lambda: (stop.set(), server.close())


def test_a_huge_answer_is_cut_to_an_excerpt(organisation, claim):
    def respond(conn, stop):
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 50000000\r\n\r\n")
        try:
            while not stop.is_set():
                conn.sendall(b"x" * 65536)
        except OSError:
            pass

    url, close = _raw_server(respond)
    try:
        subscription, _ = subscribe(organisation, url)
        dispatch()
        started = time.monotonic()
        deliver_endpoint(subscription.pk)
        assert time.monotonic() - started < 2
    finally:
        close()
    attempt = Attempt.objects.get()
    assert attempt.ok and len(attempt.response_excerpt) == 1000


def test_a_dripping_endpoint_is_cut_off_at_the_total_timeout(organisation, claim, settings):
    settings.REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS = 1000

    def respond(conn, stop):
        conn.recv(65536)
        try:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok":
                if stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(0.3)
        except OSError:
            pass

    url, close = _raw_server(respond)
    try:
        subscription, _ = subscribe(organisation, url)
        dispatch()
        started = time.monotonic()
        deliver_endpoint(subscription.pk)
        elapsed = time.monotonic() - started
    finally:
        close()
    assert elapsed < 5  # the drip alone would take 12 s; the rest is the database on a busy machine
    attempt = Attempt.objects.get()
    assert not attempt.ok and "timed out" in attempt.error and attempt.latency_ms < 2000


def test_a_closed_port_is_a_failed_attempt(organisation, claim):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    subscription, _ = subscribe(organisation, f"http://127.0.0.1:{port}/hook")
    dispatch()
    deliver_endpoint(subscription.pk)
    attempt = Attempt.objects.get()
    assert not attempt.ok and attempt.status_code is None and "could not connect" in attempt.error


def test_an_endpoint_whose_name_now_resolves_inward_is_refused_at_delivery(organisation, claim, monkeypatch):
    from claims.fetching import transport

    subscription, _ = subscribe(organisation, "http://hooks.example/in")
    monkeypatch.setattr(transport, "resolve", lambda host, port: [__import__("ipaddress").ip_address("10.0.0.7")])
    dispatch()
    deliver_endpoint(subscription.pk)
    attempt = Attempt.objects.get()
    assert not attempt.ok and attempt.error.startswith("refused:") and "private" in attempt.error


def test_redelivery_of_one_delivery_and_of_a_time_range_keeps_the_webhook_id(organisation, claim, receiver_factory):
    receiver = receiver_factory()
    subscription, _ = subscribe(organisation, receiver.url)
    dispatch()
    deliver_endpoint(subscription.pk)
    delivery = Delivery.objects.get()
    assert services.redeliver(subscription, delivery_id=delivery.pk) == 1
    deliver_endpoint(subscription.pk)
    assert services.redeliver(subscription, since=timezone.now() - timedelta(minutes=1)) == 1
    deliver_endpoint(subscription.pk)
    assert len(receiver.ids()) == 3 and len(set(receiver.ids())) == 1


def test_a_disabled_endpoint_gets_only_test_events_and_refuses_redelivery(organisation, claim, receiver_factory):
    from claims.errors import ApplicationError

    receiver = receiver_factory()
    subscription, _ = subscribe(organisation, receiver.url)
    dispatch()
    services.subscription_update(subscription, enabled=False)
    Delivery.objects.update(status=Delivery.Status.PENDING)  # as if left over
    run = deliver_endpoint(subscription.pk)
    assert run.sent == 0 and run.wake_at is None  # nothing queued again for it
    with pytest.raises(ApplicationError, match="disabled"):
        services.redeliver(subscription, delivery_id=Delivery.objects.get().pk)
    services.subscription_send_test(subscription)
    deliver_endpoint(subscription.pk)
    assert [b["type"] for b in receiver.bodies()] == ["webhook.test"]
