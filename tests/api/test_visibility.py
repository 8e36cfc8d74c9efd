"""Visibility between newsrooms: an organisation's submitted text and its unreviewed claims are its own.

Personas: newsroom A's key (it submitted the article), newsroom B's key, a key without organisation, a
review key and reviewer/editor sessions. Each rule is checked on lists, details, feeds, matches and search,
the public pages, and with REGISTRY_OPEN_VISIBILITY.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from api.keys import api_key_create
from api.models import ApiKey
from claims.models import Article, Claim, ClaimMatch, Organisation, Speaker, Verdict
from tests.api.conftest import BODY, api
from tests.api.test_feed import follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsrooms(db):
    return Organisation.objects.create(name="Harbour Times"), Organisation.objects.create(name="Valley Post")


@pytest.fixture
def org_keys(newsrooms):
    a, b = newsrooms
    return {
        "a": api_key_create(name="A desk", scopes="read,submit", organisation=a).key,
        "b": api_key_create(name="B desk", scopes="read,submit", organisation=b).key,
        "none": api_key_create(name="No-newsroom desk", scopes="read,submit").key,
    }


@pytest.fixture
def as_key(org_keys):
    def make(name: str) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {org_keys[name]}")
        return client

    return make


@pytest.fixture
def owned(article, verified_claim, newsrooms):
    """The fixture article submitted by newsroom A: claim 0 verified, claims 1 and 2 unreviewed.

    Claims 1 and 2 are Anna Berg's, who is named by no other claim: B must not learn of her either.
    """
    Article.objects.filter(pk=article.pk).update(submitted_by_organisation=newsrooms[0])
    claims = list(Claim.objects.filter(article=article).order_by("position"))
    assert [c.verdict for c in claims] == ["verified", "unreviewed", "unreviewed"]
    return claims


def ids(response) -> list[int]:
    """The ids of a page, sorted (the feed's order is the order of changes)."""
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_the_submitting_newsroom_sees_its_text_and_unreviewed_claims(as_key, owned, article):
    a = as_key("a")
    assert ids(a.get(api("claims/"))) == [c.pk for c in owned]
    assert a.get(api(f"claims/{owned[1].pk}/")).status_code == 200
    assert a.get(api(f"articles/{article.pk}/")).json()["body"] == BODY
    assert a.get(api(f"articles/{article.pk}/")).json()["claim_counts"]["unreviewed"] == 2
    assert owned[1].speaker_id in ids(a.get(api("speakers/")))


def test_another_newsroom_sees_reviewed_claims_and_metadata_without_the_text(as_key, owned, article):
    b = as_key("b")
    assert ids(b.get(api("claims/"))) == [owned[0].pk]
    assert ids(b.get(api("claims/"), {"ordering": "id"})) == [owned[0].pk]
    assert ids(b.get(api("claims/"), {"verdict": "unreviewed"})) == []
    assert ids(b.get(api("claims/"), {"q": "homes"})) == []
    hidden = owned[1].pk
    for path in ["", "sources/", "reviews/", "matches/"]:
        response = b.get(api(f"claims/{hidden}/{path}"))
        assert response.status_code == 404, path  # exactly like a claim that does not exist
        assert response.json()["error"]["code"] == "not_found"
    assert b.get(api(f"claims/{owned[0].pk}/")).status_code == 200
    detail = b.get(api(f"articles/{article.pk}/")).json()
    assert detail["body"] is None  # the metadata is there, the text is not
    assert detail["title"] == article.title and detail["status"] == "done"
    assert detail["claim_counts"] == {"unreviewed": 0, "verified": 1, "disputed": 0, "unverifiable": 0, "total": 1}
    assert ids(b.get(api("articles/"))) == [article.pk]
    # A speaker known only from A's unreviewed claims is not shown, as if it did not exist.
    assert owned[1].speaker_id not in ids(b.get(api("speakers/")))
    assert owned[1].speaker_id not in ids(b.get(api("speakers/"), {"ordering": "changes"}))
    assert b.get(api(f"speakers/{owned[1].speaker_id}/")).status_code == 404
    mayor = b.get(api(f"speakers/{owned[0].speaker_id}/")).json()
    assert mayor["claim_counts"]["total"] == 1


def test_a_key_without_a_newsroom_sees_what_other_newsrooms_see_and_the_shared_content(as_key, owned, article):
    none = as_key("none")
    assert ids(none.get(api("claims/"))) == [owned[0].pk]
    assert none.get(api(f"articles/{article.pk}/")).json()["body"] is None
    # Content of no newsroom (the admin's, keys without one, from before organisations) is everyone's.
    Article.objects.filter(pk=article.pk).update(submitted_by_organisation=None)
    assert ids(none.get(api("claims/"))) == [c.pk for c in owned]
    assert ids(as_key("b").get(api("claims/"))) == [c.pk for c in owned]
    assert none.get(api(f"articles/{article.pk}/")).json()["body"] == BODY


def test_the_open_setting_shows_everything_to_every_key(as_key, owned, article, settings):
    settings.REGISTRY_OPEN_VISIBILITY = True
    for name in ("b", "none"):
        client = as_key(name)
        assert ids(client.get(api("claims/"))) == [c.pk for c in owned]
        assert client.get(api(f"claims/{owned[1].pk}/")).status_code == 200
        assert client.get(api(f"articles/{article.pk}/")).json()["body"] == BODY
        assert owned[1].speaker_id in ids(client.get(api("speakers/")))


@pytest.mark.parametrize("persona", ["review", "all", "reviewer", "editor"])
def test_reviewers_see_every_newsrooms_content(client_for, persona, owned, article):
    client = client_for(persona)
    if persona != "review":  # a review-only key cannot read lists, but reads what it reviews
        assert ids(client.get(api("claims/"))) == [c.pk for c in owned]
        assert client.get(api(f"articles/{article.pk}/")).json()["body"] == BODY
    response = client.post(
        api(f"claims/{owned[1].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "No record.", "expected_version": owned[1].version},
        format="json",
    )
    assert response.status_code == 200, response.content


def test_a_plain_read_key_acting_for_a_reviewer_account_is_still_its_newsrooms(newsrooms, owned, key_account):
    key = api_key_create(name="B reader", scopes="read", user=key_account, organisation=newsrooms[1]).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert ids(client.get(api("claims/"))) == [owned[0].pk]


def test_the_feed_never_leaks_a_hidden_change_and_delivers_the_claim_once_it_is_reviewed(as_key, owned, client_for):
    b = as_key("b")
    seen, cursor = follow(b, "claims/")
    assert [c["id"] for c in seen] == [owned[0].pk]
    _, speakers_cursor = follow(b, "speakers/", ordering="changes")
    # A's unreviewed claim changes: B's feed delivers nothing (not even that something changed).
    Claim.objects.get(pk=owned[1].pk).save()
    Speaker.objects.filter(pk=owned[1].speaker_id).get().save()
    assert follow(b, "claims/", cursor)[0] == []
    assert follow(b, "speakers/", speakers_cursor, ordering="changes")[0] == []
    # It is reviewed: from B's stored cursor the claim comes, as it is now, and so does its speaker.
    response = client_for("review").post(
        api(f"claims/{owned[1].pk}/verdict/"),
        {"verdict": "unverifiable", "note": "No record.", "expected_version": owned[1].version},
        format="json",
    )
    assert response.status_code == 200, response.content
    delivered, _ = follow(b, "claims/", cursor)
    assert [(c["id"], c["verdict"]) for c in delivered] == [(owned[1].pk, "unverifiable")]
    speakers, _ = follow(b, "speakers/", speakers_cursor, ordering="changes")
    assert [s["id"] for s in speakers] == [owned[1].speaker_id]


def test_a_cursor_is_refused_once_the_readers_visibility_changed(as_key, owned, newsrooms, settings, org_keys):
    b = as_key("b")
    _, cursor = follow(b, "claims/")
    # The key moves to newsroom A: resuming would skip A's unreviewed claims consumed while B's.
    ApiKey.objects.filter(prefix=org_keys["b"].split("_")[1]).update(organisation=newsrooms[0])
    response = b.get(api("claims/"), {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"
    assert "start again" in response.json()["error"]["fields"]["cursor"][0]
    items, cursor = follow(b, "claims/")  # starting again delivers everything now visible
    assert sorted(c["id"] for c in items) == [c.pk for c in owned]
    tombstones_cursor = follow(b, "tombstones/")[1]
    settings.REGISTRY_OPEN_VISIBILITY = True  # every feed's cursors: the open setting switched on
    assert b.get(api("claims/"), {"cursor": cursor}).status_code == 400
    assert b.get(api("tombstones/"), {"cursor": tombstones_cursor}).status_code == 400


def test_a_cursor_made_before_visibility_existed_still_resumes(as_key, owned):
    from api.pagination import _encode_position

    old = _encode_position("claim", 0, 0)  # no audience: read when every key saw everything
    response = as_key("b").get(api("claims/"), {"cursor": old})
    assert response.status_code == 200
    assert ids(response) == [owned[0].pk]


def test_matches_and_search_list_only_what_the_reader_may_see(as_key, owned):
    # Matches are reviewed claims: the matched claim is visible; the unreviewed claim matched is not.
    ClaimMatch.objects.create(claim=owned[1], matched=owned[0], score=3.0, why={})
    assert ids_of_matches(as_key("a").get(api(f"claims/{owned[1].pk}/matches/"))) == [owned[0].pk]
    assert as_key("b").get(api(f"claims/{owned[1].pk}/matches/")).status_code == 404
    response = as_key("b").post(
        api("claims/search/"), {"text": "The city will spend 40 million euros on the barrier."}, format="json"
    )
    assert response.status_code == 200
    assert all(r["claim"]["verdict"] != Verdict.UNREVIEWED for r in response.json()["results"])


def ids_of_matches(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [r["claim"]["id"] for r in response.json()["results"]]


def test_the_public_pages_show_reviewed_claims_of_any_newsroom_and_nothing_else(client, owned):
    assert client.get(api(f"claims/{owned[0].pk}/claimreview/")).status_code == 200
    assert client.get(f"/claims/{owned[0].pk}/").status_code == 200
    assert client.get(api(f"claims/{owned[1].pk}/claimreview/")).status_code == 404
    assert client.get(f"/claims/{owned[1].pk}/").status_code == 404


def test_a_submission_through_a_key_is_its_newsrooms(as_key, newsrooms, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the extraction is not needed here
    for name, expected in [("a", newsrooms[0]), ("none", None)]:
        response = as_key(name).post(
            api("articles/"), {"text": f"The harbour master said {name} boats left."}, format="json"
        )
        assert response.status_code == 202, response.content
        assert Article.objects.get(pk=response.json()["id"]).submitted_by_organisation == expected
        # The answer to the submitter shows its own text.
        assert response.json()["body"] == f"The harbour master said {name} boats left."
    by_url = as_key("a").post(api("articles/"), {"url": "https://harbour.example/news/boats"}, format="json")
    assert by_url.status_code == 202, by_url.content
    assert Article.objects.get(pk=by_url.json()["id"]).submitted_by_organisation == newsrooms[0]
    # B submitting the same text gets A's article, without the text it holds.
    again = as_key("b").post(api("articles/"), {"text": "The harbour master said a boats left."}, format="json")
    assert again.status_code == 200 and again.json()["body"] is None


def test_the_command_and_the_admin_set_a_keys_newsroom(admin_client, newsrooms):
    out = StringIO()
    call_command(
        "create_api_key", "Desk", "--scopes", "read", "--organisation", "Valley Post", stdout=out, stderr=StringIO()
    )
    assert ApiKey.objects.get(name="Desk").organisation == newsrooms[1]
    call_command(
        "create_api_key", "Desk 2", "--scopes", "read", "--organisation", "New Daily", stdout=out, stderr=StringIO()
    )
    assert ApiKey.objects.get(name="Desk 2").organisation.name == "New Daily"
    response = admin_client.post(
        "/admin/api/apikey/add/",
        {
            "name": "Admin-made",
            "organisation": newsrooms[0].pk,
            "scopes": ["read"],
            "throttle_rate": "",
            "user": "",
            "expires_at": "",
        },
    )
    assert response.status_code == 302
    assert ApiKey.objects.get(name="Admin-made").organisation == newsrooms[0]
    row = ApiKey.objects.get(name="Desk")
    response = admin_client.post(
        f"/admin/api/apikey/{row.pk}/change/",
        {
            "name": "Desk",
            "organisation": newsrooms[0].pk,
            "scopes": ["read"],
            "throttle_rate": "",
            "user": "",
            "expires_at": "",
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.organisation == newsrooms[0]
