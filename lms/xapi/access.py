"""May a learner, through their session, record a statement about an activity?

Chaînon's own activities are named by IRIs under ``CHAINON_ACTIVITY_ROOT``
(``lms/activity.py``).  A learner may write about a unit they may open
(enrolment, or an open course), and about public courses and modules;
other activities of Chaînon's root that name nothing known are refused;
activities of other sites (an external tool's) are the client's concern.
"""

import re
import uuid

from django.conf import settings

from lms import activity
from lms.access import unit_access
from lms.models import CoursePage, ModulePage, UnitPage

KIND = re.compile(r"^/xapi/activities/(?P<kind>[a-z-]+)/(?P<key>[0-9a-fA-F-]{36})$")


def learner_may_write_about(user, iri: str) -> bool:
    root = settings.CHAINON_ACTIVITY_ROOT.rstrip("/")
    if not iri.startswith(root + "/"):
        return True
    match = KIND.match(iri[len(root) :])
    if match is None:
        return False
    try:
        key = uuid.UUID(match["key"])
    except ValueError:
        return False
    kind = match["kind"]
    if kind == activity.UNIT:
        unit = UnitPage.objects.live().filter(translation_key=key).first()
        return unit is not None and unit_access(user, unit).allowed
    if kind == activity.COURSE:
        return CoursePage.objects.live().filter(translation_key=key).exists()
    if kind == activity.MODULE:
        return ModulePage.objects.live().filter(translation_key=key).exists()
    # Field assignments, H5P activities and resources: checked by their
    # own rooms as they arrive (issues 5-7); nothing else is Chaînon's.
    return kind in (activity.FIELD_ASSIGNMENT, "h5p", "resource")
