"""Create the Reviewers and Editors groups with their model permissions.

The permission lists are frozen here (migrations must not import app code that changes later);
claims.permissions holds the live copy and a test checks the two agree. Re-running is harmless:
groups are fetched or created and permissions only added.
"""
from django.db import migrations

REVIEWER_PERMISSIONS = (
    ("claims", "article", "view"),
    ("claims", "article", "add"),
    ("claims", "claim", "view"),
    ("claims", "claim", "change"),
    ("claims", "claimdate", "view"),
    ("claims", "claimplace", "view"),
    ("claims", "sourcelink", "view"),
    ("claims", "sourcelink", "add"),
    ("claims", "sourcelink", "change"),
    ("claims", "sourcelink", "delete"),
    ("claims", "review", "view"),
    ("claims", "speaker", "view"),
    ("claims", "outlet", "view"),
    ("claims", "linkcheck", "view"),
)
EDITOR_PERMISSIONS = (
    *REVIEWER_PERMISSIONS,
    ("claims", "article", "change"),
    ("claims", "outlet", "add"),
    ("claims", "outlet", "change"),
    ("claims", "speaker", "add"),
    ("claims", "speaker", "change"),
)
GROUPS = {"Reviewers": REVIEWER_PERMISSIONS, "Editors": EDITOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran (post_migrate); on a fresh database
    # they do not exist yet, so create them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, action in wanted:
            permission = Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=f"{action}_{model}"
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
