"""Problem details (RFC 9457) for every error of the API.

A script written against the docs must be able to handle any refusal the
same way: one shape, ``{"type", "title", "status", "detail", "errors"}``,
served as ``application/problem+json``, with the field errors flattened to
dotted paths (``items[2].email``) so a client can point at the exact input.
Errors DRF does not know stay real exceptions, hence real, logged 500s.
"""

import re
from http import HTTPStatus

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:chainon:problem:"
VERSIONED_PATH = re.compile(r"/api/v[0-9]+/")

TITLES = {
    400: _("Invalid request."),
    401: _("Not authenticated."),
    403: _("Not allowed."),
    404: _("Not found."),
    405: _("Method not allowed."),
    406: _("Not acceptable."),
    409: _("Conflict."),
    412: _("Precondition failed."),
    413: _("Request body too large."),
    415: _("Unsupported media type."),
    429: _("Too many requests."),
}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is larger than the server accepts.")
    default_code = "payload_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the current state.")
    default_code = "conflict"


def title_for(status_code: int) -> str:
    if status_code in TITLES:
        return str(TITLES[status_code])
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return str(status_code)


def problem(status_code: int, code: str, detail: str, errors=None) -> dict:
    return {
        "type": f"{TYPE_PREFIX}{code}",
        "title": title_for(status_code),
        "status": status_code,
        "detail": str(detail),
        "errors": errors or {},
    }


def flatten_errors(data, prefix: str = "") -> dict[str, list[str]]:
    """``{"a": {"b": ["x"]}, "items": {1: {"c": ["y"]}}}`` →
    ``{"a.b": ["x"], "items[1].c": ["y"]}``; lists of errors (``many=True``
    at the top) get the same ``[index]``."""
    out = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, int):  # DRF keys list items' errors by index
                name = f"{prefix}[{key}]"
            elif key == "non_field_errors" and prefix:
                # A nested list's own error (empty, too long) is the field's.
                name = prefix
            else:
                name = f"{prefix}.{key}" if prefix else str(key)
            out.update(flatten_errors(value, name))
    elif isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                out.update(flatten_errors(value, f"{prefix}[{index}]"))
            else:
                out.setdefault(prefix or "non_field_errors", []).append(str(value))
    else:
        messages = data if isinstance(data, list) else [data]
        out[prefix or "non_field_errors"] = [str(message) for message in messages]
    return out


def problem_exception_handler(exc, context):
    """The ``get_exception_handler()`` of every API view (see ``views.py``)."""
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, Http404):
        # Not Django's message: it would name the model ("No Cohort matches").
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            response.status_code,
            "invalid",
            gettext("One or more fields are invalid."),
            flatten_errors(response.data),
        )
    else:
        data = response.data
        detail = data.get("detail", "") if isinstance(data, dict) else data
        code = getattr(detail, "code", None) or exc.default_code
        body = problem(response.status_code, code, detail or title_for(exc.status_code))
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


@csrf_exempt  # a POST to a wrong address is a 404 problem, not the CSRF page
def api_not_found(request, *args, **kwargs):
    """Every address under /api/ that names no endpoint: a problem, not a page."""
    detail = gettext("No endpoint at this address.")
    path = request.path_info
    if not path.endswith("/"):
        try:
            match = resolve(f"{path}/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            detail = gettext("No endpoint at this address; did you mean %(path)s?") % {
                "path": f"{request.path}/"
            }
    return JsonResponse(
        problem(404, "not_found", detail),
        status=404,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def site_exception_handler(exc, context):
    """The site-wide ``EXCEPTION_HANDLER``: problem+json under /api/v<n>/ only.

    API views get ``problem_exception_handler`` from ``ApiViewSetMixin``
    anyway; this covers a versioned view built without it. Every other DRF
    view (the upload widget's /api/media/, Wagtail's admin endpoints) keeps
    DRF's ``{"detail": …}`` bodies that its front end reads.
    """
    request = context.get("request")
    if request is not None and VERSIONED_PATH.match(request.path_info):
        return problem_exception_handler(exc, context)
    return exception_handler(exc, context)
