"""Template filters for showing stored text: {% load claims_text %}."""

from __future__ import annotations

from django import template

from claims import text

register = template.Library()


@register.filter
def cut_at_word(value: object, limit: int = 80) -> str:
    """At most `limit` characters, cut at a word boundary with "…" (see claims.text.cut_at_word)."""
    return text.cut_at_word(str(value if value is not None else ""), int(limit))


@register.filter
def bidi_visible(value: object) -> str:
    """Bidi control characters shown as visible markers (admin pages)."""
    return text.bidi_visible(str(value if value is not None else ""))


@register.filter
def bidi_neutral(value: object) -> str:
    """Bidi control characters removed (public pages)."""
    return text.bidi_neutral(str(value if value is not None else ""))
