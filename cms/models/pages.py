from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock


class HomePage(Page):
    """The front door of the site, one per language.

    Its children form the main navigation; the footer links to the
    accessibility statement chosen here, so that each language's home page
    points to that statement in its own language.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("accessibility_statement")], heading=_("Footer links")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Each room adds its section here as it arrives (course catalogue, partners).
    subpage_types = [
        "cms.ContentPage",
        "lms.CourseIndexPage",
        "mediation.PartnerListPage",
        "mediation.ResourceCatalogPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(Page):
    """A page of plain content: about the network, legal notice, accessibility.

    Content pages may nest to make a small section (for example "About" with
    one page per partner country).
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short summary, also shown in search results."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_search_summary(self) -> str:
        return self.intro or self.search_description
