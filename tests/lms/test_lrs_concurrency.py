"""Statements about one learner and one activity arriving at the same moment.

Real threads, each with its own database connection, released together by a
barrier: the progress row must count every statement once (no lost update,
one row however many requests race to create it), batches touching several
rows in different orders all get stored (no deadlock), and a statement id
sent twice at once is stored once.  Runs on SQLite, where writes take turns,
and on PostgreSQL, where the row locks of ``lms.progress.record`` do the work.
"""

import json
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from lms.models import ActivityProgress, LRSClient, Statement
from lms.progress import rebuild
from lms.xapi.agents import learner_agent
from tests.support.lrs import client_headers

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/xapi/statements"
QUIZ = "https://chainon.example/xapi/activities/h5p/concurrency-quiz"
VERBS = "http://adlnet.gov/expapi/verbs/"
THREADS = 8
ROUNDS = 4
WAIT = 60  # seconds a thread waits at the barrier before the test gives up


@pytest.fixture
def headers(db):
    return client_headers([LRSClient.Scope.WRITE], "H5P host")


def batch(learner, thread, round_):
    """Three statements: an answer with a score, some progress, a completion.

    Durations are whole seconds, so their sum is exact in any order.
    """
    score = ((thread * ROUNDS + round_) % 97) / 100
    stamp = f"2026-11-30T{10 + thread:02d}:{round_:02d}:00Z"

    def statement(verb, **result):
        return {
            "id": str(uuid.uuid4()),
            "actor": learner_agent(learner),
            "verb": {"id": VERBS + verb},
            "object": {"id": QUIZ},
            "timestamp": stamp,
            "result": result,
        }

    return [
        statement("answered", score={"scaled": score}, duration=f"PT{thread + 1}S"),
        statement("progressed", duration=f"PT{round_ + 1}M"),
        statement("completed", completion=True, duration="PT30S"),
    ]


def post(headers, body):
    return Client().post(
        URL, data=json.dumps(body), content_type="application/json", **headers
    )


def run_together(work, count):
    """``work(n)`` in ``count`` threads at once; returns their results in order.

    Each thread uses (and closes) its own connection; an exception in a
    thread is returned as its result, for the test to show.
    """
    barrier = threading.Barrier(count, timeout=WAIT)
    results = [None] * count

    def target(n):
        try:
            results[n] = work(n, barrier)
        except Exception as problem:  # noqa: BLE001 - shown by the assertions
            barrier.abort()
            results[n] = problem
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * ROUNDS)
    assert not any(thread.is_alive() for thread in threads)
    return results


def row_fields():
    return [
        (
            row.learner_id,
            row.activity,
            row.status,
            row.success,
            row.best_score,
            row.last_score,
            row.last_score_timestamp,
            row.last_score_statement,
            row.attempts,
            row.first_at,
            row.last_at,
            row.time_spent,
        )
        for row in ActivityProgress.objects.order_by("learner_id", "activity")
    ]


def test_simultaneous_statements_about_one_activity_lose_no_update(headers, learner):
    sent = [[batch(learner, n, r) for r in range(ROUNDS)] for n in range(THREADS)]

    def work(n, barrier):
        statuses = []
        for round_ in range(ROUNDS):
            barrier.wait()
            statuses.append(post(headers, sent[n][round_]).status_code)
        return statuses

    results = run_together(work, THREADS)
    assert results == [[200] * ROUNDS] * THREADS

    statements = [s for thread in sent for round_ in thread for s in round_]
    assert Statement.objects.count() == len(statements)
    row = ActivityProgress.objects.get()  # exactly one: the creation race
    assert (row.learner_id, row.activity) == (learner.pk, QUIZ)
    assert row.attempts == 2 * THREADS * ROUNDS  # answered and completed
    assert row.time_spent == sum(
        n + 1 + (r + 1) * 60 + 30 for n in range(THREADS) for r in range(ROUNDS)
    )
    assert row.best_score == max(
        s["result"]["score"]["scaled"] for s in statements if "score" in s["result"]
    )
    assert row.status == "completed"

    live = row_fields()
    rebuild()
    assert row_fields() == live


def test_batches_about_several_activities_in_any_order_all_get_stored(headers, learner):
    """Each batch touches the same activities in its own order: the progress
    rows are locked in one order whatever the batch's, so no batch fails on a
    deadlock."""
    activities = [f"{QUIZ}/part-{n}" for n in range(5)]

    def shuffled(n, round_):
        order = activities[n % 5 :] + activities[: n % 5]
        order = order if (n + round_) % 2 else order[::-1]
        statements = []
        for activity in order:
            statement = batch(learner, n, round_)[0]
            statements.append({**statement, "object": {"id": activity}})
        return statements

    def work(n, barrier):
        statuses = []
        for round_ in range(ROUNDS):
            barrier.wait()
            statuses.append(post(headers, shuffled(n, round_)).status_code)
        return statuses

    results = run_together(work, THREADS)
    assert results == [[200] * ROUNDS] * THREADS
    rows = ActivityProgress.objects.filter(learner=learner)
    assert sorted(rows.values_list("activity", "attempts")) == [
        (activity, THREADS * ROUNDS) for activity in activities
    ]


@pytest.mark.parametrize("same", [True, False], ids=["same", "different"])
def test_one_statement_id_sent_twice_at_once_is_stored_once(headers, learner, same):
    """The same statement twice: both accepted.  Two statements under one id:
    one accepted, the other refused with 409 Conflict."""
    for attempt in range(5):  # the race is narrow: run it a few times
        statement_id = str(uuid.uuid4())
        bodies = []
        for n in range(2):
            body = batch(learner, 0 if same else n, attempt)[0]
            bodies.append({**body, "id": statement_id})

        def work(n, barrier, bodies=bodies):
            barrier.wait()
            return post(headers, [bodies[n]]).status_code

        statuses = run_together(work, 2)
        assert Statement.objects.filter(pk=statement_id).count() == 1
        expected = [200, 200] if same else [200, 409]
        assert sorted(statuses, key=str) == expected, (attempt, statuses)

    row = ActivityProgress.objects.get()
    assert row.attempts == 5  # each stored answer counted once
    live = row_fields()
    rebuild()
    assert row_fields() == live
