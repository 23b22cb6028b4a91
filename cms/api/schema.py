"""drf-spectacular hooks: the schema tells the whole truth about /api/v1/.

A partner scripts against the published schema alone, and schemathesis
fuzzes the API against it; both need every answer the API can give to be
in it, errors included, and the request bodies to be as strict as the
serializers (``StrictSerializerMixin``).
"""

from django.utils.translation import gettext_lazy as _

from .errors import PROBLEM_CONTENT_TYPE

API_PREFIX = "/api/v1/"

PROBLEM_SCHEMA = {
    "type": "object",
    "description": _(
        "An error (RFC 9457 problem details). The type is an identifier "
        "such as urn:chainon:problem:not_found; errors lists the messages per "
        "field, nested fields as dotted paths (items[2].email)."
    ),
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

ANY_METHOD = {
    "400": _("Invalid request: the errors say which fields."),
    "401": _("Missing, malformed, unknown or revoked credentials."),
    "403": _("The credentials do not allow this."),
    "404": _("No such object for these credentials (or no such page cursor)."),
    "406": _("The Accept header asks for something other than JSON."),
    "429": _("Too many requests: wait as long as Retry-After says."),
}
WRITES = {
    "409": _(
        "The object's state does not allow it now (already reviewed, "
        "waiting for moderation, processing, active in another cohort)."
    ),
    "413": _("The request body is too large."),
    "415": _("The body is not JSON."),
}


def only_api_v1(endpoints, **kwargs):
    """Keeps the site's other DRF views (the upload widget's) out of the schema."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def add_problem_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    content = {
        PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            codes = dict(ANY_METHOD)
            if method in ("post", "put", "patch"):
                codes |= WRITES
            for code, description in codes.items():
                operation["responses"].setdefault(
                    code, {"description": description, "content": content}
                )
    return result


def forbid_unknown_request_fields(result, generator, request, public):
    """Request bodies accept no other keys than the documented ones.

    drf-spectacular names request components ``…Request`` (the setting
    ``COMPONENT_SPLIT_REQUEST``); every request serializer of the API uses
    ``StrictSerializerMixin``, which refuses the other keys.
    """
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and component.get("type") == "object":
            component["additionalProperties"] = False
    return result
