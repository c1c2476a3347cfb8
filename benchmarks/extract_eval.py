"""How well `sykj-track extract` drafts the curated ledger: precision and recall per report.

Runs the extractor on every seed cited by targets/ and compares its items with the curated goals and
figures of that report on (kind, metric, year, value) — value in the metric's unit, so 2.5万家 and
25000家 agree. Items are matched one to one (a multiset), so a figure drafted twice counts once.

    python benchmarks/extract_eval.py              # the table
    python benchmarks/extract_eval.py --misses     # also list what was missed and what was extra
    python benchmarks/extract_eval.py --data DIR   # another ledger

Precision counts every drafted item, proposed new metrics included: a proposed metric never matches a
curated record, so it costs precision. "matched" counts only items drafted on a registry metric.
The curated ledger changes (another engineer is adding figures), so the script reads it afresh and
never hard-codes counts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sykj_track.extract import draft, item_key  # noqa: E402
from sykj_track.ledger.load import load  # noqa: E402

KINDS = ("goal", "figure")


def _score(found: Counter, expected: Counter) -> tuple[int, int, int]:
    """(true positives, drafted, curated) of two multisets."""
    hits = sum((found & expected).values())
    return hits, sum(found.values()), sum(expected.values())


def _key(kind: str, metric: str, year: int, value: float) -> tuple:
    return kind, metric, year, round(value, 6)


def evaluate(root: Path, show: bool = False) -> dict:
    """Per report and kind: (hits, drafted, curated, drafted on registry metrics). Prints misses if asked."""
    ledger, problems = load(root)
    if problems:
        raise SystemExit("the ledger has problems; run `sykj-track check` first:\n" + "\n".join(map(str, problems)))
    results: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for source in sorted(ledger.sources, key=lambda s: s.published):
        data = (root / source.file).read_bytes()
        result = draft(data, ledger.metrics, {}, seed_file=source.file)
        results[source.id] = {}
        for kind in KINDS:
            expected = Counter()
            quotes = {}
            records = ledger.goals if kind == "goal" else ledger.figures
            for record in records:
                if record.source.id != source.id:
                    continue
                value = record.target if kind == "goal" else record.value
                key = _key(kind, record.metric, record.year, value)
                expected[key] += 1
                quotes[key] = record.quote
            found = Counter()
            registry = 0
            for item in result.items:
                if item.kind != kind:
                    continue
                full = item_key(item, ledger.metrics)
                if full is not None:
                    registry += 1
                    found[_key(kind, item.metric, item.year, full[4])] += 1
                else:
                    found[(kind, item.metric, item.year, item.written, item.quote)] += 1
            hits, drafted, curated = _score(found, expected)
            results[source.id][kind] = (hits, drafted, curated, registry)
            if show:
                for key in sorted((expected - found).keys(), key=str):
                    print(f"  MISS {source.id} {key}  「{quotes[key]}」")
                for key in sorted((found - expected).keys(), key=str):
                    print(f"  EXTRA {source.id} {key}")
    return results


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    –"


def table(results: dict) -> str:
    """The per-report table, then the totals."""
    lines = ["| report | kind | curated | drafted | matched | on registry | recall | precision | precision on registry |",
             "|---|---|---|---|---|---|---|---|---|"]
    totals = {kind: [0, 0, 0, 0] for kind in KINDS}
    for source_id, kinds in results.items():
        for kind in KINDS:
            hits, drafted, curated, registry = kinds[kind]
            for i, n in enumerate((hits, drafted, curated, registry)):
                totals[kind][i] += n
            lines.append(f"| {source_id} | {kind} | {curated} | {drafted} | {hits} | {registry} | "
                         f"{_pct(hits, curated)} | {_pct(hits, drafted)} | {_pct(hits, registry)} |")
    for kind in KINDS:
        hits, drafted, curated, registry = totals[kind]
        lines.append(f"| **all** | {kind} | {curated} | {drafted} | {hits} | {registry} | "
                     f"{_pct(hits, curated)} | {_pct(hits, drafted)} | {_pct(hits, registry)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO, help="data directory with targets/ and seeds/")
    parser.add_argument("--misses", action="store_true", help="list missed and extra items")
    args = parser.parse_args(argv)
    print(table(evaluate(args.data, args.misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
