"""export_registry / import_registry: every row of every table survives a round trip into a new database.

The restore target is a real second database: a SQLite file migrated by `manage.py migrate` in a
subprocess (or, marked postgres, a PostgreSQL database of its own), opened here as the alias
"restored". The source is the test database. Rows are compared through the ORM, table by table, for
every table of the registry's apps and the users and groups, found by introspecting the target.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.db.utils import load_backend

from api.keys import api_key_create
from api.models import ApiKey
from claims import permissions
from claims.models import (
    Article,
    Change,
    Claim,
    LinkCheck,
    MatchEntry,
    MatchGram,
    MatchIndexState,
    MatchTerm,
    Organisation,
    RegistryImport,
    Review,
    Tombstone,
    Verdict,
)
from claims.services import backup
from claims.services import review as review_services
from claims.services.articles import article_extract, article_retract, article_submit
from tests.conftest import _database_url_for, requires_postgres

ROOT = Path(__file__).resolve().parents[2]
ALIAS = "restored"
REGISTRY_TABLE_PREFIXES = ("claims_", "api_", "auth_user", "auth_group")

pytestmark = pytest.mark.django_db

BODY = (
    "Harbour Board Approves New Quay\n\n"
    "The harbour board will spend 8 million euros on a new quay, its chair Lotte Vos said on Monday.\n\n"
    "“We expect twice as many ferries by 2026,” Vos told reporters in Vlissingen.\n\n"
    "Critics said the plan ignored the fishing fleet."
)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update(extra)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty, migrated SQLite database file, made once; each test restores into a copy."""
    path = tmp_path_factory.mktemp("restore") / "template.sqlite3"
    done = _manage("migrate", "--no-input", "-v", "0", env=_env(SQLITE_PATH=str(path)))
    assert done.returncode == 0, done.stderr
    return path


def _attach(settings_dict: dict) -> str:
    """Open a second database as ALIAS, as a connection made at run time (not in settings.DATABASES)."""
    configured = connections.configure_settings({"default": connections.settings["default"], ALIAS: settings_dict})
    connections[ALIAS] = load_backend(configured[ALIAS]["ENGINE"]).DatabaseWrapper(configured[ALIAS], ALIAS)
    return ALIAS


def _detach() -> None:
    with contextlib.suppress(AttributeError):
        connections[ALIAS].close()
        del connections[ALIAS]


@pytest.fixture
def restored(migrated_sqlite, tmp_path):
    """The alias of a new, migrated, empty SQLite database."""
    path = tmp_path / "restored.sqlite3"
    shutil.copy(migrated_sqlite, path)
    yield _attach({"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)})
    _detach()


@pytest.fixture
def registry(django_user_model, django_capture_on_commit_callbacks):
    """A registry with something in every table: extracted articles, verdicts and their history, sources,
    link checks, a retraction's tombstones, a detached claim, API keys, users in groups."""
    from django.apps import apps as django_apps

    migration = __import__("claims.migrations.0002_review_groups", fromlist=["create_groups"])
    if not Group.objects.filter(name__in=permissions.ROLE_GROUPS).exists():
        migration.create_groups(django_apps, None)
    reviewer = django_user_model.objects.create_user("rita", password="x-long-password-1", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=permissions.REVIEWERS))
    editor = django_user_model.objects.create_user("edna", password="x-long-password-2", is_staff=True)
    editor.groups.add(Group.objects.get(name=permissions.EDITORS))
    editor.user_permissions.add(Permission.objects.get(codename="view_apikey"))
    custom = Group.objects.create(name="Night desk")
    custom.permissions.add(Permission.objects.get(codename="view_claim"))
    reviewer.groups.add(custom)

    newsroom = Organisation.objects.create(name="Harbour Times")
    first = article_submit(
        body=BODY, url="https://harbour.example/quay", submitted_by=reviewer, submitted_by_organisation_id=newsroom.pk
    ).article
    second = article_submit(body="Ünïcödé line.\n\nThe mayor said 40 % of roads will close in May.").article
    for article in (first, second):
        article_extract(article_id=article.pk)
    claims = list(Claim.objects.filter(article=first).order_by("position"))
    assert len(claims) >= 2
    review_services.source_add(
        claim_id=claims[0].pk,
        user=reviewer,
        url="https://board.example/minutes",
        stance="supports",
        excerpt="8 million",
    )
    review_services.claim_review(claim_id=claims[0].pk, user=reviewer, verdict=Verdict.VERIFIED, note="Minutes, p. 3")
    review_services.claim_sign_off(claim_id=claims[0].pk, user=editor)
    review_services.claim_review(claim_id=claims[1].pk, user=reviewer, verdict=Verdict.UNVERIFIABLE, note="“no record”")
    source = claims[0].sources.get()
    LinkCheck.objects.create(source=source, attempt_key="due:1:abc", status_code=200, elapsed_ms=12, content_hash="ff")
    LinkCheck.objects.create(source=source, attempt_key="due:1:def", error="timed out")
    # A correction removes the second reviewed claim's sentence: it stays, detached, with null offsets.
    Article.objects.filter(pk=first.pk).update(body=BODY.replace(claims[1].text, ""))
    article_extract(article_id=first.pk, force=True)
    assert Claim.objects.filter(start__isnull=True).exists()
    article_retract(article_id=second.pk, user=editor, reason="duplicate of a wire story")
    api_key_create(
        name="Harbour CMS", scopes=["read", "review"], user=reviewer, throttle_rate="600/minute", organisation=newsroom
    )
    old = api_key_create(name="Old key", scopes=["read"], expires_at=datetime(2099, 1, 1, tzinfo=UTC)).api_key
    ApiKey.objects.filter(pk=old.pk).update(revoked_at=datetime(2024, 1, 1, tzinfo=UTC))
    assert Review.objects.count() >= 3 and Tombstone.objects.exists()
    return {"reviewer": reviewer, "editor": editor}


def _registry_tables(alias: str) -> list[str]:
    names = connections[alias].introspection.table_names()
    # (SQLite: the matching index's FTS5 table and its shadow tables belong to no model; they are derived.)
    return sorted(
        n for n in names if n.startswith(REGISTRY_TABLE_PREFIXES) and not n.startswith("claims_matchentry_fts")
    )


def _model_of_table() -> dict[str, type]:
    return {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}


def _rows(model, alias: str) -> list[dict]:
    rows = list(model._base_manager.using(alias).order_by("pk").values())
    if model is Group.permissions.through:
        # Ids of this table belong to each database (the review groups come from a migration): compare content.
        by_name = dict(Group.objects.using(alias).values_list("pk", "name"))
        codes = dict(Permission.objects.using(alias).values_list("pk", "codename"))
        return sorted((by_name[r["group_id"]], codes[r["permission_id"]]) for r in rows)
    return rows


def _removed(alias: str) -> set[tuple[str, int]]:
    """Objects the change log names that are no longer there (deleted claims): not restored, not logged."""
    claims = set(Claim.objects.using(alias).values_list("pk", flat=True))
    return {
        ("claim", pk)
        for pk in Change.objects.using(alias).filter(kind="claim").values_list("object_id", flat=True)
        if pk not in claims
    }


def assert_same_rows(source: str, target: str) -> int:
    """Every row of every registry table is the same in both databases; returns the number compared."""
    models_by_table = _model_of_table()
    tables = _registry_tables(target)
    assert tables == _registry_tables(source)
    compared = 0
    for table in tables:
        model = models_by_table.get(table)
        assert model is not None, f"table {table} belongs to no model"
        if model in (RegistryImport, MatchEntry, MatchTerm, MatchGram, MatchIndexState):
            continue  # (the matching index: derived, each database builds its own)
        if model is Change:
            # The change log is each database's own (xids are per server): a restore writes a fresh one
            # for every object it loaded, in the order of the tables.
            assert {(r["kind"], r["object_id"]) for r in _rows(model, target)} >= {
                (r["kind"], r["object_id"]) for r in _rows(model, source) if r["op"] == "upsert"
            } - _removed(source)
            continue
        before, after = _rows(model, source), _rows(model, target)
        assert after == before, f"table {table} differs after the round trip"
        compared += len(before)
    return compared


def test_a_round_trip_restores_every_row_of_every_table(registry, restored, tmp_path, capsys):
    path = tmp_path / "registry.ndjson.gz"
    call_command("export_registry", str(path))
    assert "Exported" in capsys.readouterr().out
    call_command("import_registry", str(path), database=restored)
    out, err = capsys.readouterr()
    assert "Imported" in out and "import:" in err  # progress goes to standard error
    compared = assert_same_rows("default", restored)
    assert compared > 50
    # The newsrooms and what belongs to them (visibility between newsrooms rests on these).
    newsroom = Organisation.objects.using(restored).get(name="Harbour Times")
    assert ApiKey.objects.using(restored).get(name="Harbour CMS").organisation_id == newsroom.pk
    assert Article.objects.using(restored).filter(submitted_by_organisation=newsroom).count() == 1
    assert RegistryImport.objects.using(restored).get().finished_at is not None
    # The restored registry works: new rows get fresh ids, API keys still authenticate by their stored hash.
    fresh = Tombstone.objects.using(restored).create(kind="claim", object_id=1)
    assert fresh.pk > Tombstone.objects.filter().order_by("-pk").first().pk


def test_an_export_covers_every_model_of_the_registry_apps():
    labels = {t.label for t in backup.tables()}
    for app in backup.OWNED_APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            # (each database keeps its own change log, and builds its own matching index from the claims)
            if model not in (RegistryImport, Change, MatchEntry, MatchTerm, MatchGram, MatchIndexState):
                assert model._meta.label_lower in labels


def test_the_file_has_a_header_rows_and_an_end_record(registry, tmp_path):
    path = tmp_path / "registry.ndjson"
    call_command("export_registry", str(path), "--quiet")
    lines = path.read_text(encoding="utf-8").splitlines()
    header, end = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == "claim-registry-export" and header["format_version"] == 1
    assert "0006_claim_detached" in header["migrations"]["claims"]
    assert header["tables"]["claims.review"] == Review.objects.count()
    assert end == {"end": True, "rows": len(lines) - 2}
    reviews = [json.loads(line) for line in lines if '"t":"claims.review"' in line]
    assert len(reviews) == Review.objects.count()
    first = Review.objects.order_by("pk").first()
    assert reviews[0]["f"]["created_at"] == first.created_at.isoformat()  # microseconds kept
    keys = [json.loads(line) for line in lines if '"t":"api.apikey"' in line]
    assert keys and all(len(k["f"]["hashed_key"]) == 64 for k in keys)
    assert not list(tmp_path.glob("*.partial*"))


def test_import_only_inserts(registry, restored, tmp_path):
    path = tmp_path / "registry.ndjson"
    call_command("export_registry", str(path), "--quiet")
    statements: list[tuple[str, str]] = []

    def watch(execute, sql, params, many, context):
        words = sql.replace('"', " ").split()
        verb = words[0].upper()
        table = words[1] if verb == "UPDATE" else words[2] if verb in ("INSERT", "DELETE") else ""
        statements.append((verb, table))
        return execute(sql, params, many, context)

    with connections[restored].execute_wrapper(watch):
        backup.import_registry(path, using=restored)
    inserted = {table for verb, table in statements if verb == "INSERT"}
    assert {"claims_review", "claims_linkcheck", "claims_claim"} <= inserted
    # Nothing is deleted, and the only rows updated are the import's own progress record.
    assert not [s for s in statements if s[0] == "DELETE"]
    assert {table for verb, table in statements if verb == "UPDATE"} == {"claims_registryimport"}
    assert Review.objects.using(restored).count() == Review.objects.count()


def test_an_interrupted_import_resumes_where_it_stopped(registry, restored, tmp_path, monkeypatch):
    path = tmp_path / "registry.ndjson.gz"
    call_command("export_registry", str(path), "--quiet")
    monkeypatch.setattr(backup, "BATCH", 3)
    real = backup._Importer._instance
    calls = {"n": 0}

    def crash_midway(self, number, table, row):
        calls["n"] += 1
        if table.label == "claims.claimdate":
            raise KeyboardInterrupt("the machine went down")
        return real(self, number, table, row)

    with mock.patch.object(backup._Importer, "_instance", crash_midway), pytest.raises(KeyboardInterrupt):
        backup.import_registry(path, using=restored)
    marker = RegistryImport.objects.using(restored).get()
    assert marker.finished_at is None and marker.line > 1
    assert Claim.objects.using(restored).count() == Claim.objects.count()  # committed before the crash
    # Another file, or an import without the marker, is refused on the half-filled database.
    other = tmp_path / "other.ndjson"
    call_command("export_registry", str(other), "--quiet")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.import_registry(other, using=restored)
    result = backup.import_registry(path, using=restored)
    assert result.resumed_from == marker.line and result.skipped_existing == 0
    assert_same_rows("default", restored)
    again = backup.import_registry(path, using=restored)
    assert again.already_done and again.inserted == 0


def test_progress_names_the_table_and_how_far_each_stage_is(registry, restored, tmp_path, monkeypatch):
    real_init = backup.Ticker.__init__
    monkeypatch.setattr(backup.Ticker, "__init__", lambda self, progress, every=2.0: real_init(self, progress, 0.0))
    path = tmp_path / "registry.ndjson"
    exported: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        result = backup.export_registry(out, progress=exported.append)
    total = result.rows
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:-1]]
    first_table = rows[0]["t"]
    assert exported[0] == f"export: {first_table}, 1 of {total:,} rows"
    assert exported[-2].endswith(f", {total:,} of {total:,} rows")
    checked: list[str] = []
    backup.check_file(path, progress=checked.append)
    assert checked[:2] == ["checking: line 2", "checking: line 3"]
    imported: list[str] = []
    backup.import_registry(path, using=restored, progress=imported.append)
    lines = total + 2  # the header and the end record
    # Groups are read before anything else and not reported: the first row reported is the first non-group row.
    number, row = next((n, r) for n, r in enumerate(rows, start=2) if r["t"] != "auth.group")
    first_reported = next(line for line in imported if line.startswith("import: "))
    assert first_reported == f"import: {row['t']}, line {number} of {lines:,}"


def test_a_non_empty_database_is_refused(registry, restored, tmp_path):
    path = tmp_path / "registry.ndjson"
    call_command("export_registry", str(path), "--quiet")
    from django.contrib.auth import get_user_model

    get_user_model().objects.db_manager(restored).create_user("admin", password="x-long-password-3")
    with pytest.raises(CommandError, match=r"not empty \(auth.user has rows\)"):
        call_command("import_registry", str(path), database=restored)
    assert not Claim.objects.using(restored).exists()


def test_an_unmigrated_database_is_refused(registry, tmp_path):
    path = tmp_path / "registry.ndjson"
    call_command("export_registry", str(path), "--quiet")
    _attach({"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "empty.sqlite3")})
    try:
        with pytest.raises(backup.BackupError, match=r"run `manage\.py migrate` first"):
            backup.import_registry(path, using=ALIAS)
    finally:
        _detach()


def _exported(tmp_path: Path) -> list[str]:
    path = tmp_path / "good.ndjson"
    call_command("export_registry", str(path), "--quiet")
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _write(tmp_path: Path, lines: list[str], name: str = "bad.ndjson") -> Path:
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda ls: ls[:-1], r"ends after line \d+ without its end record: it is truncated"),
        (lambda ls: [*ls[:-2], ls[-2][:-10]], r"line \d+: the file ends in the middle of a line"),
        (lambda ls: [*ls[:5], "{not json\n", *ls[5:]], r"^line 6: not valid JSON"),
        (lambda ls: [*ls[:3], '{"t":"claims.nothing","pk":1,"f":{}}\n', *ls[3:]], r"^line 4: unknown table"),
        (lambda ls: [*ls[:-1], ls[-2], ls[-1]], r"the end record says \d+ rows; the file has \d+"),
        (lambda ls: [ls[0].replace('"format_version":1', '"format_version":9'), *ls[1:]], "format version 9"),
        (lambda ls: ['{"hello":1}\n', *ls[1:]], "not a registry export"),
        (lambda ls: [], "the file is empty"),
    ],
)
def test_a_damaged_file_is_refused_with_its_line_before_anything_is_written(
    registry, restored, tmp_path, damage, message
):
    path = _write(tmp_path, damage(_exported(tmp_path)))
    with pytest.raises(backup.BackupError, match=message):
        backup.import_registry(path, using=restored)
    assert not Claim.objects.using(restored).exists() and not RegistryImport.objects.using(restored).exists()


def test_a_truncated_gzip_file_is_refused(registry, restored, tmp_path):
    data = gzip.compress("".join(_exported(tmp_path)).encode("utf-8"))
    path = tmp_path / "cut.ndjson.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(backup.BackupError, match="compressed file is damaged or truncated"):
        backup.import_registry(path, using=restored)


def test_a_column_this_registry_does_not_have_is_refused(registry, restored, tmp_path):
    lines = _exported(tmp_path)
    at = next(i for i, line in enumerate(lines) if '"t":"claims.outlet"' in line)
    row = json.loads(lines[at])
    row["f"]["colour"] = "blue"
    lines[at] = json.dumps(row) + "\n"
    with pytest.raises(backup.BackupError, match=rf"line {at + 1}: claims.outlet has no column colour"):
        backup.import_registry(_write(tmp_path, lines), using=restored)


def test_a_file_from_a_newer_registry_is_refused(registry, restored, tmp_path):
    lines = _exported(tmp_path)
    header = json.loads(lines[0])
    header["migrations"]["claims"].append("0999_from_the_future")
    lines[0] = json.dumps(header) + "\n"
    with pytest.raises(backup.BackupError, match="newer version of the registry"):
        backup.import_registry(_write(tmp_path, lines), using=restored)


def test_the_command_reports_a_bad_file_with_its_line_and_exit_status(tmp_path):
    path = tmp_path / "bad.ndjson"
    path.write_text('{"format":"claim-registry-export","format_version":1}\n', encoding="utf-8")
    done = _manage("import_registry", str(path), env=_env(SQLITE_PATH=str(tmp_path / "none.sqlite3")))
    assert done.returncode == 1
    assert "line 1: the header is incomplete" in done.stderr and "Traceback" not in done.stderr


def test_check_only_reads_the_file(registry, tmp_path, capsys):
    path = tmp_path / "registry.ndjson.gz"
    call_command("export_registry", str(path), "--quiet")
    call_command("import_registry", str(path), "--check")
    assert "a complete export of" in capsys.readouterr().out


# --- PostgreSQL ---------------------------------------------------------------------------------------


@pytest.fixture
def restored_postgres():
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_restore"
    admin = dict(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"] or None
    )
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        done = _manage("migrate", "--no-input", "-v", "0", env=_env(DATABASE_URL=_database_url_for(name)))
        assert done.returncode == 0, done.stderr
        with psycopg.connect(dbname=name, autocommit=True, **admin) as conn:
            # The migrations made history append-only in the database: the import must only insert.
            triggers = {
                row[0]
                for row in conn.execute(
                    "SELECT tgname FROM pg_trigger WHERE tgname IN "
                    "('claims_review_append_only', 'claims_linkcheck_append_only')"
                )
            }
            assert triggers == {"claims_review_append_only", "claims_linkcheck_append_only"}
        yield _attach({**{k: v for k, v in db.items() if k != "TEST"}, "NAME": name})
    finally:
        _detach()
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@requires_postgres
def test_a_round_trip_on_postgresql_restores_every_row_and_the_id_sequences(registry, restored_postgres, tmp_path):
    path = tmp_path / "registry.ndjson.gz"
    call_command("export_registry", str(path), "--quiet")
    call_command("import_registry", str(path), "--quiet", database=restored_postgres)
    assert assert_same_rows("default", restored_postgres) > 50
    # Sequences continue after the imported ids: new rows do not collide with restored ones.
    newest = Claim.objects.order_by("-pk").first()
    copy = Claim.objects.using(restored_postgres).get(pk=newest.pk)
    copy.pk = None
    copy.save(using=restored_postgres)
    assert copy.pk > newest.pk
    user = type(registry["reviewer"]).objects.db_manager(restored_postgres).create_user("new", password="x-long-pw-4")
    assert user.pk > registry["editor"].pk


def test_counts_and_standard_output(registry, capsys):
    call_command("export_registry", "--counts")
    assert f"claims.review {Review.objects.count()}" in capsys.readouterr().out.splitlines()
    call_command("export_registry", "-", "--quiet")
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0])["format"] == "claim-registry-export" and json.loads(lines[-1])["end"] is True
    with pytest.raises(CommandError, match="give the FILE"):
        call_command("export_registry")
