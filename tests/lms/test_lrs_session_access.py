"""Through their session, learners record statements only about what they may open."""

import json

import pytest
from django.test import Client

from lms.models import Statement

pytestmark = pytest.mark.django_db

URL = "/xapi/statements"
HEADERS = {"HTTP_X_EXPERIENCE_API_VERSION": "2.0.0", "HTTP_X_CSRFTOKEN": "a" * 32}


def browser_for(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    browser.cookies["csrftoken"] = "a" * 32
    return browser


def completed(iri):
    return {
        "actor": {"mbox": "mailto:x@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": iri},
    }


def post(browser, body):
    return browser.post(
        URL, data=json.dumps(body), content_type="application/json", **HEADERS
    )


def test_an_enrolled_learner_records_their_units_and_public_pages(course, settings):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    browser = browser_for(course.learner)
    for iri in [
        course.units[0].activity_iri,
        course.english[course.units[1].pk].activity_iri,
        course.page.activity_iri,
        course.modules[0].activity_iri,
        "https://h5p.partner.example/activities/quiz-1",
    ]:
        assert post(browser, completed(iri)).status_code == 200, iri


def test_an_outsider_cannot_record_a_unit_of_a_course_they_do_not_follow(
    course, settings
):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    browser = browser_for(course.outsider)
    response = post(
        browser,
        [completed(course.page.activity_iri), completed(course.units[0].activity_iri)],
    )
    assert response.status_code == 403
    assert not Statement.objects.exists()  # nothing of the batch


def test_made_up_chainon_activities_are_refused(course, settings):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    browser = browser_for(course.learner)
    for iri in [
        "https://chainon.example/xapi/activities/unit/00000000-0000-4000-8000-000000000000",
        "https://chainon.example/xapi/activities/nothing/00000000-0000-4000-8000-000000000000",
        "https://chainon.example/admin/",
    ]:
        assert post(browser, completed(iri)).status_code == 403, iri
