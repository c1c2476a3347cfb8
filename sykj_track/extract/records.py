"""The values extract passes between its stages and hands to its callers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

@dataclass(frozen=True)
class Item:
    """One drafted goal or figure. `value` (and `value_max`) are the numbers as written, in `unit`."""

    kind: str  # "goal" | "figure"
    metric: str
    year: int
    value: Decimal
    unit: str
    basis: str
    quote: str
    op: str | None = None  # goals: >=, >, <=, <, between
    bound: str | None = None  # figures: exact, more_than, at_least, about, at_most
    estimate: bool = False
    as_of: date | None = None
    value_max: Decimal | None = None
    confidence: float = 0.5
    already_recorded: bool = False
    known_metric: bool = True
    agency: str = ""
    tier: str = ""  # "base" (确保) | "stretch" (力争) for a two-tier goal
    subject: str = ""  # the words the metric was matched on (or proposed from)
    note: str = ""
    doubt: str = ""

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
class Draft:
    """Everything extracted from one report; `skipped` holds the numbers left out, with the reason."""

    source: dict
    items: tuple[Item, ...]
    new_metrics: tuple[ProposedMetric, ...]
    encoding: str
    published_how: str
    skipped: tuple[Skipped, ...] = ()
