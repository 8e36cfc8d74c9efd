"""Export benchmark: the claims export of 1,000,000 claims in PostgreSQL, its speed and its peak memory.

    .venv/bin/python bench/export.py [--claims 1000000] [--chunk N] [--skip-command] [--skip-feeds]

Uses DATABASE_URL when it names PostgreSQL, else postgres://postgres@127.0.0.1:5432/registry_bench_export
(created if missing; the data set is made by bench/api.py's load() once and reused). Each measurement runs
in a fresh process, so its peak resident memory (VmHWM) is its own:

  * baseline   the same claims read as plain values (the claim row's own columns, no joins, no
               prefetches) through a server-side cursor and written as JSON lines: what reading the
               rows costs without the API's representation;
  * api        GET /api/v1/export/claims.ndjson with a read key from gunicorn (the project's
               gunicorn.conf.py, one worker, its default 30-second worker timeout) over loopback, the
               body read as it streams; the memory is the gunicorn worker's;
  * command    manage.py export_claims -o - (standard output sent to /dev/null);
  * feeds      /claims/feed.jsonld (first page, a deep page, cached) and /sitemap.xml, in milliseconds.

Target (issue 13): the export streams with peak memory under 200 MB. Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/registry_bench_export"
TARGET_MB = 200


def _memory(pid: str = "self") -> dict[str, float]:
    """A process's resident memory now and at its peak, in MB (Linux /proc)."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            out[name] = int(value.split()[0]) / 1024
    return out


class _Sink:
    """Counts what is written and keeps none of it (a text or byte stream)."""

    def __init__(self, every: int, pid: str = "self"):
        self.bytes = self.lines = 0
        self.every, self.samples, self.pid = every, [], pid

    def write(self, data) -> int:
        self.bytes += len(data)
        before = self.lines
        self.lines += data.count("\n" if isinstance(data, str) else b"\n")
        if self.lines // self.every != before // self.every:
            self.samples.append((self.lines, round(_memory(self.pid)["VmRSS"], 1)))
        return len(data)

    def flush(self) -> None:
        pass


# --- the measured children ------------------------------------------------------------------------------


def _child(mode: str, chunk: int | None, key: str) -> dict:
    import django

    django.setup()
    from api import export

    if chunk:
        export.EXPORT_CHUNK_SIZE = chunk
    started_rss = _memory()["VmRSS"]
    sink = _Sink(every=100_000)
    started = time.perf_counter()
    if mode == "baseline":
        from api.selectors import EVERYTHING, visible_claims
        from claims.models import Claim
        from claims.services.backup import ndjson_line, read_snapshot

        names = [f.attname for f in Claim._meta.concrete_fields]
        with read_snapshot():
            rows = visible_claims(EVERYTHING).order_by("id").values_list(*names)
            for values in rows.iterator(chunk_size=chunk or export.EXPORT_CHUNK_SIZE):
                sink.write(ndjson_line(dict(zip(names, values, strict=True))))
    elif mode == "command":
        from django.core.management import call_command

        call_command("export_claims", "-o", "-", "--quiet", stdout=sink)
    elif mode == "feeds":
        return _feeds(key)
    seconds = time.perf_counter() - started
    memory = _memory()
    return {
        "mode": mode,
        "lines": sink.lines,
        "bytes": sink.bytes,
        "seconds": seconds,
        "start_mb": started_rss,
        "peak_mb": memory["VmHWM"],
        "samples": sink.samples,
    }


def _feeds(key: str) -> dict:
    from django.test import Client

    client = Client()

    def timed(path: str) -> tuple[float, object]:
        started = time.perf_counter()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return (time.perf_counter() - started) * 1000, response

    out = {}
    out["feed first page, cold"], first = timed("/claims/feed.jsonld")
    out["feed first page, cached"], _ = timed("/claims/feed.jsonld")
    url = first.json().get("next", "")
    for _ in range(50):  # 50 pages in: a deep keyset page
        if not url:
            break
        _, page = timed(url.split("testserver", 1)[-1])
        url = page.json().get("next", "")
    out["feed page 52, cold"], _ = timed(url.split("testserver", 1)[-1]) if url else (0.0, None)
    out["sitemap.xml, cold"], index = timed("/sitemap.xml")
    pages = index.content.count(b"<loc>") if b"<sitemapindex" in index.content else 1
    out["sitemap.xml, cached"], _ = timed("/sitemap.xml")
    out[f"sitemap-claims.xml?p={pages}, cold (last page)"], _ = timed(f"/sitemap-claims.xml?p={pages}")
    out["sitemap-claims.xml (page 1, 50,000 URLs), cold"], _ = timed("/sitemap-claims.xml")
    return {"mode": "feeds", "ms": out, "sitemap_files": pages}


def _served(args, env: dict, key: str) -> dict:
    """The export downloaded from gunicorn over loopback; the memory figures are the worker's."""
    import http.client
    import signal

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "registry.wsgi:application",
            "--chdir",
            str(BASE),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=600)
                conn.request("GET", "/health/")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.3)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        worker = children[0]
        start_mb = _memory(worker)["VmRSS"]
        sink = _Sink(every=100_000, pid=worker)
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=600)
        conn.request("GET", "/api/v1/export/claims.ndjson", headers={"Authorization": f"Api-Key {key}"})
        response = conn.getresponse()
        assert response.status == 200, response.status
        last = b""
        while True:
            block = response.read(1 << 16)
            if not block:
                break
            sink.write(block)
            last = (last + block)[-4096:]
        seconds = time.perf_counter() - started
        trailer = json.loads(last.rstrip(b"\n").rsplit(b"\n", 1)[-1])
        assert trailer["type"] == "cursor", "the body ended without its trailer"
        return {
            "mode": "api",
            "lines": sink.lines,
            "bytes": sink.bytes,
            "seconds": seconds,
            "start_mb": start_mb,
            "peak_mb": _memory(worker)["VmHWM"],
            "samples": sink.samples,
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _run_child(mode: str, args, env: dict, key: str) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--key", key]
    if args.chunk:
        command += ["--chunk", str(args.chunk)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- main --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument(
        "--chunk",
        type=int,
        default=None,
        help="rows per chunk of the baseline and the command (the server: api.export.EXPORT_CHUNK_SIZE)",
    )
    parser.add_argument("--skip-command", action="store_true", help="do not measure manage.py export_claims")
    parser.add_argument("--skip-feeds", action="store_true", help="do not time the DataFeed and sitemap")
    parser.add_argument("--port", type=int, default=8795, help="for gunicorn")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--key", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(BASE))
    if args.child:
        print(json.dumps(_child(args.child, args.chunk, args.key)))
        return 0

    from bench.api import bench_database, load, production_env

    # Every key reads everything (one newsroom), so the API's export, the command's and the baseline
    # hold the same claims whichever organisation the bench data belongs to.
    env = dict(os.environ, **production_env(bench_database(DEFAULT_DB)), REGISTRY_OPEN_VISIBILITY="true")
    env.pop("REDIS_URL", None)  # per-process cache: no Redis needed for the benchmark
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load(args.claims)
    from api.keys import api_key_create
    from api.selectors import EVERYTHING, published_claims, visible_claims

    key = api_key_create(name=f"bench export {time.time():.0f}", scopes="read").key
    total = visible_claims(EVERYTHING).count()
    published = published_claims().count()
    from django.db import connections

    connections.close_all()

    modes = ["baseline", "api"] + ([] if args.skip_command else ["command"])
    results = []
    for mode in modes:
        print(f"measuring {mode} ...", flush=True)
        results.append(_served(args, env, key) if mode == "api" else _run_child(mode, args, env, key))
    feeds = None if args.skip_feeds else _run_child("feeds", args, env, key)

    from api import export

    chunk = args.chunk or export.EXPORT_CHUNK_SIZE
    print(f"\n{total:,} visible claims in PostgreSQL ({published:,} published); chunks of {chunk:,} rows\n")
    print(f"{'':34} {'rows/s':>9} {'MB/s':>7} {'seconds':>8} {'start MB':>9} {'peak MB':>8}")
    names = {
        "baseline": "baseline: plain values, no joins",
        "api": "api: gunicorn, claims.ndjson",
        "command": "command: export_claims -o -",
    }
    ok = True
    for row in results:
        rows = row["lines"] - (0 if row["mode"] == "baseline" else 1)  # the trailer is not a claim
        assert rows == total, (row["mode"], rows, total)
        print(
            f"{names[row['mode']]:34} {rows / row['seconds']:9,.0f} {row['bytes'] / row['seconds'] / 1e6:7.1f} "
            f"{row['seconds']:8.1f} {row['start_mb']:9.1f} {row['peak_mb']:8.1f}"
        )
        if row["mode"] != "baseline":
            ok &= row["peak_mb"] < TARGET_MB
    print("\nresident MB while streaming (lines written: MB):")
    for row in results:
        print(f"  {row['mode']:9} " + ", ".join(f"{n // 1000:,}k: {mb}" for n, mb in row["samples"]))
    api = next(r for r in results if r["mode"] == "api")
    base = next(r for r in results if r["mode"] == "baseline")
    print(
        f"\napi export: {(api['lines'] - 1) / api['seconds']:,.0f} claims/s, "
        f"{api['seconds'] / base['seconds']:.1f}x the baseline's time; "
        f"peak {api['peak_mb']:.0f} MB (target < {TARGET_MB} MB): {'ok' if api['peak_mb'] < TARGET_MB else 'MISSED'}"
    )
    if feeds:
        print(f"\npublic feeds ({feeds['sitemap_files']} sitemap files), ms per request:")
        for name, ms in feeds["ms"].items():
            print(f"  {name:48} {ms:8.1f}")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
