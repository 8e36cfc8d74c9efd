"""manage.py load_demo: the sample article (extracted) and a demo reviewer account, for `make run`."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.services.articles import article_extract, article_submit

SAMPLE = Path(__file__).resolve().parents[2] / "demo" / "sample-article.txt"
DEMO_USER = "demo"


class Command(BaseCommand):
    help = (
        "Load the project's sample article, extract it, and create a demo reviewer account whose login is "
        "printed. Idempotent: a second run reuses what exists. Refused in production mode."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="the admin address to print with the login"
        )

    def handle(self, *args, **opts) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo creates a known account and is only for DJANGO_DEBUG=true")
        result = article_submit(
            body=SAMPLE.read_text(encoding="utf-8"),
            url="https://example.org/news/harbour-city-flood-barrier",
            published=date(2026, 11, 19),
            byline="Registry demo desk",
        )
        article = article_extract(article_id=result.article.pk)
        verb = "Loaded" if result.created else "Reusing"
        self.stdout.write(f"{verb} the sample article: {article.claims.count()} claims ({article.status}).")
        password = self._demo_password()
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(username=DEMO_USER, defaults={"is_staff": True})
        user.is_staff = True
        user.set_password(password)
        user.save()
        self._join_reviewers(user)
        self.stdout.write(
            self.style.SUCCESS(f"\n  Admin:    {opts['url']}\n  Login:    {DEMO_USER}\n  Password: {password}\n")
        )

    def _demo_password(self) -> str:
        # Kept in the git-ignored .run folder so every `make run` prints the same login.
        path = Path(settings.BASE_DIR) / ".run" / "demo-password"
        try:
            password = path.read_text().strip()
        except OSError:
            password = ""
        if not password:
            password = secrets.token_urlsafe(12)
            path.parent.mkdir(exist_ok=True)
            path.write_text(password)
        return password

    def _join_reviewers(self, user) -> None:
        from django.contrib.auth.models import Group

        group = Group.objects.filter(name="Reviewers").first()
        if group is not None:
            user.groups.add(group)
        else:
            # Until the Reviewers group exists, a superuser is the only way the demo sees everything.
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
