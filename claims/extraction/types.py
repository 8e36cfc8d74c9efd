"""Plain data returned by the extraction engine (no Django here).

Every offset refers to the original input text: ``text[start:end]`` is exactly the
claim, date or place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Granularity = Literal["day", "week", "month", "year"]
PlaceKind = Literal["country", "region", "city", "venue", "other"]
ClaimKind = Literal["direct_quote", "reported_speech", "statement"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body, with the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int
    furniture: bool = False  # page furniture (promo, caption, credit...): never a claim


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # ISO: YYYY-MM-DD, YYYY-Www (a week), YYYY-MM or YYYY
    value_end: str | None = None  # end of a range, same formats
    granularity: Granularity = "day"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    kind: PlaceKind = "other"
    code: str | None = None  # ISO 3166 code or GeoNames id where known


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence attributes its content to, and how."""

    speaker: str | None = None  # fullest name used in the article, no titles
    role: str | None = None  # as written: "NSC spokeswoman"
    quote: str | None = None  # words inside double quotation marks, fragments joined by " ... "
    kind: ClaimKind = "statement"
    cue: str | None = None  # attribution cue as written: "said in a statement"


@dataclass(slots=True)
class Claim:
    text: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None
    quote: str | None = None
    kind: ClaimKind = "statement"
    cue: str | None = None
    checkworthiness: float = 0.0
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
