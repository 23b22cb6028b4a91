from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    """The partner-museum area: institutions and their mediation resources.

    May import ``media`` only; it tells ``lms`` what visitors did through
    xAPI statements, never by importing it.
    """

    name = "mediation"
    verbose_name = _("Mediation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Partner spaces follow their pages; facets follow publication.
        from mediation import facet_signals, space_signals  # noqa: F401
