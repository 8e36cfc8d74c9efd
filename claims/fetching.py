"""The one way the registry fetches a URL someone else gave it: bounded, polite, and never inward.

Every outgoing request (source re-checks, article-by-URL ingestion) goes through ``fetch()``:

* http/https only, no credentials in URLs, a clear User-Agent, connect/read/total timeouts, a maximum
  body size (counted after decompression, so a gzip bomb stops at the cap), at most N redirects,
  each followed by hand so that every hop is checked like the first.
* SSRF guard: the host is resolved *by us* at connect time, every resolved address is checked (one
  bad address refuses the host, so a name mixing public and private records cannot be used), and the
  socket is connected to the checked address itself -- a DNS answer cannot change between the check
  and the connection. The lookup runs in a small shared thread pool and is waited for no longer than
  the connect timeout and the time left, so a stalled resolver cannot hold a fetch past its deadline.
  Loopback, private, link-local, carrier-grade NAT, multicast, reserved, documentation and
  cloud-metadata addresses are refused, including IPv4 hidden in IPv6 (``::ffff:127.0.0.1``, 6to4, NAT64; mapped, translated and local-use NAT64 forms are refused
  whatever they carry) and the numeric host spellings that resolvers accept
  (``2130706433``, ``0x7f000001``, ``017700000001``, ``127.1``). Proxies from the environment are
  ignored: a proxy would connect on our behalf and bypass the guard.
* ``REGISTRY_FETCH_TEST_ALLOW_NETWORKS`` lets tests reach a local server; settings refuse it in
  production mode, and metadata addresses stay refused whatever it says.
* Per-host politeness: at most ``REGISTRY_FETCH_PER_HOST_LIMIT`` requests in flight per host and a
  minimum delay between request starts, shared across worker processes through Redis when
  ``REDIS_URL`` is set (in-process otherwise). A 429/503 with ``Retry-After`` pauses the host for
  everyone; short pauses are waited out, long ones are reported so the caller can come back later.

Nothing here touches the database, so fetches can run in threads.
"""

from __future__ import annotations

import codecs
import email.utils
import hashlib
import html
import ipaddress
import logging
import os
import random
import re
import socket
import ssl
import threading
import time
import unicodedata
import uuid
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


# --- what a fetch can end in --------------------------------------------------------------------


class Outcome:
    """How a fetch ended. RESPONSE means a status code arrived (which may still be a 404)."""

    RESPONSE = "response"
    REFUSED = "refused"  # the URL or an address it resolves to is not allowed: permanent
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    CONNECT = "connect"  # DNS failure, connection refused, TLS failure
    PROTOCOL = "protocol"  # malformed response
    TOO_MANY_REDIRECTS = "too_many_redirects"
    RATE_LIMITED = "rate_limited"  # the host asked us to wait (Retry-After): not the link's fault
    HOST_BUSY = "host_busy"  # our own per-host limit had no free slot in time: not the link's fault

    DEFERRED = frozenset({RATE_LIMITED, HOST_BUSY})


@dataclass(frozen=True)
class FetchResult:
    url: str
    outcome: str
    final_url: str = ""
    status_code: int | None = None
    content_type: str = ""
    body: bytes = b""
    elapsed_ms: int = 0
    redirects: tuple[str, ...] = ()
    error: str = ""
    retry_after: float | None = None
    charset: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.RESPONSE and self.status_code is not None and 200 <= self.status_code < 300

    @property
    def deferred(self) -> bool:
        """True when nothing was learnt about the link itself: try again later."""
        return self.outcome in Outcome.DEFERRED or (
            self.outcome == Outcome.RESPONSE and self.status_code in (429, 503) and self.retry_after is not None
        )

    @property
    def content_hash(self) -> str:
        """Hash of the page's text for text types (so markup churn does not count), of the bytes otherwise."""
        text = self.text()
        data = " ".join(text.split()).encode("utf-8") if text is not None else self.body
        return hashlib.sha256(data).hexdigest() if (self.body or text) else ""

    @property
    def kind(self) -> str:
        """html, text, pdf or other: what the body is, so it is never parsed blindly."""
        return content_kind(self.content_type)

    def text(self) -> str | None:
        """The readable text of an HTML or text body; None for PDF and other binary types."""
        kind = self.kind
        if kind not in ("html", "text"):
            return None
        decoded = self.body.decode(_codec(self.charset), errors="replace")
        return html_to_text(decoded) if kind == "html" else decoded


def content_kind(content_type: str) -> str:
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime.startswith("text/") or mime in ("application/json", "application/xml"):
        return "text"
    if mime == "application/pdf":
        return "pdf"
    return "other"


def _codec(charset: str | None) -> str:
    try:
        return codecs.lookup(charset or "utf-8").name
    except LookupError:
        return "utf-8"


class _TextCollector(HTMLParser):
    """Visible text of a page: script/style/template content dropped, block boundaries kept as spaces."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextCollector()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # malformed markup: fall back to a crude strip rather than fail the check
        return html.unescape(re.sub(r"<[^>]{0,2000}>", " ", markup))
    return "".join(parser.parts)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[\W_]+")


def normalise_for_match(text: str) -> str:
    """Fold case, width, quotes and punctuation so an excerpt copied by hand still matches the page."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def excerpt_in(text: str, excerpt: str) -> bool:
    needle = normalise_for_match(excerpt)
    return bool(needle) and needle in normalise_for_match(text)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 7 * 86400))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - (now or datetime.now(UTC))).total_seconds(), 7 * 86400.0))


# --- the address guard --------------------------------------------------------------------------


def _nets(*specs: tuple[str, str]) -> tuple[tuple[IPNetwork, str], ...]:
    return tuple((ipaddress.ip_network(net), why) for net, why in specs)


# Explicit, so the answer does not depend on the Python version's idea of "global".
_BLOCKED = _nets(
    ("0.0.0.0/8", "a 'this network' address"),
    ("10.0.0.0/8", "a private network address"),
    ("100.64.0.0/10", "a carrier-grade NAT address"),
    ("127.0.0.0/8", "a loopback address"),
    ("169.254.0.0/16", "a link-local address"),
    ("172.16.0.0/12", "a private network address"),
    ("192.0.0.0/24", "an IETF protocol address"),
    ("192.0.2.0/24", "a documentation address"),
    ("192.88.99.0/24", "a 6to4 relay address"),
    ("192.168.0.0/16", "a private network address"),
    ("198.18.0.0/15", "a benchmarking address"),
    ("198.51.100.0/24", "a documentation address"),
    ("203.0.113.0/24", "a documentation address"),
    ("224.0.0.0/4", "a multicast address"),
    ("240.0.0.0/4", "a reserved address"),
    ("255.255.255.255/32", "the broadcast address"),
    ("::/128", "the unspecified address"),
    ("::1/128", "a loopback address"),
    ("::/96", "an IPv4-compatible (deprecated) address"),
    ("100::/64", "a discard-only address"),
    ("2001::/23", "an IETF protocol address"),
    ("2001:db8::/32", "a documentation address"),
    ("3fff::/20", "a documentation address"),
    ("5f00::/16", "a segment-routing address"),
    ("fc00::/7", "a unique-local (private) address"),
    ("fe80::/10", "a link-local address"),
    ("fec0::/10", "a site-local (deprecated) address"),
    ("ff00::/8", "a multicast address"),
)
# Cloud instance metadata and platform endpoints: refused even when a test range would allow them.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean...
        "169.254.170.2",  # AWS ECS task metadata
        "169.254.169.123",  # AWS time sync
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
        "168.63.129.16",  # Azure platform (a public-looking address)
        "fd00:ec2::254",  # AWS over IPv6
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# IPv6 forms of IPv4 refused whatever IPv4 address they carry (that address is judged first, for the
# reason). A mapped address is the IPv4 address itself: a public host has no reason to publish one.
# Translated (SIIT) and local-use NAT64 addresses go through a translator the operator of the
# network chose, to wherever it was set up to reach -- possibly inward.
_IPV4_FORMS_REFUSED = _nets(
    ("::ffff:0:0/96", "an IPv4-mapped address"),
    ("::ffff:0:0:0/96", "an IPv4-translated address"),
    ("64:ff9b:1::/48", "a local-use NAT64 address"),
)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, translated, 6to4, NAT64): where it really goes.

    For local-use NAT64 the last 32 bits are read (the /96 layout); other layouts are refused anyway.
    """
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or any(ip in net for net, _ in _IPV4_FORMS_REFUSED):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_category(ip: IPAddress, allow: tuple[IPNetwork, ...] = ()) -> str | None:
    """What kind of forbidden address this is ("a loopback address (127.0.0.0/8)"), None when allowed."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(str(ip).split("%", 1)[0])
        inner = _embedded_ipv4(ip)
        if inner is not None:
            why = address_category(inner, allow)
            if why:
                return f"a form of the IPv4 address {inner}, {why}"
            for net, why in _IPV4_FORMS_REFUSED:
                if ip in net:
                    return f"{why} ({net}) carrying {inner}"
            return None
    if ip in _METADATA:
        return "a cloud metadata address"
    if any(ip in net for net in allow if net.version == ip.version):
        return None
    for net, why in _BLOCKED:
        if net.version == ip.version and ip in net:
            return f"{why} ({net})"
    if not ip.is_global:
        return "not a public address"
    return None


def address_refusal(ip: IPAddress, allow: tuple[IPNetwork, ...] = ()) -> str | None:
    """Why the registry must not connect to this address, or None when it may."""
    why = address_category(ip, allow)
    return f"{ip} is {why}" if why else None


_NUMERIC_PART = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)


def _numeric_host(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address behind the numeric spellings resolvers accept (decimal, octal, hex, short forms)."""
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMERIC_PART.match(p) for p in parts):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
    except (OSError, ValueError):
        return None


def _literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


class AddressRefused(Exception):
    """The URL or an address it resolves to is not allowed. Not an httpx error: it is never retried."""


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "ClaimRegistryBot/1.0 (+source link checker)"
    per_host_limit: int = 4
    host_delay: float = 0.25
    # Retry-After pauses up to this long are waited out; longer ones end the fetch as rate-limited.
    retry_after_max_wait: float = 10.0
    allow_networks: tuple[IPNetwork, ...] = ()
    redis_url: str | None = None

    @classmethod
    def from_settings(cls, **overrides) -> FetchPolicy:
        from django.conf import settings

        values: dict[str, Any] = dict(
            connect_timeout=settings.REGISTRY_FETCH_CONNECT_TIMEOUT_MS / 1000,
            read_timeout=settings.REGISTRY_FETCH_READ_TIMEOUT_MS / 1000,
            total_timeout=settings.REGISTRY_FETCH_TOTAL_TIMEOUT_MS / 1000,
            max_bytes=settings.REGISTRY_FETCH_MAX_BYTES,
            max_redirects=settings.REGISTRY_FETCH_MAX_REDIRECTS,
            user_agent=settings.REGISTRY_FETCH_USER_AGENT,
            per_host_limit=settings.REGISTRY_FETCH_PER_HOST_LIMIT,
            host_delay=settings.REGISTRY_FETCH_HOST_DELAY_MS / 1000,
            retry_after_max_wait=settings.REGISTRY_FETCH_RETRY_AFTER_MAX_WAIT_S,
            allow_networks=parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS),
            redis_url=settings.REDIS_URL,
        )
        values.update(overrides)
        return cls(**values)


def parse_networks(specs) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(s.strip(), strict=False) for s in specs if s.strip())


def url_refusal(url: str, policy: FetchPolicy | None = None) -> str | None:
    """Why this URL must not be fetched, judged without any network access (None: go on to resolve it)."""
    allow = policy.allow_networks if policy else ()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"the URL is malformed ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'a URL without a scheme'}"
    if parts.username is not None or parts.password is not None:
        return "URLs with credentials are not fetched"
    host = (parts.hostname or "").strip()
    if not host:
        return "the URL has no host"
    if port == 0:
        return "port 0 is not a valid port"
    literal = _literal_ip(host)
    if literal is not None:
        return address_refusal(literal, allow)
    numeric = _numeric_host(host)
    if numeric is not None:
        why = address_category(numeric, allow)
        if why:
            return f"the host {host} is the address {numeric} in another notation, {why}"
        return f"the host {host} is a numeric address in a non-standard notation ({numeric})"
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} names this machine"
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses a host name resolves to (tests replace this to simulate DNS answers)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


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


class _Deadline:
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

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline):
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

    def __init__(self, allow: tuple[IPNetwork, ...], deadline: _Deadline | None = None):
        self.allow = allow
        self.deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self._connect(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self.deadline) if self.deadline else stream

    def _connect(self, host, port, timeout, local_address, socket_options):
        literal = _literal_ip(host)
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


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on our own connection pool (guarded backend, shared TLS context).

    HTTPTransport.__init__ is skipped on purpose: it would build a fresh TLS context (tens of
    milliseconds of CA loading) for every fetch, and the pool is all its methods use.
    """

    def __init__(self, policy: FetchPolicy, deadline: _Deadline | None = None):
        self._pool = httpcore.ConnectionPool(
            ssl_context=_shared_ssl_context(),
            max_connections=4,
            max_keepalive_connections=0,
            network_backend=_GuardedBackend(policy.allow_networks, deadline),
        )


# --- per-host politeness ------------------------------------------------------------------------


class HostBusy(Exception):
    """No free per-host slot before the deadline."""


class HostCoolingDown(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"the host asked to wait {seconds:.0f} s")
        self.seconds = seconds


def host_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        port = 0
    return f"{host}:{port}"


@dataclass
class _HostState:
    slots: threading.BoundedSemaphore
    next_start: float = 0.0
    cool_until: float = 0.0


class LocalLimiter:
    """Per-host limits within one process (threads of a worker, or the --now command)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[tuple[str, int], _HostState] = {}

    def _state(self, key: str, limit: int) -> _HostState:
        with self._lock:
            state = self._hosts.get((key, limit))
            if state is None:
                state = self._hosts[(key, limit)] = _HostState(threading.BoundedSemaphore(max(1, limit)))
            return state

    def cool_down(self, key: str, seconds: float, policy: FetchPolicy) -> None:
        state = self._state(key, policy.per_host_limit)
        with self._lock:
            state.cool_until = max(state.cool_until, time.monotonic() + seconds)

    @contextmanager
    def slot(self, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
        state = self._state(key, policy.per_host_limit)
        _wait_out_cooldown(lambda: state.cool_until - time.monotonic(), policy, deadline)
        if not state.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise HostBusy(f"no free slot for {key} in time")
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, state.next_start)
                state.next_start = start + policy.host_delay
            if start > deadline:
                raise HostBusy(f"{key} is busy (politeness delay)")
            if start > now:
                time.sleep(start - now)
            yield
        finally:
            state.slots.release()


def _wait_out_cooldown(remaining, policy: FetchPolicy, deadline: float) -> None:
    wait = remaining()
    if wait <= 0:
        return
    if wait > policy.retry_after_max_wait or time.monotonic() + wait > deadline:
        raise HostCoolingDown(wait)
    time.sleep(wait)


# One round trip: drop expired leases, honour a cool-down, then take a slot if one is free and the
# politeness delay has passed. Server time, so the clocks of the workers do not matter.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cool = tonumber(redis.call('GET', KEYS[3]) or '0')
if cool > now then return {2, cool - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return {1, 0} end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return {3, nxt - now} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[2], now + tonumber(ARGV[3]), 'PX', ARGV[3]) end
return {0, 0}
"""
_COOL = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untl = now + tonumber(ARGV[1])
if untl > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untl, 'PX', ARGV[1]) end
return 0
"""


class RedisLimiter:
    """Per-host limits shared by every worker process, as leases in a Redis sorted set.

    A lease expires on its own (total timeout plus a margin), so a worker killed while holding a
    slot frees it within that time.
    """

    PREFIX = "registry:fetch:"

    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        self._acquire = self._redis.register_script(_ACQUIRE)
        self._cool = self._redis.register_script(_COOL)

    def _keys(self, key: str) -> list[str]:
        return [f"{self.PREFIX}slots:{key}", f"{self.PREFIX}next:{key}", f"{self.PREFIX}cool:{key}"]

    def cool_down(self, key: str, seconds: float, policy: FetchPolicy) -> None:
        self._cool(keys=[self._keys(key)[2]], args=[max(1, int(seconds * 1000))])

    @contextmanager
    def slot(self, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
        keys = self._keys(key)
        token = uuid.uuid4().hex
        lease_ms = int((policy.total_timeout + 30) * 1000)
        delay_ms = int(policy.host_delay * 1000)
        while True:
            code, wait_ms = self._acquire(keys=keys, args=[max(1, policy.per_host_limit), lease_ms, delay_ms, token])
            if code == 0:
                break
            wait = int(wait_ms) / 1000
            if code == 2:
                _wait_out_cooldown(lambda w=wait: w, policy, deadline)
                continue
            # Slot full (poll with jitter) or politeness delay (sleep exactly that long).
            pause = wait if code == 3 else random.uniform(0.005, 0.025)
            if time.monotonic() + pause > deadline:
                raise HostBusy(f"no free slot for {key} in time")
            time.sleep(pause)
        try:
            yield
        finally:
            try:
                self._redis.zrem(keys[0], token)
            except Exception:  # the lease expires on its own
                logger.warning("could not release the fetch slot for %s", key, exc_info=True)


_local_limiter = LocalLimiter()
_redis_limiters: dict[str, RedisLimiter] = {}


def default_limiter(policy: FetchPolicy):
    if not policy.redis_url:
        return _local_limiter
    limiter = _redis_limiters.get(policy.redis_url)
    if limiter is None:
        limiter = _redis_limiters[policy.redis_url] = RedisLimiter(policy.redis_url)
    return limiter


@contextmanager
def _host_slot(limiter, key: str, policy: FetchPolicy, deadline: float) -> Iterator[None]:
    """A per-host slot; when Redis is unreachable, the in-process limiter keeps us polite."""
    import redis

    try:
        cm = limiter.slot(key, policy, deadline)
        cm.__enter__()
    except redis.RedisError:
        logger.warning("Redis unreachable for the per-host limit; limiting in-process", exc_info=True)
        cm = _local_limiter.slot(key, policy, deadline)
        cm.__enter__()
    try:
        yield
    except BaseException as exc:
        if not cm.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        cm.__exit__(None, None, None)


def _cool_down(limiter, key: str, seconds: float, policy: FetchPolicy) -> None:
    import redis

    try:
        limiter.cool_down(key, seconds, policy)
    except redis.RedisError:
        _local_limiter.cool_down(key, seconds, policy)


# --- fetching -----------------------------------------------------------------------------------

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5"


@dataclass
class _Attempt:
    status: int
    headers: httpx.Headers
    body: bytes
    charset: str | None
    error: str = ""
    outcome: str = Outcome.RESPONSE
    extra: dict = field(default_factory=dict)


def _send(client: httpx.Client, url: str, policy: FetchPolicy, deadline: float) -> _Attempt:
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
        if response.status_code not in _REDIRECTS:
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
_ACCEPT_ENCODING = "gzip, deflate"
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


def fetch(url: str, *, policy: FetchPolicy | None = None, limiter=None) -> FetchResult:
    """Fetch a URL under the policy. Never raises for network trouble: the result says what happened."""
    policy = policy or FetchPolicy.from_settings()
    limiter = limiter or default_limiter(policy)
    started = time.monotonic()
    deadline = started + policy.total_timeout
    hops: list[str] = []
    current = url
    waited_for_retry_after = False

    def result(outcome: str, **kwargs) -> FetchResult:
        return FetchResult(
            url=url,
            outcome=outcome,
            final_url=kwargs.pop("final_url", current),
            elapsed_ms=int((time.monotonic() - started) * 1000),
            redirects=tuple(hops),
            **kwargs,
        )

    headers = {"User-Agent": policy.user_agent, "Accept": _ACCEPT, "Accept-Encoding": _ACCEPT_ENCODING}
    transport = _GuardedTransport(policy, _Deadline(deadline, policy.total_timeout))
    with httpx.Client(transport=transport, headers=headers, follow_redirects=False) as client:
        while True:
            why = url_refusal(current, policy)
            if why:
                prefix = f"redirect to {current} refused: " if hops else "refused: "
                return result(Outcome.REFUSED, error=prefix + why)
            key = host_key(current)
            try:
                with _host_slot(limiter, key, policy, deadline):
                    attempt = _send(client, current, policy, deadline)
            except AddressRefused as exc:
                prefix = f"redirect to {current} refused: " if hops else "refused: "
                return result(Outcome.REFUSED, error=prefix + str(exc))
            except HostCoolingDown as exc:
                return result(Outcome.RATE_LIMITED, error=f"not sent: {exc}", retry_after=exc.seconds)
            except HostBusy as exc:
                return result(Outcome.HOST_BUSY, error=f"not sent: {exc}")
            except httpx.TimeoutException as exc:
                return result(Outcome.TIMEOUT, error=f"timed out: {exc or type(exc).__name__}")
            except httpx.ConnectError as exc:
                return result(Outcome.CONNECT, error=f"could not connect: {exc}")
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as exc:
                return result(Outcome.REFUSED, error=f"refused: the URL is malformed ({exc})")
            except httpx.HTTPError as exc:
                return result(Outcome.PROTOCOL, error=f"{type(exc).__name__}: {exc}")

            common = dict(
                status_code=attempt.status,
                content_type=attempt.headers.get("content-type", "")[:200],
                charset=attempt.charset,
            )
            if attempt.outcome != Outcome.RESPONSE:
                return result(attempt.outcome, error=attempt.error, **common)
            if attempt.status in (429, 503):
                wait = parse_retry_after(attempt.headers.get("retry-after"))
                if wait is not None:
                    _cool_down(limiter, key, max(wait, 0.001), policy)
                    fits = time.monotonic() + wait < deadline and wait <= policy.retry_after_max_wait
                    if fits and not waited_for_retry_after:
                        waited_for_retry_after = True
                        continue  # the slot waits out the pause, then we ask once more
                    return result(
                        Outcome.RESPONSE,
                        body=attempt.body,
                        retry_after=wait,
                        error=f"HTTP {attempt.status}: the host asked to retry after {wait:.0f} s",
                        **common,
                    )
            if attempt.status in _REDIRECTS and attempt.headers.get("location"):
                if len(hops) >= policy.max_redirects:
                    return result(
                        Outcome.TOO_MANY_REDIRECTS, error=f"more than {policy.max_redirects} redirects", **common
                    )
                current = urljoin(current, attempt.headers["location"].strip())
                hops.append(current)
                continue
            return result(Outcome.RESPONSE, body=attempt.body, **common)


def reset_for_tests() -> None:
    """Forget in-process per-host state (cool-downs, delays) between tests."""
    global _local_limiter
    _local_limiter = LocalLimiter()
