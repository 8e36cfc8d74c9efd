"""The review desk (/admin/claims/desk/): who may use it, the queue's order and filters, save-and-next,
take, conflicts, bad input, and its query budget."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import selectors
from claims.models import Claim, Outlet, Verdict
from claims.services import review as svc

DESK = "/admin/claims/claim/desk/"


@pytest.fixture
def ranked(article, reviewer, other_reviewer):
    """The fixture article's three claims with distinct check-worthiness, plus one assigned to another."""
    claims = list(article.claims.order_by("position"))
    for claim, worth in zip(claims, (0.2, 0.9, 0.5), strict=True):
        claim.checkworthiness = worth
        claim.save(update_fields=["checkworthiness"])
    extra = Claim.objects.create(article=article, position=3, text="Taken by Omar.", checkworthiness=0.99)
    svc.claims_assign(claim_ids=[extra.pk], user=other_reviewer, assignee=other_reviewer)
    return claims, extra


def query(response) -> dict[str, list[str]]:
    return parse_qs(urlsplit(response["Location"]).query)


def test_the_url_is_registered_in_the_claim_admin_and_the_short_address_leads_there(client):
    assert reverse("admin:claims_claim_desk") == DESK
    response = client.get("/admin/claims/desk/?speaker=3&claim=7")
    assert response.status_code == 302 and response["Location"] == DESK + "?speaker=3&claim=7"


def test_the_claim_list_links_to_the_desk(client, reviewer, article):
    client.force_login(reviewer)
    assert f'href="{DESK}" id="open-desk"'.encode() in client.get("/admin/claims/claim/").content


@pytest.mark.parametrize("persona, status", [("reviewer", 200), ("editor", 200), ("superuser", 200)])
def test_reviewers_and_editors_use_the_desk(client, request, article, persona, status):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(DESK)
    assert response.status_code == status
    assert b'id="desk-review"' in response.content
    assert b"claims/desk.js" in response.content


def test_others_are_refused(client, article, staff_without_group, django_user_model):
    response = client.get(DESK)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(staff_without_group)
    assert client.get(DESK).status_code == 403
    assert client.post(DESK + "?claim=1", {"_take": "1"}).status_code == 403
    outsider = django_user_model.objects.create_user("nostaff", password="x-long-pass-123")
    client.force_login(outsider)
    assert client.get(DESK).status_code == 302


def test_the_queue_puts_my_claims_first_then_unassigned_by_checkworthiness(client, reviewer, ranked):
    claims, extra = ranked
    svc.claims_assign(claim_ids=[claims[0].pk], user=reviewer, assignee=reviewer)
    queue = list(selectors.desk_queue(user=reviewer, filters=selectors.DeskFilters()))
    assert queue == [claims[0], claims[1], claims[2]]  # mine (0.2), then 0.9, 0.5; Omar's claim is not here
    client.force_login(reviewer)
    response = client.get(DESK)
    assert response.context["claim"] == claims[0]
    assert [item["claim"] for item in response.context["upcoming"]] == [claims[1], claims[2]]
    assert extra.text.encode() not in response.content


def test_walking_the_queue_with_next_and_previous_gives_the_queue_in_order(reviewer, article):
    made = [
        Claim.objects.create(article=article, position=10 + i, text=f"C{i}.", checkworthiness=worth)
        for i, worth in enumerate([0.5, 0.5, 0.9, 0.1, 0.5, 0.7])
    ]
    svc.claims_assign(claim_ids=[made[3].pk, made[4].pk], user=reviewer, assignee=reviewer)
    filters = selectors.DeskFilters()
    expected = list(selectors.desk_queue(user=reviewer, filters=filters))
    assert expected[:2] == [made[4], made[3]]  # mine first (0.5, 0.1), then unassigned by worth, ties by id
    walked = [selectors.desk_first(user=reviewer, filters=filters)]
    while following := selectors.desk_after(user=reviewer, filters=filters, claim=walked[-1]):
        walked.append(following[0])
    assert walked == expected
    back = [walked[-1]]
    while (previous := selectors.desk_before(user=reviewer, filters=filters, claim=back[-1])) is not None:
        back.append(previous)
    assert back == expected[::-1]
    assert selectors.desk_after(user=reviewer, filters=filters, claim=walked[0], limit=4) == expected[1:5]


def test_keyset_neighbours_and_filters(reviewer, ranked, article):
    claims, _ = ranked
    everything = selectors.DeskFilters()
    assert selectors.desk_after(user=reviewer, filters=everything, claim=claims[1]) == [claims[2]]
    assert selectors.desk_before(user=reviewer, filters=everything, claim=claims[2]) == claims[1]
    assert selectors.desk_before(user=reviewer, filters=everything, claim=claims[1]) is None
    by_speaker = selectors.DeskFilters(speaker_id=claims[0].speaker_id)
    assert list(selectors.desk_queue(user=reviewer, filters=by_speaker)) == [claims[0]]
    other = Outlet.objects.create(name="Elsewhere", domain="elsewhere.example")
    assert not selectors.desk_queue(user=reviewer, filters=selectors.DeskFilters(outlet_id=other.pk)).exists()
    svc.source_add(claim_id=claims[1].pk, user=reviewer, url="https://a.example/x", stance="supports")
    svc.claim_review(claim_id=claims[1].pk, user=reviewer, verdict=Verdict.VERIFIED)
    assert claims[1] not in selectors.desk_queue(user=reviewer, filters=everything)  # done: off the to-do queue
    verified = selectors.DeskFilters(verdict=Verdict.VERIFIED, signoff_pending=True)
    assert list(selectors.desk_queue(user=reviewer, filters=verified)) == [claims[1]]
    svc.claims_request_recheck(claim_ids=[claims[1].pk], user=reviewer, reason="Figure revised.")
    recheck = selectors.DeskFilters(needs_recheck=True)
    assert list(selectors.desk_queue(user=reviewer, filters=recheck)) == [claims[1]]


def test_verdict_with_a_source_saves_and_moves_to_the_next_claim_keeping_the_filters(client, reviewer, ranked):
    claims, _ = ranked
    client.force_login(reviewer)
    url = f"{DESK}?outlet={claims[1].article.outlet_id}&claim={claims[1].pk}"
    page = client.get(url)
    response = client.post(
        url,
        {
            "version": page.context["form"]["version"].value(),
            "seen": page.context["form"]["seen"].value(),
            "note": "",
            "url": "https://budget.example/2024",
            "title": "Budget",
            "stance": "supports",
            "_verdict": "verified",
        },
    )
    assert response.status_code == 302
    assert query(response) == {"outlet": [str(claims[1].article.outlet_id)], "claim": [str(claims[2].pk)]}
    claims[1].refresh_from_db()
    assert claims[1].verdict == Verdict.VERIFIED and claims[1].reviewed_by == reviewer
    assert list(claims[1].sources.values_list("url", "stance")) == [("https://budget.example/2024", "supports")]


def test_a_refused_verdict_keeps_the_input_and_saves_nothing(client, reviewer, ranked):
    claims, _ = ranked
    client.force_login(reviewer)
    url = f"{DESK}?claim={claims[1].pk}"
    page = client.get(url)
    data = {"version": page.context["form"]["version"].value(), "note": "", "_verdict": "unverifiable"}
    response = client.post(url, {**data, "url": "https://x.example/", "stance": "supports"})
    assert response.status_code == 200
    assert "needs a note" in response.content.decode() or response.context["form"].errors
    assert response.context["form"]["url"].value() == "https://x.example/"
    claims[1].refresh_from_db()
    assert claims[1].verdict == Verdict.UNREVIEWED and not claims[1].sources.exists()
    # A source without an explicit stance is refused on the form (no default stance).
    response = client.post(url, {**data, "url": "https://x.example/", "stance": "", "_verdict": "verified"})
    assert "stance" in response.context["form"].errors


def test_a_stale_page_gets_the_conflict_box_with_who_and_the_input_kept(client, reviewer, editor, ranked):
    claims, _ = ranked
    client.force_login(reviewer)
    url = f"{DESK}?claim={claims[1].pk}"
    page = client.get(url)
    svc.source_add(claim_id=claims[1].pk, user=editor, url="https://b.example/", stance="refutes")
    svc.claim_review(claim_id=claims[1].pk, user=editor, verdict=Verdict.DISPUTED)
    response = client.post(
        url,
        {
            "version": page.context["form"]["version"].value(),
            "seen": page.context["form"]["seen"].value(),
            "note": "My own rationale.",
            "_verdict": "unverifiable",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="conflict"' in body
    assert "Edna Editor changed this claim" in body
    assert 'id="conflict-reload"' in body and f"claim={claims[1].pk}" in body
    assert response.context["form"]["note"].value() == "My own rationale."
    claims[1].refresh_from_db()
    assert claims[1].verdict == Verdict.DISPUTED and claims[1].reviewed_by == editor


def test_take_assigns_the_claim_to_me_and_stays(client, reviewer, other_reviewer, ranked):
    claims, extra = ranked
    client.force_login(reviewer)
    response = client.post(f"{DESK}?speaker={claims[2].speaker_id}&claim={claims[2].pk}", {"_take": "1"})
    assert response.status_code == 302
    assert query(response) == {"speaker": [str(claims[2].speaker_id)], "claim": [str(claims[2].pk)]}
    claims[2].refresh_from_db()
    assert claims[2].assigned_to == reviewer
    # Somebody else's claim cannot be taken by a reviewer: the service refuses, the page says so.
    response = client.post(f"{DESK}?claim={extra.pk}", {"_take": "1"}, follow=True)
    assert "only editors may reassign" in response.content.decode()
    extra.refresh_from_db()
    assert extra.assigned_to == other_reviewer


@pytest.mark.parametrize(
    "params",
    ["speaker=abc", "speaker=99999999999999999999999", "outlet=-1", "verdict=nonsense", "article=0"],
)
def test_bad_filters_are_form_errors_not_500s(client, reviewer, ranked, params):
    client.force_login(reviewer)
    response = client.get(f"{DESK}?{params}")
    assert response.status_code == 200
    assert response.context["claim"] is not None  # the bad filter is ignored, the queue still shows


@pytest.mark.parametrize("claim_id", ["abc", "99999999999999999999999", "424242"])
def test_bad_claim_ids_are_404(client, reviewer, ranked, claim_id):
    client.force_login(reviewer)
    assert client.get(f"{DESK}?claim={claim_id}").status_code == 404
    assert client.post(f"{DESK}?claim={claim_id}", {"_take": "1"}).status_code == 404


def test_an_empty_queue_says_so(client, reviewer, db):
    client.force_login(reviewer)
    response = client.get(DESK)
    assert response.status_code == 200 and b"No claim in this queue" in response.content


def test_the_page_shows_context_chips_and_sources(client, reviewer, ranked):
    claims, _ = ranked
    svc.source_add(claim_id=claims[0].pk, user=reviewer, url="https://c.example/doc", title="Doc", stance="context")
    client.force_login(reviewer)
    body = client.get(f"{DESK}?claim={claims[0].pk}").content.decode()
    assert '<mark class="claim-sentence">' in body
    assert '<time datetime="2024-03-05">2024-03-05</time>' in body  # the ISO value of "Tuesday"
    assert 'class="chip chip-place"' in body
    assert "the mayor" in body and "speaker-role" in body
    assert 'class="link-state link-unchecked"' in body
    assert "<script>" not in body


def test_the_desk_page_has_a_small_fixed_query_budget_and_never_counts(client, reviewer, article):
    for position in range(4, 40):
        Claim.objects.create(article=article, position=position, text=f"Claim number {position}.")
    client.force_login(reviewer)
    client.get(DESK)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DESK + "?outlet=" + str(article.outlet_id))
    assert response.status_code == 200
    sqls = [q["sql"].upper() for q in captured.captured_queries]
    assert not [s for s in sqls if "COUNT(" in s]
    # (18, plus the speakers' other names, the dates and the places marked in the whole article: 3 reads)
    assert len(sqls) <= 21, "\n".join(sqls)
    queue_reads = [s for s in sqls if 'FROM "CLAIMS_CLAIM"' in s and '"CHECKWORTHINESS" DESC' in s]
    assert len(queue_reads) >= 3 and all("LIMIT" in s for s in queue_reads)  # slices, never the whole queue


@pytest.mark.parametrize(
    "field, term, found", [("speaker", "Berg", "Anna Berg"), ("article", "Flood", "Flood barrier")]
)
def test_the_speaker_and_article_filters_search_through_the_admin_autocomplete(
    client, reviewer, staff_without_group, article, field, term, found
):
    url = f"/admin/autocomplete/?app_label=claims&model_name=claim&field_name={field}&term={term}"
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    sqls = [q["sql"].upper() for q in captured.captured_queries]
    assert not [s for s in sqls if "COUNT(" in s and "CLAIMS_CLAIM" in s]  # no per-row claim count
    texts = [item["text"] for item in response.json()["results"]]
    assert texts and texts[0].startswith(found)
    chosen = Claim.objects.filter(speaker__name="Anna Berg").first().speaker_id if field == "speaker" else article.pk
    page = client.get(f"{DESK}?{field}={chosen}")
    assert b'data-ajax--url="/admin/autocomplete/"' in page.content
    client.force_login(staff_without_group)
    assert client.get(url).status_code == 403


def test_a_claim_outside_my_queue_still_opens_and_says_so(client, reviewer, ranked):
    _, extra = ranked
    client.force_login(reviewer)
    response = client.get(f"{DESK}?claim={extra.pk}")
    assert response.status_code == 200 and b"not in your queue" in response.content
    assert b'id="desk-take"' not in response.content


def test_a_post_names_its_claim_and_an_unknown_verdict_is_a_form_error(client, reviewer, ranked):
    claims, _ = ranked
    client.force_login(reviewer)
    assert client.post(DESK, {"_take": "1"}).status_code == 404  # not "whichever claim is first now"
    assert claims[1].assigned_to_id is None
    url = f"{DESK}?claim={claims[1].pk}"
    response = client.post(url, {"version": claims[1].version, "_verdict": "bogus"})
    assert response.status_code == 200 and "Unknown verdict" in response.content.decode()
    response = client.post(url, {"version": "x", "_verdict": "verified"})
    assert response.status_code == 200 and response.context["form"].errors["version"]
    response = client.post(url, {"version": claims[1].version, "_add_source": "1"})
    assert "Nothing to save" in response.content.decode()
    claims[1].refresh_from_db()
    assert claims[1].verdict == Verdict.UNREVIEWED and claims[1].version == 1
