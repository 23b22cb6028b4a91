"""Wagtail's own files (images, their renditions, documents) go through the
configured storage like everything else."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import UserFactory
from tests.media.transfer import http

pytestmark = pytest.mark.django_db


def png(width=64, height=48) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "#b3400f").save(buffer, "PNG")
    return buffer.getvalue()


def test_images_and_renditions_are_stored_and_read_back(storage):
    image = get_image_model().objects.create(
        title="Façade du musée",
        file=ImageFile(io.BytesIO(png()), name="facade.png"),
    )
    rendition = image.get_rendition("fill-32x24")

    assert default_storage.exists(image.file.name)
    assert default_storage.exists(rendition.file.name)
    with default_storage.open(rendition.file.name) as stored:
        assert PillowImage.open(stored).size == (32, 24)


def test_on_s3_image_urls_are_presigned_and_private(s3_storage):
    image = get_image_model().objects.create(
        title="Façade", file=ImageFile(io.BytesIO(png()), name="facade.png")
    )
    url = image.get_rendition("width-32").url

    assert "X-Amz-Signature=" in url
    assert http.request("GET", url).status == 200
    assert http.request("GET", url.split("?")[0]).status == 403


def test_documents_uploaded_in_the_admin_land_in_the_storage(storage, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("programme.pdf", b"%PDF-1.7 programme")},
    )

    assert response.status_code == 200
    document = get_document_model().objects.get()
    with default_storage.open(document.file.name) as stored:
        assert stored.read() == b"%PDF-1.7 programme"
