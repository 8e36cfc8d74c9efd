"""Showing stored text safely: cut at a word with an ellipsis, and bidirectional controls made harmless.

Claim text, notes and sources come from the web or from people; these helpers only change how the text is
shown, never what is stored.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"

# Unicode's explicit directional formatting characters (embeddings, overrides, isolates, their terminators)
# and the implicit marks. Shown live, an override turns "was \u202egnorw\u202c" into "was wrong" on screen.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")


def bidi_visible(text: str) -> str:
    """Each bidi control replaced by a visible marker such as ⟨U+202E⟩ (for reviewers: nothing hidden)."""
    return _BIDI_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def bidi_neutral(text: str) -> str:
    """The text without bidi controls (for readers: the characters show in the order they are stored)."""
    return _BIDI_RE.sub("", text)


def cut_at_word(text: str, limit: int = 80) -> str:
    """One line of at most `limit` characters; a longer text is cut at a word boundary and ends with "…".

    A cut never looks complete: the ellipsis is always there, also when the cut falls after punctuation.
    A single word longer than the limit is cut inside it (still with the ellipsis).
    """
    line = " ".join(str(text or "").split())
    if len(line) <= limit:
        return line
    room = max(1, limit - len(ELLIPSIS))
    head = line[: room + 1]
    space = head.rfind(" ")
    head = head[:space] if space > 0 else line[:room]
    return head.rstrip() + ELLIPSIS


_FAMILY_WORD_RE = re.compile(r"\w+")


def family_key(text: str) -> str:
    """The claim-family key of a sentence: SHA-256 of its words, case-folded, in order ("" when it has none).

    Two claims have the same key when they say the same words in the same order, whatever the punctuation,
    quote marks, case, bidi controls and white space: the same sentence reported by different articles.
    """
    import hashlib
    import unicodedata

    words = _FAMILY_WORD_RE.findall(unicodedata.normalize("NFKC", bidi_neutral(text)).casefold())
    if not words:
        return ""
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()
