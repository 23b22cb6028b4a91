"""How fast does the LRS store statements, against a bare bulk insert?

On PostgreSQL only (``DATABASE_URL=postgres://…/chainon_bench``): the script
creates that database, migrates it, adds an LRS client and a few hundred
learners, and serves Chaînon with gunicorn (sync workers, as the README's
deployment) under the production settings, so connections persist as in
production.
Client threads then POST batches of realistic statements to
``/xapi/statements`` for ``--seconds``: sessions of H5P quizzes (questions
answered with a parent and a grouping, the quiz answered and completed with
scores and durations), progress and unit visits, about learners and
activities shared between batches so the progress rows are contended.

Printed: statements/s, batch latency (p50, p95), failed batches, the bare
Django view served by the same workers, the workers' peak memory; then the
baseline measured in the same run and database: the very rows the LRS
stored, inserted into a bare copy of the statement table (same columns,
same indexes, no foreign keys) by one connection, one transaction per batch
with ``executemany``, and with one ``COPY``.  The figure that matters is
LRS statements/s ÷ bulk-insert rows/s (goal: at least 0.5).  Last, the
progress rows of the live path are compared with those ``rebuild()`` gives.
The database is dropped at the end.  Figures only: nothing passes or fails.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chainon_bench \\
        .venv/bin/python bench/xapi.py [--seconds 60] [--clients 8] [--batch 100]
"""

import argparse
import base64
import json
import math
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dj_database_url  # noqa: E402
import psycopg  # noqa: E402
import urllib3  # noqa: E402
from psycopg import sql  # noqa: E402

from bench.gunicorn import Gunicorn, free_port  # noqa: E402

LEARNERS = 300
QUIZZES = 12
UNITS = 8
QUESTIONS = 6
HOT_LEARNERS = 10  # a third of the sessions: the same few people and quizzes
HOT_QUIZZES = 3
SESSION = 10  # statements per learner session (see Traffic.session)
BULK_TABLE = "bench_bulk_statement"
GOAL = 0.5

VERBS = "http://adlnet.gov/expapi/verbs/"
PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"
H5P = "https://h5p.org/x-api/h5p-local-content-id"


# -- The database ------------------------------------------------------------------


def admin_connection(url: dict):
    return psycopg.connect(
        dbname="postgres",
        user=url["USER"] or None,
        password=url["PASSWORD"] or None,
        host=url["HOST"] or None,
        port=url["PORT"] or None,
        autocommit=True,
    )


def create_database(url: dict) -> None:
    with admin_connection(url) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [url["NAME"]]
        ).fetchone()
        if exists:
            sys.exit(
                f"The database {url['NAME']} exists already; the benchmark makes "
                "and drops its own. Drop it (dropdb) or name another one."
            )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(url["NAME"])))


def drop_database(url: dict) -> None:
    with admin_connection(url) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(url["NAME"])
            )
        )


def prepare() -> tuple[dict, list[int]]:
    """Migrate, then an LRS client (its Basic header) and the learners' ids."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from lms.models import LRSClient

    call_command("migrate", verbosity=0)
    client, secret = LRSClient.create("Bench H5P host", [LRSClient.Scope.WRITE])
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    User = get_user_model()  # noqa: N806
    User.objects.bulk_create(
        User(
            username=f"bench-learner-{n}@example.org",
            email=f"bench-learner-{n}@example.org",
            password="!",  # noqa: S106 - unusable: they never sign in
        )
        for n in range(LEARNERS)
    )
    learners = list(
        User.objects.filter(username__startswith="bench-learner-").values_list(
            "pk", flat=True
        )
    )
    headers = {
        "Authorization": f"Basic {token}",
        "X-Experience-API-Version": "2.0.0",
        "Content-Type": "application/json",
    }
    return headers, learners


# -- The traffic -------------------------------------------------------------------


def iso_duration(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"PT{int(minutes)}M{rest:.2f}S" if minutes else f"PT{rest:.2f}S"


class Traffic:
    """Batches of statements as H5P hosts and Chaînon's pages send them."""

    def __init__(self, seed: int, learners: list[int], root: str):
        self.random = random.Random(seed)  # noqa: S311 - traffic, not secrets
        self.learners = learners
        self.root = root.rstrip("/")
        self.clock = datetime(2026, 9, 1, 8, tzinfo=UTC) + timedelta(days=seed)

    def activity(self, kind: str, path: str, name: str) -> dict:
        return {
            "objectType": "Activity",
            "id": f"{self.root}/xapi/activities/{kind}/{path}",
            "definition": {
                "name": {"fr": f"{name} {path}", "en": f"{name} {path}"},
                "type": "http://adlnet.gov/expapi/activities/"
                + ("assessment" if kind == "h5p" else "lesson"),
            },
        }

    def batch(self, size: int) -> list[dict]:
        statements = []
        while len(statements) < size:
            statements += self.session()
        return statements[:size]

    def session(self) -> list[dict]:
        """A learner opens a unit, works through its quiz and finishes it."""
        pick = self.random
        if pick.random() < 1 / 3:
            learner = pick.choice(self.learners[:HOT_LEARNERS])
            quiz_number = pick.randrange(HOT_QUIZZES)
        else:
            learner = pick.choice(self.learners)
            quiz_number = pick.randrange(QUIZZES)
        quiz = self.activity("h5p", f"quiz-{quiz_number}", "Quiz")
        unit = self.activity("unit", f"unit-{quiz_number % UNITS}", "Unité")
        actor = {
            "objectType": "Agent",
            "account": {"homePage": self.root, "name": str(learner)},
        }
        registration = str(uuid.UUID(int=pick.getrandbits(128), version=4))
        course = {"id": f"{self.root}/xapi/activities/course/aller-vers"}
        module = {"id": f"{self.root}/xapi/activities/module/{quiz_number % 4}"}
        self.clock += timedelta(seconds=pick.randrange(1, 90))
        when = self.clock

        def statement(verb, target, result=None, parent=None):
            nonlocal when
            when += timedelta(seconds=pick.uniform(5, 60))
            context = {
                "registration": registration,
                "platform": "H5P",
                "language": "fr-FR",
                "contextActivities": {
                    "grouping": [course, module],
                    "category": [{"id": "https://h5p.org/libraries/H5P.QuestionSet"}],
                },
                "extensions": {H5P: quiz_number},
            }
            if parent is not None:
                context["contextActivities"]["parent"] = [{"id": parent["id"]}]
            body = {
                "id": str(uuid.uuid4()),
                "actor": actor,
                "verb": {"id": VERBS + verb, "display": {"en-US": verb}},
                "object": target,
                "context": context,
                "timestamp": when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            }
            if result is not None:
                body["result"] = result
            return body

        def duration():
            return iso_duration(pick.uniform(2, 240))

        raw = 0
        out = [
            statement("experienced", unit, {"duration": duration()}),
            statement(
                "progressed",
                quiz,
                {"duration": duration(), "extensions": {PROGRESS: 10}},
                parent=unit,
            ),
        ]
        for number in range(QUESTIONS):
            right = pick.random() < 0.7
            raw += right
            question = self.activity(
                "h5p", f"quiz-{quiz_number}/question-{number}", "Question"
            )
            question["definition"]["interactionType"] = "choice"
            out.append(
                statement(
                    "answered",
                    question,
                    {
                        "score": {"min": 0, "max": 1, "raw": int(right)},
                        "success": right,
                        "completion": True,
                        "response": str(pick.randrange(4)),
                        "duration": duration(),
                    },
                    parent=quiz,
                )
            )
        score = {"min": 0, "max": QUESTIONS, "raw": raw, "scaled": raw / QUESTIONS}
        success = raw / QUESTIONS >= 0.6
        out.append(
            statement(
                "answered",
                quiz,
                {"score": score, "success": success, "duration": duration()},
                parent=None,
            )
        )
        out.append(
            statement(
                "completed",
                quiz,
                {
                    "score": score,
                    "success": success,
                    "completion": True,
                    "duration": duration(),
                },
                parent=unit,
            )
        )
        return out


# -- The server and the clients ----------------------------------------------------


class Server(Gunicorn):
    """Chaînon in gunicorn with ``workers`` sync workers, as the README deploys it."""

    def __init__(self, env: dict, workers: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "bench.bare_wsgi",
                f"--workers={workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=300",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        http = urllib3.PoolManager(retries=False, timeout=5)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                http.request("GET", self.url + "/bare/")
                return
            except urllib3.exceptions.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_mib(self) -> list[float]:
        """Each worker's peak resident memory (VmHWM), in MiB."""
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            line = next(x for x in status.splitlines() if x.startswith("VmHWM"))
            peaks.append(int(line.split()[1]) / 1024)
        return peaks


def load(clients: int, seconds: float, request) -> tuple[float, list, dict]:
    """``request(n)`` from ``clients`` threads for ``seconds``.

    Returns the elapsed time, the latencies of successful requests and the
    count of each failure (status or exception).
    """
    latencies, failures = [], {}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds

    def client(n):
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                status = request(n)
            except urllib3.exceptions.HTTPError as problem:
                status = type(problem).__name__
            took = time.perf_counter() - began
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    failures[status] = failures.get(status, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies, failures


def percentile(values: list, share: float) -> float:
    if len(values) < 2:
        return values[0] if values else math.nan
    return statistics.quantiles(values, n=100, method="inclusive")[
        round(share * 100) - 1
    ]


# -- The baseline ------------------------------------------------------------------


def bulk_baseline(dsn: str, batch: int) -> tuple[int, float, float]:
    """The LRS's rows inserted again into a bare copy of its table.

    Returns the rows, then rows/s with executemany (one transaction per
    batch, as the LRS commits) and with a single COPY.
    """
    with psycopg.connect(dsn) as db:
        db.execute(
            sql.SQL(
                "CREATE TABLE {} (LIKE lms_statement INCLUDING DEFAULTS "
                "INCLUDING CONSTRAINTS INCLUDING INDEXES)"
            ).format(sql.Identifier(BULK_TABLE))
        )
        db.commit()
        columns = [
            row[0]
            for row in db.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'lms_statement' ORDER BY ordinal_position"
            )
        ]
        names = sql.SQL(", ").join(map(sql.Identifier, columns))
        select = sql.SQL("SELECT {} FROM lms_statement ORDER BY stored").format(names)
        rows = [
            tuple(json.dumps(v) if isinstance(v, dict) else v for v in row)
            for row in db.execute(select)
        ]
        db.commit()
        insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(BULK_TABLE),
            names,
            sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        )
        start = time.perf_counter()
        with db.cursor() as cursor:
            for first in range(0, len(rows), batch):
                cursor.executemany(insert, rows[first : first + batch])
                db.commit()
        many = len(rows) / (time.perf_counter() - start)

        db.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(BULK_TABLE)))
        db.commit()
        copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(BULK_TABLE), names
        )
        start = time.perf_counter()
        with db.cursor() as cursor, cursor.copy(copy) as stream:
            for row in rows:
                stream.write_row(row)
        db.commit()
        copied = len(rows) / (time.perf_counter() - start)
    return len(rows), many, copied


# -- Progress: the live rows against a rebuild -------------------------------------


FLOAT_FIELDS = ("best_score", "last_score", "time_spent")


def progress_rows() -> dict:
    from lms.models import ActivityProgress

    fields = [
        f.name
        for f in ActivityProgress._meta.concrete_fields
        if f.name not in ("id", "updated_at")
    ]
    return {
        (row["learner"], row["activity"]): row
        for row in ActivityProgress.objects.values(*fields)
    }


def compare_with_rebuild() -> str:
    from lms.progress import rebuild

    live = progress_rows()
    start = time.perf_counter()
    rebuild()
    took = time.perf_counter() - start
    rebuilt = progress_rows()
    differing = [
        key for key in live.keys() | rebuilt.keys() if live.get(key) != rebuilt.get(key)
    ]
    summary = f"{len(live)} live rows, rebuilt in {took:.1f} s: "
    if not differing:
        return summary + "OK (identical)"

    def rounding_only(key):
        old, new = live.get(key), rebuilt.get(key)
        if old is None or new is None:
            return False
        return all(
            math.isclose(old[f] or 0, new[f] or 0, rel_tol=1e-12)
            if f in FLOAT_FIELDS
            else old[f] == new[f]
            for f in old
        )

    rounding = sum(map(rounding_only, differing))
    example = differing[0]
    return (
        summary + f"DIFF in {len(differing)} rows ({rounding} only in the last "
        f"digits of a float sum); e.g. {example}:\n  live    {live.get(example)}"
        f"\n  rebuilt {rebuilt.get(example)}"
    )


# -- Main --------------------------------------------------------------------------


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--settings",
        default="cms.settings.production",
        help="Django settings of the server (cms.settings.test: a fast hasher)",
    )
    return parser.parse_args()


def main():
    options = arguments()
    database_url = os.environ.get("DATABASE_URL", "")
    url = dj_database_url.parse(database_url) if database_url else {}
    if url.get("ENGINE") != "django.db.backends.postgresql":
        # A refusal, not a failure: `make bench` goes on with the others.
        print(
            "bench/xapi.py: not run. It measures the LRS on PostgreSQL, as "
            "deployed: set DATABASE_URL=postgres://user@host:5432/chainon_bench "
            "(a database it creates and drops). SQLite writes one at a time.",
            file=sys.stderr,
        )
        return
    create_database(url)
    work = Path(tempfile.mkdtemp(prefix="chainon-bench-xapi-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": options.settings,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CHAINON_TEST_MEDIA_ROOT": str(work / "media"),
        "CHAINON_VAR_DIR": str(work / "var"),
        "LOG_LEVEL": "WARNING",
        "SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front here
    }
    (work / "var" / "static").mkdir(parents=True)
    os.environ.update(env)
    server = None
    try:
        headers, learners = prepare()
        from django.conf import settings
        from django.db import connection

        from lms.models import LRSClient

        root = settings.CHAINON_ACTIVITY_ROOT
        probe, probe_secret = LRSClient.create("bench probe", [])
        start = time.perf_counter()
        probe.check_secret(probe_secret)
        auth_ms = (time.perf_counter() - start) * 1000
        probe.delete()
        load_before = os.getloadavg()[0]
        server = Server(env, options.workers)
        http = urllib3.PoolManager(maxsize=options.clients, retries=False, timeout=300)
        statements_url = server.url + "/xapi/statements"
        traffic = [Traffic(n, learners, root) for n in range(options.clients)]
        samples = []

        def post(n):
            body = json.dumps(traffic[n].batch(options.batch)).encode()
            response = http.request("POST", statements_url, body=body, headers=headers)
            if response.status != 200 and not samples:
                samples.append(f"{response.status}: {response.data[:160]!r}")
            return response.status

        def bare(_n):
            return http.request("GET", server.url + "/bare/").status

        load(options.clients, min(3, options.seconds), bare)  # warm every worker
        for n in range(options.clients):
            post(n)  # definitions and first progress rows
        bare_seconds, bare_latencies, _ = load(
            options.clients, min(5, options.seconds), bare
        )
        seconds, latencies, failures = load(options.clients, options.seconds, post)
        peaks = server.peak_mib()
        server.stop()
        server = None

        stored = len(latencies) * options.batch / seconds
        print(
            f"LRS: {options.clients} clients, batches of {options.batch}, "
            f"{options.seconds:g} s, gunicorn {options.workers} sync workers, "
            f"{options.settings}, PostgreSQL; {os.cpu_count()} CPUs, load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
        )
        print(
            f"  Basic credentials   {auth_ms:9.3f} ms to check the secret, each request"
        )
        print(f"  bare Django view    {len(bare_latencies) / bare_seconds:9.0f} req/s")
        print(
            f"  statements stored   {stored:9.0f} /s "
            f"({len(latencies)} batches, {len(latencies) / seconds:.1f} batches/s)"
        )
        print(
            f"  batch latency       p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms"
        )
        print(f"  failed batches      {sum(failures.values())} {failures or ''}")
        for sample in samples:
            print(f"    {sample}")
        print(
            f"  worker peak memory  {max(peaks):.0f} MiB max, "
            f"{sum(peaks):.0f} MiB for {len(peaks)} workers (VmHWM)"
        )

        connection.close()
        rows, many, copied = bulk_baseline(conninfo(url), options.batch)
        print(f"Bulk insert of the same {rows} rows into a bare copy of the table:")
        for label, rate in (
            (f"executemany, {options.batch} rows per transaction", many),
            ("one COPY", copied),
        ):
            ratio = stored / rate
            verdict = "met" if ratio >= GOAL else "NOT met"
            print(
                f"  {label:40} {rate:9.0f} rows/s   LRS ratio {ratio:.3f} "
                f"(goal {GOAL}: {verdict})"
            )
        print("Progress, live against rebuild():", compare_with_rebuild())
    finally:
        if server is not None:
            server.stop()
        from django.db import connections

        connections.close_all()
        drop_database(url)
        shutil.rmtree(work, ignore_errors=True)


def conninfo(url: dict) -> str:
    return psycopg.conninfo.make_conninfo(
        dbname=url["NAME"],
        user=url["USER"] or None,
        password=url["PASSWORD"] or None,
        host=url["HOST"] or None,
        port=url["PORT"] or None,
    )


if __name__ == "__main__":
    main()
