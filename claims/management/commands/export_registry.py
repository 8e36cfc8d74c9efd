"""manage.py export_registry FILE: every table the registry owns as NDJSON (gzip when FILE ends in .gz)."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from claims.services.backup import BackupError, export_registry, export_to_path, registry_counts


class Command(BaseCommand):
    help = (
        "Write every table the registry owns (articles, claims, dates, places, speakers, sources, verdict "
        "history, link checks, tombstones, API keys as stored hashes, users and groups) to FILE as NDJSON, "
        "one row a line, from one consistent snapshot; FILE ending in .gz is compressed; '-' writes to "
        "standard output. Restore with import_registry."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file", metavar="FILE", nargs="?", help="where to write, e.g. registry-2025-01-31.ndjson.gz"
        )
        parser.add_argument(
            "--counts", action="store_true", help="only print the row count of each table (no file is written)"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")
        parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")

    def handle(self, *args, **opts) -> None:
        if opts["counts"]:
            for label, count in registry_counts(opts["database"]).items():
                self.stdout.write(f"{label} {count}")
            return
        if not opts["file"]:
            raise CommandError("give the FILE to write (or - for standard output), or --counts")
        progress = None if opts["quiet"] else self._progress
        try:
            if opts["file"] == "-":
                result = export_registry(sys.stdout, using=opts["database"], progress=progress)
            else:
                result = export_to_path(opts["file"], using=opts["database"], progress=progress)
        except (BackupError, OSError) as exc:
            raise CommandError(str(getattr(exc, "message", exc))) from None
        if opts["file"] != "-":
            self.stdout.write(f"Exported {result.rows:,} rows of {len(result.counts)} tables to {opts['file']}.")

    def _progress(self, message: str) -> None:
        self.stderr.write(message)
