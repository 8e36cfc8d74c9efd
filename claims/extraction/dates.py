"""Date expressions normalised against the publication date.

One compiled regex finds candidate expressions in a single left-to-right pass; each candidate is then
checked against its immediate context (is "2000" a year or a count? is "May" a month or a name?) and
resolved to an ISO value. Adjacent candidates joined by "to", "-" or "between ... and" become ranges.

Conventions (they follow the annotation rules of the evaluation set):

* ``text`` is the minimal expression: "Friday", "2003" (from "since 2003"), "December" (from "in
  December"), "October of this year", "June 9, 2014", "October 3-4".
* A bare weekday is the latest such day on or before publication; when the nearest verb is future
  ("will meet on Tuesday") it is the first such day on or after publication. "last Friday" is strictly
  before publication, "next Friday" strictly after.
* A month or day without a year takes the year that puts it in the past when the clause is past tense,
  in the future when it is future tense, and otherwise the year that puts it nearest to publication.
* "this/last/next year" and "this/last/next month" resolve to ``YYYY`` and ``YYYY-MM``.
* "mid-2015", "early 2015", "late 2015" give the year 2015 (text "2015"); "mid-December" the month.
* "the current (fiscal) year" and "this fiscal year" are this year; years in words ("nineteen
  ninety-six", "the year two thousand and one") are years.
* Holidays are days from their rule (fixed days, the n-th weekday of a month for the United States'
  holidays, Easter by the Gregorian computus and the days counted from it), their year chosen like a
  month's. A bare weekday after "is expected" looks forward; "predicted/expected Monday" right before
  the day is a past verb.
* Expressions that count from the time last named: "the following year", "later that year", "the
  previous month" take the last date written with its year before them (searched back a bounded
  stretch of text, stopping at another such expression); "a year earlier" counts from a date earlier in
  its sentence, else from the time last named, else (and always after a comparison word, "up from a
  year earlier", and in "year-ago"/"year-earlier") from publication. Without an anchor nothing is
  guessed.
* A month or day without a year placed by a past verb through its preposition ("voted in January")
  stays in the past up to a year back; other tense cues decide only within nine months.
* A deadline ("by February", "through January", "effective June 1") is placed by nearness, not by a
  past tense in its clause.
* Offsets from publication and calendar weeks take TimeML's precision: "two years ago" is a year
  (``YYYY``), "three months ago" a month, "two weeks ago" and "last/this/next week" an ISO week
  (``YYYY-Www``), "ten days ago" a day; "a year from now" counts forward. "N years later" counts
  forward from the time last named ("The mill opened in 1990. Two years later ..."), "N years
  earlier" like "a year earlier".
* Dates in figures: "2015-09-09"; "9/12/2015" month first unless the first number is over 12 ("25/11/2015");
  "06.12.2023" day first (the dotted style of day-first countries) unless the second number is over 12;
  "2023.12.06" year first.
* A season or fiscal year written with a slash ("2021/22", "FY2023/24") is a range of two consecutive
  years; "in '98" is the year with those last two digits nearest publication (after a preposition only).
* "every December", "each June" are sets, no date; "a week from Tuesday" counts from the coming Tuesday.
* Left out on purpose: times of day, durations ("three years", "the past year", "the last week"),
  seasons ("last summer"), decades ("the 1990s": a decade is not a day, month or year) and vague
  expressions ("a few years ago", "the end of the year", "the day before"): they have no exact value.
* Without a publication date only absolute dates are returned (a year, a month with a year, a full
  date); anything that needs an anchor ("Friday", "last year", "March 4") is skipped rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from .lexicon import SPEECH_VERBS, TITLE_ABBREVIATIONS, TITLES
from .temporal_lexicon import (
    AMBIGUOUS_MONTHS,
    ANAPHORIC_SHIFTS,
    BASE_FORM_BEFORE,
    BE_FORMS,
    CLAUSE_TAKING_PASTS,
    COMPARISON_WORDS,
    DAY_PARTS,
    DEADLINE_VERBS,
    DURATION_PREPOSITIONS,
    EASTER_HOLIDAYS,
    EVENT_NAME_PREPOSITIONS,
    FIXED_HOLIDAYS,
    FORWARD_PREPOSITIONS,
    FUTURE_BEFORE_TO,
    FUTURE_CUES,
    IRREGULAR_COUNT_NOUNS,
    IRREGULAR_PARTICIPLES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAMED_DAYS,
    NOT_FORWARD_AFTER_MODAL,
    NOT_FUTURE_PAIRS,
    NOT_PAST_ED,
    NOT_PROSPECTIVE_BEFORE_TO,
    NOUN_MARKERS,
    NTH_WEEKDAY_HOLIDAYS,
    NUMBER_WORDS,
    OBJECT_STOPS,
    OUTCOME_NOUNS,
    OUTCOME_PENDING_VERBS,
    PAST_AUXILIARIES,
    PAST_EVENT_PREPOSITIONS,
    PAST_PREPOSITIONS,
    PLAN_AFTER_PAST_AUXILIARY,
    PLAN_BEFORE_TO,
    PLAN_NOUNS,
    PLANNED_PROGRESSIVES,
    POSSESSIVES,
    POSSIBILITY_MODALS,
    PRESENT_LINKING_VERBS,
    PRESENT_OR_FUTURE_BEFORE_VERB,
    QUANTITY_PREFIXES,
    RECURRENCE_WORDS,
    SAME_FORM_PASTS,
    SCHEDULED_EVENT_NOUNS,
    SCHEDULED_PRESENT,
    SCHEDULING_VERBS,
    SEASONAL_HOLIDAYS,
    SPELLED_CENTURIES,
    SUB_YEAR_PERIODS,
    TEMPORAL_PREPOSITIONS,
    THANKSGIVING_HOLIDAYS,
    TITLE_DAY_PARTS,
    TITLE_NEWS_WORDS,
    UNIT_WORDS,
    VERSION_WORDS,
    WEEKDAY_ANAPHORIC_PREFIXES,
    WEEKDAY_HOLIDAY_PREFIXES,
    WEEKDAY_ORDINALS,
    WEEKDAYS,
    YEAR_FOLLOWERS_ENDING_IN_S,
)
from .types import DateMention, Granularity

__all__ = ["find_dates"]


def _cased(words: object) -> str:
    """Title-case and upper-case spellings only: "may" and "march" in lower case are verbs."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}  # type: ignore[attr-defined]
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH_FULL = rf"(?:{_cased(MONTHS)})(?![\w-])"
# An abbreviation needs a day or a year after it, so its optional period can never be a full stop.
_MONTH_ANY = rf"(?:{_cased(MONTHS)}|(?:{_cased(MONTH_ABBREVIATIONS)})\.?)(?![\w-])"
_WEEKDAY = rf"(?:{_cased(WEEKDAYS)})(?![\w-])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.,:]\d)"
_YEAR = r"(?:1\d{3}|20\d{2})(?![\d%]|[.,:]\d)"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "nineteen ninety-six", "twenty ten", "nineteen oh five"; "two thousand (and) one" after "the year"
_SPELLED = (
    rf"(?i:(?:nineteen|twenty)[\s-]+(?:oh[\s-]+(?:{_UNITS_W})|{_TEENS_W}|(?:{_TENS_W})(?:[\s-]+(?:{_UNITS_W}))?)"
    rf"|(?<=year )two\s+thousand(?:[\s-]+(?:and\s+)?(?:{_TEENS_W}|{_UNITS_W}))?)(?![\w-])"
)
_HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Valentine['’]s\s+Day|Halloween"
    r"|Fourth\s+of\s+July"
    r"|Veterans['’]?\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day"
    r"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday"
    r"|(?:St\.?|Saint)\s+Patrick['’]s\s+Day|(?:Bastille|Canada|Australia|Anzac|Remembrance|Armistice|Columbus)\s+Day"
    r"|Juneteenth|Guy\s+Fawkes\s+(?:Night|Day)|Presidents['’]?\s+Day|President['’]s\s+Day|Father['’]s\s+Day"
    r"|Ash\s+Wednesday|Palm\s+Sunday|Maundy\s+Thursday|Pentecost(?:\s+Sunday)?|Whit\s+(?:Sunday|Monday)"
    r"|Ascension\s+Day|May\s+Day|Black\s+Friday|Cyber\s+Monday)(?![\w-])"
)
# A count written in figures or words: "a", "two", "eleven", "twenty-five", "40" (not "a few": no exact value)
_COUNT = rf"(?:\d{{1,2}}(?!\d)|an?|{_TEENS_W}|(?:{_TENS_W})(?:[\s-](?:{_UNITS_W}))?|{_UNITS_W})"
_DASH = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*"
_REL = r"(?i:\b(?:this|last|next)\b)"

# The leading boundary and first-character test let the engine skip most positions without trying
# every alternative (three times faster on running text).
_PATTERN = re.compile(
    r"(?:(?<=\s)(?=['’]\d\d)|\b(?=[\dJFMASONDTWYLjfmasodtwyl]|next\b|earlier\b|nineteen\b|N(?:ineteen|ext)\b|[eE](?:ight|leven)|nine"
    r"|Christmas|Boxing|Valentine|Veterans|Halloween|Good\s|Easter|Election|FY|Black\s|Cyber\s"
    r"|Bastille|Canada\sDay|Remembrance|Guy\s|Presidents?['’\s]|Columbus\sDay|P(?:alm|entecost)))(?:"
    + "|".join(
        [
            # 2015-09-09 (ISO) and 9/9/2015 (numeric, month first unless the first number cannot be one)
            r"(?P<iso>(?<![\w.\-/])(?P<iso_y>1\d{3}|20\d{2})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
            r"(?![\d\-/]))",
            r"(?P<num>(?<![\w.\-/])(?P<num_a>[0-3]?\d)/(?P<num_b>[0-3]?\d)/(?P<num_y>1\d{3}|20\d{2})(?![\d/]))",
            # 06.12.2023 (dotted: day first unless the second number cannot be a month) and 2023.12.06
            r"(?P<dot>(?<![\w.\-/,])(?:(?P<dot_a>[0-3]?\d)\.(?P<dot_b>[0-3]?\d)\.(?P<dot_y>1\d{3}|20\d{2})"
            r"|(?P<dot_y2>1\d{3}|20\d{2})\.(?P<dot_m2>[01]?\d)\.(?P<dot_d2>[0-3]?\d))(?![\w\-/]|[.,]\d))",
            # [Friday,] March 4[-7][, 2011]
            rf"(?P<mdy>(?:(?P<mdy_wd>{_WEEKDAY}),?\s+)?(?P<mdy_m>{_MONTH_ANY})\s*(?P<mdy_d>{_DAY})"
            rf"(?:(?:{_DASH}|\s+and\s+)(?:(?P<mdy_m2>{_MONTH_ANY})\s*)?(?P<mdy_d2>{_DAY}))?(?:,?\s+(?P<mdy_y>{_YEAR}))?)",
            # [Friday,] 9[-10] [of] September[, 2015]
            rf"(?P<dmy>(?:(?P<dmy_wd>{_WEEKDAY}),?\s+)?(?<![\w.,$£€#/])(?P<dmy_d>{_DAY})"
            rf"(?:(?:{_DASH}|\s+and\s+)(?P<dmy_d2>{_DAY}))?"
            rf"\s+(?:of\s+)?(?P<dmy_m>{_MONTH_ANY})(?:,?\s+(?P<dmy_y>{_YEAR}))?)",
            # September 2021, December of 2004, October of this year, December last year, May of that year
            rf"(?P<my>(?P<my_m>{_MONTH_ANY}),?\s+(?:of\s+)?(?:(?<![\w.,$£€#/])(?P<my_y>{_YEAR})"
            rf"|(?P<my_rel>(?i:this|last|next))\s+(?i:year)\b|(?P<my_sy>{_SPELLED})"
            r"|(?P<my_ana>(?i:that|the\s+(?:same|following|next|previous|preceding|prior)))\s+(?i:year)\b))",
            # the first Monday of April, the last Friday in June 2025
            rf"(?P<nth>(?P<nth_o>(?i:first|second|third|fourth|last))\s+(?P<nth_d>{_WEEKDAY})\s+(?:of|in)\s+"
            rf"(?P<nth_m>{_MONTH_FULL})(?:,?\s+(?P<nth_y>{_YEAR}))?)",
            # Thanksgiving Day, last Christmas, Easter 2016 (before the months: "May Day" is no month)
            rf"(?P<hol>(?:(?P<hol_rel>{_REL})\s+)?(?P<hol_n>{_HOLIDAY})(?:,?\s+(?P<hol_y>{_YEAR}))?)",
            # [last|next|this] December
            rf"(?P<mon>(?:(?P<mon_rel>{_REL})\s+)?(?P<mon_m>{_MONTH_FULL}))",
            # [last|next|this] Friday
            rf"(?P<wd>(?:(?P<wd_rel>{_REL})\s+)?(?P<wd_d>{_WEEKDAY}))",
            r"(?P<relday>(?i:\b(?:yesterday|today|tomorrow)\b))",
            r"(?P<relunit>(?i:\b(?P<ru_rel>this|last|next|the\s+current)\s+(?:(?:fiscal|financial|calendar)\s+)?"
            r"(?P<ru_unit>year|month)\b|\b(?P<rw_rel>this|last|next)\s+week\b))",
            # two years ago, three months ago, ten days ago, a year from now: counted from publication
            rf"(?P<ago>(?i:(?P<ago_n>{_COUNT})\s+(?P<ago_u>year|month|week|day)s?\s+(?:ago|(?P<ago_fw>from\s+now))\b))",
            # 2003, 2000 - 2050, 1980 to 2012, 2015-16, 2022/23 (a season or fiscal year over two years)
            rf"(?P<yr>(?<![\w$£€¥#.,/])(?<!\d-)(?P<yr_y>{_YEAR})(?!s\b)"
            rf"(?:(?:{_DASH}|/)(?P<yr_y2>{_YEAR}|\d\d(?!\d))(?!s\b))?)",
            # a year earlier, the following month, later that year, year-earlier / year-ago (profits)
            # the next day, two days later, later that day, the following morning, that same day
            r"(?P<ana>(?i:(?:earlier|later)\s+(?:that|the\s+same)\s+(?P<ana_u1>year|month|day)"
            r"|the\s+(?P<ana_dir>following|next|previous|preceding|prior)\s+(?P<ana_u2>year|month|day"
            r"|morning|afternoon|evening|night)"
            rf"|that\s+(?P<ana_u3>year|month)|(?P<ana_n>{_COUNT})\s+(?P<ana_u4>year|month|day)s?\s+(?P<ana_off>earlier|later)"
            r"|(?:that|the)\s+same\s+(?P<ana_u6>day)"
            r"|(?P<ana_u5>year)-(?:earlier|ago))(?![\w-]))",
            rf"(?P<spy>{_SPELLED})",
            # FY2015, FY 2015, FY15: a fiscal year by the calendar year it is named after
            # FY2023/24, FY23-24: a fiscal year over two calendar years, a range like "2023/24"
            r"(?P<fy>(?<![\w-])FY\s?(?P<fy_y>(?:19|20)\d\d|\d\d)(?:[/-](?P<fy_y2>(?:19|20)\d\d|\d\d))?(?![\w-]|/\d))",
            # in '98, the class of '05: a year by its last two digits after a preposition
            r"(?P<apo>(?<=\s)['’](?P<apo_y>\d\d)(?![\w'’%-]|[.,]\d))",
        ]
    )
    + ")"
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PREV_WORD = re.compile(r"([^\W\d_]+)['’]?s?[\s,-]*$")
# A starting point named through a preposition ("starting in October", "beginning from May 1") or a
# deadline hedged ("until at least Friday").
_STARTING_IN = re.compile(
    r"\b(?:(?:starting|beginning|effective)\s+(?:in|from|on)|(?:until|till|through)\s+at\s+least)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([%\w]+)")
_CONNECTOR = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_COUNT_SUFFIXES = IRREGULAR_COUNT_NOUNS
_SINGULAR_S_ENDINGS = ("ss", "sis", "us", "ics")  # "a 2009 analysis", "the 2010 census", "2012 politics"
_TENSE_HORIZON_MONTHS = 9
_FUTURE_HORIZON_MONTHS = 12
_WINDOW = 200  # characters of context looked at around a date
# Clause edges for tense cues; ``/'' are the ASCII quotes of older wire copy, ". " a missed sentence end.
_CLAUSE_BREAKS = ("\n", ",", ";", ":", "(", ")", '"', "“", "”", "``", "''", "—", " -- ", ". ", "? ", "! ")


@dataclass(slots=True)
class _Atom:
    """A recognised expression before it becomes a DateMention; ``y`` is None until a year is known."""

    start: int
    end: int
    y: int | None
    m: int | None = None
    d: int | None = None
    gran: Granularity = "day"
    end_ymd: tuple[int | None, int | None, int | None] | None = None
    weekday: int | None = None
    absolute: bool = True  # written out (can be part of a range), not "today" or "last year"


class _Sentence:
    """The span being searched, with lazily computed tense cues."""

    def __init__(self, text: str, start: int, end: int, published: date | None) -> None:
        self.text, self.start, self.end, self.published = text, start, end, published
        self._cues: list[tuple[int, int, int]] | None = None
        self._word_starts: list[int] = []
        self._cue_positions: list[int] = []
        # word indices of cues that reach forward only: possibility modals, infinitives of plan nouns
        self._modal_cues: set[int] = set()
        # word indices of future cues opening a relative clause ("Ford, which holds a stake"): they place
        # no date before them
        self._relative_cues: set[int] = set()
        self._trail: int | None = None  # where a closing attribution begins
        self._trail_known = False

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD.search(self.text, max(self.start, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos, min(self.end, pos + 40))
        return m.group(1) if m else ""

    def cues(self) -> list[tuple[int, int, int]]:
        """(position, word index, +1 future / -1 past) for every tense cue of the sentence."""
        if self._cues is None:
            found = [(m.start(), m.group()) for m in _WORD.finditer(self.text, self.start, self.end)]
            words = [w.lower() for _, w in found]
            self._word_starts = [pos for pos, _ in found]
            cues: list[tuple[int, int, int]] = []
            for i, (pos, written) in enumerate(found):
                w = words[i]
                prev = words[i - 1] if i else ""
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if (w, nxt) in NOT_FUTURE_PAIRS:
                    continue  # "soon after Sunday's storm", "coming off a sharp speech Thursday"
                if w in PLAN_NOUNS and nxt == "to" and (prev in NOUN_MARKERS or prev.endswith(("'s", "’s"))):
                    # "the government's plan to raise the age": a noun; its infinitive looks forward only
                    # to a date after it, like a modal of possibility
                    cues.append((pos, i, 1))
                    self._modal_cues.add(i)
                    continue
                if (
                    w in FUTURE_CUES
                    or w.endswith(("'ll", "’ll"))
                    or (w in FUTURE_BEFORE_TO and (nxt == "to" or (nxt == "for" and w == "set")))  # not "plans for"
                    or (w in {"is", "are", "am"} and nxt in {"to", "going"})  # "is to begin"
                    or (w == "due" and prev in {"is", "are", "am"})  # "the verdict is due Tuesday"
                    # a present progressive of a planned activity: "the leaders are meeting on Friday"
                    or (w in PLANNED_PROGRESSIVES and prev in {"is", "are", "am"})
                    # "was due to be sentenced Friday", "were due to resume Monday" (not "was due to rain")
                    or (
                        w == "due"
                        and prev in {"was", "were"}
                        and nxt == "to"
                        and i + 2 < len(words)
                        and (words[i + 2] == "be" or words[i + 2] in SCHEDULED_PRESENT)
                    )
                    # "a ruling is expected Monday", "more rain is forecast for Wednesday"
                    or (w in {"expected", "forecast", "predicted", "projected"} and prev in {"is", "are", "am"})
                    # told in the past: "a ruling was expected Monday", "the minister was expected in Keld"
                    or (w == "expected" and prev in {"was", "were"} and nxt != "to")
                    # reported speech shifts it back: "forecasters said more rain was expected until Friday"
                    or (
                        w in {"expected", "forecast", "predicted", "projected"}
                        and prev in {"was", "were"}
                        and any(words[k] in SPEECH_VERBS for k in range(max(0, i - 12), i - 1))
                    )
                    or (
                        # "the fiscal year that begins July 1": "that" is a relative pronoun before a verb
                        w in SCHEDULED_PRESENT
                        and (prev not in NOUN_MARKERS or (prev == "that" and w.endswith("s")))
                        and prev != "to"
                        and not prev.endswith("'s")
                    )
                    or (written[0].islower() and _prospective_passive(words, i))
                ):
                    cues.append((pos, i, 1))
                    if prev in {"which", "who"}:
                        self._relative_cues.add(i)
                elif w in POSSIBILITY_MODALS and written[0].islower() and nxt not in NOT_FORWARD_AFTER_MODAL:
                    cues.append((pos, i, 1))
                    self._modal_cues.add(i)
                elif prev in {"be", "to"}:
                    continue  # "will be held", "to be published": the modal before decides
                elif w in {"was", "were"} and _plan_follows(words, i):
                    continue  # "were scheduled to resume", "was due to be sentenced": a plan still ahead
                elif w in SAME_FORM_PASTS and (prev in BASE_FORM_BEFORE or prev in PRESENT_LINKING_VERBS):
                    continue  # "will put", "would set", "and cut": a base form; "remain shut": a state
                elif (
                    w in SAME_FORM_PASTS
                    and (prev in NOUN_MARKERS or (i >= 2 and words[i - 2] in NOUN_MARKERS))
                    and (not nxt or nxt in TEMPORAL_PREPOSITIONS or nxt in {"of", "for", "to", "and", "or"})
                ):
                    continue  # "a rate cut on Monday", "the first hit of the day": a noun without an object
                elif (prev in {"is", "are", "am"} or prev in PRESENT_LINKING_VERBS) and w.endswith("ed"):
                    continue  # "are compounded by": a present passive; "will stay closed": a state
                elif (
                    w in PAST_AUXILIARIES
                    or (
                        # a capitalised -ed word is as often a name ("Mohamed", "Reed") as a verb
                        len(w) > 4
                        and w.endswith("ed")
                        and w not in NOT_PAST_ED
                        and written[0].islower()
                        and not w.startswith("un")  # "untouched", "unchanged": adjectives
                        # "a contested convention": an adjective ("that included" is a relative clause)
                        and (prev not in NOUN_MARKERS or prev == "that")
                    )
                    or (
                        # "expected", "predicted" are adjectives or passives as a rule ("the expected
                        # rise", "is predicted to"), but a past verb right before its weekday: "the
                        # minister predicted Monday that prices would fall"
                        w in NOT_PAST_ED
                        and w.endswith("ed")
                        and written[0].islower()
                        and prev not in BE_FORMS
                        and (nxt in WEEKDAYS or (nxt == "on" and i + 2 < len(words) and words[i + 2] in WEEKDAYS))
                    )
                ):
                    cues.append((pos, i, -1))
            self._cues = cues
            self._cue_positions = [pos for pos, _, _ in cues]
        return self._cues

    def tense(self, start: int, end: int) -> int:
        """+1 future, -1 past, 0 unknown: the nearest cue in the same clause wins, else the nearest one.

        The clause matters in "will host it on December 6-7, she said": "said" is closer but belongs to
        the attribution, not to the event that the date places. Distances are in words; on a tie the
        cue before the date wins ("said Friday it would ...")."""
        if self.prev_word(start).lower() in PAST_PREPOSITIONS:
            return -1
        cues = self.cues()
        if not cues:
            return 0
        # "announced on Monday he would ...", "Asked on Friday whether she would ...": the date belongs to
        # the reporting verb right before it, so a tense cue after the date (in the report) says nothing.
        before_only = self._reported_by(start)
        first = bisect_left(self._word_starts, start)
        after = bisect_left(self._word_starts, end)
        # Everything is looked up within a window around the date, so a run-on "sentence" of a megabyte
        # (no punctuation) stays linear: a clause or a tense cue further away says nothing anyway.
        text = self.text
        win_lo, win_hi = max(self.start, start - _WINDOW), min(self.end, end + _WINDOW)
        lo = max(win_lo, *(text.rfind(c, win_lo, start) for c in _CLAUSE_BREAKS))
        hi = min((i for c in _CLAUSE_BREAKS if (i := text.find(c, end, win_hi)) >= 0), default=win_hi)
        # "is due to announce before the Sunday cutoff that it sold more": a clause reported after
        # the date ("that" or "whether" and a pronoun subject) says nothing about the date's event.
        report = _REPORTED_CLAUSE.search(text, end, hi)
        if report is not None:
            hi = win_hi = report.start()
        # "Voters head to the polls in June, officials said.": the date lies inside the reported clause,
        # so the past of the attribution trailing the sentence does not place it ("On Thursday, officials
        # said." keeps it: a date with no clause of its own belongs to the report).
        trail = self._trailing_report()
        if trail is not None and end <= trail and _clause_has_words(text, lo, start, end, hi):
            win_hi = min(win_hi, trail)
        positions = self._cue_positions
        for scope_lo, scope_hi in ((lo, hi), (win_lo, win_hi)):
            in_scope = [
                ((first - k, 0) if k < first else (k - after + 1, 1), sign)
                for pos, k, sign in cues[bisect_left(positions, scope_lo) : bisect_left(positions, scope_hi)]
                if not start <= pos < end
                and not (before_only and pos >= end)
                # 'could peak on Saturday': a modal of possibility dates only the verb phrase it opens
                and (k not in self._modal_cues or 0 < first - k <= _MODAL_REACH)
                and not (k in self._relative_cues and pos >= end)
            ]
            if in_scope:
                return min(in_scope)[1]
        return 0

    def _trailing_report(self) -> int | None:
        """Where an attribution closing the sentence begins: ", officials said.", ", Ann Lee, a
        spokeswoman, told reporters on Friday.", ", said Ann Lee." A past verb of saying among the first
        words of one of the last three comma-separated parts, with a short tail after it that opens no
        clause ("that", a modal); the parts after it (appositions) hold no tense cue."""
        if self._trail_known:
            return self._trail
        self._trail_known = True
        text, lo = self.text, max(self.start, self.end - _WINDOW)
        cut = self.end
        for _ in range(3):
            comma = text.rfind(",", lo, cut)
            if comma < 0:
                break
            words = [w.lower() for w in _WORD.findall(text, comma + 1, cut)]
            verb = next((j for j, w in enumerate(words[:7]) if _past_speech_form(w)), None)
            if verb is not None:
                tail = words[verb + 1 :]
                if len(tail) <= 7 and not any(w in _TRAIL_STOPS or w in FUTURE_CUES for w in tail):
                    self._trail = comma
                break
            if any(w in FUTURE_CUES or w in PAST_AUXILIARIES or w in _FINITE_BE for w in words):
                break
            cut = comma
        return self._trail

    def _reported_by(self, start: int) -> bool:
        """Is the word before the date (or before its "on") a past or -ing form of a verb of saying?"""
        prev = self.prev_word(start)
        if prev.lower() == "on":
            prev = self.prev_word(self.text.rfind(prev, max(self.start, start - 40), start))
        return _past_speech_form(prev.lower())


def _past_speech_form(w: str) -> bool:
    """A past or -ing form of a verb of saying ("said", "told", "announcing"), not its present."""
    lemma = SPEECH_VERBS.get(w)
    return lemma is not None and w not in {lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"}


# Words that open a clause after the verb of a closing attribution: it reports more than it attributes.
_TRAIL_STOPS = frozenset({"that", "whether", "if", "and", "but", "because", "when", "after", "before", "as"})
_FINITE_BE = frozenset({"is", "are", "am", "was", "were"})


def _clause_has_words(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Does the date's clause hold at least three words besides the date ("Voters head to the polls in
    June"), so that it is a clause of its own and not a fronted adverbial ("On Thursday,")?"""
    return len(_WORD.findall(text, lo, start)) + len(_WORD.findall(text, end, hi)) >= 3


def _plan_follows(words: list[str], i: int) -> bool:
    """Does a word of planning follow the auxiliary at i: "were scheduled", "was expected to", "was set for",
    "was due to"? The auxiliary then tells a plan that still lies ahead, not a past event."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    after = words[i + 2] if i + 2 < len(words) else ""
    return (
        nxt in PLAN_AFTER_PAST_AUXILIARY
        or nxt == "expected"
        or ((nxt in FUTURE_BEFORE_TO or nxt in PLAN_BEFORE_TO) and after == "to")
        or (nxt == "set" and after == "for")
    )


def _prospective_passive(words: list[str], i: int) -> bool:
    """ "an address to be delivered Wednesday", "the results, to be published in May": an infinitive
    passive looks forward, unless a verb of seeming or report governs it ("used to be called", "is said to
    be based") or a past "was" ("was to be signed")."""
    w = words[i]
    return (
        i >= 2
        and words[i - 1] == "be"
        and words[i - 2] == "to"
        and (words[i - 3] if i >= 3 else "") not in NOT_PROSPECTIVE_BEFORE_TO
        and (w in IRREGULAR_PARTICIPLES or (len(w) > 4 and w.endswith(("ed", "en"))))
    )


_REPORTED_CLAUSE = re.compile(r"\b(?:that|whether)\s+(?:it|he|she|they|we|I|you|there)\b", re.IGNORECASE)


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """Dates inside text[start:end] (the whole document is given for context)."""
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return []
    sent = _Sentence(text, start, end, published)
    atoms = [a for m in _PATTERN.finditer(text, start, end) if (a := _atom(m, sent)) is not None]
    _order_weekday_pairs(atoms, sent)
    out: list[DateMention] = []
    for atom in _merge_ranges(atoms, text):
        mention = _resolve(atom, sent)
        if mention is not None:
            out.append(mention)
    return out


# Between two weekdays of a list: "Thursday and Friday", "10 p.m. Monday until 6 a.m. Tuesday"
_WEEKDAY_LIST_GAP = re.compile(
    r"\s*(?:-|–|—|to|through|until|till|and|or)\s*(?:[\d:.]+\s*(?:[ap]\.?m\.?)?\s*)?", re.IGNORECASE
)


def _order_weekday_pairs(atoms: list[_Atom], sent: _Sentence) -> None:
    """ "on Thursday and Friday", "Monday to Wednesday": two bare weekdays joined in a list, the second at
    most four days after the first, follow each other within a week. When placed apart (publication falls between them), a past clause moves the
    first back a week ("schools closed on Thursday and Friday" in a Thursday article), any other the
    second forward ("the summit is on Thursday and Friday")."""
    for a, b in pairwise(atoms):
        if a.weekday is None or b.weekday is None or a.absolute or b.absolute or a.y is None or b.y is None:
            continue
        if not _WEEKDAY_LIST_GAP.fullmatch(sent.text, a.end, b.start):
            continue
        first, second = date(a.y, a.m or 1, a.d or 1), date(b.y, b.m or 1, b.d or 1)
        if second >= first or (b.weekday - a.weekday) % 7 > 4:
            continue  # in order, or named out of order ("statements made Friday and Thursday")
        if sent.tense(a.start, a.end) < 0:
            first -= timedelta(days=7)
            a.y, a.m, a.d = first.year, first.month, first.day
        else:
            second += timedelta(days=7)
            b.y, b.m, b.d = second.year, second.month, second.day


# --- recognising -------------------------------------------------------------------------------------


def _month(word: str) -> int:
    w = word.rstrip(".").lower()
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def _day(word: str) -> int:
    return int(word.rstrip("stndrh"))


def _atom(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    kind = m.lastgroup
    s, e = m.span()
    g = m.group
    if kind == "iso":
        return _valid(_Atom(s, e, int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))))
    if kind == "num":
        a, b = int(g("num_a")), int(g("num_b"))
        mo, d = (a, b) if a <= 12 else (b, a)
        return _valid(_Atom(s, e, int(g("num_y")), mo, d))
    if kind == "dot":
        prev = sent.prev_word(s)
        if prev.lower() in VERSION_WORDS or (prev[:1].isupper() and not _sentence_initial(sent, s)):
            return None  # "version 1.2.2023", "Firefox 3.10.2020": a version number
        if g("dot_y2"):
            return _valid(_Atom(s, e, int(g("dot_y2")), int(g("dot_m2")), int(g("dot_d2"))))
        a, b = int(g("dot_a")), int(g("dot_b"))
        d, mo = (a, b) if b <= 12 else (b, a)
        return _valid(_Atom(s, e, int(g("dot_y")), mo, d)) if d and mo else None
    if kind == "mdy":
        m1 = _month(g("mdy_m"))
        y = int(g("mdy_y")) if g("mdy_y") else None
        end_ymd = None
        if g("mdy_d2"):
            end_ymd = (y, _month(g("mdy_m2")) if g("mdy_m2") else m1, _day(g("mdy_d2")))
        wd = WEEKDAYS[g("mdy_wd").lower()] if g("mdy_wd") else None
        if y is None and not end_ymd:
            y = _named_day_year(m1, _day(g("mdy_d")), sent.next_word(e))
        return _valid(_Atom(s, e, y, m1, _day(g("mdy_d")), "day", end_ymd, wd))
    if kind == "dmy":
        m1 = _month(g("dmy_m"))
        y = int(g("dmy_y")) if g("dmy_y") else None
        end_ymd = (y, m1, _day(g("dmy_d2"))) if g("dmy_d2") else None
        wd = WEEKDAYS[g("dmy_wd").lower()] if g("dmy_wd") else None
        return _valid(_Atom(s, e, y, m1, _day(g("dmy_d")), "day", end_ymd, wd))
    if kind == "my":
        m1 = _month(g("my_m"))
        if (g("my_rel") or g("my_ana")) and g("my_m").lower() in AMBIGUOUS_MONTHS:
            prev = sent.prev_word(s)
            if prev[:1].isupper() and not _sentence_initial(sent, s):
                return None  # a name: "Ann May last year said", "met Theresa May that year"
        if g("my_y"):
            return _Atom(s, e, int(g("my_y")), m1, gran="month")
        if g("my_sy"):
            return _Atom(s, e, _spelled_year(g("my_sy")), m1, gran="month")
        if g("my_ana"):
            # "October of that year", "in May the following year": the year last named, shifted
            anchor = _anchor_before(sent, 0, s, "year")
            if anchor is None:
                return None
            shift = ANAPHORIC_SHIFTS.get(g("my_ana").split()[-1].lower(), 0)
            return _Atom(s, e, anchor[0] + shift, m1, gran="month", absolute=False)
        if sent.published is None:
            return None
        shift = {"this": 0, "last": -1, "next": 1}[g("my_rel").lower()]
        return _Atom(s, e, sent.published.year + shift, m1, gran="month")
    if kind == "nth":
        return _nth_weekday(m, sent)
    if kind == "mon":
        return _bare_month(m, sent)
    if kind == "wd":
        return _weekday(m, sent)
    if kind == "relday":
        if sent.published is None:
            return None
        if g("relday")[0].isupper() and _after_a_word(sent, s):
            return None  # a name: "USA Today", "NBC's “Today” show"
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g("relday").lower()]
        day = sent.published + timedelta(days=shift)
        return _Atom(s, e, day.year, day.month, day.day, absolute=False)
    if kind == "relunit":
        if g("rw_rel"):
            return _relative_week(m, sent)
        rel = g("ru_rel").lower()
        if sent.published is None or (
            rel != "the current" and sent.prev_word(s).lower() in {"the", "a", "an", "over", "within"}
        ):
            return None  # "the last year", "over the next month": durations
        shift = {"this": 0, "last": -1, "next": 1}.get(rel, 0)
        pub = sent.published
        if g("ru_unit").lower() == "year":
            return _Atom(s, e, pub.year + shift, gran="year", absolute=False)
        months = pub.year * 12 + pub.month - 1 + shift
        return _Atom(s, e, months // 12, months % 12 + 1, gran="month", absolute=False)
    if kind == "yr":
        return _year(m, sent)
    if kind == "spy":
        return _spelled(m, sent)
    if kind == "fy":
        y = _full_year(int(g("fy_y")))
        atom = _Atom(s, e, y, gran="year")
        if g("fy_y2"):
            if _full_year(int(g("fy_y2"))) != y + 1:
                return None  # not two consecutive years: no fiscal year
            atom.end_ymd = (y + 1, None, None)
        return atom
    if kind == "apo":
        return _apostrophe_year(m, sent)
    if kind == "hol":
        return _holiday(m, sent)
    if kind == "ana":
        return _anaphoric(m, sent)
    if kind == "ago":
        return _ago(m, sent)
    return None


def _full_year(y: int) -> int:
    """A fiscal year's two digits: "FY15" is 2015, "FY98" 1998."""
    return y if y >= 100 else 2000 + y if y < 50 else 1900 + y


def _apostrophe_year(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "in '98", "the class of '05": the year with those last two digits nearest publication, only after a
    preposition of time or "of" (a quotation mark before a number is as often a quotation's start)."""
    if sent.published is None:
        return None
    prev = sent.prev_word(m.start()).lower()
    if prev not in TEMPORAL_PREPOSITIONS and prev != "of":
        return None
    yy, pub = int(m.group("apo_y")), sent.published.year
    y = min((c * 100 + yy for c in (pub // 100 - 1, pub // 100, pub // 100 + 1)), key=lambda c: abs(c - pub))
    return _Atom(m.start(), m.end(), y, gran="year")


def _nth_weekday(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "the first Monday of April": the month's year as for "in April" (tense, else nearness), then the day."""
    s, e = m.span()
    mo = _month(m.group("nth_m"))
    y = int(m.group("nth_y")) if m.group("nth_y") else _infer_year(_Atom(s, e, None, mo, gran="month"), sent)
    if y is None:
        return None
    target, n = WEEKDAYS[m.group("nth_d").lower()], WEEKDAY_ORDINALS[m.group("nth_o").lower()]
    if n > 0:
        first = date(y, mo, 1)
        day = first + timedelta(days=(target - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - target) % 7)
    if day.month != mo:
        return None
    return _Atom(s, e, y, mo, day.day)


def _named_day_year(month: int, day: int, following: str) -> int | None:
    """The year of a day that names an event ("the Sept. 11 attacks"), from the word after it."""
    year, words = NAMED_DAYS.get((month, day), (None, frozenset()))
    return year if following.lower() in words else None


def _count(words: str) -> int:
    """ "a" -> 1, "two" -> 2, "twenty-five" -> 25, "40" -> 40."""
    w = words.lower()
    if w.isdigit():
        return int(w)
    return sum(NUMBER_WORDS.get(part, 1) for part in re.split(r"[\s-]+", w))


def _shift(pub: date, n: int, unit: str, s: int, e: int) -> _Atom | None:
    """The year, month, ISO week or day ``n`` units after ``pub`` (before it when ``n`` < 0), at the
    precision TimeML gives such expressions: "two years ago" is a year, "two weeks ago" a week."""
    if unit == "year":
        return _Atom(s, e, pub.year + n, gran="year", absolute=False) if pub.year + n >= 1 else None
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 + n
        return _Atom(s, e, months // 12, months % 12 + 1, gran="month", absolute=False) if months >= 12 else None
    try:
        day = pub + timedelta(days=n * (7 if unit == "week" else 1))
    except OverflowError:
        return None
    return _Atom(s, e, day.year, day.month, day.day, "week" if unit == "week" else "day", absolute=False)


def _ago(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "two years ago", "three months ago", "six weeks ago", "ten days ago": back from publication;
    "two years from now" forward from it."""
    if sent.published is None:
        return None
    s, e = m.span()
    n = _count(m.group("ago_n"))
    return _shift(sent.published, n if m.group("ago_fw") else -n, m.group("ago_u").lower(), s, e)


def _relative_week(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "last week", "this week", "next week": the ISO week before, of or after publication ("the last
    week" and "over the next week" are stretches of seven days, not a calendar week)."""
    s, e = m.span()
    if sent.published is None or sent.prev_word(s).lower() in {"the", "a", "an", "over", "within"}:
        return None
    if m.group()[-4:-3] == "W" and m.group()[:1].isupper():
        return None  # a title: the programme "This Week", the column "Last Week"
    shift = {"this": 0, "last": -1, "next": 1}[m.group("rw_rel").lower()]
    return _shift(sent.published, shift, "week", s, e)


def _spelled_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "twenty oh five" -> 2005, "two thousand and one" -> 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in {"and", "oh"}]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS[w] for w in parts[2:])
    return SPELLED_CENTURIES[parts[0]] + sum(NUMBER_WORDS[w] for w in parts[1:])


def _spelled(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """A year written in words is a year unless a counted noun or a unit follows ("nineteen fifty dollars")."""
    s, e = m.span()
    nxt = sent.next_word(e)
    low = nxt.lower()
    plural = low.endswith("s") and not low.endswith(_SINGULAR_S_ENDINGS) and low not in YEAR_FOLLOWERS_ENDING_IN_S
    if low in UNIT_WORDS or low in {"dollars", "cents", "pounds", "euros", "percent"}:
        return None
    if nxt[:1].islower() and len(low) > 2 and (plural or low.endswith(_COUNT_SUFFIXES)):
        return None
    return _Atom(s, e, _spelled_year(m.group()), gran="year")


def _holiday_date(name: str, y: int) -> date:
    if name in FIXED_HOLIDAYS:
        mo, d = FIXED_HOLIDAYS[name]
        return date(y, mo, d)
    if name in EASTER_HOLIDAYS:
        return _easter(y) + timedelta(days=EASTER_HOLIDAYS[name])
    if name in THANKSGIVING_HOLIDAYS:
        return _holiday_date("thanksgiving", y) + timedelta(days=THANKSGIVING_HOLIDAYS[name])
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(y, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    mo, wd, n = NTH_WEEKDAY_HOLIDAYS[name]
    if n > 0:
        first = date(y, mo, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, mo + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(y, month, day + 1)


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _holiday(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "Thanksgiving Day", "last Christmas", "Easter 2016": a day found from the holiday's rule."""
    s, e = m.span()
    name = " ".join(m.group("hol_n").lower().replace("’", "'").split())
    name = re.sub(r"^(?:st\.?|saint) ", "st ", name).replace("veterans'", "veterans")
    name = name.replace("presidents'", "presidents").replace("president's", "presidents")
    rel = (m.group("hol_rel") or "").lower()
    if not rel:
        s = m.start("hol_n")
    following = sent.next_word(e)
    if not rel and not m.group("hol_y") and following[:1].isupper() and following.lower() not in _CALENDAR_WORDS:
        return None  # part of a name: "Easter Seals", "Christmas Island"
    if name in SEASONAL_HOLIDAYS and not rel and not m.group("hol_y"):
        prev = sent.prev_word(s).lower()
        if prev not in TEMPORAL_PREPOSITIONS or sent.next_word(e)[:1].islower():
            return None  # "Christmas shopping", "a Thanksgiving dinner"
    if m.group("hol_y"):
        day = _holiday_date(name, int(m.group("hol_y")))
        return _Atom(s, e, day.year, day.month, day.day)
    pub = sent.published
    if pub is None:
        return None
    days = [_holiday_date(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    past = max(d for d in days if d <= pub)
    future = min(d for d in days if d >= pub)
    if rel == "last":
        day = max(d for d in days if d < pub)
    elif rel == "next":
        day = min(d for d in days if d > pub)
    elif rel == "this":
        day = days[1]
    else:
        tense = sent.tense(s, e)
        near = past if (pub - past) <= (future - pub) else future
        day = past if tense < 0 else future if tense > 0 else near
    return _Atom(s, e, day.year, day.month, day.day, absolute=False)


_ANCHOR_WINDOW = 1500  # characters looked back for the date that "that year" or "the following year" refers to


def _anaphoric(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    """ "a year earlier", "the following year", "later that month": a shift from the time last named.

    The anchor is the last date with a year written before the expression, in the sentence for "a year
    earlier/later" (else the publication date: "profits fell from a year earlier"), within the text
    before for the others ("In 1995 ... The following year ..."); without one nothing is guessed."""
    s, e = m.span()
    g = m.group
    unit = (g("ana_u1") or g("ana_u2") or g("ana_u3") or g("ana_u4") or g("ana_u5") or g("ana_u6")).lower()
    if unit in DAY_PARTS:
        unit = "day"  # "the next morning" is the next day
    direction = (g("ana_dir") or "").lower()
    if direction == "next" and sent.prev_word(s).lower() in DURATION_PREPOSITIONS:
        return None  # "over the next year": a stretch of time
    if g("ana_u5") and sent.next_word(e).lower() in SUB_YEAR_PERIODS:
        return None  # "the year-ago quarter" is a quarter of last year, not the year
    if g("ana_u6") and sent.next_word(e).lower() in {"that", "as", "when"}:
        return None  # "on the same day that the footage emerged": the clause names the day, not a date before
    if g("ana_off") or g("ana_u5"):
        shift = ANAPHORIC_SHIFTS[(g("ana_off") or "earlier").lower()] * (_count(g("ana_n")) if g("ana_n") else 1)
        anchor = _anchor_before(sent, sent.start, s, unit)
        comparison = (
            g("ana_u5")  # "the year-ago quarter"
            or sent.prev_word(s).lower() in COMPARISON_WORDS
            or _COMPARED_AMOUNT.search(sent.text, max(sent.start, s - 60), s) is not None
        )
        near = max(sent.start, s - 200)  # bounded: a run-on 'sentence' of a megabyte stays linear
        birth_age = _BORN.search(sent.text, near, s) and _AGE_AT.search(sent.text, near, s)
        if anchor is None and (shift > 0 or not comparison) and not birth_age:
            # A story told from a date named before: "The mill opened in 1990. Two years later it burned",
            # "In 2019 the guild had 300 members. A year earlier it had 20". After a comparison word
            # ("up from a year earlier") the figure is compared with publication's year instead.
            anchor = _anchor_before(sent, 0, sent.start, unit)
        if anchor is None and shift < 0 and sent.published is not None:
            pub = sent.published
            anchor = (pub.year, pub.month, pub.day) if unit == "day" and comparison else (pub.year, pub.month, None)
    else:
        shift = ANAPHORIC_SHIFTS.get(direction, 0)
        anchor = _anchor_before(sent, 0, s, unit)
    if anchor is None:
        return None
    y, mo, d = anchor
    if unit == "day":
        if d is None:
            return None
        try:
            day = date(y, mo, d) + timedelta(days=shift)
        except (ValueError, OverflowError):
            return None
        if sent.published is not None and day > sent.published and sent.tense(s, e) < 0:
            return None  # "ahead of next Tuesday's vote. A day earlier, six were arrested": not that Tuesday
        return _Atom(s, e, day.year, day.month, day.day, absolute=False)
    if unit == "year":
        return _Atom(s, e, y + shift, gran="year", absolute=False)
    months = y * 12 + mo - 1 + shift
    return _Atom(s, e, months // 12, months % 12 + 1, gran="month", absolute=False)


# "up 15% from 4 pence a year earlier", "compared with $2.1 billion a year earlier": an amount compared
_COMPARED_AMOUNT = re.compile(
    r"\b(?:from|than|with|versus|vs\.?|against)\s+(?:about\s+|nearly\s+|roughly\s+)?[$£€¥#]?\d[\d.,]*"
    r"(?:\s*(?:%|[a-z]+)){0,2}\s+$",
    re.IGNORECASE,
)


def _anchor_before(sent: _Sentence, lo: int, hi: int, unit: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) of the last date written with its year (or whose year the context gives) in
    text[lo:hi]; the month must be known when the unit is a month. Relative expressions are not anchors,
    except for a day: "On Tuesday the minister landed in Varn. The next day she ..." counts from the
    Tuesday, and a later date coarser than a day ("in 2019") leaves the day unknown.

    The text is searched backwards in growing windows, and an anaphoric expression in between ends the
    search (no chains: "the following year ... that year"), so the cost per expression is bounded."""
    window_hi = hi
    day_unit = unit == "day"
    for size in _DAY_ANCHOR_WINDOWS if day_unit else (120, 480, _ANCHOR_WINDOW):
        window_lo = max(lo, hi - size)
        if window_lo >= window_hi:
            break
        window = _Sentence(sent.text, window_lo, window_hi, sent.published)
        best: tuple[int, int, int | None] | None = None
        blocked, best_end, birth = False, window_hi, False
        for m in _PATTERN.finditer(sent.text, window_lo, window_hi):
            if m.lastgroup == "ana":
                best, blocked = None, True
                continue
            # "Today, the race is ..." means nowadays as often as the day: no anchor
            if m.lastgroup in {"relunit", "relday"} or (not day_unit and m.lastgroup in {"wd", "hol"}):
                continue
            # a weekday is placed by the tense of its own sentence, not of the text after it
            atom = _atom(m, _own_sentence(window, m.start(), m.end()) if m.lastgroup == "wd" else window)
            if atom is None or (unit == "month" and atom.m is None):
                continue
            if day_unit and (
                atom.d is None or atom.end_ymd is not None or window.prev_word(m.start()).lower() in {"after", "before"}
            ):
                # "in 2019", "on May 3-5": no single day to count from; "eight days after Oct. 12. Three
                # days later": the day counted from is not the one written
                best, blocked = None, True
                continue
            y = atom.y if atom.y is not None else _infer_year(atom, window)  # "In March, ... The following month"
            if y is not None:
                best, blocked, best_end = (y, atom.m or 1, atom.d), False, m.end()
                birth = _BORN.search(sent.text, max(window_lo, m.start() - 60), m.start()) is not None
        if best is not None and birth and _AGE_AT.search(sent.text, best_end, hi) is not None:
            # "Born in 1939, she moved to Lisk at 17 and ... four years later": counted from the age, not
            # from the year of birth
            return None
        if best is not None or blocked:
            return best
        window_hi = window_lo
    return None


# An age at which something happened after a year of birth ('Born in 1939, he moved to the capital at 17',
# 'aged 20', 'at the age of 30'): a count of years after it starts from that age, not from the birth.
_BORN = re.compile(r"\bborn\b", re.IGNORECASE)
_AGE_AT = re.compile(
    r"\b(?:aged|at\s+(?:the\s+)?age\s+(?:of\s+)?)\s*\d{1,2}\b|\bat\s+\d{1,2}(?=\s*(?:[,.;)]|and\b|when\b))",
    re.IGNORECASE,
)


_DAY_ANCHOR_WINDOWS = (120, 480)  # "the next day" counts from a day named close before it


def _own_sentence(window: _Sentence, s: int, e: int) -> _Sentence:
    """The sentence of window's text around text[s:e] (". " ends one), inside the window."""
    text = window.text
    lo = text.rfind(". ", window.start, s)
    hi = text.find(". ", e, window.end)
    return _Sentence(text, window.start if lo < 0 else lo + 2, window.end if hi < 0 else hi + 1, window.published)


def _valid(atom: _Atom) -> _Atom | None:
    """Drop impossible days ("February 30"); a missing year is checked against a leap year."""
    for y, mo, d in [(atom.y, atom.m, atom.d), atom.end_ymd or (None, 1, 1)]:
        try:
            date(y or 2000, mo or 1, d or 1)
        except ValueError:
            return None
    return atom


def _bare_month(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    s, e = m.span()
    word = m.group("mon_m")
    rel = m.group("mon_rel")
    if not rel:
        prev = sent.prev_word(s)
        nxt = sent.next_word(e)
        if prev.lower() in RECURRENCE_WORDS:
            return None  # "held every December", "each June": a set, no date
        temporal = prev.lower() in TEMPORAL_PREPOSITIONS
        # a month used as a modifier: "the March accession", "a June agreement"
        # (not before a preposition: "the March on the capital", "the March for Science" are events)
        temporal = temporal or (
            prev.lower() in {"the", "a", "an"} and nxt[:1].islower() and nxt.lower() not in EVENT_NAME_PREPOSITIONS
        )
        if word.lower() in AMBIGUOUS_MONTHS and not temporal:
            return None  # "Theresa May", "March on Washington"
        if not temporal and prev[:1].isupper() and not _sentence_initial(sent, s):
            return None  # part of a name: "Women's March"
        if not temporal and nxt[:1].isupper():
            return None  # a first name: "April Smith"
        s = m.start("mon_m")
    atom = _Atom(s, e, None, _month(word), gran="month")
    if rel:
        if sent.published is None:
            return None
        pub = sent.published
        r = rel.lower()
        if r == "this":
            atom.y = pub.year
        elif r == "last":  # the latest such month before this one ("last June" in October: this June)
            atom.y = pub.year if atom.m < pub.month else pub.year - 1  # type: ignore[operator]
        else:
            atom.y = pub.year if atom.m > pub.month else pub.year + 1  # type: ignore[operator]
        atom.absolute = False
    return atom


def _after_a_word(sent: _Sentence, pos: int) -> bool:
    """Does a word (not a comma, colon, dash or the start of the sentence) come right before pos, opening
    quotation marks aside? A capitalised "Today" there is a name, not the day."""
    before = sent.text[max(sent.start, pos - 20) : pos].rstrip().rstrip("\"'“‘`").rstrip()
    return before[-1:].isalnum() or before.endswith(("'s", "’s"))


def _sentence_initial(sent: _Sentence, pos: int) -> bool:
    """Is the word ending just before pos the first word of the sentence (so its capital says nothing)?"""
    before = sent.text[max(sent.start, pos - _WINDOW) : pos].rstrip()
    if pos - _WINDOW > sent.start:
        return False  # a long way into the sentence
    i = len(before)
    while i > 0 and not before[i - 1].isspace():
        i -= 1
    return not before[:i].strip(" \"'“‘(")


def _weekday(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    s, e = m.span()
    rel = (m.group("wd_rel") or "").lower()
    prev = sent.prev_word(s).lower()
    if not rel and (prev in WEEKDAY_HOLIDAY_PREFIXES or prev in WEEKDAY_ANAPHORIC_PREFIXES):
        return None  # "Good Friday", "Super Tuesday", "the previous Friday"
    following = sent.next_word(e)
    if prev == "the" and following[:1].isupper() and following.lower() not in MONTHS:
        return None  # a title: "the Sunday Times", "the Monday Night Football"
    if (
        not rel
        and following[:1].isupper()
        and sent.text[e : e + 1] == " "
        and _sentence_initial(sent, m.start("wd_d"))
        and following.lower() not in MONTHS
        and following.lower() not in TITLES
        and following.lower() + "." not in TITLE_ABBREVIATIONS
    ):
        return None  # a title opening the sentence: "Sunday Times reporters found" (not "Monday President X")
    if _programme_title(sent, m.start("wd_d"), e, following):
        return None  # "Saturday Night Live", "Fox News Sunday"
    if sent.published is None:
        return None
    pub = sent.published
    target = WEEKDAYS[m.group("wd_d").lower()]
    weeks = _WEEKS_FROM.search(sent.text, max(sent.start, s - 30), s) if not rel else None
    if weeks is not None:
        # "a week from Tuesday", "two weeks from Friday": weeks after the coming such day
        day = pub + timedelta(days=(target - pub.weekday()) % 7 + 7 * _count(weeks.group(1)))
        return _Atom(weeks.start(), e, day.year, day.month, day.day, absolute=False)
    back = (pub.weekday() - target) % 7  # days back to the latest such day on or before publication
    if rel == "last":
        back = back or 7
        day = pub - timedelta(days=back)
    elif rel == "next":
        day = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
    else:
        deadline = _until_deadline(sent, s)
        tense = 1 if deadline or _ahead_of(sent, s) or _scheduled_for(sent, s) else sent.tense(s, e)
        if tense > 0 and _delivered_outcome(sent, s, e):
            tense = -1
        if deadline and not rel:
            # "adjourned the case until Thursday" in a Thursday article: a deadline set that day is a later one
            day = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
        elif tense > 0 or (rel == "this" and tense == 0):
            # on or after: "snow will fall on Friday" in a Friday article is that day
            day = pub + timedelta(days=(target - pub.weekday()) % 7)
        else:
            day = pub - timedelta(days=back)
    if not rel:
        s = m.start("wd_d")
    return _Atom(s, e, day.year, day.month, day.day, weekday=None if rel else target, absolute=False)


def _delivered_outcome(sent: _Sentence, s: int, e: int) -> bool:
    """A weekday's possessive before an outcome noun, as the object of a verb: "will appeal Monday's
    verdict" looks back whatever the clause's tense ("Friday's ruling will decide ..." keeps it)."""
    if sent.text[e : e + 2] not in ("'s", "’s") or sent.next_word(e + 2).lower() not in OUTCOME_NOUNS:
        return False
    before = sent.prev_word(s)
    return (
        before[:1].isalpha()
        and before.islower()
        and before not in OUTCOME_PENDING_VERBS
        and not _sentence_initial(sent, s)
    )


def _programme_title(sent: _Sentence, s: int, e: int, following: str) -> bool:
    """A weekday inside a programme's title: a capitalised part of the day with another capitalised word
    after it ("Saturday Night Live", "Sunday Morning Futures"), or a news organisation's name before it
    ("Fox News Sunday")."""
    if following in TITLE_DAY_PARTS:
        after = sent.next_word(sent.text.find(following, e) + len(following))
        if after[:1].isupper() and after.lower() not in MONTHS:
            return True
    return sent.prev_word(s) in TITLE_NEWS_WORDS


_WEEKS_FROM = re.compile(rf"\b((?i:{_COUNT}))\s+(?i:weeks?)\s+from\s+$")

# "ahead of Tuesday's primary", "ahead of the Varn caucuses on Monday": up to three words between
_AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:[\w'’.-]+\s+){0,3}?(?:on\s+)?$", re.IGNORECASE)


def _ahead_of(sent: _Sentence, s: int) -> bool:
    """A weekday after "ahead of" (with at most a short noun phrase between) names an event still to
    come: "campaigned ahead of Saturday's caucus" in a Thursday article is this Saturday."""
    return _AHEAD_OF.search(sent.text, max(sent.start, s - 60), s) is not None


_UNTIL = re.compile(r"\b(?:until|till|to)\s+(?:[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?)?$")
_DEADLINE_WORD = re.compile(r"[a-z]+")


def _until_deadline(sent: _Sentence, s: int) -> bool:
    """'postponed the hearing until Friday', 'extended the deadline until 9 a.m. Friday': a deadline set
    before publication for a day still to come (a bounded look back in the sentence)."""
    lo = max(sent.start, s - 30)
    m = _UNTIL.search(sent.text, lo, s)
    if m is None:
        return False
    words = _DEADLINE_WORD.findall(sent.text, max(sent.start, m.start() - 80), m.start())
    return any(w in DEADLINE_VERBS for w in words[-8:])


_FOR = re.compile(r"\bfor\s+$")


def _scheduled_for(sent: _Sentence, s: int) -> bool:
    """'has called a strike for Thursday', 'scheduled the vote for Friday': a verb of scheduling, its object,
    then 'for' and the day, which is still to come (the object must stand between: 'called for' is a
    demand). A bounded look back of eight words."""
    m = _FOR.search(sent.text, max(sent.start, s - 8), s)
    if m is None:
        return False
    words = _DEADLINE_WORD.findall(sent.text, max(sent.start, m.start() - 80), m.start())[-8:]
    return any(w in SCHEDULING_VERBS for w in words[:-1])


def _year(m: re.Match[str], sent: _Sentence) -> _Atom | None:
    s, e = m.span()
    y = int(m.group("yr_y"))
    y2_raw = m.group("yr_y2")
    y2 = None
    if y2_raw:
        y2 = int(y2_raw) if len(y2_raw) == 4 else y // 100 * 100 + int(y2_raw)
    between = sent.text[m.end("yr_y") : m.start("yr_y2")] if y2_raw else ""
    slash = between == "/"
    # a two-digit end needs a dash or slash ("2015-16"): in "from 2008 to 60 this year" it is a number
    worded = y2_raw is not None and len(y2_raw) == 2 and between.strip() not in {"-", "–", "—", "/"}
    if y2 is not None and (not y < y2 <= y + 200 or (slash and y2 != y + 1) or worded):
        # not a plausible range ("2050 - 2000"): keep only the first number
        e, y2 = m.end("yr_y"), None
    if not _plausible_year(sent, s, e, y, range_=y2 is not None):
        return None
    atom = _Atom(s, e, y, gran="year")
    if y2 is not None:
        atom.end_ymd = (y2, None, None)
    return atom


def _plausible_year(sent: _Sentence, s: int, e: int, y: int, range_: bool) -> bool:
    """Tell a year from a count, a product number or an address from the words around it."""
    text = sent.text
    after = text[e : e + 2]
    if after[:1] == "-" and after[1:2].isalpha():
        return False  # "a 2000-page report"
    if after[:1] in {"'", "’"} and y % 10 == 0 and sent.prev_word(s).lower() in {"the", "early", "mid", "late"}:
        return False  # "the 1990's": a decade
    nxt = sent.next_word(e)
    low = nxt.lower()
    if low in {"year", "yr"} and _age_or_span(sent, s, e):
        return False  # "a 2000 year old tradition", "a 1500 year history": a duration
    if nxt == "%" or low in UNIT_WORDS or low in {"gmt", "utc", "hours", "hrs", "bst", "est", "edt", "local"}:
        return False
    plural = low.endswith("s") and not low.endswith(_SINGULAR_S_ENDINGS) and low not in YEAR_FOLLOWERS_ENDING_IN_S
    if nxt[:1].islower() and len(low) > 2 and (plural or low.endswith(_COUNT_SUFFIXES)):
        return False  # "1709 schoolchildren", "2000 soldiers" (but "2000 levels")
    prev = sent.prev_word(s)
    low_prev = prev.lower()
    temporal = low_prev in TEMPORAL_PREPOSITIONS or low_prev in MONTHS or low_prev in WEEKDAYS
    if temporal:
        return True
    if range_:
        return True
    if low in {"of", "were", "are", "have", "remain", "remained"}:
        return False  # "2000 of them", "2000 were arrested": a year is singular ("2011 was")
    if low_prev in QUANTITY_PREFIXES or text[max(0, s - 1) : s] in {"$", "£", "€", "#"}:
        return False
    possessive = text[max(0, s - 3) : s].rstrip().endswith(("'s", "’s", "s'", "s’"))
    if prev[:1].isupper() and not possessive and not _sentence_initial(sent, s):
        return False  # "Windows 2000", "Vision 2030" (but "the company's 1989 profit")
    return y >= 1800


_YEAR_OLD = re.compile(r"\s*(?:year|yr)s?\.?[\s-]*old\b", re.IGNORECASE)


def _age_or_span(sent: _Sentence, s: int, e: int) -> bool:
    """Is the number before "year" a length of time: "2000 year old", "a 1500 year history"?

    "year(s) old" always measures; otherwise "a"/"an" before the number does ("a 2015 year" is no
    year), while "the 2015 year-end results" keeps its year. Plural "years" is a count elsewhere."""
    if _YEAR_OLD.match(sent.text, e, min(sent.end, e + 20)):
        return True
    return sent.prev_word(s).lower() in {"a", "an"}


# --- ranges and resolution ---------------------------------------------------------------------------


def _merge_ranges(atoms: list[_Atom], text: str) -> list[_Atom]:
    """Join "July 2003 to December 2004", "between 1990 and 2000" into one atom with an end."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.absolute and b.absolute and a.end_ymd is None and b.end_ymd is None:
            gap = text[a.end : b.start]
            joined = _CONNECTOR.fullmatch(gap)
            if joined and gap.strip().lower() == "and" and not _BETWEEN.search(text, max(0, a.start - 12), a.start):
                joined = None  # "2003 and 2004" are two dates unless "between" says otherwise
            if joined and (a.gran == b.gran or (a.gran == "month" and b.gran == "month")):
                y = a.y
                if y is None and b.y is not None:
                    y = b.y if (a.m, a.d or 0) <= (b.m, b.d or 0) else b.y - 1
                if b.y is None or y is None or (y, a.m or 0, a.d or 0) < (b.y, b.m or 0, b.d or 0):
                    out.append(_Atom(a.start, b.end, y, a.m, a.d, a.gran, (b.y, b.m, b.d), a.weekday))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _iso(y: int, m: int | None, d: int | None, gran: Granularity) -> str:
    if gran == "week" and m is not None and d is not None:  # a day of the week: its ISO week, "2023-W46"
        iso_year, week, _ = date(y, m, d).isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if gran == "year" or m is None:
        return f"{y:04d}"
    if gran == "month" or d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _resolve(atom: _Atom, sent: _Sentence) -> DateMention | None:
    y = atom.y
    if y is None:
        y = _infer_year(atom, sent)
        if y is None:
            return None
    value = _iso(y, atom.m, atom.d, atom.gran)
    value_end = None
    if atom.end_ymd is not None:
        ey, em, ed = atom.end_ymd
        if ey is None:
            ey = y if (em, ed or 0) >= (atom.m, atom.d or 0) else y + 1  # "December 28 - January 3"
        value_end = _iso(ey, em, ed, "year" if em is None else atom.gran if ed is None else "day")
        if value_end < value:
            value_end = None
    return DateMention(sent.text[atom.start : atom.end], atom.start, atom.end, value, value_end, atom.gran)


def _infer_year(atom: _Atom, sent: _Sentence) -> int | None:
    """The year of "March 4" or "in October": the weekday if one is written, else tense, else nearest."""
    pub = sent.published
    if pub is None or atom.m is None:
        return None
    candidates = (pub.year - 1, pub.year, pub.year + 1)
    if atom.weekday is not None and atom.d is not None:
        fits = [y for y in candidates if _weekday_of(y, atom.m, atom.d) == atom.weekday]
        if fits:
            return min(fits, key=lambda y: abs(y - pub.year))
    pub_key = (pub.month, pub.day if atom.d is not None else 0)
    key = (atom.m, atom.d or 0)
    past = pub.year if key <= pub_key else pub.year - 1
    future = pub.year if key >= pub_key else pub.year + 1

    def months_away(y: int) -> float:
        return abs((y - pub.year) * 12 + atom.m - pub.month + ((atom.d or pub_key[1]) - pub_key[1]) / 31)  # type: ignore[operator]

    # Tense decides only within a plausible horizon: reporting verbs make almost every news sentence
    # past tense, yet "must be returned by Jan. 14" in a January 6 article is this January 14.
    tense = sent.tense(atom.start, atom.end)
    if tense < 0 and (
        sent.prev_word(atom.start).lower() in FORWARD_PREPOSITIONS
        or _STARTING_IN.search(sent.text, max(sent.start, atom.start - 30), atom.start) is not None
    ):
        # "had lent the painting through January", "secured supplies starting in October": a deadline or
        # a starting point, placed by nearness alone
        tense = 0
    if (
        atom.d is not None
        and sent.prev_word(atom.start).lower() == "the"
        and sent.next_word(atom.end).lower() in SCHEDULED_EVENT_NOUNS
    ):
        tense = 0  # "said ... the Nov. 8 election": the day names the event, the clause's verb does not place it
    if (
        atom.d is None
        and atom.end_ymd is None
        and sent.prev_word(atom.start).lower() == "the"
        and (following := sent.next_word(atom.end))[:1].islower()
        and following not in SCHEDULED_EVENT_NOUNS
        # "the November presidential election": an adjective before the event
        and sent.next_word(sent.text.find(following, atom.end) + len(following)).lower() not in SCHEDULED_EVENT_NOUNS
    ):
        tense = 0  # "the trial over the August attack begins Monday": a month naming a past event, by nearness
    if atom.d is None and atom.end_ymd is None and sent.text[atom.end : atom.end + 2] in ("'s", "’s"):
        nxt = sent.next_word(atom.end + 2)
        after = sent.next_word(sent.text.find(nxt, atom.end + 2) + len(nxt)) if nxt else ""
        # not when a past verb governs it: "voters rejected the plan in November's referendum"
        if (nxt.lower() in SCHEDULED_EVENT_NOUNS or after.lower() in SCHEDULED_EVENT_NOUNS) and not _past_verb_before(
            sent, atom.start
        ):
            tense = 0  # "called November's general election a test": the event's month, by nearness
    horizon = 12 if tense < 0 and _past_verb_before(sent, atom.start) else _TENSE_HORIZON_MONTHS
    if tense < 0 and months_away(past) <= horizon:
        return past
    # a bare month after a preposition in a clause with 'will' may lie up to a year ahead ('talks will
    # resume in January' in a March article); elsewhere so far ahead is more often a misread cue
    far = (
        atom.d is None and sent.prev_word(atom.start).lower() in _MONTH_PREPOSITIONS and _modal_future(sent, atom.start)
    )
    if tense > 0 and months_away(future) <= (_FUTURE_HORIZON_MONTHS if far else _TENSE_HORIZON_MONTHS):
        return future
    return past if months_away(past) <= months_away(future) else future


_MONTH_PREPOSITIONS = frozenset({"in", "by", "until", "till", "before", "through"})
_MODAL_REACH = 6  # words from a possibility modal to the date of its verb phrase ('may crest by Friday')
_MODALS = frozenset({"will", "shall", "won't", "won’t"})


def _clause_words_before(sent: _Sentence, pos: int) -> list[str]:
    """The lowercase words of the clause before pos, within 80 characters (no clause break crossed)."""
    before_text = sent.text[max(sent.start, pos - 80) : pos]
    cut = max(before_text.rfind(c) for c in _CLAUSE_BREAKS)
    return [w.lower() for w in _WORD.findall(before_text[cut + 1 :] if cut >= 0 else before_text)]


def _modal_future(sent: _Sentence, pos: int) -> bool:
    """'will' (or a contracted "'ll") among the last ten words of the clause before pos: 'talks will
    resume in', "I'll vote for her in"."""
    return any(w in _MODALS or w.endswith(("'ll", "’ll")) for w in _clause_words_before(sent, pos)[-10:])


def _past_verb_before(sent: _Sentence, pos: int) -> bool:
    """Does a past verb govern the date through its preposition: "the council voted in January", "the
    ferry sank on March 3", "the mayor took office in February"? Then the event lies in the past however
    far back (a November article's "voted in January" is this January), where a reporting verb further off
    says little ("said it will redeem the shares on March 3"). A present passive ("is heard in May") is no
    past. Up to three words of an object may stand between the verb and the preposition, but not after a
    verb that takes a clause ("said the plant reopens in March"; "announced his candidacy in March" is an
    object) and not across a clause break."""
    words = _clause_words_before(sent, pos)
    if len(words) < 2 or words[-1] not in PAST_EVENT_PREPOSITIONS:
        return False
    for j in range(len(words) - 2, max(-1, len(words) - 6), -1):
        verb = words[j]
        if verb in OBJECT_STOPS or verb in FUTURE_CUES or verb in PRESENT_OR_FUTURE_BEFORE_VERB:
            return False
        if verb in {"last", "since", "earlier", "ago"}:
            return False
        past = verb in PAST_AUXILIARIES or (len(verb) > 4 and verb.endswith("ed") and verb not in NOT_PAST_ED)
        if not past:
            continue
        before = words[j - 1] if j else ""
        if j == len(words) - 2:
            return before not in PRESENT_OR_FUTURE_BEFORE_VERB
        if verb.endswith("ed") and (before in NOUN_MARKERS or len(before) == 1):
            continue  # an adjective inside the object: "the revised plan", "Series B preferred shares"
        # a clause cannot begin with a possessive: "announced his candidacy in March"
        if (verb in SPEECH_VERBS or verb in CLAUSE_TAKING_PASTS) and words[j + 1] not in POSSESSIVES:
            return False
        # "said it will redeem the preferred shares on March 3": a future before the verb decides
        return not any(w in FUTURE_CUES or w in PRESENT_OR_FUTURE_BEFORE_VERB for w in words[:j])
    return False


def _weekday_of(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None
