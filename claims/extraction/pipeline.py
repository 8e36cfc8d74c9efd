"""The one entry point: extract(text, published) -> list[Claim].

Stages: segment (sentences, furniture flagged) -> attribution over the body sentences ->
dates and places per sentence -> check-worthiness. Each stage is linear in the text, so the
whole pipeline is too.

Attribution (names, pronouns, quotations) and places (gazetteer hits weighed over the whole
document) hold an object per word or mark of the text they read, so a text longer than any article
(over ``WINDOW`` characters) is read by them in windows of whole paragraphs (of whole sentences
inside one huge paragraph): memory stays bounded by the window, and a pronoun, surname or place is
resolved within its window. A "sentence" longer than the window (a run of hundreds of thousands of
characters with no sentence end) is no statement anyone made: it is kept as a claim without a
speaker or places. Dates are found sentence by sentence anyway.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import attribution, checkworthiness, dates, places, segment
from .types import Attribution, Claim, PlaceMention, Sentence

# Characters of text read at once: far above any news article (a long read is 30,000-60,000).
WINDOW = 200_000


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Sentence-level claims of ``text`` (furniture left out), with speaker, quote, dates and places."""
    sentences = [s for s in segment.split(text) if not s.furniture]
    attrs = attribute(text, sentences)
    if len(attrs) != len(sentences):  # a stage contract broken: never misalign speakers and sentences
        raise RuntimeError(f"attribution returned {len(attrs)} rows for {len(sentences)} sentences")
    claims: list[Claim] = []
    for sent, attr, found_places in zip(sentences, attrs, find_places(text, sentences), strict=True):
        found_dates = dates.find_dates(text, sent.start, sent.end, published)
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


def attribute(text: str, sentences: list[Sentence], window: int = WINDOW) -> list[Attribution]:
    """:func:`attribution.attribute` over windows of at most about ``window`` characters (see above)."""
    if len(text) <= window:
        return attribution.attribute(text, sentences)
    attrs: list[Attribution] = []
    for lo, hi, group in _windows(text, sentences, window):
        if len(group) == 1 and group[0].end - group[0].start > window:
            attrs.append(Attribution())
            continue
        shifted = [Sentence(s.start - lo, s.end - lo, s.paragraph, s.furniture) for s in group]
        attrs.extend(attribution.attribute(text[lo:hi], shifted))
    return attrs


def find_places(text: str, sentences: list[Sentence], window: int = WINDOW) -> list[list[PlaceMention]]:
    """The places of each sentence: one places index per document (per window of at most about ``window``
    characters), asked for each sentence."""
    if len(text) <= window:
        index = places.index_places(text)
        return [index.within(s.start, s.end) for s in sentences]
    found: list[list[PlaceMention]] = []
    for lo, hi, group in _windows(text, sentences, window):
        if len(group) == 1 and group[0].end - group[0].start > window:
            found.append([])
            continue
        part = places.index_places(text[lo:hi])
        for s in group:
            mentions = part.within(s.start - lo, s.end - lo)
            found.append([replace(p, start=p.start + lo, end=p.end + lo) for p in mentions])
    return found


def _windows(text: str, sentences: list[Sentence], window: int) -> list[tuple[int, int, list[Sentence]]]:
    """Consecutive (start, end, sentences) windows covering the text: a window closes before a paragraph
    that starts past half its size, or before any sentence that would take it past its size."""
    out: list[tuple[int, int, list[Sentence]]] = []
    lo = 0
    group: list[Sentence] = []
    for s in sentences:
        if group and (s.end - lo > window or (s.paragraph != group[-1].paragraph and s.start - lo > window // 2)):
            out.append((lo, s.start, group))
            lo, group = s.start, []
        group.append(s)
    if group:
        out.append((lo, len(text), group))
    return out


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
