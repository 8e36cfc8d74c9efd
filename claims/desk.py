"""The review desk (`/admin/claims/desk/`): the queue and one claim at a time, one page load per claim.

The queue (claims assigned to me, then unassigned ones, most check-worthy first) is read by
claims.selectors (keyset reads, never counted); every write goes through claims.services.review with the
version the page showed. A verdict post ("… and next") saves the new source and the verdict in one step and
redirects to the next claim of the same queue: the filters travel in the URL. A refusal draws the same
claim again with the reviewer's input and the reason (a conflict in the same box as the claim page).
Plain forms and links work without JavaScript; claims/static/claims/desk.js only adds keyboard shortcuts.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from claims import admin_views, permissions, selectors
from claims.errors import ApplicationError, Conflict
from claims.models import Article, Claim, Outlet, SourceLink, Speaker, Verdict
from claims.services import review as review_services
from claims.text import bidi_visible, cut_at_word

UPCOMING = 12  # claims listed after the current one
SOURCE_FIELDS = ("url", "title", "publisher", "stance", "excerpt")
VERDICT_KEYS = {Verdict.VERIFIED: "v", Verdict.DISPUTED: "d", Verdict.UNVERIFIABLE: "u"}


class _IdChoiceField(forms.ModelChoiceField):
    """A model choice by id that refuses non-numbers and ids past 64 bits before asking the database."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isdigit() or int(text) >= 2**63:
            raise forms.ValidationError("Not an id.", code="invalid_choice")
        return super().to_python(text)


class DeskFilterForm(forms.Form):
    """The queue's filters, read from the query string (a GET form: the URL is the state)."""

    VERDICT_CHOICES = [
        (selectors.DESK_TODO, "To do (unreviewed or re-check)"),
        *Verdict.choices,
        (selectors.DESK_ANY, "Any verdict"),
    ]

    verdict = forms.ChoiceField(choices=VERDICT_CHOICES, required=False)
    article = _IdChoiceField(queryset=Article.objects.all(), required=False)
    outlet = _IdChoiceField(queryset=Outlet.objects.order_by("name"), required=False)
    speaker = _IdChoiceField(queryset=Speaker.objects.all(), required=False)
    recheck = forms.BooleanField(label="Needs re-check", required=False)
    signoff = forms.BooleanField(label="Sign-off pending", required=False)

    def __init__(self, *args: Any, admin_site: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Articles and speakers are found by typing (the admin's autocomplete), never listed in full.
        for name in ("article", "speaker"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)  # declared just above
            widget = AutocompleteSelect(Claim._meta.get_field(name), admin_site)
            self.fields[name] = _IdChoiceField(queryset=field.queryset, required=False, widget=widget)

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self.errors:
            # Draw an invalid filter empty (the autocomplete widget would look the raw value up), error kept.
            bound: Any = self.data  # a QueryDict (request.GET): copy() makes it mutable
            data = bound.copy()
            for name in self.errors:
                data.pop(name, None)
            self.data = data

    def filters(self) -> selectors.DeskFilters:
        """The valid filters (an invalid one is shown as an error on the form and ignored)."""
        data = self.cleaned_data if self.is_bound else {}
        valid: dict[str, Any] = {name: data.get(name) for name in self.fields if name not in self.errors}
        article, outlet, speaker = valid.get("article"), valid.get("outlet"), valid.get("speaker")
        return selectors.DeskFilters(
            article_id=article.pk if article is not None else None,
            outlet_id=outlet.pk if outlet is not None else None,
            speaker_id=speaker.pk if speaker is not None else None,
            verdict=valid.get("verdict") or selectors.DESK_TODO,
            needs_recheck=bool(valid.get("recheck")),
            signoff_pending=bool(valid.get("signoff")),
        )


def filter_query(filters: selectors.DeskFilters, **extra: Any) -> str:
    """The query string that reproduces `filters` (plus `extra`), empty values left out."""
    params = {
        "verdict": "" if filters.verdict == selectors.DESK_TODO else filters.verdict,
        "article": filters.article_id or "",
        "outlet": filters.outlet_id or "",
        "speaker": filters.speaker_id or "",
        "recheck": "1" if filters.needs_recheck else "",
        "signoff": "1" if filters.signoff_pending else "",
        **extra,
    }
    return urlencode({key: value for key, value in params.items() if value not in ("", None)})


class DeskReviewForm(forms.Form):
    """One claim's verdict, its note and one new source, with the version the page showed."""

    STANCE_CHOICES = [("", "— choose —"), *SourceLink.Stance.choices]

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label="Note or rationale",
        required=False,
        max_length=review_services.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Required for “unverifiable”; for “disputed” unless a source refutes the claim.",
    )
    url = forms.URLField(
        label="New source URL",
        required=False,
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 60}),
    )
    title = forms.CharField(required=False, max_length=500, widget=forms.TextInput(attrs={"size": 60}))
    publisher = forms.CharField(required=False, max_length=300)
    stance = forms.ChoiceField(choices=STANCE_CHOICES, required=False)
    excerpt = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 60}))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        has_source = any(data.get(name) for name in ("url", "title", "publisher", "excerpt"))
        if has_source and not data.get("url") and "url" not in self.errors:
            self.add_error("url", "Give the source's URL (or empty the other source fields).")
        if data.get("url") and not data.get("stance"):
            self.add_error("stance", "Choose whether the source supports, refutes or gives context.")
        return data

    def new_source(self) -> dict[str, str] | None:
        data: dict[str, Any] = self.cleaned_data
        if not data.get("url"):
            return None
        return {name: data.get(name) or "" for name in SOURCE_FIELDS}

    def seen_state(self) -> dict[str, Any] | None:
        try:
            seen = json.loads(self.cleaned_data.get("seen") or "null")
        except ValueError:
            return None
        return seen if isinstance(seen, dict) else None


def _claim_id(raw: str | None) -> int | None:
    return None if raw is None or raw == "" else admin_views.url_id(raw, "claim")


def desk_view(model_admin: Any, request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.is_reviewer(user):
        raise DjangoPermissionDenied  # reviewers and editors only
    filter_form = DeskFilterForm(request.GET, admin_site=model_admin.admin_site)
    filter_form.is_valid()
    filters = filter_form.filters()
    desk_url = reverse("admin:claims_claim_desk")

    claim_id = _claim_id(request.GET.get("claim"))
    if claim_id is None:
        first = selectors.desk_first(user=user, filters=filters)
        claim_id = first.pk if first is not None else None
    claim = selectors.desk_claim(claim_id) if claim_id is not None else None
    if claim_id is not None and claim is None:
        raise Http404("No such claim.")

    review_form = None
    conflict: Conflict | None = None
    if request.method == "POST":
        if claim is None or "claim" not in request.GET:
            # A post acts on the claim its page showed, named in the URL: never on "the first of the queue",
            # which may have changed since the page was drawn.
            raise Http404("No such claim.")
        if "_take" in request.POST:
            return _take(request, claim, desk_url, filters)
        review_form = DeskReviewForm(request.POST)
        if review_form.is_valid():
            try:
                message = _save(request, claim, review_form)
            except ApplicationError as error:
                if "note" in error.fields:
                    review_form.add_error("note", error.fields["note"])
                for name in SOURCE_FIELDS:
                    if name in error.fields:
                        review_form.add_error(name, error.fields[name])
                review_form.add_error(None, error.message)
                conflict = error if isinstance(error, Conflict) else None
            else:
                messages.success(request, message)
                if "_verdict" in request.POST:
                    following = selectors.desk_after(user=user, filters=filters, claim=claim)
                    if following:
                        return HttpResponseRedirect(f"{desk_url}?{filter_query(filters, claim=following[0].pk)}")
                    messages.info(request, "That was the last claim of this queue.")
                    return HttpResponseRedirect(f"{desk_url}?{filter_query(filters)}")
                return HttpResponseRedirect(f"{desk_url}?{filter_query(filters, claim=claim.pk)}")
    elif claim is not None:
        review_form = DeskReviewForm(
            initial={
                "version": claim.version,
                "seen": json.dumps(review_services.claim_state(claim)),
                "note": claim.verdict_note,
            }
        )

    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Claim._meta,
        "title": "Review desk",
        "is_nav_sidebar_enabled": False,  # the desk needs the width
        "filter_form": filter_form,
        "media": filter_form.media,
        "desk_url": desk_url,
        "clear_filters_url": desk_url,
        "claim": claim,
        "form": review_form,
        "conflict": conflict,
        "source_fields": [review_form[name] for name in SOURCE_FIELDS] if review_form is not None else [],
    }
    if claim is not None:
        context.update(_claim_context(request, claim, filters, desk_url))
    else:
        context["upcoming"] = []
    return TemplateResponse(request, "admin/claims/claim/desk.html", context)


def _save(request: HttpRequest, claim: Claim, form: DeskReviewForm) -> str:
    """Source and verdict through the review services, in one transaction (claim_review adds the source)."""
    user = request.user
    source = form.new_source()
    verdict = request.POST.get("_verdict")
    data = form.cleaned_data
    if verdict:
        review_services.claim_review(
            claim_id=claim.pk,
            user=user,
            verdict=verdict,
            note=data.get("note") or "",
            expected_version=data["version"],
            seen=form.seen_state(),
            sources=[source] if source else None,
        )
        added = " (with the new source)" if source else ""
        label = review_services.verdict_label(verdict).lower()
        return f"Marked {label}{added}: {cut_at_word(bidi_visible(claim.text), 60)}"
    if source is None:
        raise ApplicationError("Nothing to save: give a source URL, or choose a verdict.", fields={"url": ["Empty."]})
    review_services.source_add(claim_id=claim.pk, user=user, **source)
    return f"Added the source {review_services.shorten(source['url'])}."


def _take(request: HttpRequest, claim: Claim, desk_url: str, filters: selectors.DeskFilters) -> HttpResponse:
    try:
        review_services.claims_assign(claim_ids=[claim.pk], user=request.user, assignee=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The claim is yours: it heads your queue.")
    return HttpResponseRedirect(f"{desk_url}?{filter_query(filters, claim=claim.pk)}")


def _claim_context(request: HttpRequest, claim: Claim, filters: selectors.DeskFilters, desk_url: str) -> dict[str, Any]:
    user = request.user
    following = selectors.desk_after(user=user, filters=filters, claim=claim, limit=UPCOMING + 1)
    previous = selectors.desk_before(user=user, filters=filters, claim=claim)
    refusal = review_services.verdict_change_refusal(claim=claim, user=user)
    article_claims = list(selectors.article_claims_marked(claim.article_id))
    assigned_elsewhere = claim.assigned_to_id not in (None, user.pk)

    def at(target: Claim) -> str:
        return f"{desk_url}?{filter_query(filters, claim=target.pk)}"

    return {
        "subtitle": cut_at_word(claim.text, 80),
        "here_url": at(claim),
        "next_url": at(following[0]) if following else "",
        "previous_url": at(previous) if previous else "",
        "upcoming": [{"claim": c, "url": at(c)} for c in following[:UPCOMING]],
        "more_upcoming": len(following) > UPCOMING,
        "context_html": admin_views.paragraph_context(claim.article.body, claim.start, claim.end),
        "article_html": admin_views.highlight_article(claim.article.body, article_claims).html,
        "article_url": reverse("admin:claims_article_change", args=[claim.article_id]) + f"#claim-{claim.pk}",
        "claim_url": reverse("admin:claims_claim_change", args=[claim.pk]),
        "speaker_filter_url": f"{desk_url}?{filter_query(filters, speaker=claim.speaker_id)}"
        if claim.speaker_id
        else "",
        "article_filter_url": f"{desk_url}?{filter_query(filters, article=claim.article_id)}",
        "dates": list(claim.dates.all()),
        "places": list(claim.places.all()),
        "sources": [
            {"source": source, "health": admin_views.source_health_html(source, check_button=True)}
            for source in claim.sources.all()
        ],
        "verdict_buttons": [
            {"value": value, "label": review_services.verdict_label(value), "key": key}
            for value, key in VERDICT_KEYS.items()
        ],
        "verdict_refusal": refusal,
        "can_take": claim.assigned_to_id is None,
        "assigned_to_name": review_services.person_name(claim.assigned_to) if claim.assigned_to_id else "",
        "assigned_elsewhere": assigned_elsewhere,
        "reviewed_by_name": review_services.person_name(claim.reviewed_by) if claim.reviewed_by_id else "",
    }
