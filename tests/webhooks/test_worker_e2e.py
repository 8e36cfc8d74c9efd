"""End to end with a real Celery worker on PostgreSQL and Redis: a verdict change reaches a receiver on a
local port signed to the spec; a receiver failing three times gets it again with the same webhook-id; a dead
receiver is disabled and recorded, and delays nobody else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid

import pytest

from registry.celery import app as celery_app
from tests.conftest import _database_url_for
from tests.webhooks.conftest import verify
from webhooks.models import Attempt, Delivery, ObjectState, Subscription
from webhooks.services import subscription_create

pytestmark = [pytest.mark.broker, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def webhook_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A worker on this run's own default and webhooks queues, with retry delays of a fifth of a second."""
    from django.conf import settings

    if not (os.environ.get("REDIS_URL") and settings.DATABASES["default"]["ENGINE"].endswith("postgresql")):
        pytest.skip("needs Redis and PostgreSQL for a real Celery worker: set REDIS_URL and DATABASE_URL (CI does)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    log = tmp_path_factory.mktemp("webhook-worker") / "worker.log"
    env = dict(
        os.environ,
        DATABASE_URL=_database_url_for(settings.DATABASES["default"]["NAME"]),
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_QUEUE=queue,
        REGISTRY_WEBHOOKS_QUEUE=f"{queue}-webhooks",
        REGISTRY_FETCH_TEST_ALLOW_NETWORKS="127.0.0.1/32",
        REGISTRY_WEBHOOKS_REQUIRE_HTTPS="false",
        REGISTRY_WEBHOOKS_RETRY_DELAYS=",".join(["0.2"] * 30),
        REGISTRY_WEBHOOKS_DISABLE_AFTER_S="2",
        REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS="2000",
    )
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "registry", "worker", "--loglevel", "INFO", "--pool", "prefork",
             "--concurrency", "3", "--queues", f"{queue},{queue}-webhooks", "--without-gossip", "--without-mingle",
             "--hostname", f"{queue}@%h"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while b" ready." not in log.read_bytes():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"the Celery worker did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    from tests.conftest import WorkerProcess

    worker = WorkerProcess(proc=proc, queue=queue, log=log, env=env)
    yield worker
    worker.stop()


def _routes_changed() -> None:
    """Celery reads task_routes once, into a router it keeps: after any earlier test of this process sent a
    task to a broker, a changed task_routes was ignored and the dispatcher went to the real `webhooks` queue,
    which no worker of this run reads."""
    celery_app.amqp.flush_routes()
    celery_app.amqp.__dict__.pop("router", None)


@pytest.fixture
def to_worker(webhook_worker):
    previous = (celery_app.conf.task_default_queue, celery_app.conf.task_routes)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = webhook_worker.queue
    celery_app.conf.task_routes = {"webhooks.tasks.*": {"queue": f"{webhook_worker.queue}-webhooks"}}
    _routes_changed()
    yield webhook_worker
    celery_app.conf.task_default_queue, celery_app.conf.task_routes = previous
    _routes_changed()
    celery_app.conf.task_always_eager = True


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_verdict_change_retries_and_a_dead_endpoint_with_a_real_worker(
    to_worker, organisation, receiver_factory, editor_user
):
    from claims.models import Claim
    from claims.services.review import claim_review
    from tests.webhooks.conftest import BODY

    healthy = receiver_factory()
    flaky = receiver_factory(script=[500, 502, 503])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    dead_url = f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    sock.close()
    events = ["claim.verdict_changed"]
    secrets, subs = {}, {}
    for name, url in (("dead", dead_url), ("healthy", healthy.url), ("flaky", flaky.url)):
        created = subscription_create(organisation_id=organisation.pk, url=url, events=events)
        secrets[name], subs[name] = created.secret, created.subscription

    from claims.models import Article, Speaker
    from claims.services.articles import body_hash

    article = Article.objects.create(title="Ferry", body=BODY, body_hash=body_hash(BODY), status=Article.Status.DONE)
    speaker = Speaker.objects.create(name="the harbour board", key="the harbour board")
    text = BODY.split("\n\n")[1]
    claim = Claim.objects.create(
        article=article, position=0, text=text, start=BODY.index(text), end=BODY.index(text) + len(text),
        speaker=speaker, kind=Claim.Kind.STATEMENT,
    )  # fmt: skip
    assert wait_for(lambda: ObjectState.objects.filter(kind="claim", object_id=claim.pk).exists()), to_worker.output()[
        -3000:
    ]
    claim_review(
        claim_id=claim.pk,
        user=editor_user,
        verdict="verified",
        expected_version=claim.version,
        sources=[{"url": "https://stats.example/ferry", "stance": "supports"}],
    )
    # The healthy receiver gets it as soon as the event is made, whatever the dead one does. (When the
    # event is made depends on the feed's horizon: a transaction open anywhere on the server holds it back.)
    assert wait_for(lambda: healthy.requests, timeout=30), to_worker.output()[-3000:]
    delivery = Delivery.objects.get(subscription=subs["healthy"])
    assert wait_for(lambda: Attempt.objects.filter(delivery=delivery).exists())
    sent_after = (Attempt.objects.get(delivery=delivery).created_at - delivery.created_at).total_seconds()
    assert sent_after < 3, to_worker.output()[-6000:]
    headers, body = healthy.requests[0]
    payload = verify(secrets["healthy"], headers, body)
    assert payload["type"] == "claim.verdict_changed" and payload["data"]["verdict"] == "verified"
    assert payload["data"]["id"] == claim.pk and payload["data"]["feed_cursor"]

    # Three failures, then the same message again, with the same webhook-id.
    assert wait_for(lambda: len(flaky.requests) >= 4, timeout=30), to_worker.output()[-3000:]
    assert len(set(flaky.ids())) == 1
    verify(secrets["flaky"], *flaky.requests[-1])
    assert wait_for(lambda: Delivery.objects.filter(subscription=subs["flaky"], status="delivered").exists())

    # The dead one: disabled after REGISTRY_WEBHOOKS_DISABLE_AFTER_S of failures, with the reason and every attempt.
    assert wait_for(lambda: not Subscription.objects.get(pk=subs["dead"].pk).enabled, timeout=30), to_worker.output()[
        -3000:
    ]
    dead = Subscription.objects.get(pk=subs["dead"].pk)
    assert "every delivery failed" in dead.disabled_reason and "could not connect" in dead.disabled_reason
    attempts = Attempt.objects.filter(delivery__subscription=dead)
    assert attempts.count() >= 2 and not attempts.filter(ok=True).exists()
    assert Delivery.objects.get(subscription=dead).status == Delivery.Status.FAILED
    assert len(healthy.requests) == 1  # exactly once where nothing failed
