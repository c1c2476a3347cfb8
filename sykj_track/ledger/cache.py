"""A cache of work already done on unchanged files, keyed by content hash (as beancount does).

Parsing a targets file and checking its quotes against its seed are pure functions of file contents
and of this package's code, so their results are stored under a hash of exactly those inputs: the
bytes of the files, the bytes of metrics.toml, and the bytes of the modules that do the work. Any
change to any of them gives a new key; stale entries are never read, only pruned.

The keys can be computed by anyone who has the (public) ledger, and a cache directory can be shared
or restored from elsewhere (a CI cache from another branch's run), so an entry is never trusted for
being there:
- entries are data, not code: JSON of plain values, dates and the frozen dataclasses of the model,
  rebuilt from a fixed list of classes (no pickle, nothing an entry can make run);
- each entry carries a MAC (keyed BLAKE2b) over its name and its bytes, under a random per-user key
  kept beside the entries in `key` (0600); an entry that is truncated, rewritten, planted or made
  with another key fails the check and is a miss, so a crash, a concurrent run or an attacker can
  cost time but never change an answer;
- the directory is created 0700; one that others can write to, or that belongs to someone else, is
  refused with a warning and the tool runs without a cache.

Location: $SYKJ_TRACK_CACHE if set ("off" disables the cache), else $XDG_CACHE_HOME/sykj-track, else
~/.cache/sykj-track. If the directory cannot be created or written, the tool runs without a cache.
"""

from __future__ import annotations

import json
import os
import sys
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
SUFFIX = ".json"
MAGIC = b"sykj-track-cache 1 "
KEY_FILE = "key"
KEY_BYTES = 32
_OFF = {"off", "0", "no", "false", "none"}

# The modules whose code decides what is cached: a change to any of them invalidates everything.
_CODE = ("ledger/load.py", "model.py", "vocabulary.py", "quantity.py", "ledger/validate.py", "ledger/textfile.py", "ledger/cache.py",
         "ledger/identity.py")


def _code_hash() -> bytes:
    here = Path(__file__).resolve().parent.parent  # the package: _CODE names paths inside it
    digest = blake2b(digest_size=16)
    for name in _CODE:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


class CacheRefused(Exception):
    """The cache directory or its key cannot be trusted; the message says why and how to fix it."""


class Cache:
    """A directory of authenticated, data-only entries, one file per key."""

    def __init__(self, directory: Path, warn: Any = None):
        self.directory = Path(directory)
        self._code = _code_hash()
        self._secret: bytes | None = None
        self._usable: bool | None = None  # None: not yet opened
        self._writable = True
        self._pruned = False
        self._warn = warn or (lambda message: sys.stderr.write(f"warning: {message}\n"))

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

    # --- opening: a safe directory and its key ----------------------------------------------------

    def _open(self) -> bool:
        """True when the directory is safe to use and the key is read; on the first refusal, a warning."""
        if self._usable is None:
            try:
                self._secret = _open_directory(self.directory)
                self._usable = True
            except CacheRefused as exc:
                self._usable = False
                self._warn(f"{exc} Running without a cache.")
            except OSError:  # cannot be created or read: silently no cache, as before
                self._usable = False
        return self._usable

    def _mac(self, name: str, payload: bytes) -> bytes:
        assert self._secret is not None  # read by _open(), which every caller asks first
        mac = blake2b(key=self._secret, digest_size=32)
        mac.update(name.encode("ascii"))
        mac.update(b"\0")
        mac.update(payload)
        return mac.hexdigest().encode("ascii")

    # --- entries ------------------------------------------------------------------------------------

    def get(self, key: str) -> Any | None:
        """The stored result, or None when absent, unreadable, or not authenticated by our key."""
        if not self._open():
            return None
        try:
            with open(self.directory / f"{key}{SUFFIX}", "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        header, _, payload = data.partition(b"\n")
        if not header.startswith(MAGIC):
            return None
        from hmac import compare_digest  # hmac's compare_digest is _operator's: no OpenSSL loaded

        if not compare_digest(header[len(MAGIC):], self._mac(key, payload)):
            return None
        try:
            return decode(json.loads(payload))
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):
            return None  # authenticated but not understood (another version's data): a miss

    def put(self, key: str, value: Any) -> None:
        """Store a result; silently give up when the cache cannot be written."""
        if not self._writable or not self._open():
            return
        try:
            payload = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_atomic(self.directory / f"{key}{SUFFIX}", MAGIC + self._mac(key, payload) + b"\n" + payload,
                         durable=False, mode=0o600)
        except (OSError, TypeError, ValueError, RecursionError):
            self._writable = False
            return
        self._prune()

    def _prune(self) -> None:
        if self._pruned:  # once a run: listing thousands of entries on every write would cost more than it saves
            return
        self._pruned = True
        try:
            import time

            for path in self.directory.glob("*.pickle"):  # an earlier version's format, never read
                path.unlink(missing_ok=True)
            for path in self.directory.glob(".*.tmp"):  # left by a killed run
                if time.time() - path.stat().st_mtime > 3600:
                    path.unlink(missing_ok=True)
            entries = list(self.directory.glob(f"*{SUFFIX}"))
            if len(entries) <= MAX_ENTRIES:
                return
            entries.sort(key=lambda p: p.stat().st_mtime)
            for path in entries[: len(entries) - MAX_ENTRIES]:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def _open_directory(directory: Path) -> bytes:
    """Create `directory` 0700 if need be, refuse it when others could write to it, and return the key
    kept in it (made on first use, 0600)."""
    import stat

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.stat(directory)
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    fix = f"make it yours and private (chmod 700 {directory}) or point {ENV_VAR} elsewhere"
    if not stat.S_ISDIR(info.st_mode):
        raise CacheRefused(f"the cache {directory} is not a directory.")
    if uid is not None and info.st_uid != uid:
        raise CacheRefused(f"the cache directory {directory} belongs to another user; {fix}.")
    if info.st_mode & 0o022:
        raise CacheRefused(f"the cache directory {directory} can be written by others "
                           f"(mode {stat.S_IMODE(info.st_mode):o}); {fix}.")
    path = directory / KEY_FILE
    if not os.path.lexists(path):
        _make_key(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid) or info.st_mode & 0o077:
            raise CacheRefused(f"the cache key {path} is not a private file of yours (it must be mode 600); "
                               f"delete it and a new one is made.")
        secret = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(secret) != KEY_BYTES:
        raise CacheRefused(f"the cache key {path} is damaged; delete it and a new one is made.")
    return secret


def _make_key(path: Path) -> None:
    """A new random key at `path`, published whole (link of a finished file) so that a concurrent run
    reads either no key or the complete one; if another run made one first, theirs is used."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, os.urandom(KEY_BYTES))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temp)


# --- the data-only format ---------------------------------------------------------------------------
# JSON values stand for themselves, except lists, which carry a tag: ["L", ...] a list, ["T", ...] a
# tuple, ["D", k, v, ...] a dict, ["d", "2025-01-01"] a date, ["P", "..."] a path, ["O", "Goal", ...] a
# dataclass of the model (its fields in order), ["R", n] the n-th dataclass already decoded (a goal's
# source is stored once per file, and decoded as one object, as it was loaded).

def _classes() -> dict[str, type]:
    import dataclasses

    from .. import model

    return {name: value for name, value in vars(model).items()
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == model.__name__}


_CLASSES: dict[str, type] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        import dataclasses

        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def encode(value: Any) -> Any:
    """`value` (plain values, lists, tuples, dicts, dates, paths and model dataclasses) as JSON data."""
    from dataclasses import is_dataclass
    from datetime import date

    if not _CLASSES:
        _CLASSES.update(_classes())
    seen: dict[int, int] = {}

    def enc(v: Any) -> Any:
        kind = type(v)
        if v is None or kind in (str, int, float, bool):
            return v
        if kind is list:
            return ["L", *map(enc, v)]
        if kind is tuple:
            return ["T", *map(enc, v)]
        if kind is dict:
            out = ["D"]
            for k, item in v.items():
                out += (enc(k), enc(item))
            return out
        if kind is date:
            return ["d", v.isoformat()]
        if isinstance(v, Path):
            return ["P", str(v)]
        if is_dataclass(v) and _CLASSES.get(kind.__name__) is kind:
            if id(v) in seen:
                return ["R", seen[id(v)]]
            out = ["O", kind.__name__, *(enc(getattr(v, name)) for name in _fields(kind))]
            seen[id(v)] = len(seen)
            return out
        raise TypeError(f"cannot cache a {kind.__name__}")

    return enc(value)


def decode(data: Any) -> Any:  # noqa: C901 - one branch per tag; a table of functions costs a call per value on the hot path
    """The value `encode` gave `data` for. Raises ValueError, TypeError, KeyError or IndexError on data
    it does not understand."""
    from datetime import date

    if not _CLASSES:
        _CLASSES.update(_classes())
    objects: list[Any] = []
    new = object.__new__

    def dec(v: Any) -> Any:
        if type(v) is not list:
            if type(v) is dict:
                raise TypeError("a JSON object is not part of the format")
            return v
        tag = v[0]
        if tag == "O":
            cls = _CLASSES[v[1]]
            names = _fields(cls)
            if len(v) != len(names) + 2:
                raise ValueError(f"{v[1]}: {len(v) - 2} fields, not {len(names)}")
            obj: Any = new(cls)
            # Frozen dataclasses: filled as pickle fills them, without the frozen __setattr__.
            obj.__dict__.update(zip(names, [dec(item) if type(item) is list else item for item in v[2:]]))
            objects.append(obj)
            return obj
        if tag == "L":
            return [dec(item) if type(item) is list else item for item in v[1:]]
        if tag == "T":
            return tuple(dec(item) if type(item) is list else item for item in v[1:])
        if tag == "R":
            return objects[v[1]]
        if tag == "D":
            items = v[1:]
            return {dec(items[i]): dec(items[i + 1]) for i in range(0, len(items), 2)}
        if tag == "d":
            return date.fromisoformat(v[1])
        if tag == "P":
            return Path(v[1])
        raise ValueError(f"unknown tag {tag!r}")

    return dec(data)
