from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_claim_match")]

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("xid", models.BigIntegerField(default=0)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("claim", "Claim"),
                            ("speaker", "Speaker"),
                            ("article", "Article"),
                            ("tombstone", "Tombstone"),
                        ],
                        max_length=16,
                    ),
                ),
                ("object_id", models.BigIntegerField()),
                (
                    "op",
                    models.CharField(
                        choices=[("upsert", "Created or changed"), ("delete", "Removed")], default="upsert", max_length=8
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["xid", "id"],
                "indexes": [models.Index(fields=["kind", "xid", "id"], name="change_feed_idx"),
                    models.Index(fields=["kind", "object_id", "xid", "id"], name="change_object_idx"),],
            },
        ),
        # Everything already in the registry enters the log first (xid 0: before any transaction), so a
        # mirror that starts over after the upgrade receives every existing object.
        migrations.RunSQL(
            [
                f"INSERT INTO claims_change (xid, kind, object_id, op, created_at) "
                f"SELECT 0, '{kind}', id, 'upsert', CURRENT_TIMESTAMP FROM {table} ORDER BY id"
                for kind, table in (
                    ("speaker", "claims_speaker"),
                    ("article", "claims_article"),
                    ("claim", "claims_claim"),
                    ("tombstone", "claims_tombstone"),
                )
            ],
            migrations.RunSQL.noop,
        ),
    ]
