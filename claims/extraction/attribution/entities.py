"""Entities: descriptions that stand for a person the article has already named.

A news article names a person once and then refers back to them by a description: a title ('the
premier', linked through ``NameIndex.titled``), or an age ('the 54-year-old', 'the 31-year-old nurse').
An age description never introduces a new person in reporting English: it is the person the discourse
is about, the subject the sentence before opened with, else the person last named outside quotations.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon as lx
from ..names import Tok, base, is_possessive
from ..normalize import wordset

# Heads of an age description: '54-year-old', 'the six-month-old', 'a 3-week-old'.
_AGE_UNITS = ("year-old", "month-old", "week-old", "day-old", "years-old")


def is_age_word(t: Tok) -> bool:
    """'year-old' of '54-year-old' (tokenised as '54', '-', 'year-old') or a spelled-out 'six-year-old'."""
    return t.low.endswith(_AGE_UNITS)


def age_start(toks: list[Tok], k: int) -> int | None:
    """Index of the first token of the age modifier ending at toks[k] ('54 - year-old' -> the '54'), or
    None when toks[k] is no age word."""
    t = toks[k]
    if not is_age_word(t):
        return None
    if t.low[:1].isalpha() and t.low not in _AGE_UNITS:
        return k  # spelled out in one token: 'six-year-old'
    if (
        k >= 2
        and toks[k - 1].text in "-‑–"
        and toks[k - 1].start == toks[k - 2].end
        and toks[k - 1].end == t.start
        and toks[k - 2].low[:1].isdigit()
    ):
        return k - 2
    return None


def is_age_description(words: list[str]) -> bool:
    """A definite description carrying an age: 'the 54-year-old', 'The 31-year-old nurse'."""
    return bool(words) and words[0].lower() == "the" and any(w.lower().endswith(_AGE_UNITS) for w in words[1:])


# -- unnamed people: descriptions the pronoun chain can use ------------------------------------------
# A person or group the article never names is still the antecedent of a pronoun: 'The mayor arrived
# late. She said ...', 'The researchers published the paper. They said ...'. Only a description that is
# the subject of its sentence counts, and only when its head is a person noun or title.

# Listed titles and nouns that only modify a head, are abbreviations, or name an organisation or a thing
# rather than a person ('the former', 'the general strike', 'the campaign'): never a person head.
_NOT_PERSON_HEADS = wordset(
    """
acting adm associate campaign camp capt cmdr co- col count crown dr emeritus ex executive former gen general
head her herself him himself his incoming interim junior lady late lt maj major member miss mr mrs ms mx
outgoing private prof rep rev sen senior sgt shadow she he sir then top under-secretary vice
"""
)
# Collective nouns: organisations ('the ministry', 'the company'), not people; the antecedent of 'it'.
_COLLECTIVE = wordset(
    """
administration agency alliance army association bank board cabinet campaign charity church coalition
commission committee company council court department embassy federation firm foundation government group
hospital institute media military ministry navy network newspaper ngo office opposition organisation
organization parliament party regulator school senate staff team union university watchdog broadcaster
coastguard authority bureau airline insurer lender retailer utility trust
"""
)
_FAMILY = (lx.FEMALE_WORDS | lx.MALE_WORDS) - _NOT_PERSON_HEADS
_SINGULAR_PERSON = frozenset(
    w
    for w in (lx.TITLES | lx.DESCRIPTION_HEADS | lx.PERSON_NOUNS | lx.ENTOURAGE_NOUNS | lx.GROUP_NOUNS | _FAMILY)
    if "." not in w
    and w not in _NOT_PERSON_HEADS
    and w not in _COLLECTIVE
    and w not in lx.TITLE_ABBREVIATIONS
    and (not w.endswith("s") or w.endswith("ss"))
    and not w.endswith(("men", "people"))
)
_IRREGULAR_PLURALS = wordset("people men women children police authorities spokespeople spokesmen")


def _plural_of(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


_PLURAL_PERSON = (
    frozenset(_plural_of(w) for w in _SINGULAR_PERSON)
    | _IRREGULAR_PLURALS
    | frozenset(
        w
        for w in (lx.GROUP_NOUNS | lx.SOURCE_HEADS)
        if w.endswith("s") and not w.endswith("ss") and w not in _NOT_PERSON_HEADS
    )
)


def person_head(word: str) -> str | None:
    """'s' for a singular person head ('mayor', 'actress'), 'p' for a plural one ('researchers', 'police'),
    else None (organisations, things, title modifiers)."""
    if word in _SINGULAR_PERSON:
        return "s"
    if word in _PLURAL_PERSON:
        return "p"
    return None


def description_head(word: str) -> str | None:
    """As person_head, and 'o' for an organisation's collective noun ('company', 'ministry')."""
    found = person_head(word)
    if found is None and word in _COLLECTIVE and word not in {"staff", "media"}:
        return "o"
    return found


def noun_gender(words: list[str]) -> str | None:
    """The gender a description's nouns carry ('the actress' f, 'the father of two' m, 'the mayor' None)."""
    for w in words:
        if w in lx.FEMALE_WORDS and w not in lx.GENDERED_PRONOUNS:
            return "f"
        if w in lx.MALE_WORDS and w not in lx.GENDERED_PRONOUNS:
            return "m"
    return None


@dataclass(frozen=True, slots=True)
class Described:
    """An unnamed person or group opening a sentence as its subject ('The mayor', 'the researchers')."""

    pos: int
    end: int
    name: str
    plural: bool
    gender: str | None
    head: str
    org: bool = False  # an organisation's collective noun ('The ministry'): 'it', never 'he' or 'she'


_ARTICLES = frozenset({"the", "a", "an"})
_LEADING_CONJUNCTIONS = frozenset({"and", "but", "so", "then", "yet", "meanwhile", "also", "still"})


def subject_description(text: str, toks: list[Tok], lo: int, hi: int) -> Described | None:
    """The description the clause at toks[lo:hi] opens with as its subject ('The mayor arrived late',
    'On Monday, the researchers published', 'A retired nurse from Riverton said'), or None. Looks at a
    dozen tokens at most: an opening adjunct up to a comma, an article, modifiers, the person head, and an
    'of'-phrase of capitalised words ('the mayor of Riverton')."""
    k = lo
    while k < hi and toks[k].low in _LEADING_CONJUNCTIONS:
        k += 1
    if k + 1 < hi and toks[k].low in lx.CHUNK_SKIP and toks[k + 1].low in _ARTICLES:
        k += 1  # 'Later the principal ...', 'Meanwhile the police ...'
    if (
        k < hi
        and toks[k].low not in _ARTICLES
        and (toks[k].low in lx.ADJUNCT_OPENERS or toks[k].low in lx.LEADING_SKIP or toks[k].low in lx.TIME_OPENERS)
    ):
        # 'On Monday, the mayor ...', 'Later, the police ...': the adjunct ends at a comma
        c = next((x for x in range(k, min(hi, k + 7)) if toks[x].text == ","), None)
        if c is None:
            return None
        k = c + 1
    if k < hi and toks[k].low not in _ARTICLES:
        return _bare_plural(text, toks, k, hi)
    if k >= hi:
        return None
    d = k
    h = None
    for x in range(d + 1, min(hi, d + 5)):
        t = toks[x]
        if not t.word:
            break
        kind = description_head(base(t.low))
        if kind is not None and not (t.cap and x > d + 1 and x + 1 < hi and toks[x + 1].cap):
            h = x
            break
        if t.low in lx.DETERMINERS or t.low in lx.AUXILIARIES or t.low in lx.SPEECH_VERBS or is_possessive(toks, x):
            return None  # 'The plan was ...', "The city's mayor": no person head before the verb
        if not t.low.replace("-", "").isalpha():
            return None
    if h is None:
        return None
    # compounds: 'the police officer', 'the union leaders', 'the mayor's aide'
    while h + 1 < hi and description_head(base(toks[h + 1].low)) is not None and not toks[h + 1].cap:
        h += 1
    if is_possessive(toks, h):
        return None  # "The mayor's office said": the office speaks
    end = h
    nxt = toks[h + 1] if h + 1 < hi else None
    if nxt is not None and nxt.low in {"of", "for", "at", "from", "in"}:
        # 'the mayor of Riverton', 'the spokesman for the Harbor Trust': capitalised words only
        y = h + 2
        if y < hi and toks[y].low == "the":
            y += 1
        z = y
        while z < hi and z - y < 4 and toks[z].cap and toks[z].word:
            z += 1
        if z == y and base(toks[h].low) in lx.SPEAKS_FOR_NOUNS:
            # 'A spokeswoman for the utility said': the body she speaks for, in up to three lowercase words
            while z < hi and z - y < 3 and toks[z].word and not toks[z].cap and not _verb_follows(toks[z], False):
                z += 1
        if z > y:
            end = z - 1
        nxt = toks[end + 1] if end + 1 < hi else None
    if nxt is not None and nxt.text == "," and end + 2 < hi and toks[end + 2].cap:
        return None  # 'An avid fan, Ivo Tamm said ...': the description is the named person's apposition
    if nxt is None or not _verb_follows(nxt, person_head(base(toks[h].low)) == "p"):
        return None  # 'The mayor and her aides', 'The mayor Ann Lee', 'the liberal party': no subject
    if toks[d].low != "the" and nxt.low == "who":
        return None  # 'A president who ended two wars ...': a kind of person, not someone new
    words = [base(t.low) for t in toks[d + 1 : end + 1]]
    head = base(toks[h].low)
    plural = person_head(head) == "p"
    org = description_head(head) == "o"
    if toks[d].low != "the" and (plural or org):
        return None  # 'a few officials', 'a company': no plural or organisation after 'a'
    if is_age_description([toks[d].text, *words]):
        return None  # 'The 54-year-old': the person named before (see the pronoun chain)
    return Described(
        toks[d].start,
        toks[end].end,
        text[toks[d].start : toks[end].end],
        plural,
        None if plural or org else noun_gender(words),
        head,
        org,
    )


def _bare_plural(text: str, toks: list[Tok], k: int, hi: int) -> Described | None:
    """A plural of people with no article opening the clause as its subject: 'Local farmers met the
    minister', 'Two nurses walked out', 'Dock workers voted' (the antecedent of 'they' a sentence later). A
    quantity word and up to three lowercase modifiers may stand before the head; a capitalised word only
    where it opens the clause ('Retired teachers'), never a name ('Harbor Union members')."""
    x = k
    if toks[x].low in lx.QUANTIFIER_PRONOUNS or toks[x].low in lx.QUANTITY_WORDS:
        x += 1
    h = None
    for q in range(x, min(hi, x + 4)):
        t = toks[q]
        if not t.word or not t.low.replace("-", "").isalpha() or (t.cap and q > k) or is_possessive(toks, q):
            return None
        if (
            t.low in lx.DETERMINERS
            or t.low in lx.AUXILIARIES
            or t.low in lx.SPEECH_VERBS
            or t.low in lx.ADJUNCT_OPENERS
            or t.low in _LEADING_CONJUNCTIONS
        ):
            return None
        if person_head(base(t.low)) == "p":
            h = q
            break
        if t.low.endswith("s") and not t.low.endswith("ss"):
            return None  # 'Opinions among older voters': a plural noun heads the phrase before its modifier
    if h is None:
        return None
    end = h
    if h + 2 < hi and toks[h + 1].low in {"of", "from", "in", "at"}:
        # 'Residents of Dover met', 'Nurses from the city hospital said': a short place or body phrase,
        # up to the verb (four words at most)
        y = h + 3 if toks[h + 2].low == "the" else h + 2
        z = next((q for q in range(y, min(hi, y + 4)) if _verb_follows(toks[q], True)), None)
        if z is None or z == y or not all(t.word and t.low.replace("-", "").isalpha() for t in toks[y:z]):
            return None
        end = z - 1
    nxt = toks[end + 1] if end + 1 < hi else None
    if nxt is not None and nxt.text == "," and end + 2 < hi and toks[end + 2].low in lx.EXAMPLE_ASIDE_OPENERS:
        # 'Farmers, including the Vale Growers Union, warn ...': an aside naming some of them; the plural
        # stays the subject
        return Described(
            toks[k].start, toks[end].end, text[toks[k].start : toks[end].end], True, None, base(toks[h].low)
        )
    if nxt is None or nxt.text in _AFTER_SUBJECT or not _verb_follows(nxt, True):
        return None  # 'Farmers and traders', 'Nurses, who ...': no simple subject to read
    return Described(toks[k].start, toks[end].end, text[toks[k].start : toks[end].end], True, None, base(toks[h].low))


# Words that may follow a subject description: its verb, an auxiliary, an adverb, a comma before an
# apposition or relative clause ('The mayor, who ...').
_AFTER_SUBJECT = frozenset({",", "—", "–", "who"})


def _verb_follows(t: Tok, plural: bool) -> bool:
    """Whether ``t`` can open the predicate after a subject ('arrived', 'has', 'told', 'also', 'says'), not
    a noun that continues the phrase ('the liberal party', 'the teacher union')."""
    if t.text in _AFTER_SUBJECT:
        return True
    if not t.word or t.cap:
        return False
    low = t.low
    return (
        low in lx.AUXILIARIES
        or low in lx.SPEECH_VERBS
        or low in lx.BELIEF_VERBS
        or low in lx.IRREGULAR_PAST
        or low.endswith("ed")
        or (low.endswith("ly") and low not in lx.LY_NOUNS)
        or low in {"also", "then", "later", "now", "still", "never", "again"}
        or (not plural and low.endswith("s") and not low.endswith("ss"))
    )
