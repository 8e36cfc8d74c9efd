"""Keyset ("cursor") pagination over (field, id): stable while rows change, no COUNT, no OFFSET.

The cursor is opaque to clients: a small JSON document signed with the secret key (HMAC-SHA256 through
django.core.signing), so a forged, corrupted or truncated cursor is refused as 400 `invalid_cursor`
before any of it reaches a query. Every page returns `next_cursor`, even the last one: a mirror stores
it and asks again later to get what changed since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.exceptions import ValidationError

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
    # Hold back rows written in the last seconds (see API_SYNC_SAFETY_LAG_SECONDS in docs/api.md).
    sync: bool = False


def orderings(*fields: str, sync_field: str | None = None) -> dict[str, Ordering]:
    out: dict[str, Ordering] = {}
    for field in fields:
        out[field] = Ordering(field, field, False, sync=field == sync_field)
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
    if ordering.sync:
        lag = settings.API_SYNC_SAFETY_LAG_SECONDS
        if lag:
            queryset = queryset.filter(**{f"{field}__lte": timezone.now() - timedelta(seconds=lag)})
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
