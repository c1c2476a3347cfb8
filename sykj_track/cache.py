"""A cache of work already done on unchanged files, keyed by content hash (as beancount does).

Parsing a targets file and checking its quotes against its seed are pure functions of file contents
and of this package's code, so their results are stored under a hash of exactly those inputs: the
bytes of the files, the bytes of metrics.toml, and the bytes of the modules that do the work. Any
change to any of them gives a new key; stale entries are never read, only pruned. Entries are written
atomically, and an unreadable entry is treated as missing, so a crash or a concurrent run can cost
time but never give a wrong answer.

Location: $SYKJ_TRACK_CACHE if set ("off" disables the cache), else $XDG_CACHE_HOME/sykj-track, else
~/.cache/sykj-track. If the directory cannot be created or written, the tool runs without a cache.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from .atomicwrite import write_atomic

try:
    # hashlib's own blake2b, without the OpenSSL bindings `import hashlib` loads (7 ms of start-up).
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it; other interpreters may not
    from hashlib import blake2b

ENV_VAR = "SYKJ_TRACK_CACHE"
MAX_ENTRIES = 4000  # about 40 ledgers of 100 reports; older entries are pruned beyond this
_OFF = {"off", "0", "no", "false", "none"}

# The modules whose code decides what is cached: a change to any of them invalidates everything.
_CODE = ("load.py", "model.py", "quantity.py", "validate.py", "textfile.py", "cache.py")


def _code_hash() -> bytes:
    here = Path(__file__).resolve().parent
    digest = blake2b(digest_size=16)
    for name in _CODE:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


class Cache:
    """A directory of pickled results, one file per key."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._code = _code_hash()
        self._writable = True
        self._pruned = False

    @classmethod
    def default(cls, environ: dict[str, str] | None = None) -> Cache | None:
        """The cache at the default location, or None when disabled."""
        environ = dict(os.environ) if environ is None else environ
        setting = environ.get(ENV_VAR, "")
        if setting.strip().lower() in _OFF:
            return None
        if setting:
            return cls(Path(setting).expanduser())
        base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return cls(Path(base) / "sykj-track")

    def key(self, *parts: bytes | str) -> str:
        """A key for a result computed from `parts` (file contents, names) by this package's code."""
        digest = blake2b(self._code, digest_size=20)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The stored result, or None when absent or unreadable."""
        try:
            with open(self.directory / f"{key}.pickle", "rb") as handle:
                return pickle.load(handle)
        except Exception:  # a missing, truncated or foreign entry is a miss, never an error
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a result; silently give up when the cache cannot be written."""
        if not self._writable:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(self.directory / f"{key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
                         durable=False)
        except (OSError, pickle.PicklingError, RecursionError):
            self._writable = False
            return
        self._prune()

    def _prune(self) -> None:
        if self._pruned:  # once a run: listing thousands of entries on every write would cost more than it saves
            return
        self._pruned = True
        try:
            entries = list(self.directory.glob("*.pickle"))
            if len(entries) <= MAX_ENTRIES:
                return
            entries.sort(key=lambda p: p.stat().st_mtime)
            for path in entries[: len(entries) - MAX_ENTRIES]:
                path.unlink(missing_ok=True)
        except OSError:
            pass
