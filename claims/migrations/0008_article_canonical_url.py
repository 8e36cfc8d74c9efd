# Article URLs get a canonical form and an identity key (claims.canonical_url); the URL as submitted is
# kept in original_url. Existing articles are converted; when several existing articles turn out to be
# the same URL (http and https, a utm_ parameter...), the oldest gets the key and the others keep theirs
# unset (they stay as they were, but no new submission is matched to them).

from django.db import migrations, models


def canonicalise(apps, schema_editor):
    from claims.canonical_url import canonical_url, url_key

    Article = apps.get_model("claims", "Article")
    seen = set()
    for article in Article.objects.exclude(url__isnull=True).exclude(url="").order_by("id").iterator():
        key = url_key(article.url)
        article.original_url = article.url
        article.url = canonical_url(article.url)
        article.url_key = None if key in seen else key
        seen.add(key)
        article.save(update_fields=["original_url", "url", "url_key"])


def restore(apps, schema_editor):
    Article = apps.get_model("claims", "Article")
    for article in Article.objects.exclude(original_url="").iterator():
        article.url = article.original_url
        article.save(update_fields=["url"])


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0007_registry_import'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='original_url',
            field=models.URLField(blank=True, default='', max_length=2000),
        ),
        migrations.AddField(
            model_name='article',
            name='url_key',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name='article',
            name='url',
            field=models.URLField(blank=True, max_length=2000, null=True),
        ),
        migrations.RunPython(canonicalise, restore),
    ]
