"""IIIF Presentation 3.0 manifests of mediation resources.

A museum's viewer (Mirador, the Universal Viewer, Clover…) shows a
resource from its manifest without knowing Chaînon.  One manifest stands
for the resource in every language: IIIF carries languages inside its
values (``{"fr": […], "en": […]}``) and lets the viewer pick the reader's,
so the label, summary and metadata gather every live translation, and the
vocabulary's labels come in all the site's languages.

The resource's files become canvases in the order visitors meet them; what
a viewer cannot paint on a canvas (a PDF, an H5P activity, a USDZ model for
iOS, a sound of unknown length) is offered as a ``rendering`` instead, so
nothing is lost and the manifest stays valid.  The objects are built with
``iiif-prezi3``, whose models are generated from the official JSON schema.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext
from iiif_prezi3 import (
    Annotation,
    AnnotationPage,
    Canvas,
    KeyValueString,
    Manifest,
)
from iiif_prezi3 import skeleton as iiif
from wagtail.rich_text import expand_db_html

from mediation import vocabulary as vocab
from mediation.models import MediaItem, MediationResourcePage, ResourceContributor
from mediation.published import (
    Links,
    ResourceRecord,
    field_label,
    file_format,
    in_every_language,
    language_of,
)

#: The IIIF type of what each kind paints on its canvas.
PAINTED = {
    "image": "Image",
    "panorama": "Image",
    "model": "Model",
    "video": "Video",
    "audio": "Sound",
}
#: The IIIF type of what is offered beside the canvases.
RENDERED = {"document": "Text", "model_ios": "Model", "h5p": "Text", "audio": "Sound"}
#: Time-based kinds: their text tracks and alternatives become annotations.
TIMED = ("video", "audio")
#: Track kinds a viewer shows over the media; "descriptions" and "chapters"
#: would be shown as subtitles too, which they are not.
CAPTION_KINDS = ("captions", "subtitles")

#: A canvas is a coordinate space: when an image or a model does not say its
#: size, a square (or the 2:1 of any equirectangular panorama) is the safe
#: guess, and the painted file keeps no invented size of its own.
DEFAULT_SIZE = {"panorama": (2000, 1000), "video": (1920, 1080)}
SQUARE = (1000, 1000)


# -- The manifest ------------------------------------------------------------------


def build_manifest(record: ResourceRecord, links: Links) -> Manifest:
    source = record.source
    manifest = Manifest(
        id=links.manifest,
        label=record.texts(lambda page: page.title),
        summary=record.texts(lambda page: page.summary) or None,
        metadata=metadata(record) or None,
        rights=source.rights,
        requiredStatement=required_statement(record),
        provider=[provider(record, links)],
        homepage=homepages(record, links) or None,
        seeAlso=[
            iiif.LinkedResource(
                id=links.description,
                type="Dataset",
                format="application/ld+json",
                profile="https://schema.org/",
            )
        ],
        thumbnail=thumbnail(record, links) or None,
    )
    canvases, renderings = [], []
    for index, item in enumerate(record.items):
        built = canvas(record, links, index, item)
        if built is not None:
            canvases.append(built)
        else:
            rendered = rendering(record, links, index, item)
            if rendered is not None:
                renderings.append(rendered)
    guide = source.mediator_guide_document
    if guide is not None:
        renderings.append(
            iiif.LinkedResource(
                id=links.document(guide),
                type="Text",
                format=file_format(guide.file.name),
                label=field_label(MediationResourcePage, "mediator_guide_document"),
            )
        )
    manifest.items = canvases
    if renderings:
        manifest.rendering = renderings
    return manifest


def metadata(record: ResourceRecord) -> list[KeyValueString]:
    """What the resource is and for whom, as label/value pairs a viewer
    shows in its information panel."""
    page = record.source
    model = MediationResourcePage
    entries = [
        (
            "resource_type",
            in_every_language(
                lambda: vocab.label_of(vocab.RESOURCE_TYPES, page.resource_type)
            ),
        ),
        ("partner", {"none": [page.partner.name]}),
        ("period", record.texts(lambda p: p.period)),
        ("themes", record.texts(lambda p: record.themes.get(p.pk, []))),
        ("related_works", record.texts(lambda p: p.related_works.splitlines())),
    ]
    for name in (
        "audiences",
        "disabilities",
        "access_modes",
        "access_modes_sufficient",
        "accessibility_features",
        "accessibility_hazards",
        "accessibility_controls",
    ):
        chosen = getattr(page, name)
        if chosen:
            model_field = model._meta.get_field(name)
            entries.append(
                (name, in_every_language(lambda f=model_field, c=chosen: f.labels(c)))
            )
    for name in ("age_min", "age_max", "time_needed"):
        value = getattr(page, name)
        if value is not None:
            entries.append((name, {"none": [str(value)]}))
    entries += [
        (
            "use_context",
            in_every_language(
                lambda: vocab.label_of(vocab.USE_CONTEXTS, page.use_context)
            ),
        ),
        ("accessibility_summary", record.texts(lambda p: p.accessibility_summary)),
        ("easy_to_read", record.texts(lambda p: p.easy_to_read)),
        ("device_requirements", record.texts(lambda p: p.device_requirements)),
        ("rights", in_every_language(lambda: vocab.rights_label(page.rights))),
    ]
    result = [
        KeyValueString(label=field_label(model, name), value=value)
        for name, value in entries
        if value
    ]
    if record.contributors:
        result.append(
            KeyValueString(
                label=in_every_language(
                    lambda: capfirst(str(ResourceContributor._meta.verbose_name_plural))
                ),
                value=in_every_language(
                    lambda: [
                        f"{person.name} "
                        f"({vocab.label_of(vocab.CONTRIBUTOR_ROLES, person.role)})"
                        for person in record.contributors
                    ]
                ),
            )
        )
    return result


def required_statement(record: ResourceRecord) -> KeyValueString | None:
    """The credit line a reuser must show; the rights holder when no credit
    line was written."""
    value = record.texts(lambda page: page.credit_line or page.rights_holder)
    if not value:
        return None
    return KeyValueString(
        label=in_every_language(lambda: gettext("Attribution")), value=value
    )


def provider(record: ResourceRecord, links: Links) -> iiif.Provider:
    partner = record.source.partner
    page_url = links.page(record.partner_page)
    homepage = None
    if partner.website or page_url:
        homepage = [
            iiif.Homepage(
                id=partner.website or page_url,
                type="Text",
                format="text/html",
                label={"none": [partner.name]},
            )
        ]
    logo = None
    if partner.logo is not None:
        logo = [
            iiif.AnnotationBody(
                id=links.file(partner.logo.file),
                type="Image",
                format=file_format(partner.logo.file.name),
                width=partner.logo.width or None,
                height=partner.logo.height or None,
            )
        ]
    return iiif.Provider(
        id=page_url or partner.website or f"{links.base}/provider",
        label={"none": [partner.name]},
        homepage=homepage,
        logo=logo,
    )


def homepages(record: ResourceRecord, links: Links) -> list[iiif.Homepage]:
    """The resource's page in each language, marked with that language."""
    pages = []
    for page in record.translations:
        url = links.page(page)
        if url:
            pages.append(
                iiif.Homepage(
                    id=url,
                    type="Text",
                    format="text/html",
                    label={language_of(page): [page.title]},
                    language=[language_of(page)],
                )
            )
    return pages


def thumbnail(record: ResourceRecord, links: Links) -> list[iiif.AnnotationBody]:
    for item in record.items:
        if item.kind == "image" and item.file:
            return [
                iiif.AnnotationBody(
                    id=links.file(item.file),
                    type="Image",
                    format=item.mime_type or file_format(item.file.name),
                    width=item.width or None,
                    height=item.height or None,
                )
            ]
    return []


# -- Canvases and renderings -------------------------------------------------------


def canvas_size(item: MediaItem) -> dict | None:
    """The canvas's dimensions, or None when no valid canvas can be drawn
    (a sound of unknown length: it has no size to fall back on)."""
    size = {}
    if item.width and item.height:
        size = {"width": item.width, "height": item.height}
    if item.kind in TIMED and item.duration and item.duration > 0:
        size["duration"] = item.duration
    if size:
        return size
    if item.kind == "audio":
        return None
    width, height = DEFAULT_SIZE.get(item.kind, SQUARE)
    return {"width": width, "height": height}


def item_label(record: ResourceRecord, index: int, item: MediaItem) -> dict:
    return record.item_texts(index, lambda i: i.title) or in_every_language(
        lambda: vocab.label_of(vocab.MEDIA_KINDS, item.kind)
    )


def canvas(record, links, index: int, item: MediaItem) -> Canvas | None:
    if item.kind not in PAINTED or not item.file:
        return None
    size = canvas_size(item)
    if size is None:
        return None
    canvas_id = links.canvas(item)
    known = {
        "width": item.width or None,
        "height": item.height or None,
        "duration": item.duration if item.kind in TIMED and item.duration else None,
    }
    body = iiif.AnnotationBody(
        id=links.file(item.file),
        type=PAINTED[item.kind],
        format=item.mime_type or file_format(item.file.name),
        language=item.language or None,
        **{name: value for name, value in known.items() if value},
    )
    painting = Annotation(
        id=f"{canvas_id}/painting",
        motivation="painting",
        body=body,
        target=canvas_id,
    )
    result = Canvas(
        id=canvas_id,
        label=item_label(record, index, item),
        summary=record.item_texts(index, lambda i: i.text_alternative) or None,
        metadata=[
            KeyValueString(
                label=field_label(MediaItem, "kind"),
                value=in_every_language(
                    lambda: vocab.label_of(vocab.MEDIA_KINDS, item.kind)
                ),
            )
        ],
        items=[AnnotationPage(id=f"{canvas_id}/page", items=[painting])],
        **size,
    )
    supplements = supplementing(record, links, item, canvas_id)
    if supplements:
        result.annotations = [
            AnnotationPage(id=f"{canvas_id}/supplementing", items=supplements)
        ]
    return result


def supplementing(record, links, item: MediaItem, canvas_id: str) -> list:
    """Captions, sign language, audio description and transcripts: each a
    transformation of the canvas's content (IIIF's "supplementing")."""
    annotations = []

    def add(name, body):
        annotations.append(
            Annotation(
                id=f"{canvas_id}/{name}",
                motivation="supplementing",
                body=body,
                target=canvas_id,
            )
        )

    if item.kind in TIMED:
        for number, track in enumerate(record.tracks(item), start=1):
            if track.get("kind") not in CAPTION_KINDS:
                continue
            document = record.documents[track["file"]]
            language = track.get("language") or ""
            add(
                f"captions/{number}",
                iiif.AnnotationBody(
                    id=links.document(document),
                    type="Text",
                    format="text/vtt",
                    language=language or None,
                    label=track_label(track.get("kind"), language),
                ),
            )
        for name, kind in (
            ("sign_language_video", "Video"),
            ("audio_description", "Sound"),
        ):
            stored = getattr(item, name)
            if stored:
                add(
                    name.replace("_", "-"),
                    iiif.AnnotationBody(
                        id=links.file(stored),
                        type=kind,
                        format=file_format(stored.name),
                        label=field_label(MediaItem, name),
                    ),
                )
    for number, transcript in enumerate(record.transcripts(item), start=1):
        add(
            f"transcript/{number}",
            iiif.TextualBody(
                value=expand_db_html(transcript["text"]),
                format="text/html",
                language=transcript.get("language") or None,
            ),
        )
    return annotations


def track_label(kind: str, language: str) -> dict:
    languages = dict(settings.LANGUAGES)

    def text():
        label = vocab.label_of(vocab.TRACK_KINDS, kind)
        if language in languages:
            return f"{label} ({languages[language]})"
        return label

    return in_every_language(text)


def rendering(record, links, index: int, item: MediaItem):
    """A file offered beside the canvases, for a viewer to link to."""
    if item.kind == "h5p":
        package = item.h5p_package
        if package is None or package.status != package.Status.READY:
            return None
        return iiif.LinkedResource(
            id=links.h5p(package),
            type="Text",
            format="text/html",
            label=item_label(record, index, item),
        )
    if item.kind not in RENDERED or not item.file:
        return None
    return iiif.LinkedResource(
        id=links.file(item.file),
        type=RENDERED[item.kind],
        format=item.mime_type or file_format(item.file.name),
        label=item_label(record, index, item),
    )
