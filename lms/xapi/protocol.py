"""What every xAPI resource shares: the version handshake, the headers,
error bodies and who is calling.

Each resource view is wrapped by ``xapi_view``: it refuses a missing or
unsupported ``X-Experience-API-Version`` (400), identifies the caller
(401 with a Basic challenge, 403 on a failed CSRF check) and sets the
version and consistency headers on whatever the view returns, errors
included.
"""

import functools
import re

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from .auth import CsrfFailed, Unauthorised, identify

VERSION = "2.0.0"
ACCEPTED_VERSIONS = re.compile(r"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")


def xapi_headers(response):
    response["X-Experience-API-Version"] = VERSION
    response["X-Experience-API-Consistent-Through"] = (
        timezone.now().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    )
    return response


def error(status, message):
    return xapi_headers(JsonResponse({"error": message}, status=status))


def unauthorised():
    response = error(401, "Credentials are missing or wrong.")
    response["WWW-Authenticate"] = 'Basic realm="Chaînon LRS"'
    return response


def without_body(request, response):
    """HEAD answers with GET's headers and no body."""
    if request.method == "HEAD":
        response.content = b""
    return response


class TooLarge(Exception):
    """The request body is over ``CHAINON_LRS_MAX_BODY`` (413)."""


def read_body(request) -> bytes:
    """Read at most one byte past the limit, whatever the client declares.

    Read from the stream, not ``request.body``: Django's own upload limit
    (``DATA_UPLOAD_MAX_MEMORY_SIZE``) would turn a body the LRS accepts
    into a 400.
    """
    limit = settings.CHAINON_LRS_MAX_BODY
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = request.read(limit + 1)
    if len(body) > limit:
        raise TooLarge
    return body


def xapi_view(view):
    """Wrap ``view(request, caller)`` in the protocol's checks and headers."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request):
        version = request.headers.get("X-Experience-API-Version", "")
        if not ACCEPTED_VERSIONS.match(version):
            return error(400, "X-Experience-API-Version must be 1.0.x or 2.0.x.")
        try:
            caller = identify(request)
        except Unauthorised:
            return unauthorised()
        except CsrfFailed:
            return error(403, "CSRF check failed.")
        response = view(request, caller)
        if not isinstance(response, HttpResponse):
            raise TypeError("An xAPI view returns an HttpResponse.")
        return xapi_headers(response)

    return wrapped
