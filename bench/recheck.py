"""Re-check throughput: 2,000 source links on 20 local hosts, checked by real Celery workers on Redis.

    .venv/bin/python bench/recheck.py [--links 2000] [--hosts 20] [--delay-ms 50] [--per-host 4]

One process serves 20 ports on 127.0.0.1, each answering after 50 ms; a tenth of the links redirect,
a tenth are 404s (on their third failure in a row, so they turn broken), a fifth have changed. A
real worker (prefork, 2 processes, REGISTRY_RECHECK_THREADS fetch threads each) checks them with a
per-host limit of 4, shared through Redis. The bench prints the wall time from the fan-out to the
last recorded check, the sequential bound measured in the same run (a sample fetched one at a
time, scaled to every link), the most requests any host saw at once, and every state that is wrong.

Needs PostgreSQL (DATABASE_URL, default: a registry_bench_recheck database on 127.0.0.1:5432,
created if missing) and Redis (REDIS_URL; default: a private redis-server on a free port). Only
127.0.0.1 is ever contacted.
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
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCERPT = "the council approved twelve new schools"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hosts:
    """N local "hosts" (ports), each answering after a fixed delay and counting requests in flight."""

    def __init__(self, count: int, delay: float):
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight: Counter[int] = Counter()
        self.peak: Counter[int] = Counter()
        self.requests = 0
        self.servers = [self._serve() for _ in range(count)]
        self.ports = [s.server_address[1] for s in self.servers]

    def _serve(self) -> ThreadingHTTPServer:
        hosts = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                port = self.server.server_address[1]
                with hosts.lock:
                    hosts.requests += 1
                    hosts.in_flight[port] += 1
                    hosts.peak[port] = max(hosts.peak[port], hosts.in_flight[port])
                try:
                    time.sleep(hosts.delay)
                    kind, _, number = self.path.strip("/").partition("/")
                    if kind == "redirect":
                        self._reply(301, b"", location=f"/moved/{number}")
                    elif kind == "gone":
                        self._reply(404, b"<p>not found</p>")
                    elif kind == "changed":
                        self._reply(200, f"<p>Page {number}: the council postponed its decision.</p>".encode())
                    else:
                        self._reply(200, f"<p>Page {number}: {EXCERPT.capitalize()} on Monday.</p>".encode())
                finally:
                    with hosts.lock:
                        hosts.in_flight[port] -= 1

            def _reply(self, status: int, body: bytes, location: str | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.request_queue_size = 128
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


def plan(i: int) -> tuple[str, str, dict]:
    """Path kind, expected state and preset fields of link number i."""
    slot = i % 10
    if slot == 6:
        return "redirect", "redirected", {}
    if slot == 7:
        return "gone", "broken", {"consecutive_failures": 2, "state": "ok"}  # its third failure in a row
    if slot == 8:
        return "changed", "changed", {}  # the excerpt is gone
    if slot == 9:
        return "page", "changed", {"excerpt": "", "content_hash": "0" * 64}  # no excerpt; content differs
    return "page", "ok", {}


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--delay-ms", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=2, help="worker pool processes")
    parser.add_argument("--threads", type=int, default=16, help="fetch threads per check task")
    parser.add_argument("--sample", type=int, default=200, help="links fetched one at a time for the bound")
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/registry_bench_recheck"
    if not database_url.startswith(("postgres", "pgsql")):
        print("bench/recheck.py needs PostgreSQL (several processes write at once): set DATABASE_URL")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bench-recheck-"))
    redis_proc = None
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        if not shutil.which("redis-server"):
            print("bench/recheck.py needs Redis: set REDIS_URL or install redis-server")
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
        REGISTRY_FETCH_TEST_ALLOW_NETWORKS="127.0.0.1/32",
        REGISTRY_FETCH_PER_HOST_LIMIT=str(args.per_host),
        REGISTRY_FETCH_HOST_DELAY_MS="0",
        REGISTRY_RECHECK_THREADS=str(args.threads),
        REGISTRY_RECHECK_BATCH_SIZE="50",
        REGISTRY_RECHECK_MAX_BATCHES=str(args.links // 50 + 1),
        LOG_LEVEL="WARNING",
    )
    os.environ.update(env)
    hosts = Hosts(args.hosts, args.delay_ms / 1000)
    worker = None
    try:
        ensure_database(database_url)
        subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
        import django

        django.setup()
        from django.db import connection
        from django.utils import timezone

        from claims import fetching
        from claims.models import Article, Claim, LinkCheck, SourceLink, Verdict
        from claims.tasks import recheck_due_sources

        # A fresh registry in the bench database. TRUNCATE: link checks and reviews are append-only history,
        # whose rows the database refuses to delete one by one (migration claims/0005).
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE claims_linkcheck, claims_review, claims_sourcelink, claims_claimdate, claims_claimplace, "
                "claims_claim, claims_article CASCADE"
            )
        article = Article.objects.create(body="Bench.", body_hash=uuid.uuid4().hex, status=Article.Status.DONE)
        claims = Claim.objects.bulk_create(
            Claim(article=article, text=f"Claim {n}", start=0, end=6, position=n, verdict=Verdict.VERIFIED,
                  reviewed_at=timezone.now())
            for n in range(args.links // 20 + 1)
        )  # fmt: skip
        expected: dict[str, str] = {}
        links = []
        for i in range(args.links):
            kind, state, preset = plan(i)
            url = f"http://127.0.0.1:{hosts.ports[i % args.hosts]}/{kind}/{i}"
            expected[url] = state
            fields = {"excerpt": EXCERPT, **preset}
            links.append(SourceLink(claim=claims[i // 20], url=url, **fields))
        SourceLink.objects.bulk_create(links, batch_size=500)

        # The sequential bound, measured here: a sample fetched one at a time, scaled to every link.
        policy = fetching.FetchPolicy.from_settings()
        sample = [link.url for link in links[: args.sample]]
        started = time.monotonic()
        for url in sample:
            fetching.fetch(url, policy=policy)
        per_link = (time.monotonic() - started) / len(sample)
        sequential = per_link * args.links
        hosts.peak.clear()
        hosts.requests = 0

        log = workdir / "worker.log"
        with open(log, "wb") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "registry", "worker", "--pool", "prefork", "--concurrency",
                 str(args.concurrency), "--queues", queue, "--loglevel", "WARNING", "--without-gossip",
                 "--without-mingle", "--without-heartbeat", "--hostname", f"{queue}@%h"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        from registry.celery import app

        deadline = time.monotonic() + 60

        def ready() -> bool:
            return any(name.startswith(f"{queue}@") for reply in app.control.ping(timeout=0.5) for name in reply)

        while not ready():
            if worker.poll() is not None or time.monotonic() > deadline:
                print(log.read_text()[-3000:])
                return 1

        started = time.monotonic()
        recheck_due_sources.delay()
        done = 0
        while done < args.links and time.monotonic() - started < args.timeout:
            time.sleep(0.1)
            done = LinkCheck.objects.count()
        elapsed = time.monotonic() - started

        actual = dict(SourceLink.objects.values_list("url", "state"))
        wrong = {url: (want, actual.get(url)) for url, want in expected.items() if actual.get(url) != want}
        duplicates = LinkCheck.objects.count() - LinkCheck.objects.values("source").distinct().count()
        peak = max(hosts.peak.values(), default=0)
        states = Counter(actual.values())
        print(f"links                 {args.links} on {args.hosts} hosts, {args.delay_ms} ms per answer")
        print(f"workers               1 worker, {args.concurrency} processes x {args.threads} fetch threads")
        print(f"per-host limit        {args.per_host} (busiest host had {peak} requests in flight at once)")
        print(f"checked               {done} of {args.links} in {elapsed:.1f} s ({done / elapsed:.0f} links/s)")
        print(
            f"sequential bound      {sequential:.1f} s (measured: {len(sample)} links one at a time, "
            f"{per_link * 1000:.1f} ms each; theory {args.links * args.delay_ms / 1000:.0f} s)"
        )
        print(f"speed-up              {sequential / elapsed:.1f}x")
        print(f"states                {dict(sorted(states.items()))}")
        print(f"wrong states          {len(wrong)}")
        for url, (want, got) in list(wrong.items())[:10]:
            print(f"    {url}: expected {want}, got {got}")
        print(f"duplicate checks      {duplicates}")
        ok = done == args.links and not wrong and not duplicates and peak <= args.per_host
        print(f"target (<= 30 s)      {'met' if ok and elapsed <= 30 else 'NOT met'}")
        return 0 if ok else 1
    finally:
        if worker is not None and worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
        hosts.close()
        if redis_proc is not None:
            os.killpg(redis_proc.pid, signal.SIGTERM)
            redis_proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
