"""The Content-Security-Policy of learning pages.

Unit pages hold what strangers wrote (H5P content runs in its sandboxed
frame, but a unit also shows trainers' rich text and learners' answers);
a strict policy makes any markup that slips through inert: scripts and
styles only from Chaînon's own files, no inline script, no plugins, frames
only from Chaînon (the H5P player), files from storage when it is S3.

A unit that embeds mediation resources gets a little more, only what the
viewers (``mediation/static/mediation/js/viewers.js``) need, and nothing
that runs a script of someone else's:

- the 360° viewer fetches its panorama (``connect-src``: Chaînon, or the
  bucket on S3) and shows it from a ``blob:`` image; the 3D viewer fetches
  its model the same way and reads the model's textures from ``blob:``
  URLs (``fetch`` in Chromium, an image elsewhere);
- <model-viewer> compiles WebAssembly decoders (meshopt as it loads, Draco
  and KTX2 for compressed models) in workers it builds from ``blob:``
  URLs: ``'wasm-unsafe-eval'`` lets WebAssembly compile, never JavaScript
  eval;
- <model-viewer> writes its own stylesheet as a ``<style>`` in its shadow
  root, allowed by its hash; an empty ``<style>`` (the marker by which
  the viewers keep OpenSeadragon from hiding the focus outline) styles
  nothing and is allowed by the hash of nothing.
"""

from media.h5p_player import storage_origin

MEDIATION_BLOCK_TYPE = "mediation_resource"
#: The stylesheet of @google/model-viewer 4.4.0's shadow root (its ``<style>``
#: text); tests/lms/test_mediation_resource_block.py recomputes it from the
#: vendored file, so an upgrade that changes it fails there, not silently.
MODEL_VIEWER_STYLE = "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='"
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def learning_page_csp(*, mediation_viewers: bool = False) -> str:
    storage = storage_origin()
    files = f" {storage}" if storage else ""
    scripts, styles, workers = "'self'", "'self'", "'self'"
    images, connect = f"'self' data:{files}", "'self'"
    if mediation_viewers:
        scripts += " 'wasm-unsafe-eval'"
        styles += f" {MODEL_VIEWER_STYLE} {EMPTY_STYLE}"
        workers += " blob:"
        images = f"'self' data: blob:{files}"
        connect = f"'self' blob:{files}"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            f"style-src {styles}",
            f"img-src {images}",
            f"media-src 'self'{files}",
            "font-src 'self'",
            f"connect-src {connect}",
            f"worker-src {workers}",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def embeds_mediation(page) -> bool:
    """Whether the page's body holds a mediation resource block (read from
    the raw data: no block is loaded for it)."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or ()
    return any(block.get("type") == MEDIATION_BLOCK_TYPE for block in raw)


def with_learning_policy(response):
    if "Content-Security-Policy" not in response:
        context = getattr(response, "context_data", None) or {}
        response["Content-Security-Policy"] = learning_page_csp(
            mediation_viewers=embeds_mediation(context.get("page"))
        )
    return response
