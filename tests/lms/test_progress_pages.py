"""Learners see their progress: bars, ✓ marks and the way on (issue 5).

The course, module and unit pages and the learner home show a signed-in
learner's own completion; anonymous visitors and people who do not follow
the course see none of it, and nobody sees anyone else's.
"""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation

from lms.course_progress import (
    CourseProgress,
    Tally,
    course_outlines,
    next_unit,
    outline_units,
)
from lms.models import ActivityProgress, CoursePage
from lms.progress_rules import Completion
from tests.factories import EnrollmentFactory, UnitPageFactory
from tests.lms.test_learner_home import make_course
from tests.support.course_fixtures import publish

pytestmark = pytest.mark.django_db

# --- The pure choice: where to go on ------------------------------------------------


def units(*names):
    return [SimpleNamespace(activity_iri=f"https://x/unit/{name}") for name in names]


def completion_of(all_units, done):
    return Completion(units={u.activity_iri: u in done for u in all_units})


def test_next_unit_is_the_first_at_the_start():
    a, b, c = units("a", "b", "c")
    assert next_unit([a, b, c], completion_of([a, b, c], [])) is a


def test_next_unit_is_the_first_not_completed_in_reading_order():
    a, b, c, d = units("a", "b", "c", "d")
    assert next_unit([a, b, c, d], completion_of([a, b, c, d], [a, b])) is c
    # A unit skipped earlier comes first, before those after the last done.
    assert next_unit([a, b, c, d], completion_of([a, b, c, d], [a, c])) is b


def test_next_unit_is_none_when_all_are_completed_or_there_are_none():
    a, b = units("a", "b")
    assert next_unit([a, b], completion_of([a, b], [a, b])) is None
    assert next_unit([], Completion()) is None


def test_a_unit_unknown_to_the_completion_is_not_completed():
    a, b = units("a", "b")
    assert next_unit([a, b], Completion(units={a.activity_iri: True})) is b


def test_tally_and_course_progress_states():
    a, b, c, d = units("a", "b", "c", "d")
    outline = [SimpleNamespace(unit_list=[a, b]), SimpleNamespace(unit_list=[c, d])]
    everything = [a, b, c, d]

    start = CourseProgress.of(outline, completion_of(everything, []))
    assert (start.tally, start.next_unit, start.started, start.completed) == (
        Tally(0, 4),
        a,
        False,
        False,
    )
    middle = CourseProgress.of(outline, completion_of(everything, [a, b, d]))
    assert (middle.tally.percent, middle.next_unit, middle.started) == (75, c, True)
    end = CourseProgress.of(outline, completion_of(everything, everything))
    assert (end.tally.percent, end.next_unit, end.completed) == (100, None, True)
    empty = CourseProgress.of([], Completion())
    assert (empty.tally.percent, empty.completed) == (0, False)
    assert Tally(1, 3).percent == 33


# --- Pages -------------------------------------------------------------------------


def complete(learner, *pages_done):
    """Progress rows as the LRS leaves them once units are marked done."""
    for page in pages_done:
        ActivityProgress.objects.create(
            learner=learner, activity=page.activity_iri, status="completed"
        )


def get(client, user, url):
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def bars(response):
    """Each progress bar of the page: (id, value, max, its label's text)."""
    body = response.content.decode()
    found = []
    for match in re.finditer(
        r'<label class="progress__label" for="([^"]+)">([^<]*)</label>\s*'
        r'<progress class="progress__bar" id="\1" max="(\d+)" value="(\d+)">',
        body,
    ):
        bar_id, label, maximum, value = match.groups()
        found.append((bar_id, int(value), int(maximum), label.strip()))
    assert body.count("<progress") == len(found), "every bar has its own label"
    return found


def done_marks(response):
    return response.content.decode().count('<span class="done-mark">')


def home_url(language="fr"):
    with translation.override(language):
        return reverse("lms:home")


def test_course_outlines_match_each_course_outline(course):
    other, _units, _enrollment = make_course(
        course.catalogue, course.learner, course.trainer, units=6
    )
    courses = [course.page, other]

    outlines = course_outlines(courses)

    for page in courses:
        expected = page.outline()
        found = outlines[page.pk]
        assert [m.pk for m in found] == [m.pk for m in expected]
        assert [[u.pk for u in m.unit_list] for m in found] == [
            [u.pk for u in m.unit_list] for m in expected
        ]


def test_the_module_page_shows_the_learners_share_of_its_units(client, course):
    first_module = course.modules[0]
    complete(course.learner, course.units[0])

    response = get(client, course.learner, course.english[first_module.pk].url)

    assert response.context["module_tally"] == Tally(1, 2)
    [(_id, value, maximum, label)] = bars(response)
    assert (value, maximum) == (1, 2)
    assert label == "1 of 2 units done in this module"
    assert done_marks(response) == 1
    assert 'class="visually-hidden"> completed</span>' in response.content.decode()

    complete(course.learner, course.units[1])
    response = get(client, course.learner, first_module.url)
    assert response.context["module_tally"] == Tally(2, 2)
    assert bars(response)[0][1:3] == (2, 2)
    assert done_marks(response) == 2


def test_a_learner_with_nothing_done_sees_an_empty_module_bar(client, course):
    response = get(client, course.learner, course.modules[1].url)

    assert [bar[1:3] for bar in bars(response)] == [(0, 2)]
    assert done_marks(response) == 0


def test_the_unit_page_places_the_unit_and_marks_the_modules_units(client, course):
    first, second = course.units[0], course.units[1]
    complete(course.learner, first)

    response = get(client, course.learner, course.english[second.pk].url)

    [(_id, value, maximum, label)] = bars(response)
    assert (value, maximum) == (1, 4)
    assert label == "Unit 2 of 2 in this module · 25% of the course"
    assert [u.pk for u in response.context["module_units"]] == [
        course.english[first.pk].pk,
        course.english[second.pk].pk,
    ]
    body = response.content.decode()
    nav = body[body.index('class="module-nav"') : body.index('class="unit-nav"')]
    assert nav.count('<span class="done-mark">') == 1
    english_first = course.english[first.pk].url
    assert re.search(
        rf'<a href="{english_first}">[^<]*</a> <span class="done-mark">', nav
    )
    assert 'aria-current="page"' in nav
    # Previous (done) carries its mark; the unit itself can still be marked.
    assert re.search(
        rf'href="{english_first}" rel="prev">[^<]*<span class="done-mark">', body
    )
    assert "Mark this unit as done" in body
    assert not response.context["unit_done"]


def test_a_done_unit_shows_completed_and_the_next_unit(client, course):
    client.force_login(course.learner)
    unit, following = course.units[1], course.units[2]
    english, english_next = course.english[unit.pk], course.english[following.pk]

    response = client.post(reverse("lms:unit-done", args=[english.pk]))
    assert response["Location"] == english_next.url

    response = get(client, course.learner, english.url)
    body = response.content.decode()
    assert response.context["unit_done"]
    assert "Mark this unit as done" not in body
    assert "Completed" in body
    assert f'<a class="button" href="{english_next.url}">Next unit: ' in body
    # The second unit of the first module; one unit of four done.
    assert bars(response)[0][1:] == (
        1,
        4,
        "Unit 2 of 2 in this module · 25% of the course",
    )


def test_the_last_unit_done_leads_back_to_the_course(client, course):
    last = course.units[-1]
    complete(course.learner, last)

    body = get(client, course.learner, last.url).content.decode()

    assert f'<a class="button" href="{course.page.url}">' in body


@pytest.mark.parametrize(
    ("done", "expected_next", "label"),
    [
        ([], 0, "Start: "),
        ([0, 1], 2, "Resume: "),
        ([0, 2], 1, "Resume: "),
        ([0, 1, 2, 3], None, None),
    ],
)
def test_resume_leads_to_the_first_unit_not_completed(
    client, course, done, expected_next, label
):
    complete(course.learner, *(course.units[n] for n in done))
    english_course = course.english[course.page.pk]

    for url in [english_course.url, home_url("en")]:
        response = get(client, course.learner, url)
        if url == home_url("en"):
            [row] = response.context["rows"]
            progress = row["progress"]
        else:
            progress = response.context["course_progress"]
        body = response.content.decode()
        percent = round(100 * len(done) / 4)
        assert bars(response)[0][1:] == (len(done), 4, f"Your progress: {percent}%")
        if expected_next is None:
            assert progress.completed
            assert progress.next_unit is None
            assert "Course completed" in body
            assert "Resume: " not in body
            assert "Start: " not in body
        else:
            target = course.english[course.units[expected_next].pk]
            assert progress.next_unit == target
            assert f'<a class="button" href="{target.url}">{label}' in body
            assert "Course completed" not in body


def test_the_home_offers_the_last_visited_unit_beside_resume(client, course):
    client.force_login(course.learner)
    client.get(course.units[3].url)
    complete(course.learner, course.units[0])

    [row] = get(client, course.learner, home_url()).context["rows"]

    assert row["progress"].next_unit == course.units[1]
    assert row["other_visit"] == course.units[3]
    # Read in English, the card offers the English version of that unit.
    [row] = get(client, course.learner, home_url("en")).context["rows"]
    assert row["other_visit"] == course.english[course.units[3].pk]

    complete(course.learner, course.units[1], course.units[2])
    [row] = get(client, course.learner, home_url()).context["rows"]
    assert row["progress"].next_unit == course.units[3]
    assert row["other_visit"] is None  # "Resume" leads there already


def test_the_home_shows_no_progress_to_a_pending_learner(client, course):
    complete(course.learner, course.units[0])
    course.enrollment.status = "pending"
    course.enrollment.save()

    response = get(client, course.learner, home_url("en"))

    assert bars(response) == []
    assert "Resume: " not in response.content.decode()


def test_anonymous_visitors_see_no_progress(client, course):
    course.page.is_open = True
    course.page.save_revision().publish()

    for page in [course.page, course.modules[0], course.units[1]]:
        response = get(client, None, page.url)
        assert bars(response) == [], page.url
        assert done_marks(response) == 0
        assert "course_progress" not in response.context
        assert "module_tally" not in response.context
        assert "Start: " not in response.content.decode()


def test_people_who_do_not_follow_the_course_see_no_bar_nor_resume(client, course):
    for person in [course.outsider, course.trainer]:
        for page in [course.page, course.modules[0]]:
            response = get(client, person, page.url)
            assert bars(response) == [], (person, page.url)
            assert "Start: " not in response.content.decode()
        # The trainer reads units as staff: no learner's bar there either.
    assert bars(get(client, course.trainer, course.units[0].url)) == []


def test_an_open_course_shows_progress_to_any_signed_in_reader(client, course):
    course.page.is_open = True
    course.page.save_revision().publish()

    response = get(client, course.outsider, course.page.url)

    assert bars(response)[0][1:3] == (0, 4)
    assert response.context["course_progress"].next_unit == course.units[0]


def test_another_learners_progress_never_shows(client, course):
    classmate = EnrollmentFactory(cohort=course.cohort).learner
    complete(classmate, *course.units[:3])
    complete(course.outsider, *course.units)

    for url in [
        course.page.url,
        course.modules[0].url,
        course.units[1].url,
        home_url(),
    ]:
        response = get(client, course.learner, url)
        assert done_marks(response) == 0, url
        assert all(value == 0 for _id, value, _max, _label in bars(response)), url
    response = get(client, course.learner, course.page.url)
    assert response.context["course_progress"].next_unit == course.units[0]
    [row] = get(client, course.learner, home_url()).context["rows"]
    assert row["progress"].tally == Tally(0, 4)


# --- Query budgets ------------------------------------------------------------------

# The learner home measures 21 queries for one course as for five: a query per
# course more would pass 23 at five courses.
HOME_QUERIES = 23


def add_courses(course, count):
    """``count`` more courses for the learner, some units done in each."""
    for _n in range(count):
        _page, made, _enrollment = make_course(
            course.catalogue, course.learner, course.trainer
        )
        complete(course.learner, made[0])


@pytest.mark.parametrize("courses", [1, 5])
def test_the_home_keeps_its_query_budget_with_any_number_of_courses(
    client, course, courses, django_assert_max_num_queries
):
    add_courses(course, courses - 1)
    complete(course.learner, course.units[0])
    client.force_login(course.learner)
    client.get(course.units[2].url)  # a visit: "last visited" is on the page
    url = home_url()
    client.get(url)

    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get(url)

    assert len(response.context["rows"]) == courses
    assert len(bars(response)) == courses
    assert all(row["progress"].started for row in response.context["rows"])


def test_the_home_queries_do_not_grow_with_courses(client, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(course.learner)
    url = home_url()
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    one = count()
    add_courses(course, 4)
    assert count() == one


def test_module_and_unit_pages_keep_their_budget_as_units_grow(
    client, course, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    complete(course.learner, course.units[0])
    client.force_login(course.learner)
    urls = [course.page.url, course.modules[0].url, course.units[1].url]
    for url in urls:
        client.get(url)

    def counts():
        found = {}
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found[url] = len(queries)
        return found

    before = counts()
    for n in range(4):
        unit = publish(UnitPageFactory(parent=course.modules[0], slug=f"plus-{n}"))
        complete(course.learner, unit)
    assert counts() == before
    for url in urls:
        with django_assert_max_num_queries(40):
            client.get(url)


def test_the_course_page_loads_its_outline_once(client, course, monkeypatch):
    calls = []
    original = CoursePage.outline

    def counting(self):
        calls.append(self.pk)
        return original(self)

    monkeypatch.setattr(CoursePage, "outline", counting)
    get(client, course.learner, course.page.url)
    get(client, course.learner, course.units[0].url)
    assert calls == [course.page.pk, course.page.pk]


def test_outline_units_flattens_in_reading_order():
    a, b, c = units("a", "b", "c")
    outline = [SimpleNamespace(unit_list=[a, b]), SimpleNamespace(unit_list=[c])]
    assert outline_units(outline) == [a, b, c]
