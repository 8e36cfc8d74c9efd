"""manage.py match_index: build or bring up to date the matching index kept in the database."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from claims.services import match_index


class Command(BaseCommand):
    help = (
        "Bring the matching index (docs/matching.md) up to date with the change log; with --rebuild, recompute "
        "it from every reviewed claim (after a restore, or before the first search on a large registry: "
        "searches wait while it runs)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="recompute the whole index")

    def handle(self, *args, **opts) -> None:
        started = time.perf_counter()
        if opts["rebuild"]:
            written = match_index.index_rebuild()
            self.stdout.write(f"Matching index rebuilt: {written} claims in {time.perf_counter() - started:.1f} s.")
            return
        changed = 0
        while True:
            step = match_index.index_sync(pages=10)
            changed += step
            if not step:
                break
        self.stdout.write(f"Matching index up to date: {changed} entries changed.")
