"""The learning API's routes, included under ``/api/v1/`` by cms.api."""

from rest_framework.routers import SimpleRouter

from lms.api import enrolments, reviews, views

app_name = "lms-api"

router = SimpleRouter()
router.register("courses", views.CourseViewSet, basename="course")
router.register("cohorts", views.CohortViewSet, basename="cohort")
router.register(
    rf"cohorts/(?P<cohort_id>{views.ROW_ID})/enrollments",
    enrolments.CohortEnrollmentViewSet,
    basename="cohort-enrollment",
)
router.register("progress", views.ProgressViewSet, basename="progress")
router.register("field-reports", reviews.FieldReportViewSet, basename="field-report")
router.register("contributions", reviews.ContributionViewSet, basename="contribution")

urlpatterns = router.urls
