"""manage.py reextract: re-extract articles after an engine upgrade, keeping reviewed claims."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from claims import extraction
from claims.errors import ApplicationError
from claims.management.commands.recheck_sources import Progress
from claims.services import recheck
from claims.services.articles import article_extract


class Command(BaseCommand):
    help = (
        "Re-extract articles extracted by an older engine version (--all: every article). Reviewed claims keep "
        "their verdicts, sources and history when their sentence is still there; the others are flagged, never "
        "deleted. Without --now the articles are queued for the workers; with --now they are extracted here."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="every article, not only outdated ones")
        parser.add_argument("--now", action="store_true", help="extract inline instead of queueing tasks")

    def handle(self, *args, **opts) -> None:
        # --all: every article with a body; one still being fetched (or whose fetch failed) is left alone.
        chosen = recheck.articles_reextractable() if opts["all"] else recheck.articles_outdated()
        ids = list(chosen.values_list("id", flat=True))
        if not ids:
            self.stdout.write(f"Every article is extracted by engine version {extraction.VERSION}.")
            return
        if not opts["now"]:
            queued = 0
            for i in range(0, len(ids), 500):
                queued += len(recheck.articles_queue_reextraction(article_ids=ids[i : i + 500]))
            self.stdout.write(f"Queued {queued} article(s) for re-extraction by engine version {extraction.VERSION}.")
            return
        progress = Progress(len(ids), "articles re-extracted")
        failed: list[str] = []
        try:
            for article_id in ids:
                try:
                    article_extract(article_id=article_id, force=opts["all"])
                except ApplicationError as exc:
                    failed.append(f"article {article_id}: {exc.message}")
                except Exception as exc:  # recorded on the article (status failed); go on with the others
                    failed.append(f"article {article_id}: {type(exc).__name__}: {exc}")
                progress.step()
        finally:
            progress.close()
        self.stdout.write(f"Re-extracted {len(ids) - len(failed)} of {len(ids)} article(s).")
        for line in failed:
            self.stderr.write(line)
        if failed:
            # A non-zero exit status, so cron (or whoever runs this) notices.
            raise CommandError(f"{len(failed)} of {len(ids)} article(s) failed to re-extract (see above).")
