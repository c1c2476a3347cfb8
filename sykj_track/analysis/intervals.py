"""Published numbers as intervals: the one place that says what a number in a report stands for.

A report's number is not a point. "11.7%" stands for anything that rounds to it, 11.65 to 11.75;
"2.5万" for 24500 to 25500; "突破2.5万" for anything above that; "约990" for 5% either side. Two
statements contradict each other only when no values inside their intervals make the arithmetic
agree, so every comparison of numbers (reconcile's derived values, check's disagreement warnings,
audit, diff) works on these intervals: a mismatch is a proof, never a rounding artefact.

Three readings of a number, each for one use:

- `figure_interval`: the bound alone (突破5000 is (5000, ∞)), the number taken at face value. The
  reconciler judges a goal on a reported figure this way: the bureau's own "达到4500家" meets its own
  "4500家" goal, whatever rounding went into it.
- `published_interval`: the bound widened by the rounding of the digits written (decimals read from
  the quote, since 13.0% is stored as 13; a whole count such as 79家 is exact). Used wherever numbers
  are compared with each other, and for values derived from other numbers.
- `target_interval`: a goal's target. A level target is a threshold the bureau chose (exact); a growth
  target is usually worked out and rounded (25 ÷ 15 → 66.7%), so it gets its rounding.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..quantity import QuantityError, convert, parse_quantity, parse_unit
from ..ledger.quotes import squeeze

if TYPE_CHECKING:
    from ..model import Figure, Goal

INF = math.inf
ABOUT = 0.05  # "约/近/左右" is read as within 5% of the stated value
# ASCII digits only: \d would also read Arabic-Indic or Devanagari digits as a published number.
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Interval:
    """The set of values a figure allows, or a goal accepts. Open or closed at each end."""

    lo: float
    hi: float
    lo_closed: bool = True
    hi_closed: bool = True

    def contains(self, other: Interval) -> bool:
        """Every value of `other` lies in self."""
        if other.lo < self.lo or (other.lo == self.lo and other.lo_closed and not self.lo_closed):
            return False
        if other.hi > self.hi or (other.hi == self.hi and other.hi_closed and not self.hi_closed):
            return False
        return True

    def overlaps(self, other: Interval) -> bool:
        """Some value lies in both."""
        lo, lo_closed = max((self.lo, self.lo_closed), (other.lo, other.lo_closed),
                            key=lambda end: (end[0], not end[1]))
        hi, hi_closed = min((self.hi, self.hi_closed), (other.hi, other.hi_closed),
                            key=lambda end: (end[0], end[1]))
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    @property
    def bounded(self) -> bool:
        """Both ends finite."""
        return self.lo != -INF and self.hi != INF

    def widen(self, slack: float) -> Interval:
        """The interval with `slack` added at each end."""
        return Interval(self.lo - slack, self.hi + slack, self.lo_closed, self.hi_closed)


def figure_interval(value: float, bound: str) -> Interval:
    """What a figure says about the true value, at face value: 突破5000 is (5000, ∞), 5000以上 is [5000, ∞)."""
    if bound == "more_than":
        return Interval(value, INF, lo_closed=False)
    if bound == "at_least":
        return Interval(value, INF)
    if bound == "at_most":
        return Interval(-INF, value)
    if bound == "about":
        spread = abs(value) * ABOUT
        return Interval(value - spread, value + spread)
    return Interval(value, value)


def decimals(record: Goal | Figure) -> int:
    """Decimal places the number is published with: 11.7% -> 1, 13.0% -> 1, 2.5万 -> 1, 3402 -> 0.

    Read from the quote where the number appears there, because the TOML value loses trailing
    zeros (13.0 is stored as 13) and the quote is what the report printed.
    """
    try:
        number, _ = parse_quantity(record.written)
    except QuantityError:
        return 0
    places = [len(token.partition(".")[2]) for token in _TOKEN.findall(squeeze(record.quote))
              if Decimal(token) == number]
    if places:
        return min(places)  # the coarsest reading is the safe one: it can only hide a flag, not raise one
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0  # a parsed quantity is finite


def half_unit(record: Goal | Figure) -> float:
    """Half of the last published digit, in the record's unit: 0.05 for 11.7%, 500 for 2.5万家.

    A whole count (79家, 1052场) or place (第18位) is counted, not a rounded measurement: it has no
    rounding (else 第18位 and 第19位 would overlap at 18.5 and never conflict).
    """
    try:
        _, unit = parse_quantity(record.written)
        places = decimals(record)
        if places == 0 and unit and parse_unit(unit).dimension in ("count", "rank") and parse_unit(unit).factor == 1:
            return 0.0
        step = Decimal(5) * Decimal(10) ** -(places + 1)
        return abs(convert(step, unit, record.unit)) if unit else float(step)
    except QuantityError:
        return 0.0


def published_interval(fig: Figure) -> Interval:
    """The values a figure allows: its bound (突破, 以上, 约) widened by the rounding of its digits."""
    return figure_interval(fig.value, fig.bound).widen(half_unit(fig))


def target_interval(goal: Goal) -> Interval:
    """A goal's target as the plan states it: a point (or its range for 3—5家); a growth target
    with the rounding of its digits."""
    top = goal.target_max if goal.target_max is not None else goal.target
    half = half_unit(goal) if goal.basis == "growth" else 0.0
    return Interval(goal.target - half, top + half)


def interval_of(record: Goal | Figure) -> Interval:
    """The interval of a figure or the target of a goal."""
    from ..model import Figure

    return published_interval(record) if isinstance(record, Figure) else target_interval(record)


def goal_region(goal: Goal) -> Interval:
    """The values that meet a goal."""
    if goal.op == ">=":
        return Interval(goal.target, INF)
    if goal.op == ">":
        return Interval(goal.target, INF, lo_closed=False)
    if goal.op == "<=":
        return Interval(-INF, goal.target)
    if goal.op == "<":
        return Interval(-INF, goal.target, hi_closed=False)
    return Interval(goal.target, goal.target_max if goal.target_max is not None else INF)


# ---- arithmetic on intervals

def implied(f: Callable[..., float], *intervals: Interval) -> Interval:
    """The range of f over a box of intervals, for f monotone in each argument (+, -, ÷).

    The extremes of such a function lie at corners of the box. Ends are taken as closed: a check
    that admits a boundary value is the lenient one, which is what a flag needs.
    """
    values = []
    for corner in itertools.product(*((i.lo, i.hi) for i in intervals)):
        try:
            value = f(*corner)
        except ZeroDivisionError:
            return Interval(-INF, INF)
        if math.isnan(value):
            return Interval(-INF, INF)  # inf/inf or inf-inf: nothing is known
        values.append(value)
    return Interval(min(values), max(values))


def growth_between(before: Interval, after: Interval) -> Interval | None:
    """The growth (%) from one level to another; None when the earlier level may be zero or less."""
    if before.lo <= 0:
        return None
    return implied(lambda a, b: (b / a - 1) * 100, before, after)


def increment_between(before: Interval, after: Interval) -> Interval:
    """The increase from one level to another."""
    return implied(lambda a, b: b - a, before, after)


def growth_of_increment(increment: Interval, level: Interval) -> Interval | None:
    """The growth (%) an increase implies given the level it ends at: increase / (level - increase)."""
    if level.lo - increment.hi <= 0:
        return None
    return implied(lambda i, b: i / (b - i) * 100, increment, level)


def level_before_growth(level: Interval, growth: Interval) -> Interval | None:
    """Last year's level a level and its growth (%) imply: level ÷ (1 + growth); None when the growth
    may be -100% or less (the division says nothing)."""
    if growth.lo <= -100:
        return None
    return implied(lambda b, g: b / (1 + g / 100), level, growth)


def level_before_increment(level: Interval, increment: Interval) -> Interval:
    """Last year's level a level and its (net) increase imply: level − increase."""
    return implied(lambda b, i: b - i, level, increment)


def agree(a: Interval, b: Interval) -> bool:
    """Some value lies in both: the two statements can both be true."""
    return a.overlaps(b)


def first_disagreeing(intervals: list[Interval]) -> list[int | None]:
    """For each interval, the index of the first one before it that it does not `agree` with (None
    when it agrees with all of them): one disagreement per interval, found in O(n log n) rather than
    by comparing every pair, so that a thousand figures of one year cost a thousand comparisons.

    Two intervals are disjoint when one lies wholly left of the other. The running minimum of the
    right ends seen so far only falls and the running maximum of the left ends only rises, so the
    first earlier interval wholly left (or right) of this one is found by bisecting them.
    """
    from bisect import bisect_right

    # Ends as sortable keys. An earlier interval is wholly left of [lo, hi] when its right end key is
    # below (lo, 1) for a closed lo, (lo, 2) for an open one; wholly right when its left end key is
    # above (hi, 0) for a closed hi, (hi, -1) for an open one.
    lowest_right: list[tuple[float, int]] = []  # negated running minimum of (hi, closed), ascending
    highest_left: list[tuple[float, int]] = []  # running maximum of (lo, open), ascending
    found: list[int | None] = []
    for interval in intervals:
        left_of = bisect_right(lowest_right, (-interval.lo, -1 if interval.lo_closed else -2))
        right_of = bisect_right(highest_left, (interval.hi, 0 if interval.hi_closed else -1))
        candidates = [i for i in (left_of, right_of) if i < len(found)]
        found.append(min(candidates) if candidates else None)
        right = (-interval.hi, -int(interval.hi_closed))
        lowest_right.append(max(lowest_right[-1], right) if lowest_right else right)
        left = (interval.lo, int(not interval.lo_closed))
        highest_left.append(max(highest_left[-1], left) if highest_left else left)
    return found


def decisive(interval: Interval, region: Interval) -> bool:
    """The interval either lies inside the region or misses it entirely: it decides a goal."""
    return region.contains(interval) or not region.overlaps(interval)


# ---- showing intervals

def point(interval: Interval) -> float:
    """One number to show for an interval: its middle, or its finite end when it is open-ended."""
    if interval.hi == INF:
        return interval.lo
    if interval.lo == -INF:
        return interval.hi
    return (interval.lo + interval.hi) / 2


def show(interval: Interval, digits: int = 2) -> str:
    """An interval for people: "11.65–11.75", "≥ 24500", "≤ 20"."""
    def num(x: float) -> str:
        text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    if interval.lo == interval.hi:
        return num(interval.lo)
    if interval.hi == INF:
        return f"≥ {num(interval.lo)}" if interval.lo != -INF else "any value"
    if interval.lo == -INF:
        return f"≤ {num(interval.hi)}"
    return f"{num(interval.lo)}–{num(interval.hi)}"


def show_growth(interval: Interval, digits: int = 2) -> str:
    """A growth interval in %: "11.65–11.75%", "≤ 22.45%" when the earlier level is only a floor."""
    if interval.lo <= -100 and interval.hi != INF:
        return f"≤ {show(Interval(interval.hi, interval.hi), digits)}%"
    if interval.lo == -INF and interval.hi == INF:
        return "any value"
    return show(interval, digits) + "%"
