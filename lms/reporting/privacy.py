"""Small-count suppression for every aggregate view and export.

The rule of issue 8: counts from 1 to 4 are never shown, so that nobody can
be singled out.  Zero is shown, since "nobody" points at no one.  Hiding a
cell is not enough when what is shown next to it gives it away, so this
module also guards rates (98 of 100 completed says that 2 did not), medians
(the median of one person is that person) and breakdowns whose total is
shown (the one hidden cell is the total minus the others).

What it cannot see is the same people counted in two views (a cohort with
and without one filter): that is for the views to avoid.
"""

from collections.abc import Hashable, Iterable, Mapping

from lms.reporting.figures import median

SMALLEST_SHOWN = 5


class Suppressed:
    """The value of a withheld figure; ``SUPPRESSED`` is the only one.

    It is not a number on purpose: adding, comparing or formatting it with
    a number format raises, so a hidden count cannot leak back into a sum
    or a chart scale.  It is truthy because a suppressed count is never
    zero, and equal only to itself; copies and pickles (the cache) give the
    same object back, so ``is`` checks keep working.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return f"<{SMALLEST_SHOWN}"

    def __repr__(self) -> str:
        return "SUPPRESSED"

    def __bool__(self) -> bool:
        return True

    def __reduce__(self) -> str:
        return "SUPPRESSED"

    def __copy__(self) -> "Suppressed":
        return self

    def __deepcopy__(self, memo: dict) -> "Suppressed":
        return self


SUPPRESSED = Suppressed()


def is_suppressed(value: object) -> bool:
    return value is SUPPRESSED


def _check_count(count: int) -> None:
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")


def _is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def suppress(count: int) -> int | Suppressed:
    """The count as shown: itself, or ``SUPPRESSED`` from 1 to 4."""
    _check_count(count)
    return SUPPRESSED if _is_small(count) else count


def share(part: int | Suppressed, whole: int | Suppressed) -> float | None | Suppressed:
    """``part`` out of ``whole`` as a rate in [0, 1], or None for no one.

    Suppressed when ``part`` or ``whole`` is 1 to 4, since a rate and its
    base give the count back, and also when ``whole - part`` is 1 to 4:
    "98 % of 100 completed" singles out the 2 who did not as surely as
    showing 2.  0 % and 100 % of five or more stay shown: they say
    something about the group, not about one person in it.
    """
    if is_suppressed(part) or is_suppressed(whole):
        return SUPPRESSED
    _check_count(part)
    if part > whole:
        raise ValueError(f"share: part {part} is larger than whole {whole}")
    if whole == 0:
        return None
    if _is_small(part) or _is_small(whole) or _is_small(whole - part):
        return SUPPRESSED
    return part / whole


def suppress_counts[K: Hashable](counts: Mapping[K, int]) -> dict[K, int | Suppressed]:
    """Each count suppressed on its own, order kept.

    For counts that do not add up to a shown total (enrolments per course,
    say); a breakdown of one whole needs ``suppress_breakdown``.
    """
    return {key: suppress(count) for key, count in counts.items()}


def _pinned(hidden: list[int]) -> bool:
    """Whether hidden cells of 1 to 4 can be worked out from their sum.

    The sum is the shown total minus the shown cells.  One hidden cell is
    its sum; several are only pinned when all are 1 or all are 4.
    """
    cells = len(hidden)
    return cells == 1 or sum(hidden) in {cells, cells * (SMALLEST_SHOWN - 1)}


def suppress_breakdown[K: Hashable](
    counts: Mapping[K, int],
) -> dict[K, int | Suppressed]:
    """The cells of one whole (learners per age band, say), safe to show
    next to their total.

    Cells of 1 to 4 are suppressed; if the total minus the shown cells
    would give them back (one hidden cell, or several all 1 or all 4), the
    smallest shown non-zero cell is suppressed as well.  That second cell
    also reads "<5" (the page's note says hidden figures may be larger):
    were it marked differently, a reader would know it is the large one
    and subtract again.  Zero cells are never used, since
    hiding a known zero hides nothing.  When no other cell is left to hide,
    ``breakdown_total`` hides the total instead.
    """
    shown = suppress_counts(counts)
    hidden = [counts[key] for key, value in shown.items() if is_suppressed(value)]
    if hidden and _pinned(hidden):
        candidates = [
            key for key, value in shown.items() if value and not is_suppressed(value)
        ]
        if candidates:
            shown[min(candidates, key=counts.__getitem__)] = SUPPRESSED
    return shown


def breakdown_total[K: Hashable](counts: Mapping[K, int]) -> int | Suppressed:
    """The total to show beside ``suppress_breakdown(counts)``.

    Hidden when small, and also when the small cells make up all of it
    and would be worked out from it: two groups of exactly 4 and nobody
    else make a total of 8 that says both are 4.
    """
    total = sum(counts.values())
    small = [count for count in counts.values() if _is_small(count)]
    if small and sum(small) == total and _pinned(small):
        return SUPPRESSED
    return suppress(total)


def suppressed_median(values: Iterable[float]) -> float | None | Suppressed:
    """The median of five values or more; None for none.

    With fewer, the median is one person's own figure (or the mean of two),
    so it is withheld like a small count.
    """
    values = list(values)
    if not values:
        return None
    if len(values) < SMALLEST_SHOWN:
        return SUPPRESSED
    return median(values)


def rounded(count: int, base: int = SMALLEST_SHOWN) -> int | Suppressed:
    """A count rounded to the nearest ``base`` (halves up), small ones hidden.

    For the most sensitive figures (health, disability...), which two
    filtered views could otherwise give away by difference: 21 and 24
    participants, 5 and 6 declaring a reason, and the 3 people between the
    two views had 1 declaring it.  Rounded, both read 5.
    """
    shown = suppress(count)
    if is_suppressed(shown) or count == 0:
        return shown
    return max(base, base * ((count + base // 2) // base))
