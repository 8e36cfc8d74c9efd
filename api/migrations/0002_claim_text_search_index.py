"""A GIN index for the API's full-text search on claims (PostgreSQL only; SQLite uses a plain scan).

The indexed expression is exactly what api.selectors.claim_search generates, so the planner uses it.
It lives in the api app because only the API searches this way.
"""

from django.db import migrations

INDEX = "api_claim_text_search"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON claims_claim "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_api_keys"),
        ("claims", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
