"""Putting people into cohorts: by e-mail, from a file, with a join code.

The rules are the same whichever way a learner arrives: one account per
e-mail address (created and invited when missing), one enrolment per
cohort, nothing duplicated when the same person is added twice.  A learner
already enrolled and withdrawn is reinstated rather than added again.
"""

from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from cms.roles import LEARNER
from lms.models import Cohort, Enrollment
from lms.notifications import notify, send_enrolment_email


@dataclass(frozen=True)
class EnrolmentResult:
    enrollment: Enrollment
    account_created: bool
    enrolled: bool  # False when the person was already active in the cohort
    invited: bool = False  # an invitation (set-password link) is on its way


def find_or_invite(email: str, first_name: str = "", last_name: str = ""):
    """The account for ``email``, created without a password when missing.

    An address is someone's when it is their account's e-mail or one of their
    verified addresses.  A created account can only be entered through the
    set-password link of the invitation sent to that address; the address is
    marked verified, since following that link proves it.
    """
    User = get_user_model()
    email = email.strip().lower()
    existing = _owner_of(email)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            user = User(
                email=email,
                username=get_adapter().generate_unique_username(
                    [email, first_name, last_name, "learner"]
                ),
                first_name=first_name[:150],
                last_name=last_name[:150],
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get_or_create(name=LEARNER)[0])
            EmailAddress.objects.create(
                user=user, email=email, verified=True, primary=True
            )
    except IntegrityError:
        # Created meanwhile by another request (a double-submitted form).
        existing = _owner_of(email)
        if existing is None:
            raise
        return existing, False
    return user, True


def _owner_of(email: str):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


class AlreadyInCourse(Exception):
    """The learner is active in another cohort of the same course: their
    reports and progress belong to one cohort, so they are moved, not added."""

    def __init__(self, cohort):
        super().__init__(cohort.name)
        self.cohort = cohort

    def message(self) -> str:
        return gettext(
            "This learner already follows the course in the cohort “%(cohort)s”: "
            "move them from there instead."
        ) % {"cohort": self.cohort.name}


def _other_active_cohort(cohort, user):
    other = (
        Enrollment.objects.active()
        .filter(
            learner=user,
            cohort__course__translation_key=cohort.course.translation_key,
        )
        .exclude(cohort=cohort)
        .select_related("cohort")
        .first()
    )
    return other.cohort if other else None


def enrol(
    cohort: Cohort,
    user,
    *,
    source: str,
    status: str = Enrollment.Status.ACTIVE,
    notify_learner: bool = True,
    account_created: bool = False,
    language: str = "",
) -> EnrolmentResult:
    enrollment = Enrollment.objects.filter(cohort=cohort, learner=user).first()
    if enrollment is not None and enrollment.status == status:
        return EnrolmentResult(enrollment, account_created, enrolled=False)
    if status != Enrollment.Status.WITHDRAWN:
        elsewhere = _other_active_cohort(cohort, user)
        if elsewhere is not None:
            raise AlreadyInCourse(elsewhere)
    if enrollment is None:
        try:
            with transaction.atomic():
                enrollment = Enrollment.objects.create(
                    cohort=cohort, learner=user, source=source, status=status
                )
        except IntegrityError:
            enrollment = Enrollment.objects.get(cohort=cohort, learner=user)
            return EnrolmentResult(enrollment, account_created, enrolled=False)
    else:
        enrollment.status = status
        enrollment.save(update_fields=["status", "updated_at"])
    if notify_learner and status == Enrollment.Status.ACTIVE:
        notify(send_enrolment_email, enrollment.pk, account_created, language)
    return EnrolmentResult(enrollment, account_created, enrolled=True)


def enrol_by_email(
    cohort,
    email,
    *,
    first_name="",
    last_name="",
    language="",
    source=Enrollment.Source.ADDED,
):
    """Enrol the person with this address, inviting them if they have no account.

    Someone invited before who never chose a password (the link expires
    after a few days) is invited again when enrolled in another cohort,
    rather than sent a plain notice.
    """
    user, created = find_or_invite(email, first_name, last_name)
    invited = created or not user.has_usable_password()
    result = enrol(
        cohort, user, source=source, account_created=invited, language=language
    )
    return EnrolmentResult(
        result.enrollment,
        account_created=created,
        enrolled=result.enrolled,
        invited=invited and result.enrolled,
    )


class MoveRefused(Exception):
    pass


def move(enrollment: Enrollment, target: Cohort):
    """Move a learner to another cohort; their reports follow them."""
    if target.pk == enrollment.cohort_id:
        return enrollment
    if target.course.translation_key != enrollment.cohort.course.translation_key:
        raise MoveRefused("other_course")
    if Enrollment.objects.filter(cohort=target, learner=enrollment.learner_id).exists():
        raise MoveRefused("already_there")
    enrollment.cohort = target
    enrollment.save(update_fields=["cohort", "updated_at"])
    return enrollment
