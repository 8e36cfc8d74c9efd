"""OpenAPI documentation helpers: the API key scheme, and the error responses every operation lists."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from api.base import Error

ERROR_DESCRIPTIONS = {
    400: "Invalid input: `error.fields` names each bad field (query parameters, body fields, cursor).",
    401: "No credentials, or an invalid, expired or revoked key (`invalid_key`, `expired_key`, `revoked_key`).",
    403: "The credentials lack the scope or role this operation needs.",
    404: "No such resource (also for resources you may not see).",
    406: "The Accept header asks for a format the API does not produce.",
    409: "Conflict: the claim changed since the version you sent (expected_version), or the article is not "
    "in a state that allows this (only failed articles can be retried).",
    410: "Gone: the article was retracted (by id, and when the same URL or text is submitted again).",
    412: "Precondition failed: the claim changed since the ETag or version sent in If-Match.",
    413: "The request body is larger than the limit.",
    415: "The body is not JSON (send Content-Type: application/json).",
    428: "Precondition required: send If-Match (or expected_version) to avoid overwriting a newer change.",
    429: "Too many requests: wait the number of seconds in the Retry-After header.",
}

READ_ERRORS = (400, 401, 403, 404, 406, 429)
WRITE_ERRORS = (400, 401, 403, 404, 406, 413, 415, 429)


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    return {status: OpenApiResponse(Error, description=ERROR_DESCRIPTIONS[status]) for status in statuses}


NOT_MODIFIED = {304: OpenApiResponse(description="Not modified: the ETag in If-None-Match is still current.")}

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description="An ETag from a previous response: 304 without a body when nothing changed.",
)


def location(*statuses: int) -> OpenApiParameter:
    """The Location response header of the given statuses (the created resource, or the article to poll)."""
    return OpenApiParameter(
        "Location",
        location=OpenApiParameter.HEADER,
        response=list(statuses),
        type=OpenApiTypes.URI,
        description="The URL of the created resource, or of the article to poll.",
    )


IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description="The claim's ETag (from GET claims/{id}/) or its version number: 412 if the claim has changed "
    "since. Either this header or `expected_version` in the body is required.",
)


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Authorization: Api-Key <key>`. Keys have scopes: read, submit, review. "
            "Create one with `python manage.py create_api_key NAME --scopes read`.",
        }


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "The admin session of a reviewer or editor (browsable API). Writes need the CSRF token.",
        }
