"""The issue's "done when": a partner scripts "create a resource, enrol 50
learners from a CSV, download the cohort's progress" with nothing but the
docs and a token.

The script is the one the README shows (the block after
``<!-- partner-script -->``), run as its own process, with Python's standard
library only, against a live server: if the README or the API drift apart,
this fails.
"""

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import WorkflowState

from cms.models import ApiToken
from cms.roles import PARTNER_EDITOR
from lms.cohort_matrix import course_activity_iris
from lms.models import ActivityProgress, Enrollment
from mediation import spaces
from mediation.models import MediationResourcePage, PartnerIndexPage, PartnerListPage
from tests.lms import dashboard_fixtures as fx

pytestmark = pytest.mark.django_db(transaction=True)

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

README = Path(__file__).resolve().parents[2] / "README.md"
MARKER = "<!-- partner-script -->"


def readme_script() -> str:
    text = README.read_text(encoding="utf-8")
    after = text[text.index(MARKER) + len(MARKER) :]
    match = re.match(r"\s*```python\n(.*?)\n```", after, re.DOTALL)
    assert match, "the partner script's code block follows its marker"
    return match.group(1)


@pytest.fixture
def partner_space(network, dashboard_home, locales):
    """Partner A's space in the partner area, with a moderator."""
    listing = PartnerListPage(title="Partenaires", slug="partenaires")
    listing.locale = locales["fr"]
    dashboard_home.add_child(instance=listing)
    listing.save_revision().publish()
    index = PartnerIndexPage(
        title=network.partner_a.name,
        slug=network.partner_a.slug,
        partner=network.partner_a,
        locale=locales["fr"],
    )
    listing.add_child(instance=index)
    index.save_revision().publish()
    return index


def test_a_partner_scripts_the_three_steps_from_the_readme(
    network, partner_space, live_server, tmp_path
):
    # One person of partner A who edits its resources and runs cohort A.
    person = network.trainer_a
    person.partner = network.partner_a
    person.save()
    spaces.add_editor(person, network.partner_a)
    assert person.groups.filter(name=PARTNER_EDITOR).exists()
    _token, plaintext = ApiToken.issue(person, "partner script")
    # More progress than one page of 200 holds, for the cursor to be
    # followed: 30 more learners of cohort A on each of the course's
    # activities; and rows the file must not hold (another cohort's learner,
    # an activity outside the course).
    iris = course_activity_iris(network.course.page)
    for learner in fx.bulk_learners(network.cohort_a, 30):
        for iri in iris:
            fx.progress(learner, iri)
    fx.progress(network.learner_b, network.course.h5p_iri)
    fx.progress(network.learner_a, "https://musee.example/activities/elsewhere")
    roster = tmp_path / "participants.csv"
    roster.write_text(
        "Courriel;Prénom;Nom\n"
        + "".join(f"habitant{n}@example.org;Prénom{n};Nom{n}\n" for n in range(50)),
        encoding="utf-8",
    )
    script = tmp_path / "partner.py"
    script.write_text(readme_script(), encoding="utf-8")
    output = tmp_path / "progress.csv"

    run = subprocess.run(  # noqa: S603 - our README, our interpreter
        [sys.executable, str(script)],
        env={
            "PATH": os.environ.get("PATH", ""),
            "CHAINON_URL": live_server.url,
            "CHAINON_TOKEN": plaintext,
            "CHAINON_COHORT": str(network.cohort_a.pk),
            "CHAINON_ROSTER": str(roster),
            "CHAINON_OUTPUT": str(output),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Acting as {person.email}" in run.stdout
    assert "50 enrolled, 50 invited" in run.stdout
    # 1. The resource is a draft of partner A, waiting for its moderators.
    resource = MediationResourcePage.objects.get(title="Les voix du Panier")
    assert resource.get_parent().pk == partner_space.pk
    assert not resource.live
    assert resource.partner_id == network.partner_a.pk
    assert WorkflowState.objects.filter(
        object_id=str(resource.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    # 2. The fifty are enrolled in cohort A, from the file.
    imported = Enrollment.objects.filter(
        cohort=network.cohort_a, source=Enrollment.Source.IMPORTED
    )
    assert imported.count() == 50
    assert imported.filter(learner__email="habitant49@example.org").exists()
    # 3. The file holds every row of cohort A's learners on its course.
    with output.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = ActivityProgress.objects.filter(
        learner__enrollments__cohort=network.cohort_a, activity__in=iris
    )
    assert len(rows) == expected.count() == 30 * len(iris) + 1 > 200
    assert {(int(r["learner"]), r["activity"]) for r in rows} == set(
        expected.values_list("learner_id", "activity")
    )
