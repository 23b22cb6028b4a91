"""Who may read a unit.

Course and module pages are public; units are served to people with an
active enrolment in one of the course's cohorts (in any language), to the
course's trainers and editors, and to everyone when the course is open.
"""

from dataclasses import dataclass

from lms.models.cohorts import Cohort, Enrollment


@dataclass(frozen=True)
class UnitAccess:
    allowed: bool
    needs_login: bool = False
    enrollment: Enrollment | None = None
    as_staff: bool = False


def active_enrollment(user, course) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.active()
        .for_course(course)
        .filter(learner=user)
        .select_related("cohort")
        .order_by("-cohort__start_date")
        .first()
    )


def is_course_staff(user, course) -> bool:
    """Trainers of one of the course's cohorts, and people who may edit it."""
    if user.is_superuser:
        return True
    runs_a_cohort = Cohort.objects.filter(
        course__translation_key=course.translation_key, trainers=user
    ).exists()
    return runs_a_cohort or course.permissions_for_user(user).can_edit()


def unit_access(user, unit) -> UnitAccess:
    course = unit.course
    enrollment = active_enrollment(user, course)
    if enrollment is not None:
        return UnitAccess(allowed=True, enrollment=enrollment)
    if course.is_open:
        return UnitAccess(allowed=True)
    if not user.is_authenticated:
        return UnitAccess(allowed=False, needs_login=True)
    if is_course_staff(user, course):
        return UnitAccess(allowed=True, as_staff=True)
    return UnitAccess(allowed=False)
