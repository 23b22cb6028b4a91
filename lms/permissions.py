"""Who may see which figures: one answer for the dashboards, their exports
and (later) the API, so the same person never sees more through one door
than through another.

Trainers see the people of the cohorts they run, by name.  Coordinators see
counts only: a Network coordinator the whole network, a Partner coordinator
their own institution (named on their account).  Learners see themselves.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from cms.roles import TRAINER
from lms.cohort_matrix import course_activity_iris
from lms.models import (
    ActivityProgress,
    Cohort,
    Contribution,
    CoursePage,
    Enrollment,
    FieldReport,
)


@dataclass(frozen=True)
class FiguresScope:
    """The partners whose figures a person may see: all, or some by
    translation key (a partner exists once per language)."""

    all_partners: bool
    partner_keys: frozenset = frozenset()

    def allows_partner(self, partner) -> bool:
        return self.all_partners or partner.translation_key in self.partner_keys


def figures_scope(user) -> FiguresScope | None:
    """The person's scope on the network's figures, ``None`` if they have none."""
    if not user.is_authenticated:
        return None
    if user.is_superuser or user.has_perm("lms.view_network_figures"):
        return FiguresScope(all_partners=True)
    if user.has_perm("lms.view_partner_figures") and user.partner_id:
        return FiguresScope(
            all_partners=False,
            partner_keys=frozenset([user.partner.translation_key]),
        )
    return None


def cohorts_for_figures(scope: FiguresScope):
    """The cohorts whose counts a scope covers."""
    cohorts = Cohort.objects.all()
    if not scope.all_partners:
        cohorts = cohorts.filter(partner__translation_key__in=scope.partner_keys)
    return cohorts


def is_trainer(user) -> bool:
    """Whether the person may open cohorts and run them."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=TRAINER).exists()
    )


def run_cohorts(user):
    """The cohorts a person runs, while they hold the Trainer role: someone
    who lost it keeps their name on the cohort but no longer runs it, as
    every trainer page says (403)."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    # One filter() call: both conditions bear on the same trainer row, so
    # the role costs a join, not a query.
    return Cohort.objects.filter(
        trainers=user, trainers__groups__name=TRAINER
    ).distinct()


def trained_cohort_or_404(user, cohort_id) -> Cohort:
    """A cohort the person runs, else 404: someone else's cohort is not
    confirmed to exist (its dashboard and exports name people)."""
    cohort = (
        run_cohorts(user)
        .select_related("course", "partner")
        .filter(pk=cohort_id)
        .first()
    )
    if cohort is None:
        raise Http404
    return cohort


# -- What the API lists ------------------------------------------------------------
# The same rules as the dashboards, as querysets: the API filters with them,
# so a list can never hold a row the person could not see on a page.


def cohorts_visible_to(user):
    """The cohorts a person may see described (name, dates, counts): those
    they run, and those their figures cover.  Learners as such see none:
    they have no cohort page either, only their own course pages."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    scope = figures_scope(user)
    if scope is not None and scope.all_partners:
        return Cohort.objects.all()
    visible = Q(pk__in=run_cohorts(user).values("pk"))
    if scope is not None:
        visible |= Q(partner__translation_key__in=scope.partner_keys)
    return Cohort.objects.filter(visible)


def progress_visible_to(user):
    """The progress rows a person may read: their own; for the cohorts they
    see, the rows of their learners (enrolled in any status) on the
    activities of the cohort's course, as the cohort's pages show them;
    every row for the whole network's coordinators and administrators.

    The rows carry a learner's id, never a name: coordinators, who see
    counts on the dashboards, get figures they can count, not people."""
    if not user.is_authenticated:
        return ActivityProgress.objects.none()
    scope = figures_scope(user)
    if scope is not None and scope.all_partners:
        return ActivityProgress.objects.all()
    visible = Q(learner=user)
    for course in _courses_of(cohorts_visible_to(user)):
        visible |= in_course_of_cohorts(
            cohorts_visible_to(user).filter(course=course), course
        )
    return ActivityProgress.objects.filter(visible)


def in_course_of_cohorts(cohorts, course) -> Q:
    """The rows of these cohorts' learners on their course's activities."""
    learners = Enrollment.objects.filter(cohort__in=cohorts).values("learner_id")
    return Q(learner__in=learners, activity__in=course_activity_iris(course))


def _courses_of(cohorts):
    return CoursePage.objects.filter(pk__in=cohorts.values("course_id")).order_by("pk")


def field_reports_visible_to(user):
    """A learner's own reports, drafts included; and, for the trainers of
    a cohort, its learners' reports once submitted (a draft is the
    learner's until they send it)."""
    if not user.is_authenticated:
        return FieldReport.objects.none()
    reviewed = Q(enrollment__cohort__in=run_cohorts(user)) & ~Q(
        status=FieldReport.Status.DRAFT
    )
    return FieldReport.objects.filter(Q(enrollment__learner=user) | reviewed)


def may_review_contribution(user, contribution) -> bool:
    """The trainers of a cohort of the course (any language) review it."""
    return user.is_authenticated and (
        user.is_superuser
        or run_cohorts(user)
        .filter(course__translation_key=contribution.course_key)
        .exists()
    )


def contributions_visible_to(user):
    """A person's own contributions, and those they may review."""
    if not user.is_authenticated:
        return Contribution.objects.none()
    if user.is_superuser:
        return Contribution.objects.all()
    reviewed = Contribution.objects.filter(
        course_key__in=run_cohorts(user).values("course__translation_key")
    ).values("pk")
    return Contribution.objects.filter(Q(author=user) | Q(pk__in=reviewed))
