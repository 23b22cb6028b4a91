"""``StoredFileField`` in a real Wagtail admin form: the widget, the token it
posts, and the same rules for a file posted without JavaScript."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from media.forms import DirectUploadField, UploadToken
from media.models import Upload
from tests.factories import UserFactory
from tests.media.transfer import PNG_HEAD, mp4_bytes, upload_file
from tests.testapp.models import Recording

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/testapp/recording/add/"


@pytest.fixture
def editor(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def client(client, editor):
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_admin_form_shows_the_upload_widget_with_its_rules(local_storage, client):
    response = client.get(ADD_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "data-direct-upload" in html
    assert 'data-target="testapp.recording.file"' in html
    assert 'data-max-size="67108864"' in html
    assert 'accept="video/*,audio/*"' in html
    assert 'type="module"' in html and "media/js/direct-upload.js" in html
    assert 'role="status"' in html


def test_a_finished_upload_is_saved_with_the_record_by_its_token(storage, client):
    data = mp4_bytes(5000)
    done = upload_file(client, data, target="testapp.recording.file")

    response = client.post(
        ADD_URL, {"title": "Visite sonore", "file-upload": done["token"]}
    )

    assert response.status_code == 302, response.content
    recording = Recording.objects.get()
    assert recording.file.name == Upload.objects.get().name
    assert Upload.objects.get().state == Upload.State.CLAIMED
    with default_storage.open(recording.file.name) as stored:
        assert stored.read() == data


@pytest.mark.parametrize("token", ["forged", "eyJpZCI6IjEifQ:1:abc"])
def test_a_forged_token_is_a_form_error_and_saves_nothing(local_storage, client, token):
    response = client.post(ADD_URL, {"title": "Visite", "file-upload": token})

    assert response.status_code == 200
    assert "expired or is not valid" in response.content.decode()
    assert not Recording.objects.exists()


def test_a_token_for_another_field_is_refused(local_storage, client):
    done = upload_file(client, mp4_bytes(1000))  # uploaded for testapp.evidence.file

    response = client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})

    assert "expired or is not valid" in response.content.decode()
    assert not Recording.objects.exists()
    assert Upload.objects.get().state == Upload.State.COMPLETE


def test_a_form_shown_again_after_an_error_keeps_the_upload(local_storage, client):
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")

    invalid = client.post(ADD_URL, {"title": "", "file-upload": done["token"]})
    assert invalid.status_code == 200
    assert done["token"] in invalid.content.decode()

    valid = client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})
    assert valid.status_code == 302
    assert Recording.objects.get().file.name == Upload.objects.get().name


def test_without_javascript_the_file_is_posted_with_the_form(storage, client):
    data = mp4_bytes(4000)
    response = client.post(
        ADD_URL,
        {
            "title": "Visite",
            "file": SimpleUploadedFile("visite.mp4", data, "video/mp4"),
        },
    )

    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.file.name.startswith("recordings/")
    with default_storage.open(recording.file.name) as stored:
        assert stored.read() == data


def test_without_javascript_the_same_rules_apply(local_storage, client):
    picture = SimpleUploadedFile("visite.mp4", PNG_HEAD + b"\x00" * 100, "video/mp4")
    document = SimpleUploadedFile("notes.pdf", b"%PDF-1.7", "application/pdf")

    renamed = client.post(ADD_URL, {"title": "Visite", "file": picture})
    wrong_type = client.post(ADD_URL, {"title": "Visite", "file": document})

    assert "not of the declared type video/mp4" in renamed.content.decode()
    assert "not accepted here" in wrong_type.content.decode()
    assert not Recording.objects.exists()


def test_a_posted_file_over_the_fields_maximum_is_refused():
    field = DirectUploadField(target="testapp.recording.file", max_size=100)
    with pytest.raises(Exception, match="too large"):
        field.clean(SimpleUploadedFile("v.mp4", mp4_bytes(101), "video/mp4"))


def test_choosing_a_file_and_removing_the_current_one_contradict(local_storage):
    field = DirectUploadField(target="testapp.recording.file", required=False)
    value = field.widget.value_from_datadict(
        {"file-upload": "token", "file-clear": "on"}, {}, "file"
    )
    with pytest.raises(Exception, match="not both"):
        field.clean(value, initial="recordings/old.mp3")
    assert field.widget.value_from_datadict({"file-upload": "t"}, {}, "file") == (
        UploadToken("t")
    )


def test_a_token_is_spent_once_its_record_is_saved(local_storage, client):
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")
    client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})

    replay = client.post(ADD_URL, {"title": "Copie", "file-upload": done["token"]})

    assert "expired or is not valid" in replay.content.decode()
    assert Recording.objects.count() == 1


def test_someone_elses_token_is_refused(local_storage, client):
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})

    assert "expired or is not valid" in response.content.decode()
    assert not Recording.objects.exists()
    assert Upload.objects.get().state == Upload.State.COMPLETE


def test_an_upload_left_in_an_abandoned_form_still_expires(
    local_storage, client, settings
):
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")
    client.post(ADD_URL, {"title": "", "file-upload": done["token"]})  # an error
    name = Upload.objects.get().name
    settings.CHAINON_UPLOAD_LIFETIME = 0

    call_command("expire_uploads")

    assert not Upload.objects.exists()
    assert not default_storage.exists(name)


def test_autosave_may_post_the_token_again_for_the_same_record(local_storage, client):
    """Wagtail's autosave posts the whole form again and again; the token of
    the file the record already holds stays acceptable for that record."""
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")
    client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})
    recording = Recording.objects.get()

    again = client.post(
        f"/admin/snippets/testapp/recording/edit/{recording.pk}/",
        {"title": "Visite sonore", "file-upload": done["token"]},
    )

    assert again.status_code == 302, again.content.decode()[-2000:]
    recording.refresh_from_db()
    assert recording.title == "Visite sonore"
    assert recording.file.name == Upload.objects.get().name


def test_a_token_outlives_its_upload_by_nothing(local_storage, client):
    done = upload_file(client, mp4_bytes(1000), target="testapp.recording.file")
    Upload.objects.update(completed_at=timezone.now() - timedelta(days=2))

    response = client.post(ADD_URL, {"title": "Visite", "file-upload": done["token"]})

    assert "expired or is not valid" in response.content.decode()
