"""How long the CLI takes to start, against the floor of importing click.

    python benchmarks/startup.py [--runs 15]

Prints the median and the fastest wall time of each command over --runs runs. `sykj-track --help`
should cost little more than `python -c "import click"`: only click is imported at start-up. Then
what rich costs `status`: importing it, and drawing the bundled status table (in-process CPU time,
fastest of 20, which a busy machine inflates less than wall time), against `status --format json`,
which draws nothing.

The commands run with bytecode (.pyc) written and read, as an installed tool does: with
PYTHONDONTWRITEBYTECODE set (some shells and containers set it), every run would compile rich and
sykj_track from source again, some 80 ms that no user pays.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import os
import time

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

RICH_COST = """
import time
from datetime import date
from sykj_track import api
from sykj_track.render import render_table
ledger, _ = api.load_ledger()
verdicts = api.select(api.reconcile(ledger, date(2026, 1, 1)), (), (), (), None, ())
start = time.process_time()
import rich.console, rich.table, rich.segment, rich.measure
imported = time.process_time() - start
drawn = []
for width in (200, 80):
    times = []
    for _ in range(20):
        start = time.process_time()
        render_table(verdicts, date(2026, 1, 1), lang="zh", width=width)
        times.append(time.process_time() - start)
    drawn.append(min(times))
print(f"{imported * 1000:.0f} {drawn[0] * 1000:.0f} {drawn[1] * 1000:.0f} {len(verdicts)}")
"""


def times_of(command: list[str], runs: int) -> tuple[float, float]:
    """Median and fastest wall time of `command`, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tool = shutil.which("sykj-track") or ""
    cli = [tool] if tool else [sys.executable, "-m", "sykj_track"]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import click'": [sys.executable, "-c", "import click"],
        "sykj-track --help": [*cli, "--help"],
        "sykj-track check": [*cli, "check"],
        "sykj-track status": [*cli, "status", "--as-of", "2026-01-01"],
        "sykj-track status --format json": [*cli, "status", "--as-of", "2026-01-01", "--format", "json"],
    }
    for command in cases.values():  # a first run of each writes the bytecode the timed runs read
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    floor = None
    print(f"{'':<36} {'median':>10} {'fastest':>10}")
    for name, command in cases.items():
        seconds, fastest = times_of(command, args.runs)
        if name == "python -c 'import click'":
            floor = seconds
        extra = (f"  (+{(seconds - floor) * 1000:.0f} ms over import click, × {seconds / floor:.2f})"
                 if floor and name.startswith("sykj") else "")
        print(f"{name:<36} {seconds * 1000:7.1f} ms {fastest * 1000:7.1f} ms{extra}")
    cost = subprocess.run([sys.executable, "-c", RICH_COST], capture_output=True, text=True, env=ENV).stdout.split()
    if cost:
        print(f"what rich costs `status`: import {cost[0]} ms; drawing the {cost[3]} goals' tables "
              f"{cost[1]} ms at 200 columns, {cost[2]} ms at 80 (stacked)")
    imported = subprocess.run([sys.executable, "-c", "import sys, sykj_track.cli; "
                               "print(sorted(m for m in ('rich', 'dateutil', 'tomllib') if m in sys.modules))"],
                              capture_output=True, text=True).stdout.strip()
    print(f"heavy modules imported by `import sykj_track.cli`: {imported}")


if __name__ == "__main__":
    main()
