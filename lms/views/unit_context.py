"""What a unit page needs beyond its blocks, loaded in a fixed number of queries.

The learner's own answers and reports for the unit's tracked blocks, the
due date of each field assignment (from their cohort's start), the
previous and next units of the course and the units of the module (from
the course outline, loaded once) with the learner's completion of each,
and a note of the visit so the learner home can offer to go back here.
"""

from datetime import timedelta

from django.utils import timezone

from lms.course_progress import (
    Tally,
    course_completion,
    has_required_activities,
    outline_units,
)
from lms.models import (
    ActivityProgress,
    FieldReport,
    LearnerAnswer,
    UnitVisit,
)


def remember_visit(user, unit):
    """Note the unit as the one to resume; no write when it already is."""
    key = unit.course.translation_key
    current = UnitVisit.objects.filter(learner=user, course_key=key).first()
    if current is None:
        UnitVisit.objects.get_or_create(
            learner=user, course_key=key, defaults={"unit": unit}
        )
    elif current.unit_id != unit.pk:
        UnitVisit.objects.filter(pk=current.pk).update(
            unit=unit, visited_at=timezone.now()
        )


def neighbours(units, unit):
    ids = [u.pk for u in units]
    if unit.pk not in ids:
        return None, None
    index = ids.index(unit.pk)
    previous = units[index - 1] if index > 0 else None
    following = units[index + 1] if index + 1 < len(ids) else None
    return previous, following


def unit_context(request, unit) -> dict:
    access = getattr(request, "unit_access", None)
    enrollment = access.enrollment if access else None
    user = request.user
    block_ids = [
        child.id
        for child in unit.body
        if child.block_type in ("reflection", "checklist", "field_assignment")
    ]
    state = {}
    if user.is_authenticated and block_ids:
        for answer in LearnerAnswer.objects.filter(
            learner=user, block_id__in=block_ids
        ):
            state[str(answer.block_id)] = {"answer": answer}
    if enrollment is not None:
        start = enrollment.cohort.start_date
        for child in unit.tracked_blocks("field_assignment"):
            state.setdefault(child.id, {})["due"] = start + timedelta(
                days=child.value["due_offset_days"] or 0
            )
        reports = FieldReport.objects.filter(
            enrollment=enrollment, assignment_id__in=block_ids
        )
        for report in reports:
            state.setdefault(str(report.assignment_id), {})["report"] = report
        remember_visit(user, unit)
    course = unit.course
    outline = course.outline()
    units = outline_units(outline)
    previous, following = neighbours(units, unit)
    module = next((m for m in outline if m.path == unit.path[: -unit.steplen]), None)
    if module is None:  # a unit outside the live outline (a preview)
        module = unit.module
        module.unit_list = []
    else:
        unit.module = module  # saves UnitPage.module its query
    completion = course_completion(user, course, outline)
    done = completion.units.get(unit.activity_iri)
    if done is None:  # outside the outline (a private unit): its own record
        done = (
            user.is_authenticated
            and ActivityProgress.objects.filter(
                learner=user, activity=unit.activity_iri, status="completed"
            ).exists()
        )
    context = {
        "course": course,
        "module": module,
        "access": access,
        "enrollment": enrollment,
        "block_state": state,
        "co_authors": list(unit.co_authors.select_related("person", "partner")),
        "unit_done": done,
        "completes_by_reports": has_required_activities(unit),
        "previous_unit": previous,
        "next_unit": following,
        "module_units": module.unit_list,
        "done_units": {iri for iri, is_done in completion.units.items() if is_done},
    }
    in_module = [u.pk for u in module.unit_list]
    learning = user.is_authenticated and (enrollment is not None or course.is_open)
    if learning and unit.pk in in_module:
        context["unit_position"] = in_module.index(unit.pk) + 1
        context["course_tally"] = Tally.of(units, completion)
    return context
