"""Body size limits: the API's own limit is the one that applies, for the API and the admin alike."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tests.api.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_djangos_body_limit_is_at_least_the_apis_so_the_apis_limit_applies():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= settings.API_MAX_BODY_BYTES


def test_a_3_mb_paste_on_the_admin_ingest_page_gets_a_clear_answer_not_a_500(client, reviewer):
    client.login(username=reviewer.username, password=PASSWORD)
    data = {"text": "word " * (3 * 1024 * 1024 // 5), "format": "auto", "published": "2024-03-08"}
    data.update(title="", url="", outlet="")
    response = client.post(reverse("admin:claims_article_ingest"), data)
    assert response.status_code == 200, response.status_code  # the form again, with the reason
    assert "longer than" in response.content.decode()


# --- nothing heavy in a request -----------------------------------------------------------------------
# Reading HTML costs seconds per megabyte of hostile markup (measured: 0.5 MB of tiny tags 2.0 s of CPU,
# 2 MB 9.7 s), so the request only checks sizes and stores the page; the worker reads it.


def _hostile_pages(size: int) -> dict[str, str]:
    para = "<p>The harbour authority said on Monday that 300 ships used the port last year.</p>"
    return {
        "many tiny tags": "<html><body><p>" + "<b>a</b>" * (size // 8),
        "deep nesting": "<html><body>" + "<div>" * (size // 5) + para,
        "huge attribute": '<html><body><div title="' + "x" * size + '">' + para + "</div></body></html>",
        "no closing tags": "<html><body>" + "<p>word <span>more " * (size // 19),
        "one tag": "<html><body><p>" + "word " * (size // 5) + "</p></body></html>",
    }


@pytest.mark.parametrize("shape", list(_hostile_pages(10)))
def test_a_hostile_page_near_the_body_limit_is_stored_without_being_parsed(
    shape, client_for, settings, monkeypatch, django_capture_on_commit_callbacks
):
    import lxml.etree
    import lxml.html
    import trafilatura

    from claims.models import Article
    from tests.api.conftest import api

    parsed: list[str] = []

    def counting(name, real):
        def wrapper(*args, **kwargs):
            parsed.append(name)
            return real(*args, **kwargs)

        return wrapper

    for module, name in ((lxml.html, "document_fromstring"), (lxml.etree, "fromstring"), (trafilatura, "extract")):
        monkeypatch.setattr(module, name, counting(name, getattr(module, name)))
    monkeypatch.setattr("claims.services.articles.article_enqueue_extraction", lambda article: None)
    html = _hostile_pages(settings.API_MAX_BODY_BYTES - 1000)[shape]
    response = client_for("submit").post(api("articles/"), {"html": html}, format="json")
    assert response.status_code == 202, response.content[:300]
    assert response.json()["status"] == "fetching"
    assert parsed == []  # not one parse in the request, whatever the markup
    assert Article.objects.get().raw_html == html
