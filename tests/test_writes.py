"""Every write is durable and lands where it belongs: fsynced file and directory, the replaced file's
mode kept, links, devices and FIFOs never replaced, no overwrite without --force even under a race,
the registry never touched by extract, temp files of killed writers cleaned."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.ledger.atomicwrite import STALE_SECONDS, WriteRefused, write_atomic
from sykj_track.cli import main

REPORT = "2024年，全市高新技术企业达到1000家。2025年，高新技术企业达到1200家。\n"


def test_file_and_directory_are_fsynced(tmp_path, monkeypatch):
    synced: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomic(tmp_path / "a.toml", "x = 1\n")
    assert synced == ["file", "dir"]
    synced.clear()
    write_atomic(tmp_path / "b.toml", "x = 1\n", durable=False)
    assert synced == []


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640
    os.chmod(path, 0o755)
    write_atomic(path, "newer")
    assert stat.S_IMODE(path.stat().st_mode) == 0o755


def test_a_new_file_gets_the_umask_or_the_mode_asked(tmp_path):
    umask = os.umask(0o022)
    try:
        assert stat.S_IMODE(write_atomic(tmp_path / "a", "x").stat().st_mode) == 0o644
        assert stat.S_IMODE(write_atomic(tmp_path / "b", "x", mode=0o600).stat().st_mode) == 0o600
    finally:
        os.umask(umask)


def test_a_symlink_is_not_replaced(tmp_path):
    pointee = tmp_path / "elsewhere.html"
    pointee.write_text("theirs", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(pointee)
    with pytest.raises(WriteRefused, match="symbolic link"):
        write_atomic(link, "ours")
    assert link.is_symlink() and pointee.read_text(encoding="utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_fifo_and_a_device_are_not_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WriteRefused, match="FIFO"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(WriteRefused, match="device"):
        write_atomic("/dev/null", "x")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    with pytest.raises(WriteRefused, match="directory"):
        write_atomic(tmp_path, "x")


def test_no_overwrite_without_replace_even_under_a_race(tmp_path):
    target = tmp_path / "r.toml"
    for round_ in range(20):
        target.unlink(missing_ok=True)
        barrier = threading.Barrier(6)
        won: list[int] = []

        def writer(n: int, barrier: threading.Barrier = barrier, won: list[int] = won) -> None:
            barrier.wait()
            try:
                write_atomic(target, f"writer {n}", replace=False)
                won.append(n)
            except FileExistsError:
                pass

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(won) == 1, (round_, won)
        assert target.read_text(encoding="utf-8") == f"writer {won[0]}"
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]


def test_stale_temp_files_are_cleaned(tmp_path):
    target = tmp_path / "r.toml"
    dead = tmp_path / ".r.toml.999999999.abcd.tmp"  # a writer that was killed (no such process)
    old = tmp_path / ".r.toml.xyz.tmp"  # an older version's name, long forgotten
    live = tmp_path / f".r.toml.{os.getpid()}.live.tmp"  # a writer still at work
    other = tmp_path / ".s.toml.999999999.abcd.tmp"  # another file's
    for path in (dead, old, live, other):
        path.write_text("half", encoding="utf-8")
    long_ago = time.time() - STALE_SECONDS - 10
    os.utime(old, (long_ago, long_ago))
    write_atomic(target, "whole")
    assert not dead.exists() and not old.exists() and live.exists() and other.exists()


# --------------------------------------------------------------------------------------------- the CLI


def _ledger(tmp_path: Path) -> tuple[CliRunner, Path, Path]:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "l")]).exit_code == 0
    seed = tmp_path / "l" / "seeds" / "r.txt"
    seed.write_text(REPORT, "utf-8")
    return runner, tmp_path / "l", seed


@pytest.mark.parametrize("name", ["metrics", "ledger"])
def test_extract_never_touches_the_registry(tmp_path, name):
    runner, root, seed = _ledger(tmp_path)
    registry = root / "targets" / f"{name}.toml"
    before = registry.read_bytes()
    result = runner.invoke(main, ["--data", str(root), "extract", str(seed), "--write", "--force", "--id", name])
    assert result.exit_code == 2 and "choose another id" in result.output, result.output
    assert registry.read_bytes() == before


def test_extract_write_reports_a_failed_write_clearly(tmp_path, monkeypatch):
    runner, root, seed = _ledger(tmp_path)
    result = runner.invoke(main, ["--data", str(root), "extract", str(seed), "--write", "--id", "r" * 300])
    assert result.exit_code == 2 and "up to 100" in result.output and result.exception.__class__ is SystemExit
    from sykj_track.ledger import atomicwrite

    for code, words in ((errno.ENOSPC, "free some space"), (errno.EROFS, "read-only"),
                        (errno.ENAMETOOLONG, "too long")):
        def full(*_args, code=code, **_kwargs):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomicwrite, "write_atomic", full)
        result = runner.invoke(main, ["--data", str(root), "extract", str(seed), "--write", "--id", "r2"])
        assert result.exit_code == 1 and words in result.output, result.output
        assert isinstance(result.exception, SystemExit)


def test_report_html_refuses_a_symlink_and_a_fifo(tmp_path):
    runner, root, _ = _ledger(tmp_path)
    pointee = tmp_path / "elsewhere"
    pointee.write_text("theirs", encoding="utf-8")
    (tmp_path / "link.html").symlink_to(pointee)
    os.mkfifo(tmp_path / "fifo.html")
    for name in ("link.html", "fifo.html"):
        result = runner.invoke(main, ["--data", str(root), "report", "--html", str(tmp_path / name)])
        assert result.exit_code == 1 and "refusing to replace" in result.output, result.output
    assert (tmp_path / "link.html").is_symlink() and pointee.read_text(encoding="utf-8") == "theirs"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo.html").st_mode)
