"""Parts against their totals: a metric whose registry entry says `part_of = "<total>"` counts a part
of that total (国家级7家 of 各级技术转移示范机构41家), so none of its figures can be larger than a
figure of the total for the same year. Parts are not summed: the parts of one total may overlap
(入选省级实质性联盟70家 may lie within 典型实质性联盟141家, both parts of 291家), and the registry
does not say which are disjoint.

A pure function of the ledger, on the intervals of intervals.py (so rounding and bounds such as 突破
or 以上 never make a finding). Only levels are compared: a part's increase can outgrow the total's
when another part shrinks. Figures are compared only at the same cut-off (both full-year, or both to
the same date) and both final or both estimates (an estimate against a final figure is a revision).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING
from decimal import Decimal

from .intervals import Interval, published_interval, show
from ..model import Figure, Ledger, Metric
from ..quantity import convert
from ..vocabulary import FindingKind

if TYPE_CHECKING:
    from .audit import Finding

KIND: FindingKind = "part-exceeds-total"


def _scaled(interval: Interval, factor: float) -> Interval:
    return Interval(interval.lo * factor, interval.hi * factor, interval.lo_closed, interval.hi_closed)


def _above(part: Interval, total: Interval) -> bool:
    """Every value the part allows is larger than every value the total allows."""
    return part.lo > total.hi or (part.lo == total.hi and not (part.lo_closed and total.hi_closed))


def parts_exceeding_total(ledger: Ledger) -> list[Finding]:
    """The part-exceeds-total findings (sykj_track.analysis.audit.Finding) of the ledger."""
    from .audit import Finding, written  # audit gathers this module's findings: imported here, not at the top
    from ..i18n import msg

    parts_of: dict[str, list[Metric]] = defaultdict(list)  # a total -> its parts, and their parts
    for metric in ledger.metrics.values():
        seen = {metric.id}
        total = ledger.metrics.get(metric.part_of)
        while total is not None and total.id not in seen:  # the loader reports a loop; never follow one
            parts_of[total.id].append(metric)
            seen.add(total.id)
            total = ledger.metrics.get(total.part_of)
    levels: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for fig in ledger.figures:
        if fig.basis == "level":
            levels[(fig.metric, fig.year)].append(fig)
    found = []
    for total_id in sorted(parts_of):
        total_metric = ledger.metrics[total_id]
        factors = {m.id: float(convert(Decimal(1), m.unit, total_metric.unit)) for m in parts_of[total_id]}
        years = sorted({year for (metric_id, year) in levels if metric_id == total_id})
        for year in years:
            parts = [f for m in parts_of[total_id] for f in levels.get((m.id, year), ())]
            for total_figure in levels[(total_id, year)]:
                whole = published_interval(total_figure)
                peers = [p for p in parts if p.estimate == total_figure.estimate and p.as_of == total_figure.as_of]
                for part in peers:
                    share = _scaled(published_interval(part), factors[part.metric])
                    if _above(share, whole):
                        found.append(Finding.of(KIND, total_metric, (year,), (("part", part), ("total", total_figure)),
                                                msg("audit.part_exceeds", part=written(part), ip=show(share),
                                                    total=written(total_figure), it=show(whole))))
    return found
