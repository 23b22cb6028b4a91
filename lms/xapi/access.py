"""May a learner, through their session, record a statement about an activity?

Chaînon's own activities are named by IRIs under ``CHAINON_ACTIVITY_ROOT``
(``lms/activity.py``).  A learner may write about a unit they may open
(enrolment, or an open course), about the H5P activities of such a unit
(and their questions, ``<activity>?subContentId=…``) and the mediation
resources embedded in it (each embedding is a block), and about public
courses and modules; other activities of Chaînon's root that name nothing
known are refused; activities of other sites (an external tool's) are the
client's concern.
"""

import re
import uuid

from django.conf import settings

from lms import activity
from lms.access import unit_access
from lms.models import CoursePage, ModulePage, UnitPage

KIND = re.compile(
    r"^/xapi/activities/(?P<kind>[a-z0-9-]+)/(?P<key>[0-9a-fA-F-]{36})"
    r"(?:\?(?P<query>.*))?$"
)
# H5P names a question inside an activity by the activity's IRI and the
# question's id (a UUID in practice).
SUB_CONTENT = re.compile(r"^subContentId=[A-Za-z0-9._~-]{1,64}$")
H5P_BLOCK_TYPE = "h5p_activity"
#: Activities that are a block of a unit: the kind in the IRI, the block type.
BLOCK_KINDS = {
    activity.H5P: H5P_BLOCK_TYPE,
    activity.MEDIATION_RESOURCE: "mediation_resource",
}


def units_holding_block(block_type: str, block_id) -> list:
    """The live units whose body holds a block of this type and id: each
    translation of a unit keeps its blocks' ids.  The text search narrows
    the rows (it works on SQLite's text and PostgreSQL's jsonb cast to
    text); the raw data then confirms type and id."""
    key = str(block_id)
    candidates = UnitPage.objects.live().filter(body__icontains=key)
    return [
        unit
        for unit in candidates
        if any(
            block.get("type") == block_type and str(block.get("id", "")).lower() == key
            for block in unit.body.raw_data
        )
    ]


OUTSIDE = "outside"


def parse_iri(iri: str):
    """``(kind, key, query)`` of one of Chaînon's activity IRIs,
    ``(OUTSIDE, None, None)`` for another site's, ``None`` if malformed."""
    root = settings.CHAINON_ACTIVITY_ROOT.rstrip("/")
    if not iri.startswith(root + "/"):
        return OUTSIDE, None, None
    match = KIND.match(iri[len(root) :])
    if match is None:
        return None
    try:
        key = uuid.UUID(match["key"])
    except ValueError:
        return None
    return match["kind"], key, match["query"]


def learner_may_write_about(user, iri: str) -> bool:
    parsed = parse_iri(iri)
    if parsed is None:
        return False
    kind, key, query = parsed
    if kind == OUTSIDE:
        return True
    if query is not None and not (kind == activity.H5P and SUB_CONTENT.match(query)):
        return False
    if kind == activity.UNIT:
        unit = UnitPage.objects.live().filter(translation_key=key).first()
        return unit is not None and unit_access(user, unit).allowed
    if kind in BLOCK_KINDS:
        return any(
            unit_access(user, unit).allowed
            for unit in units_holding_block(BLOCK_KINDS[kind], key)
        )
    if kind == activity.COURSE:
        return CoursePage.objects.live().filter(translation_key=key).exists()
    if kind == activity.MODULE:
        return ModulePage.objects.live().filter(translation_key=key).exists()
    # A field assignment is completed by Chaînon when a trainer accepts the
    # report, never by the learner's own statement.  A mediation resource
    # is an activity only where a unit embeds it (its block, above).
    return False


def h5p_units(iri: str) -> list:
    """The live units holding the H5P block this IRI (or its question) names."""
    parsed = parse_iri(iri)
    if parsed is None or parsed[0] != activity.H5P:
        return []
    return units_holding_block(H5P_BLOCK_TYPE, parsed[1])
