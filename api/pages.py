"""Plain Django views next to the API: the public claim page, the API docs page, and JSON 404s under /api/."""

from __future__ import annotations

from functools import lru_cache

from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from api import selectors
from api.claimreview import as_script, claim_review, is_published
from api.exceptions import error_json_response


@require_safe
def public_claim(request, claim_id: int):
    """A reviewed claim, its verdict and sources, with its ClaimReview JSON-LD embedded for aggregators."""
    claim = selectors.published_claim_get(claim_id)
    if claim is None or not is_published(claim):
        raise Http404("No published review for this claim.")
    doc = claim_review(claim)  # its url: the configured public address, never the request's Host
    page_url = doc["url"]
    return render(
        request,
        "claims/public_claim.html",
        {
            "claim": claim,
            "jsonld": as_script(doc),
            "rating": doc["reviewRating"],
            "page_url": page_url,
            "organization": doc["author"]["name"],
        },
    )


@lru_cache(maxsize=1)
def _schema_for_docs() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema: dict) -> list[dict]:
    out = []
    for route, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            out.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "id": op.get("operationId", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "body": _resolve(schema, body) if body else None,
                    "responses": sorted(op.get("responses", {}).items()),
                    "public": op.get("security") == [] or {} in op.get("security", []),
                }
            )
    return out


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    return {"name": name, "properties": schema["components"]["schemas"].get(name, node).get("properties", {})}


@require_safe
def api_docs(request):
    """Reference of every operation from the OpenAPI schema, and a small console to try calls.

    Self-contained (no CDN assets): the service often runs without internet access.
    """
    schema = _schema_for_docs()
    return render(
        request,
        "api/docs.html",
        {
            "info": schema.get("info", {}),
            "operations": _operations(schema),
            "schemes": schema.get("components", {}).get("securitySchemes", {}),
        },
    )


@csrf_exempt  # nothing is written here; a CSRF page would break the one error shape
def api_not_found(request, rest: str = ""):
    """Unknown URLs under /api/ answer in the API's error shape (and GET without the final slash redirects)."""
    if not request.path.endswith("/"):
        try:
            resolve(request.path + "/")
        except Resolver404:
            pass
        else:
            if request.method in ("GET", "HEAD"):
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
            return error_json_response(
                404, "not_found", f"Not found. Did you mean {request.path}/ (with the final slash)?"
            )
    return error_json_response(404, "not_found", f"There is no API endpoint at {request.path}.")


def bad_request(request, exception=None):
    """Django's 400 (handler400): a bad Host header and other refused requests, in the API's error shape
    under /api/ (the host is not looked at again: that would raise once more)."""
    if not request.path.startswith("/api/"):
        return defaults.bad_request(request, exception)
    if isinstance(exception, DisallowedHost):
        response = error_json_response(
            400, "invalid_host", "The Host header names a host this service does not answer to."
        )
    else:
        response = error_json_response(400, "bad_request", "The request cannot be processed.")
    response["Cache-Control"] = "no-store"
    return response
