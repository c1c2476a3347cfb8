"""How long the CLI takes to start, against the floor of importing click.

    python benchmarks/startup.py [--runs 15]

Prints the median wall time of each command over --runs runs. `sykj-track --help` should cost
little more than `python -c "import click"`: only click is imported at start-up.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    floor = None
    for name, command in cases.items():
        seconds = median_seconds(command, args.runs)
        if name == "python -c 'import click'":
            floor = seconds
        extra = f"  (+{(seconds - floor) * 1000:.0f} ms over import click)" if floor and name.startswith("sykj") else ""
        print(f"{name:<36} {seconds * 1000:7.1f} ms{extra}")
    imported = subprocess.run([sys.executable, "-c", "import sys, sykj_track.cli; "
                               "print(sorted(m for m in ('rich', 'dateutil', 'tomllib') if m in sys.modules))"],
                              capture_output=True, text=True).stdout.strip()
    print(f"heavy modules imported by `import sykj_track.cli`: {imported}")


if __name__ == "__main__":
    main()
