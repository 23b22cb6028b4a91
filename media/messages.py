"""What a refused upload tells its user, in the user's language.

The rules (``upload_rules``) name a refusal with a code; this module turns
each code into one sentence that says what went wrong and, where it can,
what to do about it.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from media.upload_rules import UploadRefused


def _size(value) -> str:
    return str(filesizeformat(value))


def refusal_message(error: UploadRefused) -> str:
    d = error.details
    messages = {
        "empty": lambda: _("The file is empty."),
        "too_large": lambda: (
            _("The file is too large (%(size)s); the maximum is %(max_size)s.")
            % {"size": _size(d["size"]), "max_size": _size(d["max_size"])}
        ),
        "type_not_allowed": lambda: (
            _(
                "Files of type %(content_type)s are not accepted here. "
                "Accepted: %(allowed)s."
            )
            % {"content_type": d["content_type"], "allowed": ", ".join(d["allowed"])}
        ),
        "bad_content_type": lambda: (
            _("“%(content_type)s” is not a valid file type.")
            % {"content_type": d["content_type"]}
        ),
        "bad_filename": lambda: _("The file name must contain letters or digits."),
        "unknown_target": lambda: _("This upload is not for a known file field."),
        "too_many_open": lambda: (
            _(
                "You already have %(limit)s unfinished uploads. "
                "Finish or cancel one first."
            )
            % {"limit": d["limit"]}
        ),
        "not_pending": lambda: (
            _("This upload is already %(state)s.") % {"state": d["state"]}
        ),
        "not_multipart": lambda: _("This upload is not sent in parts."),
        "not_local": lambda: _("This upload goes straight to the file storage."),
        "too_many_parts": lambda: (
            _("Ask for between 1 and %(limit)s parts at a time.")
            % {"limit": d["limit"]}
        ),
        "unknown_part": lambda: (
            _("This upload has no part %(number)s.") % {"number": d["number"]}
        ),
        "part_size_mismatch": lambda: (
            _(
                "Part %(number)s has %(size)s bytes instead of %(expected)s; "
                "the upload was rejected."
            )
            % d
        ),
        "size_mismatch": lambda: (
            _(
                "The file received has %(size)s bytes but %(expected)s were declared; "
                "it was not kept."
            )
            % d
        ),
        "type_mismatch": lambda: (
            _(
                "The file was sent as %(content_type)s but declared as %(expected)s; "
                "it was not kept."
            )
            % d
        ),
        "content_mismatch": lambda: (
            _(
                "The file's content is not of the declared type %(expected)s; "
                "it was not kept."
            )
            % d
        ),
        "incomplete": lambda: (
            _(
                "The transfer stopped after %(size)s of %(expected)s bytes; "
                "send the file again."
            )
            % d
        ),
        "missing": lambda: _(
            "The file has not reached the storage yet; send it before finishing."
        ),
        "parts_missing": lambda: (
            ngettext(
                "Part %(parts)s has not been received yet.",
                "Parts %(parts)s have not been received yet.",
                len(d["missing"]),
            )
            % {"parts": ", ".join(str(number) for number in d["missing"])}
        ),
        "bad_token": lambda: _(
            "This upload has expired or is not valid; please upload the file again."
        ),
    }
    return messages[error.code]()


def unavailable_message():
    return _(
        "The file storage is unavailable at the moment; nothing was saved. "
        "Please try again in a few minutes."
    )
