"""Where unpacked files go: a small protocol any storage can meet.

Django's storages (local or S3) meet it through a thin adapter in the
Django layer; tests use ``MemoryTarget``.  Files are written by streaming a
file-like object, never as one bytes value, so a large video in a package
never sits whole in memory.
"""

from typing import BinaryIO, Protocol


class Target(Protocol):
    """``save`` may return before the file is durable (a target may write
    in the background); ``flush`` returns once every file saved so far is,
    or raises the first error.  ``unpack`` flushes before each marker, so a
    marker never exists before the files it vouches for.  A target that
    writes synchronously has nothing to do in ``flush``."""

    def exists(self, name: str) -> bool: ...

    def save(self, name: str, content: BinaryIO, size: int) -> None:
        """Write ``content`` (read to its end) under exactly ``name``."""

    def flush(self) -> None: ...

    def delete(self, name: str) -> None: ...

    def open(self, name: str) -> BinaryIO: ...


class MemoryTarget:
    """A target in a dict, for tests and dry runs."""

    def __init__(self):
        self.files: dict[str, bytes] = {}

    def exists(self, name: str) -> bool:
        return name in self.files

    def save(self, name: str, content: BinaryIO, size: int) -> None:
        chunks = []
        while chunk := content.read(1 << 16):
            chunks.append(chunk)
        self.files[name] = b"".join(chunks)

    def flush(self) -> None:
        pass

    def delete(self, name: str) -> None:
        self.files.pop(name, None)

    def open(self, name: str) -> BinaryIO:
        import io

        return io.BytesIO(self.files[name])
