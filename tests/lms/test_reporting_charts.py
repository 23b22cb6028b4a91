"""Server-drawn SVG charts: well-formed, accessible, private, escaped."""

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from lms.reporting.charts import Chart, axis_ticks, bar_chart, column_chart
from lms.reporting.privacy import SUPPRESSED

SVG = "{http://www.w3.org/2000/svg}"
TEXTS = {"title": "Learners per course", "description": "Enrolled learners."}


def parse(chart: Chart) -> ET.Element:
    # Raises unless well-formed XML; the input is our own output.
    return ET.fromstring(chart.svg)  # noqa: S314


def groups(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{SVG}g")


def texts(element: ET.Element, css_class: str) -> list[str]:
    return [
        t.text
        for t in element.iter(f"{SVG}text")
        if css_class in t.get("class").split()
    ]


def bars(items, **options) -> Chart:
    return bar_chart(
        items, id_prefix="courses", no_data_text="No data", **TEXTS, **options
    )


def columns(items, **options) -> Chart:
    return column_chart(
        items, id_prefix="months", no_data_text="No data", **TEXTS, **options
    )


@pytest.mark.parametrize("draw", [bars, columns])
def test_a_chart_is_an_image_named_by_its_title_and_description(draw):
    root = parse(draw([("A", 10)]))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    labelled_by = root.get("aria-labelledby").split()
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert [ids[i].tag for i in labelled_by] == [f"{SVG}title", f"{SVG}desc"]
    assert ids[labelled_by[0]].text == "Learners per course"
    assert ids[labelled_by[1]].text == "Enrolled learners."
    # Scales with its container; colours only through classes.
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    assert not [e for e in root.iter() if e.get("fill") or e.get("style")]


@pytest.mark.parametrize("draw", [bars, columns])
def test_ids_carry_the_prefix_and_two_charts_never_share_one(draw):
    first = parse(draw([("A", 10)]))
    second = parse(bar_chart([("A", 1)], id_prefix="other", no_data_text="-", **TEXTS))
    first_ids = [e.get("id") for e in first.iter() if e.get("id")]
    second_ids = [e.get("id") for e in second.iter() if e.get("id")]
    assert len(first_ids) == len(set(first_ids))
    assert all(i.startswith(("courses-", "months-")) for i in first_ids)
    assert not set(first_ids) & set(second_ids)


def test_bar_lengths_are_proportional_and_values_end_the_bars():
    chart = bars([("Alpha", 40), ("Beta", 10), ("Gamma", 0), ("Delta", 20)])
    root = parse(chart)
    widths = [float(g.find(f"{SVG}rect").get("width")) for g in groups(root)]
    assert widths[0] > 0
    assert [w / widths[0] for w in widths] == [1, 0.25, 0, 0.5]
    assert texts(root, "chart__value") == ["40", "10", "0", "20"]
    assert texts(root, "chart__label") == ["Alpha", "Beta", "Gamma", "Delta"]
    assert chart.rows == [
        ("Alpha", "40"),
        ("Beta", "10"),
        ("Gamma", "0"),
        ("Delta", "20"),
    ]


def test_max_value_fixes_the_full_length_and_caps_larger_values():
    chart = bars(
        [("Done", 0.5), ("Over", 1.4)],
        max_value=1,
        value_format=lambda v: f"{v:.0%}",
    )
    widths = [float(g.find(f"{SVG}rect").get("width")) for g in groups(parse(chart))]
    assert widths[1] == 2 * widths[0]
    assert chart.rows == [("Done", "50%"), ("Over", "140%")]


def test_suppressed_and_missing_values_draw_no_bar():
    chart = bars([("Big", 30), ("Small", SUPPRESSED), ("Unknown", None)])
    root = parse(chart)
    assert [g.find(f"{SVG}rect") is not None for g in groups(root)] == [
        True,
        False,
        False,
    ]
    assert texts(root, "chart__value--suppressed") == ["<5"]
    assert texts(root, "chart__value--none") == ["No data"]
    assert chart.rows == [("Big", "30"), ("Small", "<5"), ("Unknown", "No data")]


def test_labels_and_titles_are_escaped():
    chart = bar_chart(
        [("<script>alert(1)</script>", 5)],
        title='Tom & "Jerry"',
        description="<b>",
        id_prefix="x",
        no_data_text="-",
    )
    assert "<script" not in chart.svg and "<b>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    root = parse(chart)
    assert root.find(f"{SVG}title").text == 'Tom & "Jerry"'
    assert texts(root, "chart__label") == ["<script>alert(1)</script>"]
    assert chart.rows == [("<script>alert(1)</script>", "5")]


def test_long_labels_are_cut_and_kept_whole_in_the_bar_title():
    label = "Médiation culturelle dans les musées de Marseille"
    group = groups(parse(bars([(label, 12)])))[0]
    shown = texts(group, "chart__label")[0]
    assert shown.endswith("…") and label.startswith(shown[:-1])
    assert len(shown) < len(label)
    assert group.find(f"{SVG}title").text == f"{label}: 12"


def test_translated_texts_are_accepted_lazily():
    """The views pass gettext_lazy strings; they are translated when drawn."""
    with translation.override("fr"):
        chart = bar_chart(
            [(gettext_lazy("Yes"), 6)],
            title=gettext_lazy("English"),
            description=gettext_lazy("French"),
            id_prefix="lazy",
            no_data_text=gettext_lazy("No data"),
        )
    root = parse(chart)
    assert root.find(f"{SVG}title").text == "Anglais"
    assert root.find(f"{SVG}desc").text == "Français"
    assert chart.rows == [(str(gettext_lazy("Yes")), "6")]


@pytest.mark.parametrize("draw", [bars, columns])
def test_no_items_still_make_a_named_chart_that_says_so(draw):
    chart = draw([])
    root = parse(chart)
    assert chart.rows == []
    assert root.find(f"{SVG}rect") is None
    empty = root.get("aria-labelledby").split()[-1]
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("id") == empty] == [
        "No data"
    ]
    assert root.find(f"{SVG}title").text == "Learners per course"


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
@pytest.mark.parametrize("prefix", ["", "1st", 'x" onload="alert(1)', "a b"])
def test_an_id_prefix_that_would_break_the_markup_is_refused(chart, prefix):
    with pytest.raises(ValueError):
        chart([("A", 1)], id_prefix=prefix, no_data_text="-", **TEXTS)


@pytest.mark.parametrize("draw", [bars, columns])
def test_negative_values_are_refused(draw):
    with pytest.raises(ValueError):
        draw([("A", -1)])


def test_column_heights_are_proportional_on_round_ticks():
    chart = columns([("Jan", 10), ("Feb", 0), ("Mar", 35), ("Apr", 20)])
    root = parse(chart)
    heights = [float(g.find(f"{SVG}rect").get("height")) for g in groups(root)]
    assert [h / heights[0] for h in heights] == pytest.approx([1, 0, 3.5, 2])
    ticks = [t for t in texts(root, "chart__label") if t[0].isdigit()]
    assert ticks == ["0", "10", "20", "30", "40"]
    # The tallest column reaches 35/40 of the axis.
    grid = [
        float(line.get("y1"))
        for line in root.iter(f"{SVG}line")
        if "chart__axis--grid" in line.get("class")
    ]
    assert heights[2] == pytest.approx((grid[0] - grid[-1]) * 35 / 40)
    assert chart.rows == [("Jan", "10"), ("Feb", "0"), ("Mar", "35"), ("Apr", "20")]


def test_suppressed_columns_are_not_drawn_and_read_less_than_five():
    chart = columns([("Jan", 12), ("Feb", SUPPRESSED), ("Mar", None)])
    root = parse(chart)
    assert [g.find(f"{SVG}rect") is not None for g in groups(root)] == [
        True,
        False,
        False,
    ]
    assert texts(root, "chart__value--suppressed") == ["<5"]
    assert chart.rows == [("Jan", "12"), ("Feb", "<5"), ("Mar", "No data")]


def test_with_many_columns_some_x_labels_are_skipped_so_none_overlap():
    months = [f"Sept. {2020 + i // 12}-{i % 12 + 1:02}" for i in range(36)]
    chart = columns([(m, i) for i, m in enumerate(months)])
    root = parse(chart)
    written = [
        t
        for g in groups(root)
        for t in g.iter(f"{SVG}text")
        if t.get("class") == "chart__label"
    ]
    assert 1 < len(written) < len(months)
    xs = [float(t.get("x")) for t in written]
    widest = max(len(t.text) for t in written) * 7  # CHAR_WIDTH at 12px
    assert min(b - a for a, b in pairwise(xs)) >= widest
    # Every column keeps its full label in its title and in the rows.
    assert [g.find(f"{SVG}title").text.split(": ")[0] for g in groups(root)] == months
    assert [label for label, _ in chart.rows] == months


def test_value_format_writes_rows_and_ticks():
    chart = columns([("Q1", 0.2), ("Q2", 0.83)], value_format=lambda v: f"{v:.0%}")
    root = parse(chart)
    assert [t for t in texts(root, "chart__label") if t.endswith("%")] == [
        "0%",
        "50%",
        "100%",
    ]
    assert chart.rows == [("Q1", "20%"), ("Q2", "83%")]


@pytest.mark.parametrize(
    ("top", "whole", "ticks"),
    [
        (0, True, [0, 1, 2]),
        (1, True, [0, 1, 2]),
        (3, True, [0, 1, 2, 3]),
        (7, True, [0, 2, 4, 6, 8]),
        (10, True, [0, 5, 10]),
        (23, True, [0, 10, 20, 30]),
        (101, True, [0, 50, 100, 150]),
        (1234, True, [0, 500, 1000, 1500]),
        (0.83, False, [0, 0.5, 1]),
        (0.07, False, [0, 0.02, 0.04, 0.06, 0.08]),
    ],
)
def test_axis_ticks_are_three_to_five_round_steps(top, whole, ticks):
    assert axis_ticks(top, whole) == ticks
