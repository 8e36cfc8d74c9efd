"""manage.py ingest loads text, HTML and JSON Lines, reports bad input per file and goes on."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article

# Committed transactions, as in a real run: extraction is enqueued on commit.
pytestmark = pytest.mark.django_db(transaction=True)

STORY = "Bridge Reopens\n\nThe Vltava bridge in Prague reopened on Monday after repairs, the city said."


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, "--quiet", stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code, err_text = exc.returncode, str(exc)
        err.write(err_text)
    return code, out.getvalue(), err.getvalue()


def test_it_loads_a_folder_of_text_files_and_extracts_them(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Prague", "Brno"))
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: ignored
    code, out, _ = run(str(tmp_path), "--published", "2024-04-10")
    assert code == 0
    assert "2 new" in out
    assert Article.objects.count() == 2
    assert all(a.status == Article.Status.DONE for a in Article.objects.all())
    assert str(Article.objects.first().published_at.date()) == "2024-04-10"


def test_json_lines_with_a_bad_line_load_the_good_ones_and_fail_at_the_end(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            [
                json.dumps({"text": STORY, "published": "2024-04-10", "url": "https://news.example/1"}),
                "{not json",
                json.dumps({"text": STORY + " More.", "published": "10/04/2024"}),
                json.dumps({"title": "no body"}),
                json.dumps({"text": STORY.replace("Prague", "Ostrava")}),
            ]
        )
    )
    code, out, err = run(str(feed))
    assert code == 1
    assert "2 new" in out and "3 failed" in out
    assert "feed.jsonl:2: not valid JSON" in err
    assert "feed.jsonl:3: published '10/04/2024' is not a date" in err
    assert 'feed.jsonl:4: a line needs "text"' in err
    assert Article.objects.count() == 2


def test_running_it_twice_stores_nothing_twice(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    run(str(tmp_path))
    code, out, _ = run(str(tmp_path))
    assert code == 0 and "1 already in the registry" in out
    assert Article.objects.count() == 1


def test_unreadable_empty_and_binary_files_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_text("   ")
    (tmp_path / "junk.txt").write_bytes(b"\x00\xff\x00binary")
    code, _out, err = run(str(tmp_path / "empty.txt"), str(tmp_path / "junk.txt"), str(tmp_path / "missing.txt"))
    assert code == 1
    assert "empty.txt: The article has no text." in err
    assert "junk.txt: looks like a binary file" in err
    assert "missing.txt: No such file or directory" in err
    assert Article.objects.count() == 0


def test_a_bad_published_option_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        call_command("ingest", str(tmp_path), "--published", "yesterday")


def html_page(text: str, *, title: str = "", published: str = "", author: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    meta += f'<meta name="author" content="{author}">' if author else ""
    heading = f"<title>{title}</title>" if title else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"<!doctype html><html><head>{heading}{meta}</head><body><article>{paragraphs}</article></body></html>"


def test_an_html_file_keeps_its_own_title_date_and_byline(tmp_path):
    page = html_page(STORY, title="Bridge reopens", published="2024-04-08", author="Jana Novak")
    (tmp_path / "story.html").write_text(page)
    code, _out, err = run(str(tmp_path), "--published", "2024-04-10")
    assert code == 0, err
    article = Article.objects.get()
    assert (article.title, article.byline) == ("Bridge reopens", "Jana Novak")
    # The page's own date wins; --published is for files that carry none.
    assert str(article.published_at.date()) == "2024-04-08"
    assert article.raw_html == page and "<p>" not in article.body
    assert "Vltava bridge in Prague reopened" in article.body


def test_published_is_the_date_of_an_html_file_that_carries_none(tmp_path):
    (tmp_path / "story.html").write_text(html_page(STORY))
    run(str(tmp_path), "--published", "2024-04-10")
    assert str(Article.objects.get().published_at.date()) == "2024-04-10"


def test_html_in_json_lines_keeps_the_line_s_byline_and_the_page_s_date(tmp_path):
    feed = tmp_path / "feed.jsonl"
    page = html_page(STORY, published="2024-04-08", author="Page Author")
    feed.write_text(json.dumps({"html": page, "byline": "Line Author", "url": "https://news.example/b"}))
    code, _out, err = run(str(feed))
    assert code == 0, err
    article = Article.objects.get()
    assert (article.byline, str(article.published_at.date())) == ("Line Author", "2024-04-08")
    assert article.url == "https://news.example/b"


def test_an_html_file_without_an_article_is_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><script>only code</script></body></html>")
    (tmp_path / "b.txt").write_text(STORY)
    code, out, err = run(str(tmp_path))
    assert code == 1
    assert "a.html: Could not read the HTML" in err or "a.html: No article text" in err
    assert "1 new" in out and Article.objects.count() == 1
