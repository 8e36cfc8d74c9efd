"""A check batch records every source in time: a check that stalls is recorded as timed out, the rest go on."""

from __future__ import annotations

import threading
import time

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import CommandError, call_command

from claims import tasks
from claims.fetching import FetchResult, Outcome
from claims.models import LinkCheck, SourceLink
from claims.services import recheck
from tests.recheck.conftest import page

pytestmark = pytest.mark.django_db

State = SourceLink.State


def ok_page(url: str) -> FetchResult:
    return FetchResult(
        url=url,
        outcome=Outcome.RESPONSE,
        final_url=url,
        status_code=200,
        content_type="text/html",
        body=page("twelve schools will close").encode(),
    )


class StallingFetcher:
    """Answers at once, except for URLs containing "stall": those hang until released (or 60 s)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.stalled = threading.Event()
        self.finished_stalls = 0

    def __call__(self, url: str, policy=None) -> FetchResult:
        if "stall" in url:
            self.stalled.set()
            self.release.wait(60)
            self.finished_stalls += 1
        return ok_page(url)


@pytest.fixture
def stalling(monkeypatch):
    fetcher = StallingFetcher()
    monkeypatch.setattr(recheck, "fetch", fetcher)
    yield fetcher
    fetcher.release.set()


@pytest.fixture
def batch(claim_factory, source_factory):
    claim = claim_factory()
    urls = ["https://a.example/1", "https://b.example/stall", "https://c.example/3", "https://d.example/4"]
    return [source_factory(claim, url, excerpt="twelve schools") for url in urls]


def test_a_stalled_check_is_recorded_as_timed_out_and_the_others_are_recorded(batch, stalling):
    items = [(s.pk, f"k{i}") for i, s in enumerate(batch)]
    outcomes = recheck.sources_check(items=items, source_timeout=0.5, threads=2)
    # It returned while the stalled fetch was still hanging: it did not wait for it.
    assert stalling.stalled.is_set() and stalling.finished_stalls == 0
    assert sorted(o.source_id for o in outcomes) == sorted(s.pk for s in batch)
    assert LinkCheck.objects.count() == 4
    stalled = LinkCheck.objects.get(source=batch[1])
    assert stalled.error.startswith("check timed out: not finished within 0.5 s")
    batch[1].refresh_from_db()
    assert batch[1].consecutive_failures == 1 and batch[1].state == State.UNCHECKED
    assert [o.unfinished for o in outcomes if o.source_id == batch[1].pk] == [Outcome.CHECK_TIMEOUT]
    for source in (batch[0], batch[2], batch[3]):
        source.refresh_from_db()
        assert source.state == State.OK
        assert LinkCheck.objects.get(source=source).error == ""


def test_a_source_timed_out_again_and_again_ends_broken(batch, stalling, settings):
    settings.REGISTRY_RECHECK_BROKEN_AFTER = 2
    for attempt in range(2):
        recheck.sources_check(items=[(batch[1].pk, f"again-{attempt}")], source_timeout=0.2)
    batch[1].refresh_from_db()
    assert batch[1].state == State.BROKEN


def test_checks_unfinished_when_the_batch_runs_out_of_time_are_recorded_as_deferred(batch, stalling):
    stalled_too = SourceLink.objects.create(claim=batch[0].claim, url="https://e.example/stall", excerpt="x")
    items = [(batch[1].pk, "s1"), (stalled_too.pk, "s2"), (batch[0].pk, "s3")]
    # One thread: the first stalls, the others wait for it; the batch's deadline comes first.
    outcomes = recheck.sources_check(items=items, source_timeout=60, threads=1, deadline=time.monotonic() + 0.5)
    assert {o.unfinished for o in outcomes} == {Outcome.OUT_OF_TIME}
    assert LinkCheck.objects.count() == 3
    for source in (batch[1], stalled_too, batch[0]):
        source.refresh_from_db()
        check = LinkCheck.objects.get(source=source)
        assert check.error.startswith("not checked: the check batch ran out of time")
        # Nothing held against the link: it keeps its state and comes back soon.
        assert source.consecutive_failures == 0 and source.state == State.UNCHECKED
        assert source.next_check_at is not None


def test_the_soft_time_limit_is_never_swallowed_by_the_error_handler(batch, monkeypatch):
    def cut_off(**kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(recheck, "source_record_check", cut_off)
    reported = []
    with pytest.raises(SoftTimeLimitExceeded):
        recheck.sources_check(
            items=[(batch[0].pk, "k")], fetcher=lambda url, policy: ok_page(url), on_error=lambda *a: reported.append(a)
        )
    assert reported == []


def test_the_check_task_gives_its_batch_a_deadline_inside_its_soft_time_limit(batch, monkeypatch):
    seen = {}

    def spy(**kwargs):
        seen.update(kwargs, now=time.monotonic())
        return []

    monkeypatch.setattr(recheck, "sources_check", spy)
    tasks.recheck_sources.apply(args=[[[batch[0].pk, "k"]]])
    soft = tasks.recheck_sources.soft_time_limit
    assert soft
    assert seen["now"] < seen["deadline"] < seen["now"] + soft
    assert 0 < seen["source_timeout"] <= seen["deadline"] - seen["now"] + 0.5


def test_the_check_task_keeps_each_source_s_budget_inside_its_window(batch, monkeypatch, settings):
    seen = {}
    monkeypatch.setattr(recheck, "sources_check", lambda **kwargs: seen.update(kwargs) or [])
    monkeypatch.setattr(tasks.recheck_sources, "soft_time_limit", 20)
    settings.REGISTRY_RECHECK_SOURCE_TIMEOUT_MS = 50_000  # longer than the batch may run
    tasks.recheck_sources.apply(args=[[[batch[0].pk, "k"]]])
    assert seen["source_timeout"] == 18  # the 20 s soft limit less the 2 s kept for recording


def test_recheck_now_stops_at_its_time_limit_and_records_what_it_could_not_finish(batch, stalling, capsys):
    with pytest.raises(CommandError, match="1 source check"):
        call_command("recheck_sources", "--now", "--time-limit", "1")
    out, err = capsys.readouterr()
    assert "stopped at the time limit (1 s)" in err
    assert "not checked (time limit): 1" in out and "ok: 3" in out
    assert LinkCheck.objects.count() == 4
    assert LinkCheck.objects.get(source=batch[1]).error.startswith("not checked")


def test_recheck_now_refuses_a_time_limit_that_is_not_positive(db):
    with pytest.raises(CommandError, match="--time-limit must be a positive number"):
        call_command("recheck_sources", "--now", "--time-limit", "0")


def test_queueing_extractions_never_swallows_the_soft_time_limit(monkeypatch):
    from claims.services import articles

    def cut_off(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(tasks.extract_article, "delay", cut_off)
    with pytest.raises(SoftTimeLimitExceeded):
        articles._send_extraction(1)


def test_queueing_checks_never_swallows_the_soft_time_limit(monkeypatch):
    def cut_off(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(tasks.recheck_sources, "delay", cut_off)
    with pytest.raises(SoftTimeLimitExceeded):
        recheck._send_checks([(1, "k")])


class PageFetcher:
    """Answers every URL with 200 and the body registered for it (HTML unless told otherwise)."""

    def __init__(self, bodies: dict[str, tuple[str, str]]) -> None:
        self.bodies = bodies

    def __call__(self, url: str, policy=None) -> FetchResult:
        body, content_type = self.bodies[url]
        return FetchResult(
            url=url,
            outcome=Outcome.RESPONSE,
            final_url=url,
            status_code=200,
            content_type=content_type,
            body=body.encode(),
        )


@pytest.mark.parametrize(
    "body",
    [
        "<!--" * 5_000,  # a comment that never closes
        "<html><head><script>document.write('twelve schools will close')</script></head><body></body></html>",
        "<html><body>   \n  </body></html>",
    ],
    ids=["unclosed-comment", "script-only", "blank"],
)
def test_an_html_page_with_no_readable_text_is_a_failed_check(claim_factory, source_factory, monkeypatch, body):
    claim = claim_factory()
    source = source_factory(claim, "https://e.example/empty", excerpt="twelve schools")
    monkeypatch.setattr(recheck, "fetch", PageFetcher({source.url: (body, "text/html")}))
    [outcome] = recheck.sources_check(items=[(source.pk, "k-empty")], source_timeout=5, threads=1)
    check = LinkCheck.objects.get(source=source)
    assert check.status_code == 200 and check.error == recheck.UNREADABLE_ERROR
    source.refresh_from_db()
    # Counted against the link like any failed fetch (broken after REGISTRY_RECHECK_BROKEN_AFTER in a row).
    assert source.consecutive_failures == 1 and source.state == State.UNCHECKED
    assert outcome.state == State.UNCHECKED


def test_a_page_with_text_or_a_plain_text_body_is_still_read(claim_factory, source_factory, monkeypatch):
    claim = claim_factory()
    html = source_factory(claim, "https://f.example/page", excerpt="twelve schools")
    plain = source_factory(claim, "https://g.example/empty.txt", excerpt="")
    monkeypatch.setattr(
        recheck,
        "fetch",
        PageFetcher({html.url: (page("twelve schools will close"), "text/html"), plain.url: ("", "text/plain")}),
    )
    recheck.sources_check(items=[(html.pk, "k-html"), (plain.pk, "k-plain")], source_timeout=5, threads=1)
    assert LinkCheck.objects.get(source=html).error == ""
    assert LinkCheck.objects.get(source=plain).error == ""  # not HTML: nothing to read, nothing to judge
    html.refresh_from_db()
    assert html.state == State.OK


def html_page(url: str, markup: str) -> FetchResult:
    return FetchResult(
        url=url,
        outcome=Outcome.RESPONSE,
        final_url=url,
        status_code=200,
        content_type="text/html",
        body=markup.encode(),
    )


def test_a_page_slow_to_read_does_not_hold_back_the_reading_of_the_others(monkeypatch):
    # functools.cached_property (Python 3.11) computes under one lock shared by every instance: a page slow to
    # read held back every other page's reading in the batch, and their checks timed out with it.
    import claims.extraction.html as html

    read = html.page_text
    entered, release = threading.Event(), threading.Event()

    def slow_on_marker(markup: str) -> str:
        if "SLOWPAGE" in markup:
            entered.set()
            release.wait(10)
        return read(markup)

    monkeypatch.setattr(html, "page_text", slow_on_marker)
    slow = html_page("https://a.example/slow", "<p>SLOWPAGE</p>")
    fast = html_page("https://b.example/fast", "<p>twelve schools will close</p>")
    slow_reader = threading.Thread(target=slow.read, daemon=True)
    slow_reader.start()
    try:
        assert entered.wait(5)
        done = threading.Event()
        threading.Thread(target=lambda: (fast.read(), done.set()), daemon=True).start()
        assert done.wait(5), "the fast page's reading waited for the slow one"
        assert fast.has_excerpt("twelve schools") is True
    finally:
        release.set()
        slow_reader.join(10)
    assert slow.text() == "SLOWPAGE"
