"""Bar and column charts drawn on the server as SVG.

No JavaScript and no chart library: the dashboards work without scripts
and load nothing from elsewhere.  To a screen reader a chart is one image,
named by its <title> and <desc>; the figures themselves come back as
``rows`` for the table the template puts beside it, which is what people
who cannot see the bars, or prefer numbers, read.  Colours and fonts come
from the site's CSS through the ``chart__*`` classes, so the charts follow
the design tokens and the high-contrast theme.

Callers pass every text already translated: this module has no Django.
"""

import html
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lms.reporting.privacy import Suppressed, is_suppressed

type Value = int | float | None | Suppressed
type Format = Callable[[int | float], str]
type Items = list[tuple[str, Value]]

SVG_NS = "http://www.w3.org/2000/svg"
# Ids in one page must not collide, so each chart gets its own prefix.
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
WIDTH = 640
FONT_SIZE = 12
# Average width of a character at FONT_SIZE: labels are cut to fit before
# the browser measures them, since SVG text neither wraps nor clips.
CHAR_WIDTH = 7

# Bar chart: label column, bars, then room for the value after the bar.
LABEL_WIDTH = 200
BAR_START = LABEL_WIDTH + 8
BAR_ROOM = WIDTH - BAR_START - 72
ROW_HEIGHT = 28
BAR_HEIGHT = 18
PADDING = 8

# Column chart: tick labels on the left, x labels below.
COLUMN_HEIGHT = 240
PLOT_LEFT = 56
PLOT_RIGHT = WIDTH - 8
PLOT_TOP = 16
BASELINE = COLUMN_HEIGHT - 28
X_LABEL_CHARS = 12

CENTRAL = {"dominant_baseline": "central"}
MIDDLE = {"text_anchor": "middle"}


@dataclass(frozen=True)
class Chart:
    svg: str
    rows: list[tuple[str, str]]


def default_format(value: int | float) -> str:
    """Whole numbers as they are, others to two decimals at most."""
    if isinstance(value, int):
        return str(value)
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _el(tag: str, text: str = "", **attributes: object) -> str:
    """One SVG element, every attribute and the text escaped here so no
    caller can forget; ``class_`` is ``class`` and ``_`` in names is ``-``."""
    attrs = "".join(
        f' {name.rstrip("_").replace("_", "-")}="'
        + html.escape(default_format(value) if isinstance(value, float) else str(value))
        + '"'
        for name, value in attributes.items()
    )
    if not text:
        return f"<{tag}{attrs}/>"
    return f"<{tag}{attrs}>{html.escape(str(text))}</{tag}>"


def _text(text: str, x: float, y: float, class_: str = "chart__label", **more) -> str:
    return _el("text", text, class_=class_, x=x, y=y, **more)


def _bar(x: float, y: float, width: float, height: float) -> str:
    return _el("rect", class_="chart__bar", x=x, y=y, width=width, height=height)


def _line(x1: float, y1: float, x2: float, y2: float, class_: str) -> str:
    return _el("line", class_=class_, x1=x1, y1=y1, x2=x2, y2=y2)


def _is_number(value: Value) -> bool:
    return value is not None and not is_suppressed(value)


def _shown(value: Value, value_format: Format | None, no_data_text: str) -> str:
    if value is None:
        return no_data_text
    if is_suppressed(value):
        return str(value)
    return (value_format or default_format)(value)


def _truncate(label: str, chars: int) -> str:
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


def _value_class(value: Value) -> str:
    if value is None:
        return "chart__value chart__value--none"
    if is_suppressed(value):
        return "chart__value chart__value--suppressed"
    return "chart__value"


def _largest(items: Items) -> float:
    numbers = [value for _label, value in items if _is_number(value)]
    if any(number < 0 for number in numbers):
        raise ValueError("charts draw counts and rates, which are not negative")
    return max(numbers, default=0)


def _chart(
    kind: str,
    items: Iterable[tuple[str, Value]],
    head: tuple[str, str, str],
    no_data_text: str,
    value_format: Format | None,
    draw: Callable[[Items, list[str]], tuple[int, list[str]]],
) -> Chart:
    """The <svg> around what ``draw`` makes of the items and their texts
    (a height and elements); without items, a short chart that still
    names itself and says there is nothing."""
    id_prefix, title, description = head
    if not ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"not a usable id prefix: {id_prefix!r}")
    items = [(str(label), value) for label, value in items]
    no_data_text = str(no_data_text)  # a lazy translation becomes text once
    texts = [_shown(value, value_format, no_data_text) for _label, value in items]
    labelled_by = f"{id_prefix}-title {id_prefix}-desc"
    if items:
        height, body = draw(items, texts)
    else:
        height = 40
        empty_id = f"{id_prefix}-empty"
        labelled_by += " " + empty_id
        body = [_text(no_data_text, WIDTH // 2, 24, id=empty_id, **MIDDLE)]
    svg = (
        f'<svg xmlns="{SVG_NS}" class="chart chart--{kind}" role="img" '
        f'aria-labelledby="{labelled_by}" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" preserveAspectRatio="xMidYMid meet" '
        f'font-size="{FONT_SIZE}">'
        + _el("title", title, id=f"{id_prefix}-title")
        + _el("desc", description, id=f"{id_prefix}-desc")
        + "".join(body)
        + "</svg>"
    )
    rows = [(label, text) for (label, _value), text in zip(items, texts, strict=True)]
    return Chart(svg=svg, rows=rows)


def bar_chart(
    items: Iterable[tuple[str, Value]],
    *,
    title: str,
    description: str,
    id_prefix: str,
    no_data_text: str,
    value_format: Format | None = None,
    max_value: float | None = None,
) -> Chart:
    """Horizontal bars, one per item, longest for the largest value.

    ``max_value`` fixes the full length (1 for rates) so charts side by
    side compare; larger values are drawn full length.  None draws no bar
    and reads ``no_data_text``; a suppressed value draws no bar either,
    since even a short one would show how small it is, and reads "<5".
    """

    def draw(items: Items, texts: list[str]) -> tuple[int, list[str]]:
        top = max_value if max_value is not None else _largest(items)
        body = []
        for index, ((label, value), text) in enumerate(zip(items, texts, strict=True)):
            middle = PADDING + (index + 0.5) * ROW_HEIGHT
            short = _truncate(label, LABEL_WIDTH // CHAR_WIDTH)
            parts = [
                _el("title", f"{label}: {text}"),
                _text(short, LABEL_WIDTH, middle, text_anchor="end", **CENTRAL),
            ]
            length = 0.0
            if _is_number(value):
                length = min(value, top) / top * BAR_ROOM if top > 0 else 0.0
                top_edge = middle - BAR_HEIGHT / 2
                parts.append(_bar(BAR_START, top_edge, length, BAR_HEIGHT))
            end = BAR_START + length + 6
            parts.append(_text(text, end, middle, _value_class(value), **CENTRAL))
            body.append("<g>" + "".join(parts) + "</g>")
        return 2 * PADDING + len(items) * ROW_HEIGHT, body

    head = (id_prefix, title, description)
    return _chart("bar", items, head, no_data_text, value_format, draw)


def axis_ticks(top: float, whole_numbers: bool) -> list[int | float]:
    """Three to five round ticks from 0 to at least ``top``.

    Steps are 1, 2 or 5 times a power of ten, so readers can interpolate;
    counts never get a tick between two whole numbers.
    """
    top = top if top > 0 else 1
    power = math.floor(math.log10(top))
    for step in (m * 10**p for p in (power - 1, power, power + 1) for m in (1, 2, 5)):
        if (step >= 1 or not whole_numbers) and math.ceil(round(top / step, 9)) <= 4:
            break
    count = max(math.ceil(round(top / step, 9)), 2)
    return [round(i * step, 10) for i in range(count + 1)]


def _axes(ticks: list[int | float], value_format: Format | None) -> list[str]:
    parts = []
    for tick in ticks:
        y = BASELINE - tick / ticks[-1] * (BASELINE - PLOT_TOP)
        tick = int(tick) if float(tick).is_integer() else tick
        label = (value_format or default_format)(tick)
        parts.append(
            _line(PLOT_LEFT, y, PLOT_RIGHT, y, "chart__axis chart__axis--grid")
        )
        parts.append(_text(label, PLOT_LEFT - 6, y, text_anchor="end", **CENTRAL))
    parts.append(_line(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, BASELINE, "chart__axis"))
    parts.append(_line(PLOT_LEFT, BASELINE, PLOT_RIGHT, BASELINE, "chart__axis"))
    return parts


def column_chart(
    items: Iterable[tuple[str, Value]],
    *,
    title: str,
    description: str,
    id_prefix: str,
    no_data_text: str,
    value_format: Format | None = None,
    max_value: float | None = None,
) -> Chart:
    """Vertical columns in order, for figures over time (completions per
    month, say), on a y axis of round ticks.

    With many columns only every second (third, …) x label is written so
    that they do not overlap; each column's <title> and the rows keep all
    of them.  Suppressed columns are not drawn and read "<5" at the base;
    None leaves the slot empty.  ``value_format`` also writes the ticks.
    """

    def draw(items: Items, texts: list[str]) -> tuple[int, list[str]]:
        largest = max_value if max_value is not None else _largest(items)
        counts = all(isinstance(v, int) for _label, v in items if _is_number(v))
        ticks = axis_ticks(largest, counts and float(largest).is_integer())
        body = _axes(ticks, value_format)
        slot = (PLOT_RIGHT - PLOT_LEFT) / len(items)
        shorts = [_truncate(label, X_LABEL_CHARS) for label, _value in items]
        every = math.ceil((max(map(len, shorts)) * CHAR_WIDTH + 8) / slot)
        for index, ((label, value), text) in enumerate(zip(items, texts, strict=True)):
            centre = PLOT_LEFT + (index + 0.5) * slot
            parts = [_el("title", f"{label}: {text}")]
            if _is_number(value):
                height = min(value, ticks[-1]) / ticks[-1] * (BASELINE - PLOT_TOP)
                left = centre - slot * 0.35
                parts.append(_bar(left, BASELINE - height, slot * 0.7, height))
            elif is_suppressed(value):
                parts.append(
                    _text(text, centre, BASELINE - 6, _value_class(value), **MIDDLE)
                )
            if index % every == 0:
                parts.append(_text(shorts[index], centre, BASELINE + 18, **MIDDLE))
            body.append("<g>" + "".join(parts) + "</g>")
        return COLUMN_HEIGHT, body

    head = (id_prefix, title, description)
    return _chart("column", items, head, no_data_text, value_format, draw)
