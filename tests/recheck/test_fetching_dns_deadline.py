"""Name resolution is inside the fetch's limits: a stalled resolver cannot hold a fetch past its deadline."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from claims import fetching
from claims.fetching import FetchPolicy, Outcome, fetch, politeness, transport
from tests.recheck.conftest import Reply

MARGIN = 0.5  # seconds past the limit a fetch may take to notice and return (a shared, busy machine)


class StalledResolver:
    """A resolver that hangs until released (like one that never answers); records each lookup."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[fetching.IPAddress]:
        self.asked.append(host)
        self.release.wait(30)
        return [ipaddress.ip_address("93.184.216.34")]


@pytest.fixture
def stalled_resolver(monkeypatch) -> Iterator[StalledResolver]:
    resolver = StalledResolver()
    monkeypatch.setattr(transport, "resolve", resolver)
    yield resolver
    resolver.release.set()  # the pool's threads go back to idle


@pytest.fixture
def no_connections(monkeypatch) -> list[tuple]:
    attempts: list[tuple] = []
    real = socket.create_connection

    def guard(address, *args, **kwargs):
        attempts.append(address)
        if address[0] == "127.0.0.1":
            return real(address, *args, **kwargs)
        raise AssertionError(f"the fetcher tried to connect to {address}")

    monkeypatch.setattr(socket, "create_connection", guard)
    return attempts


def timed_fetch(url: str, **limits) -> tuple[fetching.FetchResult, float]:
    started = time.monotonic()
    result = fetch(url, policy=FetchPolicy(host_delay=0, **limits))
    return result, time.monotonic() - started


@pytest.mark.parametrize(
    ("limits", "bound", "said"),
    [
        ({"connect_timeout": 5.0, "total_timeout": 1.0}, 1.0, "(what was left of the whole fetch's 1 s)"),
        ({"connect_timeout": 0.6, "total_timeout": 10.0}, 0.6, "longer than 0.6 s (the connect timeout)"),
    ],
)
def test_a_stalled_resolver_ends_the_fetch_as_a_timeout_by_the_tighter_limit(
    stalled_resolver, no_connections, limits, bound, said
):
    result, elapsed = timed_fetch("https://slow-dns.example/story", **limits)
    assert result.outcome == Outcome.TIMEOUT, result
    assert result.error.startswith("timed out: name resolution of slow-dns.example took longer than ")
    assert result.error.endswith(said)
    assert bound - 0.05 <= elapsed < bound + MARGIN
    assert stalled_resolver.asked == ["slow-dns.example"]
    assert no_connections == []


def test_time_already_spent_counts_against_the_lookup(monkeypatch, stalled_resolver, no_connections):
    # The per-host slot waits 0.7 s of a 1 s budget: the lookup gets only what is left, not a fresh second.
    real_slot = politeness.host_slot

    def slow_slot(limiter, key, policy, deadline):
        time.sleep(0.7)
        return real_slot(limiter, key, policy, deadline)

    monkeypatch.setattr(politeness, "host_slot", slow_slot)
    result, elapsed = timed_fetch("http://slow-dns.example/", connect_timeout=5.0, total_timeout=1.0)
    assert result.outcome == Outcome.TIMEOUT, result
    assert "name resolution of slow-dns.example" in result.error
    assert elapsed < 1.0 + MARGIN


def test_a_lookup_answering_in_time_is_checked_and_connected_to_as_before(monkeypatch, local_server):
    def slowish(host, port):
        time.sleep(0.2)
        return [ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(transport, "resolve", slowish)
    local_server.routes["/story"] = Reply(body="fine", content_type="text/plain")
    result = fetch(
        f"http://public.example:{local_server.port}/story",
        policy=FetchPolicy(host_delay=0, allow_networks=fetching.parse_networks(["127.0.0.1/32"])),
    )
    assert result.ok, result.error
    assert result.body == b"fine"


def test_a_slow_answer_is_still_checked_every_address(monkeypatch, no_connections):
    def slowish(host, port):
        time.sleep(0.2)
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.1.2.3")]

    monkeypatch.setattr(transport, "resolve", slowish)
    result, _ = timed_fetch("http://mixed.example/", total_timeout=5.0)
    assert result.outcome == Outcome.REFUSED
    assert "mixed.example resolves to 10.1.2.3, a private network address" in result.error
    assert no_connections == []


def test_abandoned_lookups_hold_at_most_the_pool_and_queued_ones_never_run(monkeypatch, stalled_resolver):
    # A fresh, small pool for this test; the shared one is put back afterwards.
    monkeypatch.setattr(transport, "RESOLVER_THREADS", 3)
    monkeypatch.setattr(transport, "_resolver_pool", None)
    results: list[fetching.FetchResult] = []

    def one(i: int) -> None:  # distinct hosts, so the per-host limit plays no part
        results.append(fetch(f"http://stalled-{i}.example/", policy=FetchPolicy(host_delay=0, total_timeout=0.8)))

    started = time.monotonic()
    fetchers = [threading.Thread(target=one, args=(i,)) for i in range(9)]
    for t in fetchers:
        t.start()
    for t in fetchers:
        t.join(10)
    elapsed = time.monotonic() - started

    assert len(results) == 9
    assert {r.outcome for r in results} == {Outcome.TIMEOUT}
    assert elapsed < 0.8 + 2 * MARGIN  # the queued lookups gave up by their own deadline too
    pool = transport._resolver()
    try:
        assert len(pool._threads) == 3  # nine lookups abandoned, three threads held
        assert len(stalled_resolver.asked) == 3

        # The resolver answers at last: the held threads come back, the six cancelled lookups never run,
        # and the next fetch resolves (and is judged) as usual.
        stalled_resolver.release.set()
        monkeypatch.setattr(transport, "resolve", lambda host, port: [ipaddress.ip_address("10.0.0.1")])
        result = fetch("http://next.example/", policy=FetchPolicy(host_delay=0, total_timeout=2.0))
        assert result.outcome == Outcome.REFUSED, result
        assert "next.example resolves to 10.0.0.1" in result.error
        assert len(stalled_resolver.asked) == 3
        assert len(pool._threads) == 3
    finally:
        pool.shutdown(wait=False)
