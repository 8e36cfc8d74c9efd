"""`{% review_dashboard %}`: the reviewers' dashboard on the admin index (templates/admin/index.html).

Shown to reviewers and editors only; anybody else (a staff user without a review role) gets nothing and no
query is made. The figures come from claims.selectors.review_dashboard; this tag only lays them out as
charts (claims.charts) and tables of the same numbers.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone

from claims import charts, permissions, selectors
from claims.models import Article, SourceLink, Verdict

register = template.Library()

VERDICT_COLOURS = {
    Verdict.VERIFIED: "#1e7b34",
    Verdict.DISPUTED: "#b3261e",
    Verdict.UNVERIFIABLE: "#57576b",
}
STATE_COLOURS: dict[str, str] = {
    SourceLink.State.UNCHECKED: "#8c959f",
    SourceLink.State.OK: "#1e7b34",
    SourceLink.State.REDIRECTED: "#b08900",
    SourceLink.State.CHANGED: "#bc4c00",
    SourceLink.State.BROKEN: "#b3261e",
}
STATUS_COLOURS: dict[str, str] = {
    Article.Status.FETCHING: "#8c959f",
    Article.Status.PENDING: "#8c959f",
    Article.Status.EXTRACTING: "#0969da",
    Article.Status.DONE: "#1e7b34",
    Article.Status.FAILED: "#b3261e",
}


def age_text(age: timedelta | None) -> str:
    """'3 days', '5 hours', 'under an hour' ('' for no age)."""
    if age is None:
        return ""
    if age >= timedelta(days=2):
        return f"{age.days} days"
    hours = int(age.total_seconds() // 3600)
    if hours >= 2:
        return f"{hours} hours"
    return "1 hour" if hours == 1 else "under an hour"


def _chart(chart_id: str, title: str, svg: Any, headers: list[str], rows: list[list[Any]]) -> dict[str, Any]:
    return {"id": chart_id, "title": title, "svg": svg, "headers": headers, "rows": rows}


@register.inclusion_tag("admin/claims/dashboard.html", takes_context=True)
def review_dashboard(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not permissions.is_reviewer(user):
        return {"show": False}
    d = selectors.review_dashboard()
    verdicts = list(VERDICT_COLOURS)
    week_labels = [week.strftime("%d %b") for week in d.weeks]
    series = [
        charts.Series(str(Verdict(v).label), VERDICT_COLOURS[v], [d.verdicts_by_week[w].get(v, 0) for w in d.weeks])
        for v in verdicts
    ]
    total_verdicts = sum(sum(s.values) for s in series)
    by_week = _chart(
        "chart-verdicts",
        f"Verdicts given per week, last {len(d.weeks)} weeks",
        charts.stacked_columns(
            chart_id="chart-verdicts",
            title=f"Verdicts given per week, last {len(d.weeks)} weeks",
            summary=f"{total_verdicts} verdicts in {len(d.weeks)} weeks; the table below has the numbers.",
            categories=week_labels,
            series=series,
        ),
        ["Week of", *[s.label for s in series], "Total"],
        [
            [week.isoformat(), *[s.values[i] for s in series], sum(s.values[i] for s in series)]
            for i, week in enumerate(d.weeks)
        ],
    )
    queue = _chart(
        "chart-queue",
        "Review queue by age",
        charts.horizontal_bars(
            chart_id="chart-queue",
            title="Unreviewed claims by age",
            summary=f"{d.queue_size} unreviewed claims; the table below has the numbers.",
            rows=d.queue_by_age,
            colours="#b08900",
        ),
        ["Age", "Unreviewed claims"],
        [list(row) for row in d.queue_by_age],
    )
    throughput_rows = [(t.name, t.claims) for t in d.throughput]
    throughput = _chart(
        "chart-throughput",
        "Claims reviewed this week, by reviewer",
        charts.horizontal_bars(
            chart_id="chart-throughput",
            title="Claims reviewed this week, by reviewer",
            summary=f"{len(throughput_rows)} reviewers gave verdicts this week; the table below has the numbers.",
            rows=throughput_rows,
            colours="#0969da",
        )
        if throughput_rows
        else None,
        ["Reviewer", "Claims", "Verdicts"],
        [[t.name, t.claims, t.verdicts] for t in d.throughput],
    )
    links = _chart(
        "chart-links",
        "Link health of sources",
        charts.horizontal_bars(
            chart_id="chart-links",
            title="Source links by state",
            summary=f"{sum(n for _s, _l, n in d.sources_by_state)} source links; the table below has the numbers.",
            rows=[(label, n) for _state, label, n in d.sources_by_state],
            colours=[STATE_COLOURS[state] for state, _label, _n in d.sources_by_state],
        ),
        ["State", "Source links"],
        [[label, n] for _state, label, n in d.sources_by_state],
    )
    articles = _chart(
        "chart-articles",
        "Articles by status",
        charts.horizontal_bars(
            chart_id="chart-articles",
            title="Articles by status",
            summary=f"{d.articles_failed_count} articles failed; the table below has the numbers.",
            rows=[(label, n) for _status, label, n in d.articles_by_status],
            colours=[STATUS_COLOURS[status] for status, _label, _n in d.articles_by_status],
        ),
        ["Status", "Articles"],
        [[label, n] for _status, label, n in d.articles_by_status],
    )
    claims_url = reverse("admin:claims_claim_changelist")
    return {
        "show": True,
        "d": d,
        "charts": [by_week, queue, throughput, links, articles],
        "queue_oldest_age": age_text(d.queue_oldest_age),
        "signoffs_oldest_age": age_text(d.now - d.signoffs_oldest if d.signoffs_oldest else None),
        "week_start": timezone.localtime(d.week_start),
        "queue_url": f"{claims_url}?verdict__exact={Verdict.UNREVIEWED}",
        "failed_url": reverse("admin:claims_article_changelist") + f"?status__exact={Article.Status.FAILED}",
        "articles_failed": [
            {"article": a, "url": reverse("admin:claims_article_change", args=[a.pk])} for a in d.articles_failed
        ],
    }
