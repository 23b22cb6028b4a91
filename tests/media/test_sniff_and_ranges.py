"""The pure helpers behind type checks and ranged serving."""

import pytest

from media.byte_ranges import ByteRange, RangeNotSatisfiable, parse_range
from media.sniff import content_matches

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 52
PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 56


def test_the_first_bytes_confirm_a_declared_type():
    assert content_matches("video/mp4", MP4_HEAD)
    assert content_matches("image/png", PNG_HEAD)
    assert content_matches("model/gltf-binary", b"glTF\x02\x00\x00\x00")
    assert content_matches("application/zip", b"PK\x03\x04rest")


def test_the_first_bytes_contradict_a_false_declaration():
    assert not content_matches("video/mp4", PNG_HEAD)
    assert not content_matches("application/pdf", b"<html>")


def test_types_without_a_signature_are_taken_on_trust():
    assert content_matches("text/vtt", b"anything")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-9", ByteRange(0, 9)),
        ("bytes=10-", ByteRange(10, 99)),
        ("bytes=-10", ByteRange(90, 99)),
        ("bytes=90-500", ByteRange(90, 99)),
        ("bytes=-500", ByteRange(0, 99)),
    ],
)
def test_single_ranges_are_clamped_to_the_file(header, expected):
    assert parse_range(header, 100) == expected


@pytest.mark.parametrize(
    "header", [None, "", "bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=-"]
)
def test_absent_multiple_or_malformed_ranges_mean_the_whole_file(header):
    assert parse_range(header, 100) is None


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=200-300", "bytes=-0"])
def test_a_range_outside_the_file_cannot_be_satisfied(header):
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, 100)


def test_content_range_names_the_slice_and_the_whole():
    assert ByteRange(10, 19).content_range(100) == "bytes 10-19/100"
    assert ByteRange(10, 19).length == 10
