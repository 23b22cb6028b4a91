"""Statement queries: the filters of GET /xapi/statements, and paging.

Parameters are checked like statement values (400 when malformed); the
"more" link carries the query and the position reached, signed, so a
client can neither forge nor widen it.
"""

import json
import uuid
from datetime import datetime

from django.core import signing
from django.db.models import Q

from lms.models import ActivityDefinition, Statement, StatementActivity, StatementAgent

from .agents import actor_ifi
from .related import related_activities
from .validation import StatementError, _actor, _iri, timestamp_to_utc

MAX_LIMIT = 100
PARAMETERS = {
    "agent", "verb", "activity", "registration", "since", "until", "limit",
    "ascending", "format", "attachments", "related_activities", "related_agents",
}  # fmt: skip
FORMATS = {"ids", "exact", "canonical"}
MORE_SALT = "lms.xapi.more"


def parse(params) -> dict:
    unknown = sorted(set(params) - PARAMETERS)
    if unknown:
        raise StatementError(unknown[0], "is not a statement query parameter")
    query = {}
    if "agent" in params:
        try:
            agent = json.loads(params["agent"])
        except ValueError:
            raise StatementError("agent", "must be an Agent or Group in JSON") from None
        _actor(agent, "agent")
        query["agent"] = actor_ifi(agent)
    for key in ("verb", "activity"):
        if key in params:
            query[key] = _iri(params[key], key)
    if "registration" in params:
        try:
            query["registration"] = str(uuid.UUID(params["registration"]))
        except ValueError:
            raise StatementError("registration", "must be a UUID") from None
    for key in ("since", "until"):
        if key in params:
            query[key] = timestamp_to_utc(params[key], key)
    limit = params.get("limit", "0")
    if not limit.isdigit():
        raise StatementError("limit", "must be a whole number")
    query["limit"] = min(int(limit) or MAX_LIMIT, MAX_LIMIT)
    for key in ("ascending", "attachments", "related_activities", "related_agents"):
        value = params.get(key, "false")
        if value not in ("true", "false"):
            raise StatementError(key, "must be true or false")
        query[key] = value == "true"
    query["format"] = params.get("format", "exact")
    if query["format"] not in FORMATS:
        raise StatementError("format", "must be ids, exact or canonical")
    return query


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


MATCHING_FILTERS = ("agent", "verb", "activity", "registration")
# How long a chain of StatementRefs the query follows (a → b → c → …).
REFERENCE_DEPTH = 10


def _matching(query: dict) -> Q:
    """The filters that also reach through StatementRefs, as one condition."""
    condition = Q()
    if "agent" in query:
        if query["related_agents"]:
            mentions = StatementAgent.objects.filter(agent=query["agent"])
            condition &= Q(pk__in=mentions.values("statement"))
        else:
            condition &= Q(actor_ifi=query["agent"]) | Q(object_ifi=query["agent"])
    if "verb" in query:
        condition &= Q(verb=query["verb"])
    if "activity" in query:
        if query["related_activities"]:
            mentions = StatementActivity.objects.filter(activity=query["activity"])
            condition &= Q(pk__in=mentions.values("statement"))
        else:
            condition &= Q(activity=query["activity"])
    if "registration" in query:
        condition &= Q(registration=query["registration"])
    return condition


def _referring(condition: Q) -> set:
    """Ids of statements that target, through StatementRefs, a match.

    Statements with a StatementRef object are few (voiding, comments on a
    statement), and ``refers_to`` is indexed, so each level is a small
    lookup; the common query without any keeps its plain indexed plan.
    """
    found = set()
    level = Statement.objects.filter(
        refers_to__in=Statement.objects.filter(condition).values("pk")
    )
    for _depth in range(REFERENCE_DEPTH):
        ids = set(level.values_list("pk", flat=True)) - found
        if not ids:
            break
        found |= ids
        level = Statement.objects.filter(refers_to__in=ids)
    return found


def run(query: dict, visible, cursor=None):
    """One page of statements for ``query`` among ``visible`` rows.

    A statement whose object is a StatementRef matches when the statement
    it targets matches (recursively), the spec's "Filter Conditions for
    StatementRefs"; time, order and limit apply to the referring statement
    itself.  Voided statements are never returned but still count as targets.
    """
    rows = visible.filter(voided=False)
    if any(key in query for key in MATCHING_FILTERS):
        condition = _matching(query)
        referring = _referring(condition)
        if referring:
            condition |= Q(pk__in=referring)
        rows = rows.filter(condition)
    if "since" in query:
        rows = rows.filter(stored__gt=_moment(query["since"]))
    if "until" in query:
        rows = rows.filter(stored__lte=_moment(query["until"]))
    ascending = query["ascending"]
    if cursor is not None:
        stored, pk = _moment(cursor[0]), uuid.UUID(cursor[1])
        after = Q(stored__gt=stored) | Q(stored=stored, pk__gt=pk)
        before = Q(stored__lt=stored) | Q(stored=stored, pk__lt=pk)
        rows = rows.filter(after if ascending else before)
    order = ("stored", "pk") if ascending else ("-stored", "-pk")
    page = list(rows.order_by(*order)[: query["limit"] + 1])
    more = None
    if len(page) > query["limit"]:
        page = page[: query["limit"]]
        last = page[-1]
        more = signing.dumps(
            {"query": query, "cursor": [last.stored.isoformat(), str(last.pk)]},
            salt=MORE_SALT,
            compress=True,
        )
    return page, more


def resume(token: str):
    """The query and position a "more" token carries, or ``StatementError``."""
    try:
        data = signing.loads(token, salt=MORE_SALT)
    except signing.BadSignature:
        raise StatementError("more", "is not a link this LRS made") from None
    return data["query"], data["cursor"]


LANGUAGE_MAPS = {"display", "name", "description"}


def _best(language_map: dict, languages: list[str]) -> dict:
    """The one entry a reader of ``languages`` wants, else the first one."""
    for wanted in languages:
        for tag, text in language_map.items():
            if tag.lower() == wanted or tag.lower().split("-")[0] == wanted:
                return {tag: text}
    first = next(iter(language_map.items()), None)
    return dict([first]) if first else {}


def _canonical(value, languages):
    if isinstance(value, list):
        return [_canonical(item, languages) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: _best(item, languages)
        if key in LANGUAGE_MAPS and isinstance(item, dict)
        else (item if key == "extensions" else _canonical(item, languages))
        for key, item in value.items()
    }


def accepted_languages(header: str) -> list[str]:
    """``Accept-Language`` as tags in order of preference, lower-case."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, quality = part.strip().partition(";q=")
        if not tag or tag == "*":
            continue
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        weighted.append((-weight, position, tag.lower()))
    return [tag for _weight, _position, tag in sorted(weighted)]


def _with_definitions(value, definitions: dict):
    """Every activity of ``value`` carrying the LRS's canonical definition."""
    if isinstance(value, list):
        return [_with_definitions(item, definitions) for item in value]
    if not isinstance(value, dict):
        return value
    result = {
        key: item if key == "extensions" else _with_definitions(item, definitions)
        for key, item in value.items()
    }
    is_activity = value.get("objectType", "Activity") == "Activity" and (
        set(value) <= {"objectType", "id", "definition"} and "id" in value
    )
    if is_activity and value["id"] in definitions:
        result["definition"] = definitions[value["id"]]
    return result


def canonical_definitions(rows) -> dict:
    """The LRS's definitions of the activities in ``rows``, in one query."""
    iris = set()
    for row in rows:
        iris |= related_activities(row.data)
    return dict(
        ActivityDefinition.objects.filter(iri__in=iris).values_list("iri", "definition")
    )


def shaped(statement: dict, fmt: str, languages=(), definitions=None) -> dict:
    """``ids``: agents, activities and verbs reduced to their identifiers;
    ``canonical``: activities with the LRS's canonical definitions and each
    language map down to the reader's language."""
    if fmt == "canonical":
        statement = _with_definitions(statement, definitions or {})
        return _canonical(statement, list(languages))
    if fmt != "ids":
        return statement
    return _ids(statement)


IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")


def _agent_ids(value: dict) -> dict:
    """An Agent or Group down to what identifies it: no name; an anonymous
    Group keeps its members, themselves reduced."""
    kept = {k: v for k, v in value.items() if k not in ("name", "member")}
    if "member" in value and not any(k in value for k in IFI_KEYS):
        kept["member"] = [_agent_ids(m) for m in value["member"]]
    return kept


def _activity_ids(value: dict) -> dict:
    return {k: v for k, v in value.items() if k in ("objectType", "id")}


def _context_ids(context: dict) -> dict:
    result = dict(context)
    for key in ("instructor", "team"):
        if key in context:
            result[key] = _agent_ids(context[key])
    if "contextActivities" in context:
        result["contextActivities"] = {
            kind: [_activity_ids(item) for item in items]
            for kind, items in context["contextActivities"].items()
        }
    if "contextAgents" in context:
        result["contextAgents"] = [
            {**entry, "agent": _agent_ids(entry["agent"])}
            for entry in context["contextAgents"]
        ]
    if "contextGroups" in context:
        result["contextGroups"] = [
            {**entry, "group": _agent_ids(entry["group"])}
            for entry in context["contextGroups"]
        ]
    return result


def _ids(statement: dict) -> dict:
    """The ``ids`` format: every Agent, Group, Activity and Verb of the
    statement, SubStatement and context included, down to its identifier."""
    result = dict(statement)
    for key in ("actor", "authority"):
        if key in statement:
            result[key] = _agent_ids(statement[key])
    result["verb"] = {"id": statement["verb"]["id"]}
    target = statement["object"]
    kind = target.get("objectType", "Activity")
    if kind == "Activity":
        result["object"] = {"objectType": "Activity", "id": target["id"]}
    elif kind in ("Agent", "Group"):
        result["object"] = _agent_ids(target)
    elif kind == "SubStatement":
        result["object"] = _ids(target)
    if "context" in statement:
        result["context"] = _context_ids(statement["context"])
    return result
