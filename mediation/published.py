"""A published resource as its manifest and description see it.

The IIIF manifest (``mediation.iiif``) and the JSON-LD description
(``mediation.jsonld``) show the same record: every live, public
translation of a resource with its media, tags, contributors and partner,
loaded in a fixed number of queries, and the absolute links to its files.
Both also speak every site language at once, through ``in_every_language``.
"""

from __future__ import annotations

import mimetypes
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.documents import get_document_model

from media.h5p_player import player_url
from mediation.media_checks import type_of
from mediation.models import (
    MediaItem,
    MediationResourcePage,
    ResourceContributor,
    ResourceTag,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


# -- Language maps -----------------------------------------------------------


def in_every_language(text_of) -> dict[str, list[str]]:
    """``{code: [text]}`` for each site language, ``text_of`` being called
    with that language active (vocabulary labels, field names)."""
    values = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            texts = text_of()
        texts = [texts] if isinstance(texts, str) else list(texts)
        texts = [str(text) for text in texts if str(text).strip()]
        if texts:
            values[code] = texts
    return values


def field_label(model, name: str) -> dict[str, list[str]]:
    verbose_name = model._meta.get_field(name).verbose_name
    return in_every_language(lambda: capfirst(str(verbose_name)))


def language_of(page) -> str:
    return page.locale.language_code


# -- What a manifest is built from ---------------------------------------------


@dataclass
class ResourceRecord:
    """A resource's live, public translations and everything their manifest
    and description show, fetched in a fixed number of queries whatever the
    number of media items or translations."""

    translations: list[MediationResourcePage]
    items: list[MediaItem] = field(default_factory=list)
    items_by_page: dict[int, list[MediaItem]] = field(default_factory=dict)
    documents: dict[int, object] = field(default_factory=dict)
    themes: dict[int, list[str]] = field(default_factory=dict)
    contributors: list[ResourceContributor] = field(default_factory=list)
    partner_page: object = None

    @classmethod
    def published(cls, key: uuid.UUID) -> list[MediationResourcePage]:
        """The translations anyone may read: live, with no view restriction
        on them or above them, the default language first.  An alias in
        another locale is a placeholder still in the source's language, not
        a translation: it is left out."""
        pages = list(
            MediationResourcePage.objects.filter(
                translation_key=key, alias_of__isnull=True
            )
            .live()
            .public()
            .select_related(
                "locale", "partner", "partner__logo", "mediator_guide_document"
            )
        )
        order = {code: index for index, code in enumerate(LANGUAGE_CODES)}
        return sorted(pages, key=lambda page: order.get(language_of(page), 99))

    @classmethod
    def load(cls, translations: list[MediationResourcePage]) -> ResourceRecord:
        record = cls(translations=translations)
        source = record.source
        for item in (
            MediaItem.objects.filter(page__in=translations)
            .select_related("h5p_package")
            .order_by("page_id", "sort_order", "pk")
        ):
            record.items_by_page.setdefault(item.page_id, []).append(item)
        record.items = record.items_by_page.get(source.pk, [])
        document_ids = {
            track["value"].get("file")
            for item in record.items
            for track in item.tracks.raw_data
            if track["type"] == "track"
        } - {None}
        if document_ids:
            record.documents = get_document_model().objects.in_bulk(document_ids)
        for tagged in (
            ResourceTag.objects.filter(content_object__in=translations)
            .select_related("tag")
            .order_by("tag__name")
        ):
            record.themes.setdefault(tagged.content_object_id, []).append(
                tagged.tag.name
            )
        record.contributors = list(
            ResourceContributor.objects.filter(page=source).order_by("sort_order")
        )
        record.partner_page = source.get_parent()
        return record

    @property
    def source(self) -> MediationResourcePage:
        """The translation whose files and structure the others follow."""
        return self.translations[0]

    def texts(self, text_of) -> dict[str, list[str]]:
        """A language map of one text of each translation."""
        values = {}
        for page in self.translations:
            texts = text_of(page)
            texts = [texts] if isinstance(texts, str) else list(texts or ())
            texts = [text for text in texts if text and text.strip()]
            if texts:
                values[language_of(page)] = texts
        return values

    def item_texts(self, index: int, text_of) -> dict[str, list[str]]:
        """A language map of one text of the ``index``-th media item, taken
        from each translation whose items still match the source's."""
        values = {}
        for page in self.translations:
            items = self.items_by_page.get(page.pk, [])
            if len(items) != len(self.items):
                continue
            text = text_of(items[index])
            if text and text.strip():
                values[language_of(page)] = [text]
        return values

    def tracks(self, item: MediaItem) -> list[dict]:
        """The item's caption tracks whose file still exists, as raw values."""
        return [
            track["value"]
            for track in item.tracks.raw_data
            if track["type"] == "track" and track["value"].get("file") in self.documents
        ]

    def transcripts(self, item: MediaItem) -> list[dict]:
        return [
            track["value"]
            for track in item.tracks.raw_data
            if track["type"] == "transcript" and track["value"].get("text")
        ]

    @cached_property
    def last_published_at(self):
        return max(
            (
                page.last_published_at
                for page in self.translations
                if page.last_published_at
            ),
            default=None,
        )


class Links:
    """Absolute URLs of everything a manifest points at: viewers load it
    from other sites, so no address may be relative."""

    def __init__(self, request, key: uuid.UUID):
        self.request = request
        self.manifest = request.build_absolute_uri(reverse("iiif:manifest", args=[key]))
        self.description = request.build_absolute_uri(
            reverse("iiif:description", args=[key])
        )
        self.base = self.manifest.rsplit("/", 1)[0]

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def file(self, stored) -> str:
        """A stored file's URL: already absolute (and signed) on S3."""
        return self.absolute(stored.url)

    def document(self, document) -> str:
        return self.absolute(document.url)

    def page(self, page) -> str | None:
        return page.get_full_url(self.request) if page else None

    def canvas(self, item: MediaItem) -> str:
        return f"{self.base}/canvas/{item.pk}"

    def h5p(self, package) -> str:
        origin = f"{self.request.scheme}://{self.request.get_host()}"
        return self.absolute(player_url(package.pk, origin))


def file_format(name: str) -> str | None:
    return type_of(name) or mimetypes.guess_type(name)[0] or None
