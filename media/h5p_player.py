"""The H5P player, isolated from the site: its page and the files it loads.

An H5P package brings JavaScript (its libraries) and editors' content.
Run on Chaînon's own origin, that code would act with the learner's
session.  So the player is a page of its own, shown by the unit page in an
``<iframe sandbox="allow-scripts">`` *without* ``allow-same-origin``, and
the page's Content-Security-Policy repeats the ``sandbox`` so that opening
its URL directly sandboxes it too.  Its document has an opaque origin: it
cannot read the site's cookies, storage or pages, and it talks to the unit
page only through ``postMessage`` (``media/static/media/js/h5p-frame.js``
on this side, ``lms/static/lms/js/h5p-bridge.js`` on the other).

Three URLs (``media/h5p_urls.py``, mounted at ``/h5p/``):

- ``play/<uuid>/?parent=<origin>``: the player page of a *ready* package.
  ``parent`` is the unit page's origin, which the frame cannot learn for
  itself and uses as ``postMessage``'s target; only the site's own origins
  are accepted (400 otherwise).
- ``play/<uuid>/h5p.json``: the package's manifest, as h5p-standalone
  reads it.  The unpacker keeps no ``h5p.json`` (``media/h5p/unpack.py``
  stores ``content/`` only), so it is rebuilt from the package row and the
  libraries its ``content.json`` names.
- ``files/content/<uuid>/<path>`` and ``files/libraries/<Name-1.6>/<path>``:
  the unpacked files, from default storage, for ready packages and
  installed libraries only.

Requests from an opaque origin are cross-origin and carry no cookies, so
these URLs cannot check who asks: a ready package is readable by whoever
knows its UUID (unit pages reveal it only to those who may open the unit),
and responses say ``Access-Control-Allow-Origin: *`` so the frame's
``fetch`` calls may read them.
"""

import json
import re
import uuid
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from media.h5p.limits import Limits
from media.h5p.manifest import LibraryRef
from media.h5p.unpack import CONTENT_ROOT, LIBRARY_ROOT
from media.h5p.whitelists import allowed_in_content, allowed_in_library
from media.h5p_models import H5PLibrary, H5PPackage
from media.responses import stored_file_response
from media.storage_access import is_s3

#: Seconds a browser may reuse a file before asking again.  Short on
#: purpose: installing a newer patch of a library rewrites its folder in
#: place (same URLs), and the player must not mix old and new files for
#: long.  After that, ``Last-Modified`` makes the check a 304.
FILE_MAX_AGE = 300
MANIFEST_MAX_AGE = 60
MANIFEST_CACHE_SECONDS = 3600
#: How often (seconds) H5P core asks the content for its state; the frame
#: forwards each change to the unit page, so this bounds what a closed tab
#: can lose.
SAVE_FREQUENCY = 2

# Explicit types: ``mimetypes`` depends on the host's /etc/mime.types, and
# with ``nosniff`` a script or style sheet of the wrong type is refused.
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "glb": "model/gltf-binary",
    "gltf": "model/gltf+json",
}
DEFAULT_PORTS = {"http": 80, "https": 443}
SUB_CONTENT_LIBRARY = "library"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# -- Origins ---------------------------------------------------------------


def normalise_origin(value: str) -> str | None:
    """``https://host[:port]`` as a browser serialises an origin, or None
    when ``value`` is not a bare http(s) origin (no path, query, user)."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except (ValueError, AttributeError):
        return None
    scheme = parts.scheme.lower()
    if (
        scheme not in DEFAULT_PORTS
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        return None
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def request_origin(request) -> str:
    """The origin the browser used for this request (its host was already
    checked against ALLOWED_HOSTS by ``get_host``)."""
    return normalise_origin(f"{request.scheme}://{request.get_host()}") or ""


def allowed_parent_origins(request) -> set[str]:
    """Who may embed the player: the site as this request reached it, and
    the site's canonical address (``WAGTAILADMIN_BASE_URL``, where the
    admin's previews run).  Never any other site."""
    origins = {request_origin(request)}
    base = normalise_origin(
        "{0.scheme}://{0.netloc}".format(urlsplit(settings.WAGTAILADMIN_BASE_URL))
    )
    if base:
        origins.add(base)
    return origins - {""}


def player_url(package_id, parent_origin: str) -> str:
    """The iframe's ``src`` for a package shown on a page of ``parent_origin``."""
    base = reverse("h5p:player", args=[package_id])
    return f"{base}?{urlencode({'parent': parent_origin})}"


# -- Storage names ---------------------------------------------------------


def _usable_segment(segment: str) -> bool:
    return (
        bool(segment)
        and not segment.startswith(".")  # "..", and the unpacker's markers
        and "\\" not in segment
        and not _CONTROL.search(segment)
    )


def storage_name(path: str) -> str:
    """The stored name behind ``files/<path>``, or Http404.

    Only two shapes exist: ``content/<uuid of a ready package>/...`` and
    ``libraries/<Machine-1.6 of an installed library>/...``; each segment
    is plain (no ``..``, nothing hidden) and the extension must be one the
    unpacker could have written there."""
    parts = path.split("/")
    if len(parts) < 3 or not all(_usable_segment(part) for part in parts):
        raise Http404
    root, owner, relative = parts[0], parts[1], "/".join(parts[2:])
    if root == "content":
        try:
            package_id = uuid.UUID(owner)
        except ValueError:
            raise Http404 from None
        if str(package_id) != owner or not allowed_in_content(relative):
            raise Http404
        if not H5PPackage.objects.filter(
            pk=package_id, status=H5PPackage.Status.READY
        ).exists():
            raise Http404
        return f"{CONTENT_ROOT}/{owner}/{relative}"
    if root == "libraries":
        ref = LibraryRef.parse(owner)
        if ref is None or ref.folder != owner or not allowed_in_library(relative):
            raise Http404
        if not H5PLibrary.objects.filter(
            machine_name=ref.machine_name, major=ref.major, minor=ref.minor
        ).exists():
            raise Http404
        return f"{LIBRARY_ROOT}/{owner}/{relative}"
    raise Http404


def content_type_of(name: str) -> str:
    extension = name.rsplit("/", 1)[-1].rpartition(".")[2].lower()
    return CONTENT_TYPES.get(extension, "application/octet-stream")


def _shared(response):
    """Readable by the sandboxed frame (opaque origin), never sniffed."""
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# -- The manifest ----------------------------------------------------------


def content_libraries(params) -> set[LibraryRef]:
    """Every library the content names (``"library": "H5P.MultiChoice
    1.16"`` at any depth): a Question Set's questions are libraries its
    own ``library.json`` does not list, so the player must be told."""
    found, stack = set(), [params]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            name = value.get(SUB_CONTENT_LIBRARY)
            if isinstance(name, str) and (ref := LibraryRef.parse(name)):
                found.add(ref)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _read_content_json(package) -> dict:
    name = f"{CONTENT_ROOT}/{package.pk}/content.json"
    limit = Limits().max_json_size
    try:
        with default_storage.open(name, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise Http404 from None
    if len(data) > limit:
        return {}
    try:
        value = json.loads(data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _installed(refs) -> list[LibraryRef]:
    if not refs:
        return []
    query = Q()
    for ref in refs:
        query |= Q(machine_name=ref.machine_name, major=ref.major, minor=ref.minor)
    rows = H5PLibrary.objects.filter(query).values_list(
        "machine_name", "major", "minor"
    )
    return [LibraryRef(*row) for row in rows]


def build_manifest(package, main: LibraryRef) -> dict:
    """``h5p.json`` for h5p-standalone: the main library first (the player
    reads the first dependency to learn the folder naming), then the
    installed libraries the content names; the player follows each
    library's own ``preloadedDependencies`` itself."""
    others = content_libraries(_read_content_json(package)) - {main}
    dependencies = [main, *sorted(_installed(others), key=lambda ref: ref.folder)]
    manifest = {
        "title": package.title,
        "language": package.language or "und",
        "mainLibrary": main.machine_name,
        "embedTypes": ["div", "iframe"],
        "preloadedDependencies": [
            {
                "machineName": ref.machine_name,
                "majorVersion": ref.major,
                "minorVersion": ref.minor,
            }
            for ref in dependencies
        ],
    }
    if package.metadata.get("license"):
        manifest["license"] = package.metadata["license"]
    return manifest


def ready_package(package_id) -> H5PPackage:
    package = H5PPackage.objects.filter(
        pk=package_id, status=H5PPackage.Status.READY
    ).first()
    if package is None:
        raise Http404
    return package


def main_library(package) -> LibraryRef:
    main = LibraryRef.parse(package.main_library)
    if main is None or not _installed([main]):
        raise Http404
    return main


# -- Content-Security-Policy -----------------------------------------------


def _prefix(own_origin: str, url: str) -> str:
    """A CSP source for everything under ``url`` (a path or a full URL)."""
    return urljoin(own_origin + "/", url)


def storage_origin() -> str:
    """Where the browser fetches files on S3 (presigned redirects), else ""."""
    if not is_s3(default_storage):
        return ""
    parts = urlsplit(default_storage.url(f"{LIBRARY_ROOT}/"))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def player_csp(request, package_id, parent_origin: str) -> str:
    """The player page's policy: nothing but what the player needs.

    Sources are paths under the site's own origin, written out rather
    than ``'self'`` so the policy does not hang on how a browser resolves
    ``'self'`` for a document with an opaque origin (and an ``http:``
    source also matches the same URL over https), plus the storage's
    origin when files are on S3."""
    own = request_origin(request)
    static_root = _prefix(own, settings.STATIC_URL)
    files = _prefix(own, reverse("h5p:file", kwargs={"path": "x"})[:-1])
    libraries = files + "libraries/"
    manifest = _prefix(own, reverse("h5p:manifest", args=[package_id]))
    storage = storage_origin()
    extra = f" {storage}" if storage else ""
    ancestors = " ".join(dict.fromkeys(["'self'", own, parent_origin]))
    return "; ".join(
        [
            "default-src 'none'",
            # The player's bundles and our frame script are static files;
            # the content types' code is the installed libraries.  No
            # 'unsafe-eval' (neither bundle needs it) and no inline script.
            f"script-src {static_root} {libraries}{extra}",
            # Content types write style attributes and <style> elements.
            f"style-src {static_root} {libraries}{extra} 'unsafe-inline'",
            f"img-src {static_root} {files}{extra} data: blob:",
            f"media-src {files}{extra} data: blob:",
            f"font-src {static_root} {files}{extra} data:",
            # h5p.json, content.json and each library.json.
            f"connect-src {manifest} {files}{extra}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {ancestors}",
            "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox",
        ]
    )


# -- Views -----------------------------------------------------------------


@require_safe
@xframe_options_sameorigin
def player(request, package_id):
    package = ready_package(package_id)
    main = main_library(package)
    parent = normalise_origin(request.GET.get("parent", ""))
    if parent is None or parent not in allowed_parent_origins(request):
        return HttpResponseBadRequest(
            "The player may only be embedded by this site's pages.",
            content_type="text/plain; charset=utf-8",
        )
    base = reverse("h5p:player", args=[package.pk]).rstrip("/")
    config = {
        "id": package.pk.hex[:12],
        "title": package.title,
        "library": str(main),
        "h5pJsonPath": base,
        "contentJsonPath": reverse(
            "h5p:file", kwargs={"path": f"content/{package.pk}"}
        ),
        "librariesPath": reverse("h5p:file", kwargs={"path": "libraries"}),
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "parentOrigin": parent,
        "saveFreq": SAVE_FREQUENCY,
        "license": package.metadata.get("license") or "U",
        "messages": {
            "error": _("This activity could not be loaded."),
        },
    }
    language = package.language if package.language not in ("", "und") else None
    response = render(
        request,
        "media/h5p/player.html",
        {
            "package": package,
            "config": config,
            "language": language or get_language() or settings.LANGUAGE_CODE,
        },
    )
    response["Content-Security-Policy"] = player_csp(request, package.pk, parent)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def manifest(request, package_id):
    package = ready_package(package_id)
    main = main_library(package)
    key = f"h5p-manifest:{package.pk}:{package.updated_at.timestamp()}"
    data = cache.get(key)
    if data is None:
        data = build_manifest(package, main)
        cache.set(key, data, MANIFEST_CACHE_SECONDS)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={MANIFEST_MAX_AGE}"
    return _shared(response)


@require_safe
def file(request, path):
    name = storage_name(path)
    content_type = content_type_of(name)
    if not is_s3(default_storage):
        try:
            modified = default_storage.get_modified_time(name).timestamp()
        except (FileNotFoundError, NotADirectoryError):
            raise Http404 from None
        if not was_modified_since(request.headers.get("If-Modified-Since"), modified):
            response = HttpResponseNotModified()
            response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
            return _shared(response)
    response = stored_file_response(
        request, default_storage, name, content_type=content_type
    )
    if not is_s3(default_storage):
        response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
    return _shared(response)
