from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PartnerInstitution(TranslatableMixin, index.Indexed, models.Model):
    """A member organisation of the network: museum, academy, public body...

    Each partner exists once per language (Wagtail's translatable snippets):
    its name, kind, place and logo are kept in sync by wagtail-localize, only
    the presentation is translated.  Courses, resources and statistics point
    to partners; the partner's publishing rights are added with its index page.
    """

    class Kind(models.TextChoices):
        MUSEUM = "museum", _("Museum")
        ACADEMY = "academy", _("Academy or school")
        PUBLIC_BODY = "public_body", _("Public body")
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "Used in web addresses, e.g. musee-cantini. Same in every language."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    is_coordinator = models.BooleanField(
        _("coordinates the network"),
        default=False,
        help_text=_("The lead partner of the Erasmus+ project."),
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city or region"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    presentation = models.TextField(
        _("presentation"),
        blank=True,
        help_text=_("Two or three sentences about the institution, for visitors."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("is_coordinator"),
            ],
            heading=_("Institution"),
        ),
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("city"), FieldPanel("website")],
            heading=_("Where"),
        ),
        FieldPanel("logo"),
        FieldPanel("presentation"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]

    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("is_coordinator"),
        SynchronizedField("country"),
        SynchronizedField("city"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("presentation"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.SearchField("presentation"),
        index.FilterField("locale"),
        index.FilterField("country"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_partner_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name
