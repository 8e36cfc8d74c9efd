"""manage.py extract: run the extraction engine without touching the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.extraction import extract
from claims.extraction.cli import parse_published, run_jsonl, too_long


class Command(BaseCommand):
    help = (
        "Extract claims from one article file (a readable table, or --json), or with --jsonl read JSON Lines "
        '{"id", "text", "published"} on stdin and write {"id", "claims": [...]} lines on stdout. '
        "Needs no database. Articles longer than REGISTRY_MAX_ARTICLE_CHARS are refused, as the API and "
        "ingest refuse them."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", help="article file: plain text, or HTML with --html ('-' for stdin)")
        parser.add_argument("--jsonl", action="store_true", help="JSON Lines on stdin -> JSON Lines on stdout")
        parser.add_argument("--published", help="publication date YYYY-MM-DD, to resolve relative dates")
        parser.add_argument("--html", action="store_true", help="the file is HTML: extract the main text first")
        parser.add_argument("--json", action="store_true", help="print the claims as JSON instead of a table")

    def handle(self, *args, **opts) -> None:
        if opts["jsonl"]:
            if opts["file"]:
                raise CommandError("--jsonl reads standard input; do not name a file")
            status = run_jsonl(sys.stdin, self.stdout, self.stderr, max_chars=settings.REGISTRY_MAX_ARTICLE_CHARS)
            if status:
                raise CommandError(
                    "some input lines were not valid or too long; see the messages above", returncode=status
                )
            return
        if not opts["file"]:
            raise CommandError("name an article file, or use --jsonl (see --help)")
        text = self._read(opts["file"])
        published = None
        if opts["published"]:
            published = parse_published(opts["published"])
            if published is None:
                raise CommandError(f"--published {opts['published']!r} is not a date: use YYYY-MM-DD")
        if opts["html"]:
            from claims.extraction.html import HtmlError, from_html

            try:
                page = from_html(text)
            except HtmlError as exc:
                raise CommandError(f"could not read the HTML: {exc}") from None
            text = page.text
            published = published or page.published
        if message := too_long(text, settings.REGISTRY_MAX_ARTICLE_CHARS):
            raise CommandError(f"{message}: REGISTRY_MAX_ARTICLE_CHARS is the limit")
        claims = extract(text, published)
        if opts["json"]:
            self.stdout.write(json.dumps([c.as_dict() for c in claims], ensure_ascii=False, indent=2))
            return
        self._table(claims)

    def _read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror or exc}") from None
        return data.decode("utf-8", errors="replace")

    def _table(self, claims) -> None:
        if not claims:
            self.stdout.write("No claims found.")
            return
        for n, c in enumerate(claims, 1):
            self.stdout.write(self.style.MIGRATE_HEADING(f"{n:>3}. [{c.start}-{c.end}] {c.kind}"))
            self.stdout.write(f"     {c.text}")
            who = c.speaker or "—"
            if c.role:
                who += f" ({c.role})"
            self.stdout.write(f"     who:   {who}    check-worthiness: {c.checkworthiness:.2f}")
            if c.quote:
                self.stdout.write(f"     quote: {c.quote}")
            if c.dates:
                when = ", ".join(f"{d.text} = {d.value}{'..' + d.value_end if d.value_end else ''}" for d in c.dates)
                self.stdout.write(f"     when:  {when}")
            if c.places:
                self.stdout.write(f"     where: {', '.join(f'{p.text} ({p.kind})' for p in c.places)}")
        self.stdout.write(f"\n{len(claims)} claims.")
