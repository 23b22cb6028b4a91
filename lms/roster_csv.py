"""Read a learner roster CSV (bulk import into a cohort) into a preview.

Trainers upload files exported from Excel or LibreOffice by associations in
France, Portugal, Spain and Italy: UTF-8 with or without a BOM, or Windows
cp1252; commas, semicolons (French Excel) or tabs; headers in any of the
platform's five languages.

This module is pure on purpose: standard library only, no Django, no
database. ``parse_roster`` turns the uploaded bytes into a ``ParsedRoster``,
the rows that would be imported and the row-level errors with the line
numbers the file shows, so the trainer sees and fixes every problem before
anything is written. Nothing here writes or looks anything up. Duplicates are
only detected within one file: making a second import of the same file
harmless (idempotent) is the job of the database layer that performs the
import, not of this parser.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

LANGUAGES = ("fr", "en", "pt", "es", "it")

REQUIRED_COLUMNS = ("email", "first_name", "last_name")
COLUMNS = (*REQUIRED_COLUMNS, "language")
MAX_NAME_LENGTH = 150  # Django's User.first_name / last_name
MAX_EMAIL_LENGTH = 254


@dataclass(frozen=True)
class RosterRow:
    line: int  # physical line of the row's start in the file; the header is 1
    email: str  # stripped, lower-cased
    first_name: str
    last_name: str
    language: str  # one of LANGUAGES, or "" when the column is absent or empty


@dataclass(frozen=True)
class RowError:
    line: int
    code: str
    value: str  # the offending value, for display; may be ""


@dataclass(frozen=True)
class ParsedRoster:
    rows: tuple[RosterRow, ...]
    errors: tuple[RowError, ...]
    file_error: str = ""
    encoding: str = ""
    missing_columns: tuple[str, ...] = ()


# Whole-file problems (ParsedRoster.file_error).
EMPTY = "empty"
NOT_CSV = "not_csv"
MALFORMED = "malformed"
MISSING_COLUMNS = "missing_columns"
TOO_MANY_ROWS = "too_many_rows"

# Row problems (RowError.code), in the order they are checked: a row reports
# only the first that applies.
MISSING_EMAIL = "missing_email"
INVALID_EMAIL = "invalid_email"
MISSING_NAME = "missing_name"
INVALID_LANGUAGE = "invalid_language"
DUPLICATE = "duplicate"
NAME_TOO_LONG = "name_too_long"


# -- Header and value vocabularies ------------------------------------------

_HEADER_ALIASES = {
    "email": (
        "email",
        "e-mail",
        "mail",
        "email address",
        "courriel",
        "adresse e-mail",
        "adresse mail",
        "adresse courriel",
        "correo",
        "correo electrónico",
        "correo-e",
        "endereço de e-mail",
        "endereço eletrónico",
        "endereço electrónico",
        "correio eletrónico",
        "correio electrónico",
        "posta elettronica",
        "indirizzo e-mail",
    ),
    "first_name": (
        "first name",
        "given name",
        "forename",
        "prénom",
        "nome",  # Portuguese and Italian: the first name
        "primeiro nome",
        "nombre",
    ),
    "last_name": (
        "last name",
        "surname",
        "family name",
        "nom",  # French: the family name
        "nom de famille",
        "apelido",
        "apelidos",
        "apellido",
        "apellidos",
        "cognome",
        "sobrenome",
        "último nome",
        "nome de família",
    ),
    "language": (
        "language",
        "lang",
        "preferred language",
        "langue",
        "idioma",
        "língua",
    ),
}

_LANGUAGE_NAMES = {
    "fr": ("français", "french", "francés", "francese", "francês"),
    "en": ("english", "anglais", "inglés", "inglese", "inglês"),
    "pt": ("português", "portuguese", "portugais", "portugués", "portoghese"),
    "es": (
        "español",
        "spanish",
        "espagnol",
        "spagnolo",
        "espanhol",
        "castellano",
        "castillan",
        "castelhano",
    ),
    "it": ("italiano", "italian", "italien"),
}

# Primary language subtags: the codes themselves and their ISO 639-2 forms.
_LANGUAGE_CODES = {code: code for code in LANGUAGES} | {
    "fra": "fr",
    "fre": "fr",
    "eng": "en",
    "por": "pt",
    "spa": "es",
    "ita": "it",
}
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")


def _fold(value: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "Prénom " → "prenom",
    "E-mail" → "email", "first_name" → "firstname"."""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "", bare.casefold())


def _lookup(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, words in vocabulary.items():
        for word in words:
            key = _fold(word)
            if table.setdefault(key, canonical) != canonical:
                raise ValueError(f"{word!r} is ambiguous")
    return table


_HEADER_LOOKUP = _lookup(_HEADER_ALIASES)
_LANGUAGE_LOOKUP = _lookup(_LANGUAGE_NAMES)


# -- Bytes to text ----------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"


def _cp1252_table() -> dict[int, str]:
    """What cp1252 makes of 0x80-0x9F, for text decoded as Latin-1 first. The
    five bytes cp1252 leaves undefined keep their Latin-1 meaning."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252_TABLE = _cp1252_table()


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(_UTF8_BOM):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[len(_UTF8_BOM) :]
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1").translate(_CP1252_TABLE), "latin-1"


# -- Text to records --------------------------------------------------------

_DELIMITERS = (";", ",", "\t")  # ties go to the first
_EDGE_SPACE = re.compile(
    r"^[\s\u200b\u200c\u200d\u2060\ufeff]+|[\s\u200b\u200c\u200d\u2060\ufeff]+$"
)


def _clean(cell: str) -> str:
    """NFC (decomposed accents from macOS become single characters, so equal
    names and addresses compare equal) and stripped, non-breaking and
    zero-width spaces included."""
    return _EDGE_SPACE.sub("", unicodedata.normalize("NFC", cell))


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted  # a doubled quote toggles twice: no change
        elif char == delimiter and not quoted:
            count += 1
    return count


def _recognised_columns(line: str, delimiter: str) -> int:
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return len({_HEADER_LOOKUP.get(_fold(cell)) for cell in cells} - {None})


def _detect_delimiter(text: str) -> str:
    """The delimiter of the header line (the first with any letter or digit):
    the one that splits it into the most known column names, then the one
    that occurs most often outside quotes."""
    lines = io.StringIO(text, newline="")
    line = next((x for x in lines if any(char.isalnum() for char in x)), "")
    return max(
        _DELIMITERS,
        key=lambda delimiter: (
            _recognised_columns(line, delimiter),
            _count_outside_quotes(line, delimiter),
        ),
    )


def _records(reader):
    """(line, cleaned cells) for each record that is not blank, line being
    the physical line the record starts on: csv.reader's line_num is the line
    a record ends on, which differs when a quoted cell spans several lines."""
    start = 1
    for record in reader:
        cells = [_clean(cell) for cell in record]
        if any(cells):
            yield start, cells
        start = reader.line_num + 1


# -- Values -----------------------------------------------------------------

_LOCAL_FORBIDDEN = re.compile(r'[\s\x00-\x1f\x7f"(),:;<>@\[\\\]]')
_DOMAIN_LABEL = re.compile(r"[^\W_]+(?:-+[^\W_]+)*")  # letters, digits, inner -


def _is_plausible_email(value: str) -> bool:
    """Deliberately simple: one @, a local part without spaces or quoting
    (international letters and + are fine), a dotted domain of non-empty
    labels. Whether the address exists is for the invitation e-mail to find."""
    if len(value) > MAX_EMAIL_LENGTH or value.count("@") != 1:
        return False
    local, domain = value.split("@")
    if (
        not local
        or _LOCAL_FORBIDDEN.search(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        return False
    labels = domain.split(".")  # an empty label: a leading, trailing or double dot
    if len(labels) < 2 or not all(_DOMAIN_LABEL.fullmatch(x) for x in labels):
        return False
    return len(labels[-1]) >= 2 and not labels[-1].isdigit()


def _parse_language(value: str) -> str | None:
    """A code among LANGUAGES ("pt-PT", "fr_FR", "ENG" included) for a code
    or a language name in the five languages; None if not recognised."""
    tag = _LANGUAGE_TAG.fullmatch(value.casefold())
    if tag and tag.group(1) in _LANGUAGE_CODES:
        return _LANGUAGE_CODES[tag.group(1)]
    return _LANGUAGE_LOOKUP.get(_fold(value))


def _check_row(
    line: int, cells: list[str], columns: dict[str, int], seen: set[str]
) -> RosterRow | RowError:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    raw_email = cell("email")
    if not raw_email:
        return RowError(line, MISSING_EMAIL, "")
    if not _is_plausible_email(raw_email):
        return RowError(line, INVALID_EMAIL, raw_email)
    first_name, last_name = cell("first_name"), cell("last_name")
    if not first_name or not last_name:
        return RowError(line, MISSING_NAME, "")
    raw_language = cell("language")
    language = _parse_language(raw_language) if raw_language else ""
    if language is None:
        return RowError(line, INVALID_LANGUAGE, raw_language)
    email = raw_email.lower()
    if email in seen:
        return RowError(line, DUPLICATE, email)
    for name in (first_name, last_name):
        if len(name) > MAX_NAME_LENGTH:
            return RowError(line, NAME_TOO_LONG, name)
    return RosterRow(line, email, first_name, last_name, language)


# -- Entry point ------------------------------------------------------------


def _file_error(code: str, encoding: str = "", missing=()) -> ParsedRoster:
    return ParsedRoster((), (), code, encoding, tuple(missing))


def parse_roster(data: bytes, *, max_rows: int = 2000) -> ParsedRoster:
    """Parse an uploaded roster file into rows to import and row errors.

    A whole-file problem sets ``file_error`` (and leaves rows and errors
    empty): "not_csv", "empty", "malformed", "missing_columns" (with
    ``missing_columns``) or "too_many_rows" (more than ``max_rows`` non-blank
    data rows). ``encoding`` is what was detected, whenever the bytes could be
    decoded.
    """
    if b"\x00" in data:  # UTF-16, .xlsx, .xls, .ods: never a text CSV
        return _file_error(NOT_CSV)
    text, encoding = _decode(data)
    if not text.strip():
        return _file_error(EMPTY, encoding)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=_detect_delimiter(text),
        quotechar='"',
        skipinitialspace=True,
        strict=True,  # an unterminated quote is an error, not a giant cell
    )
    try:
        return _parse_records(_records(reader), encoding, max_rows)
    except csv.Error:
        return _file_error(MALFORMED, encoding)


def _parse_records(records, encoding: str, max_rows: int) -> ParsedRoster:
    header = next(records, None)
    if header is None:  # nothing but blank lines and delimiters
        return _file_error(EMPTY, encoding)
    columns: dict[str, int] = {}
    for index, name in enumerate(header[1]):
        canonical = _HEADER_LOOKUP.get(_fold(name))
        if canonical:
            columns.setdefault(canonical, index)  # the first such column wins
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        return _file_error(MISSING_COLUMNS, encoding, missing)

    rows: list[RosterRow] = []
    errors: list[RowError] = []
    seen: set[str] = set()
    for count, (line, cells) in enumerate(records, start=1):
        if count > max_rows:
            return _file_error(TOO_MANY_ROWS, encoding)
        outcome = _check_row(line, cells, columns, seen)
        if isinstance(outcome, RowError):
            errors.append(outcome)
        else:
            rows.append(outcome)
            seen.add(outcome.email)
    return ParsedRoster(tuple(rows), tuple(errors), encoding=encoding)
