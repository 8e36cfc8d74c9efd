"""The environment readers reject bad values with a message that names the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from registry.env import env_bool, env_int, env_list, env_redis_url, parse_database_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("1", True), ("YES", True), ("on", True), ("false", False), ("0", False), ("No", False)],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", not expected) is expected


def test_env_bool_uses_the_default_when_unset_or_blank(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG", True) is True
    monkeypatch.setenv("FLAG", "  ")
    assert env_bool("FLAG", False) is False


@pytest.mark.parametrize("raw", ["flase", "2", "maybe"])
def test_env_bool_rejects_anything_else(monkeypatch, raw):
    monkeypatch.setenv("FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", True)


def test_env_int_checks_type_and_range(monkeypatch):
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="N='twelve' is not a whole number"):
        env_int("N", 1)
    monkeypatch.setenv("N", "0")
    with pytest.raises(ImproperlyConfigured, match="below the minimum"):
        env_int("N", 1, minimum=1)


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


@pytest.mark.parametrize(
    ("url", "engine", "name", "user", "host", "port"),
    [
        ("postgres://u:p@db.example:6543/claims", "django.db.backends.postgresql", "claims", "u", "db.example", "6543"),
        ("postgresql://u@127.0.0.1/claims", "django.db.backends.postgresql", "claims", "u", "127.0.0.1", ""),
        ("sqlite:////var/lib/registry.sqlite3", "django.db.backends.sqlite3", "/var/lib/registry.sqlite3", "", "", ""),
    ],
)
def test_database_urls_are_parsed(url, engine, name, user, host, port):
    db = parse_database_url("DATABASE_URL", url)
    assert (db.engine, db.name, db.user, db.host, db.port) == (engine, name, user, host, port)


def test_database_url_password_is_unquoted():
    assert parse_database_url("DATABASE_URL", "postgres://u:p%40ss@h/db").password == "p@ss"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "unsupported scheme 'mysql'"),
        ("postgres://u@h/", "names no database"),
        ("postgres://u@h:notaport/db", "invalid port"),
        ("sqlite://", "names no SQLite file"),
    ],
)
def test_bad_database_urls_are_refused(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_database_url("DATABASE_URL", url)


def test_redis_url_must_be_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "http://127.0.0.1:6379")
    with pytest.raises(ImproperlyConfigured, match="not a Redis URL"):
        env_redis_url("REDIS_URL")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert env_redis_url("REDIS_URL") == "redis://127.0.0.1:6379/0"
