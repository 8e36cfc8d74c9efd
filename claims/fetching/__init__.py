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

from claims.fetching.client import fetch
from claims.fetching.guard import (
    AddressRefused,
    IPAddress,
    IPNetwork,
    address_category,
    address_refusal,
    parse_networks,
    url_refusal,
)
from claims.fetching.policy import FetchPolicy
from claims.fetching.politeness import (
    HostBusy,
    HostCoolingDown,
    LocalLimiter,
    RedisLimiter,
    default_limiter,
    host_key,
    parse_retry_after,
    reset_for_tests,
)
from claims.fetching.result import FetchResult, Outcome, content_kind, excerpt_in, html_to_text, normalise_for_match

__all__ = [
    "AddressRefused",
    "FetchPolicy",
    "FetchResult",
    "HostBusy",
    "HostCoolingDown",
    "IPAddress",
    "IPNetwork",
    "LocalLimiter",
    "Outcome",
    "RedisLimiter",
    "address_category",
    "address_refusal",
    "content_kind",
    "default_limiter",
    "excerpt_in",
    "fetch",
    "host_key",
    "html_to_text",
    "normalise_for_match",
    "parse_networks",
    "parse_retry_after",
    "reset_for_tests",
    "url_refusal",
]
