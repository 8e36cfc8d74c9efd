"""The address guard: which URLs and addresses the registry must never fetch, judged without any network access.

Loopback, private, link-local, carrier-grade NAT, multicast, reserved, documentation and cloud
metadata addresses are refused, including IPv4 hidden in IPv6 and the numeric host spellings
resolvers accept. The transport checks every address a name resolves to with ``address_category``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from claims.fetching.policy import FetchPolicy

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


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


def literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


class AddressRefused(Exception):
    """The URL or an address it resolves to is not allowed. Not an httpx error: it is never retried."""


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
    literal = literal_ip(host)
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
