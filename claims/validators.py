"""Small checks shared by the interfaces (forms, views) before they call a service."""

from __future__ import annotations

from datetime import date, timedelta

# Publication dates a news article can plausibly have. A day of slack after today covers time zones.
EARLIEST_PUBLICATION = date(1900, 1, 1)
FUTURE_SLACK = timedelta(days=1)


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
