"""schema.org ClaimReview JSON-LD for a reviewed claim: the format fact-check aggregators read.

Rating scale (documented in docs/api.md): worstRating 1 .. bestRating 5; "verified" is 5, "disputed"
is 1. "unverifiable" is not on a true-false line, so its rating carries only the label.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim, Speaker, Verdict

BEST_RATING = 5
WORST_RATING = 1
RATING_VALUES: dict[str, int] = {Verdict.VERIFIED: BEST_RATING, Verdict.DISPUTED: WORST_RATING}


def is_published(claim: Claim) -> bool:
    """Only reviewed claims of live articles have a public ClaimReview."""
    return claim.verdict != Verdict.UNREVIEWED and claim.article.retracted_at is None


def _date(value) -> str | None:
    return value.date().isoformat() if value else None


def _speaker(speaker: Speaker | None, role: str) -> dict[str, Any] | None:
    if speaker is None:
        return None
    kind = "Organization" if speaker.kind == Speaker.Kind.ORGANISATION else "Person"
    author: dict[str, Any] = {"@type": kind, "name": speaker.name}
    if role and kind == "Person":
        author["jobTitle"] = role
    if speaker.wikidata_id:
        author["sameAs"] = speaker.wikidata_url
    return author


def _appearance(claim: Claim) -> dict[str, Any]:
    article = claim.article
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published_at:
        work["datePublished"] = _date(article.published_at)
    if article.outlet is not None:
        work["publisher"] = {
            "@type": "Organization",
            "name": article.outlet.name,
            "url": f"https://{article.outlet.domain}/",
        }
    return work


def rating(verdict: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Rating", "alternateName": Verdict(verdict).label}
    value = RATING_VALUES.get(verdict)
    if value is not None:
        out.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return out


def claim_review(claim: Claim, *, page_url: str) -> dict[str, Any]:
    """The ClaimReview document of a published claim (check is_published first)."""
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(claim)}
    author = _speaker(claim.speaker, claim.speaker_role)
    if author is not None:
        item["author"] = author
    if claim.article.published_at:
        item["datePublished"] = _date(claim.article.published_at)
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating(claim.verdict),
        "author": {
            "@type": "Organization",
            "name": settings.REGISTRY_ORGANIZATION_NAME,
            "url": settings.REGISTRY_ORGANIZATION_URL,
        },
    }
    if claim.reviewed_at:
        doc["datePublished"] = _date(claim.reviewed_at)
    if claim.verdict_note:
        doc["reviewBody"] = claim.verdict_note
    return doc


def as_script(doc: dict[str, Any]) -> SafeString:
    """The document inside <script type="application/ld+json">, safe against "</script>" in claim text."""
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">\n{text}\n</script>')  # noqa: S308 -- escaped above


# The shape this module produces, as JSON Schema (OpenAPI 3 compatible): the OpenAPI response schema
# of the claimreview endpoint, and what tests validate documents against. It follows schema.org's
# ClaimReview and the fact-check markup aggregators read (claimReviewed, reviewRating.alternateName,
# itemReviewed as a Claim with author and appearance, author as the reviewing organisation).
_ORGANIZATION = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"type": "string", "enum": ["Organization"]},
        "name": {"type": "string", "minLength": 1},
        "url": {"type": "string", "format": "uri"},
    },
}
_SPEAKER = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"type": "string", "enum": ["Person", "Organization"]},
        "name": {"type": "string", "minLength": 1},
        "jobTitle": {"type": "string"},
        "sameAs": {"type": "string", "format": "uri", "description": "The speaker's Wikidata item."},
    },
}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
CLAIMREVIEW_SCHEMA = {
    "type": "object",
    "description": "schema.org ClaimReview (JSON-LD). Rating scale: 1 (disputed) to 5 (verified); "
    "'Unverifiable' has a label and no value.",
    "required": ["@context", "@type", "url", "claimReviewed", "itemReviewed", "reviewRating", "author"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string", "format": "uri"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "datePublished": _DATE,
        "reviewBody": {"type": "string"},
        "author": _ORGANIZATION,
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "alternateName": {"type": "string", "minLength": 1},
                "ratingValue": {"type": "integer", "minimum": WORST_RATING, "maximum": BEST_RATING},
                "bestRating": {"type": "integer", "enum": [BEST_RATING]},
                "worstRating": {"type": "integer", "enum": [WORST_RATING]},
            },
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "author": _SPEAKER,
                "datePublished": _DATE,
                "appearance": {
                    "type": "object",
                    "required": ["@type", "headline"],
                    "properties": {
                        "@type": {"type": "string", "enum": ["NewsArticle"]},
                        "headline": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "datePublished": _DATE,
                        "publisher": _ORGANIZATION,
                    },
                },
            },
        },
    },
}
