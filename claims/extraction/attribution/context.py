"""Verb context: whether a reporting verb reports (complements, objects, negation, passives, quotes beside it)."""

from __future__ import annotations

from .. import lexicon as lx
from ..names import Tok, base, is_name_word, is_possessive
from ..quotes import QuoteIndex
from .common import _QMARKS, Mention, _adverb, _modifier_word, _time_number


def _time_adjunct_end(toks: list[Tok], k: int, hi: int) -> int:
    """Past a short time adjunct at k (at most four words): 'on Monday', 'late on Friday', 'last week'."""
    q = k
    while (
        q < hi
        and q - k < 4
        and (base(toks[q].low) in lx.TIME_WORDS or toks[q].low in lx.TIME_ADJUNCT_WORDS or _time_number(toks, q))
    ):
        q += 1
    if q > k and (base(toks[q - 1].low) in lx.TIME_WORDS or _time_number(toks, q - 1)):
        return q
    return k


def _closing_report(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'..., the mayor said.': a subject and its verb after a comma, closing the sentence, also before a
    short time adjunct ('..., the mayor said on Monday.')."""
    after = _time_adjunct_end(toks, v + 1, hi)
    if after > v + 1 and after < hi and toks[after].text not in {".", "!", "?"}:
        return False  # ', a plan announced Friday, would ...': a participle with its time, inside the sentence
    if after < hi and toks[after].word:
        return False
    k = v - 1
    while k > lo and k > v - 8 and toks[k].text != ",":
        if (not toks[k].word and toks[k].text not in "'’") or toks[k].low in {"that", "which", "who", "whom"}:
            return False  # ', something that Lee mocked.': a relative clause, no report
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
        if toks[k].text in lx.CLAUSE_END or toks[k].low in lx.SUBORDINATORS:
            return False
    return False


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
        or (toks[k].low in lx.AUXILIARIES and toks[k].low not in lx.PASSIVE_AUXILIARIES)
    ):
        k -= 1
    return k >= lo and toks[k].low in lx.PASSIVE_AUXILIARIES and not toks[v].low.endswith("ing")


def _reduced_passive(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'The barrier, estimated to cost ...', 'a figure, said to be ...': a participle modifying the noun
    before the comma, not a speech act of it (the infinitive after 'to' tells it from 'said to reporters')."""
    if not (v > lo and toks[v - 1].text == "," and v + 2 < hi and toks[v + 1].low == "to"):
        return False
    if toks[v].low.endswith("ing"):
        return False  # ', vowing to close the yard': an active participle of the clause's subject
    after = toks[v + 2]
    return after.word and not after.cap and after.low not in lx.NOT_A_VERB_AFTER_TO and not after.low[:1].isdigit()


def _cue_text(text: str, toks: list[Tok], v: int, hi: int) -> str:
    """The verb plus 'in a statement' / 'reporters' where that follows."""
    end = toks[v].end
    k = v + 1
    if toks[v].low in {"told", "tell", "tells", "telling"} and k < hi:
        for aud in lx.AUDIENCES:
            words = aud.split()
            if [t.low for t in toks[k : k + len(words)]] == words:
                end = toks[k + len(words) - 1].end
                k += len(words)
                break
    if k < hi and toks[k].low == "in":
        for n in range(1, 5):
            if k + n < hi and toks[k + n].low in lx.SPEAKING_VENUES:
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
    k = _past_nested_close(toks, k, lo)
    while k >= lo and toks[k].text in {","}:
        k -= 1
    return k >= lo and toks[k].text in _QMARKS


def _past_nested_close(toks: list[Tok], k: int, lo: int) -> int:
    """A quotation that ends with a quotation of its own, typed with straight marks (two single marks
    closing it and one closing the inner quotation), reads as a typewriter closing mark and a single mark
    glued after it: the index of the closing mark."""
    if k - 1 >= lo and toks[k].text == "'" and toks[k - 1].text == "''" and toks[k - 1].end == toks[k].start:
        return k - 1
    return k


def _name_beside_quote(text: str, toks: list[Tok], v: int, lo: int, hi: int) -> Mention | None:
    """'"We studied the risk," Read said.', '"...," Young told reporters', '"...," said Short.': one
    capitalised word between a quotation's closing mark (and comma) and the verb at v, or after the verb
    closing the sentence, is a surname even where it is also an English word ('Read', 'May', 'Still'):
    mid-sentence, such a word would be written in lower case. Pronouns and determiners are none."""
    k = v - 1
    if k - 1 >= lo and toks[k].cap and _closing_mark_before(toks, k - 1, lo):
        pass
    elif (
        v + 1 < hi
        and toks[v + 1].cap
        and (v + 2 >= hi or toks[v + 2].text in {".", ",", ";", "!", "?"})
        and _closing_mark_before(toks, v - 1, lo)
    ):
        k = v + 1
    else:
        return None
    t = toks[k]
    low = base(t.low)
    if (
        not t.text[1:].islower()
        or low not in lx.CAPITAL_STOPWORDS
        or low in lx.PRONOUNS
        or low in lx.DETERMINERS
        or low in lx.QUANTIFIER_PRONOUNS
        or t.low.endswith(("'s", "’s"))
    ):
        return None
    return Mention(t.text, "person", pos=t.start)


def _title_quote_before(toks: list[Tok], k: int, lo: int) -> bool:
    """The closing mark at k (after any commas) ends a short quoted title inside the sentence ('The group,
    called "Free River," continued'): two to five words, every one capitalised, not opening the sentence.
    A verb after it has its subject before the title, not after the verb (at most six words are read)."""
    while k > lo and toks[k].text == ",":
        k -= 1
    if k <= lo or toks[k].text not in _QMARKS:
        return False
    o = k - 1
    while o > lo and k - o <= 7 and toks[o].text not in _QMARKS:
        o -= 1
    if o <= lo or toks[o].text not in _QMARKS:
        return False
    words = [t for t in toks[o + 1 : k] if t.word]
    return 1 <= len(words) <= 5 and all(t.cap for t in words)


def _closing_mark_before(toks: list[Tok], k: int, lo: int) -> bool:
    """toks[k] (after any commas) is a quotation's closing mark: typed against the word before it."""
    k = _past_nested_close(toks, k, lo)
    while k > lo and toks[k].text == ",":
        k -= 1
    return k > lo and toks[k].text in _QMARKS and toks[k].start == toks[k - 1].end


def _naming_complement(toks: list[Tok], v: int, hi: int, quotes: QuoteIndex, in_quote: set[int]) -> bool | None:
    """A naming verb's complement in its clause: True for a quotation ('dubbed it "X"'), False for 'as'
    or 'to' ('described him as', 'likened it to'), None for neither (a plain action)."""
    if v + 1 < hi and (toks[v + 1].text in _QMARKS or toks[v + 1].low == "as"):
        return None  # 'a phenomenon called "X"', 'a man described as': a participle without an object
    for k in range(v + 1, min(hi, v + 30)):
        t = toks[k]
        if k in in_quote or (t.text in _QMARKS and quotes.covering(t.start) is not None):
            return True
        if t.text in lx.CLAUSE_PUNCT - {":"} or t.text == "." or t.low in lx.FINITE_AUXILIARIES:
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
    if prev.word and low in lx.NOUNLIKE_FORMS and _noun_slot(toks, rel - 1, lo):
        return True  # 'a rule which officials defend': a verb's form after an article is a noun
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


def _contracted_subject(low: str) -> bool:
    """A subject pronoun with a contracted auxiliary: "he’ll", "they're", "it's", "we've", "she'd"."""
    for mark in ("'", "’"):
        head, sep, tail = low.partition(mark)
        if sep and head in lx.SUBJECT_PRONOUNS and tail in {"ll", "re", "s", "ve", "d", "m"}:
            return True
    return False


_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
_THING_RELATIVES = frozenset({"that", "which"})
# Determiners that never stand alone as a subject ('the', 'a', 'his'; not 'some', 'this', 'many').
_NOUN_ONLY_DETERMINERS = frozenset({"the", "a", "an", "every", "no", "his", "its", "their", "our", "my", "your"})


def _clause_complement(toks: list[Tok], v: int, hi: int) -> bool:
    """A that-clause or a finite clause after a belief verb: 'fear that ...', 'thinks the plan will fail',
    'believes she is right', 'agreed with the mayor that ...'; not 'fear the worst', 'expect him to win',
    'agreed to pay'."""
    k = v + 1
    while k < hi and _adverb(toks[k].low) and not toks[k].cap:
        k += 1
    k = _past_adjunct(toks, k, hi)  # 'recalled in 2008 that ...'
    if (
        k + 2 < hi
        and toks[k].low == "that"
        and base(toks[k + 1].low) in lx.TIME_WORDS
        and toks[k + 2].text in {"to", "that", ","}
    ):
        k += 2  # 'decided that day to adjourn', 'ruled that morning that ...': a demonstrative before a time
        if toks[k].text == ",":
            return False
    if k >= hi:
        return False
    nxt = toks[k]
    if nxt.low == "that" or nxt.low in {"how", "whether"}:
        return True
    if nxt.low == "with":
        for m in range(k + 1, min(hi, k + 10)):
            if toks[m].low == "that":
                return True
            if toks[m].text in lx.CLAUSE_END:
                return False
        return False
    if nxt.low == "to":
        return _audience_then_that(toks, k + 1, hi)  # 'joked to reporters that ...', 'hinted to Lee that ...'
    if _contracted_subject(nxt.low):
        return True  # 'says he’ll work ...', 'thinks it's over': a pronoun with its contracted auxiliary
    if nxt.low in {"there's", "there’s"} or (
        nxt.low == "there"
        and k + 1 < hi
        and (toks[k + 1].low in lx.FINITE_AUXILIARIES or toks[k + 1].low in lx.BE_FORMS)
    ):
        return True  # 'thinks there is a chance ...', 'agreed there will be a vote
    if nxt.low in lx.SUBJECT_PRONOUNS:
        return k + 1 < hi and toks[k + 1].word and not toks[k + 1].cap and toks[k + 1].low not in {"to", "and", "or"}
    # a noun phrase (a name, or a determiner and up to three words) followed by a finite auxiliary
    m = k
    if (nxt.low in lx.DETERMINERS and nxt.low != "that") or nxt.low == "such":  # 'such methods are cruel'
        m += 1
        while m < hi and m - k <= 3 and toks[m].word and toks[m].low not in lx.CLAUSE_VERB_STOPS:
            m += 1
    elif nxt.cap:
        while m < hi and (toks[m].cap or toks[m].text in "'’") and m - k < 5:
            m += 1
    elif _bare_noun_then_past(toks, k, hi):
        return True  # 'said profits rose', 'thinks demand slowed': a bare noun and its simple past
    elif _bare_plural(nxt.low) or _adjective_before_plural(toks, k, hi):
        # a bare plural subject with its modifier: 'said comments from the board were unfair', 'said tight
        # supplies could keep prices high'
        m += 1
        while m < hi and m - k <= 5 and toks[m].word and toks[m].low not in lx.CLAUSE_VERB_STOPS:
            m += 1
    else:
        return False
    relatives = _RELATIVE_WORDS if nxt.low in lx.DETERMINERS else _THING_RELATIVES
    if any(toks[q].low in relatives for q in range(k + 1, min(m, hi))):
        # 'held a hearing that could last a week', 'holding talks that will end': the noun's relative
        # clause, no reported one
        return False
    if m == k + 1 and nxt.low in _NOUN_ONLY_DETERMINERS and m + 1 < hi and toks[m + 1].low == "to":
        return False  # 'recognized the need to ...': an article is no subject, 'need' a noun before 'to'
    # the clause's verb: an auxiliary, or a verb that takes a subject right away ('voters need to ...')
    if m > k and m < hi and toks[m].low in lx.CLAUSE_VERB_STOPS:
        return True
    # a simple past verb with its object: 'thinks the speech gave him an opening', 'think the storm made
    # the road unsafe' (a participle modifying the noun has no object of its own: 'knows the man named in
    # the report')
    if nxt.low not in lx.DETERMINERS or nxt.low == "that":
        return False
    for p in range(k + 2, min(hi - 1, k + 4)):
        w = toks[p]
        if not w.word or w.cap or w.low in lx.SUBORDINATORS or w.low in {"that", "who", "which", "whom"}:
            return False  # 'recalls the storm that hit the town': a relative clause, no complement
        if (w.low in lx.IRREGULAR_PAST or (w.low.endswith("ed") and w.low.isalpha())) and toks[
            p + 1
        ].low in _OBJECT_OPENERS:
            return True
    return False


def _bare_noun_then_past(toks: list[Tok], k: int, hi: int) -> bool:
    """A bare lowercase noun right before a finite auxiliary or a simple past: 'bread would cost more',
    'profits rose', 'demand slowed in May' (not 'costs incurred by ...', a participle with its agent, nor
    a word that is itself a verb form or a function word)."""
    if k + 1 >= hi:
        return False
    noun, verb = toks[k], toks[k + 1]
    if not noun.word or noun.cap or not noun.low.isalpha() or len(noun.low) < 3:
        return False
    if (
        noun.low in lx.DETERMINERS
        or noun.low in lx.PRONOUNS
        or noun.low in lx.AUXILIARIES
        or noun.low in lx.SUBORDINATORS
        or noun.low in lx.BARE_NOUN_STOPS
        or noun.low.endswith(("ed", "ly"))
        or noun.low in lx.ING_PREPOSITIONS
    ):
        return False
    if noun.low.endswith("ing") and (k + 2 >= hi or toks[k + 2].low == "by"):
        return False  # 'said funding cut': a gerund needs its verb in a clause that goes on
    if verb.low in lx.FINITE_AUXILIARIES and not verb.cap:
        return True  # 'said bread would cost more', 'thinks inflation has peaked'
    if verb.cap or not (verb.low in lx.IRREGULAR_PAST or (verb.low.endswith("ed") and verb.low.isalpha())):
        return False
    after = toks[k + 2] if k + 2 < hi else None
    return after is None or after.low != "by"


def _share_then_past(toks: list[Tok], k: int, hi: int) -> bool:
    """After a number: 'percent of voters had ...', 'per cent of the ballots were ...', '% of homes lost
    ...': a share of a bare noun before its finite verb (see `_bare_noun_then_past`)."""
    if k + 1 < hi and toks[k].low == "per" and toks[k + 1].low == "cent":
        k += 2
    elif k < hi and toks[k].low in {"percent", "%"}:
        k += 1
    else:
        return False
    if k >= hi or toks[k].low != "of":
        return False
    k += 1
    if k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    return _bare_noun_then_past(toks, k, hi)


def _audience_then_that(toks: list[Tok], k: int, hi: int) -> bool:
    """A person or audience after 'to', then 'that': 'to him that', 'to reporters that', 'to Senator Ann
    Lee that', 'to a few close friends that'; not 'to the deal that ...', whose 'that' opens a relative
    clause of a thing (at most six words read)."""
    if k >= hi:
        return False
    m = k
    if toks[m].low in lx.OBJECT_PRONOUNS or toks[m].low in {"me", "us"}:
        m += 1
    elif toks[m].cap:
        while m < hi and m - k < 6 and (toks[m].cap or toks[m].text == "."):
            m += 1
    else:
        while m < hi and m - k < 6 and toks[m].word and not toks[m].cap and toks[m].low != "that":
            m += 1
        last = toks[m - 1].low if m > k else ""
        if last not in lx.AUDIENCE_WORDS and base(last) not in lx.PERSON_HEADS:
            return False
    return m < hi and toks[m].low == "that"


# Words that open the object of a finite verb: 'gave him an opening', 'made the road unsafe'.
_OBJECT_OPENERS = frozenset(["a", "an", "the", "its", "his", "their", "our", "him", "them", "us", "it"])


def _adjective_before_plural(toks: list[Tok], k: int, hi: int) -> bool:
    """A lowercase modifier and then a bare plural noun: 'tight supplies', 'higher costs'."""
    return (
        k + 1 < hi
        and toks[k].word
        and not toks[k].cap
        and toks[k].low.isalpha()
        and _modifier_word(toks[k])
        and not _bare_plural(toks[k].low)
        and _bare_plural(toks[k + 1].low)
    )


def _bare_plural(low: str) -> bool:
    """A lowercase plural noun ('comments', 'officials', 'women'), not a verb form or a function word."""
    return low in lx.IRREGULAR_PLURALS or (
        low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low.isalpha()
        and len(low) > 3
        and low not in lx.SPEECH_VERBS
        and low not in lx.AUXILIARIES
        and low not in lx.PRONOUNS
        and low not in lx.DETERMINERS
    )


def _said_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'dismissed (the) allegations', 'rejected Smith's claims that', 'disputed that': the object is
    something said; 'dismissed the case', 'rejected the bill' are plain actions."""
    if v + 1 < hi and toks[v + 1].low == "that":
        return True
    return _object_noun_in(toks, v, hi, lx.SAID_NOUNS) or _object_as_verdict(toks, v, hi)


def _object_as_verdict(toks: list[Tok], v: int, hi: int) -> bool:
    """'dismissed the proposal as "a fantasy"', 'rejected the audit as biased': a short object given a
    verdict after 'as' is a judgement in words; 'as' opening a clause or an adjunct is not ('rejected the
    bill as part of a deal', 'dismissed the case as the trial began')."""
    for k in range(v + 2, min(hi - 1, v + 7)):
        t = toks[k]
        if t.low == "as":
            n = toks[k + 1]
            return (
                n.text in _QMARKS
                or n.low in {"a", "an"}
                or (
                    n.word
                    and not n.cap
                    and n.low not in lx.AS_ADJUNCT_WORDS
                    and n.low not in lx.DETERMINERS
                    and n.low not in lx.PRONOUNS
                )
            )
        if not (t.word or t.text in "'’") or t.low in lx.ADJUNCT_OPENERS or t.low in lx.NOUN_PHRASE_STOPS:
            return False
    return False


def _object_noun_in(toks: list[Tok], v: int, hi: int, nouns: frozenset[str]) -> bool:
    """Is the verb's object (within five words, before any preposition or punctuation) one of ``nouns``
    ('dismissed the allegations', 'embraced her rival's tax proposal')?"""
    for k in range(v + 1, min(hi, v + 6)):
        t = toks[k]
        if base(t.low) in nouns and not t.cap:
            return True
        if not (t.word or t.text in "'’") or t.low in lx.ADJUNCT_OPENERS or t.low in lx.NOUN_PHRASE_STOPS:
            return False
    return False


def _gives_said(toks: list[Tok], v: int, hi: int) -> bool:
    """'offered a frank assessment', 'delivered a stern warning', 'gave the crowd an assessment': the
    object (within five words, before any preposition) is something said."""
    for k in range(v + 1, min(hi, v + 6)):
        t = toks[k]
        low = base(t.low)
        making = toks[v].low in lx.MAKING_VERBS and not toks[v].low.startswith("repeat")
        if (low in lx.GIVEN_NOUNS or low in lx.SAID_NOUNS) and not t.cap and not making:
            return True
        if low in lx.MADE_NOUNS and toks[v].low in lx.MAKING_VERBS and not t.cap:
            return True  # 'made the case that', 'repeated his pledge'
        if t.low == "that" and k == v + 1 and toks[v].low in lx.MAKING_VERBS:
            return True  # 'repeated that ...'
        if not (t.word or t.text in "'’") or t.low in lx.ADJUNCT_OPENERS or t.low in lx.NOUN_PHRASE_STOPS:
            return False
    return False


def _shares_view(toks: list[Tok], v: int, hi: int) -> bool:
    """'shared her belief that ...', 'aired the concern that ...': a view noun with its that-clause right
    after the verb's determiner or possessive."""
    for k in range(v + 1, min(hi - 1, v + 4)):
        low = base(toks[k].low)
        if (low in lx.VIEW_NOUNS or low in lx.SAID_NOUNS) and toks[k + 1].low == "that":
            return True
        if not toks[k].word or not (toks[k].low in lx.DETERMINERS or toks[k].low in lx.PRONOUNS or k == v + 1):
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


def _sends_out_statement(toks: list[Tok], v: int, hi: int) -> bool:
    """'sent out a statement reassuring residents that ...', 'put out a release saying ...', 'sent out a
    memo: "..."', 'sent a letter to the council asking it to ...', 'sent an email to donors Friday
    saying ...': a statement or message noun after the verb (within four words; 'put' needs 'out') with
    its content after it, past an addressee and a day -- a participle, 'that', a colon or a quotation;
    'sent out letters to patients' is an action."""
    k0 = v + 1
    if k0 < hi and toks[k0].low == "out":
        k0 += 1
    elif lx.OUT_PUBLISHING_VERBS.get(toks[v].low) != "send":
        return False
    for k in range(k0, min(hi - 1, k0 + 4)):
        if base(toks[k].low) in lx.SENT_NOUNS and not toks[k].cap:
            n = k + 1
            while n < hi and base(toks[n].low) in lx.SENT_NOUNS:
                n += 1  # 'a text message'
            if n < hi and toks[n].low == "to":
                # the addressee: 'to the council', 'to his supporters in Keld' (at most six words)
                n += 1
                while (
                    n < hi
                    and n - k <= 7
                    and toks[n].word
                    and toks[n].low != "that"
                    and toks[n].low not in lx.SUBORDINATORS
                    and not (toks[n].low.endswith("ing") and not toks[n].cap)
                ):
                    n += 1
            while n < hi and base(toks[n].low) in lx.TIME_WORDS:
                n += 1  # 'an email Tuesday saying ...'
            if n + 1 < hi and toks[n].text == "," and n > k + 1:
                n += 1  # 'a message to his staff, urging them ...'
            if n >= hi:
                return False
            nxt = toks[n]
            return (
                nxt.low in {"that", ":"}
                or nxt.text in _QMARKS
                or (nxt.word and not nxt.cap and nxt.low.endswith("ing") and len(nxt.low) > 5)
            )
        if not toks[k].word or toks[k].low in lx.SUBORDINATORS:
            return False
    return False


def _clause_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'claimed (that) the company had lied' takes a clause; 'claimed the lives of', 'conceded a penalty'
    take a plain object: after a determiner, a finite verb must follow within a few words. An amount is
    such a determiner: 'the bill adds $12 billion to the deficit', 'the firm added 300 jobs'."""
    if v + 1 >= hi or toks[v + 1].low == "that":
        return True
    nxt = toks[v + 1]
    amount = (
        nxt.text[:1].isdigit()
        or nxt.text in lx.CURRENCY_SIGNS
        or (
            nxt.low in lx.QUANTITY_HEDGES
            and v + 2 < hi
            and (toks[v + 2].text[:1].isdigit() or toks[v + 2].text in lx.CURRENCY_SIGNS)
        )
    )
    if nxt.low not in lx.DETERMINERS and not amount:
        return True
    for k in range(v + 2, min(hi, v + 7)):
        if toks[k].low in lx.FINITE_AUXILIARIES:
            return True
        if toks[k].text in lx.CLAUSE_END:
            return False
    return False


def _past_adjunct(toks: list[Tok], k: int, hi: int) -> int:
    """Past a short time or venue adjunct right after a verb, when 'that' or a quotation follows it: 'said
    in a statement that', 'said on Monday that', 'said Tuesday night that' (at most six words)."""
    if k >= hi:
        return k
    first = base(toks[k].low)
    # ('saying last week she would ...': 'last' opens a time adjunct too)
    if (
        first not in lx.TIME_WORDS
        and first
        not in {
            "in",
            "on",
            "at",
            "during",
            "after",
            "before",
            "late",
            "earlier",
            "last",
        }
        and not (first == "this" and k + 1 < hi and base(toks[k + 1].low) in lx.TIME_WORDS)
    ):  # 'this month'
        return k
    timed = True  # only time words so far: 'said on Thursday it would ...' reads past them to the pronoun
    for q in range(k + 1, min(hi, k + 7)):
        t = toks[q]
        if t.low == "that" or t.text in _QMARKS:
            return q
        if timed and t.low in lx.SUBJECT_PRONOUNS:
            return q
        if not t.word and t.text != ",":
            return k
        timed = timed and (base(t.low) in lx.TIME_WORDS or t.low in lx.TIME_OPENERS or t.low == "the")
    return k


def _takes_complement(toks: list[Tok], v: int, hi: int) -> bool:
    """'wrote that', 'reasoned, "..."', 'admitted to being', 'asked whether': a reported clause or
    quotation follows; 'requested in arrears', 'written by', 'report their results' are no report."""
    k = v + 1
    while k < hi and toks[k].low in {"also", "again", "publicly", "openly", "repeatedly"}:
        k += 1
    k = _past_adjunct(toks, k, hi)
    if k >= hi:
        return False
    nxt = toks[k]
    if nxt.text in {",", ":"}:
        return k + 1 < hi and toks[k + 1].text in _QMARKS
    if nxt.low in {"that", "to", "how", "what", "why", "whether", "if"} or nxt.text in _QMARKS:
        return True
    if lx.SPEECH_VERBS.get(toks[v].low) in lx.OBJECT_VERBS:
        return False  # 'banks report their results', 'requested donations': an object, no reported clause
    return (
        nxt.low in lx.DETERMINERS
        or nxt.low in lx.PRONOUNS
        or _contracted_subject(nxt.low)
        or (
            (_bare_plural(nxt.low) or nxt.low == "such" or _adjective_before_plural(toks, k, hi))
            and _clause_complement(toks, v, hi)
        )
        or _bare_noun_then_past(toks, k, hi)
        # 'said 62 blazes had broken out', 'said 300 people were hurt': a counted noun and its verb
        or (nxt.text[:1].isdigit() and _bare_noun_then_past(toks, k + 1, hi))
        # 'said 54 percent of voters had opposed it': a share of a noun and its verb
        or (nxt.text[:1].isdigit() and _share_then_past(toks, k + 1, hi))
        or (nxt.cap and is_name_word(nxt))
    )


def _noun_slot(toks: list[Tok], v: int, lo: int) -> bool:
    """Right after a determiner, or after one and an adjective of order ('the last state election'): a
    noun's place, never a verb's."""
    if v - 1 < lo:
        return False
    prev = toks[v - 1].low
    return prev in lx.DETERMINERS or (prev in lx.ORDER_ADJECTIVES and v - 2 >= lo and toks[v - 2].low in lx.DETERMINERS)


def _verb_context(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """A form that doubles as a noun ('states', 'claims', 'report') is a verb only when a clause,
    a quotation or 'that' follows and no determiner, possessive or 'have' comes right before."""
    if v > lo:
        prev = toks[v - 1]
        # a quantifier opening the sentence is the verb's subject: 'Many fear the mill will close'
        alone = v - 1 == lo and prev.low in lx.QUANTIFIER_PRONOUNS
        if (_noun_slot(toks, v, lo) and not alone) or is_possessive(toks, v - 1) or prev.low in {"have", "has", "had"}:
            return False
        if prev.cap and not is_name_word(prev) and prev.low not in lx.PRONOUNS and not alone:
            return False
        if prev.cap and "-" in prev.text and v - 2 >= lo and toks[v - 2].low in lx.DETERMINERS:
            return False  # 'a Lowe-style retort', 'the Senate-backed call': a compound modifier, a noun
        if (
            prev.cap
            and v - 3 >= lo
            and toks[v - 3].low == "to"
            and toks[v - 2].word
            and not toks[v - 2].cap
            and toks[v - 2].low not in lx.DETERMINERS
            and toks[v - 2].low not in lx.PRONOUNS
        ):
            return False  # 'worked to calm Danish fears', 'to ease Vale concerns': the infinitive's object
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
    n = v + 1
    while n + 1 < hi and n - v <= 2 and _adverb(toks[n].low) and not toks[n].cap:
        n += 1  # 'warning darkly that ...': an adverb before 'that' or a quotation
    if n > v + 1:
        return toks[n].low == "that" or toks[n].text in _QMARKS
    nxt = toks[v + 1]
    return (
        nxt.low in {"that", ",", ":", "whether"}  # ('questioned whether ...')
        or nxt.text in _QMARKS
        or nxt.low in lx.DETERMINERS
        or nxt.low in lx.PRONOUNS
        or _contracted_subject(nxt.low)
        or nxt.low in {"on", "for"}
        or (nxt.cap and is_name_word(nxt))
        or _claims_to(toks, v, hi)
        # 'Ann Lee vows to ...', not 'with a band and promises to ...' (a noun after a function word)
        or (
            toks[v].low in lx.COMMITMENT_VERBS
            and _infinitive_at(toks, v + 1, hi)
            and not (v > lo and toks[v - 1].low in lx.BARE_NOUN_STOPS)
        )
        # 'Ann Lee supports raising the toll': a measure's gerund after a stance on it
        or (lx.IDEA_STANCE_VERBS.get(toks[v].low) in _GERUND_STANCES and _gerund_object(toks, v + 1, hi))
    )


def _claims_to(toks: list[Tok], v: int, hi: int) -> bool:
    """'claim to oppose the toll', 'claimed to have seen it': 'claim' with an infinitive says something of
    its subject."""
    return lx.SPEECH_VERBS.get(toks[v].low) == "claim" and _infinitive_at(toks, v + 1, hi)


def _infinitive_at(toks: list[Tok], k: int, hi: int) -> bool:
    """'to cut the toll', 'not to run' at k: 'to' (after an optional 'not') and a lowercase verb (no
    plural: 'promises to voters')."""
    if k < hi and toks[k].low == "not":
        k += 1
    return (
        k + 1 < hi
        and toks[k].low == "to"
        and toks[k + 1].word
        and not toks[k + 1].cap
        and toks[k + 1].low not in lx.NOT_A_VERB_AFTER_TO
        and not (toks[k + 1].low.endswith("s") and not toks[k + 1].low.endswith("ss"))
    )


# Stances on an idea that take a measure's gerund as object ('supports raising the toll', 'backed
# scrapping the levy'); 'embraced smiling fans' is an act.
_GERUND_STANCES = frozenset({"support", "back"})


def _gerund_object(toks: list[Tok], k: int, hi: int) -> bool:
    """A lowercase gerund at k with its own object after it: 'raising the toll', 'scrapping the levy'."""
    return (
        k + 1 < hi
        and toks[k].word
        and not toks[k].cap
        and toks[k].low.endswith("ing")
        and len(toks[k].low) > 5
        and toks[k].low not in lx.ING_PREPOSITIONS
        and toks[k + 1].word
    )


def _reports_after(toks: list[Tok], v: int, hi: int) -> bool:
    """After a speech participle ('..., saying the plan had failed', 'telling reporters ...', 'stating on
    television that ...'): a reported clause, an audience, or 'that' a few words on."""
    if _takes_complement(toks, v, hi):
        return True
    if v + 1 < hi and toks[v].low.startswith("tell") and toks[v + 1].low in lx.AUDIENCE_WORDS:
        return True
    for k in range(v + 1, min(hi, v + 10)):
        if toks[k].low == "that":
            return True
        if toks[k].text in lx.CLAUSE_END:
            return False
    return False


def _object_quote(toks: list[Tok], v: int, hi: int, quotes: QuoteIndex) -> bool:
    """'promising a "full review"': a quotation as the verb's object, one word away at most."""
    k = v + 1
    if k < hi and toks[k].low in lx.DETERMINERS:
        k += 1
    return _next_is_quote(toks, k, hi, quotes)
