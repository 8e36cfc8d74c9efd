"""Stage 4: each gazetteer hit judged by the words around it: organisation, publication, person,
company, vehicle and adjectival uses; locatives, compass words, "North and South X"."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..gazetteer import (
    CAPITAL,
    COMMON,
    NEEDS_THE,
    P_SALIENT_REGION,
    SMALL,
    UPPER_ONLY,
    Entry,
    gazetteer,
    norm,
)
from .lexicon import (
    ADJ_PREFIXES,
    ADMIN_AFTER_UNKNOWN,
    ADMIN_NOUNS,
    ADMIN_WORDS_AFTER,
    BODY_HEADS_AFTER_PLACE,
    CLEAR_BEFORE_PREPOSITION,
    CLEAR_LOCATIVE,
    CLUB_AFTER_CITY,
    COMPANY_AFTER,
    COMPANY_BEFORE,
    COMPASS,
    COMPASS_PREFIX,
    DEMONYMS,
    DWELLERS_OF,
    FUNCTION_CAPS,
    GEOGRAPHIC_PLURALS,
    GIVEN_NAMES,
    INSTITUTIONAL,
    KNOWN_SITE_HEADS,
    KNOWN_SITE_MODIFIERS,
    LIKENESS_AFTER_HYPHEN,
    LOCAL_OFFICES,
    LOCAL_TITLES_AFTER_PLACE,
    LOCATIVE,
    LOWER_COMPASS,
    MONTHS_DAYS,
    MOTION,
    NEARNESS_OPENERS,
    OFFICE_AFTER_ADMIN,
    PARTY_PLURALS,
    PEOPLE_AFTER_PLACE,
    PERSON_FOLLOWING,
    PLACE_PARTICIPLES,
    PLANET_KEYS,
    PLANET_LOCATIVES,
    PURPOSE_BODY_HEADS,
    REGIME_ADJECTIVES,
    SENDER,
    SETTLEMENT_AFTER_UNKNOWN,
    SITE_HEADS,
    SITE_MODIFIERS,
    TITLE_OF,
    VEHICLES,
    VENUE_HEADS,
    VESSEL_NOUNS,
    VESSEL_PREFIXES,
    WHEREABOUTS_OF,
)
from .lookup import Hit
from .tokens import (
    AMPERSAND_GAP,
    COMMA_GAP,
    COORD,
    SPACE_GAP,
    Tok,
    capitalised_before,
    joined,
    prev_word,
    sentence_initial,
)


def judge(text: str, toks: list[Tok], i: int, j: int, h: Hit, ls: int) -> None:
    first, last = toks[i], toks[j - 1]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    initial = sentence_initial(text, first, ls)
    hyphen_prev = prev is not None and text.startswith("-", prev.pend) and prev.pend + 1 == first.start
    joined_prev = prev is not None and joined(text, prev, first) and not hyphen_prev
    joined_next = nxt is not None and joined(text, last, nxt) and not last.possessive
    if joined_next and org_after(text, toks, j):
        h.veto = True
    compass_first = (
        joined_prev
        and prev is not None
        and prev.text in COMPASS_PREFIX
        and not (i >= 2 and toks[i - 2].cap and joined(text, toks[i - 2], prev))
    )  # "Central London", "Eastern Chad": the compass word opens the place's name, no organisation's
    if joined_prev and not compass_first and org_run_before(text, toks, i - 1):
        h.veto = True  # "Wine Authority Australia New Zealand", "Statistics Canada"
    if not (h.entry.flags & UPPER_ONLY) and org_of_before(text, toks, i):
        h.veto = True  # "Dental Journal of Canada" (but "Lakeside College of the UK": a location)
    if h.entry.kind == "other" and org_purpose_before(text, toks, i):
        h.veto = True  # "Organization for Security and Co-operation in Europe": the scope of its purpose
    if joined_next and nxt is not None and h.entry.flags & UPPER_ONLY:
        if attributive(text, toks, j):
            h.adjective = True  # "U.S. officials", "the UK government": used as an adjective
        elif nxt.cap and name_after(nxt, Entry("country", None, 0)):
            h.veto = True  # "DC Comics", "US Airways": part of a name
    # The word before, for "the", locatives, titles and names.
    if prev is not None and joined(text, prev, first) and prev.text in ("the", "The"):
        pw = toks[i - 2].text if i >= 2 and joined(text, toks[i - 2], prev) else ""
    else:
        pw = prev.text if prev is not None and joined(text, prev, first) else ""
        if not pw:
            pw = prev_word(text, first.start, ls)
    h.needs_the_ok = not (h.entry.flags & NEEDS_THE) or (prev is not None and prev.text in ("the", "The"))
    before_of = toks[i - 2].text if i >= 2 and prev is not None and prev.text == "of" else ""
    if (
        pw.lower() in LOCATIVE
        or before_of.lower() in ADMIN_NOUNS
        or before_of.lower() in DWELLERS_OF
        or before_of.lower() in WHEREABOUTS_OF
    ):
        h.strong = True  # "in Kabul", "the town of Guelph", "residents of Guelph"
        h.weak = dative(text, toks, i, pw.lower(), ls)
    if (
        prev is not None
        and prev.text in ("the", "The")
        and joined_prev
        and joined_next
        and not last.possessive
        and not (h.entry.flags & COMMON)
        and site_after(text, toks, j)
    ):
        h.strong = h.site = True  # "the Tarbes airport", "the Lukovo nuclear plant": a site of the town
        # (not a word naming the site itself: "the Union station")
    if h.entry.flags & (SMALL | COMMON) and company_context(text, toks, i, j):
        h.company = True
    h.clear = h.site or clear_locative(text, toks, i, j, pw.lower())
    # "Governor of Washington Chris Gregoire", "Ambassador to France Tomas Reval"
    titled_of = title_before(toks, i)
    if titled_of:
        h.strong = True
    kind = h.entry.kind
    # People: a title or a given name before, a surname after, "X said".
    if joined_prev and prev is not None and name_before(prev, h.single) and not opening_participle(text, prev, ls):
        h.person = h.named = True
        h.titled = prev.text in lx.CASED_TITLES or prev.text.lower() in GIVEN_NAMES
    elif prev is not None and len(prev.text) == 1 and prev.cap and text.startswith(". ", prev.end):
        h.person = h.named = True  # "John F. Kennedy": a middle initial
    # "a Toronto Liberal MP", "the Canada Goose": a well-known place as a modifier.
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
        and name_after(nxt, h.entry)
    ):
        h.person = True
    if (
        h.single
        and kind in ("city", "region")
        and not (h.entry.flags & CAPITAL)
        and nxt is not None
        and nxt.text in lx.SPEECH_VERBS_AFTER_NAME
        and not h.strong
        and not (kind == "region" and person_of_before(text, toks, i))
    ):
        h.person = True
    if (
        h.single
        and kind == "city"
        and h.entry.prio < P_SALIENT_REGION
        and joined_prev
        and joined_next
        and prev is not None
        and prev.text in ("the", "The")
        and nxt is not None
        and nxt.text in PERSON_FOLLOWING
    ):
        h.person = True  # "the Obama administration", "the Clinton campaign": a politician, not a town
    if (
        h.single
        and nxt is not None
        and not last.possessive
        and text[last.pend : nxt.start] == " "
        and minor_town(h.entry)
        and minor_town_word(nxt)
    ):
        # Two small towns' names side by side make one other name: a person ("Marion Selby") or,
        # right after "in"/"at", a place the gazetteer lacks ("at Troy Hook"), kept whole.
        after = toks[j + 1] if j + 1 < len(toks) else None
        if (
            pw.lower() in ("in", "at")
            and not (prev is not None and prev.text in ("the", "The"))
            and not nxt.possessive
            and not (after is not None and after.cap and joined(text, nxt, after))
        ):
            h.end, h.single, h.coord = nxt.end, False, True  # (no code: not the town of the first word)
        else:
            h.veto = True
    if (
        h.single
        and first.text in DEMONYMS
        and joined_next
        and nxt is not None
        and nxt.text.islower()
        and nxt.text not in ADMIN_AFTER_UNKNOWN
        and nxt.text not in ADMIN_WORDS_AFTER
    ):
        h.adjective = True  # "the Somali border", "Afar herders": a people's adjective ("the Somali region" stays)
    if nxt is not None and nxt.text in LIKENESS_AFTER_HYPHEN and text[last.pend : nxt.start] == "-":
        h.adjective = True  # "a Texas-sized deficit", "Paris-style cafes": a likeness, no place
    if hyphen_prev and prev is not None and prev.text.lower() in ADJ_PREFIXES:
        h.adjective = True  # "anti-Pyongyang propaganda", "pro-Russia groups"
    if (
        joined_next
        and nxt is not None
        and nxt.text in PEOPLE_AFTER_PLACE
        and prev is not None
        and (prev.text.lower() in ("the", "a", "an") or (prev.possessive and not prev.text.isupper()))
        and joined_prev
    ):
        h.adjective = True  # "the Kenya delegate", "a Brazil striker", "the council's Syria envoy": "Kenyan"
    if joined_next and nxt is not None and nxt.text == "House" and kind == "region" and not last.possessive:
        h.veto = True  # "the Kentucky House": a chamber of the state's legislature, like "the Ohio Senate"
    if text.startswith("$", last.end):
        h.veto = True  # "US$ 20,000": a currency
    if joined_next and nxt is not None and nxt.text in VEHICLES and prev is not None and prev.text in ("the", "The"):
        h.veto = True  # "the Tucson probe": a vehicle named after the place
    if joined_prev and prev is not None and (prev.text in VESSEL_NOUNS or prev.text in VESSEL_PREFIXES):
        h.veto = True  # "the tanker Rio Grande", "USS Arizona": a ship's name
    if joined_next and nxt is not None and kind == "city" and nxt.text in CLUB_AFTER_CITY and not nxt.possessive:
        h.company = True  # "Manchester City", "Hull City": a club, where the gazetteer knows no such city
    if joined_next and nxt is not None and kind == "city" and team_after(text, toks, j):
        h.company = True  # "the Denver Nuggets", "Houston Rockets": a team named after the city (like a company, across
        # the article unless a true locative says otherwise: "Denver won", not "flew to Denver")
    if (
        joined_next
        and nxt is not None
        and kind == "region"
        and nxt.text not in PARTY_PLURALS
        and team_after(text, toks, j)
    ):
        h.veto = True  # "the Ontario Ghostbusters", "Iowa Hawkeyes": a team's name (this mention only: the
        # state is named for itself elsewhere)
    if h.key in PLANET_KEYS and pw.lower() in PLANET_LOCATIVES:
        h.strong = True  # "landed on Venus", "in orbit around Mars"
    if (
        joined_prev
        and not hyphen_prev
        and prev is not None
        and prev.text in COMPASS_PREFIX
        and not prev.possessive
        and not (i >= 2 and toks[i - 2].cap and joined(text, toks[i - 2], prev))
    ):
        h.start = prev.start  # "Eastern Chad": the compass word is part of the name used
    elif joined_prev and not hyphen_prev and prev is not None and prev.text in LOWER_COMPASS:
        h.start = prev.start  # "southern Chad", "north-eastern Mali": kept with the place, and a locative
        if i >= 2 and toks[i - 2].text in LOWER_COMPASS and text.startswith("-", toks[i - 2].pend):
            h.start = toks[i - 2].start
        h.strong = True
    if h.entry.flags & NEEDS_THE and joined_next and nxt is not None and nxt.cap:
        h.veto = True  # "the South Korean vote", "the West Wing": the first word of another name
    if (
        kind == "country"
        and joined_prev
        and prev is not None
        and prev.text in REGIME_ADJECTIVES
        and not (i >= 2 and toks[i - 2].cap and joined(text, toks[i - 2], prev))
    ):
        h.start = prev.start  # "Nazi Germany", "Communist China": the state of an era, kept whole
        h.person = h.named = h.titled = False
    if ampersand_name(text, toks, i, j):
        h.veto = True  # "Texas A&M", "Mary & Leigh Block": part of a name
    if joined_prev and prev is not None and acronym(prev) and not h.upper:
        h.veto = True  # "UNC Greensboro", "CNN Atlanta": an organisation's branch
    if not h.single and joined_next and nxt is not None and not titled_of and name_after(nxt, h.entry):
        h.veto = True  # "New York Knicks", "Los Angeles Lakers": the first half of a longer name
    h.explicit = (
        before_of.lower() in ADMIN_NOUNS
        or (nxt is not None and nxt.text in ADMIN_WORDS_AFTER)
        or (joined_next and nxt is not None and nxt.text in ADMIN_AFTER_UNKNOWN and not office_after(text, toks, j))
        or h.key.startswith("the ")  # "The Hague": the article is part of the name
    )
    if (
        not h.single
        and last.text == "City"
        and not last.possessive
        and not (prev is not None and prev.text in ("the", "The"))
    ):
        h.explicit = True  # "Gaza City", "Quezon City": the name says what it is (not "the Queen City", a nickname)
    if (
        joined_next
        and nxt is not None
        and nxt.text in LOCAL_TITLES_AFTER_PLACE
        and j + 1 < len(toks)
        and toks[j + 1].cap
        and joined(text, nxt, toks[j + 1])
    ):
        h.explicit = True  # "Dalby Mayor Ann Roe": the town's own officer, so a place
    if (
        h.single
        and prev is not None
        and prev.possessive
        and joined_prev
        and nxt is not None
        and (nxt.text in SETTLEMENT_AFTER_UNKNOWN or nxt.text in ADMIN_AFTER_UNKNOWN)
        and known_place_word(prev)
    ):
        h.explicit = True  # "Berlin's Kreuzberg neighbourhood", "Keldia's Tarvo province": a part of the place
    if h.explicit:
        h.strong = True  # "the city of X", "the Lombardy region", "X Province"
    # "the Hague": a lowercase article that belongs to the name.
    if prev is not None and prev.text == "the" and joined_prev and same_place(gazetteer().get("the " + h.key), h.entry):
        h.start = prev.start
        h.strong = h.explicit = True
    elif (
        h.single
        and kind == "city"
        and prev is not None
        and prev.text in ("the", "The")
        and joined_prev
        and not h.explicit
        and ARTICLE_TOWN_END.match(text, last.pend) is not None
        and not (nxt is not None and nxt.cap and COMMA_GAP.fullmatch(text, last.pend, nxt.start))
    ):  # (not "the Woodlands, Texas", nor "the Lyon 2030 bid")
        h.veto = True  # "feel the Vern!", "they call it the Lyon,": a town takes no article, a pun or a nickname
    if (
        h.single
        and kind == "city"
        and h.entry.flags & SMALL
        and prev is not None
        and prev.text in ("the", "The")
        and joined_prev
        and joined_next
        and nxt is not None
        and nxt.text in ("state", "State")
    ):
        h.veto = True  # "the Tarheel state": a state's nickname, not a small town of that name
    h.initial = initial


# Punctuation or the end of the line right after a name: "feel the Vern!" (not "the Lyon 2030 bid").
ARTICLE_TOWN_END = re.compile(r"[,.;:!?'’\"”)]|[ \t]*$", re.M)


def coordinated_compass(text: str, hits: list[Hit]) -> None:
    """'North and South Dakota': one mention for both halves."""
    for h in hits:
        if h.single or h.start < 9:
            continue
        m = COORD.search(text, max(0, h.start - 20), h.start)
        if not m or m.end() != h.start or capitalised_before(text, m.start()):
            continue  # "the Middle East and Central Asia" is no "East and Central Asia"
        first_half = norm(m.group(1) + " " + text[h.start : h.end].split(" ", 1)[-1])
        words = text[h.start : h.end].split(" ", 1)
        if len(words) == 2 and words[0] in COMPASS and gazetteer().get(first_half) is not None:
            h.start = m.start()
            h.coord = True


def team_after(text: str, toks: list[Tok], j: int) -> bool:
    """A capitalised plural after the place that names no place: "the Denver Nuggets" (a team), not
    "Eureka Springs" or "Golan Heights"."""
    t = toks[j]
    w = t.text
    return (
        t.cap
        and not t.possessive
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and not w.isupper()
        and w not in GEOGRAPHIC_PLURALS
        and w not in VENUE_HEADS
        and w not in lx.CASED_TITLES
        and w not in MONTHS_DAYS
        and gazetteer().get(norm(w)) is None
    )


def office_after(text: str, toks: list[Tok], j: int) -> bool:
    """'the Erie district attorney': an office of the place, after its administrative noun."""
    return j + 1 < len(toks) and toks[j + 1].text in OFFICE_AFTER_ADMIN and joined(text, toks[j], toks[j + 1])


def org_after(text: str, toks: list[Tok], j: int) -> bool:
    """An organisation head among the capitalised words after: "US Commerce Department", "Kyiv Post"."""
    for k in range(j, min(j + 5, len(toks))):
        t = toks[k]
        if not t.cap:
            return False
        if t.text in lx.ORG_NAME_HEADS or (k > j and t.text in BODY_HEADS_AFTER_PLACE):
            return True
        if t.possessive or k + 1 >= len(toks) or not joined(text, t, toks[k + 1]):
            return False
    return False


def org_run_before(text: str, toks: list[Tok], k: int) -> bool:
    """An organisation head among the capitalised words right before (no "of" between)."""
    for r in range(k, max(k - 5, -1), -1):
        t = toks[r]
        if not t.cap or t.possessive:
            return False
        if t.text in lx.ORG_NAME_HEADS:
            return True
        if r == 0 or not joined(text, toks[r - 1], t):
            return False
    return False


def org_of_before(text: str, toks: list[Tok], i: int) -> bool:
    """'<Organisation> of/for [the] <place>': "Dental Journal of Canada", "Bank of England",
    "Transport for London"."""
    while i >= 1 and toks[i - 1].text in COMPASS and joined(text, toks[i - 1], toks[i]):
        i -= 1  # "University of Southern Indiana"
    k = i - 1
    if k >= 1 and toks[k].text == "the" and toks[k - 1].text == "of":
        k -= 1
    if (
        k < 1
        or toks[k].text not in ("of", "de", "for")
        or not joined(text, toks[k], toks[k + 1] if k + 1 < i else toks[i])
    ):
        return False
    if not (toks[k - 1].cap and joined(text, toks[k - 1], toks[k])):
        return False
    for r in range(k - 1, max(k - 6, -1), -1):
        t = toks[r]
        if not t.cap or t.text in TITLE_OF:
            return False
        if t.text in lx.ORG_NAME_HEADS or (t.text == "Church" and r == k - 1):  # "Church of England"
            return True
        if r == 0 or not joined(text, toks[r - 1], t):
            return False
    return False


def org_purpose_before(text: str, toks: list[Tok], i: int) -> bool:
    """'<Organisation> for/on <Capitalised words> in <place>': the place is the scope of the body's
    purpose, inside its name ("Organization for Security and Co-operation in Europe", "Centre for Human
    Rights in Asia"). Only a continent or a wider region is taken so: after a body's name a country or a
    city says where it sits ("the Institute for Fiscal Studies in London", "... Research in Germany")."""
    k = i - 1
    if k < 2 or toks[k].text != "in" or not joined(text, toks[k], toks[i]) or not joined(text, toks[k - 1], toks[k]):
        return False
    k -= 1
    for r in range(k, max(k - 9, 0), -1):
        t = toks[r]
        hyphened = r > 0 and text.startswith("-", toks[r - 1].pend) and toks[r - 1].cap  # "Co-operation"
        if r == k and not (t.cap or hyphened):
            return False  # "sold for scrap in Europe": the name must run up to "in"
        if (
            t.text in ("for", "on")
            and r < k
            and (toks[r - 1].text in lx.ORG_NAME_HEADS or toks[r - 1].text in PURPOSE_BODY_HEADS)
            and joined(text, toks[r - 1], t)
        ):
            return True
        if not (t.cap or hyphened or t.text in ("and", "of", "the")) or not joined(text, toks[r - 1], t):
            return False
    return False


def attributive(text: str, toks: list[Tok], j: int) -> bool:
    """'U.S. officials', 'U.S. and Mexican farmers': the acronym stands for "American"."""
    if toks[j].text in INSTITUTIONAL:
        return True
    # Coordinated with an adjective that is no place: "U.S. and Mexican farmers".
    return (
        j + 2 < len(toks)
        and toks[j].text in ("and", "or")
        and toks[j + 1].cap
        and toks[j + 2].text.islower()
        and joined(text, toks[j + 1], toks[j + 2])
        and gazetteer().get(norm(toks[j + 1].text)) is None
    )


def person_of_before(text: str, toks: list[Tok], i: int) -> bool:
    """'Sen. Ada Voss of Nevada said': a state after "of" after a person's name, who is the speaker
    (not a title's "of": "the Governor of Ohio")."""
    if i < 2 or toks[i - 1].text != "of" or not joined(text, toks[i - 1], toks[i]):
        return False
    before = toks[i - 2]
    return (
        before.cap
        and not before.possessive
        and joined(text, before, toks[i - 1])
        and before.text not in lx.CASED_TITLES
        and before.text not in TITLE_OF
        and before.text not in FUNCTION_CAPS
        and before.text not in lx.ORG_NAME_HEADS
    )


def name_before(prev: Tok, single: bool) -> bool:
    """'Mr Jordan', 'Hillary Clinton', 'Air Canada': a title or another name right before."""
    if not prev.cap or prev.possessive or prev.text in COMPASS:
        return False
    if prev.text in lx.CASED_TITLES:
        return True
    return single and prev.text not in FUNCTION_CAPS and prev.text not in MONTHS_DAYS and not prev.text.isupper()


def opening_participle(text: str, prev: Tok, ls: int) -> bool:
    """'Visiting Russia in March, he ...', 'Leaving Paris, the convoy ...', 'Rebuilding Ukraine will
    take years': a participle or gerund opening the sentence is capitalised there, and no given name."""
    word = prev.text.lower()
    return (word in PLACE_PARTICIPLES or word in NEARNESS_OPENERS) and sentence_initial(text, prev, ls)


def name_after(nxt: Tok, entry: Entry) -> bool:
    """'Paris Hilton', 'Jordan Peterson': a capitalised word that is neither a title nor a place."""
    return (
        nxt.cap
        and nxt.text not in lx.CASED_TITLES
        and nxt.text not in LOCAL_OFFICES
        and nxt.text not in MONTHS_DAYS
        and nxt.text not in FUNCTION_CAPS
        and nxt.text not in VENUE_HEADS
        and nxt.text not in ("State", "City")  # "New York State"
        and nxt.text not in COMPASS
        and not (entry.flags & UPPER_ONLY)
        and gazetteer().get(norm(nxt.text)) is None
    )


def minor_town(e: Entry) -> bool:
    """A small town of the gazetteer, whose name is as often a word or a person's ("Sandy", "Hook")."""
    return e.kind == "city" and bool(e.flags & SMALL) and e.prio < P_SALIENT_REGION


def minor_town_word(t: Tok) -> bool:
    """A capitalised word whose only place reading is a small town (not "Springs", "City", "Beach")."""
    if not t.cap or t.text in VENUE_HEADS or t.text in ("State", "City") or t.text in GEOGRAPHIC_PLURALS:
        return False
    e = gazetteer().get(norm(t.text))
    return e is not None and minor_town(e)


def site_after(text: str, toks: list[Tok], j: int) -> bool:
    """A lowercase site head after the name, a modifier or not: "airport", "nuclear plant", "refugee camp"."""
    heads = SITE_HEADS | KNOWN_SITE_HEADS
    t = toks[j]
    if t.text in heads:
        return True
    if t.text in SITE_MODIFIERS or t.text in KNOWN_SITE_MODIFIERS:
        k = j + 1
        return (
            k < len(toks) and joined(text, t, toks[k]) and (toks[k].text in heads or toks[k].text in ("camp", "base"))
        )
    return False


def known_place_word(t: Tok) -> bool:
    """The one-word name of a country, region or city that needs no context ("Berlin", not "Reading")."""
    e = gazetteer().get(norm(t.text))
    return e is not None and not (e.flags & (COMMON | SMALL | NEEDS_THE | UPPER_ONLY))


def same_place(a: Entry | None, b: Entry) -> bool:
    """Two entries of one place (a name and its alternate may differ in priority)."""
    return a is not None and a.kind == b.kind and a.code == b.code


def company_context(text: str, toks: list[Tok], i: int, j: int) -> bool:
    if j < len(toks) and toks[j].text in COMPANY_AFTER and SPACE_GAP.fullmatch(text, toks[j - 1].pend, toks[j].start):
        return True
    return i >= 2 and toks[i - 1].text in ("in", "of") and toks[i - 2].text in COMPANY_BEFORE


def dative(text: str, toks: list[Tok], i: int, pw: str, ls: int) -> bool:
    """'a message to Bush', 'a letter from Mary': "to"/"from" that people take as well as places."""
    if pw not in ("to", "from"):
        return False
    k = i - 1
    if k >= 0 and toks[k].text in ("the", "The"):
        k -= 1
    before = toks[k - 1].text.lower() if k >= 1 and toks[k].text.lower() == pw else ""
    return before not in MOTION if pw == "to" else before in SENDER


def clear_locative(text: str, toks: list[Tok], i: int, j: int, pw: str) -> bool:
    """'the ferry left Toulon', 'troops near Tarbes', 'she arrived in Tarbes', 'flew to Toulon': a word
    of motion or whereabouts right before the bare name (not "the Obama era", "Rubio's team",
    "from Marco Rubio", "the voice of Batman in Batman")."""
    if i == 0 or toks[i - 1].text in ("the", "The") or toks[j - 1].possessive:
        return False
    if j < len(toks) and (
        text.startswith("-", toks[j - 1].end) or (toks[j].cap and joined(text, toks[j - 1], toks[j]))
    ):
        return False
    if pw in CLEAR_LOCATIVE:
        return True
    if (
        pw == "of"
        and i >= 2
        and (toks[i - 2].text.lower() in DWELLERS_OF or toks[i - 2].text.lower() in WHEREABOUTS_OF)
        and joined(text, toks[i - 2], toks[i - 1])
    ):
        return True  # "residents of Tarbes", "north of Tarbes", "the outskirts of Tarbes"
    if pw not in ("in", "at", "to", "from", "into") or i < 2 or not joined(text, toks[i - 2], toks[i - 1]):
        return False
    if toks[i - 2].text.lower() in CLEAR_BEFORE_PREPOSITION:
        return True
    # "from Brest to Lorient": a route between two capitalised names
    k = i - 2
    while pw == "to" and k > 0 and i - k <= 4 and toks[k].cap and joined(text, toks[k - 1], toks[k]):
        k -= 1
        if toks[k].text == "from":
            return True
    return False


def title_before(toks: list[Tok], i: int) -> bool:
    """'TITLE of/to/for [the] <place>': the place names an office's domain, a person's name may follow."""
    p = i - 1
    if p >= 0 and toks[p].text == "the":
        p -= 1
    return p >= 1 and toks[p].text in ("of", "to", "for") and toks[p - 1].text in TITLE_OF


def ampersand_name(text: str, toks: list[Tok], i: int, j: int) -> bool:
    """An ampersand joins the hit to a word that is no place: "Texas A&M", "Mary & Leigh", "Procter &"."""
    gz = gazetteer()
    # A town across the ampersand is a partner's surname as often ("Moore & Van Allen", a law firm):
    # only countries and regions pair with "&" in a place's name ("Trinidad & Tobago").
    own = gz.get(norm(toks[i].text)) if j == i + 1 else None
    kind = own.kind if own is not None else ""
    if j < len(toks):
        nxt = toks[j]
        if AMPERSAND_GAP.fullmatch(text, toks[j - 1].pend, nxt.start) and not_paired(gz.get(norm(nxt.text)), kind):
            return True
        if len(nxt.text) <= 3 and nxt.text.isupper() and text.startswith("&", nxt.end):
            return True  # "Texas A&M"
    if i > 0:
        prev = toks[i - 1]
        if AMPERSAND_GAP.fullmatch(text, prev.pend, toks[i].start) and not_paired(gz.get(norm(prev.text)), kind):
            return True
    return False


def not_paired(other: Entry | None, kind: str) -> bool:
    """The word across an ampersand makes no pair of places with the hit: unknown, or a town beside a town."""
    return other is None or (other.kind == "city" and kind == "city")


def acronym(t: Tok) -> bool:
    """An all-caps word that is no place nor title: "UNC", "CNN" (not "US", "CEO")."""
    return (
        len(t.text) >= 2
        and t.text.isupper()
        and not t.possessive
        and t.text not in lx.CASED_TITLES
        and gazetteer().get(norm(t.text)) is None
    )
