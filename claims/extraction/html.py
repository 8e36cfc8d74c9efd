"""HTML to text, offline: an article page to its main text and metadata, and any page to its visible text.

This is the registry's one HTML reader. ``from_html`` reads an article (submissions, ingestion,
pages fetched by URL); ``page_text`` gives all the visible text of a page, which the source
re-check searches an excerpt in. Both parse with lxml (libxml2), in time linear in the page's size
whatever the markup, including hostile markup such as thousands of unclosed comments or tags.

The main text comes from trafilatura (boilerplate, comments and tables left out), one block per
paragraph, paragraphs separated by a blank line -- the shape ``segment.split`` expects. Metadata is
read from the page's own declarations, most explicit first: JSON-LD ``NewsArticle`` (or another
article type), then ``<meta>`` tags (Open Graph, article:*, Dublin Core), then ``<html lang>`` and
``<time>``; trafilatura's metadata fills what is still missing. Nothing is fetched.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

try:  # a task's time limit, raised into whatever code runs when it fires: never turned into a page error
    from celery.exceptions import SoftTimeLimitExceeded as _TimeLimit
except ImportError:  # the engine runs without Celery too
    _TimeLimit = ()

__all__ = ["HtmlArticle", "HtmlError", "from_html", "page_text"]

_MAX_BYTES = 20_000_000  # a news page is well under this; beyond it we refuse rather than churn


class HtmlError(ValueError):
    """The page cannot be turned into an article (empty, not HTML, no main text)."""


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None = None
    published: date | None = None
    byline: str | None = None
    language: str | None = None  # primary subtag, lower case: "en"


_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "scholarlyarticle",
        "report",
    }
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
)
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_LANGUAGE_META = ("content-language", "og:locale", "dc.language", "language")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLOCKS = frozenset({"p", "head", "item", "quote", "cell"})
_LB = "\x00"  # marks a <br> while a block is read (NUL never survives from the input)
_LINE_ENDS = (".", "!", "?", ":", "…", '"', "”", "’", "'")
_LOG = logging.getLogger(__name__)


def from_html(html: str, url: str | None = None) -> HtmlArticle:
    """Main text and metadata of an article page; raises HtmlError when there is no article to read."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        raise HtmlError(f"expected HTML text, got {type(html).__name__}")
    html = html.replace("\x00", "")
    if not html.strip():
        raise HtmlError("empty page")
    if len(html) > _MAX_BYTES:
        raise HtmlError(f"page too large ({len(html)} characters)")
    try:
        tree = _parse(html)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise HtmlError(f"not parseable as HTML: {exc}") from exc
    text = _main_text(html, url)
    if not text:
        raise HtmlError("no article text found on the page")
    meta = _Metadata(tree)
    title = meta.title()
    published = meta.published()
    byline = meta.byline()
    language = meta.language()
    if title is None or published is None or byline is None:
        fallback = _trafilatura_metadata(html, url)
        title = title or _clean(fallback.get("title"))
        published = published or _parse_date(fallback.get("date"))
        byline = byline or _clean(fallback.get("author"))
        language = language or _language_code(fallback.get("language"))
    return HtmlArticle(text=text, title=title, published=published, byline=byline, language=language)


# --- parsing and visible text ------------------------------------------------------------------------

# Elements whose content is not shown as text on the page.
_HIDDEN = ("script", "style", "noscript", "template", "svg")
_parsers = threading.local()  # an lxml parser is not to be shared between threads


def _parser() -> lxml.html.HTMLParser:
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        # huge_tree: markup nested up to 2,048 elements deep is read (libxml2 stops at 256 otherwise);
        # what lies deeper than that is left out.
        parser = _parsers.parser = lxml.html.HTMLParser(
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            default_doctype=False,
            encoding="utf-8",
            huge_tree=True,
        )
    return parser


def _parse(html: str) -> lxml.html.HtmlElement:
    """The page as an lxml tree, parsed from UTF-8 bytes (so an XML declaration naming another
    encoding does not stop it); raises lxml's ParserError for a page with nothing in it."""
    return lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=_parser())


def page_text(html: str) -> str:
    """All the visible text of a page, with a space at every tag boundary.

    Script, style, noscript, template and svg content is left out, comments too. Text is not
    selected (unlike ``from_html``): an excerpt may be anywhere on the page. Never raises for bad
    markup; a page with no text gives "". Linear in the size of the page.
    """
    if not isinstance(html, str):
        raise HtmlError(f"expected HTML text, got {type(html).__name__}")
    html = html.replace("\x00", "")
    if not html.strip():
        return ""
    try:
        root = _parse(html)
    except (lxml.etree.LxmlError, ValueError):
        return ""  # nothing that is an element or text
    for element in list(root.iter(*_HIDDEN)):
        element.clear(keep_tail=True)
    # Text nodes in document order; two of them always have a tag between them, hence the spaces.
    return " ".join(root.xpath("//text()", smart_strings=False))


# --- main text ---------------------------------------------------------------------------------------


def _main_text(html: str, url: str | None) -> str:
    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
        )
    except _TimeLimit:
        raise
    except Exception as exc:  # trafilatura raises assorted errors on hostile markup: one clear error out
        raise HtmlError(f"text extraction failed: {exc}") from exc
    if not xml:
        return ""
    try:
        root = lxml.etree.fromstring(xml.encode("utf-8"), parser=lxml.etree.XMLParser(recover=True))
    except lxml.etree.LxmlError:
        return ""
    if root is None:
        return ""
    main = root.find("main")
    try:
        paragraphs = [p for p in (_block_text(b) for b in _blocks(main if main is not None else root)) if p]
    except RecursionError as exc:  # absurdly deep markup that survived extraction
        raise HtmlError("page structure too deeply nested") from exc
    return "\n\n".join(paragraphs)


def _blocks(element: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """Innermost block elements in document order (a <list> yields its items, not itself)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        nested = any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in child.iterdescendants())
        if child.tag in _BLOCKS and not nested:
            yield child
        else:
            yield from _blocks(child)


def _block_text(element: lxml.etree._Element) -> str:
    parts: list[str] = []

    def walk(node: lxml.etree._Element) -> None:
        parts.append(_LB if node.tag == "lb" else (node.text or "").replace("\n", " "))
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append((child.tail or "").replace("\n", " "))

    walk(element)
    # a <br> ends a line only after a sentence end; mid-sentence it is layout and becomes a space,
    # because the segmenter treats every line as a paragraph
    joined: list[str] = []
    last = ""  # the last non-blank text seen so far
    for part in parts:
        if part == _LB:
            part = "\n" if last.endswith(_LINE_ENDS) else " "
        joined.append(part)
        if part.strip():
            last = part.rstrip()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(joined).split("\n"))
    return "\n".join(line for line in lines if line)


# --- metadata ----------------------------------------------------------------------------------------


class _Metadata:
    """Declared metadata of a page: the JSON-LD article object and the <meta> tags."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.tree = tree
        self.article = _json_ld_article(tree)
        self.meta: dict[str, str] = {}
        for el in tree.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
            value = el.get("content")
            if key and value and value.strip() and key not in self.meta:
                self.meta[key] = value.strip()

    def title(self) -> str | None:
        headline = _clean(_first_text(self.article.get("headline") or self.article.get("name")))
        if headline:
            return headline
        for key in _TITLE_META:
            if self.meta.get(key):
                return _clean(self.meta[key])
        return None

    def published(self) -> date | None:
        for value in (self.article.get("datePublished"), self.article.get("dateCreated")):
            if (d := _parse_date(_first_text(value))) is not None:
                return d
        for key in _PUBLISHED_META:
            if (d := _parse_date(self.meta.get(key))) is not None:
                return d
        for el in self.tree.iter("time"):
            marked = (el.get("itemprop") or "").lower() == "datepublished" or "pubdate" in el.attrib
            if marked and (d := _parse_date(el.get("datetime") or el.text_content())) is not None:
                return d
        return None

    def byline(self) -> str | None:
        names = _author_names(self.article.get("author"))
        if names:
            return ", ".join(dict.fromkeys(names))
        for key in _AUTHOR_META:
            value = _clean(self.meta.get(key))
            if value and not value.lower().startswith(("http://", "https://", "/")):
                return value
        return None

    def language(self) -> str | None:
        declared = _first_text(self.article.get("inLanguage"))
        for value in (declared, self.tree.get("lang"), self.tree.get("xml:lang"), *map(self.meta.get, _LANGUAGE_META)):
            if code := _language_code(value):
                return code
        return None


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object of an article type, looking inside lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            _LOG.debug("unreadable JSON-LD block skipped")
            continue
        for obj in _json_objects(data, depth=0):
            types = obj.get("@type")
            names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            if any(isinstance(t, str) and t.rsplit("/", 1)[-1].lower() in _ARTICLE_TYPES for t in names):
                return obj
    return {}


def _json_objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:  # hostile nesting: give up rather than recurse without end
        return
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _json_objects(data[key], depth + 1)


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return value if isinstance(value, str) else None


def _author_names(value: Any) -> list[str]:
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        name = item.get("name") if isinstance(item, dict) else item
        name = _clean(name) if isinstance(name, str) else None
        if name and not name.lower().startswith(("http://", "https://")):
            out.append(name)
    return out


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value.replace("\n", " ")).strip()
    return value or None


def _parse_date(value: str | None) -> date | None:
    """The calendar date as written (ISO 8601 or RFC 2822); the local date, not converted to UTC,
    because "yesterday" in the article counts from the newsroom's own calendar."""
    if not value:
        return None
    if m := _ISO_DATE.match(value):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _trafilatura_metadata(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's own metadata guesses, without its extensive date search (no dates from body text)."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except _TimeLimit:
        raise
    except Exception:  # metadata is optional: a failure here must not lose the text
        _LOG.debug("trafilatura metadata extraction failed", exc_info=True)
        return {}
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    return {key: getattr(doc, key, None) for key in ("title", "author", "date", "language")}
