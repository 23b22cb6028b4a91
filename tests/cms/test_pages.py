"""Every page type: where it may live, that it routes and renders, admin creation."""

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ContentPage, HomePage
from lms.models import CourseIndexPage
from mediation.models import PartnerListPage, ResourceCatalogPage
from tests.factories import ContentPageFactory, HomePageFactory


def _make_site_root(page):
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()  # save(), not update(): it clears Wagtail's cached site roots


class ChainonPageTestCase(WagtailPageTestCase):
    def assertPageIsRoutable(self, page, route_path="/", msg=None):  # noqa: N802
        """Route through the real URL, language prefix included.

        Wagtail's own helper routes ``page.url`` from the site root without
        removing the ``/fr/`` prefix that ``i18n_patterns`` adds, so it cannot
        route any page of a site with language-prefixed URLs.
        """
        response = self.client.get(page.get_url())
        self.assertEqual(response.status_code, 200, msg)
        self.assertEqual(response.context["page"].pk, page.pk, msg)


class HomePageTests(ChainonPageTestCase):
    def setUp(self):
        self.root = Page.get_first_root_node()
        self.home = HomePageFactory(parent=self.root)
        _make_site_root(self.home)

    def test_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_routes_and_renders(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)

    def test_accepts_content_pages_the_course_catalogue_and_the_partners(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {ContentPage, CourseIndexPage, PartnerListPage, ResourceCatalogPage},
        )


class ContentPageTests(ChainonPageTestCase):
    def setUp(self):
        self.home = HomePageFactory(parent=Page.get_first_root_node())
        _make_site_root(self.home)
        self.page = ContentPageFactory(parent=self.home, title="Accessibilité")

    def test_lives_under_home_or_content_pages(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})

    def test_routes_and_renders(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)

    def test_can_be_created_in_the_admin_with_a_body(self):
        self.login()
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Mentions légales",
                    "slug": "mentions-legales",
                    "intro": "Qui publie ce site.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Éditeur", "level": "h2"}),
                            ("paragraph", rich_text("<p>Sagiterre, Marseille.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = ContentPage.objects.get(slug="mentions-legales")
        assert [block.block_type for block in page.body] == ["heading", "paragraph"]


@pytest.mark.django_db
def test_body_blocks_render_with_their_templates(site_tree):
    about = site_tree["about"]["fr"]
    about.body = [
        ("heading", {"text": "Nos missions", "level": "h3"}),
        (
            "quote",
            {"text": "Apprendre en faisant.", "attribution": "Une habitante-relais"},
        ),
    ]
    about.save_revision().publish()
    from django.test import Client

    html = Client().get("/fr/le-reseau/").content.decode()
    assert "<h3>Nos missions</h3>" in html
    assert "<figcaption>Une habitante-relais</figcaption>" in html
