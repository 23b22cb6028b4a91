"""What a statement mentions, for the broad ``related_activities`` and
``related_agents`` filters.

The spec widens the activity filter to the object, every context activity
and the same places in a SubStatement; the agent filter to actor, object,
authority, instructor, team, context agents and groups (2.0), and the same
in a SubStatement.  Storing these as rows at write time keeps each filter
one indexed lookup at read time, however large the store grows.
"""

from .agents import actor_ifi

AGENT_TYPES = ("Agent", "Group")


def _activities_of(core: dict) -> set[str]:
    found = set()
    target = core.get("object", {})
    if target.get("objectType", "Activity") == "Activity":
        found.add(target["id"])
    context = core.get("context", {})
    for activities in context.get("contextActivities", {}).values():
        items = activities if isinstance(activities, list) else [activities]
        found.update(item["id"] for item in items)
    return found


def _agents_of(core: dict) -> set[str]:
    found = {actor_ifi(core["actor"])}
    target = core.get("object", {})
    if target.get("objectType") in AGENT_TYPES:
        found.add(actor_ifi(target))
    context = core.get("context", {})
    for key in ("instructor", "team"):
        if key in context:
            found.add(actor_ifi(context[key]))
    for entry in context.get("contextAgents", []):
        found.add(actor_ifi(entry["agent"]))
    for entry in context.get("contextGroups", []):
        found.add(actor_ifi(entry["group"]))
    return found


def _substatement(statement: dict) -> dict | None:
    target = statement.get("object", {})
    return target if target.get("objectType") == "SubStatement" else None


def related_activities(statement: dict) -> set[str]:
    found = _activities_of(statement)
    inner = _substatement(statement)
    if inner is not None:
        found |= _activities_of(inner)
    return found


def related_agents(statement: dict) -> set[str]:
    found = _agents_of(statement)
    if "authority" in statement:
        found.add(actor_ifi(statement["authority"]))
    inner = _substatement(statement)
    if inner is not None:
        found |= _agents_of(inner)
    return found


def defined_activities(statement: dict) -> dict[str, dict]:
    """Activity definitions a statement carries, by IRI (object first)."""
    found = {}
    places = [statement]
    inner = _substatement(statement)
    if inner is not None:
        places.append(inner)
    for core in places:
        candidates = [core.get("object", {})]
        for items in core.get("context", {}).get("contextActivities", {}).values():
            candidates += items if isinstance(items, list) else [items]
        for item in candidates:
            if item.get("objectType", "Activity") != "Activity":
                continue
            if "definition" in item and item["id"] not in found:
                found[item["id"]] = item["definition"]
    return found
