"""Plain error pages (production mode renders them instead of Django's technical pages)."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_gets_the_registry_404_page(settings):
    settings.DEBUG = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert b"There is nothing at this address." in response.content


@pytest.mark.django_db
def test_an_oversized_form_gets_a_clear_400_page(settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    response = Client().post("/admin/login/", {f"f{i}": "x" for i in range(10)})
    assert response.status_code == 400
    assert b"too large or malformed" in response.content
