"""The rate limit fails open: an unreachable cache (Redis down) lets requests through, never a 500."""

from __future__ import annotations

import logging

import pytest
import redis
from django.test import override_settings

from api import throttling
from tests.api.conftest import api
from tests.recheck.procs import free_port

pytestmark = pytest.mark.django_db


class BrokenCache:
    """A cache whose every call raises, as a backend does when its server is gone."""

    def __init__(self, error: Exception):
        self.error = error
        self.calls = 0

    def add(self, *args, **kwargs):
        self.calls += 1
        raise self.error

    incr = add


@pytest.fixture(autouse=True)
def _fresh_warning_clock(monkeypatch):
    monkeypatch.setattr(throttling, "_warned_at", None)


@pytest.mark.parametrize(
    "error",
    [
        redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused."),
        redis.exceptions.TimeoutError("Timeout reading from socket"),
        redis.exceptions.ResponseError("MISCONF Redis is configured to save RDB snapshots"),
        ConnectionRefusedError(111, "Connection refused"),
        RuntimeError("some other backend's own failure"),
    ],
    ids=["connection", "timeout", "response", "oserror", "other"],
)
def test_a_failing_cache_lets_authenticated_requests_through_uncounted(
    error, client_for, claims, settings, monkeypatch
):
    settings.API_THROTTLE_RATES = {"key": "1/minute", "user": "1/minute", "anon": "1/minute"}
    broken = BrokenCache(error)
    monkeypatch.setattr(throttling, "cache", broken)
    reader = client_for("read")
    assert [reader.get(api("claims/")).status_code for _ in range(3)] == [200, 200, 200]
    assert broken.calls == 3  # asked each time (so it recovers as soon as the cache does), counted nothing


def test_the_outage_is_logged_once_per_interval_not_once_per_request(client_for, claims, monkeypatch, caplog):
    monkeypatch.setattr(throttling, "cache", BrokenCache(redis.exceptions.ConnectionError("refused")))
    clock = [1000.0]
    monkeypatch.setattr(throttling.time, "monotonic", lambda: clock[0])
    reader = client_for("read")

    def warnings() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "api.throttling" and r.levelno == logging.WARNING]

    with caplog.at_level(logging.WARNING, logger="api.throttling"):
        for _ in range(5):
            assert reader.get(api("claims/")).status_code == 200
        assert len(warnings()) == 1
        assert "not enforced" in warnings()[0] and "ConnectionError" in warnings()[0]
        clock[0] += throttling.WARN_INTERVAL_SECONDS
        assert reader.get(api("claims/")).status_code == 200
        assert len(warnings()) == 2


def test_a_redis_cache_nobody_listens_on_does_not_break_reads_or_submissions(client_for, claims, settings):
    """The real Django Redis backend against a closed port: what a stopped Redis looks like to the API."""
    settings.API_THROTTLE_RATES = {"key": "1/minute", "user": "1/minute", "anon": "1/minute"}
    dead = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}}  # fmt: skip
    with override_settings(CACHES=dead):
        reader, submitter = client_for("read"), client_for("submit")
        assert [reader.get(api("claims/")).status_code for _ in range(2)] == [200, 200]
        response = submitter.post(
            api("articles/"), {"text": "Ports\n\nThe harbour master said 40 ships were waiting."}, format="json"
        )
        assert response.status_code == 202, response.content
