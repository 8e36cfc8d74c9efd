"""The Content-Security-Policy header on every response (policy in registry/settings.py, docs/operations.md).

Every page of the registry (the admin, the public claim pages, the API reference, the error pages) loads
its scripts and styles from its own static files: no inline script, no inline style, no other origin.
The one exception is REST framework's browsable API, whose templates carry inline styles: its pages get
REGISTRY_CSP_BROWSABLE_API, which allows inline styles (never inline scripts).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from rest_framework.renderers import BrowsableAPIRenderer


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only" if settings.REGISTRY_CSP_REPORT_ONLY else "Content-Security-Policy"
        )
        if header not in response:
            browsable = isinstance(getattr(response, "accepted_renderer", None), BrowsableAPIRenderer)
            response[header] = settings.REGISTRY_CSP_BROWSABLE_API if browsable else settings.REGISTRY_CSP
        return response
