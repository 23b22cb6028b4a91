"""How fast is ``GET /api/v1/progress/`` on 240,000 rows, against a bare JSON view?

Seeds a throw-away database with ``bench/dashboards.py``'s network (one
course of 120 tracked activities, 4 partners, 8 cohorts, 2,000 learners,
2,000 × 120 = 240,000 ``ActivityProgress`` rows plus a course-completion row
for about a fifth of them; ``--rows`` scales the learners), then spreads
the rows' ``updated_at`` as the LRS would have written them (the moment of
the row's latest statement; the enrolment for a row never started) and
adds a second trainer, who runs the last cohort: its learners' rows are
the newest, at the far end of the id order the API walks.  The seed runs in
one process and the measures in a fresh one, as in ``bench/dashboards.py``.

Then, in-process with Django's test client and Bearer tokens, each request
is sent ``--repeat`` times (median and 95th percentile kept): the progress
list as a Network coordinator (every row) and as the two trainers (the
learners of their cohorts), first page and a deep page (5/6 of the way
through the reader's rows: row 200,000 of the coordinator's, reached with a
cursor made by the API's own pagination class; for the first trainer also
the last page, where a sync script that kept its ``next`` link resumes),
``page_size`` 50 and 200, with ``?cohort=``, ``?updated_since=`` (the last
14 days) and ``?updated_since=&ordering=updated_at`` (a sync script
resuming).

The baseline of each is a bare Django view defined here and served by the
same client: the same rows (same scope, filters, position and size) read
with ``.values()`` and returned by ``JsonResponse``, the cheapest honest
JSON list.  ``÷ bare`` is API ms ÷ that view's ms; ``÷ bare p1`` is API ms
÷ the bare view's unfiltered first page of the same size, which also shows
what the filter's SQL costs.  Queries per request are counted with
``CaptureQueriesContext`` (after a warm-up request, so a token's
``last_used_at`` write is not counted), and the peak of Python allocations
of one request with tracemalloc.  Last, the coordinator walks the whole
collection with ``page_size=200`` following the ``next`` links, as a sync
script downloads everything (rows/s, against the bare view walked the same
way).  ``--explain`` prints, for each scenario at ``page_size=50``, the SQL
of the page's query and its plan (``EXPLAIN ANALYZE`` on PostgreSQL,
``EXPLAIN QUERY PLAN`` on SQLite), and the bare view's beside it;
``--profile`` a cProfile of two first pages (coordinator, ``page_size=200``;
trainer 8, 50).  Figures only: nothing passes or fails.

SQLite by default (a temporary file); PostgreSQL when ``DATABASE_URL`` names
one, which the script creates (refusing one that exists), migrates and
drops at the end.  ``--both`` runs SQLite, then PostgreSQL on
``DEFAULT_POSTGRES`` (or ``--postgres URL``).

    .venv/bin/python bench/api.py [--rows 240000] [--repeat 20] [--explain] \\
        [--profile] [--no-walk]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chainon_bench_api \\
        .venv/bin/python bench/api.py
    .venv/bin/python bench/api.py --both
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import dashboards  # noqa: E402

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/chainon_bench_api"
ACTIVITIES = (
    dashboards.MODULES
    * dashboards.UNITS_PER_MODULE
    * (1 + dashboards.ASSIGNMENTS_PER_UNIT)
)
DEFAULT_ROWS = dashboards.LEARNERS * ACTIVITIES  # 240,000
DEFAULT_REPEAT = 20
MIN_LEARNERS = 40
DEEP_SHARE = 5 / 6  # the deep page starts at row 200,000 of 240,000
LAST_ROWS = 10  # the last page: where a sync script that kept its link resumes
SINCE_DAYS = 14
SIZES = (50, 200)
WALK_SIZE = 200
RECENT_TRAINER = "formateur-recent@banc.example"  # runs the last cohort
PROGRESS = "/api/v1/progress/"
BARE = "/bench/bare-progress/"
#: What the bare view reads: the serializer's fields.
FIELDS = (
    "id",
    "learner_id",
    "activity",
    "status",
    "success",
    "best_score",
    "last_score",
    "attempts",
    "first_at",
    "last_at",
    "time_spent",
    "updated_at",
)

#: Filled by ``install_urls`` in the measuring process.
urlpatterns = []

#: The rows' ``updated_at`` as the LRS leaves it: when their latest
#: statement came (``last_at`` is ISO 8601 text, ``…T…Z``), or the
#: learner's enrolment for a row never touched.  The seed's bulk inserts
#: gave them all the moment of the seed.
SPREAD_SQL = {
    "postgresql": """
        UPDATE lms_activityprogress SET updated_at = CAST(last_at AS timestamptz)
        WHERE last_at <> ''
    """,
    # Django keeps SQLite datetimes as UTC text, ``YYYY-MM-DD HH:MM:SS.ffffff``.
    "sqlite": """
        UPDATE lms_activityprogress
        SET updated_at = replace(substr(last_at, 1, 23), 'T', ' ')
        WHERE last_at <> ''
    """,
}
NEVER_STARTED_SQL = """
UPDATE lms_activityprogress SET updated_at = (
    SELECT MIN(e.created_at) FROM lms_enrollment e
    WHERE e.learner_id = lms_activityprogress.learner_id
) WHERE last_at = ''
"""


# -- The database and the processes -------------------------------------------------


def run(options, database_url: str) -> None:
    """Seed in one process, measure in a fresh one (see ``dashboards.run``)."""
    url, work, env = dashboards.configure(database_url)
    phases = (
        ["seed", "--rows", str(options.rows)],
        ["measure", "--repeat", str(options.repeat)]
        + (["--explain"] if options.explain else [])
        + (["--profile"] if options.profile else [])
        + ([] if options.walk else ["--no-walk"]),
    )
    try:
        for phase in phases:
            subprocess.run(  # noqa: S603 - this very script, with our interpreter
                [sys.executable, __file__, "--phase", *phase], env=env, check=True
            )
    finally:
        if url is not None:
            from bench.xapi import drop_database

            drop_database(url)
        shutil.rmtree(work, ignore_errors=True)


# -- The seed ----------------------------------------------------------------------


def scale(rows: int) -> int:
    """Learners for about ``rows`` progress rows; the dashboards' cohorts of
    300 and 30 (of 2,000) shrink or grow in proportion."""
    learners = max(MIN_LEARNERS, round(rows / ACTIVITIES))
    dashboards.LEARNERS = learners
    dashboards.BIG_COHORT = max(1, learners * 3 // 20)
    dashboards.SMALL_COHORT = max(1, learners * 3 // 200)
    return learners


def seed_phase(options) -> None:
    dashboards.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction

    from lms.models import ActivityProgress, Cohort

    learners = scale(options.rows)
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    dashboards.seed(datetime.now(UTC))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(SPREAD_SQL[connection.vendor])
        cursor.execute(NEVER_STARTED_SQL)
        recent = get_user_model().objects.create(
            username=RECENT_TRAINER,
            email=RECENT_TRAINER,
            first_name="Rémi",
            last_name="Récent",
            password=make_password(None),
        )
        recent.groups.add(Group.objects.get(name="Trainer"))
        Cohort.objects.get(
            name=dashboards.cohort_name(dashboards.COHORTS - 1)
        ).trainers.add(recent)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(
        f"{connection.display_name}: {learners} learners × {ACTIVITIES} activities, "
        f"{dashboards.COHORTS} cohorts, {ActivityProgress.objects.count():,} progress "
        f"rows, migrated and seeded in {time.perf_counter() - began:.0f} s"
    )


# -- The bare view -----------------------------------------------------------------


def bare_progress(request):
    """The cheapest honest JSON list: the same rows as the API's page (same
    learners, filters, position, size and order), read with ``.values()``,
    with a ``next`` link to walk on.  No authentication, no permission
    check, no serializer: the floor under any endpoint."""
    from django.http import JsonResponse
    from django.utils.dateparse import parse_datetime

    from lms.models import ActivityProgress, Enrollment

    query = request.GET
    size = int(query.get("page_size", 50))
    rows = ActivityProgress.objects.all()
    if "cohorts" in query:
        cohorts = [int(pk) for pk in query["cohorts"].split(",")]
        learners = Enrollment.objects.filter(cohort__in=cohorts).values("learner_id")
        rows = rows.filter(learner__in=learners)
    if "updated_since" in query:
        rows = rows.filter(updated_at__gte=parse_datetime(query["updated_since"]))
    if query.get("ordering") == "updated_at":
        rows = rows.order_by("updated_at", "pk")
        if "after" in query:
            moment, pk = query["after"].split("|")
            moment = parse_datetime(moment)
            rows = rows.filter(updated_at__gte=moment).exclude(
                updated_at=moment, pk__lte=int(pk)
            )
    else:
        rows = rows.order_by("pk")
        if "after" in query:
            rows = rows.filter(pk__gt=int(query["after"]))
    page = list(rows.values(*FIELDS)[: size + 1])
    following = None
    if len(page) > size:
        page = page[:size]
        last = page[-1]
        after = (
            f"{last['updated_at'].isoformat()}|{last['id']}"
            if query.get("ordering") == "updated_at"
            else last["id"]
        )
        following = f"{request.path}?{urlencode({**query.dict(), 'after': after})}"
    return JsonResponse({"next": following, "results": page})


def install_urls() -> None:
    """``/bench/bare-progress/`` beside the site (and ``bare_wsgi``'s ``/bare/``)."""
    global urlpatterns
    from django.conf import settings
    from django.urls import clear_url_caches, path

    import bench.bare_wsgi

    urlpatterns = [
        path(BARE.strip("/") + "/", bare_progress),
        *bench.bare_wsgi.urlpatterns,
    ]
    settings.ROOT_URLCONF = __name__
    clear_url_caches()


# -- Measuring ---------------------------------------------------------------------


class Scenario:
    """One request of the API and the bare view's request for the same rows:
    who reads, which list (and how many rows it holds), which page."""

    def __init__(self, reader, what, page, size, url, bare_url):
        self.reader, self.what, self.page, self.size = reader, what, page, size
        self.url, self.bare_url = url, bare_url
        self.page_rows = 0

    @property
    def label(self) -> str:
        return f"{self.reader}, {self.what}, {self.page}, page_size={self.size}"


def percentile(values: list[float], share: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timings(calls, repeat: int) -> list[tuple[float, float]]:
    """Median and 95th percentile, in ms, of ``repeat`` rounds of each call,
    after one warm-up each.  The calls take turns within each round, so
    that the load of other work on the machine weighs on each alike and
    the ratios between them hold even when the absolute times drift."""
    for call in calls:
        call()
    times = [[] for _ in calls]
    for _ in range(repeat):
        for call, kept in zip(calls, times, strict=True):
            start = time.perf_counter()
            call()
            kept.append((time.perf_counter() - start) * 1000)
    return [(statistics.median(kept), percentile(kept, 0.95)) for kept in times]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content)
    return response


def count_queries(call) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # a token records its use at most once a while: not counted
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def deep_cursor(url: str, position: int) -> str:
    """The API's own next link for the page after row ``position`` (a pk),
    as the pagination class signs it, without walking there."""
    from rest_framework.pagination import Cursor

    from cms.api.pagination import ApiCursorPagination

    pager = ApiCursorPagination()
    pager.ordering = ("pk",)  # the progress list's default order
    pager.base_url = f"http://testserver{url}"
    return pager.encode_cursor(Cursor(offset=0, reverse=False, position=str(position)))


def with_query(path: str, params: dict) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def scenarios(readers, since: datetime) -> list[Scenario]:
    """Every request measured, at both page sizes, deep pages resolved."""
    from lms.models import Cohort, Enrollment
    from lms.permissions import progress_visible_to

    small = Cohort.objects.get(name=dashboards.cohort_name(1))
    last = Cohort.objects.get(name=dashboards.cohort_name(dashboards.COHORTS - 1))
    since_text = since.strftime("%Y-%m-%dT%H:%M:%SZ")

    def visible(reader, cohort=None, updated=False):
        rows = progress_visible_to(readers[reader][0])
        if cohort is not None:
            learners = Enrollment.objects.filter(cohort=cohort).values("learner_id")
            rows = rows.filter(learner__in=learners)
        if updated:
            rows = rows.filter(updated_at__gte=since)
        return rows.order_by("pk")

    def scope(reader):
        """The bare view's learners: the trainer's cohorts, or everyone."""
        user = readers[reader][0]
        cohorts = list(user.trained_cohorts.values_list("pk", flat=True))
        return {"cohorts": ",".join(map(str, cohorts))} if cohorts else {}

    days = f"-{SINCE_DAYS}d"
    plan = [
        ("coordinator", "all", None, False, None),
        ("coordinator", "all", None, False, "deep"),
        ("coordinator", f"?cohort={last.pk}", last, False, None),
        ("coordinator", f"?updated_since={days}", None, True, None),
        ("coordinator", f"?updated_since={days}", None, True, "deep"),
        ("coordinator", f"?updated_since={days}&ordering=updated_at", None, True, None),
        ("trainer 1+2", "all", None, False, None),
        ("trainer 1+2", "all", None, False, "deep"),
        ("trainer 1+2", "all", None, False, "last"),
        ("trainer 1+2", f"?cohort={small.pk}", small, False, None),
        ("trainer 1+2", f"?updated_since={days}", None, True, None),
        ("trainer 8", "all", None, False, None),
        ("trainer 8", "all", None, False, "deep"),
    ]
    result = []
    for reader, what, cohort, updated, deep in plan:
        rows = visible(reader, cohort, updated)
        total = rows.count()
        for size in SIZES:
            params, bare = {"page_size": size}, {"page_size": size, **scope(reader)}
            if cohort is not None:
                params["cohort"] = cohort.pk
                bare["cohorts"] = str(cohort.pk)
            if updated:
                params["updated_since"] = bare["updated_since"] = since_text
            if "ordering=" in what:
                params["ordering"] = bare["ordering"] = "updated_at"
            url = with_query(PROGRESS, params)
            bare_url = with_query(BARE, bare)
            page = "first"
            if deep:
                row = int(total * DEEP_SHARE) if deep == "deep" else total - LAST_ROWS
                position = rows.values_list("pk", flat=True)[row - 1]
                url = deep_cursor(url, position)
                bare_url = with_query(BARE, {**bare, "after": position})
                page = f"after {row:,}" if deep == "deep" else "last"
            what_rows = f"{what} ({total:,})"
            result.append(Scenario(reader, what_rows, page, size, url, bare_url))
    return result


def explain(call) -> None:
    """The SQL of the request's queries on the progress table, and its plan."""
    from django.db import connection

    seen = []

    def capture(execute, sql, params, many, context):
        seen.append((sql, params))
        return execute(sql, params, many, context)

    call()
    with connection.execute_wrapper(capture):
        call()
    print(f"    {len(seen)} queries:")
    for sql, _params in seen:
        print(f"      {sql[:150]}{' …' if len(sql) > 150 else ''}")
    for sql, params in seen:
        if "lms_activityprogress" not in sql:
            continue
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) "
            if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN "
        )
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            plan = cursor.fetchall()
        print(f"    SQL: {sql}")
        print(f"    params: {params}")
        for line in plan:
            print("      " + " | ".join(str(part) for part in line))


class Walk:
    """A sync script downloading a whole list, page after page, following
    ``next``: its requests, rows, ms per request (parsing not counted) and
    queries."""

    def __init__(self, client, url: str):
        self.client, self.url = client, url
        self.rows, self.times, self.queries, self.last_id = 0, [], 0, 0

    def step(self) -> None:
        from django.db import connection

        def count(execute, sql, params, many, context):
            self.queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            start = time.perf_counter()
            response = get(self.client, self.url)
            self.times.append((time.perf_counter() - start) * 1000)
        page = json.loads(response.content)
        ids = [row["id"] for row in page["results"]]
        assert ids == sorted(ids) and (not ids or ids[0] > self.last_id), self.url
        self.last_id = ids[-1] if ids else self.last_id
        self.rows += len(ids)
        self.url = page["next"]

    @property
    def seconds(self) -> float:
        return sum(self.times) / 1000

    def summary(self) -> str:
        return (
            f"{len(self.times):,} requests, {self.rows:,} rows in "
            f"{self.seconds:.1f} s ({self.rows / self.seconds:,.0f} rows/s); per "
            f"request median {statistics.median(self.times):.1f} ms, p95 "
            f"{percentile(self.times, 0.95):.1f} ms, "
            f"{self.queries / len(self.times):.1f} queries"
        )


def walk_both(api: Walk, bare: Walk) -> None:
    """Both walks in step, a page of one then a page of the other."""
    while api.url or bare.url:
        for walker in (api, bare):
            if walker.url:
                walker.step()


def measure_phase(options) -> None:
    dashboards.setup()
    install_urls()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cms.models import ApiToken
    from lms.models import ActivityProgress
    from lms.permissions import progress_visible_to

    User = get_user_model()  # noqa: N806
    readers = {}
    for name, email in (
        ("coordinator", dashboards.COORDINATOR),
        ("trainer 1+2", dashboards.TRAINER),
        ("trainer 8", RECENT_TRAINER),
    ):
        user = User.objects.get(email=email)
        _token, plaintext = ApiToken.issue(user, "bench")
        client = Client(headers={"Authorization": f"Bearer {plaintext}"})
        readers[name] = (user, client, name)
    bare_client = Client()
    now = datetime.now(UTC)
    plan = scenarios(readers, now - timedelta(days=SINCE_DAYS))
    total = ActivityProgress.objects.count()
    print(
        f"{connection.display_name}: {total:,} progress rows; "
        f"{options.repeat} requests each, median and p95; "
        f"{os.cpu_count()} CPUs, load average {dashboards.load_average()}"
    )
    print(
        "  readers (Bearer tokens): coordinator = a Network coordinator (every row); "
        "trainer 1+2 = the trainer of cohorts 1 and 2 (their learners' rows are "
        "the oldest ids); trainer 8 = the trainer of cohort 8 (the newest ids)"
    )
    for user, _client, name in readers.values():
        cohorts = ", ".join(
            f"{cohort.name} ({cohort.enrollments.count()} learners)"
            for cohort in user.trained_cohorts.order_by("pk")
        )
        print(
            f"  {name}: {progress_visible_to(user).count():,} rows visible"
            + (f"; runs {cohorts}" if cohorts else "")
        )

    # The same rows on both sides, or the ratio means nothing.
    for scenario in plan:
        client = readers[scenario.reader][1]
        api_ids = [row["id"] for row in get(client, scenario.url).json()["results"]]
        bare_ids = [
            row["id"] for row in get(bare_client, scenario.bare_url).json()["results"]
        ]
        assert api_ids == bare_ids and api_ids, (
            scenario.label,
            api_ids[:3],
            bare_ids[:3],
        )
        scenario.page_rows = len(api_ids)

    ((bare_ok, _p95),) = timings([lambda: get(bare_client, "/bare/")], options.repeat)

    header = (
        "reader",
        "list (rows in it)",
        "page",
        "size",
        "rows",
        "API ms",
        "p95",
        "bare ms",
        "p95",
        "÷ bare",
        "÷ bare p1",
        "queries",
        "API KiB",
        "bare KiB",
    )
    row_format = (
        "  {:11} {:47} {:12} {:>4} {:>4} {:>7} {:>7} {:>7} {:>7} {:>6} {:>9} "
        "{:>7} {:>7} {:>8}"
    )
    print()
    print(f"  bare view, HttpResponse('ok'): {bare_ok:.2f} ms")
    print(
        "  ÷ bare: API ms ÷ the bare JSON view's ms for the same rows; ÷ bare p1: "
        "API ms ÷ the bare view's unfiltered first page of the same size (the "
        "three taking turns); queries: API/bare; KiB: tracemalloc peak of one "
        "request"
    )
    print()
    print(row_format.format(*header))
    for scenario in plan:
        client = readers[scenario.reader][1]

        def api(client=client, url=scenario.url):
            return get(client, url)

        def bare(url=scenario.bare_url):
            return get(bare_client, url)

        first_page = with_query(BARE, {"page_size": scenario.size})

        def floor(url=first_page):
            return get(bare_client, url)

        (api_ms, api_p95), (bare_ms, bare_p95), (floor_ms, _p95) = timings(
            [api, bare, floor], options.repeat
        )
        size = scenario.size
        print(
            row_format.format(
                scenario.reader,
                scenario.what,
                scenario.page,
                size,
                scenario.page_rows,
                f"{api_ms:.1f}",
                f"{api_p95:.1f}",
                f"{bare_ms:.1f}",
                f"{bare_p95:.1f}",
                f"{api_ms / bare_ms:.2f}",
                f"{api_ms / floor_ms:.2f}",
                f"{count_queries(api)}/{count_queries(bare)}",
                f"{dashboards.peak_kib(api):.0f}",
                f"{dashboards.peak_kib(bare):.0f}",
            )
        )

    if options.walk:
        api = Walk(
            readers["coordinator"][1], with_query(PROGRESS, {"page_size": WALK_SIZE})
        )
        bare = Walk(bare_client, with_query(BARE, {"page_size": WALK_SIZE}))
        walk_both(api, bare)
        assert api.rows == bare.rows == total, (api.rows, bare.rows, total)
        print()
        print(
            f"  walk of every row, page_size={WALK_SIZE}, network coordinator, "
            f"API: {api.summary()}"
        )
        print(f"  the same walk on the bare view (in turns): {bare.summary()}")
        print(f"  walk time, API ÷ bare: {api.seconds / bare.seconds:.2f}")
    print(f"  load average after: {dashboards.load_average()}")

    if options.explain:
        print()
        for scenario in plan:
            if scenario.size != SIZES[0]:
                continue
            print(f"  -- {scenario.label}: the API's page query")
            client = readers[scenario.reader][1]
            explain(lambda client=client, url=scenario.url: get(client, url))
            print("  -- the bare view's query, for the same rows")
            explain(lambda url=scenario.bare_url: get(bare_client, url))
    if options.profile:
        for reader, size in (("coordinator", 200), ("trainer 8", 50)):
            scenario = next(
                one
                for one in plan
                if one.reader == reader and one.size == size and one.page == "first"
            )
            client = readers[reader][1]
            dashboards.profile(
                scenario.label,
                lambda client=client, url=scenario.url: get(client, url),
                rounds=20,
            )


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rows",
        type=int,
        default=DEFAULT_ROWS,
        help=f"progress rows to seed, {ACTIVITIES} per learner (default %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=DEFAULT_REPEAT,
        help="requests per measure, after one warm-up (default %(default)s)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="print each page query's plan"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile of the coordinator's and trainer 8's first pages",
    )
    parser.add_argument(
        "--no-walk",
        dest="walk",
        action="store_false",
        help="skip the walk through the whole collection",
    )
    parser.add_argument(
        "--both",
        action="store_true",
        help="SQLite, then PostgreSQL (--postgres), each in its own processes",
    )
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--phase", choices=["seed", "measure"], help=argparse.SUPPRESS)
    return parser.parse_args()


def main():
    options = arguments()
    if options.phase == "seed":
        seed_phase(options)
    elif options.phase == "measure":
        measure_phase(options)
    elif options.both:
        run(options, "")
        run(options, options.postgres)
    else:
        run(options, os.environ.get("DATABASE_URL", ""))


if __name__ == "__main__":
    main()
