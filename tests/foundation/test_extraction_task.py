"""Submitting an article stores it once and extraction stores its claims once, whatever happens twice."""

from datetime import date
from unittest import mock

import pytest

from claims import extraction
from claims.errors import ApplicationError
from claims.models import Article, Claim, ClaimDate, Review, SourceLink, Tombstone, Verdict
from claims.services import articles as article_services
from claims.services.articles import article_extract, article_submit
from claims.tasks import extract_article

pytestmark = pytest.mark.django_db

BODY = (
    "Port Authority Opens New Terminal\n\n"
    "The new terminal in Rotterdam will open on March 14, the port authority said on Tuesday.\n\n"
    '"It doubles our capacity," director Eva Smit told reporters.\n\n'
    "Traffic rose 12 percent in 2023."
)


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """Submit as a request would: the test's transaction never commits, so run its on-commit hooks."""

    def _submit(body=BODY, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return article_submit(body=body, published=date(2024, 3, 8), **kwargs)

    return _submit


def test_nothing_is_enqueued_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as hooks:
        article = article_submit(body=BODY, published=date(2024, 3, 8)).article
    # The extraction's own hook (the other one tells the webhook dispatcher that the change log grew).
    from claims.services.changes import _send_change_logged

    assert len([hook for hook in hooks if hook is not _send_change_logged]) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING


def test_a_submitted_article_is_extracted_on_commit(submit):
    article = submit().article
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.extractor_version == extraction.VERSION
    assert article.extracted_at is not None
    claims = list(article.claims.order_by("position"))
    assert claims, "extraction stored no claims"
    for claim in claims:
        assert article.body[claim.start : claim.end] == claim.text


def test_claim_dates_and_places_are_stored_with_their_offsets(submit):
    article = submit().article
    for date_row in ClaimDate.objects.filter(claim__article=article):
        assert article.body[date_row.start : date_row.end] == date_row.text


def test_a_week_is_stored_with_its_granularity(submit):
    # a calendar week (ISO "2024-W09") is a granularity of its own, valid in the model's choices
    body = "Dock Strike Ends\n\nThe dockers ended their strike last week, the union said on Tuesday."
    article = submit(body=body).article
    row = ClaimDate.objects.get(claim__article=article, text="last week")
    row.full_clean()
    assert (row.value, row.granularity) == ("2024-W09", ClaimDate.Granularity.WEEK)


def test_the_same_url_or_body_is_not_stored_twice(submit):
    first = submit(url="https://news.example/terminal")
    again_by_url = submit(body=BODY + "\n\nUpdated.", url="https://news.example/terminal")
    again_by_body = submit(body=BODY.replace("\n\n", "\n\n\n"))
    assert first.created and not again_by_url.created and not again_by_body.created
    assert again_by_url.revised  # other text under the same URL: a correction (a new revision)
    # The first text again, without the URL: the article it was an earlier revision of.
    assert again_by_url.article.pk == again_by_body.article.pk == first.article.pk
    assert Article.objects.count() == 1


@pytest.mark.parametrize("body", ["", "   \n\t "])
def test_an_empty_article_is_refused(body):
    with pytest.raises(ApplicationError, match="no text"):
        article_submit(body=body)
    assert Article.objects.count() == 0


def test_running_the_task_twice_creates_no_duplicate_claims(submit):
    article = submit().article
    count = article.claims.count()
    assert extract_article.apply(args=[article.pk]).get() == "done"
    article_extract(article_id=article.pk, force=True)
    assert article.claims.count() == count
    assert Claim.objects.values("text").distinct().count() == count


def test_a_forced_rerun_keeps_claim_ids(submit):
    article = submit().article
    ids = set(article.claims.values_list("pk", flat=True))
    article_extract(article_id=article.pk, force=True)
    assert set(article.claims.values_list("pk", flat=True)) == ids


def test_status_goes_through_extracting_to_done(submit):
    article = submit().article
    seen = []

    def spy(text, published):
        seen.append(Article.objects.get(pk=article.pk).status)
        return []

    with mock.patch("claims.services.articles.extraction.extract", side_effect=spy):
        article_extract(article_id=article.pk, force=True)
    assert seen == [Article.Status.EXTRACTING]
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_a_failing_engine_marks_the_article_failed_with_the_error(submit):
    article = submit().article
    broken = mock.patch("claims.services.articles.extraction.extract", side_effect=RuntimeError("engine broke"))
    with broken, pytest.raises(RuntimeError):
        article_extract(article_id=article.pk, force=True)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "engine broke" in article.status_error
    # the claims of the previous good run are still there
    assert article.claims.exists()


def test_offsets_outside_the_body_are_refused_and_nothing_is_stored(submit):
    article = submit().article
    before = list(article.claims.values_list("pk", "text"))
    bad = [extraction.Claim(text="nope", start=0, end=4)]
    wrong = mock.patch("claims.services.articles.extraction.extract", return_value=bad)
    with wrong, pytest.raises(ApplicationError, match="offsets outside"):
        article_extract(article_id=article.pk, force=True)
    assert list(article.claims.values_list("pk", "text")) == before


def test_the_task_ignores_an_article_deleted_since_it_was_queued():
    assert extract_article.apply(args=[987654]).get() == "missing"


def test_reviewed_claims_survive_reextraction_and_gone_ones_are_flagged_not_deleted(submit):
    article = submit().article
    kept = article.claims.get(text__contains="Rotterdam")
    lost = article.claims.get(text__contains="doubles our capacity")
    plain = article.claims.get(text__contains="Traffic rose")
    for claim in (kept, lost):
        claim.verdict = Verdict.VERIFIED
        claim.save()
        SourceLink.objects.create(claim=claim, url="https://evidence.example/")
        Review.objects.create(claim=claim, from_verdict=Verdict.UNREVIEWED, to_verdict=Verdict.VERIFIED)
    # The article is corrected: one reviewed sentence and one unreviewed sentence disappear.
    Article.objects.filter(pk=article.pk).update(
        body=article.body.replace(lost.text, "").replace(plain.text, "Traffic fell in 2024.")
    )
    article_extract(article_id=article.pk, force=True)
    kept.refresh_from_db()
    lost.refresh_from_db()
    assert kept.verdict == Verdict.VERIFIED and not kept.needs_recheck
    assert lost.needs_recheck and "no longer in the article" in lost.recheck_reason
    assert lost.sources.count() == 1 and lost.reviews.count() == 1
    assert not Claim.objects.filter(pk=plain.pk).exists()
    assert Tombstone.objects.filter(kind="claim", object_id=plain.pk).exists()


def test_an_unchanged_rerun_leaves_claims_untouched(submit):
    article = submit().article
    before = {c.pk: (c.version, c.updated_at) for c in article.claims.all()}
    article_extract(article_id=article.pk, force=True)
    assert {c.pk: (c.version, c.updated_at) for c in article.claims.all()} == before


def test_a_rerun_that_changes_only_a_date_bumps_the_claim_for_mirrors(submit):
    article = submit().article
    claim = article.claims.get(text__contains="Rotterdam")
    version, updated = claim.version, claim.updated_at
    # The article's publication date moves a year: "March 14" now resolves to another year.
    Article.objects.filter(pk=article.pk).update(published_at=article.published_at.replace(year=2025))
    article_extract(article_id=article.pk, force=True)
    claim.refresh_from_db()
    assert claim.version == version + 1 and claim.updated_at > updated
    assert claim.dates.get(text__contains="March 14").value.startswith("2025")


def test_a_verdict_saved_while_extraction_runs_is_never_overwritten(submit):
    article = submit().article
    claim = article.claims.get(text__contains="Rotterdam")
    real = article_services.speaker_get_or_create

    def reviewer_saves_meanwhile(*, name):
        # Between extraction reading the claims and writing them back, a reviewer saves a verdict.
        Claim.objects.filter(pk=claim.pk).update(verdict=Verdict.UNVERIFIABLE, verdict_note="no record")
        return real(name=name)

    Article.objects.filter(pk=article.pk).update(published_at=article.published_at.replace(year=2025))
    with mock.patch("claims.services.articles.speaker_get_or_create", side_effect=reviewer_saves_meanwhile):
        article_extract(article_id=article.pk, force=True)
    claim.refresh_from_db()
    assert (claim.verdict, claim.verdict_note) == (Verdict.UNVERIFIABLE, "no record")


def test_a_submission_that_loses_a_race_gets_the_winners_article(submit):
    first = submit(url="https://news.example/race").article
    # The second request checked for duplicates before the first one committed.
    with mock.patch("claims.services.articles._existing_article", side_effect=[None, first]):
        again = article_submit(body=BODY + " (copy)", url="https://news.example/race")
    assert not again.created and again.article.pk == first.pk
    assert Article.objects.count() == 1


def test_the_same_text_cannot_be_stored_twice_even_past_the_check(submit):
    first = submit().article
    with mock.patch("claims.services.articles._existing_article", side_effect=[None, first]):
        again = article_submit(body=BODY)
    assert again.article.pk == first.pk and Article.objects.count() == 1


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example/a", "not a url", 5, "https://x.example/" + "a" * 2000]
)
def test_article_urls_must_be_http_links(url):
    with pytest.raises(ApplicationError):
        article_submit(body=BODY, url=url)
    assert not Article.objects.exists()
