"""How statements become progress, and progress rolls up (pure Python).

Each learner has one progress record per activity IRI, folded from the
statements about it.  The fold is commutative and runs once per stored
statement (the LRS stores each id once), so receiving statements out of
order gives the same record as receiving them in order, and rebuilding
from the statement store gives the live rows again.

Completion then rolls up: an activity is required or optional, with an
optional passing score; a unit is complete when its required activities
are (or, with none, when the learner marked it done), a module when its
units are, a course when its modules are.  Nothing here touches Django:
the models and the LRS view call these functions.
"""

import re
from dataclasses import dataclass, field, replace

VERBS = "http://adlnet.gov/expapi/verbs/"
COMPLETED = VERBS + "completed"
PASSED = VERBS + "passed"
FAILED = VERBS + "failed"
ANSWERED = VERBS + "answered"
EXPERIENCED = VERBS + "experienced"
PROGRESSED = "http://adlnet.gov/expapi/verbs/progressed"
TRACKED_VERBS = {COMPLETED, PASSED, FAILED, ANSWERED, EXPERIENCED, PROGRESSED}
ATTEMPT_VERBS = {COMPLETED, PASSED, FAILED, ANSWERED}

NOT_STARTED, IN_PROGRESS, COMPLETED_STATUS = "not_started", "in_progress", "completed"
STATUS_RANK = {NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED_STATUS: 2}

DURATION = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?"
    r"(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)
SECONDS = {
    "years": 365 * 86400,
    "months": 30 * 86400,
    "weeks": 7 * 86400,
    "days": 86400,
    "hours": 3600,
    "minutes": 60,
    "seconds": 1,
}


def duration_seconds(value: str | None) -> float:
    """An ISO 8601 duration in seconds (months as 30 days: time on task only)."""
    match = DURATION.match(value or "")
    if not match:
        return 0.0
    return sum(
        float(amount) * SECONDS[unit]
        for unit, amount in match.groupdict().items()
        if amount
    )


@dataclass(frozen=True)
class Fact:
    """What one statement says about a learner and an activity."""

    statement_id: str
    verb: str
    timestamp: str  # UTC, as normalised by the validation
    completion: bool | None = None
    success: bool | None = None
    scaled: float | None = None
    duration: str | None = None
    has_parent: bool = False


def fact_from_statement(statement: dict) -> Fact | None:
    """The fact a validated statement brings, or None when it tracks nothing.

    An ``answered`` with a parent context activity is one question of a
    larger activity (an H5P quiz): it is not an attempt of its own.
    """
    verb = statement["verb"]["id"]
    if verb not in TRACKED_VERBS:
        return None
    result = statement.get("result", {})
    parents = statement.get("context", {}).get("contextActivities", {}).get("parent")
    if verb == ANSWERED and parents:
        return None
    return Fact(
        statement_id=statement["id"],
        verb=verb,
        timestamp=statement["timestamp"],
        completion=result.get("completion"),
        success=result.get("success"),
        scaled=result.get("score", {}).get("scaled"),
        duration=result.get("duration"),
        has_parent=bool(parents),
    )


@dataclass(frozen=True)
class Progress:
    status: str = NOT_STARTED
    success: bool | None = None
    best_score: float | None = None
    last_score: float | None = None
    last_score_at: tuple[str, str] | None = None  # (timestamp, statement id)
    attempts: int = 0
    first_at: str | None = None
    last_at: str | None = None
    time_spent: float = 0.0


def apply_fact(progress: Progress, fact: Fact) -> Progress:
    """Fold one fact in; the order of facts never changes the result."""
    completes = fact.verb in (COMPLETED, PASSED) or fact.completion is True
    status = COMPLETED_STATUS if completes else IN_PROGRESS
    if STATUS_RANK[progress.status] > STATUS_RANK[status]:
        status = progress.status
    success = progress.success
    if fact.verb == PASSED or fact.success is True:
        success = True
    elif (fact.verb == FAILED or fact.success is False) and success is None:
        success = False
    best, last, last_at = (
        progress.best_score,
        progress.last_score,
        progress.last_score_at,
    )
    if fact.scaled is not None:
        best = fact.scaled if best is None else max(best, fact.scaled)
        key = (fact.timestamp, fact.statement_id)
        if last_at is None or key > last_at:
            last, last_at = fact.scaled, key
    return replace(
        progress,
        status=status,
        success=success,
        best_score=best,
        last_score=last,
        last_score_at=last_at,
        attempts=progress.attempts + (fact.verb in ATTEMPT_VERBS),
        first_at=min(filter(None, [progress.first_at, fact.timestamp])),
        last_at=max(filter(None, [progress.last_at, fact.timestamp])),
        # In whole milliseconds at each step, so the sum is the same in any
        # order (floats added in another order differ in the last digits).
        time_spent=round(
            progress.time_spent + round(duration_seconds(fact.duration), 3), 3
        ),
    )


def fold(facts) -> Progress:
    progress = Progress()
    for fact in facts:
        progress = apply_fact(progress, fact)
    return progress


# -- Roll-up ---------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    """An activity of a unit: required or optional, maybe with a passing score."""

    iri: str
    required: bool = True
    passing_score: float | None = None

    def met_by(self, progress: Progress | None) -> bool:
        if progress is None or progress.status != COMPLETED_STATUS:
            return False
        if self.passing_score is None:
            return progress.success is not False
        return progress.best_score is not None and (
            progress.best_score >= self.passing_score
        )


@dataclass(frozen=True)
class UnitRule:
    iri: str
    requirements: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class ModuleRule:
    iri: str
    units: tuple[UnitRule, ...] = ()


@dataclass(frozen=True)
class CourseRule:
    iri: str
    modules: tuple[ModuleRule, ...] = ()


@dataclass
class Completion:
    """Which units, modules and the course are complete, and the share done."""

    units: dict[str, bool] = field(default_factory=dict)
    modules: dict[str, bool] = field(default_factory=dict)
    course: bool = False

    @property
    def share(self) -> float:
        if not self.units:
            return 0.0
        return sum(self.units.values()) / len(self.units)


def unit_complete(rule: UnitRule, progress: dict[str, Progress]) -> bool:
    required = [r for r in rule.requirements if r.required]
    if not required:
        # A unit of text only: complete when the learner marked it done,
        # which the unit page records as "completed" on the unit itself.
        own = progress.get(rule.iri)
        return own is not None and own.status == COMPLETED_STATUS
    return all(r.met_by(progress.get(r.iri)) for r in required)


def roll_up(course: CourseRule, progress: dict[str, Progress]) -> Completion:
    completion = Completion()
    for module in course.modules:
        for unit in module.units:
            completion.units[unit.iri] = unit_complete(unit, progress)
        completion.modules[module.iri] = bool(module.units) and all(
            completion.units[unit.iri] for unit in module.units
        )
    completion.course = bool(course.modules) and all(completion.modules.values())
    return completion


def newly_completed(before: Completion, after: Completion) -> list[str]:
    """IRIs completed by this change: each gets a Chaînon ``completed`` statement."""
    found = [
        iri for iri, done in after.units.items() if done and not before.units.get(iri)
    ]
    found += [
        iri
        for iri, done in after.modules.items()
        if done and not before.modules.get(iri)
    ]
    return found
