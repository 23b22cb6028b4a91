"""An activity's parameters, cleaned against its libraries' semantics.

A package's ``content/content.json`` holds the parameters its main library
starts with.  Every library describes those parameters in its
``semantics.json`` (https://h5p.org/semantics): text (plain, or HTML with a
list of allowed tags), number, boolean, select, group, list, library (a
nested activity), image, video, audio and file.  Before content reaches a
learner, H5P's own PHP core walks the parameters with those descriptions
(``H5PContentValidator`` in ``h5p.classes.php``): HTML keeps only the tags
its field allows, plain text is escaped, numbers are brought within bounds,
nested libraries must be ones the field offers, and whatever no field
describes is dropped.  ``sanitise_content`` does the same, with nh3 in place
of H5P's copy of Drupal's ``filter_xss``, so ``<script>`` or ``onerror=`` in
a question never runs in a learner's browser.

Where H5P is lax and the looseness could carry markup (a boolean holding a
string, paths of files, attributes no field describes), the rules here are
stricter; each such place says so.  Semantics come from the package too, so
they are distrusted as well: a library cannot allow ``<script>`` by listing
it, and odd or malformed field definitions drop the values they describe.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from html.entities import html5
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3

# Containers (groups, lists, nested libraries, files) deeper than this are
# cut off: real activities nest a dozen levels at most, and a library that
# offers itself as a sub-content could otherwise nest without end.
MAX_DEPTH = 100

SemanticsOf = Callable[[str], list | None]

# "H5P.MultiChoice 1.16": H5P's machine name rule ([\w.-], 255 at most) and
# a major.minor version.  Names are checked before ``semantics_of`` sees them.
LIBRARY_NAME = re.compile(r"[A-Za-z0-9_][\w.-]{0,254} \d{1,5}\.\d{1,5}", re.ASCII)

# H5P keeps a sub-content's id only when it is a UUID.
SUB_CONTENT_ID = re.compile(
    r"\{?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\}?"
)

# ---------------------------------------------------------------------------
# Plain text: escaped like PHP's htmlspecialchars(ENT_QUOTES, double_encode
# off), which H5P applies to every text field without tags.  Entities already
# in the text stay as they are, so cleaning twice changes nothing.

_SPECIAL = re.compile(
    r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)?|[<>\"']"
)
_ESCAPES = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """JSON may carry lone surrogates; they cannot be encoded, so they become
    U+FFFD before nh3 or storage sees them."""
    return _SURROGATE.sub("\ufffd", text)


def escape_text(text: str) -> str:
    """``<``, ``>``, quotes and stray ``&`` as entities; ``&amp;`` or
    ``&#233;`` already in the text are left alone."""

    def replace(match: re.Match) -> str:
        found = match.group(0)
        if found in _ESCAPES:
            return _ESCAPES[found]
        if found == "&":
            return "&amp;"
        if found[1] == "#" or found[1:] in html5:
            return found
        return "&amp;" + found[1:]

    return _SPECIAL.sub(replace, _valid_unicode(text))


# ---------------------------------------------------------------------------
# HTML text: a field's ``tags`` plus what H5P always adds or implies.

# Every tag a field may allow.  H5P's editor (CKEditor) offers these; a
# library listing anything else (script, iframe, form, svg, img…) is ignored.
KNOWN_TAGS = frozenset(
    "a abbr address b big blockquote br caption cite code col colgroup dd del "
    "div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i ins kbd li mark ol p "
    "pre q s samp small span strike strong sub sup table tbody td tfoot th "
    "thead tr u ul".split()
)
# validateText: "div", "span", "p" and "br" are allowed in every HTML field.
DEFAULT_TAGS = frozenset({"div", "span", "p", "br"})
TABLE_PARTS = frozenset(
    {"tr", "td", "th", "colgroup", "col", "thead", "tbody", "tfoot"}
    | {"figure", "figcaption"}
)
# H5PContentValidator::$allowed_styleable_tags.
STYLEABLE_TAGS = frozenset(
    {"span", "p", "div", "h1", "h2", "h3", "table", "col", "figure", "td", "th"}
    | {"li"}
)
# _strip_dangerous_protocols: anything else (javascript:, data:, vbscript:…)
# is refused; relative links stay.
URL_SCHEMES = frozenset({"ftp", "http", "https", "mailto"})
LINK_TARGETS = frozenset({"_blank", "_self", "_parent", "_top"})
# H5P's filter keeps any attribute but style and on*; nh3 needs a list, so
# these are the ones CKEditor writes for the tags above.  ``style`` is added
# on styleable tags and filtered declaration by declaration.
TAG_ATTRIBUTES = {
    "a": frozenset({"href", "target"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start"}),
    "table": frozenset({"border", "cellpadding", "cellspacing", "summary"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
GENERIC_ATTRIBUTES = frozenset({"title", "lang", "dir"})
LINK_REL = "noopener noreferrer"

# Style declarations, each matched whole as in validateText: alignment in
# every HTML field, fonts as the field's ``font`` allows, borders and sizes
# when the field allows tables.  No pattern lets through ``url(``, ``\`` or
# ``expression``.
_LENGTH = r"[0-9.]+(?:em|px|%)"
_COLOUR = r"(?:#[a-f0-9]{3}(?:[a-f0-9]{3})?|rgba?\([0-9, ]+\)|hsla?\([0-9,.% ]+\))"
_BORDER_STYLE = r"(?:none|solid|dotted|dashed|double|groove|ridge|inset|outset)"
ALIGN_STYLE = r"text-align: *(?:center|left|right)"
FONT_STYLES = {
    "size": rf"font-size: *{_LENGTH}",
    "family": r"font-family: *[-a-z0-9,'\" ]+",
    "color": rf"color: *{_COLOUR}",
    "background": rf"background-color: *{_COLOUR}",
    "spacing": rf"letter-spacing: *{_LENGTH}",
    "height": r"line-height: *[0-9.]+(?:em|px|%)?",
}
TABLE_STYLES = (
    rf"border: *[0-9.]+(?:em|px|%)? *{_BORDER_STYLE} *{_COLOUR}",
    rf"border-style: *{_BORDER_STYLE}",
    r"border-width: *[0-9.]+(?:em|px|%)?",
    rf"border-color: *{_COLOUR}",
    r"vertical-align: *(?:middle|top|bottom)",
    r"padding: *[0-9.]+(?:em|px|%)?",
    r"width: *[0-9.]+(?:em|px|%)?",
    r"height: *[0-9.]+(?:em|px|%)?",
    r"float: *(?:right|left|none)",
    r"border-collapse: *collapse",
    rf"background-color: *{_COLOUR}",
)


def _is_html(field: dict) -> bool:
    """H5P treats a text as HTML when its field lists ``tags``.  A field with
    the html widget but no list gets the four default tags rather than being
    escaped (H5P escapes it, which only shows the markup to learners)."""
    return isinstance(field.get("tags"), list) or field.get("widget") == "html"


def _asked_tags(field: dict) -> set[str]:
    tags = field.get("tags")
    if not isinstance(tags, list):
        return set()
    return {tag.lower() for tag in tags if isinstance(tag, str)}


def allowed_tags(field: dict) -> frozenset[str]:
    """The field's tags, the defaults and the tags they imply (validateText:
    a table brings its parts, ``b`` brings ``strong``, ``i`` brings ``em``, a
    list brings ``li``, ``del`` or ``strike`` bring ``s``)."""
    tags = set(DEFAULT_TAGS) | _asked_tags(field)
    if "table" in tags:
        tags |= TABLE_PARTS
    if "b" in tags:
        tags.add("strong")
    if "i" in tags:
        tags.add("em")
    if "ul" in tags or "ol" in tags:
        tags.add("li")
    if "del" in tags or "strike" in tags:
        tags.add("s")
    return frozenset(tags & KNOWN_TAGS)


def style_patterns(field: dict) -> list[re.Pattern]:
    patterns = [ALIGN_STYLE]
    font = field.get("font")
    if isinstance(font, dict):
        patterns += [style for key, style in FONT_STYLES.items() if font.get(key)]
    if "table" in _asked_tags(field):
        patterns += TABLE_STYLES
    return [re.compile(rf"(?:{pattern}) *", re.IGNORECASE) for pattern in patterns]


def _url_scheme(value: str) -> str | None:
    """The scheme a browser would see (it ignores spaces and control
    characters inside one), or None for a relative link."""
    compact = re.sub(r"[\x00-\x20]", "", value)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", compact)
    return match.group(1).lower() if match else None


class _MarkupScan(HTMLParser):
    """Lists what nh3 is about to remove, for the notes only: nh3 decides."""

    def __init__(self, tags: frozenset[str], attributes: dict[str, set[str]]):
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.attributes = attributes
        self.removed: list[str] = []

    def remove(self, what: str) -> None:
        if what not in self.removed:
            self.removed.append(what)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.tags:
            self.remove(f"<{tag}>")
            return
        allowed = self.attributes.get(tag, set()) | self.attributes["*"]
        for name, value in attrs:
            if tag == "a" and name == "rel":
                continue  # nh3 writes its own
            if name not in allowed:
                self.remove(f"{name}=")
            elif name == "href" and (scheme := _url_scheme(value or "")):
                if scheme not in URL_SCHEMES:
                    self.remove(f"{scheme}: link")

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.remove("comment")


# ---------------------------------------------------------------------------
# Files: images, videos, audio and other files are {"path", "mime", …}.

# _validateFilelike keeps these keys, plus extraAttributes.
FILE_KEYS = {
    "file": frozenset(),
    "image": frozenset({"width", "height", "originalImage"}),
    "video": frozenset({"width", "height", "codecs", "quality", "bitrate"}),
    "audio": frozenset(),
}
# What a field's ``mime`` may say.  Browsers label audio-only WebM or MP4
# files video/…, so an audio field accepts both.
MIME_FAMILIES = {
    "image": ("image/",),
    "video": ("video/",),
    "audio": ("audio/", "video/"),
}
MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*", re.I)
# Video and audio may come from elsewhere (a YouTube link, a hosted MP3).
EXTERNAL_SCHEMES = frozenset({"http", "https"})


def file_path_problem(path: str, kind: str) -> str | None:
    """Why ``path`` may not be used, or None.  A path is relative to the
    activity's content folder and stays inside it; H5P would rewrite paths
    pointing into another content's folder, but a package has no business
    holding such paths, so they are refused here."""
    if not path.strip():
        return "empty path"
    if re.search(r"[\x00-\x1f\x7f\\]", path):
        return "control character or backslash in path"
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", path)
    if scheme:
        name = scheme.group(1).lower()
        if kind in ("video", "audio") and name in EXTERNAL_SCHEMES:
            return None if urlsplit(path).netloc else "link without a host"
        return f"{name}: path"
    if path.startswith("/"):
        return "absolute path"
    # Browsers read %2e%2e as .. too.
    if ".." in unquote(path).replace("\\", "/").split("/"):
        return "path leaving the content folder"
    return None


def _int_value(value) -> int:
    """PHP's intval, as H5P applies it to widths, heights and bitrates."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else 0
    if isinstance(value, str):
        match = re.match(r"\s*[+-]?\d+", value)
        return int(match.group(0)) if match else 0
    return 0


def _as_number(value) -> int | float | None:
    """A number from a value; numeric strings count (PHP's is_numeric), but
    not booleans, NaN or infinities."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", text):
            number = float(text)
            return number if math.isfinite(number) else None
    return None


# ---------------------------------------------------------------------------
# Built-in semantics H5P applies to every sub-content's metadata and every
# file's copyright (getMetadataSemantics, getCopyrightSemantics), trimmed to
# what validation reads.


def _text(name: str, **extra) -> dict:
    return {"name": name, "type": "text", **extra}


def _choice(name: str, values: list[str], **extra) -> dict:
    options = [{"value": value} for value in values]
    return {"name": name, "type": "select", "options": options, **extra}


LICENSE_VERSIONS = ["4.0", "3.0", "2.5", "2.0", "1.0"]
METADATA_FIELDS = [
    _text("title"),
    _text("a11yTitle"),
    _choice(
        "license",
        ["U", "CC BY", "CC BY-SA", "CC BY-ND", "CC BY-NC", "CC BY-NC-SA"]
        + ["CC BY-NC-ND", "CC0 1.0", "CC PDM", "GNU GPL", "PD", "ODC PDDL", "C"],
        default="U",
    ),
    _choice("licenseVersion", LICENSE_VERSIONS, optional=True),
    {"name": "yearFrom", "type": "number", "min": -9999, "max": 9999},
    {"name": "yearTo", "type": "number", "min": -9999, "max": 9999},
    _text("source"),
    {
        "name": "authors",
        "type": "list",
        "field": {
            "name": "author",
            "type": "group",
            "fields": [
                _text("name"),
                _choice(
                    "role",
                    ["Author", "Editor", "Licensee", "Originator"],
                    default="Author",
                ),
            ],
        },
    },
    _text("licenseExtras"),
    {
        "name": "changes",
        "type": "list",
        "field": {
            "name": "change",
            "type": "group",
            "fields": [_text("date"), _text("author"), _text("log")],
        },
    },
    _text("authorComments"),
    _text("contentType"),
    _text("defaultLanguage"),
]
COPYRIGHT_FIELDS = [
    _text("title"),
    _text("author"),
    _text("year"),
    # A compiled pattern cannot come from JSON: only built-in fields are
    # checked against one (see ``text_value``).
    _text("source", optional=True, _regexp=re.compile(r"^https?://.+", re.I)),
    _choice(
        "license",
        ["U", "CC BY", "CC BY-SA", "CC BY-ND", "CC BY-NC", "CC BY-NC-SA"]
        + ["CC BY-NC-ND", "GNU GPL", "PD", "C"],
        default="U",
    ),
    {"name": "version", "type": "select", "options": []},
]


def _key_path(path: str, key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][\w-]{0,39}", key, re.ASCII):
        return f"{path}.{key}"
    return f"{path}[{key[:40]!r}]"


def _option_key(value) -> str | None:
    """Options compare as PHP array keys do: 1 and "1" are the same."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _select_options(field: dict) -> dict[str, object]:
    """Every option's value by key, optgroups flattened (validateSelect)."""
    found: dict[str, object] = {}
    options = field.get("options")
    for option in options if isinstance(options, list) else []:
        if not isinstance(option, dict):
            continue
        group = option.get("options") if option.get("type") == "optgroup" else None
        for item in group if isinstance(group, list) else [option]:
            if (
                isinstance(item, dict)
                and (key := _option_key(item.get("value"))) is not None
            ):
                found.setdefault(key, item["value"])
    return found


def _library_options(field: dict) -> list[str]:
    """A library field's ``options``: "Name 1.2" strings, or objects with a
    ``name`` (validateLibrary accepts both)."""
    options = field.get("options")
    names = []
    for option in options if isinstance(options, list) else []:
        if isinstance(option, dict):
            option = option.get("name")
        if isinstance(option, str):
            names.append(option)
    return names


class _Sanitiser:
    """One walk over one activity: the notes, and each library's semantics
    asked for once."""

    def __init__(self, semantics_of: SemanticsOf):
        self.semantics_of = semantics_of
        self.semantics: dict[str, list | None] = {}
        self.notes: list[str] = []

    def note(self, path: str, message: str) -> None:
        self.notes.append(f"{path}: {message}")

    def semantics_for(self, library: str) -> list | None:
        if library not in self.semantics:
            known = None
            if LIBRARY_NAME.fullmatch(library) and ".." not in library:
                known = self.semantics_of(library)
            self.semantics[library] = known if isinstance(known, list) else None
        return self.semantics[library]

    # -- dispatch ----------------------------------------------------------

    def clean(self, value, field, path: str, depth: int, optional: bool = False):
        """The cleaned value for ``field``, or None to drop it (H5P unsets a
        field whose validator leaves NULL)."""
        if depth > MAX_DEPTH:
            self.note(path, f"nested deeper than {MAX_DEPTH} levels, removed")
            return None
        kind = field.get("type") if isinstance(field, dict) else None
        handler = self.HANDLERS.get(kind) if isinstance(kind, str) else None
        if handler is None:
            self.note(path, f"semantics give no known type ({kind!r}), removed")
            return None
        return handler(self, value, field, path, depth, optional)

    # -- text, numbers, choices -------------------------------------------

    def text_value(self, value, field, path, depth, optional):
        if not isinstance(value, str):
            self.note(path, "not text, emptied")
            value = ""
        value = _valid_unicode(value)
        html = _is_html(field)
        if html:
            cleaned = self.html(value, field, path)
        else:
            cleaned = escape_text(value)
            if "<" in value or ">" in value:
                self.note(path, "markup escaped as plain text")
        limit = field.get("maxLength")
        if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0:
            if len(cleaned) > limit:
                self.note(path, f"cut to {limit} characters")
                cleaned = cleaned[:limit]
                if html:
                    cleaned = self.html(cleaned, field, path, quiet=True)
                else:
                    cleaned = re.sub(r"&[#A-Za-z0-9]*$", "", cleaned)
        # Library semantics may carry a ``regexp``; H5P empties text that
        # misses it.  Patterns from a package could be made to backtrack for
        # minutes and checking them protects nothing, so only built-in ones
        # (compiled here, never from JSON) are applied.
        pattern = field.get("_regexp")
        if isinstance(pattern, re.Pattern) and cleaned and not pattern.search(cleaned):
            self.note(path, "does not match its pattern, emptied")
            cleaned = ""
        return cleaned

    def html(self, text: str, field: dict, path: str, quiet: bool = False) -> str:
        tags = allowed_tags(field)
        patterns = style_patterns(field)
        attributes = {
            tag: set(TAG_ATTRIBUTES.get(tag, ()))
            | ({"style"} if tag in STYLEABLE_TAGS else set())
            for tag in tags
        }
        attributes["*"] = set(GENERIC_ATTRIBUTES)
        scan = _MarkupScan(tags, attributes)
        if not quiet:
            try:
                scan.feed(text)
                scan.close()
            except AssertionError:  # html.parser gives up on some <![…]>
                scan.remove("markup html.parser cannot read")

        def keep(tag: str, name: str, value: str) -> str | None:
            if tag not in tags:
                return value  # nh3 removes the tag anyway
            if name == "style" and tag in STYLEABLE_TAGS:
                declarations = [part.strip() for part in value.split(";")]
                declarations = [part for part in declarations if part]
                kept = [
                    part
                    for part in declarations
                    if any(pattern.fullmatch(part) for pattern in patterns)
                ]
                dropped = [part for part in declarations if part not in kept]
                if dropped:
                    scan.remove(f"style {'; '.join(dropped)!r}")
                return "; ".join(kept) + ";" if kept else None
            if name == "target" and tag == "a":
                if value.strip().lower() in LINK_TARGETS:
                    return value.strip().lower()
                scan.remove("target=")
                return None
            return value

        cleaned = nh3.clean(
            text,
            tags=set(tags),
            attributes=attributes,
            attribute_filter=keep,
            url_schemes=set(URL_SCHEMES),
            link_rel=LINK_REL,
            strip_comments=True,
        )
        if scan.removed and not quiet:
            self.note(path, "removed " + ", ".join(scan.removed))
        return cleaned

    def number(self, value, field, path, depth, optional):
        """validateNumber: anything but a number becomes 0, then the number
        is moved within min and max, onto a step and rounded to
        ``decimals``."""
        number = _as_number(value)
        if number is None:
            self.note(path, "not a number, set to 0")
            number = 0
        low, high = _as_number(field.get("min")), _as_number(field.get("max"))
        if low is not None and number < low:
            self.note(path, f"{number} raised to the minimum {low}")
            number = low
        if high is not None and number > high:
            self.note(path, f"{number} lowered to the maximum {high}")
            number = high
        step = _as_number(field.get("step"))
        if step is not None and step > 0:
            rest = math.fmod(number - (low or 0), step)
            if abs(rest) > 1e-9:
                number -= rest
        decimals = field.get("decimals")
        if isinstance(decimals, int) and not isinstance(decimals, bool):
            number = round(number, max(decimals, 0))
        if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
            number = int(number)
        return number

    def boolean(self, value, field, path, depth, optional):
        """H5P's validateBoolean only reports, and leaves anything in place;
        here a value that is not true or false becomes the field's default,
        or goes."""
        if isinstance(value, bool):
            return value
        default = field.get("default")
        if isinstance(default, bool):
            self.note(path, f"not true or false, set to {default!r}")
            return default
        self.note(path, "not true or false, removed")
        return None

    def select(self, value, field, path, depth, optional):
        """validateSelect: values must be among the options when there are
        options; strings are escaped.  An invalid value in a required select
        becomes the default (H5P: the first option); in an optional one it
        goes (H5P keeps it, escaped)."""
        options = _select_options(field)
        optional = optional or bool(field.get("optional"))

        def checked(item):
            key = _option_key(item)
            if key is None:
                return None
            return options.get(key) if options else item

        def escaped(item):
            return escape_text(item) if isinstance(item, str) else item

        if field.get("multiple"):
            items = value if isinstance(value, list) else [value]
            kept = [checked(item) for item in items]
            if None in kept:
                self.note(path, "values that are not options removed")
            return [escaped(item) for item in kept if item is not None]
        if isinstance(value, list):
            value = value[0] if value else None
        chosen = checked(value)
        if chosen is not None:
            return escaped(chosen)
        if optional or not options:
            self.note(path, f"{_short(value)} is not an option, removed")
            return None
        default = options.get(_option_key(field.get("default")) or "")
        fallback = default if default is not None else next(iter(options.values()))
        self.note(path, f"{_short(value)} is not an option, set to {fallback!r}")
        return escaped(fallback)

    # -- containers --------------------------------------------------------

    def group(self, value, field, path, depth, optional, flatten=True):
        """validateGroup: each property is cleaned with the field of the same
        name; properties no field describes are dropped.  The editor stores a
        group of one field as that field's value alone, so such a group is
        read that way (unless it is sub-content)."""
        fields = field.get("fields")
        fields = (
            [item for item in fields if isinstance(item, dict)]
            if isinstance(fields, list)
            else []
        )
        optional = optional or bool(field.get("optional"))
        sub_content = field.get("isSubContent") is True
        if flatten and len(fields) == 1 and not sub_content:
            return self.clean(value, fields[0], path, depth + 1, optional)
        if not isinstance(value, dict):
            self.note(path, "not a group of values, removed")
            return None
        by_name: dict[str, dict] = {}
        for item in fields:
            if isinstance(item.get("name"), str):
                by_name.setdefault(item["name"], item)
        cleaned = {}
        for key, item in value.items():
            where = _key_path(path, key)
            if key == "subContentId" and sub_content:
                if isinstance(item, str) and SUB_CONTENT_ID.fullmatch(item):
                    cleaned[key] = item
                else:
                    self.note(where, "not a UUID, removed")
                continue
            if key not in by_name:
                self.note(where, "no such field in the semantics, removed")
                continue
            item = self.clean(item, by_name[key], where, depth + 1, optional)
            if item is not None:
                cleaned[key] = item
        return cleaned

    def items(self, value, field, path, depth, optional):
        """validateList: at most ``max`` items, each cleaned with the list's
        field; an empty list is dropped."""
        item_field = field.get("field")
        if not isinstance(value, list):
            self.note(path, "not a list, removed")
            return None
        if not isinstance(item_field, dict):
            self.note(path, "list without a field in the semantics, removed")
            return None
        limit = field.get("max")
        limit = _as_number(limit) if not isinstance(limit, bool) else None
        if limit is not None and len(value) > max(int(limit), 0):
            self.note(path, f"cut to {max(int(limit), 0)} items")
            value = value[: max(int(limit), 0)]
        cleaned = []
        for index, item in enumerate(value):
            item = self.clean(item, item_field, f"{path}[{index}]", depth + 1)
            if item is not None:
                cleaned.append(item)
        return cleaned or None

    def library(self, value, field, path, depth, optional):
        """validateLibrary: the nested library must be one of the field's
        options; its params are cleaned with its own semantics, its metadata
        with H5P's metadata fields, and only ``library``, ``params``,
        ``subContentId``, ``metadata`` (and the field's extraAttributes)
        stay."""
        if not isinstance(value, dict) or not isinstance(value.get("library"), str):
            self.note(path, "no library named, removed")
            return None
        name = value["library"]
        if name not in _library_options(field):
            self.note(path, f"library {name[:80]!r} is not offered here, removed")
            return None
        cleaned: dict = {"library": name}
        if "params" in value:
            cleaned["params"] = self.library_params(
                value["params"], name, f"{path}.params", depth + 1
            )
        if "subContentId" in value:
            sub_content_id = value["subContentId"]
            if isinstance(sub_content_id, str) and SUB_CONTENT_ID.fullmatch(
                sub_content_id
            ):
                cleaned["subContentId"] = sub_content_id
            else:
                self.note(f"{path}.subContentId", "not a UUID, removed")
        if "metadata" in value:
            metadata = value["metadata"]
            if isinstance(metadata, dict):
                metadata = {"license": "U", **metadata}  # as validateMetadata
            metadata = self.group(
                metadata,
                {"type": "group", "fields": METADATA_FIELDS},
                f"{path}.metadata",
                depth + 1,
                False,
                flatten=False,
            )
            if metadata is not None:
                cleaned["metadata"] = metadata
        self.extra_attributes(value, field, cleaned, path, depth)
        return cleaned

    def library_params(self, params, library: str, path: str, depth: int) -> dict:
        semantics = self.semantics_for(library)
        if semantics is None:
            self.note(path, f"semantics of {library[:80]!r} unknown, all text escaped")
            cleaned = self.escape_all(params, path, depth)
            return cleaned if isinstance(cleaned, dict) else {}
        if not isinstance(params, dict):
            self.note(path, "params are not a group of values, emptied")
            return {}
        group = {"type": "group", "fields": semantics}
        return self.group(params, group, path, depth, False, flatten=False)

    # -- files -------------------------------------------------------------

    def file(self, value, field, path, depth, optional):
        return self.file_like(value, field, path, depth, field["type"])

    def variants(self, value, field, path, depth, optional):
        """validateVideo, validateAudio: a list of sources, each a file."""
        if not isinstance(value, list):
            self.note(path, "not a list of sources, removed")
            return None
        cleaned = []
        for index, variant in enumerate(value):
            variant = self.file_like(
                variant, field, f"{path}[{index}]", depth + 1, field["type"]
            )
            if variant is not None:
                cleaned.append(variant)
        return cleaned

    def file_like(self, value, field, path, depth, kind):
        """_validateFilelike: a path inside the content folder (or an
        http(s) link for video and audio), a mime type of the right family,
        the keys H5P knows for the kind, copyright as H5P's copyright
        fields."""
        if depth > MAX_DEPTH:
            self.note(path, f"nested deeper than {MAX_DEPTH} levels, removed")
            return None
        if not isinstance(value, dict) or not isinstance(value.get("path"), str):
            self.note(path, "file without a path, removed")
            return None
        file_path = value["path"].removesuffix("#tmp")
        if problem := file_path_problem(file_path, kind):
            self.note(path, f"{problem}, file removed")
            return None
        cleaned: dict = {"path": escape_text(file_path)}
        if "mime" in value:
            mime = value["mime"]
            families = MIME_FAMILIES.get(kind, ("",))
            if not (
                isinstance(mime, str)
                and MIME.fullmatch(mime)
                and mime.lower().startswith(families)
            ):
                self.note(path, f"mime type {_short(mime)} not allowed, file removed")
                return None
            cleaned["mime"] = mime
        keys = FILE_KEYS.get(kind, frozenset())
        for key in ("width", "height", "bitrate"):
            if key in keys and key in value:
                cleaned[key] = _int_value(value[key])
        if "codecs" in keys and isinstance(value.get("codecs"), str):
            cleaned["codecs"] = escape_text(value["codecs"])
        quality = value.get("quality") if "quality" in keys else None
        if isinstance(quality, dict) and {"level", "label"} <= quality.keys():
            label = quality["label"]
            cleaned["quality"] = {
                "level": _int_value(quality["level"]),
                "label": escape_text(label if isinstance(label, str) else ""),
            }
        if "originalImage" in keys and "originalImage" in value:
            # H5P keeps it as it is; it is a file too, so checked as one.
            original = self.file_like(
                value["originalImage"], field, f"{path}.originalImage", depth + 1, kind
            )
            if original is not None:
                cleaned["originalImage"] = original
        if "copyright" in value:
            copyright_ = self.group(
                value["copyright"],
                {"type": "group", "fields": COPYRIGHT_FIELDS},
                f"{path}.copyright",
                depth + 1,
                False,
                flatten=False,
            )
            if copyright_ is not None:
                cleaned["copyright"] = copyright_
        self.extra_attributes(value, field, cleaned, path, depth)
        known = {"path", "mime", "copyright", *keys, *cleaned}
        for key in value.keys() - known:
            self.note(_key_path(path, key), "not a file property, removed")
        return cleaned

    def extra_attributes(self, value, field, cleaned, path, depth) -> None:
        """A field's ``extraAttributes`` name more keys to keep.  H5P keeps
        them unchecked; here their strings are escaped.  Other keys go."""
        extra = field.get("extraAttributes")
        names = (
            {n for n in extra if isinstance(n, str)}
            if isinstance(extra, list)
            else set()
        )
        for key in names - cleaned.keys():
            if key in value and key not in ("path", "mime", "library", "params"):
                cleaned[key] = self.escape_all(
                    value[key], _key_path(path, key), depth + 1
                )
        if field.get("type") == "library":
            for key in value.keys() - cleaned.keys():
                if key not in ("params", "subContentId", "metadata"):
                    self.note(_key_path(path, key), "not a library property, removed")

    # -- no semantics ------------------------------------------------------

    def escape_all(self, value, path: str, depth: int):
        """Without semantics nothing says what is HTML: every string, keys
        included, is escaped as plain text; numbers, booleans and null
        stay."""
        if depth > MAX_DEPTH:
            self.note(path, f"nested deeper than {MAX_DEPTH} levels, removed")
            return None
        if isinstance(value, str):
            return escape_text(value)
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, list):
            return [
                self.escape_all(item, f"{path}[{index}]", depth + 1)
                for index, item in enumerate(value)
            ]
        if isinstance(value, dict):
            return {
                escape_text(str(key)): self.escape_all(
                    item, _key_path(path, str(key)), depth + 1
                )
                for key, item in value.items()
            }
        return None

    HANDLERS = {
        "text": text_value,
        "number": number,
        "boolean": boolean,
        "select": select,
        "group": group,
        "list": items,
        "library": library,
        "file": file,
        "image": file,
        "video": variants,
        "audio": variants,
    }


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def sanitise_content(
    params: dict, library: str, semantics_of: SemanticsOf
) -> tuple[dict, list[str]]:
    """Clean an activity's ``content.json`` parameters for ``library``.

    ``library`` is the main library as "Machine.Name major.minor";
    ``semantics_of(name)`` returns a library's parsed ``semantics.json`` (a
    list of fields) or None when it is unknown.  Returns new parameters (the
    given ones are left untouched) and notes for the logs, one line per
    change: ``"params.question: removed <script>, onerror="``.

    Parameters of a library without known semantics keep their shape, with
    every string escaped as plain text.
    """
    walk = _Sanitiser(semantics_of)
    if not isinstance(params, dict):
        walk.note("params", "not a group of values, emptied")
        return {}, walk.notes
    return walk.library_params(params, library, "params", 0), walk.notes
