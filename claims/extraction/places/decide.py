"""Stage 6: the document decides: one sense per discourse (a name seen as a person's stays one),
small places need locative context or their country in the article."""

from __future__ import annotations

from ..gazetteer import (
    AFTER_PLACE,
    CITY_POP,
    COMMON,
    NEVER_ALONE,
    P_SALIENT_REGION,
    SMALL,
    UPPER_ONLY,
    Entry,
)
from ..types import PlaceMention
from .lexicon import GIVEN_NAMES, HOME_COUNTRIES
from .lookup import Hit


def decide(text: str, hits: list[Hit], venue_countries: set[str], mentions: list[PlaceMention]) -> None:
    """Keep the hits their context and the document support; append them to mentions."""
    confirmed = {h.key for h in hits if (h.strong or h.admin_after) and not h.veto and not h.person}
    # One sense per discourse: a name seen as a person's ("Hillary Clinton") is a person elsewhere
    # too unless the context is locative. Countries need a title ("Mr Jordan"): "Team Estonia",
    # "Air Canada" are organisations, not people.
    people = {
        h.key
        for h in hits
        if h.single
        and not h.veto
        and h.entry.kind != "country"
        and (h.named or (h.person and h.entry.prio < P_SALIENT_REGION))
    }
    # A title or a given name ("President Bush", "Janet Reno") or a company cue ("Mesa shares") is stronger evidence: only a true
    # locative overrides it ("flew to Reno", not "a letter to Reno").
    named = {h.key for h in hits if (h.titled or h.company) and not h.veto}
    people |= named
    # A minor town's name that the article also gives a person by a name or title before it ("Hillary
    # Clinton", "Mr Davis") is that person after a bare preposition too ("support from Clinton",
    # "between Clinton and Sanders", "in Clinton's direction"): such a mention needs a sign of a place
    # of its own ("arrived in Clinton", "Clinton, Iowa", "the town of Clinton").
    surnames = {
        h.key
        for h in hits
        if h.named and h.single and not h.veto and h.entry.kind == "city" and h.entry.prio < P_SALIENT_REGION
    }
    people -= {h.key for h in hits if ((h.strong and not h.weak) or h.admin_after or h.explicit) and not h.veto}
    accepted: list[bool] = []
    for h in hits:
        ok = accept(h, confirmed, people, hits, accepted)
        if ok and h.key in named and not ((h.strong and not h.weak) or h.admin_after or h.explicit):
            ok = False
        if ok and h.key in surnames and not (h.admin_after or h.explicit or h.clear):
            ok = False
        accepted.append(ok)
    # A list is read from its end too: "Florence, Bologna and Naples" (a given name and a minor town
    # taken with the big city closing the list).
    blocked = people | named | surnames | {h.key for h in hits if h.person or h.named}
    for idx in range(len(hits) - 1, 0, -1):
        p = hits[idx].list_prev
        if 0 <= p < idx and accepted[idx] and not accepted[p] and listable(hits[p], hits[idx], blocked):
            accepted[p] = True
    # A minor foreign place of a country the article never names is more often a word or a name:
    # "the voice of Batman", "a letter to Mary". It needs its country elsewhere in the article
    # (a venue named after one of its cities counts), an explicit "X, <Region>" or "the town of X",
    # or another minor place of that country. (English-language news name small towns of the
    # English-speaking countries without their country.)
    countries = {h.entry.cc for h, ok in zip(hits, accepted, strict=True) if ok and not (h.entry.flags & SMALL)}
    countries |= venue_countries | HOME_COUNTRIES
    minor: dict[str, set[str]] = {}
    for h, ok in zip(hits, accepted, strict=True):
        if ok and h.entry.flags & SMALL:
            minor.setdefault(h.entry.cc, set()).add(h.key)
    countries |= {cc for cc, keys in minor.items() if len(keys) >= 2}
    # A clear locative is evidence enough ("the ferry left Toulon", "arrived in Tarbes") unless the
    # name is a person's elsewhere in the article ("Marco Rubio ... moving from Rubio").
    persons = {h.key for h in hits if h.person and not h.veto}
    # Listed with a place that needs no such evidence: "in Paris, Zurich and Amsterdam".
    in_list = [False] * len(hits)
    for idx, h in enumerate(hits):
        p = h.list_prev
        if 0 <= p < idx and accepted[p] and accepted[idx]:
            in_list[idx] |= not minor_place(hits[p].entry)
            in_list[p] |= not minor_place(h.entry)
    for idx, (h, ok) in enumerate(zip(hits, accepted, strict=True)):
        if not ok:
            continue
        e = h.entry
        clear = h.clear and h.key not in persons
        if minor_place(e) and e.cc not in countries and not (h.admin_after or h.explicit or in_list[idx] or clear):
            continue
        code = None if h.coord else e.code
        end = h.end + abbreviation_dot(text, h.start, h.end, e)
        mentions.append(PlaceMention(text[h.start : end], h.start, end, e.kind, code))  # type: ignore[arg-type]


def accept(h: Hit, confirmed: set[str], people: set[str], hits: list[Hit], accepted: list[bool]) -> bool:
    e = h.entry
    if h.veto or h.person or h.adjective or not h.needs_the_ok:
        return False
    if e.flags & UPPER_ONLY and not h.upper:
        return False
    if e.flags & AFTER_PLACE:
        return h.after_place
    listed = 0 <= h.list_prev < len(accepted) and accepted[h.list_prev] and hits[h.list_prev].entry.kind == e.kind
    strong = h.strong or h.admin_after or listed
    if h.company or (h.key in people and not strong):
        return False
    if e.flags & NEVER_ALONE:
        return h.admin_after
    if e.kind == "city" and h.key in GIVEN_NAMES:
        return (h.strong and not h.weak) or h.admin_after or listed  # "flew to Florence", not "a letter to Mary"
    if e.flags & (COMMON | SMALL):
        if h.initial and e.flags & COMMON and not (h.admin_after or h.explicit):
            return False  # "Reading is fun" (but "READING (AP) —", a dateline, is explicit)
        return strong or h.key in confirmed  # "in Charlotte", not "Charlotte agreed"
    return True


def listable(h: Hit, after: Hit, blocked: set[str]) -> bool:
    """h, listed before the accepted place ``after``, lacks nothing but locative context: no sign of a
    person (here or elsewhere in the article: ``blocked``), an organisation, a company or an adjective,
    no minor town named like a person ("Mary"), and a place of the same kind."""
    return (
        not (h.veto or h.person or h.named or h.adjective or h.company or h.initial)
        and h.needs_the_ok
        and h.key not in blocked
        and not (h.key in GIVEN_NAMES and h.entry.flags & SMALL)
        and not (h.entry.flags & (NEVER_ALONE | AFTER_PLACE | UPPER_ONLY))
        and h.entry.kind == after.entry.kind
    )


def abbreviation_dot(text: str, start: int, end: int, e: Entry) -> int:
    """1 when the period after a state's abbreviation is part of it as written: "Greenville, Pa.",
    "PELLSTON, Mich. (AP)" (not a postal code: "Greenville, PA.")."""
    if not (e.flags & AFTER_PLACE) or not text.startswith(".", end):
        return 0
    surface = text[start:end]
    return int("." not in surface and not surface.isupper())


def minor_place(e: Entry) -> bool:
    """A small town or minor region (not a big city known under an alternate name, like "Mecca")."""
    return bool(e.flags & SMALL) and bool(e.cc) and e.pop < CITY_POP
