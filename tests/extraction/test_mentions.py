"""How a mention is read once a cue has found it: organisation names with inner connectors, titles with
a prepositional complement, newspapers named 'Daily X', a head that is both description and newspaper.
All sentences are invented."""

from __future__ import annotations

import pytest

from claims.extraction.pipeline import extract


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation head, then 'for the X of Y' / 'for X of Y': the whole name, not its last word
        (
            "The Joint Council for the Welfare of Farmworkers said the rules were unfair.",
            "Joint Council for the Welfare of Farmworkers",
        ),
        ("The League for the Protection of Birds said the marsh was drying out.", "League for the Protection of Birds"),
        ("The Society for the Study of Lakes said the water was warmer than ever.", "Society for the Study of Lakes"),
        (
            "A spokesman for the Institute for Research on Ferns said the grant had ended.",
            "Institute for Research on Ferns",
        ),
        # still no organisation where the word before 'of' is a person's name
        ("Former Gov. Tom Vint of Elmvale said the tax would stay.", "Tom Vint"),
        ("Mayor Lena Orr of Brackwater said the bridge would reopen.", "Lena Orr"),
    ],
)
def test_organisation_names_with_inner_connectors(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ambassador to the United Kingdom Tomas Reval said the talks went well.", "Tomas Reval"),
        ("Special Envoy for Climate Ana Ruiz said the targets were within reach.", "Ana Ruiz"),
        ("Adviser to the Treasury Mira Holt said the deficit would shrink.", "Mira Holt"),
        ("Envoy to the Northern Isles Piet Marsh said the ferry would keep running.", "Piet Marsh"),
        # 'to the' after no title joins nothing: the board addressed is no speaker (the letters speak)
        ("Letters sent to the Harbour Board said the dock was unsafe.", "Letters"),
        ("The memo to the Harbour Board said the dock was unsafe.", None),
    ],
)
def test_titles_with_a_prepositional_complement_before_the_name(text: str, expected: str | None) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Daily Ledger reported that the mayor would resign.", "Daily Ledger"),
        ("As reported by the Daily Courier, the mill will shut in May.", "Daily Courier"),
        ("The Weekly Anchor said the ferry fares would rise.", "Weekly Anchor"),
        # a lowercase 'daily' is a common noun: the name follows it
        ("The daily Tagesblatt reported that the mayor would resign.", "Tagesblatt"),
        # a reporter of the paper speaks for herself
        ("Daily Ledger reporter Ines Rook said the figures were wrong.", "Ines Rook"),
    ],
)
def test_newspapers_named_daily(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Tidewater Star on Tuesday reported that the port would close.", "Tidewater Star"),
        ("The Morning Star said the strike would end on Friday.", "Morning Star"),
        ("Ann Lee on Monday said the plan was dead.", "Ann Lee"),
        ("The Fenwick Herald on Sunday reported that the dam had cracked.", "Fenwick Herald"),
        # an indefinite 'star' stays a description
        ("Another Hollywood Star said the studio had cut wages.", "Another Hollywood Star"),
    ],
)
def test_newspapers_named_star_and_time_phrases(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name index reads the whole organisation name, so its acronym is spelled out
        (
            "The Joint Council for the Welfare of Farmworkers (JCWF) met on Monday. The JCWF said the rules were unfair.",
            "Joint Council for the Welfare of Farmworkers",
        ),
        (
            "The Association for the Care of Orchards (ACO) met in Dunmere. The ACO said the frost had killed the buds.",
            "Association for the Care of Orchards",
        ),
        # a person's 'of' after an organisation and a title stays out of the name: 'Lee' is Ann Lee
        ("Bank of Elmvale Governor Ann Lee of Leeds met the board. Lee said rates would rise.", "Ann Lee"),
        ("Harbour Board Chair Tom Vint of Orrin met the crews. Vint said the quay would reopen.", "Tom Vint"),
    ],
)
def test_the_name_index_reads_organisation_names_with_inner_connectors(text: str, expected: str) -> None:
    assert speakers(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lowercase nouns between a capitalised modifier and a group head, no determiner
        ("Tarrow County election officials said the ballots were lost.", "Tarrow County election officials"),
        ("Public health officials warned that the fever would spread.", "Public health officials"),
        ("Law enforcement sources said the man had fled to Orrin.", "Law enforcement sources"),
        ("First, Green party officials said the vote would start at noon.", "Green party officials"),
        ("Orrin campaign aides said the rally was cancelled.", "Orrin campaign aides"),
        # a verb before the nouns is no modifier: the first speaker stays the clause's subject
        ("Ann Lee says health officials lost the ballots.", "Ann Lee"),
    ],
)
def test_group_heads_with_noun_modifiers_after_a_capitalised_word(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


# one body's name joins its parts with 'and' (an organisation head closes the name, or a connector chain
# before the first part reaches one); names of two speakers joined by 'and' stay apart
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ferry and Harbour Authority said the pier would close.", "Ferry and Harbour Authority"),
        ("The Bureau of Mines and Quarries said output fell.", "Bureau of Mines and Quarries"),
        (
            "A spokeswoman for the Ministry of Fisheries and Forests said the quota was final.",
            "Ministry of Fisheries and Forests",
        ),
        ("Ada Venn and Tom Rice said the vote was fair.", "Ada Venn"),
        ("Governor of Keld Ada Venn and Tom Rice said the toll was fair.", "Ada Venn"),
        ("Brimco and Varnex said the merger was off.", "Brimco"),
    ],
)
def test_and_inside_one_bodys_name(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


# a proper modifier before a lowercase modifier and an organisation head stays in the subject
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Keld central bank said inflation fell.", "The Keld central bank"),
        ("The Brim development agency said the loans were repaid.", "The Brim development agency"),
    ],
)
def test_proper_modifier_before_an_organisation_head(text: str, expected: str) -> None:
    assert speakers(text) == [expected]
