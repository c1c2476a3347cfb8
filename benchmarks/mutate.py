"""Mutation testing of the analysis layer: do the tests notice a wrong verdict?

Each mutant changes one operator or one constant of one module (a comparison bound moved or
inverted, + for -, * for /, and for or, a `not` dropped, a number nudged, True for False), then the
tests that cover the module run against it with a timeout. A mutant the tests fail on is killed; one
they pass on survived, and is either a gap in the tests or a change that makes no difference
(equivalent: a display-only branch, a bound no input can reach). The score is killed / all.

    python benchmarks/mutate.py                      # every module, 2 workers
    python benchmarks/mutate.py reconcile --jobs 1   # one module
    python benchmarks/mutate.py --list               # the mutants, without running them

Docstrings, f-strings (display only) and annotations are not mutated. Each worker runs on its own
copy of the repository without bytecode files, so a mutant is always what runs.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The module and the tests that speak for it (fast ones; the real-data tests pin verdicts end to end).
# Keys are paths under sykj_track/ without ".py".
MODULES: dict[str, list[str]] = {
    "analysis/reconcile": ["tests/test_reconcile.py", "tests/test_verdicts.py", "tests/test_real_data.py",
                  "tests/test_intervals.py"],
    "analysis/intervals": ["tests/test_intervals.py", "tests/test_reconcile.py", "tests/test_verdicts.py",
                  "tests/test_audit.py", "tests/test_diff.py"],
    "quantity": ["tests/test_quantity.py", "tests/test_load.py"],
    "analysis/audit": ["tests/test_audit.py", "tests/test_real_audit.py"],
}

COMPARE = {ast.Lt: (ast.LtE, ast.GtE), ast.LtE: (ast.Lt, ast.Gt), ast.Gt: (ast.GtE, ast.LtE),
           ast.GtE: (ast.Gt, ast.Lt), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,), ast.Is: (ast.IsNot,),
           ast.IsNot: (ast.Is,), ast.In: (ast.NotIn,), ast.NotIn: (ast.In,)}
BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
          ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult}
SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.Is: "is",
          ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
          ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**", ast.And: "and", ast.Or: "or"}


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int  # the index-th mutable site, in ast.walk order
    choice: int  # which replacement at that site
    line: int
    description: str


def _skipped(tree: ast.Module) -> set[int]:
    """ids of nodes not to mutate: docstrings, f-strings, annotations."""
    skip: set[int] = set()

    def all_in(node: ast.AST) -> None:
        for sub in ast.walk(node):
            skip.add(id(sub))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                all_in(body[0])
        if isinstance(node, ast.JoinedStr):
            all_in(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            all_in(node.returns)
        if isinstance(node, ast.arg) and node.annotation is not None:
            all_in(node.annotation)
        if isinstance(node, ast.AnnAssign):
            all_in(node.annotation)
    return skip


def _sites(tree: ast.Module) -> list[tuple[ast.AST, list[str]]]:
    """Every mutable node with the descriptions of its replacements."""
    skip = _skipped(tree)
    sites = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                if type(op) in COMPARE:
                    sites.append((node, [f"{SYMBOL[type(op)]} -> {SYMBOL[new]}" + (f" (operator {k + 1})" if k else "")
                                         for new in COMPARE[type(op)]]))
        elif isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            sites.append((node, [f"{SYMBOL[type(node.op)]} -> {SYMBOL[BINARY[type(node.op)]]}"]))
        elif isinstance(node, ast.AugAssign) and type(node.op) in BINARY:
            sites.append((node, [f"{SYMBOL[type(node.op)]}= -> {SYMBOL[BINARY[type(node.op)]]}="]))
        elif isinstance(node, ast.BoolOp):
            sites.append((node, [f"{SYMBOL[type(node.op)]} -> {'or' if isinstance(node.op, ast.And) else 'and'}"]))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            sites.append((node, ["drop `not`" if isinstance(node.op, ast.Not) else "drop unary -"]))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float, bool):
            value = node.value
            if isinstance(value, bool):
                sites.append((node, [f"{value} -> {not value}"]))
            else:
                sites.append((node, [f"{value!r} -> {_nudge(value)!r}"]))
    return sites


def _nudge(value: int | float) -> int | float:
    if isinstance(value, int):
        return value + 1
    return value * 1.5 if value else 1.0


class _Apply(ast.NodeTransformer):
    def __init__(self, target: ast.AST, choice: int):
        self.target, self.choice = target, choice

    def visit(self, node: ast.AST) -> ast.AST:
        if node is not self.target:
            return self.generic_visit(node)
        if isinstance(node, ast.Compare):
            # choice counts through the replacements of every operator of the comparison
            for k, op in enumerate(node.ops):
                options = COMPARE.get(type(op), ())
                if self.choice < len(options):
                    node.ops[k] = options[self.choice]()
                    return node
                self.choice -= len(options)
        if isinstance(node, (ast.BinOp, ast.AugAssign)):
            node.op = BINARY[type(node.op)]()
            return node
        if isinstance(node, ast.BoolOp):
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            return node
        if isinstance(node, ast.UnaryOp):
            return node.operand
        if isinstance(node, ast.Constant):
            return ast.copy_location(ast.Constant(not node.value if isinstance(node.value, bool)
                                                  else _nudge(node.value)), node)
        return node


def mutants(module: str) -> list[Mutant]:
    tree = ast.parse((REPO / "sykj_track" / f"{module}.py").read_text(encoding="utf-8"))
    found = []
    for index, (node, descriptions) in enumerate(_sites(tree)):
        for choice, text in enumerate(descriptions):
            found.append(Mutant(module, index, choice, getattr(node, "lineno", 0), text))
    return found


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse((REPO / "sykj_track" / f"{mutant.module}.py").read_text(encoding="utf-8"))
    node = _sites(tree)[mutant.index][0]
    tree = _Apply(node, mutant.choice).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


# --- running ----------------------------------------------------------------------------------------

_copy: Path | None = None


def _worker_copy() -> Path:
    """This worker's copy of the repository (code, tests, data), made once."""
    global _copy
    if _copy is None:
        _copy = Path(tempfile.mkdtemp(prefix="sykj-mutate-"))
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".git", "artifacts", ".hypothesis", "*.egg-info")
        for name in ("sykj_track", "tests", "targets", "seeds", "docs", "benchmarks"):
            if (REPO / name).exists():
                shutil.copytree(REPO / name, _copy / name, ignore=ignore)
        for name in ("pyproject.toml", "README.md"):
            if (REPO / name).exists():
                shutil.copy2(REPO / name, _copy / name)
    return _copy


def _pytest(root: Path, tests: list[str], timeout: float) -> str:
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1", "SYKJ_TRACK_CACHE": "off",
           "HYPOTHESIS_PROFILE": "mutate"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o",
               "addopts=", *tests]
    try:
        run = subprocess.run(command, cwd=root, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    return "survived" if run.returncode == 0 else "killed"


def run_one(args: tuple[Mutant, float]) -> tuple[Mutant, str, float]:
    mutant, timeout = args
    root = _worker_copy()
    path = root / "sykj_track" / f"{mutant.module}.py"
    original = (REPO / "sykj_track" / f"{mutant.module}.py").read_text(encoding="utf-8")
    start = time.perf_counter()
    try:
        source = mutated_source(mutant)
        compile(source, str(path), "exec")
    except (SyntaxError, ValueError, TypeError):
        return mutant, "invalid", 0.0
    path.write_text(source, encoding="utf-8")
    try:
        outcome = _pytest(root, MODULES[mutant.module], timeout)
    finally:
        path.write_text(original, encoding="utf-8")
    return mutant, outcome, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"modules to mutate (default: all of {', '.join(MODULES)})")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table and the survivors here")
    args = parser.parse_args()
    modules = args.modules or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    todo = [m for module in modules for m in mutants(module)]
    if args.list:
        for m in todo:
            print(f"{m.module}.py:{m.line}: {m.description}")
        print(f"{len(todo)} mutants")
        return
    # The unmutated tests must pass, and tell how long a run takes.
    timeouts = {}
    root = _worker_copy()
    for module in modules:
        start = time.perf_counter()
        if _pytest(root, MODULES[module], 600) != "survived":
            sys.exit(f"the tests of {module} fail without any mutation; fix them first")
        timeouts[module] = 3 * (time.perf_counter() - start) + 10
    print(f"{len(todo)} mutants of {', '.join(modules)}; {args.jobs} workers", flush=True)
    results: list[tuple[Mutant, str, float]] = []
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for n, (mutant, outcome, took) in enumerate(pool.map(run_one, [(m, timeouts[m.module]) for m in todo]), 1):
            results.append((mutant, outcome, took))
            if outcome == "survived":
                print(f"  survived  {mutant.module}.py:{mutant.line}: {mutant.description}", flush=True)
            if n % 25 == 0:
                print(f"  {n}/{len(todo)} in {time.perf_counter() - start:.0f} s", flush=True)
    lines = ["| module | mutants | killed | survived | score |", "|---|---|---|---|---|"]
    for module in modules:
        mine = [(m, o) for m, o, _ in results if m.module == module and o != "invalid"]
        killed = sum(o in ("killed", "timeout") for _, o in mine)
        lines.append(f"| {module}.py | {len(mine)} | {killed} | {len(mine) - killed} | "
                     f"{killed / len(mine) * 100 if mine else 0:.1f}% |")
    survivors = [f"- `{m.module}.py:{m.line}` {m.description}" for m, o, _ in results if o == "survived"]
    text = "\n".join(lines) + "\n\nSurvivors:\n" + ("\n".join(survivors) or "none") + "\n"
    print(f"\n{text}\n{time.perf_counter() - start:.0f} s")
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
