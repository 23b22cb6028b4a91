"""Small helpers of the partner area's pages."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def choice_labels(instance, field_name) -> list[str]:
    """The labels of a ``ChoiceListField``'s codes, in the vocabulary's
    order: ``{% choice_labels page "audiences" as audiences %}``."""
    model_field = instance._meta.get_field(field_name)
    return model_field.labels(getattr(instance, field_name))


@register.simple_tag
def iiif_url(name, key) -> str:
    """The address of a resource's IIIF or JSON-LD description, or "" while
    the site has no such view (the page still renders, without the link)."""
    try:
        return reverse(name, kwargs={"key": key})
    except NoReverseMatch:
        return ""


@register.filter
def lines(text) -> list[str]:
    """The non-empty lines of a text field that holds one entry per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """The current query string with another page number (pagination)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()
