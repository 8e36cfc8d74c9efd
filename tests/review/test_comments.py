"""The discussion thread of a claim, and the reason an editor must give to reopen a verdict."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.errors import ApplicationError, NotFound, PermissionDenied
from claims.models import Claim, ClaimComment, Verdict
from claims.services import comments as comment_services
from claims.services import review as svc
from tests.review.helpers import form_data, messages_of
from tests.review.test_admin import as_persona, claim_url  # noqa: F401 (as_persona is a fixture)

LIMIT = comment_services.COMMENT_MAX_LENGTH


# --- the service --------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["reviewer", "editor", "superuser"])
def test_reviewers_and_editors_comment(request, claim, persona):
    user = request.getfixturevalue(persona)
    version = Claim.objects.get(pk=claim.pk).version
    comment = comment_services.comment_add(claim_id=claim.pk, user=user, text="  Is the 40 million net of VAT?  ")
    assert (comment.claim_id, comment.author, comment.text) == (claim.pk, user, "Is the 40 million net of VAT?")
    assert Claim.objects.get(pk=claim.pk).version == version, "a comment is not a change of the review state"


@pytest.mark.parametrize("persona", ["staff_without_group", None])
def test_people_without_a_role_cannot_comment(request, claim, persona):
    user = request.getfixturevalue(persona) if persona else None
    with pytest.raises(PermissionDenied):
        comment_services.comment_add(claim_id=claim.pk, user=user, text="hello")
    assert not ClaimComment.objects.exists()


def test_a_comment_has_text_within_the_limit(claim, reviewer):
    with pytest.raises(ApplicationError, match="Write something"):
        comment_services.comment_add(claim_id=claim.pk, user=reviewer, text=" \n ")
    with pytest.raises(ApplicationError, match=f"At most {LIMIT:,} characters \\({LIMIT + 1:,} given\\)") as error:
        comment_services.comment_add(claim_id=claim.pk, user=reviewer, text="x" * (LIMIT + 1))
    assert error.value.code == "too_long" and "comment" in error.value.fields
    assert comment_services.comment_add(claim_id=claim.pk, user=reviewer, text="x" * LIMIT).text == "x" * LIMIT
    with pytest.raises(NotFound):
        comment_services.comment_add(claim_id=10**9, user=reviewer, text="hello")


def test_comments_are_append_only(claim, reviewer):
    comment = comment_services.comment_add(claim_id=claim.pk, user=reviewer, text="first")
    comment.text = "rewritten"
    with pytest.raises(TypeError):
        comment.save()
    with pytest.raises(TypeError):
        comment.delete()
    with pytest.raises(TypeError):
        ClaimComment.objects.filter(pk=comment.pk).update(text="rewritten")
    with pytest.raises(TypeError):
        ClaimComment.objects.all().delete()
    assert ClaimComment.objects.get(pk=comment.pk).text == "first"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL only")
def test_the_database_refuses_to_change_a_comment(claim, reviewer):
    from django.db import DatabaseError, transaction

    comment = comment_services.comment_add(claim_id=claim.pk, user=reviewer, text="first")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE claims_claimcomment SET text = 'x' WHERE id = %s", [comment.pk])


# --- the claim page ------------------------------------------------------------------------------------


def test_the_claim_page_shows_the_thread_and_posts_a_comment(as_persona, claim, editor):  # noqa: F811
    comment_services.comment_add(claim_id=claim.pk, user=editor, text="Source for the <b>figure</b>?\nAsk the city.")
    client = as_persona("reviewer")
    html = client.get(claim_url(claim)).content.decode()
    assert 'id="discussion"' in html and "Edna Editor" in html
    assert "Source for the &lt;b&gt;figure&lt;/b&gt;?<br>Ask the city." in html, "escaped, line breaks kept"
    data = form_data(client.get(claim_url(claim)))
    response = client.post(claim_url(claim), {**data, "comment": "The budget page says 38.", "_comment": "1"})
    assert response.status_code == 302
    assert list(ClaimComment.objects.filter(claim=claim).values_list("text", "author__username")) == [
        ("Source for the <b>figure</b>?\nAsk the city.", "edna"),
        ("The budget page says 38.", "rita"),
    ]
    assert "Added a comment." in messages_of(client.get(claim_url(claim)))
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED


def test_a_too_long_comment_is_refused_on_the_page_with_the_input_kept(as_persona, claim):  # noqa: F811
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    text = "y" * (LIMIT + 5)
    response = client.post(claim_url(claim), {**data, "comment": text, "_comment": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"The comment is too long: At most {LIMIT:,} characters ({LIMIT + 5:,} given)." in html
    assert text in html, "the input is still there"
    assert not ClaimComment.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("staff_without_group", 403), ("anonymous", 302)])
def test_people_without_a_role_cannot_read_or_post_comments(as_persona, claim, editor, persona, status):  # noqa: F811
    comment_services.comment_add(claim_id=claim.pk, user=editor, text="Only for the desk.")
    client = as_persona(persona)
    response = client.get(claim_url(claim))
    assert response.status_code == status and "Only for the desk." not in response.content.decode()
    response = client.post(claim_url(claim), {"comment": "sneaky", "_comment": "1"})
    assert response.status_code == status
    assert ClaimComment.objects.count() == 1


# --- a reason to reopen ---------------------------------------------------------------------------------


def test_reopening_a_verdict_needs_a_reason_recorded_in_the_history(claim, reviewer, editor):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No public data.")
    for blank in ("", "   "):
        with pytest.raises(ApplicationError, match="Say why you reopen this claim") as error:
            svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNREVIEWED, note=blank)
        assert error.value.code == "reason_required" and "note" in error.value.fields
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNVERIFIABLE, "nothing changed"
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNREVIEWED, note="The data was published.")
    last = claim.reviews.order_by("-id").first()
    assert (last.action, last.note, last.reviewer) == ("reopen", "The data was published.", editor)


def test_the_claim_page_refuses_a_reopen_without_a_reason(as_persona, claim, reviewer):  # noqa: F811
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No public data.")
    client = as_persona("editor")
    data = form_data(client.get(claim_url(claim)))  # the note field shows the verdict's note: not a reason
    response = client.post(claim_url(claim), {**data, "_reopen": "1"})
    assert response.status_code == 200
    assert "Say why you reopen this claim" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNVERIFIABLE
    response = client.post(claim_url(claim), {**data, "_reopen": "1", "note": "A reader sent the report."})
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED
    assert claim.reviews.order_by("-id").first().note == "A reader sent the report."


def test_a_discussed_claim_survives_re_extraction_like_a_reviewed_one(article, reviewer):
    from claims.services.articles import article_extract
    from tests.review.test_reextraction_offsets import BERG, MAY, MAYOR, engine_returning

    mayor = article.claims.get(text=MAYOR)
    comment_services.comment_add(claim_id=mayor.pk, user=reviewer, text="Keep this one: the figure is odd.")
    with engine_returning(BERG, MAY):  # the new engine no longer finds the mayor's sentence
        article_extract(article_id=article.pk, force=True)
    mayor.refresh_from_db()  # kept (an unreviewed claim nobody worked on would be deleted)
    assert mayor.comments.get().text == "Keep this one: the figure is odd."


def test_posting_a_comment_does_not_silently_drop_an_edited_note(as_persona, claim):  # noqa: F811
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    response = client.post(
        claim_url(claim), {**data, "note": "Half-written rationale", "comment": "Hm?", "_comment": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "you changed the note and posted a comment" in html
    assert "Half-written rationale" in html and "Hm?</textarea>" in html, "both inputs are kept"
    assert not ClaimComment.objects.exists()
