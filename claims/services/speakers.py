"""The speaker registry: creating speakers for extracted names, their aliases, and merging two speakers."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from claims import permissions, selectors, speaker_names
from claims.errors import ApplicationError, PermissionDenied
from claims.extraction import lexicon as lx
from claims.models import Change, Claim, Speaker, SpeakerAlias, SpeakerMerge, Tombstone
from claims.services.changes import changes_record

MAX_NAME = 300


def looks_like_person(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not ({w.lower() for w in words} & lx.SPEAKER_ORG_WORDS)
    )


def speaker_get_or_create(*, name: str) -> Speaker | None:
    """The speaker an extracted name stands for: an existing one found through its names, or a new one."""
    name = " ".join(name.split())[:MAX_NAME]
    key = speaker_names.exact_key(name)
    if not key:
        return None
    found = selectors.speaker_resolve(name)
    if found is not None:
        return found
    kind = Speaker.Kind.PERSON if looks_like_person(name) else Speaker.Kind.UNKNOWN
    try:
        with transaction.atomic():
            speaker, _ = Speaker.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})
    except IntegrityError:  # created meanwhile by a concurrent extraction
        speaker = Speaker.objects.get(key=key)
    return speaker


def _require_editor(user: Any, what: str) -> None:
    if not permissions.is_editor(user):
        raise PermissionDenied(f"Only editors may {what}.")


def speaker_set_aliases(*, speaker: Speaker, names: list[str], user: Any) -> list[SpeakerAlias]:
    """Replace the speaker's aliases with `names` (blank lines and the canonical name itself are skipped).

    Refused, with the clashing names, when a name already belongs to another speaker (as its name or an
    alias): the editor merges the two speakers instead.
    """
    _require_editor(user, "change a speaker's names")
    wanted: dict[str, str] = {}
    for raw in names:
        name = " ".join(str(raw).split())[:MAX_NAME]
        key = speaker_names.exact_key(name)
        if key and key != speaker.key:
            wanted.setdefault(key, name)
    clashes = selectors.speaker_name_clashes(list(wanted.values()), speaker_id=speaker.pk)
    if clashes:
        raise ApplicationError(
            "These names belong to another speaker (merge the two speakers instead): " + ", ".join(clashes),
            fields={"aliases": clashes},
            code="alias_taken",
        )
    with transaction.atomic():
        speaker.aliases.exclude(key__in=wanted).delete()
        have = set(speaker.aliases.values_list("key", flat=True))
        for key, name in wanted.items():
            if key not in have:
                SpeakerAlias.objects.create(speaker=speaker, name=name)
        changes_record(Change.Kind.SPEAKER, [speaker.pk])  # the API shows the aliases: the speakers feed
    return list(speaker.aliases.all())


def speaker_merge(*, keep_id: int, other_id: int, user: Any) -> SpeakerMerge:
    """Merge speaker `other_id` into speaker `keep_id` (editors only).

    The other speaker's claims move to the kept one (their history, the reviews, moves with them), its
    name and aliases become the kept speaker's aliases, its Wikidata id and description fill the kept
    speaker's when that has none. The other speaker is then removed: a SpeakerMerge row records the merge
    (the API answers its old id with a redirect) and a tombstone tells API mirrors to drop their copy.
    """
    _require_editor(user, "merge speakers")
    if keep_id == other_id:
        raise ApplicationError("A speaker cannot be merged into itself.", code="same_speaker")
    with transaction.atomic():
        # Both rows locked in id order, so two merges of the same pair cannot deadlock.
        locked = {
            s.pk: s for s in Speaker.objects.select_for_update().filter(pk__in=[keep_id, other_id]).order_by("pk")
        }
        missing = [pk for pk in (keep_id, other_id) if pk not in locked]
        if missing:
            raise ApplicationError(f"No speaker with id {missing[0]} (merged or removed meanwhile?).", code="not_found")
        keep, other = locked[keep_id], locked[other_id]
        if keep.wikidata_id and other.wikidata_id and keep.wikidata_id != other.wikidata_id:
            raise ApplicationError(
                f"{keep.name} is {keep.wikidata_id} and {other.name} is {other.wikidata_id} on Wikidata: "
                "two different people are not merged (correct the wrong Wikidata id first).",
                code="wikidata_conflict",
            )
        now = timezone.now()
        moving = list(Claim.objects.filter(speaker_id=other.pk).values_list("pk", flat=True))
        moved = Claim.objects.filter(pk__in=moving).update(speaker_id=keep.pk, updated_at=now, version=F("version") + 1)
        # The claims feed delivers the moved claims with their new speaker, the speakers feed the kept
        # speaker with its new counts and aliases (the tombstone, saved below, is logged as it is saved).
        changes_record(Change.Kind.CLAIM, moving)
        changes_record(Change.Kind.SPEAKER, [keep.pk])
        other_name = other.name
        SpeakerAlias.objects.filter(speaker_id=other.pk).exclude(key=keep.key).update(speaker_id=keep.pk)
        SpeakerAlias.objects.filter(speaker_id=other.pk).delete()  # the one equal to the kept name, if any
        update: list[str] = []
        if not keep.wikidata_id and other.wikidata_id:
            keep.wikidata_id, update = other.wikidata_id, [*update, "wikidata_id"]
        if not keep.description and other.description:
            keep.description, update = other.description, [*update, "description"]
        if keep.kind == Speaker.Kind.UNKNOWN and other.kind != Speaker.Kind.UNKNOWN:
            keep.kind, update = other.kind, [*update, "kind"]
        if update:
            keep.save(update_fields=update)
        merge = SpeakerMerge.objects.create(
            from_id=other.pk, from_name=other_name, into_id=keep.pk, merged_by=user, claims_moved=moved
        )
        Tombstone.objects.create(
            kind=Tombstone.Kind.SPEAKER, object_id=other.pk, reason=f"merged into speaker {keep.pk}"
        )
        other.delete()
        # After the delete: the other speaker's name is free to become an alias of the kept one.
        name_key = speaker_names.exact_key(other_name)
        if name_key and name_key != keep.key and not SpeakerAlias.objects.filter(key=name_key).exists():
            SpeakerAlias.objects.create(speaker=keep, name=other_name)
    return merge
