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


_VIEWER = []


def _bench_viewer():
    """The viewer of the bench's API key: a newsroom's read key (visibility rules applied)."""
    if not _VIEWER:
        from api.selectors import viewer_for
        from claims.models import Organisation

        organisation = Organisation.objects.filter(name=BENCH_ORGANISATIONS[0]).values_list("pk", flat=True).first()
        _VIEWER.append(viewer_for(is_reviewer=False, has_key=True, organisation_id=organisation))
    return _VIEWER[0]


def _bare_context(request):
    from api.serializers import Urls

    return {"request": request, "urls": Urls(request)}


def bare_claims(request):
    """The claims page of 50 without the API layer: same selector, same representation, JsonResponse."""
    from django.http import JsonResponse

    from api.selectors import ClaimFilters, claims_filtered

    rows = list(claims_filtered(ClaimFilters(), viewer=_bench_viewer()).order_by("updated_at", "id")[:51])
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

    claim = claim_get(pk, viewer=_bench_viewer())
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


def production_env(url: str) -> dict[str, str]:
    """The environment every PostgreSQL benchmark runs Django under: production settings (no debug
    overhead) on `url`, loopback hosts, a throttle that never refuses, quiet logs. One place, so that a
    setting production comes to require is added once (REGISTRY_PUBLIC_URL was missing from three copies)."""
    return {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "registry.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "REGISTRY_PUBLIC_URL": "https://claims.example/",  # production refuses the loopback default
        # Throttling stays on (its cost is part of the API's); the rate is high enough never to refuse.
        "API_THROTTLE_KEY": "100000000/minute",
        "LOG_LEVEL": "WARNING",
    }


def bench_database(default: str) -> str:
    """DATABASE_URL when it names PostgreSQL, else `default`; created if missing."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = default
    ensure_database(url)
    return url


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


BENCH_ORGANISATIONS = ("Bench newsroom A", "Bench newsroom B")


def _copy_rows(model, rows) -> int:
    """COPY `rows` (dicts by attname, with explicit ids) into `model`'s table; unset columns take the
    field's default. Much faster than bulk_create at a million rows: no ORM objects, no RETURNING."""
    from django.db import connection
    from django.utils import timezone
    from psycopg.types.json import Jsonb

    now = timezone.now()
    fields = model._meta.concrete_fields
    defaults = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = now
        elif field.has_default():
            defaults[field.attname] = field.get_default()
        else:
            defaults[field.attname] = None if field.null else ""
    names = [f.attname for f in fields]
    json_names = {f.attname for f in fields if f.get_internal_type() == "JSONField"}
    columns = ", ".join(f'"{f.column}"' for f in fields)
    written = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                values = []
                for name in names:
                    value = row.get(name, defaults[name])
                    values.append(Jsonb(value) if name in json_names else value)
                copy.write_row(values)
                written += 1
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{model._meta.db_table}\"', 'id'), "
            f'(SELECT COALESCE(MAX(id), 1) FROM "{model._meta.db_table}"))'
        )
    return written


def _next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


def _bench_claim_text(rng: random.Random, index: int) -> str:
    return f"The council said on Tuesday that {rng.randint(2, 900)} homes in Oslo will get new roofs."


def load(
    count: int,
    speakers: int = 2000,
    *,
    batch: int = 100_000,
    claim_text=_bench_claim_text,
    article_title=lambda index: f"Bench article {index}",
    verdicts: tuple[str, ...] = ("unreviewed",) * 6 + ("verified", "disputed", "unverifiable"),
) -> None:
    """Make sure the database holds at least `count` claims (with speakers, dates, places and sources).

    Rows are written with COPY in batches of `batch` claims, each batch in one transaction, and kept:
    later runs (and other benchmarks importing this) reuse them and only add what is missing. A third
    of the articles belong to each of two bench organisations (the rest to none), so reads with an
    organisation's key exercise the visibility rules (docs/api.md). `speakers`: how many speakers the new
    claims are spread over. bench/match.py passes its own claim texts (`claim_text(rng, claim number)`),
    article titles and verdicts.
    """
    from datetime import UTC, datetime, timedelta

    from django.db import connection, transaction

    from claims.models import Article, Change, Claim, ClaimDate, ClaimPlace, Organisation, Outlet, SourceLink, Speaker
    from claims.services.changes import changes_record_everything

    have = Claim.objects.count()
    if have >= count:
        print(f"data set: {have:,} claims already loaded")
        if not Change.objects.filter(kind="claim").exists():  # a data set loaded before the change log
            changes_record_everything()
        return
    print(f"loading {count - have:,} claims with COPY (once; reused by later runs) ...", flush=True)
    rng = random.Random(5 + have)
    started = time.perf_counter()
    outlets = [
        Outlet.objects.get_or_create(domain=f"outlet{i}.example", defaults={"name": f"Outlet {i}"})[0].pk
        for i in range(20)
    ]
    organisations = [None] + [Organisation.objects.get_or_create(name=name)[0].pk for name in BENCH_ORGANISATIONS]
    first_speaker = _next_id(Speaker)
    with transaction.atomic():
        _copy_rows(
            Speaker,
            (
                {
                    "id": first_speaker + i,
                    "name": f"Speaker {i}",
                    "key": f"bench speaker {i} {have}",
                    "kind": rng.choice(["person", "organisation"]),
                }
                for i in range(speakers)
            ),
        )
    speaker_ids = list(range(first_speaker, first_speaker + speakers))
    per_article = 50
    made = have
    day = datetime(2024, 1, 1, 12, tzinfo=UTC)
    body = "Bench body. " * 200
    while made < count:
        todo = max(per_article, min(batch, count - made) // per_article * per_article)
        article_id, claim_id = _next_id(Article), _next_id(Claim)
        date_id, place_id, source_id = _next_id(ClaimDate), _next_id(ClaimPlace), _next_id(SourceLink)
        articles = []
        for i in range(todo // per_article):
            n = article_id + i
            articles.append(
                {
                    "id": n,
                    "title": article_title(n),
                    "url": f"https://outlet.example/bench/{n}",
                    "url_key": f"bench-{n}",
                    "body": body,
                    "body_hash": f"bench-{n}",
                    "outlet_id": rng.choice(outlets),
                    "published_at": day + timedelta(hours=n),
                    "status": "done",
                    "submitted_by_organisation_id": organisations[n % len(organisations)],
                }
            )
        claims, dates, places, sources = [], [], [], []
        for article in articles:
            for position in range(per_article):
                pk = claim_id + len(claims)
                text = claim_text(rng, pk)
                verdict = rng.choice(verdicts)
                claims.append(
                    {
                        "id": pk,
                        "article_id": article["id"],
                        "position": position,
                        "text": text,
                        "start": 0,
                        "end": len(text),
                        "kind": "reported_speech",
                        "speaker_id": rng.choice(speaker_ids),
                        "speaker_role": "spokesperson",
                        "attribution_cue": "said",
                        "checkworthiness": rng.random(),
                        "verdict": verdict,
                        "verdict_note": "" if verdict == "unreviewed" else "Checked against the budget.",
                        "reviewed_at": None if verdict == "unreviewed" else day,
                    }
                )
                dates.append(
                    {
                        "id": date_id + len(dates),
                        "claim_id": pk,
                        "text": "Tuesday",
                        "start": 20,
                        "end": 27,
                        "value": "2024-03-05",
                    }
                )
                places.append(
                    {
                        "id": place_id + len(places),
                        "claim_id": pk,
                        "text": "Oslo",
                        "start": 50,
                        "end": 54,
                        "kind": "city",
                        "code": "NO",
                    }
                )
                if verdict != "unreviewed":
                    sources.append(
                        {
                            "id": source_id + len(sources),
                            "claim_id": pk,
                            "url": f"https://source.example/{pk}",
                            "title": "Budget",
                            "stance": "supports",
                        }
                    )
        with transaction.atomic():
            _copy_rows(Article, articles)
            _copy_rows(Claim, claims)
            _copy_rows(ClaimDate, dates)
            _copy_rows(ClaimPlace, places)
            _copy_rows(SourceLink, sources)
            # COPY logs nothing: the change log gets one row per new object, as after a restore.
            with connection.cursor() as cursor:
                for kind, first, last in [
                    ("article", article_id, article_id + len(articles)),
                    ("claim", claim_id, claim_id + len(claims)),
                ]:
                    cursor.execute(
                        "INSERT INTO claims_change (xid, kind, object_id, op, created_at) "
                        "SELECT pg_current_xact_id()::text::bigint, %s, g, 'upsert', now() "
                        "FROM generate_series(%s, %s) AS g",
                        [kind, first, last - 1],
                    )
                if made == have:
                    cursor.execute(
                        "INSERT INTO claims_change (xid, kind, object_id, op, created_at) "
                        "SELECT pg_current_xact_id()::text::bigint, 'speaker', g, 'upsert', now() "
                        "FROM generate_series(%s, %s) AS g",
                        [first_speaker, first_speaker + speakers - 1],
                    )
        made += len(claims)
        print(f"  {made:,} claims ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        # VACUUM sets the visibility map, so counts and list pages read indexes only, as on a live database
        # (where autovacuum keeps up); ANALYZE gives the planner the data set's statistics.
        cursor.execute("VACUUM ANALYZE")
    print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)


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


def sql_execution_ms(key: str, paths: list[str]) -> float:
    """PostgreSQL's own execution time (EXPLAIN ANALYZE) of the queries of one request, median over
    `paths`: what the data set's size costs, apart from the Python work a busy machine slows down."""
    import re as _re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    totals = []
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            client.get(path, HTTP_AUTHORIZATION=f"Api-Key {key}")
        total = 0.0
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                if not query["sql"].lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, FORMAT TEXT) " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
                found = _re.search(r"Execution Time: ([0-9.]+) ms", plan)
                total += float(found.group(1)) if found else 0.0
        totals.append(total)
    return statistics.median(totals)


def cpu_ms(key: str | None, paths: list[str]) -> tuple[float, float]:
    """(p50, p95) of the CPU time this process spends on one request, in-process through Django's test
    client, database time excluded: unlike wall-clock latency, it does not grow while other processes
    hold the CPU, so it shows what a request costs on an idle machine (add the SQL execution time)."""
    from django.test import Client

    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Api-Key {key}"} if key else {}
    for path in paths[:5]:  # warm up
        client.get(path, **headers)
    spent = []
    for path in paths:
        started = time.process_time()
        response = client.get(path, **headers)
        spent.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    q = statistics.quantiles(spent, n=100)
    return q[49], q[94]


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
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="per measurement (each runs twice)")
    # One connection per worker: latency then measures the service, not time spent queued behind
    # busy sync workers (raise it to see queueing; throughput is the same).
    parser.add_argument("--concurrency", type=int, default=None, help="default: one per worker")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--load-only", action="store_true", help="load the data set, measure nothing")
    args = parser.parse_args()
    args.concurrency = args.concurrency or args.workers

    env = dict(os.environ, **production_env(bench_database(DEFAULT_DB)))
    env.pop("REDIS_URL", None)  # per-process cache: no Redis needed for the benchmark
    os.environ.update(env)
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load(args.claims)
    if args.load_only:
        return 0
    from api.keys import api_key_create
    from claims.models import Claim, Organisation

    newsroom = Organisation.objects.filter(name=BENCH_ORGANISATIONS[0]).first()
    key = api_key_create(name=f"bench {time.time():.0f}", scopes="read", organisation=newsroom).key
    counts = query_counts(key)
    # Claims the key may see (its newsroom's, reviewed ones, those of no newsroom), as a newsroom reads them.
    from api.selectors import visible_claims

    ids = list(visible_claims(_bench_viewer()).order_by("?").values_list("pk", flat=True)[:5000])
    # A mirror resuming the claims feed from a stored cursor somewhere in the log.
    from api.pagination import _encode_position
    from claims.models import Change

    positions = Change.objects.filter(kind="claim").order_by("?").values_list("xid", "id")[:500]
    feed_cursors = [_encode_position("claim", xid, pk, _bench_viewer().audience) for xid, pk in positions]
    total = Claim.objects.count()
    sample = random.Random(7).sample(feed_cursors, min(20, len(feed_cursors)))
    sql_ms = {
        "feed, first page": sql_execution_ms(key, ["/api/v1/claims/?page_size=50"] * 5),
        "feed, resumed": sql_execution_ms(key, [f"/api/v1/claims/?page_size=50&cursor={c}" for c in sample]),
        "claim": sql_execution_ms(key, [f"/api/v1/claims/{pk}/" for pk in ids[:20]]),
    }
    from django.conf import settings as django_settings

    django_settings.ROOT_URLCONF = "bench.api"  # the bare views, in-process too
    import gc

    gc.collect()
    gc.freeze()  # as each web worker does after its warm-up (registry/warmup.py)
    cpu = {
        "api claims/ (page of 50)": cpu_ms(key, ["/api/v1/claims/?page_size=50"] * 60),
        "bare view, same page": cpu_ms(None, ["/bare/claims/"] * 60),
        "api claims feed, resumed": cpu_ms(
            key, [f"/api/v1/claims/?page_size=50&cursor={c}" for c in feed_cursors[:60]]
        ),
        "api claims/{id}": cpu_ms(key, [f"/api/v1/claims/{pk}/" for pk in ids[:200]]),
        "bare view, same claim": cpu_ms(None, [f"/bare/claims/{pk}/" for pk in ids[:200]]),
    }
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
    # Other processes on the machine slow both sides alike (the ratio holds), but not the latencies.
    print(f"load average of the machine after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print(f"{'':28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}   CPU ms/request p50, p95")
    for name, row in summary.items():
        print(
            f"{name:28} {row['rps']:8.1f} {row['p50']:8.1f} {row['p95']:8.1f} {row['errors']:7d}"
            f"   {cpu[name][0]:6.1f} {cpu[name][1]:6.1f}"
        )
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
    print(
        "PostgreSQL execution time of one request's queries (EXPLAIN ANALYZE, median): "
        + ", ".join(f"{name} {ms:.2f} ms" for name, ms in sql_ms.items())
    )
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
