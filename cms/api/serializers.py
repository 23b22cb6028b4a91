"""Serializer helpers shared by the API's endpoints."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class StrictSerializerMixin:
    """Refuses keys the serializer does not know, instead of dropping them.

    A misspelt field ("titel") silently ignored is a write that did not
    happen as the client believes; so an unknown key is a field error,
    reported with the other field errors in one answer. Read-only fields
    count as unknown on input too: sending them has no effect. Works per
    item under ``many=True`` and for nested serializers, whose own
    ``to_internal_value`` runs as well. The schema says the same thing
    (``additionalProperties: false``, see ``cms.api.schema``).
    """

    unknown_field_message = _("Unknown field.")

    def to_internal_value(self, data):
        unknown = {}
        if isinstance(data, dict):
            writable = {
                field.field_name
                for field in self.fields.values()
                if not field.read_only
            }
            unknown = {
                key: [self.unknown_field_message] for key in data if key not in writable
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not unknown or not isinstance(error.detail, dict):
                raise
            raise serializers.ValidationError({**error.detail, **unknown}) from None
        if unknown:
            raise serializers.ValidationError(unknown)
        return value
