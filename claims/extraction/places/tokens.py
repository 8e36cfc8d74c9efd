"""Stage 1: each line cut into word tokens with one regex ("U.S."/"D.C." single tokens, a possessive
"'s" kept apart), and the tests on gaps between tokens that every later stage uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import MAX_TOKENS, norm

# A word (letters, inner hyphens/apostrophes), or a dotted acronym; then an optional possessive.
# Hyphens separate words ("Sydney-based", "Guinea-Bissau"); a hyphen gap still joins a name.
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}+|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*+")


POSSESSIVE = re.compile(r"['’]s\b")


SPACE_GAP = re.compile(r"[ \t\u00a0]{1,3}|-")


SPACE_ONLY = re.compile(r"[ \t\u00a0]{1,3}")


COMMA_GAP = re.compile(r",[ \t\u00a0]{1,3}")


OPENERS = frozenset("\"'“”‘’()[] \t\u00a0")


LINE = re.compile(r"[^\n]+")


AMPERSAND_GAP = re.compile(r"[ \t\u00a0]?&[ \t\u00a0]?")


ACRONYM_AFTER = re.compile(r" ?\(([A-Z]{2,6})\)")


# What follows the city of a wire dateline: ", Ukraine", " (AP)", " —", "/DAMASCUS".
DATELINE_AFTER = re.compile(r",|/|[ \t\u00a0]*(?:\(|—|–|-[ \t\u00a0])")


# The first half of "North and South Korea", "Central and South Asia": one mention for both halves.
COORD = re.compile(r"\b(North|South|East|West|Central)(?:ern)?\s+(?:and|or|&)\s+$")


@dataclass(slots=True)
class Tok:
    start: int
    end: int  # end of the word, before any possessive
    pend: int  # end including a possessive "'s"
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def possessive(self) -> bool:
        return self.pend > self.end


def tokens(line: str, base: int) -> list[Tok]:
    toks: list[Tok] = []
    for m in TOKEN.finditer(line):
        s, e = m.span()
        if toks and base + s < toks[-1].pend:
            continue  # the "s" of a possessive
        pe = e
        pm = POSSESSIVE.match(line, e)
        if pm:
            pe = pm.end()
        toks.append(Tok(base + s, base + e, base + pe, m.group()))
    return toks


def joined(text: str, a: Tok, b: Tok, allow_comma: bool = False) -> bool:
    """True when b follows a within one name: a space (a comma for lookups), or "St. X"."""
    gap_start = a.pend
    if gap_start == b.start:
        return False
    if SPACE_GAP.fullmatch(text, gap_start, b.start):
        return True
    if allow_comma and not a.possessive and COMMA_GAP.fullmatch(text, gap_start, b.start):
        return True
    # "St. Louis", "Mt. Everest": a dot after a short capitalised abbreviation.
    return (
        not a.possessive
        and len(a.text) <= 3
        and a.cap
        and "." not in a.text
        and text.startswith(".", gap_start)
        and SPACE_GAP.fullmatch(text, gap_start + 1, b.start) is not None
    )


def sentence_initial(text: str, tok: Tok, line_start: int) -> bool:
    """First word of a line or after a sentence terminator (quotes and brackets skipped)."""
    k = tok.start
    while k > line_start and text[k - 1] in OPENERS:
        k -= 1
    return k == line_start or text[k - 1] in ".!?:;"


def run_key(toks: list[Tok], a: int, b: int) -> str:
    """The gazetteer key of toks[a:b] ("" when too long to be a name: keeps long runs linear)."""
    if b - a > MAX_TOKENS:
        return ""
    return " ".join(norm(t.text) for t in toks[a:b])


def prev_word(text: str, pos: int, limit: int) -> str:
    """The word right before pos on the same line (no punctuation between), else ''."""
    k = pos
    while k > limit and text[k - 1] in " \t\u00a0":
        k -= 1
    e = k
    while k > limit and (text[k - 1].isalpha() or text[k - 1] in ".'’-"):
        k -= 1
    return text[k:e] if e > k and e < pos else ""


def capitalised_before(text: str, pos: int) -> bool:
    """The word ending right before pos (spaces skipped) starts with a capital."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    e = k
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return e > k and text[k].isupper()
