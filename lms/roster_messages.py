"""What a trainer reads about a roster file, on the import page and from the API.

The parser (``roster_csv``) is pure and speaks in codes; these are the
sentences for them, in the reader's language.
"""

from django.utils.translation import gettext_lazy

ROW_ERRORS = {
    "missing_email": gettext_lazy("the e-mail address is missing"),
    "invalid_email": gettext_lazy("this is not a valid e-mail address"),
    "missing_name": gettext_lazy("the first or last name is missing"),
    "name_too_long": gettext_lazy("the name is too long (150 characters at most)"),
    "invalid_language": gettext_lazy("unknown language (use fr, en, pt, es or it)"),
    "duplicate": gettext_lazy("this address already appears earlier in the file"),
}
FILE_ERRORS = {
    "empty": gettext_lazy("The file is empty."),
    "not_csv": gettext_lazy(
        "This is not a CSV file. In your spreadsheet, use “Save as” → CSV."
    ),
    "malformed": gettext_lazy(
        "The file could not be read as CSV (a quotation mark is not closed)."
    ),
    "too_many_rows": gettext_lazy("The file has too many rows: import it in parts."),
    "missing_columns": gettext_lazy("Columns are missing: %(columns)s."),
}
COLUMN_LABELS = {
    "email": gettext_lazy("e-mail"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "language": gettext_lazy("language"),
}


def file_error_message(parsed) -> str:
    """The sentence a trainer reads for a whole-file problem."""
    message = str(FILE_ERRORS.get(parsed.file_error, FILE_ERRORS["malformed"]))
    if parsed.file_error == "missing_columns":
        columns = ", ".join(str(COLUMN_LABELS[c]) for c in parsed.missing_columns)
        message = message % {"columns": columns}
    return message
