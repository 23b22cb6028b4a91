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

from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter

from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.activity import FIELD_ASSIGNMENT, H5P, MEDIATION_RESOURCE, activity_iri
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


#: What one cell shows: status, best scaled score (0-1), success, last
#: statement's timestamp.  A named tuple: a page draws thousands.
Cell = namedtuple("Cell", "status score success last_at", defaults=(None, None, ""))


class Row:
    """One learner: their figures now, their cells when a page draws them.

    The cells of all learners are needed only by the exports; a page draws
    fifty, so they are built on demand from the learner's progress rows.
    """

    __slots__ = (
        "enrollment",
        "progress",
        "units",
        "units_done",
        "units_total",
        "status",
        "last_activity",
        "stalled",
        "reports_awaiting",
        "_columns",
        "_unit_started",
    )

    def __init__(self, enrollment, progress, units, columns, unit_started, **figures):
        self.enrollment = enrollment
        self.progress = progress  # activity IRI -> ProgressRow
        self.units = units  # unit IRI -> complete (the roll-up)
        self._columns = columns
        self._unit_started = unit_started
        for name, value in figures.items():
            setattr(self, name, value)

    @property
    def learner(self):
        return self.enrollment.learner

    @property
    def percent(self) -> int:
        if not self.units_total:
            return 0
        return round(100 * self.units_done / self.units_total)

    def cell(self, column) -> Cell:
        own = self.progress.get(column.iri)
        if column.kind == UNIT:
            if self.units.get(column.iri):
                status = COMPLETED
            elif self._unit_started(column, self.progress):
                status = IN_PROGRESS
            else:
                status = NOT_STARTED
            return Cell(status, last_at=own.last_at if own else "")
        if own is None:
            return Cell(NOT_STARTED)
        return Cell(own.status, own.best_score, own.success, own.last_at)

    @property
    def cells(self) -> list:
        return [self.cell(column) for column in self._columns]

    def narrowed(self, columns) -> "Row":
        row = Row(
            self.enrollment, self.progress, self.units, columns, self._unit_started
        )
        for name in ("units_done", "units_total", "status", "last_activity"):
            setattr(row, name, getattr(self, name))
        row.stalled, row.reports_awaiting = self.stalled, self.reports_awaiting
        return row


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


#: What the dashboard shows of an enrolment and its learner (not the whole
#: account: 300 full user rows cost more than their progress).
ENROLMENT_FIELDS = (
    "id",
    "cohort_id",
    "learner_id",
    "status",
    "created_at",
    "learner__id",
    "learner__first_name",
    "learner__last_name",
    "learner__email",
)


def cohort_enrollments(cohort, statuses=(Enrollment.Status.ACTIVE,), only=None):
    enrollments = cohort.enrollments.filter(status__in=statuses)
    if only is not None:
        enrollments = enrollments.filter(pk=only.pk)
    return (
        enrollments.select_related("learner")
        .only(*ENROLMENT_FIELDS)
        .order_by("learner__last_name", "learner__first_name", "learner__email")
    )


BLOCK_KINDS = {
    "field_assignment": FIELD_ASSIGNMENT,
    "h5p_activity": H5P,
    "mediation_resource": MEDIATION_RESOURCE,
}


def course_activities(outline) -> dict:
    """Every activity of a course by IRI, with its title: modules, units
    and every tracked block, required or not.  What a learner did on any of
    them is activity on the course (for "last activity" and "stalled")."""
    titles = {}
    for module in outline:
        titles[module.activity_iri] = module.title
        for unit in module.unit_list:
            titles[unit.activity_iri] = unit.title
            for block in unit.body.raw_data:
                kind = BLOCK_KINDS.get(block.get("type"))
                if kind is not None and block.get("id"):
                    titles[activity_iri(kind, block["id"])] = _block_title(
                        block, unit.title
                    )
    return titles


def course_activity_iris(course) -> list[str]:
    """Every activity IRI of a course: itself, its modules, units and
    tracked blocks (the same in every language)."""
    return [course.activity_iri, *course_activities(course.outline())]


class ProgressRow(tuple):
    """A progress row as read: (learner_id, activity, status, success,
    best_score, last_at), with the attribute names the roll-up reads.  A
    plain tuple underneath, half the cost of a named tuple to make."""

    __slots__ = ()
    learner_id = property(itemgetter(0))
    activity = property(itemgetter(1))
    status = property(itemgetter(2))
    success = property(itemgetter(3))
    best_score = property(itemgetter(4))
    last_at = property(itemgetter(5))


def progress_rows(enrollments, iris):
    """Every progress row of these learners on these activities, grouped by
    learner, in one query.

    Read with the database cursor rather than the ORM: at 36,000 rows (a
    300-learner cohort, 120 activities) the ORM's per-value conversions
    cost twice the read itself.  All the learners' rows are read and those
    of other courses skipped here: a list of a hundred activities in the
    query made the database slower than the whole read.  The SQL is built
    from the model's own table name and placeholders only.
    """
    learners_sql, learners_params = (
        enrollments.order_by().values("learner_id").query.sql_with_params()
    )
    table = connection.ops.quote_name(ActivityProgress._meta.db_table)
    sql = (
        "SELECT learner_id, activity, status, success, best_score, last_at "  # noqa: S608
        f"FROM {table} WHERE learner_id IN ({learners_sql})"
    )
    wanted = set(iris)
    by_learner = defaultdict(dict)
    new, current_id, current = tuple.__new__, None, None
    with connection.cursor() as cursor:
        cursor.execute(sql, learners_params)
        rows = cursor.fetchall()
    for row in rows:
        if row[1] not in wanted:
            continue
        if row[3] is not None:  # SQLite answers 0/1 for booleans
            row = (*row[:3], bool(row[3]), *row[4:])
        if row[0] != current_id:  # rows come learner by learner
            current_id = row[0]
            current = by_learner[current_id]
        current[row[1]] = new(ProgressRow, row)
    return by_learner


def build_matrix(
    cohort, outline, *, statuses=(Enrollment.Status.ACTIVE,), only=None, now=None
):
    """The whole cohort's figures (every learner, every column), in three
    queries after the outline: enrolments, progress, reports awaiting."""
    now = now or timezone.now()
    groups, columns, module_rules = build_columns(outline)
    rule = CourseRule(cohort.course.activity_iri, tuple(module_rules))
    enrollments = list(cohort_enrollments(cohort, statuses, only))
    iris = [*course_activities(outline), cohort.course.activity_iri]
    by_learner = (
        progress_rows(cohort_enrollments(cohort, statuses, only), iris)
        if (enrollments and columns)
        else {}
    )
    awaiting = dict(
        FieldReport.objects.filter(
            enrollment__cohort=cohort, status=FieldReport.Status.SUBMITTED
        )
        .values_list("enrollment_id")
        .annotate(count=Count("pk"))
    )
    unit_iris = [c.iri for c in columns if c.kind == UNIT]
    requirements = defaultdict(list)
    for column in columns:
        if column.kind != UNIT:
            requirements[column.unit_id].append(column.iri)

    def unit_started(column, progress) -> bool:
        return column.iri in progress or any(
            iri in progress for iri in requirements[column.unit_id]
        )

    done_by_column = [0] * len(columns)
    rows = []
    for enrollment in enrollments:
        progress = by_learner.get(enrollment.learner_id, {})
        completion = roll_up(rule, progress) if progress else None
        units = completion.units if completion else {}
        for index, column in enumerate(columns):
            if column.kind == UNIT:
                done_by_column[index] += units.get(column.iri, False)
            else:
                own = progress.get(column.iri)
                done_by_column[index] += own is not None and own.status == COMPLETED
        units_done = sum(units.get(iri, False) for iri in unit_iris)
        latest = max((row.last_at for row in progress.values()), default="")
        last_activity = moment_of(latest)
        if completion and completion.course and unit_iris:
            status = COMPLETED
        elif progress:
            status = IN_PROGRESS
        else:
            status = NOT_STARTED
        rows.append(
            Row(
                enrollment,
                progress,
                units,
                columns,
                unit_started,
                units_done=units_done,
                units_total=len(unit_iris),
                status=status,
                last_activity=last_activity,
                stalled=status != COMPLETED
                and is_stalled(
                    last_activity, enrollment.created_at, now, cohort.stalled_after_days
                ),
                reports_awaiting=awaiting.get(enrollment.pk, 0),
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
    descending = sort.startswith("-")
    # Python's sort is stable, also reversed: ties keep the name order.
    if key == "progress":
        rows = sorted(rows, key=lambda row: row.units_done, reverse=descending)
    elif key == "last":
        oldest = datetime.min.replace(tzinfo=matrix.now.tzinfo)
        rows = sorted(
            rows, key=lambda row: row.last_activity or oldest, reverse=descending
        )
    elif descending:
        rows = list(reversed(rows))
    return rows


def select_module(matrix: Matrix, module_id) -> Matrix:
    """The same matrix narrowed to one module's columns."""
    groups = [g for g in matrix.groups if g.page_id == module_id]
    if not groups:
        return matrix
    keep = [i for i, c in enumerate(matrix.columns) if c in groups[0].columns]
    columns = [matrix.columns[i] for i in keep]
    return Matrix(
        groups,
        columns,
        [row.narrowed(columns) for row in matrix.rows],
        [matrix.completion_by_column[i] for i in keep],
        matrix.now,
    )
