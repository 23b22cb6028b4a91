"""Personal API tokens: issued once, stored hashed, revocable, and the only
way a script gets past the API's front door besides a session."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import ApiToken
from cms.roles import TRAINER
from tests.factories import PartnerInstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"
TOKENS_PAGE = "/en/accounts/me/api-tokens/"


def bearer(plaintext):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def person():
    return UserFactory(role=TRAINER, partner=PartnerInstitutionFactory())


@pytest.fixture
def issued(person):
    return ApiToken.issue(person, "Collection sync")


# --- The model ------------------------------------------------------------------


def test_a_token_is_shown_once_and_only_its_digest_is_stored(issued):
    token, plaintext = issued
    match = re.fullmatch(r"chn_([0-9a-f]{12})_([A-Za-z0-9_-]{43})", plaintext)
    assert match
    assert match[1] == token.key_id
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert row["secret_hash"] == hashlib.sha256(match[2].encode()).hexdigest()
    assert not any(match[2] in str(value) for value in row.values())


def test_parsing_splits_at_the_first_underscore_since_secrets_may_hold_some():
    secret = "ab_cd-" + "x" * 37
    assert ApiToken.parse(f"chn_0123456789ab_{secret}") == ("0123456789ab", secret)
    assert ApiToken.parse("chn_0123456789ab") is None
    assert ApiToken.parse(f"xyz_0123456789ab_{secret}") is None
    assert ApiToken.parse(f"chn_0123456789AB_{secret}") is None


def test_each_token_gets_its_own_key_id(person):
    key_ids = {ApiToken.issue(person, f"t{n}")[0].key_id for n in range(20)}
    assert len(key_ids) == 20


# --- Authentication ------------------------------------------------------------


def test_a_good_token_acts_as_its_person(client, person, issued):
    response = client.get(ME, **bearer(issued[1]))
    assert response.status_code == 200
    assert response.json() == {
        "id": person.pk,
        "email": person.email,
        "name": person.display_name,
        "roles": [TRAINER],
        "partner": person.partner_id,
    }


def test_anonymous_callers_are_asked_for_a_bearer_token(client):
    response = client.get(ME)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "urn:chainon:problem:not_authenticated"


def test_a_revoked_token_is_refused(client, issued):
    token, plaintext = issued
    token.revoke()
    response = client.get(ME, **bearer(plaintext))
    assert response.status_code == 401
    assert response.json()["type"] == "urn:chainon:problem:authentication_failed"


def test_a_wrong_secret_is_refused(client, issued):
    plaintext = issued[1]
    last = "A" if plaintext[-1] != "A" else "B"
    assert client.get(ME, **bearer(plaintext[:-1] + last)).status_code == 401


def test_an_unknown_key_id_is_refused(client, issued):
    plaintext = issued[1]
    other_id = "0" * 12 if issued[0].key_id != "0" * 12 else "1" * 12
    forged = f"chn_{other_id}_{plaintext[17:]}"
    assert client.get(ME, **bearer(forged)).status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer a b",
        "Bearer chn_nothex",
        "bearer chn_0123456789ab_short",
        "Bearer chn_0123456789ab_" + "é" * 43,
    ],
)
def test_malformed_headers_are_refused_not_ignored(client, header):
    response = client.get(ME, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["status"] == 401


def test_the_token_of_a_deactivated_account_is_refused(client, person, issued):
    person.is_active = False
    person.save()
    assert client.get(ME, **bearer(issued[1])).status_code == 401


def test_other_schemes_are_left_to_the_session(client, person):
    """A Basic header is not ours: without a session the caller is anonymous."""
    assert client.get(ME, HTTP_AUTHORIZATION="Basic dXNlcjpwdw==").status_code == 401
    client.force_login(person)
    response = client.get(ME, HTTP_AUTHORIZATION="Basic dXNlcjpwdw==")
    assert response.status_code == 200
    assert response.json()["id"] == person.pk


def test_a_token_needs_no_csrf_token_but_a_session_does(person, issued):
    browser = Client(enforce_csrf_checks=True)
    script = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    # me/ takes no POST: a 405 shows the request got past authentication.
    assert script.post(ME, {}, **bearer(issued[1])).status_code == 405
    refused = browser.post(ME, {}, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]


def test_last_used_is_written_at_most_once_per_five_minutes(client, issued):
    token, plaintext = issued
    assert token.last_used_at is None

    client.get(ME, **bearer(plaintext))
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    with CaptureQueriesContext(connection) as queries:
        assert client.get(ME, **bearer(plaintext)).status_code == 200
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    token.refresh_from_db()
    assert token.last_used_at == first_use

    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - timedelta(minutes=6)
    )
    with CaptureQueriesContext(connection) as queries:
        client.get(ME, **bearer(plaintext))
    updates = [q for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < timedelta(minutes=1)


def test_tokens_also_open_the_upload_api_which_still_refuses_visitors(client, issued):
    """/api/media/ keeps its 403 for visitors (and bad tokens); a token is a
    signed-in caller, who is told the upload does not exist."""
    url = "/api/media/uploads/00000000-0000-0000-0000-000000000000/"
    assert client.get(url).status_code == 403
    assert client.get(url, **bearer(issued[1])).status_code == 404
    assert client.get(url, HTTP_AUTHORIZATION="Bearer nope").status_code == 403


# --- The account page ------------------------------------------------------------


def test_the_tokens_page_needs_a_login(client, site_tree):
    response = client.get(TOKENS_PAGE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.post(TOKENS_PAGE, {"name": "sneaky"})
    assert not ApiToken.objects.exists()


def test_the_account_page_links_to_the_tokens(client, site_tree, person):
    client.force_login(person)
    assert TOKENS_PAGE in client.get("/en/accounts/me/").text


def test_creating_a_token_shows_it_once(client, site_tree, person):
    client.force_login(person)
    created = client.post(TOKENS_PAGE, {"name": "Enrolment script"})

    assert created.status_code == 200
    token = ApiToken.objects.get(user=person)
    assert token.name == "Enrolment script"
    plaintext = re.search(r'value="(chn_[^"]+)"', created.text)[1]
    assert ApiToken.parse(plaintext)[0] == token.key_id
    assert "no-store" in created["Cache-Control"]
    assert 'for="new-token"' in created.text
    assert "shown only this once" in created.text
    # The plaintext works, and is nowhere to be seen afterwards.
    assert client.get(ME, **bearer(plaintext)).status_code == 200
    listing = client.get(TOKENS_PAGE)
    assert plaintext not in listing.text
    assert plaintext.split("_", 2)[2] not in listing.text
    assert "Enrolment script" in listing.text
    assert f"chn_{token.key_id}_" in listing.text


def test_a_token_needs_a_name(client, site_tree, person):
    client.force_login(person)
    response = client.post(TOKENS_PAGE, {"name": "   "})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert not ApiToken.objects.exists()


def test_the_number_of_active_tokens_is_bounded(client, site_tree, person):
    for number in range(20):
        ApiToken.issue(person, f"t{number}")
    client.force_login(person)
    response = client.post(TOKENS_PAGE, {"name": "one too many"})
    assert "revoke one" in response.text
    assert ApiToken.objects.filter(user=person).count() == 20
    ApiToken.objects.filter(user=person).first().revoke()
    client.post(TOKENS_PAGE, {"name": "replacement"})
    assert ApiToken.objects.filter(user=person, name="replacement").exists()


def test_the_list_shows_use_and_revocation(client, site_tree, person, issued):
    token, plaintext = issued
    ApiToken.issue(person, "Old spreadsheet")[0].revoke()
    client.force_login(person)
    page = client.get(TOKENS_PAGE).text
    assert page.count("<td>Never</td>") == 2
    assert page.count("Revoked on") == 1
    assert page.count(">Revoke<") == 1
    client.get(ME, **bearer(plaintext))
    assert client.get(TOKENS_PAGE).text.count("<td>Never</td>") == 1


def test_revoking_asks_first_then_locks_the_token_out(client, site_tree, issued):
    token, plaintext = issued
    client.force_login(token.user)
    url = f"/en/accounts/me/api-tokens/{token.pk}/revoke/"

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Collection sync" in confirmation.text
    token.refresh_from_db()
    assert token.revoked_at is None

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == TOKENS_PAGE
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(ME, **bearer(plaintext)).status_code == 401


def test_someone_elses_token_is_not_found(client, site_tree, issued):
    token, plaintext = issued
    client.force_login(UserFactory())
    url = f"/en/accounts/me/api-tokens/{token.pk}/revoke/"

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert "Collection sync" not in client.get(TOKENS_PAGE).text
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.get(ME, **bearer(plaintext)).status_code == 200
