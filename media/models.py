"""The record of a direct upload, from the browser's first request to the
moment another record takes its file.

An upload is private to the user who started it: every query goes through
``Upload.objects.for_owner(user)``, so another user's upload id is a 404.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UploadQuerySet(models.QuerySet):
    def for_owner(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def open(self):
        """Uploads that still hold storage nobody has taken."""
        return self.filter(state__in=[Upload.State.PENDING, Upload.State.COMPLETE])

    def expired(self, now=None):
        """Unclaimed uploads older than ``CHAINON_UPLOAD_LIFETIME``, counted
        from completion when finished (their token is valid that long)."""
        now = now or timezone.now()
        cutoff = now - timedelta(seconds=settings.CHAINON_UPLOAD_LIFETIME)
        return self.exclude(state=Upload.State.CLAIMED).filter(
            models.Q(completed_at__lt=cutoff)
            | models.Q(completed_at__isnull=True, created_at__lt=cutoff)
        )


class Upload(models.Model):
    """A file on its way into storage, sent by the browser in one request or
    in numbered parts, then checked and handed to the form that asked for it
    (an H5P package, a mediation resource's media)."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for the file")
        COMPLETE = "complete", _("received and checked")
        CLAIMED = "claimed", _("attached to a record")
        REJECTED = "rejected", _("rejected")
        CANCELLED = "cancelled", _("cancelled")

    class Strategy(models.TextChoices):
        SINGLE = "single", _("one request to the storage")
        MULTIPART = "multipart", _("numbered parts to the storage")
        LOCAL = "local", _("streamed through Chaînon")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="uploads",
        verbose_name=_("owner"),
    )
    target = models.CharField(
        _("for"),
        max_length=200,
        help_text=_("The file field that asked for this upload (app.model.field)."),
    )
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("declared type"), max_length=127)
    size = models.BigIntegerField(_("declared size in bytes"))
    name = models.CharField(
        _("stored name"),
        max_length=1024,
        unique=True,
        help_text=_("The object's name in the file storage."),
    )
    strategy = models.CharField(_("strategy"), max_length=16, choices=Strategy)
    part_size = models.BigIntegerField(_("part size in bytes"))
    multipart_id = models.CharField(
        _("S3 multipart upload id"), max_length=1024, blank=True
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State, default=State.PENDING
    )
    error = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = UploadQuerySet.as_manager()

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return self.filename

    @property
    def holds_storage(self) -> bool:
        """Whether deleting this record must delete its object too: once
        claimed, the object belongs to the record that took it."""
        return self.state in (self.State.PENDING, self.State.COMPLETE)


from media.h5p_models import H5PLibrary, H5PPackage  # noqa: E402

__all__ = ["H5PLibrary", "H5PPackage", "Upload"]
