"""Who gets what from every dashboard and export URL: the role × URL matrix.

Cohort pages name people, so only the cohort's trainers (and superusers)
get them; anyone else signed in gets the 404 of a cohort that does not
exist.  Network pages are counts: coordinators get them (a Partner
coordinator only their partner's), anyone else signed in a 403.  Nobody
signed out gets anything but the way to the sign-in page.
"""

import pytest

from lms.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

LOGIN = "login"


def cohort_urls(net, cohort=None, enrollment=None):
    cohort = cohort or net.cohort_a
    enrollment = enrollment or net.enrollment_a
    return [
        fx.url("cohort-progress", cohort.pk),
        fx.url("cohort-learner", cohort.pk, enrollment.pk),
        fx.url("cohort-export", cohort.pk, "matrix", "csv"),
        fx.url("cohort-export", cohort.pk, "matrix", "xlsx"),
        fx.url("cohort-export", cohort.pk, "learners", "csv"),
        fx.url("cohort-export", cohort.pk, "learners", "xlsx"),
    ]


def network_urls():
    return [
        fx.url("network"),
        fx.url("network-indicators"),
        fx.url("network-export", "cohorts", "csv"),
        fx.url("network-export", "cohorts", "xlsx"),
        fx.url("network-export", "indicators", "csv"),
        fx.url("network-export", "indicators", "xlsx"),
    ]


# (cohort A's URLs, the network's URLs)
EXPECTED = {
    "anonymous": (LOGIN, LOGIN),
    "learner_a": (404, 403),
    "learner_b": (404, 403),
    "editor_a": (404, 403),
    "editor_b": (404, 403),
    "trainer_a": (200, 403),
    "trainer_b": (404, 403),
    "network_coordinator": (404, 200),
    "partner_coordinator_a": (404, 200),
    "partner_coordinator_nowhere": (404, 403),
    "superuser": (200, 200),
}


def outcome(client, path):
    """The status, or LOGIN for a redirect to the sign-in page; a 200 export
    must also be a file of its format that parses."""
    response = client.get(path)
    if response.status_code == 302:
        location = response["Location"]
        return LOGIN if "/accounts/login/" in location and "next=" in location else 302
    if response.status_code == 200 and "/export/" in path:
        if path.endswith(".csv"):
            assert response["Content-Type"] == CSV_CONTENT_TYPE, path
            assert fx.csv_rows(response), path
        else:
            assert response["Content-Type"] == XLSX_CONTENT_TYPE, path
            assert fx.xlsx_rows(response), path
        assert response["Cache-Control"] == "private, no-store", path
    return response.status_code


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_role_by_url_matrix(client, network, role):
    """Every dashboard and export URL, for one role: the exact status."""
    user = network.users[role]
    if user is not None:
        client.force_login(user)
    expected_cohort, expected_network = EXPECTED[role]
    expected = dict.fromkeys(cohort_urls(network), expected_cohort)
    expected |= dict.fromkeys(network_urls(), expected_network)

    got = {path: outcome(client, path) for path in expected}

    wrong = {
        path: f"got {status}, expected {expected[path]}"
        for path, status in got.items()
        if status != expected[path]
    }
    assert not wrong, f"{role}: {wrong}"


def test_a_trainer_gets_their_own_cohort_and_not_the_other(client, network):
    client.force_login(network.trainer_b)
    for path in cohort_urls(network, network.cohort_b, network.enrollment_b):
        assert outcome(client, path) == 200, path
    for path in cohort_urls(network):
        assert outcome(client, path) == 404, path


def test_a_learner_of_another_cohort_is_not_found_under_ones_own(client, network):
    """Cohort A's URL with cohort B's enrolment: the learner is not shown."""
    client.force_login(network.trainer_a)
    path = fx.url("cohort-learner", network.cohort_a.pk, network.enrollment_b.pk)

    response = client.get(path)

    assert response.status_code == 404
    assert "Bergamote" not in fx.text_of(response)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("cohort-export", ("matrix", "pdf")),
        ("cohort-export", ("bogus", "csv")),
        ("cohort-export", ("learners", "CSV")),
    ],
)
def test_unknown_cohort_tables_and_formats_are_not_found(client, network, name, args):
    for user in (network.trainer_a, network.superuser):
        client.force_login(user)
        assert client.get(fx.url(name, network.cohort_a.pk, *args)).status_code == 404


@pytest.mark.parametrize("args", [("cohorts", "pdf"), ("learners", "csv")])
def test_unknown_network_tables_and_formats_are_not_found(client, network, args):
    for user in (network.coordinator, network.superuser):
        client.force_login(user)
        assert client.get(fx.url("network-export", *args)).status_code == 404


def test_a_missing_cohort_is_not_found_even_for_a_superuser(client, network):
    client.force_login(network.superuser)
    missing = network.cohort_b.pk + 1000
    assert client.get(fx.url("cohort-progress", missing)).status_code == 404
    assert (
        client.get(fx.url("cohort-export", missing, "matrix", "csv")).status_code == 404
    )


# -- What each one sees ---------------------------------------------------------------


def everything_at(client, paths) -> str:
    """The text of every page and export at ``paths`` (all must be 200)."""
    texts = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        if path.endswith(".xlsx"):
            texts.append(fx.xlsx_text(response))
        else:
            texts.append(fx.text_of(response))
    return "\n".join(texts)


def test_trainer_a_never_sees_a_learner_of_cohort_b(client, network):
    client.force_login(network.trainer_a)

    seen = everything_at(client, cohort_urls(network))

    assert "Aubépine" in seen
    assert "aurelie.aubepine@example.org" in seen
    for trace in ("Bergamote", "Bastien", "bastien.bergamote@example.org"):
        assert trace not in seen


def test_a_partner_coordinator_sees_only_their_partners_figures(client, network):
    client.force_login(network.partner_coordinator_a)

    seen = everything_at(client, network_urls())

    assert "Promotion Alpha" in seen
    assert "Musée Alpha" in seen
    for trace in ("Promotion Bravo", "Museo Bravo", "Torino Aurora"):
        assert trace not in seen, f"{trace} shown to partner A's coordinator"
    cohorts = fx.csv_rows(client.get(fx.url("network-export", "cohorts", "csv")))
    assert [row[0] for row in cohorts[1:]] == ["Promotion Alpha"]


def test_a_partner_coordinator_cannot_filter_their_way_to_another_partner(
    client, network
):
    client.force_login(network.partner_coordinator_a)
    query = {
        "partner": str(network.partner_b.translation_key),
        "cohort": network.cohort_b.pk,
        "country": "IT",
    }

    page = client.get(fx.url("network", **query))
    export = client.get(fx.url("network-export", "cohorts", "csv", **query))

    assert page.status_code == 200
    assert len(fx.warnings_of(page)) == 3
    assert "Promotion Bravo" not in fx.text_of(page)
    assert export.status_code == 200
    assert [row[0] for row in fx.csv_rows(export)[1:]] == ["Promotion Alpha"]


def test_a_network_coordinator_sees_every_partner_but_no_person(client, network):
    client.force_login(network.coordinator)

    seen = everything_at(client, network_urls())

    assert "Promotion Alpha" in seen
    assert "Promotion Bravo" in seen
    for trace in (
        "Aubépine",
        "Bergamote",
        "aurelie.aubepine@example.org",
        "bastien.bergamote@example.org",
    ):
        assert trace not in seen, f"{trace} shown on the coordinator's figures"
