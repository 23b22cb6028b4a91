from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.errors import api_not_found
from cms.views.account import account, account_profile
from cms.views.search import search
from cms.views.tokens import api_token_revoke, api_tokens
from media.views.serve import serve_media

cms_patterns = (
    [
        path("search/", search, name="search"),
        path("accounts/me/", account, name="account"),
        path("accounts/me/profile/", account_profile, name="account-profile"),
        path("accounts/me/api-tokens/", api_tokens, name="api-tokens"),
        path(
            "accounts/me/api-tokens/<int:pk>/revoke/",
            api_token_revoke,
            name="api-token-revoke",
        ),
    ],
    "cms",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/media/", include("media.api.urls")),
    # The REST API for partners' tools (cms/api/); versioned.
    path("api/v1/", include("cms.api.urls")),
    # Any other address under /api/ answers like the API (problem+json).
    re_path(r"^api/", api_not_found),
    # The learning record store: xAPI clients call it without a language.
    path("xapi/", include("lms.xapi.urls")),
    path("h5p/", include("media.h5p_urls")),
    # IIIF manifests and JSON-LD descriptions: one address for every language.
    path("iiif/", include("mediation.urls")),
]

# Files on the local disk are served by Chaînon itself, in ranges so video
# and audio can be seeked; on S3, file URLs point at the bucket instead.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", serve_media, name="media")
    )

# Every page a visitor reads is prefixed with its language (/fr/, /en/, ...);
# "/" redirects to the visitor's language, French by default.
urlpatterns += i18n_patterns(
    path("", include(cms_patterns)),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("lms.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
