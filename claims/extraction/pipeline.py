"""The one entry point: extract(text, published) -> list[Claim]."""
from __future__ import annotations

from datetime import date

from . import attribution, checkworthiness, dates, places, segment
from .types import Claim


def extract(text: str, published: date | None = None) -> list[Claim]:
    sentences = [s for s in segment.split(text) if not s.furniture]
    attrs = attribution.attribute(text, sentences)
    claims: list[Claim] = []
    for sent, attr in zip(sentences, attrs):
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
