"""The base class of every API view: authentication, scopes, throttling, limits, ETags, one error shape."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponseNotModified
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from api.authentication import ApiKeyAuthentication, ApiSessionAuthentication
from api.exceptions import NestedTooDeeply, PayloadTooLarge, body_limit
from api.models import Scope
from api.pagination import Page
from api.permissions import HasScope
from api.serializers import Urls
from api.throttling import ApiRateThrottle

_JSON = JSONRenderer()


def etag_for(data: Any, prefix: str = "") -> str:
    return f'"{prefix}{hashlib.blake2b(_JSON.render(data), digest_size=10).hexdigest()}"'


def _etag_of_content(content: bytes, prefix: str) -> str:
    return f'"{prefix}{hashlib.blake2b(content, digest_size=10).hexdigest()}"'


def parse_etags(header: str) -> list[str]:
    """If-None-Match / If-Match values, without weakness markers (W/): weak comparison is enough here."""
    tags = []
    for raw in header.split(","):
        tag = raw.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag:
            tags.append(tag)
    return tags


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
        required=False, max_length=1000, help_text="The next_cursor of the previous page; omit for the first page."
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

    def initial(self, request, *args, **kwargs):
        # Refuse unknown methods and oversized bodies before doing any work (or reading the body).
        if request.method.lower() not in self._allowed_method_names():
            raise exceptions.MethodNotAllowed(request.method)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise exceptions.ParseError("The Content-Length header is not a number.") from None
        limit = body_limit()
        if length > limit:
            raise PayloadTooLarge(f"The request body is {length:,} bytes; the limit is {limit:,} bytes.")
        fmt = request.query_params.get(api_settings.URL_FORMAT_OVERRIDE or "format")
        if fmt is not None and fmt not in {renderer.format for renderer in self.renderer_classes}:
            # DRF would ignore an empty ?format= and 404 an unknown one: refuse both the same clear way.
            raise exceptions.ValidationError({"format": [f"Unknown format {fmt!r}."]})
        super().initial(request, *args, **kwargs)

    def _allowed_method_names(self) -> set[str]:
        return {m for m in self.http_method_names if hasattr(self, m)}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
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
                for header in ("Vary", "Cache-Control"):
                    if header in response:
                        not_modified[header] = response[header]
                return not_modified
        return response

    # --- helpers for subclasses ---

    def context(self) -> dict[str, Any]:
        return {"request": self.request, "urls": Urls(self.request)}

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
