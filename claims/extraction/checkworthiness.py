"""Check-worthiness heuristic. (placeholder)"""
from __future__ import annotations

from .types import Attribution, DateMention, PlaceMention


def score(sentence: str, attribution: Attribution, dates: list[DateMention], places: list[PlaceMention]) -> float:
    return 0.5
