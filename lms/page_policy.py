"""The Content-Security-Policy of learning pages.

Unit pages hold what strangers wrote (H5P content runs in its sandboxed
frame, but a unit also shows trainers' rich text and learners' answers);
a strict policy makes any markup that slips through inert: scripts and
styles only from Chaînon's own files, no inline script, no plugins, frames
only from Chaînon (the H5P player), files from storage when it is S3.
"""

from media.h5p_player import storage_origin


def learning_page_csp() -> str:
    storage = storage_origin()
    files = f" {storage}" if storage else ""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data:{files}",
            f"media-src 'self'{files}",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def with_learning_policy(response):
    if "Content-Security-Policy" not in response:
        response["Content-Security-Policy"] = learning_page_csp()
    return response
