"""Articles that can be understood and corrected: plausible dates, why a failure happened, retry,
retracted articles gone for good, and one article per URL however the URL is written."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from claims.canonical_url import canonical_url, url_identity
from claims.errors import ApplicationError, Gone
from claims.models import Article
from claims.services import articles as article_services
from tests.api.conftest import api
from tests.api.test_errors import assert_error

pytestmark = pytest.mark.django_db

TEXT = "The harbour authority said on Monday that 300 ships used the port last year."
OTHER = "The port director said on Friday that the new quay opens in June."


@pytest.fixture
def submitter(client_for):
    return client_for("submit")


@pytest.fixture
def queued(monkeypatch):
    """Article ids sent to the extraction task (instead of running it)."""
    from claims import tasks

    sent: list[int] = []
    monkeypatch.setattr(tasks.extract_article, "delay", lambda article_id, *a, **k: sent.append(article_id))
    return sent


# --- publication dates --------------------------------------------------------------------------------


def _day(offset: int) -> str:
    return (timezone.now().date() + timedelta(days=offset)).isoformat()


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31", "2204-03-08", "in 3 days"])
def test_an_implausible_publication_date_is_refused_at_submission(published, submitter):
    published = _day(3) if published == "in 3 days" else published
    error = assert_error(
        submitter.post(api("articles/"), {"text": TEXT, "published": published}, format="json"), 400, "invalid"
    )
    assert "published" in error["fields"]
    assert "1900-01-01" in error["message"]
    assert not Article.objects.exists()


@pytest.mark.parametrize("published", ["1900-01-01", "2024-03-08", "today", "in 2 days"])
def test_a_plausible_publication_date_is_accepted(published, submitter):
    published = {"today": _day(0), "in 2 days": _day(2)}.get(published, published)
    response = submitter.post(api("articles/"), {"text": TEXT, "published": published}, format="json")
    assert response.status_code == 202, response.content


def test_an_article_by_url_alone_with_an_implausible_date_is_refused_before_it_is_fetched(submitter, monkeypatch):
    from claims import fetching

    monkeypatch.setattr(fetching, "url_refusal", lambda url, policy=None: None)
    response = submitter.post(
        api("articles/"), {"url": "https://port.example/a", "published": "0001-01-01"}, format="json"
    )
    assert_error(response, 400, "invalid")
    assert not Article.objects.exists()


def test_the_ingest_command_refuses_the_same_dates_through_the_same_service(tmp_path):
    lines = [{"text": TEXT, "published": "0001-01-01"}, {"text": OTHER, "published": "2024-03-08"}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with pytest.raises(Exception, match="could not be loaded"):
        call_command("ingest", str(path), "--quiet")
    assert list(Article.objects.values_list("body", flat=True)) == [OTHER]


PAGE = (
    '<html><head><title>Ships</title><meta property="article:published_time" content="{date}"></head><body>'
    "<article><h1>Ships</h1><p>" + TEXT + "</p><p>The port expects more ships this year, its director said.</p>"
    "</article></body></html>"
)


def test_an_html_page_whose_own_date_cannot_be_right_is_stored_without_it(
    submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the page is read by the worker (here in-process)
        response = submitter.post(api("articles/"), {"html": PAGE.format(date="2204-03-08T09:00:00Z")}, format="json")
    assert response.status_code == 202, response.content
    read = Article.objects.get(pk=response.json()["id"])
    assert read.status in ("pending", "done") and read.body and read.published_at is None
    again = submitter.post(
        api("articles/"),
        {"html": PAGE.format(date="2024-03-08T09:00:00Z").replace("Ships", "Quays"), "published": "0001-01-01"},
        format="json",
    )
    assert_error(again, 400, "invalid")  # a date the client sent is refused, not dropped


def test_a_page_date_that_cannot_be_right_is_left_out_not_stored():
    assert article_services.published_plausible(datetime(2024, 3, 8, 9, tzinfo=UTC))
    assert not article_services.published_plausible(datetime(1, 1, 1, tzinfo=UTC))
    assert article_services.published_plausible(None)


# --- failures, in words, and retry --------------------------------------------------------------------


def _failed_article(monkeypatch, body: str = TEXT) -> Article:
    from claims import extraction

    article = article_services.article_submit(body=body).article

    def broken(*args, **kwargs):
        raise ValueError("the sentence splitter gave up")

    with monkeypatch.context() as patched, pytest.raises(ValueError):
        patched.setattr(extraction, "extract", broken)
        article_services.article_extract(article_id=article.pk)
    return Article.objects.get(pk=article.pk)


def test_a_failed_article_says_why_in_its_representation(client_for, monkeypatch):
    article = _failed_article(monkeypatch)
    data = client_for("read").get(api(f"articles/{article.pk}/")).json()
    assert data["status"] == "failed"
    assert data["status_error"].startswith("The extraction failed")
    assert "the sentence splitter gave up" in data["status_error"]
    listed = client_for("read").get(api("articles/?status=failed")).json()["results"]
    assert [a["status_error"] for a in listed] == [data["status_error"]]


def test_a_failed_article_is_queued_again_by_retry(submitter, monkeypatch, queued, django_capture_on_commit_callbacks):
    article = _failed_article(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(api(f"articles/{article.pk}/retry/"))
    assert response.status_code == 202, response.content
    data = response.json()
    assert data["status"] == "pending" and data["status_error"] == ""
    assert response["Location"] == data["url"]
    assert queued == [article.pk]


def test_a_failed_fetch_is_retried_as_a_fetch(submitter, queued, django_capture_on_commit_callbacks):
    article = Article.objects.create(
        url="https://port.example/gone", body="", body_hash="", status="failed",
        status_error="Could not fetch https://port.example/gone: HTTP 404",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(api(f"articles/{article.pk}/retry/"))
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "fetching"
    assert queued == [article.pk]


@pytest.mark.parametrize("state", ["pending", "extracting", "done"])
def test_only_a_failed_article_can_be_retried(state, submitter, article, queued):
    Article.objects.filter(pk=article.pk).update(status=state)
    error = assert_error(submitter.post(api(f"articles/{article.pk}/retry/")), 409, "not_failed")
    assert state in error["message"]
    assert Article.objects.get(pk=article.pk).status == state and queued == []


def test_retrying_an_unknown_or_retracted_article(submitter, article, editor):
    assert_error(submitter.post(api("articles/987654/retry/")), 404, "not_found")
    Article.objects.filter(pk=article.pk).update(status="failed")
    article_services.article_retract(article_id=article.pk, user=editor, reason="Wrong figures")
    assert_error(submitter.post(api(f"articles/{article.pk}/retry/")), 410, "gone")


# --- retracted articles are gone ----------------------------------------------------------------------


def test_a_retracted_article_is_gone_by_id_and_on_resubmission(client_for, editor):
    submitter = client_for("all")
    first = submitter.post(
        api("articles/"), {"text": TEXT, "url": "https://port.example/news/ships?utm_source=x"}, format="json"
    ).json()
    article_services.article_retract(article_id=first["id"], user=editor, reason="The figures were wrong.")
    gone = assert_error(submitter.get(api(f"articles/{first['id']}/")), 410, "gone")
    assert str(first["id"]) in gone["message"]
    for again in (
        {"text": OTHER, "url": "http://PORT.example/news/ships#top"},  # the same URL, written otherwise
        {"text": TEXT.replace(" ", "  ")},  # the same text
    ):
        error = assert_error(submitter.post(api("articles/"), again, format="json"), 410, "gone")
        assert "retracted" in error["message"]
    assert Article.objects.count() == 1


def test_the_admin_and_commands_get_the_same_refusal_from_the_service(editor):
    article = article_services.article_submit(body=TEXT, url="https://port.example/a").article
    article_services.article_retract(article_id=article.pk, user=editor, reason="Withdrawn.")
    with pytest.raises(Gone):
        article_services.article_submit(body=OTHER, url="https://port.example/a")
    with pytest.raises(ApplicationError):
        article_services.article_submit(body=TEXT, published=datetime(1, 1, 1, tzinfo=UTC))


# --- one article per URL ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://News.Example.COM/a/b?id=3", "https://news.example.com/a/b?id=3"),
        ("HTTPS://news.example.com:443/a/b?id=3#comments", "https://news.example.com/a/b?id=3"),
        ("http://news.example.com:80/a/b?id=3", "http://news.example.com/a/b?id=3"),
        ("http://news.example.com:8080/a", "http://news.example.com:8080/a"),
        ("https://news.example.com/a?utm_source=tw&id=3&UTM_Medium=x&fbclid=abc&gclid=1", "https://news.example.com/a?id=3"),
        ("https://news.example.com", "https://news.example.com/"),
        ("https://news.example.com/a?", "https://news.example.com/a"),
        ("https://news.example.com/A/B", "https://news.example.com/A/B"),  # paths keep their case
        ("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?b=2&a=1"),  # order may matter
    ],
)  # fmt: skip
def test_canonical_urls(url, canonical):
    assert canonical_url(url) == canonical


def test_http_and_https_are_the_same_identity():
    assert url_identity("http://news.example.com/a") == url_identity("https://NEWS.example.com:443/a#x")
    assert url_identity("https://news.example.com/a") != url_identity("https://news.example.com/b")


@pytest.mark.parametrize(
    "again",
    [
        "https://port.example/news/ships#comments",
        "http://port.example/news/ships",
        "https://PORT.Example/news/ships",
        "https://port.example:443/news/ships",
        "https://port.example/news/ships?utm_source=newsletter&utm_campaign=x",
        "https://port.example/news/ships?fbclid=IwAR0&gclid=abc",
    ],
)
def test_the_same_url_written_otherwise_is_the_same_article(again, submitter):
    first = submitter.post(
        api("articles/"), {"text": TEXT, "url": "https://port.example/news/ships?utm_source=x#top"}, format="json"
    )
    assert first.status_code == 202
    assert first.json()["canonical_url"] == "https://port.example/news/ships"
    assert first.json()["original_url"] == "https://port.example/news/ships?utm_source=x#top"
    same = submitter.post(api("articles/"), {"text": TEXT, "url": again}, format="json")
    assert same.status_code == 200, same.content
    assert same.json()["id"] == first.json()["id"] and same.json()["revision"] == 1
    # Other text under the same URL is a correction of that article (test_revisions.py), not another one.
    corrected = submitter.post(api("articles/"), {"text": OTHER, "url": again}, format="json")
    assert corrected.status_code == 202, corrected.content
    assert corrected.json()["id"] == first.json()["id"] and corrected.json()["revision"] == 2
    assert Article.objects.count() == 1


def test_a_url_that_differs_in_what_matters_is_another_article(submitter):
    submitter.post(api("articles/"), {"text": TEXT, "url": "https://port.example/news?id=1"}, format="json")
    response = submitter.post(api("articles/"), {"text": OTHER, "url": "https://port.example/news?id=2"}, format="json")
    assert response.status_code == 202


def test_the_migration_canonicalises_stored_urls_and_keys_only_the_oldest_of_duplicates():
    migration = importlib.import_module("claims.migrations.0008_article_canonical_url")
    rows = [
        ("http://Port.example/a?utm_source=x", "t1"),
        ("https://port.example/a#top", "t2"),
        ("https://port.example/b", "t3"),
    ]
    made = [Article.objects.create(url=url, body=f"body {h}", body_hash=h) for url, h in rows]
    migration.canonicalise(apps, None)
    first, duplicate, other = (Article.objects.get(pk=a.pk) for a in made)
    assert (first.url, first.original_url) == ("http://port.example/a", rows[0][0])
    assert first.url_key and duplicate.url_key is None and other.url_key
    assert duplicate.url == "https://port.example/a" and duplicate.original_url == rows[1][0]
    # New submissions find the oldest.
    assert article_services.article_submit(body=OTHER, url="https://port.example/a").article.pk == first.pk
