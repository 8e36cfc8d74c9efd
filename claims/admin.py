"""The review workflow in the Django admin.

Reviewers open an article (its text with every claim highlighted), follow a claim, attach sources and
give a verdict. Every write goes through claims.services.review, which holds the rules (who may, what a
verdict needs, optimistic locking, history); this module only turns form posts into service calls and
refusals back into form errors. Who sees what follows the model permissions of the Reviewers and
Editors groups (see claims.permissions and the review_groups migration).
"""

from __future__ import annotations

import json
from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch
from django.forms.formsets import all_valid
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from claims import admin_views, desk, permissions, selectors
from claims.errors import ApplicationError, Conflict
from claims.models import (
    Article,
    Claim,
    ClaimDate,
    ClaimPlace,
    LinkCheck,
    Organisation,
    Outlet,
    Review,
    SourceLink,
    Speaker,
    Verdict,
)
from claims.services import comments as comment_services
from claims.services import review as review_services
from claims.services import speakers as speaker_services
from claims.text import bidi_visible, cut_at_word

SOURCE_FIELDS = ("url", "title", "publisher", "stance", "excerpt")


def verdict_badge(verdict: str, *, needs_recheck: bool = False) -> str:
    label = review_services.verdict_label(verdict)
    recheck = mark_safe(' <span class="recheck-flag" title="Needs re-check">re-check</span>') if needs_recheck else ""
    return format_html('<span class="verdict-badge verdict-{}">{}</span>{}', verdict, label, recheck)


def _count_shown(count: int, capped: bool) -> str:
    """A count as the lists show it: "10,000+" when counting stopped at the cap."""
    return f"{count:,}+" if capped else f"{count:,}"


def _is_autocomplete(request: HttpRequest) -> bool:
    """A search from an autocomplete widget (the review desk's article and speaker filters)."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


# --- outlets, speakers --------------------------------------------------------------------------------


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        return False  # keys, articles and subscriptions refer to it


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "created_at"]
    search_fields = ["name", "domain"]

    def has_delete_permission(self, request, obj=None):
        return False  # articles refer to outlets; removing one is not a review task


class SpeakerForm(forms.ModelForm):
    """The canonical name, kind, Wikidata id and description, and the other names, one per line."""

    aliases_text = forms.CharField(
        label="Other names",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One name a line (spellings, transliterations): extraction maps these names to this speaker.",
    )

    class Meta:
        model = Speaker
        fields = ["name", "kind", "wikidata_id", "description"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases_text"].initial = "\n".join(a.name for a in self.instance.aliases.all())

    def alias_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("aliases_text", "").splitlines() if line.strip()]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data.get("name", "").split())
        clashes = selectors.speaker_name_clashes([name], speaker_id=self.instance.pk)
        if clashes:
            raise ValidationError(f"Another speaker already has this name: {clashes[0]}. Merge the two instead.")
        return name

    def clean_aliases_text(self) -> str:
        value = self.cleaned_data.get("aliases_text", "")
        names = [line.strip() for line in value.splitlines() if line.strip()]
        clashes = selectors.speaker_name_clashes(names, speaker_id=self.instance.pk)
        if clashes:
            raise ValidationError(
                "These names belong to another speaker (merge the two speakers instead): " + ", ".join(clashes)
            )
        return value


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    form = SpeakerForm
    change_form_template = "admin/claims/speaker/change_form.html"
    list_display = ["name", "kind", "wikidata_id", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    readonly_fields = ["key", "created_at"]
    ordering = ["name", "id"]
    fields = ["name", "aliases_text", "kind", "wikidata_id", "description", "key", "created_at"]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        if _is_autocomplete(request):
            return super().get_queryset(request)  # the desk's speaker filter: names only, no per-row count
        return super().get_queryset(request).annotate(n_claims=Count("claims"))

    @admin.display(description="Claims", ordering="n_claims")
    def claim_count(self, obj):
        url = reverse("admin:claims_claim_changelist") + f"?speaker={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.n_claims)

    def has_delete_permission(self, request, obj=None):
        return False  # claims refer to speakers: two speakers are merged instead (see merge_view)

    def has_merge_permission(self, request) -> bool:
        return permissions.is_editor(request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        try:
            speaker_services.speaker_set_aliases(speaker=form.instance, names=form.alias_names(), user=request.user)
        except ApplicationError as exc:  # a name taken meanwhile by another speaker
            messages.error(request, exc.message)

    def get_urls(self):
        view = self.admin_site.admin_view  # login, staff and CSRF checks
        return [path("merge/", view(self.merge_view), name="claims_speaker_merge"), *super().get_urls()]

    @admin.action(description="Merge the two selected speakers…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        ids = sorted(queryset.values_list("pk", flat=True)[:3])
        if len(ids) != 2:
            self.message_user(request, "Select exactly two speakers to merge.", messages.ERROR)
            return None
        return HttpResponseRedirect(reverse("admin:claims_speaker_merge") + f"?ids={ids[0]},{ids[1]}")

    def merge_view(self, request: HttpRequest) -> HttpResponse:
        """The confirm page of a merge (GET ?ids=a,b), and the merge itself (POST keep, other)."""
        return admin_views.speaker_merge_view(self, request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        speaker = self.get_object(request, unquote(object_id))
        if speaker is not None:
            record = selectors.speaker_verdict_record(speaker.pk)
            extra_context = {
                **(extra_context or {}),
                "speaker_claims": list(selectors.speaker_claims(speaker.pk)[:SPEAKER_PAGE_CLAIMS]),
                "verdict_record": admin_views.verdict_legend(record),
                "claim_total": record["total"],
                "merges": list(selectors.speaker_merges_into(speaker.pk)),
                "claim_list_url": reverse("admin:claims_claim_changelist") + f"?speaker={speaker.pk}",
                "page_claims": SPEAKER_PAGE_CLAIMS,
            }
        return super().change_view(request, object_id, form_url, extra_context)


SPEAKER_PAGE_CLAIMS = 200


# --- articles -----------------------------------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Read-only article pages: the text changes only by a correction (a new revision; the earlier texts are
    listed), and claim offsets always index the current text."""

    change_form_template = "admin/claims/article/change_form.html"
    list_display = ["title_display", "outlet", "published_at", "status_display", "claim_count", "created_at"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "url_link", "outlet", "byline", "published_at", "language", "revision"]}),
        ("Record", {"fields": ["submitted_by", "created_at", "body_hash"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["url_link", "created_at", "body_hash", "revision"]
    ordering = ["-published_at", "-id"]

    def get_queryset(self, request):
        if _is_autocomplete(request):
            return super().get_queryset(request)  # the desk's article filter: titles only, no per-row count
        return super().get_queryset(request).annotate(n_claims=Count("claims"))

    def get_urls(self):
        view = self.admin_site.admin_view  # login, staff and CSRF checks
        return [
            path("ingest/", view(self.ingest_view), name="claims_article_ingest"),
            path("<path:object_id>/reextract/", view(self.reextract_view), name="claims_article_reextract"),
            path("<path:object_id>/retract/", view(self.retract_view), name="claims_article_retract"),
            *super().get_urls(),
        ]

    def ingest_view(self, request):
        return admin_views.ingest_view(self, request)

    def reextract_view(self, request, object_id):
        return admin_views.reextract_view(self, request, object_id)

    def retract_view(self, request, object_id):
        return admin_views.retract_view(self, request, object_id)

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:claims_article_ingest"))

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # retraction keeps tombstones for API mirrors: not an admin delete

    @admin.display(description="Title", ordering="title")
    def title_display(self, obj):
        return cut_at_word(str(obj), 90)

    @admin.display(description="Status", ordering="status")
    def status_display(self, obj):
        return format_html('<span class="status-badge status-{}">{}</span>', obj.status, obj.get_status_display())

    @admin.display(description="Claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims

    @admin.display(description="URL")
    def url_link(self, obj):
        if not obj.url:
            return "—"
        return format_html('<a href="{}" rel="noopener noreferrer nofollow" target="_blank">{}</a>', obj.url, obj.url)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            claims = list(selectors.article_claims_marked(article.pk))
            counts: dict[str, int] = {}
            for claim in claims:
                counts[claim.verdict] = counts.get(claim.verdict, 0) + 1
            highlighted = admin_views.highlight_article(article.body, claims)
            extra_context = {
                **(extra_context or {}),
                "article": article,
                "claims": claims,
                "highlighted": highlighted,
                "legend": admin_views.verdict_legend(counts),
                "can_reextract": permissions.is_editor(request.user),
                "in_progress": article.status
                in (Article.Status.FETCHING, Article.Status.PENDING, Article.Status.EXTRACTING),
                "claim_list_url": reverse("admin:claims_claim_changelist") + f"?article__id__exact={article.pk}",
                "revisions": list(article.revisions.order_by("number")),  # earlier texts (corrections)
            }
        return super().change_view(request, object_id, form_url, extra_context)


# --- claims -------------------------------------------------------------------------------------------


class AssignmentFilter(admin.SimpleListFilter):
    title = "assignment"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("none", "Unassigned"), ("others", "Assigned to others")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "none":
            return queryset.filter(assigned_to__isnull=True)
        if self.value() == "others":
            return queryset.filter(assigned_to__isnull=False).exclude(assigned_to=request.user)
        return queryset


class CheckworthinessFilter(admin.SimpleListFilter):
    """Check-worthiness in bands (a ranking hint in [0, 1]: see claims.extraction.checkworthiness)."""

    title = "check-worthiness"
    parameter_name = "worth"
    BANDS = {"high": (0.7, None), "medium": (0.4, 0.7), "low": (None, 0.4)}

    def lookups(self, request, model_admin):
        return [("high", "High (0.70 and up)"), ("medium", "Medium (0.40–0.69)"), ("low", "Low (under 0.40)")]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value() or "")
        if band is None:
            return queryset
        low, high = band
        if low is not None:
            queryset = queryset.filter(checkworthiness__gte=low)
        if high is not None:
            queryset = queryset.filter(checkworthiness__lt=high)
        return queryset


class SpeakerFilter(admin.SimpleListFilter):
    """One speaker, found by typing (the admin's autocomplete, as on the desk): never a list of speakers.

    With 100,000 speakers no list fits a sidebar, and ranking them by claims costs a scan of every claim
    on every page. The sidebar shows the chosen speaker and a search box; "only this speaker" links (the
    claim page, the speaker page) set the filter without typing.
    """

    title = "speaker"
    parameter_name = "speaker"
    template = "admin/claims/claim/speaker_filter.html"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        field = forms.ModelChoiceField(
            queryset=Speaker.objects.all(),
            required=False,
            widget=AutocompleteSelect(Claim._meta.get_field("speaker"), model_admin.admin_site),
        )
        self.widget = field.widget  # bound to the field's choices: renders the chosen speaker only
        # The other filters of the page travel with the speaker form as hidden fields.
        self.hidden = [
            (name, value)
            for name, values in request.GET.lists()
            if name not in (self.parameter_name, "p", "e")
            for value in values
        ]

    def widget_html(self) -> str:
        chosen = self._chosen()
        return self.widget.render(
            self.parameter_name,
            chosen,
            attrs={"id": "speaker-filter", "aria-label": "Speaker", "data-placeholder": "Type a name"},
        )

    def has_output(self) -> bool:
        return True  # the search box, also before a speaker is chosen

    def lookups(self, request, model_admin):
        chosen = self._chosen()
        return [(str(s.pk), s.name) for s in Speaker.objects.filter(pk=chosen)] if chosen is not None else []

    def _chosen(self) -> int | None:
        try:
            value = self.value()
            chosen = int(value) if value else None
        except (TypeError, ValueError):
            return None
        # Ids past 64 bits exist nowhere, and the database would refuse the number itself.
        return chosen if chosen is not None and 0 < chosen < 2**63 else None

    def queryset(self, request, queryset):
        chosen = self._chosen()
        return queryset if chosen is None else queryset.filter(speaker_id=chosen)


class CappedPaginator(Paginator):
    """A paginator that counts no further than CAP rows, so a list page never counts the whole table.

    `capped` tells the templates to say "more than"; pages past the cap are not offered (filter instead).
    """

    CAP = 10_000

    capped = False

    @cached_property
    def count(self) -> int:
        n, self.capped = selectors.count_capped(self.object_list, self.CAP)
        return n


class ClaimReviewForm(forms.ModelForm):
    """The claim page's own fields: a note for the verdict and what the page showed (for locking)."""

    note = forms.CharField(
        label="Note or rationale",
        required=False,
        max_length=review_services.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="Why the verdict: required for “unverifiable”; for “disputed” unless a source refutes the claim.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    # The discussion thread's new comment (claims.services.comments checks it, limit included).
    comment = forms.CharField(
        label="New comment",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80, "maxlength": comment_services.COMMENT_MAX_LENGTH}),
        help_text=f"Seen by reviewers and editors only; at most {comment_services.COMMENT_MAX_LENGTH:,} characters. "
        "Comments cannot be edited or deleted.",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["seen"].initial = json.dumps(review_services.claim_state(self.instance))
            self.fields["note"].initial = self.instance.verdict_note

    def seen_state(self) -> dict[str, Any] | None:
        try:
            seen = json.loads(self.cleaned_data.get("seen") or "null")
        except ValueError:
            return None
        return seen if isinstance(seen, dict) else None


class SourceLinkForm(forms.ModelForm):
    url = forms.URLField(label="URL", max_length=2000, assume_scheme="https", widget=forms.URLInput(attrs={"size": 70}))
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = SourceLink
        fields = list(SOURCE_FIELDS)
        widgets = {
            "excerpt": forms.Textarea(attrs={"rows": 2, "cols": 70}),
            "title": forms.TextInput(attrs={"size": 70}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
            self.fields["seen"].initial = json.dumps(review_services.source_state(self.instance))
        else:
            # A new source's stance is chosen, never defaulted: a default "supports" quietly made "Mark
            # disputed" fail for want of a refuting source (as the desk's source form, no default).
            self.fields["stance"] = forms.ChoiceField(
                label="Stance", choices=[("", "— choose —"), *SourceLink.Stance.choices], required=True
            )
            self.initial["stance"] = ""

    def seen_state(self) -> dict[str, Any] | None:
        return _json_dict(self.cleaned_data.get("seen"))

    def vanished(self) -> admin_views.VanishedSource | None:
        """The source this form was drawn for, when it is no longer on the claim (removed meanwhile).

        The formset looks the posted id up among the claim's sources; a miss leaves the form with a new,
        unsaved instance, which is how it shows here.
        """
        if not self.is_bound or self.instance.pk is not None:
            return None
        posted_id = str(self.data.get(self.add_prefix(self._meta.model._meta.pk.name)) or "").strip()
        if not posted_id:
            return None  # a new source
        return admin_views.VanishedSource(posted_id, _json_dict(self.data.get(self.add_prefix("seen"))))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.vanished() is not None:
            raise ValidationError(
                "This source link is no longer on the claim: your changes to it were not saved.", code="conflict"
            )
        return data


def _json_dict(raw: Any) -> dict[str, Any] | None:
    try:
        value = json.loads(raw or "null")
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


class SourceLinkFormSet(BaseInlineFormSet):
    request_user: Any = None  # set per request by SourceLinkInline.get_formset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A delete box the service would refuse is disabled, with the reason, instead of failing on save.
        if self.can_delete and form.instance.pk is not None and self.request_user is not None:
            refusal = review_services.source_remove_refusal(
                source=form.instance, claim=self.instance, user=self.request_user
            )
            if refusal:
                form.fields["DELETE"].disabled = True
                form.fields["DELETE"].widget.attrs["title"] = refusal
                form.fields["DELETE"].help_text = refusal

    def vanished(self) -> list[admin_views.VanishedSource]:
        return [item for form in self.forms if (item := form.vanished()) is not None]

    def get_queryset(self):
        # The admin pairs the i-th initial form with the i-th source to draw it (read-only fields, delete
        # box). Once a source was removed under a stale page, that pairing shifts and drops the last form,
        # with what the reviewer typed in it: pair each form with its own source (None when it is gone).
        if self.is_bound and "forms" in self.__dict__ and self.vanished():
            return [form.instance if form.instance.pk is not None else None for form in self.initial_forms]
        return super().get_queryset()


class SourceLinkInline(admin.StackedInline):
    model = SourceLink
    form = SourceLinkForm
    formset = SourceLinkFormSet
    extra = 1
    fields = [*SOURCE_FIELDS, "seen_version", "seen", "health", "added"]
    readonly_fields = ["health", "added"]
    verbose_name = "source link"
    verbose_name_plural = "Sources"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("added_by")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)  # a new subclass of self.formset on every call
        if issubclass(formset, SourceLinkFormSet):  # always, unless a subclass sets another formset
            formset.request_user = request.user
        return formset

    @admin.display(description="Link health")
    def health(self, obj):
        if not obj.pk:
            return "—"
        # The claim page is open to reviewers and editors only, who may all check a link.
        return admin_views.source_health_html(obj, check_button=True)

    @admin.display(description="Added")
    def added(self, obj):
        if not obj.pk:
            return "—"
        who = review_services.person_name(obj.added_by) if obj.added_by_id else "—"
        return f"{obj.added_at:%Y-%m-%d %H:%M} by {who}"


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    form = ClaimReviewForm
    inlines = [SourceLinkInline]
    list_display = [
        "text_display",
        "speaker_display",
        "verdict_display",
        "checkworthiness_display",
        "article_display",
        "updated_at",
        "assigned_to",
    ]
    list_display_links = ["text_display"]
    list_filter = [
        "verdict",
        "needs_recheck",
        CheckworthinessFilter,
        AssignmentFilter,
        SpeakerFilter,
        ("article__outlet", admin.RelatedFieldListFilter),
        ("article__published_at", admin.DateFieldListFilter),
    ]
    search_fields = ["text", "speaker__name"]
    list_select_related = ["speaker", "article", "assigned_to"]
    list_per_page = 50
    show_full_result_count = False  # the verdict counts above the list give the totals
    paginator = CappedPaginator  # counts stop at CappedPaginator.CAP: no COUNT(*) of every claim per page
    actions = ["assign_to_me", "unassign", "request_recheck", "assign_to_reviewer"]
    # Everything on the claim page is read-only: changes go through the review buttons and services.
    readonly_fields = [
        "article_link",
        "context_display",
        "quote_display",
        "speaker_and_role",
        "kind",
        "attribution_cue",
        "dates_display",
        "places_display",
        "checkworthiness",
    ]
    fieldsets = [(None, {"fields": tuple(readonly_fields)})]

    @property
    def media(self):
        # The speaker filter's autocomplete (select2 and the admin's autocomplete.js, all local files).
        return super().media + AutocompleteSelect(Claim._meta.get_field("speaker"), self.admin_site).media

    # --- permissions ---

    def has_add_permission(self, request):
        return False  # claims come from extraction

    def has_delete_permission(self, request, obj=None):
        return False  # reviewed claims keep their history; extraction removes unreviewed ones

    def has_review_permission(self, request):
        return permissions.is_reviewer(request.user)

    def has_editor_permission(self, request):
        return permissions.is_editor(request.user)

    # --- list ---

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "claims_claim_change":
            qs = qs.select_related(
                "article", "speaker", "reviewed_by", "signed_off_by", "assigned_to"
            ).prefetch_related(
                Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
                Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
            )
        return qs

    @admin.display(description="Claim", ordering="text")
    def text_display(self, obj):
        text = cut_at_word(bidi_visible(obj.text), 110)
        if obj.start is None:
            return format_html('{} <span class="recheck-flag">{}</span>', text, admin_views.NOT_IN_ARTICLE.lower())
        return text

    @admin.display(description="Speaker", ordering="speaker__name")
    def speaker_display(self, obj):
        return bidi_visible(obj.speaker.name) if obj.speaker_id else "—"

    @admin.display(description="Verdict", ordering="verdict")
    def verdict_display(self, obj):
        return verdict_badge(obj.verdict, needs_recheck=obj.needs_recheck)

    @admin.display(description="Check-worthiness", ordering="checkworthiness")
    def checkworthiness_display(self, obj):
        return f"{obj.checkworthiness:.2f}"

    @admin.display(description="Article", ordering="article__title")
    def article_display(self, obj):
        return cut_at_word(str(obj.article), 60)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            cl = context["cl"]
            chosen = request.GET.get("verdict__exact")
            if chosen in Verdict.values:  # the list holds one verdict: its count is the list's, the others 0
                counts = {value: (0, False) for value in Verdict.values}
                counts[chosen] = (cl.result_count, cl.paginator.capped)
            else:
                counts = selectors.claim_verdict_counts(
                    cl.queryset, cap=CappedPaginator.CAP, total=None if cl.paginator.capped else cl.result_count
                )
            base = cl.get_query_string(remove=["verdict__exact", "p"])
            context["verdict_counts"] = [
                {
                    "verdict": value,
                    "label": label,
                    "count": counts[value][0],
                    "shown": _count_shown(*counts[value]),
                    "url": cl.get_query_string({"verdict__exact": value}, remove=["p"]),
                    "active": request.GET.get("verdict__exact") == value,
                }
                for value, label in Verdict.choices
            ]
            context["verdict_total"] = _count_shown(cl.result_count, cl.paginator.capped)
            context["verdict_all_url"] = base
        return response

    # --- claim page: read-only parts ---

    @admin.display(description="Article")
    def article_link(self, obj):
        url = reverse("admin:claims_article_change", args=[obj.article_id]) + f"#claim-{obj.pk}"
        published = f" · published {obj.article.published_at:%Y-%m-%d}" if obj.article.published_at else ""
        return format_html('<a href="{}">{}</a>{}', url, obj.article, published)

    @admin.display(description="In its paragraph")
    def context_display(self, obj):
        return admin_views.paragraph_context(obj.article.body, obj.start, obj.end)

    @admin.display(description="Quote")
    def quote_display(self, obj):
        return format_html("“{}”", bidi_visible(obj.quote)) if obj.quote else "—"

    @admin.display(description="Speaker")
    def speaker_and_role(self, obj):
        if not obj.speaker_id:
            return "— (no speaker found)"
        url = reverse("admin:claims_claim_changelist") + f"?speaker={obj.speaker_id}"
        role = (
            format_html(", <span class='speaker-role'>{}</span>", bidi_visible(obj.speaker_role))
            if obj.speaker_role
            else ""
        )
        return format_html('<a href="{}">{}</a>{}', url, bidi_visible(obj.speaker.name), role)

    @admin.display(description="Dates")
    def dates_display(self, obj):
        dates = list(obj.dates.all())
        if not dates:
            return "—"
        return format_html(
            "<ul class='claim-facts'>{}</ul>",
            format_html_join(
                "",
                "<li>“{}” → <strong>{}</strong> <span class='quiet'>({})</span></li>",
                (
                    (
                        bidi_visible(d.text),
                        d.value + (f" … {d.value_end}" if d.value_end else ""),
                        d.get_granularity_display(),
                    )
                    for d in dates
                ),
            ),
        )

    @admin.display(description="Places")
    def places_display(self, obj):
        places = list(obj.places.all())
        if not places:
            return "—"
        return format_html(
            "<ul class='claim-facts'>{}</ul>",
            format_html_join(
                "",
                "<li>“{}” <span class='quiet'>({}{})</span></li>",
                ((bidi_visible(p.text), p.get_kind_display(), f", {p.code}" if p.code else "") for p in places),
            ),
        )

    # --- claim page: the review (its own view, calling the review services) ---

    def get_urls(self):
        view = self.admin_site.admin_view  # login, staff and CSRF checks
        return [
            path("desk/", view(self.desk_view), name="claims_claim_desk"),
            path(
                "<path:object_id>/sources/<path:source_id>/check/",
                view(self.source_check_view),
                name="claims_claim_source_check",
            ),
            path("<path:object_id>/change/", view(self.review_view), name="claims_claim_change"),
            path(
                "<path:object_id>/same-as/<path:earlier_id>/",
                view(self.same_as_view),
                name="claims_claim_same_as",
            ),
            *super().get_urls(),
        ]

    def source_check_view(self, request: HttpRequest, object_id: str, source_id: str) -> HttpResponse:
        return admin_views.source_check_view(self, request, object_id, source_id)

    def desk_view(self, request: HttpRequest) -> HttpResponse:
        return desk.desk_view(self, request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self.review_view(request, object_id)  # the same page, should anything route here

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The claim page: the claim in context, its sources (editable), the verdict buttons, the history.

        A post is one step: source changes and the review action are applied through the services in
        one transaction; a refusal rolls all of it back and shows the same page again with the input
        and the reason (a conflict says who changed what, and when).
        """
        if not self.has_view_or_change_permission(request):
            raise DjangoPermissionDenied  # staff without a review role learn nothing, not even which ids exist
        object_id = unquote(object_id)
        # Not a claim id (or past 64 bits, which the database would refuse): 404, not a database error.
        claim = self.get_object(request, object_id) if object_id.isdigit() and int(object_id) < 2**63 else None
        if claim is None:
            raise Http404("No such claim.")
        if request.method == "POST":
            if not self.has_change_permission(request, claim):
                raise DjangoPermissionDenied
        elif not self.has_view_or_change_permission(request, claim):
            raise DjangoPermissionDenied
        posted = request.method == "POST"
        form = ClaimReviewForm(request.POST if posted else None, instance=claim)
        formsets, inlines = self._source_formsets(request, claim)
        conflict: Conflict | None = None
        if posted and form.is_valid() and all_valid(formsets):
            try:
                with transaction.atomic():
                    done = [line for formset in formsets for line in self._save_sources(request, claim, formset)]
                    done += self._apply_review_action(request, form)
            except ApplicationError as error:
                # Nothing from this post was saved: show the page again with the input and the reason.
                for name in ("note", "comment"):
                    if name in error.fields:
                        form.add_error(name, error.fields[name])
                form.add_error(None, ValidationError(error.message, code=error.code))
                conflict = error if isinstance(error, Conflict) else None
            else:
                if done:
                    self.log_change(request, claim, "; ".join(done))
                    self.message_user(request, ". ".join(done) + ".", messages.SUCCESS)
                else:
                    self.message_user(request, "Nothing to save.", messages.INFO)
                return HttpResponseRedirect(request.path)
        if posted and conflict is None:
            # A stale page still showing sources removed meanwhile: its formset is invalid (nothing is
            # saved); show it as the conflict it is rather than "Please correct the error below."
            vanished = [item for formset in formsets for item in formset.vanished()]
            if vanished:
                conflict = admin_views.vanished_sources_conflict(claim, vanished)
        return self._review_page(request, claim, form, formsets, inlines, conflict)

    def _source_formsets(self, request: HttpRequest, claim: Claim) -> tuple[list[Any], list[Any]]:
        formsets, inlines = [], []
        for formset_class, inline in self.get_formsets_with_inlines(request, claim):
            prefix = formset_class.get_default_prefix()
            formsets.append(formset_class(**self.get_formset_kwargs(request, claim, inline, prefix)))
            inlines.append(inline)
        return formsets, inlines

    def _review_page(self, request, claim, form, formsets, inlines, conflict) -> HttpResponse:
        # As Django's own change view does. (django-stubs types AdminForm's fieldsets as dicts of lists, narrower
        # than the field options get_fieldsets() is typed to return: the cast only bridges the two stubs.)
        fieldsets = cast(list[tuple[Any, dict[str, list[str]]]], list(self.get_fieldsets(request, claim)))
        admin_form = admin.helpers.AdminForm(
            form, fieldsets, {}, self.get_readonly_fields(request, claim), model_admin=self
        )
        inline_formsets = self.get_inline_formsets(request, formsets, inlines, claim)
        media = self.media + admin_form.media
        for inline_formset in inline_formsets:
            media += inline_formset.media
        context = {
            **self.admin_site.each_context(request),
            "subtitle": str(claim),
            "adminform": admin_form,
            "object_id": str(claim.pk),
            "original": claim,
            "is_popup": False,
            "to_field": None,
            "media": media,
            "inline_admin_formsets": inline_formsets,
            "errors": admin.helpers.AdminErrorList(form, formsets),
            "preserved_filters": self.get_preserved_filters(request),
            **self._review_context(request, claim),
            "conflict": conflict,
            # The small forms the sources' "Check this link now" buttons submit (outside the main form).
            "source_checks": [
                {"id": f"check-source-{f.instance.pk}", "url": admin_views.source_check_url(f.instance)}
                for formset in formsets
                for f in formset.initial_forms
                if isinstance(f.instance, SourceLink) and f.instance.pk
            ],
        }
        return self.render_change_form(request, context, change=True, obj=claim)

    def _review_context(self, request: HttpRequest, claim: Claim) -> dict[str, Any]:
        user = request.user
        refusal = review_services.verdict_change_refusal(claim=claim, user=user)
        buttons = [
            (Verdict.VERIFIED, "Mark verified"),
            (Verdict.DISPUTED, "Mark disputed"),
            (Verdict.UNVERIFIABLE, "Mark unverifiable"),
        ]
        editor = permissions.is_editor(user)
        return {
            "title": "Review claim",
            "claim": claim,
            "verdict_buttons": [{"value": v, "label": label} for v, label in buttons],
            "verdict_refusal": refusal,
            "can_reopen": editor and claim.verdict != Verdict.UNREVIEWED,
            "can_sign_off": editor and claim.verdict != Verdict.UNREVIEWED and not claim.signed_off_at,
            "can_review": permissions.is_reviewer(user),
            "reviews": self._history(claim),
            "comments": list(selectors.claim_comments(claim.pk)),
            "verdict_badge": verdict_badge(claim.verdict, needs_recheck=claim.needs_recheck),
            "reviewed_by_name": review_services.person_name(claim.reviewed_by) if claim.reviewed_by_id else "",
            "signed_off_by_name": review_services.person_name(claim.signed_off_by) if claim.signed_off_by_id else "",
            "assigned_to_name": review_services.person_name(claim.assigned_to) if claim.assigned_to_id else "",
            "article_url": reverse("admin:claims_article_change", args=[claim.article_id]) + f"#claim-{claim.pk}",
            **admin_views.checked_before(claim, user),
        }

    def same_as_view(self, request: HttpRequest, object_id: str, earlier_id: str) -> HttpResponse:
        """ "Same as this one": show what the earlier claim's verdict and sources would bring; a POST applies it."""
        return admin_views.same_as_view(self, request, object_id, earlier_id)

    def _history(self, claim: Claim) -> list[Review]:
        return list(selectors.claim_history(claim.pk, newest_first=True))

    def _save_sources(self, request, claim: Claim, formset) -> list[str]:
        done = []
        user = request.user
        deleted = formset.deleted_forms if formset.can_delete else []
        for source_form in formset.initial_forms:
            source = source_form.instance
            seen = source_form.seen_state()
            expected = source_form.cleaned_data.get("seen_version")
            if source_form in deleted:
                review_services.source_remove(source_id=source.pk, user=user, expected_version=expected, seen=seen)
                done.append(f"Removed source {source.url}")
            elif source_form.has_changed():
                changes = {name: source_form.cleaned_data[name] for name in SOURCE_FIELDS}
                review_services.source_update(
                    source_id=source.pk, user=user, expected_version=expected, seen=seen, **changes
                )
                done.append(f"Updated source {changes['url']}")
        for source_form in formset.extra_forms:
            if not source_form.has_changed() or source_form in deleted:
                continue
            fields = {name: source_form.cleaned_data.get(name) or "" for name in SOURCE_FIELDS}
            review_services.source_add(claim_id=claim.pk, user=user, **fields)
            done.append(f"Added source {fields['url']}")
        return done

    def _apply_review_action(self, request, form) -> list[str]:
        claim = form.instance
        post = request.POST
        note = form.cleaned_data.get("note") or ""
        version = form.cleaned_data.get("version")
        seen = form.seen_state()
        user = request.user
        if "_verdict" in post:
            verdict = post["_verdict"]
            review_services.claim_review(
                claim_id=claim.pk, user=user, verdict=verdict, note=note, expected_version=version, seen=seen
            )
            return [f"Marked {review_services.verdict_label(verdict).lower()}"]
        if "_comment" in post:
            if "note" in form.changed_data:  # one form: an edited note would be dropped without a word
                raise ApplicationError(
                    "Nothing was saved: you changed the note and posted a comment. A note goes with a verdict "
                    "(click one of the “Mark …” buttons); post the comment on its own.",
                    fields={"note": ["Not saved yet."]},
                )
            comment_services.comment_add(claim_id=claim.pk, user=user, text=form.cleaned_data.get("comment") or "")
            return ["Added a comment"]
        # The note field starts with the current verdict's note: other actions use it only when edited.
        own_note = note if "note" in form.changed_data else ""
        if "_reopen" in post:
            review_services.claim_review(
                claim_id=claim.pk,
                user=user,
                verdict=Verdict.UNREVIEWED,
                note=own_note,
                expected_version=version,
                seen=seen,
            )
            return ["Reopened"]
        if "_signoff" in post:
            review_services.claim_sign_off(claim_id=claim.pk, user=user, note=own_note, expected_version=version)
            return ["Signed off"]
        if "_clear_recheck" in post:
            review_services.claim_clear_recheck(claim_id=claim.pk, user=user, note=own_note, expected_version=version)
            return ["Cleared the re-check flag"]
        if "_request_recheck" in post:
            if not own_note.strip():
                raise ApplicationError(
                    "Write in the note what should be re-checked, then click “Request re-check”.",
                    fields={"note": ["Say what should be re-checked."]},
                )
            review_services.claim_request_recheck(claim_id=claim.pk, user=user, reason=own_note)
            return ["Requested a re-check"]
        if "note" in form.changed_data:
            raise ApplicationError(
                "Your note was not saved: a note goes with a verdict. Click one of the “Mark …” buttons.",
                fields={"note": ["Not saved yet."]},
            )
        return []

    # --- bulk actions ---

    def _ids(self, queryset) -> list[int]:
        return list(queryset.values_list("pk", flat=True))

    def _run(self, request, call, success: str) -> None:
        try:
            count = call()
        except ApplicationError as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        self.message_user(request, success.format(n=count, s="" if count == 1 else "s"), messages.SUCCESS)

    @admin.action(description="Assign to me", permissions=["review"])
    def assign_to_me(self, request, queryset):
        ids = self._ids(queryset)
        self._run(
            request,
            lambda: review_services.claims_assign(claim_ids=ids, user=request.user, assignee=request.user),
            "Assigned {n} claim{s} to you.",
        )

    @admin.action(description="Unassign", permissions=["review"])
    def unassign(self, request, queryset):
        ids = self._ids(queryset)
        self._run(
            request,
            lambda: review_services.claims_assign(claim_ids=ids, user=request.user, assignee=None),
            "Unassigned {n} claim{s}.",
        )

    @admin.action(description="Request a re-check…", permissions=["review"])
    def request_recheck(self, request, queryset):
        ids = self._ids(queryset)
        form = RecheckForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._run(
                request,
                lambda: review_services.claims_request_recheck(claim_ids=ids, user=request.user, reason=reason),
                "Flagged {n} claim{s} for a re-check.",
            )
            return None
        return self._action_page(request, queryset, "request_recheck", "Request a re-check", form)

    @admin.action(description="Assign to a reviewer…", permissions=["editor"])
    def assign_to_reviewer(self, request, queryset):
        ids = self._ids(queryset)
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            assignee = form.cleaned_data["assignee"]
            self._run(
                request,
                lambda: review_services.claims_assign(claim_ids=ids, user=request.user, assignee=assignee),
                f"Assigned {{n}} claim{{s}} to {review_services.person_name(assignee)}.",
            )
            return None
        return self._action_page(request, queryset, "assign_to_reviewer", "Assign claims", form)

    def _action_page(self, request, queryset, action: str, title: str, form: forms.Form) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "action": action,
            "form": form,
            "claims": queryset.select_related("speaker")[:200],
            "count": queryset.count(),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
        }
        return TemplateResponse(request, "admin/claims/claim/action_form.html", context)


class RecheckForm(forms.Form):
    reason = forms.CharField(
        max_length=review_services.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="What should the next reviewer look at? This is kept in each claim's history.",
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(queryset=review_services.users_who_review(), label="Reviewer")


# --- evidence and history (read-only lists; edits happen on the claim page) --------------------------


@admin.register(SourceLink)
class SourceLinkAdmin(admin.ModelAdmin):
    list_display = ["url_display", "claim_display", "stance", "state", "last_checked_at"]
    list_filter = ["stance", "state"]
    search_fields = ["url", "title", "publisher"]
    list_select_related = ["claim"]

    @admin.display(description="URL", ordering="url")
    def url_display(self, obj):
        return bidi_visible(obj.url)

    @admin.display(description="Claim")
    def claim_display(self, obj):
        url = reverse("admin:claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">{}</a>', url, cut_at_word(bidi_visible(obj.claim.text), 70))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # edited on the claim page, through the services

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewActionFilter(admin.SimpleListFilter):
    title = "action"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return list(review_services.ACTION_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class ReviewerFilter(admin.SimpleListFilter):
    """People who can review (plus "system" for background work); not every user of the site."""

    title = "reviewer"
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        people = [(str(u.pk), review_services.person_name(u)) for u in review_services.users_who_review()]
        return [*people, ("system", "the system")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "system":
            return queryset.filter(reviewer__isnull=True)
        if value and value.isdigit() and int(value) < 2**63:
            return queryset.filter(reviewer_id=int(value))
        return queryset


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """The audit list: newest first, actions as people read them, filter by reviewer."""

    list_display = ["created_at", "claim_display", "reviewer_display", "action_display", "from_verdict", "to_verdict"]
    list_filter = [ReviewerFilter, ReviewActionFilter, "to_verdict"]
    search_fields = ["claim__text", "note"]
    list_select_related = ["claim", "reviewer"]
    ordering = ["-created_at", "-id"]

    @admin.display(description="Claim")
    def claim_display(self, obj):
        url = reverse("admin:claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">{}</a>', url, cut_at_word(bidi_visible(obj.claim.text), 70))

    @admin.display(description="Who", ordering="reviewer__username")
    def reviewer_display(self, obj):
        return review_services.person_name(obj.reviewer)

    @admin.display(description="Action", ordering="action")
    def action_display(self, obj):
        return review_services.action_label(obj.action)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    list_display = ["source", "checked_at", "status_code", "error"]
    list_select_related = ["source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
