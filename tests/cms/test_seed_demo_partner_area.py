"""The demo's partner area: every partner publishes real, translated,
accessible resources, and each demo editor publishes only in their own space.

Seeding takes a while, so the module seeds once (twice, to check nothing
more is made the second time) inside a transaction rolled back at the end;
each test runs in a savepoint of it, like any database test.
"""

import io
import json
import struct
import wave
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from PIL import Image
from wagtail.models import Locale

from cms.demo import h5p, media_files
from cms.demo.resources import (
    CATALOGUE,
    RESOURCES,
    ensure_partner_area,
    resource_key,
)
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerInstitution,
)
from mediation.spaces import space_of
from mediation.webvtt import is_webvtt
from tests.support.storage_fixtures import local_settings

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en", "pt", "es", "it"]
KINDS = {
    "tour_360",
    "object_3d",
    "augmented_reality",
    "video",
    "audio_guide",
    "image_set",
    "mediator_guide",
    "h5p_activity",
}
#: The language each partner's resources are translated into.
OWN_LANGUAGE = {"FR": "en", "PT": "pt", "ES": "es", "IT": "it"}
CHANGED_TITLE = "Titre revu par l'équipe du musée"


def _row_counts():
    return {
        model._meta.label: model._default_manager.count() for model in apps.get_models()
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded; an editor's change; the demo seeded again."""
    storage = local_settings(tmp_path_factory.mktemp("partner-area"))
    with (
        override_settings(STORAGES={**settings.STORAGES, "default": storage}),
        django_db_blocker.unblock(),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            first = StringIO()
            call_command("seed_demo", "--force", stdout=first)
            page = MediationResourcePage.objects.get(
                translation_key=resource_key(RESOURCES[0]), locale__language_code="fr"
            )
            page.title = CHANGED_TITLE
            page.save_revision().publish()
            before = _row_counts()
            second = StringIO()
            call_command("seed_demo", "--force", stdout=second)
            yield {
                "before": before,
                "after": _row_counts(),
                "first": first.getvalue(),
                "second": second.getvalue(),
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _french_resources():
    return (
        MediationResourcePage.objects.live()
        .filter(locale__language_code="fr")
        .select_related("partner")
    )


# -- What the partners publish ------------------------------------------------------


def test_every_partner_has_two_or_three_live_resources(seeded):
    partners = PartnerInstitution.objects.filter(locale__language_code="fr")
    assert partners.count() == 7
    for partner in partners:
        count = _french_resources().filter(partner=partner).count()
        assert 2 <= count <= 3, partner.name


def test_every_kind_of_resource_is_there(seeded):
    kinds = set(_french_resources().values_list("resource_type", flat=True))
    assert kinds >= KINDS


def test_each_resource_is_translated_into_the_partner_s_language(seeded):
    texts = {resource_key(data): data["texts"] for data in RESOURCES}
    compared = ["title", "summary", "easy_to_read", "accessibility_summary"]
    for source in _french_resources():
        own = OWN_LANGUAGE[source.partner.country.code]
        translation = MediationResourcePage.objects.live().get(
            translation_key=source.translation_key, locale__language_code=own
        )
        assert translation.get_parent().specific.partner.locale.language_code == own
        assert translation.partner.translation_key == source.partner.translation_key
        assert not translation.has_unpublished_changes
        for field in compared:
            assert (
                getattr(translation, field) == texts[source.translation_key][own][field]
            )
        assert translation.summary != source.summary
        assert translation.easy_to_read != source.easy_to_read
        french_items = [item.title for item in source.media_items.all()]
        items = [item.title for item in translation.media_items.all()]
        assert len(items) == len(french_items)
        assert not set(items) & set(french_items)


def test_the_metadata_is_rich(seeded):
    resources = list(_french_resources())
    for page in resources:
        assert page.summary and page.easy_to_read and page.accessibility_summary
        assert page.credit_line and page.rights_holder and page.audiences
        assert page.access_modes and page.access_modes_sufficient
        assert page.accessibility_hazards and page.accessibility_controls
        assert page.device_requirements and page.time_needed
        assert page.learning_outcomes and page.mediator_guide
        assert page.contributors.exists() and page.themes.exists()
        page.full_clean()
    hazards = {h for page in resources for h in page.warned_hazards}
    assert hazards == {"flashing", "motionSimulation"}
    assert len({page.rights for page in resources}) >= 5
    assert any(page.disabilities for page in resources)
    assert any(page.mediator_guide_document_id for page in resources)


# -- The pages -------------------------------------------------------------------


def test_the_partner_list_and_the_catalogue_exist_in_five_languages(
    seeded, client, django_assert_max_num_queries
):
    for code in LANGUAGES:
        with django_assert_max_num_queries(25):
            response = client.get(f"/{code}/partners/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Museu Nacional de Arte Contemporânea" in html
        response = client.get(f"/{code}/{CATALOGUE[code]['slug']}/")
        assert response.status_code == 200, code
    lisbon = PartnerIndexPage.objects.filter(slug="mnac-lisboa")
    assert set(lisbon.values_list("locale__language_code", flat=True)) == set(LANGUAGES)


def test_each_partner_page_lists_its_resources_in_its_language(
    seeded, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(35):
        response = client.get("/pt/partners/mnac-lisboa/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cores do modernismo português" in html
    assert "Museu Nacional de Arte Contemporânea de Lisboa" in html  # pt presentation
    response = client.get("/fr/partners/mnac-lisboa/")
    assert "Couleurs du modernisme portugais" in response.content.decode()
    # Each language's page is for the partner's record in that language.
    for page in PartnerIndexPage.objects.select_related("partner", "locale"):
        assert page.partner.locale_id == page.locale_id
        assert page.slug == page.partner.slug


def test_every_resource_page_renders_for_an_anonymous_visitor(seeded, client):
    pages = MediationResourcePage.objects.live().select_related("locale")
    assert pages.count() >= 2 * 14
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        if page.warned_hazards:
            assert "data-hazard-warning" in html, page.url


def test_every_demo_manifest_validates_against_the_iiif_schema(seeded, client):
    from django.urls import reverse

    from tests.mediation.test_iiif import schema_errors

    keys = set(
        MediationResourcePage.objects.live().values_list("translation_key", flat=True)
    )
    assert len(keys) >= 14
    for key in keys:
        response = client.get(reverse("iiif:manifest", kwargs={"key": key}))
        assert response.status_code == 200, key
        assert schema_errors(response.json()) == [], key
        description = client.get(reverse("iiif:description", kwargs={"key": key}))
        assert description.status_code == 200, key


# -- The files -------------------------------------------------------------------


def _glb(data: bytes):
    """Parse a binary glTF 2.0 the way a loader does, failing on any slip."""
    magic, version, length = struct.unpack_from("<4sII", data)
    assert (magic, version, length) == (b"glTF", 2, len(data))
    json_length, json_type = struct.unpack_from("<I4s", data, 12)
    assert json_type == b"JSON" and json_length % 4 == 0
    document = json.loads(data[20 : 20 + json_length])
    offset = 20 + json_length
    bin_length, bin_type = struct.unpack_from("<I4s", data, offset)
    assert bin_type == b"BIN\0" and bin_length % 4 == 0
    binary = data[offset + 8 : offset + 8 + bin_length]
    assert offset + 8 + bin_length == len(data)
    assert document["asset"]["version"] == "2.0"
    assert document["buffers"] == [{"byteLength": bin_length}]
    sizes = {("VEC3", 5126): 12, ("SCALAR", 5123): 2}
    for accessor in document["accessors"]:
        view = document["bufferViews"][accessor["bufferView"]]
        assert view["byteOffset"] % 4 == 0
        assert view["byteOffset"] + view["byteLength"] <= bin_length
        size = sizes[(accessor["type"], accessor["componentType"])]
        assert accessor["count"] * size == view["byteLength"]
    primitive = document["meshes"][0]["primitives"][0]
    positions = document["accessors"][primitive["attributes"]["POSITION"]]
    indices_accessor = document["accessors"][primitive["indices"]]
    view = document["bufferViews"][indices_accessor["bufferView"]]
    indices = struct.unpack_from(
        f"<{indices_accessor['count']}H", binary, view["byteOffset"]
    )
    assert max(indices) < positions["count"] and len(indices) % 3 == 0
    return document


def _pdf(data: bytes):
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[startxref:].startswith(b"xref")
    lines = data[startxref:].split(b"\n")
    count = int(lines[1].split()[1])
    for number, entry in enumerate(lines[3 : 2 + count], start=1):
        offset = int(entry.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def _read(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def test_the_media_files_are_stored_and_valid(seeded):
    items = MediaItem.objects.select_related("page", "h5p_package")
    kinds = set()
    for item in items:
        kinds.add(item.kind)
        item.full_clean(exclude=["page"])
        if item.kind == "h5p":
            assert item.h5p_package.status == item.h5p_package.Status.READY
            continue
        assert item.file.name.startswith("mediation/")
        data = _read(item.file.name)
        assert item.size == len(data)
        if item.kind in ("image", "panorama"):
            image = Image.open(io.BytesIO(data))
            assert image.format == "JPEG"
            assert image.size == (item.width, item.height)
            assert item.text_alternative
        if item.kind == "panorama":
            assert item.width == 2 * item.height and len(data) < 300_000
        elif item.kind == "model":
            _glb(data)
        elif item.kind == "audio":
            with wave.open(io.BytesIO(data)) as sound:
                seconds = sound.getnframes() / sound.getframerate()
            assert 2 <= seconds <= 10 and seconds == pytest.approx(item.duration)
            assert item.transcripts
        elif item.kind == "video":
            assert data.startswith(b"\x1a\x45\xdf\xa3")
            assert item.duration and item.width and item.height
            assert item.transcripts
        elif item.kind == "document":
            _pdf(data)
    assert kinds == {"image", "panorama", "model", "video", "audio", "document", "h5p"}


def test_captions_and_guides_are_documents_in_the_partner_s_collection(seeded):
    video = MediaItem.objects.get(kind="video", page__locale__language_code="pt")
    languages = {track["language"] for track in video.caption_tracks}
    assert languages == {"fr", "pt"}
    space = space_of(video.page.partner)
    for track in video.caption_tracks:
        document = track["file"]
        assert is_webvtt(_read(document.file.name)[:64])
        assert document.collection_id == space.collection_id
    guide = MediationResourcePage.objects.get(
        locale__language_code="fr", mediator_guide_document__isnull=False
    )
    _pdf(_read(guide.mediator_guide_document.file.name))
    assert guide.mediator_guide_document.collection_id == (
        space_of(guide.partner).collection_id
    )


def test_the_generated_files_are_deterministic():
    assert media_files.panorama("cave") == media_files.panorama("cave")
    cube = media_files.glb("cube", [(1, 0, 0)])
    assert len(_glb(cube.data)["accessors"]) == 4
    tetrahedron = _glb(media_files.glb("tetrahedron", [(0, 1, 0)]).data)
    assert tetrahedron["accessors"][3]["count"] == 12
    vtt = media_files.webvtt([(0, 1.5, "Bonjour"), (61, 62, "Au revoir")])
    assert vtt.decode().splitlines()[2] == "00:00:00.000 --> 00:00:01.500"
    assert "00:01:01.000 --> 00:01:02.000" in vtt.decode()
    guide = media_files.pdf("Guide (test) \\ « essai »", [("Titre", ["Un œil."])])
    _pdf(guide.data)
    assert b"Guide \\(test\\) \\\\" in guide.data


# -- Seeding again ---------------------------------------------------------------


def test_seeding_again_creates_nothing_and_keeps_editors_changes(seeded):
    assert seeded["after"] == seeded["before"]
    assert (
        "Partner area: mediation resources added: 16, translations added: 16."
        in seeded["first"]
    )
    assert "demo resources are already there" in seeded["second"]
    page = MediationResourcePage.objects.get(
        translation_key=resource_key(RESOURCES[0]), locale__language_code="fr"
    )
    assert page.title == CHANGED_TITLE


def test_a_missing_translation_comes_back_and_a_renamed_resource_stays(seeded):
    data = next(r for r in RESOURCES if r["partner"] == "cultura-canarias")
    key = resource_key(data)
    source = MediationResourcePage.objects.get(
        translation_key=key, locale__language_code="fr"
    )
    source.slug = "la-grotte-revue"
    source.save_revision().publish()
    MediationResourcePage.objects.get(
        translation_key=key, locale__language_code="es"
    ).delete()
    lines = []
    ensure_partner_area(_locales(), report=lines.append)
    assert lines == [
        "Partner area: mediation resources added: 0, translations added: 1."
    ]
    assert MediationResourcePage.objects.filter(translation_key=key).count() == 2
    translation = MediationResourcePage.objects.get(
        translation_key=key, locale__language_code="es"
    )
    assert translation.slug == data["texts"]["es"]["slug"] and translation.live


def test_without_the_h5p_package_its_resource_waits(seeded, monkeypatch, tmp_path):
    data = next(r for r in RESOURCES if r["resource_type"] == "h5p_activity")
    MediationResourcePage.objects.filter(translation_key=resource_key(data)).delete()
    monkeypatch.setattr(h5p, "TRUEFALSE_WORKSPACE", tmp_path / "missing")
    lines = []
    ensure_partner_area(_locales(), report=lines.append)
    assert not MediationResourcePage.objects.filter(
        translation_key=resource_key(data)
    ).exists()
    [line] = lines
    assert "left out" in line and "Vrai ou faux" in line
    # The course part already reported the missing package, once.
    assert not any("H5P" in line for line in lines)


def _locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


# -- Who may publish where ----------------------------------------------------------


def _index_pages(slug):
    return PartnerIndexPage.objects.filter(slug=slug)


def test_each_demo_editor_publishes_only_in_their_own_space(seeded):
    User = get_user_model()
    lisbon = PartnerInstitution.objects.get(
        slug="mnac-lisboa", locale__language_code="fr"
    )
    turin = PartnerInstitution.objects.get(
        slug="accademia-albertina", locale__language_code="fr"
    )
    lisbon_space, turin_space = space_of(lisbon), space_of(turin)
    editor = User.objects.get(email="editeur.lisboa@chainon.example")
    torino = User.objects.get(email="editrice.torino@chainon.example")
    moderator = User.objects.get(email="moderateur.lisboa@chainon.example")

    groups = set(editor.groups.all())
    assert lisbon_space.editors in groups and turin_space.editors not in groups
    assert lisbon_space.moderators not in groups
    groups = set(torino.groups.all())
    assert turin_space.editors in groups and lisbon_space.editors not in groups
    groups = set(moderator.groups.all())
    assert {lisbon_space.editors, lisbon_space.moderators} <= groups
    assert turin_space.moderators not in groups

    for page in _index_pages("mnac-lisboa"):
        assert page.permissions_for_user(editor).can_add_subpage()
        assert not page.permissions_for_user(torino).can_add_subpage()
        assert page.permissions_for_user(moderator).can_publish_subpage()
    for page in _index_pages("accademia-albertina"):
        assert page.permissions_for_user(torino).can_add_subpage()
        assert not page.permissions_for_user(editor).can_add_subpage()
        assert not page.permissions_for_user(moderator).can_publish_subpage()
