"""Reads of the webhooks app: subscriptions of an organisation, deliveries, and the REST representations
that event payloads carry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from webhooks.models import Attempt, Delivery, Subscription


def subscriptions_of(organisation_id: int) -> QuerySet[Subscription]:
    return Subscription.objects.filter(organisation_id=organisation_id).order_by("id")


def subscription_of(organisation_id: int, subscription_id: int) -> Subscription | None:
    """The subscription if it belongs to the organisation (another organisation's is as missing: 404)."""
    return subscriptions_of(organisation_id).filter(pk=subscription_id).first()


def subscriptions_wanting() -> list[Subscription]:
    """Enabled subscriptions (their events lists say what each wants, their organisation what they may see)."""
    return list(Subscription.objects.filter(enabled=True).only("id", "events", "organisation_id"))


def deliveries_of(subscription_id: int, *, failed_only: bool = False) -> QuerySet[Delivery]:
    queryset = Delivery.objects.filter(subscription_id=subscription_id).select_related("event")
    if failed_only:
        queryset = queryset.exclude(status=Delivery.Status.DELIVERED).filter(attempts__gt=0)
    return queryset.prefetch_related("attempt_log")


def deliveries_due(subscription_id: int, *, limit: int, now: datetime | None = None) -> list[Delivery]:
    now = now or timezone.now()
    return list(
        Delivery.objects.filter(
            subscription_id=subscription_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
        )
        .select_related("event")
        .only("id", "attempts", "event__msg_id", "event__type", "event__payload")
        .order_by("next_attempt_at", "id")[:limit]
    )


def next_due_at(subscription_id: int) -> datetime | None:
    return (
        Delivery.objects.filter(subscription_id=subscription_id, status=Delivery.Status.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


def attempts_of(delivery_id: int) -> QuerySet[Attempt]:
    return Attempt.objects.filter(delivery_id=delivery_id).order_by("number")


# --- payload representations: exactly what the REST API shows ---------------------------------------------


def _context() -> dict[str, Any]:
    from api.serializers import Urls

    return {"urls": Urls.for_site(settings.REGISTRY_PUBLIC_URL)}


def claim_representations(ids: list[int]) -> dict[int, dict[str, Any]]:
    """Every claim of `ids` still shown by the API, as a reviewer sees it: the dispatcher sends each one only
    to the endpoints whose organisation may see it (api.selectors.claim_visible_to)."""
    from api.selectors import EVERYTHING, claims_with_details, visible_claims
    from api.serializers import ClaimOut

    context = _context()
    claims = claims_with_details(visible_claims(EVERYTHING).filter(pk__in=ids))
    return {c.pk: ClaimOut.represent(c, context) for c in claims}


def article_representations(ids: list[int]) -> dict[int, dict[str, Any]]:
    from api.selectors import Viewer, articles_filtered, attach_verdict_counts
    from api.views import ArticleSummaryOut

    # Article metadata is every reader's; its verdict counts are those any key sees (reviewed claims and
    # content of no organisation), the same for every endpoint.
    viewer = Viewer(shared=True)
    context = _context()
    articles = list(articles_filtered().filter(pk__in=ids).defer("body", "raw_html"))
    attach_verdict_counts(articles, "article_id", viewer=viewer)
    return {a.pk: ArticleSummaryOut.represent(a, context) for a in articles}


def source_representations(ids: list[int]) -> dict[int, dict[str, Any]]:
    from api.serializers import SourceOut
    from claims.models import SourceLink

    context = _context()
    return {s.pk: SourceOut.represent(s, context) for s in SourceLink.objects.filter(pk__in=ids)}


def tombstone_representations(ids: list[int]) -> dict[int, dict[str, Any]]:
    from api.views import TombstoneOut
    from claims.models import Tombstone

    context = _context()
    return {t.pk: TombstoneOut.represent(t, context) for t in Tombstone.objects.filter(pk__in=ids)}
