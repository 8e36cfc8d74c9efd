"""manage.py recheck_sources: check evidence links now or queue their checks for the workers."""

from __future__ import annotations

import sys
import time
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.fetching import Outcome
from claims.models import Claim, SourceLink
from claims.services import recheck


class Progress:
    """A one-line progress bar on stderr (plain periodic lines when stderr is not a terminal)."""

    def __init__(self, total: int, label: str, stream=None, width: int = 30):
        self.total, self.label, self.width = max(total, 0), label, width
        self.stream = stream or sys.stderr
        self.done = 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.done < self.total and now - self._last < (0.1 if self.tty else 5.0):
            return
        self._last = now
        filled = int(self.width * self.done / self.total) if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"[{bar}] {self.done}/{self.total} {self.label}"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Re-check source links. Without --now: hand the due sources (or one claim's) to the Celery workers. "
        "With --now: check them here, without a broker, with a progress bar."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true", help="check inline instead of queueing tasks")
        parser.add_argument("--claim", type=int, metavar="ID", help="only this claim's sources, due or not")
        parser.add_argument("--limit", type=int, metavar="N", help="at most N sources")
        parser.add_argument(
            "--time-limit",
            type=int,
            metavar="SECONDS",
            help="with --now: stop after this long (default REGISTRY_RECHECK_NOW_TIME_LIMIT_S); checks not "
            "finished by then are recorded as deferred and come back later",
        )

    def handle(self, *args, **opts) -> None:
        self.failures: list[str] = []
        self.stopped = False  # the time limit cut checks short
        limit = opts["limit"]
        if limit is not None and limit < 1:
            raise CommandError("--limit must be a positive number")
        seconds = opts["time_limit"] if opts["time_limit"] is not None else settings.REGISTRY_RECHECK_NOW_TIME_LIMIT_S
        if seconds < 1:
            raise CommandError("--time-limit must be a positive number of seconds")
        self.time_limit = seconds
        self.deadline = time.monotonic() + seconds
        if opts["claim"] is not None:
            if not Claim.objects.filter(pk=opts["claim"]).exists():
                raise CommandError(f"Claim {opts['claim']} does not exist.")
            ids = list(SourceLink.objects.filter(claim_id=opts["claim"]).order_by("id").values_list("id", flat=True))
            items = recheck.sources_lease(source_ids=ids[:limit] if limit else ids)
            if not items:
                self.stdout.write(f"Claim {opts['claim']} has no sources.")
                return
            if opts["now"]:
                self._check_now(items)
                self._exit_status()
            else:
                recheck.sources_enqueue_checks(items=items)
                self.stdout.write(f"Queued {len(items)} source check(s) for claim {opts['claim']}.")
            return
        if not opts["now"]:
            queued = recheck.sources_schedule_due(limit=limit)
            self.stdout.write(f"Queued {queued} due source check(s).")
            return
        budget = limit if limit is not None else None
        counts: Counter[str] = Counter()
        checked = 0
        while budget is None or checked < budget:
            if time.monotonic() >= self.deadline:
                if not self.stopped:
                    self.failures.append(
                        f"stopped at the time limit ({self.time_limit} s); sources still due come later"
                    )
                break
            size = settings.REGISTRY_RECHECK_BATCH_SIZE * 4
            items = recheck.sources_lease_due(limit=size if budget is None else min(size, budget - checked))
            if not items:
                break
            counts += self._check_now(items, quiet=True)
            checked += len(items)
        self._summary(checked, counts)
        self._exit_status()

    def _check_now(self, items, quiet: bool = False) -> Counter[str]:
        progress = Progress(len(items), "sources checked")
        counts: Counter[str] = Counter()

        def tick(outcome) -> None:
            if outcome.unfinished == Outcome.OUT_OF_TIME:
                counts["not checked (time limit)"] += 1
            elif outcome.unfinished == Outcome.CHECK_TIMEOUT:
                counts["timed out"] += 1
            else:
                counts[outcome.state or "missing"] += 1
            progress.step()

        def failed(source_id: int, attempt_key: str, exc: Exception) -> None:
            # The source keeps its lease, so it comes back later; the others are still checked.
            counts["failed"] += 1
            self.failures.append(f"source {source_id}: {type(exc).__name__}: {exc}")
            progress.step()

        try:
            recheck.sources_check(items=items, progress=tick, on_error=failed, deadline=self.deadline)
        finally:
            progress.close()
        if counts["not checked (time limit)"]:
            self.stopped = True
            self.failures.append(
                f"stopped at the time limit ({self.time_limit} s): {counts['not checked (time limit)']} source "
                "check(s) not finished, recorded as deferred; they come back later"
            )
        if not quiet:
            self._summary(len(items), counts)
        return counts

    def _exit_status(self) -> None:
        """A check that could not be done (not a link found broken: that is a result) fails the command."""
        for line in self.failures:
            self.stderr.write(line)
        if self.failures:
            raise CommandError(f"{len(self.failures)} source check(s) failed (see above); they come back later.")

    def _summary(self, total: int, counts: Counter[str]) -> None:
        if not total:
            self.stdout.write("No source is due.")
            return
        parts = ", ".join(f"{state}: {n}" for state, n in sorted(counts.items()))
        self.stdout.write(f"Checked {total} source(s). {parts}")
