"""Match reported figures to goals and decide hit / miss / pending.

A pure function of the ledger and an as-of date: no I/O, no printing, no clock. The rules, in the
order they apply:

1. Only sources published on or before as-of count, for goals and figures alike.
2. Statements of one goal (metric, year, agency, basis) with the same target merge into one goal
   citing every source; a later statement with another target revises it, and the earlier one is
   shown as superseded.
3. The figure for a goal has the same metric, year and basis. Preferred, in order: final over
   estimate, full-year over partial (the later as_of wins), exact over bounded, later publication.
4. hit when the figure proves the goal (bounds honoured), miss when it disproves it, else pending
   with a reason: not-due, no-figure, partial, inconclusive. A partial-year figure of a flow that
   already meets a "reach at least" goal is a hit.
5. A growth (or increment) goal without a reported rate is judged on one derived from the levels of
   the year and the year before (evidence "derived").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from .intervals import INF, Interval, figure_interval, goal_region
from .model import Figure, Goal, Ledger, Metric, Reconciliation, Verdict

def preference(figure: Figure) -> tuple:
    """Sort key of rule 3: the largest key is the figure a goal is judged on."""
    return (not figure.estimate, figure.as_of is None, figure.as_of or date.max,
            figure.bound == "exact", figure.source.published)


def best_figure(figures: list[Figure]) -> Figure | None:
    """The preferred figure among candidates of one metric, year and basis (rule 3)."""
    return max(figures, key=preference, default=None)


def _derive(basis: str, before: Figure, after: Figure) -> Interval | None:
    """A growth rate (%) or an increment from two consecutive full-year levels."""
    a, b = figure_interval(before.value, before.bound), figure_interval(after.value, after.bound)
    closed = a.lo_closed and a.hi_closed and b.lo_closed and b.hi_closed
    if basis == "increment":
        return Interval(b.lo - a.hi, b.hi - a.lo, closed, closed)
    if a.lo <= 0:
        return None
    high = (b.hi / a.lo - 1) * 100
    low = -100.0 if a.hi == INF else (b.lo / a.hi - 1) * 100
    return Interval(low, high, closed, closed)


def _point(interval: Interval) -> tuple[float, str]:
    """A single number and bound to show for an interval."""
    if interval.lo == interval.hi:
        return interval.lo, "exact"
    if interval.hi == INF:
        return interval.lo, "at_least" if interval.lo_closed else "more_than"
    if interval.lo == -INF:
        return interval.hi, "at_most"
    return (interval.lo + interval.hi) / 2, "about"


def attainment(actual: float | None, goal: Goal, metric: Metric) -> float | None:
    """Actual / target (target / actual where lower is better), as hledger's budget report does."""
    if actual is None or goal.target == 0:
        return None
    if metric.better == "lower":
        return goal.target / actual if actual else None
    return actual / goal.target


def _judge(goal: Goal, metric: Metric, interval: Interval, partial: bool) -> tuple[str, str | None]:
    region = goal_region(goal)
    meets = region.contains(interval)
    if partial:
        # A running total can only grow: part of the year already past the target proves it.
        if meets and metric.kind == "flow" and goal.basis in ("level", "increment") and region.hi == INF:
            return "hit", None
        return "pending", "partial"
    if meets:
        return "hit", None
    if not region.overlaps(interval):
        return "miss", None
    return "pending", "inconclusive"


class FigureIndex:
    """Figures by (metric, year, basis): each goal looks up its candidates instead of scanning them all,
    so reconciling stays linear in the size of the ledger."""

    def __init__(self, figures: Iterable[Figure]):
        self._by_key: dict[tuple[str, int, str], list[Figure]] = defaultdict(list)
        for figure in figures:
            self._by_key[(figure.metric, figure.year, figure.basis)].append(figure)

    def get(self, metric: str, year: int, basis: str) -> list[Figure]:
        """The figures of one metric, year and basis (empty when there are none)."""
        return self._by_key.get((metric, year, basis), [])


def judge_goal(goal: Goal, metric: Metric, figures: FigureIndex | Iterable[Figure], as_of: date) -> dict:
    """Decide one goal from the figures available at as_of. Returns the fields of a Verdict."""
    index = figures if isinstance(figures, FigureIndex) else FigureIndex(figures)
    figure = best_figure(index.get(goal.metric, goal.year, goal.basis))
    if figure is not None:
        interval = figure_interval(figure.value, figure.bound)
        status, reason = _judge(goal, metric, interval, figure.partial)
        evidence = "partial" if figure.partial else "estimate" if figure.estimate else "final"
        return dict(status=status, reason=reason, evidence=evidence, figure=figure, actual=figure.value,
                    actual_bound=figure.bound, actual_estimate=figure.estimate,
                    attainment=attainment(figure.value, goal, metric))
    if goal.basis in ("growth", "increment"):
        levels = {year: best_figure([f for f in index.get(goal.metric, year, "level") if not f.partial])
                  for year in (goal.year - 1, goal.year)}
        before, after = levels[goal.year - 1], levels[goal.year]
        if before is not None and after is not None:
            interval = _derive(goal.basis, before, after)
            if interval is not None:
                status, reason = _judge(goal, metric, interval, partial=False)
                actual, bound = _point(interval)
                return dict(status=status, reason=reason, evidence="derived", derived_from=(before, after),
                            actual=actual, actual_bound=bound,
                            actual_estimate=before.estimate or after.estimate,
                            attainment=attainment(actual, goal, metric))
    overdue = as_of > date(goal.year, 12, 31)
    return dict(status="pending", reason="no-figure" if overdue else "not-due", evidence=None)


def goal_id(goal: Goal, own_agency: str = "") -> str:
    """A stable id: year:metric:basis, plus the agency when it is not the ledger's own."""
    parts = [str(goal.year), goal.metric, goal.basis]
    if goal.agency != own_agency:
        parts.append(goal.agency)
    return ":".join(parts)


def reconcile(ledger: Ledger, as_of: date) -> Reconciliation:
    """Verdicts for every goal stated by a source published on or before as_of."""
    known = {s.id for s in ledger.sources if s.published <= as_of}
    goals = [g for g in ledger.goals if g.source.id in known]
    figures = FigureIndex(f for f in ledger.figures if f.source.id in known)

    groups: dict[tuple, dict[tuple, list[Goal]]] = defaultdict(lambda: defaultdict(list))
    for goal in goals:
        groups[(goal.metric, goal.year, goal.agency, goal.basis)][(goal.op, goal.target, goal.target_max)].append(goal)

    own = ledger.identity.agency
    verdicts: list[Verdict] = []
    for group in groups.values():
        # Each distinct target, ordered by its latest statement; the last is in force.
        versions = sorted((sorted(statements, key=lambda g: g.source.published) for statements in group.values()),
                          key=lambda statements: statements[-1].source.published)
        in_force = versions[-1]
        current = in_force[-1]
        metric = ledger.metrics[current.metric]
        for old in versions[:-1]:
            verdicts.append(Verdict(id=f"{goal_id(old[-1], own)}:{old[-1].op}{old[-1].written}", goal=old[-1],
                                    metric=metric, statements=tuple(old), status="superseded",
                                    reason="revised", evidence=None, superseded_by=current,
                                    outside=current.agency != own))
        verdicts.append(Verdict(id=goal_id(current, own), goal=current, metric=metric, statements=tuple(in_force),
                                outside=current.agency != own, **judge_goal(current, metric, figures, as_of)))
    verdicts.sort(key=lambda v: (v.goal.year, v.outside, v.goal.agency,
                                 v.goal.metric, v.goal.basis, v.status == "superseded"))
    return Reconciliation(as_of=as_of, verdicts=tuple(verdicts))
