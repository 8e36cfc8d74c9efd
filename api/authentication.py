"""`Authorization: Api-Key <key>` authentication, and the session authentication of the browsable API."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication

from api.keys import api_key_find, api_key_touch
from api.models import ApiKey

KEYWORD = "Api-Key"


class KeyProblem(exceptions.AuthenticationFailed):
    """401 with a specific code (invalid_key, expired_key, revoked_key) so clients can tell why."""

    def __init__(self, detail: str, code: str):
        super().__init__(detail, code)
        self.error_code = code


class ApiKeyAuthentication(BaseAuthentication):
    """Requests carrying an API key act with the key's scopes (and, for reviews, the key's account)."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        keyword, _, key = header.strip().partition(" ")
        if keyword.lower() != KEYWORD.lower():
            return None
        key = key.strip()
        if not key:
            raise KeyProblem("The Authorization header has no key after 'Api-Key'.", "invalid_key")
        api_key = api_key_find(key)
        if api_key is None:
            raise KeyProblem("The API key is not valid.", "invalid_key")
        if api_key.is_revoked:
            raise KeyProblem("The API key has been revoked.", "revoked_key")
        if api_key.is_expired:
            raise KeyProblem("The API key has expired.", "expired_key")
        api_key_touch(api_key)
        user = api_key.user if api_key.user is not None and api_key.user.is_active else AnonymousUser()
        return user, api_key

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (not 403) to requests without credentials.
        return f'{KEYWORD} realm="api"'


class ApiSessionAuthentication(SessionAuthentication):
    """The logged-in admin session (CSRF-checked on writes), for reviewers and editors in the browser."""


def request_api_key(request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None
