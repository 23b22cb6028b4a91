from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class CmsConfig(AppConfig):
    """The house: site shell, accounts and roles, languages, demo seed."""

    name = "cms"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the sign-up handler)


class ChainonUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app with our user forms (partner, country, role...).

    ``default = False`` so Django keeps ``CmsConfig`` as the app config of
    "cms"; this one is named explicitly in INSTALLED_APPS.
    """

    default = False
    user_viewset = "cms.users_admin.UserViewSet"
