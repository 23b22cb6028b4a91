"""What a unit page needs beyond its blocks, loaded in a fixed number of queries.

The learner's own answers and reports for the unit's tracked blocks, the
due date of each field assignment (from their cohort's start), the
previous and next units of the course, and a note of the visit so the
learner home can offer to resume here.
"""

from datetime import timedelta

from django.utils import timezone

from lms.models import (
    ActivityProgress,
    FieldReport,
    LearnerAnswer,
    UnitPage,
    UnitVisit,
)


def course_units(course):
    """The live units of a course in reading order (one query)."""
    return list(
        UnitPage.objects.descendant_of(course)
        .live()
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "slug")
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
    units = course_units(unit.course)
    previous, following = neighbours(units, unit)
    done = (
        user.is_authenticated
        and ActivityProgress.objects.filter(
            learner=user, activity=unit.activity_iri, status="completed"
        ).exists()
    )
    return {
        "course": unit.course,
        "module": unit.module,
        "access": access,
        "enrollment": enrollment,
        "block_state": state,
        "co_authors": list(unit.co_authors.select_related("person", "partner")),
        "unit_done": done,
        "previous_unit": previous,
        "next_unit": following,
    }
