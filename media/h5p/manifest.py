"""``h5p.json`` and ``library.json``: parsed and checked against the spec.

Sources, followed field by field:

- the H5P specification's *Package Definition (h5p.json)*
  (https://h5p.org/documentation/developers/json-file-definitions,
  https://h5p.org/node/599): ``title``, ``language``, ``mainLibrary``,
  ``embedTypes`` and ``preloadedDependencies`` are mandatory, and
  ``preloadedDependencies`` "must at least contain the main library";
- its *Library Definition (library.json)* (https://h5p.org/library-definition):
  ``title``, ``machineName``, ``majorVersion``, ``minorVersion``,
  ``patchVersion`` and ``runnable`` are mandatory; the machine name is
  "the same as the folder name", made of letters, digits, dashes and
  periods;
- the PHP core's ``H5PValidator`` (``h5p/h5p-php-library``,
  ``h5p.classes.php``): the patterns of ``$h5pRequired``, ``$h5pOptional``,
  ``$libraryRequired`` and ``$libraryOptional``, the folder rule of
  ``isValidPackage`` (the folder is ``machineName`` or
  ``machineName-major.minor``), the library-name and language-file
  patterns of ``getLibraryData``, and the ``coreApi`` check of
  ``isValidH5pData``.  Lumi's ``PackageValidator`` applies the same rules
  (``libraryMustHaveMatchingDirectoryName``, ``languageFileRegex``).

Every problem becomes a ``Rejection`` naming the file and the rule; the
parsers collect them all instead of stopping at the first.
"""

import json
import re
from dataclasses import dataclass, field

from media.h5p.errors import Rejection

#: The H5P core API the player we serve implements (Lumi's h5p-server
#: 10.x declares 1.27); a library asking for a newer one is refused.
CORE_API = (1, 27)

MACHINE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,254}$")
MAIN_LIBRARY = re.compile(r"^[$a-z_][0-9a-z_.$]{1,254}$", re.IGNORECASE)
FOLDER_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,255}$")
LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
# ``getLibraryData``'s ``/^(-?[a-z]+){1,7}\.json$/i``, written without the
# nested repetition (it backtracks polynomially on a long hostile name).
LANGUAGE_FILE = re.compile(r"^-?[a-z]+(?:-[a-z]+){0,6}\.json$", re.IGNORECASE)
# The core's ``preloadedJs`` pattern, less its backslashes and its nested
# repetition (exponential backtracking on a hostile path).
ASSET_PATH = re.compile(r"^/?[a-z_\-\s0-9.]+(?:/[a-z_\-\s0-9.]+)*$", re.IGNORECASE)
EMBED_TYPES = frozenset({"iframe", "div"})
LICENSES = frozenset(
    {
        "CC BY",
        "CC BY-SA",
        "CC BY-ND",
        "CC BY-NC",
        "CC BY-NC-SA",
        "CC BY-NC-ND",
        "CC0 1.0",
        "GNU GPL",
        "PD",
        "ODC PDDL",
        "CC PDM",
        "U",
        "C",
    }
)
LICENSE_VERSIONS = frozenset({"1.0", "2.0", "2.5", "3.0", "4.0"})
CHANGE_DATE = re.compile(r"^[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{1,2}:[0-9]{2}:[0-9]{2}$")
DEPENDENCY_KINDS = (
    "preloadedDependencies",
    "dynamicDependencies",
    "editorDependencies",
)

#: h5p.json keys kept as the package's metadata (the H5P metadata fields).
METADATA_KEYS = (
    "title",
    "language",
    "defaultLanguage",
    "license",
    "licenseVersion",
    "licenseExtras",
    "authors",
    "author",
    "source",
    "yearsFrom",
    "yearsTo",
    "changes",
    "authorComments",
    "extraTitle",
    "a11yTitle",
    "contentType",
)


@dataclass(frozen=True, order=True)
class LibraryRef:
    """A library as dependencies name it: machine name, major and minor
    version (the patch never appears in a dependency: H5P always uses the
    highest installed patch)."""

    machine_name: str
    major: int
    minor: int

    def __str__(self) -> str:
        """The H5P "uber name" used in content: ``H5P.MultiChoice 1.16``."""
        return f"{self.machine_name} {self.major}.{self.minor}"

    @property
    def folder(self) -> str:
        """``H5P.MultiChoice-1.16``: the folder the library is stored in."""
        return f"{self.machine_name}-{self.major}.{self.minor}"

    @classmethod
    def parse(cls, text: str) -> "LibraryRef | None":
        """``H5P.MultiChoice 1.16`` (or ``H5P.MultiChoice-1.16``) or None."""
        match = re.fullmatch(r"(.+?)[ -]([0-9]{1,5})\.([0-9]{1,5})", text or "")
        if not match or not MACHINE_NAME.fullmatch(match.group(1)):
            return None
        return cls(match.group(1), int(match.group(2)), int(match.group(3)))


@dataclass(frozen=True)
class ContentManifest:
    """What ``h5p.json`` says about the package."""

    title: str
    language: str
    main_library: str
    embed_types: tuple[str, ...]
    preloaded: tuple[LibraryRef, ...]
    dynamic: tuple[LibraryRef, ...]
    metadata: dict = field(hash=False, compare=False)

    @property
    def main_ref(self) -> LibraryRef | None:
        """The main library with its version, from ``preloadedDependencies``."""
        for ref in self.preloaded:
            if ref.machine_name == self.main_library:
                return ref
        return None

    @property
    def dependencies(self) -> tuple[LibraryRef, ...]:
        return self.preloaded + self.dynamic


@dataclass(frozen=True)
class LibraryManifest:
    """What one ``library.json`` says."""

    ref: LibraryRef
    patch: int
    title: str
    runnable: bool
    preloaded_js: tuple[str, ...]
    preloaded_css: tuple[str, ...]
    dependencies: tuple[LibraryRef, ...]
    data: dict = field(hash=False, compare=False)


def load_json(data: bytes, path: str, rule: str):
    """Parse JSON bytes (a UTF-8 BOM is accepted); NaN and Infinity are
    refused, since a browser's ``JSON.parse`` refuses them.  Returns
    ``(value, None)`` or ``(None, rejection)``."""

    def no_constants(name):
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(data, parse_constant=no_constants), None
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        return None, Rejection(path, rule, f"The file is not valid JSON ({error}).")


def _version(value) -> int | None:
    """A version number as the core accepts it: 0–99999, int or digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= 99999:
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,5}", value):
        return int(value)
    return None


def _text(value, maximum: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= maximum


class _Checker:
    def __init__(self, path: str, prefix: str):
        self.path = path
        self.prefix = prefix
        self.rejections: list[Rejection] = []

    def required(self, key: str) -> None:
        self.rejections.append(
            Rejection(
                self.path,
                f"{self.prefix}.required",
                f"The required property '{key}' is missing.",
            )
        )

    def invalid(self, key: str, expected: str) -> None:
        self.rejections.append(
            Rejection(
                self.path,
                f"{self.prefix}.field",
                f"The property '{key}' is not valid: {expected}.",
            )
        )

    def dependencies(self, data: dict, key: str) -> tuple[LibraryRef, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.invalid(key, "a list of libraries is expected")
            return ()
        refs = []
        for item in value:
            ref = _dependency(item)
            if ref is None:
                self.invalid(
                    key,
                    "each item needs a machineName and numeric majorVersion "
                    "and minorVersion",
                )
                continue
            refs.append(ref)
        return tuple(refs)


def _dependency(item) -> LibraryRef | None:
    if not isinstance(item, dict):
        return None
    name = item.get("machineName")
    major = _version(item.get("majorVersion"))
    minor = _version(item.get("minorVersion"))
    if not isinstance(name, str) or not MACHINE_NAME.fullmatch(name):
        return None
    if major is None or minor is None:
        return None
    return LibraryRef(name, major, minor)


def parse_h5p_json(
    data: bytes, path: str = "h5p.json"
) -> tuple[ContentManifest | None, list[Rejection]]:
    """Parse and check ``h5p.json``; every problem is returned."""
    value, problem = load_json(data, path, "h5p_json.invalid")
    if problem:
        return None, [problem]
    if not isinstance(value, dict):
        return None, [
            Rejection(path, "h5p_json.invalid", "The file must hold a JSON object.")
        ]
    check = _Checker(path, "h5p_json")
    for key in ("title", "language", "mainLibrary", "embedTypes"):
        if key not in value:
            check.required(key)
    if "preloadedDependencies" not in value:
        check.required("preloadedDependencies")

    title = value.get("title")
    if "title" in value and not _text(title, 255):
        check.invalid("title", "1 to 255 characters")
    language = value.get("language")
    if "language" in value and not (
        isinstance(language, str) and LANGUAGE.fullmatch(language)
    ):
        check.invalid("language", "a language code such as 'fr' or 'und'")
    main = value.get("mainLibrary")
    if "mainLibrary" in value and not (
        isinstance(main, str) and MAIN_LIBRARY.fullmatch(main)
    ):
        check.invalid("mainLibrary", "a library machine name")
    embed = value.get("embedTypes")
    if "embedTypes" in value and not (
        isinstance(embed, list)
        and embed
        and all(isinstance(item, str) and item in EMBED_TYPES for item in embed)
    ):
        check.invalid("embedTypes", "a list of 'iframe' and/or 'div'")
    preloaded = check.dependencies(value, "preloadedDependencies")
    dynamic = check.dependencies(value, "dynamicDependencies")
    _check_optional_metadata(value, check)

    manifest = None
    if not check.rejections:
        manifest = ContentManifest(
            title=title,
            language=language,
            main_library=main,
            embed_types=tuple(embed),
            preloaded=preloaded,
            dynamic=dynamic,
            metadata={key: value[key] for key in METADATA_KEYS if key in value},
        )
        if manifest.main_ref is None:
            check.rejections.append(
                Rejection(
                    path,
                    "h5p_json.main_library",
                    f"The main library '{main}' is not among the "
                    "preloadedDependencies.",
                )
            )
            manifest = None
    return manifest, check.rejections


def _check_optional_metadata(value: dict, check: _Checker) -> None:
    """The optional fields, by ``H5PValidator::$h5pOptional``."""
    for key, maximum in (
        ("contentType", 255),
        ("author", 255),
        ("licenseExtras", 5000),
        ("authorComments", 5000),
        ("extraTitle", 255),
        ("a11yTitle", 255),
    ):
        if key in value and value[key] != "" and not _text(value[key], maximum):
            check.invalid(key, f"text of at most {maximum} characters")
    if "license" in value and not (
        isinstance(value["license"], str) and value["license"] in LICENSES
    ):
        check.invalid("license", "one of " + ", ".join(sorted(LICENSES)))
    if "licenseVersion" in value and not (
        isinstance(value["licenseVersion"], str)
        and value["licenseVersion"] in LICENSE_VERSIONS | {""}
    ):
        check.invalid("licenseVersion", "one of " + ", ".join(sorted(LICENSE_VERSIONS)))
    if "source" in value and value["source"] != "":
        source = value["source"]
        if not (isinstance(source, str) and re.match(r"https?://\S", source)):
            check.invalid("source", "an http(s) address")
    for key in ("yearsFrom", "yearsTo"):
        if key in value and value[key] != "":
            years = value[key]
            if isinstance(years, bool) or not re.fullmatch(r"[0-9]{1,4}", str(years)):
                check.invalid(key, "a year")
    if "authors" in value:
        authors = value["authors"]
        if not isinstance(authors, list) or not all(
            isinstance(author, dict)
            and _text(author.get("name"), 255)
            and isinstance(author.get("role", "Author"), str)
            and re.fullmatch(r"\w+", author.get("role", "Author"))
            for author in authors
        ):
            check.invalid("authors", "a list of {name, role}")
    if "changes" in value:
        changes = value["changes"]
        if not isinstance(changes, list) or not all(
            isinstance(change, dict)
            and isinstance(change.get("date", ""), str)
            and (not change.get("date") or CHANGE_DATE.fullmatch(change["date"]))
            and isinstance(change.get("author", ""), str)
            and len(change.get("author", "")) <= 255
            and isinstance(change.get("log", ""), str)
            and len(change.get("log", "")) <= 5000
            for change in changes
        ):
            check.invalid("changes", "a list of {date, author, log}")


def folder_problem(folder: str) -> Rejection | None:
    """The library folder name rule of ``H5PValidator::getLibraryData``."""
    if not FOLDER_NAME.fullmatch(folder):
        return Rejection(
            f"{folder}/",
            "library.folder_name",
            "A library folder name may only hold letters, digits, '_', '-' and '.'.",
        )
    return None


def parse_library_json(
    data: bytes, folder: str
) -> tuple[LibraryManifest | None, list[Rejection]]:
    """Parse and check ``<folder>/library.json``, including the rule that
    the folder is named ``machineName`` or ``machineName-major.minor``."""
    path = f"{folder}/library.json"
    value, problem = load_json(data, path, "library.json_invalid")
    if problem:
        return None, [problem]
    if not isinstance(value, dict):
        return None, [
            Rejection(path, "library.json_invalid", "The file must hold a JSON object.")
        ]
    check = _Checker(path, "library")
    for key in (
        "title",
        "machineName",
        "majorVersion",
        "minorVersion",
        "patchVersion",
        "runnable",
    ):
        if key not in value:
            check.required(key)
    title = value.get("title")
    if "title" in value and not _text(title, 255):
        check.invalid("title", "1 to 255 characters")
    name = value.get("machineName")
    if "machineName" in value and not (
        isinstance(name, str) and MACHINE_NAME.fullmatch(name)
    ):
        check.invalid(
            "machineName", "letters, digits, '_', '-' and '.', starting with one"
        )
    versions = {}
    for key in ("majorVersion", "minorVersion", "patchVersion"):
        versions[key] = _version(value.get(key))
        if key in value and versions[key] is None:
            check.invalid(key, "a whole number from 0 to 99999")
    runnable = value.get("runnable")
    if "runnable" in value and runnable not in (0, 1):
        check.invalid("runnable", "0 or 1")
    dependencies = ()
    for kind in DEPENDENCY_KINDS:
        dependencies += check.dependencies(value, kind)
    preloaded_js = _assets(value, "preloadedJs", ".js", check)
    preloaded_css = _assets(value, "preloadedCss", ".css", check)
    _check_core_api(value, check)
    if check.rejections:
        return None, check.rejections

    ref = LibraryRef(name, versions["majorVersion"], versions["minorVersion"])
    if folder not in (ref.machine_name, ref.folder):
        return None, [
            Rejection(
                path,
                "library.folder_mismatch",
                f"The folder '{folder}' must be named '{ref.machine_name}' or "
                f"'{ref.folder}' after its library.json.",
            )
        ]
    return (
        LibraryManifest(
            ref=ref,
            patch=versions["patchVersion"],
            title=title,
            runnable=bool(runnable),
            preloaded_js=preloaded_js,
            preloaded_css=preloaded_css,
            dependencies=dependencies,
            data=value,
        ),
        [],
    )


def _assets(value: dict, key: str, suffix: str, check: _Checker) -> tuple[str, ...]:
    items = value.get(key)
    if items is None:
        return ()
    paths = []
    if not isinstance(items, list):
        check.invalid(key, "a list of {path}")
        return ()
    for item in items:
        path = item.get("path") if isinstance(item, dict) else None
        if (
            not isinstance(path, str)
            or not path.lower().endswith(suffix)
            or not ASSET_PATH.fullmatch(path)
            or ".." in path.split("/")
        ):
            check.invalid(key, f"each path must be a relative '{suffix}' file")
            continue
        paths.append(path.lstrip("/"))
    return tuple(paths)


def _check_core_api(value: dict, check: _Checker) -> None:
    core = value.get("coreApi")
    if not core:
        return
    if not isinstance(core, dict):
        check.invalid("coreApi", "{majorVersion, minorVersion}")
        return
    major = _version(core.get("majorVersion"))
    minor = _version(core.get("minorVersion"))
    if major is None or minor is None:
        check.invalid("coreApi", "{majorVersion, minorVersion}")
        return
    if (major, minor) > CORE_API:
        check.rejections.append(
            Rejection(
                check.path,
                "library.core_api",
                f"The library needs H5P core API {major}.{minor}; this site "
                f"provides {CORE_API[0]}.{CORE_API[1]}.",
            )
        )


def language_file_problem(folder: str, name: str) -> Rejection | None:
    """``language/<code>.json`` names, by ``getLibraryData``'s pattern."""
    if not LANGUAGE_FILE.fullmatch(name):
        return Rejection(
            f"{folder}/language/{name}",
            "library.language_file",
            "A language file must be named like 'fr.json' or 'pt-br.json'.",
        )
    return None
