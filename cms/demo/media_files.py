"""The demo resources' files, drawn when the seed first needs them.

Partners' real photographs, recordings and scans are theirs to publish, so
the demo draws stand-ins: a panorama, flat-colour pictures, a 3D box, a few
seconds of soft tones and a one-page guide, each small and in the exact
format a partner would upload (equirectangular JPEG, binary glTF 2.0, WAV,
PDF, WebVTT), so every viewer of a resource page has something real to
open.  Drawings are deterministic: seeding twice makes the same bytes.
The one file that cannot be drawn here, a video, is committed next to this
module (``files/generique.webm``, see ``files/README.md``).
"""

import io
import json
import math
import struct
import textwrap
import wave
from array import array
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from PIL import Image, ImageDraw

FILES = Path(__file__).resolve().parent / "files"
PANORAMA_SIZE = (2048, 1024)
PICTURE_SIZE = (1200, 800)
SAMPLE_RATE = 16000


@dataclass(frozen=True)
class MediaFile:
    data: bytes
    extension: str
    width: int | None = None
    height: int | None = None
    duration: float | None = None


# -- Images ------------------------------------------------------------------


def _gradient(size, stops) -> Image.Image:
    """A vertical gradient through ``stops``: (height fraction, RGB) pairs."""
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / (height - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                k = (t - t0) / (t1 - t0) if t1 > t0 else 0
                colour = tuple(
                    round(a + (b - a) * k) for a, b in zip(c0, c1, strict=True)
                )
                column.putpixel((0, y), colour)
                break
    return column.resize(size, Image.Resampling.NEAREST)


def _jpeg(image: Image.Image, quality=85) -> MediaFile:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return MediaFile(buffer.getvalue(), "jpg", *image.size)


def _gallery(draw: ImageDraw.ImageDraw, width: int) -> None:
    """A white room: eight framed paintings at eye level, a parquet floor."""
    paintings = [
        ((190, 40, 40), (250, 200, 60)),
        ((30, 60, 140), (240, 240, 230)),
        ((240, 180, 40), (20, 20, 20)),
        ((40, 120, 90), (230, 90, 60)),
        ((120, 40, 120), (250, 220, 120)),
        ((20, 20, 20), (220, 60, 50)),
        ((200, 110, 50), (40, 70, 160)),
        ((90, 150, 200), (250, 250, 250)),
    ]
    draw.line([(0, 640), (width, 640)], fill=(150, 140, 130), width=6)
    step = width // len(paintings)
    for n, (ground, figure) in enumerate(paintings):
        x = n * step + step // 2
        frame = (x - 90, 380, x + 90, 560)
        draw.rectangle(frame, fill=(60, 45, 30))
        canvas = (frame[0] + 10, frame[1] + 10, frame[2] - 10, frame[3] - 10)
        draw.rectangle(canvas, fill=ground)
        if n % 2:
            draw.ellipse((x - 40, 430, x + 40, 510), fill=figure)
        else:
            draw.polygon([(x - 50, 540), (x, 410), (x + 50, 540)], fill=figure)
        draw.rectangle((x - 20, 600, x + 20, 606), fill=(255, 255, 255))  # label
    for n in range(4):  # ceiling lights
        x = n * width // 4 + width // 8
        draw.ellipse((x - 60, 150, x + 60, 190), fill=(255, 252, 235))


def _cave(draw: ImageDraw.ImageDraw, width: int) -> None:
    """A rock chamber with a painted frieze of squares and triangles in red,
    white and black, and one opening to a blue sky."""
    colours = [(165, 60, 40), (235, 225, 205), (30, 25, 20)]
    size = 64
    for n, x in enumerate(range(0, width, size)):
        colour = colours[n % 3]
        if n % 2:
            draw.rectangle((x + 6, 440, x + size - 6, 440 + size - 12), fill=colour)
        else:
            draw.polygon(
                [
                    (x + 4, 440 + size - 12),
                    (x + size // 2, 440),
                    (x + size - 4, 440 + size - 12),
                ],
                fill=colour,
            )
    draw.line([(0, 432), (width, 432)], fill=colours[0], width=8)
    draw.line([(0, 500), (width, 500)], fill=colours[0], width=8)
    opening = [(1560, 420), (1600, 250), (1760, 200), (1900, 260), (1940, 420)]
    draw.polygon(opening, fill=(120, 175, 225))
    draw.line([*opening, opening[0]], fill=(70, 45, 30), width=10)


_SCENES = {
    "gallery": (
        [
            (0, (205, 205, 200)),
            (0.3, (245, 244, 238)),
            (0.62, (238, 235, 226)),
            (0.625, (140, 95, 60)),
            (1, (90, 60, 38)),
        ],
        _gallery,
    ),
    "cave": (
        [
            (0, (48, 36, 30)),
            (0.4, (125, 88, 60)),
            (0.6, (110, 76, 52)),
            (0.62, (60, 50, 45)),
            (1, (25, 22, 20)),
        ],
        _cave,
    ),
}


def panorama(scene: str) -> MediaFile:
    """A 2:1 equirectangular JPEG of ``scene`` ("gallery" or "cave"): the
    horizon is the middle line, so a 360° viewer shows it at eye level."""
    stops, paint = _SCENES[scene]
    image = _gradient(PANORAMA_SIZE, stops)
    paint(ImageDraw.Draw(image), PANORAMA_SIZE[0])
    return _jpeg(image, quality=80)


def _circle_and_line(draw):
    draw.ellipse((180, 180, 620, 620), fill=(200, 40, 40))
    draw.line([(80, 720), (1120, 120)], fill=(245, 200, 50), width=18)
    draw.ellipse((930, 560, 1050, 680), fill=(245, 245, 235))
    draw.ellipse((960, 550, 1080, 670), fill=(20, 30, 70))  # a crescent


def _tilted_rectangles(draw):
    for n in range(3):
        x = 250 + n * 260
        draw.polygon(
            [(x, 650), (x + 120, 630), (x + 200, 230), (x + 80, 250)],
            fill=(25, 25, 25),
        )
    draw.line([(820, 140), (880, 180), (940, 130)], fill=(255, 255, 255), width=10)


def _discs(draw):
    for cx, cy, rings in (
        (420, 400, [(240, 130, 40), (60, 150, 90), (40, 90, 170), (235, 120, 160)]),
        (820, 430, [(40, 90, 170), (245, 200, 50), (200, 50, 50)]),
    ):
        for n, colour in enumerate(rings):
            r = 300 - n * 70
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)


def _bands(draw):
    colours = [(60, 150, 90), (200, 50, 50), (245, 200, 50)]
    for n in range(-4, 10):
        x = n * 160
        draw.polygon(
            [(x, 800), (x + 160, 800), (x + 560, 0), (x + 400, 0)],
            fill=colours[n % 3],
        )
        draw.line([(x, 800), (x + 400, 0)], fill=(20, 20, 20), width=8)


def _drapery(draw):
    for n in range(12):
        y = 150 + n * 45
        draw.arc((150, y - 200, 1050, y + 200), 20, 160, fill=(60, 50, 45), width=4)


def _arcade(draw):
    ink = (55, 45, 40)
    for x in (330, 770):
        draw.rectangle((x, 330, x + 100, 700), outline=ink, width=6)
    draw.arc((380, 110, 820, 550), 180, 360, fill=ink, width=6)
    draw.line([(250, 700), (950, 700)], fill=ink, width=6)


def _lozenges(draw):
    for row in range(5):
        for column in range(7):
            x, y = 100 + column * 170, 90 + row * 155
            colour = (190, 40, 45) if (row + column) % 2 else (240, 235, 225)
            draw.polygon(
                [(x, y - 60), (x + 60, y), (x, y + 60), (x - 60, y)], fill=colour
            )


def _stripes(draw):
    colours = [(200, 140, 50), (240, 190, 40), (25, 25, 25), (240, 235, 225)]
    for n in range(16):
        draw.rectangle((0, n * 50, 1200, n * 50 + 50), fill=colours[n % 4])
    points = [(x, 400 + (60 if (x // 100) % 2 else -60)) for x in range(0, 1300, 100)]
    draw.line(points, fill=(190, 40, 45), width=14)


#: Each picture: its background colour and what is drawn on it.  The demo's
#: text alternatives (``cms.demo.resources``) describe exactly these shapes.
_PICTURES = {
    "circle-and-line": ((20, 30, 70), _circle_and_line),
    "tilted-rectangles": ((205, 150, 70), _tilted_rectangles),
    "discs": ((245, 236, 215), _discs),
    "bands": ((245, 236, 215), _bands),
    "drapery": ((232, 218, 190), _drapery),
    "arcade": ((232, 218, 190), _arcade),
    "lozenges": ((40, 50, 110), _lozenges),
    "stripes": ((245, 236, 215), _stripes),
}


def picture(name: str) -> MediaFile:
    background, paint = _PICTURES[name]
    image = Image.new("RGB", PICTURE_SIZE, background)
    paint(ImageDraw.Draw(image))
    return _jpeg(image)


# -- 3D models -----------------------------------------------------------------

_CUBE = [
    [(1, -1, -1), (1, 1, -1), (1, 1, 1), (1, -1, 1)],
    [(-1, -1, -1), (-1, -1, 1), (-1, 1, 1), (-1, 1, -1)],
    [(-1, 1, -1), (-1, 1, 1), (1, 1, 1), (1, 1, -1)],
    [(-1, -1, -1), (1, -1, -1), (1, -1, 1), (-1, -1, 1)],
    [(-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)],
    [(-1, -1, -1), (-1, 1, -1), (1, 1, -1), (1, -1, -1)],
]
_TETRAHEDRON_CORNERS = [(1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)]
_TETRAHEDRON = [
    [c for n, c in enumerate(_TETRAHEDRON_CORNERS) if n != left] for left in range(4)
]
_SHAPES = {"cube": _CUBE, "tetrahedron": _TETRAHEDRON}

ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
FLOAT, UNSIGNED_SHORT = 5126, 5123


def _sub(a, b):
    return tuple(x - y for x, y in zip(a, b, strict=True))


def _cross(a, b):
    return (
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    )


def _unit(v):
    length = math.sqrt(sum(x * x for x in v))
    return tuple(x / length for x in v)


def _linear(colour):
    """glTF vertex colours are linear; the colours we name are sRGB."""
    return tuple(
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour
    )


def _mesh(faces, colours, half_size):
    """Flat-shaded vertices: each face its own corners, normal and colour,
    wound counter-clockwise seen from outside (glTF's front face)."""
    positions, normals, vertex_colours, indices = [], [], [], []
    for n, corners in enumerate(faces):
        centre = tuple(sum(c[i] for c in corners) / len(corners) for i in range(3))
        normal = _unit(
            _cross(_sub(corners[1], corners[0]), _sub(corners[2], corners[0]))
        )
        if sum(a * b for a, b in zip(normal, centre, strict=True)) < 0:
            corners, normal = corners[::-1], tuple(-x for x in normal)
        first = len(positions)
        for corner in corners:
            positions.append(tuple(x * half_size for x in corner))
            normals.append(normal)
            vertex_colours.append(_linear(colours[n % len(colours)]))
        for k in range(1, len(corners) - 1):
            indices += [first, first + k, first + k + 1]
    return positions, normals, vertex_colours, indices


def _floats(vectors) -> bytes:
    values = list(chain.from_iterable(vectors))
    return struct.pack(f"<{len(values)}f", *values)


def _pad(data: bytes, byte: bytes) -> bytes:
    return data + byte * (-len(data) % 4)


def glb(shape: str, colours, half_size=0.15, name="Demo object") -> MediaFile:
    """A binary glTF 2.0 file: one flat-coloured ``shape`` ("cube" or
    "tetrahedron") of ``colours`` (sRGB 0–1, one per face, repeated), in
    metres, centred on the origin."""
    positions, normals, vertex_colours, indices = _mesh(
        _SHAPES[shape], colours, half_size
    )
    arrays = [
        (_floats(positions), ARRAY_BUFFER),
        (_floats(normals), ARRAY_BUFFER),
        (_floats(vertex_colours), ARRAY_BUFFER),
        (struct.pack(f"<{len(indices)}H", *indices), ELEMENT_ARRAY_BUFFER),
    ]
    views, chunks, offset = [], [], 0
    for data, target in arrays:
        views.append(
            {
                "buffer": 0,
                "byteOffset": offset,
                "byteLength": len(data),
                "target": target,
            }
        )
        chunks.append(_pad(data, b"\0"))  # each view starts 4-byte aligned
        offset += len(chunks[-1])
    binary = b"".join(chunks)
    count = len(positions)
    document = {
        "asset": {"version": "2.0", "generator": "Chaînon demo seed"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": name}],
        "meshes": [
            {
                "name": name,
                "primitives": [
                    {
                        "attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": 2},
                        "indices": 3,
                        "material": 0,
                    }
                ],
            }
        ],
        "materials": [
            {
                "name": "Matte",
                "pbrMetallicRoughness": {
                    "baseColorFactor": [1, 1, 1, 1],
                    "metallicFactor": 0,
                    "roughnessFactor": 0.8,
                },
            }
        ],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": views,
        "accessors": [
            {
                "bufferView": 0,
                "componentType": FLOAT,
                "count": count,
                "type": "VEC3",
                "min": [min(p[i] for p in positions) for i in range(3)],
                "max": [max(p[i] for p in positions) for i in range(3)],
            },
            {"bufferView": 1, "componentType": FLOAT, "count": count, "type": "VEC3"},
            {"bufferView": 2, "componentType": FLOAT, "count": count, "type": "VEC3"},
            {
                "bufferView": 3,
                "componentType": UNSIGNED_SHORT,
                "count": len(indices),
                "type": "SCALAR",
            },
        ],
    }
    json_chunk = _pad(json.dumps(document, separators=(",", ":")).encode(), b" ")
    total = 12 + 8 + len(json_chunk) + 8 + len(binary)
    data = (
        b"glTF"
        + struct.pack("<II", 2, total)
        + struct.pack("<I", len(json_chunk))
        + b"JSON"
        + json_chunk
        + struct.pack("<I", len(binary))
        + b"BIN\0"
        + binary
    )
    return MediaFile(data, "glb")


# -- Sound and video -------------------------------------------------------------


def tones(notes, seconds: float) -> MediaFile:
    """A mono 16-bit WAV of soft sine tones.  ``notes`` are (start, length,
    start frequency, end frequency, loudness 0–1): a frequency that changes
    glides, the way a whistle does; each note fades in and out."""
    samples = [0.0] * int(seconds * SAMPLE_RATE)
    for start, length, f0, f1, loudness in notes:
        first, count = int(start * SAMPLE_RATE), int(length * SAMPLE_RATE)
        fade = min(count // 2, int(0.04 * SAMPLE_RATE))
        phase = 0.0
        for k in range(min(count, len(samples) - first)):
            frequency = f0 + (f1 - f0) * k / count
            phase += 2 * math.pi * frequency / SAMPLE_RATE
            envelope = min(1.0, k / fade, (count - k) / fade) if fade else 1.0
            samples[first + k] += loudness * envelope * math.sin(phase)
    peak = max(1.0, *(abs(s) for s in samples))
    pcm = array("h", (int(12000 * s / peak) for s in samples))
    if pcm.itemsize != 2:  # pragma: no cover - every platform Python runs on
        raise RuntimeError("16-bit samples expected")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())  # WAV is little-endian, like our hosts
    return MediaFile(buffer.getvalue(), "wav", duration=round(seconds, 2))


def title_sequence() -> MediaFile:
    """The committed two-second WebM title card (see ``files/README.md``)."""
    data = (FILES / "generique.webm").read_bytes()
    return MediaFile(data, "webm", width=160, height=90, duration=2.0)


def webvtt(cues) -> bytes:
    """A WebVTT file from (start seconds, end seconds, text) cues."""

    def stamp(seconds):
        minutes, rest = divmod(seconds, 60)
        return f"00:{int(minutes):02d}:{rest:06.3f}"

    blocks = ["WEBVTT", ""]
    for start, end, text in cues:
        blocks += [f"{stamp(start)} --> {stamp(end)}", text, ""]
    return "\n".join(blocks).encode()


# -- PDF -------------------------------------------------------------------------

_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = 595, 842, 56  # A4, in points
_WRAP = 88  # characters of 10.5 pt Helvetica on an A4 line


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_unicode(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _wrapped(font, size, text):
    """``text`` cut into lines that fit the page at ``size`` points (bold
    letters are wider)."""
    width = int(_WRAP * 10.5 / size * (0.9 if font == "F2" else 1))
    return [(font, size, line) for line in textwrap.wrap(text, width)]


def _pdf_lines(title, sections):
    """(font, size, text) lines; None marks a blank line."""
    lines = [*_wrapped("F2", 18, title), None]
    for heading, paragraphs in sections:
        lines += _wrapped("F2", 13, heading)
        for paragraph in paragraphs:
            lines += [*_wrapped("F1", 10.5, paragraph), None]
    return lines


def _pdf_pages(lines):
    pages, current, y = [], [], _PAGE_HEIGHT - _MARGIN
    for line in lines:
        height = 8 if line is None else line[1] * 1.5
        if y - height < _MARGIN:
            pages.append(current)
            current, y = [], _PAGE_HEIGHT - _MARGIN
        y -= height
        if line is not None:
            current.append((y, line))
    pages.append(current)
    return pages


def pdf(title: str, sections, language="fr-FR") -> MediaFile:
    """A text PDF (selectable, searchable, read aloud by screen readers'
    PDF support): ``title`` then (heading, [paragraph, …]) ``sections``."""
    pages = _pdf_pages(_pdf_lines(title, sections))
    first_page = 5
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang ("
        + language.encode()
        + b") /ViewerPreferences << /DisplayDocTitle true >> >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
        b" /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold"
        b" /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for n, page in enumerate(pages):
        page_id, content_id = first_page + 2 * n, first_page + 2 * n + 1
        kids.append(f"{page_id} 0 R".encode())
        stream = b"".join(
            b"BT /%s %g Tf %d %.1f Td (%s) Tj ET\n"
            % (font.encode(), size, _MARGIN, y, _pdf_text(text))
            for y, (font, size, text) in page
        )
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (_PAGE_WIDTH, _PAGE_HEIGHT, content_id)
        )
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (
            len(stream),
            stream,
        )
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(kids),
        len(pages),
    )
    info_id = first_page + 2 * len(pages)
    objects[info_id] = (
        b"<< /Title " + _pdf_unicode(title) + b" /Producer (Chainon demo seed) >>"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            size,
            info_id,
            xref,
        )
    )
    return MediaFile(bytes(out), "pdf")
