"""The demo's H5P activity: a true/false question, in French, about taking
a group of habitant·es-relais to a museum.

It is the real H5P.TrueFalse 1.6 package that npm installs for the tests
(``h5p-fixture-truefalse``, an alias of h5p-standalone, whose
``test/full_workspace`` holds it unpacked), packed with its texts in
French and imported like any other package: checked, sanitised and
unpacked by ``media.h5p_tasks.import_package``, as ``manage.py import_h5p``
does.  The French texts of the buttons and messages are those of the
library's own ``language/fr.json``.

Seeding again finds the package by its checksum (the zip is deterministic)
or its title, and leaves it as it is.
"""

import copy
import hashlib
import io
import json
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model

from media.h5p.pack import pack_folder
from media.h5p_models import H5PPackage
from media.h5p_tasks import import_package, process

TRUEFALSE_NPM_ALIAS = "h5p-fixture-truefalse"
TRUEFALSE_WORKSPACE = (
    settings.NODE_MODULES_DIR / TRUEFALSE_NPM_ALIAS / "test" / "full_workspace"
)
# h5p-standalone's placeholder telling its users where to unpack content.
STRAY_FILES = frozenset({"H5P_CONTENT_HERE.txt"})

TITLE = "Vrai ou faux : une sortie au musée avec des habitant·es-relais"
FILE_NAME = "demo-vrai-faux-sortie-au-musee.h5p"
LANGUAGE = "fr"
MAIN_LIBRARY = "H5P.TrueFalse 1.6"
OWNER_EMAIL = "admin@chainon.example"

# The answer stays the original's: "false".
QUESTION = (
    "<p>Pour une sortie au musée avec un groupe d'habitant·es-relais, mieux vaut "
    "choisir seul·e la date et le programme de la visite, puis les leur "
    "annoncer.</p>\n"
)

# Only the text fields of the original content.json change, key for key.
FRENCH_TEXTS = {
    ("question",): QUESTION,
    ("l10n", "trueText"): "Vrai",
    ("l10n", "falseText"): "Faux",
    ("l10n", "score"): "Vous avez obtenu @score points sur un total de @total",
    ("l10n", "checkAnswer"): "Vérifier",
    ("l10n", "showSolutionButton"): "Voir la solution",
    ("l10n", "tryAgain"): "Recommencer",
    ("l10n", "wrongAnswerMessage"): "Réponse incorrecte",
    ("l10n", "correctAnswerMessage"): "Bonne réponse",
    # The player fills in :num and :total here (fr.json's @score is a slip).
    ("l10n", "scoreBarLabel"): "Vous avez obtenu :num points sur un total de :total",
    ("confirmCheck", "header"): "Terminer ?",
    ("confirmCheck", "body"): "Êtes-vous sûr·e de vouloir terminer ?",
    ("confirmCheck", "cancelLabel"): "Annuler",
    ("confirmCheck", "confirmLabel"): "Terminer",
    ("confirmRetry", "header"): "Recommencer ?",
    ("confirmRetry", "body"): "Êtes-vous sûr·e de vouloir recommencer ?",
    ("confirmRetry", "cancelLabel"): "Annuler",
    ("confirmRetry", "confirmLabel"): "Confirmer",
}


def french_content(original: dict) -> dict:
    """``original`` (TrueFalse's content.json) with its texts in French: the
    same keys, values changed only where a text of ``FRENCH_TEXTS`` is."""
    content = copy.deepcopy(original)
    for path, text in FRENCH_TEXTS.items():
        *parents, key = path
        node = content
        for name in parents:
            node = node.get(name) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get(key), str):
            node[key] = text
    return content


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def build_package(workspace=None) -> bytes:
    """The French true/false activity as deterministic .h5p bytes, from
    ``workspace`` (default: the npm package's)."""
    workspace = workspace or TRUEFALSE_WORKSPACE
    manifest = json.loads((workspace / "h5p.json").read_text(encoding="utf-8"))
    manifest.update(title=TITLE, language=LANGUAGE)
    content_path = workspace / "content" / "content.json"
    content = json.loads(content_path.read_text(encoding="utf-8"))
    return pack_folder(
        workspace,
        skip=STRAY_FILES,
        overrides={
            "h5p.json": _json(manifest),
            "content/content.json": _json(french_content(content)),
        },
    )


def _existing(checksum: str) -> H5PPackage | None:
    packages = H5PPackage.objects.exclude(status=H5PPackage.Status.REJECTED)
    return (
        packages.filter(checksum=checksum).first()
        or packages.filter(title=TITLE, main_library=MAIN_LIBRARY).first()
    )


def ensure_h5p_package(report: Callable[[str], None]) -> H5PPackage | None:
    """The demo's ready package, imported the first time; None (and a
    notice through ``report``) when the npm workspace is missing or the
    package is refused."""
    if not (TRUEFALSE_WORKSPACE / "h5p.json").is_file():
        report(
            f"Demo H5P activity skipped: {TRUEFALSE_WORKSPACE} is missing "
            f"(npm package {TRUEFALSE_NPM_ALIAS!r}; run `npm ci` or `make install`)."
        )
        return None
    data = build_package()
    package = _existing(hashlib.sha256(data).hexdigest())
    if package is not None and package.status == H5PPackage.Status.PROCESSING:
        package = process(package)  # restartable: finishes what a run began
    if package is None:
        owner = get_user_model().objects.filter(email__iexact=OWNER_EMAIL).first()
        package = import_package(io.BytesIO(data), FILE_NAME, title=TITLE, owner=owner)
    if package.status != H5PPackage.Status.READY:
        reasons = "; ".join(
            f"{reason['path'] or '(package)'}: {reason['message']}"
            for reason in package.reasons
        )
        report(f"Demo H5P activity skipped: the package was refused ({reasons}).")
        return None
    return package
