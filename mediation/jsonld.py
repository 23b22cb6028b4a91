"""A resource described in JSON-LD: schema.org for the web, EDM for Europeana.

Search engines, learning-resource catalogues and accessibility checkers read
schema.org (``LearningResource``, ``accessibilityFeature``…); aggregators
of museum content read Europeana's EDM (``edm:type``, ``edm:rights``).  One
document says both, in every language the resource is published in
(``{"@value": …, "@language": …}``), with the context written inline so
that a processor needs nothing from the network to read it.  The IIIF
manifest points here with ``seeAlso``, and this description points back
with ``subjectOf``.
"""

from __future__ import annotations

from django.utils.html import strip_tags

from mediation import vocabulary as vocab
from mediation.iiif import CAPTION_KINDS
from mediation.models import MediaItem
from mediation.published import (
    LANGUAGE_CODES,
    Links,
    ResourceRecord,
    field_label,
    file_format,
    in_every_language,
    language_of,
)

SCHEMA = "https://schema.org/"
EDM = "http://www.europeana.eu/schemas/edm/"
CONTEXT = {"@vocab": SCHEMA, "edm": EDM}
IIIF_MANIFEST_TYPE = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)

MEDIA_TYPES = {
    "image": "ImageObject",
    "panorama": "ImageObject",
    "model": "3DModel",
    "model_ios": "3DModel",
    "video": "VideoObject",
    "audio": "AudioObject",
    "document": "MediaObject",
    "h5p": "MediaObject",
}
#: UN/CEFACT common code of the pixel, for width and height.
PIXEL = "E37"


def tagged(language_map: dict[str, list[str]], joiner: str | None = None) -> list:
    """A IIIF-style language map as JSON-LD language-tagged strings."""
    values = []
    for language, texts in language_map.items():
        if joiner is not None:
            texts = [joiner.join(texts)]
        for text in texts:
            value = {"@value": text}
            if language != "none":
                value["@language"] = language
            values.append(value)
    return values


def labels(choices, codes) -> list:
    return tagged(
        in_every_language(lambda: [vocab.label_of(choices, code) for code in codes])
    )


def iso_duration(seconds: float) -> str:
    """``PT1H2M3.5S``: ISO 8601, as schema.org's ``duration`` wants it."""
    total = round(float(seconds), 3)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{int(hours)}H"
    if minutes:
        text += f"{int(minutes)}M"
    if secs or text == "PT":
        text += f"{secs:.3f}".rstrip("0").rstrip(".") + "S"
    return text


def pixels(value: int) -> dict:
    return {"@type": "QuantitativeValue", "value": value, "unitCode": PIXEL}


def build_description(record: ResourceRecord, links: Links) -> dict:
    page = record.source
    schema_type = vocab.RESOURCE_SCHEMA_TYPES.get(page.resource_type, "CreativeWork")
    types = ["LearningResource"]
    if schema_type != "LearningResource":
        types.append(schema_type)
    urls = [url for url in (links.page(p) for p in record.translations) if url]
    description = {
        "@context": CONTEXT,
        "@type": types,
        "@id": urls[0] if urls else f"{links.base}#resource",
        "url": urls,
        "name": tagged(record.texts(lambda p: p.title)),
        "description": tagged(record.texts(lambda p: p.summary)),
        "inLanguage": [language_of(p) for p in record.translations],
        "isAccessibleForFree": True,
        "license": {"@id": page.rights},
        "edm:rights": {"@id": page.rights},
        "edm:type": vocab.EDM_TYPES.get(page.resource_type, "TEXT"),
        "learningResourceType": labels(vocab.RESOURCE_TYPES, [page.resource_type]),
        "provider": organisation(record, links),
        "subjectOf": {
            "@type": "CreativeWork",
            "url": links.manifest,
            "encodingFormat": IIIF_MANIFEST_TYPE,
        },
    }
    optional = {
        "creditText": tagged(record.texts(lambda p: p.credit_line)),
        "copyrightHolder": copyright_holder(record, description["provider"]),
        "contributor": contributors(record),
        "audience": audiences(page),
        "keywords": tagged(
            record.texts(lambda p: record.themes.get(p.pk, [])), joiner=", "
        ),
        "temporalCoverage": tagged(record.texts(lambda p: p.period)),
        "accessMode": list(page.access_modes),
        "accessModeSufficient": [
            {
                "@type": "ItemList",
                "itemListElement": combination.split(","),
                "description": combination,
            }
            for combination in page.access_modes_sufficient
        ],
        "accessibilityFeature": list(page.accessibility_features),
        "accessibilityHazard": list(page.accessibility_hazards),
        "accessibilityControl": list(page.accessibility_controls),
        "accessibilitySummary": tagged(record.texts(lambda p: p.accessibility_summary)),
        "timeRequired": iso_duration(page.time_needed * 60)
        if page.time_needed
        else None,
        "associatedMedia": [
            media
            for index, item in enumerate(record.items)
            if (media := media_object(record, links, index, item))
        ],
        "image": next(
            (
                links.file(item.file)
                for item in record.items
                if item.kind == "image" and item.file
            ),
            None,
        ),
        "datePublished": page.first_published_at.isoformat()
        if page.first_published_at
        else None,
        "dateModified": record.last_published_at.isoformat()
        if record.last_published_at
        else None,
    }
    description.update({name: value for name, value in optional.items() if value})
    return description


def organisation(record: ResourceRecord, links: Links) -> dict:
    partner = record.source.partner
    node = {"@type": "Organization", "name": partner.name}
    page_url = links.page(record.partner_page)
    if page_url:
        node["@id"] = page_url
    if partner.website:
        node["url"] = partner.website
    if partner.logo is not None:
        node["logo"] = links.file(partner.logo.file)
    address = {"@type": "PostalAddress", "addressCountry": str(partner.country)}
    if partner.city:
        address["addressLocality"] = partner.city
    node["address"] = address
    return node


def copyright_holder(record: ResourceRecord, provider: dict) -> dict | None:
    holder = record.source.rights_holder.strip()
    if not holder:
        return None
    if holder == provider["name"] and "@id" in provider:
        return {"@id": provider["@id"]}
    return {"name": holder}


def contributors(record: ResourceRecord) -> list:
    """Each contributor with their role, schema.org's ``Role`` pattern."""
    return [
        {
            "@type": "Role",
            "roleName": labels(vocab.CONTRIBUTOR_ROLES, [person.role]),
            "contributor": {"@type": "Person", "name": person.name},
        }
        for person in record.contributors
    ]


def audiences(page) -> list:
    ages = {}
    if page.age_min is not None:
        ages["suggestedMinAge"] = page.age_min
    if page.age_max is not None:
        ages["suggestedMaxAge"] = page.age_max
    nodes = []
    for code in page.audiences:
        if code == "mediators":
            nodes.append(
                {
                    "@type": "EducationalAudience",
                    "educationalRole": "mediator",
                    "audienceType": labels(vocab.AUDIENCES, [code]),
                }
            )
        else:
            nodes.append(
                {
                    "@type": "PeopleAudience",
                    "audienceType": labels(vocab.AUDIENCES, [code]),
                    **ages,
                }
            )
    for code in page.disabilities:
        nodes.append(
            {
                "@type": "PeopleAudience",
                "audienceType": labels(vocab.DISABILITIES, [code]),
                **ages,
            }
        )
    if ages and not any(node["@type"] == "PeopleAudience" for node in nodes):
        nodes.append({"@type": "PeopleAudience", **ages})
    return nodes


def media_object(record, links, index: int, item: MediaItem) -> dict | None:
    if item.kind == "h5p":
        package = item.h5p_package
        if package is None or package.status != package.Status.READY:
            return None
        return {
            "@type": "MediaObject",
            "name": tagged(item_names(record, index, item)),
            "embedUrl": links.h5p(package),
            "encodingFormat": "application/zip+h5p",
        }
    if not item.file:
        return None
    node = {
        "@type": MEDIA_TYPES.get(item.kind, "MediaObject"),
        "name": tagged(item_names(record, index, item)),
        "contentUrl": links.file(item.file),
        "encodingFormat": item.mime_type or file_format(item.file.name),
    }
    alternative = tagged(record.item_texts(index, lambda i: i.text_alternative))
    extra = {
        "description": alternative,
        "contentSize": f"{item.size} B" if item.size else None,
        "duration": iso_duration(item.duration) if item.duration else None,
        "width": pixels(item.width) if item.width else None,
        "height": pixels(item.height) if item.height else None,
        "inLanguage": item.language or None,
        "caption": [
            caption(record, links, track)
            for track in record.tracks(item)
            if track.get("kind") in CAPTION_KINDS
        ],
        "transcript": [
            {
                "@value": strip_tags(transcript["text"]).strip(),
                "@language": transcript.get("language"),
            }
            for transcript in record.transcripts(item)
            if transcript.get("language") in LANGUAGE_CODES
        ],
        "associatedMedia": alternatives(links, item),
    }
    node.update({name: value for name, value in extra.items() if value})
    return node


def caption(record, links, track: dict) -> dict:
    node = {
        "@type": "MediaObject",
        "contentUrl": links.document(record.documents[track["file"]]),
        "encodingFormat": "text/vtt",
    }
    if track.get("language"):
        node["inLanguage"] = track["language"]
    return node


def item_names(record, index: int, item: MediaItem) -> dict:
    return record.item_texts(index, lambda i: i.title) or in_every_language(
        lambda: vocab.label_of(vocab.MEDIA_KINDS, item.kind)
    )


def alternatives(links, item: MediaItem) -> list:
    """The sign-language video and the audio-description track."""
    nodes = []
    for name, schema_type in (
        ("sign_language_video", "VideoObject"),
        ("audio_description", "AudioObject"),
    ):
        stored = getattr(item, name)
        if stored:
            nodes.append(
                {
                    "@type": schema_type,
                    "name": tagged(field_label(MediaItem, name)),
                    "contentUrl": links.file(stored),
                    "encodingFormat": file_format(stored.name),
                    "accessibilityFeature": "signLanguage"
                    if name == "sign_language_video"
                    else "audioDescription",
                }
            )
    return nodes
