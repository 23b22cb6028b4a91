"""Mediation resources embedded in units: the card and viewers, who may
report having explored one, and what it changes (progress, not completion).

The viewers and their script belong to the mediation room; here the unit
page's own part is checked: the data it hands them (the block's activity
IRI, the statements URL, a CSRF token, the learner's agent) and that a
statement built from exactly that data is accepted.  The browser side is
tests/e2e/test_mediation_in_a_unit_in_a_browser.py.
"""

import base64
import hashlib
import io
import json
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page, PageViewRestriction

from lms.activity import H5P, MEDIATION_RESOURCE, activity_iri
from lms.blocks import MediationResourceBlock
from lms.course_progress import course_completion, has_required_activities, unit_rule
from lms.models import ActivityProgress, Statement
from lms.page_policy import EMPTY_STYLE, MODEL_VIEWER_STYLE, learning_page_csp
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
)
from tests.factories import PartnerInstitutionFactory
from tests.support.course_fixtures import publish

pytestmark = pytest.mark.django_db

ROOT = "https://chainon.example"
EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"
HEADERS = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0", "HTTP_X_CSRFTOKEN": "a" * 32}
VIEWERS = "mediation/includes/resource_viewers.html"


@pytest.fixture(autouse=True)
def activity_root(settings):
    settings.CHAINON_ACTIVITY_ROOT = ROOT


# -- Builders (the browser test uses them too) -------------------------------


def partner_space(home, *, name="Musée Cantini", slug="musee-cantini"):
    """The partner list under ``home`` and one partner's index page."""
    partners = PartnerListPage.objects.child_of(home).first()
    if partners is None:
        partners = home.add_child(
            instance=PartnerListPage(title="Partenaires", slug="partners")
        )
    partner = PartnerInstitutionFactory(name=name, slug=slug)
    return partners.add_child(
        instance=PartnerIndexPage(title=name, slug=slug, partner=partner)
    )


def mediation_resource(space, **fields) -> MediationResourcePage:
    values = {
        "title": "Portrait de femme, en 3D",
        "slug": "portrait-3d",
        "summary": "Tourner autour du buste et regarder les détails du visage.",
        "resource_type": "object_3d",
        "time_needed": 10,
    }
    values.update(fields)
    resource = space.add_child(instance=MediationResourcePage(**values))
    return publish(resource)


def resource_block(resource, *, title="", block_id=None) -> dict:
    return {
        "type": "mediation_resource",
        "value": {"resource": resource.pk, "title": title},
        "id": block_id or str(uuid.uuid4()),
    }


def add_blocks(unit, *blocks):
    unit.body = [*unit.body.raw_data, *blocks]
    publish(unit)
    return unit


# -- Helpers -----------------------------------------------------------------


@pytest.fixture
def space(site_tree):
    return partner_space(site_tree["home"]["fr"])


@pytest.fixture
def resource(space):
    return mediation_resource(space)


def browser_for(client, user):
    client.force_login(user)
    client.cookies["csrftoken"] = "a" * 32
    return client


def post_statement(client, statement, **headers):
    return client.post(
        "/xapi/statements",
        data=json.dumps(statement),
        content_type="application/json",
        **{**HEADERS, **headers},
    )


def experienced(iri, actor=None):
    return {
        "actor": actor or {"mbox": "mailto:someone@example.org"},
        "verb": {"id": EXPERIENCED, "display": {"en-US": "experienced"}},
        "object": {"id": iri, "objectType": "Activity"},
    }


def viewers_context(response):
    """The context the unit page gave the mediation room's viewers."""
    for template, context in zip(response.templates, response.context, strict=True):
        if template.name == VIEWERS:
            return context
    raise AssertionError("the viewers were not drawn")


def agent_script(page_html: str, block_id: str):
    match = re.search(
        rf'<script id="mediation-agent-{block_id}" type="application/json">'
        r"(.*?)</script>",
        page_html,
    )
    return json.loads(match.group(1)) if match else None


# -- Rendering ---------------------------------------------------------------


def test_a_learner_sees_the_resource_in_the_unit_with_what_its_viewers_need(
    client, course, resource
):
    block = resource_block(resource)
    unit = add_blocks(course.units[0], block)
    browser_for(client, course.learner)

    response = client.get(unit.url)

    assert response.status_code == 200
    page = response.content.decode()
    iri = activity_iri(MEDIATION_RESOURCE, block["id"])
    assert iri == f"{ROOT}/xapi/activities/mediation-resource/{block['id']}"
    # The card: the resource's own title as the block's heading, its
    # summary and partner, and a link to its page in the partner's space.
    assert '<article class="card resource-card">' in page
    assert (
        f'<h2 class="card__title"><a href="{resource.url}">'
        "Portrait de femme, en 3D</a></h2>"
    ) in page
    assert "Tourner autour du buste" in page
    assert "Musée Cantini · 10 minutes" in page
    assert f'data-activity-id="{iri}"' in page
    assert f'data-unit-activity-id="{unit.activity_iri}"' in page
    assert agent_script(page, block["id"]) == {
        "objectType": "Agent",
        "account": {"homePage": ROOT, "name": str(course.learner.pk)},
    }
    viewers = viewers_context(response)
    assert viewers["resource"].pk == resource.pk
    assert viewers["activity_iri"] == iri
    assert viewers["xapi"]["statements_url"] == "/xapi/statements"
    assert viewers["xapi"]["agent_script_id"] == f"mediation-agent-{block['id']}"
    assert viewers["xapi"]["csrf_token"]


def test_a_statement_built_from_the_page_s_data_is_recorded_as_progress(
    course, resource
):
    """What the viewers' script does, done by hand: the page's agent, URL
    and CSRF token, under the CSRF check a browser meets."""
    block = resource_block(resource)
    unit = add_blocks(course.units[0], block)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(course.learner)
    response = browser.get(unit.url)
    viewers = viewers_context(response)
    actor = agent_script(response.content.decode(), block["id"])

    sent = browser.post(
        viewers["xapi"]["statements_url"],
        data=json.dumps(experienced(viewers["activity_iri"], actor)),
        content_type="application/json",
        HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
        HTTP_X_CSRFTOKEN=viewers["xapi"]["csrf_token"],
    )

    assert sent.status_code == 200, sent.content
    iri = activity_iri(MEDIATION_RESOURCE, block["id"])
    stored = Statement.objects.get(activity=iri)
    assert stored.verb == EXPERIENCED
    assert stored.user_id == course.learner.pk
    assert stored.data["actor"] == actor
    progress = ActivityProgress.objects.get(learner=course.learner, activity=iri)
    assert progress.status == "in_progress"
    assert progress.attempts == 0


def test_a_title_given_by_the_editor_heads_the_block_above_the_card(
    client, course, resource
):
    unit = add_blocks(
        course.units[0], resource_block(resource, title="Regardez les mains")
    )
    browser_for(client, course.learner)

    page = client.get(unit.url).content.decode()

    assert '<h2 class="block-title">Regardez les mains</h2>' in page
    assert '<h3 class="card__title">' in page


def test_the_english_unit_shows_the_resource_s_english_translation(
    client, course, locales, resource
):
    english = resource.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Portrait of a woman, in 3D"
    english.slug = "portrait-3d-en"
    english.save_revision().publish()
    block = resource_block(resource)
    add_blocks(course.units[0], block)
    unit_en = course.english[course.units[0].pk]
    unit_en.body = [*unit_en.body.raw_data, block]
    publish(unit_en)
    browser_for(client, course.learner)

    page = client.get(unit_en.url).content.decode()

    assert "Portrait of a woman, in 3D" in page
    # In the unit's own language: nothing to mark.
    assert "mediation-resource__part" not in page
    # Same block, same activity, whatever the language.
    iri = activity_iri(MEDIATION_RESOURCE, block["id"])
    assert f'data-activity-id="{iri}"' in page


def test_without_a_live_translation_the_chosen_resource_is_shown(
    client, course, locales, resource
):
    english = resource.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Draft translation"
    english.slug = "portrait-3d-en"
    english.save_revision()  # never published
    block = resource_block(resource)
    unit_en = course.english[course.units[0].pk]
    unit_en.body = [*unit_en.body.raw_data, block]
    publish(unit_en)
    browser_for(client, course.learner)

    page = client.get(unit_en.url).content.decode()

    assert "Portrait de femme, en 3D" in page
    assert "Draft translation" not in page


def test_a_resource_shown_in_another_language_than_the_unit_s_says_which(
    client, course, resource, local_storage
):
    """WCAG 3.1.2: the French resource in an English unit (no English
    translation) is marked French, so that screen readers switch voice;
    the editor's title, written in the unit's language, is not."""
    image = io.BytesIO()
    Image.new("RGB", (64, 32), (200, 120, 40)).save(image, "JPEG")
    MediaItem(
        page=resource,
        kind="image",
        file=default_storage.save("mediation/buste.jpg", ContentFile(image.getvalue())),
        text_alternative="Un buste de marbre, de trois quarts.",
    ).save()
    block = resource_block(resource, title="Look at the hands")
    unit_en = course.english[course.units[0].pk]
    unit_en.body = [*unit_en.body.raw_data, block]
    publish(unit_en)
    browser_for(client, course.learner)

    soup = BeautifulSoup(client.get(unit_en.url).content.decode(), "html.parser")

    assert soup.html["lang"] == "en"
    embedded = soup.select_one("[data-mediation-resource]")
    [part] = embedded.select(".mediation-resource__part")
    assert part["lang"] == "fr"
    assert part.select_one(".resource-card").h3.get_text() == (
        "Portrait de femme, en 3D"
    )
    assert part.select_one(".resource-viewers")
    assert "Un buste de marbre" in str(part)
    title = embedded.select_one(".block-title")
    assert title.get_text() == "Look at the hands"
    assert part not in title.parents


def test_a_resource_in_the_unit_s_language_is_not_marked(client, course, resource):
    unit = add_blocks(course.units[0], resource_block(resource))
    browser_for(client, course.learner)

    soup = BeautifulSoup(client.get(unit.url).content.decode(), "html.parser")

    assert soup.html["lang"] == "fr"
    embedded = soup.select_one("[data-mediation-resource]")
    assert embedded.select_one(".resource-card")
    assert embedded.find(attrs={"lang": True}) is None


def test_an_unpublished_resource_shows_a_notice_and_nothing_to_report(
    client, course, resource
):
    block = resource_block(resource, title="Le buste")
    unit = add_blocks(course.units[0], block)
    resource.unpublish()
    browser_for(client, course.learner)

    response = client.get(unit.url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "resource-card" not in page
    assert '<h2 class="block-title">Le buste</h2>' in page
    assert 'class="notice"' in page
    assert agent_script(page, block["id"]) is None
    assert VIEWERS not in [template.name for template in response.templates]


def test_a_resource_reserved_to_a_group_is_not_shown_in_a_unit(
    client, course, resource
):
    unit = add_blocks(course.units[0], resource_block(resource))
    PageViewRestriction.objects.create(
        page=resource, restriction_type=PageViewRestriction.LOGIN
    )
    browser_for(client, course.learner)

    page = client.get(unit.url).content.decode()

    assert "resource-card" not in page
    assert "Portrait de femme" not in page


def test_a_deleted_resource_shows_a_notice(client, course, resource):
    unit = add_blocks(course.units[0], resource_block(resource))
    Page.objects.get(pk=resource.pk).delete()
    browser_for(client, course.learner)

    response = client.get(unit.url)

    assert response.status_code == 200
    assert "resource-card" not in response.content.decode()


def test_anyone_sees_the_resource_of_an_open_course_but_nothing_is_recorded(
    client, course, resource
):
    course.page.is_open = True
    publish(course.page)
    block = resource_block(resource)
    unit = add_blocks(course.units[0], block)

    response = client.get(unit.url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Portrait de femme, en 3D" in page
    assert agent_script(page, block["id"]) is None
    assert not viewers_context(response)["xapi"]


def test_each_embedded_resource_costs_a_few_queries(
    client, course, space, resource, django_assert_max_num_queries
):
    """Like an H5P block, each embedding looks its resource up once (in
    the reader's language, live and public), with the viewers' own reads."""
    per_block = 6
    unit = course.units[0]
    browser_for(client, course.learner)
    client.get(unit.url)
    with CaptureQueriesContext(connection) as plain:
        client.get(unit.url)
    others = [
        mediation_resource(space, title=f"Ressource {n}", slug=f"ressource-{n}")
        for n in range(3)
    ]
    add_blocks(unit, *(resource_block(r) for r in [resource, *others]))

    with django_assert_max_num_queries(len(plain) + 4 * per_block):
        response = client.get(unit.url)

    assert response.content.decode().count("resource-card") == 4


# -- The editor's choice -----------------------------------------------------


def test_only_a_live_resource_can_be_chosen(space, resource):
    block = MediationResourceBlock()
    draft = space.add_child(
        instance=MediationResourcePage(
            title="Brouillon",
            slug="brouillon",
            summary="Pas encore prête.",
            resource_type="audio_guide",
            live=False,
        )
    )

    block.clean(block.to_python({"resource": resource.pk, "title": ""}))
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"resource": draft.pk, "title": ""}))
    assert "resource" in refused.value.block_errors
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"resource": None, "title": "Sans ressource"}))


def test_a_resource_reserved_to_some_visitors_cannot_be_chosen(space, resource):
    block = MediationResourceBlock()
    PageViewRestriction.objects.create(
        page=space, restriction_type=PageViewRestriction.LOGIN
    )

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"resource": resource.pk, "title": ""}))
    assert "resource" in refused.value.block_errors


def test_the_chooser_offers_mediation_resources_only(space, resource):
    block = MediationResourceBlock()

    assert block.child_blocks["resource"].target_model is MediationResourcePage
    # Another kind of page's id is no resource.
    assert block.to_python({"resource": space.pk, "title": ""})["resource"] is None


def test_editors_find_the_block_in_the_unit_form(client, course):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(f"/admin/pages/{course.units[0].pk}/edit/")

    assert response.status_code == 200
    assert "mediation_resource" in response.content.decode()


# -- Completion: tracked, never required -------------------------------------


def test_exploring_a_resource_is_tracked_but_not_required(client, course, resource):
    block = resource_block(resource)
    unit = add_blocks(course.units[0], block)
    iri = activity_iri(MEDIATION_RESOURCE, block["id"])

    assert iri not in [r.iri for r in unit_rule(unit).requirements]
    # A unit whose other tracked blocks are optional still completes when
    # the learner marks it done: the resource asks nothing of them.
    unit.body = [
        child
        for child in unit.body.raw_data
        if child["type"] not in ("field_assignment",)
    ]
    publish(unit)
    assert not has_required_activities(unit)

    browser_for(client, course.learner)
    assert post_statement(client, experienced(iri)).status_code == 200
    row = ActivityProgress.objects.get(learner=course.learner, activity=iri)
    assert row.status == "in_progress"
    assert not course_completion(course.learner, course.page).units[unit.activity_iri]


# -- Who may report ----------------------------------------------------------


def test_an_enrolled_learner_reports_in_any_language_of_the_unit(
    client, course, resource
):
    block = resource_block(resource)
    add_blocks(course.units[0], block)
    unit_en = course.english[course.units[0].pk]
    unit_en.body = [*unit_en.body.raw_data, block]
    publish(unit_en)
    browser_for(client, course.learner)

    iri = activity_iri(MEDIATION_RESOURCE, block["id"])
    assert post_statement(client, experienced(iri)).status_code == 200
    assert Statement.objects.get(activity=iri).user_id == course.learner.pk


def test_a_learner_not_enrolled_in_the_unit_s_course_is_refused(
    client, course, resource
):
    block = resource_block(resource)
    add_blocks(course.units[0], block)
    browser_for(client, course.outsider)

    response = post_statement(
        client, experienced(activity_iri(MEDIATION_RESOURCE, block["id"]))
    )

    assert response.status_code == 403
    assert not Statement.objects.exists()
    assert not ActivityProgress.objects.exists()


def test_a_statement_without_a_csrf_token_is_refused(course, resource):
    block = resource_block(resource)
    add_blocks(course.units[0], block)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(course.learner)

    response = browser.post(
        "/xapi/statements",
        data=json.dumps(experienced(activity_iri(MEDIATION_RESOURCE, block["id"]))),
        content_type="application/json",
        HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
    )

    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_forged_mediation_block_ids_are_refused(client, course, resource, space):
    unit = course.units[0]
    h5p_like = str(uuid.uuid4())
    add_blocks(unit, resource_block(resource))
    # A mediation block in a unit that is not live any more.
    hidden = course.units[1]
    hidden_block = resource_block(resource)
    add_blocks(hidden, hidden_block)
    hidden.unpublish()
    browser_for(client, course.learner)

    for key in (
        uuid.uuid4(),  # names nothing
        unit.tracked_blocks("field_assignment")[0].id,  # another block type's id
        hidden_block["id"],
    ):
        response = post_statement(
            client, experienced(activity_iri(MEDIATION_RESOURCE, key))
        )
        assert response.status_code == 403, key
    # The resource page's own id is not an activity either.
    for iri in (
        activity_iri(MEDIATION_RESOURCE, resource.translation_key),
        activity_iri("resource", resource.translation_key),
        activity_iri(H5P, h5p_like),
    ):
        assert post_statement(client, experienced(iri)).status_code == 403, iri
    assert not Statement.objects.exists()


@pytest.mark.parametrize("suffix", ["?subContentId=1", "?x=1", "/more", "#part"])
def test_nothing_may_follow_a_mediation_resource_iri(client, course, resource, suffix):
    block = resource_block(resource)
    add_blocks(course.units[0], block)
    browser_for(client, course.learner)

    iri = activity_iri(MEDIATION_RESOURCE, block["id"]) + suffix
    assert post_statement(client, experienced(iri)).status_code == 403


# -- The unit page's policy --------------------------------------------------


def policy_of(header: str) -> dict:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_a_unit_with_resources_lets_the_viewers_decode_but_runs_no_one_else_s_code(
    client, course, resource
):
    """Each source below is what one viewer needs: the browser test fails
    without any of them (tests/e2e/test_mediation_in_a_unit_in_a_browser.py)."""
    unit = add_blocks(course.units[0], resource_block(resource))
    browser_for(client, course.learner)

    policy = policy_of(client.get(unit.url)["Content-Security-Policy"])

    assert policy["script-src"] == "'self' 'wasm-unsafe-eval'"
    assert policy["style-src"] == f"'self' {MODEL_VIEWER_STYLE} {EMPTY_STYLE}"
    assert policy["img-src"] == "'self' data: blob:"
    assert policy["media-src"] == "'self'"
    assert policy["connect-src"] == "'self' blob:"
    assert policy["worker-src"] == "'self' blob:"
    assert policy["frame-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    sources = " ".join(policy.values()).split()
    assert "'unsafe-inline'" not in sources
    assert "'unsafe-eval'" not in sources


def test_a_unit_without_resources_keeps_the_strictest_policy(client, course):
    browser_for(client, course.learner)

    policy = policy_of(client.get(course.units[0].url)["Content-Security-Policy"])

    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["connect-src"] == "'self'"
    assert policy["worker-src"] == "'self'"
    assert "blob:" not in " ".join(policy.values())


def test_with_files_on_s3_the_viewers_fetch_from_the_bucket_s_origin(
    s3_storage, seaweedfs
):
    policy = policy_of(learning_page_csp(mediation_viewers=True))
    origin = seaweedfs.endpoint_url.rstrip("/")

    assert policy["img-src"] == f"'self' data: blob: {origin}"
    assert policy["media-src"] == f"'self' {origin}"
    assert policy["connect-src"] == f"'self' blob: {origin}"
    # Scripts, styles and workers never come from the bucket: whoever may
    # upload a media file could put one there.
    for directive in ("script-src", "style-src", "worker-src"):
        assert origin not in policy[directive]


def test_the_model_viewer_s_stylesheet_hash_matches_the_vendored_file():
    """An upgrade of @google/model-viewer that changes its stylesheet must
    change the hash too, or the 3D viewer would lose its styles in units."""
    from django.contrib.staticfiles import finders

    path = finders.find("vendor/model-viewer/model-viewer.min.js")
    assert path, "run npm ci: model-viewer is served from node_modules"
    with open(path, encoding="utf-8") as script:
        source = script.read()
    start = source.index("<style>") + len("<style>")
    css = source[start : source.index("</style>", start)]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

    assert MODEL_VIEWER_STYLE == f"'sha256-{digest}'"
    assert EMPTY_STYLE == "'sha256-{}'".format(
        base64.b64encode(hashlib.sha256(b"").digest()).decode()
    )
