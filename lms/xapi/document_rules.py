"""The rules of the xAPI document resources, in plain Python.

State, activity profiles and agent profiles share them: how a document's
ETag is made, when a write's preconditions let it through (IEEE 9274.1.1
4.1.4 Concurrency; Part Three 3.1 in 1.0.3), and how a POSTed JSON object
is merged into the stored one (4.1.6.2; 1.0.3 Part Three 2.2).  Nothing
here imports Django, so each rule reads against the specification text
and is tested without a request.
"""

import enum
import hashlib
import json
import re

__all__ = [
    "Decision",
    "DocumentError",
    "decide",
    "etag_of",
    "guards_put",
    "is_json",
    "merge",
    "parse_json",
]

# An entity tag in a list: optional weak marker, then quoted or bare text.
# Quotes are optional because clients often echo the value without them.
ENTITY_TAG = re.compile(r'\s*(W/)?("[^"]*"|[^,\s]+)\s*(?:,|$)')


class DocumentError(ValueError):
    """A document the request cannot store (the LRS answers 400)."""


class Decision(enum.Enum):
    PROCEED = "proceed"
    PRECONDITION_FAILED = "precondition failed"  # 412
    CONFLICT = "conflict"  # 409


def etag_of(content: bytes) -> str:
    """1.0.3 asks for the SHA-1 of the contents, lower-case hex (3.1.s4.b2);
    2.0 no longer prescribes it, but clients still compute it themselves."""
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def _tags(header: str) -> list[tuple[bool, str]]:
    """(weak, opaque value) pairs; case is ignored since our tags are hex."""
    tags = []
    for match in ENTITY_TAG.finditer(header):
        if match.group(2):
            tags.append((bool(match.group(1)), match.group(2).strip('"').lower()))
    return tags


def _any(header: str) -> bool:
    return header.strip() == "*"


def _if_match_holds(header: str, current: str | None) -> bool:
    """RFC 9110 13.1.1: "*" needs a document, tags compare strongly."""
    if current is None:
        return False
    if _any(header):
        return True
    return any(not weak and tag == current for weak, tag in _tags(header))


def _if_none_match_holds(header: str, current: str | None) -> bool:
    """RFC 9110 13.1.2: "*" needs no document, tags compare weakly."""
    if current is None:
        return True
    if _any(header):
        return False
    return all(tag != current for _weak, tag in _tags(header))


def guards_put(kind: str, version: str) -> bool:
    """Must a PUT onto an existing document carry a precondition?

    2.0 (4.1.4) asks it of the three document resources alike.  1.0.3
    exempted the State Resource, "since state conflicts are unlikely"
    (Part Three 3.1.s3), and content written for 1.0.3 relies on it, so
    a request that declares 1.0.x keeps that exemption.
    """
    return kind != "state" or not version.startswith("1.")


def decide(
    *,
    if_match: str,
    if_none_match: str,
    current: str | None,
    method: str,
    guarded: bool,
) -> Decision:
    """Whether a write on a document whose ETag is ``current`` (None when
    absent) may go ahead; empty header values count as absent."""
    if if_match and not _if_match_holds(if_match, current):
        return Decision.PRECONDITION_FAILED
    if if_none_match and not _if_none_match_holds(if_none_match, current):
        return Decision.PRECONDITION_FAILED
    unguarded = not if_match and not if_none_match
    if method == "PUT" and guarded and unguarded and current is not None:
        return Decision.CONFLICT
    return Decision.PROCEED


def is_json(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == "application/json"


def parse_json(content: bytes):
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DocumentError("The document is not valid JSON.") from None


def _json_object(content: bytes, content_type: str, which: str) -> dict:
    if not is_json(content_type):
        raise DocumentError(f"The {which} document is not application/json.")
    value = parse_json(content)
    if not isinstance(value, dict):
        raise DocumentError(f"The {which} document is not a JSON object.")
    return value


def merge(existing: bytes, existing_type: str, posted: bytes, posted_type: str):
    """Top-level properties of the posted object replace the stored ones;
    anything but two JSON objects is refused with nothing changed."""
    stored = _json_object(existing, existing_type, "stored")
    stored.update(_json_object(posted, posted_type, "posted"))
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode()
