"""Attestations of completion: what a learner shows of a finished course.

One per learner and course (in any language), issued when the course is
completed (``lms/credentials.py``) and kept if the course changes later.
Its code is unguessable: the verification page that anyone holding it may
open names the person, the course and the date, as a paper attestation
would, and nothing else.  A coordinator may revoke one in the admin
(e.g. issued by mistake); the page then says so.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Credential(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="credentials",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    course = models.ForeignKey(
        "lms.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    course_title = models.CharField(_("course title"), max_length=255)
    cohort = models.ForeignKey(
        "lms.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credentials",
    )
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_code
    )
    completed_at = models.DateTimeField(_("completed"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("attestation of completion")
        verbose_name_plural = _("attestations of completion")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course_key"], name="one_credential_per_course"
            )
        ]

    def __str__(self):
        return f"{self.course_title} — {self.learner}"
