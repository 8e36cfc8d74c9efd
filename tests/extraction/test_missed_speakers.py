"""Sentences that used to get no speaker although the convention attributes them.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from .test_attribution import paragraph_speakers as speakers

CASES = [
    # a name in apposition to a description with two lowercase modifiers before its head
    ("Mayor Ed Kane, a former harbour pilot warned that the pier would collapse.", "Ed Kane"),
    ("Councillor Rita Vos, the veteran union organiser, said the strike would end soon.", "Rita Vos"),
    ("Tom Bell, a retired harbour pilot, said the pier would collapse.", "Tom Bell"),
    ("A former harbour pilot warned that the pier would collapse.", "A former harbour pilot"),
    # the author of a document after 'from' right after its head, as after 'by'
    ("Late on Friday, a memo from Ann Lee said the pier was closed.", "Ann Lee"),
    ("A letter from the Vale Institute said the reservoir was nearly empty.", "Vale Institute"),
    ("An email from Tom Vint to his staff said the plant would close.", "Tom Vint"),
    # a threat is a speech act of a person or organisation
    ("The union threatened to strike if the talks failed.", "The union"),
    ("The union threatened legal action over the closure.", "The union"),
    ("Ann Lee threatened to resign over the budget.", "Ann Lee"),
    # a reported clause opening with an adjective and a bare plural (wire round)
    ("The Keld bank said tight supplies could keep prices high.", "The Keld bank"),
    ("The lender said higher costs would hurt growth in Varn.", "The lender"),
    ("The tenants' group has threatened a rent strike.", "The tenants' group"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_missed_speaker(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


NONE_CASES = [
    # a threat by anything but a speaker is an event
    "The storm threatened to flood the lower town.",
    "Rising costs threaten the project.",
]


@pytest.mark.parametrize("sentence", NONE_CASES)
def test_no_speaker(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a preposition is no modifier of a description: 'a letter to donors', 'the chance to help' are no
# subjects of the verb after them
PREPOSITION_CASES = [
    ('Her office quickly blasted out a letter to donors stating, "Ann Lee Wins Again."', "Her office"),
    (
        "The visit gives Lee the chance to help the campaign in Dorrow after Vint has promised to win the county.",
        "Vint",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker"), PREPOSITION_CASES)
def test_preposition_is_no_modifier(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# a belief verb before a finite clause whose verb is a simple past with its object
BELIEF_CASES = [
    ("Lee's aides think the speech gave him an opening.", "Lee's aides"),
    ("Officials think the storm made the road unsafe.", "Officials"),
    ("Harbor pilots believe the new channel helped the port.", "Harbor pilots"),
]

# ... but not before a relative clause or a participle modifying the object
NO_BELIEF_CASES = [
    "Ann Lee recalls the storm that hit the town.",
    "Ann Lee knows the man named in the report.",
]


@pytest.mark.parametrize(("sentence", "speaker"), BELIEF_CASES)
def test_belief_before_past_clause(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


@pytest.mark.parametrize("sentence", NO_BELIEF_CASES)
def test_no_belief_before_object(sentence: str) -> None:
    assert speakers(sentence) == [None]


# a document with its participle closing the sentence after a quotation, as after a plain clause
CLOSING_DOCUMENT_CASES = [
    ('"The claim is speculative," the ruling released Friday said.', "the ruling"),
    ('"The pier is closed," the memo sent on Friday said.', "the memo"),
    ('"The pier is closed," the letter from the harbour board said.', "the harbour board"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CLOSING_DOCUMENT_CASES)
def test_closing_document_after_quote(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# an organisation's finding closing the sentence after a comma, as with a that-clause after the verb
CLOSING_FINDING_CASES = [
    ("Lee has kept her lead among older voters, the Harbor Times found.", "Harbor Times"),
    ("Rents rose fastest near the port, the Vale Institute found.", "Vale Institute"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CLOSING_FINDING_CASES)
def test_closing_finding(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_closing_discovery_of_a_person() -> None:
    # a person finding something is no report
    assert speakers("The keys were on the table, Ann Lee found.") == [None]


# An adverb between a document subject and its verb ('Polls there show', 'The records still show').
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Polls there show Lee ahead in the north.", "Polls"),
        ("Local polls now show Lee ahead in the north.", "Local polls"),
        ("The records still show that the fee was paid.", "The records"),
    ],
)
def test_an_adverb_between_a_document_and_its_verb(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


# 'it' after a sentence that opens with a body's common noun ('The coastguard rescued ...'): the body
@pytest.mark.parametrize(
    ("sentences", "speaker"),
    [
        (["The coastguard rescued six people off Keld on Monday.", "It said the boat had capsized."], "The coastguard"),
        (["The coastguard pulled two divers from the bay.", "The water was cold, it said."], "The coastguard"),
        (
            ["The airline cancelled 40 flights on Friday.", "It said the strike had left it short of crew."],
            "The airline",
        ),
        (["The Varn Coastguard found the yacht at dawn.", "It said the crew were safe."], "Varn Coastguard"),
    ],
)
def test_it_after_a_body_opening_the_sentence_before(sentences: list[str], speaker: str) -> None:
    assert speakers(*sentences)[-1] == speaker


# The subject of a passive host ('was prompted to say') or a member of those a relative clause reports
# ('is among those who say', 'is one of the residents who said') says the clause too.
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Tom Vale was prompted to say the council had misled the town.", "Tom Vale"),
        ("Ned Pike was moved to add that the pier would close.", "Ned Pike"),
        ("Ann Lee is among those who say the harbour must be dredged.", "Ann Lee"),
        ("Ann Lee was one of the residents who said the harbour must be dredged.", "Ann Lee"),
    ],
)
def test_a_passive_host_or_a_member_of_those_who_say(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_a_thing_among_those_who_say_is_no_speaker() -> None:
    assert speakers("The plan was among those who say nothing.") == [None]
