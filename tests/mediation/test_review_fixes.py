"""What a review of the partner area asked for: editors choose only their
own partner's ready H5P packages; a replaced file's size and dimensions are
read again; the mediator's guide headings sit below the page's own."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from media.h5p_models import H5PPackage
from mediation import spaces
from mediation.forms import choosable_h5p_packages
from mediation.models import MediaItem, MediationResourcePage
from tests.factories import UserFactory
from tests.media.transfer import upload_file
from tests.mediation import test_partner_spaces as partner_spaces

# The partner spaces' fixtures and form helpers, shared: two partners
# (Lisbon, Turin) with index pages, editors and moderators made by
# ``mediation.spaces``.
network = partner_spaces.network
lisbon_editor = partner_spaces.lisbon_editor
lisbon_moderator = partner_spaces.lisbon_moderator
turin_editor = partner_spaces.turin_editor
add_url = partner_spaces._add_url
resource_form = partner_spaces._resource_form

pytestmark = pytest.mark.django_db

READY = H5PPackage.Status.READY


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def stored(name: str, content: bytes) -> str:
    return default_storage.save(f"mediation/{name}", ContentFile(content))


def collection_of(partner):
    return spaces.space_of(partner).collection


def package(partner, title, status=READY):
    return H5PPackage.objects.create(
        title=title,
        collection=collection_of(partner),
        file=f"h5p-packages/{title.lower().replace(' ', '-')}.h5p",
        status=status,
    )


def h5p_item(package_pk, **fields):
    """One media item's form data, as the page editor posts it."""
    return {
        "kind": "h5p",
        "h5p_package": str(package_pk),
        "title": "Le quiz",
        "text_alternative": "",
        "language": "",
        "width": "",
        "height": "",
        "duration": "",
        "tracks": streamfield([]),
        **fields,
    }


def with_items(data, *items, initial=0):
    return {
        **data,
        **nested_form_data({"media_items": inline_formset(list(items), initial)}),
    }


@pytest.fixture
def packages(network):
    return {
        "lisbon": package(network["lisbon"], "Quiz des azulejos"),
        "lisbon_processing": package(
            network["lisbon"], "Quiz en cours", H5PPackage.Status.PROCESSING
        ),
        "lisbon_rejected": package(
            network["lisbon"], "Quiz refuse", H5PPackage.Status.REJECTED
        ),
        "turin": package(network["turin"], "Quiz della Mole"),
    }


# --- 1. An editor chooses among their own partner's ready packages -----------


def test_the_add_form_offers_a_lisbon_editor_lisbon_s_ready_packages_only(
    client, network, lisbon_editor, packages
):
    client.force_login(lisbon_editor)

    response = client.get(add_url(network["lisbon_page"]))

    assert response.status_code == 200
    html = response.content.decode()
    # The new item's form is a template the "add" button copies.
    assert "Quiz des azulejos" in html
    for hidden in ("Quiz della Mole", "Quiz en cours", "Quiz refuse"):
        assert hidden not in html
    formset = response.context["form"].formsets["media_items"]
    choices = formset.empty_form.fields["h5p_package"].queryset
    assert list(choices) == [packages["lisbon"]]


def test_a_lisbon_editor_cannot_attach_turin_s_package(
    client, network, lisbon_editor, packages
):
    client.force_login(lisbon_editor)
    data = with_items(
        resource_form("Azulejos", "azulejos"), h5p_item(packages["turin"].pk)
    )

    response = client.post(add_url(network["lisbon_page"]), data)

    assert response.status_code == 200  # the form again, with the error
    [errors] = response.context["form"].formsets["media_items"].errors
    assert "h5p_package" in errors
    assert "Quiz della Mole" not in response.content.decode()
    assert not MediationResourcePage.objects.filter(slug="azulejos").exists()
    assert not MediaItem.objects.exists()


@pytest.mark.parametrize("which", ["lisbon_processing", "lisbon_rejected"])
def test_a_package_that_is_not_ready_cannot_be_attached(
    client, network, lisbon_editor, packages, which
):
    client.force_login(lisbon_editor)
    data = with_items(
        resource_form("Azulejos", "azulejos"), h5p_item(packages[which].pk)
    )

    response = client.post(add_url(network["lisbon_page"]), data)

    assert response.status_code == 200
    [errors] = response.context["form"].formsets["media_items"].errors
    assert "h5p_package" in errors
    assert not MediaItem.objects.exists()


@pytest.mark.parametrize(
    "posted", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]
)
def test_a_forged_package_id_is_refused(
    client, network, lisbon_editor, packages, posted
):
    client.force_login(lisbon_editor)
    data = with_items(resource_form("Azulejos", "azulejos"), h5p_item(posted))

    response = client.post(add_url(network["lisbon_page"]), data)

    assert response.status_code == 200
    assert not MediaItem.objects.exists()


def test_a_lisbon_editor_attaches_lisbon_s_ready_package(
    client, network, lisbon_editor, packages
):
    client.force_login(lisbon_editor)
    data = with_items(
        resource_form("Azulejos", "azulejos"), h5p_item(packages["lisbon"].pk)
    )

    response = client.post(add_url(network["lisbon_page"]), data)

    assert response.status_code == 302, response.content[-3000:]
    item = MediaItem.objects.get()
    assert item.h5p_package == packages["lisbon"]
    assert item.page.slug == "azulejos"
    assert item.mime_type == "application/zip+h5p"


def test_a_turin_editor_sees_turin_s_package_and_not_lisbon_s(
    client, network, turin_editor, packages
):
    client.force_login(turin_editor)

    html = client.get(add_url(network["turin_page"])).content.decode()

    assert "Quiz della Mole" in html
    assert "Quiz des azulejos" not in html


def test_an_item_s_current_package_stays_listed_for_the_editor(
    client, network, lisbon_editor, packages
):
    """A coordinator attached Turin's package to a Lisbon resource: the
    Lisbon editor may save the page without losing it, but cannot pick it
    for another item."""
    page = MediationResourcePage(
        title="Azulejos",
        slug="azulejos",
        summary="Un quiz.",
        resource_type="h5p_activity",
    )
    network["lisbon_page"].add_child(instance=page)
    MediaItem.objects.create(page=page, kind="h5p", h5p_package=packages["turin"])
    page = MediationResourcePage.objects.get(pk=page.pk)
    page.save_revision()
    client.force_login(lisbon_editor)

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    formset = response.context["form"].formsets["media_items"]
    [form] = formset.forms
    assert set(form.fields["h5p_package"].queryset) == {
        packages["turin"],
        packages["lisbon"],
    }
    assert list(formset.empty_form.fields["h5p_package"].queryset) == [
        packages["lisbon"]
    ]


def test_without_a_user_no_package_is_choosable(packages):
    assert not choosable_h5p_packages(None).exists()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    # A superuser chooses among every ready package, never a pending one.
    assert set(choosable_h5p_packages(superuser)) == {
        packages["lisbon"],
        packages["turin"],
    }


def test_the_model_refuses_a_package_that_is_not_ready(network, packages):
    page = MediationResourcePage(
        title="Azulejos",
        slug="azulejos",
        summary="Un quiz.",
        resource_type="h5p_activity",
    )
    network["lisbon_page"].add_child(instance=page)
    for which in ("lisbon_processing", "lisbon_rejected"):
        item = MediaItem(page=page, kind="h5p", h5p_package=packages[which])
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "h5p_package" in error.value.message_dict
    MediaItem(page=page, kind="h5p", h5p_package=packages["lisbon"]).full_clean()


# --- 2. A replaced file is described again -----------------------------------


def image_resource(parent, name="petit.jpg", content=None):
    page = MediationResourcePage(
        title="La salle",
        slug="la-salle",
        summary="Une salle du musée.",
        resource_type="tour_360",
    )
    parent.add_child(instance=page)
    item = MediaItem(
        page=page,
        kind="image",
        file=stored(name, content or jpeg(64, 32)),
        text_alternative="La salle des azulejos.",
    )
    item.full_clean(exclude=["page"])
    item.save()
    return page, item


def test_a_replaced_image_gets_its_new_size_and_dimensions(network, local_storage):
    _page, item = image_resource(network["lisbon_page"])
    assert (item.width, item.height, item.size) == (64, 32, len(jpeg(64, 32)))

    item = MediaItem.objects.get(pk=item.pk)
    item.file = stored("grand.jpg", jpeg(1200, 900))
    item.full_clean(exclude=["page"])
    item.save()

    item = MediaItem.objects.get(pk=item.pk)
    assert (item.width, item.height) == (1200, 900)
    assert item.size == len(jpeg(1200, 900))
    assert item.mime_type == "image/jpeg"


def test_a_file_replaced_in_code_without_full_clean_is_described_on_save(
    network, local_storage
):
    _page, item = image_resource(network["lisbon_page"])

    item = MediaItem.objects.get(pk=item.pk)
    item.file = stored("grand.png", png(1200, 900))
    item.save()

    item = MediaItem.objects.get(pk=item.pk)
    assert (item.width, item.height) == (1200, 900)
    assert item.size == len(png(1200, 900))
    assert item.mime_type == "image/png"


def test_saving_an_unchanged_file_reads_nothing_again(network, local_storage):
    """Dimensions an editor corrected are kept while the file stays."""
    _page, item = image_resource(network["lisbon_page"])
    item = MediaItem.objects.get(pk=item.pk)
    item.width, item.height = 640, 320
    item.full_clean(exclude=["page"])
    item.save()

    item = MediaItem.objects.get(pk=item.pk)
    assert (item.width, item.height) == (640, 320)


def test_a_deferred_file_field_is_not_taken_for_a_replacement(
    network, local_storage, django_assert_num_queries
):
    _page, item = image_resource(network["lisbon_page"])
    item = MediaItem.objects.only("pk", "title").get(pk=item.pk)
    with django_assert_num_queries(0):
        assert not item._file_replaced()


@pytest.mark.parametrize("action", ["publish", "draft"])
def test_a_moderator_replaces_the_image_in_the_page_editor(
    client, network, lisbon_moderator, local_storage, action
):
    """Through the editor, as it happens: a direct upload, the page form
    posted with its token, the page published from its revision (at once,
    or later from the draft the form saved)."""
    page, item = image_resource(network["lisbon_page"])
    page.save_revision().publish()
    client.force_login(lisbon_moderator)
    bigger = jpeg(1200, 900)
    done = upload_file(
        client,
        bigger,
        target="mediation.mediaitem.file",
        name="grand.jpg",
        content_type="image/jpeg",
    )
    extra = {"action-publish": "1"} if action == "publish" else {}
    data = with_items(
        resource_form("La salle", "la-salle", **extra),
        {
            "id": str(item.pk),
            "kind": "image",
            "file-upload": done["token"],
            "title": "",
            "text_alternative": "La salle des azulejos.",
            "language": "",
            "width": "64",  # what the form showed: the old image's
            "height": "32",
            "duration": "",
            "tracks": streamfield([]),
        },
        initial=1,
    )

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, _errors(response)
    if action == "draft":
        assert MediaItem.objects.get(pk=item.pk).width == 64  # still live
        page.refresh_from_db()
        page.get_latest_revision().publish()
    item = MediaItem.objects.get(pk=item.pk)
    assert item.file.name != "mediation/petit.jpg"
    assert item.file.name.endswith(".jpg")
    assert (item.width, item.height) == (1200, 900)
    assert item.size == len(bigger)
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes


def _errors(response):
    form = response.context and response.context.get("form")
    if not form:
        return response.content[-2000:]
    return form.errors, [f.errors for f in form.formsets["media_items"].forms]


# --- 3. The mediator's guide's headings ----------------------------------------


def test_the_mediator_s_guide_offers_headings_below_its_own_h3():
    field = MediationResourcePage._meta.get_field("mediator_guide")
    assert "h3" not in field.features
    assert {"h4", "h5"} <= set(field.features)
    widget = field.formfield().widget
    assert "h3" not in widget.features
    assert {"h4", "h5"} <= set(widget.features)


def test_the_guide_s_headings_follow_the_page_s_outline(client, network):
    page = MediationResourcePage(
        title="Azulejos",
        slug="azulejos",
        summary="Un guide.",
        resource_type="mediator_guide",
        mediator_guide="<h4>Préparer</h4><p>Lire la fiche.</p><h5>Matériel</h5>",
    )
    network["lisbon_page"].add_child(instance=page)
    page.save_revision().publish()

    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")

    levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5"])]
    # No heading level skipped going down (h2 → h4 would be).
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert soup.find("h4", string="Préparer")
    assert soup.find("h5", string="Matériel")


def test_the_edit_form_s_queries_depend_on_items_not_on_packages(
    client, network, lisbon_editor, packages
):
    """One list query per item's form, like any select: neither the number
    of packages nor the permission lookup (cached per user) adds more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = MediationResourcePage(
        title="Azulejos",
        slug="azulejos",
        summary="Des quiz.",
        resource_type="h5p_activity",
    )
    network["lisbon_page"].add_child(instance=page)
    url = f"/admin/pages/{page.pk}/edit/"
    client.force_login(lisbon_editor)

    def count(items):
        MediaItem.objects.filter(page=page).delete()
        for _n in range(items):
            MediaItem.objects.create(
                page=page, kind="h5p", h5p_package=packages["lisbon"]
            )
        MediationResourcePage.objects.get(pk=page.pk).save_revision()
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    one, five = count(1), count(5)
    # Wagtail's own inline form costs about three queries an item.
    assert five - one <= 4 * 4
    for n in range(10):
        package(network["lisbon"], f"Quiz {n}")
    assert count(5) == five
