"""Answers gunicorn writes itself, before Django sees the request, in the API's JSON error shape.

gunicorn refuses some requests while parsing them (a request line over `limit_request_line`: 414; a
malformed header such as a non-numeric Content-Length, or broken chunked encoding: 400; too many or
too large headers: 431) and answers with a small HTML page. `install()` (called from gunicorn.conf.py)
makes those answers {"error": {"code", "message", "fields"}} like every other API error.
"""

from __future__ import annotations

import json

_CODES = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "headers_too_large",
    500: "server_error",
    501: "not_implemented",
}
_MESSAGES = {
    414: "The request line (method, path and query string) is longer than the server accepts.",
    431: "The request headers are too many or too large.",
    500: "An unexpected error occurred; it has been logged.",
}


def error_response(status: int, reason: str, detail: str) -> bytes:
    """The whole HTTP response (status line, headers, JSON body) for a request gunicorn refused."""
    message = _MESSAGES.get(status, reason)
    if detail and status < 500:  # gunicorn's detail names what was wrong; a 500's would be internals
        message = f"{message} ({detail[:200]})"
    body = json.dumps({"error": {"code": _CODES.get(status, "bad_request"), "message": message, "fields": {}}}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn import util

    util.write_nonblock(sock, error_response(status_int, reason, mesg))


def install() -> None:
    """Replace gunicorn's HTML error writer (its workers look it up in gunicorn.util at each error)."""
    from gunicorn import util

    util.write_error = write_error
