"""pipeline.extract wiring and the JSON Lines command line contract."""

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claims.extraction import pipeline
from claims.extraction.cli import parse_published, run_jsonl
from claims.extraction.pipeline import extract, extract_sentences
from claims.extraction.types import Attribution

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = (
    "Town approves bridge\n\n"
    "Tuesday, June 10, 2014\n\n"
    "The council approved a $40 million bridge on Monday, Mayor Ann Lee said.\n\n"
    '"It is a great day," Lee said. Work starts in May.\n\n'
    "Image: City Archive.\n"
)


def test_extract_returns_body_sentences_with_exact_offsets():
    claims = extract(ARTICLE, date(2011, 3, 8))
    assert [c.text for c in claims] == [
        "The council approved a $40 million bridge on Monday, Mayor Ann Lee said.",
        '"It is a great day," Lee said.',
        "Work starts in May.",
    ]
    for c in claims:
        assert ARTICLE[c.start : c.end] == c.text
        assert 0.0 <= c.checkworthiness <= 1.0
        for mention in [*c.dates, *c.places]:
            assert ARTICLE[mention.start : mention.end] == mention.text
            assert c.start <= mention.start <= mention.end <= c.end


MISTYPED_CLOSER = [
    # (paragraph, [(sentence, speaker)]): the reporter's sentence after a “ typed as the closer is not
    # the quoted speaker's
    (
        "Jane Roe's statement added, \"We regret it. It is a misguided decision.“ However, the committee "
        "will meet in May.",
        [
            ("Jane Roe's statement added, \"We regret it.", "Jane Roe"),
            ("It is a misguided decision.“", "Jane Roe"),
            ("However, the committee will meet in May.", None),
        ],
    ),
    (
        "Mayor Ann Lee said, “The bridge is safe.“ Work on it starts in May.",
        [("Mayor Ann Lee said, “The bridge is safe.“", "Ann Lee"), ("Work on it starts in May.", None)],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), MISTYPED_CLOSER)
def test_sentence_after_a_mistyped_closing_mark_is_the_reporters(paragraph, expected):
    claims = extract("Title here\n\n" + paragraph)
    assert [(c.text, c.speaker) for c in claims] == expected


def test_extract_empty_and_furniture_only():
    assert extract("") == []
    assert extract("   \n\n  ") == []
    assert extract("Headline only") == []


def test_attribution_contract_is_enforced(monkeypatch):
    monkeypatch.setattr(pipeline.attribution, "attribute", lambda text, sentences: [Attribution()])
    with pytest.raises(RuntimeError):
        extract("One fact here. Another fact here. A third fact here.")


def test_extract_sentences_fallback():
    claims = extract_sentences(ARTICLE)
    assert len(claims) == 3 and all(c.speaker is None for c in claims)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2011-03-08", date(2011, 3, 8)),
        ("2011-03-08T10:00:00Z", date(2011, 3, 8)),
        ("", None),
        (None, None),
        ("yesterday", None),
        ("2011-13-45", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def run(lines: str) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_jsonl(io.StringIO(lines), out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_jsonl_round_trip():
    line = json.dumps({"id": "a1", "text": ARTICLE, "published": "2011-03-08"})
    code, rows, _ = run(line + "\n\n")
    assert code == 0
    assert rows[0]["id"] == "a1" and len(rows[0]["claims"]) == 3
    claim = rows[0]["claims"][0]
    assert {"text", "start", "end", "speaker", "quote", "dates", "places", "checkworthiness"} <= claim.keys()


def test_jsonl_bad_lines_get_error_rows_and_processing_goes_on():
    lines = "\n".join(
        ["not json", "[1, 2]", json.dumps({"id": 7, "text": 5}), json.dumps({"id": 8, "text": "It works. Fine."})]
    )
    code, rows, err = run(lines)
    assert code == 1
    assert [r.get("error") is not None for r in rows] == [True, True, True, False]
    assert rows[2]["id"] == 7 and rows[3]["id"] == 8 and len(rows[3]["claims"]) == 2
    assert "line 1" in err and "line 3" in err


def test_jsonl_stage_failure_falls_back_to_sentences(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline.dates, "find_dates", broken)
    code, rows, err = run(json.dumps({"id": 1, "text": "One fact. Two facts."}))
    assert code == 0
    assert "ZeroDivisionError" in rows[0]["error"] and len(rows[0]["claims"]) == 2
    assert "extraction failed" in err


def test_jsonl_lone_surrogate_is_escaped_not_fatal():
    code, rows, _ = run('{"id": 1, "text": "Bad \\ud800 char. Next one."}')
    assert code == 0 and rows[0]["claims"][0]["text"] == "Bad \ud800 char."


def test_module_entry_point_accepts_jsonl_flag_and_undecodable_bytes():
    payload = json.dumps({"id": "x", "text": "A fact. Another fact."}).encode() + b"\n\xff\xfe junk\n"
    proc = subprocess.run(
        [sys.executable, "-m", "claims.extraction", "--jsonl"],
        input=payload,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert rows[0]["id"] == "x" and len(rows[0]["claims"]) == 2
    assert rows[1]["error"]
    assert proc.returncode == 1
