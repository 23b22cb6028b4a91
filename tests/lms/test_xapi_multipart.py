"""Statement attachments over multipart/mixed (xAPI 2.0, Communication 1.5.2).

Pure tests: bodies are written out byte by byte, as a Learning Record
Provider would send them, and the module must take the good ones apart
and refuse each malformed one with a ``StatementError``.
"""

import hashlib
import json

import pytest

from lms.xapi.multipart import (
    Part,
    attachment_hashes,
    build_mixed,
    check_attachments,
    media_type,
    parse_mixed,
    require_file_urls,
)
from lms.xapi.validation import StatementError

CRLF = "\r\n"
BOUNDARY = "-------314159265358979323846"
HEADER = f"multipart/mixed; boundary={BOUNDARY}"
TEXT = b"here is a simple attachment"
TEXT_SHA = hashlib.sha256(TEXT).hexdigest()
IMAGE = bytes(range(256)) * 4 + b"\r\n--\r\n" + b"\x00\xff"
IMAGE_SHA = hashlib.sha256(IMAGE).hexdigest()


def attachment(data=TEXT, content_type="text/plain", **extra):
    return {
        "usageType": "http://example.com/attachment-usage/test",
        "display": {"en-US": "A test attachment"},
        "contentType": content_type,
        "length": len(data),
        "sha2": hashlib.sha256(data).hexdigest(),
        **extra,
    }


def statement(*attachments):
    value = {
        "actor": {"mbox": "mailto:sample.agent@example.com"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://www.example.com/tincan/activities/multipart"},
    }
    if attachments:
        value["attachments"] = list(attachments)
    return value


def part(data, sha2=None, content_type="text/plain", encoding="binary", extra=()):
    lines = [f"Content-Type: {content_type}"] if content_type else []
    if encoding is not None:
        lines.append(f"Content-Transfer-Encoding: {encoding}")
    if sha2 is not False:
        lines.append(
            f"X-Experience-API-Hash: {sha2 or hashlib.sha256(data).hexdigest()}"
        )
    lines += list(extra)
    return (CRLF.join(lines) + CRLF + CRLF).encode() + data


def body(first, *parts, boundary=BOUNDARY, preamble=b"", epilogue=b""):
    """first: the statements JSON (object or raw bytes); parts: raw parts."""
    if not isinstance(first, bytes):
        first = json.dumps(first).encode()
    dash = b"--" + boundary.encode()
    out = preamble + dash + b"\r\nContent-Type: application/json\r\n\r\n" + first
    for raw in parts:
        out += b"\r\n" + dash + b"\r\n" + raw
    return out + b"\r\n" + dash + b"--" + epilogue


# --- RFC 2046 framing ---------------------------------------------------------


def test_the_specifications_own_example_parses():
    """Communication 1.5.2.s6: quoted boundary of odd characters, no spaces."""
    boundary = "abcABC0123'()+_,-./:=?"
    first = json.dumps(statement(attachment(content_type="text/plain; charset=ascii")))
    raw = (
        f"--{boundary}\r\nContent-Type:application/json\r\n\r\n{first}\r\n"
        f"--{boundary}\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding:binary"
        f"\r\nX-Experience-API-Hash:{TEXT_SHA}\r\n\r\nhere is a simple attachment"
        f"\r\n--{boundary}--"
    ).encode()
    statements, parts = parse_mixed(f'multipart/mixed; boundary="{boundary}"', raw)
    assert statements["attachments"][0]["sha2"] == TEXT_SHA
    assert parts == {TEXT_SHA: Part("text/plain", TEXT)}
    check_attachments(statements, parts)


def test_a_body_opening_with_crlf_as_the_conformance_suite_sends_it():
    raw = b"\r\n" + body(statement(attachment()), part(TEXT))
    statements, parts = parse_mixed(HEADER, raw)
    assert set(parts) == {TEXT_SHA}


def test_preamble_epilogue_and_transport_padding_are_ignored():
    raw = body(
        statement(attachment()),
        part(TEXT),
        preamble=b"This is a multipart message.\r\n",
        epilogue=b"  \r\nThe end, ignored.\r\n",
    )
    raw = raw.replace(f"--{BOUNDARY}\r\n".encode(), f"--{BOUNDARY} \t\r\n".encode())
    statements, parts = parse_mixed(HEADER, raw)
    assert parts[TEXT_SHA].data == TEXT


def test_binary_data_with_crlf_and_dashes_survives():
    statements, parts = parse_mixed(
        HEADER, body(statement(attachment(IMAGE)), part(IMAGE))
    )
    assert parts[IMAGE_SHA].data == IMAGE


def test_only_multipart_mixed_is_read():
    raw = body(statement(attachment()), part(TEXT))
    with pytest.raises(StatementError, match="multipart/mixed"):
        parse_mixed(f"multipart/form-data; boundary={BOUNDARY}", raw)
    with pytest.raises(StatementError, match="media type"):
        parse_mixed("", raw)


@pytest.mark.parametrize(
    "header",
    ["multipart/mixed", "multipart/mixed;", "multipart/mixed; charset=utf-8"],
)
def test_a_boundary_parameter_is_required(header):
    with pytest.raises(StatementError, match="no boundary"):
        parse_mixed(header, body(statement()))


@pytest.mark.parametrize(
    "boundary", ["x" * 71, "ends with a space ", "semi[colon]", '"', "tab\there"]
)
def test_a_boundary_rfc_2046_forbids_is_refused(boundary):
    quoted = boundary.replace('"', '\\"')
    with pytest.raises(StatementError, match="Content-Type"):
        parse_mixed(f'multipart/mixed; boundary="{quoted}"', b"")


def test_malformed_content_type_parameters_are_refused():
    with pytest.raises(StatementError, match="malformed parameter"):
        parse_mixed(f"multipart/mixed boundary={BOUNDARY}", b"")
    with pytest.raises(StatementError, match="twice"):
        parse_mixed(f"multipart/mixed; boundary=a; boundary={BOUNDARY}", b"")


def test_a_body_without_any_delimiter_is_refused():
    with pytest.raises(StatementError, match="no boundary delimiter"):
        parse_mixed(HEADER, json.dumps(statement()).encode())


def test_a_body_without_the_closing_delimiter_is_refused():
    raw = body(statement(attachment()), part(TEXT))
    raw = raw[: -len(f"\r\n--{BOUNDARY}--")]
    with pytest.raises(StatementError, match="no closing"):
        parse_mixed(HEADER, raw)


def test_a_delimiter_line_followed_by_other_text_is_refused():
    raw = body(statement()).replace(
        f"--{BOUNDARY}\r\n".encode(), f"--{BOUNDARY}X\r\n".encode(), 1
    )
    with pytest.raises(StatementError, match="delimiter line is malformed"):
        parse_mixed(HEADER, raw)


def test_bare_lf_line_endings_are_refused():
    raw = body(statement()).replace(
        b"Content-Type: application/json\r\n\r\n", b"Content-Type: application/json\n\n"
    )
    with pytest.raises(StatementError, match="part 1"):
        parse_mixed(HEADER, raw)


def test_a_part_without_the_boundary_before_it_is_refused():
    """XAPI-00130: the attachment's headers then sit inside the JSON part."""
    raw = body(statement(attachment())).replace(
        f"\r\n--{BOUNDARY}--".encode(),
        b"\r\n" + part(TEXT) + f"\r\n--{BOUNDARY}--".encode(),
    )
    with pytest.raises(StatementError, match="part 1: is not valid JSON"):
        parse_mixed(HEADER, raw)


def test_statements_sent_without_the_opening_boundary_are_refused():
    """XAPI-00131: the statement part is preamble, the text part comes first."""
    raw = body(statement(attachment()), part(TEXT))
    raw = raw.split(b"\r\n", 1)[1]  # drop the first delimiter line
    with pytest.raises(StatementError, match="part 1: must be application/json"):
        parse_mixed(HEADER, raw)


# --- the first part: the statements -----------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/jsonx", None])
def test_the_first_part_must_be_application_json(content_type):
    """Communication 1.5.2.s2.b2.b1 and XAPI-00134."""
    raw = body(statement())
    replacement = f"Content-Type: {content_type}" if content_type else ""
    raw = raw.replace(b"Content-Type: application/json", replacement.encode())
    with pytest.raises(StatementError, match="part 1: must be application/json"):
        parse_mixed(HEADER, raw)


def test_a_charset_on_the_first_part_is_fine():
    raw = body(statement()).replace(
        b"application/json", b"application/json; charset=utf-8"
    )
    statements, parts = parse_mixed(HEADER, raw)
    assert statements == statement() and parts == {}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{}", b""])
def test_the_first_part_must_be_json(content):
    with pytest.raises(StatementError, match="part 1: is not valid JSON"):
        parse_mixed(HEADER, body(content))


def test_a_batch_in_the_first_part_is_returned_as_a_list():
    batch = [statement(), statement(attachment())]
    statements, parts = parse_mixed(HEADER, body(batch, part(TEXT)))
    assert statements == batch


def test_statements_split_over_two_json_parts_are_refused():
    """XAPI-00133: the second JSON part is an attachment part without a hash."""
    second = (
        b"Content-Type: application/json\r\n\r\n" + json.dumps(statement()).encode()
    )
    with pytest.raises(StatementError, match="part 2: has no X-Experience-API-Hash"):
        parse_mixed(HEADER, body(statement(), second, part(TEXT)))


# --- the attachment parts -----------------------------------------------------


def test_an_attachment_part_needs_its_hash_header():
    """Communication 1.5.2.s2.b2.b3 and XAPI-00132."""
    with pytest.raises(StatementError, match="part 2: has no X-Experience-API-Hash"):
        parse_mixed(HEADER, body(statement(attachment()), part(TEXT, sha2=False)))


def test_a_hash_the_data_does_not_have_is_refused():
    """XAPI-00132: the LRS recomputes the hash of the octets received."""
    wrong = "b018994f8bbe0f08992a65c48c8c8c56f09e9baceaa6227ed85c90ae52b73c89"
    with pytest.raises(StatementError, match="not the data's hash"):
        parse_mixed(HEADER, body(statement(attachment()), part(TEXT, sha2=wrong)))


@pytest.mark.parametrize(
    "sha2", ["xyz", TEXT_SHA[:-1], TEXT_SHA + "0", "sha256:" + TEXT_SHA]
)
def test_a_hash_header_that_is_no_sha2_digest_is_refused(sha2):
    with pytest.raises(StatementError, match="not a SHA-2 hex digest"):
        parse_mixed(HEADER, body(statement(), part(TEXT, sha2=sha2)))


@pytest.mark.parametrize("function", ["sha224", "sha256", "sha384", "sha512"])
def test_each_sha2_length_is_recomputed_with_its_own_function(function):
    sha2 = hashlib.new(function, TEXT).hexdigest()
    statements, parts = parse_mixed(HEADER, body(statement(), part(TEXT, sha2=sha2)))
    assert list(parts) == [sha2]


def test_an_upper_case_hash_header_is_keyed_in_lower_case():
    statements, parts = parse_mixed(
        HEADER, body(statement(), part(TEXT, sha2=TEXT_SHA.upper()))
    )
    assert list(parts) == [TEXT_SHA]


@pytest.mark.parametrize("encoding", ["base64", "quoted-printable", "8bit", ""])
def test_a_transfer_encoding_other_than_binary_is_refused(encoding):
    """Communication 1.5.2.s2.b2.b4 and XAPI-00135 (which sends base64)."""
    with pytest.raises(StatementError, match="Content-Transfer-Encoding"):
        parse_mixed(HEADER, body(statement(), part(TEXT, encoding=encoding)))


@pytest.mark.parametrize("encoding", [None, "binary", "Binary"])
def test_binary_is_assumed_when_the_transfer_encoding_is_missing(encoding):
    """Communication 1.5.2.s3.b6: the LRS SHOULD assume binary."""
    statements, parts = parse_mixed(
        HEADER, body(statement(), part(TEXT, encoding=encoding))
    )
    assert parts[TEXT_SHA].data == TEXT


def test_a_part_without_content_type_keeps_none():
    statements, parts = parse_mixed(
        HEADER, body(statement(), part(TEXT, content_type=""))
    )
    assert parts[TEXT_SHA] == Part(None, TEXT)


@pytest.mark.parametrize("length", ["26", "-27", "27x", "9" * 5000])
def test_a_content_length_that_is_not_the_parts_length_is_refused(length):
    raw = body(statement(), part(TEXT, extra=[f"Content-Length: {length}"]))
    with pytest.raises(StatementError, match="Content-Length"):
        parse_mixed(HEADER, raw)


def test_a_correct_content_length_is_kept_for_the_attachment_check():
    raw = body(statement(), part(TEXT, extra=["Content-Length: 27"]))
    statements, parts = parse_mixed(HEADER, raw)
    assert parts[TEXT_SHA].content_length == 27


def test_a_header_given_twice_is_refused():
    raw = body(statement(), part(TEXT, extra=[f"x-experience-api-hash: {TEXT_SHA}"]))
    with pytest.raises(StatementError, match="twice"):
        parse_mixed(HEADER, raw)


@pytest.mark.parametrize(
    "line", ["No colon here", "Bad Name: value", "Snowman: \u2603"]
)
def test_malformed_header_lines_are_refused(line):
    raw = body(statement(), part(TEXT, extra=[line]))
    with pytest.raises(StatementError, match="part 2"):
        parse_mixed(HEADER, raw)


def test_a_folded_header_line_is_unfolded():
    raw = body(
        statement(),
        f"Content-Type: text/plain;\r\n charset=ascii\r\n"
        f"X-Experience-API-Hash: {TEXT_SHA}\r\n\r\n".encode()
        + TEXT,
    )
    statements, parts = parse_mixed(HEADER, raw)
    assert parts[TEXT_SHA].content_type == "text/plain; charset=ascii"


def test_a_part_with_headers_and_no_blank_line_is_refused():
    raw = body(
        statement(), b"X-Experience-API-Hash: " + TEXT_SHA.encode() + b" " + TEXT
    )
    with pytest.raises(StatementError, match="no blank line"):
        parse_mixed(HEADER, raw)


def test_an_empty_attachment_may_omit_the_content():
    empty = hashlib.sha256(b"").hexdigest()
    raw = body(statement(), f"X-Experience-API-Hash: {empty}\r\n".encode())
    statements, parts = parse_mixed(HEADER, raw)
    assert parts == {empty: Part(None, b"")}


def test_the_same_data_sent_twice_is_kept_once():
    """Communication 1.5.2.s2.b2.b5 only says SHOULD send one copy."""
    raw = body(
        [statement(attachment()), statement(attachment())],
        part(TEXT),
        part(TEXT, content_type="application/octet-stream"),
    )
    statements, parts = parse_mixed(HEADER, raw)
    assert parts == {TEXT_SHA: Part("text/plain", TEXT)}


def test_a_big_body_of_near_miss_delimiters_parses_in_one_pass():
    """4 MiB of "\\r\\n--" and boundary prefixes: linear search, no blow-up."""
    noise = (b"\r\n--" + BOUNDARY[:-1].encode() + b"\r\n") * (4 * 1024 * 1024 // 36)
    statements, parts = parse_mixed(HEADER, body(statement(), part(noise)))
    assert parts[hashlib.sha256(noise).hexdigest()].data == noise


# --- pairing statements and parts --------------------------------------------


def test_an_attachment_without_file_url_needs_its_part():
    """Communication 1.5.2.s3.b5 and XAPI-00129."""
    other = attachment(b"another text")
    with pytest.raises(StatementError, match=r"attachments\.1\.fileUrl"):
        check_attachments(statement(attachment(), other), {TEXT_SHA: Part(None, TEXT)})


def test_an_attachment_with_file_url_needs_no_part():
    check_attachments(
        statement(attachment(fileUrl="http://over.there.com/file.txt")), {}
    )


def test_a_file_url_attachment_may_still_come_with_its_data():
    check_attachments(
        statement(attachment(fileUrl="http://over.there.com/file.txt")),
        {TEXT_SHA: Part("text/plain", TEXT)},
    )


def test_a_part_no_attachment_refers_to_is_refused():
    """XAPI-00128: excess parts that are not attachments."""
    parts = {TEXT_SHA: Part(None, TEXT), IMAGE_SHA: Part(None, IMAGE)}
    with pytest.raises(StatementError, match=IMAGE_SHA):
        check_attachments(statement(attachment()), parts)


def test_hashes_are_compared_regardless_of_case():
    check_attachments(
        statement(attachment(sha2=TEXT_SHA.upper())), {TEXT_SHA: Part(None, TEXT)}
    )


def test_a_batch_error_names_the_statement():
    batch = [statement(attachment()), statement(attachment(b"missing"))]
    with pytest.raises(StatementError, match=r"^\[1\]\.attachments\.0\.fileUrl"):
        check_attachments(batch, {TEXT_SHA: Part(None, TEXT)})


def test_a_substatements_attachments_count_too():
    inner = statement(attachment(b"inner"))
    inner["objectType"] = "SubStatement"
    outer = statement()
    outer["object"] = inner
    with pytest.raises(StatementError, match=r"^object\.attachments\.0\.fileUrl"):
        check_attachments(outer, {})
    inner_sha = hashlib.sha256(b"inner").hexdigest()
    check_attachments(outer, {inner_sha: Part(None, b"inner")})


def test_content_types_must_match_by_media_type():
    """1.5.2.s2.b2.b7, read as the specification's example does."""
    declared = statement(attachment(content_type="text/plain; charset=ascii"))
    check_attachments(declared, {TEXT_SHA: Part("Text/Plain", TEXT)})
    with pytest.raises(StatementError, match=r"attachments\.0\.contentType"):
        check_attachments(declared, {TEXT_SHA: Part("image/png", TEXT)})


def test_a_content_length_header_must_match_the_length_property():
    declared = statement(attachment(length=99))
    with pytest.raises(StatementError, match=r"attachments\.0\.length"):
        check_attachments(declared, {TEXT_SHA: Part(None, TEXT, content_length=27)})


def test_without_content_length_the_hash_alone_pairs_data_and_attachment():
    """The conformance suite sends data whose length differs and expects 200."""
    check_attachments(statement(attachment(length=99)), {TEXT_SHA: Part(None, TEXT)})


def test_statements_without_attachments_and_no_parts_pass():
    check_attachments([statement(), statement()], {})


def test_a_json_request_needs_a_file_url_on_every_attachment():
    """Communication 1.5.2.s2.b1 and 1.5.1.s1.b2."""
    require_file_urls(statement(attachment(fileUrl="http://over.there.com/f.txt")))
    require_file_urls([statement()])
    with pytest.raises(StatementError, match=r"attachments\.0\.fileUrl"):
        require_file_urls(statement(attachment()))


def test_attachment_hashes_lists_each_hash_once_in_order():
    batch = [
        statement(attachment(IMAGE), attachment(sha2=TEXT_SHA.upper())),
        statement(attachment()),
    ]
    assert attachment_hashes(batch) == [IMAGE_SHA, TEXT_SHA]
    assert attachment_hashes(statement()) == []


# --- responses (GET with attachments=true) -------------------------------


def test_build_then_parse_gives_back_the_result_and_parts():
    result = {"statements": [statement(attachment(), attachment(IMAGE))], "more": ""}
    parts = {
        TEXT_SHA: Part("text/plain", TEXT),
        IMAGE_SHA: Part("image/png", IMAGE),
    }
    header, raw = build_mixed(result, parts)
    assert media_type(header) == "multipart/mixed"
    statements, parsed = parse_mixed(header, raw)
    assert statements == result
    assert parsed == parts
    assert raw.endswith(b"--\r\n")


def test_each_response_part_carries_the_headers_of_1_5_2():
    header, raw = build_mixed({"statements": []}, {TEXT_SHA: Part("text/plain", TEXT)})
    assert b"\r\nContent-Type: text/plain\r\n" in raw
    assert b"\r\nContent-Transfer-Encoding: binary\r\n" in raw
    assert f"\r\nX-Experience-API-Hash: {TEXT_SHA}\r\n".encode() in raw


def test_the_boundary_never_occurs_in_the_data():
    header, raw = build_mixed({}, {IMAGE_SHA: Part(None, IMAGE)})
    boundary = header.split("boundary=")[1]
    assert raw.count(b"--" + boundary.encode()) == 3


@pytest.mark.parametrize("result", ['{"statements": []}', b'{"statements": []}'])
def test_already_serialised_json_is_sent_as_it_is(result):
    header, raw = build_mixed(result, {})
    assert b'\r\n\r\n{"statements": []}\r\n--' in raw


@pytest.mark.parametrize(
    "content_type",
    [None, "", "text/plain\r\nX-Forged: 1", "caf\u00e9/latte", "nonsense"],
)
def test_unsafe_content_types_become_octet_stream(content_type):
    header, raw = build_mixed({}, {TEXT_SHA: Part(content_type, TEXT)})
    assert b"Content-Type: application/octet-stream\r\n" in raw
    assert b"X-Forged" not in raw


def test_a_part_keyed_by_something_else_than_a_hash_is_a_programming_error():
    with pytest.raises(ValueError, match="SHA-2"):
        build_mixed({}, {"attachment.txt": Part(None, TEXT)})
