"""How much the site shell costs: home, content and search pages vs a bare view.

Prints, for each page, the mean time per request, the ratio against a bare
Django view measured in the same run, the number of SQL queries and the peak
Python memory of one request.  Runs on a throw-away SQLite database loaded with
the demo network.
"""

import logging
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402

import cms.urls  # noqa: E402

ROUNDS = 200


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *cms.urls.urlpatterns]


def measure(client, url):
    client.get(url)  # warm caches
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: (
            queries.append(sql),
            execute(sql, params, many, context),
        )[1]
    ):
        client.get(url)
    tracemalloc.start()
    client.get(url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.mean(timings), len(queries), peak


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    logging.disable(logging.INFO)  # the seed logs every page it creates
    call_command("seed_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    with override_settings(ROOT_URLCONF=__name__):
        client = Client()
        baseline, _q, _m = measure(client, "/bare/")
        header = ("page", "ms/request", "x bare", "queries", "peak KiB")
        print("{:28} {:>10} {:>8} {:>8} {:>9}".format(*header))
        for url in ["/bare/", "/fr/", "/en/the-network/", "/fr/search/?q=musée"]:
            mean, queries, peak = measure(client, url)
            print(
                f"{url:28} {mean * 1000:10.2f} {mean / baseline:8.1f} "
                f"{queries:8d} {peak / 1024:9.0f}"
            )


if __name__ == "__main__":
    main()
