"""The values extract passes between its stages and hands to its callers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from ..vocabulary import Basis, Bound, Op

ItemKind = Literal["goal", "figure"]
Tier = Literal["", "base", "stretch"]  # "" for a goal of one tier


@dataclass(frozen=True)
class Item:
    """One drafted goal or figure. `value` (and `value_max`) are the numbers as written, in `unit`."""

    kind: ItemKind
    metric: str
    year: int
    value: Decimal
    unit: str
    basis: Basis
    quote: str
    op: Op | None = None  # goals only
    bound: Bound | None = None  # figures only
    estimate: bool = False
    as_of: date | None = None
    value_max: Decimal | None = None
    confidence: float = 0.5
    already_recorded: bool = False
    known_metric: bool = True
    agency: str = ""
    tier: Tier = ""  # base (确保) or stretch (力争) for a two-tier goal
    subject: str = ""  # the words the metric was matched on (or proposed from)
    note: str = ""
    doubt: str = ""
    revealed: bool = False  # a target stated beside the figure that met it (任务目标400家)

    @property
    def written(self) -> str:
        return f"{self.value.normalize():f}{self.unit}"


@dataclass(frozen=True)
class ProposedMetric:
    """A measure the registry does not know, with every field targets/metrics.toml requires (en is
    left for a person to write)."""

    id: str
    zh: str
    unit: str
    kind: str
    better: str = "higher"
    en: str = ""


@dataclass(frozen=True)
class Skipped:
    """A number left out of the draft because it is neither a goal nor a figure, and why."""

    written: str
    reason: str
    quote: str


@dataclass(frozen=True)
class DraftSource:
    """The report as the draft's [source] table cites it."""

    id: str
    file: str  # the seed, relative to the ledger's root
    title: str
    agency: str
    published: date
    published_approx: bool
    url: str = ""
    sha256: str = ""  # of the seed as the ledger keeps it (UTF-8)
    note: str = ""  # set when the report was converted to UTF-8: the original's encoding and sha256

    def as_dict(self) -> dict[str, Any]:
        """The [source] table, in the order a targets/ file writes it; url and note only when set."""
        table: dict[str, Any] = {"id": self.id, "file": self.file, "title": self.title, "agency": self.agency,
                                 "published": self.published, "published_approx": self.published_approx}
        if self.url:
            table["url"] = self.url
        table["sha256"] = self.sha256
        if self.note:
            table["note"] = self.note
        return table


@dataclass(frozen=True)
class Draft:
    """Everything extracted from one report; `skipped` holds the numbers left out, with the reason."""

    source: DraftSource
    items: tuple[Item, ...]
    new_metrics: tuple[ProposedMetric, ...]
    encoding: str
    published_how: str
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()  # what the reviewer must settle about the report as a whole
