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
    results_page = None
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
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
