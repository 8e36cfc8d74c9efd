"""Matching claims against the claims already reviewed: "has this been checked before?"

The engine (claims.matching, plain Python) ranks; this module feeds it the registry's reviewed claims,
stores each new claim's likely matches (ClaimMatch) when its article is extracted, keeps claim families
(the same sentence in several articles) and answers searches for a newsroom's own text.

The index: by default kept in the database (claims.services.match_index: candidates from PostgreSQL
full-text or SQLite FTS5, ranked by the engine with the whole collection's statistics). With
REGISTRY_MATCH_INDEX=memory, or on SQLite without FTS5, one in-memory `Matcher` over every reviewed claim
(verdict given, article not retracted), kept per process and rebuilt when the reviewed set may have changed
(a new review or tombstone: see _stamp): fine for tens of thousands of reviewed claims (about a second per
10,000 to build, see docs/matching.md), not for millions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import Max

from claims.matching import KnownClaim, Matcher, terms
from claims.models import Claim, ClaimMatch, Review, Tombstone, Verdict
from claims.services import match_index
from claims.text import family_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    """One reviewed claim likely to state the same fact as the text asked about."""

    claim_id: int
    score: float
    why: dict[str, Any]


def reviewed_claims():
    """The claims a new one may be matched to: a verdict given, in an article that is not retracted."""
    return Claim.objects.exclude(verdict=Verdict.UNREVIEWED).filter(article__retracted_at__isnull=True)


# --- the index, cached per process ----------------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, Any] = {"stamp": None, "matcher": None, "speakers": {}}


def _stamp() -> tuple[Any, ...]:
    """What the index was built from, in two primary-key lookups (cheap at any size).

    Every verdict given, changed or reopened appends a Review (the services always record one, and so does
    a registry import); retracting an article writes tombstones. So the newest review and tombstone ids
    change whenever the set of reviewed claims may have changed (source edits also append reviews: a
    rebuild too many, never one too few).
    """
    return (
        Review.objects.aggregate(top=Max("pk"))["top"],
        Tombstone.objects.aggregate(top=Max("pk"))["top"],
    )


def _build() -> tuple[Matcher, dict[str, str]]:
    rows = list(
        reviewed_claims().order_by("reviewed_at", "pk").values_list("pk", "text", "article__title", "speaker__name")
    )
    # Oldest review first: on a tie the engine ranks the claim given first first, the earliest check.
    matcher = Matcher(KnownClaim(str(pk), text, title or "") for pk, text, title, _ in rows)
    speakers = {str(pk): speaker or "" for pk, _, _, speaker in rows}
    return matcher, speakers


def index() -> tuple[Matcher, dict[str, str]]:
    """The engine over the reviewed claims, rebuilt when they changed since it was built."""
    stamp = _stamp()
    with _lock:
        if _cache["stamp"] != stamp or _cache["matcher"] is None:
            _cache["matcher"], _cache["speakers"] = _build()
            _cache["stamp"] = stamp
        return _cache["matcher"], _cache["speakers"]


def index_clear() -> None:
    """Forget the cached index (tests; a process that knows the reviewed set changed)."""
    with _lock:
        _cache.update(stamp=None, matcher=None, speakers={})


# --- ranking ------------------------------------------------------------------------------------------


def text_matches(
    text: str,
    *,
    speaker: str = "",
    limit: int | None = None,
    min_score: float | None = None,
    exclude: Iterable[int] = (),
) -> list[Found]:
    """The reviewed claims most likely to state the same fact as `text`, best first (at most `limit`).

    The engine always fills its ranking, but a claim sharing a word or two is no earlier check: a match is
    kept when it scores at least `min_score` (REGISTRY_MATCH_MIN_SCORE) or states at least
    REGISTRY_MATCH_MIN_OVERLAP of the text's distinct terms. The second rule matters while few claims are
    reviewed: the engine's scores are relative to its index (idf), and a small index scores a true
    paraphrase low.
    """
    limit = settings.REGISTRY_MATCH_LIMIT if limit is None else limit
    min_score = settings.REGISTRY_MATCH_MIN_SCORE if min_score is None else min_score
    if not text.strip() or limit <= 0:
        return []
    skip = {str(pk) for pk in exclude}
    key = family_key(text)
    if match_index.available():
        ranked, speakers = match_index.rank(text, k=limit + len(skip), speaker=speaker)
    else:
        matcher, speakers = index()
        if not len(matcher):
            return []
        ranked = matcher.rank(text, k=limit + len(skip), speaker=speaker or None)
    found = []
    qterms = set(terms(text))
    min_overlap = settings.REGISTRY_MATCH_MIN_OVERLAP
    for match in ranked:
        if match.id in skip or match.score <= 0:
            continue
        overlap = len(set(match.shared_terms) | set(match.shared_numbers)) / max(1, len(qterms))
        if match.score < min_score and overlap < min_overlap:
            continue
        matched_speaker = speakers.get(match.id, "")
        found.append(
            Found(
                claim_id=int(match.id),
                score=match.score,
                why={
                    "words": list(match.shared_terms),
                    "numbers": list(match.shared_numbers),
                    "speaker": bool(speaker and matched_speaker and speaker.casefold() == matched_speaker.casefold()),
                    "same_sentence": False,  # filled below
                },
            )
        )
        if len(found) >= limit:
            break
    if key and found:
        texts = dict(Claim.objects.filter(pk__in=[f.claim_id for f in found]).values_list("pk", "text"))
        for f in found:
            f.why["same_sentence"] = family_key(texts.get(f.claim_id, "")) == key
    return found


# --- stored with the article's claims --------------------------------------------------------------------


def article_claims_match(*, article_id: int) -> int:
    """Set the family keys of an article's claims and store each claim's matches; the number stored.

    Called after extraction has committed; replaces the claims' previous matches. A claim is not matched
    to itself nor to another claim of the same article (a repeated sentence is not an earlier check).
    """
    claims = list(
        Claim.objects.filter(article_id=article_id)
        .select_related("speaker")
        .only("pk", "text", "family_key", "speaker")
    )
    stale = []
    for claim in claims:
        key = family_key(claim.text)
        if claim.family_key != key:
            claim.family_key = key
            stale.append(claim)
    if stale:
        Claim.objects.bulk_update(stale, ["family_key"])
    same_article = [c.pk for c in claims]
    rows = []
    for claim in claims:
        for found in text_matches(
            claim.text, speaker=claim.speaker.name if claim.speaker else "", exclude=same_article
        ):
            rows.append(ClaimMatch(claim=claim, matched_id=found.claim_id, score=found.score, why=found.why))
    with transaction.atomic():
        ClaimMatch.objects.filter(claim__article_id=article_id).delete()
        ClaimMatch.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def article_claims_match_quietly(*, article_id: int) -> None:
    """article_claims_match for the extraction step: a failure is logged, never fails the extraction."""
    try:
        article_claims_match(article_id=article_id)
    except SoftTimeLimitExceeded:
        raise  # the task's time limit: never swallowed
    except Exception:
        logger.exception("matching the claims of article %s failed; extraction is kept", article_id)
