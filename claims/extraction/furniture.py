"""Page furniture: headlines, date lines, bylines, credits, captions, promos, source lists. (stub)"""

from __future__ import annotations

from .types import Sentence


def flag(text: str, sentences: list[Sentence]) -> list[Sentence]:
    return sentences
