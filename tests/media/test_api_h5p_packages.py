"""H5P packages through ``/api/v1/h5p-packages/``, as a partner's script uses it.

The script has no session: it carries a personal API token on every request
(``Authorization: Bearer``), CSRF checks on, and goes through the real
direct-upload endpoints (start, send the bytes where the answer says,
complete), then creates the package from the upload's token and reads it
until its check is over. Background tasks run at once in the test settings,
when the request's transaction commits (``django_capture_on_commit_callbacks``
plays the commit inside the test's own transaction).

Who may do what is the admin's rule, asked through the same permission
policy: a partner's editors work in their partner's collection, people
without rights on H5P packages are refused as the admin's screens refuse them.
"""

import hashlib
import io
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, ModelLogEntry

from cms.api.h5p_packages import upload_target
from cms.models import ApiToken
from cms.roles import LEARNER, PARTNER_EDITOR, TRAINER
from lms.blocks import ready_h5p_packages
from media.h5p_models import H5PPackage
from media.h5p_tasks import import_package
from media.models import Upload
from media.uploads.service import claim_token
from mediation.spaces import add_editor, space_of
from tests.factories import PartnerInstitutionFactory, UserFactory
from tests.lms import dashboard_fixtures as fx
from tests.media.transfer import http
from tests.support import h5p_hostile as hostile
from tests.support.h5p_packages import testquiz_package

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

API = "/api/v1/h5p-packages/"
UPLOADS = "/api/media/uploads/"
PROBLEM = "application/problem+json"
TARGET = "media.h5ppackage.file"


# --- The script's side ------------------------------------------------------------


def script_client(user) -> Client:
    """What a partner's script is: a token, no session, CSRF checks on."""
    _token, plaintext = ApiToken.issue(user, "h5p script")
    return Client(
        enforce_csrf_checks=True,
        headers={"Authorization": f"Bearer {plaintext}"},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def upload_file(client, data: bytes, *, target=TARGET, name="quiz.h5p") -> dict:
    """Steps 1 to 3 of the documented flow; the finished upload's answer."""
    started = client.post(
        UPLOADS,
        {
            "target": target,
            "filename": name,
            "size": len(data),
            "content_type": "application/zip",
        },
        content_type="application/json",
    )
    assert started.status_code == 201, started.content
    upload = started.json()
    put = upload["put"]
    headers = dict(put["headers"])
    if put["url"].startswith("/"):  # the site's own storage: token needed
        sent = client.generic(
            "PUT", put["url"], data, content_type=headers.pop("Content-Type")
        ).status_code
    else:  # a signed S3 URL: no token
        sent = http.request("PUT", put["url"], body=data, headers=headers).status
    assert sent in (200, 201), sent
    done = client.post(upload["complete_url"])
    assert done.status_code == 200, done.content
    assert done.json()["state"] == "complete"
    return done.json()


def create(client, body, **extra):
    return client.post(API, body, content_type="application/json", **extra)


def problem_errors(response) -> dict:
    assert response["Content-Type"] == PROBLEM, response.content
    return response.json()["errors"]


def make_package(collection, owner=None, *, title="Quiz", status="ready", **fields):
    """A package row without a real file: for reads, scoping and sizes."""
    return H5PPackage.objects.create(
        title=title,
        collection=collection,
        owner=owner,
        file=f"h5p-packages/{uuid.uuid4()}/quiz.h5p",
        status=status,
        **fields,
    )


def complete_upload_row(owner, *, target=TARGET) -> Upload:
    """A finished upload as the upload endpoints leave it, for tests about
    who may create a package rather than about sending bytes."""
    upload_id = uuid.uuid4()
    return Upload.objects.create(
        id=upload_id,
        owner=owner,
        target=target,
        filename="quiz.h5p",
        content_type="application/zip",
        size=10,
        name=f"h5p-packages/{upload_id}/quiz.h5p",
        strategy=Upload.Strategy.LOCAL,
        part_size=10,
        state=Upload.State.COMPLETE,
        completed_at=timezone.now(),
    )


# --- Fixtures ---------------------------------------------------------------------


@pytest.fixture
def partners(db):
    """Two partners, each with one editor in its space (as the demo and the
    admin's "add an editor" make them), and a learner and a trainer."""
    partner_a = PartnerInstitutionFactory(name="Musée Alpha", slug="musee-alpha")
    partner_b = PartnerInstitutionFactory(name="Museo Bravo", slug="museo-bravo")
    editor_a = UserFactory(role=PARTNER_EDITOR, partner=partner_a)
    editor_b = UserFactory(role=PARTNER_EDITOR, partner=partner_b)
    add_editor(editor_a, partner_a)
    add_editor(editor_b, partner_b)
    return SimpleNamespace(
        partner_a=partner_a,
        editor_a=editor_a,
        editor_b=editor_b,
        collection_a=space_of(partner_a).collection,
        collection_b=space_of(partner_b).collection,
        learner=UserFactory(role=LEARNER),
        trainer=UserFactory(role=TRAINER),
        superuser=UserFactory(is_superuser=True, is_staff=True),
    )


@pytest.fixture
def libraries_installed(storage):
    """The quiz's library, installed by an operator (partner editors may use
    installed libraries, never bring new ones)."""
    package = import_package(io.BytesIO(testquiz_package()), "operator.h5p")
    assert package.status == H5PPackage.Status.READY, package.reasons
    return package


# --- The whole flow ---------------------------------------------------------------


def test_a_script_uploads_a_package_and_polls_it_until_ready(
    storage, partners, libraries_installed, django_capture_on_commit_callbacks
):
    """On the local disk and on S3: every request with the token only."""
    client = script_client(partners.editor_a)
    data = testquiz_package()

    finished = upload_file(client, data)
    with django_capture_on_commit_callbacks(execute=True):
        response = create(
            client, {"title": "Quiz du marché", "upload": finished["token"]}
        )

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "processing"  # what the answer itself says
    assert created["embed"] is None
    assert response["Location"] == f"http://testserver{API}{created['id']}/"

    polled = client.get(response["Location"])  # step 5: the task has run
    assert polled.status_code == 200
    package = polled.json()
    assert package["status"] == "ready"
    assert package["reasons"] == []
    assert package["title"] == "Quiz du marché"
    assert package["main_library"] == "Chainon.TestQuiz 1.0"
    assert package["size"] == len(data)
    assert package["checksum"] == hashlib.sha256(data).hexdigest()
    assert package["collection"] == partners.collection_a.pk
    assert package["embed"] == {"block_type": "h5p_activity", "package": created["id"]}
    # The hint is what a unit's H5P block accepts.
    assert created["id"] in dict(ready_h5p_packages())

    stored = H5PPackage.objects.get(pk=created["id"])
    upload = Upload.objects.get(pk=finished["id"])
    assert stored.owner == partners.editor_a
    assert stored.file.name == upload.name
    assert upload.state == Upload.State.CLAIMED
    assert ModelLogEntry.objects.filter(
        object_id=created["id"], action="wagtail.create", user=partners.editor_a
    ).exists()
    listed = client.get(API, {"status": "ready"}).json()["results"]
    assert [row["id"] for row in listed] == [created["id"]]


@pytest.mark.parametrize(
    ("owner", "build", "rules"),
    [
        # A partner editor may not bring new library code.
        ("editor_a", testquiz_package, {"library.not_installed"}),
        ("superuser", hostile.zip_slip, {"path.dotdot"}),
    ],
)
def test_a_package_that_breaks_rules_ends_rejected_with_every_reason(
    local_storage, partners, django_capture_on_commit_callbacks, owner, build, rules
):
    user = getattr(partners, owner)
    client = script_client(user)
    body = {"title": "Refusé", "upload": upload_file(client, build())["token"]}
    if owner == "superuser":
        body["collection"] = partners.collection_b.pk
    with django_capture_on_commit_callbacks(execute=True):
        response = create(client, body)
    assert response.status_code == 201, response.content

    package = client.get(response["Location"]).json()
    assert package["status"] == "rejected"
    assert package["embed"] is None
    assert {reason["rule"] for reason in package["reasons"]} == rules
    for reason in package["reasons"]:
        assert set(reason) == {"path", "rule", "message"}
        assert reason["message"]
    assert (
        client.get(API, {"status": "rejected"}).json()["results"][0]["id"]
        == (package["id"])
    )


def test_the_upload_endpoints_take_the_token_and_refuse_a_bad_one(
    local_storage, partners
):
    """A script has no session: /api/media/ reads the same Bearer tokens
    (DRF's default authentication lists them). A broken token is refused
    there with DRF's 403 (session authentication comes first, and it names
    no challenge), and nothing is started."""
    client = script_client(partners.editor_a)
    assert upload_file(client, testquiz_package())["token"]

    broken = Client(headers={"Authorization": "Bearer chn_000000000000_nope"})
    response = broken.post(
        UPLOADS,
        {"target": TARGET, "filename": "q.h5p", "size": 10},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Upload.objects.count() == 1


def test_people_without_rights_on_packages_cannot_even_start_an_upload(
    local_storage, partners
):
    for person in (partners.learner, partners.trainer):
        response = script_client(person).post(
            UPLOADS,
            {"target": TARGET, "filename": "quiz.h5p", "size": 10},
            content_type="application/json",
        )
        assert response.status_code == 403
    assert not Upload.objects.exists()


# --- Which collection -------------------------------------------------------------


def test_someone_who_may_add_to_several_collections_must_say_which(
    local_storage, partners
):
    client = script_client(partners.superuser)
    token = upload_file(client, testquiz_package())["token"]

    refused = create(client, {"title": "Quiz", "upload": token})
    assert refused.status_code == 400
    assert set(problem_errors(refused)) == {"collection"}
    assert not H5PPackage.objects.exists()

    accepted = create(
        client,
        {"title": "Quiz", "upload": token, "collection": partners.collection_b.pk},
    )
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["collection"] == partners.collection_b.pk


@pytest.mark.parametrize(
    "collection",
    ["other partner's", "root", 999_999, 2**31, 2**63, 0, -1, "abc", None, [1]],
)
def test_a_collection_one_may_not_add_to_is_a_field_error(
    local_storage, partners, collection
):
    client = script_client(partners.editor_a)
    token = upload_file(client, testquiz_package())["token"]
    if collection == "other partner's":
        collection = partners.collection_b.pk
    elif collection == "root":
        collection = Collection.get_first_root_node().pk

    response = create(
        client, {"title": "Quiz", "upload": token, "collection": collection}
    )
    assert response.status_code == 400
    assert set(problem_errors(response)) == {"collection"}
    assert not H5PPackage.objects.exists()
    assert Upload.objects.get().state == Upload.State.COMPLETE


# --- Bad input: 400, field errors, nothing written --------------------------------


def _forged(token, context):
    return "eyJpZCI6ImZvcmdlZCJ9:1vAAAA:c2lnbmF0dXJl"


def _tampered(token, context):
    return token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")


def _someone_elses(token, context):
    other = script_client(context.colleague)
    return upload_file(other, testquiz_package())["token"]


def _another_targets(token, context):
    client = script_client(context.user)
    return upload_file(
        client, testquiz_package(), target="testapp.evidence.file", name="q.zip"
    )["token"]


def _expired(token, context):
    lifetime = settings.CHAINON_UPLOAD_LIFETIME
    Upload.objects.update(completed_at=timezone.now() - timedelta(seconds=lifetime + 1))
    return token


def _cancelled(token, context):
    upload = Upload.objects.get(owner=context.user)
    response = script_client(context.user).delete(f"{UPLOADS}{upload.pk}/")
    assert response.status_code == 204
    return token


def _unknown(token, context):
    Upload.objects.filter(owner=context.user).delete()
    return token


@pytest.mark.parametrize(
    "spoil",
    [
        _forged,
        _tampered,
        _someone_elses,
        _another_targets,
        _expired,
        _cancelled,
        _unknown,
    ],
)
def test_a_token_that_is_not_this_persons_finished_package_upload_is_refused(
    local_storage, partners, spoil
):
    # A colleague of the same partner: they could create the package, but
    # not with editor A's token, and editor A not with theirs.
    colleague = UserFactory(role=PARTNER_EDITOR)
    add_editor(colleague, partners.partner_a)
    context = SimpleNamespace(user=partners.editor_a, colleague=colleague)
    client = script_client(partners.editor_a)
    token = spoil(upload_file(client, testquiz_package())["token"], context)

    response = create(client, {"title": "Quiz", "upload": token})

    assert response.status_code == 400, response.content
    errors = problem_errors(response)
    assert set(errors) == {"upload"}
    assert "upload the file again" in errors["upload"][0]
    assert not H5PPackage.objects.exists()
    assert not Upload.objects.filter(state=Upload.State.CLAIMED).exists()


def test_a_token_is_good_for_one_package_only(
    local_storage, partners, django_capture_on_commit_callbacks
):
    client = script_client(partners.editor_a)
    token = upload_file(client, testquiz_package())["token"]
    assert create(client, {"title": "Once", "upload": token}).status_code == 201

    again = create(client, {"title": "Twice", "upload": token})
    assert again.status_code == 400
    assert set(problem_errors(again)) == {"upload"}
    assert list(H5PPackage.objects.values_list("title", flat=True)) == ["Once"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"upload": "TOKEN"}, {"title"}),
        ({"title": "", "upload": "TOKEN"}, {"title"}),
        ({"title": "   ", "upload": "TOKEN"}, {"title"}),
        ({"title": "x" * 256, "upload": "TOKEN"}, {"title"}),
        ({"title": ["Quiz"], "upload": "TOKEN"}, {"title"}),
        ({"title": {"fr": "Quiz"}, "upload": "TOKEN"}, {"title"}),
        ({"title": "Quiz"}, {"upload"}),
        ({"title": "Quiz", "upload": ""}, {"upload"}),
        ({"title": "Quiz", "upload": None}, {"upload"}),
        ({"title": "Quiz", "upload": ["TOKEN"]}, {"upload"}),
        ({"title": "Quiz", "upload": "TOKEN", "titel": "Quiz"}, {"titel"}),
        ({"title": "Quiz", "upload": "TOKEN", "status": "ready"}, {"status"}),
        ({"title": "Quiz", "upload": "TOKEN", "file": "x.h5p"}, {"file"}),
        ({"title": "Quiz", "upload": "TOKEN", "owner": 1}, {"owner"}),
        ({"upload": "TOKEN", "titel": "Quiz"}, {"title", "titel"}),
    ],
)
def test_bad_fields_are_named_and_nothing_is_written(
    local_storage, partners, body, fields
):
    client = script_client(partners.editor_a)
    token = upload_file(client, testquiz_package())["token"]
    body = {key: token if value == "TOKEN" else value for key, value in body.items()}

    response = create(client, body)

    assert response.status_code == 400, response.content
    errors = problem_errors(response)
    assert set(errors) == fields
    assert response.json()["type"] == "urn:chainon:problem:invalid"
    assert not H5PPackage.objects.exists()
    assert Upload.objects.get().state == Upload.State.COMPLETE


@pytest.mark.parametrize("name", ["licence", "language"])
def test_licence_and_language_come_from_the_package_and_say_so(
    local_storage, partners, name
):
    client = script_client(partners.editor_a)
    token = upload_file(client, testquiz_package())["token"]
    response = create(client, {"title": "Quiz", "upload": token, name: "fr"})
    assert response.status_code == 400
    errors = problem_errors(response)
    assert set(errors) == {name}
    assert "h5p.json" in errors[name][0] and "PATCH" in errors[name][0]
    assert not H5PPackage.objects.exists()


@pytest.mark.parametrize(
    ("payload", "content_type", "expected"),
    [
        (b'{"title": "Quiz", "upload": ', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b'["title", "upload"]', "application/json", 400),
        (b'"Quiz"', "application/json", 400),
        (b"null", "application/json", 400),
        (b"title=Quiz&upload=x", "application/x-www-form-urlencoded", 415),
        (b"title,upload\nQuiz,x\n", "text/csv", 415),
    ],
)
def test_malformed_bodies_are_refused_and_nothing_is_written(
    local_storage, partners, payload, content_type, expected
):
    client = script_client(partners.editor_a)
    response = client.generic("POST", API, payload, content_type=content_type)
    assert response.status_code == expected, response.content
    assert response["Content-Type"] == PROBLEM
    assert not H5PPackage.objects.exists()


# --- Reading: scope, 404, 401, 403 ------------------------------------------------


def test_each_editor_sees_their_partners_packages_only(partners):
    mine = make_package(partners.collection_a, partners.editor_a, title="Alpha")
    theirs = make_package(partners.collection_b, partners.editor_b, title="Bravo")
    client = script_client(partners.editor_a)

    listed = client.get(API).json()["results"]
    assert [row["id"] for row in listed] == [str(mine.pk)]
    assert client.get(f"{API}{mine.pk}/").status_code == 200
    for method in ("get", "patch"):
        response = getattr(client, method)(
            f"{API}{theirs.pk}/", {"title": "Mine now"}, content_type="application/json"
        )
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
    theirs.refresh_from_db()
    assert theirs.title == "Bravo"
    # Unknown and malformed ids alike: the API's 404, for reads and writes.
    for wrong in (uuid.uuid4(), "not-a-uuid", f"{mine.pk}x", ".", "%C2%84", "9" * 40):
        for method in ("get", "patch"):
            response = getattr(client, method)(
                f"{API}{wrong}/", {"title": "x"}, content_type="application/json"
            )
            assert response.status_code == 404, (wrong, method)
            assert response["Content-Type"] == PROBLEM


def test_the_scope_is_the_admins_listing(client, partners):
    """The API lists what the admin's H5P screen lists, for each person."""
    alpha = make_package(partners.collection_a, partners.editor_a, title="Paquet-7f3")
    bravo = make_package(partners.collection_b, partners.editor_b, title="Pacco-91c")
    expected = {
        partners.editor_a: {alpha},
        partners.editor_b: {bravo},
        partners.superuser: {alpha, bravo},
    }
    for person, packages in expected.items():
        client.force_login(person)
        page = client.get(reverse("h5p_packages:index")).content.decode()
        api = {row["id"] for row in script_client(person).get(API).json()["results"]}
        assert api == {str(package.pk) for package in packages}
        for package in (alpha, bravo):
            assert (package.title in page) == (package in packages)


def test_without_rights_on_packages_it_is_403_as_in_the_admin(client, partners):
    """A learner has no admin; a trainer has the admin but no right on H5P
    packages, nor has an editor outside every partner space: the admin's
    H5P screens refuse them, and so does the API (403, not an empty list)."""
    package = make_package(partners.collection_a, partners.editor_a)
    stray_editor = UserFactory(role=PARTNER_EDITOR)
    for person in (partners.learner, partners.trainer, stray_editor):
        client.force_login(person)
        assert client.get(reverse("h5p_packages:index")).status_code != 200
        script = script_client(person)
        for response in (
            script.get(API),
            script.get(f"{API}{package.pk}/"),
            script.get(f"{API}{uuid.uuid4()}/"),  # 403 too: nothing to learn
            create(script, {"title": "Quiz", "upload": "x"}),
            script.patch(
                f"{API}{package.pk}/", {"title": "x"}, content_type="application/json"
            ),
        ):
            assert response.status_code == 403, (person, response.content)
            assert response["Content-Type"] == PROBLEM


def test_anonymous_callers_and_broken_tokens_get_401(partners):
    package = make_package(partners.collection_a, partners.editor_a)
    for client in (
        Client(),
        Client(headers={"Authorization": "Bearer chn_000000000000_nope"}),
    ):
        for response in (
            client.get(API),
            client.get(f"{API}{package.pk}/"),
            client.post(API, {}, content_type="application/json"),
            client.patch(f"{API}{package.pk}/", {}, content_type="application/json"),
            client.delete(f"{API}{package.pk}/"),
            # A malformed id: still the API's answer, not a CSRF refusal.
            client.patch(f"{API}%C2%84/", {}, content_type="application/json"),
        ):
            assert response.status_code == 401
            assert response["WWW-Authenticate"] == "Bearer"
    revoked, plaintext = ApiToken.issue(partners.editor_a, "old")
    revoked.revoke()
    gone = Client(headers={"Authorization": f"Bearer {plaintext}"})
    assert gone.get(API).status_code == 401


def test_a_session_works_too_with_its_csrf_token(partners):
    package = make_package(partners.collection_a, partners.editor_a, title="Alpha")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(partners.editor_a)
    assert browser.get(API).json()["results"][0]["id"] == str(package.pk)
    url = f"{API}{package.pk}/"
    without = browser.patch(url, {"title": "B"}, content_type="application/json")
    assert without.status_code == 403
    secret = "c" * 32  # an unmasked 32-character secret is a valid token
    browser.cookies[settings.CSRF_COOKIE_NAME] = secret
    with_token = browser.patch(
        url, {"title": "B"}, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )
    assert with_token.status_code == 200


# --- Filters, order, sizes --------------------------------------------------------


def test_filter_by_status_and_order_by_creation(partners):
    now = timezone.now()
    rows = []
    for index, state in enumerate(["ready", "rejected", "processing", "ready"]):
        package = make_package(
            partners.collection_a, partners.editor_a, title=f"P{index}", status=state
        )
        H5PPackage.objects.filter(pk=package.pk).update(
            created_at=now - timedelta(days=10 - index)
        )
        rows.append(str(package.pk))
    client = script_client(partners.editor_a)

    def ids(**query):
        response = client.get(API, query)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids() == rows
    assert ids(ordering="-created_at") == rows[::-1]
    assert ids(status="ready") == [rows[0], rows[3]]
    assert ids(status="rejected") == [rows[1]]
    assert ids(status="processing", ordering="-created_at") == [rows[2]]
    # Walking pages of one keeps every package once, in order.
    walked, url = [], API + "?page_size=1"
    while url:
        page = client.get(url).json()
        walked += [row["id"] for row in page["results"]]
        url = page["next"]
    assert walked == rows
    bad = client.get(API, {"status": "pending"})
    assert bad.status_code == 400
    assert set(problem_errors(bad)) == {"status"}


def test_the_list_costs_the_same_queries_whatever_the_page_size(partners):
    client = script_client(partners.editor_a)
    client.get(API)  # the token's first use records it

    def cost(page_size):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(API, {"page_size": page_size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(page_size, total)
        return len(captured.captured_queries)

    for index in range(3):
        make_package(partners.collection_a, partners.editor_a, title=f"A{index}")
    total = 3
    small = cost(2)
    for index in range(30):
        make_package(
            partners.collection_a,
            partners.editor_a if index % 2 else None,
            title=f"B{index}",
            status="rejected",
            reasons=[{"path": "x", "rule": "path.dotdot", "message": "No."}],
        )
    total = 33
    assert cost(30) == small
    assert small <= 5  # token, permissions (3), the page


# --- Changing a package -----------------------------------------------------------


def test_an_editor_changes_title_licence_and_language(partners):
    package = make_package(partners.collection_a, partners.editor_a, title="Quiz")
    client = script_client(partners.editor_a)
    url = f"{API}{package.pk}/"

    response = client.patch(
        url,
        {"title": "Quiz du Panier", "licence": "CC BY-SA 4.0", "language": "pt-BR"},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Quiz du Panier"
    package.refresh_from_db()
    assert (package.title, package.licence, package.language) == (
        "Quiz du Panier",
        "CC BY-SA 4.0",
        "pt-BR",
    )
    assert ModelLogEntry.objects.filter(
        object_id=str(package.pk), action="wagtail.edit", user=partners.editor_a
    ).exists()
    unchanged = client.patch(url, {}, content_type="application/json")
    assert unchanged.status_code == 200
    assert unchanged.json()["licence"] == "CC BY-SA 4.0"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"title": ""}, {"title"}),
        ({"title": None}, {"title"}),
        ({"licence": "x" * 41}, {"licence"}),
        ({"language": "français"}, {"language"}),
        ({"language": "fr_FR"}, {"language"}),
        ({"language": "x" * 36}, {"language"}),
        ({"collection": 1}, {"collection"}),
        ({"file": "other.h5p"}, {"file"}),
        ({"status": "ready"}, {"status"}),
        ({"upload": "token"}, {"upload"}),
        ({"title": "Ok", "licence": 12, "lang": "fr"}, {"lang"}),
    ],
)
def test_a_bad_change_is_refused_whole(partners, body, fields):
    package = make_package(partners.collection_a, partners.editor_a, title="Quiz")
    response = script_client(partners.editor_a).patch(
        f"{API}{package.pk}/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(problem_errors(response)) == fields
    package.refresh_from_db()
    assert (package.title, package.licence) == ("Quiz", "")


def test_a_package_being_processed_cannot_be_changed_yet(partners):
    package = make_package(
        partners.collection_a, partners.editor_a, title="Quiz", status="processing"
    )
    response = script_client(partners.editor_a).patch(
        f"{API}{package.pk}/", {"title": "Later"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["type"] == "urn:chainon:problem:processing"
    package.refresh_from_db()
    assert package.title == "Quiz"


def test_a_package_one_may_only_choose_cannot_be_changed(partners):
    """Someone who may choose packages of partner B's collection (and add
    to A's) reads B's packages but may not change them: 403, not 404."""
    package = make_package(partners.collection_b, partners.editor_b, title="Bravo")
    group = Group.objects.create(name="Bravo choosers")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=partners.collection_b,
        permission=Permission.objects.get(codename="choose_h5ppackage"),
    )
    partners.editor_a.groups.add(group)
    client = script_client(partners.editor_a)
    assert client.get(f"{API}{package.pk}/").status_code == 200
    response = client.patch(
        f"{API}{package.pk}/", {"title": "Mine"}, content_type="application/json"
    )
    assert response.status_code == 403
    package.refresh_from_db()
    assert package.title == "Bravo"


def test_put_and_delete_are_not_offered(partners):
    package = make_package(partners.collection_a, partners.editor_a)
    client = script_client(partners.editor_a)
    url = f"{API}{package.pk}/"
    for response in (
        client.put(url, {"title": "x"}, content_type="application/json"),
        client.delete(url),
        client.post(url, {}, content_type="application/json"),
        client.patch(API, {}, content_type="application/json"),
        client.delete(API),
    ):
        assert response.status_code == 405
        assert response["Content-Type"] == PROBLEM
    assert H5PPackage.objects.filter(pk=package.pk).exists()


# --- The schema -------------------------------------------------------------------


def test_the_schema_documents_the_whole_flow(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    operations = schema["paths"]["/api/v1/h5p-packages/"]
    assert set(operations) == {"get", "post"}
    assert set(schema["paths"]["/api/v1/h5p-packages/{id}/"]) == {"get", "patch"}
    flow = operations["post"]["description"]
    assert upload_target() == TARGET
    for step in (UPLOADS, TARGET, "PUT", "complete_url", "token", "ready", "rejected"):
        assert step in flow
    patch = schema["paths"]["/api/v1/h5p-packages/{id}/"]["patch"]
    assert "application/problem+json" in patch["responses"]["409"]["content"]
    body = schema["components"]["schemas"]["H5PPackageCreateRequest"]
    assert set(body["properties"]) == {"title", "upload", "collection"}
    assert body["additionalProperties"] is False


# --- The roles of the network -----------------------------------------------------

# fmt: off
# GET, POST, PUT, PATCH, DELETE by role, on the list, on partner A's
# package and on partner B's. Editors are in their partner's space.
ON_LIST = {  # /api/v1/h5p-packages/
    "anonymous":                "401 401 401 401 401",
    "learner_a":                "403 403 405 405 405",
    "learner_b":                "403 403 405 405 405",
    "trainer_a":                "403 403 405 405 405",
    "trainer_b":                "403 403 405 405 405",
    "editor_a":                 "200 201 405 405 405",
    "editor_b":                 "200 201 405 405 405",
    "network_coordinator":      "403 403 405 405 405",
    "partner_coordinator_a":    "403 403 405 405 405",
    "superuser":                "200 201 405 405 405",
}
ON_PACKAGE_A = {  # /api/v1/h5p-packages/<A's id>/
    "anonymous":                "401 401 401 401 401",
    "learner_a":                "403 405 405 403 405",
    "learner_b":                "403 405 405 403 405",
    "trainer_a":                "403 405 405 403 405",
    "trainer_b":                "403 405 405 403 405",
    "editor_a":                 "200 405 405 200 405",
    "editor_b":                 "404 405 405 404 405",
    "network_coordinator":      "403 405 405 403 405",
    "partner_coordinator_a":    "403 405 405 403 405",
    "superuser":                "200 405 405 200 405",
}
ON_PACKAGE_B = {  # /api/v1/h5p-packages/<B's id>/
    "anonymous":                "401 401 401 401 401",
    "learner_a":                "403 405 405 403 405",
    "learner_b":                "403 405 405 403 405",
    "trainer_a":                "403 405 405 403 405",
    "trainer_b":                "403 405 405 403 405",
    "editor_a":                 "404 405 405 404 405",
    "editor_b":                 "200 405 405 200 405",
    "network_coordinator":      "403 405 405 403 405",
    "partner_coordinator_a":    "403 405 405 403 405",
    "superuser":                "200 405 405 200 405",
}
# fmt: on
METHODS = ("get", "post", "put", "patch", "delete")


def test_each_role_of_the_network_gets_exactly_its_statuses(network):
    add_editor(network.editor_a, network.partner_a)
    add_editor(network.editor_b, network.partner_b)
    collection_a = space_of(network.partner_a).collection
    collection_b = space_of(network.partner_b).collection
    package_a = make_package(collection_a, network.editor_a, title="Alpha")
    package_b = make_package(collection_b, network.editor_b, title="Bravo")
    addresses = (API, f"{API}{package_a.pk}/", f"{API}{package_b.pk}/")

    mismatches = []
    for role in ON_LIST:
        line = " ".join(table[role] for table in (ON_LIST, ON_PACKAGE_A, ON_PACKAGE_B))
        person = network.users[role]
        client = Client() if person is None else script_client(person)
        got = []
        for address in addresses:
            for method in METHODS:
                body = {"title": f"{role} {method}"}
                if method == "post" and person is not None:
                    body["upload"] = _token_for(person)
                    if person.is_superuser:
                        body["collection"] = collection_a.pk
                response = getattr(client, method)(
                    address, body, content_type="application/json"
                )
                got.append(str(response.status_code))
        if " ".join(got) != line:
            mismatches.append((role, " ".join(got), line))
    assert mismatches == []
    # Each package was changed by its editor, then by the superuser; the
    # three packages created are where their creators may add them.
    package_a.refresh_from_db()
    package_b.refresh_from_db()
    assert package_a.title == package_b.title == "superuser patch"
    created = dict(
        H5PPackage.objects.exclude(pk__in=[package_a.pk, package_b.pk]).values_list(
            "title", "collection"
        )
    )
    assert created == {
        "editor_a post": collection_a.pk,
        "editor_b post": collection_b.pk,
        "superuser post": collection_a.pk,
    }


def _token_for(person):
    return claim_token(complete_upload_row(person))
