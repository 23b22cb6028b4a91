"""What kind of storage holds the files, and how to tell it is down.

Most code only needs Django's ``default_storage``. Direct uploads and ranged
serving need to know more: whether the browser can talk to S3 itself, and
the boto3 client and object key behind a stored name.
"""

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError
from django.core.files.storage import default_storage
from django.core.files.storage.filesystem import FileSystemStorage
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class StorageUnavailable(Exception):
    """The file storage did not answer; nothing was recorded."""


def is_s3(storage=None) -> bool:
    return isinstance(storage or default_storage, S3Storage)


def is_local(storage=None) -> bool:
    return isinstance(storage or default_storage, FileSystemStorage)


def s3_client(storage=None):
    return (storage or default_storage).connection.meta.client


def s3_key(name: str, storage=None) -> str:
    """The object key of a stored name (the storage's ``location`` prefix
    included), as boto3 calls need it."""
    return (storage or default_storage)._normalize_name(clean_name(name))


def error_code(error: ClientError) -> str:
    return error.response.get("Error", {}).get("Code", "")


def is_unavailable(error: BaseException) -> bool:
    """Down, unreachable or failing on its side, as opposed to refusing."""
    if isinstance(error, BotoConnectionError | HTTPClientError):
        return True
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500
    return False


def read_head(name: str, length: int, storage=None) -> bytes:
    """The first ``length`` bytes of a stored file, without fetching the
    rest: a ranged GET on S3 (opening the object through the storage would
    download all of it first)."""
    storage = storage or default_storage
    if is_s3(storage):
        response = s3_client(storage).get_object(
            Bucket=storage.bucket_name,
            Key=s3_key(name, storage),
            Range=f"bytes=0-{length - 1}",
        )
        with response["Body"] as body:
            return body.read(length)
    with storage.open(name, "rb") as handle:
        return handle.read(length)
