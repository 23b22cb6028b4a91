"""Direct uploads on local storage: the browser streams the file to Chaînon.

The same API as on S3, degraded to one request whose body is copied to the
storage in chunks (never whole in memory). The declared length is checked
before the first byte is read and again while copying, so a body that runs
long is cut off and a body that stops short leaves nothing behind.
"""

import os
import secrets
from io import UnsupportedOperation
from pathlib import Path

from django.core.files import File

from media.uploads import StoredObject

#: Where bodies are written while they arrive; never served (hidden folder).
INCOMING = ".incoming"


class BodyLengthMismatch(Exception):
    def __init__(self, received: int):
        super().__init__(received)
        self.received = received


class _CheckedStream:
    """A read-once stream that refuses to yield more or fewer bytes than
    declared: ``File.chunks`` over it copies without buffering."""

    def __init__(self, stream, expected: int):
        self.stream = stream
        self.expected = expected
        self.received = 0

    def read(self, size=-1):
        remaining = self.expected - self.received
        want = remaining if size is None or size < 0 else min(size, remaining)
        data = self.stream.read(want) if want > 0 else b""
        self.received += len(data)
        if want > 0 and not data:
            raise BodyLengthMismatch(self.received)
        return data

    def seek(self, *args):
        raise UnsupportedOperation("a request body is read once")


class LocalUploads:
    def __init__(self, storage):
        self.storage = storage

    def receive(self, upload, stream) -> None:
        """Copy ``upload.size`` bytes of ``stream`` to a private temporary
        name, then move it under ``upload.name`` in one step. Two requests
        for the same upload (a retry overlapping a slow first attempt) each
        write their own file and only ever delete their own."""
        checked = _CheckedStream(stream, upload.size)
        body = File(checked, name=upload.name)
        body.size = upload.size
        temporary = f"{INCOMING}/{upload.id}-{secrets.token_hex(8)}"
        try:
            saved = self.storage.save(temporary, body, max_length=1024)
            target = Path(self.storage.path(upload.name))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.storage.path(saved), target)
        except BaseException:
            self.storage.delete(temporary)
            raise

    def stat(self, upload) -> StoredObject | None:
        if not self.storage.exists(upload.name):
            return None
        return StoredObject(self.storage.size(upload.name), upload.content_type)

    def read_head(self, upload, length: int) -> bytes:
        with self.storage.open(upload.name, "rb") as stored:
            return stored.read(length)

    def discard(self, upload) -> None:
        self.discard_object(upload.name)

    def discard_object(self, name: str, multipart_id: str = "") -> None:
        self.storage.delete(name)
