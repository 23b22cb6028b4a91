"""The cohort's learner × activity matrix, the trainer's view of who is where.

Columns come from the course outline in the cohort's language: each unit,
followed by its required activities (field assignments, H5P), grouped by
module.  Cells come from ``ActivityProgress``, read in one query as plain
tuples for every learner of the cohort, so sorting, filtering and the
per-activity rates cover the whole cohort while only one page is drawn.
Unit completion is decided by the same roll-up as the learner's own pages
(``progress_rules.roll_up``), which reads rows by attribute: the named
tuples stand in for ``Progress`` without building one per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.activity import FIELD_ASSIGNMENT, H5P, activity_iri
from lms.course_progress import unit_rule
from lms.models import ActivityProgress, Enrollment, FieldReport
from lms.progress import moment_of
from lms.progress_rules import (
    COMPLETED_STATUS,
    CourseRule,
    ModuleRule,
    roll_up,
)
from lms.reporting.figures import stalled as is_stalled

UNIT = "unit"
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = COMPLETED_STATUS

LEARNER_STATUSES = (NOT_STARTED, IN_PROGRESS, COMPLETED)
SORTS = ("name", "-name", "progress", "-progress", "last", "-last")


@dataclass(frozen=True)
class Column:
    """One tracked thing: a unit, or an activity the unit requires."""

    iri: str
    kind: str  # UNIT, FIELD_ASSIGNMENT or H5P
    title: str
    module_iri: str
    module_title: str
    unit_id: int
    block_id: str = ""


@dataclass
class ModuleGroup:
    iri: str
    title: str
    page_id: int
    columns: list = field(default_factory=list)


@dataclass
class Cell:
    status: str
    score: float | None = None  # best scaled score, 0-1
    success: bool | None = None
    last_at: str = ""


@dataclass
class Row:
    enrollment: Enrollment
    cells: list
    units_done: int
    units_total: int
    status: str
    last_activity: datetime | None
    stalled: bool
    reports_awaiting: int = 0

    @property
    def learner(self):
        return self.enrollment.learner

    @property
    def percent(self) -> int:
        if not self.units_total:
            return 0
        return round(100 * self.units_done / self.units_total)


@dataclass
class Matrix:
    groups: list
    columns: list
    rows: list
    completion_by_column: list  # (done, total) per column, over ``rows``
    now: datetime

    @property
    def stalled_count(self) -> int:
        return sum(row.stalled for row in self.rows)


def _block_title(block, fallback) -> str:
    value = block.get("value") or {}
    return (value.get("title") or "").strip() or fallback


def build_columns(outline) -> tuple[list, CourseRule, list]:
    """Module groups, flat columns and the completion rule of an outline."""
    groups, columns, module_rules = [], [], []
    for module in outline:
        group = ModuleGroup(module.activity_iri, module.title, module.pk)
        unit_rules = []
        for unit in module.unit_list:
            rule = unit_rule(unit)
            unit_rules.append(rule)
            group.columns.append(
                Column(
                    unit.activity_iri,
                    UNIT,
                    unit.title,
                    module.activity_iri,
                    module.title,
                    unit.pk,
                )
            )
            required = {r.iri for r in rule.requirements if r.required}
            for block in unit.body.raw_data:
                kind = {"field_assignment": FIELD_ASSIGNMENT, "h5p_activity": H5P}.get(
                    block.get("type")
                )
                if kind is None or not block.get("id"):
                    continue
                iri = activity_iri(kind, block["id"])
                if iri not in required:
                    continue
                fallback = (
                    _("Field assignment") if kind == FIELD_ASSIGNMENT else _("Activity")
                )
                group.columns.append(
                    Column(
                        iri,
                        kind,
                        _block_title(block, fallback),
                        module.activity_iri,
                        module.title,
                        unit.pk,
                        block["id"],
                    )
                )
        module_rules.append(ModuleRule(module.activity_iri, tuple(unit_rules)))
        groups.append(group)
        columns.extend(group.columns)
    return groups, columns, module_rules


def cohort_enrollments(cohort, statuses=(Enrollment.Status.ACTIVE,), only=None):
    enrollments = cohort.enrollments.filter(status__in=statuses)
    if only is not None:
        enrollments = enrollments.filter(pk=only.pk)
    return enrollments.select_related("learner").order_by(
        "learner__last_name", "learner__first_name", "learner__email"
    )


def progress_rows(enrollments, iris):
    """Every progress row of these learners on these activities, as tuples
    grouped by learner (one query)."""
    rows = ActivityProgress.objects.filter(
        learner_id__in=enrollments.values("learner_id"), activity__in=iris
    ).values_list(
        "learner_id",
        "activity",
        "status",
        "success",
        "best_score",
        "last_at",
        named=True,
    )
    by_learner = defaultdict(dict)
    for row in rows:
        by_learner[row.learner_id][row.activity] = row
    return by_learner


def build_matrix(
    cohort, outline, *, statuses=(Enrollment.Status.ACTIVE,), only=None, now=None
):
    """The whole cohort's matrix (every learner, every column), in three
    queries after the outline: enrolments, progress, reports awaiting."""
    now = now or timezone.now()
    groups, columns, module_rules = build_columns(outline)
    rule = CourseRule(cohort.course.activity_iri, tuple(module_rules))
    enrollments = list(cohort_enrollments(cohort, statuses, only))
    iris = [column.iri for column in columns]
    by_learner = (
        progress_rows(cohort_enrollments(cohort, statuses, only), iris)
        if (enrollments and iris)
        else {}
    )
    awaiting = dict(
        FieldReport.objects.filter(
            enrollment__cohort=cohort, status=FieldReport.Status.SUBMITTED
        )
        .values_list("enrollment_id")
        .annotate(count=Count("pk"))
    )
    unit_columns = [c for c in columns if c.kind == UNIT]
    unit_requirements = defaultdict(list)
    for column in columns:
        if column.kind != UNIT:
            unit_requirements[column.unit_id].append(column.iri)
    done_by_column = [0] * len(columns)
    rows = []
    for enrollment in enrollments:
        progress = by_learner.get(enrollment.learner_id, {})
        completion = roll_up(rule, progress)
        cells = []
        for index, column in enumerate(columns):
            own = progress.get(column.iri)
            if column.kind == UNIT:
                if completion.units.get(column.iri):
                    status = COMPLETED
                elif own is not None or any(
                    iri in progress for iri in unit_requirements[column.unit_id]
                ):
                    status = IN_PROGRESS
                else:
                    status = NOT_STARTED
                cell = Cell(status, last_at=own.last_at if own else "")
            elif own is None:
                cell = Cell(NOT_STARTED)
            else:
                cell = Cell(own.status, own.best_score, own.success, own.last_at)
            if cell.status == COMPLETED:
                done_by_column[index] += 1
            cells.append(cell)
        units_done = sum(completion.units.get(c.iri, False) for c in unit_columns)
        latest = max(
            (row.last_at for row in progress.values() if row.last_at), default=""
        )
        last_activity = moment_of(latest)
        if completion.course and unit_columns:
            status = COMPLETED
        elif progress:
            status = IN_PROGRESS
        else:
            status = NOT_STARTED
        rows.append(
            Row(
                enrollment,
                cells,
                units_done,
                len(unit_columns),
                status,
                last_activity,
                status != COMPLETED
                and is_stalled(
                    last_activity,
                    enrollment.created_at,
                    now,
                    cohort.stalled_after_days,
                ),
                awaiting.get(enrollment.pk, 0),
            )
        )
    total = len(rows)
    return Matrix(
        groups,
        columns,
        rows,
        [(done, total) for done in done_by_column],
        now,
    )


def filter_rows(matrix: Matrix, *, status="", stalled=False, sort="name"):
    """The rows a trainer asked for, in their order (the rates stay those
    of the whole cohort)."""
    rows = matrix.rows
    if status in LEARNER_STATUSES:
        rows = [row for row in rows if row.status == status]
    if stalled:
        rows = [row for row in rows if row.stalled]
    key = sort.lstrip("-")
    if key == "progress":
        rows = sorted(rows, key=lambda row: row.units_done)
    elif key == "last":
        oldest = datetime.min.replace(tzinfo=matrix.now.tzinfo)
        rows = sorted(rows, key=lambda row: row.last_activity or oldest)
    if sort.startswith("-"):
        rows = list(reversed(rows))
    return rows


def select_module(matrix: Matrix, module_id) -> Matrix:
    """The same matrix narrowed to one module's columns."""
    keep = [
        index
        for index, column in enumerate(matrix.columns)
        if any(g.page_id == module_id and column in g.columns for g in matrix.groups)
    ]
    if not keep:
        return matrix
    return Matrix(
        [g for g in matrix.groups if g.page_id == module_id],
        [matrix.columns[i] for i in keep],
        [
            Row(
                row.enrollment,
                [row.cells[i] for i in keep],
                row.units_done,
                row.units_total,
                row.status,
                row.last_activity,
                row.stalled,
                row.reports_awaiting,
            )
            for row in matrix.rows
        ],
        [matrix.completion_by_column[i] for i in keep],
        matrix.now,
    )
