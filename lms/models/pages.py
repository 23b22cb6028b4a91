"""The course tree: catalogue → course → module → unit.

The tree is the navigation and the table of contents.  Course and module
pages are public, because Erasmus+ results must be readable without an
account; a unit is the learning itself and is served only to people
enrolled in one of the course's cohorts, unless the course is marked open.
"""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms import activity
from lms.blocks import UNIT_BLOCKS
from lms.licences import DEFAULT_LICENCE, LICENCE_URLS, LICENCES


class InCourse:
    """A page somewhere under a course: it knows its course (one query)."""

    @cached_property
    def course(self) -> "CoursePage":
        return CoursePage.objects.ancestor_of(self).get()


class CourseIndexPage(Page):
    """The catalogue of the network's courses, one per language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["lms.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_partner", "cover_image")
            .order_by("title")
        )
        return context


class CoAuthor(Orderable):
    """Someone credited for writing a course or a unit.

    A person with an account is linked (a contributor whose proposal became
    part of a unit), a partner's author without one is named in text.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person with an account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Used when the person has no account, or to override it."),
    )
    partner = models.ForeignKey(
        "mediation.PartnerInstitution",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("person"), FieldPanel("name"), FieldPanel("partner")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.person_id:
            return self.person.public_name
        return ""


class CoursePage(Page):
    """A formation-action course: modules of lessons and field action.

    Its translations share one identity (Wagtail's translation key): a
    cohort in Lisbon and one in Marseille follow the same course, each in
    its language.
    """

    intro = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in the catalogue.")
    )
    objectives = RichTextField(
        _("objectives"),
        features=["bold", "italic", "ul", "ol"],
        help_text=_("What a participant will be able to do at the end."),
    )
    audience = models.TextField(
        _("audience"),
        help_text=_("Who the course is for: facilitators, resident relays..."),
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    duration_hours = models.PositiveSmallIntegerField(
        _("duration (hours)"),
        help_text=_("Total time, field assignments included."),
    )
    lead_partner = models.ForeignKey(
        "mediation.PartnerInstitution",
        verbose_name=_("lead partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=LICENCES,
        default=DEFAULT_LICENCE,
        help_text=_("Erasmus+ asks for an open licence on project results."),
    )
    is_open = models.BooleanField(
        _("open course"),
        default=False,
        help_text=_(
            "Anyone may read the units without enrolling. Otherwise units are "
            "for learners enrolled in one of the course's cohorts."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("objectives"),
                FieldPanel("audience"),
                FieldPanel("prerequisites"),
                FieldPanel("duration_hours"),
            ],
            heading=_("About the course"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_partner"),
                InlinePanel("co_authors", label=_("Co-authors")),
            ],
            heading=_("Authors"),
        ),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("is_open")],
            heading=_("Licence and access"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["lms.CourseIndexPage"]
    subpage_types = ["lms.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def activity_iri(self) -> str:
        return activity.activity_iri(activity.COURSE, self.translation_key)

    @property
    def language_name(self) -> str:
        return self.locale.get_display_name()

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    def get_search_summary(self) -> str:
        return self.intro

    def outline(self) -> list:
        """The live modules in order, each with its ``unit_list`` (two queries)."""
        modules = list(
            ModulePage.objects.child_of(self).live().public().order_by("path")
        )
        units = UnitPage.objects.descendant_of(self).live().public().order_by("path")
        by_module = {module.path: [] for module in modules}
        for unit in units:
            by_module.get(unit.path[: -self.steplen], []).append(unit)
        for module in modules:
            module.unit_list = by_module[module.path]
        return modules

    def get_context(self, request, *args, **kwargs):
        from lms.models.contributions import Contribution

        context = super().get_context(request, *args, **kwargs)
        modules = self.outline()
        counts = Contribution.objects.accepted_counts(modules)
        for module in modules:
            module.contribution_count = counts.get(module.translation_key, 0)
        context["modules"] = modules
        context["co_authors"] = self.co_authors.select_related("person", "partner")
        if request.user.is_authenticated:
            from lms.course_progress import CourseProgress, course_completion, follows

            completion = course_completion(request.user, self, modules)
            context["completion"] = completion
            context["done_units"] = {
                iri for iri, done in completion.units.items() if done
            }
            context["percent_done"] = round(completion.share * 100)
            # Learners of the course see their share done and the way on;
            # anyone else who once completed units here still sees them.
            context["follows_course"] = follows(request.user, self)
            context["course_progress"] = CourseProgress.of(modules, completion)
        return context


class CourseCoAuthor(CoAuthor):
    page = ParentalKey(CoursePage, related_name="co_authors", on_delete=models.CASCADE)


class ModulePage(InCourse, Page):
    """A part of a course: a few units and the network's contributions to it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["lms.CoursePage"]
    subpage_types = ["lms.UnitPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def activity_iri(self) -> str:
        return activity.activity_iri(activity.MODULE, self.translation_key)

    def get_search_summary(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from lms.models.contributions import Contribution

        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.course
        units = list(UnitPage.objects.child_of(self).live().public())
        context["units"] = units
        context["contributions"] = Contribution.objects.accepted_for(self)
        if request.user.is_authenticated and units:
            from lms.course_progress import Tally, follows, module_completion

            completion = module_completion(request.user, self, units)
            tally = Tally.of(units, completion)
            context["done_units"] = {
                iri for iri, done in completion.units.items() if done
            }
            if tally.done or follows(request.user, self.course):
                context["module_tally"] = tally
        return context


class UnitPage(InCourse, Page):
    """One sitting of a module: a short lesson and what the learner does with it."""

    intro = models.TextField(_("introduction"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    body = StreamField(UNIT_BLOCKS, blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
        InlinePanel("co_authors", label=_("Co-authors")),
    ]
    # Unit text is for enrolled learners: only the title is searchable.
    search_fields = Page.search_fields
    parent_page_types = ["lms.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    @cached_property
    def module(self) -> ModulePage:
        return ModulePage.objects.parent_of(self).get()

    @property
    def activity_iri(self) -> str:
        return activity.activity_iri(activity.UNIT, self.translation_key)

    def tracked_blocks(self, block_type: str):
        return [child for child in self.body if child.block_type == block_type]

    def serve(self, request, *args, **kwargs):
        from lms.access import unit_access

        access = unit_access(request.user, self)
        if access.needs_login:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not access.allowed:
            return TemplateResponse(
                request,
                "lms/enrol_first.html",
                {"page": self, "course": self.course},
                status=403,
            )
        request.unit_access = access
        from lms.page_policy import with_learning_policy

        return with_learning_policy(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from lms.views.unit_context import unit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(unit_context(request, self))
        return context


class UnitCoAuthor(CoAuthor):
    page = ParentalKey(UnitPage, related_name="co_authors", on_delete=models.CASCADE)
