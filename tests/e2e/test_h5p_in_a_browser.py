"""H5P activities end to end in Chromium: from the admin's upload to the
learner's saved answers.

An administrator uploads two real packages through the admin's upload
widget (H5P.TrueFalse and our Chainon.TestQuiz); both are checked and
unpacked, then played in a unit.  The learner answers the true/false
question right and the quiz wrong: the unit page stores the statements
under each block's IRI, the progress rows follow, the unit stays
incomplete (the quiz is required), and a reload shows both answers again
from the saved state.  The player's frame has an opaque origin (no
cookies) and its policy refuses nothing it needs.  The first test runs
twice: with files on the local disk and on S3 (SeaweedFS), where the frame
loads the libraries and content straight from the bucket.
"""

import json
import re
import time
import uuid

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from lms.activity import H5P, activity_iri
from lms.course_progress import course_completion
from lms.models import ActivityProgress, Statement
from lms.models.lrs_documents import LRSDocument
from lms.xapi.agents import actor_ifi, learner_agent
from media.h5p_models import H5PPackage
from media.storage_access import is_s3
from tests.e2e.browser_helpers import sign_in, wait_until
from tests.factories import UserFactory
from tests.support.course_fixtures import publish
from tests.support.h5p_packages import testquiz_package, truefalse_package

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VERB = "http://adlnet.gov/expapi/verbs/"
STATE_ID = "h5p-user-data"
TRUEFALSE_TITLE = "Vrai ou faux : la question"
QUIZ_TITLE = "Quiz : le marché du Prado"
# Packages are unpacked in the request that saves them (immediate tasks);
# statements and state leave the page within a few seconds (state: H5P's
# 2 s tick, then the unit page's 1.5 s debounce): ``wait_until`` waits 20 s.
# Enough Tab presses to cross the unit page's links and the TrueFalse player
# before the quiz; more means focus never gets there.
MAX_TABS = 80


def upload_package(page, live_server, path, title):
    page.goto(live_server.url + reverse("h5p_packages:add"))
    page.get_by_role("textbox", name=re.compile("Title")).fill(title)
    page.set_input_files("[data-direct-upload-input]", str(path))
    page.locator("[data-direct-upload-status]").get_by_text(
        re.compile("is uploaded")
    ).wait_for()
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r".*/admin/h5p_packages/$"))


def package_ready(title):
    def check():
        package = H5PPackage.objects.filter(title=title).first()
        if package is None or package.status == H5PPackage.Status.PROCESSING:
            return None
        assert package.status == H5PPackage.Status.READY, package.reasons
        return package

    return check


def h5p_block(package, title):
    return {
        "type": "h5p_activity",
        "value": {
            "package": str(package.pk),
            "title": title,
            "required": True,
            "passing_score": None,
        },
        "id": str(uuid.uuid4()),
    }


def open_player(page, title):
    """The player of the block titled ``title``, once H5P has started it:
    a locator for what is inside, and the frame itself for scripts."""
    iframe = page.locator(f'iframe[title="{title}"]')
    iframe.scroll_into_view_if_needed()  # the frame loads lazily
    inside = iframe.content_frame
    inside.locator(".h5p-initialized").wait_for()
    return inside, iframe.element_handle().content_frame()


def wait_for_layout(page):
    """The frames resize themselves to their content (a height message to
    the page); a click aimed while one is still growing lands where the
    button was a moment before.  Wait until every frame keeps its place."""
    previous, steady = None, 0
    for _attempt in range(150):
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('iframe')].map(frame => {"
            " const box = frame.getBoundingClientRect();"
            " return [box.top, box.height]; })"
        )
        steady = steady + 1 if boxes == previous else 0
        if steady >= 3:
            return
        previous = boxes
        page.wait_for_timeout(100)
    raise AssertionError("the H5P frames never stopped resizing")


def statements(iri, verb):
    return list(
        Statement.objects.filter(activity=iri, verb=VERB + verb).order_by("stored")
    )


def saved_state(iri, learner):
    """The state the unit page saved for the activity, decoded, or None."""
    row = LRSDocument.objects.filter(
        kind=LRSDocument.Kind.STATE,
        activity=iri,
        agent=actor_ifi(learner_agent(learner)),
        document_id=STATE_ID,
    ).first()
    if row is None:
        return None
    document = json.loads(bytes(row.content))
    return json.loads(document["state"]) if document.get("state") else None


@pytest.fixture
def root_collection(db):
    """Packages belong to a collection.  A data migration makes the root one,
    but a browser test that ran before this one flushed it with the rest."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def admin_page(page, live_server, root_collection):
    administrator = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "en"  # the admin in English, for readable asserts
    profile.save()
    sign_in(page.context, live_server, administrator)
    return page


@pytest.fixture
def learner_page(browser):
    """A browser of its own for the learner: nothing shared with the admin's."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def packages_in_a_unit(live_server, course, admin_page, tmp_path):
    """The administrator uploads both packages through the admin, and an
    editor puts both in the course's first unit, both required.  Returns the
    unit and the IRIs of its TrueFalse and quiz blocks."""
    truefalse_file = tmp_path / "vrai-ou-faux.h5p"
    truefalse_file.write_bytes(truefalse_package())
    quiz_file = tmp_path / "quiz-prado.h5p"
    quiz_file.write_bytes(testquiz_package())
    upload_package(admin_page, live_server, truefalse_file, "Vrai ou faux")
    upload_package(admin_page, live_server, quiz_file, "Quiz du Prado")
    truefalse = wait_until(
        admin_page, package_ready("Vrai ou faux"), "the TrueFalse package"
    )
    quiz = wait_until(admin_page, package_ready("Quiz du Prado"), "the quiz package")
    assert truefalse.main_library == "H5P.TrueFalse 1.6"
    assert quiz.main_library == "Chainon.TestQuiz 1.0"
    assert truefalse.owner.is_superuser

    # -- An editor puts both in a unit, both required.
    unit = course.units[0]
    truefalse_block = h5p_block(truefalse, TRUEFALSE_TITLE)
    quiz_block = h5p_block(quiz, QUIZ_TITLE)
    unit.body = [*unit.body.raw_data, truefalse_block, quiz_block]
    publish(unit)
    truefalse_iri = activity_iri(H5P, truefalse_block["id"])
    quiz_iri = activity_iri(H5P, quiz_block["id"])
    return unit, truefalse_iri, quiz_iri


def test_a_learner_plays_uploaded_packages_and_finds_their_answers_again(
    live_server, storage, course, admin_page, learner_page, tmp_path
):
    unit, truefalse_iri, quiz_iri = packages_in_a_unit(
        live_server, course, admin_page, tmp_path
    )

    # -- The learner opens the unit in a browser of their own.
    learner = course.learner
    page = learner_page
    console = []
    page.on("console", lambda message: console.append(message))  # frames too
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    sign_in(page.context, live_server, learner)
    page.goto(live_server.url + unit.url)

    truefalse_player, truefalse_frame = open_player(page, TRUEFALSE_TITLE)
    quiz_player, quiz_frame = open_player(page, QUIZ_TITLE)
    for frame in (truefalse_frame, quiz_frame):
        # An opaque origin: none of the site's cookies, and none to read at all.
        assert frame.evaluate("() => self.origin") == "null"
        cookies = frame.evaluate(
            "() => { try { return document.cookie; }"
            " catch (error) { return 'refused: ' + error.name; } }"
        )
        assert cookies in ("", "refused: SecurityError")

    # True/false, answered right: "False", then Check.
    truefalse_player.get_by_text("Is this false?").wait_for()
    wait_for_layout(page)
    truefalse_player.get_by_role("radio", name="False").click()
    truefalse_player.get_by_role("button", name="Check").click()
    expect(truefalse_player.locator(".h5p-question-feedback")).to_contain_text(
        "You got 1 of 1 points"
    )

    # The quiz, answered wrong: "Oui" (the market is closed on Sundays).
    wait_for_layout(page)
    quiz_player.get_by_role("button", name="Oui").click()
    expect(quiz_player.get_by_role("status")).to_have_text(
        "Ce n’est pas la bonne réponse."
    )

    # -- What the learning record store holds: each block's statements,
    # under its own IRI, about the learner's account.
    answered = wait_until(
        page, lambda: statements(truefalse_iri, "answered"), "TrueFalse's answer"
    )
    # Each frame's statements are sent in order: "completed" comes last.
    wait_until(page, lambda: statements(quiz_iri, "completed"), "the quiz's end")
    agent = learner_agent(learner)
    for iri in (truefalse_iri, quiz_iri):
        for row in Statement.objects.filter(activity=iri):
            assert row.data["actor"] == agent
            assert row.actor_ifi == actor_ifi(agent)
            assert row.user_id == learner.pk
            grouping = row.data["context"]["contextActivities"]["grouping"]
            assert unit.activity_iri in [activity["id"] for activity in grouping]
    assert len(answered) == 1
    assert answered[0].data["result"]["success"] is True
    assert answered[0].data["result"]["score"]["scaled"] == 1
    assert answered[0].data["result"]["response"] == "false"
    assert statements(truefalse_iri, "interacted")
    assert not statements(truefalse_iri, "completed")  # TrueFalse never says it
    quiz_answered = statements(quiz_iri, "answered")
    quiz_completed = statements(quiz_iri, "completed")
    assert len(quiz_answered) == len(quiz_completed) == 1
    for row in (*quiz_answered, *quiz_completed):
        assert row.data["result"]["success"] is False
        assert row.data["result"]["score"]["scaled"] == 0

    # Progress is recorded with the statements, in the same transaction.
    progress = {
        row.activity: row
        for row in ActivityProgress.objects.filter(
            learner=learner, activity__in=[truefalse_iri, quiz_iri]
        )
    }
    assert progress[truefalse_iri].best_score == 1.0
    assert progress[truefalse_iri].success is True
    assert progress[quiz_iri].best_score == 0.0
    assert progress[quiz_iri].success is False
    # The quiz is required and failed: the unit is not complete.
    assert not course_completion(learner, course.page).units[unit.activity_iri]

    # The answers are saved as each activity's state (H5P asks for it every
    # 2 s, the unit page waits 1.5 s for more before saving).
    wait_until(
        page,
        lambda: saved_state(truefalse_iri, learner) == {"answer": False},
        "TrueFalse's saved state",
    )
    wait_until(
        page,
        lambda: saved_state(quiz_iri, learner) == {"answer": 0},
        "the quiz's saved state",
    )

    # -- A reload shows both answers again.
    page.reload()
    truefalse_player, _frame = open_player(page, TRUEFALSE_TITLE)
    quiz_player, _frame = open_player(page, QUIZ_TITLE)
    expect(truefalse_player.get_by_role("radio", name="False")).to_have_attribute(
        "aria-checked", "true"
    )
    expect(truefalse_player.get_by_role("radio", name="True")).to_have_attribute(
        "aria-checked", "false"
    )
    oui = quiz_player.get_by_role("button", name="Oui")
    expect(oui).to_have_attribute("aria-pressed", "true")
    expect(oui).to_have_attribute("aria-disabled", "true")
    expect(quiz_player.get_by_role("button", name="Non")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(quiz_player.get_by_role("status")).to_have_text(
        "Ce n’est pas la bonne réponse."
    )
    # Showing the saved answers again sent no new answer and kept the state
    # (TrueFalse 1.6 restores the choice, not the checked result).
    assert len(statements(truefalse_iri, "answered")) == 1
    assert len(statements(quiz_iri, "answered")) == 1
    assert saved_state(truefalse_iri, learner) == {"answer": False}

    # On S3 the libraries and content came from the bucket (the site only
    # redirects), across origins from the frame's opaque one: CORS works.
    if is_s3(storage):
        from_bucket = [url for url in fetched if url.startswith(storage.endpoint_url)]
        assert any("/h5p/libraries/H5P.TrueFalse-1.6/" in url for url in from_bucket)
        assert any(url.split("?")[0].endswith("/content.json") for url in from_bucket)

    # Nothing the player needed was refused: neither by its own policy nor
    # by the learning record store.
    refused = [
        f"{message.type}: {message.text} ({message.location.get('url')})"
        for message in console
        if "Content Security Policy" in message.text
        or "refused by the LRS" in message.text
    ]
    assert not refused


DESCRIBE_FOCUS = """() => {
    const e = document.activeElement;
    const what = e && (e.tagName + " " + (e.title || e.textContent || "").trim());
    return [document.hasFocus(), what];
}"""


def focused_text(frame):
    """The text of the element focused inside ``frame``, or None."""
    return frame.evaluate(
        "() => document.activeElement && document.activeElement.textContent"
    )


def where_focus_is(page):
    """For the page and each of its frames: whether it has the focus, and its
    focused element.  Frames run in processes of their own: this is what
    tells when a key press has moved the focus everywhere."""
    return tuple(tuple(frame.evaluate(DESCRIBE_FOCUS)) for frame in page.frames)


def press(page, key):
    """Press ``key``, then wait (a little) for the focus to move."""
    before = where_focus_is(page)
    page.keyboard.press(key)
    deadline = time.monotonic() + 2
    while (after := where_focus_is(page)) == before and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    return after


def quiz_answer_focused(page, frame):
    """The quiz answer that has the keyboard focus, seen from both sides of
    the frame, or None."""
    frame_focused = page.evaluate(
        "title => document.activeElement.tagName === 'IFRAME'"
        " && document.activeElement.title === title",
        QUIZ_TITLE,
    )
    has_focus, _element = frame.evaluate(DESCRIBE_FOCUS)
    text = focused_text(frame)
    if frame_focused and has_focus and text in ("Oui", "Non"):
        return text
    return None


def test_a_learner_reaches_and_answers_the_quiz_with_the_keyboard(
    live_server, local_storage, course, admin_page, learner_page, tmp_path
):
    unit, _truefalse_iri, quiz_iri = packages_in_a_unit(
        live_server, course, admin_page, tmp_path
    )
    page = learner_page
    sign_in(page.context, live_server, course.learner)
    page.goto(live_server.url + unit.url)

    # Each player's frame is named for assistive technologies.
    _player, _frame = open_player(page, TRUEFALSE_TITLE)
    quiz_player, quiz_frame = open_player(page, QUIZ_TITLE)
    titles = page.locator("iframe").evaluate_all(
        "frames => frames.map(frame => frame.getAttribute('title'))"
    )
    assert len(titles) == 2
    assert all(title and title.strip() for title in titles), titles

    # -- Keyboard only from here: focus starts at the page.
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement.blur(); }")
    path = []
    for _press in range(MAX_TABS):
        path.append(press(page, "Tab"))
        if answer := quiz_answer_focused(page, quiz_frame):
            break
    else:
        pytest.fail(
            f"{MAX_TABS} Tab presses never reached the quiz's answers;"
            f" focus went through: {path}"
        )
    # Answers come in order, "Oui" first: the right one, "Non", is next.
    assert answer == "Oui", path
    press(page, "Tab")
    assert quiz_answer_focused(page, quiz_frame) == "Non"
    page.keyboard.press("Enter")
    expect(quiz_player.get_by_role("status")).to_have_text(
        "Bonne réponse : il est ouvert du lundi au samedi."
    )

    answered = wait_until(
        page, lambda: statements(quiz_iri, "answered"), "the quiz's answer"
    )
    assert len(answered) == 1
    assert answered[0].data["result"]["success"] is True
    assert answered[0].data["result"]["score"]["scaled"] == 1
    # Focus stayed on the answer, now disabled for assistive technologies.
    assert focused_text(quiz_frame) == "Non"
    expect(quiz_player.get_by_role("button", name="Non")).to_have_attribute(
        "aria-pressed", "true"
    )
