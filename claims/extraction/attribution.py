"""Quotations and attribution: who each sentence attributes its content to. (placeholder)"""
from __future__ import annotations

from .types import Attribution, Sentence


def attribute(text: str, sentences: list[Sentence]) -> list[Attribution]:
    """One Attribution per sentence, in order."""
    return [Attribution() for _ in sentences]
