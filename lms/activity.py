"""Activity IRIs: the one name each trackable thing keeps for good.

xAPI statements, progress rows and exports all name a unit or a field
assignment by its IRI.  It is built from identifiers that survive what
editors do every day: a unit's Wagtail ``translation_key`` (shared by all
its translations, kept when the slug or title changes) and a block's own
UUID (kept by wagtail-localize in every translation).  The site root comes
from ``CHAINON_ACTIVITY_ROOT`` so moving the site to a new host name does
not rename every activity ever recorded.
"""

from uuid import UUID

from django.conf import settings

UNIT = "unit"
FIELD_ASSIGNMENT = "field-assignment"
COURSE = "course"
MODULE = "module"
H5P = "h5p"
# One embedding of a mediation resource in a unit (its block), not the
# resource itself: the same resource in two units is two activities.
MEDIATION_RESOURCE = "mediation-resource"


def activity_iri(kind: str, identifier: UUID | str) -> str:
    root = settings.CHAINON_ACTIVITY_ROOT.rstrip("/")
    return f"{root}/xapi/activities/{kind}/{UUID(str(identifier))}"
