"""Django's file storage (local folder or S3) as a target of the H5P core.

The core writes every file under the exact name it chose (content and
library layouts are addresses the player relies on), so an existing object
is replaced rather than renamed the way ``Storage.save`` would.

On S3 the upload goes straight through boto3, without existence checks.
A package is mostly small files and each costs a round trip, so files up
to 1 MiB are read (decompressed, CRC-checked) in the caller's thread and
sent by a few background threads, at most ``IN_FLIGHT`` at a time (so at
most that many MiB wait in memory); ``flush`` waits for them and raises
the first error.  Large files go as multipart uploads holding at most two
8 MiB parts in memory, so a package of large videos unpacks in bounded
memory.  Objects get their content type from their name: the player loads
scripts and styles from them.
"""

import io
import mimetypes
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from boto3.s3.transfer import TransferConfig
from django.core.files import File
from django.core.files.storage import default_storage

from media.storage_access import is_s3, s3_client, s3_key

SMALL = 1024 * 1024
PART = 8 * 1024 * 1024
WORKERS = 8
IN_FLIGHT = 16


def _transfer_config() -> TransferConfig:
    config = TransferConfig(
        multipart_threshold=PART, multipart_chunksize=PART, max_concurrency=2
    )
    # Not a constructor argument: how many parts may wait in memory.
    config.max_in_memory_upload_chunks = 2
    return config


class StorageTarget:
    def __init__(self, storage=None):
        self.storage = storage or default_storage
        self.s3 = is_s3(self.storage)
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future] = []
        self._room = threading.BoundedSemaphore(IN_FLIGHT)

    def exists(self, name: str) -> bool:
        return self.storage.exists(name)

    def save(self, name: str, content, size: int) -> None:
        if self.s3:
            self._put(name, content, size)
            return
        if self.storage.exists(name):
            self.storage.delete(name)
        stored = self.storage.save(name, File(content, name=name.rsplit("/", 1)[-1]))
        if stored != name:  # a concurrent writer took the name meanwhile
            self.storage.delete(stored)
            raise FileExistsError(name)

    def _put(self, name: str, content, size: int) -> None:
        client = s3_client(self.storage)
        bucket = self.storage.bucket_name
        key = s3_key(name, self.storage)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if size <= SMALL:
            body = content.read()  # decompressed and CRC-checked here
            self._room.acquire()
            try:
                future = self._executor().submit(
                    client.put_object,
                    Bucket=bucket,
                    Key=key,
                    Body=body,
                    ContentType=content_type,
                )
            except BaseException:
                self._room.release()
                raise
            future.add_done_callback(lambda _done: self._room.release())
            self._pending.append(future)
            return
        # Full reads of the requested size, so the transfer sees a large
        # stream and goes multipart instead of reading it whole.
        stream = (
            content
            if isinstance(content, io.BufferedIOBase)
            else (io.BufferedReader(content, 64 * 1024))
        )
        client.upload_fileobj(
            stream,
            bucket,
            key,
            ExtraArgs={"ContentType": content_type},
            Config=_transfer_config(),
        )

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="h5p-s3")
        return self._pool

    def flush(self) -> None:
        """Wait for every background write; raise the first that failed."""
        pending, self._pending = self._pending, []
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        for future in pending:
            future.result()

    def delete(self, name: str) -> None:
        self.storage.delete(name)

    def open(self, name: str):
        return self.storage.open(name, "rb")
