"""The partner institutions, for anyone: the network's public directory.

A partner exists once per language; a list shows one translation of each,
in the site's default language unless ``?language=`` asks for another.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from wagtail.coreutils import get_supported_content_language_variant

from cms.api.views import ApiViewSetMixin
from mediation.api.serializers import PartnerSerializer
from mediation.models import PartnerInstitution


class PartnerFilter(filters.FilterSet):
    language = filters.ChoiceFilter(
        field_name="locale__language_code",
        choices=settings.LANGUAGES,
        help_text=_(
            "The language of the translations listed; the site's default "
            "language if not given."
        ),
    )
    translation_key = filters.UUIDFilter(
        help_text=_("Only the translations of one partner (its translation key).")
    )

    class Meta:
        model = PartnerInstitution
        fields = ["language", "translation_key"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("language"):
            data = data.copy()
            data["language"] = get_supported_content_language_variant(
                settings.LANGUAGE_CODE
            )
        super().__init__(data, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the partner institutions"),
        description=_(
            "The network's partners, one translation each, in the site's "
            "default language unless another is asked for. Anyone may read them."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a partner institution"),
        description=_("One partner institution, in the language of its id."),
    ),
)
class PartnerViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    # 64-bit ids: a longer number is the router's 404, not a database overflow.
    lookup_value_regex = "[0-9]{1,18}"
    ordering = ["pk"]
    ordering_fields = ["id", "name"]

    def get_queryset(self):
        return PartnerInstitution.objects.select_related("locale")

    def filter_queryset(self, queryset):
        # Filters narrow the list; a detail URL names its partner in any language.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)
