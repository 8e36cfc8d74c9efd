"""The base class of every API view: authentication, scopes, throttling, limits, ETags, one error shape."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any
from urllib.parse import urlencode

from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from api.authentication import ApiKeyAuthentication, ApiSessionAuthentication, request_api_key
from api.exceptions import InvalidContentLength, NestedTooDeeply, PayloadTooLarge, UnknownQueryParameters, body_limit
from api.models import Scope
from api.pagination import Page
from api.permissions import HasScope
from api.selectors import Viewer, viewer_for
from api.serializers import Urls
from api.throttling import ApiRateThrottle
from claims import permissions

_JSON = JSONRenderer()


def etag_for(data: Any, prefix: str = "") -> str:
    return f'"{prefix}{hashlib.blake2b(_JSON.render(data), digest_size=10).hexdigest()}"'


def _etag_of_content(content: bytes, prefix: str) -> str:
    return f'"{prefix}{hashlib.blake2b(content, digest_size=10).hexdigest()}"'


def parse_etags(header: str, *, keep_weak: bool = False) -> list[str]:
    """The ETags of an If-None-Match / If-Match header.

    Without weakness markers (W/) by default: If-None-Match compares weakly. If-Match compares strongly
    (RFC 9110), so its caller keeps the markers (keep_weak) and never lets a weak tag match.
    """
    tags = []
    for raw in header.split(","):
        tag = raw.strip()
        if tag.startswith("W/") and not keep_weak:
            tag = tag[2:]
        if tag:
            tags.append(tag)
    return tags


_DIGITS = re.compile(r"[0-9]{1,18}")
_RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")
_READ_CHUNK = 64 * 1024


class ApiJSONParser(JSONParser):
    """DRF's JSON parser, but a body nested deeper than Python's recursion limit is a 400, not a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise NestedTooDeeply() from None


class ListParams(serializers.Serializer):
    """Query parameters every cursor-paginated list accepts."""

    cursor = serializers.CharField(
        required=False, max_length=2000, help_text="The next_cursor of the previous page; omit for the first page."
    )
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=200, help_text="Items per page (default 50, at most 200)."
    )


class ApiView(APIView):
    authentication_classes = [ApiKeyAuthentication, ApiSessionAuthentication]
    permission_classes = [HasScope]
    throttle_classes = [ApiRateThrottle]
    parser_classes = [ApiJSONParser]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    http_method_names = ["get", "post", "head"]
    # Any one of the listed scopes allows the method; an empty tuple makes it public.
    required_scopes: dict[str, tuple[str, ...]] = {"GET": (Scope.READ,)}
    # Prepended to the content hash in ETags, e.g. the claim's version ("7.").
    etag_prefix = ""
    # Cache-Control of successful reads: caches may keep them but must revalidate (the ETag makes that a
    # cheap 304), and only for the credentials that fetched them. Public documents override it.
    cache_control = "private, no-cache"

    def initial(self, request, *args, **kwargs):
        # Refuse unknown methods and oversized bodies before doing any work (or reading the body).
        if request.method.lower() not in self._allowed_method_names():
            raise exceptions.MethodNotAllowed(request.method)
        chunked = self._check_body_length(request)
        self._check_query_names(request)
        fmt = request.query_params.get(api_settings.URL_FORMAT_OVERRIDE or "format")
        if fmt is not None and fmt not in {renderer.format for renderer in self.renderer_classes}:
            # DRF would ignore an empty ?format= and 404 an unknown one: refuse both the same clear way.
            raise exceptions.ValidationError({"format": [f"Unknown format {fmt!r}."]})
        super().initial(request, *args, **kwargs)
        if chunked:  # read only for callers who passed authentication, scopes and throttling
            self._read_chunked_body(request)

    def _allowed_method_names(self) -> set[str]:
        return {m for m in self.http_method_names if hasattr(self, m)}

    @staticmethod
    def _check_body_length(request) -> bool:
        """413 for an announced body over the limit; True for a chunked body (no length) still to be read."""
        meta = request.META
        declared = meta.get("CONTENT_LENGTH") or ""
        if declared:
            if not _DIGITS.fullmatch(declared):
                raise InvalidContentLength()
            length, limit = int(declared), body_limit()
            if length > limit:
                raise PayloadTooLarge(f"The request body is {length:,} bytes; the limit is {limit:,} bytes.")
            return False
        return "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower() and "wsgi.input" in meta

    @staticmethod
    def _read_chunked_body(request) -> None:
        """Transfer-Encoding: chunked, no Content-Length: the server (gunicorn) de-chunks wsgi.input, but
        Django and DRF read a body of unknown length as empty. Read it here, never more than the limit."""
        meta, limit = request.META, body_limit()
        stream, data = meta["wsgi.input"], bytearray()
        while len(data) <= limit:
            chunk = stream.read(min(_READ_CHUNK, limit + 1 - len(data)))
            if not chunk:
                break
            data += chunk
        if len(data) > limit:
            raise PayloadTooLarge(f"The request body is larger than the limit of {limit:,} bytes.")
        request._request._stream = LimitedStream(io.BytesIO(bytes(data)), len(data))
        meta["CONTENT_LENGTH"] = str(len(data))

    def known_query_parameters(self, method: str) -> set[str]:
        """The query parameters a method takes: its FilterSerializer's fields (GET), and ?format=."""
        known = {api_settings.URL_FORMAT_OVERRIDE or "format"}
        filters = getattr(self, "FilterSerializer", None)
        if method in ("GET", "HEAD") and filters is not None:
            known |= set(filters._declared_fields)  # the class's fields, without building a serializer
        return known

    def _check_query_names(self, request) -> None:
        known = self.known_query_parameters(request.method)
        unknown = [name for name in request.query_params if name not in known]
        if unknown:
            raise UnknownQueryParameters(unknown, sorted(known))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        self._rate_limit_headers(request, response)
        reading = request.method in ("GET", "HEAD") and response.status_code == 200
        if "Cache-Control" not in response:
            # Errors and write answers are never stored; reads follow the view's policy.
            response["Cache-Control"] = self.cache_control if reading else "no-store"
        if self.cache_control.startswith("private"):
            patch_vary_headers(response, ("Authorization",))
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
            and not getattr(response, "exception", False)
        ):
            if type(response.accepted_renderer) is JSONRenderer and response.accepted_media_type == "application/json":
                response.render()
                etag = _etag_of_content(response.content, self.etag_prefix)
            else:
                etag = etag_for(response.data, self.etag_prefix)
            response["ETag"] = etag
            if (
                etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
                or request.META.get("HTTP_IF_NONE_MATCH", "").strip() == "*"
            ):
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = etag
                for header in ("Vary", "Cache-Control", *_RATE_LIMIT_HEADERS):
                    if header in response:
                        not_modified[header] = response[header]
                return not_modified
        return response

    @staticmethod
    def _rate_limit_headers(request, response) -> None:
        """RateLimit-* headers (IETF httpapi draft) for the window the request was counted in."""
        state = getattr(request, "rate_limit", None)
        if state is None:
            return
        limit, remaining, reset, period = state
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(remaining)
        response["RateLimit-Reset"] = str(reset)
        response["RateLimit-Policy"] = f"{limit};w={period}"

    # --- helpers for subclasses ---

    def context(self) -> dict[str, Any]:
        return {"request": self.request, "urls": Urls(self.request), "viewer": self.viewer()}

    _viewer: Viewer | None = None

    def viewer(self) -> Viewer:
        """What this request may see (docs/api.md, "Visibility"): every read selector takes it."""
        request = self.request
        cached = self._viewer  # one view instance per request
        if cached is None:
            api_key = request_api_key(request)
            if api_key is not None:
                # A review key acts for a reviewer account: it reviews every newsroom's claims.
                is_reviewer = Scope.REVIEW in api_key.scopes and permissions.is_reviewer(request.user)
            else:
                is_reviewer = permissions.is_reviewer(request.user)
            cached = self._viewer = viewer_for(
                is_reviewer=is_reviewer,
                has_key=api_key is not None,
                organisation_id=api_key.organisation_id if api_key is not None else None,
            )
        return cached

    def query(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        # .dict(): plain values, so that absent booleans stay absent (a QueryDict would make them False).
        params = serializer_class(data=self.request.query_params.dict())
        params.is_valid(raise_exception=True)
        return params.validated_data

    def page_response(self, page: Page, results: list[dict[str, Any]]) -> Response:
        next_url = None
        if page.has_more and page.next_cursor:
            params = self.request.query_params.copy()
            params["cursor"] = page.next_cursor
            next_url = (
                self.request.build_absolute_uri(self.request.path) + "?" + urlencode(list(params.lists()), doseq=True)
            )
        return Response(
            {"results": results, "next": next_url, "next_cursor": page.next_cursor, "has_more": page.has_more}
        )


def page_of(child: type[serializers.Serializer], name: str) -> type[serializers.Serializer]:
    """The schema of a page envelope around `child`."""

    class PageSerializer(serializers.Serializer):
        results = child(many=True)
        next = serializers.URLField(allow_null=True, help_text="The next page, or null on the last page.")
        next_cursor = serializers.CharField(
            allow_null=True,
            help_text="Pass as ?cursor= for the next page. Given on the last page too: keep it and ask again "
            "later to receive only what changed since (incremental sync).",
        )
        has_more = serializers.BooleanField()

        class Meta:
            ref_name = name

    PageSerializer.__name__ = name
    return PageSerializer


# Built from a dict: a serializer class cannot declare a field named "fields" (the name of its own
# field mapping), and the error shape needs one.
_ERROR_DETAIL = inline_serializer(
    name="ErrorDetail",
    fields={
        "code": serializers.CharField(help_text="Machine-readable, e.g. invalid, not_found, conflict, throttled."),
        "message": serializers.CharField(help_text="For a person."),
        "fields": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text='Per-field messages, e.g. {"verdict": ["..."], "sources.0.url": ["..."]}; may be empty.',
        ),
    },
)


class Error(serializers.Serializer):
    error = _ERROR_DETAIL

    class Meta:
        ref_name = "Error"
