"""HTML pages of our own making -> main text and metadata, offline."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extraction.html import HtmlArticle, HtmlError, from_html

BODY = """
<p>The city council approved the new budget on Tuesday after a debate that lasted more than six hours,
officials said.</p>
<p>The mayor said the plan would fund two new libraries and repair forty kilometres of road before
the winter.</p>
<p>Opposition members argued that the spending was too high and voted against the proposal as a bloc.</p>
"""

NEWS_ARTICLE_JSON_LD = f"""<!doctype html>
<html lang="en-GB">
<head>
  <title>Council passes budget | The Daily Example</title>
  <meta property="og:title" content="Council passes budget (social title)">
  <meta property="article:published_time" content="2024-03-06T08:00:00Z">
  <meta name="author" content="Meta Author">
  <script type="application/ld+json">
  {{"@context": "https://schema.org",
    "@graph": [
      {{"@type": "WebSite", "name": "The Daily Example"}},
      {{"@type": ["NewsArticle"], "headline": "Council passes budget after long debate",
        "datePublished": "2024-03-05T23:30:00-05:00",
        "author": [{{"@type": "Person", "name": "Ana Writer"}}, {{"@type": "Person", "name": "Ben Reporter"}}],
        "inLanguage": "en-US"}}
    ]}}
  </script>
  <style>p {{ color: red; }} .STYLELEAK {{ display: none }}</style>
  <script>var leaked = "SCRIPTLEAK";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Council passes budget after long debate</h1>
    {BODY}
    <table><tr><td><a href="/1">Related one</a></td><td><a href="/2">Related two</a></td></tr></table>
  </article>
  <section class="comments" id="comments"><h3>Comments</h3>
    <div class="comment"><p>COMMENTLEAK: first!!! visit my site for cheap pills</p></div></section>
  <footer>Copyright 2024 The Daily Example. All rights reserved.</footer>
  <script>document.write("SCRIPTLEAK2")</script>
</body>
</html>"""

META_ONLY = f"""<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Fallback title</title>
  <meta property="og:title" content="Budget approved by the council">
  <meta property="article:published_time" content="2024-03-05">
  <meta name="author" content="Claire Dupont">
</head>
<body><main><article>{BODY}</article></main></body>
</html>"""


def test_news_article_json_ld() -> None:
    article = from_html(NEWS_ARTICLE_JSON_LD, url="https://example.com/news/budget")
    assert isinstance(article, HtmlArticle)
    # JSON-LD wins over meta tags: its headline, its local publication date, its authors, its language
    assert article.title == "Council passes budget after long debate"
    assert article.published == date(2024, 3, 5)
    assert article.byline == "Ana Writer, Ben Reporter"
    assert article.language == "en"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = from_html(NEWS_ARTICLE_JSON_LD).text
    paragraphs = text.split("\n\n")
    assert any(p.startswith("The city council approved the new budget on Tuesday") for p in paragraphs)
    assert any(p.startswith("The mayor said the plan would fund") for p in paragraphs)
    assert any(p.startswith("Opposition members argued") for p in paragraphs)
    # source line breaks inside a paragraph are not paragraph breaks
    assert "lasted more than six hours, officials said." in text


def test_scripts_styles_comments_and_link_tables_stay_out() -> None:
    text = from_html(NEWS_ARTICLE_JSON_LD).text
    for leak in ("SCRIPTLEAK", "STYLELEAK", "color: red", "COMMENTLEAK", "Related one", "Copyright", "Sport"):
        assert leak not in text


def test_meta_tags_only() -> None:
    article = from_html(META_ONLY)
    assert article.title == "Budget approved by the council"
    assert article.published == date(2024, 3, 5)
    assert article.byline == "Claire Dupont"
    assert article.language == "fr"
    assert "Opposition members argued" in article.text


def test_time_element_and_rfc_2822_dates() -> None:
    page = f"""<html><head><meta name="date" content="Tue, 05 Mar 2024 10:00:00 GMT"></head>
    <body><article>{BODY}</article></body></html>"""
    assert from_html(page).published == date(2024, 3, 5)
    page = f"""<html><body><article><time itemprop="datePublished" datetime="2024-03-04">4 March</time>
    {BODY}</article></body></html>"""
    assert from_html(page).published == date(2024, 3, 4)


def test_author_urls_are_not_bylines() -> None:
    page = f"""<html><head><meta property="article:author" content="https://facebook.com/someone"></head>
    <body><article>{BODY}</article></body></html>"""
    assert from_html(page).byline is None


def test_broken_json_ld_is_ignored() -> None:
    page = f"""<html><head><title>T</title>
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Broken", </script>
    <meta property="og:title" content="From meta"></head><body><article>{BODY}</article></body></html>"""
    article = from_html(page)
    assert article.title == "From meta"
    assert "The mayor said" in article.text


def test_line_break_inside_a_sentence_is_a_space() -> None:
    page = """<html><body><article><p>The minister said on Friday that the new bridge<br>would open to
    traffic in December after two years of works.</p><p>Engineers tested it for six weeks.<br>It passed
    every load test that the agency asked for.</p></article></body></html>"""
    text = from_html(page).text
    assert "the new bridge would open to traffic in December" in text
    assert "six weeks.\nIt passed" in text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n\t ",
        "<html></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>var onlyScript = 1;</script><style>p{}</style></body></html>",
        "\x00\x01\x02 binary junk \xff\xfe",
        "<<<>>>&&&;;;",
        "<" * 20_000,
        "<div>" * 20_000 + "deep",
        "<p>" + "\u200b\u202e" * 500 + "</p>",
    ],
    ids=[
        "empty",
        "blank",
        "bare-html",
        "title-only",
        "script-only",
        "binary",
        "symbols",
        "brackets",
        "deep",
        "zero-width",
    ],
)
def test_hostile_or_empty_pages_raise_a_clear_error(page: str) -> None:
    with pytest.raises(HtmlError):
        from_html(page)


def test_not_text_raises_a_value_error() -> None:
    with pytest.raises(ValueError):
        from_html(None)  # type: ignore[arg-type]


def test_bytes_are_decoded() -> None:
    assert "Opposition members argued" in from_html(META_ONLY.encode()).text  # type: ignore[arg-type]


def test_unclosed_tags_still_give_text() -> None:
    page = "<html><body><article><p>" + BODY.replace("</p>", "") + "<div><span>"
    assert "The mayor said the plan would fund two new libraries" in from_html(page).text
