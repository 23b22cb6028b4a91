"""The LRS's document resources: activity state, activity and agent profiles.

One table for the three: they differ only in which keys name a document
(activity, agent, registration, the state or profile id).  Keys the kind
does not use are empty strings, so the unique constraint holds everywhere
(NULLs would never collide).  Documents are small by protocol (the request
body limit caps them) and kept in the database, whose transactions give
the ETag checks their atomicity.
"""

from django.db import models


class LRSDocument(models.Model):
    class Kind(models.TextChoices):
        STATE = "state"
        ACTIVITY_PROFILE = "activity_profile"
        AGENT_PROFILE = "agent_profile"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    activity = models.CharField(max_length=400, blank=True)
    # The agent's identifier (``lms.xapi.agents.actor_ifi``).
    agent = models.CharField(max_length=400, blank=True)
    registration = models.CharField(max_length=36, blank=True)
    document_id = models.CharField(max_length=400)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    # SHA-1 of the content, hex, as the spec's ETags are.
    etag = models.CharField(max_length=40)
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "activity", "agent", "registration", "document_id"],
                name="lms_lrsdocument_unique_key",
            )
        ]
        indexes = [
            models.Index(
                fields=["kind", "activity", "agent", "registration", "updated"]
            )
        ]
