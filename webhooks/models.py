"""Webhook subscriptions of organisations, the events read from the change log, and every delivery attempt."""

from __future__ import annotations

from django.db import models


class EventType(models.TextChoices):
    CLAIM_CREATED = "claim.created", "A claim was extracted"
    CLAIM_UPDATED = "claim.updated", "A claim changed (other than below)"
    CLAIM_VERDICT_CHANGED = "claim.verdict_changed", "A claim's verdict changed"
    CLAIM_FLAGGED_FOR_RECHECK = "claim.flagged_for_recheck", "A claim was flagged for a re-check"
    ARTICLE_EXTRACTED = "article.extracted", "An article's extraction finished"
    ARTICLE_FAILED = "article.failed", "An article's fetch or extraction failed"
    ARTICLE_RETRACTED = "article.retracted", "An article was retracted"
    SOURCE_LINK_CHANGED = "source.link_changed", "A source link's state moved (e.g. ok to broken)"


TEST_EVENT = "webhook.test"  # sent by "send test event" only, to the one endpoint asked


class Subscription(models.Model):
    """An organisation's endpoint: where to POST which events, signed with its secret."""

    organisation = models.ForeignKey(
        "claims.Organisation", on_delete=models.CASCADE, related_name="webhook_subscriptions"
    )
    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list, help_text="Event types sent to this endpoint.")
    description = models.CharField(max_length=200, blank=True)
    # The signing secret (whsec_ + base64 key). Kept in the clear: signing needs it. During a rotation's
    # overlap the previous secret signs too, until previous_secret_expires_at.
    secret = models.CharField(max_length=100)
    previous_secret = models.CharField(max_length=100, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=500, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    # Failure state of the endpoint as a whole: since when every attempt failed, and when to try again.
    failing_since = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    paused_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "webhook subscription"

    def __str__(self) -> str:
        return f"{self.organisation} → {self.url}"


class Event(models.Model):
    """One event, built once from the change log (or a test), delivered to each subscribed endpoint."""

    msg_id = models.CharField(max_length=40, unique=True, help_text="The webhook-id header of every delivery.")
    type = models.CharField(max_length=40)
    payload = models.JSONField(help_text='The body sent: {"type", "timestamp", "data"}.')
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.type} {self.msg_id}"


class Delivery(models.Model):
    """One event to one endpoint: pending until it is answered 2xx, retried with backoff, or given up."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (given up)"

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["subscription", "status", "next_attempt_at"], name="delivery_due_idx")]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription_id} ({self.status})"


class Attempt(models.Model):
    """One HTTP attempt of a delivery: what the endpoint answered, how fast, or why it failed."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    ok = models.BooleanField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField()
    error = models.CharField(max_length=500, blank=True)
    response_excerpt = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}: {'ok' if self.ok else self.error}"


class DispatchPosition(models.Model):
    """Where the dispatcher is in each change-log feed it follows (one row per feed kind), like a feed client."""

    kind = models.CharField(max_length=16, unique=True)
    xid = models.BigIntegerField(default=0)
    change_id = models.BigIntegerField(default=0)
    # Objects first seen after this moment were created while events were being made (claim.created).
    started_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.kind} feed at ({self.xid}, {self.change_id})"


class ObjectState(models.Model):
    """What the last event of an object said (verdict, flags, link states), so the next change can be named."""

    kind = models.CharField(max_length=16)
    object_id = models.BigIntegerField()
    state = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="webhook_state_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
