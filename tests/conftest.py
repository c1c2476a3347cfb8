"""Fixtures: a private cache, a hand-made data directory, the frozen snapshot of the real data.

Shared helpers (paths, DataDir, goal, figure) live in helpers.py; tests import them from there."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_MISSING = [name for name in ("click", "rich", "dateutil", "tomli_w", "hypothesis")
            if importlib.util.find_spec(name) is None]
if _MISSING:  # a clear word instead of an ImportError from deep inside the first test module
    pytest.exit(f"missing {', '.join(_MISSING)}: install the project and its test dependencies first, "
                "with pip install -e '.[test]' (or the README's pip install '.[test]' && pytest)", returncode=4)

from hypothesis import Phase, settings  # noqa: E402

from helpers import SNAPSHOT, DataDir  # noqa: E402
from sykj_track.ledger.load import load  # noqa: E402
from sykj_track.model import Ledger  # noqa: E402

# benchmarks/mutate.py runs the tests with this profile: there only pass or fail counts, so a failing
# example is not shrunk, and no example saved by one mutant's run is replayed against the next.
settings.register_profile("mutate", phases=[Phase.explicit, Phase.reuse, Phase.generate], database=None)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI caches parsed files; tests keep theirs out of the user's ~/.cache. Tests read the
    English texts unless they ask for another language (--lang zh), whatever the machine's locale."""
    directory = tmp_path_factory.mktemp("cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("SYKJ_TRACK_CACHE", str(directory))
    patch.setenv("SYKJ_TRACK_LANG", "en")
    yield directory
    patch.undo()


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture(scope="session")
def real_ledger() -> Ledger:
    """The frozen snapshot of the bundled ledger."""
    ledger, problems = load(SNAPSHOT)
    assert problems == [], "\n".join(map(str, problems))
    return ledger
