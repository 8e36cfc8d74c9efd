"""Sources that are not people: documents, studies and polls, and 'according to' frames."""

from __future__ import annotations

from .. import lexicon as lx
from ..names import Tok, base, is_possessive
from .common import _QMARKS, Mention, _span_text
from .context import _time_adjunct_end
from .mentions import _analyze, _np_backward
from .subjects import _forward_common_np, _forward_np


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
    head = m.head or (base(m.name.split()[-1].lower()) if m.name else "")
    return m.kind in {"doc", "pronoun"} or m.document or head in lx.RESEARCH_SUBJECTS


def _finding_body(m: Mention) -> bool:
    """Subjects for which a verdict verb with a clause states a finding: ruling and investigating bodies
    and officials ('the Keld High Court', 'a coroner', 'auditors', 'Judge Ann Lee', 'Chief Inspector Tom
    Ek': a person by the title written before the name)."""
    head = m.head or (base(m.name.split()[-1].lower()) if m.name else "")
    return m.kind in {"person", "org", "group"} and (
        head in lx.FINDING_BODIES
        or base(head) in lx.FINDING_BODIES
        or (m.kind == "person" and any(base(w.lower()) in lx.FINDING_BODIES for w in m.title_words))
    )


def _skip_according(toks: list[Tok], k: int, lo: int) -> int:
    """Index of the token before the commas at k, and before a parenthetical ', according to X,' there:
    'ferries which, according to AP, the EU criticised' -- the clause still opens with 'which'."""
    while k >= lo and toks[k].text == ",":
        k -= 1
    for m in range(k - 1, max(lo, k - 12), -1):
        if toks[m].text in lx.CLAUSE_END or toks[m].text in _QMARKS:
            break
        if toks[m].low == "according" and toks[m + 1].low == "to" and toks[m - 1].text == ",":
            k = m - 1
            while k >= lo and toks[k].text == ",":
                k -= 1
            break
    return k


def _document_subject(text: str, toks: list[Tok], v: int, lo: int) -> Mention | None:
    """A document subject opening the sentence (below), or one closing it after a comma: 'Lee raised
    5 million dollars, city records show.', 'The race is close, a college poll shows.'"""
    ends = v + 1 >= len(toks) or toks[v + 1].text in {".", "!", "?"}
    # a verb closing its sentence says nothing of a document opening it: 'Credit scores use data from
    # credit reports.' ends with a compound noun, not with a report
    doc = None if ends else _document_subject_at(text, toks, v, lo)
    if doc is None and v > lo and _closes_sentence(toks, v):
        c = next((q for q in range(v - 1, max(lo, v - 14), -1) if toks[q].text == ","), None)
        if c is not None and c + 2 < v and toks[c + 1].text in _QMARKS:
            c += 1  # '"The pier is closed," the memo sent on Friday said.': past the closing quotation mark
        if c is not None and c + 1 < v:
            doc = _document_subject_at(text, toks, v, c + 1)
    return doc


def _closes_sentence(toks: list[Tok], v: int) -> bool:
    """The verb at v ends its sentence, or its main clause before a comma, after at most a short time
    adjunct: 'Prices rose, a survey shows.', 'Sales fell, official figures showed on Friday, as ...'.
    A comma straight after the verb does not count ('the report found, among other things, that')."""
    k = _time_adjunct_end(toks, v + 1, len(toks))
    if k >= len(toks) or toks[k].text in {".", "!", "?"}:
        return True
    return k > v + 1 and toks[k].text == ","


def _author_after(text: str, toks: list[Tok], k: int, hi: int) -> Mention | None:
    """The author named after 'by' or 'from' at k: 'the Vale Institute', 'state attorney Ann Lee', 'the
    nonpartisan Civic Watch' (a few lowercase words of office or description before a name), else 'the
    port authority'."""
    e = _forward_np(toks, k, hi)
    if e <= k:
        q = k + 1 if k < hi and toks[k].low in {"the", "a", "an"} else k
        while q < hi and q - k <= 4 and toks[q].word and not toks[q].cap and toks[q].low not in lx.NOUN_PHRASE_STOPS:
            q += 1
        e2 = _forward_np(toks, q, hi) if q > k else q
        if e2 > q:
            e = e2
    if e <= k:
        e = _forward_common_np(toks, k, hi)
    elif toks[e - 1].cap:
        e = _lowercase_head_after(toks, e, hi)
    return _analyze(text, toks, k, e) if e > k else None


def _lowercase_head_after(toks: list[Tok], e: int, hi: int) -> int:
    """A name modifying a lowercase organisation head ends at the head: 'from the Keld statistics office',
    'by the Varn police department' (up to two lowercase words before the head; else e as it was)."""
    q = e
    while q < hi and q - e < 3 and toks[q].word and not toks[q].cap and toks[q].low not in lx.NOUN_PHRASE_STOPS:
        if base(toks[q].low) in lx.ORG_HEADS:
            return q + 1
        q += 1
    return e


def _dated_participle(toks: list[Tok], h: int, k: int) -> bool:
    """'a poll released Sunday by X', 'a memo sent last week by X': a participle and a time adjunct
    between the document noun at h and 'by' at k."""
    if k - h < 3 or k - h > 5:
        return False
    p = toks[h + 1]
    if not (p.low.endswith("ed") or p.low in lx.IRREGULAR_PARTICIPLES):
        return False
    return all(base(t.low) in lx.TIME_WORDS or t.low in {"last", "this", "next", "on"} for t in toks[h + 2 : k])


def _joins_names(toks: list[Tok], k: int, end: int) -> bool:
    """'and' between two names inside a document's modifier: 'a study by Ann Lee and Tom Ek', 'a poll by
    the Harbor Times and Valley Radio' (a name, possibly after 'the', on both sides)."""
    if toks[k].low != "and" or k + 1 >= end or not toks[k - 1].cap:
        return False
    nxt = k + 2 if toks[k + 1].low == "the" else k + 1
    return nxt < end and toks[nxt].cap


def _document_subject_at(text: str, toks: list[Tok], v: int, lo: int) -> Mention | None:
    """The verb's subject is a document opening the sentence, whose modifiers run up to the verb:
    "X's recent analysis of ... concluded", "A report by X says", "Results of the trials, published in a
    paper by X, showed", "A new study mapping ... has revealed", "The results of the Named Study
    published ..., revealed". Its author speaks, else the named study it reports, else the phrase itself."""
    if v - lo > 45:
        return None  # bounded: a document subject is a short phrase
    i = lo
    while i < v and (toks[i].low in lx.CHUNK_SKIP or toks[i].text in {",", "-", "–", "—", "•", "*"}):
        i += 1  # past a list's dash or bullet: '- One poll shows ...'
    # the head noun: after determiners, adjectives and a possessive owner, within a few words
    h = i
    while h < v and h - i < 8:
        t = toks[h]
        if (not t.cap or h == i) and base(t.low) in lx.DOCUMENT_SUBJECT_HEADS:
            break
        if t.text in "/-&" or (t.low in lx.NAME_CONNECTORS and h > i and toks[h - 1].cap and toks[h + 1].cap):
            h += 1  # 'A Harbor Times/Valley Radio poll', 'A University of Vale poll': one owner's name
            continue
        if t.low == "of" and h > i and toks[h - 1].low in lx.DOCUMENT_COLLECTIONS:
            h += 1  # 'A batch of letters', 'An average of recent polls': the documents collected
            continue
        if not (t.word or t.text in "'’") or t.low in lx.NOUN_PHRASE_STOPS or t.low in lx.ADJUNCT_OPENERS:
            return None
        if not t.cap and (t.low in lx.SPEECH_VERBS or t.low in lx.RESEARCH_VERBS):
            return None
        h += 1
    else:
        return None
    while h + 1 < v and not toks[h + 1].cap and base(toks[h + 1].low) in lx.DOCUMENT_SUBJECT_HEADS:
        h += 1  # a compound document noun: 'exit poll data', 'survey results'
    if h >= v or is_possessive(toks, h):
        return None  # 'the study's authors said': the authors speak, as the ordinary subject rule finds
    end = v  # the verb group starts after its auxiliaries and adverbs
    while end > h + 1 and (
        toks[end - 1].low in lx.AUXILIARIES
        or toks[end - 1].low.endswith("ly")
        or toks[end - 1].low in lx.INTERRUPTING_ADVERBS
        or toks[end - 1].low in {"there", "here", "still"}  # 'Polls there show ...', 'The records still show'
    ):
        end -= 1
    while end > h + 1 and toks[end - 1].text == ",":
        end -= 1
    if end < v and toks[end].text == ",":
        # 'An Ada Institute survey of farmers, who grow most of the wheat, found': a relative clause between
        # commas before the verb modifies the head's phrase
        c = next((q for q in range(end - 1, h, -1) if toks[q].text == ","), None)
        if c is not None and c + 1 < end and toks[c + 1].low in {"who", "which"}:
            end = c
    # the words between head and verb must modify the head: prepositional phrases and participles, no
    # clause of their own (no finite verb, relative pronoun, quotation or clause punctuation)
    if end > h + 1:
        first = toks[h + 1]
        if not (
            first.low in lx.DOCUMENT_MODIFIER_OPENERS
            or (first.text == "," and h + 2 < end and toks[h + 2].low in lx.DOCUMENT_MODIFIER_OPENERS)
            or (not first.cap and first.low.endswith(("ing", "ed")))
            or first.low in lx.IRREGULAR_PARTICIPLES
        ):
            return None
    author: Mention | None = None
    named: Mention | None = None
    for k in range(h + 1, end):
        t = toks[k]
        if author is not None and t.text == "," and k + 1 < end and toks[k + 1].low in {"the", "a", "an"}:
            break  # 'Figures from Eurostat, the EU statistics agency, showed': the author's apposition
        if (
            t.text in _QMARKS
            or t.text in lx.CLAUSE_PUNCT
            or t.low in lx.FINITE_AUXILIARIES
            or t.low in lx.SUBORDINATORS
            or (t.low in {"and", "or", "but"} and not _joins_names(toks, k, end))
        ):
            return None
        if (
            t.text == ","
            and k + 1 < end
            and toks[k + 1].low not in lx.DOCUMENT_MODIFIER_OPENERS
            and not toks[k + 1].low.endswith(("ed", "ing"))
        ):
            return None
        # 'a memo from Ann Lee said': 'from' right after the head names the author as 'by' does ('new data
        # from the port authority' is handled where a document is the object)
        if author is None and (t.low == "by" or (t.low == "from" and k - 1 == h)) and k - 1 >= h:
            prev = base(toks[k - 1].low)
            if (
                k - 1 == h
                or prev in lx.DOCUMENT_NOUNS
                or prev in lx.AUTHORSHIP_PARTICIPLES
                or _dated_participle(toks, h, k)
                # 'a campaign email sent out by Lena Varga': a participle with its particle
                or (
                    prev in {"out", "up"}
                    and k - 2 > h
                    and (toks[k - 2].low.endswith("ed") or toks[k - 2].low in lx.IRREGULAR_PARTICIPLES)
                )
            ):
                m = _author_after(text, toks, k + 1, end)
                # 'a statement released by the palace': after a participle of authorship a definite
                # common noun is the issuer too
                issued = prev in lx.AUTHORSHIP_PARTICIPLES and toks[k + 1].low == "the"
                if m is not None and m.kind in {"person", "org", "group"} and (not m.generic or issued):
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
    # 'data from the exchange showed', 'a letter from the port authority said': an unnamed source stays
    # part of the phrase, as after 'according to'
    sourced = h + 1 < end and toks[h + 1].low in {"from", "by"} and end - i <= 10
    if h == i:  # 'Results of ...' opening the sentence: a common noun, not a name
        return Mention(_span_text(text, toks, i, end if sourced else h + 1), "doc", pos=toks[i].start)
    m = _analyze(text, toks, i, h + 1)
    if sourced and m is not None and m.kind == "doc":
        return Mention(_span_text(text, toks, i, end), "doc", pos=toks[i].start, document=True)
    return m if m is not None and m.kind in {"doc", "person", "org"} else None


def _according_document(text: str, toks: list[Tok], start: int, hi: int) -> Mention | None:
    return _speech_giver(text, toks, start, hi) or (
        found[0] if (found := _document_source(text, toks, start, hi, lx.ACCORDING_DOCUMENT_NOUNS)) else None
    )


def _speech_giver(text: str, toks: list[Tok], start: int, hi: int) -> Mention | None:
    """'according to an interview his sister Ana Reyes gave to a radio station', 'according to a speech
    the mayor delivered': the subject of the reduced relative clause after a noun of speaking gave it
    (at most a few words before the noun and eight after it are read)."""
    h = next((q for q in range(start, min(hi, start + 4)) if base(toks[q].low) in lx.GIVEN_SPEECH_NOUNS), None)
    if h is None or any(not toks[q].word for q in range(start, h)):
        return None
    if base(toks[h].low) == "interview" and h + 2 < hi and toks[h + 1].low == "with":
        # 'according to an interview with Ida Wren': the one interviewed (an outlet after 'with' is the
        # interviewer: 'an interview with the Dorrow Ledger')
        e = _forward_np(toks, h + 2, hi)
        if e <= h + 2:
            e = _forward_common_np(toks, h + 2, hi)  # 'an interview with the ferry captain'
        m = _analyze(text, toks, h + 2, e) if e > h + 2 else None
        if m is not None and m.kind == "person" and toks[h + 2].low == "the":
            return None  # 'the Dorrow Ledger': a name after 'the' is no person
        return m if m is not None and m.kind in {"person", "group"} and not m.generic else None
    g = next((q for q in range(h + 2, min(hi, h + 9)) if toks[q].low in lx.GIVEN_SPEECH_VERBS), None)
    if g is None or any(not toks[q].word or toks[q].low in lx.FINITE_AUXILIARIES for q in range(h + 1, g)):
        return None
    k = _np_backward(toks, g - 1, h + 1)
    m = _analyze(text, toks, k, g)
    return m if m is not None and m.kind in {"person", "org", "group"} and not m.generic else None


def _in_poll(text: str, toks: list[Tok], v: int, lo: int, hi: int) -> Mention | None:
    """'In a Harbor Ledger poll released Monday, 50 percent chose Lee', 'Lee led by 9 points in the
    latest Vale poll': a poll named after 'in' is the source of its figures (a study or report only where
    the phrase opens the sentence and closes with its comma -- 'took part in a study' is no source)."""
    opening = v == lo or (v == lo + 1 and toks[lo].low in {"and", "but"})
    if v > lo and toks[v - 1].low in {"than", "as"}:
        return None  # 'better than in other polls': a comparison, no source
    found = _document_source(text, toks, v + 1, hi, lx.IN_SOURCE_HEADS if opening else lx.POLL_NOUNS)
    if found is None:
        return None
    m, stop = found
    if opening and not (stop < hi and toks[stop].text == ","):
        return None
    h = v + 2 if v + 2 < hi and toks[v + 1].low == "the" else v + 1
    described = h + 1 < hi and (toks[h + 1].low.endswith("ed") or toks[h + 1].low in lx.IRREGULAR_PARTICIPLES)
    if m.kind == "doc" and h < hi and toks[h].low == "polls" and not described:
        # 'Lee has risen in the polls', 'is leading in the polls': the race's standing, no source (but 'in
        # polls taken in May' are particular polls)
        return None
    return m


def _document_source(
    text: str, toks: list[Tok], start: int, hi: int, heads: frozenset[str]
) -> tuple[Mention, int] | None:
    """The source after 'according to' when it is a document, a poll or data: 'a 2019 Farm Office study',
    'new data from the port authority', 'a memo sent Thursday by the port's auditor', 'a fact sheet the
    council handed out', 'preliminary results of street surveys conducted by Vale Research'. A named author
    ('by'/'from' an organisation or person) speaks; else a named owner ('a Harbor Times poll'); else the
    document as written with its modifiers up to the end of the clause (at most 16 words are read)."""
    # the head noun: a lowercase document noun within a few words (determiners, years, adjectives, owners)
    h = start
    while h < hi and h - start < 7:
        t = toks[h]
        if not t.cap and base(t.low) in heads:
            break
        if not t.cap and t.low.endswith("ly") and h + 1 < hi and toks[h + 1].low.endswith("ed"):
            h += 1  # 'recently released figures', 'newly leaked documents'
            continue
        if not (t.word or t.text in "'’-") or t.low in lx.NOUN_PHRASE_STOPS or t.low in lx.ADJUNCT_OPENERS:
            return None
        if not t.cap and (t.low in lx.SPEECH_VERBS or t.low in lx.PRONOUNS):
            return None
        h += 1
    else:
        return None
    if h >= hi or is_possessive(toks, h):
        return None  # 'according to the report's authors': the authors, as the ordinary rule finds
    # 'results of (the) street surveys': the head's 'of' phrase naming another document belongs to it
    end = h + 1
    if end < hi and toks[end].low == "of":
        e = end + 1
        while e < hi and e - end <= 5 and (toks[e].word or toks[e].text in "'’-"):
            if base(toks[e].low) in lx.ACCORDING_DOCUMENT_NOUNS and not toks[e].cap:
                end = e + 1
                break
            if toks[e].low in lx.NOUN_PHRASE_STOPS or (toks[e].low in lx.ADJUNCT_OPENERS and e > end + 1):
                break
            e += 1
    # the modifiers up to the clause's end: no finite verb, relative pronoun, quotation or punctuation
    stop = end
    author: Mention | None = None
    while stop < hi and stop - end < 16:
        t = toks[stop]
        if (
            t.text in _QMARKS
            or t.text in lx.CLAUSE_END
            or t.low in lx.FINITE_AUXILIARIES
            or t.low in lx.SUBORDINATORS
            or t.low in {"but", "so", "while", "although", "though"}
        ):
            break
        if author is None and t.low in {"by", "from"} and stop + 1 < hi:
            # 'by the Ada Institute', 'from Vale Research': the document's author
            m = _author_after(text, toks, stop + 1, hi)
            if m is not None and m.kind in {"person", "org"} and not m.generic:
                author = m
        stop += 1
    if author is not None:
        return author, stop
    owner = _analyze(text, toks, start, h + 1)
    if owner is not None and owner.kind in {"person", "org"} and owner.document:
        return owner, stop  # 'a Harbor Times poll', 'the ministry's report'
    last = stop
    if stop - start > 10:
        last = end  # a long modifier: the document alone
    while last > end and (toks[last - 1].low in {"and", "or"} or not toks[last - 1].word):
        last -= 1
    return Mention(_span_text(text, toks, start, last), "doc", pos=toks[start].start, document=True), stop
