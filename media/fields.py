"""``StoredFileField``: a file field that large files reach by direct upload
and that cleans up after itself.

Any room declares its files with it (an H5P package, a 360° panorama, a
video) and gets, without more code: the upload widget in its Wagtail admin
form (browser straight to S3, or streamed to Chaînon on local storage), the
size and type rules checked before a byte is stored, and the object deleted
in the background when the record is deleted or its file replaced.
"""

from django.db import models
from django.db.models.signals import post_delete, post_init, post_save
from modelcluster.fields import ParentalKey
from wagtail.models import RevisionMixin

from media.cleanup import delete_files_later


class StoredFileField(models.FileField):
    #: Folders of private fields: never served by ``MEDIA_URL``, only by the
    #: views of the room that owns them, which check who is asking.
    private_folders: set[str] = set()

    def __init__(
        self,
        *args,
        max_upload_size: int | None = None,
        content_types: tuple[str, ...] = (),
        upload_permission: str | None = "",
        private: bool = False,
        **kwargs,
    ):
        """``max_upload_size`` caps this field below the site-wide maximum;
        ``content_types`` lists accepted types (``video/*`` patterns); the
        user who uploads needs ``upload_permission``: by default the model's
        add or change permission, ``None`` for any signed-in user.
        ``private`` files (a learner's report) are only served by views that
        check access; their ``upload_to`` must be a plain folder of their own."""
        self.max_upload_size = max_upload_size
        self.content_types = tuple(content_types)
        self.upload_permission = upload_permission
        self.private = private
        kwargs.setdefault("max_length", 1024)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.max_upload_size is not None:
            kwargs["max_upload_size"] = self.max_upload_size
        if self.content_types:
            kwargs["content_types"] = self.content_types
        if self.upload_permission != "":
            kwargs["upload_permission"] = self.upload_permission
        if self.private:
            kwargs["private"] = True
        if kwargs.get("max_length") == 1024:
            del kwargs["max_length"]
        return name, path, args, kwargs

    @property
    def target(self) -> str:
        """How an upload names the field it is for: ``app_label.model.field``."""
        return f"{self.model._meta.label_lower}.{self.name}"

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if cls._meta.abstract:
            return
        if self.private:
            if not isinstance(self.upload_to, str) or not self.upload_to.strip("/"):
                raise TypeError("A private StoredFileField needs a plain folder.")
            StoredFileField.private_folders.add(self.upload_to.strip("/") + "/")
        post_init.connect(self._remember_name, sender=cls, weak=False)
        post_save.connect(self._delete_replaced, sender=cls, weak=False)
        post_delete.connect(self._delete_with_record, sender=cls, weak=False)

    def _stored_name(self, instance) -> str:
        return (
            instance.__dict__.get(self.attname) and getattr(instance, self.attname).name
        )

    def _remember_name(self, instance, **kwargs):
        instance.__dict__[f"_{self.attname}_stored"] = self._stored_name(instance)

    def _delete_replaced(self, instance, **kwargs):
        previous = instance.__dict__.get(f"_{self.attname}_stored")
        current = self._stored_name(instance)
        instance.__dict__[f"_{self.attname}_stored"] = current
        if current:
            # A direct upload's object now belongs to this record (a page's
            # draft included: Wagtail saves the page while saving a revision).
            # Always, not only on change: a record may be built with the name
            # already set (``objects.create``, a revision made live).
            from media.uploads.service import mark_claimed

            mark_claimed(current)
        if _kept_by_revisions(instance):
            return
        if previous and previous != current and not self._shared(instance, previous):
            delete_files_later([previous], storage=self.storage)

    def _delete_with_record(self, instance, **kwargs):
        if _kept_by_revisions(instance):
            return
        name = self._stored_name(instance)
        if name and not self._shared(instance, name):
            delete_files_later([name], storage=self.storage)

    def _shared(self, instance, name) -> bool:
        """A copy of the record (a page's translation) may hold the same file."""
        others = self.model._default_manager.exclude(pk=instance.pk)
        return others.filter(**{self.attname: name}).exists()

    def formfield(self, **kwargs):
        from media.forms import DirectUploadField

        return super().formfield(
            **{"form_class": DirectUploadField, "model_field": self, **kwargs}
        )


def _kept_by_revisions(instance) -> bool:
    """A model with revisions (a page), or an inline child of one (a
    resource's media item, deleted when the page is published without it),
    may be reverted to an old revision that names the file: its files are
    never deleted on the way."""
    if isinstance(instance, RevisionMixin):
        return True
    return any(
        isinstance(field, ParentalKey)
        and issubclass(field.related_model, RevisionMixin)
        for field in instance._meta.concrete_fields
    )
