"""Stage 3: the longest runs of capitalised words whose name is in the gazetteer, outside venues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Entry, gazetteer, norm
from .lexicon import NAME_CONNECTORS
from .tokens import Tok, joined

# An elided French or Italian article before a capital inside a name: "Côte d'Ivoire", "Val d'Aosta".
ELIDED_CAP = re.compile(r"[dl]['’]\w", re.IGNORECASE)


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    key: str
    entry: Entry
    single: bool
    veto: bool = False  # part of an organisation name
    person: bool = False  # local evidence of a person
    strong: bool = False  # locative context
    admin_after: bool = False  # followed by ", <region/country>"
    needs_the_ok: bool = True
    list_prev: int = -1  # index of the hit this one is coordinated with ("A, B and C")
    initial: bool = False  # first word of a sentence
    coord: bool = False  # "North and South Dakota"
    upper: bool = False  # written in capitals ("US", "U.S.")
    adjective: bool = False  # "U.S. officials": an acronym used as an adjective
    named: bool = False  # strong evidence of a person: a title or a given name right before
    titled: bool = False  # a title or a common given name right before ("Mr Jordan", "Janet Reno")
    explicit: bool = False  # an administrative noun says it is a place ("the town of X", "X province")
    weak: bool = False  # the locative is "to"/"from", which people take too ("a letter to Mary")
    company: bool = False  # "Mesa shares", "a stake in Magna": a company named like a town
    after_place: bool = False  # right after "<city>, " ("Greenville, Pa.")
    clear: bool = False  # a clear locative: "left Toulon", "arrived in Toulon", "flew to Toulon"
    site: bool = False  # a site of the town after it: "the Toulon airport"


def lookup_hits(text: str, toks: list[Tok], taken: list[bool]) -> list[tuple[int, int, str, Entry]]:
    """Longest gazetteer names over capitalised words: (first token, end token, key, entry)."""
    gz = gazetteer()
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if taken[i] or not t.cap:
            i += 1
            continue
        best = None
        key = norm(t.text)
        j = i + 1
        while True:
            inner_cap = j > i + 1 and ELIDED_CAP.match(toks[j - 1].text) is not None  # "Côte d'Ivoire"
            if not toks[j - 1].text[:1].isupper() and toks[j - 1].text not in NAME_CONNECTORS and not inner_cap:
                break
            if toks[j - 1].cap or inner_cap:
                e = gz.get(key)
                if e is not None:
                    best = (j, key, e)
            if toks[j - 1].possessive:
                key += "'s"  # "People's Republic of China": the prefix holds the possessive
            if key not in gz.prefixes or j >= n or taken[j] or not joined(text, toks[j - 1], toks[j], True):
                break
            key += " " + norm(toks[j].text)
            j += 1
        if best is not None and best[0] == i + 1 and reduplicated(text, toks, i):
            # "Bau-Bau", "Kota-Kota": a town named by one word twice is one name, not two towns "Bau"
            # (the gazetteer may spell it in one word, "Baubau"; else no code of the one-word town).
            whole = norm(t.text + toks[i + 1].text.lower())
            e = gz.get(whole)
            best = (i + 2, whole, e) if e is not None else (i + 2, best[1], best[2]._replace(code=None))
        if best is None:
            i += 1
            continue
        j, key, e = best
        out.append((i, j, key, e))
        i = j
    return out


def reduplicated(text: str, toks: list[Tok], i: int) -> bool:
    """toks[i] and the next token are one word written twice across a hyphen ("Bau-Bau")."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].text == toks[i].text
        and toks[i].pend == toks[i].end
        and text[toks[i].end : toks[i + 1].start] == "-"
    )
