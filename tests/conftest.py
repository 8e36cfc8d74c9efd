"""Shared fixtures: personas, factories, and the switch between in-process and real-worker tasks."""

from __future__ import annotations

import os
from datetime import date

import pytest

from registry.celery import app as celery_app


def using_postgres() -> bool:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


requires_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")),
    reason="needs PostgreSQL: set DATABASE_URL (CI does)",
)
requires_broker = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))),
    reason="needs Redis and PostgreSQL for a real Celery worker: set REDIS_URL and DATABASE_URL (CI does)",
)


# --- running in parallel (pytest-xdist) ---------------------------------------------------------------
# `make test` runs the suite in several processes (`-n auto --dist loadgroup`). Each one gets its own
# test database from pytest-django (test_<name>_gw0, ...), its own Celery queue (see
# `celery_worker_process`) and its own free ports; what they would still share is set apart here.


def pytest_configure(config):
    """One cache key prefix per test process: the throttle counters of one process (keyed by ids that
    repeat in every process's database) must not count the requests of another in a shared Redis."""
    import uuid

    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    for cache in settings.CACHES.values():
        cache["KEY_PREFIX"] = f"tests-{worker}-{uuid.uuid4().hex[:8]}"


def clear_cache() -> None:
    """Empty this process's cache, and only it.

    Django's `RedisCache.clear()` is FLUSHDB: in a Redis database shared by parallel test processes it
    would also drop the other processes' Celery queues and counters. Only this process's prefix goes.
    """
    from django.conf import settings
    from django.core.cache import cache

    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith("RedisCache"):
        cache.clear()
        return
    import redis

    client = redis.Redis.from_url(config["LOCATION"], socket_timeout=5, socket_connect_timeout=2)
    try:
        keys = list(client.scan_iter(match=f"{config.get('KEY_PREFIX', '')}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.hookimpl(tryfirst=True)  # before pytest-django's own sort, which must have the last word (below)
def pytest_collection_modifyitems(config, items):
    """Slow tests first; and keep together, on one process, the tests that share something costly or stateful.

    With `--dist loadgroup`, tests carrying the same `xdist_group` run in one process, one after
    another; the others are handed out one by one. Grouped here:
    - every test using the real Celery worker (`celery_worker_process`, session-scoped): one worker
      process is started for the run, not one per test process;
    - the tests of a module sharing a module-scoped fixture (a fresh copy of the project with a shared
      .venv, the built OpenAPI schema, a 200 MB gzip bomb): built once, and never by two processes at
      the same time.
    """
    # The longest tests (marked `slow`: a 5 MB article, schemathesis, real worker faults, `make run`) are
    # handed out first, so that they do not start last and leave one process working alone at the end.
    # pytest-django then sorts (stably) the database tests before the transactional ones, whose flush
    # removes the rows data migrations made: the slow ones come first within each of its groups.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if "celery_worker_process" in defs:
            item.add_marker(pytest.mark.xdist_group("celery-worker"))
        elif any(  # a shared fixture of this suite's own (pytest-django's class-scoped helper is cheap)
            fixture_def.scope in ("module", "package", "class") and fixture_def.baseid.startswith("tests")
            for chain in defs.values()
            for fixture_def in chain
        ):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


@pytest.fixture(autouse=True)
def _tasks_in_process(settings):
    """Tests run tasks in-process unless they ask for the real worker (the `celery_worker_process` fixture)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture
def article_factory(db):
    from claims.services.articles import article_submit

    counter = {"n": 0}

    def make(body: str | None = None, **kwargs):
        counter["n"] += 1
        body = (
            body
            or f"Article number {counter['n']}.\n\nThe minister said on Tuesday that 12 schools in Paris will close."
        )
        kwargs.setdefault("published", date(2024, 3, 8))
        return article_submit(body=body, **kwargs).article

    return make


def _database_url_for(name: str) -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{name}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the real broker, reading and writing the test database.

    Tests using it must commit their data (`django_db(transaction=True)`) so the worker sees it.
    A queue of its own keeps this run's tasks away from any other worker on the same Redis.
    """
    import subprocess
    import sys
    import time
    import uuid

    from django.conf import settings

    if not (os.environ.get("REDIS_URL") and settings.DATABASES["default"]["ENGINE"].endswith("postgresql")):
        pytest.skip("needs Redis and PostgreSQL for a real Celery worker: set REDIS_URL and DATABASE_URL (CI does)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    env = dict(
        os.environ,
        DATABASE_URL=_database_url_for(settings.DATABASES["default"]["NAME"]),
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_QUEUE=queue,
    )
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "registry",
                "worker",
                "--loglevel",
                "INFO",
                "--pool",
                "prefork",
                "--concurrency",
                "2",
                "--queues",
                queue,
                "--without-gossip",
                "--without-mingle",
                "--hostname",
                f"{queue}@%h",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while b" ready." not in log.read_bytes():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"the Celery worker did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    worker = WorkerProcess(proc=proc, queue=queue, log=log, env=env)
    yield worker
    worker.stop()


class WorkerProcess:
    """Handle on the test worker: its process, queue and log."""

    def __init__(self, *, proc, queue: str, log, env: dict):
        self.proc, self.queue, self.log, self.env = proc, queue, log, env

    def stop(self) -> None:
        import signal

        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except Exception:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Wait until every task the worker received has finished, and the log has been still a moment.

        A test's data is flushed when it ends: a follow-on task still running then (a change
        notification enqueued by the extraction) would hold locks that the flush's TRUNCATE waits on,
        and PostgreSQL ends one of the two as a deadlock. On a loaded machine that task is often late."""
        import re
        import time

        received = re.compile(rb"\] received\b")
        finished = re.compile(rb"\] (?:succeeded in|raised unexpected|retry:|ignored)")
        deadline = time.monotonic() + timeout
        still = 0
        last = b""
        while time.monotonic() < deadline and self.proc.poll() is None:
            data = self.log.read_bytes()
            idle = len(received.findall(data)) <= len(finished.findall(data))
            still = still + 1 if idle and data == last else 0
            if still >= 3:  # no task running and nothing new logged for ~0.6 s
                return
            last = data
            time.sleep(0.2)


@pytest.fixture
def real_worker(celery_worker_process):
    """Send tasks to the real worker (instead of running them in-process) for one test."""
    celery_app.conf.task_always_eager = False
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = celery_worker_process.queue
    yield celery_worker_process
    celery_app.conf.task_default_queue = previous
    celery_app.conf.task_always_eager = True
    celery_worker_process.wait_idle()  # before the test's data is flushed
