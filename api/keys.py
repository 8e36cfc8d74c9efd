"""Creating, finding and revoking API keys (the only writes of the api app's own model)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from api.models import ApiKey, Scope
from claims import permissions
from claims.errors import ApplicationError

# "crk_" + 8-char prefix + "_" + 43-char secret. The prefix is public (shown in the admin and in logs).
KEY_PREFIX = "crk_"
_KEY_RE = re.compile(r"^crk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,100})$")
_RATE_RE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")
_LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class CreatedKey:
    api_key: ApiKey
    key: str  # the full secret: show it once, it cannot be recovered


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_scopes(value: str | list[str]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    scopes = [s.strip().lower() for s in items if s.strip()]
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ApplicationError(
            f"Unknown scope(s): {', '.join(unknown)}. Use {', '.join(Scope.values)}.",
            fields={"scopes": [f"Unknown scope {s!r}." for s in unknown]},
        )
    if not scopes:
        raise ApplicationError("A key needs at least one scope.", fields={"scopes": ["This list may not be empty."]})
    return sorted(set(scopes), key=Scope.values.index)


def api_key_validate(
    *, name: str, scopes: str | list[str], expires_at: datetime | None, user, throttle_rate: str
) -> tuple[str, list[str]]:
    """The cleaned name and scopes, or ApplicationError naming every problem field."""
    name = " ".join(name.split())
    if not name:
        raise ApplicationError("A key needs a name.", fields={"name": ["This field may not be blank."]})
    scope_list = parse_scopes(scopes)
    if Scope.REVIEW in scope_list and user is None:
        raise ApplicationError(
            "A key with the review scope acts for a reviewer account: give the user.",
            fields={"user": ["Required for the review scope."]},
        )
    if Scope.REVIEW in scope_list and user is not None and not permissions.is_reviewer(user):
        # Every write of such a key would be refused by the review service: say so now, not per request.
        raise ApplicationError(
            f"The account {user.get_username()!r} is not a reviewer (not an active member of the "
            f"{permissions.REVIEWERS} or {permissions.EDITORS} group, nor a superuser), so a review key "
            "acting for it could not set any verdict: add the account to a review group first.",
            fields={"user": ["This account is not a reviewer or editor."]},
        )
    if expires_at is not None and expires_at <= timezone.now():
        raise ApplicationError("The expiry is in the past.", fields={"expires_at": ["Must be in the future."]})
    if throttle_rate and not _RATE_RE.match(throttle_rate):
        raise ApplicationError(
            'A rate looks like "600/minute".', fields={"throttle_rate": ["Use <number>/<second|minute|hour|day>."]}
        )
    return name, scope_list


def api_key_create(
    *,
    name: str,
    scopes: str | list[str],
    expires_at: datetime | None = None,
    user=None,
    throttle_rate: str = "",
    organisation=None,
) -> CreatedKey:
    name, scope_list = api_key_validate(
        name=name, scopes=scopes, expires_at=expires_at, user=user, throttle_rate=throttle_rate
    )
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    with transaction.atomic():
        while True:
            prefix = "".join(secrets.choice(alphabet) for _ in range(8))
            if not ApiKey.objects.filter(prefix=prefix).exists():
                break
        key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
        api_key = ApiKey.objects.create(
            name=name,
            prefix=prefix,
            hashed_key=hash_key(key),
            scopes=scope_list,
            user=user,
            expires_at=expires_at,
            throttle_rate=throttle_rate,
            organisation=organisation,
        )
    return CreatedKey(api_key, key)


def api_key_find(key: str) -> ApiKey | None:
    """The key row for a presented secret, whatever its state (the caller checks expiry and revocation)."""
    match = _KEY_RE.match(key)
    if not match:
        return None
    api_key = ApiKey.objects.select_related("user").filter(prefix=match.group(1)).first()
    if api_key is None or not hmac.compare_digest(api_key.hashed_key, hash_key(key)):
        return None
    return api_key


def api_key_touch(api_key: ApiKey) -> None:
    """Record use, at most once a minute per key, so that reads do not each cost a write."""
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at >= _LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key
