"""The dashboards of issue 8 in Chromium: what a trainer and a coordinator do
with a keyboard, the download a trainer takes away, and axe-core's automated
WCAG 2.1 A/AA checks on every dashboard page and the forms around them.

The server-side tests check the figures; these check what only a browser
can: focus, scrolling, the native ``<details>`` widget, a real download, and
the rendered page (colours, names, landmarks) that axe-core inspects.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from playwright.sync_api import expect

from cms.roles import NETWORK_COORDINATOR, grant_permissions
from lms.models import Credential
from lms.progress_rules import ANSWERED
from lms.xapi.agents import learner_agent
from lms.xapi.store import store_statements
from tests.e2e.browser_helpers import sign_in as sign_in_context
from tests.lms import dashboard_fixtures as fx

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

dashboard_home = fx.dashboard_home
dashboard_course = fx.dashboard_course
network = fx.network

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Columns of the matrix export (see tests/lms/test_cohort_dashboard.py).
LAST, FIRST, EMAIL = range(3)
# Enough presses to cross the header, breadcrumb, filters and export links.
MAX_TABS = 80


def address(live_server, name, *args, namespace="lms"):
    """A page's full address in English, the language the labels below use."""
    with translation.override("en"):
        return live_server.url + reverse(f"{namespace}:{name}", args=args)


def sign_in(page, live_server, user):
    sign_in_context(page.context, live_server, user)


def tab_until(page, selector, what):
    """Press Tab until the focused element matches ``selector``: reaching it
    is part of what is tested, so it is never focused by script."""
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{what} was not reached in {MAX_TABS} presses of Tab")


def row_names(page) -> list[str]:
    return page.locator(".matrix tbody th[scope=row] a").all_inner_texts()


@pytest.fixture
def cohort(network):
    """A cohort of trainer A, stalled after 14 days without activity:

    * Ambre did units 1.1 and 1.2 yesterday;
    * Céleste finished the course ten days ago (a completion for the
      coordinator's chart);
    * Dorian did unit 1.2 thirty days ago: stalled;
    * Basile, enrolled forty days ago, never started: stalled.
    """
    course = network.course
    cohort = fx.new_cohort(network, name="Promotion Clavier", stalled_after_days=14)
    people = {}
    for key, first, enrolled in [
        ("ambre", "Anna", 50),
        ("basile", "Bruno", 40),
        ("celeste", "Clara", 50),
        ("dorian", "Denis", 60),
    ]:
        enrollment = fx.enrol(
            cohort,
            created_at=fx.days_ago(enrolled),
            first_name=first,
            last_name=key.capitalize(),
            email=f"{key}@example.org",
            username=f"{key}@example.org",
        )
        people[key] = enrollment
    fx.complete_unit(people["ambre"].learner, course, 0, at=fx.days_ago(1))
    fx.complete_unit(people["ambre"].learner, course, 1, at=fx.days_ago(1))
    fx.complete_course(people["celeste"].learner, course, at=fx.days_ago(10))
    fx.complete_unit(people["dorian"].learner, course, 1, at=fx.days_ago(30))
    cohort.people = people
    return cohort


@pytest.fixture
def coordinator(network):
    """The network's coordinator, with the permission the data migration
    gives the role (a transactional test may start from a flushed database)."""
    grant_permissions(apps, NETWORK_COORDINATOR, ["lms.view_network_figures"])
    return network.coordinator


def test_a_trainer_works_the_matrix_with_the_keyboard_and_downloads_it(
    live_server, network, cohort, page, tmp_path
):
    people = cohort.people
    sign_in(page, live_server, network.trainer_a)
    # A narrow window: the matrix is wider than its box and scrolls.
    page.set_viewport_size({"width": 480, "height": 900})
    page.goto(address(live_server, "cohort-progress", cohort.pk))
    assert sorted(row_names(page)) == sorted(
        enrollment.learner.display_name for enrollment in people.values()
    )

    # The scrolling region is a tab stop, and the arrow keys scroll it.
    region = page.get_by_role("region", name="Learners and activities")
    tab_until(page, ".matrix-scroll[role=region]", "The matrix's scrolling region")
    expect(region).to_be_focused()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert region.evaluate("el => el.scrollLeft") == 0
    for _press in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.matrix-scroll').scrollLeft > 0"
    )

    # The Excel download holds one row per learner, under the header.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="the matrix (Excel)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    workbook = load_workbook(saved, read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    assert sorted((row[LAST], row[FIRST], row[EMAIL]) for row in rows[1:]) == sorted(
        (e.learner.last_name, e.learner.first_name, e.learner.email)
        for e in people.values()
    )

    # "Stalled only", ticked and submitted from the keyboard.
    stalled_only = page.get_by_label("Stalled only")
    tab_until(page, "input[name=stalled]", "The “Stalled only” box")
    page.keyboard.press("Space")
    expect(stalled_only).to_be_checked()
    tab_until(page, "form.filters button[type=submit]", "The Apply button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*[?&]stalled=on"))
    assert sorted(row_names(page)) == sorted(
        people[key].learner.display_name for key in ("basile", "dorian")
    )
    expect(page.get_by_label("Stalled only")).to_be_checked()


def test_a_coordinator_opens_each_charts_table_with_the_keyboard(
    live_server, network, cohort, coordinator, page
):
    sign_in(page, live_server, coordinator)
    for name, headings in [
        ("network", [("Month", "Completions")]),
        (
            "network-indicators",
            [("Country", "Participants"), ("Age band", "Participants")],
        ),
    ]:
        page.goto(address(live_server, name))
        charts = page.locator("details.chart__data")
        expect(charts).to_have_count(len(headings))
        for index, (label, value) in enumerate(headings):
            details = charts.nth(index)
            table = details.get_by_role("table")
            expect(table).to_be_hidden()
            details.locator("summary").focus()
            page.keyboard.press("Enter")
            expect(details).to_have_attribute("open", "")
            expect(table).to_be_visible()
            expect(table.get_by_role("columnheader", name=label)).to_be_visible()
            expect(table.get_by_role("columnheader", name=value)).to_be_visible()
            assert table.locator("tbody tr").count() >= 1


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it stands, with
    every ``<details>`` opened first so the tables inside are checked too."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: install the npm packages with `make test`.")
    page.evaluate(
        "() => document.querySelectorAll('details').forEach(d => d.open = true)"
    )
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
            });
            return results.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map((node) => ({
                    target: node.target.join(" "),
                    summary: node.failureSummary,
                })),
            }));
        }""",
        WCAG_21_AA,
    )


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for violation in violations:
            lines.append(
                f"{where}: {violation['id']} ({violation['impact']}) "
                f"{violation['help']}"
            )
            lines.extend(
                f"    {node['target']}: {node['summary']}"
                for node in violation["nodes"]
            )
    return "\n".join(lines)


def fill_the_learner_page(network, enrollment):
    """A statement, a report waiting for feedback and a contribution, so that
    the timeline, the lists and the "to review" badges are on the pages."""
    course = network.course
    store_statements(
        [
            {
                "actor": learner_agent(enrollment.learner),
                "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
                "object": {"id": course.h5p_iri, "objectType": "Activity"},
                "result": {"score": {"scaled": 0.8}, "success": True},
                "timestamp": fx.stamp(fx.days_ago(1)),
            }
        ],
        authority={
            "objectType": "Agent",
            "account": {"homePage": "https://chainon.example", "name": "e2e"},
        },
    )
    fx.report_and_contribution(course, enrollment)


def test_the_dashboards_and_forms_pass_axe_core(
    live_server, network, cohort, coordinator, page
):
    ambre = cohort.people["ambre"]
    fill_the_learner_page(network, ambre)
    credential = Credential.objects.create(
        learner=ambre.learner,
        course_key=network.course.page.translation_key,
        course=network.course.page,
        course_title=network.course.page.title,
        cohort=cohort,
        completed_at=timezone.now(),
    )
    found = {}

    def check(where):
        violations = axe_violations(page)
        if violations:
            found[where] = violations

    sign_in(page, live_server, network.trainer_a)
    page.goto(address(live_server, "cohort-progress", cohort.pk))
    expect(page.get_by_text("1 report to review")).to_be_visible()
    check("cohort dashboard")
    # An unknown filter value: the page says it was ignored, in a message.
    page.goto(address(live_server, "cohort-progress", cohort.pk) + "?status=finished")
    expect(page.locator(".messages")).to_be_visible()
    check("cohort dashboard with a message")
    page.goto(address(live_server, "cohort-learner", cohort.pk, ambre.pk))
    expect(page.locator(".timeline li")).to_have_count(1)
    expect(page.get_by_role("link", name="Carte des lieux ressources")).to_be_visible()
    check("learner detail")

    sign_in(page, live_server, coordinator)
    page.goto(address(live_server, "network"))
    check("network figures")
    page.goto(address(live_server, "network-indicators"))
    check("Erasmus+ indicators")

    sign_in(page, live_server, ambre.learner)
    page.goto(address(live_server, "account-profile", namespace="cms"))
    check("profile form")
    page.get_by_label("Year of birth").fill("1800")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check("profile form with errors")

    page.goto(address(live_server, "credential", credential.code))
    check("attestation")

    assert not found, "axe-core found WCAG 2.1 A/AA violations:\n" + describe(found)
