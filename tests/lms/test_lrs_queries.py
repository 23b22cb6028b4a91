"""GET /xapi/statements with filters, paging and formats."""

import json
import uuid
from urllib.parse import urlencode

import pytest

from lms.models import LRSClient
from tests.support.lrs import client_headers

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
VERBS = "http://adlnet.gov/expapi/verbs/"
QUIZ = "https://chainon.example/xapi/activities/h5p/quiz"
UNIT = "https://chainon.example/xapi/activities/unit/1"
REGISTRATION = "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"


def credentials(scopes, name="tool"):
    return client_headers(scopes, name)


@pytest.fixture
def writer(db):
    return credentials([LRSClient.Scope.WRITE, LRSClient.Scope.READ])


def statement(who, verb, activity, **context):
    value = {
        "actor": {"mbox": f"mailto:{who}@chainon.example", "name": who.title()},
        "verb": {"id": VERBS + verb, "display": {"fr": verb}},
        "object": {"id": activity, "definition": {"name": {"fr": "Quiz"}}},
    }
    if context:
        value["context"] = context
    return value


@pytest.fixture
def stored(client, writer):
    batch = [
        statement("lucas", "completed", QUIZ, registration=REGISTRATION),
        statement("lucas", "failed", QUIZ),
        statement("amina", "completed", QUIZ),
        statement("amina", "experienced", UNIT),
        statement("julien", "completed", UNIT),
    ]
    ids = []
    for item in batch:  # one request each: distinct stored times
        response = client.post(
            URL, data=json.dumps(item), content_type="application/json", **writer
        )
        ids += response.json()
    return ids


def get(client, headers, **params):
    response = client.get(f"{URL}?{urlencode(params)}", **headers)
    return response


def ids_of(response):
    return [s["id"] for s in response.json()["statements"]]


def test_filters_narrow_the_statements(client, writer, stored):
    agent = json.dumps({"mbox": "mailto:lucas@chainon.example"})
    assert set(ids_of(get(client, writer, agent=agent))) == set(stored[:2])
    assert set(ids_of(get(client, writer, verb=VERBS + "completed"))) == {
        stored[0],
        stored[2],
        stored[4],
    }
    assert set(ids_of(get(client, writer, activity=UNIT))) == set(stored[3:])
    assert ids_of(get(client, writer, registration=REGISTRATION)) == [stored[0]]


def test_newest_first_unless_ascending(client, writer, stored):
    assert ids_of(get(client, writer)) == list(reversed(stored))
    assert ids_of(get(client, writer, ascending="true")) == stored


def test_since_and_until_use_the_stored_time(client, writer, stored):
    third = get(client, writer, ascending="true").json()["statements"][2]["stored"]
    assert ids_of(get(client, writer, since=third, ascending="true")) == stored[3:]
    assert ids_of(get(client, writer, until=third, ascending="true")) == stored[:3]


def test_paging_follows_the_more_link_to_the_end(client, writer, stored):
    seen, response = [], get(client, writer, limit=2)
    while True:
        body = response.json()
        seen += [s["id"] for s in body["statements"]]
        if not body["more"]:
            break
        response = client.get(body["more"], **writer)
    assert seen == list(reversed(stored))

    more = get(client, writer, limit=2).json()["more"]
    assert get(client, writer, more=more[-20:] + "x").status_code == 400


def test_the_ids_format_keeps_only_identifiers(client, writer, stored):
    one = get(client, writer, statementId=stored[0], format="ids").json()
    assert one["actor"] == {"mbox": "mailto:lucas@chainon.example"}
    assert one["verb"] == {"id": VERBS + "completed"}
    assert one["object"] == {"objectType": "Activity", "id": QUIZ}
    exact = get(client, writer, statementId=stored[0]).json()
    assert exact["object"]["definition"] == {"name": {"fr": "Quiz"}}


@pytest.mark.parametrize(
    "params",
    [
        {"colour": "blue"},
        {"agent": "lucas"},
        {"agent": json.dumps({"name": "no identifier"})},
        {"verb": "completed"},
        {"registration": "x"},
        {"since": "yesterday"},
        {"limit": "-1"},
        {"ascending": "yes"},
        {"format": "full"},
    ],
)
def test_malformed_parameters_get_400(client, writer, params):
    assert get(client, writer, **params).status_code == 400


def test_voided_statements_are_not_listed(client, writer, stored):
    void = {
        "actor": {"mbox": "mailto:formatrice@chainon.example"},
        "verb": {"id": VERBS + "voided"},
        "object": {"objectType": "StatementRef", "id": stored[1]},
    }
    client.post(URL, data=json.dumps(void), content_type="application/json", **writer)
    listed = ids_of(get(client, writer, activity=QUIZ))
    assert stored[1] not in listed and stored[0] in listed


def test_a_client_reading_its_own_sees_only_what_it_wrote(client, stored):
    mine_only = credentials([LRSClient.Scope.WRITE, LRSClient.Scope.READ_MINE])
    own = client.post(
        URL,
        data=json.dumps(statement("camille", "completed", UNIT)),
        content_type="application/json",
        **mine_only,
    ).json()
    assert ids_of(get(client, mine_only)) == own
    assert get(client, mine_only, statementId=stored[0]).status_code == 404
    assert str(uuid.UUID(own[0])) == own[0]


def test_the_canonical_format_speaks_the_readers_language(client, writer):
    multilingual = statement("lucas", "completed", QUIZ)
    multilingual["verb"]["display"] = {"fr": "a terminé", "pt-PT": "concluiu"}
    multilingual["object"]["definition"] = {
        "name": {"fr": "Quiz", "pt-PT": "Questionário"},
        "extensions": {"https://chainon.example/x": {"name": {"fr": "gardé"}}},
    }
    sid = client.post(
        URL, data=json.dumps(multilingual), content_type="application/json", **writer
    ).json()[0]
    portuguese = get(
        client,
        {**writer, "HTTP_ACCEPT_LANGUAGE": "pt;q=0.9, en;q=0.5"},
        statementId=sid,
        format="canonical",
    ).json()
    assert portuguese["verb"]["display"] == {"pt-PT": "concluiu"}
    assert portuguese["object"]["definition"]["name"] == {"pt-PT": "Questionário"}
    # Extensions are free JSON: left as sent.
    extension = portuguese["object"]["definition"]["extensions"]
    assert extension == {"https://chainon.example/x": {"name": {"fr": "gardé"}}}
    other = get(
        client,
        {**writer, "HTTP_ACCEPT_LANGUAGE": "de"},
        statementId=sid,
        format="canonical",
    ).json()
    assert other["verb"]["display"] == {"fr": "a terminé"}
