"""The coordinators' figures and the Erasmus+ indicators: the right counts,
the filters, small counts hidden as "<5" on the page and in the exports,
fewer-opportunities reasons counted only with consent and never per
person, bad dates ignored with a message; and a fixed number of queries.

``population`` puts 17 learners in the network's two cohorts:

* Promotion Alpha (Musée Alpha, France): Aurélie (active yesterday), five
  who completed the course ten days ago after enrolling fifty days ago
  (resident relays, about 25, declaring economic obstacles with consent),
  five quiet for sixty days (cultural mediators, about 50; one declares
  reasons without consent).
* Promotion Bravo (Museo Bravo, Italy): Bastien (active three days ago)
  and five who never started.
"""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.html import escape
from django_countries import countries

from cms.models.profile import FewerOpportunity, TerritorialRole
from lms.models import ActivityProgress
from lms.network_figures import age_band_labels
from lms.reporting.privacy import SUPPRESSED
from tests.factories import CoursePageFactory, PartnerInstitutionFactory
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

User = get_user_model()

# Columns of the cohorts export.
NAME, PARTNER, TERRITORY, ENROLLED, ACTIVE, INACTIVE, COMPLETED, RATE = range(8)


def person(n, **fields):
    return {
        "first_name": f"Pop{n}",
        "last_name": f"Zorglub{n}",
        "email": f"pop{n}@example.org",
        "username": f"pop{n}@example.org",
        **fields,
    }


@pytest.fixture
def population(network):
    course = network.course
    year = timezone.localdate().year
    done_at = fx.days_ago(10)
    completers, quiet, bravo = [], [], []
    for n in range(5):
        enrollment = fx.enrol(
            network.cohort_a,
            created_at=fx.days_ago(50),
            **person(
                n,
                territorial_role=TerritorialRole.RESIDENT_RELAY,
                birth_year=year - 25,
                fewer_opportunities=[FewerOpportunity.ECONOMIC],
                fewer_opportunities_consent_at=fx.now(),
            ),
        )
        fx.complete_course(enrollment.learner, course, at=done_at)
        completers.append(enrollment.learner)
    for n in range(5, 10):
        reasons = (
            {
                "fewer_opportunities": [
                    FewerOpportunity.ECONOMIC,
                    FewerOpportunity.DISABILITY,
                ]
            }
            if n == 5
            else {}
        )
        enrollment = fx.enrol(
            network.cohort_a,
            created_at=fx.days_ago(90),
            **person(
                n,
                territorial_role=TerritorialRole.CULTURAL_MEDIATOR,
                birth_year=year - 50,
                **reasons,
            ),
        )
        fx.progress(
            enrollment.learner,
            course.assignment_iri,
            ActivityProgress.Status.IN_PROGRESS,
            at=fx.days_ago(60),
        )
        quiet.append(enrollment.learner)
    for n in range(10, 15):
        bravo.append(
            fx.enrol(network.cohort_b, created_at=fx.days_ago(20), **person(n)).learner
        )
    return SimpleNamespace(
        completers=completers, quiet=quiet, bravo=bravo, done_at=done_at
    )


def get(client, name, *args, **query):
    response = client.get(fx.url(name, *args, **query))
    assert response.status_code == 200, response.status_code
    return response


def figures(client, **query):
    return get(client, "network", **query).context["figures"]


def cohort_lines(client, **query) -> dict:
    rows = fx.csv_rows(get(client, "network-export", "cohorts", "csv", **query))
    return {row[NAME]: row for row in rows[1:]}


def summary_values(response) -> list[str]:
    return re.findall(r'summary__value">([^<]*)<', fx.text_of(response))


def fr(label) -> str:
    with translation.override(fx.LANGUAGE):
        return str(label)


# -- Figures -------------------------------------------------------------------------


def test_the_coordinator_sees_the_whole_networks_figures(client, network, population):
    client.force_login(network.coordinator)

    response = get(client, "network")

    found = response.context["figures"]
    assert found.enrolled == 17
    assert found.active == 7
    assert found.completed == 5
    assert found.rate == pytest.approx(5 / 17)
    assert found.median_days == pytest.approx(40, abs=0.01)
    assert sum(n for _month, n in found.completions_by_month) == 5
    assert summary_values(response)[:4] == ["17", "7", "5", "29 %"]
    lines = cohort_lines(client)
    assert lines["Promotion Alpha"][ENROLLED:] == ["11", "6", "5", "5", "45 %"]
    assert lines["Promotion Alpha"][PARTNER:ENROLLED] == [
        "Musée Alpha",
        "Marseille nord",
    ]
    # One active, five not: the five would give the one away, so both hide.
    assert lines["Promotion Bravo"][ENROLLED:] == ["6", "<5", "<5", "0", "0 %"]


def test_the_partner_coordinator_counts_only_their_partners_learners(
    client, network, population
):
    client.force_login(network.partner_coordinator_a)

    found = figures(client)

    assert (found.enrolled, found.active, found.completed) == (11, 6, 5)
    assert found.rate == pytest.approx(5 / 11)
    assert list(cohort_lines(client)) == ["Promotion Alpha"]


def test_the_xlsx_of_cohorts_holds_the_same_lines(client, network, population):
    client.force_login(network.coordinator)

    csv_rows = fx.csv_rows(get(client, "network-export", "cohorts", "csv"))
    xlsx_rows = fx.xlsx_rows(get(client, "network-export", "cohorts", "xlsx"))

    assert list(xlsx_rows[0]) == csv_rows[0]
    assert sorted([str(value) for value in row] for row in xlsx_rows[1:]) == sorted(
        csv_rows[1:]
    )


@pytest.mark.parametrize("size", [1, 4])
def test_small_counts_show_as_less_than_five(client, network, size):
    partner = PartnerInstitutionFactory(name="Musée Charlie", country="BE")
    cohort = fx.new_cohort(
        network, name="Promotion Petite", partner=partner, territory="Liège"
    )
    for n in range(size):
        fx.enrol(cohort, **person(100 + n))
    client.force_login(network.coordinator)

    response = get(client, "network", cohort=cohort.pk)
    line = cohort_lines(client, cohort=cohort.pk)["Promotion Petite"]
    indicators = get(client, "network-indicators", cohort=cohort.pk)
    rows = fx.csv_rows(
        get(client, "network-export", "indicators", "csv", cohort=cohort.pk)
    )

    assert response.context["figures"].enrolled is SUPPRESSED
    assert summary_values(response)[0] == "&lt;5"
    assert "&lt;5" in fx.text_of(response)
    assert line[ENROLLED:] == ["<5", "0", "<5", "0", "<5"]
    assert indicators.context["found"].participants is SUPPRESSED
    assert summary_values(indicators)[0] == "&lt;5"
    assert rows[1][2] == "<5"  # participants
    for n in range(size):
        assert f"Zorglub{100 + n}" not in fx.text_of(indicators)


def test_five_is_shown(client, network):
    cohort = fx.new_cohort(network, name="Promotion Cinq")
    for n in range(5):
        fx.enrol(cohort, **person(200 + n))
    client.force_login(network.coordinator)

    line = cohort_lines(client, cohort=cohort.pk)["Promotion Cinq"]

    assert line[ENROLLED:] == ["5", "0", "5", "0", "0 %"]


# -- Filters ---------------------------------------------------------------------------


def test_each_filter_narrows_the_figures(client, network, population):
    other_course = CoursePageFactory(
        parent=network.course.catalogue, title="Parcours Raconter"
    )
    cohort_c = fx.new_cohort(network, name="Promotion Charlie", course=other_course)
    for n in range(20, 25):
        fx.enrol(cohort_c, **person(n))
    client.force_login(network.coordinator)
    partner_a = str(network.partner_a.translation_key)
    partner_b = str(network.partner_b.translation_key)
    cases = [
        ({}, 22, {"Promotion Alpha", "Promotion Bravo", "Promotion Charlie"}),
        ({"partner": partner_a}, 16, {"Promotion Alpha", "Promotion Charlie"}),
        ({"partner": partner_b}, 6, {"Promotion Bravo"}),
        ({"country": "IT"}, 6, {"Promotion Bravo"}),
        ({"country": "FR"}, 16, {"Promotion Alpha", "Promotion Charlie"}),
        ({"course": str(other_course.translation_key)}, 5, {"Promotion Charlie"}),
        (
            {"course": str(network.course.page.translation_key)},
            17,
            {"Promotion Alpha", "Promotion Bravo"},
        ),
        ({"cohort": network.cohort_b.pk}, 6, {"Promotion Bravo"}),
        ({"partner": partner_a, "country": "IT"}, 0, set()),
    ]
    for query, enrolled, names in cases:
        response = get(client, "network", **query)
        assert not fx.warnings_of(response), query
        assert response.context["figures"].enrolled == enrolled, query
        assert set(cohort_lines(client, **query)) == names, query
        assert response.context["figures"].enrolled == (
            get(client, "network-indicators", **query).context["found"].participants
        ), query


def test_the_period_keeps_overlapping_cohorts_and_completions_within_it(
    client, network, population
):
    today = timezone.localdate()
    old = fx.new_cohort(
        network,
        name="Promotion Ancienne",
        start_date=today - timedelta(days=700),
        end_date=today - timedelta(days=500),
    )
    for n in range(30, 35):
        enrollment = fx.enrol(old, created_at=fx.days_ago(700), **person(n))
        fx.progress(
            enrollment.learner,
            network.course.page.activity_iri,
            at=fx.days_ago(600),
        )
    client.force_login(network.coordinator)

    def day(days):
        return (today - timedelta(days=days)).isoformat()

    everything = figures(client)
    recent = figures(client, start=day(30))
    before_the_completions = figures(client, start=day(30), end=day(15))
    after_them = figures(client, start=day(5))
    back_then = figures(client, start=day(650), end=day(550))

    assert (everything.enrolled, everything.completed) == (22, 10)
    assert (recent.enrolled, recent.completed) == (17, 5)
    assert (before_the_completions.enrolled, before_the_completions.completed) == (
        17,
        0,
    )
    assert (after_them.enrolled, after_them.completed) == (17, 0)
    assert (back_then.enrolled, back_then.completed) == (5, 5)
    months = recent.completions_by_month
    assert months[0][0] == (today - timedelta(days=30)).replace(day=1)
    assert sum(n for _m, n in months) == 5


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-13-45"},
        {"end": "yesterday"},
        {"cohort": "abc"},
        {"partner": "not-a-key"},
        {"country": "ZZ"},
        {"colour": "blue"},
    ],
    ids=["month-13", "words", "cohort", "partner", "country", "unknown"],
)
def test_malformed_filters_are_ignored_with_a_visible_warning(
    client, network, population, query
):
    client.force_login(network.coordinator)

    for name in ("network", "network-indicators"):
        response = get(client, name, **query)
        warnings = fx.warnings_of(response)
        assert len(warnings) == 1, (name, warnings)
        assert escape(warnings[0]) in fx.text_of(response), name
    assert figures(client, **query).enrolled == 17
    for table in ("cohorts", "indicators"):
        for fmt in ("csv", "xlsx"):
            get(client, "network-export", table, fmt, **query)


def test_a_period_that_ends_before_it_starts_is_refused_with_a_message(
    client, network, population
):
    client.force_login(network.coordinator)
    today = timezone.localdate()
    query = {
        "start": today.isoformat(),
        "end": (today - timedelta(days=10)).isoformat(),
    }

    response = get(client, "network", **query)
    indicators = get(client, "network-indicators", **query)

    assert len(fx.warnings_of(response)) == 1
    assert escape(fx.warnings_of(response)[0]) in fx.text_of(response)
    assert len(fx.warnings_of(indicators)) == 1
    assert response.context["figures"].enrolled == 17
    fx.csv_rows(get(client, "network-export", "cohorts", "csv", **query))


# -- Erasmus+ indicators ---------------------------------------------------------


def test_the_indicators_count_participants_by_country_organisation_role_and_age(
    client, network, population
):
    client.force_login(network.coordinator)

    found = get(client, "network-indicators").context["found"]

    assert found.participants == 17
    assert found.completions == 5
    assert dict(found.by_country) == {
        fr(countries.name("FR")): 11,
        fr(countries.name("IT")): 6,
    }
    assert dict(found.by_organisation) == {"Musée Alpha": 11, "Museo Bravo": 6}
    with translation.override(fx.LANGUAGE):
        bands = age_band_labels()
    assert dict(found.by_role) == {
        fr(TerritorialRole.RESIDENT_RELAY.label): 5,
        fr(TerritorialRole.CULTURAL_MEDIATOR.label): 5,
        bands["unknown"]: 7,
    }
    assert dict(found.by_age) == {
        bands["under_18"]: 0,
        bands["18_29"]: 5,
        bands["30_44"]: 0,
        bands["45_59"]: 5,
        bands["60_plus"]: 0,
        bands["unknown"]: 7,
    }


def test_fewer_opportunities_are_counted_per_reason_and_only_with_consent(
    client, network, population
):
    client.force_login(network.coordinator)

    found = get(client, "network-indicators").context["found"]

    counts = {fr(label): count for label, count in found.fewer_opportunities}
    assert counts[fr(FewerOpportunity.ECONOMIC.label)] == 5, (
        "the learner who declared economic obstacles without consent is counted"
    )
    assert counts[fr(FewerOpportunity.DISABILITY.label)] == 0
    assert set(counts.values()) == {0, 5}
    assert len(counts) == len(FewerOpportunity.choices)

    # Consent given: now six declare economic obstacles, one a disability.
    declared = population.quiet[0]
    declared.fewer_opportunities_consent_at = fx.now()
    declared.save()
    found = get(client, "network-indicators").context["found"]
    counts = {fr(label): count for label, count in found.fewer_opportunities}
    # Six, shown rounded to the nearest 5 (a difference between two filtered
    # views must not reveal one person's situation); the disability is new.
    assert counts[fr(FewerOpportunity.ECONOMIC.label)] == 5
    assert counts[fr(FewerOpportunity.DISABILITY.label)] is SUPPRESSED


def test_the_indicators_export_names_nobody(client, network, population):
    client.force_login(network.coordinator)
    people = [
        network.learner_a,
        network.learner_b,
        *population.completers,
        *population.quiet,
        *population.bravo,
    ]

    page = fx.text_of(get(client, "network-indicators"))
    csv_response = get(client, "network-export", "indicators", "csv")
    rows = fx.csv_rows(csv_response)
    xlsx_rows = fx.xlsx_rows(get(client, "network-export", "indicators", "xlsx"))

    assert len(rows[0]) == 3
    assert [list(map(str, row)) for row in xlsx_rows[0:1]] == rows[0:1]
    assert len(xlsx_rows) == len(rows)
    fewer = fr(FewerOpportunity.ECONOMIC.label)
    assert [r[2] for r in rows if r[1] == fewer] == ["5"]
    assert [r[2] for r in rows if r[1] == "Musée Alpha"] == ["11"]
    csv_text = "\n".join(",".join(row) for row in rows)
    xlsx_text = "\n".join(
        ",".join("" if v is None else str(v) for v in row) for row in xlsx_rows
    )
    assert "@" not in csv_text
    assert "@" not in xlsx_text
    for text, where in ((csv_text, "csv"), (xlsx_text, "xlsx"), (page, "page")):
        for learner in people:
            for trace in (learner.email, learner.last_name):
                assert trace not in text, (where, trace)


def test_a_partner_coordinators_indicators_cover_their_partner_only(
    client, network, population
):
    client.force_login(network.partner_coordinator_a)

    found = get(client, "network-indicators").context["found"]
    rows = fx.csv_rows(get(client, "network-export", "indicators", "csv"))

    assert found.participants == 11
    assert dict(found.by_organisation) == {"Musée Alpha": 11}
    assert not any("Museo Bravo" in cell for row in rows for cell in row)


# -- Queries -----------------------------------------------------------------------

MAX_NETWORK_QUERIES = 25


def add_learners(network, count):
    """``count`` learners in cohort A with a profile, half of them having
    completed the course last week (one query each for people, enrolments
    and progress)."""
    people = fx.bulk_learners(network.cohort_a, count, prefix="reseau")
    moment = fx.stamp(fx.days_ago(7))
    User.objects.filter(pk__in=[p.pk for p in people]).update(
        country="FR",
        birth_year=1990,
        territorial_role=TerritorialRole.OTHER,
        fewer_opportunities=[FewerOpportunity.SOCIAL],
        fewer_opportunities_consent_at=fx.now(),
    )
    ActivityProgress.objects.bulk_create(
        ActivityProgress(
            learner=learner,
            activity=network.course.page.activity_iri,
            status=ActivityProgress.Status.COMPLETED,
            first_at=moment,
            last_at=moment,
        )
        for learner in people[: count // 2]
    )
    return people


def test_the_network_pages_take_as_many_queries_for_25_learners_as_for_5(
    client, network, django_assert_max_num_queries
):
    add_learners(network, 3)  # with Aurélie and Bastien: five
    client.force_login(network.coordinator)
    paths = [
        fx.url("network"),
        fx.url("network", partner=str(network.partner_a.translation_key)),
        fx.url("network-indicators"),
        fx.url("network-export", "cohorts", "xlsx"),
        fx.url("network-export", "indicators", "csv"),
    ]
    for path in paths:
        fx.queries_for(client, path)

    small = {path: fx.queries_for(client, path) for path in paths}
    add_learners(network, 20)
    large = {path: fx.queries_for(client, path) for path in paths}

    assert figures(client).enrolled == 25
    assert large == small
    assert max(large.values()) <= MAX_NETWORK_QUERIES, large
    with django_assert_max_num_queries(MAX_NETWORK_QUERIES):
        client.get(paths[0])


def test_completions_do_not_break_the_coordinator_dashboard(client, network):
    """A completed course is an ActivityProgress row whose ``first_at`` is
    the LRS's text stamp: the figures must read it as a moment."""
    learner = fx.enrol(network.cohort_a, **person(300)).learner
    fx.progress(learner, network.course.page.activity_iri, at=fx.days_ago(3))
    client.force_login(network.coordinator)
    client.raise_request_exception = False

    response = client.get(fx.url("network"))

    assert response.status_code == 200, (
        "BUG lms/network_figures.py:_moment returns the *text* of "
        "timestamp_to_utc (a str); _course_completions then calls "
        "moment.date() on it (AttributeError, 500) as soon as one learner "
        "has completed a course"
    )
