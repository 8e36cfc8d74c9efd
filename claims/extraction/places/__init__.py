"""Countries, regions, cities, streets, buildings and venues mentioned in a sentence.

How it works, once per document: :func:`index_places` builds a :class:`PlaceIndex` of the whole
article, which the pipeline builds once and asks for each sentence's places (no module-level cache).
One module per stage:

1. ``tokens``: each line is cut into word tokens with one regex; "U.S."/"D.C." are single tokens and a
   possessive "'s" is kept apart from its word.
2. ``venues``: a run of capitalised words ending in a venue head noun ("Millbrook Road",
   "Old Cathedral", "... Assembly Hall") or starting with a feature prefix ("Lake Victoria"), and roads
   named by their number ("Interstate 25").
3. ``lookup``: gazetteer, the longest run of capitalised words whose name is in the gazetteer
   (:mod:`.gazetteer`), outside venues.
4. ``context``: each gazetteer hit is then judged by its context, because many place names are also words,
   people or parts of organisation names:
   - part of an organisation or publication ("US Commerce Department", "Dental Journal of
     Canada", "Washington Post") -> dropped;
   - next to a title or another capitalised name ("Mr Clinton", "Paris Hilton", "Jordan
     Peterson"), or a city before "said" ("Clinton said") -> a person, dropped;
   - common words ("Reading", "Mobile"), small towns and alternate names need locative context:
     "in/at/from/to X", "X, <Region>", "the town of X", a list of places, or such a mention of
     the same name elsewhere in the document (one sense per discourse).
     A small foreign town whose country the article never names needs more: its country, "X, <Region>",
     or a clear locative ("left Toulon", "arrived in Tarbes", "a man from Tarbes", "from Brest to Lorient").
   - a compass word before the place is part of the mention ("Eastern Chad", "southern Chad"), as is
     the adjective of a regime ("Nazi Germany");
   - a place naming a vehicle ("the Tucson probe", "the tanker Rio Grande"), a team ("the Denver
     Nuggets") or used for people ("the UK delegates") is dropped.
5. ``unknown``: names the gazetteer lacks are places after an administrative noun ("the constituency of
   X", "the towns of X and Y"), before a lowercase one ("X province"), after a locative and a compass
   adjective ("across Eastern Varnia"), before ", <region or country>" after a locative ("in Levico
   Terme, Italy"), or, after "the" or a locative word, before a lowercase site head, with a modifier or
   not ("the Pak Lam prison", "the Lukovo refugee camp", kept with its head); two names before "border"
   ("the Keld-Varnia border"); a list with a well-known place or a counted plural apposition ("at Mongla
   and Chittagong", "Ostby and Brenna, two mining towns"); after "in" after a venue or a building ("the
   Keld Theatre in Leith"); a name used twice after "in" and only after locatives in the article.
6. ``decide``: one sense per discourse and the evidence a small place needs, over the whole document.

The word lists of the stage are in ``places.lexicon``.
"""

from __future__ import annotations

import bisect

from .. import lexicon as lx
from ..gazetteer import AFTER_PLACE, MAX_TOKENS, NEEDS_THE, UPPER_ONLY, gazetteer
from ..types import PlaceMention
from .context import coordinated_compass, judge
from .decide import decide
from .lexicon import FUNCTION_CAPS
from .lookup import Hit, lookup_hits
from .tokens import COMMA_GAP, DATELINE_AFTER, LINE, Tok, joined, run_key, tokens
from .unknown import (
    Repeated,
    capital_named,
    compass_region,
    dateline_unknown,
    hyphen_pair_before_border,
    listed_in_apposition,
    listed_with_known_place,
    named_after_clear_locative,
    named_before_region,
    named_in_apposition,
    names_before_plural,
    repeated_after_in,
    repeated_places,
    town_of,
    unknown_before_noun,
)
from .venues import named_words, numbered_roads, person_words, surname_heads, venue_acronyms, venue_spans

__all__ = ["PlaceIndex", "find_places", "index_places"]

# Names sharing a first word that one sense per discourse follows (keeps a pathological text linear).
MAX_SAME_FIRST = 8
PERSON_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Doctor"})


class PlaceIndex:
    """Every place mention of one document, sorted, for the per-sentence questions of the pipeline."""

    def __init__(self, text: str) -> None:
        self.mentions: list[PlaceMention] = []
        self.venue_countries: set[str] = set()  # countries of places named inside venues ("Volgograd Arena")
        self.names: dict[str, str] = {}  # names the gazetteer lacks, found as places by their context
        self.repeated: dict[str, Repeated] = {}  # names the gazetteer lacks, by the words before each use
        self.lines: list[tuple[list[Tok], list[bool], set[int]]] = []
        surnames = person_words(text)  # one scan of the article for "Ms Park", "Hall said"
        self.surnames = surname_heads(surnames)  # venue heads used as surnames
        self.person_words = named_words(text, surnames)  # "Ms Tarvo", "Tarvo said", "Nancy Tarvo": surnames
        hits: list[Hit] = []
        for lm in LINE.finditer(text):
            line_hits = self._line(text, lm.start(), lm.end())
            for h in line_hits:
                if h.list_prev >= 0:
                    h.list_prev += len(hits)  # an index into the line's hits, made one into the article's
            hits.extend(line_hits)
        if self.names:
            self._same_names(text)
        self.lines = []
        if self.repeated:
            self.mentions.extend(repeated_places(text, self.repeated))
        decide(text, hits, self.venue_countries, self.mentions)
        venue_acronyms(text, self.mentions)
        self.mentions.sort(key=lambda p: (p.start, -p.end))
        # A mention inside a longer one is part of that name ("Ostrava" of "the village of Ostrava Mala").
        kept: list[PlaceMention] = []
        for p in self.mentions:
            if kept and p.end <= kept[-1].end:
                continue
            kept.append(p)
        self.mentions = kept
        self.starts = [p.start for p in self.mentions]

    def within(self, start: int, end: int) -> list[PlaceMention]:
        """The mentions inside text[start:end], found by bisection (linear over a document's sentences)."""
        if start >= end:
            return []
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [p for p in self.mentions[lo:hi] if p.end <= end]

    def _same_names(self, text: str) -> None:
        """One sense per discourse for names the gazetteer lacks: once "Selvak, a town near the border"
        or "in Kolma town" has made a name a place, the same name elsewhere in the article is that place
        ("Selvak was shelled again"), unless it is part of a longer capitalised name ("Mr Selvak")."""
        firsts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, kind in self.names.items():
            words = tuple(t.text for t in tokens(name, 0))
            if words and len(firsts.setdefault(words[0], [])) < MAX_SAME_FIRST:
                firsts[words[0]].append((words, kind))
        for toks, taken, starts in self.lines:
            for i, t in enumerate(toks):
                cands = firsts.get(t.text)
                if not cands or taken[i] or i in starts:
                    continue
                prev = toks[i - 1] if i > 0 and joined(text, toks[i - 1], t) else None
                if prev is not None and prev.cap and (prev.text not in FUNCTION_CAPS or prev.text in PERSON_TITLES):
                    continue  # "Mr Selvak", "Anna Kolma": a person
                if (
                    prev is not None
                    and prev.text in ("of", "for")
                    and i >= 2
                    and toks[i - 2].text in lx.ORG_NAME_HEADS
                    and joined(text, toks[i - 2], prev)
                ):
                    continue  # "the University of Selvak": inside a body's name, no place (the convention)
                for words, kind in cands:
                    j = i + len(words)
                    if j > len(toks) or any(toks[k].text != w for k, w in zip(range(i, j), words, strict=True)):
                        continue
                    if not all(joined(text, toks[k - 1], toks[k]) for k in range(i + 1, j)):
                        continue
                    if j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j]):
                        continue  # "Selvak Airlines": a longer name
                    a, b = t.start, toks[j - 1].end
                    self.mentions.append(PlaceMention(text[a:b], a, b, kind))  # type: ignore[arg-type]
                    break

    def _line(self, text: str, ls: int, le: int) -> list[Hit]:
        toks = tokens(text[ls:le], ls)
        if not toks:
            return []
        taken = [False] * len(toks)
        gz = gazetteer()
        roads = numbered_roads(text, ls, le, toks, taken, self.mentions)
        for s, j, kind, code in venue_spans(text, toks, ls, self.surnames):
            if roads and any(taken[k] for k in range(s, j)):
                continue  # "U.S. Highway" of "U.S. Highway 85": the numbered road is the venue
            for k in range(s, j):
                taken[k] = True
            for k in range(min(j, s + MAX_TOKENS), s, -1):
                inner = gz.get(run_key(toks, s, k))
                if inner is not None and inner.cc:
                    self.venue_countries.add(inner.cc)
                    break
            a, b = toks[s].start, toks[j - 1].end
            self.mentions.append(PlaceMention(text[a:b], a, b, kind, code))  # type: ignore[arg-type]
        hits: list[Hit] = []
        raw = [
            r
            for r in lookup_hits(text, toks, taken)
            if (not (r[3].flags & UPPER_ONLY) or text[toks[r[0]].start : toks[r[1] - 1].end].replace(".", "").isupper())
            and (not (r[3].flags & NEEDS_THE) or (r[0] > 0 and toks[r[0] - 1].text in ("the", "The")))
        ]  # "Al-Kadir" holds no "AL" (Alabama), "North Ashvale" no "the North": such names need their form
        first_unknown = len(self.mentions)
        dateline_unknown(text, toks, taken, raw, self.mentions)
        drop = named_before_region(text, toks, taken, raw, self.mentions)
        if drop:
            raw = [r for n, r in enumerate(raw) if n not in drop]
        drop = compass_region(text, toks, taken, raw, self.mentions)
        if drop:
            raw = [r for n, r in enumerate(raw) if n not in drop]
        dateline_end = -1
        for idx, (i, j, key, e) in enumerate(raw):
            h = Hit(toks[i].start, toks[j - 1].end, key, e, j - i == 1)
            h.upper = text[h.start : h.end].replace(".", "").replace(" ", "").isupper()
            # A wire dateline: "KYIV, Ukraine (AP) —", "GAZA CITY (Reuters) -", "BEIRUT/DAMASCUS (Reuters)".
            dateline = (
                h.upper
                and len(key) >= 4
                and (h.start == ls or (dateline_end >= 0 and text[dateline_end : h.start] == "/"))
                and DATELINE_AFTER.match(text, h.end) is not None
            )
            if dateline:
                dateline_end = h.end
            elif h.single and h.upper and len(key) <= 5 and not (e.flags & (UPPER_ONLY | AFTER_PLACE)):
                continue  # "UN", "U.N.", "LA": an acronym, not the town of Un or La
            judge(text, toks, i, j, h, ls)
            if dateline:
                h.strong = h.explicit = True  # the dateline names where the report was filed
            # Coordination with the previous hit: "A, B and C", "A and B".
            if (idx and raw[idx - 1][1] == i - 1 and toks[i - 1].text in ("and", "or")) or (
                idx and raw[idx - 1][1] == i and COMMA_GAP.fullmatch(text, toks[i - 1].pend, toks[i].start)
            ):
                h.list_prev = len(hits) - 1
            if hits and h.list_prev == len(hits) - 1 and hits[-1].veto:
                h.veto = True  # "Wine Authority of Australia and New Zealand"
            if (
                hits
                and COMMA_GAP.fullmatch(text, hits[-1].end, h.start)
                and h.entry.kind in ("country", "region")
                and not toks[j - 1].possessive
            ):  # not "Dole, Kansas's senior senator": an apposition about a person
                hits[-1].admin_after = True  # "Guelph, Ontario"
                surface = text[h.start : h.end]
                h.after_place = hits[-1].entry.kind == "city" and (
                    "." in surface or text.startswith(".", h.end) or (len(surface) == 2 and surface.isupper())
                )
            hits.append(h)
        town_of(text, toks, taken, raw, self.mentions)
        capital_named(text, toks, taken, raw, self.mentions)
        unknown_before_noun(text, toks, taken, raw, self.mentions)
        named_in_apposition(text, toks, taken, raw, self.mentions)
        names_before_plural(text, toks, taken, raw, self.mentions)
        hyphen_pair_before_border(text, toks, taken, raw, self.mentions)
        for m in self.mentions[first_unknown:]:
            if m.kind != "venue":
                self.names.setdefault(m.text, m.kind)
                if m.text.isupper():
                    # a dateline's capitals name the town the story then writes in title case ("KELDA,
                    # March 3 — ... Kelda's mayor said")
                    self.names.setdefault(m.text.title(), m.kind)
        # (weaker evidence, for this mention only: not spread to the name's other mentions)
        named_after_clear_locative(text, toks, taken, raw, self.mentions, self.person_words)
        located: set[int] = set()
        described: set[int] = set()
        listed_with_known_place(text, toks, taken, raw, self.mentions, self.person_words, located)
        listed_in_apposition(text, toks, taken, raw, self.mentions, described)
        for h in hits:
            if h.end in located:
                h.strong = True  # "at Mongla and Chittagong": the locative opens the list
            if h.end in described:
                h.strong = h.explicit = True  # "Ostby and Halden, two mining towns"
        self.lines.append((toks, taken, {r[0] for r in raw}))
        repeated_after_in(text, toks, taken, raw, self.repeated, self.person_words)
        coordinated_compass(text, hits)
        return hits


def index_places(text: str) -> PlaceIndex:
    """The places index of one document: build it once and ask it for each sentence."""
    return PlaceIndex(text)


def find_places(text: str, start: int, end: int) -> list[PlaceMention]:
    """Places inside text[start:end] (the whole document is read for context; for many sentences of
    one document build :func:`index_places` once instead)."""
    if not text or start >= end:
        return []
    return PlaceIndex(text).within(start, end)
