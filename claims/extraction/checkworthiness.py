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

from .types import Attribution, DateMention, PlaceMention

_BASE = 0.35
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|trillion|dozens?|half|percent|per\s+cent)\b|[%$€£¥]",
    re.IGNORECASE,
)
# A capitalised word that does not open the sentence: a rough named-entity count.
_ENTITY = re.compile(r"(?<=[\s(\"“‘'])[A-Z][\w’'-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'-]*)*")
_COMPARISON = re.compile(
    r"\b(?:most|least|more|less|fewer|record|highest|lowest|largest|smallest|biggest|first|last|only|increase[sd]?"
    r"|decrease[sd]?|rose|risen|fell|fallen|doubled|tripled|halved|majority|average|compared)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|suspect|guess)\b|\b(?:should|ought\s+to|in\s+my\s+(?:view|opinion)"
    r"|personally|unfortunately|hopefully|wonderful|terrible|awful|amazing|shameful|disgraceful|best\s+wishes)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:may|might|could|perhaps|possibly|probably|likely|reportedly|allegedly|apparently|seems?|appears?"
    r"|suggests?|rumou?red|unconfirmed)\b",
    re.IGNORECASE,
)


def score(sentence: str, attribution: Attribution, dates: list[DateMention], places: list[PlaceMention]) -> float:
    """Check-worthiness of ``sentence`` in [0, 1], rounded to three decimals."""
    value = _BASE
    if _NUMBER.search(sentence):
        value += 0.20
    if dates:
        value += 0.10
    if places:
        value += 0.10
    value += min(0.15, 0.05 * len(_ENTITY.findall(sentence)))
    if attribution.quote or attribution.speaker or attribution.cue:
        value += 0.10
    if _COMPARISON.search(sentence):
        value += 0.05
    stripped = sentence.rstrip(" \"'”’)")
    if stripped.endswith("?"):
        value -= 0.30
    if _OPINION.search(sentence):
        value -= 0.15
    if _HEDGE.search(sentence):
        value -= 0.10
    if len(sentence.split()) < 5:
        value -= 0.15
    return round(min(1.0, max(0.0, value)), 3)
