"""The one application error type. Interfaces (admin, API, commands) render it; services raise it."""

from __future__ import annotations

from datetime import datetime


class ApplicationError(Exception):
    """A refused operation, with a message for a person and optional per-field details."""

    code = "invalid"
    status = 400

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code


class NotFound(ApplicationError):
    code = "not_found"
    status = 404


class PermissionDenied(ApplicationError):
    code = "permission_denied"
    status = 403


class Conflict(ApplicationError):
    """Optimistic-lock failure: somebody else changed the object since it was read.

    `subject` names what changed ("this claim", "the source https://…"); `changed_by` and `changed_at`
    say who made the change that got in the way and when, when the history knows.
    """

    code = "conflict"
    status = 409

    def __init__(
        self,
        message: str,
        *,
        fields: dict[str, list[str]] | None = None,
        code: str | None = None,
        subject: str = "this claim",
        changed_by: str = "",
        changed_at: datetime | None = None,
    ):
        super().__init__(message, fields=fields, code=code)
        self.subject = subject
        self.changed_by = changed_by
        self.changed_at = changed_at


class Gone(ApplicationError):
    """The object existed and was withdrawn on purpose (a retracted article): 410, not 404."""

    code = "gone"
    status = 410
