"""The review workflow: verdicts, their evidence, sign-off, assignment and re-check requests.

Every interface (admin, API, commands, tasks) writes through these functions, so the rules below hold
everywhere:

- Who may: reviewers and editors (see claims.permissions). Reviewers set verdicts on unreviewed claims and
  on claims they reviewed themselves; reopening, overriding somebody else's verdict and anything on a
  signed-off claim's verdict or evidence needs an editor.
- Verdict rules: verified and disputed need at least one source link; disputed also needs a source with
  stance "refutes" or a written rationale; unverifiable needs a note. A refusal names everything missing.
  Source edits and removals that would break the current verdict's rules are refused too.
- History: every change to a verdict or its evidence appends an immutable Review with the sources as they
  were at that moment.
- Optimistic locking: callers pass the version they read (`expected_version`); if the row changed since,
  Conflict is raised describing what changed and nothing is written. The claim's version covers its
  review state (verdict, note, sign-off, re-check flag); each source link has its own version, so two
  reviewers adding different sources to one claim do not collide. Assignment is workflow metadata and
  does not bump the version.

`user=None` means an automated process (a task or command acting on its own); interfaces always pass the
requesting user, whose role is checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import ngettext

from claims import permissions, selectors
from claims.append_only import link_check_delete_allowed
from claims.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from claims.models import Change, Claim, Review, SourceLink, Verdict
from claims.services.changes import changes_record

Stance = SourceLink.Stance

# Review.action values written here (the model's field is free text so other workflows can add theirs).
ACTION_VERDICT = "verdict"
ACTION_REOPEN = "reopen"
ACTION_SIGN_OFF = "sign_off"
ACTION_SOURCE_ADDED = "source_added"
ACTION_SOURCE_CHANGED = "source_changed"
ACTION_SOURCE_REMOVED = "source_removed"
ACTION_RECHECK_REQUESTED = "recheck_requested"
ACTION_RECHECK_CLEARED = "recheck_cleared"
ACTION_SAME_AS = "same_as"

_SOURCE_FIELDS = ("url", "title", "publisher", "stance", "excerpt")
# The longest note (verdict rationale, sign-off or re-check note, re-check reason) a person may write. A
# rationale is a paragraph or two; the limit keeps a pasted page out of the claim page and the public page.
NOTE_MAX_LENGTH = 10_000  # the API's verdict input allows the same
_MAX_LENGTHS = {"url": 2000, "title": 500, "publisher": 300}
_url_validator = URLValidator(schemes=["http", "https"])


# --- reading helpers shared with the interfaces ---------------------------------------------------------


def verdict_label(verdict: str) -> str:
    try:
        return str(Verdict(verdict).label)
    except ValueError:
        return verdict


def source_snapshot(source: SourceLink) -> dict[str, Any]:
    return {
        "id": source.pk,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "stance": source.stance,
        "excerpt": source.excerpt,
        "version": source.version,
    }


def claim_state(claim: Claim) -> dict[str, Any]:
    """The review state a person sees and the claim's version guards, as plain values.

    Interfaces keep it with the page (e.g. hidden fields) and pass it back as `seen`, so a conflict can say
    exactly what changed.
    """
    return {
        "verdict": claim.verdict,
        "verdict_note": claim.verdict_note,
        "signed_off": bool(claim.signed_off_at),
        "needs_recheck": claim.needs_recheck,
        "recheck_reason": claim.recheck_reason,
    }


def source_state(source: SourceLink) -> dict[str, Any]:
    return {name: getattr(source, name) for name in _SOURCE_FIELDS}


def verdict_missing(
    *, verdict: str, sources: Iterable[Mapping[str, Any] | SourceLink], note: str
) -> dict[str, list[str]]:
    """What the verdict's rules still need, by field ("sources", "note"); empty when it may be given."""
    stances = [s.stance if isinstance(s, SourceLink) else s.get("stance") for s in sources]
    has_note = bool(note.strip())
    missing: dict[str, list[str]] = {}
    label = verdict_label(verdict).lower()
    if verdict in (Verdict.VERIFIED, Verdict.DISPUTED) and not stances:
        missing.setdefault("sources", []).append(f"A claim marked {label} needs at least one source link.")
    if verdict == Verdict.DISPUTED and Stance.REFUTES not in stances and not has_note:
        missing.setdefault("note", []).append(
            "A disputed claim needs a source with stance “refutes” or a written rationale in the note."
        )
    if verdict == Verdict.UNVERIFIABLE and not has_note:
        missing.setdefault("note", []).append("Explain in the note why this claim cannot be verified.")
    return missing


# --- verdicts -----------------------------------------------------------------------------------------


def claim_review(
    *,
    claim_id: int,
    user: Any,
    verdict: str,
    note: str = "",
    expected_version: int | None = None,
    sources: Iterable[Mapping[str, Any]] | None = None,
    seen: Mapping[str, Any] | None = None,
) -> Claim:
    """Set a claim's verdict (and note), optionally attaching new sources in the same transaction.

    `sources` are mappings with url, stance and optionally title, publisher, excerpt; they are added first,
    so "attach this source and mark verified" is one atomic step. Setting "unreviewed" reopens the claim
    (editors only) and needs a reason in `note`, recorded in the history. An editor changing a signed-off
    verdict clears the sign-off: it must be given again.
    Raises PermissionDenied, Conflict (stale `expected_version`), NotFound or ApplicationError (rules).
    """
    _require_reviewer(user, "review claims")
    if verdict not in Verdict.values:
        choices = ", ".join(Verdict.values)
        raise ApplicationError(f"Unknown verdict “{verdict}”: use one of {choices}.", fields={"verdict": ["Unknown."]})
    note = _clean_note(note)
    with transaction.atomic():
        claim = _lock_claim(claim_id)
        _check_claim_version(claim, expected_version, seen)
        _check_may_change_verdict(claim, user, verdict)
        if verdict == Verdict.UNREVIEWED and claim.verdict != Verdict.UNREVIEWED and not note:
            # Reopening undoes somebody's work: the history must say why (the note is the reason).
            raise ApplicationError(
                f"Say why you reopen this claim: it is marked {verdict_label(claim.verdict).lower()}, and the reason "
                "is kept in its history. Write it in the note, then reopen.",
                fields={"note": ["A reason is required to reopen a verdict."]},
                code="reason_required",
            )
        for item in sources or ():
            _source_create(claim, user, **_source_kwargs(item))
        current = list(claim.sources.all())
        missing = verdict_missing(verdict=verdict, sources=current, note=note)
        if missing:
            lines = [line for field_lines in missing.values() for line in field_lines]
            raise ApplicationError(
                f"Cannot mark this claim {verdict_label(verdict).lower()}: " + " ".join(lines),
                fields=missing,
                code="verdict_rules",
            )
        from_verdict = claim.verdict
        reopen = verdict == Verdict.UNREVIEWED
        now = timezone.now()
        changes: dict[str, Any] = {
            "verdict": verdict,
            "verdict_note": note,
            "reviewed_by": None if reopen else _user_or_none(user),
            "reviewed_at": None if reopen else now,
            "signed_off_by": None,
            "signed_off_at": None,
        }
        _write_claim(claim, changes)
        _record(
            claim,
            user,
            action=ACTION_REOPEN if reopen else ACTION_VERDICT,
            from_verdict=from_verdict,
            to_verdict=verdict,
            note=note,
            sources=current,
        )
    claim.refresh_from_db()
    return claim


def claim_sign_off(*, claim_id: int, user: Any, note: str = "", expected_version: int | None = None) -> Claim:
    """An editor confirms the current verdict; from then on only editors may change it or its evidence."""
    _require_editor(user, "sign verdicts off")
    note = _clean_note(note)
    with transaction.atomic():
        claim = _lock_claim(claim_id)
        _check_claim_version(claim, expected_version, None)
        if claim.verdict == Verdict.UNREVIEWED:
            raise ApplicationError("An unreviewed claim cannot be signed off: it needs a verdict first.")
        if claim.signed_off_at:
            who = person_name(claim.signed_off_by)
            raise ApplicationError(f"This verdict was already signed off by {who}.", code="already_signed_off")
        _write_claim(claim, {"signed_off_by": _user_or_none(user), "signed_off_at": timezone.now()})
        _record(claim, user, action=ACTION_SIGN_OFF, note=note)
    claim.refresh_from_db()
    return claim


# --- sources ------------------------------------------------------------------------------------------


def source_add(
    *,
    claim_id: int,
    user: Any,
    url: str,
    title: str = "",
    publisher: str = "",
    stance: str,
    excerpt: str = "",
) -> SourceLink:
    """Attach a source link to a claim. Any reviewer may add evidence, also to a signed-off claim."""
    _require_reviewer(user, "add sources")
    with transaction.atomic():
        claim = _lock_claim(claim_id)
        source = _source_create(claim, user, url=url, title=title, publisher=publisher, stance=stance, excerpt=excerpt)
        _touch(claim)
        _record(
            claim,
            user,
            action=ACTION_SOURCE_ADDED,
            note=f"Added {_describe_source(source)}",
            sources=claim.sources.all(),
        )
    return source


def source_update(
    *,
    source_id: int,
    user: Any,
    expected_version: int | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    stance: str | None = None,
    excerpt: str | None = None,
    seen: Mapping[str, Any] | None = None,
) -> SourceLink:
    """Change a source link's fields (None = leave as is). A new URL resets the link's health record."""
    _require_reviewer(user, "edit sources")
    with transaction.atomic():
        source = _lock_source(source_id)
        _check_source_version(source, expected_version, seen)
        claim = _lock_claim(source.claim_id)
        _check_may_change_evidence(claim, user, "edit the sources of")
        wanted = _clean_source_fields(
            url=source.url if url is None else url,
            title=source.title if title is None else title,
            publisher=source.publisher if publisher is None else publisher,
            stance=source.stance if stance is None else stance,
            excerpt=source.excerpt if excerpt is None else excerpt,
        )
        changed: dict[str, Any] = {name: value for name, value in wanted.items() if getattr(source, name) != value}
        if not changed:
            return source
        if "url" in changed:
            _check_source_address(changed["url"])
        if "url" in changed and claim.sources.exclude(pk=source.pk).filter(url=changed["url"]).exists():
            raise ApplicationError("This claim already has a source with that URL.", fields={"url": ["Duplicate."]})
        after = [{**source_snapshot(s), **(changed if s.pk == source.pk else {})} for s in claim.sources.all()]
        _check_evidence_still_holds(claim, after, "this change")
        if "url" in changed:
            # A different page: what the link checker learnt about the old one no longer applies.
            changed.update(
                state=SourceLink.State.UNCHECKED,
                last_checked_at=None,
                next_check_at=None,
                last_status=None,
                final_url="",
                consecutive_failures=0,
                content_hash="",
                excerpt_present=None,
            )
        describe = ", ".join(
            f"{name} “{shorten(getattr(source, name))}” → “{shorten(changed[name])}”"
            for name in _SOURCE_FIELDS
            if name in changed
        )
        updated = SourceLink.objects.filter(pk=source.pk, version=source.version).update(
            **changed, version=F("version") + 1, updated_at=timezone.now()
        )
        if not updated:  # changed between our read and write (no row locks on SQLite)
            source_now = SourceLink.objects.get(pk=source.pk)
            raise _source_conflict(source_now, expected_version or source.version, seen)
        _touch(claim)
        source.refresh_from_db()
        _record(
            claim,
            user,
            action=ACTION_SOURCE_CHANGED,
            note=f"Changed {source.url}: {describe}",
            sources=claim.sources.all(),
        )
    return source


def source_remove(
    *, source_id: int, user: Any, expected_version: int | None = None, seen: Mapping[str, Any] | None = None
) -> None:
    """Detach a source link. Reviewers may remove the sources they added; editors any. The history keeps it."""
    _require_reviewer(user, "remove sources")
    with transaction.atomic():
        source = _lock_source(source_id)
        _check_source_version(source, expected_version, seen)
        claim = _lock_claim(source.claim_id)
        refusal = source_remove_refusal(source=source, claim=claim, user=user)
        if refusal:
            raise PermissionDenied(refusal)
        after = [source_snapshot(s) for s in claim.sources.exclude(pk=source.pk)]
        _check_evidence_still_holds(claim, after, "removing this source")
        description = _describe_source(source)
        # The source's check log goes with it (the database refuses any other delete of link checks).
        with link_check_delete_allowed():
            source.delete()
        _touch(claim)
        _record(claim, user, action=ACTION_SOURCE_REMOVED, note=f"Removed {description}", sources=claim.sources.all())


# --- assignment and re-checks -------------------------------------------------------------------------


def claims_assign(*, claim_ids: Iterable[int], user: Any, assignee: Any | None) -> int:
    """Assign claims to `assignee` (None = unassign); returns how many changed. All or nothing.

    Reviewers may take unassigned claims and drop their own; editors may assign anybody's work to anybody
    who reviews. The assignee must be an active reviewer or editor.
    """
    _require_reviewer(user, "take assignments")
    ids = sorted({int(pk) for pk in claim_ids})
    if assignee is not None and not permissions.is_reviewer(assignee):
        raise ApplicationError(
            f"{person_name(assignee)} is not a reviewer or editor, so claims cannot be assigned to them.",
            fields={"assignee": ["Not a reviewer."]},
        )
    editor = permissions.is_editor(user)
    if not editor and assignee is not None and (user is None or assignee.pk != user.pk):
        raise PermissionDenied("Only editors may assign claims to somebody else.")
    with transaction.atomic():
        claims = list(Claim.objects.select_for_update(of=("self",)).filter(pk__in=ids).select_related("assigned_to"))
        found = {c.pk for c in claims}
        if len(found) != len(ids):
            absent = ", ".join(str(pk) for pk in ids if pk not in found)
            raise NotFound(f"No claim with id {absent}.")
        if not editor:
            others = [c for c in claims if c.assigned_to_id not in (None, getattr(user, "pk", None))]
            if others:
                names = sorted({person_name(c.assigned_to) for c in others})
                message = ngettext(
                    "%(n)d of these claims is assigned to somebody else (%(names)s); "
                    "only editors may reassign it. Nothing was changed.",
                    "%(n)d of these claims are assigned to somebody else (%(names)s); "
                    "only editors may reassign them. Nothing was changed.",
                    len(others),
                ) % {"n": len(others), "names": ", ".join(names)}
                raise PermissionDenied(message)
        target = getattr(assignee, "pk", None)
        to_change = [c.pk for c in claims if c.assigned_to_id != target]
        changes_record(Change.Kind.CLAIM, to_change)  # (updated_at, which the API shows, moves)
        return Claim.objects.filter(pk__in=to_change).update(assigned_to=assignee, updated_at=timezone.now())


def claims_request_recheck(*, claim_ids: Iterable[int], user: Any, reason: str) -> int:
    """Flag claims for another look, saying why; returns how many were flagged. Any reviewer may ask."""
    _require_reviewer(user, "request re-checks")
    reason = _clean_note(reason, field="reason")
    if not reason:
        raise ApplicationError("Say what should be re-checked.", fields={"reason": ["This field may not be blank."]})
    ids = sorted({int(pk) for pk in claim_ids})
    with transaction.atomic():
        claims = list(Claim.objects.select_for_update().filter(pk__in=ids))
        if len(claims) != len(ids):
            absent = ", ".join(str(pk) for pk in sorted(set(ids) - {c.pk for c in claims}))
            raise NotFound(f"No claim with id {absent}.")
        for claim in claims:
            _write_claim(claim, {"needs_recheck": True, "recheck_reason": reason})
            _record(claim, user, action=ACTION_RECHECK_REQUESTED, note=reason)
    return len(claims)


def claim_request_recheck(*, claim_id: int, user: Any, reason: str) -> Claim:
    claims_request_recheck(claim_ids=[claim_id], user=user, reason=reason)
    return Claim.objects.get(pk=claim_id)


def claim_clear_recheck(*, claim_id: int, user: Any, note: str = "", expected_version: int | None = None) -> Claim:
    """Clear the re-check flag (after a person looked again, or a background check found nothing wrong)."""
    if user is not None:
        _require_reviewer(user, "clear re-check requests")
    note = _clean_note(note)
    with transaction.atomic():
        claim = _lock_claim(claim_id)
        _check_claim_version(claim, expected_version, None)
        if not claim.needs_recheck:
            return claim
        _write_claim(claim, {"needs_recheck": False, "recheck_reason": ""})
        _record(claim, user, action=ACTION_RECHECK_CLEARED, note=note)
    claim.refresh_from_db()
    return claim


# --- "same as this one" ------------------------------------------------------------------------------


def claim_same_as(
    *,
    claim_id: int,
    earlier_id: int,
    user: Any,
    note: str = "",
    expected_version: int | None = None,
    seen: Mapping[str, Any] | None = None,
) -> Claim:
    """Link a claim to an earlier reviewed claim stating the same fact, taking its verdict and sources.

    The earlier claim's sources are copied (those the claim does not have already, by URL) and its verdict
    is given with a note citing it; the review recorded cites the earlier claim (Review.cites_claim_id).
    The same rules as any verdict: who may (claim_review), the verdict's evidence rules, optimistic locking.
    Interfaces call it only after the reviewer confirmed what will be copied.
    """
    _require_reviewer(user, "review claims")
    note = _clean_note(note)
    if int(earlier_id) == int(claim_id):
        raise ApplicationError("A claim cannot be the same as itself.", fields={"earlier": ["Choose another claim."]})
    with transaction.atomic():
        claim = _lock_claim(claim_id)
        _check_claim_version(claim, expected_version, seen)
        earlier = (
            Claim.objects.select_related("article", "reviewed_by")
            .prefetch_related("sources")
            .filter(pk=earlier_id)
            .first()
        )
        if earlier is None:
            raise NotFound(f"No claim with id {earlier_id}.")
        if earlier.verdict == Verdict.UNREVIEWED or earlier.article.retracted_at is not None:
            why = "has no verdict" if earlier.verdict == Verdict.UNREVIEWED else "is in a retracted article"
            raise ApplicationError(
                f"Claim {earlier.pk} {why}: only a reviewed claim can be followed.",
                fields={"earlier": [f"Claim {earlier.pk} {why}."]},
                code="not_reviewed",
            )
        verdict = earlier.verdict
        _check_may_change_verdict(claim, user, verdict)
        have = set(claim.sources.values_list("url", flat=True))
        copied = 0
        for source in earlier.sources.all():
            if source.url in have:
                continue
            fields = {name: getattr(source, name) for name in _SOURCE_FIELDS}
            _source_create(claim, user, **fields)
            have.add(source.url)
            copied += 1
        citation = f"Same as claim {earlier.pk} (“{shorten(earlier.text)}”), {verdict_label(verdict).lower()}"
        if earlier.reviewed_by_id:
            citation += f" by {person_name(earlier.reviewed_by)}"
        citation += "."
        # The reviewer's own words first; the earlier note (already within the limit) is cut to fit after them.
        full_note = "\n\n".join(part for part in (citation, note, earlier.verdict_note.strip()) if part)
        if len(full_note) > NOTE_MAX_LENGTH:
            full_note = full_note[: NOTE_MAX_LENGTH - 1] + "…"
        current = list(claim.sources.all())
        missing = verdict_missing(verdict=verdict, sources=current, note=full_note)
        if missing:
            lines = [line for field_lines in missing.values() for line in field_lines]
            raise ApplicationError(
                f"Cannot take the verdict of claim {earlier.pk}: " + " ".join(lines),
                fields=missing,
                code="verdict_rules",
            )
        from_verdict = claim.verdict
        now = timezone.now()
        _write_claim(
            claim,
            {
                "verdict": verdict,
                "verdict_note": full_note,
                "reviewed_by": _user_or_none(user),
                "reviewed_at": now,
                "signed_off_by": None,
                "signed_off_at": None,
                "same_as": earlier,
            },
        )
        _record(
            claim,
            user,
            action=ACTION_SAME_AS,
            from_verdict=from_verdict,
            to_verdict=verdict,
            note=full_note,
            sources=current,
            cites=earlier.pk,
        )
    claim.refresh_from_db()
    return claim


# --- internals ----------------------------------------------------------------------------------------


def _clean_note(note: Any, *, field: str = "note") -> str:
    """A person's note, stripped; refused when longer than NOTE_MAX_LENGTH characters."""
    text = str(note or "").strip()
    if len(text) > NOTE_MAX_LENGTH:
        why = f"At most {NOTE_MAX_LENGTH:,} characters ({len(text):,} given)."
        raise ApplicationError(f"The {field} is too long: {why}", fields={field: [why]}, code="too_long")
    return text


def _user_or_none(user: Any) -> Any:
    return user if user is not None and getattr(user, "pk", None) is not None else None


def person_name(user: Any) -> str:
    """How the history and messages name a person (None is a background task or command)."""
    if user is None:
        return "the system"
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()


def _require_reviewer(user: Any, what: str) -> None:
    if user is None:
        return  # automated process
    if not permissions.is_reviewer(user):
        raise PermissionDenied(f"Only members of the Reviewers or Editors group may {what}.")


def _require_editor(user: Any, what: str) -> None:
    if user is None:
        return
    if not permissions.is_editor(user):
        raise PermissionDenied(f"Only editors may {what}.")


def _lock_claim(claim_id: int) -> Claim:
    claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise NotFound(f"No claim with id {claim_id}.")
    return claim


def _lock_source(source_id: int) -> SourceLink:
    source = SourceLink.objects.select_for_update().filter(pk=source_id).first()
    if source is None:
        raise NotFound(f"No source link with id {source_id}.")
    return source


def verdict_change_refusal(*, claim: Claim, user: Any, verdict: str | None = None) -> str | None:
    """Why `user` may not set `verdict` (any verdict when None) on `claim` now, or None when they may.

    Interfaces use it to grey out what the service would refuse; the service applies the same rule.
    """
    if user is not None and not permissions.is_reviewer(user):
        return "Only members of the Reviewers or Editors group may review claims."
    if user is None or permissions.is_editor(user):
        return None
    if claim.signed_off_at:
        return f"This verdict was signed off by {person_name(claim.signed_off_by)}: only editors may change it now."
    if verdict == Verdict.UNREVIEWED and claim.verdict != Verdict.UNREVIEWED:
        return "Only editors may reopen a reviewed claim."
    if claim.verdict != Verdict.UNREVIEWED and claim.reviewed_by_id not in (None, user.pk):
        return f"{person_name(claim.reviewed_by)} reviewed this claim; only editors may override another reviewer's verdict."
    return None


def source_remove_refusal(*, source: SourceLink, claim: Claim, user: Any) -> str | None:
    """Why `user` may not remove `source` from `claim` now, or None when they may.

    Interfaces use it to disable the delete box; source_remove applies the same rule.
    """
    if user is None or permissions.is_editor(user):
        return None
    if not permissions.is_reviewer(user):
        return "Only members of the Reviewers or Editors group may remove sources."
    if claim.signed_off_at:
        return (
            f"This verdict was signed off by {person_name(claim.signed_off_by)}: "
            "only editors may remove sources from it now. You can still add new sources."
        )
    if source.added_by_id != user.pk:
        return f"Only editors may remove a source somebody else added ({person_name(source.added_by)} added this one)."
    return None


def _check_may_change_verdict(claim: Claim, user: Any, verdict: str) -> None:
    refusal = verdict_change_refusal(claim=claim, user=user, verdict=verdict)
    if refusal:
        raise PermissionDenied(refusal)


def _check_may_change_evidence(claim: Claim, user: Any, what: str) -> None:
    if claim.signed_off_at and user is not None and not permissions.is_editor(user):
        raise PermissionDenied(
            f"This verdict was signed off by {person_name(claim.signed_off_by)}: only editors may {what} it now. "
            "You can still add new sources."
        )


def _check_evidence_still_holds(claim: Claim, sources_after: list[dict[str, Any]], what: str) -> None:
    missing = verdict_missing(verdict=claim.verdict, sources=sources_after, note=claim.verdict_note)
    if missing:
        lines = " ".join(line for field_lines in missing.values() for line in field_lines)
        raise ApplicationError(
            f"The claim is marked {verdict_label(claim.verdict).lower()}, and {what} would break its rules: {lines} "
            "Add other evidence first, or have an editor reopen the claim.",
            code="verdict_rules",
        )


# The actions that change a claim's version (source edits do not: sources have their own versions).
_CLAIM_VERSION_ACTIONS = (
    ACTION_VERDICT,
    ACTION_SAME_AS,
    ACTION_REOPEN,
    ACTION_SIGN_OFF,
    ACTION_RECHECK_REQUESTED,
    ACTION_RECHECK_CLEARED,
)


def _last_claim_change(claim: Claim) -> Review | None:
    """The review that made the claim's current version: who got in the way of a stale writer.

    Only version-changing actions count, so a source the refused writer added earlier in the same
    (rolled back) transaction is never named as "the other change".
    """
    return (
        selectors.claim_history(claim.pk, newest_first=True)
        .filter(action__in=_CLAIM_VERSION_ACTIONS)
        .select_related("reviewer")
        .first()
    )


def _last_source_change(source: SourceLink) -> Review | None:
    """The review whose snapshot first shows the source at its current version (its last edit)."""
    recent = (
        selectors.claim_history(source.claim_id, newest_first=True)
        .filter(action__in=(ACTION_SOURCE_ADDED, ACTION_SOURCE_CHANGED))
        .select_related("reviewer")[:200]
    )
    found = None
    for review in recent:
        if any(
            isinstance(s, dict) and s.get("id") == source.pk and s.get("version") == source.version
            for s in review.sources or []
        ):
            found = review  # keep going: the oldest review showing this version made it
        elif found is not None:
            break
    return found


def _who_when(review: Review | None) -> tuple[str, Any, str]:
    if review is None:
        return "", None, ""
    who = person_name(review.reviewer)
    when = timezone.localtime(review.created_at).strftime("%Y-%m-%d %H:%M")
    return who, review.created_at, f" Last change: {action_label(review.action)} by {who} at {when}."


ACTION_LABELS = {
    ACTION_VERDICT: "verdict",
    ACTION_REOPEN: "reopened",
    ACTION_SIGN_OFF: "signed off",
    ACTION_SOURCE_ADDED: "source added",
    ACTION_SOURCE_CHANGED: "source changed",
    ACTION_SOURCE_REMOVED: "source removed",
    ACTION_RECHECK_REQUESTED: "re-check requested",
    ACTION_RECHECK_CLEARED: "re-check cleared",
    ACTION_SAME_AS: "same as an earlier claim",
}


def action_label(action: str) -> str:
    """A history action as people read it ("re-check requested", not "recheck_requested")."""
    return ACTION_LABELS.get(action, action.replace("_", " "))


def _check_claim_version(claim: Claim, expected_version: int | None, seen: Mapping[str, Any] | None) -> None:
    if expected_version is None or int(expected_version) == claim.version:
        return
    raise _claim_conflict(claim, int(expected_version), seen)


def _claim_conflict(claim: Claim, expected_version: int, seen: Mapping[str, Any] | None) -> Conflict:
    now = claim_state(claim)
    labels = {
        "verdict": "verdict",
        "verdict_note": "note",
        "signed_off": "signed off",
        "needs_recheck": "needs re-check",
        "recheck_reason": "re-check reason",
    }
    fields: dict[str, list[str]] = {}
    if seen:
        for key, label in labels.items():
            if key in seen and _differs(seen[key], now[key]):
                fields[key] = [f"{label}: you saw “{_display(key, seen[key])}”, now “{_display(key, now[key])}”"]
    if not fields:  # the caller did not say what it saw, or only other data changed: show the state
        fields = {key: [f"{labels[key]}: now “{_display(key, now[key])}”"] for key in ("verdict", "verdict_note")}
    summary = "; ".join(line for lines in fields.values() for line in lines)
    who, when, last = _who_when(_last_claim_change(claim))
    return Conflict(
        f"{who or 'Somebody else'} changed this claim while you were working on it "
        f"(you had version {expected_version}, it is now version {claim.version}): {summary}."
        f"{last} Nothing was saved: reload the claim, check the change, then apply yours again.",
        fields=fields,
        subject="this claim",
        changed_by=who,
        changed_at=when,
    )


def _check_source_version(source: SourceLink, expected_version: int | None, seen: Mapping[str, Any] | None) -> None:
    if expected_version is None or int(expected_version) == source.version:
        return
    raise _source_conflict(source, int(expected_version), seen)


def _source_conflict(source: SourceLink, expected_version: int, seen: Mapping[str, Any] | None) -> Conflict:
    now = source_state(source)
    fields: dict[str, list[str]] = {}
    if seen:
        for key in _SOURCE_FIELDS:
            if key in seen and _differs(seen[key], now[key]):
                fields[key] = [f"{key}: you saw “{shorten(seen[key])}”, now “{shorten(now[key])}”"]
    if not fields:
        fields = {key: [f"{key}: now “{shorten(now[key])}”"] for key in ("url", "stance")}
    summary = "; ".join(line for lines in fields.values() for line in lines)
    who, when, last = _who_when(_last_source_change(source))
    subject = f"the source {shorten(source.url)}"
    return Conflict(
        f"{who or 'Somebody else'} changed {subject} while you were working on it "
        f"(you had version {expected_version}, it is now version {source.version}): {summary}.{last} "
        "Nothing was saved: reload the claim, check the change, then apply yours again.",
        fields=fields,
        subject=subject,
        changed_by=who,
        changed_at=when,
    )


def _differs(a: Any, b: Any) -> bool:
    if isinstance(b, bool):
        return _as_bool(a) != b
    return str(a if a is not None else "").strip().replace("\r\n", "\n") != str(b).strip()


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _display(key: str, value: Any) -> str:
    if key == "verdict":
        return verdict_label(str(value))
    if key in ("signed_off", "needs_recheck"):
        return "yes" if _as_bool(value) else "no"
    return shorten(value) or "(empty)"


def shorten(value: Any, limit: int = 80) -> str:
    """One line of at most `limit` characters, for messages that quote a field."""
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _write_claim(claim: Claim, changes: dict[str, Any]) -> None:
    """Compare-and-set on the version: a concurrent writer makes this fail instead of being overwritten."""
    updated = Claim.objects.filter(pk=claim.pk, version=claim.version).update(
        **changes, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        fresh = Claim.objects.get(pk=claim.pk)
        raise _claim_conflict(fresh, claim.version, claim_state(claim))
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.version += 1
    changes_record(Change.Kind.CLAIM, [claim.pk])
    if "verdict" in changes:  # the speaker's and the article's claim counts by verdict change with it
        changes_record(Change.Kind.SPEAKER, [claim.speaker_id])
        changes_record(Change.Kind.ARTICLE, [claim.article_id])


def _touch(claim: Claim) -> None:
    # Evidence changed: API mirrors syncing on updated_at must see the claim again.
    Claim.objects.filter(pk=claim.pk).update(updated_at=timezone.now())
    changes_record(Change.Kind.CLAIM, [claim.pk])


def _record(
    claim: Claim,
    user: Any,
    *,
    action: str,
    note: str = "",
    from_verdict: str | None = None,
    to_verdict: str | None = None,
    sources: Iterable[SourceLink] | None = None,
    cites: int | None = None,
) -> Review:
    current = list(claim.sources.all()) if sources is None else list(sources)
    return Review.objects.create(
        cites_claim_id=cites,
        claim=claim,
        reviewer=_user_or_none(user),
        from_verdict=from_verdict or claim.verdict,
        to_verdict=to_verdict or claim.verdict,
        note=note,
        sources=[source_snapshot(s) for s in current],
        action=action,
    )


def _source_kwargs(item: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(item) - set(_SOURCE_FIELDS)
    if unknown:
        raise ApplicationError(
            f"Unknown source fields: {', '.join(sorted(unknown))}.", fields={"sources": ["Unknown field."]}
        )
    return {name: item.get(name, "") for name in _SOURCE_FIELDS}


def _clean_source_fields(*, url: Any, title: Any, publisher: Any, stance: Any, excerpt: Any) -> dict[str, str]:
    values = {
        "url": str(url or "").strip(),
        "title": " ".join(str(title or "").split()),
        "publisher": " ".join(str(publisher or "").split()),
        "stance": str(stance or "").strip(),
        "excerpt": str(excerpt or "").strip(),
    }
    errors: dict[str, list[str]] = {}
    if not values["url"]:
        errors["url"] = ["A source needs a URL."]
    else:
        try:
            _url_validator(values["url"])
        except ValidationError:
            errors["url"] = [f"“{shorten(values['url'])}” is not a valid http(s) URL."]
    for name, limit in _MAX_LENGTHS.items():
        if len(values[name]) > limit:
            errors.setdefault(name, []).append(f"At most {limit} characters ({len(values[name])} given).")
    if values["stance"] not in Stance.values:
        errors["stance"] = [f"Stance must be one of {', '.join(Stance.values)}."]
    if errors:
        summary = " ".join(line for lines in errors.values() for line in lines)
        raise ApplicationError(f"The source link is not valid: {summary}", fields=errors)
    return values


def _check_source_address(url: str) -> None:
    """Refuse a source URL the link checker would refuse to fetch (loopback, private, credentials...).

    The same guard as article URLs on the ingest page; REGISTRY_FETCH_TEST_ALLOW_NETWORKS applies.
    """
    from claims import fetching

    why = fetching.url_refusal(url, fetching.FetchPolicy.from_settings())
    if why:
        raise ApplicationError(
            f"This source URL is not allowed: {why}.", fields={"url": [f"Not allowed: {why}."]}, code="url_refused"
        )


def _source_create(claim: Claim, user: Any, **fields: Any) -> SourceLink:
    values = _clean_source_fields(**fields)
    _check_source_address(values["url"])
    if claim.sources.filter(url=values["url"]).exists():
        raise ApplicationError("This claim already has a source with that URL.", fields={"url": ["Duplicate."]})
    return SourceLink.objects.create(claim=claim, added_by=_user_or_none(user), **values)


def _describe_source(source: SourceLink) -> str:
    parts = [source.url, f"({source.stance})"]
    if source.title:
        parts.insert(1, f"“{shorten(source.title)}”")
    if source.excerpt:
        parts.append(f": “{shorten(source.excerpt, 200)}”")
    return " ".join(parts)


def users_who_review():
    """Active users with a review role, for assignment pickers."""
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=permissions.ROLE_GROUPS))
        .distinct()
        .order_by("username")
    )
