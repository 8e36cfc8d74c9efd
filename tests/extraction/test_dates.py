"""Date recognition and normalisation: made-up sentences with the values the annotation rules expect."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extraction.dates import find_dates
from tests.growth import assert_linear

SAT = date(2023, 11, 18)  # a Saturday in November
WED = date(2023, 2, 22)  # a Wednesday in February
MON = date(2015, 8, 17)  # a Monday in August


def found(text: str, published: date | None) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.value, d.value_end) for d in find_dates(text, 0, len(text), published)]


CASES = [
    # --- relative days -----------------------------------------------------------------------------
    ("The mayor resigned yesterday.", SAT, [("yesterday", "2023-11-17", None)]),
    ("Yesterday, the river burst its banks.", SAT, [("Yesterday", "2023-11-17", None)]),
    ("The plant closes today.", SAT, [("today", "2023-11-18", None)]),
    ("The verdict is due tomorrow.", SAT, [("tomorrow", "2023-11-19", None)]),
    ("The fire started yesterday afternoon.", SAT, [("yesterday", "2023-11-17", None)]),
    # --- weekdays: latest on or before publication, the next one in future clauses --------------------
    ("The council voted on Friday.", SAT, [("Friday", "2023-11-17", None)]),
    ("On Tuesday, the strike ended.", SAT, [("Tuesday", "2023-11-14", None)]),
    ("The minister spoke Saturday.", SAT, [("Saturday", "2023-11-18", None)]),
    ("Ministers will meet on Tuesday.", SAT, [("Tuesday", "2023-11-21", None)]),
    ("The vote is scheduled for Friday.", SAT, [("Friday", "2023-11-24", None)]),
    ("Heavy snow will fall on Saturday.", SAT, [("Saturday", "2023-11-18", None)]),
    ("The rally was held on Saturday.", SAT, [("Saturday", "2023-11-18", None)]),
    ("The union said Friday it would strike.", SAT, [("Friday", "2023-11-17", None)]),
    ("The talks collapsed last Saturday.", SAT, [("last Saturday", "2023-11-11", None)]),
    ("The ferry sails next Monday.", SAT, [("next Monday", "2023-11-20", None)]),
    ("Shops will open late on Good Friday.", SAT, [("Good Friday", "2024-03-29", None)]),
    ("The index fell 2% from the previous Friday.", SAT, []),
    ("The museum is closed on Mondays.", SAT, []),
    # planned events: "are to", "is due to", "is set to", "plans to" look forward; a capitalised -ed word is
    # a name, not a past tense ("Mohamed"); "due to rain" is a cause
    ("On Wednesday, Mohamed and his father are to travel to Qatar.", SAT, [("Wednesday", "2023-11-22", None)]),
    ("On Tuesday, Ahmed and his son are to fly home.", SAT, [("Tuesday", "2023-11-21", None)]),
    ("On Friday, the team is due to fly home.", SAT, [("Friday", "2023-11-24", None)]),
    ("On Monday, Mohammed is set to testify.", SAT, [("Monday", "2023-11-20", None)]),
    ("On Tuesday, the minister plans to visit the port.", SAT, [("Tuesday", "2023-11-21", None)]),
    ("The race was called off due to rain on Friday.", SAT, [("Friday", "2023-11-17", None)]),
    ("On Wednesday, Mohamed met the press.", SAT, [("Wednesday", "2023-11-15", None)]),
    # --- months and days without a year: tense, then nearness to publication ----------------------------
    ("The forum was hosted in Kyiv on September 29.", SAT, [("September 29", "2023-09-29", None)]),
    ("The summit will be held on December 6-7.", SAT, [("December 6-7", "2023-12-06", "2023-12-07")]),
    ("The board will decide in December.", SAT, [("December", "2023-12", None)]),
    ("In October, the firm opened a plant.", SAT, [("October", "2023-10", None)]),
    ("The firm plans to list its shares in March.", SAT, [("March", "2024-03", None)]),
    ("In December, the company reported a loss.", WED, [("December", "2022-12", None)]),
    ("The law takes effect on March 1.", WED, [("March 1", "2023-03-01", None)]),
    ("The child must be returned by Jan. 14.", date(2024, 1, 6), [("Jan. 14", "2024-01-14", None)]),
    ("The ceasefire began on Aug. 10 and held.", MON, [("Aug. 10", "2015-08-10", None)]),
    # a past verb placing its event "on" the day: last December, not the coming one
    ("Sales rose on December 6th.", SAT, [("December 6th", "2022-12-06", None)]),
    ("The race runs from December 28 to January 3.", SAT, [("December 28 to January 3", "2023-12-28", "2024-01-03")]),
    ("The summit will take place on April 24 and 25.", WED, [("April 24 and 25", "2023-04-24", "2023-04-25")]),
    ("The talks ended on Friday, March 4.", date(2011, 3, 8), [("Friday, March 4", "2011-03-04", None)]),
    ("In early March, the rains came.", WED, [("March", "2023-03", None)]),
    ("Prices peaked in mid-November.", SAT, [("November", "2023-11", None)]),
    ("The treaty was signed last April.", SAT, [("last April", "2023-04", None)]),
    ("The company was sold last December.", SAT, [("last December", "2022-12", None)]),
    ("Hearings resume next January.", SAT, [("next January", "2024-01", None)]),
    ("The March accession will enlarge the alliance.", WED, [("March", "2023-03", None)]),
    # --- months with a year ---------------------------------------------------------------------------
    ("The scheme was tried in September 2021.", WED, [("September 2021", "2021-09", None)]),
    ("In October of this year, a fair will take place.", SAT, [("October of this year", "2023-10", None)]),
    ("Exports collapsed in July last year.", SAT, [("July last year", "2022-07", None)]),
    ("The audit covers Sept. 2019.", SAT, [("Sept. 2019", "2019-09", None)]),
    (
        "The survey ran between May 2006 and November 2007.",
        SAT,
        [("May 2006 and November 2007", "2006-05", "2007-11")],
    ),
    ("The survey ran from July 2003 to December 2004.", SAT, [("July 2003 to December 2004", "2003-07", "2004-12")]),
    # --- full dates -----------------------------------------------------------------------------------
    ("As of June 9, 2014, the app had 142 bugs.", SAT, [("June 9, 2014", "2014-06-09", None)]),
    ("The page was checked on 14 October 2016.", SAT, [("14 October 2016", "2016-10-14", None)]),
    ("The order is dated 2015-09-09.", SAT, [("2015-09-09", "2015-09-09", None)]),
    ("The form was filed on 11/14/2022.", SAT, [("11/14/2022", "2022-11-14", None)]),
    ("The deal closed on Sept. 29, 2008.", SAT, [("Sept. 29, 2008", "2008-09-29", None)]),
    ("The deal closed on Sept 29 2008.", SAT, [("Sept 29 2008", "2008-09-29", None)]),
    ("It happened on the 9th of September 2015.", SAT, [("9th of September 2015", "2015-09-09", None)]),
    (
        "The statement, dated Friday, May 14, 2010, was leaked.",
        SAT,
        [("Friday, May 14, 2010", "2010-05-14", None)],
    ),
    ("No such day as February 30, 2023 exists.", SAT, []),
    # --- relative months and years --------------------------------------------------------------------
    ("Crossings hit a record last year.", WED, [("last year", "2022", None)]),
    ("This year's motto was courage.", date(2017, 7, 21), [("This year", "2017", None)]),
    ("Next year's final is in Mexico City.", date(2017, 7, 21), [("Next year", "2018", None)]),
    ("The bill is expected next month.", WED, [("next month", "2023-03", None)]),
    ("Prices rose last month.", date(2023, 1, 10), [("last month", "2022-12", None)]),
    ("Profits grew earlier this month.", WED, [("this month", "2023-02", None)]),
    ("Prices doubled over the past year.", WED, []),
    ("Prices will settle over the next year.", WED, []),
    # --- years and year ranges ------------------------------------------------------------------------
    ("The registry was launched in 1997.", SAT, [("1997", "1997", None)]),
    ("The charity has operated since 2003.", SAT, [("2003", "2003", None)]),
    ("By 2050, demand would double.", SAT, [("2050", "2050", None)]),
    ("Yields fell below 2000 levels.", SAT, [("2000", "2000", None)]),
    ("The model covers 2000 - 2050.", SAT, [("2000 - 2050", "2000", "2050")]),
    ("Emissions fell from 1985 to 2014.", SAT, [("1985 to 2014", "1985", "2014")]),
    ("Births declined between 1990 and 2000.", SAT, [("1990 and 2000", "1990", "2000")]),
    ("The 2015-16 season was his last.", SAT, [("2015-16", "2015", "2016")]),
    ("Growth slowed in mid-2015.", SAT, [("2015", "2015", None)]),
    ("A 1996 law bans the trade.", SAT, [("1996", "1996", None)]),
    ("They cited a 2009 analysis of the data.", SAT, [("2009", "2009", None)]),
    ("The firm's 1989 profit was flat.", SAT, [("1989", "1989", None)]),
    ("Now that we're in 2011, it is time to move on.", SAT, [("2011", "2011", None)]),
    ("Visitors rose from 100,000 in 1980 to more than 300,000.", SAT, [("1980", "1980", None)]),
    ("The rules date from the post-1959 era.", SAT, [("1959", "1959", None)]),
    ("Both 2003 and 2004 were dry.", SAT, [("2003", "2003", None), ("2004", "2004", None)]),
    # --- false positives that must stay out -----------------------------------------------------------
    ("A survey of 1815 pensioners was done.", SAT, []),
    ("The 2000 people who marched were fined.", SAT, []),
    # ages and lengths of time: "year(s) old", "-year", "a ... year", "years of"
    ("It is a 2000 year old tradition.", SAT, []),
    ("The tree is 1800 years old.", SAT, []),
    ("A 2000 year-old coin was found.", SAT, []),
    ("The 2,000-year-old church reopened.", SAT, []),
    ("The abbey has a 1900-year history.", SAT, []),
    ("The abbey has a 1900 year history.", SAT, []),
    ("The region saw 2000 years of war.", SAT, []),
    ("The 2015 year-end results were poor.", SAT, [("2015", "2015", None)]),
    ("About 2000 soldiers were deployed.", SAT, []),
    ("More than 2,000 people attended.", SAT, []),
    ("The fine was 1,500 dollars.", SAT, []),
    ("The pipeline is 2000 km long.", SAT, []),
    ("The report runs to a 1200-page annex.", SAT, []),
    ("The mission lasted 10 years.", SAT, []),
    ("Prices rose 2015% in a decade.", SAT, []),
    ("The office still runs Windows 2000.", SAT, []),
    ("Theresa May met the king.", SAT, []),
    ("Protesters may march to the square.", SAT, []),
    ("The Women's March drew crowds.", SAT, []),
    ("Crowds marked the anniversary of the March on Selma.", SAT, []),
    ("Students joined the March for Science in Lyon.", SAT, []),
    # a month modifying a noun names its event by nearness: the accession the stalled talks are about
    ("The March accession talks stalled.", SAT, [("March", "2024-03", None)]),
    ("April Smith won the race.", SAT, []),
    ("The culture of the 1990s returned.", SAT, []),
    ("The battle raged for three years.", SAT, []),
    ("The result is due by the end of the year.", SAT, []),
    ("The fleet sailed last summer.", SAT, []),
    ("It closed at 2030 GMT.", SAT, []),
    ("Police said 2000 were arrested.", SAT, []),
    ("Nearly 1900 of them were freed.", SAT, []),
    ("Officials said 1500 of the 3000 homes were flooded.", SAT, []),
    ("The story ran in the Sunday Times.", SAT, []),
    ("Deaths in 2000 were higher.", SAT, [("2000", "2000", None)]),
    ("The festival runs 12–14 March.", WED, [("12–14 March", "2023-03-12", "2023-03-14")]),
    ("Talks were held on 3 and 4 February.", WED, [("3 and 4 February", "2023-02-03", "2023-02-04")]),
    ("The 2012 Olympics were held in London.", SAT, [("2012", "2012", None)]),
    ("In the year 2000, the bug was feared.", SAT, [("2000", "2000", None)]),
    ("The figures for fiscal 2015 were weak.", SAT, [("2015", "2015", None)]),
    ("Sales fell in the 2008–09 season.", SAT, [("2008–09", "2008", "2009")]),
    # a season or fiscal year written with a slash spans two consecutive years; other pairs do not
    ("The Dunmore co-op lost money in business year 2021/22.", SAT, [("2021/22", "2021", "2022")]),
    ("Ticket sales for the 2019/2020 season collapsed.", SAT, [("2019/2020", "2019", "2020")]),
    ("The archive covers 1998/2003 only.", SAT, [("1998", "1998", None)]),
    ("He arrived on Thursday night.", SAT, [("Thursday", "2023-11-16", None)]),
    ("Shares rose in late 2014.", SAT, [("2014", "2014", None)]),
    ("The law was passed on 1 January 2015.", SAT, [("1 January 2015", "2015-01-01", None)]),
    ("The law was passed on January 1st, 2015.", SAT, [("January 1st, 2015", "2015-01-01", None)]),
    ("The plant will close at the end of March.", SAT, [("March", "2024-03", None)]),
    ("Rates were raised in March of last year.", SAT, [("March of last year", "2022-03", None)]),
]


# Offsets from publication and calendar weeks, at TimeML's precision (SAT is in ISO week 46, WED in week 8).
OFFSETS = [
    ("The accord was signed two years ago.", SAT, [("two years ago", "2021", None)]),
    ("The ferry sank nearly four years ago.", WED, [("four years ago", "2019", None)]),
    ("A year ago the orchard had no workers.", SAT, [("A year ago", "2022", None)]),
    ("Prices peaked twenty-five years ago in Tarnby.", SAT, [("twenty-five years ago", "1998", None)]),
    ("The depot closed three months ago.", SAT, [("three months ago", "2023-08", None)]),
    ("Ferrin Hale quit the board 2 months ago.", WED, [("2 months ago", "2022-12", None)]),
    ("The bridge at Olvey fell two weeks ago.", SAT, [("two weeks ago", "2023-W44", None)]),
    ("Six weeks ago, the choir of Marlow Vale disbanded.", WED, [("Six weeks ago", "2023-W02", None)]),
    ("The mill burned ten days ago.", SAT, [("ten days ago", "2023-11-08", None)]),
    ("Police found the van 11 days ago.", WED, [("11 days ago", "2023-02-11", None)]),
    ("The rebels fled last week.", SAT, [("last week", "2023-W45", None)]),
    ("Last week the Drummond council met twice.", WED, [("Last week", "2023-W07", None)]),
    ("The verdict is expected this week.", SAT, [("this week", "2023-W46", None)]),
    ("Talks resume next week in Caldor.", SAT, [("next week", "2023-W47", None)]),
    ("The cooperative will vote early next week.", WED, [("next week", "2023-W09", None)]),
    ("The Harlow tunnel will open two years from now.", SAT, [("two years from now", "2025", None)]),
    ("A month from now the toll on the Keswick bridge doubles.", WED, [("A month from now", "2023-03", None)]),
    ("The Ostry vote is planned for next week.", SAT, [("next week", "2023-W47", None)]),
    ("Figures for last week showed fewer ferries.", WED, [("last week", "2023-W07", None)]),
    # no exact value, a stretch of time, or a title
    ("A few years ago nobody farmed here.", SAT, []),
    ("Several weeks ago the ferry stopped.", SAT, []),
    ("Over the last week the river rose.", SAT, []),
    ("Within the next week the depot closes.", SAT, []),
    ('Pell Norrin spoke on the programme "This Week" about tariffs.', SAT, []),
]

# A past verb that places its own event at a month ("voted in January") keeps it in the past even ten
# months back; a present passive or a deadline still goes to the nearest one (publication 2023-11-22).
PAST_EVENT_MONTHS = [
    ("The Brackley council voted in January.", "January", "2023-01"),
    ("The Olvey ferry sank on January 3, police said.", "January 3", "2023-01-03"),
    ("The Tarn appeal is heard in January.", "January", "2024-01"),
    ("The Keld vote was postponed to January.", "January", "2024-01"),
]

# A bare month after a preposition in a clause with 'will' lies ahead up to a year (publication
# 2023-11-22 again: 'in October' is next October); without 'will', or for a day, nearness keeps its say.
FUTURE_MONTHS = [
    ("Talks on the Brackley bypass will resume in October, the mayor said.", "October", "2024-10"),
    ("The Olvey council won't vote on the budget until September.", "September", "2024-09"),
    ("I'll be back at the Keld market in October.", "October", "2024-10"),
    ("The October jobs report is expected to show gains.", "October", "2023-10"),
    ("A poll in October shows the Tarn mayor ahead.", "October", "2023-10"),
]


# A forecast in the present passive looks forward like 'is expected' (publication Wednesday 2023-11-22).
FUTURE_MONTHS += [
    ("More sleet is forecast for Monday in the Tarn valley.", "Monday", "2023-11-27"),
    ("Turnout at the Olvey poll is projected to fall in May.", "May", "2024-05"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), FUTURE_MONTHS, ids=[c[0][:30] for c in FUTURE_MONTHS])
def test_a_month_in_a_clause_with_will_lies_ahead(sentence: str, text: str, value: str) -> None:
    found = [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2023, 11, 22))]
    assert found == [(text, value)]


@pytest.mark.parametrize(("sentence", "text", "value"), PAST_EVENT_MONTHS, ids=[c[0][:30] for c in PAST_EVENT_MONTHS])
def test_a_past_event_month_stays_in_the_past(sentence: str, text: str, value: str) -> None:
    found = [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2023, 11, 22))]
    assert found == [(text, value)]


# More holidays from their rules: fixed days, n-th weekdays, days counted from Easter (SAT: 2023-11-18).
HOLIDAYS = [
    ("The Marlow parade was held on St. Patrick's Day.", "St. Patrick's Day", "2023-03-17"),
    ("Fireworks lit the port of Vell on Bastille Day.", "Bastille Day", "2023-07-14"),
    ("The Tarn cafe will close on Canada Day.", "Canada Day", "2024-07-01"),
    ("Markets were shut for Juneteenth.", "Juneteenth", "2023-06-19"),
    ("Remembrance Day services were held in Ostry.", "Remembrance Day", "2023-11-11"),
    ("The strike at Keld began on Presidents' Day.", "Presidents' Day", "2023-02-20"),
    ("Columbus Day parades in Hallam were cancelled.", "Columbus Day", "2023-10-09"),
    ("Ada Venn phoned her father on Father's Day.", "Father's Day", "2023-06-18"),
    ("Crowds gathered at the Brim chapel on Ash Wednesday.", "Ash Wednesday", "2023-02-22"),
    ("The Olvey ferry sank on Palm Sunday.", "Palm Sunday", "2023-04-02"),
    ("The Drummond choir sang on Whit Monday.", "Whit Monday", "2023-05-29"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), HOLIDAYS, ids=[c[1] for c in HOLIDAYS])
def test_more_holidays(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), SAT)] == [(text, value)]


def test_a_holiday_name_is_no_church_or_city() -> None:
    assert found("The Pentecostal church in Columbus opened.", SAT) == []
    assert found("Juneteenth celebrations drew crowds.", SAT) == []


# "N years later" counts from the time the text last named; "N years earlier" like "a year earlier".
ANCHORED = [
    ("The mill at Quarry End opened in 1990. Two years later it burned down.", "Two years later", "1992"),
    ("Ada Venn joined the band in March 2011. Three months later she left.", "Three months later", "2011-06"),
    ("The mill burned in 2004, and five years later it was rebuilt.", "five years later", "2009"),
    ("The dam was finished in 1960, two years earlier than planned.", "two years earlier", "1958"),
    # "a year earlier" with no date in its sentence steps back from the date the story last named ...
    ("In 2019 the guild had 300 members. A year earlier it had 20.", "A year earlier", "2018"),
    ("The Brackley ferry sank in May 2016. A month earlier it had failed an inspection.", "A month earlier", "2016-04"),
    # ... unless it compares figures: then it is the year before publication
    ("The guild was founded in 2019. Its sales rose 4% from a year earlier.", "a year earlier", "2022"),
    ("The port opened in 2010. Tonnage was higher than a year earlier.", "a year earlier", "2022"),
    # "year-ago", "year-earlier" before a noun are comparisons too
    ("The mill opened in 2019. Its profit beat the year-ago figure.", "year-ago", "2022"),
    ("The Varn co-op was founded in 2015. Sales topped the year-earlier level.", "year-earlier", "2022"),
]


@pytest.mark.parametrize(("text", "expression", "value"), ANCHORED, ids=[c[1] for c in ANCHORED])
def test_counted_offsets_from_the_time_last_named(text: str, expression: str, value: str) -> None:
    start = text.index(expression)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    dates = find_dates(text, sentence_start, len(text), SAT)
    assert [(d.text, d.value) for d in dates if d.text == expression] == [(expression, value)]


def test_a_year_ago_quarter_is_no_year() -> None:
    assert found("Profit at the Drummond mill doubled from the year-ago quarter.", SAT) == []
    assert found("In the year-earlier period, the Keld co-op lost money.", SAT) == []


def test_a_later_offset_without_a_date_named_is_not_guessed() -> None:
    assert found("Two years later the mill burned.", SAT) == []


def test_week_granularity() -> None:
    assert [d.granularity for d in find_dates("It rained last week.", 0, 20, SAT)] == ["week"]


@pytest.mark.parametrize(("sentence", "published", "expected"), OFFSETS, ids=[c[0][:40] for c in OFFSETS])
def test_offsets_and_weeks(sentence: str, published: date, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_dates(sentence: str, published: date, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(sentence, published) == expected


NO_ANCHOR = [
    ("The registry was launched in 1997.", [("1997", "1997", None)]),
    ("As of June 9, 2014, the app had 142 bugs.", [("June 9, 2014", "2014-06-09", None)]),
    ("The scheme was tried in September 2021.", [("September 2021", "2021-09", None)]),
    ("Emissions fell from 1985 to 2014.", [("1985 to 2014", "1985", "2014")]),
    # relative expressions need a publication date: skipped, not guessed
    ("The council voted on Friday and yesterday.", []),
    ("Crossings hit a record last year.", []),
    ("The forum was hosted on September 29.", []),
    ("In October, the firm opened a plant.", []),
    ("In October of this year, a fair will take place.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), NO_ANCHOR, ids=[c[0][:40] for c in NO_ANCHOR])
def test_without_publication_date_only_absolute_dates(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert found(sentence, None) == expected


def test_granularity() -> None:
    text = "It began on March 4, 2011, grew in May 2012 and ended in 2013."
    assert [d.granularity for d in find_dates(text, 0, len(text), SAT)] == ["day", "month", "year"]


def test_only_dates_inside_the_span_with_offsets_into_the_whole_text() -> None:
    text = "It rained on Friday. The dam broke in 1999. Nobody came yesterday."
    start = text.index("The dam")
    end = text.index(" Nobody")
    (mention,) = find_dates(text, start, end, SAT)
    assert (mention.text, mention.start, mention.end) == ("1999", text.index("1999"), text.index("1999") + 4)
    assert text[mention.start : mention.end] == mention.text


def test_tense_of_the_other_sentence_does_not_leak() -> None:
    text = "The ministers met on Tuesday. They will meet again in December."
    first = find_dates(text, 0, text.index(" They"), SAT)
    assert [(d.text, d.value) for d in first] == [("Tuesday", "2023-11-14")]


def test_attribution_clause_does_not_decide_the_tense() -> None:
    # "said" is nearer to the date than "will", but it tells when the words were spoken
    text = "The council will host the fair on October 3-4, a spokeswoman said."
    assert found(text, date(2024, 11, 18)) == [("October 3-4", "2024-10-03", "2024-10-04")]


@pytest.mark.parametrize(
    "junk",
    ["", " ", "\x00\x01\x02", "\u200b\u200f\u202e2023\u202c", '"unbalanced «quotes', "1" * 5000, "May" * 1000],
)
def test_junk_does_not_crash(junk: str) -> None:
    for mention in find_dates(junk, 0, len(junk), SAT):
        assert junk[mention.start : mention.end] == mention.text


def test_bad_spans_are_clamped() -> None:
    assert find_dates("in 1999", -5, 100, SAT)[0].text == "1999"
    assert find_dates("in 1999", 5, 2, SAT) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -–,./'sthMayJunFridecember")), max_size=80))
def test_offsets_always_index_the_text(text: str) -> None:
    for mention in find_dates(text, 0, len(text), SAT):
        assert text[mention.start : mention.end] == mention.text
        assert mention.value_end is None or mention.value_end >= mention.value


def test_linear_on_a_long_line_without_punctuation() -> None:
    chunk = "the council met in May and March 2000 people 1999 to 2003 Friday yesterday between 12 and "

    def run(n: int) -> None:
        text = chunk * n
        find_dates(text, 0, len(text), SAT)

    assert_linear(run, small=100_000 // len(chunk))  # 100 KB and 1 MB; the seconds are in bench/robustness.py


OCT = date(2023, 10, 30)  # a Monday in late October

MORE_CASES = [
    # --- years written in words (broadcast transcripts) -----------------------------------------------
    ("The dam was finished in nineteen eighty-four.", SAT, [("nineteen eighty-four", "1984", None)]),
    ("A nineteen seventy-two treaty governs the strait.", SAT, [("nineteen seventy-two", "1972", None)]),
    ("The mill shut in March nineteen ninety-nine.", SAT, [("March nineteen ninety-nine", "1999-03", None)]),
    ("Engineers feared the year two thousand and one.", SAT, [("two thousand and one", "2001", None)]),
    ("The hat cost nineteen fifty dollars.", SAT, []),
    # --- holidays: the day from the holiday's rule, the year as for a month ---------------------------
    ("The ferry sank on Christmas Day.", SAT, [("Christmas Day", "2022-12-25", None)]),
    ("The mall will reopen after Thanksgiving.", SAT, [("Thanksgiving", "2023-11-23", None)]),
    ("The choir sang there last Easter.", SAT, [("last Easter", "2023-04-09", None)]),
    ("The church was full on Easter 2016.", SAT, [("Easter 2016", "2016-03-27", None)]),
    ("Voters will queue on Election Day.", date(2024, 10, 1), [("Election Day", "2024-11-05", None)]),
    ("Christmas shopping began early.", SAT, []),
    ("Fireworks lit the bay on the Fourth of July.", SAT, [("Fourth of July", "2023-07-04", None)]),
    ("The bridge will reopen after New Year's.", SAT, [("New Year's", "2024-01-01", None)]),
    ("New Year's resolutions rarely last.", SAT, []),
    # --- fiscal years named by their calendar year ----------------------------------------------------
    ("Revenue rose 4% in FY2022.", SAT, [("FY2022", "2022", None)]),
    ("The FY 2019 budget was cut.", SAT, [("FY 2019", "2019", None)]),
    ("Margins fell in FY21.", SAT, [("FY21", "2021", None)]),
    ("A Thanksgiving dinner was served.", SAT, []),
    # --- expressions that count from the time last named ---------------------------------------------
    (
        "In 1995 the mill closed, and the following year it was sold.",
        SAT,
        [("1995", "1995", None), ("the following year", "1996", None)],
    ),
    (
        "The bank was founded in May 1990 and failed later that year.",
        SAT,
        [("May 1990", "1990-05", None), ("later that year", "1990", None)],
    ),
    ("Sales rose 4% from a year earlier.", SAT, [("a year earlier", "2022", None)]),
    ("Profit beat the year-earlier figure.", SAT, [("year-earlier", "2022", None)]),
    (
        "The fleet sailed in 2004; a year later it was sold.",
        SAT,
        [("2004", "2004", None), ("a year later", "2005", None)],
    ),
    ("Prices will drift over the next year.", SAT, []),
    ("That year the harvest failed.", SAT, []),
    # --- the current (fiscal) year --------------------------------------------------------------------
    ("Profits will rise in the current fiscal year.", SAT, [("the current fiscal year", "2023", None)]),
    ("Spending fell this fiscal year.", SAT, [("this fiscal year", "2023", None)]),
    # --- a deadline is not placed in the past by a past tense -----------------------------------------
    ("The museum had lent the painting through January.", OCT, [("January", "2024-01", None)]),
    ("The repairs had been promised by February.", OCT, [("February", "2024-02", None)]),
    # --- tense cues -----------------------------------------------------------------------------------
    (
        "The bakery will reopen by August, with its ovens untouched by the fire.",
        date(2023, 2, 13),
        [("August", "2023-08", None)],
    ),
    (
        "The ferry will sail in May, with cabins unchanged since the refit.",
        date(2023, 2, 13),
        [("May", "2023-05", None)],
    ),
    ("The verdict is due Tuesday.", SAT, [("Tuesday", "2023-11-21", None)]),
    ("The ruling is due Friday, lawyers said.", SAT, [("Friday", "2023-11-24", None)]),
    ("Farmers planned a march on Monday.", SAT, [("Monday", "2023-11-20", None)]),
    ("The crew planned to leave port on Thursday.", date(2023, 11, 15), [("Thursday", "2023-11-16", None)]),
    ("On Friday, the senator cancelled her vacation plans for the summer.", SAT, [("Friday", "2023-11-17", None)]),
    ("On Tuesday, the mayor dropped her plans for a new stadium.", SAT, [("Tuesday", "2023-11-14", None)]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_more_dates(sentence: str, published: date, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(sentence, published) == expected


def test_the_following_month_counts_from_a_month_in_an_earlier_sentence() -> None:
    text = "In March, the bank cut its rates. The following month, it raised them again."
    start = text.index("The following")
    assert [(d.text, d.value) for d in find_dates(text, start, len(text), OCT)] == [("The following month", "2023-04")]


def test_that_year_counts_from_the_previous_sentence_but_not_across_another_reference() -> None:
    text = "The port opened in 1871. That year it handled grain."
    start = text.index("That year")
    assert [(d.text, d.value) for d in find_dates(text, start, len(text), SAT)] == [("That year", "1871")]
    text = "The port opened in 1871. The following year, a fire. That year was dry."
    start = text.index("That year")
    assert find_dates(text, start, len(text), SAT) == []


@pytest.mark.parametrize(
    "chunk",
    [
        "that year a year earlier ",
        "That year. ",
        "the following month in March ",
        "on Monday. The next day ",
        "two days later ",
    ],
)
def test_anaphoric_expressions_stay_linear(chunk: str) -> None:
    def run(n: int) -> None:
        text = chunk * n
        find_dates(text, 0, len(text), SAT)

    assert_linear(run, small=30_000 // len(chunk))  # 30 KB and 300 KB


WEDNESDAY = date(2023, 11, 15)

# Direction of a bare weekday from the verb (invented sentences; publication on a Wednesday).
WEEKDAY_DIRECTION = [
    # a present-tense verb of a scheduled event looks forward
    ("The leaders meet Monday in Geneva.", "Monday", "2023-11-20"),
    ("The exhibition opens Friday at the museum.", "Friday", "2023-11-17"),
    ("The trial resumes on Thursday after a break.", "Thursday", "2023-11-16"),
    # ... but not as a noun after a determiner
    ("The meet Monday drew few runners.", "Monday", "2023-11-13"),
    # a deadline set until a day is still to come
    ("The court postponed the hearing until Friday.", "Friday", "2023-11-17"),
    ("Officials extended the deadline until 9 a.m. Friday.", "Friday", "2023-11-17"),
    # "until" alone looks back
    ("The guests stayed until Friday.", "Friday", "2023-11-10"),
    # a weekday owning a past event
    ("Tuesday's debate was heated.", "Tuesday", "2023-11-14"),
    # "is expected" looks forward; "expected"/"predicted" right before the day is a past verb
    ("A ruling in the Harrow case is expected Monday.", "Monday", "2023-11-20"),
    ("Rain is expected on Friday across Dunmore.", "Friday", "2023-11-17"),
    ("The minister predicted Monday that bread prices would fall.", "Monday", "2023-11-13"),
    ("Officials expected on Tuesday that the Varn bridge would reopen soon.", "Tuesday", "2023-11-14"),
    # in reported speech "was expected" is the speaker's "is expected": still to come
    ("The weather office said more snow was expected until Friday in the hills.", "Friday", "2023-11-17"),
    ("Organisers told reporters that the final was forecast for Monday.", "Monday", "2023-11-20"),
    # ... and a past prediction with an infinitive dates the prediction
    ("The shipment was predicted on Monday to reach Keld.", "Monday", "2023-11-13"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), WEEKDAY_DIRECTION)
def test_weekday_direction_from_the_verb(sentence: str, text: str, value: str) -> None:
    found = [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)]
    assert (text, value) in found


# A weekday or "Today" inside a name is no date: programme titles and a newspaper (invented sentences).
NAMES_WITH_DAYS = [
    "Rina Dove hosted “Saturday Night Live” for the second time.",
    "Ada Venn told Fox News Sunday that the Keld plant would close.",
    "The Varn coach became a pundit on ''Monday Night Hockey'' last spring.",
    "The Brackley survey was carried out for USA Today in the autumn.",
    "Pell Norrin went on NBC's “Today” show to defend the ferry plan.",
    "A poll by USA TODAY found little support for the Olvey bypass.",
]


@pytest.mark.parametrize("sentence", NAMES_WITH_DAYS)
def test_a_name_with_a_day_in_it_is_no_date(sentence: str) -> None:
    assert [d.text for d in find_dates(sentence, 0, len(sentence), WEDNESDAY) if d.granularity == "day"] == []


def test_a_day_next_to_a_name_is_still_a_date() -> None:
    assert found("The Keld council met on Saturday night.", WEDNESDAY) == [("Saturday", "2023-11-11", None)]
    assert found("He said, “Today we open the Varn bridge.”", WEDNESDAY) == [("Today", "2023-11-15", None)]
    assert found("The message was plain: Today the ferry sails.", WEDNESDAY) == [("Today", "2023-11-15", None)]


# The verb of saying right before a weekday owns it, whatever the report says about the future; an
# infinitive passive ("to be unveiled Saturday") looks forward (invented sentences; a Wednesday).
REPORTED_AND_PROSPECTIVE = [
    ("Asked on Monday whether the Keld mill would close, Ada Venn declined to answer.", "Monday", "2023-11-13"),
    ("The guild joined the dispute, announcing on Tuesday it would sue the council.", "Tuesday", "2023-11-14"),
    ("The Varn council announced Monday it will shut the pool.", "Monday", "2023-11-13"),
    ("The minister will announce on Friday whether the Olvey bridge opens.", "Friday", "2023-11-17"),
    ("The mayor is revising a speech, to be delivered Monday at the port.", "Monday", "2023-11-20"),
    ("The statue, to be unveiled Saturday in the square, cost a fortune.", "Saturday", "2023-11-18"),
    ("The order that was to be signed on Monday has been shelved.", "Monday", "2023-11-13"),
    ("The Brim painter, who died Sunday at 90, will be buried in Ostry.", "Sunday", "2023-11-12"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), REPORTED_AND_PROSPECTIVE)
def test_reported_and_prospective_weekdays(sentence: str, text: str, value: str) -> None:
    found = [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)]
    assert (text, value) in found


def test_a_month_before_a_pending_infinitive_stays_past() -> None:
    sentence = "The Keld judge retired in February and the seat has yet to be filled."
    assert found(sentence, date(2023, 7, 12)) == [("February", "2023-02", None)]


# A past verb with a short object before the month's preposition still places the month in the past up to
# a year back; a future or a clause-taking verb before it does not (invented; published 2024-01-12).
PAST_VERB_WITH_OBJECT = [
    ("Ada Venn took office in February.", "February", "2023-02"),
    ("The Keld club first drew large crowds in March at a barn dance.", "March", "2023-03"),
    ("The mayor of Ostry announced his candidacy in March.", "March", "2023-03"),
    ("The Varn guild said the plant reopens in March.", "March", "2024-03"),
    ("The Brim council said it will sell the revised plans in March.", "March", "2024-03"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), PAST_VERB_WITH_OBJECT)
def test_a_past_verb_with_its_object_places_the_month(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 1, 12))] == [(text, value)]


def test_soon_after_and_coming_off_look_back() -> None:
    # invented sentences; WEDNESDAY is 2023-11-15
    assert found("Soon after Sunday's storm, the Keld mayor closed the harbour.", WEDNESDAY) == [
        ("Sunday", "2023-11-12", None)
    ]
    assert found("The Varn senator is coming off a sharp speech Monday night.", WEDNESDAY) == [
        ("Monday", "2023-11-13", None)
    ]
    assert found("The Olvey bridge could open as soon as Friday.", WEDNESDAY) == [("Friday", "2023-11-17", None)]


def test_a_holiday_before_a_capitalised_word_is_a_name() -> None:
    # invented sentences
    assert found("The charity Easter Seals wrote to the Keld council.", SAT) == []
    assert found("Ferries to Christmas Island were cancelled.", SAT) == []
    assert found("The Brim fair was held on Easter Monday.", SAT) == [("Easter Monday", "2023-04-10", None)]


def test_a_two_digit_number_after_a_year_and_to_is_no_year() -> None:
    # invented sentences
    assert found("Branches fell from 2009 to 45 last spring.", SAT) == [("2009", "2009", None)]
    assert found("The Varn league ran a 2019-20 season.", SAT) == [("2019-20", "2019", "2020")]


# A month with an anaphoric year takes the year last named (invented sentences; published 2016-02-05).
MONTH_OF_THAT_YEAR = [
    (
        "The Keld mill opened in 1990 and closed in May of that year.",
        [("1990", "1990", None), ("May of that year", "1990-05", None)],
    ),
    (
        "Ada Venn became mayor in January 2009, and rents peaked in October of that year.",
        [("January 2009", "2009-01", None), ("October of that year", "2009-10", None)],
    ),
    (
        "The Varn ferry sank in 1990. It was raised in May the following year.",
        [("1990", "1990", None), ("May the following year", "1991-05", None)],
    ),
    ("It closed in May of that year.", []),
    ("The guild bought the hall in 1990, and Ann May that year ran it.", [("1990", "1990", None)]),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_OF_THAT_YEAR, ids=[c[0][:40] for c in MONTH_OF_THAT_YEAR])
def test_a_month_of_that_year(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, date(2016, 2, 5)) == expected


# "ahead of" a weekday's event looks forward (invented sentences; WEDNESDAY is 2023-11-15).
AHEAD_OF = [
    ("Ada Venn campaigned in Keld ahead of Saturday's vote.", "Saturday", "2023-11-18"),
    ("The race tightened ahead of the Varn caucuses on Monday.", "Monday", "2023-11-20"),
    ("Ahead of Tuesday's ballot, the Brim mayor resigned.", "Tuesday", "2023-11-21"),
    # a longer phrase between is no longer sure to be the event: the verb decides
    ("Reporters stopped him ahead of his third rally of the day on Monday.", "Monday", "2023-11-13"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), AHEAD_OF)
def test_ahead_of_a_weekday_looks_forward(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A weekday's outcome in object position looks back whatever the clause's tense; as a subject, or made or
# awaited, it follows the verb (invented sentences; WEDNESDAY is 2023-11-15).
OUTCOMES = [
    ("The Keld council will appeal Monday's verdict.", "Monday", "2023-11-13"),
    ("Growers vowed they would fight Tuesday's ruling in court.", "Tuesday", "2023-11-14"),
    ("Friday's ruling will settle the Varn dispute.", "Friday", "2023-11-17"),
    ("The Brim court will hand down Friday's ruling in public.", "Friday", "2023-11-17"),
    ("Ada Venn will speak at Saturday's rally.", "Saturday", "2023-11-18"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), OUTCOMES)
def test_a_weekdays_delivered_outcome_looks_back(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A present expectation looks forward; a past prediction dates the prediction (invented sentences;
# WEDNESDAY is 2023-11-15).
EXPECTATIONS = [
    ("Forecasters in Keld expect more snow through Friday.", "Friday", "2023-11-17"),
    ("Traders predict a rate cut on Monday.", "Monday", "2023-11-20"),
    ("The Varn agency predicted on Monday that fares would rise.", "Monday", "2023-11-13"),
    ("Brokers had expected the merger on Monday.", "Monday", "2023-11-13"),
    # a same-form past without an object after a determiner is a noun ("a rate cut"), with one a verb
    ("Brokers expect the tax cut on Friday.", "Friday", "2023-11-17"),
    ("The Brim board cut fares on Monday.", "Monday", "2023-11-13"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), EXPECTATIONS)
def test_a_present_expectation_looks_forward(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A modal of possibility dates the verb phrase it opens forward; a perfect or a negation after it, or a
# date far from it, keeps the usual reading (invented sentences; WEDNESDAY is 2023-11-15).
POSSIBILITIES = [
    ("Hydrologists warned that the Varn could crest on Saturday.", "Saturday", "2023-11-18"),
    ("The panel may vote Friday on the Keld toll.", "Friday", "2023-11-17"),
    ("Brokers said the Brim deal might close by Monday.", "Monday", "2023-11-20"),
    ("The mayor may have left Keld on Monday.", "Monday", "2023-11-13"),
    ("Ada Venn could not attend the hearing on Monday.", "Monday", "2023-11-13"),
    ("The levy agreed with Brim in October could prove costly.", "October", "2023-10"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), POSSIBILITIES)
def test_a_modal_of_possibility_looks_forward(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# No false past cues: a base form spelled like its past after a modal, "to" or "and"; an -ed adjective
# after a determiner (invented sentences; published 2016-03-22).
NO_FALSE_PAST = [
    ("The Keld bill would place a question on the November ballot.", "November", "2016-11"),
    ("A split vote will put the Varn seat up for grabs in November.", "November", "2016-11"),
    ("That would pave the way for a disputed congress in July.", "July", "2016-07"),
    ("Voters hope Ada Venn will win in November and cut taxes.", "November", "2016-11"),
    # a real past stays past
    ("The Brim council cut the budget in November.", "November", "2015-11"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), NO_FALSE_PAST)
def test_no_false_past_cues(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2016, 3, 22))] == [(text, value)]


def test_a_present_passive_is_no_past_cue() -> None:
    # invented: with no cue the nearest November wins (published 2016-08-08); "are delayed" is no past
    assert found("Plans for the Keld vote in November are delayed by the flood.", date(2016, 8, 8)) == [
        ("November", "2016-11", None)
    ]


# A clause reported after the date ("that it ...", "whether she ...") does not set the date's direction
# (invented sentences; WEDNESDAY is 2023-11-15).
REPORTED_AFTER_THE_DATE = [
    ("The Keld guild is expected to announce before the Sunday cutoff that it sold more.", "Sunday", "2023-11-19"),
    ("Reporters waited for the mayor's statement Friday that she would stand down.", "Friday", "2023-11-10"),
    ("The Varn vote on Monday will decide the seat.", "Monday", "2023-11-20"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), REPORTED_AFTER_THE_DATE)
def test_a_clause_reported_after_the_date(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


def test_the_september_11_attacks_are_those_of_2001() -> None:
    # invented sentences; a named day takes its event's year only with the right word after it
    march = date(2016, 3, 14)
    assert found("Ada Venn spoke at a memorial for the Sept. 11 attacks.", march) == [("Sept. 11", "2001-09-11", None)]
    assert found("The September 11 terrorist attacks changed air travel.", march) == [
        ("September 11", "2001-09-11", None)
    ]
    assert found("The Keld fair will open on September 11.", march) == [("September 11", "2016-09-11", None)]


def test_a_day_naming_a_scheduled_event_is_placed_by_nearness() -> None:
    # invented sentences, published 2016-07-31: the clause's past verb does not pull the day back a year
    july = date(2016, 7, 31)
    assert found("The Varn party's pick for the Nov. 8 election admitted he had misspoken.", july) == [
        ("Nov. 8", "2016-11-08", None)
    ]
    assert found("Ada Venn campaigned hard before the Sept. 20 primary, aides said.", july) == [
        ("Sept. 20", "2016-09-20", None)
    ]
    # a recent one stays in the past, and a bare month keeps its tense
    assert found("Ada Venn came third in the May 3 primary, aides said.", july) == [("May 3", "2016-05-03", None)]


# A plan told in the past tense still lies ahead of the report: "was"/"were" before "scheduled",
# "planning", "expected to", "set for" or "due to be" is no past cue (WEDNESDAY is 2023-11-15).
PLANS_TOLD_IN_THE_PAST = [
    (
        "Farmers planned a convoy into Keld on Saturday and were expected to block the ring road.",
        "Saturday",
        "2023-11-18",
    ),
    ("The Varn crew was due to be sentenced Friday, a clerk said.", "Friday", "2023-11-17"),
    ("Dock workers were planning to walk out on Monday.", "Monday", "2023-11-20"),
    ("The Brim ferry was set for its first crossing on Sunday.", "Sunday", "2023-11-19"),
    ("The Keld hearing on Monday was scheduled by the judge.", "Monday", "2023-11-20"),
    ("A ruling in the Varn case was expected Monday, lawyers said.", "Monday", "2023-11-20"),
    ("The Brim minister was expected in Keld on Saturday.", "Saturday", "2023-11-18"),
    # a readiness told in the past looks forward (wire round)
    ("The Keld employers said they were ready to meet the union on Friday.", "Friday", "2023-11-17"),
    ("The Varn dockers said they were poised to strike on Monday.", "Monday", "2023-11-20"),
    # (a past verb stays past: 'prepared to speak' is no readiness)
    ("As Ada Roe prepared to speak in Keld on Monday, a fight broke out.", "Monday", "2023-11-13"),
    # imminent at the time told, a cause, or an event that happened stay in the past
    ("Guards seized him on Monday as he was about to board a plane.", "Monday", "2023-11-13"),
    ("The Keld derby was cancelled on Sunday, a delay that was due to heavy rain.", "Sunday", "2023-11-12"),
    ("Farmers were blocking the ring road on Saturday.", "Saturday", "2023-11-11"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), PLANS_TOLD_IN_THE_PAST)
def test_a_plan_told_in_the_past_looks_forward(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A day counted from the last day the text named: "the next day", "two days later", "later that day",
# "the following morning", "the same day" (WEDNESDAY is 2023-11-15; invented articles).
DAYS_FROM_A_DAY_NAMED = [
    ("The Keld minister landed in Varn on Monday. The next day she met the governor.", "The next day", "2023-11-14"),
    ("The Brim ferry sank on Oct. 9. Divers found the wreck two days later.", "two days later", "2023-10-11"),
    ("The dam failed on March 3, 2021. Later that day the valley was evacuated.", "Later that day", "2021-03-03"),
    ("Keld voted on Sunday. The following morning the count began.", "The following morning", "2023-11-13"),
    ("The Varn court heard the appeal on Monday and ruled the same day.", "the same day", "2023-11-13"),
    ("The Brim mayor resigned on Nov. 2. A day earlier, her deputy had quit.", "A day earlier", "2023-11-01"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DAYS_FROM_A_DAY_NAMED)
def test_a_day_counted_from_the_day_named_before(text: str, expression: str, value: str) -> None:
    start = text.index(expression)
    assert [(d.text, d.value) for d in find_dates(text, start, len(text), WEDNESDAY)] == [(expression, value)]


# No day to count from: a year or a range named last, a day that is itself counted from another ("eight
# days after Oct. 12"), "today" (often "nowadays"), "the same day that ..." (the clause names the day), a
# stretch of time ("for the next day or two"), or a past event counted from a day still to come.
NO_DAY_TO_COUNT_FROM = [
    "In 2019 the Keld mill moved. The next day nothing happened.",
    "Talks in Varn ran on May 3-5. The following day the pact was signed.",
    "Eight days after Oct. 12, the Brim index fell. Three days later it rose.",
    "Today, the Keld league is popular. A day earlier, it was not.",
    "On Monday the Varn board met. On the same day that the memo leaked, shares fell.",
    "The Brim bridge will be shut for the next day or two.",
    "Crowds gathered ahead of next Tuesday's Keld vote. A day earlier, six were arrested.",
]


@pytest.mark.parametrize("text", NO_DAY_TO_COUNT_FROM)
def test_no_day_to_count_from(text: str) -> None:
    start = text.rindex(". ") + 2 if text.count(". ") else 0
    values = [(d.text, d.value) for d in find_dates(text, start, len(text), WEDNESDAY)]
    assert not any(
        t.lower().startswith(("the next", "the following", "three days", "a day", "the same")) for t, _ in values
    )


# A present-tense verb of a scheduled event looks forward, also after a relative "that" (WEDNESDAY is
# 2023-11-15; invented sentences).
SCHEDULED_PRESENT_CASES = [
    ("The Keld fare law takes effect on Monday, officials said.", "Monday", "2023-11-20"),
    ("The Varn offer expires Friday.", "Friday", "2023-11-17"),
    ("The Brim court next sits on Dec. 4.", "Dec. 4", "2023-12-04"),
    ("Keld passed a budget for the fiscal year that begins July 1.", "July 1", "2024-07-01"),
    ("The Varn season that starts Saturday is the last for the coach.", "Saturday", "2023-11-18"),
    ("Keld holds its mayoral primary on Tuesday.", "Tuesday", "2023-11-21"),
    ("In the runoff on Sunday, Ann Lee faces Ivo Penn.", "Sunday", "2023-11-19"),
    ("Brim, which also hosts a caucus on Saturday, is next.", "Saturday", "2023-11-18"),
    # a present opening a relative clause after the date says nothing about it
    ("The deal follows Monday's bid by Varn, which holds a stake in Keld Mills.", "Monday", "2023-11-13"),
    # fixtures (wire round)
    ("The Varn champion faces Ada Roe on Friday.", "Friday", "2023-11-17"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), SCHEDULED_PRESENT_CASES)
def test_a_scheduled_present_looks_forward(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# An ordinal weekday of a month is one day, not a weekday near publication plus a month (WEDNESDAY is
# 2023-11-15; invented sentences).
WEEKDAY_OF_A_MONTH = [
    ("The Keld assembly will reconvene on the first Monday of December.", "first Monday of December", "2023-12-04"),
    ("The Varn fair falls on the last Friday in June 2025.", "last Friday in June 2025", "2025-06-27"),
    ("The Brim board met on the second Tuesday of October.", "second Tuesday of October", "2023-10-10"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), WEEKDAY_OF_A_MONTH)
def test_an_ordinal_weekday_of_a_month(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# "from <amount> a year earlier" compares a figure with the one a year before the report, even after an
# older year named in the text before (published 2023-11-02; invented articles).
COMPARED_AMOUNTS = [
    "The Keld mill opened in 2019.\n\nThe Brim group pays a dividend of 4.6 pence, up 15% from 4 pence a year earlier.",
    "Varn Foods was founded in 1998.\n\nRevenue rose to $3.2 billion from $2.9 billion a year earlier.",
]


@pytest.mark.parametrize("text", COMPARED_AMOUNTS)
def test_an_amount_compared_with_a_year_earlier(text: str) -> None:
    start = text.index("\n\n") + 2
    assert [(d.text, d.value) for d in find_dates(text, start, len(text), date(2023, 11, 2))] == [
        ("a year earlier", "2022")
    ]


def test_a_story_told_from_a_year_still_counts_from_it() -> None:
    text = "In 2019 the Keld guild had 300 members. A year earlier it had 20 members."
    start = text.index("A year")
    assert [(d.text, d.value) for d in find_dates(text, start, len(text), date(2023, 11, 2))] == [
        ("A year earlier", "2018")
    ]


# A weekday opening the sentence before a capitalised word is a title ("Sunday Times reporters"), unless
# the word is a month or a title of a person ("Monday President Holt signed"); invented sentences.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sunday Times reporters found the Keld memo.", []),
        ("Monday Night Quiz returns to Varn radio.", []),
        ("Monday President Holt signed the Brim bill.", [("Monday", "2023-11-13")]),
        ("Saturday Mr. Vale left Keld.", [("Saturday", "2023-11-11")]),
        ("Tuesday, Keld voters rejected the levy.", [("Tuesday", "2023-11-14")]),
    ],
)
def test_a_weekday_opening_a_title(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == expected


# May Day is the first of May, not the month; Black Friday and Cyber Monday follow Thanksgiving (WEDNESDAY
# is 2023-11-15; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Keld dockers marched on May Day.", [("May Day", "2023-05-01")]),
        ("The Varn stores will open early on Black Friday.", [("Black Friday", "2023-11-24")]),
        ("Brim shoppers spent more on Cyber Monday.", [("Cyber Monday", "2022-11-28")]),
        ("The May Day Parade in Keld was cancelled.", []),
    ],
)
def test_holidays_named_after_a_month_or_a_shopping_day(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == expected


# A present progressive of a planned activity looks forward; other progressives do not decide (WEDNESDAY
# is 2023-11-15; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Keld and Varn leaders are meeting on Friday.", [("Friday", "2023-11-17")]),
        ("Mayor Holt is holding a rally in Brim on Monday.", [("Monday", "2023-11-20")]),
        ("Ada Venn is running in Tuesday's Keld primary.", [("Tuesday", "2023-11-21")]),
        ("Keld voters are hailing the mayor's speech on Monday.", [("Monday", "2023-11-13")]),
    ],
)
def test_a_planned_progressive_looks_forward(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == expected


# A clause reported before a closing attribution ("..., officials said.") is placed by its own verbs, not
# by the attribution's past; a date with no clause of its own ("On Thursday, ...") still belongs to the
# report (published 2024-03-14; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Keld voters head to the polls in June, officials said.", [("June", "2024-06")]),
        ("Brim voters choose a mayor in June, Ann Lee, a spokeswoman for the board, said.", [("June", "2024-06")]),
        ('"We like our chances in May," Ivo Penn told reporters.', [("May", "2024-05")]),
        ("The Varn ferry sank in June, officials said.", [("June", "2023-06")]),
        ("In June, Keld officials said.", [("June", "2023-06")]),
        ("On Thursday, Ann Lee told reporters that she would leave Keld.", [("Thursday", "2024-03-14")]),
    ],
)
def test_a_closing_attribution_does_not_place_the_reported_clause(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found_ = [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 3, 14))]
    assert found_ == expected


# Dates in figures: dotted ones are day first (unless the second number cannot be a month) or year first;
# slashed ones month first unless the first number cannot be a month; a version number is no date
# (invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Keld bridge reopens on 06.12.2024.", [("06.12.2024", "2024-12-06")]),
        ("On 31.12.2023 the Brim office closed.", [("31.12.2023", "2023-12-31")]),
        ("The Varn count ended on 12.25.2023.", [("12.25.2023", "2023-12-25")]),
        ("Keld voted on 2023.11.05.", [("2023.11.05", "2023-11-05")]),
        ("The Brim pier was closed on 25/02/2024.", [("25/02/2024", "2024-02-25")]),
        ("Keld installed version 1.2.2023 of the software.", []),
        ("The Varn app moved to Kelo 3.10.2020 in May 2021.", [("May 2021", "2021-05")]),
        ("The rate rose from 2.50 to 31.12.", []),
    ],
)
def test_dates_written_in_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 3, 14))] == expected


# A weekday as a deadline ("until Thursday") set in an article of that weekday is the next one; "a week
# from Tuesday" counts weeks from the coming such day (published Thursday 2024-03-14; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Judge Ivo Penn adjourned the Keld case until Thursday.", [("Thursday", "2024-03-21")]),
        ("The Brim council postponed the vote until Monday.", [("Monday", "2024-03-18")]),
        ("The Varn trial opens a week from Tuesday.", [("a week from Tuesday", "2024-03-26")]),
        ("The Keld vote was moved to two weeks from Friday.", [("two weeks from Friday", "2024-03-29")]),
        ("A week from Thursday, the Brim line closes.", [("A week from Thursday", "2024-03-21")]),
    ],
)
def test_weekdays_as_deadlines_and_weeks_from_a_weekday(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 3, 14))] == expected


# "every December", "each June": a set of months, no date (invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Keld festival, held every December since 1995, drew 20,000 visitors.", [("1995", "1995")]),
        ("Each June, the Brim river floods the lower town.", []),
        ("The Varn fair opened in December.", [("December", "2023-12")]),
    ],
)
def test_a_recurring_month_is_no_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 1, 10))] == expected


# A year by its last two digits after a preposition ("in '98"), nearest publication; a fiscal year over two
# calendar years ("FY2023/24") is a range like "2023/24" (published 2024-03-14; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Keld club last won the league in '98 and again in ’05.", [("'98", "1998", None), ("’05", "2005", None)]),
        ("Ann Lee, class of '91, runs the Brim mill.", [("'91", "1991", None)]),
        ("Ivo Penn said '98 percent' of Varn staff agreed.", []),
        ("Varn expects FY2023/24 profit to be flat.", [("FY2023/24", "2023", "2024")]),
        ("Keld booked FY22-23 losses.", [("FY22-23", "2022", "2023")]),
        ("Brim set FY24 targets.", [("FY24", "2024", None)]),
    ],
)
def test_two_digit_and_fiscal_years(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(sentence, date(2024, 3, 14)) == expected


# Two weekdays joined in a list follow each other within a week, also across the publication day
# (published Thursday 2024-03-14; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Keld summit is on Thursday and Friday.", [("Thursday", "2024-03-14"), ("Friday", "2024-03-15")]),
        ("Brim schools closed on Thursday and Friday.", [("Thursday", "2024-03-07"), ("Friday", "2024-03-08")]),
        ("Varn strikes are planned from Monday to Wednesday.", [("Monday", "2024-03-18"), ("Wednesday", "2024-03-20")]),
        ("Ann Lee made statements Friday and Thursday.", [("Friday", "2024-03-08"), ("Thursday", "2024-03-14")]),
        (
            "The Keld curfew runs from 10 p.m. Wednesday until 6 a.m. Friday.",
            [("Wednesday", "2024-03-13"), ("Friday", "2024-03-15")],
        ),
    ],
)
def test_two_weekdays_in_a_list_follow_each_other(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 3, 14))] == expected


# A bare month modifying a noun ("the August attack") names an event placed by nearness, not by the verb of
# the clause; before an event noun ("the November election") the clause still decides (invented sentences).
@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The trial of two Keld men accused of the August attack begins on Monday.", date(2023, 12, 13), "2023-08"),
        ("Ann Lee won the Brim primary, setting up the November contest with Ivo Penn.", date(2024, 7, 27), "2024-11"),
        ("Varn voters said they would skip the March regional election.", date(2023, 11, 2), "2024-03"),
        ("Ann Lee called November's general election a test of Keld.", date(2024, 8, 17), "2024-11"),
        ("Brim voters rejected the plan in November's referendum.", date(2024, 8, 17), "2023-11"),
    ],
)
def test_a_month_naming_an_event(sentence: str, published: date, expected: str) -> None:
    assert [d.value for d in find_dates(sentence, 0, len(sentence), published) if d.granularity == "month"] == [
        expected
    ]


# An age after a year of birth ('Born in 1939, he moved to Lisk at 17 and ... four years later'): the count
# starts from the age, which the text does not date, so nothing is guessed; an age beside any other year
# ('In 1990, aged 20, she left') is that year's.
def test_a_count_after_an_age_is_not_counted_from_the_birth() -> None:
    text = "Born in 1939, Ivo Marr moved to Lisk at 17 and joined the Keld Players four years later."
    assert [d.text for d in find_dates(text, 0, len(text), SAT)] == ["1939"]
    # (nor from a date line or an earlier paragraph)
    text = "Monday, March 4, 2024\n\n" + text
    assert [d.text for d in find_dates(text, text.index("Born"), len(text), SAT)] == ["1939"]
    text = "Ada Venn was born in Orsa in 1950. She moved to Lisk aged 20. Three years later she married."
    assert [d.text for d in find_dates(text, text.index("Three"), len(text), SAT)] == []
    text = "In 1990, aged 20, she left Keld. Two years later she returned."
    assert [(d.text, d.value) for d in find_dates(text, text.index("Two"), len(text), SAT)] == [
        ("Two years later", "1992")
    ]
    text = "Born in 1950, Ada Venn left Keld in 1970. Two years later she returned."
    assert [(d.text, d.value) for d in find_dates(text, text.index("Two"), len(text), SAT)] == [
        ("Two years later", "1972")
    ]


# A verb of scheduling, its object, 'for' and a weekday: the day is still to come ('has called a strike for
# Thursday'); 'called for Thursday's strike' is a demand placed by the clause's tense.
@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The dockers' union has called a strike for Thursday.", "Thursday", "2023-11-16"),
        ("The Keld council scheduled the vote for Friday.", "Friday", "2023-11-17"),
        ("The union called for Thursday's strike to go ahead.", "Thursday", "2023-11-09"),
    ],
)
def test_an_event_scheduled_for_a_weekday_lies_ahead(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A plan noun's infinitive ('the government's plan to raise the age') looks forward only to a date after it;
# a day named before it is placed by the clause's verb.
@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "Crowds marched through Lisk, the capital, on Monday to oppose the plan to close the port.",
            "Monday",
            "2023-11-13",
        ),
        ("Farmers rallied in Orsa on Tuesday against the council's plan to sell the land.", "Tuesday", "2023-11-14"),
        ("Critics attacked the plan to close the road on Friday.", "Friday", "2023-11-17"),
    ],
)
def test_a_plan_nouns_infinitive_dates_only_what_follows(sentence: str, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), WEDNESDAY)] == [(text, value)]


# A starting point through a preposition ("starting in October") is placed by nearness, not by the
# report's past tense, as "starting October" is (published 2024-07-25; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Orlen said it had signed a gas deal, starting in October.", [("October", "2024-10")]),
        ("The Varn line said fares would be cut beginning in September.", [("September", "2024-09")]),
        ("The Orlen mine opened in October.", [("October", "2023-10")]),
    ],
)
def test_a_starting_point_through_a_preposition(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 7, 25))] == expected


# A participle after a present linking verb is a state, no past ("will stay closed until Friday"); a
# hedged deadline ("until at least Friday") is a deadline (published Monday 2024-04-15; invented sentences).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Orlen schools will stay closed until Friday, the ministry said.", [("Friday", "2024-04-19")]),
        ("The Varn bridge will remain shut until at least Friday.", [("Friday", "2024-04-19")]),
        ("The Varn bridge stayed closed until Friday.", [("Friday", "2024-04-12")]),
    ],
)
def test_states_and_hedged_deadlines(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, 0, len(sentence), date(2024, 4, 15))] == expected
