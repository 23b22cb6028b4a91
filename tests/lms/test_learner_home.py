"""The learner's side: "Mes formations" (resume, assignments due, feedback)
and the private answers kept on a unit."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lms.models import Enrollment, FieldReport, LearnerAnswer, UnitPage, UnitVisit
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    EnrollmentFactory,
    ModulePageFactory,
    UnitPageFactory,
)
from tests.support.course_fixtures import assignment_of, publish

pytestmark = pytest.mark.django_db


def home_url(language="fr"):
    with translation.override(language):
        return reverse("lms:home")


def answer_url(unit, block_id):
    with translation.override("fr"):
        return reverse("lms:answer", args=[unit.pk, block_id])


def reflection_of(unit):
    return unit.tracked_blocks("reflection")[0]


def checklist_of(unit):
    return unit.tracked_blocks("checklist")[0]


def home(client, user, language="fr"):
    client.force_login(user)
    response = client.get(home_url(language))
    assert response.status_code == 200
    return response


def make_report(enrollment, unit, status, trainer=None, feedback="Bien vu."):
    """A report taken to ``status`` the way the views take it there."""
    assignment = assignment_of(unit)
    report = FieldReport.objects.create(
        enrollment=enrollment,
        unit=unit,
        assignment_id=assignment.id,
        assignment_title=assignment.value["title"],
        body="Compte rendu",
    )
    if status == FieldReport.Status.DRAFT:
        return report
    report.submit(enrollment.learner)
    if status in (FieldReport.Status.NEEDS_REVISION, FieldReport.Status.ACCEPTED):
        report.review(trainer, status, feedback)
    return report


def set_due_offset(unit, days):
    unit = UnitPage.objects.get(pk=unit.pk)
    body = list(unit.body.raw_data)
    for block in body:
        if block["type"] == "field_assignment":
            block["value"]["due_offset_days"] = days
    unit.body = body
    unit.save_revision().publish()
    return unit


def make_course(catalogue, learner, trainer, units=4, status="active"):
    """Another live course of two modules, a cohort with ``learner`` in it."""
    page = publish(CoursePageFactory(parent=catalogue))
    made = []
    for m in range(2):
        module = publish(ModulePageFactory(parent=page, slug=f"m{m}"))
        for u in range(units // 2):
            made.append(publish(UnitPageFactory(parent=module, slug=f"u{m}-{u}")))
    cohort = CohortFactory(course=page, trainers=[trainer])
    enrollment = EnrollmentFactory(cohort=cohort, learner=learner, status=status)
    return page, made, enrollment


# --- "Mes formations" -----------------------------------------------------------


def test_the_home_lists_the_course_and_where_to_start(client, course):
    response = home(client, course.learner)

    [row] = response.context["rows"]
    assert row["enrollment"] == course.enrollment
    assert row["course"] == course.page
    assert row["first_unit"] == course.units[0]
    assert row["resume"] is None
    assert row["unit_count"] == 4


def test_the_home_offers_to_resume_at_the_last_unit_visited(client, course):
    client.force_login(course.learner)
    assert client.get(course.units[0].url).status_code == 200
    assert client.get(course.units[2].url).status_code == 200

    [row] = home(client, course.learner).context["rows"]

    assert row["resume"] == course.units[2]
    assert row["first_unit"] == course.units[0]
    assert UnitVisit.objects.filter(learner=course.learner).count() == 1


def test_the_home_in_english_shows_the_english_course(client, course):
    [row] = home(client, course.learner, "en").context["rows"]

    assert row["course"] == course.english[course.page.pk]
    assert row["first_unit"] == course.english[course.units[0].pk]


def test_a_translation_still_in_draft_is_not_offered(client, course):
    """wagtail-localize makes a translation as a draft: until it is published
    an English reader follows the live French course, assignments included."""
    for page in [course.page, *course.modules, *course.units]:
        course.english[page.pk].unpublish()

    response = home(client, course.learner, "en")

    [row] = response.context["rows"]
    assert row["course"].live
    assert row["first_unit"] == course.units[0]
    assert row["unit_count"] == 4
    assert len(response.context["due"]) == 4


def test_assignments_due_are_sorted_by_their_due_date(client, course):
    offsets = [30, 7, 21, 14]
    for unit, days in zip(course.units, offsets, strict=True):
        set_due_offset(unit, days)

    due = home(client, course.learner).context["due"]

    start = course.cohort.start_date
    expected = sorted(
        (start + timedelta(days=days), assignment_of(unit).id)
        for unit, days in zip(course.units, offsets, strict=True)
    )
    assert [(item["due"], item["assignment_id"]) for item in due] == expected
    assert [item["unit"].pk for item in due] == [
        course.units[1].pk,
        course.units[3].pk,
        course.units[2].pk,
        course.units[0].pk,
    ]
    assert all(item["report"] is None for item in due)
    assert all(item["course"] == course.page for item in due)


def test_due_dates_follow_the_cohort_start(client, course):
    due = home(client, course.learner).context["due"]

    assert len(due) == 4
    assert {item["due"] for item in due} == {
        course.cohort.start_date + timedelta(days=14)
    }


def test_a_submitted_or_accepted_report_is_no_longer_due(client, course):
    units, enrollment = course.units, course.enrollment
    make_report(enrollment, units[0], "submitted")
    make_report(enrollment, units[1], "accepted", course.trainer)
    revision = make_report(enrollment, units[2], "needs_revision", course.trainer)
    draft = make_report(enrollment, units[3], "draft")

    due = home(client, course.learner).context["due"]

    assert {item["assignment_id"]: item["report"] for item in due} == {
        assignment_of(units[2]).id: revision,
        assignment_of(units[3]).id: draft,
    }


def test_feedback_from_trainers_is_listed(client, course):
    report = make_report(
        course.enrollment, course.units[0], "needs_revision", course.trainer, "Qui ?"
    )

    response = home(client, course.learner)

    [event] = response.context["feedback"]
    assert event.report == report
    assert event.feedback == "Qui ?"
    assert event.actor == course.trainer
    assert "Qui ?" in response.content.decode()


def test_another_learners_reports_and_feedback_never_show(client, course):
    classmate = EnrollmentFactory(cohort=course.cohort)
    for unit in course.units[:3]:
        make_report(classmate, unit, "accepted", course.trainer, "Pour l'autre")

    response = home(client, course.learner)

    assert len(response.context["due"]) == 4
    assert all(item["report"] is None for item in response.context["due"])
    assert list(response.context["feedback"]) == []
    assert "Pour l&#x27;autre" not in response.content.decode()
    assert [row["enrollment"] for row in response.context["rows"]] == [
        course.enrollment
    ]


def test_a_pending_enrolment_is_shown_without_resume_or_assignments(client, course):
    other, other_units, pending = make_course(
        course.catalogue, course.learner, course.trainer, status="pending"
    )

    response = home(client, course.learner)

    rows = {row["enrollment"].pk: row for row in response.context["rows"]}
    assert set(rows) == {course.enrollment.pk, pending.pk}
    assert rows[pending.pk]["resume"] is None
    assert rows[pending.pk]["course"] == other
    other_ids = {assignment_of(unit).id for unit in other_units}
    assert not other_ids & {item["assignment_id"] for item in response.context["due"]}


def test_a_learner_put_on_hold_is_not_offered_to_resume(client, course):
    client.force_login(course.learner)
    client.get(course.units[1].url)
    course.enrollment.status = Enrollment.Status.PENDING
    course.enrollment.save()

    response = home(client, course.learner, "en")

    assert "Resume:" not in response.content.decode()
    assert "Waiting for a trainer" in response.content.decode()
    assert response.context["due"] == []


def test_withdrawn_enrolments_are_not_listed(client, course):
    course.enrollment.status = Enrollment.Status.WITHDRAWN
    course.enrollment.save()

    response = home(client, course.learner)

    assert response.context["rows"] == []
    assert response.context["due"] == []


def test_the_home_asks_anonymous_visitors_to_sign_in(client, course):
    response = client.get(home_url())

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Private answers on a unit -----------------------------------------------------


def test_a_reflection_answer_is_saved_and_shown_to_its_author(client, course):
    unit = course.units[0]
    block = reflection_of(unit)
    client.force_login(course.learner)

    response = client.post(answer_url(unit, block.id), {"text": "Les ados du quartier"})

    assert response.status_code == 302
    assert response["Location"] == f"{unit.url}#block-{block.id}"
    answer = LearnerAnswer.objects.get()
    assert answer.learner == course.learner
    assert str(answer.block_id) == block.id
    assert answer.unit_id == unit.pk
    assert answer.text == "Les ados du quartier"

    page = client.get(unit.url)
    assert page.context["block_state"][block.id]["answer"] == answer
    assert "Les ados du quartier" in page.content.decode()


def test_an_answer_stays_private(client, course):
    unit = course.units[0]
    block = reflection_of(unit)
    client.force_login(course.learner)
    client.post(answer_url(unit, block.id), {"text": "Ma réponse secrète"})
    classmate = EnrollmentFactory(cohort=course.cohort).learner

    for person in [classmate, course.trainer]:
        client.force_login(person)
        page = client.get(unit.url)
        assert page.status_code == 200
        assert "answer" not in (page.context["block_state"].get(block.id) or {})
        assert "Ma réponse secrète" not in page.content.decode()


def test_an_answer_is_shared_by_the_unit_and_its_translation(client, course):
    unit = course.units[0]
    english = course.english[unit.pk]
    block = reflection_of(unit)
    assert reflection_of(english).id == block.id
    client.force_login(course.learner)
    client.post(answer_url(unit, block.id), {"text": "En français"})

    page = client.get(english.url)

    assert page.context["block_state"][block.id]["answer"].text == "En français"
    client.post(answer_url(english, block.id), {"text": "Now in English"})
    answer = LearnerAnswer.objects.get()
    assert answer.text == "Now in English"
    assert client.get(unit.url).context["block_state"][block.id]["answer"] == answer


def test_checklist_ticks_are_saved(client, course):
    unit = course.units[0]
    block = checklist_of(unit)
    client.force_login(course.learner)

    response = client.post(answer_url(unit, block.id), {"checked": ["1", "0", "1"]})

    assert response.status_code == 302
    assert response["Location"] == f"{unit.url}#block-{block.id}"
    answer = LearnerAnswer.objects.get()
    assert answer.checked == [0, 1]
    assert answer.text == ""

    client.post(answer_url(unit, block.id), {"checked": ["1"]})
    answer.refresh_from_db()
    assert answer.checked == [1]
    client.post(answer_url(unit, block.id), {})
    answer.refresh_from_db()
    assert answer.checked == []


def test_a_tick_out_of_range_is_not_saved(client, course):
    unit = course.units[0]
    block = checklist_of(unit)
    client.force_login(course.learner)

    response = client.post(answer_url(unit, block.id), {"checked": ["0", "2"]})

    assert response.status_code == 302
    assert response["Location"] == f"{unit.url}#block-{block.id}"
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    assert levels == ["error"]
    assert not LearnerAnswer.objects.exists()


def test_a_tick_out_of_range_is_not_called_too_long(client, course):
    unit = course.units[0]
    client.force_login(course.learner)
    with translation.override("en"):
        url = reverse("lms:answer", args=[unit.pk, checklist_of(unit).id])

    response = client.post(url, {"checked": ["7"]})

    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert "too long" not in str(message)


def test_a_too_long_answer_is_not_saved(client, course):
    unit = course.units[0]
    client.force_login(course.learner)

    response = client.post(
        answer_url(unit, reflection_of(unit).id), {"text": "x" * 10_001}
    )

    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert not LearnerAnswer.objects.exists()


def test_a_forged_or_foreign_block_is_not_found(client, course):
    unit = course.units[0]
    client.force_login(course.learner)

    for block_id in [
        uuid.uuid4(),
        assignment_of(unit).id,  # not an answerable block
        reflection_of(course.units[1]).id,  # another unit's question
    ]:
        response = client.post(answer_url(unit, block_id), {"text": "Forgé"})
        assert response.status_code == 404, block_id
    assert not LearnerAnswer.objects.exists()


def test_an_outsider_may_not_answer(client, course):
    client.force_login(course.outsider)
    unit = course.units[0]

    response = client.post(answer_url(unit, reflection_of(unit).id), {"text": "Moi"})

    assert response.status_code == 403
    assert not LearnerAnswer.objects.exists()


def test_answering_is_a_post(client, course):
    unit = course.units[0]
    url = answer_url(unit, reflection_of(unit).id)

    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(course.learner)
    assert client.get(url).status_code == 405


# --- Queries -------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_home_queries_do_not_grow_with_units_reports_or_courses(
    client, course, django_assert_max_num_queries
):
    client.force_login(course.learner)
    client.get(course.units[0].url)  # a visit, so "resume" is on the page
    url = home_url()
    client.get(url)

    one_course, response = _queries(client, url)
    assert len(response.context["rows"]) == 1

    # More units and reports in the same course.
    extra = [
        publish(UnitPageFactory(parent=course.modules[1], slug=f"extra-{n}"))
        for n in range(4)
    ]
    for unit in course.units[:3]:
        make_report(course.enrollment, unit, "needs_revision", course.trainer)
    more_units, response = _queries(client, url)
    assert len(response.context["due"]) == 4 + len(extra)
    assert len(response.context["feedback"]) == 3
    assert more_units == one_course

    # Two more courses of four units each, with reports and feedback.
    for _n in range(2):
        _page, units, enrollment = make_course(
            course.catalogue, course.learner, course.trainer
        )
        make_report(enrollment, units[0], "needs_revision", course.trainer)
        make_report(enrollment, units[1], "submitted")
        client.get(units[2].url)
    three_courses, response = _queries(client, url)
    assert len(response.context["rows"]) == 3
    assert all(row["resume"] is not None for row in response.context["rows"])
    assert three_courses == one_course

    with django_assert_max_num_queries(25):
        client.get(url)
