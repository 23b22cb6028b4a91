"""Storage fixtures: every storage test runs on the local disk and on a real
S3 server (SeaweedFS, started once per test process, only when a test asks
for it). Loaded for the whole suite by ``tests/conftest.py``."""

import uuid

import pytest
from django.core.files.storage import default_storage

from cms.settings.storage import s3_storage_options
from tests.support.seaweedfs import SeaweedS3

BUCKET = "chainon-test"


@pytest.fixture(scope="session")
def seaweedfs():
    server = SeaweedS3()
    server.start()
    try:
        server.create_bucket(BUCKET)
        yield server
    finally:
        server.stop()


def s3_settings(server, **overrides):
    options = s3_storage_options(
        bucket_name=BUCKET,
        endpoint_url=server.endpoint_url,
        region_name=server.region,
        access_key=server.access_key,
        secret_key=server.secret_key,
        addressing_style="path",
        querystring_expire=300,
        # Each test writes under its own prefix: no test sees another's files.
        location=f"t-{uuid.uuid4().hex[:12]}",
        max_attempts=1,
    )
    options.update(overrides)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def local_settings(tmp_path):
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "media", "base_url": "/media/"},
    }


@pytest.fixture(params=["local", "s3"])
def storage(request, settings, tmp_path):
    """The default storage, once on the local disk and once on S3."""
    if request.param == "s3":
        default = s3_settings(request.getfixturevalue("seaweedfs"))
    else:
        default = local_settings(tmp_path)
    settings.STORAGES = {**settings.STORAGES, "default": default}
    return default_storage


@pytest.fixture
def s3_storage(settings, seaweedfs):
    settings.STORAGES = {**settings.STORAGES, "default": s3_settings(seaweedfs)}
    return default_storage


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": local_settings(tmp_path)}
    return default_storage
