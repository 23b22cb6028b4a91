"""The four roles of the network, as Django groups.

A role is a group so that Wagtail's own permission screens can show and edit
what it may do.  The names are stable identifiers used in code and data
migrations; people see the translated labels below.
"""

from django.utils.translation import gettext_lazy as _

LEARNER = "Learner"
TRAINER = "Trainer"
PARTNER_EDITOR = "Partner editor"
NETWORK_COORDINATOR = "Network coordinator"
PARTNER_COORDINATOR = "Partner coordinator"

ROLES = [LEARNER, TRAINER, PARTNER_EDITOR, NETWORK_COORDINATOR, PARTNER_COORDINATOR]

ROLE_LABELS = {
    LEARNER: _("Learner"),
    TRAINER: _("Trainer"),
    PARTNER_EDITOR: _("Partner editor"),
    NETWORK_COORDINATOR: _("Network coordinator"),
    PARTNER_COORDINATOR: _("Partner coordinator"),
}


def _permission(apps, dotted):
    """The historical Permission row for ``app_label.codename``."""
    app_label, codename = dotted.split(".", 1)
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def grant_permissions(apps, group_name, codenames):
    """Give a group the permissions named ``app_label.codename``.

    Written against the historical ``apps`` registry so that data
    migrations can call it; the permission list itself stays frozen in each
    migration, because what a role may do at migration N must not change when
    the code moves on.
    """
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=group_name)
    for dotted in codenames:
        group.permissions.add(_permission(apps, dotted))
    return group


def ensure_permissions_exist(apps):
    """Create the permission rows a data migration is about to hand out.

    Django creates permissions after the last migration of a run, so on a
    fresh database they do not exist yet when a data migration assigns them.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_collection_permissions(apps, group, codenames):
    """Give a group image/document permissions on the root collection.

    Wagtail checks image and document rights per collection, not through
    ``group.permissions``; the root collection covers the whole library.
    """
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = Collection.objects.get(depth=1)
    for dotted in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(apps, dotted)
        )


def grant_page_permissions(apps, group, codenames):
    """Give a group page permissions on the tree's root (every site, every language)."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.get(depth=1)
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=_permission(apps, f"wagtailcore.{codename}"),
        )
