"""How Chaînon names people in statements, and finds them again.

A learner is an account on Chaînon's activity root (their user id), never
an e-mail address; every agent or group reduces to one identifier string
used by filters, ownership checks and progress.
"""

import hashlib
import json

from django.conf import settings


def actor_ifi(agent: dict) -> str:
    """One string per identified agent or group, for filters and ownership."""
    for ifi in ("mbox", "mbox_sha1sum", "openid"):
        if ifi in agent:
            value = agent[ifi]
            if ifi == "mbox" and "@" in value:
                local, _at, domain = value.rpartition("@")
                value = f"{local}@{domain.lower()}"
            return f"{ifi}:{value}"
    if "account" in agent:
        account = agent["account"]
        return f"account:{account['homePage']}|{account['name']}"
    members = sorted(actor_ifi(member) for member in agent.get("member", []))
    digest = hashlib.sha256(json.dumps(members).encode()).hexdigest()[:32]
    return f"group:{digest}"


def learner_agent(user) -> dict:
    """How Chaînon names a learner in statements: an account, never an address."""
    return learner_agent_for_id(user.pk)


def learner_agent_for_id(user_id) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.CHAINON_ACTIVITY_ROOT, "name": str(user_id)},
    }


def learner_id_for(statement: dict, user_id=None):
    """The learner a statement is about: the session's, or Chaînon's account."""
    if user_id is not None:
        return user_id
    account = statement["actor"].get("account") or {}
    root = settings.CHAINON_ACTIVITY_ROOT
    if account.get("homePage") == root and str(account.get("name", "")).isdigit():
        return int(account["name"])
    return None
