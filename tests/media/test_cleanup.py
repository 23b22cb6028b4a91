"""Objects leave the storage when nothing refers to them any more."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from media.models import Upload
from tests.factories import UserFactory
from tests.media.transfer import MiB, mp4_bytes, put_part, start, upload_file
from tests.testapp.models import Evidence, Recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, db):
    client.force_login(UserFactory())
    return client


def test_deleting_a_record_deletes_its_file_after_commit(
    storage, django_capture_on_commit_callbacks
):
    recording = Recording.objects.create(
        title="Audio guide", file=ContentFile(b"ID3 audio", name="guide.mp3")
    )
    name = recording.file.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        recording.delete()
        assert default_storage.exists(name)  # not before the commit

    assert len(callbacks) == 1
    assert not default_storage.exists(name)


def test_replacing_a_file_deletes_the_old_one(
    storage, django_capture_on_commit_callbacks
):
    recording = Recording.objects.create(
        title="Guide", file=ContentFile(b"one", name="one.mp3")
    )
    old = recording.file.name
    recording = Recording.objects.get(pk=recording.pk)  # as a form would load it
    recording.file = ContentFile(b"two", name="two.mp3")
    with django_capture_on_commit_callbacks(execute=True):
        recording.save()

    assert not default_storage.exists(old)
    assert default_storage.exists(recording.file.name)


def test_a_file_shared_with_a_copy_survives_the_copys_deletion(
    local_storage, django_capture_on_commit_callbacks
):
    original = Recording.objects.create(
        title="FR", file=ContentFile(b"ID3", name="guide.mp3")
    )
    copy = Recording.objects.create(title="PT", file=original.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        copy.delete()

    assert default_storage.exists(original.file.name)


def test_saving_without_changing_the_file_deletes_nothing(
    local_storage, django_capture_on_commit_callbacks
):
    recording = Recording.objects.create(
        title="Guide", file=ContentFile(b"ID3", name="guide.mp3")
    )
    recording = Recording.objects.get(pk=recording.pk)
    recording.title = "Audio guide"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        recording.save()

    assert callbacks == []
    assert default_storage.exists(recording.file.name)


def test_deleting_an_unclaimed_upload_frees_its_object(
    storage, client, django_capture_on_commit_callbacks
):
    upload_file(client, mp4_bytes(1000))
    upload = Upload.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        upload.owner.delete()  # the account goes, its uploads with it

    assert not Upload.objects.exists()
    assert not default_storage.exists(upload.name)


def test_a_claimed_uploads_object_belongs_to_its_record(
    local_storage, client, django_capture_on_commit_callbacks
):
    upload_file(client, mp4_bytes(1000))
    upload = Upload.objects.get()
    Upload.objects.filter(pk=upload.pk).update(state=Upload.State.CLAIMED)
    Evidence.objects.create(file=upload.name)

    with django_capture_on_commit_callbacks(execute=True):
        Upload.objects.all().delete()

    assert default_storage.exists(upload.name)


def age(upload_id, hours):
    then = timezone.now() - timedelta(hours=hours)
    Upload.objects.filter(pk=upload_id).update(created_at=then)
    Upload.objects.filter(pk=upload_id, completed_at__isnull=False).update(
        completed_at=then
    )


def test_expire_uploads_frees_abandoned_uploads_and_keeps_recent_ones(
    storage, client, settings, capsys
):
    settings.CHAINON_UPLOAD_PART_SIZE = 5 * MiB
    data = mp4_bytes(11 * MiB)
    abandoned = start(client, data=data).json()  # multipart on S3
    if abandoned["strategy"] == "multipart":
        put_part(client, abandoned, 1, data)
    unclaimed = upload_file(client, mp4_bytes(1000))
    recent = upload_file(client, mp4_bytes(1000))
    age(abandoned["id"], 25)
    age(unclaimed["id"], 25)
    names = {str(pk): name for pk, name in Upload.objects.values_list("id", "name")}

    call_command("expire_uploads")

    assert "Expired 2 abandoned upload(s)." in capsys.readouterr().out
    assert [str(pk) for pk in Upload.objects.values_list("id", flat=True)] == [
        recent["id"]
    ]
    assert not default_storage.exists(names[unclaimed["id"]])
    assert default_storage.exists(names[recent["id"]])


def test_a_record_built_with_an_uploads_name_claims_it(local_storage, client):
    upload_file(client, mp4_bytes(1000))
    upload = Upload.objects.get()

    Evidence.objects.create(file=upload.name)

    assert Upload.objects.get().state == Upload.State.CLAIMED


def test_an_upload_named_only_in_a_draft_survives_expiry(local_storage, client):
    """A page's draft keeps its values in a revision (inline children
    included) until published: the sweep looks there too."""
    upload_file(client, mp4_bytes(1000))
    upload = Upload.objects.get()
    recording = Recording.objects.create(title="Guide")
    content_type = ContentType.objects.get_for_model(Recording)
    Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(recording.pk),
        object_str="Guide",
        content={"title": "Guide", "file": upload.name},
    )
    age(upload.pk, 48)

    call_command("expire_uploads")

    assert Upload.objects.get().state == Upload.State.CLAIMED
    assert default_storage.exists(upload.name)


def test_expiry_skips_an_upload_claimed_since_it_was_listed(local_storage, client):
    upload_file(client, mp4_bytes(1000))
    upload = Upload.objects.get()
    age(upload.pk, 48)
    Upload.objects.update(state=Upload.State.CLAIMED)

    call_command("expire_uploads")

    assert default_storage.exists(upload.name)
