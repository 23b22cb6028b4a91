"""Every interface string exists in five languages; the .mo files are current."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po"))
TRANSLATED = [po for po in CATALOGUES if po.parts[-3] != "en"]


def test_every_room_has_a_catalogue_per_language():
    found = {(po.parts[-5], po.parts[-3]) for po in CATALOGUES}
    for room in ["cms", "lms", "mediation", "media"]:
        for code in ["fr", "en", "pt", "es", "it"]:
            assert (room, code) in found


@pytest.mark.parametrize("po_path", TRANSLATED, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_catalogue_is_complete(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [] and fuzzy == []
    copies = [
        e.msgid
        for e in catalogue.translated_entries()
        if e.msgstr == e.msgid and len(e.msgid.split()) > 2
    ]
    assert copies == [], "English left untranslated"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_compiled_catalogue_matches_its_source(po_path):
    source = polib.pofile(str(po_path))
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled_strings = {
        (entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled
    }
    for entry in source.translated_entries():
        if entry.msgid_plural:
            continue
        key = (entry.msgctxt, entry.msgid)
        assert compiled_strings.get(key) == entry.msgstr, key
