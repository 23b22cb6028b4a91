"""The broad filters (related_activities, related_agents), StatementRef
targets, canonical definitions, and the activities and agents resources."""

import json
import uuid
from urllib.parse import urlencode

import pytest

from lms.models import ActivityDefinition, LRSClient, StatementActivity
from tests.support.lrs import client_headers

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
VERBS = "http://adlnet.gov/expapi/verbs/"
COURSE = "https://chainon.example/xapi/activities/course/1"
MODULE = "https://chainon.example/xapi/activities/module/1"
QUIZ = "https://chainon.example/xapi/activities/h5p/quiz"
LUCAS = {"mbox": "mailto:lucas@chainon.example", "name": "Lucas"}
AMINA = {"mbox": "mailto:amina@chainon.example"}
TRAINER = {"mbox": "mailto:formatrice@chainon.example"}


def credentials(scopes, name="tool"):
    return client_headers(scopes, name)


@pytest.fixture
def writer(db):
    return credentials([LRSClient.Scope.WRITE, LRSClient.Scope.READ])


def post(client, headers, body):
    response = client.post(
        URL, data=json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 200, response.content
    return response.json()


def get(client, headers, path=URL, **params):
    return client.get(f"{path}?{urlencode(params)}", **headers)


def ids_of(response):
    assert response.status_code == 200, response.content
    return {s["id"] for s in response.json()["statements"]}


def answered(actor=LUCAS, target=QUIZ, **extra):
    return {
        "actor": actor,
        "verb": {"id": VERBS + "answered"},
        "object": {"id": target},
        **extra,
    }


class TestRelatedActivities:
    def test_context_activities_match_only_when_asked(self, client, writer):
        [in_context] = post(
            client,
            writer,
            answered(
                context={"contextActivities": {"parent": {"id": MODULE}}},
            ),
        )
        [direct] = post(client, writer, answered(target=MODULE))
        narrow = ids_of(get(client, writer, activity=MODULE))
        broad = ids_of(get(client, writer, activity=MODULE, related_activities="true"))
        assert narrow == {direct}
        assert broad == {direct, in_context}

    def test_every_context_kind_and_substatements_count(self, client, writer):
        ids = post(
            client,
            writer,
            [
                answered(context={"contextActivities": {kind: [{"id": COURSE}]}})
                for kind in ("parent", "grouping", "category", "other")
            ]
            + [
                {
                    "actor": AMINA,
                    "verb": {"id": VERBS + "commented"},
                    "object": {
                        "objectType": "SubStatement",
                        "actor": LUCAS,
                        "verb": {"id": VERBS + "attempted"},
                        "object": {"id": QUIZ},
                        "context": {
                            "contextActivities": {"grouping": [{"id": COURSE}]}
                        },
                    },
                }
            ],
        )
        found = ids_of(get(client, writer, activity=COURSE, related_activities="true"))
        assert found == set(ids)
        # one indexed row per activity mentioned, not a scan of the JSON
        assert StatementActivity.objects.filter(activity=COURSE).count() == 5


class TestRelatedAgents:
    def test_instructor_team_authority_and_context_agents(self, client, writer):
        [taught] = post(client, writer, answered(context={"instructor": TRAINER}))
        [as_context_agent] = post(
            client,
            writer,
            answered(
                context={
                    "contextAgents": [{"objectType": "contextAgent", "agent": TRAINER}]
                }
            ),
        )
        [by_trainer] = post(client, writer, answered(actor=TRAINER))
        trainer = json.dumps(TRAINER)
        assert ids_of(get(client, writer, agent=trainer)) == {by_trainer}
        assert ids_of(get(client, writer, agent=trainer, related_agents="true")) == {
            taught,
            as_context_agent,
            by_trainer,
        }

    def test_the_authority_is_a_related_agent(self, client, writer):
        [stored] = post(client, writer, answered())
        authority = get(client, writer, statementId=stored).json()["authority"]
        found = ids_of(
            get(client, writer, agent=json.dumps(authority), related_agents="true")
        )
        assert stored in found
        assert not ids_of(get(client, writer, agent=json.dumps(authority)))


class TestStatementRefTargets:
    def test_a_statement_targeting_a_match_matches_too(self, client, writer):
        [target] = post(client, writer, answered())
        [comment] = post(
            client,
            writer,
            {
                "actor": TRAINER,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/commented"},
                "object": {"objectType": "StatementRef", "id": target},
            },
        )
        [comment_on_comment] = post(
            client,
            writer,
            {
                "actor": AMINA,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/commented"},
                "object": {"objectType": "StatementRef", "id": comment},
            },
        )
        [unrelated] = post(client, writer, answered(target=MODULE))
        found = ids_of(get(client, writer, activity=QUIZ))
        assert found == {target, comment, comment_on_comment}
        assert unrelated not in found

    def test_time_filters_apply_to_the_referring_statement(self, client, writer):
        [target] = post(client, writer, answered())
        middle = get(client, writer, statementId=target).json()["stored"]
        [comment] = post(
            client,
            writer,
            {
                "actor": TRAINER,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/commented"},
                "object": {"objectType": "StatementRef", "id": target},
            },
        )
        assert ids_of(get(client, writer, activity=QUIZ, since=middle)) == {comment}

    def test_voiding_statements_match_the_voided_statement_filters(
        self, client, writer
    ):
        [target] = post(client, writer, answered())
        [voiding] = post(
            client,
            writer,
            {
                "actor": LUCAS,
                "verb": {"id": VERBS + "voided"},
                "object": {"objectType": "StatementRef", "id": target},
            },
        )
        assert ids_of(get(client, writer, activity=QUIZ)) == {voiding}

    def test_without_filters_nothing_is_added(self, client, writer):
        ids = post(client, writer, [answered(), answered(target=MODULE)])
        assert ids_of(get(client, writer)) == set(ids)


class TestCanonicalDefinitions:
    def test_canonical_uses_the_first_definition(self, client, writer):
        first = answered()
        first["object"]["definition"] = {"name": {"fr": "Quiz", "en": "Quiz EN"}}
        later = answered()
        later["object"]["definition"] = {"name": {"fr": "Autre nom"}}
        [one] = post(client, writer, first)
        [two] = post(client, writer, later)
        response = client.get(
            f"{URL}?{urlencode({'statementId': two, 'format': 'canonical'})}",
            HTTP_ACCEPT_LANGUAGE="en",
            **writer,
        )
        assert response.json()["object"]["definition"] == {"name": {"en": "Quiz EN"}}
        exact = get(client, writer, statementId=two).json()
        assert exact["object"]["definition"] == {"name": {"fr": "Autre nom"}}
        assert one

    def test_a_defining_client_replaces_the_definition(self, client, writer):
        definer = credentials([LRSClient.Scope.WRITE, LRSClient.Scope.DEFINE], "cms")
        first = answered()
        first["object"]["definition"] = {"name": {"fr": "Ancien"}}
        post(client, writer, first)
        second = answered()
        second["object"]["definition"] = {"name": {"fr": "Nouveau"}}
        post(client, definer, second)
        assert ActivityDefinition.objects.get(iri=QUIZ).definition == {
            "name": {"fr": "Nouveau"}
        }

    def test_a_client_without_define_cannot_replace_it(self, client, writer):
        first = answered()
        first["object"]["definition"] = {"name": {"fr": "Ancien"}}
        post(client, writer, first)
        second = answered()
        second["object"]["definition"] = {"name": {"fr": "Vandale"}}
        post(client, writer, second)
        assert ActivityDefinition.objects.get(iri=QUIZ).definition == {
            "name": {"fr": "Ancien"}
        }


class TestActivitiesResource:
    def test_a_known_activity_returns_its_definition(self, client, writer):
        defined = answered()
        defined["object"]["definition"] = {"name": {"fr": "Quiz"}}
        post(client, writer, defined)
        response = get(client, writer, "/xapi/activities", activityId=QUIZ)
        assert response.status_code == 200
        assert response.json() == {
            "objectType": "Activity",
            "id": QUIZ,
            "definition": {"name": {"fr": "Quiz"}},
        }
        assert response["Last-Modified"]
        assert response["X-Experience-API-Version"] == "2.0.0"

    def test_an_unknown_activity_is_still_an_activity(self, client, writer):
        response = get(client, writer, "/xapi/activities", activityId=MODULE)
        assert response.json() == {"objectType": "Activity", "id": MODULE}

    @pytest.mark.parametrize(
        "params",
        [{}, {"activityId": "not an iri"}, {"activityId": QUIZ, "agent": "{}"}],
    )
    def test_bad_parameters_are_refused(self, client, writer, params):
        response = get(client, writer, "/xapi/activities", **params)
        assert response.status_code == 400
        assert "error" in response.json()

    def test_head_has_no_body_and_writing_is_refused(self, client, writer):
        head = client.head(f"/xapi/activities?activityId={QUIZ}", **writer)
        assert head.status_code == 200 and head.content == b""
        put = client.put(f"/xapi/activities?activityId={QUIZ}", **writer)
        assert put.status_code == 405

    def test_credentials_are_required(self, client):
        response = client.get(
            f"/xapi/activities?activityId={QUIZ}",
            HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
        )
        assert response.status_code == 401


class TestAgentsResource:
    def test_a_person_with_the_names_seen(self, client, writer):
        post(client, writer, answered())
        response = get(
            client, writer, "/xapi/agents", agent=json.dumps({"mbox": LUCAS["mbox"]})
        )
        assert response.status_code == 200
        assert response.json() == {
            "objectType": "Person",
            "mbox": [LUCAS["mbox"]],
            "name": ["Lucas"],
        }

    @pytest.mark.parametrize(
        "agent",
        [
            "not json",
            json.dumps({"name": "nobody"}),
            json.dumps({"objectType": "Group", "member": [AMINA]}),
            json.dumps({"mbox": "lucas@chainon.example"}),
        ],
    )
    def test_malformed_agents_are_refused(self, client, writer, agent):
        response = get(client, writer, "/xapi/agents", agent=agent)
        assert response.status_code == 400

    def test_a_write_only_client_may_not_read_people(self, client):
        headers = credentials([LRSClient.Scope.WRITE])
        response = get(client, headers, "/xapi/agents", agent=json.dumps(AMINA))
        assert response.status_code == 403

    def test_a_learner_may_ask_only_about_themselves(self, client, django_user_model):
        from lms.xapi.agents import learner_agent

        user = django_user_model.objects.create_user(
            username="lea", email="lea@chainon.example", password="x"
        )
        client.force_login(user)
        version = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}
        mine = get(
            client, version, "/xapi/agents", agent=json.dumps(learner_agent(user))
        )
        assert mine.status_code == 200
        other = get(client, version, "/xapi/agents", agent=json.dumps(AMINA))
        assert other.status_code == 403


def test_statement_pages_carry_last_modified(client, writer):
    post(client, writer, answered())
    response = get(client, writer)
    assert response["Last-Modified"]
    assert response["X-Experience-API-Consistent-Through"]


def test_a_random_statement_ref_to_an_unknown_statement_is_stored(client, writer):
    [ref] = post(
        client,
        writer,
        {
            "actor": LUCAS,
            "verb": {"id": VERBS + "commented"},
            "object": {"objectType": "StatementRef", "id": str(uuid.uuid4())},
        },
    )
    assert ids_of(get(client, writer, verb=VERBS + "commented")) == {ref}
