"""The reviewers' dashboard on the admin index: who sees it, its figures on a known dataset, its charts and
tables, and a fixed number of queries whatever the number of claims."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from claims import selectors
from claims.charts import _nice_max
from claims.models import Article, Claim, SourceLink, Verdict
from claims.services import review as svc
from tests.review import test_e2e_browser as e2e
from tests.review.conftest import PASSWORD

NOW = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)  # a Wednesday: this week started Monday 7 December
SUPPORTS = SourceLink.Stance.SUPPORTS


def at(moment: datetime):
    """Everything written inside gets `moment` as its creation time (auto_now_add reads timezone.now)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def make_article(title: str, **fields) -> Article:
    return Article.objects.create(title=title, body=f"{title}.", body_hash="", status=Article.Status.DONE, **fields)


def make_claim(article: Article, position: int, created: datetime) -> Claim:
    with at(created):
        return Claim.objects.create(article=article, position=position, text=f"Claim {position} of {article.title}.")


@pytest.fixture
def desk(reviewer, other_reviewer, editor):
    """A small desk whose figures are known (see each test)."""
    news = make_article("News")
    ages = [timedelta(hours=2), timedelta(days=3), timedelta(days=10), timedelta(days=40), timedelta(days=100)]
    claims = [make_claim(news, i, NOW - age) for i, age in enumerate(ages)]
    extra = [make_claim(news, 10 + i, NOW - timedelta(days=1, hours=i)) for i in range(3)]
    retracted = make_article("Retracted", retracted_at=NOW - timedelta(days=1))
    make_claim(retracted, 0, NOW - timedelta(days=50))  # unreviewed, but not in the queue: article retracted

    def review(moment, claim, user, verdict, **kw):
        with at(moment):
            svc.claim_review(claim_id=claim.pk, user=user, verdict=verdict, **kw)

    # 13 weeks ago: outside the chart's twelve weeks.
    review(NOW - timedelta(weeks=13), claims[4], reviewer, Verdict.UNVERIFIABLE, note="old")
    # Two weeks ago (week of 23 November): one verdict.
    review(NOW - timedelta(weeks=2), claims[3], reviewer, Verdict.UNVERIFIABLE, note="a")
    # This week: Rita gives three verdicts on two claims, Omar one; Edna reopens Omar's (not a verdict).
    review(NOW - timedelta(days=2), extra[0], reviewer, Verdict.UNVERIFIABLE, note="b")
    review(NOW - timedelta(days=1), extra[0], reviewer, Verdict.UNVERIFIABLE, note="b, again")
    review(
        NOW - timedelta(hours=5),
        extra[1],
        reviewer,
        Verdict.VERIFIED,
        sources=[{"url": "https://evidence.example/1", "stance": SUPPORTS}],
    )
    review(NOW - timedelta(hours=4), extra[2], other_reviewer, Verdict.UNVERIFIABLE, note="c")
    review(NOW - timedelta(hours=3), extra[2], editor, Verdict.UNREVIEWED, note="Check the figure again")
    with at(NOW - timedelta(hours=1)):
        svc.claim_sign_off(claim_id=extra[1].pk, user=editor)
    # Link health: the source above is unchecked; two more, one broken, one fine.
    SourceLink.objects.create(claim=extra[1], url="https://evidence.example/2", state=SourceLink.State.BROKEN)
    SourceLink.objects.create(claim=extra[1], url="https://evidence.example/3", state=SourceLink.State.OK)
    # Articles: two failed, one pending (plus the two done above).
    for i in range(2):
        Article.objects.create(title=f"Broken {i}", body="", body_hash="", status=Article.Status.FAILED)
    Article.objects.create(title="Waiting", body="", body_hash="", status=Article.Status.PENDING)
    return {"claims": claims, "extra": extra}


def test_the_figures_of_a_known_desk(desk):
    d = selectors.review_dashboard(now=NOW)
    assert d.week_start == datetime(2026, 12, 7, tzinfo=UTC)
    assert d.weeks[0] == date(2026, 9, 21) and d.weeks[-1] == date(2026, 12, 7) and len(d.weeks) == 12
    assert d.verdicts_by_week[date(2026, 12, 7)] == {Verdict.UNVERIFIABLE: 3, Verdict.VERIFIED: 1}
    assert d.verdicts_by_week[date(2026, 11, 23)] == {Verdict.UNVERIFIABLE: 1}
    assert sum(sum(week.values()) for week in d.verdicts_by_week.values()) == 5, "13 weeks ago is left out"
    # Unreviewed: claims 0, 1, 2 (ages 2 h, 3 d, 10 d) and the reopened one (1 day 2 h old); claim 3 and 4 have
    # verdicts; the retracted article's claim does not count.
    assert d.queue_size == 4
    assert d.queue_oldest == NOW - timedelta(days=10)
    assert d.queue_by_age == [("under 1 day", 1), ("1–7 days", 2), ("7–30 days", 1), ("over 30 days", 0)]
    assert [(t.name, t.claims, t.verdicts) for t in d.throughput] == [("Rita Reviewer", 2, 3), ("Omar Other", 1, 1)]
    # Verdicts not signed off: claims 3, 4 and extra[0] (extra[1] is signed off, extra[2] reopened).
    assert d.signoffs_pending == 3
    assert d.signoffs_oldest == NOW - timedelta(weeks=13)
    assert dict((s, n) for s, _label, n in d.sources_by_state) == {
        "unchecked": 1,
        "ok": 1,
        "redirected": 0,
        "changed": 0,
        "broken": 1,
    }
    assert dict((s, n) for s, _label, n in d.articles_by_status) == {
        "fetching": 0,
        "pending": 1,
        "extracting": 0,
        "done": 2,
        "failed": 2,
    }
    assert d.articles_failed_count == 2
    assert {a.title for a in d.articles_failed} == {"Broken 0", "Broken 1"}


def test_the_dashboard_reads_in_a_fixed_number_of_queries(desk, reviewer, django_assert_num_queries):
    with django_assert_num_queries(7):
        selectors.review_dashboard(now=NOW)
    news = Article.objects.get(title="News")
    more = [make_claim(news, 100 + i, NOW - timedelta(days=i)) for i in range(30)]
    for claim in more[:10]:
        with at(NOW - timedelta(hours=1)):
            svc.claim_review(claim_id=claim.pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="n")
    with django_assert_num_queries(7):
        d = selectors.review_dashboard(now=NOW)
    assert d.queue_size == 4 + 20


def index(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("persona", ["reviewer", "editor", "superuser"])
def test_reviewers_and_editors_see_the_dashboard_above_the_model_list(request, client, desk, persona):
    html = index(client, request.getfixturevalue(persona))
    assert 'id="dashboard"' in html
    assert html.index('id="dashboard"') < html.index("app-claims"), "the model list stays, below the dashboard"
    for chart in ("chart-verdicts", "chart-queue", "chart-throughput", "chart-links", "chart-articles"):
        assert '<svg xmlns="http://www.w3.org/2000/svg" class="dashboard-chart"' in html
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html, chart
    # Every chart's numbers as a table too (screen readers, exact values).
    assert html.count('<details class="chart-numbers">') == 5
    assert '<th scope="row">Rita Reviewer</th><td>2</td><td>3</td>' in html
    assert '<th scope="row">Broken</th><td>1</td>' in html
    assert '<th scope="row">Failed</th><td>2</td>' in html
    assert "dashboard.css" in html


def test_a_staff_user_without_a_role_sees_the_plain_index(client, desk, staff_without_group):
    html = index(client, staff_without_group)
    assert 'id="dashboard"' not in html and "dashboard-chart" not in html
    assert 'id="content-main"' in html


def test_no_inline_style_or_script_in_the_dashboard(client, desk, reviewer):
    html = index(client, reviewer)
    start = html.index('id="dashboard"')
    part = html[start : html.index("</section>", html.rindex("chart-numbers"))]
    assert not re.search(r"\sstyle=|<style|<script|\son[a-z]+=", part)


def test_chart_labels_are_escaped(client, article, make_user):
    rogue = make_user("x", "Reviewers", first_name="<script>alert(1)</script>")
    claim = article.claims.first()
    svc.claim_review(claim_id=claim.pk, user=rogue, verdict=Verdict.UNVERIFIABLE, note="n")
    html = index(client, rogue)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_empty_registry_shows_the_dashboard_without_errors(client, reviewer):
    html = index(client, reviewer)
    assert 'id="dashboard"' in html and "Nothing yet." in html  # nobody reviewed this week


@pytest.mark.parametrize(("value", "top"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (120, 200)])
def test_chart_axes_end_at_a_round_number(value, top):
    assert _nice_max(value) == top


# --- in the browser -----------------------------------------------------------------------------------

browser = e2e.browser  # the same headless Debian Chromium as the review workflow's browser test


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not e2e.CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_the_dashboard_renders_in_a_browser_under_the_policy(django_db_setup, browser, live_server, article, reviewer):
    from tests.review.test_csp import Watcher

    svc.claim_review(claim_id=article.claims.first().pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="n")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watcher(page)
    try:
        e2e.log_in(page, live_server.url, reviewer.username, "/admin/")
        assert watch.visit(live_server.url + "/admin/") == []
        assert page.locator("svg.dashboard-chart").count() == 5
        assert page.locator(".dashboard-charts").evaluate("el => getComputedStyle(el).display") == "grid"
        box = page.locator("#chart-verdicts-figure svg").bounding_box()
        assert box["width"] > 200 and box["height"] > 80, "the chart is drawn at a readable size"
        table = page.locator("#chart-throughput-figure details table")
        assert not table.is_visible(), "the numbers are folded away until asked for"
        page.locator("#chart-throughput-figure details summary").click()
        assert table.is_visible() and "Rita Reviewer" in table.inner_text()
        assert page.locator("#content-main .app-claims").count() == 1, "the model list is still there"
    except BaseException:
        e2e.save_screenshots({"dashboard": page}, "dashboard-failure")
        raise
    finally:
        context.close()
