"""xAPI 2.0 statement validation, in plain Python.

The learning record store answers 400 to anything the xAPI 2.0 data model
forbids (IEEE 9274.1.1, with 1.0.3 statements accepted).  The rules live
here, importing nothing from Django, so they can be read against the
specification section by section, tested on their own and reused by any
tool that wants to check a statement before sending it.

``validate_statement`` returns a normalised copy (lower-case ids, UTC
timestamps, ``contextActivities`` as lists) or raises ``StatementError``
naming the property at fault.
"""

import re
import uuid
from datetime import UTC, datetime

__all__ = ["StatementError", "validate_statement", "validate_statements"]

STATEMENT_PROPERTIES = {
    "id", "actor", "verb", "object", "result", "context", "timestamp",
    "stored", "authority", "version", "attachments",
}  # fmt: skip
SUBSTATEMENT_PROPERTIES = {
    "objectType", "actor", "verb", "object", "result", "context", "timestamp",
    "attachments",
}  # fmt: skip
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
    "sequencing", "likert", "numeric", "other",
}  # fmt: skip
INTERACTION_COMPONENTS = {
    "choices": {"choice", "sequencing"},
    "scale": {"likert"},
    "source": {"matching"},
    "target": {"matching"},
    "steps": {"performance"},
}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}

IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
IRL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$", re.I)
MAILTO = re.compile(r"^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$")
SHA1 = re.compile(r"^[0-9a-f]{40}$", re.I)
SHA2 = re.compile(r"^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$", re.I)
VERSION = re.compile(r"^(1\.0|2\.0)(\.\d+)?$")
LANGUAGE_TAG = re.compile(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-x(?:-[A-Za-z0-9]{1,8})+)?$|^x(?:-[A-Za-z0-9]{1,8})+$"
)
TIMESTAMP = re.compile(
    # RFC 3339 lets a space stand for the "T" (ADL's suite sends one).
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?"
    r"([Zz]|[+-]\d{2}:\d{2})$"
)
DURATION = re.compile(
    r"^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?"
    r"(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$"
)


class StatementError(ValueError):
    """What is wrong, and where: ``path`` is like ``object.definition.name``."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _object(value, path):
    if not isinstance(value, dict):
        raise StatementError(path, "must be a JSON object")
    return value


def _only(value, allowed, path):
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise StatementError(_join(path, unknown[0]), "is not an xAPI property here")


def _string(value, path):
    if not isinstance(value, str):
        raise StatementError(path, "must be a string")
    return value


def _iri(value, path):
    if not isinstance(value, str) or not IRI.match(value):
        raise StatementError(path, "must be an absolute IRI")
    return value


def _irl(value, path):
    if not isinstance(value, str) or not IRL.match(value):
        raise StatementError(path, "must be an http(s) URL")
    return value


def _uuid(value, path):
    try:
        if not isinstance(value, str) or len(value) != 36:
            raise ValueError
        return str(uuid.UUID(value))
    except ValueError:
        raise StatementError(path, "must be a UUID") from None


def _boolean(value, path):
    if not isinstance(value, bool):
        raise StatementError(path, "must be true or false")
    return value


def _number(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StatementError(path, "must be a number")
    return value


def _language_map(value, path):
    _object(value, path)
    for tag, text in value.items():
        if not LANGUAGE_TAG.match(tag):
            raise StatementError(_join(path, tag), "is not a language tag")
        _string(text, _join(path, tag))
    return value


def _extensions(value, path):
    _object(value, path)
    for key in value:
        _iri(key, _join(path, key))
    return value


def timestamp_to_utc(value, path="timestamp") -> str:
    """An RFC 3339 timestamp, with its offset, in UTC (precision kept)."""
    match = TIMESTAMP.match(value) if isinstance(value, str) else None
    if match is None or match.group(8) == "-00:00":
        raise StatementError(path, "must be an RFC 3339 timestamp with a time zone")
    fraction = match.group(7) or ""
    text = value[: match.start(7)] if fraction else value[: match.start(8)]
    offset = "+00:00" if match.group(8) in ("Z", "z") else match.group(8)
    try:
        moment = datetime.fromisoformat(
            text.replace("t", "T").replace(" ", "T") + offset
        )
    except ValueError:
        raise StatementError(path, "is not a real date and time") from None
    utc = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{utc}{fraction}Z"


def _agent(value, path, *, object_type_required=False):
    _object(value, path)
    if object_type_required and value.get("objectType") != "Agent":
        raise StatementError(_join(path, "objectType"), 'must be "Agent"')
    if value.get("objectType", "Agent") != "Agent":
        raise StatementError(_join(path, "objectType"), 'must be "Agent"')
    _only(value, {"objectType", "name", *IFIS}, path)
    if "name" in value:
        _string(value["name"], _join(path, "name"))
    found = [ifi for ifi in IFIS if ifi in value]
    if len(found) != 1:
        raise StatementError(path, "an Agent needs exactly one identifier")
    _ifi(value, found[0], path)
    return value


def _ifi(value, ifi, path):
    field = value[ifi]
    where = _join(path, ifi)
    if ifi == "mbox" and not (isinstance(field, str) and MAILTO.match(field)):
        raise StatementError(where, 'must be "mailto:" and an e-mail address')
    if ifi == "mbox_sha1sum" and not (isinstance(field, str) and SHA1.match(field)):
        raise StatementError(where, "must be a SHA-1 hex digest")
    if ifi == "openid":
        _iri(field, where)
    if ifi == "account":
        _object(field, where)
        _only(field, {"homePage", "name"}, where)
        if "homePage" not in field or "name" not in field:
            raise StatementError(where, "needs homePage and name")
        _irl(field["homePage"], _join(where, "homePage"))
        _string(field["name"], _join(where, "name"))


def _group(value, path):
    _object(value, path)
    if value.get("objectType") != "Group":
        raise StatementError(_join(path, "objectType"), 'must be "Group"')
    _only(value, {"objectType", "name", "member", *IFIS}, path)
    if "name" in value:
        _string(value["name"], _join(path, "name"))
    found = [ifi for ifi in IFIS if ifi in value]
    if len(found) > 1:
        raise StatementError(path, "a Group has at most one identifier")
    if found:
        _ifi(value, found[0], path)
    members = value.get("member")
    if not found and not members:
        raise StatementError(_join(path, "member"), "an anonymous Group needs members")
    if members is not None:
        if not isinstance(members, list):
            raise StatementError(_join(path, "member"), "must be a list of Agents")
        for n, member in enumerate(members):
            _agent(member, _join(_join(path, "member"), n))
    return value


def _actor(value, path):
    _object(value, path)
    if value.get("objectType") == "Group":
        return _group(value, path)
    return _agent(value, path)


def _authority(value):
    """An Agent, or an OAuth pair: an anonymous Group of exactly two Agents
    (Data 2.4.9; the conformance suite's XAPI-00098 and XAPI-00024)."""
    _actor(value, "authority")
    if value.get("objectType") == "Group":
        if any(ifi in value for ifi in IFIS) or len(value.get("member", [])) != 2:
            raise StatementError(
                "authority", "a Group authority is anonymous with exactly two Agents"
            )


def _verb(value, path):
    _object(value, path)
    _only(value, {"id", "display"}, path)
    if "id" not in value:
        raise StatementError(_join(path, "id"), "is required")
    _iri(value["id"], _join(path, "id"))
    if "display" in value:
        _language_map(value["display"], _join(path, "display"))
    return value


def _components(value, path):
    if not isinstance(value, list):
        raise StatementError(path, "must be a list")
    seen = set()
    for n, component in enumerate(value):
        where = _join(path, n)
        _object(component, where)
        _only(component, {"id", "description"}, where)
        ident = _string(component.get("id"), _join(where, "id"))
        if ident in seen:
            raise StatementError(_join(where, "id"), "is used twice")
        seen.add(ident)
        if "description" in component:
            _language_map(component["description"], _join(where, "description"))


def _definition(value, path):
    _object(value, path)
    allowed = {
        "name", "description", "type", "moreInfo", "extensions",
        "interactionType", "correctResponsesPattern", *INTERACTION_COMPONENTS,
    }  # fmt: skip
    _only(value, allowed, path)
    for key in ("name", "description"):
        if key in value:
            _language_map(value[key], _join(path, key))
    if "type" in value:
        _iri(value["type"], _join(path, "type"))
    if "moreInfo" in value:
        _irl(value["moreInfo"], _join(path, "moreInfo"))
    if "extensions" in value:
        _extensions(value["extensions"], _join(path, "extensions"))
    interaction = value.get("interactionType")
    uses_interaction = "correctResponsesPattern" in value or any(
        key in value for key in INTERACTION_COMPONENTS
    )
    if interaction is None and uses_interaction:
        raise StatementError(_join(path, "interactionType"), "is required here")
    if interaction is not None and interaction not in INTERACTION_TYPES:
        raise StatementError(_join(path, "interactionType"), "is not an xAPI type")
    if "correctResponsesPattern" in value:
        pattern = value["correctResponsesPattern"]
        where = _join(path, "correctResponsesPattern")
        if not isinstance(pattern, list):
            raise StatementError(where, "must be a list of strings")
        for n, response in enumerate(pattern):
            _string(response, _join(where, n))
    for key, types in INTERACTION_COMPONENTS.items():
        if key in value:
            if interaction not in types:
                raise StatementError(_join(path, key), f"is not for {interaction}")
            _components(value[key], _join(path, key))
    return value


def _activity(value, path):
    _object(value, path)
    if value.get("objectType", "Activity") != "Activity":
        raise StatementError(_join(path, "objectType"), 'must be "Activity"')
    _only(value, {"objectType", "id", "definition"}, path)
    if "id" not in value:
        raise StatementError(_join(path, "id"), "is required")
    _iri(value["id"], _join(path, "id"))
    if "definition" in value:
        _definition(value["definition"], _join(path, "definition"))
    return value


def _statement_ref(value, path):
    _object(value, path)
    _only(value, {"objectType", "id"}, path)
    if value.get("objectType") != "StatementRef":
        raise StatementError(_join(path, "objectType"), 'must be "StatementRef"')
    value = dict(value)
    value["id"] = _uuid(value.get("id"), _join(path, "id"))
    return value


def _statement_object(value, path, *, in_substatement=False):
    _object(value, path)
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        return _activity(value, path)
    if kind == "Agent":
        return _agent(value, path, object_type_required=True)
    if kind == "Group":
        return _group(value, path)
    if kind == "StatementRef":
        return _statement_ref(value, path)
    if kind == "SubStatement":
        if in_substatement:
            raise StatementError(path, "a SubStatement cannot hold another")
        return _substatement(value, path)
    raise StatementError(_join(path, "objectType"), "is not an xAPI object type")


def _score(value, path):
    _object(value, path)
    _only(value, {"scaled", "raw", "min", "max"}, path)
    for key in value:
        _number(value[key], _join(path, key))
    if "scaled" in value and not -1 <= value["scaled"] <= 1:
        raise StatementError(_join(path, "scaled"), "must be between -1 and 1")
    low, high, raw = value.get("min"), value.get("max"), value.get("raw")
    if low is not None and high is not None and low >= high:
        raise StatementError(_join(path, "max"), "must be greater than min")
    if raw is not None and (
        (low is not None and raw < low) or (high is not None and raw > high)
    ):
        raise StatementError(_join(path, "raw"), "must be between min and max")


def _result(value, path):
    _object(value, path)
    allowed = {"score", "success", "completion", "response", "duration", "extensions"}
    _only(value, allowed, path)
    if "score" in value:
        _score(value["score"], _join(path, "score"))
    for key in ("success", "completion"):
        if key in value:
            _boolean(value[key], _join(path, key))
    if "response" in value:
        _string(value["response"], _join(path, "response"))
    if "duration" in value and not (
        isinstance(value["duration"], str) and DURATION.match(value["duration"])
    ):
        raise StatementError(_join(path, "duration"), "must be an ISO 8601 duration")
    if "extensions" in value:
        _extensions(value["extensions"], _join(path, "extensions"))
    return value


def _relevant_types(value, path):
    if not isinstance(value, list) or not value:
        raise StatementError(path, "must be a non-empty list of IRIs")
    for n, item in enumerate(value):
        _iri(item, _join(path, n))


def _context(value, path, object_is_activity):
    _object(value, path)
    allowed = {
        "registration", "instructor", "team", "contextActivities", "revision",
        "platform", "language", "statement", "extensions", "contextAgents",
        "contextGroups",
    }  # fmt: skip
    _only(value, allowed, path)
    value = dict(value)
    if "registration" in value:
        value["registration"] = _uuid(
            value["registration"], _join(path, "registration")
        )
    if "instructor" in value:
        _actor(value["instructor"], _join(path, "instructor"))
    if "team" in value:
        _group(value["team"], _join(path, "team"))
    for key in ("revision", "platform"):
        if key in value:
            _string(value[key], _join(path, key))
            if not object_is_activity:
                raise StatementError(_join(path, key), "only for an Activity object")
    if "language" in value and not (
        isinstance(value["language"], str) and LANGUAGE_TAG.match(value["language"])
    ):
        raise StatementError(_join(path, "language"), "is not a language tag")
    if "statement" in value:
        value["statement"] = _statement_ref(
            value["statement"], _join(path, "statement")
        )
    if "extensions" in value:
        _extensions(value["extensions"], _join(path, "extensions"))
    if "contextActivities" in value:
        value["contextActivities"] = _context_activities(
            value["contextActivities"], _join(path, "contextActivities")
        )
    for key, kind, member in (
        ("contextAgents", "contextAgent", "agent"),
        ("contextGroups", "contextGroup", "group"),
    ):
        if key not in value:
            continue
        where = _join(path, key)
        if not isinstance(value[key], list):
            raise StatementError(where, "must be a list")
        for n, item in enumerate(value[key]):
            at = _join(where, n)
            _object(item, at)
            _only(item, {"objectType", member, "relevantTypes"}, at)
            if item.get("objectType") != kind:
                raise StatementError(_join(at, "objectType"), f'must be "{kind}"')
            if member not in item:
                raise StatementError(_join(at, member), "is required")
            check = _agent if member == "agent" else _group
            check(item[member], _join(at, member))
            if "relevantTypes" in item:
                _relevant_types(item["relevantTypes"], _join(at, "relevantTypes"))
    return value


def _context_activities(value, path):
    _object(value, path)
    _only(value, CONTEXT_ACTIVITY_KEYS, path)
    normalised = {}
    for key, activities in value.items():
        listed = activities if isinstance(activities, list) else [activities]
        for n, activity in enumerate(listed):
            _activity(activity, _join(_join(path, key), n))
        normalised[key] = listed
    return normalised


def _attachments(value, path):
    if not isinstance(value, list):
        raise StatementError(path, "must be a list")
    for n, item in enumerate(value):
        where = _join(path, n)
        _object(item, where)
        allowed = {
            "usageType", "display", "description", "contentType", "length",
            "sha2", "fileUrl",
        }  # fmt: skip
        _only(item, allowed, where)
        for key in ("usageType", "display", "contentType", "length", "sha2"):
            if key not in item:
                raise StatementError(_join(where, key), "is required")
        _iri(item["usageType"], _join(where, "usageType"))
        _language_map(item["display"], _join(where, "display"))
        if "description" in item:
            _language_map(item["description"], _join(where, "description"))
        _string(item["contentType"], _join(where, "contentType"))
        length = item["length"]
        if isinstance(length, bool) or not isinstance(length, int) or length < 0:
            raise StatementError(_join(where, "length"), "must be a whole number")
        if not (isinstance(item["sha2"], str) and SHA2.match(item["sha2"])):
            raise StatementError(_join(where, "sha2"), "must be a SHA-2 hex digest")
        if "fileUrl" in item:
            _irl(item["fileUrl"], _join(where, "fileUrl"))
    return value


def _no_nulls(value, path=""):
    """No null anywhere, except inside extensions, which are free JSON."""
    if value is None:
        raise StatementError(path, "cannot be null")
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "extensions":
                _no_nulls(item, _join(path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _no_nulls(item, _join(path, n))


def _core(value, path):
    """What statements and SubStatements share: actor, verb, object and more."""
    for key in ("actor", "verb", "object"):
        if key not in value:
            raise StatementError(_join(path, key), "is required")
    _actor(value["actor"], _join(path, "actor"))
    _verb(value["verb"], _join(path, "verb"))
    value["object"] = _statement_object(
        value["object"], _join(path, "object"), in_substatement=bool(path)
    )
    if "result" in value:
        _result(value["result"], _join(path, "result"))
    if "context" in value:
        is_activity = value["object"].get("objectType", "Activity") == "Activity"
        value["context"] = _context(
            value["context"], _join(path, "context"), is_activity
        )
    if "timestamp" in value:
        value["timestamp"] = timestamp_to_utc(
            value["timestamp"], _join(path, "timestamp")
        )
    if "attachments" in value:
        _attachments(value["attachments"], _join(path, "attachments"))
    return value


def _substatement(value, path):
    _only(value, SUBSTATEMENT_PROPERTIES, path)
    return _core(dict(value), path)


def validate_statement(statement) -> dict:
    """A checked, normalised copy of ``statement``, or ``StatementError``."""
    _object(statement, "")
    _no_nulls(statement)
    _only(statement, STATEMENT_PROPERTIES, "")
    value = _core(dict(statement), "")
    if "id" in value:
        value["id"] = _uuid(value["id"], "id")
    if "stored" in value:
        value["stored"] = timestamp_to_utc(value["stored"], "stored")
    if "authority" in value:
        _authority(value["authority"])
    if "version" in value and not (
        isinstance(value["version"], str) and VERSION.match(value["version"])
    ):
        raise StatementError("version", "must be 1.0.x or 2.0.x")
    return value


def validate_statements(batch) -> list[dict]:
    """One statement or a list of them, all valid, or ``StatementError``."""
    statements = batch if isinstance(batch, list) else [batch]
    checked = []
    for n, statement in enumerate(statements):
        try:
            checked.append(validate_statement(statement))
        except StatementError as error:
            if isinstance(batch, list):
                raise StatementError(f"[{n}].{error.path}", error.message) from None
            raise
    return checked
