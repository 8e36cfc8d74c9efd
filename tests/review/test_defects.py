"""The defects issue 12 found on the way through the review admin, one group of tests each."""

from __future__ import annotations

import html as html_lib
import logging
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.errors import ApplicationError
from claims.models import Article, Claim, SourceLink, Verdict
from claims.services import review as svc
from claims.text import bidi_neutral, bidi_visible, cut_at_word
from tests.review.conftest import PASSWORD
from tests.review.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(user):
        assert client.login(username=user.username, password=PASSWORD)
        return client

    return as_user


def claim_url(claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


# --- headlines are cut at a word, with an ellipsis ---------------------------------------------------

LONG = (
    "The ministry said the new programme would help regional schools explore military history "
    "and was due to open in March 2028, officials added."
)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short claim.", 80, "Short claim."),
        ("one two three four", 12, "one two…"),
        ("one two three four", 13, "one two…"),  # "three" does not fit with the ellipsis
        ("one two three four", 14, "one two three…"),
        ("due to open in March 2028, officials added", 27, "due to open in March 2028,…"),
        ("Supercalifragilistic words", 8, "Superca…"),  # one word longer than the limit
        ("  spaced\n\nout   text  ", 80, "spaced out text"),
    ],
)
def test_cut_at_word_never_cuts_a_word_and_always_marks_the_cut(text, limit, expected):
    cut = cut_at_word(text, limit)
    assert cut == expected
    assert len(cut) <= limit


def test_the_claim_headline_breadcrumb_and_title_end_at_a_word_with_an_ellipsis(login, article, reviewer):
    claim = article.claims.first()
    Claim.objects.filter(pk=claim.pk).update(text=LONG)
    page = login(reviewer).get(claim_url(claim)).content.decode()
    title = html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    crumbs = html_lib.unescape(re.search(r'<div class="breadcrumbs">(.*?)</div>', page, re.S).group(1))
    headline = cut_at_word(LONG, 80)
    assert headline == "The ministry said the new programme would help regional schools explore…"
    assert headline in title
    assert headline in crumbs
    assert "explore mili" not in page
    assert str(Claim.objects.get(pk=claim.pk)) == headline


def test_the_public_page_title_is_cut_at_a_word(client, article, reviewer):
    claim = article.claims.first()
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="No record.")
    Claim.objects.filter(pk=claim.pk).update(text=LONG)
    page = client.get(reverse("public-claim", args=[claim.pk])).content.decode()
    title = html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    assert title == "Fact check: " + cut_at_word(LONG, 90)
    assert title.endswith("…")


# --- the verdict note has a limit ----------------------------------------------------------------------


def test_the_service_refuses_a_note_over_the_limit_and_saves_nothing(claim, reviewer):
    with pytest.raises(ApplicationError) as refused:
        svc.claim_review(
            claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="x" * (svc.NOTE_MAX_LENGTH + 1)
        )
    assert refused.value.fields["note"] == [f"At most {svc.NOTE_MAX_LENGTH:,} characters (10,001 given)."]
    claim.refresh_from_db()
    assert (claim.verdict, claim.verdict_note, claim.reviews.count()) == (Verdict.UNREVIEWED, "", 0)
    # The limit itself is allowed.
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="y" * svc.NOTE_MAX_LENGTH)


@pytest.mark.parametrize(
    "call",
    [
        lambda c, u, note: svc.claim_request_recheck(claim_id=c.pk, user=u, reason=note),
        lambda c, u, note: svc.claim_clear_recheck(claim_id=c.pk, user=u, note=note),
    ],
    ids=["recheck-reason", "clear-note"],
)
def test_every_note_a_person_writes_has_the_same_limit(claim, reviewer, call):
    with pytest.raises(ApplicationError, match="too long"):
        call(claim, reviewer, "z" * (svc.NOTE_MAX_LENGTH + 1))


def test_the_admin_refuses_a_huge_note_with_a_clear_message(login, claim, reviewer):
    client = login(reviewer)
    data = form_data(client.get(claim_url(claim)))
    data.update({"note": "n" * 320_000, "_verdict": "unverifiable"})
    response = client.post(claim_url(claim), data)
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters (it has 320000)." in response.content.decode()
    claim.refresh_from_db()
    assert claim.verdict_note == ""


def test_the_claim_page_prints_the_note_once(login, claim, reviewer, staff_without_group, superuser):
    note = "The council publishes no figures for 2023 unique-marker."
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note=note)
    page = login(reviewer).get(claim_url(claim)).content.decode()
    shown = re.sub(r'<input type="hidden"[^>]*>', "", page)  # what the page displays
    # The form field holds it; the history row records it; the facts list does not repeat it.
    assert shown.count("unique-marker") == 2
    assert "Note: The council" not in page


# --- sources pass the fetcher's URL guard ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8101/admin/",
        "http://localhost:8000/",
        "http://192.168.1.10/report",
        "http://[::1]:8000/",
        "https://user:secret@example.org/",
    ],
)
def test_a_source_the_fetcher_would_refuse_is_refused(claim, reviewer, url):
    with pytest.raises(ApplicationError) as refused:
        svc.source_add(claim_id=claim.pk, user=reviewer, url=url, stance="supports")
    assert refused.value.code == "url_refused"
    assert "url" in refused.value.fields
    with pytest.raises(ApplicationError):
        svc.claim_review(
            claim_id=claim.pk, user=reviewer, verdict=Verdict.VERIFIED, sources=[{"url": url, "stance": "supports"}]
        )
    assert not SourceLink.objects.exists()
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNREVIEWED


def test_a_source_cannot_be_changed_to_a_loopback_url(claim, reviewer):
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://budget.example/", stance="supports")
    with pytest.raises(ApplicationError, match="not allowed"):
        svc.source_update(source_id=source.pk, user=reviewer, url="http://127.0.0.1:8101/admin/")
    assert SourceLink.objects.get(pk=source.pk).url == "https://budget.example/"


def test_the_test_network_allowance_applies_to_sources_too(claim, reviewer, settings):
    settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS = ["127.0.0.1/32"]
    source = svc.source_add(claim_id=claim.pk, user=reviewer, url="http://127.0.0.1:8101/page", stance="supports")
    assert source.pk


def test_the_admin_refuses_a_loopback_source_with_the_reason(login, claim, reviewer):
    client = login(reviewer)
    data = form_data(client.get(claim_url(claim)))
    data.update({"sources-0-url": "http://127.0.0.1:8101/admin/", "sources-0-stance": "supports"})
    data["_verdict"] = "verified"
    page = client.post(claim_url(claim), data).content.decode()
    assert "This source URL is not allowed" in page
    assert "127.0.0.1 is a loopback" in page or "loopback" in page
    assert not SourceLink.objects.exists()


# --- bidi controls: visible in the admin, neutral in public ------------------------------------------

TRICK = "The budget was \u202egnorw\u202c, she said."


def test_bidi_helpers():
    assert bidi_visible(TRICK) == "The budget was ⟨U+202E⟩gnorw⟨U+202C⟩, she said."
    assert bidi_neutral(TRICK) == "The budget was gnorw, she said."
    assert bidi_visible("\u2066x\u2069\u200f") == "⟨U+2066⟩x⟨U+2069⟩⟨U+200F⟩"


@pytest.fixture
def tricky_claim(article, reviewer):
    body = "Budget row\n\n" + TRICK
    Article.objects.filter(pk=article.pk).update(body=body)
    claim = article.claims.first()
    start = body.index(TRICK)
    Claim.objects.filter(pk=claim.pk).update(text=TRICK, start=start, end=start + len(TRICK))
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="Was it \u202ekcab\u202c?")
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://files.example/\u202egnorw\u202c", stance="context")
    return Claim.objects.get(pk=claim.pk)


@pytest.mark.parametrize(
    "page",
    [
        lambda c: reverse("admin:claims_article_change", args=[c.article_id]),
        lambda c: reverse("admin:claims_claim_changelist"),
        lambda c: reverse("admin:claims_claim_change", args=[c.pk]),
        lambda c: reverse("admin:claims_review_changelist"),
        lambda c: reverse("admin:claims_sourcelink_changelist"),
    ],
    ids=["article", "claim-list", "claim-page", "history", "source-list"],
)
def test_admin_pages_show_bidi_controls_as_visible_markers(login, tricky_claim, reviewer, page):
    html = login(reviewer).get(page(tricky_claim)).content.decode()
    assert "⟨U+202E⟩gnorw⟨U+202C⟩" in html
    # Outside form fields (where the stored text must round-trip), no live override is left.
    outside_fields = re.sub(r"<textarea.*?</textarea>|<input[^>]*>", "", html, flags=re.S)
    assert "\u202e" not in outside_fields


def test_the_public_page_shows_no_bidi_control(client, tricky_claim):
    html = client.get(reverse("public-claim", args=[tricky_claim.pk])).content.decode()
    body = html.split("</script>")[-1]  # the JSON-LD keeps the stored data
    body = re.sub(r'href="[^"]*"', "", body)  # so do link targets (not displayed text)
    assert "The budget was gnorw, she said." in body
    assert "Was it kcab?" in body
    assert "\u202e" not in body and "\u202c" not in body


# --- the conflict box says who, when and which source -----------------------------------------------


def test_a_claim_conflict_names_who_changed_the_claim_and_when_not_the_refused_user(login, claim, reviewer, editor):
    client = login(reviewer)
    stale = form_data(client.get(claim_url(claim)))
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No public record.")
    changed_at = claim.reviews.get().created_at
    # The stale post also adds a source: that (rolled back) addition must not be named as the other change.
    stale.update({"sources-0-url": "https://budget.example/", "sources-0-stance": "supports"})
    stale.update({"note": "Mine", "_verdict": "verified"})
    html = client.post(claim_url(claim), stale).content.decode()
    box = re.search(r'<div class="conflict-box".*?</div>', html, re.S).group()
    when = timezone.localtime(changed_at).strftime("%Y-%m-%d %H:%M")
    assert "Not saved: Edna Editor changed this claim at <time" in box
    assert when in box
    assert "Rita" not in html.split('id="conflict"')[1].split("</div>")[0]
    assert "Rita Reviewer" not in " ".join(re.findall(r"Last change:[^.]*", html))
    assert not SourceLink.objects.exists()


def test_a_source_conflict_names_the_source_and_who_changed_it(login, claim, reviewer, other_reviewer):
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://a.example/first", stance="supports")
    second = svc.source_add(claim_id=claim.pk, user=reviewer, url="https://b.example/second", stance="supports")
    client = login(reviewer)
    stale = form_data(client.get(claim_url(claim)))
    svc.source_update(source_id=second.pk, user=other_reviewer, stance="context")
    index = next(i for i in range(2) if stale[f"sources-{i}-id"] == second.pk)
    stale[f"sources-{index}-title"] = "My title"
    html = client.post(claim_url(claim), stale).content.decode()
    box = re.search(r'<div class="conflict-box".*?</div>', html, re.S).group()
    assert "Not saved: Omar Other changed the source https://b.example/second at <time" in box
    assert "stance: you saw “supports”, now “context”" in box


def test_the_conflict_message_itself_names_who_changed_the_claim(claim, reviewer, editor):
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No record.")
    with pytest.raises(ApplicationError) as refused:
        svc.claim_review(
            claim_id=claim.pk,
            user=reviewer,
            verdict=Verdict.UNVERIFIABLE,
            note="x",
            expected_version=claim.version,
            sources=[{"url": "https://c.example/", "stance": "supports"}],
        )
    assert refused.value.changed_by == "Edna Editor"
    assert refused.value.message.startswith("Edna Editor changed this claim")
    assert "Last change: verdict by Edna Editor" in refused.value.message


# --- delete boxes ------------------------------------------------------------------------------------


def test_a_reviewers_own_source_keeps_an_enabled_delete_box_and_signed_off_ones_do_not(login, claim, reviewer, editor):
    svc.source_add(claim_id=claim.pk, user=reviewer, url="https://mine.example/", stance="supports")
    page = login(reviewer).get(claim_url(claim)).content.decode()
    box = re.search(r'<input type="checkbox" name="sources-0-DELETE"[^>]*>', page).group()
    assert "disabled" not in box
    svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.VERIFIED)
    svc.claim_sign_off(claim_id=claim.pk, user=editor)
    page = login(reviewer).get(claim_url(claim)).content.decode()
    box = re.search(r'<input type="checkbox" name="sources-0-DELETE"[^>]*>', page).group()
    assert "disabled" in box and "signed off by Edna Editor" in box
    page = login(editor).get(claim_url(claim)).content.decode()
    assert "disabled" not in re.search(r'<input type="checkbox" name="sources-0-DELETE"[^>]*>', page).group()


# --- the audit list ----------------------------------------------------------------------------------


def test_the_audit_list_is_newest_first_with_labels_and_a_reviewer_filter(login, article, reviewer, editor):
    first, second = article.claims.order_by("position")[:2]
    svc.claim_request_recheck(claim_id=first.pk, user=reviewer, reason="Numbers?")
    svc.claim_review(claim_id=second.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No record.")
    client = login(reviewer)
    url = reverse("admin:claims_review_changelist")
    page = client.get(url).content.decode()
    assert page.index("Edna Editor") < page.index("Rita Reviewer"), "newest first"
    rows_html = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "re-check requested" in rows_html and "recheck_requested" not in rows_html
    response = client.get(url, {"reviewer": str(reviewer.pk)})
    rows = list(response.context["cl"].result_list)
    assert [r.reviewer for r in rows] == [reviewer]
    assert "Rita Reviewer" in response.content.decode().split('id="changelist-filter"')[1]
    rows = list(client.get(url, {"action": "verdict"}).context["cl"].result_list)
    assert [r.action for r in rows] == ["verdict"]
    assert client.get(url, {"reviewer": "99999999999999999999999"}).status_code == 200


# --- ingest dates ------------------------------------------------------------------------------------

INGEST_TEXT = "Harbour news\n\nThe port authority said on Monday that 300 ships used the port last year."


def ingest(client, **fields):
    data = {"text": INGEST_TEXT, "format": "auto", "title": "", "url": "", "outlet": "", **fields}
    return client.post(reverse("admin:claims_article_ingest"), data)


def test_ingest_has_no_default_date_and_requires_one(login, reviewer):
    client = login(reviewer)
    form = client.get(reverse("admin:claims_article_ingest")).context["form"]
    assert form["published"].value() in (None, "")
    response = ingest(client, published="")
    assert response.status_code == 200
    assert "Give the article&#x27;s publication date: there is no default." in response.content.decode()
    assert not Article.objects.exists()


def test_ingest_refuses_a_date_far_in_the_future_and_accepts_today(login, reviewer):
    client = login(reviewer)
    response = ingest(client, published="2099-03-01")
    assert "2099-03-01 is in the future" in response.content.decode()
    assert not Article.objects.exists()
    response = ingest(client, published=(timezone.localdate() + timedelta(days=30)).isoformat())
    assert "is in the future" in response.content.decode()
    response = ingest(client, published="1850-01-01")
    assert "is before 1900" in response.content.decode()
    response = ingest(client, published=timezone.localdate().isoformat())
    assert response.status_code == 302
    assert Article.objects.count() == 1


# --- the admin's frame: view site, 403, attempts -----------------------------------------------------


def test_view_site_leads_to_a_real_page(login, reviewer):
    client = login(reviewer)
    page = client.get(reverse("admin:index"))
    link = re.search(r'<a href="([^"]+)">View site</a>', page.content.decode()).group(1)
    assert link != "/"
    assert client.get(link).status_code == 200


def test_a_refused_page_is_a_proper_page_and_one_log_line(login, staff_without_group, caplog, settings):
    settings.DEBUG = False
    client = login(staff_without_group)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("admin:claims_article_ingest"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Not allowed · Claim registry</title>" in page
    assert "You are signed in as <strong>stan</strong>" in page
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].getMessage().startswith("Forbidden (Permission denied)")
    assert records[0].exc_info is None and not records[0].exc_text
    # The handler's own output (what operators read) is one line.
    formatted = logging.Formatter("%(levelname)s %(message)s").format(records[0])
    assert "\n" not in formatted and "Traceback" not in formatted


def test_a_failed_article_without_attempts_does_not_say_after_0_attempts(login, article, reviewer):
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.FAILED, extraction_attempts=0, status_error="The page answered 404."
    )
    page = login(reviewer).get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert "0 attempts" not in page
    assert "before extraction started" in page
    Article.objects.filter(pk=article.pk).update(extraction_attempts=3)
    page = login(reviewer).get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert "after 3 attempts" in page


# --- the claim page is its own view -------------------------------------------------------------------


def test_the_claim_page_is_its_own_view_not_bent_model_admin_hooks(claim):
    from django.contrib import admin
    from django.urls import resolve

    from claims.admin import ClaimAdmin

    match = resolve(claim_url(claim))
    assert match.func.__name__ == "review_view"
    for hook in ("save_model", "save_related", "get_form", "changeform_view", "response_change"):
        assert getattr(ClaimAdmin, hook) is getattr(admin.ModelAdmin, hook), hook


@pytest.mark.parametrize("object_id", ["abc", "99999999999999999999999", "0", "12345"])
def test_an_unknown_claim_id_is_404_for_get_and_post(login, reviewer, object_id):
    client = login(reviewer)
    url = f"/admin/claims/claim/{object_id}/change/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"_verdict": "verified"}).status_code == 404


def test_a_refused_post_rolls_back_the_sources_it_added_and_logs_nothing(login, claim, reviewer):
    from django.contrib.admin.models import LogEntry

    client = login(reviewer)
    data = form_data(client.get(claim_url(claim)))
    data.update({"sources-0-url": "https://blog.example/x", "sources-0-stance": "supports", "_verdict": "disputed"})
    page = client.post(claim_url(claim), data).content.decode()
    assert "Cannot mark this claim disputed" in page
    assert "https://blog.example/x" in page  # the input is kept
    assert not SourceLink.objects.exists() and not claim.reviews.exists()
    assert not LogEntry.objects.exists()
    data["note"] = "The blog misquotes the budget."
    response = client.post(claim_url(claim), data)
    assert response.status_code == 302
    assert LogEntry.objects.get().change_message == "Added source https://blog.example/x; Marked disputed"


def test_the_claim_page_history_names_each_action_as_people_read_it(login, claim, reviewer, editor):
    svc.claim_request_recheck(claim_id=claim.pk, user=reviewer, reason="Numbers?")
    svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.UNVERIFIABLE, note="No record.")
    page = login(reviewer).get(claim_url(claim)).content.decode()
    history = page.split('id="history"')[1].split("</table>")[0]
    cells = re.findall(r"<td>([^<]*)</td>", history)
    assert "re-check requested" in cells and "verdict" in cells
    assert "recheck_requested" not in history


# --- the claim page's new source: the stance is chosen, never defaulted --------------------------------


def test_a_new_source_on_the_claim_page_has_no_default_stance(login, claim, reviewer):
    client = login(reviewer)
    page = client.get(claim_url(claim))
    new_form = page.context["inline_admin_formsets"][0].formset.forms[-1]
    assert new_form.instance.pk is None and new_form["stance"].value() == ""
    html = page.content.decode()
    select = re.search(r'<select name="sources-0-stance".*?</select>', html, re.S).group(0)
    assert '<option value="" selected>— choose —</option>' in select
    # Typing a URL and pressing "Mark disputed" without choosing a stance: refused on the stance field,
    # not saved as a "supports" source that then makes the verdict fail for want of a refuting one.
    data = form_data(page)
    data.update({"sources-0-url": "https://minutes.example/7", "_verdict": "disputed"})
    response = client.post(claim_url(claim), data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.forms[-1].errors["stance"] == [
        "This field is required."
    ]
    assert not SourceLink.objects.exists()
    data["sources-0-stance"] = "refutes"
    assert client.post(claim_url(claim), data).status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == Verdict.DISPUTED and claim.sources.get().stance == "refutes"


def test_an_untouched_new_source_form_is_still_ignored(login, claim, reviewer):
    client = login(reviewer)
    data = form_data(client.get(claim_url(claim)))
    data.update({"note": "No public record of the figure.", "_verdict": "unverifiable"})
    assert client.post(claim_url(claim), data).status_code == 302
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNVERIFIABLE and not SourceLink.objects.exists()
