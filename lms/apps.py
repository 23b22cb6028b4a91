from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Learning: courses, cohorts, the statement store and progress.

    May import ``mediation`` and ``media``; they never import it back and talk
    to it through xAPI statements instead (see ARCHITECTURE.md).
    """

    name = "lms"
    verbose_name = _("Learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import signals  # noqa: F401
