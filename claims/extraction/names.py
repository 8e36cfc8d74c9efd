"""Tokens, proper-name runs and the article's name index.

The index answers "what is the fullest name this article uses for X": surname-only mentions ("Varga",
"Mr. Hollis") map to the full name ("Lena Varga"), acronyms to the organisation they abbreviate
when the article spells it out ("Ruritanian State News Agency (RSNA)"), and it collects gender evidence
(titles, role nouns, common given names) for resolving "he" and "she".
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from . import lexicon as lx
from .gazetteer import AFTER_PLACE, COMMON, NEVER_ALONE, SMALL, UPPER_ONLY, gazetteer, norm
from .places.lexicon import CLUB_AFTER_CITY

# Words, abbreviations with inner dots (U.S.), titles with their full stop (Mr.), numbers, single marks.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}+"
    r"|[A-Z]\.(?=[ \t]+[A-Z][a-z])"  # a middle initial: 'Ada J. Cole'
    r"|(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Maj|Adm|Rev|Fr|Cmdr|Insp|Supt|Det|Hon)\."
    r"|[^\W\d_]\w*(?:[-'’&]\w+|\.(?![A-Z][a-z])\w+)*+"  # not across 'said.Kim' (a lost space)
    r"|\d\w*(?:[.,:/-]\d\w*)*+"
    r"|''|``"  # typewriter double quotes
    r"|\S"
)
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_PARTICLE = re.compile(r"(?:al|el|ad|as|an|ar|at|az|bin|ibn|abu|de|di|da|du|van|von|le|la|ben)-[A-Z]")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    low: str
    cap: bool  # looks like part of a proper name
    word: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        t = m.group()
        first = t[0]
        word = first.isalnum()
        cap = word and (first.isupper() or (first.isdigit() and any(c.isupper() for c in t)))
        if not cap and word and "-" in t and _PARTICLE.match(t):
            cap = True
        out.append(Tok(t, m.start(), m.end(), t.lower(), cap, word))
    return out


@lru_cache(maxsize=8192)
def base(low: str) -> str:
    """A lower-cased token without possessive ending or trailing full stop."""
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low.rstrip(".") if low not in lx.TITLE_ABBREVIATIONS else low[:-1]


def is_possessive(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    if t.low.endswith(("'s", "’s")):
        return True
    return i + 1 < len(toks) and toks[i + 1].text in "'’" and t.low.endswith("s") and toks[i + 1].start == t.end


def is_name_word(t: Tok) -> bool:
    return t.cap and (base(t.low) not in lx.CAPITAL_STOPWORDS or is_acronym(t.text))


def is_title(t: Tok) -> bool:
    return base(t.low) in lx.TITLES or t.low in lx.TITLE_ABBREVIATIONS


def and_joined_start(toks: list[Tok], k: int, lo: int = 0) -> int:
    """Where an organisation's name begins when 'and' before toks[k] joins one capitalised word to the
    rest of it: 'Food and | Drug Administration', 'the Ethics and | Anti-Corruption Commission'. The
    word before 'and' must be no personal name, title or organisation head ('Ann Lee and | Harbor
    Board' are two), and open its run (after a determiner, a connector or a lowercase word). Returns k
    where there are no such words; the caller checks that an organisation head follows."""
    if k - 2 < lo or toks[k - 1].low not in lx.AND_WORDS or not toks[k].cap or toks[k - 1].start - toks[k - 2].end > 1:
        return k
    s = k - 2
    for t in toks[s : k - 1]:
        low = base(t.low)
        if (
            not is_name_word(t)
            or is_title(t)
            or low in lx.ORG_HEADS
            or low in lx.FEMALE_NAMES
            or low in lx.MALE_NAMES
            or t.text.isupper()
        ):
            return k
    if is_possessive(toks, k - 2):
        return k
    if s - 1 >= lo and toks[s - 1].cap and toks[s - 1].low not in lx.DETERMINERS:
        return k
    return s


def leading_particle(run: list[Tok]) -> bool:
    """A capitalised name particle opening a name, before a capitalised word: 'Al Gore', 'Le Thi Mai', 'De
    Beers', 'Van Morrison' (never 'The', 'Of' or 'For')."""
    return (
        len(run) > 1 and run[0].text[:1].isupper() and run[0].low in _PARTICLE_WORD and run[0].low != "y" and run[1].cap
    )


def is_acronym(s: str) -> bool:
    letters = s.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


def initials(words: list[str]) -> str:
    out = []
    for w in words:
        if w.lower() in lx.NAME_CONNECTORS or w == "&":
            continue
        if is_acronym(w):
            out.append(w.replace(".", ""))
        else:
            out.append(w[0].upper())
    return "".join(out)


def strip_leading_places(words: list[str]) -> list[str]:
    """'United States Tomas Reval' -> 'Tomas Reval' (a country name glued to a person's name)."""
    places = lx.place_names()
    for n in (3, 2, 1):
        if any(base(w.lower()) in lx.ORG_HEADS for w in words[n:]):
            continue  # an organisation named after its place keeps it: 'USA Today Network', 'Texas Medical Board'
        if len(words) >= n + 2 and " ".join(words[:n]).lower() in places:
            return words[n:]
    return words


def office_complement(lows: list[str]) -> int:
    """How many of the capitalised words after 'TITLE of' name the office's domain rather than the person
    ('Governor of | Washington | Chris Gregoire'): up to a known given name, else all but the last two words
    (the commonest length of a full name), else all but the last; 0 where no personal name is left."""
    n = len(lows)
    if n < 2:
        return 0
    skip = next((q for q in range(1, n - 1) if lows[q] in lx.FEMALE_NAMES or lows[q] in lx.MALE_NAMES), None)
    if skip is None:
        skip = n - 2 if n >= 3 else 1
    if lows[-1] in lx.ORG_DOMAINS or lows[-1] in lx.ORG_HEADS:
        return 0
    return skip


def person_words(words: list[str]) -> bool:
    """Looks like a personal name: 1-4 capitalised words (name particles aside: 'Ana Maria de la Vega'),
    no organisation head, no stop word."""
    particles = sum(1 for w in words[1:-1] if _PARTICLE_WORD.get(w.lower()) or w.lower() in ("la", "le", "y"))
    if not 1 <= len(words) - particles <= 4 or len(words) > 7:
        return False
    for k, w in enumerate(words):
        low = base(w.lower())
        if low in lx.CAPITAL_STOPWORDS and k == len(words) - 1 and _surname_word(words):
            continue
        if low in lx.ORG_HEADS or low in lx.CAPITAL_STOPWORDS or low in lx.TITLES or low in lx.GROUP_NOUNS:
            return False
        if (is_acronym(w) and not (k < len(words) - 1 and _INITIALS.fullmatch(w))) or any(c.isdigit() for c in w):
            return False  # an acronym is no personal name, but initials before one are ("K.C. Maurer")
    places = lx.place_names()
    if " ".join(words).lower() in places or words[-1].lower() in places:
        return False
    if len(words) > 1 and words[-1].lower() in lx.EVENT_NAME_HEADS:
        return False  # 'the Harbor War', 'the Clean Ports Act': an event or a law, not a person
    return words[0].lower() not in _COMPASS


def _surname_word(words: list[str]) -> bool:
    """'Ann Read', 'Theresa May', 'Tom Still': a word that is also an English function word or verb is a
    surname after a known given name (not a weekday or month other than May: 'told Ann Monday')."""
    low = base(words[-1].lower())
    first = words[0].lower()
    return (
        len(words) >= 2
        and (first in lx.FEMALE_NAMES or first in lx.MALE_NAMES)
        and (low == "may" or low not in lx.TIME_WORDS)
        and low not in lx.PRONOUNS
        and low not in lx.DETERMINERS
        and words[-1][1:].islower()
    )


_DOCUMENT_HEADS = {"study", "survey", "report", "review", "inquiry", "audit", "census", "poll"}

# First words of place names ("South Australia", "New England") rather than of people's names.
_COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "upper",
    "lower",
    "greater",
    "mount",
    "lake",
    "port",
    "fort",
    "saint",
    "san",
    "santa",
}


def _edit_distance_le(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


# Endings of proper adjectives of party or nation ('Republican', 'Democratic', 'Chinese', 'British').
_PROPER_ADJECTIVE_ENDINGS = ("an", "ic", "ese", "ish", "i")


def proper_adjective(t: Tok) -> bool:
    """A capitalised proper adjective of party or nation: 'Ghanaian', 'Chinese', 'Republican'."""
    return t.cap and t.low.isalpha() and t.low.endswith(_PROPER_ADJECTIVE_ENDINGS)


# Tokens after which a capitalised word may be capitalised only because it opens a sentence or quote.
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "”", "'", "‘", "’", "(", "—", "–"})


@dataclass(slots=True)
class Person:
    name: str
    words: list[str]
    first_pos: int
    positions: list[int] = field(default_factory=list)
    female: int = 0
    male: int = 0
    # capitalised words before a title the person was named with ('Republican', 'Chinese'): a description
    # with another such word ('the Democratic presidential nominee') is someone else
    modifiers: set[str] = field(default_factory=set)
    # gazetteer codes of the places the person was named with ('Ohio Sen. X', 'X of Ohio', 'X (R-Ohio)')
    places: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str | None:
        if self.female > self.male:
            return "f"
        if self.male > self.female:
            return "m"
        return None


class NameIndex:
    """Every personal name and acronym definition of one article."""

    def __init__(self, text: str, toks: list[Tok]) -> None:
        self.text = text
        self.persons: dict[str, Person] = {}
        self.by_last: dict[str, list[Person]] = {}
        self.by_first: dict[str, list[Person]] = {}
        self.acronyms: dict[str, str] = {}
        self.orgs: list[tuple[int, str]] = []  # (position, name) of organisation-like runs
        self.org_heads: dict[int, str] = {}  # position -> head, for names an apposition calls a body
        self._orgs_by_last: dict[str, list[tuple[int, str]]] | None = None
        self._documents: list[tuple[int, str]] | None = None
        self.org_initials: dict[str, str] = {}  # initials -> the first organisation name that has them
        self._near: dict[tuple[str, int], list[Person]] = {}
        self._shapes: dict[tuple[str, int], list[tuple[int, str]]] = {}  # (first letter, length) -> surnames
        self._shaped = 0  # how many surnames _shapes holds
        self._near_budget = 1000 + len(text) // 20  # spelling comparisons left: linear in the article
        # title or description word -> (position, person) where it stands before a name ('Premier Ana Lee',
        # 'presidential candidate Tom Ruiz'): 'the premier' later refers to that person
        self.titled: dict[str, list[tuple[int, Person]]] = {}
        self._scan(toks)
        self._single_mentions(toks)

    # -- building -------------------------------------------------------------------------------------
    def _scan(self, toks: list[Tok]) -> None:
        i, n = 0, len(toks)
        while i < n:
            if not is_name_word(toks[i]) and not is_title(toks[i]):
                i += 1
                continue
            j = i
            # words since a connector inside an organisation's name ('Council for the | Welfare'), which
            # may take the next connector ('Welfare | of Farmworkers'); None outside such a name
            inner: int | None = None
            while j + 1 < n:
                nxt = toks[j + 1]
                if is_possessive(toks, j) and nxt.cap and nxt.start - toks[j].end == 1:
                    # "St Marren's Hospital", "the Crofters' Party": a capitalised possessive before an
                    # organisation's head is part of its name, no person of its own
                    e = j + 1 + (toks[j + 1].text in "'’")
                    h = e
                    while h < n and h - e < 3 and toks[h].cap and not is_possessive(toks, h):
                        if _proper_org_head(toks[h]):
                            j = h
                            break
                        h += 1
                    if j == h:
                        continue
                if is_possessive(toks, j) or nxt.start - toks[j].end > 1:
                    break
                if nxt.cap:
                    j += 1
                    if inner is not None:
                        w = base(toks[j].low)
                        inner += 1
                        if inner > 2 or w in lx.TITLES or w in lx.FEMALE_NAMES or w in lx.MALE_NAMES:
                            inner = None  # 'Bank of England Governor Ann Lee | of Leeds': a person's 'of'
                    continue
                if inner is not None and nxt.low in lx.AND_WORDS and _and_closes_body(toks, j + 1):
                    # 'the Union of Teachers and Nurses', 'Federation of Professional and Technical
                    # Engineers': after a head and its connector, 'and' joins the last field of one name
                    j += 1
                    continue
                k = _connector_end(toks, j, inner is not None)
                if k is None:
                    break
                if base(toks[j].low) in lx.ORG_HEADS or inner is not None:
                    inner = 1
                j = k
            self._add_run(toks, i, j + 1)
            i = j + 1

    def _single_mentions(self, toks: list[Tok]) -> None:
        """'Priya' and 'Mr. Hollis' are mentions of the full names too (for pronoun recency)."""
        for t in toks:
            if not t.cap:
                continue
            w = base(t.low)
            for person in self.by_last.get(w, []) + self.by_first.get(w, []):
                person.positions.append(t.start)
        mentions: list[tuple[int, Person]] = []
        for person in self.persons.values():
            person.positions = sorted(set(person.positions))
            mentions.extend((x, person) for x in person.positions)
        mentions.sort(key=lambda m: m[0])
        # every mention of every person, in text order (pronoun look-ups bisect it)
        self.mentions: list[tuple[int, Person]] = mentions
        self.mention_starts = [x for x, _ in mentions]

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """Mentions of people in text[start:end], in order."""
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def _add_run(self, toks: list[Tok], i: int, j: int) -> None:
        run = toks[i:j]
        while run and (
            base(run[0].low) in lx.CAPITAL_STOPWORDS or (run[0].low in lx.NAME_CONNECTORS and not leading_particle(run))
        ):
            run = run[1:]
        k0 = j - len(run)
        if (
            len(run) >= 3
            and run[0].low in lx.SPEECH_VERBS
            and run[0].low.endswith(("d", "s"))
            and (
                k0 == 0 or toks[k0 - 1].text in _SENTENCE_OPENERS or "\n" in self.text[toks[k0 - 1].end : run[0].start]
            )
        ):
            run = run[1:]  # 'Said Ann Lee, a pilot: "..."': the verb opening an inverted report is no name
        if len(run) >= 3 and run[-1].low in lx.SPEECH_VERBS and j < len(toks) and not toks[j].word:
            run = run[:-1]  # a title-case line: '..., Senator Ray Cole Says.' names Ray Cole
        if not run:
            return
        # (a possessive inside the run stays as written: "St Marren's Hospital")
        words = [t.text for t in run[:-1]] + [strip_possessive(run[-1].text)]
        lows = [base(t.low) for t in run]
        # acronym definition: "Ruritanian State News Agency (RSNA)"
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and is_acronym(toks[j + 1].text):
            acr = toks[j + 1].text.replace(".", "")
            for k in range(len(words)):
                if initials(words[k:]) == acr:
                    self.acronyms.setdefault(acr, " ".join(words[k:]))
                    break
        heads = [w for w in lows if w in lx.ORG_HEADS and w not in lx.COMMON_WORD_ORG_HEADS]
        if not heads and (head := _org_apposition(toks, j)) is not None:
            # 'Twin Pines, the company behind the mine,': a name without an organisation head that the
            # apposition calls one; 'the company said' later is that body
            self.orgs.append((run[0].start, " ".join(words)))
            self.org_heads[run[0].start] = head
        kind = _kind_before(toks, k0) or _business_apposition_before(toks, k0) or _operator_before(toks, k0)
        club = kind is None and club_name([t.text for t in run])
        if club:
            kind = "club"  # 'Halton Rovers', 'Northfield United': a sport club ('the club said' later), no person
        if kind is None and len(run) == 1 and len(lows[0]) > 6 and lows[0].endswith("bank") and lows[0].isalpha():
            kind = "bank"  # 'Rabobank', 'Nordbank': a bank named in one word ('the Dutch bank said' later)
        if (
            kind is not None
            and not heads  # ('Transandina Express': a common word ending a name is no head of its own)
            # 'crane operator Ann Lee', 'the mine's operator, Ann Lee,': a given name makes a person
            and lows[0] not in lx.FEMALE_NAMES
            and lows[0] not in lx.MALE_NAMES
            # 'union leader Ann Lee', 'team captain Ivo Roe': the kind modifies a title, the name is a person's
            and not any(w in lx.TITLES for w in lows)
            and " ".join(lows) not in lx.place_names()  # 'a tanker owned by Norway': a state, no company
        ):
            # 'Scandinavian carrier Norvik Air', 'investment firm Amundi', 'the firm, Swiftway,', 'a ferry
            # owned by Skarn Lines': a kind of company before the name makes it that body ('the airline said')
            self.orgs.append((run[0].start, " ".join(words)))
            self.org_heads[run[0].start] = kind
            if club:
                return
        if len(lows) > 1 and lows[-1] in lx.SPEAKING_EVENT_HEADS and not any(w in lx.ORG_HEADS for w in lows):
            # 'the Harven Film Festival': its organisers speak in its name ('the festival said' later)
            self.orgs.append((run[0].start, " ".join(words)))
            self.org_heads[run[0].start] = lows[-1]
        if any(w in lx.ORG_HEADS for w in lows):
            # 'the Ethics and Anti-Corruption Commission': the words 'and' joins before the run are the name's
            s0 = and_joined_start(toks, k0)
            self.orgs.append((toks[s0].start, " ".join([strip_possessive(t.text) for t in toks[s0:k0]] + words)))
            if kind is not None:
                # 'market regulator Keld Markets Authority': 'the regulator' later is this body too
                self.org_heads.setdefault(toks[s0].start, kind)
            # an acronym the article uses without defining it stands for the organisation it spells
            # ('the Federal Water Board ... the FWB said'): initials of the run and of its tails that keep
            # the organisation head, at most eight words back (a constant per run)
            # the name scan stops at 'and' before a word that is no organisation head: 'Food and Drug
            # Administration' is read back here, over at most eight words
            e = i
            while e >= 2 and i - e < 8 and toks[e - 1].low in lx.AND_WORDS and is_name_word(toks[e - 2]):
                e -= 2
                while e >= 1 and i - e < 8 and is_name_word(toks[e - 1]) and toks[e - 1].end + 1 >= toks[e].start:
                    e -= 1
            words = [strip_possessive(t.text) for t in toks[e:i]] + words
            lows = [base(t.low) for t in toks[e:i]] + lows
            for k in range(max(0, len(words) - 8), len(words) - 1):
                if lows[k] in lx.NAME_CONNECTORS or lows[k] in lx.AND_WORDS:
                    continue
                if not any(w in lx.ORG_HEADS for w in lows[k:]):
                    continue
                if " ".join(lows[k:]) in lx.place_names():
                    continue  # 'U.S.' is the country, not an organisation named after it
                spelled = initials([w for w in words[k:] if w.lower() not in lx.AND_WORDS])
                self.org_initials.setdefault(spelled, " ".join(words[k:]))
            words, lows = words[i - e :], lows[i - e :]
        cut = 0
        for k, w in enumerate(lows[:-1]):
            if w in lx.TITLES or w in lx.ORG_HEADS or w in lx.ORG_DOMAINS or w in lx.DESCRIPTION_HEADS:
                cut = k + 1  # 'Ohio Democrat Tom Riley', 'Billionaire Ann Best': a description, no name
        if 0 < cut < len(lows) and lows[cut] in lx.NAME_CONNECTORS and lows[cut - 1] in lx.TITLES:
            # "Governor of Washington Chris Gregoire"
            c = cut
            while c < len(lows) and lows[c] in lx.NAME_CONNECTORS:
                c += 1
            cut = c + office_complement(lows[c:])
        name_words = strip_leading_places(words[cut:])
        if len(name_words) < 2 or not person_words(name_words):
            return
        key = " ".join(name_words)
        person = self.persons.get(key)
        if person is None:
            person = Person(key, name_words, run[0].start)
            self.persons[key] = person
            self.by_last.setdefault(name_words[-1].lower(), []).append(person)
            if name_words[0].lower() not in _PARTICLE_WORD:  # 'Le' of 'Le Thi Mai' and 'Le Monde' is no given name
                self.by_first.setdefault(name_words[0].lower(), []).append(person)
        person.positions.append(run[0].start)
        before = [base(t.low) for t in toks[max(0, i - 3) : i]] + lows[:cut]
        self._gender_votes(person, before)
        for k in range(max(0, i - 3), i):
            t, low = toks[k], base(toks[k].low)
            opening = k == 0 or toks[k - 1].text in _SENTENCE_OPENERS or "\n" in self.text[toks[k - 1].end : t.start]
            # a word capitalised only because it opens the sentence ('Award-winning'), or an outlet's
            # acronym ('NPR host'), says nothing of which one the person is; a proper adjective of party or
            # nation keeps its say there too ('Republican nominee X', 'Norwegian envoy X')
            proper = low.endswith(_PROPER_ADJECTIVE_ENDINGS) and "-" not in low
            if t.cap and low not in lx.DETERMINERS and (proper or not opening) and not t.text.isupper():
                person.modifiers.add(low)
        # the place a person holds office for: 'Ohio Sen. Ada Cole', 'Sen. Ada Cole of Ohio', 'Ed Moss, the
        # Texas governor,' (for 'the Ohio senator' later)
        person.places.update(place_codes(words[:cut]))
        # a place before a lowercase title ('Keld coach Ada Vine', 'Varnia police chief Tom Reed'): the place
        # the person holds the title for, as inside the run ('Ohio Sen. Ada Cole')
        q = i
        while q > 0 and i - q < 3 and toks[q - 1].word and not toks[q - 1].cap and _title_word(base(toks[q - 1].low)):
            q -= 1
        if (q < i or (cut and not toks[i].cap)) and q > 0 and toks[q - 1].cap and toks[q - 1].word:
            person.places.update(place_codes([toks[q - 1].text]))
        person.places.update(_of_place(toks, j))
        person.places.update(_party_tag_place(toks, j))
        appositive = _described_as(toks, j)
        if appositive and toks[j].text == ",":
            person.places.update(_apposition_places(toks, j + 2))
        described = set(before) | appositive | _party_tag_word(toks, j)
        for w in list(described):
            described.update(lx.TITLE_ABBREVIATION_WORDS.get(w, ()))  # 'Sen. Ada Cole' is 'the senator'
        ordered = before + sorted(appositive)
        pairs = {f"{a} {b}" for a, b in pairwise(ordered)}
        for w in list(described) + sorted(pairs):
            described.update(lx.TITLE_ALIASES.get(w, ()))  # 'Prime Minister Ana Lee' is 'the premier'
        for w in described:
            if w in lx.TITLES or w in lx.DESCRIPTION_HEADS:
                self.titled.setdefault(w, []).append((run[0].start, person))

    def titled_person(
        self,
        word: str,
        pos: int,
        forward: bool = False,
        words: frozenset[str] = frozenset(),
        capitalised: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
        owner: frozenset[str] = frozenset(),
    ) -> str | None:
        """The person last named with title or description ``word`` before ``pos`` ('Premier Ana Lee ...
        the premier said' -> 'Ana Lee'), where exactly one person had it so far. A person named with a
        capitalised word that the description (its lowercase ``words``) lacks, while the description has a
        capitalised word the person lacks, is someone else: 'Republican presidential nominee X' against
        'the Democratic presidential nominee' ('Foreign Minister X' is 'the Norwegian foreign minister').
        ``places``: codes of places in the description the person must have been named with ('the Ohio
        senator' is 'Ohio Sen. X', 'Sen. X of Ohio' or 'Sen. X (R-Ohio)', not any senator). ``owner``: codes
        of the place owning a possessed description ('Keld's coach'): a person named with other places
        ('Varnia coach X') is someone else; one named with none may still be the one."""
        found = self.titled.get(word)
        if found and capitalised and not places:
            found = [(x, p) for x, p in found if not (p.modifiers - words and capitalised - p.modifiers)]
        if found and places:  # a place decides alone: 'the Ohio senator' needs no other word in common
            found = [(x, p) for x, p in found if places <= p.places]
        if found and owner:
            found = [(x, p) for x, p in found if not p.places or owner <= p.places]
        if not found:
            return None
        k = bisect_left(found, pos, key=lambda x: x[0])
        people = {p.name for _, p in found[:k]}
        if not people and forward:
            # a description in the lead, the name further down ('Kiribati's navy chief says ... Navy chief
            # Tane Rua said'): the one person the whole article gives the title, within a few mentions
            near = [p.name for x, p in found[k : k + 8] if x - pos <= _FORWARD_REACH]
            return near[0] if len(set(near)) == 1 else None
        return found[k - 1][1].name if len(people) == 1 else None

    def _gender_votes(self, person: Person, words: list[str]) -> None:
        for w in words:
            if w in lx.GENDERED_PRONOUNS:
                continue  # 'Her deputy, Tom Vale,': the pronoun is someone else's
            if w in lx.FEMALE_WORDS:
                person.female += 2
            elif w in lx.MALE_WORDS:
                person.male += 2
        first = person.words[0].lower()
        if first in lx.FEMALE_NAMES:
            person.female += 1
        elif first in lx.MALE_NAMES:
            person.male += 1

    def vote(self, name: str, gender: str) -> None:
        person = self.persons.get(name)
        if person is not None:
            if gender == "f":
                person.female += 1
            elif gender == "m":
                person.male += 1

    # -- look-ups -------------------------------------------------------------------------------------
    def gender(self, name: str, title_words: list[str] | None = None) -> str | None:
        person = self.persons.get(name)
        if person is not None and person.gender:
            return person.gender
        for w in title_words or ():
            if w in lx.FEMALE_WORDS:
                return "f"
            if w in lx.MALE_WORDS:
                return "m"
        first = name.split()[0].lower() if name else ""
        if first in lx.FEMALE_NAMES:
            return "f"
        if first in lx.MALE_NAMES:
            return "m"
        return None

    def fullest(self, name: str, pos: int, titled: bool = False) -> str:
        """The fullest form of a name the article uses; acronyms spelled out where the article does."""
        words = name.split()
        if not words:
            return name
        if len(words) == 1 and is_acronym(words[0]):
            acr = words[0].replace(".", "")
            return self.acronyms.get(acr) or self.org_initials.get(acr, name)
        last = words[-1].lower()
        cands = [p for p in self.by_last.get(last, ()) if _ends_with(p.words, words)]
        if not cands and len(words) == 1:
            cands = self.by_first.get(last, [])
        if not cands and len(words) == 1 and len(last) >= 5:
            # a misspelt surname ('Mauer' for Maurer): one edit away; two after a title ('Ms Jonnsen' for
            # Ann Jonsson), since a title makes the word a person's name and not a common word
            cands = self._near_surnames(last, 2 if titled else 1)
        if not cands:
            return name
        best = max(cands, key=lambda p: (len(p.words) if len(p.words) > len(words) else 0, _recency(p, pos)))
        return best.name if len(best.words) >= len(words) else name

    def _near_surnames(self, last: str, limit: int) -> list[Person]:
        """People whose surname is within `limit` edits of `last` (same first letter); cached, and at most
        a few hundred comparisons per surname and one per 20 characters of the article in all, so that
        articles with thousands of names stay linear."""
        key = (last, limit)
        if key not in self._near:
            if self._shaped != len(self.by_last):  # built once, after the scan
                self._shapes, self._shaped = {}, len(self.by_last)
                for seq, other in enumerate(self.by_last):
                    self._shapes.setdefault((other[0], len(other)), []).append((seq, other))
            # only surnames of the same first letter and a near length, in the article's order
            near = [self._shapes.get((last[0], n), []) for n in range(len(last) - limit, len(last) + limit + 1)]
            found: list[Person] = []
            for tried, (_, other) in enumerate(heapq.merge(*near)):
                if tried >= 300 or self._near_budget <= 0:
                    break
                self._near_budget -= 1
                if other + "s" == last and limit == 1:
                    continue  # 'Republicans' after 'Presumptive Republican': a plural noun, no misspelling
                if _edit_distance_le(other, last, limit):
                    found.extend(self.by_last[other])
            self._near[key] = found
        return self._near[key]

    def _org_indexes(self) -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
        """Organisation names by their last word, and named documents, each in order of position: built
        once, after the scan, so that every lookup below is a binary search, not a walk over the article."""
        if self._orgs_by_last is None or self._documents is None:
            by_last: dict[str, list[tuple[int, str]]] = {}
            documents: list[tuple[int, str]] = []
            for p, name in self.orgs:
                parts = name.split()
                if len(parts) > 1:
                    by_last.setdefault(parts[-1].lower(), []).append((p, name))
                if parts[-1].lower() in _DOCUMENT_HEADS:
                    documents.append((p, name))
            self._orgs_by_last, self._documents = by_last, documents
        return self._orgs_by_last, self._documents

    def fullest_org(self, word: str, pos: int) -> str:
        """'the Post' -> 'Washington Post': the latest longer organisation name ending in the word that the
        article used before pos."""
        named = self._org_indexes()[0].get(word.lower(), [])
        k = bisect_left(named, (pos, ""))
        return named[k - 1][1] if k else word

    def described_org(self, head: str, pos: int, forward: bool = False) -> str | None:
        """'the university' -> 'University of Northvale': the latest organisation name before pos, within a
        few paragraphs, whose head closes it ('Harbor Rail Company') or opens it before 'of' ('Ministry of
        Transport'); a long capitalised run is a headline, not a name. Failing that, a name with a head the
        description may stand for ('the agency' for 'World Soil Organization', `BODY_HEAD_ALIASES`).
        ``forward``: the first such name after pos instead, within a few sentences (a description in the
        lead). Bounded: each walk stops 3,000 characters back (600 forward)."""
        found = self.described_org_at(head, pos, forward)
        return found[1] if found is not None else None

    def described_org_at(self, head: str, pos: int, forward: bool = False) -> tuple[int, str] | None:
        """described_org with the position of the name found."""
        aliases = lx.BODY_HEAD_ALIASES.get(head, frozenset())
        if forward:
            return self._described_org(frozenset({head}) | aliases, pos, True)
        named = self._described_org(frozenset({head}), pos)
        if named is None and aliases:
            named = self._described_org(aliases, pos)
        return named

    def _described_org(self, heads: frozenset[str], pos: int, forward: bool = False) -> tuple[int, str] | None:
        k = bisect_left(self.orgs, (pos, ""))
        if forward:
            stop = bisect_left(self.orgs, (pos + 600, ""))
            candidates = range(bisect_left(self.orgs, (pos + 1, "")), stop)
        else:
            candidates = range(k - 1, bisect_left(self.orgs, (pos - 2999, "")) - 1, -1)
        for k in candidates:
            words = [w.lower() for w in self.orgs[k][1].split()]
            if self.org_heads.get(self.orgs[k][0]) in heads and len(words) <= 6:
                return self.orgs[k]
            if 1 < len(words) <= 6 and (words[-1] in heads or (words[0] in heads and words[1] in {"of", "for"})):
                return self.orgs[k]  # 'Tallow Ferry Company', 'Ministry of Ports', 'Department for Ports'
            h = next((q for q in (1, 2) if q + 1 < len(words) and words[q] in heads), None)
            if h is not None and len(words) <= 8 and words[h + 1] in {"of", "for", "on"}:
                return self.orgs[k]  # 'the centre' after 'the Nordic Centre for Ocean Studies'
        return None

    def described_company(self, head: str, pos: int) -> str | None:
        """'the company', 'the carmaker' -> the latest business named before pos within a few paragraphs:
        one introduced with that descriptor first ('carmaker Brim Motors'), else any business, introduced
        with a descriptor or named with a corporate last word ('Varn Holdings'). Bounded as above."""
        found = self.described_company_at(head, pos)
        return found[1] if found is not None else None

    def described_company_at(self, head: str, pos: int) -> tuple[int, str] | None:
        """described_company with the position of the name found."""
        k = bisect_left(self.orgs, (pos, ""))
        fallback: tuple[int, str] | None = None
        while k > 0 and pos - self.orgs[k - 1][0] < 3000:
            k -= 1
            at, name = self.orgs[k]
            words = name.split()
            if len(words) > 6:
                continue  # a long capitalised run is a headline, not a name
            described = self.org_heads.get(at)
            if described is not None and described == body_kind(head):
                return at, name
            if fallback is None and (
                described in lx.BUSINESS_DESCRIPTORS
                or (len(words) > 1 and base(words[-1].lower()) in lx.CORPORATE_HEADS)
            ):
                fallback = at, name
        return fallback

    def document_name(self, pos: int) -> str | None:
        """A named study or report ('... Nutrition Study') the article mentions, nearest to pos."""
        documents = self._org_indexes()[1]
        k = bisect_left(documents, (pos, ""))
        near = [documents[q] for q in (k - 1, k) if 0 <= q < len(documents)]
        return min(near, key=lambda d: abs(d[0] - pos))[1] if near else None


def _described_as(toks: list[Tok], j: int) -> set[str]:
    """The head of a description right after a name: in an apposition ('Ann Lee, the mayor of Riverton,'),
    a relative clause ('Tom Roe, who is the club's treasurer,'), after a copula or a verb of taking office
    ('Ann Lee is the town's mayor', 'Ida Falk became chancellor', 'Lina Cho was named coach', 'Raj Patel
    serves as the city's auditor') or 'as' ('appointed Omar Reyes as chief executive'). At most a few
    words are read, and none past a preposition or conjunction ('was elected after the mayor resigned'
    describes no one)."""
    n = len(toks)
    k = j
    if k < n and toks[k].text == ",":
        k += 1
        if k < n and toks[k].low == "who":
            k += 1
        elif k < n and (toks[k].low in {"the", "a", "an"} or is_possessive(toks, k)):
            if _closes_opening_adjunct(toks, j):
                return set()
            return _description_head(toks, k + 1, n)
        else:
            return set()
    if k >= n:
        return set()
    verb = k
    while k < n and k - verb < 3 and toks[k].low in _OFFICE_VERBS:
        k += 1
    if k == verb and toks[k].low != "as":
        return set()
    if k < n and toks[k].low == "as":
        k += 1
    if k < n and (toks[k].low in {"the", "a", "an"} or is_possessive(toks, k)):
        k += 1
    return _description_head(toks, k, n)


def _business_apposition_before(toks: list[Tok], i: int) -> str | None:
    """The kind of business an apposition closing right before the name gives ('the firm, Swiftway,');
    None before a title ('the company's founder, said')."""
    if i < 3 or not toks[i].cap or is_title(toks[i]) or toks[i - 1].text != ",":
        return None
    t = toks[i - 2]
    if t.cap or is_possessive(toks, i - 2):
        return None
    # 'the firm, Swiftway,', 'the ferry's operator, Tessel Lines,', 'the coach operator, Marrow Coaches,'
    d = i - 3
    while d > i - 6 and d > 0 and toks[d].word and not toks[d].cap and toks[d].low not in {"the", "a", "an"}:
        if is_possessive(toks, d):
            break
        d -= 1
    if not (toks[d].low in {"the", "a", "an"} or is_possessive(toks, d)):
        return None
    w = base(t.low)
    if w in lx.BODY_HEAD_ALIASES:
        return w  # 'the UN children's agency, UNIFAM,', 'the charity, Brenn Aid,'
    return body_kind(t.low) if w in lx.BUSINESS_DESCRIPTORS else None


def body_kind(word: str) -> str | None:
    """The kind of body a lowercase noun names ('carrier' -> 'airline', 'group' -> 'group'), else None; a
    common word that names things as well as bodies ('a news report') is none."""
    w = base(word)
    if w in lx.BODY_KINDS:
        return lx.BODY_KINDS[w]
    if w in lx.SPEAKING_EVENT_HEADS:
        return w  # 'the festival said': its organisers
    return w if w in lx.ORG_HEADS and w not in lx.COMMON_WORD_ORG_HEADS else None


def _kind_before(toks: list[Tok], k: int) -> str | None:
    """The kind of company named by the lowercase word right before the name at toks[k] ('chipmaker
    Veltrix'), else None."""
    if k == 0:
        return None
    t = toks[k - 1]
    if t.cap or not t.word or toks[k].start - t.end > 1 or is_possessive(toks, k - 1):
        return None
    kind = body_kind(t.low)
    if kind == "group" and k >= 2 and toks[k - 2].low.endswith("ing") and len(toks[k - 2].low) > 5:
        return "company"  # 'shipping group Moller Line', 'mining group X': a trade's group is a business
    return kind


def _operator_before(toks: list[Tok], k: int) -> str | None:
    """'operator' when the name at toks[k] is the agent of a participle of running a business ('a ferry
    owned by Skarn Lines', 'trains operated by Northway Rail'), else None."""
    if k < 2 or toks[k - 1].low != "by" or toks[k - 2].low not in lx.OPERATOR_PARTICIPLES:
        return None
    return "operator"


def _org_apposition(toks: list[Tok], j: int) -> str | None:
    """The organisation head of an apposition right after a name: 'Acme, the company behind the mine,' ->
    company; 'Ann Lee, the company's founder,' names a person (a possessive is a modifier)."""
    n = len(toks)
    if not (j + 1 < n and toks[j].text == "," and toks[j + 1].low in {"the", "a", "an"}):
        return None
    for q in range(j + 2, min(n, j + 6)):
        t = toks[q]
        if not t.word or t.low in _DESCRIPTION_STOPS or is_possessive(toks, q):
            return None
        w = base(t.low)
        if w in lx.TITLES or w in lx.DESCRIPTION_HEADS:
            return None
        if not t.cap and ((w in lx.ORG_HEADS and w not in lx.COMMON_WORD_ORG_HEADS) or w in lx.BODY_HEAD_ALIASES):
            # ('X, a charity that runs clinics,', 'X, the public body that advises ...')
            if q + 1 < n and toks[q + 1].low in lx.SPEECH_VERBS:
                # '... in Varnia and Kell, the agency said': the description is the subject of a trailing
                # cue, not an apposition naming the place or person before the comma
                return None
            return w
    return None


def place_codes(words: list[str]) -> set[str]:
    """Gazetteer codes of well-known places among capitalised written words ('Ohio', 'New Mexico' in
    'former New Mexico Gov.'); a party or body ('Labour', 'Senate') or a place that needs context to be
    one ('Green') is none. Runs of at most three words."""
    found: set[str] = set()
    q, n = 0, len(words)
    while q < n:
        r = q
        while r < n and r - q < 3 and words[r][:1].isupper():
            r += 1
        a = q
        while a < r:
            b, code = next(
                ((b, c) for b in range(r, a, -1) if (c := _well_known_place(" ".join(words[a:b])))), (a, None)
            )
            if code:
                found.add(code)
            a = max(b, a + 1)
        q = max(r, q + 1)
    return found


def _well_known_place(name: str, flags: int = SMALL | COMMON | NEVER_ALONE | UPPER_ONLY | AFTER_PLACE) -> str | None:
    entry = gazetteer().get(norm(name))
    return entry.code if entry is not None and entry.code and not entry.flags & flags else None


def _of_place(toks: list[Tok], j: int) -> set[str]:
    """The place after a name and 'of' ('Sen. Ada Cole of Ohio', 'Rep. Tom Vint of New Mexico'): up to
    three capitalised words that make a well-known place."""
    if j + 1 >= len(toks) or toks[j].low != "of":
        return set()
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].cap and toks[k].word:
        k += 1
    code = _well_known_place(" ".join(t.text for t in toks[j + 1 : k])) if k > j + 1 else None
    return {code} if code else set()


def _party_tag_place(toks: list[Tok], j: int) -> set[str]:
    """The state of a party tag after a name: 'Sen. Ada Cole (R-Ohio)', 'Rep. Tom Vint, D-Vt.,' (a state's
    abbreviation counts here, as in the tag it always stands for one)."""
    if j + 1 >= len(toks) or toks[j].text not in {"(", ","}:
        return set()
    tag = toks[j + 1].text
    if len(tag) < 4 or tag[1] != "-" or tag[0] not in "DRI":
        return set()
    code = _well_known_place(tag[2:], SMALL | COMMON | NEVER_ALONE)
    return {code} if code else set()


def _party_tag_word(toks: list[Tok], j: int) -> set[str]:
    """The party a tag after a name stands for: 'Sen. Ada Cole (R-Ohio)' is 'the Republican' (and, with the
    tag's place, 'the Ohio Republican'), 'Rep. Tom Vint, D-Vt.,' is 'the Democrat'."""
    if j + 1 >= len(toks) or toks[j].text not in {"(", ","}:
        return set()
    tag = toks[j + 1].text
    if len(tag) < 4 or tag[1] != "-" or tag[0] not in _PARTY_TAGS or not _party_tag_place(toks, j):
        return set()
    return {_PARTY_TAGS[tag[0]]}


# The party letters of a tag after a name ('(R-Ohio)') and the description word they stand for.
_PARTY_TAGS = {"R": "republican", "D": "democrat"}


def _apposition_places(toks: list[Tok], k: int) -> set[str]:
    """Places among the modifiers of an apposition's description from toks[k] ('the Texas governor', 'a
    Vermont Democrat'), at most five words, up to a title or description head."""
    words: list[str] = []
    for q in range(k, min(len(toks), k + 5)):
        t = toks[q]
        w = base(t.low)
        if not t.word or t.low in _DESCRIPTION_STOPS or w in lx.TITLES or w in lx.DESCRIPTION_HEADS:
            break
        words.append(t.text)
    return place_codes(words)


def _closes_opening_adjunct(toks: list[Tok], comma: int) -> bool:
    """The comma at ``comma`` closes an adverbial opening the sentence, and the description after it is
    the main clause's subject, not an apposition: 'In a debate with Ida Roe and Tom Vint, the mayor said'
    ('Tom Vint' is no mayor), 'After meeting Ida Roe, the coach told'. An apposition closes with its own
    comma ('After Ida Roe, the mayor, resigned'). At most 25 words back and 8 ahead are read."""
    k = comma - 1
    while k > 0 and comma - k < 25 and toks[k - 1].text not in _SENTENCE_END and toks[k - 1].text != ",":
        k -= 1
    if k > 0 and (toks[k - 1].text == "," or toks[k - 1].text not in _SENTENCE_END):
        return False
    first = toks[k].low
    if not (first in lx.ADJUNCT_OPENERS or first in lx.SUBORDINATORS or (first.endswith("ing") and k < comma - 1)):
        return False
    for q in range(comma + 2, min(len(toks), comma + 10)):
        t = toks[q]
        if not t.word:
            return False  # a comma or dash closes an apposition: 'After Ida Roe, the mayor, resigned'
        if not t.cap and (t.low in lx.SPEECH_VERBS or t.low in lx.AUXILIARIES or t.low in lx.IRREGULAR_PAST):
            return True
    return False


def _description_head(toks: list[Tok], k: int, n: int) -> set[str]:
    """The last title word of the first run of titles within five words from toks[k]: 'the former deputy
    mayor' -> mayor; a possessive is a modifier ('the mayor's aide' is no mayor)."""
    for q in range(k, min(n, k + 5)):
        t = toks[q]
        if not t.word or t.low in _DESCRIPTION_STOPS:
            return set()
        if is_possessive(toks, q):
            continue
        w = base(t.low)
        if w in lx.TITLES or w in lx.DESCRIPTION_HEADS:
            # a description word before the head names the person too ('the billionaire owner of the
            # club' is 'the billionaire' and 'the owner')
            found = {w} if w in lx.DESCRIPTION_HEADS else set()
            while q + 1 < n and base(toks[q + 1].low) in lx.TITLES and not is_possessive(toks, q + 1):
                q += 1
            if q + 1 < n and toks[q + 1].cap and toks[q + 1].start - toks[q].end <= 1:
                return set()  # 'is Mayor Roe's deputy': the title of another name
            return found | {base(toks[q].low)}
    return set()


# Tokens that end a sentence (or open a quotation) before an opening adverbial.
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”"})

# Words joining two parts of an organisation's name that the name scan does not cross.

# How far ahead (in characters, a few paragraphs) a description in the lead looks for its name.
_FORWARD_REACH = 1500

# Verbs linking a name to the office it holds or takes: 'is', 'became', 'was elected', 'serves as'.
_COPULAS = frozenset({"is", "was", "has", "had", "been", "remains", "remained"})
_OFFICE_VERBS = _COPULAS | frozenset(
    {"became", "becomes", "serves", "served", "elected", "named", "appointed", "sworn", "installed", "chosen"}
)
# Words a description stops at: 'was elected after the mayor resigned' describes no one.
_DESCRIPTION_STOPS = frozenset(
    {"after", "before", "when", "by", "with", "to", "in", "on", "at", "of", "for", "and", "but", "or"}
    | {"who", "which", "that", "while", "because", "since", "than", "not", "no", "never", "as", "well"}
)


def _connector_end(toks: list[Tok], j: int, org: bool = False) -> int | None:
    """Index of the capitalised word after 'of', 'for the', 'de' ... when toks[j] may take one: an
    organisation head or title, a name particle, or any word inside an organisation's name whose head
    came earlier ('Joint Council for the Welfare | of Farmworkers')."""
    left = base(toks[j].low)
    if left not in lx.ORG_HEADS and left not in lx.TITLES and not org and not _PARTICLE_WORD.get(toks[j + 1].low):
        return None
    k = j + 1
    while k < len(toks) and k <= j + 2 and toks[k].low in lx.NAME_CONNECTORS:
        k += 1
    if k < len(toks) and toks[k].cap and k > j + 1:
        return k
    return None


# Name particles that join a given name to a family name ("Ludwig van Beethoven").
_PARTICLE_WORD = {
    w: True
    for w in (
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "das",
        "del",
        "della",
        "la",
        "le",
        "y",
    )
}


def _ends_with(full: list[str], part: list[str]) -> bool:
    return len(full) >= len(part) and [w.lower() for w in full[-len(part) :]] == [w.lower() for w in part]


def _recency(person: Person, pos: int) -> int:
    k = bisect_right(person.positions, pos)
    return person.positions[k - 1] if k else -abs(person.first_pos - pos)


def _and_closes_body(toks: list[Tok], a: int) -> bool:
    """After 'and' at toks[a], a short capitalised run closing an organisation's name: a plural or a domain,
    with no title, given name or organisation head of its own ('and Nurses', 'and Technical Engineers', 'and
    Industry'; not 'and Ann Lee', 'and Ida Brun', 'and the Keld Water Board', 'and Varn Holdings')."""
    h = a + 1
    while h < len(toks) and h - a <= 3 and toks[h].cap and toks[h].start - toks[h - 1].end <= 1:
        w = base(toks[h].low)
        if is_title(toks[h]) or w in lx.FEMALE_NAMES or w in lx.MALE_NAMES or w in lx.ORG_HEADS:
            return False
        h += 1
    if h == a + 1 or (h < len(toks) and toks[h].cap):
        return False
    # a field is a plural or a domain ('Nurses', 'Technical Engineers', 'Industry'), not a surname ('Ida Brun')
    last = toks[h - 1].low
    return (last.endswith("s") and not last.endswith("ss")) or base(last) in lx.ORG_DOMAINS


def club_name(words: list[str]) -> bool:
    """A sport club's name: two words or more closing with a club word ('Halton Rovers', 'Northfield
    United'); 'City' closes as many places ('Mexico City') and is left out."""
    return len(words) > 1 and club_word(words[-1])


def club_word(word: str) -> bool:
    """A word closing a sport club's name ('Rovers', 'United'); not 'City'."""
    return word in CLUB_AFTER_CITY and word != "City"


def _proper_org_head(t: Tok) -> bool:
    """A capitalised organisation head that is no common word: 'Hospital', 'College', 'Party'."""
    return t.cap and base(t.low) in lx.ORG_HEADS and base(t.low) not in lx.COMMON_WORD_ORG_HEADS


def strip_possessive(word: str) -> str:
    """A written word without its possessive ending: "Keld's" -> 'Keld'."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word


def _title_word(low: str) -> bool:
    """A lowercase word of a title or description of a person ('coach', 'police chief', 'health minister')."""
    return low in lx.TITLES or low in lx.DESCRIPTION_HEADS or low in lx.ORG_HEADS or low in lx.ORG_DOMAINS
