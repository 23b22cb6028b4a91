"""The demo network: complete, idempotent, and safe by default."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page

from cms.demo.accounts import DEMO_ACCOUNTS
from cms.models import HomePage
from mediation.models import PartnerInstitution

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_storage(local_storage):
    """The seed unpacks an H5P package: each test gets storage of its own, so
    none finds the libraries another one installed."""
    return local_storage


def seed() -> str:
    """Run the seed command; return what it printed."""
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def _row_counts():
    return {
        model._meta.label: model._default_manager.count() for model in apps.get_models()
    }


def test_seed_twice_leaves_the_same_row_counts():
    call_command("seed_demo", "--force", stdout=StringIO())
    first = _row_counts()
    call_command("seed_demo", "--force", stdout=StringIO())
    assert _row_counts() == first


def test_seed_builds_the_network(client):
    call_command("seed_demo", "--force", stdout=StringIO())
    assert HomePage.objects.live().count() == 5
    assert PartnerInstitution.objects.filter(locale__language_code="fr").count() == 7
    assert PartnerInstitution.objects.count() == 35
    coordinator = PartnerInstitution.objects.get(
        is_coordinator=True, locale__language_code="fr"
    )
    assert coordinator.name == "Sagiterre"
    # Wagtail's placeholder welcome page is gone; the site root is the French home.
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    for code in ["fr", "en", "pt", "es", "it"]:
        assert client.get(f"/{code}/").status_code == 200
    html = client.get("/pt/").content.decode()
    assert "Declaração de acessibilidade" in html  # footer link, in Portuguese


def test_every_demo_account_can_sign_in_with_its_printed_password(capsys):
    call_command("seed_demo", "--force")
    printed = capsys.readouterr().out
    for account in DEMO_ACCOUNTS:
        assert account["email"] in printed and account["password"] in printed
        user = authenticate(username=account["email"], password=account["password"])
        assert user is not None, account["email"]
        if account["role"]:
            assert user.groups.filter(name=account["role"]).exists()
    admin = get_user_model().objects.get(email="admin@chainon.example")
    assert admin.is_superuser
    client = Client()
    assert client.login(username="admin@chainon.example", password="chainon-admin-demo")
    assert client.get("/admin/").status_code == 200


def test_seed_keeps_what_editors_changed():
    call_command("seed_demo", "--force", stdout=StringIO())
    home = HomePage.objects.get(locale__language_code="fr")
    home.intro = "Texte revu par la coordination."
    home.save_revision().publish()
    call_command("seed_demo", "--force", stdout=StringIO())
    home.refresh_from_db()
    assert home.intro == "Texte revu par la coordination."


def test_seed_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="public passwords"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_seed_builds_the_demo_course_in_five_languages_with_two_cohorts(client):
    from lms.models import Cohort, CoursePage, ModulePage, UnitPage

    call_command("seed_demo", "--force", stdout=StringIO())
    french = CoursePage.objects.get(locale__language_code="fr")
    assert french.title.startswith("Aller vers les habitants")
    assert french.live and french.licence == "cc-by-sa-4.0"
    assert (
        CoursePage.objects.filter(translation_key=french.translation_key).count() == 5
    )
    assert ModulePage.objects.count() == 3 * 5
    assert UnitPage.objects.count() == 6 * 5

    # Every module ends with a field assignment whose block id is the same in
    # every language, so reports and activity IRIs do not depend on language.
    for unit in UnitPage.objects.filter(locale__language_code="fr"):
        ids = [child.id for child in unit.body]
        for translation in UnitPage.objects.filter(
            translation_key=unit.translation_key
        ).exclude(pk=unit.pk):
            assert [child.id for child in translation.body] == ids
    assignments = [
        child
        for unit in UnitPage.objects.filter(locale__language_code="fr")
        for child in unit.tracked_blocks("field_assignment")
    ]
    assert len(assignments) == 3

    # Checklist items are offered to translators one by one.
    from wagtail_localize.models import TranslationSource

    unit = next(
        u
        for u in UnitPage.objects.filter(locale__language_code="fr")
        if u.tracked_blocks("checklist")
    )
    source, _created = TranslationSource.get_or_create_from_instance(unit)
    texts = {s.string.data for s in source.stringsegment_set.select_related("string")}
    assert unit.tracked_blocks("checklist")[0].value["items"][0] in texts

    marseille, lisboa = (
        Cohort.objects.get(territory__startswith="Marseille"),
        Cohort.objects.get(language="pt"),
    )
    assert marseille.enrollments.filter(
        learner__email="apprenant@chainon.example"
    ).exists()
    assert lisboa.join_requires_approval
    assert {t.email for t in lisboa.trainers.all()} >= {
        "formador.lisboa@chainon.example"
    }

    learner = get_user_model().objects.get(email="apprenant@chainon.example")
    client.force_login(learner)
    unit = UnitPage.objects.filter(locale__language_code="fr").order_by("path").first()
    assert client.get(unit.url).status_code == 200
    assert client.get("/fr/learning/").status_code == 200


def _h5p_blocks(unit):
    return [child for child in unit.body if child.block_type == "h5p_activity"]


def test_seed_puts_a_playable_h5p_activity_in_the_demo_course(client):
    from cms.demo.courses import H5P_BLOCK_TITLES, H5P_UNIT_SLUG, h5p_block_id
    from lms.models import UnitPage
    from media.h5p_models import H5PPackage

    assert "Demo H5P activity" in seed()

    unit = UnitPage.objects.get(locale__language_code="fr", slug=H5P_UNIT_SLUG)
    translations = UnitPage.objects.filter(translation_key=unit.translation_key)
    assert translations.count() == 5
    package = H5PPackage.objects.get()
    assert package.status == H5PPackage.Status.READY
    assert package.main_library == "H5P.TrueFalse 1.6"
    assert package.language == "fr"
    assert package.title.startswith("Vrai ou faux")
    assert package.owner.email == "admin@chainon.example"
    for page in translations.select_related("locale"):
        [block] = _h5p_blocks(page)
        assert block.id == h5p_block_id()
        assert block.value["package"] == str(package.pk)
        assert block.value["title"] == H5P_BLOCK_TITLES[page.locale.language_code]
        assert block.value["required"] is False
        assert block.value["passing_score"] is None
    # Only that unit has one.
    assert sum(len(_h5p_blocks(u)) for u in UnitPage.objects.all()) == 5

    learner = get_user_model().objects.get(email="apprenant@chainon.example")
    client.force_login(learner)
    for page in translations.filter(locale__language_code__in=["fr", "en"]):
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        title = H5P_BLOCK_TITLES[page.locale.language_code]
        assert "<iframe" in html and "h5p-activity__frame" in html
        assert f'title="{escape(title)}"' in html


def test_the_demo_h5p_activity_is_in_french(local_storage):
    import json

    from cms.demo.h5p import TRUEFALSE_WORKSPACE, french_content
    from media.h5p_models import H5PPackage

    call_command("seed_demo", "--force", stdout=StringIO())
    package = H5PPackage.objects.get()
    with local_storage.open(f"{package.content_folder}content.json") as handle:
        content = json.load(handle)
    assert (
        "musée" in content["question"] and "habitant·es-relais" in content["question"]
    )
    assert content["correct"] == "false"
    assert content["l10n"]["trueText"] == "Vrai"
    assert content["l10n"]["checkAnswer"] == "Vérifier"

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        return type(value).__name__

    original = json.loads(
        (TRUEFALSE_WORKSPACE / "content" / "content.json").read_text()
    )
    assert shape(french_content(original)) == shape(original)
    assert shape(content) == shape(original)


def test_seeding_twice_keeps_one_h5p_package_and_one_block():
    from cms.demo.courses import H5P_UNIT_SLUG
    from lms.models import UnitPage
    from media.h5p_models import H5PPackage

    seed()
    package = H5PPackage.objects.get()
    assert "already in the unit" in seed()

    assert list(H5PPackage.objects.all()) == [package]
    again = H5PPackage.objects.get()
    assert (again.checksum, again.updated_at) == (package.checksum, package.updated_at)
    unit = UnitPage.objects.get(locale__language_code="fr", slug=H5P_UNIT_SLUG)
    for page in UnitPage.objects.filter(translation_key=unit.translation_key):
        assert len(_h5p_blocks(page)) == 1


def test_seed_without_the_npm_workspace_skips_the_h5p_activity(monkeypatch, tmp_path):
    from cms.demo import h5p
    from lms.models import UnitPage
    from media.h5p_models import H5PPackage

    missing = tmp_path / "node_modules" / "h5p-fixture-truefalse"
    monkeypatch.setattr(h5p, "TRUEFALSE_WORKSPACE", missing)
    printed = seed()
    [notice] = [line for line in printed.splitlines() if "H5P" in line]
    assert "skipped" in notice and str(missing) in notice
    assert not H5PPackage.objects.exists()
    assert not any(_h5p_blocks(unit) for unit in UnitPage.objects.all())
    assert UnitPage.objects.count() == 6 * 5
