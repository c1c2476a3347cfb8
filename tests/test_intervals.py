"""One rounding policy: what a published number stands for, and check and audit agreeing on it."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sykj_track.analysis.audit import audit
from sykj_track.analysis.intervals import (INF, Interval, agree, decimals, decisive, figure_interval,
                                           first_disagreeing, growth_between, growth_of_increment, implied,
                                           increment_between, level_before_growth, level_before_increment, point,
                                           published_interval, show, show_growth)
from sykj_track.quantity import convert
from sykj_track.model import Figure, Ledger, Metric, Source
from sykj_track.api import validate


D1, D2 = date(2024, 3, 1), date(2025, 3, 1)
SOURCES = (Source("a", "seeds/a.txt", "a", "局", D1), Source("b", "seeds/b.txt", "b", "局", D2))
METRICS = {"n": Metric("n", "企业", "firms", "家", "stock", "higher"),
           "m": Metric("m", "金额", "money", "亿元", "flow", "higher")}


def fig(value: str, *, metric="n", unit="家", bound="exact", estimate=False, as_of=None, source=0,
        basis="level") -> Figure:
    written = f"{value}{unit}"
    stored = unit if unit == "%" else METRICS[metric].unit  # as the loader stores it: in the metric's unit
    return Figure(metric=metric, year=2024, value=convert(Decimal(value), unit, stored), basis=basis, bound=bound,
                  quote=f"达到{written}", source=SOURCES[source], written=written, unit=stored,
                  estimate=estimate, as_of=as_of)


def ledger_of(*figures: Figure) -> Ledger:
    return Ledger(root=Path("/nonexistent"), metrics=METRICS, sources=SOURCES, goals=(), figures=figures)


def check_warns(ledger: Ledger) -> int:
    return sum(1 for p in validate(ledger, quotes=False) if not p.is_error and "is " in p.message
               and " here but " in p.message)


def audit_conflicts(ledger: Ledger) -> int:
    return sum(1 for f in audit(ledger) if f.kind == "conflicting-figures")


def test_growth_rates_written_to_one_decimal_conflict_in_check_as_in_audit():
    a = fig("13.0", unit="%", basis="growth")
    b = fig("13.4", unit="%", basis="growth", source=1)
    assert (published_interval(a).lo, published_interval(a).hi) == (12.95, 13.05)
    ledger = ledger_of(a, b)
    assert check_warns(ledger) == audit_conflicts(ledger) == 1


def test_rounding_of_a_multiplier_and_bounds_count():
    assert check_warns(ledger_of(fig("5902"), fig("0.59", unit="万家", source=1))) == 0
    assert check_warns(ledger_of(fig("5000", bound="more_than"), fig("5902", source=1))) == 0
    assert check_warns(ledger_of(fig("5000", bound="at_most"), fig("5902", source=1))) == 1


def test_an_estimate_is_compared_only_with_estimates():
    assert check_warns(ledger_of(fig("700", estimate=True), fig("760", source=1))) == 0


def test_a_running_total_that_shrinks_is_a_conflict_in_both():
    early = fig("600", metric="m", unit="亿元", as_of=date(2024, 9, 30))
    late = fig("500", metric="m", unit="亿元", as_of=date(2024, 11, 30), source=1)
    ledger = ledger_of(early, late)
    assert check_warns(ledger) == audit_conflicts(ledger) == 1


def test_level_before_a_growth_and_an_increment():
    # 1710个, 同比增长13%: 1710 / 1.135 .. 1710 / 1.125
    before = level_before_growth(Interval(1710, 1710), Interval(12.5, 13.5))
    assert round(before.lo, 1) == 1506.6 and round(before.hi, 1) == 1520.0
    assert level_before_growth(Interval(1710, 1710), Interval(-INF, 5)) is None
    assert level_before_increment(Interval(3402, 3402), Interval(842, 842)) == Interval(2560, 2560)


def test_an_open_interval_decides_only_what_it_settles():
    rising = growth_between(figure_interval(25000, "more_than"), figure_interval(30000, "more_than"))
    assert rising.hi == INF or rising.lo <= -100 or not rising.bounded
    assert not decisive(rising, Interval(15, INF))
    assert show_growth(Interval(-100, 22.45)) == "≤ 22.45%"


PLACES = st.integers(0, 2)
NUMBERS = st.integers(1, 20000)
BOUNDS = st.sampled_from(["exact", "more_than", "at_least", "about", "at_most"])
CUTOFFS = st.sampled_from([None, date(2024, 6, 30), date(2024, 9, 30)])


@st.composite
def figures(draw, source):
    places = draw(PLACES)
    raw = draw(NUMBERS)
    value = f"{raw / 10 ** places:.{places}f}"
    metric, unit = draw(st.sampled_from([("n", "家"), ("n", "万家"), ("n", "%"), ("m", "亿元")]))
    return fig(value, unit=unit, bound=draw(BOUNDS), estimate=draw(st.booleans()), as_of=draw(CUTOFFS),
               source=source, metric=metric, basis="growth" if unit == "%" else "level")


@settings(max_examples=300, deadline=None)
@given(figures(0), figures(1), figures(1))
def test_check_and_audit_agree_on_every_pair_of_figures(a, b, c):
    ledger = ledger_of(a, b, c)
    assert check_warns(ledger) == audit_conflicts(ledger)


# ---- what a published number stands for, one reading at a time

def test_about_is_five_percent_either_side():
    assert figure_interval(1000, "about") == Interval(950, 1050)
    assert figure_interval(-20, "about") == Interval(-21, -19)  # a fall of about 20% spreads the same way


@pytest.mark.parametrize("bound, expected", [
    ("more_than", Interval(5000, INF, lo_closed=False)),  # 突破5000
    ("at_least", Interval(5000, INF)),                     # 5000以上
    ("at_most", Interval(-INF, 5000)),                     # 不超过5000
    ("exact", Interval(5000, 5000)),
])
def test_each_bound_reads_as_its_interval(bound, expected):
    assert figure_interval(5000, bound) == expected


def test_decimals_of_a_number_the_quote_writes_in_characters_come_from_the_ledger():
    assert decimals(replace(fig("2000"), quote="达到两千家")) == 0
    assert decimals(replace(fig("2.5", unit="万家"), quote="突破二点五万家")) == 1


# ---- comparing intervals: each direction, and what an open end changes

@pytest.mark.parametrize("outer, inner, inside", [
    (Interval(10, 20), Interval(12, 18), True),
    (Interval(10, 20), Interval(10, 20), True),
    (Interval(10, 20), Interval(9, 18), False),    # reaches below
    (Interval(10, 20), Interval(12, 21), False),   # reaches above
    (Interval(10, 20, lo_closed=False), Interval(10, 15), False),  # 10 itself is outside
    (Interval(10, 20, hi_closed=False), Interval(15, 20), False),  # 20 itself is outside
    (Interval(10, 20, lo_closed=False), Interval(10, 15, lo_closed=False), True),
    (Interval(10, 20, hi_closed=False), Interval(15, 20, hi_closed=False), True),
])
def test_contains(outer, inner, inside):
    assert outer.contains(inner) is inside


@pytest.mark.parametrize("a, b, overlap", [
    (Interval(10, 20), Interval(15, 25), True),
    (Interval(10, 20), Interval(20, 25), True),                       # they share 20
    (Interval(10, 20), Interval(20, 25, lo_closed=False), False),     # 20 is in one only
    (Interval(10, 20, hi_closed=False), Interval(20, 25), False),
    (Interval(10, 20), Interval(21, 25), False),
    (Interval(21, 25), Interval(10, 20), False),
    (Interval(10, 20, lo_closed=False), Interval(10, 10), False),     # 10 is outside the first
    (Interval(10, 20, hi_closed=False), Interval(20, 20), False),
])
def test_overlaps_either_way_round(a, b, overlap):
    assert a.overlaps(b) is overlap and b.overlaps(a) is overlap


def test_an_interval_decides_a_goal_when_it_lies_inside_or_wholly_outside():
    region = Interval(15, INF)  # growth of at least 15%
    assert decisive(Interval(16, 18), region)
    assert decisive(Interval(10, 12), region)
    assert not decisive(Interval(10, 20), region)


# ---- arithmetic: no value where the division says nothing

def test_no_growth_from_a_level_that_may_be_zero():
    assert growth_between(Interval(0, 10), Interval(5, 5)) is None
    assert growth_between(Interval(-5, 10), Interval(5, 5)) is None
    assert growth_between(Interval(1, 10), Interval(5, 5)) == Interval(-50, 400)


def test_growth_of_an_increase_needs_a_level_before_it():
    # 新增842家 to 3402家: 842 / 2560 = 32.89%
    rate = growth_of_increment(Interval(842, 842), Interval(3402, 3402))
    assert round(rate.lo, 2) == round(rate.hi, 2) == 32.89
    assert growth_of_increment(Interval(100, 100), Interval(100, 100)) is None  # all of it is new
    assert growth_of_increment(Interval(90, 110), Interval(100, 100)) is None
    assert growth_of_increment(Interval(99, 99), Interval(100, 100)) == Interval(9900, 9900)  # from 1 to 100


def test_no_level_before_a_fall_of_a_hundred_percent():
    assert level_before_growth(Interval(1710, 1710), Interval(-100, 5)) is None
    assert level_before_growth(Interval(50, 50), Interval(-50, -50)) == Interval(100, 100)


def test_a_division_by_a_range_holding_zero_or_infinity_less_infinity_says_nothing():
    assert implied(lambda a, b: a / b, Interval(1, 2), Interval(0, 1)) == Interval(-INF, INF)
    assert implied(lambda a, b: b - a, Interval(0, INF), Interval(0, INF)) == Interval(-INF, INF)


def test_an_increase_is_the_later_level_less_the_earlier():
    assert increment_between(Interval(100, 110), Interval(150, 160)) == Interval(40, 60)


# ---- showing intervals

def test_one_number_for_an_interval():
    assert point(Interval(10, 20)) == 15
    assert point(Interval(-30, -10)) == -20
    assert point(Interval(24500, INF)) == 24500
    assert point(Interval(-INF, 22.45)) == 22.45


@pytest.mark.parametrize("interval, text", [
    (Interval(11.65, 11.75), "11.65–11.75"),
    (Interval(1.234, 1.236), "1.23–1.24"),       # two decimals unless asked for more
    (Interval(3, 3), "3"),
    (Interval(24500, INF), "≥ 24500"),
    (Interval(-INF, 20), "≤ 20"),
    (Interval(-INF, INF), "any value"),
    (Interval(-0.001, 5), "0–5"),                  # never "-0"
    (Interval(-2.5, -1), "-2.5–-1"),
])
def test_show(interval, text):
    assert show(interval) == text


def test_show_growth():
    assert show_growth(Interval(11.65, 11.75)) == "11.65–11.75%"
    assert show_growth(Interval(-100, 22.45)) == "≤ 22.45%"      # the earlier level was only a floor
    assert show_growth(Interval(-INF, 22.45)) == "≤ 22.45%"
    assert show_growth(Interval(-INF, INF)) == "any value"
    assert show_growth(Interval(15, INF)) == "≥ 15%"
    assert show_growth(Interval(-100, INF)) == "≥ -100%"
    assert show_growth(Interval(1.234, 1.236)) == "1.23–1.24%"
    assert show_growth(Interval(1.234, 1.236), 3) == "1.234–1.236%"


ENDS = st.integers(-3, 3).map(float) | st.sampled_from([-INF, INF])


@st.composite
def intervals(draw):
    lo, hi = sorted((draw(ENDS), draw(ENDS)))
    lo_closed, hi_closed = draw(st.booleans()) and lo != -INF, draw(st.booleans()) and hi != INF
    if lo == hi:
        lo_closed = hi_closed = True  # a point; an empty interval is no figure's
    return Interval(lo, hi, lo_closed, hi_closed)


@settings(max_examples=300, deadline=None)
@given(st.lists(intervals(), max_size=12))
def test_first_disagreeing_is_the_first_earlier_interval_that_does_not_agree(shown):
    expected = [next((i for i in range(n) if not agree(shown[i], shown[n])), None) for n in range(len(shown))]
    assert first_disagreeing(shown) == expected


def test_figures_that_all_differ_are_each_reported_once():
    ledger = ledger_of(fig("100"), fig("120", source=1), fig("100", source=1), fig("140", source=1))
    pairs = [(first.value, second.value) for f in audit(ledger) if f.kind == "conflicting-figures"
             for (_, first), (_, second) in [f.records]]
    # each figure against the first earlier one it contradicts: the second 100 against 120, not the first 100
    assert pairs == [(100, 120), (120, 100), (100, 140)]
    assert check_warns(ledger) == 3


def test_a_running_total_is_compared_with_the_largest_earlier_total():
    totals = [fig(v, metric="m", unit="亿元", as_of=when, source=1)
              for v, when in (("300", date(2024, 6, 30)), ("600", date(2024, 9, 30)), ("500", None))]
    (found,) = [f for f in audit(ledger_of(*totals)) if f.kind == "conflicting-figures"]
    assert [r.value for _, r in found.records] == [600, 500] and "cannot shrink" in found.arithmetic
