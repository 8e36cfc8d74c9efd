"""manage.py match --jsonl: rank known claims for each query, without touching the database."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from claims.matching.cli import run_jsonl


class Command(BaseCommand):
    help = (
        'With --jsonl, read JSON Lines on stdin: first every known claim {"type": "claim", "id", "text", '
        '"title"}, then queries {"type": "query", "id", "text"}; write {"query": id, "ranked": [claim ids, best '
        "first]} per query on stdout as soon as it is ranked. Needs no database."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("--jsonl", action="store_true", help="JSON Lines on stdin -> JSON Lines on stdout")
        parser.add_argument("--k", type=int, default=10, help="claims ranked per query (at least 5; default 10)")

    def handle(self, *args, **opts) -> None:
        if not opts["jsonl"]:
            raise CommandError("use --jsonl (see --help): the claims and queries are read from standard input")
        if opts["k"] < 5:
            raise CommandError("--k must be at least 5")
        status = run_jsonl(sys.stdin, self.stdout, self.stderr, k=opts["k"])
        if status:
            raise CommandError("some input lines were not valid; see the messages above", returncode=status)
