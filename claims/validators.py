"""Small checks shared by the interfaces (forms, views) before they call a service."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError

# Publication dates a news article can plausibly have: a date outside them is a mistake (a default
# 0001-01-01, a year typed 2204), and relative dates in the text would be resolved against it. Two days
# after today allow for time zones and articles scheduled for the morning. The submission service
# (claims.services.articles.published_check) enforces the same bounds for every interface.
EARLIEST_PUBLICATION = date(1900, 1, 1)
FUTURE_SLACK = timedelta(days=2)


def publication_date_problem(published: date, *, today: date) -> str | None:
    """Why `published` is not a plausible publication date for an article submitted `today`, or None."""
    if published > today + FUTURE_SLACK:
        return (
            f"{published.isoformat()} is in the future (today is {today.isoformat()}): give the date the article "
            "was published; relative dates in it (“on Monday”) are resolved against this date."
        )
    if published < EARLIEST_PUBLICATION:
        return f"{published.isoformat()} is before {EARLIEST_PUBLICATION.year}: check the year."
    return None


WIKIDATA_ID_RE = re.compile(r"Q[1-9][0-9]{0,11}")


def validate_wikidata_id(value: str) -> None:
    """A Wikidata item id: Q followed by digits (Q42), nothing else (no URL, no lower case)."""
    if value and not WIKIDATA_ID_RE.fullmatch(value):
        raise ValidationError(
            "Enter a Wikidata item id: Q followed by digits, e.g. Q42 (not the page's URL).", code="wikidata_id"
        )
