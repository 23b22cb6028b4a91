from django.db import models

from media.fields import StoredFileField


class Recording(models.Model):
    """A record with a large optional file, as a mediation resource's media
    will be: video or audio only, up to 64 MiB."""

    title = models.CharField(max_length=100)
    file = StoredFileField(
        upload_to="recordings",
        blank=True,
        max_upload_size=64 * 1024 * 1024,
        content_types=("video/*", "audio/*"),
    )

    def __str__(self):
        return self.title


class Evidence(models.Model):
    """A file any signed-in user may upload, as a learner's field report."""

    file = StoredFileField(upload_to="evidence", upload_permission=None)
