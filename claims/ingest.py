"""Reading article files for `manage.py ingest`: plain text, HTML and JSON Lines, one record each.

Reading is separate from storing so that a bad file is reported with its name and line and never
stops the batch. An HTML record carries the page as it is: the command stores it through the one
way in for HTML (services.article_pages.article_submit_html), which reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_FILE_BYTES = 20 * 1024 * 1024


class IngestError(ValueError):
    """A record that cannot be read; `where` names the file (and line)."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where


@dataclass(frozen=True)
class ArticleInput:
    where: str  # file, or file:line, for messages
    body: str  # the text; empty when the record is an HTML page
    title: str = ""
    url: str | None = None
    published: date | None = None
    byline: str = ""
    html: str = ""  # the page, when the record is HTML (its text, title, date and byline are read on storing)
    default_published: date | None = None  # --published: the date of a record that carries none


def expand(paths: list[str]) -> Iterator[Path]:
    """Files named, and the readable article files below named folders, in a stable order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            yield path


def parse_date(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise IngestError(where, f"published {value!r} is not a date (use YYYY-MM-DD)") from None


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(str(path), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or str(exc)) from None
    if b"\x00" in data[:4096]:
        raise IngestError(str(path), "looks like a binary file, not an article")
    return data.decode("utf-8", errors="replace")


def read(path: Path, *, published: date | None = None) -> Iterator[ArticleInput | IngestError]:
    """Records of one file; errors are yielded in place so the caller can count and go on."""
    where = str(path)
    suffix = path.suffix.lower()
    try:
        text = _read_text(path)
    except IngestError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, where, published)
        return
    if suffix in HTML_SUFFIXES:
        yield ArticleInput(where, "", html=text, default_published=published)
    else:
        yield ArticleInput(where, text, published=published)


def _read_jsonl(text: str, name: str, published: date | None) -> Iterator[ArticleInput | IngestError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise IngestError(where, "each line must be a JSON object")
            day = parse_date(row.get("published"), where)
            url = row.get("url") or None
            title, byline = str(row.get("title") or ""), str(row.get("byline") or "")
            if isinstance(row.get("html"), str) and not row.get("text"):
                yield ArticleInput(where, "", title, url, day, byline, html=row["html"], default_published=published)
            elif isinstance(row.get("text"), str):
                yield ArticleInput(where, row["text"], title, url, day or published, byline)
            else:
                raise IngestError(where, 'a line needs "text" (or "html")')
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"not valid JSON ({exc.msg})")
        except IngestError as exc:
            yield exc
