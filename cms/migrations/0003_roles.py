"""Create the four roles of the network as groups, with what each may do.

The lists are frozen here on purpose: a later change to a role is a new
migration, so that replaying history always gives the same groups.
Learners work on the site only.  Trainers, partner editors and coordinators
use the Wagtail admin; course and partner page rights are added by the
migrations that create those sections.
"""

from django.db import migrations

from cms.roles import (
    ensure_permissions_exist,
    grant_collection_permissions,
    grant_page_permissions,
    grant_permissions,
)

ADMIN = ["wagtailadmin.access_admin"]
TRANSLATE = ["wagtail_localize.submit_translation"]
CHOOSE_MEDIA = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]
EDIT_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
]


def create_roles(apps, schema_editor):
    ensure_permissions_exist(apps)

    grant_permissions(apps, "Learner", [])

    trainer = grant_permissions(apps, "Trainer", ADMIN + TRANSLATE)
    grant_collection_permissions(apps, trainer, CHOOSE_MEDIA + EDIT_MEDIA)

    editor = grant_permissions(apps, "Partner editor", ADMIN)
    grant_collection_permissions(apps, editor, CHOOSE_MEDIA)

    coordinator = grant_permissions(
        apps,
        "Network coordinator",
        ADMIN
        + TRANSLATE
        + [
            "mediation.add_partnerinstitution",
            "mediation.change_partnerinstitution",
            "mediation.view_partnerinstitution",
        ],
    )
    grant_collection_permissions(
        apps,
        coordinator,
        CHOOSE_MEDIA
        + EDIT_MEDIA
        + ["wagtailimages.delete_image", "wagtaildocs.delete_document"],
    )
    grant_page_permissions(
        apps,
        coordinator,
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    )


def delete_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=["Learner", "Trainer", "Partner editor", "Network coordinator"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages"),
        ("mediation", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
