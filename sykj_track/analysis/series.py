"""One metric over the years: its goals, the figures reported for it, and the verdicts, year by year.

The shape behind `sykj-track show` and the charts of the HTML report. A pure function of a ledger and
its reconciliation: nothing here reads files, prints, or looks at the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BASES, Figure, Goal, Ledger, Metric, Reconciliation, Verdict
from .reconcile import best_figure


@dataclass(frozen=True)
class YearPoint:
    """One year of one basis (level, growth or increment) of a metric."""

    year: int
    verdicts: tuple[Verdict, ...]  # the goals for this year, superseded statements included
    figures: tuple[Figure, ...]  # every figure of this year published by as-of, earliest report first
    shown: Figure | None  # the figure a chart draws: the one a goal would be judged on (reconcile's rule 3)

    @property
    def in_force(self) -> tuple[Verdict, ...]:
        """The goals that stand (not superseded by a later statement)."""
        return tuple(v for v in self.verdicts if v.status != "superseded")

    @property
    def status(self) -> str | None:
        """The year's colour: miss beats pending beats hit; None when the year has no goal."""
        statuses = {v.status for v in self.in_force}
        for status in ("miss", "pending", "hit"):
            if status in statuses:
                return status
        return None


@dataclass(frozen=True)
class Series:
    """A metric on one basis, every year from the first to the last that has a goal or a figure."""

    metric: Metric
    basis: str
    unit: str
    points: tuple[YearPoint, ...]  # consecutive years; a year with nothing has empty tuples

    @property
    def years_with_data(self) -> tuple[YearPoint, ...]:
        """The points that have a goal or a figure."""
        return tuple(p for p in self.points if p.verdicts or p.figures)

    def scale_max(self) -> float:
        """The largest number a chart must fit: figures and targets alike (0 when there is none)."""
        values = [f.value for p in self.points for f in p.figures]
        for p in self.points:
            for v in p.verdicts:
                values += [v.goal.target, *([v.goal.target_max] if v.goal.target_max is not None else [])]
        return max([0.0, *values])


@dataclass(frozen=True)
class MetricSeries:
    """Everything known about one metric at as-of, one series per basis that has data."""

    metric: Metric
    as_of_verdicts: tuple[Verdict, ...]
    series: tuple[Series, ...]

    @property
    def has_goal(self) -> bool:
        """True when some report sets a goal for this metric."""
        return bool(self.as_of_verdicts)

    @property
    def has_figure(self) -> bool:
        """True when some report gives a figure of this metric."""
        return any(p.figures for s in self.series for p in s.points)

    def quoted_records(self) -> list[tuple[str, Goal | Figure]]:
        """Every goal statement and figure behind the series, year by year, each labelled "goal" or
        "figure" with its basis after it unless a level ("goal (growth)"): what `show -v` quotes."""
        return [(kind if s.basis == "level" else f"{kind} ({s.basis})", record)
                for s in self.series for point in s.points
                for kind, record in ([("goal", g) for v in point.verdicts for g in v.statements]
                                     + [("figure", f) for f in point.figures])]


def metric_series(ledger: Ledger, result: Reconciliation, metric_id: str) -> MetricSeries:
    """The goals, figures and verdicts of one metric, by basis and year, as known at result.as_of."""
    metric = ledger.metrics[metric_id]
    # The same cut the reconciler makes: a report published after as-of does not exist yet.
    known = {s.id for s in ledger.sources if s.published <= result.as_of}
    figures = [f for f in ledger.figures if f.metric == metric_id and f.source.id in known]
    verdicts = [v for v in result.verdicts if v.goal.metric == metric_id]
    series = []
    for basis in BASES:
        basis_figures = [f for f in figures if f.basis == basis]
        basis_verdicts = [v for v in verdicts if v.goal.basis == basis]
        years = {f.year for f in basis_figures} | {v.goal.year for v in basis_verdicts}
        if not years:
            continue
        points = []
        for year in range(min(years), max(years) + 1):
            year_figures = sorted((f for f in basis_figures if f.year == year), key=lambda f: f.source.published)
            points.append(YearPoint(year=year, verdicts=tuple(v for v in basis_verdicts if v.goal.year == year),
                                    figures=tuple(year_figures), shown=best_figure(year_figures)))
        unit = "%" if basis == "growth" else metric.unit
        series.append(Series(metric=metric, basis=basis, unit=unit, points=tuple(points)))
    return MetricSeries(metric=metric, as_of_verdicts=tuple(verdicts), series=tuple(series))


def all_series(ledger: Ledger, result: Reconciliation) -> list[MetricSeries]:
    """metric_series for every metric with a goal or a figure at as-of, in the ledger's metric order."""
    out = [metric_series(ledger, result, metric_id) for metric_id in ledger.metrics]
    return [m for m in out if m.series]
