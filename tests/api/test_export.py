"""The bulk export: GET export/claims.ndjson and manage.py export_claims."""

from __future__ import annotations

import gzip
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import export
from claims.models import Claim
from claims.services.articles import article_retract
from claims.services.review import claim_review
from tests.api.conftest import api
from tests.api.test_claims import make_claims

pytestmark = pytest.mark.django_db
EXPORT = api("export/claims.ndjson")


@pytest.fixture
def reader(client_for):
    return client_for("read")


def lines_of(response) -> list[dict]:
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


def split(lines: list[dict]) -> tuple[list[dict], dict]:
    *claims, trailer = lines
    assert trailer["type"] == "cursor"
    assert all("type" not in claim for claim in claims)
    return claims, trailer


def close(response) -> None:
    """End a response as the server does when the client goes away (the test client's own way: without
    closing the test's database connection, which request_finished would otherwise do)."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def listed(reader, query: str = "") -> list[dict]:
    """The claims list's own representation of the same claims, in id order."""
    return reader.get(api(f"claims/?ordering=id&page_size=200&{query}")).json()["results"]


def test_the_export_streams_every_visible_claim_exactly_as_the_list_shows_it(
    reader, claims, verified_claim, key_account
):
    other = make_claims(2, outlet_domain="gone.example")
    article_retract(article_id=other[0].article_id, user=None, reason="Invented for a test.")
    response = reader.get(EXPORT)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="claims-{timezone.now():%Y-%m-%d}.ndjson"'
    assert response["Cache-Control"] == "private, no-store"
    rows, trailer = split(lines_of(response))
    assert rows == listed(reader)  # the same representation, retracted claims left out
    assert [r["id"] for r in rows] == sorted(c.pk for c in claims)
    assert trailer["claims"] == 3
    assert trailer["cursor"] == response["Feed-Cursor"]
    assert trailer["tombstones_cursor"] == response["Tombstones-Cursor"]
    assert trailer["feed"].startswith("http://testserver/api/v1/claims/?ordering=changes&cursor=")


@pytest.mark.parametrize(
    ("query", "expected_positions"),
    [
        ("verdict=verified", [0]),
        ("verdict=unreviewed,disputed", [1, 2]),
        ("outlet=www.harbour.example", [0, 1, 2]),
        ("outlet=elsewhere.example", []),
        ("published_from=2024-03-09", []),
        ("needs_recheck=false", [0, 1, 2]),
        ("q=homes", [1]),
    ],
)
def test_the_export_takes_the_claims_list_filters(reader, claims, verified_claim, query, expected_positions):
    rows, trailer = split(lines_of(reader.get(f"{EXPORT}?{query}")))
    assert [r["position"] for r in rows] == expected_positions
    assert rows == listed(reader, query)
    assert trailer["claims"] == len(expected_positions)
    # The feed link carries the same filters, so a mirror of a subset keeps following that subset.
    assert query.split("=")[0] in trailer["feed"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("verdict=nope", "verdict"),
        ("speaker=abc", "speaker"),
        ("published_from=2024-03-09&published_to=2024-03-01", "published_to"),
        ("published_from=someday", "published_from"),
        ("ordering=id", "ordering"),  # the export has one order: by id
        ("page_size=5", "page_size"),
    ],
)
def test_bad_filters_are_a_400_in_the_one_error_shape(reader, claims, query, field):
    response = reader.get(f"{EXPORT}?{query}")
    assert response.status_code == 400
    assert not response.streaming
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]


@pytest.mark.parametrize(
    ("persona", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("submit", 403, "permission_denied"),
        ("review", 403, "permission_denied"),
        ("revoked", 401, "revoked_key"),
        ("read", 200, None),
        ("reviewer", 200, None),
    ],
)
def test_only_readers_may_export(client_for, claims, persona, status, code):
    response = client_for(persona).get(EXPORT)
    assert response.status_code == status
    if code:
        assert response.json()["error"]["code"] == code


def test_ndjson_may_be_asked_for_by_accept_header_or_format(reader, client, claims):
    assert reader.get(EXPORT, HTTP_ACCEPT="application/x-ndjson").status_code == 200
    assert reader.get(f"{EXPORT}?format=ndjson").status_code == 200
    refused = client.get(EXPORT, HTTP_ACCEPT="application/x-ndjson", HTTP_AUTHORIZATION="Api-Key nope")
    assert refused.status_code == 401
    assert json.loads(refused.content)["error"]["code"] == "invalid_key"  # errors stay the JSON error object


def test_head_gives_the_headers_without_reading_any_claim(reader, claims):
    with CaptureQueriesContext(connection) as queries:
        response = reader.head(EXPORT)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Feed-Cursor"]
    assert not any("claims_claim" in q["sql"] and "claims_change" not in q["sql"] for q in queries.captured_queries)


# --- the trailer's cursor -----------------------------------------------------------------------------


def feed(reader, cursor: str, query: str = "") -> list[int]:
    page = reader.get(api(f"claims/?ordering=changes&cursor={cursor}&{query}")).json()
    return [c["id"] for c in page["results"]]


def review(claim: Claim, user, verdict: str = "unverifiable") -> None:
    claim.refresh_from_db()
    claim_review(claim_id=claim.pk, user=user, verdict=verdict, note="Invented note.", expected_version=claim.version)


def test_the_feed_from_the_trailer_cursor_gives_only_later_changes(reader, claims, key_account):
    _, trailer = split(lines_of(reader.get(EXPORT)))
    assert feed(reader, trailer["cursor"]) == []  # nothing changed since the export
    review(claims[2], key_account)
    assert feed(reader, trailer["cursor"]) == [claims[2].pk]
    # The trailer's feed link is that request, ready to follow.
    assert [c["id"] for c in reader.get(trailer["feed"]).json()["results"]] == [claims[2].pk]


def test_a_change_made_while_the_export_runs_comes_again_in_the_feed(reader, claims, key_account, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_CHUNK_SIZE", 1)
    response = reader.get(EXPORT)  # the cursor is taken here, before any claim is read
    pieces = iter(response.streaming_content)
    first = next(pieces)  # the first claim is out ...
    review(claims[0], key_account)  # ... when the claim already written changes
    review(claims[2], key_account)  # ... and one not yet written
    rows, trailer = split([json.loads(line) for line in (first + b"".join(pieces)).decode().splitlines()])
    assert len(rows) == 3
    # Both come again from the trailer's cursor: the first was written as it was before its change.
    assert sorted(feed(reader, trailer["cursor"])) == sorted([claims[0].pk, claims[2].pk])


def test_a_claim_removed_after_the_export_is_in_the_tombstones_feed_from_the_trailer(reader, claims, key_account):
    _, trailer = split(lines_of(reader.get(EXPORT)))
    article_retract(article_id=claims[0].article_id, user=None, reason="Invented for a test.")
    page = reader.get(api(f"tombstones/?cursor={trailer['tombstones_cursor']}")).json()
    assert {(t["kind"], t["object_id"]) for t in page["results"]} >= {("claim", c.pk) for c in claims}
    assert reader.get(trailer["tombstones"]).json()["results"] == page["results"]


def test_an_empty_registry_exports_only_the_trailer(reader, db):
    rows, trailer = split(lines_of(reader.get(EXPORT)))
    assert rows == []
    assert trailer["claims"] == 0
    assert feed(reader, trailer["cursor"]) == []


# --- constant memory: read in chunks as the body is sent -------------------------------------------------


def test_the_claims_are_read_in_chunks_as_the_body_is_consumed(reader, monkeypatch):
    make_claims(7)
    monkeypatch.setattr(export, "EXPORT_CHUNK_SIZE", 2)
    chunk_sizes = []
    real_iterator = QuerySet.iterator

    def spy(self, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return real_iterator(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    response = reader.get(EXPORT)
    pieces = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first_piece:
        first = next(pieces)
    assert chunk_sizes == [2]  # one iteration over the claims, in chunks: never a list of them all
    assert first.count(b"\n") == 2  # the first piece is sent before the other claims are read
    prefetches = [q for q in first_piece.captured_queries if "claims_claimdate" in q["sql"]]
    assert len(prefetches) == 1
    with CaptureQueriesContext(connection) as rest:
        tail = b"".join(pieces)
    assert tail.count(b"\n") == 5 + 1  # five claims and the trailer
    # Dates, places and sources are prefetched once per chunk: 3 more chunks of at most 2 claims.
    assert len([q for q in rest.captured_queries if "claims_claimdate" in q["sql"]]) == 3


def test_the_export_does_not_keep_the_claims_it_has_written(reader, monkeypatch):
    """Every claim object is released once its piece is out (what keeps memory flat on any size)."""
    import gc
    import weakref

    make_claims(6)
    monkeypatch.setattr(export, "EXPORT_CHUNK_SIZE", 2)
    made: list[weakref.ref] = []
    real_represent = export.ClaimOut.represent

    def tracking(claim, context, details=None):
        made.append(weakref.ref(claim))
        return real_represent(claim, context, details)

    monkeypatch.setattr(export.ClaimOut, "represent", staticmethod(tracking))
    response = reader.get(EXPORT)
    pieces = iter(response.streaming_content)
    for _ in range(3):
        next(pieces)
        gc.collect()
        assert sum(ref() is not None for ref in made) <= 2 * 2  # this chunk's, at most the one before
    assert len(made) == 6
    close(response)  # as the server does when the client goes: the export's transaction ends


# --- manage.py export_claims ---------------------------------------------------------------------------


def test_the_command_writes_the_same_file_atomically(reader, claims, verified_claim, tmp_path):
    target = tmp_path / "claims.ndjson"
    err = StringIO()
    call_command("export_claims", "--output", str(target), "--base-url", "http://testserver/", stderr=err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.ndjson"]  # no partial file left
    rows, trailer = split([json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()])
    assert rows == listed(reader)
    assert trailer["claims"] == 3
    assert feed(reader, trailer["cursor"]) == []
    assert "export: 3 claims" in err.getvalue()


def test_the_command_takes_the_filters_and_writes_gzip_or_standard_output(reader, claims, verified_claim, tmp_path):
    target = tmp_path / "verified.ndjson.gz"
    call_command("export_claims", "-o", str(target), "--verdict", "verified", "--quiet", stderr=StringIO())
    with gzip.open(target, "rt", encoding="utf-8") as f:
        rows, trailer = split([json.loads(line) for line in f])
    assert [r["id"] for r in rows] == [verified_claim.pk]
    assert "verdict=verified" in trailer["feed"]
    assert rows[0]["url"] == f"http://127.0.0.1:8000/api/v1/claims/{verified_claim.pk}/"
    out = StringIO()
    call_command("export_claims", "-o", "-", "--needs-recheck", "false", "--quiet", stdout=out)
    rows, _ = split([json.loads(line) for line in out.getvalue().splitlines()])
    assert len(rows) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--verdict", "nope"], "--verdict"),
        (["--published-from", "2024-03-09", "--published-to", "2024-03-01"], "--published-to"),
        (["--speaker", "x"], "--speaker"),
        (["--base-url", "ftp://registry.example/"], "--base-url"),
    ],
)
def test_the_command_refuses_bad_filters_clearly(claims, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_claims", "-o", str(tmp_path / "x.ndjson"), *args, stderr=StringIO())
    assert list(tmp_path.iterdir()) == []


def test_the_command_reports_a_file_it_cannot_write(claims, tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_claims", "-o", str(tmp_path / "missing" / "x.ndjson"), "--quiet")


def test_bulk_loaded_dates_places_and_sources_keep_the_lists_order(reader, claims, verified_claim):
    from claims.models import ClaimDate, ClaimPlace, SourceLink

    ClaimDate.objects.create(
        claim=verified_claim, text="a year", start=None, end=None, value="2023", granularity="year"
    )
    ClaimDate.objects.create(claim=verified_claim, text="March", start=2, end=7, value="2024-03", granularity="month")
    ClaimPlace.objects.create(claim=verified_claim, text="Delft", start=None, end=None, kind="city")
    ClaimPlace.objects.create(claim=verified_claim, text="Gouda", start=1, end=6, kind="city")
    SourceLink.objects.create(claim=verified_claim, url="https://second.example/", stance="refutes")
    rows, _ = split(lines_of(reader.get(EXPORT)))
    first = next(r for r in rows if r["id"] == verified_claim.pk)
    assert len(first["dates"]) == 3 and len(first["places"]) == 2 and len(first["sources"]) == 2
    assert rows == listed(reader)


# --- served by gunicorn: a download longer than the worker timeout is not cut --------------------------


@pytest.mark.parametrize(("flags", "complete"), [([], True), (["--worker-class", "sync"], False)])
def test_gunicorn_with_the_project_config_streams_past_the_worker_timeout(flags, complete):
    """The export of a large registry takes minutes: gunicorn's sync workers would be killed after the
    timeout in mid-download (shown by the second case); the project's config (gthread) is not."""
    import os
    import signal
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    from tests.recheck.procs import free_port, wait_for

    root = Path(__file__).resolve().parents[2]
    port = free_port()
    command = [str(Path(sys.executable).with_name("gunicorn")), "tests.api.slow_stream_wsgi:application"]
    proc = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "3", *flags],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:

        def listening() -> bool:
            import socket

            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", port)) == 0

        assert wait_for(listening, timeout=30), "gunicorn did not start"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=20) as response:
                body = response.read()
        except Exception:  # the connection cut in mid-body (IncompleteRead, reset)
            body = b""
        assert body.endswith(b'{"type": "cursor"}\n') is complete
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


# --- at most API_EXPORT_MAX_CONCURRENT exports at once ----------------------------------------------------


def test_exports_beyond_the_concurrency_limit_wait_their_turn_with_429(reader, client_for, claims, settings):
    settings.API_EXPORT_MAX_CONCURRENT = 1
    running = reader.get(EXPORT)  # streaming, not read yet: it holds the one slot
    assert running.status_code == 200
    refused = client_for("reviewer").get(EXPORT)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    assert reader.head(EXPORT).status_code == 200  # the headers alone take no slot
    close(running)  # the client went away: the slot is free again
    after = reader.get(EXPORT)
    assert after.status_code == 200
    split(lines_of(after))  # read to the end, which closes it too
    assert reader.get(EXPORT).status_code == 200


def test_a_slot_outlives_a_dead_process_only_for_a_while(reader, claims, settings):
    from django.core.cache import cache

    settings.API_EXPORT_MAX_CONCURRENT = 1
    cache.set("api-export-slot:0", 1, 1)  # as left by a process killed mid-export, about to expire
    assert reader.get(EXPORT).status_code == 429
    import time

    time.sleep(1.5)
    response = reader.get(EXPORT)
    assert response.status_code == 200
    close(response)
