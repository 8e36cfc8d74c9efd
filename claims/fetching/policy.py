"""The limits one fetch runs under (FetchPolicy), read from the settings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from claims.fetching.guard import IPNetwork, parse_networks


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "ClaimRegistryBot/1.0 (+source link checker)"
    per_host_limit: int = 4
    host_delay: float = 0.25
    # Retry-After pauses up to this long are waited out; longer ones end the fetch as rate-limited.
    retry_after_max_wait: float = 10.0
    allow_networks: tuple[IPNetwork, ...] = ()
    redis_url: str | None = None

    @classmethod
    def from_settings(cls, **overrides: Any) -> FetchPolicy:
        """The policy the settings give, with the named fields replaced by `overrides`."""
        from django.conf import settings

        policy = cls(
            connect_timeout=settings.REGISTRY_FETCH_CONNECT_TIMEOUT_MS / 1000,
            read_timeout=settings.REGISTRY_FETCH_READ_TIMEOUT_MS / 1000,
            total_timeout=settings.REGISTRY_FETCH_TOTAL_TIMEOUT_MS / 1000,
            max_bytes=settings.REGISTRY_FETCH_MAX_BYTES,
            max_redirects=settings.REGISTRY_FETCH_MAX_REDIRECTS,
            user_agent=settings.REGISTRY_FETCH_USER_AGENT,
            per_host_limit=settings.REGISTRY_FETCH_PER_HOST_LIMIT,
            host_delay=settings.REGISTRY_FETCH_HOST_DELAY_MS / 1000,
            retry_after_max_wait=settings.REGISTRY_FETCH_RETRY_AFTER_MAX_WAIT_S,
            allow_networks=parse_networks(settings.REGISTRY_FETCH_TEST_ALLOW_NETWORKS),
            redis_url=settings.REDIS_URL,
        )
        return replace(policy, **overrides) if overrides else policy
