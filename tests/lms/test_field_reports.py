"""Field reports: the learner drafts and submits, a trainer of the cohort reviews.

Who may write, who may review, the history kept at each step, the e-mails
sent once the change is committed, files posted without JavaScript, and the
trainer's list of reports in a fixed number of queries.
"""

import os
import uuid
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms.forms import FieldReportForm
from lms.models import FieldReport, ReportAttachment, ReportEvent
from tests.factories import CohortFactory, EnrollmentFactory, UserFactory
from tests.media.transfer import PNG_HEAD
from tests.support.course_fixtures import assignment_of

pytestmark = pytest.mark.django_db

PNG = PNG_HEAD + b"\x00" * 200


def report_url(unit, assignment_id=None):
    assignment_id = assignment_id or assignment_of(unit).id
    with translation.override("fr"):
        return reverse("lms:report", args=[unit.pk, assignment_id])


def review_url(report):
    with translation.override("fr"):
        return reverse("lms:report-review", args=[report.pk])


def png(name="photo.png", data=PNG):
    return SimpleUploadedFile(name, data, "image/png")


def post_report(client, unit, action="save", **fields):
    data = {"action": action, "body": "", **fields}
    return client.post(report_url(unit), data)


def the_report(course, unit=None):
    unit = unit or course.units[0]
    return FieldReport.objects.get(
        enrollment=course.enrollment, assignment_id=assignment_of(unit).id
    )


def submit(client, course, unit=None, body="Deux heures au marché du Prado."):
    unit = unit or course.units[0]
    client.force_login(course.learner)
    response = post_report(client, unit, action="submit", body=body)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return the_report(course, unit)


def review(client, report, trainer, status, feedback="Merci, c'est précis."):
    client.force_login(trainer)
    return client.post(review_url(report), {"status": status, "feedback": feedback})


def stored_files(storage):
    return [name for _root, _dirs, names in os.walk(storage.location) for name in names]


def error_messages(response):
    return [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"
    ]


@pytest.fixture
def other_trainer(course):
    """A trainer who runs a cohort of the same course, not the learner's."""
    person = UserFactory(role="Trainer")
    CohortFactory(course=course.page, trainers=[person], name="Lisbonne")
    return person


# --- Who may open the form -------------------------------------------------------


def test_enrolled_learner_opens_an_empty_report_form(client, course):
    client.force_login(course.learner)

    response = client.get(report_url(course.units[0]))

    assert response.status_code == 200
    assert isinstance(response.context["form"], FieldReportForm)
    assert response.context["report"] is None
    assert response.context["can_edit"] is True
    assert response.context["assignment"].id == assignment_of(course.units[0]).id
    assert 'name="body"' in response.content.decode()


def test_outsider_may_neither_open_nor_post_a_report(client, course):
    client.force_login(course.outsider)
    url = report_url(course.units[0])

    assert client.get(url).status_code == 403
    response = client.post(url, {"action": "submit", "body": "Intrusion"})

    assert response.status_code == 403
    assert not FieldReport.objects.exists()
    assert not ReportEvent.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, course):
    response = client.get(report_url(course.units[0]))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unknown_assignment_or_another_kind_of_block_is_not_found(client, course):
    unit = course.units[0]
    reflection = unit.tracked_blocks("reflection")[0]
    client.force_login(course.learner)

    assert client.get(report_url(unit, uuid.uuid4())).status_code == 404
    assert client.get(report_url(unit, reflection.id)).status_code == 404
    response = client.post(report_url(unit, reflection.id), {"action": "save"})
    assert response.status_code == 404
    assert not FieldReport.objects.exists()


def test_an_assignment_of_another_unit_is_not_found(client, course):
    client.force_login(course.learner)
    other = assignment_of(course.units[1]).id

    assert client.get(report_url(course.units[0], other)).status_code == 404


def test_a_unit_that_is_not_live_is_not_found(client, course):
    unit = course.units[0]
    unit.unpublish()
    client.force_login(course.learner)

    assert client.get(report_url(unit)).status_code == 404


# --- Draft and submission --------------------------------------------------------


def test_saving_a_draft_keeps_one_private_report(client, course, mailoutbox):
    unit = course.units[0]
    client.force_login(course.learner)

    response = post_report(client, unit, body="Premier jet", place="Noailles")

    assert response.status_code == 302
    assert response["Location"] == report_url(unit)
    report = FieldReport.objects.get()
    assert report.status == FieldReport.Status.DRAFT
    assert report.enrollment == course.enrollment
    assert report.unit_id == unit.pk
    assert str(report.assignment_id) == assignment_of(unit).id
    assert report.assignment_title == assignment_of(unit).value["title"]
    assert report.body == "<p>Premier jet</p>"
    assert report.submitted_at is None
    assert not report.events.exists()
    assert mailoutbox == []

    post_report(client, unit, body="Second jet")
    assert FieldReport.objects.get().body == "<p>Second jet</p>"
    assert FieldReport.objects.count() == 1


def test_submitting_without_a_description_is_a_form_error(client, course):
    unit = course.units[0]
    client.force_login(course.learner)
    post_report(client, unit, place="Noailles")  # an empty draft may be saved

    response = post_report(client, unit, action="submit", body="   ")

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    report = the_report(course)
    assert report.status == FieldReport.Status.DRAFT
    assert report.submitted_at is None
    assert not report.events.exists()


def test_submitting_sends_the_report_to_each_trainer_of_the_cohort(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    second = UserFactory(role="Trainer")
    course.cohort.trainers.add(second)
    stranger = UserFactory(role="Trainer")  # runs another cohort
    CohortFactory(course=course.page, trainers=[stranger])
    client.force_login(course.learner)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(
            client,
            course.units[0],
            action="submit",
            body="Deux heures au marché.",
            place="Noailles",
            action_date="2026-03-14",
            people_reached="12",
            partners_involved="Centre social",
        )

    assert response.status_code == 302
    report = the_report(course)
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.submitted_at is not None
    event = report.events.get()
    assert event.kind == ReportEvent.Kind.SUBMITTED
    assert event.actor == course.learner
    assert event.snapshot == {
        "body": "<p>Deux heures au marché.</p>",
        "place": "Noailles",
        "action_date": "2026-03-14",
        "people_reached": 12,
        "partners_involved": "Centre social",
        "attachments": [],
    }
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [course.trainer.email, second.email]
    )
    for message in mailoutbox:
        assert "http://testserver" + review_url(report) in message.body


def test_submitting_twice_makes_one_report_and_one_submission(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.learner)

    with django_capture_on_commit_callbacks(execute=True):
        first = post_report(client, course.units[0], action="submit", body="Fait.")
        second = post_report(client, course.units[0], action="submit", body="Fait.")

    assert first.status_code == second.status_code == 302
    assert error_messages(second)
    assert FieldReport.objects.count() == 1
    assert ReportEvent.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_submitted_report_cannot_be_changed_by_its_author(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    report = submit(client, course)
    before = FieldReport.objects.values().get(pk=report.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(
            client,
            course.units[0],
            body="Réécrit après coup",
            attachment=png(),
        )

    assert response.status_code == 302
    assert error_messages(response)
    assert FieldReport.objects.values().get(pk=report.pk) == before
    assert not ReportAttachment.objects.exists()
    assert report.events.count() == 1
    assert mailoutbox == []
    page = client.get(report_url(course.units[0]))
    assert page.context["can_edit"] is False


def racing_form(course, unit, status):
    """The report form, with another request of the same learner landing while
    this one is being checked: a double click on "Submit" sends two posts."""

    class RacingForm(FieldReportForm):
        def clean(self):
            cleaned = super().clean()
            assignment = assignment_of(unit)
            other, _created = FieldReport.objects.update_or_create(
                enrollment=course.enrollment,
                assignment_id=assignment.id,
                defaults={
                    "unit": unit,
                    "assignment_title": assignment.value["title"],
                    "body": "Envoyé par le premier clic",
                },
            )
            if status == FieldReport.Status.SUBMITTED:
                other.submit(course.learner)
            return cleaned

    return RacingForm


@pytest.mark.parametrize("had_draft", [False, True], ids=["first-post", "draft"])
def test_a_report_submitted_meanwhile_is_not_submitted_again(
    client,
    course,
    monkeypatch,
    mailoutbox,
    django_capture_on_commit_callbacks,
    had_draft,
):
    unit = course.units[0]
    client.force_login(course.learner)
    if had_draft:
        post_report(client, unit, body="Brouillon")
    monkeypatch.setattr(
        "lms.views.reports.FieldReportForm",
        racing_form(course, unit, FieldReport.Status.SUBMITTED),
    )

    with django_capture_on_commit_callbacks(execute=True):
        post_report(client, unit, action="submit", body="Envoyé par le second clic")

    report = the_report(course)
    assert FieldReport.objects.count() == 1
    assert report.body == "Envoyé par le premier clic"
    assert report.events.filter(kind=ReportEvent.Kind.SUBMITTED).count() == 1
    assert len(mailoutbox) == 0  # the first click's e-mail is not sent by this post


# --- Trainer review ---------------------------------------------------------------


def test_the_cohorts_trainer_sees_a_submitted_report(client, course):
    report = submit(client, course)
    client.force_login(course.trainer)

    response = client.get(review_url(report))

    assert response.status_code == 200
    assert response.context["report"] == report
    assert list(response.context["events"]) == list(report.events.all())
    assert "Deux heures au marché du Prado." in response.content.decode()


def test_a_trainer_of_another_cohort_may_not_review(client, course, other_trainer):
    report = submit(client, course)
    client.force_login(other_trainer)

    assert client.get(review_url(report)).status_code == 403
    response = client.post(
        review_url(report), {"status": "accepted", "feedback": "Très bien"}
    )

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.events.count() == 1


def test_a_learner_may_not_review(client, course):
    report = submit(client, course)
    classmate = EnrollmentFactory(cohort=course.cohort).learner
    for person in [course.learner, classmate]:
        client.force_login(person)
        assert client.get(review_url(report)).status_code == 403
        response = client.post(
            review_url(report), {"status": "accepted", "feedback": "Moi-même"}
        )
        assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.events.count() == 1


def test_revision_resubmission_and_acceptance_are_kept_in_order(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    report = submit(client, course)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = review(
            client, report, course.trainer, "needs_revision", "Qui as-tu rencontré ?"
        )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == FieldReport.Status.NEEDS_REVISION
    reviewed = report.events.get(kind=ReportEvent.Kind.REVIEWED)
    assert reviewed.feedback == "Qui as-tu rencontré ?"
    assert reviewed.status == FieldReport.Status.NEEDS_REVISION
    assert reviewed.actor == course.trainer
    assert [m.to for m in mailoutbox] == [[course.learner.email]]
    assert "Qui as-tu rencontré ?" in mailoutbox[0].body

    client.force_login(course.learner)
    assert client.get(report_url(course.units[0])).context["can_edit"] is True
    response = post_report(
        client, course.units[0], action="submit", body="J'ai rencontré Samia."
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.body == "<p>J'ai rencontré Samia.</p>"
    history = list(report.events.order_by("created_at"))
    assert [e.kind for e in history] == ["submitted", "reviewed", "submitted"]
    assert history[0].snapshot["body"] == "<p>Deux heures au marché du Prado.</p>"
    assert history[2].snapshot["body"] == "<p>J'ai rencontré Samia.</p>"
    assert [
        e.kind for e in client.get(report_url(course.units[0])).context["events"]
    ] == [
        "submitted",
        "reviewed",
        "submitted",
    ]

    response = review(client, report, course.trainer, "accepted", "Bravo.")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == FieldReport.Status.ACCEPTED

    client.force_login(course.learner)
    response = post_report(client, course.units[0], action="submit", body="Encore")
    assert response.status_code == 302
    assert error_messages(response)
    report.refresh_from_db()
    assert report.status == FieldReport.Status.ACCEPTED
    assert report.body == "<p>J'ai rencontré Samia.</p>"
    assert report.events.count() == 4
    assert client.get(report_url(course.units[0])).context["can_edit"] is False


def test_a_draft_stays_the_learners_and_cannot_be_reviewed(client, course, mailoutbox):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Pas fini")
    report = the_report(course)

    client.force_login(course.trainer)
    assert client.get(review_url(report)).status_code == 404
    response = review(client, report, course.trainer, "accepted", "Déjà ?")

    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status == FieldReport.Status.DRAFT
    assert not report.events.exists()
    assert mailoutbox == []


def test_a_review_needs_feedback(client, course):
    report = submit(client, course)

    response = review(client, report, course.trainer, "accepted", "")

    assert response.status_code == 200
    assert "feedback" in response.context["form"].errors
    report.refresh_from_db()
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.events.count() == 1


def test_a_review_with_an_unknown_decision_is_a_form_error(client, course):
    report = submit(client, course)

    response = review(client, report, course.trainer, "draft", "Retour au brouillon")

    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    report.refresh_from_db()
    assert report.status == FieldReport.Status.SUBMITTED


# --- Files posted with the form (no JavaScript) ------------------------------------


def test_a_posted_picture_is_attached_and_stored(client, course, local_storage):
    client.force_login(course.learner)

    response = post_report(client, course.units[0], body="Photos", attachment=png())

    assert response.status_code == 302, response.content.decode()[-2000:]
    attachment = ReportAttachment.objects.get()
    assert attachment.report == the_report(course)
    assert attachment.file.name.startswith("field-reports/")
    assert local_storage.exists(attachment.file.name)
    with local_storage.open(attachment.file.name) as stored:
        assert stored.read() == PNG


def test_a_submitted_snapshot_names_the_attachments(client, course, local_storage):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Photos", attachment=png())

    post_report(client, course.units[0], action="submit", body="Photos")

    name = ReportAttachment.objects.get().file.name
    assert the_report(course).events.get().snapshot["attachments"] == [name]


def test_a_file_added_while_submitting_a_draft_is_in_the_snapshot(
    client, course, local_storage
):
    """The history keeps what the trainer received: a file chosen in the same
    post as "Submit" was received too."""
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Brouillon")

    post_report(
        client, course.units[0], action="submit", body="Envoyé", attachment=png()
    )

    name = ReportAttachment.objects.get().file.name
    assert the_report(course).events.get().snapshot["attachments"] == [name]


def test_a_file_removed_while_submitting_is_not_in_the_snapshot(
    client, course, local_storage, django_capture_on_commit_callbacks
):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Brouillon", attachment=png())
    attachment = ReportAttachment.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        post_report(
            client,
            course.units[0],
            action="submit",
            body="Envoyé sans la photo",
            remove_attachment=str(attachment.pk),
        )

    assert not ReportAttachment.objects.exists()
    assert the_report(course).events.get().snapshot["attachments"] == []


def test_a_posted_file_over_the_limit_is_refused_with_the_limit(
    client, course, local_storage, monkeypatch
):
    # The form field reads its limit once, when lms.forms is imported: the
    # field's own maximum is lowered here, as a setting change would not reach it.
    monkeypatch.setattr(FieldReportForm.base_fields["attachment"], "max_size", 1000)
    client.force_login(course.learner)

    response = post_report(
        client,
        course.units[0],
        body="Trop lourd",
        attachment=png(data=PNG_HEAD + b"\x00" * 2000),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["attachment"]
    with translation.override("fr"):
        limit = str(filesizeformat(1000))
    assert any(limit in error for error in errors), errors
    assert not FieldReport.objects.exists()
    assert not ReportAttachment.objects.exists()
    assert stored_files(local_storage) == []


def test_a_file_whose_content_is_not_its_declared_type_is_refused(
    client, course, local_storage
):
    client.force_login(course.learner)

    response = post_report(
        client,
        course.units[0],
        body="Une photo",
        attachment=png(data=b"Just some text pretending to be a picture." * 3),
    )

    assert response.status_code == 200
    assert "attachment" in response.context["form"].errors
    assert "image/png" in " ".join(response.context["form"].errors["attachment"])
    assert not FieldReport.objects.exists()
    assert not ReportAttachment.objects.exists()


def test_a_file_of_a_type_not_accepted_is_refused(client, course, local_storage):
    client.force_login(course.learner)
    page = SimpleUploadedFile("page.html", b"<script>alert(1)</script>", "text/html")

    response = post_report(client, course.units[0], body="Lien", attachment=page)

    assert response.status_code == 200
    assert "attachment" in response.context["form"].errors
    assert not ReportAttachment.objects.exists()


def test_removing_an_attachment_deletes_it(
    client, course, local_storage, django_capture_on_commit_callbacks
):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Photos", attachment=png())
    attachment = ReportAttachment.objects.get()
    name = attachment.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(
            client,
            course.units[0],
            body="Photos",
            remove_attachment=str(attachment.pk),
        )

    assert response.status_code == 302
    assert not ReportAttachment.objects.exists()
    assert not local_storage.exists(name)
    assert the_report(course).body == "<p>Photos</p>"


def test_another_reports_attachment_cannot_be_removed(
    client, course, local_storage, django_capture_on_commit_callbacks
):
    classmate = EnrollmentFactory(cohort=course.cohort).learner
    client.force_login(classmate)
    post_report(client, course.units[0], body="Mes photos", attachment=png())
    theirs = ReportAttachment.objects.get()

    client.force_login(course.learner)
    with django_capture_on_commit_callbacks(execute=True):
        post_report(
            client, course.units[0], body="Moi", remove_attachment=str(theirs.pk)
        )

    assert ReportAttachment.objects.filter(pk=theirs.pk).exists()
    assert local_storage.exists(theirs.file.name)


def test_an_attachment_is_served_to_its_author_and_the_cohorts_trainer_only(
    client, course, local_storage, other_trainer
):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Photos", attachment=png())
    attachment = ReportAttachment.objects.get()
    url = reverse("lms:report-attachment", args=[attachment.pk])
    # While the report is a draft, its files are the learner's alone.
    client.force_login(course.trainer)
    assert client.get(url).status_code == 404
    submit(client, course, body="Photos")

    for person in [course.learner, course.trainer]:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == PNG
        assert response["Content-Type"] == "image/png"

    classmate = EnrollmentFactory(cohort=course.cohort).learner
    for person in [course.outsider, other_trainer, classmate]:
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    client.logout()
    assert client.get(url).status_code == 302


def test_a_stored_file_name_cannot_be_attached_with_a_forged_token(
    client, course, local_storage
):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Photos", attachment=png())
    name = ReportAttachment.objects.get().file.name
    classmate = EnrollmentFactory(cohort=course.cohort).learner
    client.force_login(classmate)

    response = post_report(
        client, course.units[0], body="Copie", **{"attachment-upload": name}
    )

    assert response.status_code == 200
    assert "attachment" in response.context["form"].errors
    assert ReportAttachment.objects.count() == 1


# --- The trainer's list ------------------------------------------------------------


def add_submitted_reports(course, count):
    """``count`` submitted reports from new learners of the cohort."""
    assignments = [(unit, assignment_of(unit)) for unit in course.units]
    made = 0
    while made < count:
        enrollment = EnrollmentFactory(cohort=course.cohort)
        for unit, assignment in assignments[: count - made]:
            FieldReport.objects.create(
                enrollment=enrollment,
                unit=unit,
                assignment_id=assignment.id,
                assignment_title=assignment.value["title"],
                body="Compte rendu",
                status=FieldReport.Status.SUBMITTED,
                submitted_at=timezone.now(),
            )
            made += 1


def list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_cohorts_report_list_shows_submitted_reports_not_drafts(client, course):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Brouillon")
    post_report(client, course.units[1], action="submit", body="Envoyé")
    client.force_login(course.trainer)

    response = client.get(reverse("lms:cohort-reports", args=[course.cohort.pk]))

    assert response.status_code == 200
    shown = list(response.context["page"].object_list)
    assert [r.status for r in shown] == ["submitted"]


def test_another_trainer_cannot_list_the_cohorts_reports(client, course, other_trainer):
    client.force_login(other_trainer)
    url = reverse("lms:cohort-reports", args=[course.cohort.pk])
    assert client.get(url).status_code == 403


def test_the_report_list_queries_do_not_grow_with_reports(
    client, course, django_assert_max_num_queries
):
    url = reverse("lms:cohort-reports", args=[course.cohort.pk])
    add_submitted_reports(course, 2)
    client.force_login(course.trainer)
    client.get(url)  # warm the session and site caches

    few, response = list_queries(client, url)
    assert len(response.context["page"].object_list) == 2
    add_submitted_reports(course, 38)
    many, response = list_queries(client, url)

    assert len(response.context["page"].object_list) == 30
    assert response.context["page"].paginator.count == 40
    assert many == few
    with django_assert_max_num_queries(20):
        client.get(url)
    with django_assert_max_num_queries(20):
        client.get(url + "?page=2&status=submitted")


def test_the_action_date_is_kept(client, course):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Daté", action_date="2026-01-05")
    assert the_report(course).action_date == date(2026, 1, 5)


def test_trainers_read_the_submitted_version_while_the_learner_revises(
    client, course, local_storage
):
    client.force_login(course.learner)
    post_report(client, course.units[0], body="Version envoyée", attachment=png())
    report = submit(client, course, body="Version envoyée")
    review(client, report, course.trainer, "needs_revision", "Précise les lieux.")
    sent_file = ReportAttachment.objects.get(report=report)

    # The learner revises: new text, the sent photo removed.
    client.force_login(course.learner)
    post_report(
        client,
        course.units[0],
        body="Brouillon PRIVÉ en cours",
        remove_attachment=[str(sent_file.pk)],
    )
    page = client.get(report_url(course.units[0])).content.decode()
    assert sent_file.filename not in page

    client.force_login(course.trainer)
    body = client.get(review_url(report)).content.decode()
    assert "Version envoyée" in body
    assert "Brouillon PRIVÉ" not in body
    # The photo they were sent stays readable for them.
    attachment_url = reverse("lms:report-attachment", args=[sent_file.pk])
    assert client.get(attachment_url).status_code == 200

    # Resubmitting sends the new version, without the removed photo.
    report = submit(client, course, body="Version revue")
    latest = report.latest_submission().snapshot
    assert latest["body"] == "<p>Version revue</p>"
    assert latest["attachments"] == []


def test_report_text_is_cleaned_before_anyone_reads_it(client, course):
    client.force_login(course.learner)
    post_report(
        client,
        course.units[0],
        action="submit",
        body="<p>Au <strong>marché</strong></p><script>alert('x')</script>"
        '<p><img src=x onerror="alert(1)"></p>',
    )
    report = the_report(course)
    assert report.body.startswith("<p>Au <strong>marché</strong></p>")
    assert "script" not in report.body and "onerror" not in report.body
    client.force_login(course.trainer)
    page = client.get(review_url(report)).content.decode()
    assert "<p>Au <strong>marché</strong></p>" in page
    assert "alert(" not in page
