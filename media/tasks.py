"""Background work of the media room (run by ``manage.py db_worker`` in
production, immediately in development and tests)."""

import logging

from django.core.files.storage import default_storage
from django.tasks import task

logger = logging.getLogger(__name__)


@task
def delete_stored_files(names: list[str]) -> int:
    """Delete objects nobody refers to any more; a missing one is not an
    error (a retried task may find its work done)."""
    for name in names:
        default_storage.delete(name)
        logger.info("Deleted stored file %s", name)
    return len(names)


@task
def discard_upload(name: str, multipart_id: str = "") -> None:
    """Free what an upload record held: its multipart parts and its object."""
    from media.uploads.service import storage_backend

    storage_backend().discard_object(name, multipart_id)
