"""A resource's files, in the order visitors meet them.

Each item is one file of a known kind (image, panorama, 3D model, video,
audio, PDF) or an H5P package, with what makes it accessible: a text
alternative, caption and description tracks per language, transcripts, a
sign-language video and an audio-description track.  Files go through the
direct-upload path (large videos go browser → S3) and are checked against
their kind when the page is saved.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from media.fields import StoredFileField
from media.storage_access import read_head
from mediation import media_checks
from mediation import vocabulary as vocab
from mediation.blocks import TracksBlock

ALL_MEDIA_TYPES = tuple(
    sorted({t for types in vocab.MEDIA_KIND_TYPES.values() for t in types})
)
# Editors work in the admin; who may touch which page is the page's rights.
EDITORS = "wagtailadmin.access_admin"
IMAGE_KINDS = ("image", "panorama")


def _name_of(value) -> str | None:
    """A file field's raw value as its name; ``None`` when not loaded."""
    return getattr(value, "name", value)


class MediaItem(Orderable):
    page = ParentalKey(
        "mediation.MediationResourcePage",
        on_delete=models.CASCADE,
        related_name="media_items",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=vocab.MEDIA_KINDS)
    title = models.CharField(
        _("caption"), max_length=255, blank=True, help_text=_("Shown under the media.")
    )
    file = StoredFileField(
        _("file"),
        upload_to="mediation",
        blank=True,
        content_types=ALL_MEDIA_TYPES,
        upload_permission=EDITORS,
    )
    h5p_package = models.ForeignKey(
        "media.H5PPackage",
        verbose_name=_("H5P package"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For an H5P activity: a package that is ready."),
    )
    text_alternative = models.TextField(
        _("text alternative"),
        blank=True,
        help_text=_(
            "What the image or object shows, for people who cannot see it. "
            "Required for images, panoramas and 3D models."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language spoken or written in the file, if any."),
    )
    mime_type = models.CharField(
        _("MIME type"), max_length=100, blank=True, editable=False
    )
    size = models.BigIntegerField(
        _("size in bytes"), null=True, blank=True, editable=False
    )
    width = models.PositiveIntegerField(_("width (pixels)"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height (pixels)"), null=True, blank=True)
    duration = models.FloatField(
        _("duration (seconds)"),
        null=True,
        blank=True,
        help_text=_("For audio and video."),
    )
    tracks = StreamField(
        TracksBlock(), blank=True, verbose_name=_("captions and transcripts")
    )
    sign_language_video = StoredFileField(
        _("sign-language video"),
        upload_to="mediation",
        blank=True,
        content_types=vocab.MEDIA_KIND_TYPES["video"],
        upload_permission=EDITORS,
    )
    audio_description = StoredFileField(
        _("audio-description track"),
        upload_to="mediation",
        blank=True,
        content_types=vocab.MEDIA_KIND_TYPES["audio"],
        upload_permission=EDITORS,
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("file"),
        FieldPanel("h5p_package"),
        FieldPanel("title"),
        FieldPanel("text_alternative"),
        FieldPanel("language"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("width"), FieldPanel("height")]),
                FieldPanel("duration"),
            ],
            heading=_("Dimensions"),
        ),
        FieldPanel("tracks"),
        FieldPanel("sign_language_video"),
        FieldPanel("audio_description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("media item")
        verbose_name_plural = _("media items")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The file whose size, type and dimensions the record holds: once
        # the file is replaced they describe the old one and are read again.
        # Read from __dict__ so that a deferred field costs no query.
        self._described = _name_of(self.__dict__.get("file"))

    def __str__(self):
        return self.title or self.get_kind_display()

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == "h5p":
            if self.h5p_package is None:
                errors["h5p_package"] = _("Choose the H5P package to play.")
            elif self.h5p_package.status != self.h5p_package.Status.READY:
                errors["h5p_package"] = _("This package is not ready to play.")
        elif not self.file:
            errors["file"] = _("Add the file.")
        else:
            found = self._check_file(self.file.name)
            if found:
                errors["file"] = found
        if (
            self.kind in vocab.NEEDS_TEXT_ALTERNATIVE
            and not self.text_alternative.strip()
        ):
            errors["text_alternative"] = _(
                "Describe what it shows, for people who cannot see it."
            )
        for field, kind in (
            ("sign_language_video", "video"),
            ("audio_description", "audio"),
        ):
            name = getattr(self, field).name
            if name:
                found = media_checks.problems(kind, name, self._head(name, 64))
                if found:
                    errors[field] = found
        if errors:
            raise ValidationError(errors)

    def _head(self, name: str, length: int) -> bytes:
        try:
            return read_head(name, length, self.file.storage)
        except (OSError, ValueError):
            return b""
        except Exception as error:  # noqa: BLE001 - botocore's errors
            from media.storage_access import is_unavailable

            if is_unavailable(error):
                raise
            return b""

    def _check_file(self, name: str) -> list[str]:
        head = self._head(name, media_checks.HEAD_LENGTH)
        found = media_checks.problems(self.kind, name, head)
        if found:
            return found
        self._describe(head)
        return []

    def _file_replaced(self) -> bool:
        """Another file than the one loaded; a field deferred at loading
        (``None``) is not known to have changed."""
        return self._described is not None and self.file.name != self._described

    def _describe(self, head: bytes | None = None) -> None:
        """The file's size, type and, for an image, its dimensions: all read
        again for a replaced file, else only what is missing."""
        name = self.file.name
        replaced = self._file_replaced()
        self.mime_type = media_checks.type_of(name)
        if replaced or self.size is None:
            self.size = self._stored_size()
        if self.kind in IMAGE_KINDS and (replaced or not (self.width and self.height)):
            if head is None:
                head = self._head(name, media_checks.HEAD_LENGTH)
            size = media_checks.image_size(head)
            if size:
                self.width, self.height = size
        self._described = name

    def _stored_size(self) -> int | None:
        try:
            # A file posted with the form, not stored yet, knows its size too.
            return self.file.size
        except (OSError, ValueError):
            return None

    def save(self, *args, **kwargs):
        if self.file and self._file_replaced():
            # Replaced in code, or by a form that skipped ``full_clean``.
            self._describe()
        elif self.file and (not self.mime_type or self.size is None):
            self.mime_type = self.mime_type or media_checks.type_of(self.file.name)
            self.size = self._stored_size()
        if self.kind == "h5p":
            self.mime_type = "application/zip+h5p"
        super().save(*args, **kwargs)
        self._described = self.file.name

    @property
    def caption_tracks(self):
        return [block.value for block in self.tracks if block.block_type == "track"]

    @property
    def transcripts(self):
        return [
            block.value for block in self.tracks if block.block_type == "transcript"
        ]
