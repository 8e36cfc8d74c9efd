"""Articles submitted by URL are fetched through the safe fetcher, then extracted."""

from datetime import date

import pytest
from django.urls import reverse

from claims.errors import ApplicationError
from claims.models import Article
from claims.selectors import articles_stuck
from claims.services.articles import article_extract, article_submit_url

from .conftest import Reply, page

pytestmark = pytest.mark.django_db

STORY = page(
    "The Danube bridge in Budapest will reopen on June 3, the city said on Monday.",
    '"Repairs took longer than planned," engineer Eva Kovacs told reporters.',
    title="Bridge to reopen",
)


def submit(capture, url, **kwargs):
    with capture(execute=True):
        return article_submit_url(url=url, published=date(2024, 5, 8), **kwargs)


def test_a_page_is_fetched_then_extracted(local_server, capture):
    local_server.routes["/story"] = Reply(body=STORY)
    result = submit(capture, local_server.url("/story"))
    article = Article.objects.get(pk=result.article.pk)
    assert result.created
    assert article.status == Article.Status.DONE, article.status_error
    assert "Danube bridge in Budapest" in article.body
    assert "var x" not in article.body
    assert article.title == "Bridge to reopen"
    assert article.raw_html.startswith("<!doctype html>")
    assert article.claims.filter(text__contains="Repairs took longer").exists()


def test_the_same_url_is_not_fetched_twice(local_server, capture):
    local_server.routes["/story"] = Reply(body=STORY)
    first = submit(capture, local_server.url("/story"))
    again = submit(capture, local_server.url("/story"))
    assert not again.created and again.article.pk == first.article.pk
    assert local_server.hits["/story"] == 1


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(404, "gone"), "HTTP 404"),
        (Reply(body=b"%PDF-1.4", content_type="application/pdf"), "application/pdf, not an article"),
        (Reply(body="   "), "no article text"),
    ],
)
def test_a_page_that_is_not_an_article_fails_with_the_reason(local_server, capture, reply, reason):
    local_server.routes["/x"] = reply
    article = Article.objects.get(pk=submit(capture, local_server.url("/x")).article.pk)
    assert article.status == Article.Status.FAILED
    assert reason in article.status_error
    assert not article.claims.exists()


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/a", "http://10.0.0.1/a", "http://169.254.169.254/latest/meta-data", "ftp://x.example/a"]
)
def test_private_and_odd_urls_are_refused_at_submission(url):
    with pytest.raises(ApplicationError, match=r"cannot be fetched|not an http or https URL"):
        article_submit_url(url=url)
    assert not Article.objects.exists()


def test_an_unfinished_fetch_is_picked_up_by_the_sweeper(local_server, capture):
    from datetime import timedelta

    local_server.routes["/story"] = Reply(body=STORY)
    with capture(execute=False):  # the broker "lost" the task
        article = article_submit_url(url=local_server.url("/story")).article
    assert article.status == Article.Status.FETCHING
    assert list(articles_stuck(older_than=timedelta(0))) == [article]
    article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_the_admin_ingest_page_fetches_a_url(local_server, capture, admin_client):
    local_server.routes["/story"] = Reply(body=STORY)
    with capture(execute=True):
        response = admin_client.post(
            reverse("admin:claims_article_ingest"),
            {"fetch": "on", "url": local_server.url("/story"), "format": "auto", "text": "", "published": "2024-05-08"},
        )
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == reverse("admin:claims_article_change", args=[article.pk])
    assert article.status == Article.Status.DONE


def test_the_admin_ingest_page_shows_why_a_url_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:claims_article_ingest"),
        {"fetch": "on", "url": "http://10.0.0.1/x", "format": "auto", "published": "2024-05-08"},
    )
    assert response.status_code == 200
    assert b"This URL cannot be fetched" in response.content
    assert not Article.objects.exists()
