"""Statements arriving at the LRS become each learner's progress."""

import base64
import json
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command

from lms.models import ActivityProgress, LRSClient, Statement
from lms.xapi.agents import learner_agent
from tests.support.lrs import client_headers

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
QUIZ = "https://chainon.example/xapi/activities/h5p/quiz"
VERBS = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def headers(db):
    return client_headers([LRSClient.Scope.WRITE], "H5P host")


def about(learner, verb, minute, **result):
    return {
        "id": str(uuid.UUID(int=minute + 1000 * learner.pk)),
        "actor": learner_agent(learner),
        "verb": {"id": VERBS + verb},
        "object": {"id": QUIZ},
        "timestamp": f"2026-11-30T10:{minute:02d}:00Z",
        "result": result,
    }


def send(client, headers, statements):
    response = client.post(
        URL, data=json.dumps(statements), content_type="application/json", **headers
    )
    assert response.status_code == 200, response.content
    return response.json()


def progress_rows():
    return sorted(
        (
            row.learner_id,
            row.activity,
            row.status,
            row.success,
            row.best_score,
            row.last_score,
            row.attempts,
            row.first_at,
            row.last_at,
            row.time_spent,
        )
        for row in ActivityProgress.objects.all()
    )


def test_statements_become_progress_once_whatever_their_order(client, headers, learner):
    attempts = [
        about(learner, "failed", 1, score={"scaled": 0.4}, duration="PT2M"),
        about(
            learner, "passed", 2, score={"scaled": 0.8}, success=True, duration="PT3M"
        ),
        about(learner, "answered", 3, score={"scaled": 0.6}),
    ]
    send(client, headers, list(reversed(attempts)))
    send(client, headers, attempts)  # the same ids again: counted once
    row = ActivityProgress.objects.get(learner=learner, activity=QUIZ)
    assert row.status == "completed" and row.success is True
    assert (row.best_score, row.last_score, row.attempts) == (0.8, 0.6, 3)
    assert row.time_spent == 300
    assert (row.first_at, row.last_at) == (
        "2026-11-30T10:01:00Z",
        "2026-11-30T10:03:00Z",
    )


def test_a_rebuild_gives_the_rows_of_the_live_path(client, headers, learner):
    from tests.factories import UserFactory

    other = UserFactory(role="Learner")
    send(client, headers, [about(learner, "completed", 1), about(other, "failed", 2)])
    send(client, headers, [about(learner, "answered", 3, score={"scaled": 1})])
    live = progress_rows()
    assert len(live) == 2
    call_command("rebuild_progress", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert progress_rows() == live


def test_voiding_a_statement_takes_it_out_of_progress(client, headers, learner):
    ids = send(
        client,
        headers,
        [about(learner, "failed", 1), about(learner, "passed", 2, success=True)],
    )
    void = {
        "actor": {"mbox": "mailto:formatrice@chainon.example"},
        "verb": {"id": VERBS + "voided"},
        "object": {"objectType": "StatementRef", "id": ids[1]},
    }
    send(client, headers, [void])
    row = ActivityProgress.objects.get(learner=learner, activity=QUIZ)
    assert row.status == "in_progress" and row.success is False
    assert row.attempts == 1
    live = progress_rows()
    call_command("rebuild_progress", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert progress_rows() == live


def test_statements_about_people_outside_chainon_make_no_progress(client, headers):
    stranger = {
        "actor": {"mbox": "mailto:visiteur@example.org"},
        "verb": {"id": VERBS + "completed"},
        "object": {"id": QUIZ},
    }
    send(client, headers, [stranger])
    assert not ActivityProgress.objects.exists()


def test_an_account_with_no_user_behind_it_is_stored_without_progress(client):
    tool, secret = LRSClient.create("tool", [LRSClient.Scope.WRITE])
    token = base64.b64encode(f"{tool.key}:{secret}".encode()).decode()
    ghost = {
        "objectType": "Agent",
        "account": {"homePage": settings.CHAINON_ACTIVITY_ROOT, "name": "987654"},
    }
    body = {
        "actor": ghost,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://chainon.example/xapi/activities/h5p/quiz"},
    }
    response = client.post(
        "/xapi/statements",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
    )
    assert response.status_code == 200, response.content
    assert Statement.objects.count() == 1
    assert not ActivityProgress.objects.exists()
