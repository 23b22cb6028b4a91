"""How fast are the trainer's and the coordinator's dashboards on a large network?

Seeds a throw-away database with one course of 10 modules × 4 units, each
unit requiring two field assignments (120 tracked activities: the matrix's
columns), 4 partners in 4 countries, 8 cohorts and 2,000 learners (one
cohort of 300, one of 30), and 2,000 × 120 = 240,000 ``ActivityProgress``
rows (a mix of completed, in progress and not started, some with scores,
``last_at`` spread over six months) plus a course-completion row for about
a fifth of the learners.  The seed is bulk inserts: the bench measures
reading.  It runs in one process and the measures in a fresh one, which
like a web worker does not carry what ``migrate`` leaves in memory.

Then, in-process with Django's test client (``/fr/`` URLs), each page is
requested ``--rounds`` times, median and slowest kept: the 300-learner cohort's
matrix as its trainer, the coordinator dashboard as a Network coordinator
(no filters), the XLSX export of the matrix (the streamed file consumed
whole), plus the CSV export and the Erasmus+ indicators.  Each is set
against a baseline measured in the same run and database: one raw SQL query
(``connection.cursor()``, ``fetchall``) reading the rows the page is built
from (see ``MATRIX_SQL`` and ``NETWORK_SQL``).  The figure that matters is
page ms ÷ raw SQL ms (goal: at most 3) with a number of queries that does
not grow with the cohort (printed for the 30- and the 300-learner cohort).
For context: page ms ÷ a bare Django view served by the same client, the
peak of Python allocations per request (tracemalloc, untimed pass), and
for the XLSX export the same grid written by openpyxl alone.  Figures
only: nothing passes or fails.

SQLite by default (a temporary file); PostgreSQL when ``DATABASE_URL``
names one, which the script creates (refusing one that exists), migrates
and drops at the end.  ``--both`` runs SQLite, then PostgreSQL on
``DEFAULT_POSTGRES`` (or ``--postgres URL``).  ``--profile`` adds a
cProfile of the matrix, the coordinator dashboard and the XLSX export (top
15 by cumulative time below the middleware, then by own time).

    .venv/bin/python bench/dashboards.py [--rounds 7] [--profile]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chainon_bench_dashboards \\
        .venv/bin/python bench/dashboards.py
    .venv/bin/python bench/dashboards.py --both
"""

import argparse
import cProfile
import logging
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dj_database_url  # noqa: E402

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/chainon_bench_dashboards"
LEARNERS = 2000
MODULES = 10
UNITS_PER_MODULE = 4
ASSIGNMENTS_PER_UNIT = 2
BIG_COHORT = 300
SMALL_COHORT = 30
COHORTS = 8
COUNTRIES = ["FR", "IT", "ES", "PT"]
COMPLETED_SHARE = 0.2
MONTHS = 6
BATCH = 10_000
GOAL = 3
SEED = 8
TRAINER = "formatrice@banc.example"  # trains the cohorts of 300 and 30
COORDINATOR = "coordination@banc.example"

#: The matrix's rows: every progress row of the cohort's active learners
#: (their rows are all on this course's activities, and the course's own
#: completion row, one per finisher, comes along).
MATRIX_SQL = """
SELECT learner_id, activity, status, success, best_score, last_at
FROM lms_activityprogress
WHERE learner_id IN (
    SELECT learner_id FROM lms_enrollment WHERE cohort_id = %s AND status = 'active'
)
"""

#: The coordinator dashboard's rows, in one statement: the enrolments
#: counted with their cohort and partner, the course-completion rows of
#: those learners, and each one's latest activity within 30 days (the
#: heaviest part: it reads the 240,000 progress rows' ``last_at``).
NETWORK_SQL = """
SELECT 'enrolment', e.learner_id, e.cohort_id, c.name || ' · ' || p.name,
       CAST(e.created_at AS TEXT)
FROM lms_enrollment e
JOIN lms_cohort c ON c.id = e.cohort_id
JOIN mediation_partnerinstitution p ON p.id = c.partner_id
WHERE e.status IN ('active', 'withdrawn')
UNION ALL
SELECT 'completion', a.learner_id, NULL, a.activity, a.first_at
FROM lms_activityprogress a
WHERE a.activity = %s AND a.status = 'completed' AND a.learner_id IN (
    SELECT learner_id FROM lms_enrollment WHERE status IN ('active', 'withdrawn')
)
UNION ALL
SELECT 'active', a.learner_id, NULL, NULL, MAX(a.last_at)
FROM lms_activityprogress a
WHERE a.last_at >= %s AND a.learner_id IN (
    SELECT learner_id FROM lms_enrollment WHERE status IN ('active', 'withdrawn')
)
GROUP BY a.learner_id
"""


# -- The database and the processes -------------------------------------------------


def configure(database_url: str) -> tuple[dict | None, Path, dict]:
    """The throw-away database (PostgreSQL's is created here) and the
    environment of the processes that seed and measure it."""
    work = Path(tempfile.mkdtemp(prefix="chainon-bench-dashboards-"))
    (work / "var").mkdir()
    url = None
    if database_url.startswith(("postgres://", "postgresql://")):
        from bench.xapi import create_database

        url = dj_database_url.parse(database_url)
        create_database(url)
    else:
        database_url = f"sqlite:///{work / 'bench.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "CHAINON_TEST_MEDIA_ROOT": str(work / "media"),
        "CHAINON_VAR_DIR": str(work / "var"),
        "LOG_LEVEL": "WARNING",
    }
    return url, work, env


def run(options, database_url: str) -> None:
    """Seed in one process, measure in a fresh one: a worker serving pages
    does not carry what ``migrate`` leaves in memory (700,000 objects, which
    would make each garbage collection four times as long)."""
    url, work, env = configure(database_url)
    try:
        for phase in (["seed"], ["measure", *passed_options(options)]):
            subprocess.run(  # noqa: S603 - this very script, with our interpreter
                [sys.executable, __file__, "--phase", *phase], env=env, check=True
            )
    finally:
        if url is not None:
            from bench.xapi import drop_database

            drop_database(url)
        shutil.rmtree(work, ignore_errors=True)


def passed_options(options) -> list[str]:
    return ["--rounds", str(options.rounds)] + (
        ["--profile"] if options.profile else []
    )


def setup():
    import bench.bare_wsgi  # noqa: F401 - django.setup() and the /bare/ view

    logging.disable(logging.INFO)  # page publishing logs each page


# -- The seed ----------------------------------------------------------------------


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def unit_body(module: int, unit: int) -> list:
    """Raw stream data, as the editor stores it: text, a reflection and two
    required field assignments."""

    def assignment(n):
        return {
            "type": "field_assignment",
            "value": {
                "title": f"Sortie {module + 1}.{unit + 1}.{n + 1}",
                "instructions": "<p>Deux heures au marché avec un partenaire.</p>",
                "expected_evidence": "<p>Un compte rendu d'une page.</p>",
                "due_offset_days": 14,
                "required": True,
            },
            "id": str(uuid.uuid4()),
        }

    return [
        {"type": "heading", "value": {"text": "Pourquoi", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Aller vers les habitant·es.</p>"},
        {
            "type": "reflection",
            "value": {"question": "Qui ne vient jamais ?", "guidance": ""},
            "id": str(uuid.uuid4()),
        },
        *(assignment(n) for n in range(ASSIGNMENTS_PER_UNIT)),
    ]


def build_course():
    """The site's home, the catalogue and the course."""
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage
    from lms.models import CourseIndexPage, CoursePage, ModulePage, UnitPage

    french = Locale.objects.get(language_code="fr")
    home = publish(
        Page.get_first_root_node(),
        HomePage(title="Accueil", slug="accueil-banc", locale=french),
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    catalogue = publish(home, CourseIndexPage(title="Formations", slug="formations"))
    course = publish(
        catalogue,
        CoursePage(
            title="Aller vers les publics éloignés",
            slug="aller-vers",
            intro="Un parcours de formation-action.",
            objectives="<ul><li>Aller vers les habitant·es</li></ul>",
            audience="Habitant·es-relais et accompagnateur·rices.",
            duration_hours=40,
        ),
    )
    for m in range(MODULES):
        module = publish(
            course, ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        )
        for u in range(UNITS_PER_MODULE):
            publish(
                module,
                UnitPage(
                    title=f"Séquence {m + 1}.{u + 1}",
                    slug=f"sequence-{m + 1}-{u + 1}",
                    intro="Une séquence.",
                    body=unit_body(m, u),
                ),
            )
    return course


def course_iris(course) -> list[str]:
    """The course's tracked activities in course order: each unit, then the
    field assignments it requires (the matrix's columns)."""
    from lms.activity import FIELD_ASSIGNMENT, activity_iri

    iris = []
    for module in course.outline():
        for unit in module.unit_list:
            iris.append(unit.activity_iri)
            iris += [
                activity_iri(FIELD_ASSIGNMENT, block["id"])
                for block in unit.body.raw_data
                if block["type"] == "field_assignment"
            ]
    return iris


def stamp(moment: datetime) -> str:
    """As the LRS stores them: UTC, milliseconds, ``Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def seed(now: datetime) -> None:
    """Everything the dashboards read."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction

    from cms.models.profile import FewerOpportunity, TerritorialRole
    from lms.models import ActivityProgress, Cohort, Enrollment, FieldReport
    from mediation.models import PartnerInstitution

    User = get_user_model()  # noqa: N806
    pick = random.Random(SEED)  # noqa: S311 - a reproducible seed, not a secret
    course = build_course()
    iris = course_iris(course)
    unusable = make_password(None)
    with transaction.atomic():
        partners = [
            PartnerInstitution.objects.create(
                name=f"Musée du banc {code}",
                slug=f"banc-{code.lower()}",
                kind="museum",
                country=code,
                city="Ville",
                locale=course.locale,
            )
            for code in COUNTRIES
        ]
        trainer = User.objects.create(
            username=TRAINER,
            email=TRAINER,
            first_name="Fatou",
            last_name="Formatrice",
            password=unusable,
        )
        trainer.groups.add(Group.objects.get_or_create(name="Trainer")[0])
        coordinator = User.objects.create(
            username=COORDINATOR,
            email=COORDINATOR,
            first_name="Carla",
            last_name="Coordination",
            password=unusable,
        )
        coordinator.groups.add(Group.objects.get(name="Network coordinator"))

        roles = [value for value, _label in TerritorialRole.choices]
        reasons = [value for value, _label in FewerOpportunity.choices]
        learners = User.objects.bulk_create(
            User(
                username=f"apprenant{n}@banc.example",
                email=f"apprenant{n}@banc.example",
                first_name=f"Prénom{n % 97}",
                last_name=f"Nom{n:04d}",
                password=unusable,
                country=COUNTRIES[n % len(COUNTRIES)],
                territorial_role=roles[n % len(roles)] if n % 3 else "",
                birth_year=1950 + n % 60 if n % 5 else None,
                fewer_opportunities=[reasons[n % len(reasons)]] if n % 7 == 0 else [],
                fewer_opportunities_consent_at=now if n % 7 == 0 else None,
            )
            for n in range(LEARNERS)
        )
        learner_group = Group.objects.get_or_create(name="Learner")[0]
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=learner.pk, group_id=learner_group.pk)
            for learner in learners
        )

        rest = LEARNERS - BIG_COHORT - SMALL_COHORT
        others = COHORTS - 2
        sizes = [BIG_COHORT, SMALL_COHORT] + [
            rest // others + (i < rest % others) for i in range(others)
        ]
        start = (now - timedelta(days=30 * MONTHS + 10)).date()
        cohorts = []
        for i, _size in enumerate(sizes):
            cohort = Cohort.objects.create(
                name=cohort_name(i),
                course=course,
                partner=partners[i % len(partners)],
                language="fr",
                territory=f"Territoire {i % 5 + 1}",
                start_date=start,
                end_date=start + timedelta(days=300),
            )
            cohorts.append(cohort)
        for cohort in cohorts[:2]:
            cohort.trainers.add(trainer)

        enrolments, first = [], 0
        enrolled_at = {}
        for i, (cohort, size) in enumerate(zip(cohorts, sizes, strict=True)):
            for n, learner in enumerate(learners[first : first + size]):
                when = now - timedelta(days=pick.uniform(150, 30 * MONTHS))
                enrolled_at[learner.pk] = when
                withdrawn = i >= 2 and n % 33 == 0
                enrolments.append(
                    Enrollment(
                        cohort=cohort,
                        learner=learner,
                        status="withdrawn" if withdrawn else "active",
                        source="added",
                        created_at=when,
                    )
                )
            first += size
        enrolments = Enrollment.objects.bulk_create(enrolments)

    rows = progress_rows(learners, iris, course.activity_iri, enrolled_at, now, pick)
    with transaction.atomic():
        batch = []
        for row in rows:
            batch.append(ActivityProgress(**row))
            if len(batch) == BATCH:
                ActivityProgress.objects.bulk_create(batch)
                batch = []
        ActivityProgress.objects.bulk_create(batch)

    # Field reports: some waiting for the trainer in the big cohort, others
    # accepted across the network (people reached, per territory).
    unit_ids = {}
    from lms.models import UnitPage

    for unit in UnitPage.objects.descendant_of(course):
        for block in unit.body.raw_data:
            if block["type"] == "field_assignment":
                unit_ids[block["id"]] = (unit.pk, block["value"]["title"])
    assignments = list(unit_ids.items())[:4]
    reports = []
    for n, enrolment in enumerate(enrolments[::7]):
        block_id, (unit_id, title) = assignments[n % len(assignments)]
        waiting = enrolment.cohort_id == cohorts[0].pk
        reports.append(
            FieldReport(
                enrollment=enrolment,
                unit_id=unit_id,
                assignment_id=block_id,
                assignment_title=title,
                body="Compte rendu de la sortie.",
                people_reached=5 + n % 40,
                status="submitted" if waiting else "accepted",
                submitted_at=now - timedelta(days=n % 150),
            )
        )
    FieldReport.objects.bulk_create(reports)


def cohort_name(index: int) -> str:
    """The first cohort has ``BIG_COHORT`` learners, the second ``SMALL_COHORT``."""
    return f"Promotion {index + 1}"


def seed_phase() -> None:
    setup()
    from django.core.management import call_command
    from django.db import connection

    from lms.models import ActivityProgress

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    seed(datetime.now(UTC))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{connection.display_name}: {LEARNERS} learners, {COHORTS} cohorts, "
        f"{ActivityProgress.objects.count()} progress rows, migrated and "
        f"seeded in {time.perf_counter() - began:.0f} s"
    )


def progress_rows(learners, iris, course_iri, enrolled_at, now, pick):
    """Per learner: everything before their reach done, a few activities in
    progress, the rest not started; a fifth finished the course."""
    total = len(iris)
    for learner in learners:
        since = enrolled_at[learner.pk]
        finished = pick.random() < COMPLETED_SHARE
        reach = total if finished else int(total * pick.random() ** 1.3)
        # About a third were active in the last two weeks, the others earlier.
        quiet = pick.uniform(0, 13) if pick.random() < 0.35 else pick.uniform(14, 140)
        last = max(since + timedelta(hours=1), now - timedelta(days=quiet))
        touched = min(total, reach + 4)
        for index, iri in enumerate(iris):
            if index < touched:
                moment = since + (last - since) * ((index + 1) / touched)
                at = stamp(moment)
            else:
                at = ""
            done = index < reach
            scored = done and index % 3 and pick.random() < 0.5
            yield {
                "learner_id": learner.pk,
                "activity": iri,
                "status": "completed"
                if done
                else ("in_progress" if index < touched else "not_started"),
                "success": (True if pick.random() < 0.9 else None) if done else None,
                "best_score": round(pick.uniform(0.4, 1), 2) if scored else None,
                "last_score": None,
                "attempts": 1 if at else 0,
                "first_at": at,
                "last_at": at,
                "time_spent": 600.0 if at else 0.0,
            }
        if finished:
            at = stamp(last)
            yield {
                "learner_id": learner.pk,
                "activity": course_iri,
                "status": "completed",
                "success": True,
                "attempts": 1,
                "first_at": at,
                "last_at": at,
            }


# -- Measuring ---------------------------------------------------------------------


def timings(call, rounds: int) -> tuple[float, float]:
    """Median and slowest of ``rounds`` calls, in ms (the slowest shows the
    requests that a full garbage collection fell on)."""
    call()  # warm: templates, caches, connection
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def fetch(client, url):
    """The whole response, streamed or not, as a browser would download it."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured)


def peak_kib(call) -> float:
    """Peak of Python allocations during one call (untimed pass)."""
    call()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        call()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def raw(sql: str, params) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return len(cursor.fetchall())


def openpyxl_alone(rows_sql, params, iris: list):
    """The floor of any XLSX export: the raw rows pivoted into a grid of
    labels and written by openpyxl's write-only mode to a temporary file."""
    from django.db import connection
    from openpyxl import Workbook

    with connection.cursor() as cursor:
        cursor.execute(rows_sql, params)
        grid = {}
        for learner_id, activity, status, *_rest in cursor.fetchall():
            grid.setdefault(learner_id, {})[activity] = status
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Matrice")
    sheet.append(["Nom", "Prénom", "Courriel", "Fait", "Total", "Dernière", "Bloqué"])
    for learner_id, cells in grid.items():
        statuses = [cells.get(iri, "not_started") for iri in iris]
        sheet.append([f"Nom{learner_id}", "P", "e", 1, 40, None, "non", *statuses])
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as out:
        workbook.save(out)
        return out.tell()


def profile(label: str, call, rounds: int = 3, top: int = 15) -> None:
    """cProfile of a few requests: the ``top`` functions by cumulative time,
    below the request's wrappers (the middleware chain, which holds it all),
    then by own time; per request, in ms."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = max(cumulative for _cc, _nc, _tt, cumulative, _callers in stats.values())

    def name(key):
        filename, line, function = key
        short = filename.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        return f"{short}:{line}({function})"

    def lines(order, keep):
        chosen = sorted(
            (key for key, entry in stats.items() if keep(entry)),
            key=lambda key: stats[key][order],
            reverse=True,
        )[:top]
        for key in chosen:
            _cc, calls, own, cumulative, _callers = stats[key]
            print(
                f"  {cumulative * 1000 / rounds:8.1f} {own * 1000 / rounds:8.1f} "
                f"{calls // rounds:9d}  {name(key)}"
            )

    print(f"\n-- cProfile: {label}, {total * 1000 / rounds:.0f} ms per request")
    print(f"  {'cum ms':>8} {'own ms':>8} {'calls':>9}  by cumulative time")
    lines(3, lambda entry: entry[3] < 0.9 * total)
    print(f"  {'cum ms':>8} {'own ms':>8} {'calls':>9}  by own time")
    lines(2, lambda entry: True)


def measure_phase(options) -> None:
    setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from lms.models import Cohort, CoursePage

    User = get_user_model()  # noqa: N806
    now = datetime.now(UTC)
    course = CoursePage.objects.get(slug="aller-vers")
    iris = course_iris(course)
    print(
        f"{connection.display_name}: {len(iris)} activities, cohorts of "
        f"{BIG_COHORT} and {SMALL_COHORT}; {options.rounds} rounds, median; "
        f"{os.cpu_count()} CPUs, load average {load_average()}"
    )
    trainer, coordinator = Client(), Client()
    trainer.force_login(User.objects.get(email=TRAINER))
    coordinator.force_login(User.objects.get(email=COORDINATOR))
    big = Cohort.objects.get(name=cohort_name(0)).pk
    small = Cohort.objects.get(name=cohort_name(1)).pk
    with translation.override("fr"):
        matrix = reverse("lms:cohort-progress", args=[big])
        small_matrix = reverse("lms:cohort-progress", args=[small])
        xlsx = reverse("lms:cohort-export", args=[big, "matrix", "xlsx"])
        csv = reverse("lms:cohort-export", args=[big, "matrix", "csv"])
        small_xlsx = reverse("lms:cohort-export", args=[small, "matrix", "xlsx"])
        network = reverse("lms:network")
        indicators = reverse("lms:network-indicators")
    cutoff = (now - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S")
    network_params = [course.activity_iri, cutoff]
    print(
        f"  raw rows: matrix query {raw(MATRIX_SQL, [big])}, "
        f"network query {raw(NETWORK_SQL, network_params)}"
    )

    def page(client, target):
        return lambda: fetch(client, target)

    matrix_sql, matrix_max = timings(lambda: raw(MATRIX_SQL, [big]), options.rounds)
    network_sql, network_max = timings(
        lambda: raw(NETWORK_SQL, network_params), options.rounds
    )
    assert fetch(Client(), "/bare/") == b"ok"
    bare, bare_max = timings(page(Client(), "/bare/"), max(options.rounds, 50))
    lines = [
        ("cohort matrix, 300 learners", trainer, matrix, matrix_sql),
        ("coordinator dashboard", coordinator, network, network_sql),
        ("XLSX export of the matrix", trainer, xlsx, matrix_sql),
        ("CSV export of the matrix", trainer, csv, matrix_sql),
        ("Erasmus+ indicators", coordinator, indicators, network_sql),
        ("cohort matrix, 30 learners", trainer, small_matrix, None),
    ]
    header = ("", "ms", "max ms", "÷ raw SQL", "÷ bare", "queries", "peak KiB")
    print("  {:34} {:>8} {:>8} {:>10} {:>7} {:>8} {:>9}".format(*header))
    for label, ms, worst in (
        ("bare Django view", bare, bare_max),
        ("raw SQL: matrix rows (1 query)", matrix_sql, matrix_max),
        ("raw SQL: network rows (1 query)", network_sql, network_max),
    ):
        print(f"  {label:34} {ms:8.2f} {worst:8.2f} {'':>10} {ms / bare:7.0f}")
    for label, client, target, baseline in lines:
        ms, worst = timings(page(client, target), options.rounds)
        ratio = f"{ms / baseline:10.2f}" if baseline else f"{'':>10}"
        print(
            f"  {label:34} {ms:8.1f} {worst:8.1f} {ratio} {ms / bare:7.0f} "
            f"{queries(client, target):8d} {peak_kib(page(client, target)):9.0f}"
        )

    def write_alone():
        return openpyxl_alone(MATRIX_SQL, [big], iris)

    alone, worst = timings(write_alone, options.rounds)
    print(
        f"  {'raw SQL + openpyxl alone (XLSX)':34} {alone:8.1f} {worst:8.1f} "
        f"{alone / matrix_sql:10.2f} {alone / bare:7.0f} {1:8d} "
        f"{peak_kib(write_alone):9.0f}"
    )
    print(
        f"  queries whatever the size: matrix page {queries(trainer, small_matrix)} "
        f"({SMALL_COHORT} learners) / {queries(trainer, matrix)} ({BIG_COHORT}); "
        f"XLSX export {queries(trainer, small_xlsx)} / {queries(trainer, xlsx)}"
    )
    print(f"  load average after: {load_average()}")
    if options.profile:
        for label, client, target, _baseline in lines[:3]:
            profile(label, page(client, target))


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--both",
        action="store_true",
        help="SQLite, then PostgreSQL (--postgres), each in its own process",
    )
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--phase", choices=["seed", "measure"], help=argparse.SUPPRESS)
    return parser.parse_args()


def main():
    options = arguments()
    if options.phase == "seed":
        seed_phase()
    elif options.phase == "measure":
        measure_phase(options)
    elif options.both:
        run(options, "")
        run(options, options.postgres)
    else:
        run(options, os.environ.get("DATABASE_URL", ""))


if __name__ == "__main__":
    main()
