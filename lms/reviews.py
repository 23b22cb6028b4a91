"""A trainer's decision on a field report or a contribution, whichever door.

The review page and the API call the same two functions, so a decision is
taken, recorded and announced one way: under a row lock (two trainers
clicking at once: the second finds the item already reviewed), with the
learner told once the decision is committed.
"""

from django.db import transaction

from lms.course_progress import accept_field_report
from lms.models import Contribution, FieldReport
from lms.notifications import notify, send_contribution_email, send_report_email


class AlreadyReviewed(Exception):
    """The item is no longer waiting for a decision."""


def review_field_report(report: FieldReport, user, status: str, feedback: str):
    """Accept a submitted report or send it back; the history keeps the event."""
    with transaction.atomic():
        locked = FieldReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != FieldReport.Status.SUBMITTED:
            raise AlreadyReviewed
        event = locked.review(user, status, feedback)
        if locked.status == FieldReport.Status.ACCEPTED:
            accept_field_report(locked, user)
    notify(send_report_email, report.pk, str(event.pk))
    report.refresh_from_db()
    return event


def review_contribution(contribution: Contribution, user, status: str, note: str):
    """Accept (and credit) or decline a contribution waiting for review."""
    with transaction.atomic():
        locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if locked.status != Contribution.Status.SUBMITTED:
            raise AlreadyReviewed
        locked.review(user, status, note)
    notify(send_contribution_email, contribution.pk)
    contribution.refresh_from_db()
