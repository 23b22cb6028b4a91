"""The demo's participants and their history, recorded as production does.

Progress is never written to ``ActivityProgress`` directly: each
participant's history becomes the xAPI statements Chaînon itself would
have stored (a learner's "mark as done" and H5P score, a trainer's
acceptance of a field report, then the unit, module and course
completions that ``settle_completions`` adds), and ``store_statements``
folds them into progress.  The only difference is the explicit
``timestamp``: the real functions stamp "now", the demo needs months of
history for the charts, the "active in the last 30 days" figure and the
stalled flags.

Every run gives the same statements: their ids are derived from the
participant and the activity, their timestamps from the cohort's start
date, which the first run fixed.  A participant who already has
statements is skipped, so a second run stores nothing and stays fast.
"""

import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone

from cms.roles import LEARNER
from lms.activity import FIELD_ASSIGNMENT, H5P, activity_iri
from lms.course_progress import COMPLETED, system_authority, unit_rule
from lms.credentials import issue_missing
from lms.models import (
    ActivityProgress,
    Cohort,
    Contribution,
    CoursePage,
    Enrollment,
    FieldReport,
    ModulePage,
    ReportEvent,
    Statement,
    UnitPage,
)
from lms.xapi.agents import learner_agent
from lms.xapi.store import store_statements

from . import learners
from .course import COHORTS as SPRING_COHORTS
from .course import COURSE
from .courses import create_cohort

SOURCE_LANGUAGE = "fr"
NAMESPACE = uuid.UUID("0b8d7a4e-3c1f-4f3e-9a57-6c2f1e4d8b21")
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def _number(*parts) -> int:
    """A stable number from text (``hash`` changes from one run to the next)."""
    return zlib.crc32("/".join(str(p) for p in parts).encode())


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- The course as a sequence of steps ------------------------------------------


@dataclass(frozen=True)
class Step:
    """One unit in reading order, and what completes it."""

    unit_key: str
    unit_iri: str
    module_iri: str
    module_key: str
    assignment_id: str = ""  # a required field assignment's block id
    h5p_id: str = ""  # an H5P activity's block id
    h5p_required: bool = False
    closes_module: bool = False


def _steps(outline) -> list[Step]:
    steps = []
    for module in outline:
        units = module.unit_list
        for position, unit in enumerate(units):
            rule = unit_rule(unit)
            required = {r.iri for r in rule.requirements if r.required}
            assignment = h5p = ""
            h5p_required = False
            for block in unit.body.raw_data:
                kind = block.get("type")
                if kind == "field_assignment" and block.get("id"):
                    iri = activity_iri(FIELD_ASSIGNMENT, block["id"])
                    if iri in required and not assignment:
                        assignment = block["id"]
                elif kind == "h5p_activity" and block.get("id") and not h5p:
                    h5p = block["id"]
                    h5p_required = activity_iri(H5P, h5p) in required
            steps.append(
                Step(
                    str(unit.translation_key),
                    unit.activity_iri,
                    module.activity_iri,
                    str(module.translation_key),
                    assignment,
                    h5p,
                    h5p_required,
                    position == len(units) - 1,
                )
            )
    return steps


# -- Cohorts, people, enrolments -----------------------------------------------------


@dataclass
class DemoCohort:
    cohort: Cohort
    key: str
    start_offset_days: int
    trainers: list

    def moment(self, days_ago: int, *salt) -> datetime:
        """When something ``days_ago`` days before the first seed happened:
        counted from the cohort's start, at a stable time of the day."""
        day = self.cohort.start_date + timedelta(
            days=-self.start_offset_days - days_ago
        )
        number = _number(*salt)
        clock = time(8 + number % 10, (number // 10) % 60)
        return datetime.combine(day, clock, tzinfo=UTC)


def _ensure_cohorts(course) -> dict[str, DemoCohort]:
    User = get_user_model()
    emails = {e for data in learners.COHORTS for e in data["trainers"]}
    trainers = {u.email: u for u in User.objects.filter(email__in=emails)}
    today = timezone.localdate()
    found = {}
    for data in learners.COHORTS:
        cohort = Cohort.objects.filter(name=data["name"]).first()
        if cohort is None:
            cohort = create_cohort(course, data, data["name"], today)
            cohort.trainers.add(*(trainers[e] for e in data["trainers"]))
        found[data["key"]] = DemoCohort(
            cohort,
            data["key"],
            data["start_offset_days"],
            [trainers[e] for e in data["trainers"] if e in trainers],
        )
    for data in SPRING_COHORTS:
        cohort = Cohort.objects.filter(name=data["name"][data["language"]]).first()
        if cohort is not None:
            found[data["key"]] = DemoCohort(
                cohort,
                data["key"],
                data["start_offset_days"],
                list(cohort.trainers.order_by("pk")),
            )
    return found


def _consent_moment(plan, cohorts) -> datetime | None:
    if not plan["reasons"] or not plan["consent"]:
        return None
    return _enrolled_at(plan, cohorts[plan["cohort"]])


def _enrolled_at(plan, place: DemoCohort) -> datetime:
    """Some ten days before the cohort started, never in the future."""
    days = 10 + _number(plan["email"], "enrolled") % 3
    day = place.cohort.start_date - timedelta(days=days)
    moment = datetime.combine(day, time(10, 0), tzinfo=UTC)
    return min(moment, timezone.now())


def _ensure_people(cohorts) -> dict:
    """The participants (made once, with their profile) and the existing
    learners' profiles, filled in only while still empty."""
    User = get_user_model()
    plans = [p for p in learners.PARTICIPANTS if p["cohort"] in cohorts]
    emails = [p["email"] for p in plans] + [p["email"] for p in learners.EXISTING]
    users = {u.email: u for u in User.objects.filter(email__in=emails)}
    missing = []
    for plan in plans:
        if plan["email"] in users:
            continue
        user = User(
            email=plan["email"],
            username=plan["email"],
            first_name=plan["first_name"],
            last_name=plan["last_name"],
            country=plan["country"],
            organisation=plan["organisation"],
            territorial_role=plan["role"],
            birth_year=plan["birth_year"],
            fewer_opportunities=list(plan["reasons"]),
            fewer_opportunities_consent_at=_consent_moment(plan, cohorts),
        )
        user.set_unusable_password()
        missing.append(user)
    if missing:
        User.objects.bulk_create(missing)
        created = User.objects.filter(email__in=[u.email for u in missing])
        learner_group = Group.objects.get(name=LEARNER)
        User.groups.through.objects.bulk_create(
            [
                User.groups.through(user_id=pk, group_id=learner_group.pk)
                for pk in created.values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
        )
        users.update({u.email: u for u in created})
    for profile in learners.EXISTING:
        user = users.get(profile["email"])
        untouched = user is not None and not (
            user.country
            or user.organisation
            or user.territorial_role
            or user.birth_year
        )
        if untouched:
            user.country = profile["country"]
            user.organisation = profile["organisation"]
            user.territorial_role = profile["role"]
            user.birth_year = profile["birth_year"]
            user.save(
                update_fields=[
                    "country",
                    "organisation",
                    "territorial_role",
                    "birth_year",
                ]
            )
    return users


def _all_plans(cohorts):
    for plan in learners.PARTICIPANTS:
        if plan["cohort"] in cohorts:
            yield plan
    for plan in learners.EXISTING:
        if plan["cohort"] in cohorts:
            yield {"units": [], "awaiting": None, **plan}


def _ensure_enrolments(plans, users, cohorts) -> dict:
    """Each participant in their cohort, enrolled before it started."""
    wanted = [
        (plan, users[plan["email"]], cohorts[plan["cohort"]])
        for plan in plans
        if plan["email"] in users
    ]
    existing = {
        (e.cohort_id, e.learner_id): e
        for e in Enrollment.objects.filter(
            learner__in=[user for _plan, user, _place in wanted]
        ).select_related("learner")
    }
    new, moved = [], []
    for plan, user, place in wanted:
        enrolment = existing.get((place.cohort.pk, user.pk))
        enrolled_at = _enrolled_at(plan, place)
        if enrolment is None:
            joined = _number(plan["email"], "source") % 3 == 0
            enrolment = Enrollment(
                cohort=place.cohort,
                learner=user,
                source=Enrollment.Source.JOINED if joined else Enrollment.Source.ADDED,
                created_at=enrolled_at,
            )
            new.append(enrolment)
            existing[(place.cohort.pk, user.pk)] = enrolment
        elif enrolment.created_at > enrolled_at:
            # Made "now" by another part of the seed: moved back to when a
            # learner of this cohort would have enrolled.
            enrolment.created_at = enrolled_at
            moved.append(enrolment)
    Enrollment.objects.bulk_create(new)
    if moved:
        Enrollment.objects.bulk_update(moved, ["created_at"])
    return {
        plan["email"]: existing[(place.cohort.pk, user.pk)]
        for plan, user, place in wanted
    }


# -- A participant's history -----------------------------------------------------------


@dataclass
class History:
    """What one participant's plan becomes: statements by authority, reports."""

    learner_statements: list
    system_statements: list
    reports: list  # (FieldReport, [ReportEvent])


class _Writer:
    def __init__(self, steps, units_by_language, place, enrolment, plan):
        self.steps = steps
        self.units = units_by_language
        self.place = place
        self.enrolment = enrolment
        self.plan = plan
        self.learner = enrolment.learner
        self.agent = learner_agent(self.learner)
        self.course_iri = place.cohort.course.activity_iri
        self.language = place.cohort.language
        self.trainer = place.trainers[0] if place.trainers else None

    def moment(self, days_ago, *salt):
        return self.place.moment(days_ago, self.plan["email"], *salt)

    def statement(self, name, verb, target, when, **extra):
        return {
            "id": _id(self.plan["email"], name, target["id"]),
            "actor": self.agent,
            "verb": {"id": verb},
            "object": target,
            "timestamp": _stamp(when),
            **extra,
        }

    def unit_context(self, step):
        return {
            "contextActivities": {
                "parent": [{"id": step.unit_iri}],
                "grouping": [{"id": self.course_iri}],
            }
        }

    def completion(self, iri, when):
        """What ``settle_completions`` records, at the moment it happened."""
        return self.statement("settled", COMPLETED, {"id": iri}, when)

    def history(self) -> History | None:
        now = timezone.now()
        # A unit "done" after now (a cohort whose start was moved later)
        # has simply not happened yet.
        moments = [
            self.moment(days_ago, step.unit_iri)
            for step, days_ago in zip(self.steps, self.plan["units"], strict=False)
        ]
        done = [moment for moment in moments if moment < now]
        if not done:
            return None
        mine, system, reports = [], [], []
        assignments = [s for s in self.steps if s.assignment_id]
        for step, when in zip(self.steps, done, strict=False):
            if step.h5p_id:
                mine.append(self.h5p(step, when - timedelta(minutes=7)))
            if step.assignment_id:
                number = assignments.index(step)
                reports.append(self.report(step, number, when, accepted=True))
                system.append(self.acceptance(step, when))
                system.append(self.completion(step.unit_iri, when + timedelta(0, 1)))
            elif step.h5p_required:
                system.append(self.completion(step.unit_iri, when + timedelta(0, 1)))
            else:
                mine.append(self.marked_done(step, when))
            if step.closes_module:
                system.append(self.completion(step.module_iri, when + timedelta(0, 2)))
            if step is self.steps[-1]:
                system.append(self.completion(self.course_iri, when + timedelta(0, 3)))
        if self.plan["awaiting"] is not None:
            step = self.steps[len(done)] if len(done) < len(self.steps) else None
            if step is None or not step.assignment_id:
                raise ValueError(
                    f"{self.plan['email']}: a report waits only for the field "
                    "assignment of the unit after the last one done"
                )
            submitted = self.moment(self.plan["awaiting"], "awaiting")
            if submitted < now:
                number = assignments.index(step)
                reports.append(self.report(step, number, submitted, accepted=False))
        return History(mine, system, reports)

    def marked_done(self, step, when):
        """The statement of ``mark_unit_done``."""
        target = {"id": step.unit_iri}
        context = {
            "contextActivities": {
                "parent": [{"id": step.module_iri}],
                "grouping": [{"id": self.course_iri}],
            }
        }
        return self.statement("done", COMPLETED, target, when, context=context)

    def h5p(self, step, when):
        """The H5P player's statement at the end of the activity."""
        number = _number(self.plan["email"], step.h5p_id)
        raw = 3 + number % 3  # out of 5
        target = {
            "id": activity_iri(H5P, step.h5p_id),
            "definition": {"type": INTERACTION},
        }
        result = {
            "score": {"min": 0, "max": 5, "raw": raw, "scaled": raw / 5},
            "success": raw >= 3,
            "completion": True,
            "duration": f"PT{2 + number % 4}M{number % 60}S",
        }
        return self.statement(
            "h5p",
            COMPLETED,
            target,
            when,
            result=result,
            context=self.unit_context(step),
        )

    def acceptance(self, step, when):
        """The statement of ``accept_field_report``."""
        unit = self.units.get((self.language, step.unit_key))
        target = {
            "id": activity_iri(FIELD_ASSIGNMENT, step.assignment_id),
            "definition": {
                "name": {self.language: _assignment_title(unit, step)},
                "type": ASSESSMENT,
            },
        }
        context = self.unit_context(step)
        if self.trainer is not None:
            context["instructor"] = learner_agent(self.trainer)
        return self.statement(
            "accepted",
            COMPLETED,
            target,
            when,
            result={"completion": True, "success": True},
            context=context,
        )

    def report(self, step, number, when, *, accepted):
        """The report (and its history) as the learner and trainer made it:
        submitted a few days before it was accepted."""
        email = self.plan["email"]
        unit = self.units.get((self.language, step.unit_key))
        key = self.place.key
        submitted = (
            when - timedelta(days=1 + _number(email, number) % 3) if accepted else when
        )
        texts = learners.REPORT_TEXTS.get(self.language) or learners.REPORT_TEXTS["en"]
        places = learners.PLACES.get(key, [])
        report = FieldReport(
            enrollment=self.enrolment,
            unit=unit,
            assignment_id=step.assignment_id,
            assignment_title=_assignment_title(unit, step)[:200],
            body=texts[number % len(texts)],
            place=places[number] if number < len(places) else "",
            action_date=(submitted - timedelta(days=2)).date(),
            people_reached=[8, 6, 5][number % 3]
            + _number(email, "people", number) % 18,
            partners_involved=self.place.cohort.partner.name,
            status=(
                FieldReport.Status.ACCEPTED
                if accepted
                else FieldReport.Status.SUBMITTED
            ),
            submitted_at=submitted,
        )
        events = [
            ReportEvent(
                id=uuid.UUID(_id(email, "submitted", step.assignment_id)),
                report=report,
                kind=ReportEvent.Kind.SUBMITTED,
                actor=self.learner,
                snapshot={
                    "body": report.body,
                    "place": report.place,
                    "action_date": report.action_date.isoformat(),
                    "people_reached": report.people_reached,
                    "partners_involved": report.partners_involved,
                    "attachments": [],
                },
                created_at=submitted,
            )
        ]
        if accepted:
            events.append(
                ReportEvent(
                    id=uuid.UUID(_id(email, "reviewed", step.assignment_id)),
                    report=report,
                    kind=ReportEvent.Kind.REVIEWED,
                    actor=self.trainer,
                    status=FieldReport.Status.ACCEPTED,
                    feedback=learners.FEEDBACK.get(
                        self.language, learners.FEEDBACK["en"]
                    ),
                    created_at=when,
                )
            )
        return report, events


def _assignment_title(unit, step) -> str:
    if unit is not None:
        for block in unit.body.raw_data:
            if block.get("id") == step.assignment_id:
                return (block.get("value") or {}).get("title") or unit.title
    return step.unit_key


def _units_by_language(course) -> dict:
    """Every translation of the course's units, by (language, translation key)."""
    keys = UnitPage.objects.descendant_of(course).values_list(
        "translation_key", flat=True
    )
    return {
        (unit.locale.language_code, str(unit.translation_key)): unit
        for unit in UnitPage.objects.filter(translation_key__in=list(keys))
        .select_related("locale")
        .live()
    }


def _save_reports(histories):
    """The reports in two inserts, then their dates set to the history's."""
    pairs = [pair for history in histories for pair in history.reports]
    if not pairs:
        return 0
    wanted = Q()
    for report, _events in pairs:
        wanted |= Q(enrollment=report.enrollment, assignment_id=report.assignment_id)
    known = set(
        FieldReport.objects.filter(wanted).values_list("enrollment_id", "assignment_id")
    )
    pairs = [
        (report, events)
        for report, events in pairs
        if (report.enrollment.pk, uuid.UUID(str(report.assignment_id))) not in known
    ]
    FieldReport.objects.bulk_create([report for report, _events in pairs])
    events = []
    for report, report_events in pairs:
        for event in report_events:
            event.report = report
            events.append(event)
    ReportEvent.objects.bulk_create(events, ignore_conflicts=True)
    for report, report_events in pairs:
        FieldReport.objects.filter(pk=report.pk).update(
            created_at=report.submitted_at - timedelta(hours=2),
            updated_at=report_events[-1].created_at,
        )
    return len(pairs)


def _record(enrolments, plans, cohorts, course) -> tuple[int, int]:
    """Store the history of every participant who has none yet."""
    outline = course.outline()
    steps = _steps(outline)
    units = _units_by_language(course)
    learner_ids = [e.learner_id for e in enrolments.values()]
    recorded = set(
        Statement.objects.filter(user_id__in=learner_ids)
        .values_list("user_id", flat=True)
        .distinct()
    )
    histories = []
    statements = 0
    for plan in plans:
        enrolment = enrolments.get(plan["email"])
        if enrolment is None or enrolment.learner_id in recorded:
            continue
        writer = _Writer(steps, units, cohorts[plan["cohort"]], enrolment, plan)
        history = writer.history()
        if history is None:
            continue
        learner = enrolment.learner
        if history.learner_statements:
            agent = learner_agent(learner)
            store_statements(
                history.learner_statements,
                authority=agent,
                user=learner,
                force_actor=agent,
            )
        if history.system_statements:
            store_statements(
                history.system_statements, authority=system_authority(), user=learner
            )
        statements += len(history.learner_statements) + len(history.system_statements)
        histories.append(history)
    return statements, _save_reports(histories)


def _ensure_contributions(users, cohorts, course) -> int:
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    language_of = {}
    for plan in learners.PARTICIPANTS:
        if plan["cohort"] in cohorts:
            language_of[plan["email"]] = cohorts[plan["cohort"]]
    keys = {
        uuid.UUID(_id("contribution", item["author"], item["title"])): item
        for item in learners.CONTRIBUTIONS
    }
    known = set(
        Contribution.objects.filter(form_key__in=list(keys)).values_list(
            "form_key", flat=True
        )
    )
    new = []
    for form_key, item in keys.items():
        author = users.get(item["author"])
        place = language_of.get(item["author"])
        if form_key in known or author is None or place is None:
            continue
        if item["module"] >= len(modules):
            continue
        module = modules[item["module"]]
        localised = module.get_translation_or_none(
            _locale(place.cohort.language, module)
        )
        reviewed = item["reviewed"]
        trainer = place.trainers[0] if place.trainers else None
        new.append(
            Contribution(
                module=(localised or module),
                module_key=module.translation_key,
                course_key=course.translation_key,
                author=author,
                kind=item["kind"],
                title=item["title"],
                body=item["body"],
                status=(
                    Contribution.Status.ACCEPTED
                    if reviewed is not None
                    else Contribution.Status.SUBMITTED
                ),
                reviewer=trainer if reviewed is not None else None,
                reviewed_at=(
                    place.moment(reviewed, item["title"], "reviewed")
                    if reviewed is not None
                    else None
                ),
                form_key=form_key,
                created_at=place.moment(item["created"], item["title"]),
            )
        )
    Contribution.objects.bulk_create(new)
    return len(new)


def _locale(language, page):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first() or page.locale


# -- Entry point -----------------------------------------------------------------------


@dataclass
class ProgressSummary:
    participants: int = 0
    cohorts: int = 0
    statements: int = 0
    reports: int = 0
    contributions: int = 0
    completed: int = 0
    awaiting: int = 0
    skipped: str = ""

    def line(self) -> str:
        if self.skipped:
            return f"Demo progress skipped: {self.skipped}"
        added = (
            f"added {self.statements} statements, {self.reports} field reports, "
            f"{self.contributions} contributions"
            if self.statements or self.reports or self.contributions
            else "nothing added"
        )
        return (
            f"Demo progress: {self.participants} participants in "
            f"{self.cohorts} cohorts, {self.completed} completed the course, "
            f"{self.awaiting} field reports wait for feedback ({added})."
        )


def ensure_demo_progress() -> ProgressSummary:
    """The participants, their cohorts and their history, once."""
    course = CoursePage.objects.filter(
        locale__language_code=SOURCE_LANGUAGE, slug=COURSE["slug"]
    ).first()
    if course is None:
        return ProgressSummary(skipped="the demo course is missing.")
    cohorts = _ensure_cohorts(course)
    users = _ensure_people(cohorts)
    plans = list(_all_plans(cohorts))
    enrolments = _ensure_enrolments(plans, users, cohorts)
    statements, reports = _record(enrolments, plans, cohorts, course)
    contributions = _ensure_contributions(users, cohorts, course)
    # The statements were stored as history, not through "mark as done":
    # the attestations of the finished courses are issued here.
    issue_missing()
    learner_ids = [e.learner_id for e in enrolments.values()]
    return ProgressSummary(
        participants=len(enrolments),
        cohorts=len(cohorts),
        statements=statements,
        reports=reports,
        contributions=contributions,
        completed=ActivityProgress.objects.filter(
            learner_id__in=learner_ids,
            activity=course.activity_iri,
            status=ActivityProgress.Status.COMPLETED,
        ).count(),
        awaiting=FieldReport.objects.filter(
            enrollment__in=enrolments.values(), status=FieldReport.Status.SUBMITTED
        ).count(),
    )
