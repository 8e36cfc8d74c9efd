"""Recording link checks: states, history rows, idempotency, schedules and re-review flags."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from claims import tasks
from claims.fetching import FetchResult, Outcome
from claims.models import Claim, LinkCheck, Review, SourceLink, Verdict
from claims.services import recheck
from tests.recheck.conftest import Reply, page

pytestmark = pytest.mark.django_db

State = SourceLink.State
URL = "https://news.example.org/story"


def html(text: str, *, url: str = URL, final_url: str | None = None, status: int = 200) -> FetchResult:
    return FetchResult(
        url=url,
        outcome=Outcome.RESPONSE,
        final_url=final_url or url,
        status_code=status,
        content_type="text/html; charset=utf-8",
        body=page(text).encode(),
        elapsed_ms=12,
    )


def failed(outcome: str = Outcome.TIMEOUT, error: str = "timed out: read", status: int | None = None) -> FetchResult:
    return FetchResult(url=URL, outcome=outcome, final_url=URL, status_code=status, error=error)


def deferred(seconds: float = 900) -> FetchResult:
    return FetchResult(
        url=URL, outcome=Outcome.RESPONSE, status_code=429, retry_after=seconds, error="HTTP 429: retry later"
    )


def record(source, result, key: str | None = None):
    key = key or f"test:{source.pk}:{LinkCheck.objects.count()}"
    outcome = recheck.source_record_check(source_id=source.pk, attempt_key=key, result=result)
    source.refresh_from_db()
    return outcome


@pytest.fixture
def source(claim_factory, source_factory):
    return source_factory(claim_factory(), URL, excerpt="twelve schools will close")


# --- states ---------------------------------------------------------------------------------------


def test_a_page_that_still_carries_the_excerpt_is_ok_and_recorded(source):
    outcome = record(source, html("The minister said twelve schools will close on Monday."))
    assert outcome.state == State.OK and outcome.recorded
    assert source.state == State.OK
    assert source.excerpt_present is True
    assert source.last_status == 200
    assert source.consecutive_failures == 0
    assert source.last_checked_at is not None
    assert len(source.content_hash) == 64
    check = LinkCheck.objects.get(source=source)
    assert (check.status_code, check.elapsed_ms, check.excerpt_present, check.error) == (200, 12, True, "")
    assert check.final_url == URL and check.content_type.startswith("text/html")


def test_a_page_without_the_excerpt_is_changed(source):
    record(source, html("The minister said the schools will stay open."))
    assert source.state == State.CHANGED
    assert source.excerpt_present is False
    assert LinkCheck.objects.get(source=source).excerpt_present is False


@pytest.mark.parametrize(
    ("final_url", "state"),
    [
        ("https://news.example.org/2024/story-moved", State.REDIRECTED),
        ("https://other.example.com/story", State.REDIRECTED),
        ("http://news.example.org/story", State.OK),  # scheme change only
        ("https://NEWS.example.org/story/", State.OK),  # case and trailing slash
        ("https://www.news.example.org/story", State.OK),
    ],
)
def test_a_moved_page_is_redirected_but_cosmetic_changes_are_not(source, final_url, state):
    record(source, html("twelve schools will close", final_url=final_url))
    assert source.state == state
    assert source.final_url == final_url


def test_without_an_excerpt_the_first_content_is_the_baseline_and_a_change_is_flagged(claim_factory, source_factory):
    bare = source_factory(claim_factory(), URL)
    record(bare, html("Original statement."))
    baseline = bare.content_hash
    assert bare.state == State.OK and bare.excerpt_present is None
    record(bare, html("Original statement."))
    assert bare.state == State.OK
    record(bare, html("A rewritten statement."))
    assert bare.state == State.CHANGED
    assert bare.content_hash == baseline  # the baseline stays what was reviewed


def test_a_link_is_broken_only_after_n_consecutive_failures(source, settings):
    settings.REGISTRY_RECHECK_BROKEN_AFTER = 3
    record(source, html("twelve schools will close"))
    states = []
    for result in (failed(), failed(Outcome.RESPONSE, "", 404), failed(Outcome.CONNECT, "could not connect")):
        record(source, result)
        states.append((source.state, source.consecutive_failures))
    assert states == [(State.OK, 1), (State.OK, 2), (State.BROKEN, 3)]
    assert source.last_status is None
    record(source, html("twelve schools will close"))
    assert (source.state, source.consecutive_failures) == (State.OK, 0)


def test_a_refused_url_is_broken_at_once_with_its_reason(claim_factory, source_factory):
    inward = source_factory(claim_factory(), "http://10.0.0.1/admin")
    record(inward, FetchResult(url=inward.url, outcome=Outcome.REFUSED, error="refused: 10.0.0.1 is a private network"))
    assert inward.state == State.BROKEN
    assert LinkCheck.objects.get(source=inward).error == "refused: 10.0.0.1 is a private network"


def test_a_deferred_check_is_recorded_but_changes_nothing_about_the_link(source):
    record(source, html("twelve schools will close"))
    before = (source.state, source.consecutive_failures, source.last_checked_at)
    record(source, deferred(900))
    assert (source.state, source.consecutive_failures, source.last_checked_at) == before
    assert timedelta(seconds=850) < source.next_check_at - timezone.now() <= timedelta(seconds=900)
    assert LinkCheck.objects.filter(source=source).count() == 2
    assert LinkCheck.objects.filter(source=source, status_code=429).get().error == "HTTP 429: retry later"


@pytest.mark.parametrize(("reviewed_days_ago", "hours"), [(1, 24), (29, 24), (31, 168), (400, 168)])
def test_sources_of_young_verdicts_are_checked_daily_and_older_ones_weekly(
    claim_factory, source_factory, reviewed_days_ago, hours
):
    young_or_old = source_factory(claim_factory(reviewed_days_ago=reviewed_days_ago), URL)
    record(young_or_old, html("text"))
    wait = young_or_old.next_check_at - timezone.now()
    assert timedelta(hours=hours) - timedelta(minutes=1) < wait <= timedelta(hours=hours * 1.05)


# --- idempotency ----------------------------------------------------------------------------------


def test_recording_the_same_attempt_twice_writes_one_row(source):
    first = record(source, html("twelve schools will close"), key="attempt-1")
    second = record(source, failed(), key="attempt-1")
    assert first.recorded and not second.recorded
    assert LinkCheck.objects.filter(attempt_key="attempt-1").count() == 1
    assert source.state == State.OK and source.consecutive_failures == 0


def test_a_check_batch_run_twice_fetches_and_records_once(source):
    calls: list[str] = []

    def fetcher(url, policy):
        calls.append(url)
        return html("twelve schools will close")

    items = [(source.pk, "batch-key")]
    recheck.sources_check(items=items, fetcher=fetcher)
    again = recheck.sources_check(items=items, fetcher=fetcher)
    assert calls == [URL]
    assert [o.recorded for o in again] == [False]
    assert LinkCheck.objects.count() == 1


def test_the_check_task_run_twice_with_the_same_attempt_key_writes_one_link_check(source, monkeypatch):
    monkeypatch.setattr(recheck, "fetch", lambda url, policy: html("twelve schools will close"))
    first = tasks.recheck_sources.delay([[source.pk, "task-key"]]).get()
    second = tasks.recheck_sources.delay([[source.pk, "task-key"]]).get()
    assert first == {"ok": 1}
    assert second == {"already-recorded": 1}
    assert LinkCheck.objects.filter(attempt_key="task-key").count() == 1


def test_a_check_of_a_deleted_source_does_nothing(source):
    pk = source.pk
    source.delete()
    assert recheck.sources_check(items=[(pk, "k")], fetcher=lambda url, policy: html("x")) == [
        recheck.CheckOutcome(pk, "k", None, recorded=False)
    ]
    assert not LinkCheck.objects.exists()


def test_a_check_task_that_gives_up_records_the_failure_in_the_link_history(source, monkeypatch):
    def down(**kwargs):
        raise OperationalError("the database is unreachable")

    monkeypatch.setattr(recheck, "sources_check", down)
    # The last allowed try (the next failure is final), run as a worker runs it (errors not propagated).
    result = tasks.recheck_sources.apply(
        args=[[[source.pk, "doomed"]]], retries=tasks.recheck_sources.max_retries, throw=False
    )
    assert result.state == "FAILURE"
    monkeypatch.undo()
    check = LinkCheck.objects.get(attempt_key="doomed")
    assert check.error.startswith("the check task failed: OperationalError: the database is unreachable")
    source.refresh_from_db()
    assert source.state == State.UNCHECKED  # our failure, not the link's


# --- handing out due sources ----------------------------------------------------------------------


def test_due_sources_are_handed_out_once_until_their_lease_ends(claim_factory, source_factory):
    claim = claim_factory()
    now = timezone.now()
    new = source_factory(claim, URL)
    due = source_factory(claim, URL + "?2", next_check_at=now - timedelta(minutes=1))
    source_factory(claim, URL + "?3", next_check_at=now + timedelta(hours=2))
    items = recheck.sources_lease_due(limit=10, now=now)
    assert [sid for sid, _ in items] == [new.pk, due.pk]
    assert len({key for _, key in items}) == 2
    assert recheck.sources_lease_due(limit=10, now=now) == []
    later = now + timedelta(seconds=3601)
    again = recheck.sources_lease_due(limit=10, now=later)
    assert [sid for sid, _ in again] == [new.pk, due.pk]
    assert {key for _, key in again}.isdisjoint({key for _, key in items})


def test_the_fan_out_queues_bounded_batches_and_every_due_source_is_checked(
    claim_factory, source_factory, local_server, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.REGISTRY_RECHECK_BATCH_SIZE = 2
    local_server.routes["/ok"] = Reply(body=page("twelve schools will close"))
    local_server.routes["/moved"] = Reply(301, headers={"Location": "/ok"})
    local_server.routes["/edited"] = Reply(body=page("all schools stay open"))
    claim = claim_factory()
    paths = ["/ok", "/moved", "/gone", "/edited", "/ok"]
    sources = [source_factory(claim, local_server.url(p), excerpt="twelve schools will close") for p in paths]
    batches: list[int] = []
    real = tasks.recheck_sources.delay
    monkeypatch.setattr(tasks.recheck_sources, "delay", lambda items: batches.append(len(items)) or real(items))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.recheck_due_sources.delay().get() == 5
    assert batches == [2, 2, 1]
    states = [SourceLink.objects.get(pk=s.pk).state for s in sources]
    assert states == [State.OK, State.REDIRECTED, State.UNCHECKED, State.CHANGED, State.OK]
    gone = SourceLink.objects.get(pk=sources[2].pk)
    assert (gone.consecutive_failures, gone.last_status) == (1, 404)
    assert LinkCheck.objects.count() == 5


# --- claims needing re-review ---------------------------------------------------------------------


def break_(source):
    SourceLink.objects.filter(pk=source.pk).update(consecutive_failures=2, state=State.OK)
    source.refresh_from_db()
    record(source, failed(Outcome.RESPONSE, "", 404))
    assert source.state == State.BROKEN


def test_a_verified_claim_is_flagged_when_its_last_supporting_source_breaks(claim_factory, source_factory, settings):
    settings.REGISTRY_RECHECK_BROKEN_AFTER = 3
    claim = claim_factory(Verdict.VERIFIED)
    first = source_factory(claim, "https://a.example.org/one", excerpt="schools will close")
    second = source_factory(claim, "https://b.example.org/two", excerpt="schools will close")
    source_factory(claim, "https://c.example.org/context", stance=SourceLink.Stance.CONTEXT)
    version = claim.version
    break_(first)
    claim.refresh_from_db()
    assert not claim.needs_recheck  # one supporting source still stands
    record(second, html("schools will stay open", url=second.url))
    claim.refresh_from_db()
    assert claim.needs_recheck
    assert claim.version == version + 1
    assert claim.recheck_reason == (
        "The verified verdict lost its evidence: all 2 of its supporting sources are broken or changed: "
        "https://a.example.org/one (broken: HTTP 404); "
        "https://b.example.org/two (changed: the excerpt is no longer on the page)."
    )


def test_a_disputed_claim_is_flagged_when_its_refuting_source_breaks(claim_factory, source_factory):
    claim = claim_factory(Verdict.DISPUTED)
    refuting = source_factory(claim, "https://facts.example.org/x", stance=SourceLink.Stance.REFUTES)
    source_factory(claim, "https://other.example.org/y", stance=SourceLink.Stance.SUPPORTS)
    record(refuting, FetchResult(url=refuting.url, outcome=Outcome.REFUSED, error="refused: 10.0.0.1 is private"))
    claim.refresh_from_db()
    assert claim.needs_recheck
    assert "its only refuting source is broken" in claim.recheck_reason
    assert "refused: 10.0.0.1 is private" in claim.recheck_reason


@pytest.mark.parametrize(
    ("verdict", "stance"),
    [
        (Verdict.UNREVIEWED, SourceLink.Stance.SUPPORTS),
        (Verdict.UNVERIFIABLE, SourceLink.Stance.SUPPORTS),
        (Verdict.VERIFIED, SourceLink.Stance.REFUTES),  # a verified claim losing a refuting source is no loss
        (Verdict.VERIFIED, SourceLink.Stance.CONTEXT),
    ],
)
def test_other_losses_do_not_flag_the_claim(claim_factory, source_factory, verdict, stance):
    claim = claim_factory(verdict)
    lost = source_factory(claim, URL, stance=stance)
    record(lost, FetchResult(url=URL, outcome=Outcome.REFUSED, error="refused"))
    claim.refresh_from_db()
    assert not claim.needs_recheck


def test_an_already_flagged_claim_keeps_its_first_reason(claim_factory, source_factory):
    claim = claim_factory(Verdict.VERIFIED)
    Claim.objects.filter(pk=claim.pk).update(needs_recheck=True, recheck_reason="Reviewer asked.")
    lost = source_factory(claim, URL)
    record(lost, FetchResult(url=URL, outcome=Outcome.REFUSED, error="refused"))
    claim.refresh_from_db()
    assert claim.recheck_reason == "Reviewer asked."


def test_a_source_that_stays_broken_does_not_flag_again_after_a_reviewer_cleared_it(claim_factory, source_factory):
    claim = claim_factory(Verdict.VERIFIED)
    lost = source_factory(claim, URL)
    record(lost, FetchResult(url=URL, outcome=Outcome.REFUSED, error="refused"))
    Claim.objects.filter(pk=claim.pk).update(needs_recheck=False, recheck_reason="")
    record(lost, FetchResult(url=URL, outcome=Outcome.REFUSED, error="refused"))
    claim.refresh_from_db()
    assert not claim.needs_recheck


def test_stale_verdicts_are_flagged_unless_recently_reviewed(claim_factory, settings, django_user_model):
    settings.REGISTRY_RECHECK_STALE_VERDICT_DAYS = 365
    old = claim_factory(Verdict.VERIFIED, reviewed_days_ago=400)
    old_disputed = claim_factory(Verdict.DISPUTED, reviewed_days_ago=366)
    fresh = claim_factory(Verdict.VERIFIED, reviewed_days_ago=10)
    unreviewed = claim_factory(Verdict.UNREVIEWED)
    Claim.objects.filter(pk=unreviewed.pk).update(created_at=timezone.now() - timedelta(days=900))
    confirmed = claim_factory(Verdict.VERIFIED, reviewed_days_ago=500)
    reviewer = django_user_model.objects.create_user("rev")
    Review.objects.create(
        claim=confirmed, reviewer=reviewer, from_verdict=Verdict.VERIFIED, to_verdict=Verdict.VERIFIED,
        action="recheck_cleared",
    )  # fmt: skip
    assert recheck.claims_flag_stale_verdicts(batch=1) == 2
    flagged = set(Claim.objects.filter(needs_recheck=True).values_list("pk", flat=True))
    assert flagged == {old.pk, old_disputed.pk}
    assert "more than 365 days" in Claim.objects.get(pk=old.pk).recheck_reason
    assert Claim.objects.get(pk=old.pk).version == old.version + 1
    assert fresh.pk not in flagged and confirmed.pk not in flagged
    assert tasks.flag_stale_verdicts.delay().get() == 0  # nothing twice
