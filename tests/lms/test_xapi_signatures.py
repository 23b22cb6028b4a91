"""Signed statements (xAPI 2.0, Data 2.6).

Each signature is made here, by hand: an RSA key and a self-signed
certificate from ``cryptography``, the compact JWS written out as
base64url(header) "." base64url(payload) "." base64url(signature), so the
tests do not lean on a JOSE library that might share the module's reading.
"""

import base64
import copy
import datetime
import hashlib
import hmac
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from lms.xapi.multipart import Part, check_attachments, parse_mixed
from lms.xapi.signatures import (
    SIGNATURE_USAGE,
    check_signatures,
    verify_signed_statement,
)
from lms.xapi.validation import StatementError

HASHES = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
UNIT = "https://chainon.example/xapi/activities/unit/5f0c8a1e"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def certificate_for(key, private_key=None) -> x509.Certificate:
    """A self-signed certificate (or one holding ``key``, signed by another)."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Chaînon test signer")])
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(private_key or key, hashes.SHA256())
    )


def x5c_entry(certificate) -> str:
    return base64.b64encode(
        certificate.public_bytes(serialization.Encoding.DER)
    ).decode()


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def certificate(key):
    return certificate_for(key)


def jws(payload, key, alg="RS256", certificate=None, header=None) -> bytes:
    """A compact JWS of ``payload`` (a statement, or raw bytes) signed by ``key``."""
    fields = {"alg": alg}
    if certificate is not None:
        fields["x5c"] = [x5c_entry(certificate)]
    fields.update(header or {})
    if not isinstance(payload, bytes):
        payload = json.dumps(payload).encode()
    signing_input = f"{b64url(json.dumps(fields).encode())}.{b64url(payload)}"
    if alg in HASHES:
        signature = key.sign(signing_input.encode(), padding.PKCS1v15(), HASHES[alg]())
    elif alg == "HS256":
        signature = hmac.new(
            b"shared secret", signing_input.encode(), "sha256"
        ).digest()
    else:
        signature = b""
    return f"{signing_input}.{b64url(signature)}".encode()


def base_statement(**changes):
    value = {
        "id": "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f",
        "actor": {"mbox": "mailto:lucas@chainon.example", "name": "Lucas"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": {"fr": "a terminé"},
        },
        "object": {"id": UNIT, "definition": {"name": {"fr": "Pourquoi ?"}}},
        "result": {"completion": True, "duration": "PT1H"},
        "timestamp": "2026-11-30T06:00:00.100+01:00",
    }
    value.update(copy.deepcopy(changes))
    return value


def signature_attachment(token: bytes, **changes):
    return {
        "usageType": SIGNATURE_USAGE,
        "display": {"en-US": "Signature"},
        "contentType": "application/octet-stream",
        "length": len(token),
        "sha2": hashlib.sha256(token).hexdigest(),
        **changes,
    }


def signed(statement, token, **changes):
    """``statement`` as sent: with the signature attachment added after signing."""
    value = copy.deepcopy(statement)
    value.setdefault("attachments", []).append(signature_attachment(token, **changes))
    return value


def rejected(statement, token, match):
    with pytest.raises(StatementError, match=match):
        verify_signed_statement(statement, token)


# --- well-formed signatures are accepted (2.6.s4) -----------------------------


@pytest.mark.parametrize("alg", ["RS256", "RS384", "RS512"])
def test_each_allowed_algorithm_verifies_with_the_x5c_certificate(
    key, certificate, alg
):
    statement = base_statement()
    token = jws(statement, key, alg, certificate)
    verify_signed_statement(signed(statement, token), token)


def test_a_statement_without_its_attachments_is_fine_too(key, certificate):
    statement = base_statement()
    verify_signed_statement(statement, jws(statement, key, certificate=certificate))


def test_without_x5c_there_is_no_key_and_only_the_form_is_checked(key):
    """2.6.s5.b3.b3 verifies against a certificate only "if" there is one."""
    statement = base_statement()
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jws(statement, other_key)
    verify_signed_statement(signed(statement, token), token)


def test_a_full_chain_in_x5c_is_read_leaf_first(key, certificate):
    issuer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = certificate_for(key, issuer_key)
    statement = base_statement()
    token = jws(
        statement,
        key,
        header={"x5c": [x5c_entry(leaf), x5c_entry(certificate_for(issuer_key))]},
    )
    verify_signed_statement(statement, token)


# --- the algorithm (2.6.s4.b4, XAPI-00117) ------------------------------------


@pytest.mark.parametrize("alg", ["HS256", "none", "PS256", "ES256", "rs256"])
def test_any_other_algorithm_is_refused(key, alg):
    statement = base_statement()
    rejected(statement, jws(statement, key, alg), "RS256, RS384 or RS512")


@pytest.mark.parametrize("header", [{"alg": None}, {"alg": ["RS256"]}, {"alg": 256}])
def test_a_missing_or_odd_alg_is_refused(key, header):
    statement = base_statement()
    token = jws(statement, key, header=header)
    rejected(statement, token, "RS256, RS384 or RS512, not none given")


def test_critical_extensions_are_refused(key, certificate):
    statement = base_statement()
    token = jws(statement, key, certificate=certificate, header={"crit": ["b64"]})
    rejected(statement, token, "critical")


def test_an_empty_signature_is_refused(key):
    statement = base_statement()
    token = jws(statement, key).rsplit(b".", 1)[0] + b"."
    rejected(statement, token, "empty signature")


# --- the payload is the statement (2.6.s4.b3, 2.6.s5.b3) ------------------


def test_a_payload_that_is_not_json_is_refused(key):
    """XAPI-00116, as the conformance suite breaks it: one quote swapped."""
    statement = base_statement()
    broken = json.dumps(statement).replace('"', "'", 1).encode()
    rejected(statement, jws(broken, key), "payload is not valid JSON")


@pytest.mark.parametrize("payload", [b"[]", b'"statement"', b"null"])
def test_a_payload_that_is_not_an_object_is_refused(key, payload):
    rejected(base_statement(), jws(payload, key), "payload must be a JSON object")


def test_a_payload_that_is_no_valid_statement_is_refused(key):
    statement = base_statement()
    payload = {k: v for k, v in statement.items() if k != "verb"}
    rejected(statement, jws(payload, key), "signed statement is not valid: verb")


def test_a_payload_for_another_statement_is_refused(key, certificate):
    statement = base_statement()
    other = base_statement(result={"completion": False, "duration": "PT1H"})
    rejected(statement, jws(other, key, certificate=certificate), "differs")


def test_a_payload_with_another_id_is_refused(key):
    statement = base_statement()
    other = base_statement(id="00000000-0000-4000-8000-000000000000")
    rejected(statement, jws(other, key), "id differs")


def test_a_payload_with_another_timestamp_is_refused(key):
    statement = base_statement()
    other = base_statement(timestamp="2026-11-30T07:00:00Z")
    rejected(statement, jws(other, key), "differs")


@pytest.mark.parametrize("key_name", ["id", "timestamp"])
def test_a_signed_id_or_timestamp_must_still_be_there(key, key_name):
    statement = base_statement()
    del statement[key_name]
    rejected(statement, jws(base_statement(), key), f"has a {key_name}, this one none")


@pytest.mark.parametrize("key_name", ["id", "timestamp"])
def test_an_id_or_timestamp_the_lrs_assigned_after_signing_is_fine(key, key_name):
    """2.3.1.b1: what the LRS assigns is an exception to immutability."""
    payload = base_statement()
    del payload[key_name]
    verify_signed_statement(base_statement(), jws(payload, key))


def test_what_the_lrs_adds_or_may_reserialise_is_ignored(key, certificate):
    """The statement comparison requirements of 2.3.1, as comparison.py has them."""
    payload = base_statement()
    statement = base_statement(
        id=payload["id"].upper(),
        timestamp="2026-11-30T05:00:00.1Z",
        stored="2026-11-30T05:00:01Z",
        authority={"mbox": "mailto:lrs@chainon.example"},
        version="2.0.0",
        verb={"id": "http://adlnet.gov/expapi/verbs/completed"},
        object={"id": UNIT},
    )
    verify_signed_statement(statement, jws(payload, key, certificate=certificate))


def test_other_attachments_signed_with_the_statement_are_fine(key, certificate):
    essay = {
        "usageType": "http://example.com/attachment-usage/essay",
        "display": {"en-US": "Essay"},
        "contentType": "text/plain",
        "length": 5,
        "sha2": hashlib.sha256(b"essay").hexdigest(),
    }
    payload = base_statement(attachments=[essay])
    token = jws(payload, key, certificate=certificate)
    verify_signed_statement(signed(payload, token), token)


# --- x5c: the signature must verify with the leaf's key (2.6.s5.b3.b3) --------


def test_a_tampered_payload_does_not_verify(key, certificate):
    statement = base_statement()
    token = jws(
        base_statement(result={"completion": False}), key, certificate=certificate
    )
    header, _payload, signature = token.split(b".")
    forged = b".".join(
        [header, b64url(json.dumps(statement).encode()).encode(), signature]
    )
    rejected(statement, forged, "does not verify")


def test_a_tampered_signature_does_not_verify(key, certificate):
    statement = base_statement()
    token = jws(statement, key, certificate=certificate)
    header, payload, signature = token.split(b".")
    raw = bytearray(base64.urlsafe_b64decode(signature + b"=" * (-len(signature) % 4)))
    raw[10] ^= 1
    rejected(
        statement,
        b".".join([header, payload, b64url(bytes(raw)).encode()]),
        "does not verify",
    )


def test_a_signature_by_another_key_than_the_certificates_does_not_verify(certificate):
    statement = base_statement()
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rejected(
        statement, jws(statement, other_key, certificate=certificate), "does not verify"
    )


def test_the_declared_algorithm_is_the_one_verified(key, certificate):
    """Signed with SHA-256 but labelled RS512: "not use them correctly"."""
    statement = base_statement()
    token = jws(statement, key, "RS256", certificate)
    header, payload, signature = token.split(b".")
    relabelled = b64url(
        json.dumps({"alg": "RS512", "x5c": [x5c_entry(certificate)]}).encode()
    )
    rejected(
        statement,
        b".".join([relabelled.encode(), payload, signature]),
        "does not verify",
    )


@pytest.mark.parametrize(
    "x5c",
    [
        "MIIB",
        [],
        ["not base64!"],
        [base64.b64encode(b"not a certificate").decode()],
        [7],
    ],
)
def test_an_x5c_that_holds_no_certificate_is_refused(key, x5c):
    statement = base_statement()
    rejected(statement, jws(statement, key, header={"x5c": x5c}), "x5c")


def test_every_x5c_entry_must_be_a_certificate(key, certificate):
    statement = base_statement()
    token = jws(statement, key, header={"x5c": [x5c_entry(certificate), "AAAA"]})
    rejected(statement, token, "x5c")


def test_an_x5c_certificate_must_hold_an_rsa_key(key):
    statement = base_statement()
    ec_certificate = certificate_for(ec.generate_private_key(ec.SECP256R1()))
    rejected(
        statement, jws(statement, key, certificate=ec_certificate), "not an RSA key"
    )


def test_an_rsa_key_under_2048_bits_is_refused():
    """RFC 7518, 3.3: "A key of size 2048 bits or larger MUST be used"."""
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 (the point)
    statement = base_statement()
    rejected(
        statement, jws(statement, small, certificate=certificate_for(small)), "2048"
    )


# --- a malformed JWS (2.6.s5.b1) ------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [b"", b"only.two", b"a.b.c.d", b"a.b.c.d.e", b"\xff\xfe.a.b"],
)
def test_anything_but_three_segments_is_refused(token):
    rejected(base_statement(), token, "compact JWS")


def test_the_json_serialization_is_refused_with_a_reason(key):
    compact = jws(base_statement(), key).decode().split(".")
    as_json = json.dumps(
        {"protected": compact[0], "payload": compact[1], "signature": compact[2]}
    )
    rejected(base_statement(), as_json.encode(), "JSON serialization")


@pytest.mark.parametrize("segment", [0, 1, 2])
@pytest.mark.parametrize("damage", ["+", "/", "=", " ", "*"])
def test_characters_outside_base64url_are_refused(key, segment, damage):
    parts = jws(base_statement(), key).decode().split(".")
    parts[segment] = parts[segment][:4] + damage + parts[segment][4:]
    rejected(base_statement(), ".".join(parts).encode(), "not base64url")


def test_a_segment_of_impossible_length_is_refused(key):
    header, payload, signature = jws(base_statement(), key).decode().split(".")
    damaged = payload + (
        "A" if len(payload) % 4 == 0 else "AAAAA"[: 5 - len(payload) % 4]
    )
    assert len(damaged) % 4 == 1
    rejected(base_statement(), f"{header}.{damaged}.{signature}".encode(), "payload")


def test_a_header_that_is_not_a_json_object_is_refused(key):
    _header, payload, signature = jws(base_statement(), key).decode().split(".")
    for header in (b"not json", b"[]", b""):
        token = f"{b64url(header)}.{payload}.{signature}".encode()
        rejected(base_statement(), token, "header")


def test_a_header_naming_a_member_twice_is_refused(key):
    """RFC 7515, 4: such a JWS MUST be rejected (or read by the last one)."""
    _header, payload, signature = jws(base_statement(), key).decode().split(".")
    header = b64url(b'{"alg": "HS256", "alg": "RS256"}')
    rejected(base_statement(), f"{header}.{payload}.{signature}".encode(), "header")


# --- signature attachments in a request (2.6.s4.b1, XAPI-00115) --------------


def test_a_signed_statement_passes_in_a_batch(key, certificate):
    first = base_statement()
    second = base_statement(id="6f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f")
    tokens = [jws(s, key, certificate=certificate) for s in (first, second)]
    batch = [signed(first, tokens[0]), signed(second, tokens[1]), base_statement()]
    parts = {hashlib.sha256(t).hexdigest(): Part(None, t) for t in tokens}
    check_signatures(batch, parts)


def test_a_signature_attachment_must_be_octet_stream(key):
    """XAPI-00115, "bad contentType" in the conformance suite."""
    statement = base_statement()
    token = jws(statement, key)
    sent = signed(statement, token, contentType="text/plain; charset=ascii")
    parts = {hashlib.sha256(token).hexdigest(): Part("text/plain", token)}
    with pytest.raises(StatementError, match=r"^attachments\.0\.contentType"):
        check_signatures(sent, parts)


def test_a_signature_attachment_needs_its_data_in_the_request(key):
    """XAPI-00115: a signature attachment but no signature attached."""
    statement = base_statement()
    token = jws(statement, key)
    sent = signed(statement, token, fileUrl="https://chainon.example/signature.jws")
    with pytest.raises(StatementError, match=r"^attachments\.0: the signature's data"):
        check_signatures(sent, {})


def test_a_bad_signature_in_a_batch_is_named_by_its_place(key):
    first = base_statement()
    second = base_statement(id="6f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f")
    good, bad = jws(first, key), jws(first, key, "HS256")
    batch = [signed(first, good), signed(second, bad)]
    parts = {hashlib.sha256(t).hexdigest(): Part(None, t) for t in (good, bad)}
    with pytest.raises(StatementError, match=r"^\[1\]\.attachments\.0: the JWS alg"):
        check_signatures(batch, parts)


def test_statements_without_signatures_are_left_alone():
    essay = {
        "usageType": "http://example.com/attachment-usage/essay",
        "display": {"en-US": "Essay"},
        "contentType": "text/plain",
        "length": 5,
        "sha2": hashlib.sha256(b"essay").hexdigest(),
        "fileUrl": "https://chainon.example/essay.txt",
    }
    check_signatures([base_statement(), base_statement(attachments=[essay])], {})


def test_a_signed_statement_sent_as_the_conformance_suite_sends_it(key, certificate):
    """The whole path: parse the multipart body, pair the parts, verify."""
    statement = base_statement()
    token = jws(statement, key, "RS384", certificate)
    sent = signed(statement, token)
    boundary = "-------------2718281828"
    body = b"".join(
        [
            f"\r\n--{boundary}\r\nContent-Type:application/json\r\n\r\n".encode(),
            json.dumps(sent).encode(),
            f"\r\n--{boundary}\r\nContent-Type:application/octet-stream\r\n"
            "Content-Transfer-Encoding:binary\r\n"
            f"X-Experience-API-Hash:{sent['attachments'][0]['sha2']}\r\n\r\n".encode(),
            token,
            f"\r\n--{boundary}--".encode(),
        ]
    )
    statements, parts = parse_mixed(f"multipart/mixed; boundary={boundary}", body)
    check_attachments(statements, parts)
    check_signatures(statements, parts)
