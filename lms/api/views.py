"""The learning API's viewsets: courses, cohorts, enrolments, progress.

Each list starts from the reader's scope in
``lms.permissions`` and is walked with the API's cursor (cms.api), in id
order: stable while rows are added, as cheap on the last page as on the
first.
"""

import uuid

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from cms.api.errors import Conflict
from cms.api.views import ApiViewSetMixin
from lms.api.filters import CourseFilter, ProgressFilter
from lms.api.serializers import (
    CohortSerializer,
    CohortWriteSerializer,
    CourseDetailSerializer,
    CourseSerializer,
    ProgressSerializer,
)
from lms.course_progress import course_outlines
from lms.models import ActivityProgress, Cohort, CoursePage
from lms.permissions import (
    cohorts_visible_to,
    is_trainer,
    progress_visible_to,
)

# Ids in URLs, bounded so that a longer number is a 404 from the router
# rather than an overflow in the database: Wagtail's page ids are 32-bit,
# our own rows' 64-bit.
PAGE_ID = "[0-9]{1,9}"
ROW_ID = "[0-9]{1,18}"


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
class CourseViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
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


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.UUID,
    OpenApiParameter.HEADER,
    required=False,
    description=_(
        "A UUID of your choosing: sending the same request again with the "
        "same key (after a timeout, say) opens no second cohort but answers "
        "with the first (200)."
    ),
)


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
    create=extend_schema(
        summary=_("Open a cohort"),
        description=_(
            "Trainers open cohorts, as on the site; the person opening it "
            "becomes its trainer. Others are refused (403)."
        ),
        request=CohortWriteSerializer,
        responses={201: CohortSerializer, 200: CohortSerializer},
        parameters=[IDEMPOTENCY_KEY],
    ),
    update=extend_schema(
        summary=_("Replace a cohort's settings"),
        description=_(
            "Only the cohort's trainers may change it: a cohort you see "
            "without running it is refused (403), any other is not found "
            "(404). The course cannot change once learners are enrolled."
        ),
        request=CohortWriteSerializer,
        responses=CohortSerializer,
    ),
    partial_update=extend_schema(
        summary=_("Change some of a cohort's settings"),
        description=_(
            "As PUT, with only the fields to change (the dates are checked "
            "together with those kept)."
        ),
        request=CohortWriteSerializer,
        responses=CohortSerializer,
    ),
)
class CohortViewSet(
    ApiViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    permission_classes = [IsAuthenticated]
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

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return CohortWriteSerializer
        return CohortSerializer

    def _shown(self, cohort, status_code):
        cohort = self.get_queryset().get(pk=cohort.pk)
        data = CohortSerializer(cohort, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def create(self, request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied(_("Only trainers open cohorts."))
        key = idempotency_key(request)
        if key is not None:
            opened = Cohort.objects.filter(form_key=key).first()
            if opened is not None:
                if not opened.is_run_by(request.user):
                    raise Conflict(_("This Idempotency-Key was used by someone else."))
                return self._shown(opened, status.HTTP_200_OK)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                cohort = serializer.save(form_key=key)
        except IntegrityError:
            # The same key, sent again while the first request was running.
            opened = Cohort.objects.filter(form_key=key).first() if key else None
            if opened is None:
                raise
            if not opened.is_run_by(request.user):
                raise Conflict(
                    _("This Idempotency-Key was used by someone else.")
                ) from None
            return self._shown(opened, status.HTTP_200_OK)
        cohort.trainers.add(request.user)
        return self._shown(cohort, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        cohort = self.get_object()
        if not (is_trainer(request.user) and cohort.is_run_by(request.user)):
            raise PermissionDenied(_("Only the cohort's trainers may change it."))
        serializer = self.get_serializer(
            cohort, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return self._shown(cohort, status.HTTP_200_OK)


def idempotency_key(request):
    """The request's ``Idempotency-Key`` as a UUID, ``None`` if it has none."""
    value = request.headers.get("Idempotency-Key", "").strip()
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValidationError(
            {"Idempotency-Key": [_("Send a UUID, e.g. from uuid.uuid4().")]}
        ) from None


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
