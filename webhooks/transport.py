"""One endpoint's HTTP client: POSTs a signed body through the fetcher's SSRF-guarded connections, never
follows a redirect, and ends every request by a total deadline (a hanging or dripping endpoint included),
reading at most a few kilobytes of the answer."""

from __future__ import annotations

import time
from dataclasses import dataclass

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


class EndpointClient:
    """Sends one endpoint's deliveries one after another on a kept-alive connection.

    It speaks through httpcore's connection pool directly (httpx's client layer, which builds and copies
    request and response objects, cost as much CPU per delivery as the HTTP exchange itself), over the
    fetcher's guarded backend: every address checked at connect time, and never a redirect followed
    (httpcore does not follow them).
    """

    def __init__(self, *, connect_timeout: float | None = None, total_timeout: float | None = None):
        self.connect_timeout = connect_timeout or settings.REGISTRY_WEBHOOKS_CONNECT_TIMEOUT_MS / 1000
        self.total_timeout = total_timeout or settings.REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS / 1000
        # Every socket operation of a request is cut to this deadline, moved forward for each request.
        self._deadline = Deadline(0.0, self.total_timeout)
        allow = parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS)
        self._pool = httpcore.ConnectionPool(
            ssl_context=_shared_ssl_context(),
            max_connections=1,
            max_keepalive_connections=1,
            network_backend=_GuardedBackend(allow, self._deadline),
        )
        self._timeouts = {
            "connect": self.connect_timeout,
            "read": self.total_timeout,
            "write": self.total_timeout,
            "pool": self.connect_timeout,
        }

    def close(self) -> None:
        self._pool.close()

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

        request_headers = [(b"User-Agent", _USER_AGENT), (b"Content-Type", b"application/json")]
        request_headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        try:
            with self._pool.stream(
                "POST", url, headers=request_headers, content=body, extensions={"timeout": self._timeouts}
            ) as response:
                excerpt = bytearray()
                for chunk in response.iter_stream():
                    excerpt += chunk
                    if len(excerpt) >= EXCERPT_BYTES:
                        break  # the rest is never read: the connection is closed, not drained
                text = bytes(excerpt[:EXCERPT_BYTES]).decode("utf-8", errors="replace")
                status = response.status
                if 300 <= status < 400:
                    where = _header(response.headers, b"location")[:200]
                    return answer(status, f"HTTP {status}: redirects are not followed (Location: {where})", text)
                if not 200 <= status < 300:
                    return answer(status, f"HTTP {status}", text)
                return answer(status, "", text)
        except AddressRefused as exc:
            return answer(None, f"refused: {exc}")
        except httpcore.TimeoutException as exc:
            return answer(None, f"timed out after {self.total_timeout:g} s: {exc or type(exc).__name__}")
        except httpcore.ConnectError as exc:
            return answer(None, f"could not connect: {exc}")
        except (
            httpcore.NetworkError,
            httpcore.ProtocolError,
            httpcore.UnsupportedProtocol,
            OSError,
            ValueError,
        ) as exc:
            return answer(None, f"{type(exc).__name__}: {exc}")


_USER_AGENT = USER_AGENT.encode("ascii")


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return ""
