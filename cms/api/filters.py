"""Query-string helpers every list shares: ids and moments that are bad
input (a 400) rather than a database overflow (a 500), and ordering that
stays safe under cursor pagination."""

from datetime import UTC

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

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


class ApiOrderingFilter(OrderingFilter):
    """``?ordering=`` on the fields a view lists in ``ordering_fields``, only.

    DRF's default would accept every serializer field, including nullable
    ones and ones a cursor cannot hold. List plain, non-null model fields
    (no ``__`` lookups: cursor pagination refuses them). The primary key is
    appended as a tie-breaker, so rows that share a value keep one order
    from page to page and the cursor's offset within them stays right.
    """

    ordering_description = _(
        "The order of the list: a field name, or with a minus sign before it "
        "for the reverse order. Ties keep the id order."
    )

    def get_default_valid_fields(self, queryset, view, context=None):
        return []

    def remove_invalid_fields(self, queryset, fields, view, request):
        """An order the list cannot take is an error, not silently the
        default: a script would otherwise get rows in an order it did not
        ask for and never know."""
        valid = [name for name, _label in self.get_valid_fields(queryset, view)]
        unknown = [term for term in fields if term.removeprefix("-") not in valid]
        if unknown:
            raise ValidationError(
                {
                    self.ordering_param: [
                        gettext("Unknown order %(terms)s; use one of: %(choices)s.")
                        % {
                            "terms": ", ".join(unknown),
                            "choices": ", ".join(choices(valid)),
                        }
                    ]
                }
            )
        return fields

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        valid = getattr(view, "ordering_fields", None) or []
        for parameter in parameters:
            parameter["schema"]["enum"] = choices(valid)
        return parameters

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        ordering = list(ordering)
        if not {"pk", "-pk", "id", "-id"} & set(ordering):
            descending = ordering[0].startswith("-")
            ordering.append("-pk" if descending else "pk")
        return ordering


def choices(fields) -> list[str]:
    """Each ordering field, then each one reversed."""
    return [*fields, *(f"-{field}" for field in fields)]
