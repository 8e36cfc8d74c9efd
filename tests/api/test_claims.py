"""Claims, articles and speakers: filters, search, ordering, and constant query counts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, SourceLink, Speaker
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client_for):
    return client_for("read")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def make_claims(count: int, *, outlet_domain: str = "bulk.example", published=datetime(2024, 5, 1, tzinfo=UTC)):
    outlet = Outlet.objects.get_or_create(domain=outlet_domain, defaults={"name": outlet_domain})[0]
    body = "Bulk article. " * 3
    article = Article.objects.create(
        title="Bulk", body=body, body_hash=f"bulk-{outlet_domain}-{count}", outlet=outlet, published_at=published
    )
    speaker = Speaker.objects.get_or_create(key="bulk speaker", defaults={"name": "Bulk Speaker"})[0]
    made = []
    for i in range(count):
        claim = Claim.objects.create(
            article=article, position=i, text=f"Bulk claim {i}.", start=0, end=5, speaker=speaker
        )
        ClaimDate.objects.create(claim=claim, text="May", start=0, end=3, value="2024-05", granularity="month")
        ClaimPlace.objects.create(claim=claim, text="Oslo", start=0, end=4, kind="city", code="NO")
        SourceLink.objects.create(claim=claim, url=f"https://src.example/{i}", stance="supports")
        made.append(claim)
    return made


@pytest.mark.parametrize(
    ("query", "expected_positions"),
    [
        ("verdict=verified", [0]),
        ("verdict=unreviewed", [1, 2]),
        ("verdict=verified,unreviewed", [0, 1, 2]),
        ("outlet=harbour.example", [0, 1, 2]),
        ("outlet=www.harbour.example", [0, 1, 2]),
        ("outlet=elsewhere.example", []),
        ("published_from=2024-03-08&published_to=2024-03-08", [0, 1, 2]),
        ("published_from=2024-03-09", []),
        ("published_to=2024-03-07", []),
        ("needs_recheck=true", []),
        ("needs_recheck=false", [0, 1, 2]),
        ("q=Rotterdam", [1]),
        ("q=barrier million", [0]),
        ("q=nothing-like-this", []),
    ],
)
def test_claims_filter(query, expected_positions, reader, claims, verified_claim):
    by_id = {c.pk: c.position for c in claims}
    assert sorted(by_id[i] for i in ids(reader.get(api(f"claims/?{query}")))) == expected_positions


def test_claims_filter_by_speaker_and_article(reader, claims):
    berg = claims[1].speaker
    assert sorted(ids(reader.get(api(f"claims/?speaker={berg.pk}")))) == [claims[1].pk, claims[2].pk]
    assert len(ids(reader.get(api(f"claims/?article={claims[0].article_id}")))) == 3
    assert ids(reader.get(api("claims/?article=987654"))) == []


def test_claims_updated_since_returns_only_later_changes(reader, claims, verified_claim):
    since = claims[2].updated_at.isoformat()
    assert ids(reader.get(api("claims/"), {"updated_since": since})) == [verified_claim.pk]


@pytest.mark.parametrize("ordering", ["id", "-id", "updated_at", "-updated_at"])
def test_claims_ordering(ordering, reader, claims, verified_claim):
    got = ids(reader.get(api(f"claims/?ordering={ordering}")))
    field = ordering.lstrip("-")
    rows = sorted(Claim.objects.all(), key=lambda c: (getattr(c, field), c.pk), reverse=ordering.startswith("-"))
    assert got == [c.pk for c in rows]


def test_a_claim_shows_speaker_dates_places_sources_and_verdict(reader, verified_claim):
    data = reader.get(api(f"claims/{verified_claim.pk}/")).json()
    assert data["speaker"]["name"] == "the mayor"
    assert data["dates"] == [
        {
            "text": "Tuesday",
            "start": data["dates"][0]["start"],
            "end": data["dates"][0]["end"],
            "value": "2024-03-05",
            "value_end": "",
            "granularity": "day",
        }
    ]
    assert data["verdict"] == "verified"
    assert data["verdict_note"] == "The council budget lists 40 million euros."
    assert data["reviewed_at"] is not None
    assert [s["url"] for s in data["sources"]] == ["https://council.example/budget-2024"]
    assert data["public_url"].endswith(f"/claims/{verified_claim.pk}/")


def test_claims_of_a_retracted_article_leave_the_api(reader, claims, article):
    Article.objects.filter(pk=article.pk).update(retracted_at=datetime(2024, 4, 1, tzinfo=UTC))
    assert ids(reader.get(api("claims/"))) == []
    assert reader.get(api(f"claims/{claims[0].pk}/")).status_code == 404
    # The article itself answers 410 Gone (and its body is not shown): it existed and was withdrawn.
    gone = reader.get(api(f"articles/{article.pk}/"))
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "gone"
    assert "Flood" not in gone.content.decode()


def test_articles_show_status_and_claim_counts(reader, article, verified_claim):
    data = reader.get(api(f"articles/{article.pk}/")).json()
    assert data["status"] == "done"
    assert data["claim_counts"] == {"total": 3, "unreviewed": 2, "verified": 1, "disputed": 0, "unverifiable": 0}
    assert data["body"] == article.body
    listed = reader.get(api("articles/")).json()["results"][0]
    assert "body" not in listed
    assert listed["claim_counts"]["total"] == 3


def test_speakers_show_their_claims_by_verdict(reader, claims, verified_claim):
    data = reader.get(api("speakers/?ordering=name")).json()["results"]
    assert [(s["name"], s["claim_counts"]["total"], s["claim_counts"]["verified"]) for s in data] == [
        ("Anna Berg", 2, 0),
        ("the mayor", 1, 1),
    ]
    assert reader.get(api("speakers/?q=berg")).json()["results"][0]["name"] == "Anna Berg"


def test_a_claims_history_lists_every_review(reader, verified_claim):
    reviews = reader.get(api(f"claims/{verified_claim.pk}/reviews/")).json()["results"]
    assert [(r["from_verdict"], r["to_verdict"]) for r in reviews] == [("unreviewed", "verified")]
    assert reviews[0]["sources"][0]["url"] == "https://council.example/budget-2024"


# --- constant query counts ------------------------------------------------------------------------

LIST_QUERIES = {
    # key lookup + the page of the change feed + claims (with article, outlet, speaker joined) + dates +
    # places + sources
    "claims/": 6,
    # key lookup + change feed + articles (with outlet) + verdict counts of the page
    "articles/": 4,
    # key lookup + speakers + their aliases + verdict counts of the page (ordered by name)
    "speakers/": 4,
    # key lookup + change feed + tombstones (+ one lookup of the merges when the page has merged speakers)
    "tombstones/": 3,
}


@pytest.mark.parametrize(("path", "expected"), LIST_QUERIES.items())
@pytest.mark.parametrize("page_size", [1, 50])
def test_list_query_counts_do_not_grow_with_the_page(path, expected, page_size, reader, django_assert_num_queries):
    make_claims(60)
    for n in range(60):  # many articles and speakers, each with a claim
        claim = make_claims(1, outlet_domain=f"outlet{n}.example")[0]
        speaker = Speaker.objects.create(name=f"Speaker {n}", key=f"speaker {n}")
        Claim.objects.filter(pk=claim.pk).update(speaker=speaker)
    from claims.models import Tombstone

    for i in range(60):
        Tombstone.objects.create(kind="claim", object_id=i)
    reader.get(api("claims/"))  # first use of the key records last_used_at (once a minute)
    with django_assert_num_queries(expected):
        response = reader.get(api(f"{path}?page_size={page_size}"))
    assert len(response.json()["results"]) == page_size


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("claims/{claim}/", 5),
        ("articles/{article}/", 3),
        ("speakers/{speaker}/", 4),
        ("claims/{claim}/sources/", 3),
        ("claims/{claim}/reviews/", 3),
        ("claims/{claim}/claimreview/", 5),
    ],
)
def test_detail_query_counts_are_fixed(path, expected, reader, verified_claim, django_assert_num_queries):
    make_claims(5)
    reader.get(api("claims/"))
    url = api(
        path.format(claim=verified_claim.pk, article=verified_claim.article_id, speaker=verified_claim.speaker_id)
    )
    with django_assert_num_queries(expected):
        assert reader.get(url).status_code == 200


def test_session_requests_cost_a_fixed_number_of_queries_too(client_for, django_assert_num_queries):
    make_claims(30)
    client = client_for("reviewer")
    # session + user + the user's groups, then the same 5 as with a key (change feed, claims, 3 prefetches)
    with django_assert_num_queries(8):
        client.get(api("claims/?page_size=5"))
    with django_assert_num_queries(8):
        client.get(api("claims/?page_size=30"))
