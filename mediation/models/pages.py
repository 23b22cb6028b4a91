"""The partner-museum area: partners → each partner's index → its resources.

``/<lang>/partners/`` lists the network's institutions; each institution's
index page (``/<lang>/partners/<slug>/``) is the root of its mediation
resources and the place its editors' page permissions are granted on, so
the tree itself says who may publish what.  The catalogue page searches
every partner's published resources with facets.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mediation import vocabulary as vocab
from mediation.fields import ChoiceListField
from mediation.forms import MediaItemsPanel

RESOURCES_PER_PAGE = 12


class PartnerListPage(Page):
    """The network's institutions, one page per language (``/partners/``)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["mediation.PartnerIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner list")
        verbose_name_plural = _("partner lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_pages"] = (
            PartnerIndexPage.objects.child_of(self)
            .live()
            .public()
            .select_related("partner", "partner__logo")
            .order_by("title")
        )
        return context


class ResourceCatalogPage(Page):
    """Every partner's published resources, searchable and filtered by facets
    (partner, country, type, audience, accessibility feature, language,
    licence), one page per language.  Public: Erasmus+ results are open."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource catalogue")
        verbose_name_plural = _("resource catalogues")

    def get_context(self, request, *args, **kwargs):  # issue 7: the catalogue
        from mediation.catalogue import catalogue_context  # it imports the models

        return super().get_context(request, *args, **kwargs) | catalogue_context(
            self, request
        )


class PartnerIndexPage(Page):
    """One institution's space: its presentation and its published resources.

    The page is where the institution's editor group gets its page
    permissions (``mediation.spaces``): whatever is created below belongs to
    this partner, whoever creates it.
    """

    partner = models.ForeignKey(
        "mediation.PartnerInstitution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="index_pages",
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "Shown above the resources; the partner's presentation is shown too."
        ),
    )

    content_panels = [
        *Page.content_panels,
        # Whose space this is: the partner's own editors edit the page, so
        # only who manages partners may hand it to another one.
        FieldPanel("partner", permission="mediation.change_partnerinstitution"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["mediation.PartnerListPage"]
    subpage_types = ["mediation.MediationResourcePage"]

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    @cached_property
    def local_partner(self):
        """The partner record in this page's language, when translated."""
        return self.partner.get_translation_or_none(self.locale) or self.partner

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = (
            MediationResourcePage.objects.child_of(self)
            .live()
            .public()
            .select_related("partner")
            .order_by("-first_published_at", "pk")
        )
        page = Paginator(resources, RESOURCES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["partner"] = self.local_partner
        context["resources"] = page
        return context


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "mediation.MediationResourcePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class ResourceContributor(Orderable):
    """A person or studio credited for the resource, with their role."""

    page = ParentalKey(
        "mediation.MediationResourcePage",
        on_delete=models.CASCADE,
        related_name="contributors",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=30, choices=vocab.CONTRIBUTOR_ROLES, default="creator"
    )

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


def validate_rights(value):
    if value not in vocab.RIGHTS:
        raise ValidationError(
            _("%(value)s is not one of the rights statements Europeana accepts."),
            code="invalid_rights",
            params={"value": value},
        )


class MediationResourcePage(Page):
    """A digital mediation resource: what it is, for whom, how accessible.

    The description follows what the museum world exchanges (Europeana's
    EDM: type, provider, rights as a URI) and what assistive technologies
    read (schema.org's accessibility properties), so the same record feeds
    the page, the catalogue's facets, a JSON-LD description and a IIIF
    manifest.  Its files are the ordered media items below it.
    """

    summary = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences: what a visitor does with it."),
    )
    resource_type = models.CharField(
        _("resource type"), max_length=30, choices=vocab.RESOURCE_TYPES
    )
    themes = ClusterTaggableManager(
        through=ResourceTag,
        blank=True,
        verbose_name=_("themes"),
        help_text=_("Subjects and themes, e.g. portrait, Mediterranean, weaving."),
    )
    related_works = models.TextField(
        _("related artworks or places"),
        blank=True,
        help_text=_(
            "One per line, e.g. “André Masson, Antibes, 1932 – Musée Cantini”."
        ),
    )
    period = models.CharField(
        _("period"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 20th century, 1920–1940."),
    )
    partner = models.ForeignKey(
        "mediation.PartnerInstitution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="resources",
        editable=False,
        help_text=_("Set from the partner page the resource is published under."),
    )

    # Rights
    rights = models.CharField(
        _("rights statement"),
        max_length=100,
        choices=vocab.RIGHTS_CHOICES,
        validators=[validate_rights],
        default="http://creativecommons.org/licenses/by-sa/4.0/",
        help_text=_("One of the statements Europeana accepts, stored as its URI."),
    )
    credit_line = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_("As it must be shown, e.g. “© Musée Cantini, photo J. Dupont”."),
    )
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)

    # Audiences
    audiences = ChoiceListField(_("audiences"), choices_list=vocab.AUDIENCES)
    disabilities = ChoiceListField(
        _("disabilities addressed"),
        choices_list=vocab.DISABILITIES,
        help_text=_("When the resource is designed for people with disabilities."),
    )
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    use_context = models.CharField(
        _("where it is used"),
        max_length=10,
        choices=vocab.USE_CONTEXTS,
        default="both",
    )

    # Accessibility (schema.org)
    access_modes = ChoiceListField(
        _("access modes"),
        choices_list=vocab.ACCESS_MODES,
        help_text=_("The senses the resource's content is perceived with."),
    )
    access_modes_sufficient = ChoiceListField(
        _("sufficient access modes"),
        choices_list=vocab.ACCESS_MODES_SUFFICIENT,
        help_text=_("Each combination that is enough on its own to use the resource."),
    )
    accessibility_features = ChoiceListField(
        _("accessibility features"), choices_list=vocab.ACCESSIBILITY_FEATURES
    )
    accessibility_hazards = ChoiceListField(
        _("accessibility hazards"),
        choices_list=vocab.ACCESSIBILITY_HAZARDS,
        help_text=_(
            "Flashing or motion simulation shows a warning before the viewer starts."
        ),
    )
    accessibility_controls = ChoiceListField(
        _("usable with"), choices_list=vocab.ACCESSIBILITY_CONTROLS
    )
    accessibility_summary = models.TextField(
        _("accessibility summary"),
        blank=True,
        help_text=_("In plain words: what is accessible, and what is not yet."),
    )
    easy_to_read = models.TextField(
        _("easy-to-read text"),
        blank=True,
        help_text=_(
            "The resource told in easy-to-read language (FALC, lectura fácil, "
            "leitura fácil, lettura facile): short sentences, common words."
        ),
    )

    # Use
    device_requirements = models.TextField(
        _("device requirements"),
        blank=True,
        help_text=_("e.g. a recent smartphone with a camera, headphones."),
    )
    time_needed = models.PositiveSmallIntegerField(
        _("time needed (minutes)"), null=True, blank=True
    )
    learning_outcomes = RichTextField(
        _("learning outcomes for mediators"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
    )
    mediator_guide = RichTextField(
        _("mediator's guide"),
        blank=True,
        # The page shows the guide under its own h3 (under the h2 "Using it").
        features=["h4", "h5", "bold", "italic", "ul", "ol", "link"],
        help_text=_("How a mediator prepares, runs and follows up a session."),
    )
    mediator_guide_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("mediator's guide (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("themes"),
                FieldPanel("related_works"),
                FieldPanel("period"),
            ],
            heading=_("What it is"),
        ),
        MediaItemsPanel("media_items", heading=_("Media"), label=_("media item")),
        InlinePanel("contributors", heading=_("Contributors"), label=_("contributor")),
        MultiFieldPanel(
            [
                FieldPanel("rights"),
                FieldPanel("credit_line"),
                FieldPanel("rights_holder"),
            ],
            heading=_("Rights"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("disabilities"),
                FieldPanel("age_min"),
                FieldPanel("age_max"),
                FieldPanel("use_context"),
            ],
            heading=_("Audiences"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access_modes"),
                FieldPanel("access_modes_sufficient"),
                FieldPanel("accessibility_features"),
                FieldPanel("accessibility_hazards"),
                FieldPanel("accessibility_controls"),
                FieldPanel("accessibility_summary"),
                FieldPanel("easy_to_read"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("device_requirements"),
                FieldPanel("time_needed"),
                FieldPanel("learning_outcomes"),
                FieldPanel("mediator_guide"),
                FieldPanel("mediator_guide_document"),
            ],
            heading=_("For mediators"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("related_works"),
        index.SearchField("period"),
        index.SearchField("easy_to_read"),
        index.SearchField("accessibility_summary"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("partner", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("partner_id"),
        index.FilterField("rights"),
    ]

    parent_page_types = ["mediation.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("mediation resource")
        verbose_name_plural = _("mediation resources")

    def clean(self):
        super().clean()
        errors = {}
        if self.age_min is not None and self.age_max is not None:
            if self.age_min > self.age_max:
                errors["age_max"] = _("The maximum age is below the minimum age.")
        hazards = set(self.accessibility_hazards or ())
        for hazard, opposite in vocab.HAZARD_OPPOSITES.items():
            if hazard in hazards and opposite in hazards:
                errors["accessibility_hazards"] = _(
                    "A hazard cannot be both present and absent."
                )
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        self._take_partner_from_parent()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._take_partner_from_parent()
        super().save(*args, **kwargs)

    def _take_partner_from_parent(self):
        """The partner is the one whose space the page is in, never chosen."""
        parent = self.get_parent() if self.path else None
        parent = parent.specific if parent else None
        if isinstance(parent, PartnerIndexPage):
            self.partner_id = parent.partner_id

    def get_admin_display_title(self):
        """A published resource shows its live title in the admin's lists
        and choosers: a new title waiting in a draft stays with those who
        open the draft, not with every partner's editors."""
        if self.live and self.title:
            return self.title
        return super().get_admin_display_title()

    @property
    def warned_hazards(self) -> list[str]:
        return [
            h for h in vocab.WARNED_HAZARDS if h in (self.accessibility_hazards or ())
        ]

    @property
    def rights_label(self) -> str:
        return vocab.rights_label(self.rights)
