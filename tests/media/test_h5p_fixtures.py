"""The .h5p fixtures are what they claim to be: real, complete packages.

Other tests trust ``tests.support.h5p_packages`` to hand them valid
packages; these checks make a broken fixture fail here, with a plain
reason, instead of somewhere downstream.  A missing npm dev dependency is a
failure, not a skip: the suite needs it.
"""

import io
import json
import shutil
import subprocess
import zipfile

import pytest

from tests.support.h5p_packages import (
    TESTQUIZ_DIR,
    TESTQUIZ_LIBRARIES,
    TRUEFALSE_LIBRARIES,
    TRUEFALSE_WORKSPACE,
    ZIP_DATE,
    h5p_package,
    testquiz_package,
    truefalse_package,
)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {info.filename: archive.read(info) for info in archive.infolist()}


def folder_name(dependency: dict) -> str:
    """``H5P.Question-1.4`` for a dependency; h5p.json may give versions as
    strings (H5P's own exports do) or numbers."""
    major, minor = int(dependency["majorVersion"]), int(dependency["minorVersion"])
    return f"{dependency['machineName']}-{major}.{minor}"


def libraries_of(files: dict[str, bytes]) -> dict[str, dict]:
    return {
        name.removesuffix("/library.json"): json.loads(content)
        for name, content in files.items()
        if name.count("/") == 1 and name.endswith("/library.json")
    }


def assert_is_complete_package(files: dict[str, bytes], libraries: tuple[str, ...]):
    """h5p.json at the root, content/content.json, the given library folders
    and nothing else at the root; every JSON file parses; every library's
    files and dependencies are in the package; the main library is runnable
    and preloaded."""
    roots = {name.split("/", 1)[0] for name in files}
    assert roots == {"h5p.json", "content", *libraries}
    assert "content/content.json" in files
    for name, content in files.items():
        if name.endswith(".json"):
            try:
                json.loads(content)
            except ValueError as error:
                pytest.fail(f"{name} is not valid JSON: {error}")
        assert not name.startswith("/") and ".." not in name.split("/")

    libraries_found = libraries_of(files)
    assert sorted(libraries_found) == sorted(libraries)
    for folder, library in libraries_found.items():
        assert folder == folder_name(library)
        for key in ("title", "machineName", "patchVersion", "runnable"):
            assert key in library, f"{folder}/library.json has no {key}"
        for asset in library.get("preloadedJs", []) + library.get("preloadedCss", []):
            assert f"{folder}/{asset['path']}" in files
        for kind in ("preloadedDependencies", "dynamicDependencies"):
            for dependency in library.get(kind, []):
                assert folder_name(dependency) in libraries_found, (folder, dependency)

    h5p = json.loads(files["h5p.json"])
    for key in ("title", "mainLibrary", "language", "embedTypes"):
        assert key in h5p, f"h5p.json has no {key}"
    preloaded = [folder_name(dependency) for dependency in h5p["preloadedDependencies"]]
    assert set(preloaded) <= set(libraries_found)
    main = [
        name
        for name in preloaded
        if libraries_found[name]["machineName"] == h5p["mainLibrary"]
    ]
    assert len(main) == 1, "the main library must be among preloadedDependencies"
    assert libraries_found[main[0]]["runnable"] == 1
    return h5p


def test_truefalse_workspace_is_installed():
    assert (TRUEFALSE_WORKSPACE / "h5p.json").is_file(), (
        f"{TRUEFALSE_WORKSPACE} is missing: run `make install-test` "
        "(it installs package.json's devDependencies)."
    )


def test_truefalse_package_is_the_real_activity_with_all_its_libraries():
    files = unzip(truefalse_package())

    h5p = assert_is_complete_package(files, TRUEFALSE_LIBRARIES)

    assert h5p["mainLibrary"] == "H5P.TrueFalse"
    assert {folder_name(d) for d in h5p["preloadedDependencies"]} == {
        "H5P.TrueFalse-1.6",
        "FontAwesome-4.5",
        "H5P.FontIcons-1.0",
        "H5P.JoubelUI-1.3",
        "H5P.Transition-1.0",
        "Drop-1.0",
        "Tether-1.0",
        "H5P.Question-1.4",
    }
    # TrueFalse's editor libraries ship too, as in any export from H5P.
    true_false = libraries_of(files)["H5P.TrueFalse-1.6"]
    for dependency in true_false["editorDependencies"]:
        assert f"{folder_name(dependency)}/library.json" in files
    assert "H5P_CONTENT_HERE.txt" not in files
    content = json.loads(files["content/content.json"])
    assert content["correct"] == "false"
    assert "Is this false?" in content["question"]


def test_truefalse_package_holds_the_workspace_files_unchanged():
    files = unzip(truefalse_package())
    on_disk = {
        path.relative_to(TRUEFALSE_WORKSPACE).as_posix()
        for path in TRUEFALSE_WORKSPACE.rglob("*")
        if path.is_file()
    }
    assert set(files) == on_disk - {"H5P_CONTENT_HERE.txt"}
    for name in ("h5p.json", "H5P.TrueFalse-1.6/scripts/h5p-true-false.js"):
        assert files[name] == (TRUEFALSE_WORKSPACE / name).read_bytes()


def test_testquiz_package_is_our_content_type_and_one_quiz():
    files = unzip(testquiz_package())

    h5p = assert_is_complete_package(files, TESTQUIZ_LIBRARIES)

    assert set(files) == {
        "h5p.json",
        "content/content.json",
        "Chainon.TestQuiz-1.0/library.json",
        "Chainon.TestQuiz-1.0/semantics.json",
        "Chainon.TestQuiz-1.0/testquiz.js",
        "Chainon.TestQuiz-1.0/testquiz.css",
    }
    assert h5p["mainLibrary"] == "Chainon.TestQuiz"
    library = json.loads(files["Chainon.TestQuiz-1.0/library.json"])
    assert (
        library["majorVersion"],
        library["minorVersion"],
        library["patchVersion"],
    ) == (
        1,
        0,
        0,
    )
    assert library["embedTypes"] == ["iframe"]

    semantics = {
        field["name"]: field
        for field in json.loads(files["Chainon.TestQuiz-1.0/semantics.json"])
    }
    assert semantics["question"]["widget"] == "html"
    assert "strong" in semantics["question"]["tags"]
    assert (semantics["answers"]["min"], semantics["answers"]["max"]) == (2, 2)

    content = json.loads(files["content/content.json"])
    assert content["question"].startswith("<p>Le marché du <strong>Prado</strong>")
    assert content["answers"] == ["Oui", "Non"]
    assert content["answers"][content["correct"]] == "Non"
    assert 0 <= content["passPercentage"] <= 100

    script = files["Chainon.TestQuiz-1.0/testquiz.js"].decode()
    for api in (
        "triggerXAPIScored",
        "triggerXAPICompleted",
        "getCurrentState",
        "previousState",
    ):
        assert api in script


def test_testquiz_script_is_valid_javascript():
    node = shutil.which("node")
    assert node, "Node.js is missing: the suite needs it (see `make install-test`)."
    script = TESTQUIZ_DIR / "Chainon.TestQuiz-1.0" / "testquiz.js"
    result = subprocess.run(  # noqa: S603 - fixed command on a repository file
        [node, "--check", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("build", [truefalse_package, testquiz_package])
def test_packages_are_deterministic_zips(build):
    first, second = build(), build()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert all(info.date_time == ZIP_DATE for info in infos)
    assert all(not info.is_dir() for info in infos)


def test_h5p_package_zips_whatever_it_is_given():
    data = h5p_package({"b.txt": "é", "a/../../evil.js": b"x", "h5p.json": b"{}"})

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["a/../../evil.js", "b.txt", "h5p.json"]
        assert archive.read("b.txt") == "é".encode()
