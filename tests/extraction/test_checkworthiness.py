"""The check-worthiness heuristic orders sentences sensibly and stays in [0, 1]."""

import pytest

from claims.extraction.checkworthiness import score
from claims.extraction.types import Attribution, DateMention, PlaceMention

NONE = Attribution()
QUOTED = Attribution(speaker="Jane Doe", quote="We cut taxes by 5%.", kind="direct_quote", cue="said")
DATE = DateMention("June 9, 2014", 0, 12, "2014-06-09")
PLACE = PlaceMention("Ohio", 0, 4, "region")


def test_range_and_rounding():
    for sentence in ["", "?", "x" * 10_000, "I think it may perhaps be nice?"]:
        value = score(sentence, NONE, [], [])
        assert 0.0 <= value <= 1.0
        assert value == round(value, 3)


def test_rich_factual_sentence_scores_high():
    text = "Unemployment in Ohio fell to 4.1 percent in March, the Labor Department said."
    assert score(text, Attribution(speaker="Labor Department", cue="said"), [DATE], [PLACE]) >= 0.9


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ("The city spent $4 million on the bridge.", "The city spent money on the bridge."),
        ("The city spent money on the bridge.", "Did the city spend money on the bridge?"),
        ("The city spent money on the bridge.", "I think the city should spend money on the bridge."),
        ("The city spent money on the bridge.", "The city may perhaps have spent money on the bridge."),
        ("The city spent money on the bridge.", "Yes, indeed."),
        ("The city spent a record amount on the bridge.", "The city spent an amount on the bridge."),
    ],
)
def test_ordering(higher, lower):
    assert score(higher, NONE, [], []) > score(lower, NONE, [], [])


def test_evidence_from_other_stages_raises_the_score():
    text = "Taxes were cut, he said."
    plain = score(text, NONE, [], [])
    assert score(text, QUOTED, [], []) > plain
    assert score(text, NONE, [DATE], []) > plain
    assert score(text, NONE, [], [PLACE]) > plain


def test_named_entities_raise_the_score():
    assert score("The deal was signed by Acme Corp and Globex.", NONE, [], []) > score(
        "The deal was signed by the firms.", NONE, [], []
    )
