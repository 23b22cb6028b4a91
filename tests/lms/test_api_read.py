"""The read-only learning API: courses, partners, cohorts, enrolments, progress.

Every list is scoped by ``lms.permissions``, the layer the dashboards use:
the tests name, for each role, exactly what a list holds, so a row of
another scope showing up fails them.  Lists are walked with a cursor, and
the number of queries a list takes depends neither on its rows nor on the
page size.
"""

import json
import uuid
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from lms.cohort_matrix import course_activity_iris
from lms.models import ActivityProgress, Enrollment, LRSClient
from lms.xapi.agents import learner_agent
from mediation.models import PartnerInstitution
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    ModulePageFactory,
    PartnerInstitutionFactory,
    UnitPageFactory,
)
from tests.lms import dashboard_fixtures as fx
from tests.support.lrs import client_headers

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

API = "/api/v1/"
COURSES = f"{API}courses/"
PARTNERS = f"{API}partners/"
COHORTS = f"{API}cohorts/"
PROGRESS = f"{API}progress/"
OTHER_IRI = "https://chainon.example/xapi/activities/unit/other"
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50

# Signed out, the API asks for credentials (a token or a session).
UNAUTHENTICATED = 401


def enrollments_path(cohort_id) -> str:
    return f"{COHORTS}{cohort_id}/enrollments/"


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def walk(client, path, **params) -> list[dict]:
    """Every row of a list, following the ``next`` links page by page."""
    rows, pages = [], 0
    response = client.get(path, params)
    while True:
        body = response.json()
        assert response.status_code == 200, body
        rows += body["results"]
        pages += 1
        assert pages < 100, "the cursor never ends"
        if not body["next"]:
            return rows
        response = client.get(body["next"])


def queries(client, path, params=None) -> tuple[int, list[dict]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
    return len(captured.captured_queries), results(response)


@pytest.fixture
def people(network):
    """The network's people, with rows beyond the fixture's: a learner
    enrolled nowhere and a trainer who tried an activity themselves."""
    outsider = fx.make_learner(first_name="Olga", last_name="Outsider")
    fx.progress(outsider, network.course.assignment_iri)
    fx.progress(network.trainer_a, network.course.h5p_iri, score=0.8, success=True)
    return {**network.users, "outsider": outsider}


def learner_ids(rows) -> set[int]:
    return {row["learner"] for row in rows}


# -- Courses -----------------------------------------------------------------------


def test_anyone_lists_the_live_public_courses_with_their_public_fields(client, network):
    page = network.course.page
    page.lead_partner = network.partner_a
    page.save()

    [course] = results(client.get(COURSES))

    assert course == {
        "id": page.pk,
        "title": "Parcours Aller-vers",
        "slug": page.slug,
        "language": "fr",
        "translation_key": str(page.translation_key),
        "intro": page.intro,
        "url": page.get_full_url(),
        "activity_iri": page.activity_iri,
        "lead_partner": {
            "id": network.partner_a.pk,
            "name": "Musée Alpha",
            "slug": "musee-alpha",
            "translation_key": str(network.partner_a.translation_key),
        },
        "licence": page.licence,
        "licence_url": page.licence_url,
    }
    assert course["url"].startswith("http") and "/fr/" in course["url"]


def test_signed_in_people_get_the_same_public_course_fields(client, network):
    anonymous = results(client.get(COURSES))
    client.force_login(network.trainer_a)

    assert results(client.get(COURSES)) == anonymous


def test_drafts_and_private_courses_are_neither_listed_nor_found(client, network):
    catalogue = network.course.catalogue
    draft = CoursePageFactory(parent=catalogue, title="Brouillon")
    draft.unpublish()
    private = CoursePageFactory(parent=catalogue, title="Réservé")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(network.learner_a)

    listed = {course["id"] for course in results(client.get(COURSES))}

    assert listed == {network.course.page.pk}
    assert client.get(f"{COURSES}{draft.pk}/").status_code == 404
    assert client.get(f"{COURSES}{private.pk}/").status_code == 404


def test_a_course_lists_its_live_modules_and_units_in_order(client, network):
    course = network.course
    course.units[1].unpublish()

    response = client.get(f"{COURSES}{course.page.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Parcours Aller-vers"

    def unit(page):
        return {
            "id": page.pk,
            "title": page.title,
            "activity_iri": page.activity_iri,
            "url": page.get_full_url(),
        }

    assert body["modules"] == [
        {**unit(course.modules[0]), "units": [unit(course.units[0])]},
        {
            **unit(course.modules[1]),
            "units": [unit(course.units[2]), unit(course.units[3])],
        },
    ]


def test_courses_are_filtered_by_language_and_translation_key(client, network, locales):
    french = network.course.page
    english = french.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Outreach course"
    english.save_revision().publish()
    other = CoursePageFactory(parent=network.course.catalogue, title="Autre")

    def ids(**params):
        return {course["id"] for course in results(client.get(COURSES, params))}

    assert ids() == {french.pk, english.pk, other.pk}
    assert ids(language="en") == {english.pk}
    assert ids(language="fr") == {french.pk, other.pk}
    assert ids(translation_key=str(french.translation_key)) == {french.pk, english.pk}
    detail = client.get(f"{COURSES}{english.pk}/", {"language": "fr"}).json()
    assert (detail["language"], detail["title"]) == ("en", "Outreach course")
    assert client.get(COURSES, {"language": "xx"}).status_code == 400
    assert client.get(COURSES, {"translation_key": "nope"}).status_code == 400


# -- Partners ----------------------------------------------------------------------


def test_anyone_lists_the_partners_in_the_default_language(client, network, locales):
    alpha = network.partner_a
    alpha.website = "https://alpha.example"
    alpha.save()
    english = alpha.copy_for_translation(locales["en"])
    english.name = "Alpha Museum"
    english.save()

    listed = results(client.get(PARTNERS))

    assert {partner["name"] for partner in listed} == {"Musée Alpha", "Museo Bravo"}
    assert listed[[p["id"] for p in listed].index(alpha.pk)] == {
        "id": alpha.pk,
        "name": "Musée Alpha",
        "slug": "musee-alpha",
        "kind": "museum",
        "country": "FR",
        "city": "Marseille",
        "website": "https://alpha.example",
        "language": "fr",
        "translation_key": str(alpha.translation_key),
    }
    bravo = listed[[p["id"] for p in listed].index(network.partner_b.pk)]
    assert bravo["website"] is None  # none given: null, not an empty "URL"
    [only] = results(client.get(PARTNERS, {"language": "en"}))
    assert (only["id"], only["name"], only["language"]) == (
        english.pk,
        "Alpha Museum",
        "en",
    )
    by_key = results(client.get(PARTNERS, {"translation_key": alpha.translation_key}))
    assert [p["id"] for p in by_key] == [alpha.pk]
    # A detail URL names the partner in its own language, whatever the default.
    assert client.get(f"{PARTNERS}{english.pk}/").json()["name"] == "Alpha Museum"
    assert client.get(PARTNERS, {"language": "zz"}).status_code == 400
    assert client.get(f"{PARTNERS}999999/").status_code == 404


# -- Cohorts -----------------------------------------------------------------------

COHORTS_SEEN = {
    "learner_a": set(),
    "learner_b": set(),
    "editor_a": set(),
    "editor_b": set(),
    "trainer_a": {"cohort_a"},
    "trainer_b": {"cohort_b"},
    "network_coordinator": {"cohort_a", "cohort_b"},
    "partner_coordinator_a": {"cohort_a"},
    "partner_coordinator_nowhere": set(),
    "superuser": {"cohort_a", "cohort_b"},
}


@pytest.mark.parametrize("role", sorted(COHORTS_SEEN))
def test_each_role_lists_exactly_the_cohorts_in_its_scope(client, network, role):
    client.force_login(network.users[role])
    cohorts = {"cohort_a": network.cohort_a, "cohort_b": network.cohort_b}

    listed = {cohort["id"] for cohort in results(client.get(COHORTS))}

    assert listed == {cohorts[name].pk for name in COHORTS_SEEN[role]}
    for name, cohort in cohorts.items():
        expected = 200 if name in COHORTS_SEEN[role] else 404
        assert client.get(f"{COHORTS}{cohort.pk}/").status_code == expected, name


def test_signed_out_people_get_no_cohort(client, network):
    assert client.get(COHORTS).status_code == UNAUTHENTICATED
    assert client.get(f"{COHORTS}{network.cohort_a.pk}/").status_code == (
        UNAUTHENTICATED
    )


def test_a_cohort_describes_its_course_partner_dates_and_learner_counts(
    client, network
):
    cohort = network.cohort_a
    fx.enrol(cohort, status=Enrollment.Status.PENDING)
    fx.enrol(cohort, status=Enrollment.Status.WITHDRAWN)
    fx.enrol(cohort)
    client.force_login(network.trainer_a)

    body = client.get(f"{COHORTS}{cohort.pk}/").json()

    assert body == {
        "id": cohort.pk,
        "name": "Promotion Alpha",
        "course": {
            "id": network.course.page.pk,
            "translation_key": str(network.course.page.translation_key),
        },
        "partner": {
            "id": network.partner_a.pk,
            "name": "Musée Alpha",
            "slug": "musee-alpha",
            "translation_key": str(network.partner_a.translation_key),
        },
        "language": "fr",
        "territory": "Marseille nord",
        "start_date": cohort.start_date.isoformat(),
        "end_date": cohort.end_date.isoformat(),
        "join_enabled": cohort.join_enabled,
        "join_requires_approval": cohort.join_requires_approval,
        "stalled_after_days": cohort.stalled_after_days,
        "active_learners": 2,
        "pending_learners": 1,
    }
    assert results(client.get(COHORTS)) == [body]


# -- Enrolments --------------------------------------------------------------------

ENROLMENTS_STATUS = {
    "learner_a": 404,
    "learner_b": 404,
    "editor_a": 404,
    "trainer_a": 200,
    "trainer_b": 404,
    "network_coordinator": 404,
    "partner_coordinator_a": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", sorted(ENROLMENTS_STATUS))
def test_only_the_cohorts_trainers_see_its_enrolments(client, network, role):
    """They name people: coordinators, who see the cohort's counts, do not
    get its learners, as on the cohort's dashboard."""
    client.force_login(network.users[role])

    response = client.get(enrollments_path(network.cohort_a.pk))

    assert response.status_code == ENROLMENTS_STATUS[role]
    if response.status_code == 404:
        assert "Aubépine" not in response.content.decode()


def test_a_trainer_reads_the_learners_of_their_cohort(client, network):
    enrollment = network.enrollment_a
    client.force_login(network.trainer_a)

    listed = results(client.get(enrollments_path(network.cohort_a.pk)))

    assert listed == [
        {
            "id": enrollment.pk,
            "learner": network.learner_a.pk,
            "name": "Aurélie Aubépine",
            "email": "aurelie.aubepine@example.org",
            "status": "active",
            "source": "added",
            "enrolled_at": listed[0]["enrolled_at"],
        }
    ]
    assert datetime.fromisoformat(listed[0]["enrolled_at"]) == enrollment.created_at
    assert client.get(enrollments_path(network.cohort_b.pk)).status_code == 404
    assert client.get(enrollments_path(999999)).status_code == 404
    client.logout()
    assert client.get(enrollments_path(network.cohort_a.pk)).status_code == (
        UNAUTHENTICATED
    )


# -- Progress ----------------------------------------------------------------------

PROGRESS_SEEN = {
    "learner_a": {"learner_a"},
    "learner_b": {"learner_b"},
    "outsider": {"outsider"},
    "editor_a": set(),
    "trainer_a": {"trainer_a", "learner_a"},
    "trainer_b": {"learner_b"},
    "network_coordinator": {"learner_a", "learner_b", "outsider", "trainer_a"},
    "partner_coordinator_a": {"learner_a"},
    "partner_coordinator_nowhere": set(),
    "superuser": {"learner_a", "learner_b", "outsider", "trainer_a"},
}


@pytest.mark.parametrize("role", sorted(PROGRESS_SEEN))
def test_each_role_reads_exactly_the_progress_in_its_scope(client, people, role):
    client.force_login(people[role])
    expected = {people[name].pk for name in PROGRESS_SEEN[role]}

    rows = walk(client, PROGRESS)

    assert learner_ids(rows) == expected
    assert len(rows) == ActivityProgress.objects.filter(learner__in=expected).count()


def test_signed_out_people_get_no_progress(client, network):
    assert client.get(PROGRESS).status_code == UNAUTHENTICATED


def test_a_learner_asking_for_anothers_rows_gets_an_empty_list(client, network):
    client.force_login(network.learner_a)

    assert results(client.get(PROGRESS, {"learner": network.learner_b.pk})) == []
    assert results(client.get(PROGRESS, {"cohort": network.cohort_b.pk})) == []


def test_a_trainer_never_reads_another_cohorts_rows(client, network):
    client.force_login(network.trainer_a)

    assert results(client.get(PROGRESS, {"cohort": network.cohort_b.pk})) == []
    assert results(client.get(PROGRESS, {"learner": network.learner_b.pk})) == []


def test_a_progress_row_has_its_figures(client, network):
    row = fx.progress(
        network.learner_a,
        network.course.h5p_iri,
        ActivityProgress.Status.IN_PROGRESS,
        score=0.4,
        success=False,
    )
    ActivityProgress.objects.filter(pk=row.pk).update(attempts=3, time_spent=95.5)
    row.refresh_from_db()
    client.force_login(network.learner_a)

    listed = results(client.get(PROGRESS, {"activity": network.course.h5p_iri}))

    assert listed == [
        {
            "id": row.pk,
            "learner": network.learner_a.pk,
            "activity": network.course.h5p_iri,
            "status": "in_progress",
            "success": False,
            "best_score": 0.4,
            "last_score": 0.4,
            "attempts": 3,
            "first_at": row.first_at,
            "last_at": row.last_at,
            "time_spent": 95.5,
            "updated_at": listed[0]["updated_at"],
        }
    ]
    assert datetime.fromisoformat(listed[0]["updated_at"]) == row.updated_at


def test_progress_filters(client, people, network):
    a, b = network.learner_a, network.learner_b
    started = fx.progress(a, OTHER_IRI, ActivityProgress.Status.IN_PROGRESS)
    old = fx.progress(b, OTHER_IRI)
    ActivityProgress.objects.filter(pk=old.pk).update(updated_at=fx.days_ago(10))
    client.force_login(network.coordinator)

    def ids(**params):
        return {row["id"] for row in results(client.get(PROGRESS, params))}

    def rows_of(*learners, **lookups):
        return set(
            ActivityProgress.objects.filter(
                learner__in=learners, **lookups
            ).values_list("id", flat=True)
        )

    # A cohort's rows are on its course's activities: not OTHER_IRI.
    assert ids(cohort=network.cohort_a.pk) == rows_of(a) - {started.pk}
    assert ids(cohort=network.cohort_b.pk) == rows_of(b) - {old.pk}
    assert ids(learner=b.pk) == rows_of(b)
    assert ids(activity=OTHER_IRI) == {started.pk, old.pk}
    assert ids(status="in_progress") == {started.pk}
    assert ids(status="in_progress", learner=b.pk) == set()
    since = (fx.now() - timedelta(days=2)).isoformat()
    assert old.pk not in ids(updated_since=since)
    assert ids(updated_since=since) == set(
        ActivityProgress.objects.exclude(pk=old.pk).values_list("id", flat=True)
    )


@pytest.mark.parametrize(
    "params",
    [
        {"learner": "abc"},
        {"learner": "1.5"},
        {"cohort": "x"},
        {"status": "finished"},
        {"updated_since": "yesterday"},
    ],
)
def test_malformed_progress_filters_are_refused(client, network, params):
    client.force_login(network.coordinator)

    response = client.get(PROGRESS, params)

    assert response.status_code == 400
    assert next(iter(params)) in response.content.decode()


BIG = "9" * 30


@pytest.mark.parametrize(
    "path",
    [
        f"{COURSES}{BIG}/",
        f"{COURSES}9999999999/",
        f"{COHORTS}{BIG}/",
        f"{enrollments_path(BIG)}",
        f"{PARTNERS}{BIG}/",
        f"{COURSES}abc/",
        f"{COHORTS}-1/",
    ],
)
def test_ids_out_of_any_range_are_not_found(client, network, path):
    """Not a database overflow (a 500): no such object."""
    client.force_login(network.superuser)

    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "params",
    [
        {"learner": BIG},
        {"cohort": BIG},
        {"learner": "0"},
        {"updated_since": "0001-01-01T00:00:00"},
        {"updated_since": "9999-12-31T23:00:00-05:00"},
    ],
)
def test_filter_values_out_of_range_are_refused(client, network, params):
    client.force_login(network.superuser)

    response = client.get(PROGRESS, params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(params)


def bulk_rows(learner, count, prefix="https://chainon.example/xapi/activities/x/"):
    ActivityProgress.objects.bulk_create(
        ActivityProgress(learner=learner, activity=f"{prefix}{n}", status="completed")
        for n in range(count)
    )


def test_the_cursor_walks_every_row_once_in_id_order(client, network):
    bulk_rows(network.learner_a, 22)
    client.force_login(network.learner_a)
    expected = sorted(
        ActivityProgress.objects.filter(learner=network.learner_a).values_list(
            "id", flat=True
        )
    )
    assert len(expected) == 23

    first = client.get(PROGRESS, {"page_size": 5}).json()
    rows = walk(client, PROGRESS, page_size=5)

    assert first["previous"] is None
    assert [row["id"] for row in first["results"]] == expected[:5]
    assert [row["id"] for row in rows] == expected


def test_rows_added_while_walking_do_not_repeat_or_shift_rows(client, network):
    bulk_rows(network.learner_a, 9)
    client.force_login(network.learner_a)
    first = client.get(PROGRESS, {"page_size": 4}).json()
    bulk_rows(network.learner_a, 3, prefix="https://chainon.example/late/")

    rest = walk(client, first["next"])

    ids = [row["id"] for row in first["results"] + rest]
    assert len(ids) == len(set(ids)) == 13
    assert ids == sorted(ids)


def test_the_page_size_is_bounded(client, network):
    bulk_rows(network.learner_a, MAX_PAGE_SIZE + 10)
    client.force_login(network.learner_a)

    assert len(results(client.get(PROGRESS))) == DEFAULT_PAGE_SIZE
    assert len(results(client.get(PROGRESS, {"page_size": MAX_PAGE_SIZE}))) == (
        MAX_PAGE_SIZE
    )
    for size in (MAX_PAGE_SIZE + 1, 100000, 0):
        response = client.get(PROGRESS, {"page_size": size})
        assert response.status_code == 400, size
        assert "page_size" in response.json()["errors"]


def test_lists_are_ordered_on_the_fields_they_offer(client, network):
    bulk_rows(network.learner_a, 7)
    client.force_login(network.learner_a)
    ids = sorted(
        ActivityProgress.objects.filter(learner=network.learner_a).values_list(
            "id", flat=True
        )
    )

    newest_first = walk(client, PROGRESS, ordering="-id", page_size=3)

    assert [row["id"] for row in newest_first] == ids[::-1]
    by_change = walk(client, PROGRESS, ordering="updated_at", page_size=3)
    assert sorted(row["id"] for row in by_change) == ids
    moments = [datetime.fromisoformat(row["updated_at"]) for row in by_change]
    assert moments == sorted(moments)
    # A field not offered for ordering is refused, not silently ignored.
    assert client.get(PROGRESS, {"ordering": "activity"}).status_code == 400
    # Plain names: how accents sort depends on the database's collation.
    PartnerInstitution.objects.filter(pk=network.partner_a.pk).update(name="Alpha")
    PartnerInstitution.objects.filter(pk=network.partner_b.pk).update(name="Bravo")
    partners = results(client.get(PARTNERS, {"ordering": "-name"}))
    assert [p["name"] for p in partners] == ["Bravo", "Alpha"]


def test_a_made_up_cursor_is_not_found(client, network):
    client.force_login(network.learner_a)

    assert client.get(PROGRESS, {"cursor": "not-a-cursor"}).status_code == 404


# -- Query budgets -----------------------------------------------------------------
# Each list is measured small, then larger, after one warm-up request (the
# site's root paths and content types are cached on first use).


def assert_same_queries(client, path, grow, *, small, large):
    client.get(path)
    before, rows = queries(client, path)
    assert len(rows) == small
    grow()
    after, rows = queries(client, path)
    assert len(rows) == large
    paged, rows = queries(client, path, {"page_size": 3})
    assert len(rows) == 3
    assert before == after == paged, (before, after, paged)
    return after


def course_rows(learner, course, count):
    """Rows on the course's own activities: what its trainers read."""
    ActivityProgress.objects.bulk_create(
        ActivityProgress(learner=learner, activity=iri, status="completed")
        for iri in course_activity_iris(course.page)[:count]
    )


def test_progress_queries_depend_on_neither_rows_nor_page_size(client, network):
    for learner in fx.bulk_learners(network.cohort_a, 4):
        course_rows(learner, network.course, 1)
    client.force_login(network.trainer_a)

    def grow():
        for learner in fx.bulk_learners(network.cohort_a, 9, prefix="plus"):
            course_rows(learner, network.course, 5)

    count = assert_same_queries(client, PROGRESS, grow, small=5, large=50)
    # Session, permissions, the reader's courses and each one's outline (two
    # queries a course: its activities scope the rows), the page.
    assert count <= 10


def test_cohort_queries_depend_on_neither_rows_nor_page_size(client, network):
    client.force_login(network.coordinator)

    def grow():
        for n in range(10):
            cohort = fx.new_cohort(network, name=f"Promotion {n}")
            fx.bulk_learners(cohort, 2, prefix=f"c{n}")

    count = assert_same_queries(client, COHORTS, grow, small=2, large=12)
    assert count <= 6


def test_enrolment_queries_depend_on_neither_rows_nor_page_size(client, network):
    fx.bulk_learners(network.cohort_a, 4)
    client.force_login(network.trainer_a)
    path = enrollments_path(network.cohort_a.pk)

    def grow():
        fx.bulk_learners(network.cohort_a, 45, prefix="plus")

    count = assert_same_queries(client, path, grow, small=5, large=50)
    assert count <= 5


def test_partner_queries_depend_on_neither_rows_nor_page_size(client, network):
    for _n in range(3):
        PartnerInstitutionFactory()

    def grow():
        for _n in range(45):
            PartnerInstitutionFactory()

    count = assert_same_queries(client, PARTNERS, grow, small=5, large=50)
    assert count <= 2


def test_course_queries_depend_on_neither_courses_nor_page_size(client, network):
    catalogue = network.course.catalogue
    for n in range(3):
        CoursePageFactory(parent=catalogue, title=f"Parcours {n}")

    def grow():
        for n in range(4):
            CoursePageFactory(parent=catalogue, title=f"Parcours plus {n}")

    count = assert_same_queries(client, COURSES, grow, small=4, large=8)
    assert count <= 3


def test_a_course_outline_takes_the_same_queries_whatever_its_size(client, network):
    course = network.course
    path = f"{COURSES}{course.page.pk}/"
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    module = ModulePageFactory(parent=course.page, title="Module Agir")
    for n in range(5):
        UnitPageFactory(parent=module, slug=f"agir-{n}", title=f"Agir {n}")

    with CaptureQueriesContext(connection) as large:
        body = client.get(path).json()

    assert [len(m["units"]) for m in body["modules"]] == [2, 2, 5]
    assert len(large) == len(small) <= 6, len(large)


def test_cohort_counts_do_not_multiply_with_trainers(client, network):
    """Several trainers and many enrolments: each cohort listed once,
    counted right."""
    cohort = network.cohort_a
    cohort.trainers.add(network.trainer_b)
    fx.bulk_learners(cohort, 3)
    client.force_login(network.trainer_b)

    listed = results(client.get(COHORTS))

    assert sorted((c["id"], c["active_learners"]) for c in listed) == sorted(
        [(network.cohort_b.pk, 1), (cohort.pk, 4)]
    )


def test_a_partner_in_another_language_still_scopes_its_coordinator(
    client, network, locales
):
    """A partner exists once per language: a coordinator of the English
    translation covers the cohorts of the French one."""
    english = network.partner_a.copy_for_translation(locales["en"])
    english.save()
    person = network.partner_coordinator_a
    person.partner = english
    person.save()
    CohortFactory(course=network.course.page, partner=network.partner_b)
    client.force_login(person)

    listed = {cohort["id"] for cohort in results(client.get(COHORTS))}

    assert listed == {network.cohort_a.pk}
    assert learner_ids(walk(client, PROGRESS)) == {network.learner_a.pk}
    assert PartnerInstitution.objects.count() == 3


# --- Incremental sync -------------------------------------------------------------


def quiz_statement(learner, quiz, verb, minute, **result) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": learner_agent(learner),
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": quiz},
        "timestamp": f"2026-11-30T10:{minute:02d}:00Z",
        "result": result,
    }


def test_updated_since_hears_of_a_row_the_lrs_changed(client, network):
    """A sync script asks for the rows changed since its last run: a later
    statement on an activity already started must bring its row back."""
    lrs = client_headers([LRSClient.Scope.WRITE], "H5P host")
    learner = network.learner_a
    quiz = network.course.h5p_iri
    first = quiz_statement(learner, quiz, "failed", 1, score={"scaled": 0.4})
    response = client.post(
        "/xapi/statements", json.dumps([first]), "application/json", **lrs
    )
    assert response.status_code == 200, response.content
    # The last sync ran after the row was made.
    ActivityProgress.objects.filter(learner=learner, activity=quiz).update(
        updated_at=timezone.now() - timedelta(hours=1)
    )
    last_sync = timezone.now() - timedelta(minutes=30)
    passed = quiz_statement(
        learner, quiz, "passed", 2, success=True, score={"scaled": 0.9}
    )
    response = client.post(
        "/xapi/statements", json.dumps([passed]), "application/json", **lrs
    )
    assert response.status_code == 200, response.content

    client.force_login(network.trainer_a)
    rows = results(
        client.get(
            PROGRESS,
            {"updated_since": last_sync.isoformat(), "activity": quiz},
        )
    )
    assert [(row["activity"], row["status"]) for row in rows] == [(quiz, "completed")]


def test_a_trainer_reads_their_learners_rows_on_their_course_only(client, network):
    """A learner's rows elsewhere (another course, a museum's own activity)
    are not the cohort's: its pages do not show them, nor does the API."""
    mine = fx.progress(network.learner_a, network.course.h5p_iri)
    elsewhere = fx.progress(network.learner_a, OTHER_IRI)
    client.force_login(network.trainer_a)
    listed = {row["id"] for row in walk(client, PROGRESS)}
    assert mine.pk in listed
    assert elsewhere.pk not in listed
    client.force_login(network.learner_a)  # their own rows, all of them
    assert elsewhere.pk in {row["id"] for row in walk(client, PROGRESS)}


def test_an_order_the_list_cannot_take_is_an_error(client, network):
    client.force_login(network.learner_a)
    for ordering in ("updated", "learner", "-id,status", "id__x"):
        response = client.get(PROGRESS, {"ordering": ordering})
        assert response.status_code == 400, ordering
        assert "updated_at" in response.json()["errors"]["ordering"][0]
    assert client.get(PROGRESS, {"ordering": "-updated_at"}).status_code == 200
