"""The trainer's dashboard of a cohort: who progresses, who stalled, what
waits for feedback; a learner's own timeline; the matrix and list exports.

Only the cohort's trainers (and administrators) get anything: anyone else
gets a 404, the same answer as for a cohort that does not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.cohort_matrix import (
    build_matrix,
    course_activities,
    filter_rows,
    select_module,
)
from lms.dashboard_filters import CohortMatrixFilters
from lms.exports import FORMATS, Table, export_response
from lms.models import (
    Contribution,
    Enrollment,
    FieldReport,
    Statement,
    StatementActivity,
)
from lms.permissions import trained_cohort_or_404
from lms.reporting.charts import bar_chart
from lms.xapi.agents import actor_ifi, learner_agent

ROWS_PER_PAGE = 50
TIMELINE_PER_PAGE = 50


def _cohort_matrix(request, cohort, *, announce=True):
    """The matrix with the request's filters; what they could not use is
    told on the page (not by a download, whose messages would surface on
    whatever page comes next)."""
    outline = cohort.course_in_language().outline()
    matrix = build_matrix(cohort, outline)
    filters = CohortMatrixFilters(request.GET, matrix.groups)
    for problem in filters.problems() if announce else ():
        messages.warning(request, problem)
    chosen = filters.values()
    if chosen.get("module"):
        matrix = select_module(matrix, chosen["module"])
    rows = filter_rows(
        matrix,
        status=chosen.get("status", ""),
        stalled=chosen.get("stalled", False),
        sort=chosen.get("sort", "name"),
    )
    return matrix, rows, filters


@login_required
def cohort_dashboard(request, cohort_id):
    cohort = trained_cohort_or_404(request.user, cohort_id)
    matrix, rows, filters = _cohort_matrix(request, cohort)
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    awaiting = (
        FieldReport.objects.filter(
            enrollment__cohort=cohort, status=FieldReport.Status.SUBMITTED
        )
        .select_related("enrollment__learner")
        .order_by("submitted_at")[:20]
    )
    distribution = [0] * 5  # learners per quarter of the course done
    for row in matrix.rows:
        distribution[min(row.percent // 25, 4)] += 1
    chart = bar_chart(
        list(
            zip(
                [_("0–24 %"), _("25–49 %"), _("50–74 %"), _("75–99 %"), _("100 %")],
                distribution,
                strict=True,
            )
        ),
        title=_("Learners by share of the course done"),
        description=_("How many learners completed each share of the units."),
        id_prefix="progress-chart",
        no_data_text=_("No data yet."),
    )
    return render(
        request,
        "lms/dashboards/cohort.html",
        {
            "cohort": cohort,
            "matrix": matrix,
            "page": page,
            "shown": len(rows),
            "filters": filters,
            "awaiting": awaiting,
            "chart": chart,
            "cell_cache": {},
            "completed_count": sum(row.status == "completed" for row in matrix.rows),
            "awaiting_count": sum(row.reports_awaiting for row in matrix.rows),
        },
    )


def _enrollment_of(cohort, enrollment_id):
    return get_object_or_404(
        Enrollment.objects.select_related("learner"),
        pk=enrollment_id,
        cohort=cohort,
    )


@login_required
def learner_detail(request, cohort_id, enrollment_id):
    """One learner in the cohort: their row, their statements on this
    course's activities (newest first), reports and contributions."""
    cohort = trained_cohort_or_404(request.user, cohort_id)
    enrollment = _enrollment_of(cohort, enrollment_id)
    course = cohort.course_in_language()
    outline = course.outline()
    matrix = build_matrix(
        cohort, outline, statuses=[enrollment.status], only=enrollment
    )
    row = matrix.rows[0]
    titles = course_activities(outline)
    titles[cohort.course.activity_iri] = course.title
    iris = list(titles)
    statements = (
        Statement.objects.filter(
            actor_ifi=actor_ifi(learner_agent(enrollment.learner)),
            voided=False,
            pk__in=StatementActivity.objects.filter(activity__in=iris).values(
                "statement_id"
            ),
        )
        .order_by("-timestamp", "-stored")
        .values_list("data", "timestamp")
    )
    page = Paginator(statements, TIMELINE_PER_PAGE).get_page(request.GET.get("page"))
    verbs = verb_labels()
    timeline = [_timeline_entry(data, moment, titles, verbs) for data, moment in page]
    return render(
        request,
        "lms/dashboards/learner.html",
        {
            "cohort": cohort,
            "enrollment": enrollment,
            "learner": enrollment.learner,
            "row": row,
            "matrix": matrix,
            "cells": list(zip(matrix.columns, row.cells, strict=True)),
            "page": page,
            "timeline": timeline,
            "reports": FieldReport.objects.filter(enrollment=enrollment).order_by(
                "-updated_at"
            ),
            "contributions": Contribution.objects.filter(
                author=enrollment.learner,
                course_key=cohort.course.translation_key,
            ).order_by("-created_at"),
        },
    )


ADL = "http://adlnet.gov/expapi/verbs/"


def verb_labels() -> dict:
    """The verbs Chaînon and H5P send, in the reader's language: a statement
    stored without a display text (Chaînon's own) still reads in words."""
    return {
        ADL + "completed": _("completed"),
        ADL + "passed": _("passed"),
        ADL + "failed": _("failed"),
        ADL + "answered": _("answered"),
        ADL + "attempted": _("started"),
        ADL + "experienced": _("viewed"),
        ADL + "progressed": _("progressed in"),
        ADL + "interacted": _("interacted with"),
        ADL + "initialized": _("opened"),
        ADL + "terminated": _("closed"),
    }


def _in_language(texts: dict, *, exact=False) -> str:
    """A language map's text in the reader's language, else (unless
    ``exact``) in any."""
    language = (get_language() or "").split("-")[0]
    for key, text in (texts or {}).items():
        if key.split("-")[0].lower() == language:
            return text
    return "" if exact or not texts else next(iter(texts.values()))


def _timeline_entry(data, moment, titles, verbs):
    verb = data.get("verb") or {}
    target = data.get("object") or {}
    context = (data.get("context") or {}).get("contextActivities") or {}
    around = [
        activity.get("id")
        for kind in ("parent", "grouping")
        for activity in (context.get(kind) or [])
        if isinstance(activity, dict)
    ]
    name = titles.get(target.get("id")) or next(
        (titles[iri] for iri in around if iri in titles), None
    )
    if name is None:
        name = _in_language((target.get("definition") or {}).get("name") or {})
    result = data.get("result") or {}
    score = (result.get("score") or {}).get("scaled")
    return {
        "moment": moment,
        "verb": _in_language(verb.get("display") or {}, exact=True)
        or verbs.get(verb.get("id"))
        or _in_language(verb.get("display") or {})
        or verb.get("id", "").rsplit("/")[-1],
        "object": name or _("an activity"),
        "score": round(score * 100) if isinstance(score, int | float) else None,
        "success": result.get("success"),
    }


# -- Exports ------------------------------------------------------------------


def _matrix_table(cohort, matrix, rows):
    status_labels = {
        "completed": _("Completed"),
        "in_progress": _("In progress"),
        "not_started": _("Not started"),
    }
    headers = [
        _("Last name"),
        _("First name"),
        _("E-mail address"),
        _("Units done"),
        _("Units"),
        _("Last activity"),
        _("Stalled"),
    ]
    for column in matrix.columns:
        headers.append(f"{column.module_title} · {column.title}")
        if column.kind == "h5p":
            headers.append(f"{column.title} · {_('best score (%)')}")

    def lines():
        for row in rows:
            learner = row.learner
            line = [
                learner.last_name,
                learner.first_name,
                learner.email,
                row.units_done,
                row.units_total,
                row.last_activity.date() if row.last_activity else None,
                _("yes") if row.stalled else _("no"),
            ]
            for column, cell in zip(matrix.columns, row.cells, strict=True):
                line.append(status_labels.get(cell.status, cell.status))
                if column.kind == "h5p":
                    line.append(
                        round(cell.score * 100) if cell.score is not None else None
                    )
            yield line

    return Table(cohort.name, headers, lines())


def _learner_table(cohort, matrix, rows):
    headers = [
        _("Last name"),
        _("First name"),
        _("E-mail address"),
        _("Enrolment status"),
        _("Enrolled"),
        _("Progress (%)"),
        _("Last activity"),
        _("Stalled"),
        _("Field reports to review"),
    ]

    def lines():
        for row in rows:
            learner = row.learner
            yield [
                learner.last_name,
                learner.first_name,
                learner.email,
                row.enrollment.get_status_display(),
                row.enrollment.created_at.date(),
                row.percent,
                row.last_activity.date() if row.last_activity else None,
                _("yes") if row.stalled else _("no"),
                row.reports_awaiting,
            ]

    return Table(cohort.name, headers, lines())


EXPORTS = {"matrix": _matrix_table, "learners": _learner_table}


@login_required
def cohort_export(request, cohort_id, table, fmt):
    """The matrix or the learner list, filtered as on the page, as a file."""
    cohort = trained_cohort_or_404(request.user, cohort_id)
    make = EXPORTS.get(table)
    if make is None or fmt not in FORMATS:
        raise Http404
    matrix, rows, _filters = _cohort_matrix(request, cohort, announce=False)
    stem = f"{cohort.name}-{table}"
    return export_response(make(cohort, matrix, rows), stem, fmt)
