"""The cache cannot run code or lie: data-only entries, authenticated with a per-user key; a planted,
rewritten or foreign entry is a miss; a directory others can write to is refused."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sykj_track.ledger.cache import KEY_FILE, Cache, decode, encode
from sykj_track.ledger.load import load

from helpers import figure, goal


def _ledger(data):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), "全市创新平台达到100个，2024年为90个。",
                goals=[goal("platforms", 2025, 100, "全市创新平台达到100个", unit="个")],
                figures=[figure("platforms", 2024, 90, "2024年为90个", unit="个")])
    return data


def test_the_format_round_trips_the_model(data):
    ledger = _ledger(data).load()
    value = ((ledger.sources[0], list(ledger.goals), list(ledger.figures)), [], ledger.metrics,
             ledger.identity, {"a": (1, 2.5, None, True, date(2025, 1, 2), Path("x"))})
    back = decode(encode(value))
    assert back == value
    assert back[0][1][0].source is back[0][0]  # one source object, as loaded


def test_entries_are_private_and_the_key_is_0600(data, tmp_path):
    cache = Cache(tmp_path / "c")
    load(_ledger(data).root, cache)
    assert stat.S_IMODE(os.stat(tmp_path / "c").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "c" / KEY_FILE).st_mode) == 0o600
    entries = list((tmp_path / "c").glob("*.json"))
    assert entries and all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries)
    assert all(b"pickle" not in e.read_bytes() and e.read_bytes().startswith(b"sykj-track-cache") for e in entries)


def test_a_planted_pickle_never_runs(data, tmp_path):
    """A pickle planted under the name of the entry the next run reads (keys are computable from the
    public ledger) is not loaded: the marker file its code would create never appears."""
    _ledger(data)
    directory = tmp_path / "c"
    cache = Cache(directory)
    load(data.root, cache)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for entry in directory.glob("*.json"):
        entry.write_bytes(pickle.dumps(Evil()))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Evil()))
    ledger, problems = load(data.root, Cache(directory))
    assert problems == [] and [g.target for g in ledger.goals] == [100]
    assert not marker.exists()
    # And through the CLI, as `sykj-track status` would meet it.
    env = {**os.environ, "SYKJ_TRACK_CACHE": str(directory)}
    subprocess.run([sys.executable, "-m", "sykj_track", "--data", str(data.root), "status", "--as-of",
                    "2026-01-01"], env=env, capture_output=True, check=True)
    assert not marker.exists()


def test_a_rewritten_entry_is_a_miss(data, tmp_path):
    """Halving a figure inside an entry (and keeping its header) does not change what is loaded."""
    _ledger(data)
    directory = tmp_path / "c"
    load(data.root, Cache(directory))
    changed = 0
    for entry in directory.glob("*.json"):
        text = entry.read_bytes()
        if b",90.0," in text:
            entry.write_bytes(text.replace(b",90.0,", b",45.0,"))
            changed += 1
    assert changed
    ledger, _ = load(data.root, Cache(directory))
    assert [f.value for f in ledger.figures] == [90]


def test_an_entry_made_with_another_key_is_a_miss(data, tmp_path):
    _ledger(data)
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    load(data.root, Cache(ours))
    load(data.root, Cache(theirs))
    for entry in theirs.glob("*.json"):  # another user's (or a forged) entry under the same name
        (ours / entry.name).write_bytes(entry.read_bytes())
    cache = Cache(ours)
    assert all(cache.get(entry.stem) is None for entry in ours.glob("*.json"))


def test_a_directory_others_can_write_is_refused(data, tmp_path):
    _ledger(data)
    directory = tmp_path / "shared"
    directory.mkdir()
    os.chmod(directory, 0o777)
    warnings: list[str] = []
    cache = Cache(directory, warn=warnings.append)
    ledger, problems = load(data.root, cache)
    assert problems == [] and len(ledger.goals) == 1
    assert list(directory.iterdir()) == []  # nothing written, nothing read
    assert len(warnings) == 1 and "written by others" in warnings[0] and "chmod 700" in warnings[0]


def test_the_cli_warns_once_and_runs_without_a_cache(data, tmp_path):
    _ledger(data)
    directory = tmp_path / "shared"
    directory.mkdir()
    os.chmod(directory, 0o757)
    env = {**os.environ, "SYKJ_TRACK_CACHE": str(directory)}
    run = subprocess.run([sys.executable, "-m", "sykj_track", "--data", str(data.root), "check", "--as-of",
                          "2026-01-01"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("can be written by others") <= 1 and "Traceback" not in run.stderr


def test_a_key_readable_by_others_is_refused(data, tmp_path):
    _ledger(data)
    directory = tmp_path / "c"
    load(data.root, Cache(directory))
    os.chmod(directory / KEY_FILE, 0o644)
    warnings: list[str] = []
    cache = Cache(directory, warn=warnings.append)
    assert all(cache.get(entry.stem) is None for entry in directory.glob("*.json"))
    assert warnings and "mode 600" in warnings[0]


@pytest.mark.parametrize("data_", [["O", "Nope"], ["X"], {"a": 1}, ["O", "Goal", 1], ["R", 5], ["d", "x"]])
def test_data_it_does_not_understand_raises_a_value_error(data_):
    with pytest.raises((ValueError, TypeError, KeyError, IndexError)):
        decode(data_)


def test_only_the_models_classes_are_built():
    with pytest.raises(KeyError):
        decode(["O", "Popen", ["L", "ls"]])
    with pytest.raises(TypeError):
        encode(object())
