"""The change log: every change a client of the API can see is recorded here, in the same transaction.

Write services call `changes_record(kind, ids)` next to each write of a claim (its fields, verdict,
sources and their link health, dates, places), a speaker, an article or a tombstone. A change that alters
what other objects show (a speaker renamed, an article retitled, an outlet renamed) records those objects
too (`changes_record_claims_of`), in one INSERT ... SELECT, so the feeds stay plain reads.

On PostgreSQL each row carries the writing transaction's id (`pg_current_xact_id()`); the feeds
(claims.selectors.change_page) serve only rows of transactions that have ended, in (xid, id) order.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.dispatch import Signal
from django.utils import timezone

from claims.models import Change

KINDS = tuple(Change.Kind.values)

# Sent once after each transaction that logged changes has committed (the webhook dispatcher listens).
change_logged = Signal()


def _send_change_logged() -> None:
    change_logged.send(sender=Change)


def _notify_on_commit(using: str) -> None:
    """Send `change_logged` after the commit, once per transaction however many rows it logs."""
    conn = connections[using]
    if conn.in_atomic_block and any(item[1] is _send_change_logged for item in conn.run_on_commit):
        return
    transaction.on_commit(_send_change_logged, using=using, robust=True)


def _unique(ids: Iterable[int | None]) -> list[int]:
    seen: dict[int, None] = {}
    for pk in ids:
        if pk is not None:
            seen[int(pk)] = None
    return list(seen)


def changes_record(
    kind: str, ids: Iterable[int | None], *, op: str = Change.Op.UPSERT, using: str = DEFAULT_DB_ALIAS
) -> int:
    """Log that the objects `ids` of `kind` changed (or were removed, `op="delete"`); returns rows written.

    Must run inside the transaction of the change itself (it is a no-op for an empty `ids`).
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown change kind {kind!r}")
    unique = _unique(ids)
    if not unique:
        return 0
    conn = connections[using]
    if conn.vendor == "postgresql":
        with conn.cursor() as cursor:
            cursor.execute(
                "INSERT INTO claims_change (xid, kind, object_id, op, created_at) "
                "SELECT pg_current_xact_id()::text::bigint, %s, pk, %s, now() FROM unnest(%s::bigint[]) AS pk",
                [kind, op, unique],
            )
        _notify_on_commit(using)
        return len(unique)
    now = timezone.now()
    Change.objects.using(using).bulk_create([Change(kind=kind, object_id=pk, op=op, created_at=now) for pk in unique])
    _notify_on_commit(using)
    return len(unique)


def _now_for_sql(conn) -> str:
    return conn.ops.adapt_datetimefield_value(timezone.now())


_CLAIMS_OF = {
    "speaker": "SELECT id FROM claims_claim WHERE speaker_id = %s",
    "article": "SELECT id FROM claims_claim WHERE article_id = %s",
    "outlet": "SELECT c.id FROM claims_claim c JOIN claims_article a ON a.id = c.article_id WHERE a.outlet_id = %s",
}


def changes_record_claims_of(owner: str, owner_id: int, *, using: str = DEFAULT_DB_ALIAS) -> int:
    """Log every claim of a speaker, article or outlet whose change shows inside those claims."""
    sql = _CLAIMS_OF[owner]
    conn = connections[using]
    if conn.vendor == "postgresql":
        xid = "pg_current_xact_id()::text::bigint"
        stamp = "now()"
    else:
        xid, stamp = "0", "%s"
    with conn.cursor() as cursor:
        params: list = [] if conn.vendor == "postgresql" else [_now_for_sql(conn)]
        cursor.execute(
            f"INSERT INTO claims_change (xid, kind, object_id, op, created_at) "  # noqa: S608 (constant SQL, values bound)
            f"SELECT {xid}, 'claim', id, 'upsert', {stamp} FROM ({sql}) AS affected ORDER BY id",
            [*params, owner_id],
        )
        _notify_on_commit(using)
        return cursor.rowcount


SEED_TABLES = (
    ("speaker", "claims_speaker"),
    ("article", "claims_article"),
    ("claim", "claims_claim"),
    ("tombstone", "claims_tombstone"),
)


def changes_record_everything(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """Log every speaker, article, claim and tombstone (after a restore): the feeds deliver them all again."""
    conn = connections[using]
    total = 0
    with transaction.atomic(using=using), conn.cursor() as cursor:
        for kind, table in SEED_TABLES:
            if conn.vendor == "postgresql":
                xid, stamp, params = "pg_current_xact_id()::text::bigint", "now()", []
            else:
                xid, stamp, params = "0", "%s", [conn.ops.adapt_datetimefield_value(timezone.now())]
            cursor.execute(
                f"INSERT INTO claims_change (xid, kind, object_id, op, created_at) "  # noqa: S608 (constants)
                f"SELECT {xid}, '{kind}', id, 'upsert', {stamp} FROM {table} ORDER BY id",
                params,
            )
            total += cursor.rowcount
    _notify_on_commit(using)
    return total


# --- the safety net: every ORM save or delete of what the API shows is logged ----------------------------
# Services log their queryset updates and bulk inserts themselves (changes_record above); a model's
# save() -- from a service, the admin (a speaker renamed, an outlet renamed), a command or a test -- is
# logged here, in the transaction of the save.


def _on_save(sender, instance, created: bool, raw: bool = False, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, SourceLink, Speaker, Tombstone

    if raw:  # loading fixtures
        return
    if sender is Claim:
        # (The claim counts of its speaker and article change too: the extraction logs those once per
        # run rather than once per claim, see claims.services.articles._store_claims.)
        changes_record(Change.Kind.CLAIM, [instance.pk], using=using)
    elif sender in (SourceLink, ClaimDate, ClaimPlace):
        changes_record(Change.Kind.CLAIM, [instance.claim_id], using=using)
    elif sender is Speaker:
        changes_record(Change.Kind.SPEAKER, [instance.pk], using=using)
        if not created:  # a rename shows inside each of its claims
            changes_record_claims_of("speaker", instance.pk, using=using)
    elif sender is Article:
        changes_record(Change.Kind.ARTICLE, [instance.pk], using=using)
        if not created:  # its title, URL and date show inside each of its claims
            changes_record_claims_of("article", instance.pk, using=using)
    elif sender is Outlet and not created:
        changes_record(
            Change.Kind.ARTICLE,
            Article.objects.using(using).filter(outlet_id=instance.pk).values_list("pk", flat=True),
            using=using,
        )
        changes_record_claims_of("outlet", instance.pk, using=using)
    elif sender is Tombstone:
        changes_record(Change.Kind.TOMBSTONE, [instance.pk], using=using)


def _on_delete(sender, instance, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    changes_record(Change.Kind.CLAIM, [instance.claim_id], using=using)  # a source leaves its claim


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    from claims.models import Article, Claim, ClaimDate, ClaimPlace, Outlet, SourceLink, Speaker, Tombstone

    for model in (Claim, SourceLink, ClaimDate, ClaimPlace, Speaker, Article, Outlet, Tombstone):
        post_save.connect(_on_save, sender=model, dispatch_uid=f"changes-save-{model.__name__}")
    # Deletes: only a source's (one at a time). Claims are deleted, with their dates and places, by the
    # re-extraction alone, which logs them and their tombstones in bulk; a delete receiver on those
    # models would make every such delete fetch and signal row by row.
    post_delete.connect(_on_delete, sender=SourceLink, dispatch_uid="changes-delete-SourceLink")
