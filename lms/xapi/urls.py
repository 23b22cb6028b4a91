from django.urls import path

from . import definitions, views

app_name = "xapi"

urlpatterns = [
    path("about", views.about, name="about"),
    path("statements", views.statements, name="statements"),
    path("activities", definitions.activities, name="activities"),
    path("agents", definitions.agents, name="agents"),
]
