"""Conformance checks in the spirit of ADL's lrs-conformance-test-suite (v2_0).

Only requirements the other LRS tests do not already pin down: headers on
every statements response, query-parameter strictness, query semantics at
their boundaries, the ``ids`` format everywhere in a statement, authority
and timestamp rules from the suite's ``configs``.
"""

import base64
import json
import uuid
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urlencode

import pytest

from lms.models import LRSClient

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
VERBS = "http://adlnet.gov/expapi/verbs/"
UNIT = "https://chainon.example/xapi/activities/unit/conformance"
OTHER = "https://chainon.example/xapi/activities/unit/other"


def statement(**changes):
    return {
        "actor": {"mbox": "mailto:lucas@chainon.example", "name": "Lucas"},
        "verb": {"id": VERBS + "completed", "display": {"en-US": "completed"}},
        "object": {"id": UNIT},
        **changes,
    }


@pytest.fixture
def tool(db):
    client, secret = LRSClient.create(
        "conformance", [LRSClient.Scope.WRITE, LRSClient.Scope.READ]
    )
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}


def post(client, headers, body, query=""):
    return client.post(
        URL + query, data=json.dumps(body), content_type="application/json", **headers
    )


def get(client, headers, query=""):
    return client.get(URL + query, **headers)


def store(client, headers, body):
    response = post(client, headers, body)
    assert response.status_code == 200, response.content
    return response.json()


def fetch(client, headers, sid):
    response = get(client, headers, f"?statementId={sid}")
    assert response.status_code == 200, response.content
    return response.json()


# Headers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "?limit=1", "?statementId={sid}", "?voidedStatementId={sid}"]
)
def test_every_statements_get_has_consistent_through_and_version(client, tool, query):
    """Communication 3.1: "The LRS MUST include the
    X-Experience-API-Consistent-Through header in the response to all GET
    requests to the Statement Resource" (including errors such as 404)."""
    [sid] = store(client, tool, statement())
    response = get(client, tool, query.format(sid=sid))
    stamp = response["X-Experience-API-Consistent-Through"]
    assert stamp.endswith("Z") and "T" in stamp
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_consistent_through_is_not_before_the_newest_stored(client, tool):
    [sid] = store(client, tool, statement())
    stored = fetch(client, tool, sid)["stored"]
    response = get(client, tool)
    header = response["X-Experience-API-Consistent-Through"]
    assert header[:23] >= stored[:23]


def test_responses_are_application_json(client, tool):
    [sid] = store(client, tool, statement())
    assert post(client, tool, statement())["Content-Type"].startswith(
        "application/json"
    )
    assert get(client, tool)["Content-Type"].startswith("application/json")
    assert get(client, tool, f"?statementId={sid}")["Content-Type"].startswith(
        "application/json"
    )


def test_head_has_the_get_headers_and_no_body(client, tool):
    """Communication 1.1: "The LRS SHALL respond to any HEAD request as it
    would have responded to an otherwise identical GET request except: The
    LRS SHALL NOT return a message-body"."""
    [sid] = store(client, tool, statement())
    for query in ("", f"?statementId={sid}"):
        got, head = get(client, tool, query), client.head(URL + query, **tool)
        assert head.status_code == got.status_code == 200
        assert head.content == b""
        for name in ("Content-Type", "X-Experience-API-Version", "Last-Modified"):
            assert head[name] == got[name]
        assert "X-Experience-API-Consistent-Through" in head


def test_the_10_3_version_header_is_accepted_and_answered_in_2_0_0(client, tool):
    """Communication 3.3: the LRS MUST set X-Experience-API-Version to the
    latest patch version; requests of 1.0.x are still served."""
    headers = {**tool, "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
    response = post(client, headers, statement())
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "2.0.0"
    assert get(client, headers)["X-Experience-API-Version"] == "2.0.0"


def test_about_needs_neither_credentials_nor_a_version_header(client):
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "2.0.0" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_a_json_content_type_with_a_charset_is_accepted(client, tool):
    response = client.post(
        URL,
        data=json.dumps(statement()),
        content_type="application/json; charset=utf-8",
        **tool,
    )
    assert response.status_code == 200


def test_other_content_types_are_refused(client, tool):
    response = client.post(
        URL, data=json.dumps(statement()), content_type="text/plain", **tool
    )
    assert response.status_code == 400


# Parameters ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["?foo=bar", "?Verb=" + quote(VERBS + "completed"), "?LIMIT=1"]
)
def test_unknown_or_wrongly_cased_get_parameters_get_400(client, tool, query):
    """Communication 3.2: "The LRS MUST reject with 400 Bad Request any
    request to an xAPI Resource which uses a parameter with differing case"
    and any parameter it does not recognise."""
    assert get(client, tool, query).status_code == 400


def test_unknown_parameters_on_post_get_400(client, tool):
    """Communication 3.2 (XAPI-00322 family): "The LRS MUST reject with
    400 Bad Request status any requests that use any parameters which the
    LRS does not recognize in their intended context"."""
    assert post(client, tool, statement(), "?foo=bar").status_code == 400


def test_unknown_parameters_on_put_get_400(client, tool):
    sid = str(uuid.uuid4())
    response = client.put(
        f"{URL}?statementId={sid}&foo=bar",
        data=json.dumps(statement()),
        content_type="application/json",
        **tool,
    )
    assert response.status_code == 400


@pytest.mark.parametrize("other", ["since=2020-01-01T00:00:00Z", "limit=1", "verb=x"])
def test_statement_id_with_another_filter_gets_400(client, tool, other):
    """Communication 2.1.3: "The LRS MUST reject with a 400 Bad Request
    error any requests to this resource which contain statementId or
    voidedStatementId parameters, and also contain any other parameter
    besides "attachments" or "format"."""
    [sid] = store(client, tool, statement())
    assert get(client, tool, f"?statementId={sid}&{other}").status_code == 400
    assert get(client, tool, f"?voidedStatementId={sid}&{other}").status_code == 400


def test_statement_id_with_format_and_attachments_is_fine(client, tool):
    [sid] = store(client, tool, statement())
    response = get(client, tool, f"?statementId={sid}&format=ids&attachments=false")
    assert response.status_code == 200


# Voiding ------------------------------------------------------------------


def test_voided_statement_id_semantics(client, tool):
    """Data 2.3.2: "the LRS MUST return 404 when statementId names a voided
    statement" and voidedStatementId returns only voided ones."""
    [target, kept] = store(client, tool, [statement(), statement()])
    [voiding] = store(
        client,
        tool,
        statement(
            verb={"id": VERBS + "voided"},
            object={"objectType": "StatementRef", "id": target},
        ),
    )
    assert get(client, tool, f"?statementId={target}").status_code == 404
    voided = get(client, tool, f"?voidedStatementId={target}")
    assert voided.status_code == 200 and voided.json()["id"] == target
    assert get(client, tool, f"?voidedStatementId={kept}").status_code == 404
    # the voiding statement itself is an ordinary statement
    assert get(client, tool, f"?statementId={voiding}").status_code == 200
    assert get(client, tool, f"?voidedStatementId={voiding}").status_code == 404


def test_voiding_an_unknown_statement_is_accepted(client, tool):
    """Data 2.3.2 says nothing requires the target to exist: "Upon receiving
    a Statement that voids another, the LRS SHOULD NOT reject the request on
    the grounds of the Object of that voiding Statement not being present"."""
    ref = {"objectType": "StatementRef", "id": str(uuid.uuid4())}
    response = post(client, tool, statement(verb={"id": VERBS + "voided"}, object=ref))
    assert response.status_code == 200


# Query semantics ----------------------------------------------------------


def test_since_is_exclusive_and_until_inclusive(client, tool):
    """Communication 2.1.3: since "Only Statements stored since the specified
    Timestamp (exclusive)"; until "Only Statements stored at or before the
    specified Timestamp"."""
    [sid] = store(client, tool, statement())
    stored = fetch(client, tool, sid)["stored"]
    since = get(client, tool, "?" + urlencode({"since": stored})).json()
    until = get(client, tool, "?" + urlencode({"until": stored})).json()
    assert sid not in [s["id"] for s in since["statements"]]
    assert sid in [s["id"] for s in until["statements"]]


def test_since_with_an_offset_is_read_in_its_time_zone(client, tool):
    [sid] = store(client, tool, statement())
    stored = fetch(client, tool, sid)["stored"]
    # the same instant, two hours ahead, one hour earlier
    hour = int(stored[11:13])
    local = f"{stored[:11]}{(hour + 1) % 24:02d}{stored[13:19]}+02:00"
    if hour == 23:
        pytest.skip("crosses midnight")
    response = get(client, tool, "?" + urlencode({"since": local}))
    assert response.status_code == 200
    assert sid in [s["id"] for s in response.json()["statements"]]


def test_limit_zero_means_the_server_maximum(client, tool):
    """Communication 2.1.3: limit "Maximum number of Statements to return. 0
    indicates return the maximum the server will allow"."""
    store(client, tool, [statement() for _ in range(5)])
    body = get(client, tool, "?limit=0").json()
    assert len(body["statements"]) == 5
    assert body["more"] == ""


def test_the_more_link_is_a_relative_irl_usable_as_is(client, tool):
    """Data 2.5 StatementResult: more is a "Relative IRL that can be used to
    fetch more results, including the full path and optionally a query
    string but excluding scheme, host, and port"."""
    ids = store(client, tool, [statement() for _ in range(3)])
    first = get(client, tool, "?limit=2&ascending=true").json()
    assert first["more"].startswith("/xapi/statements")
    assert "://" not in first["more"]
    second = client.get(first["more"], **tool).json()
    seen = [s["id"] for s in first["statements"] + second["statements"]]
    assert seen == ids
    assert second["more"] == ""


def test_ascending_orders_by_stored(client, tool):
    ids = store(client, tool, [statement() for _ in range(3)])
    up = [s["id"] for s in get(client, tool, "?ascending=true").json()["statements"]]
    down = [s["id"] for s in get(client, tool).json()["statements"]]
    assert up == ids and down == ids[::-1]


def test_agent_filter_with_an_identified_group(client, tool):
    group = {
        "objectType": "Group",
        "mbox": "mailto:team@chainon.example",
        "member": [{"mbox": "mailto:ana@chainon.example"}],
    }
    [as_actor] = store(client, tool, statement(actor=group))
    [as_object] = store(client, tool, statement(object=group))
    store(client, tool, statement())
    wanted = json.dumps({"objectType": "Group", "mbox": "mailto:team@chainon.example"})
    response = get(client, tool, "?" + urlencode({"agent": wanted}))
    assert response.status_code == 200
    found = {s["id"] for s in response.json()["statements"]}
    assert found == {as_actor, as_object}


def test_registration_filter(client, tool):
    registration = str(uuid.uuid4())
    [mine] = store(client, tool, statement(context={"registration": registration}))
    store(client, tool, statement(context={"registration": str(uuid.uuid4())}))
    store(client, tool, statement())
    body = get(client, tool, f"?registration={registration}").json()
    assert [s["id"] for s in body["statements"]] == [mine]
    upper = get(client, tool, f"?registration={registration.upper()}").json()
    assert [s["id"] for s in upper["statements"]] == [mine]


def test_an_object_without_object_type_is_an_activity(client, tool):
    """Data 2.4.4: "If it is not specified, the objectType is assumed to be
    Activity"."""
    [sid] = store(client, tool, statement(object={"id": OTHER}))
    body = get(client, tool, "?" + urlencode({"activity": OTHER})).json()
    assert [s["id"] for s in body["statements"]] == [sid]
    assert fetch(client, tool, sid)["object"]["id"] == OTHER


def test_an_agent_object_needs_its_object_type(client, tool):
    response = post(client, tool, statement(object={"mbox": "mailto:x@example.com"}))
    assert response.status_code == 400


# The ids format everywhere --------------------------------------------------


def test_ids_format_reduces_a_substatement_too(client, tool):
    """Communication 2.1.3 format: ids "Only include minimum information
    necessary in Agent, Activity, Verb and Group Objects to identify them" —
    every such Object of the statement, a SubStatement's included."""
    sub = {
        "objectType": "SubStatement",
        "actor": {"mbox": "mailto:ana@chainon.example", "name": "Ana"},
        "verb": {"id": VERBS + "attempted", "display": {"en-US": "attempted"}},
        "object": {"id": OTHER, "definition": {"name": {"en-US": "Other"}}},
    }
    [sid] = store(client, tool, statement(object=sub))
    response = get(client, tool, f"?statementId={sid}&format=ids")
    shown = response.json()["object"]
    assert shown["objectType"] == "SubStatement"
    assert "name" not in shown["actor"]
    assert "display" not in shown["verb"]
    assert "definition" not in shown["object"]


def test_ids_format_reduces_context_agents_and_activities(client, tool):
    context = {
        "instructor": {"mbox": "mailto:prof@chainon.example", "name": "Prof"},
        "contextActivities": {
            "parent": [{"id": OTHER, "definition": {"name": {"en-US": "Parent"}}}]
        },
    }
    [sid] = store(client, tool, statement(context=context))
    shown = get(client, tool, f"?statementId={sid}&format=ids").json()["context"]
    assert "name" not in shown["instructor"]
    assert "definition" not in shown["contextActivities"]["parent"][0]


# Stored, authority, version, ids, timestamps -------------------------------


def test_a_stored_value_sent_is_accepted_and_replaced(client, tool):
    """XAPI-00097: "An LRS MUST accept statements with the stored property"
    and assign its own."""
    sent = "2011-07-15T00:00:00.000Z"
    [sid] = store(client, tool, statement(stored=sent))
    assert fetch(client, tool, sid)["stored"] != sent


def test_an_authority_sent_is_accepted_and_replaced(client, tool):
    sent = {"mbox": "mailto:someone-else@example.com"}
    [sid] = store(client, tool, statement(authority=sent))
    assert fetch(client, tool, sid)["authority"] != sent


TWO_MEMBERS = [
    {"account": {"homePage": "http://example.com/xAPI/OAuth/Token", "name": "x75db"}},
    {"mbox": "mailto:bob@example.com"},
]


def test_an_authority_group_of_two_anonymous_members_is_accepted(client, tool):
    authority = {"objectType": "Group", "member": TWO_MEMBERS}
    assert post(client, tool, statement(authority=authority)).status_code == 200


@pytest.mark.parametrize(
    "authority",
    [
        {"objectType": "Group", "member": TWO_MEMBERS[:1]},
        {
            "objectType": "Group",
            "member": TWO_MEMBERS + [{"mbox": "mailto:james@example.com"}],
        },
        {
            "objectType": "Group",
            "member": TWO_MEMBERS,
            "mbox": "mailto:bob-group@example.com",
        },
        {"objectType": "Group", "openid": "http://openid.example.org/12345"},
    ],
    ids=["one-member", "three-members", "identified-two", "identified-no-member"],
)
def test_other_authority_groups_are_refused(client, tool, authority):
    """XAPI-00098 (Data 2.4.9): "The LRS rejects with 400 Bad Request a
    statement which has an "authority" property with a "objectType" of
    "Group" with more or less than two Oauth Agents as values of the
    "member" property"; XAPI-00024: identified-Group authorities fail."""
    assert post(client, tool, statement(authority=authority)).status_code == 400


def test_a_1_0_3_statement_keeps_its_version(client, tool):
    """Data 2.4.10: "An LRS MUST accept all Statements where their version
    starts with "1.0." or "2.0." if they otherwise validate"."""
    [sid] = store(client, tool, statement(version="1.0.3"))
    assert fetch(client, tool, sid)["version"] == "1.0.3"
    [other] = store(client, tool, statement())
    assert fetch(client, tool, other)["version"] == "2.0.0"


def test_a_3_0_0_statement_is_refused(client, tool):
    """Data 2.4.10: "An LRS MUST reject all Statements with a version
    specified that does not start with "2.0." or "1.0."."""
    assert post(client, tool, statement(version="3.0.0")).status_code == 400
    assert post(client, tool, statement(version="2.1.0")).status_code == 400


def test_uuids_come_back_lower_case(client, tool):
    sid = str(uuid.uuid4()).upper()
    registration = str(uuid.uuid4()).upper()
    ids = store(client, tool, statement(id=sid, context={"registration": registration}))
    assert ids == [sid.lower()]
    shown = get(client, tool, f"?statementId={sid}").json()
    assert shown["id"] == sid.lower()
    assert shown["context"]["registration"] == registration.lower()


def test_timestamps_with_an_offset_come_back_in_utc(client, tool):
    [sid] = store(client, tool, statement(timestamp="2024-03-01T12:30:00.123+02:00"))
    assert fetch(client, tool, sid)["timestamp"] == "2024-03-01T10:30:00.123Z"


@pytest.mark.parametrize(
    "moment",
    [
        "2008-09-15T15:53:00.601-00",
        "2008-09-15T15:53:00.601-0000",
        "2008-09-15T15:53:00.601-00:00",
    ],
)
def test_negative_zero_offsets_are_refused(client, tool, moment):
    """XAPI-00123 (configs/timestamps.js): -00, -0000 and -00:00 fail."""
    assert post(client, tool, statement(timestamp=moment)).status_code == 400


def test_an_rfc_3339_timestamp_with_a_space_is_accepted(client, tool):
    """XAPI-00123 (configs/timestamps.js): "valid RFC 3339 date in
    timestamp" 2008-09-15 15:53:00.601+00:00 expects 200."""
    response = post(client, tool, statement(timestamp="2008-09-15 15:53:00.601+00:00"))
    assert response.status_code == 200


def test_stored_keeps_millisecond_precision(client, tool):
    """XAPI-00023: stored is a Timestamp "precision to milliseconds"."""
    [sid] = store(client, tool, statement())
    stored = fetch(client, tool, sid)["stored"]
    assert stored.endswith("Z") and len(stored.split(".")[1]) >= 4


def test_last_modified_matches_stored(client, tool):
    [sid] = store(client, tool, statement())
    response = get(client, tool, f"?statementId={sid}")
    stored = datetime.fromisoformat(response.json()["stored"].replace("Z", "+00:00"))
    modified = parsedate_to_datetime(response["Last-Modified"])
    assert int(stored.timestamp()) == int(modified.timestamp())
