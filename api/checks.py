"""System checks for the API settings: a bad rate or limit stops start-up with a clear message."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register

from api.throttling import parse_rate


@register()
def check_api_settings(app_configs, **kwargs):
    errors = []
    for scope, rate in getattr(settings, "API_THROTTLE_RATES", {}).items():
        if rate is None:
            continue
        try:
            count, _ = parse_rate(rate)
            if count < 1:
                raise ValueError
        except (ValueError, KeyError, IndexError):
            errors.append(
                Error(
                    f"API throttle rate for {scope!r} is {rate!r}",
                    hint='Use "<number>/<second|minute|hour|day>" (e.g. 600/minute) or "off".',
                    id="api.E001",
                )
            )
    return errors
