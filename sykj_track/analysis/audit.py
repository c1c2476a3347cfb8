"""Where the ledger contradicts itself: the reports' own numbers checked against each other.

A pure function of the ledger: no I/O, no clock. Five kinds of finding:

- increment-mismatch: a stated increase (新增 X) against the levels of the year and the year before
  (prior level + X ≠ new level), or an increase goal against a level goal and the last level;
- growth-mismatch: a stated growth rate (同比增长 X%) against two levels, or against an increase
  and the level it ends at, or a growth goal against a level goal and the last level;
- target-below-prior: a level goal below a figure the reports had already given for an earlier year;
- conflicting-figures: two figures of one metric and year that cannot both be true (and a running
  total of a flow that is larger early in the year than later);
- part-exceeds-total: a part (a metric with part_of) larger than its total of the same year (see
  sykj_track.analysis.parts).

Every check works on the intervals of intervals.py, so a finding is never a rounding artefact.
Partial-year growth and increments are left out: 同比 there compares the same part of the year
before, which no report gives. An estimate (预计) takes part, and the finding says so; an estimate
against a final figure of the same year is not a conflict but a revision, and is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..i18n import Msg, msg
from .intervals import (Interval, agree, first_disagreeing, growth_between, growth_of_increment, increment_between,
                        interval_of, published_interval, show, show_growth)
from ..model import Figure, Goal, Ledger, Metric, Problem
from ..quantity import format_number
from ..vocabulary import FINDING_KINDS, FindingKind

KINDS = FINDING_KINDS  # the order findings are listed in

# Figures by (metric, year, basis).
FigureIndex = dict[tuple[str, int, str], list[Figure]]


@dataclass(frozen=True)
class Finding:
    """One place where the numbers do not add up, with the statements it rests on.

    `records` pairs a role ("before", "after", "increment", "growth", "goal", "prior", "first",
    "second", "part", "total") with the goal or figure that plays it. `arithmetic` and `note` are
    English (the JSON's); `said` and `note_said` are the same as messages of the catalogue, for a
    reader of either language (`arithmetic_in`, `note_in`).
    """

    kind: FindingKind
    metric: Metric
    years: tuple[int, ...]
    records: tuple[tuple[str, Goal | Figure], ...]
    arithmetic: str
    note: str = ""
    said: Msg | None = None
    note_said: Msg | None = None

    @classmethod
    def of(cls, kind: FindingKind, metric: Metric, years: tuple[int, ...],
           records: tuple[tuple[str, Goal | Figure], ...], arithmetic: Msg, note: Msg | None = None) -> Finding:
        """A finding whose arithmetic and note are messages of the catalogue."""
        return cls(kind, metric, years, records, arithmetic.text("en"), note.text("en") if note else "",
                   arithmetic, note)

    def arithmetic_in(self, lang: str) -> str:
        """The arithmetic in `lang`."""
        return self.said.text(lang) if self.said is not None else self.arithmetic

    def note_in(self, lang: str) -> str:
        """The note in `lang` ("" when there is none)."""
        return self.note_said.text(lang) if self.note_said is not None else self.note

    @property
    def estimate(self) -> bool:
        """True when a figure the finding rests on is an estimate (预计)."""
        return any(isinstance(r, Figure) and r.estimate for _, r in self.records)


def written(record: Goal | Figure) -> str:
    """The number as published, with its bound or goal operator: "突破2.5万家", "≥ 4500家"."""
    if isinstance(record, Goal):
        sign = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(record.op, "")
        if record.op == "between":
            return f"{format_number(record.target)}–{format_number(record.target_max or 0)}{record.unit}"
        return f"{sign}{record.written}"
    prefix = {"more_than": "> ", "at_least": "≥ ", "about": "≈ ", "at_most": "≤ "}.get(record.bound, "")
    suffix = " (预计)" if record.estimate else ""
    if record.as_of is not None:
        suffix += f" (截至{record.as_of})"
    return f"{prefix}{record.written}{suffix}"


def record_dict(role: str, record: Goal | Figure) -> dict[str, Any]:
    """A goal or figure as a JSON-ready dict: what it says and where it says it."""
    out: dict[str, Any] = {"role": role, "type": "goal" if isinstance(record, Goal) else "figure",
                           "source": record.source.id, "year": record.year, "basis": record.basis,
                           "written": written(record), "value": record.target if isinstance(record, Goal)
                           else record.value, "unit": record.unit, "quote": record.quote,
                           "where": str(record.where)}
    if isinstance(record, Figure):
        out |= {"bound": record.bound, "estimate": record.estimate,
                "as_of": record.as_of.isoformat() if record.as_of else None}
    else:
        out |= {"op": record.op, "agency": record.agency}
    return out


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a flat, JSON-ready dict (for `audit --format json` and the HTML report)."""
    return {"kind": finding.kind, "metric": finding.metric.id, "name_zh": finding.metric.zh,
            "name_en": finding.metric.en, "years": list(finding.years),
            "numbers": {role: written(r) for role, r in finding.records},
            "arithmetic": finding.arithmetic, "arithmetic_zh": finding.arithmetic_in("zh"),
            "estimate": finding.estimate, "note": finding.note or None, "note_zh": finding.note_in("zh") or None,
            "quotes": [record_dict(role, r) for role, r in finding.records]}


def _full_year(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if not f.partial]


def _index(figures: tuple[Figure, ...]) -> FigureIndex:
    index: FigureIndex = defaultdict(list)
    for fig in figures:
        index[(fig.metric, fig.year, fig.basis)].append(fig)
    return index


def _number(record: Goal | Figure) -> str:
    """A number for an arithmetic line: a goal's target bare, a figure with its bound."""
    return record.written if isinstance(record, Goal) else written(record)


def _against_levels(stated: Goal | Figure, before: Figure, after: Goal | Figure, metric: Metric) -> Finding | None:
    """A stated increase or growth against the level before and the level after (a figure, or
    the report's own level goal); a finding when no values within the intervals agree."""
    implied: Interval | None
    if stated.basis == "increment":
        implied = increment_between(published_interval(before), interval_of(after))
        text = f"{_number(after)} − {written(before)} = {show(implied)} {metric.unit}"
    else:
        implied = growth_between(published_interval(before), interval_of(after))
        if implied is None:
            return None
        text = f"{_number(after)} ÷ {written(before)} − 1 = {show_growth(implied)}"
    if agree(implied, interval_of(stated)):
        return None
    plan = isinstance(stated, Goal)
    note = msg(f"audit.note.plan.{stated.basis}") if plan else None
    if isinstance(stated, Goal) and isinstance(after, Goal) and {after.op, stated.op} <= {">=", ">"}:
        # 新增100名, 总数达到300名以上 from 213: 313 would meet both. Say what kind of finding it is.
        note = msg("audit.note.floors", first=note)
    kind: FindingKind = "increment-mismatch" if stated.basis == "increment" else "growth-mismatch"
    return Finding.of(kind, metric, (stated.year - 1, stated.year),
                      (("before", before), ("goal" if plan else "after", after), (stated.basis, stated)),
                      msg(f"audit.{'plan' if plan else 'stated'}.{stated.basis}", text=text, n=_number(stated)), note)


def _stated_findings(ledger: Ledger, index: FigureIndex) -> list[Finding]:
    """Each stated increase and growth against the levels of its year and the year before."""
    found = []
    for stated in _full_year([f for f in ledger.figures if f.basis in ("increment", "growth")]):
        metric = ledger.metrics[stated.metric]
        if stated.basis == "increment" and stated.unit != metric.unit:
            continue  # a change of a share in 百分点 is not a difference of levels in %
        for before in _full_year(index[(stated.metric, stated.year - 1, "level")]):
            for after in _full_year(index[(stated.metric, stated.year, "level")]):
                found.append(_against_levels(stated, before, after, metric))
        if stated.basis != "growth":
            continue
        for inc in _full_year(index[(stated.metric, stated.year, "increment")]):
            for after in _full_year(index[(stated.metric, stated.year, "level")]):
                rate = growth_of_increment(published_interval(inc), published_interval(after))
                if inc.unit == metric.unit and rate is not None and not agree(rate, published_interval(stated)):
                    found.append(Finding.of(
                        "growth-mismatch", metric, (stated.year - 1, stated.year),
                        (("increment", inc), ("after", after), ("growth", stated)),
                        msg("audit.stated.growth", n=written(stated),
                            text=f"{written(inc)} ÷ ({written(after)} − {written(inc)}) = {show_growth(rate)}")))
    return [f for f in found if f is not None]


def _plan_findings(ledger: Ledger, index: FigureIndex) -> list[Finding]:
    """A report's increase or growth goal against its own level goal and the last level it knew."""
    levels = {(g.source.id, g.metric, g.year, g.agency): g for g in ledger.goals if g.basis == "level"}
    found = []
    for goal in ledger.goals:
        level = levels.get((goal.source.id, goal.metric, goal.year, goal.agency))
        if goal.basis not in ("growth", "increment") or level is None:
            continue
        if goal.basis == "increment" and goal.unit != level.unit:
            continue  # an increase in 百分点 of a share
        for before in _full_year(index[(goal.metric, goal.year - 1, "level")]):
            if before.source.published <= goal.source.published:
                found.append(_against_levels(goal, before, level, ledger.metrics[goal.metric]))
    return [f for f in found if f is not None]


def below_prior(goal: Goal, metric: Metric, figures: list[Figure], max_year: int | None = None
                ) -> Figure | None:
    """The latest figure of an earlier year, published by the goal's report, that already beats
    the goal's target (for a rank, a better place than the target); None when there is none.

    `figures` are the level figures of the goal's metric; `max_year` caps the years looked at.
    """
    if goal.basis != "level":
        return None
    last = goal.year - 1 if max_year is None else min(goal.year - 1, max_year)
    prior = [f for f in figures if f.year <= last and f.source.published <= goal.source.published
             and f.basis == "level"]
    if metric.better == "lower":
        if goal.op not in ("<=", "<", "between"):
            return None
        beaten = [f for f in prior if published_interval(f).hi < goal.target]
        return max(beaten, key=lambda f: (f.year, -published_interval(f).hi), default=None)
    if goal.op not in (">=", ">", "between"):
        return None
    top = goal.target_max if goal.target_max is not None else goal.target
    beaten = [f for f in prior if published_interval(f).lo > top]
    return max(beaten, key=lambda f: (f.year, published_interval(f).lo), default=None)


def _below_prior_findings(ledger: Ledger) -> list[Finding]:
    by_metric: dict[str, list[Figure]] = defaultdict(list)
    for fig in ledger.figures:
        if fig.basis == "level":
            by_metric[fig.metric].append(fig)
    found = []
    for goal in ledger.goals:
        metric = ledger.metrics[goal.metric]
        prior = below_prior(goal, metric, by_metric[goal.metric])
        if prior is not None:
            found.append(Finding.of(
                "target-below-prior", metric, (prior.year, goal.year), (("prior", prior), ("goal", goal)),
                msg(f"audit.below_prior.{metric.better}", year=goal.year, goal=written(goal), prior_year=prior.year,
                    prior=written(prior)),
                msg("audit.note.below_prior", kind=msg(f"metric_kind.{metric.kind}"))))
    return found


def _cutoff(fig: Figure) -> date:
    return fig.as_of or date(fig.year, 12, 31)


def _conflicts(ledger: Ledger, index: FigureIndex) -> list[Finding]:
    """Figures of one metric, year and basis that cannot both be true: by one date, figures whose
    intervals do not overlap; a running total (a flow's level) larger at an earlier date than at a
    later one. An estimate is compared only with estimates (a final figure revises it).

    Each figure is reported once, against the first figure before it that it contradicts (ledger
    order; for running totals, the largest earlier total): k figures that all differ give k - 1
    findings, not k(k - 1)/2, and the work grows as k log k.
    """
    found = []
    for (metric_id, year, basis), figures in sorted(index.items()):
        metric = ledger.metrics[metric_id]
        position = {id(f): n for n, f in enumerate(figures)}
        pairs: list[tuple[Figure, Figure, Msg]] = []
        for estimate in (False, True):
            by_date: dict[date, list[Figure]] = defaultdict(list)
            for fig in figures:
                if fig.estimate == estimate:
                    by_date[_cutoff(fig)].append(fig)
            for same in by_date.values():
                shown = [published_interval(f) for f in same]
                for n, earlier in enumerate(first_disagreeing(shown)):
                    if earlier is not None:
                        a, b = shown[earlier], shown[n]
                        pairs.append((same[earlier], same[n],
                                      msg("audit.no_overlap", a=written(same[earlier]), ia=show(a), b=written(same[n]),
                                          ib=show(b))))
            if metric.kind == "flow" and basis == "level":
                pairs += _shrinking_totals(by_date)
        pairs.sort(key=lambda pair: sorted((position[id(pair[0])], position[id(pair[1])]))[::-1])
        found += [Finding.of("conflicting-figures", metric, (year,), (("first", first), ("second", second)), why)
                  for first, second, why in pairs]
    return found


def _shrinking_totals(by_date: dict[date, list[Figure]]) -> list[tuple[Figure, Figure, Msg]]:
    """A running total cannot shrink: each figure against the largest total of an earlier date, when
    even the lowest value that one allows exceeds the highest this one allows."""
    pairs = []
    largest: tuple[float, Figure] | None = None  # the highest low end of any earlier date, and its figure
    for when in sorted(by_date):
        shown = [(published_interval(f), f) for f in by_date[when]]
        if largest is not None:
            for interval, late in shown:
                if largest[0] > interval.hi:
                    early = largest[1]
                    pairs.append((early, late, msg("audit.shrinks", early=written(early), d1=_cutoff(early),
                                                   late=written(late), d2=_cutoff(late))))
        for interval, fig in shown:
            if largest is None or interval.lo > largest[0]:
                largest = (interval.lo, fig)
    return pairs


def conflicting_figures(ledger: Ledger) -> list[Finding]:
    """The conflicting-figures findings alone (what `check` warns about)."""
    return _conflicts(ledger, _index(ledger.figures))


def audit(ledger: Ledger) -> list[Finding]:
    """Every place where the ledger contradicts itself, ordered by kind, metric and years."""
    index = _index(ledger.figures)
    findings = [*_stated_findings(ledger, index), *_plan_findings(ledger, index), *_below_prior_findings(ledger),
                *_conflicts(ledger, index)]
    from .parts import parts_exceeding_total  # a part against its total (the registry's part_of)

    findings += parts_exceeding_total(ledger)
    return sorted(findings, key=lambda f: (KINDS.index(f.kind), f.metric.id, f.years,
                                           [str(r.where) for _, r in f.records]))


def disagreement_warnings(ledger: Ledger) -> list[Problem]:
    """Warn where two figures of one metric and year cannot both be true: the conflicting-figures
    findings of the audit, so that `check` and `audit` never disagree about a pair of figures.

    Rounding counts (5902 and 0.59万 agree), and so do bounds (突破5000 and 5902 agree). An estimate
    later replaced by a final figure is not a contradiction, so the two are compared only with their kind.
    """
    problems = []
    for finding in conflicting_figures(ledger):
        (_, first), (_, second) = finding.records
        later, earlier = (second, first) if second.source.published >= first.source.published else (first, second)
        elsewhere = (msg("figures.same_report") if later.source.id == earlier.source.id
                     else msg("figures.in_report", id=earlier.source.id))
        problems.append(Problem.of(later.where, "figures.disagree", metric=later.metric, year=later.year,
                                   basis=msg(f"basis.title.{later.basis}"), here=later.written,
                                   there=earlier.written, elsewhere=elsewhere, at=earlier.where,
                                   quote=later.quote, other=earlier.quote,
                                   arithmetic=finding.said or finding.arithmetic, severity="warning"))
    return problems
