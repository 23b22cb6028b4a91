"""Small calculations the dashboards share (pure Python).

They live here rather than in the views so that the borders of each rule
(an even number of values, an empty month, a birthday not yet reached, the
exact day a learner counts as stalled) are tested once.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

# Age bands of the dashboards and exports, youngest first.  Minors are kept
# apart because they need consent and safeguarding; 18–29 are the young
# adults that youth and education programmes often count on their own;
# after that, fifteen-year bands, then 60 and over.  The keys are stable
# (exports and translations use them); the views give them their labels.
AGE_BANDS = ("under_18", "18_29", "30_44", "45_59", "60_plus", "unknown")
_BAND_FLOORS = ((60, "60_plus"), (45, "45_59"), (30, "30_44"), (18, "18_29"))
# Beyond this an entered year is a typing error, not an age.
_OLDEST_PLAUSIBLE_AGE = 120


def median(values: Iterable[float]) -> float | None:
    """The middle value; with an even count, the mean of the two middle ones.

    None rather than 0 for no values: "no data" must not read as "zero".
    """
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _first_of_month(day: date) -> date:
    return date(day.year, day.month, 1)


def _next_month(month: date) -> date:
    if month.month == 12:
        return date(month.year + 1, 1, 1)
    return date(month.year, month.month + 1, 1)


def month_buckets(
    dates: Iterable[date], start: date | None = None, end: date | None = None
) -> list[tuple[date, int]]:
    """Counts per calendar month, with the empty months present.

    A chart over time that skipped months without events would put March
    next to June and hide the gap, so every month from ``start`` (or the
    first date) to ``end`` (or the last date) gets a bucket.  Dates outside
    the range are left out.  Datetimes are counted by their own calendar
    date: the caller converts them to the local time zone first.
    """
    counts = Counter(_first_of_month(day) for day in dates)
    first = _first_of_month(start) if start else min(counts, default=None)
    last = _first_of_month(end) if end else max(counts, default=first)
    if first is None or last is None:
        return []
    if first > last:
        raise ValueError("month_buckets: start is after end")
    buckets = []
    month = first
    while month <= last:
        buckets.append((month, counts[month]))
        month = _next_month(month)
    return buckets


def age_band(birth_year: int | None, on: date) -> str:
    """The age band (a key of ``AGE_BANDS``) of someone born in ``birth_year``.

    Only the birth year is kept (data minimisation), so the age is the one
    reached during the year of ``on``: until their birthday someone counts
    one year older than they are.  A missing or implausible year (in the
    future, or over 120 years ago) is "unknown" rather than a guess.
    """
    if birth_year is None:
        return "unknown"
    age = on.year - birth_year
    if age < 0 or age > _OLDEST_PLAUSIBLE_AGE:
        return "unknown"
    for floor, band in _BAND_FLOORS:
        if age >= floor:
            return band
    return "under_18"


def stalled(
    last_activity: datetime | None, enrolled_at: datetime, now: datetime, days: int
) -> bool:
    """Whether a learner has done nothing for ``days`` days.

    The quiet time counts from the learner's last statement, or from their
    enrolment when they never did anything, whichever is later: someone
    enrolled again yesterday after a year away has had one day, not a year.
    Exactly ``days`` days of quiet is stalled already.
    """
    if days < 0:
        raise ValueError("stalled: days must not be negative")
    since = enrolled_at if last_activity is None else max(last_activity, enrolled_at)
    return now - since >= timedelta(days=days)
