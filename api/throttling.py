"""Rate limits per API key (or per account for sessions, per IP address for anonymous requests).

A fixed-window counter in the default cache: one atomic increment per request, whatever the rate
(DRF's own throttle stores every request's timestamp, which grows with the rate). A client may burst
up to twice its rate across a window boundary; that is the accepted price of O(1).
Counts live in the cache: use Redis (REDIS_URL) in production so that every worker shares them.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from api.authentication import request_api_key

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


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
        # add() creates the counter only if missing; incr() is atomic on Redis and per-process locmem.
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 1)
            count = 1
        self._wait = (window + 1) * period - now
        return count <= limit

    def wait(self) -> float:
        return self._wait

    def get_ident(self, request) -> str:
        # X-Forwarded-For is set by the client unless a proxy we trust overwrites it: believe it only
        # when REST_FRAMEWORK["NUM_PROXIES"] says how many proxies are in front (DRF would always).
        if api_settings.NUM_PROXIES:
            return super().get_ident(request)
        return request.META.get("REMOTE_ADDR", "")
