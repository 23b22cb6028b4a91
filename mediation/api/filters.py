"""Query-string filters of the mediation resources list (django-filter).

They narrow a list already limited to what the reader may see: a filter
never reveals a draft. Malformed values (a word for an id, an unknown code)
are a 400, and a filter left empty filters nothing.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from cms.api.filters import id_filter
from mediation import vocabulary as vocab
from mediation.models import MediationResourcePage, PartnerInstitution


def codes_q(field_name: str, code: str, vocabulary) -> Q:
    """``code`` is one of the codes of a list column (``ChoiceListField``).

    Each position of the JSON list is compared (``audiences__0`` …), which
    reads the same on SQLite and PostgreSQL, where a JSON ``contains`` does
    not exist on SQLite. A list holds each code of its vocabulary at most
    once (the admin's checkboxes and the API make sure of it), so the
    positions to look at are as many as the vocabulary's codes.
    """
    return reduce(
        or_,
        (Q(**{f"{field_name}__{index}": code}) for index in range(len(vocabulary))),
    )


class ResourceFilter(filters.FilterSet):
    language = filters.ChoiceFilter(
        field_name="locale__language_code",
        choices=settings.LANGUAGES,
        help_text=_(
            "Only the resources in this language (a language code); every "
            "language if not given."
        ),
    )
    partner = id_filter(
        _(
            "Only the resources of this partner institution: the id of any of "
            "its translations (GET /api/v1/partners/)."
        ),
        method="of_partner",
    )
    resource_type = filters.ChoiceFilter(
        choices=vocab.RESOURCE_TYPES,
        help_text=_("Only the resources of this type."),
    )
    audience = filters.ChoiceFilter(
        choices=vocab.AUDIENCES,
        method="for_audience",
        help_text=_("Only the resources declared for this audience."),
    )
    translation_key = filters.UUIDFilter(
        help_text=_(
            "Only the translations of one resource (its translation key, the "
            "same in every language)."
        ),
    )

    class Meta:
        model = MediationResourcePage
        fields = ["language", "partner", "resource_type", "audience", "translation_key"]

    def of_partner(self, queryset, name, value):
        keys = PartnerInstitution.objects.filter(pk=value).values("translation_key")
        return queryset.filter(partner__translation_key__in=keys)

    def for_audience(self, queryset, name, value):
        return queryset.filter(codes_q("audiences", value, vocab.AUDIENCES))
