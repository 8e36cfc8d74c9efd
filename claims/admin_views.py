"""Pieces of the review admin that are more than registration: the highlighted article text, a claim's
paragraph context, and the ingest and re-extract pages.

Article text is untrusted (it comes from the web): every piece of it reaches the page through escape()
or format_html(); nothing here marks article text safe.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims import permissions
from claims.errors import ApplicationError, Conflict
from claims.models import Article, Claim, Outlet, Review, Verdict
from claims.services import articles as article_services
from claims.services import review as review_services

# --- highlighting -------------------------------------------------------------------------------------

VERDICT_COLOURS = {
    # background, underline: distinct in hue *and* in underline style, so they do not rely on colour alone
    Verdict.UNREVIEWED: ("#fff3bf", "dotted #b08900"),
    Verdict.VERIFIED: ("#c9f2d0", "solid #1e7b34"),
    Verdict.DISPUTED: ("#ffd4d4", "double #b3261e"),
    Verdict.UNVERIFIABLE: ("#e3e3ee", "dashed #57576b"),
}


@dataclass(frozen=True)
class Highlighted:
    html: SafeString
    placed: int
    not_placed: list[Claim]


def claim_admin_url(claim_id: int) -> str:
    return reverse("admin:claims_claim_change", args=[claim_id])


def highlight_article(body: str, claims: Iterable[Claim]) -> Highlighted:
    """The article body as HTML, each claim's span wrapped in a link to the claim, coloured by verdict.

    Claims whose offsets do not fit the body (or overlap an earlier claim) are reported, not drawn.
    """
    out: list[str] = []
    cursor = 0
    placed = 0
    not_placed: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.start, c.end, c.pk)):
        if claim.start < cursor or claim.end > len(body) or claim.end <= claim.start:
            not_placed.append(claim)
            continue
        out.append(escape(body[cursor : claim.start]))
        tip = f"Claim {claim.position + 1} · {claim.get_verdict_display()}"
        if claim.speaker is not None:
            tip += f" · {claim.speaker.name}"
        if claim.needs_recheck:
            tip += " · needs re-check"
        out.append(
            format_html(
                '<a class="claim-hl verdict-{}{}" id="claim-{}" href="{}" title="{}" data-verdict="{}">{}</a>',
                claim.verdict,
                " needs-recheck" if claim.needs_recheck else "",
                claim.pk,
                claim_admin_url(claim.pk),
                tip,
                claim.verdict,
                body[claim.start : claim.end],
            )
        )
        cursor = claim.end
        placed += 1
    out.append(escape(body[cursor:]))
    return Highlighted(mark_safe("".join(out)), placed, not_placed)  # noqa: S308 - every piece escaped above


def paragraph_context(body: str, start: int, end: int, *, limit: int = 1200) -> SafeString:
    """The paragraph around [start, end) with that span marked; long paragraphs are cut around it."""
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    left = body.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = body.find("\n\n", end)
    right = len(body) if right < 0 else right
    left = max(left, start - limit // 2)
    right = min(right, end + limit // 2)
    prefix = ("…" if left > 0 and body[left - 1] not in "\n" else "") + body[left:start]
    suffix = body[end:right] + ("…" if right < len(body) and body[right] != "\n" else "")
    return format_html(
        '<span class="claim-context">{}<mark class="claim-sentence">{}</mark>{}</span>',
        prefix.lstrip("\n"),
        body[start:end],
        suffix.rstrip("\n"),
    )


def verdict_legend(counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"verdict": value, "label": label, "count": counts.get(value, 0)} for value, label in Verdict.choices]


# --- sources removed while a reviewer had the page open ------------------------------------------------


@dataclass(frozen=True)
class VanishedSource:
    """A source link the posted page still showed (by id) that is no longer on the claim."""

    posted_id: str
    seen: dict[str, Any] | None  # the source as the page showed it, when the page said


@dataclass(frozen=True)
class _Removal:
    review: Review
    url: str


def _source_removals(claim: Claim) -> dict[int, _Removal]:
    """Which review removed which source, read from the history's source snapshots.

    A source-removal review is the first one whose snapshot lacks a source the review before it listed.
    """
    removals: dict[int, _Removal] = {}
    before: dict[int, str] = {}
    for review in claim.reviews.select_related("reviewer").order_by("created_at", "id"):
        now = {s["id"]: str(s.get("url", "")) for s in review.sources or [] if isinstance(s, dict) and "id" in s}
        if review.action == review_services.ACTION_SOURCE_REMOVED:
            for source_id in before.keys() - now.keys():
                removals[source_id] = _Removal(review, before[source_id])
        before = now
    return removals


def vanished_sources_conflict(claim: Claim, vanished: Iterable[VanishedSource]) -> Conflict:
    """The optimistic-lock conflict for a post that still shows sources somebody removed meanwhile.

    Says which source went, by whom and when when the history knows; the page shows it like any other
    conflict (nothing saved, the input kept, a reload link).
    """
    removals = _source_removals(claim)
    lines: list[str] = []
    for item in vanished:
        source_id = int(item.posted_id) if item.posted_id.isdigit() and len(item.posted_id) < 19 else None
        removal = removals.get(source_id) if source_id is not None else None
        url = str((item.seen or {}).get("url") or "") or (removal.url if removal else "") or f"#{item.posted_id}"
        url = review_services.shorten(url)
        if removal is not None:
            when = timezone.localtime(removal.review.created_at).strftime("%Y-%m-%d %H:%M")
            who = review_services.person_name(removal.review.reviewer)
            lines.append(f"source {url} was removed by {who} at {when}")
        else:
            lines.append(f"source {url} is no longer on this claim")
    return Conflict(
        "Somebody else changed this claim's sources while you were working on it: "
        + "; ".join(lines)
        + ". Nothing was saved: reload the claim, check the change, then apply yours again.",
        fields={"sources": lines},
    )


# --- ingest -------------------------------------------------------------------------------------------


def html_converter() -> Callable[[str], Any] | None:
    """The engine's HTML-to-text converter, when the extraction package provides one."""
    try:
        module = importlib.import_module("claims.extraction.html")
    except ImportError:
        return None
    return getattr(module, "from_html", None)


def ingest_fetcher() -> Callable[..., Any] | None:
    """Fetching an article from its URL in the background (through the safe fetcher).

    Returns a callable `fetch(*, url, published, outlet, title, user) -> (article, created)`; the URL is
    checked at once (private and malformed addresses are refused on the form) and the page is fetched
    and extracted by a task. Kept as a hook so tests can plug in a stand-in.
    """

    def fetch(*, url, published, outlet, title, user):
        result = article_services.article_submit_url(
            url=url, published=published, outlet=outlet, title=title or "", submitted_by=user
        )
        return result.article, result.created

    return fetch


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<p" in head and "</p>" in text.lower())


class IngestForm(forms.Form):
    FORMAT_CHOICES = [("auto", "Detect"), ("text", "Plain text"), ("html", "HTML")]

    text = forms.CharField(
        label="Article text or HTML",
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100, "spellcheck": "false"}),
        required=False,
        strip=False,
    )
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto", widget=forms.RadioSelect)
    title = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"size": 70}),
        help_text="Defaults to the first line of the text.",
    )
    published = forms.DateField(
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates in the article (“on Tuesday”, “last month”) are resolved against it.",
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.order_by("name"),
        required=False,
        help_text="Leave empty to derive it from the article URL.",
    )
    url = forms.URLField(
        label="Article URL",
        max_length=2000,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 70}),
        help_text="Optional: identifies the article, so submitting it twice finds the first copy.",
    )
    fetch = forms.BooleanField(
        label="Fetch the article from its URL", required=False, help_text="Runs in the background."
    )

    def __init__(self, *args: Any, fetcher: Callable[..., Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetcher = fetcher
        if fetcher is None:
            del self.fields["fetch"]
        if html_converter() is None:
            # Nothing to choose: plain text only (HTML-looking input is still refused with a message).
            self.fields["format"].widget = forms.HiddenInput()
            self.fields["text"].label = "Article text"
        self.fields["published"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        fetching = bool(data.get("fetch"))
        if fetching and not data.get("url"):
            self.add_error("url", "Give the URL to fetch.")
        if not fetching and not (data.get("text") or "").strip():
            self.add_error("text", "Paste the article's text or HTML.")
        return data


def ingest_view(model_admin: Any, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise DjangoPermissionDenied
    fetcher = ingest_fetcher()
    form = IngestForm(request.POST or None, fetcher=fetcher)
    if request.method == "POST" and form.is_valid():
        try:
            article, created = _ingest(form, request, fetcher)
        except ApplicationError as exc:
            form.add_error(_form_field(exc, form), exc.message)
        else:
            if article is None:
                messages.success(request, "The article will be fetched in the background.")
                return HttpResponseRedirect(reverse("admin:claims_article_changelist"))
            if created:
                messages.success(request, "Article submitted: extraction runs in the background.")
            else:
                messages.warning(request, "This article is already in the registry: here it is.")
            return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Add an article",
        "form": form,
        "html_available": html_converter() is not None,
        "fetch_available": fetcher is not None,
    }
    return TemplateResponse(request, "admin/claims/article/ingest.html", context)


def _form_field(exc: ApplicationError, form: forms.Form) -> str | None:
    for name in exc.fields:
        if name == "body":
            return "text"
        if name in form.fields:
            return name
    return None


def _ingest(form: IngestForm, request: HttpRequest, fetcher: Callable[..., Any] | None) -> tuple[Article | None, bool]:
    data = form.cleaned_data
    if data.get("fetch") and fetcher is not None:
        fetched = fetcher(
            url=data["url"], published=data["published"], outlet=data["outlet"], title=data["title"], user=request.user
        )
        return fetched if isinstance(fetched, tuple) else (fetched, False)
    text = data["text"]
    raw_html = ""
    wants_html = data["format"] == "html" or (data["format"] == "auto" and _looks_like_html(text))
    if wants_html:
        convert = html_converter()
        if convert is None:
            raise ApplicationError(
                "HTML import is not available in this version: paste the article's plain text instead.",
                fields={"text": ["Not available."]},
            )
        raw_html = text
        converted = convert(text)
        text, html_title = _converted_text(converted)
        if not data["title"] and html_title:
            data["title"] = html_title
    result = article_services.article_submit(
        body=text,
        title=data["title"],
        url=data["url"] or None,
        published=data["published"],
        outlet=data["outlet"],
        raw_html=raw_html,
        submitted_by=request.user,
    )
    return result.article, result.created


def _converted_text(converted: Any) -> tuple[str, str]:
    """Accept what the converter returns: a string, or an object/mapping with text (and title)."""
    if isinstance(converted, str):
        return converted, ""
    if isinstance(converted, dict):
        return str(converted.get("text") or converted.get("body") or ""), str(converted.get("title") or "")
    text = getattr(converted, "text", None) or getattr(converted, "body", "")
    return str(text or ""), str(getattr(converted, "title", "") or "")


# --- re-extract and retract ------------------------------------------------------------------------


def _article_id(object_id: str) -> int:
    """A URL's article id, or 404 for anything that is not one (instead of a database error)."""
    if not object_id.isdigit() or int(object_id) >= 2**63:
        raise Http404("No such article.")
    return int(object_id)


def reextract_view(model_admin: Any, request: HttpRequest, object_id: str) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.is_editor(request.user):
        raise DjangoPermissionDenied
    article = get_object_or_404(Article, pk=_article_id(object_id))
    article_services.article_request_reextraction(article=article)
    messages.success(request, "Re-extraction requested: reviewed claims keep their verdicts and sources.")
    return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))


def retract_view(model_admin: Any, request: HttpRequest, object_id: str) -> HttpResponse:
    """Editors withdraw an article (with a reason); its claims leave the API, mirrors get tombstones."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.is_editor(request.user):
        raise DjangoPermissionDenied
    article = get_object_or_404(Article, pk=_article_id(object_id))
    try:
        article_services.article_retract(
            article_id=article.pk, user=request.user, reason=request.POST.get("reason", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Article retracted: its claims are no longer published.")
    return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))
