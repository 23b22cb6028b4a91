"""Forwarding accepted statements to other LRSs, through an outbox.

A network may want its statements in a second learning record store too (a
regional Ralph, a partner's LRS).  Sending them from the request that stores
them would lose them whenever that LRS is down, and slow every learner down
while it is slow.  So the write path only adds a ``ForwardingEntry`` per
statement and endpoint, in the transaction that stores the statement
(``enqueue``): whatever the LRS accepted is in the outbox, and a rolled-back
batch leaves nothing there.  A background task (``forwarding_tasks``), or
``manage.py forward_statements`` from cron or systemd, then sends what is
due (``send_due``).

Delivery is at least once, and *once* at the remote: a row is marked sent
only after the remote acknowledged it, so an acknowledged statement is never
sent again; a statement whose acknowledgement was lost (timeout, dropped
connection, a crash before our commit) is sent again, which is harmless
because xAPI makes a resend idempotent: an LRS that already holds a
statement under that id must not change anything and answers 200 (or 204,
as Ralph does) when the statement is the same, 409 when it differs.  The
comparison ignores what each LRS assigns itself (``stored``, ``authority``,
``version``), so the exact JSON we stored (``Statement.data``) is a valid
resend however many times it goes.

Settings (cms/settings/base.py, README): ``CHAINON_LRS_FORWARD``,
``CHAINON_LRS_FORWARD_BATCH``, ``CHAINON_LRS_FORWARD_MAX_BACKOFF``,
``CHAINON_LRS_FORWARD_TIMEOUT``.
"""

import base64
import http.client
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from lms.models import ForwardingEntry

from .forwarding_tasks import forward_statements

logger = logging.getLogger(__name__)

VERSION = "2.0.0"
# The first retry after a failure; each further failure doubles the wait, up
# to CHAINON_LRS_FORWARD_MAX_BACKOFF.
FIRST_BACKOFF = 30
# A statement the remote refuses (409: it holds another statement under that
# id; 400: it finds it invalid) will not pass by being resent at once; it is
# tried again daily in case the remote changes, and never holds others back.
REFUSED_BACKOFF = 24 * 3600
REFUSED = "Refused"
ERROR_LENGTH = 2000


class Answer(Enum):
    ACCEPTED = "accepted"  # acknowledged: mark sent
    REFUSED = "refused"  # this content will not pass: isolate, set aside
    FAILED = "failed"  # the remote or the way to it is unwell: retry later


@dataclass
class Report:
    """What one ``send_due`` run did, in statements."""

    sent: int = 0
    refused: int = 0
    failed: int = 0


@dataclass
class EndpointStatus:
    name: str
    configured: bool
    pending: int = 0
    retrying: int = 0
    refused: int = 0
    max_attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""


def endpoints() -> dict[str, dict]:
    """The configured endpoints by name (``CHAINON_LRS_FORWARD``)."""
    return {entry["name"]: entry for entry in settings.CHAINON_LRS_FORWARD}


def enqueue(rows) -> None:
    """Put newly stored statements in the outbox of every endpoint.

    Called by ``store_statements`` inside its transaction, so the outbox
    rows commit (or roll back) with the statements.  The sending task is
    only asked for once the transaction committed: before that, it could not
    see the rows.  The task is a nudge, not the record: if it cannot be
    queued, the rows wait for ``forward_statements`` (``robust=True`` keeps
    that failure out of the learner's request, which has already succeeded).
    """
    names = list(endpoints())
    if not rows or not names:
        return
    now = timezone.now()
    ForwardingEntry.objects.bulk_create(
        ForwardingEntry(endpoint=name, statement=row, next_attempt_at=now)
        for name in names
        for row in rows
    )
    for name in names:
        transaction.on_commit(partial(forward_statements.enqueue, name), robust=True)


def send_due(endpoint_name: str, now: datetime | None = None) -> Report:
    """Send the endpoint's due statements, batch after batch; returns a report.

    Rows are taken oldest stored first and locked with ``SKIP LOCKED`` for
    the time of their HTTP request, so two workers running at once send
    different batches, never the same one twice.  (SQLite has no row locks:
    run a single worker there.)  The run stops at the first failure of the
    remote (network, 5xx, 429, credentials): the next batches would fail the
    same way, each after a timeout.  ``now`` pins the clock (tests).
    """
    endpoint = endpoints().get(endpoint_name)
    report = Report()
    if endpoint is None:
        logger.warning("No LRS named %r in CHAINON_LRS_FORWARD.", endpoint_name)
        return report
    opener = urllib.request.build_opener(_NoRedirect)
    while True:
        moment = now or timezone.now()
        with transaction.atomic():
            rows = list(_due(endpoint_name, moment))
            if not rows:
                break
            if not _deliver(opener, endpoint, rows, moment, report):
                break
    if report.sent or report.refused or report.failed:
        logger.info(
            "Forwarding to %s: %d sent, %d refused, %d to retry.",
            endpoint_name,
            report.sent,
            report.refused,
            report.failed,
        )
    return report


def _due(endpoint_name: str, now: datetime):
    """The next batch to send, locked; rows another worker holds are skipped.

    ``of=("self",)`` locks the outbox rows only: the statements stay free
    for the write path, which locks them to settle resends.
    """
    return (
        ForwardingEntry.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("statement")
        .filter(endpoint=endpoint_name, sent_at__isnull=True, next_attempt_at__lte=now)
        .order_by("statement__stored", "pk")[: settings.CHAINON_LRS_FORWARD_BATCH]
    )


def status() -> list[EndpointStatus]:
    """Per endpoint: what waits, what failed, and the latest error.

    Endpoints that are no longer configured but still hold unsent rows are
    listed too, so rows nobody will send do not go unnoticed.
    """
    unsent = ForwardingEntry.objects.filter(sent_at__isnull=True)
    refused = Q(last_error__startswith=REFUSED)
    figures = {
        row["endpoint"]: row
        for row in unsent.values("endpoint").annotate(
            pending=Count("pk"),
            retrying=Count("pk", filter=Q(attempts__gt=0) & ~refused),
            refused=Count("pk", filter=refused),
            most_attempts=Max("attempts"),
            first_due=Min("next_attempt_at"),
        )
    }
    configured = endpoints()
    result = []
    for name in [*configured, *sorted(set(figures) - set(configured))]:
        row = figures.get(name, {})
        entry = EndpointStatus(name=name, configured=name in configured)
        if row:
            entry.pending = row["pending"]
            entry.retrying = row["retrying"]
            entry.refused = row["refused"]
            entry.max_attempts = row["most_attempts"]
            entry.next_attempt_at = row["first_due"]
            # The latest failure pushed its rows furthest; a transient one
            # says more about the remote's state than an old refusal.
            failing = unsent.filter(endpoint=name, attempts__gt=0)
            error = (
                failing.exclude(refused).order_by("-next_attempt_at").first()
                or failing.order_by("-next_attempt_at").first()
            )
            entry.last_error = error.last_error if error else ""
        result.append(entry)
    return result


def backoff(attempts: int) -> timedelta:
    """Seconds to wait after the ``attempts``-th failure: doubling, capped."""
    cap = settings.CHAINON_LRS_FORWARD_MAX_BACKOFF
    return timedelta(seconds=min(cap, FIRST_BACKOFF * 2 ** min(attempts - 1, 30)))


def _deliver(opener, endpoint, rows, now, report) -> bool:
    """Send one locked batch and record the outcome; False stops the run.

    A batch the remote refuses (400, 409, 413) is all or nothing at the
    remote, so one bad statement would hold back the whole queue: the batch
    is then sent again statement by statement, the accepted ones marked
    sent and the refused one set aside with its reason.
    """
    answer, message = _post(opener, endpoint, [row.statement.data for row in rows])
    if answer is Answer.ACCEPTED:
        _mark_sent(rows, now, report)
        return True
    if answer is Answer.FAILED:
        _retry_later(rows, message, now, report)
        return False
    if len(rows) == 1:
        _set_aside(rows, message, now, report)
        return True
    accepted = []
    for index, row in enumerate(rows):
        answer, message = _post(opener, endpoint, [row.statement.data])
        if answer is Answer.ACCEPTED:
            accepted.append(row)
        elif answer is Answer.REFUSED:
            _set_aside([row], message, now, report)
        else:
            _mark_sent(accepted, now, report)
            _retry_later(rows[index:], message, now, report)
            return False
    _mark_sent(accepted, now, report)
    return True


def _mark_sent(rows, now, report):
    if rows:
        ForwardingEntry.objects.filter(pk__in=[row.pk for row in rows]).update(
            sent_at=now, last_error=""
        )
        report.sent += len(rows)


def _retry_later(rows, message, now, report):
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + backoff(row.attempts)
        row.last_error = message[:ERROR_LENGTH]
    ForwardingEntry.objects.bulk_update(
        rows, ["attempts", "next_attempt_at", "last_error"]
    )
    report.failed += len(rows)
    logger.warning(
        "Forwarding %d statements to %s failed: %s",
        len(rows),
        rows[0].endpoint,
        message,
    )


def _set_aside(rows, message, now, report):
    wait = timedelta(
        seconds=max(REFUSED_BACKOFF, settings.CHAINON_LRS_FORWARD_MAX_BACKOFF)
    )
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + wait
        row.last_error = f"{REFUSED}: {message}"[:ERROR_LENGTH]
    ForwardingEntry.objects.bulk_update(
        rows, ["attempts", "next_attempt_at", "last_error"]
    )
    report.refused += len(rows)
    logger.warning(
        "%s refused statement %s: %s", rows[0].endpoint, rows[0].statement_id, message
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Follow no redirect: urllib turns a redirected POST into a GET, and a
    GET on ``statements`` answers 200, which would pass for an
    acknowledgement of statements never stored."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _post(opener, endpoint: dict, statements: list[dict]) -> tuple[Answer, str]:
    """POST ``statements`` to the endpoint; what the answer means for them."""
    credentials = f"{endpoint['key']}:{endpoint['secret']}".encode()
    request = urllib.request.Request(  # noqa: S310 (http(s) only, checked in settings)
        endpoint["endpoint"] + "statements",
        data=json.dumps(statements, separators=(",", ":")).encode(),
        method="POST",
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials).decode(),
            "Content-Type": "application/json",
            "X-Experience-API-Version": VERSION,
        },
    )
    try:
        with opener.open(request, timeout=settings.CHAINON_LRS_FORWARD_TIMEOUT) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as error:
        return _classify(error.code, _excerpt(error))
    except urllib.error.URLError as error:
        return Answer.FAILED, f"Unreachable: {error.reason}"
    except (OSError, http.client.HTTPException) as error:
        # Timeouts, resets and a connection closed before the answer: the
        # remote may or may not have stored the batch; a resend settles it.
        return Answer.FAILED, f"No answer: {type(error).__name__}: {error}"
    if status == 204:
        return Answer.ACCEPTED, ""
    if status == 200:
        try:
            ids = json.loads(body)
        except ValueError:
            ids = None
        if isinstance(ids, list):
            return Answer.ACCEPTED, ""
    # A 200 page that is not a list of ids (a proxy's login page, a site's
    # home) must not pass for an acknowledgement.
    return Answer.FAILED, f"HTTP {status} without statement ids: is this an xAPI root?"


def _classify(code: int, body: str) -> tuple[Answer, str]:
    message = f"HTTP {code}" + (f": {body}" if body else "")
    if code in (400, 409, 413):
        return Answer.REFUSED, message
    if 300 <= code < 400:
        message += " (redirected: set the endpoint to the final address)"
    return Answer.FAILED, message


def _excerpt(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read(500).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    return " ".join(text.split())[:300]
