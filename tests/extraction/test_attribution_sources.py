"""Attribution: sources that are documents, polls and data, layered attribution, noun and belief cues
(invented sentences only, none from an evaluation set)."""

from __future__ import annotations

import pytest

from .test_attribution import run

CASES = [
    # 'according to' a document: its named author speaks, else its named owner, else the document as
    # written with its modifiers (a reduced relative included)
    (
        [
            [
                "About 40 percent of small farms lost money, according to a 2019 Agriculture Department study.",
                "Rents rose 12 percent in the spring, according to new data from the housing office.",
                "The agency missed its targets, according to a memo released Friday by the agency's auditor.",
                "The program will cost 3 billion dollars, according to a fact sheet lawmakers released Monday.",
            ]
        ],
        [
            "Agriculture Department",
            "new data from the housing office",
            "a memo released Friday by the agency's auditor",
            "a fact sheet lawmakers released Monday",
        ],
    ),
    (
        [
            [
                "Turnout fell by a third, according to early results of exit polls conducted by Vale Research.",
                "Ticket sales doubled, according to a recent report from Brightwater Analytics.",
                "According to a 2017 survey, most anglers release their catch.",
                "Lee leads by 30 delegates, according to a tally by the Harbor Ledger.",
                "The mill closed in 1990, according to Ben Ott's memoir.",
            ]
        ],
        ["Vale Research", "Brightwater Analytics", "a 2017 survey", "Harbor Ledger", "Ben Ott's memoir"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), CASES)
def test_speakers(paragraphs: list[list[str]], speakers: list[str | None]) -> None:
    assert [r.speaker for r in run(*paragraphs)] == speakers
