"""Fixtures shared by every room's tests.

Transactional tests (the browser tests) start from an empty database: Django
flushes it after each of them, rows made by data migrations included, so
fixtures here create the tree root and site when they are missing.

``site_tree`` builds what the demo builds, but small: a French home page as
the site root, its translations in the four other languages, and a content
page in the menu, so page, chrome and language tests have a real tree.
"""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.models import Locale, Page, Site

from cms.models import ContentPage, HomePage
from tests.factories import UserFactory

pytest_plugins = ["tests.support.storage_fixtures", "tests.support.course_fixtures"]

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(scope="session", autouse=True)
def temporary_media_root():
    """The test settings keep local files in a folder of their own; it goes
    when the session ends, so runs leave nothing behind in /tmp."""
    yield
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.name.startswith("chainon-test-media-"):
        shutil.rmtree(media_root, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a rolled-back database reuses ids,
    and a cached object (a Wagtail rendition, say) must not outlive its row."""
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in LANGUAGE_CODES
    }


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def site_tree(locales):
    """Live pages in five languages: {"home": {code: page}, "about": {...}}."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["fr"])
    )
    home = HomePage(title="Accueil Chaînon", slug="accueil", locale=locales["fr"])
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()

    about = ContentPage(
        title="Le réseau",
        slug="le-reseau",
        show_in_menus=True,
        locale=locales["fr"],
        intro="Les partenaires du réseau Digital Culture Link.",
    )
    home.add_child(instance=about)
    about.save_revision().publish()

    tree = {"home": {"fr": home}, "about": {"fr": about}}
    for code in LANGUAGE_CODES[1:]:
        tree["home"][code] = _translate(home, locales[code], title=f"Home {code}")
    for code in LANGUAGE_CODES[1:]:
        tree["about"][code] = _translate(
            about, locales[code], title=f"About {code}", slug=f"about-{code}"
        )
    return tree


@pytest.fixture
def learner(db):
    return UserFactory(role="Learner")


@pytest.fixture
def trainer(db):
    return UserFactory(role="Trainer")


@pytest.fixture
def coordinator(db):
    return UserFactory(role="Network coordinator")


@pytest.fixture
def partner_editor(db):
    return UserFactory(role="Partner editor")
