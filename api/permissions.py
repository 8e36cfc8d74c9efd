"""Scopes: what an API key or a logged-in session may do, per view and HTTP method.

A key has exactly the scopes it was created with. A session of a reviewer, an editor or a superuser
has every scope (the review service still applies its own rules, e.g. editor-only overrides); other
logged-in accounts (staff without a group) have none.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from api.authentication import request_api_key
from api.models import Scope
from claims import permissions

ALL_SCOPES = frozenset(Scope.values)


def session_scopes(user) -> frozenset[str]:
    # The review roles are defined once, in claims.permissions (reviewers, editors, superusers).
    return ALL_SCOPES if permissions.is_reviewer(user) else frozenset()


def request_scopes(request) -> frozenset[str]:
    api_key = request_api_key(request)
    if api_key is not None:
        return frozenset(api_key.scopes)
    return session_scopes(request.user)


def required_scopes(view, method: str) -> tuple[str, ...]:
    method = "GET" if method in ("HEAD", "OPTIONS") else method
    return tuple(getattr(view, "required_scopes", {}).get(method, ()))


class HasScope(BasePermission):
    """Allows a request when it holds any one of the scopes the view lists for the method."""

    message = "Your credentials do not have the scope this operation needs."

    def has_permission(self, request, view) -> bool:
        needed = required_scopes(view, request.method)
        if not needed:
            return True  # public operation
        granted = request_scopes(request)
        if granted & set(needed):
            return True
        self.message = (
            # str(): a Scope member prints as its value ('read'); repr() would print "Scope.READ".
            f"This operation needs the {' or '.join(repr(str(s)) for s in needed)} scope; "
            f"your credentials have {', '.join(sorted(granted)) or 'none'}."
        )
        return False
