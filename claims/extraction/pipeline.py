"""The one entry point: extract(text, published) -> list[Claim].

Stages: segment (sentences, furniture flagged) -> attribution over the body sentences ->
dates and places per sentence -> check-worthiness. Each stage is linear in the text, so the
whole pipeline is too.
"""

from __future__ import annotations

from datetime import date

from . import attribution, checkworthiness, dates, places, segment
from .types import Attribution, Claim


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Sentence-level claims of ``text`` (furniture left out), with speaker, quote, dates and places."""
    sentences = [s for s in segment.split(text) if not s.furniture]
    attrs = attribution.attribute(text, sentences)
    if len(attrs) != len(sentences):  # a stage contract broken: never misalign speakers and sentences
        raise RuntimeError(f"attribution returned {len(attrs)} rows for {len(sentences)} sentences")
    claims: list[Claim] = []
    for sent, attr in zip(sentences, attrs, strict=True):
        found_dates = dates.find_dates(text, sent.start, sent.end, published)
        found_places = places.find_places(text, sent.start, sent.end)
        body = text[sent.start : sent.end]
        claims.append(
            Claim(
                text=body,
                start=sent.start,
                end=sent.end,
                speaker=attr.speaker,
                role=attr.role,
                quote=attr.quote,
                kind=attr.kind,
                cue=attr.cue,
                checkworthiness=checkworthiness.score(body, attr, found_dates, found_places),
                dates=found_dates,
                places=found_places,
            )
        )
    return claims


def extract_sentences(text: str) -> list[Claim]:
    """Degraded output when a later stage fails: the body sentences alone, unattributed."""
    claims = []
    for sent in segment.split(text):
        if not sent.furniture:
            body = text[sent.start : sent.end]
            claims.append(
                Claim(body, sent.start, sent.end, checkworthiness=checkworthiness.score(body, Attribution(), [], []))
            )
    return claims
