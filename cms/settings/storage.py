"""The options of the S3 file storage, in one place.

Production reads them from the environment (``base.py``); the test suite
builds the very same options for the SeaweedFS server it starts, so what is
tested is what runs.
"""

from botocore.config import Config


def s3_storage_options(
    *,
    bucket_name: str,
    endpoint_url: str = "",
    region_name: str = "",
    access_key: str = "",
    secret_key: str = "",
    addressing_style: str = "",
    querystring_expire: int = 3600,
    location: str = "",
    connect_timeout: int = 5,
    max_attempts: int = 3,
) -> dict:
    """Options for ``storages.backends.s3.S3Storage`` (boto3).

    Objects are private and read through presigned URLs; an upload never
    replaces another file. A short connect timeout and few retries make a
    page say "storage unavailable" within seconds instead of hanging.
    Empty strings mean "let boto3 decide" (its credential chain, AWS's
    endpoint and region).
    """
    return {
        "bucket_name": bucket_name,
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "client_config": Config(
            s3={"addressing_style": addressing_style or None},
            signature_version="s3v4",
            connect_timeout=connect_timeout,
            read_timeout=60,
            retries={"max_attempts": max_attempts, "mode": "standard"},
        ),
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": querystring_expire,
        "location": location,
    }
