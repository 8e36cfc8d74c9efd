"""The review desk in a real browser: ten claims in a row with the keyboard only, one page load per claim.

Headless Debian Chromium (the same launch as test_e2e_browser); skipped when it is missing. Saves the
screenshot shown in docs/reviewing.md (docs/img/desk.png) when REVIEW_DESK_SCREENSHOT=1.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.models import Article, Claim, Speaker, Verdict
from claims.services import review as svc
from claims.services.articles import body_hash
from tests.review import test_e2e_browser as e2e
from tests.review.test_e2e_browser import CHROMIUM, log_in, save_screenshots

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

browser = e2e.browser
DESK = "/admin/claims/claim/desk/"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "desk.png"

SECOND_BODY = (
    "Harbour ferry fares to rise\n\n"
    "Fares will rise by 8 percent in April, the transport director said on Monday. "
    "The harbour carried two million passengers last year, according to the port authority. "
    "Diesel costs doubled since 2021, the operator said.\n\n"
    "A new electric ferry will enter service in 2026, the council said. "
    "Night crossings will end in June, officials said. "
    "The old pier will close for repairs in the autumn, the council added. "
    "Season tickets will cost 40 euros more, the operator said. "
    "Ticket machines will accept cards from May, the director said."
)


@pytest.fixture
def queue(article):
    """Eleven claims in two articles, check-worthiness falling: the desk's order is known."""
    second = Article.objects.create(
        title="Harbour ferry fares to rise",
        body=SECOND_BODY,
        body_hash=body_hash(SECOND_BODY),
        outlet=article.outlet,
        published_at=datetime(2024, 3, 9, 9, tzinfo=UTC),
        status=Article.Status.DONE,
    )
    director = Speaker.objects.create(name="the transport director", key="the transport director")
    paragraphs = SECOND_BODY.split("\n\n")[1:]
    sentences = [s.strip() + "." for p in paragraphs for s in p.split(".") if s.strip()]
    for position, text in enumerate(sentences):
        start = SECOND_BODY.index(text)
        Claim.objects.create(
            article=second, position=position, text=text, start=start, end=start + len(text), speaker=director
        )
    claims = list(article.claims.order_by("position")) + list(second.claims.order_by("position"))
    for rank, claim in enumerate(claims):
        claim.checkworthiness = round(0.99 - rank * 0.05, 2)
        claim.save(update_fields=["checkworthiness"])
    return claims


def test_ten_claims_in_a_row_with_the_keyboard_only(django_db_setup, browser, live_server, queue, reviewer, editor):
    assert len(queue) >= 11
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} {message.location.get('url', '')}")
            if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        log_in(page, base, reviewer.username, DESK)
        loads: list[str] = []
        page.on("framenavigated", lambda frame: loads.append(frame.url) if frame == page.main_frame else None)

        def shows(claim: Claim) -> None:
            assert page.locator(".desk-list li.current").inner_text().strip()[:20] == claim.text[:20]

        def add_source(url: str, stance_letter: str) -> None:
            page.keyboard.press("s")
            page.keyboard.type(url)
            page.keyboard.press("Tab")  # title
            page.keyboard.type("Evidence")
            page.keyboard.press("Tab")  # publisher
            page.keyboard.press("Tab")  # stance: typing its first letter chooses it
            page.keyboard.type(stance_letter)
            page.keyboard.press("Escape")  # out of the form: the shortcuts work again

        def verdict(key: str) -> None:
            with page.expect_navigation():
                page.keyboard.press(key)

        conflict_at = 4
        plan = ["v", "d", "u", "v", "conflict", "d", "u", "v", "v", "d"]
        for index, step in enumerate(plan):
            claim = queue[index]
            shows(claim)
            before = len(loads)
            if step == "conflict":
                # Somebody else decides this claim while the reviewer has it open.
                svc.source_add(claim_id=claim.pk, user=editor, url="https://port.example/figures", stance="supports")
                svc.claim_review(claim_id=claim.pk, user=editor, verdict=Verdict.VERIFIED)
                add_source("https://mine.example/report", "s")
                verdict("v")
                box = page.locator("#conflict").inner_text()
                assert "Edna Editor changed this claim" in box
                assert page.locator("#id_url").input_value() == "https://mine.example/report"  # input kept
                with page.expect_navigation():
                    page.keyboard.press("j")  # the editor's verdict stands: on to the next claim
                assert len(loads) == before + 2  # the refused post, then the next claim
                continue
            if step == "v":
                add_source(f"https://evidence.example/{index}", "s")
            elif step == "d":
                add_source(f"https://evidence.example/{index}", "r")
            else:
                page.keyboard.press("n")
                page.keyboard.type("No public record of this figure.")
                page.keyboard.press("Escape")
            if index == 2:
                page.keyboard.press("?")
                assert page.locator("#desk-help").get_attribute("open") is not None
                if os.environ.get("REVIEW_DESK_SCREENSHOT"):
                    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
                    page.evaluate("window.scrollTo(0, 0)")
                    page.screenshot(path=str(SCREENSHOT))
                page.keyboard.press("?")
            verdict(step)
            assert len(loads) == before + 1, loads[before:]  # one page load per claim
            assert page.locator(".messagelist .success").count() == 1
            assert f"claim={queue[index + 1].pk}" in page.url

        assert len(loads) == len(plan) + 1  # ten claims, plus the one refused post
        expected = {"v": Verdict.VERIFIED, "d": Verdict.DISPUTED, "u": Verdict.UNVERIFIABLE}
        for index, step in enumerate(plan):
            claim = Claim.objects.get(pk=queue[index].pk)
            if step == "conflict":
                assert (claim.verdict, claim.reviewed_by_id) == (Verdict.VERIFIED, editor.pk)
                assert list(claim.sources.values_list("url", flat=True)) == ["https://port.example/figures"]
                continue
            assert (claim.verdict, claim.reviewed_by_id) == (expected[step], reviewer.pk), index
            stances = list(claim.sources.values_list("stance", flat=True))
            assert stances == {"v": ["supports"], "d": ["refutes"], "u": []}[step], index
        assert conflict_at == plan.index("conflict")
        assert errors == []  # no policy violation, no missing script or style
        assert page.evaluate("typeof django !== 'undefined' && typeof django.jQuery.fn.select2 === 'function'")
    except BaseException:
        save_screenshots({"desk": page}, "desk-failure")
        raise
    finally:
        context.close()


def test_the_desk_under_the_policy_with_the_speaker_autocomplete_and_take(
    django_db_setup, browser, live_server, queue, reviewer
):
    from tests.review.test_csp import Watcher, wait_until

    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    watch = Watcher(page)
    try:
        log_in(page, base, reviewer.username, DESK)
        assert watch.visit(base + DESK) == []
        # The speaker filter searches as one types (select2 from the admin's static files, no inline code).
        page.click("#id_speaker + .select2 .select2-selection")
        page.keyboard.type("Berg")
        # Wait for the answer itself: while the search runs, select2 shows one "Searching…" option.
        wait_until(
            page,
            "Array.from(document.querySelectorAll('.select2-results__option--highlighted'))"
            ".some(o => o.textContent.includes('Anna Berg'))",
        )
        page.keyboard.press("Enter")  # choose Anna Berg …
        wait_until(page, "document.querySelector('#id_speaker').value !== ''")
        with page.expect_navigation():
            page.click("#desk-filters button[type=submit]")  # … and filter
        berg = Speaker.objects.get(name="Anna Berg")
        assert f"speaker={berg.pk}" in page.url
        assert page.locator("#desk-speaker").inner_text().startswith("Anna Berg")
        # `t` takes the claim; it stays on the page, now "yours".
        with page.expect_navigation():
            page.keyboard.press("t")
        assert f"speaker={berg.pk}" in page.url
        claim_id = int(re.search(r"claim=(\d+)", page.url).group(1))
        assert Claim.objects.get(pk=claim_id).assigned_to_id == reviewer.pk
        # `k` from the second claim goes back to the first.
        with page.expect_navigation():
            page.keyboard.press("j")
        with page.expect_navigation():
            page.keyboard.press("k")
        assert f"claim={claim_id}" in page.url
        assert watch.violations() == []
    except BaseException:
        save_screenshots({"desk": page}, "desk-csp-failure")
        raise
    finally:
        context.close()


def test_the_desk_works_without_javascript(django_db_setup, browser, live_server, queue, reviewer):
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 860}, java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, base, reviewer.username, DESK)
        page.fill("#id_url", "https://evidence.example/plain")
        page.select_option("#id_stance", "supports")
        with page.expect_navigation():
            page.click("button[name=_verdict][value=verified]")
        assert f"claim={queue[1].pk}" in page.url
        assert Claim.objects.get(pk=queue[0].pk).verdict == Verdict.VERIFIED
        with page.expect_navigation():
            page.click("#desk-next")
        assert f"claim={queue[2].pk}" in page.url
    except BaseException:
        save_screenshots({"desk": page}, "desk-nojs-failure")
        raise
    finally:
        context.close()


def test_the_claim_list_speaker_box_article_marks_and_link_check_in_a_browser(
    django_db_setup, browser, live_server, queue, reviewer, monkeypatch
):
    """Issue 12: the claim list's speaker filter is a search box that works under the policy; the article
    view marks speakers, dates and places; "Check this link now" checks and shows the result."""
    from claims.fetching import FetchResult, Outcome
    from claims.services import recheck
    from tests.review.test_csp import Watcher, wait_until

    monkeypatch.setattr(
        recheck,
        "fetch",
        lambda url, policy: FetchResult(
            url=url,
            outcome=Outcome.RESPONSE,
            final_url=url,
            status_code=200,
            content_type="text/html",
            body=b"<html><body><p>Forty million euros for the barrier.</p></body></html>",
        ),
    )
    base = live_server.url
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = Watcher(page)
    try:
        log_in(page, base, reviewer.username, "/admin/claims/claim/")
        assert watch.visit(base + "/admin/claims/claim/?verdict__exact=unreviewed") == []
        page.click("#speaker-filter + .select2 .select2-selection")
        page.keyboard.type("Berg")
        wait_until(
            page,
            "Array.from(document.querySelectorAll('.select2-results__option--highlighted'))"
            ".some(o => o.textContent.includes('Anna Berg'))",
        )
        page.keyboard.press("Enter")
        wait_until(page, "document.querySelector('#speaker-filter').value !== ''")
        with page.expect_navigation():
            page.click("#speaker-filter-form button[type=submit]")
        berg = Speaker.objects.get(name="Anna Berg")
        assert f"speaker={berg.pk}" in page.url and "verdict__exact=unreviewed" in page.url
        assert page.locator("#result_list tbody tr").count() == berg.claims.count()
        # The article view: the marks are there, each with its kind in words.
        article_id = queue[0].article_id
        assert watch.visit(f"{base}/admin/claims/article/{article_id}/change/") == []
        assert page.locator("#article-text mark.fact-speaker").first.inner_text().startswith("the mayor")
        assert (
            page.locator("#article-text mark.fact-date").count() == 2
            and page.locator("#article-text mark.fact-place").count() == 2
        )
        assert page.locator("#article-text mark.fact-date").first.get_attribute("title") == "date: 2024-03-05"
        # A source, then "Check this link now" on the claim page: the result is shown (tasks run inline here).
        claim = queue[0]
        svc.source_add(claim_id=claim.pk, user=reviewer, url="https://budget.example/2024", stance="supports")
        assert watch.visit(f"{base}/admin/claims/claim/{claim.pk}/change/") == []
        with page.expect_navigation():
            page.click("button.check-link")
        assert "Link checked: OK, HTTP 200" in page.locator(".messagelist").inner_text()
        assert page.locator("a.archive-link").get_attribute("href").startswith("https://web.archive.org/web/")
        assert watch.violations() == []
    except BaseException:
        save_screenshots({"list": page}, "claim-list-failure")
        raise
    finally:
        context.close()
