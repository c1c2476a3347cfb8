"""The fixed sets of values the ledger and its verdicts use: one place for each, as a Literal type
for the type checker and a tuple for everything that lists them (the loader's checks, the JSON
Schemas, the CLI's choices, the order of a table).

Plain strings at run time (a Literal is only a type), so the cache, JSON and CSV see the values as
they always were. Imports only typing, so the CLI may read its choices from here at start-up. The
words a reader sees for each value are in i18n.
"""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]  # the languages the tool speaks and a ledger may declare
MetricKind = Literal["stock", "flow", "ratio", "rank"]
Better = Literal["higher", "lower"]
Op = Literal[">=", ">", "<=", "<", "between"]
Basis = Literal["level", "growth", "increment"]
Bound = Literal["exact", "more_than", "at_least", "about", "at_most"]
Increments = Literal["gross", "net"]
Status = Literal["hit", "miss", "pending", "superseded"]
# Why a goal is pending (or superseded: revised); None for a decided goal.
Reason = Literal["not-due", "no-figure", "partial", "inconclusive", "revised"]
# What a decided verdict rests on; None for a pending one.
Evidence = Literal["final", "estimate", "partial", "derived"]
Severity = Literal["error", "warning"]
# The audit's findings, in the order it lists them.
FindingKind = Literal["increment-mismatch", "growth-mismatch", "target-below-prior", "conflicting-figures",
                      "part-exceeds-total"]
# How a goal's verdict changed between two as-of dates (`changes`).
ChangeKind = Literal["new", "decided", "reversed", "reopened", "revised", "evidence", "overdue"]

LANGS: tuple[Lang, ...] = get_args(Lang)
KINDS: tuple[MetricKind, ...] = get_args(MetricKind)
BETTER: tuple[Better, ...] = get_args(Better)
OPS: tuple[Op, ...] = get_args(Op)
BASES: tuple[Basis, ...] = get_args(Basis)
BOUNDS: tuple[Bound, ...] = get_args(Bound)
INCREMENTS: tuple[Increments, ...] = get_args(Increments)
STATUSES: tuple[Status, ...] = get_args(Status)
REASONS: tuple[Reason, ...] = get_args(Reason)
EVIDENCE: tuple[Evidence, ...] = get_args(Evidence)
FINDING_KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)
