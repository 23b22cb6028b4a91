"""A mediation resource's viewers in Chromium: a 360° panorama, a 3D model,
a zoomable image and a captioned video, all from Chaînon's own server.

The page asks nothing of another origin (the libraries are npm packages
served as static files), logs no error, and every viewer starts: the
panorama when the visitor asks, by keyboard; the model, the image and the
video's caption track on their own.  A resource that flashes keeps its
viewers behind a warning until its button is pressed (Tab, Enter), and
loads none of their code before.

The video is tests/fixtures/mediation/visite.webm: two seconds of VP8
recorded from a canvas by Chromium's MediaRecorder for this suite (our own
work, CC0).
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.mediation.test_resource_pages import (
    equirectangular,
    glb,
    jpeg,
    media_item,
    mediation_resource,
    partner_space,
    tracks,
    transcript,
    vtt_document,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIDEO = Path(__file__).resolve().parents[1] / "fixtures" / "mediation" / "visite.webm"
MAX_TABS = 60
# WebGL runs on the CPU here (SwiftShader): a 3D model takes a few seconds.
START_TIMEOUT_MS = 30_000


class Watch:
    """What the page did: requests, console messages, uncaught errors."""

    def __init__(self, page):
        self.requests = []
        self.console = []
        self.errors = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.console.append(message))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def outside(self, origin):
        return [
            url
            for url in self.requests
            if not url.startswith((origin + "/", "data:", "blob:"))
        ]

    def problems(self):
        return self.errors + [
            f"{message.type}: {message.text}"
            for message in self.console
            if message.type == "error" or "Content Security Policy" in message.text
        ]

    def loaded(self, path):
        return [url for url in self.requests if path in url]


def ready(page, kind):
    page.locator(f'[data-viewer="{kind}"][data-viewer-state="ready"]').wait_for(
        state="attached", timeout=START_TIMEOUT_MS
    )


def focused(page, selector):
    return page.evaluate(
        "selector => Boolean(document.activeElement?.matches(selector))", selector
    )


def tab_to(page, selector):
    """Press Tab until the focus is on ``selector``, as a keyboard user does."""
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    pytest.fail(f"{selector} was not reached with the Tab key")


def changes_with_keys(page, selector, viewer, key):
    """The viewer answers the keyboard: with the focus on it (reached with
    Tab), holding ``key`` changes what it shows."""
    if not focused(page, selector):
        tab_to(page, selector)
    page.wait_for_timeout(500)
    before = viewer.screenshot()
    page.keyboard.down(key)
    page.wait_for_timeout(600)
    page.keyboard.up(key)
    page.wait_for_timeout(1200)  # the viewers ease into place
    assert viewer.screenshot() != before, f"{key} changed nothing in {selector}"


@pytest.fixture
def space(site_tree, local_storage):
    return partner_space(site_tree["home"]["fr"])


@pytest.fixture
def everything(space):
    page = mediation_resource(
        space,
        title="Le musée en quatre regards",
        slug="quatre-regards",
        accessibility_hazards=["noFlashingHazard"],
    )
    media_item(
        page,
        "panorama",
        "salle.jpg",
        equirectangular(),
        title="La salle des Primitifs",
        text_alternative="Une salle carrée, des retables sur les quatre murs.",
    )
    media_item(
        page,
        "model",
        "triangle.glb",
        glb(),
        title="Un fragment",
        text_alternative="Un fragment triangulaire de céramique.",
    )
    media_item(
        page,
        "image",
        "buste.jpg",
        jpeg(800, 600),
        title="Buste",
        text_alternative="Un buste de marbre blanc.",
    )
    captions = vtt_document("Sous-titres", "Bonjour", "Regardez bien")
    media_item(
        page,
        "video",
        "visite.webm",
        VIDEO.read_bytes(),
        title="La visite",
        language="fr",
        width=160,
        height=90,
        tracks=tracks(
            {
                "type": "track",
                "value": {"kind": "captions", "language": "fr", "file": captions.pk},
            },
            transcript("fr", "<p>Bonjour, regardez bien le tableau.</p>"),
        ),
    )
    return page


def test_every_viewer_starts_from_the_sites_own_files(live_server, everything, page):
    watch = Watch(page)
    page.goto(live_server.url + everything.url)

    # The model, the image and the video start with the page; the model
    # once it is scrolled to (<model-viewer> loads lazily).
    model = page.locator("model-viewer")
    model.scroll_into_view_if_needed()
    ready(page, "model")
    expect(model).to_have_attribute("alt", "Un fragment triangulaire de céramique.")
    assert model.evaluate("element => element.loaded")
    assert model.bounding_box()["height"] > 200
    changes_with_keys(page, "model-viewer", model, "ArrowLeft")
    ready(page, "image")
    image = page.locator('[data-viewer="image"]')
    expect(image.locator("[data-viewer-fallback]")).to_be_hidden()
    canvas = image.locator(".openseadragon-canvas")
    expect(canvas).to_have_attribute("role", "application")
    expect(canvas).to_have_attribute("tabindex", "0")
    assert canvas.bounding_box()["height"] > 200
    described = canvas.get_attribute("aria-describedby").split()
    assert (
        page.locator(f"#{described[0]}")
        .inner_text()
        .endswith("Un buste de marbre blanc.")
    )
    changes_with_keys(page, ".openseadragon-canvas", canvas, "Equal")

    # The video's French captions: one track, loaded, with its two cues.
    video = page.locator('[data-viewer="video"] video')
    video.evaluate(
        "video => new Promise(resolve => {"
        " const track = video.querySelector('track');"
        " if (track.readyState === 2) resolve();"
        " track.addEventListener('load', resolve); })"
    )
    found = video.evaluate(
        "video => ({tracks: video.textTracks.length,"
        " mode: video.textTracks[0].mode, language: video.textTracks[0].language,"
        " cues: Array.from(video.textTracks[0].cues, cue => cue.text)})"
    )
    assert found == {
        "tracks": 1,
        "mode": "showing",
        "language": "fr",
        "cues": ["Bonjour", "Regardez bien"],
    }
    video.evaluate(
        "video => video.readyState >= 1 || new Promise(resolve =>"
        " video.addEventListener('loadedmetadata', resolve))"
    )
    assert video.evaluate("video => video.videoWidth") == 160

    # The panorama waits for the visitor: nothing of Pannellum is loaded yet.
    assert not watch.loaded("/vendor/pannellum/pannellum.js")
    tab_to(page, '[data-viewer="panorama"] [data-viewer-start]')
    page.keyboard.press("Enter")
    ready(page, "panorama")
    panorama = page.locator("[data-panorama-target]")
    expect(panorama).to_be_focused()
    expect(panorama).to_have_attribute("role", "application")
    expect(panorama.locator("canvas")).to_have_count(1)
    assert panorama.bounding_box()["height"] > 200
    changes_with_keys(page, "[data-panorama-target]", panorama, "ArrowRight")

    # The transcript folds and unfolds with the keyboard.
    toggle = page.locator("[data-transcript-toggle]")
    body = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(body).to_be_hidden()
    tab_to(page, "[data-transcript-toggle]")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(body).to_contain_text("Bonjour, regardez bien le tableau.")
    page.keyboard.press("Space")
    expect(body).to_be_hidden()

    # Everything came from Chaînon: the libraries from its static files.
    assert watch.outside(live_server.url) == []
    for library in (
        "/static/vendor/pannellum/pannellum.js",
        "/static/vendor/openseadragon/openseadragon.min.js",
        "/static/vendor/model-viewer/model-viewer.min.js",
    ):
        assert any(
            url.startswith(live_server.url + library) for url in watch.requests
        ), library
    assert watch.problems() == []


def test_a_flashing_resource_shows_nothing_before_the_visitor_agrees(
    live_server, space, page
):
    resource = mediation_resource(
        space,
        title="Lumières stroboscopiques",
        slug="stroboscope",
        accessibility_hazards=["flashing", "motionSimulation"],
    )
    media_item(
        resource,
        "panorama",
        "salle.jpg",
        equirectangular(),
        text_alternative="Une salle plongée dans le noir, traversée d'éclairs.",
    )
    media_item(
        resource,
        "model",
        "triangle.glb",
        glb(),
        text_alternative="Un fragment triangulaire.",
    )
    watch = Watch(page)
    page.goto(live_server.url + resource.url)
    page.locator("[data-hazard-accept]").first.wait_for()

    panorama = page.locator('[data-viewer="panorama"]')
    model = page.locator('[data-viewer="model"]')
    for figure in (panorama, model):
        expect(figure.get_by_role("region")).to_be_visible()
        expect(figure.locator("[data-viewer-stage]")).to_be_hidden()
    page.wait_for_timeout(500)
    assert not watch.loaded("pannellum.js")
    assert not watch.loaded("model-viewer.min.js")
    assert not watch.loaded("salle")
    assert not watch.loaded("triangle")

    tab_to(page, '[data-viewer="panorama"] [data-hazard-accept]')
    page.keyboard.press("Enter")
    ready(page, "panorama")
    expect(panorama.get_by_role("region")).to_be_hidden()
    expect(panorama.locator("[data-panorama-target]")).to_be_focused()
    # The other viewer still waits for its own answer.
    expect(model.locator("[data-viewer-stage]")).to_be_hidden()
    assert not watch.loaded("model-viewer.min.js")

    tab_to(page, '[data-viewer="model"] [data-hazard-accept]')
    page.keyboard.press("Enter")
    ready(page, "model")
    expect(model.locator("[data-viewer-stage]")).to_be_visible()
    assert watch.outside(live_server.url) == []
    assert watch.problems() == []
