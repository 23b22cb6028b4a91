"""A learner's progress on each activity, derived from their statements.

One row per learner and activity IRI, kept by ``lms/progress.py`` as
statements arrive and rebuilt from the statement store on demand; the
rules themselves are in ``lms/progress_rules.py``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityProgress(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress"
    )
    activity = models.CharField(max_length=400)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    success = models.BooleanField(null=True)
    best_score = models.FloatField(null=True)
    last_score = models.FloatField(null=True)
    last_score_timestamp = models.CharField(max_length=40, blank=True)
    last_score_statement = models.CharField(max_length=36, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    first_at = models.CharField(max_length=40, blank=True)
    last_at = models.CharField(max_length=40, blank=True)
    time_spent = models.FloatField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progress")
        verbose_name_plural = _("progress")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "activity"], name="one_progress_per_activity"
            )
        ]
        # A sync script asks for what changed since its last run, oldest
        # first (?updated_since=…&ordering=updated_at): without this index
        # every page of the API scans and sorts the whole table.
        indexes = [models.Index(fields=["updated_at", "id"], name="progress_updated")]
