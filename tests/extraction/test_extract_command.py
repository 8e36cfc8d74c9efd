"""manage.py extract refuses articles over the registry's size limit, as the API and ingest do."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from claims.extraction.cli import run_jsonl

ARTICLE = "The ferry pier opened on Friday, harbour master Ida Varga said. It had been late."


def test_run_jsonl_answers_a_too_long_article_with_an_error_row_and_goes_on():
    lines = "\n".join(json.dumps({"id": n, "text": text}) for n, text in enumerate([ARTICLE * 3, ARTICLE]))
    out, err = io.StringIO(), io.StringIO()
    code = run_jsonl(io.StringIO(lines), out, err, max_chars=len(ARTICLE) + 1)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 1
    assert rows[0]["claims"] == [] and "longer than" in rows[0]["error"]
    assert rows[1]["id"] == 1 and "error" not in rows[1] and len(rows[1]["claims"]) == 2
    assert "line 1" in err.getvalue()


@override_settings(REGISTRY_MAX_ARTICLE_CHARS=1_000)
def test_command_refuses_a_file_over_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 20, encoding="utf-8")
    with pytest.raises(CommandError, match="longer than 1,000 characters") as caught:
        call_command("extract", str(path), stdout=io.StringIO())
    assert caught.value.returncode == 1


@override_settings(REGISTRY_MAX_ARTICLE_CHARS=1_000)
def test_command_extracts_a_file_within_the_limit(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(path), "--json", stdout=out)
    assert [c["speaker"] for c in json.loads(out.getvalue())] == ["Ida Varga", None]


@override_settings(REGISTRY_MAX_ARTICLE_CHARS=1_000)
def test_command_jsonl_exits_non_zero_on_a_too_long_line(monkeypatch):
    lines = json.dumps({"id": "big", "text": ARTICLE * 20}) + "\n" + json.dumps({"id": "ok", "text": ARTICLE})
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    out = io.StringIO()
    with pytest.raises(CommandError, match="too long") as caught:
        call_command("extract", "--jsonl", stdout=out, stderr=io.StringIO())
    assert caught.value.returncode == 1
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["big", "ok"] and "longer than 1,000" in rows[0]["error"]


@override_settings(REGISTRY_MAX_ARTICLE_CHARS=1_000)
def test_command_applies_the_limit_to_the_text_of_an_html_page(tmp_path):
    path = tmp_path / "page.html"
    body = "".join(
        f"<p>Pier {n} opened on Friday, harbour master Ida Varga said. It had been late.</p>" for n in range(30)
    )
    path.write_text(f"<html><head><title>Pier</title></head><body><article>{body}</article></body></html>")
    with pytest.raises(CommandError, match="longer than 1,000 characters"):
        call_command("extract", str(path), "--html", stdout=io.StringIO())
