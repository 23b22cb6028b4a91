"""The LRS's statement resource: write, resend, conflict, void, read by id."""

import base64
import json
import uuid

import pytest
from django.test import Client

from lms.models import LRSClient, Statement
from lms.xapi.agents import learner_agent

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
UNIT = (
    "https://chainon.example/xapi/activities/unit/5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"
)


def statement(**changes):
    return {
        "actor": {"mbox": "mailto:lucas@chainon.example"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": UNIT},
        **changes,
    }


def basic(client, secret):
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}


@pytest.fixture
def tool(db):
    client, secret = LRSClient.create(
        "H5P host", [LRSClient.Scope.WRITE, LRSClient.Scope.READ]
    )
    return basic(client, secret) | {"client": client}


def call(client, method, headers, body=None, **query):
    headers = {k: v for k, v in headers.items() if k != "client"}
    path = URL + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    data = json.dumps(body) if body is not None else ""
    return getattr(client, method)(
        path, data=data, content_type="application/json", **headers
    )


def test_about_names_the_supported_versions(client):
    response = client.get("/xapi/about")
    assert response.json()["version"] == ["1.0.3", "2.0.0"]
    assert response["X-Experience-API-Version"] == "2.0.0"


@pytest.mark.parametrize("version", [None, "0.95", "3.0.0", "2.0.0-rc"])
def test_a_missing_or_unsupported_version_header_is_refused(client, tool, version):
    headers = {k: v for k, v in tool.items() if k != "HTTP_X_EXPERIENCE_API_VERSION"}
    if version:
        headers["HTTP_X_EXPERIENCE_API_VERSION"] = version
    assert call(client, "post", headers, statement()).status_code == 400
    assert not Statement.objects.exists()


def test_callers_without_valid_credentials_get_401(client, tool):
    response = call(client, "post", VERSION, statement())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    wrong = basic(tool["client"], "not-the-secret")
    assert call(client, "post", wrong, statement()).status_code == 401
    garbled = {**VERSION, "HTTP_AUTHORIZATION": "Basic %%%"}
    assert call(client, "post", garbled, statement()).status_code == 401


def test_put_stores_and_get_returns_the_settled_statement(client, tool):
    sid = str(uuid.uuid4())
    response = call(client, "put", tool, statement(), statementId=sid)
    assert response.status_code == 204
    assert response["X-Experience-API-Consistent-Through"]

    got = call(client, "get", tool, statementId=sid)
    assert got.status_code == 200
    data = got.json()
    assert data["id"] == sid
    assert data["authority"] == tool["client"].authority
    assert data["version"] == "2.0.0"
    assert data["stored"].endswith("Z") and data["timestamp"].endswith("Z")
    assert got["Last-Modified"]


def test_the_same_statement_again_is_accepted_and_another_one_conflicts(client, tool):
    sid = str(uuid.uuid4())
    assert call(client, "put", tool, statement(), statementId=sid).status_code == 204
    assert call(client, "put", tool, statement(), statementId=sid).status_code == 204
    other = statement(verb={"id": "http://adlnet.gov/expapi/verbs/failed"})
    assert call(client, "put", tool, other, statementId=sid).status_code == 409
    assert Statement.objects.count() == 1


def test_put_needs_a_matching_uuid(client, tool):
    assert call(client, "put", tool, statement()).status_code == 400
    assert call(client, "put", tool, statement(), statementId="x").status_code == 400
    body = statement(id=str(uuid.uuid4()))
    response = call(client, "put", tool, body, statementId=str(uuid.uuid4()))
    assert response.status_code == 400


def test_post_stores_a_batch_all_or_nothing(client, tool):
    response = call(client, "post", tool, [statement(), statement()])
    assert response.status_code == 200
    ids = response.json()
    assert len(ids) == 2 and Statement.objects.count() == 2

    bad = [statement(), statement(verb={"id": "not an iri"})]
    response = call(client, "post", tool, bad)
    assert response.status_code == 400
    assert "[1].verb.id" in response.json()["error"]
    assert Statement.objects.count() == 2

    same_id = str(uuid.uuid4())
    twice = [statement(id=same_id), statement(id=same_id)]
    assert call(client, "post", tool, twice).status_code == 400


def test_bad_bodies_get_clear_errors(client, tool, settings):
    headers = {k: v for k, v in tool.items() if k != "client"}
    response = client.post(
        URL, data="{not json", content_type="application/json", **headers
    )
    assert response.status_code == 400
    settings.CHAINON_LRS_MAX_BODY = 100
    big = statement(result={"response": "x" * 500})
    assert call(client, "post", tool, big).status_code == 413
    assert not Statement.objects.exists()


def test_a_client_without_write_scope_is_refused(client):
    reader, secret = LRSClient.create("Analytics", [LRSClient.Scope.READ])
    response = call(client, "post", basic(reader, secret), statement())
    assert response.status_code == 403


def test_voiding_hides_a_statement_and_a_voiding_statement_cannot_be_voided(
    client, tool
):
    target = call(client, "post", tool, [statement()]).json()[0]
    void = statement(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": target},
    )
    voiding = call(client, "post", tool, [void]).json()[0]
    assert call(client, "get", tool, statementId=target).status_code == 404
    assert call(client, "get", tool, voidedStatementId=target).status_code == 200

    again = {**void, "object": {"objectType": "StatementRef", "id": voiding}}
    assert call(client, "post", tool, [again]).status_code == 400
    assert call(client, "get", tool, statementId=voiding).status_code == 200


def test_a_learner_writes_as_themselves_only_and_reads_only_their_own(
    learner, tool, client
):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    browser.get("/xapi/about")  # any page sets the CSRF cookie in real use
    refused = browser.post(
        URL, data=json.dumps(statement()), content_type="application/json", **VERSION
    )
    assert refused.status_code == 403  # no CSRF token

    browser.cookies["csrftoken"] = "a" * 32
    someone_else = statement(actor={"mbox": "mailto:autre@example.org"})
    response = browser.post(
        URL,
        data=json.dumps(someone_else),
        content_type="application/json",
        HTTP_X_CSRFTOKEN="a" * 32,
        **VERSION,
    )
    assert response.status_code == 200
    mine = Statement.objects.get(pk=response.json()[0])
    assert mine.data["actor"] == learner_agent(learner)
    assert mine.user == learner

    theirs = call(client, "post", tool, [statement()]).json()[0]
    got = browser.get(URL + f"?statementId={theirs}", **VERSION)
    assert got.status_code == 404
    got = browser.get(URL + f"?statementId={mine.pk}", **VERSION)
    assert got.status_code == 200


def test_create_lrs_client_prints_working_credentials_once(client):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command(
        "create_lrs_client", "Lumi", "--scope", "statements/write", "--json", stdout=out
    )
    details = json.loads(out.getvalue())
    assert details["endpoint"].endswith("/xapi/")
    assert details["scopes"] == ["statements/write"]
    made = LRSClient.objects.get(key=details["key"])
    assert details["secret"] not in made.secret_hash
    headers = basic(made, details["secret"])
    assert call(client, "post", headers, statement()).status_code == 200

    with pytest.raises(CommandError, match="Unknown scope"):
        call_command("create_lrs_client", "X", "--scope", "everything", stdout=out)


def test_administrators_see_lrs_clients_in_the_admin(client, tool):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/snippets/lms/lrsclient/")
    assert response.status_code == 200
    assert "H5P host" in response.content.decode()


def test_a_body_under_the_lrs_limit_but_over_djangos_is_accepted(client, tool):
    # Django refuses request.body above DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB);
    # the LRS reads the stream itself up to its own 4 MiB.
    notes = "x" * 3_000_000
    big = statement(
        result={"extensions": {"https://chainon.example/xapi/ext/notes": notes}}
    )
    response = call(client, "post", tool, big)
    assert response.status_code == 200, response.content[:200]
    assert Statement.objects.count() == 1
