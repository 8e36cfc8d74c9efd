"""Pieces of the review admin that are more than registration: the highlighted article text, a claim's
paragraph context, and the ingest and re-extract pages.

Article text is untrusted (it comes from the web): every piece of it reaches the page through escape()
or format_html(); nothing here marks article text safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe

from claims import permissions, selectors
from claims.errors import ApplicationError, Conflict
from claims.models import Article, Claim, Outlet, Review, SourceLink, Verdict
from claims.services import article_pages as article_page_services
from claims.services import articles as article_services
from claims.services import recheck as recheck_services
from claims.services import review as review_services
from claims.services import speakers as speaker_services
from claims.text import bidi_visible
from claims.validators import publication_date_problem

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
    detached: list[Claim]  # kept reviewed claims whose sentence is no longer in the article


def claim_admin_url(claim_id: int) -> str:
    return reverse("admin:claims_claim_change", args=[claim_id])


@dataclass(frozen=True)
class _Fact:
    """A speaker, date or place marked in the article text."""

    start: int
    end: int
    kind: str  # "speaker", "date", "place"
    label: str  # what it is, for the tooltip and for screen readers


_WORD = r"\w"


def _speaker_span(body: str, claim: Claim) -> tuple[int, int] | None:
    """Where the claim's speaker is named inside the claim's sentence: the name, an alias, or the surname.

    Extraction keeps no offsets for speakers, so the name is looked for in the claim's own span only (a
    whole-word match, longest name first); a speaker named in an earlier sentence is not marked.
    """
    speaker = claim.speaker
    if speaker is None or claim.start is None or claim.end is None:
        return None
    names = [speaker.name, *(alias.name for alias in speaker.aliases.all())]
    words = speaker.name.split()
    if len(words) > 1 and len(words[-1]) > 2:
        names.append(words[-1])  # "Berg" for "Anna Berg", as articles name people after the first time
    span = body[claim.start : claim.end]
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        found = re.search(rf"(?<!{_WORD}){re.escape(name)}(?!{_WORD})", span)
        if found:
            return claim.start + found.start(), claim.start + found.end()
    return None


def _facts(body: str, claims: Iterable[Claim]) -> list[_Fact]:
    facts: list[_Fact] = []
    for claim in claims:
        if claim.start is None:
            continue
        speaker = _speaker_span(body, claim)
        if speaker is not None and claim.speaker is not None:
            role = f", {claim.speaker_role}" if claim.speaker_role else ""
            facts.append(_Fact(*speaker, "speaker", f"speaker: {claim.speaker.name}{role}"))
        for date in claim.dates.all():
            if date.start is not None and date.end is not None:
                value = date.value + (f" … {date.value_end}" if date.value_end else "")
                facts.append(_Fact(date.start, date.end, "date", f"date: {value}"))
        for place in claim.places.all():
            if place.start is not None and place.end is not None:
                code = f", {place.code}" if place.code else ""
                facts.append(_Fact(place.start, place.end, "place", f"place: {place.get_kind_display().lower()}{code}"))
    return sorted(facts, key=lambda f: (f.start, -f.end, f.kind))


def _marked_text(body: str, start: int, end: int, facts: list[_Fact]) -> str:
    """body[start:end] escaped, with the facts lying wholly inside it marked (overlapping ones skipped).

    A fact is told apart by its outline style and weight, not by colour only, and carries its kind in words:
    as a tooltip and as visually hidden text that screen readers read after it.
    """
    out: list[str] = []
    cursor = start
    for fact in facts:
        if fact.start < cursor or fact.start < start or fact.end > end or fact.end <= fact.start:
            continue
        out.append(escape(bidi_visible(body[cursor : fact.start])))
        out.append(
            format_html(
                '<mark class="fact fact-{}" data-fact="{}" title="{}">{}<span class="visually-hidden"> ({})</span></mark>',
                fact.kind,
                fact.kind,
                bidi_visible(fact.label),
                bidi_visible(body[fact.start : fact.end]),
                bidi_visible(fact.label),
            )
        )
        cursor = fact.end
    out.append(escape(bidi_visible(body[cursor:end])))
    return "".join(out)


def highlight_article(body: str, claims: Iterable[Claim]) -> Highlighted:
    """The article body as HTML, each claim's span wrapped in a link to the claim, coloured by verdict, and
    the speakers, dates and places of the claims marked inside them.

    Claims whose offsets do not fit the body (or overlap an earlier claim) are reported, not drawn;
    claims with no offsets (no longer in the article) are listed apart. Pass claims from
    claims.selectors.article_claims_marked (speakers, their aliases, dates and places prefetched).
    """
    out: list[str] = []
    cursor = 0
    placed = 0
    not_placed: list[Claim] = []
    detached: list[Claim] = []
    anchored: list[tuple[int, int, Claim]] = []  # (start, end, claim)
    claims = list(claims)
    for claim in claims:
        if claim.start is not None and claim.end is not None:
            anchored.append((claim.start, claim.end, claim))
        else:
            detached.append(claim)
    facts = _facts(body, [c for _, _, c in anchored])
    for start, end, claim in sorted(anchored, key=lambda a: (a[0], a[1], a[2].pk)):
        if start < cursor or end > len(body) or end <= start:
            not_placed.append(claim)
            continue
        out.append(_marked_text(body, cursor, start, facts))
        tip = f"Claim {claim.position + 1} · {claim.get_verdict_display()}"
        if claim.speaker is not None:  # no query when the claim has no speaker
            tip += f" · {bidi_visible(claim.speaker.name)}"
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
                mark_safe(_marked_text(body, start, end, facts)),  # noqa: S308 - escaped piece by piece
            )
        )
        cursor = end
        placed += 1
    out.append(_marked_text(body, cursor, len(body), facts))
    detached.sort(key=lambda c: (c.position, c.pk))
    return Highlighted(mark_safe("".join(out)), placed, not_placed, detached)  # noqa: S308 - every piece escaped above


NOT_IN_ARTICLE = "No longer in the article"


def paragraph_context(body: str, start: int | None, end: int | None, *, limit: int = 1200) -> SafeString:
    """The paragraph around [start, end) with that span marked; long paragraphs are cut around it.

    A claim with no offsets (its sentence was removed from the article) says so instead.
    """
    if start is None or end is None:
        return format_html(
            '<span class="claim-detached"><strong>{}</strong>: the article was changed and this sentence is '
            "not in its text any more. The claim is kept with its verdict and history.</span>",
            NOT_IN_ARTICLE,
        )
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
        bidi_visible(prefix.lstrip("\n")),
        bidi_visible(body[start:end]),
        bidi_visible(suffix.rstrip("\n")),
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
    for review in selectors.claim_history(claim.pk):
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
    found: list[_Removal] = []
    urls: list[str] = []
    for item in vanished:
        source_id = int(item.posted_id) if item.posted_id.isdigit() and len(item.posted_id) < 19 else None
        removal = removals.get(source_id) if source_id is not None else None
        url = str((item.seen or {}).get("url") or "") or (removal.url if removal else "") or f"#{item.posted_id}"
        url = review_services.shorten(url)
        urls.append(url)
        if removal is not None:
            found.append(removal)
            when = timezone.localtime(removal.review.created_at).strftime("%Y-%m-%d %H:%M")
            who = review_services.person_name(removal.review.reviewer)
            lines.append(f"source {url} was removed by {who} at {when}")
        else:
            lines.append(f"source {url} is no longer on this claim")
    latest = max(found, key=lambda r: r.review.created_at) if found else None
    return Conflict(
        "Somebody else changed this claim's sources while you were working on it: "
        + "; ".join(lines)
        + ". Nothing was saved: reload the claim, check the change, then apply yours again.",
        fields={"sources": lines},
        subject=("the source " if len(urls) == 1 else "the sources ") + ", ".join(urls),
        changed_by=review_services.person_name(latest.review.reviewer) if latest else "",
        changed_at=latest.review.created_at if latest else None,
    )


# --- ingest -------------------------------------------------------------------------------------------


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
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates in the article (“on Tuesday”, “last month”) are resolved against it, so a "
        "wrong date makes every one of them wrong. Required for plain text (there is no default); for HTML or a "
        "fetched page, leave it empty to use the page's own date.",
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

    def clean_published(self) -> Any:
        published = self.cleaned_data["published"]
        problem = publication_date_problem(published, today=timezone.localdate()) if published else None
        if problem:
            raise forms.ValidationError(problem, code="implausible_date")
        return published

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        fetching = bool(data.get("fetch"))
        text = data.get("text") or ""
        data["is_html"] = data.get("format") == "html" or (data.get("format") == "auto" and _looks_like_html(text))
        if fetching and not data.get("url"):
            self.add_error("url", "Give the URL to fetch.")
        if not fetching and not text.strip():
            self.add_error("text", "Paste the article's text or HTML.")
        elif not fetching and not data["is_html"] and not data.get("published") and "published" not in self.errors:
            # Plain text declares no date of its own; an HTML page or a fetched one may.
            self.add_error("published", "Give the article's publication date: there is no default.")
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
        "fetch_available": fetcher is not None,
    }
    return TemplateResponse(request, "admin/claims/article/ingest.html", context)


def _form_field(exc: ApplicationError, form: forms.Form) -> str | None:
    for name in exc.fields:
        if name in ("body", "html"):
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
    common = dict(
        title=data["title"],
        url=data["url"] or None,
        published=data["published"],
        outlet=data["outlet"],
        submitted_by=request.user,
    )
    if data["is_html"]:
        # The one way in for HTML: the page's title, date and byline fill in what the form left empty.
        # Read by the worker, as in the API: reading hostile HTML of a few megabytes takes many seconds.
        result = article_page_services.article_submit_html(html=data["text"], in_background=True, **common)
    else:
        result = article_services.article_submit(body=data["text"], **common)
    return result.article, result.created


# --- re-extract and retract ------------------------------------------------------------------------


def url_id(value: str, what: str) -> int:
    """An id taken from a URL, or 404 for anything that is not one (instead of a database error)."""
    if not value.isdigit() or int(value) >= 2**63:
        raise Http404(f"No such {what}.")
    return int(value)


def _article_id(object_id: str) -> int:
    return url_id(object_id, "article")


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


# --- "checked before" and "same as this one" -------------------------------------------------------------


@dataclass(frozen=True)
class MatchRow:
    """One likely earlier check as the claim page shows it."""

    matched_id: int
    matched: Claim
    score: float
    why: dict[str, Any]
    verdict_label: str
    reviewer_name: str
    follow_url: str
    is_followed: bool


@dataclass(frozen=True)
class FamilyRow:
    """Another article's claim with the same sentence, and its own verdict."""

    pk: int
    article: Article
    verdict_label: str


def checked_before(claim: Claim, user: Any) -> dict[str, Any]:
    """The claim page's "Checked before" section: likely earlier checks, and the claim's family."""
    matches = [
        MatchRow(
            matched_id=match.matched_id,
            matched=match.matched,
            score=match.score,
            why=match.why,
            verdict_label=review_services.verdict_label(match.matched.verdict),
            reviewer_name=(
                review_services.person_name(match.matched.reviewed_by) if match.matched.reviewed_by_id else ""
            ),
            follow_url=reverse("admin:claims_claim_same_as", args=[claim.pk, match.matched_id]),
            is_followed=claim.same_as_id == match.matched_id,
        )
        for match in selectors.claim_matches(claim.pk)
    ]
    family = [
        FamilyRow(pk=member.pk, article=member.article, verdict_label=review_services.verdict_label(member.verdict))
        for member in selectors.claim_family(claim)
    ]
    return {
        "checked_before": matches,
        "family": family,
        "can_follow": permissions.is_reviewer(user),
    }


class SameAsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    note = forms.CharField(
        required=False,
        max_length=review_services.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        label="Your note (optional)",
        help_text="Added to the note, after the citation of the earlier claim and before its note.",
    )


def _claim_id(value: str) -> int:
    return url_id(value, "claim")


def same_as_view(model_admin: Any, request: HttpRequest, object_id: str, earlier_id: str) -> HttpResponse:
    """Confirm, then apply, "same as this one": the claim takes an earlier claim's verdict and sources.

    GET shows what would be copied; only a POST (with the claim version the page showed) applies it,
    through claims.services.review.claim_same_as. Reviewers and editors only.
    """
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    user = request.user
    if not permissions.is_reviewer(user):
        raise DjangoPermissionDenied
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=_claim_id(object_id))
    earlier = get_object_or_404(selectors.claims_with_details(), pk=_claim_id(earlier_id))
    form = SameAsForm(request.POST if request.method == "POST" else None, initial={"version": claim.version})
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            review_services.claim_same_as(
                claim_id=claim.pk,
                earlier_id=earlier.pk,
                user=user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as exc:
            error = exc.message
        else:
            done = f"Marked {review_services.verdict_label(earlier.verdict).lower()}, the same as claim {earlier.pk}"
            model_admin.log_change(request, claim, done)
            messages.success(request, done + ".")
            return HttpResponseRedirect(claim_admin_url(claim.pk))
    have = set(claim.sources.values_list("url", flat=True))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Same as an earlier claim?",
        "claim": claim,
        "earlier": earlier,
        "earlier_verdict": review_services.verdict_label(earlier.verdict),
        "earlier_reviewer": review_services.person_name(earlier.reviewed_by) if earlier.reviewed_by_id else "",
        "new_sources": [s for s in earlier.sources.all() if s.url not in have],
        "kept_sources": [s for s in earlier.sources.all() if s.url in have],
        "form": form,
        "error": error,
        "refusal": review_services.verdict_change_refusal(claim=claim, user=user, verdict=earlier.verdict),
        "claim_url": claim_admin_url(claim.pk),
        "earlier_url": claim_admin_url(earlier.pk),
    }
    return TemplateResponse(request, "admin/claims/claim/same_as.html", context)


# --- speakers -----------------------------------------------------------------------------------------


def _merge_ids(raw: str) -> list[int]:
    ids = []
    for part in raw.split(","):
        part = part.strip()
        if not part.isdigit() or len(part) > 18:
            return []
        ids.append(int(part))
    return ids if len(ids) == 2 and ids[0] != ids[1] else []


def speaker_merge_view(model_admin: Any, request: HttpRequest) -> HttpResponse:
    """Editors merge two speakers: a confirm page (GET ?ids=a,b) choosing which one is kept, then POST."""
    if not permissions.is_editor(request.user):
        raise DjangoPermissionDenied
    changelist = reverse("admin:claims_speaker_changelist")
    if request.method == "POST":
        pair = _merge_ids(request.POST.get("keep", "") + "," + request.POST.get("other", ""))
        if not pair:
            messages.error(request, "Choose which of the two speakers is kept.")
            return HttpResponseRedirect(changelist)
        keep, other = pair
        try:
            merge = speaker_services.speaker_merge(keep_id=keep, other_id=other, user=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(reverse("admin:claims_speaker_merge") + f"?ids={keep},{other}")
        messages.success(
            request,
            f"“{merge.from_name}” merged into this speaker: {merge.claims_moved} claim"
            f"{'' if merge.claims_moved == 1 else 's'} moved, the name kept as an alias.",
        )
        return HttpResponseRedirect(reverse("admin:claims_speaker_change", args=[keep]))
    ids = _merge_ids(request.GET.get("ids", ""))
    speakers = selectors.speakers_for_merge(ids) if ids else []
    if len(speakers) != 2:
        messages.error(request, "Select exactly two existing speakers to merge.")
        return HttpResponseRedirect(changelist)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": "Merge two speakers",
        "speakers": speakers,
    }
    return TemplateResponse(request, "admin/claims/speaker/merge.html", context)


# --- source links: "check this link now" and the archived copy ------------------------------------------

# Hosts whose pages are archived copies already: no archive link of an archive.
ARCHIVE_HOSTS = frozenset({"web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is"})


def archive_url(source: SourceLink) -> str | None:
    """The Wayback Machine's copy of the link nearest to when it was added (no network call: the archive
    redirects to its closest capture, or says it has none); None for a link that is an archive already."""
    parts = urlsplit(source.url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or host in ARCHIVE_HOSTS:
        return None
    stamp = source.added_at.astimezone(UTC) if source.added_at else timezone.now().astimezone(UTC)
    # Non-ASCII characters percent-encoded: no bidi control reaches the page, even in an attribute.
    return f"https://web.archive.org/web/{stamp:%Y%m%d%H%M%S}/{iri_to_uri(source.url)}"


def source_check_url(source: SourceLink) -> str:
    return reverse("admin:claims_claim_source_check", args=[source.claim_id, source.pk])


def source_health_html(source: SourceLink, *, check_button: bool, form: str = "") -> SafeString:
    """A source's link health, when it was checked, the archived copy and (for reviewers) the check button.

    `form`: the id of the form the button submits (the claim page places small forms after its main form).
    """
    checked = f", checked {source.last_checked_at:%Y-%m-%d %H:%M}" if source.last_checked_at else ", not checked yet"
    status = f" (HTTP {source.last_status})" if source.last_status else ""
    archived = archive_url(source)
    return format_html(
        '<span class="link-state link-{}">{}</span>{}{}{}{}',
        source.state,
        source.get_state_display(),
        status,
        checked,
        format_html(
            ' · <a href="{}" rel="noopener noreferrer nofollow" target="_blank" class="archive-link">archived copy</a>',
            archived,
        )
        if archived
        else "",
        format_html(
            ' <button type="submit" form="{}" class="button check-link" data-source="{}">Check this link now</button>',
            form or f"check-source-{source.pk}",
            source.pk,
        )
        if check_button
        else "",
    )


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return fallback


def source_check_view(model_admin: Any, request: HttpRequest, object_id: str, source_id: str) -> HttpResponse:
    """POST: check one source link now (claims.services.recheck.source_check_now), then back to the page.

    The check runs when the request's transaction commits: inline in the embedded mode (the page then
    shows the result), else on a worker (the page says it is queued).
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.is_reviewer(request.user):
        raise DjangoPermissionDenied
    claim_id = url_id(object_id, "claim")
    source = get_object_or_404(SourceLink, pk=url_id(source_id, "source link"), claim_id=claim_id)
    before = source.last_checked_at
    try:
        recheck_services.source_check_now(source_id=source.pk, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        source.refresh_from_db()
        if source.last_checked_at != before and source.last_checked_at is not None:
            status = f", HTTP {source.last_status}" if source.last_status else ""
            messages.success(request, f"Link checked: {source.get_state_display()}{status} — {source.url}")
        else:
            messages.info(request, f"Link check queued: the result shows under its health in a minute — {source.url}")
    return HttpResponseRedirect(_safe_next(request, reverse("admin:claims_claim_change", args=[claim_id])))
