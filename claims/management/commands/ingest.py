"""manage.py ingest: load many articles (text, HTML or JSON Lines) into the registry and extract them."""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import date
from typing import TypedDict

from django.core.management.base import BaseCommand, CommandError

from claims.errors import ApplicationError
from claims.ingest import ArticleInput, IngestError, expand, parse_date, read
from claims.models import Article
from claims.services.article_pages import article_submit_html
from claims.services.articles import article_submit


class _Common(TypedDict):
    """What a record gives both article_submit and article_submit_html."""

    title: str
    url: str | None
    published: date | None
    byline: str


class Command(BaseCommand):
    help = (
        "Load articles into the registry and extract their claims. PATH may be a .txt, .html or .jsonl file "
        '(JSON Lines: {"text" or "html", "published", "title", "url", "byline"} a line) or a folder of them. '
        "A bad file or line is reported and skipped; the batch goes on. Exit status 1 when any failed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--published", help="publication date YYYY-MM-DD for files that do not carry one")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, **opts) -> None:
        try:
            published = parse_date(opts["published"], "--published")
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        files = list(expand(opts["paths"]))
        if not files:
            raise CommandError("no article files found in the paths given")
        tally: Counter[str] = Counter()
        failures: list[str] = []
        started = time.monotonic()
        for n, path in enumerate(files, 1):
            for record in read(path, published=published):
                outcome = self._store(record)
                tally[outcome[0]] += 1
                if outcome[1]:
                    failures.append(outcome[1])
                    self._clear_progress(opts)
                    self.stderr.write(self.style.ERROR(f"  {outcome[1]}"))
            self._progress(n, len(files), tally, started, opts)
        self._clear_progress(opts)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{len(files)} file(s) in {seconds:.1f}s: {tally['created'] + tally['extraction_failed']} new, "
            f"{tally['duplicate']} already "
            f"in the registry, {tally['failed']} failed."
        )
        if tally["extraction_failed"]:
            self.stdout.write(self.style.WARNING(f"{tally['extraction_failed']} extraction(s) failed; see the admin."))
        if failures:
            raise CommandError(f"{len(failures)} article(s) could not be loaded (listed above)", returncode=1)

    def _store(self, record: ArticleInput | IngestError) -> tuple[str, str | None]:
        if isinstance(record, IngestError):
            return "failed", str(record)
        common: _Common = {
            "title": record.title,
            "url": record.url,
            "published": record.published,
            "byline": record.byline,
        }
        try:
            if record.html:
                result = article_submit_html(html=record.html, published_default=record.default_published, **common)
            else:
                result = article_submit(body=record.body, **common)
        except ApplicationError as exc:
            return "failed", f"{record.where}: {exc.message}"
        if not result.created:
            return "duplicate", None
        result.article.refresh_from_db(fields=["status"])
        if result.article.status == Article.Status.FAILED:
            return "extraction_failed", None
        return "created", None

    def _progress(self, n: int, total: int, tally: Counter[str], started: float, opts) -> None:
        if opts["quiet"]:
            return
        if not sys.stderr.isatty():
            # Logs and pipes get a line every 100 files instead of a redrawn bar.
            if n % 100 == 0 or n == total:
                sys.stderr.write(f"{n}/{total} files\n")
            return
        width = 30
        filled = int(width * n / total)
        rate = n / max(time.monotonic() - started, 1e-6)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {n}/{total} files  {rate:.1f}/s  "
            f"new {tally['created']}  dup {tally['duplicate']}  failed {tally['failed']}"
        )
        sys.stderr.flush()

    def _clear_progress(self, opts) -> None:
        if not opts["quiet"] and sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
