"""Direct uploads through the API, on the local disk and on a real S3 server.

Each test plays the browser: it starts an upload, sends the bytes where the
server says (presigned URLs over real HTTP to SeaweedFS, or the streaming
endpoint on local storage) and finishes it.
"""

import io
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage

from media.models import Upload
from tests.factories import UserFactory
from tests.media.transfer import (
    PNG_HEAD,
    MiB,
    complete,
    fetch,
    mp4_bytes,
    put_single,
    send,
    start,
    upload_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def client(client, owner):
    client.force_login(owner)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_a_file_goes_to_storage_is_checked_and_can_be_read_back(storage, client, owner):
    data = mp4_bytes(300_000)
    done = upload_file(client, data)

    assert done["state"] == "complete"
    assert done["token"]
    upload = Upload.objects.get(pk=done["id"])
    assert upload.owner == owner
    assert upload.name.startswith(f"evidence/{upload.id}/")
    with default_storage.open(upload.name) as stored:
        assert stored.read() == data
    status, body, _headers = fetch(client, done["content_url"])
    assert (status, body) == (200, data)


def test_large_files_go_in_parts_on_s3_and_stream_whole_on_local(
    storage, client, settings
):
    settings.CHAINON_UPLOAD_PART_SIZE = 5 * MiB
    data = mp4_bytes(11 * MiB)
    upload = start(client, data=data).json()

    expected = "multipart" if storage.__class__.__name__ == "S3Storage" else "local"
    assert upload["strategy"] == expected
    if expected == "multipart":
        assert (upload["part_size"], upload["part_count"]) == (5 * MiB, 3)
    send(client, upload, data)
    assert complete(client, upload).status_code == 200
    with default_storage.open(Upload.objects.get().name) as stored:
        assert stored.read() == data


def test_finishing_twice_is_harmless(storage, client):
    data = mp4_bytes(10_000)
    upload = start(client, data=data).json()
    send(client, upload, data)
    assert complete(client, upload).status_code == 200
    assert complete(client, upload).json()["state"] == "complete"


# --- Refused before a single byte is stored ----------------------------------


def test_a_file_over_the_maximum_is_refused_before_anything_is_stored(
    storage, client, settings
):
    settings.CHAINON_UPLOAD_MAX_SIZE = 10 * MiB
    response = start(client, data=b"", size=10 * MiB + 1)

    assert response.status_code == 400
    assert "too large" in response.json()["detail"]
    assert "10.0\xa0MB" in response.json()["detail"]
    assert not Upload.objects.exists()


def test_a_field_smaller_maximum_and_accepted_types_apply(storage, client, owner):
    owner.user_permissions.add(Permission.objects.get(codename="add_recording"))
    too_big = start(
        client, data=b"", size=64 * MiB + 1, target="testapp.recording.file"
    )
    wrong_type = start(
        client,
        data=b"x" * 10,
        target="testapp.recording.file",
        name="notes.pdf",
        content_type="application/pdf",
    )

    assert too_big.status_code == 400
    assert wrong_type.status_code == 400
    assert "application/pdf" in wrong_type.json()["detail"]
    assert "video/*" in wrong_type.json()["detail"]
    assert not Upload.objects.exists()


def test_a_field_needs_its_models_permission(storage, client):
    response = start(client, data=b"x" * 10, target="testapp.recording.file")
    assert response.status_code == 403
    assert not Upload.objects.exists()


def test_signed_out_visitors_cannot_upload(storage, db, client):
    client.logout()
    assert start(client, data=b"x" * 10).status_code == 403


@pytest.mark.parametrize(
    "target", ["cms.user.email", "nope.nothing.file", "testapp.evidence", "x"]
)
def test_an_upload_must_name_a_stored_file_field(local_storage, client, target):
    response = start(client, data=b"x" * 10, target=target)
    assert response.status_code == 400
    assert "not for a known file field" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"target": "testapp.evidence.file", "filename": "a.mp4"}, "size"),
        ({"target": "testapp.evidence.file", "size": 10}, "filename"),
        ({"filename": "a.mp4", "size": 10}, "target"),
        ({"target": "testapp.evidence.file", "filename": "a", "size": -1}, "size"),
        ({"target": "testapp.evidence.file", "filename": "a", "size": "ten"}, "size"),
    ],
)
def test_incomplete_declarations_say_which_field_is_wrong(
    local_storage, client, body, field
):
    response = client.post("/api/media/uploads/", body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Upload.objects.exists()


def test_malformed_json_is_a_clear_400(local_storage, client):
    response = client.post(
        "/api/media/uploads/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


@pytest.mark.parametrize(
    ("name", "content_type", "size", "phrase"),
    [
        ("empty.mp4", "video/mp4", 0, "empty"),
        ("v.mp4", "video/mp4\r\nX-Evil: 1", 10, "not a valid file type"),
        ("日本語", "video/mp4", 10, "letters or digits"),
    ],
)
def test_bad_declarations_are_refused_with_a_reason(
    local_storage, client, name, content_type, size, phrase
):
    response = start(client, data=b"", name=name, content_type=content_type, size=size)
    assert response.status_code == 400
    assert phrase in response.json()["detail"]


def test_one_user_cannot_hoard_unfinished_uploads(local_storage, client, settings):
    settings.CHAINON_UPLOAD_MAX_OPEN = 2
    assert start(client, data=b"x" * 10).status_code == 201
    assert start(client, data=b"x" * 10).status_code == 201
    third = start(client, data=b"x" * 10)
    assert third.status_code == 400
    assert "2 unfinished uploads" in third.json()["detail"]


def test_the_type_is_guessed_from_the_name_when_the_browser_gives_none(
    local_storage, client
):
    upload = start(client, data=b"x" * 10, name="guide.mp3", content_type="").json()
    assert upload["content_type"] == "audio/mpeg"


# --- Refused when what arrived differs from the declaration ------------------


def test_a_file_whose_content_contradicts_its_type_is_rejected_and_deleted(
    storage, client
):
    data = PNG_HEAD + b"\x00" * 5000  # a picture renamed .mp4
    upload = start(client, data=data).json()
    send(client, upload, data)
    response = complete(client, upload)

    assert response.status_code == 400
    assert "not of the declared type video/mp4" in response.json()["detail"]
    rejected = Upload.objects.get()
    assert rejected.state == Upload.State.REJECTED
    assert rejected.error == response.json()["detail"]
    assert not default_storage.exists(rejected.name)


def test_a_body_longer_or_shorter_than_declared_is_not_kept(storage, client):
    data = mp4_bytes(5000)
    upload = start(client, data=data, size=4000).json()

    status = put_single(client, upload, data)

    # S3 checks the signed length; Chaînon checks it before reading a byte.
    assert status in (400, 403)
    response = complete(client, upload)
    assert response.status_code == 409  # the widget may send it again
    assert "not reached the storage" in response.json()["detail"]
    assert Upload.objects.get().state == Upload.State.PENDING
    assert not default_storage.exists(Upload.objects.get().name)


def test_a_single_put_with_another_content_type_is_refused(storage, client):
    data = mp4_bytes(5000)
    upload = start(client, data=data).json()

    status = put_single(client, upload, data, headers={"Content-Type": "text/html"})

    assert status in (400, 403)
    assert complete(client, upload).status_code == 409
    assert not default_storage.exists(Upload.objects.get().name)


# --- Other people's uploads ---------------------------------------------------


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("delete", ""),
        ("post", "complete/"),
        ("post", "parts/"),
        ("get", "content/"),
        ("put", "content/"),
    ],
)
def test_another_users_upload_is_not_found(local_storage, client, method, suffix):
    data = mp4_bytes(1000)
    theirs = upload_file(client, data)
    client.force_login(UserFactory())

    url = f"/api/media/uploads/{theirs['id']}/{suffix}"
    response = getattr(client, method)(url, content_type="application/json")
    forged = getattr(client, method)(
        f"/api/media/uploads/{uuid.uuid4()}/{suffix}", content_type="application/json"
    )

    assert response.status_code == 404
    assert forged.status_code == 404
    assert Upload.objects.get().state == Upload.State.COMPLETE


def test_an_id_that_is_not_a_uuid_is_not_found(local_storage, client):
    assert client.get("/api/media/uploads/42/").status_code == 404
    assert client.get("/api/media/uploads/../../etc/").status_code == 404


# --- Cancelling ----------------------------------------------------------------


def test_cancelling_frees_the_storage_and_can_be_repeated(storage, client):
    data = mp4_bytes(5000)
    upload = start(client, data=data).json()
    send(client, upload, data)

    assert client.delete(upload["url"]).status_code == 204
    assert client.delete(upload["url"]).status_code == 204
    cancelled = Upload.objects.get()
    assert cancelled.state == Upload.State.CANCELLED
    assert not default_storage.exists(cancelled.name)
    assert complete(client, upload).status_code == 400


def test_refusals_are_in_french_by_default_and_follow_the_pages_language(
    local_storage, client, settings
):
    settings.CHAINON_UPLOAD_MAX_SIZE = 10
    del client.defaults["HTTP_ACCEPT_LANGUAGE"]

    french = start(client, data=b"x" * 11).json()["detail"]
    portuguese = client.post(
        "/api/media/uploads/",
        {"target": "testapp.evidence.file", "filename": "a.mp4", "size": 11},
        content_type="application/json",
        headers={"Accept-Language": "pt"},
    ).json()["detail"]

    assert french.startswith("Le fichier est trop volumineux")
    assert portuguese.startswith("O ficheiro")


def test_a_body_that_stops_short_leaves_nothing_and_can_be_sent_again(
    local_storage, client
):
    data = mp4_bytes(5000)
    upload = start(client, data=data).json()

    short = client.request(
        REQUEST_METHOD="PUT",
        PATH_INFO=upload["put"]["url"],
        CONTENT_TYPE="video/mp4",
        CONTENT_LENGTH="5000",  # the connection drops after 3000 bytes
        **{"wsgi.input": io.BytesIO(data[:3000])},
    )

    assert short.status_code == 400
    assert "stopped after 3000 of 5000 bytes" in short.json()["detail"]
    assert not default_storage.exists(Upload.objects.get().name)
    assert default_storage.listdir(".incoming")[1] == []  # no partial body left
    assert put_single(client, upload, data) == 200
    assert complete(client, upload).status_code == 200
