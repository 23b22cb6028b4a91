"""The dashboards' small calculations, at the borders of each rule."""

from datetime import UTC, date, datetime, timedelta

import pytest

from lms.reporting.figures import AGE_BANDS, age_band, median, month_buckets, stalled


def test_median_of_odd_even_and_no_values():
    assert median([]) is None
    assert median([7]) == 7
    assert median([9, 1, 5]) == 5
    assert median([4, 1, 3, 2]) == 2.5
    assert median(x for x in [10.0, 20.0]) == 15.0


def test_every_month_between_the_first_and_last_date_has_a_bucket():
    dates = [date(2024, 11, 30), date(2025, 2, 1), date(2025, 2, 28), date(2024, 11, 1)]
    assert month_buckets(dates) == [
        (date(2024, 11, 1), 2),
        (date(2024, 12, 1), 0),
        (date(2025, 1, 1), 0),
        (date(2025, 2, 1), 2),
    ]


def test_start_and_end_widen_the_range_and_drop_dates_outside_it():
    dates = [date(2025, 3, 15), date(2025, 7, 1)]
    assert month_buckets(dates, start=date(2025, 2, 20), end=date(2025, 4, 2)) == [
        (date(2025, 2, 1), 0),
        (date(2025, 3, 1), 1),
        (date(2025, 4, 1), 0),
    ]
    assert month_buckets(dates, start=date(2025, 6, 1)) == [
        (date(2025, 6, 1), 0),
        (date(2025, 7, 1), 1),
    ]


def test_no_dates_give_no_buckets_unless_a_range_is_asked_for():
    assert month_buckets([]) == []
    assert month_buckets([], start=date(2025, 1, 9), end=date(2025, 2, 1)) == [
        (date(2025, 1, 1), 0),
        (date(2025, 2, 1), 0),
    ]
    assert month_buckets([], start=date(2025, 1, 9)) == [(date(2025, 1, 1), 0)]
    with pytest.raises(ValueError):
        month_buckets([], start=date(2025, 3, 1), end=date(2025, 2, 1))


def test_datetimes_count_by_their_calendar_date():
    moments = [datetime(2025, 1, 31, 23, 59, tzinfo=UTC), datetime(2025, 2, 1, 0, 0)]
    assert month_buckets(moments) == [(date(2025, 1, 1), 1), (date(2025, 2, 1), 1)]


@pytest.mark.parametrize(
    ("birth_year", "band"),
    [
        (2008, "under_18"),  # 17 in 2025
        (2007, "18_29"),
        (1996, "18_29"),
        (1995, "30_44"),
        (1981, "30_44"),
        (1980, "45_59"),
        (1966, "45_59"),
        (1965, "60_plus"),
        (1905, "60_plus"),
        (2025, "under_18"),
        (None, "unknown"),
        (2026, "unknown"),  # in the future
        (1904, "unknown"),  # 121: a typing error
    ],
)
def test_age_bands_by_the_age_reached_this_year(birth_year, band):
    assert age_band(birth_year, on=date(2025, 1, 1)) == band


def test_age_bands_are_the_keys_in_order():
    assert AGE_BANDS == ("under_18", "18_29", "30_44", "45_59", "60_plus", "unknown")
    seen = {age_band(year, date(2025, 6, 1)) for year in [None, *range(1890, 2030)]}
    assert seen == set(AGE_BANDS)


NOW = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)


def test_stalled_after_days_without_a_statement():
    enrolled = NOW - timedelta(days=100)
    assert stalled(NOW - timedelta(days=14), enrolled, NOW, days=14)
    assert not stalled(
        NOW - timedelta(days=14) + timedelta(seconds=1), enrolled, NOW, 14
    )


def test_a_learner_who_never_started_is_stalled_once_enrolled_that_long():
    assert not stalled(None, NOW - timedelta(days=13, hours=23), NOW, 14)
    assert stalled(None, NOW - timedelta(days=15), NOW, 14)


def test_enrolling_again_restarts_the_clock():
    """A year-old statement does not make yesterday's enrolment stalled."""
    last_year = NOW - timedelta(days=365)
    assert not stalled(last_year, NOW - timedelta(days=1), NOW, 14)
    with pytest.raises(ValueError):
        stalled(None, NOW, NOW, -1)
