"""Small hand-made data directories, one rule at a time, plus the real bundled data."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import pytest

_MISSING = [name for name in ("click", "rich", "dateutil", "tomli_w", "hypothesis")
            if importlib.util.find_spec(name) is None]
if _MISSING:  # a clear word instead of an ImportError from deep inside the first test module
    pytest.exit(f"missing {', '.join(_MISSING)}: install the project and its test dependencies first, "
                "with pip install -e '.[test]' (or the README's pip install '.[test]' && pytest)", returncode=4)

import tomli_w  # noqa: E402

from sykj_track.load import load
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


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI caches parsed files; tests keep theirs out of the user's ~/.cache. Tests read the
    English texts unless they ask for another language (--lang zh), whatever the machine's locale."""
    directory = tmp_path_factory.mktemp("cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("SYKJ_TRACK_CACHE", str(directory))
    patch.setenv("SYKJ_TRACK_LANG", "en")
    yield directory
    patch.undo()


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


def goal(metric: str, year: int, target: float, quote: str, op: str = ">=", unit: str = "家",
         basis: str = "level", **extra: Any) -> dict[str, Any]:
    return {"metric": metric, "year": year, "op": op, "target": target, "unit": unit, "basis": basis,
            "quote": quote, **extra}


def figure(metric: str, year: int, value: float, quote: str, unit: str = "家", bound: str = "exact",
           basis: str = "level", estimate: bool = False, **extra: Any) -> dict[str, Any]:
    return {"metric": metric, "year": year, "value": value, "unit": unit, "bound": bound, "basis": basis,
            "estimate": estimate, "quote": quote, **extra}


@pytest.fixture(scope="session")
def real_ledger() -> Ledger:
    """The frozen snapshot of the bundled ledger."""
    ledger, problems = load(SNAPSHOT)
    assert problems == [], "\n".join(map(str, problems))
    return ledger
