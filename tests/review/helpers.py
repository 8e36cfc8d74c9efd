"""Helpers for driving admin forms through the Django test client."""

from __future__ import annotations

from typing import Any


def form_data(response) -> dict[str, Any]:
    """The POST data a browser would send for an admin change page as rendered (all fields at their values)."""
    data: dict[str, Any] = {}
    form = response.context["adminform"].form
    for field in form:
        value = field.value()
        data[field.html_name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for field in formset.management_form:
            data[field.html_name] = field.value()
        for sub in formset.forms:
            for field in sub:
                value = field.value()
                if value is None or value is False:
                    continue
                data[field.html_name] = value
    return data


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []
