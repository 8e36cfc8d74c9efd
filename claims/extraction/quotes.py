"""Double quotation marks: which stretches of an article are quoted words.

Straight and curly marks are paired by their flanks (an opening mark has a space before it and a word
after it), so mismatched pairs such as “...\" still pair up. A quotation that runs over several
paragraphs repeats its opening mark at each new paragraph and closes only at the end; those pieces share
one ``chain`` id so every sentence inside can be given the same speaker. Where the next paragraph has no
opening mark but its first mark can only close, the quotation runs on to that mark (a paragraph break
typed inside a quotation). Typewriter marks of older newspaper text count as double marks ('' either
way, `` opening). Single quotes are scare quotes or nested quotations and are ignored, but a double mark
typed against one still opens or closes ('"... say 'not yet,'" said Lee'). One pass over the text, no
regex backtracking.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
MARKS = '"' + OPENERS + CLOSERS
_LEFT_OPEN = "([{—–-/'‘:"  # characters after which a mark opens ("(“A”", "—“B”")
_RIGHT_CLOSE = ".,;:!?)]}—–-'’…"  # characters before which a mark closes
_TRIM_TAIL = ",;:"
_SINGLES = "'‘’"
# typewriter double quotes of older newspaper text: '' (either way; of three apostrophes the last two,
# after a nested single quote) and `` (opening only)
_MARK_RE = re.compile("''(?!')|``|[" + re.escape(MARKS) + "]")


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words text[start:end]; the marks themselves are at open_mark and close_mark."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None where the paragraph ends with the quotation still open
    chain: int  # shared by the paragraphs of one quotation


def _flanks(text: str, i: int, para_start: int, para_end: int, j: int | None = None) -> tuple[bool, bool]:
    """Can the mark text[i:j] (one character unless j says otherwise) open, close a quotation?"""
    j = i + 1 if j is None else j
    before = text[i - 1] if i > para_start else " "
    after = text[j] if j < para_end else " "
    space_before = before.isspace() or before in _LEFT_OPEN or before in MARKS
    space_after = after.isspace() or after in _RIGHT_CLOSE or after in MARKS
    can_open = space_before and not space_after
    can_close = space_after and not space_before
    if can_open == can_close:  # both or neither: trust the shape of a curly mark
        ch = text[i]
        if ch in OPENERS or ch == "`":
            return True, False
        if ch in CLOSERS:
            return False, True
        # a single quote nested against the mark: '"... say 'not yet,'" said Lee' closes after the
        # single quote's word or comma, '"'Enough,' she told me"' opens before the single quote's word
        if before in _SINGLES and space_after and i - 2 >= para_start and not text[i - 2].isspace():
            return False, True
        if after in _SINGLES and space_before and j + 1 < para_end and not text[j + 1].isspace():
            return True, False
    return can_open, can_close


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    n = len(text)
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        if end > start:
            yield start, end
        if nl < 0:
            break
        start = nl + 1


def _first_visible(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _misplaced_opener(text: str, i: int, j: int, para_end: int, later_close: bool) -> bool:
    """'..., he said," For example ..."' / 'said," [He] liked': a mark typed against the comma or colon
    before a quotation instead of against its first word. Taken as an opening mark only where nothing is
    open, a space and a capital or bracket follow, and a mark later in the paragraph can close it."""
    if not later_close or i == 0 or text[i - 1] not in ",:":
        return False
    k = j
    if k >= para_end or text[k] != " ":
        return False
    while k < para_end and text[k] == " ":
        k += 1
    return k < para_end and (text[k].isupper() or text[k] in "[(")


def find_quotes(text: str) -> list[Quote]:
    """All quotations in the text, in order."""
    return list(iter_quotes(text))


def iter_quotes(text: str) -> Iterator[Quote]:
    """The quotations of :func:`find_quotes`, one at a time: the pairing keeps no list of a paragraph's
    marks, so that a paragraph of a million marks costs no more memory than one of ten."""
    count = 0  # quotations yielded so far: a new quotation's chain id
    chain: int | None = None  # chain id carried into the next paragraph
    for para_start, para_end in _paragraphs(text):
        first_match = _MARK_RE.search(text, para_start, para_end)
        if first_match is None:
            chain = None
            continue
        # the last mark that can close: a mark before it has a "later close" (see _misplaced_opener)
        last_close = -1
        for m in _MARK_RE.finditer(text, first_match.start(), para_end):
            if _flanks(text, m.start(), para_start, para_end, m.end())[1]:
                last_close = m.start()
        first = _first_visible(text, para_start, para_end)
        first_mark = first_match.start()
        carried = chain if (first_mark == first) else None
        open_at: int | None = None
        open_end = 0  # where the words after the opening mark start
        if (
            chain is not None
            and first_mark != first
            and _flanks(text, first_mark, para_start, para_end, first_match.end()) == (False, True)
        ):
            # no opening mark repeated, and the first mark can only close: the quotation runs on to it
            open_at, open_end = first - 1, first
            carried = chain
        chain = None
        for m in _MARK_RE.finditer(text, first_mark, para_end):
            i = m.start()
            can_open, can_close = _flanks(text, i, para_start, para_end, m.end())
            if not can_open and not can_close:
                continue  # a straight mark between two spaces or inside a word (12"): no quotation
            if open_at is None:
                if can_open or _misplaced_opener(text, i, m.end(), para_end, last_close > i):
                    open_at, open_end = i, m.end()
                continue
            if can_close:
                cid = carried if carried is not None and open_at in (first, first - 1) else count
                yield Quote(open_end, i, max(open_at, para_start), i, cid)
                count += 1
                open_at = None
            else:  # a second opening mark: the first one was never closed, so it was no quotation
                open_at, open_end = i, m.end()
        if open_at is not None:  # still open at the paragraph end: runs on, or a missing mark
            cid = carried if carried is not None and open_at in (first, first - 1) else count
            end = para_end
            while end > open_end and text[end - 1].isspace():
                end -= 1
            yield Quote(open_end, end, open_at, None, cid)
            count += 1
            chain = cid


class QuoteIndex:
    """Quotations of one article with fast look-ups by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = find_quotes(text)
        self._starts = [q.open_mark for q in self.quotes]

    def covering(self, pos: int) -> Quote | None:
        """The quotation whose marks enclose pos (marks included), if any."""
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        q = self.quotes[k]
        last = q.close_mark if q.close_mark is not None else q.end - 1
        return q if pos <= last else None

    def within(self, start: int, end: int) -> list[Quote]:
        """Quotations whose words overlap text[start:end]."""
        k = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while k < len(self.quotes) and self.quotes[k].open_mark < end:
            q = self.quotes[k]
            if q.end > start and q.start < end:
                out.append(q)
            k += 1
        return out

    def words(self, start: int, end: int) -> str | None:
        """The quoted words inside text[start:end], fragments joined by ' ... '."""
        frags = []
        for q in self.within(start, end):
            frag = clean_fragment(self.text[max(q.start, start) : min(q.end, end)])
            if frag:
                frags.append(frag)
        return " ... ".join(frags) or None


def clean_fragment(frag: str) -> str:
    """Trim spaces and stray marks; drop a trailing comma, semicolon or colon, keep . and ?."""
    frag = frag.strip().strip(MARKS).strip()
    while frag and frag[-1] in _TRIM_TAIL:
        frag = frag[:-1].rstrip()
    return frag
