"""A small network for the dashboard tests: one course, two partners in two
countries, one cohort each, and one person per role.

The course has two modules of two units.  Unit 1 of module 1 requires its
field assignment, unit 1 of module 2 requires an H5P activity (passing score
50 %, given in the raw stream data: the dashboards read rules, they never
play the activity); the two other units complete when marked done.  The
matrix therefore has six columns: unit, assignment, unit | unit, H5P, unit.

Progress rows are written directly (``ActivityProgress.objects.create``):
they are the dashboards' input, and folding statements is tested elsewhere.

Test modules take the fixtures by assigning them at module level
(``network = dashboard_fixtures.network``), which is how pytest finds them.
"""

import csv
import io
import uuid
from datetime import UTC, timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import constants, get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import Page, Site

from cms.models import HomePage
from cms.roles import (
    LEARNER,
    NETWORK_COORDINATOR,
    PARTNER_COORDINATOR,
    PARTNER_EDITOR,
    TRAINER,
)
from lms.activity import FIELD_ASSIGNMENT, H5P, activity_iri
from lms.models import ActivityProgress, Contribution, Enrollment, FieldReport
from tests.factories import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
    PartnerInstitutionFactory,
    UnitPageFactory,
    UserFactory,
    unit_body,
)
from tests.support.course_fixtures import publish

User = get_user_model()

LANGUAGE = "fr"
H5P_TITLE = "Quiz : le marché"
H5P_PASSING = 0.5

# -- Small helpers ---------------------------------------------------------------


def url(name, *args, **query) -> str:
    """A dashboard URL in the cohort's language, with its query string."""
    with translation.override(LANGUAGE):
        path = reverse(f"lms:{name}", args=args)
    if query:
        path += "?" + urlencode(query)
    return path


def words(text: str) -> str:
    """A message as the French pages show it (translated or not yet)."""
    with translation.override(LANGUAGE):
        return gettext(text)


def now():
    return timezone.now()


def days_ago(days: float):
    return now() - timedelta(days=days)


def stamp(moment) -> str:
    """A moment as the progress rows store it (UTC, RFC 3339, ``Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content(response) -> bytes:
    """The body of a page or of a streamed export."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def text_of(response) -> str:
    return content(response).decode("utf-8")


def csv_rows(response) -> list[list[str]]:
    """A CSV export parsed the way a spreadsheet would (BOM included)."""
    data = content(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(data)))


def xlsx_rows(response) -> list[tuple]:
    """An XLSX export's first sheet, one tuple per row."""
    workbook = load_workbook(io.BytesIO(content(response)), read_only=True)
    sheet = workbook.worksheets[0]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def xlsx_text(response) -> str:
    """Every cell of an XLSX export, as one text to search."""
    return "\n".join(
        " | ".join("" if value is None else str(value) for value in row)
        for row in xlsx_rows(response)
    )


def report_and_contribution(course, enrollment):
    """A field report waiting for feedback and a contribution to the first
    module, by the enrolled learner: what a learner's page lists."""
    report = FieldReport.objects.create(
        enrollment=enrollment,
        unit=course.units[0],
        assignment_id=uuid.uuid4(),
        assignment_title="Une marche au marché",
        body="Compte rendu",
        people_reached=12,
        status=FieldReport.Status.SUBMITTED,
        submitted_at=now(),
    )
    contribution = Contribution.objects.create(
        module=course.modules[0],
        module_key=course.modules[0].translation_key,
        course_key=course.page.translation_key,
        author=enrollment.learner,
        kind=Contribution.Kind.EXPERIENCE,
        title="Carte des lieux ressources",
        body="Une carte.",
    )
    return report, contribution


def queries_for(client, path) -> int:
    """How many queries a page (or a whole streamed download) takes."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if getattr(response, "streaming", False):
            content(response)
    assert response.status_code == 200, path
    return len(captured.captured_queries)


def warnings_of(response) -> list[str]:
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level == constants.WARNING
    ]


# -- Progress and enrolments -------------------------------------------------------


def progress(
    learner,
    iri,
    status=ActivityProgress.Status.COMPLETED,
    *,
    at=None,
    first_at=None,
    score=None,
    success=None,
):
    """One progress row, as the LRS would have folded it."""
    at = at or now()
    return ActivityProgress.objects.create(
        learner=learner,
        activity=iri,
        status=status,
        success=success,
        best_score=score,
        last_score=score,
        attempts=1,
        first_at=stamp(first_at or at),
        last_at=stamp(at),
    )


def complete_unit(learner, course, index, *, at=None, score=0.9):
    """What completing unit ``index`` leaves: its required activity done
    (or the unit marked done) and the unit's own completion."""
    unit = course.units[index]
    for iri, kind in course.requirements[index]:
        progress(learner, iri, at=at, score=score if kind == H5P else None)
    progress(learner, unit.activity_iri, at=at)


def complete_course(learner, course, *, at=None):
    """Every unit, every module and the course itself completed at ``at``."""
    for index in range(len(course.units)):
        complete_unit(learner, course, index, at=at)
    for module in course.modules:
        progress(learner, module.activity_iri, at=at)
    progress(learner, course.page.activity_iri, at=at)


def make_learner(**fields):
    return UserFactory(role=LEARNER, **fields)


def enrol(cohort, learner=None, *, created_at=None, status=None, **user_fields):
    """A learner in a cohort, enrolled at ``created_at`` (default now)."""
    learner = learner or make_learner(**user_fields)
    return Enrollment.objects.create(
        cohort=cohort,
        learner=learner,
        source=Enrollment.Source.ADDED,
        status=status or Enrollment.Status.ACTIVE,
        created_at=created_at or now(),
    )


def bulk_learners(cohort, count, *, prefix="masse", created_at=None):
    """Many learners at once (no password, no address row): for sizes."""
    start = User.objects.count()
    people = User.objects.bulk_create(
        User(
            username=f"{prefix}{start + n}@example.org",
            email=f"{prefix}{start + n}@example.org",
            first_name=f"Prénom{start + n}",
            last_name=f"{prefix.capitalize()}{start + n:05d}",
        )
        for n in range(count)
    )
    people = list(User.objects.filter(email__in=[p.email for p in people]))
    Enrollment.objects.bulk_create(
        Enrollment(
            cohort=cohort,
            learner=person,
            source=Enrollment.Source.ADDED,
            status=Enrollment.Status.ACTIVE,
            created_at=created_at or now(),
        )
        for person in people
    )
    return people


def h5p_block(*, required=True, passing_score=50):
    return {
        "type": "h5p_activity",
        "value": {
            "package": str(uuid.uuid4()),
            "title": H5P_TITLE,
            "required": required,
            "passing_score": passing_score,
        },
        "id": str(uuid.uuid4()),
    }


def new_cohort(network, **fields):
    """Another cohort of the course, trained by trainer A, for partner A."""
    fields.setdefault("course", network.course.page)
    fields.setdefault("partner", network.partner_a)
    fields.setdefault("trainers", [network.trainer_a])
    return CohortFactory(**fields)


# -- Fixtures ------------------------------------------------------------------------


@pytest.fixture
def dashboard_home(locales):
    """The French home as the site's root, without ``site_tree``'s four
    translations: the dashboards need a site, not a multilingual tree, and
    every test here builds one."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["fr"])
    )
    home = HomePage(title="Accueil Chaînon", slug="accueil", locale=locales["fr"])
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def dashboard_course(dashboard_home):
    """The French course: 2 modules × 2 units, with the required activities
    described in the module docstring, and the IRIs of each unit's columns."""
    catalogue = CourseIndexPageFactory(parent=dashboard_home)
    page = CoursePageFactory(parent=catalogue, title="Parcours Aller-vers")
    bodies = [
        unit_body("", required_assignment=True),
        unit_body(),
        [*unit_body(), h5p_block()],
        unit_body(),
    ]
    modules, units = [], []
    for m, module_title in enumerate(["Module Rencontrer", "Module Raconter"]):
        module = ModulePageFactory(parent=page, slug=f"module-{m}", title=module_title)
        modules.append(module)
        for u in range(2):
            units.append(
                UnitPageFactory(
                    parent=module,
                    slug=f"unit-{m}-{u}",
                    title=f"Séquence {m + 1}.{u + 1}",
                    body=bodies[len(units)],
                )
            )
    publish(catalogue)
    requirements = []
    for unit in units:
        found = []
        for block in unit.body.raw_data:
            value = block.get("value") or {}
            if block["type"] == "field_assignment" and value.get("required"):
                found.append((activity_iri(FIELD_ASSIGNMENT, block["id"]), "fa"))
            if block["type"] == "h5p_activity" and value.get("required"):
                found.append((activity_iri(H5P, block["id"]), H5P))
        requirements.append(found)
    assignment_iri = requirements[0][0][0]
    h5p_iri = requirements[2][0][0]
    return SimpleNamespace(
        catalogue=catalogue,
        page=page,
        modules=modules,
        units=units,
        requirements=requirements,
        assignment_iri=assignment_iri,
        h5p_iri=h5p_iri,
        # Matrix columns, in order: (module title, column title).
        column_titles=[
            (modules[0].title, units[0].title),
            (modules[0].title, "Une marche au marché"),
            (modules[0].title, units[1].title),
            (modules[1].title, units[2].title),
            (modules[1].title, H5P_TITLE),
            (modules[1].title, units[3].title),
        ],
    )


@pytest.fixture
def network(dashboard_course):
    """Two partners, two cohorts, one person per role (see the docstring)."""
    course = dashboard_course
    partner_a = PartnerInstitutionFactory(
        name="Musée Alpha", slug="musee-alpha", country="FR", city="Marseille"
    )
    partner_b = PartnerInstitutionFactory(
        name="Museo Bravo", slug="museo-bravo", country="IT", city="Torino"
    )
    trainer_a = UserFactory(
        role=TRAINER, first_name="Tania", last_name="Formatrice-Alpha"
    )
    trainer_b = UserFactory(role=TRAINER, first_name="Tito", last_name="Formatore-B")
    today = timezone.localdate()
    cohort_a = CohortFactory(
        name="Promotion Alpha",
        course=course.page,
        partner=partner_a,
        territory="Marseille nord",
        trainers=[trainer_a],
        start_date=today - timedelta(days=120),
        end_date=today + timedelta(days=60),
    )
    cohort_b = CohortFactory(
        name="Promotion Bravo",
        course=course.page,
        partner=partner_b,
        territory="Torino Aurora",
        trainers=[trainer_b],
        start_date=today - timedelta(days=120),
        end_date=today + timedelta(days=60),
    )
    learner_a = make_learner(
        first_name="Aurélie",
        last_name="Aubépine",
        email="aurelie.aubepine@example.org",
        username="aurelie.aubepine@example.org",
    )
    learner_b = make_learner(
        first_name="Bastien",
        last_name="Bergamote",
        email="bastien.bergamote@example.org",
        username="bastien.bergamote@example.org",
    )
    enrollment_a = enrol(cohort_a, learner_a, created_at=days_ago(40))
    enrollment_b = enrol(cohort_b, learner_b, created_at=days_ago(40))
    progress(learner_a, course.assignment_iri, at=days_ago(1))
    progress(learner_b, course.assignment_iri, at=days_ago(3))

    editor_a = UserFactory(role=PARTNER_EDITOR, partner=partner_a)
    editor_b = UserFactory(role=PARTNER_EDITOR, partner=partner_b)
    coordinator = UserFactory(role=NETWORK_COORDINATOR)
    partner_coordinator_a = UserFactory(role=PARTNER_COORDINATOR, partner=partner_a)
    partner_coordinator_nowhere = UserFactory(role=PARTNER_COORDINATOR)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    return SimpleNamespace(
        course=course,
        partner_a=partner_a,
        partner_b=partner_b,
        cohort_a=cohort_a,
        cohort_b=cohort_b,
        trainer_a=trainer_a,
        trainer_b=trainer_b,
        learner_a=learner_a,
        learner_b=learner_b,
        enrollment_a=enrollment_a,
        enrollment_b=enrollment_b,
        editor_a=editor_a,
        editor_b=editor_b,
        coordinator=coordinator,
        partner_coordinator_a=partner_coordinator_a,
        partner_coordinator_nowhere=partner_coordinator_nowhere,
        superuser=superuser,
        users={
            "anonymous": None,
            "learner_a": learner_a,
            "learner_b": learner_b,
            "editor_a": editor_a,
            "editor_b": editor_b,
            "trainer_a": trainer_a,
            "trainer_b": trainer_b,
            "network_coordinator": coordinator,
            "partner_coordinator_a": partner_coordinator_a,
            "partner_coordinator_nowhere": partner_coordinator_nowhere,
            "superuser": superuser,
        },
    )
