"""What the viewers of one resource need, ready for its template.

A resource's media items are shown by kind: zoomable images, 360°
panoramas, 3D models (a USDZ item joins the GLB it is the iOS version of),
players with their text tracks, documents and H5P activities.  Choosing
which viewer, ordering tracks and transcripts for the reader's language and
turning stored names into URLs is work for Python, so the template only
draws; the template then hands the script its translated messages as JSON
(``json_script``): pages may carry a strict Content-Security-Policy where
no inline script runs.
"""

import uuid
from dataclasses import dataclass, field

from django import template
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from media.h5p_player import player_url, request_origin
from mediation import vocabulary as vocab

register = template.Library()

#: Kinds shown in an interactive viewer, which a hazard warning holds back
#: until the visitor chooses to see them; audio has nothing to see and a
#: document is a link.
INTERACTIVE_KINDS = ("image", "panorama", "model", "video", "h5p")
#: Track kinds a reader picks as subtitles, one of them shown by default.
READABLE_TRACKS = ("captions", "subtitles")


@dataclass
class Track:
    kind: str
    srclang: str
    label: str
    src: str
    default: bool = False


@dataclass
class Viewer:
    item: object
    kind: str
    dom_id: str
    url: str = ""
    ios_url: str = ""
    tracks: list = field(default_factory=list)
    transcripts: list = field(default_factory=list)
    sign_language_url: str = ""
    audio_description_url: str = ""
    h5p_url: str = ""
    gated: bool = False

    @property
    def describedby(self) -> str:
        return f"{self.dom_id}-alt" if self.item.text_alternative else ""


@dataclass
class ViewerSet:
    dom_id: str
    viewers: list
    hazards: list

    def has(self, *kinds) -> bool:
        return any(viewer.kind in kinds for viewer in self.viewers)

    @property
    def has_panorama(self) -> bool:
        return self.has("panorama")


def file_url(stored) -> str:
    """A stored file's address: ``MEDIA_URL`` on the local disk (served
    with byte ranges by ``media``), a presigned URL on S3."""
    if not stored:
        return ""
    return stored.url


def language_name(code: str) -> str:
    try:
        name = get_language_info(code)["name_local"]
    except KeyError:
        return code
    return name[:1].upper() + name[1:]


def _reader_first(values, language, key):
    """The values in the reader's language first, the rest in their order."""
    return sorted(values, key=lambda value: key(value) != language)


def tracks_of(item, language: str) -> list[Track]:
    tracks = []
    for value in _reader_first(
        item.caption_tracks, language, lambda value: value["language"]
    ):
        document = value.get("file")
        if document is None:
            continue
        kind = value["kind"]
        label = language_name(value["language"])
        if kind not in READABLE_TRACKS:
            label = f"{label} ({vocab.label_of(vocab.TRACK_KINDS, kind)})"
        tracks.append(Track(kind, value["language"], label, document.url))
    for track in tracks:
        if track.kind in READABLE_TRACKS and track.srclang == language:
            track.default = True
            break
    return tracks


def transcripts_of(item, language: str) -> list[dict]:
    return [
        {
            "language": value["language"],
            "language_name": language_name(value["language"]),
            "text": value["text"],
        }
        for value in _reader_first(
            item.transcripts, language, lambda value: value["language"]
        )
    ]


def _h5p_url(item, request) -> str:
    package = item.h5p_package
    if package is None or package.status != package.Status.READY or request is None:
        return ""
    return player_url(package.pk, request_origin(request))


def build_viewers(resource, request=None, language=None) -> ViewerSet:
    language = (language or get_language() or "").split("-")[0]
    prefix = f"viewers-{uuid.uuid4().hex[:8]}"
    items = list(resource.media_items.select_related("h5p_package").all())
    gated = bool(resource.warned_hazards)
    # A USDZ file is the iOS version of the resource's first GLB model, shown
    # by the same <model-viewer> (ios-src); alone, it is a viewer of its own.
    first_model = next((item for item in items if item.kind == "model"), None)
    ios_item = next((item for item in items if item.kind == "model_ios"), None)
    viewers = []
    for index, item in enumerate(items, start=1):
        if first_model is not None and item is ios_item:
            continue
        viewer = Viewer(
            item=item,
            kind=item.kind,
            dom_id=f"{prefix}-{index}",
            url=file_url(item.file),
            gated=gated and item.kind in INTERACTIVE_KINDS,
        )
        if item.kind == "h5p":
            viewer.h5p_url = _h5p_url(item, request)
            if not viewer.h5p_url:
                continue
        elif not viewer.url:
            continue
        if item is first_model and ios_item is not None:
            viewer.ios_url = file_url(ios_item.file)
        if item.kind in ("video", "audio"):
            viewer.tracks = tracks_of(item, language)
            viewer.transcripts = transcripts_of(item, language)
            viewer.sign_language_url = file_url(item.sign_language_video)
            viewer.audio_description_url = file_url(item.audio_description)
        viewers.append(viewer)
    hazards = [
        vocab.label_of(vocab.ACCESSIBILITY_HAZARDS, code)
        for code in resource.warned_hazards
    ]
    return ViewerSet(dom_id=prefix, viewers=viewers, hazards=hazards)


@register.simple_tag(takes_context=True)
def resource_viewers(context, resource):
    """``{% resource_viewers resource as viewer_set %}``"""
    return build_viewers(resource, context.get("request"))


@register.simple_tag
def viewer_messages() -> dict:
    """The viewers' words the script shows, in the reader's language.
    Pannellum's own messages (``pannellum``) keep its placeholders."""
    return {
        "pannellum": {
            "loadButtonLabel": _("Load the panorama"),
            "loadingLabel": _("Loading…"),
            "bylineLabel": _("by %s"),
            "noPanoramaError": _("No panorama image was given."),
            "fileAccessError": _("The file %s could not be read."),
            "malformedURLError": _("The address of the panorama is not valid."),
            "iOS8WebGLError": _(
                "This device cannot show the panorama: its browser is too old."
            ),
            "genericWebGLError": _(
                "This browser cannot show 360° panoramas (WebGL is missing)."
            ),
            "textureSizeError": _(
                "The panorama is too large for this device (%s pixels wide, "
                "%s at most)."
            ),
            "unknownError": _("The panorama could not be shown."),
        },
        "panoramaLabel": _("360° panorama"),
        "imageLabel": _("Zoomable image"),
        "loadError": _("This content could not be loaded."),
    }
