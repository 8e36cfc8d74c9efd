"""The one error shape of the API: {"error": {"code": ..., "message": ..., "fields": {...}}}.

Every error goes through here: DRF's own (validation, authentication, scope, throttling, content
negotiation, parsing), Django's 404 and permission errors, the domain's ApplicationError family,
the API's own 304-less preconditions (412), body size (413), and unexpected failures (500, logged).
"""

from __future__ import annotations

import logging
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from claims.errors import ApplicationError

logger = logging.getLogger(__name__)


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class NestedTooDeeply(exceptions.ParseError):
    default_detail = "The JSON body is nested too deeply to be read."


class InvalidContentLength(exceptions.ParseError):
    default_detail = "The Content-Length header must be a whole number of bytes."


class UnknownQueryParameters(exceptions.ValidationError):
    """400 naming the query parameters the endpoint does not take (a typo would otherwise filter nothing)."""

    def __init__(self, names: list[str], known: list[str]):
        shown = [name[:100] for name in names[:10]]
        takes = ", ".join(known)
        super().__init__({name: [f"Unknown query parameter; this endpoint takes: {takes}."] for name in shown})
        self.message = f"Unknown query parameter{'s' if len(names) > 1 else ''}: {', '.join(shown)}."


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since the version given in If-Match."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "This operation needs an If-Match header with the resource's ETag or version."
    default_code = "precondition_required"


def body_limit() -> int:
    """The largest body the API reads: its own limit, or Django's if that is lower."""
    django_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    limit = settings.API_MAX_BODY_BYTES
    return limit if django_limit is None else min(limit, django_limit)


_MESSAGES = {
    "not_authenticated": "Authentication is needed: send 'Authorization: Api-Key <key>'.",
    "parse_error": "The request body is not valid JSON.",
    "not_found": "Not found.",
}


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def error_json_response(status_code: int, code: str, message: str, **kwargs) -> JsonResponse:
    """For plain Django views under /api/ (the catch-all 404)."""
    return JsonResponse(error_body(code, message, kwargs.get("fields")), status=status_code)


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested validation detail -> {"field": [...], "sources.0.url": [...]}."""
    out: dict[str, list[str]] = {}

    def add(key: str, messages: list[str]) -> None:
        out.setdefault(key or "non_field_errors", []).extend(messages)

    if isinstance(detail, dict):
        for key, value in detail.items():
            name = prefix if key in ("non_field_errors", "__all__") else f"{prefix}.{key}" if prefix else str(key)
            for k, v in _flatten(value, name).items():
                add(k, v)
    elif isinstance(detail, list) and any(isinstance(item, (dict, list)) for item in detail):
        for index, item in enumerate(detail):
            for k, v in _flatten(item, f"{prefix}.{index}" if prefix else str(index)).items():
                add(k, v)
    elif isinstance(detail, list):
        add(prefix, [str(item) for item in detail])
    else:
        add(prefix, [str(detail)])
    return out


def _code_of(exc: exceptions.APIException) -> str:
    code = getattr(exc, "error_code", None)
    if code:
        return code
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def _message_of(exc: exceptions.APIException, code: str) -> str:
    if isinstance(exc, exceptions.ValidationError):
        # Subclasses may say more than the generic sentence (e.g. which query parameters are unknown).
        return getattr(exc, "message", None) or "The request has invalid fields; see error.fields."
    message = str(exc.detail)
    if isinstance(exc, NestedTooDeeply | InvalidContentLength):
        return message
    if isinstance(exc, exceptions.ParseError):
        if "codec can't decode" in message:
            return "The request body is not valid UTF-8."
        return f"{_MESSAGES['parse_error']} ({message.removeprefix('JSON parse error - ')})"
    if isinstance(exc, exceptions.NotAuthenticated):
        return _MESSAGES["not_authenticated"]
    wait = getattr(exc, "wait", None)  # set by DRF's Throttled, not declared in its stubs
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        return f"Too many requests: try again in {max(1, math.ceil(wait))} seconds."
    return message


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        # Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE), hit while the parser reads the body: the
        # settings keep it at the API's limit, but whichever is lower applies.
        exc = PayloadTooLarge(f"The request body is too large; the limit is {body_limit():,} bytes.")

    headers: dict[str, str] = {}
    if isinstance(exc, ApplicationError):
        set_rollback()
        return Response(error_body(exc.code, exc.message, exc.fields), status=exc.status)
    if isinstance(exc, exceptions.APIException):
        auth_header, wait = getattr(exc, "auth_header", None), getattr(exc, "wait", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        if wait is not None:
            headers["Retry-After"] = str(max(1, math.ceil(wait)))
        code = _code_of(exc)
        fields = _flatten(exc.detail) if isinstance(exc, exceptions.ValidationError) else {}
        set_rollback()
        return Response(error_body(code, _message_of(exc, code), fields), status=exc.status_code, headers=headers)

    # Anything else is a bug: log it with its traceback, answer in the same shape without details.
    logger.error("unexpected error in the API", exc_info=exc)
    set_rollback()
    return Response(
        error_body("server_error", "An unexpected error occurred; it has been logged."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
