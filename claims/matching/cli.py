"""JSON Lines in, JSON Lines out: the matching contract shared with the benchmark kit.

Input: first every known claim ``{"type": "claim", "id", "text", "title"}`` (title optional), then the
queries ``{"type": "query", "id", "text"}`` (optionally ``"speaker"``: who made the claim, when known). Output: one line per query, in input order and written as soon
as it is ranked, ``{"query": id, "ranked": [claim ids, best first]}``. Blank lines are skipped.

A bad line (not JSON, not an object, a missing or wrong field, a claim after the first query, a repeated
claim id) is reported on stderr with its line number and skipped; the batch goes on and the exit status is 1.
Used by ``manage.py match --jsonl`` and ``python -m claims.matching``; needs no database.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any, Protocol

from .engine import KnownClaim, Matcher, MatchParams


class LineError(ValueError):
    pass


class TextOut(Protocol):
    """Where lines are written: a text stream such as sys.stdout, or a management command's OutputWrapper."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> object: ...


def _id(row: dict[str, Any]) -> str:
    value = row.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise LineError('"id" must be a non-empty string or an integer')
    return str(value)


def _text(row: dict[str, Any], key: str, required: bool = True) -> str:
    value = row.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise LineError(f'"{key}" must be a string')
    return value


def _dump(obj: dict[str, Any]) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in an id: escape it instead of failing on write
        line = json.dumps(obj)
    return line + "\n"


def run_jsonl(
    stdin: IO[str],
    stdout: TextOut,
    stderr: TextOut = sys.stderr,
    k: int = 10,
    params: MatchParams | None = None,
) -> int:
    """Read claims then queries; answer each query at once. Returns the exit status (1 if a line was bad)."""
    claims: list[KnownClaim] = []
    seen: set[str] = set()
    matcher: Matcher | None = None
    failures = 0
    for lineno, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            try:
                row = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise LineError(f"not JSON ({exc})") from None
            if not isinstance(row, dict):
                raise LineError("each line must be a JSON object")
            kind = row.get("type")
            if kind == "claim":
                if matcher is not None:
                    raise LineError("a claim after the first query: give every known claim before the queries")
                cid = _id(row)
                if cid in seen:
                    raise LineError(f"claim id {cid} given twice")
                claims.append(KnownClaim(cid, _text(row, "text"), _text(row, "title", required=False)))
                seen.add(cid)
            elif kind == "query":
                _id(row)
                text = _text(row, "text")
                speaker = _text(row, "speaker", required=False) or None
                if matcher is None:
                    matcher = Matcher(claims, params)
                ranked = [m.id for m in matcher.rank(text, k, speaker=speaker)]
                stdout.write(_dump({"query": row["id"], "ranked": ranked}))
                stdout.flush()
            else:
                raise LineError('"type" must be "claim" or "query"')
        except LineError as exc:
            failures += 1
            stderr.write(f"line {lineno}: {exc}\n")
    stdout.flush()
    return 1 if failures else 0
