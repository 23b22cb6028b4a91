"""Units that complete through their activities: a required field
assignment completes when a trainer accepts the report, and the unit,
module and course follow with Chaînon's statements."""

import pytest
from django.urls import reverse

from lms.activity import FIELD_ASSIGNMENT, activity_iri
from lms.course_progress import course_rule
from lms.models import ActivityProgress, Statement
from tests.lms.test_field_reports import review, submit
from tests.support.course_fixtures import assignment_of

pytestmark = pytest.mark.django_db


def require_assignment(unit, required=True):
    body = list(unit.body.raw_data)
    for block in body:
        if block["type"] == "field_assignment":
            block["value"]["required"] = required
    unit.body = body
    unit.save()
    return unit


def test_the_rule_lists_field_assignments_as_requirements(course):
    unit = require_assignment(course.units[0])
    rule = course_rule(course.page)
    first = rule.modules[0].units[0]
    iri = activity_iri(FIELD_ASSIGNMENT, assignment_of(unit).id)
    assert [(r.iri, r.required) for r in first.requirements] == [(iri, True)]
    optional = rule.modules[0].units[1]
    assert [r.required for r in optional.requirements] == [False]


def test_a_unit_with_a_required_assignment_cannot_be_marked_done(client, course):
    unit = require_assignment(course.units[0])
    client.force_login(course.learner)
    page = client.get(unit.url)
    assert reverse("lms:unit-done", args=[unit.pk]) not in page.content.decode()
    assert page.context["completes_by_reports"] is True
    response = client.post(reverse("lms:unit-done", args=[unit.pk]))
    assert response.status_code == 302
    assert not Statement.objects.exists()


def test_accepting_the_report_completes_the_assignment_and_the_unit(
    client, course, django_capture_on_commit_callbacks
):
    unit = require_assignment(course.units[0])
    report = submit(client, course, unit)
    iri = activity_iri(FIELD_ASSIGNMENT, report.assignment_id)
    assert not ActivityProgress.objects.filter(activity=iri).exists()

    with django_capture_on_commit_callbacks(execute=True):
        review(client, report, course.trainer, "accepted")

    row = ActivityProgress.objects.get(learner=course.learner, activity=iri)
    assert row.status == "completed" and row.success is True
    statement = Statement.objects.get(activity=iri)
    assert statement.data["context"]["instructor"]["account"]["name"] == str(
        course.trainer.pk
    )
    assert statement.data["authority"]["account"]["name"] == "chainon"
    # The unit is complete: Chaînon says so in a statement of its own.
    assert Statement.objects.filter(activity=unit.activity_iri).count() == 1
    client.force_login(course.learner)
    assert unit.activity_iri in client.get(course.page.url).context["done_units"]


def test_a_report_sent_back_for_revision_completes_nothing(
    client, course, django_capture_on_commit_callbacks
):
    unit = require_assignment(course.units[0])
    report = submit(client, course, unit)
    with django_capture_on_commit_callbacks(execute=True):
        review(client, report, course.trainer, "needs_revision", "Précise.")
    assert not Statement.objects.exists()
    client.force_login(course.learner)
    assert not client.get(course.page.url).context["done_units"]


def test_the_last_required_report_completes_module_and_course(
    client, course, django_capture_on_commit_callbacks
):
    required = require_assignment(course.units[0])
    client.force_login(course.learner)
    for unit in course.units[1:]:
        client.post(reverse("lms:unit-done", args=[unit.pk]))
    assert not Statement.objects.filter(activity=course.page.activity_iri).exists()

    report = submit(client, course, required)
    with django_capture_on_commit_callbacks(execute=True):
        review(client, report, course.trainer, "accepted")

    assert (
        Statement.objects.filter(activity=course.modules[0].activity_iri).count() == 1
    )
    assert Statement.objects.filter(activity=course.page.activity_iri).count() == 1
    client.force_login(course.learner)
    assert client.get(course.page.url).context["percent_done"] == 100


def test_an_optional_assignment_leaves_mark_as_done(client, course):
    unit = require_assignment(course.units[0], required=False)
    client.force_login(course.learner)
    page = client.get(unit.url)
    assert reverse("lms:unit-done", args=[unit.pk]) in page.content.decode()
    assert page.context["completes_by_reports"] is False
    client.post(reverse("lms:unit-done", args=[unit.pk]))
    assert (
        ActivityProgress.objects.get(
            learner=course.learner, activity=unit.activity_iri
        ).status
        == "completed"
    )
