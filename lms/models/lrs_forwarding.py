"""The outbox of statements to forward to external LRSs.

A row per statement and endpoint, written in the transaction that stores
the statement, so nothing accepted is ever lost to a remote outage; a
background task sends due rows in batches and marks them sent once the
remote acknowledged them, so nothing is sent twice after an acknowledgement.
"""

from django.db import models

from .lrs import Statement


class ForwardingEntry(models.Model):
    # The name of the endpoint in ``CHAINON_LRS_FORWARD``.
    endpoint = models.CharField(max_length=100)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "statement"], name="lms_forwarding_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["endpoint", "next_attempt_at"],
                name="lms_forwarding_due",
                condition=models.Q(sent_at__isnull=True),
            )
        ]
