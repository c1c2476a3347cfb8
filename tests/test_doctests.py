"""The examples in the package's docstrings (`>>>`) are run, so an example cannot drift from the code.

Run here rather than with pytest's --doctest-modules: that collects the files of the source tree, and
where the package is installed (CI installs it as a user would) it would import each module a second
time under the same name and stop with an import mismatch. Here each module is imported by its name,
from wherever the tests import the package.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import sykj_track

MODULES = sorted(info.name for info in pkgutil.walk_packages(sykj_track.__path__, "sykj_track.")
                 if not info.name.endswith("__main__"))


def _examples(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [test for test in doctest.DocTestFinder().find(module) if test.examples]


WITH_EXAMPLES = [name for name in MODULES if _examples(name)]


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (printed above)"


def test_the_examples_are_found() -> None:
    """The docstrings that carry examples today; a module that loses all of them is noticed."""
    assert {"sykj_track.quantity", "sykj_track.i18n", "sykj_track.ledger.validate",
            "sykj_track.ledger.identity", "sykj_track.extract.proposed"} <= set(WITH_EXAMPLES)
