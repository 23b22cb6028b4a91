"""The API's shared conventions (cms/api/), on small endpoints made here.

The endpoints below exist only in this module's URLconf (``API_URLS``):
a token-backed model viewset, a batch endpoint with nested serializers and
an open ping. They use the same bases as the real endpoints of the rooms.
"""

import json
import re
import secrets

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django.urls import include, path, re_path
from drf_spectacular.generators import EndpointEnumerator
from drf_spectacular.validation import validate_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from cms.api.errors import api_not_found, flatten_errors
from cms.api.serializers import StrictSerializerMixin
from cms.api.views import ApiModelViewSet, ApiView, ApiViewSetMixin
from cms.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
API_URLS = pytest.mark.urls(__name__)


# --- Endpoints of this module------------------------------------------------------


class NoteSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "created_at"]
        read_only_fields = ["id", "created_at"]


class NoteViewSet(ApiModelViewSet):
    """The caller's tokens, as stand-ins for any model with ``updated_at``."""

    serializer_class = NoteSerializer
    permission_classes = [IsAuthenticated]
    ordering_fields = ["name"]

    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user).annotate(
            updated_at=F("created_at")
        )

    def perform_create(self, serializer):
        note = serializer.save(
            user=self.request.user, key_id=secrets.token_hex(6), secret_hash="0" * 64
        )
        if note.name == "refused after the write":
            raise ValidationError({"name": ["Refused after the write."]})
        if note.name == "crash after the write":
            raise RuntimeError("boom")


class ItemSerializer(StrictSerializerMixin, serializers.Serializer):
    email = serializers.EmailField()


class BatchSerializer(StrictSerializerMixin, serializers.Serializer):
    title = serializers.CharField()
    items = ItemSerializer(many=True)


class BatchView(ApiView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        serializer = BatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data, status=201)


class PingView(ApiView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


router = SimpleRouter()
router.register("notes", NoteViewSet, basename="note")
urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/batch/", BatchView.as_view()),
    path("api/v1/ping/", PingView.as_view()),
    re_path(r"^api/", api_not_found),
]


# --- Fixtures and helpers----------------------------------------------------------


@pytest.fixture
def caller():
    user = UserFactory()
    token, plaintext = ApiToken.issue(user, "tests")
    return user, token, {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def post_json(client, url, body, auth, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, data, content_type="application/json", **auth, **extra)


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"].startswith("urn:chainon:problem:")
    assert body["title"] and body["detail"]
    return body


def set_rates(settings, **rates):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "api_token": "1000/min",
            "api_user": "1000/min",
            "api_anon": "1000/min",
            **rates,
        },
    }


# --- Errors------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/nope", "/api/v1/nope/", "/api/nothing/"])
def test_addresses_without_an_endpoint_are_problems_too(client, url):
    body = assert_problem(client.get(url), 404)
    assert body["type"] == "urn:chainon:problem:not_found"


def test_a_write_to_no_endpoint_is_a_problem_not_the_csrf_page(client):
    # Signed in through a session, with CSRF enforced: still the API's 404.
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())
    for method in ("post", "put", "patch", "delete"):
        response = getattr(browser, method)("/api/v1/nope/", "{}", "application/json")
        body = assert_problem(response, 404)
        assert body["type"] == "urn:chainon:problem:not_found"


def test_a_missing_slash_is_pointed_out(client):
    body = assert_problem(client.get("/api/v1/me"), 404)
    assert "/api/v1/me/" in body["detail"]


def test_the_upload_api_keeps_its_own_error_bodies(client):
    client.force_login(UserFactory())
    response = client.post(
        "/api/media/uploads/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


@API_URLS
def test_malformed_json_is_a_400(client, caller):
    body = assert_problem(
        post_json(client, "/api/v1/notes/", "{not json", caller[2]), 400
    )
    assert body["type"] == "urn:chainon:problem:parse_error"


@API_URLS
def test_json_nested_too_deep_is_a_400_not_a_crash(client, caller):
    deep = "[" * 100_000 + "]" * 100_000
    assert_problem(post_json(client, "/api/v1/notes/", deep, caller[2]), 400)


@API_URLS
def test_a_body_over_the_limit_is_a_413(client, caller, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_json(client, "/api/v1/notes/", {"name": "x" * 5000}, caller[2])
    body = assert_problem(response, 413)
    assert body["type"] == "urn:chainon:problem:payload_too_large"
    assert ApiToken.objects.count() == 1


@API_URLS
def test_only_json_is_accepted_and_served(client, caller):
    form = client.post("/api/v1/notes/", {"name": "form"}, **caller[2])
    assert_problem(form, 415)
    html = client.get("/api/v1/notes/", HTTP_ACCEPT="text/html", **caller[2])
    assert_problem(html, 406)


@API_URLS
def test_an_unsupported_method_is_a_405_problem(client, caller):
    response = client.delete("/api/v1/batch/", **caller[2])
    assert_problem(response, 405)


@API_URLS
def test_unknown_fields_are_field_errors_alongside_the_others(client, caller):
    response = post_json(
        client,
        "/api/v1/batch/",
        {
            "titel": "typo",
            "items": [{"email": "a@example.org"}, {"email": "nope", "colour": "red"}],
        },
        caller[2],
    )
    body = assert_problem(response, 400)
    assert body["type"] == "urn:chainon:problem:invalid"
    assert set(body["errors"]) == {
        "title",
        "titel",
        "items[1].email",
        "items[1].colour",
    }
    assert all(isinstance(m, str) for ms in body["errors"].values() for m in ms)


@API_URLS
def test_read_only_fields_are_unknown_on_input(client, caller):
    response = post_json(
        client, "/api/v1/notes/", {"name": "n", "created_at": "2020-01-01"}, caller[2]
    )
    assert set(assert_problem(response, 400)["errors"]) == {"created_at"}


def test_errors_are_flattened_to_dotted_paths():
    assert flatten_errors(
        {
            "a": {"b": ["x"]},
            "items": {1: {"c": ["y"], "d": {0: ["z"]}}},
            "non_field_errors": ["w"],
        }
    ) == {
        "a.b": ["x"],
        "items[1].c": ["y"],
        "items[1].d[0]": ["z"],
        "non_field_errors": ["w"],
    }
    assert flatten_errors([{}, {"email": ["bad"]}]) == {"[1].email": ["bad"]}
    assert flatten_errors(["plain"]) == {"non_field_errors": ["plain"]}


# --- One transaction per write-----------------------------------------------------


@API_URLS
def test_a_write_refused_halfway_leaves_nothing(client, caller):
    response = post_json(
        client, "/api/v1/notes/", {"name": "refused after the write"}, caller[2]
    )
    assert_problem(response, 400)
    assert not ApiToken.objects.filter(name="refused after the write").exists()

    created = post_json(client, "/api/v1/notes/", {"name": "kept"}, caller[2])
    assert created.status_code == 201
    assert ApiToken.objects.filter(name="kept").exists()


@API_URLS
def test_a_write_that_crashes_leaves_nothing(caller):
    client = Client(raise_request_exception=False)
    response = post_json(
        client, "/api/v1/notes/", {"name": "crash after the write"}, caller[2]
    )
    assert response.status_code == 500
    assert not ApiToken.objects.filter(name="crash after the write").exists()


# --- Conditional reads-------------------------------------------------------------


@API_URLS
def test_reads_carry_a_weak_etag_and_revalidate(client, caller):
    first = client.get("/api/v1/notes/", **caller[2])
    assert first.status_code == 200
    etag = first["ETag"]
    assert re.fullmatch(r'W/"[0-9a-f]{32}"', etag)
    assert "private" in first["Cache-Control"]
    assert "no-cache" in first["Cache-Control"]
    vary = {v.strip() for v in first["Vary"].split(",")}
    assert {"Authorization", "Cookie", "Accept-Language"} <= vary
    assert "Last-Modified" not in first  # a list: deletions have no date

    again = client.get("/api/v1/notes/", HTTP_IF_NONE_MATCH=etag, **caller[2])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    post_json(client, "/api/v1/notes/", {"name": "new"}, caller[2])
    changed = client.get("/api/v1/notes/", HTTP_IF_NONE_MATCH=etag, **caller[2])
    assert changed.status_code == 200
    assert changed["ETag"] != etag


@API_URLS
def test_details_also_say_when_they_last_changed(client, caller):
    token = caller[1]
    response = client.get(f"/api/v1/notes/{token.pk}/", **caller[2])
    assert response.status_code == 200
    assert response["Last-Modified"].endswith(" GMT")
    revalidated = client.get(
        f"/api/v1/notes/{token.pk}/", HTTP_IF_NONE_MATCH=response["ETag"], **caller[2]
    )
    assert revalidated.status_code == 304


@API_URLS
def test_an_etag_does_not_get_past_authentication(client, caller):
    etag = client.get("/api/v1/notes/", **caller[2])["ETag"]
    response = client.get("/api/v1/notes/", HTTP_IF_NONE_MATCH=etag)
    assert_problem(response, 401)


# --- Pagination--------------------------------------------------------------------


def walk(client, url, auth):
    seen, pages = [], 0
    while url:
        response = client.get(url, **auth)
        assert response.status_code == 200
        body = response.json()
        seen += body["results"]
        url, pages = body["next"], pages + 1
    return seen, pages


@API_URLS
def test_cursor_pages_walk_every_row_once_in_key_order(client, caller):
    user = caller[0]
    for number in range(4):
        ApiToken.issue(user, f"n{number}")
    seen, pages = walk(client, "/api/v1/notes/?page_size=2", caller[2])
    ids = [row["id"] for row in seen]
    assert ids == sorted(ApiToken.objects.values_list("pk", flat=True))
    assert pages == 3


@API_URLS
def test_ordering_by_a_shared_value_keeps_every_row_once(client, caller):
    user = caller[0]
    for name in ["b", "a", "b", "a", "b", "a"]:
        ApiToken.issue(user, name)
    for ordering in ["name", "-name"]:
        seen, _ = walk(
            client, f"/api/v1/notes/?ordering={ordering}&page_size=2", caller[2]
        )
        expected = sorted(
            ApiToken.objects.values_list("name", "pk"),
            reverse=ordering.startswith("-"),
        )
        assert [(row["name"], row["id"]) for row in seen] == expected


@API_URLS
def test_the_page_size_defaults_to_50(client, caller):
    for number in range(60):
        ApiToken.issue(caller[0], f"n{number}")
    body = client.get("/api/v1/notes/", **caller[2]).json()
    assert len(body["results"]) == 50
    assert body["next"]


@API_URLS
@pytest.mark.parametrize("size", ["0", "201", "-1", "abc", "1.5", ""])
def test_a_page_size_out_of_range_is_refused(client, caller, size):
    response = client.get(f"/api/v1/notes/?page_size={size}", **caller[2])
    assert set(assert_problem(response, 400)["errors"]) == {"page_size"}


@API_URLS
def test_a_page_size_of_200_is_accepted(client, caller):
    assert client.get("/api/v1/notes/?page_size=200", **caller[2]).status_code == 200


@API_URLS
def test_forged_or_foreign_cursors_are_refused_clearly(client, caller):
    for number in range(3):
        ApiToken.issue(caller[0], f"n{number}")
    by_key = client.get("/api/v1/notes/?page_size=1", **caller[2]).json()["next"]
    cursor = re.search(r"cursor=([^&]+)", by_key)[1]
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    for url in [
        f"/api/v1/notes/?cursor={tampered}",
        "/api/v1/notes/?cursor=cD0x",  # DRF's own unsigned format ("p=1")
        "/api/v1/notes/?cursor=",
        f"/api/v1/notes/?ordering=name&cursor={cursor}",
    ]:
        body = assert_problem(client.get(url, **caller[2]), 404)
        assert body["type"] == "urn:chainon:problem:invalid_cursor"
    assert client.get(by_key, **caller[2]).status_code == 200


# --- Throttling--------------------------------------------------------------------


def test_each_token_has_its_own_bucket_and_sessions_their_own(client, settings):
    set_rates(settings, api_token="2/min", api_user="1/min")
    user = UserFactory()
    first = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'a')[1]}"}
    second = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'b')[1]}"}

    assert [client.get("/api/v1/me/", **first).status_code for _ in range(2)] == [
        200,
        200,
    ]
    throttled = client.get("/api/v1/me/", **first)
    body = assert_problem(throttled, 429)
    assert body["type"] == "urn:chainon:problem:throttled"
    assert int(throttled["Retry-After"]) > 0
    assert client.get("/api/v1/me/", **second).status_code == 200

    browser = Client()
    browser.force_login(user)
    assert browser.get("/api/v1/me/").status_code == 200
    assert browser.get("/api/v1/me/").status_code == 429


@API_URLS
def test_anonymous_callers_are_counted_per_address(client, settings):
    set_rates(settings, api_anon="2/min")
    assert client.get("/api/v1/ping/").status_code == 200
    assert client.get("/api/v1/ping/").status_code == 200
    assert_problem(client.get("/api/v1/ping/"), 429)
    assert client.get("/api/v1/ping/", REMOTE_ADDR="192.0.2.7").status_code == 200


@API_URLS
def test_an_invented_forwarded_address_does_not_reset_the_count(client, settings):
    set_rates(settings, api_anon="2/min")
    statuses = [
        client.get("/api/v1/ping/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]


# --- Schema and docs---------------------------------------------------------------


def test_the_schema_is_valid_openapi_3_covering_only_the_v1_api(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["paths"]
    assert all(p.startswith("/api/v1/") for p in schema["paths"])
    assert "/api/v1/me/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["tokenAuth"]["scheme"] == "bearer"


def test_the_schema_documents_problems_and_strict_bodies(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path_item in schema["paths"].values():
        for method, operation in path_item.items():
            for code in ["400", "401", "403", "404", "429"]:
                content = operation["responses"][code]["content"]
                assert content["application/problem+json"]["schema"] == problem_ref
            if method in ("post", "put", "patch"):
                assert "413" in operation["responses"]
    for name, component in schema["components"]["schemas"].items():
        if name.endswith("Request") and component.get("type") == "object":
            assert component["additionalProperties"] is False


def test_the_schema_builds_without_warnings(tmp_path):
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "schema.yaml"),
    )


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_load_only_local_static_files(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "googleapis" not in page and "gstatic" not in page
    assert '<html lang="en">' in page
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset


def test_every_v1_endpoint_follows_the_api_conventions():
    """Token-first authentication, throttles, JSON only, cursor pages, one
    transaction per write: all come with ``ApiViewSetMixin``."""
    outside = [
        (path_, method, callback.cls.__name__)
        for path_, _regex, method, callback in EndpointEnumerator().get_api_endpoints()
        if path_.startswith("/api/v1/")
        and not callback.cls.__module__.startswith("drf_spectacular")
        and not issubclass(callback.cls, ApiViewSetMixin)
    ]
    assert outside == []
