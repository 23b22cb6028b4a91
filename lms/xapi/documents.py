"""The LRS's document resources: activity state, activity and agent profiles.

An H5P player or a cmi5 package keeps its bookmark and answers here, so a
learner resumes on another device; profiles hold what a tool knows about
an activity or a person.  The three resources differ only in the keys that
name a document, so one view serves each through a ``Resource``
description, and the rules the specification fixes (ETags, preconditions,
merging) live in ``document_rules``, away from HTTP.

Order of the checks: method (405), the client's scopes (403), the body's
size (413), the parameters (400), the learner's ownership (403), then the
document itself (404, 409, 412, 400).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.http import http_date

from lms.models import LRSClient, LRSDocument

from . import document_rules as rules
from .agents import actor_ifi, learner_agent
from .protocol import TooLarge, error, read_body, without_body, xapi_view
from .validation import _agent, _iri, _uuid, timestamp_to_utc

METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")
DEFAULT_CONTENT_TYPE = "application/octet-stream"
# The model's key columns; longer values could not be stored, so they are
# refused as bad parameters rather than failing in the database.
MAX_KEY_LENGTH = 400
MAX_CONTENT_TYPE_LENGTH = 255
Scope = LRSClient.Scope
Kind = LRSDocument.Kind


@dataclass(frozen=True)
class Resource:
    kind: str
    id_param: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    # Only the State Resource deletes every document of a context at once.
    deletes_many: bool = False


STATE = Resource(
    Kind.STATE, "stateId", ("activityId", "agent"), ("registration",), True
)
ACTIVITY_PROFILE = Resource(Kind.ACTIVITY_PROFILE, "profileId", ("activityId",))
AGENT_PROFILE = Resource(Kind.AGENT_PROFILE, "profileId", ("agent",))


class ParameterError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    """The document (or, without an id, the documents) a request is about."""

    kind: str
    activity: str = ""
    agent: dict | None = None
    # None: not given, which for lists and deletions means every registration.
    registration: str | None = None
    document_id: str = ""
    since: datetime | None = None

    @property
    def agent_ifi(self) -> str:
        return actor_ifi(self.agent) if self.agent is not None else ""

    def scope(self) -> dict:
        lookup = {"kind": self.kind, "activity": self.activity, "agent": self.agent_ifi}
        if self.registration is not None:
            lookup["registration"] = self.registration
        return lookup

    def key(self) -> dict:
        return {
            **self.scope(),
            "registration": self.registration or "",
            "document_id": self.document_id,
        }


@xapi_view
def state(request, caller):
    return _serve(request, caller, STATE)


@xapi_view
def activity_profile(request, caller):
    return _serve(request, caller, ACTIVITY_PROFILE)


@xapi_view
def agent_profile(request, caller):
    return _serve(request, caller, AGENT_PROFILE)


def _serve(request, caller, resource):
    if request.method not in METHODS:
        response = error(405, "Method not allowed.")
        response["Allow"] = ", ".join(METHODS)
        return response
    writing = request.method in ("PUT", "POST", "DELETE")
    refusal = _client_refusal(caller, resource.kind, writing)
    if refusal:
        return error(403, refusal)
    try:
        body = read_body(request) if request.method in ("PUT", "POST") else b""
    except TooLarge:
        return error(413, "The document is larger than this LRS accepts.")
    try:
        target = _target(request, resource)
    except ValueError as problem:
        return error(400, str(problem))
    refusal = _learner_refusal(caller, target, writing)
    if refusal:
        return error(403, refusal)
    if request.method in ("GET", "HEAD"):
        found = _read_one(target) if target.document_id else _read_ids(target)
        return without_body(request, found)
    if request.method == "DELETE":
        return _delete(request, target)
    return _write(request, target, body)


# Who may do what -----------------------------------------------------------


def _client_refusal(caller, kind, writing) -> str:
    """Scopes name what a tool was trusted with when its key was made."""
    if caller.client is None:
        return ""
    if kind == Kind.STATE:
        scopes = (Scope.STATE, Scope.WRITE)
    elif writing:
        scopes = (Scope.PROFILE, Scope.DEFINE)
    else:
        scopes = (Scope.PROFILE, Scope.DEFINE, Scope.READ)
    if any(caller.client.may(scope) for scope in scopes):
        return ""
    return "This client's scopes do not cover this resource."


def _learner_refusal(caller, target, writing) -> str:
    """Through their session a learner keeps only their own documents;
    activity profiles describe the activity for everyone, so they only read."""
    if caller.user is None:
        return ""
    if target.kind == Kind.ACTIVITY_PROFILE:
        return "Learners may not write activity profiles." if writing else ""
    if target.agent_ifi != actor_ifi(learner_agent(caller.user)):
        return "You may only keep documents about yourself."
    return ""


# Reading the request -------------------------------------------------------


def _content_type(request) -> str:
    """Kept as sent, parameters included, so a GET returns what was PUT."""
    content_type = request.META.get("CONTENT_TYPE", "").strip()
    if len(content_type) > MAX_CONTENT_TYPE_LENGTH:
        raise ParameterError("The Content-Type header is too long.")
    return content_type or DEFAULT_CONTENT_TYPE


def _check_names(params, resource, reading):
    allowed = {*resource.required, *resource.optional, resource.id_param}
    if reading:
        allowed.add("since")
    for name in params:
        if name not in allowed:
            raise ParameterError(f"{name} is not a parameter of this request.")
        if len(params.getlist(name)) > 1:
            raise ParameterError(f"{name} is given more than once.")
    for name in resource.required:
        if name not in params:
            raise ParameterError(f"{name} is required.")


def _target(request, resource) -> Target:
    params = request.GET
    reading = request.method in ("GET", "HEAD")
    _check_names(params, resource, reading)
    document_id = params.get(resource.id_param)
    many_allowed = reading or (request.method == "DELETE" and resource.deletes_many)
    if document_id is None and not many_allowed:
        raise ParameterError(f"{resource.id_param} is required.")
    if document_id is not None and "since" in params:
        raise ParameterError("since lists documents; it cannot go with an id.")
    fields = {"kind": resource.kind}
    if "activityId" in params:
        fields["activity"] = _short(
            _iri(params["activityId"], "activityId"), "activityId"
        )
    if "agent" in params:
        fields["agent"] = _agent_parameter(params["agent"])
    if "registration" in params:
        fields["registration"] = _uuid(params["registration"], "registration")
    if document_id is not None:
        fields["document_id"] = _document_id(document_id, resource.id_param)
    if "since" in params:
        fields["since"] = datetime.fromisoformat(
            timestamp_to_utc(params["since"], "since")
        )
    return Target(**fields)


def _short(value: str, name: str) -> str:
    if len(value) > MAX_KEY_LENGTH:
        raise ParameterError(f"{name} is longer than {MAX_KEY_LENGTH} characters.")
    return value


def _document_id(value: str, name: str) -> str:
    if not value:
        raise ParameterError(f"{name} cannot be empty.")
    return _short(value, name)


def _agent_parameter(text: str) -> dict:
    """An Agent, never a Group: the spec says so for documents (1.0.3 Part
    Three 2.6 note); a group's data goes under its identifier as an Agent."""
    try:
        value = json.loads(text)
    except ValueError:
        raise ParameterError("agent must be a JSON Agent object.") from None
    _agent(value, "agent")
    _short(actor_ifi(value), "agent")
    return value


# Answering ---------------------------------------------------------------


def _read_one(target):
    document = LRSDocument.objects.filter(**target.key()).first()
    if document is None:
        return error(404, "No such document.")
    response = HttpResponse(bytes(document.content), content_type=document.content_type)
    response["ETag"] = f'"{document.etag}"'
    response["Last-Modified"] = http_date(document.updated.timestamp())
    return response


def _read_ids(target):
    rows = LRSDocument.objects.filter(**target.scope())
    if target.since is not None:
        rows = rows.filter(updated__gt=target.since)
    ids = list(
        rows.order_by("document_id").values_list("document_id", flat=True).distinct()
    )
    response = JsonResponse(ids, safe=False)
    response["ETag"] = f'"{rules.etag_of(response.content)}"'
    newest = rows.aggregate(newest=Max("updated"))["newest"]
    if newest is not None:
        response["Last-Modified"] = http_date(newest.timestamp())
    return response


def _no_content(etag=None):
    response = HttpResponse(status=204)
    if etag:
        response["ETag"] = f'"{etag}"'
    return response


def _decision(request, current, guarded=False):
    return rules.decide(
        if_match=request.headers.get("If-Match", "").strip(),
        if_none_match=request.headers.get("If-None-Match", "").strip(),
        current=current.etag if current is not None else None,
        method=request.method,
        guarded=guarded,
    )


def _refused(decision):
    """The error for a write the preconditions stop, or None to go ahead."""
    if decision is rules.Decision.PRECONDITION_FAILED:
        return error(412, "The document's ETag does not meet the precondition.")
    if decision is rules.Decision.CONFLICT:
        return error(
            409,
            "This document already exists. Fetch its current state, then send "
            "If-Match with its ETag to replace it.",
        )
    return None


def _locked(target):
    """The stored document, locked until the transaction ends, or None."""
    return LRSDocument.objects.select_for_update().filter(**target.key()).first()


def _delete(request, target):
    if not target.document_id:
        LRSDocument.objects.filter(**target.scope()).delete()
        return _no_content()
    with transaction.atomic():
        current = _locked(target)
        refused = _refused(_decision(request, current))
        if refused is not None:
            return refused
        if current is not None:
            current.delete()
    return _no_content()


def _write(request, target, body):
    try:
        content_type = _content_type(request)
        if rules.is_json(content_type):
            rules.parse_json(body)
    except ValueError as problem:
        return error(400, str(problem))
    version = request.headers.get("X-Experience-API-Version", "")
    guarded = rules.guards_put(target.kind, version)
    # A document created between our read and our insert breaks the unique
    # key; the second attempt sees it and applies the rules to it.
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _store(request, target, body, content_type, guarded)
        except IntegrityError:
            if attempt == 2:
                break
    return error(409, "The document changed while it was being written; retry.")


def _store(request, target, body, content_type, guarded):
    current = _locked(target)
    refused = _refused(_decision(request, current, guarded))
    if refused is not None:
        return refused
    if request.method == "POST" and current is not None:
        try:
            body = rules.merge(
                bytes(current.content), current.content_type, body, content_type
            )
        except rules.DocumentError as problem:
            return error(400, str(problem))
        content_type = current.content_type
    document = current or LRSDocument(**target.key())
    document.content = body
    document.content_type = content_type
    document.etag = rules.etag_of(body)
    document.updated = timezone.now()
    document.save()
    return _no_content(document.etag)
