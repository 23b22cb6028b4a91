"""How much a package may hold before it is refused as a zip bomb.

Every figure is checked twice: against the sizes the zip *declares*
(before a byte is decompressed) and against the bytes it *actually*
yields while streaming (``archive.EntryReader`` counts them and stops the
moment an entry gives more than it declared).  Because no entry may yield
more than it declared and the declared sizes together must fit
``max_total_size``, the real total is bounded too.

Where the defaults come from:

- The PHP core (``h5p/h5p-php-library``, ``H5PValidator::isValidPackage``)
  checks ``maxFileSize`` and ``maxTotalSize`` against the declared sizes
  and leaves both unset by default, to the platform's upload limit.
- Lumi's h5p-server (``Lumieducation/H5P-Nodejs-library``,
  ``H5PConfig.ts``) defaults to ``maxFileSize`` 16 MiB and ``maxTotalSize``
  64 MiB.  That is too small here: partner museums publish interactive
  videos and 360° tours whose one video is several hundred MB (the
  benchmark package is 150 MB), and we stream every entry, so a large
  entry costs disk, not memory.  Neither core has a ratio or entry-count
  limit; those come from the usual zip-bomb advice (OWASP, SonarSource
  rule S5042).
"""

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """The limits one package is checked against; every one configurable.

    - ``max_entries`` 10 000: the largest real packages (a Course
      Presentation bringing ~60 libraries with their fonts and language
      files) hold 2 000–3 000 entries; ten thousand leaves room and still
      bounds the central directory we parse (``max_directory_size``).
    - ``max_total_size`` 2 GiB: all uncompressed files together; a
      package above it belongs on a video server, not in an H5P.
    - ``max_file_size`` 1 GiB: one entry; a single long HD video.
    - ``max_ratio`` 100 with ``ratio_min_size`` 1 MiB: an entry larger
      than 1 MiB may expand at most 100× its compressed size.  Text (JSON,
      JavaScript, CSS) compresses 3–15×, media is already compressed
      (~1×); deflate's own maximum is ~1 030×, which is what bombs use.
      Small entries are exempt because a few KB of repeated text may well
      compress 200×, and the total limit bounds many small entries anyway.
    - ``max_json_size`` 8 MiB: ``h5p.json``, ``library.json``,
      ``semantics.json``, language files and ``content/content.json`` are
      read whole and parsed, so they must stay small enough to hold in
      memory (a parsed JSON takes several times its size); the largest
      real ``content.json`` (an Interactive Book of many chapters) is ~2 MB.
    - ``max_path_length`` 255: characters of one path inside the package,
      Lumi's ``exportMaxContentPathLength``; storage keys must stay short.
    - ``max_directory_size``: bytes of the zip's central directory, read
      whole by ``zipfile``; 1 KiB per allowed entry by default.
    """

    max_entries: int = 10_000
    max_total_size: int = 2 * GiB
    max_file_size: int = 1 * GiB
    max_ratio: int = 100
    ratio_min_size: int = 1 * MiB
    max_json_size: int = 8 * MiB
    max_path_length: int = 255
    max_directory_size: int | None = None

    @property
    def directory_size(self) -> int:
        if self.max_directory_size is not None:
            return self.max_directory_size
        return self.max_entries * KiB + 64 * KiB
