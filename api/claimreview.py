"""schema.org ClaimReview JSON-LD for a reviewed claim: the format fact-check aggregators read.

Rating scale (documented in docs/api.md): worstRating 1 .. bestRating 5; "verified" is 5, "disputed"
is 1, "unverifiable" is 3, the middle of the scale: shown neither true nor false (its alternateName says
which it is, as for the others). Addresses come from settings (REGISTRY_PUBLIC_URL,
REGISTRY_ORGANIZATION_URL), never from the request.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim, Speaker, Verdict

BEST_RATING = 5
WORST_RATING = 1
UNVERIFIABLE_RATING = 3
RATING_VALUES: dict[str, int] = {
    Verdict.VERIFIED: BEST_RATING,
    Verdict.DISPUTED: WORST_RATING,
    Verdict.UNVERIFIABLE: UNVERIFIABLE_RATING,
}


def public_claim_url(claim_id: int) -> str:
    """The public page of a claim, at the registry's configured address (not the request's Host)."""
    return f"{settings.REGISTRY_PUBLIC_URL}claims/{claim_id}/"


def is_published(claim: Claim) -> bool:
    """Only reviewed claims of live articles have a public ClaimReview."""
    return claim.verdict != Verdict.UNREVIEWED and claim.article.retracted_at is None


def _date(value) -> str | None:
    return value.date().isoformat() if value else None


def _datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- the claim's words, without who said them ----------------------------------------------------------
# The engine stores, for each claim, its sentence, the words inside quotation marks (`quote`) and the
# attribution cue as written (`attribution_cue`: "said", "told reporters", "According to"), not the
# offsets of the speaker's mention. The clause is removed where those make it certain: a quote whose
# sentence holds nothing else but a short attribution, or the cue in one of the plain shapes
# "<words>, <who> <cue> ...", "<who> <cue> [that] <words>" and "According to <who>, <words>".
# Anything else keeps the whole sentence (which is still exactly the claim's words, with the attribution).
_MAX_ATTRIBUTION_WORDS = 8
_MIN_CLAIM_WORDS = 3
_QUOTE_MARKS = "\"“”„«»‘’'"


def _words(text: str) -> int:
    return len(text.split())


def _tidy(words: str) -> str:
    words = words.strip().rstrip(",;:").strip()
    return words[:1].upper() + words[1:]


def claim_words(claim: Claim) -> str:
    """The claim as claimReviewed shows it: its words without the attribution clause where known."""
    text, cue, quote = claim.text.strip(), claim.attribution_cue.strip(), claim.quote.strip()
    if quote and " ... " not in quote and quote in text:
        rest = text.replace(quote, " ", 1).strip(_QUOTE_MARKS + " ,.;:")
        rest = rest.strip(_QUOTE_MARKS + " ,.;:")
        if (not rest or (cue and cue in rest)) and _words(rest) <= _MAX_ATTRIBUTION_WORDS:
            return _tidy(quote)
    if not cue or claim.kind == Claim.Kind.STATEMENT:
        return text
    escaped = re.escape(cue)
    # "According to the council, the tunnel cost ..."
    match = re.match(rf"^{escaped}\s+([^,]+),\s+(?P<words>.+)$", text)
    if match and _words(match.group(1)) <= _MAX_ATTRIBUTION_WORDS:
        return _tidy(match.group("words"))
    # "<words>, the mayor said on Tuesday."
    match = re.match(rf"^(?P<words>.+),\s+(?P<who>[^,]*?)\b{escaped}\b(?P<tail>[^,]*)$", text)
    if (
        match
        and _words(match.group("who")) + _words(match.group("tail")) <= _MAX_ATTRIBUTION_WORDS
        # "..., adding that ..." or a quote after the cue: more of the claim follows, not a closing clause.
        and not re.search(rf"\bthat\b|[{_QUOTE_MARKS}]", match.group("tail"))
    ):
        return _tidy(match.group("words"))
    # "Police said 40 people were arrested ...", "She added that work starts in May."
    match = re.match(rf"^(?P<who>[^,]*?)\b{escaped}\b(?:\s+that)?[\s,]+(?P<words>.+)$", text)
    if match and 0 < _words(match.group("who")) <= _MAX_ATTRIBUTION_WORDS:
        return _tidy(match.group("words"))
    return text


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
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title, "inLanguage": article.language}
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


def claim_review(claim: Claim, *, page_url: str | None = None) -> dict[str, Any]:
    """The ClaimReview document of a published claim (check is_published first).

    `first_verdict_at` / `last_verdict_at` (annotated by api.selectors.published_claim_get) date it:
    datePublished is when the claim first got a verdict, dateModified when its verdict, note or sources
    last changed; without them (a claim given its verdict outside the review service) both are
    `reviewed_at`. `page_url` defaults to the public page at the configured address.
    """
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(claim)}
    author = _speaker(claim.speaker, claim.speaker_role)
    if author is not None:
        item["author"] = author
    if claim.article.published_at:
        item["datePublished"] = _date(claim.article.published_at)
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url or public_claim_url(claim.pk),
        "inLanguage": claim.article.language,
        "claimReviewed": claim_words(claim),
        "itemReviewed": item,
        "reviewRating": rating(claim.verdict),
        "author": {
            "@type": "Organization",
            "name": settings.REGISTRY_ORGANIZATION_NAME,
            "url": settings.REGISTRY_ORGANIZATION_URL,
        },
    }
    first = getattr(claim, "first_verdict_at", None) or claim.reviewed_at
    last = getattr(claim, "last_verdict_at", None) or claim.reviewed_at
    if first:
        doc["datePublished"] = _datetime(first)
    if last:
        doc["dateModified"] = _datetime(max(last, first) if first else last)
    if claim.verdict_note:
        doc["reviewBody"] = claim.verdict_note
        doc["reviewRating"]["ratingExplanation"] = claim.verdict_note
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
_DATETIME = {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d{2}-\d{2}T[0-9:.]+Z$"}
_LANGUAGE = {"type": "string", "minLength": 1, "description": "The language of the article (BCP 47 code)."}
CLAIMREVIEW_SCHEMA = {
    "type": "object",
    "description": "schema.org ClaimReview (JSON-LD). Rating scale: 1 (disputed) to 5 (verified); "
    "'Unverifiable' has a label and no value.",
    "required": ["@context", "@type", "url", "claimReviewed", "itemReviewed", "reviewRating", "author", "inLanguage"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string", "format": "uri"},
        "claimReviewed": {
            "type": "string",
            "minLength": 1,
            "description": "The claim's words, without the attribution clause where the engine knows it.",
        },
        "inLanguage": _LANGUAGE,
        "datePublished": {**_DATETIME, "description": "When the claim first got a verdict."},
        "dateModified": {**_DATETIME, "description": "When its verdict, note or sources last changed."},
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
                "ratingExplanation": {"type": "string"},
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
                        "inLanguage": _LANGUAGE,
                        "url": {"type": "string", "format": "uri"},
                        "datePublished": _DATE,
                        "publisher": _ORGANIZATION,
                    },
                },
            },
        },
    },
}
