"""The feed horizon counts only transactions that can write into this database (PostgreSQL).

Transaction ids are the server's, so a long transaction of another application, in another database on
the same server, once held every feed (and the webhook dispatcher) back until it ended.
"""

from __future__ import annotations

import psycopg
import pytest
from django.db import connection, transaction

from claims.selectors import change_page
from claims.services.changes import changes_record
from tests.conftest import _database_url_for, requires_postgres

pytestmark = [pytest.mark.postgres, requires_postgres, pytest.mark.django_db(transaction=True)]


def _writer_in(database: str) -> psycopg.Connection:
    """A session of `database` holding a transaction open with a transaction id, as a long writer does."""
    conn = psycopg.connect(_database_url_for(database))
    conn.execute("SELECT pg_current_xact_id()")
    return conn


def _logged(object_id: int) -> None:
    with transaction.atomic():
        changes_record("claim", [object_id])


def _served() -> list[int]:
    return [row.object_id for row in change_page("claim", after=None, limit=10)]


def test_a_transaction_open_in_another_database_does_not_hold_the_feed_back():
    other = _writer_in("postgres")
    try:
        _logged(4101)
        assert _served() == [4101]
    finally:
        other.rollback()
        other.close()


def test_a_transaction_open_in_this_database_still_holds_the_feed_back():
    here = _writer_in(connection.settings_dict["NAME"])
    try:
        _logged(4102)
        assert _served() == []  # it began first: it may still log a change below this one
    finally:
        here.rollback()
        here.close()
    assert _served() == [4102]
