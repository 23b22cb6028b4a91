"""The IIIF manifest and the JSON-LD description of a resource, by UUID.

Both are addressed by the resource's translation key, shared by all its
translations, so one address stands for the resource in every language.
Only what any visitor may read is served (live, no view restriction); the
rest is a plain 404, the same as for a key that never existed, so the
address reveals nothing about drafts or private resources.

Viewers on other sites load manifests from scripts, hence
``Access-Control-Allow-Origin: *``; they ask again often, hence an ETag
and Last-Modified that answer 304 until the resource is published again.
On S3, file URLs are signed and expire: the ETag then also changes every
half-lifetime of a signature, and a cached copy never outlives its links.
"""

import hashlib
import json
import time

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from media.storage_access import is_s3
from mediation.iiif import build_manifest
from mediation.jsonld import build_description
from mediation.published import Links, ResourceRecord

MANIFEST_TYPE = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)
JSONLD_TYPE = "application/ld+json"
#: Seconds a client or a shared cache may reuse an answer without asking.
MAX_AGE = 300


@require_safe
def manifest(request, key):
    return _serve(
        request,
        key,
        MANIFEST_TYPE,
        lambda record, links: build_manifest(record, links).json(),
    )


@require_safe
def description(request, key):
    return _serve(
        request,
        key,
        JSONLD_TYPE,
        lambda record, links: json.dumps(
            build_description(record, links), ensure_ascii=False
        ),
    )


def _serve(request, key, content_type, render):
    translations = ResourceRecord.published(key)
    if not translations:
        raise Http404
    lifetime = signed_url_lifetime()
    etag = _etag(request, content_type, translations, lifetime)
    last_modified = None
    if lifetime is None:
        stamps = [p.last_published_at for p in translations if p.last_published_at]
        # HTTP dates count whole seconds.
        last_modified = int(max(stamps).timestamp()) if stamps else None
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=last_modified
    )
    if not_modified is not None:
        response = not_modified
    else:
        record = ResourceRecord.load(translations)
        body = render(record, Links(request, key))
        response = HttpResponse(body, content_type=content_type)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
    response["Access-Control-Allow-Origin"] = "*"
    max_age = MAX_AGE if lifetime is None else min(MAX_AGE, lifetime // 4)
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def signed_url_lifetime() -> int | None:
    """Seconds a file URL stays valid, or None when it never expires."""
    if is_s3(default_storage) and default_storage.querystring_auth:
        return int(default_storage.querystring_expire)
    return None


def _etag(request, content_type, translations, lifetime) -> str:
    parts = [
        content_type,
        request.scheme,
        request.get_host(),
        *(
            f"{page.pk}:{page.live_revision_id}:{page.last_published_at}"
            for page in translations
        ),
    ]
    # The partner is shown too, and is edited apart from the resource.
    partner = translations[0].partner
    logo = partner.logo.file.name if partner.logo else ""
    parts += [partner.name, partner.website, logo]
    if lifetime is not None:
        parts.append(str(int(time.time() // max(lifetime // 2, 1))))
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f'"{digest}"'
