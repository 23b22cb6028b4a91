"""What the learning API shows of courses, cohorts, enrolments and progress.

English field names, each with a help text: they are the schema's
documentation.  Course fields are the public ones (what the course page
shows anyone); people appear only in enrolments, for the cohort's trainers.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.filters import MAX_ROW_ID
from cms.api.serializers import StrictSerializerMixin
from lms.forms import cohort_courses, cohort_partners
from lms.models import ActivityProgress, Cohort, CoursePage, Enrollment
from mediation.models import PartnerInstitution

MAX_PAGE_ID = 2**31 - 1  # Wagtail's page ids are 32-bit


class PartnerRefSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A partner named from elsewhere (a course's lead, a cohort's host)."""

    class Meta:
        model = PartnerInstitution
        fields = ["id", "name", "slug", "translation_key"]
        extra_kwargs = {
            "id": {"help_text": _("The partner's id in this language.")},
            "name": {"help_text": _("The institution's name.")},
            "slug": {"help_text": _("The partner's slug, the same in every language.")},
            "translation_key": {
                "help_text": _("Shared by the partner's translations.")
            },
        }


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class PageUrlField(serializers.Field):
    """The page's full address on the site, in its own language; null for
    a page outside any site, which has none."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        kwargs.setdefault(
            "help_text", _("The page's address on the site (null if it has none).")
        )
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page.get_full_url(self.context.get("request"))


class UnitSerializer(StrictSerializerMixin, serializers.Serializer):
    """One sitting of a module, as the course outline lists it."""

    id = serializers.IntegerField(read_only=True, help_text=_("The unit's page id."))
    title = serializers.CharField(read_only=True, help_text=_("The unit's title."))
    activity_iri = serializers.CharField(
        read_only=True,
        help_text=_("The unit's activity IRI, as in xAPI statements and progress."),
    )
    url = PageUrlField()


class ModuleSerializer(StrictSerializerMixin, serializers.Serializer):
    """A part of a course, with its units in reading order."""

    id = serializers.IntegerField(read_only=True, help_text=_("The module's page id."))
    title = serializers.CharField(read_only=True, help_text=_("The module's title."))
    activity_iri = serializers.CharField(
        read_only=True,
        help_text=_("The module's activity IRI, as in xAPI statements and progress."),
    )
    url = PageUrlField()
    units = UnitSerializer(
        source="unit_list",
        many=True,
        read_only=True,
        help_text=_("The module's live units, in reading order."),
    )


class CourseSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A course in one language: its public description, as anyone reads it."""

    # Not a SlugField: Wagtail's slugs may hold any letter, which the
    # schema's ASCII ``\w`` pattern would wrongly refuse.
    slug = serializers.CharField(
        read_only=True, help_text=_("The last part of the page's address.")
    )
    language = serializers.CharField(
        source="locale.language_code",
        read_only=True,
        help_text=_("The language of this translation of the course."),
    )
    url = PageUrlField(
        help_text=_("The course page's address on the site (null if it has none).")
    )
    activity_iri = serializers.CharField(
        read_only=True,
        help_text=_(
            "The course's activity IRI, the same in every language, as in "
            "xAPI statements and progress."
        ),
    )
    lead_partner = PartnerRefSerializer(
        read_only=True,
        allow_null=True,
        help_text=_("The partner leading the course, if any."),
    )
    licence_url = serializers.CharField(
        read_only=True, help_text=_("The licence's text, if it has one.")
    )

    class Meta:
        model = CoursePage
        fields = [
            "id",
            "title",
            "slug",
            "language",
            "translation_key",
            "intro",
            "url",
            "activity_iri",
            "lead_partner",
            "licence",
            "licence_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The course page's id (one per language).")},
            "title": {"help_text": _("The course's title in this language.")},
            "slug": {"help_text": _("The last part of the page's address.")},
            "translation_key": {"help_text": _("Shared by the course's translations.")},
            "intro": {"help_text": _("One or two sentences about the course.")},
            "licence": {"help_text": _("The licence of the course's content.")},
        }


class CourseDetailSerializer(CourseSerializer):
    """A course with its outline: live modules and units in reading order."""

    modules = ModuleSerializer(
        source="outline_modules",
        many=True,
        read_only=True,
        help_text=_("The course's live modules in order, each with its units."),
    )

    class Meta(CourseSerializer.Meta):
        fields = [*CourseSerializer.Meta.fields, "modules"]
        read_only_fields = fields


class CourseRefSerializer(StrictSerializerMixin, serializers.Serializer):
    """The course a cohort follows: its translation key finds it in any language."""

    id = serializers.IntegerField(
        read_only=True,
        help_text=_("The course page's id, in the language it was created in."),
    )
    translation_key = serializers.UUIDField(
        read_only=True,
        help_text=_("Shared by the course's translations: find the one you need."),
    )


COHORT_SETTINGS_HELP = {
    "join_enabled": {
        "help_text": _("Whether learners may join with the cohort's join link.")
    },
    "join_requires_approval": {
        "help_text": _("Whether a trainer approves each self-enrolment.")
    },
    "stalled_after_days": {
        "help_text": _(
            "A learner with no activity for this many days shows as stalled "
            "(1 to 365; 14 if not given)."
        )
    },
}


class CohortSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A group of learners following one course together, with counts only."""

    course = CourseRefSerializer(
        read_only=True, help_text=_("The course the cohort follows.")
    )
    partner = PartnerRefSerializer(
        read_only=True, help_text=_("The partner institution running the cohort.")
    )
    active_learners = serializers.IntegerField(
        source="active_count",
        read_only=True,
        help_text=_("How many learners are enrolled and active."),
    )
    pending_learners = serializers.IntegerField(
        source="pending_count",
        read_only=True,
        help_text=_("How many self-enrolments wait for a trainer's approval."),
    )

    class Meta:
        model = Cohort
        fields = [
            "id",
            "name",
            "course",
            "partner",
            "language",
            "territory",
            "start_date",
            "end_date",
            "join_enabled",
            "join_requires_approval",
            "stalled_after_days",
            "active_learners",
            "pending_learners",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The cohort's id.")},
            "name": {"help_text": _("The cohort's name.")},
            "language": {"help_text": _("The language the cohort learns in.")},
            "territory": {"help_text": _("Where the learners act.")},
            "start_date": {"help_text": _("The first day of the cohort.")},
            "end_date": {"help_text": _("The last day of the cohort.")},
            **COHORT_SETTINGS_HELP,
        }


class BoundedIdField(serializers.PrimaryKeyRelatedField):
    """An id no larger than its column: a bigger number names nothing (and
    would overflow the database driver through a page's pointer column)."""

    def __init__(self, *, max_value, **kwargs):
        self.max_value = max_value
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, int) and not isinstance(data, bool):
            if not 1 <= data <= self.max_value:
                self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class CohortWriteSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """What a trainer sets when opening or editing a cohort, under the
    rules of the site's cohort form: a live course and a partner named in
    the default language, an end after the start, and a course that stays
    once learners are enrolled."""

    course = BoundedIdField(
        max_value=MAX_PAGE_ID,
        queryset=CoursePage.objects.none(),
        help_text=_(
            "The id of a live course in the site's default language "
            "(GET /api/v1/courses/?language=fr)."
        ),
    )
    partner = BoundedIdField(
        max_value=MAX_ROW_ID,
        queryset=PartnerInstitution.objects.none(),
        help_text=_(
            "The id of the partner institution running the cohort, in the "
            "site's default language (GET /api/v1/partners/)."
        ),
    )

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "partner",
            "language",
            "territory",
            "start_date",
            "end_date",
            "join_enabled",
            "join_requires_approval",
            "stalled_after_days",
        ]
        extra_kwargs = {
            "name": {"help_text": _("The cohort's name.")},
            "language": {"help_text": _("The language the cohort learns in.")},
            "territory": {"help_text": _("Where the learners act.")},
            "start_date": {"help_text": _("The first day of the cohort.")},
            "end_date": {"help_text": _("The last day of the cohort.")},
            **COHORT_SETTINGS_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = cohort_courses()
        self.fields["partner"].queryset = cohort_partners()

    def validate_course(self, course):
        cohort = self.instance
        if (
            cohort is not None
            and course.pk != cohort.course_id
            and cohort.enrollments.exists()
        ):
            raise serializers.ValidationError(
                _("The course cannot change once learners are enrolled.")
            )
        return course

    def validate(self, attrs):
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError(
                {"end_date": [_("The cohort must end after it starts.")]}
            )
        return attrs


class EnrollmentSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A learner's place in a cohort, for the cohort's trainers."""

    learner = serializers.IntegerField(
        source="learner_id", read_only=True, help_text=_("The learner's user id.")
    )
    name = serializers.CharField(
        source="learner.get_full_name",
        read_only=True,
        help_text=_("The learner's full name (empty if they gave none)."),
    )
    email = serializers.EmailField(
        source="learner.email",
        read_only=True,
        help_text=_("The learner's e-mail address."),
    )
    enrolled_at = serializers.DateTimeField(
        source="created_at", read_only=True, help_text=_("When they were enrolled.")
    )

    class Meta:
        model = Enrollment
        fields = ["id", "learner", "name", "email", "status", "source", "enrolled_at"]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The enrolment's id.")},
            "status": {"help_text": _("Where the enrolment stands.")},
            "source": {"help_text": _("How the learner joined the cohort.")},
        }


class ProgressSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A learner's progress on one activity, folded from their xAPI statements."""

    learner = serializers.IntegerField(
        source="learner_id", read_only=True, help_text=_("The learner's user id.")
    )

    class Meta:
        model = ActivityProgress
        fields = [
            "id",
            "learner",
            "activity",
            "status",
            "success",
            "best_score",
            "last_score",
            "attempts",
            "first_at",
            "last_at",
            "time_spent",
            "updated_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The row's id; the list is ordered by it.")},
            "activity": {"help_text": _("The activity's IRI.")},
            "status": {"help_text": _("Where the learner stands on the activity.")},
            "success": {
                "help_text": _("Whether the learner passed, when the activity says.")
            },
            "best_score": {"help_text": _("The best scaled score (0 to 1), if any.")},
            "last_score": {"help_text": _("The latest scaled score (0 to 1), if any.")},
            "attempts": {"help_text": _("How many attempts the learner made.")},
            "first_at": {
                "help_text": _(
                    "When the first statement happened (ISO 8601, as recorded; "
                    "empty if unknown)."
                )
            },
            "last_at": {
                "help_text": _(
                    "When the latest statement happened (ISO 8601, as recorded; "
                    "empty if unknown)."
                )
            },
            "time_spent": {"help_text": _("Time spent on the activity, in seconds.")},
            "updated_at": {"help_text": _("When Chaînon last updated the row.")},
        }
