"""The REST API, one view per resource. Reads go through api.selectors, writes through claims.services.

Each view nests the serializers only it uses: FilterSerializer (query), InputSerializer (body) and
OutputSerializer (response). Shared representations are in api.serializers.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from api import export, selectors
from api.authentication import request_api_key
from api.base import ApiView, ListParams, etag_for, page_of, parse_etags
from api.claimreview import CLAIMREVIEW_SCHEMA, is_published
from api.claimreview import claim_review as claim_review_document
from api.exceptions import PreconditionFailed, PreconditionRequired
from api.models import Scope
from api.pagination import FEED, Ordering, Page, orderings, paginate, paginate_changes
from api.schema import IF_MATCH, IF_NONE_MATCH, NOT_MODIFIED, READ_ERRORS, WRITE_ERRORS, errors, location
from api.serializers import (
    ClaimOut,
    Fast,
    MatchOut,
    OutletOut,
    ReviewOut,
    SourceOut,
    SpeakerRef,
    VerdictCounts,
    iso,
)
from claims import selectors as claim_selectors
from claims.errors import ApplicationError, Conflict, Gone
from claims.models import Article, Change, SourceLink, Speaker, Tombstone, Verdict
from claims.services import article_pages as article_page_services
from claims.services import articles as article_services
from claims.services import review as review_services

DEFAULT_PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # larger numbers overflow the database's integers
_VERDICT_LIST_RE = "^(%s)(,(%s))*$" % (("|".join(Verdict.values),) * 2)
_DOMAIN_RE = re.compile(r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


class HttpUrlField(serializers.URLField):
    """An absolute http(s) URL (DRF's URLField also takes ftp://)."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https URLs are accepted.")
        return value


class StrictCharField(serializers.CharField):
    """A JSON string only (DRF's CharField would turn 42 or true into text)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Must be a string.")
        return super().to_internal_value(data)


class TextField(StrictCharField):
    """Article text or HTML: kept exactly as sent, and not only white space."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and not data.strip():
            raise serializers.ValidationError("This field may not be blank.")
        return super().to_internal_value(data)


class FilterDateField(serializers.DateField):
    """A date in a query filter; the last year of the calendar is refused (a day after it cannot be computed)."""

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if day.year > 9998:
            raise serializers.ValidationError("Use a date before 9999-01-01.")
        return day


def _page_size(params: dict[str, Any]) -> int:
    return params.get("page_size") or DEFAULT_PAGE_SIZE


def _feed_page(params: dict[str, Any], queryset: QuerySet, kind: str, viewer: selectors.Viewer) -> Page:
    """A page of the `kind` change feed, each object loaded as `queryset` shows it now (to `viewer`: its
    visibility is signed into the cursor)."""
    return paginate_changes(
        kind,
        lambda ids: {o.pk: o for o in queryset.filter(pk__in=ids)},
        cursor=params.get("cursor"),
        page_size=_page_size(params),
        audience=viewer.audience,
    )


def _list_page(
    params: dict[str, Any], queryset: QuerySet, kind: str, choices: dict[str, Ordering], viewer: selectors.Viewer
) -> Page:
    """The change feed (ordering=changes) or a page of `queryset` in one of its browse orderings."""
    if params["ordering"] == FEED:
        return _feed_page(params, queryset, kind, viewer)
    return paginate(queryset, choices[params["ordering"]], cursor=params.get("cursor"), page_size=_page_size(params))


def _ordering_field(choices: dict[str, Ordering], default: str, *, feed: bool = False) -> serializers.ChoiceField:
    help_text = f"Sort order (default {default})."
    if feed:
        help_text += (
            f" '{FEED}' is the sync feed: objects in the order their changes were committed, each once per page "
            "at its latest change; keep next_cursor to receive only later changes."
        )
    return serializers.ChoiceField(
        choices=[FEED, *choices] if feed else list(choices), required=False, default=default, help_text=help_text
    )


def _not_found(what: str, pk: int) -> Http404:
    return Http404(f"No {what} with id {pk}.")


# --- the index ----------------------------------------------------------------------------------------


class ApiRootApi(ApiView):
    """The resource index of /api/v1/: where each list is, the schema and the reference. Public."""

    required_scopes = {"GET": ()}

    class OutputSerializer(serializers.Serializer):
        claims = serializers.URLField()
        articles = serializers.URLField()
        speakers = serializers.URLField()
        tombstones = serializers.URLField()
        schema = serializers.URLField(help_text="The OpenAPI document.")
        docs = serializers.URLField(help_text="The reference, with a console to try calls.")

        class Meta:
            ref_name = "ApiIndex"

    @extend_schema(
        operation_id="api_index",
        parameters=[IF_NONE_MATCH],
        responses={200: OutputSerializer, **NOT_MODIFIED, **errors(400, 401, 404, 406, 429)},
        auth=[],
    )
    def get(self, request):
        urls = self.context()["urls"]
        return Response(
            {
                "claims": urls.resource("claims/"),
                "articles": urls.resource("articles/"),
                "speakers": urls.resource("speakers/"),
                "tombstones": urls.resource("tombstones/"),
                "schema": request.build_absolute_uri(reverse("api-schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
            }
        )


# --- articles -----------------------------------------------------------------------------------------


class ArticleSummaryOut(Fast):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="This article in the API: poll it for the extraction status.")
    canonical_url = serializers.URLField(
        source="url",
        allow_null=True,
        help_text="Where it was published, canonical: lower-case scheme and host, no default port, fragment or "
        "tracking parameters (utm_*, fbclid, gclid).",
    )
    original_url = serializers.CharField(help_text="The URL as it was submitted (empty when none was).")
    title = serializers.CharField()
    byline = serializers.CharField()
    outlet = OutletOut(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    language = serializers.CharField()
    status = serializers.ChoiceField(choices=Article.Status.choices, help_text="Extraction status.")
    status_error = serializers.CharField(
        help_text="Why the article failed (status 'failed'), in words; empty otherwise. "
        "POST articles/{id}/retry/ queues it again."
    )
    extracted_at = serializers.DateTimeField(allow_null=True)
    extractor_version = serializers.CharField()
    claims = serializers.SerializerMethodField(help_text="The article's claims (claims/?article=id).")
    claim_counts = VerdictCounts(source="verdict_counts", help_text="Number of claims by verdict.")
    revision = serializers.IntegerField(
        help_text="The number of the current text: 1 as first submitted, one more for each correction."
    )
    revised_at = serializers.DateTimeField(
        allow_null=True, help_text="When the current text replaced the previous one (null: never corrected)."
    )
    revisions = serializers.SerializerMethodField(help_text="The article's texts, earlier ones included.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    class Meta:
        ref_name = "ArticleSummary"

    @extend_schema_field(serializers.URLField())
    def get_revisions(self, a: Article) -> str:
        return self.context["urls"].article_revisions(a.pk)

    @extend_schema_field(serializers.URLField())
    def get_url(self, a: Article) -> str:
        return self.context["urls"].article(a.pk)

    @extend_schema_field(serializers.URLField())
    def get_claims(self, a: Article) -> str:
        return self.context["urls"].claims_of("article", a.pk)

    @staticmethod
    def represent(a: Article, context: dict) -> dict[str, Any]:
        urls = context["urls"]
        return {
            "id": a.id,
            "url": urls.article(a.id),
            "canonical_url": a.url,
            "original_url": a.original_url,
            "title": a.title,
            "byline": a.byline,
            "outlet": OutletOut.represent(a.outlet, context),
            "published_at": iso(a.published_at),
            "language": a.language,
            "status": a.status,
            "status_error": a.status_error,
            "extracted_at": iso(a.extracted_at),
            "extractor_version": a.extractor_version,
            "claims": urls.claims_of("article", a.id),
            "claim_counts": a.verdict_counts,
            "revision": a.revision,
            "revised_at": iso(a.revised_at),
            "revisions": urls.article_revisions(a.id),
            "created_at": iso(a.created_at),
            "updated_at": iso(a.updated_at),
        }


class ArticleDetailOut(ArticleSummaryOut):
    body = serializers.CharField(
        allow_null=True,
        help_text="The plain text every claim offset refers to; null when another newsroom submitted the "
        "article (its text is visible to that newsroom and to reviewers only, see the visibility rules).",
    )

    class Meta:
        ref_name = "ArticleDetail"

    @staticmethod
    def represent(a: Article, context: dict) -> dict[str, Any]:
        visible = selectors.article_body_visible(a, context["viewer"])
        return {**ArticleSummaryOut.represent(a, context), "body": a.body if visible else None}


ARTICLE_ORDERINGS = orderings("updated_at", "id")


class ArticleListApi(ApiView):
    """Articles: list them (read), or submit one for extraction (submit)."""

    required_scopes = {"GET": (Scope.READ,), "POST": (Scope.SUBMIT,)}

    class FilterSerializer(ListParams):
        ordering = _ordering_field(ARTICLE_ORDERINGS, FEED, feed=True)
        outlet = serializers.CharField(required=False, max_length=253, help_text="The outlet's domain.")
        status = serializers.ChoiceField(choices=Article.Status.choices, required=False)
        updated_since = serializers.DateTimeField(required=False, help_text="Only articles changed after this.")

        class Meta:
            ref_name = "ArticleFilter"

    class InputSerializer(serializers.Serializer):
        text = TextField(required=False, help_text="The article as plain text (or give html, or only url).")
        html = TextField(required=False, help_text="The article page as HTML; its main text is extracted.")
        url = HttpUrlField(
            required=False,
            max_length=2000,
            help_text="Where it was published: the key for de-duplication. Given alone, the page is fetched "
            "in the background (status 'fetching') through the safe fetcher.",
        )
        title = StrictCharField(required=False, allow_blank=True, max_length=500, default="")
        byline = StrictCharField(required=False, allow_blank=True, max_length=500, default="")
        published = serializers.DateField(
            required=False, allow_null=True, help_text="Publication date (YYYY-MM-DD): resolves relative dates."
        )
        outlet = serializers.RegexField(
            _DOMAIN_RE.pattern,
            required=False,
            max_length=253,
            help_text="The outlet's domain, e.g. example.org (default: the URL's).",
            error_messages={"invalid": "Give the outlet's domain name, e.g. example.org."},
        )
        language = StrictCharField(required=False, max_length=16, default="en")

        class Meta:
            ref_name = "ArticleSubmission"

        def validate_outlet(self, value: str) -> str:
            return value.lower().removeprefix("www.")

        def validate(self, attrs):
            if "text" in attrs and "html" in attrs:
                raise serializers.ValidationError({"html": ["Give text or html, not both."]})
            if "text" not in attrs and "html" not in attrs and not attrs.get("url"):
                raise serializers.ValidationError({"text": ["Give the article's text, its html, or its url."]})
            return attrs

    @extend_schema(
        operation_id="articles_list",
        parameters=[FilterSerializer, IF_NONE_MATCH],
        responses={200: page_of(ArticleSummaryOut, "ArticlePage"), **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        params = self.query(self.FilterSerializer)
        queryset = selectors.articles_filtered(
            outlet=params.get("outlet"), updated_since=params.get("updated_since"), status=params.get("status")
        )
        viewer = self.viewer()
        page = _list_page(params, queryset, Change.Kind.ARTICLE, ARTICLE_ORDERINGS, viewer)
        selectors.attach_verdict_counts(page.items, "article_id", viewer=viewer)
        context = self.context()
        return self.page_response(page, [ArticleSummaryOut.represent(a, context) for a in page.items])

    @extend_schema(
        operation_id="articles_submit",
        request=InputSerializer,
        parameters=[location(200, 202)],
        responses={
            202: OpenApiResponse(ArticleDetailOut, description="Stored; extraction queued. Poll `url`."),
            200: OpenApiResponse(ArticleDetailOut, description="Already submitted (same URL or same text)."),
            **errors(*WRITE_ERRORS, 410),
        },
    )
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        title, byline, published = values["title"], values["byline"], values.get("published")
        submitted_by = request.user if request.user.is_authenticated else None
        # The newsroom of the key: its text and unreviewed claims stay visible to it (and reviewers) only.
        api_key = request_api_key(request)
        organisation_id = api_key.organisation_id if api_key is not None else None
        outlet = article_services.outlet_for_url(f"https://{values['outlet']}/") if values.get("outlet") else None
        if "text" not in values and "html" not in values:
            # By URL alone: the page is fetched by the background task (safe fetcher), never in the request.
            result = article_services.article_submit_url(
                url=values["url"],
                published=published,
                outlet=outlet,
                title=title,
                submitted_by=submitted_by,
                submitted_by_organisation_id=organisation_id,
            )
            return self._accepted(result)
        common = dict(
            title=title,
            url=values.get("url"),
            published=published,
            outlet=outlet,
            byline=byline,
            language=values["language"],
            submitted_by=submitted_by,
            submitted_by_organisation_id=organisation_id,
        )
        if "html" in values:
            # The one way in for HTML: the page's own title, date and byline fill in what was not sent.
            # Stored as sent and read by the worker: reading hostile HTML takes seconds per megabyte.
            result = article_page_services.article_submit_html(html=values["html"], in_background=True, **common)
            return self._accepted(result)
        try:
            result = article_services.article_submit(body=values["text"], **common)
        except ApplicationError as exc:
            # The service names the stored field ("body"); the client sent "text".
            if "body" in exc.fields:
                exc.fields["text"] = exc.fields.pop("body")
            raise
        return self._accepted(result)

    def _accepted(self, result) -> Response:
        article = selectors.article_get(result.article.pk, viewer=self.viewer())
        if article is None:  # retracted already: answer with the stored row, counts empty
            article = result.article
            selectors.attach_verdict_counts([article], "article_id", viewer=self.viewer())
        context = self.context()
        location = context["urls"].article(article.pk)
        return Response(
            ArticleDetailOut.represent(article, context),
            status=status.HTTP_202_ACCEPTED if result.created or result.revised else status.HTTP_200_OK,
            headers={"Location": location},
        )


class ArticleDetailApi(ApiView):
    """One article with its extraction status and claim counts. Submit-only keys may poll it too."""

    required_scopes = {"GET": (Scope.READ, Scope.SUBMIT)}

    @extend_schema(
        operation_id="articles_retrieve",
        parameters=[IF_NONE_MATCH],
        responses={200: ArticleDetailOut, **NOT_MODIFIED, **errors(*READ_ERRORS, 410)},
    )
    def get(self, request, article_id: int):
        return Response(ArticleDetailOut.represent(_article_or_gone(article_id, self.viewer()), self.context()))


class ArticleRetryApi(ApiView):
    """Queue a failed article again: its fetch (submitted by URL, no text yet) or its extraction."""

    required_scopes = {"POST": (Scope.SUBMIT,)}

    @extend_schema(
        operation_id="articles_retry",
        request=None,
        parameters=[location(202)],
        responses={
            202: OpenApiResponse(ArticleDetailOut, description="Queued again (status pending or fetching)."),
            **errors(*WRITE_ERRORS, 409, 410),
        },
    )
    def post(self, request, article_id: int):
        article_services.article_retry(article_id=article_id)
        article = selectors.article_get(article_id, viewer=self.viewer())
        if article is None:  # retracted in between
            raise Gone(f"Article {article_id} was retracted.")
        context = self.context()
        return Response(
            ArticleDetailOut.represent(article, context),
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": context["urls"].article(article_id)},
        )


class ArticleRevisionOut(Fast):
    revision = serializers.IntegerField(source="number", help_text="1 for the first text, one more per correction.")
    url = serializers.SerializerMethodField(help_text="This revision, with its text.")
    current = serializers.BooleanField(help_text="Whether this is the article's text now (claims index it).")
    title = serializers.CharField()
    byline = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    body_hash = serializers.CharField(help_text="SHA-256 of the text with white space folded.")
    submitted_at = serializers.DateTimeField(help_text="When this text became the article's.")
    replaced_at = serializers.DateTimeField(allow_null=True, help_text="When a correction replaced it (null: current).")

    class Meta:
        ref_name = "ArticleRevision"

    @extend_schema_field(serializers.URLField())
    def get_url(self, r: selectors.RevisionRow) -> str:
        return self.context["urls"].article_revision(r.article_id, r.number)

    @staticmethod
    def represent(r: selectors.RevisionRow, context: dict) -> dict[str, Any]:
        return {
            "revision": r.number,
            "url": context["urls"].article_revision(r.article_id, r.number),
            "current": r.current,
            "title": r.title,
            "byline": r.byline,
            "published_at": iso(r.published_at),
            "body_hash": r.body_hash,
            "submitted_at": iso(r.submitted_at),
            "replaced_at": iso(r.replaced_at),
        }


class ArticleRevisionDetailOut(ArticleRevisionOut):
    body = serializers.CharField(help_text="The article's text in this revision.")

    class Meta:
        ref_name = "ArticleRevisionDetail"

    @staticmethod
    def represent(r: selectors.RevisionRow, context: dict) -> dict[str, Any]:
        return {**ArticleRevisionOut.represent(r, context), "body": r.body}


class ArticleRevisionList(serializers.Serializer):
    results = ArticleRevisionOut(many=True)

    class Meta:
        ref_name = "ArticleRevisionList"


def _article_or_gone(article_id: int, viewer: selectors.Viewer) -> Article:
    article = selectors.article_get(article_id, viewer=viewer)
    if article is None:
        retracted_at = selectors.article_retracted_at(article_id)
        if retracted_at is not None:
            raise Gone(f"Article {article_id} was retracted on {retracted_at:%Y-%m-%d}.")
        raise _not_found("article", article_id)
    return article


class ArticleRevisionsApi(ApiView):
    """The texts an article has had: the current one and those corrections replaced, oldest first."""

    required_scopes = {"GET": (Scope.READ, Scope.SUBMIT)}

    @extend_schema(
        operation_id="articles_revisions_list",
        parameters=[IF_NONE_MATCH],
        responses={200: ArticleRevisionList, **NOT_MODIFIED, **errors(*READ_ERRORS, 410)},
    )
    def get(self, request, article_id: int):
        article = _article_or_gone(article_id, self.viewer())
        context = self.context()
        rows = selectors.article_revisions(article)
        return Response({"results": [ArticleRevisionOut.represent(r, context) for r in rows]})


class ArticleRevisionApi(ApiView):
    """One text of an article, earlier or current, with its body."""

    required_scopes = {"GET": (Scope.READ, Scope.SUBMIT)}

    @extend_schema(
        operation_id="articles_revisions_retrieve",
        parameters=[IF_NONE_MATCH],
        responses={200: ArticleRevisionDetailOut, **NOT_MODIFIED, **errors(*READ_ERRORS, 410)},
    )
    def get(self, request, article_id: int, number: int):
        viewer = self.viewer()
        article = _article_or_gone(article_id, viewer)
        rows = selectors.article_revisions(article, number=number)
        # A revision is its text: another newsroom's submitted text stays theirs (metadata is in the list).
        if not rows or not selectors.article_body_visible(article, viewer):
            raise Http404(f"Article {article_id} has no revision {number}.")
        return Response(ArticleRevisionDetailOut.represent(rows[0], self.context()))


# --- claims -------------------------------------------------------------------------------------------

CLAIM_ORDERINGS = orderings("updated_at", "id")


class ClaimFilterParams(serializers.Serializer):
    """The claim filters of the claims list, its feed and the bulk export."""

    verdict = serializers.RegexField(
        _VERDICT_LIST_RE,
        required=False,
        max_length=200,
        help_text=f"One or more of {', '.join(Verdict.values)}, comma-separated.",
        error_messages={"invalid": f"Use one or more of {', '.join(Verdict.values)}, comma-separated."},
    )
    speaker = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="A speaker id.")
    outlet = serializers.CharField(required=False, max_length=253, help_text="The outlet's domain.")
    article = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="An article id.")
    published_from = FilterDateField(required=False, help_text="Article published on or after (date).")
    published_to = FilterDateField(required=False, help_text="Article published on or before (date).")
    needs_recheck = serializers.BooleanField(required=False, help_text="Flagged for re-review (true/false).")
    q = serializers.CharField(required=False, max_length=200, help_text="Text search in the claim.")
    updated_since = serializers.DateTimeField(required=False, help_text="Only claims changed after this.")

    def validate_verdict(self, value: str) -> list[str]:
        verdicts = [v.strip().lower() for v in value.split(",") if v.strip()]
        unknown = [v for v in verdicts if v not in Verdict.values]
        if unknown or not verdicts:
            raise serializers.ValidationError(f"Use one or more of {', '.join(Verdict.values)}.")
        return verdicts

    def validate(self, attrs):
        start, end = attrs.get("published_from"), attrs.get("published_to")
        if start and end and start > end:
            raise serializers.ValidationError({"published_to": ["Must not be before published_from."]})
        return attrs


def claim_filters(params: dict[str, Any]) -> selectors.ClaimFilters:
    """The selector's filters from validated ClaimFilterParams."""
    return selectors.ClaimFilters(
        verdict=params.get("verdict"),
        speaker=params.get("speaker"),
        outlet=params.get("outlet"),
        article=params.get("article"),
        published_from=params.get("published_from"),
        published_to=params.get("published_to"),
        needs_recheck=params.get("needs_recheck"),
        q=params.get("q"),
        updated_since=params.get("updated_since"),
    )


class ClaimListApi(ApiView):
    """Claims with speakers, dates, places, sources and verdicts; the incremental sync feed."""

    class FilterSerializer(ListParams, ClaimFilterParams):
        ordering = _ordering_field(CLAIM_ORDERINGS, FEED, feed=True)

        class Meta:
            ref_name = "ClaimFilter"

    @extend_schema(
        operation_id="claims_list",
        parameters=[FilterSerializer, IF_NONE_MATCH],
        responses={200: page_of(ClaimOut, "ClaimPage"), **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        params = self.query(self.FilterSerializer)
        viewer = self.viewer()
        queryset = selectors.claims_filtered(claim_filters(params), viewer=viewer)
        page = _list_page(params, queryset, Change.Kind.CLAIM, CLAIM_ORDERINGS, viewer)
        context = self.context()
        return self.page_response(page, [ClaimOut.represent(c, context) for c in page.items])


class NdjsonRenderer(BaseRenderer):
    """Lets `Accept: application/x-ndjson` through content negotiation (the body is streamed by the view);
    errors are still written as the one JSON error object."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b"" if data is None else JSONRenderer().render(data) + b"\n"


class ClaimExportApi(ApiView):
    """Every claim the claims list shows (same filters, same representation), as one NDJSON download.

    One claim per line in id order, then a trailer line {"type": "cursor", ...} with the feed cursors
    taken before the first claim was read (also in the Feed-Cursor and Tombstones-Cursor headers):
    continue with the claims feed from there and no change made meanwhile is missed. Streamed with
    constant memory; a body without the trailer was cut short.
    """

    renderer_classes = [JSONRenderer, NdjsonRenderer]
    # Large, personal to the key, and stale at once: not for caches.
    cache_control = "private, no-store"

    class FilterSerializer(ClaimFilterParams):
        class Meta:
            ref_name = "ClaimExportFilter"

    @extend_schema(
        operation_id="claims_export",
        parameters=[
            FilterSerializer,
            OpenApiParameter(
                "format",
                enum=["ndjson", "json"],
                required=False,
                description="The body is NDJSON either way; this only names the media type of the answer "
                "(application/x-ndjson, or application/json for clients that insist); errors are JSON.",
            ),
            OpenApiParameter(
                "Feed-Cursor",
                location=OpenApiParameter.HEADER,
                response=[200],
                type=OpenApiTypes.STR,
                description="The claims feed cursor at which the export was taken (as in the trailer).",
            ),
            OpenApiParameter(
                "Tombstones-Cursor",
                location=OpenApiParameter.HEADER,
                response=[200],
                type=OpenApiTypes.STR,
                description="The tombstones feed cursor at which the export was taken.",
            ),
        ],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.STR,
                description="NDJSON: one claim (as in the claims list) per line, then the trailer "
                '{"type": "cursor", "cursor", "tombstones_cursor", "claims", "taken_at", "feed", "tombstones"}.',
            ),
            **errors(*READ_ERRORS),
        },
    )
    def get(self, request):
        params = self.query(self.FilterSerializer)
        viewer = self.viewer()
        queryset = selectors.claims_filtered(claim_filters(params), viewer=viewer)
        start = export.export_start(viewer)  # before any claim is read: see api.export
        context = self.context()
        filters = {name: value for name, value in request.query_params.items() if name in params}
        links = export.feed_urls(context["urls"], start, filters)
        headers = {
            "Content-Disposition": f'attachment; filename="{start.filename}"',
            "Feed-Cursor": start.cursor,
            "Tombstones-Cursor": start.tombstones_cursor,
            "X-Accel-Buffering": "no",  # a proxy in front passes each piece on as it comes
        }
        if request.method == "HEAD":  # the headers only: nothing is read
            return HttpResponse(content_type=export.CONTENT_TYPE, headers=headers)
        slot = export.export_slot_take()
        if slot is None:
            raise exceptions.Throttled(
                wait=60,
                detail=f"{settings.API_EXPORT_MAX_CONCURRENT} exports are running, the most at once; try again later.",
            )
        pieces = export.claims_ndjson(queryset, context, start, links, on_chunk=lambda: export.export_slot_keep(slot))
        return StreamingHttpResponse(export.Streamed(pieces, slot), content_type=export.CONTENT_TYPE, headers=headers)


def claim_etag_prefix(version: int) -> str:
    return f"{version}."


class ClaimDetailApi(ApiView):
    """One claim. Its ETag starts with the claim's version ("7.…"): usable in If-Match on the verdict."""

    @extend_schema(
        operation_id="claims_retrieve",
        parameters=[IF_NONE_MATCH],
        responses={200: ClaimOut, **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request, claim_id: int):
        claim = selectors.claim_get(claim_id, viewer=self.viewer())
        if claim is None:
            raise _not_found("claim", claim_id)
        self.etag_prefix = claim_etag_prefix(claim.version)
        return Response(ClaimOut.represent(claim, self.context()))


class SourceIn(serializers.Serializer):
    url = HttpUrlField(max_length=2000)
    title = StrictCharField(required=False, allow_blank=True, max_length=500, default="")
    publisher = StrictCharField(required=False, allow_blank=True, max_length=300, default="")
    stance = serializers.ChoiceField(choices=SourceLink.Stance.choices)
    excerpt = StrictCharField(
        required=False, allow_blank=True, max_length=5000, default="", help_text="The words on the page that matter."
    )

    class Meta:
        ref_name = "SourceInput"


class ClaimSourcesApi(ApiView):
    """A claim's source links (read); add one (review scope, through the review rules)."""

    required_scopes = {"GET": (Scope.READ,), "POST": (Scope.REVIEW,)}

    class OutputSerializer(serializers.Serializer):
        results = SourceOut(many=True)

        class Meta:
            ref_name = "SourceList"

    @extend_schema(
        operation_id="claims_sources_list",
        parameters=[IF_NONE_MATCH],
        responses={200: OutputSerializer, **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request, claim_id: int):
        if not selectors.claim_exists(claim_id, viewer=self.viewer()):
            raise _not_found("claim", claim_id)
        context = self.context()
        return Response({"results": [SourceOut.represent(s, context) for s in selectors.claim_sources(claim_id)]})

    @extend_schema(
        operation_id="claims_sources_create",
        request=SourceIn,
        parameters=[location(201)],
        responses={201: SourceOut, **errors(*WRITE_ERRORS)},
    )
    def post(self, request, claim_id: int):
        data = SourceIn(data=request.data)
        data.is_valid(raise_exception=True)
        if not selectors.claim_exists(claim_id, viewer=self.viewer()):
            raise _not_found("claim", claim_id)
        source = review_services.source_add(claim_id=claim_id, user=_acting_user(request), **data.validated_data)
        context = self.context()
        return Response(
            SourceOut.represent(source, context),
            status=status.HTTP_201_CREATED,
            headers={"Location": context["urls"].source(claim_id, source.pk)},
        )


class ClaimSourceDetailApi(ApiView):
    """One source link of a claim, with its link health (the Location of a source just added)."""

    @extend_schema(
        operation_id="claims_sources_retrieve",
        parameters=[IF_NONE_MATCH],
        responses={200: SourceOut, **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request, claim_id: int, source_id: int):
        source = selectors.claim_source_get(claim_id, source_id, viewer=self.viewer())
        if source is None:
            raise _not_found(f"source of claim {claim_id}", source_id)
        return Response(SourceOut.represent(source, self.context()))


class ClaimReviewsApi(ApiView):
    """A claim's review history, oldest first: every verdict and evidence change."""

    class OutputSerializer(serializers.Serializer):
        results = ReviewOut(many=True)

        class Meta:
            ref_name = "ReviewList"

    @extend_schema(
        operation_id="claims_reviews_list",
        parameters=[IF_NONE_MATCH],
        responses={200: OutputSerializer, **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request, claim_id: int):
        if not selectors.claim_exists(claim_id, viewer=self.viewer()):
            raise _not_found("claim", claim_id)
        context = self.context()
        return Response({"results": [ReviewOut.represent(r, context) for r in claim_selectors.claim_history(claim_id)]})


class MatchList(serializers.Serializer):
    results = MatchOut(many=True)

    class Meta:
        ref_name = "MatchList"


class ClaimMatchesApi(ApiView):
    """A claim's likely earlier checks: reviewed claims that may state the same fact, best first.

    Found when the claim's article was extracted; only claims that still have a verdict are listed.
    """

    @extend_schema(
        operation_id="claims_matches_list",
        parameters=[IF_NONE_MATCH],
        responses={200: MatchList, **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request, claim_id: int):
        if not selectors.claim_exists(claim_id, viewer=self.viewer()):
            raise _not_found("claim", claim_id)
        context = self.context()
        return Response(
            {
                "results": [
                    MatchOut.represent(m, context) for m in selectors.claim_matches(claim_id, viewer=self.viewer())
                ]
            }
        )


MAX_SEARCH_CHARS = 5000


class ClaimSearchApi(ApiView):
    """ "Has this been checked?": the reviewed claims most likely to state the same fact as a text, best first.

    For a newsroom's own drafts: send a sentence (or a paragraph); nothing is stored. Read scope.
    """

    required_scopes = {"POST": (Scope.READ,)}

    class InputSerializer(serializers.Serializer):
        text = TextField(
            max_length=MAX_SEARCH_CHARS, help_text=f"The text to check, at most {MAX_SEARCH_CHARS} characters."
        )
        speaker = StrictCharField(
            required=False, allow_blank=True, max_length=300, default="", help_text="Who said it, when known."
        )
        limit = serializers.IntegerField(
            required=False,
            min_value=1,
            max_value=50,
            default=10,
            help_text="At most this many claims (1-50, default 10).",
        )

        class Meta:
            ref_name = "ClaimSearchInput"

    @extend_schema(
        operation_id="claims_search",
        request=InputSerializer,
        responses={200: MatchList, **errors(*WRITE_ERRORS)},
    )
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        found = selectors.claims_matching_text(
            values["text"], limit=values["limit"], speaker=values["speaker"], viewer=self.viewer()
        )
        context = self.context()
        return Response({"results": [MatchOut.represent(m, context) for m in found]})


def _acting_user(request):
    """The account a write is recorded under: the session's user or the key's account."""
    user = request.user
    if not user or not user.is_authenticated:
        raise exceptions.PermissionDenied("This key acts for no active account, so it cannot write reviews.")
    return user


_VERSION_RE = re.compile(r'^"?(\d{1,9})(?:\.([0-9a-f]+))?"?$')


class ClaimVerdictApi(ApiView):
    """Set a claim's verdict, with its note and new sources, through the same rules as the admin.

    Optimistic locking: send If-Match with the claim's ETag (or its version), or `expected_version` in
    the body. A stale one is refused (412 for If-Match, 409 for expected_version) and nothing is written.
    """

    required_scopes = {"POST": (Scope.REVIEW,)}

    class InputSerializer(serializers.Serializer):
        verdict = serializers.ChoiceField(choices=Verdict.choices)
        note = StrictCharField(required=False, allow_blank=True, max_length=10000, default="")
        sources = SourceIn(many=True, required=False, help_text="New source links to attach first.")
        expected_version = serializers.IntegerField(
            required=False, min_value=1, max_value=MAX_ID, help_text="The claim version you read (instead of If-Match)."
        )

        class Meta:
            ref_name = "VerdictInput"

    @extend_schema(
        operation_id="claims_verdict_create",
        request=InputSerializer,
        parameters=[IF_MATCH],
        responses={200: ClaimOut, **errors(*WRITE_ERRORS, 409, 412, 428)},
    )
    def post(self, request, claim_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        claim = selectors.claim_get(claim_id, viewer=self.viewer())
        if claim is None:
            raise _not_found("claim", claim_id)
        user = _acting_user(request)
        if_match = request.META.get("HTTP_IF_MATCH", "").strip()
        expected = values.get("expected_version")
        if if_match:
            expected = self._check_if_match(if_match, claim)
        elif expected is None:
            raise PreconditionRequired()
        try:
            review_services.claim_review(
                claim_id=claim_id,
                user=user,
                verdict=values["verdict"],
                note=values["note"],
                expected_version=expected,
                sources=values.get("sources") or None,
            )
        except Conflict as exc:
            if if_match:
                raise PreconditionFailed(exc.message) from None
            raise
        fresh = selectors.claim_get(claim_id, viewer=self.viewer())
        if fresh is None:  # removed meanwhile (the article was re-extracted without it)
            raise _not_found("claim", claim_id)
        body = ClaimOut.represent(fresh, self.context())
        return Response(body, headers={"ETag": etag_for(body, claim_etag_prefix(fresh.version))})

    def _check_if_match(self, header: str, claim) -> int:
        """The version the client read; 412 unless it is the current one (and the ETag the current one)."""
        tags = parse_etags(header, keep_weak=True)
        if "*" in tags:
            # "*" matches any version: the verdict would not say which version it was based on.
            raise PreconditionRequired(
                "If-Match: * is not accepted: a verdict must name the version it was based on; "
                "send the claim's ETag or version (or expected_version in the body)."
            )
        current_etag = None
        weak = [tag for tag in tags if tag.startswith("W/")]
        for tag in tags:
            if tag in weak:
                continue  # If-Match compares strongly: a weak ETag never matches (RFC 9110)
            match = _VERSION_RE.match(tag)
            if not match:
                continue
            version, digest = int(match.group(1)), match.group(2)
            if digest is not None:
                if current_etag is None:
                    current_etag = etag_for(ClaimOut.represent(claim, self.context()), claim_etag_prefix(claim.version))
                if tag.strip('"') != current_etag.strip('"'):
                    continue
            if version == claim.version:
                return version
        if weak:
            raise PreconditionFailed(
                f"If-Match compares ETags strongly and {weak[0][:60]} is a weak ETag (W/), which never matches: "
                "send the claim's ETag exactly as GET claims/{id}/ gives it (a proxy that compresses answers "
                "may have weakened it), or its version number."
            )
        raise PreconditionFailed(
            f"The claim has changed since (it is now version {claim.version}): "
            "fetch it again, check the change, then send your verdict with the new ETag."
        )


class JsonLdRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class ClaimReviewApi(ApiView):
    """schema.org ClaimReview JSON-LD of a reviewed claim. Public: no key needed."""

    required_scopes = {"GET": ()}
    renderer_classes = [JsonLdRenderer, JSONRenderer]
    # The same document for everyone: shared caches may keep it a few minutes.
    cache_control = "public, max-age=300"

    @extend_schema(
        operation_id="claims_claimreview_retrieve",
        parameters=[
            IF_NONE_MATCH,
            OpenApiParameter(
                "format",
                enum=["jsonld", "json"],
                required=False,
                description="Response media type: application/ld+json (default) or application/json; "
                "the Accept header does the same.",
            ),
        ],
        responses={
            200: OpenApiResponse(
                CLAIMREVIEW_SCHEMA,
                description="A schema.org ClaimReview document (see docs/api.md for the rating scale).",
            ),
            **NOT_MODIFIED,
            **errors(400, 401, 404, 406, 429),
        },
        auth=[],
    )
    def get(self, request, claim_id: int):
        claim = selectors.published_claim_get(claim_id)
        if claim is None or not is_published(claim):
            # Same answer as for a missing claim: unpublished verdicts stay private.
            raise _not_found("published claim review", claim_id)
        return Response(claim_review_document(claim))


# --- speakers -----------------------------------------------------------------------------------------

SPEAKER_ORDERINGS = orderings("name", "id")


class SpeakerOut(Fast):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Speaker.Kind.choices)
    claims = serializers.SerializerMethodField(help_text="The speaker's claims (claims/?speaker=id).")
    claim_counts = VerdictCounts(source="verdict_counts")
    aliases = serializers.SerializerMethodField(help_text="Other names of the speaker, as mentioned in articles.")
    wikidata_id = serializers.CharField(help_text='The Wikidata item (e.g. "Q42"), or "" when not known.')
    description = serializers.CharField()

    class Meta:
        ref_name = "Speaker"

    @extend_schema_field(serializers.URLField())
    def get_url(self, s: Speaker) -> str:
        return self.context["urls"].speaker(s.pk)

    @extend_schema_field(serializers.URLField())
    def get_claims(self, s: Speaker) -> str:
        return self.context["urls"].claims_of("speaker", s.pk)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_aliases(self, s: Speaker) -> list[str]:
        return [a.name for a in s.aliases.all()]

    @staticmethod
    def represent(s: Speaker, context: dict) -> dict[str, Any]:
        return {
            **(SpeakerRef.represent(s, context) or {}),
            "claims": context["urls"].claims_of("speaker", s.id),
            "claim_counts": s.verdict_counts,
            "aliases": [a.name for a in s.aliases.all()],
            "wikidata_id": s.wikidata_id,
            "description": s.description,
        }


class SpeakerListApi(ApiView):
    """Speakers, with the number of their claims by verdict."""

    class FilterSerializer(ListParams):
        ordering = _ordering_field(SPEAKER_ORDERINGS, "name", feed=True)
        q = serializers.CharField(required=False, max_length=200, help_text="Part of the name.")

        class Meta:
            ref_name = "SpeakerFilter"

    @extend_schema(
        operation_id="speakers_list",
        parameters=[FilterSerializer, IF_NONE_MATCH],
        responses={200: page_of(SpeakerOut, "SpeakerPage"), **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        params = self.query(self.FilterSerializer)
        viewer = self.viewer()
        queryset = selectors.speakers_filtered(q=params.get("q"), viewer=viewer)
        page = _list_page(params, queryset, Change.Kind.SPEAKER, SPEAKER_ORDERINGS, viewer)
        selectors.attach_verdict_counts(page.items, "speaker_id", viewer=viewer)
        context = self.context()
        return self.page_response(page, [SpeakerOut.represent(s, context) for s in page.items])


class SpeakerMovedOut(serializers.Serializer):
    merged_into = serializers.IntegerField(help_text="The id of the speaker this one was merged into.")
    url = serializers.URLField(help_text="That speaker in the API (also the Location header).")

    class Meta:
        ref_name = "SpeakerMoved"


class SpeakerDetailApi(ApiView):
    @extend_schema(
        operation_id="speakers_retrieve",
        parameters=[
            IF_NONE_MATCH,
            OpenApiParameter(
                "Location",
                location=OpenApiParameter.HEADER,
                response=[301],
                type=OpenApiTypes.URI,
                description="The speaker this one was merged into.",
            ),
        ],
        responses={
            200: SpeakerOut,
            301: OpenApiResponse(
                SpeakerMovedOut, description="Merged into another speaker by an editor: follow Location."
            ),
            **NOT_MODIFIED,
            **errors(*READ_ERRORS),
        },
    )
    def get(self, request, speaker_id: int):
        speaker = selectors.speaker_get(speaker_id, viewer=self.viewer())
        if speaker is None:
            into = claim_selectors.speaker_merged_into(speaker_id)
            if into is None:
                raise _not_found("speaker", speaker_id)
            url = self.context()["urls"].speaker(into)
            return Response(
                {"merged_into": into, "url": url}, status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": url}
            )
        return Response(SpeakerOut.represent(speaker, self.context()))


# --- sync: tombstones ---------------------------------------------------------------------------------


class TombstoneOut(Fast):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Tombstone.Kind.choices, help_text="What was removed.")
    object_id = serializers.IntegerField(help_text="The id of the removed article or claim.")
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    merged_into = serializers.SerializerMethodField(
        help_text="For a merged speaker: the id of the speaker it was merged into (null otherwise)."
    )

    class Meta:
        ref_name = "Tombstone"

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_merged_into(self, t: Tombstone) -> int | None:
        return getattr(t, "merged_into", None)

    @staticmethod
    def represent(t: Tombstone, context: dict) -> dict[str, Any]:
        return {
            "id": t.id,
            "kind": t.kind,
            "object_id": t.object_id,
            "reason": t.reason,
            "created_at": iso(t.created_at),
            "merged_into": getattr(t, "merged_into", None),
        }


class TombstoneListApi(ApiView):
    """Removed or retracted claims and articles, and merged speakers, oldest first: a mirror deletes its
    copies of them (a merged speaker's claims come again in the claims feed, with the kept speaker)."""

    class FilterSerializer(ListParams):
        since = serializers.DateTimeField(required=False, help_text="Only tombstones created after this.")
        kind = serializers.ChoiceField(choices=Tombstone.Kind.choices, required=False)

        class Meta:
            ref_name = "TombstoneFilter"

    @extend_schema(
        operation_id="tombstones_list",
        parameters=[FilterSerializer, IF_NONE_MATCH],
        responses={200: page_of(TombstoneOut, "TombstonePage"), **NOT_MODIFIED, **errors(*READ_ERRORS)},
    )
    def get(self, request):
        params = self.query(self.FilterSerializer)
        queryset = selectors.tombstones_since(since=params.get("since"), kind=params.get("kind"))
        # Always the change feed: tombstones in the order they were committed.
        page = _feed_page(params, queryset, Change.Kind.TOMBSTONE, self.viewer())
        context = self.context()
        return self.page_response(page, [TombstoneOut.represent(t, context) for t in page.items])
