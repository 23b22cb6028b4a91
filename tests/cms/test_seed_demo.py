"""The demo network: complete, idempotent, and safe by default."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page

from cms.demo.accounts import DEMO_ACCOUNTS
from cms.models import HomePage
from mediation.models import PartnerInstitution

pytestmark = pytest.mark.django_db


def _row_counts():
    return {
        model._meta.label: model._default_manager.count() for model in apps.get_models()
    }


def test_seed_twice_leaves_the_same_row_counts():
    call_command("seed_demo", "--force", stdout=StringIO())
    first = _row_counts()
    call_command("seed_demo", "--force", stdout=StringIO())
    assert _row_counts() == first


def test_seed_builds_the_network(client):
    call_command("seed_demo", "--force", stdout=StringIO())
    assert HomePage.objects.live().count() == 5
    assert PartnerInstitution.objects.filter(locale__language_code="fr").count() == 7
    assert PartnerInstitution.objects.count() == 35
    coordinator = PartnerInstitution.objects.get(
        is_coordinator=True, locale__language_code="fr"
    )
    assert coordinator.name == "Sagiterre"
    # Wagtail's placeholder welcome page is gone; the site root is the French home.
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    for code in ["fr", "en", "pt", "es", "it"]:
        assert client.get(f"/{code}/").status_code == 200
    html = client.get("/pt/").content.decode()
    assert "Declaração de acessibilidade" in html  # footer link, in Portuguese


def test_every_demo_account_can_sign_in_with_its_printed_password(capsys):
    call_command("seed_demo", "--force")
    printed = capsys.readouterr().out
    for account in DEMO_ACCOUNTS:
        assert account["email"] in printed and account["password"] in printed
        user = authenticate(username=account["email"], password=account["password"])
        assert user is not None, account["email"]
        if account["role"]:
            assert user.groups.filter(name=account["role"]).exists()
    admin = get_user_model().objects.get(email="admin@chainon.example")
    assert admin.is_superuser
    client = Client()
    assert client.login(username="admin@chainon.example", password="chainon-admin-demo")
    assert client.get("/admin/").status_code == 200


def test_seed_keeps_what_editors_changed():
    call_command("seed_demo", "--force", stdout=StringIO())
    home = HomePage.objects.get(locale__language_code="fr")
    home.intro = "Texte revu par la coordination."
    home.save_revision().publish()
    call_command("seed_demo", "--force", stdout=StringIO())
    home.refresh_from_db()
    assert home.intro == "Texte revu par la coordination."


def test_seed_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="public passwords"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()
