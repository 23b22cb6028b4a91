"""An unreachable file storage is a clear page, not a 500.

Any view that touches storage (a Wagtail image upload, a document download)
can meet S3 being down. This middleware answers 503 with a sentence saying
so, in the page's language, as JSON for API requests. Django writes a file
before the row that names it, so a failed write leaves no row behind.
"""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse

from media.messages import unavailable_message
from media.storage_access import StorageUnavailable, is_unavailable

logger = logging.getLogger(__name__)


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, StorageUnavailable) or is_unavailable(exception)):
            return None
        logger.warning(
            "File storage unavailable during %s: %s", request.path, exception
        )
        message = unavailable_message()
        wants_json = request.accepts("application/json") and not request.accepts(
            "text/html"
        )
        if request.path.startswith("/api/") or wants_json:
            return JsonResponse({"detail": message}, status=503)
        response = TemplateResponse(
            request, "media/storage_unavailable.html", {"message": message}, status=503
        )
        response["Retry-After"] = "60"
        return response.render()
