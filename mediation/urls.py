"""IIIF and linked-data addresses of mediation resources.

Mounted outside the language prefix, at ``/iiif/``: a manifest holds every
language, and viewers on other sites keep its address, which must not
change with the reader's language.  ``<key>`` is the resource page's
translation key, the same for all its translations.
"""

from django.urls import path

from mediation import views

app_name = "iiif"

urlpatterns = [
    path("resources/<uuid:key>/manifest.json", views.manifest, name="manifest"),
    path(
        "resources/<uuid:key>/description.jsonld",
        views.description,
        name="description",
    ),
]
