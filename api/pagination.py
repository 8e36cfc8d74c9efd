"""Keyset ("cursor") pagination over (field, id): stable while rows change, no COUNT, no OFFSET.

The cursor is opaque to clients (base64 of a small JSON document). Every page returns `next_cursor`,
even the last one: a mirror stores it and asks again later to get what changed since.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.exceptions import ValidationError

_MAX_INT = 2**63 - 1


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


def _encode(ordering: Ordering, value: Any, pk: int) -> str:
    raw: str | int
    if isinstance(value, datetime):
        kind, raw = "dt", value.isoformat()
    elif isinstance(value, int):
        kind, raw = "int", value
    else:
        kind, raw = "str", str(value)
    doc = json.dumps({"o": ordering.name, "t": kind, "v": raw, "i": pk}, separators=(",", ":"))
    return base64.urlsafe_b64encode(doc.encode()).decode().rstrip("=")


def _invalid(message: str) -> ValidationError:
    return ValidationError({"cursor": [message]})


def _decode(cursor: str, ordering: Ordering) -> tuple[Any, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        doc = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        name, kind, raw, pk = doc["o"], doc["t"], doc["v"], doc["i"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        raise _invalid("This cursor is not valid; use the next_cursor of a previous page.") from None
    if name != ordering.name:
        raise _invalid(f"This cursor belongs to ordering {name!r}, not {ordering.name!r}.")
    if not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk <= _MAX_INT:
        raise _invalid("This cursor is not valid; use the next_cursor of a previous page.")
    try:
        if kind == "dt":
            value: Any = datetime.fromisoformat(raw)
            if timezone.is_naive(value):
                raise ValueError
        elif (kind == "int" and isinstance(raw, int) and not isinstance(raw, bool)) or (
            kind == "str" and isinstance(raw, str)
        ):
            value = raw
        else:
            raise ValueError
    except (TypeError, ValueError):
        raise _invalid("This cursor is not valid; use the next_cursor of a previous page.") from None
    return value, pk


def paginate(queryset: QuerySet, ordering: Ordering, *, cursor: str | None, page_size: int) -> Page:
    field, pk_dir = ordering.field, ("-" if ordering.descending else "")
    if ordering.sync:
        lag = settings.API_SYNC_SAFETY_LAG_SECONDS
        if lag:
            queryset = queryset.filter(**{f"{field}__lte": timezone.now() - timedelta(seconds=lag)})
    after = None
    if cursor:
        after = _decode(cursor, ordering)
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
