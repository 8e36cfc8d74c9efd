"""Rate limits per API key (or per account for sessions, per IP address for anonymous requests).

Counts live in the default cache: use Redis (REDIS_URL) in production so that every worker process
shares them.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from api.authentication import request_api_key


class ApiRateThrottle(SimpleRateThrottle):
    scope = "api"
    cache_format = "api-throttle:%(scope)s:%(ident)s"

    def __init__(self):
        # Rates are read per request (not at import) so that settings changes and tests take effect.
        pass

    def allow_request(self, request, view):
        rates = settings.API_THROTTLE_RATES
        api_key = request_api_key(request)
        if api_key is not None:
            self.rate = api_key.throttle_rate or rates["key"]
            ident = f"key:{api_key.pk}"
        elif request.user and request.user.is_authenticated:
            self.rate = rates["user"]
            ident = f"user:{request.user.pk}"
        else:
            self.rate = rates["anon"]
            ident = f"ip:{self.get_ident(request)}"
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.key = self.cache_format % {"scope": self.scope, "ident": ident}
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        if len(self.history) >= self.num_requests:
            return self.throttle_failure()
        return self.throttle_success()
