"""No dead code: vulture finds nothing unused in the package, the tests, the benchmarks and docs/.

A name it reports that is used where it cannot look (a click command, an autouse fixture, an attribute
a library reads) goes in .ci/vulture_whitelist.py with the reason; anything else is deleted.
"""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO

PATHS = ["sykj_track", "tests", "benchmarks", "docs", ".ci/vulture_whitelist.py"]


def test_vulture_finds_no_dead_code() -> None:
    result = subprocess.run([sys.executable, "-m", "vulture", *PATHS], cwd=REPO, capture_output=True, text=True)
    assert "No module named vulture" not in result.stderr, "pip install -e '.[test]' installs vulture"
    assert result.returncode == 0, f"unused code (delete it, or whitelist a false positive):\n{result.stdout}"
