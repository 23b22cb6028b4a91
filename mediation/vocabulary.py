"""The controlled vocabularies a mediation resource is described with.

Museums exchange descriptions through Europeana (EDM) and the web reads
accessibility metadata through schema.org, so the codes stored here are
theirs, unchanged: a rights statement is its canonical ``http://`` URI, an
accessibility feature is its schema.org term (``signLanguage``).  Only the
labels people read are ours, translated.  Keeping every list in one module
lets the admin, the catalogue's facets, the JSON-LD description and the
IIIF manifest agree on one spelling.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# -- Rights: the Europeana set, in canonical form --------------------------

RIGHTS = {
    "http://creativecommons.org/publicdomain/zero/1.0/": _(
        "CC0 1.0 (no rights reserved)"
    ),
    "http://creativecommons.org/publicdomain/mark/1.0/": _("Public Domain Mark 1.0"),
    "http://creativecommons.org/licenses/by/4.0/": _("CC BY 4.0"),
    "http://creativecommons.org/licenses/by-sa/4.0/": _("CC BY-SA 4.0"),
    "http://creativecommons.org/licenses/by-nd/4.0/": _("CC BY-ND 4.0"),
    "http://creativecommons.org/licenses/by-nc/4.0/": _("CC BY-NC 4.0"),
    "http://creativecommons.org/licenses/by-nc-sa/4.0/": _("CC BY-NC-SA 4.0"),
    "http://creativecommons.org/licenses/by-nc-nd/4.0/": _("CC BY-NC-ND 4.0"),
    "http://rightsstatements.org/vocab/InC/1.0/": _("In copyright"),
    "http://rightsstatements.org/vocab/InC-EDU/1.0/": _(
        "In copyright – educational use permitted"
    ),
    "http://rightsstatements.org/vocab/InC-OW-EU/1.0/": _(
        "In copyright – EU orphan work"
    ),
    "http://rightsstatements.org/vocab/NoC-NC/1.0/": _(
        "No copyright – non-commercial use only"
    ),
    "http://rightsstatements.org/vocab/NoC-OKLR/1.0/": _(
        "No copyright – other known legal restrictions"
    ),
    "http://rightsstatements.org/vocab/CNE/1.0/": _("Copyright not evaluated"),
}
RIGHTS_CHOICES = list(RIGHTS.items())


def canonical_rights(value: str) -> str | None:
    """The canonical URI for ``value``, or None when it is not one of the set.

    Publishers paste the ``https://`` form, drop the trailing slash or copy
    a CC deed link (``…/by/4.0/deed.fr``); all of them name the same
    statement, which is stored once, the way Europeana and IIIF expect it.
    """
    text = (value or "").strip()
    if not text:
        return None
    if text.startswith("https://"):
        text = "http://" + text.removeprefix("https://")
    for suffix in ("deed", "legalcode"):
        head, _sep, tail = text.rpartition("/")
        if tail.split(".", 1)[0] == suffix:
            text = head
    if not text.endswith("/"):
        text += "/"
    return text if text in RIGHTS else None


def rights_label(uri: str) -> str:
    return str(RIGHTS.get(uri, uri))


# -- What a resource is --------------------------------------------------

RESOURCE_TYPES = [
    ("augmented_reality", _("Augmented reality")),
    ("object_3d", _("3D object")),
    ("tour_360", _("360° tour")),
    ("audio_guide", _("Audio guide")),
    ("video", _("Video")),
    ("image_set", _("Image set")),
    ("interactive_device", _("Interactive device")),
    ("h5p_activity", _("H5P activity")),
    ("mediator_guide", _("Mediator guide")),
]

#: schema.org / EDM types for each resource type (JSON-LD and IIIF).
RESOURCE_SCHEMA_TYPES = {
    "augmented_reality": "3DModel",
    "object_3d": "3DModel",
    "tour_360": "ImageObject",
    "audio_guide": "AudioObject",
    "video": "VideoObject",
    "image_set": "ImageGallery",
    "interactive_device": "LearningResource",
    "h5p_activity": "LearningResource",
    "mediator_guide": "Guide",
}
EDM_TYPES = {
    "augmented_reality": "3D",
    "object_3d": "3D",
    "tour_360": "IMAGE",
    "audio_guide": "SOUND",
    "video": "VIDEO",
    "image_set": "IMAGE",
    "interactive_device": "TEXT",
    "h5p_activity": "TEXT",
    "mediator_guide": "TEXT",
}

CONTRIBUTOR_ROLES = [
    ("creator", _("Creator")),
    ("author", _("Author")),
    ("mediator", _("Cultural mediator")),
    ("photographer", _("Photographer")),
    ("illustrator", _("Illustrator")),
    ("developer", _("Developer")),
    ("narrator", _("Narrator")),
    ("translator", _("Translator")),
    ("sign_interpreter", _("Sign-language interpreter")),
    ("easy_to_read_writer", _("Easy-to-read writer")),
]

# -- Who it is for ---------------------------------------------------------

AUDIENCES = [
    ("disability", _("People with disabilities")),
    ("youth", _("Youth from deprived neighbourhoods")),
    ("rural", _("Rural audiences")),
    ("families", _("Families")),
    ("mediators", _("Mediators and trainers")),
]
DISABILITIES = [
    ("visual", _("Blind or partially sighted")),
    ("hearing", _("Deaf or hard of hearing")),
    ("motor", _("Reduced mobility")),
    ("intellectual", _("Intellectual disability")),
    ("cognitive", _("Cognitive or learning difficulties")),
    ("psychic", _("Mental health conditions")),
    ("autism", _("Autism spectrum")),
]
USE_CONTEXTS = [
    ("on_site", _("On site")),
    ("remote", _("Remote")),
    ("both", _("On site and remote")),
]

# -- schema.org accessibility vocabulary -----------------------------------

ACCESS_MODES = [
    ("auditory", pgettext_lazy("access mode", "Auditory")),
    ("tactile", pgettext_lazy("access mode", "Tactile")),
    ("textual", pgettext_lazy("access mode", "Textual")),
    ("visual", pgettext_lazy("access mode", "Visual")),
]
#: accessModeSufficient is a list of sets of modes; these are the sets
#: mediation resources offer.  Stored as schema.org writes them.
ACCESS_MODES_SUFFICIENT = [
    ("textual", _("Text alone")),
    ("visual", _("Sight alone")),
    ("auditory", _("Hearing alone")),
    ("tactile", _("Touch alone")),
    ("auditory,visual", _("Sight and hearing")),
    ("textual,visual", _("Text and sight")),
    ("auditory,textual", _("Text and hearing")),
]
ACCESSIBILITY_FEATURES = [
    ("alternativeText", _("Text alternatives for images")),
    ("audioDescription", _("Audio description")),
    ("closedCaptions", _("Closed captions")),
    ("openCaptions", _("Open (burned-in) captions")),
    ("signLanguage", _("Sign language")),
    ("transcript", _("Transcript")),
    ("longDescription", _("Long description")),
    ("highContrastDisplay", _("High contrast")),
    ("largePrint", _("Large print")),
    ("tactileGraphic", _("Tactile graphics")),
    ("tactileObject", _("Tactile objects")),
    ("synchronizedAudioText", _("Text synchronised with audio")),
    ("structuralNavigation", _("Structural navigation")),
]
ACCESSIBILITY_HAZARDS = [
    ("flashing", _("Flashing")),
    ("noFlashingHazard", _("No flashing")),
    ("motionSimulation", _("Motion simulation")),
    ("noMotionSimulationHazard", _("No motion simulation")),
    ("sound", _("Sudden or loud sound")),
    ("noSoundHazard", _("No sound hazard")),
]
#: Hazards that must be announced, and confirmed, before a viewer starts.
WARNED_HAZARDS = ("flashing", "motionSimulation")
HAZARD_OPPOSITES = {
    "flashing": "noFlashingHazard",
    "motionSimulation": "noMotionSimulationHazard",
    "sound": "noSoundHazard",
}
ACCESSIBILITY_CONTROLS = [
    ("fullKeyboardControl", _("Keyboard")),
    ("fullMouseControl", _("Mouse")),
    ("fullTouchControl", _("Touch")),
    ("fullVoiceControl", _("Voice")),
    ("fullSwitchControl", _("Switch access")),
]

# -- Media items -------------------------------------------------------------

MEDIA_KINDS = [
    ("image", _("Image")),
    ("panorama", _("360° panorama (equirectangular image)")),
    ("model", _("3D model (glTF / GLB)")),
    ("model_ios", _("3D model for iOS AR (USDZ)")),
    ("video", _("Video")),
    ("audio", _("Audio")),
    ("document", _("Document (PDF)")),
    ("h5p", _("H5P activity")),
]
#: The types each kind of file may have, checked against its first bytes.
MEDIA_KIND_TYPES = {
    "image": ("image/jpeg", "image/png", "image/webp"),
    "panorama": ("image/jpeg", "image/png", "image/webp"),
    "model": ("model/gltf-binary", "model/gltf+json"),
    "model_ios": ("model/vnd.usdz+zip",),
    "video": ("video/mp4", "video/webm", "video/ogg"),
    "audio": ("audio/mpeg", "audio/mp4", "audio/ogg", "audio/webm", "audio/wav"),
    "document": ("application/pdf",),
}
#: File extensions of each type, for files whose name is all we know.
EXTENSION_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "glb": "model/gltf-binary",
    "gltf": "model/gltf+json",
    "usdz": "model/vnd.usdz+zip",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "ogv": "video/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "oga": "audio/ogg",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "pdf": "application/pdf",
}
#: Kinds a text alternative is required for (WCAG 1.1.1).
NEEDS_TEXT_ALTERNATIVE = ("image", "panorama", "model", "model_ios")

TRACK_KINDS = [
    ("captions", _("Captions")),
    ("subtitles", _("Subtitles")),
    ("descriptions", _("Audio description (text)")),
    ("chapters", _("Chapters")),
]


def label_of(choices, code: str) -> str:
    return str(dict(choices).get(code, code))
