"""One endpoint's HTTP client: POSTs a signed body through the fetcher's SSRF-guarded connections, never
follows a redirect, and ends every request by a total deadline (a hanging or dripping endpoint included),
reading at most a few kilobytes of the answer."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
from django.conf import settings

from claims.fetching.guard import AddressRefused, parse_networks
from claims.fetching.transport import Deadline, _GuardedBackend, _shared_ssl_context

EXCERPT_BYTES = 1000
USER_AGENT = "ClaimRegistry-Webhooks/1.0"


@dataclass(frozen=True)
class Answer:
    ok: bool
    status_code: int | None
    latency_ms: int
    error: str = ""
    excerpt: str = ""


class _Closed(Exception):
    """The server closed a kept-alive connection before answering (it may close an idle one at any time)."""


class EndpointClient:
    """Sends one endpoint's deliveries one after another on one kept-alive HTTP/1.1 connection.

    A small HTTP/1.1 client of its own, over the fetcher's guarded backend (every address checked at
    connect time, each socket operation cut to the request's total deadline): httpx and httpcore, which
    build and validate request and response objects through several layers, cost more CPU per delivery
    than everything else the delivery does, and a webhooks worker spends its CPU on just this exchange.
    It sends one POST with a Content-Length, reads the status and headers, and at most EXCERPT_BYTES of the
    body (Content-Length, chunked, or until close); a connection is kept only when its answer was read to
    the end and the server did not ask to close it. Redirects are never followed.
    """

    def __init__(self, *, connect_timeout: float | None = None, total_timeout: float | None = None):
        self.connect_timeout = connect_timeout or settings.REGISTRY_WEBHOOKS_CONNECT_TIMEOUT_MS / 1000
        self.total_timeout = total_timeout or settings.REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS / 1000
        # Every socket operation of a request is cut to this deadline, moved forward for each request.
        self._deadline = Deadline(0.0, self.total_timeout)
        self._backend = _GuardedBackend(parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS), self._deadline)
        self._stream: httpcore.NetworkStream | None = None
        self._origin: tuple[str, str, int] | None = None
        self._buffer = bytearray()

    def close(self) -> None:
        stream, self._stream, self._origin = self._stream, None, None
        self._buffer.clear()
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()

    def __enter__(self) -> EndpointClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def post(self, url: str, headers: dict[str, str], body: bytes) -> Answer:
        started = time.monotonic()
        self._deadline.at = started + self.total_timeout

        def answer(status: int | None, error: str = "", excerpt: str = "") -> Answer:
            ok = status is not None and 200 <= status < 300 and not error
            return Answer(ok, status, int((time.monotonic() - started) * 1000), error[:500], excerpt)

        try:
            try:
                status, location, raw = self._exchange(url, headers, body)
            except _Closed:
                self.close()  # an idle kept-alive connection the server had closed: once on a new one
                status, location, raw = self._exchange(url, headers, body)
        except AddressRefused as exc:
            self.close()
            return answer(None, f"refused: {exc}")
        except httpcore.TimeoutException as exc:
            self.close()
            return answer(None, f"timed out after {self.total_timeout:g} s: {exc or type(exc).__name__}")
        except httpcore.ConnectError as exc:
            self.close()
            return answer(None, f"could not connect: {exc}")
        except (_Closed, httpcore.NetworkError, httpcore.ProtocolError, OSError, ValueError) as exc:
            self.close()
            name = "RemoteProtocolError" if isinstance(exc, _Closed) else type(exc).__name__
            return answer(None, f"{name}: {exc}")
        except BaseException:
            self.close()
            raise
        text = raw[:EXCERPT_BYTES].decode("utf-8", errors="replace")
        if 300 <= status < 400:
            return answer(status, f"HTTP {status}: redirects are not followed (Location: {location[:200]})", text)
        if not 200 <= status < 300:
            return answer(status, f"HTTP {status}", text)
        return answer(status, "", text)

    # --- the exchange --------------------------------------------------------------------------------

    def _connect(self, origin: tuple[str, str, int]) -> httpcore.NetworkStream:
        scheme, host, port = origin
        stream = self._backend.connect_tcp(host, port, timeout=self.connect_timeout)
        if scheme == "https":
            stream = stream.start_tls(_shared_ssl_context(), server_hostname=host, timeout=self.connect_timeout)
        self._stream, self._origin = stream, origin
        self._buffer.clear()
        return stream

    def _exchange(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int, str, bytes]:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
        if scheme not in ("http", "https") or not host:
            raise ValueError(f"not an http(s) URL: {url[:200]}")
        default = 443 if scheme == "https" else 80
        port = parts.port or default
        origin = (scheme, host, port)
        reused = self._stream is not None and self._origin == origin
        if not reused:
            self.close()
        stream = self._stream if reused else self._connect(origin)
        assert stream is not None
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = (f"[{host}]" if ":" in host else host) + ("" if port == default else f":{port}")
        lines = [
            f"POST {target} HTTP/1.1",
            f"Host: {host_header}",
            f"User-Agent: {USER_AGENT}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
        ]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if any(c in value for value in (target, *headers.values()) for c in "\r\n"):
            raise ValueError("a line break in the request line or a header")
        try:
            stream.write(head + body, timeout=self.total_timeout)
        except (httpcore.WriteError, OSError) as exc:
            if reused:
                raise _Closed(str(exc) or "the connection was closed") from exc
            raise
        status, keep, length, chunked, location = self._read_head(stream, reused)
        if status in (204, 304):
            raw, complete = b"", True
        elif chunked:
            raw, complete = self._read_chunked(stream)
        elif length is not None:
            raw = self._read_exactly(stream, min(length, EXCERPT_BYTES))
            complete = length <= EXCERPT_BYTES
        else:
            raw, complete, keep = self._read_until_close(stream), False, False
        if not (keep and complete):
            self.close()  # the rest is never read: the connection is closed, not drained
        return status, location, raw

    def _fill(self, stream: httpcore.NetworkStream) -> bool:
        data = stream.read(65536, timeout=self.total_timeout)
        self._buffer += data
        return bool(data)

    def _read_head(self, stream: httpcore.NetworkStream, reused: bool) -> tuple[int, bool, int | None, bool, str]:
        while True:  # 1xx interim answers are skipped
            first = True
            while (end := self._buffer.find(b"\r\n\r\n")) < 0:
                if len(self._buffer) > MAX_HEAD_BYTES:
                    raise httpcore.RemoteProtocolError("the answer's headers are too long")
                try:
                    got = self._fill(stream)
                except httpcore.ReadError as exc:
                    if reused and first and not self._buffer:
                        raise _Closed(str(exc) or "the connection was reset") from exc
                    raise
                if not got:
                    if reused and first and not self._buffer:
                        raise _Closed("Server disconnected without sending a response.")
                    raise httpcore.RemoteProtocolError("Server disconnected without sending a response.")
                first = False
            head = bytes(self._buffer[:end]).decode("latin-1")
            del self._buffer[: end + 4]
            status_line, *header_lines = head.split("\r\n")
            version, _, rest = status_line.partition(" ")
            code = rest[:3]
            if not version.startswith("HTTP/1.") or not code.isdigit():
                raise httpcore.RemoteProtocolError(f"not an HTTP/1 status line: {status_line[:100]!r}")
            status = int(code)
            if 100 <= status < 200:
                continue
            fields: dict[str, str] = {}
            for line in header_lines:
                name, sep, value = line.partition(":")
                if not sep:
                    raise httpcore.RemoteProtocolError(f"a malformed header line: {line[:100]!r}")
                name = name.strip().lower()
                fields[name] = f"{fields[name]}, {value.strip()}" if name in fields else value.strip()
            connection = fields.get("connection", "").lower()
            keep = "close" not in connection and (version != "HTTP/1.0" or "keep-alive" in connection)
            chunked = "chunked" in fields.get("transfer-encoding", "").lower()
            length: int | None = None
            if not chunked and "content-length" in fields:
                value = fields["content-length"].split(",")[0].strip()
                if not value.isdigit():
                    raise httpcore.RemoteProtocolError(f"a malformed Content-Length: {value[:50]!r}")
                length = int(value)
            return status, keep, length, chunked, fields.get("location", "")

    def _read_exactly(self, stream: httpcore.NetworkStream, size: int) -> bytes:
        while len(self._buffer) < size:
            if not self._fill(stream):
                raise httpcore.RemoteProtocolError("Server disconnected before the end of the answer.")
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _read_line(self, stream: httpcore.NetworkStream) -> bytes:
        while (end := self._buffer.find(b"\r\n")) < 0:
            if len(self._buffer) > MAX_HEAD_BYTES:
                raise httpcore.RemoteProtocolError("a chunk header line is too long")
            if not self._fill(stream):
                raise httpcore.RemoteProtocolError("Server disconnected before the end of the answer.")
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 2]
        return line

    def _read_chunked(self, stream: httpcore.NetworkStream) -> tuple[bytes, bool]:
        """The body's first EXCERPT_BYTES, and whether it ended (then the connection can be kept)."""
        body = bytearray()
        while len(body) < EXCERPT_BYTES:
            size_text = self._read_line(stream).split(b";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise httpcore.RemoteProtocolError(f"a malformed chunk size: {size_text[:20]!r}") from None
            if size == 0:
                while self._read_line(stream):  # trailers, up to the empty line
                    pass
                return bytes(body), True
            if len(body) + size > EXCERPT_BYTES:
                body += self._read_exactly(stream, EXCERPT_BYTES - len(body))
                return bytes(body), False
            body += self._read_exactly(stream, size)
            self._read_exactly(stream, 2)
        return bytes(body), False

    def _read_until_close(self, stream: httpcore.NetworkStream) -> bytes:
        while len(self._buffer) < EXCERPT_BYTES and self._fill(stream):
            pass
        return bytes(self._buffer[:EXCERPT_BYTES])


MAX_HEAD_BYTES = 64 * 1024
