"""Query-string filters of the learning API (django-filter).

Filters narrow a list that is already scoped to the reader: filtering on
another person's id or another cohort gives an empty list, never their rows.
Malformed values (a word for an id, a date that is not one) are a 400.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from cms.api.filters import MomentFilter, id_filter
from lms.models import ActivityProgress, Cohort, CoursePage
from lms.permissions import in_course_of_cohorts


class CourseFilter(filters.FilterSet):
    language = filters.ChoiceFilter(
        field_name="locale__language_code",
        choices=settings.LANGUAGES,
        help_text=_("Only the courses in this language (a language code)."),
    )
    translation_key = filters.UUIDFilter(
        help_text=_("Only the translations of one course (its translation key)."),
    )

    class Meta:
        model = CoursePage
        fields = ["language", "translation_key"]


class ProgressFilter(filters.FilterSet):
    cohort = id_filter(
        _(
            "Only the rows of this cohort: its learners', on its course's "
            "activities (its id)."
        ),
        method="in_cohort",
    )
    learner = id_filter(
        _("Only this learner's rows (their id)."), field_name="learner_id"
    )
    activity = filters.CharFilter(
        help_text=_("Only the rows of this activity (its IRI, exactly).")
    )
    status = filters.ChoiceFilter(
        choices=ActivityProgress.Status.choices,
        help_text=_("Only the rows in this status."),
    )
    updated_since = MomentFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_(
            "Only the rows updated at or after this moment (ISO 8601), "
            "to fetch what changed since the last download."
        ),
    )

    class Meta:
        model = ActivityProgress
        fields = ["cohort", "learner", "activity", "status", "updated_since"]

    def in_cohort(self, queryset, name, value):
        cohort = Cohort.objects.filter(pk=value).select_related("course").first()
        if cohort is None:
            return queryset.none()
        return queryset.filter(
            in_course_of_cohorts(Cohort.objects.filter(pk=value), cohort.course)
        )
