"""Forwarding accepted statements to other LRSs through the outbox.

The remote is a real HTTP server on 127.0.0.1 that behaves like an LRS on
``POST statements``: Basic auth (401), an identical resend accepted again
without a second copy, another statement under a known id refused (409),
statements it finds invalid refused (400).  It can be taken down (the port
refuses connections), made to answer 503, or made to lose its answer after
storing a batch, the way a timeout or a dropped connection loses it.  It
counts what it receives per statement id, so "never twice once
acknowledged" is checked where it matters: at the remote.
"""

import base64
import json
import re
import threading
import uuid
from collections import Counter
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.test import Client
from django.utils import timezone

from cms.settings.base import _lrs_forward
from lms.models import ForwardingEntry, LRSClient, Statement
from lms.xapi import forwarding
from lms.xapi.comparison import same_statement
from lms.xapi.store import store_statements

UNIT = "https://chainon.example/xapi/activities/unit/forwarding"
VERBS = "http://adlnet.gov/expapi/verbs/"
SECRET = "s3cret-forwarding"
AUTHORITY = {
    "objectType": "Agent",
    "account": {"homePage": "https://chainon.example", "name": "forwarding-tests"},
}


class FakeLRS:
    """A small LRS in a thread: just enough of ``POST statements``."""

    def __init__(self, key="chainon", secret=SECRET):
        self.key, self.secret = key, secret
        self.statements = {}  # id -> the statement it holds
        self.stored = []  # ids in the order they were stored (a copy each)
        self.deliveries = Counter()  # id -> POSTs it was accepted in
        self.requests = []  # ids of every authenticated POST, in order
        self.mode = "up"  # "unavailable" (503), "drop" or "hang" (lose answer)
        self.refuse = set()  # ids this LRS finds invalid (400)
        self.all_known = 200  # answer to a batch it holds entirely (Ralph: 204)
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.server = None
        self.port = 0
        self.start()

    def start(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                fake.handle(self)

            def do_GET(self):
                fake.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, args=(0.05,), daemon=True
        )
        self.thread.start()

    def stop(self):
        """Down: nothing listens on the port any more."""
        if self.server is not None:
            self.release.set()
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(timeout=5)
            self.server = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/xapi/"

    def config(self, name, secret=None):
        return {
            "name": name,
            "endpoint": self.endpoint,
            "key": self.key,
            "secret": secret or self.secret,
        }

    def handle(self, request):
        expected = base64.b64encode(f"{self.key}:{self.secret}".encode()).decode()
        if request.command == "GET":
            return self.answer(request, 200, {"statements": [], "more": ""})
        if request.path == "/moved/statements":
            request.send_response(302)
            request.send_header("Location", "/xapi/statements")
            request.send_header("Content-Length", "0")
            request.end_headers()
            return None
        if request.path == "/site/statements":
            return self.answer(request, 200, None, b"<html>Welcome</html>")
        if request.path != "/xapi/statements":
            return self.answer(request, 404, {"error": "no such resource"})
        if request.headers.get("X-Experience-API-Version") != "2.0.0":
            return self.answer(request, 400, {"error": "version header"})
        if request.headers.get("Authorization") != f"Basic {expected}":
            return self.answer(request, 401, {"error": "credentials"})
        if self.mode == "unavailable":
            return self.answer(request, 503, {"error": "maintenance"})
        body = json.loads(request.rfile.read(int(request.headers["Content-Length"])))
        batch = body if isinstance(body, list) else [body]
        ids = [statement["id"] for statement in batch]
        with self.lock:
            self.requests.append(ids)
            if self.refuse & set(ids):
                return self.answer(request, 400, {"error": "invalid statement"})
            for statement in batch:
                held = self.statements.get(statement["id"])
                if held is not None and not same_statement(held, statement):
                    return self.answer(request, 409, {"error": "id taken"})
            new = [s for s in batch if s["id"] not in self.statements]
            for statement in new:
                self.statements[statement["id"]] = statement
                self.stored.append(statement["id"])
            self.deliveries.update(ids)
        if self.mode == "drop":
            # Stored, then the connection closes without an answer.
            request.close_connection = True
            return None
        if self.mode == "hang":
            self.release.wait(timeout=10)
        if not new and self.all_known == 204:
            return self.answer(request, 204, None)
        return self.answer(request, 200, ids)

    @staticmethod
    def answer(request, status, payload, raw=b""):
        body = raw if payload is None else json.dumps(payload).encode()
        request.send_response(status)
        if status == 401:
            request.send_header("WWW-Authenticate", 'Basic realm="LRS"')
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)


@pytest.fixture
def make_lrs(monkeypatch):
    # urllib honours *_proxy variables; the remote is on this machine.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    servers = []

    def make(**options):
        servers.append(FakeLRS(**options))
        return servers[-1]

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def remote(make_lrs, settings):
    server = make_lrs()
    settings.CHAINON_LRS_FORWARD = [server.config("ralph")]
    settings.CHAINON_LRS_FORWARD_BATCH = 100
    settings.CHAINON_LRS_FORWARD_MAX_BACKOFF = 3600
    settings.CHAINON_LRS_FORWARD_TIMEOUT = 5
    return server


def statement(**changes):
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:lucas@chainon.example"},
        "verb": {"id": VERBS + "completed"},
        "object": {"id": UNIT},
        **changes,
    }


@pytest.fixture
def store(django_capture_on_commit_callbacks):
    """Store statements as the LRS does, and run what waits for the commit
    (the forwarding task, immediate in tests); returns the ids."""

    def store(count=1, statements=None):
        with django_capture_on_commit_callbacks(execute=True):
            return store_statements(
                statements or [statement() for _ in range(count)],
                authority=AUTHORITY,
            )

    return store


def entries(endpoint="ralph"):
    return ForwardingEntry.objects.filter(endpoint=endpoint).order_by(
        "statement__stored"
    )


def later(**delta):
    return timezone.now() + timedelta(**delta)


@pytest.mark.django_db
def test_accepted_statements_reach_the_remote_once(remote, store):
    ids = store(3)

    assert remote.requests == [ids]
    assert remote.stored == ids
    assert all(entry.sent_at for entry in entries())
    assert remote.statements[ids[0]] == Statement.objects.get(pk=ids[0]).data
    # Acknowledged: later runs, however late, send nothing again.
    forwarding.send_due("ralph", now=later(days=30))
    store(1)
    assert [remote.deliveries[i] for i in ids] == [1, 1, 1]
    assert len(remote.requests) == 2


@pytest.mark.django_db
def test_nothing_is_enqueued_without_endpoints(remote, store, settings):
    settings.CHAINON_LRS_FORWARD = []

    store(2)

    assert not ForwardingEntry.objects.exists()
    assert remote.requests == []


@pytest.mark.django_db
@pytest.mark.parametrize("outage", ["refusing connections", "answering 503"])
def test_statements_stored_while_the_remote_is_down_arrive_when_it_is_back(
    remote, store, outage
):
    if outage == "refusing connections":
        remote.stop()
    else:
        remote.mode = "unavailable"
    first = store(2)
    second = store(1)

    # Kept, with the attempt, the reason and the next try recorded.
    assert [e.statement_id for e in entries()] == [uuid.UUID(i) for i in first + second]
    failed = entries()[0]
    assert failed.sent_at is None
    assert failed.attempts == 1
    reason = "Unreachable" if outage == "refusing connections" else "HTTP 503"
    assert reason in failed.last_error
    assert timedelta(seconds=25) < failed.next_attempt_at - timezone.now()
    assert failed.next_attempt_at - timezone.now() <= timedelta(seconds=30)

    # Not due yet: nothing is tried.
    assert forwarding.send_due("ralph").failed == 0
    # Still down half an hour later: the wait doubles.
    moment = later(minutes=30)
    assert forwarding.send_due("ralph", now=moment).failed == 3
    failed.refresh_from_db()
    assert failed.attempts == 2
    assert failed.next_attempt_at == moment + timedelta(seconds=60)

    if outage == "refusing connections":
        remote.start()
    remote.mode = "up"
    report = forwarding.send_due("ralph", now=later(hours=1))

    assert report.sent == 3
    assert remote.stored == first + second
    assert set(remote.deliveries.values()) == {1}
    assert not entries().filter(sent_at__isnull=True).exists()


def test_the_wait_doubles_up_to_the_cap(settings):
    settings.CHAINON_LRS_FORWARD_MAX_BACKOFF = 600

    waits = [forwarding.backoff(n).total_seconds() for n in (1, 2, 3, 4, 5, 99)]

    assert waits == [30, 60, 120, 240, 480, 600]


@pytest.mark.django_db
@pytest.mark.parametrize(("loss", "answer_to_known"), [("drop", 200), ("hang", 204)])
def test_a_lost_acknowledgement_is_resent_without_a_second_copy(
    remote, store, settings, loss, answer_to_known
):
    settings.CHAINON_LRS_FORWARD_TIMEOUT = 0.3
    remote.mode = loss
    remote.all_known = answer_to_known

    [sid] = store(1)

    # The remote stored it; we never heard so, and must not count it sent.
    assert remote.stored == [sid]
    entry = entries().get()
    assert entry.sent_at is None
    assert entry.attempts == 1
    assert "No answer" in entry.last_error

    remote.release.set()
    remote.mode = "up"
    assert forwarding.send_due("ralph", now=later(minutes=5)).sent == 1

    assert remote.deliveries[sid] == 2
    assert remote.stored == [sid]
    entry.refresh_from_db()
    assert entry.sent_at is not None
    forwarding.send_due("ralph", now=later(days=1))
    assert remote.deliveries[sid] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("refusal", [409, 400])
def test_a_refused_statement_is_set_aside_and_the_rest_goes(remote, store, refusal):
    a, bad, b = statement(), statement(), statement()
    if refusal == 409:
        # The remote already holds another statement under that id.
        remote.statements[bad["id"]] = {**bad, "verb": {"id": VERBS + "failed"}}
    else:
        remote.refuse = {bad["id"]}

    store(statements=[a, bad, b])

    # The batch, then one by one to find the culprit.
    ids = [a["id"], bad["id"], b["id"]]
    assert remote.requests == [ids, [a["id"]], [bad["id"]], [b["id"]]]
    assert remote.deliveries[a["id"]] == remote.deliveries[b["id"]] == 1
    set_aside = entries().get(statement_id=bad["id"])
    assert set_aside.sent_at is None
    assert set_aside.last_error.startswith(f"Refused: HTTP {refusal}")
    assert set_aside.next_attempt_at > later(hours=23)
    assert entries().filter(sent_at__isnull=False).count() == 2

    # It holds nothing back: the next statement goes at once.
    [c] = store(1)
    assert remote.requests[-1] == [c]
    assert remote.deliveries[bad["id"]] == 0


@pytest.mark.django_db
def test_batches_go_in_stored_order(remote, store, settings):
    settings.CHAINON_LRS_FORWARD_BATCH = 2
    remote.stop()
    ids = store(3) + store(2)
    remote.start()
    remote.requests.clear()

    forwarding.send_due("ralph", now=later(minutes=1))

    assert remote.requests == [ids[0:2], ids[2:4], ids[4:5]]


@pytest.mark.django_db
def test_each_endpoint_has_its_own_outbox(remote, make_lrs, store, settings):
    other = make_lrs(key="partner", secret="partner-secret")
    settings.CHAINON_LRS_FORWARD = [remote.config("ralph"), other.config("partner")]
    other.stop()

    ids = store(2)

    assert remote.stored == ids
    assert entries("partner").filter(attempts=1, sent_at__isnull=True).count() == 2
    other.start()
    assert forwarding.send_due("partner", now=later(minutes=1)).sent == 2
    assert other.stored == ids
    # Sending to one endpoint leaves the other's acknowledged rows alone.
    assert [remote.deliveries[i] for i in ids] == [1, 1]


@pytest.mark.django_db
def test_wrong_credentials_are_recorded_and_retried(remote, store, settings):
    settings.CHAINON_LRS_FORWARD = [remote.config("ralph", secret="not-the-secret")]

    store(1)

    entry = entries().get()
    assert entry.sent_at is None
    assert entry.attempts == 1
    assert entry.last_error.startswith("HTTP 401")
    assert remote.stored == []

    settings.CHAINON_LRS_FORWARD = [remote.config("ralph")]
    assert forwarding.send_due("ralph", now=later(minutes=1)).sent == 1
    assert len(remote.stored) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("root", "error"),
    [
        ("moved/", "HTTP 302"),
        ("site/", "HTTP 200 without statement ids"),
        ("nowhere/", "HTTP 404"),
    ],
)
def test_a_redirect_or_a_web_page_is_no_acknowledgement(
    remote, store, settings, root, error
):
    """urllib would follow a redirected POST as a GET, which an LRS answers 200
    with statements, and a web page answers 200 too: neither stored anything."""
    config = remote.config("ralph")
    config["endpoint"] = f"http://127.0.0.1:{remote.port}/{root}"
    settings.CHAINON_LRS_FORWARD = [config]

    store(1)

    entry = entries().get()
    assert entry.sent_at is None
    assert entry.last_error.startswith(error)
    assert remote.stored == []


@pytest.mark.django_db(transaction=True)
def test_statements_posted_to_the_lrs_are_forwarded_after_commit(remote):
    client, secret = LRSClient.create("H5P host", [LRSClient.Scope.WRITE])
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    body = [statement(), statement()]

    response = Client().post(
        "/xapi/statements",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
    )

    assert response.status_code == 200
    assert remote.stored == [s["id"] for s in body]
    # A batch rolled back forwards nothing.
    with pytest.raises(RuntimeError), transaction.atomic():
        store_statements([statement()], authority=AUTHORITY)
        raise RuntimeError
    assert ForwardingEntry.objects.count() == 2
    assert len(remote.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_a_batch_another_worker_holds_is_skipped(remote, settings):
    settings.CHAINON_LRS_FORWARD = []
    ids = store_statements([statement() for _ in range(4)], authority=AUTHORITY)
    settings.CHAINON_LRS_FORWARD = [remote.config("ralph")]
    ForwardingEntry.objects.bulk_create(
        ForwardingEntry(
            endpoint="ralph", statement_id=i, next_attempt_at=timezone.now()
        )
        for i in ids
    )
    held, done = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                list(
                    ForwardingEntry.objects.select_for_update().filter(
                        statement_id__in=ids[:2]
                    )
                )
                held.set()
                done.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert held.wait(timeout=10)
        if connection.features.has_select_for_update_skip_locked:
            report = forwarding.send_due("ralph")
        else:
            # SQLite has no row locks: the other worker holds the whole
            # database, so this one waits, gives up and sends nothing.
            connection.ensure_connection()
            connection.connection.execute("PRAGMA busy_timeout = 200")
            try:
                with pytest.raises(OperationalError):
                    forwarding.send_due("ralph")
            finally:
                # Django's own wait (5 s) for the tests that follow.
                connection.connection.execute("PRAGMA busy_timeout = 5000")
    finally:
        done.set()
        thread.join(timeout=10)

    if connection.features.has_select_for_update_skip_locked:
        # PostgreSQL: the rows the other worker holds are skipped, not waited for.
        assert report.sent == 2
        assert remote.requests == [ids[2:]]
    else:
        assert remote.requests == []
        assert forwarding.send_due("ralph").sent == 4
        assert remote.requests == [ids]


@pytest.mark.django_db
def test_the_command_sends_what_is_due_and_tells_what_waits(remote, store):
    remote.mode = "unavailable"
    store(2)
    out = StringIO()

    call_command("forward_statements", "--status", stdout=out)
    line = out.getvalue()
    assert "ralph: 2 waiting, 2 after failed attempts (up to 1), 0 refused" in line
    assert "last error: HTTP 503" in line

    remote.mode = "up"
    entries().update(next_attempt_at=timezone.now())
    out = StringIO()
    call_command("forward_statements", "--endpoint", "ralph", stdout=out)
    assert out.getvalue().splitlines() == [
        "ralph: 2 sent, 0 refused, 0 to retry.",
        "ralph: 0 waiting",
    ]
    assert len(remote.stored) == 2


@pytest.mark.django_db
def test_the_command_loops_until_stopped(remote, monkeypatch):
    def stop(seconds):
        assert seconds == 60
        raise KeyboardInterrupt

    monkeypatch.setattr("time.sleep", stop)
    out = StringIO()

    call_command("forward_statements", "--loop", "60", stdout=out)

    assert out.getvalue().splitlines()[-1] == "Stopped."


@pytest.mark.django_db
def test_the_command_refuses_an_unknown_endpoint(remote):
    with pytest.raises(CommandError, match="No endpoint named 'moodle'"):
        call_command("forward_statements", "--endpoint", "moodle")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('[{"name": "ralph"', "CHAINON_LRS_FORWARD is not valid JSON"),
        ('{"name": "ralph"}', "must be a JSON list"),
        ('[{"name": "ralph", "endpoint": "https://x/"}]', "entry 1 is not"),
        (
            '[{"name": "a", "endpoint": "lrs.example", "key": "k", "secret": "s"}]',
            "must be an http(s) URL",
        ),
    ],
)
def test_a_malformed_setting_stops_the_start(monkeypatch, value, message):
    monkeypatch.setenv("CHAINON_LRS_FORWARD", value)

    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        _lrs_forward("CHAINON_LRS_FORWARD")


def test_the_setting_names_the_xapi_root(monkeypatch):
    monkeypatch.setenv(
        "CHAINON_LRS_FORWARD",
        '[{"name": "ralph", "endpoint": "https://lrs.example/xapi",'
        ' "key": "k", "secret": "s"}]',
    )

    [endpoint] = _lrs_forward("CHAINON_LRS_FORWARD")

    assert endpoint["endpoint"] == "https://lrs.example/xapi/"
