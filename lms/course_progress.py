"""A learner's completion of a course, from the page tree and their progress.

The tree gives the rules (which units make a module, which modules a
course; a unit of text only is complete when the learner marks it done,
units with tracked activities arrive with H5P), ``ActivityProgress`` gives
the facts, and ``progress_rules.roll_up`` decides.  Completing a unit may
complete its module and the course: Chaînon then records those
completions as statements too, so external LRSs see them.
"""

from django.conf import settings

from lms.models import ActivityProgress
from lms.progress import to_progress
from lms.progress_rules import (
    Completion,
    CourseRule,
    ModuleRule,
    Progress,
    UnitRule,
    newly_completed,
    roll_up,
)

SYSTEM_AGENT_NAME = "chainon"


def course_rule(course, outline=None) -> CourseRule:
    """The completion rules of a course, from its outline (loaded if not given)."""
    modules = course.outline() if outline is None else outline
    return CourseRule(
        course.activity_iri,
        tuple(
            ModuleRule(
                module.activity_iri,
                tuple(UnitRule(unit.activity_iri) for unit in module.unit_list),
            )
            for module in modules
        ),
    )


def learner_progress(user, rule: CourseRule) -> dict[str, Progress]:
    iris = [unit.iri for module in rule.modules for unit in module.units]
    iris += [module.iri for module in rule.modules] + [rule.iri]
    rows = ActivityProgress.objects.filter(learner=user, activity__in=iris)
    return {row.activity: to_progress(row) for row in rows}


def course_completion(user, course, outline=None) -> Completion:
    rule = course_rule(course, outline)
    if not user.is_authenticated:
        return roll_up(rule, {})
    return roll_up(rule, learner_progress(user, rule))


def system_authority() -> dict:
    return {
        "objectType": "Agent",
        "name": "Chaînon",
        "account": {
            "homePage": settings.CHAINON_ACTIVITY_ROOT,
            "name": SYSTEM_AGENT_NAME,
        },
    }


def mark_unit_done(user, unit):
    """Record the learner's "completed" for a unit, and what it completes."""
    from lms.xapi.agents import learner_agent
    from lms.xapi.store import store_statements

    course = unit.course
    rule = course_rule(course)
    before = roll_up(rule, learner_progress(user, rule))
    agent = learner_agent(user)
    store_statements(
        [
            {
                "actor": agent,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
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
    after = roll_up(rule, learner_progress(user, rule))
    completed = newly_completed(before, after)
    if after.course and not before.course:
        completed.append(course.activity_iri)
    completed = [iri for iri in completed if iri != unit.activity_iri]
    if completed:
        store_statements(
            [
                {
                    "actor": agent,
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                    "object": {"id": iri},
                }
                for iri in completed
            ],
            authority=system_authority(),
            user=user,
        )
    return after
