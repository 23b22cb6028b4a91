"""E-mails people of a cohort receive: invitation, enrolment, reports, reviews.

Each e-mail is written in the recipient's language (the cohort's language
for learners) and sent as a background task, so a trainer importing two
hundred learners does not wait for two hundred SMTP round trips.
"""

from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template: str, recipient: str, language: str, context: dict):
    with translation.override(language):
        subject = render_to_string(f"lms/email/{template}_subject.txt", context)
        body = render_to_string(f"lms/email/{template}.txt", context)
    send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        None,
        [recipient],
    )


def _set_password_url(user, language: str) -> str:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
        )
    return absolute(path.replace("UID-KEY", quote(key)))


@task()
def send_enrolment_email(enrollment_id: int, invited: bool, language: str = ""):
    """Tell a learner they joined a cohort; a new account gets its set-password link."""
    from lms.models import Enrollment

    enrollment = (
        Enrollment.objects.select_related("cohort", "learner", "cohort__course")
        .filter(pk=enrollment_id)
        .first()
    )
    if enrollment is None:
        return
    cohort, learner = enrollment.cohort, enrollment.learner
    language = language or cohort.language
    with translation.override(language):
        course = cohort.course_in_language()
        context = {
            "learner": learner,
            "cohort": cohort,
            "course": course,
            "course_url": absolute(course.url or ""),
            "home_url": absolute(reverse("lms:home")),
            "set_password_url": _set_password_url(learner, language) if invited else "",
        }
    _send("invitation" if invited else "enrolled", learner.email, language, context)


@task()
def send_report_email(report_id: int, event_id: str):
    """Submission → the cohort's trainers; review → the learner."""
    from lms.models import FieldReport, ReportEvent

    report = (
        FieldReport.objects.select_related("enrollment__cohort", "enrollment__learner")
        .filter(pk=report_id)
        .first()
    )
    event = ReportEvent.objects.filter(pk=event_id).select_related("actor").first()
    if report is None or event is None:
        return
    cohort = report.enrollment.cohort
    language = cohort.language
    with translation.override(language):
        context = {
            "report": report,
            "event": event,
            "cohort": cohort,
            "learner": report.enrollment.learner,
            "review_url": absolute(reverse("lms:report-review", args=[report.pk])),
            "report_url": absolute(
                reverse("lms:report", args=[report.unit_id, report.assignment_id])
            )
            if report.unit_id
            else absolute(reverse("lms:home")),
        }
    if event.kind == ReportEvent.Kind.SUBMITTED:
        for trainer in cohort.trainers.all():
            _send("report_submitted", trainer.email, language, context)
    else:
        _send("report_reviewed", report.enrollment.learner.email, language, context)


@task()
def send_contribution_email(contribution_id: int):
    """Tell the author what became of their contribution."""
    from lms.models import Contribution

    contribution = (
        Contribution.objects.select_related("author", "module")
        .filter(pk=contribution_id)
        .first()
    )
    if contribution is None or contribution.module is None:
        return
    language = contribution.module.locale.language_code
    context = {
        "contribution": contribution,
        "module_url": absolute(contribution.module.url or ""),
    }
    _send("contribution_reviewed", contribution.author.email, language, context)


def notify(task_function, *args):
    """Send once the change is committed: a rolled-back change e-mails nobody."""
    transaction.on_commit(partial(task_function.enqueue, *args))
