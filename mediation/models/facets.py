"""The catalogue's facets as rows: one per live resource, facet and value.

Audiences, accessibility features and languages are lists; filtering and
counting them inside JSON columns differs between SQLite and PostgreSQL.
Rows written when a resource is published (and removed when it is
unpublished or deleted) make every facet one indexed lookup and every
count one ``GROUP BY``, whatever the database and the number of resources.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceFacet(models.Model):
    page = models.ForeignKey(
        "mediation.MediationResourcePage",
        on_delete=models.CASCADE,
        related_name="facets",
    )
    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("value"), max_length=100)

    class Meta:
        verbose_name = _("resource facet")
        verbose_name_plural = _("resource facets")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "facet", "value"], name="unique_resource_facet"
            )
        ]
        indexes = [models.Index(fields=["facet", "value"])]
