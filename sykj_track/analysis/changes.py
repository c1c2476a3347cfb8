"""What changed between two as-of dates: the verdicts a new report decided, reversed or revised.

A pure function of the ledger and two dates. A verdict can change only at a few moments: the day a
report is published, and 1 January after a goal's year (a goal with no figure then turns from not
due to overdue). The reconciler judges every goal just before and at each such moment inside the
window, and each goal whose verdict differs across it becomes a Change naming the report that
changed it and the quotes, with `after` the verdict on that day. So a change is one step, the same
whichever window shows it: the changes of a window are those of its two halves, one after the
other, and a feed regenerated over another window repeats or rewrites no entry. A goal that went
pending -> hit (on an estimate) -> hit (on the final figure) is two changes, each on its own day.

Kinds:
    new        a goal first stated by a report published that day
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
from urllib.parse import quote

from ..model import Figure, Goal, Ledger, Metric, Source, Verdict
from ..vocabulary import ChangeKind
from .reconcile import reconcile

# The tagging entity of the ids sykj-track mints (RFC 4151: a name and a day it was held, here the
# project's first day); the rest of an id is the data's.
TAG = "tag:sykj-track,2026-11-22:"


@dataclass(frozen=True)
class Change:
    """One step of one goal's verdict: how it differs on `when` from the day before, and what made it differ."""

    kind: ChangeKind
    id: str  # the goal's id (year:metric:basis[:agency]), as in `status`
    metric: Metric
    goal: Goal  # the statement in force on `when`
    before: Verdict | None  # the verdict the day before `when`; None for a new goal
    after: Verdict  # the verdict on `when`
    report: Source | None  # the report that made the change; None when only the calendar did
    quotes: tuple[str, ...]  # what that report says (the figure, or the new statement of the goal)
    when: date  # the report's publication date, or 1 January after the goal's year for an overdue goal

    @property
    def entry_id(self) -> str:
        """A tag: URI (RFC 4151) naming this change, an Atom entry id: the goal (agency, year, metric,
        basis) and the day, which name one change since a goal's verdict changes at most once a day.
        Made of the data alone, it stays the same on every run, whatever the window, the ledger's name
        or the words a kind is said in."""
        goal = self.goal
        parts = (quote(goal.agency, safe=""), str(goal.year), quote(goal.metric, safe=""), goal.basis,
                 self.when.isoformat())
        return f"{TAG}change/{'/'.join(parts)}"


def changes(ledger: Ledger, since: date, until: date) -> list[Change]:
    """Every step by which a goal's verdict changed after `since` up to and including `until`,
    oldest first (goals of one day by id)."""
    if until <= since:
        raise ValueError(f"until ({until}) must be after since ({since})")
    found: list[Change] = []
    before = _judged(ledger, since)
    for day in moments(ledger, since, until):
        after = _judged(ledger, day)
        found += sorted((change for v in after.values() if (change := _change(before.get(v.id), v, day)) is not None),
                        key=lambda c: c.id)
        before = after
    return found


def moments(ledger: Ledger, since: date, until: date) -> list[date]:
    """The days after `since`, up to `until`, on which a verdict can change: a report's publication
    day, and 1 January after a goal's year. Between two of them every verdict stays as it is."""
    days = {s.published for s in ledger.sources}
    days |= {date(g.year + 1, 1, 1) for g in ledger.goals if g.year < date.max.year}
    return sorted(day for day in days if since < day <= until)


def _judged(ledger: Ledger, as_of: date) -> dict[str, Verdict]:
    """The verdict in force of every goal as of `as_of`, by goal id."""
    return {v.id: v for v in reconcile(ledger, as_of).verdicts if v.status != "superseded"}


def _change(old: Verdict | None, new: Verdict, day: date) -> Change | None:
    """The change of one goal's verdict from `old` (the day before `day`) to `new` (on `day`), if any."""
    goal = new.goal
    if old is None:
        return _made("new", old, new, goal.source, (goal.quote,), day)
    if (old.goal.op, old.goal.target, old.goal.target_max) != (goal.op, goal.target, goal.target_max):
        return _made("revised", old, new, goal.source, (goal.quote,), day)
    decided = ("hit", "miss")
    if old.status != new.status:
        kind: ChangeKind = ("decided" if old.status not in decided else "reopened" if new.status not in decided
                      else "reversed")
        return _by_figure(kind, old, new, day)
    if _evidence(old) != _evidence(new):
        return _by_figure("evidence", old, new, day)
    if old.reason == "not-due" and new.reason == "no-figure":
        return _made("overdue", old, new, None, (), day)
    return None


def _evidence(v: Verdict) -> tuple[Figure, ...]:
    """The figures a verdict rests on."""
    return (v.figure,) if v.figure is not None else v.derived_from


def _by_figure(kind: ChangeKind, old: Verdict, new: Verdict, day: date) -> Change:
    """A change made by the figure(s) the new verdict rests on: the latest report among them made it."""
    figures = [f for f in _evidence(new) if f not in _evidence(old)] or list(_evidence(new))
    if not figures:  # back to no figure at all: nothing published can do that, but say so plainly
        return _made(kind, old, new, None, (), day)
    latest = max(figures, key=lambda f: f.source.published)
    quotes = tuple(dict.fromkeys(f.quote for f in figures if f.source == latest.source))
    return _made(kind, old, new, latest.source, quotes, day)


def _made(kind: ChangeKind, old: Verdict | None, new: Verdict, report: Source | None, quotes: tuple[str, ...],
          when: date) -> Change:
    return Change(kind=kind, id=new.id, metric=new.metric, goal=new.goal, before=old, after=new, report=report,
                  quotes=quotes, when=when)
