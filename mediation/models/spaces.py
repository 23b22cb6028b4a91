"""A partner's publishing space: who may do what, and where.

Wagtail grants rights on pages and collections to groups.  Each partner
gets its own: an editors group (create, edit and submit under its index
page; add and choose images, documents and H5P packages in its
collection), a moderators group (approve and publish there), its own
collection and a moderation workflow whose approval task the partner's
moderators and the network coordinators may act on.  This record ties them
to the partner, so renaming a partner or its groups breaks nothing.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerSpace(models.Model):
    #: Partners are translatable snippets: every translation shares this key.
    partner_key = models.UUIDField(_("partner"), unique=True, editable=False)
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="partner_space",
    )
    editors = models.OneToOneField(
        Group,
        verbose_name=_("editors group"),
        on_delete=models.PROTECT,
        related_name="partner_space_as_editors",
    )
    moderators = models.OneToOneField(
        Group,
        verbose_name=_("moderators group"),
        on_delete=models.PROTECT,
        related_name="partner_space_as_moderators",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("moderation workflow"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_space",
    )

    class Meta:
        verbose_name = _("partner space")
        verbose_name_plural = _("partner spaces")

    def __str__(self):
        return self.collection.name
