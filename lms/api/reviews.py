"""Field reports and contributions through the API: read them, review them.

A trainer's decision goes through ``lms.reviews``, as on the review pages:
the same lock, the same history, the same e-mail to the learner. Who sees
what comes from ``lms.permissions``; what someone may not see is not found
(404), whatever its id.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cms.api.errors import Conflict
from cms.api.filters import MomentFilter, id_filter
from cms.api.serializers import StrictSerializerMixin
from cms.api.views import ApiViewSetMixin
from lms.models import Contribution, FieldReport, ReportEvent
from lms.permissions import (
    contributions_visible_to,
    field_reports_visible_to,
    may_review_contribution,
    run_cohorts,
)
from lms.reviews import AlreadyReviewed, review_contribution, review_field_report

ROW_ID = "[0-9]{1,18}"
# The decisions a reviewer takes (named in SPECTACULAR_SETTINGS' enums).
REPORT_DECISIONS = [
    FieldReport.Status.ACCEPTED,
    FieldReport.Status.NEEDS_REVISION,
]
CONTRIBUTION_DECISIONS = [Contribution.Status.ACCEPTED, Contribution.Status.DECLINED]


# -- Field reports -----------------------------------------------------------


class SubmissionSerializer(serializers.Serializer):
    """The report as the learner last sent it: what trainers review."""

    body = serializers.CharField(help_text=_("What the learner did."))
    place = serializers.CharField(help_text=_("The place or territory."))
    action_date = serializers.CharField(
        help_text=_("The date of the action (ISO 8601), or empty.")
    )
    people_reached = serializers.IntegerField(
        allow_null=True, help_text=_("How many people the action reached.")
    )
    partners_involved = serializers.CharField(help_text=_("The partners involved."))
    attachments = serializers.IntegerField(
        help_text=_("How many files came with it (read them on the site).")
    )
    submitted_at = serializers.DateTimeField(help_text=_("When it was sent."))


class ReportEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportEvent
        fields = ["kind", "status", "feedback", "created_at"]
        read_only_fields = fields
        extra_kwargs = {
            "kind": {"help_text": _("submitted or reviewed.")},
            "status": {"help_text": _("The decision, for a review.")},
            "feedback": {"help_text": _("The trainer's feedback, for a review.")},
            "created_at": {"help_text": _("When it happened.")},
        }


class FieldReportSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    cohort = serializers.IntegerField(
        source="enrollment.cohort_id", read_only=True, help_text=_("The cohort's id.")
    )
    learner = serializers.IntegerField(
        source="enrollment.learner_id",
        read_only=True,
        help_text=_("The learner's user id."),
    )
    learner_name = serializers.CharField(
        source="enrollment.learner.display_name",
        read_only=True,
        help_text=_("The learner's name, as the site shows it."),
    )
    submission = serializers.SerializerMethodField(
        help_text=_("The version last sent, null for a draft never sent.")
    )
    history = ReportEventSerializer(
        source="events",
        many=True,
        read_only=True,
        help_text=_("Every submission and review, oldest first."),
    )

    class Meta:
        model = FieldReport
        fields = [
            "id",
            "cohort",
            "learner",
            "learner_name",
            "unit",
            "assignment_id",
            "assignment_title",
            "status",
            "submitted_at",
            "updated_at",
            "submission",
            "history",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The report's id.")},
            "unit": {"help_text": _("The unit page of the assignment.")},
            "assignment_id": {
                "help_text": _("The field assignment, the same in every language.")
            },
            "assignment_title": {"help_text": _("The assignment's title.")},
            "status": {"help_text": _("Where the report stands.")},
            "submitted_at": {"help_text": _("When it was last sent.")},
            "updated_at": {"help_text": _("When it last changed.")},
        }

    @extend_schema_field(SubmissionSerializer(allow_null=True))
    def get_submission(self, report):
        sent = [e for e in report.events.all() if e.kind == ReportEvent.Kind.SUBMITTED]
        if not sent:
            return None
        last = sent[-1]
        snapshot = last.snapshot
        return {
            "body": snapshot.get("body", ""),
            "place": snapshot.get("place", ""),
            "action_date": snapshot.get("action_date", ""),
            "people_reached": snapshot.get("people_reached"),
            "partners_involved": snapshot.get("partners_involved", ""),
            "attachments": len(snapshot.get("attachments", [])),
            "submitted_at": serializers.DateTimeField().to_representation(
                last.created_at
            ),
        }


class ReportReviewSerializer(StrictSerializerMixin, serializers.Serializer):
    status = serializers.ChoiceField(
        choices=REPORT_DECISIONS,
        help_text=_("accepted, or needs_revision to send it back."),
    )
    feedback = serializers.CharField(
        max_length=10_000, help_text=_("Your feedback to the learner.")
    )


class FieldReportFilter(filters.FilterSet):
    cohort = id_filter(
        _("Only the reports of this cohort (its id)."),
        field_name="enrollment__cohort_id",
    )
    learner = id_filter(
        _("Only this learner's reports (their id)."),
        field_name="enrollment__learner_id",
    )
    status = filters.ChoiceFilter(
        choices=FieldReport.Status.choices,
        help_text=_("Only the reports in this status (submitted: waiting for you)."),
    )
    updated_since = MomentFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_("Only the reports changed at or after this moment (ISO 8601)."),
    )

    class Meta:
        model = FieldReport
        fields = ["cohort", "learner", "status", "updated_since"]


@extend_schema_view(
    list=extend_schema(
        summary=_("List field reports"),
        description=_(
            "A learner sees their own reports; a trainer the reports the "
            "learners of their cohorts have sent (drafts stay the learner's). "
            "Filter with status=submitted for those waiting for feedback."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a field report"),
        description=_("With its last submission and its whole history."),
    ),
    review=extend_schema(
        summary=_("Review a field report"),
        description=_(
            "Accept a submitted report or ask for a revision, with feedback "
            "the learner receives by e-mail. Only the cohort's trainers "
            "review (403 for the learner); a report not waiting for "
            "feedback is a conflict (409)."
        ),
        request=ReportReviewSerializer,
        responses=FieldReportSerializer,
    ),
)
class FieldReportViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated]
    serializer_class = FieldReportSerializer
    filterset_class = FieldReportFilter
    lookup_value_regex = ROW_ID
    ordering = ["pk"]
    ordering_fields = ["id", "updated_at", "submitted_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return FieldReport.objects.none()
        return (
            field_reports_visible_to(self.request.user)
            .select_related("enrollment__learner")
            .prefetch_related(
                Prefetch("events", ReportEvent.objects.order_by("created_at"))
            )
        )

    def get_serializer_class(self):
        if self.action == "review":
            return ReportReviewSerializer
        return FieldReportSerializer

    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        report = self.get_object()
        if (
            not run_cohorts(request.user)
            .filter(pk=report.enrollment.cohort_id)
            .exists()
        ):
            raise PermissionDenied(_("Only the cohort's trainers review its reports."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            review_field_report(
                report,
                request.user,
                serializer.validated_data["status"],
                serializer.validated_data["feedback"],
            )
        except AlreadyReviewed:
            raise Conflict(_("This report is not waiting for feedback.")) from None
        report = self.get_queryset().get(pk=report.pk)
        return Response(
            FieldReportSerializer(report, context=self.get_serializer_context()).data
        )


# -- Contributions -----------------------------------------------------------


class ContributionSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    author_name = serializers.CharField(
        source="author.display_name",
        read_only=True,
        help_text=_("The author's name, as the site credits them."),
    )

    class Meta:
        model = Contribution
        fields = [
            "id",
            "kind",
            "title",
            "body",
            "status",
            "module",
            "module_key",
            "course_key",
            "unit",
            "author",
            "author_name",
            "review_note",
            "reviewed_at",
            "created_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The contribution's id.")},
            "kind": {"help_text": _("What it is.")},
            "title": {"help_text": _("Its title.")},
            "body": {"help_text": _("Its text.")},
            "status": {"help_text": _("Where its review stands.")},
            "module": {"help_text": _("The module page it was made on.")},
            "module_key": {"help_text": _("The module, in any language.")},
            "course_key": {"help_text": _("The course, in any language.")},
            "unit": {"help_text": _("The unit it improves, if any.")},
            "author": {"help_text": _("The author's user id.")},
            "review_note": {"help_text": _("The reviewer's note to the author.")},
            "reviewed_at": {"help_text": _("When it was reviewed.")},
            "created_at": {"help_text": _("When it was proposed.")},
        }


class ContributionReviewSerializer(StrictSerializerMixin, serializers.Serializer):
    status = serializers.ChoiceField(
        choices=CONTRIBUTION_DECISIONS,
        help_text=_("accepted (the author is credited) or declined."),
    )
    note = serializers.CharField(
        max_length=10_000,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("A note to the author."),
    )


class ContributionFilter(filters.FilterSet):
    status = filters.ChoiceFilter(
        choices=Contribution.Status.choices,
        help_text=_("Only the contributions in this status."),
    )
    kind = filters.ChoiceFilter(
        choices=Contribution.Kind.choices, help_text=_("Only this kind.")
    )
    course_key = filters.UUIDFilter(
        help_text=_("Only the contributions to this course (its translation key).")
    )

    class Meta:
        model = Contribution
        fields = ["status", "kind", "course_key"]


@extend_schema_view(
    list=extend_schema(
        summary=_("List contributions"),
        description=_(
            "Your own contributions, and those you may review: the "
            "contributions to the courses of the cohorts you run."
        ),
    ),
    retrieve=extend_schema(summary=_("Read a contribution")),
    review=extend_schema(
        summary=_("Review a contribution"),
        description=_(
            "Accept (crediting the author) or decline a contribution "
            "waiting for review; the author is told by e-mail. Only the "
            "trainers of the course's cohorts review (403 otherwise); one "
            "already reviewed is a conflict (409)."
        ),
        request=ContributionReviewSerializer,
        responses=ContributionSerializer,
    ),
)
class ContributionViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated]
    filterset_class = ContributionFilter
    lookup_value_regex = ROW_ID
    ordering = ["pk"]
    ordering_fields = ["id", "created_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contribution.objects.none()
        return contributions_visible_to(self.request.user).select_related("author")

    def get_serializer_class(self):
        if self.action == "review":
            return ContributionReviewSerializer
        return ContributionSerializer

    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        contribution = self.get_object()
        if not may_review_contribution(request.user, contribution):
            raise PermissionDenied(
                _("Only the trainers of the course's cohorts review it.")
            )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            review_contribution(
                contribution,
                request.user,
                serializer.validated_data["status"],
                serializer.validated_data["note"],
            )
        except AlreadyReviewed:
            raise Conflict(_("This contribution was already reviewed.")) from None
        return Response(
            ContributionSerializer(
                contribution, context=self.get_serializer_context()
            ).data
        )
