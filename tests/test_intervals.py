"""One rounding policy: what a published number stands for, and check and audit agreeing on it."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings, strategies as st

from sykj_track.analysis.audit import audit
from sykj_track.analysis.intervals import (INF, Interval, decisive, figure_interval, growth_between, level_before_growth,
                                  level_before_increment, published_interval, show_growth)
from sykj_track.quantity import convert
from sykj_track.model import Figure, Ledger, Metric, Source
from sykj_track.api import validate

from helpers import figure

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
