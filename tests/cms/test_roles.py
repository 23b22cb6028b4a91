"""The four roles: their groups, their permissions, who reaches the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from cms.roles import (
    LEARNER,
    NETWORK_COORDINATOR,
    PARTNER_COORDINATOR,
    PARTNER_EDITOR,
    ROLES,
    TRAINER,
)

pytestmark = pytest.mark.django_db


def _permissions(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def _collection_permissions(group):
    root = Collection.get_first_root_node()
    return {
        f"{gcp.permission.content_type.app_label}.{gcp.permission.codename}"
        for gcp in GroupCollectionPermission.objects.filter(
            group=group, collection=root
        )
    }


def _page_permissions(group):
    return {
        (gpp.page.depth, gpp.permission.codename)
        for gpp in GroupPagePermission.objects.filter(group=group)
    }


def test_the_four_role_groups_exist():
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_learners_have_no_admin_rights():
    group = Group.objects.get(name=LEARNER)
    assert _permissions(group) == set()
    assert _collection_permissions(group) == set()
    assert _page_permissions(group) == set()


def test_trainers_use_the_admin_and_manage_the_media_library():
    group = Group.objects.get(name=TRAINER)
    assert _permissions(group) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
    }
    assert _collection_permissions(group) == {
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    }
    assert _page_permissions(group) == set()


def test_partner_editors_start_with_the_admin_only():
    """Their files are chosen in their partner's space (mediation.spaces),
    never in the whole library (cms migration 0004)."""
    group = Group.objects.get(name=PARTNER_EDITOR)
    assert _permissions(group) == {"wagtailadmin.access_admin"}
    assert _collection_permissions(group) == set()


def test_coordinators_moderate_the_whole_tree_and_the_partner_list():
    group = Group.objects.get(name=NETWORK_COORDINATOR)
    assert _permissions(group) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "mediation.add_partnerinstitution",
        "mediation.change_partnerinstitution",
        "mediation.view_partnerinstitution",
        "lms.add_cohort",
        "lms.change_cohort",
        "lms.view_cohort",
        "lms.change_enrollment",
        "lms.view_enrollment",
        "lms.view_network_figures",
        "lms.view_credential",
        "lms.change_credential",
    }
    assert _page_permissions(group) == {
        (1, "add_page"),
        (1, "change_page"),
        (1, "publish_page"),
        (1, "lock_page"),
        (1, "unlock_page"),
    }
    assert "wagtailimages.delete_image" in _collection_permissions(group)


def test_partner_coordinators_see_their_partners_figures_only():
    """A role of its own: no admin, no pages, the figures of one partner
    (the one named on their account, see lms.permissions.figures_scope)."""
    group = Group.objects.get(name=PARTNER_COORDINATOR)
    assert _permissions(group) == {"lms.view_partner_figures"}
    assert _page_permissions(group) == set()


def test_anonymous_visitors_are_sent_to_the_login_page_from_the_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/admin/")


def test_a_learner_cannot_reach_the_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.parametrize("role_fixture", ["trainer", "partner_editor", "coordinator"])
def test_staff_roles_reach_the_admin(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get("/admin/").status_code == 200


def test_a_learner_cannot_open_the_partner_list_in_the_admin(client, learner):
    client.force_login(learner)
    assert (
        client.get("/admin/snippets/mediation/partnerinstitution/").status_code == 302
    )


def test_a_partner_editor_cannot_edit_the_partner_list(client, partner_editor):
    client.force_login(partner_editor)
    response = client.get("/admin/snippets/mediation/partnerinstitution/add/")
    assert response.status_code in (302, 403)


def test_a_coordinator_can_add_a_partner_in_the_admin(client, coordinator, locales):
    client.force_login(coordinator)
    response = client.post(
        "/admin/snippets/mediation/partnerinstitution/add/",
        {
            "name": "Museo de Prueba",
            "slug": "museo-de-prueba",
            "kind": "museum",
            "country": "ES",
            "city": "Las Palmas",
            "website": "",
            "presentation": "",
            "contact_name": "",
            "contact_email": "",
            "locale": locales["fr"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from mediation.models import PartnerInstitution

    assert PartnerInstitution.objects.filter(slug="museo-de-prueba").exists()
