"""Server-rendered SVG bar charts for the admin dashboard: no JavaScript, no inline style (the CSP forbids it).

Colours and sizes are SVG presentation attributes; every label is escaped. Each chart goes with a table of
the same numbers in the page (for screen readers and for reading exact values): the SVG itself is marked
as an image with a title and a one-line summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

GRID = "#d0d7de"
TEXT = "#333333"


@dataclass(frozen=True)
class Series:
    label: str
    colour: str
    values: Sequence[int]


def _f(value: float) -> str:
    """A coordinate with one decimal (format_html escapes its arguments to text first)."""
    return f"{value:.1f}"


def _nice_max(value: int) -> int:
    """The axis top: the smallest of 1, 2, 5 x 10^n at or above `value` (at least 1)."""
    top = 1
    while True:
        for step in (1, 2, 5):
            if step * top >= value:
                return step * top
        top *= 10


def stacked_columns(
    *, chart_id: str, title: str, summary: str, categories: Sequence[str], series: Sequence[Series]
) -> SafeString:
    """Vertical stacked columns, one per category (e.g. a week), one colour per series, with a legend."""
    width, height, left, bottom, top = 640, 260, 40, 40, 30
    plot_w, plot_h = width - left - 10, height - bottom - top
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    axis_max = _nice_max(max(totals, default=0))
    slot = plot_w / max(len(categories), 1)
    bar_w = slot * 0.7
    parts: list[str] = []
    for fraction in (0, 0.5, 1):
        y = top + plot_h - fraction * plot_h
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{}</text>',
                left,
                _f(y),
                width - 10,
                _f(y),
                GRID,
                left - 4,
                _f(y + 4),
                TEXT,
                round(axis_max * fraction),
            )
        )
    for i, category in enumerate(categories):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for s in series:
            value = s.values[i]
            if not value:
                continue
            h = value / axis_max * plot_h
            y -= h
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    _f(x),
                    _f(y),
                    _f(bar_w),
                    _f(h),
                    s.colour,
                    category,
                    value,
                    s.label,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="{}">{}</text>',
                _f(x + bar_w / 2),
                top + plot_h + 14,
                TEXT,
                category,
            )
        )
    legend_x = left
    for s in series:
        parts.append(
            format_html(
                '<rect x="{}" y="8" width="10" height="10" fill="{}"/>'
                '<text x="{}" y="17" font-size="11" fill="{}">{}</text>',
                legend_x,
                s.colour,
                legend_x + 14,
                TEXT,
                s.label,
            )
        )
        legend_x += 24 + 7 * len(s.label)
    return _svg(chart_id, title, summary, width, height, parts)


def horizontal_bars(
    *, chart_id: str, title: str, summary: str, rows: Sequence[tuple[str, int]], colours: Sequence[str] | str
) -> SafeString:
    """One horizontal bar per row (label, value), the value written at the end of the bar."""
    label_w, bar_h, gap, width = 150, 18, 8, 640
    plot_w = width - label_w - 50
    height = max(len(rows), 1) * (bar_h + gap) + gap
    axis_max = _nice_max(max((value for _label, value in rows), default=0))
    parts: list[str] = []
    for i, (label, value) in enumerate(rows):
        colour = colours if isinstance(colours, str) else colours[i % len(colours)]
        y = gap + i * (bar_h + gap)
        w = value / axis_max * plot_w
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="{}">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
                label_w - 6,
                y + 13,
                TEXT,
                label,
                label_w,
                y,
                _f(w),
                bar_h,
                colour,
                label,
                value,
                _f(label_w + w + 4),
                y + 13,
                TEXT,
                value,
            )
        )
    return _svg(chart_id, title, summary, width, height, parts)


def _svg(chart_id: str, title: str, summary: str, width: int, height: int, parts: list[str]) -> SafeString:
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="dashboard-chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
    )
    # Every part was built with format_html (escaped); joined as they are.
    return mark_safe(head + "".join(str(part) for part in parts) + "</svg>")  # noqa: S308
