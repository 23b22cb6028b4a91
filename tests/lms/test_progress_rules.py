"""Statements into progress, progress into completion (lms/progress_rules.py)."""

import itertools

import pytest

from lms.progress_rules import (
    ANSWERED,
    COMPLETED,
    EXPERIENCED,
    FAILED,
    PASSED,
    CourseRule,
    Fact,
    ModuleRule,
    Progress,
    Requirement,
    UnitRule,
    duration_seconds,
    fact_from_statement,
    fold,
    newly_completed,
    roll_up,
)

QUIZ = "https://chainon.example/xapi/activities/h5p/quiz"


def fact(n, verb, **result):
    return Fact(
        statement_id=f"00000000-0000-4000-8000-00000000000{n}",
        verb=verb,
        timestamp=f"2026-11-30T10:0{n}:00Z",
        **result,
    )


FACTS = [
    fact(1, EXPERIENCED, duration="PT2M"),
    fact(2, ANSWERED, scaled=0.4, success=False, duration="PT3M"),
    fact(3, FAILED, scaled=0.5, duration="PT1M30S"),
    fact(4, PASSED, scaled=0.9, success=True, completion=True, duration="PT4M"),
    fact(5, ANSWERED, scaled=0.7, duration="PT1M"),
]


def test_a_learners_attempts_fold_into_one_record():
    progress = fold(FACTS)
    assert progress.status == "completed"
    assert progress.success is True
    assert progress.best_score == 0.9
    assert progress.last_score == 0.7  # the latest scored statement
    assert progress.attempts == 4  # experienced is no attempt
    assert progress.first_at == "2026-11-30T10:01:00Z"
    assert progress.last_at == "2026-11-30T10:05:00Z"
    assert progress.time_spent == 2 * 60 + 3 * 60 + 90 + 4 * 60 + 60


def test_the_order_of_arrival_never_changes_the_record():
    expected = fold(FACTS)
    for order in itertools.permutations(FACTS):
        assert fold(order) == expected


def test_a_failure_alone_is_a_failure_and_nothing_is_not_started():
    assert fold([fact(1, FAILED, scaled=0.2)]).success is False
    assert fold([fact(1, FAILED)]).status == "in_progress"
    assert fold([]) == Progress()


@pytest.mark.parametrize(
    ("duration", "seconds"),
    [("PT1H30M", 5400), ("P1D", 86400), ("PT0.5S", 0.5), ("P1W", 604800), ("", 0)],
)
def test_durations_in_seconds(duration, seconds):
    assert duration_seconds(duration) == seconds


def test_statements_become_facts_and_sub_questions_do_not_count():
    statement = {
        "id": "00000000-0000-4000-8000-000000000001",
        "verb": {"id": ANSWERED},
        "timestamp": "2026-11-30T10:00:00Z",
        "result": {"score": {"scaled": 1}, "success": True},
    }
    assert fact_from_statement(statement).scaled == 1
    question = {
        **statement,
        "context": {"contextActivities": {"parent": [{"id": QUIZ}]}},
    }
    assert fact_from_statement(question) is None
    liked = {**statement, "verb": {"id": "http://activitystrea.ms/schema/1.0/like"}}
    assert fact_from_statement(liked) is None


# -- Roll-up -----------------------------------------------------------------------


def course(passing_score=None):
    text_unit = UnitRule("unit:text")
    quiz_unit = UnitRule(
        "unit:quiz",
        (
            Requirement(QUIZ, required=True, passing_score=passing_score),
            Requirement("video", required=False),
        ),
    )
    return CourseRule(
        "course",
        (
            ModuleRule("module:1", (text_unit, quiz_unit)),
            ModuleRule("module:2", (UnitRule("unit:last"),)),
        ),
    )


def done(*facts):
    return fold(facts or [fact(1, COMPLETED)])


def test_units_modules_and_the_course_complete_in_turn():
    progress = {}
    completion = roll_up(course(), progress)
    assert completion.share == 0 and not completion.course

    progress["unit:text"] = done()  # marked done by the learner
    progress[QUIZ] = done(fact(1, PASSED, scaled=0.8))
    middle = roll_up(course(), progress)
    assert middle.units == {"unit:text": True, "unit:quiz": True, "unit:last": False}
    assert middle.modules == {"module:1": True, "module:2": False}
    assert not middle.course
    assert middle.share == pytest.approx(2 / 3)

    progress["unit:last"] = done()
    final = roll_up(course(), progress)
    assert final.course
    assert newly_completed(middle, final) == ["unit:last", "module:2"]


def test_optional_activities_do_not_hold_a_unit_back_and_passing_scores_do():
    progress = {"unit:text": done(), QUIZ: done(fact(1, COMPLETED, scaled=0.5))}
    assert roll_up(course(), progress).units["unit:quiz"]
    assert not roll_up(course(passing_score=0.6), progress).units["unit:quiz"]
    progress[QUIZ] = done(
        fact(1, COMPLETED, scaled=0.5), fact(2, COMPLETED, scaled=0.7)
    )
    assert roll_up(course(passing_score=0.6), progress).units["unit:quiz"]


def test_a_failed_activity_without_passing_score_is_not_met():
    progress = {QUIZ: done(fact(1, COMPLETED), fact(2, FAILED))}
    assert not roll_up(course(), progress).units["unit:quiz"]
