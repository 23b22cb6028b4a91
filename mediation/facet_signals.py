"""Keeps the catalogue's facet rows in step with publication.

Rows exist for live resources only: publishing writes them from the
version published, unpublishing (by hand or at expiry) and deleting remove
them.  A page created already live (imports, the demo seed, fixtures) gets
its rows at creation, since no publication follows; a moved page is
written again, and a partner's new country reaches its resources.  Whether
a visitor may see a live resource (view restrictions) is checked when the
catalogue is read, not here.  ``manage.py rebuild_resource_facets`` writes
every row again.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, post_page_move

from mediation import facets
from mediation.models import (
    MediationResourcePage,
    PartnerIndexPage,
    PartnerInstitution,
)


@receiver(page_published, sender=MediationResourcePage)
def resource_published(sender, instance, **kwargs):
    facets.write_facets(instance)
    # The search index is updated when the page row is saved, before its
    # themes (tags) are: once they are, index again, or a theme just added
    # is found only after the next publication (at once with the immediate
    # task backend of development and tests; a worker in production).
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


@receiver(post_save, sender=MediationResourcePage)
def resource_created(sender, instance, created, raw=False, **kwargs):
    # Drafts and revisions save the page too; only a page born live counts.
    if created and instance.live and not raw:
        facets.write_facets(instance)


@receiver(page_unpublished, sender=MediationResourcePage)
def resource_unpublished(sender, instance, **kwargs):
    facets.clear_facets(instance.pk)


@receiver(post_delete, sender=MediationResourcePage)
def resource_deleted(sender, instance, **kwargs):
    facets.clear_facets(instance.pk)


@receiver(post_page_move)
def resource_moved(sender, instance, **kwargs):
    """Wagtail moves the plain ``Page`` row, so the resource's own ``save``
    never runs: it takes its new space's partner here, then its facets
    follow (in this order, so they name the new partner)."""
    if sender is not MediationResourcePage:
        return
    resource = MediationResourcePage.objects.get(pk=instance.pk)
    parent = resource.get_parent().specific
    if (
        isinstance(parent, PartnerIndexPage)
        and parent.partner_id != resource.partner_id
    ):
        MediationResourcePage.objects.filter(pk=resource.pk).update(
            partner_id=parent.partner_id
        )
        resource.partner_id = parent.partner_id
    if resource.live:
        facets.write_facets(resource)


@receiver(post_save, sender=PartnerInstitution)
def partner_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        facets.refresh_partner(instance)


@receiver(post_save, sender=PartnerIndexPage)
def space_changed_hands(sender, instance, created, raw=False, **kwargs):
    """A partner page given to another partner (coordinators only) takes
    its resources along: they name the new partner, and so do their facets."""
    if created or raw:
        return
    moved = MediationResourcePage.objects.child_of(instance).exclude(
        partner_id=instance.partner_id
    )
    pages = list(moved)
    if not pages:
        return
    MediationResourcePage.objects.filter(pk__in=[p.pk for p in pages]).update(
        partner_id=instance.partner_id
    )
    for page in pages:
        page.partner_id = instance.partner_id
        if page.live:
            facets.write_facets(page)
