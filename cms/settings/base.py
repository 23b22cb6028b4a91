"""Settings shared by every environment.

Everything that differs between a laptop, CI and production is read from the
environment (see ``environment.py`` and the README's configuration table);
``dev``, ``test`` and ``production`` only change what must differ.
"""

import json
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import env_bool, env_int, env_list, env_str
from .storage import s3_storage_options

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CMS_DIR = BASE_DIR / "cms"
# Everything a running instance writes lives under var/ (git-ignored), never
# inside the code folders: the SQLite database, uploaded files, static files.
VAR_DIR = Path(env_str("CHAINON_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
# Only ever acceptable on a developer's machine: production.py refuses it.
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our rooms, highest first (see ARCHITECTURE.md): arrows only go down.
    "cms",
    "lms",
    "mediation",
    "media",
    # Wagtail and its translation workflow.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.ChainonUsersConfig",  # wagtail.users, with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts, API, background tasks.
    "django_countries",
    "allauth",
    "allauth.account",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc as local static files
    "django_tasks_db",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.translation_guard.TranslationPublishGuardMiddleware",
    "media.middleware.StorageUnavailableMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh clone has no var/ yet; SQLite cannot create the folder itself.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Transactions that read then write (the LRS storing statements) take
    # the write lock at BEGIN: a deferred transaction cannot upgrade its lock
    # while another writes, and SQLite would fail it at once ("database is
    # locked") instead of waiting its timeout.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions -------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chainon",
        }
    }
    # Sessions survive a Redis restart and are shared by every app server.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks ---------------------------------------------------------
# Django's task framework.  Immediate in development and tests; production.py
# switches to the database backend served by ``manage.py db_worker``.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# --- Accounts -------------------------------------------------------------------
AUTH_USER_MODEL = "cms.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cms:account"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Chaînon] "
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}

# --- E-mail -------------------------------------------------------------------
# Django 6.1's MAILERS; the variables keep the familiar EMAIL_* names.
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
MAILERS = {
    "default": {
        "BACKEND": SMTP_BACKEND,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Chaînon <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages ----------------------------------------------------------------
# French is the network's working language; every page and UI string also
# exists in English, Portuguese, Spanish and Italian.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and uploaded files --------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end packages come from npm (package.json), never from a CDN.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    (
        "vendor/atkinson-hyperlegible",
        NODE_MODULES_DIR / "@fontsource" / "atkinson-hyperlegible" / "files",
    ),
    # The H5P player (h5p-standalone), served by Chaînon: never from a CDN.
    ("vendor/h5p-standalone", NODE_MODULES_DIR / "h5p-standalone" / "dist"),
    # The mediation resources' viewers (mediation/static/mediation/js/):
    # 360° panoramas, zoomable images, 3D models and the decoders of
    # compressed models, which <model-viewer> would otherwise fetch from a CDN.
    ("vendor/pannellum", NODE_MODULES_DIR / "pannellum" / "build"),
    (
        "vendor/openseadragon",
        NODE_MODULES_DIR / "openseadragon" / "build" / "openseadragon",
    ),
    ("vendor/model-viewer", NODE_MODULES_DIR / "@google" / "model-viewer" / "dist"),
    ("vendor/draco", NODE_MODULES_DIR / "three" / "examples/jsm/libs/draco"),
    ("vendor/basis", NODE_MODULES_DIR / "three" / "examples/jsm/libs/basis"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_FILE_STORAGE_BACKEND = "storages.backends.s3.S3Storage"
    DEFAULT_FILE_STORAGE_OPTIONS = s3_storage_options(
        bucket_name=AWS_STORAGE_BUCKET_NAME,
        endpoint_url=env_str("AWS_S3_ENDPOINT_URL"),
        region_name=env_str("AWS_S3_REGION_NAME"),
        access_key=env_str("AWS_ACCESS_KEY_ID"),
        secret_key=env_str("AWS_SECRET_ACCESS_KEY"),
        addressing_style=env_str("AWS_S3_ADDRESSING_STYLE"),
        querystring_expire=env_int("AWS_QUERYSTRING_EXPIRE", 3600),
        location=env_str("AWS_LOCATION"),
        connect_timeout=env_int("AWS_S3_CONNECT_TIMEOUT", 5),
        max_attempts=env_int("AWS_S3_MAX_ATTEMPTS", 3),
    )
else:
    DEFAULT_FILE_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"
    DEFAULT_FILE_STORAGE_OPTIONS = {"location": MEDIA_ROOT, "base_url": MEDIA_URL}

STORAGES = {
    "default": {
        "BACKEND": DEFAULT_FILE_STORAGE_BACKEND,
        "OPTIONS": DEFAULT_FILE_STORAGE_OPTIONS,
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640

# Direct uploads (media/): the largest file a user may send, the size of the
# numbered parts of a multipart upload (files over one part go multipart),
# how long an unfinished or unclaimed upload is kept before it is expired,
# and how many such uploads one user may hold at once.
CHAINON_UPLOAD_MAX_SIZE = env_int("CHAINON_UPLOAD_MAX_SIZE", 4 * 1024**3)
CHAINON_UPLOAD_PART_SIZE = env_int("CHAINON_UPLOAD_PART_SIZE", 16 * 1024**2)
CHAINON_UPLOAD_LIFETIME = env_int("CHAINON_UPLOAD_LIFETIME", 24 * 3600)
CHAINON_UPLOAD_MAX_OPEN = env_int("CHAINON_UPLOAD_MAX_OPEN", 20)
# Lifetime in seconds of the presigned URLs a browser uploads to (one part,
# or a small file each): short, since a URL signed before a cancel still works.
CHAINON_UPLOAD_URL_EXPIRE = env_int("CHAINON_UPLOAD_URL_EXPIRE", 900)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# H5P packages (media/h5p/limits.py): what a package may hold before it is
# refused as a zip bomb or a dumping ground; all checked on real bytes.
CHAINON_H5P_MAX_ENTRIES = env_int("CHAINON_H5P_MAX_ENTRIES", 10_000)
CHAINON_H5P_MAX_TOTAL_SIZE = env_int("CHAINON_H5P_MAX_TOTAL_SIZE", 2 * 1024**3)
CHAINON_H5P_MAX_FILE_SIZE = env_int("CHAINON_H5P_MAX_FILE_SIZE", 1024**3)
CHAINON_H5P_MAX_RATIO = env_int("CHAINON_H5P_MAX_RATIO", 100)

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chaînon"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The root of every activity IRI (lms/activity.py).  Set it once, to the
# network's public address, and never change it: statements already recorded
# name their activities with it.
CHAINON_ACTIVITY_ROOT = env_str("CHAINON_ACTIVITY_ROOT", WAGTAILADMIN_BASE_URL)
# The largest body the learning record store accepts (413 above it).
CHAINON_LRS_MAX_BODY = env_int("CHAINON_LRS_MAX_BODY", 4 * 1024 * 1024)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Approving a review publishes, even for approvers without the publish
# permission (see lms/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "lms.workflows.publish_approved_revision"
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILSEARCH_HITS_MAX_AGE = 30

# --- REST framework -------------------------------------------------------------
# Site-wide defaults reach every DRF view, the upload widget's /api/media/ and
# Wagtail's admin endpoints included, so they stay minimal. The API's own
# conventions (token first, throttles, cursor pages, JSON only...) come with
# cms.api.views.ApiViewSetMixin.
REST_FRAMEWORK = {
    # Session first: a signed-out visitor of /api/media/ still gets a 403.
    # A personal token also works there (scripts upload H5P packages too).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "cms.api.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    # problem+json under /api/v<n>/, DRF's usual bodies elsewhere.
    "EXCEPTION_HANDLER": "cms.api.errors.site_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # How many reverse proxies stand before the site: anonymous throttling
    # counts per address, read from X-Forwarded-For only past that many
    # proxies (0: the connection's own address, which a client cannot forge).
    "NUM_PROXIES": env_int("CHAINON_TRUSTED_PROXIES", 0),
    # Requests per API token, per signed-in person (session), per anonymous
    # IP address (cms/api/throttling.py).
    "DEFAULT_THROTTLE_RATES": {
        "api_token": env_str("CHAINON_API_RATE_TOKEN", "5000/hour"),
        "api_user": env_str("CHAINON_API_RATE_USER", "5000/hour"),
        "api_anon": env_str("CHAINON_API_RATE_ANON", "1000/hour"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Chaînon API",
    "DESCRIPTION": _(
        "The REST API of the Chaînon network, for partners' tools. Authenticate "
        "with a personal API token (Authorization: Bearer chn_…) created on your "
        "account page; it acts as you, with your roles. Lists are paginated with "
        "cursors: follow the next links. Errors are problem+json documents."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_INCLUDE_SCHEMA": False,
    # The suite builds and validates the schema (--fail-on-warn); at deploy
    # time `check --deploy` often runs before `migrate`, when building it
    # would read tables that do not exist yet.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set: several models have a "status".
    "ENUM_NAME_OVERRIDES": {
        "EnrollmentStatusEnum": "lms.models.Enrollment.Status",
        "EnrollmentStatusChangeEnum": "lms.api.enrolments.STATUS_CHANGES",
        "ProgressStatusEnum": "lms.models.ActivityProgress.Status",
        "FieldReportStatusEnum": "lms.models.FieldReport.Status",
        "FieldReportDecisionEnum": "lms.api.reviews.REPORT_DECISIONS",
        "ContributionStatusEnum": "lms.models.Contribution.Status",
        "ContributionDecisionEnum": "lms.api.reviews.CONTRIBUTION_DECISIONS",
    },
    "PREPROCESSING_HOOKS": ["cms.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.schema.add_problem_responses",
        "cms.api.schema.forbid_unknown_request_fields",
    ],
}


# --- Forwarding statements to other LRSs ----------------------------------------
# Every statement the LRS accepts can also go to other learning record stores,
# through an outbox (lms/xapi/forwarding.py): a JSON list of
# {"name": "ralph", "endpoint": "https://lrs.example/xapi/", "key": …, "secret": …}
# objects; empty (no forwarding) by default.  A typo must stop the start, not
# silently drop statements, so anything unexpected is refused here.
def _lrs_forward(variable: str) -> list[dict]:
    raw = env_str(variable).strip()
    if not raw:
        return []
    shape = (
        f"{variable} must be a JSON list of objects with the keys name, "
        "endpoint, key and secret (strings)"
    )
    try:
        value = json.loads(raw)
    except ValueError as error:
        # The message names the position only: the value holds secrets.
        raise ImproperlyConfigured(f"{variable} is not valid JSON ({error}).") from None
    if not isinstance(value, list):
        raise ImproperlyConfigured(f"{shape}.")
    endpoints, names = [], set()
    for number, entry in enumerate(value, start=1):
        if (
            not isinstance(entry, dict)
            or set(entry) != {"name", "endpoint", "key", "secret"}
            or not all(isinstance(v, str) and v.strip() for v in entry.values())
        ):
            raise ImproperlyConfigured(f"{shape}; entry {number} is not.")
        name, endpoint = entry["name"].strip(), entry["endpoint"].strip()
        if name in names or len(name) > 100:
            raise ImproperlyConfigured(
                f"{variable}: the name {name!r} is used twice or longer than 100."
            )
        if not endpoint.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                f"{variable}: the endpoint of {name!r} must be an http(s) URL."
            )
        names.add(name)
        # The xAPI root; resources are named relative to it ("statements").
        endpoint = endpoint if endpoint.endswith("/") else endpoint + "/"
        endpoints.append({**entry, "name": name, "endpoint": endpoint})
    return endpoints


CHAINON_LRS_FORWARD = _lrs_forward("CHAINON_LRS_FORWARD")
# Statements per POST, the longest wait in seconds between two attempts after
# failures (waits double from 30 s up to it), and the seconds a remote has to
# answer before the attempt counts as failed (and is retried: resends are safe).
CHAINON_LRS_FORWARD_BATCH = max(1, env_int("CHAINON_LRS_FORWARD_BATCH", 100))
CHAINON_LRS_FORWARD_MAX_BACKOFF = env_int("CHAINON_LRS_FORWARD_MAX_BACKOFF", 3600)
CHAINON_LRS_FORWARD_TIMEOUT = env_int("CHAINON_LRS_FORWARD_TIMEOUT", 10)

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task state change is noise outside debugging.
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
