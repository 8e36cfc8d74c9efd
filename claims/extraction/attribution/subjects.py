"""Subjects: the phrase a reporting verb attributes to, before it (past adjuncts, appositions) or after it."""

from __future__ import annotations

from .. import lexicon as lx
from ..gazetteer import gazetteer, norm
from ..names import Tok, base, body_kind, is_possessive, is_title, person_words, proper_adjective
from .common import _QMARKS, Mention, _adverb, _modifier_word, _span_text, _time_number
from .entities import person_head
from .mentions import _analyze, _np_backward, _quantity_subject

_OTHERS = frozenset(["others", "colleagues"])  # 'Ada Lund and others said'
_MODALS = frozenset(["can", "could", "will", "would", "shall", "should", "may", "might", "must", "to"])
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _forward_np(toks: list[Tok], v: int, hi: int) -> int:
    """End index of a noun phrase starting at toks[v] (for 'said RSNA', 'said the minister')."""
    k = v
    while k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    start = k
    crossed = 0  # connectors crossed inside a name that has a head before its first one
    while k < hi:
        t = toks[k]
        low = base(t.low)
        if t.cap or is_title(t) or low in lx.GROUP_NOUNS or low in lx.ORG_TAILS:
            k += 1
        elif t.low in lx.NAME_CONNECTORS | {"to", "at"} and k > start:
            # "Department of Fisheries", "Envoy to the United Nations": only after a head word; then on
            # over a short capitalised run ("Joint Council for the Welfare of Farmworkers"), at most 3 steps
            m = k
            while m < hi and m - k < 2 and toks[m].low in lx.NAME_CONNECTORS | {"to", "at"}:
                m += 1
            prev = base(toks[k - 1].low)
            headed = prev in lx.ORG_HEADS or prev in lx.TITLES
            run = crossed > 0 and crossed < 3 and t.low not in {"to", "at"} and toks[k - 1].cap
            # never over a time adjunct: 'the Vale Institute on Monday'
            if m < hi and toks[m].cap and (headed or run) and base(toks[m].low) not in lx.TIME_WORDS:
                crossed += 1
                k = m
            else:
                break
        elif t.text in "'’" and k > start:
            k += 1
        else:
            break
    return k if k > start else v


def _forward_description(toks: list[Tok], v: int, hi: int) -> int:
    """End of a subject after an inverted verb that mixes lowercase and capitalised modifiers before
    its head and ends the clause: 'said retired Navy Capt. Tom Riley', 'said Lee ally Paul Grant', 'added
    his campaign manager Ann Best', 'said one Ohio Republican strategist', 'said Budget Committee ranking
    Republican Tom Riley (R-Ohio)'. Returns v where the words read no such phrase (at most 10 words are read)."""
    k = v
    if k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    start = k
    if k < hi and toks[k].low in lx.OBJECT_PREPOSITIONS:
        return v  # 'Asked about Vint reshaping the board, Lee said': a preposition opens no subject
    coordinated = False
    while k < hi and k - v < 10:
        t = toks[k]
        if (
            t.cap
            or is_title(t)
            or (t.text in "'’" and k > start)
            or (t.word and (t.text[:1].isdigit() or _modifier_word(t)))
        ):
            k += 1
        elif t.word and t.low.endswith("ing") and k > start and toks[k - 1].cap and k + 1 < hi and toks[k + 1].cap:
            k += 1  # 'Budget Committee ranking Republican Tom Riley': a modifier between capitalised words
        elif (
            t.low == "and"
            and k > start
            and not toks[k - 1].cap
            and k + 1 < hi
            and toks[k + 1].word
            and toks[k + 1].low not in lx.DETERMINERS
        ):
            # 'said accountant and former auditor Peter Hale', 'said lawyer and Green party activist Ann Lee':
            # coordinated roles before one name
            coordinated = True
            k += 1
        else:
            break
    if coordinated and not toks[k - 1].cap:
        return v  # 'said farmers and local traders ...': two groups, no one name
    last = base(toks[k - 1].low) if k > start else ""
    if k <= start or not (
        toks[k - 1].cap or last in lx.PERSON_HEADS or last in lx.MEDIA_NOUNS or is_title(toks[k - 1])
    ):
        return v
    return k


def _forward_common_np(toks: list[Tok], v: int, hi: int) -> int:
    """End of 'the event website', 'an unknown author' starting at toks[v]: a determiner and up to four
    lowercase words (returns v where there is none)."""
    k = v
    if k >= hi or toks[k].low not in lx.DETERMINERS or toks[k].low == "that":
        return v
    k += 1
    end = v
    if k + 1 < hi and toks[k + 1].word and _dating_modifier(toks[k]):
        k += 1  # 'a 2019 study', 'a Wednesday editorial': the year or day dates the noun after it
    while k < hi and k - v <= 5:
        t = toks[k]
        owner = t.low.endswith(("'s", "’s")) and k + 1 < hi and toks[k + 1].word  # 'the bureau's director'
        word = t.low[:-2] if owner else t.low
        if (
            (t.cap and not owner)
            or not word.replace("-", "").isalpha()
            or t.low in lx.ADJUNCT_OPENERS
            or t.low in lx.NOUN_PHRASE_STOPS
        ):
            break
        k += 1
        if not owner:
            end = k  # a possessive is never the phrase's last word
    return end if end > v + 1 else v


def _dating_modifier(t: Tok) -> bool:
    """A year in digits or a capitalised day or month before a noun ('a 2019 study', 'a Wednesday
    editorial', 'the March poll')."""
    return (len(t.text) == 4 and t.text.isdigit()) or (t.cap and base(t.low) in lx.TIME_WORDS)


def _chunk_kind(toks: list[Tok], i: int, j: int, leftmost: bool = False) -> str:
    """What a comma-separated chunk before a reporting verb is: 'adjunct' (an adverbial, never the
    subject), 'role' (an apposition such as 'Panama coach', 'a spokesman for Y', '42'), or 'name'.
    ``leftmost``: the chunk opens the clause, where 'A report by X' is the subject, not an apposition."""
    while i < j and (toks[i].low in lx.CHUNK_SKIP or toks[i].low == "even"):
        i += 1  # 'But X', 'Even the party's biggest donors, like X, say'
    if i >= j:
        return "adjunct"
    while (
        i < j - 1
        and not toks[i].cap
        and (toks[i].text[:1].isdigit() or toks[i].text in lx.DASHES or "-" in toks[i].text)
    ):
        i += 1  # '81-year-old Ada Cole', 'well-known author Ada Cole'
    first, last = toks[i], toks[j - 1]
    if j - i > 1 and base(last.low) in lx.POSTNOMINALS and toks[j - 2].cap:
        last = toks[j - 2]  # 'Joseph R. Dane Jr.': the name before its suffix
    if j - i == 1 and _adverb(first.low):
        return "adjunct"  # 'Similarly, Ada Cole, a nurse, said': a sentence adverb, capitalised at the start
    if first.low in {"a", "an"} and not leftmost:
        return "role"  # 'a spokesman for Y', 'a retired farmer'
    if _office_of_domains(toks, i, j):
        return "role"  # 'The Minister of Arts and Heritage, Tom Vale, said': the office, not a name
    if (
        first.low == "as"
        and i + 1 < j
        and toks[i + 1].cap
        and not is_title(toks[i + 1])
        and all(t.cap or t.low in lx.NAME_CONNECTORS or t.text == "." for t in toks[i + 1 : j])
    ):
        return "name"  # 'As Ada Cole, an expert on ports, noted': not 'As Secretary of State, ...'
    if base(last.low) in lx.TIME_WORDS and (first.low in lx.TIME_OPENERS or first.low in lx.TIME_ADVERBS):
        return "adjunct"  # 'Back in April', 'Late on Tuesday', 'Earlier this month'
    if first.low in _WEEKDAYS and all(base(t.low) in lx.TIME_WORDS for t in toks[i:j]):
        return "adjunct"  # 'Friday, ...', 'Tuesday night, ...': a bare day opening the clause
    if first.low in lx.ADJUNCT_OPENERS or first.low in lx.SUBORDINATORS or first.low.endswith("ing"):
        return "adjunct"
    if _described_name(toks, i, j):
        return "name"  # 'Her neighbour, student Priya Shah, said': a lowercase description before a name
    if (not first.cap and first.low not in lx.DETERMINERS) or not last.cap or is_title(last):
        return "role"
    if all(base(t.low) in lx.POSTNOMINALS or t.low.isdigit() for t in toks[i:j]):
        return "role"
    return "name"


def _listed_body(toks: list[Tok], j: int, lo: int) -> int | None:
    """Where a body's name listing its fields with commas starts, when it ends right before the verb at j:
    'the Department for Farming, Food and Rural Affairs said', 'Keld's Ministry of Economy, Trade and
    Industry said' (capitalised fields, the last two joined by 'and'; an organisation head before 'of' or
    'for' opens the name). At most 16 words are read."""
    q = j - 1
    seen_and = False
    while q > lo and j - q < 16 and (toks[q].cap or toks[q].low in {"and", "&"}):
        seen_and = seen_and or toks[q].low in {"and", "&"}
        q -= 1
    if not seen_and or toks[q].text != ",":
        return None
    while q > lo and j - q < 16 and (toks[q].text == "," or toks[q].cap):
        q -= 1
    if q - 1 < lo or toks[q].low not in {"of", "for"} or not toks[q - 1].cap:
        return None
    if base(toks[q - 1].low) not in lx.ORG_HEADS:
        return None
    start = q - 1
    while start > lo and toks[start - 1].cap and not is_possessive(toks, start - 1) and q - start < 4:
        start -= 1  # 'Federal Department of ...'
    return start + 1 if toks[start].low in lx.DETERMINERS else start


def _office_of_domains(toks: list[Tok], i: int, j: int) -> bool:
    """A capitalised office and the fields it holds, nothing more: 'The Minister of Arts and Heritage',
    "Keld's Minister of Youth and Sports" (a determiner or a possessive owner before the title)."""
    f = i
    if f < j and (toks[f].low in lx.DETERMINERS or is_possessive(toks, f)):
        f += 1
        if f < j and toks[f].text in "'’":
            f += 1
        if f < j and toks[f].low == "s" and is_possessive(toks, f - 2):
            f += 1
    if not (f + 2 < j and toks[f].cap and is_title(toks[f]) and toks[f + 1].low in {"of", "for"}):
        return False
    rest = toks[f + 2 : j]
    return any(base(t.low) in lx.ORG_DOMAINS for t in rest) and all(
        base(t.low) in lx.ORG_DOMAINS or t.low in {"and", "the", "&"} or t.text == "," for t in rest
    )


def _described_name(toks: list[Tok], i: int, j: int) -> bool:
    """One to three lowercase words naming a person's occupation, then a personal name of two words or
    more: 'student Priya Shah', 'retired teacher Tom Vale', 'nurse Ann Lee'."""
    r = j
    while r > i and toks[r - 1].cap:
        r -= 1
    if not (i < r <= i + 3 and j - r >= 2):
        return False
    words = toks[i:r]
    n = r
    while n < j - 2 and is_title(toks[n]):
        n += 1  # 'former Rep. Tom Vale', 'state Sen. Ada Cole': a title between the description and the name
    # ('former Ghanaian president Kofi Mensah': a proper adjective among the words, before the head)
    return (
        all(
            t.word and t.low.replace("-", "").isalpha() and (not t.cap or (q < r - 1 and proper_adjective(t)))
            for q, t in enumerate(words, start=i)
        )
        and any(base(t.low) in lx.PERSON_HEADS or is_title(t) for t in words + toks[r:n])
        and person_words([t.text for t in toks[n:j]])
    )


def _subject_before(text: str, toks: list[Tok], v: int, lo: int) -> tuple[Mention | None, int]:
    """The subject of the verb at v, looking left; also returns where the subject starts."""
    j = _skip_interrupters(toks, v, lo)
    if j <= lo:
        return None, v
    if j - 1 == lo and toks[lo].low == "having":
        # 'Having announced that he would resign, Judge Ada Lund read her ruling': the perfect participle
        # opening the sentence is the main clause's; its subject follows the clause's comma (bounded look)
        c = next((q for q in range(v + 1, min(len(toks), v + 40)) if toks[q].text in {",", ".", ";", "!", "?"}), None)
        if c is not None and toks[c].text == ",":
            m = _subject_after(text, toks, c, min(len(toks), c + 15))
            if m is not None and m.kind in {"person", "org", "group", "pronoun"}:
                return m, v
        return None, v
    listed = _listed_body(toks, j, lo)
    if listed is not None:
        return Mention(_span_text(text, toks, listed, j), "org", pos=toks[listed].start), listed
    if toks[j - 1].text == ",":
        m, k = _appositive_subject(text, toks, j - 1, lo)
        if m is not None and k - 1 > lo and toks[k - 1].text == ",":
            # 'He and his wife, Ann, said', 'Tom Reed and his son, Ivo, told': a name in apposition to the
            # first conjunct's entourage; the first conjunct speaks
            p = k - 2
            while p > lo and k - p < 5 and toks[p].low not in lx.DOCUMENT_OWNER_PRONOUNS:
                p -= 1
            if p - 2 >= lo and toks[p].low in lx.DOCUMENT_OWNER_PRONOUNS and toks[p - 1].low == "and":
                k2 = _np_backward(toks, p - 2, lo)
                m2 = _analyze(text, toks, k2, p - 1) if k2 < p - 1 else None
                opens = k2 == lo or toks[k2 - 1].text in ',"“”'
                if opens and m2 is not None and m2.kind in {"person", "pronoun"} and m2.name not in {"it", "i"}:
                    return m2, k2
        return m, k
    if toks[j - 1].text in _QMARKS and toks[j - 2].text == "," and _quoted_title_start(toks, j - 1, lo) is not None:
        return _appositive_subject(text, toks, j - 2, lo)  # '..., the owner of the "Daily Star," said'
    if not toks[j - 1].word:
        return None, v
    if j - 2 > lo and toks[j - 1].low in {"who", "which"} and toks[j - 2].text == ",":
        # 'the union, which argued that ...', 'Ada Cole, who said ...': the noun before the relative
        k = _np_backward(toks, j - 3, lo)
        if (
            k == j - 3
            and k - 1 > lo
            and not toks[k - 1].cap
            and _modifier_word(toks[k - 1])
            and (toks[k - 2].low in lx.OBJECT_PREPOSITIONS or toks[k - 2].low in lx.PLACE_PREPOSITIONS)
        ):
            k -= 1  # 'from haulage firms, who': one lowercase modifier of the bare noun, after a preposition
        m = _analyze(text, toks, k, j - 2) if k < j - 2 else None
        if (
            m is not None
            and m.generic
            and toks[j - 1].low == "who"
            and m.kind == "group"
            and (_person_head(toks[j - 3]) or (toks[j - 3].low.endswith("s") and not toks[j - 3].low.endswith("ss")))
        ):
            m.generic = False  # 'criticism from opposition parties, who said ...': 'who' makes them people
        return (m, k) if m is not None and m.kind in {"person", "org", "group"} and not m.generic else (None, v)
    part = _participle_subject(text, toks, j, lo)
    if part is not None:
        return part
    src = _access_source(toks, j, lo)
    if src is not None:
        return Mention(_span_text(text, toks, src, j), "group", pos=toks[src].start), src
    m, k = _subject_np(text, toks, j, lo)
    # a quantity phrase may hold a relative clause up to the verb ('One of the pilots who signed ... said')
    rel = _restrictive_relative(text, toks, j if m is None or m.kind == "quantity" else k, lo)
    if rel is not None:
        return rel
    post = _postmodified_subject(text, toks, j, lo)
    if post is not None and (m is None or post[1] < k or (post[1] == k and len(m.name) < len(post[0].name))):
        # (equal starts: 'Critics of the plan say' read 'Critics' as a name before its preposition)
        m, k = post
    if m is not None and m.kind in {"person", "org"} and toks[k].cap:
        located = _located_subject(text, toks, j, k, lo)
        if located is not None:
            return located
    if (
        m is not None
        and k - 2 >= lo
        and (toks[k].low in {"a", "an"} or ((m.restricted or m.head is not None) and toks[k].low == "the"))
        and toks[k - 1].text == ","
    ):
        # 'Ann Lee, a team member said', 'Ann Lee, the director of the port said': an apposition whose
        # closing comma is missing
        c = k - 1
        if toks[c - 1].text == ")":
            # 'Sen. Ray Holt (R-Ore.), a critic of the deal told': the name before its bracketed tag
            o = next((q for q in range(c - 2, max(lo, c - 9), -1) if toks[q].text in "()"), None)
            if o is not None and toks[o].text == "(":
                c = o
        m2, k2 = _subject_np(text, toks, c, lo)
        opens_clause = k2 == lo or toks[k2 - 1].text in _QMARKS or toks[k2 - 1].text in lx.CLAUSE_END
        if m2 is not None and m2.kind == "person" and opens_clause:
            m2.role = m2.role or _span_text(text, toks, k, j)
            return m2, k2
    if m is not None and toks[j - 1].low in {"and", "but"}:
        p = k - 1
        while p > lo and toks[p].low in {"last", "this", "next", "the"} and is_possessive(toks, k):
            p -= 1  # 'at last week's Harbor Forum'
        if lo < p and toks[p].low in lx.PLACE_PREPOSITIONS:
            # 'Vance spoke at the Harbor Forum in Dorrow and warned ...': the object of a preposition is no
            # subject; the coordinated verb is the clause subject's (left to the caller)
            return None, v
    if m is not None and k + 1 == j and not toks[k].cap and m.kind != "pronoun":
        p = k - 1
        while p > lo and (_adverb(toks[p].low) or toks[p].low in lx.INTERRUPTING_ADVERBS) and not toks[p].cap:
            p -= 1
        if p >= lo and toks[p].low in _MODALS:
            return None, v  # 'the growers could easily march saying ...': a verb after a modal, no noun
    return m, k


def _located_subject(text: str, toks: list[Tok], j: int, k: int, lo: int) -> tuple[Mention, int] | None:
    """'One teller in Keld said', 'A spokesman for the ministry in Keld said': the name at k after 'in' or
    'near' places the common noun phrase that opens the clause; that phrase is the subject, not the place
    (through a spokesman, the body: 'the ministry in Keld'). At most twelve words are read, with no verb,
    punctuation or clause between."""
    if k - 2 < lo or toks[k - 1].low not in {"in", "near"}:
        return None
    noun = toks[k - 2]
    if not noun.word or noun.cap or noun.low in lx.DETERMINERS or _past_verb(toks, k - 2):
        return None
    s = k - 2
    while s > lo and k - s < 12 and (toks[s - 1].word or toks[s - 1].text in "'’"):
        s -= 1
    if not (s == lo or toks[s - 1].text in _QMARKS or toks[s - 1].text in lx.CLAUSE_END):
        return None
    for q in range(s, k - 1):
        low = toks[q].low
        if (
            low in lx.FINITE_AUXILIARIES
            or low in lx.SUBORDINATORS
            or low in lx.SUBJECT_PRONOUNS
            or low in {"and", "or", "but", "than"}
            or (low in lx.SPEECH_VERBS and low not in lx.NOUNLIKE_FORMS)
            or _past_verb(toks, q)
        ):
            return None  # a clause before the name: 'Fighting flared in Keld', 'those who live in Keld'
    while s < k and (toks[s].low in lx.CHUNK_SKIP or toks[s].low == "even"):
        s += 1
    h = s + 1 if toks[s].low in lx.DETERMINERS else s
    if h + 2 < k - 1 and base(toks[h].low) in lx.SPEAKS_FOR_NOUNS and toks[h + 1].low in {"for", "of", "at"}:
        s = h + 2  # 'A spokesman for the ministry in Keld': the body speaks through its spokesman
    head = base(toks[k - 2].low)
    return Mention(_span_text(text, toks, s, j), "group", pos=toks[s].start, head=head), s


_POSTMODIFIER_OPENERS = frozenset(["of", "for", "with", "from", "in", "at", "on", "to", "near", "across", "around"])


def _person_head(t: Tok) -> bool:
    """A common noun naming a person or people: 'woman', 'diplomats', 'wife', 'organiser'."""
    low = base(t.low)
    heads = lx.PERSON_HEADS | lx.RELATION_NOUNS
    return low in heads or (low.endswith("s") and low[:-1] in heads)


def _postmodified_subject(text: str, toks: list[Tok], j: int, lo: int) -> tuple[Mention, int] | None:
    """'The last woman to win the governorship says', 'The former wife of the senator blames', 'Several
    diplomats with long service in the region said': a person noun opening the clause with a
    prepositional or infinitival modifier that runs up to the verb at j. The whole phrase is the subject,
    not the object inside its modifier ('with no stake in the port but with ...': coordinated modifiers). At
    most 20 words are read, with no punctuation or clause between."""
    s = j
    while s > lo and j - s < 20 and (toks[s - 1].word or (toks[s - 1].text in "'’" and is_possessive(toks, s - 2))):
        s -= 1
    if not (s == lo or toks[s - 1].text in _QMARKS or toks[s - 1].text in lx.CLAUSE_END):
        return None  # the stretch does not open a clause (or is too long to read)
    while s < j and (toks[s].low in lx.CHUNK_SKIP or toks[s].low == "even"):
        s += 1  # 'But the wife of ...', 'Even the organiser of ...'
    h = next((q for q in range(s + 1, j - 1) if toks[q].low in _POSTMODIFIER_OPENERS), None)
    people = h is not None and (
        _person_head(toks[h - 1])
        # 'Bread makers in Keld warned': a plural of people outside the lexicon after a modifier
        or (h - 1 > s and not toks[h - 1].cap and toks[h - 1].low.endswith(lx.PEOPLE_PLURAL_ENDINGS))
    )
    if h is None or not people or (toks[h - 1].cap and (h - 1 > s or is_title(toks[h - 1]))):
        # no person before the modifier ('The plan to widen the road'), a name ('Ann Lee of X'), or a
        # capitalised office before a name ('Governor of Oregon Ada Cole')
        return None
    if base(toks[h - 1].low) in lx.SPEAKS_FOR_NOUNS and toks[h].low in {"for", "of", "at"}:
        return None  # 'A spokesman for the Harbor Institute said': the body speaks through its spokesman
    if base(toks[h - 1].low) in lx.SPEAKS_FOR_NOUNS and toks[h].low in {"in", "near"}:
        # 'An EU spokesman in Brussels said': where the spokesman spoke is no part of whom he speaks for
        head = base(toks[h - 1].low)
        return Mention(_span_text(text, toks, s, h), "group", pos=toks[s].start, head=head), s
    last = toks[j - 1].low
    if last in lx.DETERMINERS or last in lx.ADJUNCT_OPENERS or last in _POSTMODIFIER_OPENERS:
        return None  # the modifier is cut short: the word at j is no verb ('... experience in storms')
    first: Mention | None = None
    a = next((q for q in range(s + 1, h - 1) if toks[q].low == "and"), None)
    if a is not None:
        # 'Ada Reed and his rivals for the nomination have said': the named first conjunct speaks
        first = _analyze(text, toks, s, a)
        if first is None or first.kind not in {"person", "org"} or not all(toks[q].cap for q in range(s, a)):
            return None
    for q in range(s if a is None else a + 1, h - 1):
        t = toks[q]
        if not (
            t.low in lx.DETERMINERS
            or _modifier_word(t)
            or is_possessive(toks, q)
            or t.text in "'’"
            or t.low in {"first", "last", "then", "once", "only"}  # 'the last woman', 'the then mayor'
        ):
            return None
        if t.low == "that":
            return None  # 'that' before a noun may open a clause: 'the claim that friends of X ...'
        if _past_verb(toks, q):
            return None  # 'The mayor met a group of parents demanding ...': a clause, its object no subject
    # 'Experts on trade and tariffs said', 'Lawyers for the growers and the packers said': after a plural
    # head, 'and' or 'or' before a lowercase word joins the modifier's objects, and the whole phrase speaks
    plural_head = _plural_noun(toks[h - 1]) or person_head(base(toks[h - 1].low)) == "p"
    for q in range(h, j):
        t = toks[q]
        low = t.low
        joined = (
            plural_head
            and low in {"and", "or"}
            and q + 1 < j
            and toks[q + 1].word
            and not toks[q + 1].cap
            and toks[q + 1].low not in lx.SUBJECT_PRONOUNS
        )
        if (
            low in lx.FINITE_AUXILIARIES
            or low in lx.SUBORDINATORS
            or (
                low in {"and", "or", "but"}
                and not (q + 1 < j and toks[q + 1].low in _POSTMODIFIER_OPENERS)
                and not joined
            )
            or low == "than"
            or low in lx.SUBJECT_PRONOUNS
            or (low in lx.SPEECH_VERBS and low not in lx.NOUNLIKE_FORMS)
            or low in lx.BELIEF_VERBS
            or low.endswith(("n't", "n’t"))
            or _past_verb(toks, q)
        ):
            return None  # a verb or clause inside: 'the son of the painter sold the house the mayor says'
    if first is not None:
        return first, s
    head = base(toks[h - 1].low)
    # an office named by its title and domain ('the secretary of state', 'the minister of the interior',
    # 'the president of the club') is the holder the article named with that title, not someone new as
    # in 'the former wife of the senator' (no person noun in the domain: 'the secretary of the mayor' is new)
    office = head in lx.TITLES and toks[h].low == "of" and not any(person_head(base(t.low)) for t in toks[h + 1 : j])
    m = Mention(_span_text(text, toks, s, j), "group", pos=toks[s].start, head=head, restricted=not office)
    return m, s


def _past_verb(toks: list[Tok], q: int) -> bool:
    """A simple past form at q, not a participle modifying a noun after a determiner, a possessive or 'to'
    ('the retired teacher', 'the city's elected board')."""
    t = toks[q]
    low = t.low
    p = q - 1
    while p > 0 and _adverb(toks[p].low) and not toks[p].cap:
        p -= 1  # 'the newly elected head'
    return (
        p >= 0
        and (low in lx.IRREGULAR_PAST or (low.endswith("ed") and not t.cap))
        and not (toks[p].low in lx.DETERMINERS or is_possessive(toks, p) or toks[p].low == "to")
    )


def _quoted_title_start(toks: list[Tok], k: int, lo: int) -> int | None:
    """Where to go on walking left from the quotation mark at k when it belongs to a short quoted title
    after a lowercase word ('the owner of the "Daily Star,"', 'a contestant on the show "Big Week,"'): the
    word before the opening mark. None for any other mark (at most eight words are read)."""
    if k - 1 > lo and toks[k - 1].text not in _QMARKS and toks[k].start == toks[k - 1].end:
        # a closing mark: find its opening one
        o = k - 1
        while o > lo and k - o <= 8 and toks[o].text not in _QMARKS:
            o -= 1
        if toks[o].text in _QMARKS and k - o > 1 and o > lo and toks[o - 1].word and not toks[o - 1].cap:
            return o - 1
        return None
    if k + 1 < len(toks) and toks[k + 1].start == toks[k].end and k > lo and toks[k - 1].word and not toks[k - 1].cap:
        return k - 1  # an opening mark after 'the show'
    return None


def _raised_subject(text: str, toks: list[Tok], v: int, lo: int) -> tuple[Mention, int] | None:
    """'Voters were more likely to say ...', 'Lee was quick to say ...': the subject of the 'be' before
    an adjective that takes 'to' + the verb at v."""
    if v - 3 < lo or toks[v - 1].low != "to" or toks[v - 2].low not in lx.RAISING_ADJECTIVES:
        return None
    b = v - 3
    while b > lo and v - b <= 6 and (toks[b].low in lx.DEGREE_WORDS or _adverb(toks[b].low)):
        b -= 1
    if toks[b].low not in lx.BE_FORMS:
        return None
    m, k = _subject_before(text, toks, b, lo)
    return (m, k) if m is not None else None


def _stance_subject(text: str, toks: list[Tok], v: int, lo: int) -> Mention | None:
    """'Ida Voss is confident that ...', 'The board was deeply concerned that ...', 'Lee made (it) clear
    that ...': the holder of a stance adjective before a that-clause is the subject of 'be' or 'make'; a
    negated stance ('is not convinced that') and a subject that is not a person or group are none."""
    b = v - 1
    while b > lo and v - b <= 4 and (toks[b].low in lx.DEGREE_WORDS or _adverb(toks[b].low) or toks[b].low == "it"):
        b -= 1
    if b < lo or not (toks[b].low in lx.BE_FORMS or toks[b].low in {"made", "makes", "make", "making"}):
        return None
    if toks[b].low in lx.BE_FORMS and toks[b + 1].low == "it":
        return None  # 'it is clear that': no holder
    if any(toks[k].low in lx.NEGATIONS or toks[k].low.endswith(("n't", "n’t")) for k in range(max(lo, b - 2), v)):
        return None
    if (
        v + 2 < len(toks)
        and toks[v + 1].low == "that"
        and (base(toks[v + 2].low) in lx.TIME_WORDS or toks[v + 2].low in lx.TIME_NOUNS)
    ):
        return None  # 'was sure that day': 'that' is a determiner
    m, _ = _subject_before(text, toks, b, lo)
    return m if m is not None and m.kind in {"person", "org", "group", "pronoun"} and not m.generic else None


# Words naming a part of a group before 'of': 'One of the doctors who ...', 'Two of the men who ...'.
_PART_WORDS = frozenset({"one", "two", "three", "four", "five", "none", "each", "all", "both", "half"})


def _restrictive_relative(text: str, toks: list[Tok], j: int, lo: int) -> tuple[Mention, int] | None:
    """'Workers who spoke with the paper said', 'The engineers who built the dam said', 'The farmers whose
    fields flooded say': the noun phrase before a 'who' or 'whose' clause without commas, which ends right
    before the verb, opening the clause; also before 'that' or 'which' after the head of a body or person
    that speaks ('The company that operates the line said', 'The agency which runs the park said'). Looks at
    most 14 words back, so the cost per cue is bounded."""
    rel = {"who", "whose", "that", "which"}
    w = j - 1
    while w > lo and j - w <= 14 and toks[w].word and toks[w].low not in rel:
        w -= 1
    if w <= lo or toks[w].low not in rel or w >= j - 1:
        return None
    if toks[w].low in {"that", "which"}:
        head = toks[w - 1]
        low = base(head.low)
        if head.cap or not (low in lx.SPEAKING_HEADS or (low.endswith("s") and low[:-1] in lx.SPEAKING_HEADS)):
            return None  # 'warned that the agency said', 'the fact that ...': no relative on a speaker
    if toks[w - 1].low == "and":
        # 'A voter who lived in the town and who asked not to be named said': the first of two 'who'
        w2 = w - 2
        while w2 > lo and w - w2 <= 14 and toks[w2].word and toks[w2].low not in rel:
            w2 -= 1
        if w2 <= lo or toks[w2].low not in rel:
            return None
        w = w2
    k = _np_backward(toks, w - 1, lo)
    if k >= w:
        return None
    if k - 2 >= lo and toks[k - 1].low == "and":
        # 'Ada Lund and her aides who oppose the canal said': the name of the first conjunct speaks;
        # 'Ada Lund and others who ...': the phrase as written (no second one to name)
        k2 = _np_backward(toks, k - 2, lo)
        m2 = _analyze(text, toks, k2, k - 1) if k2 < k - 1 else None
        first = k2 == lo or toks[k2 - 1].text in _QMARKS or toks[k2 - 1].text in lx.CLAUSE_END
        if m2 is not None and m2.kind in {"person", "org"} and first:
            if w == k + 1 and toks[k].low in _OTHERS:
                return Mention(_span_text(text, toks, k2, w), "group", pos=toks[k2].start, restricted=True), k2
            return m2, k2
    if k - 2 >= lo and toks[k - 1].low == "of" and toks[k - 2].low in lx.QUANTIFIER_PRONOUNS | _PART_WORDS:
        # 'One of the doctors who signed the letter said': the part of the group opening the clause
        q = k - 2
        if q == lo or toks[q - 1].text in _QMARKS or toks[q - 1].text in lx.CLAUSE_END:
            return Mention(_span_text(text, toks, q, w), "group", pos=toks[q].start, restricted=True), q
    opens = (
        k == lo
        or toks[k - 1].text in _QMARKS
        or toks[k - 1].text in lx.CLAUSE_END
        or toks[k - 1].low in {"and", "but", "yet", "so"}
    )
    m = _analyze(text, toks, k, w)
    if not opens or m is None or m.kind not in {"person", "org", "group"}:
        return None
    return m, k


# How much time an 'ago' adjunct counts back: 'two weeks ago', 'a few days ago', 'just a month ago'
_AGO_AMOUNTS = lx.wordset(
    "a an one two three four five six seven eight nine ten eleven twelve few several many some about nearly "
    "almost just only barely roughly"
)


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
            or (toks[j - 1].low in lx.ADVERBS_AFTER_AUXILIARY and j - 2 >= lo and toks[j - 2].low in lx.AUXILIARIES)
        ):
            j -= 1
        if j <= lo:
            return j
        last = toks[j - 1]
        if last.low == "ago" and j - 2 > lo and base(toks[j - 2].low).removesuffix("s") in lx.TIME_WORDS:
            # 'the ministry two weeks ago said', 'Ada Cole less than a month ago told': back over the
            # amount ('two', 'a', 'several') and its hedge ('less than', 'about', 'just')
            k = j - 2
            while (
                k > lo
                and j - k <= 6
                and (
                    toks[k - 1].text[:1].isdigit()
                    or toks[k - 1].low in _AGO_AMOUNTS
                    or (toks[k - 1].low == "than" and k - 2 >= lo and toks[k - 2].low in {"less", "more"})
                    or (toks[k - 1].low in {"less", "more"} and toks[k].low == "than")
                )
            ):
                k -= 1
            if k < j - 2 and k > lo:
                j = k
                continue
        if (
            base(last.low) in lx.TIME_WORDS
            or _time_number(toks, j - 1)
            or (base(last.low) in lx.SPEAKING_VENUES and not last.cap)
        ):
            # back over the adjunct's words to the word that opens it
            k = j - 1
            while (
                k > lo
                and j - k <= 4
                and (
                    base(toks[k - 1].low) in lx.TIME_WORDS
                    or _time_number(toks, k - 1)
                    or toks[k - 1].low in lx.DETERMINERS
                    or toks[k - 1].low == "past"  # 'this past week'
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
            elif (
                toks[k].low in _WEEKDAYS
                and k > lo
                and all(base(t.low) in lx.TIME_WORDS for t in toks[k:j])
                and (toks[k - 1].cap or toks[k - 1].low in lx.TIME_ADVERBS or toks[k - 1].low in lx.AUXILIARIES)
            ):
                # a bare weekday after a name or an adverb, news style: 'Ada Cole Thursday told', 'Ada Cole
                # later Tuesday night said' (but 'voters going to the polls Tuesday say': the polls' day)
                j = k
        if j > lo + 1 and toks[j - 1].text == ")":
            k = j - 2
            while k > lo and j - k <= 12 and toks[k].text not in {"(", ")"}:
                k -= 1
            if toks[k].text == "(" and k > lo and toks[k - 1].word:
                j = k  # "Sen. Ada Cole (D-Ore.) said", "The Global Water Council (GWC) recommends"
        d = j - 1  # the closing dash; '--' typed as two hyphens is one dash
        if d - 1 > lo and toks[d].text == "-" and toks[d - 1].text == "-" and toks[d - 1].end == toks[d].start:
            d -= 1
        if d > lo + 1 and toks[j - 1].text in lx.DASHES and toks[d].start > toks[d - 1].end:
            k = d - 1
            while k > lo and d - k <= 25 and toks[k].text not in lx.DASHES and toks[k].text not in {".", ";", "("}:
                k -= 1
            if d < j - 1 and k - 1 > lo and toks[k].text == "-" and toks[k - 1].text == "-":
                k -= 1  # the opening '--'
            if toks[k].text == toks[d].text and k > lo and toks[k - 1].word:
                j = k  # 'Ada Cole — a nurse from Leeds — says', 'Ada Cole -- a nurse -- says'
        if j == before:
            break
    return j


def _participle_subject(text: str, toks: list[Tok], j: int, lo: int) -> tuple[Mention, int] | None:
    """'A nurse working at the clinic said', 'A port worker talking to the paper said': the noun phrase
    opening the clause before a participle phrase that ends right before the verb (no punctuation between;
    at most ten words are read)."""
    for g in range(j - 1, max(lo, j - 10), -1):
        t = toks[g]
        if not t.word:
            return None
        if (
            t.low.endswith("ed")
            and not t.cap
            and len(t.low) > 4
            and g - 1 >= lo
            and (g + 1 == j or toks[g + 1].low in lx.PARTICIPLE_ADJUNCT_OPENERS)
        ):
            # 'Residents interviewed on Friday said', 'Voters polled last week said', 'Workers reached by
            # the paper said': a past participle right after the noun, with its agent or time
            m, k = _subject_np(text, toks, g, lo)
            opens = k == lo or toks[k - 1].text in _QMARKS or toks[k - 1].text in lx.CLAUSE_END
            people = _plural_noun(toks[g - 1]) or _person_head(toks[g - 1])
            if m is not None and opens and m.kind in {"person", "group"} and people:
                return m, k
            continue
        if (
            t.low.endswith("ing")
            and not t.cap
            and len(t.low) > 5
            and t.low not in lx.ING_NOUNS
            and g - 1 > lo - 1
            and toks[g - 1].word
        ):
            if g + 1 < j and toks[g + 1].word and not toks[g + 1].cap and body_kind(toks[g + 1].low) is not None:
                # 'Danish shipping group Moller Line said', 'a mining company said': a gerund before the
                # noun for a kind of body is a modifier of that noun, no participle phrase
                return None
            m, k = _subject_np(text, toks, g, lo)
            opens = k == lo or toks[k - 1].text in _QMARKS or toks[k - 1].text in lx.CLAUSE_END
            # a generic plural counts: 'Syrian hackers backing the regime said' (people outside the
            # lexicon), not the participle's object
            if (
                m is not None
                and opens
                and m.kind in {"person", "group", "org"}
                and (not m.generic or _plural_noun(toks[g - 1]))
            ):
                return m, k
            return None
    return None


def _plural_noun(t: Tok) -> bool:
    """A lowercase or clause-opening plural common noun: 'residents', 'Voters', 'hackers'."""
    low = t.low
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and low.isalpha()


def _access_source(toks: list[Tok], j: int, lo: int) -> int | None:
    """Start of 'a source familiar with the talks', 'people close to the mayor', 'an official briefed on
    the plan' ending just before toks[j]: an unnamed source described by its access (bounded look-back)."""
    for a in range(j - 2, max(lo, j - 14) - 1, -1):
        t = toks[a]
        if t.text in lx.CLAUSE_END or t.text in _QMARKS:
            return None
        if (
            t.low in lx.ACCESS_WORDS
            and a - 1 >= lo
            and (base(toks[a - 1].low) in lx.SOURCE_HEADS or toks[a - 1].low in lx.ACCESS_PRONOUNS)
        ):
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


def _plural_head(m: Mention) -> bool:
    """The description's head is a plural ('analysts', 'supporters')."""
    return m.head is not None and m.head.endswith("s") and not m.head.endswith("ss")


def _determined_phrase(toks: list[Tok], h: int, lo: int) -> bool:
    """The lowercase noun at h closes a phrase opened by an article, over a few modifiers or nouns joined
    by 'and': 'a drought', 'the long strike', 'a heatwave and drought'."""
    q = h - 1
    while q > lo and h - q < 5 and toks[q].word and not toks[q].cap and toks[q].low not in {"a", "an", "the"}:
        if not (_modifier_word(toks[q]) or toks[q].low == "and"):
            return False
        q -= 1
    return q >= lo and toks[q].low in {"a", "an", "the"}


def _purpose_scope(toks: list[Tok], k2: int, ko: int, j: int) -> bool:
    """A body's name toks[k2:ko-1] stating a purpose ('... for Security', '... on Climate') before 'in' and
    a continent or wider region toks[ko:j] ('Europe', 'Latin America'), which the gazetteer holds as no
    country, region or city."""
    if not any(t.low in {"for", "on"} for t in toks[k2 : ko - 1]):
        return False
    entry = gazetteer().get(norm(" ".join(t.text for t in toks[ko:j])))
    return entry is not None and entry.kind == "other"


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
    elif ko - 2 > lo and toks[ko - 1].low == "the" and toks[ko - 2].low in {"for", "of", "from", "at", "with"}:
        ko -= 1  # 'Ivo Petrov of the Courier and Star': the name joined by 'and' is already whole
    if (
        ko - 3 >= lo
        and toks[ko - 1].low in {"of", "from"}
        and toks[ko].cap
        and toks[ko - 3].low == "the"
        and not toks[ko - 2].cap
        and base(toks[ko - 2].low) in lx.TITLES
        and m is not None
        and m.kind != "pronoun"
    ):
        # 'the senator from Ohio said', 'the mayor of Riverton says': the office holder, not the place
        head = base(toks[ko - 2].low)
        return Mention(_span_text(text, toks, ko - 3, j), "group", pos=toks[ko - 3].start, head=head), ko - 3
    if (
        ko - 3 >= lo
        and toks[ko - 1].low in {"of", "from"}
        and toks[ko].cap
        and not toks[ko - 2].cap
        and body_kind(toks[ko - 2].low) is not None
        and m is not None
        and m.kind != "pronoun"
    ):
        # 'the state oil company of Vardan said', 'the national airline of Keld says': a lowercase body
        # of a place speaks, as written, not the place
        d = ko - 3
        while d > lo and ko - d < 6 and toks[d].word and not toks[d].cap and toks[d].low not in lx.DETERMINERS:
            d -= 1
        if toks[d].low == "the" and all(_modifier_word(t) for t in toks[d + 1 : ko - 2]):
            return Mention(_span_text(text, toks, d, j), "group", pos=toks[d].start), d
    if ko - 3 >= lo and toks[ko - 1].text == "The" and toks[ko - 2].low in {"for", "of", "from", "at", "with", "in"}:
        ko -= 1  # 'Ivo Petrov of The Harbor Times said': a name's own capitalised article
    if ko - 2 >= lo and toks[ko - 1].low in {"for", "of", "from", "at", "with", "in"} and toks[ko - 2].cap:
        # "Lydia Smith for Food Standards Agency says": the person speaks for the organisation;
        # "the Russian Embassy in London issued": the organisation, not the place
        k2 = _np_backward(toks, ko - 2, lo)
        m2 = _analyze(text, toks, k2, ko - 1)
        if m2 is not None and (m2.kind == "person" or (m2.kind == "org" and toks[ko - 1].low == "in")):
            if m2.kind == "org" and _purpose_scope(toks, k2, ko, j):
                # 'the Organization for Security and Co-operation in Europe said': a continent or wider
                # region after a body's purpose is the scope inside its name, not where it sits
                s2 = k2 + 1 if toks[k2].low in lx.DETERMINERS else k2
                return Mention(_span_text(text, toks, s2, j), "org", pos=toks[s2].start), k2
            if m2.kind == "person":
                m2.role = m2.role or text[toks[ko - 1].start : toks[j - 1].end]
            return m2, k2
    if (
        m is not None
        and m.kind != "pronoun"
        and k - 2 > lo
        and toks[k - 1].low in _PLACE_PREPOSITIONS
        and _participle_word(toks[k - 2])
    ):
        # 'Bones found in Keld suggest that ...': the place after a participle modifies the noun before it,
        # which is the subject
        return _subject_np(text, toks, k - 2, lo)
    if (
        m is not None
        and m.kind != "pronoun"
        and k - 3 >= lo
        and toks[k - 1].low == "in"
        and toks[k - 2].word
        and not toks[k - 2].cap
        and _determined_phrase(toks, k - 2, lo)
        and not _person_head(toks[k - 2])
        and body_kind(toks[k - 2].low) is None
        and base(toks[k - 2].low) not in lx.GROUP_NOUNS
        and base(toks[k - 2].low) not in lx.ORG_HEADS
        and base(toks[k - 2].low) not in lx.DOCUMENT_NOUNS
    ):
        # 'as a drought in Kasmir threatened the harvest': the place is the object of 'in' inside a subject
        # naming a thing, which makes no report
        m = None
    # the object of a preposition ("a memo seen by the Daily Courier says") is not the subject, except in
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
            opens = k2 == lo or toks[k2 - 1].text in ',"“”'
            if (
                opens
                and m2 is not None
                and toks[k].low in lx.DOCUMENT_OWNER_PRONOUNS
                and (
                    m2.kind in {"person", "org", "pronoun"}
                    or (m2.kind == "group" and (not m2.generic or toks[k].low == "its"))
                )
            ):
                # 'She and her aides said', 'The minister and his deputy told', 'The trust and its partners
                # argue': the second conjunct is the first one's entourage; the first speaks
                return m2, k2
            if opens and m2 is not None and m2.kind == "pronoun" and m2.name in {"he", "she", "they"}:
                # 'She and President Omar Haddad said': the first conjunct speaks, as with a name first
                return m2, k2
            # 'Farmers and fishermen said': a person noun opening the sentence is capitalised, no name
            common = m2 is not None and (m2.kind == "group" or (k2 == k - 2 and _person_head(toks[k2])))
            # (not an apposition after a name: 'to Ann Lee, two pilots and veterans of the port, asking')
            apposition = k2 >= 2 and toks[k2 - 1].text == "," and toks[k2 - 2].cap
            # (people, not a body beside them: 'Voters and the agency said' stays two subjects)
            body = base(toks[j - 1].low) in lx.ORG_HEADS or base(toks[k - 2].low) in lx.ORG_HEADS
            people = common and not apposition and not body and m.kind == "group"
            whole = _analyze(text, toks, k2, j) if opens and people else None
            if whole is not None and whole.kind == "group":
                # people if either conjunct is ('The mayor and the harbour master')
                whole.generic = m.generic and m2 is not None and m2.generic
                # 'The farmers and fishermen said', 'The mayor and the governor said': common nouns
                # coordinated speak together, as with a comma after them; a named first conjunct speaks
                # alone ('Ann Lee and her aides said')
                return whole, k2
            if m2 is not None and m2.kind in {"person", "org"} and opens:
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
        if t.text in _QMARKS and _quoted_title_start(toks, k, lo) is not None:
            # a quoted title inside an apposition: 'Tom Best, the owner of the "Daily Star," said'
            k = _quoted_title_start(toks, k, lo) or k
            continue
        spaced_hyphen = t.text == "-" and k > lo and toks[k - 1].end < t.start
        if t.text == "," or k == lo or t.text in _QMARKS or t.text in lx.CLAUSE_PUNCT or spaced_hyphen:
            s = k + 1 if (t.text == "," or t.text in _QMARKS or t.text in lx.CLAUSE_PUNCT or spaced_hyphen) else k
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
    leftmost_clause = False
    for n, (s, e) in enumerate(chunks):
        while e - s > 1 and toks[e - 1].low in lx.POSTNOMINALS and toks[e - 2].cap:
            e -= 1  # 'Ada Cole Jr., who ...': the name without its suffix
        if e <= s:
            continue
        if e - s == 1 and toks[s].text.isdigit():
            continue  # an age ('Reilly, 61, said') describes; it never speaks
        kind = _chunk_kind(toks, s, e, leftmost=n == len(chunks) - 1)
        if kind == "adjunct" and n > 0 and _age_chunk(toks, *chunks[n - 1]) and toks[s].cap:
            kind = "name"  # 'Kelly, 44, said': a name before an age, though it ends like an adverb
        if kind == "adjunct":
            continue
        m, kk = _subject_np(text, toks, e, s)
        post = _postmodified_subject(text, toks, e, s) if n == len(chunks) - 1 and n > 0 else None
        if post is not None and post[0].kind == "group" and (m is None or post[1] <= kk) and _plural_head(post[0]):
            # 'Analysts at the Keld Fund, a think tank, said': people with their modifier opening the clause
            # speak whole, as without the apposition (a singular one may be a name's apposition: 'the other
            # candidate on the stage, former Senator Ann Lee, said')
            m, kk = post
        if n == len(chunks) - 1 and n > 0 and kind in {"name", "role"} and _clause_with_verb(toks, s, e):
            # 'Prices rose as a drought in Keld, the biggest grower, hit the crop': the clause opening the
            # sentence holds the subject; an apposition after it only describes its last noun
            leftmost_clause = True
        # (but a pronoun owning a document opening the clause: 'Its report, out in May, said')
        if m is None or (m.kind == "pronoun" and n > 0 and not (m.document and n == len(chunks) - 1)):
            continue
        head = s
        while head < e and (toks[head].low in lx.CHUNK_SKIP or toks[head].low == "even"):
            head += 1
        if kk - 1 > head and toks[kk - 1].low == "as" and kk > lo + 1 and not toks[kk - 2].cap:
            # 'Lee offered the man a job as Minister of Ports, then says ...': the office after 'as' closing a
            # clause is its complement, no subject
            continue
        if (
            kk > head
            and kind != "role"
            and any(t.low in lx.ADJUNCT_OPENERS for t in toks[head:kk])
            # but 'a rule named after a man, after Warren E. Buffett complained': a clause's own subject
            and next(t.low for t in reversed(toks[head:kk]) if t.low in lx.ADJUNCT_OPENERS) not in lx.CLAUSE_OPENERS
        ):
            # 'One teller in Texas', 'a job posting on the site of X': the phrase before the preposition
            p = next(q for q in range(head + 1, kk) if toks[q].low in lx.ADJUNCT_OPENERS)
            speaks_for = base(toks[p - 1].low) in lx.SPEAKS_FOR_NOUNS and toks[p].low in {"for", "of", "at"}
            if speaks_for and named is not None and named[0].kind == "person":
                continue  # 'A spokeswoman for the Port Board, Ada Cole, said': the spokeswoman is named
            if not speaks_for:
                # but 'A spokeswoman for the Port Board, who asked not to be named, said': the body speaks
                # through its spokeswoman, as without the relative clause
                m, kk = _subject_np(text, toks, p, head)
                if m is None:
                    continue
        if kk > head and kind == "name" and _object_of_clause(toks, head, kk):
            continue  # 'Each faction pinned its hopes on Ann Lee, believing ...': a clause ending in its object
        part = kk - 1 if kk - 1 > head and toks[kk - 1].low not in lx.DETERMINERS else kk - 2
        if kk > head and kind != "role" and part > head and _object_participle(toks[part]):
            # 'One pastor backing Mr. Vint, Ben Roe, said': the name is the participle's object; the
            # phrase before the participle is the chunk's noun
            m, kk = _subject_np(text, toks, part, head)
            if m is None:
                continue
        if kk > head and n == len(chunks) - 1 and any(toks[q].low == "and" for q in range(head, kk)):
            # 'Harbour engineers and city officials, however, said': a coordinated subject opening the clause
            whole = _analyze(text, toks, head, e)
            if whole is not None and whole.kind == "group" and not whole.generic:
                m, kk = whole, head
        if kk > head and kind == "role":  # only the chunk's tail: a clause ('it referred to X'), no subject
            continue
        if kind == "name" and m.kind in {"person", "org"}:
            named = (m, kk, n)
        else:
            other = (m, kk, n)
    best = named or other
    if best is None or (named is None and leftmost_clause and best[2] < len(chunks) - 1):
        return None, comma
    m, kk, n = best
    if m.role is None and n > 0:
        rs, re_ = chunks[n - 1]
        if rs < re_ and _chunk_kind(toks, rs, re_) == "role":
            m.role = text[toks[rs].start : toks[re_ - 1].end]
    return m, kk


def _object_before(toks: list[Tok], s: int) -> bool:
    """Does a verb come right before the phrase at s, making it the verb's object ('to form a government',
    'backed the union')? A preposition, subordinator, conjunction or punctuation does not."""
    t = toks[s - 1]
    if not t.word or t.cap or t.low in lx.CLAUSE_OPENERS or t.low in lx.ADJUNCT_OPENERS:
        return False  # ('A spokesman for Platte River declined ...': the name closes the subject's phrase)
    return (s - 2 >= 0 and toks[s - 2].low == "to") or t.low in lx.IRREGULAR_PAST or t.low.endswith("ed")


# Prepositions of place after a participle inside a subject ('found in Keld', 'taken at the site').
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "off", "across", "inside", "outside", "along"})


def _participle_word(t: Tok) -> bool:
    """A lowercase past participle ('found', 'taken', 'recorded') modifying the noun before it."""
    return (
        t.word
        and not t.cap
        and ((t.low.endswith("ed") and t.low.isalpha() and len(t.low) > 4) or t.low in lx.IRREGULAR_PARTICIPLES)
    )


def _age_chunk(toks: list[Tok], s: int, e: int) -> bool:
    """A chunk that is only an age: '61', 'aged 61'."""
    words = toks[s:e]
    if words and words[0].low == "aged":
        words = words[1:]
    return len(words) == 1 and words[0].text.isdigit() and 0 < int(words[0].text) < 120


def _clause_with_verb(toks: list[Tok], s: int, e: int) -> bool:
    """A chunk holding a finite verb of its own before a subordinator ('Prices rose as ...'): a clause,
    not a noun phrase."""
    return any(
        not toks[q].cap and (toks[q].low in lx.FINITE_AUXILIARIES or toks[q].low in lx.IRREGULAR_PAST)
        for q in range(s, e)
    ) and any(toks[q].low in lx.CLAUSE_OPENERS for q in range(s, e))


def _object_of_clause(toks: list[Tok], head: int, kk: int) -> bool:
    """The name at kk ends a clause begun at head as its verb's object: a finite verb stands between them
    with no subordinator after it ('pinned its hopes on Ann Lee'; not 'had come up after Ann Lee', whose
    name is the subject of the clause 'after' opens)."""
    for q in range(kk - 1, head, -1):
        t = toks[q]
        if t.low in lx.SUBORDINATORS or t.low in lx.CLAUSE_OPENERS or t.low in {"that", "until", "than"}:
            return False
        if _finite_verb(t):
            return True
    return False


def _finite_verb(t: Tok) -> bool:
    """A lowercase past form or finite auxiliary ('pinned', 'gave', 'has'): a clause's verb."""
    return (
        t.word
        and not t.cap
        and (t.low in lx.FINITE_AUXILIARIES or t.low in lx.IRREGULAR_PAST or (t.low.endswith("ed") and len(t.low) > 4))
    )


def _object_participle(t: Tok) -> bool:
    """A lowercase participle that takes an object ('backing', 'supporting', 'representing')."""
    return t.word and not t.cap and len(t.low) > 5 and t.low.endswith("ing") and t.low not in lx.ING_NOUNS


# Words that hand a description over to the name it goes by: 'the base chief known as Bob', 'a trader
# calling himself Bull Run', 'a driver nicknamed Turbo'
_NAME_LINKERS = {"known": "as", "calling": "", "nicknamed": "", "called": "", "dubbed": ""}
_REFLEXIVES = frozenset(["himself", "herself", "themselves", "itself"])


def _named_description(text: str, toks: list[Tok], v: int, hi: int) -> tuple[Mention, int] | None:
    """An inverted subject whose name follows a description the other readers stop inside: 'said another
    Facebook user, Ann Best' (an apposition after a mixed description), 'said master of ceremonies Tom Vint'
    (a lowercase office with 'of'), 'said the base chief known as Bob', 'wrote a trader calling himself
    Bull Run'. The name speaks, with the description as its role; at most eight words are read."""
    k = v + 1
    det = k < hi and toks[k].low in lx.DETERMINERS and toks[k].low != "that"
    start = k + 1 if det else k
    name = linked = None
    q = start
    while q < hi and q - start < 8:
        t = toks[q]
        if t.text == "," and det and q > start:
            name = q + 1  # 'another Facebook user, Ann Best'
            break
        if t.low in _NAME_LINKERS and q > start and not toks[q - 1].cap:
            n = q + 1
            follow = _REFLEXIVES if t.low == "calling" else {_NAME_LINKERS[t.low]}
            if n < hi and toks[n].low in follow:
                n += 1
            elif t.low in {"calling", "known"}:
                return None  # 'a trader calling for calm', 'a chief known for his temper'
            name = linked = n
            break
        if (
            t.cap
            and not det
            and q - start >= 2
            and toks[q - 1].word
            and not toks[q - 1].cap
            and any(toks[r].low == "of" and toks[r + 1].low not in lx.DETERMINERS for r in range(start + 1, q - 1))
        ):
            # 'master of ceremonies Tom Vint', 'chief of staff Ann Lee' (an office, not 'members of the union X')
            name = q
            break
        if not t.word or t.low in lx.NOUN_PHRASE_STOPS or (t.low in lx.ADJUNCT_OPENERS and t.low != "of"):
            return None
        if not det and not (t.cap or t.low == "of" or t.low.isalpha()):
            return None
        q += 1
    if name is None or name >= hi or not toks[name].cap:
        return None
    e = _forward_np(toks, name, hi)
    m = _analyze(text, toks, name, e) if e > name else None
    if m is None or (m.kind != "person" and not (linked and m.kind in {"org", "group"})):
        return None  # a nickname may read as a group or body: 'a trader calling himself Bull Run'
    m.role = m.role or _span_text(text, toks, v + 1, name - 1 if toks[name - 1].text == "," else name)
    return m, e


def _subject_after(text: str, toks: list[Tok], v: int, hi: int) -> Mention | None:
    """Inverted order: '..., said RSNA.' / '"...," said Ambassador Okonjo.'"""
    found = _subject_after_span(text, toks, v, hi)
    return found[0] if found is not None else None


def _subject_after_span(text: str, toks: list[Tok], v: int, hi: int) -> tuple[Mention, int] | None:
    """:func:`_subject_after` with the index where the inverted subject ends."""
    if v + 1 >= hi or toks[v + 1].low == "that":
        return None  # '..., noted that X is ...': a complement clause, no inverted subject
    nxt = toks[v + 1]
    if nxt.low in lx.PRONOUNS and nxt.low in {"he", "she", "they", "it"}:
        e = v + 2
        if e < hi and toks[e].word and toks[e].low.endswith("ed"):
            return None  # 'X, who declined to give his name, said he jumped from the deck': the clause's subject
        m: Mention | None = Mention(nxt.low, "pronoun", pos=nxt.start)
    else:
        e = _forward_np(toks, v + 1, hi)
        if e <= v + 1 or (v + 2 < hi and _dating_modifier(toks[v + 2]) and toks[v + 1].low in lx.DETERMINERS):
            # ('reads a Wednesday editorial': the day dates the common noun after it, no name)
            e = max(e, _forward_common_np(toks, v + 1, hi))
            if e <= v + 1:
                e = v + 1
        d = _forward_description(toks, v + 1, hi)
        if d > e:
            e = d  # 'said retired Navy Capt. Tom Riley', 'added another Ohio Democrat'
        named = _named_description(text, toks, v, hi)
        if named is not None and named[1] > e:
            return named if _ends_clause(toks, named[1], hi) else None
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
        if m.kind == "group" and e + 2 < hi and toks[e].text == "," and toks[e + 1].cap:
            # 'said another reader, Ann Best.': the name in apposition to the description
            e2 = _forward_np(toks, e + 1, hi)
            m2 = _analyze(text, toks, e + 1, e2) if e2 > e + 1 else None
            if m2 is not None and m2.kind == "person" and (e2 >= hi or not toks[e2].word):
                m2.role = m2.role or _span_text(text, toks, v + 1, e)
                m, e = m2, e2
    if (
        e + 1 < hi
        and toks[e].low == "and"
        and toks[e + 1].low in _OTHERS
        and m is not None
        and m.kind in {"person", "org"}
    ):
        # 'said Ada Lund and others,': the phrase as written (no second one to name)
        m = Mention(_span_text(text, toks, v + 1, e + 2), "group", pos=toks[v + 1].start, restricted=True)
        e += 2
    return (m, e) if m is not None and _ends_clause(toks, e, hi) else None


def _ends_clause(toks: list[Tok], e: int, hi: int) -> bool:
    """The inverted subject ending at e ends the clause: ',' '.' end, or an adjunct ("said X in a
    statement", "said X, speaking to reporters")."""
    if e < hi:
        t = toks[e]
        if (
            t.word
            and not (t.low.endswith("ing") and not t.cap)
            # 'said one aide involved in the talks': a participle with its preposition
            and not (t.low.endswith("ed") and not t.cap and e + 1 < hi and toks[e + 1].low in lx.ADJUNCT_OPENERS)
            and t.low
            not in {
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
                "whom",
                "whose",
                "from",
            }
        ):
            return False
    return True


def _past_opening_adjuncts(toks: list[Tok], start: int, v: int) -> int:
    """Where the clause proper starts after its opening adverbials up to their commas: 'Later on Sunday,
    ...', 'In June, after X won, ...', 'Amid a rough week for the mayor, and with polls showing her rival
    ahead, ...' (the caller bounds the stretch before v)."""
    while True:
        comma = next((k for k in range(start, v) if toks[k].text == ","), None)
        if comma is None or _chunk_kind(toks, start, comma) != "adjunct":
            return start
        start = comma + 1


def _forward_main_subject(text: str, toks: list[Tok], p: int, lo: int, hi: int) -> Mention | None:
    """'In what she called her last appeal, Mayor Ada Kerr urged ...', 'Even as he denied the
    charge, Tom Vint refused to ...': the person named as the main clause's subject after the adverbials
    that open the sentence, when the pronoun at p stands inside them with no name before it (the pronoun
    points forward). At most 60 words are read."""
    if p <= lo or p - lo > 60 or any(toks[q].cap for q in range(lo + 1, p)):
        return None
    s = _past_opening_adjuncts(toks, lo, min(hi, lo + 60))
    while s < hi and toks[s].text in _QMARKS:
        s += 1  # the closing mark of a quoted word ending the adverbial: '... a "rant," Ida Wren ...'
    if s <= p + 1 or s >= hi:
        return None
    e = _forward_np(toks, s, hi)
    if e <= s or e >= hi or not (toks[e].text == "," or (toks[e].word and not toks[e].cap)):
        return None
    m = _analyze(text, toks, s, e)
    return m if m is not None and m.kind == "person" else None


def _opening_clause_person(text: str, toks: list[Tok], lo: int, hi: int, main: int) -> Mention | None:
    """'Though Tom Vint would not name his deputy, the chairman did give his view': the person named
    as the subject of a concessive clause opening the sentence ('though', 'although'), when the main
    clause, whose subject starts at ``main``, follows right after its comma and concedes the contrast about
    the same person (at most 60 words; 'When Lee arrived, the mayor said' may well be someone else)."""
    s = lo
    while s < hi and toks[s].low in lx.CHUNK_SKIP:
        s += 1
    if s >= hi or toks[s].low not in {"though", "although"} or main - lo > 60:
        return None
    if _past_opening_adjuncts(toks, lo, main) != main:
        return None
    e = _forward_np(toks, s + 1, main)
    if e <= s + 1 or e >= main or not toks[e].word or toks[e].cap:
        return None
    m = _analyze(text, toks, s + 1, e)
    return m if m is not None and m.kind == "person" else None


def _opens_clause(toks: list[Tok], k: int, lo: int) -> bool:
    """The phrase starting at k opens its clause: only opening adverbials and appositions stand before
    it, each up to its comma ('In an interview, Ann Lee, ...', 'The port's former director, Ann Lee, ...').
    At most seven chunks of 40 words are read."""
    s = lo
    for _ in range(7):
        while s < k and toks[s].low in lx.CHUNK_SKIP:
            s += 1  # 'But Ann Lee, ...'
        if s == k:
            return True
        comma = next((q for q in range(s, min(k, s + 40)) if toks[q].text == ","), None)
        if comma is None or _chunk_kind(toks, s, comma, leftmost=s == lo) not in {"adjunct", "role"}:
            return False
        s = comma + 1
    return False


def _clause_subject(
    text: str,
    toks: list[Tok],
    v: int,
    lo: int,
    quoted: set[int] | frozenset[int] = frozenset(),
    descriptions: bool = False,
) -> Mention | None:
    """Subject of the main clause that v belongs to ('Hollis defended ..., promising ...', 'Ada Cole did
    not seem impressed, telling ...', 'Lee was quick to praise the mayor after he won and said ...'): the
    first finite verb after the clause's start (past an opening adverbial up to its comma). Looks at a
    bounded stretch, so a huge sentence stays linear."""
    floor = max(lo, v - 80)
    start = v
    while start > floor and toks[start - 1].text not in {";", ":"}:
        start -= 1
    start = _past_opening_adjuncts(toks, start, v)
    for k in range(start + 1, v):
        t = toks[k]
        if not t.word or t.cap or k in quoted:
            continue
        if not (
            t.low.endswith(("ed", "es", "s"))
            or t.low in lx.FINITE_AUXILIARIES
            or t.low in lx.IRREGULAR_PAST
            or t.low.endswith(("n't", "n’t"))
        ):
            continue
        if (
            t.low.endswith("ed")
            and toks[k - 1].low in lx.DETERMINERS
            and k + 1 < v
            and toks[k + 1].word
            and not toks[k + 1].cap
            and toks[k + 1].low not in lx.NOUN_PHRASE_STOPS
            and toks[k + 1].low not in lx.ADJUNCT_OPENERS
            and toks[k + 1].low not in lx.DETERMINERS
        ):
            continue  # 'Several retired diplomats': an adjective after the determiner, no verb
        if t.low.endswith("s") and t.low not in lx.FINITE_AUXILIARIES and _person_head(t):
            # 'Other former Navy officers ...': a plural noun for people, no verb; a plain verb may follow it
            # ('All the harbour pilots oppose the plan, arguing ...')
            n = k + 1
            if (
                n < v
                and n not in quoted
                and toks[n].word
                and not toks[n].cap
                and toks[n].low not in lx.ADJUNCT_OPENERS
                and toks[n].low not in lx.DETERMINERS
                and toks[n].low not in lx.NOUN_PHRASE_STOPS
                and toks[n].low not in lx.PRONOUNS
                and not _adverb(toks[n].low)
                and not toks[n].low.endswith("ing")
            ):
                m, s = _subject_before(text, toks, n, start)
                if m is not None and s == start and m.kind in {"person", "org", "group", "quantity"}:
                    return m
            continue
        p = k - 1
        while p > start and (
            toks[p].low in lx.AUXILIARIES
            or _adverb(toks[p].low)
            or toks[p].low in lx.INTERRUPTING_ADVERBS  # 'Ann Lee even backed ..., saying'
            or toks[p].low in {"never", "not"}
        ):
            p -= 1
        if toks[p].text == ")" and p - 1 > start:
            # 'Rep. Ann Lee (D-Ore.) reacted to the news, saying': the word before a bracketed tag
            o = next((q for q in range(p - 1, max(start, p - 8), -1) if toks[q].text in "()"), None)
            if o is not None and toks[o].text == "(" and o - 1 >= start and toks[o - 1].cap:
                m, _ = _subject_before(text, toks, k, start)
                if m is not None and m.kind in {"person", "org"}:
                    return m
        post = _postmodified_subject(text, toks, p + 1, start)
        if post is not None:
            # 'Several diplomats with long service in the region bristled at the plan and said ...'
            return post[0]
        past = t.low.endswith("ed") or t.low in lx.IRREGULAR_PAST or t.low in lx.FINITE_AUXILIARIES
        if past and toks[p].word and not toks[p].cap and _person_head(toks[p]):
            # 'The veteran senator spent two years in a camp and says ...': a description as the subject
            m, s = _subject_before(text, toks, k, start)
            if m is not None and m.kind == "group" and not m.generic and s == start:
                return m
        if (
            toks[p].cap
            or toks[p].low in lx.PRONOUNS
            or base(toks[p].low) in lx.GROUP_NOUNS
            or (base(toks[p].low) in lx.ORG_HEADS and base(toks[p].low) not in lx.COMMON_WORD_ORG_HEADS)
        ):
            m, s = _subject_before(text, toks, k, start)
            if s > start and _object_before(toks, s):
                # 'Talks to form a new government collapsed after the party walked out, saying ...': the
                # phrase is an object ('to form X'), no subject; a later clause's own subject may be
                continue
            return m if m is not None and m.kind in {"person", "org", "pronoun", "group"} else None
        if toks[p].text == "," and p - 1 > start and toks[start].cap:
            # 'Tom Best, who has run the port for years, arrived late and acknowledged ...': the verb after
            # an apposition or relative clause between commas
            m, s = _subject_before(text, toks, k, start)
            if m is not None and s == start and m.kind in {"person", "org", "group"}:
                return m
        if (
            descriptions
            and toks[p].word
            and toks[p].low not in lx.DETERMINERS
            and toks[start].low in {"the", "a", "an"}
        ):
            # a description opening the clause, for a participle after it: 'The retired nurse began by ...,
            # saying' (only the first finite verb: 'The crowd cheered when Lee ... and asked' is Lee's)
            m, s = _subject_before(text, toks, k, start)
            if m is not None and m.kind == "group" and s == start:
                return m
    return None
