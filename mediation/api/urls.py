"""The mediation API's routes, included under ``/api/v1/`` by cms.api."""

from rest_framework.routers import SimpleRouter

from mediation.api import views

app_name = "mediation-api"

router = SimpleRouter()
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("resources", views.ResourceViewSet, basename="resource")

urlpatterns = router.urls
