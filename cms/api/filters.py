"""Ordering that stays safe under cursor pagination."""

from rest_framework.filters import OrderingFilter


class ApiOrderingFilter(OrderingFilter):
    """``?ordering=`` on the fields a view lists in ``ordering_fields``, only.

    DRF's default would accept every serializer field, including nullable
    ones and ones a cursor cannot hold. List plain, non-null model fields
    (no ``__`` lookups: cursor pagination refuses them). The primary key is
    appended as a tie-breaker, so rows that share a value keep one order
    from page to page and the cursor's offset within them stays right.
    """

    def get_default_valid_fields(self, queryset, view, context=None):
        return []

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        ordering = list(ordering)
        if not {"pk", "-pk", "id", "-id"} & set(ordering):
            descending = ordering[0].startswith("-")
            ordering.append("-pk" if descending else "pk")
        return ordering
