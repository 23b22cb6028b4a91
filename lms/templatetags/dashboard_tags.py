"""Drawing the cohort matrix's cells.

A 50-learner page of a 120-activity course is 6,000 cells: drawn by the
template language one tag at a time it would cost more than reading the
data.  Each cell is written here from fragments translated and escaped
once per page, and the row is handed to the template as safe HTML.
"""

from datetime import datetime

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from lms.cohort_matrix import COMPLETED, IN_PROGRESS
from lms.progress import moment_of
from lms.reporting.privacy import is_suppressed

register = template.Library()

_ICONS = {COMPLETED: "✓", IN_PROGRESS: "◐"}


def _fragments():
    labels = {
        COMPLETED: _("Completed"),
        IN_PROGRESS: _("In progress"),
        "not_started": _("Not started"),
    }
    return {
        status: (
            f'<td class="matrix__cell matrix__cell--{status}">'
            f'<span aria-hidden="true">{_ICONS.get(status, "·")}</span>'
            f'<span class="visually-hidden">{escape(label)}</span>'
        )
        for status, label in labels.items()
    }, escape(_("failed"))


def _local_day(stamp: str, shown: dict, tz) -> str:
    """A timestamp as a ``<time>`` of its local day, each day formatted
    once per page (``date_format`` is slow, and a page has thousands)."""
    try:  # the C parser reads the RFC 3339 stamps statements carry
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        moment = moment_of(stamp)
    if moment is None or moment.tzinfo is None:
        return ""
    day = moment.astimezone(tz).date()
    html = shown.get(day)
    if html is None:
        html = shown[day] = (
            f'<time datetime="{day.isoformat()}">'
            f"{date_format(day, 'SHORT_DATE_FORMAT')}</time>"
        )
    return html


@register.simple_tag
def matrix_head(matrix):
    """The matrix's two header rows: modules over their columns, then the
    learner's columns and one per unit or activity."""
    modules = "".join(
        f'<th scope="colgroup" colspan="{len(group.columns)}" '
        f'class="matrix__module">{escape(group.title)}</th>'
        for group in matrix.groups
    )
    columns = "".join(
        f'<th scope="col" class="matrix__col matrix__col--{column.kind}">'
        f"{escape(column.title)}</th>"
        for column in matrix.columns
    )
    return mark_safe(  # noqa: S308 - built from escaped parts
        f'<tr><td colspan="3"></td>{modules}</tr>'
        f'<tr><th scope="col">{escape(_("Learner"))}</th>'
        f'<th scope="col">{escape(_("Progress"))}</th>'
        f'<th scope="col">{escape(_("Last activity"))}</th>{columns}</tr>'
    )


@register.simple_tag
def matrix_rates(matrix):
    """The footer's cells: each column's share of the cohort that completed it."""
    return mark_safe(  # noqa: S308 - numbers only
        "".join(f"<td>{percent(pair)}</td>" for pair in matrix.completion_by_column)
    )


@register.simple_tag
def matrix_cells(row, cache):
    """Every cell of a row; ``cache`` is a dict the page shares across rows
    (translated fragments and formatted dates)."""
    if "fragments" not in cache:
        cache["fragments"], cache["failed"] = _fragments()
    fragments, dates = cache["fragments"], cache.setdefault("dates", {})
    tz = timezone.get_current_timezone()
    parts = []
    for cell in row.cells:
        html = fragments.get(cell.status) or fragments["not_started"]
        if cell.score is not None:
            html += f' <span class="matrix__score">{round(cell.score * 100)} %</span>'
        if cell.success is False:
            html += f' <span class="matrix__failed">{cache["failed"]}</span>'
        if cell.last_at:
            html += " " + _local_day(cell.last_at, dates, tz)
        parts.append(html + "</td>")
    return mark_safe("".join(parts))  # noqa: S308 - built from escaped parts


@register.filter
def percent(pair):
    """``(done, total)`` as a whole percentage, or an em dash when empty."""
    done, total = pair
    return f"{round(100 * done / total)} %" if total else "—"


@register.filter
def figure(value, digits=0):
    """A count or a median as shown: "<5" when suppressed, "—" when none."""
    if value is None:
        return "—"
    if is_suppressed(value):
        return str(value)
    return floatformat(value, digits)


@register.filter
def rate(value):
    """A share (0–1) as a percentage, "<5" when suppressed, "—" when none."""
    if value is None:
        return "—"
    if is_suppressed(value):
        return str(value)
    return f"{round(value * 100)} %"


@register.filter
def stamp_date(stamp):
    """A progress row's timestamp as a local date, or an em dash."""
    moment = moment_of(stamp)
    if moment is None:
        return "—"
    return date_format(timezone.localtime(moment).date(), "SHORT_DATE_FORMAT")
