"""Shared pieces of the attribution stages: the mention and cue records and small token tests."""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon as lx
from ..names import Tok, base
from ..quotes import MARKS

# Quotation marks as tokens: the quotation module's double quotes, and the typewriter forms of older
# newspaper text ('' for a closing or opening double quote, `` for an opening one).
_QMARKS = frozenset(MARKS) | {"''", "``"}


@dataclass(slots=True)
class Mention:
    """A speaker phrase as written: its name part, role part and kind."""

    name: str
    kind: str  # person | org | group | pronoun | doc | quantity
    role: str | None = None
    pos: int = 0
    titled: bool = False  # had a personal title (Mr, Ms, Professor): surname matching may be fuzzy
    title_words: tuple[str, ...] = ()
    generic: bool = False  # a common noun outside the speaker lexicons ("The poster")
    document: bool = False  # the phrase names a document, poll or data set ("A Fox News poll")
    head: str | None = None  # a description's head word where it is not the last word ("the mayor of X")
    # a description whose modifier after the head makes it new ('the last woman to win the race', 'the
    # former wife of the senator'): never a titled person or group named before
    restricted: bool = False


@dataclass(slots=True)
class Cue:
    mention: Mention
    verb: str  # the cue as written
    rank: int  # lower wins: 0 beside a quotation, 1 main verb, 2 according to, 3 subordinate
    pos: int


def _modifier_word(t: Tok) -> bool:
    """A word that may modify a description's head: an adjective or noun, capitalised or not, hyphenated."""
    low = base(t.low)
    if not t.word or low in lx.DETERMINERS or low in lx.PRONOUNS:
        return False
    if t.cap:
        return True
    return (
        t.low.replace("-", "").isalpha()
        # a noun that doubles as a speech verb modifies a head too: 'the state officials', 'the report authors'
        and (low not in lx.SPEECH_VERBS or (low in lx.NOUNLIKE_FORMS and not low.endswith("s")))
        and low not in lx.AUXILIARIES
        and low not in lx.SUBORDINATORS
        and low not in lx.LEADING_SKIP
        and low not in lx.ADJUNCT_OPENERS
        and (not low.endswith("ing") or "-" in low)
    )


def _span_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """Text of toks[i:j] as written, without a trailing possessive."""
    s = text[toks[i].start : toks[j - 1].end]
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    return s.rstrip("'’").strip()


def _adverb(low: str) -> bool:
    """An -ly adverb ('publicly', 'repeatedly'), not a noun such as 'family' or 'ally'."""
    return low.endswith("ly") and low not in lx.LY_NOUNS


def _time_number(toks: list[Tok], k: int) -> bool:
    """A number inside a time adjunct: a year ('in 2008') or a day after a month ('on March 4')."""
    t = toks[k].text
    if not t[:1].isdigit():
        return False
    if len(t) == 4 and t.isdigit() and t[:2] in {"19", "20"}:
        return True
    return k > 0 and base(toks[k - 1].low) in lx.TIME_WORDS
