"""Reading a .h5p (a zip) safely: listing, path rules and streaming reads.

Nothing here trusts the archive.  ``Archive`` lists the entries from the
central directory and judges each one before a byte is decompressed:

- **Paths** (the zip-slip family): no absolute path (``/etc/x``, ``C:x``),
  no ``..`` segment, no backslash (a Windows separator a storage may
  honour), no empty or ``.`` segment, no control character or NUL (the
  ``evil.php\\0.png`` trick), no path longer than ``Limits.max_path_length``,
  no two entries whose paths differ only in case.  Lumi's
  ``PackageValidator`` relies on ``yauzl``, which refuses absolute and
  ``..`` paths itself; the PHP core extracts with ``ZipArchive`` and then
  skips segments starting with ``.`` or ``_`` (``/(^[\\._]|\\/[\\._])/``).
  We keep that last rule: such entries (``__MACOSX/``, ``.DS_Store``) are
  listed as hidden and never unpacked.
- **Kinds**: a symlink (Unix mode ``S_IFLNK`` in the high 16 bits of
  ``external_attr``, or a Windows reparse point) or any other special
  file is refused; so are encrypted entries and compression methods other
  than stored and deflate (bzip2 and LZMA cannot bound their output per
  call, so one small read could expand without limit).
- **Sizes**: the declared sizes against ``Limits`` (entry count, total,
  per file, ratio), and entries whose data overlap (the "non-recursive zip
  bomb" that points many entries at the same compressed kernel).

``EntryReader`` then streams one entry: it reads the compressed bytes in
64 KiB chunks, decompresses with a bounded output size, counts what it
really yields and stops with ``size.declared`` the moment an entry gives
more than its header said (or ends with less), with ``limits.ratio``
when it expands too far, and with ``zip.crc`` when the checksum differs.
No entry and never the archive is held whole in memory.
"""

import io
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from media.h5p.errors import PackageRejected, Rejection
from media.h5p.limits import Limits

CHUNK_SIZE = 64 * 1024

_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END_OF_DIRECTORY = b"PK\x06\x06"
_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_SIZE = 30
_FLAG_ENCRYPTED = 0x1
_FLAG_UTF8 = 0x800
_WINDOWS_REPARSE_POINT = 0x400
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")


def reject(path: str, rule: str, message: str) -> PackageRejected:
    return PackageRejected([Rejection(path, rule, message)])


def path_problem(name: str, limits: Limits) -> Rejection | None:
    """The first path rule ``name`` breaks, or None."""
    shown = _CONTROL.sub("?", name)
    if _CONTROL.search(name):
        return Rejection(
            shown, "path.control", "The path holds a control character or NUL."
        )
    if "\\" in name:
        return Rejection(name, "path.backslash", "The path holds a backslash.")
    if name.startswith("/") or _DRIVE.match(name):
        return Rejection(name, "path.absolute", "The path is absolute.")
    segments = name.split("/")
    if name.endswith("/"):
        segments = segments[:-1]
    if ".." in segments:
        return Rejection(name, "path.dotdot", "The path climbs out with '..'.")
    if any(segment in ("", ".") for segment in segments):
        return Rejection(name, "path.segment", "The path has an empty or '.' part.")
    if len(name) > limits.max_path_length:
        return Rejection(
            name,
            "path.too_long",
            f"The path is longer than {limits.max_path_length} characters.",
        )
    return None


def is_hidden(name: str) -> bool:
    """Whether a segment starts with '.' or '_': never unpacked (PHP core)."""
    return any(segment[:1] in (".", "_") for segment in name.split("/") if segment)


@dataclass(frozen=True)
class Entry:
    """One file of the archive as its central directory declares it."""

    name: str
    size: int
    compressed_size: int
    crc: int
    is_dir: bool
    hidden: bool
    usable: bool
    info: zipfile.ZipInfo = field(repr=False, compare=False)
    end_limit: int = field(repr=False, compare=False, default=0)


def _directory_figures(fileobj: BinaryIO) -> tuple[int, int]:
    """Entry count and central directory size, read from the end records
    the way ``zipfile._EndRecData`` finds them (the last 22 bytes when the
    archive has no comment, else the last signature in the final 64 KiB;
    the zip64 records just before), before ``zipfile`` reads the directory
    whole."""
    fileobj.seek(0, io.SEEK_END)
    length = fileobj.tell()
    if length == 0:
        raise reject("", "zip.empty", "The file is empty.")
    tail_length = min(length, (1 << 16) + 22)
    fileobj.seek(length - tail_length)
    tail = fileobj.read(tail_length)
    if tail[-22:-18] == _END_OF_DIRECTORY and tail[-2:] == b"\x00\x00":
        position = len(tail) - 22
    else:
        position = tail.rfind(_END_OF_DIRECTORY)
    if position < 0 or len(tail) - position < 22:
        raise reject("", "zip.invalid", "The file is not a zip archive.")
    (_sig, disk, _disk_cd, _count_disk, count, size, _offset, _comment) = struct.unpack(
        "<4sHHHHIIH", tail[position : position + 22]
    )
    if disk != 0:
        raise reject("", "zip.invalid", "Multi-part zip archives are not accepted.")
    # zipfile takes the zip64 figures whenever a locator stands just before
    # the end record (not only when the classic fields are saturated): the
    # larger of both is bounded.
    end_at = length - tail_length + position
    if end_at >= 20 + 56:
        fileobj.seek(end_at - 20)
        locator = fileobj.read(20)
        if locator[:4] == _ZIP64_LOCATOR:
            fileobj.seek(end_at - 20 - 56)
            record = fileobj.read(56)
            if record[:4] == _ZIP64_END_OF_DIRECTORY:
                count64, size64 = struct.unpack("<QQ", record[32:48])
                count, size = max(count, count64), max(size, size64)
    return count, size


class Archive:
    """The entries of one zip, judged; ``rejections`` lists every broken
    rule that does not stop the listing itself (fatal ones raise
    ``PackageRejected`` from the constructor: empty file, not a zip, too
    many entries)."""

    def __init__(self, fileobj: BinaryIO, limits: Limits | None = None):
        self.limits = limits or Limits()
        self.fileobj = fileobj
        self.rejections: list[Rejection] = []
        count, directory_size = _directory_figures(fileobj)
        if count > self.limits.max_entries:
            raise reject(
                "",
                "limits.entries",
                f"The package has {count} entries; at most "
                f"{self.limits.max_entries} are allowed.",
            )
        if directory_size > self.limits.directory_size:
            raise reject(
                "",
                "limits.directory",
                f"The zip directory takes {directory_size} bytes; at most "
                f"{self.limits.directory_size} are allowed.",
            )
        try:
            self._zip = zipfile.ZipFile(fileobj)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            NotImplementedError,
            ValueError,
            EOFError,
            OSError,
            struct.error,
        ) as error:
            raise reject(
                "", "zip.invalid", f"The zip archive cannot be read ({error})."
            ) from error
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise reject(
                "",
                "limits.entries",
                f"The package has {len(infos)} entries; at most "
                f"{self.limits.max_entries} are allowed.",
            )
        self.entries: list[Entry] = self._judge(infos)
        self._by_name = {entry.name: entry for entry in self.entries if entry.usable}

    # -- listing ---------------------------------------------------------

    def _judge(self, infos: list[zipfile.ZipInfo]) -> list[Entry]:
        limits = self.limits
        ends = self._end_limits(infos)
        seen: set[str] = set()
        entries = []
        total = 0
        for info in infos:
            name = info.filename
            problems = []
            problem = path_problem(name, limits)
            if problem is None and info.orig_filename != name:
                problem = path_problem(info.orig_filename, limits)
            if problem:
                problems.append(problem)
            key = name.rstrip("/").lower()
            if key in seen:
                problems.append(
                    Rejection(
                        name,
                        "path.duplicate",
                        "Another entry has the same path (letter case ignored).",
                    )
                )
            seen.add(key)
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)
            if kind == stat.S_IFLNK or info.external_attr & _WINDOWS_REPARSE_POINT:
                problems.append(
                    Rejection(name, "path.symlink", "The entry is a symbolic link.")
                )
            elif kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                problems.append(
                    Rejection(name, "path.special", "The entry is not a plain file.")
                )
            if info.flag_bits & _FLAG_ENCRYPTED:
                problems.append(
                    Rejection(name, "zip.encrypted", "The entry is encrypted.")
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                problems.append(
                    Rejection(
                        name,
                        "zip.method",
                        f"Compression method {info.compress_type} is not "
                        "accepted (only stored and deflate).",
                    )
                )
            is_dir = name.endswith("/")
            if not is_dir:
                total += info.file_size
                problems.extend(self._size_problems(name, info))
                if ends[id(info)] < _data_floor(info):
                    problems.append(
                        Rejection(
                            name,
                            "zip.overlap",
                            "The entry's data overlap another entry's.",
                        )
                    )
            self.rejections.extend(problems)
            entries.append(
                Entry(
                    name=name,
                    size=info.file_size,
                    compressed_size=info.compress_size,
                    crc=info.CRC,
                    is_dir=is_dir,
                    hidden=is_hidden(name),
                    usable=not problems,
                    info=info,
                    end_limit=ends[id(info)],
                )
            )
        if total > limits.max_total_size:
            self.rejections.append(
                Rejection(
                    "",
                    "limits.total_size",
                    f"The files would take {total} bytes uncompressed; at most "
                    f"{limits.max_total_size} are allowed.",
                )
            )
        self.declared_total = total
        return entries

    def _size_problems(self, name: str, info: zipfile.ZipInfo) -> list[Rejection]:
        limits = self.limits
        problems = []
        if info.file_size > limits.max_file_size:
            problems.append(
                Rejection(
                    name,
                    "limits.file_size",
                    f"The file would take {info.file_size} bytes; at most "
                    f"{limits.max_file_size} are allowed.",
                )
            )
        if _too_expanded(info.file_size, info.compress_size, limits):
            problems.append(_ratio_rejection(name, limits))
        return problems

    def _end_limits(self, infos: list[zipfile.ZipInfo]) -> dict[int, int]:
        """Where each entry's data must end at the latest: the next local
        header, or the central directory for the last one."""
        ordered = sorted(infos, key=lambda info: info.header_offset)
        ends = {}
        for index, info in enumerate(ordered):
            if index + 1 < len(ordered):
                ends[id(info)] = ordered[index + 1].header_offset
            else:
                ends[id(info)] = self._zip.start_dir
        return ends

    # -- reading ---------------------------------------------------------

    def get(self, name: str) -> Entry | None:
        return self._by_name.get(name)

    def open(self, entry: Entry) -> "EntryReader":
        """A streaming reader of ``entry``'s real bytes (see ``EntryReader``)."""
        return EntryReader(self.fileobj, entry, self.limits)

    def read(self, entry: Entry, max_size: int) -> bytes:
        """The whole entry, for the small JSON files only."""
        if entry.size > max_size:
            raise reject(
                entry.name,
                "limits.json_size",
                f"The file would take {entry.size} bytes; files read whole "
                f"may take at most {max_size}.",
            )
        with self.open(entry) as reader:
            chunks = []
            while chunk := reader.read(CHUNK_SIZE):
                chunks.append(chunk)
        return b"".join(chunks)

    def verify(self, entry: Entry) -> None:
        """Stream the entry to nowhere: its real size and checksum checked."""
        with self.open(entry) as reader:
            while reader.read(CHUNK_SIZE):
                pass

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _name_bytes(info: zipfile.ZipInfo) -> bytes:
    encoding = "utf-8" if info.flag_bits & _FLAG_UTF8 else "cp437"
    try:
        return info.orig_filename.encode(encoding)
    except UnicodeEncodeError:
        return info.orig_filename.encode("utf-8")


def _data_floor(info: zipfile.ZipInfo) -> int:
    """The earliest the entry's data can end: header, name, data."""
    return (
        info.header_offset
        + _LOCAL_HEADER_SIZE
        + len(_name_bytes(info))
        + info.compress_size
    )


def _too_expanded(size: int, compressed_size: int, limits: Limits) -> bool:
    return size > limits.ratio_min_size and size > limits.max_ratio * max(
        compressed_size, 1
    )


def _ratio_rejection(name: str, limits: Limits) -> Rejection:
    return Rejection(
        name,
        "limits.ratio",
        f"The file expands more than {limits.max_ratio} times its compressed "
        "size (a zip bomb).",
    )


class EntryReader(io.RawIOBase):
    """The real bytes of one entry, decompressed in bounded chunks.

    Raises ``PackageRejected`` (one reason, naming the entry) as soon as
    the data break a rule: more bytes than declared (``size.declared``),
    too expanded (``limits.ratio``), beyond the per-file limit, a broken
    local header or deflate stream (``zip.header``, ``zip.corrupt``), or,
    at the end, fewer bytes than declared or a wrong checksum."""

    def __init__(self, fileobj: BinaryIO, entry: Entry, limits: Limits):
        super().__init__()
        self._fp = fileobj
        self._entry = entry
        self._limits = limits
        #: The declared size, which the reader holds the entry to.
        self.size = entry.size
        self._compressed_left = entry.compressed_size
        self._produced = 0
        self._crc = 0
        self._finished = False
        self._pending = b""
        info = entry.info
        self._deflated = info.compress_type == zipfile.ZIP_DEFLATED
        self._decompressor = zlib.decompressobj(-15) if self._deflated else None
        self._position = self._data_start(info)

    def _data_start(self, info: zipfile.ZipInfo) -> int:
        name = self._entry.name
        self._fp.seek(info.header_offset)
        header = self._fp.read(_LOCAL_HEADER_SIZE)
        if len(header) < _LOCAL_HEADER_SIZE or header[:4] != _LOCAL_HEADER:
            raise reject(name, "zip.header", "The entry's local header is broken.")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        if self._fp.read(name_length) != _name_bytes(info):
            raise reject(
                name,
                "zip.header",
                "The entry's local header names another file.",
            )
        start = info.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length
        if start + info.compress_size > self._entry.end_limit:
            raise reject(
                name, "zip.overlap", "The entry's data overlap another entry's."
            )
        return start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._next(len(buffer))
        size = len(data)
        buffer[:size] = data
        return size

    def _read_compressed(self, size: int) -> bytes:
        size = min(size, self._compressed_left)
        if size <= 0:
            return b""
        self._fp.seek(self._position)
        data = self._fp.read(size)
        if len(data) != size:
            raise reject(self._entry.name, "zip.corrupt", "The entry is cut short.")
        self._position += size
        self._compressed_left -= size
        return data

    def _next(self, size: int) -> bytes:
        size = max(1, min(size, CHUNK_SIZE))
        while not self._finished:
            if not self._deflated:
                data = self._read_compressed(size)
            else:
                if not self._pending:
                    self._pending = self._read_compressed(CHUNK_SIZE)
                try:
                    data = self._decompressor.decompress(self._pending, size)
                except zlib.error as error:
                    raise reject(
                        self._entry.name,
                        "zip.corrupt",
                        f"The entry's compressed data are broken ({error}).",
                    ) from error
                self._pending = self._decompressor.unconsumed_tail
            if data:
                self._count(data)
                return data
            if self._exhausted():
                self._finish()
        return b""

    def _exhausted(self) -> bool:
        if not self._deflated:
            return self._compressed_left <= 0
        if self._decompressor.eof:
            return True
        if not self._pending and self._compressed_left <= 0:
            raise reject(
                self._entry.name,
                "zip.corrupt",
                "The entry's compressed data end early.",
            )
        return False

    def _count(self, data: bytes) -> None:
        entry, limits = self._entry, self._limits
        self._produced += len(data)
        if self._produced > entry.size:
            raise reject(
                entry.name,
                "size.declared",
                f"The file holds more than the {entry.size} bytes its header declares.",
            )
        if self._produced > limits.max_file_size:
            raise reject(
                entry.name,
                "limits.file_size",
                f"The file takes more than {limits.max_file_size} bytes.",
            )
        if _too_expanded(self._produced, entry.compressed_size, limits):
            raise PackageRejected([_ratio_rejection(entry.name, limits)])
        self._crc = zlib.crc32(data, self._crc)

    def _finish(self) -> None:
        self._finished = True
        entry = self._entry
        if self._produced != entry.size:
            raise reject(
                entry.name,
                "size.declared",
                f"The file holds {self._produced} bytes, not the {entry.size} "
                "its header declares.",
            )
        if self._crc != entry.crc:
            raise reject(entry.name, "zip.crc", "The file's checksum does not match.")
