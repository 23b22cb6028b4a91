"""Direct uploads on local storage: the browser streams the file to Chaînon.

The same API as on S3, degraded to one request whose body is copied to the
storage in chunks (never whole in memory). The declared length is checked
before the first byte is read and again while copying, so a body that runs
long is cut off and a body that stops short leaves nothing behind.
"""

from io import UnsupportedOperation

from django.core.files import File

from media.uploads.s3 import StoredObject

CHUNK_SIZE = 1024 * 1024


class TransferInProgress(Exception):
    """Two requests sent the same upload's body at once."""


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
        """Copy ``upload.size`` bytes of ``stream`` under ``upload.name``; on
        any failure the partial file is removed and the error re-raised."""
        checked = _CheckedStream(stream, upload.size)
        body = File(checked, name=upload.name)
        body.size = upload.size
        self.storage.delete(upload.name)  # a previous, interrupted attempt
        try:
            saved = self.storage.save(upload.name, body, max_length=1024)
        except BaseException:
            self.storage.delete(upload.name)
            raise
        if saved != upload.name:
            # Another request for the same upload wrote the name meanwhile.
            self.storage.delete(saved)
            raise TransferInProgress

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
