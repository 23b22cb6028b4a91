from django.urls import path

from media.api import views

app_name = "media-api"

urlpatterns = [
    path("uploads/", views.UploadListView.as_view(), name="uploads"),
    path("uploads/<uuid:pk>/", views.UploadDetailView.as_view(), name="upload"),
    path("uploads/<uuid:pk>/parts/", views.UploadPartsView.as_view(), name="parts"),
    path(
        "uploads/<uuid:pk>/complete/",
        views.UploadCompleteView.as_view(),
        name="complete",
    ),
    path(
        "uploads/<uuid:pk>/content/", views.UploadContentView.as_view(), name="content"
    ),
]
