"""The person's own profile: what feeds the Erasmus+ indicators, with consent."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from mediation.models import PartnerInstitution
from tests.factories import PartnerInstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

PROFILE_URL = "/en/accounts/me/profile/"


def _profile(**overrides):
    data = {
        "country": "IT",
        "organisation": "Associazione Ponte",
        "territorial_role": "resident_relay",
        "birth_year": "1988",
    }
    data.update(overrides)
    return data


def test_the_profile_form_needs_a_login(client, site_tree):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    response = client.post(PROFILE_URL, _profile())
    assert response.status_code == 302
    assert User.objects.filter(organisation="Associazione Ponte").count() == 0


def test_saving_the_profile_updates_the_row_and_returns_to_the_account_page(
    client, site_tree, learner
):
    client.force_login(learner)
    response = client.post(PROFILE_URL, _profile(), follow=True)
    assert response.redirect_chain == [("/en/accounts/me/", 302)]
    html = response.content.decode()
    assert "Your profile has been saved." in html
    assert "Italy" in html
    assert "Associazione Ponte" in html
    assert "Resident relay" in html
    assert "1988" in html
    learner.refresh_from_db()
    assert learner.country.code == "IT"
    assert learner.organisation == "Associazione Ponte"
    assert learner.territorial_role == "resident_relay"
    assert learner.birth_year == 1988
    assert learner.fewer_opportunities == []
    assert learner.fewer_opportunities_consent_at is None


def test_the_account_page_links_to_the_form_which_shows_the_current_answers(
    client, site_tree
):
    person = UserFactory(organisation="Musée Cantini", birth_year=1975)
    client.force_login(person)
    account = client.get("/en/accounts/me/").content.decode()
    assert f'href="{PROFILE_URL}"' in account
    form_html = client.get(PROFILE_URL).content.decode()
    assert 'value="Musée Cantini"' in form_html
    assert 'value="1975"' in form_html


def test_every_answer_is_optional(client, site_tree):
    person = UserFactory(country="FR", organisation="Old", birth_year=1970)
    client.force_login(person)
    response = client.post(
        PROFILE_URL,
        {"country": "", "organisation": "", "territorial_role": "", "birth_year": ""},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.country, person.organisation, person.birth_year) == ("", "", None)


@pytest.mark.parametrize("year", ["1899", str(timezone.localdate().year + 1), "3000"])
def test_an_implausible_birth_year_is_refused_with_a_clear_error(
    client, site_tree, learner, year
):
    client.force_login(learner)
    response = client.post(PROFILE_URL, _profile(birth_year=year))
    assert response.status_code == 200
    this_year = timezone.localdate().year
    assert response.context["form"].errors["birth_year"] == [
        f"Enter a year of birth between 1900 and {this_year}."
    ]
    html = response.content.decode()
    # The error is tied to the input for screen readers.
    assert 'id="id_birth_year_error"' in html
    assert 'aria-describedby="id_birth_year_helptext id_birth_year_error"' in html
    assert 'aria-invalid="true"' in html
    learner.refresh_from_db()
    assert learner.birth_year is None
    assert learner.organisation == ""


def test_this_year_and_1900_are_accepted(client, site_tree, learner):
    client.force_login(learner)
    for year in (1900, timezone.localdate().year):
        response = client.post(PROFILE_URL, _profile(birth_year=str(year)))
        assert response.status_code == 302
        learner.refresh_from_db()
        assert learner.birth_year == year


def test_reasons_are_saved_with_consent_and_the_consent_time_is_recorded(
    client, site_tree, learner
):
    client.force_login(learner)
    before = timezone.now()
    response = client.post(
        PROFILE_URL,
        _profile(
            fewer_opportunities=["economic", "geographical"],
            fewer_opportunities_consent="on",
        ),
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.fewer_opportunities == ["economic", "geographical"]
    assert learner.fewer_opportunities_consent_at >= before
    assert learner.declared_reasons() == ["economic", "geographical"]
    # The person sees them back on their own page, and only there.
    html = client.get("/en/accounts/me/").content.decode()
    assert "Economic obstacles" in html
    assert "Geographical obstacles" in html


def test_reasons_without_consent_are_refused_and_nothing_is_saved(
    client, site_tree, learner
):
    client.force_login(learner)
    response = client.post(
        PROFILE_URL, _profile(fewer_opportunities=["health", "social"])
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["fewer_opportunities_consent"]
    assert (
        "without your consent they are not saved"
        in (form.errors["fewer_opportunities_consent"][0])
    )
    html = response.content.decode()
    assert 'id="id_fewer_opportunities_consent_error"' in html
    learner.refresh_from_db()
    assert learner.fewer_opportunities == []
    assert learner.fewer_opportunities_consent_at is None
    # Not even the other answers of the refused form.
    assert learner.organisation == ""
    assert learner.country == ""


def test_re_saving_keeps_the_time_consent_was_first_given(client, site_tree):
    given = timezone.now() - datetime.timedelta(days=40)
    person = UserFactory(
        fewer_opportunities=["disability"], fewer_opportunities_consent_at=given
    )
    client.force_login(person)
    form_html = client.get(PROFILE_URL).content.decode()
    assert re.search(
        r'<input[^>]*name="fewer_opportunities_consent"[^>]*checked', form_html
    )
    assert 'value="disability"' in form_html
    response = client.post(
        PROFILE_URL,
        _profile(
            fewer_opportunities=["disability", "health"],
            fewer_opportunities_consent="on",
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.fewer_opportunities == ["disability", "health"]
    assert person.fewer_opportunities_consent_at == given


def test_unticking_consent_withdraws_it_and_erases_the_reasons(client, site_tree):
    person = UserFactory(
        fewer_opportunities=["cultural", "educational"],
        fewer_opportunities_consent_at=timezone.now(),
    )
    client.force_login(person)
    response = client.post(PROFILE_URL, _profile())
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.fewer_opportunities == []
    assert person.fewer_opportunities_consent_at is None
    assert person.declared_reasons() == []
    html = client.get("/en/accounts/me/").content.decode()
    assert "Cultural differences" not in html


def test_an_unknown_reason_is_refused(client, site_tree, learner):
    client.force_login(learner)
    response = client.post(
        PROFILE_URL,
        _profile(fewer_opportunities=["religion"], fewer_opportunities_consent="on"),
    )
    assert response.status_code == 200
    assert "fewer_opportunities" in response.context["form"].errors
    learner.refresh_from_db()
    assert learner.fewer_opportunities == []
    assert learner.fewer_opportunities_consent_at is None


def test_forged_fields_cannot_touch_another_row_or_privileges(
    client, site_tree, learner
):
    other = UserFactory(organisation="Untouched")
    partner = PartnerInstitutionFactory()
    client.force_login(learner)
    response = client.post(
        PROFILE_URL,
        _profile(
            pk=str(other.pk),
            id=str(other.pk),
            email="stolen@example.org",
            username="stolen",
            is_superuser="on",
            is_staff="on",
            partner=str(partner.pk),
            fewer_opportunities_consent_at="2001-01-01T00:00:00Z",
        ),
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.organisation == "Untouched"
    learner.refresh_from_db()
    assert learner.organisation == "Associazione Ponte"
    assert learner.email != "stolen@example.org"
    assert learner.username != "stolen"
    assert not learner.is_superuser
    assert not learner.is_staff
    assert learner.partner_id is None
    assert learner.fewer_opportunities_consent_at is None
    assert PartnerInstitution.objects.count() == 1


def test_the_form_is_accessible_and_explains_what_the_reasons_are_for(
    client, site_tree, learner
):
    client.force_login(learner)
    html = client.get(PROFILE_URL).content.decode()
    # Every input has a label; the checkbox group is a fieldset with a legend.
    for name in ("country", "organisation", "territorial_role", "birth_year"):
        assert f'for="id_{name}"' in html
    assert "<fieldset" in html
    assert "<legend>Situations that make taking part harder for me:</legend>" in html
    assert 'for="id_fewer_opportunities_consent"' in html
    for label in ("Disability", "Health problems", "Geographical obstacles"):
        assert label in html
    assert "counted per reason only" in html
    assert "never shown to your trainers or to anyone else" in html
    assert "withdraw your consent at any time" in html
