"""Bulk export of claims as NDJSON: the API's `export/claims.ndjson` and `manage.py export_claims`.

The file is one claim per line, each exactly as the claims list shows it (api.serializers.ClaimOut),
in id order, and ends with one trailer line (it has a "type" key, which no claim has):

    {"type": "cursor", "cursor": ..., "tombstones_cursor": ..., "claims": n, "taken_at": ..., "feed": ..., "tombstones": ...}

`cursor` is a position in the claims change feed (GET claims/?ordering=changes&cursor=...; `feed` is that
URL with the export's filters) and `tombstones_cursor` one in the tombstones feed. Both are taken
*before* the first claim is read, so every change committed while the export runs comes again in the
feeds after them: a change may arrive twice (in the file and in the feed), none is lost. A file without
the trailer was cut short.

Memory stays flat whatever the number of claims: the rows come through a server-side cursor in chunks
(QuerySet.iterator(chunk_size) inside one read-only REPEATABLE READ snapshot on PostgreSQL), with their
dates, places and sources prefetched per chunk, and each chunk is written out before the next is read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import reset_queries
from django.db.models import QuerySet
from django.utils import timezone

from api import selectors
from api.pagination import FEED, feed_head_cursor
from api.serializers import ClaimOut, Urls, iso
from claims.models import Change, Claim
from claims.services.backup import Progress, Ticker, ndjson_line, read_snapshot

# Claims read (and written out) at a time: one server-side FETCH and three prefetch queries per chunk.
EXPORT_CHUNK_SIZE = 1000
TRAILER_TYPE = "cursor"
CONTENT_TYPE = "application/x-ndjson; charset=utf-8"


@dataclass(frozen=True)
class ExportStart:
    """Where the feeds stood just before an export started reading."""

    cursor: str  # of the claims feed
    tombstones_cursor: str
    taken_at: datetime

    @property
    def filename(self) -> str:
        return f"claims-{self.taken_at:%Y-%m-%d}.ndjson"


def export_start(viewer: selectors.Viewer) -> ExportStart:
    """Take the feed positions (cursors for `viewer`'s feeds); call it before claims_ndjson() starts reading
    (in its own statement)."""
    return ExportStart(
        cursor=feed_head_cursor(Change.Kind.CLAIM, viewer.audience),
        tombstones_cursor=feed_head_cursor(Change.Kind.TOMBSTONE, viewer.audience),
        taken_at=timezone.now(),
    )


def feed_urls(urls: Urls, start: ExportStart, filters: dict[str, str]) -> dict[str, str]:
    """The claims feed (with the export's filters, in query-string form) and the tombstones feed from `start`."""
    claims_query = urlencode({**filters, "ordering": FEED, "cursor": start.cursor})
    tombstones_query = urlencode({"cursor": start.tombstones_cursor})
    return {
        "feed": urls.resource(f"claims/?{claims_query}"),
        "tombstones": urls.resource(f"tombstones/?{tombstones_query}"),
    }


def trailer(start: ExportStart, claims: int, links: dict[str, str]) -> dict[str, Any]:
    return {
        "type": TRAILER_TYPE,
        "cursor": start.cursor,
        "tombstones_cursor": start.tombstones_cursor,
        "claims": claims,
        "taken_at": iso(start.taken_at),
        **links,
    }


def claims_ndjson(
    queryset: QuerySet[Claim],
    context: dict[str, Any],
    start: ExportStart,
    links: dict[str, str],
    *,
    chunk_size: int | None = None,
    progress: Progress | None = None,
    on_chunk: Callable[[], None] | None = None,
) -> Iterator[str]:
    """The export of `queryset` (a selector's claims with their details), in pieces of `chunk_size` lines,
    the last piece ending with the trailer. Reads only as fast as the pieces are consumed."""
    size = chunk_size or EXPORT_CHUNK_SIZE
    ticker = Ticker(progress)
    written = 0
    # The selector's own prefetches are dropped (its filters and joins kept): each chunk's dates, places
    # and sources are loaded by selectors.claim_details, several times cheaper than prefetch_related.
    rows = queryset.prefetch_related(None).order_by("id").iterator(chunk_size=size)
    with read_snapshot():
        for chunk in _chunks(rows, size):
            details = selectors.claim_details([c.pk for c in chunk])
            piece = "".join(ndjson_line(ClaimOut.represent(c, context, details[c.pk])) for c in chunk)
            written += len(chunk)
            del chunk
            yield piece
            if on_chunk is not None:
                on_chunk()
            if settings.DEBUG:  # Django would keep the last 9,000 queries' SQL: megabytes of ids
                reset_queries()
            ticker.tick("export: {:,} claims", written)
        yield ndjson_line(trailer(start, written, links))
    ticker.done(f"export: {written:,} claims")


def _chunks(items: Iterator[Claim], size: int) -> Iterator[list[Claim]]:
    chunk: list[Claim] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- at most API_EXPORT_MAX_CONCURRENT exports at once ----------------------------------------------------
# An export holds a web worker for as long as it streams (minutes for a large registry): a few at once
# must not take every worker from the rest of the API. Slots are cache entries (shared by all processes
# with Redis; per process without it), refreshed after each chunk; a slot whose process died frees itself
# after SLOT_SECONDS.

SLOT_SECONDS = 120
_SLOT_KEY = "api-export-slot:{}"


def export_slot_take() -> str | None:
    """A free slot's key, or None when API_EXPORT_MAX_CONCURRENT exports are running ("" if the cache is down)."""
    try:
        for n in range(settings.API_EXPORT_MAX_CONCURRENT):
            key = _SLOT_KEY.format(n)
            if cache.add(key, 1, SLOT_SECONDS):
                return key
    except Exception:  # the cache unreachable: exports are let through, as throttling does
        return ""
    return None


def export_slot_keep(key: str) -> None:
    if key:
        with contextlib.suppress(Exception):  # a missed refresh only shortens the slot's life
            cache.touch(key, SLOT_SECONDS)


def export_slot_free(key: str) -> None:
    if key:
        with contextlib.suppress(Exception):  # the slot frees itself after SLOT_SECONDS
            cache.delete(key)


class Streamed:
    """The pieces of an export for StreamingHttpResponse, which closes it when the response ends (the
    client read it all, went away, or never started reading): the export's transaction ends, its slot
    is freed."""

    def __init__(self, pieces: Iterator[str], slot: str):
        self.pieces, self.slot = pieces, slot

    def __iter__(self) -> Streamed:
        return self

    def __next__(self) -> str:
        return next(self.pieces)

    def close(self) -> None:
        try:
            close = getattr(self.pieces, "close", None)
            if close is not None:
                close()
        finally:
            export_slot_free(self.slot)
