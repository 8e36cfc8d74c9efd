"""JSON Lines in, JSON Lines out: the extractor contract shared with the scorer.

Used by ``manage.py extract --jsonl`` and ``python -m claims.extraction``; needs no database.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from typing import IO

from .pipeline import extract


def parse_published(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def run_jsonl(stdin: IO[str], stdout: IO[str], stderr: IO[str] = sys.stderr) -> int:
    """Process every line; a bad line is reported on stderr and answered with an error row."""
    failures = 0
    for lineno, line in enumerate(stdin, 1):
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('each line must be a JSON object with a string "text"')
        except ValueError as exc:
            failures += 1
            stderr.write(f"line {lineno}: {exc}\n")
            stdout.write(json.dumps({"id": None, "error": str(exc), "claims": []}) + "\n")
            continue
        claims = extract(row["text"], parse_published(row.get("published")))
        out = {"id": row.get("id"), "claims": [c.as_dict() for c in claims]}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failures else 0
