"""Every read shared by the admin, the API, commands and pages: scoped, prefetched querysets."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from claims import speaker_names
from claims.models import (
    Article,
    Claim,
    ClaimDate,
    ClaimPlace,
    Review,
    SourceLink,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    Verdict,
)


def claims_with_details() -> QuerySet[Claim]:
    """Claims with everything a list or detail view shows, in a constant number of queries."""
    return Claim.objects.select_related("article", "article__outlet", "speaker", "reviewed_by").prefetch_related(
        Prefetch("dates", queryset=ClaimDate.objects.order_by("start")),
        Prefetch("places", queryset=ClaimPlace.objects.order_by("start")),
        Prefetch("sources", queryset=SourceLink.objects.order_by("added_at", "id")),
    )


def claim_history(claim_id: int, *, newest_first: bool = False) -> QuerySet[Review]:
    """A claim's reviews (its verdict history) with their reviewers, oldest first unless asked otherwise.

    The one query behind the admin's history table, the API's reviews endpoint and the services that
    quote the last change or read which review removed a source.
    """
    order = ("-created_at", "-id") if newest_first else ("created_at", "id")
    return Review.objects.filter(claim_id=claim_id).select_related("reviewer").order_by(*order)


def articles_stuck(*, older_than: timedelta | None = None) -> QuerySet[Article]:
    """Articles left fetching, pending or extracting longer than the configured timeout (lost tasks, dead workers)."""
    if older_than is None:
        older_than = timedelta(seconds=settings.REGISTRY_STUCK_AFTER_SECONDS)
    limit = timezone.now() - older_than
    return Article.objects.filter(
        status__in=[Article.Status.FETCHING, Article.Status.PENDING, Article.Status.EXTRACTING],
        updated_at__lt=limit,
    ).order_by("updated_at", "id")


def speaker_resolve(name: str) -> Speaker | None:
    """The existing speaker a mentioned name stands for, or None.

    First the exact key of a speaker's canonical name or of one of its aliases, then the loose match key
    (diacritics, leading titles, romanisation endings: claims.speaker_names), then, for a title and a
    surname ("President Marchenkyy"), the one person speaker with that surname. All are indexed columns.
    When the loose key fits several speakers (two people an editor has not merged yet, or two people),
    the oldest one is taken, so the answer does not change from one article to the next.
    """
    key = speaker_names.exact_key(name)
    if not key:
        return None
    speaker = Speaker.objects.filter(key=key).first()
    if speaker is None:
        speaker = Speaker.objects.filter(aliases__key=key).first()
    if speaker is not None:
        return speaker
    loose = speaker_names.match_key(name)
    if not loose:
        return None
    ids = list(Speaker.objects.filter(match_key=loose).values_list("pk", flat=True)[:20])
    ids += list(SpeakerAlias.objects.filter(match_key=loose).values_list("speaker_id", flat=True)[:20])
    if ids:
        return Speaker.objects.filter(pk=min(ids)).first()
    surname = speaker_names.titled_surname(name)
    if surname:
        # "President Marchenkyy": the one person known by a full name ending so; none when two are.
        people = list(Speaker.objects.filter(surname_key=surname, kind=Speaker.Kind.PERSON)[:2])
        if len(people) == 1:
            return people[0]
    return None


MAX_MERGE_CHAIN = 50


def speaker_merged_into(speaker_id: int) -> int | None:
    """The id of the speaker that `speaker_id` was merged into, following later merges; None if never merged."""
    current, seen = speaker_id, {speaker_id}
    for _ in range(MAX_MERGE_CHAIN):
        into = (
            SpeakerMerge.objects.filter(from_id=current)
            .order_by("-merged_at", "-id")
            .values_list("into_id", flat=True)
            .first()
        )
        if into is None or into in seen:
            break
        current = into
        seen.add(into)
    return None if current == speaker_id else current


def speaker_claims(speaker_id: int) -> QuerySet[Claim]:
    """A speaker's claims for its admin page: newest article first, with their articles."""
    return (
        Claim.objects.filter(speaker_id=speaker_id)
        .select_related("article")
        .order_by("-article__published_at", "-article_id", "position")
    )


def speaker_verdict_record(speaker_id: int) -> dict[str, int]:
    """How many of the speaker's claims have each verdict, plus "total"."""
    record = dict.fromkeys([*Verdict.values, "total"], 0)
    rows = Claim.objects.filter(speaker_id=speaker_id).values_list("verdict").annotate(n=Count("id")).order_by()
    for verdict, n in rows:
        record[verdict] = n
        record["total"] += n
    return record


def speaker_name_clashes(names: list[str], *, speaker_id: int | None) -> list[str]:
    """Which of `names` already belong to another speaker than `speaker_id` (as its name or an alias)."""
    keys = {speaker_names.exact_key(n) for n in names} - {""}
    others = Speaker.objects.filter(key__in=keys)
    aliases = SpeakerAlias.objects.filter(key__in=keys).select_related("speaker")
    if speaker_id is not None:
        others, aliases = others.exclude(pk=speaker_id), aliases.exclude(speaker_id=speaker_id)
    return sorted({s.name for s in others} | {f"{a.name} ({a.speaker.name})" for a in aliases})


def speakers_for_merge(ids: list[int]) -> list[Speaker]:
    """The speakers of a merge's confirm page, with their aliases and claim counts, in the order asked."""
    found = {
        s.pk: s
        for s in Speaker.objects.filter(pk__in=ids).prefetch_related("aliases").annotate(n_claims=Count("claims"))
    }
    return [found[pk] for pk in ids if pk in found]


def speaker_merges_into(speaker_id: int) -> QuerySet[SpeakerMerge]:
    """The merges that brought other speakers into this one, oldest first, with who made them."""
    return SpeakerMerge.objects.filter(into_id=speaker_id).select_related("merged_by").order_by("merged_at", "id")
