"""Entities: descriptions that stand for a person the article has already named.

A news article names a person once and then refers back to them by a description: a title ('the
premier', linked through ``NameIndex.titled``), or an age ('the 54-year-old', 'the 31-year-old nurse').
An age description never introduces a new person in reporting English: it is the person the discourse
is about, the subject the sentence before opened with, else the person last named outside quotations.
"""

from __future__ import annotations

from ..names import Tok

# Heads of an age description: '54-year-old', 'the six-month-old', 'a 3-week-old'.
_AGE_UNITS = ("year-old", "month-old", "week-old", "day-old", "years-old")


def is_age_word(t: Tok) -> bool:
    """'year-old' of '54-year-old' (tokenised as '54', '-', 'year-old') or a spelled-out 'six-year-old'."""
    return t.low.endswith(_AGE_UNITS)


def age_start(toks: list[Tok], k: int) -> int | None:
    """Index of the first token of the age modifier ending at toks[k] ('54 - year-old' -> the '54'), or
    None when toks[k] is no age word."""
    t = toks[k]
    if not is_age_word(t):
        return None
    if t.low[:1].isalpha() and t.low not in _AGE_UNITS:
        return k  # spelled out in one token: 'six-year-old'
    if (
        k >= 2
        and toks[k - 1].text in "-‑–"
        and toks[k - 1].start == toks[k - 2].end
        and toks[k - 1].end == t.start
        and toks[k - 2].low[:1].isdigit()
    ):
        return k - 2
    return None


def is_age_description(words: list[str]) -> bool:
    """A definite description carrying an age: 'the 54-year-old', 'The 31-year-old nurse'."""
    return bool(words) and words[0].lower() == "the" and any(w.lower().endswith(_AGE_UNITS) for w in words[1:])
