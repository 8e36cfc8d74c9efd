"""Small text helpers shared by the engine's stages."""

from __future__ import annotations

# Characters that may close a sentence after its terminator: quote marks and brackets.
SENTENCE_CLOSERS = "\"'”’»)]›"


def wordset(spaced: str) -> frozenset[str]:
    """A frozen set from a space-separated word list (keeps long lexicons readable)."""
    return frozenset(spaced.split())
