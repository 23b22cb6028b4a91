"""content.json cleaned against the libraries' semantics.json, as H5P does.

A small quiz library of our own covers every field type; H5P.TrueFalse 1.6,
as shipped by h5p-standalone (the npm dev dependency
``h5p-fixture-truefalse``), checks that real content comes through intact.
"""

import copy
import json
from pathlib import Path

import pytest

from media.h5p.semantics import MAX_DEPTH, escape_text, sanitise_content

QUIZ = "Test.Quiz 1.0"
NOTE = "Test.Note 1.0"
NESTED = "Test.Nested 1.0"
UUID = "8c1b7a3e-9f3d-4c5e-a1b2-0123456789ab"

SEMANTICS = {
    QUIZ: [
        {
            "name": "question",
            "type": "text",
            "widget": "html",
            "tags": ["p", "strong", "em", "a"],
        },
        {"name": "feedback", "type": "text"},
        {"name": "points", "type": "number", "min": 0, "max": 10},
        {"name": "shuffle", "type": "boolean", "default": False},
        {
            "name": "level",
            "type": "select",
            "default": "easy",
            "options": [{"value": "easy"}, {"value": "hard"}],
        },
        {
            "name": "theme",
            "type": "select",
            "optional": True,
            "options": [{"value": "light"}, {"value": "dark"}],
        },
        {
            "name": "answers",
            "type": "list",
            "max": 3,
            "field": {
                "name": "answer",
                "type": "group",
                "fields": [
                    {"name": "text", "type": "text", "maxLength": 20},
                    {"name": "correct", "type": "boolean"},
                ],
            },
        },
        {
            # A group of one field: the editor stores each tip as a string.
            "name": "tips",
            "type": "list",
            "field": {
                "name": "tip",
                "type": "group",
                "fields": [{"name": "tip", "type": "text"}],
            },
        },
        {"name": "picture", "type": "image"},
        {"name": "clip", "type": "video"},
        {"name": "media", "type": "library", "options": [NOTE, "Test.Unknown 1.0"]},
    ],
    NOTE: [{"name": "text", "type": "text", "widget": "html", "tags": ["em"]}],
    NESTED: [
        {"name": "label", "type": "text"},
        {"name": "child", "type": "library", "options": [NESTED]},
    ],
}

TRUEFALSE_WORKSPACE = (
    Path(__file__).resolve().parents[2]
    / "node_modules"
    / "h5p-fixture-truefalse"
    / "test"
    / "full_workspace"
)


def sanitise(params, library=QUIZ, semantics=SEMANTICS):
    return sanitise_content(params, library, semantics.get)


def notes_about(notes, path):
    return [note for note in notes if note.startswith(f"{path}:")]


# -- HTML text ---------------------------------------------------------------


def test_a_script_goes_with_its_content():
    params, notes = sanitise({"question": "<p>Quiz<script>alert(1)</script></p>"})
    assert params["question"] == "<p>Quiz</p>"
    assert notes == ["params.question: removed <script>"]


def test_event_handlers_are_removed_and_the_tags_stay():
    params, notes = sanitise(
        {"question": '<p onclick="steal()"><strong onerror="x()">Hi</strong></p>'}
    )
    assert params["question"] == "<p><strong>Hi</strong></p>"
    assert notes == ["params.question: removed onclick=, onerror="]


def test_an_image_with_onerror_is_not_allowed_at_all():
    params, _ = sanitise({"question": "<p>A<img src=x onerror=alert(1)>B</p>"})
    assert params["question"] == "<p>AB</p>"


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)"]
    + [" javascript:alert(1)", "data:text/html,<script>alert(1)</script>"],
)
def test_links_to_scripts_lose_their_target(href):
    params, notes = sanitise({"question": f'<p><a href="{href}">click</a></p>'})
    assert params["question"] == '<p><a rel="noopener noreferrer">click</a></p>'
    assert "link" in notes[0]


def test_safe_links_stay_with_a_safe_target():
    question = (
        '<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank">web</a> '
        '<a href="mailto:a@example.org" target="evil">mail</a> '
        '<a href="page.html">relative</a></p>'
    )
    params, notes = sanitise({"question": question})
    assert params["question"] == (
        '<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank" '
        'rel="noopener noreferrer">web</a> '
        '<a href="mailto:a@example.org" rel="noopener noreferrer">mail</a> '
        '<a href="page.html" rel="noopener noreferrer">relative</a></p>'
    )
    assert notes == ["params.question: removed target="]


def test_a_tag_the_field_does_not_allow_goes_and_its_text_stays():
    params, notes = sanitise({"question": "<h1>Title</h1><p><u>under</u>lined</p>"})
    assert params["question"] == "Title<p>underlined</p>"
    assert notes == ["params.question: removed <h1>, <u>"]


def test_h5p_default_and_implied_tags_are_allowed():
    semantics = {"Test.Rich 1.0": [{"name": "t", "type": "text", "tags": ["b", "ol"]}]}
    html = "<div><span>a</span><br><b>b</b><strong>s</strong><ol><li>i</li></ol></div>"
    params, notes = sanitise({"t": html}, "Test.Rich 1.0", semantics)
    assert params["t"] == html
    assert notes == []


def test_styles_are_limited_to_what_the_field_allows():
    question = (
        '<p style="text-align: center; color: #ff0000">a</p>'
        '<p style="background: url(javascript:alert(1))">b</p>'
    )
    params, notes = sanitise({"question": question})
    assert params["question"] == '<p style="text-align: center;">a</p><p>b</p>'
    assert notes == [
        "params.question: removed style 'color: #ff0000', "
        "style 'background: url(javascript:alert(1))'"
    ]

    coloured = {
        "Test.Font 1.0": [
            {"name": "t", "type": "text", "tags": ["p"], "font": {"color": True}}
        ]
    }
    params, _ = sanitise({"t": question}, "Test.Font 1.0", coloured)
    assert params["t"] == (
        '<p style="text-align: center; color: #ff0000;">a</p><p>b</p>'
    )


def test_a_library_cannot_allow_script_by_listing_it():
    hostile = {
        "Evil.Lib 1.0": [
            {"name": "t", "type": "text", "tags": ["script", "iframe", "em"]}
        ]
    }
    params, _ = sanitise(
        {"t": "<script>x()</script><iframe src=//evil></iframe><em>ok</em>"},
        "Evil.Lib 1.0",
        hostile,
    )
    assert params["t"] == "<em>ok</em>"


# -- plain text ----------------------------------------------------------------


def test_markup_html_parser_cannot_read_is_still_cleaned_by_nh3():
    params, notes = sanitise({"question": "<![rop[<script>alert(1)</script>]]>"})
    assert "<script" not in params["question"]
    assert notes == ["params.question: removed markup html.parser cannot read"]


def test_plain_text_is_escaped_like_htmlspecialchars():
    params, notes = sanitise({"feedback": '<b>Bravo</b> & "well" done, it\'s <i>'})
    assert params["feedback"] == (
        "&lt;b&gt;Bravo&lt;/b&gt; &amp; &quot;well&quot; done, it&#039;s &lt;i&gt;"
    )
    assert notes == ["params.feedback: markup escaped as plain text"]


def test_entities_already_in_plain_text_are_not_escaped_twice():
    text = "Tom &amp; Jerry &eacute;t&#233; &#x41; &bogus; &"
    assert (
        escape_text(text) == "Tom &amp; Jerry &eacute;t&#233; &#x41; &amp;bogus; &amp;"
    )


def test_a_non_text_value_in_a_text_field_is_emptied():
    params, notes = sanitise({"feedback": {"html": "<script>"}})
    assert params["feedback"] == ""
    assert notes == ["params.feedback: not text, emptied"]


def test_max_length_cuts_text_without_leaving_half_an_entity():
    params, _ = sanitise({"answers": [{"text": "Fish & chips & peas & more"}]})
    # "Fish &amp; chips &amp; peas" is 27 characters once escaped.
    assert params["answers"][0]["text"] == "Fish &amp; chips "


# -- numbers, booleans, selects --------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [(5, 5), (2.5, 2.5), (50, 10), (-3, 0), ("7", 7), ("abc", 0), (True, 0)]
    + [(None, 0), ([1], 0)],
)
def test_numbers_are_numbers_within_bounds(given, kept):
    params, _ = sanitise({"points": given})
    assert params["points"] == kept
    assert type(params["points"]) is type(kept)


def test_steps_and_decimals_are_applied():
    semantics = {
        "Test.Steps 1.0": [
            {"name": "s", "type": "number", "min": 1, "step": 2},
            {"name": "d", "type": "number", "decimals": 1},
        ]
    }
    params, _ = sanitise({"s": 6, "d": 3.14159}, "Test.Steps 1.0", semantics)
    assert params == {"s": 5, "d": 3.1}


def test_a_boolean_that_is_not_one_becomes_the_default_or_goes():
    params, notes = sanitise(
        {"shuffle": "<script>", "answers": [{"text": "a", "correct": "yes"}]}
    )
    assert params["shuffle"] is False
    assert params["answers"] == [{"text": "a"}]
    assert notes_about(notes, "params.answers[0].correct") == [
        "params.answers[0].correct: not true or false, removed"
    ]


def test_select_values_must_be_options():
    params, notes = sanitise({"level": "hard", "theme": "dark"})
    assert params == {"level": "hard", "theme": "dark"}
    assert notes == []

    params, notes = sanitise({"level": "<script>", "theme": "neon"})
    assert params == {"level": "easy"}  # required: the default; optional: gone
    assert notes == [
        "params.level: '<script>' is not an option, set to 'easy'",
        "params.theme: 'neon' is not an option, removed",
    ]


# -- groups, lists, unknown properties ----------------------------------------------


def test_properties_no_field_describes_are_dropped():
    params, notes = sanitise(
        {
            "feedback": "ok",
            "onload": "alert(1)",
            "answers": [{"text": "a", "correct": True, "html": "<script>"}],
        }
    )
    assert params == {"feedback": "ok", "answers": [{"text": "a", "correct": True}]}
    assert notes == [
        "params.onload: no such field in the semantics, removed",
        "params.answers[0].html: no such field in the semantics, removed",
    ]


def test_lists_are_cut_to_their_maximum_and_dropped_when_empty():
    answers = [{"text": str(n), "correct": False} for n in range(5)]
    params, _ = sanitise({"answers": answers, "tips": []})
    assert [answer["text"] for answer in params["answers"]] == ["0", "1", "2"]
    assert "tips" not in params

    params, notes = sanitise({"answers": {"0": {"text": "a"}}})
    assert params == {}
    assert notes == ["params.answers: not a list, removed"]


def test_a_group_of_one_field_is_read_as_that_field():
    params, notes = sanitise({"tips": ["Read <b>twice</b>", "Relax"]})
    assert params["tips"] == ["Read &lt;b&gt;twice&lt;/b&gt;", "Relax"]
    assert notes == ["params.tips[0]: markup escaped as plain text"]


# -- nested libraries -------------------------------------------------------------


def test_a_nested_library_is_cleaned_with_its_own_semantics():
    media = {
        "library": NOTE,
        "params": {"text": "<p><em>Yes</em> <strong>no</strong></p>", "x": 1},
        "subContentId": UUID,
        "metadata": {"title": "<b>Note</b>", "license": "CC BY", "extraTitle": "x"},
        "onclick": "alert(1)",
    }
    params, notes = sanitise({"media": media})
    assert params["media"] == {
        "library": NOTE,
        # Test.Note allows only em, although the quiz's question allows strong.
        "params": {"text": "<p><em>Yes</em> no</p>"},
        "subContentId": UUID,
        "metadata": {"title": "&lt;b&gt;Note&lt;/b&gt;", "license": "CC BY"},
    }
    assert notes == [
        "params.media.params.text: removed <strong>",
        "params.media.params.x: no such field in the semantics, removed",
        "params.media.metadata.title: markup escaped as plain text",
        "params.media.metadata.extraTitle: no such field in the semantics, removed",
        "params.media.onclick: not a library property, removed",
    ]


def test_a_nested_library_the_field_does_not_offer_is_dropped():
    params, notes = sanitise(
        {"media": {"library": "H5P.Evil 1.0", "params": {"text": "hi"}}}
    )
    assert "media" not in params
    assert notes == [
        "params.media: library 'H5P.Evil 1.0' is not offered here, removed"
    ]


def test_a_sub_content_id_that_is_not_a_uuid_is_dropped():
    params, _ = sanitise(
        {"media": {"library": NOTE, "params": {}, "subContentId": '"><script>'}}
    )
    assert params["media"] == {"library": NOTE, "params": {}}


def test_a_library_without_known_semantics_has_every_string_escaped():
    media = {
        "library": "Test.Unknown 1.0",
        "params": {
            "text": "<img src=x onerror=alert(1)>",
            "items": [{"<k>": "a & b"}, 3, True, None],
        },
    }
    params, notes = sanitise({"media": media})
    assert params["media"]["params"] == {
        "text": "&lt;img src=x onerror=alert(1)&gt;",
        "items": [{"&lt;k&gt;": "a &amp; b"}, 3, True, None],
    }
    assert notes == [
        "params.media.params: semantics of 'Test.Unknown 1.0' unknown, all text escaped"
    ]


def test_an_unknown_main_library_has_every_string_escaped():
    params, notes = sanitise({"question": "<script>x</script>"}, "Other.Lib 2.3")
    assert params == {"question": "&lt;script&gt;x&lt;/script&gt;"}
    assert notes == ["params: semantics of 'Other.Lib 2.3' unknown, all text escaped"]


def test_library_names_are_checked_before_semantics_are_looked_up():
    asked = []

    def semantics_of(name):
        asked.append(name)
        return SEMANTICS.get(name)

    hostile = {
        "Test.Path 1.0": [
            {"name": "m", "type": "library", "options": ["../../etc 1.0"]}
        ]
    }
    sanitise_content(
        {"m": {"library": "../../etc 1.0", "params": {}}},
        "Test.Path 1.0",
        lambda name: hostile.get(name) or semantics_of(name),
    )
    assert asked == []


def nested(levels: int) -> dict:
    params: dict = {"label": "bottom"}
    for level in range(levels):
        params = {"label": str(level), "child": {"library": NESTED, "params": params}}
    return params


def depth_of(value) -> int:
    depth = 0
    while isinstance(value, dict) and "child" in value:
        value = value["child"]["params"]
        depth += 1
    return depth


def test_deep_nesting_is_cut_off_without_exploding():
    params, notes = sanitise(nested(2000), NESTED)
    assert 0 < depth_of(params) < MAX_DEPTH
    assert notes  # one per field at the limit: label and child
    assert all(
        note.endswith(f"nested deeper than {MAX_DEPTH} levels, removed")
        for note in notes
    )


def test_deep_nesting_without_semantics_is_cut_off_too():
    params: dict = {}
    for _ in range(5000):
        params = {"a": params}
    cleaned, notes = sanitise(params, "Other.Lib 1.0")
    assert any("nested deeper" in note for note in notes)


def test_deeply_nested_semantics_are_cut_off_too():
    field: dict = {"name": "t", "type": "text"}
    for _ in range(3000):
        field = {"name": "g", "type": "group", "fields": [field]}
    params, notes = sanitise({"g": "x"}, "Test.Deep 1.0", {"Test.Deep 1.0": [field]})
    assert params == {}
    assert any("nested deeper" in note for note in notes)


# -- files ------------------------------------------------------------------------


def test_an_image_inside_the_content_folder_is_kept():
    picture = {
        "path": "images/file-5e1d.jpg",
        "mime": "image/jpeg",
        "width": "640",
        "height": 480,
        "copyright": {"license": "U", "author": "<b>Me</b>"},
        "onload": "x",
    }
    params, notes = sanitise({"picture": picture})
    assert params["picture"] == {
        "path": "images/file-5e1d.jpg",
        "mime": "image/jpeg",
        "width": 640,
        "height": 480,
        "copyright": {"license": "U", "author": "&lt;b&gt;Me&lt;/b&gt;"},
    }
    assert "params.picture.onload: not a file property, removed" in notes


@pytest.mark.parametrize(
    "path",
    ["../secret.jpg", "images/../../x.jpg", "images/%2e%2e/%2E%2E/x.jpg", "/etc/x"]
    + ["//evil.example/x.jpg", "javascript:alert(1)", "https://evil.example/x.jpg"]
    + ["images\\x.jpg", "", "data:image/png;base64,AAAA"],
)
def test_an_image_outside_the_content_folder_is_dropped(path):
    params, notes = sanitise({"picture": {"path": path, "mime": "image/png"}})
    assert "picture" not in params
    assert notes_about(notes, "params.picture")


def test_an_image_with_a_mime_type_of_another_family_is_dropped():
    params, notes = sanitise({"picture": {"path": "x.html", "mime": "text/html"}})
    assert "picture" not in params
    assert notes == ["params.picture: mime type 'text/html' not allowed, file removed"]


def test_video_sources_may_be_links_but_nothing_else():
    clip = [
        {"path": "https://www.youtube.com/watch?v=abc&t=1", "mime": "video/YouTube"},
        {"path": "videos/clip.mp4", "mime": "video/mp4", "quality": {"level": "1"}},
        {"path": "javascript:alert(1)", "mime": "video/mp4"},
        {"path": "videos/../../clip.mp4", "mime": "video/mp4"},
    ]
    params, _ = sanitise({"clip": clip})
    assert params["clip"] == [
        {
            "path": "https://www.youtube.com/watch?v=abc&amp;t=1",
            "mime": "video/YouTube",
        },
        {"path": "videos/clip.mp4", "mime": "video/mp4"},
    ]


# -- whole activities -----------------------------------------------------------------


def test_clean_content_comes_through_unchanged_and_twice_is_once():
    content = {
        "question": '<p><strong>2 + 2</strong> = ? <a href="https://x.example">'
        "hint</a></p>",
        "feedback": "Tom &amp; Jerry",
        "points": 3,
        "shuffle": True,
        "level": "hard",
        "answers": [{"text": "4", "correct": True}],
        "picture": {"path": "images/a.png", "mime": "image/png"},
        "media": {"library": NOTE, "params": {"text": "<em>n</em>"}},
    }
    given = copy.deepcopy(content)
    once, _ = sanitise(content)
    assert content == given  # the input is left alone
    twice, notes = sanitise(once)
    assert twice == once
    assert notes == []
    assert once["question"].endswith('rel="noopener noreferrer">hint</a></p>')


def test_params_that_are_not_an_object_become_empty():
    assert sanitise(["<script>"]) == ({}, ["params: not a group of values, emptied"])


def truefalse_semantics() -> dict:
    folder = TRUEFALSE_WORKSPACE / "H5P.TrueFalse-1.6"
    if not folder.is_dir():
        pytest.fail(
            f"{folder} is missing: install the npm dev dependencies "
            "(h5p-fixture-truefalse, make install-test)"
        )
    return {"H5P.TrueFalse 1.6": json.loads((folder / "semantics.json").read_text())}


def test_real_truefalse_content_passes_and_injections_do_not():
    semantics = truefalse_semantics()
    content = json.loads((TRUEFALSE_WORKSPACE / "content" / "content.json").read_text())

    params, notes = sanitise(content, "H5P.TrueFalse 1.6", semantics)
    assert params == content
    assert notes == []

    hostile = copy.deepcopy(content)
    hostile["question"] = (
        "<h2>Is <u>this</u></h2><p><img src=x onerror=alert(1)>false?</p>"
    )
    hostile["correct"] = "maybe"
    hostile["l10n"]["trueText"] = "<script>alert(1)</script>"
    hostile["confirmCheck"]["body"] = '<p onmouseover="x()">Sure <u>now</u>?</p>'
    hostile["media"]["type"] = {"library": "H5P.Evil 1.0", "params": {}}
    params, notes = sanitise(hostile, "H5P.TrueFalse 1.6", semantics)
    assert params["question"] == "<h2>Is this</h2><p>false?</p>"
    assert params["correct"] == "true"  # the field's default
    assert params["l10n"]["trueText"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert params["confirmCheck"]["body"] == "<p>Sure <u>now</u>?</p>"
    assert params["media"] == {"disableImageZooming": False}
    assert notes == [
        "params.media.type: library 'H5P.Evil 1.0' is not offered here, removed",
        "params.correct: 'maybe' is not an option, set to 'true'",
        "params.l10n.trueText: markup escaped as plain text",
        "params.confirmCheck.body: removed onmouseover=",
        "params.question: removed <u>, <img>",
    ]
