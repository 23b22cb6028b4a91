"""Mediation resources embedded in a unit, end to end in Chromium.

A unit embeds three partner resources: a zoomable image, 3D models (one
textured, one Draco-compressed) and a 360° panorama that warns of motion
first.  An enrolled learner opens the
unit, sees each resource's card, and uses each viewer (zooms the image,
turns the model, accepts the warning and starts the panorama).  Each
embedding then holds one ``experienced`` statement about its block's IRI,
in the learner's account, and a progress row; nothing the viewers needed
was refused by the unit page's Content-Security-Policy.  The test runs
twice: files on the local disk, and on S3 (SeaweedFS), where the viewers
fetch them straight from the bucket.
"""

import base64
import io
import json
import struct

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import Collection

from lms.activity import MEDIATION_RESOURCE, activity_iri
from lms.models import ActivityProgress, Statement
from lms.xapi.agents import actor_ifi, learner_agent
from media.storage_access import is_s3
from mediation.models import MediaItem
from tests.e2e.browser_helpers import sign_in, wait_until
from tests.lms.test_mediation_resource_block import (
    add_blocks,
    mediation_resource,
    partner_space,
    resource_block,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"
# Viewers load their library when they start; the statement leaves at once.
SLOW_VIEWER_MS = 60_000
# Every refusal of the page's policy, including those no console shows.
NOTE_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push([event.violatedDirective, event.blockedURI,
    event.sourceFile, event.lineNumber, event.columnNumber]);
});
"""


def jpeg(width, height, colour=(180, 90, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def png(width, height, colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def textured_triangle_glb() -> bytes:
    """A small glTF binary as museums export them: a mesh with a texture
    held in the file (the 3D viewer reads it from a ``blob:`` URL)."""
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    uvs = struct.pack("<6f", 0, 0, 1, 0, 0, 1)
    texture = png(16, 16, (200, 160, 90))
    texture += b"\x00" * (-len(texture) % 4)
    binary = positions + uvs + texture
    gltf = {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [
            {
                "primitives": [
                    {"attributes": {"POSITION": 0, "TEXCOORD_0": 1}, "material": 0}
                ]
            }
        ],
        "materials": [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}],
        "textures": [{"source": 0}],
        "images": [{"bufferView": 2, "mimeType": "image/png"}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": 36, "target": 34962},
            {"buffer": 0, "byteOffset": 36, "byteLength": 24, "target": 34962},
            {"buffer": 0, "byteOffset": 60, "byteLength": len(texture)},
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [0, 0, 0],
                "max": [1, 1, 0],
            },
            {"bufferView": 1, "componentType": 5126, "count": 3, "type": "VEC2"},
        ],
    }
    return glb(gltf, binary)


# Two triangles compressed with Draco (three's draco_encoder.js, edgebreaker,
# no quantisation): the viewer decodes them with WebAssembly in a worker.
DRACO_SQUARE = base64.b64decode(
    "RFJBQ08CAgEBAAAABAIAAgAAAR//AREB/wAAAQAJAwAAAAAAAAAAAIA/AAAAAAAAgD8AAAAA"
    "AAAAAAAAgD8AAIA/AAAAAAAAAAAAAAAAAAAAAA=="
)


def draco_glb() -> bytes:
    """A glTF binary whose mesh is Draco-compressed, as many museum scans are."""
    binary = DRACO_SQUARE + b"\x00" * (-len(DRACO_SQUARE) % 4)
    draco = "KHR_draco_mesh_compression"
    gltf = {
        "asset": {"version": "2.0"},
        "extensionsUsed": [draco],
        "extensionsRequired": [draco],
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [
            {
                "primitives": [
                    {
                        "attributes": {"POSITION": 0},
                        "indices": 1,
                        "extensions": {
                            draco: {"bufferView": 0, "attributes": {"POSITION": 0}}
                        },
                    }
                ]
            }
        ],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(DRACO_SQUARE)}
        ],
        "accessors": [
            {
                "componentType": 5126,
                "count": 4,
                "type": "VEC3",
                "min": [0, 0, 0],
                "max": [1, 1, 0],
            },
            {"componentType": 5125, "count": 6, "type": "SCALAR"},
        ],
    }
    return glb(gltf, binary)


def glb(gltf: dict, binary: bytes) -> bytes:
    chunk = json.dumps(gltf).encode()
    chunk += b" " * (-len(chunk) % 4)
    length = 12 + 8 + len(chunk) + 8 + len(binary)
    return (
        b"glTF"
        + struct.pack("<II", 2, length)
        + struct.pack("<I", len(chunk))
        + b"JSON"
        + chunk
        + struct.pack("<I", len(binary))
        + b"BIN\x00"
        + binary
    )


def with_item(resource, storage, kind, name, content, **fields):
    stored = storage.save(f"mediation/{name}", ContentFile(content))
    MediaItem.objects.create(
        page=resource,
        kind=kind,
        file=stored,
        sort_order=resource.media_items.count(),
        **fields,
    )
    resource.save_revision().publish()
    return resource


@pytest.fixture(autouse=True)
def root_collection(db):
    """Each partner (the cohort's too) gets a space, with a collection under
    the root one.  A data migration makes the root, but a browser test that
    ran before this one flushed it with the rest: made first, before any
    partner."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def embedded(course, site_tree, storage):
    """Three resources of a partner, each embedded in the first unit."""
    space = partner_space(site_tree["home"]["fr"])
    image = with_item(
        mediation_resource(
            space,
            title="Le marché du Prado en images",
            slug="marche-images",
            resource_type="image_set",
        ),
        storage,
        "image",
        "marche.jpg",
        jpeg(800, 600),
        text_alternative="Les étals du marché, vus du haut de l'avenue.",
        width=800,
        height=600,
    )
    model = with_item(
        mediation_resource(space, title="Le buste en 3D", slug="buste-3d"),
        storage,
        "model",
        "buste.glb",
        textured_triangle_glb(),
        text_alternative="Un buste de femme en marbre blanc.",
    )
    model = with_item(
        model,
        storage,
        "model",
        "socle.glb",
        draco_glb(),
        title="Le socle, numérisé",
        text_alternative="Le socle carré du buste.",
    )
    panorama = with_item(
        mediation_resource(
            space,
            title="La salle des fresques à 360°",
            slug="salle-360",
            resource_type="tour_360",
            accessibility_hazards=["motionSimulation"],
        ),
        storage,
        "panorama",
        "salle.jpg",
        jpeg(1024, 512, (40, 90, 180)),
        text_alternative="La salle des fresques, ses quatre murs peints.",
        width=1024,
        height=512,
    )
    blocks = {
        "image": resource_block(image),
        "model": resource_block(model, title="Tournez autour du buste"),
        "panorama": resource_block(panorama),
    }
    unit = add_blocks(course.units[0], *blocks.values())
    return unit, {
        kind: (block["id"], activity_iri(MEDIATION_RESOURCE, block["id"]))
        for kind, block in blocks.items()
    }


def experienced(iri):
    return list(Statement.objects.filter(activity=iri, verb=EXPERIENCED))


def test_a_learner_explores_resources_embedded_in_a_unit(
    live_server, storage, course, embedded, page
):
    unit, blocks = embedded
    learner = course.learner
    console = []
    page.on("console", lambda message: console.append(message))
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    sign_in(page.context, live_server, learner)
    page.add_init_script(NOTE_VIOLATIONS)

    page.goto(live_server.url + unit.url)

    # -- The learner sees each resource in the unit.
    for title in (
        "Le marché du Prado en images",
        "Tournez autour du buste",
        "Le buste en 3D",
        "La salle des fresques à 360°",
    ):
        expect(page.get_by_role("heading", name=title)).to_be_visible()

    def block(kind):
        return page.locator(f"#block-{blocks[kind][0]}")

    def viewers(kind):
        return block(kind).locator("[data-mediation-viewers]")

    # -- The image: zoomed in with the viewer's own button.
    image = block("image")
    image.scroll_into_view_if_needed()
    image.locator('[data-viewer="image"][data-viewer-state="ready"]').wait_for()
    image.locator('[data-zoom="in"]').click()
    expect(viewers("image")).to_have_attribute("data-xapi-experienced", "sent")

    # -- The model: turned with the pointer once <model-viewer> has it.
    # <model-viewer> starts loading once it is on screen; software WebGL
    # (no GPU here) takes its time to light the scene.  The second model
    # is Draco-compressed: decoded by WebAssembly in a worker.
    model = block("model")
    expect(model.locator("model-viewer")).to_have_count(2)
    for figure in model.locator('[data-viewer="model"]').all():
        figure.locator("model-viewer").scroll_into_view_if_needed()
        expect(figure).to_have_attribute(
            "data-viewer-state", "ready", timeout=SLOW_VIEWER_MS
        )
    model.locator("model-viewer").first.click()
    expect(viewers("model")).to_have_attribute("data-xapi-experienced", "sent")

    # -- The panorama: held back by its warning until the learner accepts.
    panorama = block("panorama")
    panorama.scroll_into_view_if_needed()
    expect(panorama.locator("[data-viewer-stage]")).to_be_hidden()
    panorama.locator("[data-hazard-accept]").click()
    panorama.locator('[data-viewer="panorama"][data-viewer-state="ready"]').wait_for(
        timeout=SLOW_VIEWER_MS
    )
    expect(viewers("panorama")).to_have_attribute("data-xapi-experienced", "sent")

    # -- The learning record store: one statement per embedding, about its
    # block, in the learner's account; a progress row for each.
    agent = learner_agent(learner)
    for kind, (_block_id, iri) in blocks.items():
        rows = wait_until(page, lambda iri=iri: experienced(iri), f"{kind}'s statement")
        assert len(rows) == 1, kind
        row = rows[0]
        assert row.user_id == learner.pk
        assert row.data["actor"] == agent
        assert row.actor_ifi == actor_ifi(agent)
        assert row.data["object"]["id"] == iri
        grouping = row.data.get("context", {}).get("contextActivities", {})
        if "grouping" in grouping:  # the viewers may name the unit too
            assert unit.activity_iri in [a["id"] for a in grouping["grouping"]]
        progress = ActivityProgress.objects.get(learner=learner, activity=iri)
        assert progress.status == "in_progress"

    # -- Using a viewer again sends nothing more.
    image.locator('[data-zoom="out"]').click()
    model.locator("model-viewer").last.click()
    page.wait_for_timeout(500)
    for _kind, (_block_id, iri) in blocks.items():
        assert len(experienced(iri)) == 1

    # On S3 the viewers took the files from the bucket itself.
    if is_s3(storage):
        from_bucket = [url for url in fetched if url.startswith(storage.endpoint_url)]
        for name in ("marche", "buste", "socle", "salle"):
            assert any(f"/mediation/{name}" in url for url in from_bucket), name

    # Nothing the viewers needed was refused, by the page's policy or the LRS.
    refused = [
        f"{message.type}: {message.text} ({message.location.get('url')})"
        for message in console
        if "Content Security Policy" in message.text
        or "refused by the LRS" in message.text
    ]
    assert not refused
    assert page.evaluate("() => window.cspViolations") == []
