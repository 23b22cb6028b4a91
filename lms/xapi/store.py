"""Storing statements: ids, authority, idempotent resends, conflicts, voiding.

The Django side of the LRS's write path, over the pure rules in
``validation`` and ``comparison``.  A batch is all or nothing.
"""

import uuid
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.models import (
    ActivityDefinition,
    LRSClient,
    Statement,
    StatementActivity,
    StatementAgent,
)
from lms.progress import record, refold

from . import attachments
from .agents import actor_ifi
from .comparison import same_statement
from .forwarding import enqueue
from .multipart import check_attachments
from .related import defined_activities, related_activities, related_agents
from .signatures import check_signatures
from .validation import StatementError, validate_statements

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
VERSION = "2.0.0"


class Conflict(Exception):
    """A statement id already names another statement (409)."""


def _prepare(statement: dict, authority: dict, now: datetime) -> dict:
    statement = dict(statement)
    statement.setdefault("id", str(uuid.uuid4()))
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    statement["stored"] = stamp
    statement.setdefault("timestamp", stamp)
    statement["authority"] = authority
    statement.setdefault("version", VERSION)
    return statement


def _row(statement: dict, client, user) -> Statement:
    target = statement["object"]
    is_activity = target.get("objectType", "Activity") == "Activity"
    voids = refers_to = None
    if target.get("objectType") == "StatementRef":
        refers_to = uuid.UUID(target["id"])
        if statement["verb"]["id"] == VOIDED:
            voids = refers_to
    registration = statement.get("context", {}).get("registration")
    return Statement(
        id=uuid.UUID(statement["id"]),
        data=statement,
        actor_ifi=actor_ifi(statement["actor"])[:400],
        object_ifi=actor_ifi(target)[:400]
        if target.get("objectType") in ("Agent", "Group")
        else "",
        verb=statement["verb"]["id"][:400],
        activity=target["id"][:400] if is_activity else "",
        registration=uuid.UUID(registration) if registration else None,
        timestamp=datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00")),
        stored=datetime.fromisoformat(statement["stored"].replace("Z", "+00:00")),
        voids=voids,
        refers_to=refers_to,
        client=client,
        user=user,
    )


def _index(rows):
    """The related activities and agents of new statements, for the broad filters."""
    StatementActivity.objects.bulk_create(
        StatementActivity(statement=row, activity=iri[:400])
        for row in rows
        for iri in related_activities(row.data)
    )
    StatementAgent.objects.bulk_create(
        StatementAgent(statement=row, agent=ifi[:400])
        for row in rows
        for ifi in related_agents(row.data)
    )


def _define(rows, client):
    """Keep the first definition of each activity; clients trusted to
    "define" replace it, as the spec lets an LRS favour some authorities."""
    definitions = {}
    for row in rows:
        for iri, definition in defined_activities(row.data).items():
            definitions.setdefault(iri[:400], definition)
    if not definitions:
        return
    known = set(
        ActivityDefinition.objects.filter(iri__in=definitions).values_list(
            "iri", flat=True
        )
    )
    ActivityDefinition.objects.bulk_create(
        [
            ActivityDefinition(iri=iri, definition=definition)
            for iri, definition in definitions.items()
            if iri not in known
        ],
        ignore_conflicts=True,
    )
    if client is not None and client.may(LRSClient.Scope.DEFINE):
        for iri in known:
            ActivityDefinition.objects.filter(iri=iri).update(
                definition=definitions[iri], updated=timezone.now()
            )


class _Raced(Exception):
    """A concurrent request stored one of the batch's ids first."""


@transaction.atomic
def _store(sent, statements, ids, client, user):
    existing = {
        str(row.id): row
        for row in Statement.objects.select_for_update().filter(pk__in=ids)
    }
    new = []
    for original, statement in zip(sent, statements, strict=True):
        row = existing.get(statement["id"])
        if row is None:
            new.append(_row(statement, client, user))
        elif not same_statement(row.data, original):
            raise Conflict(statement["id"])
    targets = [row.voids for row in new if row.voids]
    if targets:
        voiding = Statement.objects.filter(pk__in=targets, verb=VOIDED)
        if voiding.exists() or any(row.pk in targets for row in new if row.voids):
            raise StatementError("object.id", "a voiding statement cannot be voided")
    try:
        Statement.objects.bulk_create(new)
    except IntegrityError:
        raise _Raced from None
    _index(new)
    _define(new, client)
    record(new)
    enqueue(new)
    if targets:
        Statement.objects.filter(pk__in=targets).exclude(verb=VOIDED).update(
            voided=True
        )
        refold(targets)


def store_statements(
    batch, *, authority, client=None, user=None, force_actor=None, parts=None
):
    """Validate, settle and store ``batch``; returns the statement ids in order.

    ``parts`` are the attachment data of a multipart request, by hash.
    Raises ``StatementError`` (400) or ``Conflict`` (409); nothing of the
    batch is stored then.  A statement already stored under its id is
    accepted again when it is the same statement.
    """
    statements = validate_statements(batch)
    # Attachments and signatures are checked on the statements as sent,
    # before the LRS changes anything in them.
    parts = parts or {}
    check_attachments(statements, parts)
    check_signatures(statements, parts)
    if force_actor is not None:
        statements = [{**s, "actor": force_actor} for s in statements]
    now = timezone.now()
    # Resends are compared as sent: a timestamp the LRS assigns is no part
    # of what the client said.
    sent = statements
    # Each statement of a batch a microsecond after the previous one: the
    # stored order is the order sent, and queries page on it.
    statements = [
        _prepare(s, authority, now + timedelta(microseconds=n))
        for n, s in enumerate(sent)
    ]
    ids = [s["id"] for s in statements]
    if len(set(ids)) != len(ids):
        raise StatementError("id", "the same id is used twice in the batch")
    for statement in statements:
        if statement["verb"]["id"] == VOIDED:
            if statement["object"].get("objectType") != "StatementRef":
                raise StatementError(
                    "object", "a voiding statement voids a StatementRef"
                )
    if parts:
        attachments.keep(parts)
    # Two requests sending the same new id at once both find no row; the
    # loser's insert fails, and its second pass compares with the winner's
    # statement like any resend (accepted when identical, 409 otherwise).
    for last_try in (False, True):
        try:
            _store(sent, statements, ids, client, user)
        except _Raced:
            if last_try:
                raise Conflict("") from None
            continue
        return ids
