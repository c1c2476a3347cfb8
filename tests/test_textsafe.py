"""Text from a ledger is inert wherever it is shown: terminal escapes, C1 controls, bidi overrides and rich
markup in any field reach the terminal as visible escapes; CSV cells cannot start a formula."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from sykj_track.textsafe import csv_cell, html_text, inert, json_inert, markdown_cell, markup, safe_url

from helpers import figure, goal

# Set the window title; clear the screen; a hyperlink showing one text and opening another; a one-byte
# CSI (C1); a bell; a right-to-left override; rich markup.
PAYLOAD = ("\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
           "\x9b31m\x90x\x9c\u202edlrow\u2066[red]red[/red][link=http://evil.example]x[/link]")


# --------------------------------------------------------------------------------------- the functions


def test_inert_shows_controls_as_escapes_and_keeps_text():
    assert inert("高新技术企业达到4500家") == "高新技术企业达到4500家"
    assert inert("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert inert("\x9b31m") == "\\x9b31m"
    assert inert("1.5\u202e%") == "1.5\\u202e%"
    assert inert("\u2066x\u2069") == "\\u2066x\\u2069"
    assert inert("a\nb") == "a\nb" and inert("a\nb", newlines=False) == "a\\nb"
    assert inert("全角\u3000空格") == "全角\u3000空格"  # an ideographic space is text, not a control
    assert inert(None) == "" and inert(12) == "12"


def test_a_markdown_cell_cannot_split_its_row():
    assert markdown_cell("a|b") == "a\\|b"
    assert markdown_cell("a\\|b") == "a\\\\\\|b"  # a backslash in the data cannot unescape the bar
    assert markdown_cell("a\nb\x1b") == "a\\\\nb\\\\x1b"


def test_sources_as_markdown_keep_one_cell_per_column(data):
    from click.testing import CliRunner

    from sykj_track.cli import main

    data.metric("firms")
    data.source("r2024", date(2024, 3, 1), "企业100家。", figures=[figure("firms", 2023, 100, "企业100家")])
    (data.root / "seeds" / "r2024.txt").rename(data.root / "seeds" / "a|b.txt")
    toml = data.root / "targets" / "r2024.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("seeds/r2024.txt", "seeds/a|b.txt"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(data.root), "sources", "--format", "markdown",
                                       "--as-of", "2026-01-01"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("|")]
    cells = [len(re.split(r"(?<!\\)\|", row)) for row in rows]
    assert len(set(cells)) == 1 and "a\\|b.txt" in result.output, result.output


def test_markup_keeps_square_brackets_literal():
    from rich.console import Console

    console = Console(record=True, width=80, color_system=None)
    console.print(markup("[red]x[/red] [link=http://e]y[/link]"))
    assert console.export_text().strip() == "[red]x[/red] [link=http://e]y[/link]"


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://e\")", "'=HYPERLINK(\"http://e\")"), ("+1+1", "'+1+1"), ("-1+cmd", "'-1+cmd"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "\\t=1"), ("-3.5", "-3.5"), ("+12.0%", "+12.0%"), ("-1e3", "-1e3"),
    ("高企4500家", "高企4500家"), ("", ""), (-3.5, -3.5), (None, None)])
def test_csv_cells_cannot_start_a_formula(cell, expected):
    assert csv_cell(cell) == expected


def test_json_inert_keeps_the_values():
    document = json.dumps({"q": PAYLOAD + "\U000e0041"}, ensure_ascii=False)
    safe = json_inert(document)
    assert json.loads(safe) == json.loads(document)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", safe)


def test_html_text_and_urls():
    assert html_text('<script>"x"</script>\u202e') == "&lt;script&gt;&quot;x&quot;&lt;/script&gt;\\u202e"
    assert safe_url("https://kjj.shenyang.gov.cn/a?b=1") == "https://kjj.shenyang.gov.cn/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "http:///x", " http://a.b",
                "http://a.b/\x1b", "vbscript:x", "//evil.example", "http://a.b/ x", "", None, 3):
        assert safe_url(bad) is None, bad


# --------------------------------------------------------------------------------- every command, in a pty


def _ledger(data):
    """Two reports with the payload in every text field a renderer shows."""
    data.metric("evil_metric", zh="高企" + PAYLOAD, note="note" + PAYLOAD, aliases=["别名" + PAYLOAD])
    data.metric("plain_metric", zh="平台", unit="个")
    seed_a = f"2024年高企达到100家{PAYLOAD}。2025年高企达到200家{PAYLOAD}。平台达到10个。"
    data.source("r2024", date(2024, 3, 1), seed_a, title="title" + PAYLOAD,
                goals=[goal("evil_metric", 2025, 200, f"2025年高企达到200家{PAYLOAD}", note="n" + PAYLOAD,
                            doubt="d" + PAYLOAD)],
                figures=[figure("evil_metric", 2023, 100, f"2024年高企达到100家{PAYLOAD}", doubt="fd" + PAYLOAD),
                         figure("plain_metric", 2023, 10, "平台达到10个", unit="个")])
    seed_b = f"2025年高企达到150家{PAYLOAD}。高企达到120家{PAYLOAD}。平台达到12个。"
    data.source("r2025", date(2025, 3, 1), seed_b, title="t" + PAYLOAD,
                figures=[figure("evil_metric", 2025, 150, f"2025年高企达到150家{PAYLOAD}", doubt="x" + PAYLOAD),
                         figure("evil_metric", 2023, 120, f"高企达到120家{PAYLOAD}"),
                         figure("plain_metric", 2024, 12, "平台达到12个", unit="个")])
    return data.root


def _run_in_pty(args: list[str], cwd: Path) -> tuple[int, str]:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "50", "SYKJ_TRACK_CACHE": "off"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "sykj_track", *args], stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif proc.poll() is not None:
            break
    os.close(master)
    code = proc.wait(timeout=30)
    return code, b"".join(chunks).decode("utf-8", "replace")


# The tool's own sequences: SGR colour and style (ESC [ ... m) and nothing else.
OWN = re.compile(r"\x1b\[[0-9;]*m")
FOREIGN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

COMMANDS = [
    ["status", "--as-of", "2026-01-01"], ["status", "-v", "--as-of", "2026-01-01"],
    ["status", "--format", "json", "--as-of", "2026-01-01"], ["status", "--format", "csv", "--as-of", "2026-01-01"],
    ["check", "--as-of", "2026-01-01"], ["check", "--format", "json", "--as-of", "2026-01-01"],
    ["diff", "2023", "2025", "-v", "--as-of", "2026-01-01"], ["diff", "2023", "2025", "--format", "json"],
    ["diff", "2023", "2025", "--format", "csv"], ["audit"], ["audit", "--format", "json"],
    ["metrics"], ["metrics", "--format", "json"], ["show", "evil_metric", "--as-of", "2026-01-01"],
    ["show", "evil_metric", "--format", "json", "--as-of", "2026-01-01"], ["sources", "--as-of", "2026-01-01"],
    ["sources", "--format", "json", "--as-of", "2026-01-01"], ["extract", "seeds/r2025.txt"],
    ["extract", "seeds/r2025.txt", "--format", "json"], ["report", "--html", "-", "--as-of", "2026-01-01"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_command_writes_a_control_sequence_from_the_data(data, command):
    root = _ledger(data)
    code, output = _run_in_pty(["--data", str(root), *command], root)
    assert "Traceback" not in output, output
    assert code in (0, 1), output
    foreign = FOREIGN.findall(OWN.sub("", output))
    assert foreign == [], f"{command}: {foreign!r} in\n{output}"
    assert "pwned" in output or command[0] in ("metrics", "sources") or "--format" in command, output


def test_markup_in_data_is_shown_literally(data):
    root = _ledger(data)
    for command in (["audit"], ["diff", "2023", "2025", "-v", "--as-of", "2026-01-01"],
                    ["status", "-v", "--as-of", "2026-01-01"], ["show", "evil_metric", "--as-of", "2026-01-01"]):
        _, output = _run_in_pty(["--data", str(root), *command], root)
        assert "[red]red[/red]" in OWN.sub("", output), (command, output)
