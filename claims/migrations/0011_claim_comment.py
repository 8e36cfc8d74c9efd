# A discussion thread per claim. Comments are append-only history like reviews: on PostgreSQL the trigger
# function of migration 0005 (which refuses every UPDATE and DELETE on the tables it guards) guards them too.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FORWARD = """
CREATE TRIGGER claims_claimcomment_append_only
    BEFORE UPDATE OR DELETE ON claims_claimcomment
    FOR EACH ROW EXECUTE FUNCTION registry_history_append_only();
"""
BACKWARD = "DROP TRIGGER IF EXISTS claims_claimcomment_append_only ON claims_claimcomment;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_change_log"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimComment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "text",
                    models.TextField(help_text="At most claims.services.comments.COMMENT_MAX_LENGTH characters."),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="comments", to="claims.claim"
                    ),
                ),
            ],
            options={
                "ordering": ["created_at", "id"],
                "indexes": [models.Index(fields=["claim", "created_at"], name="claimcomment_claim_idx")],
            },
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
