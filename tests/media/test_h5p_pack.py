"""media.h5p.pack: a folder of H5P files becomes a deterministic .h5p."""

import io
import os
import zipfile

import pytest

from media.h5p.pack import (
    ZIP_DATE,
    ZIP_FILE_MODE,
    check_name,
    pack_folder,
    zip_files,
)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "workspace"
    (root / "content").mkdir(parents=True)
    (root / "Lib.Demo-1.0").mkdir()
    (root / "h5p.json").write_text('{"title": "Demo"}')
    (root / "content" / "content.json").write_text('{"question": "Why?"}')
    (root / "Lib.Demo-1.0" / "library.json").write_text("{}")
    (root / "README.txt").write_text("not part of the package")
    return root


def test_the_same_folder_gives_the_same_bytes(workspace, tmp_path):
    first = pack_folder(workspace)
    # Another copy of the files, written in another order at another time.
    other = tmp_path / "other"
    for name, content in sorted(unzip(first).items(), reverse=True):
        (other / name).parent.mkdir(parents=True, exist_ok=True)
        (other / name).write_bytes(content)
    os.utime(other / "h5p.json", (1_700_000_000, 1_700_000_000))
    assert pack_folder(other) == first == pack_folder(workspace)

    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert not any(info.is_dir() for info in infos)
    assert {info.date_time for info in infos} == {ZIP_DATE}
    assert {info.external_attr >> 16 for info in infos} == {ZIP_FILE_MODE}


def test_skipped_files_are_left_out(workspace):
    files = unzip(pack_folder(workspace, skip={"README.txt"}))
    assert sorted(files) == [
        "Lib.Demo-1.0/library.json",
        "content/content.json",
        "h5p.json",
    ]


def test_overrides_replace_or_add_files_without_touching_the_folder(workspace):
    files = unzip(
        pack_folder(
            workspace,
            overrides={
                "content/content.json": '{"question": "Déjà vu ?"}',
                "content/images/new.txt": b"added",
            },
        )
    )
    assert files["content/content.json"] == '{"question": "Déjà vu ?"}'.encode()
    assert files["content/images/new.txt"] == b"added"
    assert files["h5p.json"] == b'{"title": "Demo"}'
    assert (workspace / "content" / "content.json").read_text() == (
        '{"question": "Why?"}'
    )
    assert not (workspace / "content" / "images").exists()


def test_an_override_wins_over_skip(workspace):
    files = unzip(
        pack_folder(workspace, skip={"README.txt"}, overrides={"README.txt": "new"})
    )
    assert files["README.txt"] == b"new"


@pytest.mark.parametrize(
    "name",
    [
        "../evil.js",
        "content/../../evil.js",
        "content/..",
        "/etc/passwd",
        "content\\evil.js",
        "content//double.json",
        "./h5p.json",
        "",
    ],
)
def test_unsafe_names_are_refused(workspace, name):
    with pytest.raises(ValueError):
        check_name(name)
    with pytest.raises(ValueError):
        pack_folder(workspace, overrides={name: b"x"})
    with pytest.raises(ValueError):
        pack_folder(workspace, skip={name})
    with pytest.raises(ValueError):
        zip_files({name: b"x"})


def test_unsafe_names_only_when_asked_for():
    data = zip_files({"../evil.js": b"x"}, allow_unsafe_names=True)
    assert unzip(data) == {"../evil.js": b"x"}


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        pack_folder(tmp_path / "nowhere")
