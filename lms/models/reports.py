"""Field reports: what a learner did in their territory, and the trainer's answer.

A report belongs to one enrolment and one field assignment (named by the
assignment block's UUID, shared by every translation of the unit), so a
learner has one report per assignment, drafted, submitted, reviewed and
resubmitted as many times as needed.  Every submission and every review is
kept in the report's history.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media.fields import StoredFileField

REPORT_ATTACHMENT_MAX_SIZE = 100 * 1024 * 1024
REPORT_ATTACHMENT_TYPES = (
    "image/*",
    "audio/*",
    "video/*",
    "application/pdf",
    "text/plain",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


class FieldReportQuerySet(models.QuerySet):
    def for_learner(self, user):
        return self.filter(enrollment__learner=user)

    def for_trainer(self, user):
        from lms.models.cohorts import Cohort

        return self.filter(enrollment__cohort__in=Cohort.objects.managed_by(user))

    def awaiting_review(self):
        return self.filter(status=FieldReport.Status.SUBMITTED)


class FieldReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted, waiting for feedback")
        NEEDS_REVISION = "needs_revision", _("Needs revision")
        ACCEPTED = "accepted", _("Accepted")

    enrollment = models.ForeignKey(
        "lms.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="field_reports",
    )
    unit = models.ForeignKey(
        "lms.UnitPage",
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assignment_id = models.UUIDField(_("field assignment"))
    assignment_title = models.CharField(_("field assignment"), max_length=200)
    body = models.TextField(
        _("what you did"),
        help_text=_("What happened, who you met, what you learnt."),
    )
    place = models.CharField(_("place or territory"), max_length=200, blank=True)
    action_date = models.DateField(_("date of the action"), null=True, blank=True)
    people_reached = models.PositiveIntegerField(
        _("number of people reached"), null=True, blank=True
    )
    partners_involved = models.CharField(
        _("partners involved"), max_length=300, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FieldReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("field report")
        verbose_name_plural = _("field reports")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "assignment_id"],
                name="one_report_per_assignment",
            )
        ]

    def __str__(self):
        return self.assignment_title

    @property
    def editable_by_learner(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.NEEDS_REVISION)

    def latest_submission(self):
        """The last version the learner sent: what trainers read and review."""
        return (
            self.events.filter(kind=ReportEvent.Kind.SUBMITTED)
            .order_by("-created_at")
            .first()
        )

    def submitted_file_names(self) -> set[str]:
        names = set()
        for snapshot in self.events.filter(kind=ReportEvent.Kind.SUBMITTED).values_list(
            "snapshot", flat=True
        ):
            names.update(snapshot.get("attachments", []))
        return names

    def snapshot(self) -> dict:
        """What the trainer received, kept in the history as it was."""
        return {
            "body": self.body,
            "place": self.place,
            "action_date": self.action_date.isoformat() if self.action_date else "",
            "people_reached": self.people_reached,
            "partners_involved": self.partners_involved,
            # Read again: the request may have added or removed files since
            # ``attachments`` was loaded.
            "attachments": list(
                ReportAttachment.objects.filter(report=self, removed=False).values_list(
                    "file", flat=True
                )
            ),
        }

    def submit(self, user):
        self.status = self.Status.SUBMITTED
        self.submitted_at = timezone.now()
        self.save()
        return self.events.create(
            kind=ReportEvent.Kind.SUBMITTED, actor=user, snapshot=self.snapshot()
        )

    def review(self, user, status, feedback):
        self.status = status
        self.save(update_fields=["status", "updated_at"])
        return self.events.create(
            kind=ReportEvent.Kind.REVIEWED, actor=user, status=status, feedback=feedback
        )


class Attachment(models.Model):
    """A file joined by a participant; each kind declares its private field."""

    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class ReportAttachment(Attachment):
    """A file joined to a report: photos, a sound recording, a signed list."""

    report = models.ForeignKey(
        FieldReport, on_delete=models.CASCADE, related_name="attachments"
    )
    file = StoredFileField(
        _("file"),
        upload_to="field-reports",
        max_upload_size=REPORT_ATTACHMENT_MAX_SIZE,
        content_types=REPORT_ATTACHMENT_TYPES,
        upload_permission=None,
        private=True,
    )
    # A file the learner removed after submitting it stays, hidden, for the
    # history: trainers may still open what they were sent.
    removed = models.BooleanField(default=False)

    class Meta(Attachment.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class ReportEvent(models.Model):
    """One step of a report's history: a submission or a review."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        REVIEWED = "reviewed", _("Reviewed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(
        FieldReport, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=FieldReport.Status.choices, blank=True
    )
    feedback = models.TextField(_("feedback"), blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
