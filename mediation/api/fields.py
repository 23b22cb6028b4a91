"""Serializer fields of the mediation API that take JSON at its word.

DRF reads ``12`` as the text "12" and ``"yes"`` as true; a partner's script
that sends the wrong type should hear so, not find its value converted.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class StrictTypeMixin:
    """Only the JSON type the schema names: DRF would read ``12`` as the
    text "12" and ``"12"`` or ``true`` as a number."""

    json_types: tuple[type, ...] = (str,)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, self.json_types):
            self.fail("invalid", input=data)
        return super().to_internal_value(data)


class TextField(StrictTypeMixin, serializers.CharField):
    pass


class SlugField(StrictTypeMixin, serializers.SlugField):
    pass


class WholeNumberField(StrictTypeMixin, serializers.IntegerField):
    json_types = (int,)


class StrictBooleanField(serializers.BooleanField):
    """``true`` or ``false``: not ``"yes"``, ``1`` or ``"on"``."""

    def to_internal_value(self, data):
        if data is True or data is False:
            return data
        self.fail("invalid", input=data)


class CodeListField(serializers.ListField):
    """Codes of one vocabulary (a ``ChoiceListField`` column), each at most
    once, in the order given."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("child", serializers.ChoiceField(choices=choices))
        kwargs.setdefault("max_length", len(choices))
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, list) and all(isinstance(code, str) for code in data):
            data = list(dict.fromkeys(data))
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class LivePageUrlField(serializers.Field):
    """The page's address on the site, for a live page; a draft has none
    anybody could open."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        if not page.live:
            return None
        return page.get_full_url(self.context.get("request"))


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class StoredFileUrlField(serializers.Field):
    """A stored file's absolute address (signed on S3), or null."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source)

    def to_representation(self, value):
        if not value:
            return None
        request = self.context.get("request")
        url = value.url
        return request.build_absolute_uri(url) if request else url
