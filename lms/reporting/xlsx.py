"""A minimal streaming XLSX (Office Open XML) writer for one-sheet table exports.

openpyxl's write-only mode spent 9-10x the time of reading the rows from the
database on a 300 x 127 export: it builds an object per cell and an XML tree
per row. Exports need none of that, so rows are turned straight into
SpreadsheetML text and deflated into the zip entry in chunks as they arrive:
memory holds one chunk (~64 KB), never the whole sheet.

Every string is written as an inline string (``t="inlineStr"``), which a
spreadsheet shows as data and never evaluates, and no cell ever has an ``f``
(formula) element: text such as ``=HYPERLINK(...)`` from a learner's name
stays inert (OWASP "CSV injection"). Inline strings also avoid a shared-strings
table, which would have to be held in memory and written after the sheet.

Standard library only, no Django, so it can be reused and tested on its own.
"""

import datetime
import decimal
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "MAX_TEXT_LENGTH", "write_xlsx"]

# Excel's limits: a file beyond them does not open, or opens truncated.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
# Counted in UTF-16 code units, as Excel counts them (an emoji takes two).
MAX_TEXT_LENGTH = 32_767
_SHEET_TITLE_MAX = 31

# Characters XML 1.0 cannot carry (plus lone surrogates, which UTF-8 cannot
# encode); tab, LF and CR are legal and kept.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# One search decides whether a string needs any work at all: most do not.
_NEEDS_WORK = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INVALID_SHEET_TITLE = re.compile(r"[\[\]:*?/\\]")
# A shorter string cannot exceed MAX_TEXT_LENGTH UTF-16 units: skip the count.
_SAFE_TEXT_LENGTH = MAX_TEXT_LENGTH // 2

_CHUNK_CHARS = 64 * 1024
_SHEET_PATH = "xl/worksheets/sheet1.xml"
# Zip entries get a fixed timestamp so the same table gives the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Excel counts days from 1899-12-30 (its day 60 is the non-existent 1900-02-29,
# kept for Lotus 1-2-3 compatibility, so days before 1900-03-01 are one lower).
_EPOCH_ORDINAL = datetime.date(1899, 12, 30).toordinal()
_LEAP_BUG_ORDINAL = datetime.date(1900, 3, 1).toordinal()
_FIRST_ORDINAL = datetime.date(1900, 1, 1).toordinal()
# Larger numbers are not IEEE doubles, which is all a cell can hold.
_NUMBER_LIMIT = 10**308

# cellXfs indexes in styles.xml.
_STYLE_HEADER = 1
_STYLE_DATE = 2
_STYLE_DATETIME = 3

_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    _XML_DECLARATION
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT_SHEET}.sheet.main+xml"/>'
    f'<Override PartName="/{_SHEET_PATH}" ContentType="{_CT_SHEET}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT_SHEET}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    _XML_DECLARATION + f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_TYPE}/officeDocument" '
    'Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    _XML_DECLARATION + f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_TYPE}/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL_TYPE}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Two fills are mandatory (Excel reserves "none" and "gray125"); the date
# formats are ISO, like the CSV export, rather than the reader's locale.
_STYLES = (
    _XML_DECLARATION + f'<styleSheet xmlns="{_MAIN_NS}">'
    '<numFmts count="2">'
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/>'
    "</numFmts>"
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="2">'
    '<fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    "</borders>"
    '<cellStyleXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"'
    ' applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"'
    ' applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles>"
    "</styleSheet>"
)
_SHEET_START = _XML_DECLARATION + f'<worksheet xmlns="{_MAIN_NS}"><sheetViews>'
# Keeps the header row visible while scrolling a long cohort.
_FROZEN_HEADER_VIEW = (
    '<sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    "</sheetView>"
)
_PLAIN_VIEW = '<sheetView workbookViewId="0"/>'
_SHEET_END = "</sheetData></worksheet>"


def write_xlsx(
    out: BinaryIO,
    *,
    sheet_title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    header_bold: bool = True,
    tz: datetime.tzinfo | None = None,
) -> None:
    """Write a one-sheet workbook to ``out``, consuming ``rows`` exactly once.

    Cells: ``str`` is text; ``bool`` a boolean; ``int``, ``float`` and
    ``Decimal`` numbers (NaN, infinities and numbers beyond a double are
    written as text); ``date`` and ``datetime`` real dates (``yyyy-mm-dd``,
    ``yyyy-mm-dd hh:mm:ss``; before 1900, which Excel cannot show, ISO text);
    ``None`` leaves the cell empty; anything else is ``str(value)``.

    Excel has no time zones: an aware ``datetime`` is written as its wall-clock
    time in ``tz`` when given, else in its own zone. Naive ones are as is.

    Raises ``ValueError`` for a sheet title Excel would refuse (it would not
    open the file at all) and for rows or columns beyond Excel's limits.
    ``out`` need not be seekable; whatever it held is overwritten.
    """
    title = _sheet_title_xml(sheet_title)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # [Content_Types].xml first: file-type sniffers look for it there.
        _write_part(archive, "[Content_Types].xml", _CONTENT_TYPES)
        _write_part(archive, "_rels/.rels", _ROOT_RELS)
        _write_part(archive, "xl/workbook.xml", _workbook_xml(title))
        _write_part(archive, "xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        _write_part(archive, "xl/styles.xml", _STYLES)
        with archive.open(_zip_info(_SHEET_PATH), "w") as stream:
            _write_sheet(stream, headers, rows, header_bold, tz)


def _write_part(archive: zipfile.ZipFile, name: str, text: str) -> None:
    archive.writestr(_zip_info(name), text.encode("utf-8"))


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _sheet_title_xml(title: str) -> str:
    text = _ILLEGAL_XML.sub("", str(title))
    if (
        not text
        or len(text) > _SHEET_TITLE_MAX
        or _INVALID_SHEET_TITLE.search(text)
        or text.startswith("'")
        or text.endswith("'")
    ):
        raise ValueError(f"Excel does not accept {title!r} as a sheet title.")
    return _escape_attribute(text)


def _workbook_xml(title_xml: str) -> str:
    return (
        _XML_DECLARATION + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_DOC_REL_NS}">'
        f'<sheets><sheet name="{title_xml}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


def _write_sheet(stream, headers, rows, header_bold, tz) -> None:
    refs: list[str] = []
    view = _FROZEN_HEADER_VIEW if headers else _PLAIN_VIEW
    stream.write(f"{_SHEET_START}{view}</sheetViews><sheetData>".encode())
    header_style = _STYLE_HEADER if header_bold else 0
    pending = [_header_xml(headers, refs, header_style)]
    size = len(pending[0])
    number = 1
    for row in rows:
        number += 1
        if number > MAX_ROWS:
            raise ValueError(f"Excel cannot hold more than {MAX_ROWS} rows.")
        line = _row_xml(row, number, refs, tz)
        pending.append(line)
        size += len(line)
        if size >= _CHUNK_CHARS:
            stream.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    pending.append(_SHEET_END)
    stream.write("".join(pending).encode("utf-8"))


def _header_xml(headers, refs, style) -> str:
    _extend_refs(refs, len(headers))
    style_attr = f' s="{style}"' if style else ""
    cells = [
        f'<c r="{refs[i]}1"{style_attr} t="inlineStr"><is><t xml:space="preserve">'
        f"{_text_xml(str(title))}</t></is></c>"
        for i, title in enumerate(headers)
        if title is not None
    ]
    return f'<row r="1">{"".join(cells)}</row>'


def _row_xml(row, number, refs, tz) -> str:
    """The hot loop: exact-type tests first, since nearly every cell is one."""
    if len(row) > len(refs):
        _extend_refs(refs, len(row))
    suffix = str(number)
    cells = []
    append = cells.append
    for ref, value in zip(refs, row, strict=False):
        kind = type(value)
        if kind is str:
            if len(value) > _SAFE_TEXT_LENGTH or _NEEDS_WORK.search(value):
                value = _text_xml(value)
            append(
                f'<c r="{ref}{suffix}" t="inlineStr"><is><t xml:space="preserve">'
                f"{value}</t></is></c>"
            )
        elif kind is int and -_NUMBER_LIMIT < value < _NUMBER_LIMIT:
            append(f'<c r="{ref}{suffix}"><v>{value}</v></c>')
        elif kind is float and value - value == 0:  # false for NaN, infinities
            append(f'<c r="{ref}{suffix}"><v>{value!r}</v></c>')
        elif value is not None:
            append(_other_cell(ref + suffix, value, tz))
    return f'<row r="{suffix}">{"".join(cells)}</row>'


def _other_cell(ref: str, value, tz) -> str:
    # bool before int, datetime before date: each is a subclass of the other.
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        if -_NUMBER_LIMIT < value < _NUMBER_LIMIT:
            return f'<c r="{ref}"><v>{int(value)}</v></c>'
        return _text_cell(ref, str(value))
    if isinstance(value, float | decimal.Decimal):
        # is_finite() first: float() raises on a signalling Decimal NaN.
        if isinstance(value, float) or value.is_finite():
            number = float(value)
            if math.isfinite(number):
                return f'<c r="{ref}"><v>{number!r}</v></c>'
        return _text_cell(ref, str(value))
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = (value.astimezone(tz) if tz is not None else value).replace(
                tzinfo=None
            )
        days = _serial_day(value)
        if days is None:
            return _text_cell(ref, value.isoformat(sep=" "))
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        serial = days + (seconds + value.microsecond / 1_000_000) / 86_400
        return f'<c r="{ref}" s="{_STYLE_DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, datetime.date):
        days = _serial_day(value)
        if days is None:
            return _text_cell(ref, value.isoformat())
        return f'<c r="{ref}" s="{_STYLE_DATE}"><v>{days}</v></c>'
    return _text_cell(ref, str(value))


def _serial_day(value: datetime.date) -> int | None:
    """Excel's day number, or None before 1900, which Excel cannot represent."""
    ordinal = value.toordinal()
    if ordinal < _FIRST_ORDINAL:
        return None
    days = ordinal - _EPOCH_ORDINAL
    return days - 1 if ordinal < _LEAP_BUG_ORDINAL else days


def _text_cell(ref: str, text: str) -> str:
    return (
        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'
        f"{_text_xml(text)}</t></is></c>"
    )


def _text_xml(text: str) -> str:
    """Escape for element content, dropping what XML cannot carry.

    A CR is written as a character reference: a literal one would be turned
    into LF by any XML parser, changing the value read back.
    """
    if len(text) > _SAFE_TEXT_LENGTH:
        text = _truncate(text)
    if _NEEDS_WORK.search(text) is None:
        return text
    text = _ILLEGAL_XML.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def _truncate(text: str) -> str:
    """Cut to Excel's cell limit, which longer text would make Excel refuse."""
    text = _ILLEGAL_XML.sub("", text)
    encoded = text.encode("utf-16-le", "surrogatepass")
    if len(encoded) <= 2 * MAX_TEXT_LENGTH:
        return text
    # "ignore" drops the half of an emoji (surrogate pair) the cut split.
    return encoded[: 2 * MAX_TEXT_LENGTH].decode("utf-16-le", "ignore")


def _escape_attribute(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _extend_refs(refs: list[str], count: int) -> None:
    """Column letters, computed once per index rather than once per cell."""
    if count > MAX_COLUMNS:
        raise ValueError(f"Excel cannot hold more than {MAX_COLUMNS} columns.")
    for index in range(len(refs), count):
        letters = ""
        number = index + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            letters = chr(65 + remainder) + letters
        refs.append(letters)
