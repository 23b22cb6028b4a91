"""The learner's side: "Mes formations", private answers, joining a cohort."""

import re
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from lms.access import unit_access
from lms.course_progress import (
    CourseProgress,
    course_outlines,
    courses_completion,
    outline_units,
)
from lms.enrolment import AlreadyInCourse, enrol
from lms.forms import AnswerForm
from lms.models import (
    Cohort,
    CoursePage,
    Credential,
    Enrollment,
    FieldReport,
    LearnerAnswer,
    ReportEvent,
    UnitPage,
    UnitVisit,
)
from lms.progress_rules import Completion

FEEDBACK_SHOWN = 5


def _courses_in_language(keys):
    """The courses of these translation keys, in the reader's language if any."""
    active = Locale.get_active()
    found = {}
    for course in (
        CoursePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
    ):
        current = found.get(course.translation_key)
        if current is None or course.locale_id == active.pk:
            found[course.translation_key] = course
    return found


def field_assignments(unit):
    """A unit's field assignments read from the stored JSON: no chooser block
    (image, document) of the unit is loaded for a list of titles and dates."""
    return [item for item in unit.body.raw_data if item["type"] == "field_assignment"]


def _elsewhere(visited, progress, units):
    """The unit last opened, in the language of the course card, unless
    "Resume" leads there already or every unit is done."""
    if visited is None or progress.completed:
        return None
    following = progress.next_unit
    if following is not None and following.translation_key == visited.translation_key:
        return None
    same = (u for u in units if u.translation_key == visited.translation_key)
    return next(same, visited)


@login_required
def my_courses(request):
    """The learner home: courses to resume, field assignments due, feedback.

    Each course card shows the learner's share done and a button to the
    first unit not completed; the outlines and the progress of all the
    courses are loaded together, so the queries do not grow with courses.
    """
    enrollments = list(
        Enrollment.objects.filter(learner=request.user)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort", "cohort__course__locale")
        .order_by("-cohort__start_date")
    )
    keys = {e.cohort.course.translation_key for e in enrollments}
    courses = _courses_in_language(keys)
    outlines = course_outlines(courses.values())
    completions = courses_completion(request.user, courses.values(), outlines)
    visits = {
        visit.course_key: visit.unit
        for visit in UnitVisit.objects.filter(
            learner=request.user, course_key__in=keys
        ).select_related("unit")
    }
    reports = {
        (report.enrollment_id, str(report.assignment_id)): report
        for report in FieldReport.objects.for_learner(request.user)
    }
    credentials = {
        credential.course_key: credential
        for credential in Credential.objects.filter(
            learner=request.user, course_key__in=keys, revoked_at__isnull=True
        )
    }
    rows, due = [], []
    for enrollment in enrollments:
        key = enrollment.cohort.course.translation_key
        course = courses.get(key, enrollment.cohort.course)
        outline = outlines.get(course.pk, [])
        course_units = outline_units(outline)
        progress = CourseProgress.of(outline, completions.get(course.pk, Completion()))
        visited = visits.get(key)
        visited = visited if visited and visited.live else None
        rows.append(
            {
                "enrollment": enrollment,
                "course": course,
                "progress": progress,
                # The last unit opened, offered beside "Resume" when elsewhere.
                "resume": visited,
                "other_visit": _elsewhere(visited, progress, course_units),
                "first_unit": course_units[0] if course_units else None,
                "unit_count": len(course_units),
                "credential": credentials.get(key),
            }
        )
        if enrollment.status != Enrollment.Status.ACTIVE:
            continue
        for unit in course_units:
            for child in field_assignments(unit):
                report = reports.get((enrollment.pk, child["id"]))
                if report and report.status in (
                    FieldReport.Status.SUBMITTED,
                    FieldReport.Status.ACCEPTED,
                ):
                    continue
                due.append(
                    {
                        "title": child["value"]["title"],
                        "unit": unit,
                        "assignment_id": child["id"],
                        "due": enrollment.cohort.start_date
                        + timedelta(days=child["value"].get("due_offset_days") or 0),
                        "report": report,
                        "course": course,
                    }
                )
    due.sort(key=lambda item: item["due"])
    feedback = (
        ReportEvent.objects.filter(
            kind=ReportEvent.Kind.REVIEWED, report__enrollment__learner=request.user
        )
        .select_related("report", "actor")
        .order_by("-created_at")[:FEEDBACK_SHOWN]
    )
    return render(
        request,
        "lms/my_courses.html",
        {"rows": rows, "due": due, "feedback": feedback},
    )


@login_required
@require_POST
def save_answer(request, unit_id, block_id):
    """Keep a learner's reflection answer or checklist ticks; only they see them."""
    unit = get_object_or_404(UnitPage.objects.live(), pk=unit_id)
    if not unit_access(request.user, unit).allowed:
        return HttpResponseForbidden(_("Enrol in the course to answer."))
    block = next(
        (
            child
            for child in unit.body
            if child.id == str(block_id)
            and child.block_type in ("reflection", "checklist")
        ),
        None,
    )
    if block is None:
        raise Http404
    items = len(block.value["items"]) if block.block_type == "checklist" else 0
    form = AnswerForm(request.POST, item_count=items)
    if not form.is_valid():
        messages.error(
            request,
            _("Your answer could not be saved: it is too long.")
            if "text" in form.errors
            else _("Your ticks could not be saved: tick items of this list only."),
        )
        return redirect(f"{unit.url}#block-{block.id}")
    LearnerAnswer.objects.update_or_create(
        learner=request.user,
        block_id=block.id,
        defaults={
            "unit": unit,
            "text": form.cleaned_data["text"] if not items else "",
            "checked": sorted(set(form.cleaned_data["checked"])) if items else [],
        },
    )
    messages.success(request, _("Saved. Only you can read it."))
    return redirect(f"{unit.url}#block-{block.id}")


def join_form(request):
    """Type a code received from a trainer."""
    code = re.sub(r"[^A-Z0-9]", "", request.GET.get("code", "").upper())[:16]
    if code:
        return redirect("lms:join", code=code)
    return render(request, "lms/join_form.html")


@login_required
def join(request, code):
    """Self-enrolment with a cohort's link or code, approved by a trainer if asked."""
    cohort = Cohort.objects.filter(join_code=code.upper(), join_enabled=True).first()
    if cohort is None:
        return render(request, "lms/join_unknown.html", {"code": code}, status=404)
    enrollment = Enrollment.objects.filter(cohort=cohort, learner=request.user).first()
    if request.method == "POST":
        if enrollment and enrollment.status == Enrollment.Status.WITHDRAWN:
            messages.error(
                request, _("You left this cohort; ask your trainer to add you again.")
            )
            return redirect("lms:home")
        if enrollment is None:
            status = (
                Enrollment.Status.PENDING
                if cohort.join_requires_approval
                else Enrollment.Status.ACTIVE
            )
            try:
                enrol(
                    cohort,
                    request.user,
                    source=Enrollment.Source.JOINED,
                    status=status,
                    notify_learner=False,
                )
            except AlreadyInCourse as error:
                messages.error(
                    request,
                    _("You already follow this course in the cohort “%(cohort)s”.")
                    % {"cohort": error.cohort.name},
                )
                return redirect("lms:home")
            if status == Enrollment.Status.PENDING:
                messages.info(
                    request, _("Your request was sent to the cohort's trainers.")
                )
            else:
                messages.success(request, _("Welcome to the cohort!"))
        return redirect("lms:home")
    return render(
        request,
        "lms/join.html",
        {
            "cohort": cohort,
            "course": cohort.course_in_language(),
            "enrollment": enrollment,
        },
    )


@login_required
@require_POST
def mark_done(request, unit_id):
    """The learner says they finished a unit; on to the next one."""
    from lms.course_progress import has_required_activities, mark_unit_done
    from lms.views.unit_context import neighbours

    unit = get_object_or_404(UnitPage.objects.live(), pk=unit_id)
    if not unit_access(request.user, unit).allowed:
        return HttpResponseForbidden(_("Enrol in the course to record your progress."))
    if has_required_activities(unit):
        messages.error(
            request,
            _("This unit is complete once its required activities are done."),
        )
        return redirect(unit.url)
    outline = unit.course.outline()
    with transaction.atomic():
        completion = mark_unit_done(request.user, unit, outline)
    if completion.course:
        messages.success(request, _("Course completed: congratulations!"))
    else:
        messages.success(request, _("Unit marked as done."))
    _previous, following = neighbours(outline_units(outline), unit)
    return redirect(following.url if following else unit.course.url)


def credential(request, code):
    """An attestation of completion, for whoever holds its code: the learner,
    and the employer or funder they show it to.  Names the person, the course
    and the date; says so if it was revoked."""
    found = get_object_or_404(
        Credential.objects.select_related("learner", "cohort__partner"),
        code=code.upper(),
    )
    response = render(request, "lms/credential.html", {"credential": found})
    response["X-Robots-Tag"] = "noindex"
    return response
