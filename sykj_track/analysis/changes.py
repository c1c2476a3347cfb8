"""What changed between two as-of dates: the verdicts a new report decided, reversed or revised.

A pure function of the ledger and two dates: the reconciler judges every goal as of `since` and as of
`until`, and each goal whose verdict differs becomes a Change naming the report that changed it and
the quotes. Only the net change is reported: a goal that went pending -> hit (on an estimate) -> miss
(on the final figure) within the window is one change, pending -> miss, caused by the final figure.

Kinds:
    new        a goal first stated by a report published in the window
    decided    pending -> hit or miss
    reversed   hit -> miss or miss -> hit
    reopened   hit or miss -> pending (a later figure decides nothing)
    revised    a later report restated the goal with another target (the old one is superseded)
    evidence   same status, resting on another figure now (an estimate confirmed by the final figure)
    overdue    the goal's year ended with no figure (no report: the calendar did it)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..vocabulary import ChangeKind
from ..model import Figure, Goal, Ledger, Metric, Source, Verdict
from .reconcile import reconcile

@dataclass(frozen=True)
class Change:
    """One goal whose verdict differs between `since` and `until`, and what made it differ."""

    kind: ChangeKind
    id: str  # the goal's id (year:metric:basis[:agency]), as in `status`
    metric: Metric
    goal: Goal  # the statement in force at `until`
    before: Verdict | None  # None for a new goal
    after: Verdict
    report: Source | None  # the report that made the change; None when only the calendar did
    quotes: tuple[str, ...]  # what that report says (the figure, or the new statement of the goal)
    when: date  # the report's publication date, or the day after the goal's year for an overdue goal

    @property
    def entry_id(self) -> str:
        """An id that names this change and nothing else, the same on every run (an Atom entry id)."""
        cause = self.report.id if self.report is not None else self.when.isoformat()
        return f"{self.id}/{self.kind}/{self.after.status}/{cause}"


def changes(ledger: Ledger, since: date, until: date) -> list[Change]:
    """Every goal whose verdict as of `until` differs from its verdict as of `since`, oldest change first."""
    if until <= since:
        raise ValueError(f"until ({until}) must be after since ({since})")
    before = {v.id: v for v in reconcile(ledger, since).verdicts if v.status != "superseded"}
    after = [v for v in reconcile(ledger, until).verdicts if v.status != "superseded"]
    found = [change for v in after if (change := _change(before.get(v.id), v)) is not None]
    return sorted(found, key=lambda c: (c.when, c.id))


def _change(old: Verdict | None, new: Verdict) -> Change | None:
    goal = new.goal
    if old is None:
        return _made("new", old, new, goal.source, (goal.quote,), goal.source.published)
    if (old.goal.op, old.goal.target, old.goal.target_max) != (goal.op, goal.target, goal.target_max):
        return _made("revised", old, new, goal.source, (goal.quote,), goal.source.published)
    decided = ("hit", "miss")
    if old.status != new.status:
        kind: ChangeKind = ("decided" if old.status not in decided else "reopened" if new.status not in decided
                      else "reversed")
        return _by_figure(kind, old, new)
    if _evidence(old) != _evidence(new):
        return _by_figure("evidence", old, new)
    if old.reason == "not-due" and new.reason == "no-figure":
        return _made("overdue", old, new, None, (), date(goal.year + 1, 1, 1))
    return None


def _evidence(v: Verdict) -> tuple[Figure, ...]:
    """The figures a verdict rests on."""
    return (v.figure,) if v.figure is not None else v.derived_from


def _by_figure(kind: ChangeKind, old: Verdict, new: Verdict) -> Change:
    """A change made by the figure(s) the new verdict rests on: the latest report among them made it."""
    figures = [f for f in _evidence(new) if f not in _evidence(old)] or list(_evidence(new))
    if not figures:  # back to no figure at all: nothing published can do that, but say so plainly
        return _made(kind, old, new, None, (), new.goal.source.published)
    latest = max(figures, key=lambda f: f.source.published)
    quotes = tuple(dict.fromkeys(f.quote for f in figures if f.source == latest.source))
    return _made(kind, old, new, latest.source, quotes, latest.source.published)


def _made(kind: ChangeKind, old: Verdict | None, new: Verdict, report: Source | None, quotes: tuple[str, ...],
          when: date) -> Change:
    return Change(kind=kind, id=new.id, metric=new.metric, goal=new.goal, before=old, after=new, report=report,
                  quotes=quotes, when=when)
