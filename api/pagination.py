"""Keyset ("cursor") pagination over (field, id): stable while rows change, no COUNT, no OFFSET.

The cursor is opaque to clients: a small JSON document signed with the secret key (HMAC-SHA256 through
django.core.signing), so a forged, corrupted or truncated cursor is refused as 400 `invalid_cursor`
before any of it reaches a query. Every page returns `next_cursor`, even the last one: a mirror stores
it and asks again later to get what changed since.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core import signing
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from claims.selectors import change_head, change_page

_MAX_INT = 2**63 - 1
# The salt keeps cursor signatures apart from every other use of the secret key. Keys listed in
# SECRET_KEY_FALLBACKS still verify, so a key rotation does not invalidate stored cursors at once.
_SIGNER_SALT = "api.pagination.cursor"
_NOT_OURS = "This cursor is not valid; use the next_cursor of a previous page."


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SIGNER_SALT, sep=".")


class _CursorJSON:
    """Compact UTF-8 JSON: a speaker's name in another script stays short enough for a URL."""

    def dumps(self, obj: Any) -> bytes:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    def loads(self, data: bytes) -> Any:
        return json.loads(data.decode("utf-8"))


class InvalidCursor(ValidationError):
    """400 `invalid_cursor`: a cursor this API did not make (forged, corrupted, truncated) or another ordering's."""

    error_code = "invalid_cursor"

    def __init__(self, message: str):
        super().__init__({"cursor": [message]})
        self.message = f"Invalid cursor: {message}"


@dataclass(frozen=True)
class Ordering:
    """One allowed ordering: a model field (non-null, indexed with id) and its direction."""

    name: str  # as given in ?ordering=
    field: str
    descending: bool = False


def orderings(*fields: str) -> dict[str, Ordering]:
    """Browse orderings (field and -field). The sync feeds are the change log's (paginate_changes)."""
    out: dict[str, Ordering] = {}
    for field in fields:
        out[field] = Ordering(field, field, False)
        out[f"-{field}"] = Ordering(f"-{field}", field, True)
    return out


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None
    has_more: bool


def _kind_of(value: Any) -> str:
    if isinstance(value, datetime):
        return "dt"
    if isinstance(value, int) and not isinstance(value, bool):
        return "int"
    return "str"


def _encode(ordering: Ordering, value: Any, pk: int) -> str:
    kind = _kind_of(value)
    raw = value.isoformat() if kind == "dt" else value if kind == "int" else str(value)
    return _signer().sign_object({"o": ordering.name, "t": kind, "v": raw, "i": pk}, serializer=_CursorJSON)


def _decode(cursor: str, ordering: Ordering, expected_kind: str) -> tuple[Any, int]:
    try:
        doc = _signer().unsign_object(cursor, serializer=_CursorJSON)
        name, kind, raw, pk = doc["o"], doc["t"], doc["v"], doc["i"]
    except (signing.BadSignature, ValueError, KeyError, TypeError, UnicodeError):
        raise InvalidCursor(_NOT_OURS) from None
    if name != ordering.name:
        raise InvalidCursor(f"This cursor belongs to ordering {name!r}, not {ordering.name!r}.")
    # A signed cursor is one this API made; the checks below keep even a buggy one away from the database.
    if kind != expected_kind or not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk <= _MAX_INT:
        raise InvalidCursor(_NOT_OURS)
    try:
        if kind == "dt":
            value: Any = datetime.fromisoformat(raw)
            if timezone.is_naive(value):
                raise ValueError
        elif (kind == "int" and isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) <= _MAX_INT) or (
            kind == "str" and isinstance(raw, str) and "\x00" not in raw
        ):
            value = raw
        else:
            raise ValueError
    except (TypeError, ValueError):
        raise InvalidCursor(_NOT_OURS) from None
    return value, pk


def _field_kind(queryset: QuerySet, field: str) -> str:
    """The cursor value type a model field takes: "dt", "int" or "str"."""
    internal = queryset.model._meta.get_field(field).get_internal_type()
    if internal == "DateTimeField":
        return "dt"
    if internal.endswith(("AutoField", "IntegerField")):
        return "int"
    return "str"


def paginate(queryset: QuerySet, ordering: Ordering, *, cursor: str | None, page_size: int) -> Page:
    field, pk_dir = ordering.field, ("-" if ordering.descending else "")
    after = None
    if cursor:
        after = _decode(cursor, ordering, _field_kind(queryset, field))
        value, pk = after
        op = "lt" if ordering.descending else "gt"
        if field == "id":
            queryset = queryset.filter(**{f"id__{op}": pk})
        else:
            queryset = queryset.filter(Q(**{f"{field}__{op}": value}) | Q(**{field: value, f"id__{op}": pk}))
    order = [f"{pk_dir}{field}"] if field == "id" else [f"{pk_dir}{field}", f"{pk_dir}id"]
    rows = list(queryset.order_by(*order)[: page_size + 1])
    has_more = len(rows) > page_size
    items = rows[:page_size]
    next_cursor: str | None
    if items:
        last = items[-1]
        next_cursor = _encode(ordering, getattr(last, field), last.pk)
    else:
        next_cursor = cursor  # nothing new: ask again later with the same cursor
    return Page(items, next_cursor, has_more)


# --- the change feeds ------------------------------------------------------------------------------------
# A feed page is read from the change log (claims.models.Change) in (xid, id) order, below the horizon of
# transactions still running (claims.selectors.change_page): every change appears once it is committed
# and can never appear behind a cursor already handed out. The cursor is that position, signed.

FEED = "changes"  # the `ordering` name of a feed


def _encode_position(kind: str, xid: int, pk: int, audience: str = "") -> str:
    doc: dict[str, Any] = {"o": FEED, "k": kind, "x": xid, "i": pk}
    if audience:
        doc["a"] = audience
    return _signer().sign_object(doc, serializer=_CursorJSON)


def feed_cursor(kind: str, xid: int, pk: int) -> str:
    """The feed cursor just after the change at (xid, pk): a client resuming with it gets what came after."""
    return _encode_position(kind, xid, pk)


def _is_position(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_INT


def _decode_position(cursor: str, kind: str, audience: str | None = None) -> tuple[int, int]:
    """The (xid, id) position of a feed cursor; `audience` given: refused unless it was read under it."""
    try:
        doc = _signer().unsign_object(cursor, serializer=_CursorJSON)
        name = doc["o"]
    except (signing.BadSignature, ValueError, KeyError, TypeError, UnicodeError):
        raise InvalidCursor(_NOT_OURS) from None
    if name != FEED:
        raise InvalidCursor(
            f"This cursor belongs to ordering {name!r}, not {FEED!r} (the sync feed): "
            "start again from the first page of the feed."
        )
    xid, pk = doc.get("x"), doc.get("i")
    if doc.get("k") != kind:
        raise InvalidCursor(f"This cursor belongs to the {doc.get('k')!r} feed, not the {kind!r} feed.")
    if not (_is_position(xid) and _is_position(pk)):
        raise InvalidCursor(_NOT_OURS)
    # The visibility the cursor was read under. Changes the reader could not see were consumed without
    # being delivered: were it to see more now (a key moved to another organisation, the open setting
    # switched on or off), resuming would skip those for good. (Cursors made before visibility existed
    # carry none: they were read seeing everything, so any reader may resume them; so may a cursor read
    # seeing everything, such as the operator's export_claims file.)
    issued_for = doc.get("a")
    if audience is not None and issued_for not in (None, "*", audience):
        raise InvalidCursor(
            "This cursor was issued under another visibility (the key's organisation or the registry's "
            "visibility setting changed since): start again from the first page of the feed."
        )
    return xid, pk


# How many change rows one read takes per page item, and how many reads a page may take: an object changed
# many times in a row costs at most this many reads before the page is cut short (has_more stays true).
_SCAN_FACTOR = 4
_MAX_READS = 4


def paginate_changes(
    kind: str,
    load: Callable[[list[int]], dict[int, Any]],
    *,
    cursor: str | None,
    page_size: int,
    audience: str = "",
) -> Page:
    """One page of the `kind` feed: up to `page_size` objects changed after `cursor`, each once, at its
    latest change on the page, in the order of those changes, with their current representation.

    `load(ids)` returns the current objects by id; objects it does not return (deleted, retracted,
    filtered out, not visible to the reader) are skipped, their changes still consumed, so a page may
    hold fewer items while `has_more` is true. `audience` (api.selectors.Viewer.audience) is signed
    into the cursor: a cursor is only resumed under the visibility it was read with.
    """
    after = _decode_position(cursor, kind, audience) if cursor else None
    latest: dict[int, None] = {}  # object ids in the order of their latest change on the page
    end: tuple[int, int] | None = None  # the position of the last change row the page consumed
    has_more = False
    for _ in range(_MAX_READS):
        limit = page_size * _SCAN_FACTOR + 1
        rows = change_page(kind, after=end or after, limit=limit)
        for row in rows:
            if row.object_id not in latest and len(latest) == page_size:
                has_more = True  # one more object is waiting: it starts the next page
                break
            latest.pop(row.object_id, None)
            latest[row.object_id] = None
            end = (row.xid, row.id)
        else:
            if len(rows) == limit:  # the read was full: there may be more changes of the same objects
                has_more = True
                continue
            has_more = False
        break
    if end is None:
        return Page([], cursor or _encode_position(kind, 0, 0, audience), False)
    found = load(list(latest))
    items = [found[pk] for pk in latest if pk in found]
    return Page(items, _encode_position(kind, *end, audience), has_more)


def feed_head_cursor(kind: str, audience: str) -> str:
    """A cursor of the `kind` feed at its current end, for a reader of `audience`: the feed continues from
    it with every change committed after this call (take it before reading what it is meant to follow,
    see api.export)."""
    head = change_head(kind)
    return _encode_position(kind, head.xid, head.id, audience) if head else _encode_position(kind, 0, 0, audience)
