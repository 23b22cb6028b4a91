"""Sign-up, e-mail verification, login and the account page (django-allauth)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from cms.roles import LEARNER
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def _signup(
    client,
    email="nouvelle@example.org",
    password1="un-mot-de-passe-solide-42",
    password2=None,
):
    return client.post(
        "/fr/accounts/signup/",
        {"email": email, "password1": password1, "password2": password2 or password1},
    )


def test_signup_creates_a_learner_and_sends_a_verification_email(client, site_tree):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert list(user.groups.values_list("name", flat=True)) == [LEARNER]
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nouvelle@example.org"]
    # The message is in the language the person signed up in.
    assert "Chaînon" in mail.outbox[0].subject


def test_signup_with_mismatched_passwords_creates_nobody(client, site_tree):
    response = _signup(client, password2="autre-chose-entierement-99")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.filter(email="nouvelle@example.org").exists()
    assert mail.outbox == []


def test_signup_with_a_weak_password_is_refused(client, site_tree):
    response = _signup(client, password1="123")
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(email="nouvelle@example.org").exists()


def test_signup_with_a_malformed_email_is_refused(client, site_tree):
    response = _signup(client, email="pas-une-adresse")
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.count() == 0


def test_an_email_cannot_be_registered_twice(client, site_tree):
    UserFactory(email="deja@example.org")
    _signup(client, email="DEJA@example.org")
    assert User.objects.filter(email__iexact="deja@example.org").count() == 1


def test_unverified_people_cannot_sign_in(client, site_tree):
    _signup(client)
    client.logout()
    response = client.post(
        "/fr/accounts/login/",
        {"login": "nouvelle@example.org", "password": "un-mot-de-passe-solide-42"},
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_login_with_email_lands_on_the_account_page(client, site_tree, learner):
    response = client.post(
        "/fr/accounts/login/", {"login": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/me/"
    page = client.get("/fr/accounts/me/").content.decode()
    assert learner.email in page


def test_wrong_password_is_refused_without_saying_which_part_is_wrong(
    client, site_tree, learner
):
    response = client.post(
        "/fr/accounts/login/", {"login": learner.email, "password": "faux"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_account_page_needs_a_login(client, site_tree):
    response = client.get("/en/accounts/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_account_page_shows_the_roles_in_the_reader_language(
    client, site_tree, trainer
):
    client.force_login(trainer)
    html = client.get("/en/accounts/me/").content.decode()
    assert "Trainer" in html
    html = client.get("/it/accounts/me/").content.decode()
    assert "Formatore" in html


def test_logout_needs_a_post(client, site_tree, learner):
    client.force_login(learner)
    client.get("/fr/accounts/logout/")
    assert "_auth_user_id" in client.session
    client.post("/fr/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_password_reset_emails_a_link(client, site_tree, learner):
    client.post("/fr/accounts/password/reset/", {"email": learner.email})
    assert len(mail.outbox) == 1
    assert learner.email in mail.outbox[0].to
