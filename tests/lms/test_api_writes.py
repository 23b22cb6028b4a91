"""The learning API's writes: cohorts, bulk enrolment, reviews.

Each write is checked for what it does, for who may do it (exactly as on
the site: a trainer acts on the cohorts they run, and any other cohort is
not found), and for bad input: a clear 400 with the field named, and
nothing written.
"""

import json
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from cms.models import ApiToken
from cms.roles import TRAINER
from lms.models import Cohort, Contribution, Enrollment, FieldReport, ReportEvent
from tests.factories import UserFactory
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

API = "/api/v1/"
COHORTS = f"{API}cohorts/"
REPORTS = f"{API}field-reports/"
CONTRIBUTIONS = f"{API}contributions/"
PROBLEM = "application/problem+json"


def bearer(user) -> dict:
    _token, plaintext = ApiToken.issue(user, "script")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def send(client, method, path, user, body=None, *, content_type=None, **headers):
    """A JSON (or raw) request as the user's script sends it."""
    if body is not None and content_type is None:
        body = json.dumps(body)
        content_type = "application/json"
    kwargs = {**bearer(user), **headers}
    if body is not None:
        kwargs.update(data=body, content_type=content_type)
    return getattr(client, method)(path, **kwargs)


def field_errors(response) -> dict:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail", "errors"}
    return body["errors"]


def enrollments_path(cohort) -> str:
    return f"{COHORTS}{cohort.pk}/enrollments/"


def new_cohort_body(network, **changes) -> dict:
    today = timezone.localdate()
    body = {
        "name": "Promotion Lisboa 2027",
        "course": network.course.page.pk,
        "partner": network.partner_a.pk,
        "language": "pt",
        "territory": "Lisboa, Marvila",
        "start_date": str(today),
        "end_date": str(today + timedelta(days=90)),
    }
    body.update(changes)
    return body


# -- Cohorts -------------------------------------------------------------------


def test_a_trainer_opens_a_cohort_and_runs_it(client, network):
    response = send(
        client, "post", COHORTS, network.trainer_a, new_cohort_body(network)
    )
    assert response.status_code == 201, response.content
    body = response.json()
    cohort = Cohort.objects.get(pk=body["id"])
    assert list(cohort.trainers.all()) == [network.trainer_a]
    assert body["name"] == "Promotion Lisboa 2027"
    assert body["language"] == "pt"
    assert body["course"]["id"] == network.course.page.pk
    assert body["partner"]["id"] == network.partner_a.pk
    assert body["stalled_after_days"] == 14
    assert body["active_learners"] == 0
    # Theirs now: the cohort is in their list and its enrolments open to them.
    mine = send(client, "get", f"{COHORTS}{cohort.pk}/", network.trainer_a)
    assert mine.status_code == 200
    assert send(client, "get", enrollments_path(cohort), network.trainer_a).json() == {
        "next": None,
        "previous": None,
        "results": [],
    }
    assert (
        send(client, "get", enrollments_path(cohort), network.trainer_b).status_code
        == 404
    )


def test_the_same_idempotency_key_opens_one_cohort(client, network):
    key = str(uuid.uuid4())
    first = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY=key,
    )
    again = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Cohort.objects.filter(name="Promotion Lisboa 2027").count() == 1
    # Someone else's key is a conflict, not their cohort.
    other = send(
        client,
        "post",
        COHORTS,
        network.trainer_b,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert other.status_code == 409
    assert "Promotion Lisboa" not in other.content.decode()
    bad = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY="not-a-uuid",
    )
    assert "Idempotency-Key" in field_errors(bad)


@pytest.mark.parametrize(
    "who", ["learner_a", "editor_a", "coordinator", "partner_coordinator_a"]
)
def test_only_trainers_open_cohorts(client, network, who):
    before = Cohort.objects.count()
    response = send(
        client, "post", COHORTS, getattr(network, who), new_cohort_body(network)
    )
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert Cohort.objects.count() == before


def test_signed_out_nobody_opens_a_cohort(client, network):
    response = client.post(
        COHORTS, json.dumps(new_cohort_body(network)), content_type="application/json"
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"course": 999_999}, "course"),
        ({"course": "le cours"}, "course"),
        ({"partner": 999_999}, "partner"),
        ({"language": "de"}, "language"),
        ({"start_date": "hier"}, "start_date"),
        ({"end_date": "2000-01-01"}, "end_date"),
        ({"stalled_after_days": 0}, "stalled_after_days"),
        ({"stalled_after_days": 366}, "stalled_after_days"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"join_code": "ABCDEFGH"}, "join_code"),
        ({"trainers": [1]}, "trainers"),
    ],
)
def test_a_bad_cohort_is_refused_with_its_field(client, network, changes, field):
    before = Cohort.objects.count()
    response = send(
        client, "post", COHORTS, network.trainer_a, new_cohort_body(network, **changes)
    )
    assert field in field_errors(response)
    assert Cohort.objects.count() == before


def test_a_course_translation_or_a_draft_course_is_not_a_cohort_course(client, network):
    network.course.page.unpublish()
    response = send(
        client, "post", COHORTS, network.trainer_a, new_cohort_body(network)
    )
    assert "course" in field_errors(response)


def test_a_missing_field_is_named(client, network):
    body = new_cohort_body(network)
    del body["territory"]
    assert "territory" in field_errors(
        send(client, "post", COHORTS, network.trainer_a, body)
    )


def test_a_trainer_changes_their_cohort_and_no_other(client, network):
    cohort = network.cohort_a
    response = send(
        client,
        "patch",
        f"{COHORTS}{cohort.pk}/",
        network.trainer_a,
        {"territory": "Marseille, Belsunce", "stalled_after_days": 21},
    )
    assert response.status_code == 200, response.content
    cohort.refresh_from_db()
    assert (cohort.territory, cohort.stalled_after_days) == ("Marseille, Belsunce", 21)
    assert response.json()["territory"] == "Marseille, Belsunce"
    # Another trainer's cohort does not exist for them.
    other = send(
        client,
        "patch",
        f"{COHORTS}{network.cohort_b.pk}/",
        network.trainer_a,
        {"name": "x"},
    )
    assert other.status_code == 404
    # A coordinator sees the cohort but does not run it.
    seen = send(
        client, "patch", f"{COHORTS}{cohort.pk}/", network.coordinator, {"name": "x"}
    )
    assert seen.status_code == 403
    cohort.refresh_from_db()
    assert cohort.name == "Promotion Alpha"


def test_the_dates_are_checked_with_those_kept(client, network):
    cohort = network.cohort_a
    response = send(
        client,
        "patch",
        f"{COHORTS}{cohort.pk}/",
        network.trainer_a,
        {"end_date": str(cohort.start_date - timedelta(days=1))},
    )
    assert "end_date" in field_errors(response)


def test_the_course_stays_once_learners_are_enrolled(client, network, dashboard_home):
    other_course = fx.CoursePageFactory(
        parent=network.course.catalogue, title="Autre parcours"
    )
    response = send(
        client,
        "patch",
        f"{COHORTS}{network.cohort_a.pk}/",
        network.trainer_a,
        {"course": other_course.pk},
    )
    assert "course" in field_errors(response)
    network.cohort_a.refresh_from_db()
    assert network.cohort_a.course_id == network.course.page.pk


def test_cohorts_are_not_deleted_through_the_api(client, network):
    response = send(
        client, "delete", f"{COHORTS}{network.cohort_a.pk}/", network.trainer_a
    )
    assert response.status_code == 405
    assert Cohort.objects.filter(pk=network.cohort_a.pk).exists()


def test_malformed_json_is_a_clear_400_and_writes_nothing(client, network):
    before = Cohort.objects.count()
    response = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        '{"name": "Promotion",',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "JSON" in response.json()["detail"]
    assert Cohort.objects.count() == before
    listed = send(
        client, "post", COHORTS, network.trainer_a, [new_cohort_body(network)]
    )
    assert listed.status_code == 400
    assert Cohort.objects.count() == before


# -- Bulk enrolment ------------------------------------------------------------


def roster_csv(count, *, start=0, delimiter=",", header="email,first_name,last_name"):
    lines = [header]
    for n in range(start, start + count):
        lines.append(
            delimiter.join([f"participant{n}@example.org", f"Prénom{n}", f"Nom{n}"])
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_fifty_learners_from_a_csv_file(client, network):
    cohort = network.cohort_a
    response = send(
        client,
        "post",
        enrollments_path(cohort),
        network.trainer_a,
        roster_csv(50),
        content_type="text/csv",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["enrolled"], body["invited"], body["already"]) == (50, 50, 0)
    assert [row["outcome"] for row in body["results"]] == ["invited"] * 50
    enrolled = Enrollment.objects.filter(
        cohort=cohort, source=Enrollment.Source.IMPORTED
    )
    assert enrolled.count() == 50
    assert {row["enrollment"] for row in body["results"]} == set(
        enrolled.values_list("pk", flat=True)
    )
    learner = enrolled.get(learner__email="participant7@example.org").learner
    assert (learner.first_name, learner.last_name) == ("Prénom7", "Nom7")
    assert not learner.has_usable_password()
    # Sending the same file again changes nothing.
    again = send(
        client,
        "post",
        enrollments_path(cohort),
        network.trainer_a,
        roster_csv(50),
        content_type="text/csv",
    )
    assert again.json()["already"] == 50
    assert again.json()["enrolled"] == 0
    assert Enrollment.objects.filter(cohort=cohort).count() == 51


def test_a_french_excel_file_is_read_too(client, network):
    data = roster_csv(3, delimiter=";", header="Courriel;Prénom;Nom").decode()
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        data,  # the client encodes it in the charset the header names
        content_type="text/csv; charset=windows-1252",
    )
    assert response.status_code == 200, response.content
    assert response.json()["invited"] == 3


def test_one_bad_row_refuses_the_whole_file(client, network):
    data = roster_csv(4) + b"pas-une-adresse,Ana,Silva\nparticipant1@example.org,A,B\n"
    before = Enrollment.objects.count()
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        data,
        content_type="text/csv",
    )
    errors = field_errors(response)
    assert set(errors) == {"line 6", "line 7"}
    assert Enrollment.objects.count() == before


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "vide"),
        (b"nom,prenom\nx,y\n", "colonnes"),
        (b"\x00\x01\x02PK\x03\x04", "CSV"),
    ],
)
def test_a_file_that_is_not_a_roster_is_refused(client, network, data, needle):
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        data,
        content_type="text/csv",
        # The test client drops the header of an empty body; scripts do not.
        CONTENT_TYPE="text/csv",
    )
    errors = field_errors(response)
    assert list(errors) == ["file"]
    assert needle.lower() in errors["file"][0].lower()


def test_a_json_list_of_learners(client, network):
    known = fx.make_learner(email="deja@example.org", username="deja@example.org")
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        {
            "learners": [
                {
                    "email": "Nouvelle@Example.org",
                    "first_name": "Ana",
                    "language": "pt",
                },
                {"email": "deja@example.org"},
                {"email": network.learner_a.email},
                {"email": network.learner_b.email},
            ]
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    outcomes = [(row["email"], row["outcome"]) for row in body["results"]]
    assert outcomes == [
        ("nouvelle@example.org", "invited"),
        ("deja@example.org", "enrolled"),
        (network.learner_a.email, "already"),
        # Learner B follows the course in cohort B: moved on the site, not here.
        (network.learner_b.email, "in_another_cohort"),
    ]
    assert body["results"][3]["enrollment"] is None
    assert (body["enrolled"], body["invited"], body["already"]) == (2, 1, 1)
    assert body["in_another_cohort"] == 1
    assert Enrollment.objects.filter(
        cohort=network.cohort_a, learner=known, source=Enrollment.Source.ADDED
    ).exists()
    assert not Enrollment.objects.filter(
        cohort=network.cohort_a, learner=network.learner_b
    ).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"learners": []}, "learners"),
        ({"learners": [{"email": "pas-une-adresse"}]}, "learners[0].email"),
        ({"learners": [{"email": "a@example.org", "age": 3}]}, "learners[0].age"),
        (
            {"learners": [{"email": "a@example.org", "language": "de"}]},
            "learners[0].language",
        ),
        ({"learners": [{"first_name": "Ana"}]}, "learners[0].email"),
        (
            {"learners": [{"email": "a@example.org", "first_name": "x" * 151}]},
            "learners[0].first_name",
        ),
        ({"learners": "a@example.org"}, "learners"),
        ({"learners": [{"email": "a@example.org"}], "notify": False}, "notify"),
        ({}, "learners"),
    ],
)
def test_bad_learner_lists_name_the_field(client, network, body, field):
    before = Enrollment.objects.count()
    response = send(
        client, "post", enrollments_path(network.cohort_a), network.trainer_a, body
    )
    assert field in field_errors(response)
    assert Enrollment.objects.count() == before


def test_a_repeated_address_is_named_and_nothing_is_written(client, network):
    before = Enrollment.objects.count()
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        {
            "learners": [
                {"email": "ana@example.org"},
                {"email": "marc@example.org"},
                {"email": "ANA@example.org"},
            ]
        },
    )
    assert list(field_errors(response)) == ["learners[2].email"]
    assert Enrollment.objects.count() == before


def test_more_than_two_thousand_learners_is_refused(client, network):
    rows = [{"email": f"p{n}@example.org"} for n in range(2001)]
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        {"learners": rows},
    )
    assert "learners" in field_errors(response)


@pytest.mark.parametrize(
    "who",
    ["trainer_b", "learner_a", "editor_a", "coordinator", "partner_coordinator_a"],
)
def test_only_the_cohorts_trainers_enrol(client, network, who):
    before = Enrollment.objects.count()
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        getattr(network, who),
        {"learners": [{"email": "intrus@example.org"}]},
    )
    assert response.status_code == 404
    assert Enrollment.objects.count() == before


def test_another_content_type_is_refused(client, network):
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        b"<learners/>",
        content_type="application/xml",
    )
    assert response.status_code == 415
    assert response["Content-Type"] == PROBLEM


def test_a_trainer_withdraws_and_reinstates_a_learner(client, network):
    enrollment = network.enrollment_a
    path = f"{enrollments_path(network.cohort_a)}{enrollment.pk}/"
    response = send(client, "patch", path, network.trainer_a, {"status": "withdrawn"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "withdrawn"
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    mail.outbox.clear()
    response = send(client, "patch", path, network.trainer_a, {"status": "active"})
    assert response.json()["status"] == "active"
    assert mail.outbox == []  # reinstating tells nobody, as on the site


def test_approving_a_waiting_learner_tells_them(
    client, network, django_capture_on_commit_callbacks
):
    waiting = fx.enrol(network.cohort_a, status=Enrollment.Status.PENDING)
    path = f"{enrollments_path(network.cohort_a)}{waiting.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "patch", path, network.trainer_a, {"status": "active"})
    assert response.status_code == 200, response.content
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.ACTIVE
    assert [message.to for message in mail.outbox] == [[waiting.learner.email]]


def test_reinstating_someone_active_elsewhere_is_a_conflict(client, network):
    withdrawn = fx.enrol(
        network.cohort_a, network.learner_b, status=Enrollment.Status.WITHDRAWN
    )
    path = f"{enrollments_path(network.cohort_a)}{withdrawn.pk}/"
    response = send(client, "patch", path, network.trainer_a, {"status": "active"})
    assert response.status_code == 409
    assert network.cohort_b.name in response.json()["detail"]
    withdrawn.refresh_from_db()
    assert withdrawn.status == Enrollment.Status.WITHDRAWN


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "pending"}, "status"),
        ({"status": "deleted"}, "status"),
        ({"status": "active", "learner": 1}, "learner"),
        ({}, "status"),
    ],
)
def test_bad_status_changes_name_the_field(client, network, body, field):
    path = f"{enrollments_path(network.cohort_a)}{network.enrollment_a.pk}/"
    assert field in field_errors(send(client, "patch", path, network.trainer_a, body))


def test_an_enrolment_of_another_cohort_is_not_found(client, network):
    # Cohort A's address, cohort B's enrolment: not one of A's.
    path = f"{enrollments_path(network.cohort_a)}{network.enrollment_b.pk}/"
    assert (
        send(
            client, "patch", path, network.trainer_a, {"status": "withdrawn"}
        ).status_code
        == 404
    )
    assert send(client, "get", path, network.trainer_a).status_code == 404
    network.enrollment_b.refresh_from_db()
    assert network.enrollment_b.status == Enrollment.Status.ACTIVE


# -- Field reports -------------------------------------------------------------


@pytest.fixture
def reports(network):
    submitted, contribution = fx.report_and_contribution(
        network.course, network.enrollment_a
    )
    submitted.submit(network.learner_a)
    draft = FieldReport.objects.create(
        enrollment=network.enrollment_a,
        unit=network.course.units[1],
        assignment_id=uuid.uuid4(),
        assignment_title="Brouillon",
        body="Pas encore envoyé",
    )
    other, other_contribution = fx.report_and_contribution(
        network.course, network.enrollment_b
    )
    other.submit(network.learner_b)
    return {
        "submitted": submitted,
        "draft": draft,
        "other": other,
        "contribution": contribution,
        "other_contribution": other_contribution,
    }


def listed_ids(client, path, user, **params) -> set[int]:
    response = client.get(path, params, **bearer(user))
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_who_reads_which_report(client, network, reports):
    mine = {reports["submitted"].pk, reports["draft"].pk}
    assert listed_ids(client, REPORTS, network.learner_a) == mine
    assert listed_ids(client, REPORTS, network.trainer_a) == {reports["submitted"].pk}
    assert listed_ids(client, REPORTS, network.trainer_b) == {reports["other"].pk}
    for nobody in ("editor_a", "coordinator", "partner_coordinator_a"):
        assert listed_ids(client, REPORTS, getattr(network, nobody)) == set()
    draft = f"{REPORTS}{reports['draft'].pk}/"
    assert send(client, "get", draft, network.trainer_a).status_code == 404
    other = f"{REPORTS}{reports['other'].pk}/"
    assert send(client, "get", other, network.trainer_a).status_code == 404
    assert client.get(REPORTS).status_code == 401


def test_a_report_reads_as_it_was_sent(client, network, reports):
    report = reports["submitted"]
    report.body = "Le learner réécrit déjà"
    report.save()
    body = send(client, "get", f"{REPORTS}{report.pk}/", network.trainer_a).json()
    assert body["submission"]["body"] == "Compte rendu"
    assert body["submission"]["people_reached"] == 12
    assert body["learner"] == network.learner_a.pk
    assert body["cohort"] == network.cohort_a.pk
    assert [event["kind"] for event in body["history"]] == ["submitted"]
    filtered = listed_ids(client, REPORTS, network.learner_a, status="draft")
    assert filtered == {reports["draft"].pk}


def test_a_trainer_reviews_a_report(
    client, network, reports, django_capture_on_commit_callbacks
):
    report = reports["submitted"]
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            client,
            "post",
            f"{REPORTS}{report.pk}/review/",
            network.trainer_a,
            {"status": "needs_revision", "feedback": "Précisez le lieu."},
        )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "needs_revision"
    assert body["history"][-1]["feedback"] == "Précisez le lieu."
    report.refresh_from_db()
    assert report.status == FieldReport.Status.NEEDS_REVISION
    assert report.events.filter(kind=ReportEvent.Kind.REVIEWED).count() == 1
    assert [message.to for message in mail.outbox] == [[network.learner_a.email]]
    # Not waiting any more: a second decision is a conflict, and not recorded.
    again = send(
        client,
        "post",
        f"{REPORTS}{report.pk}/review/",
        network.trainer_a,
        {"status": "accepted", "feedback": "OK"},
    )
    assert again.status_code == 409
    assert report.events.filter(kind=ReportEvent.Kind.REVIEWED).count() == 1


def test_reviews_by_others_and_bad_reviews_are_refused(client, network, reports):
    path = f"{REPORTS}{reports['submitted'].pk}/review/"
    good = {"status": "accepted", "feedback": "Bravo"}
    assert send(client, "post", path, network.learner_a, good).status_code == 403
    assert send(client, "post", path, network.trainer_b, good).status_code == 404
    assert send(client, "post", path, network.coordinator, good).status_code == 404
    for body, field in [
        ({"status": "draft", "feedback": "x"}, "status"),
        ({"status": "accepted"}, "feedback"),
        ({"status": "accepted", "feedback": ""}, "feedback"),
        ({"status": "accepted", "feedback": "x", "grade": 20}, "grade"),
    ]:
        assert field in field_errors(
            send(client, "post", path, network.trainer_a, body)
        )
    reports["submitted"].refresh_from_db()
    assert reports["submitted"].status == FieldReport.Status.SUBMITTED
    assert (
        not reports["submitted"].events.filter(kind=ReportEvent.Kind.REVIEWED).exists()
    )


# -- Contributions -------------------------------------------------------------


def test_who_reads_which_contribution(client, network, reports):
    mine = reports["contribution"].pk
    theirs = reports["other_contribution"].pk
    assert listed_ids(client, CONTRIBUTIONS, network.learner_a) == {mine}
    assert listed_ids(client, CONTRIBUTIONS, network.learner_b) == {theirs}
    # Both cohorts follow the same course: each trainer reviews both.
    assert listed_ids(client, CONTRIBUTIONS, network.trainer_a) == {mine, theirs}
    assert listed_ids(client, CONTRIBUTIONS, network.editor_a) == set()
    assert (
        send(client, "get", f"{CONTRIBUTIONS}{theirs}/", network.learner_a).status_code
        == 404
    )


def test_a_trainer_accepts_a_contribution(client, network, reports):
    contribution = reports["contribution"]
    path = f"{CONTRIBUTIONS}{contribution.pk}/review/"
    response = send(
        client, "post", path, network.trainer_a, {"status": "accepted", "note": "Merci"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    contribution.refresh_from_db()
    assert (contribution.status, contribution.reviewer) == (
        Contribution.Status.ACCEPTED,
        network.trainer_a,
    )
    assert (
        send(
            client, "post", path, network.trainer_a, {"status": "declined"}
        ).status_code
        == 409
    )
    # The author may read it, not decide on it.
    own = f"{CONTRIBUTIONS}{reports['other_contribution'].pk}/review/"
    assert (
        send(client, "post", own, network.learner_b, {"status": "accepted"}).status_code
        == 403
    )
    assert "status" in field_errors(
        send(client, "post", own, network.trainer_a, {"status": "maybe"})
    )


# -- Query budgets ------------------------------------------------------------


@pytest.mark.parametrize("path", [REPORTS, CONTRIBUTIONS])
def test_the_review_lists_take_the_same_queries_whatever_their_size(
    client, network, reports, django_assert_max_num_queries, path
):
    for _n in range(12):
        learner = fx.make_learner()
        enrollment = fx.enrol(network.cohort_a, learner)
        report, _contribution = fx.report_and_contribution(network.course, enrollment)
        report.submit(learner)
    headers = bearer(network.trainer_a)
    # Authentication, throttling, the page and its prefetches: no row adds any.
    for size in (1, 50):
        with django_assert_max_num_queries(8):
            response = client.get(path, {"page_size": size}, **headers)
        assert response.status_code == 200
        # Trainer A: 1 + 12 submitted reports; 2 + 12 contributions.
        expected = 13 if path == REPORTS else 14
        assert len(response.json()["results"]) == min(size, expected)


def test_the_new_routes_refuse_a_stranger_signed_in_as_nobody(client, network):
    stranger = UserFactory()
    assert listed_ids(client, REPORTS, stranger) == set()
    assert listed_ids(client, CONTRIBUTIONS, stranger) == set()
    assert (
        send(client, "post", COHORTS, stranger, new_cohort_body(network)).status_code
        == 403
    )


# -- Found in review -------------------------------------------------------------


def test_someone_who_lost_the_trainer_role_no_longer_runs_their_cohorts(
    client, network
):
    """As on the site, where every trainer page refuses them: their name on
    the cohort is not enough."""
    fx_report, _contribution = fx.report_and_contribution(
        network.course, network.enrollment_a
    )
    network.trainer_a.groups.remove(Group.objects.get(name=TRAINER))
    former = network.trainer_a
    cohort = f"{COHORTS}{network.cohort_a.pk}/"
    renamed = send(client, "patch", cohort, former, {"name": "Détournée"})
    assert renamed.status_code == 404
    assert (
        send(client, "get", enrollments_path(network.cohort_a), former).status_code
        == 404
    )
    refused = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        former,
        {"learners": [{"email": "x@example.org"}]},
    )
    assert refused.status_code == 404
    assert listed_ids(client, REPORTS, former) == set()
    review = send(
        client,
        "post",
        f"{REPORTS}{fx_report.pk}/review/",
        former,
        {"status": "accepted", "feedback": "OK"},
    )
    assert review.status_code == 404
    network.cohort_a.refresh_from_db()
    assert network.cohort_a.name == "Promotion Alpha"
    assert not Enrollment.objects.filter(learner__email="x@example.org").exists()


def test_a_roster_file_larger_than_the_sites_limit_is_refused(client, network):
    big = roster_csv(1) + b"#" * (2 * 1024 * 1024)
    before = Enrollment.objects.count()
    response = send(
        client,
        "post",
        enrollments_path(network.cohort_a),
        network.trainer_a,
        big,
        content_type="text/csv",
    )
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert Enrollment.objects.count() == before


@pytest.mark.parametrize("field", ["course", "partner"])
def test_an_id_too_large_for_any_row_is_not_found(client, network, field):
    body = new_cohort_body(network, **{field: 2**70})
    assert field in field_errors(send(client, "post", COHORTS, network.trainer_a, body))


def test_a_key_sent_again_during_the_first_request_opens_one_cohort(
    client, network, monkeypatch
):
    """Two requests with one key, the second looking before the first has
    committed: its insert meets the key's unique constraint and it answers
    with the first request's cohort."""
    key = str(uuid.uuid4())
    first = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert first.status_code == 201
    manager = type(Cohort.objects)
    real_filter = manager.filter
    missed = []

    def late_filter(self, *args, **kwargs):
        if "form_key" in kwargs and not missed:
            missed.append(True)  # the first lookup runs before the commit
            return real_filter(self, pk__in=[])
        return real_filter(self, *args, **kwargs)

    monkeypatch.setattr(manager, "filter", late_filter)
    again = send(
        client,
        "post",
        COHORTS,
        network.trainer_a,
        new_cohort_body(network),
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert missed
    assert again.status_code == 200, again.content
    assert again.json()["id"] == first.json()["id"]
    assert Cohort.objects.filter(name="Promotion Lisboa 2027").count() == 1
