"""The claim extraction engine: plain Python, no Django imports.

``extract(text, published)`` splits an article into sentence-level claims with speaker,
quote, dates and places. ``VERSION`` is recorded on every article the registry extracts;
bump it whenever output can change so that stored articles are re-extracted.
"""

from .pipeline import extract
from .types import Attribution, Claim, DateMention, PlaceMention, Sentence

VERSION = "0.10.0"

__all__ = ["VERSION", "Attribution", "Claim", "DateMention", "PlaceMention", "Sentence", "extract"]
