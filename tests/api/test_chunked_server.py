"""Chunked request bodies through a real server (gunicorn de-chunks them; Django's test client cannot send
them): read with the same limit as any body, 413 beyond it, and never read for a caller refused before."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.test_http import raw_request
from tests.recheck.procs import free_port, wait_for

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 4096
TEXT = "The harbour authority said on Monday that 300 ships used the port last year."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn on a fresh embedded database of its own (a SQLite file), with an API key made by the command."""
    folder = tmp_path_factory.mktemp("chunked")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(SQLITE_PATH=str(folder / "db.sqlite3"), DJANGO_DEBUG="true", API_MAX_BODY_BYTES=str(LIMIT))
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    made = subprocess.run(
        [*manage, "create_api_key", "chunked", "--scopes", "read,submit"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    key = made.stdout.strip().splitlines()[-1]
    port = free_port()
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "registry.wsgi:application", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    def listening() -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    try:
        assert wait_for(listening, timeout=30), "gunicorn did not start"
        yield ("127.0.0.1", port), key
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def _chunked_post(address, key: str | None, body: bytes, chunk: int = 1000):
    head = (
        "POST /api/v1/articles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n"
        + (f"Authorization: Api-Key {key}\r\n" if key else "")
        + "\r\n"
    ).encode()
    chunks = b"".join(
        f"{len(body[i : i + chunk]):x}\r\n".encode() + body[i : i + chunk] + b"\r\n" for i in range(0, len(body), chunk)
    )
    return raw_request(address, head + chunks + b"0\r\n\r\n")


def test_a_chunked_body_is_read_through_a_real_server(server):
    address, key = server
    status, _headers, body = _chunked_post(address, key, json.dumps({"text": TEXT}).encode(), chunk=20)
    assert status == 202, body[:500]
    assert json.loads(body)["body"] == TEXT


def test_a_chunked_body_over_the_limit_is_413_through_a_real_server(server):
    address, key = server
    status, _headers, body = _chunked_post(address, key, json.dumps({"text": "word " * 2000}).encode())
    assert status == 413, body[:500]
    error = json.loads(body)["error"]
    assert error["code"] == "payload_too_large" and "4,096" in error["message"]


def test_a_chunked_body_without_credentials_is_refused_not_read(server):
    address, _key = server
    status, _headers, body = _chunked_post(address, None, json.dumps({"text": TEXT}).encode())
    assert status == 401 and json.loads(body)["error"]["code"] == "not_authenticated"
