"""Assembly: cues, quotations and the pronoun chain combined into one attribution per sentence."""

from __future__ import annotations

from bisect import bisect_left

from .. import lexicon as lx
from ..names import NameIndex, Tok, is_name_word, is_title, tokenize
from ..quotes import Quote, QuoteIndex
from ..types import Attribution, ClaimKind, Sentence
from .common import Cue, Mention
from .context import _closing_report
from .cues import _sentence_cues
from .mentions import _analyze
from .pronouns import _Resolver
from .sources import _research_subject
from .subjects import _forward_main_subject, _opening_clause_person


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
        if cue is not None and (
            cue.mention.kind == "pronoun"
            or ((cue.mention.generic or cue.mention.document) and cue.verb.lower() not in lx.SPEECH_VERBS)
            or (
                (cue.verb.lower() in lx.RESEARCH_VERBS or cue.verb.lower() in {"described", "discovered"})
                and _research_subject(cue.mention)
            )
        ):
            # 'He vowed to beat Tanaka, Ortiz said.', 'Researchers have found a new bee, the university
            # said on Monday.': a report closing the sentence after a comma frames what comes before it;
            # a pronoun's, a generic subject's or a finding's cue is inside that content (a named
            # speaker's own words stay theirs: 'The campaign said ..., the Herald reported.')
            last = max(cues, key=lambda c: c.pos)
            at = bisect_left(starts, last.pos)
            if (
                last.pos > cue.pos
                and last.rank <= 1
                and last.verb[:1].isalpha()  # a verb, not a speaker's colon
                and (last.mention.kind != "pronoun" or cue.mention.kind != "pronoun")
                and at < hi
                and _closing_report(toks, at, lo, hi)
            ):
                cue = last
        if cue is not None and (cue.mention.document or cue.mention.kind == "quantity"):
            # 'records show ..., according to X': a document without an author yields to a named source
            cue = min((c for c in cues if c.rank == 2), key=lambda c: c.pos, default=cue)
        if cue is not None and cue.mention.kind == "pronoun" and cue.mention.name in {"he", "she"}:
            # 'Even as she denied the charge, Ida Wren ...': a pronoun inside the adverbials that open the
            # sentence points forward to the main clause's subject, when the gender allows
            p = bisect_left(starts, cue.mention.pos)
            main = _forward_main_subject(text, toks, p, lo, hi) if p < hi else None
            if main is not None:
                name = resolver.resolve(main, n, toks)
                want = "m" if cue.mention.name == "he" else "f"
                if name and names.gender(name, list(main.title_words)) in (None, want):
                    cue = Cue(main, cue.verb, cue.rank, cue.pos)
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
            if (
                speaker == cue.mention.name
                and cue.mention.kind == "group"
                and speaker.lower().startswith("the ")
                and resolver._singular_person(cue.mention)
            ):
                # 'Though Tom Vint would not name his deputy, the chairman did give his view': a description
                # left unresolved that opens the main clause is the person the opening clause is about
                at = bisect_left(starts, cue.mention.pos)
                conceder = _opening_clause_person(text, toks, lo, hi, at) if at < hi else None
                if conceder is not None:
                    cue = Cue(conceder, cue.verb, cue.rank, cue.pos)
                    speaker = resolver.resolve(conceder, n, toks)
            role = cue.mention.role
            if speaker:
                resolver.remember(speaker, cue.mention, n)
                for q in qs:
                    if cue.rank == 0 or q.chain not in quote_speaker:
                        quote_speaker.setdefault(q.chain, (speaker, role))
        elif qs and (signer := _signature(text, toks, lo, hi, qs[-1])) is not None:
            # '"We pay and pay." ― Ann Lee': a quotation signed with a dash and its author's name; every
            # sentence of the quotation is the author's
            speaker = resolver.resolve(signer, n, toks)
            if speaker:
                role = signer.role
                quote_speaker[qs[-1].chain] = (speaker, role)
        elif qs and _colon_quotation(text, sent, qs[-1]):
            # 'Ann Lee went further: "We will sue the city."': a clause ending in a colon hands over to the
            # quotation that closes the sentence; the person the clause opens with speaks it
            speaker = resolver.opening_person(n + 1)
            if speaker:
                quote_speaker.setdefault(qs[-1].chain, (speaker, None))
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
        if (
            found is None
            and n > 0
            and sentences[n - 1].paragraph != sent.paragraph
            and _wholly_quoted(text, sent, sent_quotes[n])
        ):
            # a quotation opening a paragraph, attributed nowhere, after a sentence that opens with a
            # person ('Ann Lee is upbeat about the plan.' + '"We will win."'): that person speaks
            person = resolver.opening_person(n)
            if person is not None:
                found = (person, None)
            else:
                # '"We cannot afford it," Lee said.' + 'The council voted for the plan anyway.' + '"It is a
                # mistake."': over narration that names no one, the quotation resumes the last speaker quoted
                found = _last_quoted_speaker(results, own, n)
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
            for marker in lx.SELF_REPORT_MARKERS:
                if tuple(x.low for x in toks[k + 1 : k + 1 + len(marker)]) == marker:
                    found.add(t.text)
    return found


def _last_quoted_speaker(results: list[Attribution], own: list[bool], n: int) -> tuple[str | None, str | None] | None:
    """The speaker of the nearest attributed sentence at most ``QUOTE_RESUME_GAP`` sentences before ``n``,
    when that sentence quoted its speaker's own words: a quotation paragraph after narration resumes it.
    A sentence attributed without a quotation ('Vale said the plan would work') ends the look-back."""
    for k in range(n - 1, max(-1, n - 2 - QUOTE_RESUME_GAP), -1):
        if own[k]:
            if results[k].kind == "direct_quote" and results[k].speaker:
                return (results[k].speaker, results[k].role)
            return None
    return None


# Unattributed sentences a quotation paragraph may look back over to the last speaker quoted.
QUOTE_RESUME_GAP = 2


def _signature(text: str, toks: list[Tok], lo: int, hi: int, q: Quote) -> Mention | None:
    """The name after a dash that follows the quotation's closing mark and ends the sentence ('..." ― Ann
    Lee', '..." — Tom Vale, Keld'): capitalised words only, then at most a comma and a place or a period."""
    if q.close_mark is None:
        return None
    k = lo
    while k < hi and toks[k].start <= q.close_mark:
        k += 1
    if k + 1 >= hi or toks[k].text not in lx.SIGNATURE_DASHES:
        return None
    e = k + 1
    while e < hi and toks[e].word and toks[e].cap:
        e += 1
    if e == k + 1 or e - k > 6:
        return None
    if e < hi and not (toks[e].text == "." and e + 1 == hi) and toks[e].text != ",":
        return None
    if e < hi and toks[e].text == "," and not all(t.cap or not t.word for t in toks[e + 1 : hi]):
        return None
    m = _analyze(text, toks, k + 1, e)
    return m if m is not None and m.kind in {"person", "org"} else None


def _colon_quotation(text: str, sent: Sentence, q: Quote) -> bool:
    """The sentence ends with a quotation of at least ``COLON_QUOTE_WORDS`` words right after a colon, and
    a clause of at least two words comes before the colon ('Lee resisted: "..."'; not 'Lee: "..."', read
    as a label, nor 'his top shows: "Veep"')."""
    if q.open_mark < sent.start or any(c.isalnum() for c in text[q.end : sent.end]):
        return False
    head = text[sent.start : q.open_mark].rstrip()
    if not head.endswith(":") or len(head[:-1].split()) < 2:
        return False
    if _inscription(head[:-1].split()):
        return False
    return len(text[q.start : q.end].split()) >= COLON_QUOTE_WORDS


def _inscription(words: list[str]) -> bool:
    """The clause before a colon ends in a thing's writing ('wore a cap that read', 'held a sign that said',
    'a shirt reading'): the quotation is the words written on it, not the words of the clause's subject."""
    last = words[-1].lower()
    before = words[-2].lower()
    if last in lx.INSCRIPTION_VERBS:
        return before in {"that", "which"}
    return last in lx.INSCRIPTION_PARTICIPLES and before.isalpha() and before.islower()


# Words a quotation after a colon needs to be taken for the words of the clause's subject.
COLON_QUOTE_WORDS = 4


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
