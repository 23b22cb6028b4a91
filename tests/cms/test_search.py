"""Site search: results in the reader's language, paginated, bad input handled."""

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_pages(site_tree):
    home = site_tree["home"]["fr"]
    return [
        ContentPageFactory(parent=home, title=f"Médiation muséale {n}", slug=f"med-{n}")
        for n in range(12)
    ]


def test_empty_query_shows_the_form_only(client, site_tree):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="search-query">' in html
    assert 'class="search-results"' not in html


def test_results_are_in_the_reader_language_only(client, site_tree):
    # Every translation of the about page shares the same intro text, so the
    # same words match once per language: only the reader's language shows.
    response = client.get("/fr/search/", {"q": "Digital"})
    titles = [page.title for page in response.context["results_page"]]
    assert titles == ["Le réseau"]
    response = client.get("/en/search/", {"q": "Digital"})
    titles = [page.title for page in response.context["results_page"]]
    assert titles == ["About en"]


def test_no_result_says_so(client, site_tree):
    html = client.get("/en/search/", {"q": "zzzzqqq"}).content.decode()
    assert "No page matches your search" in html


def test_results_are_paginated(client, many_pages):
    first = client.get("/fr/search/", {"q": "Médiation"})
    assert first.context["results_page"].paginator.count == 12
    assert len(first.context["results_page"].object_list) == 10
    second = client.get("/fr/search/", {"q": "Médiation", "page": 2})
    assert len(second.context["results_page"].object_list) == 2


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("999", 2), ("-1", 2)])
def test_bad_page_numbers_fall_back_to_a_real_page(client, many_pages, page, expected):
    response = client.get("/fr/search/", {"q": "Médiation", "page": page})
    assert response.status_code == 200
    assert response.context["results_page"].number == expected


def test_unpublished_pages_are_not_found(client, site_tree):
    draft = ContentPageFactory(parent=site_tree["home"]["fr"], title="Brouillon secret")
    draft.unpublish()
    response = client.get("/fr/search/", {"q": "secret"})
    assert list(response.context["results_page"]) == []


def test_overlong_query_is_truncated_not_an_error(client, site_tree):
    response = client.get("/fr/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == 200


@pytest.mark.parametrize("query", ['"', 'a"b', 'réseau"', "\x00", "*", "(", "NEAR("])
def test_full_text_syntax_in_a_query_is_not_an_error(client, site_tree, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200


def test_words_around_punctuation_are_still_found(client, site_tree):
    response = client.get("/fr/search/", {"q": '"réseau"'})
    assert "Le réseau" in response.content.decode()


def test_search_query_budget(client, many_pages, django_assert_max_num_queries):
    client.get("/fr/search/", {"q": "Médiation"})
    with django_assert_max_num_queries(20):
        client.get("/fr/search/", {"q": "Médiation"})
