"""Signed statements (xAPI 2.0, Data 2.6), in plain Python.

A statement is signed by attaching a JSON Web Signature (RFC 7515) of
itself: an attachment whose ``usageType`` is
``http://adlnet.gov/expapi/attachments/signature`` and whose data, sent as
a part of a ``multipart/mixed`` request, is the JWS.  The specification's
requirements, and how each is met here:

    "A Signed Statement MUST include a JSON web signature (JWS) as defined
    here: http://tools.ietf.org/html/rfc7515, as an Attachment with a
    usageType of http://adlnet.gov/expapi/attachments/signature and a
    contentType of application/octet-stream."  (2.6.s4.b1)

Any other contentType on a signature attachment is refused, and so is a
signature attachment whose data is not in the request: the LRS does not
fetch fileUrls, and "the LRS must reject with 400 a statement which has
usageType of [signature] ... but does not have a signature attached"
(conformance requirement XAPI-00115).

    "JWS Compact Serialization SHOULD* be used to create the JSON web
    signature. Use of JWS JSON Serialization is strongly discouraged, is
    unlikely to be interoperable with other systems, and will be forbidden
    in a future version of this specification."  (2.6.s4.b2)

Only the compact serialization is read; a JSON-serialised JWS is refused
with a message that says so.

    "The JWS signature MUST have a payload of a valid JSON serialization of
    the complete Statement before the signature was added."  (2.6.s4.b3)
    "The JWS signature MUST use an algorithm of "RS256", "RS384", or
    "RS512"."  (2.6.s4.b4)

The payload must be a JSON object that ``validate_statement`` accepts;
``alg`` must be one of the three (``none``, HS256 and the rest are
refused).  A ``crit`` header is refused, since no extension is understood
(RFC 7515, 4.1.11).

    "The LRS MUST reject requests to store Statements that contain
    malformed signatures, with 400 Bad Request. [...] In order to verify
    signatures are well formed, the LRS MUST do the following:
    Decode the JWS signature, and load the signed serialization of the
    Statement from the JWS signature payload.
    Validate that the original Statement is logically equivalent to the
    received Statement. See Statement comparison requirements.
    If the JWS header includes an X.509 certificate, validate the signature
    against that certificate as defined in JWS.
    Validate that the signature requirements outlined above have been met."
    (2.6.s5.b1, b3)

"Logically equivalent" follows the statement comparison requirements
(2.3.1): differences the exceptions to immutability could have caused are
ignored, which is what ``comparison.same_statement`` implements
(``attachments``, ``stored``, ``authority``, ``version``, verb display,
activity definitions, member order, e-mail domain case, timestamp
notation).  Two LRS assignments are held tighter: an ``id`` or
``timestamp`` present in the signed payload must be present, and equal, in
the statement, since the LRS only assigns them when they are missing and
would otherwise store a statement the signature does not describe.

With an ``x5c`` header, the RSASSA-PKCS1-v1_5 signature is verified with
the public key of the first (leaf) certificate, which must be RSA of at
least 2048 bits (RFC 7518, 3.3).  The chain is parsed but not validated,
nor are validity dates checked: "the step of validating against the
included X.509 certificate is intended as a way to catch mistakes in the
signature, not as a security measure" (2.6.s5 note).  Without ``x5c``
there is no key to verify with, and the specification asks for none: the
structure, algorithm and payload are checked and the statement accepted.
"Clients MUST NOT assume a signature is valid simply because an LRS has
accepted it" (2.6.s6.b2).
"""

import base64
import binascii
import json
import re
from collections.abc import Mapping

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .comparison import same_statement
from .multipart import media_type
from .validation import StatementError, validate_statement

__all__ = [
    "SIGNATURE_USAGE",
    "check_signatures",
    "verify_signed_statement",
]

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
ALGORITHMS = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
MINIMUM_KEY_BITS = 2048


def _unique_members(pairs):
    """A JSON object hook refusing repeated names (RFC 7515, 4: MUST reject)."""
    members = {}
    for name, value in pairs:
        if name in members:
            raise ValueError(f"{name} is given twice")
        members[name] = value
    return members


def _segment(text: str, what: str) -> bytes:
    """Decode one base64url segment (unpadded, RFC 7515 section 2)."""
    if not BASE64URL.fullmatch(text):
        raise StatementError("", f"the JWS {what} is not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise StatementError("", f"the JWS {what} is not base64url") from None


def _json_object(raw: bytes, what: str) -> dict:
    try:
        value = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique_members)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError alike
        raise StatementError("", f"the JWS {what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise StatementError("", f"the JWS {what} must be a JSON object")
    return value


def _decode_compact(signature_part: bytes):
    """Header, payload, signing input and signature of a compact JWS."""
    try:
        text = signature_part.decode("ascii")
    except UnicodeDecodeError:
        raise StatementError("", "the signature is not a compact JWS") from None
    if text.lstrip().startswith("{"):
        raise StatementError(
            "", "the signature uses the JWS JSON serialization; send the compact one"
        )
    segments = text.split(".")
    if len(segments) != 3:
        raise StatementError("", "the signature is not a compact JWS")
    header = _json_object(_segment(segments[0], "header"), "header")
    payload = _segment(segments[1], "payload")
    signature = _segment(segments[2], "signature")
    signing_input = f"{segments[0]}.{segments[1]}".encode("ascii")
    return header, payload, signing_input, signature


def _signed_statement(payload: bytes) -> dict:
    """The payload as a checked, normalised statement."""
    value = _json_object(payload, "payload")
    try:
        return validate_statement(value)
    except StatementError as problem:
        raise StatementError(
            "", f"the signed statement is not valid: {problem}"
        ) from None


def _same_as_signed(statement: dict, signed: dict) -> None:
    received = validate_statement(statement)
    for key in ("id", "timestamp"):
        if key in signed and key not in received:
            raise StatementError("", f"the signed statement has a {key}, this one none")
    if "id" in signed and signed["id"] != received["id"]:
        raise StatementError("", "the statement's id differs from the signed one")
    if not same_statement(signed, received):
        raise StatementError("", "the statement differs from the one signed")


def _leaf_key(chain) -> rsa.RSAPublicKey:
    """The RSA public key of the first certificate of an ``x5c`` chain.

    Every entry must be a base64 (not base64url, RFC 7515 4.1.6) DER
    certificate; only the first one's key is used.
    """
    if not isinstance(chain, list) or not chain:
        raise StatementError("", "the JWS x5c header must be a list of certificates")
    certificates = []
    for entry in chain:
        try:
            der = base64.b64decode(entry, validate=True)
            certificates.append(x509.load_der_x509_certificate(der))
        except (TypeError, ValueError, binascii.Error):
            raise StatementError(
                "", "the JWS x5c header holds something not a certificate"
            ) from None
    key = certificates[0].public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise StatementError("", "the x5c certificate's key is not an RSA key")
    if key.key_size < MINIMUM_KEY_BITS:
        raise StatementError("", "the x5c certificate's RSA key is under 2048 bits")
    return key


def verify_signed_statement(statement: dict, signature_part: bytes) -> None:
    """Accept ``signature_part`` as a well-formed signature of ``statement``.

    ``statement`` is the statement as received (with or without its
    attachments, validated or not); ``signature_part`` the octets of the
    signature attachment's part, a compact JWS.  Returns None, or raises
    ``StatementError`` when the JWS is malformed, uses another algorithm
    than RS256/384/512, signs a payload that is not this statement, or,
    with an ``x5c`` header, does not verify with the leaf certificate.
    """
    header, payload, signing_input, signature = _decode_compact(signature_part)
    algorithm = header.get("alg")
    if not isinstance(algorithm, str) or algorithm not in ALGORITHMS:
        named = repr(algorithm) if isinstance(algorithm, str) else "none given"
        raise StatementError(
            "", f"the JWS algorithm must be RS256, RS384 or RS512, not {named[:20]}"
        )
    if "crit" in header:
        raise StatementError("", "the JWS names critical extensions this LRS lacks")
    if not signature:
        raise StatementError("", "the JWS has an empty signature")
    _same_as_signed(statement, _signed_statement(payload))
    if "x5c" in header:
        key = _leaf_key(header["x5c"])
        try:
            key.verify(
                signature, signing_input, padding.PKCS1v15(), ALGORITHMS[algorithm]()
            )
        except InvalidSignature:
            raise StatementError(
                "", "the signature does not verify with the x5c certificate"
            ) from None


def _join(path, key):
    return f"{path}.{key}" if path and key else path or str(key)


def check_signatures(statements, parts: Mapping) -> None:
    """Verify every signature attachment of a statement or batch.

    ``statements`` is the validated request body, ``parts`` the mapping of
    lower-case hash to ``multipart.Part`` (empty for an ``application/json``
    request).  Only a statement's own attachments sign it; a SubStatement
    is not signed apart.  Raises ``StatementError`` with the path of the
    offending attachment.
    """
    batch = statements if isinstance(statements, list) else [statements]
    for n, statement in enumerate(batch):
        prefix = f"[{n}]" if isinstance(statements, list) else ""
        attachments = (
            statement.get("attachments") if isinstance(statement, dict) else None
        )
        for i, attachment in enumerate(attachments or []):
            if not isinstance(attachment, dict):
                continue
            if attachment.get("usageType") != SIGNATURE_USAGE:
                continue
            path = _join(prefix, f"attachments.{i}")
            if media_type(attachment.get("contentType")) != "application/octet-stream":
                raise StatementError(
                    _join(path, "contentType"),
                    'must be "application/octet-stream" for a signature',
                )
            part = parts.get(str(attachment.get("sha2", "")).lower())
            if part is None:
                raise StatementError(
                    path, "the signature's data must be in the request"
                )
            try:
                verify_signed_statement(statement, part.data)
            except StatementError as problem:
                raise StatementError(
                    _join(path, problem.path), problem.message
                ) from None
