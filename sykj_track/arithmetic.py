"""Published numbers as intervals, and the arithmetic that checks them against each other.

A report's number is not a point. "11.7%" stands for anything that rounds to it, 11.65 to 11.75;
"2.5万" for 24500 to 25500; "突破2.5万" for anything above that; "约990" for 5% either side. Two
statements contradict each other only when no values inside their intervals make the arithmetic
agree, so every check here works on intervals: a mismatch is a proof, never a rounding artefact.

Goal targets are thresholds the bureau chose, not measurements: they are taken as written (exact).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from decimal import Decimal

from .model import Figure, Goal
from .quantity import QuantityError, convert, parse_quantity, parse_unit
from .reconcile import INF, Interval, figure_interval
from .validate import squeeze

_TOKEN = re.compile(r"\d+(?:\.\d+)?")


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
    return max(0, -number.normalize().as_tuple().exponent)


def half_unit(record: Goal | Figure) -> float:
    """Half of the last published digit, in the record's unit: 0.05 for 11.7%, 500 for 2.5万家.

    A whole count (79家, 1052场) is a count, not a rounded measurement: it has no rounding.
    """
    try:
        _, unit = parse_quantity(record.written)
        places = decimals(record)
        if places == 0 and unit and parse_unit(unit).dimension == "count" and parse_unit(unit).factor == 1:
            return 0.0
        step = Decimal(5) * Decimal(10) ** -(places + 1)
        return abs(convert(step, unit, record.unit)) if unit else float(step)
    except QuantityError:
        return 0.0


def published_interval(fig: Figure) -> Interval:
    """The values a figure allows: its bound (突破, 以上, 约) widened by the rounding of its digits."""
    base = figure_interval(fig.value, fig.bound)
    half = half_unit(fig)
    return Interval(base.lo - half, base.hi + half, base.lo_closed, base.hi_closed)


def target_interval(goal: Goal) -> Interval:
    """A goal's target as the plan states it: a point (or its range for 3—5家).

    A level target is a round number the bureau chose (3万家), so it is exact. A growth target is
    usually worked out from levels and rounded (25 ÷ 15 → 66.7%), so it gets the rounding of its
    digits like a figure does.
    """
    top = goal.target_max if goal.target_max is not None else goal.target
    half = half_unit(goal) if goal.basis == "growth" else 0.0
    return Interval(goal.target - half, top + half)


def interval_of(record: Goal | Figure) -> Interval:
    """The interval of a figure or the target of a goal."""
    return published_interval(record) if isinstance(record, Figure) else target_interval(record)


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


def agree(a: Interval, b: Interval) -> bool:
    """Some value lies in both: the two statements can both be true."""
    return a.overlaps(b)


def point(interval: Interval) -> float:
    """One number to show for an interval: its middle, or its finite end when it is open-ended."""
    if interval.hi == INF:
        return interval.lo
    if interval.lo == -INF:
        return interval.hi
    return (interval.lo + interval.hi) / 2


def show(interval: Interval, digits: int = 2) -> str:
    """An interval for people: "11.65–11.75", "> 24500", "≤ 20"."""
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
