"""The licences a course may carry.

Erasmus+ asks that project results be openly licensed, so the choice is
among Creative Commons licences, CC BY-SA 4.0 by default (share-alike keeps
derived courses open too).
"""

from django.utils.translation import gettext_lazy as _

LICENCES = [
    ("cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")),
    ("cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")),
    (
        "cc-by-nc-4.0",
        _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)"),
    ),
    (
        "cc-by-nc-sa-4.0",
        _(
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 "
            "(CC BY-NC-SA 4.0)"
        ),
    ),
    ("cc0-1.0", _("Creative Commons Zero, public domain (CC0 1.0)")),
]

LICENCE_URLS = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc-by-nc-sa-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}

DEFAULT_LICENCE = "cc-by-sa-4.0"
