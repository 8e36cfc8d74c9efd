"""Celery tasks: a thin interface that takes ids and calls one service each.

Every task is safe to run twice (at-least-once delivery with acks_late).
"""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from claims.errors import NotFound
from claims.services import articles as article_services


@shared_task(
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def extract_article(self, article_id: int, force: bool = False) -> str:
    try:
        article = article_services.article_extract(article_id=article_id, force=force)
    except NotFound:
        return "missing"  # deleted since it was queued: nothing to do
    return article.status
