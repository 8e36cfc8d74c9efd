"""Stage 5: names the gazetteer lacks, made places by an administrative noun ("the constituency of
X", "X province") or a lowercase site head ("the Pak Lam prison")."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..gazetteer import AFTER_PLACE, CITY_POP, COMMON, NEEDS_THE, NEVER_ALONE, SMALL, UPPER_ONLY
from ..temporal_lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, NTH_WEEKDAY_HOLIDAYS
from ..types import PlaceMention
from .lexicon import (
    ADJECTIVE_ENDINGS,
    ADMIN_AFTER_UNKNOWN,
    ADMIN_KIND,
    ADMIN_NOUNS,
    ADMIN_PLURALS,
    AGENCY_DATELINE,
    APPOSITION_COUNTS,
    APPOSITION_NOUNS,
    APPOSITION_PLURALS,
    BORDER_AND_ROUTE_NOUNS,
    COMPANY_BEFORE,
    COMPASS,
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    COMPASS_PREFIX,
    DASH_DATELINE,
    DATELINE_REACH,
    DEMONYMS,
    DENOMINATIONS,
    DISTANCE_AFTER,
    DWELLERS_OF,
    FUNCTION_CAPS,
    GIVEN_NAMES,
    HYPHEN_ARTICLES,
    ISLAND_LOCATIVES,
    ISLAND_NOUNS,
    LIST_LOCATIVES,
    LOCATIVE,
    LOCATIVE_FORMS,
    LOWER_COMPASS,
    MAX_REPEATED,
    MAX_REPEATED_PLACES,
    MONTHS_DAYS,
    NOT_SETTLEMENT_AFTER,
    OFFICE_AFTER_ADMIN,
    ON_THE_NOUNS,
    OWNED_SETTLEMENT_NOUNS,
    PARTY_WORDS,
    PLACE_ONLY_LOCATIVE,
    PLACE_ONLY_MOTION,
    REPEATED_LOCATIVES,
    SECTOR_WORDS,
    SEIZING_VERBS,
    SETTLEMENT_AFTER_UNKNOWN,
    SITE_HEADS,
    SITE_HEADS_WITH_MODIFIER,
    SITE_MODIFIERS,
    SITED_NOUNS,
    TOWN_OFFICERS,
    VENUE_HEADS,
    WHEREABOUTS_OF,
    WORDS_AFTER_A_PLACE,
)
from .tokens import (
    COMMA_GAP,
    SPACE_ONLY,
    Tok,
    joined,
)


def town_of(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """'the town of Brackenford', 'the towns of Ashby and Cole Green': capitalised names after an
    administrative noun + "of" (after a plural noun, each name of an "and" list)."""
    starts = {i for i, *_ in raw}
    for i in range(2, len(toks)):
        if toks[i - 1].text != "of":
            continue
        # "20 km north of Tarvo", "the outskirts of Tarvo", "residents of Tarvo"
        whereabouts = toks[i - 2].text in WHEREABOUTS_OF or toks[i - 2].text.lower() in DWELLERS_OF
        # "the mayor of Brennick": only a town has a mayor
        whereabouts = whereabouts or toks[i - 2].text.lower() in TOWN_OFFICERS
        if not whereabouts and not admin_noun(toks, i - 2):
            continue
        kind = "city" if whereabouts else ADMIN_KIND.get(toks[i - 2].text.lower(), "region")
        plural = not whereabouts and toks[i - 2].text.lower().endswith("s")
        while i < len(toks):
            j = unknown_name(text, toks, taken, starts, i)
            if whereabouts and j > i and text.startswith("-", toks[j - 1].end):
                break  # "north of Naqsh-e Jahan": the name goes on past what the tokens hold
            if j > i:
                s, e = toks[i].start, toks[j - 1].end
                mentions.append(PlaceMention(text[s:e], s, e, kind))  # type: ignore[arg-type]
            else:
                j = next((b for a, b, *_ in raw if a == i), i)  # a known place in the list
                k = known_then_unknown(text, toks, taken, starts, i, j)
                if k > j:  # "the village of Ostrava Mala": the known "Ostrava" is only the first word
                    s, e = toks[i].start, toks[k - 1].end
                    mentions.append(PlaceMention(text[s:e], s, e, kind))  # type: ignore[arg-type]
                    j = k
            if not plural or j == i or j >= len(toks):
                break
            if toks[j].text in ("and", "or") and joined(text, toks[j - 1], toks[j]):
                i = j + 1  # "the towns of A and B"
            elif COMMA_GAP.fullmatch(text, toks[j - 1].pend, toks[j].start):
                i = j  # "the provinces of A, B and C"
            else:
                break


def known_then_unknown(text: str, toks: list[Tok], taken: list[bool], starts: set[int], i: int, j: int) -> int:
    """End of the name when a known place toks[i:j] is only its first part ("Ostrava Mala", "San
    Lucio", "Halifax West"); j when the name ends with the known place."""
    k = j
    if i < j < len(toks) and joined(text, toks[j - 1], toks[j]):  # not across a comma:
        k = unknown_name(text, toks, taken, starts, j)  # "the island of Corvena, Omar Farid said"
        if k == j and compass_last(text, toks, j):
            k = j + 1  # "the riding of Halifax West": a compass point closes a unit's name
    return k


def compass_last(text: str, toks: list[Tok], j: int) -> bool:
    """toks[j] is a compass point ending a capitalised name ("Halifax West", not "West Bank")."""
    return toks[j].text in COMPASS_POINTS and not (
        j + 1 < len(toks) and toks[j + 1].cap and joined(text, toks[j], toks[j + 1])
    )


def capital_named(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """'the capital Varnholm', 'Keldmark's capital, Varnholm,': a capitalised name right after "capital"
    (or after its comma) names a city, whether the gazetteer knows it or not; 'the capital city' or a
    lowercase word after it ('the capital markets') is none."""
    starts = {i for i, *_ in raw}
    for c in range(1, len(toks) - 1):
        if toks[c].text != "capital" or not (toks[c - 1].text.lower() == "the" or toks[c - 1].possessive):
            continue
        i = c + 1
        if toks[i].text == "," and i + 1 < len(toks):
            i += 1
        j = unknown_name(text, toks, taken, starts, i)
        if j == i:  # "the capital San Lucio": a known "San" or "Dar" only opens the name
            j = known_then_unknown(text, toks, taken, starts, i, next((b for a, b, *_ in raw if a == i), i))
        if j > i:
            s, e = toks[i].start, toks[j - 1].end
            mentions.append(PlaceMention(text[s:e], s, e, "city"))


def unknown_name(
    text: str, toks: list[Tok], taken: list[bool], starts: set[int], i: int, stop_at_known: bool = False
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
    articles = 0
    while (
        j < len(toks)
        and j < i + 3 + articles
        and (toks[j].cap or hyphen_article(text, toks, j))
        and not taken[j]
        and not (stop_at_known and j in starts)  # "Tatar Crimea province": a known place of its own
        and joined(text, toks[j - 1], toks[j])
    ):
        articles += not toks[j].cap
        j += 1
    if any(toks[k].text in lx.ORG_NAME_HEADS or toks[k].text in lx.CASED_TITLES for k in range(i, j)):
        return i
    if all(toks[k].text in COMPASS for k in range(i, j)):
        return i  # "North" of "North and South Kivu"
    if stop_at_known and j == i + 1 and (t.text.endswith(ADJECTIVE_ENDINGS) or t.text in DEMONYMS):
        return i  # "the Kurdish region", "Bolivian mines", "the Greek mosque": an adjective, not a name
    if stop_at_known and (toks[j - 1].text.endswith(("ean", "ian", "ese")) or toks[j - 1].text in DEMONYMS):
        return i  # "the South-Eastern European region", "the East Timorese border": adjectives
    return j


def hyphen_article(text: str, toks: list[Tok], j: int) -> bool:
    """toks[j] is an Arabic article before a hyphen and a capitalised word: "al-" of "Deir al-Balah"."""
    return (
        toks[j].text in HYPHEN_ARTICLES
        and j + 1 < len(toks)
        and toks[j + 1].cap
        and toks[j].end + 1 == toks[j + 1].start
        and text.startswith("-", toks[j].end)
    )


def unknown_before_noun(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """Unknown names made places by a lowercase noun after them: "Narvesto province" (the name) and,
    after "the" or a locative word, "the Pak Lam prison" (a site: the name with its head)."""
    starts: set[int] = set()
    minor: set[int] = set()
    inner: set[int] = set()
    words: set[int] = set()
    place_ends: set[int] = set()
    ready = False
    for j, head_tok in enumerate(toks):
        head = head_tok.text
        if j == 0 or (
            head not in ADMIN_AFTER_UNKNOWN
            and head not in SITE_HEADS
            and head not in SITE_MODIFIERS
            and head not in SETTLEMENT_AFTER_UNKNOWN
        ):
            continue  # the nouns are rare: start from them, not from every capitalised word
        if not ready:  # (the line's hits read once, at its first such noun)
            ready = True
            starts = {i for i, *_ in raw}
            # A minor town's name after the first word is no known place of its own: "the Aksai Chin
            # area" (the town of Chin), where "Tatar Crimea province" holds a known region.
            minor = {i for i, b, _key, e in raw if b == i + 1 and e.flags & SMALL and not e.flags & COMMON}
            inner = starts - minor
            # A known name that is also a word names a site before its head: "the Central station", "at
            # the Union church" (not the towns of Central or Union); a true town keeps its name ("the
            # Kabul airport").
            words = {i for i, b, _key, e in raw if b == i + 1 and e.flags & COMMON}
            place_ends = {b - 1 for _i, b, _key, e in raw if not (e.flags & (COMMON | SMALL))}
        i = j
        articles = 0
        while (
            i > 0
            and j - i < 3 + articles
            and (toks[i - 1].cap or (i - 1 > 0 and hyphen_article(text, toks, i - 1)))
            and toks[i - 1].text not in FUNCTION_CAPS
            and not (toks[i - 1].possessive and i < j)  # "Berlin's Kelmitz district": the owner is no part
            and joined(text, toks[i - 1], toks[i])
        ):
            articles += not toks[i - 1].cap  # "Ras el-Tin district"
            i -= 1  # (not back over "The"/"In" opening the sentence: "The Pak Lam prison was closed")
        if i == j or (
            i > 0
            and toks[i - 1].cap
            and not toks[i - 1].possessive
            and toks[i - 1].text not in FUNCTION_CAPS
            and joined(text, toks[i - 1], toks[i])
        ):
            continue  # no name, or part of a longer capitalised name (not "The" opening a sentence)
        word_site = i in words and j == i + 1 and (head in SITE_HEADS or head in SITE_MODIFIERS)
        if toks[j - 1].possessive or (
            unknown_name(
                text, toks, taken, inner | ({i} & starts if own_name(toks, minor, starts, i, j) else set()), i, True
            )
            != j
            and not word_site
        ):
            continue
        after = toks[j + 1].text if j + 1 < len(toks) and joined(text, head_tok, toks[j + 1]) else ""
        prev = toks[i - 1].text.lower() if i > 0 and joined(text, toks[i - 1], toks[i]) else ""
        if prev and toks[i - 1].possessive and i - 1 in place_ends:
            prev = "in"  # "Berlin's Kelmitz neighbourhood": a part of the place owning it, as "in Berlin"
        if head in ADMIN_AFTER_UNKNOWN and after not in OFFICE_AFTER_ADMIN and not word_site:
            if sector_name(text, toks, i, j):
                continue
            s, e = toks[i].start, toks[j - 1].end
            mentions.append(PlaceMention(text[s:e], s, e, "region"))
        elif (
            head in SETTLEMENT_AFTER_UNKNOWN
            and not word_site
            and (
                (prev == "the" and head not in OWNED_SETTLEMENT_NOUNS)  # (not "the Nightingale ward")
                or prev in LOCATIVE
                or prev in SEIZING_VERBS
                or (head in ISLAND_NOUNS and prev in ISLAND_LOCATIVES)
            )
            and after not in OFFICE_AFTER_ADMIN
            and after not in NOT_SETTLEMENT_AFTER
        ):
            s, e = toks[i].start, toks[j - 1].end  # "in Kolma town", "the Tarvo area": the name
            mentions.append(PlaceMention(text[s:e], s, e, "other" if head in ISLAND_NOUNS else "city"))
        elif (
            head in SITE_HEADS
            and (prev == "the" or prev in LOCATIVE)
            and not after[:1].isupper()
            and not all(toks[k].text in DENOMINATIONS for k in range(i, j))
        ):  # (not "the Methodist church": the institution)
            s, e = toks[i].start, head_tok.end
            mentions.append(PlaceMention(text[s:e], s, e, "venue"))
        elif (
            head in SITE_MODIFIERS
            and (prev == "the" or prev in LOCATIVE)
            and after in SITE_HEADS | SITE_HEADS_WITH_MODIFIER
            and not (j + 2 < len(toks) and toks[j + 2].cap and joined(text, toks[j + 1], toks[j + 2]))
        ):
            s, e = toks[i].start, toks[j + 1].end  # "the Lukovo refugee camp", "at Tarvo air base"
            mentions.append(PlaceMention(text[s:e], s, e, "venue"))


def own_name(toks: list[Tok], minor: set[int], starts: set[int], i: int, j: int) -> bool:
    """toks[i:j] before a site or settlement noun is a known place's own name: not a minor town's name
    opening a longer one ("the Plum Creek bridge"; but "the Tulsa Metro area" is the town's, and "the
    Tulsa Bartlesville area" two towns')."""
    return i not in minor or j == i + 1 or any(toks[k].text in COMPASS or k in starts for k in range(i + 1, j))


def names_before_plural(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """'in Broward and Volusia counties', 'Narvesto, Belmoro and Kessa provinces': every name of an
    "and" list right before a plural administrative noun is one such unit, known or not."""
    starts = {i for i, *_ in raw}
    known = {(i, b) for i, b, *_ in raw}
    for j, head in enumerate(toks):
        if head.text not in ADMIN_PLURALS or j < 3:
            continue
        names: list[tuple[int, int]] = []
        k, coordinated = j, False
        while len(names) < 6:
            i = k - 1
            if (
                not toks[i].cap
                or toks[i].possessive
                or toks[i].text in FUNCTION_CAPS
                or toks[i].text in PARTY_WORDS
                or not joined(text, toks[i], toks[k], allow_comma=True)
            ):
                names = []
                break
            while i > 0 and k - i < 3 and toks[i - 1].cap and toks[i - 1].text not in FUNCTION_CAPS:
                if not joined(text, toks[i - 1], toks[i]):
                    break
                i -= 1
            if (i, k) not in known and unknown_name(text, toks, taken, starts, i, stop_at_known=True) != k:
                names = []
                break  # no name, or one that is an adjective or a longer name's part: no list of units
            names.append((i, k))
            if i >= 2 and toks[i - 1].text in ("and", "or") and joined(text, toks[i - 2], toks[i - 1]):
                k, coordinated = i - 1, True
            elif i >= 1 and toks[i - 1].cap and COMMA_GAP.fullmatch(text, toks[i - 1].pend, toks[i].start):
                k = i  # the next name ends before the comma
            else:
                break
        if len(names) < 2 or not coordinated:
            continue
        first = names[-1][0]
        if first > 0 and toks[first - 1].cap and joined(text, toks[first - 1], toks[first]):
            continue  # "Mr Lee, Kessa and Belmoro": the first name is part of a longer one
        for i, k in names:
            s, e = toks[i].start, toks[k - 1].end
            mentions.append(PlaceMention(text[s:e], s, e, "region"))


def hyphen_pair_before_border(
    text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]
) -> None:
    """'the Keld-Varnia border', 'the Tarvo-Keld highway': two names joined by a hyphen before a noun
    of a border or a route are two places, known or not (the known ones are judged as hits)."""
    starts = {i for i, *_ in raw}
    known = {(i, b): e for i, b, _key, e in raw}
    for j in range(3, len(toks)):
        if toks[j].text not in BORDER_AND_ROUTE_NOUNS or not joined(text, toks[j - 1], toks[j]):
            continue
        h = j - 1  # the hyphen gap ends before toks[h]: find it within three words
        while h > j - 4 and h > 0 and text[toks[h - 1].pend : toks[h].start] != "-":
            h -= 1
        if h <= 0 or text[toks[h - 1].pend : toks[h].start] != "-" or toks[h - 1].possessive:
            continue
        a = h - 1  # the first name is toks[a:h]
        while (
            a > 0
            and h - a < 3
            and toks[a - 1].cap
            and toks[a - 1].text not in FUNCTION_CAPS
            and SPACE_ONLY.fullmatch(text, toks[a - 1].pend, toks[a].start)
        ):
            a -= 1
        if a > 0 and toks[a - 1].cap and toks[a - 1].text not in FUNCTION_CAPS and joined(text, toks[a - 1], toks[a]):
            continue  # part of a longer name
        sides = [(a, h), (h, j)]
        if not all(
            (x, y) in known or unknown_name(text, toks, taken, starts, x, stop_at_known=True) >= y > x for x, y in sides
        ):
            continue
        if any(toks[x].text.lower() in GIVEN_NAMES or toks[x].text.isupper() for x, y in sides if (x, y) not in known):
            continue  # "the Lee-Enfield line": people's names
        for x, y in sides:  # (a known one too: "the Costa Rica-Keldia border" is no longer name)
            entry = known.get((x, y))
            s, e = toks[x].start, toks[y - 1].end
            kind, code = (entry.kind, entry.code) if entry is not None else ("region", None)
            mentions.append(PlaceMention(text[s:e], s, e, kind, code))  # type: ignore[arg-type]


def sector_name(text: str, toks: list[Tok], i: int, j: int) -> bool:
    """'the Social Welfare constituency', 'the Legal, Planning and Landscape constituency': a name made
    of the words of a trade or field, or listed after one, names a sector, not a place."""
    if all(toks[k].text.lower() in SECTOR_WORDS for k in range(i, j)):
        return True
    if i >= 2 and toks[i - 1].text in ("and", "or"):
        return toks[i - 2].text.lower() in SECTOR_WORDS
    return (
        i >= 1
        and COMMA_GAP.fullmatch(text, toks[i - 1].pend, toks[i].start) is not None
        and (toks[i - 1].text.lower() in SECTOR_WORDS)
    )


def named_in_apposition(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """'Selvak, a town near the border', 'in Velmar, a small village', 'Korvan, 40 km south of Tarvo':
    a name the gazetteer lacks, described right after it as a settlement or placed at a distance."""
    starts = {i for i, *_ in raw}
    for k in range(1, len(toks)):
        distance = DISTANCE_AFTER.match(text, toks[k - 1].pend)
        gap = not distance and COMMA_GAP.fullmatch(text, toks[k - 1].pend, toks[k].start)
        if not gap and not distance:
            continue
        if gap and on_the_noun(text, toks, k):
            pass  # "Tarvik, on the Baltic coast": placed by what it lies on
        elif gap:
            if toks[k].text not in ("a", "an", "the"):
                continue
            m = k + 1  # up to three lowercase modifiers, then the noun: "a small farming village"
            while (
                m < len(toks)
                and m < k + 4
                and toks[m].text.islower()
                and toks[m].text not in APPOSITION_NOUNS
                and toks[m].text not in lx.BARE_NOUN_STOPS
                and toks[m].text not in lx.DETERMINERS
            ):
                m += 1  # (no function word: "Ana Ruiz, a trader in the village" describes a person)
            if (
                m >= len(toks)
                or toks[m].text not in APPOSITION_NOUNS
                or not all(joined(text, toks[n - 1], toks[n]) for n in range(k + 1, m + 1))
            ):
                continue
            nxt = toks[m + 1].text if m + 1 < len(toks) and joined(text, toks[m], toks[m + 1]) else ""
            if nxt in OFFICE_AFTER_ADMIN or nxt in NOT_SETTLEMENT_AFTER:
                continue  # "Mary Dorvik, a town councillor"
            if toks[k].text == "the" and nxt != "of":
                continue  # "Selvak, the main town of ..." (not "After the war, the town rebuilt")
        i = k - 1  # the name ends right before the comma
        while i > 0 and k - 1 - i < 2 and toks[i - 1].cap and joined(text, toks[i - 1], toks[i]):
            i -= 1
        if toks[i].text in FUNCTION_CAPS or (i > 0 and toks[i - 1].cap and joined(text, toks[i - 1], toks[i])):
            continue
        if unknown_name(text, toks, taken, starts, i) != k or toks[k - 1].possessive:
            continue
        if toks[i].text.lower() in GIVEN_NAMES or toks[i].text.isupper():
            continue  # "Maria Lopez, a village teacher", "NATO, the alliance": people, acronyms
        s, e = toks[i].start, toks[k - 1].end
        mentions.append(PlaceMention(text[s:e], s, e, "city"))
        for n in range(i, k):
            taken[n] = True


class Repeated:
    """The uses of one name the gazetteer lacks after a locative (see :func:`repeated_after_in`)."""

    __slots__ = ("after_in", "mentions", "other")

    def __init__(self) -> None:
        self.after_in = 0  # uses right after "in" (or "near", "across" ...)
        self.other = False  # a use after a locative that is no place's: a possessive, a modifier, a person
        self.mentions: list[PlaceMention] = []


def repeated_after_in(
    text: str, toks: list[Tok], taken: list[bool], raw: list, repeated: dict[str, Repeated], people: frozenset[str]
) -> None:
    """Record the uses of names no rule placed right after a locative ("the monks in Tabennese"), for
    :func:`repeated_places` to judge over the article."""
    starts: set[int] | None = None
    for i in range(1, len(toks)):
        prev, t = toks[i - 1], toks[i]
        if prev.text not in LOCATIVE_FORMS or not t.cap or taken[i] or not joined(text, prev, t):
            continue
        if starts is None:
            starts = {r[0] for r in raw}
        if i in starts:
            continue
        j = unknown_name(text, toks, taken, starts, i, True)
        if j == i or j in starts or (j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j])):
            continue
        if t.text.lower() in GIVEN_NAMES or any(toks[k].text.isupper() for k in range(i, j)):
            continue
        key = text[t.start : toks[j - 1].end]
        found = repeated.get(key)
        if found is None:
            if len(repeated) >= MAX_REPEATED:
                continue
            found = repeated[key] = Repeated()
        if (
            toks[j - 1].possessive
            or not place_ends_at(text, toks, i)
            or any(toks[k].text in people for k in range(i, j))
            or text.startswith("-", toks[j - 1].end)
        ):
            found.other = True
            continue
        found.after_in += prev.text.lower() in REPEATED_LOCATIVES
        found.mentions.append(PlaceMention(key, t.start, toks[j - 1].end, "city"))


def repeated_places(text: str, repeated: dict[str, Repeated]) -> list[PlaceMention]:
    """One sense per discourse for a name no rule placed: used twice or more right after "in" ("a monk
    in Tabennese ... the brothers in Tabennese") and otherwise only after a locative ("returned to
    Tabennese"), never as a subject, a modifier, a possessive, a person's name or inside a longer name,
    it is a place everywhere ("the characters in Gorvak" once, or "Gorvak said" anywhere, stays no
    place). One pass over the article for all such names together."""
    cands = {k: r for k, r in repeated.items() if r.after_in >= 2 and not r.other}
    if not cands:
        return []
    if len(cands) > MAX_REPEATED_PLACES:  # (keeps one pass over a pathological text cheap)
        kept = sorted(cands, key=lambda k: -cands[k].after_in)[:MAX_REPEATED_PLACES]
        cands = {k: cands[k] for k in kept}
    placed = {m.start for r in cands.values() for m in r.mentions}
    names = sorted(cands, key=len, reverse=True)
    lower = {n.lower(): r for n, r in cands.items()}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)
    for m in pattern.finditer(text):
        if m.start() not in placed:
            # another use: "Gorvak said", "the Gorvak Road", or a common word ("in Films from ...", "films")
            lower[m.group().lower()].other = True
    return [p for r in cands.values() if not r.other for p in r.mentions]


def listed_in_apposition(
    text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention], described: set[int]
) -> None:
    """'Ostby and Brenna, two mining towns in the north': every name of the list before a counted plural
    settlement noun is a place (the end offsets of the known ones go to ``described``: the apposition
    says what they are, as "the town of X" does)."""
    starts = {i for i, *_ in raw}
    known = {(i, b) for i, b, *_ in raw}
    for k in range(3, len(toks) - 1):
        if toks[k].text not in APPOSITION_COUNTS or not COMMA_GAP.fullmatch(text, toks[k - 1].pend, toks[k].start):
            continue
        m = k + 1  # up to three lowercase modifiers, then the plural noun: "two small farming towns"
        while m < len(toks) and m < k + 4 and toks[m].text.islower() and toks[m].text not in APPOSITION_PLURALS:
            m += 1
        if m >= len(toks) or toks[m].text not in APPOSITION_PLURALS:
            continue
        if not all(joined(text, toks[n - 1], toks[n]) for n in range(k + 1, m + 1)):
            continue
        names: list[tuple[int, int]] = []
        b, coordinated = k, False
        while len(names) < 6:
            a = b - 1
            while a > 0 and b - a < 3 and toks[a - 1].cap and joined(text, toks[a - 1], toks[a]):
                a -= 1
            if not toks[a].cap or toks[b - 1].possessive:
                break
            if (a, b) not in known and unknown_name(text, toks, taken, starts, a, stop_at_known=True) != b:
                break
            names.append((a, b))
            if a >= 2 and toks[a - 1].text in ("and", "or") and joined(text, toks[a - 2], toks[a - 1]):
                b, coordinated = a - 1, True
            elif a >= 1 and toks[a - 1].cap and COMMA_GAP.fullmatch(text, toks[a - 1].pend, toks[a].start):
                b = a
            else:
                break
        if not coordinated or len(names) < 2:
            continue
        for a, b in names:
            if (a, b) in known:
                described.add(toks[b - 1].end)
            elif toks[a].text.lower() not in GIVEN_NAMES:
                s, e = toks[a].start, toks[b - 1].end
                mentions.append(PlaceMention(text[s:e], s, e, "city"))


def on_the_noun(text: str, toks: list[Tok], k: int) -> bool:
    """toks[k:] is "on the" and up to three words before a noun of a coast, a bank or a border, which ends
    the apposition ("Tarvik, on the Baltic coast,", "Orsk, on the border.")."""
    if k + 2 >= len(toks) or toks[k].text != "on" or toks[k + 1].text != "the":
        return False
    for m in range(k + 2, min(k + 6, len(toks))):
        if not joined(text, toks[m - 1], toks[m]):
            return False
        if toks[m].text in ON_THE_NOUNS:
            return m + 1 >= len(toks) or not joined(text, toks[m], toks[m + 1])
    return False


HOLIDAYS = FIXED_HOLIDAYS.keys() | NTH_WEEKDAY_HOLIDAYS.keys() | EASTER_HOLIDAYS.keys()


def named_after_clear_locative(
    text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention], people: frozenset[str]
) -> None:
    """'ambushed near Tarvo', 'rescuers flew to Caraveli', 'born in Stridon': a name the gazetteer lacks
    after a word whose object is only ever a place, unless the article uses it as a person's name
    ("Ms Tarvo", "Tarvo said") or it looks like one ("near Maria Tarvo", "near Tarvo's house")."""
    starts = {i for i, *_ in raw}
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        if not t.cap or taken[i] or i in starts or not joined(text, prev, t):
            continue
        pw = prev.text.lower()
        motion = (
            pw in ("to", "in", "at", "into", "from")
            and i >= 2
            and toks[i - 2].text.lower() in PLACE_ONLY_MOTION
            and joined(text, toks[i - 2], prev)
        )
        sited = pw == "in" and i >= 2 and sited_before(text, toks, taken, i - 2) and place_ends_at(text, toks, i)
        if pw not in PLACE_ONLY_LOCATIVE and not motion and not sited:
            continue
        j = unknown_name(text, toks, taken, starts, i, stop_at_known=True)
        j = next((k for k in range(i + 1, j) if toks[k].text in MONTHS_DAYS), j)  # "to Tarvo Friday"
        if j == i or toks[j - 1].possessive or text.startswith("-", toks[j - 1].end):
            continue
        if j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j]) and toks[j].text not in MONTHS_DAYS:
            continue  # a longer capitalised name than a place's
        if t.text.lower() in GIVEN_NAMES or any(toks[k].text.isupper() or toks[k].text in people for k in range(i, j)):
            continue
        if pw == "near" and text[t.start : toks[j - 1].end].lower() in HOLIDAYS:
            continue  # "near Christmas": a time
        s, e = t.start, toks[j - 1].end
        mentions.append(PlaceMention(text[s:e], s, e, "city"))
        for k in range(i, j):
            taken[k] = True


def listed_with_known_place(
    text: str,
    toks: list[Tok],
    taken: list[bool],
    raw: list,
    mentions: list[PlaceMention],
    people: frozenset[str],
    located: set[int],
) -> None:
    """'Ports at Mongla and Chittagong', 'in Dhaka or Keldpur': after a locative, a name the gazetteer lacks
    coordinated with a well-known place (no word, no minor town) is a place too, unless the article
    uses it as a person's name ("Ms Mongla", "Mongla said"). The end offsets of known places after such a
    name are added to ``located``: the locative before the name is theirs too."""
    starts = {i for i, *_ in raw}
    for i, j, _key, e in raw:
        if e.flags & (COMMON | NEEDS_THE | UPPER_ONLY | NEVER_ALONE) or e.kind not in ("city", "country"):
            continue
        if e.flags & SMALL and e.pop < CITY_POP:
            continue  # a minor town is a word or a name as often ("Chittagong" under its old name is no minor one)
        # the unknown name before: "at Mongla and Chittagong"
        if i >= 3 and toks[i - 1].text in ("and", "or") and joined(text, toks[i - 2], toks[i - 1]):
            b = i - 1
            a = b - 1
            while a > 0 and b - a < 3 and toks[a - 1].cap and joined(text, toks[a - 1], toks[a]):
                a -= 1
            if (
                a > 0
                and toks[a - 1].text.lower() in LIST_LOCATIVES
                and joined(text, toks[a - 1], toks[a])
                and listed_name(text, toks, taken, starts, a, b, mentions, people)
            ):
                located.add(toks[j - 1].end)
        # the unknown name after: "at Chittagong and Mongla"
        if (
            i > 0
            and toks[i - 1].text.lower() in LIST_LOCATIVES
            and joined(text, toks[i - 1], toks[i])
            and j + 1 < len(toks)
            and toks[j].text in ("and", "or")
            and joined(text, toks[j - 1], toks[j])
            and not toks[j - 1].possessive
        ):
            b = unknown_name(text, toks, taken, starts, j + 1, stop_at_known=True)
            listed_name(text, toks, taken, starts, j + 1, b, mentions, people)


def listed_name(
    text: str,
    toks: list[Tok],
    taken: list[bool],
    starts: set[int],
    a: int,
    b: int,
    mentions: list[PlaceMention],
    people: frozenset[str],
) -> bool:
    """Record toks[a:b] as a place when it is a whole name the gazetteer lacks and no person's."""
    if b <= a or unknown_name(text, toks, taken, starts, a, stop_at_known=True) != b or toks[b - 1].possessive:
        return False
    if not place_ends_at(text, toks, a):
        return False  # "in Paris and Keld fashion houses"
    if b < len(toks) and (
        (toks[b].cap and joined(text, toks[b - 1], toks[b])) or toks[b].text in lx.SPEECH_VERBS_AFTER_NAME
    ):
        return False  # a longer name, or a speaker ("... and Hamlet Smith said")
    if toks[a].text.lower() in GIVEN_NAMES or any(
        toks[k].text.isupper() or toks[k].text in people for k in range(a, b)
    ):
        return False
    s, e = toks[a].start, toks[b - 1].end
    mentions.append(PlaceMention(text[s:e], s, e, "city"))
    for k in range(a, b):
        taken[k] = True
    return True


def place_ends_at(text: str, toks: list[Tok], i: int) -> bool:
    """The capitalised name at toks[i] ends before punctuation, the end of the line or a word that may
    follow a place ("in Leith on Friday"), not before a noun it qualifies ("in Black neighbourhoods")."""
    j = i + 1
    while j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j]):
        j += 1
    if j + 1 < len(toks) and toks[j].text in ("and", "or") and toks[j + 1].cap and joined(text, toks[j - 1], toks[j]):
        j += 2  # "in Black and Latino neighbourhoods": the list's last name decides
        while j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j]):
            j += 1
    return (
        j >= len(toks)
        or not joined(text, toks[j - 1], toks[j])
        or not toks[j].text.islower()
        or (toks[j].text in WORDS_AFTER_A_PLACE)
    )


def sited_before(text: str, toks: list[Tok], taken: list[bool], k: int) -> bool:
    """toks[k] ends a venue's name ("the Keld Theatre"), or is a site or a mission ("the Tarvo
    embassy", "the Dorvik prison"): a name after its "in" says where it stands ("... in Leith")."""
    t = toks[k]
    if not joined(text, t, toks[k + 1]) or t.possessive:
        return False
    return (taken[k] and t.text in VENUE_HEADS) or t.text in SITE_HEADS or t.text in SITED_NOUNS


def dateline_unknown(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> None:
    """'KORVALA, Ruritania (AP) —': a wire dateline names where the report was filed, a town the
    gazetteer may lack and its region or country (known ones are judged as hits)."""
    if (
        not toks
        or not toks[0].text.isupper()
        or len(toks[0].text) < 3
        or (toks[0].start != 0 and text[toks[0].start - 1] != "\n")
    ):
        return
    k = 1
    while k < len(toks) and k < 3 and toks[k].text.isupper() and joined(text, toks[k - 1], toks[k]):
        k += 1
    starts = {i for i, *_ in raw}
    m = AGENCY_DATELINE.match(text, toks[k - 1].pend)
    if m is None:
        # "KELD —", "TARVO, Varnia —" without an agency: only near the top of the article, and the town
        # named by its country after it or in the article's prose ("... the town of Keld"), never a
        # heading word ("BREAKING —", "UPDATE —")
        m = DASH_DATELINE.match(text, toks[k - 1].pend)
        if m is None or toks[0].start > DATELINE_REACH:
            return
        if not (m.group(1) and k < len(toks) and k in starts and toks[k].start == m.start(1)):
            name = " ".join(toks[n].text.title() for n in range(k))
            if re.search(r"\b[a-z]+ " + re.escape(name) + r"\b", text) is None:
                return
    elif k == 1 and len(toks[0].text) <= 6 and not m.group(1) and not m.group("date"):
        return  # "NATO (AP) —", "UNICEF (Reuters)": a short word alone is an acronym as often
    if any(toks[n].text.title() in lx.ORG_NAME_HEADS or toks[n].text == "NATIONS" for n in range(k)):
        return  # "UNITED NATIONS (AP)": the organisation's seat
    if not any(taken[n] or n in starts for n in range(k)):
        a, b = toks[0].start, toks[k - 1].end
        mentions.append(PlaceMention(text[a:b], a, b, "city"))
        for n in range(k):
            taken[n] = True
    if not m.group(1) or k >= len(toks) or toks[k].start != m.start(1) or taken[k]:
        return
    a, b = m.span(1)
    if k not in starts:
        if text.startswith(".", b) and " " not in text[a:b] and not text[a:b].isupper():
            b += 1  # "BATON ROUGE, La. (AP)", "DORVAL, Que. (AP)": an abbreviation, with its period
        mentions.append(PlaceMention(text[a:b], a, b, "region"))
        return
    entry = next(r[3] for r in raw if r[0] == k)
    if entry.flags & AFTER_PLACE and 0 not in starts:
        # "PELLSTON, Mich. (AP)": a state's abbreviation after a town the gazetteer lacks (after a known
        # town the hit is kept by its "<city>, " context), with its period as written
        b += text.startswith(".", b) and not text[a:b].isupper()
        mentions.append(PlaceMention(text[a:b], a, b, "region", entry.code))


def compass_region(text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]) -> set[int]:
    """'across Eastern Varnia', 'parts of Southern Ostmark', 'troops seized South-Eastern Pelland',
    'shelling in northern Kelmar': a compass word opens the name of a region the gazetteer lacks; the
    compass word is kept. A capitalised one needs a locative, "of" or a verb of seizing before it
    ("Northern Rock", "Western Union" are companies); a lowercase one qualifies only places. Returns the
    indexes of one-word hits the name replaces ("Central" is also a town in Louisiana)."""
    one_word = {i: n for n, (i, j, *_) in enumerate(raw) if j == i + 1}
    starts = {i for i, *_ in raw}
    drop: set[int] = set()
    for c in range(1, len(toks) - 1):
        w = toks[c].text
        lower = w in LOWER_COMPASS
        if not (lower or w in COMPASS_ADJECTIVES or w in COMPASS_POINTS) or taken[c] or toks[c].possessive:
            continue
        if (c in starts and c not in one_word) or not joined(text, toks[c], toks[c + 1]):
            continue  # "Central Asia", "North Korea": known whole
        if c in one_word and c + 1 in starts:
            drop.add(one_word[c])  # "Central London": the compass word goes with the place after it
            continue
        if text.startswith("-", toks[c].pend):
            continue  # "South-" of "South-Eastern": the second word opens the name
        a = c  # "South-Eastern Pelland", "north-eastern Kelmar": both compass words kept
        if toks[c - 1].text in COMPASS_PREFIX | LOWER_COMPASS and text.startswith("-", toks[c - 1].pend):
            a = c - 1
        if a == 0 or not joined(text, toks[a - 1], toks[a]):
            continue
        before = toks[a - 1].text.lower()
        if not lower and before not in LOCATIVE and before != "of" and before not in SEIZING_VERBS:
            continue
        if before in ("in", "of") and a >= 2 and toks[a - 2].text in COMPANY_BEFORE:
            continue  # "shares in Northern Rock": a company
        if lower and toks[a - 1].cap and toks[a - 1].text not in FUNCTION_CAPS:
            continue  # inside a capitalised name
        if lower and before in ("the", "a", "an"):
            continue  # "the downtown Oncenter": a venue's name, which the gazetteer lacks
        j = unknown_name(text, toks, taken, starts, c + 1, stop_at_known=True)
        if j == c + 1 or (j < len(toks) and toks[j].cap and joined(text, toks[j - 1], toks[j])):
            continue  # no name, or a longer capitalised name ("Eastern Cape Provincial Council")
        last = toks[j - 1].text
        if (
            last.endswith(ADJECTIVE_ENDINGS)
            or (last.endswith("s") and last[:-1].endswith(ADJECTIVE_ENDINGS))
            or last in DEMONYMS
        ):
            continue  # "to Northern Europeans", "Southern Sudanese", "southern French towns": people, adjectives
        if lower and last.endswith(("i", "ist", "ists")):
            continue  # "the northern Somali coast", "southern Baptist churches"
        if j < len(toks) and toks[j].text in VENUE_HEADS and joined(text, toks[j - 1], toks[j]):
            continue  # "at Eastern Harbor ..." is for the venue rules
        if c in one_word:
            drop.add(one_word[c])
        s, e = toks[a].start, toks[j - 1].end
        mentions.append(PlaceMention(text[s:e], s, e, "region"))
        for k in range(a, j):
            taken[k] = True
    return drop


def named_before_region(
    text: str, toks: list[Tok], taken: list[bool], raw: list, mentions: list[PlaceMention]
) -> set[int]:
    """'in Levico Terme, Italy', 'from Eureka Springs, Arkansas': after a locative (or "of"), the
    capitalised words right before ", <region or country>" name one place, known or not. Returns the
    indexes of known hits inside such a name ("Eureka"), which the name replaces."""
    drop: set[int] = set()
    for r, (i, _j, _key, entry) in enumerate(raw):
        if entry.kind not in ("country", "region") or i < 2 or toks[i - 1].possessive:
            continue
        if not COMMA_GAP.fullmatch(text, toks[i - 1].pend, toks[i].start):
            continue
        b = i  # the name is toks[a:b]
        a = b - 1
        while a > 0 and b - a < 3 and toks[a - 1].cap and joined(text, toks[a - 1], toks[a]):
            a -= 1
        if a == 0 or not toks[a].cap or any(taken[k] for k in range(a, b)):
            continue
        before = toks[a - 1]
        if not joined(text, before, toks[a]) or (before.text.lower() not in LOCATIVE and before.text != "of"):
            continue
        if any(
            toks[k].text in FUNCTION_CAPS
            or toks[k].text in MONTHS_DAYS
            or toks[k].text in lx.ORG_NAME_HEADS
            or toks[k].text in lx.CASED_TITLES
            or toks[k].text.isupper()
            for k in range(a, b)
        ):
            continue
        if b - a > 1 and toks[a].text.lower() in GIVEN_NAMES:
            continue  # "from Maria Lopez, Chile": a person
        inner = []  # known hits inside the name (the hits are in text order: look back from r only)
        n = r - 1
        while n >= 0 and raw[n][0] >= a:
            inner.append(n)
            n -= 1
        inner.reverse()
        if inner and raw[inner[0]][0] == a and raw[inner[0]][1] == b:
            continue  # the whole name is known: the lookup stage has it
        drop.update(inner)
        s, e = toks[a].start, toks[b - 1].end
        mentions.append(PlaceMention(text[s:e], s, e, "city"))
        if entry.flags & AFTER_PLACE:
            # "in Pellston, Mich.,": the state's abbreviation after the town (a hit that needs a known
            # city before it), with its period as written
            s, e = toks[i].start, toks[_j - 1].end
            e += text.startswith(".", e) and not text[s:e].isupper() and "." not in text[s:e]
            mentions.append(PlaceMention(text[s:e], s, e, "region", entry.code))
        for k in range(a, b):
            taken[k] = True
    return drop


def admin_noun(toks: list[Tok], k: int) -> bool:
    """'town', or 'the Municipality' (a capitalised admin noun only after "the": not "City of London");
    never after "a"/"an" ("a state of emergency", "a city of immigrants")."""
    if k > 0 and toks[k - 1].text.lower() in ("a", "an"):
        return False
    t = toks[k].text
    if t in ADMIN_NOUNS:
        return True
    return t.lower() in ADMIN_NOUNS and t[:1].isupper() and k > 0 and toks[k - 1].text in ("the", "The")
