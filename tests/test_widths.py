"""Every table reads cleanly at 80 and at 200 columns, in both languages: no line wider than the
terminal, no id (a report's, a metric's, a file:line) and no header word cut in two.

An id is "cut" when it is shown whole on a wide terminal but not on the narrow one; a header word
when it is missing from the output (a table wraps a header between its words, never inside one).
"""

from __future__ import annotations

import functools
import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from sykj_track.cli import main
from sykj_track.i18n import t
from sykj_track.ledger.load import load

from helpers import SNAPSHOT

AS_OF = ["--as-of", "2026-11-22"]
# each table command, with the catalogue ids of its headers but the first (which a stacked layout
# shows as each block's heading instead)
TABLES = {
    "status": (["status", *AS_OF], ["col.target", "col.actual", "col.status", "col.reason",
                                    "col.sources"]),
    "sources": (["sources", *AS_OF], ["sources.report", "sources.published", "sources.goals", "sources.figures"]),
    "metrics": (["metrics"], ["metrics.zh", "metrics.en", "metrics.unit", "metrics.kind"]),
    "check": (["check", *AS_OF], ["check.where", "check.severity", "check.message"]),
    "check -v": (["check", "-v", *AS_OF], ["check.severity", "check.message"]),
    "show": (["show", "高新技术企业", *AS_OF], ["show.goals", "show.figures", "show.verdict"]),
    "diff": (["diff", "2024", "2025", *AS_OF], ["diff.change", "diff.stated", "diff.implied",
                                                "diff.flags"]),
    "audit": (["audit"], ["sources.report", "col.year", "check.where", "audit.quote"]),
}
PLACE = re.compile(r"(?:seeds|targets)/[\w.-]+:\d+")
GOAL_ID = re.compile(r"\b\d{4}:[a-z0-9_]+:[a-z]+\b")  # 2019:hitech_enterprises:level


@functools.lru_cache(maxsize=None)
def output(args: tuple[str, ...], width: int, lang: str) -> str:
    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), *args, "--lang", lang], env={"COLUMNS": str(width)})
    assert "Traceback" not in result.output, result.output
    return result.stdout


@pytest.fixture(scope="module")
def ids() -> list[str]:
    ledger, _ = load(SNAPSHOT)
    return [*ledger.metrics, *(s.id for s in ledger.sources)]


def whole_ids(text: str, ids: list[str]) -> set[str]:
    """The ids shown whole in `text`: a report's or a metric's id, a seed's or a record's file:line."""
    found = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
    return found | set(PLACE.findall(text)) | set(GOAL_ID.findall(text))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("name", sorted(TABLES))
def test_tables_fit_and_cut_nothing(name, width, lang, ids):
    args, headers = TABLES[name]
    text = output(tuple(args), width, lang)
    widest = max(cell_len(line) for line in text.splitlines())
    assert widest <= width, f"{name} is {widest} columns wide at {width}:\n{text}"
    wide = output(tuple(args), 1000, lang)
    assert whole_ids(text, ids) == whole_ids(wide, ids), name
    for key in headers:
        for word in t(key, lang).split():
            assert word in text, (name, key, word)
