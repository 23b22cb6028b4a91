"""The learning API's viewsets: courses, cohorts, enrolments, progress.

Read-only in this slice.  Each list starts from the reader's scope in
``lms.permissions`` and is walked with the API's cursor (cms.api), in id
order: stable while rows are added, as cheap on the last page as on the
first.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated

from cms.api.views import ApiViewSetMixin
from lms.api.filters import CourseFilter, ProgressFilter
from lms.api.serializers import (
    CohortSerializer,
    CourseDetailSerializer,
    CourseSerializer,
    EnrollmentSerializer,
    ProgressSerializer,
)
from lms.course_progress import course_outlines
from lms.models import ActivityProgress, Cohort, CoursePage, Enrollment
from lms.permissions import (
    cohorts_visible_to,
    progress_visible_to,
    trained_cohort_or_404,
)

# Ids in URLs, bounded so that a longer number is a 404 from the router
# rather than an overflow in the database: Wagtail's page ids are 32-bit,
# our own rows' 64-bit.
PAGE_ID = "[0-9]{1,9}"
ROW_ID = "[0-9]{1,18}"


class ListFiltersOnly:
    """Filters narrow lists; a detail URL names its object whatever the
    query string says."""

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


def _schema_only(view) -> bool:
    """drf-spectacular builds the schema with no real reader."""
    return getattr(view, "swagger_fake_view", False)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the courses"),
        description=_(
            "The live, public courses, one entry per language. Anyone may "
            "read them, signed in or not."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a course"),
        description=_(
            "A live, public course with its modules and units in reading order."
        ),
    ),
)
class CourseViewSet(ApiViewSetMixin, ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    filterset_class = CourseFilter
    lookup_value_regex = PAGE_ID
    ordering = ["pk"]
    ordering_fields = ["id", "title"]

    def get_queryset(self):
        if _schema_only(self):  # ``public()`` reads the view restrictions
            return CoursePage.objects.none()
        return (
            CoursePage.objects.live().public().select_related("locale", "lead_partner")
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return CourseDetailSerializer
        return CourseSerializer

    def get_object(self):
        course = super().get_object()
        course.outline_modules = course_outlines([course])[course.pk]
        return course


@extend_schema_view(
    list=extend_schema(
        summary=_("List the cohorts you may see"),
        description=_(
            "Trainers see the cohorts they run; coordinators the cohorts "
            "their figures cover (the whole network, or their partner's); "
            "learners none."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a cohort"),
        description=_("A cohort you may see; any other id is not found (404)."),
    ),
)
class CohortViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated]
    serializer_class = CohortSerializer
    lookup_value_regex = ROW_ID
    ordering = ["pk"]
    ordering_fields = ["id", "name", "start_date"]

    def get_queryset(self):
        if _schema_only(self):
            return Cohort.objects.none()
        return (
            cohorts_visible_to(self.request.user)
            .select_related("course", "partner")
            .with_counts()
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("List a cohort's enrolments"),
        description=_(
            "The learners of a cohort you run, with their enrolment. Only "
            "the cohort's trainers see them: for anyone else the cohort is "
            "not found (404), as on its dashboard."
        ),
        parameters=[
            OpenApiParameter(
                "cohort_id",
                OpenApiTypes.INT,
                OpenApiParameter.PATH,
                description=_("The cohort's id."),
            )
        ],
    ),
)
class CohortEnrollmentViewSet(
    ApiViewSetMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IsAuthenticated]
    serializer_class = EnrollmentSerializer
    ordering = ["pk"]
    ordering_fields = ["id", "created_at"]

    def get_queryset(self):
        if _schema_only(self):
            return Enrollment.objects.none()
        cohort = trained_cohort_or_404(self.request.user, self.kwargs["cohort_id"])
        return cohort.enrollments.select_related("learner")


@extend_schema_view(
    list=extend_schema(
        summary=_("List progress rows"),
        description=_(
            "One row per learner and activity. A learner reads their own "
            "rows; a trainer those of the learners of the cohorts they run; "
            "a partner coordinator those of the learners of their partner's "
            "cohorts; a network coordinator every row. Walk the pages with "
            "the cursor, and use updated_since to fetch only what changed."
        ),
    ),
)
class ProgressViewSet(ApiViewSetMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated]
    serializer_class = ProgressSerializer
    filterset_class = ProgressFilter
    ordering = ["pk"]
    # Oldest change first lets a sync script resume where it stopped.
    ordering_fields = ["id", "updated_at"]

    def get_queryset(self):
        if _schema_only(self):
            return ActivityProgress.objects.none()
        return progress_visible_to(self.request.user).defer(
            "last_score_timestamp", "last_score_statement"
        )
