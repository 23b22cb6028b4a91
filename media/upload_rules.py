"""The rules of a direct upload, as plain Python (no Django).

Whether a declared file may be uploaded at all, how it is cut into parts and
what its stored name looks like are decisions worth reading and testing on
their own: the Django views and the S3 and local backends only apply them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from fnmatch import fnmatchcase

# S3's own limits: every part but the last is at least 5 MiB, a multipart
# upload has at most 10,000 parts, and a part (like a single PUT) carries at
# most 5 GiB.
MIN_PART_SIZE = 5 * 1024 * 1024
MAX_PART_SIZE = 5 * 1024**3
MAX_PARTS = 10_000

SINGLE = "single"
MULTIPART = "multipart"


class UploadRefused(Exception):
    """A declared upload breaks a rule; ``code`` says which one.

    The Django layer turns the code into a translated message, so this module
    stays free of gettext.
    """

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class UploadPlan:
    """How the browser sends a file: in one request, or in numbered parts."""

    strategy: str
    part_size: int
    part_count: int

    def expected_lengths(self, size: int) -> dict[int, int]:
        """Every part's expected length: all full but the last."""
        lengths = dict.fromkeys(range(1, self.part_count + 1), self.part_size)
        lengths[self.part_count] = size - self.part_size * (self.part_count - 1)
        return lengths


def plan_upload(size: int, part_size: int) -> UploadPlan:
    """Files larger than one part go multipart, so a dropped connection costs
    one part, not the whole file; parts grow when 10,000 would not suffice."""
    part_size = min(part_size, MAX_PART_SIZE)
    if size <= part_size:
        return UploadPlan(SINGLE, size, 1)
    part_size = max(part_size, MIN_PART_SIZE, math.ceil(size / MAX_PARTS))
    return UploadPlan(MULTIPART, part_size, math.ceil(size / part_size))


def check_declaration(
    *,
    size: int,
    content_type: str,
    max_size: int,
    allowed_types: tuple[str, ...] | list[str] = (),
) -> None:
    """Refuse before a single byte is stored: empty, too large or unwanted."""
    if size <= 0:
        raise UploadRefused("empty")
    if size > max_size:
        raise UploadRefused("too_large", size=size, max_size=max_size)
    if not type_allowed(content_type, allowed_types):
        raise UploadRefused(
            "type_not_allowed", content_type=content_type, allowed=allowed_types
        )


def type_allowed(content_type: str, allowed_types) -> bool:
    """``allowed_types`` holds patterns such as ``video/*``; empty allows all."""
    if not allowed_types:
        return True
    content_type = content_type.lower()
    return any(fnmatchcase(content_type, pattern.lower()) for pattern in allowed_types)


_CONTENT_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")


def normalise_content_type(value: str) -> str:
    """A bare ``type/subtype``; parameters are dropped, anything else refused."""
    bare = value.split(";", 1)[0].strip().lower()
    if not _CONTENT_TYPE.match(bare) or len(bare) > 127:
        raise UploadRefused("bad_content_type", content_type=value)
    return bare


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, max_length: int = 100) -> str:
    """A file name safe in an S3 key, a URL and a Content-Disposition header.

    Accents are folded (``Médiation é.mp4`` → ``Mediation_e.mp4``), directory
    parts dropped, and the extension kept when the name is shortened.
    """
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("_", folded).strip("._")
    if not cleaned:
        raise UploadRefused("bad_filename", filename=name)
    stem, dot, extension = cleaned.rpartition(".")
    if not dot:
        stem, extension = cleaned, ""
    extension = extension[:16]
    room = max_length - len(extension) - (1 if extension else 0)
    stem = stem[:room].rstrip("._") or "file"
    return f"{stem}.{extension}" if extension else stem


def check_parts(uploaded: dict[int, int], plan: UploadPlan, size: int) -> list[int]:
    """Parts still missing; a part of the wrong length is refused outright,
    since the object assembled from it could never have the declared size."""
    expected = plan.expected_lengths(size)
    for number, length in uploaded.items():
        if number not in expected:
            raise UploadRefused("unknown_part", number=number)
        if length != expected[number]:
            raise UploadRefused(
                "part_size_mismatch",
                number=number,
                size=length,
                expected=expected[number],
            )
    return [number for number in expected if number not in uploaded]
