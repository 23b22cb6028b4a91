"""Sending a stored file: a redirect to S3, or a ranged stream from disk.

On S3 the browser fetches the object itself through a short-lived presigned
URL, and S3 answers its ``Range`` requests. On local storage Django streams
the file in chunks, honouring one ``Range`` so video and audio players can
seek; neither path reads a whole file into memory.
"""

import mimetypes
import posixpath

from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.utils.http import content_disposition_header, http_date

from media.byte_ranges import RangeNotSatisfiable, parse_range
from media.storage_access import is_s3

CHUNK_SIZE = 256 * 1024

# Types a browser may show in place: media, images that cannot carry script,
# captions, PDF. Anything else (HTML, SVG, JavaScript…) is a download in a
# sandbox, so a file someone uploaded never runs as a page of the site.
INLINE_TYPES = ("audio/", "video/", "text/vtt", "application/pdf", "model/gltf-binary")
INLINE_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif")


def shown_inline(content_type: str) -> bool:
    return content_type.startswith(INLINE_TYPES) or content_type in INLINE_IMAGES


def _limited_chunks(handle, length: int):
    try:
        while length > 0:
            data = handle.read(min(CHUNK_SIZE, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def stored_file_response(
    request, storage, name, *, content_type=None, filename=None, attachment=False
):
    """The response that delivers ``name`` from ``storage`` to the browser."""
    content_type = (
        content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    )
    attachment = attachment or not shown_inline(content_type)
    filename = filename or posixpath.basename(name)
    disposition = content_disposition_header(attachment, filename)
    if is_s3(storage):
        parameters = {
            "ResponseContentType": content_type,
            "ResponseContentDisposition": disposition,
        }
        response = HttpResponseRedirect(storage.url(name, parameters=parameters))
        response["Cache-Control"] = "private, no-store"
        return response
    return _ranged_local_response(request, storage, name, content_type, disposition)


def _ranged_local_response(request, storage, name, content_type, disposition):
    try:
        size = storage.size(name)
    except FileNotFoundError:
        raise Http404 from None
    try:
        wanted = parse_range(request.headers.get("Range"), size)
    except RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    handle = storage.open(name, "rb")
    if wanted is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        handle.seek(wanted.start)
        response = StreamingHttpResponse(
            _limited_chunks(handle, wanted.length),
            status=206,
            content_type=content_type,
        )
        response["Content-Range"] = wanted.content_range(size)
        response["Content-Length"] = str(wanted.length)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(storage.get_modified_time(name).timestamp())
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = disposition
    if not shown_inline(content_type):
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
