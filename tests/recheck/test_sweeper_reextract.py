"""Stuck articles come back; engine upgrades re-extract in batches and never lose reviewed work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from claims import extraction, tasks
from claims.extraction.types import Claim as Found
from claims.models import Article, Claim, SourceLink, Tombstone, Verdict
from claims.services import recheck

pytestmark = pytest.mark.django_db

BODY = "Minister Says Schools Close\n\nTwelve schools will close, the minister said.\n\nParents were not told."
FIRST = "Twelve schools will close, the minister said."
SECOND = "Parents were not told."


def age(article, **delta) -> None:
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(**delta))


def test_the_sweeper_re_enqueues_only_articles_stuck_beyond_the_timeout(article_factory, capture):
    stuck = article_factory()  # its extraction was never queued (no commit in this test): lost work
    recent = article_factory()
    extracting = article_factory()
    age(stuck, hours=1)
    Article.objects.filter(pk=extracting.pk).update(status=Article.Status.EXTRACTING)
    age(extracting, hours=2)
    with capture(execute=True):
        assert tasks.sweep_stuck_articles.delay().get() == 2
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert statuses[stuck.pk] == statuses[extracting.pk] == Article.Status.DONE
    assert statuses[recent.pk] == Article.Status.PENDING
    assert Article.objects.get(pk=stuck.pk).claims.exists()


def test_a_swept_article_is_not_re_enqueued_again_before_the_timeout(article_factory, capture):
    stuck = article_factory()
    age(stuck, hours=1)
    with capture(execute=False) as queued:
        assert recheck.articles_sweep_stuck() == [stuck.pk]
    assert len(queued) == 1
    with capture(execute=False) as queued:
        assert recheck.articles_sweep_stuck() == []
    assert queued == []


def test_an_article_submitted_while_the_broker_is_down_is_extracted_by_the_sweeper(
    article_factory, capture, monkeypatch
):
    from kombu.exceptions import OperationalError as BrokerDown

    def broker_down(*args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.extract_article, "delay", broker_down)
    with capture(execute=True):
        article = article_factory()  # the submission itself succeeds
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING
    monkeypatch.undo()
    age(article, hours=1)
    with capture(execute=True):
        tasks.sweep_stuck_articles.delay()
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    count = article.claims.count()
    with capture(execute=True):
        tasks.extract_article.delay(article.pk)  # a late duplicate of the lost task changes nothing
    assert article.claims.count() == count


def fake_engine(*texts: str):
    def extract(text, published=None):
        return [Found(text=t, start=text.index(t), end=text.index(t) + len(t)) for t in texts]

    return extract


@pytest.fixture
def extracted(article_factory, capture, monkeypatch):
    """An article extracted by engine "v1" into two claims."""
    monkeypatch.setattr(extraction, "VERSION", "v1")
    monkeypatch.setattr(extraction, "extract", fake_engine(FIRST, SECOND))
    with capture(execute=True):
        article = article_factory(BODY)
    article.refresh_from_db()
    assert article.extractor_version == "v1" and article.claims.count() == 2
    return article


def review(claim: Claim, verdict: str = Verdict.VERIFIED) -> None:
    Claim.objects.filter(pk=claim.pk).update(verdict=verdict, reviewed_at=timezone.now())
    SourceLink.objects.create(claim=claim, url="https://facts.example.org/a", excerpt="twelve schools")


def test_an_engine_upgrade_keeps_reviewed_claims_whose_sentence_is_still_there(extracted, capture, monkeypatch):
    kept = extracted.claims.get(text=FIRST)
    review(kept)
    monkeypatch.setattr(extraction, "VERSION", "v2")
    monkeypatch.setattr(extraction, "extract", fake_engine(SECOND, FIRST))  # other order, same sentences
    with capture(execute=True):
        assert tasks.reextract_outdated_articles.delay().get() == 1
    extracted.refresh_from_db()
    assert extracted.extractor_version == "v2"
    kept.refresh_from_db()
    assert kept.verdict == Verdict.VERIFIED and kept.sources.count() == 1
    assert kept.position == 1 and not kept.needs_recheck
    assert extracted.claims.count() == 2


def test_a_reviewed_claim_whose_sentence_is_gone_is_flagged_and_an_unreviewed_one_removed(
    extracted, capture, monkeypatch
):
    reviewed = extracted.claims.get(text=FIRST)
    review(reviewed)
    unreviewed = extracted.claims.get(text=SECOND)
    # The article was corrected: the reviewed sentence is no longer in its text.
    Article.objects.filter(pk=extracted.pk).update(body=BODY.replace(FIRST, "Four schools may close."))
    monkeypatch.setattr(extraction, "VERSION", "v2")
    monkeypatch.setattr(extraction, "extract", fake_engine("Parents were not told"))
    with capture(execute=True):
        tasks.reextract_outdated_articles.delay()
    reviewed.refresh_from_db()
    assert reviewed.needs_recheck and reviewed.verdict == Verdict.VERIFIED
    assert "no longer in the article" in reviewed.recheck_reason
    assert reviewed.start is None and reviewed.end is None
    assert not Claim.objects.filter(pk=unreviewed.pk).exists()
    assert Tombstone.objects.filter(kind=Tombstone.Kind.CLAIM, object_id=unreviewed.pk).exists()


def test_a_reviewed_claim_the_new_engine_skips_stays_anchored_to_its_unchanged_sentence(
    extracted, capture, monkeypatch
):
    reviewed = extracted.claims.get(text=FIRST)
    review(reviewed)
    monkeypatch.setattr(extraction, "VERSION", "v2")
    monkeypatch.setattr(extraction, "extract", fake_engine(SECOND))
    with capture(execute=True):
        tasks.reextract_outdated_articles.delay()
    reviewed.refresh_from_db()
    assert (reviewed.start, reviewed.end) == (BODY.index(FIRST), BODY.index(FIRST) + len(FIRST))
    assert not reviewed.needs_recheck and reviewed.verdict == Verdict.VERIFIED
    assert reviewed.position == 0


def test_re_extraction_goes_in_batches_and_holds_back_while_a_batch_waits(article_factory, capture, monkeypatch):
    monkeypatch.setattr(extraction, "VERSION", "v1")
    with capture(execute=True):
        articles = [article_factory() for _ in range(5)]
    monkeypatch.setattr(extraction, "VERSION", "v2")
    with capture(execute=False) as queued:
        first = recheck.articles_reextract_outdated(batch=2)
    assert first == [articles[0].pk, articles[1].pk] and len(queued) == 2
    # Those two wait in the queue (callbacks not run): no new batch until they are done.
    assert recheck.articles_reextract_outdated(batch=2) == []
    for callback in queued:
        callback()
    for expected in ([articles[2].pk, articles[3].pk], [articles[4].pk], []):
        with capture(execute=True):  # each batch is extracted when its block ends
            assert recheck.articles_reextract_outdated(batch=2) == expected
    assert set(Article.objects.values_list("extractor_version", flat=True)) == {"v2"}


def test_retracted_and_current_articles_are_not_re_extracted(article_factory, capture, monkeypatch):
    monkeypatch.setattr(extraction, "VERSION", "v1")
    with capture(execute=True):
        retracted = article_factory()
    Article.objects.filter(pk=retracted.pk).update(retracted_at=timezone.now())
    monkeypatch.setattr(extraction, "VERSION", "v2")
    with capture(execute=True):
        current = article_factory()
    assert list(recheck.articles_outdated()) == []
    assert current.pk


def test_reextract_now_runs_inline_with_a_progress_bar(extracted, monkeypatch, capsys):
    monkeypatch.setattr(extraction, "VERSION", "v2")
    call_command("reextract", "--now")
    out, err = capsys.readouterr()
    assert "Re-extracted 1 of 1 article(s)." in out
    assert "1/1 articles re-extracted" in err
    extracted.refresh_from_db()
    assert extracted.extractor_version == "v2"
    call_command("reextract", "--now")
    assert "Every article is extracted by engine version v2." in capsys.readouterr().out


def test_reextract_all_forces_current_articles_and_queues_without_now(extracted, capture, capsys):
    with capture(execute=False) as queued:
        call_command("reextract", "--all")
    assert "Queued 1 article(s) for re-extraction by engine version v1." in capsys.readouterr().out
    assert len(queued) == 1
    assert Article.objects.get(pk=extracted.pk).status == Article.Status.PENDING
    for callback in queued:
        callback()
    assert Article.objects.get(pk=extracted.pk).status == Article.Status.DONE
    assert extracted.claims.count() == 2


@pytest.fixture
def unfetched(db):
    """An article still being fetched and one whose fetch failed: both have no body yet."""
    fetching = Article.objects.create(
        url="https://news.example.org/fetching", body="", body_hash="", status=Article.Status.FETCHING
    )
    failed = Article.objects.create(
        url="https://news.example.org/gone",
        body="",
        body_hash="",
        status=Article.Status.FAILED,
        status_error="Could not fetch https://news.example.org/gone: HTTP 404",
    )
    return fetching, failed


def assert_untouched(fetching: Article, failed: Article) -> None:
    fetching_now, failed_now = Article.objects.get(pk=fetching.pk), Article.objects.get(pk=failed.pk)
    assert fetching_now.status == Article.Status.FETCHING and fetching_now.body == ""
    assert failed_now.status == Article.Status.FAILED and failed_now.body == ""
    assert failed_now.status_error == "Could not fetch https://news.example.org/gone: HTTP 404"
    assert not fetching_now.claims.exists() and not failed_now.claims.exists()


def test_reextract_all_leaves_articles_without_a_body_alone(extracted, unfetched, capture, capsys):
    with capture(execute=False) as queued:
        call_command("reextract", "--all")
    assert "Queued 1 article(s)" in capsys.readouterr().out
    assert len(queued) == 1
    assert_untouched(*unfetched)
    for callback in queued:
        callback()
    assert_untouched(*unfetched)


def test_reextract_all_now_never_fetches_or_extracts_articles_without_a_body(extracted, unfetched, monkeypatch, capsys):
    from claims import fetching

    def no_fetch(*args, **kwargs):
        raise AssertionError("reextract must not fetch pages")

    monkeypatch.setattr(fetching, "fetch", no_fetch)
    call_command("reextract", "--all", "--now")
    assert "Re-extracted 1 of 1 article(s)." in capsys.readouterr().out
    assert_untouched(*unfetched)


def test_queueing_re_extraction_skips_articles_without_a_body(extracted, unfetched, capture):
    with capture(execute=False) as queued:
        ids = recheck.articles_queue_reextraction(article_ids=[extracted.pk, *(a.pk for a in unfetched)])
    assert ids == [extracted.pk] and len(queued) == 1
    assert_untouched(*unfetched)


def test_reextract_now_exits_non_zero_when_an_article_fails(extracted, monkeypatch, capsys):
    def broken_engine(text, published=None):
        raise RuntimeError("the engine broke")

    monkeypatch.setattr(extraction, "VERSION", "v2")
    monkeypatch.setattr(extraction, "extract", broken_engine)
    with pytest.raises(CommandError, match="1 of 1 article"):
        call_command("reextract", "--now")
    out, err = capsys.readouterr()
    assert "Re-extracted 0 of 1 article(s)." in out
    assert f"article {extracted.pk}: RuntimeError: the engine broke" in err
    assert Article.objects.get(pk=extracted.pk).status == Article.Status.FAILED
