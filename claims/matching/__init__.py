"""Claim matching: rank known claims by how likely they state the same checkable fact as a new one.

Plain Python (no Django), in memory: build a `Matcher` from `KnownClaim`s, then `rank(text)`.
The method and its figures are in docs/matching.md.
"""

from claims.matching.engine import Analysed, CorpusStats, KnownClaim, Match, Matcher, MatchParams, analyse
from claims.matching.text import clean, terms

__all__ = ["Analysed", "CorpusStats", "KnownClaim", "Match", "MatchParams", "Matcher", "analyse", "clean", "terms"]
