"""Reading files back: ranges for seeking, redirects to S3, bounded memory."""

import tracemalloc

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from media.models import Upload
from tests.factories import UserFactory
from tests.media.transfer import MiB, fetch, http, mp4_bytes, start, upload_file

pytestmark = pytest.mark.django_db

DATA = bytes(range(256)) * 40  # 10,240 bytes, every offset recognisable


@pytest.fixture
def client(client, db):
    client.force_login(UserFactory())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_a_range_of_a_local_file_is_served_as_206(local_storage, client):
    name = default_storage.save("videos/visite.mp4", ContentFile(DATA))

    response = client.get(f"/media/{name}", headers={"Range": "bytes=1000-1099"})

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 1000-1099/{len(DATA)}"
    assert response["Content-Length"] == "100"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert b"".join(response.streaming_content) == DATA[1000:1100]


def test_a_whole_local_file_advertises_ranges(local_storage, client):
    name = default_storage.save("audio/guide.mp3", ContentFile(DATA))

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(DATA))
    assert b"".join(response.streaming_content) == DATA


def test_a_range_beyond_the_end_is_416(local_storage, client):
    name = default_storage.save("audio/guide.mp3", ContentFile(DATA))
    response = client.get(f"/media/{name}", headers={"Range": "bytes=20000-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize(
    "path",
    [
        "/media/nothing/here.mp4",
        "/media/../cms/settings/base.py",
        "/media/",
        "/media/.incoming/arriving.mp4",
    ],
)
def test_missing_hidden_or_escaping_paths_are_not_found(local_storage, client, path):
    default_storage.save(".incoming/arriving.mp4", ContentFile(b"half a video"))
    assert client.get(path).status_code == 404


def test_media_paths_never_read_a_private_bucket(s3_storage, client):
    name = default_storage.save("videos/private.mp4", ContentFile(DATA))
    assert client.get(f"/media/{name}").status_code == 404


def test_on_s3_a_download_redirects_to_a_presigned_url_that_honours_ranges(
    s3_storage, client
):
    data = mp4_bytes(10_000)
    done = upload_file(client, data, name="Visite guidée.mp4")

    response = client.get(done["content_url"])
    assert response.status_code == 302
    ranged = http.request(
        "GET", response["Location"], headers={"Range": "bytes=100-199"}
    )

    assert ranged.status == 206
    assert ranged.data == data[100:200]
    assert ranged.headers["Content-Type"] == "video/mp4"
    assert "Visite" in ranged.headers["Content-Disposition"]


def test_a_local_download_of_an_upload_is_an_attachment_with_ranges(
    local_storage, client
):
    data = mp4_bytes(10_000)
    done = upload_file(client, data, name="Visite guidée.mp4")

    status, body, headers = fetch(
        client, done["content_url"], headers={"Range": "bytes=0-9"}
    )

    assert (status, body) == (206, data[:10])
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "Visite%20guid%C3%A9e.mp4" in headers["Content-Disposition"]


def test_an_unfinished_upload_cannot_be_read(local_storage, client):
    upload = start(client, data=mp4_bytes(1000)).json()
    assert client.get(f"{upload['url']}content/").status_code == 404


def peak_memory(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_streamed_upload_and_download_never_hold_the_file_in_memory(
    local_storage, client, settings
):
    """24 MiB through the local endpoints with a few MiB of Python memory:
    the body is copied in chunks both ways (peak allocation, not time)."""
    settings.CHAINON_UPLOAD_PART_SIZE = 64 * MiB
    size = 24 * MiB
    upload = start(client, data=b"", size=size).json()
    chunk = mp4_bytes(MiB)

    class Body:
        """A request body read from a generator, as a socket would be."""

        def __init__(self):
            self.sent = 0

        def read(self, amount=-1):
            amount = size - self.sent if amount < 0 else min(amount, size - self.sent)
            self.sent += amount
            return (chunk * (amount // MiB + 1))[:amount]

        readline = read

    def send():
        environ = {
            "REQUEST_METHOD": "PUT",
            "PATH_INFO": upload["put"]["url"],
            "CONTENT_TYPE": "video/mp4",
            "CONTENT_LENGTH": str(size),
            "wsgi.input": Body(),
        }
        response = client.request(**environ)
        assert response.status_code == 200, response.content

    def read():
        done = client.post(upload["url"] + "complete/").json()
        response = client.get(done["content_url"])
        total = sum(len(piece) for piece in response.streaming_content)
        assert total == size

    assert peak_memory(send) < 8 * MiB
    assert peak_memory(read) < 8 * MiB


def test_an_uploaded_page_is_never_shown_as_a_page_of_the_site(local_storage, client):
    name = default_storage.save(
        "evidence/notes.html", ContentFile(b"<script>1</script>")
    )

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_declared_as_video_is_stored_under_a_video_name(local_storage, client):
    upload = start(client, data=mp4_bytes(1000), name="page.html").json()
    package = start(
        client, data=b"PK\x03\x04", name="quiz.h5p", content_type="application/zip"
    ).json()

    assert upload["filename"] == "page.html"
    assert Upload.objects.get(pk=upload["id"]).name.endswith("/page.mp4")
    assert Upload.objects.get(pk=package["id"]).name.endswith("/quiz.h5p")


def test_a_file_still_on_its_way_is_not_served(local_storage, client):
    data = mp4_bytes(1000)
    upload = start(client, data=data).json()
    client.generic("PUT", upload["put"]["url"], data, content_type="video/mp4")
    name = Upload.objects.get().name
    assert default_storage.exists(name)

    assert client.get(f"/media/{name}").status_code == 404


def test_a_download_whose_file_vanished_is_not_found(local_storage, client):
    done = upload_file(client, mp4_bytes(1000))
    default_storage.delete(Upload.objects.get().name)

    assert client.get(done["content_url"]).status_code == 404
