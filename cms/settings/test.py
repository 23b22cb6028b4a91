"""Settings for the test suite: fast hashing, local memory, immediate tasks.

The database comes from ``DATABASE_URL`` like everywhere else, so the same
suite runs on SQLite (``make test``) and on PostgreSQL (``.ci/run``).
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .environment import env_str

DEBUG = False
SECRET_KEY = DEV_SECRET_KEY  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Static files straight from the apps (no collectstatic before a test run).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
ACCOUNT_RATE_LIMITS = False

# Uploaded files of a test run never land in the developer's var/media; the
# suite deletes this folder when it ends (tests/conftest.py).
# Only named here: the folder exists once a file is saved, so processes that
# merely load these settings leave nothing behind.
MEDIA_ROOT = Path(
    env_str("CHAINON_TEST_MEDIA_ROOT")
    or Path(tempfile.gettempdir()) / f"chainon-test-media-{os.getpid()}"
)
if STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):  # noqa: F405
    STORAGES["default"]["OPTIONS"] = {"location": MEDIA_ROOT, "base_url": MEDIA_URL}  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# The live server of the browser tests runs in another thread; an on-disk
# SQLite test database lets it use its own connection, as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"chainon-test-{os.getpid()}.sqlite3")
    }

# Records with file fields, used by the storage tests (tests/testapp).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405

# A test may send hundreds of API requests (the schema fuzzing does); the
# throttling tests set low rates of their own.
REST_FRAMEWORK = {  # noqa: F405
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "api_token": "100000/hour",
        "api_user": "100000/hour",
        "api_anon": "100000/hour",
    },
}
