"""Cursor pagination for every list of the API.

Why cursors rather than page numbers: the big collections (progress rows,
enrolments) grow while a partner's script walks them. An offset skips or
repeats rows when one is added or removed before it, and ``OFFSET 200000``
makes the database read and drop 200,000 rows; a cursor is a ``WHERE key >
last`` on an index, as cheap on the last page as on the first, and stable
under concurrent writes. The default order is the primary key, ascending,
so new rows land after the last page and a sync script can keep its last
``next`` link and resume from it later.

DRF's cursors are plain base64, so a hand-made one could carry any value
into the ``WHERE`` clause (a text where the key is a number: a 500). Ours
are signed and remember the ordering they were made for; anything else is
a clear 404 ("start again from the first page").
"""

import re

from django.core import signing
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.utils.urls import replace_query_param

MIN_PAGE_SIZE = 1
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
CURSOR_SALT = "cms.api.pagination.cursor"


class ApiCursorPagination(CursorPagination):
    ordering = ("pk",)
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    # No browsable API: no HTML page controls to render.
    template = None
    invalid_cursor_message = _(
        "This cursor is not valid (or no longer): start again from the first page."
    )

    def get_page_size(self, request):
        """The requested size, refused (not silently replaced) when out of range."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not re.fullmatch(r"[0-9]{1,4}", raw) or not (
            MIN_PAGE_SIZE <= int(raw) <= self.max_page_size
        ):
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Enter a whole number from %(min)s to %(max)s.")
                        % {"min": MIN_PAGE_SIZE, "max": self.max_page_size}
                    ]
                }
            )
        return int(raw)

    def _ordering_key(self) -> str:
        return ",".join(self.ordering)

    def encode_cursor(self, cursor):
        payload = {"k": self._ordering_key(), "o": cursor.offset, "r": cursor.reverse}
        if cursor.position is not None:
            payload["p"] = cursor.position
        encoded = signing.dumps(payload, salt=CURSOR_SALT, compress=True)
        return replace_query_param(self.base_url, self.cursor_query_param, encoded)

    def decode_cursor(self, request):
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            payload = signing.loads(encoded, salt=CURSOR_SALT)
            offset, reverse = payload["o"], payload["r"]
            position = payload.get("p")
            valid = (
                payload["k"] == self._ordering_key()
                and isinstance(offset, int)
                and 0 <= offset <= self.offset_cutoff
                and isinstance(reverse, bool)
                and (position is None or isinstance(position, str))
            )
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            valid = False
        if not valid:
            raise NotFound(self.invalid_cursor_message, code="invalid_cursor")
        return Cursor(offset=offset, reverse=reverse, position=position)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    minimum=MIN_PAGE_SIZE,
                    maximum=self.max_page_size,
                    default=self.page_size,
                )
            elif parameter["name"] == self.cursor_query_param:
                parameter["description"] = str(
                    _(
                        "Opaque position of a page: follow the next and previous "
                        "links rather than building it."
                    )
                )
        return parameters
