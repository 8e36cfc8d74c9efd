"""Retracting an article: editors only, with a reason; claims leave the API and mirrors get tombstones."""

import pytest
from django.urls import reverse

from claims.errors import ApplicationError, PermissionDenied
from claims.models import Tombstone
from claims.services.articles import article_retract

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_editor_retracts_with_a_reason_and_tombstones_are_written(article, editor):
    claim_ids = set(article.claims.values_list("pk", flat=True))
    article_retract(article_id=article.pk, user=editor, reason="Source withdrew the story")
    article.refresh_from_db()
    assert article.retracted_at is not None
    assert Tombstone.objects.get(kind="article", object_id=article.pk).reason == "retracted: Source withdrew the story"
    assert set(Tombstone.objects.filter(kind="claim").values_list("object_id", flat=True)) == claim_ids
    assert article.claims.count() == len(claim_ids), "retraction deletes nothing"


def test_retracting_twice_writes_no_more_tombstones(article, editor):
    article_retract(article_id=article.pk, user=editor, reason="wrong")
    count = Tombstone.objects.count()
    article_retract(article_id=article.pk, user=editor, reason="wrong again")
    assert Tombstone.objects.count() == count


def test_a_reviewer_may_not_retract(article, reviewer):
    with pytest.raises(PermissionDenied):
        article_retract(article_id=article.pk, user=reviewer, reason="x")
    article.refresh_from_db()
    assert article.retracted_at is None and not Tombstone.objects.exists()


def test_a_reason_is_required(article, editor):
    with pytest.raises(ApplicationError, match="why"):
        article_retract(article_id=article.pk, user=editor, reason="   ")


@pytest.mark.parametrize(("persona", "status", "retracted"), [("editor", 302, True), ("reviewer", 403, False)])
def test_the_admin_retract_button(client, request, article, persona, status, retracted):
    client.login(username=request.getfixturevalue(persona).username, password=PASSWORD)
    url = reverse("admin:claims_article_retract", args=[article.pk])
    assert client.get(url).status_code in (405, 403)
    response = client.post(url, {"reason": "Duplicate of another report"})
    assert response.status_code == status
    article.refresh_from_db()
    assert (article.retracted_at is not None) is retracted
    page = client.get(reverse("admin:claims_article_change", args=[article.pk]))
    if retracted:
        assert b"Retracted" in page.content and b"Retract the article" not in page.content


def test_anonymous_visitors_are_sent_to_the_login(client, article):
    response = client.post(reverse("admin:claims_article_retract", args=[article.pk]), {"reason": "x"})
    assert response.status_code == 302 and "/login/" in response.url
    article.refresh_from_db()
    assert article.retracted_at is None


def test_retracted_claims_leave_the_api_feed(article, editor, client):
    article_retract(article_id=article.pk, user=editor, reason="withdrawn")
    client.login(username=editor.username, password=PASSWORD)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("object_id", ["abc", "99999999999999999999999", "12"])
@pytest.mark.parametrize("action", ["retract", "reextract"])
def test_odd_article_ids_are_a_404_not_a_500(client, editor, action, object_id):
    client.login(username=editor.username, password=PASSWORD)
    response = client.post(f"/admin/claims/article/{object_id}/{action}/", {"reason": "x"})
    assert response.status_code == 404


def test_an_out_of_range_speaker_filter_is_ignored(client, editor, article):
    client.login(username=editor.username, password=PASSWORD)
    response = client.get(reverse("admin:claims_claim_changelist"), {"speaker": "9" * 30})
    assert response.status_code == 200
