"""Co-construction: what participants bring back to a module.

A learner or trainer proposes a contribution (a field experience, a case
study, a resource, an improvement to a unit) from a module page; the
course's trainers review it.  Accepted contributions are credited to their
author in the module's "Contributions of the network" section, and a
trainer may turn one into a draft revision of a unit, with the author added
as co-author, to be moderated like any other change.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from media.fields import StoredFileField

from .reports import REPORT_ATTACHMENT_MAX_SIZE, REPORT_ATTACHMENT_TYPES, Attachment


class ContributionQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Contribution.Status.ACCEPTED)

    def accepted_for(self, module):
        """Accepted contributions to a module, from every language's version."""
        return (
            self.accepted()
            .filter(module_key=module.translation_key)
            .select_related("author")
            .prefetch_related("attachments")
            .order_by("-reviewed_at")
        )

    def accepted_counts(self, modules) -> dict:
        keys = [module.translation_key for module in modules]
        rows = (
            self.accepted()
            .filter(module_key__in=keys)
            .values("module_key")
            .annotate(count=Count("pk"))
        )
        return {row["module_key"]: row["count"] for row in rows}

    def for_reviewer(self, user):
        """Contributions to courses whose cohorts this person runs."""
        from lms.models.cohorts import Cohort

        if user.is_superuser:
            return self
        course_keys = Cohort.objects.managed_by(user).values("course__translation_key")
        return self.filter(course_key__in=course_keys)


class Contribution(models.Model):
    class Kind(models.TextChoices):
        EXPERIENCE = "experience", _("A field experience")
        CASE_STUDY = "case_study", _("A case study")
        RESOURCE = "resource", _("A resource")
        IMPROVEMENT = "improvement", _("An improvement to a unit")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        ACCEPTED = "accepted", pgettext_lazy("contribution", "Accepted")
        DECLINED = "declined", pgettext_lazy("contribution", "Declined")

    module = models.ForeignKey(
        "lms.ModulePage",
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The module and course identities shared by their translations, so a
    # contribution made in Lisbon counts for the French module too.
    module_key = models.UUIDField(db_index=True)
    course_key = models.UUIDField(db_index=True)
    unit = models.ForeignKey(
        "lms.UnitPage",
        verbose_name=_("unit it improves"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(_("note to the author"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    draft_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A form carries a fresh key: posting it twice makes one contribution.
    form_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def review(self, user, status, note):
        self.status = status
        self.reviewer = user
        self.review_note = note
        self.reviewed_at = timezone.now()
        self.save()


class ContributionAttachment(Attachment):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="attachments"
    )
    file = StoredFileField(
        _("file"),
        upload_to="contributions",
        max_upload_size=REPORT_ATTACHMENT_MAX_SIZE,
        content_types=REPORT_ATTACHMENT_TYPES,
        upload_permission=None,
        private=True,
    )
