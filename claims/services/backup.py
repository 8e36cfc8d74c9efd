"""Portable backups: every table the registry owns as NDJSON, and its restore into an empty database.

The file is one JSON object per line:

* line 1, the header: ``{"format": "claim-registry-export", "format_version": 1, "export_id", "created_at",
  "extractor_version", "migrations": {app: [applied migration names]}, "tables": {label: row count}}``;
* one line per row: ``{"t": "claims.claim", "pk": 12, "f": {"article_id": 3, "text": ...}}`` with every
  column by its attribute name, datetimes in ISO 8601 with microseconds and offset;
* the last line, the end record: ``{"end": true, "rows": total}``: a file without it is truncated.

Tables come in an order where a row's foreign keys point at rows of earlier lines. Users, groups and
their memberships are exported for the reviewers; permissions are named by (app label, codename)
because their ids belong to each database. API keys are exported as stored (hashes only).

The import reads the file twice: first to check it whole (JSON, tables, fields, counts, end record)
without touching the database, then to insert rows in batches. It only ever INSERTs (review and link
check history is append-only, also in the database), keeps primary keys, and records its progress
in a RegistryImport row committed with each batch: a re-run of the same file after a crash continues
where the last committed batch ended. Any other non-empty database is refused.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TypeVar

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, reset_queries, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from claims import extraction
from claims.errors import ApplicationError
from claims.models import Change, MatchEntry, MatchGram, MatchIndexState, MatchTerm, RegistryImport
from claims.services.changes import changes_record_everything

FORMAT = "claim-registry-export"
FORMAT_VERSION = 1
OWNED_APPS = ("claims", "api")
MIGRATION_APPS = ("auth", "contenttypes", "claims", "api")
BATCH = 500

Progress = Callable[[str], None]
T = TypeVar("T")


class BackupError(ApplicationError):
    """A file that cannot be imported, or a database it cannot be imported into."""

    code = "backup_error"


# --- the tables ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    label: str
    model: type[models.Model]
    kind: str = "rows"  # rows | group | group_permission | user_permission

    @property
    def columns(self) -> list[models.Field]:
        return [f for f in self.model._meta.concrete_fields if not f.primary_key]


def _owned_models() -> list[type[models.Model]]:
    """The models of the registry's own apps, parents before children (foreign keys point backwards)."""
    found = [
        model
        for label in OWNED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        # The change log is this database's own history (its xids mean nothing elsewhere): an import
        # writes a fresh one for everything it loaded (claims.services.changes.changes_record_everything).
        # The matching index is derived from the claims: the restored database builds its own.
        if model not in (RegistryImport, Change, MatchEntry, MatchTerm, MatchGram, MatchIndexState)
    ]
    ordered: list[type[models.Model]] = []
    placed: set[type[models.Model]] = set()
    while len(ordered) < len(found):
        ready = [
            m
            for m in found
            if m not in placed
            and all(
                f.related_model in placed or f.related_model not in found or f.related_model is m
                for f in m._meta.concrete_fields
                if f.is_relation
            )
        ]
        if not ready:  # a cycle of foreign keys: keep the app order for the rest (checked at commit)
            ready = [m for m in found if m not in placed]
        for model in ready:
            ordered.append(model)
            placed.add(model)
    return ordered


def tables() -> list[Table]:
    """Every table an export holds, in import order."""
    user = get_user_model()
    return [
        Table("auth.group", Group, "group"),
        Table("auth.group_permissions", Group.permissions.through, "group_permission"),
        Table(user._meta.label_lower, user),
        Table(user.groups.through._meta.label_lower, user.groups.through),
        Table(user.user_permissions.through._meta.label_lower, user.user_permissions.through, "user_permission"),
        *(Table(m._meta.label_lower, m) for m in _owned_models()),
    ]


# --- encoding ----------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | dtime):
        return value.isoformat()  # full precision: DjangoJSONEncoder would drop microseconds
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"cannot export a {type(value).__name__}")


def ndjson_line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_plain) + "\n"


def _permission_keys(using: str) -> dict[int, list[str]]:
    rows = Permission.objects.using(using).values_list("pk", "content_type__app_label", "codename")
    return {pk: [app, codename] for pk, app, codename in rows}


def _rows(table: Table, using: str, permissions: dict[int, list[str]]) -> Iterator[dict[str, Any]]:
    names = [f.attname for f in table.columns]
    queryset = table.model._base_manager.using(using).order_by("pk").values_list("pk", *names)
    for pk, *values in queryset.iterator(chunk_size=2000):
        fields = dict(zip(names, values, strict=True))
        if table.kind in ("group_permission", "user_permission"):
            fields["permission"] = permissions.get(fields.pop("permission_id"))
        yield {"t": table.label, "pk": pk, "f": fields}


def applied_migrations(using: str) -> dict[str, list[str]]:
    applied = MigrationRecorder(connections[using]).applied_migrations()
    return {app: sorted(name for a, name in applied if a == app) for app in MIGRATION_APPS}


def registry_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per exported table: what an export's header holds (a restore drill compares two databases by it)."""
    return {t.label: t.model._base_manager.using(using).count() for t in tables()}


@contextlib.contextmanager
def read_snapshot(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """A transaction whose every read sees one snapshot of the database (REPEATABLE READ, read-only, on
    PostgreSQL), for exports that read many queries' worth of rows while others write.

    Inside it, QuerySet.iterator() reads through a server-side cursor without WITH HOLD: rows arrive in
    chunks as they are read, never materialised whole on the server or in this process. Nested in an
    outer transaction (a test's), it is a savepoint that sees what the outer transaction sees.
    """
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and len(connection.savepoint_ids) == 0:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


@dataclass
class ExportResult:
    export_id: str
    counts: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def export_registry(out: IO[str], *, using: str = DEFAULT_DB_ALIAS, progress: Progress | None = None) -> ExportResult:
    """Write every table the registry owns to `out`, one row a line, from one consistent snapshot."""
    # The rows and the counts in the header come from the same snapshot, whatever is written meanwhile.
    with read_snapshot(using):
        all_tables = tables()
        counts = registry_counts(using)
        export_id = uuid.uuid4().hex
        out.write(
            ndjson_line(
                {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "export_id": export_id,
                    "created_at": timezone.now(),
                    "extractor_version": extraction.VERSION,
                    "migrations": applied_migrations(using),
                    "tables": counts,
                }
            )
        )
        permissions = _permission_keys(using)
        ticker = Ticker(progress)
        written = 0
        total = sum(counts.values())
        for table in all_tables:
            for row in _rows(table, using, permissions):
                out.write(ndjson_line(row))
                written += 1
                ticker.tick("export: {}, {:,} of {:,} rows", table.label, written, total)
        out.write(ndjson_line({"end": True, "rows": written}))
    ticker.done(f"export: {written:,} rows from {len(all_tables)} tables")
    return ExportResult(export_id, counts)


class Ticker:
    """Progress lines at most every two seconds (and one at the end)."""

    def __init__(self, progress: Progress | None, every: float = 2.0):
        self.progress, self.every, self.last = progress, every, time.monotonic()

    def tick(self, template: str, *args: object) -> None:
        """Report `template.format(*args)` if the last line is old enough (formatted only then)."""
        if self.progress and time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self.progress(template.format(*args))

    def done(self, message: str) -> None:
        if self.progress:
            self.progress(message)


# --- files ----------------------------------------------------------------------------------------------


def open_for_writing(path: str) -> IO[str]:
    """A text stream to `path`, gzip-compressed when the name ends in .gz."""
    if path.endswith(".gz"):
        return gzip.open(path, "wt", encoding="utf-8", newline="\n")
    return open(path, "w", encoding="utf-8", newline="\n")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; a damaged file raises BackupError naming the line."""
    number = 0
    try:
        raw: io.BufferedIOBase = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise BackupError(f"cannot open the file ({exc.strerror or exc}).") from None
    try:
        with raw:
            for number, data in enumerate(raw, start=1):
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise BackupError(f"line {number}: not UTF-8 text ({exc.reason}).") from None
                if not text.endswith("\n"):
                    raise BackupError(f"line {number}: the file ends in the middle of a line: it is truncated.")
                yield number, text
    except (EOFError, OSError) as exc:  # gzip.BadGzipFile is an OSError
        raise BackupError(
            f"after line {number}: the compressed file is damaged or truncated ({type(exc).__name__}: {exc})."
        ) from None


def _parse(number: int, text: str) -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BackupError(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
    if not isinstance(obj, dict):
        raise BackupError(f"line {number}: expected a JSON object.")
    return obj


# --- checking a file ------------------------------------------------------------------------------------


@dataclass
class Header:
    export_id: str
    created_at: str
    migrations: dict[str, list[str]]
    counts: dict[str, int]
    lines: int = 0  # set by the check: the number of the end record's line


def _header(number: int, text: str) -> Header:
    obj = _parse(number, text)
    if obj.get("format") != FORMAT:
        raise BackupError(f'line 1: not a registry export (no "format": "{FORMAT}" header).')
    version = obj.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"line 1: export format version {version!r}; this registry reads version {FORMAT_VERSION}. "
            "Use the registry version that wrote the file, or a newer one."
        )
    try:
        return Header(
            export_id=str(obj["export_id"]),
            created_at=str(obj.get("created_at", "")),
            migrations={str(k): [str(n) for n in v] for k, v in dict(obj["migrations"]).items()},
            counts={str(k): int(v) for k, v in dict(obj["tables"]).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(f"line 1: the header is incomplete ({exc}).") from None


def check_file(path: Path, *, progress: Progress | None = None) -> Header:
    """Read the whole file without touching the database: every problem is reported with its line."""
    known = {t.label: t for t in tables()}
    header: Header | None = None
    seen: dict[str, int] = {}
    ended_at = number = 0
    ticker = Ticker(progress)
    for number, text in _lines(path):
        if number == 1:
            header = _header(number, text)
            unknown = sorted(set(header.counts) - set(known))
            if unknown:
                raise BackupError(f"line 1: tables this registry does not have: {', '.join(unknown)}.")
            continue
        if ended_at:
            raise BackupError(f"line {number}: more lines after the end record of line {ended_at}.")
        obj = _parse(number, text)
        if obj.get("end") is True:
            total = sum(seen.values())
            if obj.get("rows") != total:
                raise BackupError(f"line {number}: the end record says {obj.get('rows')} rows; the file has {total}.")
            ended_at = number
            continue
        table = known.get(obj.get("t"))  # type: ignore[arg-type]
        if table is None:
            raise BackupError(f"line {number}: unknown table {obj.get('t')!r}.")
        if not isinstance(obj.get("pk"), int) or not isinstance(obj.get("f"), dict):
            raise BackupError(f'line {number}: a row needs an integer "pk" and an object "f".')
        _check_fields(number, table, obj["f"])
        seen[table.label] = seen.get(table.label, 0) + 1
        ticker.tick("checking: line {:,}", number)
    if header is None:
        raise BackupError("the file is empty.")
    if not ended_at:
        raise BackupError(
            f"the file ends after line {number} without its end record: it is truncated (or the export did not finish)."
        )
    for label in sorted(set(seen) | set(header.counts)):
        if seen.get(label, 0) != header.counts.get(label, 0):
            raise BackupError(
                f"table {label}: the header announces {header.counts.get(label, 0)} rows, the file has {seen.get(label, 0)}."
            )
    header.lines = ended_at
    return header


def _field_names(table: Table) -> set[str]:
    names = {f.attname for f in table.columns}
    if table.kind in ("group_permission", "user_permission"):
        names = (names - {"permission_id"}) | {"permission"}
    return names


def _check_fields(number: int, table: Table, fields: dict[str, Any]) -> None:
    extra = set(fields) - _field_names(table)
    if extra:
        raise BackupError(
            f"line {number}: {table.label} has no column {', '.join(sorted(extra))} here "
            "(the file comes from another version of the registry)."
        )


# --- importing ---------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    export_id: str
    inserted: int = 0
    skipped_existing: int = 0
    resumed_from: int = 0
    already_done: bool = False
    missing_permissions: set[tuple[str, str]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def _check_migrations(header: Header, using: str) -> list[str]:
    connection = connections[using]
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in pending[:5])
        raise BackupError(f"this database is not migrated ({names} ...): run `manage.py migrate` first.")
    here = applied_migrations(using)
    newer = [
        f"{app}.{name}" for app, names in header.migrations.items() for name in names if name not in here.get(app, [])
    ]
    if newer:
        raise BackupError(
            "the file was written by a newer version of the registry (migrations not known here: "
            + ", ".join(newer[:5])
            + "): install that version (or a later one) before importing."
        )
    since = [
        f"{app}.{name}" for app, names in here.items() for name in names if name not in header.migrations.get(app, [])
    ]
    if since:
        return [f"the file predates migrations {', '.join(since[:5])}: columns added since get their defaults."]
    return []


def _first_nonempty(using: str) -> str | None:
    for table in tables():
        if table.kind == "rows" and table.model._base_manager.using(using).exists():
            return table.label
    return None


@contextlib.contextmanager
def _stored_timestamps(all_tables: list[Table]) -> Iterator[None]:
    """Insert created/updated times as exported: auto_now and auto_now_add would stamp the import time."""
    changed: list[tuple[models.DateField, bool, bool]] = []
    for table in all_tables:
        for column in table.columns:
            if isinstance(column, models.DateField) and (column.auto_now or column.auto_now_add):
                changed.append((column, column.auto_now, column.auto_now_add))
                column.auto_now = column.auto_now_add = False
    try:
        yield
    finally:
        for column, now, now_add in changed:
            column.auto_now, column.auto_now_add = now, now_add


class _Importer:
    def __init__(self, header: Header, marker: RegistryImport, using: str, result: ImportResult):
        self.header, self.marker, self.using, self.result = header, marker, using, result
        self.groups: dict[int, int] = {}  # exported group id -> this database's
        self.permissions = {
            (app, codename): pk for pk, (app, codename) in _permission_keys(using).items()
        }  # (app, codename) -> id
        self.batch: list[tuple[int, dict[str, Any]]] = []
        self.batch_table: Table | None = None
        self.columns: dict[str, dict[str, models.Field]] = {}
        self.user_groups = get_user_model().groups.through

    def value(self, table: Table, name: str, raw: Any) -> Any:
        if raw is None:
            return None
        if name == "group_id" and table.model is self.user_groups:
            return self.groups.get(raw, raw)
        columns = self.columns.get(table.label)
        if columns is None:
            columns = self.columns[table.label] = {f.attname: f for f in table.columns}
        return columns[name].to_python(raw)

    def group(self, number: int, pk: int, fields: dict[str, Any]) -> None:
        """Groups are matched by name: the review groups exist already, created by a migration."""
        name = str(fields.get("name", ""))
        with transaction.atomic(using=self.using):
            local = Group.objects.using(self.using).filter(name=name).first()
            if local is None:
                free = not Group.objects.using(self.using).filter(pk=pk).exists()
                local = Group.objects.using(self.using).create(**({"pk": pk} if free else {}), name=name)
                self.result.inserted += 1
            self.groups[pk] = local.pk

    def add(self, number: int, table: Table, pk: int, fields: dict[str, Any]) -> None:
        if self.batch_table is not table or len(self.batch) >= BATCH:
            self.flush()
            self.batch_table = table
        self.batch.append((number, {"pk": pk, **fields}))

    def flush(self) -> None:
        table, rows = self.batch_table, self.batch
        if table is None or not rows:
            return
        self.batch = []
        manager = table.model._base_manager.using(self.using)
        with transaction.atomic(using=self.using):
            if table.kind == "group_permission":
                self._group_permissions(rows)
            else:
                existing = set(manager.filter(pk__in=[r["pk"] for _, r in rows]).values_list("pk", flat=True))
                objs: list[models.Model] = []
                for number, row in rows:
                    if row["pk"] in existing:
                        self.result.skipped_existing += 1
                        continue
                    obj = self._instance(number, table, row)
                    if obj is not None:  # None: a permission row whose permission this database lacks
                        objs.append(obj)
                manager.bulk_create(objs, batch_size=BATCH)
                self.result.inserted += len(objs)
            self.marker.line = rows[-1][0]
            self.marker.rows = self.result.inserted
            self.marker.save(using=self.using, update_fields=["line", "rows", "updated_at"])
        reset_queries()  # with DEBUG on, Django would keep every INSERT's SQL: memory must not grow with the file

    def _permission(self, key: Any) -> int | None:
        if not isinstance(key, list) or len(key) != 2:
            return None
        pk = self.permissions.get((str(key[0]), str(key[1])))
        if pk is None:
            self.result.missing_permissions.add((str(key[0]), str(key[1])))
        return pk

    def _instance(self, number: int, table: Table, row: dict[str, Any]) -> models.Model | None:
        values: dict[str, Any] = {}
        try:
            for name, raw in row.items():
                if name == "pk":
                    values[table.model._meta.pk.attname] = raw
                elif name == "permission":
                    permission = self._permission(raw)
                    if permission is None:
                        return None
                    values["permission_id"] = permission
                else:
                    values[name] = self.value(table, name, raw)
        except Exception as exc:
            raise BackupError(f"line {number}: {table.label}: {exc}") from None
        return table.model(**values)

    def _group_permissions(self, rows: list[tuple[int, dict[str, Any]]]) -> None:
        through = Group.permissions.through
        for _, row in rows:
            permission = self._permission(row.get("permission"))
            group = self.groups.get(row.get("group_id"))  # type: ignore[arg-type]
            if permission is None or group is None:
                continue
            _, created = through.objects.using(self.using).get_or_create(group_id=group, permission_id=permission)
            self.result.inserted += int(created)


def import_registry(path: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress | None = None) -> ImportResult:
    """Restore an export into this (empty, migrated) database, or resume an interrupted restore of it."""
    path = Path(path)
    header = check_file(path, progress=progress)
    warnings = _check_migrations(header, using)
    result = ImportResult(export_id=header.export_id, warnings=warnings)
    marker = RegistryImport.objects.using(using).filter(export_id=header.export_id).first()
    if marker is not None and marker.finished_at is not None:
        result.already_done = True
        return result
    if marker is None:
        busy = _first_nonempty(using)
        if busy:
            raise BackupError(
                f"the database is not empty ({busy} has rows): import only into a new, migrated database "
                "(a re-run of an interrupted import of the same file continues it)."
            )
        other = RegistryImport.objects.using(using).exclude(export_id=header.export_id).first()
        if other is not None:
            raise BackupError(f"this database holds an import of another file ({other.source or other.export_id}).")
        marker = RegistryImport.objects.using(using).create(export_id=header.export_id, source=path.name[:1000])
    else:
        result.resumed_from = marker.line
        if progress:
            progress(f"import: resuming after line {marker.line:,} (an earlier run stopped there)")
    all_tables = tables()
    known = {t.label: t for t in all_tables}
    importer = _Importer(header, marker, using, result)
    ticker = Ticker(progress)
    total = header.lines
    with _stored_timestamps(all_tables):
        for number, text in _lines(path):
            if number == 1:
                continue
            obj = _parse(number, text)
            if obj.get("end") is True:
                break
            table = known[obj["t"]]
            if table.kind == "group":
                # Always read, also when resuming: later rows need the exported-to-local group ids.
                importer.group(number, obj["pk"], obj["f"])
                continue
            if number <= marker.line:
                continue
            importer.add(number, table, obj["pk"], obj["f"])
            ticker.tick("import: {}, line {:,} of {:,}", table.label, number, total)
        importer.flush()
    _reset_sequences(all_tables, using)
    changes_record_everything(using=using)  # API mirrors following the feeds receive what was loaded
    marker.finished_at = timezone.now()
    marker.line = total
    marker.save(using=using, update_fields=["finished_at", "line", "updated_at"])
    if progress:
        progress(f"import: {result.inserted:,} rows inserted")
    return result


def _reset_sequences(all_tables: list[Table], using: str) -> None:
    """After inserting explicit ids, PostgreSQL's id sequences must continue after the largest one."""
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in all_tables])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def write_atomically(path: str, write: Callable[[IO[str]], T]) -> T:
    """Call `write(stream)` on a temporary file next to `path` (gzip when it ends in .gz), then rename it
    to `path`: readers never see a half-written file, and a failed or interrupted write leaves none."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    if target.name.endswith(".gz"):
        partial = target.with_name(target.name[: -len(".gz")] + ".partial.gz")
    try:
        with open_for_writing(str(partial)) as out:
            result = write(out)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return result


def export_to_path(path: str, *, using: str = DEFAULT_DB_ALIAS, progress: Progress | None = None) -> ExportResult:
    """Export to a file, written under a temporary name and renamed when complete."""
    return write_atomically(path, lambda out: export_registry(out, using=using, progress=progress))


__all__ = [
    "BackupError",
    "ExportResult",
    "ImportResult",
    "check_file",
    "export_registry",
    "export_to_path",
    "import_registry",
    "read_snapshot",
    "tables",
    "write_atomically",
]
