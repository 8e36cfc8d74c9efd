"""Webhook fan-out: 10,000 events to 20 local receivers (2 dead, 1 answering in 5 s), by a real worker.

    .venv/bin/python bench/webhooks.py [--events 10000] [--receivers 20] [--dead 2] [--slow 1] [--slow-s 5]
                                       [--workers 2] [--pool threads] [--concurrency 16]

Every receiver subscribes to every event, so the run makes events x receivers deliveries. The events come
the production way: claims are written with their change-log rows in one transaction, the dispatcher task
reads the log and makes the events and deliveries, and the webhooks workers (two processes of 16 threads,
as in docker-compose.yml) deliver them, signed, one endpoint per task. Two receivers are closed ports, one
answers after 5 s. The bench prints the time from the commit until the healthy receivers have every event,
next to the sequential bound measured in the same run (a sample of deliveries sent one at a time, scaled
to every delivery, plus the slow receiver's 5 s per event), and what the dead and slow ones got.

Needs PostgreSQL: by default a private server (initdb in a temporary folder, on a free port) when its
binaries are installed, because the change-log feeds wait for every transaction open anywhere on the
server (docs/api.md) and another program's open transaction on a shared server would hold the run back;
else `DATABASE_URL` (or `--shared-postgres` to use it anyway). And Redis (REDIS_URL; default: a private
redis-server on a free port). Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receivers:
    """Local endpoints on 127.0.0.1 (keep-alive HTTP/1.1) served by one asyncio loop in a child process, so
    that the receivers neither share a GIL with the bench nor cost a thread per connection. Each counts the
    distinct webhook-ids it got (a retry of a delivered message is not counted twice)."""

    def __init__(self, healthy: int, slow: int, slow_s: float):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.counts = context.Array("q", healthy + slow, lock=False)
        ports = context.Array("i", healthy + slow, lock=False)
        ready = context.Event()
        delays = [0.0] * healthy + [slow_s] * slow
        self.process = context.Process(target=_serve, args=(delays, self.counts, ports, ready), daemon=True)
        self.process.start()
        if not ready.wait(30):
            raise RuntimeError("the receivers did not start")
        self.healthy_ports = list(ports[:healthy])
        self.slow_ports = list(ports[healthy:])
        self._index = {port: n for n, port in enumerate(ports)}

    def count(self, port: int) -> int:
        return self.counts[self._index[port]]

    def reset(self) -> None:
        for n in range(len(self.counts)):
            self.counts[n] = -1  # the child clears its sets and sets 0

    def close(self) -> None:
        self.process.terminate()
        self.process.join(10)


def _serve(delays, counts, ports, ready) -> None:
    import asyncio

    async def main() -> None:
        seen: list[set[bytes]] = [set() for _ in delays]

        def handler(n: int, delay: float):
            async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
                try:
                    while True:
                        head = await reader.readuntil(b"\r\n\r\n")
                        length, msg_id = 0, b""
                        for line in head.split(b"\r\n"):
                            name, _, value = line.partition(b":")
                            name = name.strip().lower()
                            if name == b"content-length":
                                length = int(value)
                            elif name == b"webhook-id":
                                msg_id = value.strip()
                        await reader.readexactly(length)
                        if delay:
                            await asyncio.sleep(delay)
                        if counts[n] < 0:
                            seen[n].clear()
                        seen[n].add(msg_id)
                        counts[n] = len(seen[n])
                        writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                        await writer.drain()
                except (asyncio.IncompleteReadError, ConnectionError, ValueError):
                    pass
                finally:
                    writer.close()

            return handle

        servers = []
        for n, delay in enumerate(delays):
            server = await asyncio.start_server(handler(n, delay), "127.0.0.1", 0, backlog=256)
            ports[n] = server.sockets[0].getsockname()[1]
            servers.append(server)
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


def private_postgres(workdir: Path) -> tuple[str, list[str]] | None:
    """Start a throw-away PostgreSQL server; returns its URL and the command that stops it."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not (initdb and pg_ctl):
        return None
    data, port = workdir / "pgdata", free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        os.chmod(workdir, 0o777)
    subprocess.run([*as_user, initdb, "-D", str(data), "-U", "postgres", "--auth", "trust", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(workdir / "pg.log"), "-w", "start"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return f"postgres://postgres@127.0.0.1:{port}/registry_bench_webhooks", [
        *as_user, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"
    ]  # fmt: skip


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--receivers", type=int, default=20)
    parser.add_argument("--dead", type=int, default=2)
    parser.add_argument("--slow", type=int, default=1)
    parser.add_argument("--slow-s", type=float, default=5.0)
    parser.add_argument("--pool", choices=["prefork", "threads"], default="threads")
    parser.add_argument("--concurrency", type=int, default=16, help="threads (or processes) of the webhooks worker")
    parser.add_argument("--workers", type=int, default=2, help="webhooks worker processes (each with --concurrency)")
    parser.add_argument("--sample", type=int, default=300, help="deliveries sent one at a time for the bound")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--shared-postgres", action="store_true", help="use DATABASE_URL even if initdb is there")
    args = parser.parse_args()
    healthy_count = args.receivers - args.dead - args.slow

    workdir = Path(tempfile.mkdtemp(prefix="bench-webhooks-"))
    stop_postgres: list[str] | None = None
    database_url = os.environ.get("DATABASE_URL", "")
    private = None if args.shared_postgres else private_postgres(workdir)
    if private is not None:
        database_url, stop_postgres = private
    if not database_url.startswith(("postgres", "pgsql")):
        print("bench/webhooks.py needs PostgreSQL (several processes write at once): set DATABASE_URL")
        return 2
    redis_proc = None
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        if not shutil.which("redis-server"):
            print("bench/webhooks.py needs Redis: set REDIS_URL or install redis-server")
            return 2
        port = free_port()
        redis_proc = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        redis_url = f"redis://127.0.0.1:{port}/0"
        time.sleep(0.5)
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = dict(
        os.environ,
        DJANGO_DEBUG="true",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=redis_url,
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_QUEUE=queue,
        REGISTRY_WEBHOOKS_QUEUE=f"{queue}-webhooks",
        REGISTRY_FETCH_TEST_ALLOW_NETWORKS="127.0.0.1/32",
        REGISTRY_WEBHOOKS_REQUIRE_HTTPS="false",
        REGISTRY_PUBLIC_URL="https://registry.example/",
        LOG_LEVEL="WARNING",
    )
    os.environ.update(env)
    receivers = Receivers(healthy_count, args.slow, args.slow_s)
    dead_urls = [f"http://127.0.0.1:{free_port()}/hook" for _ in range(args.dead)]
    workers: list[subprocess.Popen] = []
    try:
        ensure_database(database_url)
        subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
        import django

        django.setup()
        from django.core.cache import cache
        from django.db import connection, transaction

        from claims.models import Article, Claim, Organisation
        from claims.services.changes import changes_record
        from webhooks.dispatch import dispatch
        from webhooks.models import Attempt, Delivery, Event, EventType, Subscription
        from webhooks.services import subscription_create
        from webhooks.signing import signature_header
        from webhooks.transport import EndpointClient

        with connection.cursor() as cursor:  # a fresh registry in the bench database
            cursor.execute(
                "TRUNCATE webhooks_attempt, webhooks_delivery, webhooks_event, webhooks_subscription, "
                "webhooks_objectstate, claims_review, claims_sourcelink, claims_claimdate, claims_claimplace, "
                "claims_claim, claims_article, claims_change CASCADE"
            )
        dispatch()  # the dispatcher's positions at the (now empty) log's end
        organisation, _ = Organisation.objects.get_or_create(name="Bench newsroom")
        urls = [f"http://127.0.0.1:{p}/hook" for p in receivers.healthy_ports + receivers.slow_ports] + dead_urls
        secret = ""
        for url in urls:
            created = subscription_create(organisation_id=organisation.pk, url=url, events=[EventType.CLAIM_CREATED])
            secret = created.secret
        # Ids repeat from run to run: drop endpoint locks a previous run's worker left in a shared Redis.
        cache.delete_many([f"webhooks:endpoint:{pk}" for pk in Subscription.objects.values_list("pk", flat=True)])

        # The sequential bound, measured here: deliveries sent one at a time to one healthy receiver.
        body = b'{"type":"claim.created","timestamp":"2026-01-01T00:00:00Z","data":{"id":1}}'
        started = time.monotonic()
        with EndpointClient() as client:
            for n in range(args.sample):
                ts = int(time.time())
                headers = {"webhook-id": f"msg_sample{n}", "webhook-timestamp": str(ts),
                           "webhook-signature": signature_header([secret], f"msg_sample{n}", ts, body)}  # fmt: skip
                client.post(urls[0], headers, body)
        per_delivery = (time.monotonic() - started) / args.sample
        receivers.reset()
        deliveries = args.events * args.receivers
        healthy_bound = per_delivery * args.events * healthy_count
        sequential = healthy_bound + args.events * args.slow * args.slow_s

        log = workdir / "worker.log"
        with open(log, "wb") as out:
            for n in range(args.workers):
                workers.append(subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "registry", "worker", "--pool", args.pool, "--concurrency",
                     str(args.concurrency), "--queues", f"{queue},{queue}-webhooks", "--loglevel", "WARNING",
                     "--without-gossip", "--without-mingle", "--without-heartbeat", "--hostname", f"{queue}-{n}@%h"],
                    cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                ))  # fmt: skip
        from registry.celery import app

        deadline = time.monotonic() + 60

        def ready() -> bool:
            names = {name for reply in app.control.ping(timeout=0.5) for name in reply}
            return all(any(name.startswith(f"{queue}-{n}@") for name in names) for n in range(args.workers))

        while not ready():
            if any(w.poll() is not None for w in workers) or time.monotonic() > deadline:
                print(log.read_text()[-3000:])
                return 1

        # The events: claims written with their change-log rows in one transaction; its commit kicks the
        # dispatcher on the worker.
        started, started_at = time.monotonic(), time.time()
        with transaction.atomic():
            article = Article.objects.create(body="Bench.", body_hash=uuid.uuid4().hex, status=Article.Status.DONE)
            claims = Claim.objects.bulk_create(
                (Claim(article=article, text=f"Claim {n}", start=0, end=6, position=n) for n in range(args.events)),
                batch_size=2000,
            )
            changes_record("claim", [c.pk for c in claims])
        committed = time.monotonic()
        healthy_done = 0
        while time.monotonic() - started < args.timeout:
            healthy_done = sum(receivers.count(p) for p in receivers.healthy_ports)
            if healthy_done >= args.events * healthy_count:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        events_made_at = Event.objects.order_by("-created_at").values_list("created_at", flat=True).first()
        slow_got = sum(receivers.count(p) for p in receivers.slow_ports)
        dead = Subscription.objects.filter(url__in=dead_urls)
        dead_attempts = Delivery.objects.filter(subscription__in=dead).exclude(attempts=0).count()
        where = "a private PostgreSQL server" if stop_postgres else "the PostgreSQL server of DATABASE_URL"
        print(f"database              {where}")
        print(f"events                {args.events} claim.created, {args.receivers} receivers subscribed to all")
        print(f"receivers             {healthy_count} healthy, {args.slow} answering in {args.slow_s:g} s, "
              f"{args.dead} dead (closed ports)")  # fmt: skip
        print(f"deliveries            {deliveries} made by the dispatcher ({Event.objects.count()} events)")
        print(f"worker                {args.workers} webhooks worker(s), {args.pool} pool of {args.concurrency} each")
        print(f"commit of the events  {committed - started:.1f} s")
        print(
            f"healthy receivers     {healthy_done} of {args.events * healthy_count} events in {elapsed:.1f} s "
            f"({healthy_done / elapsed:.0f} deliveries/s); the dispatcher had made every event after "
            f"{events_made_at.timestamp() - started_at:.1f} s"
        )
        print(
            f"sequential bound      {sequential:,.0f} s (measured: {args.sample} deliveries one at a time, "
            f"{per_delivery * 1000:.2f} ms each: {healthy_bound:,.0f} s for the healthy ones, plus "
            f"{args.slow_s:g} s per event for the slow one)"
        )
        print(f"speed-up              {sequential / elapsed:,.0f}x over sequential; "
              f"{healthy_bound / elapsed:.1f}x over the healthy receivers alone")  # fmt: skip
        slow_urls = [f"http://127.0.0.1:{p}/hook" for p in receivers.slow_ports]
        slow_attempts = list(
            Attempt.objects.filter(delivery__subscription__url__in=slow_urls).values_list("ok", "latency_ms", "error")
        )
        print(f"slow receiver         got {max(slow_got, 0)} events meanwhile (one at a time, {args.slow_s:g} s each); "
              f"attempts recorded: {len(slow_attempts)} {slow_attempts[:3]}")  # fmt: skip
        print(f"dead receivers        {dead_attempts} deliveries attempted (paused after each failure), "
              f"enabled: {list(dead.values_list('enabled', flat=True))}")  # fmt: skip
        ok = healthy_done >= args.events * healthy_count
        print(f"target (<= 60 s)      {'met' if ok and elapsed <= 60 else 'NOT met'}")
        return 0 if ok else 1
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
        receivers.close()
        if redis_proc is not None:
            os.killpg(redis_proc.pid, signal.SIGTERM)
            redis_proc.wait(timeout=10)
        if stop_postgres is not None:
            subprocess.run(stop_postgres, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
