"""An unreachable S3: the API and the pages say so, and nothing is half-written."""

import io
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from media.models import Upload
from tests.factories import UserFactory
from tests.media.transfer import MiB, complete, mp4_bytes, start
from tests.support.storage_fixtures import s3_settings

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#1d4e89").save(buffer, "PNG")
    return buffer.getvalue()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def storage_down(settings, seaweedfs):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_settings(
            seaweedfs, endpoint_url=f"http://127.0.0.1:{closed_port()}"
        ),
    }


@pytest.fixture
def client(client, db):
    client.force_login(UserFactory())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_starting_a_multipart_upload_says_storage_is_unavailable(
    storage_down, client, settings
):
    settings.CHAINON_UPLOAD_PART_SIZE = 5 * MiB
    response = start(client, data=b"", size=11 * MiB)

    assert response.status_code == 503
    assert "storage is unavailable" in response.json()["detail"]
    assert not Upload.objects.exists()


def test_finishing_while_storage_is_down_keeps_the_upload_pending(storage_down, client):
    upload = start(client, data=mp4_bytes(1000)).json()  # signing needs no network

    response = complete(client, upload)

    assert response.status_code == 503
    assert "nothing was saved" in response.json()["detail"]
    assert Upload.objects.get().state == Upload.State.PENDING


def test_a_wagtail_image_upload_shows_a_clear_page_and_records_nothing(
    storage_down, client
):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Façade",
            "file": SimpleUploadedFile("facade.png", png_bytes(), "image/png"),
        },
    )

    assert response.status_code == 503
    assert b"File storage unavailable" in response.content
    assert not get_image_model().objects.exists()
