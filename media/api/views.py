"""The direct-upload API, used by the upload widget (and by scripts).

Every upload is visible to its owner only: another user's upload id, like a
made-up one, is a 404. Refusals answer 400 (409 when parts are missing) with
a ``detail`` sentence the widget shows as is; an unreachable storage is a
503 with nothing recorded.
"""

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from media.api.serializers import PartNumbersSerializer, StartUploadSerializer
from media.models import Upload
from media.responses import stored_file_response
from media.storage_access import StorageUnavailable
from media.uploads import service


def describe(upload: Upload, *, with_parts: bool = False) -> dict:
    """What the widget needs to carry on with an upload, in any state."""
    data = {
        "id": str(upload.id),
        "url": reverse("media-api:upload", args=[upload.id]),
        "state": upload.state,
        "strategy": upload.strategy,
        "filename": upload.filename,
        "size": upload.size,
        "content_type": upload.content_type,
        "part_size": upload.part_size,
        "part_count": service.part_count(upload),
        "error": upload.error,
    }
    if upload.state == Upload.State.PENDING:
        data["complete_url"] = reverse("media-api:complete", args=[upload.id])
        if upload.strategy == Upload.Strategy.SINGLE:
            data["put"] = service.single_put(upload)
        elif upload.strategy == Upload.Strategy.LOCAL:
            data["put"] = {
                "url": reverse("media-api:content", args=[upload.id]),
                "headers": {"Content-Type": upload.content_type},
            }
        else:
            data["parts_url"] = reverse("media-api:parts", args=[upload.id])
            if with_parts:
                data["uploaded_parts"] = service.uploaded_parts(upload)
    if upload.state == Upload.State.COMPLETE:
        data["token"] = service.claim_token(upload)
    if upload.state in (Upload.State.COMPLETE, Upload.State.CLAIMED):
        data["content_url"] = reverse("media-api:content", args=[upload.id])
    return data


class UploadAPIView(APIView):
    permission_classes = [IsAuthenticated]

    def handle_exception(self, exc):
        if isinstance(exc, service.UploadFailed):
            return Response({"detail": exc.message}, status=exc.status)
        if isinstance(exc, StorageUnavailable):
            return Response(
                {"detail": str(exc)}, status=status.HTTP_503_SERVICE_UNAVAILABLE
            )
        return super().handle_exception(exc)

    def get_upload(self, pk) -> Upload:
        return get_object_or_404(Upload.objects.for_owner(self.request.user), pk=pk)


class UploadListView(UploadAPIView):
    def post(self, request):
        serializer = StartUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = service.start_upload(request.user, **serializer.validated_data)
        return Response(describe(upload), status=status.HTTP_201_CREATED)


class UploadDetailView(UploadAPIView):
    def get(self, request, pk):
        return Response(describe(self.get_upload(pk), with_parts=True))

    def delete(self, request, pk):
        service.cancel_upload(self.get_upload(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class UploadPartsView(UploadAPIView):
    def post(self, request, pk):
        upload = self.get_upload(pk)
        serializer = PartNumbersSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        urls = service.sign_parts(upload, serializer.validated_data["numbers"])
        return Response({"urls": {str(number): url for number, url in urls.items()}})


class UploadCompleteView(UploadAPIView):
    def post(self, request, pk):
        return Response(describe(service.complete_upload(self.get_upload(pk))))


class UploadContentView(UploadAPIView):
    """PUT: the streamed body of a local upload. GET: the finished file."""

    def put(self, request, pk):
        upload = self.get_upload(pk)
        length = request.META.get("CONTENT_LENGTH")
        service.receive_body(
            upload,
            request._request,  # Django's stream: read in chunks, never parsed
            content_length=int(length) if length and length.isdigit() else None,
            content_type=request.META.get("CONTENT_TYPE", ""),
        )
        return Response(describe(upload))

    def get(self, request, pk):
        upload = self.get_upload(pk)
        if upload.state not in (Upload.State.COMPLETE, Upload.State.CLAIMED):
            raise Http404
        return stored_file_response(
            request,
            default_storage,
            upload.name,
            content_type=upload.content_type,
            filename=upload.filename,
            attachment=True,
        )
