"""The coordinators' dashboard and the Erasmus+ indicators, with exports.

Counts only, within the reader's scope (``lms.permissions.figures_scope``):
the whole network for a Network coordinator, one partner for a Partner
coordinator, nothing (403) for anyone else.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lms import network_figures as figures
from lms.dashboard_filters import NetworkFilters
from lms.exports import FORMATS, Table, export_response
from lms.permissions import figures_scope
from lms.reporting.charts import bar_chart, column_chart
from lms.reporting.privacy import is_suppressed


def figures_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        scope = figures_scope(request.user)
        if scope is None:
            raise PermissionDenied
        return view(request, scope, *args, **kwargs)

    return wrapper


def _filters(request, scope, *, announce=True):
    """The filters the reader may use; the others are dropped, and said so
    on a page (not by a download: the message would surface later)."""
    form = NetworkFilters(request.GET, figures.filter_choices(scope))
    for problem in form.problems() if announce else ():
        messages.warning(request, problem)
    return form, form.values()


def _percent(value):
    if value is None:
        return "—"
    if is_suppressed(value):
        return str(value)
    return f"{round(value * 100)} %"


@figures_required
def network_dashboard(request, scope):
    form, chosen = _filters(request, scope)
    found = figures.network_figures(scope, chosen)
    chart = column_chart(
        [
            (date_format(month, "YEAR_MONTH_FORMAT"), n)
            for month, n in found.completions_by_month
        ],
        title=_("Course completions per month"),
        description=_("How many learners completed a course each month."),
        id_prefix="completions-chart",
        no_data_text=_("No data yet."),
    )
    resources_chart = bar_chart(
        [(name, published) for name, published, _used in found.resources],
        title=_("Mediation resources published per partner"),
        description=_("Each resource counted once, whatever its translations."),
        id_prefix="resources-chart",
        no_data_text=_("No data yet."),
    )
    return render(
        request,
        "lms/dashboards/network.html",
        {
            "form": form,
            "figures": found,
            "chart": chart,
            "resources_chart": resources_chart,
            "scope": scope,
            "query": request.GET.urlencode(),
        },
    )


@figures_required
def indicators_view(request, scope):
    form, chosen = _filters(request, scope)
    found = figures.indicators(scope, chosen)
    charts = {
        "country": bar_chart(
            found.by_country,
            title=_("Participants by country"),
            description=_("Counts of 1 to 4 are hidden (<5)."),
            id_prefix="country-chart",
            no_data_text=_("No data yet."),
        ),
        "age": bar_chart(
            found.by_age,
            title=_("Participants by age band"),
            description=_("Counts of 1 to 4 are hidden (<5)."),
            id_prefix="age-chart",
            no_data_text=_("No data yet."),
        ),
    }
    return render(
        request,
        "lms/dashboards/indicators.html",
        {
            "form": form,
            "found": found,
            "charts": charts,
            "scope": scope,
            "query": request.GET.urlencode(),
        },
    )


def _cohorts_table(found):
    headers = [
        _("Cohort"),
        _("Partner"),
        _("Territory"),
        _("Enrolled"),
        _("Active in the last 30 days"),
        _("Without activity for 30 days"),
        _("Completed"),
        _("Completion rate"),
    ]
    rows = (
        [
            line.name,
            line.partner,
            line.territory,
            line.enrolled,
            line.active,
            line.inactive,
            line.completed,
            _percent(line.rate),
        ]
        for line in found.cohorts
    )
    return Table(_("Cohorts"), headers, rows)


def _indicators_table(found):
    headers = [_("Indicator"), _("Category"), _("Count")]

    def rows():
        yield [_("Participants"), "", found.participants]
        for title, pairs in (
            (_("Participants by country"), found.by_country),
            (_("Participants by partner institution"), found.by_organisation),
            (
                _("Participants by organisation, as they declared it"),
                found.by_declared_organisation,
            ),
            (_("Participants by role"), found.by_role),
            (_("Participants by age band"), found.by_age),
            (_("Participants with fewer opportunities"), found.fewer_opportunities),
        ):
            for category, count in pairs:
                yield [title, category, count]
        yield [_("Course completions"), "", found.completions]
        yield [_("Attestations of completion issued"), "", found.credentials]
        for partner, language, kind, count in found.resources:
            yield [
                _("Mediation resources published"),
                f"{partner} · {language} · {kind}",
                count,
            ]

    return Table(_("Erasmus+ indicators"), headers, rows())


@figures_required
def network_export(request, scope, table, fmt):
    if fmt not in FORMATS:
        raise Http404
    _form, chosen = _filters(request, scope, announce=False)
    if table == "cohorts":
        data = _cohorts_table(figures.network_figures(scope, chosen))
    elif table == "indicators":
        data = _indicators_table(figures.indicators(scope, chosen))
    else:
        raise Http404
    return export_response(data, f"chainon-{table}", fmt)
