"""Submitting articles and storing what the extraction engine finds in them."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import extraction
from claims.errors import ApplicationError, NotFound, PermissionDenied
from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, Speaker, Tombstone, Verdict

logger = logging.getLogger(__name__)


def body_hash(body: str) -> str:
    """Hash of the body with white space folded, so a re-submission with other line breaks is a duplicate."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SubmitResult:
    article: Article
    created: bool


def outlet_for_url(url: str | None) -> Outlet | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    outlet, _ = Outlet.objects.get_or_create(domain=host, defaults={"name": host})
    return outlet


def _published_datetime(published: date | datetime | None) -> datetime | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published if timezone.is_aware(published) else published.replace(tzinfo=UTC)
    return datetime.combine(published, time(12, 0), tzinfo=UTC)


def article_submit(
    *,
    body: str,
    title: str = "",
    url: str | None = None,
    published: date | datetime | None = None,
    outlet: Outlet | None = None,
    byline: str = "",
    language: str = "en",
    raw_html: str = "",
    submitted_by=None,
) -> SubmitResult:
    """Store an article (or return the existing one with the same URL or body) and enqueue extraction.

    Deduplication is by canonical URL when given, else by the hash of the body.
    """
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not body.strip():
        raise ApplicationError("The article has no text.", fields={"body": ["This field may not be blank."]})
    if len(body) > settings.REGISTRY_MAX_ARTICLE_CHARS:
        raise ApplicationError(
            f"The article is longer than {settings.REGISTRY_MAX_ARTICLE_CHARS:,} characters.",
            fields={"body": ["Too long."]},
            code="too_long",
        )
    url = clean_article_url(url)
    digest = body_hash(body)
    existing = _existing_article(url, digest)
    if existing is not None:
        return SubmitResult(existing, False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                body=body,
                body_hash=digest,
                title=title[:500] or _first_line(body)[:500],
                url=url,
                published_at=_published_datetime(published),
                outlet=outlet or outlet_for_url(url),
                byline=byline[:500],
                language=language or "en",
                raw_html=raw_html,
                submitted_by=submitted_by,
            )
            article_enqueue_extraction(article=article)
    except IntegrityError:
        # A concurrent submission of the same URL or text won the race (both are unique in the
        # database): answer with its article, as a later submission would get.
        existing = _existing_article(url, digest)
        if existing is None:
            raise
        return SubmitResult(existing, False)
    return SubmitResult(article, True)


def _existing_article(url: str | None, digest: str) -> Article | None:
    if url:
        found = Article.objects.filter(url=url).first()
        if found is not None:
            return found
    if digest:
        return Article.objects.filter(body_hash=digest).order_by("id").first()
    return None


_URL_VALIDATOR = URLValidator(schemes=["http", "https"])


def clean_article_url(url: object) -> str | None:
    """An article's canonical URL: http(s) only (it is shown as a link), at most 2,000 characters."""
    if url in (None, ""):
        return None
    if not isinstance(url, str):
        raise ApplicationError("The URL must be text.", fields={"url": ["Enter a valid URL."]})
    url = url.strip()
    if len(url) > 2000:
        raise ApplicationError("The URL is longer than 2,000 characters.", fields={"url": ["Too long."]})
    try:
        _URL_VALIDATOR(url)
    except ValidationError:
        raise ApplicationError(
            f"{url[:100]!r} is not an http or https URL.", fields={"url": ["Enter a valid http or https URL."]}
        ) from None
    return url


class FetchDeferred(Exception):
    """The host asked us to wait (or our per-host limit was full): try the fetch again later."""


def article_submit_url(
    *,
    url: str,
    published: date | datetime | None = None,
    outlet: Outlet | None = None,
    title: str = "",
    submitted_by=None,
) -> SubmitResult:
    """Register an article by its URL; the page is fetched (safely) and extracted in the background.

    The URL is checked against the fetcher's policy now, so a private or malformed address is
    refused to the person submitting it instead of failing later in a worker.
    """
    from claims import fetching

    url = clean_article_url(url) or ""
    why = fetching.url_refusal(url, fetching.FetchPolicy.from_settings()) if url else "no URL given"
    if why:
        raise ApplicationError(f"This URL cannot be fetched: {why}.", fields={"url": [why]}, code="url_refused")
    existing = _existing_article(url, "")
    if existing is not None:
        return SubmitResult(existing, False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                body="",
                body_hash="",
                title=title[:500],
                url=url,
                published_at=_published_datetime(published),
                outlet=outlet or outlet_for_url(url),
                status=Article.Status.FETCHING,
                submitted_by=submitted_by,
            )
            article_enqueue_extraction(article=article)
    except IntegrityError:
        existing = _existing_article(url, "")
        if existing is None:
            raise
        return SubmitResult(existing, False)
    return SubmitResult(article, True)


def article_fetch(*, article_id: int) -> Article:
    """Fetch the page of an article submitted by URL and store its main text (status -> pending).

    Network trouble never raises, except a deferral the task retries later; a page that is not an
    article (an error status, a PDF, no readable text) marks the article failed with the reason.
    """
    from claims import fetching
    from claims.extraction.html import HtmlError, from_html

    article = Article.objects.get(pk=article_id)
    if article.status != Article.Status.FETCHING:
        return article
    result = fetching.fetch(article.url or "")
    if result.deferred:
        raise FetchDeferred(result.error or f"HTTP {result.status_code}")

    def fail(reason: str) -> Article:
        Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
            status=Article.Status.FAILED, status_error=f"Could not fetch {article.url}: {reason}"[:2000]
        )
        article.refresh_from_db()
        return article

    if not result.ok:
        return fail(result.error or f"the page answered HTTP {result.status_code}")
    title, published, byline, raw_html = article.title, article.published_at, article.byline, ""
    if result.kind == "html":
        raw_html = result.body.decode(result.charset or "utf-8", errors="replace")
        try:
            page = from_html(raw_html, url=result.final_url or article.url)
        except HtmlError as exc:
            return fail(f"no article text found in the page ({exc})")
        body = page.text
        title = title or page.title or ""
        byline = byline or page.byline or ""
        published = published or _published_datetime(page.published)
    elif result.kind == "text":
        body = result.text() or ""
    else:
        return fail(f"the page is {result.content_type or 'not text'}, not an article")
    body = body.replace("\r\n", "\n").replace("\x00", "")
    if not body.strip():
        return fail("the page has no readable text")
    if len(body) > settings.REGISTRY_MAX_ARTICLE_CHARS:
        return fail(f"the text is longer than {settings.REGISTRY_MAX_ARTICLE_CHARS:,} characters")
    digest = body_hash(body)
    twin = Article.objects.filter(body_hash=digest).exclude(pk=article_id).first()
    if twin is not None:
        return fail(f"the page has the same text as article {twin.pk}, which is already in the registry")
    try:
        with transaction.atomic():
            Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
                body=body,
                body_hash=digest,
                title=(title or _first_line(body))[:500],
                byline=byline[:500],
                published_at=published,
                raw_html=raw_html,
                status=Article.Status.PENDING,
                status_error="",
                updated_at=timezone.now(),
            )
    except IntegrityError:  # the same text arrived meanwhile
        return fail("the page has the same text as an article submitted meanwhile")
    article.refresh_from_db()
    return article


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return ""


def article_enqueue_extraction(*, article: Article) -> None:
    """Queue extraction once the surrounding transaction commits (never for rows a rollback undoes)."""
    article_id = article.pk
    transaction.on_commit(lambda: _send_extraction(article_id))


def _send_extraction(article_id: int) -> None:
    from claims.tasks import extract_article  # tasks import services: import late to avoid a cycle

    try:
        extract_article.delay(article_id)
    except Exception:
        # Broker down (or, in-process, the extraction itself failed and recorded its error on the
        # article): the request that submitted the article must still succeed; the sweeper
        # re-enqueues articles left pending.
        logger.warning("extraction of article %s was not completed now", article_id, exc_info=True)


def article_request_reextraction(*, article: Article) -> None:
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PENDING, status_error="")
        article_enqueue_extraction(article=article)


_KEY_RE = re.compile(r"[^\w]+")


def speaker_key(name: str) -> str:
    return _KEY_RE.sub(" ", name.casefold()).strip()


def speaker_get_or_create(*, name: str) -> Speaker | None:
    name = " ".join(name.split())[:300]
    key = speaker_key(name)
    if not key:
        return None
    kind = Speaker.Kind.PERSON if _looks_like_person(name) else Speaker.Kind.UNKNOWN
    speaker, _ = Speaker.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})
    return speaker


_ORG_WORDS = {
    "agency",
    "ministry",
    "department",
    "council",
    "government",
    "office",
    "news",
    "committee",
    "association",
    "police",
    "company",
    "group",
    "university",
    "institute",
    "service",
    "union",
}


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not ({w.lower() for w in words} & _ORG_WORDS)
    )


def _validate_offsets(body: str, found: extraction.Claim) -> None:
    if not (0 <= found.start <= found.end <= len(body)) or body[found.start : found.end] != found.text:
        raise ApplicationError(f"extractor returned offsets outside the article: {found.start}..{found.end}")


def _published_date(article: Article) -> date | None:
    return article.published_at.date() if article.published_at else None


def _claim_started(article_id: int) -> bool:
    """Compare-and-set the status to extracting; False when another run finished it already."""
    now = timezone.now()
    return bool(
        Article.objects.filter(pk=article_id)
        .exclude(status=Article.Status.DONE, extractor_version=extraction.VERSION)
        .update(status=Article.Status.EXTRACTING, extraction_started_at=now, status_error="", updated_at=now)
    )


def article_extract(*, article_id: int, force: bool = False) -> Article:
    """Run the engine on one article and store its claims, replacing the previous run's.

    Idempotent: an article already extracted by this engine version is left alone (unless
    forced), and a re-run replaces claims instead of adding to them. Reviewed claims keep their
    verdict, sources and history when their sentence is still in the article (matched by text);
    a reviewed claim whose sentence is gone is flagged for re-review, never deleted.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        raise NotFound(f"Article {article_id} does not exist.")
    if article.status == Article.Status.FETCHING:
        article = article_fetch(article_id=article_id)
        if article.status != Article.Status.PENDING:
            return article  # failed to fetch: the reason is on the article
    if force:
        Article.objects.filter(pk=article_id).update(status=Article.Status.PENDING)
    if not _claim_started(article_id):
        return article
    Article.objects.filter(pk=article_id).update(extraction_attempts=article.extraction_attempts + 1)
    try:
        found = extraction.extract(article.body, _published_date(article))
        for claim in found:
            _validate_offsets(article.body, claim)
        with transaction.atomic():
            locked = Article.objects.select_for_update().get(pk=article_id)
            _store_claims(locked, found)
            now = timezone.now()
            Article.objects.filter(pk=article_id).update(
                status=Article.Status.DONE,
                extractor_version=extraction.VERSION,
                extracted_at=now,
                status_error="",
                updated_at=now,
            )
    except Exception as exc:
        Article.objects.filter(pk=article_id).update(
            status=Article.Status.FAILED, status_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise
    article.refresh_from_db()
    return article


def _date_rows(rows) -> list[tuple]:
    return sorted((r.text, r.start, r.end, r.value, r.value_end, r.granularity) for r in rows)


def _place_rows(rows) -> list[tuple]:
    return sorted((r.text, r.start, r.end, r.kind, r.code) for r in rows)


def _store_claims(article: Article, found: list[extraction.Claim]) -> None:
    existing: dict[str, list[Claim]] = {}
    # Lock the article's claims: a reviewer saving a verdict meanwhile waits, and is never overwritten,
    # because only the engine's fields are written back below.
    claims_before = (
        Claim.objects.select_for_update(of=("self",))
        .filter(article=article)
        .select_related("speaker")
        .prefetch_related("dates", "places")
    )
    for old in claims_before.order_by("position"):
        existing.setdefault(old.text, []).append(old)
    keep_ids: set[int] = set()
    for position, item in enumerate(found):
        speaker = speaker_get_or_create(name=item.speaker) if item.speaker else None
        fields = dict(
            position=position,
            start=item.start,
            end=item.end,
            kind=item.kind,
            quote=item.quote or "",
            speaker=speaker,
            speaker_role=(item.role or "")[:300],
            attribution_cue=(item.cue or "")[:300],
            checkworthiness=max(0.0, min(1.0, float(item.checkworthiness))),
        )
        new_dates = [
            ClaimDate(
                text=d.text[:200],
                start=d.start,
                end=d.end,
                value=d.value,
                value_end=d.value_end or "",
                granularity=d.granularity,
            )
            for d in item.dates
        ]
        new_places = [
            ClaimPlace(text=p.text[:300], start=p.start, end=p.end, kind=p.kind, code=p.code or "") for p in item.places
        ]
        matches = existing.get(item.text)
        if matches:
            claim = matches.pop(0)
            changed = {k: v for k, v in fields.items() if getattr(claim, k) != v}
            same_dates = _date_rows(claim.dates.all()) == _date_rows(new_dates)
            same_places = _place_rows(claim.places.all()) == _place_rows(new_places)
            if not same_dates:
                claim.dates.all().delete()
            if not same_places:
                claim.places.all().delete()
            if changed or not same_dates or not same_places:
                # A new version and update time, so API mirrors syncing by update time see the change;
                # only the engine's fields are written, never the verdict or its history.
                Claim.objects.filter(pk=claim.pk).update(**changed, version=F("version") + 1, updated_at=timezone.now())
        else:
            claim = Claim.objects.create(article=article, text=item.text, **fields)
            same_dates = same_places = False
        keep_ids.add(claim.pk)
        if not same_dates:
            for row in new_dates:
                row.claim = claim
            ClaimDate.objects.bulk_create(new_dates)
        if not same_places:
            for place_row in new_places:
                place_row.claim = claim
            ClaimPlace.objects.bulk_create(new_places)
    gone = Claim.objects.filter(article=article).exclude(pk__in=keep_ids)
    # Anything a reviewer touched (verdict, evidence, history) is kept and flagged, never deleted.
    worked_on = gone.filter(
        ~Q(verdict=Verdict.UNREVIEWED) | Q(sources__isnull=False) | Q(reviews__isnull=False)
    ).distinct()
    reviewed_ids = list(worked_on.values_list("pk", flat=True))
    Claim.objects.filter(pk__in=reviewed_ids, needs_recheck=False).update(
        needs_recheck=True,
        recheck_reason="Its sentence is no longer in the article after re-extraction.",
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    drop = list(gone.exclude(pk__in=reviewed_ids).values_list("pk", flat=True))
    if drop:
        Tombstone.objects.bulk_create(
            Tombstone(kind=Tombstone.Kind.CLAIM, object_id=pk, reason="removed by re-extraction") for pk in drop
        )
        Claim.objects.filter(pk__in=drop).delete()


def article_retract(*, article_id: int, user, reason: str) -> Article:
    """Withdraw an article: its claims leave the API and public pages; nothing is deleted.

    Writes tombstones for the article and each of its claims so that API mirrors delete their
    copies. Editors only, because it hides reviewed work from every newsroom.
    """
    from claims.permissions import is_editor

    if user is not None and not is_editor(user):
        raise PermissionDenied("Only editors may retract an article.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ApplicationError("Say why the article is retracted.", fields={"reason": ["This field is required."]})
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            raise NotFound(f"Article {article_id} does not exist.")
        if article.retracted_at is not None:
            return article
        article.retracted_at = timezone.now()
        article.save(update_fields=["retracted_at", "updated_at"])
        claim_ids = list(article.claims.values_list("pk", flat=True))
        Tombstone.objects.bulk_create(
            [Tombstone(kind=Tombstone.Kind.ARTICLE, object_id=article.pk, reason=f"retracted: {reason}"[:200])]
            + [Tombstone(kind=Tombstone.Kind.CLAIM, object_id=pk, reason="article retracted") for pk in claim_ids]
        )
    logger.info("article %s retracted by %s: %s", article_id, getattr(user, "pk", "system"), reason)
    return article
