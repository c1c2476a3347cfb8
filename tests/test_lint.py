"""The type checker and the linter pass, so a helper's pytest run sees what .ci/run would refuse.

Their settings (mypy strict on model, vocabulary, ledger/, analysis/ and api; ruff's rules and the
complexity bound) are in pyproject.toml; both are test dependencies, pinned.
"""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True)


def test_mypy_finds_no_type_errors() -> None:
    result = _run("mypy")
    assert "No module named mypy" not in result.stderr, "pip install -e '.[test]' installs mypy"
    assert result.returncode == 0, f"mypy:\n{result.stdout}{result.stderr}"


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache")
    assert "No module named ruff" not in result.stderr, "pip install -e '.[test]' installs ruff"
    assert result.returncode == 0, f"ruff check:\n{result.stdout}{result.stderr}"
