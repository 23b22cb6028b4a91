from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``mapping|lookup:key`` — a dictionary entry by a key held in a variable."""
    if not mapping:
        return None
    return mapping.get(str(key))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination)."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        query[name] = value
    return query.urlencode()


@register.simple_tag
def activity_id(child):
    """The activity IRI of a unit block that is tracked on its own, else ""."""
    from lms import activity

    if child.block_type == "field_assignment":
        return activity.activity_iri(activity.FIELD_ASSIGNMENT, child.id)
    if child.block_type == "h5p_activity":
        return activity.activity_iri(activity.H5P, child.id)
    return ""


@register.filter
def report_html(value):
    """A report's text as HTML, cleaned again on the way out."""
    from django.utils.safestring import mark_safe

    from lms.report_text import clean_report_html

    return mark_safe(clean_report_html(value))  # noqa: S308 - cleaned by nh3
