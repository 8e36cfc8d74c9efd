"""The review workflow in a real browser: headless Debian Chromium driven by Playwright against a live server.

Needs /usr/bin/chromium (CI installs the Debian package); never downloads a browser. On failure the pages
are saved as screenshots under test-artifacts/. Set REVIEW_E2E_SCREENSHOTS=1 to keep them on success too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from claims.models import Claim, Verdict
from tests.review.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture
def browser(monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield instance
        finally:
            instance.close()
            # ORM calls made while Playwright runs its loop get connections of their own: close them, or
            # PostgreSQL cannot drop the test database at the end.
            from django.db import connections

            connections.close_all()


def log_in(page, base_url: str, username: str, next_path: str) -> None:
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))


def save_screenshots(pages: dict, label: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, page in pages.items():
        try:
            page.screenshot(path=str(ARTIFACTS / f"review-e2e-{label}-{name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the test's own failure
            print(f"could not save screenshot {name}: {exc}")


def test_a_reviewer_verifies_a_claim_and_a_stale_page_gets_the_conflict(
    django_db_setup, browser, live_server, article, reviewer, other_reviewer
):
    # (django_db_setup first: the test database then outlives the live server's connection at the end)
    base = live_server.url
    claim = Claim.objects.get(article=article, position=0)
    article_path = f"/admin/claims/article/{article.pk}/change/"
    claim_path = f"/admin/claims/claim/{claim.pk}/change/"

    first = browser.new_context(viewport={"width": 1280, "height": 900})
    second = browser.new_context(viewport={"width": 1280, "height": 900})
    page, stale = first.new_page(), second.new_page()
    pages = {"reviewer": page, "stale": stale}
    try:
        # The second reviewer opens the claim first: their page goes stale when the first one saves.
        log_in(stale, base, other_reviewer.username, claim_path)
        assert stale.locator("#current-verdict").inner_text().strip() == "Unreviewed"

        # The reviewer opens the article and follows a highlighted claim.
        log_in(page, base, reviewer.username, article_path)
        highlight = page.locator(f"#claim-{claim.pk}")
        assert "verdict-unreviewed" in highlight.get_attribute("class")
        assert page.locator("a.claim-hl").count() == 3
        highlight.click()
        page.wait_for_url(re.compile(re.escape(claim_path) + "$"))

        # A supporting source, then "Mark verified": one post, through the review service.
        page.fill("#id_sources-0-url", "https://budget.example/2024/flood-barrier")
        page.fill("#id_sources-0-title", "City budget 2024")
        page.select_option("#id_sources-0-stance", "supports")
        page.click("button[name=_verdict][value=verified]")
        page.wait_for_selector(".messagelist .success")
        assert "Marked verified" in page.locator(".messagelist").inner_text()
        assert page.locator("#current-verdict").inner_text().strip() == "Verified"

        # Back in the article, the claim now wears the verified colour.
        page.click("text=View in the article")
        page.wait_for_url(re.compile(re.escape(article_path)))
        verified = page.locator(f"#claim-{claim.pk}")
        assert "verdict-verified" in verified.get_attribute("class")
        colour = verified.evaluate("el => getComputedStyle(el).backgroundColor")
        assert colour == "rgb(201, 242, 208)"

        # The stale page tries to save: refused, with what changed, and nothing overwritten.
        stale.fill("#id_note", "I could not find any record of this figure.")
        stale.click("button[name=_verdict][value=unverifiable]")
        stale.wait_for_selector("#conflict")
        conflict = stale.locator("#conflict").inner_text()
        assert "Rita Reviewer changed this claim at " in conflict  # the other tab: who, and when
        assert "verdict: you saw “Unreviewed”, now “Verified”" in conflict
        assert stale.locator("#id_note").input_value() == "I could not find any record of this figure."

        claim.refresh_from_db()
        assert (claim.verdict, claim.reviewed_by_id) == (Verdict.VERIFIED, reviewer.pk)
        assert list(claim.sources.values_list("stance", flat=True)) == ["supports"]
        if os.environ.get("REVIEW_E2E_SCREENSHOTS"):
            page.goto(base + claim_path)
            save_screenshots({"claim": page, "conflict": stale}, "ok")
            page.goto(base + article_path)
            save_screenshots({"article": page}, "ok")
    except BaseException:
        save_screenshots(pages, "failure")
        raise
    finally:
        first.close()
        second.close()
