"""A learner's completion of a course, from the page tree and their progress.

The tree gives the rules (which units make a module, which modules a
course; a unit of text only is complete when the learner marks it done, a
unit with field assignments or H5P activities when they are),
``ActivityProgress`` gives the facts, and ``progress_rules.roll_up``
decides.  Completing a unit may complete its module and the course:
Chaînon then records those completions as statements too, so external
LRSs see them.

The pages show it: a share done (``Tally``) and where to go on
(``next_unit``), computed from an outline loaded once per page, and for
the learner home from the outlines of all the learner's courses at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from lms.activity import FIELD_ASSIGNMENT, H5P, activity_iri
from lms.models import ActivityProgress, ModulePage, UnitPage
from lms.progress import to_progress
from lms.progress_rules import (
    COMPLETED_STATUS,
    Completion,
    CourseRule,
    ModuleRule,
    Progress,
    Requirement,
    UnitRule,
    roll_up,
)

SYSTEM_AGENT_NAME = "chainon"


def _scaled_passing_score(value) -> float | None:
    """An editor's passing score (0-100, or empty) as xAPI's scaled score."""
    if value is None or value == "":
        return None
    try:
        percent = int(value)
    except (TypeError, ValueError):
        return None
    return min(max(percent, 0), 100) / 100


def _requirement(block) -> Requirement | None:
    value = block.get("value") or {}
    if block["type"] == "field_assignment":
        return Requirement(
            activity_iri(FIELD_ASSIGNMENT, block["id"]),
            required=bool(value.get("required", True)),
        )
    if block["type"] == "h5p_activity":
        return Requirement(
            activity_iri(H5P, block["id"]),
            required=bool(value.get("required", True)),
            passing_score=_scaled_passing_score(value.get("passing_score")),
        )
    return None


def unit_rule(unit) -> UnitRule:
    """A unit's rule: its field assignments and H5P activities are its
    tracked activities, required unless the editor untick it (an H5P
    activity may also ask for a passing score); a unit without any is
    complete when the learner marks it done.  Read from the raw stream
    data: no block is rendered or validated to build a rule."""
    requirements = (
        _requirement(block) for block in unit.body.raw_data if block.get("id")
    )
    return UnitRule(unit.activity_iri, tuple(r for r in requirements if r))


def course_rule(course, outline=None) -> CourseRule:
    """The completion rules of a course, from its outline (loaded if not given)."""
    modules = course.outline() if outline is None else outline
    return CourseRule(
        course.activity_iri,
        tuple(
            ModuleRule(
                module.activity_iri,
                tuple(unit_rule(unit) for unit in module.unit_list),
            )
            for module in modules
        ),
    )


def _rule_iris(rule: CourseRule) -> list[str]:
    iris = [unit.iri for module in rule.modules for unit in module.units]
    iris += [
        requirement.iri
        for module in rule.modules
        for unit in module.units
        for requirement in unit.requirements
    ]
    return [*iris, *(module.iri for module in rule.modules), rule.iri]


def learner_progress(user, *rules: CourseRule) -> dict[str, Progress]:
    """The learner's progress on the activities of these courses (one query)."""
    iris = [iri for rule in rules for iri in _rule_iris(rule)]
    rows = ActivityProgress.objects.filter(learner=user, activity__in=iris)
    return {row.activity: to_progress(row) for row in rows}


def course_completion(user, course, outline=None) -> Completion:
    rule = course_rule(course, outline)
    if not user.is_authenticated:
        return roll_up(rule, {})
    return roll_up(rule, learner_progress(user, rule))


def module_completion(user, module, units) -> Completion:
    """Which of a module's units the learner completed (one query, none if
    anonymous); ``modules`` says whether the module is complete."""
    rule = CourseRule(
        module.course.activity_iri,
        (
            ModuleRule(
                module.activity_iri,
                tuple(unit_rule(unit) for unit in units),
            ),
        ),
    )
    if not user.is_authenticated:
        return roll_up(rule, {})
    return roll_up(rule, learner_progress(user, rule))


def course_outlines(courses) -> dict[int, list]:
    """``CoursePage.outline()`` of several courses at once, by course id.

    The same live, public modules and units in the same order, with each
    module's ``unit_list``, in three queries whatever the number of courses.
    """
    courses = list(courses)
    if not courses:
        return {}
    private = ModulePage.objects.all().private_q()  # one query, used twice
    modules_q, units_q = Q(pk__in=[]), Q(pk__in=[])
    for course in courses:
        modules_q |= Q(path__startswith=course.path, depth=course.depth + 1)
        units_q |= Q(path__startswith=course.path, depth=course.depth + 2)
    modules = ModulePage.objects.live().filter(modules_q).exclude(private)
    units = UnitPage.objects.live().filter(units_q).exclude(private)
    steplen = ModulePage.steplen
    by_course = {course.path: [] for course in courses}
    by_module = {}
    for module in modules.order_by("path"):
        module.unit_list = by_module[module.path] = []
        by_course[module.path[:-steplen]].append(module)
    for unit in units.order_by("path"):
        by_module.get(unit.path[:-steplen], []).append(unit)
    return {course.pk: by_course[course.path] for course in courses}


def courses_completion(user, courses, outlines: dict) -> dict[int, Completion]:
    """Each course's completion by course id, from ``course_outlines``, in
    one query."""
    rules = {
        course.pk: course_rule(course, outlines.get(course.pk, []))
        for course in courses
    }
    progress = learner_progress(user, *rules.values()) if rules else {}
    return {pk: roll_up(rule, progress) for pk, rule in rules.items()}


def outline_units(outline) -> list:
    """The units of an outline in reading order."""
    return [unit for module in outline for unit in module.unit_list]


def next_unit(outline_units, completion: Completion):
    """Where to go on: the first unit, in reading order, not yet completed.

    None when every unit is complete (or there is none).  Pure: units need
    only an ``activity_iri``.
    """
    return next(
        (
            unit
            for unit in outline_units
            if not completion.units.get(unit.activity_iri, False)
        ),
        None,
    )


@dataclass(frozen=True)
class Tally:
    """How many of some units a learner completed, for a progress bar."""

    done: int
    total: int

    @classmethod
    def of(cls, units, completion: Completion) -> "Tally":
        done = sum(bool(completion.units.get(unit.activity_iri)) for unit in units)
        return cls(done, len(units))

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class CourseProgress:
    """What a course card or course page shows: the share done and the way on.

    ``next_unit`` is where "Start" (nothing done yet) or "Resume" leads;
    ``completed`` when every unit is done.
    """

    tally: Tally
    next_unit: object | None

    @classmethod
    def of(cls, outline, completion: Completion) -> "CourseProgress":
        units = outline_units(outline)
        return cls(Tally.of(units, completion), next_unit(units, completion))

    @property
    def started(self) -> bool:
        return self.tally.done > 0

    @property
    def completed(self) -> bool:
        return self.tally.total > 0 and self.next_unit is None


def follows(user, course) -> bool:
    """Whether the person follows the course as a learner, so the page shows
    their progress and the way on: an active enrolment in one of its
    cohorts, or anyone signed in when the course is open.  One query at most."""
    from lms.access import active_enrollment

    if not user.is_authenticated:
        return False
    return course.is_open or active_enrollment(user, course) is not None


def system_authority() -> dict:
    return {
        "objectType": "Agent",
        "name": "Chaînon",
        "account": {
            "homePage": settings.CHAINON_ACTIVITY_ROOT,
            "name": SYSTEM_AGENT_NAME,
        },
    }


COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def settle_completions(user, course, rule=None):
    """Record, as Chaînon's ``completed`` statements, every unit, module and
    the course the learner has completed by the rules but that has no
    completion of its own yet.

    Idempotent (what is recorded is not recorded again), and it needs no
    "before": whichever statement completed the last requirement (an H5P
    score, an accepted report, "mark as done"), the next call settles it.
    """
    from lms.xapi.agents import learner_agent
    from lms.xapi.store import store_statements

    rule = rule or course_rule(course)
    progress = learner_progress(user, rule)
    completion = roll_up(rule, progress)
    done = [iri for iri, complete in completion.units.items() if complete]
    done += [iri for iri, complete in completion.modules.items() if complete]
    if completion.course:
        done.append(course.activity_iri)
    missing = [
        iri
        for iri in done
        if iri not in progress or progress[iri].status != COMPLETED_STATUS
    ]
    if missing:
        store_statements(
            [
                {
                    "actor": learner_agent(user),
                    "verb": {"id": COMPLETED},
                    "object": {"id": iri},
                }
                for iri in missing
            ],
            authority=system_authority(),
            user=user,
        )
    if completion.course and course.activity_iri in missing:
        from lms.credentials import issue_credential

        issue_credential(user, course)
    return completion


def settle_after_h5p(user, iris) -> None:
    """After a learner's H5P statements: the units holding those activities,
    and their modules and courses, may now be complete."""
    from lms.xapi.access import h5p_units

    courses = {}
    for iri in set(iris):
        for unit in h5p_units(iri):
            course = unit.course
            courses[course.pk] = course
    for course in courses.values():
        settle_completions(user, course)


def mark_unit_done(user, unit, outline=None):
    """Record the learner's "completed" for a unit, and what it completes."""
    from lms.xapi.agents import learner_agent
    from lms.xapi.store import store_statements

    course = unit.course
    rule = course_rule(course, outline)
    agent = learner_agent(user)
    store_statements(
        [
            {
                "actor": agent,
                "verb": {"id": COMPLETED},
                "object": {"id": unit.activity_iri},
                "context": {
                    "contextActivities": {
                        "parent": [{"id": unit.module.activity_iri}],
                        "grouping": [{"id": course.activity_iri}],
                    }
                },
            }
        ],
        authority=agent,
        user=user,
        force_actor=agent,
    )
    return settle_completions(user, course, rule)


def has_required_activities(unit) -> bool:
    """Whether the unit completes through its activities, not "mark as done"."""
    return any(r.required for r in unit_rule(unit).requirements)


def accept_field_report(report, trainer):
    """A trainer accepted a field report: the assignment is completed (with
    the trainer as instructor), and so may be its unit, module and course."""
    from lms.xapi.agents import learner_agent
    from lms.xapi.store import store_statements

    learner = report.enrollment.learner
    unit = report.unit
    language = unit.locale.language_code if unit else settings.LANGUAGE_CODE
    statement = {
        "actor": learner_agent(learner),
        "verb": {"id": COMPLETED},
        "object": {
            "id": activity_iri(FIELD_ASSIGNMENT, report.assignment_id),
            "definition": {
                "name": {language: report.assignment_title},
                "type": "http://adlnet.gov/expapi/activities/assessment",
            },
        },
        "result": {"completion": True, "success": True},
        "context": {"instructor": learner_agent(trainer)},
    }
    if unit is None:  # the unit was deleted: the record stays, nothing rolls up
        store_statements([statement], authority=system_authority(), user=learner)
        return None
    course = unit.course
    statement["context"]["contextActivities"] = {
        "parent": [{"id": unit.activity_iri}],
        "grouping": [{"id": course.activity_iri}],
    }
    store_statements([statement], authority=system_authority(), user=learner)
    return settle_completions(learner, course)
