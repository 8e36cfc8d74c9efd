"""Pronouns and coreference: names expanded to their fullest form, pronouns resolved to a person."""

from __future__ import annotations

from bisect import bisect_left

from .. import lexicon as lx
from ..names import (
    NameIndex,
    Tok,
    base,
    body_kind,
    club_word,
    is_acronym,
    is_possessive,
    is_title,
    place_codes,
    strip_possessive,
)
from ..places.lexicon import DEMONYMS
from ..quotes import QuoteIndex
from ..types import Sentence
from .common import _QMARKS, Mention
from .entities import (
    Described,
    description_head,
    is_age_description,
    noun_gender,
    person_head,
    subject_description,
)

# How many distinct people a pronoun looks back over when no mention nearby fits it.
_PRONOUN_LOOKBACK = 200
# How many sentences back a pronoun looks for the subject of the discourse before the last person named.
_CENTRE_BACK = 4


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
        # genders of unnamed people the chain has met ('The actress' f), which the name index never holds
        self.described: dict[str, str | None] = {}
        self._openers: dict[int, Described | None] = {}  # sentence no -> the description it opens with
        self._first_lows: dict[str, int] | None = None  # lowercase word -> where the article first uses it

    def resolve(self, m: Mention, sent_no: int, toks: list[Tok]) -> str | None:
        if m.kind == "pronoun":
            return self._pronoun(m, sent_no, toks)
        if m.kind == "doc":
            return self.names.document_name(m.pos) or m.name
        if m.kind == "quantity":  # 'Sixty percent of voters': the poll's share, as written
            return m.name
        low = m.name.lower()
        if (
            m.kind == "person"
            and " " not in low
            and person_head(base(low)) == "p"
            and low not in self.names.by_last
            and low not in self.names.by_first
        ):
            # 'Farmers told her ...', 'Residents said': a plural person noun capitalised as the sentence's
            # first word is a group, never the antecedent of 'she' (unless the article names a 'Sellers')
            m.kind = "group"
        if m.kind == "group" and is_age_description(m.name.split()):
            # 'The 54-year-old said': the person the discourse is about
            named = self.salient_person(sent_no, m.pos)
            if named is not None:
                m.kind, m.generic = "person", False
                return named
        possessed = m.kind == "group" and _possessive_description(m.name) and not self._name_follows(m)
        if m.kind == "group" and not m.restricted and (m.name.lower().startswith("the ") or possessed):
            # a definite description of a person named before with that title: 'the premier'; one whose
            # owner makes it definite ('Kiribati's navy chief') may be named further on
            head = m.head or base(m.name.split()[-1].lower())
            if head in lx.TITLES or head in lx.DESCRIPTION_HEADS:
                written = m.name.split()
                # its capitalised modifiers after the first word: 'the Democratic presidential nominee'
                capitalised = frozenset(base(w.lower()) for w in written[1:-1] if w[:1].isupper())
                named = self.names.titled_person(
                    head,
                    m.pos,
                    forward=possessed,
                    words=frozenset(base(w.lower()) for w in written),
                    capitalised=capitalised,
                    places=frozenset(place_codes(written[1 : _head_index(written, head)])),
                    # 'Keld's coach': the owner names the place the person holds the title for
                    owner=frozenset(place_codes([strip_possessive(written[0])])) if possessed else frozenset(),
                )
                if named is None and head in lx.EPITHET_HEADS and len(written) <= 3 and self._first_use(head, m.pos):
                    # '"...," the veteran said' right after 'Midfielder Josip Bilic said ...': an epithet the
                    # article has not used before varies the name the sentence before opened with
                    named = self._subject_before(sent_no, noun_gender([base(w.lower()) for w in written]) or "", set())
                if named is not None:
                    m.kind, m.generic = "person", False  # remembered as that person for 'he'/'she'
                    return named
        if m.kind == "group" and m.restricted:
            return m.name  # 'insiders in the next two states': its last word is no head to match
        written = m.name.split()
        if (
            m.kind == "group"
            and len(written) == 2
            and written[0].lower() in lx.DOCUMENT_OWNER_PRONOUNS
            and base(written[1].lower()) in lx.OWNED_SPEAKERS
        ):
            # 'Her campaign said', 'his lawyer said': the campaign or lawyer of the one the pronoun stands for
            owner = self._pronoun(
                Mention(lx.DOCUMENT_OWNER_PRONOUNS[written[0].lower()], "pronoun", pos=m.pos), sent_no, toks
            )
            if owner is None:
                return m.name
            if base(written[1].lower()) in lx.SPEAKS_FOR_NOUNS:
                return owner  # 'Its spokesman said', as 'a spokesman for the board': the owner speaks through him
            return f"{owner}'s {written[1]}"
        if m.kind == "group":
            head = m.name.split()[-1].lower()
            for g in reversed(self.groups):
                if g.split()[-1].lower() == head and len(g) > len(m.name):
                    return g
            words = m.name.lower().split()
            kind = body_kind(head) or (head if head in lx.BODY_HEAD_ALIASES else None)
            # 'the country's disaster agency', "Keld's flood agency": the modifiers follow the owner
            possessed = True
            if len(written) > 2 and words[0] == "the" and is_possessive_word(written[1]):
                mods = written[2:-1]
            elif is_possessive_word(written[0]):
                mods = written[1:-1]
            else:
                mods, possessed = written[1:-1], False
            # ('the Danish company', 'the Yorkshire club': one proper modifier, a nationality or a region)
            proper = (
                not possessed
                and len(mods) == 1
                and mods[0][:1].isupper()
                and not is_acronym(mods[0])
                and not is_possessive_word(mods[0])
            )
            if (words[0] == "the" or possessed) and kind is not None and (proper or _plain_modifiers(mods)):
                # 'the university said' after 'the University of Northvale', 'the airline said' after
                # 'carrier Norvik Air', 'the company said' after 'Varn Holdings': the body named before;
                # also with modifiers found in its name ('the UN agency', 'the rail company' for 'Northway
                # Rail') and by another word for its kind ('the agency' for the 'World Soil Organization');
                # of a body so named and a business introduced with its kind, the later ('Keld Oil Company
                # ... oil firm Halvik Energy ... the company said' is Halvik Energy)
                at = self.names.described_org_at(kind, m.pos)
                if head in lx.BUSINESS_DESCRIPTORS:
                    business = self.names.described_company_at(head, m.pos)
                    if business is not None and (at is None or business[0] > at[0]):
                        at = business
                if at is not None and proper and self._other_nationality(at[0], mods[0]):
                    return m.name  # 'the Danish drugmaker' after 'Swiss drugmaker Pellam': another body
                named = at[1] if at is not None else None
                if named is None and any(w.islower() for w in mods):
                    # a description in the lead, the name in the next sentences: "the country's disaster
                    # management agency said ... The National Disaster Management Authority said"
                    named = self.names.described_org(kind, m.pos, forward=True)
                if named is not None and _modifiers_fit(mods, named):
                    m.kind, m.generic = "org", False  # the antecedent of 'it' ('It said it was ...')
                    return named
                return m.name
            body = _spokesperson_body(words)
            if body is not None and (named := self.names.described_org(body, m.pos)) is not None:
                # 'A ministry spokeswoman said' after 'the Ministry of Ports': the body speaks through her,
                # as in 'a spokeswoman for the ministry'
                m.kind, m.generic = "org", False
                return named
            if (
                len(written) == 3
                and words[0] in {"a", "an", "the"}
                and words[2] in lx.SPEAKS_FOR_NOUNS
                and written[1][:1].isupper()
                and not is_possessive_word(written[1])
                and not _nationality(written[1])  # 'a Chilean spokesman', 'a French spokeswoman'
            ):
                # 'A Tessel spokeswoman said': the named body speaks through her, as 'a spokeswoman for Tessel'
                m.kind, m.generic = "org", False
                if is_acronym(written[1]):
                    return self.names.fullest(written[1], m.pos)  # 'An EMA spokeswoman': the name it spells
                return self.names.fullest_org(written[1], m.pos)
            return m.name
        name = m.name
        if m.kind == "person" or (len(name.split()) == 1 and not is_acronym(name)):
            name = self.names.fullest(name, m.pos, m.titled)
        elif len(name.split()) == 1:
            name = self.names.fullest(name, m.pos)
        if len(name.split()) == 1 and not is_acronym(name) and (m.kind == "org" or club_word(name)):
            # 'Rovers said' after 'Halton Rovers': a club word alone is the club named before, as an
            # organisation's last word is
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
        words = name.lower().split()
        if kind == "quantity" and words[:2] == ["one", "of"] and person_head(base(words[-1])) == "p":
            kind = "person"  # 'One of the witnesses, a former clerk, said ... He told the court ...': one person
        if m.generic and not name.lower().endswith("s"):
            kind = "thing"  # 'The book', 'The poster': never the antecedent of 'they'
        if kind == "group" and not m.generic and self._singular_person(m):
            # 'The mayor said ...' is one person: the antecedent of 'she said' a sentence later
            kind, gender = "person", noun_gender([base(w.lower()) for w in m.name.split()])
            self.described.setdefault(name, gender)
        elif kind == "person" and name in self.described:
            if self.described[name] is None and m.name in {"he", "she"}:
                self.described[name] = "m" if m.name == "he" else "f"  # 'The mayor ... she said'
            gender = self.described[name]
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
            clause_end = self._clause_end(m.pos, sent.end)
            quoted = {
                person.name
                for x, person in self.names.mentions_between(sent.start, sent.end)
                if self.quotes.covering(x) is not None or m.pos < x < clause_end
            } | self._described_after(m.pos, clause_end)
            # (nor is anyone the rest of its clause names or describes: 'He said Ivers should resign', 'He
            # told reporters the minister should resign' is not Ivers, the minister; but '"...," she said,
            # but "...," said Kunin' may be Kunin)
            # 'Lee went after Roe at the debate, when he called him ...': the person the pronoun's own
            # sentence opens with, then the one the sentence before opens with
            # an unnamed person opening either comes next ('The mayor arrived late; she said', 'The mayor
            # arrived late. She said ...'), or the named person such a description stands for ('the premier')
            prev = (
                self._subject_before(sent_no + 1, want, quoted, before=m.pos)
                or self._described(sent_no, m.pos, "s", want, own=True)
                or self._subject_before(sent_no, want, quoted)
                or self._described(sent_no, m.pos, "s", want, own=False)
            )
            if prev is not None and prev not in quoted:
                return prev
            embedded = self._embedded_holder(m, sent.start, want, quoted)
            if embedded is not None:
                return embedded
            if self.history:
                # the current speaker goes on speaking: "..., he said" a sentence or two later
                last_no, name, kind, _ = self.history[-1]
                g = self._gender_of(name)
                if kind == "person" and sent_no - last_no <= 2 and g in (None, want) and name not in quoted:
                    return self._named_for(name, last_no, want) or name
            # a cue missed in between must not hand the chain to a person named in passing: the person
            # a recent sentence of the paragraph opened with (the discourse's subject) comes before one
            # named later inside a clause ('Lee has run the plant since 1990, when Roe hired him.')
            # a person named earlier in the pronoun's own sentence comes first ('Lee's sister begged him
            # to stay, but he refused')
            k = bisect_left(self.names.mention_starts, m.pos)
            for x, person in reversed(self.names.mentions[max(0, k - 20) : k]):
                if x < sent.start:
                    break
                if person.gender in (None, want) and person.name not in quoted and self.quotes.covering(x) is None:
                    return person.name
            centre = self._recent_subject(sent_no, want, quoted) or self._described_further_back(
                sent_no, m.pos, "s", want
            )
            if centre is not None:
                return centre
            best = None
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
                if self._gender_of(name) in (None, want):
                    return name
            return None
        if p == "they":
            # a group the pronoun's clause or the sentence before opens with ('The researchers published
            # the paper. They said ...')
            described = self._described(sent_no, m.pos, "p", "", own=True) or self._described(
                sent_no, m.pos, "p", "", own=False
            )
            if described is not None:
                return described
            described = self._described_further_back(sent_no, m.pos, "p", "")
            if described is not None:
                return described
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
            return self._organisation_before(sent_no)
        if p == "it":
            own = self._opener(sent_no)
            for no, name, kind, _ in reversed(self.history):
                if kind == "org":
                    return name
                # 'The ministry said ... It said': the sentence before, unless the pronoun's own clause
                # has a subject of its own ('the trade group ... as it commented')
                if (
                    kind == "group"
                    and sent_no - no <= 1
                    and _organisation_description(name)
                    and (own is None or own.pos >= m.pos or no == sent_no)
                ):
                    return name
                if sent_no - no > 4:
                    break
            return (
                self._organisation_before(sent_no)
                or self._described(sent_no, m.pos, "o", "", own=True)
                or self._described(sent_no, m.pos, "o", "", own=False)
            )
        return None

    def _embedded_holder(self, m: Mention, start: int, want: str, quoted: set[str]) -> str | None:
        """'At a rally on Monday, Tom Vale listed services he said had failed', 'Ann Lee left because she
        said ...': a pronoun inside a clause of its sentence (after a word, not after a comma, a quotation
        or a coordinator) is the first person of a compatible gender its sentence named before it, outside
        quotations, when no quotation comes before it (the speaker of '"...," he said' goes on speaking)."""
        at = bisect_left(self.starts, m.pos)
        if at == 0 or not self.toks[at - 1].word or self.toks[at - 1].low in lx.CLAUSE_COORDINATORS:
            return None
        if any(
            self.toks[q].text in _QMARKS for q in range(at - 1, max(-1, at - 60), -1) if self.toks[q].start >= start
        ):
            return None
        for x, person in self.names.mentions_between(start, m.pos):
            if person.gender in (None, want) and person.name not in quoted and self.quotes.covering(x) is None:
                return person.name
        return None

    def _clause_end(self, pos: int, end: int) -> int:
        """Where the clause of the pronoun at ``pos`` ends, as a text position: at a quotation mark, a
        semicolon, a dash or a coordinator after a comma (', but', ', and'), within 40 tokens, else ``end``."""
        k = bisect_left(self.starts, pos) + 1
        for q in range(k, min(len(self.toks), k + 40)):
            t = self.toks[q]
            if t.start >= end:
                break
            if t.text in _QMARKS or t.text in {";", "—", "–"}:
                return t.start
            if t.low in {"but", "and", "while", "whereas"} and self.toks[q - 1].text == ",":
                return t.start
        return end

    def _described_after(self, pos: int, end: int) -> set[str]:
        """The people a definite title after ``pos`` and before ``end`` stands for ('the minister' after
        'Finance Minister Carl Ivers'), within 40 tokens."""
        found: set[str] = set()
        k = bisect_left(self.starts, pos) + 1
        for q in range(k, min(len(self.toks) - 1, k + 40)):
            if self.toks[q].start >= end:
                break
            if self.toks[q].low != "the":
                continue
            head = self.toks[q + 1]
            if not head.cap and (base(head.low) in lx.TITLES or base(head.low) in lx.DESCRIPTION_HEADS):
                named = self.names.titled_person(base(head.low), head.start)
                if named is not None:
                    found.add(named)
        return found

    def _first_use(self, word: str, pos: int) -> bool:
        """No lowercase ``word`` (or its plural) stands in the text before ``pos`` (an index of first uses
        is built once per article)."""
        if self._first_lows is None:
            self._first_lows = {}
            for t in self.toks:
                if not t.cap:
                    self._first_lows.setdefault(t.low, t.start)
        return min(self._first_lows.get(word, pos), self._first_lows.get(word + "s", pos)) >= pos

    def _gender_of(self, name: str) -> str | None:
        return self.names.gender(name) or self.described.get(name)

    def _singular_person(self, m: Mention) -> bool:
        """A description of one unnamed person ('The mayor', 'a retired nurse', 'the mayor of Riverton')."""
        words = m.name.split()
        if len(words) < 2 or words[0].lower() not in {"the", "a", "an"} or any(w[:1].isdigit() for w in words):
            return False
        head = m.head or base(words[-1].lower())
        return person_head(head) == "s" and not any(w.lower() in {"and", "or", "&"} for w in words)

    def _opener(self, sent_no: int) -> Described | None:
        """The description sentence ``sent_no`` opens with as its subject, outside quotations (cached)."""
        if sent_no not in self._openers:
            sent = self.sentences[sent_no]
            lo = bisect_left(self.starts, sent.start)
            hi = bisect_left(self.starts, sent.end)
            found = subject_description(self.text, self.toks, lo, min(hi, lo + 24))
            if found is not None and self.quotes.covering(found.pos) is not None:
                found = None
            self._openers[sent_no] = found
        return self._openers[sent_no]

    def _described(self, sent_no: int, pos: int, number: str, want: str, own: bool, back: int = 1) -> str | None:
        """The unnamed person (``number`` 's') or group ('p') the pronoun at ``pos`` refers back to: with
        ``own``, the subject of its own clause before a clause boundary ('The mayor arrived late; she
        said'), else the subject of the sentence ``back`` sentences before. A titled description stands for
        the person named with that title ('Premier Jon Ask ... The premier arrived. He said' -> 'Jon Ask')."""
        if own:
            d = self._opener(sent_no)
            if d is None or d.end >= pos or not self._clause_boundary_before(pos):
                return None
        else:
            if sent_no < back or self.sentences[sent_no - back].paragraph < self.sentences[sent_no].paragraph - 1:
                return None
            d = self._opener(sent_no - back)
            if d is None:
                return None
        if d.org:
            # an organisation is 'it' ('they' is more often its people, or others: 'The bank's board met.
            # Most analysts expect ... they say')
            return d.name if number == "o" else None
        if number == "o" or d.plural != (number == "p"):
            return None
        if number == "s":
            named = self.names.titled_person(d.head, d.pos)
            if named is not None:
                return named if self.names.gender(named) in (None, want) else None
            body = _spokesperson_body(d.name.lower().split())
            if body is not None and (named := self.names.described_org(body, d.pos)) is not None:
                return named  # 'A ministry spokeswoman said ... She said': the body she speaks for
            if d.head in lx.SPEAKS_FOR_NOUNS and d.gender in (None, want):
                # 'A spokeswoman for the utility said ... She added': the speaker her sentence's cue gave (the
                # body she speaks for)
                said = sent_no if own else sent_no - back
                for no, name, _kind, _ in reversed(self.history):
                    if no < said:
                        break
                    if no == said:
                        return name
            gender = self.described.get(d.name) or d.gender
            if gender not in (None, want):
                return None
            self.described.setdefault(d.name, d.gender)
            return self._named_for(d.name, sent_no if own else sent_no - back, want) or d.name
        return d.name

    def _described_further_back(self, sent_no: int, pos: int, number: str, want: str) -> str | None:
        """The unnamed person or group a sentence two or three back opens with, where the sentences between
        open with no one ('Dock workers walked out. The port was closed for a day. They said ...'; 'The
        mayor arrived late. The hall was full. She said ...'): a sentence between that opens with a name,
        an organisation or another description ends the look-back, and so does a cue in it."""
        for back in (2, 3):
            k = sent_no - back + 1  # the sentence between, nearest the pronoun first
            if k < 1:
                return None  # no sentence that far back (a negative index would wrap to the article's end)
            if self._opener(k) is not None or self._organisation_before(k + 1) is not None:
                return None
            if self._subject_before(k + 1, "", set()) is not None:
                return None
            if self.history and self.history[-1][0] >= k:
                return None
            found = self._described(sent_no, pos, number, want, own=False, back=back)
            if found is not None:
                return found
        return None

    def _named_for(self, name: str, sent_no: int, want: str) -> str | None:
        """The named person a definite description of sentence ``sent_no`` stands for: the one the sentence
        before it opens with, of a compatible gender ('Ivo Tamm won the vote. The senator said ...' -> 'Ivo
        Tamm'); news style varies the name with a description rather than bringing in someone new right
        after a named subject. None for an indefinite description ('A nurse') or a name."""
        if name in self.names.persons or not name.lower().startswith("the ") or name not in self.described:
            return None
        found = self._subject_before(sent_no, want, set())
        if found is None and self.history:
            # or the named person whose words the sentence before reported ('"...," Ivo Tamm said. The
            # senator was pressed on the cost. He said ...')
            for no, named, kind, _ in reversed(self.history):
                if no < sent_no - 1:
                    break
                if no == sent_no - 1 and kind == "person" and named in self.names.persons:
                    if self.names.gender(named) in (None, want):
                        found = named
                    break
        return found

    def _clause_boundary_before(self, pos: int) -> bool:
        """A new clause opens right before ``pos``: after a semicolon, a dash or a coordinator ('; she said',
        ', and she said', 'but they said')."""
        k = bisect_left(self.starts, pos) - 1
        return k >= 0 and (self.toks[k].text in {";", "—", "–"} or self.toks[k].low in {"and", "but", "so"})

    def salient_person(self, sent_no: int, pos: int, want: str = "") -> str | None:
        """The person the discourse is about at ``pos``: the subject the sentence before opens with, else
        the person last named outside quotations before ``pos`` (a few hundred mentions back at most),
        of a compatible gender."""
        found = self._subject_before(sent_no, want, set())
        if found is not None:
            return found
        k = bisect_left(self.names.mention_starts, pos)
        for x, person in reversed(self.names.mentions[max(0, k - _PRONOUN_LOOKBACK) : k]):
            if (not want or person.gender in (None, want)) and self.quotes.covering(x) is None:
                return person.name
        return None

    def _recent_subject(self, sent_no: int, want: str, skip: set[str]) -> str | None:
        """The person one of the few sentences before the last one opens with (their subject), within the
        pronoun's paragraph or the one before, of a compatible gender: at most _CENTRE_BACK sentences."""
        para = self.sentences[sent_no].paragraph
        for back in range(2, _CENTRE_BACK + 1):
            k = sent_no - back
            if k < 0 or self.sentences[k].paragraph < para - 1:
                break
            found = self._subject_before(k + 1, want, skip)
            if found is not None:
                return found
        return None

    def _organisation_before(self, sent_no: int) -> str | None:
        """The organisation the sentence before opens with ('The Harbor Trust opened an office. It said
        ...'), as the article names it in full: the antecedent of 'it' or 'they' when no cue named one."""
        if sent_no == 0:
            return None
        sent = self.sentences[sent_no - 1]
        orgs = self.names.orgs
        k = bisect_left(orgs, sent.start, key=lambda o: o[0])
        if k == len(orgs) or orgs[k][0] >= sent.end:
            return self._described_body_opening(sent)
        pos, name = orgs[k]
        if self.quotes.covering(pos) is not None or name.lower() in lx.place_names():
            return None  # 'The United States ...': a country is no organisation for 'they'
        q = bisect_left(self.starts, sent.start)
        while q < len(self.toks) and self.toks[q].start < pos:
            t = self.toks[q]
            if t.word and t.low not in lx.DETERMINERS:
                return None  # 'After the Harbor Trust ...', 'Ann Lee of the Trust': no subject
            q += 1
        return name

    def _other_nationality(self, pos: int, word: str) -> bool:
        """Was the body named at pos introduced with a nationality other than ``word`` ('Swiss drugmaker
        Pellam' against 'the Danish drugmaker')? Only the two words before the name are read."""
        q = bisect_left(self.starts, pos)
        before = [t.text for t in self.toks[max(0, q - 2) : q] if t.cap]
        return _nationality(word) and any(_nationality(w) and w != word for w in before)

    def _described_body_opening(self, sent: Sentence) -> str | None:
        """The body named before that a sentence opening with its description stands for ('The bank cut its
        forecast. It said ...' after 'The Keld National Bank raised rates'), else None."""
        q = bisect_left(self.starts, sent.start)
        if q + 2 >= len(self.toks) or self.toks[q].low != "the" or self.toks[q + 2].start >= sent.end:
            return None
        head, after = self.toks[q + 1], self.toks[q + 2]
        kind = body_kind(head.low)
        if kind is None or head.cap or not after.word or after.cap or after.low in lx.NAME_CONNECTORS:
            return None
        found = self.names.described_org(kind, head.start)
        if found is None and base(head.low) in lx.BUSINESS_DESCRIPTORS:
            found = self.names.described_company(base(head.low), head.start)
        return found

    def _owner_end(self, pos: int) -> int | None:
        """Where the capitalised run starting at ``pos`` ends, when it ends in a possessive ('Norvik's',
        'Keld Air's'), else None."""
        q = at = bisect_left(self.starts, pos)
        while q + 1 < len(self.toks) and self.toks[q + 1].cap and not is_possessive(self.toks, q) and q - at < 4:
            q += 1
        return self.toks[q].end if q < len(self.toks) and is_possessive(self.toks, q) else None

    def _apposed_to_owned(self, owner_end: int, pos: int) -> bool:
        """Between a possessive ending at ``owner_end`` and the name at ``pos`` stand only a few lowercase
        words and a comma: the name is in apposition to the owned description ('Norvik's chief executive,
        Lars Eklund'), not an object further on ('Lee's campaign attacked Tom Vale')."""
        a = bisect_left(self.starts, owner_end)
        b = bisect_left(self.starts, pos)
        return (
            1 < b - a <= 5 and self.toks[b - 1].text == "," and all(t.word and not t.cap for t in self.toks[a : b - 1])
        )

    def _name_follows(self, m: Mention) -> bool:
        """A capitalised word right after the mention ('... education secretary William Bennett'): the
        description's own name is there, never one further on."""
        k = bisect_left(self.starts, m.pos + len(m.name))
        return k < len(self.toks) and self.toks[k].cap and self.toks[k].start - (m.pos + len(m.name)) <= 1

    def opening_person(self, sent_no: int) -> str | None:
        """The person sentence ``sent_no - 1`` opens with, whatever the gender (see _subject_before)."""
        return self._subject_before(sent_no, "", set())

    def _modifies_titled_name(self, pos: int) -> bool:
        """A one-word mention right before a title and a name modifies that name: 'Rovers boss Neil Hart'
        (the club, even when a person's surname matches it), 'Keld coach Ada Venn'."""
        at = bisect_left(self.starts, pos)
        return at < len(self.toks) and self.toks[at].start == pos and _titled_name_after(self.toks, at + 1)

    def _subject_before(self, sent_no: int, want: str, skip: set[str], before: int | None = None) -> str | None:
        """The person the sentence before opens with ('Tom Reed won ...', 'For Ken Ash, ...', 'Coach Ada
        Li said'), if of a compatible gender: only capitalised words, titles, determiners and prepositions
        come before the name. With ``before``, the person the sentence ``sent_no - 1`` opens with ahead of
        that position (the pronoun's own sentence)."""
        if sent_no == 0:
            return None
        sent = self.sentences[sent_no - 1]
        outside = [
            (x, p)
            for x, p in self.names.mentions_between(sent.start, sent.end)[:6]
            if self.quotes.covering(x) is None and not self._modifies_titled_name(x)
        ]
        first = outside[0] if outside else None
        owner_end = self._owner_end(first[0]) if first is not None else None
        if first is not None and owner_end is not None:
            # 'Norvik's chief executive, Lars Eklund, told ...': the owner before a description is no
            # subject; the name in apposition to the description is
            owner = first[1]
            named = next(((x, p) for x, p in outside if x >= owner_end and p is not owner), None)
            if named is not None and self._apposed_to_owned(owner_end, named[0]):
                first = named
        if first is None or (before is not None and first[0] >= before):
            return None
        pos, person = first
        if before is not None:
            at = bisect_left(self.starts, pos)
            q = at
            while q + 1 < len(self.toks) and self.toks[q + 1].cap and q - at < 4:
                q += 1  # the last word of the name as written here
            topic = (
                at > 1
                and self.toks[at - 2].low == "as"
                and self.toks[at - 1].low == "for"
                and q + 2 < len(self.toks)
                and self.toks[q + 1].text == ","
                and self.toks[q + 2].start == before
            )
            if topic:
                # 'As for Lee, he said ...': the topic the pronoun right after it takes up
                fits = not want or person.gender in (None, want)
                return person.name if fits and person.name not in skip else None
            if is_possessive(self.toks, q) or (at > 0 and self.toks[at - 1].low in lx.ADJUNCT_OPENERS):
                return None  # "On Lee's claim, ..." or "After Lee won, ...": not the clause's subject
        k = bisect_left(self.starts, sent.start)
        at = bisect_left(self.starts, pos)
        # a description in apposition before the name ('Keld's prime minister, Tom Vale, cut short ...',
        # 'His wife, Mele Tofa, met ...'): its lowercase words are the title's
        described = (
            at - 1 > k
            and self.toks[at - 1].text == ","
            and any(
                is_title(t) or base(t.low) in lx.DESCRIPTION_HEADS or base(t.low) in lx.RELATION_NOUNS
                for t in self.toks[k : at - 1]
            )
        )
        while k < len(self.toks) and self.toks[k].start < pos:
            t = self.toks[k]
            if not (
                t.cap
                or is_title(t)
                or not t.word
                or t.low in lx.DETERMINERS
                or t.low in lx.ADJUNCT_OPENERS
                or t.low in lx.CHUNK_SKIP
                or (described and t.low.isalpha())
            ):
                return None
            k += 1
        fits = not want or person.gender in (None, want)
        return person.name if fits and person.name not in skip else None


def _titled_name_after(toks: list[Tok], k: int) -> bool:
    """Is toks[k] a lowercase title or description followed by a capitalised name ('boss Neil Hart')?"""
    return (
        k + 1 < len(toks)
        and toks[k].word
        and not toks[k].cap
        and (base(toks[k].low) in lx.TITLES or base(toks[k].low) in lx.DESCRIPTION_HEADS)
        and toks[k + 1].cap
    )


def _nationality(word: str) -> bool:
    """A place or a nationality adjective ('Chile', 'Chilean', 'French'), no body of its own."""
    low = word.lower()
    return low in lx.place_names() or word in DEMONYMS or low in DEMONYMS or low.endswith(("an", "ese", "ish"))


def is_possessive_word(word: str) -> bool:
    """A written word ending in a possessive: "Keld's"."""
    return word.endswith(("'s", "’s", "'", "’"))


def _possessive_description(name: str) -> bool:
    """'Kiribati's navy chief', 'the club's coach': a description made definite by its owner, ending in
    its head noun (not in a title's modifier: 'X's former' is a phrase cut short)."""
    words = name.split()
    return (
        len(words) >= 2
        and any(w.endswith(("'s", "’s")) for w in words[:-1])
        and words[-1].lower() not in _TITLE_MODIFIERS
    )


# Words listed among titles that only modify one: 'former', 'acting', 'then'.
_TITLE_MODIFIERS = frozenset({"former", "acting", "ex", "then", "interim", "outgoing", "incoming", "late"})


def _organisation_description(name: str) -> bool:
    """'The ministry', 'the health ministry', 'The Harbor company': a definite description whose head is
    an organisation's collective noun."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() == "the" and description_head(base(words[-1].lower())) == "o"


def _plain_modifiers(written: list[str]) -> bool:
    """The words between 'the' and a body's head describe it without setting it apart from the body named
    before: at most two, each an acronym ('the UN agency') or a lowercase word ('the rail company'), none
    contrasting ('the opposition party', 'the rival airline') or possessive."""
    return len(written) <= 2 and all(
        is_acronym(w)
        or (
            w.islower()
            and w.replace("-", "").isalpha()
            and w not in lx.CONTRASTING_MODIFIERS
            and not is_possessive_word(w)
        )
        for w in written
    )


def _modifiers_fit(written: list[str], name: str) -> bool:
    """Each lowercase modifier of a description shares its first four letters with a word of the name it
    stands for ('the rail company' for 'Northway Rail', 'the ferry operator' for 'Vellink Ferries'); a
    modifier the name lacks may describe another body ('the online retail giant' is not 'Exxon Mobil')."""
    stems = {w[:4].lower() for w in name.split()}
    return all(not w.islower() or w[:4] in stems for w in written)


def _spokesperson_body(words: list[str]) -> str | None:
    """The organisation head of 'a ministry spokesman', 'the company spokeswoman' (lowercase words), else
    None; a common word that names things as well as bodies ('a project spokesman') is left as written."""
    if len(words) != 3 or words[0] not in {"a", "an", "the"} or words[2] not in lx.SPEAKS_FOR_NOUNS:
        return None
    head = words[1]
    return head if head in lx.ORG_HEADS and head not in lx.COMMON_WORD_ORG_HEADS else None


def _head_index(written: list[str], head: str) -> int:
    """Index of a description's head among its written words ('the Ohio senator' -> 2), else their count."""
    return next((q for q in range(1, len(written)) if base(written[q].lower()) == head), len(written))
