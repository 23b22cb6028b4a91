from django.urls import path

from lms.views import (
    cohort_dashboard,
    contributions,
    learner,
    network_dashboard,
    reports,
    roster_import,
)
from lms.views import cohorts as cohort_views

app_name = "lms"

urlpatterns = [
    path("", learner.my_courses, name="home"),
    path("join/", learner.join_form, name="join-form"),
    path(
        "attestations/<str:code>/",
        learner.credential,
        name="credential",
    ),
    path("join/<str:code>/", learner.join, name="join"),
    path("units/<int:unit_id>/done/", learner.mark_done, name="unit-done"),
    path(
        "units/<int:unit_id>/answers/<uuid:block_id>/",
        learner.save_answer,
        name="answer",
    ),
    path(
        "units/<int:unit_id>/reports/<uuid:assignment_id>/",
        reports.report_edit,
        name="report",
    ),
    path("reports/<int:report_id>/", reports.report_review, name="report-review"),
    path(
        "reports/files/<int:attachment_id>/",
        reports.report_attachment,
        name="report-attachment",
    ),
    path("cohorts/", cohort_views.cohort_list, name="cohorts"),
    path("cohorts/new/", cohort_views.cohort_create, name="cohort-create"),
    path("cohorts/<int:cohort_id>/", cohort_views.cohort_detail, name="cohort"),
    path("cohorts/<int:cohort_id>/edit/", cohort_views.cohort_edit, name="cohort-edit"),
    path(
        "cohorts/<int:cohort_id>/trainers/",
        cohort_views.cohort_trainers,
        name="cohort-trainers",
    ),
    path(
        "cohorts/<int:cohort_id>/new-code/",
        cohort_views.cohort_new_code,
        name="cohort-new-code",
    ),
    path(
        "cohorts/<int:cohort_id>/learners/<int:enrollment_id>/",
        cohort_views.enrollment_action,
        name="enrollment-action",
    ),
    path(
        "cohorts/<int:cohort_id>/import/",
        roster_import.roster_upload,
        name="roster-import",
    ),
    path(
        "cohorts/<int:cohort_id>/import/confirm/",
        roster_import.roster_confirm,
        name="roster-confirm",
    ),
    path(
        "cohorts/<int:cohort_id>/reports/",
        reports.cohort_reports,
        name="cohort-reports",
    ),
    path(
        "cohorts/<int:cohort_id>/progress/",
        cohort_dashboard.cohort_dashboard,
        name="cohort-progress",
    ),
    path(
        "cohorts/<int:cohort_id>/progress/<int:enrollment_id>/",
        cohort_dashboard.learner_detail,
        name="cohort-learner",
    ),
    path(
        "cohorts/<int:cohort_id>/export/<str:table>.<str:fmt>",
        cohort_dashboard.cohort_export,
        name="cohort-export",
    ),
    path("network/", network_dashboard.network_dashboard, name="network"),
    path(
        "network/indicators/",
        network_dashboard.indicators_view,
        name="network-indicators",
    ),
    path(
        "network/export/<str:table>.<str:fmt>",
        network_dashboard.network_export,
        name="network-export",
    ),
    path(
        "modules/<int:module_id>/contribute/",
        contributions.contribute,
        name="contribute",
    ),
    path("contributions/", contributions.contribution_list, name="contributions"),
    path(
        "contributions/files/<int:attachment_id>/",
        contributions.contribution_attachment,
        name="contribution-attachment",
    ),
    path(
        "contributions/<int:contribution_id>/",
        contributions.contribution_review,
        name="contribution-review",
    ),
    path(
        "contributions/<int:contribution_id>/to-unit/",
        contributions.contribution_to_unit,
        name="contribution-to-unit",
    ),
]
