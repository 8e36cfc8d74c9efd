"""Small typed readers for environment variables that fail loudly on bad values.

Every setting of the service is read through these, so a typo such as DJANGO_DEBUG=flase stops
the process at start-up with a message naming the variable, instead of silently meaning "off".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import overload
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@overload
def env_str(name: str, default: str) -> str: ...
@overload
def env_str(name: str, default: None = None) -> str | None: ...
def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use one of true/false, 1/0, yes/no, on/off")


def env_int(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum of {minimum}")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name}={number} is above the maximum of {maximum}")
    return number


def env_float(name: str, default: float, *, minimum: float | None = None) -> float:
    value = env_str(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ImproperlyConfigured(f"{name}={value!r} is not a finite number")
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum of {minimum}")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class DatabaseUrl:
    engine: str
    name: str
    user: str
    password: str
    host: str
    port: str


_ENGINES = {
    "postgres": "django.db.backends.postgresql",
    "postgresql": "django.db.backends.postgresql",
    "pgsql": "django.db.backends.postgresql",
    "sqlite": "django.db.backends.sqlite3",
}


def parse_database_url(name: str, url: str) -> DatabaseUrl:
    """postgres://user:password@host:5432/dbname, sqlite:///relative.sqlite3 or sqlite:////absolute/path"""
    parts = urlsplit(url)
    engine = _ENGINES.get(parts.scheme)
    if engine is None:
        raise ImproperlyConfigured(
            f"{name} has an unsupported scheme {parts.scheme!r}; use postgres://user:pass@host:5432/db or sqlite:///path"
        )
    if engine.endswith("sqlite3"):
        # sqlite:///relative.sqlite3 and sqlite:////absolute/path.sqlite3, as elsewhere in the ecosystem
        path = unquote(parts.path)[1:] if parts.path.startswith("/") else unquote(parts.path)
        if not path:
            raise ImproperlyConfigured(f"{name} names no SQLite file; use sqlite:///path/to/db.sqlite3")
        return DatabaseUrl(engine, path, "", "", "", "")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise ImproperlyConfigured(f"{name} names no database; use postgres://user:pass@host:5432/dbname")
    try:
        port = str(parts.port or "")
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port") from None
    return DatabaseUrl(
        engine, dbname, unquote(parts.username or ""), unquote(parts.password or ""), parts.hostname or "", port
    )


def env_redis_url(name: str) -> str | None:
    value = env_str(name)
    if value is None:
        return None
    if urlsplit(value).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"{name}={value!r} is not a Redis URL; use redis://host:6379/0")
    return value
