"""What the upload API accepts: declarations checked for shape here, for
meaning (size, type, permission) in ``media.uploads.service``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class StartUploadSerializer(serializers.Serializer):
    target = serializers.CharField(
        max_length=200,
        help_text=_("The file field this upload is for: app.model.field."),
    )
    filename = serializers.CharField(max_length=1000, trim_whitespace=True)
    size = serializers.IntegerField(min_value=0, max_value=2**62)
    content_type = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )


class PartNumbersSerializer(serializers.Serializer):
    numbers = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=10_000),
        allow_empty=False,
        max_length=100,
    )
