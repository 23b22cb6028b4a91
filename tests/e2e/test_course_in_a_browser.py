"""A formation-action course, end to end in Chromium.

A trainer imports learners from a CSV file (preview, then confirm); the
learner signs in, reads a unit, keeps a private answer, writes a field
report with a photo sent by the direct-upload widget and submits it; the
trainer gives feedback, which the learner finds on their home page.
"""

import re

import pytest
from django.core.files.storage import default_storage

from lms.models import Enrollment, FieldReport, LearnerAnswer, ReportAttachment
from tests.e2e.browser_helpers import sign_in as sign_in_context
from tests.support.course_fixtures import assignment_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def sign_in(page, live_server, user):
    sign_in_context(page.context, live_server, user)


def test_trainer_imports_a_cohort_and_follows_a_learners_field_report(
    live_server, course, page, tmp_path
):
    base = live_server.url + "/en/learning"

    # The trainer imports two learners from a semicolon CSV saved by Excel.
    sign_in(page, live_server, course.trainer)
    roster = tmp_path / "promotion.csv"
    roster.write_bytes(
        "Prénom;Nom;Courriel\nHélène;Dupré;helene@example.org\n"
        "Karim;Benali;pas-une-adresse\n".encode("cp1252")
    )
    page.goto(f"{base}/cohorts/{course.cohort.pk}/import/")
    page.get_by_label("CSV file").set_input_files(str(roster))
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("heading", name="Import preview").wait_for()
    assert "Line 3" in page.locator("main").inner_text()
    assert not Enrollment.objects.filter(learner__email="helene@example.org").exists()
    page.get_by_role("button", name="Import 1 row").click()
    page.wait_for_url(re.compile(rf".*/cohorts/{course.cohort.pk}/$"))
    helene = Enrollment.objects.get(learner__email="helene@example.org").learner
    assert (helene.first_name, helene.last_name) == ("Hélène", "Dupré")

    # The learner reads the last unit of the first module and answers.
    sign_in(page, live_server, course.learner)
    unit = course.english[course.units[1].pk]
    page.goto(live_server.url + unit.url)
    page.get_by_label("Your answer (only you can read it)").fill("Les jeunes.")
    page.get_by_role("button", name="Save my answer").click()
    page.get_by_text("Only you can read it").first.wait_for()
    assert LearnerAnswer.objects.get(learner=course.learner).text == "Les jeunes."

    # ...then writes the field report, with a photo sent by the widget.
    page.get_by_role("link", name="Write my field report").click()
    page.locator("[contenteditable]").wait_for()  # the editor has replaced the box
    editor = page.get_by_role("textbox", name="What you did")
    editor.click()
    editor.press_sequentially("Deux heures au marché de ")
    page.get_by_role("toolbar").get_by_role("button", name="Bold").click()
    editor.press_sequentially("Noailles")
    page.get_by_label("Number of people reached").fill("23")
    photo = tmp_path / "marche.png"
    photo.write_bytes(PNG)
    page.set_input_files("[data-direct-upload-input]", str(photo))
    page.locator("[data-direct-upload-status]").get_by_text(
        re.compile("is uploaded")
    ).wait_for()
    page.get_by_role("button", name="Submit to my trainers").click()
    page.get_by_text("Your report was sent to your trainers.").wait_for()
    report = FieldReport.objects.get(enrollment=course.enrollment)
    assert report.status == FieldReport.Status.SUBMITTED
    assert report.people_reached == 23
    # Browsers drop or keep the space before a bold word; the bold stays.
    assert re.fullmatch(
        r"<p>Deux heures au marché de\s?<b>Noailles</b></p>", report.body
    )
    assert str(report.assignment_id) == assignment_of(course.units[1]).id
    attachment = ReportAttachment.objects.get(report=report)
    with default_storage.open(attachment.file.name) as stored:
        assert stored.read() == PNG

    # The trainer asks for a revision with written feedback.
    sign_in(page, live_server, course.trainer)
    page.goto(f"{base}/reports/{report.pk}/")
    page.get_by_label("Ask for a revision").check()
    page.get_by_label("Feedback to the learner").fill("Qui as-tu rencontré ?")
    page.get_by_role("button", name="Send my feedback").click()
    page.wait_for_url(re.compile(r".*/reports/$"))
    report.refresh_from_db()
    assert report.status == FieldReport.Status.NEEDS_REVISION

    # The learner finds the feedback at home, and the assignment still due.
    sign_in(page, live_server, course.learner)
    page.goto(f"{base}/")
    main = page.locator("main").inner_text()
    assert "Qui as-tu rencontré ?" in main
    assert "Needs revision" in main
