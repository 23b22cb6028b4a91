"""Property-based fuzzing of every operation of ``/api/v1/`` (schemathesis).

Each operation of the published schema gets generated requests, valid and
invalid (wrong types, out-of-range numbers, odd strings, other methods;
about 2,000 requests in all), each sent as a visitor, as a trainer, as a
network coordinator and as a partner editor (personal tokens); no answer
may be a 500, and each must match the schema (status code, content type,
headers, body).

The requests go in-process through the real WSGI application, against the
test database: no server, no network. The schema is built with
drf-spectacular's generator at import rather than fetched over HTTP, since
pytest-django forbids the database while tests are collected; the first
test checks that it is the schema the site serves. (schemathesis's lazy
``from_fixture`` loader would avoid that, but it crashes on pytest 9.2.)
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import path, re_path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, note
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
)
from schemathesis.core.failures import FailureGroup, ServerError

from cms.api.errors import api_not_found
from cms.api.pagination import ApiCursorPagination
from cms.models import ApiToken
from lms.api.views import ProgressViewSet
from mediation import spaces
from mediation.models import PartnerIndexPage, PartnerListPage
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

PUBLISHED = json.loads(
    OpenApiJsonRenderer().render(
        SchemaGenerator().get_schema(request=None, public=True)
    )
)
schema = schemathesis.openapi.from_dict(PUBLISHED)
schema.app = get_wsgi_application()  # what from_wsgi() sets: in-process calls
# Credentials come from the fixtures; invented ones would only be 401s.
schema.config.generation.update(with_security_parameters=False)

# Small enough that the file runs in well under 30 s on two CPUs; the
# coverage phase adds its boundary and type-mutation cases on top.
FUZZ = hypothesis_settings(
    max_examples=15,
    deadline=None,
    database=None,  # no example database replaying one run's cases in the next
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)

# ``negative_data_rejection`` (ST201) expects every value the schema forbids
# to be refused. django-filter reads an empty filter value as "no filter":
# ``?updated_since=`` or ``?translation_key=`` lists everything, where the
# schema (date-time, uuid) says an empty string is invalid. Lenient by
# design and harmless (an empty filter narrows nothing, it leaks nothing),
# so only that check is off.
# ``positive_data_acceptance`` (ST202) expects every value the schema allows
# to be accepted; but a write names other rows (a course's id, an upload's
# token) and obeys rules between fields (a cohort ends after it starts) that
# no JSON schema can say, so a schema-valid body is often rightly a 400.
# Every other check runs, response schema conformance included: a 400 must
# still be the documented problem+json, and nothing may be a 500.
LENIENT = [negative_data_rejection, positive_data_acceptance]


@pytest.fixture(autouse=True)
def requests_keep_the_test_connection():
    """The WSGI handler closes "old" database connections at each request's
    start and end; inside a test's transaction that would close the test's
    own connection. Django's test client disconnects the same receiver."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'fuzz')[1]}"}


@pytest.fixture
def callers(network, locales):
    """Who calls each generated request, in turn: one network for the four
    (building it is most of a test's cost, the requests are cheap). The
    partner editor has their partner's space, so that resource and H5P
    writes get past the permission checks into validation."""
    listing = PartnerListPage(title="Partenaires", slug="partenaires")
    listing.locale = locales["fr"]
    network.course.catalogue.get_parent().add_child(instance=listing)
    listing.save_revision().publish()
    index = PartnerIndexPage(
        title=network.partner_a.name,
        slug=network.partner_a.slug,
        partner=network.partner_a,
        locale=locales["fr"],
    )
    listing.add_child(instance=index)
    index.save_revision().publish()
    spaces.add_editor(network.editor_a, network.partner_a)
    return {
        "a visitor": {},
        "a trainer": bearer(network.trainer_a),
        "a network coordinator": bearer(network.coordinator),
        "a partner editor": bearer(network.editor_a),
    }


def test_the_fuzzed_schema_is_the_published_one(client):
    served = client.get("/api/v1/schema/?format=json").json()
    assert served == PUBLISHED
    operations = {
        (method.upper(), route)
        for route, item in PUBLISHED["paths"].items()
        for method in item
    }
    fuzzed = {
        (result.ok().method.upper(), result.ok().path)
        for result in schema.get_all_operations()
    }
    assert fuzzed == operations
    assert len(operations) >= 9


@schema.parametrize()
@FUZZ
def test_no_operation_fails_anyone(case, callers):
    for caller, headers in callers.items():
        note(f"as {caller}")
        case.call_and_validate(headers=headers, excluded_checks=LENIENT)


# --- Negative control -------------------------------------------------------------
# The same fuzzing, pointed at a progress list whose pagination trusts its
# input (what ``ApiCursorPagination.get_page_size`` guards against), must
# find the crash: proof that a 500 does not slip through the harness.


class TrustingPagination(ApiCursorPagination):
    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        return self.page_size if raw is None else int(raw)


class BrokenProgressViewSet(ProgressViewSet):
    pagination_class = TrustingPagination


urlpatterns = [
    path("api/v1/progress/", BrokenProgressViewSet.as_view({"get": "list"})),
    re_path(r"^api/", api_not_found),
]


@pytest.mark.urls(__name__)
def test_the_fuzzing_finds_a_server_error_when_there_is_one(callers):
    operation = schema["/api/v1/progress/"]["GET"]
    trainer = callers["a trainer"]

    # Derandomized: the same examples each run, so the control cannot pass
    # by luck one day and fail the next.
    @given(case=operation.as_strategy(GenerationMode.NEGATIVE))
    @hypothesis_settings(FUZZ, max_examples=100, derandomize=True)
    def fuzz(case):
        case.call_and_validate(headers=trainer, checks=[not_a_server_error])

    with pytest.raises((ServerError, FailureGroup)) as caught:
        fuzz()
    failures = getattr(caught.value, "exceptions", [caught.value])
    assert any(isinstance(failure, ServerError) for failure in failures), failures
