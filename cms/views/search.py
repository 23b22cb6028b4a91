import re

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search the published pages of the visitor's language.

    Results stay in the language of the page the visitor is reading: a
    French reader gets French pages, never a mix of five languages.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # Only the words go to the backend: SQLite's full-text syntax fails on
    # a stray quote (and NUL bytes), and punctuation finds nothing anyway.
    words = " ".join(re.findall(r"\w+", query))
    results_page = None
    if query and not words:
        results_page = Paginator([], RESULTS_PER_PAGE).get_page(1)
    elif words:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(words)
        )
        # get_page() turns a malformed or out-of-range number into a real page.
        results_page = Paginator(pages, RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "cms/search.html",
        {"search_query": query, "results_page": results_page},
    )
