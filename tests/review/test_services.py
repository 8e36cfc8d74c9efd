"""The review rules, enforced by claims.services.review for every interface."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from claims.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from claims.models import Claim, Review, SourceLink, Verdict
from claims.services import review as svc

pytestmark = pytest.mark.django_db

SUPPORTS, REFUTES, CONTEXT = "supports", "refutes", "context"


def add_sources(claim, user, *stances):
    for i, stance in enumerate(stances):
        svc.source_add(claim_id=claim.pk, user=user, url=f"https://evidence.example/{i}", stance=stance)


# --- verdict rules ------------------------------------------------------------------------------------

RULES = [
    # verdict, stances of the sources, note, fields reported missing (empty = accepted)
    (Verdict.VERIFIED, [], "", {"sources"}),
    (Verdict.VERIFIED, [SUPPORTS], "", set()),
    (Verdict.VERIFIED, [CONTEXT], "", set()),
    (Verdict.DISPUTED, [], "", {"sources", "note"}),
    (Verdict.DISPUTED, [], "The budget says 30 million.", {"sources"}),
    (Verdict.DISPUTED, [SUPPORTS], "", {"note"}),
    (Verdict.DISPUTED, [SUPPORTS], "The budget says 30 million.", set()),
    (Verdict.DISPUTED, [REFUTES], "", set()),
    (Verdict.UNVERIFIABLE, [], "", {"note"}),
    (Verdict.UNVERIFIABLE, [], "   ", {"note"}),
    (Verdict.UNVERIFIABLE, [], "No public record of the figure.", set()),
]


@pytest.mark.parametrize(("verdict", "stances", "note", "missing"), RULES)
def test_a_verdict_is_accepted_only_with_the_evidence_its_rules_need(claim, reviewer, verdict, stances, note, missing):
    add_sources(claim, reviewer, *stances)
    if missing:
        with pytest.raises(ApplicationError) as refused:
            svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=verdict, note=note)
        assert set(refused.value.fields) == missing
        assert refused.value.message.startswith(f"Cannot mark this claim {verdict}")
        claim.refresh_from_db()
        assert claim.verdict == Verdict.UNREVIEWED
        assert not claim.reviews.filter(action="verdict").exists()
    else:
        reviewed = svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=verdict, note=note)
        assert reviewed.verdict == verdict
        assert reviewed.reviewed_by == reviewer


@pytest.mark.parametrize(
    ("verdict", "note", "expected_words"),
    [
        (Verdict.VERIFIED, "", ["at least one source link"]),
        (Verdict.DISPUTED, "", ["at least one source link", "“refutes”", "rationale"]),
        (Verdict.UNVERIFIABLE, "", ["why this claim cannot be verified"]),
    ],
)
def test_a_refusal_says_exactly_what_is_missing(claim, reviewer, verdict, note, expected_words):
    with pytest.raises(ApplicationError) as refused:
        svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=verdict, note=note)
    for words in expected_words:
        assert words in refused.value.message


def test_sources_given_with_the_verdict_are_attached_in_the_same_step(claim, reviewer):
    reviewed = svc.claim_review(
        claim_id=claim.pk,
        user=reviewer,
        verdict=Verdict.DISPUTED,
        sources=[{"url": "https://budget.example/2024", "stance": REFUTES, "title": "City budget"}],
    )
    assert reviewed.verdict == Verdict.DISPUTED
    assert [s.url for s in reviewed.sources.all()] == ["https://budget.example/2024"]


def test_sources_given_with_a_refused_verdict_are_not_kept(claim, reviewer):
    with pytest.raises(ApplicationError):
        svc.claim_review(
            claim_id=claim.pk,
            user=reviewer,
            verdict=Verdict.DISPUTED,
            sources=[{"url": "https://budget.example/2024", "stance": SUPPORTS}],
        )
    assert not SourceLink.objects.exists()


def test_an_unknown_verdict_is_refused_clearly(claim, reviewer):
    with pytest.raises(ApplicationError, match="Unknown verdict “true”"):
        svc.claim_review(claim_id=claim.pk, user=reviewer, verdict="true")


def test_a_missing_claim_is_not_found(reviewer):
    with pytest.raises(NotFound):
        svc.claim_review(claim_id=999999, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x")


# --- who may -----------------------------------------------------------------------------------------


@pytest.fixture
def nobody(staff_without_group):
    return staff_without_group


@pytest.mark.parametrize("persona", ["staff_without_group", "anonymous", "inactive_reviewer"])
@pytest.mark.parametrize("operation", ["review", "add_source", "assign", "recheck", "clear_recheck", "sign_off"])
def test_people_without_a_review_role_can_do_nothing(request, claim, make_user, persona, operation):
    if persona == "anonymous":
        user = AnonymousUser()
    elif persona == "inactive_reviewer":
        user = make_user("gone", "Reviewers", is_active=False)
    else:
        user = request.getfixturevalue(persona)
    calls = {
        "review": lambda: svc.claim_review(claim_id=claim.pk, user=user, verdict="unverifiable", note="x"),
        "add_source": lambda: svc.source_add(claim_id=claim.pk, user=user, url="https://a.example/", stance=SUPPORTS),
        "assign": lambda: svc.claims_assign(claim_ids=[claim.pk], user=user, assignee=None),
        "recheck": lambda: svc.claims_request_recheck(claim_ids=[claim.pk], user=user, reason="why"),
        "clear_recheck": lambda: svc.claim_clear_recheck(claim_id=claim.pk, user=user),
        "sign_off": lambda: svc.claim_sign_off(claim_id=claim.pk, user=user),
    }
    with pytest.raises(PermissionDenied):
        calls[operation]()
    assert Claim.objects.get(pk=claim.pk).version == claim.version
    assert not Review.objects.exists()


def verified_by(claim, user):
    add_sources(claim, user, SUPPORTS)
    return svc.claim_review(claim_id=claim.pk, user=user, verdict=Verdict.VERIFIED)


@pytest.mark.parametrize(
    ("actor", "new_verdict", "allowed"),
    [
        ("reviewer", Verdict.UNVERIFIABLE, True),  # correcting one's own verdict
        ("reviewer", Verdict.UNREVIEWED, False),  # reopening is for editors
        ("other_reviewer", Verdict.UNVERIFIABLE, False),  # overriding a colleague is for editors
        ("editor", Verdict.UNVERIFIABLE, True),
        ("editor", Verdict.UNREVIEWED, True),
        ("superuser", Verdict.UNREVIEWED, True),
    ],
)
def test_changing_a_reviewed_claim_depends_on_the_role(request, claim, reviewer, actor, new_verdict, allowed):
    verified_by(claim, reviewer)
    user = request.getfixturevalue(actor)
    call = lambda: svc.claim_review(claim_id=claim.pk, user=user, verdict=new_verdict, note="Second look.")  # noqa: E731
    if allowed:
        assert call().verdict == new_verdict
    else:
        with pytest.raises(PermissionDenied, match=r"[Oo]nly editors"):
            call()
        assert Claim.objects.get(pk=claim.pk).verdict == Verdict.VERIFIED


def test_reopening_clears_who_reviewed_it_so_anyone_may_review_again(claim, reviewer, other_reviewer, editor):
    verified_by(claim, reviewer)
    reopened = svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNREVIEWED, note="Check the figure")
    assert reopened.reviewed_by is None
    assert reopened.reviews.last().action == "reopen"
    again = svc.claim_review(claim_id=claim.pk, user=other_reviewer, verdict=Verdict.UNVERIFIABLE, note="No data.")
    assert again.reviewed_by == other_reviewer


def test_after_sign_off_only_editors_may_change_the_verdict(claim, reviewer, editor):
    verified_by(claim, reviewer)
    signed = svc.claim_sign_off(claim_id=claim.pk, user=editor, note="Good sourcing.")
    assert signed.signed_off_by == editor
    with pytest.raises(PermissionDenied, match="signed off by Edna Editor"):
        svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="Hmm.")
    changed = svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="Source withdrawn.")
    assert changed.verdict == Verdict.UNVERIFIABLE
    assert changed.signed_off_by is None, "a changed verdict needs a new sign-off"


def test_after_sign_off_reviewers_may_add_but_not_change_or_remove_evidence(claim, reviewer, editor):
    verified_by(claim, reviewer)
    svc.claim_sign_off(claim_id=claim.pk, user=editor)
    source = claim.sources.get()
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://more.example/", stance=CONTEXT)
    with pytest.raises(PermissionDenied, match="only editors may edit the sources"):
        svc.source_update(source_id=source.pk, user=reviewer, title="New title")
    with pytest.raises(PermissionDenied, match="only editors may remove sources"):
        svc.source_remove(source_id=source.pk, user=reviewer)
    assert svc.source_update(source_id=source.pk, user=editor, title="New title").title == "New title"


def test_only_editors_sign_off_and_only_reviewed_claims(claim, reviewer, editor):
    with pytest.raises(ApplicationError, match="needs a verdict first"):
        svc.claim_sign_off(claim_id=claim.pk, user=editor)
    verified_by(claim, reviewer)
    with pytest.raises(PermissionDenied, match="Only editors may sign"):
        svc.claim_sign_off(claim_id=claim.pk, user=reviewer)
    svc.claim_sign_off(claim_id=claim.pk, user=editor)
    with pytest.raises(ApplicationError, match="already signed off"):
        svc.claim_sign_off(claim_id=claim.pk, user=editor)


# --- optimistic locking ------------------------------------------------------------------------------


def test_it_refuses_a_stale_version_and_says_what_changed(claim, reviewer, editor):
    seen = svc.claim_state(claim)
    stale_version = claim.version
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No record exists.")
    with pytest.raises(Conflict) as conflict:
        svc.claim_review(
            claim_id=claim.pk,
            user=reviewer,
            verdict=Verdict.UNVERIFIABLE,
            note="Mine.",
            expected_version=stale_version,
            seen=seen,
        )
    message = conflict.value.message
    assert "you saw “Unreviewed”, now “Unverifiable”" in message
    assert "note: you saw “(empty)”, now “No record exists.”" in message
    assert "by Edna Editor" in message
    assert set(conflict.value.fields) == {"verdict", "verdict_note"}
    claim.refresh_from_db()
    assert (claim.verdict_note, claim.reviewed_by) == ("No record exists.", editor), "nothing was overwritten"
    assert claim.reviews.count() == 1


def test_a_stale_version_without_what_was_seen_still_shows_the_current_state(claim, reviewer, editor):
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No record exists.")
    with pytest.raises(Conflict, match="verdict: now “Unverifiable”"):
        svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x", expected_version=1)


def test_the_current_version_is_accepted_and_bumped(claim, reviewer):
    reviewed = svc.claim_review(
        claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x", expected_version=claim.version
    )
    assert reviewed.version == claim.version + 1


def test_a_write_racing_between_read_and_save_is_refused_too(claim, reviewer, editor, monkeypatch):
    """Without row locks (SQLite) the compare-and-set on the version still refuses the second writer."""
    real_check = svc._check_may_change_verdict

    def concurrent_write(current, user, verdict):
        Claim.objects.filter(pk=current.pk).update(verdict_note="written meanwhile", version=current.version + 1)
        real_check(current, user, verdict)

    monkeypatch.setattr(svc, "_check_may_change_verdict", concurrent_write)
    with pytest.raises(Conflict, match="written meanwhile"):
        svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="mine")
    # (the simulated writer ran inside the refused transaction, so it is rolled back with it)
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED
    assert not Review.objects.filter(action="verdict").exists()


def test_a_stale_source_edit_is_refused_and_shows_what_changed(claim, reviewer, other_reviewer):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS, title="Old")
    seen = svc.source_state(source)
    svc.source_update(source_id=source.pk, user=other_reviewer, expected_version=1, stance=CONTEXT)
    with pytest.raises(Conflict) as conflict:
        svc.source_update(source_id=source.pk, user=reviewer, expected_version=1, title="Mine", seen=seen)
    assert "stance: you saw “supports”, now “context”" in conflict.value.message
    source.refresh_from_db()
    assert (source.title, source.stance, source.version) == ("Old", CONTEXT, 2)


def test_two_reviewers_adding_different_sources_do_not_collide(claim, reviewer, other_reviewer):
    version = claim.version
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS)
    svc.source_add(claim_id=claim.pk, user=other_reviewer, url="https://b.example/", stance=SUPPORTS)
    reviewed = svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.VERIFIED, expected_version=version)
    assert reviewed.sources.count() == 2


# --- sources -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"url": "", "stance": SUPPORTS}, "url", "needs a URL"),
        ({"url": "javascript:alert(1)", "stance": SUPPORTS}, "url", "not a valid http(s) URL"),
        ({"url": "ftp://files.example/a", "stance": SUPPORTS}, "url", "not a valid http(s) URL"),
        ({"url": "https://a.example/", "stance": "agrees"}, "stance", "Stance must be one of"),
        ({"url": "https://a.example/", "stance": SUPPORTS, "title": "t" * 501}, "title", "At most 500"),
    ],
)
def test_invalid_source_links_are_refused_with_the_field_named(claim, reviewer, fields, field, words):
    with pytest.raises(ApplicationError) as refused:
        svc.source_add(claim_id=claim.pk, user=reviewer, **fields)
    assert field in refused.value.fields
    assert words in refused.value.message


def test_the_same_url_cannot_be_attached_twice(claim, reviewer):
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS)
    with pytest.raises(ApplicationError, match="already has a source with that URL"):
        svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=REFUTES)


def test_removing_the_only_source_of_a_verified_claim_is_refused(claim, reviewer):
    verified_by(claim, reviewer)
    with pytest.raises(ApplicationError, match="needs at least one source link"):
        svc.source_remove(source_id=claim.sources.get().pk, user=reviewer)
    assert claim.sources.count() == 1


def test_turning_the_refuting_source_of_a_disputed_claim_around_is_refused(claim, reviewer):
    add_sources(claim, reviewer, REFUTES)
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.DISPUTED)
    with pytest.raises(ApplicationError, match="“refutes” or a written rationale"):
        svc.source_update(source_id=claim.sources.get().pk, user=reviewer, stance=SUPPORTS)


def test_reviewers_remove_only_their_own_sources_editors_any(claim, reviewer, other_reviewer, editor):
    mine = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS)
    theirs = svc.source_add(claim_id=claim.pk, user=other_reviewer, url="https://b.example/", stance=SUPPORTS)
    with pytest.raises(PermissionDenied, match="Omar Other added this one"):
        svc.source_remove(source_id=theirs.pk, user=reviewer)
    svc.source_remove(source_id=mine.pk, user=reviewer)
    svc.source_remove(source_id=theirs.pk, user=editor)
    assert not claim.sources.exists()
    assert "Removed https://b.example/ (supports)" in claim.reviews.last().note


def test_a_new_url_resets_what_the_link_checker_knew(claim, reviewer):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS)
    SourceLink.objects.filter(pk=source.pk).update(state="broken", last_status=404, consecutive_failures=3)
    updated = svc.source_update(source_id=source.pk, user=reviewer, url="https://b.example/")
    assert (updated.state, updated.last_status, updated.consecutive_failures) == ("unchecked", None, 0)
    assert updated.version == 2


def test_an_edit_that_changes_nothing_writes_nothing(claim, reviewer):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS, title="T")
    same = svc.source_update(source_id=source.pk, user=reviewer, title=" T ", expected_version=1)
    assert same.version == 1
    assert claim.reviews.count() == 1


# --- history -----------------------------------------------------------------------------------------


def test_every_change_is_recorded_with_the_sources_of_that_moment(claim, reviewer, editor):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/", stance=SUPPORTS)
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.VERIFIED, note="Matches the budget.")
    svc.source_update(source_id=source.pk, user=reviewer, title="Budget 2024")
    svc.claim_sign_off(claim_id=claim.pk, user=editor)
    history = list(claim.reviews.order_by("id"))
    assert [r.action for r in history] == ["source_added", "verdict", "source_changed", "sign_off"]
    verdict = history[1]
    assert (verdict.reviewer, verdict.from_verdict, verdict.to_verdict, verdict.note) == (
        reviewer,
        Verdict.UNREVIEWED,
        Verdict.VERIFIED,
        "Matches the budget.",
    )
    assert verdict.sources == [
        {
            "id": source.pk,
            "url": "https://a.example/",
            "title": "",
            "publisher": "",
            "stance": SUPPORTS,
            "excerpt": "",
            "version": 1,
        }
    ], "the snapshot keeps the source as it was, not as it is now"
    assert history[2].sources[0]["title"] == "Budget 2024"


def test_the_history_cannot_be_rewritten(claim, reviewer):
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x")
    review = claim.reviews.get()
    review.note = "rewritten"
    with pytest.raises(TypeError):
        review.save()
    with pytest.raises(TypeError):
        claim.reviews.all().delete()
    with pytest.raises(TypeError):
        Review.objects.filter(pk=review.pk).update(note="rewritten")
    assert Review.objects.get(pk=review.pk).note == "x"


# --- assignment and re-checks -------------------------------------------------------------------------


def test_reviewers_take_unassigned_claims_and_drop_their_own(article, reviewer):
    ids = list(article.claims.values_list("pk", flat=True))
    assert svc.claims_assign(claim_ids=ids, user=reviewer, assignee=reviewer) == 3
    assert svc.claims_assign(claim_ids=ids, user=reviewer, assignee=reviewer) == 0
    assert svc.claims_assign(claim_ids=ids, user=reviewer, assignee=None) == 3
    assert not article.claims.filter(assigned_to__isnull=False).exists()


def test_reviewers_cannot_take_or_drop_a_colleagues_claims(article, reviewer, other_reviewer, editor):
    ids = list(article.claims.values_list("pk", flat=True))
    svc.claims_assign(claim_ids=ids[:1], user=other_reviewer, assignee=other_reviewer)
    for assignee in (reviewer, None):
        with pytest.raises(PermissionDenied, match=r"assigned to somebody else .*Omar Other"):
            svc.claims_assign(claim_ids=ids, user=reviewer, assignee=assignee)
    assert article.claims.filter(assigned_to__isnull=True).count() == 2, "all or nothing"
    with pytest.raises(PermissionDenied, match="Only editors may assign claims to somebody else"):
        svc.claims_assign(claim_ids=ids[1:], user=reviewer, assignee=other_reviewer)
    assert svc.claims_assign(claim_ids=ids, user=editor, assignee=reviewer) == 3


def test_claims_are_assigned_only_to_people_who_review(claim, editor, staff_without_group):
    with pytest.raises(ApplicationError, match="not a reviewer or editor"):
        svc.claims_assign(claim_ids=[claim.pk], user=editor, assignee=staff_without_group)


def test_assignment_does_not_make_open_pages_stale(claim, reviewer):
    svc.claims_assign(claim_ids=[claim.pk], user=reviewer, assignee=reviewer)
    assert Claim.objects.get(pk=claim.pk).version == claim.version


def test_a_recheck_request_needs_a_reason_and_is_recorded(claim, reviewer):
    with pytest.raises(ApplicationError, match="Say what should be re-checked"):
        svc.claims_request_recheck(claim_ids=[claim.pk], user=reviewer, reason=" ")
    flagged = svc.claim_request_recheck(claim_id=claim.pk, user=reviewer, reason="Figure was updated.")
    assert (flagged.needs_recheck, flagged.recheck_reason, flagged.version) == (True, "Figure was updated.", 2)
    assert flagged.reviews.get().action == "recheck_requested"


def test_a_background_process_may_clear_a_recheck_and_is_recorded_as_the_system(claim, reviewer):
    svc.claim_request_recheck(claim_id=claim.pk, user=reviewer, reason="Link broken?")
    cleared = svc.claim_clear_recheck(claim_id=claim.pk, user=None, note="Link answers again.")
    assert (cleared.needs_recheck, cleared.recheck_reason) == (False, "")
    last = cleared.reviews.last()
    assert (last.action, last.reviewer, last.note) == ("recheck_cleared", None, "Link answers again.")
    again = svc.claim_clear_recheck(claim_id=claim.pk, user=None, note="again")
    assert again.reviews.count() == 2, "clearing a clear claim records nothing"
