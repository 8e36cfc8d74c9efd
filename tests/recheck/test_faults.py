"""Faults with real processes: killed workers, a broker outage, a database restart. Nothing lost or doubled.

Each test runs its own redis-server on a port of its own (stopping the machine's shared Redis would
disturb everyone else) and its own Celery worker; the PostgreSQL restart uses a private cluster.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from claims.models import Article, LinkCheck, SourceLink
from tests.conftest import _database_url_for
from tests.recheck.conftest import Reply, page
from tests.recheck.procs import ROOT, PostgresServer, RedisServer, Worker, client, service_env, wait_for

pytestmark = [
    pytest.mark.broker,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="the fault tests start their own redis-server"),
]
shares_test_database = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")),
    reason="a worker process can share the test database only on PostgreSQL: set DATABASE_URL (CI does)",
)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def worker_env(redis_server, transactional_db):
    from django.db import connection

    return service_env(database_url=_database_url_for(connection.settings_dict["NAME"]), redis_url=redis_server.url)


@pytest.fixture
def workers(tmp_path):
    """Start workers through this list; all are stopped at the end of the test."""
    started: list[Worker] = []

    def start(env: dict, concurrency: int = 1, app: str = "registry") -> Worker:
        worker = Worker(env, tmp_path / "worker.log", concurrency=concurrency, app=app).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@shares_test_database
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_check_has_the_check_redelivered_and_recorded_once(
    local_server, claim_factory, source_factory, worker_env, workers
):
    arrived = threading.Event()

    def slow_the_first_time(server, path):
        if server.hits[path] == 1:
            arrived.set()
            return Reply(body=page("twelve schools will close"), delay=5)
        return Reply(body=page("twelve schools will close"))

    local_server.routes["/evidence"] = slow_the_first_time
    claim = claim_factory()
    source = source_factory(claim, local_server.url("/evidence"), excerpt="twelve schools")
    # Short limits so the broker hands the unacknowledged task out again within seconds (a fetch
    # must end inside the task's soft limit: settings refuse a longer total timeout).
    env = dict(
        worker_env,
        CELERY_TASK_SOFT_TIME_LIMIT="8",
        CELERY_TASK_TIME_LIMIT="10",
        CELERY_VISIBILITY_TIMEOUT="11",
        REGISTRY_FETCH_TOTAL_TIMEOUT_MS="7000",
    )
    first = workers(env)
    client(
        env,
        f"from django.core.management import call_command; call_command('recheck_sources', '--claim', '{claim.pk}')",
    )
    assert arrived.wait(60), f"the worker never fetched the source:\n{first.output()[-3000:]}"
    delivered = time.monotonic()
    first.kill()
    assert not LinkCheck.objects.exists()
    # Redis hands an unacknowledged task out again once the visibility timeout has passed; a worker
    # starting after that restores it at once (a running one sweeps for such tasks less often).
    time.sleep(max(0.0, 12 - (time.monotonic() - delivered)))
    second = workers(env)
    recorded = wait_for(lambda: LinkCheck.objects.filter(source=source).exists(), 150)
    assert recorded, f"the check was not redelivered:\n{second.output()[-4000:]}"
    time.sleep(3)  # room for a duplicate run to show itself
    assert LinkCheck.objects.filter(source=source).count() == 1
    source.refresh_from_db()
    assert source.state == SourceLink.State.OK and source.consecutive_failures == 0
    assert local_server.hits["/evidence"] == 2  # fetched by the killed worker, then once more


POISONED = "<!--" * 1_200_000  # 4.8 MB of unclosed comment, under the 5 MB body cap


def _poisoned_batch(local_server, claim_factory, source_factory) -> tuple[int, SourceLink, list[SourceLink]]:
    for n in range(5):
        local_server.routes[f"/page{n}"] = Reply(body=page(f"Report {n}: twelve schools will close"))
    local_server.routes["/poisoned"] = Reply(body=POISONED)
    claim = claim_factory()
    good = [source_factory(claim, local_server.url(f"/page{n}"), excerpt="twelve schools") for n in range(2)]
    poisoned = source_factory(claim, local_server.url("/poisoned"), excerpt="twelve schools")
    good += [source_factory(claim, local_server.url(f"/page{n}"), excerpt="twelve schools") for n in range(2, 5)]
    return claim.pk, poisoned, good


def _check_the_batch_within_its_soft_limit(env, worker, claim_id: int) -> None:
    """Queue the claim's six checks (one batch) and wait for six LinkCheck rows, no longer than the soft limit."""
    client(
        env,
        f"from django.core.management import call_command; call_command('recheck_sources', '--claim', '{claim_id}')",
    )
    queued = time.monotonic()
    soft = int(env["CELERY_TASK_SOFT_TIME_LIMIT"])
    all_six = wait_for(lambda: LinkCheck.objects.filter(source__claim_id=claim_id).count() == 6, soft, interval=0.1)
    took = time.monotonic() - queued
    assert all_six, f"{LinkCheck.objects.count()} of 6 checks recorded within {soft} s:\n{worker.output()[-4000:]}"
    assert took < soft
    time.sleep(2)  # room for a retry or a duplicate to show itself
    assert LinkCheck.objects.count() == 6
    assert not LinkCheck.objects.filter(error__startswith="the check task failed").exists()


# The poisoned-page batch, with its 30 s soft limit: one page of "<!--" x 1,200,000 among five.
POISONED_LIMITS = dict(CELERY_TASK_SOFT_TIME_LIMIT="30", CELERY_TASK_TIME_LIMIT="40")


@shares_test_database
@pytest.mark.django_db(transaction=True)
def test_a_poisoned_page_among_five_is_read_at_once_and_recorded_as_failed_with_every_other_source(
    local_server, claim_factory, source_factory, worker_env, workers
):
    claim_id, poisoned, good = _poisoned_batch(local_server, claim_factory, source_factory)
    env = dict(worker_env, **POISONED_LIMITS)
    worker = workers(env)
    _check_the_batch_within_its_soft_limit(env, worker, claim_id)
    check = LinkCheck.objects.get(source=poisoned)
    # Read at once (linear reader), and a page with no readable text is a failed check.
    assert check.status_code == 200 and check.error.startswith("the page has no readable text"), check.error
    poisoned.refresh_from_db()
    assert poisoned.consecutive_failures == 1 and poisoned.last_checked_at is not None
    assert {s.state for s in SourceLink.objects.filter(pk__in=[s.pk for s in good])} == {SourceLink.State.OK}


@shares_test_database
@pytest.mark.django_db(transaction=True)
def test_a_check_that_stalls_is_recorded_as_timed_out_and_the_rest_of_the_batch_is_recorded(
    local_server, claim_factory, source_factory, worker_env, workers
):
    # The worker's reader stalls on the poisoned page as the old one did (tests/recheck/stalled_reader_app.py).
    claim_id, poisoned, good = _poisoned_batch(local_server, claim_factory, source_factory)
    env = dict(worker_env, **POISONED_LIMITS)
    worker = workers(env, app="tests.recheck.stalled_reader_app")
    _check_the_batch_within_its_soft_limit(env, worker, claim_id)
    check = LinkCheck.objects.get(source=poisoned)
    assert check.error.startswith("check timed out: not finished within"), check.error
    poisoned.refresh_from_db()
    assert poisoned.consecutive_failures == 1 and poisoned.last_checked_at is not None
    checks = [(c.source_id, c.status_code, c.error) for c in LinkCheck.objects.filter(source__in=good)]
    assert {s.state for s in SourceLink.objects.filter(pk__in=[s.pk for s in good])} == {SourceLink.State.OK}, (
        checks,
        worker.output()[-6000:],
    )
    assert "SoftTimeLimitExceeded" not in worker.output()


SUBMIT_BIG = """
from claims.services.articles import article_submit
paragraphs = [
    f'The minister said on Tuesday that {i} schools in Paris will close next month, officials confirmed. '
    f'"We have no choice," she told reporters in Lyon on {1 + i % 28} March {1990 + i % 30}.'
    for i in range(5000)
]
print(article_submit(body='Schools to close\\n\\n' + '\\n\\n'.join(paragraphs)).article.pk)
"""


@shares_test_database
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_killed_mid_extraction_has_the_article_extracted_once(worker_env, workers):
    worker = workers(worker_env)
    article_id = int(client(worker_env, SUBMIT_BIG).stdout.split()[-1])
    started = wait_for(
        lambda: Article.objects.filter(pk=article_id, status=Article.Status.EXTRACTING).exists(), 60, interval=0.05
    )
    assert started, f"the extraction never started:\n{worker.output()[-3000:]}"
    pool = worker.pool_pids()
    assert pool, "no pool process to kill"
    for pid in pool:
        os.kill(pid, 9)  # SIGKILL the process running the task, as the OOM killer would
    done = wait_for(lambda: Article.objects.get(pk=article_id).status == Article.Status.DONE, 180)
    article = Article.objects.get(pk=article_id)
    assert done, f"status {article.status} {article.status_error}:\n{worker.output()[-4000:]}"
    assert article.extraction_attempts == 2  # the killed run, then the redelivered one
    assert "SIGKILL" in worker.output()  # Celery saw its pool process die
    spans = list(article.claims.values_list("start", "end"))
    assert spans and len(spans) == len(set(spans))  # every claim stored once


SUBMIT_THREE = """
import time
from claims.services.articles import article_submit
started = time.monotonic()
ids = [article_submit(body=f'Outage {i}\\n\\nThe mayor said on Monday that {i + 3} bridges will reopen.').article.pk
       for i in range(3)]
print(round(time.monotonic() - started, 2), *ids)
"""


@shares_test_database
@pytest.mark.django_db(transaction=True)
def test_articles_submitted_while_redis_is_down_are_extracted_once_it_is_back(redis_server, worker_env, workers):
    worker = workers(worker_env)
    redis_server.stop()
    took, *ids = client(worker_env, SUBMIT_THREE).stdout.split()[-4:]
    ids = [int(i) for i in ids]
    assert float(took) < 30, f"submitting without a broker took {took} s"
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {Article.Status.PENDING}
    redis_server.start()
    time.sleep(1.1)  # the sweeper takes articles untouched for at least a second
    sweep = "from claims.tasks import sweep_stuck_articles; sweep_stuck_articles.delay(older_than_seconds=1)"
    client(worker_env, sweep)

    def all_done() -> bool:
        return Article.objects.filter(pk__in=ids, status=Article.Status.DONE).count() == 3

    assert wait_for(all_done, 120), f"not extracted after the broker came back:\n{worker.output()[-4000:]}"
    counts = {a.pk: a.claims.count() for a in Article.objects.filter(pk__in=ids)}
    client(worker_env, sweep)  # a second sweep finds nothing stuck
    time.sleep(3)
    assert {a.pk: a.claims.count() for a in Article.objects.filter(pk__in=ids)} == counts
    assert all(counts.values())
    assert set(Article.objects.filter(pk__in=ids).values_list("extraction_attempts", flat=True)) == {1}


@pytest.fixture
def private_postgres():
    why = PostgresServer.feasible()
    if why:
        pytest.skip(f"no private PostgreSQL cluster: {why}")
    server = PostgresServer()
    try:
        server.init()
        server.create_database("registry_fault")
    except (subprocess.CalledProcessError, OSError) as exc:
        server.destroy()
        pytest.skip(f"no private PostgreSQL cluster: {exc}")
    yield server
    server.destroy()


def test_a_running_worker_recovers_from_a_postgresql_restart(private_postgres, redis_server, workers):
    env = service_env(database_url=private_postgres.url("registry_fault"), redis_url=redis_server.url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    worker = workers(env)
    pid = worker.pid
    submit = "from claims.services.articles import article_submit; print(article_submit(body={!r}).article.pk)"

    def status(article_id: int) -> str | None:
        with psycopg.connect(private_postgres.url("registry_fault"), connect_timeout=5) as conn:
            row = conn.execute("SELECT status FROM claims_article WHERE id = %s", [article_id]).fetchone()
        return row[0] if row else None

    before = int(
        client(env, submit.format("Before\n\nThe port said on Friday that 4 ships were delayed.")).stdout.split()[-1]
    )
    assert wait_for(lambda: status(before) == "done", 60), worker.output()[-3000:]
    private_postgres.stop("fast")
    time.sleep(1)
    private_postgres.start()
    after = int(
        client(env, submit.format("After\n\nThe port said on Saturday that 9 ships were delayed.")).stdout.split()[-1]
    )
    assert wait_for(lambda: status(after) == "done", 120), worker.output()[-4000:]
    assert worker.pid == pid and worker.proc.poll() is None  # the same worker, never restarted
