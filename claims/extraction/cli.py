"""JSON Lines in, JSON Lines out: the extractor contract shared with the scorer.

Each input line is ``{"id": ..., "text": "...", "published": "YYYY-MM-DD"}``; each output line is
``{"id": ..., "claims": [...]}`` in input order. Blank lines are skipped. Nothing stops the batch:

* a line that is not such an object, or whose text is longer than ``max_chars`` (the registry's
  article size limit when run by ``manage.py extract``), is answered with
  ``{"id": ..., "error": "...", "claims": []}`` and makes the exit status 1;
* an article on which a stage fails is answered with its bare sentences (no speakers, dates or
  places) and an ``"error"``; the failure is reported on stderr but the exit status stays 0, so
  that one bad article does not void a batch.

Used by ``manage.py extract --jsonl`` and ``python -m claims.extraction``; needs no database.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import IO, Any, Protocol

from .pipeline import extract, extract_sentences


def parse_published(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _dump(obj: dict[str, Any]) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from the input: escape them instead of crashing
        line = json.dumps(obj)
    return line + "\n"


class TextOut(Protocol):
    """Where answers and reports are written: a text stream, or a management command's OutputWrapper."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> object: ...


def too_long(text: str, max_chars: int | None) -> str | None:
    """The error for a text over the size limit, or None."""
    if max_chars is not None and len(text) > max_chars:
        return f"the article is longer than {max_chars:,} characters ({len(text):,})"
    return None


def run_jsonl(stdin: IO[str], stdout: TextOut, stderr: TextOut = sys.stderr, max_chars: int | None = None) -> int:
    """Process every line; a bad line is reported on stderr and answered with an error row."""
    failures = 0
    for lineno, line in enumerate(stdin, 1):
        line = line.strip()
        if not line:
            continue
        row: object = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('each line must be a JSON object with a string "text"')
            if message := too_long(row["text"], max_chars):
                raise ValueError(message)
        except (ValueError, RecursionError) as exc:
            failures += 1
            stderr.write(f"line {lineno}: {exc}\n")
            row_id = row.get("id") if isinstance(row, dict) else None
            stdout.write(_dump({"id": row_id, "error": str(exc), "claims": []}))
            continue
        stdout.write(_answer(row, lineno, stderr))
    stdout.flush()
    return 1 if failures else 0


def _answer(row: dict[str, Any], lineno: int, stderr: TextOut) -> str:
    text = row["text"]
    try:
        claims = extract(text, parse_published(row.get("published")))
        return _dump({"id": row.get("id"), "claims": [c.as_dict() for c in claims]})
    except Exception as exc:  # a bug in a stage: answer with what still works, report it
        message = f"{type(exc).__name__}: {exc}"[:500]
        stderr.write(f"line {lineno}: extraction failed, sentences only: {message}\n")
        try:
            claims = extract_sentences(text)
        except Exception:
            claims = []
        return _dump({"id": row.get("id"), "error": message, "claims": [c.as_dict() for c in claims]})
