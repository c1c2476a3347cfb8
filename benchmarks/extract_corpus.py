"""How well `sykj-track extract` drafts reports it was not tuned on: the extract corpus, measured as its
README defines, in both settings.

    python benchmarks/extract_corpus.py                  # the README table (both settings)
    python benchmarks/extract_corpus.py --misses         # also near misses by cause, and wrong proposals
    python benchmarks/extract_corpus.py --corpus DIR     # another corpus with the same layout

Settings: "bundled" runs `sykj-track extract REPORT --format json` from an empty directory (the tool
uses the registry installed with it); "init" runs it in a fresh `sykj-track init` ledger with the
report copied into its seeds/ (an empty registry: every measure is proposed).

The matching rule (from the corpus README): a proposal matches a gold item when kind and year agree
(the gold year or one of the listed years), the value agrees in any 1e4 / 1e8 rescaling, and the gold
key is a substring of the proposal's quote after NFKC normalisation and removal of all whitespace.
Each gold item and each proposal is used at most once (a maximum matching). Precision is matched
proposals over proposals that match no neutral; distractors proposed are proposals matching a
[[distractor]]. Nothing is hard-coded: the gold is read afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from click.testing import CliRunner  # noqa: E402

from sykj_track.cli import main  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "extract-corpus"
if not DEFAULT_CORPUS.is_dir():
    DEFAULT_CORPUS = Path("/work/shared/extract-corpus")
TABLE_FILE = "03-"  # the statistics table whose cells weigh heavily: recall is also given without it
KINDS = ("goal", "figure")
SETTINGS = ("bundled", "init")


def squeeze(text: str) -> str:
    """NFKC, all whitespace removed: how the rule compares keys with quotes."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def same_value(a: float, b: float) -> bool:
    """Equal in any 1e4 / 1e8 rescaling (2万家 = 20000家, 1.1317亿元 = 11317万元)."""
    for scale in (1, 1e4, 1e-4, 1e8, 1e-8, 1e12, 1e-12):
        if abs(a * scale - b) <= 1e-9 * max(1.0, abs(b)):
            return True
    return False


def unit_family(unit: str) -> str:
    if "百分点" in unit:
        return "points"
    if unit in ("%", "％"):
        return "percent"
    if unit.endswith("元"):
        return "money"
    if unit in ("位", "名"):
        return "rank"
    return "count"


def op_or_bound(proposal: dict) -> str:
    if proposal["kind"] == "goal":
        return {">=": "at_least", ">": "more_than", "<=": "at_most", "<": "at_most"}.get(proposal["op"],
                                                                                        proposal["op"] or "")
    return proposal["bound"] or ""


@dataclass
class Outcome:
    """One report in one setting."""

    report: str
    gold: list[dict]
    proposals: list[dict]
    skipped: list[dict]
    matched: dict[int, int] = field(default_factory=dict)  # gold index -> proposal index
    neutral: set[int] = field(default_factory=set)  # unmatched proposals matching a neutral
    distractors: list[tuple[dict, dict]] = field(default_factory=list)
    field_errors: list[tuple[str, dict, dict]] = field(default_factory=list)
    near: list[tuple[str, dict, str]] = field(default_factory=list)  # (cause, gold, detail)
    seconds: float = 0.0


def _agrees(gold: dict, proposal: dict) -> bool:
    years = gold["year"] if isinstance(gold["year"], list) else [gold["year"]]
    return (proposal["kind"] == gold["kind"] and proposal["year"] in years
            and same_value(proposal["value"], gold["value"]) and squeeze(gold["key"]) in squeeze(proposal["quote"]))


def _max_matching(gold: list[dict], proposals: list[dict]) -> dict[int, int]:
    """A maximum one-to-one matching of gold items to proposals (augmenting paths)."""
    edges = [[j for j, p in enumerate(proposals) if _agrees(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _mentions(entry: dict, proposal: dict) -> bool:
    return same_value(proposal["value"], entry["value"]) and squeeze(entry["key"]) in squeeze(proposal["quote"])


def _skipped_value(written: str) -> float | None:
    match = re.match(r"-?\d+(?:\.\d+)?", written)
    return float(match.group()) if match else None


def score(report: str, gold: dict, result: dict, seconds: float) -> Outcome:  # noqa: C901 - one pass pairing each gold item with its draft, counting every kind of miss
    items = [g for g in gold.get("item", []) if g["report"] == report]
    proposals = result["items"]
    out = Outcome(report, items, proposals, result.get("skipped", []), seconds=seconds)
    out.matched = _max_matching(items, proposals)
    used = set(out.matched.values())
    neutrals = [n for n in gold.get("neutral", []) if n["report"] == report]
    distractors = [d for d in gold.get("distractor", []) if d["report"] == report]
    for j, p in enumerate(proposals):
        if j not in used and any(_mentions(n, p) for n in neutrals):
            out.neutral.add(j)
        for d in distractors:
            if _mentions(d, p):
                out.distractors.append((d, p))
                break
    for i, j in out.matched.items():
        g, p = items[i], proposals[j]
        if unit_family(g["unit"]) != unit_family(p["unit"]):
            out.field_errors.append(("unit", g, p))
        if g["op_or_bound"] != op_or_bound(p):
            out.field_errors.append(("op_or_bound", g, p))
        if g["basis"] != p["basis"]:
            out.field_errors.append(("basis", g, p))
        if bool(g.get("estimate")) != bool(p["estimate"]):
            out.field_errors.append(("estimate", g, p))
        want, got = g.get("as_of"), p["as_of"]
        if (want is None) != (got is None) or want not in (None, "partial") and str(want) != got:
            out.field_errors.append(("as_of", g, p))
    spare = [p for j, p in enumerate(proposals) if j not in used]
    for i, g in enumerate(items):
        if i in out.matched:
            continue
        years = g["year"] if isinstance(g["year"], list) else [g["year"]]
        key = squeeze(g["key"])
        value_ok = [p for p in spare if same_value(p["value"], g["value"])]
        if hit := [p for p in value_ok if p["kind"] == g["kind"] and key in squeeze(p["quote"])]:
            out.near.append(("wrong year", g, f"proposed {hit[0]['year']}"))
        elif hit := [p for p in value_ok if p["kind"] == g["kind"] and p["year"] in years]:
            out.near.append(("quote lacks key", g, f"「{hit[0]['quote']}」"))
        elif hit := [p for p in value_ok if p["kind"] != g["kind"] and key in squeeze(p["quote"])]:
            out.near.append(("wrong kind", g, f"proposed as {hit[0]['kind']} {hit[0]['year']}"))
        elif hit := [s for s in out.skipped if (v := _skipped_value(s["value"])) is not None
                     and same_value(v, g["value"]) and key in squeeze(s["quote"])]:
            out.near.append(("skipped", g, hit[0]["reason"]))
        else:
            out.near.append(("not proposed", g, ""))
    return out


def run_extract(report: Path, setting: str, work: Path) -> tuple[dict, float]:
    """`sykj-track extract REPORT --format json` in one setting; (its JSON, seconds)."""
    runner = CliRunner()
    cwd = os.getcwd()
    if setting == "bundled":
        empty = work / "empty"
        empty.mkdir(exist_ok=True)
        args = ["extract", str(report), "--format", "json"]
        os.chdir(empty)
    else:
        ledger = work / "ledger"
        if not ledger.exists():
            result = runner.invoke(main, ["init", str(ledger)])
            if result.exit_code:
                raise SystemExit(f"init failed: {result.output}")
        seed = ledger / "seeds" / report.name
        shutil.copyfile(report, seed)
        args = ["--data", str(ledger), "extract", str(seed), "--format", "json"]
        os.chdir(ledger)
    try:
        start = time.perf_counter()
        result = runner.invoke(main, args)
        seconds = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    if result.exit_code:
        raise SystemExit(f"extract failed on {report.name} ({setting}): {result.output}{result.exception!r}")
    text = result.stdout
    return json.loads(text[text.index("{"):]), seconds


def evaluate(corpus: Path, setting: str) -> list[Outcome]:
    gold = tomllib.loads((corpus / "gold.toml").read_text(encoding="utf-8"))
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        for report in sorted((corpus / "reports").glob("*.txt")):
            result, seconds = run_extract(report, setting, Path(tmp))
            outcomes.append(score(report.name, gold, result, seconds))
    return outcomes


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _counts(outcomes: list[Outcome], kind: str) -> tuple[int, int, int, int]:
    """(gold, matched gold, proposals counted for precision, matched proposals) of one kind."""
    gold = matched = counted = right = 0
    for o in outcomes:
        gold += sum(g["kind"] == kind for g in o.gold)
        matched += sum(o.gold[i]["kind"] == kind for i in o.matched)
        used = set(o.matched.values())
        for j, p in enumerate(o.proposals):
            if p["kind"] != kind or j in o.neutral:
                continue
            counted += 1
            right += j in used
    return gold, matched, counted, right


def table(outcomes: list[Outcome]) -> str:
    """Per report and in total: recall and precision of goals and figures, distractors, field errors."""
    lines = ["| report | goals found | goal precision | figures found | figure precision | distractors "
             "| year wrong | field errors |",
             "|---|---|---|---|---|---|---|---|"]

    def row(name: str, group: list[Outcome]) -> str:
        cells = [name]
        for kind in KINDS:
            gold, matched, counted, right = _counts(group, kind)
            cells += [f"{matched}/{gold} {_pct(matched, gold)}", f"{right}/{counted} {_pct(right, counted)}"]
        matched_items = sum(len(o.matched) for o in group)
        wrong_year = sum(cause == "wrong year" for o in group for cause, _, _ in o.near)
        cells.append(str(sum(len(o.distractors) for o in group)))
        cells.append(f"{wrong_year}/{matched_items + wrong_year}")
        cells.append(str(sum(len(o.field_errors) for o in group)))
        return "| " + " | ".join(cells) + " |"

    for o in outcomes:
        lines.append(row(o.report.split("-")[0] + " " + o.report.split("-")[1], [o]))
    lines.append(row("**all**", outcomes))
    lines.append(row("**all but 03**", [o for o in outcomes if not o.report.startswith(TABLE_FILE)]))
    return "\n".join(lines)


def summary(outcomes: list[Outcome]) -> dict:
    """The totals the targets speak of, as numbers."""
    result = {}
    for kind in KINDS:
        gold, matched, counted, right = _counts(outcomes, kind)
        result[kind] = {"recall": matched / gold if gold else 1.0, "precision": right / counted if counted else 1.0}
    partial = [(g, o.proposals[j]) for o in outcomes for i, j in o.matched.items() if (g := o.gold[i]).get("as_of")]
    result["partial_without_as_of"] = sum(p["as_of"] is None for _, p in partial)
    result["distractors"] = sum(len(o.distractors) for o in outcomes)
    return result


def details(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        lines.append(f"\n## {o.report} ({o.seconds:.2f} s)")
        for cause, g, detail in sorted(o.near, key=lambda n: n[0]):
            lines.append(f"  {cause:16} {g['kind']} {g['year']} {g['value']}{g['unit']} [{g['key']}] {detail}")
        used = set(o.matched.values())
        for j, p in enumerate(o.proposals):
            if j not in used and j not in o.neutral:
                lines.append(f"  WRONG            {p['kind']} {p['year']} {p['value']}{p['unit']} 「{p['quote']}」")
        for d, _p in o.distractors:
            lines.append(f"  DISTRACTOR       {d['value']} [{d['key']}] ({d['why']})")
        for what, g, p in o.field_errors:
            lines.append(f"  FIELD {what:10} {g['kind']} {g['value']}{g['unit']} [{g['key']}] gold "
                         f"{g.get(what, g.get('as_of'))} · got {p.get(what) if what != 'op_or_bound' else op_or_bound(p)}"
                         f"{' as_of ' + str(p['as_of']) if what == 'as_of' else ''}")
    return "\n".join(lines)


def speed(corpus: Path, size: int = 35_000) -> float:
    """Seconds to draft a report of `size` bytes (the corpus texts joined), with the bundled registry."""
    from sykj_track import api
    from sykj_track.extract import draft

    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "reports").glob("*.txt"))]
    text = texts[0]
    for extra in texts[1:]:
        if len(text.encode()) >= size:
            break
        text += "\n" + "\n".join(extra.splitlines()[2:])
    data = text.encode()[:size].decode("utf-8", "ignore").encode()
    ledger, _ = api.load_ledger(None)
    start = time.perf_counter()
    draft(data, ledger.metrics)
    return time.perf_counter() - start


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus directory")
    parser.add_argument("--misses", action="store_true", help="list near misses, wrong proposals, field errors")
    parser.add_argument("--setting", choices=SETTINGS, help="only one setting")
    args = parser.parse_args(argv)
    for setting in ([args.setting] if args.setting else SETTINGS):
        outcomes = evaluate(args.corpus, setting)
        label = "bundled registry, from an empty directory" if setting == "bundled" else \
            "a fresh `sykj-track init` ledger (empty registry)"
        print(f"\n### Corpus, {label}\n")
        print(table(outcomes))
        s = summary(outcomes)
        print(f"\nPartial-year figures matched without their as_of: {s['partial_without_as_of']}; "
              f"distractors proposed: {s['distractors']}.")
        if args.misses:
            print(details(outcomes))
    print(f"\nA 35 KB report drafts in {speed(args.corpus):.2f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
