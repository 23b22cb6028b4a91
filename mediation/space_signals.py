"""Keeps each partner's rights in step with its pages.

A partner's index page, new or a new translation (wagtail-localize makes
translations by copying the page, which saves it), gets the partner's
page permissions and workflow at once: nobody has to remember to grant
them.  A partner record, saved in any language, has its space.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from mediation.models import PartnerIndexPage, PartnerInstitution
from mediation.spaces import ensure_space


@receiver(post_save, sender=PartnerIndexPage)
def index_page_saved(sender, instance, created, raw=False, update_fields=None, **kw):
    if raw:
        return
    # Saving a revision or a publication date touches other columns only;
    # who owns the page can change only through a full save or its partner.
    if not created and update_fields is not None and "partner" not in update_fields:
        return
    ensure_space(instance.partner)


@receiver(post_save, sender=PartnerInstitution)
def partner_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        ensure_space(instance)
