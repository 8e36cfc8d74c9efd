"""The one entry point: extract(text, published) -> list[Claim].

Stages: segment (sentences, furniture flagged) -> attribution over the body sentences ->
dates and places per sentence -> check-worthiness. Each stage is linear in the text, so the
whole pipeline is too.

Attribution (names, pronouns, quotations) holds a token per word and mark of the text it reads, so
a text longer than any article (over ``ATTRIBUTION_WINDOW`` characters) is attributed in windows of
whole paragraphs (of whole sentences inside one huge paragraph): memory stays bounded by the window,
and a pronoun or surname is resolved within its window. A "sentence" longer than the window (a run
of a hundred thousand characters with no sentence end) is no statement anyone made: it is kept as a
claim without a speaker.
"""

from __future__ import annotations

from datetime import date

from . import attribution, checkworthiness, dates, places, segment
from .types import Attribution, Claim, Sentence

# Characters of text attributed at once: far above any news article (a long read is 30,000-60,000).
ATTRIBUTION_WINDOW = 200_000


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Sentence-level claims of ``text`` (furniture left out), with speaker, quote, dates and places."""
    sentences = [s for s in segment.split(text) if not s.furniture]
    attrs = attribute(text, sentences)
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


def attribute(text: str, sentences: list[Sentence], window: int = ATTRIBUTION_WINDOW) -> list[Attribution]:
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
