"""Statement attachments over HTTP: multipart/mixed requests and responses,
fileUrl-only attachments, signed statements, and nothing kept from a
refused batch."""

import base64
import email
import hashlib
import json
import uuid
from email import policy
from urllib.parse import urlencode

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from lms.models import LRSClient, Statement, StatementAttachment
from tests.lms.test_xapi_signatures import (
    certificate_for,
    jws,
    signature_attachment,
)

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
UNIT = "https://chainon.example/xapi/activities/unit/1"
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
BOUNDARY = "chainon-test-boundary"


@pytest.fixture
def tool(db):
    client, secret = LRSClient.create(
        "tool", [LRSClient.Scope.WRITE, LRSClient.Scope.READ]
    )
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {
        "HTTP_AUTHORIZATION": f"Basic {token}",
        "HTTP_X_EXPERIENCE_API_VERSION": "2.0.0",
    }


def attachment(data=PHOTO, **changes):
    return {
        "usageType": "https://chainon.example/xapi/attachments/field-photo",
        "display": {"fr": "Photo du terrain"},
        "contentType": "image/png",
        "length": len(data),
        "sha2": hashlib.sha256(data).hexdigest(),
        **changes,
    }


def statement(*attachments, **changes):
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:lucas@chainon.example"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": UNIT},
        "attachments": list(attachments),
        **changes,
    }


def mixed(statements, *parts):
    """A multipart/mixed body written out by hand, as a tool would send it."""
    chunks = [
        f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n".encode()
        + json.dumps(statements).encode()
    ]
    for content_type, data, sha2 in parts:
        chunks.append(
            f"--{BOUNDARY}\r\nContent-Type: {content_type}\r\n"
            "Content-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2 or hashlib.sha256(data).hexdigest()}"
            "\r\n\r\n".encode()
            + data
        )
    return b"\r\n".join(chunks) + f"\r\n--{BOUNDARY}--\r\n".encode()


def post_mixed(client, headers, statements, *parts):
    return client.post(
        URL,
        data=mixed(statements, *parts),
        content_type=f'multipart/mixed; boundary="{BOUNDARY}"',
        **headers,
    )


def parts_of(response):
    """The parts of a multipart/mixed response, in order, as (headers, bytes)."""
    raw = f"Content-Type: {response['Content-Type']}\r\n\r\n".encode()
    message = email.message_from_bytes(raw + response.content, policy=policy.HTTP)
    assert message.is_multipart()
    return [(part, part.get_payload(decode=True)) for part in message.iter_parts()]


class TestMultipartRequests:
    def test_a_statement_with_its_attachment_is_kept_and_returned(self, client, tool):
        sent = statement(attachment())
        response = post_mixed(client, tool, [sent], ("image/png", PHOTO, None))
        assert response.status_code == 200, response.content
        assert response.json() == [sent["id"]]
        kept = StatementAttachment.objects.get()
        assert kept.sha2 == hashlib.sha256(PHOTO).hexdigest()
        assert kept.length == len(PHOTO)

        plain = client.get(f"{URL}?statementId={sent['id']}", **tool)
        assert plain["Content-Type"] == "application/json"

        with_data = client.get(
            f"{URL}?{urlencode({'statementId': sent['id'], 'attachments': 'true'})}",
            **tool,
        )
        assert with_data.status_code == 200
        assert with_data["Content-Type"].startswith("multipart/mixed")
        (json_part, body), (photo_part, data) = parts_of(with_data)
        assert json.loads(body)["id"] == sent["id"]
        assert data == PHOTO
        assert photo_part["X-Experience-API-Hash"] == kept.sha2

    def test_a_query_with_attachments_sends_each_hash_once(self, client, tool):
        first, second = statement(attachment()), statement(attachment())
        response = post_mixed(client, tool, [first, second], ("image/png", PHOTO, None))
        assert response.status_code == 200, response.content
        listing = client.get(f"{URL}?attachments=true", **tool)
        parts = parts_of(listing)
        assert len(parts) == 2
        result = json.loads(parts[0][1])
        assert {s["id"] for s in result["statements"]} == {first["id"], second["id"]}
        assert parts[1][1] == PHOTO

    def test_a_wrong_hash_is_refused_and_nothing_is_kept(self, client, tool):
        response = post_mixed(
            client,
            tool,
            [statement(attachment())],
            ("image/png", PHOTO, hashlib.sha256(b"other").hexdigest()),
        )
        assert response.status_code == 400
        assert "error" in response.json()
        assert not Statement.objects.exists()
        assert not StatementAttachment.objects.exists()

    def test_a_missing_part_is_refused(self, client, tool):
        response = post_mixed(client, tool, [statement(attachment())])
        assert response.status_code == 400
        assert not Statement.objects.exists()

    def test_a_part_no_attachment_names_is_refused(self, client, tool):
        response = post_mixed(
            client,
            tool,
            [statement(attachment())],
            ("image/png", PHOTO, None),
            ("text/plain", b"stray", None),
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()

    def test_one_bad_statement_refuses_the_whole_batch(self, client, tool):
        response = post_mixed(
            client,
            tool,
            [statement(attachment()), statement(verb={"id": "not an iri"})],
            ("image/png", PHOTO, None),
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()
        assert not StatementAttachment.objects.exists()

    @pytest.mark.parametrize(
        "content_type",
        ["multipart/mixed", "multipart/form-data; boundary=x", "text/plain"],
    )
    def test_other_or_incomplete_content_types_are_refused(
        self, client, tool, content_type
    ):
        response = client.post(
            URL,
            data=mixed([statement(attachment())], ("image/png", PHOTO, None)),
            content_type=content_type,
            **tool,
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()


class TestJsonRequests:
    def test_an_attachment_with_only_a_file_url_needs_no_part(self, client, tool):
        sent = statement(attachment(fileUrl="https://chainon.example/photo.png"))
        response = client.post(
            URL, data=json.dumps(sent), content_type="application/json", **tool
        )
        assert response.status_code == 200, response.content
        assert not StatementAttachment.objects.exists()

    def test_an_attachment_without_data_nor_file_url_is_refused(self, client, tool):
        response = client.post(
            URL,
            data=json.dumps(statement(attachment())),
            content_type="application/json",
            **tool,
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class TestSignedStatements:
    def test_a_well_signed_statement_is_accepted(self, client, tool, key):
        original = statement()
        del original["attachments"]
        token = jws(original, key, certificate=certificate_for(key))
        sent = {**original, "attachments": [signature_attachment(token)]}
        response = post_mixed(
            client, tool, [sent], ("application/octet-stream", token, None)
        )
        assert response.status_code == 200, response.content
        assert Statement.objects.filter(pk=sent["id"]).exists()

    def test_a_signature_of_another_statement_is_refused(self, client, tool, key):
        original = statement()
        del original["attachments"]
        token = jws(
            {**original, "object": {"id": UNIT + "/other"}},
            key,
            certificate=certificate_for(key),
        )
        sent = {**original, "attachments": [signature_attachment(token)]}
        response = post_mixed(
            client, tool, [sent], ("application/octet-stream", token, None)
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()
        assert not StatementAttachment.objects.exists()

    def test_a_forged_signature_is_refused(self, client, tool, key):
        original = statement()
        del original["attachments"]
        impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        # Signed by one key, presented with another's certificate.
        token = jws(original, impostor, certificate=certificate_for(key))
        sent = {**original, "attachments": [signature_attachment(token)]}
        response = post_mixed(
            client, tool, [sent], ("application/octet-stream", token, None)
        )
        assert response.status_code == 400
        assert not Statement.objects.exists()
