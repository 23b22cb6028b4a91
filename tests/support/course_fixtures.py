"""Fixture plugin: a small course tree, a cohort and its people, for the learning tests.

``course`` holds: the French catalogue under the site's home, a course with
two modules of two units each (every unit has a reflection question, a
checklist and a field assignment), its English translation (same block
ids), a cohort run by ``trainer`` with ``learner`` enrolled, and an
``outsider`` learner enrolled nowhere.
"""

from types import SimpleNamespace

import pytest
from wagtail.models import Page

from tests.factories import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrollmentFactory,
    ModulePageFactory,
    UnitPageFactory,
    UserFactory,
)


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def course(site_tree, locales, trainer, learner):
    home = site_tree["home"]["fr"]
    catalogue = CourseIndexPageFactory(parent=home)
    course_page = CoursePageFactory(parent=catalogue)
    modules, units = [], []
    for m in range(2):
        module = ModulePageFactory(parent=course_page, slug=f"module-{m}")
        modules.append(module)
        for u in range(2):
            units.append(UnitPageFactory(parent=module, slug=f"unit-{m}-{u}"))
    # Factories make live pages; one revision each is enough for the tests
    # that look at drafts and workflows.
    publish(catalogue)

    # The English version, made the way wagtail-localize makes it (a copy
    # with the same translation key and block ids), then made live.
    english = {}
    for page in [catalogue, course_page, *modules, *units]:
        translation = page.copy_for_translation(locales["en"], copy_parents=True)
        translation.slug = f"{page.slug}-en"
        translation.live = True
        translation.has_unpublished_changes = False
        translation.save()
        english[page.pk] = Page.objects.get(pk=translation.pk).specific

    cohort = CohortFactory(course=course_page, trainers=[trainer])
    enrollment = EnrollmentFactory(cohort=cohort, learner=learner)
    return SimpleNamespace(
        catalogue=catalogue,
        page=course_page,
        modules=modules,
        units=units,
        english=english,
        cohort=cohort,
        enrollment=enrollment,
        trainer=trainer,
        learner=learner,
        outsider=UserFactory(role="Learner"),
    )


def assignment_of(unit):
    return unit.tracked_blocks("field_assignment")[0]
