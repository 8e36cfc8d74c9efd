"""Countries, regions, cities, streets, buildings and venues mentioned in a sentence.

How it works, once per document (the result is cached for the per-sentence calls):

1. Each line is cut into word tokens with one regex; "U.S."/"D.C." are single tokens and a
   possessive "'s" is kept apart from its word.
2. Venues: a run of capitalised words ending in a venue head noun ("Castlefrank Road",
   "Grand Mosque", "... Constitution Hall") or starting with a feature prefix ("Lake Victoria").
3. Gazetteer: the longest run of capitalised words whose name is in the gazetteer
   (:mod:`.gazetteer`), outside venues.
4. Each gazetteer hit is then judged by its context, because many place names are also words,
   people or parts of organisation names:
   - part of an organisation or publication ("US State Department", "Medical Journal of
     Australia", "Washington Post") -> dropped;
   - next to a title or another capitalised name ("Mr Clinton", "Paris Hilton", "Jordan
     Peterson"), or a city before "said" ("Clinton said") -> a person, dropped;
   - common words ("Reading", "Mobile"), small towns and alternate names need locative context:
     "in/at/from/to X", "X, <Region>", "the town of X", a list of places, or such a mention of
     the same name elsewhere in the document (one sense per discourse).
   - a capitalised compass word before the place is part of the mention ("Eastern Chad");
   - a place naming a vehicle ("the Tucson probe") or used for people ("the UK delegates") is dropped.
5. Names the gazetteer lacks are places after an administrative noun ("the constituency of X", "the
   towns of X and Y"), before a lowercase one ("X province"), or, after "the" or a locative word,
   before a lowercase site head ("the Pak Lam prison", kept with its head).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .gazetteer import (
    AFTER_PLACE,
    CAPITAL,
    CITY_POP,
    COMMON,
    MAX_TOKENS,
    NEEDS_THE,
    NEVER_ALONE,
    P_SALIENT_REGION,
    PLANETS,
    SMALL,
    UPPER_ONLY,
    Entry,
    gazetteer,
    norm,
)
from .lexicon import FEMALE_NAMES, MALE_NAMES
from .normalize import wordset
from .types import PlaceMention

# A word (letters, inner hyphens/apostrophes), or a dotted acronym; then an optional possessive.
# Hyphens separate words ("Sydney-based", "Guinea-Bissau"); a hyphen gap still joins a name.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}+|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*+")
_POSSESSIVE = re.compile(r"['’]s\b")
_SPACE_GAP = re.compile(r"[ \t\u00a0]{1,3}|-")
_COMMA_GAP = re.compile(r",[ \t\u00a0]{1,3}")
_OPENERS = frozenset("\"'“”‘’()[] \t\u00a0")
_LINE = re.compile(r"[^\n]+")


# Words that are capitalised only because they open a sentence (or a heading).
FUNCTION_CAPS = wordset(
    """The A An In At On From To For With By Of And But Or Nor As After Before During Since Until While
    When Where Why How What Who Which Whose Outside Inside Near Across Through Under Over Into Onto Upon
    Among Between Behind Beyond Despite Although Though If Unlike Like This That These Those It Its
    Their His Her Our Your My Some Many Most All Both Each Every No Not Yesterday Today Tomorrow
    Meanwhile However Also Only Even Then There Here Last Next According Such Several Other Another
    Former He She They We I You Mr Mrs Ms Dr Doctor Earlier Later Now Once Still Yet So Thus Because Every
    Around About Against Along Amid Via Per Without Within Toward Towards Following Including"""
)
MONTHS_DAYS = wordset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
# Some heads are fine for "the X of <place>" titles but turn "X of <place>" into an organisation.
TITLE_OF = wordset("President Prime Minister King Queen Prince Ambassador Governor Mayor Premier Government")
LOCATIVE = wordset(
    """in at from to near into across around outside inside toward towards via throughout within
    across between through visiting visited entered leaving left reached"""
)
COMPASS = wordset(
    """North South East West Northern Southern Eastern Western Central Greater Metro Metropolitan
    Downtown Inner Outer Upper Lower Northeast Northwest Southeast Southwest Northeastern Northwestern
    Southeastern Southwestern Mid"""
)
CONNECTORS = wordset("of the and de du des la le les el al da do dos das del di y sur von van der")
# Inside a known name only: "Dar es Salaam", "Frankfurt am Main", "Newcastle upon Tyne".
NAME_CONNECTORS = CONNECTORS | wordset("es en am im an den upon on")
# After a name these say it is a place: "the Lombardy region", "the Helmand province".
# (Not "state", "city", "district": "the Texas state law", "the Erie district attorney".)
ADMIN_WORDS_AFTER = wordset("province region county prefecture governorate oblast municipality")
ADMIN_NOUNS = wordset(
    """town city village county province district region state port capital island suburb
    municipality township prefecture governorate hamlet commune neighbourhood neighborhood
    constituency riding ward parish towns cities villages provinces districts regions counties
    states islands ports suburbs municipalities constituencies"""
)

# Venue heads: the last word of a venue's name, with the kind it gives.
_STREET = "Road Street St Avenue Ave Boulevard Blvd Lane Drive Highway Motorway Freeway Parkway Expressway Terrace Crescent Quay Wharf Embankment Promenade Square Plaza Bridge Tunnel"
_BUILDING = """Airport Airfield Aerodrome Airbase Base Barracks Prison Jail Gaol Penitentiary Hospital
    Infirmary Mosque Church Cathedral Chapel Temple Synagogue Shrine Basilica Abbey Monastery Minster
    Stadium Arena Coliseum Colosseum Ground Oval Velodrome Hall Palace Castle Tower Towers House
    Building Capitol Museum Gallery Library Theatre Theater Courthouse Station Terminal Harbour Harbor
    Pier Docks Dam Park Gardens Garden Market Mall Hotel Resort Compound Complex Cemetery Memorial
    Monument Zoo Mine Refinery Checkpoint Crossing Camp Centre Center Embassy Consulate Planetarium
    Aquarium Observatory Auditorium Amphitheatre Amphitheater Racecourse Speedway Lighthouse Facility"""
_FEATURE = """River Lake Mountains Mountain Mount Island Islands Sea Ocean Bay Strait Peninsula Valley
    Desert Canal Falls Beach Coast Delta Plateau Basin Forest Reef Archipelago Gulf Glacier Volcano"""
_ADMIN = "Province County District Region Prefecture Governorate Oblast Municipality Borough Township Territory"
VENUE_HEADS: dict[str, str] = {
    **dict.fromkeys(_STREET.split(), "venue"),
    **dict.fromkeys(_BUILDING.split(), "venue"),
    **dict.fromkeys(_FEATURE.split(), "other"),
    **dict.fromkeys(_ADMIN.split(), "region"),
}
# "Centre"/"Center" name research bodies as often as buildings: only after a facility word.
FACILITY_WORDS = wordset(
    """Shopping Convention Medical Trade Community Exhibition Conference Detention Sports Arts Civic
    Cultural Aquatic Performing Processing Holding Reception Transit Press Media Visitor Visitors
    Leisure Financial Business Town City Garden Operations Control Emergency Space Science Heritage
    Aquatics Recreation Youth Student Entertainment Events Distribution Logistics Fitness Design"""
)
DENOMINATIONS = wordset(
    """Catholic Orthodox Anglican Episcopal Methodist Baptist Lutheran Presbyterian Evangelical Coptic
    Apostolic Roman Greek Russian Serbian Armenian Ukrainian Syrian Ethiopian Eastern Protestant
    Pentecostal Reformed United Unification Mormon Adventist Christian Scientist Holy Universal"""
)
# Words before "Centre"/"Center" that make it a research or advocacy body, not a building.
ORG_CENTRE_WORDS = wordset(
    """Research Policy Study Studies Data Information Legal Law Justice Rights Strategic Hurricane Disease
    Prevention Analysis Resource Resources Innovation Development Advocacy Monitoring Documentation
    Action Democracy Progress Security Intelligence Coordination Terrorism Excellence Reporting"""
)
# Prefix heads: "Lake Victoria", "Mount Everest", "Camp David", "Cape Canaveral", "Masjid al-Haram".
PREFIX_HEADS = {
    "Lake": "other",
    "Mount": "other",
    "Mt": "other",
    "Camp": "venue",
    "Fort": "venue",
    "River": "other",
    "Cape": "other",
    "Masjid": "venue",
}
# Heads that also name a venue before "of": "Museum of Flight", "Palace of Westminster", "Statue of
# Liberty". ("House of Commons", "Bank of England" are institutions; "Church" needs "of the": "Church
# of the Nativity" is a building, "Church of England" a denomination.)
HEAD_FIRST = wordset(
    """Museum Cathedral Palace Basilica Temple Castle Tower Abbey Monastery Shrine Mosque Gallery Hall
    Chapel Gardens Statue Tomb Mausoleum Church Bay Gulf Sea Strait Straits Isle"""
)
# Capitalised words that may follow "and" inside a venue's name: "Tang Teaching Museum and Art
# Gallery", "Air and Space Museum" (but "the White House and NASA" are two names).
GENERIC_VENUE_WORDS = wordset(
    """Art Arts Science Sciences Space Aviation Air History Natural Technology Sculpture Botanical
    Botanic Heritage Culture Cultural Music Design Industry Nature Wildlife Marine Maritime Military
    Media Education Learning Discovery Exhibition Conference Convention Visitor Visitors Research"""
)
_AMPERSAND_GAP = re.compile(r"[ \t\u00a0]?&[ \t\u00a0]?")
# Heads that make the run an organisation even when a venue word precedes ("Parliament House Trust").
_ADMIN_KIND = {
    "town": "city",
    "city": "city",
    "village": "city",
    "port": "city",
    "capital": "city",
    "suburb": "city",
    "hamlet": "city",
    "commune": "city",
    "neighbourhood": "city",
    "neighborhood": "city",
    "island": "other",
    "towns": "city",
    "cities": "city",
    "villages": "city",
    "ports": "city",
    "suburbs": "city",
    "islands": "other",
}
# Lowercase nouns after an unknown name that make it a place: "Narvesto province", "the Malbani district".
# (Not before "attorney", "court"...: "the Lakeford district attorney" is an office.)
ADMIN_AFTER_UNKNOWN = wordset("province district region county prefecture governorate oblast municipality constituency")
_OFFICE_AFTER_ADMIN = wordset(
    """attorney attorneys court courts judge judges council councils office offices official officials
    governor governors chief chiefs police administrator administrators commissioner commissioners head
    heads level levels manager managers board boards election elections"""
)
# Lowercase heads of a site whose name comes first: "the Pak Lam prison", "at Dunmore station".
SITE_HEADS = wordset(
    """prison jail penitentiary mine mines oilfield gasfield refinery checkpoint airport airfield airbase
    dam stadium hospital mosque church temple shrine monastery cathedral bridge harbour harbor station
    crossing bazaar square compound barracks reservoir canal"""
)
# Endings of nationality and other adjectives written with a capital ("Kurdish", "Serbian", "Chinese").
_ADJECTIVE_ENDINGS = ("ish", "an", "ese", "ern", "ic", "ary", "al")
# Nouns after "the <Place>" that make the place a vehicle's name: "the Tucson probe", "the Perth submarine".
_VEHICLES = wordset(
    """probe probes spacecraft rover lander orbiter submarine frigate destroyer cruiser warship carrier
    tanker freighter ferry liner"""
)
# Capitalised compass words kept with the place they qualify: "Eastern Chad", "South Lebanon".
_COMPASS_PREFIX = wordset(
    """North South East West Northern Southern Eastern Western Central Northeast Northwest Southeast
    Southwest Northeastern Northwestern Southeastern Southwestern"""
)


@dataclass(slots=True)
class _Tok:
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


@dataclass(slots=True)
class _Hit:
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
    coord: bool = False  # "North and South Korea"
    upper: bool = False  # written in capitals ("US", "U.S.")
    adjective: bool = False  # "U.S. officials": an acronym used as an adjective
    named: bool = False  # strong evidence of a person: a title or a given name right before
    titled: bool = False  # a title or a common given name right before ("Mr Jordan", "Janet Reno")
    explicit: bool = False  # an administrative noun says it is a place ("the town of X", "X province")
    weak: bool = False  # the locative is "to"/"from", which people take too ("a letter to Mary")
    company: bool = False  # "Mesa shares", "a stake in Magna": a company named like a town
    after_place: bool = False  # right after "<city>, " ("Greenville, Pa.")


def _tokens(line: str, base: int) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(line):
        s, e = m.span()
        if toks and base + s < toks[-1].pend:
            continue  # the "s" of a possessive
        pe = e
        pm = _POSSESSIVE.match(line, e)
        if pm:
            pe = pm.end()
        toks.append(_Tok(base + s, base + e, base + pe, m.group()))
    return toks


def _joined(text: str, a: _Tok, b: _Tok, allow_comma: bool = False) -> bool:
    """True when b follows a within one name: a space (a comma for lookups), or "St. X"."""
    gap_start = a.pend
    if gap_start == b.start:
        return False
    if _SPACE_GAP.fullmatch(text, gap_start, b.start):
        return True
    if allow_comma and not a.possessive and _COMMA_GAP.fullmatch(text, gap_start, b.start):
        return True
    # "St. Louis", "Mt. Everest": a dot after a short capitalised abbreviation.
    return (
        not a.possessive
        and len(a.text) <= 3
        and a.cap
        and "." not in a.text
        and text.startswith(".", gap_start)
        and _SPACE_GAP.fullmatch(text, gap_start + 1, b.start) is not None
    )


def _sentence_initial(text: str, tok: _Tok, line_start: int) -> bool:
    """First word of a line or after a sentence terminator (quotes and brackets skipped)."""
    k = tok.start
    while k > line_start and text[k - 1] in _OPENERS:
        k -= 1
    return k == line_start or text[k - 1] in ".!?:;"


def _venue_spans(text: str, toks: list[_Tok], line_start: int) -> list[_Venue]:
    """Token index ranges [i, j) of venues, with their kind and code."""
    gz = gazetteer()
    out: list[_Venue] = []
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
            amp = t.cap and not prev.possessive and _AMPERSAND_GAP.fullmatch(text, prev.pend, t.start) is not None
            if not amp and not _joined(text, prev, t):
                break
            if prev.possessive and gz.get(norm(prev.text)) is not None and not _lone_head(text, toks, j):
                break  # "Mecca's Grand Mosque": the possessor is a place of its own (not "St Vincent's Hospital")
            if amp or (t.cap and t.text not in FUNCTION_CAPS):
                j += 1
                continue
            # Connectors inside a name: "Daughters of the American Revolution", "Rock and Roll Hall";
            # "the" only after "of", and no "and" after a complete venue ("White House and NASA").
            k = j
            if text.startswith("-", prev.pend) and len(t.text) <= 4 and t.text.islower():
                k = j + 1  # "Naqsh-e Jahan Square", "Stratford-upon-Avon"
            elif t.text == "and":
                k = j + 1 if prev.text not in VENUE_HEADS or _generic_venue_after(text, toks, j + 1) else j
            elif t.text in CONNECTORS and t.text != "the":
                k = j + 1
                if k < n and toks[k].text == "the" and t.text == "of" and _joined(text, toks[j], toks[k]):
                    k += 1
            if k > j and k < n and toks[k].cap and _joined(text, toks[k - 1], toks[k]):
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
        out.extend(_venues_in_run(text, toks, s, j, line_start))
        i = j
    return out


def _generic_venue_after(text: str, toks: list[_Tok], k: int) -> bool:
    """toks[k:] is a generic venue name ("Art Gallery", "Gardens"): it may share a name after "and"."""
    for m in range(k, min(k + 4, len(toks))):
        t = toks[m]
        if m > k and not _joined(text, toks[m - 1], t):
            return False
        if t.text in VENUE_HEADS and VENUE_HEADS[t.text] == "venue":
            return m + 1 >= len(toks) or not toks[m + 1].cap or not _joined(text, t, toks[m + 1])
        if t.text not in GENERIC_VENUE_WORDS and t.text not in FACILITY_WORDS:
            return False
    return False


def _run_key(toks: list[_Tok], a: int, b: int) -> str:
    """The gazetteer key of toks[a:b] ("" when too long to be a name: keeps long runs linear)."""
    if b - a > MAX_TOKENS:
        return ""
    return " ".join(norm(t.text) for t in toks[a:b])


_Venue = tuple[int, int, str, "str | None"]  # token range [s, j), kind, code


def _venues_in_run(text: str, toks: list[_Tok], s: int, j: int, ls: int) -> list[_Venue]:
    """The venues of the capitalised run toks[s:j]: one, none, or a venue then a place after "of"."""
    if j - s < 2:
        return []
    # "Taikoo of the Hong Kong Island", "Evergreen Aviation & Space Museum of McMinnville": a name, then
    # "of [the]" and a known place. Two names unless the part before is a bare head ("Gulf of Mexico",
    # "Museum of London", "Isle of Man") or a district of that place ("Western District of New York").
    for o in range(s + 1, j - 1):
        if toks[o].text != "of":
            continue
        b = o + 2 if toks[o + 1].text == "the" else o + 1
        if b < j and gazetteer().get(_run_key(toks, b, j)) is not None:
            before = toks[o - 1].text
            if (o - s == 1 and (before in VENUE_HEADS or before in HEAD_FIRST)) or VENUE_HEADS.get(before) == "region":
                break
            found = _venue_in_run(text, toks, s, o, ls)
            return [found] if found else []
        break
    found = _venue_in_run(text, toks, s, j, ls)
    return [found] if found else []


def _lone_head(text: str, toks: list[_Tok], j: int) -> bool:
    """toks[j] is a venue head standing alone after a possessive ("St Vincent's Hospital")."""
    return toks[j].text in VENUE_HEADS and (j + 1 >= len(toks) or not _joined(text, toks[j], toks[j + 1]))


def _venue_in_run(text: str, toks: list[_Tok], s: int, j: int, ls: int) -> _Venue | None:
    if j - s < 2 or _org_noun_after(text, toks, j):
        return None  # "The Cape Argus newspaper"
    last = toks[j - 1].text
    kind = VENUE_HEADS.get(last)
    if kind and not toks[j - 1].possessive:
        before = toks[j - 2].text
        # "Udvar-Hazy Center" is a building, "Pew Research Center" a body: a named centre counts when
        # the sentence puts something at, in or near it, or puts it in a place.
        if (
            last in ("Centre", "Center", "Facility")
            and before not in FACILITY_WORDS
            and (
                before in ORG_CENTRE_WORDS or not (_locative_before(text, toks, s, ls) or _located_after(text, toks, j))
            )
        ):
            return None
        if last in ("Church", "Temple", "Mosque") and all(toks[k].text in DENOMINATIONS for k in range(s, j - 1)):
            return None  # "the Catholic Church": the institution
        if kind == "region" and any(toks[k].text in lx.ORG_NAME_HEADS for k in range(s, j - 1)):
            return None  # "Irving Independent School District", "Metropolitan Water District": bodies
        return (s, j, kind, None)
    first = toks[s].text
    if first in PREFIX_HEADS and toks[j - 1].text not in lx.ORG_NAME_HEADS:
        e = s + 1
        while e < j and toks[e].cap and toks[e].text not in lx.CASED_TITLES:
            e += 1  # "Fort Lauderdale Mayor Jack Seiler": a title ends the name
        # "Cape Town", "Fort Lauderdale": the gazetteer knows what it is.
        for k in range(min(e, s + MAX_TOKENS), s + 1, -1):
            entry = gazetteer().get(_run_key(toks, s, k))
            if entry is not None:
                return (s, k, entry.kind, entry.code)
        return (s, e, PREFIX_HEADS[first], None) if e - s >= 2 else None
    # Head first: "the Museum of Flight", "Mary & Leigh Block Museum of Art", "Palace of Westminster".
    for k in range(s, j - 2):
        t = toks[k]
        if t.text not in HEAD_FIRST or toks[k + 1].text != "of":
            continue
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


# Lowercase nouns after a name that make it an organisation's or a publication's.
_ORG_NOUNS = wordset(
    """newspaper newspapers paper magazine journal website broadcaster network company firm group
    band team club airline brand label party"""
)


def _org_noun_after(text: str, toks: list[_Tok], j: int) -> bool:
    return j < len(toks) and toks[j].text in _ORG_NOUNS and _joined(text, toks[j - 1], toks[j])


def _located_after(text: str, toks: list[_Tok], j: int) -> bool:
    """'... Center in Huntsville': the name is followed by "in/at/near" and a capitalised name."""
    return (
        j + 1 < len(toks)
        and toks[j].text in ("in", "at", "near")
        and toks[j + 1].cap
        and _joined(text, toks[j - 1], toks[j])
        and _joined(text, toks[j], toks[j + 1])
    )


def _locative_before(text: str, toks: list[_Tok], s: int, ls: int) -> bool:
    """'at the X', 'in X', 'near the X': a locative word before token s (an article skipped)."""
    p = s - 1
    if p >= 0 and toks[p].text.lower() in ("the", "a", "an") and _joined(text, toks[p], toks[p + 1]):
        p -= 1
    return p >= 0 and toks[p].text.lower() in LOCATIVE and _joined(text, toks[p], toks[p + 1])


def _lookup_hits(text: str, toks: list[_Tok], taken: list[bool]) -> list[tuple[int, int, str, Entry]]:
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
            if not toks[j - 1].text[:1].isupper() and toks[j - 1].text not in NAME_CONNECTORS:
                break
            if toks[j - 1].cap:
                e = gz.get(key)
                if e is not None:
                    best = (j, key, e)
            if key not in gz.prefixes or j >= n or taken[j] or not _joined(text, toks[j - 1], toks[j], True):
                break
            if toks[j - 1].possessive:
                key += "'s"
            key += " " + norm(toks[j].text)
            j += 1
        if best is None:
            i += 1
            continue
        j, key, e = best
        out.append((i, j, key, e))
        i = j
    return out


_ADJ_PREFIXES = wordset("anti pro non ex post pre neo pan")


def _org_after(text: str, toks: list[_Tok], j: int) -> bool:
    """An organisation head among the capitalised words after: "US State Department", "Kyiv Post"."""
    for k in range(j, min(j + 5, len(toks))):
        t = toks[k]
        if not t.cap:
            return False
        if t.text in lx.ORG_NAME_HEADS:
            return True
        if t.possessive or k + 1 >= len(toks) or not _joined(text, t, toks[k + 1]):
            return False
    return False


def _org_run_before(text: str, toks: list[_Tok], k: int) -> bool:
    """An organisation head among the capitalised words right before (no "of" between)."""
    for r in range(k, max(k - 5, -1), -1):
        t = toks[r]
        if not t.cap or t.possessive:
            return False
        if t.text in lx.ORG_NAME_HEADS:
            return True
        if r == 0 or not _joined(text, toks[r - 1], t):
            return False
    return False


def _org_of_before(text: str, toks: list[_Tok], i: int) -> bool:
    """'<Organisation> of [the] <place>': "Medical Journal of Australia", "Bank of England"."""
    while i >= 1 and toks[i - 1].text in COMPASS and _joined(text, toks[i - 1], toks[i]):
        i -= 1  # "University of Southern Indiana"
    k = i - 1
    if k >= 1 and toks[k].text == "the" and toks[k - 1].text == "of":
        k -= 1
    if k < 1 or toks[k].text not in ("of", "de") or not _joined(text, toks[k], toks[k + 1] if k + 1 < i else toks[i]):
        return False
    if not (toks[k - 1].cap and _joined(text, toks[k - 1], toks[k])):
        return False
    for r in range(k - 1, max(k - 6, -1), -1):
        t = toks[r]
        if not t.cap or t.text in TITLE_OF:
            return False
        if t.text in lx.ORG_NAME_HEADS or (t.text == "Church" and r == k - 1):  # "Church of England"
            return True
        if r == 0 or not _joined(text, toks[r - 1], t):
            return False
    return False


# Nouns for people and institutions: after them a country acronym means "American", "British"...
# ("U.S. officials", "the UK government"), unlike "the U.S. border" or "US surface ozone".
_INSTITUTIONAL = wordset(
    """official officials government governments administration authorities president presidents
    military army navy forces troops soldiers service servicemen personnel intelligence diplomats
    diplomat diplomacy envoy envoys ambassador embassy embassies lawmakers legislators senators
    senator politicians congressmen policy policymakers industry industries companies company firms
    firm businesses manufacturers defense defence security agencies agency department delegation
    counterpart counterparts allies ally partners officers regulators prosecutors courts judge judges
    citizens nationals taxpayers media press stocks markets investors dollar team teams athletes
    players coach leaders leader leadership side negotiators spokesman spokeswoman spokesperson
    secretary minister ministry ministers commander commanders general generals officer election
    elections law laws delegate delegates representative representatives emissary emissaries"""
)


def _attributive(text: str, toks: list[_Tok], j: int) -> bool:
    """'U.S. officials', 'U.S. and Ukrainian industry': the acronym stands for "American"."""
    if toks[j].text in _INSTITUTIONAL:
        return True
    # Coordinated with an adjective that is no place: "U.S. and Ukrainian industry".
    return (
        j + 2 < len(toks)
        and toks[j].text in ("and", "or")
        and toks[j + 1].cap
        and toks[j + 2].text.islower()
        and _joined(text, toks[j + 1], toks[j + 2])
        and gazetteer().get(norm(toks[j + 1].text)) is None
    )


def _name_before(prev: _Tok, single: bool) -> bool:
    """'Mr Jordan', 'Hillary Clinton', 'Air Canada': a title or another name right before."""
    if not prev.cap or prev.possessive or prev.text in COMPASS:
        return False
    if prev.text in lx.CASED_TITLES:
        return True
    return single and prev.text not in FUNCTION_CAPS and prev.text not in MONTHS_DAYS and not prev.text.isupper()


def _name_after(nxt: _Tok, entry: Entry) -> bool:
    """'Paris Hilton', 'Jordan Peterson': a capitalised word that is neither a title nor a place."""
    return (
        nxt.cap
        and nxt.text not in lx.CASED_TITLES
        and nxt.text not in MONTHS_DAYS
        and nxt.text not in FUNCTION_CAPS
        and nxt.text not in VENUE_HEADS
        and nxt.text not in ("State", "City")  # "New York State"
        and nxt.text not in COMPASS
        and not (entry.flags & UPPER_ONLY)
        and gazetteer().get(norm(nxt.text)) is None
    )


def _same_place(a: Entry | None, b: Entry) -> bool:
    """Two entries of one place (a name and its alternate may differ in priority)."""
    return a is not None and a.kind == b.kind and a.code == b.code


def _prev_word(text: str, pos: int, limit: int) -> str:
    """The word right before pos on the same line (no punctuation between), else ''."""
    k = pos
    while k > limit and text[k - 1] in " \t\u00a0":
        k -= 1
    e = k
    while k > limit and (text[k - 1].isalpha() or text[k - 1] in ".'’-"):
        k -= 1
    return text[k:e] if e > k and e < pos else ""


class _Doc:
    """All place mentions of one document."""

    def __init__(self, text: str) -> None:
        self.mentions: list[PlaceMention] = []
        self.venue_countries: set[str] = set()  # countries of places named inside venues ("Volgograd Arena")
        hits: list[_Hit] = []
        for lm in _LINE.finditer(text):
            hits.extend(self._line(text, lm.start(), lm.end()))
        self._decide(text, hits)
        self._venue_acronyms(text)
        self.mentions.sort(key=lambda p: p.start)
        self.starts = [p.start for p in self.mentions]

    def _venue_acronyms(self, text: str) -> None:
        """'the Kennedy Space Center (KSC)': the acronym names the same venue wherever it is used."""
        aliases: dict[str, str] = {}
        for p in self.mentions:
            if p.kind != "venue":
                continue
            m = _ACRONYM_AFTER.match(text, p.end)
            if m and m.group(1) == "".join(w[0] for w in p.text.replace("-", " ").split() if w[0].isupper()):
                aliases[m.group(1)] = p.kind
        if not aliases:
            return
        taken = sorted((p.start, p.end) for p in self.mentions)
        starts = [a for a, _ in taken]
        for m in re.finditer(r"\b(?:" + "|".join(aliases) + r")\b", text):
            k = bisect.bisect_left(starts, m.end())  # mentions are disjoint: only the one before can overlap
            if k == 0 or taken[k - 1][1] <= m.start():
                self.mentions.append(PlaceMention(m.group(), m.start(), m.end(), "venue"))

    def _line(self, text: str, ls: int, le: int) -> list[_Hit]:
        toks = _tokens(text[ls:le], ls)
        if not toks:
            return []
        taken = [False] * len(toks)
        gz = gazetteer()
        for s, j, kind, code in _venue_spans(text, toks, ls):
            for k in range(s, j):
                taken[k] = True
            for k in range(min(j, s + MAX_TOKENS), s, -1):
                inner = gz.get(_run_key(toks, s, k))
                if inner is not None and inner.cc:
                    self.venue_countries.add(inner.cc)
                    break
            a, b = toks[s].start, toks[j - 1].end
            self.mentions.append(PlaceMention(text[a:b], a, b, kind, code))  # type: ignore[arg-type]
        hits: list[_Hit] = []
        raw = _lookup_hits(text, toks, taken)
        for idx, (i, j, key, e) in enumerate(raw):
            h = _Hit(toks[i].start, toks[j - 1].end, key, e, j - i == 1)
            h.upper = text[h.start : h.end].replace(".", "").replace(" ", "").isupper()
            if h.single and h.upper and len(key) <= 5 and not (e.flags & (UPPER_ONLY | AFTER_PLACE)):
                continue  # "UN", "U.N.", "LA": an acronym, not the town of Un or La
            self._context(text, toks, i, j, h, ls)
            # Coordination with the previous hit: "A, B and C", "A and B".
            if (idx and raw[idx - 1][1] == i - 1 and toks[i - 1].text in ("and", "or")) or (
                idx and raw[idx - 1][1] == i and _COMMA_GAP.fullmatch(text, toks[i - 1].pend, toks[i].start)
            ):
                h.list_prev = len(hits) - 1
            if hits and h.list_prev == len(hits) - 1 and hits[-1].veto:
                h.veto = True  # "Food Standards of Australia and New Zealand"
            if hits and _COMMA_GAP.fullmatch(text, hits[-1].end, h.start) and h.entry.kind in ("country", "region"):
                hits[-1].admin_after = True  # "Kanata, Ontario"
                surface = text[h.start : h.end]
                h.after_place = hits[-1].entry.kind == "city" and (
                    "." in surface or text.startswith(".", h.end) or (len(surface) == 2 and surface.isupper())
                )
            hits.append(h)
        self._town_of(text, toks, taken, raw)
        self._unknown_before_noun(text, toks, taken, raw)
        self._coordinated_compass(text, hits)
        return hits

    def _context(self, text: str, toks: list[_Tok], i: int, j: int, h: _Hit, ls: int) -> None:
        first, last = toks[i], toks[j - 1]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[j] if j < len(toks) else None
        initial = _sentence_initial(text, first, ls)
        hyphen_prev = prev is not None and text.startswith("-", prev.pend) and prev.pend + 1 == first.start
        joined_prev = prev is not None and _joined(text, prev, first) and not hyphen_prev
        joined_next = nxt is not None and _joined(text, last, nxt) and not last.possessive
        if joined_next and _org_after(text, toks, j):
            h.veto = True
        if joined_prev and _org_run_before(text, toks, i - 1):
            h.veto = True  # "Food Standards Australia New Zealand", "Statistics Canada"
        if not (h.entry.flags & UPPER_ONLY) and _org_of_before(text, toks, i):
            h.veto = True  # "Medical Journal of Australia" (but "University of the US" is a location)
        if joined_next and nxt is not None and h.entry.flags & UPPER_ONLY:
            if _attributive(text, toks, j):
                h.adjective = True  # "U.S. officials", "the UK government": used as an adjective
            elif nxt.cap and _name_after(nxt, Entry("country", None, 0)):
                h.veto = True  # "DC Comics", "US Airways": part of a name
        # The word before, for "the", locatives, titles and names.
        if prev is not None and _joined(text, prev, first) and prev.text in ("the", "The"):
            pw = toks[i - 2].text if i >= 2 and _joined(text, toks[i - 2], prev) else ""
        else:
            pw = prev.text if prev is not None and _joined(text, prev, first) else ""
            if not pw:
                pw = _prev_word(text, first.start, ls)
        h.needs_the_ok = not (h.entry.flags & NEEDS_THE) or (prev is not None and prev.text in ("the", "The"))
        before_of = toks[i - 2].text if i >= 2 and prev is not None and prev.text == "of" else ""
        if pw.lower() in LOCATIVE or before_of.lower() in ADMIN_NOUNS:
            h.strong = True  # "in Kabul", "the town of Kanata"
            h.weak = _dative(text, toks, i, pw.lower(), ls)
        if h.entry.flags & (SMALL | COMMON) and _company_context(text, toks, i, j):
            h.company = True
        # "Governor of Washington Chris Gregoire", "Ambassador to the United States Hamdullah Mohib"
        titled_of = _title_before(toks, i)
        if titled_of:
            h.strong = True
        kind = h.entry.kind
        # People: a title or a given name before, a surname after, "X said".
        if joined_prev and prev is not None and _name_before(prev, h.single):
            h.person = h.named = True
            h.titled = prev.text in lx.CASED_TITLES or prev.text.lower() in _GIVEN_NAMES
        elif prev is not None and len(prev.text) == 1 and prev.cap and text.startswith(". ", prev.end):
            h.person = h.named = True  # "John F. Kennedy": a middle initial
        # "an Ottawa New Democrat MP", "the Canada Goose": a well-known place as a modifier.
        salient = h.entry.prio >= P_SALIENT_REGION
        determiner = salient and (
            pw.lower() in ("a", "an", "the", "this", "that") or (prev is not None and prev.text in ("the", "The"))
        )
        if (
            h.single
            and joined_next
            and nxt is not None
            and kind != "other"
            and not determiner
            and not titled_of
            and _name_after(nxt, h.entry)
        ):
            h.person = True
        if (
            h.single
            and kind in ("city", "region")
            and not (h.entry.flags & CAPITAL)
            and nxt is not None
            and nxt.text in lx.SPEECH_VERBS_AFTER_NAME
            and not h.strong
        ):
            h.person = True
        if hyphen_prev and prev is not None and prev.text.lower() in _ADJ_PREFIXES:
            h.adjective = True  # "anti-Pyongyang propaganda", "pro-Russia groups"
        if text.startswith("$", last.end):
            h.veto = True  # "US$ 20,000": a currency
        if (
            joined_next
            and nxt is not None
            and nxt.text in _VEHICLES
            and prev is not None
            and prev.text in ("the", "The")
        ):
            h.veto = True  # "the Tucson probe": a vehicle named after the place
        if h.key in _PLANET_KEYS and pw.lower() in _PLANET_LOCATIVES:
            h.strong = True  # "landed on Venus", "in orbit around Mars"
        if (
            joined_prev
            and not hyphen_prev
            and prev is not None
            and prev.text in _COMPASS_PREFIX
            and not prev.possessive
            and not (i >= 2 and toks[i - 2].cap and _joined(text, toks[i - 2], prev))
        ):
            h.start = prev.start  # "Eastern Chad": the compass word is part of the name used
        if _ampersand_name(text, toks, i, j):
            h.veto = True  # "Texas A&M", "Mary & Leigh Block": part of a name
        if joined_prev and prev is not None and _acronym(prev) and not h.upper:
            h.veto = True  # "UNC Greensboro", "CNN Atlanta": an organisation's branch
        if not h.single and joined_next and nxt is not None and not titled_of and _name_after(nxt, h.entry):
            h.veto = True  # "New York Knicks", "Los Angeles Lakers": the first half of a longer name
        h.explicit = (
            before_of.lower() in ADMIN_NOUNS
            or (nxt is not None and nxt.text in ADMIN_WORDS_AFTER)
            or h.key.startswith("the ")  # "The Hague": the article is part of the name
        )
        if h.explicit:
            h.strong = True  # "the city of X", "the Lombardy region", "X Province"
        # "the Hague": a lowercase article that belongs to the name.
        if (
            prev is not None
            and prev.text == "the"
            and joined_prev
            and _same_place(gazetteer().get("the " + h.key), h.entry)
        ):
            h.start = prev.start
            h.strong = h.explicit = True
        h.initial = initial

    def _town_of(self, text: str, toks: list[_Tok], taken: list[bool], raw: list) -> None:
        """'the town of Yeoncheon', 'the towns of Ashby and Cole Green': capitalised names after an
        administrative noun + "of" (after a plural noun, each name of an "and" list)."""
        starts = {i for i, *_ in raw}
        for i in range(2, len(toks)):
            if toks[i - 1].text != "of" or not _admin_noun(toks, i - 2):
                continue
            kind = _ADMIN_KIND.get(toks[i - 2].text.lower(), "region")
            plural = toks[i - 2].text.lower().endswith("s")
            while i < len(toks):
                j = self._unknown_name(text, toks, taken, starts, i)
                if j > i:
                    s, e = toks[i].start, toks[j - 1].end
                    self.mentions.append(PlaceMention(text[s:e], s, e, kind))  # type: ignore[arg-type]
                else:
                    j = next((b for a, b, *_ in raw if a == i), i)  # a known place in the list
                if not plural or j == i or j >= len(toks):
                    break
                if toks[j].text in ("and", "or") and _joined(text, toks[j - 1], toks[j]):
                    i = j + 1  # "the towns of A and B"
                elif _COMMA_GAP.fullmatch(text, toks[j - 1].pend, toks[j].start):
                    i = j  # "the provinces of A, B and C"
                else:
                    break

    @staticmethod
    def _unknown_name(
        text: str, toks: list[_Tok], taken: list[bool], starts: set[int], i: int, stop_at_known: bool = False
    ) -> int:
        """End of a run of up to three capitalised words at i that no other rule took (i when none)."""
        if i >= len(toks) or taken[i] or i in starts:
            return i
        t = toks[i]
        if (
            not t.cap
            or t.text in FUNCTION_CAPS
            or t.text in lx.ORG_NAME_HEADS
            or t.text in lx.CASED_TITLES
            or t.text in MONTHS_DAYS
        ):
            return i
        j = i + 1
        while (
            j < len(toks)
            and j < i + 3
            and toks[j].cap
            and not taken[j]
            and not (stop_at_known and j in starts)  # "Tatar Crimea province": a known place of its own
            and _joined(text, toks[j - 1], toks[j])
        ):
            j += 1
        if any(toks[k].text in lx.ORG_NAME_HEADS or toks[k].text in lx.CASED_TITLES for k in range(i, j)):
            return i
        if all(toks[k].text in COMPASS for k in range(i, j)):
            return i  # "North" of "North and South Kivu"
        if stop_at_known and j == i + 1 and t.text.endswith(_ADJECTIVE_ENDINGS):
            return i  # "the Kurdish region", "Bolivian mines": an adjective, not a name
        return j

    def _unknown_before_noun(self, text: str, toks: list[_Tok], taken: list[bool], raw: list) -> None:
        """Unknown names made places by a lowercase noun after them: "Narvesto province" (the name) and,
        after "the" or a locative word, "the Pak Lam prison" (a site: the name with its head)."""
        starts = {i for i, *_ in raw}
        for j, head_tok in enumerate(toks):
            head = head_tok.text
            if j == 0 or (head not in ADMIN_AFTER_UNKNOWN and head not in SITE_HEADS):
                continue  # the nouns are rare: start from them, not from every capitalised word
            i = j
            while i > 0 and j - i < 3 and toks[i - 1].cap and _joined(text, toks[i - 1], toks[i]):
                i -= 1
            if i == j or (i > 0 and toks[i - 1].cap and _joined(text, toks[i - 1], toks[i])):
                continue  # no name, or part of a longer capitalised name
            if toks[j - 1].possessive or self._unknown_name(text, toks, taken, starts, i, stop_at_known=True) != j:
                continue
            after = toks[j + 1].text if j + 1 < len(toks) and _joined(text, head_tok, toks[j + 1]) else ""
            prev = toks[i - 1].text.lower() if i > 0 and _joined(text, toks[i - 1], toks[i]) else ""
            if head in ADMIN_AFTER_UNKNOWN and after not in _OFFICE_AFTER_ADMIN:
                s, e = toks[i].start, toks[j - 1].end
                self.mentions.append(PlaceMention(text[s:e], s, e, "region"))
            elif head in SITE_HEADS and (prev == "the" or prev in LOCATIVE) and not after[:1].isupper():
                s, e = toks[i].start, head_tok.end
                self.mentions.append(PlaceMention(text[s:e], s, e, "venue"))

    def _coordinated_compass(self, text: str, hits: list[_Hit]) -> None:
        """'North and South Korea': one mention for both halves."""
        for h in hits:
            if h.single or h.start < 9:
                continue
            m = _COORD.search(text, max(0, h.start - 20), h.start)
            if not m or m.end() != h.start or _capitalised_before(text, m.start()):
                continue  # "the Middle East and Central Asia" is no "East and Central Asia"
            first_half = norm(m.group(1) + " " + text[h.start : h.end].split(" ", 1)[-1])
            words = text[h.start : h.end].split(" ", 1)
            if len(words) == 2 and words[0] in COMPASS and gazetteer().get(first_half) is not None:
                h.start = m.start()
                h.coord = True

    def _decide(self, text: str, hits: list[_Hit]) -> None:
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
        people -= {h.key for h in hits if ((h.strong and not h.weak) or h.admin_after or h.explicit) and not h.veto}
        accepted: list[bool] = []
        for h in hits:
            ok = self._accept(h, confirmed, people, hits, accepted)
            if ok and h.key in named and not ((h.strong and not h.weak) or h.admin_after or h.explicit):
                ok = False
            accepted.append(ok)
        # A minor foreign place of a country the article never names is more often a word or a name:
        # "the voice of Batman", "a letter to Mary". It needs its country elsewhere in the article
        # (a venue named after one of its cities counts), an explicit "X, <Region>" or "the town of X",
        # or another minor place of that country. (English-language news name small towns of the
        # English-speaking countries without their country.)
        countries = {h.entry.cc for h, ok in zip(hits, accepted, strict=True) if ok and not (h.entry.flags & SMALL)}
        countries |= self.venue_countries | _HOME_COUNTRIES
        minor: dict[str, set[str]] = {}
        for h, ok in zip(hits, accepted, strict=True):
            if ok and h.entry.flags & SMALL:
                minor.setdefault(h.entry.cc, set()).add(h.key)
        countries |= {cc for cc, keys in minor.items() if len(keys) >= 2}
        # Listed with a place that needs no such evidence: "in Paris, Zurich and Amsterdam".
        in_list = [False] * len(hits)
        for idx, h in enumerate(hits):
            p = h.list_prev
            if 0 <= p < idx and accepted[p] and accepted[idx]:
                in_list[idx] |= not _minor(hits[p].entry)
                in_list[p] |= not _minor(h.entry)
        for idx, (h, ok) in enumerate(zip(hits, accepted, strict=True)):
            if not ok:
                continue
            e = h.entry
            if _minor(e) and e.cc not in countries and not (h.admin_after or h.explicit or in_list[idx]):
                continue
            code = None if h.coord else e.code
            self.mentions.append(PlaceMention(text[h.start : h.end], h.start, h.end, e.kind, code))  # type: ignore[arg-type]

    @staticmethod
    def _accept(h: _Hit, confirmed: set[str], people: set[str], hits: list[_Hit], accepted: list[bool]) -> bool:
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
        if e.kind == "city" and h.key in _GIVEN_NAMES:
            return (h.strong and not h.weak) or h.admin_after or listed  # "flew to Florence", not "a letter to Mary"
        if e.flags & (COMMON | SMALL):
            if h.initial and e.flags & COMMON and not h.admin_after:
                return False
            return strong or h.key in confirmed  # "in Charlotte", not "Charlotte agreed"
        return True


# Words around a name that make it a company's: "Magna shares", "a stake in Mesa", "Delta's shareholders".
_COMPANY_AFTER = wordset("shares stock stocks shareholders stockholders bonds securities")
_COMPANY_BEFORE = wordset("stake stakes shares stock")


def _company_context(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    if j < len(toks) and toks[j].text in _COMPANY_AFTER and _SPACE_GAP.fullmatch(text, toks[j - 1].pend, toks[j].start):
        return True
    return i >= 2 and toks[i - 1].text in ("in", "of") and toks[i - 2].text in _COMPANY_BEFORE


# Before "to X", these make X a destination; before "from X", these make X a sender, not a place.
_MOTION = wordset(
    """go goes going gone went come comes came coming travel travels travelled traveled travelling
    traveling fly flies flew flown flying drive drives drove driven driving move moves moved moving
    return returns returned returning sail sailed head heads headed heading flee fled walk walked march
    marched ride rode deported moved relocated trip trips journey visit visits flight flights route
    road way pilgrimage voyage migration back"""
)
_SENDER = wordset("letter letters message messages call calls note notes request requests statement email")


def _dative(text: str, toks: list[_Tok], i: int, pw: str, ls: int) -> bool:
    """'a message to Bush', 'a letter from Mary': "to"/"from" that people take as well as places."""
    if pw not in ("to", "from"):
        return False
    k = i - 1
    if k >= 0 and toks[k].text in ("the", "The"):
        k -= 1
    before = toks[k - 1].text.lower() if k >= 1 and toks[k].text.lower() == pw else ""
    return before not in _MOTION if pw == "to" else before in _SENDER


def _title_before(toks: list[_Tok], i: int) -> bool:
    """'TITLE of/to/for [the] <place>': the place names an office's domain, a person's name may follow."""
    p = i - 1
    if p >= 0 and toks[p].text == "the":
        p -= 1
    return p >= 1 and toks[p].text in ("of", "to", "for") and toks[p - 1].text in TITLE_OF


def _ampersand_name(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """An ampersand joins the hit to a word that is no place: "Texas A&M", "Mary & Leigh", "Procter &"."""
    gz = gazetteer()
    if j < len(toks):
        nxt = toks[j]
        if _AMPERSAND_GAP.fullmatch(text, toks[j - 1].pend, nxt.start) and gz.get(norm(nxt.text)) is None:
            return True
        if len(nxt.text) <= 3 and nxt.text.isupper() and text.startswith("&", nxt.end):
            return True  # "Texas A&M"
    if i > 0:
        prev = toks[i - 1]
        if _AMPERSAND_GAP.fullmatch(text, prev.pend, toks[i].start) and gz.get(norm(prev.text)) is None:
            return True
    return False


def _acronym(t: _Tok) -> bool:
    """An all-caps word that is no place nor title: "UNC", "CNN" (not "US", "CEO")."""
    return (
        len(t.text) >= 2
        and t.text.isupper()
        and not t.possessive
        and t.text not in lx.CASED_TITLES
        and gazetteer().get(norm(t.text)) is None
    )


def _admin_noun(toks: list[_Tok], k: int) -> bool:
    """'town', or 'the Municipality' (a capitalised admin noun only after "the": not "City of London")."""
    t = toks[k].text
    if t in ADMIN_NOUNS:
        return True
    return t.lower() in ADMIN_NOUNS and t[:1].isupper() and k > 0 and toks[k - 1].text in ("the", "The")


def _capitalised_before(text: str, pos: int) -> bool:
    """The word ending right before pos (spaces skipped) starts with a capital."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    e = k
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return e > k and text[k].isupper()


_GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
_PLANET_KEYS = frozenset(norm(p) for p in PLANETS)
_PLANET_LOCATIVES = LOCATIVE | wordset("on orbit orbiting orbited around reach reached reaching landed")
_ACRONYM_AFTER = re.compile(r" ?\(([A-Z]{2,6})\)")
_HOME_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})


def _minor(e: Entry) -> bool:
    """A small town or minor region (not a big city known under an alternate name, like "Mecca")."""
    return bool(e.flags & SMALL) and bool(e.cc) and e.pop < CITY_POP


_COORD = re.compile(r"\b(North|South|East|West)(?:ern)?\s+(?:and|or|&)\s+$")

_cache: tuple[str, _Doc] | None = None


def _doc(text: str) -> _Doc:
    global _cache
    if _cache is None or _cache[0] is not text:
        _cache = (text, _Doc(text))
    return _cache[1]


def find_places(text: str, start: int, end: int) -> list[PlaceMention]:
    """Places inside text[start:end] (the whole document is given for context)."""
    if not text or start >= end:
        return []
    doc = _doc(text)
    out = []
    for k in range(bisect.bisect_left(doc.starts, start), bisect.bisect_left(doc.starts, end)):
        if doc.mentions[k].end <= end:
            out.append(doc.mentions[k])
    return out
