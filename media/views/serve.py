"""Serving ``MEDIA_URL`` when files live on the local disk.

Django's ``static.serve`` neither streams ranges nor is meant for
production; this view does both, so a video in ``var/media`` can be seeked
on a laptop or a small single-server install. With S3 configured this view
answers 404: file URLs point at the storage itself, and a private bucket
must not be readable through Chaînon by guessing names.
"""

import posixpath

from django.core.files.storage import default_storage
from django.http import Http404
from django.views.decorators.http import require_safe

from media.fields import StoredFileField
from media.models import Upload
from media.responses import stored_file_response
from media.storage_access import is_local


@require_safe
def serve_media(request, name):
    if not is_local(default_storage):
        raise Http404
    name = posixpath.normpath(name).lstrip("/")
    # No escaping the media folder, and nothing hidden (bodies still
    # arriving live in ``.incoming``).
    if not name or any(part.startswith(".") for part in name.split("/")):
        raise Http404
    # Private files are served by their room's views, which check access.
    if name.startswith(tuple(StoredFileField.private_folders)):
        raise Http404
    try:
        exists = default_storage.exists(name)
    except Exception:  # noqa: BLE001 - a path the storage refuses does not exist
        exists = False
    if (
        not exists
        or Upload.objects.filter(name=name)
        .exclude(state__in=[Upload.State.COMPLETE, Upload.State.CLAIMED])
        .exists()
    ):
        # An upload still on its way, or rejected, was never checked.
        raise Http404
    return stored_file_response(request, default_storage, name)
