"""A merged speaker in the API: its old id redirects (301), mirrors learn of it from the tombstones feed,
its claims come again in the claims feed with the kept speaker; aliases and the Wikidata id are shown."""

from __future__ import annotations

import pytest

from claims.models import Speaker, SpeakerAlias
from claims.services.speakers import speaker_merge
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client_for):
    return client_for("read")


@pytest.fixture
def merged(claims, editor):
    mayor = Speaker.objects.get(name="the mayor")
    berg = Speaker.objects.get(name="Anna Berg")
    speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)
    return mayor.pk, berg


def test_the_old_id_of_a_merged_speaker_answers_301_to_the_kept_one(reader, merged):
    old_id, berg = merged
    response = reader.get(api(f"speakers/{old_id}/"))
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver/api/v1/speakers/{berg.pk}/"
    assert response.json() == {"merged_into": berg.pk, "url": response["Location"]}
    kept = reader.get(response["Location"]).json()
    assert kept["claim_counts"]["total"] == 3 and kept["aliases"] == ["the mayor"]


def test_an_id_that_never_existed_is_still_404(reader, merged):
    response = reader.get(api("speakers/987654/"))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_the_redirect_follows_later_merges(reader, merged, editor):
    old_id, berg = merged
    third = Speaker.objects.create(name="Ines Vallo")
    speaker_merge(keep_id=third.pk, other_id=berg.pk, user=editor)
    assert reader.get(api(f"speakers/{old_id}/"))["Location"].endswith(f"/speakers/{third.pk}/")
    assert reader.get(api(f"speakers/{berg.pk}/"))["Location"].endswith(f"/speakers/{third.pk}/")


def test_the_feeds_report_the_merge(reader, claims, editor):
    mayor = Speaker.objects.get(name="the mayor")
    berg = Speaker.objects.get(name="Anna Berg")
    synced = reader.get(api("claims/?ordering=updated_at")).json()
    cursor = synced["next_cursor"]
    speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)

    tombstones = reader.get(api("tombstones/?kind=speaker")).json()["results"]
    assert [(t["object_id"], t["merged_into"]) for t in tombstones] == [(mayor.pk, berg.pk)]
    assert "merged into" in tombstones[0]["reason"]
    # The moved claim comes again in the claims feed, now with the kept speaker.
    changed = reader.get(api("claims/"), {"ordering": "updated_at", "cursor": cursor}).json()["results"]
    assert [(c["id"], c["speaker"]["id"]) for c in changed] == [(claims[0].pk, berg.pk)]
    # The speakers list no longer has the merged speaker.
    names = [s["name"] for s in reader.get(api("speakers/")).json()["results"]]
    assert names == ["Anna Berg"]
    # Other tombstones say null.
    assert all(t["merged_into"] is None for t in reader.get(api("tombstones/?kind=claim")).json()["results"])


def test_speakers_show_aliases_wikidata_and_description_and_q_finds_aliases(reader, claims):
    berg = Speaker.objects.get(name="Anna Berg")
    Speaker.objects.filter(pk=berg.pk).update(wikidata_id="Q777", description="City engineer.")
    SpeakerAlias.objects.create(speaker=berg, name="Anna Bergová")
    body = reader.get(api(f"speakers/{berg.pk}/")).json()
    assert (body["aliases"], body["wikidata_id"], body["description"]) == (["Anna Bergová"], "Q777", "City engineer.")
    found = reader.get(api("speakers/"), {"q": "bergov"}).json()["results"]
    assert [s["id"] for s in found] == [berg.pk]


def test_claimreview_names_the_speakers_wikidata_item_as_same_as(client, verified_claim):
    Speaker.objects.filter(pk=verified_claim.speaker_id).update(wikidata_id="Q4242")
    document = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert document["itemReviewed"]["author"]["sameAs"] == "https://www.wikidata.org/wiki/Q4242"
    Speaker.objects.filter(pk=verified_claim.speaker_id).update(wikidata_id="")
    document = client.get(api(f"claims/{verified_claim.pk}/claimreview/")).json()
    assert "sameAs" not in document["itemReviewed"]["author"]


def test_done_when_a_merge_moves_claims_and_history_redirects_the_old_id_and_the_feed_reports_it(
    reader, claims, verified_claim, editor
):
    """Issue 14's done-when test, in one place: claims, history, API redirect and feeds after a merge."""
    from claims.models import Claim, MatchEntry, Review, SpeakerMerge, Tombstone
    from claims.services.matching import text_matches

    mayor = Speaker.objects.get(name="the mayor")
    berg = Speaker.objects.get(name="Anna Berg")
    history = list(Review.objects.filter(claim=verified_claim).values_list("pk", "to_verdict"))
    assert history and verified_claim.speaker_id == mayor.pk
    reviews_before = reader.get(api(f"claims/{verified_claim.pk}/reviews/")).json()["results"]
    feed = reader.get(api("claims/?ordering=updated_at")).json()
    speakers_feed = reader.get(api("tombstones/?kind=speaker")).json()
    assert speakers_feed["results"] == []
    text_matches(verified_claim.text)  # the matching index holds the claim under the old speaker's name
    assert MatchEntry.objects.get(claim_id=verified_claim.pk).speaker == "the mayor"

    speaker_merge(keep_id=berg.pk, other_id=mayor.pk, user=editor)

    # Claims: every claim is the kept speaker's; the verdict stays.
    assert set(Claim.objects.values_list("speaker_id", flat=True)) == {berg.pk}
    moved = Claim.objects.get(pk=verified_claim.pk)
    assert moved.verdict == "verified"
    # History: the claim's reviews are the same rows, in the database and in the API.
    assert list(Review.objects.filter(claim=moved).values_list("pk", "to_verdict")) == history
    assert reader.get(api(f"claims/{moved.pk}/reviews/")).json()["results"] == reviews_before
    # The merge is recorded.
    record = SpeakerMerge.objects.get()
    assert (record.from_id, record.from_name, record.into_id, record.claims_moved) == (
        mayor.pk,
        "the mayor",
        berg.pk,
        1,
    )
    # API: the old id answers 301 to the kept one, whose claims now count the moved one.
    response = reader.get(api(f"speakers/{mayor.pk}/"))
    assert response.status_code == 301 and response["Location"].endswith(f"/api/v1/speakers/{berg.pk}/")
    assert reader.get(response["Location"]).json()["claim_counts"]["total"] == 3
    # Feeds: the speaker's tombstone names the kept speaker; the moved claim comes again with it.
    tombstones = reader.get(api("tombstones/?kind=speaker")).json()["results"]
    assert [(t["object_id"], t["merged_into"]) for t in tombstones] == [(mayor.pk, berg.pk)]
    assert Tombstone.objects.filter(kind="speaker", object_id=mayor.pk).exists()
    changed = reader.get(api("claims/"), {"ordering": "updated_at", "cursor": feed["next_cursor"]}).json()
    assert [(c["id"], c["speaker"]["id"]) for c in changed["results"]] == [(moved.pk, berg.pk)]
    # Matching follows: the claim's entry now carries the kept speaker's name.
    text_matches(moved.text)
    assert MatchEntry.objects.get(claim_id=moved.pk).speaker == "Anna Berg"
