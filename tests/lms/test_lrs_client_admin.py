"""LRS clients made in the Wagtail admin: scopes chosen, the secret shown
once and working, replaced on demand, and only for administrators."""

import base64
import re

import pytest
from django.urls import reverse

from cms.roles import TRAINER
from lms.models import LRSClient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_lms_lrsclient:add"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def secret_on(response) -> str:
    found = re.search(rb'id="lrs-secret">([^<]+)<', response.content)
    assert found, "the credentials page shows the secret"
    return found.group(1).decode()


def statements_status(client, lrs_client, secret) -> int:
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    return client.get(
        "/xapi/statements",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="2.0.0",
    ).status_code


def test_an_administrator_makes_a_client_and_sees_its_secret_once(admin_client):
    response = admin_client.post(
        reverse(ADD),
        {"name": "Ralph analytics", "scopes": ["statements/read"], "active": "on"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    made = LRSClient.objects.get(name="Ralph analytics")
    assert made.scopes == ["statements/read"]
    secret = secret_on(response)
    assert secret not in made.secret_hash
    assert made.key.encode() in response.content
    assert b"/xapi/" in response.content
    assert statements_status(admin_client, made, secret) == 200
    # The edit page never shows it again.
    edit = admin_client.get(
        reverse("wagtailsnippets_lms_lrsclient:edit", args=[made.pk])
    )
    assert secret.encode() not in edit.content


def test_a_client_needs_a_name_and_known_scopes(admin_client):
    response = admin_client.post(
        reverse(ADD), {"name": "", "scopes": ["everything"], "active": "on"}
    )
    assert response.status_code == 200
    assert not LRSClient.objects.exists()
    assert b"lrs-secret" not in response.content
    assert b"error" in response.content


def test_scopes_are_edited_with_checkboxes(admin_client):
    made, _secret = LRSClient.create("H5P host", ["statements/write"])
    url = reverse("wagtailsnippets_lms_lrsclient:edit", args=[made.pk])
    page = admin_client.get(url)
    assert b'type="checkbox" name="scopes" value="statements/write"' in page.content
    admin_client.post(
        url,
        {"name": "H5P host", "scopes": ["statements/write", "state"], "active": "on"},
    )
    made.refresh_from_db()
    assert made.scopes == ["state", "statements/write"]


def test_a_new_secret_replaces_the_old_one(admin_client):
    made, old = LRSClient.create("H5P host", ["statements/read"])
    url = reverse("wagtailsnippets_lms_lrsclient:new_secret", args=[made.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    made.refresh_from_db()
    assert statements_status(admin_client, made, old) == 200  # GET changes nothing
    response = admin_client.post(url)
    new = secret_on(response)
    assert new != old
    assert statements_status(admin_client, made, old) == 401
    assert statements_status(admin_client, made, new) == 200


def test_trainers_cannot_manage_clients(client):
    trainer = UserFactory(role=TRAINER)
    client.force_login(trainer)
    made, _secret = LRSClient.create("H5P host", ["statements/read"])
    assert client.get(reverse(ADD)).status_code in (302, 403)
    response = client.post(
        reverse("wagtailsnippets_lms_lrsclient:new_secret", args=[made.pk])
    )
    assert response.status_code in (302, 403)
    assert made.secret_hash == LRSClient.objects.get(pk=made.pk).secret_hash


def test_a_forged_client_id_is_not_found(admin_client):
    url = reverse("wagtailsnippets_lms_lrsclient:new_secret", args=[987654])
    assert admin_client.post(url).status_code == 404
