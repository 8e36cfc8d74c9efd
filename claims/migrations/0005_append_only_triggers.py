"""History is append-only in the database too: PostgreSQL triggers refuse UPDATE and DELETE on reviews and
link checks, whatever the client (the ORM's guards on Review stop only code that goes through the ORM).

Reviews: never updated, never deleted (Review.claim is PROTECT, so no cascade reaches them).
Link checks: never updated; deleted only together with their source link, by the one service that removes
a source (claims.services.review.source_remove), which opens the guard for its own transaction with
claims.history.allow_link_check_delete(). TRUNCATE (test teardown, a restore into an empty database) does
not fire these row triggers. SQLite: nothing (the ORM guards remain).
"""

from django.db import migrations

GUARD_SETTING = "registry.allow_link_check_delete"

FORWARD = f"""
CREATE OR REPLACE FUNCTION registry_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'claims_linkcheck'
       AND current_setting('{GUARD_SETTING}', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Rows of % are append-only history: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Record a new row instead (see docs/reviewing.md, "History").';
END;
$$;

CREATE TRIGGER claims_review_append_only
    BEFORE UPDATE OR DELETE ON claims_review
    FOR EACH ROW EXECUTE FUNCTION registry_history_append_only();

CREATE TRIGGER claims_linkcheck_append_only
    BEFORE UPDATE OR DELETE ON claims_linkcheck
    FOR EACH ROW EXECUTE FUNCTION registry_history_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS claims_linkcheck_append_only ON claims_linkcheck;
DROP TRIGGER IF EXISTS claims_review_append_only ON claims_review;
DROP FUNCTION IF EXISTS registry_history_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_article_body_hash_unique"),
    ]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
