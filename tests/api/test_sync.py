"""Incremental sync: keyset pages, nothing lost or repeated while rows change, tombstones, ETags."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from claims.models import Claim, Tombstone
from tests.api.conftest import api
from tests.api.test_claims import make_claims

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client_for):
    return client_for("read")


def touch(claim_ids):
    """A write that bumps updated_at, as every service write does."""
    for pk in claim_ids:
        claim = Claim.objects.get(pk=pk)
        claim.verdict_note = f"touched at {timezone.now().isoformat()}"
        claim.version += 1
        claim.save()


def sync(reader, cursor=None, page_size=7, during_each_page=None):
    """Follow next_cursor to the end; returns [(id, version)] seen and the last cursor."""
    seen = []
    while True:
        params = {"page_size": page_size}
        if cursor:
            params["cursor"] = cursor
        page = reader.get(api("claims/"), params).json()
        seen += [(item["id"], item["version"]) for item in page["results"]]
        cursor = page["next_cursor"]
        if during_each_page:
            during_each_page()
        if not page["has_more"]:
            return seen, cursor


def test_pages_cover_every_claim_once_in_update_order(reader):
    made = make_claims(40)
    seen, cursor = sync(reader)
    assert [pk for pk, _ in seen] == [c.pk for c in made]
    assert cursor is not None
    # Nothing changed: the stored cursor gives an empty page and the same cursor back.
    again = reader.get(api("claims/"), {"cursor": cursor}).json()
    assert again["results"] == [] and again["next_cursor"] == cursor and again["has_more"] is False


def test_a_sync_loses_and_repeats_nothing_while_claims_change_during_it(reader):
    made = make_claims(60)
    rng = random.Random(5)
    changed: set[int] = set()

    def change_some():
        picked = rng.sample([c.pk for c in made], 3)
        changed.update(picked)
        touch(picked)

    seen, cursor = sync(reader, during_each_page=change_some)
    # Every claim arrives; a claim changed after it was read arrives again with its new version, and
    # no version of any claim arrives twice.
    assert {pk for pk, _ in seen} == {c.pk for c in made}
    assert len(seen) == len(set(seen))
    # After the sync, resuming from the cursor gives exactly the claims changed since their last read.
    latest = dict(seen)
    current = dict(Claim.objects.values_list("pk", "version"))
    rest, _ = sync(reader, cursor=cursor)
    stale = {pk for pk, version in current.items() if latest[pk] != version}
    assert {pk for pk, _ in rest} == stale
    assert all(current[pk] == version for pk, version in rest)
    assert stale <= changed


def test_resuming_from_a_stored_cursor_returns_only_later_changes(reader):
    made = make_claims(10)
    _, cursor = sync(reader)
    touch([made[3].pk, made[7].pk])
    rest, _ = sync(reader, cursor=cursor)
    assert [pk for pk, _ in rest] == [made[3].pk, made[7].pk]


def test_the_feed_serves_a_committed_change_at_once_without_a_settle_lag(reader, settings):
    # (Contract change: the feed follows the change log, so API_SYNC_SAFETY_LAG_SECONDS is gone and a
    # change is listed as soon as it is committed; the browse orderings show everything as before.)
    make_claims(3)
    assert len(reader.get(api("claims/")).json()["results"]) == 3
    make_claims(2, outlet_domain="new.example")
    assert len(reader.get(api("claims/?ordering=-id")).json()["results"]) == 5


def test_a_cursor_of_the_old_updated_at_sync_is_refused_with_a_way_forward(reader):
    make_claims(3)
    old = reader.get(api("claims/?ordering=updated_at&page_size=1")).json()["next_cursor"]
    response = reader.get(api("claims/"), {"cursor": old})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_cursor" and "start again" in error["fields"]["cursor"][0]


def test_the_next_link_carries_the_filters_and_the_cursor(reader):
    make_claims(5)
    page = reader.get(api("claims/?page_size=2&verdict=unreviewed")).json()
    assert "verdict=unreviewed" in page["next"] and f"cursor={page['next_cursor']}" in page["next"]
    last = reader.get(page["next"]).json()
    assert last["has_more"] is True
    assert len(last["results"]) == 2


def test_tombstones_list_removed_objects_in_order_with_their_own_cursor(reader):
    Tombstone.objects.create(kind="claim", object_id=11, reason="removed by re-extraction")
    Tombstone.objects.create(kind="article", object_id=3, reason="retracted")
    page = reader.get(api("tombstones/?page_size=1")).json()
    assert [(t["kind"], t["object_id"]) for t in page["results"]] == [("claim", 11)]
    rest = reader.get(api("tombstones/"), {"cursor": page["next_cursor"]}).json()
    assert [(t["kind"], t["object_id"]) for t in rest["results"]] == [("article", 3)]
    assert [t["object_id"] for t in reader.get(api("tombstones/?kind=article")).json()["results"]] == [3]


def test_reextraction_that_drops_a_claim_leaves_a_tombstone_for_mirrors(reader, article_factory):
    from claims.services.articles import article_extract

    article = article_factory()
    article_extract(article_id=article.pk)  # (on_commit does not fire inside a test transaction)
    before = {c["id"] for c in reader.get(api(f"claims/?article={article.pk}")).json()["results"]}
    Claim.objects.filter(article=article).update(text="no longer in the article")  # forces every claim out
    article_extract(article_id=article.pk, force=True)
    gone = {t["object_id"] for t in reader.get(api("tombstones/?kind=claim")).json()["results"]}
    assert before and before <= gone


# --- ETags ---------------------------------------------------------------------------------------


def test_an_unchanged_resource_answers_304_to_its_etag(reader, claims):
    first = reader.get(api(f"claims/{claims[0].pk}/"))
    etag = first["ETag"]
    assert etag.startswith(f'"{claims[0].version}.')
    second = reader.get(api(f"claims/{claims[0].pk}/"), HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 304 and second.content == b"" and second["ETag"] == etag
    touch([claims[0].pk])
    third = reader.get(api(f"claims/{claims[0].pk}/"), HTTP_IF_NONE_MATCH=etag)
    assert third.status_code == 200 and third["ETag"] != etag


def test_list_etags_change_when_an_item_changes(reader, claims):
    etag = reader.get(api("claims/"))["ETag"]
    assert reader.get(api("claims/"), HTTP_IF_NONE_MATCH=f'W/{etag}, "other"').status_code == 304
    touch([claims[1].pk])
    assert reader.get(api("claims/"), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_errors_carry_no_etag(reader):
    assert "ETag" not in reader.get(api("claims/999999/"))
