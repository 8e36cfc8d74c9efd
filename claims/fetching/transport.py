"""The bounded exchange: resolve and check every address, connect to a checked one, and read a capped body
with every socket operation cut to the fetch's deadline.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass, field

import httpcore
import httpx

from claims.fetching.guard import AddressRefused, IPAddress, IPNetwork, address_category, literal_ip
from claims.fetching.policy import FetchPolicy
from claims.fetching.result import Outcome


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses a host name resolves to (tests replace this to simulate DNS answers)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = sockaddr[0]
        if isinstance(address, str):  # IPv4 and IPv6 give (address, port, ...): nothing else is asked for
            addresses.append(ipaddress.ip_address(address.split("%", 1)[0]))
    return addresses


# getaddrinfo cannot be given a timeout, so lookups run in this pool and the fetch waits for them no
# longer than its limits allow. A lookup the fetch gave up on keeps its thread until the system
# resolver itself gives up (its own timeouts and retries); the pool's size bounds how many threads that
# can ever be. When every thread is taken, further lookups queue and give up by their own deadline
# (the queued call is cancelled, never run late). Sized like the default re-check thread count, so an
# ordinary batch never queues behind itself.
RESOLVER_THREADS = 16
_resolver_pool: tuple[int, ThreadPoolExecutor] | None = None
_resolver_lock = threading.Lock()


def _resolver() -> ThreadPoolExecutor:
    # One pool per process: a pool inherited through fork() has no running threads in the child
    # (Celery's prefork workers), so a child makes its own.
    global _resolver_pool
    with _resolver_lock:
        if _resolver_pool is None or _resolver_pool[0] != os.getpid():
            pool = ThreadPoolExecutor(max_workers=RESOLVER_THREADS, thread_name_prefix="fetch-dns")
            _resolver_pool = (os.getpid(), pool)
        return _resolver_pool[1]


def _resolve_within(host: str, port: int, limit: float | None, which: str = "") -> list[IPAddress]:
    """resolve(), waited for at most `limit` seconds (None: as long as it takes); `which` names the limit."""
    future = _resolver().submit(resolve, host, port)  # the module attribute, so tests can replace it
    if not wait_for([future], timeout=limit).done:
        future.cancel()  # still queued: never run; running: its answer is dropped
        said = f"name resolution of {host} took longer than {round(limit or 0, 2):g} s"
        raise httpcore.ConnectTimeout(f"{said} ({which})" if which else said)
    return future.result()


class Deadline:
    """The moment a whole fetch must be over; every socket operation's timeout is cut to what is left."""

    def __init__(self, at: float, total: float):
        self.at, self.total = at, total

    def message(self) -> str:
        return f"the whole fetch took longer than {self.total:g} s"

    def bound(self, timeout: float | None, expired: type[Exception]) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            raise expired(self.message())
        return left if timeout is None else min(timeout, left)

    def passed(self) -> bool:
        return time.monotonic() >= self.at


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the fetch's deadline.

    httpx's read timeout is per read: a server sending one header line a second never trips it.
    Bounding each read by the time left makes the total timeout hold from the first byte of the
    headers to the last byte of the body.
    """

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline):
        self._inner, self._deadline = inner, deadline

    def _guard(self, op, timeout, expired: type[Exception], *args):
        try:
            return op(*args, timeout=self._deadline.bound(timeout, expired))
        except httpcore.TimeoutException as exc:
            if self._deadline.passed():
                raise expired(self._deadline.message()) from exc
            raise

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._guard(self._inner.read, timeout, httpcore.ReadTimeout, max_bytes)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._guard(self._inner.write, timeout, httpcore.WriteTimeout, buffer)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        inner = self._guard(self._inner.start_tls, timeout, httpcore.ConnectTimeout, ssl_context, server_hostname)
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks every address, then connects to a checked address (never re-resolving).

    The connections it makes end by the fetch's deadline (see _DeadlineStream).
    """

    def __init__(self, allow: tuple[IPNetwork, ...], deadline: Deadline | None = None):
        self.allow = allow
        self.deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self._connect(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self.deadline) if self.deadline else stream

    def _connect(self, host, port, timeout, local_address, socket_options):
        literal = literal_ip(host)
        if literal is not None:
            addresses = [literal]
        else:
            # Bounded by the connect timeout and by what is left of the whole fetch.
            limit, which = timeout, "the connect timeout"
            if self.deadline:
                limit = self.deadline.bound(timeout, httpcore.ConnectTimeout)
                if timeout is None or limit < timeout:
                    which = f"what was left of the whole fetch's {self.deadline.total:g} s"
            try:
                addresses = _resolve_within(host, port, limit, which)
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"could not resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        for ip in addresses:
            why = address_category(ip, self.allow)
            if why:
                raise AddressRefused(f"{ip} is {why}" if literal is not None else f"{host} resolves to {ip}, {why}")
        last: Exception | None = None
        for ip in dict.fromkeys(addresses):  # first reachable address, in resolver order
            if self.deadline:
                timeout = self.deadline.bound(timeout, httpcore.ConnectTimeout)
            try:
                return super().connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last


_ssl_context: ssl.SSLContext | None = None
_ssl_lock = threading.Lock()


def _shared_ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes milliseconds; one context is safe to share between threads.
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            _ssl_context = httpx.create_ssl_context()
        return _ssl_context


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on our own connection pool (guarded backend, shared TLS context).

    HTTPTransport.__init__ is skipped on purpose: it would build a fresh TLS context (tens of
    milliseconds of CA loading) for every fetch, and the pool is all its methods use.
    """

    def __init__(self, policy: FetchPolicy, deadline: Deadline | None = None):
        self._pool = httpcore.ConnectionPool(
            ssl_context=_shared_ssl_context(),
            max_connections=4,
            max_keepalive_connections=0,
            network_backend=_GuardedBackend(policy.allow_networks, deadline),
        )


REDIRECTS = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5"


@dataclass
class _Attempt:
    status: int
    headers: httpx.Headers
    body: bytes
    charset: str | None
    error: str = ""
    outcome: str = Outcome.RESPONSE
    extra: dict = field(default_factory=dict)


def send(client: httpx.Client, url: str, policy: FetchPolicy, deadline: float) -> _Attempt:
    remaining = max(0.05, deadline - time.monotonic())
    timeout = httpx.Timeout(
        connect=min(policy.connect_timeout, remaining),
        read=min(policy.read_timeout, remaining),
        write=min(policy.read_timeout, remaining),
        pool=min(policy.connect_timeout, remaining),
    )
    with client.stream("GET", url, timeout=timeout) as response:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            return _Attempt(
                response.status_code, response.headers, b"", response.charset_encoding,
                error=f"the body is {int(declared):,} bytes, over the {policy.max_bytes:,}-byte limit",
                outcome=Outcome.TOO_LARGE,
            )  # fmt: skip
        body = b""
        if response.status_code not in REDIRECTS:
            read = _read_body(response, policy, deadline)
            if read is None:
                return _Attempt(
                    response.status_code, response.headers, b"", response.charset_encoding,
                    error=f"the body is over the {policy.max_bytes:,}-byte limit",
                    outcome=Outcome.TOO_LARGE,
                )  # fmt: skip
            body = read
        return _Attempt(response.status_code, response.headers, body, response.charset_encoding)


# What we ask for and can decode, each chunk with a bounded output (httpx's own decoders inflate a
# whole chunk at once: 64 KB of a gzip bomb becomes 64 MB before any cap is looked at).
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


def _read_body(response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes | None:
    """The decoded body, or None when it is over the cap; reading stops as soon as the cap is passed."""
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1 or (codings and codings[0] not in _WBITS):
        raise httpx.DecodingError(f"the body is in an encoding the fetcher does not decode ({', '.join(codings)})")
    coding = codings[0] if codings else None
    inflater = zlib.decompressobj(_WBITS[coding]) if coding else None
    started = False  # "deflate" is zlib-wrapped by the standard, raw in some servers' practice
    body = bytearray()
    for raw in response.iter_raw():
        data = raw
        while data:
            if inflater is None:
                out, data = data, b""
            else:
                try:
                    # At most one byte past the cap: enough to know the cap is passed.
                    out = inflater.decompress(data, policy.max_bytes - len(body) + 1)
                except zlib.error as exc:
                    if coding != "deflate" or started:
                        raise httpx.DecodingError(f"the body could not be decompressed ({coding}: {exc})") from exc
                    inflater, started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                started = True
                data = inflater.unconsumed_tail
            body += out
            if len(body) > policy.max_bytes:
                return None
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout(f"the whole fetch took longer than {policy.total_timeout:g} s")
    return bytes(body)
