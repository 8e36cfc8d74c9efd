"""Submitting articles and storing what the extraction engine finds in them."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import extraction, validators
from claims.canonical_url import canonical_url, url_key
from claims.errors import ApplicationError, Conflict, Gone, NotFound, PermissionDenied
from claims.models import (
    Article,
    ArticleRevision,
    Change,
    Claim,
    ClaimDate,
    ClaimPlace,
    Outlet,
    Tombstone,
    Verdict,
)
from claims.services.changes import changes_record
from claims.services.speakers import speaker_get_or_create

logger = logging.getLogger(__name__)


def body_hash(body: str) -> str:
    """Hash of the body with white space folded, so a re-submission with other line breaks is a duplicate."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SubmitResult:
    article: Article
    created: bool
    # A correction: the article's URL came with other text, which is now its current revision.
    revised: bool = False


def outlet_for_url(url: str | None) -> Outlet | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    outlet, _ = Outlet.objects.get_or_create(domain=host, defaults={"name": host})
    return outlet


# The plausible publication dates, defined once with the forms' check (claims.validators).
PUBLISHED_EARLIEST = validators.EARLIEST_PUBLICATION
PUBLISHED_MAX_DAYS_AHEAD = validators.FUTURE_SLACK.days


def _published_day(published: date | datetime) -> date:
    if isinstance(published, datetime):
        return (published if timezone.is_naive(published) else published.astimezone(UTC)).date()
    return published


def published_latest() -> date:
    return timezone.now().date() + timedelta(days=PUBLISHED_MAX_DAYS_AHEAD)


def published_plausible(published: date | datetime | None) -> bool:
    """Whether a publication date can be true: from 1900 to a couple of days from now."""
    return published is None or PUBLISHED_EARLIEST <= _published_day(published) <= published_latest()


def published_check(published: date | datetime | None) -> None:
    """Refuse an implausible publication date (400 on the field `published`)."""
    if published is not None and not published_plausible(published):  # no date is always plausible
        day = _published_day(published)
        raise ApplicationError(
            f"The publication date {day.isoformat()} cannot be right: give a date from "
            f"{PUBLISHED_EARLIEST.isoformat()} to {published_latest().isoformat()} "
            f"(at most {PUBLISHED_MAX_DAYS_AHEAD} days from today).",
            fields={"published": [f"Give a date from {PUBLISHED_EARLIEST.isoformat()} to {published_latest()}."]},
        )


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
    submitted_by_organisation_id: int | None = None,
) -> SubmitResult:
    """Store an article (or return the existing one with the same URL or body) and enqueue extraction.

    Deduplication is by the URL's identity when given (claims.canonical_url: scheme, host case, default
    port, fragment and tracking parameters do not matter), else by the hash of the body. The article's URL
    with other text is a correction: a new revision of that article (article_correct). A retracted
    article is not submitted again (410 Gone). An implausible publication date is refused.
    """
    published_check(published)
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
    correction = dict(body=body, title=title, published=published, byline=byline, raw_html=raw_html)
    existing = _existing_article(url, digest)
    if existing is not None:
        return _existing_or_corrected(existing, url, digest, correction)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                body=body,
                body_hash=digest,
                title=title[:500] or _first_line(body)[:500],
                **_url_fields(url),
                published_at=_published_datetime(published),
                outlet=outlet or outlet_for_url(url),
                byline=byline[:500],
                language=language or "en",
                raw_html=raw_html,
                submitted_by=submitted_by,
                submitted_by_organisation_id=submitted_by_organisation_id,
            )
            article_enqueue_extraction(article=article)
    except IntegrityError:
        # A concurrent submission of the same URL or text won the race (both are unique in the
        # database): answer with its article, as a later submission would get.
        existing = _existing_article(url, digest)
        if existing is None:
            raise
        return _existing_or_corrected(existing, url, digest, correction)
    return SubmitResult(article, True)


def _existing_or_corrected(existing: Article, url: str | None, digest: str, correction: dict) -> SubmitResult:
    """The article already stored, or, when it is this URL's with other text, its correction."""
    if url and existing.url_key == url_key(url) and existing.body_hash != digest:
        return article_correct(article_id=existing.pk, **correction)
    return SubmitResult(existing, False)


def article_correct(
    *,
    article_id: int,
    body: str,
    title: str = "",
    published: date | datetime | None = None,
    byline: str = "",
    raw_html: str = "",
) -> SubmitResult:
    """A correction: `body` becomes the article's current text, as a new revision; the old text is kept.

    In one transaction: the current text is archived as an ArticleRevision (an article registered by URL
    whose page was never read has none to archive: `body` is its first text), the article takes the new
    text with status pending, and its claims follow it at once (_claims_follow_text: re-anchored to their
    sentence, or detached and flagged when a reviewed claim's sentence is gone, or removed with a tombstone
    when an unreviewed one's is), so that offsets always index the current text; then the article is
    re-extracted, whose rules (_store_claims) keep every claim a reviewer worked on. Title, byline and date
    change only when given (a title that was the old text's first line follows the new text).

    The same text as the current one again is not a revision (idempotent). A text that is another
    article's is refused (409): one article per text.
    """
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    digest = body_hash(body)
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(pk=article_id).first()
            if article is None:
                raise NotFound(f"No article with id {article_id}.")
            if article.retracted_at is not None:
                raise Gone(f"Article {article_id} was retracted on {article.retracted_at:%Y-%m-%d}.")
            if article.body_hash == digest:
                return SubmitResult(article, False)
            twin = Article.objects.filter(body_hash=digest).exclude(pk=article_id).values_list("pk", flat=True).first()
            if twin is not None:
                raise Conflict(
                    f"This text is already article {twin}: it cannot also be a revision of article {article_id}.",
                    fields={"body": [f"The text of article {twin}."]},
                    subject="this text",
                )
            now = timezone.now()
            revision = article.revision
            if article.body:
                ArticleRevision.objects.create(
                    article=article,
                    number=article.revision,
                    title=article.title,
                    byline=article.byline,
                    published_at=article.published_at,
                    body=article.body,
                    body_hash=article.body_hash,
                    raw_html=article.raw_html,
                    submitted_at=article.revised_at or article.created_at,
                    replaced_at=now,
                )
                revision += 1
            if not title and (not article.title or article.title == _first_line(article.body)[:500]):
                title = _first_line(body)
            Article.objects.filter(pk=article_id).update(
                body=body,
                body_hash=digest,
                raw_html=raw_html,
                title=(title or article.title)[:500],
                byline=(byline or article.byline)[:500],
                published_at=_published_datetime(published) if published is not None else article.published_at,
                revision=revision,
                revised_at=now,
                pending_correction=None,
                status=Article.Status.PENDING,
                status_error="",
                updated_at=now,
            )
            article.refresh_from_db()
            _claims_follow_text(article)
            changes_record(Change.Kind.ARTICLE, [article_id])
            article_enqueue_extraction(article=article)
    except IntegrityError:  # the same text was stored as another article meanwhile
        raise Conflict(
            "This text was submitted as another article meanwhile.", fields={"body": ["Already another article's."]}
        ) from None
    logger.info("article %s corrected: revision %s", article_id, article.revision)
    return SubmitResult(article, False, revised=True)


def _worked_on(claim_ids: Iterable[int]) -> set[int]:
    """The claims a person worked on (a verdict, sources, reviews or comments): never deleted by the engine."""
    return set(
        Claim.objects.filter(pk__in=list(claim_ids))
        .filter(
            ~Q(verdict=Verdict.UNREVIEWED)
            | Q(sources__isnull=False)
            | Q(reviews__isnull=False)
            | Q(comments__isnull=False)  # a discussed claim is kept like a reviewed one
        )
        .values_list("pk", flat=True)
    )


def _claims_follow_text(article: Article) -> None:
    """Move the article's claims onto its new text, before the re-extraction (same transaction as the text).

    A claim whose sentence is in the new text is re-anchored to it (the occurrence nearest its old place;
    dates and places move with it); one whose sentence is gone is detached and flagged for re-review when
    a person worked on it, else removed with a tombstone, as the re-extraction would do.
    """
    body = article.body
    claims = list(
        Claim.objects.select_for_update(of=("self",))
        .filter(article=article)
        .prefetch_related("dates", "places")
        .order_by("position", "id")
    )
    spans = {c.pk: find_span(body, c.text, near=c.start) for c in claims}
    gone = [c.pk for c in claims if spans[c.pk] is None]
    keep = _worked_on(gone)
    now = timezone.now()
    touched: list[int] = []
    for claim in claims:
        span = spans[claim.pk]
        if span is None and claim.pk not in keep:
            continue
        start, end = span if span is not None else (None, None)
        fields: dict = {"start": start, "end": end}
        if span is not None:
            fields["text"] = body[span[0] : span[1]]  # differs from the old text in white space only
        elif not claim.needs_recheck:
            fields.update(needs_recheck=True, recheck_reason=CORRECTED_REASON.format(revision=article.revision))
        changed = {k: v for k, v in fields.items() if getattr(claim, k) != v}
        _reanchor_facts(body, claim, _Anchor(claim, start, end, ()))
        if changed:
            Claim.objects.filter(pk=claim.pk).update(**changed, version=F("version") + 1, updated_at=now)
        touched.append(claim.pk)  # (its article's text changed: logged even when its offsets did not)
    drop = [pk for pk in gone if pk not in keep]
    if drop:
        tombstones = Tombstone.objects.bulk_create(
            Tombstone(kind=Tombstone.Kind.CLAIM, object_id=pk, reason="removed by a correction of the article")
            for pk in drop
        )
        speakers = {c.speaker_id for c in claims if c.pk in set(drop)}
        Claim.objects.filter(pk__in=drop).delete()
        changes_record(Change.Kind.CLAIM, drop, op=Change.Op.DELETE)
        changes_record(Change.Kind.TOMBSTONE, [t.pk for t in tombstones])
        changes_record(Change.Kind.SPEAKER, speakers)
    changes_record(Change.Kind.CLAIM, touched)


def _url_fields(url: str | None) -> dict[str, str | None]:
    if not url:
        return {"url": None, "original_url": "", "url_key": None}
    return {"url": canonical_url(url), "original_url": url, "url_key": url_key(url)}


def _existing_article(url: str | None, digest: str) -> Article | None:
    """The article already stored under this URL (by identity) or with this text; Gone when retracted."""
    found = None
    if url:
        found = Article.objects.filter(url_key=url_key(url)).first()
    if found is None and digest:
        found = Article.objects.filter(body_hash=digest).order_by("id").first()
    if found is None and digest:  # an earlier text of a corrected article
        found = Article.objects.filter(revisions__body_hash=digest).order_by("id").first()
    if found is not None and found.retracted_at is not None:
        raise Gone(
            f"Article {found.pk} ({'this URL' if url and found.url_key == url_key(url) else 'this text'}) "
            f"was retracted on {found.retracted_at:%Y-%m-%d} and cannot be submitted again."
        )
    return found


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


# The longest HTML page accepted, checked before anything reads it (the HTML reader's own bound).
MAX_PAGE_CHARS = 20_000_000


def page_check(html: str) -> str:
    """An HTML page as stored for the worker: NUL removed, not empty, not over MAX_PAGE_CHARS (never parsed here)."""
    html = html.replace("\x00", "")
    if not html.strip():
        raise ApplicationError("The page is empty.", fields={"html": ["This field may not be blank."]})
    if len(html) > MAX_PAGE_CHARS:
        raise ApplicationError(
            f"The page is longer than {MAX_PAGE_CHARS:,} characters.", fields={"html": ["Too long."]}, code="too_long"
        )
    return html


def article_submit_page(
    *,
    html: str,
    title: str = "",
    url: str | None = None,
    published: date | datetime | None = None,
    outlet: Outlet | None = None,
    byline: str = "",
    language: str = "en",
    submitted_by=None,
) -> SubmitResult:
    """Store an article sent as an HTML page, to be read in the background (status `fetching`).

    Reading HTML costs seconds per megabyte of hostile markup (many tiny tags), so a request only checks
    the sizes and stores the page; the worker reads it (article_fetch) and extracts it. With the URL of an
    article already stored: the same page again is that article; another page is a correction, kept in
    `pending_correction` until the worker has read it (article_correction_read). Without a URL, the page's
    text, once read, must not be another article's (the article then fails, naming that article).
    """
    published_check(published)
    html = page_check(html)
    url = clean_article_url(url)
    pending = {"html": html, "title": title, "byline": byline, "published": _published_iso(published)}
    existing = _existing_article(url, "") if url else None
    if existing is not None:
        return _page_correction(existing.pk, pending)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                body="",
                body_hash="",
                title=title[:500],
                **_url_fields(url),
                published_at=_published_datetime(published),
                outlet=outlet or outlet_for_url(url),
                byline=byline[:500],
                language=language or "en",
                raw_html=html,
                status=Article.Status.FETCHING,
                submitted_by=submitted_by,
            )
            article_enqueue_extraction(article=article)
    except IntegrityError:
        existing = _existing_article(url, "")
        if existing is None:
            raise
        return _page_correction(existing.pk, pending)
    return SubmitResult(article, True)


def _published_iso(published: date | datetime | None) -> str | None:
    value = _published_datetime(published)
    return value.isoformat() if value is not None else None


def _page_correction(article_id: int, pending: dict) -> SubmitResult:
    """A page sent for an article already stored under its URL: the same page, or a correction to read."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.retracted_at is not None:
            raise Gone(f"Article {article_id} was retracted on {article.retracted_at:%Y-%m-%d}.")
        waiting = (article.pending_correction or {}).get("html")
        if pending["html"] in (article.raw_html, waiting):
            return SubmitResult(article, False)
        if article.status == Article.Status.FETCHING and not article.body:
            # Not read yet (registered by URL, or an earlier page still waiting): this page is the one to read.
            Article.objects.filter(pk=article_id).update(
                raw_html=pending["html"],
                title=(pending["title"] or article.title)[:500],
                byline=(pending["byline"] or article.byline)[:500],
                published_at=pending["published"] or article.published_at,
                updated_at=timezone.now(),
            )
        else:
            Article.objects.filter(pk=article_id).update(pending_correction=pending, updated_at=timezone.now())
        changes_record(Change.Kind.ARTICLE, [article_id])
        article_enqueue_extraction(article=article)
    article.refresh_from_db()
    return SubmitResult(article, False, revised=True)


def article_correction_read(*, article_id: int) -> Article:
    """Read a correction sent as HTML (in the worker) and apply it (article_correct).

    A page that cannot be read, or whose text is another article's, leaves the article as it was and says
    why in `status_error`.
    """
    from claims.services.article_pages import article_page_read  # that module imports this one

    article = Article.objects.get(pk=article_id)
    pending = article.pending_correction
    if not pending:
        return article
    try:
        page = article_page_read(html=pending["html"], url=article.url)
        article_correct(
            article_id=article_id,
            body=page.text,
            title=pending.get("title") or page.title,
            byline=pending.get("byline") or page.byline,
            published=datetime.fromisoformat(pending["published"]) if pending.get("published") else page.published,
            raw_html=pending["html"],
        )
    except ApplicationError as exc:
        with transaction.atomic():
            Article.objects.filter(pk=article_id).update(
                pending_correction=None,
                status_error=f"The correction sent as HTML was not applied: {exc.message}"[:2000],
                updated_at=timezone.now(),
            )
            changes_record(Change.Kind.ARTICLE, [article_id])
    article.refresh_from_db()
    return article


class FetchDeferred(Exception):
    """The host asked us to wait (or our per-host limit was full): try the fetch again later."""


def article_submit_url(
    *,
    url: str,
    published: date | datetime | None = None,
    outlet: Outlet | None = None,
    title: str = "",
    submitted_by=None,
    submitted_by_organisation_id: int | None = None,
) -> SubmitResult:
    """Register an article by its URL; the page is fetched (safely) and extracted in the background.

    The URL is checked against the fetcher's policy now, so a private or malformed address is
    refused to the person submitting it instead of failing later in a worker.
    """
    from claims import fetching

    published_check(published)
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
                **_url_fields(url),
                published_at=_published_datetime(published),
                outlet=outlet or outlet_for_url(url),
                status=Article.Status.FETCHING,
                submitted_by=submitted_by,
                submitted_by_organisation_id=submitted_by_organisation_id,
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
    from claims.services.article_pages import article_page_read  # that module imports this one

    article = Article.objects.get(pk=article_id)
    if article.status != Article.Status.FETCHING:
        return article
    submitted_page = bool(article.raw_html)  # sent as HTML (article_submit_page): read, not fetched
    result = None if submitted_page else fetching.fetch(article.url or "")
    if result is not None and result.deferred:
        raise FetchDeferred(result.error or f"HTTP {result.status_code}")
    what = "Could not read the page sent" if submitted_page else f"Could not fetch {article.url}"

    def fail(reason: str) -> Article:
        with transaction.atomic():
            Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
                status=Article.Status.FAILED, status_error=f"{what}: {reason}"[:2000]
            )
            changes_record(Change.Kind.ARTICLE, [article_id])
        article.refresh_from_db()
        return article

    if result is not None and not result.ok:
        return fail(result.error or f"the page answered HTTP {result.status_code}")
    title, published, byline, raw_html = article.title, article.published_at, article.byline, ""
    if result is None or result.kind == "html":
        if result is None:
            raw_html, page_url = article.raw_html, article.url
        else:
            raw_html, page_url = result.body.decode(result.charset or "utf-8", errors="replace"), result.final_url
        try:
            page = article_page_read(html=raw_html, url=page_url or article.url)
        except ApplicationError as exc:
            return fail(f"no article text found in the page ({exc.message})")
        body = page.text
        title = title or page.title
        byline = byline or page.byline
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
            changes_record(Change.Kind.ARTICLE, [article_id])
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
    except SoftTimeLimitExceeded:
        raise  # the time limit of the task queueing this one (sweeper, re-extraction): never swallowed
    except Exception:
        # Broker down (or, in-process, the extraction itself failed and recorded its error on the
        # article): the request that submitted the article must still succeed; the sweeper
        # re-enqueues articles left pending.
        logger.warning("extraction of article %s was not completed now", article_id, exc_info=True)


def article_retry(*, article_id: int) -> Article:
    """Queue a failed article again: its fetch when it has no text yet (submitted by URL), else its extraction.

    Only failed articles: a pending or running one is already on its way, a done one is re-extracted
    by the engine-version rules. A retracted article is Gone.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            raise NotFound(f"No article with id {article_id}.")
        if article.retracted_at is not None:
            raise Gone(f"Article {article_id} was retracted on {article.retracted_at:%Y-%m-%d}.")
        if article.status != Article.Status.FAILED:
            raise Conflict(
                f"Only a failed article can be retried; article {article_id} is {article.status}.",
                code="not_failed",
            )
        article.status = Article.Status.PENDING if article.body else Article.Status.FETCHING
        article.status_error = ""
        article.save(update_fields=["status", "status_error", "updated_at"])  # (logged by the save signal)
        article_enqueue_extraction(article=article)
    return article


def article_request_reextraction(*, article: Article) -> None:
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PENDING, status_error="")
        changes_record(Change.Kind.ARTICLE, [article.pk])
        article_enqueue_extraction(article=article)


def _validate_offsets(body: str, found: extraction.Claim) -> None:
    if not (0 <= found.start <= found.end <= len(body)) or body[found.start : found.end] != found.text:
        raise ApplicationError(f"extractor returned offsets outside the article: {found.start}..{found.end}")


def _published_date(article: Article) -> date | None:
    return article.published_at.date() if article.published_at else None


def _claim_started(article_id: int) -> bool:
    """Compare-and-set the status to extracting; False when another run finished it already."""
    now = timezone.now()
    with transaction.atomic():
        started = bool(
            Article.objects.filter(pk=article_id)
            .exclude(status=Article.Status.DONE, extractor_version=extraction.VERSION)
            .update(status=Article.Status.EXTRACTING, extraction_started_at=now, status_error="", updated_at=now)
        )
        if started:
            changes_record(Change.Kind.ARTICLE, [article_id])
    return started


def article_extract(*, article_id: int, force: bool = False) -> Article:
    """Run the engine on one article and store its claims, replacing the previous run's.

    Idempotent: an article already extracted by this engine version is left alone (unless
    forced), and a re-run replaces claims instead of adding to them. Reviewed claims keep their
    verdict, sources and history when their sentence is still in the article (matched by text, and
    re-anchored to it when the text changed); a reviewed claim whose sentence is gone is kept with no
    offsets and flagged for re-review, never deleted (see _store_claims).
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        raise NotFound(f"Article {article_id} does not exist.")
    if article.pending_correction:
        article = article_correction_read(article_id=article_id)
    if article.status == Article.Status.FETCHING:
        article = article_fetch(article_id=article_id)
        if article.status != Article.Status.PENDING:
            return article  # failed to fetch: the reason is on the article
    if force:
        with transaction.atomic():
            Article.objects.filter(pk=article_id).update(status=Article.Status.PENDING)
            changes_record(Change.Kind.ARTICLE, [article_id])
    if not _claim_started(article_id):
        return article
    Article.objects.filter(pk=article_id).update(extraction_attempts=article.extraction_attempts + 1)
    try:
        found = extraction.extract(article.body, _published_date(article))
        for claim in found:
            _validate_offsets(article.body, claim)
        with transaction.atomic():
            locked = Article.objects.select_for_update().get(pk=article_id)
            if locked.body_hash != article.body_hash:
                # A correction replaced the text while it was read: its own extraction is queued.
                logger.info("article %s was corrected during its extraction: this run is dropped", article_id)
                return locked
            _store_claims(locked, found)
            now = timezone.now()
            Article.objects.filter(pk=article_id).update(
                status=Article.Status.DONE,
                extractor_version=extraction.VERSION,
                extracted_at=now,
                status_error="",
                updated_at=now,
            )
            changes_record(Change.Kind.ARTICLE, [article_id])
    except Exception as exc:
        with transaction.atomic():
            # (not over a correction that came meanwhile: its own extraction is queued)
            Article.objects.filter(pk=article_id, body_hash=article.body_hash).update(
                status=Article.Status.FAILED,
                status_error=f"The extraction failed ({type(exc).__name__}: {exc}).",
                updated_at=timezone.now(),
            )
            changes_record(Change.Kind.ARTICLE, [article_id])
        raise
    # "Checked before?": family keys and likely earlier checks of the claims, after the claims are committed.
    from claims.services.matching import article_claims_match_quietly  # it imports the models only

    article_claims_match_quietly(article_id=article_id)
    article.refresh_from_db()
    return article


def _date_rows(rows) -> list[tuple]:
    return sorted((r.text, r.start or 0, r.end or 0, r.value, r.value_end, r.granularity) for r in rows)


def _place_rows(rows) -> list[tuple]:
    return sorted((r.text, r.start or 0, r.end or 0, r.kind, r.code) for r in rows)


DETACHED_REASON = "Its sentence is no longer in the article after re-extraction."
CORRECTED_REASON = "Its sentence is no longer in the article since its correction (revision {revision})."


def _squash(text: str) -> str:
    return " ".join(text.split())


def _nearest(spans: Iterable[tuple[int, int]], near: int | None) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for span in spans:
        if near is None:
            return span  # no old position to be near: the first one
        if best is None or abs(span[0] - near) < abs(best[0] - near):
            best = span
    return best


def find_span(
    body: str, text: str, *, near: int | None = None, lo: int = 0, hi: int | None = None
) -> tuple[int, int] | None:
    """Where `text` is in body[lo:hi]: the exact text first, else the same words with other white space.

    When it occurs more than once, the occurrence nearest to `near` (an old offset) wins.
    """
    hi = len(body) if hi is None else hi
    if not text.strip():
        return None

    def exact() -> Iterator[tuple[int, int]]:
        at = body.find(text, lo, hi)
        while at != -1:
            yield at, at + len(text)
            at = body.find(text, at + 1, hi)

    span = _nearest(exact(), near)
    if span is not None:
        return span
    pattern = re.compile(r"\s+".join(re.escape(word) for word in text.split()))
    return _nearest((m.span() for m in pattern.finditer(body, lo, hi)), near)


@dataclass
class _Anchor:
    """Where a kept claim goes: its new offsets (None when detached) and its position among the claims."""

    claim: Claim
    start: int | None
    end: int | None
    order: tuple


def _reanchor_facts(body: str, claim: Claim, anchor: _Anchor) -> None:
    """Move a re-anchored (or detached) claim's dates and places with it; only offsets change."""
    shift = None if anchor.start is None or claim.start is None else anchor.start - claim.start
    for model, rows in ((ClaimDate, claim.dates.all()), (ClaimPlace, claim.places.all())):
        for row in rows:
            start: int | None = None
            end: int | None = None
            if anchor.start is not None and anchor.end is not None:
                guess = None if shift is None or row.start is None else row.start + shift
                if guess is not None and body[guess : guess + len(row.text)] == row.text:
                    start, end = guess, guess + len(row.text)
                else:
                    span = find_span(body, row.text, near=guess, lo=anchor.start, hi=anchor.end)
                    if span is not None:
                        start, end = span
            if (start, end) != (row.start, row.end):
                model.objects.filter(pk=row.pk).update(start=start, end=end)


def _store_claims(article: Article, found: list[extraction.Claim]) -> None:
    """Write the engine's claims over the article's, keeping everything a reviewer worked on.

    An existing claim is matched to a new one by its text (exactly, then up to white space; the
    nearest when the text occurs more than once) and takes the new offsets. A reviewed claim the
    engine no longer returns is found again in the body by its text, or, when its sentence is gone,
    kept "detached" (no offsets) and flagged for re-review. Unreviewed claims that are gone are deleted
    with a tombstone for API mirrors.
    """
    body = article.body
    # Lock the article's claims: a reviewer saving a verdict meanwhile waits, and is never overwritten,
    # because only the engine's fields are written back below.
    claims_before = list(
        Claim.objects.select_for_update(of=("self",))
        .filter(article=article)
        .select_related("speaker")
        .prefetch_related("dates", "places")
        .order_by("position", "id")
    )
    by_text: dict[str, list[Claim]] = {}
    by_words: dict[str, list[Claim]] = {}
    for old in claims_before:
        by_text.setdefault(old.text, []).append(old)
        by_words.setdefault(_squash(old.text), []).append(old)
    taken: set[int] = set()

    def match(item: extraction.Claim, candidates: list[Claim]) -> Claim | None:
        free = [c for c in candidates if c.pk not in taken]
        if not free:
            return None
        best = min(free, key=lambda c: abs((c.start if c.start is not None else 10**12) - item.start))
        taken.add(best.pk)
        return best

    # Exact text first for every new claim, then the same words with other white space.
    matched = [match(item, by_text.get(item.text, [])) for item in found]
    matched = [
        claim if claim is not None else match(item, by_words.get(_squash(item.text), []))
        for item, claim in zip(found, matched, strict=True)
    ]
    leftovers = [c for c in claims_before if c.pk not in taken]
    worked_on = _worked_on(c.pk for c in leftovers)
    anchors: list[_Anchor] = []
    for old in leftovers:
        if old.pk in worked_on:
            span = find_span(body, old.text, near=old.start)
            start, end = span if span else (None, None)
            if start is None:
                order: tuple = (1, 0, 0, old.position)  # detached: last, in their old order
            else:  # before the first claim the engine found after it
                follows = next((i for i, item in enumerate(found) if item.start > start), len(found))
                order = (0, follows, 0, start)
            anchors.append(_Anchor(old, start, end, order))
    # Positions: the engine's order, with the re-anchored claims in their place among them.
    ranked = sorted(
        [((0, index, 1, 0), "new", index) for index in range(len(found))]
        + [(a.order, "kept", i) for i, a in enumerate(anchors)]
    )
    new_position: dict[int, int] = {}
    kept_position: dict[int, int] = {}
    for position, (_, what, index) in enumerate(ranked):
        (new_position if what == "new" else kept_position)[index] = position

    now = timezone.now()
    keep_ids: set[int] = set()
    touched: list[int] = []  # claims created or changed: logged for the feeds at the end
    speakers_touched: set[int | None] = set()  # their claim counts change
    for index, item in enumerate(found):
        speaker = speaker_get_or_create(name=item.speaker) if item.speaker else None
        fields = dict(
            position=new_position[index],
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
        claim = matched[index]
        if claim is not None:
            # Matched up to white space: the text takes the body's spelling, so text == body[start:end].
            fields["text"] = item.text
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
                Claim.objects.filter(pk=claim.pk).update(**changed, version=F("version") + 1, updated_at=now)
                touched.append(claim.pk)
                if "speaker" in changed:
                    speakers_touched |= {claim.speaker_id, getattr(speaker, "pk", None)}
        else:
            claim = Claim.objects.create(article=article, text=item.text, **fields)  # (logged by the save signal)
            same_dates = same_places = False
            speakers_touched.add(claim.speaker_id)
        keep_ids.add(claim.pk)
        if not same_dates:
            for row in new_dates:
                row.claim = claim
            ClaimDate.objects.bulk_create(new_dates)
        if not same_places:
            for place_row in new_places:
                place_row.claim = claim
            ClaimPlace.objects.bulk_create(new_places)

    # Reviewed claims the engine did not return: re-anchored to their sentence, or detached and flagged.
    for index, anchor in enumerate(anchors):
        old = anchor.claim
        keep_ids.add(old.pk)
        fields = {"position": kept_position[index], "start": anchor.start, "end": anchor.end}
        if anchor.start is not None and anchor.end is not None:
            fields["text"] = body[anchor.start : anchor.end]  # differs from the old text in white space only
        changed = {k: v for k, v in fields.items() if getattr(old, k) != v}
        if anchor.start is None and not old.needs_recheck:
            changed.update(needs_recheck=True, recheck_reason=DETACHED_REASON)
        if changed:
            _reanchor_facts(body, old, anchor)
            Claim.objects.filter(pk=old.pk).update(**changed, version=F("version") + 1, updated_at=now)
            touched.append(old.pk)
        if anchor.start is None and old.start is not None:
            logger.info("claim %s of article %s is no longer in the article: kept detached", old.pk, article.pk)

    drop = [c.pk for c in leftovers if c.pk not in keep_ids]
    if drop:
        tombstones = Tombstone.objects.bulk_create(
            Tombstone(kind=Tombstone.Kind.CLAIM, object_id=pk, reason="removed by re-extraction") for pk in drop
        )
        Claim.objects.filter(pk__in=drop).delete()
        changes_record(Change.Kind.CLAIM, drop, op=Change.Op.DELETE)
        changes_record(Change.Kind.TOMBSTONE, [t.pk for t in tombstones])
        speakers_touched |= {c.speaker_id for c in leftovers if c.pk in set(drop)}
    changes_record(Change.Kind.CLAIM, touched)
    changes_record(Change.Kind.SPEAKER, speakers_touched)


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
        # An update, not save(): save()'s change-log signal would log the article and every claim as
        # changed, only for the lines below to log them all as removed.
        Article.objects.filter(pk=article.pk).update(retracted_at=article.retracted_at, updated_at=article.retracted_at)
        claim_ids = list(article.claims.values_list("pk", flat=True))
        tombstones = Tombstone.objects.bulk_create(
            [Tombstone(kind=Tombstone.Kind.ARTICLE, object_id=article.pk, reason=f"retracted: {reason}"[:200])]
            + [Tombstone(kind=Tombstone.Kind.CLAIM, object_id=pk, reason="article retracted") for pk in claim_ids]
        )
        changes_record(Change.Kind.ARTICLE, [article.pk], op=Change.Op.DELETE)
        changes_record(Change.Kind.CLAIM, claim_ids, op=Change.Op.DELETE)
        changes_record(Change.Kind.TOMBSTONE, [t.pk for t in tombstones])
        # Their speakers' claim counts no longer count these claims.
        changes_record(Change.Kind.SPEAKER, article.claims.values_list("speaker_id", flat=True).distinct())
    logger.info("article %s retracted by %s: %s", article_id, getattr(user, "pk", "system"), reason)
    return article
