"""The partner area's public pages and the viewers' markup.

Visitors need no account: the partner list, a partner's page and its
resources render for anyone.  A resource page shows the whole description
and one viewer per media item, chosen by kind, with what makes it
accessible (text alternatives, caption tracks, transcripts, sign language,
audio description) and a warning before content that flashes or simulates
motion.  Files are small but real (a JPEG, an equirectangular JPEG, a GLB,
a WebVTT document) and stored through the storage the site uses.  The
browser side (scripts, keyboard) is tests/e2e/test_mediation_viewers_in_a_browser.py.
"""

import io
import json
import struct

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from media.h5p_models import H5PPackage
from mediation import vocabulary as vocab
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
)
from mediation.models.pages import RESOURCES_PER_PAGE
from tests.factories import PartnerInstitutionFactory

pytestmark = pytest.mark.django_db

CC_BY_SA = "http://creativecommons.org/licenses/by-sa/4.0/"
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 40

# -- Real small files (the browser test uses them too) ------------------------


def jpeg(width=64, height=32, colour=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def equirectangular(width=512, height=256) -> bytes:
    """A 2:1 panorama: a sky-to-ground gradient with coloured meridians, so a
    turned view differs from the first one."""
    image = Image.new("RGB", (width, height))
    pixels = image.load()
    for x in range(width):
        meridian = (x * 8 // width) % 2
        for y in range(height):
            sky = 255 * y // height
            pixels[x, y] = (sky, 120 + 80 * meridian, 255 - sky)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _padded(data: bytes, pad: bytes) -> bytes:
    return data + pad * (-len(data) % 4)


def glb() -> bytes:
    """A valid binary glTF 2.0: one triangle (a mesh with its positions in
    the BIN chunk), in a scene, so a viewer has something to draw."""
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    document = {
        "asset": {"version": "2.0", "generator": "Chaînon tests"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "buffers": [{"byteLength": len(positions)}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(positions)}],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [0, 0, 0],
                "max": [1, 1, 0],
            }
        ],
    }
    json_chunk = _padded(json.dumps(document).encode(), b" ")
    bin_chunk = _padded(positions, b"\x00")
    length = 12 + 8 + len(json_chunk) + 8 + len(bin_chunk)
    return (
        b"glTF"
        + struct.pack("<II", 2, length)
        + struct.pack("<I", len(json_chunk))
        + b"JSON"
        + json_chunk
        + struct.pack("<I", len(bin_chunk))
        + b"BIN\x00"
        + bin_chunk
    )


def usdz() -> bytes:
    """A USDZ is a zip whose first entry is the scene (here a tiny one)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("statue.usda", '#usda 1.0\n(defaultPrim = "Statue")\n')
    return buffer.getvalue()


def webvtt(*cues: str) -> bytes:
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues):
        lines += [f"00:00:0{number}.000 --> 00:00:0{number + 1}.000", cue, ""]
    return "\n".join(lines).encode()


def vtt_document(title: str, *cues: str):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(webvtt(*cues), name=f"{title.lower().replace(' ', '-')}.vtt"),
    )


def stored(name: str, content: bytes) -> str:
    return default_storage.save(f"mediation/{name}", ContentFile(content))


# -- Pages -----------------------------------------------------------------------


def partner_space(home, *, name="Musée Cantini", slug="musee-cantini", **partner):
    """The partner list under ``home`` and one partner's index page."""
    partners = PartnerListPage.objects.child_of(home).first()
    if partners is None:
        partners = home.add_child(
            instance=PartnerListPage(
                title="Partenaires", slug="partners", intro="Le réseau."
            )
        )
    institution = PartnerInstitutionFactory(name=name, slug=slug, **partner)
    return partners.add_child(
        instance=PartnerIndexPage(title=name, slug=slug, partner=institution)
    )


def mediation_resource(space, **fields) -> MediationResourcePage:
    values = {
        "title": "La salle des Primitifs",
        "slug": "salle-des-primitifs",
        "summary": "Une salle du musée à explorer en 360°.",
        "resource_type": "tour_360",
        "rights": CC_BY_SA,
    }
    values.update(fields)
    return space.add_child(instance=MediationResourcePage(**values))


def media_item(page, kind, name="", content=b"", **fields) -> MediaItem:
    if name:
        fields["file"] = stored(name, content)
    item = MediaItem(page=page, kind=kind, **fields)
    item.full_clean(exclude=["page"])
    item.save()
    return item


def tracks(*blocks) -> str:
    return json.dumps(list(blocks))


def track(document, language="fr", kind="captions") -> dict:
    return {
        "type": "track",
        "value": {"kind": kind, "language": language, "file": document.pk},
    }


def transcript(language, html) -> dict:
    return {"type": "transcript", "value": {"language": language, "text": html}}


def parsed(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def viewer_of(soup, kind):
    figure = soup.select_one(f'[data-viewer="{kind}"]')
    assert figure is not None, f"no {kind} viewer"
    return figure


@pytest.fixture
def space(site_tree, local_storage):
    return partner_space(
        site_tree["home"]["fr"],
        city="Marseille",
        website="https://musees.marseille.fr/cantini",
        contact_name="Claire Martin",
        contact_email="mediation@cantini.example",
        presentation="Le musée d'art moderne de Marseille.",
    )


def labels(choices, codes):
    with translation.override("fr"):
        return [vocab.label_of(choices, code) for code in codes]


# -- The resource page -----------------------------------------------------------


class TestResourceDescription:
    @pytest.fixture
    def described(self, space):
        guide = get_document_model().objects.create(
            title="Guide du médiateur",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf"),
        )
        page = mediation_resource(
            space,
            period="XXe siècle",
            related_works="André Masson, Antibes, 1932\n\n  Musée Cantini, salle 3  ",
            credit_line="© Musée Cantini, photo J. Dupont",
            rights_holder="Ville de Marseille",
            audiences=["families", "disability"],
            disabilities=["visual", "hearing"],
            age_min=8,
            age_max=12,
            use_context="remote",
            access_modes=["visual", "textual"],
            access_modes_sufficient=["textual"],
            accessibility_features=["alternativeText", "transcript"],
            accessibility_hazards=["noFlashingHazard", "sound"],
            accessibility_controls=["fullKeyboardControl"],
            accessibility_summary="Toutes les images ont une description.",
            easy_to_read="Vous entrez dans une salle. Il y a des tableaux.",
            device_requirements="Un ordinateur ou une tablette.",
            time_needed=25,
            learning_outcomes="<ul><li>Décrire une œuvre</li></ul>",
            mediator_guide="<p>Préparer la séance avec le groupe.</p>",
            mediator_guide_document=guide,
        )
        page.themes.add("portrait", "Méditerranée")
        page.contributors.create(name="Inès Duarte", role="photographer")
        page.contributors.create(name="Marc Petit", role="easy_to_read_writer")
        page.save_revision().publish()
        return page

    def test_an_anonymous_visitor_reads_the_whole_description(
        self, client, described, space
    ):
        soup = parsed(client.get(described.url))
        text = " ".join(soup.get_text(" ").split())
        assert soup.h1.get_text() == "La salle des Primitifs"
        for expected in (
            "Une salle du musée à explorer en 360°.",
            "XXe siècle",
            "André Masson, Antibes, 1932",
            "Musée Cantini, salle 3",
            "© Musée Cantini, photo J. Dupont",
            "Ville de Marseille",
            "Toutes les images ont une description.",
            "Un ordinateur ou une tablette.",
            "Décrire une œuvre",
            "Préparer la séance avec le groupe.",
            "portrait",
            "Méditerranée",
            "8",
            "12",
            "25",
        ):
            assert expected in text, expected
        with translation.override("fr"):
            assert described.get_resource_type_display() in text
            assert described.get_use_context_display() in text
        for choices, codes in (
            (vocab.AUDIENCES, ["families", "disability"]),
            (vocab.DISABILITIES, ["visual", "hearing"]),
            (vocab.ACCESSIBILITY_FEATURES, ["alternativeText", "transcript"]),
            (vocab.ACCESSIBILITY_HAZARDS, ["noFlashingHazard", "sound"]),
            (vocab.ACCESSIBILITY_CONTROLS, ["fullKeyboardControl"]),
            (vocab.ACCESS_MODES, ["visual", "textual"]),
            (vocab.ACCESS_MODES_SUFFICIENT, ["textual"]),
        ):
            for label in labels(choices, codes):
                assert label in text, label
        # Related works: one entry per non-empty line.
        works = [li.get_text() for li in soup.select(".resource-facts ul li")]
        assert "André Masson, Antibes, 1932" in works
        assert "" not in works

    def test_partner_contributors_and_rights_are_linked_and_named(
        self, client, described, space
    ):
        soup = parsed(client.get(described.url))
        partner_links = soup.find_all("a", href=space.url)
        assert partner_links
        assert partner_links[0].get_text() == "Musée Cantini"
        licence = soup.find("a", rel="license")
        assert licence["href"] == CC_BY_SA
        assert licence.get_text() == vocab.rights_label(CC_BY_SA)
        photographer, writer = labels(
            vocab.CONTRIBUTOR_ROLES, ["photographer", "easy_to_read_writer"]
        )
        roles = [f"Inès Duarte ({photographer})", f"Marc Petit ({writer})"]
        items = [li.get_text() for li in soup.select("li")]
        for role in roles:
            assert role in items
        guide = soup.find("a", href=described.mediator_guide_document.url)
        assert guide is not None
        assert "PDF" in guide.find_next("span").get_text()

    def test_the_easy_to_read_text_is_a_labelled_section_in_the_page_language(
        self, client, described
    ):
        soup = parsed(client.get(described.url))
        section = soup.select_one("section.easy-to-read")
        assert section["lang"] == "fr"
        heading = section.find(id=section["aria-labelledby"])
        assert heading.name == "h2"
        assert "Il y a des tableaux." in section.get_text()

    def test_the_iiif_links_are_shown_when_the_views_exist(self, client, described):
        from django.urls import NoReverseMatch, reverse

        soup = parsed(client.get(described.url))
        alternate = soup.find("link", rel="alternate", type="application/ld+json")
        try:
            manifest_url = reverse(
                "iiif:manifest", kwargs={"key": described.translation_key}
            )
            description_url = reverse(
                "iiif:description", kwargs={"key": described.translation_key}
            )
        except NoReverseMatch:
            # The IIIF views are not mounted: the page renders without links.
            assert alternate is None
            assert soup.find("a", string="IIIF manifest") is None
            return
        assert alternate["href"] == description_url
        assert soup.find("a", href=manifest_url) is not None

    def test_a_resource_without_files_says_so(self, client, described):
        soup = parsed(client.get(described.url))
        assert soup.select_one("[data-mediation-viewers]") is None
        assert soup.select_one("#resource-viewers .empty-state") is not None

    def test_a_draft_or_restricted_resource_is_not_shown_to_visitors(
        self, client, space
    ):
        draft = mediation_resource(space, slug="brouillon", live=False)
        assert client.get(draft.url).status_code == 404
        closed = mediation_resource(space, slug="reserve")
        PageViewRestriction.objects.create(
            page=closed, restriction_type=PageViewRestriction.LOGIN
        )
        assert client.get(closed.url).status_code == 302


class TestViewers:
    def test_an_image_zooms_with_a_plain_image_and_its_description_as_fallback(
        self, client, space
    ):
        page = mediation_resource(space, resource_type="image_set")
        item = media_item(
            page,
            "image",
            "buste.jpg",
            jpeg(640, 480),
            title="Buste de femme",
            text_alternative="Un buste en marbre blanc, de trois quarts.",
        )
        soup = parsed(client.get(page.url))
        figure = viewer_of(soup, "image")
        target = figure.select_one("[data-zoom-target]")
        assert target["data-src"] == item.file.url
        fallback = figure.select_one("img[data-viewer-fallback]")
        assert fallback["src"] == item.file.url
        assert fallback["alt"] == item.text_alternative
        assert (fallback["width"], fallback["height"]) == ("640", "480")
        described = figure.find(id=figure["data-describedby"])
        assert item.text_alternative in described.get_text()
        assert len(figure.select("[data-zoom-controls] button")) == 3
        # No hazard: nothing holds the viewer back.
        assert figure.select_one("[data-hazard-warning]") is None
        assert not figure.select_one("[data-viewer-stage]").has_attr("hidden")

    def test_a_panorama_is_started_by_the_visitor(self, client, space):
        page = mediation_resource(space)
        item = media_item(
            page,
            "panorama",
            "salle.jpg",
            equirectangular(),
            text_alternative="La salle, ses quatre murs couverts de retables.",
        )
        soup = parsed(client.get(page.url))
        figure = viewer_of(soup, "panorama")
        assert figure.select_one("[data-panorama-target]")["data-src"] == item.file.url
        assert figure.select_one("button[data-viewer-start]") is not None
        assert figure.select_one("img[data-viewer-fallback]")["alt"] == (
            item.text_alternative
        )
        stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert any(
            href.endswith("vendor/pannellum/pannellum.css") for href in stylesheets
        )
        viewers = soup.select_one("[data-mediation-viewers]")
        assert viewers["data-pannellum-script"].startswith("/static/vendor/pannellum/")

    def test_a_model_has_its_ios_version_and_text_alternative(self, client, space):
        page = mediation_resource(space, resource_type="object_3d")
        model = media_item(
            page, "model", "statue.glb", glb(), text_alternative="Une statue de marbre."
        )
        ios = media_item(
            page, "model_ios", "statue.usdz", usdz(), text_alternative="La même statue."
        )
        soup = parsed(client.get(page.url))
        element = soup.find("model-viewer")
        assert element["data-src"] == model.file.url
        assert element["data-ios-src"] == ios.file.url
        assert element["alt"] == "Une statue de marbre."
        assert element.has_attr("camera-controls")
        assert element.has_attr("ar")
        assert "quick-look" in element["ar-modes"]
        # The USDZ joins the model: no viewer of its own.
        assert soup.select_one('[data-viewer="model_ios"]') is None
        viewers = soup.select_one("[data-mediation-viewers]")
        for attribute in ("data-model-viewer-script", "data-draco-location"):
            assert viewers[attribute].startswith("/static/vendor/")

    def test_a_video_has_tracks_transcripts_sign_language_and_description(
        self, client, space
    ):
        page = mediation_resource(space, resource_type="video")
        french = vtt_document("Sous-titres FR", "Bonjour", "Regardez le tableau")
        english = vtt_document("Captions EN", "Hello")
        described = vtt_document("Description FR", "Une femme entre.")
        item = media_item(
            page,
            "video",
            "visite.mp4",
            MP4_HEAD,
            title="La visite",
            language="fr",
            sign_language_video=stored("visite-lsf.mp4", MP4_HEAD),
            audio_description=stored("visite-ad.mp3", b"ID3\x04\x00" + b"\x00" * 40),
            tracks=tracks(
                track(english, "en"),
                track(french, "fr"),
                track(described, "fr", kind="descriptions"),
                transcript("en", "<p>Hello, look at the painting.</p>"),
                transcript("fr", "<p>Bonjour, regardez le tableau.</p>"),
            ),
        )
        soup = parsed(client.get(page.url))
        figure = viewer_of(soup, "video")
        video = figure.select_one("video.viewer__video:not([data-sign-language])")
        assert video.has_attr("controls")
        assert video.source["src"] == item.file.url
        found = [
            (t["kind"], t["srclang"], t["src"], t.has_attr("default"))
            for t in video.find_all("track")
        ]
        # The reader's language first; its captions shown by default.
        assert found == [
            ("captions", "fr", french.url, True),
            ("descriptions", "fr", described.url, False),
            ("captions", "en", english.url, False),
        ]
        assert [t["label"] for t in video.find_all("track")][0] == "Français"
        assert video["crossorigin"] == "anonymous"
        sign = figure.select_one("video[data-sign-language]")
        assert sign.source["src"] == item.sign_language_video.url
        assert figure.find(id=sign["aria-labelledby"]) is not None
        audio = figure.select_one("audio[data-audio-description]")
        assert audio.source["src"] == item.audio_description.url

        toggle = figure.select_one("button[data-transcript-toggle]")
        body = figure.find(id=toggle["aria-controls"])
        assert toggle["aria-expanded"] == "true"  # shown until the script folds it
        languages = [div["lang"] for div in body.select("div[lang]")]
        assert languages == ["fr", "en"]
        assert "Bonjour, regardez le tableau." in body.get_text()

    def test_the_tracks_are_served_on_the_sites_origin(self, client, space):
        document = vtt_document("Sous-titres", "Bonjour")
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"WEBVTT")

    def test_audio_documents_and_h5p_activities(self, client, space):
        page = mediation_resource(space, resource_type="audio_guide")
        media_item(
            page,
            "audio",
            "guide.mp3",
            b"ID3\x04\x00" + b"\x00" * 40,
            title="Audioguide",
            tracks=tracks(transcript("fr", "<p>Bienvenue au musée.</p>")),
        )
        pdf = media_item(
            page,
            "document",
            "dossier.pdf",
            b"%PDF-1.4\n" + b"0" * 2000,
            title="Dossier",
        )
        package = H5PPackage.objects.create(
            title="Quiz des Primitifs",
            file="h5p-packages/quiz.h5p",
            status=H5PPackage.Status.READY,
        )
        media_item(page, "h5p", h5p_package=package, title="Quiz")
        soup = parsed(client.get(page.url))
        audio = viewer_of(soup, "audio").find("audio")
        assert audio.has_attr("controls")
        assert viewer_of(soup, "audio").select_one("[data-transcript-toggle]")
        link = viewer_of(soup, "document").find("a")
        assert link["href"] == pdf.file.url
        with translation.override("fr"):
            size = filesizeformat(pdf.size)
        assert link.find_next("span").get_text() == f"(PDF, {size})"
        frame = viewer_of(soup, "h5p").find("iframe")
        assert frame["data-src"].startswith(f"/h5p/play/{package.pk}/")
        assert "parent=http" in frame["data-src"]
        assert frame["sandbox"] == [
            "allow-scripts",
            "allow-popups",
            "allow-popups-to-escape-sandbox",
        ]
        assert "allow-same-origin" not in frame["sandbox"]
        assert frame["title"] == "Quiz"

    def test_a_package_that_is_not_ready_is_not_shown(self, client, space):
        page = mediation_resource(space, resource_type="h5p_activity")
        package = H5PPackage.objects.create(
            title="En cours", file="h5p-packages/x.h5p", status=H5PPackage.Status.READY
        )
        media_item(page, "h5p", h5p_package=package)
        H5PPackage.objects.filter(pk=package.pk).update(
            status=H5PPackage.Status.PROCESSING
        )
        soup = parsed(client.get(page.url))
        assert soup.select_one('[data-viewer="h5p"]') is None

    def test_flashing_content_waits_behind_a_warning(self, client, space):
        page = mediation_resource(
            space, accessibility_hazards=["flashing", "motionSimulation", "sound"]
        )
        media_item(
            page,
            "panorama",
            "salle.jpg",
            equirectangular(),
            text_alternative="La salle.",
        )
        media_item(page, "video", "visite.mp4", MP4_HEAD)
        media_item(page, "audio", "guide.mp3", b"ID3\x04\x00" + b"\x00" * 40)
        soup = parsed(client.get(page.url))
        hazards = labels(vocab.ACCESSIBILITY_HAZARDS, ["flashing", "motionSimulation"])
        for kind in ("panorama", "video"):
            figure = viewer_of(soup, kind)
            warning = figure.select_one("[data-hazard-warning]")
            assert warning["role"] == "region"
            heading = warning.find(id=warning["aria-labelledby"])
            assert heading.name == "h3"
            for hazard in hazards:
                assert hazard in warning.get_text()
            assert labels(vocab.ACCESSIBILITY_HAZARDS, ["sound"])[0] not in (
                warning.get_text()
            )
            button = warning.select_one("button[data-hazard-accept]")
            stage = figure.select_one("[data-viewer-stage]")
            assert button["aria-controls"] == stage["id"]
            assert stage.has_attr("hidden")
        # Sound alone has nothing to see: the audio player is not held back.
        assert viewer_of(soup, "audio").select_one("[data-hazard-warning]") is None

    def test_the_viewers_need_no_inline_script_or_style(self, client, space):
        page = mediation_resource(
            space, resource_type="image_set", accessibility_hazards=["flashing"]
        )
        media_item(page, "image", "a.jpg", jpeg(), text_alternative="Une image.")
        media_item(page, "model", "m.glb", glb(), text_alternative="Un objet.")
        soup = parsed(client.get(page.url))
        viewers = soup.select_one("[data-mediation-viewers]")
        assert not viewers.select("[style]")
        assert not soup.find_all("style")
        for script in soup.find_all("script"):
            assert script.has_attr("src") or script.get("type") == "application/json"
        messages = json.loads(soup.find(id=viewers["data-messages"]).string)
        assert messages["pannellum"]["loadButtonLabel"]

    def test_xapi_data_is_given_to_the_script_only_in_a_course(self, rf, space):
        from django.template.loader import render_to_string

        page = mediation_resource(space)
        media_item(page, "image", "a.jpg", jpeg(), text_alternative="Une image.")
        request = rf.get("/")
        public = BeautifulSoup(
            render_to_string(
                "mediation/includes/resource_viewers.html",
                {"resource": page, "request": request},
            ),
            "html.parser",
        ).select_one("[data-mediation-viewers]")
        assert not public.has_attr("data-activity-id")
        assert not public.has_attr("data-statements-url")
        embedded = BeautifulSoup(
            render_to_string(
                "mediation/includes/resource_viewers.html",
                {
                    "resource": page,
                    "request": request,
                    "activity_iri": "https://chainon.example/xapi/activities/x",
                    "xapi": {
                        "statements_url": "/xapi/statements",
                        "csrf_token": "token",
                        "agent_script_id": "mediation-agent-1",
                    },
                },
            ),
            "html.parser",
        ).select_one("[data-mediation-viewers]")
        assert (
            embedded["data-activity-id"] == "https://chainon.example/xapi/activities/x"
        )
        assert embedded["data-statements-url"] == "/xapi/statements"
        assert embedded["data-csrf-token"] == "token"
        assert embedded["data-agent-script"] == "mediation-agent-1"
        assert embedded["data-resource-title"] == page.title

    def test_file_urls_point_to_the_bucket_on_s3(self, client, site_tree, s3_storage):
        space = partner_space(site_tree["home"]["fr"])
        page = mediation_resource(space)
        item = media_item(
            page,
            "panorama",
            "salle.jpg",
            equirectangular(),
            text_alternative="La salle.",
        )
        soup = parsed(client.get(page.url))
        url = viewer_of(soup, "panorama").select_one("[data-panorama-target]")[
            "data-src"
        ]
        assert url.startswith(s3_storage.endpoint_url)
        assert "X-Amz-Signature=" in url
        assert item.file.name.split("/")[-1] in url


# -- The partner pages ----------------------------------------------------------


class TestPartnerPages:
    def test_the_partner_list_shows_each_partner(self, client, space, site_tree):
        from wagtail.images import get_image_model

        logo = get_image_model().objects.create(
            title="Logo Sagiterre", file=ContentFile(jpeg(200, 100), name="logo.jpg")
        )
        other = partner_space(
            site_tree["home"]["fr"],
            name="Sagiterre",
            slug="sagiterre",
            kind="association",
            country="PT",
            city="Lisboa",
            logo=logo,
        )
        partners = space.get_parent()
        soup = parsed(client.get(partners.url))
        cards = soup.select(".partner-card")
        assert [card.h2.get_text() for card in cards] == ["Musée Cantini", "Sagiterre"]
        assert cards[1].h2.a["href"] == other.url
        image = cards[1].find("img")
        # Decorative beside the heading that names the partner: a screen
        # reader would otherwise say the name twice.
        assert image["alt"] == ""
        place = cards[1].select_one(".partner-card__place").get_text()
        assert "Lisboa" in place
        assert "Portugal" in place
        with translation.override("fr"):
            assert str(other.partner.get_kind_display()) in place

    def test_an_empty_partner_list(self, client, site_tree):
        partners = site_tree["home"]["fr"].add_child(
            instance=PartnerListPage(title="Partenaires", slug="partners")
        )
        soup = parsed(client.get(partners.url))
        assert soup.select(".partner-card") == []
        assert soup.select_one(".empty-state") is not None

    def test_a_partner_page_presents_the_partner(self, client, space):
        soup = parsed(client.get(space.url))
        text = soup.get_text()
        assert "Le musée d'art moderne de Marseille." in text
        assert soup.find("a", href="https://musees.marseille.fr/cantini")
        assert soup.find("a", href="mailto:mediation@cantini.example")
        assert "Claire Martin" in text

    def test_only_live_public_resources_are_listed(self, client, space):
        mediation_resource(space, title="En ligne", slug="en-ligne")
        mediation_resource(space, title="Brouillon", slug="brouillon", live=False)
        private = mediation_resource(space, title="Réservée", slug="reservee")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
        soup = parsed(client.get(space.url))
        titles = [card.h3.get_text() for card in soup.select(".resource-card")]
        assert titles == ["En ligne"]

    def test_an_empty_partner_page_says_so(self, client, space):
        soup = parsed(client.get(space.url))
        assert soup.select(".resource-card") == []
        assert soup.select_one(".empty-state") is not None
        assert soup.select_one("nav.pagination") is None

    def test_resources_are_paginated(self, client, space):
        for number in range(RESOURCES_PER_PAGE + 2):
            mediation_resource(space, title=f"Ressource {number}", slug=f"r-{number}")
        first = parsed(client.get(space.url))
        assert len(first.select(".resource-card")) == RESOURCES_PER_PAGE
        nav = first.select_one("nav.pagination")
        assert nav.find("a", rel="next")["href"] == "?page=2"
        second = parsed(client.get(space.url, {"page": 2}))
        assert len(second.select(".resource-card")) == 2
        assert second.select_one("nav.pagination a[rel=prev]")["href"] == "?page=1"

    @pytest.mark.parametrize("number", ["0", "999", "deux", "-1", "1e3", ""])
    def test_a_page_number_out_of_range_or_not_a_number_shows_a_real_page(
        self, client, space, number
    ):
        for index in range(RESOURCES_PER_PAGE + 1):
            mediation_resource(space, title=f"Ressource {index}", slug=f"r-{index}")
        soup = parsed(client.get(space.url, {"page": number}))
        assert soup.select(".resource-card")

    def test_the_query_count_does_not_grow_with_the_resources(
        self, client, space, django_assert_max_num_queries
    ):
        def count_queries():
            client.get(space.url)  # warm the site's caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(space.url)
            assert response.status_code == 200
            return len(queries)

        for number in range(3):
            mediation_resource(space, title=f"Ressource {number}", slug=f"r-{number}")
        with_three = count_queries()
        for number in range(3, 15):
            mediation_resource(space, title=f"Ressource {number}", slug=f"r-{number}")
        assert count_queries() == with_three
        with django_assert_max_num_queries(25):
            client.get(space.url)
