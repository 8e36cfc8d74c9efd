"""Check-worthiness: how much a sentence asserts something a fact-checker could verify.

A transparent additive heuristic in [0, 1], not a trained model. Starting from 0.35:

  raises   numbers, amounts and percentages (+0.20), dates (+0.10), places (+0.10), named entities
           inside the sentence (+0.05 each, at most +0.15), a quotation or an attributed source
           (+0.10), comparisons and records ("most", "record", "increase", "doubled") (+0.05);
  lowers   questions (-0.30), opinion markers ("I think", "should", "in my view") (-0.15), hedges
           ("may", "perhaps", "reportedly") (-0.10), very short sentences (-0.15).

The weights only order sentences sensibly (statistics above opinions above questions); the
score is a ranking hint for reviewers, not a probability.
"""

from __future__ import annotations

import re

from .normalize import wordset
from .types import Attribution, DateMention, PlaceMention

_BASE = 0.35
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_DIGIT_OR_MONEY = re.compile(r"[\d%$€£¥]")
# A capitalised word that does not open the sentence: a rough named-entity count.
_CAPITAL = re.compile(r"(?<=[\s(\"“‘'])[A-Z]")
_NUMBER_WORDS = wordset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion trillion dozen dozens half percent"
)
_COMPARISON = wordset(
    "most least more less fewer record highest lowest largest smallest biggest first last only increase increased "
    "increases decrease decreased decreases rose risen fell fallen doubled tripled halved majority average compared"
)
_OPINION_WORDS = wordset(
    "should personally unfortunately hopefully wonderful terrible awful amazing shameful disgraceful"
)
_OPINION_PHRASES = (
    "i think",
    "i believe",
    "i feel",
    "i hope",
    "we think",
    "we believe",
    "we hope",
    "ought to",
    "in my view",
    "in my opinion",
    "i guess",
    "i suspect",
)
_HEDGE = wordset(
    "may might could perhaps possibly probably likely reportedly allegedly apparently seem seems appear appears "
    "suggest suggests rumoured rumored unconfirmed"
)


def score(sentence: str, attribution: Attribution, dates: list[DateMention], places: list[PlaceMention]) -> float:
    """Check-worthiness of ``sentence`` in [0, 1], rounded to three decimals."""
    lower = sentence.lower().replace("’", "'")
    words = set(_TOKEN.findall(lower))
    value = _BASE
    if _DIGIT_OR_MONEY.search(sentence) or not words.isdisjoint(_NUMBER_WORDS) or "per cent" in lower:
        value += 0.20
    if dates:
        value += 0.10
    if places:
        value += 0.10
    value += min(0.15, 0.05 * len(_CAPITAL.findall(sentence)))
    if attribution.quote or attribution.speaker or attribution.cue:
        value += 0.10
    if not words.isdisjoint(_COMPARISON):
        value += 0.05
    if sentence.rstrip(" \"'”’)").endswith("?"):
        value -= 0.30
    if not words.isdisjoint(_OPINION_WORDS) or any(p in lower for p in _OPINION_PHRASES):
        value -= 0.15
    if not words.isdisjoint(_HEDGE):
        value -= 0.10
    if len(sentence.split()) < 5:
        value -= 0.15
    return round(min(1.0, max(0.0, value)), 3)
