from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Where files live: storage, direct uploads, H5P packages.

    The lowest room: it imports nothing of ours, so the storage and H5P code
    can be reused on its own.
    """

    name = "media"
    label = "media"
    verbose_name = _("Files and media")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from media import signals  # noqa: F401 - connects the receivers
