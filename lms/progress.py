"""Keeping ``ActivityProgress`` in step with the statement store.

``record`` runs in the transaction that stores new statements: it locks
each affected progress row (``select_for_update``), folds the new facts in
and saves, so two tabs sending statements at once never lose an update.
``rebuild`` folds every statement again from scratch; it gives the same
rows, since the fold does not depend on order.
"""

from collections import defaultdict
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lms.models import ActivityProgress, Statement
from lms.progress_rules import Progress, apply_fact, fact_from_statement, fold
from lms.xapi.agents import actor_ifi, learner_agent_for_id, learner_id_for
from lms.xapi.validation import StatementError, timestamp_to_utc

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def moment_of(stamp: str) -> datetime | None:
    """A progress row's ``first_at``/``last_at`` (a statement's timestamp as
    sent, with its offset) as an aware UTC datetime; None when empty or not
    a timestamp, which counts as no activity rather than an error page."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(timestamp_to_utc(stamp))
    except (StatementError, ValueError):
        return None


def to_progress(row: ActivityProgress) -> Progress:
    last_key = None
    if row.last_score_timestamp:
        last_key = (row.last_score_timestamp, row.last_score_statement)
    return Progress(
        status=row.status,
        success=row.success,
        best_score=row.best_score,
        last_score=row.last_score,
        last_score_at=last_key,
        attempts=row.attempts,
        first_at=row.first_at or None,
        last_at=row.last_at or None,
        time_spent=row.time_spent,
    )


def _fill(row: ActivityProgress, progress: Progress) -> ActivityProgress:
    row.status = progress.status
    row.success = progress.success
    row.best_score = progress.best_score
    row.last_score = progress.last_score
    row.last_score_timestamp, row.last_score_statement = progress.last_score_at or (
        "",
        "",
    )
    row.attempts = progress.attempts
    row.first_at = progress.first_at or ""
    row.last_at = progress.last_at or ""
    row.time_spent = progress.time_spent
    # bulk_update skips auto_now: set it, or a sync script asking what
    # changed since its last run (the API's ?updated_since=) never hears.
    row.updated_at = timezone.now()
    return row


def _facts_by_learner_and_activity(rows):
    grouped = defaultdict(list)
    for row in rows:
        if row.verb == VOIDED or row.voided or not row.activity:
            continue
        learner = learner_id_for(row.data, row.user_id)
        fact = fact_from_statement(row.data)
        if learner is not None and fact is not None:
            grouped[(learner, row.activity)].append(fact)
    return grouped


FIELDS = [
    "status",
    "success",
    "best_score",
    "last_score",
    "last_score_timestamp",
    "last_score_statement",
    "attempts",
    "first_at",
    "last_at",
    "time_spent",
    "updated_at",
]


def _known_learners(grouped):
    """Drop facts about accounts with no user behind them (a tool may name
    any account on Chaînon's root): they are stored, but make no progress."""
    wanted = {learner for learner, _activity in grouped}
    known = set(
        get_user_model().objects.filter(pk__in=wanted).values_list("pk", flat=True)
    )
    return {key: facts for key, facts in grouped.items() if key[0] in known}


def record(new_rows):
    """Fold freshly stored statements into progress (inside their transaction).

    A fixed number of queries per batch: missing rows made in one insert
    (a concurrent maker wins silently), every row locked in one query in a
    global order (two batches locking the same rows cannot deadlock), the
    new facts folded in, one bulk update.
    """
    grouped = _known_learners(_facts_by_learner_and_activity(new_rows))
    if not grouped:
        return
    keys = sorted(grouped)
    ActivityProgress.objects.bulk_create(
        [ActivityProgress(learner_id=who, activity=what) for who, what in keys],
        ignore_conflicts=True,
    )
    wanted = Q()
    for learner, activity in keys:
        wanted |= Q(learner_id=learner, activity=activity)
    rows = (
        ActivityProgress.objects.select_for_update()
        .filter(wanted)
        .order_by("learner_id", "activity")
    )
    changed = []
    for row in rows:
        progress = to_progress(row)
        for fact in grouped[(row.learner_id, row.activity)]:
            progress = apply_fact(progress, fact)
        changed.append(_fill(row, progress))
    ActivityProgress.objects.bulk_update(changed, FIELDS)


@transaction.atomic
def rebuild():
    """Every progress row again, from the stored statements only."""
    ActivityProgress.objects.all().delete()
    grouped = _known_learners(
        _facts_by_learner_and_activity(Statement.objects.iterator())
    )
    ActivityProgress.objects.bulk_create(
        _fill(ActivityProgress(learner_id=learner, activity=activity), fold(facts))
        for (learner, activity), facts in grouped.items()
    )
    return len(grouped)


def refold(statement_ids):
    """After voiding: the affected rows folded again without the voided ones."""
    voided = Statement.objects.filter(pk__in=statement_ids)
    pairs = _known_learners(
        {
            (learner_id_for(row.data, row.user_id), row.activity): []
            for row in voided
            if row.activity
        }
    )
    for learner, activity in sorted(pairs):
        agent = actor_ifi(learner_agent_for_id(learner))
        rows = Statement.objects.filter(activity=activity).filter(
            Q(user_id=learner) | Q(actor_ifi=agent)
        )
        facts = _facts_by_learner_and_activity(rows).get((learner, activity), [])
        ActivityProgress.objects.filter(learner_id=learner, activity=activity).delete()
        if facts:
            _fill(
                ActivityProgress(learner_id=learner, activity=activity), fold(facts)
            ).save()
