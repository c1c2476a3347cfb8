"""Imports go down only: model and the shared modules < ledger < analysis < render < api < cli.

Every import counts, the lazy ones inside functions too: a layer that imports upwards only when a
function runs still depends on what it imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sykj_track"

# What each part of the package may not import. Shared modules sit at the top of the package but
# below every layer; extract/ stands beside analysis/ and uses only the ledger's text reading.
FORBIDDEN = {
    "model": {"ledger", "analysis", "render", "extract", "api", "cli"},
    "quantity": {"ledger", "analysis", "render", "extract", "api", "cli", "model"},
    "i18n": {"ledger", "analysis", "render", "extract", "api", "cli", "model"},
    "textsafe": {"ledger", "analysis", "render", "extract", "api", "cli", "model"},
    "vocabulary": {"ledger", "analysis", "render", "extract", "api", "cli", "model", "quantity", "i18n", "textsafe"},
    "ledger": {"analysis", "render", "extract", "api", "cli"},
    "analysis": {"render", "extract", "api", "cli"},
    "extract": {"analysis", "render", "api", "cli"},
    "render": {"extract", "api", "cli"},
    "api": {"cli"},
}


def _part(module: str) -> str:
    """The layer a dotted module name inside the package belongs to ("ledger.load" -> "ledger")."""
    return module.split(".")[0]


def _imports(path: Path) -> set[str]:
    """Every module inside the package that `path` imports, as a dotted name relative to the package."""
    here = list(path.relative_to(PACKAGE).with_suffix("").parts)
    package = here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "sykj_track":
                target = node.module.split(".")[1:]
            else:
                continue
            if node.module is None:  # from . import a, b: the names are modules
                found.update(".".join(target + [alias.name]) for alias in node.names)
            else:
                found.add(".".join(target))
        elif isinstance(node, ast.Import):
            found.update(".".join(alias.name.split(".")[1:]) for alias in node.names
                         if alias.name.startswith("sykj_track."))
    return {name for name in found if name}


def test_imports_only_go_down() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = _part(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for name in sorted(_imports(path)):
            if _part(name) in FORBIDDEN.get(part, set()):
                wrong.append(f"{path.relative_to(PACKAGE.parent)} imports sykj_track.{name}")
    assert not wrong, "imports that point up a layer:\n" + "\n".join(wrong)


def test_the_layers_are_folders() -> None:
    for folder in ("ledger", "analysis", "render", "extract"):
        assert (PACKAGE / folder / "__init__.py").is_file()
    for module in ("model", "vocabulary", "quantity", "api", "cli", "i18n", "textsafe"):
        assert (PACKAGE / f"{module}.py").is_file()


def test_the_cli_only_wires_options_to_the_api_and_renders() -> None:
    """cli.py reads the ledger, judges and writes only through api; it may render (render/, the draft's
    TOML of extract/), speak (i18n), make text inert (textsafe), list choices (vocabulary) and list
    check's rules in its --help (ledger.rules, which imports nothing)."""
    allowed = {"api", "render", "extract", "i18n", "textsafe", "vocabulary"}
    wrong = sorted(name for name in _imports(PACKAGE / "cli.py")
                   if _part(name) not in allowed and name != "ledger.rules")
    assert not wrong, f"cli.py imports {wrong}: give api a function for it"
