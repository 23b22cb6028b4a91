"""CSV and XLSX downloads of dashboard tables (cohort matrix, learners, indicators).

Three constraints shape this module:

* Memory stays bounded whatever the cohort size. A ``Table``'s rows may be a
  generator over a queryset; CSV is produced row by row while the response
  streams, and XLSX is streamed by ``lms.reporting.xlsx`` into a temporary
  file on disk (never a BytesIO), which ``FileResponse`` then streams and
  deletes when the response is closed. (openpyxl, used before, spent about ten
  times the database read on building a cell object per value.)
* The files hold learners' personal data and are opened in spreadsheets, so
  text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
  tab, CR; OWASP "CSV injection") is neutralised, responses are
  ``Cache-Control: private, no-store``, and characters that XML cannot carry
  are dropped instead of failing the whole export.
* Trainers open the CSV by double-clicking it in Excel: the UTF-8 BOM is what
  makes Excel read "São João" correctly instead of guessing a legacy code page.

Views build a ``Table`` and return ``export_response(table, stem, fmt)``.
Because CSV rows are read while the response streams, a view's queryset is
evaluated after the view has returned (outside ``ATOMIC_REQUESTS``).
"""

import csv
import datetime
import decimal
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from lms.reporting.xlsx import write_xlsx

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")

# Characters XML 1.0 cannot carry; dropped from CSV too, so both formats hold
# the same text. Tab, LF and CR are legal and kept.
_ILLEGAL_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Leading characters that make Excel/LibreOffice/Sheets evaluate a cell (OWASP).
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_INVALID_SHEET_TITLE_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_TITLE_MAX = 31
# CSV lines are joined into chunks of about this many characters, so the server
# writes a few large blocks instead of one tiny write per learner.
_CSV_CHUNK_CHARS = 64 * 1024


@dataclass
class Table:
    """What a dashboard shows, independent of the file format it is exported to.

    ``rows`` may be a generator: it is consumed exactly once, so a view can
    pass a lazy iteration over a queryset without holding the cohort in memory.
    """

    title: str
    headers: list[str]
    rows: Iterable[Sequence]


def export_response(table: Table, filename_stem: str, fmt: str):
    """Pick the format named in the URL; an unknown one is a missing page (404)."""
    if fmt == "csv":
        return csv_response(table, f"{filename_stem}.csv")
    if fmt == "xlsx":
        return xlsx_response(table, f"{filename_stem}.xlsx")
    raise Http404(gettext("Unknown export format."))


# --- CSV ----------------------------------------------------------------------


class _Echo:
    """File-like object whose write returns the line, so csv.writer yields strings.

    This is Django's "streaming large CSV files" pattern: nothing accumulates.
    """

    def write(self, value: str) -> str:
        return value


def csv_response(table: Table, filename: str) -> StreamingHttpResponse:
    """Stream the table as UTF-8 CSV with a BOM, one row at a time.

    The BOM makes Excel decode accented names as UTF-8; the streaming keeps
    memory flat however many rows the generator yields.
    """
    response = StreamingHttpResponse(_csv_chunks(table), content_type=CSV_CONTENT_TYPE)
    _set_download_headers(response, _with_extension(filename, "csv"))
    return response


def _csv_chunks(table: Table) -> Iterator[str]:
    writer = csv.writer(_Echo())
    pending = ["\ufeff", writer.writerow([_csv_cell(h) for h in table.headers])]
    size = len(pending[1])
    for row in table.rows:
        line = writer.writerow([_csv_cell(value) for value in row])
        pending.append(line)
        size += len(line)
        if size >= _CSV_CHUNK_CHARS:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


def _csv_cell(value):
    """Format one value for CSV; only text is ever escaped, numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        # What Excel and LibreOffice write, and read back as booleans.
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return _naive_local(value).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = _clean_text(value)
    if text.startswith(_FORMULA_TRIGGERS):
        # OWASP: a leading apostrophe makes spreadsheets show the text as is.
        return "'" + text
    return text


# --- XLSX ---------------------------------------------------------------------


def xlsx_response(table: Table, filename: str) -> FileResponse:
    """Write the table to a temporary file on disk and stream that file.

    The writer holds one chunk of the sheet in memory at a time and the
    finished workbook goes to disk (not BytesIO), so a large cohort never sits
    in memory whole. The temporary file is deleted when the response is closed
    (FileResponse closes it), or at once if the export fails.

    Every string becomes an inline-string cell, which spreadsheets never
    evaluate: formula-like text (OWASP "CSV injection") stays plain text
    without the apostrophe the CSV needs.
    """
    # Not a context manager: the response owns the file and closes (deletes) it.
    tmp = tempfile.NamedTemporaryFile(prefix="chainon-export-", suffix=".xlsx")
    try:
        write_xlsx(
            tmp,
            sheet_title=sheet_title(table.title),
            headers=table.headers,
            rows=table.rows,
            # Excel has no time zones: show the wall-clock time of the site.
            tz=timezone.get_current_timezone(),
        )
        tmp.seek(0)
        response = FileResponse(tmp, content_type=XLSX_CONTENT_TYPE)
    except BaseException:
        tmp.close()
        raise
    _set_download_headers(response, _with_extension(filename, "xlsx"))
    return response


def sheet_title(title: str) -> str:
    """Make a title Excel accepts as a sheet name (≤ 31 characters, no []:*?/\\)."""
    text = _INVALID_SHEET_TITLE_CHARS.sub(" ", _clean_text(title))
    text = " ".join(text.split())[:_SHEET_TITLE_MAX].strip().strip("'").strip()
    return text or gettext("Export")


# --- Shared -------------------------------------------------------------------


def _clean_text(value) -> str:
    """str() of anything (e.g. a "<5" suppression marker), minus XML-illegal chars."""
    return _ILLEGAL_XML_CHARS.sub("", str(value))


def _naive_local(value: datetime.datetime) -> datetime.datetime:
    """The wall-clock time trainers see on the site, as spreadsheets expect."""
    if timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def _with_extension(filename: str, extension: str) -> str:
    suffix = f".{extension}"
    return filename if filename.lower().endswith(suffix) else filename + suffix


def _set_download_headers(response, filename: str) -> None:
    response["Content-Disposition"] = attachment_header(filename)
    # Personal data: no shared cache, no copy kept by the browser.
    response["Cache-Control"] = "private, no-store"


def attachment_header(filename: str) -> str:
    """``Content-Disposition`` with an ASCII fallback and RFC 5987 ``filename*``.

    Django's helper sends only ``filename*`` for non-ASCII names; older or
    stricter clients then fall back to a generic name, so a transliterated
    ``filename`` is sent too.
    """
    name = _safe_filename(filename)
    ascii_name = _ascii_filename(name)
    header = content_disposition_header(True, ascii_name)
    if ascii_name != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def _safe_filename(filename: str) -> str:
    """Drop what could make a download name a path or break the header."""
    kept = (
        "_" if ch in '/\\"' or unicodedata.category(ch).startswith("C") else ch
        for ch in filename
    )
    return "".join(kept).strip(" .") or "export"


def _ascii_filename(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_only).strip("._")
    _, dot, extension = name.rpartition(".")
    if not cleaned or cleaned == extension:
        return f"export.{extension}" if dot else "export"
    return cleaned
