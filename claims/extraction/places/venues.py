"""Stage 2: venues, a run of capitalised words ending in a venue head ("Millbrook Road", "Old
Cathedral") or starting with a feature prefix ("Lake Victoria"), and their acronyms ("the Kennedy Space
Center (KSC)")."""

from __future__ import annotations

import bisect
import re

from .. import lexicon as lx
from ..gazetteer import COMMON, MAX_TOKENS, gazetteer, norm
from ..types import PlaceMention
from .lexicon import (
    ADDRESSEE_VERBS,
    ADMIN_PLURALS,
    AIRPORT_HEADS,
    BODY_NAMES_WITH_VENUE_HEAD,
    CONNECTORS,
    DENOMINATIONS,
    FACILITY_WORDS,
    FAME_MEMBERS,
    FUNCTION_CAPS,
    GENERIC_VENUE_WORDS,
    GEOGRAPHIC_PLURALS,
    GIVEN_NAMES,
    HEAD_FIRST,
    INSTITUTION_HEADS,
    LOCAL_OFFICES,
    LOCATIVE,
    MONTHS_DAYS,
    NUMBERED_ROAD,
    ORG_CENTRE_WORDS,
    ORG_NOUNS,
    PARTIES_BEFORE_HOUSE,
    PREFIX_HEADS,
    SAINT_WORDS,
    STREET_HEADS,
    VENUE_HEADS,
    VESSEL_NOUNS,
    WORK_KINDS_BEFORE_TITLE,
)
from .tokens import (
    ACRONYM_AFTER,
    AMPERSAND_GAP,
    Tok,
    joined,
    run_key,
    sentence_initial,
)

Venue = tuple[int, int, str, "str | None"]  # token range [s, j), kind, code

# A capitalised word after a title ("Ms Park"), or before a verb of saying where no capitalised word
# comes before it ("Hall said", not "City Hall said").
SURNAME_HEAD = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? (?P<titled>[A-Z][a-z]+)\b"
    r"|(?<![A-Za-z] )(?<![A-Za-z])(?P<speaker>[A-Z][a-z]+),? (?:"
    + "|".join(sorted(lx.SPEECH_VERBS_AFTER_NAME))
    + r")\b"
)


def person_words(text: str) -> frozenset[str]:
    """Capitalised words the article uses alone as a person's surname: "Ms Park", "Hall said"."""
    return frozenset(m.group("titled") or m.group("speaker") for m in SURNAME_HEAD.finditer(text))


# A capitalised word after another one: "Nancy Tarvo", "Senator Tarvo" (a given name or a title before).
NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\.? (?=([A-Z][a-z]+)\b)")  # (overlapping: "Speaker Nancy Tarvo")


def named_words(text: str, surnames: frozenset[str]) -> frozenset[str]:
    """Words the article uses as a person's surname after a title or a given name, besides ``surnames``
    (what :func:`person_words` found in it): "Senator Tarvo", "Nancy Tarvo"."""
    found = set(surnames)
    for m in NAME_PAIR.finditer(text):
        first = m.group(1)
        if first in lx.CASED_TITLES or first.lower() in GIVEN_NAMES:
            found.add(m.group(2))
    return frozenset(found)


def surname_heads(words: frozenset[str]) -> frozenset[str]:
    """Venue heads among the article's surnames (:func:`person_words`): after "Ms Park" or "Hall said",
    "Jin Park" or "Lena Hall" elsewhere in it is that person, not a park or a hall."""
    return frozenset(w for w in words if w in VENUE_HEADS)


def venue_spans(text: str, toks: list[Tok], line_start: int, surnames: frozenset[str] = frozenset()) -> list[Venue]:
    """Token index ranges [i, j) of venues, with their kind and code; ``surnames``: venue heads the
    article uses as a person's surname (:func:`surname_heads`)."""
    gz = gazetteer()
    out: list[Venue] = []
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        # A maximal run of capitalised words (connectors inside), as token indexes [i, j).
        j = i + 1
        while j < n:
            t = toks[j]
            prev = toks[j - 1]
            # "Evergreen Aviation & Space Museum", "Mary & Leigh Block Museum"
            amp = t.cap and not prev.possessive and AMPERSAND_GAP.fullmatch(text, prev.pend, t.start) is not None
            if not amp and not joined(text, prev, t):
                break
            if (
                prev.possessive
                and gz.get(norm(prev.text)) is not None
                and not lone_head(text, toks, j)
                and not (j >= 2 and toks[j - 2].text in SAINT_WORDS)
            ):
                break  # "Seville's Old Cathedral": the possessor is a place of its own (not "St Vincent's Hospital",
                # nor "St Mary's Church in Tarvo": a saint named like a town)
            if amp or (t.cap and t.text not in FUNCTION_CAPS):
                j += 1
                continue
            # Connectors inside a name: "Veterans of the Pacific War Memorial", "Rock and Roll Hall";
            # "the" only after "of", and no "and" after a complete venue ("White House and NASA").
            k = j
            if text.startswith("-", prev.pend) and len(t.text) <= 4 and t.text.islower():
                k = j + 1  # "Naqsh-e Jahan Square", "Stratford-upon-Avon"
            elif t.text == "and":
                # not after a complete venue ("White House and NASA") nor an acronym ("JFK and Elm Airport")
                joins = prev.text not in VENUE_HEADS or generic_venue_after(text, toks, j + 1)
                if j - i == 1 and known_place_word(prev):
                    joins = False  # "in Berlin and Hyde Park": a place, then a venue
                k = j + 1 if joins and not (len(prev.text) >= 2 and prev.text.isupper()) else j
            elif t.text in CONNECTORS and t.text != "the":
                k = j + 1
                if k < n and toks[k].text == "the" and t.text == "of" and joined(text, toks[j], toks[k]):
                    k += 1
            if k > j and k < n and toks[k].cap and joined(text, toks[k - 1], toks[k]):
                j = k + 1
                continue
            break
        while j > i + 1 and toks[j - 1].text in CONNECTORS:
            j -= 1
        s = i
        while s < j and (
            not toks[s].cap
            or toks[s].text in FUNCTION_CAPS
            or toks[s].text in MONTHS_DAYS
            or toks[s].text in lx.CASED_TITLES
        ):
            s += 1
        if plural_opening_of(text, toks, s, j, line_start):
            s += 3 if toks[s + 2].text == "the" else 2  # "Residents of Gaza City", "Parts of Hyde Park"
        found = venues_in_run(text, toks, s, j, line_start, surnames)
        out.extend(found)
        if found and found[-1][1] + 1 < j and toks[found[-1][1]].text == "and":
            i = found[-1][1] + 1  # "Lake Kivu and Mount Kenya": a second name after the first
        else:
            i = j
    return airport_codes(text, toks, out)


def known_place_word(t: Tok) -> bool:
    """A one-word country, region or city name that is no common word ("Berlin", not "Reading")."""
    e = gazetteer().get(norm(t.text))
    return e is not None and e.kind in ("country", "region", "city") and not (e.flags & COMMON)


def numbered_roads(
    text: str, ls: int, le: int, toks: list[Tok], taken: list[bool], mentions: list[PlaceMention]
) -> bool:
    """'Interstate 25', 'U.S. Highway 85', 'Route 83', 'I-25': a road named by its number is a venue; its
    words are taken (no "U.S." place in it). True when the line holds one."""
    starts: list[int] = []
    for m in NUMBERED_ROAD.finditer(text, ls, le):
        a, b = m.span()
        mentions.append(PlaceMention(m.group(), a, b, "venue"))
        if not starts:
            starts = [t.start for t in toks]
        n = bisect.bisect_left(starts, a)
        while n < len(toks) and toks[n].start < b:
            taken[n] = True
            n += 1
    return bool(starts)


def plural_opening_of(text: str, toks: list[Tok], s: int, j: int, line_start: int) -> bool:
    """toks[s] is a plural noun capitalised only because it opens the sentence, before "of" and a name:
    "Residents of Tarvo Park", "Fans of Velmar Stadium" (not "Gardens of ...", a venue's head)."""
    if s + 2 >= j:
        return False
    w = toks[s].text
    return (
        toks[s + 1].text == "of"
        and w.endswith("s")
        and w[1:].islower()
        and w not in VENUE_HEADS
        and w not in HEAD_FIRST
        and gazetteer().get(norm(w)) is None
        and sentence_initial(text, toks[s], line_start)
    )


def airport_codes(text: str, toks: list[Tok], venues: list[Venue]) -> list[Venue]:
    """'from JFK and Elm County Airport', 'Harlow Airport or BDL': a three-letter code coordinated
    with an airport is an airport too."""
    codes: list[Venue] = []
    for s, j, _kind, _code in venues:
        if toks[j - 1].text not in AIRPORT_HEADS:
            continue
        for c, a, b in ((s - 2, s - 1, s), (j + 1, j, j + 1)):  # code, connector, the token after it
            if c < 0 or c >= len(toks) or toks[a].text not in ("and", "or"):
                continue
            w = toks[c].text
            if not (
                len(w) == 3 and w.isupper() and joined(text, toks[a - 1], toks[a]) and joined(text, toks[a], toks[b])
            ):
                continue
            if c + 1 != a and c + 1 < len(toks) and toks[c + 1].cap and joined(text, toks[c], toks[c + 1]):
                continue  # "Elm Airport and BDL Holdings": the code opens another name
            codes.append((c, c + 1, "venue", None))
    return sorted(venues + codes) if codes else venues


def generic_venue_after(text: str, toks: list[Tok], k: int) -> bool:
    """toks[k:] is a generic venue name ("Art Gallery", "Gardens"): it may share a name after "and"."""
    for m in range(k, min(k + 4, len(toks))):
        t = toks[m]
        if m > k and not joined(text, toks[m - 1], t):
            return False
        if t.text in VENUE_HEADS and VENUE_HEADS[t.text] == "venue":
            return m + 1 >= len(toks) or not toks[m + 1].cap or not joined(text, t, toks[m + 1])
        if t.text not in GENERIC_VENUE_WORDS and t.text not in FACILITY_WORDS:
            return False
    return False


def venues_in_run(
    text: str, toks: list[Tok], s: int, j: int, ls: int, surnames: frozenset[str] = frozenset()
) -> list[Venue]:
    """The venues of the capitalised run toks[s:j]: one, none, or a venue then a place after "of"."""
    if j - s < 2:
        return []
    # "Harris County Judge Ann Lee", "Kern County Sheriff's deputies": an office of the county follows its name.
    for k in range(s + 1, j - 1):
        if VENUE_HEADS.get(toks[k].text) == "region" and not toks[k].possessive:
            nxt = toks[k + 1].text
            if nxt in lx.CASED_TITLES or nxt in LOCAL_OFFICES:
                if k == s + 1 and toks[s].text.replace(".", "").isupper():
                    return []  # "U.S. District Judge Lena Orr": a federal court's title, no district named
                j = k + 1
                break
    # "Taikoo of the Hong Kong Island", "Evergreen Aviation & Space Museum of McMinnville": a name, then
    # "of [the]" and a known place. Two names unless the part before is a bare head ("Gulf of Mexico",
    # "Museum of London", "Isle of Man") or a district of that place ("Western District of New York").
    for o in range(s + 1, j - 1):
        if toks[o].text != "of":
            continue
        b = o + 2 if toks[o + 1].text == "the" else o + 1
        if b < j and gazetteer().get(run_key(toks, b, j)) is not None:
            before = toks[o - 1].text
            if (o - s == 1 and (before in VENUE_HEADS or before in HEAD_FIRST)) or VENUE_HEADS.get(before) == "region":
                break
            found = venue_in_run(text, toks, s, o, ls, surnames)
            return [found] if found else []
        if b == o + 1 and person_before_of(toks, s, o):
            # "Rev. Ada Kroll of Marsh Lane Baptist Church": a person, then the venue after "of".
            found = venue_in_run(text, toks, b, j, ls, surnames)
            return [found] if found else []
        break
    found = venue_in_run(text, toks, s, j, ls, surnames)
    return [found] if found else []


def person_before_of(toks: list[Tok], s: int, o: int) -> bool:
    """toks[s:o], before "of", is a person's name: two or three capitalised words, none a venue head,
    an organisation's or an opening head ("Ada Kroll", not "Bank of ...", "Museum of ...", nor "Friends")."""
    if not 2 <= o - s <= 3:
        return False
    for k in range(s, o):
        w = toks[k].text
        if w in VENUE_HEADS or w in HEAD_FIRST or w in lx.ORG_NAME_HEADS or w in PREFIX_HEADS or toks[k].possessive:
            return False
        if not (w[:1].isupper() and w[1:].islower()):
            return False
    return True


def lone_head(text: str, toks: list[Tok], j: int) -> bool:
    """toks[j] is a venue head standing alone after a possessive ("St Vincent's Hospital")."""
    return toks[j].text in VENUE_HEADS and (j + 1 >= len(toks) or not joined(text, toks[j], toks[j + 1]))


def venue_in_run(
    text: str, toks: list[Tok], s: int, j: int, ls: int, surnames: frozenset[str] = frozenset()
) -> Venue | None:
    if j - s < 2 or org_noun_after(text, toks, j):
        return None  # "The Cape Argus newspaper"
    if addressed(text, toks, s):
        return None  # "he told the Keld Media Centre": the one addressed is a body, not a place
    if name_of_a_thing(text, toks, s):
        return None  # "the ferry Aurora Bay", "the novel The Salt Road": a ship's name, a work's title
    if j < len(toks) and toks[j].text in ADMIN_PLURALS and any(toks[k].text == "and" for k in range(s, j)):
        return None  # "Broward and Palm Beach counties": a list of counties, no venue
    last = toks[j - 1].text
    kind = VENUE_HEADS.get(last)
    if kind and not toks[j - 1].possessive:
        before = toks[j - 2].text
        if f"{before} {last}" in BODY_NAMES_WITH_VENUE_HEAD:
            return None  # "the Turkish Red Crescent": a relief body, no street
        if last in GEOGRAPHIC_PLURALS and j - s <= MAX_TOKENS and gazetteer().get(run_key(toks, s, j)) is not None:
            return None  # "Palm Beach Gardens", "Eureka Springs": a town the gazetteer knows, judged as one
        given = toks[s].text.lower()
        if (
            j - s == 2
            and ((given in GIVEN_NAMES and last not in STREET_HEADS and kind != "region") or last in surnames)
            and not locative_before(text, toks, s, ls)
            and not located_after(text, toks, j)
            and not (s > 0 and toks[s - 1].text.lower() == "the")
        ):
            return None  # "one of them, Ellen Park, said", "Jin Park ... Park said": a person, not a park
        # "Udvar-Hazy Center" is a building, "Pew Research Center" a body: a named centre counts when
        # the sentence puts something at, in or near it, or puts it in a place.
        if (
            last in ("Centre", "Center", "Facility")
            and before not in FACILITY_WORDS
            and (before in ORG_CENTRE_WORDS or not (locative_before(text, toks, s, ls) or located_after(text, toks, j)))
        ):
            return None
        if (
            last == "House"
            and j - s > 2
            and toks[j - 2].text == "White"
            and toks[j - 3].text not in ("Little", "Old", "New", "Summer", "Winter")
        ):
            return (j - 2, j, kind, None)  # "the Biden White House": the president's name is no part of it
        if last == "House" and j - s == 2 and toks[s].text in ("Upper", "Lower"):
            return None  # "the Upper House", "the Lower House": chambers of a parliament
        if last == "House" and party_before(text, toks, j - 1):
            return None  # "the Republican House", "a Labor-led House": the chamber under a party
        if last == "House" and state_before(toks, s, j - 1):
            return None  # "the Kentucky House", "a Texas House committee": a state's legislative chamber
        if last in ("Church", "Temple", "Mosque") and all(toks[k].text in DENOMINATIONS for k in range(s, j - 1)):
            return None  # "the Catholic Church": the institution
        if kind == "region" and any(toks[k].text in lx.ORG_NAME_HEADS for k in range(s, j - 1)):
            return None  # "Irving Independent School District", "Metropolitan Water District": bodies
        if last in INSTITUTION_HEADS and speaks_after(text, toks, j):
            return None  # "the Harbour Museum said", "the Keld Hospital, which ..., has said": the institution
        return (s, j, kind, None)
    first = toks[s].text
    if first in PREFIX_HEADS and toks[j - 1].text not in lx.ORG_NAME_HEADS:
        e = s + 1
        while e < j and (
            (toks[e].cap and toks[e].text not in lx.CASED_TITLES)
            or (toks[e].text in CONNECTORS and toks[e].text != "and" and e + 1 < j and toks[e + 1].cap)
        ):
            e += 1  # "Fort Lauderdale Mayor Jack Seiler": a title ends the name; "Gare du Nord"
        # "Cape Town", "Fort Lauderdale": the gazetteer knows what it is.
        for k in range(min(e, s + MAX_TOKENS), s + 1, -1):
            entry = gazetteer().get(run_key(toks, s, k))
            if entry is not None:
                return (s, k, entry.kind, entry.code)
        if PREFIX_HEADS[first] == "city" and speaks_after(text, toks, e):
            return None  # "Port Vale said", "the Port of Keld said": a club or a port's authority speaking
        return (s, e, PREFIX_HEADS[first], None) if e - s >= 2 else None
    # Head first: "the Museum of Flight", "Mary & Leigh Block Museum of Art", "Palace of Westminster".
    for k in range(s, j - 2):
        t = toks[k]
        if t.text not in HEAD_FIRST or toks[k + 1].text != "of":
            continue
        if toks[k + 2].text in FAME_MEMBERS:
            return None  # "Hall of Famer Rita Dunne": a member of a hall of fame, a person
        if t.text == "Church" and toks[k + 2].text != "the":
            continue  # "Church of England", "Church of Scientology": denominations
        e = k + 2
        while e < j and (toks[e].text in CONNECTORS or (toks[e].cap and toks[e].text not in lx.CASED_TITLES)):
            e += 1  # "Museum of Flight CEO Bonnie Dunbar": a title ends the name
        while e > k + 2 and toks[e - 1].text in CONNECTORS:
            e -= 1
        if e > k + 2 and toks[e - 1].cap:
            return (s, e, VENUE_HEADS.get(t.text, "other" if t.text in ("Isle", "Straits") else "venue"), None)
        return None
    return None


def party_before(text: str, toks: list[Tok], k: int) -> bool:
    """A party's name, or "<party>-led", right before toks[k] ("the Republican House", "the
    Democratic-led House")."""
    p = k - 1
    if p >= 1 and toks[p].text in ("led", "controlled", "run") and text.startswith("-", toks[p - 1].pend):
        p -= 1
    return p >= 0 and toks[p].text in PARTIES_BEFORE_HOUSE and not toks[p].possessive


def state_before(toks: list[Tok], s: int, k: int) -> bool:
    """toks[s:k] is the name of a region, as before a chamber of its legislature ("the Ohio House")."""
    e = gazetteer().get(run_key(toks, s, k)) if k - s <= MAX_TOKENS else None
    return e is not None and e.kind == "region"


def name_of_a_thing(text: str, toks: list[Tok], s: int) -> bool:
    """The capitalised run at s follows a lowercase vessel noun or a work's kind right before it ("the
    ferry Aurora Bay", "the tanker Keld Star", "the novel The Salt Road"): the name is the thing's."""
    p = s - 1
    if p > 0 and toks[p].text == "The" and joined(text, toks[p - 1], toks[p]):
        p -= 1  # a title opening with "The"
    return (
        p >= 0
        and (toks[p].text in VESSEL_NOUNS or toks[p].text in WORK_KINDS_BEFORE_TITLE)
        and joined(text, toks[p], toks[p + 1])
    )


def speaks_after(text: str, toks: list[Tok], j: int) -> bool:
    """A verb of saying right after the name ending at token j ('said', 'has said'), or after a relative
    clause set off by commas ('..., which holds the archive, said'; at most 20 words): a speaking body."""
    n = len(toks)
    k = j
    if k < n and toks[k].text in ("which", "who") and "," in text[toks[k - 1].pend : toks[k].start]:
        k += 1
        while k < n and k - j < 20 and not any(c in text[toks[k - 1].pend : toks[k].start] for c in ",.;"):
            k += 1
        if k >= n or "," not in text[toks[k - 1].pend : toks[k].start]:
            return False
    if k < n and toks[k].text in ("has", "have", "had"):
        k += 1
    return k < n and toks[k].text in lx.SPEECH_VERBS_AFTER_NAME


def org_noun_after(text: str, toks: list[Tok], j: int) -> bool:
    return j < len(toks) and toks[j].text in ORG_NOUNS and joined(text, toks[j - 1], toks[j])


def located_after(text: str, toks: list[Tok], j: int) -> bool:
    """'... Center in Huntsville': the name is followed by "in/at/near" and a capitalised name."""
    return (
        j + 1 < len(toks)
        and toks[j].text in ("in", "at", "near")
        and toks[j + 1].cap
        and joined(text, toks[j - 1], toks[j])
        and joined(text, toks[j], toks[j + 1])
    )


def _word_before(text: str, toks: list[Tok], s: int) -> int:
    """Index of the word before token s, past an article joined to it ('told the X', 'at the X'); -1 at
    the start."""
    p = s - 1
    if p >= 0 and toks[p].text.lower() in ("the", "a", "an") and joined(text, toks[p], toks[p + 1]):
        p -= 1
    return p


def addressed(text: str, toks: list[Tok], s: int) -> bool:
    """The name at token s is the object of a verb of telling ('told the X', 'informed X'): an addressee."""
    p = _word_before(text, toks, s)
    return p >= 0 and toks[p].text.lower() in ADDRESSEE_VERBS and joined(text, toks[p], toks[p + 1])


def locative_before(text: str, toks: list[Tok], s: int, ls: int) -> bool:
    """'at the X', 'in X', 'near the X': a locative word before token s (an article skipped)."""
    p = _word_before(text, toks, s)
    if p >= 1 and toks[p].text == "to" and toks[p - 1].text.lower() in ("according", "thanks", "due"):
        return False  # "according to the Roper Center": a source, not a location
    return p >= 0 and toks[p].text.lower() in LOCATIVE and joined(text, toks[p], toks[p + 1])


def venue_acronyms(text: str, mentions: list[PlaceMention]) -> None:
    """'the Kennedy Space Center (KSC)': the acronym names the same venue wherever it is used."""
    aliases: dict[str, str] = {}
    for p in mentions:
        if p.kind != "venue":
            continue
        m = ACRONYM_AFTER.match(text, p.end)
        if m and m.group(1) == "".join(w[0] for w in p.text.replace("-", " ").split() if w[0].isupper()):
            aliases[m.group(1)] = p.kind
    if not aliases:
        return
    taken = sorted((p.start, p.end) for p in mentions)
    starts = [a for a, _ in taken]
    for m in re.finditer(r"\b(?:" + "|".join(aliases) + r")\b", text):
        k = bisect.bisect_left(starts, m.end())  # mentions are disjoint: only the one before can overlap
        if k == 0 or taken[k - 1][1] <= m.start():
            mentions.append(PlaceMention(m.group(), m.start(), m.end(), "venue"))
