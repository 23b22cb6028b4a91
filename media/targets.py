"""The file field an upload is for, named ``app_label.model.field``.

The browser names the field; the server looks it up and applies *its*
rules (size, types, who may upload), so a forged target can only ever
choose among rules the site declared.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from wagtail.models import CollectionMember
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from media.fields import StoredFileField


class UnknownTarget(LookupError):
    pass


@dataclass(frozen=True)
class UploadTarget:
    field: StoredFileField

    @property
    def name(self) -> str:
        return self.field.target

    @property
    def max_size(self) -> int:
        site_max = settings.CHAINON_UPLOAD_MAX_SIZE
        own = self.field.max_upload_size
        return min(own, site_max) if own else site_max

    @property
    def content_types(self) -> tuple[str, ...]:
        return self.field.content_types

    def allows(self, user) -> bool:
        if not user.is_authenticated:
            return False
        permission = self.field.upload_permission
        if permission is None:
            return True
        if permission:
            return user.has_perm(permission)
        model = self.field.model
        if issubclass(model, CollectionMember) and CollectionPermissionPolicy(
            model
        ).user_has_any_permission(user, ["add", "change"]):
            # Wagtail grants rights on collection members (an H5P package)
            # per collection, not as model permissions.
            return True
        opts = model._meta
        return any(
            user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("add", "change")
        )

    def folder(self) -> str:
        """Where this field's files live: its ``upload_to`` when it is a
        plain folder, ``uploads`` otherwise."""
        upload_to = self.field.upload_to
        if isinstance(upload_to, str) and upload_to and "%" not in upload_to:
            return upload_to.strip("/")
        return "uploads"


def resolve_target(name: str) -> UploadTarget:
    try:
        app_label, model_name, field_name = name.split(".")
        model = apps.get_model(app_label, model_name)
        field = model._meta.get_field(field_name)
    except (ValueError, LookupError) as error:
        raise UnknownTarget(name) from error
    if not isinstance(field, StoredFileField):
        raise UnknownTarget(name)
    return UploadTarget(field)
