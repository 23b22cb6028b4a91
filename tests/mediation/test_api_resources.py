"""Mediation resources in the API: anyone reads the live ones, a partner's
editors also read their drafts and write them, as in the admin.

The dashboard network (``tests/lms/dashboard_fixtures.py``) gets a partner
area here: a partner list under the home page, each partner's index page
(which gives each partner its space: editors and moderators groups, a
moderation workflow), and its editors put in their partner's editors group
with ``mediation.spaces.add_editor``, as the admin does. People act through
personal tokens, as a partner's script does; moderators approve in the
Wagtail admin, as they would.
"""

import json
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import (
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)

from cms.models import ApiToken
from mediation import spaces
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
    ResourceContributor,
)
from tests.factories import PartnerInstitutionFactory, UserFactory
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

RESOURCES = "/api/v1/resources/"
PROBLEM = "application/problem+json"
CC_BY = "http://creativecommons.org/licenses/by/4.0/"
BODY = {
    "title": "Azulejos à l'écoute",
    "summary": "Une visite à écouter devant les azulejos.",
    "resource_type": "audio_guide",
}


def detail(page_or_pk) -> str:
    return f"{RESOURCES}{getattr(page_or_pk, 'pk', page_or_pk)}/"


def caller(user) -> Client:
    """A client acting as ``user`` through a personal token (None: nobody)."""
    if user is None:
        return Client()
    _token, plaintext = ApiToken.issue(user, "tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def send(client, method, url, body=None):
    if method == "get":
        return client.get(url, body or {})
    data = body if isinstance(body, str | bytes) else json.dumps(body or {})
    return getattr(client, method)(url, data, content_type="application/json")


def problem(response, status) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    return body


def fields_of(body) -> set[str]:
    """The fields a problem's errors name (``themes[0]`` is ``themes``)."""
    return {name.split("[")[0].split(".")[0] for name in body["errors"]}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def resource(parent, title, *, live=True, owner=None, **fields):
    """A resource under ``parent``, published unless ``live=False``."""
    fields.setdefault("summary", "Une ressource.")
    fields.setdefault("resource_type", "audio_guide")
    page = MediationResourcePage(
        title=title,
        slug=fields.pop("slug", None) or "",
        owner=owner,
        live=False,
        **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def counts() -> dict[str, int]:
    """What a refused write must leave unchanged."""
    return {
        "pages": MediationResourcePage.objects.count(),
        "revisions": Revision.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "tags": Tag.objects.count(),
        "contributors": ResourceContributor.objects.count(),
        "logs": PageLogEntry.objects.count(),
    }


def task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def moderate(user, page, action, **data):
    """A moderator acts on the resource in the Wagtail admin."""
    browser = Client()
    browser.force_login(user)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, task_state(page).pk],
    )
    response = browser.post(url, data)
    assert response.status_code == 302, response.content[-2000:]


# --- The partner area ----------------------------------------------------------


@pytest.fixture
def area(network, dashboard_home, locales):
    """Partners A and B each get an index page (and so a space); their
    editors join their partner's editors group; partner A has a moderator;
    each partner has a live resource and a draft."""
    listing = PartnerListPage(title="Partenaires", slug="partenaires")
    listing.locale = locales["fr"]
    dashboard_home.add_child(instance=listing)
    listing.save_revision().publish()
    index = {}
    for side, partner in (("a", network.partner_a), ("b", network.partner_b)):
        page = PartnerIndexPage(
            title=partner.name, slug=partner.slug, partner=partner, locale=locales["fr"]
        )
        listing.add_child(instance=page)
        page.save_revision().publish()
        index[side] = page
    spaces.add_editor(network.editor_a, network.partner_a)
    spaces.add_editor(network.editor_b, network.partner_b)
    moderator_a = UserFactory(first_name="Mona", last_name="Moderatrice")
    spaces.add_moderator(moderator_a, network.partner_a)
    live_a = resource(
        index["a"],
        "Mosaïques en ligne",
        audiences=["families"],
        rights=CC_BY,
        owner=network.editor_a,
    )
    live_a.themes.set(["mosaïque", "Antiquité"])
    live_a.save_revision().publish()
    live_a.refresh_from_db()
    draft_a = resource(
        index["a"], "Brouillon Alpha", live=False, owner=network.editor_a
    )
    live_b = resource(index["b"], "Mole in linea", owner=network.editor_b)
    draft_b = resource(index["b"], "Bozza Bravo", live=False, owner=network.editor_b)
    return SimpleNamespace(
        **vars(network),
        index_a=index["a"],
        index_b=index["b"],
        moderator_a=moderator_a,
        live_a=live_a,
        draft_a=draft_a,
        live_b=live_b,
        draft_b=draft_b,
    )


# --- Reading ---------------------------------------------------------------------


def test_anyone_reads_a_live_resource_as_its_page_shows_it(area):
    page = area.live_a
    ResourceContributor.objects.create(page=page, name="Ana Lima", role="author")
    item = MediaItem.objects.create(
        page=page,
        kind="document",
        title="Le guide",
        file="mediation/guide.pdf",
        language="fr",
    )

    response = caller(None).get(detail(page))

    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "id": page.pk,
        "title": "Mosaïques en ligne",
        "slug": page.slug,
        "language": "fr",
        "translation_key": str(page.translation_key),
        "url": page.get_full_url(),
        "partner": {
            "id": area.partner_a.pk,
            "name": "Musée Alpha",
            "slug": "musee-alpha",
            "translation_key": str(area.partner_a.translation_key),
        },
        "summary": "Une ressource.",
        "resource_type": "audio_guide",
        "themes": ["Antiquité", "mosaïque"],
        "period": "",
        "related_works": "",
        "contributors": [{"name": "Ana Lima", "role": "author"}],
        "rights": CC_BY,
        "credit_line": "",
        "rights_holder": "",
        "audiences": ["families"],
        "disabilities": [],
        "age_min": None,
        "age_max": None,
        "use_context": "both",
        "access_modes": [],
        "access_modes_sufficient": [],
        "accessibility_features": [],
        "accessibility_hazards": [],
        "accessibility_controls": [],
        "accessibility_summary": "",
        "easy_to_read": "",
        "device_requirements": "",
        "time_needed": None,
        "media_items": [
            {
                "id": item.pk,
                "kind": "document",
                "title": "Le guide",
                "file": "http://testserver/media/mediation/guide.pdf",
                "h5p_package": None,
                "text_alternative": "",
                "language": "fr",
                "mime_type": "application/pdf",
                "size": None,
                "width": None,
                "height": None,
                "duration": None,
                "sign_language_video": None,
                "audio_description": None,
            }
        ],
        "first_published_at": body["first_published_at"],
        "last_published_at": body["last_published_at"],
        "live": True,
        # Where a resource stands in moderation is its editors' business.
        "status": None,
        "has_unpublished_changes": None,
    }
    assert body["url"].startswith("http") and "/partenaires/musee-alpha/" in body["url"]
    assert body["last_published_at"] is not None
    assert response["Last-Modified"]


@pytest.mark.parametrize(
    "who", [None, "learner_a", "trainer_a", "partner_coordinator_a", "editor_b"]
)
def test_drafts_and_private_resources_are_neither_listed_nor_found(area, who):
    private = resource(area.index_a, "Réservé aux membres")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    client = caller(getattr(area, who) if who else None)

    listed = ids(client.get(RESOURCES))

    if who == "editor_b":
        assert listed == {area.live_a.pk, area.live_b.pk, area.draft_b.pk}
    else:
        assert listed == {area.live_a.pk, area.live_b.pk}
    for hidden in (area.draft_a, private):
        problem(client.get(detail(hidden)), 404)


def test_an_editor_sees_their_partners_drafts_with_where_they_stand(area):
    client = caller(area.editor_a)

    rows = {row["id"]: row for row in client.get(RESOURCES).json()["results"]}

    assert set(rows) == {area.live_a.pk, area.draft_a.pk, area.live_b.pk}
    assert rows[area.draft_a.pk]["live"] is False
    assert rows[area.draft_a.pk]["status"] == "draft"
    assert rows[area.draft_a.pk]["url"] is None
    assert rows[area.live_a.pk]["status"] == "live"
    assert rows[area.live_a.pk]["has_unpublished_changes"] is False
    # Partner B's live resource: readable, not theirs to follow.
    assert rows[area.live_b.pk]["status"] is None
    assert client.get(detail(area.draft_a)).json()["title"] == "Brouillon Alpha"


def test_the_network_coordinator_and_a_superuser_see_every_draft_as_in_the_admin(
    area,
):
    # Coordinators hold page rights on the whole tree (cms migration 0003).
    everything = {area.live_a.pk, area.draft_a.pk, area.live_b.pk, area.draft_b.pk}
    for person in (area.coordinator, area.superuser):
        assert ids(caller(person).get(RESOURCES)) == everything


def test_lists_filter_and_order(area, locales):
    italian = resource(area.index_b, "Guida per famiglie", resource_type="video")
    italian.locale = locales["it"]
    italian.save()
    other = PartnerInstitutionFactory(name="Altro")
    translation = area.partner_a.copy_for_translation(locales["it"])
    translation.save()
    anonymous = caller(None)

    def listed(**query):
        return ids(anonymous.get(RESOURCES, query))

    assert listed(language="it") == {italian.pk}
    assert listed(language="fr") == {area.live_a.pk, area.live_b.pk}
    assert listed(partner=area.partner_a.pk) == {area.live_a.pk}
    # Any translation of the partner names it.
    assert listed(partner=translation.pk) == {area.live_a.pk}
    assert listed(partner=other.pk) == set()
    assert listed(resource_type="video") == {italian.pk}
    assert listed(audience="families") == {area.live_a.pk}
    assert listed(audience="rural") == set()
    assert listed(translation_key=str(area.live_b.translation_key)) == {area.live_b.pk}
    titles = [
        row["title"]
        for row in anonymous.get(RESOURCES, {"ordering": "-title"}).json()["results"]
    ]
    assert titles == ["Mosaïques en ligne", "Mole in linea", "Guida per famiglie"]
    # A filter never reveals a draft.
    assert listed(translation_key=str(area.draft_a.translation_key)) == set()


@pytest.mark.parametrize(
    "query",
    [
        {"language": "xx"},
        {"partner": "abc"},
        {"partner": "1.5"},
        {"partner": str(2**63)},
        {"resource_type": "spaceship"},
        {"audience": "everyone"},
        {"translation_key": "not-a-uuid"},
        {"ordering": "summary"},
    ],
)
def test_malformed_filters_are_refused(area, query):
    response = caller(None).get(RESOURCES, query)
    assert fields_of(problem(response, 400)) == set(query)


def test_list_queries_depend_on_neither_rows_nor_page_size(
    area, django_assert_max_num_queries
):
    def grow(count):
        for n in range(count):
            page = resource(area.index_a, f"Ressource {n}", owner=area.editor_a)
            page.themes.set([f"thème {n}", "commun"])
            page.save_revision().publish()
            ResourceContributor.objects.create(page=page, name=f"Auteur {n}")
            MediaItem.objects.create(page=page, kind="document", file=f"m/{n}.pdf")
            resource(area.index_a, f"Brouillon {n}", live=False, owner=area.editor_a)

    def measure(client, size):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(RESOURCES, {"page_size": size})
        assert response.status_code == 200
        return len(captured.captured_queries), len(response.json()["results"])

    grow(2)
    for person in (None, area.editor_a):
        client = caller(person)
        client.get(RESOURCES)  # warm-up: site root paths, content types
        small, _rows = measure(client, 1)
        grow(4)
        with django_assert_max_num_queries(12):
            one, rows_one = measure(client, 1)
        with django_assert_max_num_queries(12):
            fifty, rows_fifty = measure(client, 50)
        assert rows_one == 1 and rows_fifty > 6
        assert small == one == fifty, (small, one, fifty)


# --- Creating --------------------------------------------------------------------


def test_an_editor_creates_a_draft_in_their_partners_space(area):
    editor = area.editor_a
    body = {
        **BODY,
        "themes": ["céramique", "Lisbonne", "céramique"],
        "contributors": [
            {"name": "Ana Lima", "role": "author"},
            {"name": "Studio Som"},
        ],
        "audiences": ["families", "youth", "families"],
        "disabilities": ["visual"],
        "age_min": 8,
        "age_max": 12,
        "rights": CC_BY,
        "accessibility_features": ["transcript", "audioDescription"],
        "time_needed": 20,
    }

    response = send(caller(editor), "post", RESOURCES, body)

    assert response.status_code == 201, response.content
    created = response.json()
    page = MediationResourcePage.objects.get(pk=created["id"])
    assert response["Location"] == f"http://testserver{detail(page)}"
    assert not page.live and page.live_revision is None
    assert page.get_parent().pk == area.index_a.pk
    assert page.partner == area.partner_a and page.owner == editor
    assert page.locale.language_code == "fr" and page.slug == "azulejos-à-lécoute"
    assert created["live"] is False and created["status"] == "draft"
    assert created["url"] is None and created["has_unpublished_changes"] is True
    assert created["themes"] == ["céramique", "Lisbonne"]
    assert created["audiences"] == ["families", "youth"]
    assert created["contributors"] == [
        {"name": "Ana Lima", "role": "author"},
        {"name": "Studio Som", "role": "creator"},
    ]
    assert (created["age_min"], created["age_max"]) == (8, 12)
    assert sorted(page.themes.names()) == ["Lisbonne", "céramique"]
    # The admin's history: created, then a revision, both by the editor.
    [revision] = page.revisions.all()
    assert revision.user == editor and page.latest_revision == revision
    assert list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user")
    ) == [("wagtail.create", editor.pk), ("wagtail.edit", editor.pk)]
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()

    # Theirs to read; nobody else's but who may edit it.
    assert send(caller(editor), "get", detail(page)).status_code == 200
    assert page.pk in ids(caller(editor).get(RESOURCES))
    for someone in (None, area.editor_b, area.learner_a, area.trainer_a):
        client = caller(someone)
        problem(client.get(detail(page)), 404)
        assert page.pk not in ids(client.get(RESOURCES))


def test_a_submitted_resource_is_approved_in_the_admin_and_goes_public(area):
    editor = area.editor_a
    response = send(
        caller(editor), "post", RESOURCES, {**BODY, "submit_for_moderation": True}
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "in_moderation"
    page = MediationResourcePage.objects.get(pk=response.json()["id"])
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.workflow == spaces.space_of(area.partner_a).workflow
    problem(caller(None).get(detail(page)), 404)

    # Waiting for moderation, the page is locked to its author, as in the
    # admin; and it cannot be submitted twice.
    locked = send(caller(editor), "patch", detail(page), {"title": "Autre"})
    assert problem(locked, 409)["type"] == "urn:chainon:problem:locked"
    again = send(
        caller(area.moderator_a), "patch", detail(page), {"submit_for_moderation": True}
    )
    assert problem(again, 409)["type"] == "urn:chainon:problem:in_moderation"

    moderate(area.moderator_a, page, "approve", comment="")

    page.refresh_from_db()
    assert page.live
    public = caller(None).get(detail(page))
    assert public.status_code == 200
    assert public.json()["title"] == BODY["title"] and public.json()["url"]
    assert page.pk in ids(caller(None).get(RESOURCES))
    mine = caller(editor).get(detail(page)).json()
    assert mine["status"] == "live" and mine["has_unpublished_changes"] is False


def test_a_coordinator_says_which_partner_and_anyone_may_name_a_translation(
    area, locales
):
    coordinator = caller(area.coordinator)
    refused = send(coordinator, "post", RESOURCES, BODY)
    assert set(problem(refused, 400)["errors"]) == {"partner"}

    translation = area.partner_b.copy_for_translation(locales["it"])
    translation.save()
    response = send(coordinator, "post", RESOURCES, {**BODY, "partner": translation.pk})

    assert response.status_code == 201, response.content
    page = MediationResourcePage.objects.get(pk=response.json()["id"])
    assert page.get_parent().pk == area.index_b.pk
    # Editor B may follow it; the coordinator owns it.
    assert caller(area.editor_b).get(detail(page)).json()["status"] == "draft"


# --- Changing --------------------------------------------------------------------


def test_a_change_to_a_live_resource_is_a_new_revision_the_public_does_not_see(
    area,
):
    page = area.live_a
    revisions = page.revisions.count()

    response = send(
        caller(area.editor_a),
        "patch",
        detail(page),
        {"title": "Mosaïques, nouvelle version", "themes": ["mosaïque"]},
    )

    assert response.status_code == 200, response.content
    changed = response.json()
    assert changed["title"] == "Mosaïques, nouvelle version"
    assert changed["themes"] == ["mosaïque"]
    assert changed["live"] is True and changed["status"] == "draft"
    assert changed["has_unpublished_changes"] is True
    page.refresh_from_db()
    assert page.title == "Mosaïques en ligne" and page.live
    assert sorted(page.themes.names()) == ["Antiquité", "mosaïque"]
    assert page.revisions.count() == revisions + 1
    latest = page.get_latest_revision()
    assert latest.user == area.editor_a and latest != page.live_revision
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.edit", user=area.editor_a, revision=latest
    ).exists()
    public = caller(None).get(detail(page)).json()
    assert public["title"] == "Mosaïques en ligne"
    assert public["themes"] == ["Antiquité", "mosaïque"]
    # Its editor reads the draft, in the list as stored (the live version).
    assert caller(area.editor_a).get(detail(page)).json()["title"] == (
        "Mosaïques, nouvelle version"
    )

    # A full replacement keeps what it leaves out, then goes to moderation.
    response = send(
        caller(area.editor_a),
        "put",
        detail(page),
        {**BODY, "submit_for_moderation": True},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_moderation"
    assert response.json()["themes"] == ["mosaïque"]
    assert response.json()["title"] == BODY["title"]
    page.refresh_from_db()
    assert page.title == "Mosaïques en ligne"


def test_a_change_to_a_draft_saves_the_page_too(area):
    page = area.draft_a
    response = send(
        caller(area.editor_a), "patch", detail(page), {"period": "XVIe siècle"}
    )
    assert response.status_code == 200, response.content
    page.refresh_from_db()
    assert page.period == "XVIe siècle" and not page.live
    assert page.get_latest_revision().user == area.editor_a


def test_changes_requested_then_resubmitted_resume_the_same_workflow(area):
    editor = caller(area.editor_a)
    page = area.draft_a
    send(editor, "patch", detail(page), {"submit_for_moderation": True})
    moderate(area.moderator_a, page, "reject", comment="Ajoutez une transcription.")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert editor.get(detail(page)).json()["status"] == "changes_requested"
    # Saving alone leaves the request waiting for the resubmission.
    saved = send(editor, "patch", detail(page), {"easy_to_read": "Écoutez."})
    assert saved.json()["status"] == "changes_requested"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    response = send(
        editor,
        "patch",
        detail(page),
        {"accessibility_features": ["transcript"], "submit_for_moderation": True},
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_moderation"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1


def test_without_a_workflow_nothing_can_be_submitted(area):
    # The partner's workflow, and Wagtail's default one on the tree's root.
    for workflow in Workflow.objects.filter(active=True):
        workflow.deactivate()
    before = counts()
    editor = caller(area.editor_a)
    for method, url in (("post", RESOURCES), ("put", detail(area.draft_a))):
        response = send(editor, method, url, {**BODY, "submit_for_moderation": True})
        assert fields_of(problem(response, 400)) == {"submit_for_moderation"}
    assert counts() == before
    # Saving a draft still works.
    assert send(editor, "post", RESOURCES, BODY).status_code == 201


def test_other_partners_resources_are_not_theirs_to_change(area):
    before = counts()
    editor_b = caller(area.editor_b)
    # A's draft does not exist for B; A's live resource is visible, not B's.
    problem(send(editor_b, "patch", detail(area.draft_a), {"title": "Piraté"}), 404)
    problem(send(editor_b, "put", detail(area.draft_a), BODY), 404)
    problem(send(editor_b, "patch", detail(area.live_a), {"title": "Piraté"}), 403)
    problem(send(editor_b, "put", detail(area.live_a), BODY), 403)
    # Bad input changes nothing for them either: refused before it is read.
    problem(send(editor_b, "patch", detail(area.live_a), {"title": 12}), 403)
    assert counts() == before
    for page in (area.draft_a, area.live_a):
        page.refresh_from_db()
        assert page.draft_title != "Piraté"


@pytest.mark.parametrize("who", ["learner_a", "trainer_a", "partner_coordinator_a"])
def test_people_without_a_space_create_and_change_nothing(area, who):
    before = counts()
    client = caller(getattr(area, who))
    problem(send(client, "post", RESOURCES, BODY), 403)
    problem(
        send(client, "post", RESOURCES, {**BODY, "partner": area.partner_a.pk}), 403
    )
    problem(send(client, "patch", detail(area.live_a), {"title": "Non"}), 403)
    problem(send(client, "patch", detail(area.draft_a), {"title": "Non"}), 404)
    assert counts() == before


def test_signed_out_writes_ask_for_credentials_and_deleting_is_not_offered(area):
    anonymous = caller(None)
    for method, url in (
        ("post", RESOURCES),
        ("patch", detail(area.live_a)),
        ("put", detail(area.live_a)),
    ):
        response = send(anonymous, method, url, BODY)
        problem(response, 401)
        assert response["WWW-Authenticate"] == "Bearer"
    for client in (anonymous, caller(area.editor_a), caller(area.superuser)):
        for url in (detail(area.live_a), detail(area.draft_a), RESOURCES):
            problem(send(client, "delete", url), 405)
        problem(send(client, "post", detail(area.live_a), BODY), 405)
    assert MediationResourcePage.objects.filter(pk=area.draft_a.pk).exists()


# --- Bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        # Wrong JSON types: no guessing a text from a number, or the reverse.
        ({**BODY, "title": 12}, {"title"}),
        ({**BODY, "title": None}, {"title"}),
        ({**BODY, "summary": ["Une visite."]}, {"summary"}),
        ({**BODY, "age_min": "8"}, {"age_min"}),
        ({**BODY, "age_min": 8.5}, {"age_min"}),
        ({**BODY, "age_min": True}, {"age_min"}),
        ({**BODY, "audiences": "youth"}, {"audiences"}),
        ({**BODY, "themes": [1]}, {"themes"}),
        ({**BODY, "themes": "a, b"}, {"themes"}),
        ({**BODY, "contributors": [{"name": "A", "role": "boss"}]}, {"contributors"}),
        ({**BODY, "contributors": {"name": "A"}}, {"contributors"}),
        ({**BODY, "submit_for_moderation": "yes"}, {"submit_for_moderation"}),
        ({**BODY, "submit_for_moderation": 1}, {"submit_for_moderation"}),
        ({**BODY, "partner": "1"}, {"partner"}),
        ({**BODY, "partner": 2**63}, {"partner"}),
        # Unknown and read-only fields, alongside the other errors.
        ({**BODY, "titel": "Typo"}, {"titel"}),
        ({**BODY, "id": 1, "live": True, "status": "live"}, {"id", "live", "status"}),
        ({**BODY, "parent": 1, "owner": 1}, {"parent", "owner"}),
        ({**BODY, "titel": "Typo", "age_min": "8"}, {"titel", "age_min"}),
        # The vocabularies and the model's rules.
        ({**BODY, "rights": "http://example.org/my-own-licence"}, {"rights"}),
        ({**BODY, "resource_type": "spaceship"}, {"resource_type"}),
        ({**BODY, "audiences": ["everyone"]}, {"audiences"}),
        ({**BODY, "use_context": "moon"}, {"use_context"}),
        ({**BODY, "language": "xx"}, {"language"}),
        ({**BODY, "age_min": 12, "age_max": 8}, {"age_max"}),
        ({**BODY, "age_min": -1}, {"age_min"}),
        (
            {**BODY, "accessibility_hazards": ["flashing", "noFlashingHazard"]},
            {"accessibility_hazards"},
        ),
        ({**BODY, "title": "x" * 256}, {"title"}),
        ({**BODY, "period": "x" * 101}, {"period"}),
        ({**BODY, "themes": ["x" * 101]}, {"themes"}),
        ({**BODY, "title": "Nul\x00"}, {"title"}),
        ({**BODY, "slug": "pas un slug !"}, {"slug"}),
        ({**BODY, "slug": "brouillon-alpha"}, {"slug"}),
        ({**BODY, "title": "!!!"}, {"slug"}),
        # Missing what a resource needs, or no object at all.
        ({"title": "Seul"}, {"summary", "resource_type"}),
        ([BODY], {"non_field_errors"}),
        ("null", {"non_field_errors"}),
    ],
)
def test_bad_input_creates_nothing(area, body, fields):
    before = counts()

    response = send(caller(area.editor_a), "post", RESOURCES, body)

    assert fields_of(problem(response, 400)) == fields
    assert counts() == before


def test_malformed_json_creates_and_changes_nothing(area):
    before = counts()
    client = caller(area.editor_a)
    for method, url in (("post", RESOURCES), ("patch", detail(area.draft_a))):
        response = send(client, method, url, '{"title": "Azulejos",')
        assert "JSON parse error" in problem(response, 400)["detail"]
    assert counts() == before


@pytest.mark.parametrize(
    ("patch", "fields"),
    [
        ({"title": ""}, {"title"}),
        ({"summary": 3}, {"summary"}),
        ({"age_max": 2, "age_min": 3}, {"age_max"}),
        ({"slug": "brouillon-alpha"}, {"slug"}),
        ({"partner": 1}, {"partner"}),
        ({"language": "it"}, {"language"}),
        ({"rights": "https://creativecommons.org/licenses/by/4.0/"}, {"rights"}),
        ({"submit_for_moderation": None}, {"submit_for_moderation"}),
    ],
)
def test_a_bad_change_changes_nothing(area, patch, fields):
    page = area.live_a
    before = counts()

    response = send(caller(area.editor_a), "patch", detail(page), patch)

    assert fields_of(problem(response, 400)) == fields
    assert counts() == before
    page.refresh_from_db()
    assert not page.has_unpublished_changes


def test_a_put_needs_the_required_fields(area):
    response = send(caller(area.editor_a), "put", detail(area.draft_a), {"title": "T"})
    assert fields_of(problem(response, 400)) == {"summary", "resource_type"}


def test_forged_partners_and_languages(area, locales):
    before = counts()
    editor = caller(area.editor_a)
    # Another partner's space: refused, as the admin refuses its form,
    # whatever else the body says.
    for body in (
        {**BODY, "partner": area.partner_b.pk},
        {**BODY, "partner": area.partner_b.pk, "title": 12},
    ):
        problem(send(editor, "post", RESOURCES, body), 403)
    # No such partner, or no page of theirs in that language.
    assert set(
        problem(send(editor, "post", RESOURCES, {**BODY, "partner": 10**12}), 400)[
            "errors"
        ]
    ) == {"partner"}
    lone = PartnerInstitutionFactory(name="Sans page")
    assert set(
        problem(send(editor, "post", RESOURCES, {**BODY, "partner": lone.pk}), 400)[
            "errors"
        ]
    ) == {"partner"}
    in_italian = {**BODY, "language": "it"}
    assert set(problem(send(editor, "post", RESOURCES, in_italian), 400)["errors"]) == {
        "partner"
    }
    in_italian["partner"] = area.partner_a.pk
    assert set(problem(send(editor, "post", RESOURCES, in_italian), 400)["errors"]) == {
        "language"
    }
    assert counts() == before


# --- Who gets what ---------------------------------------------------------------
# For each route (the list, then partner A's live resource and draft, then
# partner B's), each role's statuses for GET, POST, PUT, PATCH and DELETE.
# POST sends a valid body without a partner: coordinators and superusers,
# who may add for every partner, are asked which one (400). Learners,
# trainers and partner coordinators hold no page rights: "outsiders".

OUTSIDERS = (
    "learner_a",
    "learner_b",
    "trainer_a",
    "trainer_b",
    "partner_coordinator_a",
)
EVERYWHERE = ("network_coordinator", "superuser")
METHODS = ("get", "post", "put", "patch", "delete")


def lines(anonymous, outsiders, editor_a, editor_b, everywhere) -> dict[str, str]:
    return {
        "anonymous": anonymous,
        **dict.fromkeys(OUTSIDERS, outsiders),
        "editor_a": editor_a,
        "editor_b": editor_b,
        **dict.fromkeys(EVERYWHERE, everywhere),
    }


# fmt: off
MATRIX = {
    #                 anonymous              outsiders              editor A               editor B               coordinator, superuser  # noqa: E501
    "list": lines(   "200 401 405 405 405", "200 403 405 405 405", "200 201 405 405 405", "200 201 405 405 405", "200 400 405 405 405"),  # noqa: E501
    "live_a": lines( "200 405 401 401 405", "200 405 403 403 405", "200 405 200 200 405", "200 405 403 403 405", "200 405 200 200 405"),  # noqa: E501
    "draft_a": lines("404 405 401 401 405", "404 405 404 404 405", "200 405 200 200 405", "404 405 404 404 405", "200 405 200 200 405"),  # noqa: E501
    "live_b": lines( "200 405 401 401 405", "200 405 403 403 405", "200 405 403 403 405", "200 405 200 200 405", "200 405 200 200 405"),  # noqa: E501
    "draft_b": lines("404 405 401 401 405", "404 405 404 404 405", "404 405 404 404 405", "200 405 200 200 405", "200 405 200 200 405"),  # noqa: E501
}
# fmt: on


@pytest.mark.parametrize("role", list(MATRIX["list"]))
def test_each_role_gets_exactly_its_statuses(area, role):
    person = None if role == "anonymous" else area.users[role]
    client = caller(person)
    bodies = {"post": BODY, "put": BODY, "patch": {"title": "Nouveau titre"}}
    wrong = []
    for route, by_role in MATRIX.items():
        url = RESOURCES if route == "list" else detail(getattr(area, route))
        for method, expected in zip(METHODS, by_role[role].split(), strict=True):
            response = send(client, method, url, bodies.get(method))
            if str(response.status_code) != expected:
                wrong.append(f"{method.upper()} {route}: {response.status_code}")
            if response.status_code >= 400:
                assert response["Content-Type"] == PROBLEM
    assert wrong == []
