"""A small valid .h5p and the hostile packages built from it.

``valid_package()`` is a content of the tiny library "Chainon.Probe 1.0"
(library.json, semantics.json, a script and a language file) with a
``content.json`` and one image.  Every hostile builder starts from it and
breaks exactly one rule; ``CASES`` maps each to the rule it must be
rejected with (and, when the rule needs it, the limits to check against).

Everything is built in memory with ``zipfile`` (dates fixed, so the bytes
are reproducible); the few tricks ``zipfile`` will not write (a name with a
NUL, a size that lies, entries sharing their data) are made by patching
the bytes it wrote.
"""

import json
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from media.h5p.limits import Limits

DATE = (2024, 1, 1, 0, 0, 0)
LIBRARY = "Chainon.Probe"
FOLDER = "Chainon.Probe-1.0"


def _png() -> bytes:
    """A valid 1×1 transparent PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


PNG = _png()

SEMANTICS = [
    {
        "name": "text",
        "type": "text",
        "widget": "html",
        "label": "Text",
        "tags": ["p", "strong", "em"],
    },
    {"name": "image", "type": "image", "label": "Image", "optional": True},
]


def h5p_json(**changes) -> dict:
    data = {
        "title": "Sonde",
        "language": "fr",
        "mainLibrary": LIBRARY,
        "embedTypes": ["iframe"],
        "license": "CC BY",
        "licenseVersion": "4.0",
        "authors": [{"name": "Musée de Chaînon", "role": "Author"}],
        "preloadedDependencies": [
            {"machineName": LIBRARY, "majorVersion": 1, "minorVersion": 0}
        ],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def library_json(patch: int = 0, **changes) -> dict:
    data = {
        "title": "Chaînon probe",
        "machineName": LIBRARY,
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": patch,
        "runnable": 1,
        "embedTypes": ["iframe"],
        "preloadedJs": [{"path": "probe.js"}],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def content_json() -> dict:
    return {
        "text": "<p>Bonjour <strong>le musée</strong><script>alert(1)</script></p>",
        "image": {"path": "images/probe.png", "mime": "image/png"},
    }


def probe_files(patch: int = 0, with_library: bool = True) -> dict[str, bytes]:
    """The valid package's files, in order, by path."""
    files = {
        "h5p.json": _json(h5p_json()),
        "content/content.json": _json(content_json()),
        "content/images/probe.png": PNG,
    }
    if with_library:
        files.update(
            {
                f"{FOLDER}/library.json": _json(library_json(patch)),
                f"{FOLDER}/semantics.json": _json(SEMANTICS),
                f"{FOLDER}/probe.js": (
                    b"var H5P = H5P || {};\n"
                    b"H5P.Probe = function (params) { this.params = params; };\n"
                ),
                f"{FOLDER}/language/fr.json": _json({"semantics": []}),
            }
        )
    return files


def build(files, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``files``: a dict path → bytes, or a list of (path or
    ``ZipInfo``, bytes) pairs."""
    import io

    items = files.items() if isinstance(files, dict) else files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in items:
            info = name if isinstance(name, zipfile.ZipInfo) else _info(name)
            if not isinstance(name, zipfile.ZipInfo):
                info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


def valid_package(patch: int = 0, with_library: bool = True) -> bytes:
    return build(probe_files(patch, with_library))


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.external_attr = 0o100644 << 16
    info.create_system = 3
    return info


def _with(extra: dict[str, bytes] | None = None, **replace) -> bytes:
    files = probe_files()
    files.update(extra or {})
    for path, data in replace.items():
        files[path] = data
    return build(files)


# -- hostile packages ------------------------------------------------------


def zip_slip() -> bytes:
    return _with({"content/../../evil.png": PNG})


def absolute_path() -> bytes:
    return _with({"/var/www/evil.png": PNG})


def backslash_path() -> bytes:
    return _with({"content\\..\\..\\evil.png": PNG})


def symlink_entry() -> bytes:
    files = list(probe_files().items())
    link = _info("content/images/link.png")
    link.external_attr = (0o120777) << 16
    files.append((link, b"../../../../etc/passwd"))
    return build(files)


def ratio_bomb() -> bytes:
    """20 MB of zeros in ~20 KB: a thousandfold expansion."""
    return _with({"content/bomb.txt": bytes(20 * 1024 * 1024)})


def over_total_size() -> bytes:
    """Three incompressible 400 KB videos: 1.2 MB, over ``OVER_TOTAL_LIMITS``."""
    return _with(
        {f"content/videos/clip{index}.mp4": os.urandom(400_000) for index in range(3)}
    )


OVER_TOTAL_LIMITS = Limits(max_total_size=1024 * 1024)


def html_in_content() -> bytes:
    return _with({"content/page.html": b"<script>alert(1)</script>"})


def js_in_content() -> bytes:
    return _with({"content/evil.js": b"alert(document.cookie)"})


def svg_in_content() -> bytes:
    return _with({"content/images/evil.svg": b"<svg onload='alert(1)'/>"})


def php_in_library() -> bytes:
    return _with({f"{FOLDER}/shell.php": b"<?php system($_GET['c']);"})


def extensionless_in_content() -> bytes:
    return _with({"content/README": b"no extension"})


def missing_dependency() -> bytes:
    deps = h5p_json()["preloadedDependencies"] + [
        {"machineName": "H5P.Missing", "majorVersion": 1, "minorVersion": 0}
    ]
    return _with(**{"h5p.json": _json(h5p_json(preloadedDependencies=deps))})


def mismatched_folder() -> bytes:
    files = {
        path.replace(FOLDER, "Chainon.Other-1.0"): data
        for path, data in probe_files().items()
    }
    return build(files)


def broken_h5p_json() -> bytes:
    return _with(**{"h5p.json": b'{"title": "Sonde", '})


def missing_h5p_fields() -> bytes:
    return _with(**{"h5p.json": _json(h5p_json(title=None, embedTypes=None))})


def not_a_zip() -> bytes:
    return b"%PDF-1.7 this is not a zip archive\n" * 20


def empty_file() -> bytes:
    return b""


def size_lie() -> bytes:
    """A 200 KB entry whose headers declare 1 000 bytes (checksum of the
    real data kept, so only counting the bytes finds out)."""
    name = "content/videos/lie.mp4"
    data = build({**probe_files(), name: os.urandom(200_000)})
    return _patch_sizes(data, name, 1000)


def nul_in_name() -> bytes:
    """``evil.php\\0.png``: a NUL that cuts the name to ``evil.php``."""
    data = _with({"content/evil.phpX.png": PNG})
    return data.replace(b"evil.phpX.png", b"evil.php\x00.png")


def case_duplicate() -> bytes:
    return _with({"content/images/Probe.png": PNG})


def bzip2_entry() -> bytes:
    files = list(probe_files().items())
    info = _info("content/notes.txt")
    info.compress_type = zipfile.ZIP_BZIP2
    files.append((info, b"bzip2 cannot bound its output per read"))
    return build(files)


def overlapping_entries() -> bytes:
    """Two central directory records pointing at the same local entry."""
    data = build(
        {**probe_files(), "content/a.txt": b"a" * 100, "content/b.txt": b"b" * 100}
    )
    first = _central_record(data, "content/a.txt")
    second = _central_record(data, "content/b.txt")
    (offset,) = struct.unpack("<I", data[first + 42 : first + 46])
    patched = bytearray(data)
    patched[second + 42 : second + 46] = struct.pack("<I", offset)
    return bytes(patched)


def too_many_entries() -> bytes:
    return _with({f"content/images/{index}.png": PNG for index in range(20)})


FEW_ENTRIES = Limits(max_entries=10)


def _central_record(data: bytes, name: str) -> int:
    position = data.find(b"PK\x01\x02" + b"", 0)
    encoded = name.encode()
    while position >= 0:
        length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        if data[position + 46 : position + 46 + length] == encoded:
            return position
        position = data.find(b"PK\x01\x02", position + 4)
    raise LookupError(name)


def _local_record(data: bytes, name: str) -> int:
    encoded = name.encode()
    position = data.find(b"PK\x03\x04")
    while position >= 0:
        length = struct.unpack("<H", data[position + 26 : position + 28])[0]
        if data[position + 30 : position + 30 + length] == encoded:
            return position
        position = data.find(b"PK\x03\x04", position + 4)
    raise LookupError(name)


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    patched = bytearray(data)
    central = _central_record(data, name)
    patched[central + 24 : central + 28] = struct.pack("<I", size)
    local = _local_record(data, name)
    patched[local + 22 : local + 26] = struct.pack("<I", size)
    return bytes(patched)


@dataclass(frozen=True)
class Case:
    build: Callable[[], bytes]
    rule: str
    path: str | None = None
    limits: Limits | None = None


#: Every hostile package, the rule it breaks and the file the rejection
#: must name (None: not checked).
CASES = {
    "zip slip": Case(zip_slip, "path.dotdot", "content/../../evil.png"),
    "absolute path": Case(absolute_path, "path.absolute", "/var/www/evil.png"),
    "backslash": Case(backslash_path, "path.backslash", "content\\..\\..\\evil.png"),
    "symlink": Case(symlink_entry, "path.symlink", "content/images/link.png"),
    "ratio bomb": Case(ratio_bomb, "limits.ratio", "content/bomb.txt"),
    "over total size": Case(
        over_total_size, "limits.total_size", "", OVER_TOTAL_LIMITS
    ),
    "html in content": Case(html_in_content, "content.extension", "content/page.html"),
    "js in content": Case(js_in_content, "content.extension", "content/evil.js"),
    "svg in content": Case(
        svg_in_content, "content.extension", "content/images/evil.svg"
    ),
    "php in library": Case(php_in_library, "library.extension", f"{FOLDER}/shell.php"),
    "no extension": Case(
        extensionless_in_content, "content.extension", "content/README"
    ),
    "missing dependency": Case(missing_dependency, "dependency.missing", "h5p.json"),
    "mismatched folder": Case(
        mismatched_folder, "library.folder_mismatch", "Chainon.Other-1.0/library.json"
    ),
    "broken h5p.json": Case(broken_h5p_json, "h5p_json.invalid", "h5p.json"),
    "missing h5p.json fields": Case(
        missing_h5p_fields, "h5p_json.required", "h5p.json"
    ),
    "not a zip": Case(not_a_zip, "zip.invalid", ""),
    "empty file": Case(empty_file, "zip.empty", ""),
    "size lie": Case(size_lie, "size.declared", "content/videos/lie.mp4"),
    "nul in name": Case(nul_in_name, "path.control"),
    "case duplicate": Case(
        case_duplicate, "path.duplicate", "content/images/Probe.png"
    ),
    "bzip2": Case(bzip2_entry, "zip.method", "content/notes.txt"),
    "overlapping entries": Case(overlapping_entries, "zip.overlap"),
    "too many entries": Case(too_many_entries, "limits.entries", "", FEW_ENTRIES),
}
