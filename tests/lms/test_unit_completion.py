"""Marking units done: progress, completion of modules and the course, statements."""

import pytest
from django.urls import reverse

from lms.models import ActivityProgress, Statement

pytestmark = pytest.mark.django_db


def done_url(unit):
    return reverse("lms:unit-done", args=[unit.pk])


def test_marking_units_done_completes_the_module_then_the_course(client, course):
    client.force_login(course.learner)
    first, second = course.units[0], course.units[1]

    response = client.post(done_url(first))
    assert response["Location"] == second.url  # on to the next unit
    row = ActivityProgress.objects.get(
        learner=course.learner, activity=first.activity_iri
    )
    assert row.status == "completed"
    assert done_url(first) not in client.get(first.url).content.decode()

    client.post(done_url(second))
    module_done = Statement.objects.filter(activity=course.modules[0].activity_iri)
    assert module_done.count() == 1
    assert module_done.get().data["authority"]["account"]["name"] == "chainon"

    page = client.get(course.page.url)
    assert page.context["percent_done"] == 50
    assert page.context["done_units"] == {first.activity_iri, second.activity_iri}

    for unit in course.units[2:]:
        response = client.post(done_url(unit))
    assert response["Location"] == course.page.url
    assert Statement.objects.filter(activity=course.page.activity_iri).count() == 1
    assert client.get(course.page.url).context["percent_done"] == 100

    # Marking a unit again records nothing new about the module or course.
    before = Statement.objects.count()
    client.post(done_url(first))
    assert Statement.objects.count() == before + 1


def test_marking_done_is_for_people_who_may_open_the_unit(client, course):
    client.force_login(course.outsider)
    assert client.post(done_url(course.units[0])).status_code == 403
    assert not Statement.objects.exists()
    client.logout()
    assert client.post(done_url(course.units[0])).status_code == 302
    assert client.get(done_url(course.units[0])).status_code in (302, 405)
    assert not ActivityProgress.objects.exists()
