"""What the API shows of partner institutions: their public description."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.serializers import StrictSerializerMixin
from mediation.models import PartnerInstitution


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalUrlField(serializers.URLField):
    """An address or null: an empty string is not a URL to a client."""

    def to_representation(self, value):
        return value or None


class PartnerSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A partner institution of the network, in one language."""

    language = serializers.CharField(
        source="locale.language_code",
        read_only=True,
        help_text=_("The language of this translation of the partner."),
    )
    country = serializers.CharField(
        source="country.code",
        read_only=True,
        help_text=_("The partner's country (ISO 3166-1 alpha-2 code)."),
    )
    website = OptionalUrlField(
        read_only=True, help_text=_("The partner's website, if it has one.")
    )

    class Meta:
        model = PartnerInstitution
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "country",
            "city",
            "website",
            "language",
            "translation_key",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The partner's id in this language.")},
            "name": {"help_text": _("The institution's name.")},
            "slug": {"help_text": _("The partner's slug, the same in every language.")},
            "kind": {"help_text": _("What kind of institution it is.")},
            "city": {"help_text": _("The partner's city or region.")},
            "translation_key": {
                "help_text": _("Shared by the partner's translations.")
            },
        }
