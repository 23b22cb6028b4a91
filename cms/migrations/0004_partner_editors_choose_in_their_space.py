"""Partner editors choose images and documents in their own partner's
collection only.

0003 let the role choose from the root collection, the whole library,
before partners had spaces.  Each partner's space now grants its editors
what they need in its own collection (``mediation.spaces``); keeping the
root right would show every partner's files, those behind another
partner's drafts included.
"""

from django.db import migrations

CHOOSE = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]


def _root_rights(apps):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    group = Group.objects.filter(name="Partner editor").first()
    root = Collection.objects.filter(depth=1).first()
    return group, root, GroupCollectionPermission


def withdraw(apps, schema_editor):
    group, root, GroupCollectionPermission = _root_rights(apps)
    if group is None or root is None:
        return
    for app_label, codename in CHOOSE:
        GroupCollectionPermission.objects.filter(
            group=group,
            collection=root,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()


def restore(apps, schema_editor):
    from cms.roles import grant_collection_permissions

    group, root, _model = _root_rights(apps)
    if group is None or root is None:
        return
    grant_collection_permissions(
        apps, group, [f"{app_label}.{codename}" for app_label, codename in CHOOSE]
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_roles")]

    operations = [migrations.RunPython(withdraw, restore)]
