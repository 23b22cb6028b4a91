"""Writing an inspected package to storage: ``unpack``.

Layout (issue 6)::

    h5p/content/<content id>/...                      the content folder
    h5p/content/<content id>/.unpacked.json           written last
    h5p/libraries/<machineName>-<major>.<minor>/...   one per library version
    h5p/libraries/<machineName>-<major>.<minor>/.installed.json   written last

Every entry is streamed from the zip to the target (``Target.save`` reads
an ``archive.EntryReader``), so neither the archive nor a large entry is
ever held in memory; only ``content.json`` is read whole, to sanitise its
text against the libraries' ``semantics.json``.

**Why a marker instead of a staging folder.**  ``Target`` has no listing
and no rename (S3 has neither, cheaply), so writing to a staging prefix
would mean copying every file a second time.  Instead each folder gets a
marker file, written after everything else, and nothing counts as there
until its marker is:

- *Content*: ``.unpacked.json`` (the file list and the sanitiser's
  notes) is the last write.  A run killed half-way leaves files but no
  marker, so ``content_ready`` says no and the next run writes them all
  again (``Target.save`` replaces a file of the same name) and then the
  marker.  Once the marker exists, ``unpack`` returns at once: running it
  twice writes nothing the second time.
- *Libraries*: ``.installed.json`` records the patch version and file
  list.  A library folder whose marker has the same or a newer patch is
  left alone (shared by every package using that version, written once).
  Installing a newer patch first **deletes** the old marker, so from that
  moment the folder reads as not installed (``installed_patch`` returns
  None) until every new file and then the new marker are written; files
  the old patch had and the new one lacks are deleted last.  A
  half-written library therefore never has a marker, and the Django layer
  records the library (and serves content using it) only after
  ``unpack`` returns.

Names starting with ``.`` are never unpacked from a package
(``archive.is_hidden``), so no package file can stand in for a marker.
"""

import io
import json
import re
from collections.abc import Callable
from typing import BinaryIO

from media.h5p.archive import Archive, Entry
from media.h5p.errors import PackageRejected, Rejection
from media.h5p.manifest import LibraryRef, load_json
from media.h5p.package import PackagedFile, PackagedLibrary, PackageReport
from media.h5p.semantics import sanitise_content
from media.h5p.target import Target

CONTENT_ROOT = "h5p/content"
LIBRARY_ROOT = "h5p/libraries"
CONTENT_MARKER = ".unpacked.json"
LIBRARY_MARKER = ".installed.json"

#: ``semantics_of("H5P.MultiChoice 1.16")`` → that library's parsed
#: semantics.json, or None.
SemanticsOf = Callable[[str], list | None]

_CONTENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,127}")


def content_folder(content_id) -> str:
    """``h5p/content/<content id>``; the id must be one plain segment (a
    UUID in practice)."""
    text = str(content_id)
    if not _CONTENT_ID.fullmatch(text):
        raise ValueError(f"Not a usable content id: {text!r}")
    return f"{CONTENT_ROOT}/{text}"


def library_folder(ref: LibraryRef) -> str:
    """``h5p/libraries/<machineName>-<major>.<minor>``."""
    return f"{LIBRARY_ROOT}/{ref.folder}"


def content_ready(target: Target, content_id) -> bool:
    """Whether the content folder was completely written."""
    return target.exists(f"{content_folder(content_id)}/{CONTENT_MARKER}")


def installed_patch(
    target: Target, machine_name: str, major: int, minor: int
) -> int | None:
    """The patch of a completely written library folder, or None.  Fits
    ``inspect``'s ``installed`` argument when storage is the only record."""
    marker = _read_marker(
        target, f"{library_folder(LibraryRef(machine_name, major, minor))}"
    )
    if marker is None:
        return None
    patch = marker.get("patchVersion")
    return patch if isinstance(patch, int) else None


def stored_semantics(target: Target) -> SemanticsOf:
    """A ``semantics_of`` reading the installed libraries' semantics.json."""

    def semantics_of(name: str) -> list | None:
        ref = LibraryRef.parse(name)
        if ref is None or installed_patch(target, *_ref_tuple(ref)) is None:
            return None
        path = f"{library_folder(ref)}/semantics.json"
        if not target.exists(path):
            return None
        with target.open(path) as handle:
            value, problem = load_json(handle.read(), path, "library.semantics_invalid")
        return value if problem is None and isinstance(value, list) else None

    return semantics_of


def unpack(
    fileobj: BinaryIO,
    report: PackageReport,
    target: Target,
    *,
    content_id,
    semantics_of: SemanticsOf,
) -> list[str]:
    """Write the package ``inspect`` accepted: libraries to install first,
    then the content, ``content.json`` sanitised, then the markers.

    ``fileobj`` must hold the same package (entries are matched against
    the report by name, size and checksum before anything is written;
    otherwise ``PackageRejected`` with ``package.changed``).  Returns the
    sanitiser's notes (what it removed or changed in content.json).
    Idempotent and restartable (see the module docstring)."""
    folder = content_folder(content_id)
    marker = _read_marker(target, folder, CONTENT_MARKER)
    if marker is not None:
        return list(marker.get("notes", []))
    archive = Archive(fileobj, report.limits)
    try:
        entries = _match(archive, report)
        for library in report.libraries_to_install:
            _install_library(archive, entries, library, target)
        return _write_content(archive, entries, report, target, folder, semantics_of)
    except BaseException:
        # Let background writes end before the caller retries or cleans up;
        # their own errors matter less than the one being raised.
        try:
            target.flush()
        except Exception:  # noqa: BLE001, S110
            pass
        raise
    finally:
        archive.close()


def remove_content(
    target: Target, content_id, report: PackageReport | None = None
) -> None:
    """Delete a content folder (marker first, so it stops counting as
    ready), using the marker's file list or else the report's."""
    folder = content_folder(content_id)
    marker = _read_marker(target, folder, CONTENT_MARKER)
    paths = set(marker.get("files", [])) if marker else set()
    if report is not None:
        paths.update(f.path for f in report.content_files)
    target.delete(f"{folder}/{CONTENT_MARKER}")
    for path in sorted(paths):
        if _safe_relative(path):
            target.delete(f"{folder}/{path}")


# -- internals -------------------------------------------------------------


def _ref_tuple(ref: LibraryRef) -> tuple[str, int, int]:
    return ref.machine_name, ref.major, ref.minor


def _safe_relative(path: str) -> bool:
    return (
        isinstance(path, str)
        and bool(path)
        and not path.startswith("/")
        and "\\" not in path
        and all(segment not in ("", ".", "..") for segment in path.split("/"))
    )


def _read_marker(
    target: Target, folder: str, name: str = LIBRARY_MARKER
) -> dict | None:
    path = f"{folder}/{name}"
    if not target.exists(path):
        return None
    with target.open(path) as handle:
        value, problem = load_json(handle.read(16 * 1024 * 1024), path, "marker")
    return value if problem is None and isinstance(value, dict) else None


def _save_marker(target: Target, path: str, value) -> None:
    """A marker is written once every file before it is durable, and is
    itself durable when this returns."""
    target.flush()
    _save_json(target, path, value)
    target.flush()


def _save_json(target: Target, path: str, value) -> None:
    try:
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )
        data = text.encode()
    except UnicodeEncodeError:
        # A lone surrogate (an escaped "\ud800" in the source JSON) cannot be UTF-8;
        # escaped, it stays the same string for the player's JSON.parse.
        data = json.dumps(value, allow_nan=False, separators=(",", ":")).encode()
    target.save(path, io.BytesIO(data), len(data))


def _match(archive: Archive, report: PackageReport) -> dict[str, Entry]:
    """The archive's entries for every file the report lists; refuses a
    package that is not the one inspected, before anything is written."""
    if archive.rejections:
        raise PackageRejected(archive.rejections)
    wanted: list[PackagedFile] = list(report.content_files)
    for library in report.libraries_to_install:
        wanted.extend(library.files)
    entries, changed = {}, []
    for packaged in wanted:
        entry = archive.get(packaged.entry)
        if entry is None or (entry.size, entry.crc) != (packaged.size, packaged.crc):
            changed.append(
                Rejection(
                    packaged.entry,
                    "package.changed",
                    "The package differs from the one that was inspected.",
                )
            )
            continue
        entries[packaged.entry] = entry
    if changed:
        raise PackageRejected(changed)
    return entries


def _stream(archive: Archive, entry: Entry, target: Target, name: str) -> None:
    with archive.open(entry) as reader:
        target.save(name, reader, entry.size)


def _install_library(
    archive: Archive,
    entries: dict[str, Entry],
    library: PackagedLibrary,
    target: Target,
) -> None:
    folder = library_folder(library.ref)
    current = _read_marker(target, folder)
    current_patch = current.get("patchVersion") if current else None
    if isinstance(current_patch, int) and current_patch >= library.patch:
        return  # this version (or a newer patch) is already complete
    if current is not None:
        target.delete(f"{folder}/{LIBRARY_MARKER}")
    for packaged in library.files:
        _stream(archive, entries[packaged.entry], target, f"{folder}/{packaged.path}")
    paths = sorted(packaged.path for packaged in library.files)
    _save_marker(
        target,
        f"{folder}/{LIBRARY_MARKER}",
        {
            "machineName": library.ref.machine_name,
            "majorVersion": library.ref.major,
            "minorVersion": library.ref.minor,
            "patchVersion": library.patch,
            "files": paths,
        },
    )
    old_paths = set(current.get("files", [])) if current else set()
    for path in sorted(old_paths - set(paths)):
        if _safe_relative(path):
            target.delete(f"{folder}/{path}")


def _write_content(
    archive: Archive,
    entries: dict[str, Entry],
    report: PackageReport,
    target: Target,
    folder: str,
    semantics_of: SemanticsOf,
) -> list[str]:
    for packaged in report.content_files:
        if packaged.path != "content.json":
            entry = entries[packaged.entry]
            _stream(archive, entry, target, f"{folder}/{packaged.path}")
    entry = entries[report.content_json.entry]
    params, problem = load_json(
        archive.read(entry, report.limits.max_json_size),
        entry.name,
        "content.json_invalid",
    )
    if problem or not isinstance(params, dict):
        raise PackageRejected(
            [problem or Rejection(entry.name, "content.json_invalid", "Not an object.")]
        )
    cleaned, notes = sanitise_content(
        params,
        report.main_library_name,
        _package_semantics(archive, report, semantics_of),
    )
    _save_json(target, f"{folder}/content.json", cleaned)
    _save_marker(
        target,
        f"{folder}/{CONTENT_MARKER}",
        {
            "mainLibrary": report.main_library_name,
            "files": sorted(packaged.path for packaged in report.content_files),
            "notes": list(notes),
        },
    )
    return list(notes)


def _package_semantics(
    archive: Archive, report: PackageReport, semantics_of: SemanticsOf
) -> SemanticsOf:
    """Semantics of the libraries installed from this package come from
    the package itself; every other library's from ``semantics_of``."""
    installing = {library.ref: library for library in report.libraries_to_install}
    cache: dict[LibraryRef, list | None] = {}

    def lookup(name: str) -> list | None:
        ref = LibraryRef.parse(name)
        library = installing.get(ref) if ref else None
        if library is None:
            return semantics_of(name)
        if ref not in cache:
            cache[ref] = None
            entry = archive.get(f"{library.folder}/semantics.json")
            if entry is not None:
                value, problem = load_json(
                    archive.read(entry, report.limits.max_json_size),
                    entry.name,
                    "library.semantics_invalid",
                )
                if problem is None and isinstance(value, list):
                    cache[ref] = value
        return cache[ref]

    return lookup
