"""manage.py create_api_key NAME --scopes read,submit [--expires DATE] [--user USERNAME]: prints the key once."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.keys import api_key_create
from claims.errors import ApplicationError
from claims.models import Organisation


class Command(BaseCommand):
    help = (
        "Create an API key for a newsroom and print it. Only a hash is stored: the key cannot be shown again. "
        "Scopes: read, submit, review (review keys act for a reviewer account given with --user)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="who holds the key, e.g. 'Harbour Times CMS'")
        parser.add_argument("--scopes", required=True, help="comma-separated: read,submit,review")
        parser.add_argument("--expires", help="expiry date YYYY-MM-DD (the key stops working at the start of it)")
        parser.add_argument("--user", help="username of the reviewer account the key acts for (review scope)")
        parser.add_argument("--rate", default="", help="own rate limit, e.g. 600/minute (default: the setting)")
        parser.add_argument(
            "--organisation",
            help="the newsroom the key belongs to (created if new): what it submits is visible to that "
            "newsroom's keys and to reviewers only, see docs/api.md",
        )

    def handle(self, *args, **opts) -> None:
        expires_at = None
        if opts["expires"]:
            try:
                expires_at = datetime.combine(date.fromisoformat(opts["expires"]), time.min, tzinfo=UTC)
            except ValueError:
                raise CommandError(f"--expires {opts['expires']!r} is not a date: use YYYY-MM-DD") from None
        user = None
        if opts["user"]:
            user = get_user_model().objects.filter(username=opts["user"]).first()
            if user is None:
                raise CommandError(f"No user named {opts['user']!r}.")
        organisation = None
        if opts["organisation"] is not None:
            name = " ".join(opts["organisation"].split())
            if not name:
                raise CommandError("--organisation needs a name.")
            organisation, _ = Organisation.objects.get_or_create(name=name)
        try:
            created = api_key_create(
                name=opts["name"],
                scopes=opts["scopes"],
                expires_at=expires_at,
                user=user,
                throttle_rate=opts["rate"],
                organisation=organisation,
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from None
        api_key = created.api_key
        self.stderr.write(
            f"Created key {api_key.prefix}… for {api_key.name!r} with scopes {', '.join(api_key.scopes)}"
            + (f", expiring {api_key.expires_at:%Y-%m-%d}" if api_key.expires_at else "")
            + (f", for {organisation.name!r}" if organisation is not None else "")
            + ". Store it now: it is not shown again.\n"
            "Use it as the header  Authorization: Api-Key <key>"
        )
        # The key alone on stdout, so scripts can capture it.
        self.stdout.write(created.key)
