"""Content-Security-Policy: the header is sent, the templates have no inline script or style, and every page
works under it in a real browser (headless Debian Chromium) with zero policy violations.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from django.urls import reverse

from claims.models import Claim, Verdict
from claims.services import review as svc
from tests.review import test_e2e_browser as e2e
from tests.review.test_e2e_browser import CHROMIUM, log_in, save_screenshots

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", ROOT / "api" / "templates", ROOT / "claims" / "templates"]


def test_every_response_carries_the_policy(client, superuser, settings):
    response = client.get("/admin/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert client.get("/api/v1/claims/")["Content-Security-Policy"] == policy
    client.force_login(superuser)
    browsable = client.get("/api/v1/claims/", HTTP_ACCEPT="text/html")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in browsable, "REST framework's own pages have inline styles"
    assert "script-src 'self';" in browsable, "but no inline script"
    settings.REGISTRY_CSP_REPORT_ONLY = True
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"] == policy


def test_the_templates_have_no_inline_script_style_or_handler():
    found = []
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html") if folder.exists() else []:
            text = path.read_text()
            for pattern in (
                r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)",
                r"<style",
                r"\sstyle=",
                r"\son[a-z]+=",
            ):
                for match in re.finditer(pattern, text):
                    found.append(f"{path.relative_to(ROOT)}: {text[match.start() : match.start() + 40]!r}")
    assert found == []


# --- in the browser -----------------------------------------------------------------------------------

browser = e2e.browser  # the same headless Debian Chromium as the review workflow's browser test

COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Polls an expression through the DevTools protocol (Playwright's wait_for_function evaluates its
    predicate inside the page, which the policy refuses as eval)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {expression}"
        time.sleep(0.05)


class Watcher:
    """Collects the policy violations of one page: its `securitypolicyviolation` events and console errors."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__csp || []") + self.console

    def visit(self, url: str) -> list[str]:
        self.console.clear()
        response = self.page.goto(url)
        assert response.status == 200, (url, response.status)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        self.page.wait_for_load_state("networkidle")
        return self.violations()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)"
)
def test_every_page_works_under_the_policy_with_no_violation(
    django_db_setup, browser, live_server, article, reviewer, superuser
):
    base = live_server.url
    claim = Claim.objects.get(article=article, position=0)
    svc.claim_review(
        claim_id=claim.pk,
        user=reviewer,
        verdict=Verdict.VERIFIED,
        sources=[{"url": "https://budget.example/2024", "stance": "supports", "title": "City budget"}],
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watcher(page)
    try:
        # The collector works: an inline script is refused and reported.
        watch.visit(base + "/admin/login/")
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
            " document.head.appendChild(s); }"
        )
        wait_until(page, "window.__csp.length > 0")
        assert page.evaluate("window.inlineRan === undefined")
        assert any("script-src" in v for v in watch.violations())

        assert watch.visit(base + "/admin/login/") == []
        log_in(page, base, superuser.username, "/admin/")
        pages = {
            "admin index": "/admin/",
            "article list": reverse("admin:claims_article_changelist"),
            "article page": reverse("admin:claims_article_change", args=[article.pk]),
            "claim list": reverse("admin:claims_claim_changelist"),
            "claim page": reverse("admin:claims_claim_change", args=[claim.pk]),
            "ingest page": reverse("admin:claims_article_ingest"),
            "review history": reverse("admin:claims_review_changelist"),
            "login attempts": reverse("admin:axes_accessattempt_changelist"),
            "users": reverse("admin:auth_user_changelist"),
            "public claim page": reverse("public-claim", args=[claim.pk]),
            "API reference": reverse("api-docs"),
            "browsable API (inline styles allowed)": "/api/v1/claims/",
        }
        for name, path in pages.items():
            assert watch.visit(base + path) == [], name

        # The admin's own scripts run: the claim page's inline formset grows a row ("Add another").
        watch.console.clear()
        page.goto(base + pages["claim page"])
        forms = "#sources-group .inline-related:not(.empty-form)"
        rows = page.locator(forms).count()
        page.click("#sources-group .add-row a")
        assert page.locator(forms).count() == rows + 1
        # The claim list's select-all checkbox (actions.js) ticks every row.
        page.goto(base + pages["claim list"])
        page.check("#action-toggle")
        assert page.locator("input.action-select:checked").count() == 3
        # The API reference's console (its own static script) fills the form from a "try" button.
        page.goto(base + pages["API reference"])
        page.locator("button.use").first.click()
        assert page.locator("#path").input_value().startswith("/api/v1/")
        page.click("#try button")
        wait_until(page, "document.getElementById('out').textContent.startsWith('200')")
        # The public page's style sheet applies.
        page.goto(base + pages["public claim page"])
        colour = page.locator(".verdict").evaluate("el => getComputedStyle(el).backgroundColor")
        assert colour == "rgb(216, 243, 220)"
        assert watch.violations() == []

        # A reviewer's session (the desk: lists and the ingest form) and a submitted article.
        context.clear_cookies()
        log_in(page, base, reviewer.username, pages["ingest page"])
        page.fill("#id_title", "Harbour dredging")
        page.fill("#id_text", "The port authority said on Monday that dredging will cost 3 million euros.")
        page.click("input[name=_save]")
        page.wait_for_load_state("networkidle")
        assert watch.violations() == []
    except BaseException:
        save_screenshots({"csp": page}, "csp-failure")
        raise
    finally:
        context.close()
