"""Unpacking an inspected H5P package (``media.h5p.unpack``): the storage
layout, shared libraries, idempotent and restartable runs, and memory."""

import io
import json
import os
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from media.h5p.errors import PackageRejected
from media.h5p.manifest import LibraryRef
from media.h5p.package import inspect
from media.h5p.target import MemoryTarget
from media.h5p.unpack import (
    CONTENT_MARKER,
    LIBRARY_MARKER,
    _save_json,
    content_ready,
    installed_patch,
    remove_content,
    stored_semantics,
    unpack,
)
from tests.support import h5p_hostile as hostile
from tests.support.h5p_packages import testquiz_package, truefalse_package

PROBE = LibraryRef("Chainon.Probe", 1, 0)
LIB = "h5p/libraries/Chainon.Probe-1.0"


class RecordingTarget(MemoryTarget):
    """A memory target that remembers every write and delete, and can be
    made to fail (as a killed worker would) after a number of writes."""

    def __init__(self, fail_after: int | None = None):
        super().__init__()
        self.saved: list[str] = []
        self.deleted: list[str] = []
        self.fail_after = fail_after

    def save(self, name, content, size):
        if self.fail_after is not None and len(self.saved) >= self.fail_after:
            raise OSError("worker killed")
        super().save(name, content, size)
        self.saved.append(name)

    def delete(self, name):
        super().delete(name)
        self.deleted.append(name)


class DiskTarget:
    """A target on the local disk, streaming (what the storage adapter does)."""

    def __init__(self, root: Path):
        self.root = root

    def exists(self, name):
        return (self.root / name).exists()

    def save(self, name, content, size):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as out:
            shutil.copyfileobj(content, out, 64 * 1024)

    def delete(self, name):
        (self.root / name).unlink(missing_ok=True)

    def open(self, name):
        return open(self.root / name, "rb")

    def flush(self):
        pass


def no_semantics(name):
    return None


def run(data: bytes, target, content_id="c1", semantics_of=no_semantics, **kwargs):
    """Inspect then unpack, as the Django task does."""
    kwargs.setdefault("installed", lambda *ref: installed_patch(target, *ref))
    kwargs.setdefault("may_install_libraries", True)
    report = inspect(io.BytesIO(data), **kwargs)
    notes = unpack(
        io.BytesIO(data),
        report,
        target,
        content_id=content_id,
        semantics_of=semantics_of,
    )
    return report, notes


def test_valid_package_unpacks_to_the_layout():
    target = MemoryTarget()
    report, notes = run(hostile.valid_package(), target, content_id="3f2a-uuid")

    content = "h5p/content/3f2a-uuid"
    assert set(target.files) == {
        f"{content}/content.json",
        f"{content}/images/probe.png",
        f"{content}/{CONTENT_MARKER}",
        f"{LIB}/library.json",
        f"{LIB}/semantics.json",
        f"{LIB}/probe.js",
        f"{LIB}/language/fr.json",
        f"{LIB}/{LIBRARY_MARKER}",
    }
    package = hostile.probe_files()
    assert target.files[f"{content}/images/probe.png"] == hostile.PNG
    for path in ("library.json", "semantics.json", "probe.js", "language/fr.json"):
        assert target.files[f"{LIB}/{path}"] == package[f"{hostile.FOLDER}/{path}"]
    assert content_ready(target, "3f2a-uuid")
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 0
    marker = json.loads(target.files[f"{content}/{CONTENT_MARKER}"])
    assert marker["mainLibrary"] == "Chainon.Probe 1.0"
    assert marker["files"] == ["content.json", "images/probe.png"]


def test_content_json_is_sanitised_with_the_packaged_semantics():
    target = MemoryTarget()
    _report, notes = run(hostile.valid_package(), target)

    params = json.loads(target.files["h5p/content/c1/content.json"])
    assert "<script>" not in params["text"]
    assert "<strong>le musée</strong>" in params["text"]
    assert params["image"]["path"] == "images/probe.png"
    assert notes and any("script" in note for note in notes)
    marker = json.loads(target.files[f"h5p/content/c1/{CONTENT_MARKER}"])
    assert marker["notes"] == notes


def test_installed_library_semantics_come_from_the_caller():
    target = MemoryTarget()
    run(hostile.valid_package(), target, content_id="first")
    asked = []

    def semantics_of(name):
        asked.append(name)
        return stored_semantics(target)(name)

    run(
        hostile.valid_package(with_library=False),
        target,
        content_id="second",
        semantics_of=semantics_of,
    )
    assert asked == ["Chainon.Probe 1.0"]
    params = json.loads(target.files["h5p/content/second/content.json"])
    assert "<script>" not in params["text"]
    assert "<strong>" in params["text"]


def test_same_library_is_stored_once_and_reused():
    target = RecordingTarget()
    run(hostile.valid_package(), target, content_id="first")
    first_library_writes = [n for n in target.saved if n.startswith(LIB)]
    assert len(first_library_writes) == 5
    target.saved.clear()

    report, _notes = run(hostile.valid_package(), target, content_id="second")

    assert report.libraries_to_install == ()
    assert [lib.ref for lib in report.libraries_reused] == [PROBE]
    assert not [n for n in target.saved if n.startswith("h5p/libraries/")]
    assert content_ready(target, "second")


def test_unpacking_the_same_content_twice_writes_nothing_the_second_time():
    target = RecordingTarget()
    data = hostile.valid_package()
    report = inspect(
        io.BytesIO(data), installed=lambda *ref: None, may_install_libraries=True
    )
    notes = unpack(
        io.BytesIO(data), report, target, content_id="c1", semantics_of=no_semantics
    )
    files = dict(target.files)
    target.saved.clear()

    again = unpack(
        io.BytesIO(data), report, target, content_id="c1", semantics_of=no_semantics
    )

    assert again == notes
    assert target.saved == []
    assert target.files == files


def test_a_killed_run_never_looks_complete_and_a_rerun_finishes():
    data = hostile.valid_package()
    report = inspect(
        io.BytesIO(data), installed=lambda *ref: None, may_install_libraries=True
    )
    for fail_after in range(8):
        target = RecordingTarget(fail_after=fail_after)
        with pytest.raises(OSError):
            unpack(
                io.BytesIO(data),
                report,
                target,
                content_id="c1",
                semantics_of=no_semantics,
            )
        assert not content_ready(target, "c1")
        library_complete = installed_patch(target, "Chainon.Probe", 1, 0) is not None
        library_files = {n for n in target.files if n.startswith(f"{LIB}/")}
        assert library_complete == (len(library_files) == 5)

        target.fail_after = None
        unpack(
            io.BytesIO(data), report, target, content_id="c1", semantics_of=no_semantics
        )
        assert content_ready(target, "c1")
        assert installed_patch(target, "Chainon.Probe", 1, 0) == 0
        assert len(target.files) == 8


def newer_patch_package(patch: int, extra: dict[str, bytes] | None = None) -> bytes:
    files = hostile.probe_files(patch=patch)
    files.update(extra or {})
    return hostile.build(files)


def test_a_newer_patch_replaces_the_library_only_when_allowed():
    target = RecordingTarget()
    old = newer_patch_package(0, {f"{hostile.FOLDER}/old-helper.js": b"// old"})
    run(old, target, content_id="old")
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 0
    target.saved.clear()

    new = newer_patch_package(2)
    report, _notes = run(new, target, content_id="refused", may_install_libraries=False)
    assert report.libraries_to_install == ()
    assert [lib.patch for lib in report.libraries_not_upgraded] == [2]
    assert not [n for n in target.saved if n.startswith("h5p/libraries/")]
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 0

    report, _notes = run(new, target, content_id="allowed", may_install_libraries=True)
    assert [lib.patch for lib in report.libraries_to_install] == [2]
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 2
    library_json = json.loads(target.files[f"{LIB}/library.json"])
    assert library_json["patchVersion"] == 2
    assert f"{LIB}/old-helper.js" not in target.files  # the old patch's leftovers


def test_a_half_written_patch_upgrade_is_never_taken_for_installed():
    target = RecordingTarget()
    run(newer_patch_package(0), target, content_id="old")
    new = newer_patch_package(1)
    report = inspect(
        io.BytesIO(new),
        installed=lambda *ref: installed_patch(target, *ref),
        may_install_libraries=True,
    )
    target.fail_after = len(target.saved) + 2  # dies among the library files
    with pytest.raises(OSError):
        unpack(
            io.BytesIO(new), report, target, content_id="new", semantics_of=no_semantics
        )
    assert installed_patch(target, "Chainon.Probe", 1, 0) is None
    assert not content_ready(target, "new")

    target.fail_after = None
    unpack(io.BytesIO(new), report, target, content_id="new", semantics_of=no_semantics)
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 1


def test_an_older_patch_never_overwrites_a_newer_one_even_when_raced():
    target = MemoryTarget()
    old_report = inspect(
        io.BytesIO(newer_patch_package(0)),
        installed=lambda *ref: None,
        may_install_libraries=True,
    )
    run(newer_patch_package(3), target, content_id="new")
    unpack(
        io.BytesIO(newer_patch_package(0)),
        old_report,
        target,
        content_id="late",
        semantics_of=no_semantics,
    )
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 3
    assert json.loads(target.files[f"{LIB}/library.json"])["patchVersion"] == 3


def test_a_different_package_than_the_inspected_one_is_refused():
    target = MemoryTarget()
    data = hostile.valid_package()
    report = inspect(
        io.BytesIO(data), installed=lambda *ref: None, may_install_libraries=True
    )
    files = hostile.probe_files()
    files["content/images/probe.png"] = hostile.PNG + b"\x00"
    other = hostile.build(files)

    with pytest.raises(PackageRejected) as raised:
        unpack(
            io.BytesIO(other),
            report,
            target,
            content_id="c1",
            semantics_of=no_semantics,
        )
    (reason,) = raised.value.reasons
    assert (reason.path, reason.rule) == ("content/images/probe.png", "package.changed")
    assert target.files == {}


def test_a_hostile_file_swapped_in_after_inspection_writes_nothing():
    target = MemoryTarget()
    report = inspect(
        io.BytesIO(hostile.valid_package()),
        installed=lambda *ref: None,
        may_install_libraries=True,
    )
    with pytest.raises(PackageRejected):
        unpack(
            io.BytesIO(hostile.zip_slip()),
            report,
            target,
            content_id="c1",
            semantics_of=no_semantics,
        )
    assert target.files == {}


@pytest.mark.parametrize("content_id", ["", "../c1", "a/b", ".hidden", "x" * 200])
def test_content_id_must_be_one_plain_segment(content_id):
    data = hostile.valid_package()
    report = inspect(
        io.BytesIO(data), installed=lambda *ref: None, may_install_libraries=True
    )
    with pytest.raises(ValueError):
        unpack(
            io.BytesIO(data),
            report,
            MemoryTarget(),
            content_id=content_id,
            semantics_of=no_semantics,
        )


def test_remove_content_deletes_the_marker_and_the_files():
    target = MemoryTarget()
    report, _notes = run(hostile.valid_package(), target)
    remove_content(target, "c1")
    assert not content_ready(target, "c1")
    assert not [name for name in target.files if name.startswith("h5p/content/")]
    assert installed_patch(target, "Chainon.Probe", 1, 0) == 0  # libraries stay


def test_json_with_a_lone_surrogate_is_still_written_as_valid_json():
    target = MemoryTarget()
    _save_json(target, "x.json", {"text": "a\ud800b"})
    assert json.loads(target.files["x.json"]) == {"text": "a\ud800b"}
    target.files["x.json"].decode("utf-8")


def test_unpacks_to_disk(tmp_path):
    target = DiskTarget(tmp_path)
    run(hostile.valid_package(), target)
    assert (tmp_path / "h5p/content/c1/images/probe.png").read_bytes() == hostile.PNG
    assert (tmp_path / LIB / "probe.js").exists()


def test_large_entries_are_streamed_in_small_chunks(tmp_path):
    """A 30 MB incompressible video passes through inspect and unpack
    without the archive or the entry ever being held in memory."""
    size = 30 * 1024 * 1024
    source = tmp_path / "big.h5p"
    with zipfile.ZipFile(
        source, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        for name, data in hostile.probe_files().items():
            archive.writestr(name, data)
        with archive.open("content/videos/visite.mp4", "w") as video:
            for _ in range(size // (1024 * 1024)):
                video.write(os.urandom(1024 * 1024))
    target = DiskTarget(tmp_path / "storage")

    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        with open(source, "rb") as handle:
            report = inspect(
                handle, installed=lambda *ref: None, may_install_libraries=True
            )
            unpack(handle, report, target, content_id="big", semantics_of=no_semantics)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    written = tmp_path / "storage/h5p/content/big/videos/visite.mp4"
    assert written.stat().st_size == size
    assert content_ready(target, "big")
    assert peak < 2 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MB"


@pytest.mark.parametrize("build", [truefalse_package, testquiz_package])
def test_real_packages_pass_and_unpack(build):
    """Real packages (an unmodified H5P.TrueFalse 1.6 with its ten
    libraries, and our own test content type) meet every rule."""
    target = MemoryTarget()
    report, notes = run(build(), target, semantics_of=stored_semantics(target))
    assert content_ready(target, "c1")
    for library in report.libraries_to_install:
        assert installed_patch(target, *_ref(library.ref)) == library.patch
    main = report.main_library
    assert installed_patch(target, *_ref(main)) is not None
    assert notes == []


def _ref(ref: LibraryRef) -> tuple[str, int, int]:
    return ref.machine_name, ref.major, ref.minor
