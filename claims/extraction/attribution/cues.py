"""Cues: the reporting cues of one sentence, each with its subject and span."""

from __future__ import annotations

from bisect import bisect_left

from .. import lexicon as lx
from ..gazetteer import P_SALIENT_REGION, gazetteer, norm
from ..names import Tok, base, is_name_word, is_possessive, is_title
from ..quotes import QuoteIndex
from .common import _QMARKS, Cue, Mention, _adverb, _span_text
from .context import (
    _GERUND_STANCES,
    _claims_to,
    _clause_complement,
    _clause_object,
    _closing_mark_before,
    _closing_report,
    _common_word,
    _cue_text,
    _gerund_object,
    _gives_said,
    _name_beside_quote,
    _naming_complement,
    _negated,
    _next_is_quote,
    _noun_slot,
    _object_noun_in,
    _object_quote,
    _passive,
    _prev_is_quote_close,
    _publishes_statement,
    _reduced_passive,
    _relative_clause,
    _reports_after,
    _said_object,
    _sends_out_statement,
    _shares_view,
    _takes_complement,
    _time_adjunct_end,
    _title_quote_before,
    _topic_follows,
    _verb_context,
)
from .mentions import _analyze, _np_backward
from .sources import (
    _according_document,
    _after_document,
    _document_subject,
    _finding_body,
    _in_poll,
    _research_subject,
    _skip_according,
)
from .subjects import (
    _clause_subject,
    _forward_common_np,
    _forward_description,
    _forward_np,
    _opens_clause,
    _past_opening_adjuncts,
    _raised_subject,
    _skip_interrupters,
    _stance_subject,
    _subject_after_span,
    _subject_before,
)

# Words joining two clauses: a subject after one opens a clause of its own.
_COORDINATORS = frozenset({"and", "but", "or", "while", "whereas", "yet", "so"})

# Speech verbs whose passive makes an event known rather than reporting a claim.
_EVENT_PASSIVES = frozenset({"report", "announce", "disclose", "reveal", "publish"})


def _sentence_cues(
    text: str, toks: list[Tok], lo: int, hi: int, in_quote: set[int], quotes: QuoteIndex, has_quote: bool
) -> list[Cue]:
    cues: list[Cue] = []
    main_subject: Mention | None = None
    perspective = _perspective_holder(text, toks, lo, hi, in_quote)
    if perspective is not None:
        # a low rank: a reporting verb of the sentence comes first ('To Lee, the plan failed, Roe said')
        cues.append(Cue(perspective[0], perspective[1], 3, toks[lo].start))
    for v in range(lo, hi):
        if v in in_quote:
            continue
        t = toks[v]
        low = t.low
        # "according to X", "in the words of X"
        for phrase in lx.ACCORDING_PHRASES:
            n = len(phrase)
            if low == phrase[0] and tuple(x.low for x in toks[v : v + n]) == phrase:
                if low in lx.REPORTED_PHRASE_OPENERS and not (v > lo and toks[v - 1].low in {",", "as"}):
                    break
                if any(w in lx.PERSPECTIVE_NOUNS for w in phrase[2:3]) and v > lo and toks[v - 1].text != ",":
                    break  # 'In the view of Tom Ek, ...' opens the sentence or an aside; not 'in the view of the lake'
                start = v + n
                e = _forward_np(toks, start, hi)
                while e - 1 > start and toks[e - 1].cap and base(toks[e - 1].low) in lx.TIME_WORDS:
                    e -= 1  # 'according to the agency Monday': the day is no part of the source
                if e <= start:
                    e = _forward_common_np(toks, start, hi)  # 'according to the event website'
                if e <= start:
                    e = _forward_description(toks, start, hi)  # 'according to conservative columnist Tom Ek'
                m = _analyze(text, toks, start, e) if e > start else None
                if (
                    m is not None
                    and m.kind == "group"
                    and e < hi
                    and toks[e].cap
                    and base(toks[e].low) not in lx.TIME_WORDS
                    and toks[e].start - toks[e - 1].end <= 1
                ):
                    # 'according to the national rail operator KRail': the name after its description
                    e2 = _forward_np(toks, e, hi)
                    named = _analyze(text, toks, e, e2) if e2 > e else None
                    if named is not None and named.kind in {"person", "org"}:
                        named.role = named.role or text[toks[start].start : toks[e - 1].end]
                        m, e = named, e2
                pronoun = _pronoun_source(toks, start, hi)
                if pronoun is not None:
                    # 'according to her', 'according to its figures': the person or body the pronoun
                    # stands for speaks (through its document)
                    m = Mention(pronoun, "pronoun", pos=toks[start].start)
                elif phrase[0] != "quoting":
                    # 'according to a 2019 Farm Office study', 'according to data from the port authority'
                    m = _according_document(text, toks, start, hi) or m
                if m is not None and e < hi and toks[e].text == "," and m.kind != "person":
                    # "according to the team's captain, Oren Kessler,"
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
        if low == "in" and v + 2 < hi and (held := _view_aside(text, toks, v, lo, hi)) is not None:
            # a low rank as at the sentence's opening: a reporting verb of the sentence comes first
            cues.append(Cue(held, _span_text(text, toks, v, v + 1), 3, t.start))
            continue
        if low == "in" and v + 2 < hi:
            poll = _in_poll(text, toks, v, lo, hi)  # 'In a Vale poll released Monday, 50 percent chose Lee'
            if poll is not None:
                # inside the sentence a low rank: 'The Ledger poll showed Lee doing better than in the Vale
                # poll' is the first poll's
                cues.append(Cue(poll, "in", 2 if v <= lo + 1 else 3, t.start))
                continue
        if t.text == ":" and lo < v <= lo + 12 and _next_is_quote(toks, v + 1, hi, quotes):
            # 'Howard Lee, Radio North: "..."': a name (and its affiliation) introducing a quotation
            comma = next((q for q in range(lo, v) if toks[q].text == ","), v)
            m = _analyze(text, toks, lo, comma) if comma > lo else None
            if m is not None and m.kind in {"person", "org"} and all(x.cap or not x.word for x in toks[lo:comma]):
                cues.append(Cue(m, ":", 1, t.start))
            continue
        if t.text == ":" and lo < v <= lo + 4:
            # 'Ann Lee: The pier will stay open.', 'Vale Party: Taxes must fall': a name labelling the
            # clause after it, as in a headline or a transcript
            m = _label_speaker(text, toks, lo, v, hi)
            if m is not None:
                cues.append(Cue(m, ":", 1, t.start))
            continue
        if not t.word or (t.cap and v > lo and not _headline_cue(toks, v, lo, hi)):
            continue
        that = v + 1
        if v + 2 < hi and toks[v + 1].low in {"is", "was"} and toks[v + 2].low == "that":
            that = v + 2  # 'Lee's answer was that ...': the copula before the owner's clause
        if (
            base(low) in (lx.CLAIM_NOUNS if that == v + 1 else lx.COPULA_CLAIM_NOUNS)
            and that < hi
            and toks[that].low == "that"
        ):
            owner = _claim_owner(text, toks, v, lo, hi, that)
            if owner is not None:
                # 'The party's allegations that the vote was rigged were dismissed': the owner of the claim
                # speaks its content; a low rank, so a reporting verb of the sentence comes first
                cues.append(Cue(owner, _span_text(text, toks, v, that + 1), 3, t.start))
                continue
        if (
            low in lx.STANCE_ADJECTIVES
            and v + 1 < hi
            and (toks[v + 1].low == "that" or (low == "clear" and _makes_clear(toks, v, lo, hi)))
        ):
            held = _stance_subject(text, toks, v, lo)  # 'X is confident that ...', 'X made clear that ...'
            if held is not None:
                # a low rank: a reporting verb of the same sentence comes first ('if he can be convinced
                # that ..., X said')
                cues.append(Cue(held, _span_text(text, toks, v, v + 2), 3, t.start))
                continue
        if low in lx.SEE_AS_VERBS and _sees_as(toks, v, lo, hi):
            seer, k = _subject_before(text, toks, v, lo)
            if (
                seer is not None
                and seer.kind in {"person", "org", "group", "pronoun"}
                and not seer.generic
                and not (k - 1 >= lo and toks[k - 1].low in {"what", "which", "who", "that", "whom"})
            ):
                # 'Lee sees the vote as a test', 'The union regards the deal as unfair': the subject's
                # stance; a low rank, so a reporting verb of the sentence comes first
                cues.append(Cue(seer, t.text, 3, t.start))
            continue
        speech = low in lx.SPEECH_VERBS and low != "according"
        if speech and low == "state" and v + 1 < hi and is_title(toks[v + 1]) and toks[v + 1].cap:
            speech = False  # 'Her rival, state Sen. Ada Cole, said': the level of an office before its title
        weak = low in lx.WEAK_VERBS
        threat = low in lx.THREAT_VERBS
        suggestion = low in lx.SUGGESTION_VERBS
        research = low in lx.RESEARCH_VERBS or suggestion
        naming_quote = False
        sent_out = False
        if low in lx.NAMING_VERBS:
            # 'called for', 'dubbed the feud "X"', 'described him as a hero'
            p = v + 1
            while p < hi and p - v <= 2 and base(toks[p].low) in lx.TIME_WORDS:
                p += 1  # 'called Wednesday for'
            if low.startswith("call") and p < hi and toks[p].low in {"for", "on"}:
                speech = True
            elif (
                low.startswith("call")
                and p + 1 < hi
                and toks[p].low == "to"
                and toks[p + 1].word
                and not toks[p + 1].cap
                and toks[p + 1].low not in lx.NOT_A_VERB_AFTER_TO
                and toks[p + 1].low != "order"
            ):
                speech = True  # 'called to ban the sale', 'calls to end the toll': a demand, as 'called for
            else:
                found = _naming_complement(toks, v, hi, quotes, in_quote)
                if found is None and _said_object(toks, v, hi) and toks[v + 1].low != "that":
                    found = False  # 'called the charges baseless': a verdict on something said
                if (
                    found is None
                    and low.startswith("describ")
                    and v + 1 < hi
                    and (toks[v + 1].low in {"the", "a", "an", "his", "her", "their", "its", "how", "what"})
                ):
                    found = False  # 'described the meeting', 'described how ...': an account given
                if (
                    found is None
                    and low.startswith("call")
                    and (_calls_object_a(toks, v, hi) or _calls_object_adj(toks, v, hi))
                ):
                    found = False  # 'called him a liar', 'called the fire a disgrace': a verdict in words
                if found is None and low.startswith("hail") and _hails_object(toks, v, hi):
                    found = False  # 'hailed the ruling': praise, as 'hailed it as a victory'
                if found is None:
                    continue
                speech, naming_quote = True, found
        elif low in lx.AS_NAMING_VERBS:
            speech = _presents_as(toks, v, hi)  # 'painted the bill as a giveaway', not 'painted the fence'
        elif low in lx.PUBLISHING_VERBS:
            speech = _publishes_statement(toks, v, hi)  # 'issued a statement'
        elif low in lx.OUT_PUBLISHING_VERBS and _sends_out_statement(toks, v, hi):
            speech = sent_out = True  # 'sent out a statement reassuring residents that ...'
        elif low in lx.PARTICLE_CUES:
            speech = v + 1 < hi and toks[v + 1].low in lx.PARTICLE_CUES[low]  # 'pointed out', 'fired back'
            if not speech and lx.PARTICLE_CUES[low] == lx.PARTICLE_CUES["speak"]:
                speech = _topic_follows(toks, v, hi)  # 'spoke at the rally on Tuesday about ...'
        if not speech and low in lx.SHARING_VERBS:
            speech = _shares_view(toks, v, hi)  # 'shared her belief that ...', not 'shared a photo'
        if not speech and low in lx.ATTACK_VERBS:
            speech = _attacks_for(toks, v, hi)  # 'attacked Lee for his votes', not 'attacked the base'
        if not speech and low in lx.GIVING_VERBS | lx.MAKING_VERBS:
            speech = _gives_said(toks, v, hi)  # 'offered a frank assessment', not 'offered to pay'
        if not speech and low in {"put", "puts"} and v + 1 < hi and toks[v + 1].low == "it":
            # 'as Ann Lee put it: "..."', 'as the memo puts it, "..."': the words quoted after are theirs
            speech = any(toks[q].text in _QMARKS for q in range(v + 2, min(hi, v + 12))) or (
                # 'As one economist put it, the town is broke': the aside gives the clause after it
                v + 2 < hi and toks[v + 2].text == "," and v - lo <= 8 and "as" in (toks[lo].low, toks[lo + 1].low)
            )
        if lx.SPEECH_VERBS.get(low) == "write" and _object_noun_in(toks, v, hi, lx.CREATED_WORK_NOUNS):
            continue  # 'He wrote more than 30 plays', 'writes crime novels': authorship, no report
        if not speech and low in {"put", "puts", "putting"}:
            speech = _puts_at_amount(toks, v, hi)  # 'a trade weekly put her fortune at $3 billion': an estimate
        if (
            speech
            and lx.STANCE_VERBS.get(low) == "oppose"
            and [x.low for x in toks[v + 1 : v + 3]]
            in (
                ["each", "other"],
                ["one", "another"],
            )
        ):
            continue  # 'the two boxers opposed each other in the final': a contest, no position
        if not speech and low in lx.MAKING_VERBS and [x.low for x in toks[v + 1 : v + 3]] == ["no", "secret"]:
            speech = True  # 'has made no secret of her doubts', 'made no secret that ...'
        if not speech and lx.BELIEF_VERBS.get(low) == "recall":
            speech = _recalls_memory(toks, v, hi)  # 'recalled what happened', not 'recalled 5,000 cars'
        if not speech and low in lx.REJECTION_VERBS:
            speech = _said_object(toks, v, hi)  # 'dismissed the allegations', not 'dismissed the case'
        stance_on = False  # a stance on something said or an idea: only a speaker subject takes it
        if not speech and low in lx.SAID_STANCE_VERBS:
            # 'highlighted the claims', 'underscored that ...', not 'highlighted the stage'
            speech = stance_on = _said_object(toks, v, hi) or _clause_complement(toks, v, hi)
        if not speech and low in lx.IDEA_STANCE_VERBS:
            speech = stance_on = _idea_object(toks, v, hi)  # 'embraced the plan', not 'embraced her son'
        belief = False
        if not speech and low in lx.BELIEF_VERBS:
            # 'analysts fear that ...', not 'fear the worst'; a belief closing the sentence after a comma
            # holds the clause before it ('The port will reopen by June, Okafor maintains.')
            speech = belief = _clause_complement(toks, v, hi) or (v > lo + 3 and _closing_report(toks, v, lo, hi))
        # 'the court found that ...', 'the panel held the rule applied': a verdict with the beliefs' clause
        # check, given only by a ruling or investigating body (its subject is checked below)
        body_verdict = (
            not speech
            and low in lx.BODY_VERDICT_VERBS
            and (_clause_complement(toks, v, hi) or (v > lo + 3 and _closing_report(toks, v, lo, hi)))
        )
        if low in lx.REFUSAL_VERBS and _refuses_speech(toks, v, hi):
            # 'The ministry declined to comment.': the refusal is the subject's answer (a low rank: a
            # reporting verb of the sentence comes first, 'Lee said the firm refused to say')
            refuser, _ = _subject_before(text, toks, v, lo)
            j0 = _skip_interrupters(toks, v, lo)
            if (j0 > lo and toks[j0 - 1].low in {"who", "which", "that"}) or _in_opening_clause(toks, v, lo, hi):
                refuser = None  # 'Tom Fisk, who declined to comment, sold the farm': the sale is no answer
            if refuser is not None and refuser.kind in {"person", "org", "group", "pronoun"}:
                cues.append(Cue(refuser, _span_text(text, toks, v, v + 2), 3, t.start))
            continue
        if not (speech or weak or research or threat or body_verdict):
            continue
        if low in lx.STANCE_VERBS and v + 1 < hi and toks[v + 1].low in lx.MOTION_PARTICLES:
            continue  # 'the typhoon slammed into the coast', 'the rocket blasted off': motion, no verdict
        if low == "showing" and not (v > lo and toks[v - 1].low in lx.BE_FORMS):
            continue  # 'polls showing Lee ahead': a participle modifying the noun; 'polls are showing' reports
        if (
            low in lx.NOUNLIKE_FORMS
            and not _verb_context(toks, v, lo, hi)
            and (_noun_slot(toks, v, lo) or not _after_document(text, toks, v, lo))
            and not _closing_speaker_verb(toks, v, lo, hi)
        ):
            continue
        if (
            low in lx.OBJECT_SENSITIVE
            and not _clause_object(toks, v, hi)
            # '"...," added another voter': the subject after a quotation, no object
            and not (v > lo and low in lx.INVERTIBLE_VERBS and _prev_is_quote_close(toks, v - 1, lo))
            # 'four senators claim to oppose the toll', 'claimed to have seen it': what they say of themselves
            and not _claims_to(toks, v, hi)
        ):
            continue  # 'conceded a penalty', 'claimed the lives of'
        if low in lx.OBJECT_BEFORE_OF and v + 1 < hi and toks[v + 1].low == "of":
            continue  # 'two officers accused of assault': a passive participle, no speech act of theirs
        if (
            v > lo
            and v + 1 < hi
            and toks[v + 1].low == "by"
            and (low.endswith("ed") or low in lx.IRREGULAR_PARTICIPLES)
            and base(toks[v - 1].low) in lx.DOCUMENT_SUBJECT_HEADS
        ):
            continue  # 'a campaign email written by Lena Varga warned ...': the document's participle
        raised = _raised_subject(text, toks, v, lo)  # 'X was quick to say': an infinitive that was said
        negation = _negated_belief(toks, v, lo, hi)  # 'X does not think that ...': where its 'not' stands
        if (
            speech
            and not weak
            and v + 2 < hi
            and toks[v + 1].low == "by"
            and lx.SPEECH_VERBS.get(low) not in _EVENT_PASSIVES
            and _passive(toks, v, lo)
        ):
            # 'Ruiz was asked by moderator Ann Cole whether ...', 'the plan was criticised by the union':
            # the agent of a passive speech act is its speaker ('the theft was reported by a neighbor',
            # 'results were announced by officials' make an event known: no one's claim)
            e = _forward_np(toks, v + 2, hi)
            if e <= v + 2:
                e = _forward_common_np(toks, v + 2, hi)
            if e <= v + 2:
                e = _forward_description(toks, v + 2, hi)
            agent = _analyze(text, toks, v + 2, e) if e > v + 2 else None
            if agent is not None and agent.kind in {"person", "org", "group"} and not agent.generic:
                # a stance suffered ('was opposed by the union') yields to a reporting verb of the sentence
                rank = 2 if low in lx.STANCE_VERBS else 1
                cues.append(Cue(agent, _span_text(text, toks, v, v + 2), rank, t.start))
            continue
        if (
            (_negated(toks, v, lo) and raised is None and _infinitive_host(toks, v, lo) is None and negation is None)
            or _passive(toks, v, lo)
            or _reduced_passive(toks, v, lo, hi)
        ):
            continue
        if low == "saying" and v - 2 >= lo and toks[v - 1].low == "as" and toks[v - 2].low == "quoted":
            m, _ = _subject_before(text, toks, v - 3, lo)
            if m is not None:
                cues.append(Cue(m, "quoted as saying", 1, t.start))
            continue
        if low == "saying" and v - 3 >= lo and toks[v - 1].low == "as":
            # 'The daily Kurier quoted Minister Ode as saying ...': the person quoted speaks, the paper
            # is only the channel (the name between the quoting verb and 'as', at most six words)
            q = next((q for q in range(v - 2, max(lo, v - 9) - 1, -1) if toks[q].low in lx.QUOTING_VERBS), None)
            m = None
            if q is not None and toks[q + 1].low == "by" and q - 1 > lo and toks[q - 1].low in lx.PASSIVE_AUXILIARIES:
                # 'Arno Vik was quoted by local media as saying ...': the passive's subject speaks
                m, _ = _subject_before(text, toks, q - 1, lo)
                if m is not None:
                    cues = [c for c in cues if c.pos != toks[q].start]
                    cues.append(Cue(m, _span_text(text, toks, q, v + 1), 1, t.start))
                continue
            if q is not None and q + 2 == v - 1 and toks[q + 1].low in lx.OBJECT_PRONOUNS:
                m = Mention(lx.OBJECT_PRONOUNS[toks[q + 1].low], "pronoun", pos=toks[q + 1].start)
            elif q is not None and q + 1 < v - 1:
                m = _analyze(text, toks, q + 1, v - 1)
            if q is not None and m is not None and m.kind in {"person", "org", "group", "pronoun"}:
                # the quoting verb's own cue (the paper's) yields
                cues = [c for c in cues if c.pos != toks[q].start]
                cues.append(Cue(m, _span_text(text, toks, q, v + 1), 1, t.start))
                continue
        beside = (
            naming_quote
            or _next_is_quote(toks, v + 1, hi, quotes)
            or _announces_quote(toks, v, hi)
            or (v > lo and _prev_is_quote_close(toks, v - 1, lo) and not _title_quote_before(toks, v - 1, lo))
        )
        if beside and low in lx.PERFORMANCE_VERBS and v + 1 < hi and toks[v + 1].text in _QMARKS:
            # 'Ina Soto sang "Blue River" at the gala': the title of the song, not words of hers
            beside = v > lo and _prev_is_quote_close(toks, v - 1, lo)
        subject: Mention | None = None
        subordinate = False
        elided = False
        # (also a closing mark typed as an opening one, glued to the word before it, and a nested close)
        before_comma = v > lo and (
            toks[v - 1].text in {",", "\u201d", '"', "''"} or _closing_mark_before(toks, v - 1, lo)
        )
        # any reporting verb right after a quotation's closing mark may come before its subject ('"...,"
        # scoffed Ann Lee', '"...," agrees Tom Vint, 30'); others only from the list ('..., said AFP')
        after_quote = before_comma and not low.endswith("ing") and _prev_is_quote_close(toks, v - 1, lo)
        if (
            (before_comma or v == lo)
            and (low in lx.INVERTIBLE_VERBS or after_quote)
            and not (v > lo and _title_quote_before(toks, v - 1, lo))
        ):
            after = _subject_after_span(text, toks, v, hi)
            subject = after[0] if after is not None else None
            if subject is not None and subject.generic and v > lo and toks[v - 1].text == ",":
                # 'Ada Lund, a spokeswoman for the port, said the decision to close ...': a named subject
                # with its apposition before the verb, and a common noun opening the reported clause after
                named, _ = _subject_before(text, toks, v, lo)
                if named is not None and named.kind in {"person", "org"}:
                    subject = None
            if (
                after is not None
                and subject is not None
                and toks[v - 1].text == ","
                and not after_quote
                and after[1] < hi
                and (toks[after[1]].word or toks[after[1]].text in _QMARKS)
            ):
                # 'Ada Lund, speaking after the vote, said Ben Roe had lied', 'The harbour board, backed by
                # two unions, asked a judge to halt the dredging': the subject opening the clause before the
                # comma speaks; the phrase after the verb opens what is said or asked (an interjected
                # ', said Ben Roe,' is closed by its comma)
                named, k = _subject_before(text, toks, v, lo)
                if (
                    named is not None
                    and named.kind in {"person", "org", "group"}
                    and (not named.generic or _object_complement(toks, after[1], hi))
                    and _opens_clause(toks, k, lo)
                ):
                    subject = None
            if subject is not None and v + 1 < hi:
                e = _forward_np(toks, v + 1, hi)
                beside = (
                    beside or (e < hi and _next_is_quote(toks, e, hi, quotes)) or _prev_is_quote_close(toks, v - 1, lo)
                )
        with_subject = False
        inverted = subject is not None
        comma_before = v > lo and (
            toks[v - 1].text == ","
            # American style puts the comma inside the quotation marks: 'ended the "Gold Week," saying'
            or (v - 2 >= lo and toks[v - 1].text in _QMARKS and toks[v - 2].text == ",")
        )
        if subject is None and low.endswith("ing") and comma_before:
            # 'Ada Cole attacked Ben Roe, saying ...': the participle belongs to the clause's subject, not
            # to the noun before its comma
            clause = main_subject or _clause_subject(text, toks, v, lo, in_quote)
            if clause is not None and (beside or _reports_after(toks, v, hi)):
                subject, elided = clause, True
        if subject is None and v - 2 > lo and toks[v - 1].low == "then" and toks[v - 2].text == ",":
            # 'Ada Cole offered the man a job, then says he ...': a second verb phrase of the clause's subject
            clause = main_subject or _clause_subject(text, toks, v - 1, lo, in_quote)
            if clause is not None and clause.kind in {"person", "org", "group"}:
                subject, elided = clause, True
        host = _infinitive_host(toks, v, lo) or _membership_host(toks, v, lo)
        in_modifier = False
        as_aside = False
        if subject is None and v > lo:
            if raised is not None:
                subject, k = raised
            elif host is not None:
                subject, k = _subject_before(text, toks, host, lo)  # 'X went on to say ...'
            elif negation is not None:
                subject, k = _subject_before(text, toks, negation, lo)  # 'X doesn't think ...'
            else:
                subject, k = _subject_before(text, toks, v, lo)
                if subject is not None and _plural_opener(toks, subject, k, v, lo):
                    # 'Footprints suggest that ...': a plural noun capitalised because it opens the sentence
                    # (its verb agrees with a plural), no name
                    subject = Mention(subject.name, "group", pos=subject.pos, generic=True)
            if subject is None:
                subject = _name_beside_quote(text, toks, v, lo, hi)  # '"...," Read said'
                if subject is not None:
                    k = v - 1 if toks[v - 1].cap else v
            with_subject = k - 1 >= lo and toks[k - 1].low == "with"
            as_aside = subject is not None and _as_aside(toks, k, v, lo, hi)
            # 'A Vale poll of local voters has revealed': the subject found is a document's modifier
            q = k - 1
            while q >= lo and q >= k - 3 and toks[q].word and not toks[q].cap:
                if toks[q].low in lx.DOCUMENT_MODIFIER_OPENERS:
                    break
                q -= 1
            in_modifier = q >= lo and toks[q].low in lx.DOCUMENT_MODIFIER_OPENERS
            if (
                subject is not None
                and low.endswith("ing")
                and k - 1 >= lo
                and toks[k - 1].low in lx.OBJECT_PREPOSITIONS
            ):
                subject = None  # 'the request of the City asking ...': a participle modifying a noun
            if subject is not None:
                beside = beside or _prev_is_quote_close(toks, k - 1, lo)
                j0 = _skip_interrupters(toks, v, lo)
                if j0 > lo and toks[j0 - 1].low in {"who", "which"}:
                    subordinate = True  # 'the union, which argued ...': a relative clause's report
                if _contact_relative(toks, k, lo):
                    subordinate = True  # 'Nothing the mayor said "will help," Lee said.': the mayor's is inside
                back = _skip_according(toks, k - 1, lo)
                if back >= lo and toks[back].low == "that" and toks[back + 1].text == ",":
                    back = lo - 1  # 'After that, Lee added': a demonstrative before its comma, no clause
                if back >= lo and (
                    toks[back].low in lx.SUBORDINATORS
                    or (toks[back].low in lx.SPEECH_VERBS and subject.kind == "pronoun")  # 'X said he believes'
                    or toks[back].low in {"what", "how", "why"}
                    or (toks[back].low in lx.CLAUSE_OPENERS and toks[back].low != "as")
                ):
                    subordinate = True
                    if _relative_clause(toks, back, lo):
                        continue  # 'the delays that residents blame for ...': a noun's modifier
                    if toks[back].low in {"how", "whether"} and not beside and not _clause_complement(toks, v, hi):
                        # 'left open how the council would respond to the petition', 'a debate over
                        # whether the council agrees': an indirect question asks what they would say, and
                        # no clause of theirs follows ('outlined how he thinks the gap could close' has one)
                        continue
        via_doc = False
        if (
            not inverted
            and v > lo
            # ('Recent polls are showing ...': a progressive after its auxiliary, not a participle)
            and (not low.endswith("ing") or toks[v - 1].low in lx.BE_FORMS)
            and (
                subject is None
                or subject.generic
                or in_modifier
                # ('A study by Ann Lee concluded that ...': the study's, though a person concludes too)
                or (research and (belief or not speech) and not _research_subject(subject))
                # a document phrase read as a common noun or a name only because it opens the sentence
                # ('Data from the port showed', 'CNN exit poll data revealed'): its author or owner speaks
                or (
                    subject.kind not in {"person", "org", "pronoun"}
                    and base(subject.name.split()[-1].lower()) in lx.DOCUMENT_SUBJECT_HEADS
                )
                or base(subject.name.lower()) in lx.DOCUMENT_SUBJECT_HEADS
            )
        ):
            doc = _document_subject(text, toks, v, lo)
            if doc is None:
                # 'Amid a rough week for the mayor, a report by the Dorrow Herald says': past the opening
                # adverbials (a bounded stretch before the verb)
                start = _past_opening_adjuncts(toks, max(lo, v - 60), v)
                if start > lo:
                    doc = _document_subject(text, toks, v, start)
            if doc is not None:
                subject, subordinate, with_subject, via_doc = doc, False, False, True
        if subject is None and low.endswith("ing") and v > lo and toks[v - 1].low in lx.ELIDED_SUBJECT_INTROS:
            subject, elided = main_subject or _clause_subject(text, toks, v, lo, in_quote, descriptions=True), True
            if subject is not None and not (
                beside or _object_quote(toks, v, hi, quotes) or (speech and not weak and _reports_after(toks, v, hi))
            ):
                subject = None
        if subject is None and v - 1 > lo and not low.endswith("ing") and (speech or research or (weak and beside)):
            # 'Ada Cole toured the plant and said ...': a second verb of the clause's subject
            j = _skip_interrupters(toks, v, lo)
            if (
                j - 1 > lo
                and toks[j - 1].low in {"and", "but"}
                # 'X declined to comment, but said ...': a comma before the conjunction too
                and (toks[j - 2].text not in lx.CLAUSE_END or toks[j - 2].text == ",")
                # ('but told city leaders that ...': an audience before the reported clause)
                and (
                    beside
                    or _takes_complement(toks, v, hi)
                    or (speech and _reports_after(toks, v, hi))
                    # 'visited the town and promised tougher rules': a speech act with its content as object
                    or (low in lx.CONTENT_OBJECT_VERBS and _plain_object(toks, v, hi))
                )
            ):
                subject = main_subject or _clause_subject(text, toks, j - 1, lo, in_quote)
                if subject is not None and subject.kind == "pronoun" and subject.name in {"i", "we", "you"}:
                    subject = None
                # inside an opening adverbial clause ('Although X ... and has said ..., Y said')
                subordinate = (
                    (toks[lo].low in lx.CLAUSE_OPENERS or toks[lo].low in lx.SUBORDINATORS)
                    and v - lo <= 80
                    and not any(toks[q].text == "," for q in range(lo, v))
                )
        if subject is None and v - 2 > lo and toks[v - 1].low in {"that", "which"} and not low.endswith("ing"):
            # 'Ann Lee released a video that said ...', 'The Ledger ran a piece that noted ...': a relative
            # clause on a document that the sentence's subject puts out speaks for the publisher
            start = _np_backward(toks, v - 2, lo)
            doc = _analyze(text, toks, start, v - 1) if lo < start <= v - 2 else None
            if doc is not None:
                subject = _publisher(text, toks, doc, lo, v)
        if subject is not None and low.endswith("ing") and not inverted and not elided and not comma_before:
            publisher = _publisher(text, toks, subject, lo, v)
            if publisher is not None:
                subject, via_doc = publisher, False
        if subject is None:
            continue
        # 'a message stating', 'the taxes requested in arrears': a common noun before a participle
        # modifies the noun; a generic subject needs the verb to take a clause or an object
        if (
            subject.generic
            and not elided
            and not inverted
            and not sent_out
            and not as_aside
            and not (_closing_report(toks, v, lo, hi) and not _participle_with_time(toks, v, hi, subject))
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
            low.startswith("point")
            and v + 1 < hi
            and toks[v + 1].low == "to"
            and subject.generic
            and not subject.document
            and base(subject.name.split()[-1].lower()) not in lx.ORG_HEADS
            and not subject.name.lower().endswith(lx.PEOPLE_PLURAL_ENDINGS)  # 'Other defenders pointed to'
        ):
            continue  # 'futures pointed to a lower open', 'the clues point to arson': things indicate, no one says
        if (
            stance_on
            and not subject.document
            and (subject.kind not in {"person", "org", "pronoun", "group"} or subject.generic or _common_word(subject))
        ):
            continue  # 'The crash highlighted concerns about the bridge': an event makes nothing its stance
        if threat and not speech:
            if subject.kind not in {"person", "org", "pronoun", "group"} or subject.generic or _common_word(subject):
                continue  # 'the storm threatened to flood the town', 'rising costs threaten the project'
            speech = True  # 'the union threatened to strike', 'Ann Lee threatened legal action'
        if (
            research
            and not speech
            and subject.kind == "org"
            and not subject.generic
            and not _common_word(subject)
            and (_clause_complement(toks, v, hi) or (v > lo + 3 and _closing_report(toks, v, lo, hi)))
        ):
            # 'The Harbor Times found that ...', '..., the Harbor Times found.': an organisation reports a finding
            speech = True
        if body_verdict and not speech:
            if subject.kind != "pronoun" and _finding_body(subject):
                speech = belief = True  # 'A coroner found that the death was accidental'
            elif not research:
                continue  # 'Ann Lee held that ...' is no body's verdict ('found' stays a research verb)
        if not speech and not beside and lx.BELIEF_VERBS.get(low) == "conclude":
            continue  # 'the inquiry concluded its hearings': an end, no finding without its clause
        team = _with_team(toks, v, lo) if research and not speech else None
        if team is not None and _clause_complement(toks, v, hi):
            # 'Ann Lee and her colleagues found that ...': a researcher and her group report; the researcher
            # named before 'and' speaks for them
            lead, _ = _subject_before(text, toks, team, lo)
            if lead is not None and lead.kind == "person":
                subject, speech = lead, True

        if research and not speech and not via_doc and not _research_subject(subject) and not (weak and beside):
            continue  # ('"...," Lee concluded': a weak verb beside a quotation is speech for anyone)
        if (
            weak
            and not speech
            and not beside
            and not (research and (via_doc or (subject.kind != "pronoun" and _research_subject(subject))))
        ):
            continue  # 'concluded' without a quotation: only for a study or its authors
        if not beside and _future_plain_act(toks, v, lo, hi):
            continue  # 'The minister will announce the plan on Monday': nothing said yet, the reporter's claim
        if not subordinate and not beside and _in_opening_clause(toks, v, lo, hi):
            subordinate = True  # 'While not everything Lee says is true, Best said ...': Best's
        if not subordinate and not beside and _in_relative_clause(toks, v, lo, hi):
            subordinate = True  # 'Ann Lee, who stayed on despite calls for her to quit, has said ...'
        if low.endswith("ing") and not elided and not beside and main_subject is None:
            rank = 3
        else:
            rank = 3 if subordinate else (0 if (beside and has_quote) else (3 if elided else 1))
        if stance_on:
            # 'Lee could embrace the plan, Vole told reporters': a stance inside the clause a reporting verb
            # gives yields to it
            rank = max(rank, 2)
        if raised is not None:
            rank = 3  # 'X was quick to say': yields to a plain cue of the sentence, and opens no clause
        elif main_subject is None and not subordinate:
            main_subject = subject
        cues.append(Cue(subject, _cue_text(text, toks, v, hi), rank, t.start))
    _demote_embedded(toks, lo, hi, cues)
    if any(c.rank == 2 and c.mention.document for c in cues):
        # 'Most voters say the economy is weak, according to a new poll': the respondents speak through
        # the poll, which is the source
        for c in cues:
            if c.rank < 2 and c.mention.kind != "pronoun" and _respondents(c.mention):
                c.rank = 3
    return cues


def _plain_object(toks: list[Tok], v: int, hi: int) -> bool:
    """A lowercase noun phrase right after the verb ('tougher rules', 'new funding for schools')."""
    k = v + 1
    return (
        k < hi
        and toks[k].word
        and not toks[k].cap
        and toks[k].low not in lx.NOUN_PHRASE_STOPS
        and (toks[k].low.isalpha() and toks[k].low not in lx.ADJUNCT_OPENERS and toks[k].low not in lx.PRONOUNS)
    )


def _future_plain_act(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """A speech act still to come with a plain object and no reported clause or quotation: 'will announce
    the plan', 'is expected to unveil a budget', 'plans to release the memo' report the reporter's
    forecast ('will say in a speech that ...' reports prepared words and stays attributed)."""
    if v - 1 < lo:
        return False
    before = toks[v - 1].low
    future = before in {"will", "shall"} or before.endswith(("'ll", "’ll"))
    if before == "to" and v - 2 >= lo:
        future = toks[v - 2].low in lx.FUTURE_BEFORE_TO_CUE
    if not future:
        return False
    k = v + 1
    if k < hi and (toks[k].low in {"that", "whether", "how", "what", "why", "if"} or toks[k].text in _QMARKS):
        return False
    if _clause_complement(toks, v, hi):
        return False
    for q in range(k, min(hi, v + 25)):  # 'will tell reporters that ...', 'will make the case to X that ...'
        if toks[q].low == "that" or toks[q].text in _QMARKS:
            return False
        if toks[q].text in lx.CLAUSE_END:
            break
    return True


def _presents_as(toks: list[Tok], v: int, hi: int) -> bool:
    """'cast her rival as weak', 'painted the bill as a giveaway', 'frames his plan purely as relief':
    'as' after an object of one to six words (no punctuation between), and no clause after it ('cast
    their votes as the polls closed'); a vote cast is no portrayal."""
    for k in range(v + 2, min(hi - 1, v + 8)):
        t = toks[k]
        if t.low == "as":
            nxt = toks[k + 1]
            if nxt.low == "the" and toks[k - 1].low in lx.REFLEXIVE_PRONOUNS:
                return True  # 'cast herself as the voice of farmers' (no clause opens after a reflexive)
            if nxt.low in {"a", "an"} and k + 2 < hi and toks[k + 2].low in lx.LIFE_STAGE_NOUNS:
                return False  # 'saw the harbour as a boy'
            # ('lists the harbour's depth as 12 metres': an amount is what it is presented as)
            return (nxt.word and nxt.low not in lx.AS_CLAUSE_WORDS) or nxt.text[:1].isdigit()
        if not (t.word or t.text in "'’") or t.low in lx.NOUN_PHRASE_STOPS or t.low in lx.FINITE_AUXILIARIES:
            return False
        if toks[v].low.startswith("cast") and base(t.low) in lx.CAST_OBJECTS:
            return False
    return False


def _puts_at_amount(toks: list[Tok], v: int, hi: int) -> bool:
    """'put her fortune at $3 billion', 'put the death toll at about 40', 'puts turnout at 60 percent':
    an estimate, with 'at' after an object of one to ten words and an amount after it; not 'put the box
    at the door'."""
    for k in range(v + 2, min(hi - 1, v + 12)):
        t = toks[k]
        if t.low == "at":
            a = k + 1
            while a < hi and a - k <= 3 and toks[a].low in lx.AMOUNT_APPROXIMATORS:
                a += 1
            return a < hi and (toks[a].text[:1].isdigit() or toks[a].text[:1] in "$£€")
        if not (t.word or t.text in "'’-") or t.low in lx.NOUN_PHRASE_STOPS:
            return False
    return False


def _recalls_memory(toks: list[Tok], v: int, hi: int) -> bool:
    """'recalled what happened', 'recalled when the mill closed', 'recalled him saying ...', 'recalled the
    day the mill closed', 'recalled an awkward conversation': a memory told (three words read)."""
    if v + 1 >= hi:
        return False
    nxt = toks[v + 1]
    if nxt.low in {"what", "when", "why", "where"}:
        return True
    if (
        v + 2 < hi
        and (nxt.low in lx.OBJECT_PRONOUNS or nxt.low in {"me", "us"})
        and toks[v + 2].low in {"saying", "telling"}
    ):
        return True
    if nxt.low not in lx.DETERMINERS:
        return False
    return any(base(x.low) in lx.MEMORY_NOUNS for x in toks[v + 2 : min(hi, v + 4)])


def _hails_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'hailed the ruling', 'hailed Ann Lee's win': an object after a form of 'hail' opening with a
    determiner, a possessive or a name; not 'hails from the coast', 'hailed a cab' (three words read)."""
    if v + 1 >= hi:
        return False
    t = toks[v + 1]
    if not (t.low in lx.DETERMINERS or t.low in lx.POSSESSIVE_PRONOUNS or (t.cap and t.word)):
        return False
    return not any(base(x.low) in lx.HAILED_VEHICLES for x in toks[v + 1 : min(hi, v + 4)])


def _idea_object(toks: list[Tok], v: int, hi: int) -> bool:
    """'embraced the plan', 'embraced her rival's tax proposal', 'embraced the notion that ...': the object
    (within five words, before any preposition or punctuation) is an idea; or a gerund is, a measure
    ('supports raising the toll', 'backed scrapping the levy')."""
    k = v + 1
    while k < hi and _adverb(toks[k].low) and not toks[k].cap and not toks[k].low.endswith("ing"):
        k += 1  # 'strongly supports raising ...'
    if lx.IDEA_STANCE_VERBS.get(toks[v].low) in _GERUND_STANCES and _gerund_object(toks, k, hi):
        return True
    return _object_noun_in(toks, v, hi, lx.IDEA_NOUNS)


def _refuses_speech(toks: list[Tok], v: int, hi: int) -> bool:
    """After a refusal verb, an infinitive of speaking ('declined to comment', 'refused to say whether',
    'declined to publicly discuss', 'declined to be interviewed', 'refused to rule out a run') or a noun
    of it ('declined comment'); not 'refused to sign the bill', 'sales declined to a low'."""
    k = v + 1
    if k < hi and toks[k].low in lx.REFUSED_NOUNS:
        return True
    if k >= hi or toks[k].low != "to":
        return False
    k += 1
    while k < hi and toks[k].low.endswith("ly") and toks[k].low not in lx.LY_NOUNS:
        k += 1  # 'declined to immediately comment'
    if k >= hi:
        return False
    w, nxt = toks[k].low, toks[k + 1].low if k + 1 < hi else ""
    return (
        w in lx.SPEECH_VERBS
        or w in lx.REFUSED_SPEECH
        or (w == "be" and nxt == "interviewed")
        or (w == "rule" and nxt == "out")
    )


def _participle_with_time(toks: list[Tok], v: int, hi: int, subject: Mention) -> bool:
    """', a timetable published earlier this year.': an -ed form with a time adjunct after a thing's noun is a
    participle, no report ('..., the airline said Thursday.' has a speaking head)."""
    if toks[v].low in lx.NEVER_PARTICIPLES or _time_adjunct_end(toks, v + 1, hi) == v + 1:
        return False
    head = base(subject.name.split()[-1].lower()) if subject.name else ""
    return not (head in lx.SPEAKING_HEADS or (head.endswith("s") and head[:-1] in lx.SPEAKING_HEADS))


def _object_complement(toks: list[Tok], e: int, hi: int) -> bool:
    """After a verb's object ending at e, what the object is asked or told, not an adjunct of an inverted
    subject: a quotation, an infinitive ('asked a judge to block the rule', not 'said the aide to
    reporters'), or a word that opens no adjunct ('said the plan had failed')."""
    t = toks[e]
    if t.text in _QMARKS:
        return True
    if not t.word:
        return False
    if t.low == "to":
        return (
            e + 1 < hi
            and toks[e + 1].word
            and not toks[e + 1].cap
            and toks[e + 1].low not in lx.NOT_A_VERB_AFTER_TO
            and toks[e + 1].low not in lx.AUDIENCE_WORDS
        )
    return t.low not in lx.ADJUNCT_OPENERS and not (t.low.endswith("ing") and not t.cap)


def _demote_embedded(toks: list[Tok], lo: int, hi: int, cues: list[Cue]) -> None:
    """'Lee said she expected that voters will say "no"', 'Ida Wren said his survey showed ...': a cue
    whose subject stands inside the reported clause of an earlier main cue (after its verb, with no
    punctuation or coordinator between: 'a boy asked for an autograph and Lee said, "..."' is two clauses) is
    part of what is said: subordinate, even beside a quotation. One pass over the sentence and its cues."""
    if len(cues) < 2:
        return
    marks = [0] * (hi - lo + 1)  # marks[k - lo]: punctuation and coordinators before toks[k] in the sentence
    for k in range(lo, hi):
        t = toks[k]
        mark = (not t.word and t.text not in "'’") or t.low in _COORDINATORS
        marks[k - lo + 1] = marks[k - lo] + (1 if mark else 0)
    starts = [t.start for t in toks[lo:hi]]
    main: int | None = None  # index of the last main verb before the cue under way
    for c in sorted(cues, key=lambda c: c.pos):
        verb = lo + bisect_left(starts, c.pos)
        subj = lo + bisect_left(starts, c.mention.pos)
        if main is not None and subj > main and subj < hi and marks[subj - lo] == marks[main + 1 - lo]:
            c.rank = max(c.rank, 3)
            continue
        if c.rank <= 1 and c.mention.pos < c.pos:
            main = verb


def _publisher(text: str, toks: list[Tok], subject: Mention, lo: int, v: int) -> Mention | None:
    """'A coalition of groups sent a letter urging ...', 'Tom Vint released a radio ad calling ...', 'The
    committee has rolled out a campaign dubbing ...': a participle after a document put out by a launching
    verb speaks for the verb's subject, the document's publisher (a person, organisation or group)."""
    words = subject.name.split()
    if not words or not (subject.document or subject.kind in {"doc", "group"}):
        return None
    head = base(words[-1].lower())
    if not (
        head in lx.DOCUMENT_NOUNS or head in lx.STATEMENT_NOUNS or head in lx.MEDIA_NOUNS or head in lx.PUT_OUT_NOUNS
    ):
        return None
    s = bisect_left(toks, subject.pos, lo, v, key=lambda t: t.start)
    # back over the document's modifiers ('a $1 million ad campaign', 'a "Party of Greed" campaign') and a
    # particle ('rolled out'), at most ten words, never past a clause boundary
    q = s - 1
    while q > lo and s - q <= 10 and toks[q].low not in lx.LAUNCHING_VERBS:
        if toks[q].text in lx.CLAUSE_PUNCT or toks[q].low in lx.SUBORDINATORS:
            return None
        q -= 1
    if q <= lo or toks[q].low not in lx.LAUNCHING_VERBS:
        return None
    m, _ = _subject_before(text, toks, q, lo)
    if m is None or m.kind not in {"person", "org", "group", "pronoun"} or m.generic or m.document:
        return None
    return m


def _respondents(m: Mention) -> bool:
    """'Most Americans', 'Democratic voters', 'many parents': a poll's respondents, no named speaker."""
    words = m.name.lower().split()
    return bool(words) and base(words[-1]) in lx.RESPONDENT_NOUNS


def _infinitive_host(toks: list[Tok], v: int, lo: int) -> int | None:
    """'Lee went on to say', 'Lee paused to add', 'Lee interjected to say': the verb whose subject says
    the infinitive at v (not 'declined to say' or 'wants to say', which say nothing)."""
    if v - 2 < lo or toks[v - 1].low != "to":
        return None
    p = v - 2
    if toks[p].low == "on" and p - 1 >= lo and toks[p - 1].low in lx.GO_FORMS:
        return p - 1
    if toks[p].low in lx.SPEECH_INFINITIVE_HOSTS:
        return p
    if toks[p].low in lx.PASSIVE_SPEECH_HOSTS and p - 1 >= lo and toks[p - 1].low in lx.BE_FORMS:
        return p - 1  # 'Lee was prompted to say ...': the subject of the passive says it
    if toks[p].low in lx.TAKE_FORMS and toks[v].low.endswith("ing"):
        return p  # 'Lee has taken to saying ...': a habit of speech
    # 'Lee took to Twitter to call ...', 'took to the airwaves to defend ...': a venue of at most four words
    for q in range(v - 2, max(lo, v - 7), -1):
        t = toks[q]
        if not t.word:
            return None
        if t.low == "to" and q - 1 >= lo and toks[q - 1].low in lx.TAKE_FORMS and q < v - 2:
            return q - 1
    return None


def _membership_host(toks: list[Tok], v: int, lo: int) -> int | None:
    """'Lee is among those who say ...', 'Lee was one of the residents who said ...': the form of 'be' whose
    subject is one of the people the relative clause at v reports, so says it too (at most four lowercase
    words between 'among' or 'one of' and 'who')."""
    if v - 3 < lo or toks[v - 1].low != "who":
        return None
    for q in range(v - 2, max(lo, v - 7), -1):
        t = toks[q]
        if not t.word or t.cap:
            return None
        if t.low == "among" and q - 1 >= lo and toks[q - 1].low in lx.BE_FORMS:
            return q - 1
        if t.low == "of" and q - 2 >= lo and toks[q - 1].low == "one" and toks[q - 2].low in lx.BE_FORMS:
            return q - 2
    return None


def _calls_object_a(toks: list[Tok], v: int, hi: int) -> bool:
    """'called him a liar', 'called Ann Lee a hero', 'called the plan a mistake': after a form of 'call',
    a person or a short noun phrase, then 'a' or 'an' and a word (not 'called a meeting', 'called it a
    day', at most five words read)."""
    k = v + 1
    if k < hi and toks[k].low in lx.OBJECT_PRONOUNS:
        k += 1
    elif k < hi and toks[k].cap:
        while k < hi and k - v <= 4 and toks[k].cap:
            k += 1
    elif k < hi and toks[k].low == "the":
        k += 1
        while k < hi and k - v <= 4 and toks[k].word and not toks[k].cap and toks[k].low not in {"a", "an"}:
            k += 1
    else:
        return False
    return (
        k > v + 1
        and k + 1 < hi
        and toks[k].low in {"a", "an"}
        and toks[k + 1].word
        and base(toks[k + 1].low) not in lx.TIME_WORDS  # 'called the fire department a day later'
    )


def _calls_object_adj(toks: list[Tok], v: int, hi: int) -> bool:
    """'called the strike illegal', 'called it unacceptable', 'called Lee's remarks shameful': after a form
    of 'call', a pronoun, a name or a short noun phrase, then one adjective of verdict closing the clause
    (not 'called the fire department', 'called the vice president': a person or body is no verdict)."""
    k = v + 1
    if k < hi and (toks[k].low in lx.OBJECT_PRONOUNS or toks[k].low in {"it", "this", "that"}):
        k += 1
    elif k < hi and toks[k].cap:
        while k < hi and k - v <= 3 and toks[k].cap:
            k += 1
    elif k < hi and (toks[k].low in {"the", "his", "her", "their", "its"} or is_possessive(toks, k)):
        k += 1
        if k < hi and toks[k].cap:
            return False  # 'called the Harbor Board': a body, no verdict
        k += 1  # the object's head, at least one word
    else:
        return False
    # the adjective is the object's last lowercase word before the clause closes, within a few words
    for q in range(k, min(hi, v + 7)):
        t = toks[q]
        if not t.word or t.cap:
            return False
        closes = q + 1 >= hi or toks[q + 1].text in lx.CLAUSE_END or toks[q + 1].low in {"and", "but", "because"}
        if closes:
            adj = t.low
            return (
                (adj in lx.VERDICT_ADJECTIVES or (adj.endswith(lx.VERDICT_ADJECTIVE_ENDINGS) and len(adj) > 5))
                and base(adj) not in lx.PERSON_HEADS
                and base(adj) not in lx.ORG_HEADS
                and base(adj) not in lx.TIME_WORDS
            )
    return False


def _with_team(toks: list[Tok], v: int, lo: int) -> int | None:
    """'Ann Lee and her colleagues found': the verb's subject ends with 'and' + a possessive + a research
    group ('team', 'colleagues', 'co-authors'); the position of 'and'."""
    j = _skip_interrupters(toks, v, lo)
    if (
        j - 4 >= lo
        and toks[j - 1].low in lx.TEAM_NOUNS
        and toks[j - 2].low in lx.POSSESSIVE_PRONOUNS
        and toks[j - 3].low == "and"
    ):
        return j - 3
    return None


def _as_aside(toks: list[Tok], k: int, v: int, lo: int, hi: int) -> bool:
    """'As a reporter noted, ...', 'But as one economist put it, ...': an aside opening the sentence with
    'as', its subject (from k) and its verb (at v), closed by a comma; the clause after it is the subject's
    report, whoever the subject is (at most four words between the verb and the comma)."""
    if k - 1 < lo or toks[k - 1].low != "as":
        return False
    if k - 1 > lo and not (k - 2 == lo and toks[lo].low in {"but", "and", "yet", "so"}):
        return False
    return any(toks[q].text == "," for q in range(v + 1, min(hi, v + 6)))


def _makes_clear(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'made clear on Monday that ...', 'has made clear she will not resign': 'clear' after a form of
    'make' (and 'it') with a time adjunct before its that-clause, or a finite clause without 'that'."""
    b = v - 1
    if b > lo and toks[b].low == "it":
        b -= 1
    if b < lo or toks[b].low not in {"made", "makes", "make", "making"}:
        return False
    k = v + 1  # past a time adjunct ('on Monday', 'last week', 'over the weekend'; at most five words)
    while k < hi and k - v <= 5 and (base(toks[k].low) in lx.TIME_WORDS or toks[k].low in _TIME_ADJUNCT_WORDS):
        k += 1
    return _clause_complement(toks, k - 1, hi)


# Function words of a time adjunct between 'made clear' and its clause ('on Monday', 'over the weekend').
_TIME_ADJUNCT_WORDS = lx.TIME_OPENERS | {"over", "the"}


def _negated_belief(toks: list[Tok], v: int, lo: int, hi: int) -> int | None:
    """'Ann Lee does not think the tax will pass', "voters don't believe that ...": a belief verb right
    after 'not' or "n't" (an auxiliary or an adverb between them) with a that-clause or a finite clause
    is the subject's belief in the contrary; not 'does not know whether', 'did not say that', 'never
    thought that', 'wants to think that'. Returns the position of the negation."""
    if toks[v].low not in lx.NEG_RAISING_VERBS:
        return None
    k = v - 1
    while k >= lo and v - k <= 3 and toks[k].low.endswith("ly") and toks[k].low not in lx.NEGATIONS:
        k -= 1  # 'does not really think'
    if k <= lo or not (toks[k].low == "not" or toks[k].low.endswith(("n't", "n’t"))):
        return None
    if v + 1 < hi and toks[v + 1].low in {"whether", "how", "if"}:
        return None
    return k if _clause_complement(toks, v, hi) else None


def _announces_quote(toks: list[Tok], v: int, hi: int) -> bool:
    """'Lee continued:' or 'Stated Lee:' ending its sentence right before a quotation: the colon announces
    the quotation that opens the next sentence or paragraph."""
    k = v + 1
    while k < hi and k - v <= 4 and toks[k].text != ":":
        k += 1
    return k < hi and toks[k].text == ":" and k + 1 == hi and hi < len(toks) and toks[hi].text in _QMARKS


def _attacks_for(toks: list[Tok], v: int, hi: int) -> bool:
    """'attacked Lee for his votes', 'attacked the plan as too costly', 'went after Lee for not ...': an
    attack in words names its reason ('for' + a possessive, a determiner-less -ing form or 'not') or its
    verdict ('as' + an adjective or 'being'); 'attacked the base for hours' is none (eight words read)."""
    for k in range(v + 2, min(hi - 1, v + 9)):
        t = toks[k]
        if t.text in lx.CLAUSE_END or t.text in _QMARKS:
            return False
        nxt = toks[k + 1].low
        if t.low == "for" and (
            nxt in {"his", "her", "their", "its", "not", "being", "having"} or (nxt.endswith("ing") and len(nxt) > 5)
        ):
            return True
        if t.low == "as" and (nxt in {"being", "too", "a", "an", "weak", "unfit", "unqualified"} or nxt.endswith("ly")):
            return True
    return False


def _in_opening_clause(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """The verb at v stands in an adverbial clause ('While ..., ', 'Although ..., ', 'If ..., '), opening
    the sentence or after a comma ('After the blast, but before officials had weighed in, Lee said ...'),
    before its closing comma, with more of the sentence after it: not 'As Lee noted, ...', whose report is
    the sentence's (at most 40 words are read each way)."""
    s = v - 1
    while s > lo and v - s <= 40 and toks[s].text != ",":
        s -= 1
    if toks[s].text == ",":
        s += 1
    elif s > lo:
        return False
    while s < v and toks[s].low in {"but", "and"}:
        s += 1
    first = toks[s].low
    if first == "as" or not (first in lx.CLAUSE_OPENERS or first == "if"):
        return False
    return any(toks[q].text == "," for q in range(v + 1, min(hi, v + 40)))


def _perspective_holder(text: str, toks: list[Tok], lo: int, hi: int, in_quote: set[int]) -> tuple[Mention, str] | None:
    """'To Ms. Vance, the verdict is a betrayal', 'For the union, the deal is a win', 'In Lee's view, the
    tax is unfair': a person or organisation named before the comma of an opening 'to', 'for' or 'in X's
    view' holds the opinion of the clause after it; not 'To the north, ...', 'For years, ...' or a place
    ('For Texas, the ruling ...'). Returns the holder and the opener's text (at most eight words)."""
    s = lo + 1 if lo + 1 < hi and toks[lo].low in {"but", "and", "yet"} else lo
    c = next((q for q in range(s + 1, min(hi, s + 10)) if not toks[q].word and toks[q].text not in ".'’"), None)
    if (
        c is None
        or toks[c].text != ","
        or c + 2 >= hi
        or not toks[c + 1].word
        or any(q in in_quote for q in range(s, c))
    ):
        return None
    first = toks[s].low
    if first in lx.PERSPECTIVE_PREPOSITIONS:
        if c == s + 2 and toks[s + 1].low in {"him", "her"}:
            return Mention(lx.OBJECT_PRONOUNS[toks[s + 1].low], "pronoun", pos=toks[s + 1].start), toks[s].text
        if not (toks[s + 1].cap or toks[s + 1].low in lx.DETERMINERS):
            return None  # 'To stop Ann Lee, the party ...': an infinitive of purpose
        m = _analyze(text, toks, s + 1, c)
    elif first == "in":
        m = _view_owner(text, toks, s, c)
        if m is not None and m.kind == "pronoun":
            return m, _span_text(text, toks, s, c)
    else:
        return None
    if m is None or m.generic or m.document or m.kind not in {"person", "org", "group"}:
        return None
    head = base(m.name.split()[-1].lower())
    if m.kind == "group" and (
        (head not in lx.PERSON_HEADS and head not in lx.ORG_HEADS) or not (toks[s + 1].cap or toks[s + 1].low == "the")
    ):
        return None  # 'For the first time', 'To the north': no one's view; 'For farmers, ...': whom it serves
    if m.kind == "person" and not m.titled and len(m.name.split()) == 1:
        entry = gazetteer().get(norm(m.name))
        if entry is not None and entry.prio >= P_SALIENT_REGION:
            return None  # 'For Texas, the ruling is a setback': a place
    return m, toks[s].text if first != "in" else _span_text(text, toks, s, c)


def _view_owner(text: str, toks: list[Tok], s: int, c: int) -> Mention | None:
    """'In Lee's view', 'in the union's opinion', 'in his view' from 'in' at s to the comma or period at c:
    the owner of the view, else None."""
    if toks[s].low != "in" or toks[c - 1].low not in lx.PERSPECTIVE_NOUNS or c - 1 <= s + 1:
        return None
    p = c - 2  # the possessive before the noun
    if p == s + 1 and toks[p].low in {"his", "her"}:
        return Mention(lx.POSSESSIVE_PRONOUNS[toks[p].low], "pronoun", pos=toks[p].start)
    if not is_possessive(toks, p):
        return None
    return _analyze(text, toks, s + 1, p + 1)


def _view_aside(text: str, toks: list[Tok], v: int, lo: int, hi: int) -> Mention | None:
    """'The port will close by June, in Ann Lee's view.', 'The toll, in the union's opinion, is unfair': a
    view set off by commas inside or at the end of the sentence is its owner's, as at its opening (a
    person or organisation named; at most eight words)."""
    if v <= lo or toks[v - 1].text != ",":
        return None
    c = next((q for q in range(v + 2, min(hi, v + 9)) if not toks[q].word and toks[q].text not in "'’"), None)
    if c is None or toks[c].text not in {",", ".", "!"}:
        return None
    m = _view_owner(text, toks, v, c)
    if m is None or m.generic or m.document or m.kind not in {"person", "org", "pronoun"}:
        return None
    return m


def _closing_speaker_verb(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'..., the Dorrow Ledger reports.', '..., the mayor claims.', '..., she notes.': a form that doubles as
    a noun closing the sentence after a comma, right after a name, a speaking noun or a pronoun, is the
    closing report's verb (not '..., such as weather reports.')."""
    if v + 1 >= hi or toks[v + 1].text not in {".", "!"} or v - 1 <= lo or not _closing_report(toks, v, lo, hi):
        return False
    prev = toks[v - 1]
    if is_possessive(toks, v - 1) or not prev.word:
        return False  # '..., rather than answer Lee's claims.': a noun after its owner
    return (
        (prev.cap and is_name_word(prev))
        or prev.low in lx.SUBJECT_PRONOUNS
        # ('the mayor states', not 'the latest police reports': a noun's modifier)
        or (not prev.cap and base(prev.low) in lx.SPEAKING_HEADS and toks[v - 2].low in lx.DETERMINERS)
    )


def _sees_as(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'sees the vote as a test', 'saw him as the stronger candidate', 'regards the deal as unfair': an
    active form (not 'is seen as', 'to see', 'has not seen') with a short object (at most eight words, no
    punctuation or clause between) and 'as' opening a predicate of it."""
    if v > lo and (toks[v - 1].low == "to" or _negated(toks, v, lo) or _passive(toks, v, lo)):
        return False
    a = v - 1
    while a > lo and (_adverb(toks[a].low) or toks[a].low in lx.ADVERBS_AFTER_AUXILIARY) and not toks[a].cap:
        a -= 1  # 'has long viewed'
    if toks[v].low in {"seen", "viewed", "regarded"} and not (a >= lo and toks[a].low in {"has", "have", "had"}):
        return False  # 'a plan seen as ...': a participle modifying a noun
    for k in range(v + 2, min(hi - 1, v + 10)):
        t = toks[k]
        if not t.word and t.text not in "'’":
            return False
        if t.low in lx.SUBORDINATORS or t.low in {"that", "who", "which"} or t.low in lx.FINITE_AUXILIARIES:
            return False
        if t.low == "as":
            nxt = toks[k + 1]
            if k + 2 < hi and (toks[k + 2].low in lx.FINITE_AUXILIARIES or _past_form(toks[k + 2])):
                return False  # 'saw the pier close as prices rose': 'as' opens a clause
            if nxt.low in {"a", "an"} and k + 2 < hi and toks[k + 2].low in lx.LIFE_STAGE_NOUNS:
                return False  # 'saw the harbour as a boy': a time of life, no predicate
            return nxt.word and nxt.low not in lx.NOT_AS_PREDICATE and nxt.low not in lx.SUBJECT_PRONOUNS
    return False


def _past_form(t: Tok) -> bool:
    return t.word and not t.cap and (t.low in lx.IRREGULAR_PAST or (t.low.endswith("ed") and t.low.isalpha()))


def _label_speaker(text: str, toks: list[Tok], lo: int, colon: int, hi: int) -> Mention | None:
    """The name opening a sentence before its colon, when a clause of at least three words follows: a
    person or an organisation written in capitals, not a place, a dateline in upper case ('DORROW:') or a
    common word ('Update:', 'Poll:')."""
    words = [x for x in toks[lo:colon] if x.word]
    if (
        not words
        or not all(x.cap for x in toks[lo:colon] if x.word)
        or any(len(x.text) > 3 and x.text.isupper() for x in words)
    ):
        return None
    if sum(1 for x in toks[colon + 1 : hi] if x.word) < 3 or not toks[colon + 1].word:
        return None
    if words[0].low in lx.DETERMINERS or any(len(x.text) == 1 for x in words):
        return None  # 'The Latest: ...', 'Q: ...'
    m = _analyze(text, toks, lo, colon)
    if m is None or m.kind not in {"person", "org"} or m.generic or m.document:
        return None
    if not (words[0].text in m.name or m.titled) or words[-1].text not in m.name:
        return None  # 'News Guide: ...': the name read is only part of the label
    if any(x.low in lx.LABEL_WORDS for x in words):
        return None  # 'Note: ...', 'Update: ...', 'Fact Check: ...'
    if len(words) == 1 and (base(words[0].low) in lx.SPEAKING_HEADS or base(words[0].low) in lx.TIME_WORDS):
        return None  # 'Officials: ...', 'Monday: ...'
    entry = gazetteer().get(norm(_span_text(text, toks, lo, colon)))
    if entry is not None and entry.prio >= P_SALIENT_REGION:
        return None  # 'Ohio: ...', 'New York: ...': a place heading its news
    return m


def _contact_relative(toks: list[Tok], k: int, lo: int) -> bool:
    """The subject starting at k opens a relative clause without 'that' on the sentence's first noun:
    'Nothing the mayor said will help', 'The one promise the coach made ...', 'Every claim the firm
    made ...': its verb is inside the sentence's subject, not the sentence's own report."""
    s = lo + 1 if toks[lo].low in {"but", "and", "yet", "so"} else lo
    if k - 1 < s or not (toks[k].cap or toks[k].low in lx.DETERMINERS or toks[k].low in lx.SUBJECT_PRONOUNS):
        return False
    head = toks[k - 1]
    if not head.word or (head.cap and k - 1 > s) or _adverb(head.low) or base(head.low) in lx.TIME_WORDS:
        return False
    if k - 1 == s:
        return head.low in lx.CONTACT_RELATIVE_PRONOUNS
    # a determiner, at most one modifier ('one', 'only', 'first') and the noun
    d = k - 2
    if d > s and toks[d].word and not toks[d].cap:
        d -= 1
    return (
        d == s
        and toks[d].low in lx.CONTACT_RELATIVE_DETERMINERS
        and head.low not in lx.DETERMINERS
        and head.low not in lx.AUXILIARIES
        and head.low not in lx.SUBORDINATORS
    )


def _in_relative_clause(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """The verb at v stands inside a relative clause set off by commas after a noun ('Ann Lee, who stayed
    in the race despite calls for her to quit, has said ...'), not at its start ('Lee, who said ...' is
    the relative clause's own report, handled by the caller): the nearest comma before v opens 'who' or
    'which' and another comma closes the clause after v (at most 40 words are read each way)."""
    c = v - 1
    while c > lo and v - c <= 40 and toks[c].text != ",":
        c -= 1
    if c <= lo or toks[c].text != "," or c + 2 >= v or toks[c + 1].low not in {"who", "which"}:
        return False
    return any(toks[q].text == "," for q in range(v + 1, min(hi, v + 40)))


def _headline_cue(toks: list[Tok], v: int, lo: int, hi: int) -> bool:
    """'Budget Plan Is A Mistake, Senator Ray Cole Says.', 'Dam Must Go, Engineer Ann Vale Warns': a
    capitalised reporting verb closing a sentence written wholly in title case, after a capitalised name
    that follows a comma. Every word of four letters or more must be capitalised (at most 40 words)."""
    if v + 1 < hi and not (v + 2 == hi and toks[v + 1].text in {".", "!"}):
        return False
    if toks[v].low not in lx.SPEECH_VERBS or not toks[v - 1].cap or hi - lo > 40:
        return False
    if not any(toks[q].text == "," for q in range(max(lo, v - 6), v - 1)):
        return False
    words = [t for t in toks[lo:hi] if t.word]
    return len(words) >= 5 and all(t.cap for t in words if len(t.text) >= 4)


def _claim_owner(text: str, toks: list[Tok], v: int, lo: int, hi: int, that: int) -> Mention | None:
    """The possessive owner of a claim noun before its that-clause: 'the party's allegations that ...',
    'Ann Lee's repeated warning that ...' (one modifier at most between them), 'Lee's answer was that ...'.
    'that' (at ``that``) must open a clause -- not a relative clause's verb ('the claim that was rejected')."""
    if that + 1 >= hi or toks[that + 1].low in lx.FINITE_AUXILIARIES or toks[that + 1].text in lx.CLAUSE_END:
        return None
    p = v - 1
    if p > lo and not is_possessive(toks, p) and toks[p].word and not toks[p].cap and toks[p].low not in lx.DETERMINERS:
        p -= 1  # one modifier: 'repeated', 'latest'
    if p >= lo and toks[p].low in lx.POSSESSIVE_PRONOUNS:
        # 'his warning that ...': the person the pronoun stands for
        return Mention(lx.POSSESSIVE_PRONOUNS[toks[p].low], "pronoun", pos=toks[p].start)
    if p >= lo and toks[p].text in "'’" and p - 1 >= lo:
        p -= 1  # 'the parties' claims'
    if p < lo or not is_possessive(toks, p):
        return None
    start = _np_backward(toks, p, lo)
    if start > p:
        return None
    m = _analyze(text, toks, start, p + 1)
    head = base(toks[p].low)
    if m is None and p > start and toks[start].low in lx.DETERMINERS and head.isalpha() and not toks[p].cap:
        # 'the party's', 'the coach's': a common noun owner, kept as written
        person = head in lx.PERSON_HEADS
        return Mention(_span_text(text, toks, start, p + 1), "group", pos=toks[start].start, generic=not person)
    if m is None or m.kind not in {"person", "org", "group"} or m.document:
        return None
    return m


def _pronoun_source(toks: list[Tok], start: int, hi: int) -> str | None:
    """The subject pronoun for 'according to her, ...' (an object pronoun closing the phrase) or for
    'according to its figures', 'according to their survey' (a possessive before a lowercase noun)."""
    if start >= hi:
        return None
    low = toks[start].low
    nxt = toks[start + 1] if start + 1 < hi else None
    if low in lx.OBJECT_PRONOUNS and (nxt is None or not nxt.word):
        return lx.OBJECT_PRONOUNS[low]
    if (low in lx.POSSESSIVE_PRONOUNS or low == "its") and nxt is not None and nxt.word and not nxt.cap:
        e = start + 1
        while e < hi and e - start <= 3 and toks[e].word and not toks[e].cap:
            e += 1
        # the phrase closes there ('according to their survey, ...'); a title or name after it ('his book
        # "Harbour Days"') makes the work the source, as written
        if e >= hi or toks[e].text in {",", ".", ";"}:
            return lx.POSSESSIVE_PRONOUNS.get(low, "it")
    return None


def _plural_opener(toks: list[Tok], subject: Mention, k: int, v: int, lo: int) -> bool:
    """The subject read as a name is one capitalised word opening the sentence, shaped as a plural of a
    thing ('Footprints', 'Samples'), right before a verb of evidence in its plural present form ('suggest',
    'show'): a singular name would take 'suggests'. Plurals of people ('Economists expect', 'Geologists
    suggest') and verbs of saying stay with the subject."""
    if subject.kind != "person" or k != lo or v != k + 1 or subject.name != toks[k].text:
        return False
    word, verb = toks[k].low, toks[v].low
    if (
        not word.endswith("s")
        or word.endswith(("ss", "us", "is"))
        or word.endswith(lx.PEOPLE_PLURAL_ENDINGS)
        or base(word[:-1]) in lx.PERSON_HEADS
        or toks[k].text.isupper()
        or verb in lx.SPEECH_VERBS
        or verb in lx.BELIEF_VERBS
    ):
        return False
    return (lx.RESEARCH_VERBS.get(verb) or lx.SUGGESTION_VERBS.get(verb)) == verb
