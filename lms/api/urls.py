"""The learning API's routes, included under ``/api/v1/`` by cms.api."""

from rest_framework.routers import SimpleRouter

from lms.api import views

app_name = "lms-api"

router = SimpleRouter()
router.register("courses", views.CourseViewSet, basename="course")
router.register("cohorts", views.CohortViewSet, basename="cohort")
router.register(
    rf"cohorts/(?P<cohort_id>{views.ROW_ID})/enrollments",
    views.CohortEnrollmentViewSet,
    basename="cohort-enrollment",
)
router.register("progress", views.ProgressViewSet, basename="progress")

urlpatterns = router.urls
