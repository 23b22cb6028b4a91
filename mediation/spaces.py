"""Each partner's publishing space, made and kept in step with its pages.

Wagtail grants rights to groups, on pages and on collections.  A partner's
editors get them on the partner's own index pages (one per language) and
its own collection, so whatever they create lands in their space and they
never see another partner's drafts; publishing goes through the partner's
moderation workflow, where the partner's moderators or a network
coordinator approve.  ``ensure_space`` can run any number of times: it
only adds what is missing, and the records are always found through
``PartnerSpace``, never by their names, which people may change.
"""

import functools
import operator

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, models, transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from mediation.models import (
    MediationResourcePage,
    PartnerIndexPage,
    PartnerInstitution,
    PartnerSpace,
)

# The network's roles (``cms.roles``, which this room may not import):
# stable group names used as identifiers in code and data migrations.
PARTNER_EDITOR = "Partner editor"
NETWORK_COORDINATOR = "Network coordinator"

ADMIN_PERMISSIONS = ["wagtailadmin.access_admin"]
# What a partner's people do with files in their own collection.  Never the
# H5P library install: that is code running in learners' browsers.
COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "media.add_h5ppackage",
    "media.change_h5ppackage",
    "media.choose_h5ppackage",
]
# Editors write and submit; publishing is the moderators' (or the workflow's).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    *EDITOR_PAGE_PERMISSIONS,
    "publish_page",
    "lock_page",
    "unlock_page",
]
GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length


@transaction.atomic
def ensure_space(partner: PartnerInstitution) -> PartnerSpace:
    """The partner's space, created if needed, with every right in place on
    every index page the partner has, in every language."""
    key = partner.translation_key
    space = _space_for(key) or _create_space(key, _source_name(partner))
    ids = _permissions()
    _grant_model_permissions(space, ids)
    _grant_collection_permissions(space, ids)
    pages = list(
        PartnerIndexPage.objects.filter(partner__translation_key=key).values_list(
            "pk", flat=True
        )
    )
    _grant_page_permissions(space, pages, ids)
    _release_other_partners_pages(space, key, pages)
    _ensure_workflow(space)
    _assign_workflow(space, pages)
    return space


def add_editor(user, partner: PartnerInstitution) -> PartnerSpace:
    """Make ``user`` an editor of the partner: the global role (the admin,
    the choosers) and the partner's own editors group."""
    space = ensure_space(partner)
    role = Group.objects.get_or_create(name=PARTNER_EDITOR)[0]
    user.groups.add(role, space.editors)
    return space


def add_moderator(user, partner: PartnerInstitution) -> PartnerSpace:
    """Make ``user`` a moderator of the partner: an editor who may also
    approve and publish the partner's pages."""
    space = add_editor(user, partner)
    user.groups.add(space.moderators)
    return space


def space_of(partner: PartnerInstitution) -> PartnerSpace | None:
    return _space_for(partner.translation_key)


def drafts_hidden_from(user):
    """Never-published resources outside every page ``user`` has rights on.

    Wagtail's page chooser lists every page, drafts included, whoever asks:
    without this, a partner's editor would read the titles of another
    partner's work in progress while linking a page.
    """
    drafts = MediationResourcePage.objects.filter(live=False)
    if user.is_superuser:
        return drafts.none()
    roots = set(
        GroupPagePermission.objects.filter(group__user=user).values_list(
            "page__path", flat=True
        )
    )
    if roots:
        drafts = drafts.exclude(
            functools.reduce(
                operator.or_, (models.Q(path__startswith=path) for path in roots)
            )
        )
    return drafts


def hide_other_partners_drafts(pages, request):
    """``construct_page_chooser_queryset`` hook: see ``drafts_hidden_from``."""
    return pages.exclude(pk__in=drafts_hidden_from(request.user).values("pk"))


def _space_for(key) -> PartnerSpace | None:
    return (
        PartnerSpace.objects.select_related(
            "collection", "editors", "moderators", "workflow"
        )
        .filter(partner_key=key)
        .first()
    )


def _source_name(partner: PartnerInstitution) -> str:
    """The partner's name in the site's default language when it has one, so
    that saving a translation whose name was overridden renames nothing."""
    names = dict(
        PartnerInstitution.objects.filter(
            translation_key=partner.translation_key
        ).values_list("locale__language_code", "name")
    )
    return names.get(settings.LANGUAGE_CODE) or partner.name


def _create_space(key, name: str) -> PartnerSpace:
    try:
        with transaction.atomic():
            # Wagtail's migration makes the root; a flushed database has none.
            root = Collection.get_first_root_node() or Collection.add_root(name="Root")
            collection = root.add_child(name=name)
            return PartnerSpace.objects.create(
                partner_key=key,
                collection=collection,
                editors=Group.objects.create(name=_free_group_name(name, "editors")),
                moderators=Group.objects.create(
                    name=_free_group_name(name, "moderators")
                ),
            )
    except IntegrityError:
        # Another request made the same partner's space at the same time.
        return PartnerSpace.objects.get(partner_key=key)


def _free_group_name(name: str, role: str) -> str:
    """``<partner> — editors``, made unique: group names are, and two
    partners (or a group somebody made by hand) may share one."""
    suffix = f" — {role}"
    base = name[: GROUP_NAME_LENGTH - len(suffix) - 6].rstrip() + suffix
    candidate, n = base, 1
    while Group.objects.filter(name=candidate).exists():
        n += 1
        candidate = f"{base} ({n})"
    return candidate


def _permissions() -> dict[str, int]:
    """Every permission a space hands out, by ``app_label.codename``, at once."""
    names = [
        *ADMIN_PERMISSIONS,
        *COLLECTION_PERMISSIONS,
        *(f"wagtailcore.{codename}" for codename in MODERATOR_PAGE_PERMISSIONS),
    ]
    wanted = models.Q()
    for dotted in names:
        app_label, codename = dotted.split(".", 1)
        wanted |= models.Q(content_type__app_label=app_label, codename=codename)
    found = Permission.objects.filter(wanted).values_list(
        "content_type__app_label", "codename", "pk"
    )
    ids = {f"{app_label}.{codename}": pk for app_label, codename, pk in found}
    if missing := set(names) - set(ids):
        # Only before an app's first migration; better loud than half done.
        raise LookupError(f"Missing permissions: {', '.join(sorted(missing))}")
    return ids


def _grant_model_permissions(space: PartnerSpace, ids: dict[str, int]) -> None:
    admin = [ids[name] for name in ADMIN_PERMISSIONS]
    # Group.permissions.add skips rows that exist.
    space.editors.permissions.add(*admin)
    space.moderators.permissions.add(*admin)


def _grant_collection_permissions(space: PartnerSpace, ids: dict[str, int]) -> None:
    groups = [space.editors_id, space.moderators_id]
    have = set(
        GroupCollectionPermission.objects.filter(
            group_id__in=groups, collection_id=space.collection_id
        ).values_list("group_id", "permission_id")
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(
            group_id=group,
            collection_id=space.collection_id,
            permission_id=ids[name],
        )
        for group in groups
        for name in COLLECTION_PERMISSIONS
        if (group, ids[name]) not in have
    )


def _grant_page_permissions(
    space: PartnerSpace, pages: list[int], ids: dict[str, int]
) -> None:
    if not pages:
        return
    wanted = {
        (group, page, ids[f"wagtailcore.{codename}"])
        for group, codenames in (
            (space.editors_id, EDITOR_PAGE_PERMISSIONS),
            (space.moderators_id, MODERATOR_PAGE_PERMISSIONS),
        )
        for codename in codenames
        for page in pages
    }
    have = set(
        GroupPagePermission.objects.filter(
            group_id__in=[space.editors_id, space.moderators_id], page_id__in=pages
        ).values_list("group_id", "page_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group_id=group, page_id=page, permission_id=permission)
        for group, page, permission in sorted(wanted - have)
    )


def _release_other_partners_pages(space: PartnerSpace, key, pages: list[int]) -> None:
    """An index page that changed hands leaves its former partner's groups."""
    mine = [space.editors_id, space.moderators_id]
    GroupPagePermission.objects.filter(
        group_id__in=mine,
        page_id__in=PartnerIndexPage.objects.exclude(
            partner__translation_key=key
        ).values("pk"),
    ).delete()
    if pages:
        others = PartnerSpace.objects.exclude(pk=space.pk)
        GroupPagePermission.objects.filter(
            models.Q(group_id__in=others.values("editors_id"))
            | models.Q(group_id__in=others.values("moderators_id")),
            page_id__in=pages,
        ).delete()


def _ensure_workflow(space: PartnerSpace) -> None:
    """One approval step, by the partner's moderators or a coordinator."""
    coordinators = Group.objects.get_or_create(name=NETWORK_COORDINATOR)[0]
    if space.workflow is None:
        name = space.collection.name
        workflow = Workflow.objects.create(name=f"Moderation — {name}"[:255])
        task = GroupApprovalTask.objects.create(name=f"Approval — {name}"[:255])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        space.workflow = workflow
        space.save(update_fields=["workflow"])
    else:
        task = (
            GroupApprovalTask.objects.filter(workflow_tasks__workflow=space.workflow)
            .order_by("workflow_tasks__sort_order")
            .first()
        )
        if task is None:
            # Someone emptied the workflow: it gets its approval step back.
            task = GroupApprovalTask.objects.create(
                name=f"Approval — {space.collection.name}"[:255]
            )
            WorkflowTask.objects.create(
                workflow=space.workflow, task=task, sort_order=0
            )
    task.groups.add(space.moderators, coordinators)


def _assign_workflow(space: PartnerSpace, pages: list[int]) -> None:
    """The partner's workflow governs its index pages and all below them.

    A workflow an administrator chose for one of these pages is kept,
    unless it is another partner's (the page changed hands).
    """
    if not pages:
        return
    other_spaces = PartnerSpace.objects.exclude(pk=space.pk).exclude(
        workflow__isnull=True
    )
    WorkflowPage.objects.filter(
        page_id__in=pages,
        workflow_id__in=other_spaces.values("workflow_id"),
    ).delete()
    have = set(
        WorkflowPage.objects.filter(page_id__in=pages).values_list("page_id", flat=True)
    )
    WorkflowPage.objects.bulk_create(
        WorkflowPage(page_id=page, workflow_id=space.workflow_id)
        for page in pages
        if page not in have
    )
