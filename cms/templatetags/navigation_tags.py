"""Site chrome: the main menu, the footer links and the language switcher.

The page tree is the navigation: the main menu lists the home page's
children that editors marked "show in menus", in the language being read.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


def _localized_root(context):
    """The home page in the language being read (once per request)."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_chainon_localized_root", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site.root_page.localized.specific if site else False
        request._chainon_localized_root = cached
    return cached or None


@register.simple_tag(takes_context=True)
def site_root(context):
    return _localized_root(context)


@register.simple_tag(takes_context=True)
def main_menu(context):
    root = _localized_root(context)
    if root is None:
        return Page.objects.none()
    return root.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Links every page's footer carries, in the language being read."""
    root = _localized_root(context)
    statement = getattr(root, "accessibility_statement", None)
    if statement is None or not statement.live:
        return []
    return [statement.localized]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation when it exists.

    A page without a translation in some language links to that language's
    home page instead of a 404; views that are not Wagtail pages (search,
    accounts) link to the same view in the other language.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
        }
    roots = {}
    root = _localized_root(context)
    if root is not None:
        roots = {
            p.locale.language_code: p
            for p in root.get_translations(inclusive=True)
            .live()
            .select_related("locale")
        }
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page) and code in roots:
            url = roots[code].get_url(request)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return links
