"""extract() never crashes, never hangs, and every offset it returns names exactly its text."""

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction.pipeline import extract
from claims.extraction.segment import split

ROOT = Path(__file__).resolve().parents[2]

# Pieces that stress the splitter and the stages: quotes of all kinds, abbreviations, brackets,
# ellipses, zero-width and direction marks, bullets, line breaks, dates, places and names.
PIECES = [
    ".",
    "?",
    "!",
    "...",
    "…",
    ". . .",
    "[...]",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    ";",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2028",
    "•",
    "—",
    "-",
    "1.",
    "2)",
    "a.",
    "U.S.",
    "Mr.",
    "Dr.",
    "D.C.",
    "J. K.",
    "3.5",
    "a.m.",
    "etc.",
    "No.",
    "He",
    "she said",
    "said",
    "told",
    "according to",
    "The",
    "Ukraine",
    "Paris",
    "Washington",
    "President Joe Biden",
    "on Monday",
    "yesterday",
    "March 4, 2011",
    "in 2009",
    "last year",
    "Image:",
    "By",
    "Sources",
    "click here",
    "שלום",
    "مرحبا",
    "日本",
    "🙂",
    "\x00",
    "\x1b",
    "\ud7ff",
    "\U0010ffff",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map(" ".join),
)


def check(text: str) -> None:
    for sent in split(text):
        assert 0 <= sent.start < sent.end <= len(text)
        assert text[sent.start : sent.end].strip()
    previous_end = 0
    for claim in extract(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.start >= previous_end  # in order, never overlapping
        previous_end = claim.end
        assert 0.0 <= claim.checkworthiness <= 1.0
        for mention in [*claim.dates, *claim.places]:
            assert text[mention.start : mention.end] == mention.text
            assert claim.start <= mention.start <= mention.end <= claim.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_always_name_their_text(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\u200b\u200b",
        '"',
        '"""',
        "“Unclosed quote. He said",
        'He said "it is over. She left.',
        "” backwards “ quotes ” here.",
        "\u202eThe council met. It agreed.\u202c",
        "מועצה העיר אישרה את התקציב. He said so.",
        "Zero\u200bwidth\u200bjoined. Sentences\u200b here.",
        "[...]",
        "....",
        ". . . .",
        "1.",
        "Mr.",
        "U.S. U.S. U.S.",
    ],
)
def test_awkward_inputs(text):
    check(text)


def test_binary_junk_decoded_with_replacement():
    rng = random.Random(1234)
    junk = bytes(rng.randrange(256) for _ in range(200_000)).decode("utf-8", errors="replace")
    check(junk)


def timed(text: str) -> float:
    started = time.perf_counter()
    check(text)
    return time.perf_counter() - started


def test_one_megabyte_line_without_punctuation_is_linear():
    # Quadratic work on a 1 MB line would take minutes; linear work takes well under a few seconds.
    small = timed("lorem ipsum dolor " * 5_000)
    large = timed("lorem ipsum dolor " * 58_000)  # ~1 MB
    assert large < 30
    assert large < max(1.0, small * 11.6 * 4)  # ~11.6x the input, at most ~4x slack for noise


@pytest.mark.parametrize(
    "unit",
    ["word " * 50, "x" * 200, "A. " * 60, "Mr. " * 50, "1) " * 60, ". " * 100, '"a" ' * 50, "[...] " * 30],
)
def test_pathological_patterns_finish_quickly(unit):
    assert timed(unit * 2_000) < 30  # 100-400 KB each


FIVE_MB_CHECK = """
from claims.extraction.pipeline import extract
paragraph = (
    "The council approved a ${n} million bridge on Monday, Mayor Ann Lee said. \\"It is a great day for "
    "Springfield,\\" she told reporters in Washington D.C. on March 4, 2011. Work starts in May.\\n\\n"
)
# Numbered paragraphs: identical ones would be taken for pull quotes and dropped as furniture.
count = 5_000_000 // len(paragraph)
text = "Bridge approved\\n\\n" + "".join(paragraph.replace("{n}", str(n)) for n in range(count))
claims = extract(text)
assert len(claims) == 3 * count, (len(claims), 3 * count)
assert all(text[c.start : c.end] == c.text for c in claims)
print("ok")
"""


@pytest.mark.slow
def test_five_megabyte_article():
    # In a child process so that a super-linear stage fails the test at the timeout instead of hanging it.
    proc = subprocess.run([sys.executable, "-c", FIVE_MB_CHECK], capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
