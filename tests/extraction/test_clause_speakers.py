"""Sentence structure deciding the speaker: which clause a name stands in, and which phrase is the
subject of the reporting verb rather than its object.

Every sentence is invented; each case stands for a construction of English.
"""

from __future__ import annotations

import pytest

from .test_attribution import paragraph_speakers as speakers

CASES = [
    # 'X, apposition, said Y <clause>': the subject opening the clause before the comma speaks; the
    # phrase after the verb opens what is said, asked or written, not an inverted subject
    ("Ada Lund, speaking after the vote, said Ben Roe failed to warn the council.", "Ada Lund"),
    ("Tom Vint, a harbour pilot from Leeds, said the mayor \u201cnever once visited the docks.\u201d", "Tom Vint"),
    ("In an interview, Ula Pike, a former port director, said Ben Roe ignored the warnings.", "Ula Pike"),
    # (a name with its suffix is a name, not a role, before a relative clause with a place in it)
    ("Ines Marr Jr., who moved to Dorrow, Kent, in 2009, said they never saw the figures.", "Ines Marr"),
    ("The county, leading a group of towns, asked a federal judge to block the new rules.", "The county"),
    ("Friday, Vale Energy, joined by two unions, asked the regulator to delay the auction.", "Vale Energy"),
    ("Dara Quill, a lawyer for the families, asked the minister whether she would resign.", "Dara Quill"),
    # an interjected ', said X,' after a subject keeps X as the speaker
    ("The old dam, said engineer Piet Lark, will hold for another decade.", "Piet Lark"),
    ("The plan, said Mayor Ida Wren in a statement, will cost the town nothing.", "Ida Wren"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_clause_speaker(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]
