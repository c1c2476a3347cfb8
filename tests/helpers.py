"""What the tests share: the repository's paths, hand-made data directories and record builders.

Tests import these (`from helpers import DataDir, goal`); conftest.py keeps only fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from sykj_track.ledger.load import load
from sykj_track.model import Ledger

REPO = Path(__file__).resolve().parent.parent
# A frozen copy of the bundled ledger (targets/ and seeds/). Tests that pin counts and verdicts of the
# real data read it, so that adding a correct report to targets/ and seeds/ never turns them red.
# Refresh it on purpose, when the founding data itself is corrected:
#   rm -r tests/fixtures/ledger && mkdir tests/fixtures/ledger && cp -r targets seeds tests/fixtures/ledger/
SNAPSHOT = REPO / "tests" / "fixtures" / "ledger"


class DataDir:
    """Writes metrics, seeds and source files into a temporary data directory."""

    def __init__(self, root: Path):
        self.root = root
        (root / "targets").mkdir(parents=True)
        (root / "seeds").mkdir()
        self.metrics: dict[str, dict[str, Any]] = {}

    def metric(self, metric_id: str, unit: str = "家", kind: str = "stock", better: str = "higher",
               zh: str | None = None, **extra: Any) -> DataDir:
        self.metrics[metric_id] = {"zh": zh or metric_id, "en": metric_id.replace("_", " "), "unit": unit,
                                   "kind": kind, "better": better, **extra}
        (self.root / "targets" / "metrics.toml").write_text(tomli_w.dumps({"metric": self.metrics}),
                                                            encoding="utf-8")
        return self

    def source(self, source_id: str, published: date, text: str, goals: list[dict] = (),
               figures: list[dict] = (), agency: str = "沈阳市科学技术局", **extra: Any) -> DataDir:
        seed = f"seeds/{source_id}.txt"
        (self.root / seed).write_text(text, encoding="utf-8")
        data: dict[str, Any] = {"source": {"id": source_id, "file": seed, "title": source_id, "agency": agency,
                                           "published": published, **extra}}
        if goals:
            data["goal"] = [dict(g) for g in goals]
        if figures:
            data["figure"] = [dict(f) for f in figures]
        (self.root / "targets" / f"{source_id}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
        return self

    def load(self) -> Ledger:
        ledger, problems = load(self.root)
        assert problems == [], "\n".join(map(str, problems))
        return ledger


def goal(metric: str, year: int, target: float, quote: str, op: str = ">=", unit: str = "家",
         basis: str = "level", **extra: Any) -> dict[str, Any]:
    return {"metric": metric, "year": year, "op": op, "target": target, "unit": unit, "basis": basis,
            "quote": quote, **extra}


def figure(metric: str, year: int, value: float, quote: str, unit: str = "家", bound: str = "exact",
           basis: str = "level", estimate: bool = False, **extra: Any) -> dict[str, Any]:
    return {"metric": metric, "year": year, "value": value, "unit": unit, "bound": bound, "basis": basis,
            "estimate": estimate, "quote": quote, **extra}


def problem_lines(output: str) -> list[str]:
    """The rows of `check`'s tables as the lines other commands print for a problem:
    "file:line: severity: message fix: hint" (a cell's wrapped lines joined by spaces)."""
    rows: list[list[str]] = []
    for line in output.splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if cells[0] or not rows:
            rows.append(cells)
        else:  # a continuation line of the row above
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells)]
    return [f"{where}: {severity}: {text}" for where, severity, text in rows]
