"""The shell around every page: five languages, navigation, switcher, footer."""

import re

import pytest

# The EU's official wording of the funding statement, per language.
CO_FUNDED = {
    "fr": "Cofinancé par l'Union européenne",
    "en": "Co-funded by the European Union",
    "pt": "Cofinanciado pela União Europeia",
    "es": "Cofinanciado por la Unión Europea",
    "it": "Cofinanziato dall'Unione europea",
}
SKIP_LINK = {
    "fr": "Aller au contenu principal",
    "en": "Skip to main content",
}

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client, site_tree):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_follows_the_browser_language(client, site_tree):
    response = client.get("/", headers={"accept-language": "pt-PT,pt;q=0.9"})
    assert response["Location"] == "/pt/"


@pytest.mark.parametrize("code", list(CO_FUNDED))
def test_home_page_renders_in_each_language_with_translated_chrome(
    client, site_tree, code
):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert site_tree["home"][code].title in html
    # Django escapes the apostrophe in translated strings.
    assert CO_FUNDED[code].replace("'", "&#x27;") in html or CO_FUNDED[code] in html
    for other, statement in CO_FUNDED.items():
        if other != code:
            assert statement not in html


@pytest.mark.parametrize("code", list(SKIP_LINK))
def test_skip_link_is_first_and_translated(client, site_tree, code):
    html = client.get(f"/{code}/").content.decode()
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>([^<]*)</a>", body)
    assert 'href="#main-content"' in first_link.group(0)
    assert first_link.group(1) == SKIP_LINK[code]
    assert 'id="main-content"' in html


def test_language_switcher_links_to_the_page_translations(client, site_tree):
    html = client.get("/fr/le-reseau/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'href="/en/about-en/" lang="en" hreflang="en"' in switcher
    assert 'href="/it/about-it/" lang="it" hreflang="it"' in switcher
    assert (
        'href="/fr/le-reseau/" lang="fr" hreflang="fr" aria-current="true"' in switcher
    )


def test_language_switcher_falls_back_to_the_home_page(client, site_tree):
    """A page with no Spanish translation sends Spanish readers home, not to a 404."""
    from tests.factories import ContentPageFactory

    ContentPageFactory(parent=site_tree["home"]["fr"], title="Brouillon", slug="seul")
    html = client.get("/fr/seul/").content.decode()
    assert 'href="/es/" lang="es"' in html


def test_language_switcher_on_a_view_keeps_the_view(client, site_tree):
    html = client.get("/fr/search/?q=musee").content.decode()
    assert 'href="/en/search/?q=musee" lang="en"' in html


def test_main_menu_lists_menu_pages_of_the_current_language(client, site_tree):
    from tests.factories import ContentPageFactory

    ContentPageFactory(
        parent=site_tree["home"]["fr"], title="Hors menu", show_in_menus=False
    )
    fr = client.get("/fr/").content.decode()
    nav = fr[fr.index('class="site-nav"') : fr.index('class="account-nav"')]
    assert "Le réseau" in nav
    assert "Hors menu" not in nav
    en = client.get("/en/").content.decode()
    nav = en[en.index('class="site-nav"') : en.index('class="account-nav"')]
    assert "About en" in nav
    assert "Le réseau" not in nav


def test_footer_links_to_the_accessibility_statement_in_each_language(
    client, site_tree
):
    home = site_tree["home"]["fr"]
    home.accessibility_statement = site_tree["about"]["fr"]
    home.save_revision().publish()
    fr = client.get("/fr/").content.decode()
    footer = fr[fr.index("<footer") :]
    assert 'href="/fr/le-reseau/"' in footer
    # The English home page was translated before the link was set, yet the
    # footer still points to the English statement through the French root.
    en_home = site_tree["home"]["en"]
    en_home.accessibility_statement = site_tree["about"]["fr"]
    en_home.save_revision().publish()
    en = client.get("/en/").content.decode()
    assert 'href="/en/about-en/"' in en[en.index("<footer") :]


def test_unknown_page_gives_a_translated_404_with_the_site_chrome(client, site_tree):
    response = client.get("/pt/nao-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="pt">' in html
    assert CO_FUNDED["pt"] in html


def test_home_page_query_budget(client, site_tree, django_assert_max_num_queries):
    client.get("/fr/")  # warm caches shared by every request (site, locales)
    with django_assert_max_num_queries(15):
        assert client.get("/fr/").status_code == 200
