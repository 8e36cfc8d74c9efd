"""The review admin through the test client: who may use which page and action, and what each page shows."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claims import permissions
from claims.models import Article, Claim, Review, SourceLink, Speaker, Verdict
from claims.services import review as svc
from tests.review.conftest import PASSWORD
from tests.review.helpers import form_data

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "staff_without_group", "reviewer", "editor", "superuser"]


@pytest.fixture
def as_persona(request, client):
    def login(persona: str):
        if persona != "anonymous":
            user = request.getfixturevalue(persona)
            assert client.login(username=user.username, password=PASSWORD)
        return client

    return login


def status_for(persona: str, allowed: bool, *, ok: int = 200) -> int:
    if persona == "anonymous":
        return 302  # to the login page
    return ok if allowed else 403


# --- who may see which page ---------------------------------------------------------------------------

PAGES = [
    # name, url builder, who may (besides superusers)
    ("article list", lambda a, c: reverse("admin:claims_article_changelist"), {"reviewer", "editor"}),
    ("article page", lambda a, c: reverse("admin:claims_article_change", args=[a.pk]), {"reviewer", "editor"}),
    ("claim list", lambda a, c: reverse("admin:claims_claim_changelist"), {"reviewer", "editor"}),
    ("claim page", lambda a, c: reverse("admin:claims_claim_change", args=[c.pk]), {"reviewer", "editor"}),
    ("ingest page", lambda a, c: reverse("admin:claims_article_ingest"), {"reviewer", "editor"}),
    ("review history", lambda a, c: reverse("admin:claims_review_changelist"), {"reviewer", "editor"}),
    ("source links", lambda a, c: reverse("admin:claims_sourcelink_changelist"), {"reviewer", "editor"}),
    ("speakers", lambda a, c: reverse("admin:claims_speaker_changelist"), {"reviewer", "editor"}),
    ("add outlet", lambda a, c: reverse("admin:claims_outlet_add"), {"editor"}),
    ("add speaker", lambda a, c: reverse("admin:claims_speaker_add"), {"editor"}),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("page", "url", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_each_admin_page_is_open_only_to_the_roles_that_use_it(as_persona, article, claim, persona, page, url, allowed):
    response = as_persona(persona).get(url(article, claim))
    assert response.status_code == status_for(persona, persona in allowed or persona == "superuser")


def test_staff_without_a_group_see_nothing_on_the_admin_index(as_persona):
    response = as_persona("staff_without_group").get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.context["app_list"] == []


def test_reviewers_see_the_review_models_and_cannot_add_claims_or_delete_anything(as_persona):
    response = as_persona("reviewer").get(reverse("admin:index"))
    models = {m["object_name"]: m for app in response.context["app_list"] for m in app["models"]}
    assert {"Article", "Claim", "SourceLink", "Review", "Speaker", "Outlet"} <= set(models)
    assert models["Claim"]["perms"]["add"] is False
    assert not any(m["perms"].get("delete") for m in models.values())
    assert models["Outlet"]["perms"]["add"] is False, "managing outlets is for editors"


def test_the_groups_have_the_permissions_the_roles_need():
    from importlib import import_module

    migration = import_module("claims.migrations.0002_review_groups")
    assert migration.REVIEWER_PERMISSIONS == permissions.REVIEWER_PERMISSIONS
    assert migration.EDITOR_PERMISSIONS == permissions.EDITOR_PERMISSIONS
    codenames = set(Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True))
    assert {"view_claim", "change_claim", "add_sourcelink", "add_article"} <= codenames
    assert "change_article" not in codenames


# --- the article page ---------------------------------------------------------------------------------


def test_the_article_page_highlights_every_claim_in_place_linking_to_it(as_persona, article):
    response = as_persona("reviewer").get(reverse("admin:claims_article_change", args=[article.pk]))
    html = response.content.decode()
    for claim in article.claims.all():
        link = reverse("admin:claims_claim_change", args=[claim.pk])
        assert f'class="claim-hl verdict-unreviewed" id="claim-{claim.pk}" href="{link}"' in html
    assert response.context["highlighted"].placed == 3
    assert "Flood barrier to open next spring\n\n" in html, "the text between claims is kept"


def test_the_highlight_colour_follows_the_verdict(as_persona, claim, reviewer):
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://budget.example/", stance="supports")
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.VERIFIED)
    response = as_persona("reviewer").get(reverse("admin:claims_article_change", args=[claim.article_id]))
    assert f'class="claim-hl verdict-verified" id="claim-{claim.pk}"' in response.content.decode()
    legend = {item["verdict"]: item["count"] for item in response.context["legend"]}
    assert legend == {"unreviewed": 2, "verified": 1, "disputed": 0, "unverifiable": 0}


HOSTILE = (
    'Headline <script>alert("x")</script>\n\n'
    'The spokesman said <img src=x onerror="alert(1)"> was "fine" & safe.\n\n'
    "</div></pre><a href='javascript:alert(2)'>click</a>"
)


def test_a_hostile_article_is_shown_as_text(as_persona, db):
    from claims.services.articles import body_hash

    article = Article.objects.create(
        title='<b onmouseover="alert(3)">Title</b>', body=HOSTILE, body_hash=body_hash(HOSTILE), status="done"
    )
    speaker = Speaker.objects.create(name="<svg onload=alert(4)>", key="svg")
    sentence = 'The spokesman said <img src=x onerror="alert(1)"> was "fine" & safe.'
    start = HOSTILE.index(sentence)
    Claim.objects.create(article=article, text=sentence, start=start, end=start + len(sentence), speaker=speaker)
    html = as_persona("reviewer").get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    for raw in ["<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "href='javascript:"]:
        assert raw not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;/div&gt;&lt;/pre&gt;" in html
    claim_page = as_persona("reviewer").get(reverse("admin:claims_claim_change", args=[article.claims.get().pk]))
    assert "<img src=x" not in claim_page.content.decode()


def test_a_failed_extraction_shows_its_error_and_a_pending_one_refreshes(as_persona, article):
    Article.objects.filter(pk=article.pk).update(status="failed", status_error="ValueError: <bad> offsets")
    html = as_persona("editor").get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert "ValueError: &lt;bad&gt; offsets" in html
    assert 'http-equiv="refresh"' not in html
    Article.objects.filter(pk=article.pk).update(status="pending")
    html = as_persona("editor").get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert 'http-equiv="refresh"' in html


@pytest.mark.parametrize(("persona", "status"), [("reviewer", 403), ("staff_without_group", 403), ("editor", 302)])
def test_only_editors_may_re_extract(as_persona, article, persona, status, django_capture_on_commit_callbacks):
    client = as_persona(persona)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("admin:claims_article_reextract", args=[article.pk]))
    assert response.status_code == status
    article.refresh_from_db()
    assert (article.status == "pending") is (status == 302)
    assert len(queued) == (1 if status == 302 else 0)


def test_re_extract_is_a_post(as_persona, article):
    assert as_persona("editor").get(reverse("admin:claims_article_reextract", args=[article.pk])).status_code == 405


def test_the_re_extract_button_is_shown_to_editors_only(as_persona, article):
    url = reverse("admin:claims_article_change", args=[article.pk])
    assert b"Re-extract" not in as_persona("reviewer").get(url).content
    assert b"Re-extract" in as_persona("editor").get(url).content


# --- the claim list -----------------------------------------------------------------------------------


def make_claims(article, n: int) -> None:
    speakers = [Speaker.objects.create(name=f"Speaker {i}", key=f"speaker {i}") for i in range(3)]
    Claim.objects.bulk_create(
        Claim(article=article, position=10 + i, text=f"Claim {i}.", start=0, end=1, speaker=speakers[i % 3])
        for i in range(n)
    )


# session, user, user permissions, group permissions, role groups, outlets filter, paginator count
# (capped), the page of claims (speaker, article, assignee joined), counts by verdict. The speaker filter
# costs nothing: an autocomplete box, not a list of speakers.
CLAIM_LIST_QUERIES = 9


@pytest.mark.parametrize("extra_claims", [0, 45])
def test_the_claim_list_costs_the_same_queries_whatever_the_page_size(
    as_persona, article, reviewer, editor, extra_claims, django_assert_num_queries
):
    make_claims(article, extra_claims)
    svc.claims_assign(claim_ids=list(article.claims.values_list("pk", flat=True)), user=editor, assignee=reviewer)
    client = as_persona("reviewer")
    url = reverse("admin:claims_claim_changelist")
    with django_assert_num_queries(CLAIM_LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["cl"].result_list) == 3 + extra_claims


def test_the_claim_list_counts_by_verdict_and_filters(as_persona, article, claim, reviewer):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="no data")
    svc.claims_assign(claim_ids=[claim.pk], user=reviewer, assignee=reviewer)
    client = as_persona("reviewer")
    url = reverse("admin:claims_claim_changelist")
    counts = {c["verdict"]: c["count"] for c in client.get(url).context["verdict_counts"]}
    assert counts == {"unreviewed": 2, "verified": 0, "disputed": 0, "unverifiable": 1}
    cases = {
        "?verdict__exact=unverifiable": [claim.pk],
        "?assigned=me": [claim.pk],
        "?assigned=none": sorted(article.claims.exclude(pk=claim.pk).values_list("pk", flat=True)),
        f"?speaker={claim.speaker_id}": [claim.pk],
        f"?article__outlet__id__exact={article.outlet_id}": sorted(article.claims.values_list("pk", flat=True)),
        "?q=Anna+Berg": sorted(article.claims.filter(speaker__name="Anna Berg").values_list("pk", flat=True)),
        "?q=40+million": [claim.pk],
        "?needs_recheck__exact=1": [],
    }
    for query, expected in cases.items():
        response = client.get(url + query)
        assert sorted(c.pk for c in response.context["cl"].result_list) == expected, query
    filtered = {c["verdict"]: c["count"] for c in client.get(url + "?assigned=none").context["verdict_counts"]}
    assert filtered["unreviewed"] == 2 and filtered["unverifiable"] == 0, "counts follow the filters"


def post_action(client, action: str, ids, **extra):
    data = {"action": action, "_selected_action": [str(i) for i in ids], "index": 0, **extra}
    return client.post(reverse("admin:claims_claim_changelist"), data, follow=True)


def test_reviewers_take_and_drop_assignments_in_bulk(as_persona, article, reviewer):
    ids = list(article.claims.values_list("pk", flat=True))
    client = as_persona("reviewer")
    post_action(client, "assign_to_me", ids)
    assert set(article.claims.values_list("assigned_to", flat=True)) == {reviewer.pk}
    post_action(client, "unassign", ids)
    assert set(article.claims.values_list("assigned_to", flat=True)) == {None}


def test_a_refused_bulk_action_says_why_and_changes_nothing(as_persona, article, other_reviewer):
    ids = list(article.claims.values_list("pk", flat=True))
    svc.claims_assign(claim_ids=ids[:1], user=other_reviewer, assignee=other_reviewer)
    response = post_action(as_persona("reviewer"), "assign_to_me", ids)
    html = response.content.decode()
    assert "1 of these claims is assigned to somebody else (Omar Other); only editors may reassign it." in html
    assert article.claims.filter(assigned_to__isnull=True).count() == 2


def test_a_refusal_naming_several_claims_uses_the_plural(as_persona, article, other_reviewer):
    ids = list(article.claims.values_list("pk", flat=True))
    svc.claims_assign(claim_ids=ids[:2], user=other_reviewer, assignee=other_reviewer)
    html = post_action(as_persona("reviewer"), "assign_to_me", ids).content.decode()
    assert "2 of these claims are assigned to somebody else (Omar Other); only editors may reassign them." in html


def test_a_recheck_request_asks_for_a_reason_then_flags_the_claims(as_persona, article):
    ids = list(article.claims.values_list("pk", flat=True))[:2]
    client = as_persona("reviewer")
    page = post_action(client, "request_recheck", ids)
    assert b"What should the next reviewer look at?" in page.content
    assert not Claim.objects.filter(needs_recheck=True).exists()
    post_action(client, "request_recheck", ids, apply="1", reason="The budget was revised.")
    assert set(Claim.objects.filter(needs_recheck=True).values_list("pk", flat=True)) == set(ids)
    assert Review.objects.filter(action="recheck_requested").count() == 2


def test_only_editors_are_offered_assigning_to_someone_else(as_persona, article, reviewer):
    url = reverse("admin:claims_claim_changelist")
    reviewer_actions = {
        name for name, _ in as_persona("reviewer").get(url).context["action_form"].fields["action"].choices
    }
    assert {"assign_to_me", "unassign", "request_recheck"} <= reviewer_actions
    assert "assign_to_reviewer" not in reviewer_actions
    assert "delete_selected" not in reviewer_actions
    client = as_persona("editor")
    ids = list(article.claims.values_list("pk", flat=True))
    post_action(client, "assign_to_reviewer", ids, apply="1", assignee=str(reviewer.pk))
    assert set(article.claims.values_list("assigned_to", flat=True)) == {reviewer.pk}


def test_a_reviewer_posting_an_editor_action_is_refused(as_persona, article, other_reviewer):
    ids = list(article.claims.values_list("pk", flat=True))
    post_action(as_persona("reviewer"), "assign_to_reviewer", ids, apply="1", assignee=str(other_reviewer.pk))
    assert not article.claims.filter(assigned_to__isnull=False).exists()


# --- the claim page -----------------------------------------------------------------------------------


def claim_url(claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


def test_the_claim_page_shows_the_claim_in_context_with_its_facts(as_persona, article):
    claim = article.claims.get(position=2)
    html = as_persona("reviewer").get(claim_url(claim)).content.decode()
    assert '<mark class="claim-sentence">She added that work starts in May.</mark>' in html
    assert "said Anna Berg, the city engineer. " in html, "the rest of the paragraph is shown"
    assert "Anna Berg</a>, <span class='speaker-role'>city engineer</span>" in html
    assert "“May” → <strong>2024-05</strong>" in html
    for label in ("Mark verified", "Mark disputed", "Mark unverifiable"):
        assert label in html


def test_adding_a_source_and_marking_verified_is_one_step(as_persona, claim, reviewer):
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    data.update(
        {
            "sources-0-url": "https://budget.example/2024",
            "sources-0-stance": "supports",
            "sources-0-title": "City budget 2024",
            "_verdict": "verified",
        }
    )
    response = client.post(claim_url(claim), data, follow=True)
    assert response.redirect_chain[-1][0] == claim_url(claim)
    claim.refresh_from_db()
    assert (claim.verdict, claim.reviewed_by) == (Verdict.VERIFIED, reviewer)
    assert [r.action for r in claim.reviews.order_by("id")] == ["source_added", "verdict"]
    assert "Added source https://budget.example/2024. Marked verified." in response.content.decode()


def test_a_verdict_missing_its_evidence_is_refused_on_the_page_keeping_the_input(as_persona, claim):
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    data.update({"sources-0-url": "https://blog.example/x", "sources-0-stance": "supports", "_verdict": "disputed"})
    response = client.post(claim_url(claim), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A disputed claim needs a source with stance “refutes” or a written rationale" in html
    assert 'value="https://blog.example/x"' in html, "what the reviewer typed is still there"
    assert not SourceLink.objects.exists(), "the source added in the refused post was rolled back"
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED


def test_a_stale_page_gets_a_conflict_showing_what_changed(as_persona, claim, editor):
    client = as_persona("reviewer")
    stale = form_data(client.get(claim_url(claim)))
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No public record.")
    stale.update({"note": "I think it is unverifiable too", "_verdict": "unverifiable"})
    response = client.post(claim_url(claim), stale)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="conflict"' in html
    assert "verdict: you saw “Unreviewed”, now “Unverifiable”" in html
    assert "note: you saw “(empty)”, now “No public record.”" in html
    assert "I think it is unverifiable too" in html
    claim.refresh_from_db()
    assert (claim.verdict_note, claim.reviewed_by) == ("No public record.", editor)


def test_a_stale_source_edit_gets_a_conflict(as_persona, claim, reviewer, other_reviewer):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance="supports")
    client = as_persona("reviewer")
    stale = form_data(client.get(claim_url(claim)))
    svc.source_update(source_id=source.pk, user=other_reviewer, stance="context")
    stale["sources-0-title"] = "My title"
    html = client.post(claim_url(claim), stale).content.decode()
    assert "stance: you saw “supports”, now “context”" in html
    assert SourceLink.objects.get(pk=source.pk).title == ""


def test_a_note_without_a_verdict_is_not_silently_dropped(as_persona, claim):
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    data.update({"note": "Some thoughts", "_save": "Save sources"})
    html = client.post(claim_url(claim), data).content.decode()
    assert "Your note was not saved: a note goes with a verdict" in html


def test_buttons_a_reviewer_may_not_use_are_disabled_with_the_reason(as_persona, claim, other_reviewer, reviewer):
    svc.claim_review(claim_id=claim.pk, user=other_reviewer, verdict=Verdict.UNVERIFIABLE, note="x")
    html = as_persona("reviewer").get(claim_url(claim)).content.decode()
    assert 'disabled title="Omar Other reviewed this claim; only editors may override' in html
    data = form_data(as_persona("reviewer").get(claim_url(claim)))
    data.update({"note": "override", "_verdict": "unverifiable"})
    response = as_persona("reviewer").post(claim_url(claim), data)
    assert "only editors may override" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).verdict_note == "x"


def test_editors_sign_off_and_reopen_from_the_claim_page(as_persona, claim, reviewer, editor):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x")
    client = as_persona("editor")
    data = form_data(client.get(claim_url(claim)))
    client.post(claim_url(claim), {**data, "_signoff": "1"})
    assert Claim.objects.get(pk=claim.pk).signed_off_by == editor
    data = form_data(client.get(claim_url(claim)))
    client.post(claim_url(claim), {**data, "_reopen": "1", "note": "Needs a source"})
    claim.refresh_from_db()
    assert (claim.verdict, claim.signed_off_by) == (Verdict.UNREVIEWED, None)


@pytest.mark.parametrize(("persona", "status"), [("staff_without_group", 403), ("anonymous", 302)])
def test_people_without_a_role_cannot_post_a_verdict(as_persona, client, claim, reviewer, persona, status):
    client.login(username=reviewer.username, password=PASSWORD)
    data = form_data(client.get(claim_url(claim)))
    client.logout()
    response = as_persona(persona).post(claim_url(claim), {**data, "note": "x", "_verdict": "unverifiable"})
    assert response.status_code == status
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED


def test_the_history_is_shown_read_only(as_persona, claim, reviewer):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No record <b>x</b>")
    client = as_persona("editor")
    html = client.get(claim_url(claim)).content.decode()
    assert "Unreviewed → Unverifiable" in html
    assert "No record &lt;b&gt;x&lt;/b&gt;" in html
    review = claim.reviews.get()
    assert client.get(reverse("admin:claims_review_change", args=[review.pk])).context["has_change_permission"] is False
    assert client.post(reverse("admin:claims_review_delete", args=[review.pk])).status_code == 403


def test_a_recheck_is_requested_and_cleared_from_the_claim_page_with_a_reason(as_persona, claim, reviewer):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No record.")
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    html = client.post(claim_url(claim), {**data, "_request_recheck": "1"}).content.decode()
    assert "Write in the note what should be re-checked" in html, "the verdict's own note is not a reason"
    client.post(claim_url(claim), {**data, "_request_recheck": "1", "note": "A report came out today."})
    claim.refresh_from_db()
    assert (claim.needs_recheck, claim.recheck_reason) == (True, "A report came out today.")
    data = form_data(client.get(claim_url(claim)))
    client.post(claim_url(claim), {**data, "_clear_recheck": "1"})
    claim.refresh_from_db()
    assert (claim.needs_recheck, claim.verdict_note) == (False, "No record.")
    assert [r.action for r in claim.reviews.order_by("id")] == ["verdict", "recheck_requested", "recheck_cleared"]


def test_sources_are_removed_through_the_service_rules(as_persona, claim, reviewer, other_reviewer):
    theirs = svc.source_add(claim_id=claim.pk, user=other_reviewer, url="https://b.example/", stance="context")
    client = as_persona("reviewer")
    page = client.get(claim_url(claim))
    delete_box = re.search(r'<input type="checkbox" name="sources-0-DELETE"[^>]*>', page.content.decode()).group()
    assert "disabled" in delete_box
    assert 'title="Only editors may remove a source somebody else added (Omar Other added this one)."' in delete_box
    # A forged post with the box ticked removes nothing either.
    client.post(claim_url(claim), {**form_data(page), "sources-0-DELETE": "on"})
    assert SourceLink.objects.filter(pk=theirs.pk).exists()
    editor_client = as_persona("editor")
    data = form_data(editor_client.get(claim_url(claim)))
    editor_client.post(claim_url(claim), {**data, "sources-0-DELETE": "on"})
    assert not SourceLink.objects.filter(pk=theirs.pk).exists()
    assert claim.reviews.last().action == "source_removed"


def test_an_invalid_source_url_is_an_error_on_the_field_not_a_crash(as_persona, claim):
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    for url in ("not a url", "ftp://files.example/report.pdf"):
        response = client.post(claim_url(claim), {**data, "sources-0-url": url, "_verdict": "verified"})
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
    assert not SourceLink.objects.exists()


@pytest.mark.parametrize(
    ("tampered", "status", "saved"),
    [
        ({"version": "abc"}, 200, False),
        ({"version": ""}, 200, False),
        ({"_verdict": "true"}, 200, False),
        ({"seen": "{not json"}, 302, True),  # only the conflict message would lose its detail
    ],
)
def test_a_tampered_form_is_refused_or_harmless_never_a_crash(as_persona, claim, tampered, status, saved):
    client = as_persona("reviewer")
    data = form_data(client.get(claim_url(claim)))
    response = client.post(claim_url(claim), {**data, "note": "x", "_verdict": "unverifiable", **tampered})
    assert response.status_code == status
    assert (Claim.objects.get(pk=claim.pk).verdict == Verdict.UNVERIFIABLE) is saved
