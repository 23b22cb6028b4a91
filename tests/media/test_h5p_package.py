"""The H5P package rules (``media.h5p``): what ``inspect`` accepts, what it
refuses and why.  Pure Python, no database."""

import io
import json
import struct
import time
import zipfile

import pytest

from media.h5p.archive import path_problem
from media.h5p.errors import PackageRejected
from media.h5p.limits import Limits
from media.h5p.manifest import LibraryRef, language_file_problem
from media.h5p.package import InstalledLibrary, inspect
from media.h5p.target import MemoryTarget
from media.h5p.unpack import unpack
from media.h5p.whitelists import allowed_in_content, allowed_in_library, extension
from tests.support import h5p_hostile as hostile

PROBE = LibraryRef("Chainon.Probe", 1, 0)


def nothing_installed(machine_name, major, minor):
    return None


def installed(versions: dict):
    """An ``installed`` callback over ``{LibraryRef: patch}``."""
    return lambda machine_name, major, minor: versions.get(
        LibraryRef(machine_name, major, minor)
    )


def check(data: bytes, **kwargs):
    kwargs.setdefault("installed", nothing_installed)
    kwargs.setdefault("may_install_libraries", True)
    return inspect(io.BytesIO(data), **kwargs)


def rejections(data: bytes, **kwargs):
    with pytest.raises(PackageRejected) as raised:
        check(data, **kwargs)
    return raised.value.reasons


def rules(data: bytes, **kwargs) -> set[str]:
    return {reason.rule for reason in rejections(data, **kwargs)}


def package(files: dict[str, bytes]) -> bytes:
    return hostile.build(files)


def probe(**replace) -> dict[str, bytes]:
    files = hostile.probe_files()
    for path, data in replace.items():
        if data is None:
            files.pop(path)
        else:
            files[path] = data
    return files


def as_json(value) -> bytes:
    return json.dumps(value).encode()


# -- a valid package -------------------------------------------------------


def test_valid_package_report():
    report = check(hostile.valid_package(patch=2))

    assert report.title == "Sonde"
    assert report.language == "fr"
    assert report.main_library == PROBE
    assert report.main_library_name == "Chainon.Probe 1.0"
    assert report.embed_types == ("iframe",)
    assert report.metadata["license"] == "CC BY"
    assert report.metadata["authors"] == [
        {"name": "Musée de Chaînon", "role": "Author"}
    ]
    assert "preloadedDependencies" not in report.metadata
    assert report.preloaded_dependencies == (PROBE,)
    assert {f.path for f in report.content_files} == {
        "content.json",
        "images/probe.png",
    }
    assert report.content_json.entry == "content/content.json"
    (library,) = report.libraries_to_install
    assert (library.ref, library.patch, library.folder) == (
        PROBE,
        2,
        "Chainon.Probe-1.0",
    )
    assert library.version == "1.0.2"
    assert library.runnable
    assert {f.path for f in library.files} == {
        "library.json",
        "semantics.json",
        "probe.js",
        "language/fr.json",
    }
    assert report.libraries_reused == ()
    assert report.skipped == ()
    assert report.total_size > 0


def test_library_folder_may_be_named_by_machine_name_alone():
    files = {
        path.replace(hostile.FOLDER, "Chainon.Probe"): data
        for path, data in hostile.probe_files().items()
    }
    (library,) = check(package(files)).libraries_to_install
    assert library.folder == "Chainon.Probe"
    assert library.ref == PROBE


def test_dot_and_underscore_entries_are_skipped_not_unpacked():
    files = probe()
    files["__MACOSX/content/._probe.png"] = b"\x00\x05\x16\x07"
    files["content/.DS_Store"] = b"\x00\x00\x00\x01Bud1"
    files["content/_drafts/notes.txt"] = b"draft"
    files["README.md"] = b"a stray top-level file"
    report = check(package(files))
    assert set(report.skipped) == {
        "__MACOSX/content/._probe.png",
        "content/.DS_Store",
        "content/_drafts/notes.txt",
        "README.md",
    }
    assert {f.path for f in report.content_files} == {
        "content.json",
        "images/probe.png",
    }


def test_directory_entries_and_stored_entries_are_fine():
    files = [(zipfile.ZipInfo("content/", date_time=hostile.DATE), b"")]
    files += list(hostile.probe_files().items())
    report = check(hostile.build(files, compression=zipfile.ZIP_STORED))
    assert len(report.content_files) == 2


# -- hostile packages: named rule, nothing written -------------------------


@pytest.mark.parametrize("name", list(hostile.CASES))
def test_hostile_package_is_rejected_and_nothing_written(name):
    case = hostile.CASES[name]
    data = case.build()
    limits = case.limits or Limits()
    target = MemoryTarget()

    with pytest.raises(PackageRejected) as raised:
        report = inspect(
            io.BytesIO(data),
            installed=nothing_installed,
            limits=limits,
            may_install_libraries=True,
        )
        unpack(
            io.BytesIO(data),
            report,
            target,
            content_id="hostile",
            semantics_of=lambda name: None,
        )

    reasons = raised.value.reasons
    assert any(
        reason.rule == case.rule and (case.path is None or reason.path == case.path)
        for reason in reasons
    ), [str(reason) for reason in reasons]
    assert all(reason.message for reason in reasons)
    assert target.files == {}


def test_every_rejection_is_collected_at_once():
    files = probe()
    files["content/evil.js"] = b"alert(1)"
    files["content/page.html"] = b"<p>"
    files[f"{hostile.FOLDER}/semantics.json"] = b"[not json"
    files[f"{hostile.FOLDER}/language/Français!.json"] = b"{}"
    files["h5p.json"] = as_json(
        hostile.h5p_json(
            language="français du Québec",
            preloadedDependencies=[
                {"machineName": "Chainon.Probe", "majorVersion": 1, "minorVersion": 0},
                {"machineName": "H5P.Gone", "majorVersion": 2, "minorVersion": 1},
            ],
        )
    )
    reasons = rejections(package(files))
    found = {(reason.path, reason.rule) for reason in reasons}
    assert found >= {
        ("content/evil.js", "content.extension"),
        ("content/page.html", "content.extension"),
        (f"{hostile.FOLDER}/semantics.json", "library.semantics_invalid"),
        (f"{hostile.FOLDER}/language/Français!.json", "library.language_file"),
        ("h5p.json", "h5p_json.field"),
    }
    assert "language" in next(r.message for r in reasons if r.rule == "h5p_json.field")
    assert str(reasons[0]).endswith(f"[{reasons[0].rule}]")


def test_rejection_names_the_package_when_no_file_is_to_blame():
    (reason,) = rejections(b"")
    assert reason.path == ""
    assert str(reason) == "(package): The file is empty. [zip.empty]"


# -- dependencies and library versions -------------------------------------


def test_dependency_installed_but_not_in_package_passes():
    data = hostile.valid_package(with_library=False)
    report = check(data, installed=installed({PROBE: 4}))
    assert report.libraries_to_install == ()
    assert report.libraries_reused == (InstalledLibrary(PROBE, 4),)
    assert report.main_library == PROBE


def test_dependency_neither_packaged_nor_installed_is_refused():
    data = hostile.valid_package(with_library=False)
    (reason,) = rejections(data)
    assert (reason.path, reason.rule) == ("h5p.json", "dependency.missing")
    assert "Chainon.Probe 1.0" in reason.message


def test_dependency_of_a_library_is_checked_too():
    lib = hostile.library_json(
        preloadedDependencies=[
            {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}
        ]
    )
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    (reason,) = rejections(package(files))
    assert reason.path == f"{hostile.FOLDER}/library.json"
    assert reason.rule == "dependency.missing"
    joubel = LibraryRef("H5P.JoubelUI", 1, 3)
    report = check(package(files), installed=installed({joubel: 12}))
    assert InstalledLibrary(joubel, 12) in report.libraries_reused


def test_newer_patch_is_installed_only_when_allowed():
    data = hostile.valid_package(patch=3)
    versions = installed({PROBE: 1})

    refused = check(data, installed=versions, may_install_libraries=False)
    assert refused.libraries_to_install == ()
    assert refused.libraries_reused == (InstalledLibrary(PROBE, 1),)
    (not_upgraded,) = refused.libraries_not_upgraded
    assert (not_upgraded.patch, not_upgraded.installed_patch) == (3, 1)

    allowed = check(data, installed=versions, may_install_libraries=True)
    (library,) = allowed.libraries_to_install
    assert (library.patch, library.installed_patch) == (3, 1)
    assert allowed.libraries_reused == ()


def test_older_or_same_patch_is_never_installed():
    for patch in (3, 5):
        report = check(
            hostile.valid_package(patch=patch),
            installed=installed({PROBE: 5}),
            may_install_libraries=True,
        )
        assert report.libraries_to_install == ()
        assert report.libraries_reused == (InstalledLibrary(PROBE, 5),)


def test_a_new_library_version_needs_the_install_permission():
    reasons = rejections(hostile.valid_package(), may_install_libraries=False)
    assert [(r.path, r.rule) for r in reasons] == [
        (f"{hostile.FOLDER}/library.json", "library.not_installed")
    ]
    allowed = check(hostile.valid_package(), may_install_libraries=True)
    assert [library.ref for library in allowed.libraries_to_install] == [PROBE]


def test_installed_libraries_need_no_permission():
    report = check(
        hostile.valid_package(),
        installed=installed({PROBE: 0}),
        may_install_libraries=False,
    )
    assert report.libraries_to_install == ()
    assert report.libraries_reused == (InstalledLibrary(PROBE, 0),)


def test_the_same_library_twice_is_refused():
    files = probe()
    for path, data in hostile.probe_files().items():
        if path.startswith(hostile.FOLDER):
            files[path.replace(hostile.FOLDER, "Chainon.Probe")] = data
    assert "library.duplicate" in rules(package(files))


# -- h5p.json, library.json, content.json ----------------------------------


def test_h5p_json_missing():
    files = probe(**{"h5p.json": None})
    assert rules(package(files)) == {"h5p_json.missing"}


def test_h5p_json_not_an_object():
    files = probe(**{"h5p.json": b"[]"})
    assert rules(package(files)) == {"h5p_json.invalid"}


def test_h5p_json_main_library_must_be_preloaded():
    data = as_json(hostile.h5p_json(mainLibrary="H5P.Other"))
    reasons = rejections(package(probe(**{"h5p.json": data})))
    assert [(r.path, r.rule) for r in reasons] == [
        ("h5p.json", "h5p_json.main_library")
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "x" * 256),
        ("embedTypes", []),
        ("embedTypes", ["frame"]),
        ("mainLibrary", "H5P Probe"),
        ("license", "WTFPL"),
        ("license", ["CC BY"]),
        ("authors", [{"name": "A", "role": "<b>"}]),
        ("source", "javascript:alert(1)"),
        ("yearsFrom", "2024-2025"),
        ("preloadedDependencies", [{"machineName": "X"}]),
        ("preloadedDependencies", "Chainon.Probe 1.0"),
    ],
)
def test_h5p_json_field_rules(field, value):
    data = as_json(hostile.h5p_json(**{field: value}))
    reasons = rejections(package(probe(**{"h5p.json": data})))
    assert any(
        r.rule == "h5p_json.field" and f"'{field}'" in r.message for r in reasons
    ), [str(r) for r in reasons]


def test_h5p_json_with_a_byte_order_mark_is_read():
    data = b"\xef\xbb\xbf" + as_json(hostile.h5p_json())
    assert check(package(probe(**{"h5p.json": data}))).title == "Sonde"


def test_library_json_required_fields():
    lib = hostile.library_json(runnable=None, patchVersion=None)
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    reasons = [r for r in rejections(package(files)) if r.rule == "library.required"]
    assert {r.path for r in reasons} == {f"{hostile.FOLDER}/library.json"}
    assert len(reasons) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("majorVersion", -1),
        ("minorVersion", "1.0"),
        ("patchVersion", True),
        ("runnable", 2),
        ("machineName", "../Chainon.Probe"),
        ("preloadedJs", [{"path": "../../evil.js"}]),
    ],
)
def test_library_json_field_rules(field, value):
    lib = hostile.library_json(**{field: value})
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    assert "library.field" in rules(package(files))


def test_library_json_missing():
    files = probe(**{f"{hostile.FOLDER}/library.json": None})
    reasons = rejections(package(files))
    assert (f"{hostile.FOLDER}/library.json", "library.json_missing") in {
        (r.path, r.rule) for r in reasons
    }


def test_preloaded_file_must_be_in_the_library():
    lib = hostile.library_json(preloadedCss=[{"path": "styles/probe.css"}])
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    (reason,) = rejections(package(files))
    assert (reason.path, reason.rule) == (
        f"{hostile.FOLDER}/styles/probe.css",
        "library.file_missing",
    )


def test_library_needing_a_newer_core_is_refused():
    lib = hostile.library_json(coreApi={"majorVersion": 2, "minorVersion": 0})
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    assert "library.core_api" in rules(package(files))


def test_library_folder_name_rule():
    files = {
        path.replace(hostile.FOLDER, "Chainon Probe"): data
        for path, data in hostile.probe_files().items()
    }
    assert "library.folder_name" in rules(package(files))


def test_semantics_must_be_a_list():
    files = probe(**{f"{hostile.FOLDER}/semantics.json": b'{"name": "text"}'})
    assert rules(package(files)) == {"library.semantics_invalid"}


def test_content_json_missing_or_not_an_object():
    assert rules(package(probe(**{"content/content.json": None}))) == {
        "content.json_missing"
    }
    assert rules(package(probe(**{"content/content.json": b'"text"'}))) == {
        "content.json_invalid"
    }
    assert rules(package(probe(**{"content/content.json": b'{"n": NaN}'}))) == {
        "content.json_invalid"
    }


def test_deeply_nested_json_is_refused_not_crashing():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert rules(package(probe(**{"content/content.json": deep}))) == {
        "content.json_invalid"
    }


def test_json_read_whole_is_bounded():
    reasons = rejections(hostile.valid_package(), limits=Limits(max_json_size=150))
    assert {r.rule for r in reasons} == {"limits.json_size"}
    assert {r.path for r in reasons} >= {f"{hostile.FOLDER}/library.json"}


# -- the archive -----------------------------------------------------------


def test_checksum_is_checked():
    files = probe(**{"content/images/probe.png": hostile.PNG})
    data = bytearray(hostile.build(files, compression=zipfile.ZIP_STORED))
    position = bytes(data).find(b"IHDR")
    data[position + 8] ^= 0xFF
    (reason,) = rejections(bytes(data))
    assert (reason.path, reason.rule) == ("content/images/probe.png", "zip.crc")


def test_real_size_smaller_than_declared_is_refused():
    data = hostile.build(probe(**{"content/videos/clip.mp4": b"x" * 500}))
    data = hostile._patch_sizes(data, "content/videos/clip.mp4", 900)
    (reason,) = rejections(data)
    assert (reason.path, reason.rule) == ("content/videos/clip.mp4", "size.declared")


def test_truncated_archive_is_refused():
    data = hostile.valid_package()
    assert rules(data[: len(data) // 2]) == {"zip.invalid"}


def test_per_file_limit():
    files = probe(**{"content/videos/clip.mp4": b"\x01" * 5000})
    reasons = rejections(package(files), limits=Limits(max_file_size=4000))
    assert [(r.path, r.rule) for r in reasons] == [
        ("content/videos/clip.mp4", "limits.file_size")
    ]


def test_small_entries_may_compress_well():
    files = probe(**{"content/notes.txt": b"la " * 300_000})
    assert check(package(files)).total_size > 900_000


def test_zip64_end_record_is_understood(monkeypatch):
    # zipfile writes the zip64 end records past 65 535 entries; lower that
    # bar so a small package gets them.
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 3)
    data = hostile.valid_package()
    assert b"PK\x06\x06" in data
    assert check(data).title == "Sonde"
    assert rules(data, limits=Limits(max_entries=5)) == {"limits.entries"}
    # A small classic count cannot hide a huge zip64 one.
    patched = bytearray(data)
    record = data.rfind(b"PK\x06\x06")
    patched[record + 32 : record + 40] = struct.pack("<Q", 10**9)
    assert rules(bytes(patched)) == {"limits.entries"}


def test_archive_comment_and_leading_bytes_are_fine():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.comment = b"exported by a museum tool"
        for name, data in hostile.probe_files().items():
            archive.writestr(name, data)
    assert check(buffer.getvalue()).title == "Sonde"
    assert check(b"#!/bin/sh\nexit 0\n" + hostile.valid_package()).title == "Sonde"


def test_huge_entry_count_is_refused_before_reading_the_directory():
    data = bytearray(hostile.valid_package())
    end = bytes(data).rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = struct.pack("<HH", 60_000, 60_000)
    assert rules(bytes(data)) == {"limits.entries"}


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("C:/Windows/evil.png", "path.absolute"),
        ("content//evil.png", "path.segment"),
        ("./content/evil.png", "path.segment"),
        ("content/./evil.png", "path.segment"),
        ("content/..", "path.dotdot"),
        ("content/a\tb.png", "path.control"),
        ("content/" + "a" * 300 + ".png", "path.too_long"),
    ],
)
def test_path_rules(name, rule):
    assert path_problem(name, Limits()).rule == rule


def test_plain_paths_pass():
    for name in ("h5p.json", "content/images/été 2024.jpg", "content/", "a-b_c.d/e"):
        assert path_problem(name, Limits()) is None


def test_whitelists():
    assert allowed_in_content("images/photo.JPG")
    assert allowed_in_content("models/vase.glb")
    assert allowed_in_content("captions/fr.vtt")
    for name in ("a.svg", "a.xml", "a.html", "a.js", "a.css", "a.php", "a.swf"):
        assert not allowed_in_content(name), name
    assert not allowed_in_content("README")
    assert not allowed_in_content("images/.png")
    assert allowed_in_library("dist/app.js")
    assert allowed_in_library("icon.svg")
    assert not allowed_in_library("server.php")
    assert not allowed_in_library("index.html")
    assert extension("a/b.tar.GZ") == "gz"


def test_hostile_names_do_not_make_the_patterns_backtrack():
    started = time.perf_counter()
    assert language_file_problem("Lib", "a" * 250 + "!.json") is not None
    assert language_file_problem("Lib", "-a-b-c-d-e-f-g.json") is None
    lib = hostile.library_json(preloadedJs=[{"path": "a" * 250 + "!.js"}])
    files = probe(**{f"{hostile.FOLDER}/library.json": as_json(lib)})
    assert "library.field" in rules(package(files))
    assert time.perf_counter() - started < 1
