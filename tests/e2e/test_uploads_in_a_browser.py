"""The upload widget in a real Wagtail admin form, in real Chromium: straight
to SeaweedFS in parts, resumed after a dropped part, cancelled, or streamed
to Chaînon on local storage."""

import os
import re

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.users.models import UserProfile

from media.models import Upload
from tests.factories import UserFactory
from tests.support.storage_fixtures import local_settings, s3_settings
from tests.testapp.models import Recording

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MiB = 1024 * 1024
ADD_PATH = "/admin/snippets/testapp/recording/add/"


@pytest.fixture
def video(tmp_path):
    """An 11 MiB file that starts like an MP4: three 5 MiB parts on S3."""
    path = tmp_path / "visite-360.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(11 * MiB - 12))
    return path


@pytest.fixture
def admin_page(page, live_server, settings):
    settings.CHAINON_UPLOAD_PART_SIZE = 5 * MiB
    editor = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"  # the admin in English, for readable asserts
    profile.save()
    client = Client()
    client.force_login(editor)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(live_server.url + ADD_PATH)
    return page


def status_of(page):
    return page.locator("[data-direct-upload-status]")


def save_and_check(page, video):
    page.get_by_role("textbox", name=re.compile("Title")).fill("Visite 360°")
    page.get_by_role("button", name=re.compile("Save|Enregistrer")).first.click()
    page.wait_for_url(re.compile(r".*/admin/snippets/testapp/recording/$"))
    recording = Recording.objects.get()
    with default_storage.open(recording.file.name) as stored:
        assert stored.read() == video.read_bytes()
    assert Upload.objects.get().state == Upload.State.CLAIMED


def test_a_large_file_goes_to_s3_in_parts_and_is_saved_with_the_form(
    settings, seaweedfs, admin_page, video
):
    settings.STORAGES = {**settings.STORAGES, "default": s3_settings(seaweedfs)}
    part_requests = []
    admin_page.on(
        "request",
        lambda request: (
            part_requests.append(request.url) if "partNumber=" in request.url else None
        ),
    )

    admin_page.set_input_files("[data-direct-upload-input]", str(video))

    status = status_of(admin_page)
    status.get_by_text(re.compile("is uploaded")).wait_for()
    assert admin_page.locator("progress").evaluate("p => p.value") == 100
    assert len(part_requests) == 3
    assert all(url.startswith(seaweedfs.endpoint_url) for url in part_requests)
    save_and_check(admin_page, video)


def test_a_dropped_part_is_retried_then_resumed_without_resending_the_rest(
    settings, seaweedfs, admin_page, tmp_path
):
    """Six parts for three workers: when part 2 keeps failing, the other
    workers stop too, and resuming sends only what S3 does not hold."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_settings(seaweedfs)}
    video = tmp_path / "visite-longue.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(26 * MiB - 12))
    network = {"down": True}
    stored, resent = set(), []

    def part_two(route):
        if network["down"]:
            route.abort("connectionreset")
        else:
            route.continue_()

    def part_number(url):
        found = re.search(r"partNumber=(\d+)", url)
        return found and int(found[1])

    def finished(request):
        response = request.response()
        if part_number(request.url) and response and response.status == 200:
            stored.add(part_number(request.url))

    admin_page.route(lambda url: "partNumber=2&" in url, part_two)
    admin_page.on("requestfinished", finished)

    admin_page.set_input_files("[data-direct-upload-input]", str(video))
    resume = admin_page.get_by_role("button", name="Resume upload")
    resume.wait_for()
    assert "connection was lost" in status_of(admin_page).inner_text()
    assert 2 not in stored
    before_resume = set(stored)

    network["down"] = False
    admin_page.on(
        "request",
        lambda request: (
            resent.append(part_number(request.url))
            if part_number(request.url)
            else None
        ),
    )
    resume.click()
    status_of(admin_page).get_by_text(re.compile("is uploaded")).wait_for()

    assert 2 in resent
    assert not before_resume & set(resent)  # what S3 held was never sent again
    assert before_resume | set(resent) == {1, 2, 3, 4, 5, 6}
    save_and_check(admin_page, video)


def test_cancelling_stops_the_transfer_and_frees_the_upload(
    settings, tmp_path, admin_page, video
):
    settings.STORAGES = {**settings.STORAGES, "default": local_settings(tmp_path)}
    held = []
    admin_page.route(re.compile(r".*/content/$"), lambda route: held.append(route))

    admin_page.set_input_files("[data-direct-upload-input]", str(video))
    cancel = admin_page.get_by_role("button", name="Cancel upload")
    cancel.wait_for()
    for _ in range(200):  # the body is on its way, held by the route
        if held:
            break
        admin_page.wait_for_timeout(50)
    assert held
    admin_page.get_by_role("button", name=re.compile("Save")).first.click()
    status_of(admin_page).get_by_text(re.compile("wait until the upload")).wait_for()
    assert not Recording.objects.exists()
    cancel.click()

    status_of(admin_page).get_by_text("Upload cancelled.").wait_for()
    assert len(held) == 1  # no retry after the cancel
    admin_page.wait_for_function(
        "() => !document.querySelector('[data-direct-upload-cancel]').offsetParent"
    )
    for _ in range(100):
        if Upload.objects.get().state == Upload.State.CANCELLED:
            break
        admin_page.wait_for_timeout(50)
    assert Upload.objects.get().state == Upload.State.CANCELLED
    assert (
        admin_page.locator("[data-direct-upload-input]").get_attribute("name") == "file"
    )


def test_on_local_storage_the_file_is_streamed_to_chainon(
    settings, tmp_path, admin_page, video
):
    settings.STORAGES = {**settings.STORAGES, "default": local_settings(tmp_path)}

    admin_page.set_input_files("[data-direct-upload-input]", str(video))

    status_of(admin_page).get_by_text(re.compile("is uploaded")).wait_for()
    assert Upload.objects.get().strategy == Upload.Strategy.LOCAL
    save_and_check(admin_page, video)
