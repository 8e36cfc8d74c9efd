"""Writes through the API meet the review service's input rules: the source URL guard and the note limit (issue 12)."""

from __future__ import annotations

import pytest

from claims.models import SourceLink
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8101/admin/", "http://localhost/x", "http://10.0.0.7/", "http://[::1]/"]
)
def test_a_local_or_private_source_url_is_400_on_the_url_field(client_for, claims, url):
    response = client_for("review").post(
        api(f"claims/{claims[0].pk}/sources/"), {"url": url, "stance": "supports"}, format="json"
    )
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert "not allowed" in error["message"]
    assert "url" in error["fields"]
    assert not SourceLink.objects.filter(url=url).exists()


def test_a_verdict_with_a_loopback_source_is_refused_and_nothing_is_written(client_for, claims):
    claim = claims[1]
    response = client_for("review").post(
        api(f"claims/{claim.pk}/verdict/"),
        {"verdict": "verified", "sources": [{"url": "http://127.0.0.1:8101/admin/", "stance": "supports"}]},
        format="json",
        HTTP_IF_MATCH=str(claim.version),
    )
    assert response.status_code == 400, response.content
    claim.refresh_from_db()
    assert claim.verdict == "unreviewed" and not claim.sources.exists()


def test_a_verdict_note_over_the_documented_limit_is_400_on_the_note(client_for, claims):
    from claims.services.review import NOTE_MAX_LENGTH

    claim = claims[1]
    response = client_for("review").post(
        api(f"claims/{claim.pk}/verdict/"),
        {"verdict": "unverifiable", "note": "n" * (NOTE_MAX_LENGTH + 1)},
        format="json",
        HTTP_IF_MATCH=str(claim.version),
    )
    assert response.status_code == 400, response.content
    assert "note" in response.json()["error"]["fields"]
    claim.refresh_from_db()
    assert claim.verdict == "unreviewed"
