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
import uuid

import pytest
from django.test import Client
from django.urls import get_resolver

from cms.models import ApiToken
from lms.models import ActivityProgress, Enrollment
from media.h5p_models import H5PPackage
from mediation import spaces
from mediation.models import MediationResourcePage, PartnerIndexPage, PartnerListPage
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

API = "/api/v1/"
PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
WRITES = ("post", "put", "patch", "delete")

# The routes under /api/v1/ (test_the_columns_are_every_route checks that
# none is missing), one column each, with the network's objects of scope A
# and scope B where a route names one; in groups of at most 14, so that a
# table line stays readable.
GROUPS = {
    "public": (
        "me",
        "courses",
        "course",
        "partners",
        "partner_a",
        "partner_b",
        "resources",
        "resource_a",
        "resource_b",
    ),
    "cohorts": (
        "cohorts",
        "cohort_a",
        "cohort_b",
        "enrollments_a",
        "enrollments_b",
        "enrollment_a",
        "enrollment_b",
        "progress",
    ),
    "reviews": (
        "reports",
        "report_a",
        "report_b",
        "report_review_a",
        "report_review_b",
        "contributions",
        "contribution_a",
        "contribution_b",
        "contribution_review_a",
        "contribution_review_b",
    ),
    "h5p": ("h5p_packages", "h5p_a", "h5p_b"),
}
COLUMNS = tuple(column for group in GROUPS.values() for column in group)
METHODS = ("get", "post", "put", "patch", "delete")

# fmt: off
# The exact status of every cell, by method, group and role: one line per
# role, one cell per column of the group (abbreviated in the header lines).
# Writes send an empty JSON object: a 400 says the person got past the
# permission checks to the validation, without writing anything.
MATRIX = {
    "GET": {
        "public": {
            #                          me  crs cr1 prt pA  pB  res rA  rB
            "anonymous":             "401 200 200 200 200 200 200 404 404",
            "learner_a":             "200 200 200 200 200 200 200 404 404",
            "learner_b":             "200 200 200 200 200 200 200 404 404",
            "trainer_a":             "200 200 200 200 200 200 200 404 404",
            "trainer_b":             "200 200 200 200 200 200 200 404 404",
            "editor_a":              "200 200 200 200 200 200 200 200 404",
            "editor_b":              "200 200 200 200 200 200 200 404 200",
            "network_coordinator":   "200 200 200 200 200 200 200 200 200",
            "partner_coordinator_a": "200 200 200 200 200 200 200 404 404",
            "superuser":             "200 200 200 200 200 200 200 200 200",
            "trainer_a_session":     "200 200 200 200 200 200 200 404 404",
        },
        "cohorts": {
            #                          coh cA  cB  esA esB e1A e1B prg
            "anonymous":             "401 401 401 401 401 401 401 401",
            "learner_a":             "200 404 404 404 404 404 404 200",
            "learner_b":             "200 404 404 404 404 404 404 200",
            "trainer_a":             "200 200 404 200 404 200 404 200",
            "trainer_b":             "200 404 200 404 200 404 200 200",
            "editor_a":              "200 404 404 404 404 404 404 200",
            "editor_b":              "200 404 404 404 404 404 404 200",
            "network_coordinator":   "200 200 200 404 404 404 404 200",
            "partner_coordinator_a": "200 200 404 404 404 404 404 200",
            "superuser":             "200 200 200 200 200 200 200 200",
            "trainer_a_session":     "200 200 404 200 404 200 404 200",
        },
        "reviews": {
            #                          rep r1A r1B rvA rvB con c1A c1B cvA cvB
            "anonymous":             "401 401 401 401 401 401 401 401 401 401",
            "learner_a":             "200 200 404 405 405 200 200 404 405 405",
            "learner_b":             "200 404 200 405 405 200 404 200 405 405",
            "trainer_a":             "200 200 404 405 405 200 200 200 405 405",
            "trainer_b":             "200 404 200 405 405 200 200 200 405 405",
            "editor_a":              "200 404 404 405 405 200 404 404 405 405",
            "editor_b":              "200 404 404 405 405 200 404 404 405 405",
            "network_coordinator":   "200 404 404 405 405 200 404 404 405 405",
            "partner_coordinator_a": "200 404 404 405 405 200 404 404 405 405",
            "superuser":             "200 200 200 405 405 200 200 200 405 405",
            "trainer_a_session":     "200 200 404 405 405 200 200 200 405 405",
        },
        "h5p": {
            #                          h5p hA  hB
            "anonymous":             "401 401 401",
            "learner_a":             "403 403 403",
            "learner_b":             "403 403 403",
            "trainer_a":             "403 403 403",
            "trainer_b":             "403 403 403",
            "editor_a":              "200 200 404",
            "editor_b":              "200 404 200",
            "network_coordinator":   "403 403 403",
            "partner_coordinator_a": "403 403 403",
            "superuser":             "200 200 200",
            "trainer_a_session":     "403 403 403",
        },
    },
    "POST": {
        "public": {
            #                          me  crs cr1 prt pA  pB  res rA  rB
            "anonymous":             "401 405 405 405 405 405 401 405 405",
            "learner_a":             "405 405 405 405 405 405 403 405 405",
            "learner_b":             "405 405 405 405 405 405 403 405 405",
            "trainer_a":             "405 405 405 405 405 405 403 405 405",
            "trainer_b":             "405 405 405 405 405 405 403 405 405",
            "editor_a":              "405 405 405 405 405 405 400 405 405",
            "editor_b":              "405 405 405 405 405 405 400 405 405",
            "network_coordinator":   "405 405 405 405 405 405 400 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 403 405 405",
            "superuser":             "405 405 405 405 405 405 400 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 403 405 405",
        },
        "cohorts": {
            #                          coh cA  cB  esA esB e1A e1B prg
            "anonymous":             "401 401 401 401 401 401 401 401",
            "learner_a":             "403 405 405 404 404 405 405 405",
            "learner_b":             "403 405 405 404 404 405 405 405",
            "trainer_a":             "400 405 405 400 404 405 405 405",
            "trainer_b":             "400 405 405 404 400 405 405 405",
            "editor_a":              "403 405 405 404 404 405 405 405",
            "editor_b":              "403 405 405 404 404 405 405 405",
            "network_coordinator":   "403 405 405 404 404 405 405 405",
            "partner_coordinator_a": "403 405 405 404 404 405 405 405",
            "superuser":             "400 405 405 400 400 405 405 405",
            "trainer_a_session":     "400 405 405 400 404 405 405 405",
        },
        "reviews": {
            #                          rep r1A r1B rvA rvB con c1A c1B cvA cvB
            "anonymous":             "401 401 401 401 401 401 401 401 401 401",
            "learner_a":             "405 405 405 403 404 405 405 405 403 404",
            "learner_b":             "405 405 405 404 403 405 405 405 404 403",
            "trainer_a":             "405 405 405 400 404 405 405 405 400 400",
            "trainer_b":             "405 405 405 404 400 405 405 405 400 400",
            "editor_a":              "405 405 405 404 404 405 405 405 404 404",
            "editor_b":              "405 405 405 404 404 405 405 405 404 404",
            "network_coordinator":   "405 405 405 404 404 405 405 405 404 404",
            "partner_coordinator_a": "405 405 405 404 404 405 405 405 404 404",
            "superuser":             "405 405 405 400 400 405 405 405 400 400",
            "trainer_a_session":     "405 405 405 400 404 405 405 405 400 400",
        },
        "h5p": {
            #                          h5p hA  hB
            "anonymous":             "401 401 401",
            "learner_a":             "403 405 405",
            "learner_b":             "403 405 405",
            "trainer_a":             "403 405 405",
            "trainer_b":             "403 405 405",
            "editor_a":              "400 405 405",
            "editor_b":              "400 405 405",
            "network_coordinator":   "403 405 405",
            "partner_coordinator_a": "403 405 405",
            "superuser":             "400 405 405",
            "trainer_a_session":     "403 405 405",
        },
    },
    "PUT": {
        "public": {
            #                          me  crs cr1 prt pA  pB  res rA  rB
            "anonymous":             "401 405 405 405 405 405 405 401 401",
            "learner_a":             "405 405 405 405 405 405 405 404 404",
            "learner_b":             "405 405 405 405 405 405 405 404 404",
            "trainer_a":             "405 405 405 405 405 405 405 404 404",
            "trainer_b":             "405 405 405 405 405 405 405 404 404",
            "editor_a":              "405 405 405 405 405 405 405 400 404",
            "editor_b":              "405 405 405 405 405 405 405 404 400",
            "network_coordinator":   "405 405 405 405 405 405 405 400 400",
            "partner_coordinator_a": "405 405 405 405 405 405 405 404 404",
            "superuser":             "405 405 405 405 405 405 405 400 400",
            "trainer_a_session":     "405 405 405 405 405 405 405 404 404",
        },
        "cohorts": {
            #                          coh cA  cB  esA esB e1A e1B prg
            "anonymous":             "401 401 401 401 401 401 401 401",
            "learner_a":             "405 404 404 405 405 405 405 405",
            "learner_b":             "405 404 404 405 405 405 405 405",
            "trainer_a":             "405 400 404 405 405 405 405 405",
            "trainer_b":             "405 404 400 405 405 405 405 405",
            "editor_a":              "405 404 404 405 405 405 405 405",
            "editor_b":              "405 404 404 405 405 405 405 405",
            "network_coordinator":   "405 403 403 405 405 405 405 405",
            "partner_coordinator_a": "405 403 404 405 405 405 405 405",
            "superuser":             "405 400 400 405 405 405 405 405",
            "trainer_a_session":     "405 400 404 405 405 405 405 405",
        },
        "reviews": {
            #                          rep r1A r1B rvA rvB con c1A c1B cvA cvB
            "anonymous":             "401 401 401 401 401 401 401 401 401 401",
            "learner_a":             "405 405 405 405 405 405 405 405 405 405",
            "learner_b":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_b":             "405 405 405 405 405 405 405 405 405 405",
            "editor_a":              "405 405 405 405 405 405 405 405 405 405",
            "editor_b":              "405 405 405 405 405 405 405 405 405 405",
            "network_coordinator":   "405 405 405 405 405 405 405 405 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 405 405 405 405",
            "superuser":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 405 405 405 405",
        },
        "h5p": {
            #                          h5p hA  hB
            "anonymous":             "401 401 401",
            "learner_a":             "405 405 405",
            "learner_b":             "405 405 405",
            "trainer_a":             "405 405 405",
            "trainer_b":             "405 405 405",
            "editor_a":              "405 405 405",
            "editor_b":              "405 405 405",
            "network_coordinator":   "405 405 405",
            "partner_coordinator_a": "405 405 405",
            "superuser":             "405 405 405",
            "trainer_a_session":     "405 405 405",
        },
    },
    "PATCH": {
        "public": {
            #                          me  crs cr1 prt pA  pB  res rA  rB
            "anonymous":             "401 405 405 405 405 405 405 401 401",
            "learner_a":             "405 405 405 405 405 405 405 404 404",
            "learner_b":             "405 405 405 405 405 405 405 404 404",
            "trainer_a":             "405 405 405 405 405 405 405 404 404",
            "trainer_b":             "405 405 405 405 405 405 405 404 404",
            "editor_a":              "405 405 405 405 405 405 405 200 404",
            "editor_b":              "405 405 405 405 405 405 405 404 200",
            "network_coordinator":   "405 405 405 405 405 405 405 200 200",
            "partner_coordinator_a": "405 405 405 405 405 405 405 404 404",
            "superuser":             "405 405 405 405 405 405 405 200 200",
            "trainer_a_session":     "405 405 405 405 405 405 405 404 404",
        },
        "cohorts": {
            #                          coh cA  cB  esA esB e1A e1B prg
            "anonymous":             "401 401 401 401 401 401 401 401",
            "learner_a":             "405 404 404 405 405 404 404 405",
            "learner_b":             "405 404 404 405 405 404 404 405",
            "trainer_a":             "405 200 404 405 405 400 404 405",
            "trainer_b":             "405 404 200 405 405 404 400 405",
            "editor_a":              "405 404 404 405 405 404 404 405",
            "editor_b":              "405 404 404 405 405 404 404 405",
            "network_coordinator":   "405 403 403 405 405 404 404 405",
            "partner_coordinator_a": "405 403 404 405 405 404 404 405",
            "superuser":             "405 200 200 405 405 400 400 405",
            "trainer_a_session":     "405 200 404 405 405 400 404 405",
        },
        "reviews": {
            #                          rep r1A r1B rvA rvB con c1A c1B cvA cvB
            "anonymous":             "401 401 401 401 401 401 401 401 401 401",
            "learner_a":             "405 405 405 405 405 405 405 405 405 405",
            "learner_b":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_b":             "405 405 405 405 405 405 405 405 405 405",
            "editor_a":              "405 405 405 405 405 405 405 405 405 405",
            "editor_b":              "405 405 405 405 405 405 405 405 405 405",
            "network_coordinator":   "405 405 405 405 405 405 405 405 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 405 405 405 405",
            "superuser":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 405 405 405 405",
        },
        "h5p": {
            #                          h5p hA  hB
            "anonymous":             "401 401 401",
            "learner_a":             "405 403 403",
            "learner_b":             "405 403 403",
            "trainer_a":             "405 403 403",
            "trainer_b":             "405 403 403",
            "editor_a":              "405 200 404",
            "editor_b":              "405 404 200",
            "network_coordinator":   "405 403 403",
            "partner_coordinator_a": "405 403 403",
            "superuser":             "405 200 200",
            "trainer_a_session":     "405 403 403",
        },
    },
    "DELETE": {
        "public": {
            #                          me  crs cr1 prt pA  pB  res rA  rB
            "anonymous":             "401 405 405 405 405 405 405 405 405",
            "learner_a":             "405 405 405 405 405 405 405 405 405",
            "learner_b":             "405 405 405 405 405 405 405 405 405",
            "trainer_a":             "405 405 405 405 405 405 405 405 405",
            "trainer_b":             "405 405 405 405 405 405 405 405 405",
            "editor_a":              "405 405 405 405 405 405 405 405 405",
            "editor_b":              "405 405 405 405 405 405 405 405 405",
            "network_coordinator":   "405 405 405 405 405 405 405 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 405 405 405",
            "superuser":             "405 405 405 405 405 405 405 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 405 405 405",
        },
        "cohorts": {
            #                          coh cA  cB  esA esB e1A e1B prg
            "anonymous":             "401 401 401 401 401 401 401 401",
            "learner_a":             "405 405 405 405 405 405 405 405",
            "learner_b":             "405 405 405 405 405 405 405 405",
            "trainer_a":             "405 405 405 405 405 405 405 405",
            "trainer_b":             "405 405 405 405 405 405 405 405",
            "editor_a":              "405 405 405 405 405 405 405 405",
            "editor_b":              "405 405 405 405 405 405 405 405",
            "network_coordinator":   "405 405 405 405 405 405 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 405 405",
            "superuser":             "405 405 405 405 405 405 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 405 405",
        },
        "reviews": {
            #                          rep r1A r1B rvA rvB con c1A c1B cvA cvB
            "anonymous":             "401 401 401 401 401 401 401 401 401 401",
            "learner_a":             "405 405 405 405 405 405 405 405 405 405",
            "learner_b":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_b":             "405 405 405 405 405 405 405 405 405 405",
            "editor_a":              "405 405 405 405 405 405 405 405 405 405",
            "editor_b":              "405 405 405 405 405 405 405 405 405 405",
            "network_coordinator":   "405 405 405 405 405 405 405 405 405 405",
            "partner_coordinator_a": "405 405 405 405 405 405 405 405 405 405",
            "superuser":             "405 405 405 405 405 405 405 405 405 405",
            "trainer_a_session":     "405 405 405 405 405 405 405 405 405 405",
        },
        "h5p": {
            #                          h5p hA  hB
            "anonymous":             "401 401 401",
            "learner_a":             "405 405 405",
            "learner_b":             "405 405 405",
            "trainer_a":             "405 405 405",
            "trainer_b":             "405 405 405",
            "editor_a":              "405 405 405",
            "editor_b":              "405 405 405",
            "network_coordinator":   "405 405 405",
            "partner_coordinator_a": "405 405 405",
            "superuser":             "405 405 405",
            "trainer_a_session":     "405 405 405",
        },
    },
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
PUBLIC_RESOURCES = {"live_a", "live_b"}
# Drafts: a partner's editors see theirs; coordinators and administrators,
# who edit every page in the admin, see all.
RESOURCES_LISTED = {
    "learner_a": PUBLIC_RESOURCES,
    "learner_b": PUBLIC_RESOURCES,
    "trainer_a": PUBLIC_RESOURCES,
    "trainer_b": PUBLIC_RESOURCES,
    "editor_a": PUBLIC_RESOURCES | {"resource_a"},
    "editor_b": PUBLIC_RESOURCES | {"resource_b"},
    "network_coordinator": PUBLIC_RESOURCES | {"resource_a", "resource_b"},
    "partner_coordinator_a": PUBLIC_RESOURCES,
    "superuser": PUBLIC_RESOURCES | {"resource_a", "resource_b"},
}
REPORTS_LISTED = {
    "learner_a": {"report_a"},
    "learner_b": {"report_b"},
    "trainer_a": {"report_a"},
    "trainer_b": {"report_b"},
    "editor_a": set(),
    "editor_b": set(),
    "network_coordinator": set(),
    "partner_coordinator_a": set(),
    "superuser": {"report_a", "report_b"},
}
# Both cohorts follow the same course, whose trainers all review the
# contributions made to it, from whichever cohort: on the site as here.
CONTRIBUTIONS_LISTED = {
    "learner_a": {"contribution_a"},
    "learner_b": {"contribution_b"},
    "trainer_a": {"contribution_a", "contribution_b"},
    "trainer_b": {"contribution_a", "contribution_b"},
    "editor_a": set(),
    "editor_b": set(),
    "network_coordinator": set(),
    "partner_coordinator_a": set(),
    "superuser": {"contribution_a", "contribution_b"},
}
SHARED_BY_A_COURSE = {
    "contributions",
    "contribution_a",
    "contribution_b",
    "contribution_review_a",
    "contribution_review_b",
}
H5P_LISTED = {
    "editor_a": {"h5p_a"},
    "editor_b": {"h5p_b"},
    "superuser": {"h5p_a", "h5p_b"},
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
ROLES = [
    "anonymous",
    "learner_a",
    "learner_b",
    "trainer_a",
    "trainer_b",
    "editor_a",
    "editor_b",
    "network_coordinator",
    "partner_coordinator_a",
    "superuser",
    "trainer_a_session",
]


def cells(line: str) -> list[int]:
    return [int(code) for code in line.split()]


def expected(role, method, column) -> int:
    for group, columns in GROUPS.items():
        if column in columns:
            line = MATRIX[method.upper()][group][role]
            return cells(line)[columns.index(column)]
    raise KeyError(column)


# --- The network ------------------------------------------------------------------


@pytest.fixture
def scoped(network, locales):
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
    report_a, contribution_a = fx.report_and_contribution(course, network.enrollment_a)
    report_b, contribution_b = fx.report_and_contribution(course, network.enrollment_b)
    return {
        **vars(network),
        **network.users,
        **partner_area(network, locales),
        "learner_b2": learner_b2,
        "enrollment_b2": enrollment_b2,
        "outsider": outsider,
        "course": course.page,
        "report_a": report_a,
        "report_b": report_b,
        "contribution_a": contribution_a,
        "contribution_b": contribution_b,
    }


def partner_area(network, locales) -> dict:
    """Each partner's space (index page, editors, collection) with a live
    resource, a draft and an H5P package."""
    listing = PartnerListPage(title="Partenaires", slug="partenaires")
    listing.locale = locales["fr"]
    network.course.catalogue.get_parent().add_child(instance=listing)
    listing.save_revision().publish()
    objects = {}
    for side in ("a", "b"):
        partner = getattr(network, f"partner_{side}")
        editor = getattr(network, f"editor_{side}")
        index = PartnerIndexPage(
            title=partner.name,
            slug=partner.slug,
            partner=partner,
            locale=locales["fr"],
        )
        listing.add_child(instance=index)
        index.save_revision().publish()
        spaces.add_editor(editor, partner)
        for title, live in ((f"Visite {side}", True), (f"Brouillon {side}", False)):
            page = MediationResourcePage(
                title=title,
                summary="Une ressource.",
                resource_type="audio_guide",
                live=False,
                owner=editor,
            )
            index.add_child(instance=page)
            revision = page.save_revision(user=editor)
            if live:
                revision.publish()
            objects[f"{'live' if live else 'resource'}_{side}"] = page
        objects[f"h5p_{side}"] = H5PPackage.objects.create(
            title=f"Quiz {side}",
            collection=spaces.space_of(partner).collection,
            owner=editor,
            file=f"h5p-packages/{uuid.uuid4()}/quiz.h5p",
            status=H5PPackage.Status.READY,
        )
    return objects


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
        "enrollment_a": f"{API}cohorts/{cohort_a}/enrollments/"
        f"{objects['enrollment_a'].pk}/",
        "enrollment_b": f"{API}cohorts/{cohort_b}/enrollments/"
        f"{objects['enrollment_b'].pk}/",
        "progress": f"{API}progress/",
        "resources": f"{API}resources/",
        "reports": f"{API}field-reports/",
        "contributions": f"{API}contributions/",
        "h5p_packages": f"{API}h5p-packages/",
        **{
            f"{name}_{side}": f"{API}{path}/{objects[f'{name}_{side}'].pk}/"
            for name, path in (
                ("resource", "resources"),
                ("report", "field-reports"),
                ("contribution", "contributions"),
                ("h5p", "h5p-packages"),
            )
            for side in ("a", "b")
        },
        **{
            f"{name}_review_{side}": f"{API}{path}/{objects[f'{name}_{side}'].pk}"
            "/review/"
            for name, path in (
                ("report", "field-reports"),
                ("contribution", "contributions"),
            )
            for side in ("a", "b")
        },
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


def problem_mistakes(response, expected, method="get") -> list[str]:
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
        if method.upper() in allowed or not allowed - {"OPTIONS"}:
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
    assert set(MATRIX) == {method.upper() for method in METHODS}
    for tables in MATRIX.values():
        assert set(tables) == set(GROUPS)
        for group, table in tables.items():
            assert list(table) == ROLES, group
            for role, line in table.items():
                assert len(cells(line)) == len(GROUPS[group]), (group, role)


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
        "api/v1/^cohorts/(?P<cohort_id>[0-9]{1,18})/enrollments/"
        "(?P<pk>[0-9]{1,18})/$": "enrollment",
        "api/v1/^progress/$": "progress",
        "api/v1/^resources/$": "resources",
        "api/v1/^resources/(?P<pk>[0-9]{1,9})/$": "resource",
        "api/v1/^field-reports/$": "reports",
        "api/v1/^field-reports/(?P<pk>[0-9]{1,18})/$": "report",
        "api/v1/^field-reports/(?P<pk>[0-9]{1,18})/review/$": "report_review",
        "api/v1/^contributions/$": "contributions",
        "api/v1/^contributions/(?P<pk>[0-9]{1,18})/$": "contribution",
        "api/v1/^contributions/(?P<pk>[0-9]{1,18})/review/$": "contribution_review",
        "api/v1/^h5p-packages/$": "h5p_packages",
        "api/v1/^h5p-packages/(?P<pk>[^/]+)/$": "h5p",
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
    for column in COLUMNS:
        url = addresses[column]
        for method in METHODS:
            status = expected(role, method, column)
            response = send(client, method, url, unsafe_extra)
            if column not in SHARED_BY_A_COURSE:
                bodies.append(response.content)
            cell = f"{role:>22} {method.upper():>6} {column:<14}"
            if response.status_code != status:
                mismatches.append(f"{cell} {response.status_code}, expected {status}")
            elif status >= 400:
                mismatches += [
                    f"{cell} {m}" for m in problem_mistakes(response, status, method)
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
    for column, listed in (
        ("resources", RESOURCES_LISTED),
        ("reports", REPORTS_LISTED),
        ("contributions", CONTRIBUTIONS_LISTED),
        ("h5p_packages", H5P_LISTED),
    ):
        if person not in listed:  # refused: the matrix said so
            continue
        rows, pages = walk(client, addresses[column])
        assert {str(row["id"]) for row in rows} == {
            str(scoped[name].pk) for name in listed[person]
        }, column
        if column not in SHARED_BY_A_COURSE:
            bodies += pages
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
        assert browser.get(url).status_code == expected("trainer_a", "get", column)
        for method in WRITES:
            response = send(browser, method, url, {})
            cell = f"{method.upper():>6} {column:<14}"
            if response.status_code != 403:
                mismatches.append(f"{cell} {response.status_code}, expected 403")
            else:
                mismatches += [f"{cell} {m}" for m in problem_mistakes(response, 403)]
    assert not mismatches, "\n".join(["", *mismatches])
