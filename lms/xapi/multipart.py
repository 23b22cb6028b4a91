"""Statement attachments over ``multipart/mixed`` (xAPI 2.0, Communication 1.5.2).

An attachment's data travels beside its statement, not inside it: the
request is ``multipart/mixed`` (RFC 2046), its first part the statement
or batch as ``application/json``, each further part the raw octets of one
attachment, found again by the SHA-2 hash it declares.  This module reads
and writes that format and checks the pairing of statements and parts,
importing nothing from Django so the rules can be read against the
specification and tested on their own.

What the specification asks, and what is done with it:

* "It MUST be of type ``application/json`` and include a fileUrl for every
  Attachment" (1.5.2.s2.b1), otherwise "conform to the definition of
  multipart/mixed in RFC 2046", with "the Statements themselves, with type
  application/json" in the first part (s2.b2.b1).  ``parse_mixed`` refuses
  any other shape; ``require_file_urls`` serves the plain JSON request.
* Each part after the first "MUST include an X-Experience-API-Hash
  parameter" (s2.b2.b3): refused without it, or when it is not the hash of
  the part's octets (recomputed here, with the SHA-2 its length names).
* Each such part "MUST include a Content-Transfer-Encoding parameter with a
  value of binary" (s2.b2.b4), yet "an LRS SHOULD assume a
  Content-Transfer-Encoding of binary for Attachment parts" (s3.b6): a
  missing header is read as ``binary``, any other value is refused (the
  ADL conformance suite sends ``base64`` and expects 400).
* "An LRS MUST reject batches of Statements having Attachments that neither
  contain a fileUrl nor match a received Attachment part based on their
  hash" (s3.b5), and a part that belongs to no attachment is refused too
  (conformance requirement XAPI-00128): ``check_attachments``.
* Where a part header has a matching attachment property (Content-Type and
  contentType, Content-Length and length), "the value of these parameters
  and properties MUST match" (s2.b2.b7).  Content types are compared by
  media type only, since the specification's own example sends
  ``text/plain; charset=ascii`` in the statement and ``text/plain`` on the
  part.  A part's octet count is not compared with ``length`` when the part
  carries no Content-Length: the specification makes the hash, and nothing
  else, the way to match data with its attachment (s1.b4).
* "SHOULD only include one copy of an Attachment's data when the same
  Attachment is used in multiple Statements" (s2.b2.b5): parts are keyed by
  hash, and a repeated part (same hash, hence same octets) is kept once.

Parsing is one pass over the body with ``bytes.find``; the caller caps the
body size.  Lines end with CRLF, as RFC 2046 requires; a preamble before
the first boundary and an epilogue after the last are ignored.
"""

import hashlib
import json
import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .validation import StatementError

__all__ = [
    "Part",
    "attachment_hashes",
    "build_mixed",
    "check_attachments",
    "media_type",
    "parse_mixed",
    "require_file_urls",
]

CRLF = b"\r\n"
# An RFC 9110 token: header names, media types, parameter names.
TCHARS = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
MEDIA_TYPE = re.compile(rf"\s*({TCHARS}/{TCHARS})\s*")
PARAMETER = re.compile(rf';\s*({TCHARS})\s*=\s*("(?:[^"\\\r\n]|\\.)*"|[^\s;"]+)\s*')
EMPTY_PARAMETER = re.compile(r";\s*")
# RFC 2046, 5.1.1: 1 to 70 characters from bchars, not ending with a space.
BOUNDARY = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
HEADER_NAME = re.compile(rf"^{TCHARS}$")
SHA2_HEX = re.compile(r"^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$")
# The hex length of a SHA-2 digest names the function (SHA-224 to SHA-512).
SHA2_BY_LENGTH = {
    56: hashlib.sha224,
    64: hashlib.sha256,
    96: hashlib.sha384,
    128: hashlib.sha512,
}


@dataclass(frozen=True)
class Part:
    """The raw data of one attachment, as received or to be sent.

    ``content_type`` is the part's Content-Type header (None when the part
    had none); ``content_length`` its Content-Length header, kept only to
    compare with the attachment's ``length`` (None when absent).
    """

    content_type: str | None
    data: bytes
    content_length: int | None = None


def media_type(header: str | None) -> str:
    """``type/subtype`` in lower case, or "" when ``header`` names none.

    The view uses it to tell ``application/json`` from ``multipart/mixed``.
    """
    if not header:
        return ""
    found = MEDIA_TYPE.match(header)
    return found.group(1).lower() if found else ""


def _content_type(header: str, where: str) -> tuple[str, dict[str, str]]:
    """Media type and parameters of a Content-Type value (RFC 9110, 8.3)."""
    found = MEDIA_TYPE.match(header or "")
    if not found:
        raise StatementError(where, "is not a media type")
    parameters: dict[str, str] = {}
    at = found.end()
    while at < len(header):
        parameter = PARAMETER.match(header, at)
        if parameter is None:
            empty = EMPTY_PARAMETER.match(header, at)
            if empty is None or empty.end() == at:
                raise StatementError(where, "has a malformed parameter")
            at = empty.end()
            continue
        name, value = parameter.group(1).lower(), parameter.group(2)
        if value.startswith('"'):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if name in parameters:
            raise StatementError(where, f"gives {name} twice")
        parameters[name] = value
        at = parameter.end()
    return found.group(1).lower(), parameters


def _headers(block: bytes, where: str) -> dict[str, str]:
    """A part's header fields, names in lower case; each name at most once."""
    try:
        text = block.decode("ascii")
    except UnicodeDecodeError:
        raise StatementError(where, "has headers that are not ASCII") from None
    headers: dict[str, str] = {}
    name = None
    for line in text.split("\r\n") if text else []:
        if "\r" in line or "\n" in line:
            raise StatementError(where, "has a header line not ended by CRLF")
        if line[:1] in (" ", "\t") and name is not None:  # folded (RFC 5322)
            headers[name] = f"{headers[name]} {line.strip()}".strip()
            continue
        field, colon, value = line.partition(":")
        if not colon or not HEADER_NAME.fullmatch(field):
            raise StatementError(where, "has a malformed header line")
        name = field.lower()
        if name in headers:
            raise StatementError(where, f"has the {field} header twice")
        headers[name] = value.strip()
    return headers


def _split(body: bytes, boundary: bytes) -> list[bytes]:
    """The body parts between the delimiters, without preamble or epilogue.

    A delimiter is CRLF, "--" and the boundary (RFC 2046, 5.1.1); the first
    one may open the body, so the search runs over CRLF + body.  After a
    delimiter come either "--" (the end) or optional spaces and CRLF.
    """
    data = CRLF + body
    delimiter = CRLF + b"--" + boundary
    at = data.find(delimiter)
    if at < 0:
        raise StatementError("", "the body has no boundary delimiter line")
    parts = []
    while True:
        at += len(delimiter)
        if data.startswith(b"--", at):
            return parts
        while data[at : at + 1] in (b" ", b"\t"):
            at += 1
        if not data.startswith(CRLF, at):
            raise StatementError("", "a boundary delimiter line is malformed")
        start = at + 2
        at = data.find(delimiter, start)
        if at < 0:
            raise StatementError("", "the body has no closing boundary delimiter")
        parts.append(data[start:at])


def _part(raw: bytes, where: str) -> tuple[dict[str, str], bytes]:
    """Split one body part into its headers and its content."""
    if raw.startswith(CRLF):
        return {}, raw[2:]
    end = raw.find(CRLF + CRLF)
    if end >= 0:
        return _headers(raw[:end], where), raw[end + 4 :]
    if raw.endswith(CRLF):  # headers only: RFC 2046 makes the content optional
        return _headers(raw[:-2], where), b""
    raise StatementError(where, "has no blank line after its headers")


def _attachment_part(headers: dict[str, str], data: bytes, where: str):
    """The hash a part declares and its ``Part``, or ``StatementError``."""
    declared = headers.get("x-experience-api-hash")
    if declared is None:
        raise StatementError(where, "has no X-Experience-API-Hash header")
    sha2 = declared.lower()
    if not SHA2_HEX.fullmatch(sha2):
        raise StatementError(where, "X-Experience-API-Hash is not a SHA-2 hex digest")
    encoding = headers.get("content-transfer-encoding", "binary").lower()
    if encoding != "binary":
        raise StatementError(where, "Content-Transfer-Encoding must be binary")
    length = headers.get("content-length")
    if length is not None:
        if not (length.isdigit() and len(length) < 20 and int(length) == len(data)):
            raise StatementError(where, "Content-Length is not the part's length")
        length = int(length)
    if SHA2_BY_LENGTH[len(sha2)](data).hexdigest() != sha2:
        raise StatementError(where, "X-Experience-API-Hash is not the data's hash")
    return sha2, Part(headers.get("content-type"), data, length)


def parse_mixed(content_type_header: str, body: bytes):
    """The statements JSON and the attachment parts of a multipart request.

    Returns ``(statements_json, parts)``: the first part decoded as JSON
    (a statement or a list of them, not yet validated) and a dict mapping
    each lower-case SHA-2 hex digest to its ``Part``.  Raises
    ``StatementError`` for anything that is not the format of 1.5.2: a
    media type other than ``multipart/mixed``, no boundary, a first part
    that is not ``application/json`` or not JSON, a later part without a
    hash, with a hash its octets do not have, or with an encoding other
    than binary.  Whether parts and attachments pair up is
    ``check_attachments``'s question.
    """
    kind, parameters = _content_type(content_type_header, "Content-Type")
    if kind != "multipart/mixed":
        raise StatementError("Content-Type", "must be multipart/mixed here")
    boundary = parameters.get("boundary")
    if boundary is None:
        raise StatementError("Content-Type", "has no boundary parameter")
    if not BOUNDARY.fullmatch(boundary):
        raise StatementError("Content-Type", "has a boundary RFC 2046 does not allow")
    raw_parts = _split(body, boundary.encode("ascii"))
    if not raw_parts:
        raise StatementError("", "the body has no parts")
    headers, content = _part(raw_parts[0], "part 1")
    if media_type(headers.get("content-type")) != "application/json":
        raise StatementError("part 1", "must be application/json and hold statements")
    try:
        statements = json.loads(content.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError is a ValueError too
        raise StatementError("part 1", "is not valid JSON") from None
    parts: dict[str, Part] = {}
    for number, raw in enumerate(raw_parts[1:], start=2):
        where = f"part {number}"
        sha2, part = _attachment_part(*_part(raw, where), where)
        parts.setdefault(sha2, part)  # same hash, same octets: keep one
    return statements, parts


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _each_attachment(statements) -> Iterator[tuple[str, dict]]:
    """Every attachment object of a statement or batch, with its path.

    A SubStatement's attachments count as well: the specification asks
    for "a fileUrl for every Attachment" and makes no exception for them.
    """
    batch = statements if isinstance(statements, list) else [statements]
    for n, statement in enumerate(batch):
        prefix = f"[{n}]" if isinstance(statements, list) else ""
        if not isinstance(statement, dict):
            continue
        holders = [(prefix, statement)]
        inner = statement.get("object")
        if isinstance(inner, dict) and inner.get("objectType") == "SubStatement":
            holders.append((_join(prefix, "object"), inner))
        for path, holder in holders:
            attachments = holder.get("attachments")
            if not isinstance(attachments, list):
                continue
            for i, attachment in enumerate(attachments):
                if isinstance(attachment, dict):
                    yield _join(path, f"attachments.{i}"), attachment


def attachment_hashes(statements) -> list[str]:
    """The distinct lower-case ``sha2`` of a statement or list's attachments.

    In order of first appearance: what a GET with ``attachments=true``
    sends, one part per hash whose data the LRS holds.
    """
    seen: dict[str, None] = {}
    for _path, attachment in _each_attachment(statements):
        sha2 = attachment.get("sha2")
        if isinstance(sha2, str):
            seen.setdefault(sha2.lower(), None)
    return list(seen)


def check_attachments(statements, parts: Mapping[str, Part]) -> None:
    """Do the statements' attachments and the received parts pair up?

    ``statements`` is the (validated) first part, ``parts`` what
    ``parse_mixed`` returned.  Every attachment without a fileUrl needs a
    part with its hash; every part must be the data of some attachment; a
    part's Content-Type and Content-Length, when sent, must agree with the
    attachment's contentType and length.  Raises ``StatementError``.
    """
    referenced = set()
    for path, attachment in _each_attachment(statements):
        sha2 = str(attachment.get("sha2", "")).lower()
        referenced.add(sha2)
        part = parts.get(sha2)
        if part is None:
            if "fileUrl" not in attachment:
                raise StatementError(
                    _join(path, "fileUrl"),
                    "is required when no part of the request holds the data",
                )
            continue
        declared = media_type(str(attachment.get("contentType", "")))
        if part.content_type is not None and media_type(part.content_type) != declared:
            raise StatementError(
                _join(path, "contentType"), "differs from its part's Content-Type"
            )
        if part.content_length is not None and part.content_length != attachment.get(
            "length"
        ):
            raise StatementError(
                _join(path, "length"), "differs from its part's Content-Length"
            )
    for sha2 in parts:
        if sha2 not in referenced:
            raise StatementError("", f"the part with hash {sha2} is no attachment's")


def require_file_urls(statements) -> None:
    """For an ``application/json`` request: every attachment needs a fileUrl.

    No data can come with such a request (1.5.2.s2.b1), so this is
    ``check_attachments`` with no parts.
    """
    check_attachments(statements, {})


def _new_boundary(chunks: list[bytes]) -> str:
    """A boundary found in none of the chunks, as RFC 2046 requires."""
    while True:
        boundary = secrets.token_hex(24)
        marker = b"--" + boundary.encode("ascii")
        if not any(marker in chunk for chunk in chunks):
            return boundary


def _safe_content_type(value: str | None) -> str:
    """The part's Content-Type, unless it could not be a header line.

    A stored contentType comes from a statement, so it may hold anything;
    a CR, LF or non-ASCII character would break (or forge) the headers.
    """
    if value and media_type(value) and all(" " <= c <= "~" for c in value):
        return value
    return "application/octet-stream"


def build_mixed(result_json, parts: Mapping[str, Part]) -> tuple[str, bytes]:
    """A ``multipart/mixed`` response body and its Content-Type header.

    ``result_json`` (a statement, a StatementResult, or their JSON already
    serialised as ``str``/``bytes``) becomes the first, ``application/json``
    part; each entry of ``parts`` (hash to ``Part``) one more part with
    Content-Type (``application/octet-stream`` when the part has none),
    ``Content-Transfer-Encoding: binary`` and ``X-Experience-API-Hash``.
    """
    if isinstance(result_json, bytes):
        first = result_json
    elif isinstance(result_json, str):
        first = result_json.encode("utf-8")
    else:
        first = json.dumps(result_json, ensure_ascii=False).encode("utf-8")
    chunks = [first, *(part.data for part in parts.values())]
    boundary = _new_boundary(chunks)
    dash = b"--" + boundary.encode("ascii")
    out = [dash, CRLF, b"Content-Type: application/json", CRLF, CRLF, first]
    for sha2, part in parts.items():
        if not SHA2_HEX.fullmatch(sha2.lower()):
            raise ValueError(f"{sha2!r} is not a SHA-2 hex digest")
        out += [CRLF, dash, CRLF]
        out += [f"Content-Type: {_safe_content_type(part.content_type)}".encode(), CRLF]
        out += [b"Content-Transfer-Encoding: binary", CRLF]
        out += [f"X-Experience-API-Hash: {sha2.lower()}".encode(), CRLF, CRLF]
        out.append(part.data)
    out += [CRLF, dash, b"--", CRLF]
    return f"multipart/mixed; boundary={boundary}", b"".join(out)
