"""Mutation testing of the analysis layer: do the tests notice a wrong verdict?

Each mutant changes one operator or one constant of one module (a comparison bound moved or
inverted, + for -, * for /, and for or, a `not` dropped, a number nudged, True for False), then the
tests that cover the module run against it with a timeout. A mutant the tests fail on is killed; one
they pass on survived, and is either a gap in the tests or a change that makes no difference
(equivalent: a display-only branch, a bound no input can reach). The score is killed / all.

    python benchmarks/mutate.py                      # every module, 2 workers
    python benchmarks/mutate.py reconcile --jobs 1   # one module
    python benchmarks/mutate.py --list               # the mutants, without running them

A module is named by its last dotted part (reconcile) and found wherever it lives in the package
(sykj_track/reconcile.py or sykj_track/analysis/reconcile.py), so the script survives a move.
Docstrings, f-strings (display only) and annotations are not mutated. Each worker runs on its own
copy of the repository without bytecode files, so a mutant is always what runs. Hypothesis runs
with a fixed seed, so a mutant is killed or not the same way on every run.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import os
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PACKAGE = "sykj_track"

# The module and the tests that speak for it: small hand-made cases first (with -x the first failure
# ends the run), then the ones that pin verdicts of the real data; no browser, CLI-heavy or slow tests.
MODULES: dict[str, list[str]] = {
    "reconcile": ["tests/test_reconcile.py", "tests/test_verdicts.py", "tests/test_intervals.py",
                  "tests/test_real_data.py"],
    "intervals": ["tests/test_intervals.py", "tests/test_reconcile.py", "tests/test_verdicts.py",
                  "tests/test_audit.py"],
    "quantity": ["tests/test_quantity.py", "tests/test_load.py"],
    "audit": ["tests/test_audit.py", "tests/test_real_audit.py"],
}


def module_path(name: str) -> Path:
    """The file of a module, relative to the repository, found by its name wherever it lives in the package."""
    found = sorted((REPO / PACKAGE).rglob(f"{name.rpartition('.')[2]}.py"))
    if len(found) != 1:
        where = ", ".join(str(f.relative_to(REPO)) for f in found) or "nowhere"
        sys.exit(f"module {name}: expected one {name}.py under {PACKAGE}/, found {where}")
    return found[0].relative_to(REPO)


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
    tree = ast.parse((REPO / module_path(module)).read_text(encoding="utf-8"))
    found = []
    for index, (node, descriptions) in enumerate(_sites(tree)):
        for choice, text in enumerate(descriptions):
            found.append(Mutant(module, index, choice, getattr(node, "lineno", 0), text))
    return found


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse((REPO / module_path(mutant.module)).read_text(encoding="utf-8"))
    node = _sites(tree)[mutant.index][0]
    tree = _Apply(node, mutant.choice).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


# --- running ----------------------------------------------------------------------------------------

_copies: dict[int, Path] = {}
_scratch: list[Path] = []  # the directory holding every process's copy, removed at the end


def _set_scratch(path: Path) -> None:
    _scratch[:] = [path]
    _preload()


def _worker_copy() -> Path:
    """This process's copy of the repository (code, tests, data), made once. Keyed by process id: a
    worker forked after the main process made its copy must not share it."""
    if os.getpid() not in _copies:
        copy = Path(tempfile.mkdtemp(prefix="copy-", dir=_scratch[0] if _scratch else None))
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".git", "artifacts", ".hypothesis", "*.egg-info")
        for name in (PACKAGE, "tests", "targets", "seeds", "docs", "benchmarks"):
            if (REPO / name).exists():
                shutil.copytree(REPO / name, copy / name, ignore=ignore)
        for name in ("pyproject.toml", "README.md"):
            if (REPO / name).exists():
                shutil.copy2(REPO / name, copy / name)
        _copies[os.getpid()] = copy
    return _copies[os.getpid()]


def _pytest(root: Path, tests: list[str], timeout: float) -> str:
    """Run the tests on the copy at root in a forked child: the worker has imported pytest and the
    third-party libraries once, and the child imports sykj_track afresh from the copy."""
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 3
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.chdir(root)
            sys.path.insert(0, str(root))
            sys.dont_write_bytecode = True
            os.environ["SYKJ_TRACK_CACHE"] = "off"
            spec = importlib.util.find_spec(PACKAGE)
            if spec is None or not str(spec.origin).startswith(str(root)):
                os._exit(4)  # the package would come from elsewhere: the mutant would not be what runs
            import pytest

            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=",
                                "--hypothesis-seed=0", "--hypothesis-profile=mutate", *tests])
        finally:
            os._exit(int(code))
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)
    code = os.waitstatus_to_exitcode(status)
    if code == 4:
        sys.exit(f"{PACKAGE} is not imported from the copy at {root}; is it installed non-editable?")
    return "survived" if code == 0 else "killed"


def _preload() -> None:
    """Import what every run needs but the package itself, once per worker (children inherit it)."""
    for name in ("pytest", "hypothesis", "click", "rich", "rich.console", "rich.table", "tomli_w", "dateutil",
                 "tomllib", "decimal", "json", "csv"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def run_one(args: tuple[Mutant, float]) -> tuple[Mutant, str, float]:
    mutant, timeout = args
    root = _worker_copy()
    relative = module_path(mutant.module)
    path = root / relative
    original = (REPO / relative).read_text(encoding="utf-8")
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


def _source_line(mutant: Mutant) -> str:
    lines = (REPO / module_path(mutant.module)).read_text(encoding="utf-8").splitlines()
    return lines[mutant.line - 1].strip() if 0 < mutant.line <= len(lines) else ""


def _on_lines(spec: str | None) -> set[int] | None:
    if spec is None:
        return None
    lines: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.partition("-")
        lines.update(range(int(first), int(last or first) + 1))
    return lines


@dataclass
class Run:
    """What a run found: (mutant, outcome, seconds) for each mutant, the wall time of each module and
    the 1-minute load average sampled as mutants finished (wall times depend on what else runs)."""

    results: list[tuple[Mutant, str, float]] = field(default_factory=list)
    walls: dict[str, float] = field(default_factory=dict)
    loads: list[float] = field(default_factory=list)


def _run(modules: list[str], jobs: int, only: set[int] | None) -> Run:
    """Run the mutants of each module in turn (those on the lines `only`, when given)."""
    run = Run()
    scratch = Path(tempfile.mkdtemp(prefix="sykj-mutate-"))
    _set_scratch(scratch)
    try:
        with ProcessPoolExecutor(jobs, initializer=_set_scratch, initargs=(scratch,)) as pool:
            for module in modules:
                _run_module(module, jobs, only, pool, run)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return run


def _run_module(module: str, jobs: int, only: set[int] | None, pool: ProcessPoolExecutor, run: Run) -> None:
    # The unmutated tests must pass, and tell how long a run takes (the timeout of a mutant).
    start = time.perf_counter()
    if _pytest(_worker_copy(), MODULES[module], 600) != "survived":
        sys.exit(f"the tests of {module} fail without any mutation; fix them first")
    timeout = 3 * (time.perf_counter() - start) + 10
    todo = [m for m in mutants(module) if only is None or m.line in only]
    print(f"{module_path(module)}: {len(todo)} mutants, {jobs} workers, timeout {timeout:.0f} s each", flush=True)
    for n, (mutant, outcome, took) in enumerate(pool.map(run_one, [(m, timeout) for m in todo]), 1):
        run.results.append((mutant, outcome, took))
        run.loads.append(os.getloadavg()[0])
        if outcome == "survived":
            print(f"  survived  {module_path(module)}:{mutant.line}: {mutant.description}", flush=True)
        if n % 25 == 0:
            print(f"  {n}/{len(todo)} in {time.perf_counter() - start:.0f} s", flush=True)
    run.walls[module] = time.perf_counter() - start


def _report(modules: list[str], run: Run) -> str:
    """The score table (markdown) and the survivors, each with its line of source."""
    rows = ["| module | mutants | killed | survived | score | wall time |", "|---|---|---|---|---|---|"]
    for module in modules:
        mine = [o for m, o, _ in run.results if m.module == module and o != "invalid"]
        killed = sum(o in ("killed", "timeout") for o in mine)
        rows.append(f"| {module}.py | {len(mine)} | {killed} | {len(mine) - killed} | "
                    f"{f'{killed / len(mine) * 100:.1f}%' if mine else '—'} | {run.walls[module]:.0f} s |")
    survivors = [f"- `{module_path(m.module)}:{m.line}` {m.description}: `{_source_line(m)}`"
                 for m, o, _ in run.results if o == "survived"]
    return "\n".join(rows) + "\n\nSurvivors:\n" + ("\n".join(survivors) or "none") + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"modules to mutate (default: all of {', '.join(MODULES)})")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--lines", metavar="N,M-K", help="only the mutants on these lines (to rerun survivors)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table and the survivors here")
    args = parser.parse_args()
    modules = [m.rpartition(".")[2] for m in args.modules] or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    only = _on_lines(args.lines)
    if args.list:
        todo = [m for module in modules for m in mutants(module) if only is None or m.line in only]
        for m in todo:
            print(f"{module_path(m.module)}:{m.line}: {m.description}")
        print(f"{len(todo)} mutants")
        return
    begin = time.perf_counter()
    run = _run(modules, args.jobs, only)
    text = _report(modules, run)
    print(f"\n{text}\n{time.perf_counter() - begin:.0f} s in all, {args.jobs} workers, {os.cpu_count()} cores, "
          f"mean load average {sum(run.loads) / max(len(run.loads), 1):.1f}")
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
