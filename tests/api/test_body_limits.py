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
