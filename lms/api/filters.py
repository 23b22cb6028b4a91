"""Query-string filters of the learning API (django-filter).

Filters narrow a list that is already scoped to the reader: filtering on
another person's id or another cohort gives an empty list, never their rows.
Malformed values (a word for an id, a date that is not one) are a 400.
"""

from datetime import UTC

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field

from lms.models import ActivityProgress, Cohort, CoursePage
from lms.permissions import in_course_of_cohorts

# Our rows' ids are 64-bit: a larger number would overflow the database
# driver (a 500) instead of matching nothing.
MAX_ROW_ID = 2**63 - 1


class IdFilter(filters.Filter):
    """An integer id: ``NumberFilter`` would accept ``1.5`` and round it."""

    field_class = forms.IntegerField


def id_filter(help_text, **kwargs) -> IdFilter:
    """An id filter, with its range and help text in the schema (an
    annotation replaces what drf-spectacular would read from the filter)."""
    kwargs.update(min_value=1, max_value=MAX_ROW_ID, help_text=help_text)
    schema = {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_ROW_ID,
        "description": help_text,
    }
    return extend_schema_field(schema)(IdFilter(**kwargs))


class MomentField(IsoDateTimeField):
    """An ISO 8601 moment the database can hold: the year 1 in Paris is
    before the year 1 in UTC, which the driver cannot write (a 500)."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is not None:
            try:
                moment.astimezone(UTC)
            except OverflowError:
                raise forms.ValidationError(
                    _("Enter a moment between the years 1 and 9999."),
                    code="out_of_range",
                ) from None
        return moment


class MomentFilter(filters.IsoDateTimeFilter):
    field_class = MomentField


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
