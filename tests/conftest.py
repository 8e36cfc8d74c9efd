"""Shared fixtures: personas, factories, and the switch between in-process and real-worker tasks."""
from __future__ import annotations

import os
from datetime import date

import pytest

from registry.celery import app as celery_app


def using_postgres() -> bool:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


requires_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")),
    reason="needs PostgreSQL: set DATABASE_URL (CI does)",
)
requires_broker = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))),
    reason="needs Redis and PostgreSQL for a real Celery worker: set REDIS_URL and DATABASE_URL (CI does)",
)


@pytest.fixture(autouse=True)
def _tasks_in_process(settings):
    """Tests run tasks in-process unless they ask for the real worker (the `celery_worker_process` fixture)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture
def article_factory(db):
    from claims.services.articles import article_submit

    counter = {"n": 0}

    def make(body: str | None = None, **kwargs):
        counter["n"] += 1
        body = body or f"Article number {counter['n']}.\n\nThe minister said on Tuesday that 12 schools in Paris will close."
        kwargs.setdefault("published", date(2024, 3, 8))
        return article_submit(body=body, **kwargs).article

    return make
