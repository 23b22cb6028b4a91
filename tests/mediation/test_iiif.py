"""IIIF manifests and JSON-LD descriptions of mediation resources.

Every manifest is checked against the official IIIF Presentation 3.0 JSON
schema (``tests/fixtures/iiif/iiif_3_0.json``), with the draft the IIIF
validator itself uses.  Resources are real pages in a real tree, with real
files on the local disk or on a real S3 server.
"""

import io
import json
import uuid
from pathlib import Path

import pytest
import urllib3
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft7Validator
from PIL import Image
from wagtail.documents.models import Document
from wagtail.models import Collection, PageViewRestriction

from media.h5p_models import H5PPackage
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
    ResourceContributor,
)
from tests.factories import PartnerInstitutionFactory

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[1] / "fixtures" / "iiif" / "iiif_3_0.json"
    ).read_text(encoding="utf-8")
)
VALIDATOR = Draft7Validator(SCHEMA)
MANIFEST_TYPE = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)
LANGUAGES = {"fr", "en", "pt", "es", "it"}

GLB = b"glTF\x02\x00\x00\x00\x14\x00\x00\x00" + b"\x00" * 8
USDZ = b"PK\x03\x04" + b"\x00" * 60
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 16
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def schema_errors(document: dict) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(document)
    ]


def ids(node):
    """Every ``id`` in a IIIF document."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from ids(value)
    elif isinstance(node, list):
        for value in node:
            yield from ids(value)


def jpeg(width=8, height=6) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def stored(name: str, data: bytes) -> str:
    return default_storage.save(f"mediation/{name}", ContentFile(data))


def vtt(language: str) -> Document:
    text = f"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour ({language})\n"
    return Document.objects.create(
        title=f"Sous-titres {language}",
        file=ContentFile(text.encode(), name=f"sous-titres-{language}.vtt"),
    )


@pytest.fixture
def partner_space(site_tree, locales):
    """The partner list and one partner's index page, in French."""
    home = site_tree["home"]["fr"]
    listing = PartnerListPage(title="Partenaires", slug="partners")
    home.add_child(instance=listing)
    listing.save_revision().publish()
    partner = PartnerInstitutionFactory(
        name="Musée Cantini", slug="musee-cantini", website="https://cantini.example"
    )
    index = PartnerIndexPage(
        title="Musée Cantini", slug="musee-cantini", partner=partner
    )
    listing.add_child(instance=index)
    index.save_revision().publish()
    return {"home": site_tree["home"], "listing": listing, "index": index}


def publish_resource(index, items=(), **fields) -> MediationResourcePage:
    values = {
        "title": "Portrait au musée",
        "slug": f"ressource-{uuid.uuid4().hex[:8]}",
        "summary": "Regarder un portrait, le décrire, le dessiner.",
        "resource_type": "video",
        **fields,
    }
    page = MediationResourcePage(**values)
    page.media_items = list(items)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_manifest(client, page, **headers):
    return client.get(
        f"/iiif/resources/{page.translation_key}/manifest.json", **headers
    )


def every_kind_of_media() -> list[MediaItem]:
    documents = [vtt("fr"), vtt("en")]
    package = H5PPackage.objects.create(
        title="Quiz du portrait",
        file="h5p-packages/quiz.h5p",
        status=H5PPackage.Status.READY,
        collection=Collection.get_first_root_node(),
    )
    return [
        MediaItem(
            kind="image",
            title="Le portrait",
            file=stored("portrait.jpg", jpeg(8, 6)),
            mime_type="image/jpeg",
            width=8,
            height=6,
            text_alternative="Une femme en robe rouge, assise.",
        ),
        MediaItem(
            kind="panorama",
            title="La salle",
            file=stored("salle.jpg", jpeg(16, 8)),
            mime_type="image/jpeg",
            width=16,
            height=8,
            text_alternative="La salle des portraits, à 360°.",
        ),
        MediaItem(
            kind="model",
            title="Le buste",
            file=stored("buste.glb", GLB),
            mime_type="model/gltf-binary",
            text_alternative="Un buste en bronze.",
        ),
        MediaItem(
            kind="model_ios",
            title="Le buste (iOS)",
            file=stored("buste.usdz", USDZ),
            mime_type="model/vnd.usdz+zip",
            text_alternative="Un buste en bronze.",
        ),
        MediaItem(
            kind="video",
            title="La visite",
            file=stored("visite.mp4", MP4),
            mime_type="video/mp4",
            width=1280,
            height=720,
            duration=62.5,
            language="fr",
            tracks=[
                {
                    "type": "track",
                    "value": {
                        "kind": "captions",
                        "language": "fr",
                        "file": documents[0].pk,
                    },
                },
                {
                    "type": "track",
                    "value": {
                        "kind": "subtitles",
                        "language": "en",
                        "file": documents[1].pk,
                    },
                },
                {
                    "type": "transcript",
                    "value": {"language": "fr", "text": "<p>Bonjour et bienvenue.</p>"},
                },
            ],
            sign_language_video=stored("visite-lsf.mp4", MP4),
            audio_description=stored("visite-ad.mp3", MP3),
        ),
        MediaItem(
            kind="audio",
            title="Le récit",
            file=stored("recit.mp3", MP3),
            mime_type="audio/mpeg",
            duration=30,
            language="fr",
        ),
        MediaItem(
            kind="document",
            title="Le livret",
            file=stored("livret.pdf", PDF),
            mime_type="application/pdf",
        ),
        MediaItem(kind="h5p", title="Le quiz", h5p_package=package),
    ]


# -- A resource with every kind of media --------------------------------------


def test_every_kind_of_media_gives_a_valid_manifest(
    client, local_storage, partner_space
):
    page = publish_resource(
        partner_space["index"],
        every_kind_of_media(),
        credit_line="© Musée Cantini, photo J. Dupont",
        audiences=["families", "disability"],
        accessibility_features=["closedCaptions", "signLanguage"],
        time_needed=45,
        period="XXe siècle",
    )

    response = get_manifest(client, page)

    assert response.status_code == 200
    assert response["Content-Type"] == MANIFEST_TYPE
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]
    assert response["Last-Modified"]
    manifest = json.loads(response.content)
    assert schema_errors(manifest) == []
    assert manifest["id"] == (
        f"http://testserver/iiif/resources/{page.translation_key}/manifest.json"
    )
    assert all(identifier.startswith("http") for identifier in ids(manifest))
    assert manifest["label"] == {"fr": ["Portrait au musée"]}
    assert manifest["rights"] == "http://creativecommons.org/licenses/by-sa/4.0/"
    assert manifest["requiredStatement"]["value"] == {
        "fr": ["© Musée Cantini, photo J. Dupont"]
    }
    assert set(manifest["requiredStatement"]["label"]) == LANGUAGES
    assert manifest["provider"][0]["type"] == "Agent"
    assert manifest["provider"][0]["label"] == {"none": ["Musée Cantini"]}
    assert manifest["provider"][0]["homepage"][0]["id"] == "https://cantini.example/"
    assert manifest["seeAlso"] == [
        {
            "id": f"http://testserver/iiif/resources/{page.translation_key}/description.jsonld",
            "type": "Dataset",
            "format": "application/ld+json",
            "profile": "https://schema.org/",
        }
    ]
    homepage = manifest["homepage"][0]
    assert homepage["language"] == ["fr"]
    assert homepage["id"].endswith(f"/fr/partners/musee-cantini/{page.slug}/")

    canvases = manifest["items"]
    bodies = [canvas["items"][0]["items"][0]["body"] for canvas in canvases]
    assert [body["type"] for body in bodies] == [
        "Image",
        "Image",
        "Model",
        "Video",
        "Sound",
    ]
    assert [body["format"] for body in bodies] == [
        "image/jpeg",
        "image/jpeg",
        "model/gltf-binary",
        "video/mp4",
        "audio/mpeg",
    ]
    image, panorama, model, video, audio = canvases
    assert (image["width"], image["height"]) == (8, 6)
    assert image["summary"] == {"fr": ["Une femme en robe rouge, assise."]}
    assert set(panorama["metadata"][0]["value"]) == LANGUAGES
    assert (model["width"], model["height"]) == (1000, 1000)
    assert "width" not in bodies[2]
    assert (video["width"], video["height"], video["duration"]) == (1280, 720, 62.5)
    assert audio["duration"] == 30
    assert "width" not in audio

    supplements = video["annotations"][0]["items"]
    assert all(a["motivation"] == "supplementing" for a in supplements)
    assert all(a["target"] == video["id"] for a in supplements)
    captions = [a["body"] for a in supplements if a["body"].get("format") == "text/vtt"]
    assert [(c["type"], c["language"]) for c in captions] == [
        ("Text", "fr"),
        ("Text", "en"),
    ]
    kinds = {a["body"]["type"] for a in supplements}
    assert kinds == {"Text", "Video", "Sound", "TextualBody"}
    transcript = next(
        a["body"] for a in supplements if a["body"]["type"] == "TextualBody"
    )
    assert transcript == {
        "type": "TextualBody",
        "value": "<p>Bonjour et bienvenue.</p>",
        "format": "text/html",
        "language": "fr",
    }

    renderings = {r["format"]: r for r in manifest["rendering"]}
    assert set(renderings) == {"model/vnd.usdz+zip", "application/pdf", "text/html"}
    assert renderings["application/pdf"]["label"] == {"fr": ["Le livret"]}
    package = MediaItem.objects.get(page=page, kind="h5p").h5p_package
    assert f"/h5p/play/{package.pk}/" in renderings["text/html"]["id"]
    assert manifest["thumbnail"][0]["id"] == bodies[0]["id"]

    labels = {entry["label"]["en"][0] for entry in manifest["metadata"]}
    assert {"Resource type", "Institution", "Period", "Audiences"} <= labels
    french = {entry["label"]["fr"][0] for entry in manifest["metadata"]}
    assert {"Type de ressource", "Période"} <= french
    for entry in manifest["metadata"]:
        assert entry["value"]


def test_the_files_a_manifest_points_at_are_served(
    client, local_storage, partner_space
):
    page = publish_resource(partner_space["index"], every_kind_of_media())
    manifest = get_manifest(client, page).json()

    video = manifest["items"][3]
    urls = [
        canvas["items"][0]["items"][0]["body"]["id"] for canvas in manifest["items"]
    ]
    urls += [
        a["body"]["id"] for a in video["annotations"][0]["items"] if "id" in a["body"]
    ]
    assert urls
    for url in urls:
        assert url.startswith("http://testserver/")
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
    caption = client.get(urls[5].removeprefix("http://testserver"))
    assert b"".join(caption.streaming_content).startswith(b"WEBVTT")


def test_a_resource_without_media_has_no_canvas(client, local_storage, partner_space):
    page = publish_resource(partner_space["index"], resource_type="mediator_guide")

    manifest = get_manifest(client, page).json()

    assert manifest["items"] == []
    assert "rendering" not in manifest
    assert "thumbnail" not in manifest
    assert schema_errors(manifest) == []


def test_files_of_unknown_size_still_give_valid_canvases(
    client, local_storage, partner_space
):
    page = publish_resource(
        partner_space["index"],
        [
            MediaItem(
                kind="image", file=stored("a.jpg", jpeg()), mime_type="image/jpeg"
            ),
            MediaItem(
                kind="panorama", file=stored("b.jpg", jpeg()), mime_type="image/jpeg"
            ),
            MediaItem(kind="video", file=stored("c.mp4", MP4), mime_type="video/mp4"),
            MediaItem(
                kind="video",
                file=stored("d.mp4", MP4),
                mime_type="video/mp4",
                duration=12,
            ),
            MediaItem(kind="audio", file=stored("e.mp3", MP3), mime_type="audio/mpeg"),
        ],
    )

    manifest = get_manifest(client, page).json()

    assert schema_errors(manifest) == []
    image, panorama, video, timed = manifest["items"]
    assert (image["width"], image["height"]) == (1000, 1000)
    assert (panorama["width"], panorama["height"]) == (2000, 1000)
    assert (video["width"], video["height"]) == (1920, 1080)
    assert timed["duration"] == 12 and "width" not in timed
    for canvas in manifest["items"]:
        body = canvas["items"][0]["items"][0]["body"]
        assert "width" not in body and "height" not in body
    # A sound of unknown length has no canvas to be painted on: it is offered
    # as a rendering, and nothing is lost.
    assert [r["type"] for r in manifest["rendering"]] == ["Sound"]
    # Untitled items are labelled with their kind, in every language.
    assert set(image["label"]) == LANGUAGES


def test_the_schema_refuses_what_the_manifest_avoids(
    client, local_storage, partner_space
):
    page = publish_resource(
        partner_space["index"],
        [MediaItem(kind="image", file=stored("a.jpg", jpeg()), width=8, height=6)],
    )
    manifest = get_manifest(client, page).json()
    assert schema_errors(manifest) == []

    del manifest["items"][0]["width"]
    del manifest["items"][0]["height"]
    assert schema_errors(manifest)
    assert schema_errors({**manifest, "label": "Portrait"})


# -- Languages ----------------------------------------------------------------


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def test_one_manifest_holds_every_translation(
    client, local_storage, partner_space, locales
):
    page = publish_resource(
        partner_space["index"],
        [
            MediaItem(
                kind="image",
                title="Le portrait",
                file=stored("a.jpg", jpeg()),
                width=8,
                height=6,
                text_alternative="Une femme en rouge.",
            )
        ],
        credit_line="© Musée Cantini",
        period="XXe siècle",
    )
    translate(partner_space["listing"], locales["en"], slug="partners")
    translate(partner_space["index"], locales["en"])
    english = page.copy_for_translation(locales["en"])
    english.title = "Portrait at the museum"
    english.summary = "Look at a portrait, describe it, draw it."
    english.period = "20th century"
    english.save()
    MediaItem.objects.filter(page=english).update(
        title="The portrait", text_alternative="A woman in red."
    )
    english.save_revision().publish()

    response = client.get(
        f"/iiif/resources/{english.translation_key}/manifest.json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    manifest = response.json()
    assert schema_errors(manifest) == []
    assert manifest["label"] == {
        "fr": ["Portrait au musée"],
        "en": ["Portrait at the museum"],
    }
    assert manifest["summary"] == {
        "fr": ["Regarder un portrait, le décrire, le dessiner."],
        "en": ["Look at a portrait, describe it, draw it."],
    }
    assert [h["language"] for h in manifest["homepage"]] == [["fr"], ["en"]]
    assert "/en/" in manifest["homepage"][1]["id"]
    period = next(e for e in manifest["metadata"] if e["label"]["en"] == ["Period"])
    assert period["value"] == {"fr": ["XXe siècle"], "en": ["20th century"]}
    canvas = manifest["items"][0]
    assert canvas["label"] == {"fr": ["Le portrait"], "en": ["The portrait"]}
    assert canvas["summary"] == {
        "fr": ["Une femme en rouge."],
        "en": ["A woman in red."],
    }
    # The same manifest, whatever the reader's language.
    same = client.get(
        f"/iiif/resources/{page.translation_key}/manifest.json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert same.json() == manifest


def test_a_draft_translation_stays_out_of_the_manifest(
    client, local_storage, partner_space, locales
):
    page = publish_resource(partner_space["index"])
    translate(partner_space["listing"], locales["en"], slug="partners")
    translate(partner_space["index"], locales["en"])
    draft = page.copy_for_translation(locales["en"])
    draft.title = "Not yet"
    draft.save_revision()

    manifest = get_manifest(client, page).json()

    assert manifest["label"] == {"fr": ["Portrait au musée"]}


def test_an_untranslated_alias_stays_out_of_the_manifest(
    client, local_storage, partner_space, locales
):
    page = publish_resource(partner_space["index"])
    translate(partner_space["listing"], locales["en"], slug="partners")
    english_index = translate(partner_space["index"], locales["en"])
    # What wagtail-localize's locale synchronisation leaves until translated.
    alias = page.create_alias(
        parent=english_index, update_locale=locales["en"], reset_translation_key=False
    )
    assert alias.live and alias.translation_key == page.translation_key

    manifest = get_manifest(client, page).json()

    assert manifest["label"] == {"fr": ["Portrait au musée"]}
    assert [h["language"] for h in manifest["homepage"]] == [["fr"]]


# -- Who may read it ----------------------------------------------------------


def test_an_unpublished_resource_is_not_found(client, local_storage, partner_space):
    page = publish_resource(partner_space["index"])
    page.unpublish()

    assert get_manifest(client, page).status_code == 404
    description = client.get(
        f"/iiif/resources/{page.translation_key}/description.jsonld"
    )
    assert description.status_code == 404


def test_a_draft_never_published_is_not_found_even_for_its_editor(
    client, local_storage, partner_space, partner_editor
):
    page = MediationResourcePage(
        title="Brouillon",
        slug="brouillon",
        summary="…",
        resource_type="video",
        live=False,
    )
    partner_space["index"].add_child(instance=page)
    page.save_revision()
    client.force_login(partner_editor)

    assert get_manifest(client, page).status_code == 404


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_private_resource_is_not_found(
    client, local_storage, partner_space, restriction_type
):
    page = publish_resource(partner_space["index"])
    PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="secret"
    )

    assert get_manifest(client, page).status_code == 404


def test_a_resource_under_a_private_partner_page_is_not_found(
    client, local_storage, partner_space
):
    page = publish_resource(partner_space["index"])
    PageViewRestriction.objects.create(
        page=partner_space["index"], restriction_type="login"
    )

    assert get_manifest(client, page).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/iiif/resources/0b6c1a52-3c1e-4d2a-9d7e-5a1f0e2b7c11/manifest.json",
        "/iiif/resources/0b6c1a52-3c1e-4d2a-9d7e-5a1f0e2b7c11/description.jsonld",
        "/iiif/resources/not-a-uuid/manifest.json",
        "/iiif/resources/12/manifest.json",
        "/iiif/resources//manifest.json",
        "/iiif/resources/../../admin/manifest.json",
        "/iiif/",
    ],
)
def test_unknown_addresses_are_plain_404s(client, partner_space, path):
    """No redirect to a language-prefixed page: a 404 an IIIF client can read."""
    response = client.get(path)

    assert response.status_code == 404


def test_the_key_of_another_kind_of_page_is_not_found(client, partner_space):
    other = partner_space["index"]

    response = client.get(f"/iiif/resources/{other.translation_key}/manifest.json")

    assert response.status_code == 404


def test_only_reading_is_allowed(client, local_storage, partner_space):
    page = publish_resource(partner_space["index"])
    url = f"/iiif/resources/{page.translation_key}/manifest.json"

    assert client.post(url, {}).status_code == 405
    assert client.delete(url).status_code == 405
    assert client.head(url).status_code == 200


# -- Caching and cost ---------------------------------------------------------


def test_an_unchanged_manifest_answers_304_until_published_again(
    client, local_storage, partner_space
):
    page = publish_resource(partner_space["index"])
    first = get_manifest(client, page)
    etag = first["ETag"]

    again = get_manifest(client, page, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    since = get_manifest(client, page, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    page.title = "Portrait, nouvelle version"
    page.save_revision().publish()
    changed = get_manifest(client, page, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["label"] == {"fr": ["Portrait, nouvelle version"]}

    # The partner is edited apart from its resources, and shown in them.
    partner = page.partner
    partner.name = "Musée Cantini de Marseille"
    partner.save()
    renamed = get_manifest(client, page, HTTP_IF_NONE_MATCH=changed["ETag"])
    assert renamed.status_code == 200
    assert renamed.json()["provider"][0]["label"] == {
        "none": ["Musée Cantini de Marseille"]
    }


def test_the_manifest_and_the_description_have_their_own_etags(
    client, local_storage, partner_space
):
    page = publish_resource(partner_space["index"])
    manifest = get_manifest(client, page)
    description = client.get(
        f"/iiif/resources/{page.translation_key}/description.jsonld",
        HTTP_IF_NONE_MATCH=manifest["ETag"],
    )
    assert description.status_code == 200
    assert description["ETag"] != manifest["ETag"]


def test_queries_do_not_grow_with_the_media_items(
    client, local_storage, partner_space, django_assert_max_num_queries
):
    def items(count):
        documents = [vtt("fr"), vtt("en")]
        tracks = [
            {
                "type": "track",
                "value": {"kind": "captions", "language": code, "file": doc.pk},
            }
            for code, doc in zip(("fr", "en"), documents, strict=True)
        ]
        return [
            MediaItem(
                kind="video",
                file=stored(f"v{n}.mp4", MP4),
                mime_type="video/mp4",
                width=640,
                height=360,
                duration=10,
                tracks=tracks,
            )
            for n in range(count)
        ]

    small = publish_resource(partner_space["index"], items(1))
    large = publish_resource(
        partner_space["index"],
        items(8),
        contributors=[ResourceContributor(name="Ana", role="narrator")],
    )
    counts = []
    for page in (small, large):
        get_manifest(client, page)  # the site's root paths are cached after that
        with CaptureQueriesContext(connection) as queries:
            response = get_manifest(client, page)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert len(get_manifest(client, large).json()["items"]) == 8
    with django_assert_max_num_queries(12):
        get_manifest(client, large)
    with django_assert_max_num_queries(12):
        client.get(f"/iiif/resources/{large.translation_key}/description.jsonld")


# -- On S3 --------------------------------------------------------------------


def test_on_s3_file_urls_are_absolute_signed_s3_urls(
    client, s3_storage, seaweedfs, partner_space
):
    page = publish_resource(
        partner_space["index"],
        [
            MediaItem(
                kind="image",
                file=stored("portrait.jpg", jpeg()),
                mime_type="image/jpeg",
                width=8,
                height=6,
            )
        ],
    )

    response = get_manifest(client, page)

    manifest = response.json()
    assert schema_errors(manifest) == []
    url = manifest["items"][0]["items"][0]["items"][0]["body"]["id"]
    assert url.startswith(seaweedfs.endpoint_url)
    assert "X-Amz-Signature=" in url
    fetched = urllib3.PoolManager(retries=False, timeout=30).request("GET", url)
    assert fetched.status == 200
    assert fetched.data == default_storage.open(page.media_items.get().file.name).read()
    # Signed URLs expire: no Last-Modified that would keep a stale copy alive,
    # and a cache lifetime well inside the signature's.
    assert "Last-Modified" not in response
    assert response["ETag"]
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= default_storage.querystring_expire // 4


# -- The JSON-LD description --------------------------------------------------


def test_the_description_speaks_schema_org_and_edm(
    client, local_storage, partner_space
):
    page = publish_resource(
        partner_space["index"],
        every_kind_of_media(),
        rights="http://rightsstatements.org/vocab/InC-EDU/1.0/",
        credit_line="© Musée Cantini",
        rights_holder="Musée Cantini",
        audiences=["youth", "mediators"],
        disabilities=["hearing"],
        age_min=12,
        age_max=25,
        access_modes=["visual", "auditory"],
        access_modes_sufficient=["auditory,visual", "textual"],
        accessibility_features=["closedCaptions", "signLanguage"],
        accessibility_hazards=["noFlashingHazard"],
        accessibility_controls=["fullKeyboardControl"],
        accessibility_summary="Sous-titres et LSF.",
        time_needed=90,
        contributors=[ResourceContributor(name="Ana Lima", role="sign_interpreter")],
    )
    page.themes.add("portrait")
    page.save_revision().publish()

    response = client.get(f"/iiif/resources/{page.translation_key}/description.jsonld")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["@context"] == {
        "@vocab": "https://schema.org/",
        "edm": "http://www.europeana.eu/schemas/edm/",
    }
    assert data["@type"] == ["LearningResource", "VideoObject"]
    assert data["name"] == [{"@value": "Portrait au musée", "@language": "fr"}]
    assert data["inLanguage"] == ["fr"]
    assert data["license"] == {"@id": "http://rightsstatements.org/vocab/InC-EDU/1.0/"}
    assert data["edm:rights"] == data["license"]
    assert data["edm:type"] == "VIDEO"
    assert data["creditText"] == [{"@value": "© Musée Cantini", "@language": "fr"}]
    assert data["copyrightHolder"] == {"@id": data["provider"]["@id"]}
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["address"]["addressCountry"] == "FR"
    assert data["timeRequired"] == "PT1H30M"
    assert data["accessMode"] == ["visual", "auditory"]
    assert data["accessModeSufficient"][0] == {
        "@type": "ItemList",
        "itemListElement": ["auditory", "visual"],
        "description": "auditory,visual",
    }
    assert data["accessibilityFeature"] == ["closedCaptions", "signLanguage"]
    assert data["accessibilityHazard"] == ["noFlashingHazard"]
    assert data["accessibilityControl"] == ["fullKeyboardControl"]
    assert data["accessibilitySummary"] == [
        {"@value": "Sous-titres et LSF.", "@language": "fr"}
    ]
    assert data["keywords"] == [{"@value": "portrait", "@language": "fr"}]
    people = [a for a in data["audience"] if a["@type"] == "PeopleAudience"]
    assert all((a["suggestedMinAge"], a["suggestedMaxAge"]) == (12, 25) for a in people)
    assert {a["@type"] for a in data["audience"]} == {
        "PeopleAudience",
        "EducationalAudience",
    }
    role = data["contributor"][0]
    assert role["@type"] == "Role"
    assert role["contributor"] == {"@type": "Person", "name": "Ana Lima"}
    assert {tag["@language"] for tag in role["roleName"]} == LANGUAGES
    assert data["subjectOf"]["url"].endswith("/manifest.json")

    media = {m["@type"]: m for m in data["associatedMedia"]}
    video = media["VideoObject"]
    assert video["contentUrl"].startswith("http://testserver/media/")
    assert video["encodingFormat"] == "video/mp4"
    assert video["duration"] == "PT1M2.5S"
    assert video["width"] == {
        "@type": "QuantitativeValue",
        "value": 1280,
        "unitCode": "E37",
    }
    assert [c["inLanguage"] for c in video["caption"]] == ["fr", "en"]
    assert all(
        c["contentUrl"].startswith("http://testserver/documents/")
        for c in video["caption"]
    )
    assert video["transcript"] == [
        {"@value": "Bonjour et bienvenue.", "@language": "fr"}
    ]
    assert {m["accessibilityFeature"] for m in video["associatedMedia"]} == {
        "signLanguage",
        "audioDescription",
    }
    assert media["3DModel"]["encodingFormat"] in (
        "model/gltf-binary",
        "model/vnd.usdz+zip",
    )
    assert media["ImageObject"]["description"][0]["@language"] == "fr"
    assert int(media["ImageObject"]["contentSize"].split()[0]) > 0
    h5p = next(m for m in data["associatedMedia"] if "embedUrl" in m)
    assert "/h5p/play/" in h5p["embedUrl"]
