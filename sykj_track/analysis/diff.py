"""Two years side by side: how the plan for one year moved against the results of another.

A pure function of the ledger, two years and an as-of date: no I/O, no clock. One row per metric
and basis (level and increase; growth where the metric has no level to carry it) that has a goal or a figure in
either year, with each year's target (the goal in force at as-of) and actual (the figure the
reconciler would judge it on), the change between them, the growth B implies against A's actual,
the growth the report states, and flags:

- consistent-growth / inconsistent-growth: stated against implied growth, on the intervals of
  intervals.py (rounding and bounds), only when B is the year after A (同比 is year on year);
- target-below-prior: B's target is below a figure already reported for A or an earlier year;
- new-goal / dropped-goal: a goal in B and none in A, or the other way round, flagged only when the
  other year has goals of the same agency: when the ledger holds no plan for a year (or no figures),
  the diff says so once (`lacks`) instead of flagging every row, and when it holds the other year's
  plan of another agency only (a press conference of one body, the work plan of another), it says
  once that it has no goals of that agency then (`lacks_agency`);
- status-change: both years have a decided verdict (hit or miss), and they differ.

Rows with a flag that asks for a look come first (consistent-growth does not ask for one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .intervals import agree, growth_between, interval_of, published_interval
from .audit import below_prior
from ..model import Figure, Goal, Ledger, Metric, Verdict
from .intervals import Interval
from .reconcile import best_figure, reconcile



@dataclass(frozen=True)
class Side:
    """One year of a row: the goal in force and its verdict, and the figure that measures the year."""

    year: int
    verdict: Verdict | None = None
    actual: Figure | None = None

    @property
    def goal(self) -> Goal | None:
        """The goal in force for this year, if any."""
        return self.verdict.goal if self.verdict else None

    def headline(self) -> tuple[float, str] | None:
        """The number that stands for the year: the actual when there is one, else the target."""
        if self.actual is not None:
            return self.actual.value, "actual"
        if self.goal is not None:
            return self.goal.target, "target"
        return None


@dataclass(frozen=True)
class DiffRow:
    """One metric and basis compared across the two years."""

    metric: Metric
    basis: str
    a: Side
    b: Side
    change: float | None
    change_pct: float | None
    change_of: str  # "actual→target" etc.: which numbers the change is between
    implied_growth: Interval | None
    implied_from: str | None  # "target" (B's goal against A's actual) or "actual"
    stated_growth: Goal | Figure | None
    prior: Figure | None  # the figure B's target falls below, for target-below-prior
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Diff:
    """The rows comparing year_a with year_b, as known at as_of."""

    year_a: int
    year_b: int
    as_of: date
    rows: tuple[DiffRow, ...]
    lacks: tuple[tuple[int, str], ...] = ()  # (year, "goals" | "figures") the ledger has none of
    # (year, agency): the ledger has goals for the year, but none of an agency that set goals for the other
    lacks_agency: tuple[tuple[int, str], ...] = ()

def years_with_data(ledger: Ledger, as_of: date) -> list[int]:
    """Years that have a goal or a figure in a report published by as_of."""
    known = {s.id for s in ledger.sources if s.published <= as_of}
    records: tuple[Goal | Figure, ...] = (*ledger.goals, *ledger.figures)
    return sorted({r.year for r in records if r.source.id in known})


def _in_force(verdicts: list[Verdict]) -> Verdict | None:
    """The goal in force, the ledger's own agency's first when several agencies set one."""
    live = [v for v in verdicts if v.status != "superseded"]
    return min(live, key=lambda v: v.outside, default=None)


def _rows_wanted(goals: list[Verdict], figures: list[Figure], years: tuple[int, int]) -> list[tuple[str, str]]:
    """(metric, basis) pairs to show: level and increase; growth only where no level row carries it
    as stated growth."""
    keys = {(v.goal.metric, v.goal.basis) for v in goals if v.goal.year in years}
    keys |= {(f.metric, f.basis) for f in figures if f.year in years}
    levels = {m for m, basis in keys if basis == "level"}
    return sorted((m, basis) for m, basis in keys if basis != "growth" or m not in levels)


def diff(ledger: Ledger, year_a: int, year_b: int, as_of: date, metrics: tuple[str, ...] = ()) -> Diff:
    """Compare year_a with year_b metric by metric, with what was published by as_of.

    `metrics` (ids) limits the rows. A and B may be any two years; growth is judged only when B
    follows A, because a stated 同比 rate is against the year before B.
    """
    result = reconcile(ledger, as_of)
    known = {s.id for s in ledger.sources if s.published <= as_of}
    figures = [f for f in ledger.figures if f.source.id in known]
    verdicts = list(result.verdicts)
    # A goal revealed afterwards (超额完成…目标) is no plan: a year with only such goals lacks its plan.
    planned = [v.goal for v in verdicts if not v.revealed]
    lacks = tuple((year, what) for year in dict.fromkeys((year_a, year_b))
                  for what, records in (("goals", planned), ("figures", figures))
                  if not any(r.year == year for r in records))
    planners = {year: {g.agency for g in planned if g.year == year} for year in (year_a, year_b)}
    lacks_agency = tuple((year, agency) for year, other in ((year_a, year_b), (year_b, year_a)) if planners[year]
                         for agency in sorted(planners[other] - planners[year]))
    rows = []
    for metric_id, basis in _rows_wanted(verdicts, figures, (year_a, year_b)):
        if metrics and metric_id not in metrics:
            continue
        a, b = (_side(verdicts, figures, metric_id, year, basis) for year in (year_a, year_b))
        b_growth = _side(verdicts, figures, metric_id, year_b, "growth")
        rows.append(_row(ledger.metrics[metric_id], basis, a, b, b_growth, figures, year_a, planners))
    rows.sort(key=lambda row: not needs_a_look(row))  # stable: metric order within each group
    return Diff(year_a, year_b, as_of, tuple(rows), lacks, lacks_agency)


def needs_a_look(row: DiffRow) -> bool:
    """True when the row has a flag other than consistent-growth."""
    return any(flag != "consistent-growth" for flag in row.flags)


def _side(verdicts: list[Verdict], figures: list[Figure], metric_id: str, year: int, basis: str) -> Side:
    mine = [v for v in verdicts if (v.goal.metric, v.goal.year, v.goal.basis) == (metric_id, year, basis)]
    candidates = [f for f in figures if (f.metric, f.year, f.basis) == (metric_id, year, basis)]
    return Side(year, _in_force(mine), best_figure(candidates))


# size: a row is made from both years' sides at once; they are its fields, named
def _row(metric: Metric, basis: str, a: Side, b: Side, b_growth: Side, figures: list[Figure],
         year_a: int, planners: dict[int, set[str]]) -> DiffRow:
    """One row; `planners` holds, for each of the two years, the agencies that set planned goals for it."""
    change = change_pct = None
    change_of = ""
    ha, hb = a.headline(), b.headline()
    if ha is not None and hb is not None:
        change = hb[0] - ha[0]
        change_pct = change / ha[0] * 100 if ha[0] else None
        change_of = f"{ha[1]}→{hb[1]}"

    implied = implied_from = None
    if basis == "level" and a.actual is not None and not a.actual.partial:
        if b.goal is not None:
            implied_from = "target"
            implied = growth_between(published_interval(a.actual), interval_of(b.goal))
        elif b.actual is not None and not b.actual.partial:
            implied_from = "actual"
            implied = growth_between(published_interval(a.actual), published_interval(b.actual))
    # Like is compared with like: the growth goal with the level goal, the growth figure with the figure.
    stated: Goal | Figure | None = {"target": b_growth.goal, "actual": b_growth.actual}.get(
        implied_from or "", (b_growth.goal or b_growth.actual) if basis == "level" else None)

    flags = []
    if implied is not None and stated is not None and b.year == a.year + 1:
        flags.append("consistent-growth" if agree(implied, interval_of(stated)) else "inconsistent-growth")
    prior = None
    if b.goal is not None:
        level_figures = [f for f in figures if f.metric == metric.id and f.basis == "level"]
        prior = below_prior(b.goal, metric, level_figures, max_year=year_a)
        if prior is not None:
            flags.append("target-below-prior")
    # A goal is added or dropped only against a plan of its own agency for the other year: a year with
    # no goals of that agency is a plan the ledger lacks (one body's press conference is not restated in
    # another's work plan). A goal revealed afterwards was never a plan: it is neither added nor dropped.
    a_plan, b_plan = (side.verdict is not None and not side.verdict.revealed for side in (a, b))
    if b_plan and not a_plan and b.goal is not None and b.goal.agency in planners[a.year]:
        flags.append("new-goal")
    if a_plan and not b_plan and a.goal is not None and a.goal.agency in planners[b.year]:
        flags.append("dropped-goal")
    decided = ("hit", "miss")
    if (a.verdict is not None and b.verdict is not None and a.verdict.status in decided
            and b.verdict.status in decided and a.verdict.status != b.verdict.status):
        flags.append("status-change")
    return DiffRow(metric, basis, a, b, change, change_pct, change_of, implied, implied_from, stated, prior,
                   tuple(flags))
