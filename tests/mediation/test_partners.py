"""Partner institutions: one record per language, in sync, with unique slugs."""

import pytest
from django.db import IntegrityError, transaction

from mediation.models import PartnerInstitution
from tests.factories import PartnerInstitutionFactory

pytestmark = pytest.mark.django_db


def test_a_partner_has_one_translation_per_language(locales):
    partner = PartnerInstitutionFactory(
        name="Musée Cantini", slug="musee-cantini", presentation="Musée d'art moderne."
    )
    english = partner.copy_for_translation(locales["en"])
    english.presentation = "Modern art museum."
    english.save()
    assert partner.get_translation(locales["en"]).presentation == "Modern art museum."
    assert english.translation_key == partner.translation_key
    assert english.name == "Musée Cantini"
    assert str(english) == "Musée Cantini"


def test_slug_is_unique_within_a_language(locales):
    PartnerInstitutionFactory(slug="sagiterre")
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerInstitutionFactory(slug="sagiterre")
    PartnerInstitutionFactory(slug="sagiterre", locale=locales["pt"])
    assert PartnerInstitution.objects.filter(slug="sagiterre").count() == 2


def test_country_names_follow_the_reader_language():
    from django.utils import translation

    partner = PartnerInstitutionFactory(country="PT")
    with translation.override("fr"):
        assert str(partner.country.name) == "Portugal"
    with translation.override("it"):
        assert str(partner.country.name) == "Portogallo"


def test_partner_list_in_the_admin_for_a_coordinator(
    client, coordinator, django_assert_max_num_queries
):
    for n in range(7):
        PartnerInstitutionFactory(name=f"Partenaire {n}")
    client.force_login(coordinator)
    client.get("/admin/snippets/mediation/partnerinstitution/")
    with django_assert_max_num_queries(40):
        response = client.get("/admin/snippets/mediation/partnerinstitution/")
    assert response.status_code == 200
    assert "Partenaire 6" in response.content.decode()
