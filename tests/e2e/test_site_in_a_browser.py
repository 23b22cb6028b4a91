"""A visitor's first steps in a real browser: language, keyboard, login."""

import pytest

from tests.factories import PASSWORD, UserFactory

# The live server reads the database from another thread, so these tests
# commit; fixtures rebuild what they need after each flush.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_visitor_lands_in_french_and_switches_to_english(live_server, site_tree, page):
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/fr/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Accueil Chaînon"

    page.get_by_role("navigation", name="Choisir une langue").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Home en"


def test_skip_link_is_the_first_stop_for_keyboard_users(live_server, site_tree, page):
    page.goto(live_server.url + "/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    # It becomes visible when focused (WCAG 2.4.1 / 2.4.7).
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_learner_signs_in_and_sees_their_role(live_server, site_tree, page):
    learner = UserFactory(role="Learner", email="habitante@example.org")
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    page.wait_for_url(live_server.url + "/en/accounts/me/")
    assert "Learner" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Sign out").is_visible()
