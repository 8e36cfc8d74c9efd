"""The article view marks the speakers, dates and places of its claims, not only the claims (issue 12)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin_views import highlight_article
from claims.models import Article, Claim, ClaimDate, ClaimPlace, Speaker, SpeakerAlias
from claims.selectors import article_claims_marked
from claims.services.articles import body_hash
from tests.review.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, reviewer):
    assert client.login(username=reviewer.username, password=PASSWORD)

    def get(article_id: int) -> str:
        response = client.get(reverse("admin:claims_article_change", args=[article_id]))
        assert response.status_code == 200
        return response.content.decode()

    return get


def marks(html: str, kind: str) -> list[tuple[str, str]]:
    """(title, visible text) of each mark of one kind."""
    found = re.findall(
        rf'<mark class="fact fact-{kind}" data-fact="{kind}" title="([^"]*)">(.*?)<span class="visually-hidden">',
        html,
    )
    return [(title, text) for title, text in found]


def test_the_article_view_marks_speakers_dates_and_places_inside_the_claims(page, article):
    html = page(article.pk)
    assert marks(html, "speaker") == [
        ("speaker: the mayor, mayor", "the mayor"),
        ("speaker: Anna Berg, city engineer", "Anna Berg"),
    ]
    assert marks(html, "date") == [("date: 2024-03-05", "Tuesday"), ("date: 2024-05", "May")]
    assert [text for _, text in marks(html, "place")] == ["city", "city"]
    # Inside the claim's highlight, and with its kind in words for screen readers (not colour only).
    claim = article.claims.get(position=0)
    highlight = re.search(rf'id="claim-{claim.pk}"[^>]*>(.*?)</a>', html, re.S).group(1)
    assert 'data-fact="date"' in highlight and 'data-fact="speaker"' in highlight
    assert '<span class="visually-hidden"> (date: 2024-03-05)</span>' in highlight
    # The legend explains the marks.
    assert '<mark class="fact fact-speaker">speaker</mark>' in html


def test_a_speaker_is_found_by_an_alias_or_surname_and_only_inside_its_claim(page, db):
    body = "Dr Anna Lind spoke first. Lind said 40 homes flooded. The agency said it was 30."
    article = Article.objects.create(title="Floods", body=body, body_hash=body_hash(body), status="done")
    lind = Speaker.objects.create(name="Anna Lind", key="anna lind", kind=Speaker.Kind.PERSON)
    agency = Speaker.objects.create(name="Flood Agency", key="flood agency", kind=Speaker.Kind.ORGANISATION)
    SpeakerAlias.objects.create(speaker=agency, name="The agency", key="the agency")
    for position, text, speaker in [
        (0, "Lind said 40 homes flooded.", lind),
        (1, "The agency said it was 30.", agency),
    ]:
        start = body.index(text)
        Claim.objects.create(
            article=article, position=position, text=text, start=start, end=start + len(text), speaker=speaker
        )
    html = page(article.pk)
    assert [text for _, text in marks(html, "speaker")] == ["Lind", "The agency"]
    assert "Dr Anna Lind spoke first." in html  # outside every claim: not marked


def test_hostile_names_and_mentions_stay_escaped_and_bidi_controls_show(page, db):
    name = '<img src=x onerror="alert(1)">'
    date_text = "\u202eyadseuT\u202c"
    body = f"Before. {name} said on {date_text} it rose. After."
    sentence = f"{name} said on {date_text} it rose."
    article = Article.objects.create(title="x", body=body, body_hash=body_hash(body), status="done")
    speaker = Speaker.objects.create(name=name, key="img")
    start = body.index(sentence)
    claim = Claim.objects.create(
        article=article, text=sentence, start=start, end=start + len(sentence), speaker=speaker, speaker_role='"><b>'
    )
    offset = body.index(date_text)
    ClaimDate.objects.create(claim=claim, text=date_text, start=offset, end=offset + len(date_text), value="2024-01-02")
    offset = body.index("Before")
    ClaimPlace.objects.create(claim=claim, text="Before", start=offset, end=offset + 6)  # outside its claim: drawn too
    html = page(article.pk)
    assert "<img src=x" not in html and '"><b>' not in html
    assert marks(html, "speaker") == [
        (
            "speaker: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;, &quot;&gt;&lt;b&gt;",
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
        )
    ]
    assert marks(html, "date") == [("date: 2024-01-02", "⟨U+202E⟩yadseuT⟨U+202C⟩")]
    assert [text for _, text in marks(html, "place")] == ["Before"]
    assert "\u202e" not in html


def test_overlapping_or_out_of_range_mentions_are_skipped_not_broken(db):
    body = "On Tuesday in Oslo the mayor said prices rose."
    article = Article.objects.create(title="x", body=body, body_hash=body_hash(body), status="done")
    claim = Claim.objects.create(article=article, text=body, start=0, end=len(body))
    ClaimDate.objects.create(claim=claim, text="Tuesday", start=3, end=10, value="2024-01-02")
    ClaimPlace.objects.create(claim=claim, text="Tuesday in", start=3, end=13)  # overlaps the date
    ClaimPlace.objects.create(claim=claim, text="far", start=400, end=403)  # past the end
    html = highlight_article(body, list(article_claims_marked(article.pk))).html
    assert html.count("<mark") == 1  # the longer of two overlapping mentions; the other is left plain
    assert re.sub(r"<[^>]+>", "", re.sub(r'<span class="visually-hidden">.*?</span>', "", html)) == body


def test_the_article_view_reads_in_the_same_queries_whatever_the_number_of_claims(client, reviewer, article):
    assert client.login(username=reviewer.username, password=PASSWORD)
    url = reverse("admin:claims_article_change", args=[article.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    body = (
        article.body
        + "\n\n"
        + " ".join(f"Official {n} said on Friday in Bergen that {n} boats sank." for n in range(12))
    )
    Article.objects.filter(pk=article.pk).update(body=body)
    for n in range(12):
        text = f"Official {n} said on Friday in Bergen that {n} boats sank."
        start = body.index(text)
        speaker = Speaker.objects.create(name=f"Official {n}", key=f"official {n}")
        claim = Claim.objects.create(
            article=article, position=3 + n, text=text, start=start, end=start + len(text), speaker=speaker
        )
        ClaimDate.objects.create(
            claim=claim,
            text="Friday",
            start=start + text.index("Friday"),
            end=start + text.index("Friday") + 6,
            value="2024-03-08",
        )
        ClaimPlace.objects.create(
            claim=claim, text="Bergen", start=start + text.index("Bergen"), end=start + text.index("Bergen") + 6
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(many) == len(few)
    assert len(marks(html, "speaker")) == 2 + 12 and len(marks(html, "place")) == 2 + 12


def test_the_desk_shows_the_whole_article_with_the_same_marks(client, reviewer, article):
    assert client.login(username=reviewer.username, password=PASSWORD)
    claim = article.claims.get(position=1)
    html = client.get(f"/admin/claims/claim/desk/?claim={claim.pk}").content.decode()
    whole = html.split('class="desk-whole-article"', 1)[1]
    assert 'data-fact="speaker" title="speaker: Anna Berg, city engineer"' in whole
    assert 'data-fact="date" title="date: 2024-03-05"' in whole
