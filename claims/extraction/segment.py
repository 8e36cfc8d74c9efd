"""Paragraphs and sentences, with exact offsets into the original text.

The splitter is rule based and linear: one regex pass over each paragraph finds candidate
terminators (periods, ``!``/``?`` runs, ellipses, ``[...]``) and a few cheap look-arounds
decide whether each candidate ends a sentence. The rules, in short:

* A line break always ends a sentence; every non-empty line is a paragraph, except in
  hard-wrapped blocks (most lines of a blank-line-separated block end mid-sentence), whose
  lines are joined.
* A terminator ends a sentence only when followed by whitespace (after any closing quotes or
  brackets) and then a capital letter or digit (after any opening quotes/brackets). So decimals
  ("3.5"), e-mail addresses, "Jr.'s" and ``"Great." she said`` never break. An opening-shaped
  mark typed as a closer ('decision.“ However') counts as closing where the quotation pairing of
  :mod:`.quotes` closes a quotation at it.
* Abbreviations: titles ("Mr.", "Gen.", "St.") and acronyms ("U.S.", "D.C.", "a.m.") break
  only before a word that typically opens a sentence ("The", "He", "In"...), so "U.S. President"
  stays whole while "in the U.S. He said" splits. Single capital letters are initials
  ("J. K. Rowling") unless the pronoun "I" follows a lowercase word.
* Ellipses: "..." and "…" break before a capital; a spaced ". . ." does not, a spaced
  four-dot ". . . ." does; ``[...]`` breaks only before a capital letter (annotation rule).
* Enumerations ("1) a 2) b", "a. x b. y") and bullets ("•") start a new sentence.

Page furniture (headlines, bylines, captions...) is flagged by :mod:`.furniture`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import furniture, lexicon
from .normalize import SENTENCE_CLOSERS, wordset
from .quotes import OPENERS as _QUOTE_OPENERS
from .quotes import Quote, iter_quotes
from .types import Sentence

# Characters that may close a sentence after its terminator, and open the next one.
_CLOSERS = SENTENCE_CLOSERS
_OPENERS = "\"'“‘«([‹"
_BULLETS = "•⁃◦▪‣●■►"
# Trimmed at sentence edges besides ordinary whitespace: zero-width and direction marks.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# A slug of lowercase initials joined by slashes or hyphens, alone on its line.
_SLUG = re.compile(r"[a-z]{1,6}(?:[/-][a-z]{1,6})+[ \t]*(?:$|[\n\r\u2028\u2029])")
_BLANK_GAP = re.compile(r"(?:[ \t\f\v\u00a0]*(?:\r\n|[\n\r\u2028\u2029])){2,}+")

# Candidate terminators: [...] / […], runs of ! and ?, the ellipsis character, and runs of
# periods optionally separated by single spaces (". . ." counts as one run).
_TERM = re.compile(r"\[\s*(?:\.\s*){3,}\]|\[…\]|[!?‽]+[!?.‽]*|…+[.!?]*|\.(?:[ \u00a0]?\.)*+[!?]*")
# Closing quotes/brackets and wiki citation marks ("[12]", "[citation needed]") stay with the sentence.
_AFTER = re.compile(r"(?:[" + re.escape(_CLOSERS) + r"]|\[\d{1,3}\]|\[[a-z][a-z ]{0,24}\])*+")
# The agency credit of a wire dateline, after the town and its abbreviated state ("Mich. (AP) —").
_AGENCY_CREDIT = re.compile(r"\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg)\)")
_CITE_MARKS = re.compile(r"(?:\s*\[\d{1,3}\])++")
_NEXT = re.compile(r"[" + re.escape(_OPENERS) + r"]*([^\W_]+|\S)")
_PREV_TOKEN = re.compile(r"[^\s" + re.escape(_OPENERS) + r"]*$")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")  # U.S, D.C, a.m, Ph.D (last period is the terminator)
_BULLET_SPLIT = re.compile(r"(?<=\s)[" + _BULLETS + r"]")
# An enumeration marker at the start of a sentence: "1.", "2.)", "3)", "a.", "b)".
_MARKER = re.compile(r"[" + _BULLETS + r"]?\s*(?:(\d{1,3})|([a-zA-Z]))(\.\)|\)|\.)(?=\s)")

_INNER_MARKER = re.compile(r"(?<=\s)(?:(\d{1,3})|([a-zA-Z]))(\.\)|\)|\.)(?=\s)")

# Abbreviations written before a name or number: a capital after them is the name, not a new sentence.
_PREPOSITIVE = wordset(
    "mr mrs ms mx dr prof gen sen rep gov lt col capt cpt sgt cpl pvt st mt ft rev hon pres supt cmdr adm maj brig "
    "fr msgr messrs mme mlle insp det atty amb sec gen'l comdr lieut ald judg rt ret"
)
# Abbreviations before a number ("No. 10", "p. 55", "Oct. 5").
_NUMERIC_PREFIX = wordset(
    "no nos nr n° p pp vol vols fig figs art arts ch chap sec sect para paras ed eds op cf pt pts tel ex "
    "jan feb mar apr jun jul aug sep sept oct nov dec ca circa approx est"
)
# Other common abbreviations that end a sentence only before a typical sentence opener.
_OTHER_ABBREV = wordset(
    "inc co corp ltd llc plc bros jr sr esq vs v dept univ assn assoc intl natl govt ave blvd rd hwy apt "
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec "
    "approx est al ph phd gov't mins hrs min sec secs yr yrs oz lb lbs ft km mi kg sq cu ie eg viz"
)
# Words that typically begin a sentence and rarely follow an abbreviation inside one.
_STARTERS = wordset(
    "the a an he she it they we i you his her its their our my your this that these those there here but and or "
    "so yet however meanwhile also in on at for from with by after before during when while if as although "
    "though because since until what who why how where which did do does is are was were has have had would "
    "can could should might must some many most several other others one two three four five six seven eight "
    "nine ten last next earlier later now then today yesterday tomorrow still even such both each every all not "
    "only instead despite according under over about among between through without within to of nor thus "
    "therefore indeed furthermore moreover nevertheless already once just let please no"
)
# Company suffixes and months written short: abbreviations that may end a sentence before a subject
# that is no typical opener ("Jr.", "Bros." run into "Jr. Day", "Bros. Pictures").
_ENDING_ABBREVIATIONS = wordset("inc co corp ltd llc plc jan feb mar apr jun jul aug sep sept oct nov dec")
_LOWER_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_HAS_LOWER_WORD = re.compile(r"(?<![^\s\"“‘(])[a-z]")  # a word in lowercase: the name is not the whole sentence
# Abbreviations that announce more of the same sentence.
_NEVER_FINAL = wordset("e.g i.e cf viz vs incl")
_TIME_WORDS = wordset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun et est edt pt pst pdt ct "
    "cst cdt mt mst gmt utc bst cet local"
)


class _CloseMarks:
    """Positions where the article's quotation pairing closes a quotation, paired on first use only:
    the question arises only for an opening-shaped mark right after a terminator, which is rare.

    The splitter asks in text order, so the pairing is walked forward alongside it (restarted on the
    rare question about an earlier position): no set of every closing mark of the article is built."""

    __slots__ = ("_asked", "_next", "_quotes", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._quotes: Iterator[Quote] | None = None
        self._next: int | None = None  # closing mark of the quotation under the cursor
        self._asked = -1

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        if self._quotes is None or pos < self._asked:
            self._quotes, self._next = iter_quotes(self._text), -1
        self._asked = pos
        while self._next is not None and self._next < pos:
            q = next(self._quotes, None)
            self._next = None if q is None else (q.close_mark if q.close_mark is not None else -1)
        return self._next == pos


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, furniture flagged; offsets index ``text`` exactly."""
    sentences: list[Sentence] = []
    closes = _CloseMarks(text)
    for index, (start, end) in enumerate(iter_paragraphs(text)):
        for s, e in sentence_spans(text, start, end, closes):
            sentences.append(Sentence(s, e, index))
    return furniture.flag(text, sentences)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Trimmed (start, end) spans of paragraphs: lines, or whole blocks when hard-wrapped."""
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of :func:`paragraphs`, one at a time (a text of a million lines holds no list of them)."""
    pos = 0
    for gap in _BLANK_GAP.finditer(text):
        yield from _block_paragraphs(text, pos, gap.start())
        pos = gap.end()
    yield from _block_paragraphs(text, pos, len(text))


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _LINE.finditer(text, start, end):
        s, e = trim(text, m.start(), m.end())
        if e > s:
            yield s, e


def _block_paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if _hard_wrapped(text, start, end):
        first = next(_lines(text, start, end))
        *_, last = _lines(text, first[1], end)
        yield first[0], last[1]
        return
    # A line that stops mid-sentence (on a letter, digit or comma) and a next line opening in lowercase
    # are one sentence broken by a stray line break: "... getting them to take part\nin the caucuses."
    current: tuple[int, int] | None = None
    for line in _lines(text, start, end):
        if current is not None and _continues(text, current[1], line[0]):
            current = (current[0], line[1])
            continue
        if current is not None:
            yield current
        current = line
    if current is not None:
        yield current


def _continues(text: str, prev_end: int, start: int) -> bool:
    """Does the line starting at ``start`` continue the sentence of the line ending at ``prev_end``?"""
    last = text[prev_end - 1]
    # an agency's slug of staff initials on its own line ("tv/ann", "bur-ann/jm") ends the copy
    return (last.isalnum() or last == ",") and text[start].islower() and _SLUG.match(text, start) is None


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """Lines wrapped at a fixed width (three or more): most stop mid-sentence and fill most of the width.

    Lists of short lines (menus, headings, bylines) are not joined: they fill little of it. Two passes
    over the block's lines (the longest, then the shares) keep no list of them.
    """
    count = longest = 0
    prev: tuple[int, int] | None = None  # every line but the last is measured
    for line in _lines(text, start, end):
        if prev is not None:
            longest = max(longest, prev[1] - prev[0])
            if longest > 100:
                return False
        prev = line
        count += 1
    if count < 3 or longest < 40:
        return False
    full = open_ends = 0
    prev = None
    for line in _lines(text, start, end):
        if prev is not None:
            full += prev[1] - prev[0] >= longest * 0.6
            open_ends += text[prev[1] - 1] not in ".!?:…" + _CLOSERS
        prev = line
    n = count - 1
    return full * 3 >= n * 2 and open_ends * 3 >= n * 2


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def sentence_spans(text: str, start: int, end: int, closes: _CloseMarks | None = None) -> list[tuple[int, int]]:
    """Trimmed sentence spans inside one paragraph ``text[start:end]``.

    ``closes`` shares one quotation pairing between the paragraphs of an article."""
    cuts = _cuts(text, start, end, closes if closes is not None else _CloseMarks(text))
    spans = []
    prev = start
    for cut in [*cuts, end]:
        s, e = trim(text, prev, cut)
        if e > s:
            spans.append((s, e))
        prev = cut
    return spans


def _cuts(text: str, start: int, end: int, closes: _CloseMarks) -> list[int]:
    """Positions (exclusive ends) where a sentence ends inside the paragraph."""
    cuts: list[int] = []
    forced = _forced_cuts(text, start, end)
    fi = 0
    sent_start = start
    skip_until = _marker_end(text, start, end)  # the period of "1." is no terminator
    pos = start
    while (m := _TERM.search(text, pos, end)) is not None:
        pos = m.end()
        while fi < len(forced) and forced[fi] <= m.start():
            if forced[fi] > sent_start:
                sent_start = forced[fi]
                cuts.append(sent_start)
                skip_until = _marker_end(text, sent_start, end)
            fi += 1
        if m.start() < skip_until:
            continue
        cut = _decide(text, m, start, end, sent_start, closes)
        if cut is not None:
            cuts.append(cut)
            sent_start = cut
            skip_until = _marker_end(text, _skip_space(text, cut, end), end)
    cuts.extend(c for c in forced[fi:] if c > sent_start)
    return cuts


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _marker_end(text: str, pos: int, end: int) -> int:
    """End of an enumeration marker at ``pos`` ("1.", "b)"), so its period is not a terminator."""
    m = _MARKER.match(text, pos, end)
    return m.end() if m else pos


def _forced_cuts(text: str, start: int, end: int) -> list[int]:
    """Breaks that need no terminator: before bullets and before the items of an enumeration."""
    cuts = [m.start() for m in _BULLET_SPLIT.finditer(text, start, end)]
    first = _MARKER.match(text, start, end)
    if first and first.group(0)[0] not in _BULLETS:
        cuts.extend(_enumeration(text, first, end))
    return sorted(cuts)


def _enumeration(text: str, first: re.Match[str], end: int) -> list[int]:
    """Starts of items 2, 3... of a list opening with marker ``first`` ("1)", "a.")."""
    number, letter, punct = first.groups()
    value = int(number) if number else ord(letter)
    cuts = []
    for m in _INNER_MARKER.finditer(text, first.end(), end):
        n, c, p = m.groups()
        if p == punct and ((number and n and int(n) == value + 1) or (letter and c and ord(c) == value + 1)):
            cuts.append(m.start())
            value += 1
    return cuts


def _after_closers(text: str, pos: int, end: int) -> int:
    """Where the closing quotes and bracketed notes starting at ``pos`` end (``pos`` when there are none)."""
    found = _AFTER.match(text, pos, end)  # the pattern also matches the empty string
    return found.end() if found else pos


def _decide(text: str, m: re.Match[str], para_start: int, end: int, sent_start: int, closes: _CloseMarks) -> int | None:
    """Where the sentence ends if terminator match ``m`` closes it, else None."""
    term = m.group()
    after = _after_closers(text, m.end(), end)
    if after < end and text[after] in _QUOTE_OPENERS and after in closes:
        after = _after_closers(text, after + 1, end)  # 'decision.“ However': a “ typed as the closer
    if after < end and not text[after].isspace():
        if term == "." and after == m.end() and _glued(text, m.start(), after, para_start, end):
            return after  # 'Kim said.Kim added': a space lost between two sentences
        return None  # "3.5", "Jr.'s", "example.com", "Yahoo!-style"
    cites = _CITE_MARKS.match(text, after, end)
    if cites:  # "ended. [4] Next": the citation mark belongs to the sentence it follows
        after = cites.end()
    nxt = _NEXT.match(text, _skip_space(text, after, end), end)
    if nxt is None:
        return after  # end of the paragraph
    word = nxt.group(1)
    first = word[0]
    if term[0] == "[":  # [...] breaks only before a capital letter (or a quote opening with one)
        return after if first.isupper() and text[nxt.start()] not in "([" else None
    if first.islower():
        # "iPhone", "eBay" may open a sentence after an ordinary word.
        if term == "." and not _is_abbreviation(_prev_token(text, m.start(), para_start)) and _camel(word):
            return after
        return None
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return None  # punctuation, symbols: keep together
    dots = term.count(".")
    if dots >= 3 and " " in term:
        if _attached(text, m.start()):
            # "compounds. . . . The": the word's own period ends the sentence, the ellipsis opens the next.
            return m.start() + 1 if dots >= 4 else None
        return after if dots >= 4 else None  # a spaced ". . ." continues, ". . . ." ends
    if term[0] in "!?‽" and after > m.end() and _cue_follows(text, nxt.start(), end):
        return None  # '"Where is the money?" Lisa Crane asked.': the cue after the quotation is its own
    if term[0] in "!?‽…" or dots >= 2:
        return after
    if _AGENCY_CREDIT.match(text, nxt.start(), end):
        return None  # "PELLSTON, Mich. (AP) — A plane ...": the state's period in a wire dateline
    return _after_period(text, m.start(), para_start, sent_start, word, after, end)


_GLUED_NEXT = re.compile(r"[A-Z][a-z]+(?=[\s,;:!?]|\.(?:\s|$)|$)")


def _glued(text: str, dot: int, after: int, para_start: int, end: int) -> bool:
    """'The dam held.Kim added ...', 'Lee said.The mayor ...': a period between a lowercase word and a
    capitalised word, no space. Only a plain word of letters before ('example.Com', 'www.site.Net',
    'U.S.Army', 'No.5' and 'St.Louis' keep together) and a plain capitalised word after ('Node.JS',
    'Amazon.com' and 'a.Long.path' keep together); a word of two letters or fewer before is too often
    an abbreviation or a code ('vs.Lee')."""
    prev = _prev_token(text, dot, para_start)
    if len(prev) < 3 or not prev.isalpha() or not prev.islower() or prev in _OTHER_ABBREV or prev in _NEVER_FINAL:
        return False
    return _GLUED_NEXT.match(text, after, end) is not None


# A capitalised name of one to four words (and an apposition), a reporting verb (after an adverb) closing the
# clause, or an adjunct after it.
_NAME_CUE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. )?([A-Z][a-z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3}"
    r"(?:, [^,\"“”.!?]{2,60},)? (?:[a-z]+ly )?([a-z]+)(?: [a-z]+ly)?"  # '"Why?" Lee, a farmer, asked softly.'
    r"(?=[.,;]|$| (?:on|in|into|at|to|during|after|before|yesterday|today|tonight|last|earlier|later|again|as|while)\b)"
)
_CUE_VERBS = wordset(
    "said says asked asks added adds told tells wrote writes replied replies shouted yelled exclaimed wondered "
    "continued recalled insisted declared joked quipped responded answered explained noted"
)


def _cue_follows(text: str, pos: int, end: int) -> bool:
    """A quotation ending in '?' or '!' and a cue naming its speaker: '"Who pays?" Ann Lee asked.',
    '"Enough!" Tom Vint shouted on Monday.'; not a new sentence opening with a pronoun or a determiner
    ('... long run!" She replied to him ...')."""
    found = _NAME_CUE.match(text, pos, min(end, pos + 80))
    return (
        found is not None and found.group(2) in _CUE_VERBS and found.group(1).lower() not in lexicon.CAPITAL_STOPWORDS
    )


def _attached(text: str, pos: int) -> bool:
    return pos > 0 and not text[pos - 1].isspace()


def _after_period(text: str, dot: int, para_start: int, sent_start: int, word: str, after: int, end: int) -> int | None:
    """A single period followed by a capitalised word or a digit."""
    prev = _prev_token(text, dot, para_start)
    key = prev.lower().rstrip(".")
    nxt = word.lower()
    if key in _NEVER_FINAL:
        return None
    if word[0].isdigit():
        # "No. 10", "p. 55", "c. 1818": a reference or an approximate number follows
        return None if key in _NUMERIC_PREFIX or (len(prev) == 1 and prev.islower()) else after
    if not prev:
        return after
    if key == "etc":
        return after
    if len(prev) == 1 and prev.isalpha():
        if prev in "sS" and dot >= para_start + 3 and text[dot - 2] in "'’" and text[dot - 3].isalpha():
            return after  # a possessive closing the sentence: "They met at St. George's. Residents fled."
        if prev.isupper():
            if prev == "I" and _prev_word_lower(text, _skip_space_back(text, dot - 1, para_start), para_start):
                return after
            return after if nxt in _STARTERS else None  # an initial: "J. K. Rowling"
        return after if nxt in _STARTERS else None
    if key in ("a.m", "p.m"):
        if nxt in _TIME_WORDS:
            return None
        # "At 5 a.m. Mr. Smith went" -- a time phrase alone is not a sentence.
        return None if text.count(" ", sent_start, dot) < 3 else after
    if key in _PREPOSITIVE or key in _OTHER_ABBREV or key in _NUMERIC_PREFIX or _ACRONYM.search(prev):
        if nxt in _STARTERS:
            return after
        # a company's suffix or a month ends a sentence holding more than the name before a capitalised
        # subject and its verb ("She joined Acme Corp. Analysts praised the move", "It began in Jan.
        # Police seized ..."), not before a title or a name ("Acme Corp. Chief Executive Ann Lee",
        # "Acme Co. Ltd. said")
        if (
            key in _ENDING_ABBREVIATIONS
            and _HAS_LOWER_WORD.search(text, max(sent_start, dot - 200), dot)
            and _subject_and_verb(text, after, end)
        ):
            return after
        return None
    return after


def _subject_and_verb(text: str, pos: int, end: int) -> bool:
    """Does one capitalised word and then a finite verb in lowercase follow ``pos``?"""
    subject = _NEXT.match(text, _skip_space(text, pos, end), end)
    if subject is None or subject.end() >= end or text[subject.end()] == ".":
        return False
    verb = _LOWER_WORD.match(text, subject.end(), end)
    return verb is not None and furniture.finite_verb(verb.group(1))


def _prev_token(text: str, dot: int, para_start: int) -> str:
    lo = max(para_start, dot - 40)
    m = _PREV_TOKEN.search(text, lo, dot)
    return m.group() if m else ""


def _prev_word_lower(text: str, pos: int, para_start: int) -> bool:
    """Does the word before position ``pos`` (the start of a one-letter token) begin in lowercase?"""
    word = _prev_token(text, pos, para_start)
    return bool(word) and word[0].islower()


def _skip_space_back(text: str, pos: int, lo: int) -> int:
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def _is_abbreviation(token: str) -> bool:
    key = token.lower().rstrip(".")
    return (
        len(token) == 1
        or key in _PREPOSITIVE
        or key in _OTHER_ABBREV
        or key in _NUMERIC_PREFIX
        or bool(_ACRONYM.search(token))
    )


def _camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:])
