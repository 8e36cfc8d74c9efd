"""Quotations and attribution: who each sentence attributes its content to.

Rules, in the order they are applied to an article:

1. Quotations are found over the whole text (``quotes.py``), so a quotation running over several
   sentences or paragraphs is one unit.
2. In each sentence, outside the quoted words, reporting cues are found: a reporting verb with its
   subject before it ("NSC spokeswoman Adrienne Watson said", "X, a spokesman for Y, said") or after it
   (", said KCNA"), "according to X", participles ("the government recommending"). Negated cues
   ("have not said") and passives ("was told") do not count. Weak verbs ("continued", "reads") count
   only beside a quotation; research verbs ("found", "estimated") only for research-like subjects.
3. The subject phrase is split into role and name ("NSC spokeswoman" / "Adrienne Watson"); names are
   expanded to the fullest form in the article, acronyms to their spelled-out name, pronouns resolved
   to the current speaker or the most recent person of the right gender.
4. Sentences without a cue inherit a speaker only from a quotation: the sentence lies inside a
   quotation attributed elsewhere, or is itself wholly a quotation right after an attributed one.
   Everything else is the reporter's own statement (speaker None).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from . import lexicon as lx
from .names import (
    NameIndex,
    Tok,
    base,
    is_acronym,
    is_name_word,
    is_possessive,
    is_title,
    office_complement,
    person_words,
    strip_leading_places,
    tokenize,
)
from .normalize import wordset
from .quotes import MARKS, Quote, QuoteIndex
from .types import Attribution, ClaimKind, Sentence

# Quotation marks as tokens: the quotation module's double quotes, and the typewriter forms of older
# newspaper text ('' for a closing or opening double quote, `` for an opening one).
_QMARKS = frozenset(MARKS) | {"''", "``"}
_CLAUSE_PUNCT = {";", ":", "(", ")", "—", "–", "[", "]", "!", "?"}
_PASSIVE_AUX = {"was", "were", "been", "being", "be", "is", "are", "get", "got", "gets"}
_VENUES = {
    "statement",
    "address",
    "interview",
    "speech",
    "remarks",
    "post",
    "tweet",
    "letter",
    "report",
    "briefing",
    "release",
    "conference",
    "email",
    "message",
    "broadcast",
    "op-ed",
    "article",
    "blog",
    "video",
    "ruling",
    "filing",
    "testimony",
    "submission",
    "hearing",
    "session",
    "call",
    "note",
}
_AUDIENCES = {"reporters", "journalists", "the press", "the media", "lawmakers", "parliament", "the court"}
# Verbs that may come before their subject ('"...," said KCNA').
_INVERTIBLE = {
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "continued",
    "explained",
    "noted",
    "insisted",
    "asked",
    "replied",
    "responded",
    "answered",
    "warned",
    "admitted",
    "declared",
    "exclaimed",
    "recalled",
    "concluded",
    "argued",
    "claimed",
    "confirmed",
    "stated",
    "reported",
    "observed",
    "remarked",
    "cautioned",
    "stressed",
    "countered",
    "quipped",
    "joked",
    "shouted",
    "acknowledged",
    "conceded",
    "predicted",
    "urged",
}
# Reporting verbs whose plain object is no reported clause ('report their results', 'request funds').
_OBJECT_VERBS = {"report", "request", "reveal", "propose", "recommend", "demand", "promise", "pledge"}
_OBJECT_PREPS = {"of", "for", "from", "to", "by", "against", "on", "about", "at", "in", "into", "toward", "towards"}
_ELIDED_INTRO = {",", "while", "whilst", "before", "after", "when", "by", "in", "and", "as", "also"}


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


@dataclass(slots=True)
class Cue:
    mention: Mention
    verb: str  # the cue as written
    rank: int  # lower wins: 0 beside a quotation, 1 main verb, 2 according to, 3 subordinate
    pos: int


# --------------------------------------------------------------------------------------------------
# subject phrases


def _np_backward(toks: list[Tok], j: int, lo: int) -> int:
    """First index of the noun phrase ending at toks[j] (walking left, never past lo)."""
    k = j
    loose = 0  # lowercase words outside the lexicons (adjectives), a couple at most
    while k > lo:
        t = toks[k - 1]
        low = base(t.low)
        if t.text in "'’" and k - 2 >= lo and toks[k - 2].low.endswith("s"):
            k -= 1
            continue
        if not t.word and t.text not in "&":
            break
        if t.low == "that" and not toks[j].cap and toks[j].low.endswith("s") and not toks[j].low.endswith("ss"):
            break  # 'the policy that critics blame': a relative pronoun, not the determiner of a plural
        if t.low in lx.DETERMINERS and not (
            toks[k].cap and t.low == "the" and k - 2 >= lo and toks[k - 2].low in lx.NAME_CONNECTORS
        ):
            k -= 1
            break
        if t.cap or is_title(t) or is_possessive(toks, k - 1):
            if base(t.low) in lx.CAPITAL_STOPWORDS and not is_title(t):
                break
            k -= 1
            continue
        if t.low in lx.NAME_CONNECTORS and toks[k].cap:
            # "Department of Agriculture", "Council for the Welfare": only after an org head or title
            m = k - 1
            while m > lo and toks[m].low in lx.NAME_CONNECTORS and k - m <= 2:
                m -= 1
            head = toks[m]
            if m < k - 1 and head.cap and (base(head.low) in lx.ORG_HEADS or is_title(head)):
                k = m
                continue
            if t.low not in lx.DETERMINERS:
                break
        if t.low in lx.DETERMINERS:
            k -= 1
            break
        if low in lx.GROUP_NOUNS or low in lx.DOCUMENT_NOUNS or low in lx.ORG_TAILS:
            k -= 1
            continue
        if (
            t.low.isalpha()
            and loose < 2
            and low not in lx.SPEECH_VERBS
            and low not in lx.AUXILIARIES
            and low not in lx.SUBORDINATORS
            and low not in lx.LEADING_SKIP
            and not low.endswith(("ed", "ing"))
            and k - 2 >= lo
            and (toks[k - 2].low in lx.DETERMINERS or is_possessive(toks, k - 2))
        ):
            loose += 1
            k -= 1
            continue
        if loose == 0 and (is_title(toks[j]) or base(toks[j].low) in lx.DESCRIPTION_HEADS):
            # a description with several modifiers: 'the billionaire real estate magnate', 'the GOP
            # presidential candidate', 'the self-described socialist' (words back to a determiner)
            m = k
            while m > lo and k - m < 4 and _modifier_word(toks[m - 1]):
                m -= 1
            if m < k and m > lo and toks[m - 1].low in {"the", "a", "an"}:
                k = m - 1
        break
    return k


_QUANTITY_HEDGES = wordset("about nearly almost roughly some over under just only more less fewer than around a an the")
_QUANTITY_WORDS = wordset(
    "half third thirds quarter quarters majority majorities minority most plurality two-thirds three-quarters"
    " one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty"
    " seventy eighty ninety"
)
_QUANTITY_BOUNDS = frozenset({",", ";", ":", "and", "but", "—", "–"})


def _quantity_subject(toks: list[Tok], j: int, lo: int) -> int | None:
    """Start of a quantity opening the clause before toks[j], the subject of a poll report: 'Sixty-six
    percent said', 'About 4 in 10 say', 'Nearly half of the voters said', 'Less than a third agreed'."""
    s = j
    while s > lo and j - s < 12 and toks[s - 1].low not in _QUANTITY_BOUNDS and toks[s - 1].text not in _QMARKS:
        if not (toks[s - 1].word or toks[s - 1].text in "%'’"):
            return None
        s -= 1
    if s >= j:
        return None
    k = s
    while k < j and toks[k].low in _QUANTITY_HEDGES:
        k += 1
    if k >= j:
        return None
    first = toks[k].low
    if not (first[:1].isdigit() or first in _QUANTITY_WORDS or first.split("-")[0] in _QUANTITY_WORDS):
        return None
    if k + 1 < j and toks[k + 1].low not in {"percent", "%", "in", "of", "per"}:
        return None  # 'Most voters' is an ordinary noun phrase; 'the most conservative member' no quantity
    last = toks[j - 1]
    if last.low in lx.DETERMINERS or last.low in lx.ADJUNCT_OPENERS:
        return None  # 'Forty percent of all reported ...': the verb form modifies a noun
    return s


def _modifier_word(t: Tok) -> bool:
    """A word that may modify a description's head: an adjective or noun, capitalised or not, hyphenated."""
    low = base(t.low)
    if not t.word or low in lx.DETERMINERS or low in lx.PRONOUNS:
        return False
    if t.cap:
        return True
    return (
        t.low.replace("-", "").isalpha()
        and low not in lx.SPEECH_VERBS
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


def _analyze(text: str, toks: list[Tok], i: int, j: int) -> Mention | None:
    """Read toks[i:j] as a speaker phrase."""
    # (an upper-case 'AS' or 'AT' before a name is initials: 'a paper by AS Heagle')
    while i < j and (
        (toks[i].low in lx.LEADING_SKIP and not (toks[i].text.isupper() and i + 1 < j and toks[i + 1].cap))
        or toks[i].text in _QMARKS
    ):
        i += 1
    while j > i and (base(toks[j - 1].low) in lx.POSTNOMINALS or toks[j - 1].text in ",."):
        j -= 1
    if j - 1 > i + 1 and toks[j - 1].text == ")" and toks[j - 3].text == "(":
        j -= 3  # "National Security Council (NSC)"
    if i >= j:
        return None
    if j - i == 1 and toks[i].low in lx.PRONOUNS:
        return Mention(toks[i].low, "pronoun", pos=toks[i].start)
    # coordinated subject: the first conjunct speaks ("President X and the Council said")
    for k in range(i + 1, j - 1):
        if (
            toks[k].low == "and"
            and toks[k - 1].cap
            and (toks[k + 1].cap or toks[k + 1].low == "the")
            and (any(is_title(t) for t in toks[i:k]) or sum(t.cap for t in toks[i:k]) >= 2)
        ):
            j = k
            break
    head = toks[j - 1]
    low = base(head.low)
    if head.cap and not (low in lx.GROUP_NOUNS and not is_name_word(head)):
        return _name_phrase(text, toks, i, j)
    if low in lx.DOCUMENT_NOUNS or low in lx.GROUP_NOUNS:
        # a document's author: "PC World's analysis", "The Home Office letter"
        if low in lx.DOCUMENT_NOUNS:
            # its owner speaks: "The agency's Web site said" -> the agency, not "Web"
            owner = next((k for k in range(j - 2, i - 1, -1) if is_possessive(toks, k)), None)
            if owner is not None:
                m = _analyze(text, toks, i, owner + 1)
                if m is not None and m.kind != "pronoun":
                    m.document = True
                    return m
            caps = [k for k in range(i, j - 1) if toks[k].cap and is_name_word(toks[k])]
            if caps:
                m = _name_phrase(text, toks, caps[0], caps[-1] + 1)
                if m is not None:
                    m.kind = "org" if m.kind != "person" else m.kind
                    m.document = True
                    return m
            if low in lx.SPEAKING_DOCUMENTS:
                return Mention(_span_text(text, toks, i, j), "doc", pos=toks[i].start, document=True)
        if low in lx.GROUP_NOUNS:
            return Mention(_span_text(text, toks, i, j), "group", pos=toks[i].start)
    if low in _PARTY_HEADS and j - 2 >= i and is_name_word(toks[j - 2]):
        # "the M5S party", "the Labour party": the organisation is the name before the head
        k = j - 1
        while k > i and is_name_word(toks[k - 1]):
            k -= 1
        return Mention(_span_text(text, toks, k, j - 1), "org", pos=toks[k].start)
    if _common_noun_phrase(toks, i, j):
        # any other common-noun subject keeps the article's wording: "The poster", "Some individuals"
        return Mention(_span_text(text, toks, i, j), "group", pos=toks[i].start, generic=True)
    return None


_PARTY_HEADS = frozenset({"party", "movement", "bloc", "faction", "alliance", "coalition"})


def _common_noun_phrase(toks: list[Tok], i: int, j: int) -> bool:
    """'The poster', 'One poster', 'Some individuals', 'Recent reports': a lowercase noun head after a
    determiner or possessive, or a plural head. Function words, adverbs and verb forms are no heads."""
    head = toks[j - 1]
    low = head.low
    if head.cap or not low.replace("-", "").isalpha() or len(low) < 3:
        return False
    if (
        low in lx.DETERMINERS
        or low in lx.PRONOUNS
        or low in lx.AUXILIARIES
        or low in lx.SUBORDINATORS
        or low in lx.LEADING_SKIP
        or low in lx.NEGATIONS
        or (low in lx.SPEECH_VERBS and low not in lx.NOUNLIKE_FORMS)
        or low in lx.ADJUNCT_OPENERS
        or low.endswith(("ing", "ed"))
        or _adverb(low)
    ):
        return False
    if any(t.low in lx.DETERMINERS or is_possessive(toks, k) for k, t in enumerate(toks[i : j - 1], i)):
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _name_phrase(text: str, toks: list[Tok], i: int, j: int) -> Mention | None:
    """'NSC spokeswoman Adrienne Watson' -> name 'Adrienne Watson', role 'NSC spokeswoman'."""
    lows = [base(t.low) for t in toks[i:j]]
    # start of the trailing capitalised run
    r = j
    while r > i:
        t = toks[r - 1]
        if t.cap:
            if is_possessive(toks, r - 1) and r != j:
                break
            r -= 1
            continue
        # "Department of Agriculture", "Council for the Welfare of ...": a connector after an org head
        k = r - 1
        while k > i and toks[k].low in lx.NAME_CONNECTORS and r - k <= 2:
            k -= 1
        if k < r - 1 and toks[k].cap and (base(toks[k].low) in lx.ORG_HEADS or is_title(toks[k])):
            r = k
            continue
        break
    while r < j and toks[r].low in lx.NAME_CONNECTORS:
        r += 1
    if r >= j:
        return None
    cut = r
    for k in range(r, j - 1):
        lk = lows[k - i]
        if lk in lx.TITLES or toks[k].low in lx.TITLE_ABBREVIATIONS:
            cut = k + 1
        elif (lk in lx.ORG_HEADS or lk in lx.ORG_DOMAINS or is_possessive(toks, k)) and toks[
            k + 1
        ].low not in lx.NAME_CONNECTORS:
            # "Refugee Council Enver Solomon", "Minister of Education Ana Rossi": a name after the office
            rest = [t.text for t in toks[k + 1 : j]]
            if is_possessive(toks, k) or person_words(rest):
                cut = k + 1
    while cut < j and (
        (base(toks[cut].low) in lx.CAPITAL_STOPWORDS and not is_acronym(toks[cut].text))
        or toks[cut].low in lx.NAME_CONNECTORS
    ):
        cut += 1
    if cut >= j:
        return None
    cut += _office_complement(toks, cut, j, i)
    words = [t.text[:-2] if t.low.endswith(("'s", "’s")) else t.text for t in toks[cut:j]]
    kept = strip_leading_places(words)
    first = cut + (len(words) - len(kept))
    name = _span_text(text, toks, first, j)
    name_lows = [base(t.low) for t in toks[first:j]]
    title_words = tuple(w for w in lows[: first - i] if w in lx.TITLES or w in lx.FEMALE_WORDS or w in lx.MALE_WORDS)
    titled = any(w in lx.TITLES for w in title_words)
    role = None
    if first > i:
        r0 = i
        while r0 < first and toks[r0].low in lx.DETERMINERS:
            r0 += 1
        if r0 < first and any(w in lx.TITLES or w in lx.GROUP_NOUNS for w in lows[r0 - i : first - i]):
            role = _span_text(text, toks, r0, first)
    if name_lows[-1] in lx.ORG_DOMAINS and any(w in lx.TITLES for w in lows[: first - i]):
        # "the Minister of Foreign Affairs": an office without a personal name
        r0 = i + 1 if toks[i].low in lx.DETERMINERS else i
        return Mention(_span_text(text, toks, r0, j), "group", None, toks[r0].start)
    if any(w in lx.ORG_HEADS for w in name_lows) or (len(name_lows) == 1 and is_acronym(toks[first].text)):
        kind = "org"
        if name.lower().startswith("the "):
            name = name[4:]
    else:
        kind = "person"
    return Mention(name, kind, role, toks[first].start, titled, title_words)


def _office_complement(toks: list[Tok], cut: int, j: int, i: int) -> int:
    """'Governor of Washington Chris Gregoire': after 'TITLE of', skip the words naming the office's domain."""
    c = cut - 1
    while c >= i and toks[c].low in lx.NAME_CONNECTORS:
        c -= 1
    if c == cut - 1 or c < i or not is_title(toks[c]):
        return 0
    skip = office_complement([base(t.low) for t in toks[cut:j]])
    return skip if skip and person_words([t.text for t in toks[cut + skip : j]]) else 0


def _forward_np(toks: list[Tok], v: int, hi: int) -> int:
    """End index of a noun phrase starting at toks[v] (for 'said KCNA', 'said the minister')."""
    k = v
    while k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    start = k
    while k < hi:
        t = toks[k]
        low = base(t.low)
        if t.cap or is_title(t) or low in lx.GROUP_NOUNS or low in lx.ORG_TAILS:
            k += 1
        elif t.low in lx.NAME_CONNECTORS | {"to", "at"} and k > start:
            # "Department of Agriculture", "Ambassador to the United States": only after a head word
            m = k
            while m < hi and m - k < 2 and toks[m].low in lx.NAME_CONNECTORS | {"to", "at"}:
                m += 1
            prev = base(toks[k - 1].low)
            if m < hi and toks[m].cap and (prev in lx.ORG_HEADS or prev in lx.TITLES):
                k = m
            else:
                break
        elif t.text in "'’" and k > start:
            k += 1
        else:
            break
    return k if k > start else v


def _forward_common_np(toks: list[Tok], v: int, hi: int) -> int:
    """End of 'the event website', 'an unknown author' starting at toks[v]: a determiner and up to four
    lowercase words (returns v where there is none)."""
    k = v
    if k >= hi or toks[k].low not in lx.DETERMINERS or toks[k].low == "that":
        return v
    k += 1
    end = v
    while k < hi and k - v <= 4:
        t = toks[k]
        if t.cap or not t.low.replace("-", "").isalpha() or t.low in lx.ADJUNCT_OPENERS or t.low in _STOP_NP:
            break
        k += 1
        end = k
    return end if end > v + 1 else v


_STOP_NP = lx.AUXILIARIES | lx.SUBORDINATORS | lx.NEGATIONS | {"and", "or", "but", "by"}


_CLAUSE_OPENERS = frozenset(
    ["after", "before", "when", "while", "whilst", "as", "because", "since", "until", "although", "though", "once"]
)
_TIME_NOUNS = frozenset(
    [
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "day",
        "time",
    ]
)

# Conjunctions and sentence adverbs skipped at the front of a chunk ("but Smith", "and head of ...").
_CHUNK_SKIP = lx.LEADING_SKIP - lx.ADJUNCT_OPENERS


_TIME_ADVERBS = frozenset({"back", "later", "earlier", "late", "early", "since", "until", "by"})


def _chunk_kind(toks: list[Tok], i: int, j: int, leftmost: bool = False) -> str:
    """What a comma-separated chunk before a reporting verb is: 'adjunct' (an adverbial, never the
    subject), 'role' (an apposition such as 'Panama coach', 'a spokesman for Y', '42'), or 'name'.
    ``leftmost``: the chunk opens the clause, where 'A report by X' is the subject, not an apposition."""
    while i < j and toks[i].low in _CHUNK_SKIP:
        i += 1
    if i >= j:
        return "adjunct"
    while (
        i < j - 1 and not toks[i].cap and (toks[i].text[:1].isdigit() or toks[i].text in _DASHES or "-" in toks[i].text)
    ):
        i += 1  # '81-year-old Ada Cole', 'well-known author Ada Cole'
    first, last = toks[i], toks[j - 1]
    if first.low in {"a", "an"} and not leftmost:
        return "role"  # 'a spokesman for Y', 'a retired farmer'
    if (
        first.low == "as"
        and i + 1 < j
        and toks[i + 1].cap
        and not is_title(toks[i + 1])
        and all(t.cap or t.low in lx.NAME_CONNECTORS or t.text == "." for t in toks[i + 1 : j])
    ):
        return "name"  # 'As Ada Cole, an expert on ports, noted': not 'As Secretary of State, ...'
    if base(last.low) in lx.TIME_WORDS and (first.low in lx.TIME_OPENERS or first.low in _TIME_ADVERBS):
        return "adjunct"  # 'Back in April', 'Late on Tuesday', 'Earlier this month'
    if first.low in lx.ADJUNCT_OPENERS or first.low in lx.SUBORDINATORS or first.low.endswith("ing"):
        return "adjunct"
    if (not first.cap and first.low not in lx.DETERMINERS) or not last.cap or is_title(last):
        return "role"
    if all(base(t.low) in lx.POSTNOMINALS or t.low.isdigit() for t in toks[i:j]):
        return "role"
    return "name"


def _subject_before(text: str, toks: list[Tok], v: int, lo: int) -> tuple[Mention | None, int]:
    """The subject of the verb at v, looking left; also returns where the subject starts."""
    j = _skip_interrupters(toks, v, lo)
    if j <= lo:
        return None, v
    if toks[j - 1].text == ",":
        return _appositive_subject(text, toks, j - 1, lo)
    if not toks[j - 1].word:
        return None, v
    if j - 2 > lo and toks[j - 1].low in {"who", "which"} and toks[j - 2].text == ",":
        # 'the union, which argued that ...', 'Ada Cole, who said ...': the noun before the relative
        k = _np_backward(toks, j - 3, lo)
        m = _analyze(text, toks, k, j - 2) if k < j - 2 else None
        return (m, k) if m is not None and m.kind in {"person", "org", "group"} and not m.generic else (None, v)
    src = _access_source(toks, j, lo)
    if src is not None:
        return Mention(_span_text(text, toks, src, j), "group", pos=toks[src].start), src
    m, k = _subject_np(text, toks, j, lo)
    if m is not None and k - 2 >= lo and toks[k].low in {"a", "an"} and toks[k - 1].text == ",":
        # 'Ann Lee, a team member said': an apposition whose closing comma is missing
        m2, k2 = _subject_np(text, toks, k - 1, lo)
        opens_clause = k2 == lo or toks[k2 - 1].text in _QMARKS or toks[k2 - 1].text in _CLAUSE_END
        if m2 is not None and m2.kind == "person" and opens_clause:
            m2.role = m2.role or _span_text(text, toks, k, j)
            return m2, k2
    return m, k


_DASHES = frozenset({"—", "–", "-", "--"})


def _skip_interrupters(toks: list[Tok], v: int, lo: int) -> int:
    """Where the subject ends, left of the verb at v, past what may stand between them: auxiliaries and
    adverbs ('has also repeatedly said', 'however said'), a time adjunct ('on Tuesday', 'earlier this
    month', 'last week'), a venue adjunct ('in a statement'), a parenthesis ('Sen. Ada Cole (D-Ore.)') and
    an aside between dashes ('Ada Cole — a nurse from Leeds — says')."""
    j = v
    for _ in range(8):
        before = j
        while j > lo and (
            (toks[j - 1].low in lx.AUXILIARIES and not (toks[j - 1].cap and j - 1 > lo))  # not 'Theresa May'
            or toks[j - 1].low in lx.INTERRUPTING_ADVERBS
            or (_adverb(toks[j - 1].low) and not toks[j - 1].cap)
        ):
            j -= 1
        if j <= lo:
            return j
        last = toks[j - 1]
        if base(last.low) in lx.TIME_WORDS or _time_number(toks, j - 1) or (base(last.low) in _VENUES and not last.cap):
            # back over the adjunct's words to the word that opens it
            k = j - 1
            while (
                k > lo
                and j - k <= 4
                and (
                    base(toks[k - 1].low) in lx.TIME_WORDS
                    or _time_number(toks, k - 1)
                    or toks[k - 1].low in lx.DETERMINERS
                    or toks[k - 1].text == "."
                    or (not toks[k - 1].cap and toks[k - 1].low.endswith(("al", "ive", "ed")))
                )
            ):
                k -= 1
            opener = toks[k].low if base(last.low) not in lx.TIME_WORDS or k < j - 1 else ""
            if k > lo and toks[k - 1].low in lx.TIME_OPENERS:
                j = k - 1
            elif base(last.low) in lx.TIME_WORDS and toks[k].low in lx.TIME_OPENERS and k > lo:
                j = k  # 'last week', 'this month': the opener is the adjunct's first word
            elif base(last.low) in {"today", "yesterday", "tonight"} and k == j - 1 and not opener:
                j = k
        if j > lo + 1 and toks[j - 1].text == ")":
            k = j - 2
            while k > lo and j - k <= 12 and toks[k].text not in {"(", ")"}:
                k -= 1
            if toks[k].text == "(" and k > lo and toks[k - 1].word:
                j = k  # "Sen. Ada Cole (D-Ore.) said", "The World Health Organisation (WHO) recommends"
        if j > lo + 2 and toks[j - 1].text in _DASHES and toks[j - 1].start > toks[j - 2].end:
            k = j - 2
            while k > lo and j - k <= 25 and toks[k].text not in _DASHES and toks[k].text not in {".", ";", "("}:
                k -= 1
            if toks[k].text == toks[j - 1].text and k > lo and toks[k - 1].word:
                j = k  # 'Ada Cole — a nurse from Leeds — says'
        if j == before:
            break
    return j


def _adverb(low: str) -> bool:
    """An -ly adverb ('publicly', 'repeatedly'), not a noun such as 'family' or 'ally'."""
    return low.endswith("ly") and low not in lx.LY_NOUNS


def _closing_report(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'..., the mayor said.': a subject and its verb after a comma, closing the sentence."""
    if v + 1 < hi and toks[v + 1].word:
        return False
    k = v - 1
    while k > lo and k > v - 8 and toks[k].text != ",":
        if not toks[k].word and toks[k].text not in "'’":
            return False
        k -= 1
    return k > lo and toks[k].text == ","


def _topic_follows(toks: list[Tok], v: int, hi: int) -> bool:
    """'spoke about the plan', 'spoke at the White House on Tuesday about ...', 'spoke of a visit': the
    topic of the speech within a few words of the verb, in its clause."""
    if v + 1 < hi and toks[v + 1].low == "of":
        return True  # not 'spoke at the University of Leeds'
    for k in range(v + 1, min(hi, v + 10)):
        if toks[k].low == "about":
            return True
        if toks[k].text in _CLAUSE_END or toks[k].low in lx.SUBORDINATORS:
            return False
    return False


def _access_source(toks: list[Tok], j: int, lo: int) -> int | None:
    """Start of 'a source familiar with the talks', 'people close to the mayor', 'an official briefed on
    the plan' ending just before toks[j]: an unnamed source described by its access (bounded look-back)."""
    for a in range(j - 2, max(lo, j - 14) - 1, -1):
        t = toks[a]
        if t.text in _CLAUSE_END or t.text in _QMARKS:
            return None
        if t.low in lx.ACCESS_WORDS and a - 1 >= lo and base(toks[a - 1].low) in lx.SOURCE_HEADS:
            s = a - 1
            while (
                s > lo
                and toks[s - 1].low not in lx.LEADING_SKIP
                and (toks[s - 1].low in lx.DETERMINERS or _modifier_word(toks[s - 1]))
                and a - s < 5
            ):
                s -= 1
            return s
    return None


def _time_number(toks: list[Tok], k: int) -> bool:
    """A number inside a time adjunct: a year ('in 2008') or a day after a month ('on March 4')."""
    t = toks[k].text
    if not t[:1].isdigit():
        return False
    if len(t) == 4 and t.isdigit() and t[:2] in {"19", "20"}:
        return True
    return k > 0 and base(toks[k - 1].low) in lx.TIME_WORDS


def _subject_np(text: str, toks: list[Tok], j: int, lo: int) -> tuple[Mention | None, int]:
    """The subject phrase ending just before toks[j], and where it starts."""
    k = _np_backward(toks, j - 1, lo)
    m = _analyze(text, toks, k, j) if k < j else None
    ko = k
    if k - 3 >= lo and toks[k - 1].low in {"and", "&"} and toks[k - 2].cap and toks[k].cap:
        # "of The Globe and Mail": an organisation name joined by "and"
        kx = _np_backward(toks, k - 2, lo)
        if kx > lo and toks[kx - 1].low == "the":
            kx -= 1
        if kx - 2 >= lo and toks[kx - 1].low in {"for", "of", "from", "at", "with"} and toks[kx - 2].cap:
            ko = kx
    if ko - 2 >= lo and toks[ko - 1].low in {"for", "of", "from", "at", "with", "in"} and toks[ko - 2].cap:
        # "Lydia Smith for Food Standards Agency says": the person speaks for the organisation;
        # "the Russian Embassy in London issued": the organisation, not the place
        k2 = _np_backward(toks, ko - 2, lo)
        m2 = _analyze(text, toks, k2, ko - 1)
        if m2 is not None and (m2.kind == "person" or (m2.kind == "org" and toks[ko - 1].low == "in")):
            if m2.kind == "person":
                m2.role = m2.role or text[toks[ko - 1].start : toks[j - 1].end]
            return m2, k2
    # the object of a preposition ("a letter seen by Sky News says") is not the subject, except in
    # "with X saying"
    if (
        m is not None
        and m.kind != "pronoun"
        and k > lo
        and toks[k - 1].low in {"by", "to", "with", "from"}
        and not (toks[k - 1].low == "with" and j < len(toks) and toks[j].low.endswith("ing"))
    ):
        m = None
    if k - 2 >= lo and toks[k - 1].low == "to" and base(toks[k - 2].low) in lx.ENTOURAGE_NOUNS:
        # 'Aides to the mayor say', 'Lawyers to the family said': the entourage speaks as written
        s0 = k - 2
        while s0 > lo and (toks[s0 - 1].low in lx.DETERMINERS or _modifier_word(toks[s0 - 1])) and k - s0 < 6:
            s0 -= 1
        return Mention(_span_text(text, toks, s0, j), "group", pos=toks[s0].start), s0
    if m is None or (m.kind != "pronoun" and not m.document and k > lo):
        q = _quantity_subject(toks, j, lo)
        if q is not None and (m is None or k >= q):
            return Mention(_span_text(text, toks, q, j), "quantity", pos=toks[q].start), q
    if m is not None and m.kind != "pronoun" and k > lo and toks[k - 1].low == "and":
        # "X and Y said": prefer the first conjunct when it is a name
        k2 = _np_backward(toks, k - 2, lo) if k - 2 >= lo else k
        if k2 < k - 1:
            m2 = _analyze(text, toks, k2, k - 1)
            if m2 is not None and m2.kind in {"person", "org"} and (k2 == lo or toks[k2 - 1].text in ',"“”'):
                return m2, k2
    return m, k


def _appositive_subject(text: str, toks: list[Tok], comma: int, lo: int) -> tuple[Mention | None, int]:
    """'X, a spokesman for Y, said' / 'X, Panama coach, said' / 'X, curator at the University of Z, Town,
    said': the subject is the leftmost chunk that is a name; appositions and adverbials are skipped.
    Without a name, the leftmost chunk that reads as a subject ('The minister, a former general, said')."""
    chunks: list[tuple[int, int]] = []  # nearest the verb first
    end = comma
    k = comma - 1
    while k >= lo and len(chunks) < 6:
        t = toks[k]
        if t.text == ")" and k > lo:
            p = k - 1
            while p > lo and k - p <= 12 and toks[p].text not in {"(", ")"}:
                p -= 1
            if toks[p].text == "(" and p > lo:
                k = p - 1  # a parenthesis inside the chunk: 'Ada Cole (D-Ore.), who ..., said'
                continue
        spaced_hyphen = t.text == "-" and k > lo and toks[k - 1].end < t.start
        if t.text == "," or k == lo or t.text in _QMARKS or t.text in _CLAUSE_PUNCT or spaced_hyphen:
            s = k + 1 if (t.text == "," or t.text in _QMARKS or t.text in _CLAUSE_PUNCT or spaced_hyphen) else k
            chunks.append((s, end))
            if t.text != ",":
                break
            end = k
        k -= 1
    # a relative clause ends the noun phrase it modifies: 'a farmer who voted for Ed Lowe' -> 'a farmer'
    for n, (s, e) in enumerate(chunks):
        r = next((q for q in range(s + 1, e) if toks[q].low in {"who", "which", "whose", "whom"}), None)
        if r is not None:
            chunks[n] = (s, e := r)
        if e - s > 2 and toks[e - 1].text == ")":
            paren = next((q for q in range(e - 2, s, -1) if toks[q].text in "()"), None)
            if paren is not None and toks[paren].text == "(":
                chunks[n] = (s, paren)  # 'Sen. Ada Cole (D-Ore.)' -> 'Sen. Ada Cole'
    named: tuple[Mention, int, int] | None = None
    other: tuple[Mention, int, int] | None = None
    for n, (s, e) in enumerate(chunks):
        if e <= s:
            continue
        kind = _chunk_kind(toks, s, e, leftmost=n == len(chunks) - 1)
        if kind == "adjunct":
            continue
        m, kk = _subject_np(text, toks, e, s)
        if m is None or (m.kind == "pronoun" and n > 0):
            continue
        head = s
        while head < e and toks[head].low in _CHUNK_SKIP:
            head += 1
        if (
            kk > head
            and kind != "role"
            and any(t.low in lx.ADJUNCT_OPENERS for t in toks[head:kk])
            # but 'a rule named after a man, after Warren E. Buffett complained': a clause's own subject
            and next(t.low for t in reversed(toks[head:kk]) if t.low in lx.ADJUNCT_OPENERS) not in _CLAUSE_OPENERS
        ):
            # 'One teller in Texas', 'a job posting on the site of X': the phrase before the preposition
            p = next(q for q in range(head + 1, kk) if toks[q].low in lx.ADJUNCT_OPENERS)
            m, kk = _subject_np(text, toks, p, head)
            if m is None:
                continue
        if kk > head and kind == "role":  # only the chunk's tail: a clause ('it referred to X'), no subject
            continue
        if kind == "name" and m.kind in {"person", "org"}:
            named = (m, kk, n)
        else:
            other = (m, kk, n)
    best = named or other
    if best is None:
        return None, comma
    m, kk, n = best
    if m.role is None and n > 0:
        rs, re_ = chunks[n - 1]
        if rs < re_ and _chunk_kind(toks, rs, re_) == "role":
            m.role = text[toks[rs].start : toks[re_ - 1].end]
    return m, kk


def _subject_after(text: str, toks: list[Tok], v: int, hi: int) -> Mention | None:
    """Inverted order: '..., said KCNA.' / '"...," said Ambassador Mohib.'"""
    if v + 1 >= hi or toks[v + 1].low == "that":
        return None  # '..., noted that X is ...': a complement clause, no inverted subject
    nxt = toks[v + 1]
    if nxt.low in lx.PRONOUNS and nxt.low in {"he", "she", "they", "it"}:
        e = v + 2
        m: Mention | None = Mention(nxt.low, "pronoun", pos=nxt.start)
    else:
        e = _forward_np(toks, v + 1, hi)
        if e <= v + 1:
            e = _forward_common_np(toks, v + 1, hi)
            if e <= v + 1:
                return None
        m = _analyze(text, toks, v + 1, e)
        if m is None:
            return None
        if e + 1 < hi and toks[e].low == "by" and m.kind in {"doc", "group"}:
            # 'said the post by an unknown author': the author speaks
            e2 = _forward_np(toks, e + 1, hi)
            if e2 <= e + 1:
                e2 = _forward_common_np(toks, e + 1, hi)
            m2 = _analyze(text, toks, e + 1, e2) if e2 > e + 1 else None
            if m2 is None:
                return None
            m, e = m2, e2
    # the phrase must end the clause: ',' '.' end, or an adjunct ("said X in a statement")
    if e < hi:
        t = toks[e]
        if t.word and t.low not in {
            "in",
            "on",
            "at",
            "during",
            "after",
            "when",
            "to",
            "adding",
            "citing",
            "of",
            "who",
            "from",
        }:
            return None
    return m


# --------------------------------------------------------------------------------------------------
# cues


def _negated(toks: list[Tok], v: int, lo: int) -> bool:
    k = v - 1
    steps = 0
    while k >= lo and steps < 4:
        t = toks[k]
        if t.low in lx.NEGATIONS or t.low.endswith(("n't", "n’t")) or t.low == "to":
            return True
        if t.low not in lx.AUXILIARIES and not t.low.endswith("ly"):
            return False
        k -= 1
        steps += 1
    return False


def _passive(toks: list[Tok], v: int, lo: int) -> bool:
    k = v - 1
    while k >= lo and (
        (_adverb(toks[k].low) and not toks[k].cap)
        or (toks[k].low in lx.AUXILIARIES and toks[k].low not in _PASSIVE_AUX)
    ):
        k -= 1
    return k >= lo and toks[k].low in _PASSIVE_AUX and not toks[v].low.endswith("ing")


_NOT_A_VERB_AFTER_TO = wordset("the a an this that these those his her its their our my your him them us me")


def _reduced_passive(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'The barrier, estimated to cost ...', 'a figure, said to be ...': a participle modifying the noun
    before the comma, not a speech act of it (the infinitive after 'to' tells it from 'said to reporters')."""
    if not (v > lo and toks[v - 1].text == "," and v + 2 < hi and toks[v + 1].low == "to"):
        return False
    after = toks[v + 2]
    return after.word and not after.cap and after.low not in _NOT_A_VERB_AFTER_TO and not after.low[:1].isdigit()


def _cue_text(text: str, toks: list[Tok], v: int, hi: int) -> str:
    """The verb plus 'in a statement' / 'reporters' where that follows."""
    end = toks[v].end
    k = v + 1
    if toks[v].low in {"told", "tell", "tells", "telling"} and k < hi:
        for aud in _AUDIENCES:
            words = aud.split()
            if [t.low for t in toks[k : k + len(words)]] == words:
                end = toks[k + len(words) - 1].end
                k += len(words)
                break
    if k < hi and toks[k].low == "in":
        for n in range(1, 5):
            if k + n < hi and toks[k + n].low in _VENUES:
                end = toks[k + n].end
                break
            if k + n >= hi or not toks[k + n].word:
                break
    return text[toks[v].start : end]


def _next_is_quote(toks: list[Tok], k: int, hi: int, quotes: QuoteIndex) -> bool:
    while k < hi and toks[k].text in {",", ":", "that"}:
        k += 1
    return k < hi and (
        toks[k].text in {"''", "``"} or (toks[k].text in _QMARKS and quotes.covering(toks[k].start) is not None)
    )


def _prev_is_quote_close(toks: list[Tok], k: int, lo: int) -> bool:
    while k >= lo and toks[k].text in {","}:
        k -= 1
    return k >= lo and toks[k].text in _QMARKS


def _sentence_cues(
    text: str, toks: list[Tok], lo: int, hi: int, in_quote: set[int], quotes: QuoteIndex, has_quote: bool
) -> list[Cue]:
    cues: list[Cue] = []
    main_subject: Mention | None = None
    for v in range(lo, hi):
        if v in in_quote:
            continue
        t = toks[v]
        low = t.low
        # "according to X", "in the words of X"
        for phrase in lx.ACCORDING_PHRASES:
            n = len(phrase)
            if low == phrase[0] and tuple(x.low for x in toks[v : v + n]) == phrase:
                start = v + n
                e = _forward_np(toks, start, hi)
                if e <= start:
                    e = _forward_common_np(toks, start, hi)  # 'according to the event website'
                m = _analyze(text, toks, start, e) if e > start else None
                if m is not None and e < hi and toks[e].text == "," and m.kind != "person":
                    # "according to the team's coach, Alireza Mehraban,"
                    e2 = _forward_np(toks, e + 1, hi)
                    m2 = _analyze(text, toks, e + 1, e2) if e2 > e + 1 else None
                    # an apposition closes with a comma; 'according to police, Ivo Dane admitted' is a clause
                    if m2 is not None and m2.kind == "person" and (e2 >= hi or not toks[e2].word):
                        m2.role = m2.role or text[toks[start].start : toks[e - 1].end]
                        m = m2
                if m is not None and (m.kind != "pronoun" or phrase[0] != "quoting"):
                    rank = 2 if phrase[0] != "quoting" else 4
                    cues.append(Cue(m, " ".join(x.text for x in toks[v : v + n]), rank, t.start))
                break
        if t.text == ":" and lo < v <= lo + 12 and _next_is_quote(toks, v + 1, hi, quotes):
            # 'Howard Lee, Radio North: "..."': a name (and its affiliation) introducing a quotation
            comma = next((q for q in range(lo, v) if toks[q].text == ","), v)
            m = _analyze(text, toks, lo, comma) if comma > lo else None
            if m is not None and m.kind in {"person", "org"} and all(x.cap or not x.word for x in toks[lo:comma]):
                cues.append(Cue(m, ":", 1, t.start))
            continue
        if not t.word or (t.cap and v > lo):
            continue
        speech = low in lx.SPEECH_VERBS and low != "according"
        weak = low in lx.WEAK_VERBS
        suggestion = low in lx.SUGGESTION_VERBS
        research = low in lx.RESEARCH_VERBS or suggestion
        naming_quote = False
        if low in lx.NAMING_VERBS:
            # 'called for', 'dubbed the feud "X"', 'described him as a hero'
            p = v + 1
            while p < hi and p - v <= 2 and base(toks[p].low) in lx.TIME_WORDS:
                p += 1  # 'called Wednesday for'
            if low.startswith("call") and p < hi and toks[p].low in {"for", "on"}:
                speech = True
            else:
                found = _naming_complement(toks, v, hi, quotes, in_quote)
                if found is None and _said_object(toks, v, hi) and toks[v + 1].low != "that":
                    found = False  # 'called the charges baseless': a verdict on something said
                if found is None:
                    continue
                speech, naming_quote = True, found
        elif low in lx.PUBLISHING_VERBS:
            speech = _publishes_statement(toks, v, hi)  # 'issued a statement'
        elif low in lx.PARTICLE_CUES:
            speech = v + 1 < hi and toks[v + 1].low in lx.PARTICLE_CUES[low]  # 'pointed out', 'fired back'
            if not speech and lx.PARTICLE_CUES[low] == lx.PARTICLE_CUES["speak"]:
                speech = _topic_follows(toks, v, hi)  # 'spoke at the rally on Tuesday about ...'
        if not speech and low in lx.REJECTION_VERBS:
            speech = _said_object(toks, v, hi)  # 'dismissed the allegations', not 'dismissed the case'
        if not speech and low in lx.BELIEF_VERBS:
            speech = _clause_complement(toks, v, hi)  # 'analysts fear that ...', not 'fear the worst'
        if not (speech or weak or research):
            continue
        if low in lx.NOUNLIKE_FORMS and not _verb_context(toks, v, lo, hi) and not _after_document(text, toks, v, lo):
            continue
        if low in lx.OBJECT_SENSITIVE and not _clause_object(toks, v, hi):
            continue  # 'conceded a penalty', 'claimed the lives of'
        if low in lx.OBJECT_BEFORE_OF and v + 1 < hi and toks[v + 1].low == "of":
            continue  # 'two officers accused of assault': a passive participle, no speech act of theirs
        if _negated(toks, v, lo) or _passive(toks, v, lo) or _reduced_passive(toks, v, lo, hi):
            continue
        if low == "saying" and v - 2 >= lo and toks[v - 1].low == "as" and toks[v - 2].low == "quoted":
            m, _ = _subject_before(text, toks, v - 3, lo)
            if m is not None:
                cues.append(Cue(m, "quoted as saying", 1, t.start))
            continue
        beside = (
            naming_quote
            or _next_is_quote(toks, v + 1, hi, quotes)
            or (v > lo and _prev_is_quote_close(toks, v - 1, lo))
        )
        subject: Mention | None = None
        subordinate = False
        elided = False
        before_comma = v > lo and toks[v - 1].text in {",", "\u201d", '"', "''"}
        if (before_comma or v == lo) and low in _INVERTIBLE:
            subject = _subject_after(text, toks, v, hi)
            if subject is not None and v + 1 < hi:
                e = _forward_np(toks, v + 1, hi)
                beside = (
                    beside or (e < hi and _next_is_quote(toks, e, hi, quotes)) or _prev_is_quote_close(toks, v - 1, lo)
                )
        with_subject = False
        inverted = subject is not None
        if subject is None and low.endswith("ing") and v > lo and toks[v - 1].text == ",":
            # 'Ada Cole attacked Ben Roe, saying ...': the participle belongs to the clause's subject, not
            # to the noun before its comma
            clause = main_subject or _clause_subject(text, toks, v, lo, in_quote)
            if clause is not None and (beside or _reports_after(toks, v, hi)):
                subject, elided = clause, True
        if subject is None and v > lo:
            subject, k = _subject_before(text, toks, v, lo)
            with_subject = k - 1 >= lo and toks[k - 1].low == "with"
            if subject is not None and low.endswith("ing") and k - 1 >= lo and toks[k - 1].low in _OBJECT_PREPS:
                subject = None  # 'the request of the City asking ...': a participle modifying a noun
            if subject is not None:
                beside = beside or _prev_is_quote_close(toks, k - 1, lo)
                j0 = _skip_interrupters(toks, v, lo)
                if j0 > lo and toks[j0 - 1].low in {"who", "which"}:
                    subordinate = True  # 'the union, which argued ...': a relative clause's report
                back = _skip_according(toks, k - 1, lo)
                if back >= lo and (
                    toks[back].low in lx.SUBORDINATORS
                    or (toks[back].low in lx.SPEECH_VERBS and subject.kind == "pronoun")  # 'X said he believes'
                    or toks[back].low in {"what", "how", "why"}
                    or (toks[back].low in _CLAUSE_OPENERS and toks[back].low != "as")
                ):
                    subordinate = True
                    if _relative_clause(toks, back, lo):
                        continue  # 'the hostility that critics blame for ...': a noun's modifier
        via_doc = False
        if (
            not inverted
            and v > lo
            and not low.endswith("ing")
            and (subject is None or subject.generic or (research and not speech and not _research_subject(subject)))
        ):
            doc = _document_subject(text, toks, v, lo)
            if doc is not None:
                subject, subordinate, with_subject, via_doc = doc, False, False, True
        if subject is None and low.endswith("ing") and v > lo and toks[v - 1].low in _ELIDED_INTRO:
            subject, elided = main_subject or _clause_subject(text, toks, v, lo, in_quote), True
            if subject is not None and not (
                beside or _object_quote(toks, v, hi, quotes) or (speech and not weak and _reports_after(toks, v, hi))
            ):
                subject = None
        if subject is None and v - 1 > lo and not low.endswith("ing") and (speech or research):
            # 'Ada Cole toured the plant and said ...': a second verb of the clause's subject
            j = _skip_interrupters(toks, v, lo)
            if (
                j - 1 > lo
                and toks[j - 1].low in {"and", "but"}
                and toks[j - 2].text not in _CLAUSE_END
                and (beside or _takes_complement(toks, v, hi))
            ):
                subject = main_subject or _clause_subject(text, toks, j - 1, lo, in_quote)
                if subject is not None and subject.kind == "pronoun" and subject.name in {"i", "we", "you"}:
                    subject = None
                # inside an opening adverbial clause ('Although X ... and has said ..., Y said')
                subordinate = (
                    (toks[lo].low in _CLAUSE_OPENERS or toks[lo].low in lx.SUBORDINATORS)
                    and v - lo <= 80
                    and not any(toks[q].text == "," for q in range(lo, v))
                )
        if subject is None:
            continue
        # 'a message stating', 'the taxes requested in arrears': a common noun before a participle
        # modifies the noun; a generic subject needs the verb to take a clause or an object
        if (
            subject.generic
            and not elided
            and not inverted
            and not _closing_report(toks, v, lo, hi)
            and (
                (low.endswith("ing") and not with_subject)
                or not (
                    _takes_complement(toks, v, hi) or (low not in lx.NOUNLIKE_FORMS and _reports_after(toks, v, hi))
                )
            )
        ):
            continue
        if (
            suggestion
            and not speech
            and subject.kind in {"person", "org", "pronoun", "group"}
            and not subject.generic
            and not _common_word(subject)
        ):
            speech = True  # 'the senator suggested that ...' (but 'the data suggest' is a finding)
        if (
            research
            and not speech
            and subject.kind == "org"
            and not subject.generic
            and not _common_word(subject)
            and _clause_complement(toks, v, hi)
        ):
            speech = True  # 'The Harbor Times found that ...': an organisation reports a finding
        if research and not speech and not via_doc and not _research_subject(subject):
            continue
        if (
            weak
            and not speech
            and not beside
            and not (research and (via_doc or (subject.kind != "pronoun" and _research_subject(subject))))
        ):
            continue  # 'concluded' without a quotation: only for a study or its authors
        if low.endswith("ing") and not elided and not beside and main_subject is None:
            rank = 3
        else:
            rank = 3 if subordinate else (0 if (beside and has_quote) else (3 if elided else 1))
        if main_subject is None and not subordinate:
            main_subject = subject
        cues.append(Cue(subject, _cue_text(text, toks, v, hi), rank, t.start))
    return cues


_CLAUSE_END = _CLAUSE_PUNCT | {".", ","}


def _after_document(text: str, toks: list[Tok], v: int, lo: int) -> bool:
    """'Results of the trials show tall species ...': after a document subject a form that doubles as a
    noun is its verb, whatever follows (but not right after a determiner, possessive or preposition)."""
    if v <= lo or toks[v].low.endswith("ing"):
        return False
    prev = toks[v - 1]
    if prev.low in lx.DETERMINERS or prev.low in lx.ADJUNCT_OPENERS or is_possessive(toks, v - 1):
        return False
    return _document_subject(text, toks, v, lo) is not None


def _research_subject(m: Mention) -> bool:
    """Subjects for which 'found', 'showed', 'estimated' report a finding: documents, researchers."""
    head = base(m.name.split()[-1].lower()) if m.name else ""
    return m.kind in {"doc", "pronoun"} or m.document or head in lx.RESEARCH_SUBJECTS


def _skip_according(toks: list[Tok], k: int, lo: int) -> int:
    """Index of the token before the commas at k, and before a parenthetical ', according to X,' there:
    'boats which, according to AFP, the UN criticised' -- the clause still opens with 'which'."""
    while k >= lo and toks[k].text == ",":
        k -= 1
    for m in range(k - 1, max(lo, k - 12), -1):
        if toks[m].text in _CLAUSE_END or toks[m].text in _QMARKS:
            break
        if toks[m].low == "according" and toks[m + 1].low == "to" and toks[m - 1].text == ",":
            k = m - 1
            while k >= lo and toks[k].text == ",":
                k -= 1
            break
    return k


# Heads of a document subject ('A new study documenting ...', 'Results of the trials').
_DOC_SUBJECT_HEADS = wordset(
    "analysis assessment audit findings inquiry investigation paper poll report research results review study"
    " studies survey document documents memo records filing ad letter examination"
)
# Irregular past participles that may open a document's modifier ('A filing made public on Monday says').
_IRREGULAR_PARTICIPLES = wordset("made seen sent written given shown held taken read put set obtained")
# Words after which 'by X' names the document's author ('a paper by X', 'written by X').
_AUTHOR_BY = wordset("written authored published conducted compiled prepared led")
# Words that may open a post-modifier of the document noun up to its verb.
_DOC_MODIFIER_OPENERS = wordset("of by on into from about in for among across published")


def _document_subject(text: str, toks: list[Tok], v: int, lo: int) -> Mention | None:
    """The verb's subject is a document opening the sentence, whose modifiers run up to the verb:
    "X's recent analysis of ... concluded", "A report by X says", "Results of the trials, published in a
    paper by X, showed", "A new study documenting ... has revealed", "The results of the Named Study
    published ..., revealed". Its author speaks, else the named study it reports, else the phrase itself."""
    if v - lo > 45:
        return None  # bounded: a document subject is a short phrase
    i = lo
    while i < v and (toks[i].low in _CHUNK_SKIP or toks[i].text == ","):
        i += 1
    # the head noun: after determiners, adjectives and a possessive owner, within a few words
    h = i
    while h < v and h - i < 6:
        t = toks[h]
        if (not t.cap or h == i) and base(t.low) in _DOC_SUBJECT_HEADS:
            break
        if not (t.word or t.text in "'’") or t.low in _STOP_NP or t.low in lx.ADJUNCT_OPENERS:
            return None
        if not t.cap and (t.low in lx.SPEECH_VERBS or t.low in lx.RESEARCH_VERBS):
            return None
        h += 1
    else:
        return None
    if h >= v or is_possessive(toks, h):
        return None  # 'the study's authors said': the authors speak, as the ordinary subject rule finds
    end = v  # the verb group starts after its auxiliaries and adverbs
    while end > h + 1 and (toks[end - 1].low in lx.AUXILIARIES or toks[end - 1].low.endswith("ly")):
        end -= 1
    while end > h + 1 and toks[end - 1].text == ",":
        end -= 1
    # the words between head and verb must modify the head: prepositional phrases and participles, no
    # clause of their own (no finite verb, relative pronoun, quotation or clause punctuation)
    if end > h + 1:
        first = toks[h + 1]
        if not (
            first.low in _DOC_MODIFIER_OPENERS
            or (first.text == "," and h + 2 < end and toks[h + 2].low in _DOC_MODIFIER_OPENERS)
            or (not first.cap and first.low.endswith(("ing", "ed")))
            or first.low in _IRREGULAR_PARTICIPLES
        ):
            return None
    author: Mention | None = None
    named: Mention | None = None
    for k in range(h + 1, end):
        t = toks[k]
        if (
            t.text in _QMARKS
            or t.text in _CLAUSE_PUNCT
            or t.low in lx.FINITE_AUXILIARIES
            or t.low in lx.SUBORDINATORS
            or t.low in {"and", "or", "but"}
        ):
            return None
        if (
            t.text == ","
            and k + 1 < end
            and toks[k + 1].low not in _DOC_MODIFIER_OPENERS
            and not toks[k + 1].low.endswith(("ed", "ing"))
        ):
            return None
        if author is None and t.low == "by" and k - 1 >= h:
            prev = base(toks[k - 1].low)
            if k - 1 == h or prev in lx.DOCUMENT_NOUNS or prev in _AUTHOR_BY:
                e = _forward_np(toks, k + 1, end)
                m = _analyze(text, toks, k + 1, e) if e > k + 1 else None
                if m is not None and m.kind in {"person", "org", "group"} and not m.generic:
                    author = m
        if named is None and t.low == "of" and k - 1 == h:
            e = _forward_np(toks, k + 1, end)
            if e > k + 1 and base(toks[e - 1].low) in lx.DOCUMENT_NOUNS and toks[e - 1].cap:
                s = k + 2 if toks[k + 1].low == "the" else k + 1
                named = Mention(_span_text(text, toks, s, e), "org", pos=toks[s].start)
    if author is not None:
        return author
    if named is not None:
        return named
    if h == i:  # 'Results of ...' opening the sentence: a common noun, not a name
        return Mention(_span_text(text, toks, i, h + 1), "doc", pos=toks[i].start)
    m = _analyze(text, toks, i, h + 1)
    return m if m is not None and m.kind in {"doc", "person", "org"} else None


def _naming_complement(toks: list[Tok], v: int, hi: int, quotes: QuoteIndex, in_quote: set[int]) -> bool | None:
    """A naming verb's complement in its clause: True for a quotation ('dubbed it "X"'), False for 'as'
    or 'to' ('described him as', 'likened it to'), None for neither (a plain action)."""
    if v + 1 < hi and (toks[v + 1].text in _QMARKS or toks[v + 1].low == "as"):
        return None  # 'a phenomenon called "X"', 'a man described as': a participle without an object
    for k in range(v + 1, min(hi, v + 30)):
        t = toks[k]
        if k in in_quote or (t.text in _QMARKS and quotes.covering(t.start) is not None):
            return True
        if t.text in _CLAUSE_PUNCT - {":"} or t.text == "." or t.low in lx.FINITE_AUXILIARIES:
            return None
        if t.low == "as" or (t.low == "to" and toks[v].low.startswith("liken")):
            return False
    return None


def _common_word(m: Mention) -> bool:
    """A one-word subject that is a common noun capitalised at the start of a sentence ('Estimates')."""
    low = m.name.lower()
    return " " not in low and (low in lx.NOUNLIKE_FORMS or base(low) in lx.DOCUMENT_NOUNS)


def _relative_clause(toks: list[Tok], rel: int, lo: int) -> bool:
    """'the ban that critics blame', 'a rule which officials defend': a relative pronoun right after a
    common noun opens a clause modifying that noun, not a report of the sentence."""
    if toks[rel].low not in {"that", "which", "whom"} or rel - 1 < lo:
        return False
    prev = toks[rel - 1]
    low = prev.low
    return (
        prev.word
        and low not in lx.SPEECH_VERBS
        and low not in lx.BELIEF_VERBS
        and low not in lx.WEAK_VERBS
        and low not in lx.RESEARCH_VERBS
        and low not in lx.SUBORDINATORS
        and low not in lx.AUXILIARIES
        and base(low) not in lx.SAID_NOUNS
        and not low.endswith(("ed", "ly"))
    )


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})


def _clause_complement(toks: list[Tok], v: int, hi: int) -> bool:
    """A that-clause or a finite clause after a belief verb: 'fear that ...', 'thinks the plan will fail',
    'believes she is right', 'agreed with the mayor that ...'; not 'fear the worst', 'expect him to win',
    'agreed to pay'."""
    k = v + 1
    while k < hi and _adverb(toks[k].low) and not toks[k].cap:
        k += 1
    if k >= hi:
        return False
    nxt = toks[k]
    if nxt.low == "that" or nxt.low in {"how", "whether"}:
        return True
    if nxt.low == "with":
        for m in range(k + 1, min(hi, k + 10)):
            if toks[m].low == "that":
                return True
            if toks[m].text in _CLAUSE_END:
                return False
        return False
    if nxt.low in _SUBJECT_PRONOUNS:
        return k + 1 < hi and toks[k + 1].word and not toks[k + 1].cap and toks[k + 1].low not in {"to", "and", "or"}
    # a noun phrase (a name, or a determiner and up to three words) followed by a finite auxiliary
    m = k
    if nxt.low in lx.DETERMINERS and nxt.low != "that":
        m += 1
        while m < hi and m - k <= 3 and toks[m].word and toks[m].low not in lx.FINITE_AUXILIARIES:
            m += 1
    elif nxt.cap:
        while m < hi and (toks[m].cap or toks[m].text in "'’") and m - k < 5:
            m += 1
    else:
        return False
    return m > k and m < hi and toks[m].low in lx.FINITE_AUXILIARIES


def _said_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'dismissed (the) allegations', 'rejected Smith's claims that', 'disputed that': the object is
    something said; 'dismissed the case', 'rejected the bill' are plain actions."""
    if v + 1 < hi and toks[v + 1].low == "that":
        return True
    for k in range(v + 1, min(hi, v + 6)):
        t = toks[k]
        if base(t.low) in lx.SAID_NOUNS and not t.cap:
            return True
        if not (t.word or t.text in "'’") or t.low in lx.ADJUNCT_OPENERS or t.low in _STOP_NP:
            return False
    return False


def _publishes_statement(toks: list[Tok], v: int, hi: int) -> bool:
    """'issued a statement', 'released a joint communique', 'posted an announcement'."""
    for k in range(v + 1, min(hi, v + 5)):
        low = base(toks[k].low)
        if low in lx.STATEMENT_NOUNS:
            return True
        if not toks[k].word or low in lx.SUBORDINATORS:
            return False
    return False


def _clause_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'claimed (that) the company had lied' takes a clause; 'claimed the lives of', 'conceded a penalty'
    take a plain object: after a determiner, a finite verb must follow within a few words."""
    if v + 1 >= hi or toks[v + 1].low not in lx.DETERMINERS or toks[v + 1].low == "that":
        return True
    for k in range(v + 2, min(hi, v + 7)):
        if toks[k].low in lx.FINITE_AUXILIARIES:
            return True
        if toks[k].text in _CLAUSE_END:
            return False
    return False


def _takes_complement(toks: list[Tok], v: int, hi: int) -> bool:
    """'wrote that', 'reasoned, "..."', 'admitted to being', 'asked whether': a reported clause or
    quotation follows; 'requested in arrears', 'written by', 'report their results' are no report."""
    k = v + 1
    while k < hi and toks[k].low in {"also", "again", "publicly", "openly", "repeatedly"}:
        k += 1
    if k >= hi:
        return False
    nxt = toks[k]
    if nxt.text in {",", ":"}:
        return k + 1 < hi and toks[k + 1].text in _QMARKS
    if nxt.low in {"that", "to", "how", "what", "why", "whether", "if"} or nxt.text in _QMARKS:
        return True
    if lx.SPEECH_VERBS.get(toks[v].low) in _OBJECT_VERBS:
        return False  # 'banks report their results', 'requested donations': an object, no reported clause
    return nxt.low in lx.DETERMINERS or nxt.low in lx.PRONOUNS or (nxt.cap and is_name_word(nxt))


def _verb_context(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """A form that doubles as a noun ('states', 'claims', 'report') is a verb only when a clause,
    a quotation or 'that' follows and no determiner, possessive or 'have' comes right before."""
    if v > lo:
        prev = toks[v - 1]
        if prev.low in lx.DETERMINERS or is_possessive(toks, v - 1) or prev.low in {"have", "has", "had"}:
            return False
        if prev.cap and not is_name_word(prev) and prev.low not in lx.PRONOUNS:
            return False
        if (
            v - 2 >= lo
            and not prev.cap
            and prev.word
            and prev.low not in lx.AUXILIARIES
            and base(prev.low) not in lx.DOCUMENT_NOUNS
            and base(prev.low) not in lx.GROUP_NOUNS
            and base(prev.low) not in lx.RESEARCH_SUBJECTS
            and (toks[v - 2].low in lx.DETERMINERS or is_possessive(toks, v - 2))
        ):
            return False  # 'his legislative requests', 'every battleground state': an adjective, a noun
    if v + 1 >= hi:
        return False
    nxt = toks[v + 1]
    return (
        nxt.low in {"that", ",", ":"}
        or nxt.text in _QMARKS
        or nxt.low in lx.DETERMINERS
        or nxt.low in lx.PRONOUNS
        or nxt.low in {"on", "for"}
        or (nxt.cap and is_name_word(nxt))
    )


_AUDIENCE_WORDS = frozenset(
    {"reporters", "journalists", "supporters", "voters", "the", "an", "a", "his", "her", "their"}
)


def _reports_after(toks: list[Tok], v: int, hi: int) -> bool:
    """After a speech participle ('..., saying the plan had failed', 'telling reporters ...', 'stating on
    television that ...'): a reported clause, an audience, or 'that' a few words on."""
    if _takes_complement(toks, v, hi):
        return True
    if v + 1 < hi and toks[v].low.startswith("tell") and toks[v + 1].low in _AUDIENCE_WORDS:
        return True
    for k in range(v + 1, min(hi, v + 10)):
        if toks[k].low == "that":
            return True
        if toks[k].text in _CLAUSE_END:
            return False
    return False


def _clause_subject(
    text: str, toks: list[Tok], v: int, lo: int, quoted: set[int] | frozenset[int] = frozenset()
) -> Mention | None:
    """Subject of the main clause that v belongs to ('Sunak defended ..., promising ...', 'Ada Cole did
    not seem impressed, telling ...', 'Lee was quick to praise the mayor after he won and said ...'): the
    first finite verb after the clause's start (past an opening adverbial up to its comma). Looks at a
    bounded stretch, so a huge sentence stays linear."""
    floor = max(lo, v - 80)
    start = v
    while start > floor and toks[start - 1].text not in {";", ":"}:
        start -= 1
    while True:  # past opening adverbials: 'Later on Sunday, ...', 'In June, after X won, ...'
        comma = next((k for k in range(start, v) if toks[k].text == ","), None)
        if comma is None or _chunk_kind(toks, start, comma) != "adjunct":
            break
        start = comma + 1
    for k in range(start + 1, v):
        t = toks[k]
        if not t.word or t.cap or k in quoted:
            continue
        if not (t.low.endswith(("ed", "es", "s")) or t.low in lx.FINITE_AUXILIARIES or t.low.endswith(("n't", "n’t"))):
            continue
        p = k - 1
        while p > start and (toks[p].low in lx.AUXILIARIES or _adverb(toks[p].low)):
            p -= 1
        if toks[p].cap or toks[p].low in lx.PRONOUNS or base(toks[p].low) in lx.GROUP_NOUNS:
            m, _ = _subject_before(text, toks, k, start)
            return m if m is not None and m.kind in {"person", "org", "pronoun", "group"} else None
    return None


def _object_quote(toks: list[Tok], v: int, hi: int, quotes: QuoteIndex) -> bool:
    """'promising a "formal update"': a quotation as the verb's object, one word away at most."""
    k = v + 1
    if k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    return _next_is_quote(toks, k, hi, quotes)


# --------------------------------------------------------------------------------------------------
# resolution


# How many distinct people a pronoun looks back over when no mention nearby fits it.
_PRONOUN_LOOKBACK = 200


class _Resolver:
    def __init__(
        self, text: str, names: NameIndex, quotes: QuoteIndex, sentences: list[Sentence], toks: list[Tok]
    ) -> None:
        self.text = text
        self.names = names
        self.quotes = quotes
        self.sentences = sentences
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.history: list[tuple[int, str, str, str | None]] = []  # (sentence no, name, kind, gender)
        # the people of history, most recently remembered last: a pronoun looks back over distinct
        # people, not over every sentence, so that an article of thousands of 'he said' stays linear
        self.recent_people: dict[str, None] = {}
        self.groups: list[str] = []

    def resolve(self, m: Mention, sent_no: int, toks: list[Tok]) -> str | None:
        if m.kind == "pronoun":
            return self._pronoun(m, sent_no, toks)
        if m.kind == "doc":
            return self.names.document_name(m.pos) or m.name
        if m.kind == "quantity":  # 'Sixty percent of voters': the poll's share, as written
            return m.name
        if m.kind == "group" and m.name.lower().startswith("the "):
            # a definite description of a person named before with that title: 'the premier'
            head = base(m.name.split()[-1].lower())
            if head in lx.TITLES or head in lx.DESCRIPTION_HEADS:
                named = self.names.titled_person(head, m.pos)
                if named is not None:
                    m.kind, m.generic = "person", False  # remembered as that person for 'he'/'she'
                    return named
        if m.kind == "group":
            head = m.name.split()[-1].lower()
            for g in reversed(self.groups):
                if g.split()[-1].lower() == head and len(g) > len(m.name):
                    return g
            return m.name
        name = m.name
        if m.kind == "person" or (len(name.split()) == 1 and not is_acronym(name)):
            name = self.names.fullest(name, m.pos, m.titled)
        elif len(name.split()) == 1:
            name = self.names.fullest(name, m.pos)
        if m.kind == "org" and len(name.split()) == 1 and not is_acronym(name):
            name = self.names.fullest_org(name, m.pos)
        return name

    def remember(self, name: str, m: Mention, sent_no: int) -> None:
        kind = m.kind
        if kind == "pronoun":
            kind = {"he": "person", "she": "person", "they": "group", "it": "org"}.get(m.name, "person")
            if m.name in {"he", "she"}:
                self.names.vote(name, "m" if m.name == "he" else "f")
        gender = self.names.gender(name, list(m.title_words)) if kind == "person" else None
        if kind == "person" and gender is None:
            for w in m.title_words:
                if w in lx.FEMALE_WORDS:
                    gender = "f"
                elif w in lx.MALE_WORDS:
                    gender = "m"
            if gender:
                self.names.vote(name, gender)
        if m.generic and not name.lower().endswith("s"):
            kind = "thing"  # 'The book', 'The poster': never the antecedent of 'they'
        self.history.append((sent_no, name, kind, gender))
        if kind == "person":
            self.recent_people.pop(name, None)
            self.recent_people[name] = None
        if kind == "group":
            self.groups.append(name)

    def _pronoun(self, m: Mention, sent_no: int, toks: list[Tok]) -> str | None:
        p = m.name
        if p in {"he", "she"}:
            want = "m" if p == "he" else "f"
            # people the pronoun's own quotation talks about are not its speaker ('He said, "Andy
            # Warhol was ..."'); a person introduced as the subject or topic of the sentence before
            # comes first ('Tom Reed won the Man of the Match award. He said'); then the current speaker
            # goes on speaking ('..., he said' a sentence or two later); then the most recent person named
            # outside quotations, of a compatible gender
            sent = self.sentences[sent_no]
            quoted = {
                person.name
                for x, person in self.names.mentions_between(sent.start, sent.end)
                if self.quotes.covering(x) is not None
            }
            # 'Lee went after Roe at the debate, when he called him ...': the person the pronoun's own
            # sentence opens with, then the one the sentence before opens with
            prev = self._subject_before(sent_no + 1, want, quoted, before=m.pos) or self._subject_before(
                sent_no, want, quoted
            )
            if prev is not None:
                return prev
            if self.history:
                # the current speaker goes on speaking: "..., he said" a sentence or two later
                last_no, name, kind, _ = self.history[-1]
                g = self.names.gender(name)
                if kind == "person" and sent_no - last_no <= 2 and g in (None, want) and name not in quoted:
                    return name
            best = None
            k = bisect_left(self.names.mention_starts, m.pos)
            for x, person in reversed(self.names.mentions[max(0, k - 200) : k]):
                if person.gender in (None, want) and person.name not in quoted and self.quotes.covering(x) is None:
                    best = (x, person.name)
                    break
            if best is not None:
                return best[1]
            # the most recent person of history of a compatible gender, among the last few hundred
            for tried, name in enumerate(reversed(self.recent_people)):
                if tried >= _PRONOUN_LOOKBACK:
                    break
                if self.names.gender(name) in (None, want):
                    return name
            return None
        if p == "they":
            for no, name, kind, _ in reversed(self.history):
                if kind == "group":
                    return name
                if sent_no - no > 6:
                    break
            # an organisation spoken of in the plural ('the Church denied ... They also claimed')
            for no, name, kind, _ in reversed(self.history):
                if sent_no - no > 3:
                    break
                if kind == "org":
                    return name
            return None
        if p == "it":
            for no, name, kind, _ in reversed(self.history):
                if kind == "org":
                    return name
                if sent_no - no > 4:
                    break
            return None
        return None

    def _subject_before(self, sent_no: int, want: str, skip: set[str], before: int | None = None) -> str | None:
        """The person the sentence before opens with ('Tom Reed won ...', 'For Ken Ash, ...', 'Coach Ada
        Li said'), if of a compatible gender: only capitalised words, titles, determiners and prepositions
        come before the name. With ``before``, the person the sentence ``sent_no - 1`` opens with ahead of
        that position (the pronoun's own sentence)."""
        if sent_no == 0:
            return None
        sent = self.sentences[sent_no - 1]
        first = next(
            ((x, p) for x, p in self.names.mentions_between(sent.start, sent.end) if self.quotes.covering(x) is None),
            None,
        )
        if first is None or (before is not None and first[0] >= before):
            return None
        pos, person = first
        if before is not None:
            at = bisect_left(self.starts, pos)
            q = at
            while q + 1 < len(self.toks) and self.toks[q + 1].cap and q - at < 4:
                q += 1  # the last word of the name as written here
            if is_possessive(self.toks, q) or (at > 0 and self.toks[at - 1].low in lx.ADJUNCT_OPENERS):
                return None  # "On Lee's claim, ..." or "After Lee won, ...": not the clause's subject
        k = bisect_left(self.starts, sent.start)
        while k < len(self.toks) and self.toks[k].start < pos:
            t = self.toks[k]
            if not (
                t.cap
                or is_title(t)
                or not t.word
                or t.low in lx.DETERMINERS
                or t.low in lx.ADJUNCT_OPENERS
                or t.low in _CHUNK_SKIP
            ):
                return None
            k += 1
        return person.name if person.gender in (None, want) and person.name not in skip else None


# --------------------------------------------------------------------------------------------------
# the stage


def attribute(text: str, sentences: list[Sentence]) -> list[Attribution]:
    """One Attribution per sentence, in order."""
    if not sentences:
        return []
    quotes = QuoteIndex(text)
    all_toks = tokenize(text)
    names = NameIndex(text, _body_tokens(all_toks, sentences))
    resolver = _Resolver(text, names, quotes, sentences, all_toks)
    own_names = _publication_names(all_toks)
    starts = resolver.starts

    results: list[Attribution] = []
    quote_speaker: dict[int, tuple[str, str | None]] = {}  # chain id -> (speaker, role)
    sent_quotes: list[list[Quote]] = []
    own: list[bool] = []
    for n, sent in enumerate(sentences):
        lo = bisect_left(starts, sent.start)
        hi = bisect_left(starts, sent.end)
        toks = all_toks
        in_quote = _quote_mask(toks, lo, hi, quotes)
        qs = quotes.within(sent.start, sent.end)
        words = quotes.words(sent.start, sent.end)
        typed = _typewriter_quotes(toks, lo, hi, in_quote)
        cues = _sentence_cues(text, toks, lo, hi, in_quote, quotes, bool(qs) or typed)
        if own_names:
            cues = [c for c in cues if c.mention.name not in own_names]
        cue = min(cues, key=lambda c: (c.rank, c.pos)) if cues else None
        if cue is not None and (cue.mention.document or cue.mention.kind == "quantity"):
            # 'records show ..., according to X': a document without an author yields to a named source
            cue = min((c for c in cues if c.rank == 2), key=lambda c: c.pos, default=cue)
        if cue is not None and cue.mention.kind == "pronoun" and cue.mention.name in {"he", "she"}:
            # 'X acknowledged that ... - "...," he said': the pronoun is the person who already spoke in
            # this sentence, when the gender allows
            want = "m" if cue.mention.name == "he" else "f"
            named = next(
                (c for c in sorted(cues, key=lambda c: c.pos) if c.pos < cue.pos and c.mention.kind == "person"),
                None,
            )
            if named is not None:
                name = resolver.resolve(named.mention, n, toks)
                if name and names.gender(name, list(named.mention.title_words)) in (None, want):
                    cue = Cue(named.mention, cue.verb, cue.rank, cue.pos)
        speaker = role = None
        if cue is not None:
            speaker = resolver.resolve(cue.mention, n, toks)
            role = cue.mention.role
            if speaker:
                resolver.remember(speaker, cue.mention, n)
                for q in qs:
                    if cue.rank == 0 or q.chain not in quote_speaker:
                        quote_speaker.setdefault(q.chain, (speaker, role))
        kind: ClaimKind = "statement"
        if speaker:
            kind = "direct_quote" if words else "reported_speech"
        results.append(
            Attribution(speaker, role if speaker else None, words, kind, cue.verb if speaker and cue else None)
        )
        sent_quotes.append(qs)
        own.append(bool(speaker))
    # Sentences without a cue of their own, in order: a sentence inside a quotation attributed
    # elsewhere takes its speaker; a sentence that is wholly a quotation continues the speaker of the
    # sentence before it, or of an earlier sentence of its paragraph with only unattributed sentences
    # between (news style: 'X said Y. "Quote."', 'X admitted Y. Why? "Quote."'), and so does the rest of
    # its quotation; the paragraph after a cue that ends its paragraph with a colon is the announced
    # statement ('The Church denied the allegations:' + a paragraph), quoted or not.
    announced: tuple[int, tuple[str | None, str | None]] | None = None  # (paragraph, speaker)
    for n in range(len(sentences)):
        sent = sentences[n]
        if own[n]:
            if _ends_with_colon(text, sent) and (
                n + 1 == len(sentences) or sentences[n + 1].paragraph != sent.paragraph
            ):
                announced = (sent.paragraph + 1, (results[n].speaker, results[n].role))
            continue
        found: tuple[str | None, str | None] | None = next(
            (quote_speaker[q.chain] for q in sent_quotes[n] if q.chain in quote_speaker), None
        )
        if found is None and _wholly_quoted(text, sent, sent_quotes[n]):
            k = n - 1
            while k >= 0 and not own[k] and sentences[k].paragraph == sent.paragraph:
                k -= 1
            if k >= 0 and own[k] and (k == n - 1 or sentences[k].paragraph == sent.paragraph):
                found = (results[k].speaker, results[k].role)
        if found is None and announced is not None and announced[0] == sent.paragraph:
            found = announced[1]
        if found is None:
            continue
        speaker, role = found
        if speaker is None:
            continue
        results[n] = Attribution(
            speaker, role, results[n].quote, "direct_quote" if results[n].quote else "reported_speech", None
        )
        own[n] = True
        for q in sent_quotes[n]:
            quote_speaker.setdefault(q.chain, (speaker, role))
    return results


_SELF_MARKERS = (("has", "learned"), ("has", "learnt"), ("have", "learned"), ("reporters",), ("reporter",))


def _publication_names(toks: list[Tok]) -> set[str]:
    """Names the article uses for its own publication ('Wikinews has learned', 'Wikinews reporters'):
    the reporter's own observations are not attributed claims."""
    found = set()
    for k, t in enumerate(toks):
        if (
            t.cap
            and not is_title(t)
            and is_name_word(t)
            and k + 1 < len(toks)
            and toks[k + 1].low in {"has", "have", "reporters", "reporter"}
        ):
            if k > 0 and (toks[k - 1].cap and toks[k - 1].word):
                continue  # only a one-word name ('Wikinews'), not the end of a longer one
            for marker in _SELF_MARKERS:
                if tuple(x.low for x in toks[k + 1 : k + 1 + len(marker)]) == marker:
                    found.add(t.text)
    return found


def _ends_with_colon(text: str, sent: Sentence) -> bool:
    return text[sent.start : sent.end].rstrip().endswith(":")


def _quote_mask(toks: list[Tok], lo: int, hi: int, quotes: QuoteIndex) -> set[int]:
    """Indices of the sentence's tokens that are quoted words (cues are never looked for there)."""
    inside = set()
    for k in range(lo, hi):
        q = quotes.covering(toks[k].start)
        if q is not None and q.start <= toks[k].start < q.end:
            inside.add(k)
    return inside


def _body_tokens(toks: list[Tok], sentences: list[Sentence]) -> list[Tok]:
    """The tokens inside the body sentences: the headline and other furniture are kept out of the name
    index, so 'Mayor Lee Slams Budget Plan' never becomes Lee's fullest name. One pass over both lists."""
    out: list[Tok] = []
    s = 0
    for t in toks:
        while s < len(sentences) and sentences[s].end <= t.start:
            s += 1
        if s == len(sentences):
            break
        if sentences[s].start <= t.start:
            out.append(t)
    return out


def _typewriter_quotes(toks: list[Tok], lo: int, hi: int, inside: set[int]) -> bool:
    """Add the words between typewriter double quotes ('' or ``) of the sentence to ``inside`` (no cue is
    looked for there); an odd mark at the start opens a quotation running to the end, one later closes
    a quotation begun in an earlier sentence. Returns whether the sentence has such marks."""
    found = False
    start: int | None = None  # index after the opening mark of the quotation under way
    for k in range(lo, hi):
        t = toks[k]
        if t.text not in {"''", "``"}:
            continue
        found = True
        opening = (k == lo or t.start > toks[k - 1].end) and k + 1 < hi and toks[k + 1].start == t.end
        if t.text == "``" or (opening and start is None):
            start = k + 1
        else:  # a closing mark: the quotation began at its opening mark, or before the sentence
            inside.update(range(lo if start is None else start, k))
            start = None
    if start is not None:
        inside.update(range(start, hi))
    return found


def _wholly_quoted(text: str, sent: Sentence, qs: list[Quote]) -> bool:
    if not qs:
        return False
    outside = 0
    pos = sent.start
    for q in qs:
        outside += sum(1 for c in text[pos : q.start] if c.isalnum())
        pos = max(pos, q.end)
    outside += sum(1 for c in text[pos : sent.end] if c.isalnum())
    return outside == 0
