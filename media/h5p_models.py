"""H5P packages and the shared library store, as Wagtail knows them.

A package is a collection member, like an image or a document: a
partner's editors see and manage the packages of their partner's
collection, through Wagtail's collection permissions.  Libraries are
stored once for every package; installing library code (new, or a newer
patch) needs the "install H5P libraries" permission, because it is
JavaScript that will run in learners' browsers.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import CollectionMember
from wagtail.search import index

from media.fields import StoredFileField

H5P_CONTENT_TYPES = (
    "application/zip",
    "application/x-zip-compressed",
    "application/octet-stream",
    "application/h5p",
)


class H5PLibrary(models.Model):
    machine_name = models.CharField(_("machine name"), max_length=127)
    major = models.PositiveSmallIntegerField(_("major version"))
    minor = models.PositiveSmallIntegerField(_("minor version"))
    patch = models.PositiveSmallIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    runnable = models.BooleanField(_("runnable"), default=False)
    # library.json as installed (preloaded files, dependencies) for the
    # player, and semantics.json for sanitising later content that uses it.
    library_json = models.JSONField(default=dict)
    semantics = models.JSONField(default=list, blank=True)
    installed_at = models.DateTimeField(_("installed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major", "minor"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major", "minor"],
                name="one_h5p_library_per_minor_version",
            )
        ]
        permissions = [("install_h5plibrary", _("Can install H5P libraries"))]

    def __str__(self):
        return f"{self.machine_name} {self.major}.{self.minor}.{self.patch}"

    @property
    def name(self) -> str:
        """How packages name it: ``H5P.TrueFalse 1.6``."""
        return f"{self.machine_name} {self.major}.{self.minor}"

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"


class H5PPackage(CollectionMember, index.Indexed, models.Model):
    class Status(models.TextChoices):
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        REJECTED = "rejected", _("Rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    file = StoredFileField(
        _("H5P file"),
        upload_to="h5p-packages",
        private=True,
        content_types=H5P_CONTENT_TYPES,
        help_text=_("An .h5p file exported from an H5P editor."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(_("licence"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=35, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PROCESSING,
        editable=False,
    )
    # Every reason, as [{"path", "rule", "message"}], when rejected.
    reasons = models.JSONField(default=list, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    main_library = models.CharField(
        _("main library"), max_length=140, blank=True, editable=False
    )
    metadata = models.JSONField(default=dict, blank=True, editable=False)
    libraries = models.ManyToManyField(
        H5PLibrary, blank=True, editable=False, related_name="packages"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = CollectionMember.search_fields + [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("H5P package")
        verbose_name_plural = _("H5P packages")
        ordering = ["-created_at"]
        permissions = [("choose_h5ppackage", _("Can choose H5P package"))]

    def __str__(self):
        return self.title

    @property
    def content_folder(self) -> str:
        return f"h5p/content/{self.pk}/"
