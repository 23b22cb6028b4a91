"""Does a stored file really hold what its media item says it is?

The upload path already refuses a file whose first bytes contradict the
type the browser declared.  What it cannot know is what the editor means
the file to be: an MP4 chosen as a "3D model" is a valid MP4.  These checks
compare the file's type (from its name, as the upload stored it) with the
item's kind, then its first bytes with that type, so a ``.glb`` that is
not glTF or a "video" that is text is refused, naming the file.
"""

import json
from io import BytesIO

from django.utils.translation import gettext as _

from media import sniff
from mediation import vocabulary as vocab

HEAD_LENGTH = 256 * 1024  # enough for an image's dimensions


def type_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return vocab.EXTENSION_TYPES.get(extension, "")


def _gltf_json(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return False
    try:
        return "asset" in json.loads(head)
    except ValueError:
        # Larger than the head: settle for the key near the start.
        return b'"asset"' in head


def _usdz(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04"


_EXTRA = {"model/gltf+json": _gltf_json, "model/vnd.usdz+zip": _usdz}


def content_agrees(content_type: str, head: bytes) -> bool:
    check = _EXTRA.get(content_type)
    if check is not None:
        return check(head)
    return sniff.content_matches(content_type, head)


def problems(kind: str, name: str, head: bytes) -> list[str]:
    """What is wrong with file ``name`` (first bytes ``head``) as a ``kind``."""
    allowed = vocab.MEDIA_KIND_TYPES.get(kind, ())
    content_type = type_of(name)
    filename = name.rsplit("/", 1)[-1]
    kind_label = vocab.label_of(vocab.MEDIA_KINDS, kind)
    if content_type not in allowed:
        return [
            _("%(file)s is not a file of the kind “%(kind)s”.")
            % {"file": filename, "kind": kind_label}
        ]
    if not head or not content_agrees(content_type, head):
        return [
            _("%(file)s does not contain what its name says (%(type)s).")
            % {"file": filename, "type": content_type}
        ]
    return []


def image_size(head: bytes) -> tuple[int, int] | None:
    """An image's width and height from its first bytes, when they say."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(head)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
