"""The fetcher against a local server: redirects, errors, timeouts, size cap, Retry-After and politeness."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from claims import fetching
from claims.fetching import FetchPolicy, Outcome, fetch
from tests.recheck.conftest import Reply, page

pytestmark = pytest.mark.django_db  # settings-backed policy; no database writes


def policy(**kwargs) -> FetchPolicy:
    return FetchPolicy.from_settings(**kwargs)


def test_it_fetches_a_page_with_its_user_agent_type_and_text(local_server, settings):
    local_server.routes["/story"] = Reply(body=page("The minister said on Tuesday that schools will close."))
    result = fetch(local_server.url("/story"))
    assert result.ok and result.outcome == Outcome.RESPONSE
    assert result.status_code == 200
    assert result.kind == "html"
    assert "schools will close" in result.text()
    assert "var x" not in result.text()  # script content is not page text
    assert result.final_url == local_server.url("/story")
    assert len(result.content_hash) == 64
    assert local_server.user_agents == [settings.REGISTRY_FETCH_USER_AGENT]


@pytest.mark.parametrize(
    ("content_type", "kind", "has_text"),
    [
        ("text/plain; charset=utf-8", "text", True),
        ("application/pdf", "pdf", False),
        ("image/png", "other", False),
        ("application/xhtml+xml", "html", True),
    ],
)
def test_content_types_are_recorded_and_only_text_is_read(local_server, content_type, kind, has_text):
    local_server.routes["/doc"] = Reply(body=b"%PDF-1.4 words", content_type=content_type)
    result = fetch(local_server.url("/doc"))
    assert result.content_type == content_type
    assert result.kind == kind
    assert (result.text() is not None) is has_text
    assert result.content_hash  # binary bodies are hashed byte for byte


def test_it_follows_redirects_one_by_one_and_reports_the_final_url(local_server):
    local_server.routes["/old"] = Reply(301, headers={"Location": "/middle"})
    local_server.routes["/middle"] = Reply(307, headers={"Location": local_server.url("/new")})
    local_server.routes["/new"] = Reply(body=page("Moved here."))
    result = fetch(local_server.url("/old"))
    assert result.ok
    assert result.final_url == local_server.url("/new")
    assert result.redirects == (local_server.url("/middle"), local_server.url("/new"))
    assert [local_server.hits[p] for p in ("/old", "/middle", "/new")] == [1, 1, 1]


def test_it_stops_after_the_maximum_number_of_redirects(local_server):
    for i in range(10):
        local_server.routes[f"/r{i}"] = Reply(302, headers={"Location": f"/r{i + 1}"})
    result = fetch(local_server.url("/r0"), policy=policy(max_redirects=3))
    assert result.outcome == Outcome.TOO_MANY_REDIRECTS
    assert "more than 3 redirects" in result.error
    assert sum(local_server.hits.values()) == 4


def test_a_missing_page_is_a_response_with_its_status(local_server):
    result = fetch(local_server.url("/nothing-here"))
    assert result.outcome == Outcome.RESPONSE
    assert result.status_code == 404
    assert not result.ok


def test_a_slow_server_times_out(local_server):
    local_server.routes["/slow"] = Reply(body="late", delay=2.0)
    started = time.monotonic()
    result = fetch(local_server.url("/slow"), policy=policy(read_timeout=0.3, total_timeout=5))
    assert result.outcome == Outcome.TIMEOUT
    assert time.monotonic() - started < 1.5
    assert result.error.startswith("timed out")


def test_the_total_timeout_bounds_a_chain_of_slow_redirects(local_server):
    for i in range(5):
        local_server.routes[f"/s{i}"] = Reply(302, headers={"Location": f"/s{i + 1}"}, delay=0.25)
    started = time.monotonic()
    result = fetch(local_server.url("/s0"), policy=policy(read_timeout=1, total_timeout=0.6))
    assert result.outcome == Outcome.TIMEOUT
    assert time.monotonic() - started < 1.2


@pytest.mark.parametrize("declared", [True, False])
def test_a_huge_body_stops_at_the_size_cap(local_server, declared):
    local_server.routes["/huge"] = Reply(body=b"x" * 300_000, content_type="text/plain", content_length=declared)
    result = fetch(local_server.url("/huge"), policy=policy(max_bytes=100_000))
    assert result.outcome == Outcome.TOO_LARGE
    assert "100,000-byte limit" in result.error
    assert result.body == b""


def test_a_compressed_bomb_stops_at_the_size_cap_after_decompression(local_server):
    local_server.routes["/bomb"] = Reply(body=b"\0" * 5_000_000, content_type="text/plain", gzip=True)
    result = fetch(local_server.url("/bomb"), policy=policy(max_bytes=200_000))
    assert result.outcome == Outcome.TOO_LARGE


def test_a_short_retry_after_is_waited_out_and_the_page_fetched(local_server):
    def first_busy(server, path):
        if server.hits[path] == 1:
            return Reply(429, headers={"Retry-After": "1"})
        return Reply(body=page("Now it works."))

    local_server.routes["/busy"] = first_busy
    started = time.monotonic()
    result = fetch(local_server.url("/busy"))
    assert result.ok
    assert time.monotonic() - started >= 0.95
    assert local_server.hits["/busy"] == 2


@pytest.mark.parametrize("status", [429, 503])
def test_a_long_retry_after_is_reported_and_pauses_the_host(local_server, status):
    local_server.routes["/busy"] = Reply(status, headers={"Retry-After": "3600"})
    local_server.routes["/other"] = Reply(body=page("fine"))
    result = fetch(local_server.url("/busy"))
    assert result.status_code == status
    assert result.retry_after == 3600
    assert result.deferred
    # The host asked everyone to wait: the next request to it is not even sent.
    again = fetch(local_server.url("/other"))
    assert again.outcome == Outcome.RATE_LIMITED
    assert again.deferred and again.retry_after > 3500
    assert local_server.hits["/other"] == 0


def test_a_503_without_retry_after_is_an_ordinary_failure(local_server):
    local_server.routes["/down"] = Reply(503, body="down")
    result = fetch(local_server.url("/down"))
    assert result.status_code == 503 and not result.ok and not result.deferred


@pytest.mark.parametrize(
    ("header", "expected"),
    [("120", 120.0), ("0", 0.0), ("soon", None), ("", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_values_are_read(header, expected):
    assert fetching.parse_retry_after(header) == expected


def test_no_more_than_the_per_host_limit_is_in_flight(local_server, settings):
    settings.REGISTRY_FETCH_PER_HOST_LIMIT = 2
    local_server.routes["/slow"] = Reply(body="ok", delay=0.2)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: fetch(local_server.url("/slow")), range(8)))
    assert all(r.ok for r in results)
    assert local_server.max_in_flight == 2


def test_the_politeness_delay_spaces_request_starts_to_one_host(local_server, settings):
    settings.REGISTRY_FETCH_HOST_DELAY_MS = 200
    local_server.routes["/p"] = Reply(body="ok")
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda _: fetch(local_server.url("/p")), range(3)))
    gaps = [b - a for a, b in zip(local_server.starts, local_server.starts[1:], strict=False)]
    assert len(gaps) == 2 and all(gap >= 0.18 for gap in gaps), gaps


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL (CI does)")
def test_the_per_host_limit_is_shared_through_redis(local_server, settings):
    settings.REGISTRY_FETCH_PER_HOST_LIMIT = 3
    settings.REDIS_URL = os.environ["REDIS_URL"]
    local_server.routes["/slow"] = Reply(body="ok", delay=0.2)
    # Two limiters stand for two worker processes: they share the limit through Redis.
    one = fetching.RedisLimiter(settings.REDIS_URL)
    two = fetching.RedisLimiter(settings.REDIS_URL)
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda i: fetch(local_server.url("/slow"), limiter=one if i % 2 else two), range(10)))
    assert all(r.ok for r in results)
    assert local_server.max_in_flight == 3


@pytest.mark.parametrize(
    ("excerpt", "page_text", "found"),
    [
        ("schools will close", "The minister said schools will close.", True),
        ("“Schools  will close,” she said", 'She said: "schools will close," she said.', True),
        ("SCHOOLS WILL CLOSE", "schools\nwill\n close", True),
        ("schools will reopen", "schools will close", False),
        ("", "anything", False),
    ],
)
def test_excerpts_match_through_case_quotes_and_spacing(excerpt, page_text, found):
    assert fetching.excerpt_in(page_text, excerpt) is found
