"""Are two statements the same statement?  (xAPI 2.0, 2.3.1)

A statement id may be sent twice: with the same statement the LRS accepts
it again (204/200), with another one it answers 409.  "The same" ignores
what the specification lists as exceptions to immutability: the
properties the LRS may assign (id, authority, stored, version, and a
timestamp it added), verb display texts and activity definitions (not part
of the statement), attachments, the order of a Group's members, the case
of an e-mail domain, and how timestamps are written.  Everything else,
result durations included, must be equal.
"""

import json

from .validation import timestamp_to_utc

ASSIGNED_BY_LRS = ("id", "authority", "stored", "version", "attachments")


def _canonical_agent(agent):
    agent = dict(agent)
    mbox = agent.get("mbox")
    if isinstance(mbox, str) and "@" in mbox:
        local, _at, domain = mbox.rpartition("@")
        agent["mbox"] = f"{local}@{domain.lower()}"
    if isinstance(agent.get("mbox_sha1sum"), str):
        agent["mbox_sha1sum"] = agent["mbox_sha1sum"].lower()
    if isinstance(agent.get("member"), list):
        members = [_canonical_agent(member) for member in agent["member"]]
        agent["member"] = sorted(members, key=_dump)
    return agent


def _canonical_activity(activity):
    return {key: value for key, value in activity.items() if key != "definition"}


def _canonical_object(value):
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        return _canonical_activity(value)
    if kind in ("Agent", "Group"):
        return _canonical_agent(value)
    if kind == "SubStatement":
        return _canonical_core(value)
    return {**value, "id": str(value.get("id", "")).lower()}


def _canonical_context(context):
    context = dict(context)
    for key in ("instructor", "team"):
        if key in context:
            context[key] = _canonical_agent(context[key])
    activities = context.get("contextActivities")
    if isinstance(activities, dict):
        context["contextActivities"] = {
            key: [
                _canonical_activity(a)
                for a in (value if isinstance(value, list) else [value])
            ]
            for key, value in activities.items()
        }
    if "registration" in context:
        context["registration"] = str(context["registration"]).lower()
    return context


def _canonical_core(statement):
    value = {k: v for k, v in statement.items() if k not in ASSIGNED_BY_LRS}
    value.pop("timestamp", None)  # compared apart: it may have been assigned
    value["actor"] = _canonical_agent(value["actor"])
    value["verb"] = {"id": value["verb"]["id"]}
    value["object"] = _canonical_object(value["object"])
    if "context" in value:
        value["context"] = _canonical_context(value["context"])
    return value


def _dump(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _instant(statement):
    stamp = statement.get("timestamp")
    return timestamp_to_utc(stamp) if isinstance(stamp, str) else None


def same_statement(first: dict, second: dict) -> bool:
    """True when ``second`` may be accepted as a resend of ``first``.

    Both are statements already checked by ``validate_statement``.  A
    timestamp present in both must name the same instant; when one lacks
    it, the LRS may have assigned the other's.
    """
    if _dump(_canonical_core(first)) != _dump(_canonical_core(second)):
        return False
    one, two = _instant(first), _instant(second)
    return one is None or two is None or _same_instant(one, two)


def _same_instant(one: str, two: str) -> bool:
    """Equal up to trailing zeros of the fraction (12:00:00.100Z = 12:00:00.1Z)."""

    def trimmed(stamp):
        body = stamp[:-1]
        if "." in body:
            body = body.rstrip("0").rstrip(".")
        return body

    return trimmed(one) == trimmed(two)
