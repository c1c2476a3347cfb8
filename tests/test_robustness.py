"""Nothing breaks it: hostile files give clear errors in bounded time and memory, writes are atomic
even when the writer is killed, and readers never see a half-written file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sykj_track.ledger.atomicwrite import write_atomic
from sykj_track.ledger.cache import Cache
from sykj_track.cli import main
from sykj_track.ledger.load import load
from sykj_track.quantity import QuantityError, parse_quantity, parse_unit
from sykj_track.ledger.validate import number_in_quote, squeeze

from helpers import figure, goal


def check(root: Path, *args: str):
    return CliRunner().invoke(main, ["--data", str(root), "check", "--as-of", "2026-01-01", *args])


def clean(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    return result.output


# ---------------------------------------------------------------------------------------- parsers


@given(st.text())
def test_any_text_through_the_quantity_parser(text: str) -> None:
    try:
        number, unit = parse_quantity(text)
    except QuantityError:
        return
    assert number.is_finite()
    try:
        parse_unit(unit)
    except QuantityError:
        pass


@given(written=st.text(max_size=20), quote=st.text(max_size=60))
def test_any_text_through_the_quote_checks(written: str, quote: str) -> None:
    assert number_in_quote(written, quote) in (True, False)
    assert not any(ch.isspace() for ch in squeeze(quote))


# ---------------------------------------------------------------------------------------- hostile files


def test_a_50_mb_seed_is_checked(data):
    data.metric("platforms", unit="个")
    filler = "坚持创新驱动发展战略，持续优化创新生态。" * 1000 + "\n"
    data.source("big", date(2025, 1, 1), "", goals=[goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")])
    with open(data.root / "seeds" / "big.txt", "w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(filler.encode("utf-8")) + 2):
            handle.write(filler)
        handle.write("全市创新平台达到100个。\n")
    assert (data.root / "seeds" / "big.txt").stat().st_size > 50 * 1024 * 1024
    output = clean(check(data.root))
    assert "0 errors" in output


def test_a_file_of_100000_goals_loads(data):
    data.metric("platforms", unit="个")
    data.source("huge", date(2025, 1, 1), "全市创新平台达到100个。")
    record = '[[goal]]\nmetric = "platforms"\nyear = {year}\nop = ">="\ntarget = 100\nunit = "个"\nbasis = "level"\n' \
             'quote = "全市创新平台达到100个"\n'
    path = data.root / "targets" / "huge.toml"
    with open(path, "a", encoding="utf-8") as handle:
        for n in range(100_000):
            handle.write(record.format(year=1945 + n % 160))
    ledger, problems = load(data.root)
    bad = sum(not 1949 <= 1945 + n % 160 <= 2100 for n in range(100_000))
    assert len(ledger.goals) == 100_000 - bad and len(problems) == bad
    assert problems and all("year" in p.message and "out of range" in p.message for p in problems)


@pytest.mark.parametrize("text", [
    "a = " + "[" * 50_000 + "]" * 50_000,
    "a = " + "{b = " * 5_000 + "1" + "}" * 5_000,
    "[" + ".".join(["t"] * 5_000) + "]\nx = 1\n",
])
def test_deeply_nested_toml_is_a_clear_error(data, text):
    data.metric("platforms", unit="个")
    (data.root / "targets" / "deep.toml").write_text(text, encoding="utf-8")
    output = clean(check(data.root))
    assert "targets/deep.toml" in output and "error" in output


def test_control_characters_in_a_quote_are_shown_escaped(data):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个。", goals=[
        goal("platforms", 2025, 100, "全市创新平台\x1b[2J达到100个\x07", unit="个")])
    output = clean(check(data.root))
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J" in output and "quote not found" in output


# ---------------------------------------------------------------------------------------- writes


WRITER = textwrap.dedent("""
    import sys
    from sykj_track.ledger.atomicwrite import write_atomic
    path, size = sys.argv[1], int(sys.argv[2])
    n = 0
    while True:
        n += 1
        letter = "ab"[n % 2]
        write_atomic(path, letter * size)
""")


def test_a_writer_killed_mid_write_leaves_a_whole_file(tmp_path):
    target = tmp_path / "ledger.toml"
    size = 4 * 1024 * 1024
    write_atomic(target, "o" * size)
    for delay in (0.05, 0.15, 0.3):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(size)])
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        text = target.read_text(encoding="utf-8")
        assert len(text) == size and len(set(text)) == 1, "a half-written file"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "ledger.toml"]
    assert all(name.startswith(".ledger.toml.") and name.endswith(".tmp") for name in leftovers)


READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sykj_track.ledger.load import load
    root, until = Path(sys.argv[1]), time.time() + float(sys.argv[2])
    reads = 0
    while time.time() < until:
        ledger, problems = load(root)
        assert not problems, problems
        assert len(ledger.goals) in (1, 2), len(ledger.goals)
        reads += 1
    print(reads)
""")


def test_readers_never_see_a_half_written_targets_file(data):
    data.metric("platforms", unit="个")
    one = [goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")]
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个。2026年达到120个。", goals=one)
    path = data.root / "targets" / "r.toml"
    versions = [path.read_text(encoding="utf-8"),
                path.read_text(encoding="utf-8") + '\n[[goal]]\nmetric = "platforms"\nyear = 2026\nop = ">="\n'
                'target = 120\nunit = "个"\nbasis = "level"\nquote = "2026年达到120个"\n' + "# padding\n" * 20000]
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(data.root), "2"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    writes = 0
    while any(r.poll() is None for r in readers):
        write_atomic(path, versions[writes % 2])
        writes += 1
    for reader in readers:
        out, err = reader.communicate()
        assert reader.returncode == 0, err
        assert int(out) > 0
    assert writes > 10


def test_a_corrupt_or_truncated_cache_entry_is_a_miss(data, tmp_path):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个。", goals=[goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")],
                figures=[figure("platforms", 2024, 90, "全市创新平台达到100个", unit="个")])
    cache = Cache(tmp_path / "cache")
    first, _ = load(data.root, cache)
    entries = list((tmp_path / "cache").glob("*.json"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:10])
    again, problems = load(data.root, cache)
    assert problems == [] and len(again.goals) == len(first.goals) == 1


def test_a_changed_file_is_parsed_again(data, tmp_path):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个，2026年达到120个。",
                goals=[goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")])
    cache = Cache(tmp_path / "cache")
    assert [g.target for g in load(data.root, cache)[0].goals] == [100]
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个，2026年达到120个。",
                goals=[goal("platforms", 2026, 120, "2026年达到120个", unit="个")])
    assert [g.target for g in load(data.root, cache)[0].goals] == [120]


def test_an_unwritable_cache_is_skipped(data, tmp_path):
    data.metric("platforms", unit="个")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    cache = Cache(blocker / "cache")
    ledger, problems = load(data.root, cache)
    assert problems == [] and "platforms" in ledger.metrics


def test_cache_can_be_switched_off():
    assert Cache.default({"SYKJ_TRACK_CACHE": "off"}) is None
    assert Cache.default({"XDG_CACHE_HOME": "/x"}).directory == Path("/x/sykj-track")
    assert os.fspath(Cache.default({"SYKJ_TRACK_CACHE": "/tmp/c"}).directory) == "/tmp/c"


def test_a_cache_only_for_ledgers_big_enough_to_pay(data, monkeypatch):
    from sykj_track import api

    data.metric("platforms", unit="个")
    assert api.cache_for(data.root) is None
    monkeypatch.setattr(api, "CACHE_MIN_BYTES", 0)
    assert isinstance(api.cache_for(data.root), Cache)
