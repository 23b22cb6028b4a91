"""The pure rules of a direct upload (media/upload_rules.py)."""

import pytest

from media.upload_rules import (
    MAX_PARTS,
    MIN_PART_SIZE,
    MULTIPART,
    SINGLE,
    UploadRefused,
    check_declaration,
    check_parts,
    normalise_content_type,
    plan_upload,
    safe_filename,
    type_allowed,
)

MiB = 1024 * 1024


def test_a_file_that_fits_one_part_goes_in_one_request():
    plan = plan_upload(16 * MiB, 16 * MiB)
    assert (plan.strategy, plan.part_size, plan.part_count) == (SINGLE, 16 * MiB, 1)


def test_a_larger_file_is_cut_into_parts_the_last_one_shorter():
    plan = plan_upload(40 * MiB + 1, 16 * MiB)
    assert (plan.strategy, plan.part_size, plan.part_count) == (MULTIPART, 16 * MiB, 3)
    assert plan.expected_lengths(40 * MiB + 1) == {
        1: 16 * MiB,
        2: 16 * MiB,
        3: 8 * MiB + 1,
    }


def test_parts_never_go_below_the_s3_minimum():
    plan = plan_upload(12 * MiB, 1 * MiB)
    assert plan.part_size == MIN_PART_SIZE
    assert plan.part_count == 3


def test_parts_grow_so_a_huge_file_stays_within_ten_thousand_parts():
    size = 200 * 1024**3
    plan = plan_upload(size, 16 * MiB)
    assert plan.part_count <= MAX_PARTS
    assert plan.part_size * plan.part_count >= size


@pytest.mark.parametrize(
    ("size", "content_type", "allowed", "code"),
    [
        (0, "video/mp4", (), "empty"),
        (101, "video/mp4", (), "too_large"),
        (10, "application/pdf", ("video/*", "audio/*"), "type_not_allowed"),
    ],
)
def test_a_declaration_breaking_a_rule_is_refused_with_its_reason(
    size, content_type, allowed, code
):
    with pytest.raises(UploadRefused) as refusal:
        check_declaration(
            size=size, content_type=content_type, max_size=100, allowed_types=allowed
        )
    assert refusal.value.code == code


def test_a_declaration_within_the_rules_passes():
    check_declaration(
        size=100, content_type="video/mp4", max_size=100, allowed_types=("video/*",)
    )


def test_type_patterns_match_whole_families_and_ignore_case():
    assert type_allowed("Video/MP4", ("video/*",))
    assert not type_allowed("audio/mpeg", ("video/*",))
    assert type_allowed("anything/at-all", ())


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("video/mp4", "video/mp4"), ("Text/Plain; charset=utf-8", "text/plain")],
)
def test_content_types_are_reduced_to_type_and_subtype(raw, clean):
    assert normalise_content_type(raw) == clean


@pytest.mark.parametrize("raw", ["", "video", "video/mp4\r\nX-Evil: 1", "a/b c"])
def test_malformed_content_types_are_refused(raw):
    with pytest.raises(UploadRefused) as refusal:
        normalise_content_type(raw)
    assert refusal.value.code == "bad_content_type"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Visite 360° Marseille.mp4", "Visite_360_Marseille.mp4"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\Ação.glb", "Acao.glb"),
        ("archive.tar.gz", "archive.tar.gz"),
        (".hidden", "hidden"),
    ],
)
def test_file_names_are_made_safe_for_keys_urls_and_headers(name, safe):
    assert safe_filename(name) == safe


def test_long_file_names_keep_their_extension():
    safe = safe_filename("a" * 300 + ".mp4")
    assert len(safe) == 100
    assert safe.endswith(".mp4")


def test_a_name_with_nothing_usable_is_refused():
    with pytest.raises(UploadRefused) as refusal:
        safe_filename("日本語")
    assert refusal.value.code == "bad_filename"


def test_missing_parts_are_listed_and_a_wrong_length_is_refused():
    plan = plan_upload(12 * MiB, 5 * MiB)
    assert check_parts({1: 5 * MiB}, plan, 12 * MiB) == [2, 3]
    assert check_parts({1: 5 * MiB, 2: 5 * MiB, 3: 2 * MiB}, plan, 12 * MiB) == []
    with pytest.raises(UploadRefused) as refusal:
        check_parts({1: 5 * MiB, 2: 4 * MiB}, plan, 12 * MiB)
    assert refusal.value.code == "part_size_mismatch"
    with pytest.raises(UploadRefused) as refusal:
        check_parts({4: 1}, plan, 12 * MiB)
    assert refusal.value.code == "unknown_part"
