"""Packing a folder of H5P files into a deterministic .h5p.

The other way round from ``unpack``: an unpacked H5P workspace (``h5p.json``,
``content/``, one folder per library) becomes .h5p bytes.  The zips are
deterministic: entries in sorted order, a fixed date and fixed permissions,
no directory entries, so the same files always give the same bytes (and
the same checksum).  A build may skip files of the folder and replace or
add others (a translated ``content/content.json``, say) without touching
the folder.

This packs; it does not check.  What it makes goes through ``package`` like
any upload.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Mapping
from pathlib import Path

# 1980-01-01, the earliest date a zip can hold: no build time leaks in.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_FILE_MODE = 0o644


def check_name(name: str) -> str:
    """``name`` if it is a plain relative POSIX path inside the package;
    ``ValueError`` for an empty, absolute or backslashed path, or one with
    an empty, ``.`` or ``..`` segment."""
    if not name or name.startswith("/") or "\\" in name:
        raise ValueError(f"Not a relative POSIX path inside a package: {name!r}")
    if any(segment in ("", ".", "..") for segment in name.split("/")):
        raise ValueError(f"Not a plain path inside a package: {name!r}")
    return name


def zip_files(
    files: Mapping[str, bytes | str], *, allow_unsafe_names: bool = False
) -> bytes:
    """Zip ``files`` (path inside the package → content; ``str`` is written
    as UTF-8) into .h5p bytes.

    Names are checked with ``check_name`` unless ``allow_unsafe_names``: only
    a test building a hostile package on purpose has a reason to turn that
    off."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            if not allow_unsafe_names:
                check_name(name)
            content = files[name]
            if isinstance(content, str):
                content = content.encode()
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ZIP_FILE_MODE << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def folder_files(
    root: Path, *, skip: Collection[str] = frozenset()
) -> dict[str, bytes]:
    """Every file under ``root`` by its POSIX path relative to ``root``,
    less those named in ``skip`` (relative paths)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).as_posix() not in skip
    }


def pack_folder(
    root: Path,
    *,
    overrides: Mapping[str, bytes | str] | None = None,
    skip: Collection[str] = frozenset(),
) -> bytes:
    """The files under ``root`` as deterministic .h5p bytes.

    ``skip`` names files of the folder to leave out (relative paths);
    ``overrides`` maps relative paths to the content to use instead of the
    file on disk, or to files to add.  An override wins over ``skip``.
    Every name, from the folder or the overrides, must pass ``check_name``.
    """
    overrides = dict(overrides or {})
    for name in (*overrides, *skip):
        check_name(name)
    if not root.is_dir():
        raise FileNotFoundError(f"No such folder: {root}")
    files: dict[str, bytes | str] = folder_files(root, skip=skip)
    files.update(overrides)
    return zip_files(files)
