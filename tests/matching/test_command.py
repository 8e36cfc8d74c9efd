"""The `manage.py match --jsonl` contract: claims then queries in, one ranking per query out."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from claims.matching.cli import run_jsonl

CLAIMS = [
    {"type": "claim", "id": "c1", "text": "The lake froze over for the first time in 50 years.", "title": ""},
    {"type": "claim", "id": "c2", "text": "The city council doubled parking fees downtown.", "title": "Parking fees"},
    {"type": "claim", "id": 3, "text": "A new species of frog was found in the valley.", "title": "Frog find"},
    {"type": "claim", "id": "c4", "text": "Trains to the coast will be free in August."},
    {"type": "claim", "id": "c5", "text": "The old stadium will be torn down next year.", "title": "Stadium"},
    {"type": "claim", "id": "c6", "text": "School starts an hour later from September.", "title": ""},
]


def lines(*rows) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def run(text: str, k: int = 10) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_jsonl(io.StringIO(text), out, err, k=k)
    return status, [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue()


def test_one_line_per_query_in_order_with_at_least_five_ids():
    status, out, err = run(
        lines(
            *CLAIMS,
            {"type": "query", "id": "q1", "text": "parking fees doubled by the council"},
            {"type": "query", "id": 2, "text": "first time the lake froze in fifty years"},
        )
    )
    assert status == 0 and err == ""
    assert [o["query"] for o in out] == ["q1", 2]
    assert out[0]["ranked"][0] == "c2" and out[1]["ranked"][0] == "c1"
    for o in out:
        assert len(o["ranked"]) == 6 and len(set(o["ranked"])) == 6
    assert "3" in out[0]["ranked"]  # integer ids come back as strings


def test_bad_lines_are_reported_with_their_number_and_skipped():
    status, out, err = run(
        lines(
            CLAIMS[0],
            "{not json",
            {"type": "claim", "id": "c1", "text": "again"},
            {"type": "claim", "text": "no id"},
            {"type": "claim", "id": "c9", "text": 7},
            ["a list"],
            {"type": "banana", "id": "x"},
            *CLAIMS[1:],
            {"type": "query", "id": "q", "text": "free trains to the coast"},
            {"type": "claim", "id": "late", "text": "too late"},
            {"type": "query", "id": "q2"},
        )
    )
    assert status == 1
    assert [o["query"] for o in out] == ["q"] and out[0]["ranked"][0] == "c4"
    messages = err.splitlines()
    assert [m.split(":")[0] for m in messages] == [f"line {n}" for n in (2, 3, 4, 5, 6, 7, 14, 15)]
    assert "not JSON" in messages[0]
    assert "given twice" in messages[1]
    assert '"id"' in messages[2] and '"text"' in messages[3]
    assert "claim after the first query" in messages[6]
    assert "late" not in json.dumps(out)


def test_optional_speaker_field():
    claims = [
        {"type": "claim", "id": "a", "text": "Senator Hollis Grant said the dam will be finished next year."},
        {"type": "claim", "id": "b", "text": "Mayor Ruth Ivers said the dam will be finished next year."},
    ]
    status, out, err = run(
        lines(
            *claims,
            {"type": "query", "id": "q1", "text": "the dam will be finished next year", "speaker": "Ruth Ivers"},
            {"type": "query", "id": "q2", "text": "the dam will be finished next year", "speaker": None},
            {"type": "query", "id": "q3", "text": "the dam", "speaker": ["Ruth Ivers"]},
        )
    )
    assert [o["ranked"][0] for o in out] == ["b", "a"]
    assert status == 1 and err.startswith("line 5:") and '"speaker"' in err


def test_unusual_ids_and_text_survive_the_round_trip():
    rows = [
        {"type": "claim", "id": "é-1", "text": "Snow fell in the desert.", "title": None},
        {"type": "claim", "id": "\ud800", "text": "Rain fell in the desert."},
        {"type": "query", "id": "q\ud800", "text": "snow in the desert \ud83d"},
    ]
    status, out, err = run(lines(*rows))
    assert status == 0 and err == ""
    assert out[0]["query"] == "q\ud800" and out[0]["ranked"] == ["é-1", "\ud800"]
    out_text = io.StringIO()
    run_jsonl(io.StringIO(lines(*rows)), out_text, io.StringIO())
    out_text.getvalue().encode("utf-8")  # writable as UTF-8


def test_blank_lines_skipped_and_no_claims_gives_empty_rankings():
    status, out, _ = run("\n" + lines({"type": "query", "id": "q", "text": "anything"}) + "\n")
    assert status == 0 and out == [{"query": "q", "ranked": []}]


def test_output_is_streamed_query_by_query():
    class Recorder(io.StringIO):
        flushed: list[int]

        def flush(self):
            self.flushed.append(self.getvalue().count("\n"))

    out = Recorder()
    out.flushed = []
    queries = [{"type": "query", "id": f"q{n}", "text": "stadium"} for n in range(3)]
    run_jsonl(io.StringIO(lines(*CLAIMS, *queries)), out, io.StringIO())
    assert out.flushed[:3] == [1, 2, 3]


def test_management_command(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(lines(*CLAIMS, {"type": "query", "id": "q", "text": "frog"})))
    call_command("match", "--jsonl", "--k", "5")
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert out[0]["query"] == "q" and out[0]["ranked"][0] == "3" and len(out[0]["ranked"]) == 5


def test_management_command_errors(monkeypatch):
    with pytest.raises(CommandError, match="--jsonl"):
        call_command("match")
    with pytest.raises(CommandError, match="at least 5"):
        call_command("match", "--jsonl", "--k", "3")
    monkeypatch.setattr("sys.stdin", io.StringIO("[1]\n"))
    with pytest.raises(CommandError, match="not valid"):
        call_command("match", "--jsonl")
