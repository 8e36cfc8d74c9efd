"""API benchmark: 100,000 claims in PostgreSQL, served by gunicorn, measured with a loopback load generator.

    .venv/bin/python bench/api.py [--claims 100000] [--seconds 8] [--concurrency N (default: one per worker)] [--workers 2]

Uses DATABASE_URL when it names PostgreSQL, else postgres://postgres@127.0.0.1:5432/registry_bench_api
(created if missing; the data set is loaded once and reused). Measures, in the same run and against the
same gunicorn server, requests per second and p50/p95 latency of

  * GET /api/v1/claims/?page_size=50   (with an API key: authentication, scopes, throttling, ETag): the
    first page of the claims feed, and the feed resumed from stored cursors at random places in the log
  * GET /api/v1/claims/<id>/           (random ids)
  * the same two documents from a bare Django view: the same queries and the same JSON, without DRF,
    key lookup, throttling or ETags -- the baseline the API's overhead is judged against.

Targets (issue 5): API throughput >= 70 % of the bare view's, p95 < 50 ms. Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/registry_bench_api"


# --- the server side: imported by gunicorn as bench.api:application -----------------------------------


def _bare_context(request):
    from api.serializers import Urls

    return {"request": request, "urls": Urls(request)}


def bare_claims(request):
    """The claims page of 50 without the API layer: same selector, same representation, JsonResponse."""
    from django.http import JsonResponse

    from api.selectors import ClaimFilters, claims_filtered

    rows = list(claims_filtered(ClaimFilters()).order_by("updated_at", "id")[:51])
    from api.serializers import ClaimOut

    context = _bare_context(request)
    return JsonResponse(
        {
            "results": [ClaimOut.represent(c, context) for c in rows[:50]],
            "next": None,
            "next_cursor": None,
            "has_more": len(rows) > 50,
        },
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


def bare_claim(request, pk: int):
    from django.http import Http404, JsonResponse

    from api.selectors import claim_get
    from api.serializers import ClaimOut

    claim = claim_get(pk)
    if claim is None:
        raise Http404
    return JsonResponse(
        ClaimOut.represent(claim, _bare_context(request)),
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


def __getattr__(name: str):
    # Module attributes built on first use, so that importing this file for main() stays cheap.
    if name == "urlpatterns":
        from django.urls import include, path

        return [
            path("bare/claims/", bare_claims),
            path("bare/claims/<int:pk>/", bare_claim),
            path("", include("registry.urls")),
        ]
    if name == "application":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
        from django.conf import settings
        from django.core.wsgi import get_wsgi_application

        from registry.warmup import warm_up_and_freeze

        app = get_wsgi_application()
        settings.ROOT_URLCONF = "bench.api"
        warm_up_and_freeze()  # as registry/wsgi.py does for the real service
        return app
    raise AttributeError(name)


# --- data --------------------------------------------------------------------------------------------


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def _bench_claim_text(rng: random.Random, index: int) -> str:
    return f"The council said on Tuesday that {rng.randint(2, 900)} homes in Oslo will get new roofs."


def load(
    count: int,
    *,
    claim_text=_bench_claim_text,
    article_title=lambda index: f"Bench article {index}",
    verdicts: tuple[str, ...] = ("unreviewed",) * 6 + ("verified", "disputed", "unverifiable"),
) -> None:
    """Bulk-load `count` claims (50 per article) once; a later run with as many claims already there reuses them.

    bench/match.py passes its own claim texts (`claim_text(rng, claim number)`), article titles and verdicts.
    """
    from datetime import UTC, datetime, timedelta

    from django.db import transaction

    from claims.models import Article, Change, Claim, ClaimDate, ClaimPlace, Outlet, SourceLink, Speaker
    from claims.services.changes import changes_record_everything

    have = Claim.objects.count()
    if have >= count:
        print(f"data set: {have:,} claims already loaded")
        if not Change.objects.filter(kind="claim").exists():  # a data set loaded before the change log
            changes_record_everything()
        return
    print(f"loading {count - have:,} claims (once; reused by later runs) ...", flush=True)
    rng = random.Random(5)
    started = time.perf_counter()
    outlets = [
        Outlet.objects.get_or_create(domain=f"outlet{i}.example", defaults={"name": f"Outlet {i}"})[0]
        for i in range(20)
    ]
    speakers = Speaker.objects.bulk_create(
        [
            Speaker(name=f"Speaker {i}", key=f"bench speaker {i} {have}", kind=rng.choice(["person", "organisation"]))
            for i in range(2000)
        ]
    )
    per_article = 50
    made = have
    day = datetime(2024, 1, 1, 12, tzinfo=UTC)
    while made < count:
        with transaction.atomic():
            articles = Article.objects.bulk_create(
                [
                    Article(
                        title=article_title(made + i),
                        url=f"https://outlet.example/bench/{made + i}",
                        body="Bench body. " * 200,
                        body_hash=f"bench-{made + i}",
                        outlet=rng.choice(outlets),
                        published_at=day + timedelta(hours=made + i),
                        status="done",
                    )
                    for i in range(0, 2000, per_article)
                ]
            )
            claims = []
            for article in articles:
                for position in range(per_article):
                    text = claim_text(rng, made + len(claims))
                    verdict = rng.choice(verdicts)
                    claims.append(
                        Claim(
                            article=article,
                            position=position,
                            text=text,
                            start=0,
                            end=len(text),
                            kind="reported_speech",
                            speaker=rng.choice(speakers),
                            speaker_role="spokesperson",
                            attribution_cue="said",
                            checkworthiness=rng.random(),
                            verdict=verdict,
                            verdict_note="" if verdict == "unreviewed" else "Checked against the budget.",
                            reviewed_at=None if verdict == "unreviewed" else day,
                        )
                    )
            claims = Claim.objects.bulk_create(claims, batch_size=1000)
            ClaimDate.objects.bulk_create(
                [ClaimDate(claim=c, text="Tuesday", start=20, end=27, value="2024-03-05") for c in claims],
                batch_size=2000,
            )
            ClaimPlace.objects.bulk_create(
                [ClaimPlace(claim=c, text="Oslo", start=50, end=54, kind="city", code="NO") for c in claims],
                batch_size=2000,
            )
            SourceLink.objects.bulk_create(
                [
                    SourceLink(claim=c, url=f"https://source.example/{c.pk}", title="Budget", stance="supports")
                    for c in claims
                    if c.verdict != "unreviewed"
                ],
                batch_size=2000,
            )
        made += len(claims)
        print(f"  {made:,} claims ({time.perf_counter() - started:.0f} s)", flush=True)
    # The rows were bulk-inserted (no per-row logging): the change log gets one row per object, as after
    # a restore, so the feeds have the whole data set to serve.
    changes_record_everything()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def query_counts(key: str) -> dict[int, int]:
    """SQL queries per request for several page sizes (pinned by tests/api; printed here as a check)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get("/api/v1/claims/?page_size=1", HTTP_AUTHORIZATION=f"Api-Key {key}")
    out = {}
    for size in (1, 10, 50, 200):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/api/v1/claims/?page_size={size}", HTTP_AUTHORIZATION=f"Api-Key {key}")
        out[size] = len(queries)
    return out


# --- load generator ----------------------------------------------------------------------------------


async def _one(port: int, path: str, headers: str) -> tuple[int, float]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n".encode())
    await writer.drain()
    data = await reader.read()  # the server closes the connection after the response
    writer.close()
    status = int(data[9:12]) if data[:5] == b"HTTP/" else 0
    return status, time.perf_counter() - started


async def _load(port: int, paths, headers: str, seconds: float, concurrency: int):
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker():
        nonlocal errors
        while time.perf_counter() < deadline:
            status, elapsed = await _one(port, paths(), headers)
            if status == 200:
                latencies.append(elapsed)
            else:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def measure(port, paths, headers, seconds, concurrency):
    latencies, errors, elapsed = asyncio.run(_load(port, paths, headers, seconds, concurrency))
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "rps": len(latencies) / elapsed,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "n": len(latencies),
        "errors": errors,
    }


# --- main --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="per measurement (each runs twice)")
    # One connection per worker: latency then measures the service, not time spent queued behind
    # busy sync workers (raise it to see queueing; throughput is the same).
    parser.add_argument("--concurrency", type=int, default=None, help="default: one per worker")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    args.concurrency = args.concurrency or args.workers

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = DEFAULT_DB
    ensure_database(url)
    env = dict(
        os.environ,
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="registry.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        # Throttling stays on (its cost is part of the API's); the rate is high enough never to refuse.
        API_THROTTLE_KEY="100000000/minute",
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)  # per-process cache: no Redis needed for the benchmark
    os.environ.update(env)
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load(args.claims)
    from api.keys import api_key_create
    from claims.models import Claim

    key = api_key_create(name=f"bench {time.time():.0f}", scopes="read").key
    counts = query_counts(key)
    ids = list(Claim.objects.order_by("?").values_list("pk", flat=True)[:5000])
    # A mirror resuming the claims feed from a stored cursor somewhere in the log.
    from api.pagination import _encode_position
    from claims.models import Change

    positions = Change.objects.filter(kind="claim").order_by("?").values_list("xid", "id")[:500]
    feed_cursors = [_encode_position("claim", xid, pk) for xid, pk in positions]
    total = Claim.objects.count()
    from django.db import connections

    connections.close_all()

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "bench.api:application",
            "--chdir",
            str(BASE),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--backlog",
            "512",
        ],
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 30
        while True:
            try:
                status, _ = asyncio.run(_one(args.port, "/health/", ""))
                if status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                print("gunicorn did not start", file=sys.stderr)
                return 1
            time.sleep(0.3)
        auth = f"Authorization: Api-Key {key}\r\nAccept: application/json\r\n"
        scenarios = {
            "api claims/ (page of 50)": (lambda: "/api/v1/claims/?page_size=50", auth),
            "bare view, same page": (lambda: "/bare/claims/", ""),
            "api claims feed, resumed": (
                lambda: f"/api/v1/claims/?page_size=50&cursor={random.choice(feed_cursors)}",
                auth,
            ),
            "api claims/{id}": (lambda: f"/api/v1/claims/{random.choice(ids)}/", auth),
            "bare view, same claim": (lambda: f"/bare/claims/{random.choice(ids)}/", ""),
        }
        for paths, headers in scenarios.values():  # warm up every worker and code path
            measure(args.port, paths, headers, 1.0, args.concurrency)
        results: dict[str, list[dict]] = {name: [] for name in scenarios}
        for _ in range(2):  # interleaved rounds, so background load hits both sides alike
            for name, (paths, headers) in scenarios.items():
                results[name].append(measure(args.port, paths, headers, args.seconds, args.concurrency))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    def merged(rows):
        n = sum(r["n"] for r in rows)
        return {
            "rps": statistics.mean(r["rps"] for r in rows),
            "p50": statistics.mean(r["p50"] for r in rows),
            "p95": max(r["p95"] for r in rows),
            "errors": sum(r["errors"] for r in rows),
            "n": n,
        }

    summary = {name: merged(rows) for name, rows in results.items()}
    print(
        f"\n{total:,} claims in PostgreSQL; gunicorn {args.workers} sync workers; {args.concurrency} concurrent "
        f"connections on loopback; {args.seconds:.0f} s x 2 rounds per line\n"
    )
    print(f"{'':28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for name, row in summary.items():
        print(f"{name:28} {row['rps']:8.1f} {row['p50']:8.1f} {row['p95']:8.1f} {row['errors']:7d}")
    ok = True
    for api_name, bare_name in [
        ("api claims/ (page of 50)", "bare view, same page"),
        ("api claims feed, resumed", "bare view, same page"),
        ("api claims/{id}", "bare view, same claim"),
    ]:
        ratio = summary[api_name]["rps"] / summary[bare_name]["rps"]
        p95 = summary[api_name]["p95"]
        verdict = "ok" if ratio >= 0.70 and p95 < 50 else "MISSED"
        ok &= verdict == "ok"
        print(
            f"\n{api_name}: {ratio:.0%} of the bare view's throughput (target >= 70 %), p95 {p95:.1f} ms "
            f"(target < 50 ms): {verdict}"
        )
    print(f"\nSQL queries per claims/ request by page size: {counts} (constant: {len(set(counts.values())) == 1})")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
