"""A real Celery worker on the real broker extracts what the web process submits."""

import time
from datetime import date

import pytest

from claims.models import Article
from claims.services.articles import article_submit

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_a_submitted_article_is_extracted_by_the_worker(real_worker):
    article = article_submit(
        body="Ferry Service Resumes\n\nThe ferry to Helsinki resumed on Monday, the operator said.",
        published=date(2024, 5, 8),
    ).article
    done = wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE)
    assert done, f"the worker did not extract the article:\n{real_worker.output()[-3000:]}"
    article.refresh_from_db()
    assert article.claims.filter(text__contains="ferry to Helsinki").exists()
    assert "claims.tasks.extract_article[" in real_worker.output()
