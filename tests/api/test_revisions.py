"""Corrections: the same URL with other text is a new revision of the article, with its history kept,
its claims following the new text (reviewed ones never lost) and the change delivered by the feeds."""

from __future__ import annotations

import pytest

from claims import extraction
from claims.models import Article, ArticleRevision, Claim, Tombstone
from claims.services import articles as article_services
from claims.services.review import claim_review
from tests.api.conftest import api
from tests.api.test_errors import assert_error

pytestmark = pytest.mark.django_db

URL = "https://harbour.example/news/quay"
KEPT = "The port director said on Friday that the new quay opens in June."
CHECKED = "The harbour authority said on Monday that 300 ships used the port last year."
DROPPED = "A spokesman said the ferry timetable will change in the autumn."
FIRST = f"Quay to open in June\n\n{CHECKED}\n\n{KEPT}\n\n{DROPPED}"
ADDED = "The mayor said on Thursday that the quay cost 12 million euros."
SECOND = f"Quay to open in June\n\n{ADDED}\n\n{KEPT}\n\nA correction was made to this article."


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


def _extracted(text: str, url: str = URL) -> Article:
    """An article with claims made by hand at exact offsets (no engine), one per sentence after the title."""
    article = article_services.article_submit(body=text, url=url).article
    for position, sentence in enumerate(text.split("\n\n")[1:]):
        start = text.index(sentence)
        Claim.objects.create(article=article, position=position, text=sentence, start=start, end=start + len(sentence))
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE, extractor_version=extraction.VERSION)
    article.refresh_from_db()
    return article


def _check(claim: Claim, user) -> None:
    claim_review(claim_id=claim.pk, user=user, verdict="unverifiable", note="No record found.", expected_version=1)


def _offsets_index_the_text(article: Article) -> None:
    article.refresh_from_db()
    for claim in article.claims.all():
        if claim.start is not None:
            assert article.body[claim.start : claim.end] == claim.text, claim.text


def test_the_same_url_with_other_text_is_a_new_revision_answered_202(
    submitter, key_account, queued, django_capture_on_commit_callbacks
):
    article = _extracted(FIRST)
    checked = article.claims.get(text=CHECKED)
    kept = article.claims.get(text=KEPT)
    _check(checked, key_account)
    dropped = article.claims.get(text=DROPPED)

    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(
            api("articles/"), {"text": SECOND, "url": "http://HARBOUR.example/news/quay#top"}, format="json"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["id"] == article.pk and body["revision"] == 2 and body["revised_at"]
    assert body["body"] == SECOND and body["status"] == "pending"
    assert response["Location"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert queued == [article.pk]  # re-extracted

    # The history: revision 1 kept with its text, revision 2 current.
    revisions = submitter.get(body["revisions"]).json()["results"]
    assert [(r["revision"], r["current"]) for r in revisions] == [(1, False), (2, True)]
    assert revisions[0]["replaced_at"] == revisions[1]["submitted_at"]
    first = submitter.get(revisions[0]["url"])
    assert first.status_code == 200 and first.json()["body"] == FIRST
    assert submitter.get(revisions[1]["url"]).json()["body"] == SECOND

    # The claims follow the new text at once: offsets index it, whatever the extraction does later.
    _offsets_index_the_text(article)
    kept.refresh_from_db()
    assert kept.start == SECOND.index(KEPT)
    checked.refresh_from_db()  # reviewed, sentence gone: kept, detached, flagged, verdict unchanged
    assert (checked.start, checked.end, checked.verdict, checked.needs_recheck) == (None, None, "unverifiable", True)
    assert "revision 2" in checked.recheck_reason
    assert not Claim.objects.filter(pk=dropped.pk).exists()  # unreviewed, sentence gone: removed for mirrors
    assert Tombstone.objects.filter(kind="claim", object_id=dropped.pk).exists()


def test_the_same_text_again_is_not_a_revision(submitter, queued, django_capture_on_commit_callbacks):
    article = _extracted(FIRST)

    def post(text: str):
        with django_capture_on_commit_callbacks(execute=True):
            return submitter.post(api("articles/"), {"text": text, "url": URL}, format="json")

    for text in (FIRST, FIRST.replace("\n\n", "\n")):  # white space does not matter
        response = post(text)
        assert response.status_code == 200, response.content
        assert response.json()["revision"] == 1
    assert post(SECOND).status_code == 202
    again = post(SECOND)
    assert again.status_code == 200 and again.json()["revision"] == 2
    assert ArticleRevision.objects.filter(article=article).count() == 1
    assert queued == [article.pk]


def test_a_correction_whose_text_is_another_articles_is_refused(submitter, queued):
    article = _extracted(FIRST)
    other = article_services.article_submit(body=SECOND, url="https://harbour.example/news/other").article
    error = assert_error(submitter.post(api("articles/"), {"text": SECOND, "url": URL}, format="json"), 409, "conflict")
    assert str(other.pk) in error["message"]
    article.refresh_from_db()
    assert article.body == FIRST and article.revision == 1


def test_a_retracted_articles_url_with_other_text_is_gone_not_revised(submitter, editor, queued):
    article = _extracted(FIRST)
    article_services.article_retract(article_id=article.pk, user=editor, reason="Withdrawn.")
    assert_error(submitter.post(api("articles/"), {"text": SECOND, "url": URL}, format="json"), 410, "gone")
    assert_error(submitter.get(api(f"articles/{article.pk}/revisions/")), 410, "gone")
    assert_error(submitter.get(api(f"articles/{article.pk}/revisions/1/")), 410, "gone")
    assert not ArticleRevision.objects.exists()


def test_a_correction_re_extracts_and_keeps_reviewed_claims(submitter, key_account, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = submitter.post(
            api("articles/"), {"text": FIRST, "url": URL, "published": "2024-05-03"}, format="json"
        )
    assert created.status_code == 202
    article = Article.objects.get(pk=created.json()["id"])
    assert article.status == "done", article.status_error
    kept = article.claims.get(text=KEPT)
    _check(kept, key_account)
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(api("articles/"), {"text": SECOND, "url": URL}, format="json")
    assert response.status_code == 202
    article.refresh_from_db()
    assert (article.status, article.revision, article.body) == ("done", 2, SECOND)
    kept.refresh_from_db()
    assert kept.verdict == "unverifiable" and kept.start == SECOND.index(KEPT)  # the same claim, same id
    assert article.claims.filter(text=ADDED).exists()  # the new sentence extracted
    assert not article.claims.filter(text__in=[CHECKED, DROPPED]).exists()  # unreviewed and gone
    _offsets_index_the_text(article)


def test_an_extraction_of_the_old_text_finishing_after_a_correction_stores_nothing(monkeypatch, queued):
    article = _extracted(FIRST)
    real = extraction.extract

    def extract_then_corrected(body, published):
        found = real(body, published)
        article_services.article_correct(article_id=article.pk, body=SECOND)  # arrives meanwhile
        return found

    monkeypatch.setattr(extraction, "extract", extract_then_corrected)
    article_services.article_extract(article_id=article.pk, force=True)
    article.refresh_from_db()
    assert article.body == SECOND and article.revision == 2 and article.status == "pending"
    assert not article.claims.filter(text=CHECKED).exists()  # the old text's claims were not written back
    _offsets_index_the_text(article)


def test_a_correction_comes_in_the_articles_and_claims_feeds(client_for, key_account, queued):
    reader = client_for("read")
    article = _extracted(FIRST)
    kept = article.claims.get(text=KEPT)
    dropped = article.claims.get(text=DROPPED)
    cursors = {feed: reader.get(api(feed)).json()["next_cursor"] for feed in ("articles/", "claims/", "tombstones/")}
    article_services.article_submit(body=SECOND, url=URL)

    def since(feed: str) -> list[dict]:
        return reader.get(api(feed), {"cursor": cursors[feed]}).json()["results"]

    articles = since("articles/")
    assert [(a["id"], a["revision"]) for a in articles] == [(article.pk, 2)]
    claims = {c["id"]: c for c in since("claims/")}
    assert claims[kept.pk]["start"] == SECOND.index(KEPT) and claims[kept.pk]["article"]["revision"] == 2
    assert dropped.pk in {t["object_id"] for t in since("tombstones/") if t["kind"] == "claim"}


def test_an_article_registered_by_url_takes_a_text_sent_later_as_its_first(submitter, queued, monkeypatch):
    from claims import fetching

    monkeypatch.setattr(fetching, "url_refusal", lambda url, policy: "")
    by_url = submitter.post(api("articles/"), {"url": URL}, format="json").json()
    assert by_url["status"] == "fetching"
    response = submitter.post(api("articles/"), {"text": FIRST, "url": URL}, format="json")
    assert response.status_code == 202
    assert response.json()["revision"] == 1 and response.json()["body"] == FIRST
    assert response.json()["status"] == "pending"
    assert not ArticleRevision.objects.exists()  # nothing to keep: it had no text


@pytest.mark.parametrize(
    ("persona", "status"),
    [("read", 200), ("submit", 200), ("review", 403), ("anonymous", 401), ("reviewer", 200), ("staff", 403)],
)
def test_who_may_read_the_revisions(persona, status, client_for, queued):
    article = _extracted(FIRST)
    article_services.article_submit(body=SECOND, url=URL)
    client = client_for(persona)
    for path in (f"articles/{article.pk}/revisions/", f"articles/{article.pk}/revisions/1/"):
        assert client.get(api(path)).status_code == status


def test_unknown_revisions_and_articles_are_404(client_for, queued):
    reader = client_for("read")
    article = _extracted(FIRST)
    assert_error(reader.get(api(f"articles/{article.pk}/revisions/2/")), 404, "not_found")
    assert_error(reader.get(api("articles/999999/revisions/")), 404, "not_found")
    current = reader.get(api(f"articles/{article.pk}/revisions/1/")).json()
    assert current["current"] is True and current["body"] == FIRST and current["replaced_at"] is None
    error = assert_error(reader.get(api(f"articles/{article.pk}/revisions/?page_size=2")), 400, "invalid")
    assert "page_size" in error["fields"]


def test_the_admin_article_page_lists_the_earlier_texts(client, editor, queued):
    article = _extracted(FIRST)
    article_services.article_submit(body=SECOND, url=URL)
    client.force_login(editor)
    page = client.get(f"/admin/claims/article/{article.pk}/change/").content.decode()
    assert 'id="revision-1"' in page and DROPPED in page  # the old text, only in revision 1


def _page(text: str) -> str:
    return "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:]) + "</article></body></html>"


def test_a_correction_sent_as_html_is_read_by_the_worker_then_a_revision(submitter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = submitter.post(api("articles/"), {"html": _page(FIRST), "url": URL}, format="json")
    assert first.status_code == 202 and first.json()["status"] == "fetching"
    article = Article.objects.get(pk=first.json()["id"])
    assert article.revision == 1 and KEPT in article.body
    same = submitter.post(api("articles/"), {"html": _page(FIRST), "url": URL}, format="json")
    assert same.status_code == 200  # the same page again
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = submitter.post(api("articles/"), {"html": _page(SECOND), "url": URL}, format="json")
        # Answered before the page is read: waiting as the article's pending correction.
        assert response.status_code == 202 and response.json()["revision"] == 1
        assert Article.objects.get(pk=article.pk).pending_correction["html"] == _page(SECOND)
    assert callbacks
    article.refresh_from_db()
    assert article.revision == 2 and ADDED in article.body and article.pending_correction is None
    assert article.raw_html == _page(SECOND)
    assert ArticleRevision.objects.get(article=article).raw_html == _page(FIRST)


def test_a_correction_page_without_text_leaves_the_article_and_says_why(submitter, django_capture_on_commit_callbacks):
    article = _extracted(FIRST)
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(
            api("articles/"), {"html": "<html><body><script>x</script></body></html>", "url": URL}, format="json"
        )
    assert response.status_code == 202
    after = submitter.get(api(f"articles/{article.pk}/")).json()
    assert after["revision"] == 1 and after["body"] == FIRST
    assert "correction sent as HTML was not applied" in after["status_error"]


def test_a_failed_articles_url_with_fixed_text_is_a_revision_extracted_again(
    submitter, monkeypatch, django_capture_on_commit_callbacks
):
    """Before revisions, resubmitting the fixed text answered 200 with the failed article and dropped the text."""
    article = article_services.article_submit(body=FIRST, url=URL).article
    with monkeypatch.context() as patched, pytest.raises(ValueError):
        patched.setattr(extraction, "extract", lambda *a, **k: (_ for _ in ()).throw(ValueError("splitter gave up")))
        article_services.article_extract(article_id=article.pk)
    assert Article.objects.get(pk=article.pk).status == "failed"
    with django_capture_on_commit_callbacks(execute=True):
        response = submitter.post(api("articles/"), {"text": SECOND, "url": URL}, format="json")
    assert response.status_code == 202 and response.json()["revision"] == 2
    article.refresh_from_db()
    assert (article.status, article.status_error, article.body) == ("done", "", SECOND)
    assert article.claims.filter(text=ADDED).exists()


def test_a_correction_page_whose_task_was_lost_is_swept_up(submitter, queued, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from claims.services.recheck import articles_sweep_stuck

    article = _extracted(FIRST)
    submitter.post(api("articles/"), {"html": _page(SECOND), "url": URL}, format="json")  # its task never runs
    assert Article.objects.get(pk=article.pk).pending_correction is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_sweep_stuck(older_than=timedelta(0)) == [article.pk]
    assert queued == [article.pk]
