"""Rate limits per API key (or per account for sessions, per IP address for anonymous requests).

A fixed-window counter in the default cache: one atomic increment per request, whatever the rate
(DRF's own throttle stores every request's timestamp, which grows with the rate). A client may burst
up to twice its rate across a window boundary; that is the accepted price of O(1).
Counts live in the cache: use Redis (REDIS_URL) in production so that every worker shares them.
When the cache cannot be reached (Redis down), the throttle fails open: requests are let through
uncounted and one warning per interval is logged, because a rate limit must never take the API
down with it.
"""

from __future__ import annotations

import logging
import math
import threading
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from api.authentication import request_api_key

logger = logging.getLogger(__name__)

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
WARN_INTERVAL_SECONDS = 60.0  # one "throttle is off" warning per minute and process, not one per request

_warned_at: float | None = None
_warn_lock = threading.Lock()


def _warn_cache_down(exc: Exception) -> None:
    global _warned_at
    now = time.monotonic()
    with _warn_lock:
        if _warned_at is not None and now - _warned_at < WARN_INTERVAL_SECONDS:
            return
        _warned_at = now
    logger.warning("API rate limits are not enforced: the cache is unreachable (%s: %s)", type(exc).__name__, exc)


def _count(key: str, timeout: int) -> int:
    """Increment the window's counter and return it (creating it first when missing)."""
    # add() creates the counter only if missing; incr() is atomic on Redis and per-process locmem.
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def parse_rate(rate: str) -> tuple[int, int]:
    """'600/minute' -> (600, 60)."""
    count, _, period = rate.partition("/")
    return int(count), _PERIODS[period.strip()[0].lower()]


class ApiRateThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        rates = settings.API_THROTTLE_RATES
        api_key = request_api_key(request)
        if api_key is not None:
            rate, ident = api_key.throttle_rate or rates["key"], f"key:{api_key.pk}"
        elif request.user and request.user.is_authenticated:
            rate, ident = rates["user"], f"user:{request.user.pk}"
        else:
            rate, ident = rates["anon"], f"ip:{self.get_ident(request)}"
        if not rate:
            return True
        limit, period = parse_rate(rate)
        now = time.time()
        window = int(now // period)
        key = f"api-throttle:{ident}:{period}:{window}"
        self._wait = (window + 1) * period - now
        try:
            count = _count(key, period + 1)
        except Exception as exc:  # redis.RedisError, OSError, any backend's own error
            _warn_cache_down(exc)
            return True
        # For the RateLimit-* response headers (api.base): limit, remaining, seconds to reset, window.
        request.rate_limit = (limit, max(0, limit - count), max(1, math.ceil(self._wait)), period)
        return count <= limit

    def wait(self) -> float:
        return self._wait

    def get_ident(self, request) -> str:
        # X-Forwarded-For is set by the client unless a proxy we trust overwrites it: believe it only
        # when REST_FRAMEWORK["NUM_PROXIES"] says how many proxies are in front (DRF would always).
        if api_settings.NUM_PROXIES:
            return super().get_ident(request)
        return request.META.get("REMOTE_ADDR", "")
