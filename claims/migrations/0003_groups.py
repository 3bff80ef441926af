"""The newsroom's two roles as groups; what each may do in detail lives in claims/workflow.py."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_article", "add_article", "view_claim", "change_claim", "view_quantity",
    "view_checkresult", "view_source", "add_source", "change_source", "delete_source",
    "view_verdict", "add_verdict", "change_verdict",
]
REVIEWER_PERMISSIONS = [*EDITOR_PERMISSIONS, "change_article"]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after migrations; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Reviewers", REVIEWER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_span_inside_text"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
