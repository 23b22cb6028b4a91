"""HTTP byte ranges (RFC 9110 §14), as plain Python.

Video and audio players seek by asking for a slice of the file; a server
that ignores ``Range`` forces them to download everything before the point
they want. One range is served as 206; several ranges in one request are
rare for media players and are answered with the whole file, which the RFC
allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(Exception):
    """The range lies wholly outside the file: answer 416."""


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The range to serve, or None to serve the whole file.

    Malformed or multi-range headers give None (a 200 with everything);
    a well-formed range that misses the file raises RangeNotSatisfiable.
    """
    if not header:
        return None
    match = _SINGLE_RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        # A suffix range: the last N bytes.
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable
        return ByteRange(max(size - suffix, 0), size - 1)
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        raise RangeNotSatisfiable
    return ByteRange(start, min(end, size - 1))
