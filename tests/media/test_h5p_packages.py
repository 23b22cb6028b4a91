"""H5P packages through Chaînon: the import command, uploads in the admin,
the background processing, permissions, and the shared library store."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission

from media.h5p_models import H5PLibrary, H5PPackage
from media.h5p_tasks import process
from tests.factories import UserFactory
from tests.support import h5p_hostile as hostile
from tests.support.h5p_packages import (
    h5p_package,
    testquiz_files,
    testquiz_package,
    truefalse_package,
)

pytestmark = pytest.mark.django_db


def stored_names(storage, folder="h5p"):
    names = []

    def walk(path):
        directories, files = storage.listdir(path)
        names.extend(f"{path}/{name}" for name in files)
        for directory in directories:
            walk(f"{path}/{directory}")

    if storage.exists(folder):
        walk(folder)
    return sorted(names)


def import_file(tmp_path, data, *args, name="activity.h5p"):
    path = tmp_path / name
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_h5p", str(path), *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


class TestImportCommand:
    def test_a_real_package_is_unpacked_and_its_id_printed(
        self, tmp_path, local_storage
    ):
        printed, _err = import_file(tmp_path, truefalse_package())
        package = H5PPackage.objects.get(pk=printed)
        assert package.status == H5PPackage.Status.READY
        assert package.main_library == "H5P.TrueFalse 1.6"
        assert package.title == "Hello World"
        assert len(package.checksum) == 64 and package.size > 0
        names = stored_names(local_storage)
        assert f"h5p/content/{package.pk}/content/content.json" in names or any(
            name.startswith(f"h5p/content/{package.pk}/") for name in names
        )
        assert any(n.startswith("h5p/libraries/H5P.TrueFalse-1.6/") for n in names)
        assert set(package.libraries.values_list("machine_name", flat=True)) >= {
            "H5P.TrueFalse",
            "H5P.Question",
            "H5P.JoubelUI",
        }
        truefalse = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
        assert truefalse.runnable and truefalse.semantics

    def test_the_same_libraries_are_reused_by_a_second_package(
        self, tmp_path, local_storage
    ):
        first, _ = import_file(tmp_path, truefalse_package())
        libraries = H5PLibrary.objects.count()
        library_files = [
            n for n in stored_names(local_storage) if n.startswith("h5p/libraries/")
        ]
        second, _ = import_file(tmp_path, truefalse_package(), name="again.h5p")
        assert first != second
        assert H5PLibrary.objects.count() == libraries
        assert [
            n for n in stored_names(local_storage) if n.startswith("h5p/libraries/")
        ] == library_files
        assert set(
            H5PPackage.objects.get(pk=second).libraries.values_list("pk", flat=True)
        ) == set(
            H5PPackage.objects.get(pk=first).libraries.values_list("pk", flat=True)
        )

    @pytest.mark.parametrize(
        ("build", "rule"),
        [
            (hostile.zip_slip, "path"),
            (hostile.not_a_zip, "zip"),
            (hostile.empty_file, "zip"),
        ],
    )
    def test_a_refused_package_prints_its_reasons_and_keeps_nothing(
        self, tmp_path, local_storage, build, rule
    ):
        err = io.StringIO()
        path = tmp_path / "refused.h5p"
        path.write_bytes(build())
        with pytest.raises(CommandError, match="refused"):
            call_command("import_h5p", str(path), stderr=err)
        assert f"[{rule}." in err.getvalue()
        assert not H5PPackage.objects.exists()
        assert not [
            n
            for n in stored_names(local_storage)
            if n.startswith(("h5p/content", "h5p/libraries"))
        ]

    def test_the_reasons_name_the_file_and_the_rule(self, tmp_path, local_storage):
        err = io.StringIO()
        path = tmp_path / "evil.h5p"
        path.write_bytes(hostile.zip_slip())
        with pytest.raises(CommandError):
            call_command("import_h5p", str(path), stderr=err)
        assert "../" in err.getvalue() and "[path." in err.getvalue()

    def test_an_unknown_partner_collection_is_named(self, tmp_path, local_storage):
        with pytest.raises(CommandError, match="No collection named"):
            import_file(tmp_path, testquiz_package(), "--partner", "Turin")

    def test_a_partner_collection_and_title(self, tmp_path, local_storage):
        root = Collection.get_first_root_node()
        lisbon = root.add_child(name="Museu de Lisboa")
        printed, _ = import_file(
            tmp_path,
            testquiz_package(),
            "--partner",
            "Museu de Lisboa",
            "--title",
            "Quiz du Prado",
        )
        package = H5PPackage.objects.get(pk=printed)
        assert package.collection == lisbon
        assert package.title == "Quiz du Prado"


class TestProcessing:
    def test_processing_again_finds_the_work_done(self, local_storage):
        package = H5PPackage(title="Quiz")
        package.file.save("quiz.h5p", ContentFile(testquiz_package()), save=False)
        package.save()
        process(package)
        written = stored_names(local_storage)
        package.status = H5PPackage.Status.PROCESSING
        package.save()
        assert process(package).status == H5PPackage.Status.READY
        assert stored_names(local_storage) == written

    def test_sanitised_content_never_keeps_a_script(self, local_storage):
        files = testquiz_files()
        content = files["content/content.json"].decode()
        files["content/content.json"] = content.replace(
            "Le marché",
            "<script>alert(1)</script><img src=x onerror=alert(1)>Le marché",
        ).encode()
        package = H5PPackage(title="Quiz")
        package.file.save("quiz.h5p", ContentFile(h5p_package(files)), save=False)
        package.save()
        assert process(package).status == H5PPackage.Status.READY
        names = [
            n
            for n in stored_names(local_storage)
            if n.startswith(f"h5p/content/{package.pk}/") and n.endswith("content.json")
        ]
        assert names
        stored = local_storage.open(names[0]).read().decode()
        assert "<script" not in stored and "onerror" not in stored
        assert "Le march" in stored


@pytest.fixture
def partner_editor(db):
    """An editor of one partner's collection, without the install permission."""
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Museo di Torino")
    group = Group.objects.create(name="Torino editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_h5ppackage", "change_h5ppackage", "choose_h5ppackage"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(codename=codename),
        )
    user = UserFactory()
    user.groups.add(group)
    user.collection = collection
    return user


def upload(client, user, data, collection):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user)
    return client.post(
        reverse("h5p_packages:add"),
        {
            "title": "Quiz",
            "collection": collection.pk,
            "file": SimpleUploadedFile("quiz.h5p", data, "application/zip"),
        },
    )


class TestAdminUpload:
    def test_an_administrator_uploads_and_it_becomes_ready(
        self, client, local_storage, django_capture_on_commit_callbacks
    ):
        admin = UserFactory(is_superuser=True, is_staff=True)
        with django_capture_on_commit_callbacks(execute=True):
            response = upload(
                client, admin, testquiz_package(), Collection.get_first_root_node()
            )
        assert response.status_code == 302, response.content[-3000:]
        package = H5PPackage.objects.get()
        assert package.owner == admin
        assert package.status == H5PPackage.Status.READY
        listing = client.get(reverse("h5p_packages:index"))
        assert b"Quiz" in listing.content

    def test_a_partner_editor_cannot_bring_new_library_code(
        self, client, local_storage, partner_editor, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            upload(
                client, partner_editor, testquiz_package(), partner_editor.collection
            )
        package = H5PPackage.objects.get()
        assert package.status == H5PPackage.Status.REJECTED
        assert {reason["rule"] for reason in package.reasons} == {
            "library.not_installed"
        }
        assert not [
            n for n in stored_names(local_storage) if n.startswith("h5p/libraries")
        ]

    def test_a_partner_editor_may_use_installed_libraries(
        self,
        tmp_path,
        client,
        local_storage,
        partner_editor,
        django_capture_on_commit_callbacks,
    ):
        import_file(tmp_path, testquiz_package())  # installed by an operator
        with django_capture_on_commit_callbacks(execute=True):
            upload(
                client, partner_editor, testquiz_package(), partner_editor.collection
            )
        mine = H5PPackage.objects.get(owner=partner_editor)
        assert mine.status == H5PPackage.Status.READY
        assert mine.collection == partner_editor.collection

    def test_a_partner_editor_cannot_upload_to_another_collection(
        self, client, local_storage, partner_editor
    ):
        other = Collection.get_first_root_node().add_child(name="Museu de Lisboa")
        response = upload(client, partner_editor, testquiz_package(), other)
        assert response.status_code == 200  # the form again, with the error
        assert not H5PPackage.objects.exists()

    def test_a_partner_editor_cannot_upload_to_the_root_collection(
        self, client, local_storage, partner_editor
    ):
        root = Collection.get_first_root_node()
        response = upload(client, partner_editor, testquiz_package(), root)
        assert response.status_code == 200  # the form again, with the error
        assert not H5PPackage.objects.exists()


def test_a_new_file_replaces_the_old_content(tmp_path, local_storage):
    package = H5PPackage(title="Quiz")
    package.file.save("quiz.h5p", ContentFile(testquiz_package()), save=False)
    package.save()
    process(package)
    files = testquiz_files()
    files["content/content.json"] = (
        files["content/content.json"].decode().replace("Prado", "Panier").encode()
    )
    package.file.save("quiz-v2.h5p", ContentFile(h5p_package(files)), save=False)
    package.status = H5PPackage.Status.PROCESSING
    package.save()
    assert process(package).status == H5PPackage.Status.READY
    stored = [
        n
        for n in stored_names(local_storage)
        if n.startswith(f"h5p/content/{package.pk}/") and n.endswith("content.json")
    ]
    text = local_storage.open(stored[0]).read().decode()
    assert "Panier" in text and "Prado" not in text


def test_a_package_unpacks_to_s3_with_content_types(s3_storage):
    """On S3 (SeaweedFS): small files in one request each, a large video as
    a multipart upload, every object with the type the player needs."""
    import os

    from media.storage_access import s3_client, s3_key

    files = testquiz_files()
    video = os.urandom(10 * 1024 * 1024)  # over one 8 MiB part
    files["content/videos/marche.mp4"] = video
    package = H5PPackage(title="Quiz")
    package.file.save("quiz.h5p", ContentFile(h5p_package(files)), save=False)
    package.save()
    assert process(package).status == H5PPackage.Status.READY, package.reasons

    client = s3_client(s3_storage)
    prefix = f"h5p/content/{package.pk}/"
    stored = client.get_object(
        Bucket=s3_storage.bucket_name,
        Key=s3_key(f"{prefix}videos/marche.mp4", s3_storage),
    )
    assert stored["ContentType"] == "video/mp4"
    assert stored["Body"].read() == video
    script = client.head_object(
        Bucket=s3_storage.bucket_name,
        Key=s3_key("h5p/libraries/Chainon.TestQuiz-1.0/testquiz.js", s3_storage),
    )
    assert script["ContentType"] in ("text/javascript", "application/javascript")


def test_deleting_a_package_removes_its_content_not_the_libraries(
    local_storage, django_capture_on_commit_callbacks
):
    package = H5PPackage(title="Quiz")
    package.file.save("quiz.h5p", ContentFile(testquiz_package()), save=False)
    package.save()
    process(package)
    prefix = f"h5p/content/{package.pk}/"
    assert any(n.startswith(prefix) for n in stored_names(local_storage))
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    names = stored_names(local_storage)
    assert not any(n.startswith(prefix) for n in names)
    assert any(n.startswith("h5p/libraries/Chainon.TestQuiz-1.0/") for n in names)


@pytest.mark.parametrize(
    ("language", "menu", "ready"),
    [
        ("fr", "Paquets H5P", "Prêt"),
        ("en", "H5P packages", "Ready"),
        ("pt", "Pacotes H5P", "Pronto"),
        ("es", "Paquetes H5P", "Listo"),
        ("it", "Pacchetti H5P", "Pronto"),
    ],
)
def test_a_partner_editor_uploads_and_finds_a_package_in_each_language(
    tmp_path,
    client,
    local_storage,
    partner_editor,
    django_capture_on_commit_callbacks,
    language,
    menu,
    ready,
):
    from wagtail.users.models import UserProfile

    import_file(tmp_path, testquiz_package())  # libraries installed by an operator
    profile = UserProfile.get_for_user(partner_editor)
    profile.preferred_language = language
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client, partner_editor, testquiz_package(), partner_editor.collection
        )
    assert response.status_code == 302
    listing = client.get(reverse("h5p_packages:index")).content.decode()
    assert menu in listing
    assert ready in listing
    # Their own package is listed; the operator's, in the root collection,
    # is not theirs to see.
    assert "Quiz" in listing
    assert "Le marché du Prado" not in listing
    mine = H5PPackage.objects.get(owner=partner_editor)
    assert mine.status == H5PPackage.Status.READY
    assert client.get(reverse("h5p_packages:edit", args=[mine.pk])).status_code == 200
    theirs = H5PPackage.objects.exclude(owner=partner_editor).get()
    for view in ("edit", "inspect", "delete"):
        url = reverse(f"h5p_packages:{view}", args=[theirs.pk])
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("h5p_packages:delete", args=[theirs.pk])).status_code == 404
    )
    assert H5PPackage.objects.filter(pk=theirs.pk).exists()


def test_s3_writes_in_the_background_are_all_there_before_the_marker(
    seaweedfs, settings
):
    """Small files go to S3 from background threads: when ``unpack`` has
    written the marker, every one of them is stored; a write that fails is
    raised by ``flush`` and no marker is written."""
    import io

    from botocore.exceptions import ClientError
    from django.core.files.storage import storages

    from media.h5p.package import inspect
    from media.h5p.unpack import CONTENT_MARKER, content_folder, unpack
    from media.h5p_storage import IN_FLIGHT, StorageTarget
    from tests.support.storage_fixtures import s3_settings

    settings.STORAGES = {**settings.STORAGES, "default": s3_settings(seaweedfs)}
    storage = storages["default"]
    target = StorageTarget(storage)
    files = testquiz_files()
    for n in range(3 * IN_FLIGHT):
        files[f"content/images/{n}.png"] = b"\x89PNG\r\n\x1a\n" + bytes([n]) * 2000
    data = h5p_package(files)
    report = inspect(
        io.BytesIO(data), installed=lambda *ref: None, may_install_libraries=True
    )
    unpack(
        io.BytesIO(data),
        report,
        target,
        content_id="background",
        semantics_of=lambda name: None,
    )
    folder = content_folder("background")
    assert storage.exists(f"{folder}/{CONTENT_MARKER}")
    for n in range(3 * IN_FLIGHT):
        with storage.open(f"{folder}/images/{n}.png") as stored:
            assert stored.read()[-1] == n

    # The same writes with a wrong secret: S3 refuses, the error surfaces.
    refused = StorageTarget(
        type(storage)(**{**s3_settings(seaweedfs)["OPTIONS"], "secret_key": "wrong"})
    )
    refused.save("h5p/x.png", io.BytesIO(b"x"), 1)
    with pytest.raises(ClientError):
        refused.flush()
    with pytest.raises(ClientError):
        unpack(
            io.BytesIO(data),
            report,
            refused,
            content_id="never",
            semantics_of=lambda name: None,
        )
