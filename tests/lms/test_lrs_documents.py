"""The LRS's document resources: activity state, activity and agent profiles.

Grouped by requirement of IEEE 9274.1.1 (xAPI 2.0) 4.1.4 and 4.1.6.2/5/6,
with 1.0.3's Part Three 2.2-2.7 and 3.1 where a 1.0.x request differs.
"""

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils.http import http_date

from lms.models import LRSClient, LRSDocument
from lms.xapi import document_rules as rules
from lms.xapi import documents
from lms.xapi.agents import learner_agent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STATE = "/xapi/activities/state"
ACTIVITY_PROFILE = "/xapi/activities/profile"
AGENT_PROFILE = "/xapi/agents/profile"
VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
ACTIVITY = "https://h5p.partner.example/activities/quiz-1"
OTHER_ACTIVITY = "https://h5p.partner.example/activities/quiz-2"
AGENT = {"objectType": "Agent", "mbox": "mailto:lucas@chainon.example"}
OTHER_AGENT = {"mbox": "mailto:ines@chainon.example"}
REGISTRATION = "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"
Scope = LRSClient.Scope

# One document of each resource, named by its full key.
KEYS = {
    STATE: {"activityId": ACTIVITY, "agent": AGENT, "stateId": "bookmark"},
    ACTIVITY_PROFILE: {"activityId": ACTIVITY, "profileId": "settings"},
    AGENT_PROFILE: {"agent": AGENT, "profileId": "preferences"},
}
RESOURCES = list(KEYS)
# What names a list of documents, and the parameter naming one of them.
LISTS = {
    STATE: {"activityId": ACTIVITY, "agent": AGENT},
    ACTIVITY_PROFILE: {"activityId": ACTIVITY},
    AGENT_PROFILE: {"agent": AGENT},
}
ID_PARAMS = {
    STATE: "stateId",
    ACTIVITY_PROFILE: "profileId",
    AGENT_PROFILE: "profileId",
}
KINDS = {
    STATE: "state",
    ACTIVITY_PROFILE: "activity_profile",
    AGENT_PROFILE: "agent_profile",
}


def send(
    client, method, path, headers, body=b"", /, content_type="application/json", **q
):
    """``q`` holds the query parameters, and HTTP_* headers as in Django."""
    headers = {**headers, **{k: v for k, v in q.items() if k.startswith("HTTP_")}}
    q = {k: v for k, v in q.items() if not k.startswith("HTTP_")}
    params = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in q.items()}
    target = f"{path}?{urlencode(params)}" if params else path
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
    # Django's client drops Content-Type from bodiless requests; keep it.
    headers["CONTENT_TYPE"] = content_type
    return client.generic(method, target, body, content_type=content_type, **headers)


def put(client, path, headers, body, **extra):
    return send(client, "PUT", path, headers, body, **{**KEYS[path], **extra})


def get(client, path, headers, **extra):
    return send(client, "GET", path, headers, **{**KEYS[path], **extra})


def stored(path=STATE):
    """The one stored document of a resource: content, type, ETag, update time."""
    rows = list(LRSDocument.objects.filter(kind=KINDS[path]))
    assert len(rows) <= 1
    if not rows:
        return None
    row = rows[0]
    return bytes(row.content), row.content_type, row.etag, row.updated


def sha1(content: bytes) -> str:
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


@pytest.fixture
def credentials(db):
    def make(*scopes, version="2.0.0"):
        client, secret = LRSClient.create("H5P host", scopes)
        token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
        return {
            "HTTP_AUTHORIZATION": f"Basic {token}",
            "HTTP_X_EXPERIENCE_API_VERSION": version,
        }

    return make


@pytest.fixture
def tool(credentials):
    return credentials(Scope.STATE, Scope.PROFILE)


@pytest.fixture
def saved(client, tool):
    """Each resource holds {"x": "foo", "y": "bar"} under its key."""
    for path in RESOURCES:
        assert put(client, path, tool, {"x": "foo", "y": "bar"}).status_code == 204
    return {path: stored(path) for path in RESOURCES}


# Parameters (4.1.6.2/5/6 tables; 4.1.5 error codes: unknown → 400) ------


@pytest.mark.parametrize(
    ("path", "method", "missing"),
    [
        (STATE, "PUT", "activityId"),
        (STATE, "PUT", "agent"),
        (STATE, "PUT", "stateId"),
        (STATE, "POST", "stateId"),
        (STATE, "GET", "activityId"),
        (STATE, "GET", "agent"),
        (STATE, "DELETE", "agent"),
        (ACTIVITY_PROFILE, "PUT", "activityId"),
        (ACTIVITY_PROFILE, "PUT", "profileId"),
        (ACTIVITY_PROFILE, "DELETE", "profileId"),
        (ACTIVITY_PROFILE, "GET", "activityId"),
        (AGENT_PROFILE, "POST", "agent"),
        (AGENT_PROFILE, "PUT", "profileId"),
        (AGENT_PROFILE, "DELETE", "profileId"),
        (AGENT_PROFILE, "GET", "agent"),
    ],
)
def test_a_missing_required_parameter_is_refused(client, tool, path, method, missing):
    params = {k: v for k, v in KEYS[path].items() if k != missing}
    response = send(client, method, path, tool, {"a": 1}, **params)
    assert response.status_code == 400
    assert missing in response.json()["error"]
    assert not LRSDocument.objects.exists()


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [
        (STATE, "activityId", "not an iri"),
        (STATE, "activityId", ""),
        (STATE, "activityId", "https://h5p.example/" + "a" * 400),
        (STATE, "agent", "not json"),
        (STATE, "agent", "true"),
        (STATE, "agent", '["mailto:lucas@chainon.example"]'),
        (STATE, "agent", {"mbox": "lucas@chainon.example"}),
        (STATE, "agent", {"mbox": "mailto:a@b.example", "openid": "https://a.example"}),
        (STATE, "agent", {"objectType": "Group", "mbox": "mailto:team@b.example"}),
        (STATE, "agent", {"name": "no identifier"}),
        (STATE, "registration", "not-a-uuid"),
        (STATE, "registration", "true"),
        (STATE, "stateId", ""),
        (ACTIVITY_PROFILE, "activityId", "quiz-1"),
        (ACTIVITY_PROFILE, "profileId", ""),
        (AGENT_PROFILE, "agent", {"account": {"name": "x"}}),
        (AGENT_PROFILE, "profileId", "p" * 401),
    ],
)
def test_a_malformed_parameter_is_refused(client, tool, path, name, value):
    params = {**KEYS[path], name: value}
    for method in ("PUT", "GET"):
        response = send(client, method, path, tool, {"a": 1}, **params)
        assert response.status_code == 400, method
        assert name in response.json()["error"]
    assert not LRSDocument.objects.exists()


@pytest.mark.parametrize(
    ("path", "method", "extra"),
    [
        (STATE, "PUT", {"stateid": "bookmark"}),  # case matters
        (STATE, "GET", {"profileId": "x"}),
        (STATE, "PUT", {"since": "2024-01-01T00:00:00Z"}),
        (STATE, "DELETE", {"since": "2024-01-01T00:00:00Z"}),
        (STATE, "GET", {"method": "PUT"}),
        (ACTIVITY_PROFILE, "GET", {"agent": AGENT}),
        (ACTIVITY_PROFILE, "PUT", {"registration": REGISTRATION}),
        (AGENT_PROFILE, "GET", {"activityId": ACTIVITY}),
        (AGENT_PROFILE, "PUT", {"stateId": "x"}),
    ],
)
def test_a_parameter_foreign_to_the_request_is_refused(
    client, tool, path, method, extra
):
    response = send(client, method, path, tool, {"a": 1}, **KEYS[path], **extra)
    assert response.status_code == 400
    assert not LRSDocument.objects.exists()


def test_a_parameter_given_twice_is_refused(client, tool):
    query = urlencode({**KEYS[AGENT_PROFILE], "agent": json.dumps(AGENT)})
    response = client.put(
        f"{AGENT_PROFILE}?{query}&profileId=other",
        b"{}",
        content_type="application/json",
        **tool,
    )
    assert response.status_code == 400
    assert "more than once" in response.json()["error"]


@pytest.mark.parametrize("since", ["yesterday", "2024-01-01", "2024-13-01T00:00:00Z"])
def test_since_must_be_a_timestamp_with_a_zone(client, tool, since):
    params = {"activityId": ACTIVITY, "agent": AGENT, "since": since}
    assert send(client, "GET", STATE, tool, **params).status_code == 400


def test_since_does_not_go_with_a_single_document(client, tool, saved):
    # 4.1.6.2: with stateId, since is "Not Allowed".
    response = get(client, STATE, tool, since="2024-01-01T00:00:00Z")
    assert response.status_code == 400
    response = get(client, ACTIVITY_PROFILE, tool, since="2024-01-01T00:00:00Z")
    assert response.status_code == 400


def test_an_upper_case_registration_names_the_same_document(client, tool):
    assert put(client, STATE, tool, b"1", registration=REGISTRATION).status_code == 204
    response = get(client, STATE, tool, registration=REGISTRATION.upper())
    assert response.status_code == 200
    assert response.content == b"1"


# Who may call (401, 403, CSRF) --------------------------------------------


@pytest.mark.parametrize("path", RESOURCES)
def test_callers_without_credentials_get_401(client, path):
    response = put(client, path, VERSION, {"a": 1})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    assert not LRSDocument.objects.exists()


def test_a_missing_version_header_is_refused(client, tool):
    headers = {k: v for k, v in tool.items() if k != "HTTP_X_EXPERIENCE_API_VERSION"}
    assert put(client, STATE, headers, {"a": 1}).status_code == 400
    assert not LRSDocument.objects.exists()


@pytest.mark.parametrize(
    ("scopes", "path", "method", "allowed"),
    [
        ((Scope.STATE,), STATE, "PUT", True),
        ((Scope.WRITE,), STATE, "PUT", True),
        ((Scope.WRITE,), STATE, "GET", True),
        ((Scope.READ,), STATE, "GET", False),
        ((Scope.PROFILE,), STATE, "PUT", False),
        ((Scope.READ_MINE,), STATE, "GET", False),
        ((Scope.PROFILE,), ACTIVITY_PROFILE, "PUT", True),
        ((Scope.DEFINE,), AGENT_PROFILE, "PUT", True),
        ((Scope.READ,), ACTIVITY_PROFILE, "GET", True),
        ((Scope.READ,), AGENT_PROFILE, "GET", True),
        ((Scope.READ,), AGENT_PROFILE, "PUT", False),
        ((Scope.READ,), ACTIVITY_PROFILE, "DELETE", False),
        ((Scope.STATE,), ACTIVITY_PROFILE, "GET", False),
        ((Scope.WRITE,), AGENT_PROFILE, "POST", False),
    ],
)
def test_a_client_s_scopes_decide(client, credentials, scopes, path, method, allowed):
    headers = credentials(*scopes)
    response = send(client, method, path, headers, {"a": 1}, **KEYS[path])
    if allowed:
        assert response.status_code in (200, 204, 404)
    else:
        assert response.status_code == 403
        assert not LRSDocument.objects.exists()


def browser_for(user, *, token=True):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    browser.cookies["csrftoken"] = "a" * 32
    headers = {**VERSION, "HTTP_X_CSRFTOKEN": "a" * 32} if token else dict(VERSION)
    return browser, headers


def test_a_learner_keeps_their_own_state_and_profile(settings):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    learner = UserFactory(role="Learner")
    browser, headers = browser_for(learner)
    own = {"agent": learner_agent(learner)}
    for path in (STATE, AGENT_PROFILE):
        assert put(browser, path, headers, {"page": 3}, **own).status_code == 204
        response = get(browser, path, headers, **own)
        assert response.status_code == 200
        assert response.json() == {"page": 3}


@pytest.mark.parametrize("path", [STATE, AGENT_PROFILE])
def test_a_learner_cannot_touch_another_agent_s_documents(client, tool, path):
    assert put(client, path, tool, {"theirs": True}).status_code == 204
    before = stored(path)
    browser, headers = browser_for(UserFactory(role="Learner"))
    for method in ("GET", "PUT", "POST", "DELETE"):
        response = send(browser, method, path, headers, {"a": 1}, **KEYS[path])
        assert response.status_code == 403, method
    assert stored(path) == before


def test_a_learner_reads_activity_profiles_but_does_not_write_them(client, tool):
    assert put(client, ACTIVITY_PROFILE, tool, {"levels": 3}).status_code == 204
    before = stored(ACTIVITY_PROFILE)
    browser, headers = browser_for(UserFactory(role="Learner"))
    response = get(browser, ACTIVITY_PROFILE, headers)
    assert response.status_code == 200
    assert response.json() == {"levels": 3}
    for method in ("PUT", "POST", "DELETE"):
        response = send(
            browser,
            method,
            ACTIVITY_PROFILE,
            headers,
            {"levels": 9},
            **KEYS[ACTIVITY_PROFILE],
        )
        assert response.status_code == 403, method
    assert stored(ACTIVITY_PROFILE) == before


def test_a_learner_s_writes_are_csrf_checked():
    learner = UserFactory(role="Learner")
    browser, headers = browser_for(learner, token=False)
    own = {"agent": learner_agent(learner)}
    for method in ("PUT", "POST", "DELETE"):
        response = send(browser, method, STATE, headers, {"a": 1}, **KEYS[STATE] | own)
        assert response.status_code == 403, method
        assert "CSRF" in response.json()["error"]
    assert not LRSDocument.objects.exists()
    # Reading needs no token.
    assert get(browser, STATE, headers, **own).status_code == 404


# Single documents: PUT, GET, HEAD, DELETE (4.1.6.2/5/6) -------------------


@pytest.mark.parametrize("path", RESOURCES)
def test_get_of_an_absent_document_is_404(client, tool, path):
    response = get(client, path, tool)
    assert response.status_code == 404
    assert response["X-Experience-API-Version"] == "2.0.0"


@pytest.mark.parametrize("path", RESOURCES)
def test_put_stores_bytes_that_get_returns_with_their_type(client, tool, path):
    content = bytes(range(256))
    response = put(client, path, tool, content, content_type="image/png")
    assert response.status_code == 204
    assert response["ETag"] == f'"{sha1(content)}"'

    got = get(client, path, tool)
    assert got.status_code == 200
    assert got.content == content
    assert got["Content-Type"] == "image/png"
    assert got["ETag"] == f'"{sha1(content)}"'
    updated = LRSDocument.objects.get().updated
    assert got["Last-Modified"] == http_date(updated.timestamp())
    assert got["X-Experience-API-Consistent-Through"]


def test_the_content_type_is_kept_as_sent_or_defaults_to_octet_stream(client, tool):
    sent = "application/json; charset=utf-8"
    assert put(client, STATE, tool, {"a": 1}, content_type=sent).status_code == 204
    assert get(client, STATE, tool)["Content-Type"] == sent
    assert put(client, AGENT_PROFILE, tool, b"raw", content_type="").status_code == 204
    got = get(client, AGENT_PROFILE, tool)
    assert got["Content-Type"] == "application/octet-stream"
    assert got.content == b"raw"


@pytest.mark.parametrize("body", [b"{", b"", b"\xff\xfe", b"{'a': 1}"])
def test_a_json_document_must_be_json(client, tool, body):
    assert put(client, STATE, tool, body).status_code == 400
    assert not LRSDocument.objects.exists()


def test_put_replaces_the_whole_document(client, tool, saved):
    etag = saved[STATE][2]
    response = put(client, STATE, tool, {"z": 1}, HTTP_IF_MATCH=f'"{etag}"')
    assert response.status_code == 204
    assert get(client, STATE, tool).json() == {"z": 1}


@pytest.mark.parametrize("path", RESOURCES)
def test_head_answers_like_get_without_the_body(client, tool, saved, path):
    response = send(client, "HEAD", path, tool, **KEYS[path])
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == f'"{saved[path][2]}"'
    assert response["Last-Modified"]
    assert response["Content-Type"] == "application/json"
    listing = send(client, "HEAD", path, tool, **LISTS[path])
    assert listing.status_code == 200
    assert listing.content == b""
    assert listing["Last-Modified"]
    absent = {**KEYS[path], ID_PARAMS[path]: "absent"}
    assert send(client, "HEAD", path, tool, **absent).status_code == 404


@pytest.mark.parametrize("path", RESOURCES)
def test_delete_removes_one_document(client, tool, saved, path):
    kept = {**KEYS[path], ID_PARAMS[path]: "kept"}
    assert send(client, "PUT", path, tool, {"k": 1}, **kept).status_code == 204

    response = send(client, "DELETE", path, tool, **KEYS[path])
    assert response.status_code == 204
    assert get(client, path, tool).status_code == 404
    assert send(client, "GET", path, tool, **kept).status_code == 200
    # Deleting what is gone is not an error: the outcome is the same.
    assert send(client, "DELETE", path, tool, **KEYS[path]).status_code == 204


def test_other_methods_are_not_allowed(client, tool):
    response = send(client, "PATCH", STATE, tool, {"a": 1}, **KEYS[STATE])
    assert response.status_code == 405
    assert "PUT" in response["Allow"]
    assert not LRSDocument.objects.exists()


def test_reading_a_document_costs_few_queries(
    client, tool, saved, django_assert_max_num_queries
):
    # The client's credentials, then the document or the ids and their date.
    with django_assert_max_num_queries(2):
        assert get(client, STATE, tool).status_code == 200
    with django_assert_max_num_queries(3):
        listing = send(client, "GET", STATE, tool, activityId=ACTIVITY, agent=AGENT)
        assert listing.status_code == 200


# POST merges JSON objects (4.1.6.2 POST; 1.0.3 Part Three 2.2.s7/s8) -----


@pytest.mark.parametrize("path", RESOURCES)
def test_post_merges_top_level_properties(client, tool, saved, path):
    etag = saved[path][2]
    posted = {"x": "bash", "z": {"nested": True}}
    response = send(
        client, "POST", path, tool, posted, **KEYS[path], HTTP_IF_MATCH=f'"{etag}"'
    )
    assert response.status_code == 204
    got = get(client, path, tool)
    assert got.json() == {"x": "bash", "y": "bar", "z": {"nested": True}}
    assert got["ETag"] == f'"{sha1(got.content)}"'
    assert response["ETag"] == got["ETag"]


def test_post_replaces_a_nested_object_whole(client, tool):
    assert put(client, STATE, tool, {"a": {"b": 1, "c": 2}}).status_code == 204
    assert (
        send(client, "POST", STATE, tool, {"a": {"d": 3}}, **KEYS[STATE]).status_code
        == 204
    )
    assert get(client, STATE, tool).json() == {"a": {"d": 3}}


def test_post_of_a_new_document_stores_it_as_is(client, tool):
    response = send(
        client,
        "POST",
        AGENT_PROFILE,
        tool,
        b"plain",
        content_type="text/plain",
        **KEYS[AGENT_PROFILE],
    )
    assert response.status_code == 204
    got = get(client, AGENT_PROFILE, tool)
    assert got.content == b"plain"
    assert got["Content-Type"] == "text/plain"


@pytest.mark.parametrize(
    ("existing", "existing_type", "posted", "posted_type"),
    [
        ({"a": 1}, "application/json", ["a"], "application/json"),
        ({"a": 1}, "application/json", "text", "application/json"),
        ({"a": 1}, "application/json", b"a=1", "text/plain"),
        ({"a": 1}, "application/json", b"{nope", "application/json"),
        (b"raw bytes", "application/octet-stream", {"a": 2}, "application/json"),
        (b'{"a": 1}', "text/plain", {"a": 2}, "application/json"),
        ([1, 2], "application/json", {"a": 2}, "application/json"),
    ],
)
def test_post_onto_anything_but_two_json_objects_is_refused(
    client, tool, existing, existing_type, posted, posted_type
):
    assert (
        put(client, STATE, tool, existing, content_type=existing_type).status_code
        == 204
    )
    before = stored(STATE)
    response = send(
        client, "POST", STATE, tool, posted, content_type=posted_type, **KEYS[STATE]
    )
    assert response.status_code == 400
    assert stored(STATE) == before


# Concurrency (4.1.4; 1.0.3 Part Three 3.1) --------------------------------


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize(
    "header",
    [
        '"{etag}"',
        "{etag}",
        '"{upper}"',
        '"0000000000000000000000000000000000000000", "{etag}"',
        "*",
    ],
)
def test_a_matching_if_match_lets_the_write_through(client, tool, saved, path, header):
    etag = saved[path][2]
    value = header.format(etag=etag, upper=etag.upper())
    response = put(client, path, tool, {"new": 1}, HTTP_IF_MATCH=value)
    assert response.status_code == 204
    assert get(client, path, tool).json() == {"new": 1}


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
@pytest.mark.parametrize(
    "header", ['"1234"', '"0000000000000000000000000000000000000000"', 'W/"{etag}"']
)
def test_a_stale_if_match_fails_with_412_and_changes_nothing(
    client, tool, saved, path, method, header
):
    value = header.format(etag=saved[path][2])
    response = send(
        client, method, path, tool, {"new": 1}, **KEYS[path], HTTP_IF_MATCH=value
    )
    assert response.status_code == 412
    assert stored(path) == saved[path]


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_if_match_on_an_absent_document_fails(client, tool, path, method):
    response = send(
        client, method, path, tool, {"a": 1}, **KEYS[path], HTTP_IF_MATCH="*"
    )
    assert response.status_code == 412
    assert not LRSDocument.objects.exists()


@pytest.mark.parametrize("path", RESOURCES)
@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_if_none_match_star_creates_only(client, tool, path, method):
    first = send(
        client, method, path, tool, {"a": 1}, **KEYS[path], HTTP_IF_NONE_MATCH="*"
    )
    assert first.status_code == 204
    before = stored(path)
    again = send(
        client, method, path, tool, {"a": 2}, **KEYS[path], HTTP_IF_NONE_MATCH="*"
    )
    assert again.status_code == 412
    assert stored(path) == before


def test_if_none_match_naming_the_current_etag_fails(client, tool, saved):
    etag = saved[AGENT_PROFILE][2]
    response = put(
        client, AGENT_PROFILE, tool, {"a": 1}, HTTP_IF_NONE_MATCH=f'"{etag}"'
    )
    assert response.status_code == 412
    other = put(client, AGENT_PROFILE, tool, {"a": 1}, HTTP_IF_NONE_MATCH='"abc"')
    assert other.status_code == 204


def test_if_match_and_if_none_match_star_together_fail(client, tool, saved):
    etag = saved[STATE][2]
    response = put(
        client,
        STATE,
        tool,
        {"a": 1},
        HTTP_IF_MATCH=f'"{etag}"',
        HTTP_IF_NONE_MATCH="*",
    )
    assert response.status_code == 412
    assert stored(STATE) == saved[STATE]


@pytest.mark.parametrize("path", RESOURCES)
def test_put_onto_an_existing_document_without_precondition_is_409(
    client, tool, saved, path
):
    # 4.1.4: "If a PUT request is received without either header for a
    # resource that already exists" → 409, for the three resources in 2.0.
    response = put(client, path, tool, {"overwrite": True})
    assert response.status_code == 409
    assert "If-Match" in response.json()["error"]
    assert stored(path) == saved[path]


def test_a_1_0_3_client_may_still_put_state_without_precondition(client, credentials):
    # 1.0.3 Part Three 3.1.s3: the State Resource permits it; profiles do not.
    old = credentials(Scope.STATE, Scope.PROFILE, version="1.0.3")
    assert put(client, STATE, old, {"a": 1}).status_code == 204
    assert put(client, STATE, old, {"a": 2}).status_code == 204
    assert get(client, STATE, old).json() == {"a": 2}
    assert put(client, ACTIVITY_PROFILE, old, {"a": 1}).status_code == 204
    assert put(client, ACTIVITY_PROFILE, old, {"a": 2}).status_code == 409


@pytest.mark.parametrize("path", RESOURCES)
def test_post_and_delete_need_no_precondition(client, tool, saved, path):
    # 4.1.4 asks the 409 of PUT only.
    response = send(client, "POST", path, tool, {"z": 1}, **KEYS[path])
    assert response.status_code == 204
    assert get(client, path, tool).json() == {"x": "foo", "y": "bar", "z": 1}
    assert send(client, "DELETE", path, tool, **KEYS[path]).status_code == 204
    assert stored(path) is None


def test_a_document_created_meanwhile_is_seen_on_the_second_attempt(
    client, tool, saved, monkeypatch
):
    """Two first writes race: the loser's insert breaks the unique key, and
    its retry applies the rules to the winner's document."""
    real = documents._locked
    calls = []

    def misses_once(target):
        calls.append(target)
        return None if len(calls) == 1 else real(target)

    monkeypatch.setattr(documents, "_locked", misses_once)
    response = put(client, ACTIVITY_PROFILE, tool, {"late": True})
    assert response.status_code == 409
    assert stored(ACTIVITY_PROFILE) == saved[ACTIVITY_PROFILE]

    calls.clear()
    response = send(
        client, "POST", ACTIVITY_PROFILE, tool, {"late": True}, **KEYS[ACTIVITY_PROFILE]
    )
    assert response.status_code == 204
    assert len(calls) == 2
    assert get(client, ACTIVITY_PROFILE, tool).json() == {
        "x": "foo",
        "y": "bar",
        "late": True,
    }


# Lists of ids and since (4.1.6.2/5/6 multiple document GET) ---------------


def _age(kind, document_id, moment):
    LRSDocument.objects.filter(kind=kind, document_id=document_id).update(
        updated=moment
    )


@pytest.mark.parametrize("path", RESOURCES)
def test_get_without_an_id_lists_ids_updated_after_since(client, tool, path):
    scope, id_param = LISTS[path], ID_PARAMS[path]
    t0 = datetime(2025, 3, 1, 12, 0, 0, 500000, tzinfo=UTC)
    for n, name in enumerate(["c", "a", "b"]):
        params = {**scope, id_param: name}
        assert send(client, "PUT", path, tool, {"n": n}, **params).status_code == 204
        _age(KINDS[path], name, t0 + timedelta(minutes=n))

    listing = send(client, "GET", path, tool, **scope)
    assert listing.status_code == 200
    assert listing.json() == ["a", "b", "c"]
    assert listing["Last-Modified"] == http_date(
        (t0 + timedelta(minutes=2)).timestamp()
    )
    assert listing["ETag"] == f'"{sha1(listing.content)}"'

    # Exclusive: the document updated exactly at since is left out.
    since = (t0 + timedelta(minutes=1)).isoformat()
    assert send(client, "GET", path, tool, **scope, since=since).json() == ["b"]
    in_paris = "2025-03-01T13:00:00.4+01:00"
    assert send(client, "GET", path, tool, **scope, since=in_paris).json() == [
        "a",
        "b",
        "c",
    ]
    late = "2030-01-01T00:00:00Z"
    empty = send(client, "GET", path, tool, **scope, since=late)
    assert empty.json() == []
    assert "Last-Modified" not in empty


def test_lists_stay_within_their_activity_and_agent(client, tool):
    for activity, agent, state_id in [
        (ACTIVITY, AGENT, "mine"),
        (OTHER_ACTIVITY, AGENT, "other-activity"),
        (ACTIVITY, OTHER_AGENT, "other-agent"),
    ]:
        params = {"activityId": activity, "agent": agent, "stateId": state_id}
        assert send(client, "PUT", STATE, tool, b"1", **params).status_code == 204
    listing = send(client, "GET", STATE, tool, activityId=ACTIVITY, agent=AGENT)
    assert listing.json() == ["mine"]
    profiles = send(client, "GET", AGENT_PROFILE, tool, agent=OTHER_AGENT)
    assert profiles.json() == []


# Registration (4.1.6.2: "Activity + Agent [+ registration if specified]") -


@pytest.fixture
def registered(client, tool):
    """bookmark without registration, bookmark and score in REGISTRATION."""
    other = str(uuid.uuid4())
    for registration, state_id in [
        (None, "bookmark"),
        (REGISTRATION, "bookmark"),
        (REGISTRATION, "score"),
        (other, "bookmark"),
    ]:
        extra = {"registration": registration} if registration else {}
        body = {"in": registration or "none"}
        params = {**KEYS[STATE], "stateId": state_id, **extra}
        assert send(client, "PUT", STATE, tool, body, **params).status_code == 204
    return other


def test_a_registration_names_its_own_documents(client, tool, registered):
    assert get(client, STATE, tool).json() == {"in": "none"}
    assert get(client, STATE, tool, registration=REGISTRATION).json() == {
        "in": REGISTRATION
    }
    missing = get(client, STATE, tool, registration=str(uuid.uuid4()))
    assert missing.status_code == 404


def test_lists_narrow_to_a_registration_when_given(client, tool, registered):
    scope = {"activityId": ACTIVITY, "agent": AGENT}
    narrowed = send(client, "GET", STATE, tool, **scope, registration=REGISTRATION)
    assert narrowed.json() == ["bookmark", "score"]
    everything = send(client, "GET", STATE, tool, **scope)
    assert everything.json() == ["bookmark", "score"]  # each id once


def test_delete_without_state_id_removes_the_registration_s_state(
    client, tool, registered
):
    scope = {"activityId": ACTIVITY, "agent": AGENT}
    response = send(client, "DELETE", STATE, tool, **scope, registration=REGISTRATION)
    assert response.status_code == 204
    left = set(LRSDocument.objects.values_list("registration", "document_id"))
    assert left == {("", "bookmark"), (registered, "bookmark")}


def test_delete_without_state_id_or_registration_removes_the_context(
    client, tool, registered
):
    elsewhere = {**KEYS[STATE], "activityId": OTHER_ACTIVITY}
    assert send(client, "PUT", STATE, tool, b"1", **elsewhere).status_code == 204
    someone = {**KEYS[STATE], "agent": OTHER_AGENT}
    assert send(client, "PUT", STATE, tool, b"1", **someone).status_code == 204

    response = send(client, "DELETE", STATE, tool, activityId=ACTIVITY, agent=AGENT)
    assert response.status_code == 204
    left = {(d.activity, d.agent) for d in LRSDocument.objects.all()}
    assert left == {
        (OTHER_ACTIVITY, "mbox:mailto:lucas@chainon.example"),
        (ACTIVITY, "mbox:mailto:ines@chainon.example"),
    }


# Size (4.1.5: 413 above the LRS's limit) ----------------------------------


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_a_document_above_the_limit_is_413(client, tool, settings, method):
    settings.CHAINON_LRS_MAX_BODY = 8
    response = send(client, method, STATE, tool, b'"123456"', **KEYS[STATE])
    assert response.status_code == 204  # eight bytes: at the limit
    assert LRSDocument.objects.count() == 1
    before = stored(STATE)
    response = send(
        client, method, ACTIVITY_PROFILE, tool, b'"1234567"', **KEYS[ACTIVITY_PROFILE]
    )
    assert response.status_code == 413
    assert LRSDocument.objects.count() == 1
    assert stored(STATE) == before


# The pure rules, on their own ---------------------------------------------


ETAG = "a" * 40


@pytest.mark.parametrize(
    ("if_match", "if_none_match", "current", "method", "guarded", "expected"),
    [
        ("", "", None, "PUT", True, rules.Decision.PROCEED),
        ("", "", ETAG, "PUT", True, rules.Decision.CONFLICT),
        ("", "", ETAG, "PUT", False, rules.Decision.PROCEED),
        ("", "", ETAG, "POST", True, rules.Decision.PROCEED),
        ("", "", ETAG, "DELETE", True, rules.Decision.PROCEED),
        (f'"{ETAG}"', "", ETAG, "PUT", True, rules.Decision.PROCEED),
        (f'"b", "{ETAG}"', "", ETAG, "PUT", True, rules.Decision.PROCEED),
        (f'W/"{ETAG}"', "", ETAG, "PUT", True, rules.Decision.PRECONDITION_FAILED),
        ('"b"', "", ETAG, "POST", True, rules.Decision.PRECONDITION_FAILED),
        ("*", "", None, "PUT", True, rules.Decision.PRECONDITION_FAILED),
        ("", "*", ETAG, "PUT", True, rules.Decision.PRECONDITION_FAILED),
        ("", "*", None, "PUT", True, rules.Decision.PROCEED),
        ("", f'W/"{ETAG}"', ETAG, "PUT", True, rules.Decision.PRECONDITION_FAILED),
        ("", '"b"', ETAG, "PUT", True, rules.Decision.PROCEED),
    ],
)
def test_decide(if_match, if_none_match, current, method, guarded, expected):
    decision = rules.decide(
        if_match=if_match,
        if_none_match=if_none_match,
        current=current,
        method=method,
        guarded=guarded,
    )
    assert decision is expected


def test_only_state_under_1_0_x_escapes_the_put_guard():
    assert not rules.guards_put("state", "1.0.3")
    assert rules.guards_put("state", "2.0.0")
    assert rules.guards_put("agent_profile", "1.0.3")
    assert rules.guards_put("activity_profile", "2.0")


def test_merge_keeps_compact_utf8_json():
    merged = rules.merge(
        '{"nom": "Léa"}'.encode(),
        "application/json",
        b'{"ville": "Li\\u00e8ge"}',
        "application/json; charset=utf-8",
    )
    assert merged == '{"nom":"Léa","ville":"Liège"}'.encode()
