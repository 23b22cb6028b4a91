"""Deleting stored objects after the database has let go of them.

Deletion waits for the transaction to commit (a rolled-back delete must not
lose the file) and then runs as a background task, since removing a large
object from S3 can take longer than a page view should.
"""

from functools import partial

from django.core.files.storage import default_storage
from django.db import transaction


def delete_files_later(names, storage=None):
    """Enqueue the deletion of ``names`` once the current transaction commits.

    Only the default storage is supported by the task (a task's arguments
    must be plain data); other storages are cleaned up right after commit.
    """
    names = [name for name in names if name]
    if not names:
        return
    from media.tasks import delete_stored_files

    if storage is None or storage is default_storage:
        transaction.on_commit(partial(delete_stored_files.enqueue, names))
    else:
        transaction.on_commit(partial(_delete_now, storage, names))


def _delete_now(storage, names):
    for name in names:
        storage.delete(name)
