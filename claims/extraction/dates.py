"""Date expressions normalised against the publication date. (placeholder)"""
from __future__ import annotations

from datetime import date

from .types import DateMention


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """Dates inside text[start:end] (the whole document is given for context)."""
    return []
