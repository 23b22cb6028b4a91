"""What a learner keeps for themselves on a unit: answers, ticks, where they were.

Reflection answers and checklist ticks are private: only their author reads
them, trainers included out.  The last unit opened in each course lets the
learner home offer "resume where you left off" until progress tracking
(xAPI) knows more.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LearnerAnswer(models.Model):
    """A learner's answer to a reflection question, or their checklist ticks."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.UUIDField()
    # The language version answered from; the block (and the answer) lives
    # on in the other versions if this one is deleted.
    unit = models.ForeignKey(
        "lms.UnitPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(blank=True)
    checked = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "block_id"], name="one_answer_per_block"
            )
        ]


class UnitVisit(models.Model):
    """The last unit a learner opened in a course (one row per course)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    course_key = models.UUIDField()
    unit = models.ForeignKey("lms.UnitPage", on_delete=models.CASCADE, related_name="+")
    visited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course_key"], name="one_visit_per_course"
            )
        ]
