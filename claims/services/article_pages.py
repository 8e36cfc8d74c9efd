"""One way in for HTML: an article page -- pasted in the admin, sent to the API, loaded by the ingest
command or fetched from its URL -- read by the one HTML reader and stored as an article.

The page's own title, publication date and byline fill in what the caller did not give; the page
itself is kept as the article's raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from claims.errors import ApplicationError
from claims.extraction.html import HtmlError, from_html
from claims.models import Outlet
from claims.services.articles import (
    SubmitResult,
    article_submit,
    article_submit_page,
    page_check,
    published_check,
    published_plausible,
)


@dataclass(frozen=True)
class ArticlePage:
    """What an article page says: its main text and, when it declares them, title, date and byline."""

    text: str
    title: str = ""
    published: date | None = None
    byline: str = ""


def article_page_read(*, html: str, url: str | None = None) -> ArticlePage:
    """The article a page carries; ApplicationError (on the field "html") when there is none to read."""
    try:
        page = from_html(html, url=url)
    except HtmlError as exc:
        raise ApplicationError(f"Could not read the HTML: {exc}.", fields={"html": [str(exc)]}) from None
    if not page.text.strip():
        raise ApplicationError("No article text was found in the HTML.", fields={"html": ["No article text found."]})
    # A date the page declares that cannot be right is left out (a date the caller gives is refused instead).
    published = page.published if published_plausible(page.published) else None
    return ArticlePage(text=page.text, title=page.title or "", published=published, byline=page.byline or "")


def article_submit_html(
    *,
    html: str,
    title: str = "",
    url: str | None = None,
    published: date | datetime | None = None,
    outlet: Outlet | None = None,
    byline: str = "",
    language: str = "en",
    submitted_by=None,
    submitted_by_organisation_id: int | None = None,
    published_default: date | datetime | None = None,
    in_background: bool = False,
) -> SubmitResult:
    """Store the article of an HTML page (or return the one already stored), as article_submit does.

    Title, date and byline given by the caller win; the page's own fill in the rest, and
    `published_default` is the date when neither gives one. Errors about the text name the field
    "html", the one the caller filled.

    `in_background` (web requests: the API and the admin): the page is stored as it is and read by the
    worker (article_submit_page), because reading hostile HTML of a few megabytes takes many seconds.
    Otherwise (commands) it is read now. Either way its size is checked before anything parses it.
    """
    if in_background:
        return article_submit_page(
            html=html,
            title=title,
            url=url,
            published=published or published_default,
            outlet=outlet,
            byline=byline,
            language=language,
            submitted_by=submitted_by,
        )
    published_check(published)
    html = page_check(html)
    page = article_page_read(html=html, url=url)
    try:
        return article_submit(
            body=page.text,
            title=title or page.title,
            url=url,
            published=published or page.published or published_default,
            outlet=outlet,
            byline=byline or page.byline,
            language=language,
            raw_html=html,
            submitted_by=submitted_by,
            submitted_by_organisation_id=submitted_by_organisation_id,
        )
    except ApplicationError as exc:
        if "body" in exc.fields:
            exc.fields["html"] = exc.fields.pop("body")
        raise
