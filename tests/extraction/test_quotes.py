"""Quotation finding: straight and curly marks, mismatched pairs, quotations over several paragraphs."""

import pytest

from claims.extraction.quotes import QuoteIndex, clean_fragment, find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "the bridge is safe" today.', ["the bridge is safe"]),
        ("She said “the bridge is safe” today.", ["the bridge is safe"]),
        ('He called it “a shambles" and left.', ["a shambles"]),  # curly open, straight close
        ('"We will rebuild," the mayor said, "and soon."', ["We will rebuild,", "and soon."]),
        ("The so-called 'grey zone' is not a quote.", []),
        ('A stray " mark between spaces', []),
        ('Unclosed "quotation runs to the end', ["quotation runs to the end"]),
        ("", []),
        ('""', []),
    ],
)
def test_quoted_words(text: str, expected: list[str]) -> None:
    assert [w for w in quoted(text) if w] == expected


def test_quotation_over_paragraphs_shares_one_chain() -> None:
    text = 'The minister said: "First part of it.\n\n"Second paragraph of it."\n\nNot quoted here.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["First part of it.", "Second paragraph of it."]
    assert qs[0].chain == qs[1].chain
    assert qs[0].close_mark is None


def test_quotation_runs_on_to_a_closing_mark_in_the_next_paragraph() -> None:
    # the opening mark is not repeated, and the next paragraph's first mark can only close
    text = 'The coach said, "We learned a lot.\n\nIt was a long day. We will be back."\n\nThe team left.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["We learned a lot.", "It was a long day. We will be back."]
    assert qs[0].chain == qs[1].chain


def test_paragraph_without_marks_ends_an_open_quotation() -> None:
    text = 'The coach said, "We learned a lot.\n\nThe team left on Monday.\n\nShe said "bye" then.'
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["We learned a lot.", "bye"]
    assert qs[0].chain != qs[1].chain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mark typed against the comma instead of the first quoted word
        ('She said kits would be sent to schools," For example, pupils can vote".', ["For example, pupils can vote"]),
        ('Lena Ford said," [He] liked the colours".', ["[He] liked the colours"]),
        # but not where nothing can close it, or a lowercase word follows (a missing opening mark)
        ('It was fine," For once.', []),
        ('It was fine," she said.', []),
    ],
)
def test_misplaced_opening_mark(text: str, expected: list[str]) -> None:
    assert [w.strip() for w in quoted(text)] == expected


def test_separate_quotations_have_separate_chains() -> None:
    text = '"One," she said.\n\n"Two," he said.'
    qs = find_quotes(text)
    assert len(qs) == 2 and qs[0].chain != qs[1].chain


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("we will win,", "we will win"),
        ("we will win;", "we will win"),
        ("as follows:", "as follows"),
        ("we will win.", "we will win."),
        ("will we win?", "will we win?"),
        ("  padded  ", "padded"),
    ],
)
def test_clean_fragment(fragment: str, expected: str) -> None:
    assert clean_fragment(fragment) == expected


def test_words_join_fragments_inside_a_span() -> None:
    text = 'He said the plan was "bold," and "long overdue."'
    idx = QuoteIndex(text)
    assert idx.words(0, len(text)) == "bold ... long overdue."
    assert idx.words(0, 10) is None


def test_covering_includes_the_marks() -> None:
    text = 'x "abc" y'
    idx = QuoteIndex(text)
    assert idx.covering(2) is not None and idx.covering(6) is not None
    assert idx.covering(0) is None and idx.covering(8) is None


@pytest.mark.parametrize("text", ['\x00\x01"\u200b\u202e“', '"' * 1000, "a" * 200_000, "“”" * 500])
def test_junk_does_not_break(text: str) -> None:
    QuoteIndex(text).words(0, len(text))
