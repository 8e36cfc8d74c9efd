"""Admin benchmark: the reviewer's pages with 1,000,000 claims and 100,000 speakers in PostgreSQL.

    .venv/bin/python bench/admin.py [--claims 1000000] [--speakers N] [--baseline 10000] [--requests 40] [--port 8793]

Two databases, each loaded once by bench/api.py's `load()` and reused by later runs:
registry_bench_admin_<claims> (the large one) and registry_bench_admin_<baseline> (the baseline, with a
tenth as many speakers as claims, like the large one). Each is measured in its own process, against a
gunicorn server (two sync workers, as bench/api.py runs it) with the session of a signed-in reviewer, one
request at a time over loopback, `--requests` times per page after a short warm-up:

  * the claim list (`/admin/claims/claim/`): first page; filtered by verdict; filtered by one speaker;
    a page deep in the list
  * the review desk (`/admin/claims/claim/desk/`): the head of the queue; a claim in the middle of it;
    the queue narrowed to one speaker
  * the article view (`/admin/claims/article/<id>/change/`, 50 claims highlighted with their speakers,
    dates and places) and the claim page, at random ids

and prints p50/p95 per page for both sizes side by side, with the workers' CPU time per request and the
SQL queries of one request (counted through Django's test client).
Target (issue 12): p95 < 300 ms at 1,000,000 claims for the claim list, the desk and the article view.
Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DB_TEMPLATE = "postgres://postgres@127.0.0.1:5432/registry_bench_admin_{count}"
TARGET_MS = 300.0
TARGETED = ("claim list", "desk", "article view")


def _setup(url: str) -> None:
    sys.path.insert(0, str(BASE))
    from bench.api import production_env

    os.environ.update(production_env(url))
    os.environ.pop("REDIS_URL", None)  # per-process cache and sessions: no Redis needed
    import django

    django.setup()


def _reviewer():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims.permissions import REVIEWERS

    user, _ = get_user_model().objects.get_or_create(
        username="bench-reviewer", defaults={"is_staff": True, "first_name": "Bench", "last_name": "Reviewer"}
    )
    user.groups.add(Group.objects.get(name=REVIEWERS))
    return user


def _pages(rng: random.Random) -> dict[str, object]:
    """Each page as a function giving the next URL to ask (random ids drawn from the data set)."""
    from django.db.models import Max, Min

    from claims.models import Article, Claim

    bounds = Claim.objects.aggregate(lo=Min("id"), hi=Max("id"))
    article_bounds = Article.objects.aggregate(lo=Min("id"), hi=Max("id"))
    # Speakers with claims (random claims' speakers), and claims of the default desk queue.
    speakers = list(
        Claim.objects.filter(id__in=[rng.randint(bounds["lo"], bounds["hi"]) for _ in range(200)])
        .exclude(speaker=None)
        .values_list("speaker_id", flat=True)
    )
    todo = list(
        Claim.objects.filter(
            verdict="unreviewed", id__in=[rng.randint(bounds["lo"], bounds["hi"]) for _ in range(400)]
        ).values_list("id", flat=True)
    )

    def claim_id() -> int:
        return rng.randint(bounds["lo"], bounds["hi"])

    return {
        "claim list": lambda: "/admin/claims/claim/",
        "claim list, one verdict": lambda: "/admin/claims/claim/?verdict__exact=disputed",
        "claim list, one speaker": lambda: f"/admin/claims/claim/?speaker={rng.choice(speakers)}",
        "claim list, page 20": lambda: "/admin/claims/claim/?p=20",
        "desk": lambda: "/admin/claims/claim/desk/",
        "desk, a claim in the queue": lambda: f"/admin/claims/claim/desk/?claim={rng.choice(todo)}",
        "desk, one speaker": lambda: f"/admin/claims/claim/desk/?speaker={rng.choice(speakers)}",
        "article view": lambda: (
            f"/admin/claims/article/{rng.randint(article_bounds['lo'], article_bounds['hi'])}/change/"
        ),
        "claim page": lambda: f"/admin/claims/claim/{claim_id()}/change/",
    }


def _queries_of(client, path: str) -> int:
    from django.db import connection

    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(path)
    return len(queries)


def _workers_cpu(master: int) -> float:
    """CPU seconds used so far by the gunicorn master's worker processes (Linux /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def _serve(port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "bench.api:application",
            "--chdir",
            str(BASE),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        env=dict(os.environ),
        start_new_session=True,
    )
    from bench.api import _one

    deadline = time.time() + 60
    while True:
        try:
            if asyncio.run(_one(port, "/health/", ""))[0] == 200:
                return server
        except OSError:
            pass
        if time.time() > deadline or server.poll() is not None:
            os.killpg(server.pid, signal.SIGTERM)
            raise SystemExit("gunicorn did not start")
        time.sleep(0.3)


def run_one(count: int, speakers: int, requests: int, port: int) -> dict:
    """Load (once) and measure one data set; runs in its own process (one database per process).

    Query counts come from Django's test client (one request per page); the times from a gunicorn server
    (two sync workers, as bench/api.py and the Dockerfile run it), one request at a time, signed in with
    the session of a reviewer.
    """
    url = DB_TEMPLATE.format(count=count)
    sys.path.insert(0, str(BASE))
    from bench.api import _one, ensure_database, load

    ensure_database(url)
    _setup(url)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    call_command("migrate", verbosity=0)
    load(count, speakers=speakers)
    from claims.models import Claim, Speaker

    client = Client()
    client.force_login(_reviewer())
    cookie = f"Cookie: {settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}\r\n"
    rng = random.Random(12)
    pages = _pages(rng)
    queries = {name: _queries_of(client, next_url()) for name, next_url in pages.items()}
    totals = {"claims": Claim.objects.count(), "speakers": Speaker.objects.count()}
    connections.close_all()
    server = _serve(port, workers=2)
    results = {}
    try:
        for name, next_url in pages.items():
            for _ in range(4):  # warm-up: both workers, their caches, the query plans, the templates
                status, _ = asyncio.run(_one(port, next_url(), cookie))
                assert status == 200, (name, status)
            times = []
            cpu_before = _workers_cpu(server.pid)
            for _ in range(requests):
                path = next_url()
                status, elapsed = asyncio.run(_one(port, path, cookie))
                assert status == 200, (path, status)
                times.append(elapsed * 1000)
            cpu = (_workers_cpu(server.pid) - cpu_before) * 1000 / requests
            q = statistics.quantiles(times, n=100)
            results[name] = {"p50": q[49], "p95": q[94], "cpu": cpu, "queries": queries[name]}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return {**totals, "pages": results, "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=None, help="default: a tenth of --claims")
    parser.add_argument("--baseline", type=int, default=10_000, help="claims in the baseline data set")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page")
    parser.add_argument("--port", type=int, default=8793)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child process
    args = parser.parse_args()
    speakers = args.speakers if args.speakers is not None else max(1, args.claims // 10)
    if args.one:
        print("RESULT " + json.dumps(run_one(args.claims, speakers, args.requests, args.port)), flush=True)
        return 0

    figures = []
    for count, n_speakers in ((args.baseline, max(1, args.baseline // 10)), (args.claims, speakers)):
        command = [sys.executable, __file__, "--one", "--claims", str(count), "--speakers", str(n_speakers)]
        command += ["--requests", str(args.requests), "--port", str(args.port)]
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=BASE)
        for line in out.stdout.splitlines():
            if line.startswith("RESULT "):
                figures.append(json.loads(line[7:]))
            else:
                print(line)
    small, large = figures
    print(
        f"\ngunicorn (2 sync workers) on PostgreSQL, a signed-in reviewer, one request at a time; "
        f"{args.requests} requests per page; times in ms\n"
    )
    head_small = f"{small['claims']:,} claims / {small['speakers']:,} speakers"
    head_large = f"{large['claims']:,} claims / {large['speakers']:,} speakers"
    print(f"{'':28} {head_small:>37} {head_large:>41}")
    columns = f"{'p50':>8} {'p95':>8} {'CPU':>6} {'SQL':>5}"
    print(f"{'':28} {columns}     {columns}")
    ok = True
    for name, row in large["pages"].items():
        base = small["pages"][name]
        mark = ""
        if name in TARGETED:
            hit = row["p95"] < TARGET_MS
            ok &= hit
            mark = "  ok" if hit else "  MISSED"
        print(
            f"{name:28} {base['p50']:8.1f} {base['p95']:8.1f} {base['cpu']:6.1f} {base['queries']:5d}     "
            f"{row['p50']:8.1f} {row['p95']:8.1f} {row['cpu']:6.1f} {row['queries']:5d}{mark}"
        )
    print(
        "\np50/p95: response time; CPU: the workers' CPU time per request (without the database's);"
        f" SQL: queries per page.\nLoad average (1 min) after each run: {small['load']:.1f} and {large['load']:.1f}"
        f" on {os.cpu_count()} CPUs (wall time minus CPU time is mostly waiting for a CPU or the database)."
    )
    print(f"\nTarget: p95 < {TARGET_MS:.0f} ms for {', '.join(TARGETED)} at {large['claims']:,} claims")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
