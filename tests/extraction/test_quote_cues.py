"""Quotations and the cues beside them, end to end: nested single quotes, surnames that are English words,
typewriter quotes, sentences glued without a space, title-case cues. All sentences are invented."""

from __future__ import annotations

import pytest

from claims.extraction.pipeline import extract
from claims.extraction.quotes import find_quotes
from claims.extraction.segment import split


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract(text)]


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nested quotation closing right against the closing mark
        ("\"Then she can say 'I am not just a coastal candidate,'\" said Ann Webb.", "Then she can say"),
        ("“They told us ‘we are done,’” said Omar Vint.", "They told us"),
        ("\"She kept asking 'where is the money?'\" Lisa Crane said.", "She kept asking"),
        # a nested quotation opening right after the opening mark
        ("\"'Enough,' she told me, and left,\" said Tom Baker.", "'Enough,' she told me"),
        # apostrophes inside
        ("\"We can't go back to the '90s,\" said Lisa Crane.", "We can't go back"),
    ],
)
def test_nested_single_quotes_keep_the_double_quotation(text: str, expected: str) -> None:
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert len(quotes) == 1 and quotes[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "\"They need a win here, because then she can say 'I am not just a coastal candidate,'\" said "
            "Ann Webb, who runs a polling newsletter.",
            "Ann Webb",
        ),
        ("\"'Enough,' she told me, and then she left the room,\" said Tom Baker, a farmer.", "Tom Baker"),
        ("“He kept saying ‘trust me,’ and we did,” said Omar Vint, a retired welder.", "Omar Vint"),
        ("\"We can't go back to the '90s, and we won't,\" said Lisa Crane, a shop owner.", "Lisa Crane"),
        ("''We will rebuild,'' said Mayor Tina Holt.", "Tina Holt"),
        ("''We will rebuild the 'old' bridge,'' said Mayor Tina Holt.", "Tina Holt"),
        # the inner quotation closing with the outer one, in straight marks: three in a row
        ("''I would call the plan 'reckless,''' said Tom Vale, who chairs the board.", "Tom Vale"),
        ("''We were told 'wait and see,''' Ann Lee said on Monday.", "Ann Lee"),
        # a closing mark typed as an opening one, glued to the word before it
        ('"The ferry is late again,\u201c said Ina Roe, a fisherman.', "Ina Roe"),
        ("\u201cNobody asked us,\u201c complained Omar Vint.", "Omar Vint"),
    ],
)
def test_cue_after_nested_quotes(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We have studied the risk," Read said.', "Read"),
        ('"The bridge is fine," Short said.', "Short"),
        ('"The vote is close," May said.', "May"),
        ('"The vote is close," Still told reporters.', "Still"),
        ('"The bridge is fine," Young said.', "Young"),
        ('"The bridge is fine," Price told reporters.', "Price"),
        ('"The bridge is fine," Brown added.', "Brown"),
        ('"We have studied the risk," said Read.', "Read"),
    ],
)
def test_surname_that_is_a_word_beside_a_quotation(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ann Read is the county engineer. "We have studied the risk," Read said.', [None, "Ann Read"]),
        ('Theresa Vale May spoke in Elmvale. "We will leave," May said.', [None, "Theresa Vale May"]),
        ('Tom Still runs the mill. "The river is high," Still said.', [None, "Tom Still"]),
    ],
)
def test_word_surname_takes_the_full_name(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_word_surname_after_an_abbreviated_title() -> None:
    assert speakers("Mr. Read said the dam would hold.") == ["Read"]
    assert speakers("Mrs. May said the mill would close.") == ["May"]


def test_pronoun_or_determiner_after_a_quotation_is_no_name() -> None:
    assert speakers('"The bridge is fine," This said.') == [None]
    assert speakers('"The bridge is fine," It said.') != ["It"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The dam will hold," Kim said.Kim added that the town was safe.',
            ['"The dam will hold," Kim said.', "Kim added that the town was safe."],
        ),
        ("The town voted.The mayor resigned on Friday.", ["The town voted.", "The mayor resigned on Friday."]),
        ("Prices rose 5 percent.Analysts said it was high.", ["Prices rose 5 percent.", "Analysts said it was high."]),
        # no lost space: abbreviations, domains, numbers, code-like names stay whole
        ("He shops at Amazon.com every day.", ["He shops at Amazon.com every day."]),
        ("The U.S.Army said so.", ["The U.S.Army said so."]),
        ("It was No.5 on the list.", ["It was No.5 on the list."]),
        ("They use Node.JS here.", ["They use Node.JS here."]),
        ("He flew to St.Louis on Monday.", ["He flew to St.Louis on Monday."]),
        ("Visit www.example.Com today.", ["Visit www.example.Com today."]),
    ],
)
def test_sentences_glued_without_a_space(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_glued_sentences_get_their_speakers() -> None:
    text = "“The dam will hold,” Kim Oda said.Oda added that the town was safe."
    assert speakers(text) == ["Kim Oda", "Kim Oda"]
    text = '"The ferry runs," Lars Berg said.Berg said the port was open.'
    assert speakers(text) == ["Lars Berg", "Lars Berg"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Where is the money?" Lisa Crane asked.', "Lisa Crane"),
        ('"Where is the money?" Lisa Crane asked on Monday.', "Lisa Crane"),
        ('"Enough!" Mr. Vint shouted.', "Vint"),
    ],
)
def test_question_or_exclamation_then_named_cue_is_one_sentence(text: str, speaker: str) -> None:
    assert sentences(text) == [text]
    assert speakers(text) == [speaker]


def test_question_then_new_sentence_still_splits() -> None:
    assert sentences('She asked "why not?" Ann Lee said the plan would fail.') == [
        'She asked "why not?"',
        "Ann Lee said the plan would fail.",
    ]
    assert len(sentences('"We need you for the long run!" She replied to him on Monday.')) == 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The county board met on Monday. Budget Plan Is A Mistake, Senator Ray Cole Says. Cole said the "
            "plan would cost jobs.",
            "Ray Cole",
        ),
        (
            "The river council met on Tuesday. Dam Repairs Must Start Now, Engineer Ann Vale Warns. Vale said "
            "the dam was old.",
            "Ann Vale",
        ),
    ],
)
def test_title_case_cue_at_the_end(text: str, speaker: str) -> None:
    assert speakers(text) == [None, speaker, speaker]


def test_title_case_cue_needs_the_whole_sentence_in_title_case() -> None:
    # an ordinary sentence ending in a capitalised word is no headline cue
    assert speakers("The plan is a mistake, critics of Senator Ray Cole Says.")[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We will rebuild,'' said Mayor Tina Holt.", ["We will rebuild,"]),
        ("''We will rebuild the 'old' bridge,'' said Mayor Tina Holt.", ["We will rebuild the 'old' bridge,"]),
        ("''It was on 'River Talk,''' said Tom Vint.", ["It was on 'River Talk,'"]),
        ("``Never,'' she said.", ["Never,"]),
        ("He said ''no'' twice.", ["no"]),
    ],
)
def test_typewriter_double_quotes_are_quotations(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


def test_typewriter_quotation_of_several_sentences_takes_the_cue_after_it() -> None:
    text = "''Tax cuts should stop. There is no room for them,'' former Gov. Tom Vint of Elmvale said on Monday."
    assert speakers(text) == ["Tom Vint", "Tom Vint"]
    text = "Ann Lee spoke first.\n\n''We lost the vote.\n\n''We will fight on,'' she said."
    assert speakers(text) == [None, "Ann Lee", "Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The plan will fail," Ann Lee fumed on Tuesday.', "Ann Lee"),
        ('"Silly people acting like children," scoffed Ann Lee, 22, who runs the club.', "Ann Lee"),
        ("\"Our ideas of 'success' are different,\" agrees Tom Vint, 30, of Elmvale.", "Tom Vint"),
        ('"Dams should be inspected yearly," opined the Elmvale Courier.', "Elmvale Courier"),
        ('"Imagine the two of them on one stage," mused radio host Tom Vint.', "Tom Vint"),
        ('"We will win in November," Tom Vint boomed.', "Tom Vint"),
        ('"Not this year," Ann Lee scoffed on Friday.', "Ann Lee"),
    ],
)
def test_manner_and_inverted_verbs_beside_a_quotation(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_quoted_title_is_no_quotation_beside_the_verb() -> None:
    assert speakers('The group, called "Free River," continued its work.') == [None]
    assert speakers('The firm, "Green Acres," started selling seeds last year.') == [None]


def test_questions_in_one_quotation_then_the_named_cue() -> None:
    text = '"Who can count the votes? Is it two? Three?" Ann Lee asks as a clerk walks in.'
    assert speakers(text) == ["Ann Lee", "Ann Lee", "Ann Lee"]
    text = '"Why now? Why here?" Tom Vint asked while the crowd left.'
    assert speakers(text) == ["Tom Vint", "Tom Vint"]


def test_echoed_with_a_colon_announces_the_quotation() -> None:
    text = 'Tom Vint, a farmer, spoke first.\n\nAnn Lee echoed:\n\n"He speaks his mind, and that is what we need."'
    assert speakers(text)[-1] == "Ann Lee"
    text = 'The mayor left early.\n\nTom Vint echoed:\n\n"The river is too high for the boats."'
    assert speakers(text)[-1] == "Tom Vint"


def test_retaliated_beside_a_quotation() -> None:
    assert speakers('"Elmvale will always be Elmvale," an angry Vint retaliated.') == ["Vint"]
    assert speakers('"We never gave up," Ann Lee retaliated on Monday.') == ["Ann Lee"]


@pytest.mark.parametrize(
    "text",
    [
        '"Why?" Lee, a farmer, asked.',
        '"Why now?" Ann Lee quietly asked.',
        '"Why?" Ann Lee, who runs the mill, asked on Monday.',
        '"How are you today?" Lee, a retired worker from a mill, said pleasantly into the phone.',
    ],
)
def test_question_then_name_with_apposition_or_adverb_is_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_question_then_a_new_sentence_with_an_apposition_still_splits() -> None:
    assert sentences('She asked "why not?" Ann Lee, the mayor, said the plan would fail.') == [
        'She asked "why not?"',
        "Ann Lee, the mayor, said the plan would fail.",
    ]


def test_a_manner_verb_without_a_quotation_is_no_cue() -> None:
    assert speakers("The economy boomed in May.") == [None]
    assert speakers("The crowd scoffed at the plan on Friday.") == [None]
