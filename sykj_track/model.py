"""The domain: metrics, sources, goals, reported figures, verdicts, and problems found on the way.

Every object is a frozen dataclass: once loaded, the ledger does not change, and the reconciler
derives verdicts from it without touching it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .i18n import Msg, has, msg, say

from .vocabulary import (BASES, BETTER, BOUNDS, EVIDENCE, INCREMENTS, KINDS, OPS, REASONS, STATUSES, Basis, Better,
                         Bound, Evidence, Increments, Lang, MetricKind, Op, Reason, Severity, Status)

__all__ = ["BASES", "BETTER", "BOUNDS", "EVIDENCE", "INCREMENTS", "KINDS", "OPS", "REASONS", "STATUSES",
           "NEUTRAL", "CheckReport", "Figure", "Goal", "Ledger", "LedgerIdentity", "Metric", "Problem", "Reconciliation", "Source", "Summary",
           "Verdict", "Where"]


@dataclass(frozen=True)
class Where:
    """A place in a data file, for error messages and for pointing at a record."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Problem:
    """Something wrong with the data: where, what, and how to fix it.

    An error makes `check` fail; a warning (something worth a look that may be true as written) only
    with `check --strict`. `message` and `hint` are in English (the JSON output's); `what` and `fix`,
    when set, are the same texts as messages of the catalogue, so that `check` can say them in the
    reader's language (`message_in`, `hint_in`).
    """

    where: Where
    message: str
    hint: str = ""
    severity: Severity = "error"
    what: Msg | None = None
    fix: Msg | None = None

    @classmethod
    def of(cls, where: Where, code: str, /, fix: Msg | str | None = None, severity: Severity = "error",
           **fields: object) -> Problem:
        """The problem the catalogue's message `code` describes, its fix the message `code.fix`
        (filled from the same fields) unless `fix` is given."""
        what = msg(code, **fields)
        if fix is None and has(code + ".fix"):
            fix = msg(code + ".fix", **fields)
        fix_msg = fix if isinstance(fix, Msg) else None
        return cls(where, what.text("en"), say(fix, "en") if fix else "", severity, what, fix_msg)

    @classmethod
    def said(cls, where: Where, what: Msg, fix: Msg | None = None, severity: Severity = "error") -> Problem:
        """The problem described by the messages `what` and `fix`."""
        return cls(where, what.text("en"), fix.text("en") if fix else "", severity, what, fix)

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == "error"

    def message_in(self, lang: str) -> str:
        """What is wrong, in `lang` (English when the message is not in the catalogue)."""
        return self.what.text(lang) if self.what is not None else self.message

    def hint_in(self, lang: str) -> str:
        """How to fix it, in `lang`."""
        return self.fix.text(lang) if self.fix is not None else self.hint

    def __str__(self) -> str:
        from .textsafe import inert  # a message quotes the data, and the data may hold control characters

        text = f"{inert(self.where)}: {self.severity}: {inert(self.message)}"
        return f"{text}\n    fix: {inert(self.hint)}" if self.hint else text

    def as_dict(self) -> dict[str, str | int]:
        """The problem as JSON-ready data: the English message and hint, and the Chinese ones beside."""
        return {"file": self.where.file, "line": self.where.line, "message": self.message, "hint": self.hint,
                "message_zh": self.message_in("zh"), "hint_zh": self.hint_in("zh")}


@dataclass(frozen=True)
class Metric:
    """A distinct measure, such as 高新技术企业数量 counted in 家."""

    id: str
    zh: str
    en: str
    unit: str
    kind: MetricKind
    better: Better
    aliases: tuple[str, ...] = ()
    note: str = ""
    part_of: str = ""  # the id of the metric this one is a part of (国家级 of 各级): never larger than it
    # "net" when a reported increase (净增) is this year's level minus last year's, so a level and its
    # increase imply last year's level; "gross" (the default) when an increase may count new entries
    # while others lapse (高新技术企业 新增 counts new certifications), which implies nothing.
    increments: Increments = "gross"

    def name(self, lang: str = "zh") -> str:
        """The metric's name in `lang` ("zh" or "en")."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Source:
    """A published report, one file in seeds/ and one in targets/."""

    id: str
    file: str
    title: str
    agency: str
    published: date
    published_approx: bool = False
    note: str = ""
    where: Where = Where("")
    # Provenance: where the report was published, an archived copy, when it was fetched, and the
    # SHA-256 of the seed file as recorded (check proves the seed has not changed since).
    url: str = ""
    archive_url: str = ""
    retrieved: date | None = None
    sha256: str = ""


@dataclass(frozen=True)
class Goal:
    """A stated goal. `target` is in the metric's unit (in % for a growth goal)."""

    metric: str
    year: int
    op: Op
    target: float
    basis: Basis
    quote: str
    source: Source
    agency: str
    written: str  # the target as the report writes it, e.g. "3万家"
    unit: str  # the unit of `target`: the metric's, or % for growth
    target_max: float | None = None
    revealed: bool = False
    note: str = ""
    doubt: str = ""
    where: Where = Where("")


@dataclass(frozen=True)
class Figure:
    """A reported figure of one year. `value` is in the metric's unit (in % for growth)."""

    metric: str
    year: int
    value: float
    basis: Basis
    bound: Bound
    quote: str
    source: Source
    written: str  # the value as the report writes it, e.g. "2.5万家"
    unit: str  # the unit of `value`: the metric's, or % for growth
    estimate: bool = False
    as_of: date | None = None  # set only for a partial-year figure
    note: str = ""
    doubt: str = ""
    where: Where = Where("")

    @property
    def partial(self) -> bool:
        """True for a figure that covers only part of its year (截至11月30日)."""
        return self.as_of is not None


@dataclass(frozen=True)
class LedgerIdentity:
    """The body a ledger holds to its numbers. Every field may be empty in the neutral identity."""

    name: str = ""
    agency: str = ""
    region: str = ""  # a city or a province, as the agency's name writes it (大连市, 辽宁省)
    lang: Lang = "zh"

    @property
    def title(self) -> str:
        """What to call the ledger: its name, else its agency, else "" (the caller then says "the ledger")."""
        return self.name or self.agency

    @property
    def who(self) -> str:
        """The body whose goals are judged, for headings: its agency, else the ledger's name, else ""."""
        return self.agency or self.name

    def short(self, agency: str) -> str:
        """`agency` without the ledger's region in front.

        >>> LedgerIdentity(agency="大连市科学技术局", region="大连市").short("大连市工业和信息化局")
        '工业和信息化局'
        """
        if self.region and agency.startswith(self.region) and len(agency) > len(self.region):
            return agency[len(self.region):]
        return agency

    def with_agency_of(self, agencies: Iterable[str]) -> LedgerIdentity:
        """This identity, with the agency most of `agencies` name when it declares none (ties: the
        first named). A ledger without ledger.toml thus still knows its own goals from the others'."""
        if self.agency:
            return self
        counts = Counter(a for a in agencies if a)
        if not counts:
            return self
        top = max(counts.values())
        return replace(self, agency=next(a for a in counts if counts[a] == top))


NEUTRAL = LedgerIdentity()

@dataclass(frozen=True)
class Ledger:
    """Everything loaded from one data directory."""

    root: Path
    metrics: dict[str, Metric]
    sources: tuple[Source, ...]
    goals: tuple[Goal, ...]
    figures: tuple[Figure, ...]
    identity: LedgerIdentity = NEUTRAL  # whose ledger it is (targets/ledger.toml)


@dataclass(frozen=True)
class Verdict:
    """What the reconciler decided about one goal, with the evidence for it."""

    id: str
    goal: Goal  # the statement in force (for a superseded goal: the superseded statement)
    metric: Metric
    statements: tuple[Goal, ...]  # every report that states this goal
    status: Status
    reason: Reason | None
    evidence: Evidence | None
    figure: Figure | None = None  # the figure the verdict rests on (None when derived or absent)
    derived_from: tuple[Figure, ...] = ()  # the figures a derived value comes from
    actual: float | None = None  # None when there is no figure, or a derived interval decides nothing
    actual_interval: tuple[float, float] | None = None  # a derived value's range (-inf/inf for an open end)
    actual_bound: Bound | None = None
    actual_estimate: bool = False
    attainment: float | None = None
    superseded_by: Goal | None = None
    outside: bool = False  # set by an agency other than the ledger's own: views tag it with the agency

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources that state this goal, earliest first."""
        return tuple(g.source for g in self.statements)

    @property
    def revealed(self) -> bool:
        """Known only because a report says it was exceeded (超额完成…目标): no plan states it."""
        return all(g.revealed for g in self.statements)

    @property
    def unreported(self) -> bool:
        """Pending because the year is over and no report gives a figure (shown as overdue, 逾期未报)."""
        return self.status == "pending" and self.reason == "no-figure"


@dataclass(frozen=True)
class Summary:
    """Counts of decided and open goals.

    hit / miss / pending / superseded count every goal. Pending splits into not_due (the year is not
    over), unreported (it is, and no report gives a figure) and the rest (partial, inconclusive).
    revealed_hit / revealed_miss count the decided goals known only because a report says they were
    exceeded: the hit rate leaves them out, since a report names such goals only when it met them.
    """

    hit: int = 0
    miss: int = 0
    pending: int = 0
    superseded: int = 0
    not_due: int = 0
    unreported: int = 0
    revealed_hit: int = 0
    revealed_miss: int = 0

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> Summary:
        """Count the statuses of `verdicts`."""
        counts = dict.fromkeys(STATUSES, 0)
        not_due = unreported = revealed_hit = revealed_miss = 0
        for verdict in verdicts:
            counts[verdict.status] += 1
            if verdict.status == "pending":
                not_due += verdict.reason == "not-due"
                unreported += verdict.reason == "no-figure"
            elif verdict.status in ("hit", "miss") and verdict.revealed:
                revealed_hit += verdict.status == "hit"
                revealed_miss += verdict.status == "miss"
        return cls(**counts, not_due=not_due, unreported=unreported, revealed_hit=revealed_hit,
                   revealed_miss=revealed_miss)

    @property
    def revealed(self) -> int:
        """Decided goals left out of the hit rate because they were only revealed afterwards."""
        return self.revealed_hit + self.revealed_miss

    @property
    def hit_rate(self) -> float | None:
        """Hits among decided goals that a plan stated (revealed goals left out); None when none is decided."""
        hits, decided = self.hit - self.revealed_hit, self.hit + self.miss - self.revealed
        return hits / decided if decided else None


@dataclass(frozen=True)
class Reconciliation:
    """The verdicts of every goal in force at `as_of`."""

    as_of: date
    verdicts: tuple[Verdict, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CheckReport:
    """What `check` found in a data directory: errors, warnings, and what the ledger holds."""

    root: Path
    as_of: date
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    sources: int
    goals: int  # goal statements recorded (a goal stated by two reports counts twice)
    figures: int
    summary: Summary
    overdue: int  # goals whose year is over and that no report gives a figure for

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def summary_dict(self) -> dict[str, object]:
        """The one-line summary as JSON-ready data."""
        s = self.summary
        return {"data": str(self.root), "as_of": self.as_of.isoformat(), "sources": self.sources,
                "goals": s.hit + s.miss + s.pending, "goal_statements": self.goals,
                "figures": self.figures, "hit": self.summary.hit,
                "miss": self.summary.miss, "pending": self.summary.pending,
                "superseded": self.summary.superseded, "overdue": self.overdue,
                "errors": len(self.errors), "warnings": len(self.warnings)}
