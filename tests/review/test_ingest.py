"""The admin ingest page: paste an article, get it stored and extracted in the background."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import admin_views
from claims.models import Article, Outlet
from tests.review.conftest import PASSWORD

pytestmark = pytest.mark.django_db

INGEST = "admin:claims_article_ingest"
TEXT = "Harbour works begin\n\nThe mayor said on Monday that the harbour will reopen in June."


@pytest.fixture
def reviewer_client(client, reviewer):
    client.login(username=reviewer.username, password=PASSWORD)
    return client


def post(client, **fields):
    data = {"text": TEXT, "format": "auto", "published": "2024-03-08", "title": "", "url": "", "outlet": ""}
    data.update(fields)
    return client.post(reverse(INGEST), data)


def test_pasted_text_is_stored_extracted_and_shown(reviewer_client, reviewer, django_capture_on_commit_callbacks):
    outlet = Outlet.objects.create(name="Harbour Times", domain="harbour.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(reviewer_client, outlet=str(outlet.pk))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:claims_article_change", args=[article.pk])
    assert (article.title, article.outlet, article.submitted_by) == ("Harbour works begin", outlet, reviewer)
    assert article.published_at.date().isoformat() == "2024-03-08"
    assert article.status == "done", "the extraction task ran (in-process in tests)"
    page = reviewer_client.get(response.url)
    assert "Article submitted: extraction runs in the background." in page.content.decode()


def test_submitting_the_same_article_again_leads_to_the_first_copy(reviewer_client):
    post(reviewer_client)
    response = post(reviewer_client, text=TEXT.replace("\n\n", "\n\n\n"))
    assert Article.objects.count() == 1
    assert response.url == reverse("admin:claims_article_change", args=[Article.objects.get().pk])
    assert "already in the registry" in reviewer_client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": "   "}, "text", "Paste the article"),
        ({"published": ""}, "published", "Give the article's publication date: there is no default."),
        ({"published": "yesterday"}, "published", "Enter a valid date."),
        ({"url": "not a url at all"}, "url", "Enter a valid URL."),
    ],
)
def test_bad_input_is_refused_with_a_message_on_the_field(reviewer_client, fields, field, message):
    response = post(reviewer_client, **fields)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Article.objects.exists()


def test_an_article_too_long_is_refused_clearly(reviewer_client, settings):
    settings.REGISTRY_MAX_ARTICLE_CHARS = 1000
    response = post(reviewer_client, text="word " * 400)
    assert "longer than 1,000 characters" in " ".join(response.context["form"].errors["text"])


PAGE = (
    '<html><head><title>Works</title><meta property="article:published_time" content="2024-03-01">'
    '<meta name="author" content="Lea Harbour"></head><body><article>'
    "<p>The mayor said on Monday that the harbour will reopen in June after two years of works.</p>"
    "<p>Ships will be able to dock again at the north quay, the port authority said.</p></article></body></html>"
)


def test_html_is_read_for_its_text_title_date_and_byline_and_kept_raw(
    reviewer_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # read by the worker (here in-process)
        response = post(reviewer_client, text=PAGE, format="auto", published="")
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    article = Article.objects.get()
    assert article.raw_html == PAGE and "<p>" not in article.body
    assert "the harbour will reopen in June" in article.body
    assert (article.title, article.byline, article.published_at.date().isoformat()) == (
        "Works",
        "Lea Harbour",
        "2024-03-01",
    )


def test_what_the_form_gives_wins_over_what_the_page_says(reviewer_client):
    post(reviewer_client, text=PAGE, format="html", title="Harbour reopens", published="2024-03-08")
    article = Article.objects.get()
    assert (article.title, article.published_at.date().isoformat()) == ("Harbour reopens", "2024-03-08")


def test_html_without_an_article_fails_in_the_worker_saying_why(reviewer_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the request only stores the page
        response = post(reviewer_client, text="<html><body><script>x()</script></body></html>", format="html")
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == "failed" and "no article text" in article.status_error


def test_plain_text_with_angle_brackets_is_not_taken_for_html(reviewer_client):
    post(reviewer_client, text="Turnout was <50% in 3 of 4 districts, the agency said.")
    assert Article.objects.get().body.startswith("Turnout was <50%")


def test_the_fetch_option_sends_the_url_to_the_fetcher(reviewer_client, monkeypatch):
    assert b"Fetch the article from its URL" in reviewer_client.get(reverse(INGEST)).content
    calls = []
    monkeypatch.setattr(admin_views, "ingest_fetcher", lambda: lambda **kw: calls.append(kw))
    assert b"Fetch the article from its URL" in reviewer_client.get(reverse(INGEST)).content
    response = post(reviewer_client, text="", fetch="on", url="https://news.example/a")
    assert response.status_code == 302
    assert calls[0]["url"] == "https://news.example/a"


@pytest.mark.parametrize(("persona", "status"), [("staff_without_group", 403), ("anonymous", 302)])
def test_people_without_a_role_cannot_ingest(client, request, persona, status):
    if persona != "anonymous":
        client.login(username=request.getfixturevalue(persona).username, password=PASSWORD)
    assert post(client).status_code == status
    assert not Article.objects.exists()


def test_the_add_article_button_leads_to_the_ingest_page(reviewer_client):
    response = reviewer_client.get(reverse("admin:claims_article_add"))
    assert response.url == reverse(INGEST)
