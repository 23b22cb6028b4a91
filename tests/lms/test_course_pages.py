"""The course tree: where pages may live, what they show, who may read units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from lms.models import CourseIndexPage, CoursePage, ModulePage, UnitPage
from tests.factories import UnitPageFactory
from tests.lms.conftest import assignment_of, publish

pytestmark = pytest.mark.django_db


class TestTreeRules(WagtailPageTestCase):
    def test_each_page_type_lives_in_its_place(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(UnitPage, {ModulePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {UnitPage})
        self.assertAllowedSubpageTypes(UnitPage, set())
        self.assertCanNotCreateAt(Page, CoursePage)


def test_course_and_module_pages_are_public(client, course):
    for page in [course.catalogue, course.page, course.modules[0]]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    body = client.get(course.page.url).content.decode()
    assert course.modules[0].title in body
    assert course.units[0].title in body
    assert "CC BY-SA 4.0" in body
    assert 'rel="license"' in body


def test_new_courses_carry_an_open_licence_by_default():
    assert CoursePage().licence == "cc-by-sa-4.0"


def test_anonymous_visitor_is_sent_to_sign_in(client, course):
    unit = course.units[0]
    response = client.get(unit.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=" in response["Location"]


def test_learner_not_enrolled_gets_enrol_first_page_without_content(client, course):
    client.force_login(course.outsider)
    response = client.get(course.units[0].url)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Qui ne vient jamais" not in body
    assert "Une marche au marché" not in body
    assert "join" in body


def test_enrolled_learner_reads_the_unit(client, course):
    client.force_login(course.learner)
    response = client.get(course.units[0].url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Qui ne vient jamais" in body
    assert "Une marche au marché" in body


def test_enrolment_in_the_french_cohort_opens_the_english_units(client, course):
    client.force_login(course.learner)
    english_unit = course.english[course.units[0].pk]
    assert client.get(english_unit.url).status_code == 200


def test_withdrawn_or_pending_learner_is_refused(client, course):
    client.force_login(course.learner)
    for status in ["withdrawn", "pending"]:
        course.enrollment.status = status
        course.enrollment.save()
        assert client.get(course.units[0].url).status_code == 403


def test_open_course_units_are_readable_by_anyone(client, course):
    course.page.is_open = True
    publish = course.page.save_revision()
    publish.publish()
    assert client.get(course.units[0].url).status_code == 200


def test_trainer_of_a_cohort_reads_units_as_staff(client, course):
    client.force_login(course.trainer)
    response = client.get(course.units[0].url)
    assert response.status_code == 200
    assert "as a trainer" in response.content.decode() or "formateur" in (
        response.content.decode().lower()
    )


def test_units_are_not_in_site_search(client, course):
    response = client.get("/fr/search/", {"q": "marché"})
    assert course.units[0].title not in response.content.decode()


def test_activity_iris_are_stable_and_shared_by_translations(course, settings):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    unit = course.units[0]
    english = course.english[unit.pk]
    assert unit.activity_iri == english.activity_iri
    assert unit.activity_iri == (
        f"https://chainon.example/xapi/activities/unit/{unit.translation_key}"
    )
    unit.slug = "renamed"
    unit.title = "Renamed"
    unit.save_revision().publish()
    unit.refresh_from_db()
    assert unit.activity_iri.endswith(str(english.translation_key))
    assert assignment_of(unit).id == assignment_of(english).id


def test_unit_pages_link_previous_and_next_units(client, course):
    client.force_login(course.learner)
    body = client.get(course.units[1].url).content.decode()
    assert f'href="{course.units[0].url}" rel="prev"' in body
    assert f'href="{course.units[2].url}" rel="next"' in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_unit_page_queries_do_not_grow_with_blocks_or_units(
    client, course, django_assert_max_num_queries
):
    client.force_login(course.learner)
    unit = course.units[0]
    client.get(unit.url)  # the first visit records it; later ones update it
    before = _queries(client, unit.url)
    unit.body = list(unit.body.raw_data) * 4
    unit.save_revision().publish()
    for n in range(5):
        publish(UnitPageFactory(parent=course.modules[0], slug=f"extra-{n}"))
    after = _queries(client, unit.url)
    assert after == before
    with django_assert_max_num_queries(40):
        client.get(unit.url)


def test_wagtail_localize_translates_a_unit_keeping_block_ids(course, locales):
    from wagtail_localize.models import TranslationSource

    unit = course.units[0]
    source, _created = TranslationSource.get_or_create_from_instance(unit)
    segments = {
        s.string.data for s in source.stringsegment_set.select_related("string")
    }
    assert "Qui ne vient jamais ?" in segments
    assert "Une marche au marché" in segments
    translation, _created = source.create_or_update_translation(
        locales["pt"], copy_parent_pages=True, fallback=True
    )
    assert translation.translation_key == unit.translation_key
    assert translation.activity_iri == unit.activity_iri
    assert [c.id for c in translation.body] == [c.id for c in unit.body]
    assert translation.duration_minutes == unit.duration_minutes


def test_unit_pages_name_their_activities_for_the_tracking_to_come(
    client, course, settings
):
    settings.CHAINON_ACTIVITY_ROOT = "https://chainon.example"
    client.force_login(course.learner)
    unit = course.units[0]
    body = client.get(unit.url).content.decode()
    assert f'data-activity-id="{unit.activity_iri}"' in body
    assignment = assignment_of(unit)
    iri = f"https://chainon.example/xapi/activities/field-assignment/{assignment.id}"
    assert f'data-activity-id="{iri}"' in body
    english = client.get(course.english[unit.pk].url).content.decode()
    assert f'data-activity-id="{iri}"' in english


def test_public_course_pages_keep_a_fixed_query_budget(
    client, course, django_assert_max_num_queries
):
    from lms.models import Contribution

    def contribute(n):
        module = course.modules[0]
        for i in range(n):
            Contribution.objects.create(
                module=module,
                module_key=module.translation_key,
                course_key=course.page.translation_key,
                author=course.learner,
                kind="experience",
                title=f"Récit {i}",
                body="Au marché.",
                status="accepted",
            )

    pages = [course.catalogue.url, course.page.url, course.modules[0].url]
    contribute(1)
    before = {url: _queries(client, url) for url in pages}
    contribute(12)
    for n in range(4):
        publish(UnitPageFactory(parent=course.modules[1], slug=f"plus-{n}"))
    after = {url: _queries(client, url) for url in pages}
    assert after == before
    for url in pages:
        with django_assert_max_num_queries(24):
            client.get(url)
