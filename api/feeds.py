"""Public feeds for aggregators and search engines: the ClaimReview DataFeed and the sitemap.

Both show only published claims (reviewed, of articles not retracted: selectors.published_claims), need
no key, and are cached three ways: shared caches may keep them (Cache-Control: public), clients
revalidate with ETag / Last-Modified (a 304 costs one indexed read of the change log), and the rendered
body is kept in the cache under that ETag. The ETag is derived from the head of the claims change
log, which moves with every change a claim can show (a verdict, a source, a retraction), so a cached
body is never served after the claims it shows have changed.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from rest_framework.exceptions import ValidationError

from api import selectors
from api.claimreview import claim_review
from api.exceptions import error_json_response
from api.pagination import Ordering, paginate
from api.serializers import iso
from claims.models import Change
from claims.selectors import change_head

FEED_PAGE_SIZE = 100
FEED_ORDERING = Ordering("-updated_at", "updated_at", descending=True)  # newest change first
MAX_CURSOR_CHARS = 2000
CACHE_SECONDS = 300
CACHE_CONTROL = f"public, max-age={CACHE_SECONDS}"
# Part of every ETag and cache key: bump it when the documents' shape changes.
_DOCUMENT_VERSION = "1"


def _cached(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponse:
    """`render()`'s answer, conditional (304) and cached under an ETag of this URL and the change log's head."""
    head = change_head(Change.Kind.CLAIM)
    version = f"{head.xid}.{head.id}" if head else "0"
    # The documents hold absolute URLs: the scheme and host are part of what they are.
    identity = f"{_DOCUMENT_VERSION}|{request.build_absolute_uri()}|{version}"
    etag = f'"{hashlib.blake2b(identity.encode(), digest_size=12).hexdigest()}"'
    last_modified = int(head.created_at.timestamp()) if head else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    else:
        key = f"public-feed:{etag}"
        stored = cache.get(key)
        if stored is not None:
            content, content_type, extra = stored
            response = HttpResponse(content, content_type=content_type, headers=extra)
        else:
            response = render()
            if response.status_code != 200:
                return response
            extra = {name: response[name] for name in ("Link",) if name in response}
            cache.set(key, (response.content, response["Content-Type"], extra), CACHE_SECONDS)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    return response


# --- the DataFeed ----------------------------------------------------------------------------------------


def _feed_url(request: HttpRequest, cursor: str | None = None) -> str:
    base = request.build_absolute_uri(reverse("claims-feed"))
    return f"{base}?{urlencode({'cursor': cursor})}" if cursor else base


def data_feed(request: HttpRequest, cursor: str | None) -> dict[str, Any]:
    """One page of the schema.org DataFeed of published ClaimReviews, most recently changed first."""
    page = paginate(selectors.published_claim_reviews(), FEED_ORDERING, cursor=cursor, page_size=FEED_PAGE_SIZE)
    site = request.build_absolute_uri("/")
    items = []
    for claim in page.items:
        review = claim_review(claim, page_url=f"{site}claims/{claim.pk}/")
        review.pop("@context")
        items.append({"@type": "DataFeedItem", "dateModified": iso(claim.updated_at), "item": review})
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.REGISTRY_ORGANIZATION_NAME}: claim reviews",
        "url": _feed_url(request, cursor),
        "publisher": {
            "@type": "Organization",
            "name": settings.REGISTRY_ORGANIZATION_NAME,
            "url": settings.REGISTRY_ORGANIZATION_URL,
        },
        "dataFeedElement": items,
    }
    if items:
        doc["dateModified"] = items[0]["dateModified"]
    if page.has_more and page.next_cursor:
        doc["next"] = _feed_url(request, page.next_cursor)
    return doc


@require_safe
def claims_feed(request: HttpRequest) -> HttpResponse:
    """GET /claims/feed.jsonld[?cursor=...]: a page of the DataFeed; `next` (and a Link header) leads on."""
    cursor = request.GET.get("cursor") or None
    if cursor is not None and len(cursor) > MAX_CURSOR_CHARS:
        return _invalid_cursor("This cursor is not valid; use the next link of a previous page.")

    def render() -> HttpResponse:
        try:
            doc = data_feed(request, cursor)
        except ValidationError as exc:  # a cursor this service did not make (pagination.InvalidCursor)
            return _invalid_cursor(getattr(exc, "message", "This cursor is not valid."))
        response = HttpResponse(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
            content_type="application/ld+json; charset=utf-8",
        )
        if "next" in doc:
            response["Link"] = f'<{doc["next"]}>; rel="next"'
        return response

    return _cached(request, render)


def _invalid_cursor(message: str) -> HttpResponse:
    response = error_json_response(400, "invalid_cursor", message, fields={"cursor": [message]})
    response["Cache-Control"] = "no-store"
    return response


# --- the sitemap ----------------------------------------------------------------------------------------
# Written directly rather than through django.contrib.sitemaps, whose per-URL objects and template made a
# page of 50,000 URLs take seconds to build.

SITEMAP_LIMIT = 50_000  # URLs per sitemap file: the protocol's limit
SITEMAP_SECTION = "claims"
_XML_TYPE = "application/xml; charset=utf-8"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _sitemap_pages() -> int:
    return max(1, math.ceil(selectors.published_claims().count() / SITEMAP_LIMIT))


def _urlset(request: HttpRequest, page: int) -> HttpResponse:
    site = escape(request.build_absolute_uri("/"))
    rows = selectors.published_claim_pages()[(page - 1) * SITEMAP_LIMIT : page * SITEMAP_LIMIT]
    parts = [_XML_HEAD, f"<urlset {_NS}>\n"]
    parts += [
        f"<url><loc>{site}claims/{pk}/</loc><lastmod>{changed:%Y-%m-%d}</lastmod></url>\n" for pk, changed in rows
    ]
    parts.append("</urlset>\n")
    return HttpResponse("".join(parts), content_type=_XML_TYPE)


def _index(request: HttpRequest, pages: int) -> HttpResponse:
    base = escape(request.build_absolute_uri(reverse("sitemap-section", args=[SITEMAP_SECTION])))
    head = change_head(Change.Kind.CLAIM)
    lastmod = f"<lastmod>{head.created_at:%Y-%m-%d}</lastmod>" if head else ""
    parts = [_XML_HEAD, f"<sitemapindex {_NS}>\n"]
    for page in range(1, pages + 1):
        loc = base if page == 1 else f"{base}?p={page}"
        parts.append(f"<sitemap><loc>{loc}</loc>{lastmod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return HttpResponse("".join(parts), content_type=_XML_TYPE)


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """GET /sitemap.xml: the public claim pages, or beyond SITEMAP_LIMIT a sitemap index of their pages."""

    def render() -> HttpResponse:
        pages = _sitemap_pages()
        return _urlset(request, 1) if pages == 1 else _index(request, pages)

    return _cached(request, render)


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """GET /sitemap-claims.xml?p=N: one page of the index (404 for a page past the end or not a number)."""
    if section != SITEMAP_SECTION:
        raise Http404("No such sitemap.")
    raw = request.GET.get("p", "1")
    page = int(raw) if raw.isdigit() and len(raw) < 10 else 0

    def render() -> HttpResponse:
        if not 1 <= page <= _sitemap_pages():
            raise Http404("No such sitemap page.")
        return _urlset(request, page)

    return _cached(request, render)
