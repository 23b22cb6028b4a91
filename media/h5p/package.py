"""Checking a whole .h5p before anything is unpacked: ``inspect``.

``inspect`` follows the order of the PHP core's
``H5PValidator::isValidPackage`` (``h5p/h5p-php-library``,
``h5p.classes.php``) and of Lumi's ``PackageValidator.validatePackage``,
but works on the zip itself, streaming, instead of extracting to a
temporary folder first:

1. the archive: entry paths, kinds and declared sizes (``archive``);
2. each entry's place: ``h5p.json`` at the top, content files under
   ``content/`` against the content whitelist, every other folder a
   library whose files pass the library whitelist (``whitelists``); files
   or folders starting with ``.`` or ``_`` are skipped, as the core skips
   them, and so are stray files at the top;
3. ``h5p.json`` and ``content/content.json`` (``manifest``);
4. each library folder: its name, its ``library.json`` (required fields,
   folder named after it), ``semantics.json`` and language files as
   valid JSON, the ``preloadedJs``/``preloadedCss`` files present;
5. every entry's real bytes, streamed to nowhere: sizes and checksums as
   declared, no limit broken;
6. every dependency (preloaded, dynamic, editor; of ``h5p.json`` and of
   each library) present in the package or already installed.

All the rejections are collected and raised together.  Nothing is
written: the report then tells ``unpack`` what to write.

Library versions follow the spec's patch rule ("the system will
automatically update to the latest patchVersion installed"): a library
version not installed yet is installed from the package (a new folder
cannot change any existing content); a newer patch of an installed one
replaces it only when the caller allows installing libraries, since it
changes every content using that version; an older or equal patch is
never installed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from media.h5p.archive import Archive, Entry
from media.h5p.errors import PackageRejected, Rejection
from media.h5p.limits import Limits
from media.h5p.manifest import (
    ContentManifest,
    LibraryManifest,
    LibraryRef,
    folder_problem,
    language_file_problem,
    load_json,
    parse_h5p_json,
    parse_library_json,
)
from media.h5p.whitelists import (
    CONTENT_EXTENSIONS,
    LIBRARY_EXTENSIONS,
    allowed_in_content,
    allowed_in_library,
    describe,
    extension,
)

#: ``installed(machine_name, major, minor)`` → the installed patch or None.
Installed = Callable[[str, int, int], int | None]


@dataclass(frozen=True)
class PackagedFile:
    """One file to unpack: ``entry`` is its path in the .h5p, ``path`` its
    path under the destination folder."""

    entry: str
    path: str
    size: int
    crc: int


@dataclass(frozen=True)
class PackagedLibrary:
    """A library the package brings (``folder`` is its folder there)."""

    ref: LibraryRef
    patch: int
    title: str
    runnable: bool
    folder: str
    installed_patch: int | None
    dependencies: tuple[LibraryRef, ...]
    files: tuple[PackagedFile, ...]

    @property
    def version(self) -> str:
        return f"{self.ref.major}.{self.ref.minor}.{self.patch}"


@dataclass(frozen=True)
class InstalledLibrary:
    """A library version already on the site that the package uses."""

    ref: LibraryRef
    patch: int


@dataclass(frozen=True)
class PackageReport:
    """What a valid package holds and what unpacking it will do.

    ``metadata`` holds the H5P metadata fields of ``h5p.json`` (title,
    language, license, licenseVersion, authors, source, yearsFrom…).
    ``content_files`` includes ``content.json`` (``path`` "content.json").
    ``libraries_to_install`` are new library versions, or newer patches
    when installing was allowed; ``libraries_reused`` the installed
    versions the content will use as they are; ``libraries_not_upgraded``
    the newer patches the package brought but was not allowed to install.
    ``skipped`` lists entries that are never unpacked (``.``/``_`` names,
    stray top-level files)."""

    title: str
    language: str
    main_library: LibraryRef
    embed_types: tuple[str, ...]
    metadata: dict = field(hash=False, compare=False)
    preloaded_dependencies: tuple[LibraryRef, ...] = ()
    content_files: tuple[PackagedFile, ...] = ()
    libraries_to_install: tuple[PackagedLibrary, ...] = ()
    libraries_reused: tuple[InstalledLibrary, ...] = ()
    libraries_not_upgraded: tuple[PackagedLibrary, ...] = ()
    skipped: tuple[str, ...] = ()
    total_size: int = 0
    limits: Limits = field(default_factory=Limits)

    @property
    def main_library_name(self) -> str:
        """``H5P.MultiChoice 1.16``, as content and semantics name it."""
        return str(self.main_library)

    @property
    def content_json(self) -> PackagedFile:
        return next(f for f in self.content_files if f.path == "content.json")


def inspect(
    fileobj: BinaryIO,
    *,
    installed: Installed,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so sharing is safe
    may_install_libraries: bool = False,
) -> PackageReport:
    """Check the package in ``fileobj`` (binary, seekable) whole.

    Raises ``PackageRejected`` listing every broken rule; returns the
    report otherwise.  Nothing is written anywhere."""
    archive = Archive(fileobj, limits)
    try:
        return _Inspection(archive, installed, may_install_libraries).run()
    finally:
        archive.close()


@dataclass
class _Folder:
    name: str
    entries: dict[str, Entry] = field(default_factory=dict)


class _Inspection:
    def __init__(self, archive: Archive, installed: Installed, may_install: bool):
        self.archive = archive
        self.limits = archive.limits
        self._installed = installed
        self._installed_cache: dict[LibraryRef, int | None] = {}
        self.may_install = may_install
        self.rejections: list[Rejection] = list(archive.rejections)
        self.read_whole: set[str] = set()

    # -- helpers ---------------------------------------------------------

    def reject(self, path: str, rule: str, message: str) -> None:
        self.rejections.append(Rejection(path, rule, message))

    def read(self, entry: Entry) -> bytes | None:
        self.read_whole.add(entry.name)
        try:
            return self.archive.read(entry, self.limits.max_json_size)
        except PackageRejected as rejected:
            self.rejections.extend(rejected.reasons)
            return None

    def installed_patch(self, ref: LibraryRef) -> int | None:
        if ref not in self._installed_cache:
            self._installed_cache[ref] = self._installed(
                ref.machine_name, ref.major, ref.minor
            )
        return self._installed_cache[ref]

    # -- the steps -------------------------------------------------------

    def run(self) -> PackageReport:
        h5p_entry, content, folders, skipped = self.sort_entries()
        manifest = self.check_h5p_json(h5p_entry)
        self.check_content_json(content)
        libraries = self.check_libraries(folders)
        self.verify_bytes(content, folders)
        self.check_dependencies(manifest, libraries)
        if self.rejections:
            raise PackageRejected(self.rejections)
        report = self.report(manifest, content, libraries, skipped)
        self.check_new_libraries(report)
        if self.rejections:
            raise PackageRejected(self.rejections)
        return report

    def check_new_libraries(self, report: PackageReport) -> None:
        """New library code is JavaScript that will run in every learner's
        browser: like the PHP core, only people allowed to install
        libraries may bring any; others may use the installed ones."""
        if self.may_install:
            return
        for library in report.libraries_to_install:
            self.reject(
                f"{library.folder}/library.json",
                "library.not_installed",
                f"{library.ref} is not installed here, and installing new "
                "library code needs the 'install H5P libraries' permission",
            )

    def sort_entries(self):
        h5p_entry = None
        content: dict[str, Entry] = {}
        folders: dict[str, _Folder] = {}
        skipped = []
        for entry in self.archive.entries:
            if entry.is_dir or not entry.usable:
                continue
            if entry.hidden:
                skipped.append(entry.name)
                continue
            top, _slash, rest = entry.name.partition("/")
            if not rest:
                if entry.name == "h5p.json":
                    h5p_entry = entry
                else:
                    skipped.append(entry.name)
            elif top == "content":
                if allowed_in_content(rest):
                    content[rest] = entry
                else:
                    self.reject(
                        entry.name,
                        "content.extension",
                        f"{_kind(rest)} are not allowed in content; allowed: "
                        f"{describe(CONTENT_EXTENSIONS)}.",
                    )
            else:
                folder = folders.setdefault(top, _Folder(top))
                if allowed_in_library(rest):
                    folder.entries[rest] = entry
                else:
                    self.reject(
                        entry.name,
                        "library.extension",
                        f"{_kind(rest)} are not allowed in a library; allowed: "
                        f"{describe(LIBRARY_EXTENSIONS)}.",
                    )
        return h5p_entry, content, folders, skipped

    def check_h5p_json(self, entry: Entry | None) -> ContentManifest | None:
        if entry is None:
            self.reject("h5p.json", "h5p_json.missing", "The package has no h5p.json.")
            return None
        data = self.read(entry)
        if data is None:
            return None
        manifest, problems = parse_h5p_json(data)
        self.rejections.extend(problems)
        return manifest

    def check_content_json(self, content: dict[str, Entry]) -> None:
        entry = content.get("content.json")
        if entry is None:
            self.reject(
                "content/content.json",
                "content.json_missing",
                "The package has no content/content.json.",
            )
            return
        data = self.read(entry)
        if data is None:
            return
        value, problem = load_json(data, entry.name, "content.json_invalid")
        if problem:
            self.rejections.append(problem)
        elif not isinstance(value, dict):
            self.reject(
                entry.name, "content.json_invalid", "The file must hold a JSON object."
            )

    def check_libraries(
        self, folders: dict[str, _Folder]
    ) -> dict[LibraryRef, tuple[LibraryManifest, _Folder]]:
        libraries: dict[LibraryRef, tuple[LibraryManifest, _Folder]] = {}
        for folder in folders.values():
            problem = folder_problem(folder.name)
            if problem:
                self.rejections.append(problem)
                continue
            manifest = self.check_library(folder)
            if manifest is None:
                continue
            if manifest.ref in libraries:
                self.reject(
                    f"{folder.name}/library.json",
                    "library.duplicate",
                    f"The package holds {manifest.ref} twice (also in "
                    f"'{libraries[manifest.ref][1].name}').",
                )
                continue
            libraries[manifest.ref] = (manifest, folder)
        return libraries

    def check_library(self, folder: _Folder) -> LibraryManifest | None:
        name = folder.name
        entry = folder.entries.get("library.json")
        if entry is None:
            self.reject(
                f"{name}/library.json",
                "library.json_missing",
                "The library folder has no library.json.",
            )
            return None
        data = self.read(entry)
        if data is None:
            return None
        manifest, problems = parse_library_json(data, name)
        self.rejections.extend(problems)
        semantics = folder.entries.get("semantics.json")
        if semantics is not None:
            data = self.read(semantics)
            if data is not None:
                value, problem = load_json(
                    data, semantics.name, "library.semantics_invalid"
                )
                if problem:
                    self.rejections.append(problem)
                elif not isinstance(value, list):
                    self.reject(
                        semantics.name,
                        "library.semantics_invalid",
                        "semantics.json must hold a JSON list of fields.",
                    )
        for path, language in folder.entries.items():
            directory, _slash, file_name = path.rpartition("/")
            if directory != "language":
                continue
            problem = language_file_problem(name, file_name)
            if problem:
                self.rejections.append(problem)
                continue
            data = self.read(language)
            if data is not None:
                _value, problem = load_json(
                    data, language.name, "library.language_file"
                )
                if problem:
                    self.rejections.append(problem)
        if manifest is not None:
            for path in manifest.preloaded_js + manifest.preloaded_css:
                if path not in folder.entries:
                    self.reject(
                        f"{name}/{path}",
                        "library.file_missing",
                        "library.json preloads this file but the library "
                        "does not hold it.",
                    )
        return manifest

    def verify_bytes(
        self, content: dict[str, Entry], folders: dict[str, _Folder]
    ) -> None:
        """Stream every entry that will be unpacked and was not read yet;
        skipped when the declared sizes already break a limit (no point
        decompressing a bomb to refuse it twice)."""
        if any(r.path == "" and r.rule.startswith("limits.") for r in self.rejections):
            return
        entries = list(content.values())
        for folder in folders.values():
            entries.extend(folder.entries.values())
        for entry in entries:
            if entry.name in self.read_whole:
                continue
            try:
                self.archive.verify(entry)
            except PackageRejected as rejected:
                self.rejections.extend(rejected.reasons)

    def check_dependencies(
        self,
        manifest: ContentManifest | None,
        libraries: dict[LibraryRef, tuple[LibraryManifest, _Folder]],
    ) -> None:
        needs: list[tuple[str, LibraryRef]] = []
        if manifest is not None:
            needs.extend(("h5p.json", ref) for ref in manifest.dependencies)
        for library, folder in libraries.values():
            path = f"{folder.name}/library.json"
            needs.extend((path, ref) for ref in library.dependencies)
        reported = set()
        for path, ref in needs:
            if ref in libraries or (path, ref) in reported:
                continue
            if self.installed_patch(ref) is None:
                reported.add((path, ref))
                self.reject(
                    path,
                    "dependency.missing",
                    f"The library {ref} is needed but neither in the package "
                    "nor installed.",
                )

    def report(
        self,
        manifest: ContentManifest,
        content: dict[str, Entry],
        libraries: dict[LibraryRef, tuple[LibraryManifest, _Folder]],
        skipped: list[str],
    ) -> PackageReport:
        to_install, not_upgraded = [], []
        reused: dict[LibraryRef, InstalledLibrary] = {}
        for ref, (library, folder) in libraries.items():
            installed_patch = self.installed_patch(ref)
            packaged = PackagedLibrary(
                ref=ref,
                patch=library.patch,
                title=library.title,
                runnable=library.runnable,
                folder=folder.name,
                installed_patch=installed_patch,
                dependencies=library.dependencies,
                files=tuple(
                    _packaged(path, entry) for path, entry in folder.entries.items()
                ),
            )
            if installed_patch is None or (
                library.patch > installed_patch and self.may_install
            ):
                to_install.append(packaged)
                continue
            if library.patch > installed_patch:
                not_upgraded.append(packaged)
            reused[ref] = InstalledLibrary(ref, installed_patch)
        needed = set(manifest.dependencies)
        for library, _folder in libraries.values():
            needed.update(library.dependencies)
        for ref in sorted(needed - set(libraries)):
            reused[ref] = InstalledLibrary(ref, self.installed_patch(ref))
        return PackageReport(
            title=manifest.title,
            language=manifest.language,
            main_library=manifest.main_ref,
            embed_types=manifest.embed_types,
            metadata=manifest.metadata,
            preloaded_dependencies=manifest.preloaded,
            content_files=tuple(
                _packaged(path, entry) for path, entry in content.items()
            ),
            libraries_to_install=tuple(to_install),
            libraries_reused=tuple(reused.values()),
            libraries_not_upgraded=tuple(not_upgraded),
            skipped=tuple(skipped),
            total_size=self.archive.declared_total,
            limits=self.limits,
        )


def _kind(path: str) -> str:
    ext = extension(path)
    return f"'.{ext}' files" if ext else "Files without an extension"


def _packaged(path: str, entry: Entry) -> PackagedFile:
    return PackagedFile(entry=entry.name, path=path, size=entry.size, crc=entry.crc)
