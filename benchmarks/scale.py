"""How sykj-track scales: a synthetic ledger of N reports x M goals and figures, timed stage by stage.

    python benchmarks/scale.py                      # 100 reports x 500 goals + 500 figures
    python benchmarks/scale.py --reports 10         # a quick run
    python benchmarks/scale.py --keep /tmp/big      # keep the generated data directory

Writes a data directory (metrics.toml, one targets file and one seed per report, realistic Chinese
quotes), then times, each beside the floor no TOML reader can beat (a bare `tomllib` parse of the same
files):

- the stages in this process: load, validate (quotes checked in the seeds), reconcile, render JSON;
- the CLI end to end, in fresh processes: `status --format json` and `check`, with an empty cache
  (cold) and with the cache of parsed files filled by the run before (warm); their peak memory;
- start-up: `sykj-track --help` against `python -c "import click"`, and `status` on the bundled data
  against `python -c "import click, rich.console, rich.table"`.

Every figure is the median of --runs runs, printed with its ratio to its floor and the target ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path

import tomli_w

AS_OF = "2200-01-01"
FIRST_YEAR = 1990

AREAS = [("高新技术企业", "家"), ("科技型中小企业", "家"), ("技术合同成交额", "亿元"), ("研发经费投入", "亿元"),
         ("省级以上创新平台", "个"), ("科技企业孵化器", "家"), ("众创空间", "家"), ("发明专利授权量", "件"),
         ("科技成果本地转化", "项"), ("新型研发机构", "家"), ("雏鹰企业", "家"), ("瞪羚企业", "家"),
         ("科技特派员", "名"), ("高层次人才", "人"), ("科技金融贷款", "亿元"), ("研发投入强度", "%"),
         ("中试基地", "个"), ("重点实验室", "个"), ("工程技术研究中心", "个"), ("产业技术创新联盟", "个")]
PLACES = ["全市", "浑南区", "沈北新区", "和平区", "沈河区", "铁西区", "皇姑区", "大东区", "于洪区", "苏家屯区",
          "辽中区", "新民市", "法库县", "康平县", "中德产业园", "自创区", "高新区", "经开区", "航空港区", "大学城",
          "科技城", "金融商贸区", "生命科学园", "机器人产业园", "集成电路产业园"]
FILLER = ("坚持以科技创新引领产业创新，深入实施创新驱动发展战略，持续优化创新生态，强化企业科技创新主体地位，"
          "推动科技成果转化和产业化，加快建设区域科技创新中心。")


def metric_names(count: int) -> list[tuple[str, str, str]]:
    """(id, 中文名, unit) for `count` distinct metrics: a place times an area."""
    names = []
    for i in range(count):
        place = PLACES[i // len(AREAS) % len(PLACES)]
        area, unit = AREAS[i % len(AREAS)]
        round_ = i // (len(AREAS) * len(PLACES))
        zh = f"{place}{area}" + (f"（第{round_ + 1}类）" if round_ else "")
        names.append((f"m{i:05d}", zh, unit))
    return names


def write_ledger(root: Path, reports: int, goals: int, figures: int, seed: int = 1) -> None:
    """A data directory of `reports` reports, each with `goals` goals (for its year) and `figures`
    figures (for the year before, judging the previous report's goals)."""
    rng = random.Random(seed)
    per_report = max(goals, figures)
    metrics = metric_names(per_report)
    (root / "targets").mkdir(parents=True)
    (root / "seeds").mkdir()
    registry = {"metric": {mid: {"zh": zh, "en": f"Synthetic measure {mid}", "unit": unit,
                                 "kind": "ratio" if unit == "%" else "flow" if unit == "亿元" else "stock",
                                 "better": "higher", "aliases": [zh.removeprefix("全市")]}
                           for mid, zh, unit in metrics}}
    (root / "targets" / "metrics.toml").write_text(tomli_w.dumps(registry), encoding="utf-8")
    targets: dict[str, float] = {}
    for r in range(reports):
        year = FIRST_YEAR + r
        source_id = f"report-{year}"
        lines = [f"沈阳市科学技术局{year - 1}年工作总结及{year}年工作安排", f"发布日期：{year}年3月15日", "",
                 f"一、{year - 1}年工作情况", FILLER]
        records_f = []
        for mid, zh, unit in metrics[:figures]:
            previous = targets.get(mid, rng.randint(50, 5000))
            value = round(previous * rng.uniform(0.85, 1.2), 2 if unit in ("亿元", "%") else 0)
            value = int(value) if unit not in ("亿元", "%") else value
            word, bound = rng.choice([("达到", "exact"), ("达到", "exact"), ("突破", "more_than"), ("", "exact")])
            quote = f"{zh}{word}{value}{unit}"
            record = {"metric": mid, "year": year - 1, "value": value, "unit": unit, "bound": bound,
                      "basis": "level", "quote": quote}
            if rng.random() < 0.1:
                record["estimate"] = True
                quote = "预计" + quote
                record["quote"] = quote
            records_f.append(record)
            lines.append(f"{quote}，{FILLER[:rng.randint(10, 60)]}。")
        lines += ["", f"二、{year}年工作安排", FILLER]
        records_g = []
        for mid, zh, unit in metrics[:goals]:
            target = round(rng.randint(50, 5000) * 1.0, 0)
            target = int(target)
            targets[mid] = target
            op, word = rng.choice([(">=", "达到"), (">", "突破"), (">=", "不低于")])
            quote = f"力争{zh}{word}{target}{unit}"
            records_g.append({"metric": mid, "year": year, "op": op, "target": target, "unit": unit,
                              "basis": "level", "quote": quote})
            lines.append(f"{quote}，{FILLER[:rng.randint(10, 60)]}。")
        seed_name = f"seeds/{source_id}.txt"
        (root / seed_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = {"source": {"id": source_id, "file": seed_name, "title": lines[0], "agency": "沈阳市科学技术局",
                          "published": date(year, 3, 15)}, "goal": records_g, "figure": records_f}
        (root / "targets" / f"{source_id}.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")


def median(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_cli(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")


def peak_memory_mb(args: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run of `args`, through a child that reports its children's peak."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return int(out.stdout.strip()) / 1024


# size: the benchmark's steps in the order it prints them, one after the other
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--goals", type=int, default=500)
    parser.add_argument("--figures", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--keep", metavar="DIR", help="write the data here and keep it")
    args = parser.parse_args()

    import compileall

    import sykj_track
    from sykj_track.ledger.load import load
    from sykj_track.analysis.reconcile import reconcile
    from sykj_track.render import render_json
    from sykj_track.api import validate

    # pip compiles a package's modules when it installs them; an editable install under
    # PYTHONDONTWRITEBYTECODE never does, and would time the compiler. Measure what users run.
    compileall.compile_dir(str(Path(sykj_track.__file__).parent), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="sykj-scale-"))
    root = Path(args.keep) if args.keep else work / "data"
    if root.exists():
        shutil.rmtree(root)
    start = time.perf_counter()
    write_ledger(root, args.reports, args.goals, args.figures)
    files = sorted((root / "targets").glob("*.toml"))
    size = sum(p.stat().st_size for p in files) + sum(p.stat().st_size for p in (root / "seeds").iterdir())
    print(f"data: {args.reports} reports x ({args.goals} goals + {args.figures} figures) in {root} "
          f"({size / 1e6:.1f} MB, written in {time.perf_counter() - start:.1f} s)\n")

    rows: list[tuple[str, float, str, float | None]] = []  # (what, seconds, floor name, target ratio)
    floor = median(lambda: [tomllib.loads(p.read_text(encoding="utf-8")) for p in files], args.runs)
    rows.append(("bare tomllib parse (floor)", floor, "", None))

    holder: dict = {}
    rows.append(("load (in process)", median(lambda: holder.update(ledger=load(root)[0]), args.runs), "parse", None))
    ledger = holder["ledger"]
    as_of = date.fromisoformat(AS_OF)
    rows.append(("validate, quotes included", median(lambda: validate(ledger), args.runs), "parse", None))
    rows.append(("reconcile", median(lambda: holder.update(result=reconcile(ledger, as_of)), args.runs), "parse", None))
    verdicts = list(holder["result"].verdicts)
    rows.append(("render JSON", median(lambda: render_json(verdicts, as_of), args.runs), "parse", None))

    tool = shutil.which("sykj-track")
    cli = [tool] if tool else [sys.executable, "-m", "sykj_track"]
    cache = work / "cache"
    env = {**os.environ, "SYKJ_TRACK_CACHE": str(cache)}
    status = [*cli, "--data", str(root), "status", "--format", "json", "--as-of", AS_OF]
    check = [*cli, "--data", str(root), "check", "--as-of", AS_OF]

    def cold(command: list[str]) -> None:
        shutil.rmtree(cache, ignore_errors=True)
        run_cli(command, env)

    rows.append(("status --format json, cold cache", median(lambda: cold(status), args.runs), "parse", 2.0))
    run_cli(status, env)
    rows.append(("status --format json, warm cache", median(lambda: run_cli(status, env), args.runs), "parse", 2.0))
    rows.append(("check, cold cache", median(lambda: cold(check), args.runs), "parse", 3.0))
    run_cli(check, env)
    rows.append(("check, warm cache", median(lambda: run_cli(check, env), args.runs), "parse", 3.0))
    nocache = {**os.environ, "SYKJ_TRACK_CACHE": "off"}
    rows.append(("status --format json, no cache", median(lambda: run_cli(status, nocache), args.runs), "parse", None))

    # Start-up is a matter of milliseconds on a shared machine: the four commands take turns, so
    # that a busy moment slows them alike, and each figure is the median of 25 turns.
    bundled_status = [*cli, "status", "--as-of", "2026-11-22"]
    here = {**env, "COLUMNS": "160"}
    run_cli(bundled_status, here)  # fill the cache, as any earlier run would have
    commands = {"click": [sys.executable, "-c", "import click"], "help": [*cli, "--help"],
                "rich": [sys.executable, "-c", "import click, rich.console, rich.table"], "status": bundled_status}
    turns: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(25):
        for name, command in commands.items():
            start = time.perf_counter()
            run_cli(command, here)
            turns[name].append(time.perf_counter() - start)
    took = {name: statistics.median(times) for name, times in turns.items()}
    click_floor, rich_floor = took["click"], took["rich"]
    startup = [("python -c 'import click' (floor)", click_floor, "", None),
               ("sykj-track --help", took["help"], "click", 1.5),
               ("python -c 'import click, rich...' (floor)", rich_floor, "", None),
               ("sykj-track status (bundled data)", took["status"], "rich", 1.3)]

    floors = {"parse": floor, "click": click_floor, "rich": rich_floor}
    print(f"{'measure':<44}{'seconds':>10}{'ratio':>9}{'target':>9}")
    failed = 0
    for what, seconds, base, target in [*rows, ("", 0.0, "", None), *startup]:
        if not what:
            print()
            continue
        ratio = seconds / floors[base] if base else None
        ok = "" if target is None else ("  ok" if ratio <= target else "  OVER")
        failed += ok == "  OVER"
        print(f"{what:<44}{seconds:>10.3f}{'' if ratio is None else f'{ratio:>8.2f}x':>9}"
              f"{'' if target is None else f'<= {target}x':>9}{ok}")
    memory = max(peak_memory_mb(status, env), peak_memory_mb(check, env), peak_memory_mb(
        [*cli, "--data", str(root), "status", "--format", "json", "--as-of", AS_OF], nocache))
    print(f"\npeak memory of the CLI (status, check, no cache): {memory:.0f} MB (target <= 1024 MB)"
          f"{'  ok' if memory <= 1024 else '  OVER'}")
    failed += memory > 1024
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
