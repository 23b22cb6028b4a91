"""What every API endpoint shares, and ``GET /api/v1/me/``.

Build endpoints on ``ApiViewSetMixin`` (or the ready-made bases below). The
mixin brings the API's conventions with it instead of the global
``REST_FRAMEWORK`` settings, which also reach DRF views that must keep
their own behaviour (see ``cms/api/__init__.py``).
"""

from hashlib import md5

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.roles import ROLES

from .authentication import ApiTokenAuthentication
from .errors import problem_exception_handler
from .filters import ApiOrderingFilter
from .pagination import ApiCursorPagination
from .throttling import API_THROTTLES

VARY = ["Authorization", "Cookie", "Accept-Language"]
# The attributes that say when an object last changed, in order of trust.
LAST_MODIFIED_ATTRIBUTES = ("updated_at", "last_published_at")


class ApiJSONParser(JSONParser):
    """JSON nested deeper than Python's recursion limit is bad input, not a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(
                gettext("JSON parse error - the document is nested too deeply.")
            ) from None


class ApiViewSetMixin:
    """The API's conventions, for any ``APIView`` or viewset (put it first).

    - Bearer token or session (with CSRF) authentication; an anonymous
      request to a protected endpoint is a 401 with ``WWW-Authenticate``.
    - Throttled per token, per person or per address (``throttling.py``).
    - JSON in, JSON out; errors as problem+json (``errors.py``).
    - Lists: signed cursor pagination and ``?ordering=`` on ``ordering_fields``
      and django-filter ``filterset_class``/``filterset_fields``; those
      filters never apply to a single object's URL.
    - Every unsafe request is one transaction, rolled back on any error
      response. DRF turns exceptions into responses inside ``dispatch``, so
      a bare ``atomic()`` would commit the half done before a 400; and the
      site does not set ``ATOMIC_REQUESTS``, which would also hold a
      transaction for the length of every page view and streamed upload.
    - Successful reads carry a weak ``ETag`` (a hash of the body) and answer
      ``If-None-Match`` with 304; details also say ``Last-Modified``.
    """

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    throttle_classes = API_THROTTLES
    parser_classes = [ApiJSONParser]
    renderer_classes = [JSONRenderer]
    pagination_class = ApiCursorPagination
    filter_backends = [DjangoFilterBackend, ApiOrderingFilter]

    _object_read = None

    def get_exception_handler(self):
        return problem_exception_handler

    def dispatch(self, request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response

    def filter_queryset(self, queryset):
        # Filters narrow a list; a detail URL (or an action on one object)
        # names its object whatever the query string says.
        if getattr(self, "action", None) not in (None, "list"):
            return queryset
        return super().filter_queryset(queryset)

    def get_object(self):
        self._object_read = obj = super().get_object()
        return obj

    def get_last_modified(self):
        """When the object a detail read shows last changed, if it says so."""
        for attribute in LAST_MODIFIED_ATTRIBUTES:
            value = getattr(self._object_read, attribute, None)
            if value is not None:
                return value
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, VARY)
        if request.method not in ("GET", "HEAD"):
            return response
        patch_cache_control(response, private=True, no_cache=True)
        if response.status_code != 200 or getattr(response, "streaming", False):
            return response
        if hasattr(response, "render"):  # DRF's Response; plain ones are rendered
            response.render()
        # The body is the whole truth: it changes with the person, the page,
        # the language and related rows, which no single timestamp tracks.
        # Weak, as the same data may be serialised differently one day.
        etag = f'W/"{md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        last_modified = self.get_last_modified()
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        # Only the ETag decides a 304: Last-Modified is informative, since a
        # change of a related row shows in the body but not in updated_at.
        return get_conditional_response(request, etag=etag, response=response)


class ApiView(ApiViewSetMixin, APIView):
    pass


class ApiGenericViewSet(ApiViewSetMixin, viewsets.GenericViewSet):
    pass


class ApiReadOnlyModelViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ApiModelViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    pass


# --- GET /api/v1/me/ -------------------------------------------------------


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    roles = serializers.SerializerMethodField()
    partner = serializers.IntegerField(
        source="partner_id", read_only=True, allow_null=True
    )

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(ROLES)))
    def get_roles(self, user) -> list[str]:
        names = set(Group.objects.filter(user=user).values_list("name", flat=True))
        return [role for role in ROLES if role in names]


class MeView(ApiViewSetMixin, mixins.RetrieveModelMixin, generics.GenericAPIView):
    """Who the credentials belong to: the first call a new script makes."""

    serializer_class = MeSerializer
    permission_classes = [IsAuthenticated]

    def get_object(self):
        return self.request.user

    @extend_schema(
        operation_id="me_retrieve",
        description=_(
            "The person the token (or session) acts for: identifier, e-mail, "
            "roles and partner institution."
        ),
    )
    def get(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)
