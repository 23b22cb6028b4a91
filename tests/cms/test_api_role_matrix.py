"""The role × endpoint × method matrix of ``/api/v1/``.

Each role gets one network (``tests/lms/dashboard_fixtures.py``) and walks
every route of the API with every method: the tables below say the exact
status of each cell, one line per role, so a change of who may do what is a
change of this file. Lists are walked page by page (``page_size=1``, every
cursor followed) and must hold exactly the role's scope, never a row of
another scope; no body an A-scoped role gets may name a person of B.

People act through personal tokens (``Authorization: Bearer``), as a
partner's script does; one extra line repeats a role over a browser session
(CSRF included) and must read exactly like its token line.
"""

import json

import pytest
from django.test import Client
from django.urls import get_resolver

from cms.models import ApiToken
from lms.models import ActivityProgress, Enrollment
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

API = "/api/v1/"
PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
WRITES = ("post", "put", "patch", "delete")

# The cells of a line, in order: every list and detail route under /api/v1/
# (test_the_columns_are_every_route checks that none is missing), with the
# network's objects of scope A and scope B where a route names one.
COLUMNS = (
    "me",
    "courses",
    "course",
    "partners",
    "partner_a",
    "partner_b",
    "cohorts",
    "cohort_a",
    "cohort_b",
    "enrollments_a",
    "enrollments_b",
    "progress",
)

# fmt: off
# GET, by role, one cell per column of COLUMNS (abbreviated):
#                             me  crs cr1 prt pA  pB  coh cA  cB  eA  eB  prg
GET = {
    "anonymous":             "401 200 200 200 200 200 401 401 401 401 401 401",
    "learner_a":             "200 200 200 200 200 200 200 404 404 404 404 200",
    "learner_b":             "200 200 200 200 200 200 200 404 404 404 404 200",
    "trainer_a":             "200 200 200 200 200 200 200 200 404 200 404 200",
    "trainer_b":             "200 200 200 200 200 200 200 404 200 404 200 200",
    "editor_a":              "200 200 200 200 200 200 200 404 404 404 404 200",
    "editor_b":              "200 200 200 200 200 200 200 404 404 404 404 200",
    "network_coordinator":   "200 200 200 200 200 200 200 200 200 404 404 200",
    "partner_coordinator_a": "200 200 200 200 200 200 200 200 404 404 404 200",
    "superuser":             "200 200 200 200 200 200 200 200 200 200 200 200",
    "trainer_a_session":     "200 200 200 200 200 200 200 200 404 200 404 200",
}
# POST, PUT, PATCH and DELETE (the same for the four): every route is
# read-only. Signed out, the routes that need a person say so first (401);
# the public ones refuse the method (405). Signed in, every one refuses it.
WRITE = {
    "anonymous":             "401 405 405 405 405 405 401 401 401 401 401 401",
    "learner_a":             "405 405 405 405 405 405 405 405 405 405 405 405",
    "learner_b":             "405 405 405 405 405 405 405 405 405 405 405 405",
    "trainer_a":             "405 405 405 405 405 405 405 405 405 405 405 405",
    "trainer_b":             "405 405 405 405 405 405 405 405 405 405 405 405",
    "editor_a":              "405 405 405 405 405 405 405 405 405 405 405 405",
    "editor_b":              "405 405 405 405 405 405 405 405 405 405 405 405",
    "network_coordinator":   "405 405 405 405 405 405 405 405 405 405 405 405",
    "partner_coordinator_a": "405 405 405 405 405 405 405 405 405 405 405 405",
    "superuser":             "405 405 405 405 405 405 405 405 405 405 405 405",
    "trainer_a_session":     "405 405 405 405 405 405 405 405 405 405 405 405",
}
# fmt: on

# What each list holds, by role (names of the ``scoped`` fixture's objects).
# Progress is named by learner: every row of theirs, none of anyone else.
COHORTS_LISTED = {
    "learner_a": set(),
    "learner_b": set(),
    "trainer_a": {"cohort_a"},
    "trainer_b": {"cohort_b"},
    "editor_a": set(),
    "editor_b": set(),
    "network_coordinator": {"cohort_a", "cohort_b"},
    "partner_coordinator_a": {"cohort_a"},
    "superuser": {"cohort_a", "cohort_b"},
}
PROGRESS_OF = {
    "learner_a": {"learner_a"},
    "learner_b": {"learner_b"},
    "trainer_a": {"learner_a", "trainer_a"},
    "trainer_b": {"learner_b", "learner_b2"},
    "editor_a": set(),
    "editor_b": set(),
    "network_coordinator": {
        "learner_a",
        "trainer_a",
        "learner_b",
        "learner_b2",
        "outsider",
    },
    "partner_coordinator_a": {"learner_a"},
    "superuser": {"learner_a", "trainer_a", "learner_b", "learner_b2", "outsider"},
}
ENROLLMENTS_LISTED = {
    "trainer_a": {"enrollments_a": {"enrollment_a"}},
    "trainer_b": {"enrollments_b": {"enrollment_b", "enrollment_b2"}},
    "superuser": {
        "enrollments_a": {"enrollment_a"},
        "enrollments_b": {"enrollment_b", "enrollment_b2"},
    },
}
# The roles confined to one side: no body they get may show the other side.
SIDE = {
    "learner_a": "a",
    "trainer_a": "a",
    "editor_a": "a",
    "partner_coordinator_a": "a",
    "trainer_a_session": "a",
    "learner_b": "b",
    "trainer_b": "b",
    "editor_b": "b",
}
# The people of each side (the outsider is on neither).
SIDE_PEOPLE = {
    "a": ("learner_a", "trainer_a"),
    "b": ("learner_b", "learner_b2", "trainer_b"),
}
SESSION_ROLES = {"trainer_a_session": "trainer_a"}
ROLES = list(GET)


def cells(line: str) -> list[int]:
    return [int(code) for code in line.split()]


# --- The network ------------------------------------------------------------------


@pytest.fixture
def scoped(network):
    """The dashboard network with more rows on each side, so lists take
    several pages and side B has two people: learner B2 (pending in
    cohort B), an outsider enrolled nowhere, and a trainer who tried an
    activity themselves."""
    course = network.course
    learner_b2 = fx.make_learner(
        first_name="Berenice",
        last_name="Basilic",
        email="berenice.basilic@example.org",
        username="berenice.basilic@example.org",
    )
    enrollment_b2 = fx.enrol(
        network.cohort_b, learner_b2, status=Enrollment.Status.PENDING
    )
    outsider = fx.make_learner(first_name="Olga", last_name="Outsider")
    for learner in (network.learner_a, network.learner_b, learner_b2):
        fx.progress(learner, course.h5p_iri, score=0.8, success=True)
        fx.progress(learner, course.units[0].activity_iri)
    fx.progress(outsider, course.assignment_iri)
    fx.progress(network.trainer_a, course.h5p_iri, score=0.6, success=True)
    return {
        **vars(network),
        **network.users,
        "learner_b2": learner_b2,
        "enrollment_b2": enrollment_b2,
        "outsider": outsider,
        "course": course.page,
    }


def urls(objects) -> dict[str, str]:
    cohort_a, cohort_b = objects["cohort_a"].pk, objects["cohort_b"].pk
    return {
        "me": f"{API}me/",
        "courses": f"{API}courses/",
        "course": f"{API}courses/{objects['course'].pk}/",
        "partners": f"{API}partners/",
        "partner_a": f"{API}partners/{objects['partner_a'].pk}/",
        "partner_b": f"{API}partners/{objects['partner_b'].pk}/",
        "cohorts": f"{API}cohorts/",
        "cohort_a": f"{API}cohorts/{cohort_a}/",
        "cohort_b": f"{API}cohorts/{cohort_b}/",
        "enrollments_a": f"{API}cohorts/{cohort_a}/enrollments/",
        "enrollments_b": f"{API}cohorts/{cohort_b}/enrollments/",
        "progress": f"{API}progress/",
    }


def marks_of(side, objects) -> set[str]:
    """What would betray a side in a body: its people's names and addresses."""
    people = [objects[name] for name in SIDE_PEOPLE[side]]
    return {p.email for p in people} | {p.last_name for p in people}


CSRF_SECRET = "c" * 32  # an unmasked 32-character secret is a valid token


def client_for(role, objects) -> tuple[Client, dict]:
    """A client acting as the role, and the headers every unsafe request adds."""
    if role == "anonymous":
        return Client(), {}
    if role in SESSION_ROLES:
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(objects[SESSION_ROLES[role]])
        browser.cookies["csrftoken"] = CSRF_SECRET
        return browser, {"HTTP_X_CSRFTOKEN": CSRF_SECRET}
    _token, plaintext = ApiToken.issue(objects[role], "role matrix")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}"), {}


def send(client, method, url, extra):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(
        url, json.dumps({}), content_type="application/json", **extra
    )


def problem_mistakes(response, expected) -> list[str]:
    """Why an error response is not the problem+json the API promises."""
    if response["Content-Type"] != PROBLEM:
        return [f"Content-Type {response['Content-Type']!r}, not {PROBLEM}"]
    body = response.json()
    mistakes = []
    if set(body) != PROBLEM_KEYS:
        mistakes.append(f"keys {sorted(body)}")
    if body.get("status") != expected:
        mistakes.append(f"status field {body.get('status')!r}")
    if not str(body.get("type", "")).startswith("urn:chainon:problem:"):
        mistakes.append(f"type {body.get('type')!r}")
    if expected == 401 and response.get("WWW-Authenticate") != "Bearer":
        mistakes.append(f"WWW-Authenticate {response.get('WWW-Authenticate')!r}")
    if expected == 405:
        allowed = {m.strip() for m in response.get("Allow", "").split(",")}
        if "GET" not in allowed or {m.upper() for m in WRITES} & allowed:
            mistakes.append(f"Allow {response.get('Allow')!r}")
    return mistakes


def walk(client, url) -> tuple[list[dict], list[bytes]]:
    """Every row of a list, one per page: every cursor of it gets followed."""
    rows, bodies = [], []
    response = client.get(url, {"page_size": 1})
    for _page in range(100):
        assert response.status_code == 200, (url, response.content)
        bodies.append(response.content)
        body = response.json()
        rows += body["results"]
        if not body["next"]:
            assert len(bodies) == max(len(rows), 1), "one row per page"
            return rows, bodies
        response = client.get(body["next"])
    raise AssertionError(f"the cursor of {url} never ends")


# --- The matrix -------------------------------------------------------------------


def test_every_line_has_a_cell_per_column():
    assert set(GET) == set(WRITE)
    for table in (GET, WRITE):
        for role, line in table.items():
            assert len(cells(line)) == len(COLUMNS), role


def test_the_columns_are_every_route():
    """A new route under /api/v1/ must get a column (and a line's worth of
    expectations) here before it ships."""
    routes = set()

    def collect(patterns, prefix):
        for pattern in patterns:
            here = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                collect(pattern.url_patterns, here)
            else:
                routes.add(here)

    collect(get_resolver().url_patterns, "")
    v1 = sorted(r for r in routes if r.startswith("api/v1/"))
    documentation = {"api/v1/schema/", "api/v1/docs/", "api/v1/redoc/"}
    # The router's patterns ("^courses/(?P<pk>[0-9]{1,9})/$"), by shape.
    shapes = {
        "api/v1/me/": "me",
        "api/v1/^courses/$": "courses",
        "api/v1/^courses/(?P<pk>[0-9]{1,9})/$": "course",
        "api/v1/^partners/$": "partners",
        "api/v1/^partners/(?P<pk>[0-9]{1,18})/$": "partner",
        "api/v1/^cohorts/$": "cohorts",
        "api/v1/^cohorts/(?P<pk>[0-9]{1,18})/$": "cohort",
        "api/v1/^cohorts/(?P<cohort_id>[0-9]{1,18})/enrollments/$": "enrollments",
        "api/v1/^progress/$": "progress",
    }
    assert set(v1) - documentation == set(shapes), v1
    assert {c.removesuffix("_a").removesuffix("_b") for c in COLUMNS} == set(
        shapes.values()
    )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_its_statuses_and_its_scope(scoped, role):
    client, unsafe_extra = client_for(role, scoped)
    addresses = urls(scoped)
    person = SESSION_ROLES.get(role, role)

    mismatches, bodies = [], []
    for column, get_status, write_status in zip(
        COLUMNS, cells(GET[role]), cells(WRITE[role]), strict=True
    ):
        url = addresses[column]
        for method in ("get", *WRITES):
            expected = get_status if method == "get" else write_status
            response = send(client, method, url, unsafe_extra)
            bodies.append(response.content)
            cell = f"{role:>22} {method.upper():>6} {column:<14}"
            if response.status_code != expected:
                mismatches.append(f"{cell} {response.status_code}, expected {expected}")
            elif expected >= 400:
                mismatches += [
                    f"{cell} {m}" for m in problem_mistakes(response, expected)
                ]
    assert not mismatches, "\n".join(["", *mismatches])

    if person == "anonymous":
        return
    me = client.get(addresses["me"]).json()
    assert me["id"] == scoped[person].pk, "the credentials act for someone else"

    # Lists: exactly the role's scope, on every page.
    cohort_rows, cohort_bodies = walk(client, addresses["cohorts"])
    assert {row["id"] for row in cohort_rows} == {
        scoped[name].pk for name in COHORTS_LISTED[person]
    }
    progress_rows, progress_bodies = walk(client, addresses["progress"])
    visible_learners = {scoped[name].pk for name in PROGRESS_OF[person]}
    assert {row["id"] for row in progress_rows} == set(
        ActivityProgress.objects.filter(learner__in=visible_learners).values_list(
            "id", flat=True
        )
    )
    bodies += cohort_bodies + progress_bodies
    enrollment_rows = []
    for column, names in ENROLLMENTS_LISTED.get(person, {}).items():
        rows, pages = walk(client, addresses[column])
        assert {row["id"] for row in rows} == {scoped[n].pk for n in names}, column
        enrollment_rows += rows
        bodies += pages

    # Never a row of the other side: ids, and names anywhere in any body.
    side = SIDE.get(role)
    if side is None:
        return
    other = "b" if side == "a" else "a"
    others = [scoped[name] for name in SIDE_PEOPLE[other]]
    other_rows = set(
        ActivityProgress.objects.filter(learner__in=others).values_list("id", flat=True)
    )
    other_enrollments = set(
        Enrollment.objects.filter(cohort=scoped[f"cohort_{other}"]).values_list(
            "id", flat=True
        )
    )
    assert other_rows and other_enrollments
    assert not {row["id"] for row in progress_rows} & other_rows
    assert not {row["learner"] for row in progress_rows} & {p.pk for p in others}
    assert scoped[f"cohort_{other}"].pk not in {row["id"] for row in cohort_rows}
    assert not {row["id"] for row in enrollment_rows} & other_enrollments
    leaks = {
        m for m in marks_of(other, scoped) for body in bodies if m.encode() in body
    }
    assert not leaks, f"{role} was shown side {other.upper()}: {leaks}"
    if enrollment_rows:  # the same search does find a name where one belongs
        own = marks_of(side, scoped)
        assert any(m.encode() in body for m in own for body in bodies)


def test_a_session_without_its_csrf_token_cannot_write(scoped):
    """The session line above sends the CSRF token; without it, a browser
    session is refused before the method is even looked at (403), while the
    same person's token needs none (the matrix's 405)."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(scoped["trainer_a"])
    mismatches = []
    for column, url in urls(scoped).items():
        expected = cells(GET["trainer_a"])[COLUMNS.index(column)]
        assert browser.get(url).status_code == expected
        for method in WRITES:
            response = send(browser, method, url, {})
            cell = f"{method.upper():>6} {column:<14}"
            if response.status_code != 403:
                mismatches.append(f"{cell} {response.status_code}, expected 403")
            else:
                mismatches += [f"{cell} {m}" for m in problem_mistakes(response, 403)]
    assert not mismatches, "\n".join(["", *mismatches])
