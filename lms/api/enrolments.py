"""A cohort's enrolments through the API: list, enrol in bulk, change one.

Bulk enrolment follows the site's roster import: one account per e-mail
address (created and invited when missing), one enrolment per cohort, and
sending the same list twice enrols nobody twice. Rows are checked before
anything is written: one bad row refuses the whole request (400, every bad
row named), so a script fixes its file and sends it again, never wondering
which half went in. The learners listed are told by e-mail, as on the site.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cms.api.errors import Conflict, PayloadTooLarge
from cms.api.serializers import StrictSerializerMixin
from cms.api.views import ApiJSONParser, ApiViewSetMixin
from lms.api.serializers import EnrollmentSerializer
from lms.enrolment import AlreadyInCourse, enrol, enrol_by_email
from lms.forms import MAX_ROSTER_FILE_SIZE
from lms.models import Enrollment
from lms.permissions import trained_cohort_or_404
from lms.roster_csv import MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, parse_roster
from lms.roster_messages import ROW_ERRORS, file_error_message

ROW_ID = "[0-9]{1,18}"
MAX_LEARNERS = 2000  # as many rows as the site's import takes from one file
STATUS_CHANGES = [Enrollment.Status.ACTIVE, Enrollment.Status.WITHDRAWN]


class RosterCSVParser(BaseParser):
    """A roster file sent as the body: the bytes, for ``parse_roster``."""

    media_type = "text/csv"

    def parse(self, stream, media_type=None, parser_context=None):
        # DRF hands a parser the raw stream: Django's body size check, which
        # the JSON parser goes through, does not apply here. The site's
        # import takes files up to the same size.
        data = stream.read(MAX_ROSTER_FILE_SIZE + 1) if stream is not None else b""
        if len(data) > MAX_ROSTER_FILE_SIZE:
            raise PayloadTooLarge()
        return {"csv": data}


class LearnerRowSerializer(StrictSerializerMixin, serializers.Serializer):
    email = serializers.EmailField(
        max_length=MAX_EMAIL_LENGTH,
        help_text=_("The learner's e-mail address: their account, or a new one."),
    )
    first_name = serializers.CharField(
        max_length=MAX_NAME_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Used when an account is created for the address."),
    )
    last_name = serializers.CharField(
        max_length=MAX_NAME_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Used when an account is created for the address."),
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "The language of the invitation or notice (fr, en, pt, es or it); "
            "the cohort's if not given."
        ),
    )


class BulkEnrolSerializer(StrictSerializerMixin, serializers.Serializer):
    learners = LearnerRowSerializer(
        many=True,
        allow_empty=False,
        max_length=MAX_LEARNERS,
        help_text=_("The people to enrol, at most 2,000 per request."),
    )

    def validate_learners(self, rows):
        seen = {}
        errors = {}
        for index, row in enumerate(rows):
            email = row["email"].strip().lower()
            if email in seen:
                errors[index] = {"email": [ROW_ERRORS["duplicate"]]}
            seen.setdefault(email, index)
            row["email"] = email
        if errors:
            raise ValidationError([errors.get(index, {}) for index in range(len(rows))])
        return rows


class BulkResultRowSerializer(serializers.Serializer):
    email = serializers.EmailField(help_text=_("The address, lower-cased."))
    outcome = serializers.ChoiceField(
        choices=["invited", "enrolled", "already", "in_another_cohort"],
        help_text=_(
            "invited: an account was created and its owner invited; "
            "enrolled: an existing account was enrolled (or enrolled again); "
            "already: nothing to do; in_another_cohort: not enrolled, as the "
            "person follows the course in another cohort (move them on the site)."
        ),
    )
    enrollment = serializers.IntegerField(
        allow_null=True, help_text=_("The enrolment's id (null if not enrolled).")
    )


class BulkResultSerializer(serializers.Serializer):
    enrolled = serializers.IntegerField(
        help_text=_("How many were enrolled, invited ones included.")
    )
    invited = serializers.IntegerField(
        help_text=_("How many accounts were created and invited.")
    )
    already = serializers.IntegerField(help_text=_("How many were already there."))
    in_another_cohort = serializers.IntegerField(
        help_text=_("How many follow the course in another cohort.")
    )
    results = BulkResultRowSerializer(many=True, help_text=_("One per row, in order."))


class EnrollmentStatusSerializer(StrictSerializerMixin, serializers.Serializer):
    status = serializers.ChoiceField(
        choices=STATUS_CHANGES,
        help_text=_(
            "active: approve a waiting self-enrolment or reinstate a "
            "withdrawn learner; withdrawn: withdraw the learner (their "
            "progress and reports stay)."
        ),
    )


COHORT_ID = OpenApiParameter(
    "cohort_id",
    OpenApiTypes.INT,
    OpenApiParameter.PATH,
    description=_("The cohort's id."),
)
CSV_EXAMPLE = "email,first_name,last_name,language\nana@example.org,Ana,Silva,pt\n"


@extend_schema_view(
    list=extend_schema(
        summary=_("List a cohort's enrolments"),
        description=_(
            "The learners of a cohort you run, with their enrolment. Only "
            "the cohort's trainers see them: for anyone else the cohort is "
            "not found (404), as on its dashboard."
        ),
        parameters=[COHORT_ID],
    ),
    retrieve=extend_schema(
        summary=_("Read an enrolment"),
        description=_("One enrolment of a cohort you run."),
        parameters=[COHORT_ID],
    ),
    create=extend_schema(
        summary=_("Enrol learners in bulk"),
        description=_(
            "Send a JSON list of learners, or the same CSV file the site's "
            "import takes (Content-Type: text/csv; columns e-mail, first "
            "name, last name and optionally language, with headers in any "
            "of the five languages; UTF-8 or Windows-1252; commas, "
            "semicolons or tabs). Every row is checked first: one bad row "
            "refuses the request (400) with each bad row named "
            "(learners[3].email, or line 4 of the file), and nothing is "
            "written. Otherwise each person is enrolled, invited when they "
            "have no account; sending the same list again changes nothing. "
            "Only the cohort's trainers may enrol (404 for anyone else)."
        ),
        parameters=[COHORT_ID],
        request={
            "application/json": BulkEnrolSerializer,
            "text/csv": {"type": "string", "example": CSV_EXAMPLE},
        },
        responses={200: BulkResultSerializer},
        examples=[
            OpenApiExample(
                "Two learners",
                value={
                    "learners": [
                        {
                            "email": "ana@example.org",
                            "first_name": "Ana",
                            "last_name": "Silva",
                            "language": "pt",
                        },
                        {"email": "marc@example.org"},
                    ]
                },
                request_only=True,
            )
        ],
    ),
    partial_update=extend_schema(
        summary=_("Approve, withdraw or reinstate a learner"),
        description=_(
            "Set the enrolment's status, as the buttons of the cohort page "
            "do. A learner active in another cohort of the same course "
            "cannot be made active here (409): move them on the site."
        ),
        parameters=[COHORT_ID],
        request=EnrollmentStatusSerializer,
        responses=EnrollmentSerializer,
    ),
)
class CohortEnrollmentViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsAuthenticated]
    parser_classes = [ApiJSONParser, RosterCSVParser]
    lookup_value_regex = ROW_ID
    ordering = ["pk"]
    ordering_fields = ["id", "created_at"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def cohort(self):
        if not hasattr(self, "_cohort"):
            self._cohort = trained_cohort_or_404(
                self.request.user, self.kwargs["cohort_id"]
            )
        return self._cohort

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Enrollment.objects.none()
        return self.cohort().enrollments.select_related("learner")

    def get_serializer_class(self):
        if self.action == "create":
            return BulkEnrolSerializer
        if self.action == "partial_update":
            return EnrollmentStatusSerializer
        return EnrollmentSerializer

    def create(self, request, *args, **kwargs):
        cohort = self.cohort()
        if request.content_type.startswith(RosterCSVParser.media_type):
            # DRF parses no empty body: an empty file arrives as no data.
            rows, source = self._csv_rows(request.data.get("csv", b""))
        else:
            serializer = self.get_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            rows = serializer.validated_data["learners"]
            source = Enrollment.Source.ADDED
        results = [self._enrol(cohort, row, source) for row in rows]
        counts = {
            outcome: sum(1 for r in results if r["outcome"] == outcome)
            for outcome in ("invited", "enrolled", "already", "in_another_cohort")
        }
        return Response(
            {
                "enrolled": counts["invited"] + counts["enrolled"],
                "invited": counts["invited"],
                "already": counts["already"],
                "in_another_cohort": counts["in_another_cohort"],
                "results": results,
            }
        )

    def _csv_rows(self, data: bytes):
        parsed = parse_roster(data, max_rows=MAX_LEARNERS)
        if parsed.file_error:
            raise ValidationError({"file": [file_error_message(parsed)]})
        if parsed.errors:
            raise ValidationError(
                {
                    f"line {error.line}": [str(ROW_ERRORS.get(error.code, error.code))]
                    for error in parsed.errors
                }
            )
        rows = [
            {
                "email": row.email,
                "first_name": row.first_name,
                "last_name": row.last_name,
                "language": row.language,
            }
            for row in parsed.rows
        ]
        return rows, Enrollment.Source.IMPORTED

    def _enrol(self, cohort, row, source) -> dict:
        try:
            result = enrol_by_email(
                cohort,
                row["email"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                language=row["language"],
                source=source,
            )
        except AlreadyInCourse:
            return {
                "email": row["email"],
                "outcome": "in_another_cohort",
                "enrollment": None,
            }
        if not result.enrolled:
            outcome = "already"
        elif result.account_created:
            outcome = "invited"
        else:
            outcome = "enrolled"
        return {
            "email": row["email"],
            "outcome": outcome,
            "enrollment": result.enrollment.pk,
        }

    def update(self, request, *args, **kwargs):
        enrollment = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wanted = serializer.validated_data["status"]
        if wanted == Enrollment.Status.WITHDRAWN:
            if enrollment.status != wanted:
                enrollment.status = wanted
                enrollment.save(update_fields=["status", "updated_at"])
        elif enrollment.status != wanted:
            try:
                enrol(
                    enrollment.cohort,
                    enrollment.learner,
                    source=enrollment.source,
                    # Approving tells the learner; reinstating does not.
                    notify_learner=enrollment.status == Enrollment.Status.PENDING,
                )
            except AlreadyInCourse as error:
                raise Conflict(error.message()) from None
        enrollment.refresh_from_db()
        return Response(
            EnrollmentSerializer(enrollment, context=self.get_serializer_context()).data
        )
