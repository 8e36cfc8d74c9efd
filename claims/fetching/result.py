"""What a fetch ends in (Outcome, FetchResult) and reading its body: the page's text, excerpt matching."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TypeVar

_T = TypeVar("_T")


def _per_instance(method: Callable[[FetchResult], _T]) -> property:
    """Compute once per result and keep it, like functools.cached_property, but without its lock.

    On Python 3.11 cached_property holds one lock per attribute for *all* instances while it computes:
    one page that is slow to read would hold back the reading of every other page in a check batch
    (the other threads wait on that lock until the first is done), so their checks would time out.
    """
    slot = f"_once_{method.__name__}"

    @wraps(method)
    def get(self: FetchResult) -> _T:
        try:
            return self.__dict__[slot]
        except KeyError:
            value = self.__dict__[slot] = method(self)  # frozen dataclass: its __dict__ is still ours
            return value

    return property(get)


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
    # Set by the re-check, not by fetch(): the whole check (fetch and reading) outran its budget...
    CHECK_TIMEOUT = "check_timeout"
    # ... or the batch ran out of time before the check could finish: not the link's fault.
    OUT_OF_TIME = "out_of_time"
    # Set by the re-check: an HTML page answered, but has no readable text (empty, markup that never
    # closes, or written only by scripts), so it can no longer stand as evidence: a failed check.
    UNREADABLE = "unreadable"

    DEFERRED = frozenset({RATE_LIMITED, HOST_BUSY, OUT_OF_TIME})


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

    @_per_instance
    def content_hash(self) -> str:
        """Hash of the page's text for text types (so markup churn does not count), of the bytes otherwise."""
        text = self.text()
        data = " ".join(text.split()).encode("utf-8") if text is not None else self.body
        return hashlib.sha256(data).hexdigest() if (self.body or text) else ""

    def has_excerpt(self, excerpt: str) -> bool | None:
        """Whether the excerpt is on the page (folded as excerpt_in does); None when there is no text or excerpt."""
        needle = normalise_for_match(excerpt)
        if not needle or self._matchable is None:
            return None
        return needle in self._matchable

    def read(self) -> None:
        """Do the reading now (text, hash, folded text), e.g. in a worker thread, so later calls are cheap."""
        if self.ok:
            _ = self._matchable, self.content_hash

    @property
    def kind(self) -> str:
        """html, text, pdf or other: what the body is, so it is never parsed blindly."""
        return content_kind(self.content_type)

    def text(self) -> str | None:
        """The readable text of an HTML or text body; None for PDF and other binary types."""
        return self._text

    @_per_instance
    def _text(self) -> str | None:
        # Read once: the hash, the excerpt match and the caller all use it.
        kind = self.kind
        if kind not in ("html", "text"):
            return None
        decoded = self.body.decode(_codec(self.charset), errors="replace")
        return html_to_text(decoded) if kind == "html" else decoded

    @_per_instance
    def _matchable(self) -> str | None:
        text = self.text()
        return normalise_for_match(text) if text is not None else None


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


def html_to_text(markup: str) -> str:
    """The visible text of a page (the registry's one HTML reader, linear in the page's size)."""
    from claims.extraction.html import page_text

    return page_text(markup)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[\W_]+")


def normalise_for_match(text: str) -> str:
    """Fold case, width, quotes and punctuation so an excerpt copied by hand still matches the page."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def excerpt_in(text: str, excerpt: str) -> bool:
    needle = normalise_for_match(excerpt)
    return bool(needle) and needle in normalise_for_match(text)
