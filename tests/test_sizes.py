"""No function longer than a screen or with more parameters than a reader holds in mind, unless a
`# size:` comment beside it (on its def line or just above it) says why it is better so."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_LINES = 60  # of code, the docstring not counted
MAX_PARAMETERS = 6  # self and cls not counted


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = node.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
        and isinstance(first.value.value, str)
    start = (first.end_lineno or first.lineno) + 1 if docstring and len(node.body) > 1 else first.lineno
    return (node.end_lineno or node.lineno) - start + 1


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    args = node.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    return len(names) - (1 if names and names[0] in ("self", "cls") else 0)


def _has_reason(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A `# size:` comment on the def line, among its decorators, or in the comment lines just above."""
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    above = first - 2
    while above >= 0 and lines[above].lstrip().startswith("#"):
        above -= 1
    return any("# size:" in line for line in lines[above + 1:node.lineno])


def test_functions_are_short_or_say_why() -> None:
    found = []
    for path in sorted([*REPO.glob("sykj_track/**/*.py"), *REPO.glob("benchmarks/*.py"), *REPO.glob("docs/*.py")]):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            size, count = _code_lines(node), _parameters(node)
            if (size > MAX_LINES or count > MAX_PARAMETERS) and not _has_reason(lines, node):
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {size} lines, {count} parameters")
    assert not found, ("split these, or say why not in a `# size:` comment beside the def:\n"
                       + "\n".join(found))
