"""Ordering that stays safe under cursor pagination."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter


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
