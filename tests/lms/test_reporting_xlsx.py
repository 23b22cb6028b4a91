"""The streaming XLSX writer: files read back by openpyxl equal what was written."""

import datetime
import hashlib
import io
import tracemalloc
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import openpyxl
import pytest

from lms.reporting.xlsx import MAX_COLUMNS, MAX_TEXT_LENGTH, write_xlsx

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_bytes(rows, headers=("a",), title="Feuille", **options) -> bytes:
    out = io.BytesIO()
    write_xlsx(out, sheet_title=title, headers=list(headers), rows=rows, **options)
    return out.getvalue()


def load(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


def values(data: bytes):
    return list(load(data).iter_rows(values_only=True))


def parse_xml(text):
    """Fails on XML that is not well-formed; the input is our own output."""
    return ElementTree.fromstring(text)  # noqa: S314


def sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


class Marker:
    """Stands for the dashboards' small-count suppression marker."""

    def __str__(self):
        return "<5"


# --- Values -------------------------------------------------------------------


def test_mixed_values_round_trip_with_their_types():
    texts = ["São João", "Zoë 🎓 ✓", "R&D <b> \"x\" 'y'", "  spaced  ", "a\nb", "c\rd"]
    numbers = [0, -3, 2**53, 0.1, -0.5, 1e-300, 1.5e20, Decimal("2.25")]
    day = datetime.date(2025, 3, 14)
    moment = datetime.datetime(2025, 7, 1, 8, 30, 15, 250_000)
    row = [*texts, *numbers, True, False, day, moment, None, "", "end"]

    sheet = load(xlsx_bytes([row], headers=[f"h{i}" for i in range(len(row))]))

    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        (
            *texts,
            *numbers[:-1],
            2.25,
            True,
            False,
            datetime.datetime(2025, 3, 14),
            moment,
            None,
            "",
            "end",
        )
    ]
    cells = list(sheet.iter_rows(min_row=2))[0]
    assert [c.data_type for c in cells[:6]] == ["s"] * 6
    assert [c.data_type for c in cells[6:14]] == ["n"] * 8
    assert [c.data_type for c in cells[14:16]] == ["b", "b"]
    assert cells[16].is_date and cells[16].number_format == "yyyy-mm-dd"
    assert cells[17].is_date and cells[17].number_format == "yyyy-mm-dd hh:mm:ss"


def test_none_leaves_no_cell_at_all():
    data = xlsx_bytes([[None, 1, None, None, "x", None]])

    assert values(data)[1] == (None, 1, None, None, "x")
    assert '<row r="2"><c r="B2"><v>1</v></c><c r="E2" t="inlineStr">' in (
        sheet_xml(data)
    )


def test_formula_like_text_stays_text_and_no_formula_is_written():
    row = ["=1+1", '=HYPERLINK("http://x","y")', "+33", "-x", "@A1", "#N/A", "=", -3]
    data = xlsx_bytes([row], headers=["=SUM(A1)"])
    header, cells = load(data).iter_rows()

    assert header[0].value == "=SUM(A1)" and header[0].data_type == "s"
    assert [c.value for c in cells] == row
    assert [c.data_type for c in cells] == ["s"] * 7 + ["n"]
    assert list(parse_xml(sheet_xml(data)).iter(f"{MAIN_NS}f")) == []


def test_numbers_a_cell_cannot_hold_are_written_as_text():
    row = [
        float("nan"),
        float("inf"),
        -float("inf"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("1E+400"),
        10**400,
    ]

    cells = list(load(xlsx_bytes([row])).iter_rows(min_row=2))[0]

    assert [c.value for c in cells] == [
        "nan",
        "inf",
        "-inf",
        "NaN",
        "sNaN",
        "1E+400",
        "1" + "0" * 400,
    ]
    assert {c.data_type for c in cells} == {"s"}


def test_other_objects_are_written_as_their_text():
    row = [Marker(), datetime.time(9, 30), datetime.timedelta(days=1), b"raw"]

    assert values(xlsx_bytes([row]))[1] == (
        "<5",
        "09:30:00",
        "1 day, 0:00:00",
        "b'raw'",
    )


def test_dates_around_excels_1900_leap_year_bug_read_back_exactly():
    days = [
        datetime.date(1900, 1, 1),
        datetime.date(1900, 2, 28),
        datetime.date(1900, 3, 1),
        datetime.date(2099, 12, 31),
    ]

    assert values(xlsx_bytes([days]))[1] == tuple(
        datetime.datetime.combine(day, datetime.time()) for day in days
    )
    # What Excel itself stores for these days.
    assert '<c r="A2" s="2"><v>1</v></c>' in sheet_xml(xlsx_bytes([days]))
    assert '<c r="C2" s="2"><v>61</v></c>' in sheet_xml(xlsx_bytes([days]))


def test_dates_before_1900_are_written_as_iso_text():
    row = [datetime.date(1899, 12, 31), datetime.datetime(1850, 5, 1, 12, 0)]

    assert values(xlsx_bytes([row]))[1] == ("1899-12-31", "1850-05-01 12:00:00")


def test_aware_datetimes_are_shown_in_the_given_zone():
    moment = datetime.datetime(2025, 1, 15, 9, 30, tzinfo=datetime.UTC)
    paris = datetime.timezone(datetime.timedelta(hours=1))

    assert values(xlsx_bytes([[moment]], tz=paris))[1] == (
        datetime.datetime(2025, 1, 15, 10, 30),
    )
    assert values(xlsx_bytes([[moment]]))[1] == (datetime.datetime(2025, 1, 15, 9, 30),)


# --- Text ---------------------------------------------------------------------


def test_xml_illegal_characters_are_removed_everywhere():
    data = xlsx_bytes(
        [["Ana\x00\x07 Silva\x1f", "lone \ud800surrogate\ufffe"]],
        headers=["n\x0b", "m"],
        title="T\x01",
    )

    assert load(data).title == "T"
    assert values(data) == [("n", "m"), ("Ana Silva", "lone surrogate")]


def test_text_is_cut_to_excels_cell_limit_without_splitting_an_emoji():
    long_ascii = "a" * (MAX_TEXT_LENGTH + 10)
    long_emoji = "🎓" * 20_000  # two UTF-16 units each, as Excel counts

    row = values(xlsx_bytes([[long_ascii, long_emoji, "&" * 40_000]]))[1]

    assert row[0] == "a" * MAX_TEXT_LENGTH
    assert row[1] == "🎓" * (MAX_TEXT_LENGTH // 2)
    assert row[2] == "&" * MAX_TEXT_LENGTH


def test_sheet_title_is_escaped():
    title = 'R&D <Évora> "2025"'
    data = xlsx_bytes([], title=title)

    assert load(data).title == title


@pytest.mark.parametrize(
    "title", ["", "\x01", "x" * 32, "a/b", "a\\b", "[a]", "a:b", "a*", "a?", "'a'"]
)
def test_sheet_titles_excel_refuses_are_rejected(title):
    with pytest.raises(ValueError, match="sheet title"):
        xlsx_bytes([], title=title)


# --- Layout -------------------------------------------------------------------


def test_header_row_is_bold_and_frozen():
    sheet = load(xlsx_bytes([[1, 2]], headers=["Nom", "Score"]))

    assert sheet["A1"].font.b is True and sheet["B1"].font.b is True
    assert sheet["A2"].font.b is False
    assert sheet.freeze_panes == "A2"


def test_header_can_be_plain():
    sheet = load(xlsx_bytes([[1]], headers=["Nom"], header_bold=False))

    assert sheet["A1"].value == "Nom" and sheet["A1"].font.b is False


def test_empty_table_has_the_header_row_only():
    assert values(xlsx_bytes(iter(()), headers=["Nom", "Score"])) == [("Nom", "Score")]


def test_no_headers_and_no_rows_is_still_a_workbook():
    sheet = load(xlsx_bytes([], headers=[]))

    assert sheet.max_row == 1 and sheet["A1"].value is None
    assert sheet.freeze_panes is None


def test_rows_wider_than_the_header_get_column_letters_past_z():
    row = list(range(1, 704))  # 703 columns: A..Z, AA..ZZ, AAA

    sheet = load(xlsx_bytes([row], headers=["h"]))

    assert sheet["Z2"].value == 26
    assert sheet["AA2"].value == 27
    assert sheet["ZZ2"].value == 702
    assert sheet["AAA2"].value == 703
    assert list(sheet.iter_rows(values_only=True))[1] == tuple(row)


def test_more_columns_than_excel_holds_are_rejected():
    with pytest.raises(ValueError, match="columns"):
        xlsx_bytes([[0] * (MAX_COLUMNS + 1)])


# --- Package ------------------------------------------------------------------


def test_package_is_a_valid_zip_of_well_formed_parts():
    data = xlsx_bytes([["São", 1, datetime.date(2025, 1, 1)]], title="A & B")

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        # Type sniffers expect [Content_Types].xml first.
        assert names[0] == "[Content_Types].xml"
        assert set(names) == {
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
        }
        for name in names:
            parse_xml(archive.read(name))
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_same_table_gives_the_same_bytes():
    rows = [["a", 1, datetime.date(2025, 1, 1)]]

    assert xlsx_bytes(rows) == xlsx_bytes(rows)


class WriteOnlyStream(io.RawIOBase):
    """An output that cannot seek, like a socket or a pipe."""

    def __init__(self):
        self.buffer = bytearray()

    def writable(self):
        return True

    def write(self, data):
        self.buffer.extend(data)
        return len(data)


def test_an_output_that_cannot_seek_is_fine():
    out = WriteOnlyStream()
    write_xlsx(out, sheet_title="T", headers=["a"], rows=[["x"], [2]])

    assert values(bytes(out.buffer)) == [("a",), ("x",), (2,)]


# --- Memory -------------------------------------------------------------------

ROWS = 50_000
# Measured (Python 3.13): peak traced memory about 0.55 MB while writing a
# file of about 5.7 MB; the rows, held in a list, would take about 22 MB.
PEAK_BOUND = 2 * 1024 * 1024


def many_rows():
    day = datetime.date(2025, 1, 1)
    for i in range(ROWS):
        # Hex digests do not compress much, so the file is larger than the bound.
        digest = hashlib.sha256(str(i).encode()).hexdigest()
        yield (i, f"Learner {i} São João", digest, i * 0.5, day, digest[::-1], None)


def test_a_large_generator_is_written_in_bounded_memory(tmp_path):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as out:
        tracemalloc.start()
        try:
            write_xlsx(
                out, sheet_title="Big", headers=list("abcdefg"), rows=many_rows()
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert path.stat().st_size > 2 * PEAK_BOUND
    assert peak < PEAK_BOUND
    workbook = openpyxl.load_workbook(path, read_only=True)
    *_, last = workbook.worksheets[0].iter_rows(values_only=True)
    workbook.close()
    assert last[0] == ROWS - 1 and last[4] == datetime.datetime(2025, 1, 1)
