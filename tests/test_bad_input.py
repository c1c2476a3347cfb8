"""Bad input, replayed the way an attacker or a tired editor would write it: every case is a clear
message and a documented exit code (0 fine, 1 problems in the data or a failed operation, 2 a usage
error), never a traceback, a hang or a wrong number."""

from __future__ import annotations

import os
import stat
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


# ------------------------------------------------------------------------- reports extract reads

ABSURD = {
    "1 and 400 zeros": "1" + "0" * 400 + "家",
    "5000 digits": "9" * 5000 + "家",  # past Python's 4300-digit limit of int <-> str
    "300 digits of 万亿": "9" * 300 + "万亿元",
}


@pytest.mark.parametrize("number", ABSURD.values(), ids=list(ABSURD))
def test_extract_leaves_out_a_number_beyond_any_real_figure(data, number):
    root = _base(data)
    report = root / "seeds" / "new.txt"
    report.write_text(f"2025年6月5日\n全市高新技术企业达到{number}。技术合同成交额达到120亿元。\n", encoding="utf-8")
    for args in (["extract", str(report)], ["extract", str(report), "--format", "json"]):
        result = _run(root, args)
        assert result.exit_code == 0 and "beyond any real figure" in result.output, result.output
        assert "120" in result.output  # the rest of the report is drafted
    assert _run(root, ["extract", str(report), "--write", "--id", "new"]).exit_code == 0
    checked = _run(root, ["check", *AS_OF])
    assert "beyond any real figure" not in checked.output and number not in checked.output, checked.output


@pytest.mark.parametrize("body", [b"", b"   \n\n", bytes(range(256)) * 8, b"2025\xe5\xb9\xb4\xff\xfe 100\xe5\xae\xb6"],
                         ids=["empty", "blank", "binary", "invalid UTF-8"])
def test_extract_on_a_report_that_is_no_text_is_a_clear_error(data, body):
    root = _base(data)
    report = root / "seeds" / "new.txt"
    report.write_bytes(body)
    result = _run(root, ["extract", str(report), "--write", "--id", "new"])
    assert result.exit_code == 1 and "Error" in result.output, result.output
    assert not (root / "targets" / "new.toml").exists()


def test_extract_on_a_directory_or_a_missing_file_is_a_usage_error(data):
    root = _base(data)
    for path in (root / "seeds", root / "seeds" / "missing.txt"):
        assert _run(root, ["extract", str(path)]).exit_code == 2


@pytest.mark.parametrize("args", [["extract", "seeds/r.txt", "--published", "２０２５-06-05"],
                                  ["extract", "seeds/r.txt", "--published", "٢٠٢٥-06-05"],
                                  ["changes", "--since", "２０２４-01-01"],
                                  ["changes", "--since", "2024-01-01", "--until", "٢٠٢٦-01-01"],
                                  ["report", "--html", "-", "--as-of", "２０２６-01-01"]],
                         ids=lambda args: " ".join(args[:3]))
def test_every_date_option_takes_ascii_digits_only(data, args):
    root = _base(data)
    args = [str(root / a) if a.startswith("seeds/") else a for a in args]
    result = _run(root, args)
    assert result.exit_code == 2 and "not a date" in result.output, result.output


# ------------------------------------------------------------------------- writes where they belong

def _special_files(tmp_path: Path) -> dict[str, Path]:
    """A symbolic link to a file of someone else's, a FIFO and (as root) a character device."""
    pointee = tmp_path / "theirs.txt"
    pointee.write_text("theirs", encoding="utf-8")
    found = {"link": tmp_path / "link.out", "fifo": tmp_path / "fifo.out"}
    found["link"].symlink_to(pointee)
    os.mkfifo(found["fifo"])
    if os.geteuid() == 0:  # a null device of our own, so that a failure could not replace /dev/null
        found["device"] = tmp_path / "device.out"
        os.mknod(found["device"], stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return found


def _untouched(tmp_path: Path, kind: str, path: Path) -> None:
    mode = os.lstat(path).st_mode
    assert {"link": stat.S_ISLNK, "fifo": stat.S_ISFIFO, "device": stat.S_ISCHR}[kind](mode), kind
    assert (tmp_path / "theirs.txt").read_text(encoding="utf-8") == "theirs"
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["report", "export"])
def test_no_command_writes_over_a_link_a_fifo_or_a_device(data, tmp_path, command):
    root = _base(data)
    for kind, path in _special_files(tmp_path).items():
        args = {"report": ["report", "--html", str(path), *AS_OF],
                "export": ["export", "--sqlite", str(path), *AS_OF]}[command]
        result = _run(root, args)
        assert result.exit_code in (1, 2) and "Error" in result.output, (kind, result.output)
        _untouched(tmp_path, kind, path)


def test_extract_does_not_write_through_a_link_in_targets(data, tmp_path):
    root = _base(data)
    pointee = tmp_path / "theirs.txt"
    pointee.write_text("theirs", encoding="utf-8")
    (root / "targets" / "new.toml").symlink_to(pointee)
    result = _run(root, ["extract", str(root / "seeds" / "r.txt"), "--write", "--id", "new", "--force"])
    assert result.exit_code == 1 and "refusing to replace" in result.output, result.output
    assert (root / "targets" / "new.toml").is_symlink() and pointee.read_text(encoding="utf-8") == "theirs"


def test_two_extracts_racing_to_write_one_file_without_force_leave_one_winner(data, tmp_path):
    root = _base(data)
    args = ["--data", str(root), "extract", str(root / "seeds" / "r.txt"), "--write", "--id", "raced"]
    env = {**os.environ, "SYKJ_TRACK_CACHE": "off"}
    for _ in range(3):
        (root / "targets" / "raced.toml").unlink(missing_ok=True)
        runs = [subprocess.Popen([sys.executable, "-m", "sykj_track", *args], cwd=tmp_path, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
        outcomes = [(run.wait(timeout=60), run.stderr.read()) for run in runs]
        assert sorted(code for code, _ in outcomes) == [0, 1, 1], outcomes
        assert all("Traceback" not in err for _, err in outcomes)
        assert sorted(p.name for p in (root / "targets").iterdir()) == ["metrics.toml", "r.toml", "raced.toml"]


def test_a_temp_file_left_by_a_killed_writer_is_cleaned_and_never_read(data):
    root = _base(data)
    stale = root / "targets" / ".new.toml.999999999.dead.tmp"  # no such process
    stale.write_text("[source]\nid = \"half", encoding="utf-8")
    assert _run(root, ["check", *AS_OF]).exit_code == 0
    assert _run(root, ["extract", str(root / "seeds" / "r.txt"), "--write", "--id", "new"]).exit_code == 0
    assert not stale.exists()


def test_a_seed_that_is_a_fifo_does_not_hang_the_commands_that_quote_it(data, tmp_path):
    root = _base(data)
    seed = root / "seeds" / "r.txt"
    seed.unlink()
    os.mkfifo(seed)
    for args in (["status", "-v", *AS_OF], ["show", "platforms", *AS_OF], ["report", "--html", "-", *AS_OF]):
        run = _subprocess(["--data", str(root), *args], tmp_path, timeout=60)
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, (args, run.stderr)
