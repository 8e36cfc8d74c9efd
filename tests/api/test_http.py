"""HTTP details: Location, Cache-Control, RateLimit headers, strong If-Match, unknown query parameters,
the resource index, and JSON errors for a bad Host, a malformed Content-Length, chunked and long requests."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claims.models import Claim, Review
from tests.api.conftest import api
from tests.api.test_errors import assert_error
from tests.recheck.procs import free_port, wait_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The harbour authority said on Monday that 300 ships used the port last year."


@pytest.fixture
def reader(client_for):
    return client_for("read")


# --- Location -----------------------------------------------------------------------------------------


def test_a_source_added_is_201_with_a_location_that_answers_with_it(client_for, claims):
    client = client_for("all")
    response = client.post(
        api(f"claims/{claims[0].pk}/sources/"),
        {"url": "https://council.example/minutes", "stance": "context"},
        format="json",
    )
    assert response.status_code == 201, response.content
    location = response["Location"]
    assert location == f"http://testserver/api/v1/claims/{claims[0].pk}/sources/{response.json()['id']}/"
    again = client.get(location)
    assert again.status_code == 200 and again.json() == response.json()
    # The same source under another claim does not exist.
    assert_error(client.get(api(f"claims/{claims[1].pk}/sources/{response.json()['id']}/")), 404, "not_found")


# --- Cache-Control and Vary ---------------------------------------------------------------------------


def test_reads_may_be_cached_privately_and_revalidated(reader, claims):
    response = reader.get(api(f"claims/{claims[0].pk}/"))
    assert response["Cache-Control"] == "private, no-cache"
    assert "Authorization" in response["Vary"]
    not_modified = reader.get(api(f"claims/{claims[0].pk}/"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304 and not_modified["Cache-Control"] == "private, no-cache"
    assert "RateLimit-Remaining" in not_modified
    assert reader.get(api("claims/"))["Cache-Control"] == "private, no-cache"


def test_the_public_claimreview_may_be_cached_by_shared_caches(client, verified_claim):
    response = client.get(api(f"claims/{verified_claim.pk}/claimreview/"))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public, max-age=")


def test_errors_and_writes_are_never_stored(reader, client_for, claims):
    assert reader.get(api("claims/999999/"))["Cache-Control"] == "no-store"
    written = client_for("submit").post(api("articles/"), {"text": TEXT}, format="json")
    assert written.status_code == 202 and written["Cache-Control"] == "no-store"


# --- RateLimit headers --------------------------------------------------------------------------------


def test_every_counted_response_says_how_much_of_the_rate_limit_is_left(reader, settings, claims):
    settings.API_THROTTLE_RATES = {"key": "3/minute", "user": None, "anon": None}
    first = reader.get(api("claims/"))
    assert first["RateLimit-Limit"] == "3" and first["RateLimit-Remaining"] == "2"
    assert 1 <= int(first["RateLimit-Reset"]) <= 60
    assert first["RateLimit-Policy"] == "3;w=60"
    reader.get(api("claims/"))
    assert reader.get(api("claims/"))["RateLimit-Remaining"] == "0"
    refused = reader.get(api("claims/"))
    assert refused.status_code == 429
    assert refused["RateLimit-Remaining"] == "0" and refused["Retry-After"] == refused["RateLimit-Reset"]


def test_no_rate_limit_headers_when_no_limit_applies(reader, settings, claims):
    settings.API_THROTTLE_RATES = {"key": None, "user": None, "anon": None}
    assert "RateLimit-Limit" not in reader.get(api("claims/"))


# --- If-Match is strong -------------------------------------------------------------------------------


def test_a_weak_etag_in_if_match_is_refused_with_a_message_that_says_so(client_for, claims):
    client = client_for("all")
    etag = client.get(api(f"claims/{claims[0].pk}/"))["ETag"]
    response = client.post(
        api(f"claims/{claims[0].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "n"},
        format="json",
        HTTP_IF_MATCH=f"W/{etag}",
    )
    error = assert_error(response, 412, "precondition_failed")
    assert "weak" in error["message"]
    assert Claim.objects.get(pk=claims[0].pk).verdict == "unreviewed"
    assert not Review.objects.filter(claim=claims[0]).exists()
    # The same tag, strong, is accepted.
    ok = client.post(
        api(f"claims/{claims[0].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "n"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert ok.status_code == 200, ok.content


# --- unknown query parameters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "query", "names"),
    [
        ("claims/", "verdicts=verified&page_size=2", {"verdicts"}),
        ("claims/", "speaker_id=3&artcle=4", {"speaker_id", "artcle"}),
        ("articles/", "q=flood", {"q"}),
        ("speakers/", "name=Berg", {"name"}),
        ("tombstones/", "updated_since=2024-01-01", {"updated_since"}),
        ("claims/{claim}/", "verdict=verified", {"verdict"}),
        ("claims/{claim}/sources/", "page_size=2", {"page_size"}),
    ],
)
def test_unknown_query_parameters_are_400_naming_them(path, query, names, reader, claims):
    error = assert_error(reader.get(api(path.format(claim=claims[0].pk)) + "?" + query), 400, "invalid")
    assert set(error["fields"]) == names
    assert all(name in error["message"] for name in names)


def test_known_parameters_and_format_are_accepted(reader, claims):
    assert reader.get(api("claims/?verdict=unreviewed&format=json&page_size=1")).status_code == 200
    assert reader.get(api(f"claims/{claims[0].pk}/?format=json")).status_code == 200


def test_a_write_with_query_parameters_is_refused(client_for):
    error = assert_error(
        client_for("submit").post(api("articles/?dry_run=1"), {"text": TEXT}, format="json"), 400, "invalid"
    )
    assert "dry_run" in error["fields"]


# --- the resource index -------------------------------------------------------------------------------


def test_the_api_root_lists_the_resources_to_anyone(client, reader):
    response = client.get("/api/v1/")
    assert response.status_code == 200, response.content
    index = response.json()
    assert set(index) >= {"claims", "articles", "speakers", "tombstones", "schema", "docs"}
    assert index["claims"] == "http://testserver/api/v1/claims/"
    assert reader.get(index["speakers"]).status_code == 200
    assert client.get(index["schema"]).status_code == 200


# --- JSON errors from below the views -----------------------------------------------------------------


def test_a_host_the_service_does_not_answer_to_is_a_json_400_under_the_api(reader, client):
    error = assert_error(reader.get(api("claims/"), HTTP_HOST="evil.example"), 400, "invalid_host")
    assert "Host" in error["message"]
    # Elsewhere the site's own error page stays.
    page = client.get("/health/", HTTP_HOST="evil.example")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("length", ["abc", "-1", " 5", "1e3", "0x10"])
def test_a_malformed_content_length_is_a_json_400(length, client_for):
    body = json.dumps({"text": TEXT}).encode()
    response = client_for("submit").post(api("articles/"), body, content_type="application/json", CONTENT_LENGTH=length)
    error = assert_error(response, 400, "parse_error")
    assert "Content-Length" in error["message"]


def chunked(client, path: str, body: bytes):
    """A request as gunicorn hands on a chunked body: de-chunked in wsgi.input, no Content-Length."""
    return client.generic(
        "POST",
        path,
        content_type="application/json",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body)},
    )


def test_a_chunked_body_is_read(client_for):
    response = chunked(client_for("submit"), api("articles/"), json.dumps({"text": TEXT}).encode())
    assert response.status_code == 202, response.content
    assert response.json()["body"] == TEXT


def test_a_chunked_body_over_the_limit_is_413(client_for, settings):
    settings.API_MAX_BODY_BYTES = 2048
    body = json.dumps({"text": "word " * 1000}).encode()
    error = assert_error(chunked(client_for("submit"), api("articles/"), body), 413, "payload_too_large")
    assert "2,048" in error["message"]


def test_a_chunked_body_is_not_read_for_a_caller_without_the_scope(client_for):
    stream = io.BytesIO(json.dumps({"text": TEXT}).encode())
    response = client_for("read").generic(
        "POST",
        api("articles/"),
        content_type="application/json",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": stream},
    )
    assert_error(response, 403, "permission_denied")
    assert stream.tell() == 0


@pytest.fixture(scope="module")
def gunicorn_url():
    """gunicorn with the project's gunicorn.conf.py; the requests below never reach Django."""
    port = free_port()
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "registry.wsgi:application", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    def listening() -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    try:
        assert wait_for(listening, timeout=30), "gunicorn did not start"
        yield ("127.0.0.1", port)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def raw_request(address, data: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(address, timeout=10) as s:
        s.sendall(data)
        received = b""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            chunk = s.recv(65536)
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def test_gunicorn_answers_a_too_long_request_line_in_the_json_error_shape(gunicorn_url):
    status, headers, body = raw_request(
        gunicorn_url, f"GET /api/v1/claims/?q={'a' * 6000} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    )
    assert status == 414
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "uri_too_long"


def test_gunicorn_answers_a_malformed_content_length_in_the_json_error_shape(gunicorn_url):
    status, headers, body = raw_request(
        gunicorn_url, b"POST /api/v1/articles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1x\r\n\r\n{}"
    )
    assert status == 400
    assert headers["Content-Type"] == "application/json"
    error = json.loads(body)["error"]
    assert error["code"] == "bad_request" and set(error) == {"code", "message", "fields"}
