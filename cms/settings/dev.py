"""Settings for ``make run`` on a laptop: debug on, e-mails printed."""

from .base import *  # noqa: F403
from .environment import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)  # noqa: F405
# E-mails (sign-up confirmation, password reset) are printed in the terminal.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# The dev server serves static files itself; no manifest to build first.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
