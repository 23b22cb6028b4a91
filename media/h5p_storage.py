"""Django's file storage (local folder or S3) as a target of the H5P core.

The core writes every file under the exact name it chose (content and
library layouts are addresses the player relies on), so an existing object
is replaced rather than renamed the way ``Storage.save`` would.
"""

from django.core.files import File
from django.core.files.storage import default_storage


class StorageTarget:
    def __init__(self, storage=None):
        self.storage = storage or default_storage

    def exists(self, name: str) -> bool:
        return self.storage.exists(name)

    def save(self, name: str, content, size: int) -> None:
        if self.storage.exists(name):
            self.storage.delete(name)
        stored = self.storage.save(name, File(content, name=name.rsplit("/", 1)[-1]))
        if stored != name:  # a concurrent writer took the name meanwhile
            self.storage.delete(stored)
            raise FileExistsError(name)

    def delete(self, name: str) -> None:
        self.storage.delete(name)

    def open(self, name: str):
        return self.storage.open(name, "rb")
