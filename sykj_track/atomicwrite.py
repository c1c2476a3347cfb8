"""Write files so that a reader never sees half of one: a temp file beside the target, then os.replace."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8",
                 durable: bool = True) -> Path:
    """Write `data` (text or bytes) to `path` atomically and return the path.

    `durable` also flushes the data to disk before the rename, so that a power cut cannot leave an
    empty file behind; a cache, which treats a bad entry as missing, can do without.

    The temp file lives in the target's directory because os.replace is atomic only within one file
    system; on any failure the temp file is removed and the old file, if any, is left untouched. The
    new file gets the permissions a plain open() would give it (mkstemp's are private).
    """
    import tempfile  # only writers pay for importing it

    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    return target
