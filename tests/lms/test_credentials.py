"""Attestations of completion (issue 8, "credentials issued").

Issued once when a course completes (whatever path the completion took),
verified by anyone holding the code, revoked in the admin, and counted in
the Erasmus+ indicators like every other count of people.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.course_progress import settle_completions
from lms.credentials import issue_missing
from lms.models import ActivityProgress, Credential
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db

network = fx.network
dashboard_course = fx.dashboard_course
dashboard_home = fx.dashboard_home


def credential_url(code):
    with translation.override("fr"):
        return reverse("lms:credential", args=[code])


def finish(network, learner=None):
    """Every requirement met, then settled the way the site settles it."""
    learner = learner or network.learner_a
    course = network.course
    ActivityProgress.objects.filter(learner=learner).delete()  # a clean slate
    for index in range(len(course.units)):
        fx.complete_unit(learner, course, index)
    return settle_completions(learner, course.page)


def test_completing_the_course_issues_one_attestation(network):
    completion = finish(network)
    assert completion.course
    credential = Credential.objects.get(learner=network.learner_a)
    assert credential.course_key == network.course.page.translation_key
    assert credential.cohort == network.cohort_a
    assert len(credential.code) == 16
    settle_completions(network.learner_a, network.course.page)
    assert Credential.objects.filter(learner=network.learner_a).count() == 1


def test_an_unfinished_course_issues_none(network):
    ActivityProgress.objects.filter(learner=network.learner_a).delete()
    fx.complete_unit(network.learner_a, network.course, 0)
    settle_completions(network.learner_a, network.course.page)
    assert not Credential.objects.exists()


def test_completions_recorded_another_way_are_caught_up_once(network):
    ActivityProgress.objects.filter(learner=network.learner_b).delete()
    fx.complete_course(network.learner_b, network.course, at=fx.days_ago(10))
    assert issue_missing() == 1
    assert issue_missing() == 0
    credential = Credential.objects.get(learner=network.learner_b)
    assert abs((credential.completed_at - fx.days_ago(10)).total_seconds()) < 60


def test_anyone_with_the_code_can_verify_it_and_no_address_is_shown(client, network):
    finish(network)
    credential = Credential.objects.get()
    response = client.get(credential_url(credential.code.lower()))
    assert response.status_code == 200
    page = fx.text_of(response)
    assert "Aurélie Aubépine" in page
    assert network.course.page.title in page
    assert network.learner_a.email not in page
    assert response["X-Robots-Tag"] == "noindex"


def test_an_unknown_code_is_a_404(client, network):
    assert client.get(credential_url("NOTAREALCODE2345")).status_code == 404


def test_a_revoked_attestation_says_so(client, network):
    finish(network)
    credential = Credential.objects.get()
    credential.revoked_at = fx.now()
    credential.save()
    page = fx.text_of(client.get(credential_url(credential.code)))
    assert fx.words("This attestation was revoked on %(date)s.").split("%")[0] in page


def test_the_learner_home_links_to_the_attestation(client, network):
    finish(network)
    client.force_login(network.learner_a)
    page = fx.text_of(client.get(fx.url("home")))
    assert credential_url(Credential.objects.get().code) in page


def test_the_indicators_count_attestations_and_hide_small_counts(client, network):
    client.force_login(network.coordinator)
    finish(network)
    rows = fx.csv_rows(client.get(fx.url("network-export", "indicators", "csv")))
    label = fx.words("Attestations of completion issued")
    assert [row[2] for row in rows if row[0] == label] == ["<5"]
    for learner in fx.bulk_learners(network.cohort_a, 5):
        finish(network, learner)
    rows = fx.csv_rows(client.get(fx.url("network-export", "indicators", "csv")))
    assert [row[2] for row in rows if row[0] == label] == ["6"]
