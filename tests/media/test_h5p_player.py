"""The isolated H5P player: its page, its manifest and the files it loads.

Packages are built the way the unpacker leaves them (rows marked ready,
files written straight to storage), since the upload pipeline is tested on
its own.  What a browser does with the page (the sandbox, postMessage,
resume) is left to the end-to-end tests.
"""

import json
import uuid
from email.utils import formatdate
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from media.h5p.manifest import LibraryRef
from media.h5p_models import H5PLibrary, H5PPackage
from media.h5p_player import content_libraries, normalise_origin

pytestmark = pytest.mark.django_db

TESTQUIZ = Path(__file__).resolve().parents[1] / "fixtures" / "h5p" / "testquiz"
LIBRARY = "Chainon.TestQuiz-1.0"


def write(name: str, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode()
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(data))


def install_library(machine_name="Chainon.TestQuiz", major=1, minor=0, files=None):
    folder = f"{machine_name}-{major}.{minor}"
    if files is None:
        files = {
            path.relative_to(TESTQUIZ / LIBRARY).as_posix(): path.read_bytes()
            for path in (TESTQUIZ / LIBRARY).rglob("*")
            if path.is_file()
        }
    for name, data in files.items():
        write(f"h5p/libraries/{folder}/{name}", data)
    write(f"h5p/libraries/{folder}/.installed.json", "{}")
    return H5PLibrary.objects.create(
        machine_name=machine_name,
        major=major,
        minor=minor,
        patch=0,
        title=machine_name,
        runnable=True,
    )


def make_package(status=H5PPackage.Status.READY, content=None, **fields):
    package = H5PPackage.objects.create(
        title=fields.pop("title", "Le marché du Prado"),
        file="h5p-packages/prado.h5p",
        status=status,
        main_library=fields.pop("main_library", "Chainon.TestQuiz 1.0"),
        language=fields.pop("language", "fr"),
        metadata={"license": "U"},
        **fields,
    )
    folder = f"h5p/content/{package.pk}"
    if content is None:
        content = (TESTQUIZ / "content" / "content.json").read_bytes()
    write(f"{folder}/content.json", content)
    write(f"{folder}/images/photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    write(f"{folder}/.unpacked.json", "{}")
    return package


@pytest.fixture
def quiz(local_storage):
    install_library()
    return make_package()


def player_path(package, parent="http://testserver"):
    return f"/h5p/play/{package.pk}/?parent={parent}"


def not_found(client, url) -> bool:
    """404, perhaps after LocaleMiddleware's detour: it redirects a 404 of
    an unprefixed URL ending in "/" to /fr/..., which Wagtail then 404s."""
    return client.get(url, follow=True).status_code == 404


# -- The files ---------------------------------------------------------------


def test_a_ready_package_serves_its_content_to_the_sandboxed_frame(quiz, client):
    response = client.get(f"/h5p/files/content/{quiz.pk}/content.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Last-Modified" in response
    body = b"".join(response.streaming_content)
    assert json.loads(body)["answers"] == ["Oui", "Non"]


def test_library_code_is_served_as_javascript_and_css(quiz, client):
    script = client.get(f"/h5p/files/libraries/{LIBRARY}/testquiz.js")
    style = client.get(f"/h5p/files/libraries/{LIBRARY}/testquiz.css")
    manifest = client.get(f"/h5p/files/libraries/{LIBRARY}/library.json")

    assert script.status_code == 200
    assert script["Content-Type"] == "text/javascript; charset=utf-8"
    assert style["Content-Type"] == "text/css; charset=utf-8"
    assert manifest["Content-Type"] == "application/json"
    for response in (script, style, manifest):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["X-Content-Type-Options"] == "nosniff"
    assert b"Chainon.TestQuiz" in b"".join(script.streaming_content)


def test_files_are_streamed_in_ranges(quiz, client):
    response = client.get(
        f"/h5p/files/content/{quiz.pk}/images/photo.png",
        headers={"Range": "bytes=0-7"},
    )

    assert response.status_code == 206
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\n"


def test_an_unchanged_file_is_a_304(quiz, client):
    url = f"/h5p/files/libraries/{LIBRARY}/testquiz.js"
    later = formatdate(
        default_storage.get_modified_time(
            f"h5p/libraries/{LIBRARY}/testquiz.js"
        ).timestamp()
        + 60,
        usegmt=True,
    )

    response = client.get(url, headers={"If-Modified-Since": later})

    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "status", [H5PPackage.Status.PROCESSING, H5PPackage.Status.REJECTED]
)
def test_a_package_not_ready_serves_nothing(local_storage, client, status):
    install_library()
    package = make_package(status=status)

    assert client.get(f"/h5p/files/content/{package.pk}/content.json").status_code == (
        404
    )
    assert not_found(client, player_path(package))
    assert client.get(f"/h5p/play/{package.pk}/h5p.json").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "libraries/H5P.Unknown-1.0/library.json",  # not installed
        "libraries/Chainon.TestQuiz-1.1/library.json",  # another version
        "libraries/Chainon.TestQuiz 1.0/library.json",  # not a folder name
        f"libraries/{LIBRARY}/.installed.json",  # the unpacker's marker
        f"libraries/{LIBRARY}/../../content/x/content.json",
        "libraries/../content/x/content.json",
        f"libraries/{LIBRARY}/nothing-here.js",
        f"libraries/{LIBRARY}/page.html",  # never a library file
        "content/not-a-uuid/content.json",
        "content/x/.unpacked.json",
        "content/x/../x/content.json",
        "content/x/%2e%2e/x/content.json",
        "content/x/./content.json",
        "content/x/images\\photo.png",
        "content/x/sneaky.svg",  # script-capable: never content
        "content/x",
        "elsewhere/x/content.json",
        f"{LIBRARY}/testquiz.js",
    ],
)
def test_only_ready_content_and_installed_libraries_are_reachable(quiz, client, path):
    write(f"h5p/content/{quiz.pk}/sneaky.svg", "<svg/>")
    path = path.replace("/x", f"/{quiz.pk}")

    assert not_found(client, f"/h5p/files/{path}")


def test_a_package_uuid_is_only_accepted_in_its_canonical_form(quiz, client):
    upper = str(quiz.pk).upper()
    assert client.get(f"/h5p/files/content/{upper}/content.json").status_code == 404


def test_files_cannot_be_written(quiz, client):
    response = client.post(f"/h5p/files/content/{quiz.pk}/content.json")
    assert response.status_code == 405


# -- The manifest ------------------------------------------------------------


def test_the_manifest_names_the_main_library_first_and_the_content_s_libraries(
    local_storage, client
):
    install_library()
    install_library("H5P.MultiChoice", 1, 16, files={"library.json": "{}"})
    content = {
        "questions": [
            {"library": "H5P.MultiChoice 1.16", "params": {}},
            {"library": "H5P.NotInstalled 1.0", "params": {}},
        ]
    }
    package = make_package(content=json.dumps(content))

    response = client.get(f"/h5p/play/{package.pk}/h5p.json")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    manifest = response.json()
    assert manifest["mainLibrary"] == "Chainon.TestQuiz"
    assert manifest["title"] == "Le marché du Prado"
    assert manifest["language"] == "fr"
    assert manifest["preloadedDependencies"] == [
        {"machineName": "Chainon.TestQuiz", "majorVersion": 1, "minorVersion": 0},
        {"machineName": "H5P.MultiChoice", "majorVersion": 1, "minorVersion": 16},
    ]


def test_a_package_whose_main_library_is_missing_has_no_player(local_storage, client):
    package = make_package()  # no library installed

    assert client.get(f"/h5p/play/{package.pk}/h5p.json").status_code == 404
    assert not_found(client, player_path(package))


def test_libraries_named_anywhere_in_the_content_are_found():
    params = {
        "a": [{"library": "H5P.Text 1.1"}, {"nested": {"library": "H5P.Image-1.1"}}],
        "library": "not a library",
        "b": {"library": 42},
    }
    assert content_libraries(params) == {
        LibraryRef("H5P.Text", 1, 1),
        LibraryRef("H5P.Image", 1, 1),
    }


# -- The player page ---------------------------------------------------------


def csp_of(response) -> dict[str, str]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, _space, value = part.strip().partition(" ")
        directives[name] = value
    return directives


def test_the_player_page_loads_the_bundled_player_and_its_frame_script(quiz, client):
    response = client.get(player_path(quiz))

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/h5p-standalone/main.bundle.js" in html
    assert "/static/media/js/h5p-frame.js" in html
    assert 'lang="fr"' in html
    assert "<script>" not in html  # nothing inline: the policy forbids it
    config = json.loads(
        html.split('<script id="h5p-config" type="application/json">')[1].split(
            "</script>"
        )[0]
    )
    assert config["parentOrigin"] == "http://testserver"
    assert config["h5pJsonPath"] == f"/h5p/play/{quiz.pk}"
    assert config["contentJsonPath"] == f"/h5p/files/content/{quiz.pk}"
    assert config["librariesPath"] == "/h5p/files/libraries"
    assert config["frameJs"].endswith("vendor/h5p-standalone/frame.bundle.js")
    assert config["saveFreq"]


def test_the_player_page_has_a_strict_policy(quiz, client):
    response = client.get(player_path(quiz))
    csp = csp_of(response)

    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == (
        "http://testserver/static/ http://testserver/h5p/files/libraries/"
    )
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["style-src"].endswith("'unsafe-inline'")
    assert csp["connect-src"] == (
        f"http://testserver/h5p/play/{quiz.pk}/h5p.json http://testserver/h5p/files/"
    )
    assert "data:" in csp["img-src"] and "blob:" in csp["media-src"]
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'self' http://testserver"
    # The document is sandboxed even if someone opens its URL directly.
    assert csp["sandbox"].split() == [
        "allow-scripts",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
    ]
    assert "allow-same-origin" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    "parent",
    [
        "https://evil.example",
        "http://testserver.evil.example",
        "http://testserver/path",
        "http://user@testserver",
        "javascript:alert(1)",
        "null",
        "",
    ],
)
def test_only_the_site_itself_may_be_the_parent(quiz, client, parent):
    response = client.get(player_path(quiz, parent))
    assert response.status_code == 400


def test_a_parent_without_the_parameter_is_refused(quiz, client):
    assert client.get(f"/h5p/play/{quiz.pk}/").status_code == 400


def test_the_site_s_canonical_address_may_embed_the_player(quiz, client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://chainon.example"

    response = client.get(player_path(quiz, "https://chainon.example"))

    assert response.status_code == 200
    assert csp_of(response)["frame-ancestors"] == (
        "'self' http://testserver https://chainon.example"
    )


def test_an_unknown_package_has_no_player(local_storage, client):
    assert not_found(client, f"/h5p/play/{uuid.uuid4()}/?parent=http://testserver")


@pytest.mark.parametrize(
    ("value", "origin"),
    [
        ("https://Chainon.Example", "https://chainon.example"),
        ("https://chainon.example:443", "https://chainon.example"),
        ("http://localhost:8000/", "http://localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
        ("ftp://chainon.example", None),
        ("https://chainon.example?x=1", None),
        ("https://chainon.example:99999", None),
    ],
)
def test_origins_are_compared_as_browsers_serialise_them(value, origin):
    assert normalise_origin(value) == origin


def test_on_s3_files_are_redirected_and_the_policy_names_the_bucket(s3_storage, client):
    install_library()
    package = make_package()

    response = client.get(f"/h5p/files/libraries/{LIBRARY}/testquiz.js")

    assert response.status_code == 302
    assert response["Access-Control-Allow-Origin"] == "*"
    bucket = response["Location"].split("/")[2]
    policy = client.get(player_path(package))["Content-Security-Policy"]
    assert f"http://{bucket}" in csp_of_text(policy)["script-src"]


def csp_of_text(policy: str) -> dict[str, str]:
    return {
        part.strip().partition(" ")[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
    }
