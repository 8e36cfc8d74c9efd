"""Countries, regions, cities and venues. (placeholder)"""
from __future__ import annotations

from .types import PlaceMention


def find_places(text: str, start: int, end: int) -> list[PlaceMention]:
    """Places inside text[start:end] (the whole document is given for context)."""
    return []
