"""The admin login throttle: django-axes, locking one account from one address after repeated failures.

Settings (registry/settings.py, docs/operations.md): REGISTRY_LOGIN_FAILURE_LIMIT failures of one username
from one client address lock that pair out for REGISTRY_LOGIN_LOCKOUT_MINUTES. Attempts are kept in the
database (axes' AccessAttempt), so every web process and every cache backend sees the same count; an
administrator unlocks by deleting the attempt in the admin (Axes › Access attempts) or with
`manage.py axes_reset_username <name>`. API keys never go through a login and are not affected.
"""

from __future__ import annotations

import logging
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

log = logging.getLogger("registry.login_throttle")


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses logins of a locked-out account and address; authenticates nobody itself.

    A login without a request (the test client's `login()`, a script calling `authenticate()`) has no
    client address to throttle and is left to the next backend, as it was before the throttle.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind REGISTRY_TRUSTED_PROXIES proxies the address the
    outermost trusted proxy saw (counted from the right of X-Forwarded-For, which a client cannot forge)."""
    proxies = settings.REGISTRY_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_message() -> str:
    minutes = settings.REGISTRY_LOGIN_LOCKOUT_MINUTES
    return (
        f"Too many failed logins for this account from your address: logging in is blocked for {minutes} "
        f"minute{'s' if minutes != 1 else ''}. Try again later, or ask an administrator to unlock the account."
    )


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The login page again (HTTP 429) with the lockout explained where the form's error would be."""
    username = get_client_username(request, credentials) or ""
    log.warning(
        "login refused: account %r from %s is locked out (%d failed logins; blocked for %d minutes)",
        username,
        getattr(request, "axes_ip_address", None) or client_ip(request),
        settings.AXES_FAILURE_LIMIT,
        settings.REGISTRY_LOGIN_LOCKOUT_MINUTES,
    )
    message = lockout_message()
    context = getattr(original_response, "context_data", None)
    if (
        isinstance(original_response, TemplateResponse)
        and context
        and isinstance(context.get("form"), AuthenticationForm)
    ):
        form = context["form"]
        form.errors[NON_FIELD_ERRORS] = form.error_class([message])
        response = TemplateResponse(request, original_response.template_name, context, status=429)
        response.render()
        return response
    return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
