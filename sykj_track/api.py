"""The plain Python API the CLI is a thin layer over."""

from __future__ import annotations

import os
from datetime import date

from .datadir import find_data_dir
from .load import load
from .model import Ledger, Problem, Reconciliation, Verdict
from .reconcile import reconcile
from .validate import validate

__all__ = ["load_ledger", "check", "reconcile", "select", "Ledger", "Problem", "Reconciliation"]


def load_ledger(data: str | os.PathLike[str] | None = None) -> tuple[Ledger, list[Problem]]:
    """Load the ledger from `data` (or the default data directory) with the loader's problems."""
    return load(find_data_dir(data))


def check(ledger: Ledger, problems: list[Problem]) -> list[Problem]:
    """All problems: the loader's plus the cross-record checks, quotes in seeds included."""
    return [*problems, *validate(ledger)]


AGENCY_SHORT = {"科技局": "科学技术局", "工信局": "工业和信息化局"}


def select(result: Reconciliation, years: tuple[int, ...] = (), metrics: tuple[str, ...] = (),
           statuses: tuple[str, ...] = (), agency: str | None = None) -> list[Verdict]:
    """Filter verdicts by year, metric id, status and agency (a part of its name; 科技局 works)."""
    wanted_agency = AGENCY_SHORT.get(agency.removeprefix("沈阳市").removeprefix("市"), agency) if agency else None
    return [v for v in result.verdicts
            if (not years or v.goal.year in years)
            and (not metrics or v.goal.metric in metrics)
            and (not statuses or v.status in statuses)
            and (wanted_agency is None or wanted_agency in v.goal.agency)]


def resolve_metric(ledger: Ledger, name: str) -> list[str]:
    """Metric ids matching an id, a Chinese or English name, or an alias (exact, then substring)."""
    exact = [m.id for m in ledger.metrics.values()
             if name in (m.id, m.zh, m.en) or name in m.aliases]
    if exact:
        return exact
    lowered = name.lower()
    return [m.id for m in ledger.metrics.values()
            if lowered in m.id or name in m.zh or lowered in m.en.lower() or any(name in a for a in m.aliases)]


def coverage(ledger: Ledger, result: Reconciliation) -> list[dict]:
    """Per source: goals and figures recorded, and the statuses of the goals it states at as-of."""
    rows = []
    for source in sorted(ledger.sources, key=lambda s: s.published):
        stated = [v for v in result.verdicts if any(g.source.id == source.id for g in v.statements)]
        row = {"id": source.id, "file": source.file, "published": source.published.isoformat(),
               "published_approx": source.published_approx,
               "goals": sum(g.source.id == source.id for g in ledger.goals),
               "figures": sum(f.source.id == source.id for f in ledger.figures)}
        row |= {status: sum(v.status == status for v in stated)
                for status in ("hit", "miss", "pending", "superseded")}
        rows.append(row)
    return rows


def default_as_of() -> date:
    """Today: the one place the clock is read."""
    return date.today()


def audit(ledger: Ledger) -> list:
    """Every place where the ledger contradicts itself (see sykj_track.audit); each finding turns
    into a JSON-ready dict with sykj_track.audit.finding_record."""
    from .audit import audit as find

    return find(ledger)


def diff(ledger: Ledger, year_a: int, year_b: int, as_of: date, metrics: tuple[str, ...] = ()):
    """Year A against year B, metric by metric (see sykj_track.diff)."""
    from .diff import diff as compare

    return compare(ledger, year_a, year_b, as_of, metrics)
