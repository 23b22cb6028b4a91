"""The resource catalogue: facet rows, filters, search, counts, languages.

Runs on SQLite (FTS5) and on PostgreSQL (full text), whose search backends
differ: ``DATABASE_URL=postgres://… pytest tests/mediation/test_catalogue.py``.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from mediation import facets
from mediation.catalogue import MAX_VALUES_PER_FACET, catalogue_context
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    PartnerIndexPage,
    PartnerListPage,
    ResourceCatalogPage,
    ResourceFacet,
)
from tests.factories import PartnerInstitutionFactory

pytestmark = pytest.mark.django_db

CC_BY = "http://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "http://creativecommons.org/licenses/by-sa/4.0/"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
LANGUAGES = ["fr", "en", "pt", "es", "it"]


def publish(page):
    page.save_revision().publish()
    return page


def resource(index, title, **fields):
    """A published resource under ``index``; media items as ``media=[...]``."""
    media = fields.pop("media", [])
    themes = fields.pop("themes", [])
    defaults = {
        "summary": f"{title}, une ressource de médiation.",
        "resource_type": "video",
        "rights": CC_BY_SA,
        "audiences": ["families"],
    }
    page = MediationResourcePage(title=title, **(defaults | fields))
    page.media_items = media
    index.add_child(instance=page)
    if themes:
        page.themes.add(*themes)
    return publish(page)


class Network:
    """Two partners (France, Portugal), their pages, the French catalogue."""

    def __init__(self, site_tree, locales):
        self.locales = locales
        self.home = site_tree["home"]
        home = self.home["fr"]
        self.partner_list = PartnerListPage(title="Partenaires", slug="partenaires")
        home.add_child(instance=self.partner_list)
        publish(self.partner_list)
        self.catalogue = ResourceCatalogPage(title="Ressources", slug="ressources")
        home.add_child(instance=self.catalogue)
        publish(self.catalogue)
        self.cantini = PartnerInstitutionFactory(
            name="Musée Cantini", slug="musee-cantini", country="FR"
        )
        self.museu = PartnerInstitutionFactory(
            name="Museu do Azulejo", slug="museu-azulejo", country="PT"
        )
        self.cantini_page = self.index(self.cantini)
        self.museu_page = self.index(self.museu)

    def index(self, partner):
        page = PartnerIndexPage(title=partner.name, slug=partner.slug, partner=partner)
        self.partner_list.add_child(instance=page)
        return publish(page)

    def catalogue_in(self, code):
        """The catalogue page in ``code``, translated when needed."""
        if code == "fr":
            return self.catalogue
        found = self.catalogue.get_translation_or_none(self.locales[code])
        if found is None:
            found = self.catalogue.copy_for_translation(self.locales[code])
            found.title = f"Resources {code}"
            publish(found)
        return found

    def url(self, code="fr"):
        return self.catalogue_in(code).url


@pytest.fixture
def network(site_tree, locales):
    return Network(site_tree, locales)


@pytest.fixture
def sample(network):
    """Four French resources covering every facet."""
    n = network
    return {
        "portrait": resource(
            n.cantini_page,
            "Portrait sonore",
            summary="Un portrait de Masson raconté par les habitant·es.",
            resource_type="audio_guide",
            audiences=["families", "youth"],
            accessibility_features=["transcript"],
            rights=CC_BY,
            themes=["tissage"],
            media=[MediaItem(kind="audio", language="pt")],
        ),
        "visite": resource(
            n.cantini_page,
            "Visite en langue des signes",
            summary="Une visite de la collection avec une médiatrice sourde.",
            resource_type="video",
            audiences=["families"],
            disabilities=["hearing"],
            accessibility_features=["signLanguage", "closedCaptions"],
        ),
        "azulejo": resource(
            n.museu_page,
            "Azulejos en 3D",
            summary="Des carreaux de faïence à tourner dans tous les sens.",
            resource_type="object_3d",
            audiences=["youth"],
            accessibility_features=["alternativeText"],
            rights=CC0,
        ),
        "guide": resource(
            n.museu_page,
            "Guide du médiateur",
            summary="Préparer une séance avec un groupe de jeunes.",
            resource_type="mediator_guide",
            audiences=["mediators"],
            rights=CC_BY,
        ),
    }


def rows(page):
    return set(ResourceFacet.objects.filter(page=page).values_list("facet", "value"))


def titles(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return sorted(r.title for r in response.context["catalogue"]["results"])


def labels(response, facet):
    for found in response.context["catalogue"]["facets"]:
        if found.name == facet:
            return {option.value: option.label for option in found.options}
    return {}


def counts(response, facet):
    for found in response.context["catalogue"]["facets"]:
        if found.name == facet:
            return {option.value: option.count for option in found.options}
    return {}


# -- Facet rows -------------------------------------------------------------


def test_rows_describe_the_published_version(network):
    document = Document.objects.create(
        title="Sous-titres", file=ContentFile(b"WEBVTT\n\n", name="sous-titres.vtt")
    )
    tracks = [
        {
            "type": "track",
            "value": {"kind": "captions", "language": "es", "file": document.pk},
        },
        {"type": "transcript", "value": {"language": "it", "text": "<p>Texte</p>"}},
    ]
    page = resource(
        network.cantini_page,
        "Parcours tactile",
        resource_type="interactive_device",
        audiences=["families"],
        disabilities=["visual"],
        accessibility_features=["tactileObject"],
        rights=CC0,
        media=[
            MediaItem(kind="audio", language="pt", tracks=tracks),
            MediaItem(kind="image", language=""),
        ],
    )
    assert rows(page) == {
        ("partner", str(network.cantini.translation_key)),
        ("country", "FR"),
        ("type", "interactive_device"),
        ("audience", "families"),
        ("audience", "disability"),
        ("audience", "disability:visual"),
        ("feature", "tactileObject"),
        ("language", "fr"),
        ("language", "pt"),
        ("language", "es"),
        ("language", "it"),
        ("licence", CC0),
    }


def test_rows_follow_publish_unpublish_and_delete(network):
    page = resource(network.cantini_page, "Visite", resource_type="video")
    assert ("type", "video") in rows(page)

    # A draft changes nothing until it is published.
    page.resource_type = "tour_360"
    page.save_revision()
    assert ("type", "video") in rows(page)
    page.get_latest_revision().publish()
    assert ("type", "tour_360") in rows(page)
    assert ("type", "video") not in rows(page)

    page.unpublish()
    assert rows(page) == set()
    page.get_latest_revision().publish()
    assert ("type", "tour_360") in rows(page)

    page_id = page.pk
    page.delete()
    assert not ResourceFacet.objects.filter(page_id=page_id).exists()


def test_a_draft_never_has_rows(network):
    draft = MediationResourcePage(
        title="Brouillon", summary="Pas encore.", resource_type="video", live=False
    )
    network.cantini_page.add_child(instance=draft)
    draft.save_revision()
    assert rows(draft) == set()


def test_a_partner_moving_country_moves_its_resources(network, sample):
    network.museu.country = "ES"
    network.museu.save()
    assert ("country", "ES") in rows(sample["azulejo"])
    assert ("country", "PT") not in rows(sample["azulejo"])
    assert ("country", "FR") in rows(sample["portrait"])


def test_a_resource_moved_to_another_partner_belongs_to_it(network, sample):
    azulejo = sample["azulejo"]
    azulejo.move(network.cantini_page, pos="last-child")
    azulejo = MediationResourcePage.objects.get(pk=azulejo.pk)
    assert azulejo.partner == network.cantini
    assert ("partner", str(network.cantini.translation_key)) in rows(azulejo)
    assert ("partner", str(network.museu.translation_key)) not in rows(azulejo)
    assert ("country", "FR") in rows(azulejo) and ("country", "PT") not in rows(azulejo)


def test_rebuild_command_writes_rows_for_live_resources_only(network, sample):
    before = set(ResourceFacet.objects.values_list("page_id", "facet", "value"))
    sample["guide"].unpublish()
    ResourceFacet.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_resource_facets", stdout=out)
    assert "3 live resource" in out.getvalue()
    after = set(ResourceFacet.objects.values_list("page_id", "facet", "value"))
    assert after == {row for row in before if row[0] != sample["guide"].pk}


def test_facet_values_are_pure_codes(network, sample):
    values = facets.facet_values(sample["visite"])
    assert ("audience", "disability:hearing") in values
    assert ("partner", str(network.cantini.translation_key)) in values


# -- Filters --------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "video"}, ["Visite en langue des signes"]),
        ({"country": "PT"}, ["Azulejos en 3D", "Guide du médiateur"]),
        ({"country": "pt"}, ["Azulejos en 3D", "Guide du médiateur"]),
        ({"audience": "mediators"}, ["Guide du médiateur"]),
        ({"audience": "disability"}, ["Visite en langue des signes"]),
        ({"audience": "disability:hearing"}, ["Visite en langue des signes"]),
        ({"feature": "signLanguage"}, ["Visite en langue des signes"]),
        ({"language": "pt"}, ["Portrait sonore"]),
        ({"licence": CC0}, ["Azulejos en 3D"]),
        # A licence pasted as its https deed still names the same statement.
        (
            {"licence": "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"},
            ["Azulejos en 3D"],
        ),
    ],
)
def test_each_facet_filters(client, network, sample, params, expected):
    assert titles(client, network.url(), params) == expected


def test_partner_facet_uses_the_translation_key(client, network, sample):
    key = str(network.museu.translation_key)
    assert titles(client, network.url(), {"partner": key}) == [
        "Azulejos en 3D",
        "Guide du médiateur",
    ]


def test_or_within_a_facet_and_across_facets(client, network, sample):
    url = network.url()
    assert titles(client, url, {"type": ["video", "object_3d"]}) == [
        "Azulejos en 3D",
        "Visite en langue des signes",
    ]
    assert titles(
        client, url, {"type": ["video", "object_3d"], "audience": "youth"}
    ) == ["Azulejos en 3D"]
    assert titles(
        client, url, {"licence": CC_BY, "audience": ["youth", "mediators"]}
    ) == [
        "Guide du médiateur",
        "Portrait sonore",
    ]
    assert titles(client, url, {"type": "video", "country": "PT"}) == []


def test_counts_are_for_the_other_facets_choices(client, network, sample):
    response = client.get(network.url(), {"type": "video", "audience": "families"})
    # Type counts: what each type gives among family resources.
    assert counts(response, "type") == {"audio_guide": 1, "video": 1}
    # Audience counts: among videos.
    assert counts(response, "audience") == {
        "families": 1,
        "disability": 1,
        "disability:hearing": 1,
    }
    # Facets without a choice: counts of the current results.
    assert counts(response, "feature") == {"signLanguage": 1, "closedCaptions": 1}
    assert counts(response, "country") == {"FR": 1}
    assert response.context["catalogue"]["count"] == 1


def test_unfiltered_counts_cover_every_resource(client, network, sample):
    response = client.get(network.url())
    assert counts(response, "type") == {
        "audio_guide": 1,
        "video": 1,
        "object_3d": 1,
        "mediator_guide": 1,
    }
    assert counts(response, "country") == {"FR": 2, "PT": 2}
    assert counts(response, "language") == {"fr": 4, "pt": 1}
    assert "(4)" in response.content.decode()


def test_a_chosen_value_that_gives_nothing_stays_offered(client, network, sample):
    response = client.get(network.url(), {"type": "video", "country": "PT"})
    assert counts(response, "type")["video"] == 0
    html = response.content.decode()
    assert 'value="video" checked' in html
    assert "Aucune ressource ne correspond à votre recherche et à ces filtres." in html
    assert f'href="{network.url()}">' in html  # clear the filters


# -- Full-text search ----------------------------------------------------------


def test_search_finds_a_word_of_the_summary(client, network, sample):
    assert titles(client, network.url(), {"q": "faïence"}) == ["Azulejos en 3D"]


def test_search_finds_a_theme(client, network, sample):
    assert titles(client, network.url(), {"q": "tissage"}) == ["Portrait sonore"]


def test_search_finds_the_partner_name(client, network, sample):
    assert titles(client, network.url(), {"q": "Azulejo"}) == [
        "Azulejos en 3D",
        "Guide du médiateur",
    ]


def test_search_and_facets_together(client, network, sample):
    url = network.url()
    found = titles(client, url, {"q": "Azulejo"})
    assert found == ["Azulejos en 3D", "Guide du médiateur"]
    assert titles(client, url, {"q": "Azulejo", "type": "mediator_guide"}) == [
        "Guide du médiateur"
    ]
    response = client.get(url, {"q": "Azulejo"})
    assert counts(response, "type") == {"object_3d": 1, "mediator_guide": 1}
    assert counts(response, "country") == {"PT": 2}


def test_search_without_match_says_so(client, network, sample):
    response = client.get(network.url(), {"q": "zzzqqq"})
    html = response.content.decode()
    assert response.context["catalogue"]["count"] == 0
    assert "Aucune ressource ne correspond à votre recherche." in html


def test_search_results_are_paginated(client, network):
    for n in range(14):
        resource(network.cantini_page, f"Céramique {n:02d}", summary="Céramique.")
    resource(network.cantini_page, "Autre", summary="Rien à voir.")
    first = client.get(network.url(), {"q": "Céramique"})
    assert first.context["catalogue"]["count"] == 14
    assert len(first.context["catalogue"]["results"].object_list) == 12
    second = client.get(network.url(), {"q": "Céramique", "page": 2})
    assert len(second.context["catalogue"]["results"].object_list) == 2
    seen = {r.pk for r in first.context["catalogue"]["results"]} | {
        r.pk for r in second.context["catalogue"]["results"]
    }
    assert len(seen) == 14
    html = first.content.decode()
    assert "q=C%C3%A9ramique&amp;page=2" in html
    assert 'rel="next"' in html


def test_pagination_keeps_the_filters(client, network):
    for n in range(13):
        resource(network.cantini_page, f"Vidéo {n:02d}", resource_type="video")
    response = client.get(network.url(), {"type": "video"})
    assert "type=video&amp;page=2" in response.content.decode()
    second = client.get(network.url(), {"type": "video", "page": "2"})
    assert [r.title for r in second.context["catalogue"]["results"]] == ["Vidéo 12"]


# -- The page --------------------------------------------------------------------


def test_the_page_is_public_and_accessible_markup(client, network, sample):
    response = client.get(network.url(), {"type": "video"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="catalogue-q">' in html
    assert '<fieldset class="facet">' in html
    assert "<legend>" in html
    assert 'role="status"' in html
    assert 'method="get"' in html
    assert 'type="submit"' in html
    assert "Retirer le filtre" in html
    # The card of each result, linked.
    assert sample["visite"].url in html


def test_remove_links_drop_one_value_only(client, network, sample):
    response = client.get(network.url(), {"type": ["video", "object_3d"], "q": "a"})
    removes = [
        f["remove_query"] for f in response.context["catalogue"]["active_filters"]
    ]
    assert removes == ["q=a&type=object_3d", "q=a&type=video"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "spaceship", "page": "abc"},
        {"partner": "not-a-uuid"},
        {"partner": "0b3c1e9e-5d1c-4d6a-9a57-54e6f1c1a111"},
        {"country": "XX"},
        {"audience": "disability:dragons"},
        {"language": "klingon"},
        {"licence": "http://example.org/mine"},
        {"feature": "<script>alert(1)</script>"},
        {"page": "-1"},
        {"page": "١"},
        {"q": "x" * 5000},
        {"q": "\x00"},
        {"q": '"unbalanced AND (OR'},
        {"type": [""] * 3},
    ],
)
def test_bad_parameters_are_ignored_with_a_message(client, network, sample, params):
    response = client.get(network.url(), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "q" not in params and params != {"type": [""] * 3}:
        assert response.context["catalogue"]["notices"]
        assert 'class="message message--error"' in html
        # The bad value is dropped, the rest of the catalogue shown.
        assert response.context["catalogue"]["count"] == 4


def test_the_message_names_the_bad_value(client, network, sample):
    html = client.get(
        network.url(), {"type": "spaceship", "page": "abc"}
    ).content.decode()
    assert "“spaceship”" in html
    assert "“abc”" in html


def test_too_many_values_are_cut_with_a_message(client, network, sample):
    response = client.get(
        network.url(), {"type": ["video"] * (MAX_VALUES_PER_FACET + 5)}
    )
    assert response.status_code == 200
    assert response.context["catalogue"]["query"].selected["type"] == ["video"]
    assert response.context["catalogue"]["notices"]


def test_a_page_past_the_end_shows_the_last(client, network, sample):
    response = client.get(network.url(), {"page": "999"})
    assert response.context["catalogue"]["results"].number == 1


def test_private_and_draft_resources_are_never_listed(client, network, sample, learner):
    private = resource(network.cantini_page, "Réservé", summary="Réservé aux membres.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = MediationResourcePage(
        title="Brouillon", summary="Réservé aussi.", resource_type="video", live=False
    )
    network.cantini_page.add_child(instance=draft)
    draft.save_revision()
    listed = titles(client, network.url())
    assert "Réservé" not in listed and "Brouillon" not in listed
    assert titles(client, network.url(), {"q": "Réservé"}) == []
    assert counts(client.get(network.url()), "type")["video"] == 1
    # Restrictions on the partner's page hide everything below it too.
    PageViewRestriction.objects.create(
        page=network.museu_page, restriction_type="login"
    )
    assert titles(client, network.url()) == [
        "Portrait sonore",
        "Visite en langue des signes",
    ]
    client.force_login(learner)
    assert "Réservé" not in titles(client, network.url())


def test_each_language_lists_its_own_resources(client, network, sample, locales):
    english = sample["portrait"].copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Sound portrait"
    publish(english)
    assert titles(client, network.url("en")) == ["Sound portrait"]
    assert "Sound portrait" not in titles(client, network.url("fr"))
    assert titles(client, network.url("pt")) == []
    # The translation keeps its partner and facets, and its own language.
    assert rows(english) - {("language", "en")} == rows(sample["portrait"]) - {
        ("language", "fr")
    }
    response = client.get(
        network.url("en"), {"partner": str(network.cantini.translation_key)}
    )
    assert [r.title for r in response.context["catalogue"]["results"]] == [
        "Sound portrait"
    ]


@pytest.mark.parametrize(
    ("code", "france", "own_language"),
    [
        ("en", "France", "English"),
        ("pt", "França", "Português"),
        ("es", "Francia", "Español"),
        ("it", "Francia", "Italiano"),
    ],
)
def test_facet_labels_follow_the_page_language(
    client, network, sample, locales, code, france, own_language
):
    publish(sample["visite"].copy_for_translation(locales[code], copy_parents=True))
    response = client.get(network.url(code))
    assert response.status_code == 200
    assert f'lang="{code}"' in response.content.decode()
    assert labels(response, "country") == {"FR": france}
    assert labels(response, "language") == {code: own_language}
    # The codes are the same in every language.
    assert counts(response, "type") == {"video": 1}
    assert counts(response, "audience") == {
        "families": 1,
        "disability": 1,
        "disability:hearing": 1,
    }
    assert counts(response, "partner") == {str(network.cantini.translation_key): 1}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_renders_in_every_language(client, network, sample, code):
    response = client.get(
        network.url(code),
        {"type": "spaceship", "q": "portrait", "country": "FR", "page": "x"},
    )
    assert response.status_code == 200
    assert response.context["catalogue"]["notices"]


def test_partner_names_show_in_the_reader_language(client, network, sample, locales):
    portuguese = network.museu.copy_for_translation(locales["pt"])
    portuguese.name = "Museu Nacional do Azulejo"
    portuguese.save()
    publish(sample["guide"].copy_for_translation(locales["pt"], copy_parents=True))
    response = client.get(network.url("pt"))
    key = str(network.museu.translation_key)
    assert labels(response, "partner") == {key: "Museu Nacional do Azulejo"}
    # A language without its own record shows the default language's name.
    publish(sample["azulejo"].copy_for_translation(locales["it"], copy_parents=True))
    assert labels(client.get(network.url("it")), "partner") == {key: "Museu do Azulejo"}


# -- Query budgets ---------------------------------------------------------------


def queries_for(client, url, params):
    client.get(url, params)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "ressource"},
        {"type": "video", "audience": ["families", "youth"]},
        {
            "q": "médiation",
            "country": ["FR", "PT"],
            "type": "video",
            "audience": "families",
            "feature": "transcript",
            "language": "pt",
            "licence": CC_BY_SA,
        },
    ],
)
def test_catalogue_queries_do_not_grow_with_resources(
    client, network, params, django_assert_max_num_queries
):
    def add(count, start):
        for n in range(start, start + count):
            index = network.cantini_page if n % 2 else network.museu_page
            resource(
                index,
                f"Ressource {n:02d}",
                audiences=["families", "youth"],
                accessibility_features=["transcript"],
                media=[MediaItem(kind="audio", language="pt")],
            )

    add(3, 0)
    few = queries_for(client, network.url(), params)
    add(17, 3)
    many = queries_for(client, network.url(), params)
    assert few == many
    with django_assert_max_num_queries(20):
        response = client.get(network.url(), params)
    assert len(response.context["catalogue"]["results"].object_list) == 12


def test_catalogue_context_directly(rf, network, sample):
    request = rf.get(network.url(), {"type": "object_3d"})
    context = catalogue_context(network.catalogue, request)["catalogue"]
    assert [r.title for r in context["results"]] == ["Azulejos en 3D"]
    assert context["url"] == network.url()


def test_partner_page_lists_its_resources_only(client, network, sample):
    response = client.get(network.cantini_page.url)
    assert response.status_code == 200
    assert {r.title for r in response.context["resources"]} == {
        "Portrait sonore",
        "Visite en langue des signes",
    }
    html = response.content.decode()
    assert sample["portrait"].url in html
    assert sample["azulejo"].url not in html


def test_partner_page_queries_do_not_grow_with_resources(
    client, network, django_assert_max_num_queries
):
    url = network.cantini_page.url
    for n in range(3):
        resource(network.cantini_page, f"Ressource {n:02d}")
    few = queries_for(client, url, {})
    for n in range(3, 20):
        resource(network.cantini_page, f"Ressource {n:02d}")
    many = queries_for(client, url, {})
    assert few == many
    # The site's chrome, the partner and its logo, one page of resources.
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert len(response.context["resources"].object_list) == 12
