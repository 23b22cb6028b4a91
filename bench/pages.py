"""Throughput of Chaînon's pages against a bare Django view.

A unit page for an enrolled learner (ten blocks: headings, paragraphs, a
testimony, a reflection question with the learner's saved answer, a
checklist and a field assignment), the learner home, a mediation resource
page, a partner's page and the resource catalogue (every French resource
of the demo plus ``EXTRA_RESOURCES`` more, unfiltered, then with words and
two facets).  Chaînon runs in gunicorn (one worker, four threads) as in
production, with the demo network in a throw-away SQLite database; each
page is requested over HTTP with keep-alive, one request at a time, and so
is a bare Django view served by the same worker.  The figure that matters
is requests per second as a ratio of the bare view's (goal: at least 0.10,
about what a plain Wagtail page reaches).  Also printed: SQL queries per
request (counted in-process with the test client) and the response size.
"""

import logging
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import urllib3  # noqa: E402

from bench.gunicorn import Gunicorn  # noqa: E402

ROUNDS = 300
TEN_BLOCK_SLUG = "dix-blocs"
#: Resources added to the demo's, so the catalogue pages through results.
EXTRA_RESOURCES = 60
RESOURCE_TYPES = ["video", "audio_guide", "tour_360", "object_3d", "image_set"]
AUDIENCES = [["families"], ["youth", "families"], ["rural"], ["mediators"]]
FEATURES = [["closedCaptions", "transcript"], ["alternativeText"], ["signLanguage"]]


def ten_block_body():
    def block(kind, value):
        return {"type": kind, "value": value, "id": str(uuid.uuid4())}

    paragraph = "<p>Aller vers les habitant·es, là où ils et elles vivent.</p>" * 3
    return [
        block("heading", {"text": "Pourquoi aller vers ?", "level": "h2"}),
        block("paragraph", paragraph),
        block("testimony", {"text": "On vient vers nous.", "person": "Nadia"}),
        block("paragraph", paragraph),
        block("heading", {"text": "Se préparer", "level": "h2"}),
        block("checklist", {"title": "Avant", "items": ["Badge", "Flyers", "Plan"]}),
        block("paragraph", paragraph),
        block("reflection", {"question": "Qui ne vient jamais ?", "guidance": ""}),
        block("paragraph", paragraph),
        block(
            "field_assignment",
            {
                "title": "Une marche au marché",
                "instructions": "<p>Deux heures au marché avec un partenaire.</p>",
                "expected_evidence": "<p>Une page, le nombre de personnes.</p>",
                "due_offset_days": 14,
            },
        ),
    ]


def mediation_pages() -> list[tuple[str, bool, str]]:
    """The demo's partner area in French, grown by ``EXTRA_RESOURCES``; the
    resource page measured is the demo resource with the most media items."""
    from django.db.models import Count
    from wagtail.models import Locale

    from cms.models import HomePage
    from mediation.models import (
        MediationResourcePage,
        PartnerIndexPage,
        PartnerInstitution,
        PartnerListPage,
        ResourceCatalogPage,
    )

    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french)
    catalogue = ResourceCatalogPage.objects.filter(locale=french).first()
    if catalogue is None:
        catalogue = ResourceCatalogPage(title="Ressources", slug="ressources")
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()
    indexes = list(PartnerIndexPage.objects.filter(locale=french))
    if not indexes:
        partners = PartnerListPage(title="Partenaires", slug="partenaires")
        home.add_child(instance=partners)
        partners.save_revision().publish()
        partner = PartnerInstitution.objects.create(
            name="Musée du banc d'essai",
            slug="banc-essai",
            kind="museum",
            country="FR",
            locale=french,
        )
        index = PartnerIndexPage(title=partner.name, slug="banc-essai", partner=partner)
        partners.add_child(instance=index)
        index.save_revision().publish()
        indexes = [index]
    for n in range(EXTRA_RESOURCES):
        page = MediationResourcePage(
            title=f"Ressource de médiation {n:02d}",
            slug=f"banc-essai-{n:02d}",
            summary="Une ressource de médiation pour le banc d'essai du catalogue.",
            resource_type=RESOURCE_TYPES[n % len(RESOURCE_TYPES)],
            audiences=AUDIENCES[n % len(AUDIENCES)],
            accessibility_features=FEATURES[n % len(FEATURES)],
        )
        indexes[n % len(indexes)].add_child(instance=page)
        page.save_revision().publish()
    resources = MediationResourcePage.objects.live().filter(locale=french)
    richest = resources.annotate(items=Count("media_items")).order_by("-items", "pk")
    words = "?q=m%C3%A9diation&type=video&type=audio_guide&audience=families"
    return [
        ("mediation resource page (anonymous)", False, richest.first().url),
        ("partner page (anonymous)", False, indexes[0].url),
        (f"catalogue, {resources.count()} resources (anonymous)", False, catalogue.url),
        ("catalogue, words + two facets", False, catalogue.url + words),
    ]


def prepare(env: dict):
    """Seed the demo, add the ten-block unit; returns (session id, pages, queries)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lms.models import LearnerAnswer, ModulePage, UnitPage

    logging.disable(logging.INFO)  # the seed logs every page it creates
    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    module = ModulePage.objects.filter(locale__language_code="fr").first()
    unit = UnitPage(title="Dix blocs", slug=TEN_BLOCK_SLUG, body=ten_block_body())
    module.add_child(instance=unit)
    unit.save_revision().publish()
    learner = get_user_model().objects.get(email="apprenant@chainon.example")
    LearnerAnswer.objects.create(
        learner=learner,
        block_id=unit.tracked_blocks("reflection")[0].id,
        unit=unit,
        text="Les jeunes du quartier.",
    )
    client = Client()
    client.force_login(learner)
    pages = [
        ("plain Wagtail page (anonymous)", False, "/fr/le-reseau/"),
        ("unit page, 10 blocks, enrolled learner", True, unit.url),
        ("learner home (Mes formations)", True, "/fr/learning/"),
        *mediation_pages(),
    ]
    queries = {}
    for _label, signed_in, url in pages:
        who = client if signed_in else Client()
        who.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert who.get(url).status_code == 200, url
        queries[url] = len(captured)
    return client.cookies["sessionid"].value, pages, queries


def requests_per_second(http, base, url, headers) -> tuple[float, int]:
    response = http.request("GET", base + url, headers=headers)  # warm up
    assert response.status == 200, (url, response.status)
    start = time.perf_counter()
    for _ in range(ROUNDS):
        response = http.request("GET", base + url, headers=headers)
        assert response.status == 200, (url, response.status)
    return ROUNDS / (time.perf_counter() - start), len(response.data)


def main():
    work = Path(tempfile.mkdtemp(prefix="chainon-bench-pages-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "CHAINON_TEST_MEDIA_ROOT": str(work / "media"),
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "CHAINON_VAR_DIR": str(work / "var"),
        "LOG_LEVEL": "WARNING",
    }
    server = None
    try:
        session_id, pages, queries = prepare(env)
        server = Gunicorn(env, app="bench.bare_wsgi")
        http = urllib3.PoolManager(maxsize=1, retries=False, timeout=30)
        signed_in = {"Cookie": f"sessionid={session_id}"}
        baseline, _size = requests_per_second(http, server.url, "/bare/", {})
        header = ("page", "req/s", "ratio", "queries", "KiB")
        print("{:44} {:>8} {:>7} {:>8} {:>6}".format(*header))
        print(f"{'bare Django view':44} {baseline:8.0f} {1:7.3f} {0:8d} {0:6d}")
        for label, needs_session, url in pages:
            rps, size = requests_per_second(
                http, server.url, url, signed_in if needs_session else {}
            )
            print(
                f"{label:44} {rps:8.0f} {rps / baseline:7.3f} "
                f"{queries[url]:8d} {size // 1024:6d}"
            )
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
