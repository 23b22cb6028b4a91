"""CSV/XLSX exports of dashboard tables: content, injection safety, memory bound."""

import csv
import datetime
import hashlib
import io
import tempfile
import tracemalloc
from decimal import Decimal

import openpyxl
import pytest
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone

from lms.exports import (
    Table,
    csv_response,
    export_response,
    sheet_title,
    xlsx_response,
)

# Closing a response sends ``request_finished``, whose handler checks the
# database connection: on PostgreSQL that needs database access.
pytestmark = pytest.mark.django_db

HEADERS = ["Nom", "Score", "Taux", "Date", "Terminé", "Effectif", "Vide"]


class Suppressed:
    """Stands for the dashboards' small-count suppression marker."""

    def __str__(self):
        return "<5"


def sample_rows():
    return [
        ["Ana Ribeiro", 12, 0.75, datetime.date(2025, 3, 14), True, 8, None],
        ["São João", -3, -0.5, datetime.date(2024, 12, 31), False, Suppressed(), None],
    ]


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Send every temporary file to a directory we can list."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def csv_bytes(response):
    return b"".join(response.streaming_content)


def parse_csv(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(response):
    data = b"".join(response.streaming_content)
    response.close()
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


# --- CSV ----------------------------------------------------------------------


def test_csv_round_trips_headers_and_rows():
    response = csv_response(Table("Learners", HEADERS, iter(sample_rows())), "x.csv")

    assert isinstance(response, StreamingHttpResponse)
    assert parse_csv(csv_bytes(response)) == [
        HEADERS,
        ["Ana Ribeiro", "12", "0.75", "2025-03-14", "TRUE", "8", ""],
        ["São João", "-3", "-0.5", "2024-12-31", "FALSE", "<5", ""],
    ]


def test_csv_starts_with_a_bom_and_is_utf8():
    data = csv_bytes(csv_response(Table("T", ["Prénom"], [["Zoë"]]), "x"))

    assert data.startswith(b"\xef\xbb\xbfPr\xc3\xa9nom\r\n")
    assert data.count(b"\xef\xbb\xbf") == 1


def test_csv_headers_and_security():
    response = csv_response(Table("T", ["a"], []), "x")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_csv_escapes_formula_like_text_but_not_numbers():
    row = ["=1+1", "+33 6 12", "-x", "@SUM(A1)", "\tcmd", "\rcmd", "-3", -3, -2.5]
    data = csv_bytes(csv_response(Table("T", ["=HYPERLINK()"], [row]), "x"))

    header, parsed = parse_csv(data)
    assert header == ["'=HYPERLINK()"]
    assert parsed == [
        "'=1+1",
        "'+33 6 12",
        "'-x",
        "'@SUM(A1)",
        "'\tcmd",
        "'\rcmd",
        "'-3",  # text that looks like a number is still text
        "-3",
        "-2.5",
    ]


def test_csv_removes_xml_illegal_control_characters():
    data = csv_bytes(csv_response(Table("T", ["n"], [["Ana\x00\x07 Silva\x1f"]]), "x"))

    assert parse_csv(data)[1] == ["Ana Silva"]


def test_csv_writes_aware_datetimes_in_local_time():
    moment = datetime.datetime(2025, 1, 15, 9, 30, tzinfo=datetime.UTC)
    with timezone.override("Europe/Paris"):
        data = csv_bytes(csv_response(Table("T", ["t"], [[moment]]), "x"))

    assert parse_csv(data)[1] == ["2025-01-15 10:30:00"]


def test_csv_of_an_empty_table_has_the_header_row_only():
    data = csv_bytes(csv_response(Table("Cohorte vide", HEADERS, iter(())), "x"))

    assert parse_csv(data) == [HEADERS]


def test_csv_rows_are_read_only_while_streaming():
    consumed = []

    def rows():
        for i in range(3):
            consumed.append(i)
            yield [i]

    response = csv_response(Table("T", ["i"], rows()), "x")
    assert consumed == []

    assert parse_csv(csv_bytes(response)) == [["i"], ["0"], ["1"], ["2"]]
    assert consumed == [0, 1, 2]


def test_non_ascii_filename_gets_ascii_fallback_and_rfc5987_name():
    response = csv_response(Table("T", ["a"], []), "Cohorte São João/2025")

    assert response["Content-Disposition"] == (
        'attachment; filename="Cohorte_Sao_Joao_2025.csv"; '
        "filename*=UTF-8''Cohorte%20S%C3%A3o%20Jo%C3%A3o_2025.csv"
    )


def test_filename_without_any_ascii_letter_falls_back_to_export():
    response = csv_response(Table("T", ["a"], []), "Ωμέγα")

    assert response["Content-Disposition"] == (
        "attachment; filename=\"export.csv\"; filename*=UTF-8''"
        "%CE%A9%CE%BC%CE%AD%CE%B3%CE%B1.csv"
    )


# --- XLSX ---------------------------------------------------------------------


def test_xlsx_round_trips_with_real_dates_and_numbers(private_tmp):
    moment = datetime.datetime(2025, 7, 1, 8, 0, tzinfo=datetime.UTC)
    rows = [*sample_rows(), ["Luca", Decimal("2.5"), 1e-3, moment, True, 0, None]]
    with timezone.override("Europe/Paris"):
        response = xlsx_response(Table("Learners", HEADERS, iter(rows)), "x")
    assert isinstance(response, FileResponse)
    sheet = read_xlsx(response)

    values = list(sheet.iter_rows(values_only=True))
    assert values == [
        tuple(HEADERS),
        ("Ana Ribeiro", 12, 0.75, datetime.datetime(2025, 3, 14), True, 8, None),
        ("São João", -3, -0.5, datetime.datetime(2024, 12, 31), False, "<5", None),
        ("Luca", 2.5, 0.001, datetime.datetime(2025, 7, 1, 10, 0), True, 0, None),
    ]
    assert sheet["D2"].is_date and sheet["D4"].is_date
    assert sheet["B3"].data_type == "n" and sheet["C3"].data_type == "n"
    assert sheet["E2"].data_type == "b"
    assert sheet["A1"].font.b is True


def test_xlsx_headers_and_security(private_tmp):
    response = xlsx_response(Table("T", ["a"], [[1]]), "Bilan Évora")
    size = int(response["Content-Length"])

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Bilan_Evora.xlsx\"; filename*=UTF-8''"
        "Bilan%20%C3%89vora.xlsx"
    )
    assert len(b"".join(response.streaming_content)) == size
    response.close()


def test_xlsx_stores_formula_like_text_as_text(private_tmp):
    row = ["=1+1", '=HYPERLINK("http://x")', "+33", "-x", "@A1", "#N/A", -3, "="]
    sheet = read_xlsx(xlsx_response(Table("T", ["=SUM(A1)"], [row]), "x"))

    header, cells = sheet.iter_rows()
    assert header[0].value == "=SUM(A1)" and header[0].data_type == "s"
    assert [c.value for c in cells] == row
    assert [c.data_type for c in cells] == ["s"] * 6 + ["n", "s"]


def test_xlsx_of_an_empty_table_has_the_header_row_only(private_tmp):
    sheet = read_xlsx(xlsx_response(Table("Vide", HEADERS, iter(())), "x"))

    assert list(sheet.iter_rows(values_only=True)) == [tuple(HEADERS)]


def test_xlsx_sheet_title_is_sanitised(private_tmp):
    title = "Cohorte [Lisboa]: 2025/2026 *final* matrix? back\\slash"
    sheet = read_xlsx(xlsx_response(Table(title, ["a"], []), "x"))

    assert sheet.title == "Cohorte Lisboa 2025 2026 final"
    assert len(sheet.title) <= 31


def test_sheet_title_rules():
    assert sheet_title("x" * 40) == "x" * 31
    assert sheet_title("'Quoted'") == "Quoted"
    assert sheet_title("[]:*?/\\") != ""
    assert sheet_title("Matrice São João") == "Matrice São João"


def test_xlsx_removes_xml_illegal_control_characters(private_tmp):
    sheet = read_xlsx(
        xlsx_response(Table("T\x01", ["n\x0b"], [["Ana\x00\x07 Silva\x1f"]]), "x")
    )

    assert sheet.title == "T"
    assert list(sheet.iter_rows(values_only=True)) == [("n",), ("Ana Silva",)]


def test_xlsx_temp_file_is_deleted_when_response_is_closed(private_tmp):
    response = xlsx_response(Table("T", ["a"], [[1], [2]]), "x")
    path = response.file_to_stream.name
    assert str(private_tmp) in path
    assert list(private_tmp.iterdir()) != []  # on disk, not in memory

    b"".join(response.streaming_content)
    response.close()

    assert response.file_to_stream.closed
    assert list(private_tmp.iterdir()) == []


def test_xlsx_failing_midway_leaves_no_temp_file(private_tmp):
    def rows():
        yield ["ok"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="database went away"):
        xlsx_response(Table("T", ["a"], rows()), "x")

    assert list(private_tmp.iterdir()) == []


# --- Memory -------------------------------------------------------------------

ROWS = 50_000
# Measured (Python 3.13): peak traced memory about 0.55 MB for CSV and 0.57 MB
# for XLSX; the files are about 13 MB (CSV) and 6.8 MB (XLSX),
# and the rows themselves, held in a list, take about 31 MB. 4 MB leaves a
# wide margin for noise while failing if either the rows or the output file
# (e.g. a BytesIO) were ever held in memory whole.
PEAK_BOUND = 4 * 1024 * 1024


def many_rows():
    day = datetime.date(2025, 1, 1)
    for i in range(ROWS):
        # Hex digests do not compress much, so the XLSX zip is larger than the bound.
        digest = hashlib.sha256(str(i).encode()).hexdigest()
        yield (
            i,
            f"Learner {i} São João",
            digest,
            i * 0.5,
            day,
            digest[::-1],
            digest[1:] + digest[0],
            Suppressed() if i % 7 == 0 else i % 100,
            None,
            f"=cmd{i}",
        )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_large_export_memory_stays_bounded(fmt, private_tmp):
    table = Table("Big", [f"col{j}" for j in range(10)], many_rows())
    tracemalloc.start()
    try:
        response = export_response(table, "big", fmt)
        size = 0
        for chunk in response.streaming_content:
            size += len(chunk)
        response.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert size > PEAK_BOUND
    assert peak < PEAK_BOUND


# --- Format choice ------------------------------------------------------------


def test_export_response_picks_the_format(private_tmp):
    as_csv = export_response(Table("T", ["a"], []), "matrice", "csv")
    as_xlsx = export_response(Table("T", ["a"], []), "matrice", "xlsx")

    assert isinstance(as_csv, StreamingHttpResponse)
    assert not isinstance(as_csv, FileResponse)
    assert 'filename="matrice.csv"' in as_csv["Content-Disposition"]
    assert isinstance(as_xlsx, FileResponse)
    assert 'filename="matrice.xlsx"' in as_xlsx["Content-Disposition"]
    as_xlsx.close()


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "", "xlsx/../csv"])
def test_export_response_unknown_format_is_404(fmt):
    with pytest.raises(Http404):
        export_response(Table("T", ["a"], []), "matrice", fmt)
