from django.urls import path

from . import definitions, documents, views

app_name = "xapi"

urlpatterns = [
    path("about", views.about, name="about"),
    path("statements", views.statements, name="statements"),
    path("activities/state", documents.state, name="state"),
    path("activities/profile", documents.activity_profile, name="activity-profile"),
    path("agents/profile", documents.agent_profile, name="agent-profile"),
    path("activities", definitions.activities, name="activities"),
    path("agents", definitions.agents, name="agents"),
]
