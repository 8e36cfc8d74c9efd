"""The database's guard on history (migration claims/0005): reviews and link checks are append-only.

PostgreSQL triggers refuse UPDATE and DELETE on both tables for every client. The one legitimate delete is a
source link's check log going with the source when a reviewer removes it (the removal itself is recorded as
a review with the sources as they were): `link_check_delete_allowed()` opens the guard for that statement,
inside the caller's transaction. On SQLite there are no triggers; the ORM guards on Review still apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# Read by the trigger function of migration 0005 (which spells it out, as migrations must not import code).
GUARD_SETTING = "registry.allow_link_check_delete"


def _set_guard(value: str) -> None:
    with connection.cursor() as cursor:
        # is_local = true: the value ends with the transaction whatever happens.
        cursor.execute("SELECT set_config(%s, %s, true)", [GUARD_SETTING, value])


@contextmanager
def link_check_delete_allowed() -> Iterator[None]:
    """Let the statements inside delete link checks (a source's removal cascading to its check log)."""
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("link_check_delete_allowed() needs a transaction (transaction.atomic())")
    _set_guard("on")
    try:
        yield
    finally:
        _set_guard("off")
