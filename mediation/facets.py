"""What a resource is filed under in the catalogue, written as facet rows.

Every value is a code that reads the same in the five languages, so a
filter link or a count never depends on the language it was made in; the
catalogue turns codes into words when it shows them:

- ``partner``: the institution's ``translation_key`` (one per institution,
  whichever language its record is in);
- ``country``: the institution's ISO 3166 code;
- ``type``: the resource type;
- ``audience``: each audience, and each disability addressed as
  ``disability:<code>`` (which implies ``disability`` itself, so choosing
  "people with disabilities" also finds a resource only marked "deaf");
- ``feature``: each schema.org accessibility feature the editor declared
  (the same list the JSON-LD description publishes);
- ``language``: the languages the resource can be used in: the page's own
  language, the language of each media item, caption track and transcript;
- ``licence``: the rights statement's URI.

Rows are computed from the page instance the publication signal carries,
not from the database, so a page's media items and themes are read as
published, before or after the page's child rows are written.
"""

from django.conf import settings
from django.db import transaction

from mediation.models import MediationResourcePage, ResourceFacet

FACETS = ("partner", "country", "type", "audience", "feature", "language", "licence")
DISABILITY_PREFIX = "disability:"
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
BATCH_SIZE = 500


def facet_values(page: MediationResourcePage) -> set[tuple[str, str]]:
    """The ``(facet, value)`` pairs ``page`` is filed under."""
    values = {("type", page.resource_type), ("licence", page.rights)}
    partner = page.partner
    values.add(("partner", str(partner.translation_key)))
    if partner.country:
        values.add(("country", partner.country.code))
    audiences = set(page.audiences or ())
    disabilities = set(page.disabilities or ())
    if disabilities:
        audiences.add("disability")
    values |= {("audience", code) for code in audiences}
    values |= {("audience", DISABILITY_PREFIX + code) for code in disabilities}
    values |= {("feature", code) for code in page.accessibility_features or ()}
    values |= {("language", code) for code in languages_of(page)}
    return values


def languages_of(page: MediationResourcePage) -> set[str]:
    languages = {page.locale.language_code}
    for item in page.media_items.all():
        languages.add(item.language)
        # The raw blocks: reading a track's language must not load its file.
        for block in item.tracks.raw_data:
            languages.add((block.get("value") or {}).get("language"))
    return languages & LANGUAGE_CODES


def write_facets(page: MediationResourcePage) -> None:
    """Replace ``page``'s rows with those of the version just published."""
    rows = [
        ResourceFacet(page_id=page.pk, facet=facet, value=value)
        for facet, value in sorted(facet_values(page))
    ]
    with transaction.atomic():
        ResourceFacet.objects.filter(page_id=page.pk).delete()
        ResourceFacet.objects.bulk_create(rows)


def clear_facets(page_id: int) -> None:
    ResourceFacet.objects.filter(page_id=page_id).delete()


def refresh_partner(partner) -> None:
    """A partner's country changed: its live resources' country rows follow.

    Partner records are synchronised across languages, so every record
    sharing the ``translation_key`` has the same country.
    """
    page_ids = list(
        MediationResourcePage.objects.live()
        .filter(partner__translation_key=partner.translation_key)
        .values_list("pk", flat=True)
    )
    if not page_ids:
        return
    with transaction.atomic():
        ResourceFacet.objects.filter(page_id__in=page_ids, facet="country").delete()
        if partner.country:
            ResourceFacet.objects.bulk_create(
                ResourceFacet(page_id=pk, facet="country", value=partner.country.code)
                for pk in page_ids
            )


def rebuild() -> int:
    """Rows again for every live resource; returns how many resources.

    For a database restored from elsewhere, pages made live without a
    publication, or rows written by an older version of these rules; the
    publication signals keep them in step after.
    """
    pages = (
        MediationResourcePage.objects.live()
        .select_related("partner", "locale")
        .prefetch_related("media_items")
        .order_by("pk")
    )
    count = 0
    with transaction.atomic():
        ResourceFacet.objects.all().delete()
        batch = []
        for page in pages.iterator(chunk_size=BATCH_SIZE):
            batch += [
                ResourceFacet(page_id=page.pk, facet=facet, value=value)
                for facet, value in sorted(facet_values(page))
            ]
            count += 1
            if len(batch) >= BATCH_SIZE:
                ResourceFacet.objects.bulk_create(batch)
                batch = []
        ResourceFacet.objects.bulk_create(batch)
    return count
