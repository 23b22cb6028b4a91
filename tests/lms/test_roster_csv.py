"""The roster CSV parser: bytes in, an import preview out. No database."""

import ast
import sys
from pathlib import Path

import pytest

from lms import roster_csv
from lms.roster_csv import LANGUAGES, ParsedRoster, RosterRow, RowError, parse_roster


def parse(text: str, encoding: str = "utf-8", **kwargs) -> ParsedRoster:
    return parse_roster(text.encode(encoding), **kwargs)


def test_the_module_uses_the_standard_library_only():
    tree = ast.parse(Path(roster_csv.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert "csv" in imported
    assert imported <= sys.stdlib_module_names, imported - sys.stdlib_module_names


# -- Encodings ----------------------------------------------------------------


def test_utf8_without_bom():
    result = parse("email,first_name,last_name\nzoe@example.org,Zoé,Łukasiewicz\n")
    assert result == ParsedRoster(
        rows=(RosterRow(2, "zoe@example.org", "Zoé", "Łukasiewicz", ""),),
        errors=(),
        encoding="utf-8",
    )


def test_utf8_with_bom_does_not_leak_into_the_first_column_name():
    result = parse("E-mail;Prénom;Nom\nana@example.org;Ana;Brandão\n", "utf-8-sig")
    assert result.file_error == ""
    assert result.encoding == "utf-8-sig"
    assert result.rows == (RosterRow(2, "ana@example.org", "Ana", "Brandão", ""),)


def test_utf8_bom_before_a_quoted_first_header_cell():
    result = parse('"Courriel";"Prénom";"Nom"\r\na@example.org;Éa;Ôb\r\n', "utf-8-sig")
    assert result.encoding == "utf-8-sig"
    assert result.rows == (RosterRow(2, "a@example.org", "Éa", "Ôb", ""),)


def test_windows_cp1252_file_is_reported_as_latin1():
    data = "Prénom;Nom;Courriel\nHélène;Dupré;helene@example.org".encode("cp1252")
    result = parse_roster(data)
    assert result.encoding == "latin-1"
    assert result.errors == ()
    assert result.rows == (RosterRow(2, "helene@example.org", "Hélène", "Dupré", ""),)


def test_cp1252_specific_characters_are_decoded_as_cp1252():
    # Œ, œ and ’ live in 0x80-0x9F, where Latin-1 has control characters.
    data = "Prénom;Nom;Courriel\nChloë;Lœuvre d’Orléans;c@example.fr\n"
    result = parse(data, "cp1252")
    assert result.encoding == "latin-1"
    assert result.rows[0].last_name == "Lœuvre d’Orléans"
    assert result.rows[0].first_name == "Chloë"


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1():
    data = b"email;first_name;last_name\nx@example.org;Jo\x81;Caf\xe9\n"
    result = parse_roster(data)
    assert result.encoding == "latin-1"
    assert result.rows == (RosterRow(2, "x@example.org", "Jo\x81", "Café", ""),)


def test_one_invalid_utf8_byte_late_in_the_file_makes_the_whole_file_latin1():
    data = "email;first_name;last_name\na@example.org;Zoé;Ruiz\n".encode() + (
        "b@example.org;Inês;Antão\n".encode("cp1252")
    )
    result = parse_roster(data)
    assert result.encoding == "latin-1"
    # The UTF-8 row is read as cp1252 (mojibake): the trainer sees it in the
    # preview; nothing is guessed cell by cell.
    assert [row.first_name for row in result.rows] == ["ZoÃ©", "Inês"]


def test_bom_followed_by_invalid_utf8_is_read_as_latin1_without_the_bom():
    data = b"\xef\xbb\xbf" + "Courriel;Prénom;Nom\na@example.org;Zoé;Nuñez\n".encode(
        "cp1252"
    )
    result = parse_roster(data)
    assert result.encoding == "latin-1"
    assert result.rows == (RosterRow(2, "a@example.org", "Zoé", "Nuñez", ""),)


# -- Whole-file problems ------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n\t\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", b"\n;;;\n ; ; \n"],
)
def test_empty_files(data):
    result = parse_roster(data)
    assert result.file_error == "empty"
    assert (result.rows, result.errors, result.missing_columns) == ((), (), ())


@pytest.mark.parametrize(
    "data",
    [
        "email,first_name,last_name\na@example.org,A,B\n".encode("utf-16"),
        "email,first_name,last_name\n".encode("utf-16-le"),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
        b"email,first_name,last_name\na@example.org,A\x00,B\n",
    ],
    ids=["utf-16", "utf-16-le-no-bom", "xlsx", "stray-nul"],
)
def test_bytes_with_nul_are_not_csv(data):
    assert parse_roster(data) == ParsedRoster((), (), file_error="not_csv")


def test_unterminated_quote_is_malformed():
    text = 'email;prénom;nom\na@example.org;Ana;Silva\nb@example.org;"Bruno;Costa\n'
    result = parse(text)
    assert result == ParsedRoster((), (), file_error="malformed", encoding="utf-8")


def test_text_after_a_closing_quote_is_malformed():
    result = parse('email,first_name,last_name\na@example.org,"Jean" Pierre,Roy\n')
    assert result.file_error == "malformed"
    assert (result.rows, result.errors) == ((), ())


def test_quotes_inside_an_unquoted_cell_are_kept():
    result = parse('email,first_name,last_name\na@example.org,Jean "JJ",Roy\n')
    assert result.rows == (RosterRow(2, "a@example.org", 'Jean "JJ"', "Roy", ""),)


def test_more_rows_than_max_rows():
    rows = "".join(f"l{n}@example.org;L;N\n" for n in range(4))
    result = parse("courriel;prénom;nom\n" + rows, max_rows=3)
    assert result == ParsedRoster((), (), file_error="too_many_rows", encoding="utf-8")


def test_max_rows_counts_invalid_rows_but_not_blank_lines():
    text = "courriel;prénom;nom\na@example.org;A;B\n\n;;\nnot-an-email;C;D\n\n"
    result = parse(text, max_rows=2)
    assert result.file_error == ""
    assert [row.line for row in result.rows] == [2]
    assert result.errors == (RowError(5, "invalid_email", "not-an-email"),)
    assert parse(text + "c@example.org;E;F\n", max_rows=2).file_error == (
        "too_many_rows"
    )


def test_default_max_rows_is_2000():
    header = "email,first_name,last_name\n"
    rows = [f"learner{n}@example.org,First,Last\n" for n in range(2001)]
    assert len(parse(header + "".join(rows[:2000])).rows) == 2000
    assert parse(header + "".join(rows)).file_error == "too_many_rows"


# -- Delimiters ---------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(delimiter):
    lines = [
        ["Email", "First name", "Last name", "Language"],
        ["ana@example.org", "Ana", "Silva", "pt"],
        ["marc@example.org", "Marc", "Roux", "fr"],
    ]
    text = "\n".join(delimiter.join(cells) for cells in lines) + "\n"
    result = parse(text)
    assert result.errors == ()
    assert result.rows == (
        RosterRow(2, "ana@example.org", "Ana", "Silva", "pt"),
        RosterRow(3, "marc@example.org", "Marc", "Roux", "fr"),
    )


def test_commas_inside_cells_of_a_semicolon_file():
    text = (
        "Nom;Prénom;Courriel;Remarques, notes, divers\n"
        "Martin, Jr;Paul;paul@example.fr;vient le lundi, pas le mardi, ni jeudi\n"
    )
    result = parse(text)
    assert result.rows == (RosterRow(2, "paul@example.fr", "Paul", "Martin, Jr", ""),)


def test_delimiters_inside_quoted_header_cells_are_not_counted():
    text = (
        'email,"notes; remarks; other; misc",first_name,last_name\n'
        'a@example.org,"x; y; z",Ana,Reis\n'
    )
    result = parse(text)
    assert result.rows == (RosterRow(2, "a@example.org", "Ana", "Reis", ""),)


def test_spaces_after_the_delimiter_before_a_quote():
    text = 'email, "first name", "last name"\na@example.org, "Ana, Maria", "Reis"\n'
    result = parse(text)
    assert result.rows == (RosterRow(2, "a@example.org", "Ana, Maria", "Reis", ""),)


# -- Headers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Prénom;Nom;Courriel;Langue", "Élise;Moreau;elise@example.fr;français"),
        ("Nome;Apelido;Endereço de e-mail;Língua", "Élise;Moreau;elise@example.fr;fr"),
        ("Nome;Sobrenome;E-mail;Idioma", "Élise;Moreau;elise@example.fr;Francês"),
        (
            "Nombre;Apellidos;Correo electrónico;Idioma",
            "Élise;Moreau;elise@example.fr;fr",
        ),
        ("Nome;Cognome;Posta elettronica;Lingua", "Élise;Moreau;elise@example.fr;fr"),
        ("First name,Surname,E-mail,Language", "Élise,Moreau,elise@example.fr,fr"),
        ("first_name\tlast_name\tEMAIL\tlang", "Élise\tMoreau\telise@example.fr\tfr"),
    ],
    ids=["fr", "pt", "pt-br", "es", "it", "en", "snake-tab"],
)
def test_headers_in_the_five_languages(header, row):
    result = parse(f"{header}\n{row}\n")
    assert result.errors == ()
    assert result.rows == (RosterRow(2, "elise@example.fr", "Élise", "Moreau", "fr"),)


def test_nome_is_a_first_name_and_nom_a_last_name():
    pt = parse("Apelido;Nome;Email\nSousa;Rita;rita@example.pt\n")
    fr = parse("Prénom;Nom;Email\nRita;Sousa;rita@example.pt\n")
    expected = (RosterRow(2, "rita@example.pt", "Rita", "Sousa", ""),)
    assert pt.rows == fr.rows == expected


EMAIL_HEADERS = [
    "email",
    "e-mail",
    "mail",
    "courriel",
    "adresse e-mail",
    "correo",
    "correo electronico",
    "posta elettronica",
    "Correo electrónico",
    "E_MAIL",
    "Adresse E-Mail",
]
FIRST_NAME_HEADERS = [
    "first name",
    "firstname",
    "given name",
    "prénom",
    "prenom",
    "nome",
    "nombre",
    "FIRST_NAME",
    "First-Name",
]
LAST_NAME_HEADERS = [
    "last name",
    "lastname",
    "surname",
    "family name",
    "nom",
    "nom de famille",
    "apelido",
    "apellido",
    "apellidos",
    "cognome",
    "sobrenome",
    "NOM_DE_FAMILLE",
]
LANGUAGE_HEADERS = ["language", "lang", "langue", "idioma", "língua", "lingua", "LANG"]


@pytest.mark.parametrize("name", EMAIL_HEADERS)
def test_email_header_names(name):
    result = parse(f"{name};Prénom;Nom\nx@example.org;Ana;Lima\n")
    assert result.rows == (RosterRow(2, "x@example.org", "Ana", "Lima", ""),)


@pytest.mark.parametrize("name", FIRST_NAME_HEADERS)
def test_first_name_header_names(name):
    result = parse(f"Email;{name};Surname\nx@example.org;Ana;Lima\n")
    assert result.rows == (RosterRow(2, "x@example.org", "Ana", "Lima", ""),)


@pytest.mark.parametrize("name", LAST_NAME_HEADERS)
def test_last_name_header_names(name):
    result = parse(f"Email;First name;{name}\nx@example.org;Ana;Lima\n")
    assert result.rows == (RosterRow(2, "x@example.org", "Ana", "Lima", ""),)


@pytest.mark.parametrize("name", LANGUAGE_HEADERS)
def test_language_header_names(name):
    result = parse(f"Email;Prénom;Nom;{name}\nx@example.org;Ana;Lima;pt\n")
    assert result.rows == (RosterRow(2, "x@example.org", "Ana", "Lima", "pt"),)


def test_header_names_ignore_case_accents_spaces_and_punctuation():
    text = "  PRÉNOM ;Nom-De-Famille;  Courriel * ;LANGUE\nAna;Lima;x@example.org;PT\n"
    assert parse(text).rows == (RosterRow(2, "x@example.org", "Ana", "Lima", "pt"),)


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("Prénom;Courriel", ("last_name",)),
        ("Nom;Langue", ("email", "first_name")),
        ("Langue;Nom;Prénom", ("email",)),
        ("Nome completo;Telefone;Cidade", ("email", "first_name", "last_name")),
        ("Alice;Martin;alice@example.org", ("email", "first_name", "last_name")),
    ],
)
def test_missing_required_columns(header, missing):
    result = parse(f"{header}\nx;y;z\n")
    assert result == ParsedRoster(
        (), (), file_error="missing_columns", encoding="utf-8", missing_columns=missing
    )


def test_extra_columns_and_extra_cells_are_ignored():
    text = (
        "Courriel;Téléphone;Prénom;Ville;Nom;Notes\n"
        "a@example.org;0601020304;Ana;Lyon;Lima;;extra;cells;beyond\n"
    )
    result = parse(text)
    assert result.errors == ()
    assert result.rows == (RosterRow(2, "a@example.org", "Ana", "Lima", ""),)


def test_the_first_of_two_columns_with_the_same_meaning_wins():
    text = "Email;Prénom;Nom;Courriel\na@example.org;Ana;Lima;other@example.org\n"
    assert parse(text).rows[0].email == "a@example.org"


def test_short_rows_have_their_missing_cells_empty():
    text = (
        "email,first_name,last_name,language\n"
        "a@example.org,Ana,Lima\n"
        "b@example.org,Bruno\n"
        "c@example.org\n"
    )
    result = parse(text)
    assert result.rows == (RosterRow(2, "a@example.org", "Ana", "Lima", ""),)
    assert result.errors == (
        RowError(3, "missing_name", ""),
        RowError(4, "missing_name", ""),
    )


# -- Lines and quoting --------------------------------------------------------


def test_blank_lines_are_skipped_and_line_numbers_stay_physical():
    text = (
        "\n"
        "  \n"
        "email;first_name;last_name\n"  # line 3
        "a@example.org;Ana;Lima\n"
        "\n"
        ";;\n"
        " ; ;  \n"
        "b@example.org;Bruno;Costa\n"  # line 8
        "bad;Carla;Dias\n"  # line 9
        "\n"
    )
    result = parse(text)
    assert [(row.line, row.email) for row in result.rows] == [
        (4, "a@example.org"),
        (8, "b@example.org"),
    ]
    assert result.errors == (RowError(9, "invalid_email", "bad"),)


def test_quoted_cells_with_commas_and_newlines_keep_later_line_numbers_right():
    text = (
        "email,first_name,last_name\n"  # 1
        '"a@example.org","Jean, dit ""JJ""",Dupont\n'  # 2
        'b@example.org,"Marie\n'  # 3
        'Claire",Martin\n'  # 4
        "c@example.org,Luc,Bernard\n"  # 5
        '"not an email",Zoé,"Multi\n'  # 6
        "line\n"  # 7
        'name"\n'  # 8
        "d@,X,Y\n"  # 9
    )
    result = parse(text)
    assert result.rows == (
        RosterRow(2, "a@example.org", 'Jean, dit "JJ"', "Dupont", ""),
        RosterRow(3, "b@example.org", "Marie\nClaire", "Martin", ""),
        RosterRow(5, "c@example.org", "Luc", "Bernard", ""),
    )
    assert result.errors == (
        RowError(6, "invalid_email", "not an email"),
        RowError(9, "invalid_email", "d@"),
    )


def test_windows_line_endings_with_embedded_line_breaks():
    text = (
        "Courriel;Prénom;Nom\r\n"
        'a@example.org;"Ana\r\nMaria";Lima\r\n'
        "\r\n"
        "b@example.org;Bruno;Costa\r\n"
    )
    result = parse(text, "cp1252")
    assert result.rows == (
        RosterRow(2, "a@example.org", "Ana\r\nMaria", "Lima", ""),
        RosterRow(5, "b@example.org", "Bruno", "Costa", ""),
    )


def test_old_mac_line_endings():
    text = "Courriel;Prénom;Nom\ra@example.org;Ana;Lima\r\rb@example.org;Bo;Rey\r"
    result = parse(text)
    assert [(row.line, row.email) for row in result.rows] == [
        (2, "a@example.org"),
        (4, "b@example.org"),
    ]


def test_cells_are_stripped_and_nfc_normalised():
    text = (
        "email;first_name;last_name\n"
        "  \u00a0Ana@Example.ORG\u200b ;\t Ine\u0301s\u00a0; Antão \n"
    )
    result = parse(text)
    assert result.rows == (RosterRow(2, "ana@example.org", "Inés", "Antão", ""),)


# -- E-mail addresses ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "jean.dupont",
        "jean@@example.org",
        "a@b@example.org",
        "jean dupont@example.org",
        "jean@exa mple.org",
        "jean@example",
        "jean@example..org",
        "jean..dupont@example.org",
        "@example.org",
        "jean@",
        "jean@.example.org",
        "jean@example.org.",
        ".jean@example.org",
        "jean.@example.org",
        "jean@-example.org",
        "jean@example.c",
        "jean@10.0.0.1",
        "Jean Dupont <jean@example.org>",
        "jean,marie@example.org",
        "jean@exam_ple.org",
        "x" * 243 + "@example.org",  # 255 characters
    ],
)
def test_implausible_email_addresses(value):
    result = parse(f"email;prénom;nom\n{value};Jean;Dupont\n")
    assert result.rows == ()
    assert result.errors == (RowError(2, "invalid_email", value),)


@pytest.mark.parametrize(
    ("value", "email"),
    [
        ("Élodie+Cohorte-3@Exemple.FR", "élodie+cohorte-3@exemple.fr"),
        ("maria_joão@sapo.pt", "maria_joão@sapo.pt"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("jose@correo.españa.es", "jose@correo.españa.es"),
        ("a@xn--mnchen-3ya.de", "a@xn--mnchen-3ya.de"),
        ("x@mail.example.co.uk", "x@mail.example.co.uk"),
        ("x" * 242 + "@example.org", "x" * 242 + "@example.org"),  # 254
    ],
)
def test_plausible_email_addresses_are_lower_cased(value, email):
    result = parse(f"email;prénom;nom\n{value};Jean;Dupont\n")
    assert result.errors == ()
    assert result.rows == (RosterRow(2, email, "Jean", "Dupont", ""),)


def test_missing_email():
    result = parse("email;prénom;nom\n;Jean;Dupont\n  ;Marie;Curie\n")
    assert result.rows == ()
    assert result.errors == (
        RowError(2, "missing_email", ""),
        RowError(3, "missing_email", ""),
    )


def test_duplicates_are_case_insensitive_and_the_first_is_kept():
    text = (
        "email;prénom;nom\n"
        "Ana@Example.org;Ana;Lima\n"
        "b@example.org;Bruno;Costa\n"
        " ana@EXAMPLE.org ;Ana Maria;Lima\n"
        "ana@example.org;Ana;Lima\n"
    )
    result = parse(text)
    assert result.rows == (
        RosterRow(2, "ana@example.org", "Ana", "Lima", ""),
        RosterRow(3, "b@example.org", "Bruno", "Costa", ""),
    )
    assert result.errors == (
        RowError(4, "duplicate", "ana@example.org"),
        RowError(5, "duplicate", "ana@example.org"),
    )


def test_a_rejected_row_does_not_make_a_later_one_a_duplicate():
    text = "email;prénom;nom\nana@example.org;;Lima\nana@example.org;Ana;Lima\n"
    result = parse(text)
    assert result.errors == (RowError(2, "missing_name", ""),)
    assert result.rows == (RosterRow(3, "ana@example.org", "Ana", "Lima", ""),)


# -- Names --------------------------------------------------------------------


def test_missing_first_or_last_name():
    text = "email;prénom;nom\na@example.org;;Lima\nb@example.org;Bruno;\n"
    result = parse(text)
    assert result.rows == ()
    assert result.errors == (
        RowError(2, "missing_name", ""),
        RowError(3, "missing_name", ""),
    )


def test_names_longer_than_150_characters():
    long_name = "É" * 151
    text = (
        "email;prénom;nom\n"
        f"a@example.org;{long_name};Lima\n"
        f"b@example.org;Bruno;{long_name}\n"
        f"c@example.org;{'C' * 150};{'D' * 150}\n"
    )
    result = parse(text)
    assert result.errors == (
        RowError(2, "name_too_long", long_name),
        RowError(3, "name_too_long", long_name),
    )
    assert result.rows == (RosterRow(4, "c@example.org", "C" * 150, "D" * 150, ""),)


# -- Languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("En", "en"),
        ("pt-PT", "pt"),
        ("pt_BR", "pt"),
        ("fr_FR", "fr"),
        ("es-419", "es"),
        ("it-IT", "it"),
        ("ENG", "en"),
        ("fra", "fr"),
        ("Français", "fr"),
        ("FRANCAIS", "fr"),
        ("french", "fr"),
        ("francés", "fr"),
        ("francese", "fr"),
        ("francês", "fr"),
        ("English", "en"),
        ("anglais", "en"),
        ("inglés", "en"),
        ("Inglese", "en"),
        ("inglês", "en"),
        ("Português", "pt"),
        ("portuguese", "pt"),
        ("portugais", "pt"),
        ("portugués", "pt"),
        ("portoghese", "pt"),
        ("Español", "es"),
        ("spanish", "es"),
        ("espagnol", "es"),
        ("spagnolo", "es"),
        ("espanhol", "es"),
        ("Castellano", "es"),
        ("italiano", "it"),
        ("Italian", "it"),
        ("ITALIEN", "it"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_language_codes_and_names(value, code):
    result = parse(f"email;prénom;nom;langue\na@example.org;Ana;Lima;{value}\n")
    assert result.errors == ()
    assert result.rows == (RosterRow(2, "a@example.org", "Ana", "Lima", code),)
    assert result.rows[0].language in (*LANGUAGES, "")


@pytest.mark.parametrize(
    "value", ["de", "Deutsch", "german", "f", "fr-", "français du Québec", "pt/br"]
)
def test_invalid_language(value):
    result = parse(f"email;prénom;nom;langue\na@example.org;Ana;Lima;{value}\n")
    assert result.rows == ()
    assert result.errors == (RowError(2, "invalid_language", value),)


def test_no_language_column():
    result = parse("email;prénom;nom\na@example.org;Ana;Lima\n")
    assert result.rows[0].language == ""


# -- Error priority and a realistic file ------------------------------------


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (";;;klingon", RowError(2, "missing_email", "")),
        ("not-an-email;;;klingon", RowError(2, "invalid_email", "not-an-email")),
        ("a@example.org;;;klingon", RowError(2, "missing_name", "")),
        (
            f"a@example.org;{'A' * 151};B;klingon",
            RowError(2, "invalid_language", "klingon"),
        ),
    ],
)
def test_a_row_reports_only_its_first_error(row, error):
    result = parse(f"email;prénom;nom;langue\n{row}\n")
    assert result.rows == ()
    assert result.errors == (error,)


def test_duplicate_comes_before_name_too_long():
    text = f"email;prénom;nom\na@example.org;A;B\nA@example.org;{'A' * 151};B\n"
    result = parse(text)
    assert result.errors == (RowError(3, "duplicate", "a@example.org"),)


def test_a_french_excel_export():
    text = (
        "Nom;Prénom;Adresse e-mail;Langue;Téléphone\r\n"
        "Dupré;Hélène;Helene.Dupre@Exemple.fr;Français;06 01 02 03 04\r\n"
        "Ferreira;João;joao@exemplo.pt;pt-PT;\r\n"
        ";;;;\r\n"
        "García;Lucía;lucia@;es;\r\n"
        "Rossi;;giulia@esempio.it;it;\r\n"
        "Smith;John;john@example.com;klingon;\r\n"
        "Dupré;Hélène;helene.dupre@exemple.fr;fr;\r\n"
    ).encode("cp1252")
    result = parse_roster(data=text)
    assert result.encoding == "latin-1"
    assert result.file_error == ""
    assert result.rows == (
        RosterRow(2, "helene.dupre@exemple.fr", "Hélène", "Dupré", "fr"),
        RosterRow(3, "joao@exemplo.pt", "João", "Ferreira", "pt"),
    )
    assert result.errors == (
        RowError(5, "invalid_email", "lucia@"),
        RowError(6, "missing_name", ""),
        RowError(7, "invalid_language", "klingon"),
        RowError(8, "duplicate", "helene.dupre@exemple.fr"),
    )
