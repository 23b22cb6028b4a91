"""Language handling that leaves machine paths alone.

Django's ``LocaleMiddleware`` turns a 404 on an unprefixed path into a
redirect to ``/<language>/<path>`` whenever that path resolves, and
Wagtail's catch-all page route resolves everything. For pages that is
right (``/le-reseau/`` → ``/fr/le-reseau/``); for the API, media files and
the admin it would turn a plain 404 into a redirect to an HTML page.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        unprefixed = (
            "/api/",
            "/xapi/",
            "/h5p/",
            "/iiif/",
            "/admin/",
            "/documents/",
            settings.MEDIA_URL,
        )
        if request.path_info.startswith(unprefixed):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
