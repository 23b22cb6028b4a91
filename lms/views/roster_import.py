"""Importing learners from a CSV file: upload, preview, confirm.

Nothing is written before the trainer has seen the preview: each row that
will be enrolled, each bad row with its line number and reason.  The rows
to import travel back with the confirmation as signed data (the file is
not kept on the server), and enrolling is idempotent, so importing the same
file twice creates no second account or enrolment.
"""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.enrolment import AlreadyInCourse, enrol_by_email
from lms.forms import RosterUploadForm
from lms.models import Enrollment
from lms.roster_csv import parse_roster
from lms.roster_messages import ROW_ERRORS, file_error_message

from .cohorts import cohort_run_by, trainer_required

SALT = "lms.roster-import"
PREVIEW_LIFETIME = 3600


def _preview(cohort, parsed):
    """What confirming will do to each row: invite, enrol, or nothing."""
    emails = [row.email for row in parsed.rows]
    known = set(
        get_user_model()
        .objects.annotate(key=Lower("email"))
        .filter(key__in=emails)
        .values_list("key", flat=True)
    ) | set(
        EmailAddress.objects.annotate(key=Lower("email"))
        .filter(key__in=emails, verified=True)
        .values_list("key", flat=True)
    )
    enrolled = set(
        Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.ACTIVE)
        .annotate(key=Lower("learner__email"))
        .filter(key__in=emails)
        .values_list("key", flat=True)
    )
    rows = []
    for row in parsed.rows:
        if row.email in enrolled:
            outcome = "already"
        elif row.email in known:
            outcome = "enrol"
        else:
            outcome = "invite"
        rows.append({"row": row, "outcome": outcome})
    return rows


@trainer_required
def roster_upload(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    context = {"cohort": cohort, "form": form}
    if request.method == "POST" and form.is_valid():
        parsed = parse_roster(form.cleaned_data["file"])
        if parsed.file_error:
            form.add_error("file", file_error_message(parsed))
        else:
            rows = _preview(cohort, parsed)
            payload = {
                "cohort": cohort.pk,
                "rows": [
                    [r.email, r.first_name, r.last_name, r.language]
                    for r in parsed.rows
                ],
            }
            context.update(
                rows=rows,
                errors=[
                    {"error": e, "message": ROW_ERRORS.get(e.code, e.code)}
                    for e in parsed.errors
                ],
                counts={
                    outcome: sum(1 for r in rows if r["outcome"] == outcome)
                    for outcome in ("invite", "enrol", "already")
                },
                payload=signing.dumps(payload, salt=SALT, compress=True),
            )
            return render(request, "lms/cohorts/import_preview.html", context)
    return render(request, "lms/cohorts/import.html", context)


@trainer_required
@require_POST
def roster_confirm(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    try:
        payload = signing.loads(
            request.POST.get("payload", ""), salt=SALT, max_age=PREVIEW_LIFETIME
        )
    except signing.BadSignature:
        messages.error(
            request,
            _("This preview has expired or was altered: upload the file again."),
        )
        return redirect("lms:roster-import", cohort_id=cohort.pk)
    if payload.get("cohort") != cohort.pk:
        messages.error(request, _("This preview was made for another cohort."))
        return redirect("lms:roster-import", cohort_id=cohort.pk)
    invited = enrolled = 0
    elsewhere = []
    with transaction.atomic():
        for email, first_name, last_name, language in payload["rows"]:
            try:
                result = enrol_by_email(
                    cohort,
                    email,
                    first_name=first_name,
                    last_name=last_name,
                    language=language,
                    source=Enrollment.Source.IMPORTED,
                )
            except AlreadyInCourse:
                elsewhere.append(email)
                continue
            invited += result.account_created
            enrolled += result.enrolled
    messages.success(
        request,
        _(
            "Import done: %(enrolled)s learners enrolled, of whom %(invited)s "
            "were invited to create their account; %(already)s were already there."
        )
        % {
            "enrolled": enrolled,
            "invited": invited,
            "already": len(payload["rows"]) - enrolled - len(elsewhere),
        },
    )
    if elsewhere:
        messages.warning(
            request,
            _(
                "Not added, because they follow this course in another cohort "
                "(move them from there): %(emails)s."
            )
            % {"emails": ", ".join(elsewhere)},
        )
    return redirect("lms:cohort", cohort_id=cohort.pk)
