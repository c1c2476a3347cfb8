"""Time grows linearly with the size of a report: `extract` and `check` on one report at 1x, 10x and
about 2 MB (the largest founding seed repeated), on one sentence of 1,000 and of 8,000 comma-joined
clauses, and on a run of 1,000 and of 16,000 digits.

    python benchmarks/linear.py

For each report: its size, the items drafted, and for extract and for check (load and validate, quotes
included) the seconds and the ratio of seconds per byte to the first row of its group. A ratio
near 1 at ten or sixty times the size is linear; a quadratic step would show as a ratio that grows
with the size (10 at ten times the size). Each time is the fastest of three runs; the cycle collector
is off, as in the CLI.
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sykj_track.api import validate  # noqa: E402
from sykj_track.extract import draft  # noqa: E402
from sykj_track.extract.output import render_draft_toml  # noqa: E402
from sykj_track.ledger.load import load  # noqa: E402


RUNS = 3  # the fastest of three: the machine is shared, and a busy moment only ever adds time


def _timed(func) -> tuple[float, object]:
    took = []
    for _ in range(RUNS):
        start = time.perf_counter()
        value = func()
        took.append(time.perf_counter() - start)
    return min(took), value


def one_report(text: str, work: Path) -> tuple[int, int, float, float]:
    """(UTF-8 bytes, items, extract seconds, check seconds) of one report in a ledger of its own."""
    root = Path(tempfile.mkdtemp(dir=work))
    (root / "targets").mkdir(parents=True)
    (root / "seeds").mkdir()
    shutil.copy(REPO / "targets" / "metrics.toml", root / "targets" / "metrics.toml")
    (root / "seeds" / "r.txt").write_text(text, encoding="utf-8")
    metrics = load(REPO)[0].metrics
    data = text.encode("utf-8")
    took_extract, result = _timed(lambda: draft(data, metrics, seed_file="seeds/r.txt", source_id="r",
                                                published=date(2025, 6, 5)))
    (root / "targets" / "r.toml").write_text(render_draft_toml(result), encoding="utf-8")

    def check() -> None:
        ledger, _ = load(root)
        validate(ledger)

    took_check, _ = _timed(check)
    shutil.rmtree(root, ignore_errors=True)
    return len(data), len(result.items), took_extract, took_check  # type: ignore[attr-defined]


def main() -> None:
    gc.disable()
    seeds = (REPO / "seeds").glob("*.txt")
    base = max(seeds, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")

    def sentence(clauses: int) -> str:
        return "2025年6月5日\n" + "，".join(f"全市高新技术企业达到{1000 + i}家" for i in range(clauses)) + "。"

    groups = {
        "largest seed": [("1x", base), ("10x", base * 10),
                         ("2 MB", base * (2_000_000 // len(base.encode("utf-8")) + 1))],
        "one sentence": [("1,000 clauses", sentence(1000)), ("8,000 clauses", sentence(8000))],
        "a run of digits": [("1,000 digits", "2025年6月5日\n" + "1" * 1000 + "家。"),
                            ("16,000 digits", "2025年6月5日\n" + "1" * 16000 + "家。")],
    }
    work = Path(tempfile.mkdtemp(prefix="sykj-linear-"))
    print(f"{'report':<32}{'size':>10}{'items':>7}{'extract s':>11}{'ratio':>7}{'check s':>9}{'ratio':>7}")
    try:
        for group, reports in groups.items():
            first: tuple[float, float] | None = None
            for label, text in reports:
                size, items, extract_s, check_s = one_report(text, work)
                per = (extract_s / size, check_s / size)
                first = first or per
                print(f"{group + ', ' + label:<32}{size / 1000:>7.0f} KB{items:>7}{extract_s:>11.2f}"
                      f"{per[0] / first[0]:>7.2f}{check_s:>9.2f}{per[1] / first[1]:>7.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
