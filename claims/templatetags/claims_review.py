"""Template filters for review pages: {% load claims_review %}."""

from __future__ import annotations

from django import template

from claims.services import review

register = template.Library()


@register.filter
def action_label(action: object) -> str:
    """A history action as people read it ("re-check requested"): claims.services.review.action_label."""
    return review.action_label(str(action if action is not None else ""))
