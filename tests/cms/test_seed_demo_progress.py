"""The demo's participants and their history: the trainers' and the
coordinators' dashboards have something to show, recorded as production
records it, and a second seed adds nothing.

Seeding takes a while, so the module seeds twice inside a transaction
rolled back at the end; each test runs in a savepoint of it.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from cms.demo import learners
from cms.models.profile import FewerOpportunity
from lms.course_progress import settle_completions
from lms.models import (
    ActivityProgress,
    Cohort,
    CoursePage,
    FieldReport,
    Statement,
)
from lms.progress import rebuild
from lms.reporting.privacy import is_suppressed, rounded
from tests.support.storage_fixtures import local_settings

pytestmark = pytest.mark.django_db

PROGRESS_FIELDS = ("learner_id", "activity", "status", "first_at", "last_at")


def _counts():
    return {
        "statements": Statement.objects.count(),
        "progress": ActivityProgress.objects.count(),
        "reports": FieldReport.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded twice; what the second run printed and changed."""
    storage = local_settings(tmp_path_factory.mktemp("progress"))
    with (
        override_settings(STORAGES={**settings.STORAGES, "default": storage}),
        django_db_blocker.unblock(),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            first = StringIO()
            call_command("seed_demo", "--force", stdout=first)
            before = _counts()
            second = StringIO()
            call_command("seed_demo", "--force", stdout=second)
            yield {
                "before": before,
                "after": _counts(),
                "first": first.getvalue(),
                "second": second.getvalue(),
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _url(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def _signed_in(client, email):
    client.force_login(get_user_model().objects.get(email=email))
    return client


def _participants():
    return get_user_model().objects.filter(email__endswith=f"@{learners.EMAIL_DOMAIN}")


# -- The people ------------------------------------------------------------------


def test_participants_have_profiles_and_cannot_sign_in(seeded):
    people = list(_participants())
    assert len(people) >= 24
    assert {p.country.code for p in people} == {"FR", "PT", "ES", "IT"}
    assert all(p.organisation and p.territorial_role and p.birth_year for p in people)
    assert not any(p.has_usable_password() for p in people)
    # The demo learner keeps the password printed for it.
    learner = get_user_model().objects.get(email="apprenant@chainon.example")
    assert learner.check_password("chainon-learner-demo")


def test_cohorts_keep_five_people_or_more_except_one(seeded):
    here = Q(territory__contains="Marseille") | Q(territory__startswith="Lisboa")
    sizes = [c.enrollments.count() for c in Cohort.objects.filter(here)]
    assert len(sizes) >= 4 and min(sizes) >= 5
    small = [c for c in Cohort.objects.all() if c.enrollments.count() < 5]
    assert len(small) == 1


# -- Recorded as production records it --------------------------------------------


def test_progress_comes_from_the_statements(seeded):
    """Folding every stored statement again gives the same progress rows,
    and the completion rules find nothing left to settle."""
    rows = set(ActivityProgress.objects.values_list(*PROGRESS_FIELDS))
    course = CoursePage.objects.get(locale__language_code="fr")
    statements = Statement.objects.count()
    for person in _participants():
        settle_completions(person, course)
    assert Statement.objects.count() == statements
    rebuild()
    assert set(ActivityProgress.objects.values_list(*PROGRESS_FIELDS)) == rows
    done = ActivityProgress.objects.filter(
        activity=course.activity_iri, status=ActivityProgress.Status.COMPLETED
    )
    assert done.count() >= 10
    # Months of history, not everything stamped at the time of the seed.
    months = {first_at[:7] for first_at in done.values_list("first_at", flat=True)}
    assert len(months) >= 3


def test_seeding_again_adds_nothing(seeded):
    assert seeded["after"] == seeded["before"]
    assert "nothing added" in seeded["second"]
    assert "Demo progress:" in seeded["first"]
    assert "nothing added" not in seeded["first"]


# -- The trainer's dashboard -----------------------------------------------------


def test_the_trainer_sees_who_finished_who_progresses_and_who_stalled(seeded, client):
    _signed_in(client, "formatrice@chainon.example")
    cohort = Cohort.objects.get(name=learners.COHORTS[0]["name"])
    response = client.get(_url("lms:cohort-progress", cohort.pk))
    assert response.status_code == 200
    rows = response.context["matrix"].rows
    statuses = {row.status for row in rows}
    assert statuses == {"completed", "in_progress", "not_started"}
    assert any(row.stalled and row.status == "in_progress" for row in rows)
    assert any(row.status == "in_progress" and not row.stalled for row in rows)
    assert sum(row.reports_awaiting for row in rows) >= 1
    html = response.content.decode()
    assert "Haddad" in html and "Cherif" in html


def test_the_learner_page_shows_a_history_and_reports(seeded, client):
    _signed_in(client, "formatrice@chainon.example")
    cohort = Cohort.objects.get(name=learners.COHORTS[0]["name"])
    enrolment = cohort.enrollments.get(learner__last_name="Cherif")
    response = client.get(_url("lms:cohort-learner", cohort.pk, enrolment.pk))
    assert response.status_code == 200
    assert len(response.context["timeline"]) >= 8
    statuses = set(response.context["reports"].values_list("status", flat=True))
    assert statuses == {FieldReport.Status.ACCEPTED, FieldReport.Status.SUBMITTED}


# -- The coordinator's pages -----------------------------------------------------


def test_the_coordinator_sees_enrolments_activity_and_completions(seeded, client):
    _signed_in(client, "coordinatrice@chainon.example")
    response = client.get(_url("lms:network"))
    assert response.status_code == 200
    found = response.context["figures"]
    assert found.enrolled >= 30
    assert found.active >= 5
    assert found.completed >= 10
    assert found.median_days is not None and not is_suppressed(found.median_days)
    shown = [n for _month, n in found.completions_by_month if not is_suppressed(n)]
    assert any(n >= 5 for n in shown)
    # The small cohort's head count is hidden, and one more (else the total
    # minus the others would give it away); the rest are shown.
    hidden = [line for line in found.cohorts if is_suppressed(line.enrolled)]
    assert len(hidden) == 2
    assert any(line.territory.startswith("Las Palmas") for line in hidden)
    marseille = next(c for c in found.cohorts if c.territory.startswith("Marseille"))
    assert marseille.enrolled >= 5
    assert sum(r for _t, _n, r, _c in found.territories) > 0  # people reached


def test_indicators_count_reasons_only_for_people_who_consented(seeded, client):
    people = list(_participants())
    consenting, declared = {}, {}
    for person in people:
        for reason in person.fewer_opportunities:
            declared[reason] = declared.get(reason, 0) + 1
            if person.fewer_opportunities_consent_at is not None:
                consenting[reason] = consenting.get(reason, 0) + 1
    # The demo has people who declared reasons without consenting.
    assert consenting != declared

    _signed_in(client, "coordinatrice@chainon.example")
    response = client.get(_url("lms:network-indicators"))
    assert response.status_code == 200
    found = response.context["found"]
    shown = dict(found.fewer_opportunities)
    labels = dict(FewerOpportunity.choices)
    visible = 0
    for reason, label in labels.items():
        value = shown[label]
        if is_suppressed(value):
            assert 1 <= consenting.get(reason, 0) <= 4
            continue
        assert value == rounded(consenting.get(reason, 0)), reason
        visible += value > 0
    assert visible >= 2
    # Declared without consent only: counted as nobody.
    unconsented_only = [r for r in declared if r not in consenting]
    assert unconsented_only and all(shown[labels[r]] == 0 for r in unconsented_only)


def test_the_lisbon_partner_coordinator_sees_mnac_figures_only(seeded, client):
    _signed_in(client, "coordination.lisboa@chainon.example")
    response = client.get(_url("lms:network"))
    assert response.status_code == 200
    partners = {line.partner for line in response.context["figures"].cohorts}
    assert partners == {"Museu Nacional de Arte Contemporânea"}
