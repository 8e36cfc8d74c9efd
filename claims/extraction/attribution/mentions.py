"""Mentions: a subject phrase split into role and name, quantities and common-noun phrases."""

from __future__ import annotations

from .. import lexicon as lx
from ..gazetteer import P_SALIENT_REGION, gazetteer, norm
from ..names import (
    Tok,
    base,
    club_name,
    is_acronym,
    is_name_word,
    is_possessive,
    is_title,
    leading_particle,
    office_complement,
    person_words,
    strip_leading_places,
)
from .common import _QMARKS, Mention, _adverb, _modifier_word, _span_text
from .entities import age_start, is_age_word

_PREPOSITIONS = frozenset(
    ["without", "within", "against", "about", "into", "through", "toward", "towards", "than", "among", "between"]
)


# Pronouns that take no determiner: 'that' before one opens a clause ('said that nobody would ...').
_INDEFINITE_PRONOUNS = frozenset(
    ["nobody", "everybody", "everyone", "somebody", "someone", "anybody", "anyone", "none", "no-one"]
)


def _np_backward(toks: list[Tok], j: int, lo: int) -> int:
    """First index of the noun phrase ending at toks[j] (walking left, never past lo)."""
    k = j
    loose = 0  # lowercase words outside the lexicons (adjectives), a couple at most
    a = age_start(toks, j)
    if a is not None and a >= lo:
        k = a  # 'the 54-year-old': the age is the head
    elif not toks[j].cap and base(toks[j].low) in lx.GROUP_NOUNS:
        # 'Tarrow County election officials', 'Public health officials', 'Law enforcement sources': lowercase
        # nouns between a capitalised modifier and a group head belong to the phrase (with no determiner
        # before them, the loose-word rule below does not take them)
        m = k
        while m > lo and k - m < 3 and _compound_noun(toks[m - 1]):
            m -= 1
        if lo < m < k and is_name_word(toks[m - 1]) and not is_possessive(toks, m - 1):
            k = m
    while k > lo:
        t = toks[k - 1]
        low = base(t.low)
        if (
            k - 4 >= lo
            and toks[k - 2].low == "and"
            and _loose_word(t)
            and _loose_word(toks[k - 3])
            and (toks[k - 4].low in lx.DETERMINERS or is_possessive(toks, k - 4))
        ):
            k -= 3  # 'the country's search and rescue agency': modifiers joined by 'and'
            continue
        a = age_start(toks, k - 1)
        if a is not None and a >= lo:
            k = a  # 'the 31-year-old nurse', 'a 40-year-old father of two'
            continue
        if t.text in "'’" and k - 2 >= lo and toks[k - 2].low.endswith("s"):
            k -= 1
            continue
        if not t.word and t.text not in "&":
            break
        if t.low == "that" and not toks[j].cap and toks[j].low.endswith("s") and not toks[j].low.endswith("ss"):
            break  # 'the policy that critics blame': a relative pronoun, not the determiner of a plural
        if t.low == "that" and (
            toks[k].low in _INDEFINITE_PRONOUNS
            or toks[k].low in lx.QUANTITY_HEDGES
            or toks[k].low in lx.QUANTITY_WORDS
            or toks[k].low in lx.QUANTIFIER_PRONOUNS
        ):
            break  # 'told the paper that nobody would ...', 'showing that about half said': 'that' opens a clause
        if t.low in lx.DETERMINERS and not (
            toks[k].cap
            and t.low == "the"
            and k - 2 >= lo
            and (toks[k - 2].low in lx.NAME_CONNECTORS or toks[k - 2].low in _TITLE_PREPOSITIONS)
        ):
            k -= 1
            break
        if t.cap or is_title(t) or is_possessive(toks, k - 1):
            if base(t.low) in lx.CAPITAL_STOPWORDS and not is_title(t):
                break
            k -= 1
            continue
        if t.low == "and" and _joins_one_body(toks, k - 1, lo, j):
            k -= 1
            continue
        if (t.low in lx.NAME_CONNECTORS or t.low in _TITLE_PREPOSITIONS) and toks[k].cap:
            # "Department of Fisheries", "League for the Defence", "Council for the Welfare of Farmworkers",
            # "Ambassador to the United Kingdom": only after an org head or title
            reach = _connector_head(toks, k, lo)
            if reach is not None:
                k = reach
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
            t.low in lx.ORDER_ADJECTIVES
            and not toks[j].cap
            and k - 2 >= lo
            and toks[k - 2].low in lx.DETERMINERS
            and base(toks[j].low) in lx.DOCUMENT_NOUNS
        ):
            k -= 1  # 'The first report showed': an adjective of order after the article, not a sentence opener
            continue
        # 'the appeals court', 'a federal appeals panel': a speech act's noun right before a ruling body
        body_noun = t.low in lx.NOUNLIKE_FORMS and k == j and base(toks[j].low) in lx.FINDING_BODIES
        if (
            _hyphen_alpha(t.low)  # 'the third-largest carmaker', 'the state-owned lender'
            and loose < 2
            and (
                low not in lx.SPEECH_VERBS
                or (_base_form_noun(t) and k - 2 >= lo and toks[k - 2].low in {"a", "an", "the"})
                or body_noun
            )
            and low not in lx.AUXILIARIES
            and low not in lx.SUBORDINATORS
            and low not in lx.LEADING_SKIP
            and (not low.endswith("ing") or low in lx.ATTRIBUTIVE_PARTICIPLES)
            and k - 2 >= lo
            and (
                toks[k - 2].low in lx.DETERMINERS
                or is_possessive(toks, k - 2)
                # 'a former harbour pilot', 'the veteran union organiser': two lowercase modifiers between
                # the determiner and the head (the second must pass the same test as the first)
                or (
                    loose == 0
                    and k - 3 >= lo
                    # ('the Union's foreign policy chief': after an owner as after an article)
                    and (toks[k - 3].low in {"a", "an", "the"} or is_possessive(toks, k - 3))
                    # ('the state electoral office': a verb's base form right after the article is a noun)
                    and (_loose_word(toks[k - 2]) or _base_form_noun(toks[k - 2]))
                    and (_loose_word(t) or body_noun)
                )
                # 'the Keld central bank', 'the Brim development agency': a proper modifier before it
                or (
                    loose == 0
                    and k - 3 >= lo
                    and toks[k - 3].low == "the"
                    and toks[k - 2].cap
                    and is_name_word(toks[k - 2])
                    and not is_possessive(toks, k - 2)
                    and _loose_word(t)
                    and base(toks[j].low) in lx.ORG_HEADS
                )
            )
            and not (low.endswith("ed") and k != j)  # 'the retired pilot': an -ed word right before the head
        ):
            loose += 1
            k -= 1
            continue
        head = base(toks[j].low)
        plural = not toks[j].cap and head.endswith("s") and (head in lx.GROUP_NOUNS or head[:-1] in lx.PERSON_HEADS)
        if loose == 0 and (is_title(toks[j]) or head in lx.DESCRIPTION_HEADS or plural):
            # a description with several modifiers: 'the billionaire real estate magnate', 'the GOP
            # presidential candidate', 'the self-described socialist' (words back to a determiner)
            m = k
            while m > lo and k - m < 4 and _modifier_word(toks[m - 1]) and not is_possessive(toks, m - 1):
                m -= 1
            if m < k and m > lo and toks[m - 1].low in {"the", "a", "an"}:
                k = m - 1
            elif (
                m < k
                and plural
                and (m == lo or toks[m - 1].text in lx.CLAUSE_END or toks[m - 1].text in _QMARKS)
                and not any(t.low in _PREPOSITIONS for t in toks[m:k])  # not '"..." without neighbours asking'
            ):
                k = m  # a plural needs no determiner: 'Harbor election officials say' opening the clause
            elif m < k and m > lo and is_possessive(toks, m - 1) and not toks[m - 1].cap:
                # 'the province's Liberal party leader': the possessor's own phrase opens the description
                p = _np_backward(toks, m - 1, lo)
                if p < m - 1:
                    k = p
            elif m > lo and toks[m - 1].low == "and":
                k = _coordinated_description(toks, m, lo, k)
        break
    return k


# Prepositions and pronouns that never modify a noun ('the chance to help', 'a letter from him').
_FUNCTION_WORDS = frozenset(
    [
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "over",
        "under",
        "as",
        "after",
        "before",
        "per",
        "via",
        "like",
        "him",
        "her",
        "them",
        "it",
        "us",
        "me",
        "you",
    ]
)


def _base_form_noun(t: Tok) -> bool:
    """A lowercase verb of saying in its base form ('state', 'report'), which after an article is a noun."""
    return not t.cap and t.low.isalpha() and lx.SPEECH_VERBS.get(t.low) == t.low


def _hyphen_alpha(low: str) -> bool:
    """Letters, with inner hyphens between them: 'third-largest', 'state-owned' (not '-', '9-year')."""
    return low.replace("-", "").isalpha() and not low.startswith("-") and not low.endswith("-")


def _loose_word(t: Tok) -> bool:
    """A lowercase word that may modify a head noun ('former', 'harbour'): no verb, auxiliary, preposition
    ('an email to supporters', 'the chance to help') or clause word."""
    low = base(t.low)
    return (
        not t.cap
        and low not in _FUNCTION_WORDS
        and low not in _PREPOSITIONS
        and low not in lx.NOUN_PHRASE_STOPS
        and _hyphen_alpha(t.low)
        and low not in lx.SPEECH_VERBS
        and low not in lx.AUXILIARIES
        and low not in lx.SUBORDINATORS
        and low not in lx.LEADING_SKIP
        and low not in lx.DETERMINERS
        and not low.endswith(("ing", "ed", "ly"))
    )


def _coordinated_description(toks: list[Tok], k: int, lo: int, fallback: int) -> int:
    """'the Ohio senator and Democratic presidential candidate', 'the retired engineer and Labour
    councillor': a description whose determiner is shared with a description before 'and' starts there.
    ``k`` starts the second conjunct (no determiner of its own); returns ``fallback`` where there is no
    such first conjunct."""
    if k - 2 < lo or toks[k - 1].low != "and" or toks[k].low in lx.DETERMINERS:
        return fallback
    first = toks[k - 2]
    if first.cap or not (is_title(first) or base(first.low) in lx.PERSON_HEADS):
        return fallback
    s = _np_backward(toks, k - 2, lo)
    if s < k - 2 and toks[s].low in {"the", "a", "an"} and not any(t.low == "and" for t in toks[s : k - 1]):
        return s
    return fallback


# Organisation heads that also open a newspaper's name as an adjective: 'the Daily Ledger'.
_NAME_OPENING_HEADS = frozenset({"daily", "weekly"})

# Determiners of a description rather than a name: 'another Ohio Democrat', 'a Hollywood Star'.
_INDEFINITES = frozenset({"a", "an", "another"})

# Prepositions that join a title to its complement but no two parts of an organisation's name:
# 'Ambassador to the United Kingdom Tomas Reval', 'Adviser to the Treasury'.
_TITLE_PREPOSITIONS = frozenset({"to"})


def _joins_one_body(toks: list[Tok], a: int, lo: int, last: int) -> bool:
    """Does the 'and' at toks[a] join two parts of one organisation's name in the phrase ending at
    toks[last]? 'Food and Drug Administration', 'Keld Power and Light Company' (an organisation head after
    'and', none before it), 'Ministry of Trade and Industry' (a connector chain before the first part
    reaches a head). Two names joined by 'and' ('Ann Lee and Tom Rice said', 'Governor of Keld and Ann
    Lee', 'Ann Lee and Harbor Board said') are two subjects: a person's given name or a title before
    'and' makes the first part a person."""
    if not (
        lo < a < last
        and toks[a].low in lx.AND_WORDS
        and toks[a + 1].cap
        and toks[a - 1].cap
        and not is_possessive(toks, a - 1)
    ):
        return False
    p = a - 1
    while p > lo and toks[p - 1].cap and not is_possessive(toks, p - 1):
        p -= 1
    if any(is_title(t) or base(t.low) in lx.FEMALE_NAMES or base(t.low) in lx.MALE_NAMES for t in toks[p:a]):
        return False
    reach = _connector_head(toks, a - 1, lo)
    if reach is not None:
        return base(toks[reach].low) in lx.ORG_HEADS
    if any(base(t.low) in lx.ORG_HEADS or t.text.isupper() for t in toks[p:a]):
        return False  # 'the Harbor Board and Keld Council', 'NASA and Keld Space Agency': two bodies
    # the name runs to the phrase's end: 'Ann Lee and Harbor Board officials' are a person and officials
    return toks[last].cap and any(t.cap and base(t.low) in lx.ORG_HEADS for t in toks[a + 1 : last + 1])


def _connector_head(toks: list[Tok], r: int, lo: int) -> int | None:
    """Index of the organisation head or title whose connector chain reaches the capitalised toks[r]:
    'Department of | Fisheries', 'Joint Council for the Welfare of | Farmworkers' (over capitalised words
    that are no heads, 'Welfare'), 'Ambassador to the | United Kingdom' ('to' after a title only).
    None where the capitalised run before the connector has no head ('Ann Lee of | Riverton').
    At most three connector steps of a few words each: a constant window."""
    if r <= lo or not toks[r].cap:
        return None
    m = r - 1
    prep = False
    for _ in range(3):
        c = m
        while m >= lo and c - m < 2 and (toks[m].low in lx.NAME_CONNECTORS or toks[m].low in _TITLE_PREPOSITIONS):
            prep = prep or toks[m].low in _TITLE_PREPOSITIONS
            m -= 1
        if m == c or m < lo:
            return None
        if toks[m].cap and (is_title(toks[m]) or (base(toks[m].low) in lx.ORG_HEADS and not prep)):
            return m
        # no head right before the connector: hop over a capitalised run between two connectors
        # ('for the | Welfare | of'), never over a personal name before one ('Gov. Tom Vint | of')
        q = m
        while q >= lo and m - q < 3 and toks[q].cap and not is_possessive(toks, q):
            q -= 1
        if q < lo or q == m or not (toks[q].low in lx.NAME_CONNECTORS or toks[q].low in _TITLE_PREPOSITIONS):
            return None
        m = q
    return None


def _compound_noun(t: Tok) -> bool:
    """A lowercase word that may modify a group head as a noun or adjective ('election', 'law enforcement',
    'health'): no verb form, adverb or function word."""
    low = base(t.low)
    return (
        not t.cap
        and _modifier_word(t)
        and not low.endswith("ed")
        and not _adverb(low)
        and low not in lx.NEGATIONS
        and low not in lx.PRONOUNS
        and low not in lx.QUANTIFIER_PRONOUNS
    )


def _quantity_subject(toks: list[Tok], j: int, lo: int) -> int | None:
    """Start of a quantity opening the clause before toks[j], the subject of a poll report: 'Sixty-six
    percent said', 'About 4 in 10 say', 'Nearly half of the voters said', 'Less than a third agreed'."""
    s = j
    while s > lo and j - s < 12 and toks[s - 1].low not in lx.QUANTITY_BOUNDS and toks[s - 1].text not in _QMARKS:
        if not (toks[s - 1].word or toks[s - 1].text in "%'’"):
            return None
        s -= 1
    if s >= j:
        return None
    k = s
    while k < j and toks[k].low in lx.QUANTITY_HEDGES:
        k += 1
    if k >= j:
        return None
    first = toks[k].low
    if not (first[:1].isdigit() or first in lx.QUANTITY_WORDS or first.split("-")[0] in lx.QUANTITY_WORDS):
        return None
    if k + 1 < j and toks[k + 1].low not in {"percent", "%", "in", "of", "per", "out"}:
        return None  # 'Most voters' is an ordinary noun phrase; 'the most conservative member' no quantity
    if any(t.low in lx.CLAUSE_OPENERS and t.low != "as" for t in toks[k + 1 : j]):
        return None  # 'Prices rose 2% on Monday after the miner said': the quantity ends before the clause
    last = toks[j - 1]
    number = last.low[:1].isdigit() or last.low in lx.QUANTITY_WORDS  # 'One in four said'
    if (last.low in lx.DETERMINERS and not number) or last.low in lx.ADJUNCT_OPENERS:
        return None  # 'Forty percent of all reported ...': the verb form modifies a noun
    return s


def _analyze(text: str, toks: list[Tok], i: int, j: int) -> Mention | None:
    """Read toks[i:j] as a speaker phrase."""
    # (an upper-case 'AS' or 'AT' before a name is initials: 'a paper by AS Brill')
    while i < j and (
        (toks[i].low in lx.LEADING_SKIP and not (toks[i].text.isupper() and i + 1 < j and toks[i + 1].cap))
        or toks[i].text in _QMARKS
    ):
        i += 1
    while j > i and (base(toks[j - 1].low) in lx.POSTNOMINALS or toks[j - 1].text in ",."):
        j -= 1
    if j - 1 > i + 1 and toks[j - 1].text == ")" and toks[j - 3].text == "(":
        j -= 3  # "Coastal Safety Board (CSB)"
    if i >= j:
        return None
    if j - i == 1 and toks[i].low in lx.PRONOUNS:
        return Mention(toks[i].low, "pronoun", pos=toks[i].start)
    if j - i == 1 and toks[i].low in lx.QUANTIFIER_PRONOUNS:
        # 'Several said', 'Most agreed': the quantifier is the whole subject, kept as written
        return Mention(_span_text(text, toks, i, j), "quantity", pos=toks[i].start)
    # coordinated subject: the first conjunct speaks ("President X and the Council said")
    for k in range(i + 1, j - 1):
        if (
            toks[k].low == "and"
            and toks[k - 1].cap
            and (toks[k + 1].cap or toks[k + 1].low == "the")
            and (any(is_title(t) for t in toks[i:k]) or sum(t.cap for t in toks[i:k]) >= 2)
            and not _joins_one_body(toks, k, i, j - 1)
        ):
            j = k
            break
    head = toks[j - 1]
    low = base(head.low)
    if head.cap and not (low in lx.GROUP_NOUNS and not is_name_word(head)):
        return _name_phrase(text, toks, i, j)
    if (
        low in lx.ACCORDING_DOCUMENT_NOUNS
        and not head.cap
        and toks[i].low in lx.DOCUMENT_OWNER_PRONOUNS
        and all(not t.cap and _modifier_word(t) for t in toks[i + 1 : j - 1])
    ):
        # 'Its last estimate put ...', 'Their report said ...': the body or person named before speaks, as
        # 'The agency's estimate' gives the agency
        return Mention(lx.DOCUMENT_OWNER_PRONOUNS[toks[i].low], "pronoun", pos=toks[i].start, document=True)
    if low in lx.DOCUMENT_NOUNS or low in lx.GROUP_NOUNS:
        # a document's author: "Gadget Monthly's analysis", "The Harbour Board letter"
        if low in lx.DOCUMENT_NOUNS:
            # its owner speaks: "The agency's Web site said" -> the agency, not "Web"
            owner = next((k for k in range(j - 2, i - 1, -1) if is_possessive(toks, k)), None)
            if owner is not None:
                m = _analyze(text, toks, i, owner + 1)
                if m is not None and m.kind != "pronoun":
                    m.document = True
                    return m
            caps = [
                k
                for k in range(i, j - 1)
                if toks[k].cap
                and is_name_word(toks[k])
                # 'Recent polling shows', 'Exit polls found': an adjective capitalised at the start
                and not (k == i and toks[k].low in lx.DOCUMENT_ADJECTIVES and not toks[k + 1].cap)
            ]
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
    if (low in lx.PARTY_HEADS or low in lx.MEDIA_NOUNS) and j - 2 >= i and is_name_word(toks[j - 2]):
        # "the M5S party", "the Labour party", "Harbor magazine": the organisation is the name before the head
        k = j - 1
        while k > i and is_name_word(toks[k - 1]):
            k -= 1
        return Mention(_span_text(text, toks, k, j - 1), "org", pos=toks[k].start)
    if _common_noun_phrase(toks, i, j):
        # any other common-noun subject keeps the article's wording: "The poster", "Some individuals"
        # a person's description ('the Ohio governor', 'the retired banker') is no thing: it speaks
        person = low in lx.PERSON_HEADS or (low.endswith("s") and low[:-1] in lx.PERSON_HEADS)
        # an age is a person's ('"...," the 51-year-old said'), never a thing's
        person = person or is_age_word(head)
        # a kind of company speaks like a person ('the airline said demand for seats was strong')
        person = person or (low in lx.SPEAKING_BODIES and toks[i].low in lx.DETERMINERS)
        # 'the governing body said', "the sport's regulatory body": an organisation ('the body' alone may be
        # a corpse)
        person = person or (low == "body" and j - 2 >= i and toks[j - 2].low in lx.ORGANISATION_BODY_MODIFIERS)
        return Mention(_span_text(text, toks, i, j), "group", pos=toks[i].start, generic=not person)
    return None


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


def _big_place(words: list[str]) -> bool:
    """A country, a salient region or a big city ('London', 'Texas'): never a personal name after an
    organisation's head."""
    entry = gazetteer().get(norm(" ".join(words)))
    return entry is not None and entry.prio >= P_SALIENT_REGION


def _possessive_in_org_name(toks: list[Tok], k: int) -> bool:
    """'St Mary's Hospital', 'the People's Party', 'King's College': a capitalised possessive right before
    a capitalised organisation head belongs to the organisation's name (not 'Lee's Party colleagues')."""
    if k + 1 < len(toks) and toks[k + 1].text in "'’":
        k += 1  # the plural's own apostrophe: 'the Crofters' Party'
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        nxt is not None
        and nxt.cap
        and base(nxt.low) in lx.ORG_HEADS
        and not (
            k + 2 < len(toks) and toks[k + 2].word and not toks[k + 2].cap and base(toks[k + 2].low) in lx.PERSON_HEADS
        )
    )


def _name_phrase(text: str, toks: list[Tok], i: int, j: int) -> Mention | None:
    """'port authority spokeswoman Lena Varga' -> name 'Lena Varga', role 'port authority spokeswoman'."""
    lows = [base(t.low) for t in toks[i:j]]
    # start of the trailing capitalised run
    r = j
    while r > i:
        t = toks[r - 1]
        if t.cap:
            if is_possessive(toks, r - 1) and r != j and not _possessive_in_org_name(toks, r - 1):
                break
            r -= 1
            continue
        if t.text in "'’" and r - 2 >= i and toks[r - 2].cap and _possessive_in_org_name(toks, r - 2):
            r -= 1  # 'the Crofters' Party': the plural possessive's apostrophe inside the name
            continue
        if t.low == "and" and _joins_one_body(toks, r - 1, i, j - 1):
            r -= 1  # 'Food and Drug Administration', 'Ministry of Trade and Industry'
            continue
        # "Department of Fisheries", "League for the Defence of ...": a connector after an org head
        k = _connector_head(toks, r, i) if r < j else None
        if k is not None:
            r = k
            continue
        break
    while r < j and toks[r].low in lx.NAME_CONNECTORS and not leading_particle(toks[r:j]):
        r += 1
    if r >= j:
        return None
    cut = r
    for k in range(r, j - 1):
        lk = lows[k - i]
        if (lk in lx.TITLES or toks[k].low in lx.TITLE_ABBREVIATIONS or lk in lx.DESCRIPTION_HEADS) and not (
            is_possessive(toks, k) and _possessive_in_org_name(toks, k)  # 'King's College'
        ):
            cut = k + 1
        elif (
            (
                lk in lx.ORG_HEADS
                or lk in lx.ORG_DOMAINS
                or (is_possessive(toks, k) and not _possessive_in_org_name(toks, k))
            )
            and toks[k + 1].low not in lx.NAME_CONNECTORS
            # 'the Daily Ledger', 'Weekly Harbour': a capitalised 'Daily' opens a newspaper's name
            and not (lk in _NAME_OPENING_HEADS and toks[k].cap and (k == i or not is_name_word(toks[k - 1])))
        ):
            # "Tenants Council Maris Okafor", "Minister of Education Ana Rossi": a name after the office
            rest = [t.text for t in toks[k + 1 : j]]
            # ('Institute for Trade Studies': a field closing the name is no surname)
            field = len(rest) == 1 and base(rest[0].lower()) in lx.ORG_DOMAINS
            if is_possessive(toks, k) or (person_words(rest) and not _big_place(rest) and not field):
                cut = k + 1  # ('King's College London': a city closing the name is no person)
    titled_word = cut == j - 1 and cut > i and toks[cut - 1].low in lx.TITLE_ABBREVIATIONS
    while cut < j and (
        (base(toks[cut].low) in lx.CAPITAL_STOPWORDS and not is_acronym(toks[cut].text))
        or (toks[cut].low in lx.NAME_CONNECTORS and not leading_particle(toks[cut:j]))
    ):
        cut += 1
    if cut >= j and titled_word and toks[j - 1].text[1:].islower() and base(toks[j - 1].low) not in lx.PRONOUNS:
        cut = j - 1  # 'Mr. Read', 'Ms. May': after an abbreviated title, an English word is a surname
    if cut >= j:
        return None
    skip = _office_complement(toks, cut, j, i)
    if (
        not skip
        and j - cut <= 3
        and _after_title_connector(toks, cut, i)
        and not any(base(t.low) in lx.FEMALE_NAMES or base(t.low) in lx.MALE_NAMES for t in toks[cut:j])
    ):
        # 'The Secretary of State said', 'the Governor of Keld said': the office without a personal name,
        # not its domain
        r0 = i + 1 if toks[i].low in lx.DETERMINERS else i
        return Mention(_span_text(text, toks, r0, j), "group", None, toks[r0].start)
    cut += skip
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
    if name_lows[-1] in lx.DESCRIPTION_HEADS and not (
        name_lows[-1] in lx.ORG_HEADS and toks[i].low not in _INDEFINITES
    ):
        # 'another Ohio Democrat', 'a Texas Republican': a description capitalised, no personal name
        # (but 'the Tidewater Star' is a newspaper: a head of both kinds is a name when definite)
        return Mention(_span_text(text, toks, i, j), "group", None, toks[i].start)
    if name_lows[-1] in lx.ORG_DOMAINS and any(w in lx.TITLES for w in lows[: first - i]):
        # "the Minister of Foreign Affairs": an office without a personal name
        r0 = i + 1 if toks[i].low in lx.DETERMINERS else i
        return Mention(_span_text(text, toks, r0, j), "group", None, toks[r0].start)
    if (
        any(w in lx.ORG_HEADS for w in name_lows)
        or (len(name_lows) == 1 and is_acronym(toks[first].text))
        or club_name(name.split())  # 'Halton Rovers said': a club, no person for 'he' later
    ):
        kind = "org"
        if name.lower().startswith("the "):
            name = name[4:]
    else:
        kind = "person"
    return Mention(name, kind, role, toks[first].start, titled, title_words)


def _after_title_connector(toks: list[Tok], cut: int, i: int) -> bool:
    """Does a title and 'of'/'to' come right before toks[cut] ('Governor of | Keld', 'Envoy to the | Isles')?"""
    c = cut - 1
    while c >= i and (toks[c].low in lx.NAME_CONNECTORS or toks[c].low in _TITLE_PREPOSITIONS):
        c -= 1
    return c != cut - 1 and c >= i and is_title(toks[c])


def _office_complement(toks: list[Tok], cut: int, j: int, i: int) -> int:
    """'Governor of Washington Chris Gregoire', 'Envoy to the Northern Isles Piet Marsh': after 'TITLE of'
    or 'TITLE to', skip the words naming the office's domain."""
    if not _after_title_connector(toks, cut, i):
        return 0
    skip = office_complement([base(t.low) for t in toks[cut:j]])
    return skip if skip and person_words([t.text for t in toks[cut + skip : j]]) else 0
