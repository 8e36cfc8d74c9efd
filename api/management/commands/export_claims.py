"""manage.py export_claims [--output FILE] [filters]: the API's claims export (NDJSON) written to a file."""

from __future__ import annotations

from typing import IO

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from api import export, selectors
from api.serializers import Urls
from api.views import ClaimExportApi, claim_filters
from claims.services.backup import write_atomically

DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
# Command option (dest) -> the API's query parameter: the filters are checked by the API's own rules.
FILTER_OPTIONS = {
    "verdict": "verdict",
    "speaker": "speaker",
    "outlet": "outlet",
    "article": "article",
    "published_from": "published_from",
    "published_to": "published_to",
    "needs_recheck": "needs_recheck",
    "q": "q",
    "updated_since": "updated_since",
}


class Command(BaseCommand):
    help = (
        "Write every claim the API shows (with the claims list's filters) as NDJSON, one claim per line as "
        "GET /api/v1/export/claims.ndjson gives it, ending with the trailer line that holds the feed cursors "
        "to continue from. The file is written under a temporary name and renamed when complete; a FILE "
        "ending in .gz is compressed; '-' writes to standard output. Progress goes to standard error."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output", "-o", metavar="FILE", help="where to write (default: claims-YYYY-MM-DD.ndjson here)"
        )
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"the service's public address, for the URLs inside each claim (default {DEFAULT_BASE_URL})",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
        filters = parser.add_argument_group("filters (as the claims list's query parameters)")
        filters.add_argument("--verdict", help="one or more verdicts, comma-separated")
        filters.add_argument("--speaker", help="a speaker id")
        filters.add_argument("--outlet", help="an outlet's domain")
        filters.add_argument("--article", help="an article id")
        filters.add_argument("--published-from", help="articles published on or after (YYYY-MM-DD)")
        filters.add_argument("--published-to", help="articles published on or before (YYYY-MM-DD)")
        filters.add_argument("--needs-recheck", choices=["true", "false"], help="flagged for re-review or not")
        filters.add_argument("--q", help="text search in the claim")
        filters.add_argument("--updated-since", help="only claims changed after this (ISO 8601 date and time)")

    def handle(self, *args, **opts) -> None:
        query = {param: str(opts[dest]) for dest, param in FILTER_OPTIONS.items() if opts.get(dest) is not None}
        checked = ClaimExportApi.FilterSerializer(data=query)
        if not checked.is_valid():
            problems = "; ".join(
                f"--{name.replace('_', '-')}: {' '.join(map(str, messages))}"
                for name, messages in checked.errors.items()
            )
            raise CommandError(f"invalid filter: {problems}")
        base_url = opts["base_url"]
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(f"--base-url {base_url!r} must start with http:// or https://")
        # The operator's export holds every claim, as a reviewer sees them.
        queryset = selectors.claims_filtered(claim_filters(checked.validated_data), viewer=selectors.EVERYTHING)
        start = export.export_start(selectors.EVERYTHING)  # before any claim is read: see api.export
        urls = Urls.for_site(base_url)
        links = export.feed_urls(urls, start, query)
        progress = None if opts["quiet"] else self.stderr.write
        output = opts["output"] or start.filename

        def write(out: IO[str] | OutputWrapper) -> None:
            for piece in export.claims_ndjson(queryset, {"urls": urls}, start, links, progress=progress):
                out.write(piece)

        try:
            if output == "-":
                write(self.stdout)
                self.stdout.flush()
            else:
                write_atomically(output, write)
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from None
        if output != "-" and not opts["quiet"]:
            self.stderr.write(f"Wrote {output}; continue with the claims feed from cursor {start.cursor}")
