"""Match reported figures to goals and decide hit / miss / pending.

A pure function of the ledger and an as-of date: no I/O, no printing, no clock. The rules, in the
order they apply:

1. Only sources published on or before as-of count, for goals and figures alike.
2. Statements of one goal (metric, year, agency, basis) with the same target merge into one goal
   citing every source; a later statement with another target revises it, and the earlier one is
   shown as superseded.
3. The figure for a goal has the same metric, year and basis. Preferred, in order: a full-year
   figure over any partial one (among partial ones, the later cut-off); then final over estimate;
   then exact over bounded; then the later publication.
4. hit when the figure proves the goal (bounds honoured), miss when it disproves it, else pending
   with a reason: not-due, no-figure, partial, inconclusive. A partial-year figure of a flow that
   already meets a "reach at least" goal is a hit; any other partial figure leaves the goal pending.
5. Without a full-year figure of its own, a goal is judged on a value derived from other full-year
   figures (evidence "derived"), before any partial figure (unless the partial figure proves the goal
   by rule 4 and the derived value decides nothing): a growth or increase from the levels of
   the year and the year before; a level from the next year's level and its growth (or its increase,
   where the metric says its increases are net). Derived values are intervals (bounds and the
   rounding of the digits written counted): one that neither proves nor rules out the goal leaves it
   pending inconclusive, with no point value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .intervals import (INF, Interval, figure_interval, goal_region, growth_between, increment_between,
                        level_before_growth, level_before_increment, published_interval)
from ..model import Figure, Goal, Ledger, Metric, Reconciliation, Verdict
from ..vocabulary import Bound, Evidence, Reason, Status


def preference(figure: Figure) -> tuple[bool, date, bool, bool, date]:
    """Sort key of rule 3: the largest key is the figure a goal is judged on."""
    return (figure.as_of is None, figure.as_of or date.max, not figure.estimate,
            figure.bound == "exact", figure.source.published)


def best_figure(figures: list[Figure]) -> Figure | None:
    """The preferred figure among candidates of one metric, year and basis (rule 3)."""
    return max(figures, key=preference, default=None)


def attainment(actual: float | None, goal: Goal, metric: Metric) -> float | None:
    """Actual / target (target / actual where lower is better), as hledger's budget report does."""
    if actual is None or goal.target == 0:
        return None
    if metric.better == "lower":
        return goal.target / actual if actual else None
    return actual / goal.target


def _judge(goal: Goal, metric: Metric, interval: Interval, partial: bool) -> tuple[Status, Reason | None]:
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


def _full_year(figures: list[Figure]) -> Figure | None:
    return best_figure([f for f in figures if not f.partial])


@dataclass(frozen=True)
class Derived:
    """A value worked out from other figures: its interval and the figures it rests on."""

    interval: Interval
    sources: tuple[Figure, ...]

    @property
    def estimate(self) -> bool:
        """True when a figure it rests on is an estimate (预计)."""
        return any(f.estimate for f in self.sources)


def derive(goal: Goal, metric: Metric, index: FigureIndex) -> Derived | None:
    """A full-year value for `goal` worked out from other full-year figures (rule 5), or None.

    Growth or increase: from the levels of the year and the year before. Level: from the next year's
    level and its growth, or its increase where the metric's increases are net. Where several
    derivations exist, the narrowest interval is used.
    """
    candidates: list[Derived] = []
    if goal.basis in ("growth", "increment"):
        before = _full_year(index.get(goal.metric, goal.year - 1, "level"))
        after = _full_year(index.get(goal.metric, goal.year, "level"))
        if before is not None and after is not None:
            a, b = published_interval(before), published_interval(after)
            interval = increment_between(a, b) if goal.basis == "increment" else growth_between(a, b)
            if interval is not None:
                candidates.append(Derived(interval, (before, after)))
    elif goal.basis == "level":
        after = _full_year(index.get(goal.metric, goal.year + 1, "level"))
        if after is not None:
            growth = _full_year(index.get(goal.metric, goal.year + 1, "growth"))
            if growth is not None:
                interval = level_before_growth(published_interval(after), published_interval(growth))
                if interval is not None:
                    candidates.append(Derived(interval, (after, growth)))
            increase = _full_year(index.get(goal.metric, goal.year + 1, "increment"))
            if increase is not None and metric.increments == "net" and increase.unit == after.unit:
                candidates.append(Derived(level_before_increment(published_interval(after),
                                                                 published_interval(increase)), (after, increase)))
    return min(candidates, key=lambda d: d.interval.hi - d.interval.lo, default=None)


def _shown(interval: Interval, basis: str) -> Interval:
    """A derived interval as a reader should see it: a growth cannot be below -100%, so a range that
    reaches -100% only because a level was a floor (突破2.5万) is open below."""
    if basis == "growth" and interval.lo <= -100:
        return Interval(-INF, interval.hi, False, interval.hi_closed)
    return interval


@dataclass(frozen=True)
class Judgement:
    """What the figures say about one goal: the fields of its Verdict that judging decides."""

    status: Status
    reason: Reason | None
    evidence: Evidence | None
    figure: Figure | None = None
    derived_from: tuple[Figure, ...] = ()
    actual: float | None = None
    actual_interval: tuple[float, float] | None = None
    actual_bound: Bound | None = None
    actual_estimate: bool = False
    attainment: float | None = None


def _derived_verdict(goal: Goal, metric: Metric, derived: Derived) -> Judgement:
    """The judgement resting on a derived value: a number only when the interval decides the goal,
    and attainment only when it is bounded too."""
    interval = _shown(derived.interval, goal.basis)
    status, reason = _judge(goal, metric, interval, partial=False)
    actual: float | None = None
    bound: Bound | None = None
    if status != "pending":
        if interval.bounded:
            actual, bound = (interval.lo + interval.hi) / 2, "exact" if interval.lo == interval.hi else "about"
        elif interval.hi == INF:
            actual, bound = interval.lo, "at_least" if interval.lo_closed else "more_than"
        else:
            actual, bound = interval.hi, "at_most"
    return Judgement(status=status, reason=reason, evidence="derived", derived_from=derived.sources,
                     actual=actual, actual_bound=bound, actual_interval=(interval.lo, interval.hi),
                     actual_estimate=derived.estimate,
                     attainment=attainment(actual, goal, metric) if interval.bounded else None)


def judge_goal(goal: Goal, metric: Metric, figures: FigureIndex | Iterable[Figure], as_of: date) -> Judgement:
    """Decide one goal from the figures available at as_of."""
    index = figures if isinstance(figures, FigureIndex) else FigureIndex(figures)
    figure = best_figure(index.get(goal.metric, goal.year, goal.basis))
    if figure is None or figure.partial:
        derived = derive(goal, metric, index)
        if derived is not None:
            verdict = _derived_verdict(goal, metric, derived)
            # A running total already past the target proves the goal, whatever a derived range says.
            proven = figure is not None and _judge(goal, metric, figure_interval(figure.value, figure.bound),
                                                   partial=True)[0] == "hit"
            if verdict.status != "pending" or not proven:
                return verdict
    if figure is not None:
        interval = figure_interval(figure.value, figure.bound)
        status, reason = _judge(goal, metric, interval, figure.partial)
        evidence: Evidence = "partial" if figure.partial else "estimate" if figure.estimate else "final"
        return Judgement(status=status, reason=reason, evidence=evidence, figure=figure, actual=figure.value,
                         actual_bound=figure.bound, actual_estimate=figure.estimate,
                         attainment=attainment(figure.value, goal, metric))
    overdue = as_of > date(goal.year, 12, 31)
    return Judgement(status="pending", reason="no-figure" if overdue else "not-due", evidence=None)


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

    # (metric, year, agency, basis) -> (op, target, target_max) -> the statements of that target
    groups: dict[tuple[str, int, str, str], dict[tuple[str, float, float | None], list[Goal]]] = \
        defaultdict(lambda: defaultdict(list))
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
        judged = judge_goal(current, metric, figures, as_of)
        verdicts.append(Verdict(id=goal_id(current, own), goal=current, metric=metric, statements=tuple(in_force),
                                outside=current.agency != own, **vars(judged)))
    verdicts.sort(key=lambda v: (v.goal.year, v.outside, v.goal.agency,
                                 v.goal.metric, v.goal.basis, v.status == "superseded"))
    return Reconciliation(as_of=as_of, verdicts=tuple(verdicts))
