"""Write files so that a reader never sees half of one and a crash never loses one: a temp file beside
the target, flushed to disk, then renamed into place, and the directory flushed too.

Only regular files are written: a symlink, a device, a FIFO or a directory where the file should go
is refused (replacing a link would write somewhere the user did not name; "replacing" /dev/full would
turn a device into a file). Without `replace`, an existing file is never overwritten, even when two
writers race for the name: the new file is published with link(), which fails if the name exists.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

STALE_SECONDS = 3600  # a temp file this old whose writer is gone was left by a kill or a crash


class WriteRefused(OSError):
    """The target exists and is not a regular file, or exists and may not be replaced."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8",
                 durable: bool = True, replace: bool = True, mode: int | None = None) -> Path:
    """Write `data` (text or bytes) to `path` atomically and return the path.

    `durable` flushes the data and then the directory entry to disk, so that a power cut leaves the
    old file or the new one, never an empty one; a cache, which treats a bad entry as missing, can do
    without. `replace=False` refuses an existing file (FileExistsError) and is race-free. A replaced
    file keeps its permission bits; a new one gets `mode`, or what a plain open() would give it.

    Raises WriteRefused (an OSError) when the target is a symlink, device, FIFO, socket or directory.
    On any failure the temp file is removed and the old file, if any, is left untouched.
    """
    import tempfile  # only writers pay for importing it

    target = Path(path)
    old_mode = _existing_mode(target)
    if old_mode is not None and not replace:
        raise FileExistsError(17, "File exists", str(target))
    payload = data.encode(encoding) if isinstance(data, str) else data
    if durable:  # (the cache prunes its own directory)
        _clean_stale(target)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                new_mode = 0o666 & ~umask
            else:
                new_mode = mode
            os.fchmod(handle.fileno(), old_mode if old_mode is not None else new_mode)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if replace:
            if _existing_mode(target) is None and os.path.lexists(target):  # became a link/FIFO meanwhile
                raise WriteRefused(f"{target} is not a regular file; refusing to replace it")
            os.replace(temp, target)
        else:
            _publish_new(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        _fsync_directory(target.parent)
    return target


def _existing_mode(target: Path) -> int | None:
    """The permission bits of the regular file at `target`, None when there is none; WriteRefused when
    something else is there."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    kind = ("a symbolic link" if stat.S_ISLNK(info.st_mode) else "a directory" if stat.S_ISDIR(info.st_mode)
            else "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode)
            else "a device")
    raise WriteRefused(f"{target} is {kind}, not a regular file; refusing to replace it. Name a file instead.")


def _publish_new(temp: str, target: Path) -> None:
    """Give the finished temp file the name `target` only if no file has it (FileExistsError if one does)."""
    try:
        os.link(temp, target)  # atomic, and fails if the name exists: no check-then-rename window
    except FileExistsError:
        raise FileExistsError(17, "File exists", str(target)) from None
    except OSError:  # a file system without hard links: claim the name exclusively, then fill it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temp, target)
        return
    os.unlink(temp)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot fsync a directory; the rename is still atomic
        pass
    finally:
        os.close(fd)


def _clean_stale(target: Path) -> None:
    """Remove temp files of `target` left by writers that were killed: their process is gone, or they
    are older than STALE_SECONDS."""
    import time

    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    now = time.time()
    for name in names:
        pid = name[len(prefix):].split(".", 1)[0]
        path = target.parent / name
        try:
            if pid.isdigit() and _alive(int(pid)) and now - os.lstat(path).st_mtime < STALE_SECONDS:
                continue
            if not pid.isdigit() and now - os.lstat(path).st_mtime < STALE_SECONDS:
                continue
            os.unlink(path)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
