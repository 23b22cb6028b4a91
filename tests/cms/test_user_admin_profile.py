"""The Wagtail admin's user forms: the partner and profile fields an admin sets."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import PASSWORD, PartnerInstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def partners(locales):
    """Two partners in the default language (French) and a translation."""
    cantini = PartnerInstitutionFactory(name="Musée Cantini")
    academie = PartnerInstitutionFactory(name="Académie d'Aix")
    translation = cantini.copy_for_translation(locales["en"])
    translation.name = "Cantini Museum"
    translation.save()
    return {"cantini": cantini, "academie": academie, "cantini_en": translation}


def _edit_data(person, **overrides):
    """What the real edit form posts when the admin changes nothing else."""
    data = {
        "username": person.username,
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_active": "on",
        "password1": "",
        "password2": "",
        "groups": [str(pk) for pk in person.groups.values_list("pk", flat=True)],
        "partner": "",
        "country": "",
        "organisation": "",
        "territorial_role": "",
    }
    data.update(overrides)
    return data


def test_an_admin_sets_the_partner_and_profile_of_a_user(client, admin, partners):
    person = UserFactory(role="Partner coordinator")
    client.force_login(admin)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    response = client.post(
        url,
        _edit_data(
            person,
            partner=str(partners["cantini"].pk),
            country="BE",
            organisation="Réseau des musées",
            territorial_role="cultural_mediator",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.partner == partners["cantini"]
    assert person.country.code == "BE"
    assert person.organisation == "Réseau des musées"
    assert person.territorial_role == "cultural_mediator"
    # Nothing else moved: same groups, password still works.
    assert list(person.groups.values_list("name", flat=True)) == ["Partner coordinator"]
    assert person.check_password(PASSWORD)


def test_the_edit_form_offers_only_default_locale_partners_by_name(
    client, admin, partners
):
    person = UserFactory()
    client.force_login(admin)
    response = client.get(reverse("wagtailusers_users:edit", args=[person.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["partner"].queryset) == [
        partners["academie"],
        partners["cantini"],
    ]
    html = response.content.decode()
    assert 'name="partner"' in html
    assert 'name="country"' in html
    assert 'name="organisation"' in html
    assert 'name="territorial_role"' in html
    assert "Cantini Museum" not in html
    # The self-declared situations are never an admin's business.
    assert "fewer_opportunities" not in html
    assert "fewer_opportunities" not in form.fields


def test_a_partner_in_another_language_is_refused(client, admin, partners):
    person = UserFactory()
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        _edit_data(person, partner=str(partners["cantini_en"].pk)),
    )
    assert response.status_code == 200
    assert "partner" in response.context["form"].errors
    person.refresh_from_db()
    assert person.partner is None


def test_forged_fewer_opportunities_in_the_admin_form_are_ignored(
    client, admin, partners
):
    person = UserFactory()
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        _edit_data(
            person,
            fewer_opportunities=["health"],
            fewer_opportunities_consent_at="2020-01-01T00:00:00Z",
            birth_year="1950",
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.fewer_opportunities == []
    assert person.fewer_opportunities_consent_at is None
    assert person.birth_year is None


def test_an_admin_creates_a_user_with_a_partner(client, admin, partners):
    client.force_login(admin)
    add_url = reverse("wagtailusers_users:add")
    html = client.get(add_url).content.decode()
    assert 'name="partner"' in html
    response = client.post(
        add_url,
        {
            "username": "coordinatrice",
            "email": "coordinatrice@example.org",
            "first_name": "Lucia",
            "last_name": "Bianchi",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "groups": [
                str(Group.objects.get_or_create(name="Partner coordinator")[0].pk)
            ],
            "partner": str(partners["academie"].pk),
            "country": "IT",
            "organisation": "",
            "territorial_role": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(email="coordinatrice@example.org")
    assert created.partner == partners["academie"]
    assert created.country.code == "IT"
