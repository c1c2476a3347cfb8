"""Bad input, replayed the way an attacker or a tired editor would write it: every case is a clear
message and a documented exit code (0 fine, 1 problems in the data or a failed operation, 2 a usage
error), never a traceback, a hang or a wrong number."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import tomli_w
from click.testing import CliRunner

from sykj_track.cli import main

from helpers import figure, goal

AS_OF = ["--as-of", "2026-01-01"]
COMMANDS = [["check", *AS_OF], ["check", "--format", "json", *AS_OF], ["status", *AS_OF],
            ["status", "--format", "json", *AS_OF], ["status", "--format", "csv", *AS_OF], ["status", "-v", *AS_OF],
            ["report", "--html", "-", *AS_OF], ["show", "platforms", *AS_OF], ["diff", "2024", "2025", *AS_OF],
            ["audit"], ["metrics"], ["sources", *AS_OF]]


def _run(root: Path, args: list[str]):
    result = CliRunner().invoke(main, ["--data", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output and "Infinity" not in result.output and "NaN" not in result.output
    return result


def _base(data, seed: str = "2024年平台达到90个。2025年平台达到100个。"):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), seed, goals=[goal("platforms", 2025, 100, "2025年平台达到100个", unit="个")],
                figures=[figure("platforms", 2024, 90, "2024年平台达到90个", unit="个")])
    return data.root


def _rewrite(root: Path, change) -> None:
    import tomllib

    path = root / "targets" / "r.toml"
    record = tomllib.loads(path.read_text(encoding="utf-8"))
    text = change(record)
    path.write_text(text if isinstance(text, str) else tomli_w.dumps(record), encoding="utf-8")


# Each case edits a well-formed ledger into a bad one; `check` must find an error in it, and no
# command may crash on it.
CASES = {
    "integer over 4300 digits": lambda r: tomli_w.dumps(r).replace("value = 90", "value = 9" + "0" * 5000),
    "1 and 400 zeros": lambda r: tomli_w.dumps(r).replace("value = 90", "value = 1" + "0" * 400),
    "1e308 万亿": lambda r: r["figure"][0].update(value=1e308, unit="万亿个"),
    "target 1e308 万亿": lambda r: r["goal"][0].update(target=1e308, unit="万亿个"),
    "inf": lambda r: tomli_w.dumps(r).replace("value = 90", "value = inf"),
    "nan": lambda r: tomli_w.dumps(r).replace("target = 100", "target = nan"),
    "-1e300": lambda r: r["figure"][0].update(value=-1e300),
    "string 1e400": lambda r: r["figure"][0].update(value="1" + "0" * 400 + "个", unit="个"),
    "Arabic-Indic digits": lambda r: r["goal"][0].update(target="١٠٠个"),
    "full-width digits": lambda r: r["goal"][0].update(target="１００个"),
    "huge year": lambda r: tomli_w.dumps(r).replace("year = 2024", "year = " + "9" * 400),
    "negative year": lambda r: r["figure"][0].update(year=-5),
    "date as value": lambda r: r["figure"][0].update(value=date(2024, 1, 1)),
    "list as quote": lambda r: r["figure"][0].update(quote=["a"]),
    "table as metric": lambda r: r["figure"][0].update(metric={"a": 1}),
    "empty file": lambda r: "",
    "binary": lambda r: "\x00\x01\x02",
    "unterminated": lambda r: 'a = "',
    "source not a table": lambda r: "source = 1\n",
    "goal not a list": lambda r: tomli_w.dumps(r) + "\ngoal2 = 1\n",
    "seed outside": lambda r: r["source"].update(file="../../etc/passwd"),
    "seed absolute": lambda r: r["source"].update(file="/dev/zero"),
    "javascript url": lambda r: r["source"].update(url="javascript:alert(1)"),
    "control characters": lambda r: r["figure"][0].update(note="\x1b[2J\x00\x9b"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_records_are_errors_and_crash_nothing(data, case):
    root = _base(data)
    _rewrite(root, CASES[case])
    checked = _run(root, ["check", *AS_OF])
    if case != "control characters":
        assert checked.exit_code == 1 and "error" in checked.output, checked.output
    for command in COMMANDS[1:]:
        _run(root, command)


def test_absurd_magnitudes_name_the_field(data):
    root = _base(data)
    _rewrite(root, CASES["1e308 万亿"])
    result = _run(root, ["check", *AS_OF])
    assert "beyond any real figure" in result.output and "r.toml:" in result.output
    root = _base(data)
    _rewrite(root, CASES["integer over 4300 digits"])
    result = _run(root, ["check", *AS_OF])
    assert "not readable" in result.output and "digits" in result.output


@pytest.mark.parametrize("value", ["１２３４-01-01", "٢٠٢٥-01-01", "2025-０1-01", "2025-13-01", "99999-01-01",
                                   "2025-01-01\x00", "", "-1"])
def test_as_of_takes_ascii_digits_only(data, value):
    result = _run(_base(data), ["status", "--as-of", value])
    assert result.exit_code == 2 and "not a date" in result.output


def _subprocess(args: list[str], cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "SYKJ_TRACK_CACHE": "off"}
    return subprocess.run([sys.executable, "-m", "sykj_track", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def test_extract_refuses_a_fifo_and_a_device_at_once(data, tmp_path):
    root = _base(data)
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        start = time.monotonic()
        run = _subprocess(["--data", str(root), "extract", str(path)], tmp_path)
        assert time.monotonic() - start < 20
        assert run.returncode == 1 and "not a regular file" in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_check_refuses_a_seed_that_is_a_fifo(data, tmp_path):
    root = _base(data)
    seed = root / "seeds" / "r.txt"
    seed.unlink()
    os.mkfifo(seed)
    run = _subprocess(["--data", str(root), "check", *AS_OF], tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    (root / "targets" / "x.toml").unlink(missing_ok=True)
    os.mkfifo(root / "targets" / "x.toml")
    run = _subprocess(["--data", str(root), "check", *AS_OF], tmp_path)
    assert run.returncode == 1 and "x.toml" in run.stdout + run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("source_id", ["r" * 300, "../x", "a/b", "ｒ", "٣", "", "-x"])
def test_extract_ids_are_short_ascii_names(data, source_id):
    root = _base(data)
    result = _run(root, ["extract", str(root / "seeds" / "r.txt"), "--write", "--id", source_id])
    assert result.exit_code == 2 and "--id" in result.output


def test_bad_options_are_usage_errors(data):
    root = _base(data)
    for args in (["status", "--format", "xml"], ["diff", "x", "y"], ["show", "no_such_metric"],
                 ["status", "--year", "２０２５"], ["diff", "٢٠٢٤", "2025"], ["nosuchcommand"], ["status", "--metric", "\x1b[2J"]):
        assert _run(root, args).exit_code == 2, args
