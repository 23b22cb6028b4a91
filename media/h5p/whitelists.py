"""Which files a package may bring, by extension.

The base is the PHP core's list (``H5PCore::$defaultContentWhitelist`` in
``h5p/h5p-php-library``'s ``h5p.classes.php``), which Lumi's h5p-server
copies as ``contentWhitelist``::

    json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4
    ogg mp3 m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml
    csv diff patch swf md textile vtt webvtt

plus ``gltf glb``, which the core added in 2021 for 3D content.  Library
folders may also hold ``H5PCore::$defaultLibraryWhitelistExtras``
(``js css``).  An extension-less file matches nothing and is refused, as
the core's ``/\\.(…)$/i`` expression refuses it.

Content differs from the core on purpose: content files are what
*editors* upload and are served from our own origin, so nothing that a
browser runs as a document may pass there.  ``svg`` and ``xml`` (both can
carry script) and ``swf`` (Flash, long dead) are removed from content.
Library files are code the site runs anyway (every library is
JavaScript), so libraries keep ``svg`` (icons, FontAwesome's glyphs) and
``xml`` as the core allows them.  ``html``, ``js``, ``css``, ``php`` and
the like are never content.
"""

CORE_CONTENT_WHITELIST = frozenset(
    (
        "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 "
        "ogg mp3 m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml "
        "csv diff patch swf md textile vtt webvtt gltf glb"
    ).split()
)
CORE_LIBRARY_EXTRAS = frozenset({"js", "css"})

#: Extensions removed from the core's content list (script-capable or dead).
CONTENT_REMOVED = frozenset({"svg", "xml", "swf"})

CONTENT_EXTENSIONS = CORE_CONTENT_WHITELIST - CONTENT_REMOVED
LIBRARY_EXTENSIONS = (CORE_CONTENT_WHITELIST - {"swf"}) | CORE_LIBRARY_EXTRAS


def extension(path: str) -> str:
    """The lower-case extension of the last segment ("" when it has none;
    a leading dot does not start an extension)."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return ""
    return ext.lower()


def allowed_in_content(path: str) -> bool:
    return extension(path) in CONTENT_EXTENSIONS


def allowed_in_library(path: str) -> bool:
    return extension(path) in LIBRARY_EXTENSIONS


def describe(extensions: frozenset[str]) -> str:
    return " ".join(sorted(extensions))
