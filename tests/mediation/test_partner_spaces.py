"""Partner spaces: each partner's editors publish under their own index page,
through their partner's moderators (or a network coordinator), and never
see another partner's drafts, pages or files."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.roles import NETWORK_COORDINATOR, PARTNER_EDITOR
from media.h5p_models import H5PPackage
from mediation import spaces
from mediation.models import (
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
    PartnerSpace,
)
from tests.factories import PartnerInstitutionFactory, UserFactory
from tests.support.h5p_packages import testquiz_package

pytestmark = pytest.mark.django_db

HOME = "/admin/"


# --- The tree and the people ---------------------------------------------------


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def network(site_tree, locales):
    """home → partners → Lisbon's and Turin's index pages, in French."""
    listing = _publish(
        site_tree["home"]["fr"],
        PartnerListPage(title="Partenaires", slug="partners", locale=locales["fr"]),
    )
    lisbon = PartnerInstitutionFactory(
        name="Museu de Lisboa", slug="museu-de-lisboa", country="PT", city="Lisboa"
    )
    turin = PartnerInstitutionFactory(
        name="Museo di Torino", slug="museo-di-torino", country="IT", city="Torino"
    )
    pages = {
        partner: _publish(
            listing,
            PartnerIndexPage(
                title=partner.name,
                slug=partner.slug,
                partner=partner,
                locale=locales["fr"],
            ),
        )
        for partner in (lisbon, turin)
    }
    return {
        "listing": listing,
        "lisbon": lisbon,
        "turin": turin,
        "lisbon_page": pages[lisbon],
        "turin_page": pages[turin],
    }


def _person(helper, partner):
    user = UserFactory()
    helper(user, partner)
    return user


@pytest.fixture
def lisbon_editor(network):
    return _person(spaces.add_editor, network["lisbon"])


@pytest.fixture
def turin_editor(network):
    return _person(spaces.add_editor, network["turin"])


@pytest.fixture
def lisbon_moderator(network):
    return _person(spaces.add_moderator, network["lisbon"])


@pytest.fixture
def turin_moderator(network):
    return _person(spaces.add_moderator, network["turin"])


def _resource_form(title, slug, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Une visite à écouter devant les azulejos.",
            "resource_type": "audio_guide",
            "rights": "http://creativecommons.org/licenses/by-sa/4.0/",
            "use_context": "both",
            "media_items": inline_formset([]),
            "contributors": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def _add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["mediation", "mediationresourcepage", parent.pk]
    )


def _draft(parent, title, slug):
    """A resource that was saved but never published, as an editor leaves it."""
    page = MediationResourcePage(
        title=title,
        slug=slug,
        summary="Brouillon.",
        resource_type="audio_guide",
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision()
    return page


def _submit(client, user, parent, title, slug):
    client.force_login(user)
    response = client.post(
        _add_url(parent), _resource_form(title, slug, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content[-3000:]
    return MediationResourcePage.objects.get(slug=slug)


def _task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def _approve_url(page):
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", _task_state(page).pk],
    )


def _page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def _collection_codenames(group, collection):
    return {
        f"{app}.{codename}"
        for app, codename in GroupCollectionPermission.objects.filter(
            group=group, collection=collection
        ).values_list("permission__content_type__app_label", "permission__codename")
    }


# --- What a space is -----------------------------------------------------------


def test_a_partner_gets_a_collection_two_groups_and_a_workflow(network):
    space = PartnerSpace.objects.get(partner_key=network["lisbon"].translation_key)
    root = Collection.get_first_root_node()
    assert space.collection.get_parent() == root
    assert space.collection.name == "Museu de Lisboa"
    assert space.editors.name == "Museu de Lisboa — editors"
    assert space.moderators.name == "Museu de Lisboa — moderators"
    assert str(space) == "Museu de Lisboa"

    page = network["lisbon_page"]
    assert _page_codenames(space.editors, page) == {"add_page", "change_page"}
    assert _page_codenames(space.moderators, page) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    for group in (space.editors, space.moderators):
        assert set(group.permissions.values_list("codename", flat=True)) == {
            "access_admin"
        }
        assert _collection_codenames(group, space.collection) == {
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "media.add_h5ppackage",
            "media.change_h5ppackage",
            "media.choose_h5ppackage",
        }
        # Rights only on their own partner's page and collection.
        assert set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", flat=True
            )
        ) == {page.pk}
        assert set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", flat=True
            )
        ) == {space.collection_id}

    assert space.workflow.name == "Moderation — Museu de Lisboa"
    assert space.workflow.active
    [task] = [t.specific for t in space.workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert set(task.groups.all()) == {
        space.moderators,
        Group.objects.get(name=NETWORK_COORDINATOR),
    }
    assert WorkflowPage.objects.get(page=page).workflow == space.workflow
    assert page.get_workflow() == space.workflow
    draft = _draft(page, "Azulejos", "azulejos")
    assert draft.get_workflow() == space.workflow


def test_the_partner_editor_role_gives_no_page_and_no_install_right(
    network, lisbon_editor
):
    role = Group.objects.get(name=PARTNER_EDITOR)
    assert set(lisbon_editor.groups.all()) == {
        role,
        PartnerSpace.objects.get(partner_key=network["lisbon"].translation_key).editors,
    }
    assert not GroupPagePermission.objects.filter(group=role).exists()
    # Nothing in the whole library either: files are chosen in the space.
    assert not GroupCollectionPermission.objects.filter(group=role).exists()
    assert not lisbon_editor.has_perm("media.install_h5plibrary")
    assert not lisbon_editor.has_perm("wagtailcore.publish_page")
    assert spaces.PARTNER_EDITOR == PARTNER_EDITOR
    assert spaces.NETWORK_COORDINATOR == NETWORK_COORDINATOR


def _rows():
    return {
        model.__name__: model.objects.count()
        for model in (
            PartnerSpace,
            Collection,
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
            Workflow,
            Task,
            WorkflowTask,
            WorkflowPage,
            Group.permissions.through,
            GroupApprovalTask.groups.through,
        )
    }


def test_ensure_space_twice_creates_nothing_new(network, django_assert_max_num_queries):
    lisbon = network["lisbon"]
    before = _rows()
    first = spaces.ensure_space(lisbon)
    with django_assert_max_num_queries(16):
        again = spaces.ensure_space(lisbon)
    assert again == first
    assert _rows() == before


def test_a_partner_translation_shares_the_space(network, locales):
    lisbon = network["lisbon"]
    before = _rows()
    portuguese = lisbon.copy_for_translation(locales["pt"])
    portuguese.presentation = "Museu de arte."
    portuguese.save()
    assert _rows() == before
    assert spaces.space_of(portuguese) == spaces.space_of(lisbon)


def test_a_translation_with_another_name_renames_nothing(network, locales):
    portuguese = network["lisbon"].copy_for_translation(locales["pt"])
    portuguese.name = "Museu de Lisboa (PT)"
    portuguese.save()
    space = spaces.space_of(portuguese)
    assert space.collection.name == "Museu de Lisboa"


def test_two_partners_of_the_same_name_get_groups_of_their_own(network):
    again = PartnerInstitutionFactory(name="Museu de Lisboa", slug="lisboa-2")
    first = spaces.space_of(network["lisbon"])
    second = spaces.space_of(again)
    assert first != second
    assert second.editors.name == "Museu de Lisboa — editors (2)"
    assert second.moderators.name == "Museu de Lisboa — moderators (2)"
    assert second.collection != first.collection


def test_a_long_partner_name_still_makes_valid_group_names(db):
    partner = PartnerInstitutionFactory(name="M" * 255, slug="long")
    space = spaces.space_of(partner)
    assert len(space.editors.name) <= 150
    assert space.editors.name.endswith(" — editors")
    assert space.collection.name == "M" * 255


# --- Pages: create, submit, and the limits --------------------------------------


def test_a_lisbon_editor_drafts_under_lisbon_and_submits_it(
    client, network, lisbon_editor
):
    client.force_login(lisbon_editor)
    lisbon_page = network["lisbon_page"]
    assert client.get(_add_url(lisbon_page)).status_code == 200

    response = client.post(_add_url(lisbon_page), _resource_form("Azulejos", "azu"))
    assert response.status_code == 302, response.content[-3000:]
    draft = MediationResourcePage.objects.get(slug="azu")
    assert not draft.live
    assert draft.partner == network["lisbon"]
    assert draft.get_parent().pk == lisbon_page.pk

    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(
        edit, _resource_form("Azulejos", "azu", **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content[-3000:]
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(draft.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == spaces.space_of(network["lisbon"]).workflow
    assert state.requested_by == lisbon_editor
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize("action", ["draft", "action-submit"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("slug", "pas un slug !"),
        ("resource_type", "not-a-type"),
        ("rights", "http://example.org/my-own-licence"),
        ("audiences", ["not-an-audience"]),
        ("age_min", "-3"),
        ("age_max", "douze"),
        ("accessibility_hazards", ["flashing", "noFlashingHazard"]),
    ],
)
def test_bad_input_creates_nothing(
    client, network, lisbon_editor, field, value, action
):
    client.force_login(lisbon_editor)
    data = _resource_form("Azulejos", "azu", **{action: "1"})
    data[field] = value
    response = client.post(_add_url(network["lisbon_page"]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MediationResourcePage.objects.exists()
    assert not WorkflowState.objects.exists()


@pytest.mark.parametrize("field", ["summary", "use_context"])
def test_a_draft_may_be_incomplete_a_submission_may_not(
    client, network, lisbon_editor, field
):
    """Wagtail lets a draft miss required fields; moderation needs them all."""
    client.force_login(lisbon_editor)
    url = _add_url(network["lisbon_page"])
    refused = client.post(
        url, _resource_form("A", "a", **{field: "", "action-submit": "1"})
    )
    assert refused.status_code == 200
    assert field in refused.context["form"].errors
    assert not MediationResourcePage.objects.exists()
    assert client.post(url, _resource_form("A", "a", **{field: ""})).status_code == 302
    assert not MediationResourcePage.objects.get().live
    assert not WorkflowState.objects.exists()


def test_a_lisbon_editor_cannot_add_under_turin(client, network, lisbon_editor):
    client.force_login(lisbon_editor)
    turin_page = network["turin_page"]
    for response in (
        client.get(_add_url(turin_page)),
        client.post(_add_url(turin_page), _resource_form("Intrus", "intrus")),
        client.post(
            _add_url(turin_page),
            _resource_form("Intrus", "intrus", **{"action-submit": "1"}),
        ),
        client.get(reverse("wagtailadmin_pages:add_subpage", args=[turin_page.pk])),
    ):
        # Wagtail's answer to a refused admin view: back to the dashboard,
        # with "Sorry, you do not have permission to access this area."
        assert response.status_code == 302
        assert response["Location"] == HOME
    assert not MediationResourcePage.objects.exists()
    assert turin_page.get_children().count() == 0
    # Nor straight under the partner list or anywhere else in the tree.
    for parent in (network["listing"], network["listing"].get_parent()):
        response = client.get(
            reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])
        )
        assert response.status_code == 302 and response["Location"] == HOME


def test_a_request_from_a_script_gets_a_403(client, network, lisbon_editor):
    client.force_login(lisbon_editor)
    response = client.post(
        _add_url(network["turin_page"]),
        _resource_form("Intrus", "intrus"),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert not MediationResourcePage.objects.exists()


def test_turin_drafts_are_invisible_to_lisbon(
    client, network, lisbon_editor, turin_editor
):
    # Turin's editor works in a browser of their own (their confirmation
    # message must not be what the Lisbon editor reads).
    turin_draft = _submit(
        Client(), turin_editor, network["turin_page"], "Mole secrète", "mole-secrete"
    )
    quiet_draft = _draft(network["turin_page"], "Brouillon discret", "discret")
    client.force_login(lisbon_editor)
    for page in (turin_draft, quiet_draft):
        for view in ("edit", "delete", "unpublish", "move", "copy"):
            response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[page.pk]))
            assert response.status_code == 302 and response["Location"] == HOME, view
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            _resource_form("Piraté", page.slug),
        )
        assert response.status_code == 302 and response["Location"] == HOME
        page.refresh_from_db()
        assert page.draft_title != "Piraté"

    # Asked for Turin's page, the explorer shows the part of the tree the
    # editor may work on instead: Lisbon's page.
    explorer = client.get(
        reverse("wagtailadmin_explore", args=[network["turin_page"].pk])
    )
    assert explorer.status_code == 302
    assert explorer["Location"] == reverse(
        "wagtailadmin_explore", args=[network["lisbon_page"].pk]
    )
    mine = client.get(
        reverse("wagtailadmin_explore", args=[network["lisbon_page"].pk])
    ).content.decode()
    assert "Mole secrète" not in mine and "Brouillon discret" not in mine

    # Nor does the admin search, nor the page chooser (searching, or
    # browsing Turin's page).
    for url in (
        reverse("wagtailadmin_pages:search") + "?q=Mole",
        reverse("wagtailadmin_pages:search_results") + "?q=Mole",
        reverse("wagtailadmin_choose_page_search") + "?q=Mole",
        reverse("wagtailadmin_choose_page_search") + "?q=Brouillon",
        reverse("wagtailadmin_choose_page_child", args=[network["turin_page"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Mole secrète" not in body, url
        assert "Brouillon discret" not in body, url


def _chooser_titles(client, q):
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": q})
    assert response.status_code == 200
    return {page.title for page in response.context["pages"]}


def test_the_page_chooser_shows_drafts_to_who_may_work_on_them(
    client, network, lisbon_editor, turin_editor, coordinator
):
    turin_draft = _draft(network["turin_page"], "Mole en brouillon", "mole-brouillon")
    turin_live = _publish(
        network["turin_page"],
        MediationResourcePage(
            title="Mole publiée",
            slug="mole-publiee",
            summary="En ligne.",
            resource_type="audio_guide",
        ),
    )
    lisbon_draft = _draft(network["lisbon_page"], "Azulejo en brouillon", "azu")

    client.force_login(lisbon_editor)
    # Published pages are anybody's to link to; drafts stay in their space.
    assert _chooser_titles(client, "Mole") == {turin_live.title}
    assert _chooser_titles(client, "Azulejo") == {lisbon_draft.title}
    client.force_login(turin_editor)
    assert _chooser_titles(client, "Mole") == {turin_live.title, turin_draft.title}
    assert _chooser_titles(client, "Azulejo") == set()
    client.force_login(coordinator)
    assert _chooser_titles(client, "brouillon") == {
        turin_draft.title,
        lisbon_draft.title,
    }


def test_an_editor_cannot_publish(client, network, lisbon_editor):
    client.force_login(lisbon_editor)
    publish = {"action-publish": "1"}
    response = client.post(
        _add_url(network["lisbon_page"]), _resource_form("Azulejos", "azu", **publish)
    )
    # Wagtail takes "publish" from someone who may not for "save draft".
    assert response.status_code == 302
    page = MediationResourcePage.objects.get(slug="azu")
    assert not page.live and page.live_revision is None
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, _resource_form("Azulejos", "azu", **publish))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.live_revision is None
    assert not WorkflowState.objects.exists()
    assert not page.permissions_for_user(lisbon_editor).can_publish()


# --- Moderation ----------------------------------------------------------------


def test_a_lisbon_moderator_approves_and_the_resource_goes_live(
    client, network, lisbon_editor, lisbon_moderator
):
    page = _submit(client, lisbon_editor, network["lisbon_page"], "Azulejos", "azu")
    approve = _approve_url(page)
    # The author cannot approve their own submission.
    refused = client.post(approve, {})
    assert refused.status_code == 302 and refused["Location"] == HOME
    page.refresh_from_db()
    assert not page.live

    client.force_login(lisbon_moderator)
    response = client.post(approve, {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.user == lisbon_editor
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_network_coordinator_approves_too(
    client, network, lisbon_editor, coordinator
):
    page = _submit(client, lisbon_editor, network["lisbon_page"], "Azulejos", "azu")
    client.force_login(coordinator)
    assert client.post(_approve_url(page), {}).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_a_turin_moderator_cannot_approve_lisbon(
    client, network, lisbon_editor, turin_moderator
):
    page = _submit(client, lisbon_editor, network["lisbon_page"], "Azulejos", "azu")
    client.force_login(turin_moderator)
    approve = _approve_url(page)
    for response in (client.get(approve), client.post(approve, {})):
        assert response.status_code == 302 and response["Location"] == HOME
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", _task_state(page).pk],
    )
    assert client.post(reject, {"comment": "non"})["Location"] == HOME
    page.refresh_from_db()
    assert not page.live
    assert _task_state(page).status == TaskState.STATUS_IN_PROGRESS
    # Nor publish it directly from the edit view.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _resource_form("Azulejos", "azu", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live


def test_a_moderator_may_publish_directly_in_their_own_space(
    client, network, lisbon_moderator
):
    client.force_login(lisbon_moderator)
    response = client.post(
        _add_url(network["lisbon_page"]),
        _resource_form("Azulejos", "azu", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert MediationResourcePage.objects.get(slug="azu").live


# --- Files: images, documents, H5P packages -------------------------------------


def _png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (16, 12), "#b3400f").save(buffer, "PNG")
    return buffer.getvalue()


def _image(collection, title):
    return get_image_model().objects.create(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(_png()), name="image.png"),
    )


def test_a_lisbon_editor_adds_images_to_lisbon_only(
    client, network, lisbon_editor, local_storage
):
    lisbon = spaces.space_of(network["lisbon"]).collection
    turin = spaces.space_of(network["turin"]).collection
    client.force_login(lisbon_editor)
    form = client.get(reverse("wagtailimages:add")).context["form"]
    # One collection to add to: Wagtail hides the field and uses it.
    assert list(form.collections) == [lisbon]
    assert "collection" not in form.fields

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Azulejo bleu",
            "collection": turin.pk,
            "file": SimpleUploadedFile("azulejo.png", _png(), "image/png"),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Azulejo bleu").collection == lisbon

    theirs = _image(turin, "Mole Antonelliana")
    response = client.get(reverse("wagtailimages:edit", args=[theirs.pk]))
    assert response.status_code == 302 and response["Location"] == HOME
    client.post(
        reverse("wagtailimages:edit", args=[theirs.pk]),
        {"title": "Piraté", "collection": lisbon.pk},
    )
    theirs.refresh_from_db()
    assert theirs.title == "Mole Antonelliana" and theirs.collection == turin
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert "Azulejo bleu" in listing and "Mole Antonelliana" not in listing


def test_a_lisbon_editor_adds_documents_to_lisbon_only(
    client, network, lisbon_editor, local_storage
):
    from django.core.files.base import ContentFile

    lisbon = spaces.space_of(network["lisbon"]).collection
    turin = spaces.space_of(network["turin"]).collection
    client.force_login(lisbon_editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Guide du médiateur",
            "collection": turin.pk,
            "file": SimpleUploadedFile("guide.pdf", b"%PDF-1.7 guide"),
        },
    )
    assert response.status_code == 302
    documents = get_document_model().objects
    assert documents.get(title="Guide du médiateur").collection == lisbon
    theirs = documents.create(
        title="Programma", collection=turin, file=ContentFile(b"%PDF-1.7", "p.pdf")
    )
    response = client.get(reverse("wagtaildocs:edit", args=[theirs.pk]))
    assert response.status_code == 302 and response["Location"] == HOME


def _upload_h5p(client, collection):
    return client.post(
        reverse("h5p_packages:add"),
        {
            "title": "Quiz des azulejos",
            "collection": collection.pk,
            "file": SimpleUploadedFile(
                "quiz.h5p", testquiz_package(), "application/zip"
            ),
        },
    )


def test_a_lisbon_editor_uploads_h5p_packages_to_lisbon_only(
    client, network, lisbon_editor, local_storage, django_capture_on_commit_callbacks
):
    lisbon = spaces.space_of(network["lisbon"]).collection
    turin = spaces.space_of(network["turin"]).collection
    client.force_login(lisbon_editor)
    form = client.get(reverse("h5p_packages:add")).context["form"]
    choices = set(form.fields["collection"].queryset)
    assert lisbon in choices and turin not in choices

    response = _upload_h5p(client, turin)
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].errors["collection"]
    assert not H5PPackage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = _upload_h5p(client, lisbon)
    assert response.status_code == 302
    mine = H5PPackage.objects.get()
    assert mine.collection == lisbon and mine.owner == lisbon_editor

    theirs = H5PPackage.objects.create(
        title="Quiz della Mole", collection=turin, file="h5p-packages/mole.h5p"
    )
    for view in ("edit", "inspect", "delete"):
        url = reverse(f"h5p_packages:{view}", args=[theirs.pk])
        assert client.get(url).status_code == 404
    listing = client.get(reverse("h5p_packages:index")).content.decode()
    assert "Quiz des azulejos" in listing and "Quiz della Mole" not in listing


# --- Translations, changes of hands, existing installations ---------------------


def test_a_portuguese_translation_of_the_index_page_is_lisbon_s_too(
    client, network, locales, site_tree, lisbon_editor, turin_editor
):
    listing_pt = network["listing"].copy_for_translation(locales["pt"])
    listing_pt.save_revision().publish()
    lisbon_pt = network["lisbon_page"].copy_for_translation(locales["pt"])
    lisbon_pt.save_revision().publish()
    space = spaces.space_of(network["lisbon"])
    assert _page_codenames(space.editors, lisbon_pt) == {"add_page", "change_page"}
    assert "publish_page" in _page_codenames(space.moderators, lisbon_pt)
    assert WorkflowPage.objects.get(page=lisbon_pt).workflow == space.workflow

    client.force_login(lisbon_editor)
    assert client.get(_add_url(lisbon_pt)).status_code == 200
    client.force_login(turin_editor)
    assert client.get(_add_url(lisbon_pt))["Location"] == HOME


def test_a_translation_made_with_wagtail_localize_is_covered(network, locales):
    from wagtail_localize.models import Translation, TranslationSource

    for page in (network["listing"], network["lisbon_page"]):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        Translation.objects.create(
            source=source, target_locale=locales["es"]
        ).save_target(publish=True)
    lisbon_es = network["lisbon_page"].get_translation(locales["es"])
    space = spaces.space_of(network["lisbon"])
    assert _page_codenames(space.editors, lisbon_es) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=lisbon_es).workflow == space.workflow


def test_an_index_page_given_to_another_partner_changes_hands(network):
    page = network["lisbon_page"]
    page.partner = network["turin"]
    page.save()
    lisbon = spaces.space_of(network["lisbon"])
    turin = spaces.space_of(network["turin"])
    assert _page_codenames(lisbon.editors, page) == set()
    assert _page_codenames(lisbon.moderators, page) == set()
    assert _page_codenames(turin.editors, page) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=page).workflow == turin.workflow


def test_a_workflow_chosen_by_an_administrator_is_kept(network):
    page = network["lisbon_page"]
    stricter = Workflow.objects.create(name="Double relecture")
    WorkflowPage.objects.filter(page=page).update(workflow=stricter)
    spaces.ensure_space(network["lisbon"])
    assert WorkflowPage.objects.get(page=page).workflow == stricter


def test_saving_a_revision_of_the_index_page_does_not_resync(network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        network["lisbon_page"].save_revision()
    touched = " ".join(query["sql"] for query in queries.captured_queries)
    assert "mediation_partnerspace" not in touched
    assert "wagtailcore_grouppagepermission" not in touched


def test_sync_partner_spaces_restores_what_is_missing(network, locales):
    lisbon, turin = network["lisbon"], network["turin"]
    lisbon.copy_for_translation(locales["en"]).save()
    space = spaces.space_of(lisbon)
    # As on an installation made before spaces, or after a hand edit.
    GroupPagePermission.objects.filter(group=space.editors).delete()
    WorkflowPage.objects.filter(page=network["lisbon_page"]).delete()
    space.workflow.delete()
    GroupCollectionPermission.objects.filter(group=space.moderators).delete()
    space.editors.permissions.clear()

    out = io.StringIO()
    call_command("sync_partner_spaces", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Museo di Torino: ")
    assert lines[1].startswith("Museu de Lisboa: ")
    assert "1 index page(s)" in lines[1]

    space.refresh_from_db()
    page = network["lisbon_page"]
    assert _page_codenames(space.editors, page) == {"add_page", "change_page"}
    assert space.workflow is not None
    assert WorkflowPage.objects.get(page=page).workflow == space.workflow
    assert space.editors.permissions.filter(codename="access_admin").exists()
    assert len(_collection_codenames(space.moderators, space.collection)) == 9

    before = _rows()
    again = io.StringIO()
    call_command("sync_partner_spaces", stdout=again)
    assert _rows() == before
    assert again.getvalue() == out.getvalue()
    assert spaces.space_of(turin).workflow is not None


def test_sync_partner_spaces_without_partners(db):
    out = io.StringIO()
    call_command("sync_partner_spaces", stdout=out)
    assert out.getvalue().strip() == "No partners."


def test_add_editor_and_moderator_are_idempotent(network):
    user = UserFactory()
    spaces.add_moderator(user, network["lisbon"])
    spaces.add_moderator(user, network["lisbon"])
    space = spaces.space_of(network["lisbon"])
    assert set(user.groups.all()) == {
        Group.objects.get(name=PARTNER_EDITOR),
        space.editors,
        space.moderators,
    }
    assert Permission.objects.filter(group__user=user).exists()
    assert (
        Page.objects.get(pk=network["lisbon_page"].pk)
        .permissions_for_user(user)
        .can_publish()
    )


def test_the_choosers_offer_a_partners_own_files_only(
    client, network, lisbon_editor, local_storage
):
    lisbon = spaces.space_of(network["lisbon"]).collection
    turin = spaces.space_of(network["turin"]).collection
    _image(lisbon, "Azulejo du chooser")
    _image(turin, "Mole du chooser")
    documents = get_document_model()
    documents.objects.create(
        title="Guide de Lisbonne",
        collection=lisbon,
        file=ContentFile(b"%PDF-1", "l.pdf"),
    )
    documents.objects.create(
        title="Guida di Torino", collection=turin, file=ContentFile(b"%PDF-1", "t.pdf")
    )
    client.force_login(lisbon_editor)
    images = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Azulejo du chooser" in images and "Mole du chooser" not in images
    docs = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Guide de Lisbonne" in docs and "Guida di Torino" not in docs


def test_a_new_title_waiting_in_a_draft_stays_with_its_editors(
    client, network, lisbon_editor, turin_editor
):
    live = _publish(
        network["turin_page"],
        MediationResourcePage(
            title="La Mole en son",
            slug="mole-en-son",
            summary="En ligne.",
            resource_type="audio_guide",
        ),
    )
    live.title = "La Mole : titre secret"
    live.save_revision()
    client.force_login(lisbon_editor)
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Mole"})
    body = response.content.decode()
    assert "La Mole en son" in body and "titre secret" not in body


def test_only_who_manages_partners_may_give_a_space_to_another(
    client, network, lisbon_editor, coordinator
):
    edit = reverse("wagtailadmin_pages:edit", args=[network["lisbon_page"].pk])
    client.force_login(lisbon_editor)
    assert 'name="partner"' not in client.get(edit).content.decode()
    client.force_login(coordinator)
    assert 'name="partner"' in client.get(edit).content.decode()


def test_a_space_given_to_another_partner_takes_its_resources_along(network):
    from mediation.models import ResourceFacet

    resource = _publish(
        network["lisbon_page"],
        MediationResourcePage(
            title="Azulejos", slug="azulejos", summary="Bleu.", resource_type="video"
        ),
    )
    page = network["lisbon_page"]
    page.partner = network["turin"]
    page.save_revision().publish()
    resource.refresh_from_db()
    assert resource.partner == network["turin"]
    partner_rows = set(
        ResourceFacet.objects.filter(page=resource, facet="partner").values_list(
            "value", flat=True
        )
    )
    assert partner_rows == {str(network["turin"].translation_key)}
