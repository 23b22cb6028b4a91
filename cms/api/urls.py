"""``/api/v1/``: the schema, its two readers, ``me/``, the rooms' endpoints and
``h5p-packages/``.

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
from rest_framework.routers import SimpleRouter

from .h5p_packages import H5PPackageViewSet
from .views import MeView

# H5P packages live in ``media``, which may import nothing of ours: their
# endpoint is wired here.
router = SimpleRouter()
router.register("h5p-packages", H5PPackageViewSet, basename="h5p-package")

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
    *router.urls,
]
