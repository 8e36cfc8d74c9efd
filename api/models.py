"""API keys: one per newsroom integration, stored as a hash, with scopes, expiry and revocation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    READ = "read", "Read claims, articles, speakers and the sync feed"
    SUBMIT = "submit", "Submit articles"
    REVIEW = "review", "Set verdicts and add sources"
    WEBHOOKS = "webhooks", "Manage the webhook subscriptions of the key's organisation"


class ApiKey(models.Model):
    """A newsroom's credential. Only a SHA-256 hash of the secret is stored; the key is shown once."""

    name = models.CharField(max_length=200, help_text="Who holds the key, e.g. the newsroom and integration.")
    # The public part of the key, used to find the row without scanning every hash.
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(default=list, help_text='A list of scopes: "read", "submit", "review".')
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="api_keys",
        help_text="The account the key acts for; needed for the review scope (recorded in review history).",
    )
    organisation = models.ForeignKey(
        "claims.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="api_keys",
        help_text="The newsroom the key belongs to.",
    )
    throttle_rate = models.CharField(
        max_length=32, blank=True, help_text='Own rate limit such as "600/minute"; empty for the default.'
    )
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
