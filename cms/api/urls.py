"""``/api/v1/``: the schema, its two readers, ``me/`` and the rooms' endpoints.

The docs load Swagger UI and Redoc from our own static files
(drf-spectacular-sidecar), never from a CDN: partners' networks and the
test suite run offline.
"""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)

from .views import MeView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(
            url_name="api-schema", template_name="cms/api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path(
        "redoc/",
        SpectacularRedocView.as_view(
            url_name="api-schema", template_name="cms/api/redoc.html"
        ),
        name="api-redoc",
    ),
    path("me/", MeView.as_view(), name="api-me"),
    path("", include("lms.api.urls")),
    path("", include("mediation.api.urls")),
]
