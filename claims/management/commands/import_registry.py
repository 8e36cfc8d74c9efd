"""manage.py import_registry FILE: restore an export_registry file into a new, migrated database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from claims.services.backup import BackupError, check_file, import_registry


class Command(BaseCommand):
    help = (
        "Restore a file written by export_registry (NDJSON, or .gz) into a new database: run `migrate` first, "
        "and create no user before. The whole file is checked before anything is written; rows keep their ids; "
        "a re-run after an interruption continues where it stopped. A database holding other data is refused. "
        "--check only checks the file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")
        parser.add_argument("--check", action="store_true", help="check the file only; write nothing")
        parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")

    def handle(self, *args, **opts) -> None:
        path = Path(opts["file"])
        progress = None if opts["quiet"] else self.stderr.write
        try:
            if opts["check"]:
                header = check_file(path, progress=progress)
                total = sum(header.counts.values())
                self.stdout.write(f"{path}: a complete export of {total:,} rows, written {header.created_at}.")
                return
            result = import_registry(path, using=opts["database"], progress=progress)
        except BackupError as exc:
            raise CommandError(f"{path}: {exc.message}") from None
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if result.missing_permissions:
            names = ", ".join(f"{app}.{code}" for app, code in sorted(result.missing_permissions))
            self.stderr.write(self.style.WARNING(f"permissions unknown here, not granted: {names}"))
        if result.already_done:
            self.stdout.write(f"{path} was already imported into this database completely; nothing to do.")
            return
        resumed = f" (resumed after line {result.resumed_from:,})" if result.resumed_from else ""
        self.stdout.write(f"Imported {result.inserted:,} rows from {path}{resumed}.")
