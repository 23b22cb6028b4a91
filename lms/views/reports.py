"""Field reports: the learner writes and submits, a trainer of the cohort reviews.

A learner may only report on an assignment of a course they are actively
enrolled in (403 otherwise), and only while the report is a draft or sent
back for revision; a trainer only reviews reports of cohorts they run.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.access import active_enrollment
from lms.forms import FieldReportForm, ReviewForm
from lms.models import FieldReport, ReportAttachment, UnitPage
from lms.notifications import notify, send_report_email
from lms.reviews import AlreadyReviewed, review_field_report
from media.responses import stored_file_response

from .cohorts import cohort_run_by, trainer_required

REPORTS_PER_PAGE = 30


def _assignment(unit, assignment_id):
    for child in unit.tracked_blocks("field_assignment"):
        if child.id == str(assignment_id):
            return child
    raise Http404


@login_required
def report_edit(request, unit_id, assignment_id):
    unit = get_object_or_404(UnitPage.objects.live(), pk=unit_id)
    assignment = _assignment(unit, assignment_id)
    enrollment = active_enrollment(request.user, unit.course)
    if enrollment is None:
        raise PermissionDenied(_("Enrol in the course to send a field report."))
    report = (
        FieldReport.objects.filter(enrollment=enrollment, assignment_id=assignment_id)
        .prefetch_related(
            Prefetch(
                "attachments", queryset=ReportAttachment.objects.filter(removed=False)
            )
        )
        .first()
    )
    can_edit = report is None or report.editable_by_learner
    form = FieldReportForm(
        request.POST or None,
        request.FILES or None,
        instance=report,
        for_user=request.user,
    )
    if request.method == "POST":
        if not can_edit:
            messages.error(
                request, _("This report was already submitted; wait for feedback.")
            )
            return redirect("lms:report", unit_id=unit.pk, assignment_id=assignment_id)
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            try:
                report, event = _save_report(
                    request, form, enrollment, unit, assignment, submit=submit
                )
            except ReportNotEditable:
                messages.error(
                    request, _("This report was already submitted; wait for feedback.")
                )
                return redirect(
                    "lms:report", unit_id=unit.pk, assignment_id=assignment_id
                )
            if event is not None:
                notify(send_report_email, report.pk, str(event.pk))
                messages.success(request, _("Your report was sent to your trainers."))
            else:
                messages.success(request, _("Your draft was saved."))
            return redirect("lms:report", unit_id=unit.pk, assignment_id=assignment_id)
    return render(
        request,
        "lms/reports/edit.html",
        {
            "unit": unit,
            "course": unit.course,
            "assignment": assignment,
            "report": report,
            "form": form,
            "can_edit": can_edit,
            "events": report.events.select_related("actor") if report else [],
            "enrollment": enrollment,
        },
    )


class ReportNotEditable(Exception):
    """The report was submitted (or accepted) meanwhile, by another post."""


def _save_report(request, form, enrollment, unit, assignment, *, submit):
    """Write the learner's report, and submit it if asked, under a row lock.

    One report per assignment: a form posted twice at once neither makes a
    second report, nor overwrites or resubmits one that the first post
    submitted; the second post gets ``ReportNotEditable``.
    """
    fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
    fields["body"] = fields["body"] or ""
    fields.update(unit=unit, assignment_title=assignment.value["title"][:200])
    mine = FieldReport.objects.select_for_update().filter(
        enrollment=enrollment, assignment_id=assignment.id
    )
    with transaction.atomic():
        report = mine.first()
        if report is None:
            try:
                with transaction.atomic():
                    report = FieldReport.objects.create(
                        enrollment=enrollment, assignment_id=assignment.id, **fields
                    )
            except IntegrityError:
                report = mine.get()  # made meanwhile by the other post
        if not report.editable_by_learner:
            raise ReportNotEditable
        for name, value in fields.items():
            setattr(report, name, value)
        report.save()
        removed = [
            pk for pk in request.POST.getlist("remove_attachment") if pk.isdigit()
        ]
        if removed:
            submitted = report.submitted_file_names()
            for attachment in report.attachments.filter(pk__in=removed, removed=False):
                if attachment.file.name in submitted:
                    attachment.removed = True
                    attachment.save(update_fields=["removed"])
                else:
                    attachment.delete()
        if form.cleaned_data.get("attachment"):
            ReportAttachment.objects.create(
                report=report, file=form.cleaned_data["attachment"]
            )
        event = report.submit(request.user) if submit else None
    return report, event


def _report_for_trainer(request, report_id) -> FieldReport:
    report = get_object_or_404(
        FieldReport.objects.select_related(
            "enrollment__cohort", "enrollment__learner", "unit"
        ),
        pk=report_id,
    )
    if not report.enrollment.cohort.is_run_by(request.user):
        raise PermissionDenied
    if report.status == FieldReport.Status.DRAFT:
        # A draft is the learner's until they submit it.
        raise Http404
    return report


@trainer_required
def report_review(request, report_id):
    report = _report_for_trainer(request, report_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if report.status != FieldReport.Status.SUBMITTED:
            messages.error(request, _("This report is not waiting for feedback."))
            return redirect("lms:report-review", report_id=report.pk)
        if form.is_valid():
            try:
                review_field_report(
                    report,
                    request.user,
                    form.cleaned_data["status"],
                    form.cleaned_data["feedback"],
                )
            except AlreadyReviewed:
                messages.error(request, _("This report is not waiting for feedback."))
                return redirect("lms:report-review", report_id=report.pk)
            messages.success(request, _("Your feedback was sent to the learner."))
            return redirect("lms:cohort-reports", cohort_id=report.enrollment.cohort_id)
    submission = report.latest_submission()
    sent = submission.snapshot if submission else {}
    return render(
        request,
        "lms/reports/review.html",
        {
            "report": report,
            "form": form,
            "events": report.events.select_related("actor"),
            "submission": submission,
            "sent": sent,
            "attachments": report.attachments.filter(
                file__in=sent.get("attachments", [])
            ),
        },
    )


@trainer_required
def cohort_reports(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    reports = (
        FieldReport.objects.filter(enrollment__cohort=cohort)
        .select_related("enrollment__learner")
        .exclude(status=FieldReport.Status.DRAFT)
    )
    status = request.GET.get("status", "")
    if status in FieldReport.Status.values:
        reports = reports.filter(status=status)
    page = Paginator(reports.order_by("-submitted_at"), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "lms/reports/list.html",
        {
            "cohort": cohort,
            "page": page,
            "status": status,
            "statuses": [
                s
                for s in FieldReport.Status.choices
                if s[0] != FieldReport.Status.DRAFT
            ],
        },
    )


@login_required
def report_attachment(request, attachment_id):
    """A report's file, for its author and the cohort's trainers only."""
    attachment = get_object_or_404(
        ReportAttachment.objects.select_related(
            "report__enrollment__cohort", "report__enrollment"
        ),
        pk=attachment_id,
    )
    report = attachment.report
    enrollment = report.enrollment
    is_author = enrollment.learner_id == request.user.pk
    # Trainers open the files they were sent, never those of a draft.
    is_reviewer = (
        enrollment.cohort.is_run_by(request.user)
        and attachment.file.name in report.submitted_file_names()
    )
    if not (is_author or is_reviewer):
        raise Http404
    return stored_file_response(request, attachment.file.storage, attachment.file.name)
