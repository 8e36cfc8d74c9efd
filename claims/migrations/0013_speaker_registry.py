"""The speaker registry: aliases, Wikidata ids, descriptions and the record of merges.

The backfill computes the loose match and surname keys of the speakers already stored with the normaliser of
claims.speaker_names (a pure function of the name, without Django), as Speaker.save does for new ones.
"""

import claims.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def backfill_match_keys(apps, schema_editor):
    from claims.speaker_names import match_key, surname_key

    Speaker = apps.get_model("claims", "Speaker")
    batch = []
    for speaker in Speaker.objects.only("pk", "name").iterator(chunk_size=2000):
        speaker.match_key = match_key(speaker.name)[:300]
        speaker.surname_key = surname_key(speaker.name)[:300]
        batch.append(speaker)
        if len(batch) >= 2000:
            Speaker.objects.bulk_update(batch, ["match_key", "surname_key"])
            batch = []
    Speaker.objects.bulk_update(batch, ["match_key", "surname_key"])


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0012_claim_desk_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='speaker',
            name='description',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='speaker',
            name='match_key',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name='speaker',
            name='surname_key',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name='speaker',
            name='wikidata_id',
            field=models.CharField(blank=True, help_text="Wikidata item id, e.g. Q42: the speaker's sameAs in ClaimReview.", max_length=20, validators=[claims.validators.validate_wikidata_id]),
        ),
        migrations.AlterField(
            model_name='speaker',
            name='name',
            field=models.CharField(help_text='The canonical name.', max_length=300),
        ),
        migrations.AlterField(
            model_name='tombstone',
            name='kind',
            field=models.CharField(choices=[('article', 'Article'), ('claim', 'Claim'), ('speaker', 'Speaker')], max_length=16),
        ),
        migrations.CreateModel(
            name='SpeakerAlias',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=300)),
                ('key', models.CharField(max_length=300, unique=True)),
                ('match_key', models.CharField(blank=True, db_index=True, max_length=300)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('speaker', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aliases', to='claims.speaker')),
            ],
            options={
                'verbose_name_plural': 'speaker aliases',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='SpeakerMerge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_id', models.BigIntegerField(db_index=True)),
                ('from_name', models.CharField(max_length=300)),
                ('into_id', models.BigIntegerField(db_index=True)),
                ('merged_at', models.DateTimeField(auto_now_add=True)),
                ('claims_moved', models.PositiveIntegerField(default=0)),
                ('merged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['merged_at', 'id'],
            },
        ),
        migrations.RunPython(backfill_match_keys, migrations.RunPython.noop),
    ]
