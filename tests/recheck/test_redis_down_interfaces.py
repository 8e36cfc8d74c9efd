"""Redis stopped while articles are submitted and reviewed: the API and the admin keep working.

A private redis-server (its own port; the machine's shared one is never touched) is the cache, the
throttle's counter store and the Celery broker of this process; the test stops it, drives the API and
the admin as people and newsroom systems would, starts it again and lets the sweeper hand the stored
submission to extraction: extracted once, nothing lost, nothing doubled.
"""

from __future__ import annotations

import base64
import importlib
import json
import shutil
import time
from datetime import timedelta

import pytest
import redis
from django.db import connection
from rest_framework.test import APIClient

from claims import permissions
from claims.models import Article, Verdict
from claims.services import recheck as recheck_services
from claims.tasks import extract_article
from registry.celery import app as celery_app
from tests.conftest import _database_url_for, using_postgres
from tests.recheck.procs import RedisServer, Worker, service_env, wait_for
from tests.review.helpers import form_data

pytestmark = [
    pytest.mark.broker,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="the outage test starts its own redis-server"),
    pytest.mark.django_db(transaction=True),  # on_commit hooks fire: the broker is really asked, and fails
]

PASSWORD = "a-long-test-password-1"
SEEN_BEFORE = (
    "Harbour reopens\n\n"
    "The harbour master said on Monday that 40 ships were waiting outside the port.\n\n"
    "“Twelve of them carry grain for Lyon,” she added."
)
OUTAGE_BODY = (
    "Bridge closes for repairs\n\n"
    "The mayor said on Tuesday that the old bridge in Rotterdam will close in May.\n\n"
    "“We expect the work to take six weeks,” said Anna Berg, the city engineer."
)


def _forget_broker_connections() -> None:
    """Make Celery pick its connection pool again, for the broker URL configured now.

    kombu keeps producer pools per broker URL for the whole process, so the old ones are left as
    they are (closing them would break the next test that uses that URL) and simply not used.
    """
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def services_on_private_redis(redis_server, settings):
    """This process's cache, throttle and broker all on the private Redis; tasks really go to the broker."""
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_server.url}
    }
    settings.API_THROTTLE_RATES = {"key": "1200/minute", "user": "1200/minute", "anon": "60/minute"}
    settings.API_SYNC_SAFETY_LAG_SECONDS = 0  # the claim list shows rows written a moment ago
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_default_queue
    _forget_broker_connections()
    conf.broker_url = redis_server.url
    conf.task_default_queue = "outage-test"
    conf.task_always_eager = False
    yield redis_server
    conf.task_always_eager = True
    conf.broker_url, conf.task_default_queue = saved
    _forget_broker_connections()


@pytest.fixture
def people(django_user_model):
    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=permissions.ROLE_GROUPS).count() < len(permissions.ROLE_GROUPS):
        importlib.import_module("claims.migrations.0002_review_groups").create_groups(apps, None)
    made = {}
    for name, group in (("rita", permissions.REVIEWERS), ("newsroom-bot", permissions.REVIEWERS)):
        made[name] = django_user_model.objects.create_user(username=name, password=PASSWORD, is_staff=True)
        made[name].groups.add(Group.objects.get(name=group))
    return made


@pytest.fixture
def keys(people):
    from api.keys import api_key_create

    return {
        "read": api_key_create(name="Read desk", scopes="read").key,
        "submit": api_key_create(name="Submit desk", scopes="submit").key,
        "review": api_key_create(name="Review desk", scopes="review", user=people["newsroom-bot"]).key,
    }


def take_only_message(url: str, queue: str) -> tuple[str, list, dict]:
    """Pop the single task message waiting in a Redis-transport queue: (task name, args, kwargs)."""
    broker = redis.Redis.from_url(url)
    try:
        assert broker.llen(queue) == 1, f"{broker.llen(queue)} messages queued, expected exactly one"
        message = json.loads(broker.rpop(queue))
    finally:
        broker.close()
    args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
    return message["headers"]["task"], args, kwargs


def key_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


def test_the_api_and_the_admin_keep_working_and_submissions_are_extracted_once_redis_is_back(
    article_factory, people, keys, services_on_private_redis, tmp_path
):
    redis_server = services_on_private_redis
    # Claims to review, extracted while everything was up.
    celery_app.conf.task_always_eager = True
    for_api, for_admin = article_factory(SEEN_BEFORE).claims.order_by("start")
    celery_app.conf.task_always_eager = False

    redis_server.stop()
    assert not redis_server.ping()

    # --- the API, with every kind of key -------------------------------------------------------
    submitted = key_client(keys["submit"]).post("/api/v1/articles/", {"text": OUTAGE_BODY}, format="json")
    assert submitted.status_code == 202, submitted.content
    article_id = submitted.json()["id"]
    article = Article.objects.get(pk=article_id)
    assert article.body == OUTAGE_BODY and article.status == Article.Status.PENDING
    assert not article.claims.exists()  # the broker never got it: waiting for the sweeper

    listed = key_client(keys["read"]).get("/api/v1/claims/")
    assert listed.status_code == 200, listed.content
    assert for_api.pk in {c["id"] for c in listed.json()["results"]}

    reviewed = key_client(keys["review"]).post(
        f"/api/v1/claims/{for_api.pk}/verdict/",
        {
            "verdict": "verified",
            "note": "Port authority figures.",
            "sources": [{"url": "https://port.example/ships", "stance": "supports", "title": "Ship count"}],
        },
        format="json",
        HTTP_IF_MATCH=str(for_api.version),
    )
    assert reviewed.status_code == 200, reviewed.content
    for_api.refresh_from_db()
    assert (for_api.verdict, for_api.reviewed_by) == (Verdict.VERIFIED, people["newsroom-bot"])

    # --- the admin: a real login (session), the claim list, a claim page, a verdict -----------------
    browser = APIClient()
    login = browser.post("/admin/login/?next=/admin/", {"username": "rita", "password": PASSWORD})
    assert login.status_code == 302, login.content
    assert browser.get("/admin/claims/claim/").status_code == 200
    page = browser.get(f"/admin/claims/claim/{for_admin.pk}/change/")
    assert page.status_code == 200
    data = form_data(page)
    data.update(
        {
            "sources-0-url": "https://port.example/master",
            "sources-0-stance": "supports",
            "sources-0-title": "Harbour master's statement",
            "_verdict": "verified",
        }
    )
    saved = browser.post(f"/admin/claims/claim/{for_admin.pk}/change/", data)
    assert saved.status_code == 302, saved.content.decode()[-2000:]
    for_admin.refresh_from_db()
    assert (for_admin.verdict, for_admin.reviewed_by) == (Verdict.VERIFIED, people["rita"])

    # --- Redis back: the sweeper hands the stored submission to extraction, once ----------------------
    redis_server.start()  # same port: the pooled connections reconnect on their own
    Article.objects.filter(pk=article_id).update(updated_at=article.updated_at - timedelta(hours=1))
    if using_postgres():
        # A real worker on the private broker, sharing the test database.
        env = service_env(database_url=_database_url_for(connection.settings_dict["NAME"]), redis_url=redis_server.url)
        env["CELERY_QUEUE"] = celery_app.conf.task_default_queue
        worker = Worker(env, tmp_path / "worker.log").start()
        try:
            assert recheck_services.articles_sweep_stuck(older_than=timedelta(minutes=5)) == [article_id]
            done = wait_for(lambda: Article.objects.get(pk=article_id).status == Article.Status.DONE, 120)
            assert done, f"not extracted after Redis came back:\n{worker.output()[-4000:]}"
            assert recheck_services.articles_sweep_stuck(older_than=timedelta(0)) == []  # nothing left stuck
            time.sleep(2)  # room for a duplicate run to show itself
        finally:
            worker.stop()
    else:
        # SQLite: a worker process cannot share the test database, so this process takes the one
        # message the sweeper queued off the broker and runs it, as a worker would.
        assert recheck_services.articles_sweep_stuck(older_than=timedelta(minutes=5)) == [article_id]
        name, args, kwargs = take_only_message(redis_server.url, celery_app.conf.task_default_queue)
        assert (name, args) == (extract_article.name, [article_id])
        extract_article.apply(args=args, kwargs=kwargs)
        assert recheck_services.articles_sweep_stuck(older_than=timedelta(0)) == []

    article.refresh_from_db()
    assert article.status == Article.Status.DONE and article.extraction_attempts == 1
    spans = list(article.claims.values_list("start", "end"))
    assert spans and len(spans) == len(set(spans))  # every claim stored once
    assert Article.objects.filter(body=OUTAGE_BODY).count() == 1  # the submission stored once
