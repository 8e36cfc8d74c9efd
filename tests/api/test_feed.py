"""The change feeds' contract: every change a client can see reaches its feed, once per page, in order.

(The concurrency proof on PostgreSQL is test_feed_race.py.)
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from claims.fetching import FetchResult, Outcome
from claims.models import Change, Claim, Outlet, SourceLink, Speaker, Tombstone
from claims.services import recheck
from claims.services.changes import changes_record, changes_record_everything
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client_for):
    return client_for("read")


def follow(reader, path: str, cursor: str | None = None, page_size: int = 50, **params):
    """Follow a feed to its end from `cursor`; returns the items in order and the last cursor."""
    items = []
    while True:
        query = {"page_size": page_size, **params, **({"cursor": cursor} if cursor else {})}
        response = reader.get(api(path), query)
        assert response.status_code == 200, response.content
        page = response.json()
        items += page["results"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items, cursor


def test_a_speaker_renamed_comes_again_in_the_speakers_feed_and_with_each_of_its_claims(reader, claims):
    _, claims_cursor = follow(reader, "claims/")
    _, speakers_cursor = follow(reader, "speakers/", ordering="changes")
    berg = claims[1].speaker
    berg.name = "Anna van den Berg"
    berg.save()  # as the admin's change form does
    changed, _ = follow(reader, "claims/", claims_cursor)
    assert {c["id"] for c in changed} == {claims[1].pk, claims[2].pk}
    assert {c["speaker"]["name"] for c in changed} == {"Anna van den Berg"}
    speakers, _ = follow(reader, "speakers/", speakers_cursor, ordering="changes")
    assert [s["name"] for s in speakers] == ["Anna van den Berg"]


def test_an_article_retitled_or_its_outlet_renamed_comes_again_with_its_claims(reader, claims, article):
    _, claims_cursor = follow(reader, "claims/")
    _, articles_cursor = follow(reader, "articles/")
    article.title = "Flood barrier delayed"
    article.save()
    changed, claims_cursor = follow(reader, "claims/", claims_cursor)
    assert sorted(c["id"] for c in changed) == sorted(c.pk for c in claims)
    assert {c["article"]["title"] for c in changed} == {"Flood barrier delayed"}
    outlet = Outlet.objects.get(pk=article.outlet_id)
    outlet.name = "The Harbour Times"
    outlet.save()
    changed, _ = follow(reader, "claims/", claims_cursor)
    assert {c["article"]["outlet"]["name"] for c in changed} == {"The Harbour Times"} and len(changed) == 3
    articles, _ = follow(reader, "articles/", articles_cursor)
    assert [a["id"] for a in articles] == [article.pk]  # once, at its latest change
    assert articles[0]["outlet"]["name"] == "The Harbour Times"


def test_a_link_recheck_brings_the_claim_again_with_the_links_health(reader, verified_claim):
    _, cursor = follow(reader, "claims/")
    source = SourceLink.objects.get(claim=verified_claim)
    result = FetchResult(url=source.url, outcome=Outcome.TIMEOUT, final_url=source.url, error="timed out: read")
    recheck.source_record_check(source_id=source.pk, attempt_key="feed-test-1", result=result)
    changed, _ = follow(reader, "claims/", cursor)
    assert [c["id"] for c in changed] == [verified_claim.pk]
    assert changed[0]["sources"][0]["last_checked_at"] is not None


def test_a_verdict_brings_the_claim_and_the_counts_of_its_speaker_and_article(client_for, reader, claims):
    _, claims_cursor = follow(reader, "claims/")
    _, speakers_cursor = follow(reader, "speakers/", ordering="changes")
    _, articles_cursor = follow(reader, "articles/")
    claim = claims[2]
    response = client_for("review").post(
        api(f"claims/{claim.pk}/verdict/"),
        {"verdict": "unverifiable", "note": "No record either way.", "expected_version": claim.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    changed, _ = follow(reader, "claims/", claims_cursor)
    assert [(c["id"], c["verdict"]) for c in changed] == [(claim.pk, "unverifiable")]
    speakers, _ = follow(reader, "speakers/", speakers_cursor, ordering="changes")
    assert [(s["id"], s["claim_counts"]["unverifiable"]) for s in speakers] == [(claim.speaker_id, 1)]
    articles, _ = follow(reader, "articles/", articles_cursor)
    assert [(a["id"], a["claim_counts"]["unverifiable"]) for a in articles] == [(claim.article_id, 1)]


def test_the_stale_verdict_flagger_logs_every_claim_it_flags(reader, verified_claim, settings):
    _, cursor = follow(reader, "claims/")
    Claim.objects.filter(pk=verified_claim.pk).update(reviewed_at=timezone.now() - timedelta(days=400))
    from claims.models import Review

    assert Review.objects.filter(claim=verified_claim).exists()
    flagged = recheck.claims_flag_stale_verdicts(now=timezone.now() + timedelta(days=400))
    assert flagged == 1
    changed, _ = follow(reader, "claims/", cursor)
    assert [(c["id"], c["needs_recheck"]) for c in changed] == [(verified_claim.pk, True)]


def test_a_claim_changed_many_times_comes_once_at_its_latest_change(reader, claims):
    _, cursor = follow(reader, "claims/")
    for n in range(5):
        claim = Claim.objects.get(pk=claims[0].pk)
        claim.verdict_note = f"edit {n}"
        claim.version += 1
        claim.save()
    other = Claim.objects.get(pk=claims[1].pk)
    other.verdict_note = "edited once"
    other.save()
    changed, _ = follow(reader, "claims/", cursor, page_size=1)
    # Each once, in the order of their latest change, with what they are now.
    assert [(c["id"], c["verdict_note"]) for c in changed] == [(claims[0].pk, "edit 4"), (claims[1].pk, "edited once")]


def test_a_page_holds_page_size_distinct_objects_and_the_feed_goes_on_after_it(reader):
    from tests.api.test_claims import make_claims  # each claim is logged with its date, place and source

    made = make_claims(12)
    first = reader.get(api("claims/"), {"page_size": 5}).json()
    assert [c["id"] for c in first["results"]] == [c.pk for c in made[:5]] and first["has_more"] is True
    rest, _ = follow(reader, "claims/", first["next_cursor"], page_size=5)
    assert [c["id"] for c in rest] == [c.pk for c in made[5:]]


def test_a_hot_object_cannot_hold_a_page_forever(reader, claims):
    _, cursor = follow(reader, "claims/")
    for _ in range(40):  # more change rows than one page reads, all of one claim, in one burst
        changes_record(Change.Kind.CLAIM, [claims[0].pk])
    changes_record(Change.Kind.CLAIM, [claims[1].pk])
    changed, _ = follow(reader, "claims/", cursor, page_size=1)
    assert [c["id"] for c in changed] == [claims[0].pk, claims[1].pk]


def test_retraction_tombstones_come_in_the_tombstones_feed_and_its_claims_leave_the_claims_feed(
    reader, claims, article, editor
):
    from claims.services.articles import article_retract

    _, tomb_cursor = follow(reader, "tombstones/")
    _, claims_cursor = follow(reader, "claims/")
    article_retract(article_id=article.pk, user=editor, reason="wrong figures")
    tombs, _ = follow(reader, "tombstones/", tomb_cursor)
    assert sorted((t["kind"], t["object_id"]) for t in tombs) == sorted(
        [("article", article.pk)] + [("claim", c.pk) for c in claims]
    )
    changed, _ = follow(reader, "claims/", claims_cursor)
    assert changed == []  # (their changes are consumed: a retracted article's claims are not shown)


def test_feed_cursors_are_signed_and_belong_to_their_feed(reader, claims):
    claims_cursor = reader.get(api("claims/")).json()["next_cursor"]
    speakers_cursor = reader.get(api("speakers/?ordering=changes")).json()["next_cursor"]
    wrong_feed = reader.get(api("claims/"), {"cursor": speakers_cursor})
    assert wrong_feed.status_code == 400 and wrong_feed.json()["error"]["code"] == "invalid_cursor"
    assert "speaker" in wrong_feed.json()["error"]["fields"]["cursor"][0]
    signer = signing.Signer(salt="api.pagination.cursor", sep=".")
    for doc in ({"o": "changes", "k": "claim", "x": -1, "i": 0}, {"o": "changes", "k": "claim", "x": "1", "i": 2}):
        forged = signer.sign_object(doc)
        response = reader.get(api("claims/"), {"cursor": forged})
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_cursor"
    tampered = claims_cursor[:-3] + ("abc" if not claims_cursor.endswith("abc") else "xyz")
    assert reader.get(api("claims/"), {"cursor": tampered}).status_code == 400


def test_an_empty_feed_still_gives_a_cursor_to_keep(reader):
    page = reader.get(api("claims/")).json()
    assert page["results"] == [] and page["next_cursor"] and page["has_more"] is False
    speaker = Speaker.objects.create(name="Late Speaker", key="late speaker")
    later = reader.get(api("speakers/?ordering=changes")).json()
    assert [s["id"] for s in later["results"]] == [speaker.pk]


def test_after_a_restore_the_log_is_written_for_everything_loaded(claims):
    Change.objects.all().delete()
    Tombstone.objects.bulk_create([Tombstone(kind="claim", object_id=999)])
    written = changes_record_everything()
    kinds = set(Change.objects.values_list("kind", "object_id"))
    assert written == len(kinds)
    assert {("claim", c.pk) for c in claims} <= kinds
    assert {("speaker", c.speaker_id) for c in claims} <= kinds
    assert ("article", claims[0].article_id) in kinds and ("tombstone", Tombstone.objects.get().pk) in kinds
