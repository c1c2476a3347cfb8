"""Start an empty ledger: metrics.toml with a commented example, seeds/ and targets/."""

from __future__ import annotations

from pathlib import Path

from .atomicwrite import write_atomic

METRICS_TEMPLATE = """\
# The registry of measures this ledger tracks: one [metric.<id>] table per distinct measure.
# Ids are snake_case English. `aliases` are the wordings the reports use; `sykj-track extract`
# matches report text against zh and aliases, so list every wording you meet.
#
# [metric.hitech_enterprises]
# zh = "高新技术企业数量"
# en = "High-tech enterprises"
# unit = "家"            # the unit values are converted to: 家/个/项/名/人, 亿元/万元, %, 位 ...
# kind = "stock"         # stock (a level at year end) | flow (adds up over the year) | ratio | rank
# better = "higher"      # higher | lower (a rank: 18th beats 20th)
# aliases = ["高新技术企业", "高企", "高新技术企业总数"]
# note = "Why two close measures are kept apart or merged."
"""

README_TEMPLATE = """\
# Ledger

- `seeds/`: the reports, as published (UTF-8 text, never edited).
- `targets/metrics.toml`: the measures tracked.
- `targets/<source-id>.toml`: the goals and figures of one report, each with its exact quote.

Add a report: put its text in seeds/, then

    sykj-track --data . extract seeds/REPORT.txt --write   # draft targets/<id>.toml
    # review the draft, add new metrics to targets/metrics.toml
    sykj-track --data . check
"""


class InitError(Exception):
    """The directory already holds a ledger, or cannot be written."""


def init_ledger(directory: str | Path) -> list[Path]:
    """Create an empty ledger in `directory` (made if missing) and return the paths created.

    Refuses when targets/metrics.toml already exists there, so nothing is ever overwritten.
    """
    root = Path(directory).expanduser()
    metrics = root / "targets" / "metrics.toml"
    if metrics.exists():
        raise InitError(f"{metrics} already exists: {root} holds a ledger already")
    created = []
    try:
        for sub in (root, root / "seeds", root / "targets"):
            if not sub.is_dir():
                sub.mkdir(parents=True, exist_ok=True)
                created.append(sub)
        created.append(write_atomic(metrics, METRICS_TEMPLATE))
        readme = root / "README.md"
        if not readme.exists():
            created.append(write_atomic(readme, README_TEMPLATE))
    except OSError as exc:
        raise InitError(f"cannot create the ledger in {root}: {exc.strerror or exc}") from None
    return created
