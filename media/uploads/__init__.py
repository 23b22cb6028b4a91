"""Direct uploads: the browser sends a file straight to the storage (S3) or,
on local storage, streams it to Chaînon; ``service`` holds the steps."""

from dataclasses import dataclass


@dataclass(frozen=True)
class StoredObject:
    """What either backend reports of a stored object."""

    size: int
    content_type: str
