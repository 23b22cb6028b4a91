"""Cohorts and enrolments: who follows a course, with whom, and where.

A cohort is a group of learners following one course together, in one
language and one territory, run by one or more trainers of a partner
institution.  An enrolment is a learner's place in it; it is never deleted
when a learner leaves (their reports and progress stay attached), it is
withdrawn.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: a code read aloud in a room or copied from a flyer.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class CohortQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The cohorts a person may run: their own, or all for an administrator."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(trainers=user).distinct()

    def with_counts(self):
        return self.annotate(
            active_count=Count(
                "enrollments",
                filter=Q(enrollments__status="active"),
                distinct=True,
            ),
            pending_count=Count(
                "enrollments",
                filter=Q(enrollments__status="pending"),
                distinct=True,
            ),
        )


class Cohort(models.Model):
    """A group of learners following one course together."""

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        "lms.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    partner = models.ForeignKey(
        "mediation.PartnerInstitution",
        verbose_name=_("partner institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    territory = models.CharField(
        _("city or territory"),
        max_length=200,
        help_text=_("Where the learners act, e.g. Marseille, quartiers sud."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="trained_cohorts",
    )
    join_code = models.CharField(
        _("join code"), max_length=16, unique=True, default=new_join_code
    )
    join_enabled = models.BooleanField(
        _("self-enrolment with the join link"), default=True
    )
    join_requires_approval = models.BooleanField(
        _("a trainer approves each self-enrolment"), default=False
    )
    stalled_after_days = models.PositiveSmallIntegerField(
        _("stalled after (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "A learner with no activity for this many days is flagged as "
            "stalled on the cohort's dashboard."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The key of the form that opened the cohort: posting it twice opens one.
    form_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]
        # The dashboards' rights, held by roles (cms/roles.py): the whole
        # network's figures, or those of the person's own partner.
        permissions = [
            ("view_network_figures", _("Can view the whole network's figures")),
            ("view_partner_figures", _("Can view their partner's figures")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="cohort_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name

    def is_run_by(self, user) -> bool:
        return user.is_authenticated and (
            user.is_superuser or self.trainers.filter(pk=user.pk).exists()
        )

    def course_in_language(self):
        """The course page in the cohort's language, or the course itself."""
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=self.language).first()
        if locale is None:
            return self.course
        return (self.course.get_translation_or_none(locale) or self.course).specific

    def regenerate_join_code(self):
        self.join_code = new_join_code()
        self.save(update_fields=["join_code"])


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Enrollment.Status.ACTIVE)

    def for_course(self, course):
        """Enrolments in any cohort of this course, in any of its languages."""
        return self.filter(cohort__course__translation_key=course.translation_key)

    def visible_to_trainer(self, user):
        return self.filter(cohort__in=Cohort.objects.managed_by(user))


class Enrollment(models.Model):
    """A learner's place in a cohort."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Active")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        ADDED = "added", _("Added by a trainer")
        IMPORTED = "imported", _("Imported from a file")
        JOINED = "joined", _("Joined with the link")

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    source = models.CharField(
        _("how they joined"), max_length=12, choices=Source.choices
    )
    created_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["learner__last_name", "learner__first_name", "learner__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "learner"], name="one_enrollment_per_cohort"
            )
        ]

    def __str__(self):
        return f"{self.learner} → {self.cohort}"
