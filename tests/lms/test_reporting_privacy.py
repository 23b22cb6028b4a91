"""Small counts (1–4) never reach a dashboard, directly or by subtraction."""

import copy
import pickle

import pytest

from lms.reporting import privacy
from lms.reporting.privacy import (
    SMALLEST_SHOWN,
    SUPPRESSED,
    breakdown_total,
    is_suppressed,
    share,
    suppress,
    suppress_breakdown,
    suppress_counts,
    suppressed_median,
)


def test_one_to_four_are_suppressed_zero_and_five_are_shown():
    assert SMALLEST_SHOWN == 5
    assert [suppress(n) for n in range(7)] == [0, *[SUPPRESSED] * 4, 5, 6]
    with pytest.raises(ValueError):
        suppress(-1)


def test_the_sentinel_reads_less_than_five_and_is_no_number():
    assert str(SUPPRESSED) == "<5"
    assert f"{SUPPRESSED}" == "<5"
    assert bool(SUPPRESSED) is True  # a suppressed count is never zero
    assert is_suppressed(SUPPRESSED)
    assert not any(is_suppressed(v) for v in [0, 3, "<5", None])
    assert SUPPRESSED == SUPPRESSED
    assert SUPPRESSED != "<5" and all(SUPPRESSED != n for n in range(5))
    for leak in [
        lambda: SUPPRESSED + 1,
        lambda: sum([10, SUPPRESSED]),
        lambda: SUPPRESSED < 5,
        lambda: max([3, SUPPRESSED]),
        lambda: f"{SUPPRESSED:.0%}",
    ]:
        with pytest.raises(TypeError):
            leak()


def test_copies_and_pickles_are_the_same_sentinel():
    """Cached dashboard figures come back through pickle; ``is`` must hold."""
    assert copy.copy(SUPPRESSED) is SUPPRESSED
    assert copy.deepcopy({"a": SUPPRESSED})["a"] is SUPPRESSED
    assert pickle.loads(pickle.dumps([SUPPRESSED]))[0] is SUPPRESSED  # noqa: S301


def test_share_is_a_rate_or_none_for_an_empty_whole():
    assert share(0, 0) is None
    assert share(5, 10) == 0.5
    assert share(0, 10) == 0.0
    assert share(10, 10) == 1.0
    with pytest.raises(ValueError):
        share(11, 10)
    with pytest.raises(ValueError):
        share(-1, 10)


def test_share_is_suppressed_when_part_whole_or_the_rest_is_small():
    assert share(3, 50) is SUPPRESSED  # the part
    assert share(0, 3) is SUPPRESSED  # the whole: "0 % of 3"
    assert share(98, 100) is SUPPRESSED  # 2 did not complete
    assert share(96, 100) is SUPPRESSED
    assert share(95, 100) == 0.95
    assert share(SUPPRESSED, 40) is SUPPRESSED
    assert share(0, SUPPRESSED) is SUPPRESSED


def test_independent_counts_are_suppressed_one_by_one_in_order():
    counts = {"course-b": 2, "course-a": 30, "course-c": 0}
    shown = suppress_counts(counts)
    assert list(shown) == ["course-b", "course-a", "course-c"]
    assert shown == {"course-b": SUPPRESSED, "course-a": 30, "course-c": 0}


def test_a_lone_small_cell_takes_the_smallest_shown_cell_with_it():
    """Otherwise the total minus the shown cells gives the 3 back."""
    ages = {"under_18": 0, "18_29": 3, "30_44": 20, "45_59": 12, "60_plus": 40}
    assert suppress_breakdown(ages) == {
        "under_18": 0,
        "18_29": SUPPRESSED,
        "30_44": 20,
        "45_59": SUPPRESSED,
        "60_plus": 40,
    }
    assert breakdown_total(ages) == 75


def test_ties_hide_the_first_smallest_cell_and_zeros_are_never_used():
    shown = suppress_breakdown({"a": 0, "b": 7, "c": 1, "d": 7})
    assert shown == {"a": 0, "b": SUPPRESSED, "c": SUPPRESSED, "d": 7}


def test_several_small_cells_are_safe_unless_all_one_or_all_four():
    assert suppress_breakdown({"a": 1, "b": 3, "c": 9}) == {
        "a": SUPPRESSED,
        "b": SUPPRESSED,
        "c": 9,
    }
    # 2 hidden cells summing to 2 are both 1; summing to 8, both 4.
    for small in (1, 4):
        shown = suppress_breakdown({"a": small, "b": small, "c": 9, "d": 30})
        assert shown == {"a": SUPPRESSED, "b": SUPPRESSED, "c": SUPPRESSED, "d": 30}


def test_nothing_changes_without_small_cells():
    counts = {"a": 5, "b": 0, "c": 12}
    assert suppress_breakdown(counts) == counts
    assert breakdown_total(counts) == 17
    assert suppress_breakdown({}) == {}
    assert breakdown_total({}) == 0


def test_the_total_is_hidden_when_it_would_give_the_small_cells_away():
    assert breakdown_total({"a": 3, "b": 0}) is SUPPRESSED  # small itself
    # Nothing else to hide: 8 from two "<5" cells means 4 and 4.
    assert suppress_breakdown({"a": 4, "b": 4, "c": 0}) == {
        "a": SUPPRESSED,
        "b": SUPPRESSED,
        "c": 0,
    }
    assert breakdown_total({"a": 4, "b": 4, "c": 0}) is SUPPRESSED
    assert breakdown_total(dict.fromkeys("abcde", 1)) is SUPPRESSED
    # 2 + 3: the reader cannot tell 2 + 3 from 1 + 4.
    assert breakdown_total({"a": 2, "b": 3}) == 5


def test_a_median_of_fewer_than_five_values_is_suppressed():
    assert suppressed_median([]) is None
    assert suppressed_median([40.0, 10.0, 20.0, 30.0]) is SUPPRESSED
    assert suppressed_median(iter([50, 10, 40, 20, 30])) == 30
    assert suppressed_median([1, 2, 3, 4, 5, 6]) == 3.5


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, 0),
        (1, SUPPRESSED),
        (4, SUPPRESSED),
        (5, 5),
        (6, 5),
        (7, 5),
        (8, 10),
        (12, 10),
        (13, 15),
        (21, 20),
    ],
)
def test_sensitive_counts_are_rounded_to_the_nearest_five(count, shown):
    if shown is SUPPRESSED:
        assert privacy.rounded(count) is SUPPRESSED
    else:
        assert privacy.rounded(count) == shown


def test_rounding_hides_a_difference_of_one_between_two_views():
    # 5 and 6 people declaring a reason in two filtered views both read 5.
    assert privacy.rounded(5) == privacy.rounded(6)
