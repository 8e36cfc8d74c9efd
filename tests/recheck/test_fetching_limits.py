"""The fetcher's limits hold against hostile servers: headers dripping in, compressed bombs."""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from claims.fetching import FetchPolicy, Outcome, fetch
from tests.recheck.conftest import Reply

pytestmark = pytest.mark.django_db  # settings-backed policy; no database writes


def policy(**kwargs) -> FetchPolicy:
    return FetchPolicy.from_settings(**kwargs)


class DrippingServer:
    """Answers every connection with a status line, then one header line every `every` seconds, forever."""

    def __init__(self, every: float, tls_like_garbage: bool = False) -> None:
        self.every = every
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                for i in range(400):
                    if self.stop.wait(self.every):
                        return
                    conn.sendall(f"X-Drip-{i}: {'x' * 20}\r\n".encode())
            except OSError:
                return  # the client hung up: what we want

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def dripping(settings) -> Iterator[DrippingServer]:
    settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS = ["127.0.0.1/32"]
    server = DrippingServer(every=0.2)
    yield server
    server.close()


def test_the_total_timeout_holds_while_headers_drip_in(dripping):
    # Each header line comes well within the read timeout, so only the total timeout can stop this.
    started = time.monotonic()
    result = fetch(f"http://127.0.0.1:{dripping.port}/", policy=policy(read_timeout=5, total_timeout=1.5))
    elapsed = time.monotonic() - started
    assert result.outcome == Outcome.TIMEOUT, result
    assert "longer than 1.5 s" in result.error
    assert 1.4 <= elapsed < 2.5


def gzip_of_zeros(size: int) -> bytes:
    """A gzip member of `size` zero bytes, built in slices (the bomb is never whole in memory here)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(size >> 20)]
    parts.append(packer.flush())
    return b"".join(parts)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_of_zeros(200 << 20)  # 200 MB of zeros in about 200 KB


@pytest.mark.parametrize("declared", [True, False])
def test_a_gzip_bomb_is_decompressed_only_up_to_the_cap(local_server, bomb, declared):
    local_server.routes["/bomb"] = Reply(
        body=bomb, content_type="text/plain", headers={"Content-Encoding": "gzip"}, content_length=declared
    )
    cap = 5_000_000
    tracemalloc.start()
    try:
        result = fetch(local_server.url("/bomb"), policy=policy(max_bytes=cap, total_timeout=30))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.outcome == Outcome.TOO_LARGE
    assert result.body == b""
    # The body up to the cap (and a copy of it) plus buffers: far below what one whole chunk inflates to.
    assert peak < 4 * cap, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", lambda data: zlib.compress(data, wbits=zlib.MAX_WBITS | 16)),
        ("x-gzip", lambda data: zlib.compress(data, wbits=zlib.MAX_WBITS | 16)),
        ("deflate", zlib.compress),  # zlib-wrapped, as the standard says
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # raw, as some servers send
        ("identity", lambda data: data),
    ],
)
def test_compressed_pages_are_read_whole_under_the_cap(local_server, encoding, packed):
    text = "Twelve schools will close, the minister said. " * 2000
    local_server.routes["/page"] = Reply(
        body=packed(text.encode()), content_type="text/plain; charset=utf-8", headers={"Content-Encoding": encoding}
    )
    result = fetch(local_server.url("/page"), policy=policy(max_bytes=200_000))
    assert result.ok, result.error
    assert result.text() == text


def test_a_page_just_over_the_cap_after_decompression_is_too_large(local_server):
    local_server.routes["/page"] = Reply(
        body=zlib.compress(b"a" * 100_001, wbits=zlib.MAX_WBITS | 16),
        content_type="text/plain",
        headers={"Content-Encoding": "gzip"},
    )
    assert fetch(local_server.url("/page"), policy=policy(max_bytes=100_000)).outcome == Outcome.TOO_LARGE
    local_server.routes["/page"].body = zlib.compress(b"a" * 100_000, wbits=zlib.MAX_WBITS | 16)
    assert fetch(local_server.url("/page"), policy=policy(max_bytes=100_000)).ok


@pytest.mark.parametrize(
    ("encoding", "body", "reason"),
    [
        ("br", b"\x1b\x03\x00", "br"),
        ("gzip", b"this is not gzip at all", "could not be decompressed"),
    ],
)
def test_unknown_or_corrupt_encodings_are_protocol_failures(local_server, encoding, body, reason):
    local_server.routes["/page"] = Reply(body=body, content_type="text/plain", headers={"Content-Encoding": encoding})
    result = fetch(local_server.url("/page"), policy=policy())
    assert result.outcome == Outcome.PROTOCOL
    assert reason in result.error


def test_only_encodings_the_fetcher_decodes_are_asked_for(local_server):
    seen: list[str] = []

    def record(server, path):
        return Reply(body="fine", content_type="text/plain")

    local_server.routes["/page"] = record
    original = local_server._serve

    def spy(request):
        seen.append(request.headers.get("Accept-Encoding", ""))
        original(request)

    local_server._serve = spy
    assert fetch(local_server.url("/page"), policy=policy()).ok
    assert seen == ["gzip, deflate"]
