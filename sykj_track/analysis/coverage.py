"""What each report gives (its goals and figures, and how the goals it states stand at an as-of date),
and how many goals and figures each metric has.

The shapes behind `sykj-track sources` and `sykj-track metrics`. Pure functions of a ledger.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..model import Ledger, Metric, Reconciliation, Source
from ..vocabulary import STATUSES


@dataclass(frozen=True)
class SourceCoverage:
    """One report: the goals and figures recorded from it, and the statuses of the goals it states
    (a goal stated by two reports counts for both)."""

    source: Source
    goals: int
    figures: int
    hit: int
    miss: int
    pending: int
    superseded: int

    def record(self) -> dict[str, Any]:
        """The row as JSON-ready data: the report's provenance (None where not recorded), then the counts."""
        source = self.source
        return {"id": source.id, "file": source.file, "published": source.published.isoformat(),
                "published_approx": source.published_approx, "url": source.url or None,
                "archive_url": source.archive_url or None,
                "retrieved": source.retrieved.isoformat() if source.retrieved else None,
                "sha256": source.sha256 or None, "goals": self.goals, "figures": self.figures,
                **{status: getattr(self, status) for status in STATUSES}}


def coverage(ledger: Ledger, result: Reconciliation, published_only: bool = False) -> list[SourceCoverage]:
    """Per source, earliest first: goals and figures recorded, and the statuses of the goals it states
    at the reconciliation's as-of; with `published_only`, only the sources published by then."""
    rows = []
    for source in sorted(ledger.sources, key=lambda s: s.published):
        if published_only and source.published > result.as_of:
            continue
        stated = [v for v in result.verdicts if any(g.source.id == source.id for g in v.statements)]
        counts = {status: sum(v.status == status for v in stated) for status in STATUSES}
        rows.append(SourceCoverage(source, goals=sum(g.source.id == source.id for g in ledger.goals),
                                   figures=sum(f.source.id == source.id for f in ledger.figures), **counts))
    return rows


@dataclass(frozen=True)
class MetricUse:
    """One metric of the registry and how many goals and figures are recorded for it."""

    metric: Metric
    goals: int
    figures: int

    def record(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        m = self.metric
        return {"id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "kind": m.kind, "better": m.better,
                "goals": self.goals, "figures": self.figures, "aliases": list(m.aliases)}


def metric_usage(ledger: Ledger) -> list[MetricUse]:
    """Every metric of the registry, by id, with the number of goals and figures that use it."""
    goals = Counter(g.metric for g in ledger.goals)
    figures = Counter(f.metric for f in ledger.figures)
    return [MetricUse(m, goals[m.id], figures[m.id]) for m in sorted(ledger.metrics.values(), key=lambda m: m.id)]
