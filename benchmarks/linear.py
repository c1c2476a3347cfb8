"""Time grows linearly with the size of a report: `extract` and `check` on one report at 1x, 10x and
about 2 MB (a founding seed repeated), and on one sentence of many clauses.

    python benchmarks/linear.py

For each size: seconds, and seconds per 100 KB, which stays flat when the work is linear (a
quadratic step shows as a per-100-KB figure that grows with the size).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sykj_track.extract import draft  # noqa: E402
from sykj_track.extract.output import render_draft_toml  # noqa: E402
from sykj_track.ledger.load import load  # noqa: E402
from sykj_track.api import validate  # noqa: E402


def _timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def one_report(text: str, label: str, work: Path) -> None:
    root = work / label
    (root / "targets").mkdir(parents=True)
    (root / "seeds").mkdir()
    shutil.copy(REPO / "targets" / "metrics.toml", root / "targets" / "metrics.toml")
    (root / "seeds" / "r.txt").write_text(text, encoding="utf-8")
    metrics = load(REPO)[0].metrics
    data = text.encode("utf-8")
    took_extract, result = _timed(lambda: draft(data, metrics, seed_file="seeds/r.txt", source_id="r",
                                                published=date(2025, 6, 5)))
    (root / "targets" / "r.toml").write_text(render_draft_toml(result), encoding="utf-8")
    ledger, _ = load(root)
    took_check, _ = _timed(lambda: validate(ledger))
    per = 100_000 / len(data)
    print(f"{label:<22}{len(data) / 1000:>9.0f} KB{len(result.items):>8} items"
          f"{took_extract:>9.2f}{took_extract * per:>9.3f}{took_check:>9.2f}{took_check * per:>9.3f}", flush=True)


def main() -> None:
    seed = (REPO / "seeds").glob("*.txt")
    base = max(seed, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="sykj-linear-"))
    print(f"{'report':<22}{'size':>12}{'':>14}{'extract s':>9}{'/100KB':>9}{'check s':>9}{'/100KB':>9}")
    try:
        one_report(base, "1x (largest seed)", work)
        one_report(base * 10, "10x", work)
        one_report(base * (2_000_000 // len(base.encode("utf-8")) + 1), "2 MB", work)
        for clauses in (1000, 4000, 8000):  # one sentence: clauses joined by commas, no full stop
            one_report("2025年6月5日\n" + "，".join(f"全市高新技术企业达到{1000 + i}家" for i in range(clauses)) + "。",
                       f"1 sentence, {clauses} cl.", work)
        digits = "2025年6月5日\n" + "1" * 16000 + "家。"
        one_report(digits, "16,000 digits", work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
