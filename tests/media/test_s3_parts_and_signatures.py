"""What only S3 can do: numbered parts resumed after a drop, and presigned
URLs that SeaweedFS really checks (tampered or expired ones get 403)."""

import time
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from media.models import Upload
from media.storage_access import s3_client, s3_key
from media.uploads.s3 import S3Uploads
from tests.factories import UserFactory
from tests.media.transfer import MiB, complete, http, mp4_bytes, put_part, start
from tests.support.storage_fixtures import BUCKET, s3_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, db):
    client.force_login(UserFactory())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def parts(settings):
    settings.CHAINON_UPLOAD_PART_SIZE = 5 * MiB


def open_multipart_uploads():
    response = s3_client().list_multipart_uploads(Bucket=BUCKET)
    return [item["Key"] for item in response.get("Uploads", [])]


def test_a_dropped_part_is_resumed_without_sending_the_others_again(
    s3_storage, parts, client
):
    data = mp4_bytes(11 * MiB)
    upload = start(client, data=data).json()
    assert put_part(client, upload, 1, data) == 200
    assert put_part(client, upload, 3, data) == 200

    # The browser comes back (after a reload, say) and asks what arrived.
    state = client.get(upload["url"]).json()
    assert state["uploaded_parts"] == {"1": 5 * MiB, "3": 1 * MiB}
    early = complete(client, upload)
    assert early.status_code == 409
    assert "Part 2 has not been received" in early.json()["detail"]
    assert Upload.objects.get().state == Upload.State.PENDING

    assert put_part(client, upload, 2, data) == 200
    assert complete(client, upload).status_code == 200
    with default_storage.open(Upload.objects.get().name) as stored:
        assert stored.read() == data


def test_a_part_longer_or_shorter_than_planned_is_refused_by_s3(
    s3_storage, parts, client
):
    """Part URLs sign each part's length: nothing larger than declared is
    ever stored, even for a moment."""
    data = mp4_bytes(11 * MiB)
    upload = start(client, data=data).json()
    urls = client.post(
        upload["parts_url"], {"numbers": [1, 2, 3]}, content_type="application/json"
    ).json()["urls"]

    long = http.request("PUT", urls["1"], body=data[: 6 * MiB])
    short = http.request("PUT", urls["2"], body=data[: 4 * MiB])

    assert (long.status, short.status) == (403, 403)
    assert client.get(upload["url"]).json()["uploaded_parts"] == {}
    early = complete(client, upload)
    assert early.status_code == 409
    assert "Parts 1, 2, 3 have not been received" in early.json()["detail"]


def test_completing_again_after_the_parts_were_assembled_checks_the_object(
    s3_storage, parts, client
):
    """The storage failed right after assembling: the retry finds no
    multipart upload any more and goes on to the checks."""
    data = mp4_bytes(11 * MiB)
    upload = start(client, data=data).json()
    for number in (1, 2, 3):
        put_part(client, upload, number, data)
    record = Upload.objects.get()
    backend = S3Uploads(default_storage)
    backend.finish_multipart(record, backend.uploaded_parts(record))

    response = complete(client, upload)

    assert response.status_code == 200, response.content
    assert Upload.objects.get().multipart_id == ""


def test_a_late_put_after_cancelling_is_swept_by_expire_uploads(s3_storage, client):
    data = mp4_bytes(1000)
    upload = start(client, data=data).json()
    client.delete(upload["url"])
    put = upload["put"]
    late = http.request("PUT", put["url"], body=data, headers=put["headers"])
    assert late.status == 200  # the URL was signed before the cancel
    name = Upload.objects.get().name
    Upload.objects.update(created_at=timezone.now() - timedelta(days=2))

    call_command("expire_uploads")

    assert not default_storage.exists(name)
    assert not Upload.objects.exists()


def test_upload_urls_live_shorter_than_download_urls(s3_storage, client, settings):
    settings.CHAINON_UPLOAD_URL_EXPIRE = 60
    upload = start(client, data=mp4_bytes(1000)).json()
    assert "X-Amz-Expires=60&" in upload["put"]["url"]


@pytest.mark.parametrize("numbers", [[0], [4], [], list(range(1, 102))])
def test_part_urls_only_for_parts_the_file_has(s3_storage, parts, client, numbers):
    upload = start(client, data=b"", size=11 * MiB).json()
    response = client.post(
        upload["parts_url"], {"numbers": numbers}, content_type="application/json"
    )
    assert response.status_code == 400


def test_a_small_file_has_no_parts_to_sign(s3_storage, client):
    upload = start(client, data=mp4_bytes(1000)).json()
    response = client.post(
        f"{upload['url']}parts/", {"numbers": [1]}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "not sent in parts" in response.json()["detail"]


def test_cancelling_a_multipart_upload_aborts_it_on_s3(s3_storage, parts, client):
    data = mp4_bytes(11 * MiB)
    upload = start(client, data=data).json()
    put_part(client, upload, 1, data)
    key = s3_key(Upload.objects.get().name)
    assert key in open_multipart_uploads()

    assert client.delete(upload["url"]).status_code == 204

    assert key not in open_multipart_uploads()


def tamper(url: str) -> str:
    head, signature = url.rsplit("X-Amz-Signature=", 1)
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    return f"{head}X-Amz-Signature={flipped}"


def test_a_tampered_presigned_url_is_refused_and_nothing_is_recorded(
    s3_storage, client
):
    data = mp4_bytes(1000)
    upload = start(client, data=data).json()
    put = upload["put"]

    tampered = http.request(
        "PUT", tamper(put["url"]), body=data, headers=put["headers"]
    )
    other_key = http.request(
        "PUT", put["url"].replace(".mp4?", ".html?"), body=data, headers=put["headers"]
    )

    assert tampered.status == 403
    assert other_key.status == 403
    response = complete(client, upload)
    assert response.status_code == 409
    assert "not reached the storage" in response.json()["detail"]
    assert Upload.objects.get().state == Upload.State.PENDING


def test_an_expired_presigned_url_is_refused(settings, seaweedfs, client):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_settings(seaweedfs, querystring_expire=1),
    }
    data = mp4_bytes(1000)
    upload = start(client, data=data).json()
    time.sleep(2.5)  # let the one-second signature lapse; not a timing assertion

    response = http.request(
        "PUT", upload["put"]["url"], body=data, headers=upload["put"]["headers"]
    )

    assert response.status == 403
    assert complete(client, upload).status_code == 409
    assert not default_storage.exists(Upload.objects.get().name)


def test_a_local_body_is_refused_for_an_upload_that_goes_to_s3(s3_storage, client):
    data = mp4_bytes(1000)
    upload = start(client, data=data).json()
    response = client.generic(
        "PUT", f"{upload['url']}content/", data, content_type="video/mp4"
    )
    assert response.status_code == 400
    assert "straight to the file storage" in response.json()["detail"]
