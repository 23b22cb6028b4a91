"""What a mediation resource refuses: rights outside Europeana's set, files
that are not what their media item says, captions that are not WebVTT."""

import io
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document

from mediation import vocabulary as vocab
from mediation.blocks import TrackBlock
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
)
from tests.factories import PartnerInstitutionFactory

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 40


def jpeg(width=64, height=32) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def glb() -> bytes:
    chunk = b'{"asset":{"version":"2.0"}}  '
    return (
        b"glTF"
        + struct.pack("<II", 2, 12 + 8 + len(chunk))
        + struct.pack("<I", len(chunk))
        + b"JSON"
        + chunk
    )


def stored(name: str, content: bytes) -> str:
    return default_storage.save(f"mediation/{name}", ContentFile(content))


@pytest.fixture
def lisbon(site_tree):
    home = site_tree["home"]["fr"]
    partners = home.add_child(
        instance=PartnerListPage(title="Partenaires", slug="partners")
    )
    partner = PartnerInstitutionFactory(name="MNAC", slug="mnac-lisboa", country="PT")
    return partners.add_child(
        instance=PartnerIndexPage(title="MNAC", slug="mnac-lisboa", partner=partner)
    )


def resource(parent, **fields) -> MediationResourcePage:
    values = {
        "title": "Visite en 360°",
        "slug": "visite-360",
        "summary": "Une salle du musée, en panorama.",
        "resource_type": "tour_360",
    }
    values.update(fields)
    return parent.add_child(instance=MediationResourcePage(**values))


class TestRights:
    @pytest.mark.parametrize(
        "pasted",
        [
            "http://creativecommons.org/licenses/by-sa/4.0/",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            "https://creativecommons.org/licenses/by-sa/4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
            " https://creativecommons.org/licenses/by-sa/4.0/legalcode ",
        ],
    )
    def test_every_spelling_of_a_licence_gives_its_canonical_uri(self, pasted):
        assert (
            vocab.canonical_rights(pasted)
            == "http://creativecommons.org/licenses/by-sa/4.0/"
        )

    @pytest.mark.parametrize(
        "value",
        [
            "",
            "CC BY-SA",
            "http://creativecommons.org/licenses/by/3.0/",
            "http://rightsstatements.org/vocab/UND/1.0/",
            "https://example.org/licenses/by/4.0/",
        ],
    )
    def test_anything_else_is_not_a_rights_statement(self, value):
        assert vocab.canonical_rights(value) is None

    def test_the_set_is_europeanas_fourteen(self):
        assert len(vocab.RIGHTS) == 14
        assert all(
            uri.startswith("http://") and uri.endswith("/") for uri in vocab.RIGHTS
        )

    def test_a_page_refuses_a_rights_value_outside_the_set(self, lisbon):
        page = resource(lisbon)
        page.rights = "https://example.org/my-licence"
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "rights" in error.value.message_dict


class TestResourcePage:
    def test_the_partner_is_the_one_of_the_space_it_is_published_in(self, lisbon):
        page = resource(lisbon)
        assert page.partner_id == lisbon.partner_id

    def test_the_age_range_must_be_a_range(self, lisbon):
        page = resource(lisbon)
        page.age_min, page.age_max = 12, 8
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "age_max" in error.value.message_dict

    def test_a_hazard_cannot_be_present_and_absent(self, lisbon):
        page = resource(lisbon)
        page.accessibility_hazards = ["flashing", "noFlashingHazard"]
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "accessibility_hazards" in error.value.message_dict

    def test_unknown_vocabulary_codes_are_refused(self, lisbon):
        page = resource(lisbon)
        page.accessibility_features = ["signLanguage", "telepathy"]
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "telepathy" in str(error.value.message_dict["accessibility_features"])

    def test_flashing_and_motion_are_the_hazards_warned_about(self, lisbon):
        page = resource(
            lisbon,
            accessibility_hazards=["motionSimulation", "sound", "noFlashingHazard"],
        )
        assert page.warned_hazards == ["motionSimulation"]


class TestMediaItems:
    def item(self, page, **fields):
        return MediaItem(page=page, **fields)

    def test_a_real_jpeg_image_passes_and_its_size_is_read(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="panorama",
            file=stored("salle.jpg", jpeg(128, 64)),
            text_alternative="La salle des Primitifs, vue à 360°.",
        )
        item.full_clean()
        item.save()
        assert (item.width, item.height) == (128, 64)
        assert item.mime_type == "image/jpeg"
        assert item.size == len(jpeg(128, 64))

    def test_a_glb_that_is_not_gltf_is_refused(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="model",
            file=stored("statue.glb", b"this is not a 3D model at all"),
            text_alternative="Une statue.",
        )
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "statue" in str(error.value.message_dict["file"])

    def test_a_real_glb_passes(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="model",
            file=stored("statue.glb", glb()),
            text_alternative="Une statue de marbre.",
        )
        item.full_clean()

    def test_a_video_that_is_a_text_file_is_refused(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="video",
            file=stored("visite.mp4", b"Bonjour, ceci est du texte."),
        )
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "visite" in str(error.value.message_dict["file"])

    def test_a_real_video_chosen_as_a_3d_model_is_refused(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="model",
            file=stored("visite.mp4", MP4_HEAD),
            text_alternative="?",
        )
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "file" in error.value.message_dict

    def test_an_image_needs_a_text_alternative(self, lisbon, local_storage):
        item = self.item(resource(lisbon), kind="image", file=stored("a.jpg", jpeg()))
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "text_alternative" in error.value.message_dict

    def test_a_file_is_required_except_for_h5p(self, lisbon, local_storage):
        page = resource(lisbon)
        with pytest.raises(ValidationError) as error:
            self.item(page, kind="audio").full_clean()
        assert "file" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            self.item(page, kind="h5p").full_clean()
        assert "h5p_package" in error.value.message_dict

    def test_a_sign_language_video_must_be_a_video(self, lisbon, local_storage):
        item = self.item(
            resource(lisbon),
            kind="video",
            file=stored("visite.mp4", MP4_HEAD),
            sign_language_video=stored("lsf.mp4", b"not a video"),
        )
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "sign_language_video" in error.value.message_dict


class TestTracks:
    def document(self, name, content):
        return Document.objects.create(title=name, file=ContentFile(content, name=name))

    def test_a_webvtt_file_is_a_track(self, db, local_storage):
        vtt = self.document("fr.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n")
        block = TrackBlock()
        value = block.to_python({"kind": "captions", "language": "fr", "file": vtt.pk})
        block.clean(value)

    @pytest.mark.parametrize(
        "content",
        [
            b"1\n00:00:00,000 --> 00:00:01,000\nBonjour\n",  # SRT
            b"WEBVTTX\n",
            b"",
            b"%PDF-1.7",
        ],
    )
    def test_anything_else_is_refused_naming_the_document(
        self, db, local_storage, content
    ):
        document = self.document("sous-titres.srt", content)
        block = TrackBlock()
        value = block.to_python(
            {"kind": "captions", "language": "fr", "file": document.pk}
        )
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert "sous-titres.srt" in str(error.value.block_errors["file"])


def test_publishing_without_a_media_item_keeps_its_file_for_old_revisions(
    lisbon, local_storage, django_capture_on_commit_callbacks
):
    """The item goes with the new revision; the file stays, since reverting
    to the previous revision brings the item back."""
    page = resource(lisbon)
    name = stored("salle.jpg", jpeg())
    page.media_items.add(
        MediaItem(kind="image", file=name, text_alternative="Une salle.")
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = page.save_revision()
        first.publish()
    page = MediationResourcePage.objects.get(pk=page.pk)
    page.media_items.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not MediaItem.objects.filter(page=page).exists()
    assert local_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        first.publish()
    assert MediaItem.objects.get(page=page).file.name == name
