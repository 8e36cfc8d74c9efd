"""Reads for the API: filtered, prefetched querysets with a constant number of queries per page."""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Case, Count, Exists, Model, OuterRef, Prefetch, Q, QuerySet, Subquery, When

from claims import selectors as claim_selectors
from claims.models import (
    Article,
    ArticleRevision,
    Claim,
    ClaimDate,
    ClaimPlace,
    Review,
    SourceLink,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    Tombstone,
    Verdict,
)

# The text-search configuration; api/migrations create the matching GIN index on PostgreSQL.
SEARCH_CONFIG = "english"
_WORD_RE = re.compile(r"\w+")


_ARTICLE_TEXT = ("article__body", "article__raw_html", "article__status_error")


# --- visibility between newsrooms (docs/api.md, "Visibility") ---------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """Who reads, as far as visibility goes: every read selector takes one.

    `everything`: reviewers (and every reader when REGISTRY_OPEN_VISIBILITY is on) see all. Otherwise a
    reader sees reviewed claims and every article's metadata; the body of an article an organisation
    submitted, and its claims until reviewed, only when `organisation_id` is that organisation; content
    with no organisation (ingested in the admin, or through keys without one) when `shared` (every key).
    """

    everything: bool = False
    organisation_id: int | None = None
    shared: bool = False

    @property
    def audience(self) -> str:
        """What this viewer sees, as a short token: feed cursors carry it (api.pagination)."""
        if self.everything:
            return "*"
        return f"o{self.organisation_id or ''}{'' if self.shared else 'p'}"


EVERYTHING = Viewer(everything=True)
PUBLIC = Viewer()  # without credentials: reviewed claims only


def viewer_for(*, is_reviewer: bool, has_key: bool, organisation_id: int | None) -> Viewer:
    """The one place where the visibility setting and the reader's role and organisation meet."""
    from django.conf import settings

    if is_reviewer or (settings.REGISTRY_OPEN_VISIBILITY and (has_key or organisation_id is not None)):
        return EVERYTHING
    if not has_key:
        return PUBLIC
    return Viewer(organisation_id=organisation_id, shared=True)


def _claim_visibility(viewer: Viewer) -> Q | None:
    """The condition on the claims `viewer` may see; None: no condition."""
    if viewer.everything:
        return None
    condition = ~Q(verdict=Verdict.UNREVIEWED)
    if viewer.shared:
        condition |= Q(article__submitted_by_organisation__isnull=True)
    if viewer.organisation_id is not None:
        condition |= Q(article__submitted_by_organisation_id=viewer.organisation_id)
    return condition


def claim_visible_to(viewer: Viewer, *, verdict: str, owner_organisation_id: int | None) -> bool:
    """_claim_visibility for one claim already read (its verdict and its article's organisation): the
    webhook dispatcher decides with it which newsrooms' endpoints hear of the claim."""
    if viewer.everything or verdict != Verdict.UNREVIEWED:
        return True
    if owner_organisation_id is None:
        return viewer.shared
    return owner_organisation_id == viewer.organisation_id


def article_body_visible(article: Article, viewer: Viewer) -> bool:
    """Whether `viewer` may read the article's text (its metadata is visible to every reader)."""
    owner = article.submitted_by_organisation_id
    return (
        viewer.everything
        or (owner is None and viewer.shared)
        or (owner is not None and owner == viewer.organisation_id)
    )


def visible_claims(viewer: Viewer) -> QuerySet[Claim]:
    """Claims `viewer` may see, of articles that have not been retracted (those leave the API)."""
    queryset = Claim.objects.filter(article__retracted_at__isnull=True)
    condition = _claim_visibility(viewer)
    return queryset if condition is None else queryset.filter(condition)


def claims_with_details(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """Everything a claim representation shows: 1 query + 3 prefetches, whatever the page size."""
    # The article's body and HTML can be megabytes: never drag them along with every claim row.
    return (
        queryset.select_related("article", "article__outlet", "speaker")
        .defer(*_ARTICLE_TEXT)
        .prefetch_related(
            *(
                Prefetch(name, queryset=model._default_manager.order_by(*_DETAIL_ORDER[name]))
                for name, model in _DETAIL_MODELS.items()
            )
        )
    )


# The order of each claim's dates, places and sources: the one order claims_with_details prefetches them
# in and claim_details loads them in (the export's pages must equal the list's).
_DETAIL_ORDER: dict[str, tuple[str, ...]] = {
    "dates": ("start", "id"),
    "places": ("start", "id"),
    "sources": ("added_at", "id"),
}
_DETAIL_MODELS: dict[str, type[Model]] = {"dates": ClaimDate, "places": ClaimPlace, "sources": SourceLink}


def _detail_row_type(name: str) -> Any:
    model = _DETAIL_MODELS[name]
    fields = [f.attname for f in model._meta.concrete_fields]
    return namedtuple(f"{model.__name__}Row", fields)


_DETAIL_ROWS = {name: _detail_row_type(name) for name in _DETAIL_MODELS}


@dataclass
class ClaimDetails:
    """A claim's dates, places and sources as light rows: what ClaimOut reads from them, by attribute."""

    dates: list = field(default_factory=list)
    places: list = field(default_factory=list)
    sources: list = field(default_factory=list)


def claim_details(claim_ids: list[int]) -> dict[int, ClaimDetails]:
    """The dates, places and sources of many claims in three queries, as named tuples in the list's order.

    For bulk reads (the export's chunks): Django's prefetch_related builds a model instance and a
    queryset per related row, which costs several times the query itself.
    """
    out = {pk: ClaimDetails() for pk in claim_ids}
    if not claim_ids:
        return out
    for name, model in _DETAIL_MODELS.items():
        row_type = _DETAIL_ROWS[name]
        rows = (
            model._default_manager.filter(claim_id__in=claim_ids)
            .order_by("claim_id", *_DETAIL_ORDER[name])
            .values_list(*row_type._fields)
        )
        for values in rows:
            row = row_type(*values)
            getattr(out[row.claim_id], name).append(row)
    return out


@dataclass(frozen=True)
class ClaimFilters:
    verdict: list[str] | None = None
    speaker: int | None = None
    outlet: str | None = None
    article: int | None = None
    published_from: date | None = None
    published_to: date | None = None
    needs_recheck: bool | None = None
    q: str | None = None
    updated_since: datetime | None = None


def _day_start(day: date) -> datetime:
    from datetime import UTC

    return datetime.combine(day, time.min, tzinfo=UTC)


def claim_search(queryset: QuerySet[Claim], q: str) -> QuerySet[Claim]:
    """Full-text search on PostgreSQL (stemmed, web-search syntax); word-by-word icontains elsewhere."""
    if connection.vendor == "postgresql":
        vector = SearchVector("text", config=SEARCH_CONFIG)
        return queryset.annotate(search=vector).filter(
            search=SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
        )
    for word in _WORD_RE.findall(q)[:10]:
        queryset = queryset.filter(text__icontains=word)
    return queryset


def claims_filtered(filters: ClaimFilters, *, viewer: Viewer) -> QuerySet[Claim]:
    from datetime import timedelta

    queryset = visible_claims(viewer)
    if filters.verdict:
        queryset = queryset.filter(verdict__in=filters.verdict)
    if filters.speaker is not None:
        queryset = queryset.filter(speaker_id=filters.speaker)
    if filters.outlet:
        queryset = queryset.filter(article__outlet__domain=filters.outlet.lower().removeprefix("www."))
    if filters.article is not None:
        queryset = queryset.filter(article_id=filters.article)
    if filters.published_from:
        queryset = queryset.filter(article__published_at__gte=_day_start(filters.published_from))
    if filters.published_to:
        queryset = queryset.filter(article__published_at__lt=_day_start(filters.published_to) + timedelta(days=1))
    if filters.needs_recheck is not None:
        queryset = queryset.filter(needs_recheck=filters.needs_recheck)
    if filters.updated_since:
        queryset = queryset.filter(updated_at__gt=filters.updated_since)
    if filters.q and _WORD_RE.search(filters.q):
        queryset = claim_search(queryset, filters.q)
    return claims_with_details(queryset)


def claim_get(claim_id: int, *, viewer: Viewer) -> Claim | None:
    return claims_with_details(visible_claims(viewer)).filter(pk=claim_id).first()


def claim_exists(claim_id: int, *, viewer: Viewer) -> bool:
    return visible_claims(viewer).filter(pk=claim_id).exists()


def claim_sources(claim_id: int) -> QuerySet[SourceLink]:
    return SourceLink.objects.filter(claim_id=claim_id).order_by("added_at", "id")


def claim_source_get(claim_id: int, source_id: int, *, viewer: Viewer) -> SourceLink | None:
    """A source link of a claim the API shows to `viewer` (not of a retracted article)."""
    if not claim_exists(claim_id, viewer=viewer):
        return None
    return SourceLink.objects.filter(pk=source_id, claim_id=claim_id).first()


def articles_filtered(
    *, outlet: str | None = None, updated_since: datetime | None = None, status: str | None = None
) -> QuerySet[Article]:
    queryset = Article.objects.filter(retracted_at__isnull=True).select_related("outlet")
    if outlet:
        queryset = queryset.filter(outlet__domain=outlet.lower().removeprefix("www."))
    if updated_since:
        queryset = queryset.filter(updated_at__gt=updated_since)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def article_get(article_id: int, *, viewer: Viewer) -> Article | None:
    """One article (every reader sees its metadata; check article_body_visible before showing its body)."""
    article = articles_filtered().filter(pk=article_id).first()
    if article is not None:
        attach_verdict_counts([article], "article_id", viewer=viewer)
    return article


@dataclass(frozen=True)
class RevisionRow:
    """One text of an article: an earlier one (an ArticleRevision) or the current one (from the article)."""

    article_id: int
    number: int
    current: bool
    title: str
    byline: str
    published_at: datetime | None
    body_hash: str
    submitted_at: datetime
    replaced_at: datetime | None
    body: str | None = None  # loaded only for one revision


def article_revisions(article: Article, *, number: int | None = None) -> list[RevisionRow]:
    """The texts of an article, oldest first (or only revision `number`, with its body)."""
    earlier = ArticleRevision.objects.filter(article=article).order_by("number")
    if number is None:
        earlier = earlier.defer("body", "raw_html")
    else:
        earlier = earlier.filter(number=number).defer("raw_html")
    rows = [
        RevisionRow(
            article_id=article.pk,
            number=r.number,
            current=False,
            title=r.title,
            byline=r.byline,
            published_at=r.published_at,
            body_hash=r.body_hash,
            submitted_at=r.submitted_at,
            replaced_at=r.replaced_at,
            body=r.body if number is not None else None,
        )
        for r in earlier
    ]
    if article.body and (number is None or number == article.revision):
        rows.append(
            RevisionRow(
                article_id=article.pk,
                number=article.revision,
                current=True,
                title=article.title,
                byline=article.byline,
                published_at=article.published_at,
                body_hash=article.body_hash,
                submitted_at=article.revised_at or article.created_at,
                replaced_at=None,
                body=article.body if number is not None else None,
            )
        )
    return rows


def article_retracted_at(article_id: int) -> datetime | None:
    """When the article was retracted (its API answer is then 410 Gone), or None."""
    return Article.objects.filter(pk=article_id).values_list("retracted_at", flat=True).first()


def visible_speakers(viewer: Viewer) -> QuerySet[Speaker]:
    """Speakers `viewer` may see: those named by a claim it sees, or by no claim at all (a speaker known
    only from another newsroom's unreviewed claims would tell what its private article says)."""
    if viewer.everything:
        return Speaker.objects.all()
    return Speaker.objects.filter(
        Exists(visible_claims(viewer).filter(speaker_id=OuterRef("pk")))
        | ~Exists(Claim.objects.filter(speaker_id=OuterRef("pk")))
    )


def speakers_filtered(*, q: str | None = None, viewer: Viewer) -> QuerySet[Speaker]:
    """Speakers with their aliases; `q` finds a part of the canonical name or of an alias."""
    queryset = visible_speakers(viewer).prefetch_related("aliases")
    if q:
        queryset = queryset.filter(
            Q(name__icontains=q) | Q(pk__in=SpeakerAlias.objects.filter(name__icontains=q).values("speaker_id"))
        )
    return queryset


def speaker_get(speaker_id: int, *, viewer: Viewer) -> Speaker | None:
    speaker = visible_speakers(viewer).prefetch_related("aliases").filter(pk=speaker_id).first()
    if speaker is not None:
        attach_verdict_counts([speaker], "speaker_id", viewer=viewer)
    return speaker


def attach_verdict_counts(objects: list, claim_fk: str, *, viewer: Viewer) -> None:
    """Set `verdict_counts` ({verdict: n, ..., "total": n}) on each article or speaker of a page: the
    claims `viewer` sees (another newsroom's unreviewed claims are not counted).

    One grouped query for the page, after pagination, so the cost follows the page and not the table.
    """
    counts = {obj.pk: dict.fromkeys([*Verdict.values, "total"], 0) for obj in objects}
    if counts:
        rows = (
            visible_claims(viewer)
            .filter(**{f"{claim_fk}__in": list(counts)})
            .values_list(claim_fk, "verdict")
            .annotate(n=Count("id"))
            .order_by()
        )
        for owner, verdict, n in rows:
            counts[owner][verdict] = n
            counts[owner]["total"] += n
    for obj in objects:
        obj.verdict_counts = counts[obj.pk]


def tombstones_since(*, since: datetime | None = None, kind: str | None = None) -> QuerySet[Tombstone]:
    """Tombstones, each with `merged_into`: the kept speaker's id for a merged speaker, else None."""
    merged_into = SpeakerMerge.objects.filter(from_id=OuterRef("object_id")).values("into_id")[:1]
    queryset = Tombstone.objects.annotate(
        merged_into=Case(When(kind=Tombstone.Kind.SPEAKER, then=Subquery(merged_into)), default=None)
    )
    if since:
        queryset = queryset.filter(created_at__gt=since)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def published_claims() -> QuerySet[Claim]:
    """Claims whose verdict is published (reviewed) -- the only claims shown without a key: the public
    claim pages, their ClaimReview documents, the DataFeed and the sitemap."""
    return visible_claims(PUBLIC).exclude(verdict=Verdict.UNREVIEWED)


def published_claim_get(claim_id: int) -> Claim | None:
    """A published claim with `first_verdict_at` and `last_verdict_at`: when it first got a verdict and
    when its review last changed (its ClaimReview's datePublished and dateModified)."""
    verdicts = Review.objects.filter(claim_id=OuterRef("pk")).exclude(to_verdict=Verdict.UNREVIEWED)
    return (
        claims_with_details(published_claims())
        .annotate(
            first_verdict_at=Subquery(verdicts.order_by("created_at", "id").values("created_at")[:1]),
            last_verdict_at=Subquery(verdicts.order_by("-created_at", "-id").values("created_at")[:1]),
        )
        .filter(pk=claim_id)
        .first()
    )


def published_claim_reviews() -> QuerySet[Claim]:
    """Published claims with what a ClaimReview document shows (no dates, places or sources to prefetch)."""
    return published_claims().select_related("article", "article__outlet", "speaker").defer(*_ARTICLE_TEXT)


def published_claim_pages() -> QuerySet:
    """(id, updated_at) of every published claim in id order: the sitemap's rows, nothing more loaded."""
    return published_claims().order_by("pk").values_list("pk", "updated_at")


def _in_order(ids: list[int], viewer: Viewer) -> dict[int, Claim]:
    return {c.pk: c for c in claims_with_details(visible_claims(viewer).filter(pk__in=ids))}


def claim_matches(claim_id: int, *, viewer: Viewer) -> list[tuple[Claim, float, dict]]:
    """A claim's stored likely earlier checks (reviewed claims), best first, as (claim, score, why)."""
    rows = list(claim_selectors.claim_matches(claim_id).values_list("matched_id", "score", "why"))
    claims = _in_order([pk for pk, _, _ in rows], viewer)
    return [(claims[pk], score, why) for pk, score, why in rows if pk in claims]


def claims_matching_text(
    text: str, *, limit: int, speaker: str = "", viewer: Viewer
) -> list[tuple[Claim, float, dict]]:
    """The reviewed claims most likely to state the same fact as `text` (a draft), best first."""
    from claims.services.matching import text_matches

    found = text_matches(text, speaker=speaker, limit=limit)
    claims = _in_order([f.claim_id for f in found], viewer)
    return [(claims[f.claim_id], f.score, f.why) for f in found if f.claim_id in claims]
