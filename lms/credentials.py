"""Issuing attestations of completion.

``settle_completions`` issues one the moment a course completes;
``issue_missing`` catches up on completions recorded another way (a
rebuild, an import, the demo), so every completed course has its
attestation whatever path its statements took.
"""

from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.activity import COURSE, activity_iri
from lms.models import ActivityProgress, CoursePage, Credential, Enrollment
from lms.progress import moment_of
from lms.progress_rules import COMPLETED_STATUS


def _cohort_of(user, course_key):
    enrollment = (
        Enrollment.objects.filter(
            learner=user, cohort__course__translation_key=course_key
        )
        .exclude(status=Enrollment.Status.PENDING)
        .order_by("-created_at")
        .select_related("cohort")
        .first()
    )
    return enrollment.cohort if enrollment else None


def issue_credential(user, course, completed_at=None) -> Credential:
    """The learner's attestation for this course, issued if missing."""
    found = Credential.objects.filter(
        learner=user, course_key=course.translation_key
    ).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Credential.objects.create(
                learner=user,
                course_key=course.translation_key,
                course=course,
                course_title=course.title,
                cohort=_cohort_of(user, course.translation_key),
                completed_at=completed_at or timezone.now(),
            )
    except IntegrityError:  # issued meanwhile by another request
        return Credential.objects.get(learner=user, course_key=course.translation_key)


def issue_missing() -> int:
    """Issue the attestations of every completed course that has none."""
    courses = {
        activity_iri(COURSE, course.translation_key): course
        for course in CoursePage.objects.filter(
            locale__language_code=_default_language()
        )
    }
    issued = set(Credential.objects.values_list("learner_id", "course_key"))
    count = 0
    rows = ActivityProgress.objects.filter(
        activity__in=list(courses), status=COMPLETED_STATUS
    ).select_related("learner")
    for row in rows:
        course = courses[row.activity]
        if (row.learner_id, UUID(str(course.translation_key))) in issued:
            continue
        issue_credential(row.learner, course, moment_of(row.first_at))
        count += 1
    return count


def _default_language() -> str:
    from wagtail.models import Locale

    return Locale.get_default().language_code
