"""Does a file's first bytes agree with the type its uploader declared?

Browsers guess a type from the file name, so a renamed file arrives with a
confident but wrong type. For the formats partners upload most (video,
audio, images, 3D models, zip-based packages, PDF) the first bytes say what
a file really is; for other types there is nothing to check and the
declaration stands. Plain Python, no Django.
"""

from __future__ import annotations

#: How many leading bytes :func:`content_matches` needs.
HEAD_LENGTH = 64


def _iso_media(head: bytes) -> bool:
    # MP4, MOV, M4A, 3GP: a box whose type is "ftyp" at offset 4.
    return head[4:8] == b"ftyp"


def _zip(head: bytes) -> bool:
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _riff(kind: bytes):
    return lambda head: head[:4] == b"RIFF" and head[8:12] == kind


_SIGNATURES = {
    "video/mp4": _iso_media,
    "video/quicktime": _iso_media,
    "audio/mp4": _iso_media,
    "audio/x-m4a": _iso_media,
    "video/webm": lambda head: head[:4] == b"\x1a\x45\xdf\xa3",
    "audio/webm": lambda head: head[:4] == b"\x1a\x45\xdf\xa3",
    "audio/ogg": lambda head: head[:4] == b"OggS",
    "video/ogg": lambda head: head[:4] == b"OggS",
    "audio/mpeg": lambda head: (
        head[:3] == b"ID3"
        or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3")
    ),
    "audio/wav": _riff(b"WAVE"),
    "audio/x-wav": _riff(b"WAVE"),
    "image/webp": _riff(b"WEBP"),
    "image/jpeg": lambda head: head[:3] == b"\xff\xd8\xff",
    "image/png": lambda head: head[:8] == b"\x89PNG\r\n\x1a\n",
    "image/gif": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    "model/gltf-binary": lambda head: head[:4] == b"glTF",
    "application/pdf": lambda head: head[:5] == b"%PDF-",
    "application/zip": _zip,
    "application/x-zip-compressed": _zip,
    "application/h5p": _zip,
    "application/x-h5p": _zip,
}


def content_matches(content_type: str, head: bytes) -> bool:
    """False only when ``head`` proves the declaration wrong."""
    check = _SIGNATURES.get(content_type)
    return check is None or check(head)
