"""The ``activities`` and ``agents`` resources: what the LRS knows of an
activity or a person.

An activity's canonical definition is the one ``store`` kept (the first
seen, or the latest from a client trusted to "define"); an activity never
defined still answers as a bare Activity, as the spec asks.  A person is
the identifiers and names the LRS has seen for an agent: Chaînon does not
merge identities across identifiers, so a person has one of each it knows.
"""

import json

from django.http import JsonResponse
from django.utils.http import http_date

from lms.models import ActivityDefinition, LRSClient, Statement

from .agents import actor_ifi, learner_agent
from .protocol import error, without_body, xapi_view
from .validation import StatementError, _agent, _iri

IFIS = ("mbox", "mbox_sha1sum", "openid", "account")


def _single_parameter(request, name):
    extra = set(request.GET) - {name}
    if extra:
        raise StatementError(sorted(extra)[0], "is not a parameter of this resource")
    if name not in request.GET:
        raise StatementError(name, "is required")
    return request.GET[name]


def _may_read_definitions(caller) -> bool:
    if caller.user is not None:
        return True
    return any(
        caller.client.may(scope)
        for scope in (
            LRSClient.Scope.READ,
            LRSClient.Scope.READ_MINE,
            LRSClient.Scope.DEFINE,
            LRSClient.Scope.WRITE,
        )
    )


@xapi_view
def activities(request, caller):
    if request.method not in ("GET", "HEAD"):
        return error(405, "The activities resource is read-only.")
    if not _may_read_definitions(caller):
        return error(403, "This client may not read activities.")
    try:
        iri = _iri(_single_parameter(request, "activityId"), "activityId")
    except StatementError as problem:
        return error(400, str(problem))
    known = ActivityDefinition.objects.filter(iri=iri).first()
    body = {"objectType": "Activity", "id": iri}
    if known is not None and known.definition:
        body["definition"] = known.definition
    response = JsonResponse(body)
    if known is not None:
        response["Last-Modified"] = http_date(known.updated.timestamp())
    return without_body(request, response)


def _person(agent: dict) -> dict:
    """The Person object of an agent: its identifier and the names seen."""
    ifi = actor_ifi(agent)
    person = {"objectType": "Person"}
    for key in IFIS:
        if key in agent:
            person[key] = [agent[key]]
    names = [agent["name"]] if "name" in agent else []
    latest = (
        Statement.objects.filter(actor_ifi=ifi)
        .order_by("-stored")
        .values_list("data", flat=True)
        .first()
    )
    seen = (latest or {}).get("actor", {}).get("name")
    if seen and seen not in names:
        names.append(seen)
    if names:
        person["name"] = names
    return person


@xapi_view
def agents(request, caller):
    if request.method not in ("GET", "HEAD"):
        return error(405, "The agents resource is read-only.")
    try:
        raw = _single_parameter(request, "agent")
        try:
            agent = json.loads(raw)
        except ValueError:
            raise StatementError("agent", "must be an Agent in JSON") from None
        _agent(agent, "agent")
    except StatementError as problem:
        return error(400, str(problem))
    if caller.user is not None:
        if actor_ifi(agent) != actor_ifi(learner_agent(caller.user)):
            return error(403, "Learners may only ask about themselves.")
    elif not (
        caller.client.may(LRSClient.Scope.READ)
        or caller.client.may(LRSClient.Scope.DEFINE)
    ):
        return error(403, "This client may not read agents.")
    return without_body(request, JsonResponse(_person(agent)))
