"""An article URL's canonical form and its identity, so one article is one URL however it is written.

The canonical form is what the registry shows and fetches: scheme and host in lower case, no default
port, no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`), an empty path written "/".
The identity also leaves out the scheme (http and https name the same article); its SHA-256 is stored
in Article.url_key, which is unique. Other query parameters are kept in their order: they may select
the page.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = {"fbclid", "gclid"}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in _TRACKING


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL (already validated)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if parts.username is not None or parts.password is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{host}"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    pairs = [pair for pair in parts.query.split("&") if pair and not _is_tracking(pair.partition("=")[0])]
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(pairs), ""))


def url_identity(url: str) -> str:
    """What makes two URLs the same article: the canonical form without its scheme."""
    return canonical_url(url).split(":", 1)[1]


def url_key(url: str) -> str:
    """SHA-256 (hex) of the identity: the unique key stored on the article."""
    return hashlib.sha256(url_identity(url).encode("utf-8")).hexdigest()
