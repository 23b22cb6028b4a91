"""H5P activities in units: the sandboxed frame, completion rules, who may report.

The player itself is tested in tests/media/test_h5p_player.py; what the
browser does with the frame (postMessage, statements, resume) belongs to
the end-to-end tests.
"""

import html
import json
import re
import uuid

import pytest

from lms.activity import H5P, activity_iri
from lms.blocks import H5PActivityBlock, ready_h5p_packages
from lms.course_progress import course_completion, unit_rule
from lms.models import ActivityProgress, Statement
from lms.progress_rules import Requirement
from media.h5p_models import H5PLibrary, H5PPackage
from tests.factories import UserFactory
from tests.support.course_fixtures import publish

pytestmark = pytest.mark.django_db

ROOT = "https://chainon.example"
HEADERS = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0", "HTTP_X_CSRFTOKEN": "a" * 32}
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


@pytest.fixture(autouse=True)
def activity_root(settings):
    settings.CHAINON_ACTIVITY_ROOT = ROOT


def make_package(status=H5PPackage.Status.READY, title="Le marché du Prado"):
    H5PLibrary.objects.get_or_create(
        machine_name="Chainon.TestQuiz",
        major=1,
        minor=0,
        defaults={"patch": 0, "title": "Chainon test quiz", "runnable": True},
    )
    return H5PPackage.objects.create(
        title=title,
        file="h5p-packages/prado.h5p",
        status=status,
        main_library="Chainon.TestQuiz 1.0",
        language="fr",
        checksum="c" * 64,
    )


def h5p_block(package, *, required=True, passing_score=None, block_id=None):
    return {
        "type": "h5p_activity",
        "value": {
            "package": str(package.pk),
            "title": "Quiz : le marché",
            "required": required,
            "passing_score": passing_score,
        },
        "id": block_id or str(uuid.uuid4()),
    }


def add_blocks(unit, *blocks):
    unit.body = [*unit.body.raw_data, *blocks]
    publish(unit)
    return unit


def browser_for(client, user):
    client.force_login(user)
    client.cookies["csrftoken"] = "a" * 32
    return client


def post_statement(client, statement):
    return client.post(
        "/xapi/statements",
        data=json.dumps(statement),
        content_type="application/json",
        **HEADERS,
    )


def answered(iri, **result):
    # The bridge names the learner with the agent rendered in the page; the
    # server forces it to the session's learner anyway.
    statement = {
        "actor": {"mbox": "mailto:someone@example.org"},
        "verb": {"id": ANSWERED},
        "object": {"id": iri, "objectType": "Activity"},
    }
    if result:
        statement["result"] = result
    return statement


# -- Rendering ---------------------------------------------------------------


def iframe_of(page_html: str) -> str:
    match = re.search(r"<iframe[^>]*>", page_html)
    assert match, "no iframe in the page"
    return match.group(0)


def attribute(tag: str, name: str) -> str:
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    assert match, f"no {name} on {tag}"
    return html.unescape(match.group(1))


def test_the_activity_plays_in_a_sandboxed_frame_without_the_site_s_origin(
    client, course
):
    package = make_package()
    block = h5p_block(package)
    unit = add_blocks(course.units[0], block)
    browser_for(client, course.learner)

    response = client.get(unit.url)

    assert response.status_code == 200
    page = response.content.decode()
    frame = iframe_of(page)
    sandbox = attribute(frame, "sandbox").split()
    assert "allow-scripts" in sandbox
    assert "allow-same-origin" not in sandbox
    assert attribute(frame, "title") == "Quiz : le marché"
    assert attribute(frame, "src") == (
        f"/h5p/play/{package.pk}/?parent=http%3A%2F%2Ftestserver"
    )
    iri = activity_iri(H5P, block["id"])
    assert f'data-activity-id="{iri}"' in page
    assert f'data-unit-activity-id="{unit.activity_iri}"' in page
    assert 'data-state-url="/xapi/activities/state"' in page
    assert 'data-statements-url="/xapi/statements"' in page
    assert "/static/lms/js/h5p-bridge.js" in page
    agent = re.search(
        rf'<script id="h5p-agent-{block["id"]}" type="application/json">(.*?)</script>',
        page,
    )
    assert json.loads(agent.group(1)) == {
        "objectType": "Agent",
        "account": {"homePage": ROOT, "name": str(course.learner.pk)},
    }


def test_the_frame_s_source_is_a_player_that_accepts_this_parent(client, course):
    package = make_package()
    unit = add_blocks(course.units[0], h5p_block(package))
    browser_for(client, course.learner)
    src = attribute(iframe_of(client.get(unit.url).content.decode()), "src")

    response = client.get(src)

    assert response.status_code == 200
    assert "Content-Security-Policy" in response


def test_a_package_no_longer_ready_shows_a_notice_instead_of_a_player(client, course):
    package = make_package(status=H5PPackage.Status.REJECTED)
    unit = add_blocks(course.units[0], h5p_block(package))
    browser_for(client, course.learner)

    page = client.get(unit.url).content.decode()

    assert "<iframe" not in page
    assert "h5p-bridge.js" not in page


def test_only_ready_packages_can_be_chosen():
    ready = make_package(title="Prêt")
    make_package(status=H5PPackage.Status.PROCESSING, title="En cours")
    make_package(status=H5PPackage.Status.REJECTED, title="Refusé")

    assert ready_h5p_packages() == [(str(ready.pk), "Prêt")]
    block = H5PActivityBlock()
    value = block.to_python(
        {"package": str(ready.pk), "title": "Quiz", "required": True}
    )
    block.clean(value)  # valid with a ready package


# -- Completion rules --------------------------------------------------------


def test_h5p_activities_are_requirements_of_their_unit(course):
    package = make_package()
    scored = h5p_block(package, passing_score=80)
    optional = h5p_block(package, required=False)
    unit = add_blocks(course.units[0], scored, optional)

    requirements = unit_rule(unit).requirements

    assert Requirement(activity_iri(H5P, scored["id"]), True, 0.8) in requirements
    assert Requirement(activity_iri(H5P, optional["id"]), False, None) in requirements


# -- Who may report ----------------------------------------------------------


def test_a_learner_reports_on_the_activities_of_units_they_may_open(client, course):
    package = make_package()
    block = h5p_block(package)
    unit = add_blocks(course.units[0], block)
    iri = activity_iri(H5P, block["id"])
    browser_for(client, course.learner)

    assert post_statement(client, answered(iri)).status_code == 200
    question = f"{iri}?subContentId=5f0c0a5e-4c1a-4d8f-9a57-0f6a3c2b9e11"
    inside = answered(question)
    inside["context"] = {"contextActivities": {"parent": [{"id": iri}]}}
    assert post_statement(client, inside).status_code == 200
    # The English translation of the unit keeps the block id: the same IRI.
    assert unit.get_translations().exists()


def test_an_outsider_cannot_report_on_an_h5p_activity(client, course):
    package = make_package()
    block = h5p_block(package)
    add_blocks(course.units[0], block)
    browser_for(client, course.outsider)

    response = post_statement(client, answered(activity_iri(H5P, block["id"])))

    assert response.status_code == 403
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "suffix",
    ["?subContentId=../../x", "?other=1", "?subContentId=a&x=1", "#part"],
)
def test_only_question_ids_may_follow_an_h5p_activity_iri(client, course, suffix):
    package = make_package()
    block = h5p_block(package)
    add_blocks(course.units[0], block)
    browser_for(client, course.learner)

    response = post_statement(client, answered(activity_iri(H5P, block["id"]) + suffix))

    assert response.status_code == 403


def test_an_h5p_iri_naming_no_block_of_a_live_unit_is_refused(client, course):
    package = make_package()
    unit = course.units[0]
    # The id appears in the unit, but not as an H5P block's.
    field_assignment_id = unit.tracked_blocks("field_assignment")[0].id
    add_blocks(unit, h5p_block(package))
    browser_for(client, course.learner)

    for key in (uuid.uuid4(), field_assignment_id):
        response = post_statement(client, answered(activity_iri(H5P, key)))
        assert response.status_code == 403, key


def test_a_passing_answer_completes_the_unit(client, course):
    package = make_package()
    block = h5p_block(package, passing_score=50)
    unit = add_blocks(course.units[0], block)
    iri = activity_iri(H5P, block["id"])
    browser_for(client, course.learner)

    failed = answered(iri, completion=True, success=False, score={"scaled": 0})
    assert post_statement(client, failed).status_code == 200
    assert not course_completion(course.learner, course.page).units[unit.activity_iri]

    passed = answered(iri, completion=True, success=True, score={"scaled": 1})
    assert post_statement(client, passed).status_code == 200
    row = ActivityProgress.objects.get(learner=course.learner, activity=iri)
    assert row.status == "completed"
    assert course_completion(course.learner, course.page).units[unit.activity_iri]
    # External LRSs hear of it too: Chaînon records the unit's completion,
    # once, with its own authority.
    settled = Statement.objects.filter(activity=unit.activity_iri)
    assert settled.count() == 1
    assert settled.get().data["authority"]["account"]["name"] == "chainon"
    assert post_statement(client, passed).status_code == 200
    assert Statement.objects.filter(activity=unit.activity_iri).count() == 1


def test_a_learner_cannot_complete_a_field_assignment_themselves(client, course):
    from lms.activity import FIELD_ASSIGNMENT
    from tests.support.course_fixtures import assignment_of

    iri = activity_iri(FIELD_ASSIGNMENT, assignment_of(course.units[0]).id)
    browser_for(client, course.learner)
    statement = answered(iri, completion=True, success=True)
    statement["verb"] = {"id": "http://adlnet.gov/expapi/verbs/completed"}
    assert post_statement(client, statement).status_code == 403
    assert not Statement.objects.exists()


def test_editors_choose_among_ready_packages_in_the_unit_form(client, course):
    make_package(title="Ready quiz")
    make_package(status=H5PPackage.Status.PROCESSING, title="Unpacking quiz")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(f"/admin/pages/{course.units[0].pk}/edit/")

    assert response.status_code == 200
    form = response.content.decode()  # the block's <select>, inside JSON
    assert "Ready quiz" in form
    assert "Unpacking quiz" not in form


def test_unit_pages_carry_a_strict_content_security_policy(client, course):
    browser_for(client, course.learner)
    response = client.get(course.units[0].url)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-src"] == "'self'"
