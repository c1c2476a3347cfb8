"""Reading the ledger's text files: UTF-8 only, and a clear word on what a file looks like otherwise.

Chinese government text often arrives as GB18030 (or its subsets GBK and GB2312); silently decoding
it would hide a file that other tools will misread, so it is an error that names the encoding.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path


class TextFileError(Exception):
    """A file that is not readable UTF-8 text; `hint` says how to fix it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint


def guess_encoding(data: bytes) -> str | None:
    """The encoding non-UTF-8 bytes look like: "UTF-16", "GB18030", or None for binary/unknown."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if b"\x00" in data[:4096]:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # Random bytes often decode as GB18030 too; real text is mostly CJK, ASCII and punctuation.
    plausible = sum(ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                    or "\uff00" <= ch <= "\uffef" for ch in text)
    return "GB18030" if plausible >= 0.9 * len(text) else None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at `path`. A FIFO, a device or a socket is refused with an OSError
    (EINVAL, "not a regular file ...") instead of being read: a FIFO would wait for a writer forever,
    /dev/zero would fill the memory. Opened without blocking, so that a FIFO is refused at once."""
    import errno
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
            raise OSError(errno.EINVAL, f"not a regular file ({kind}); give the path of a text file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def read_text(path: Path) -> str:
    """The text of a UTF-8 file (a BOM is allowed); TextFileError for anything else."""
    try:
        data = read_bytes(path)
    except IsADirectoryError:
        raise TextFileError("is a directory, not a file", "point at a text file") from None
    except OSError as exc:
        raise TextFileError(f"cannot be read: {exc.strerror or exc}", "check that it exists and is readable") from None
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    """`data`, read from `path`, as UTF-8 text (a BOM is allowed); TextFileError for anything else."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(data)
        if encoding:
            source = "GB18030" if encoding == "GB18030" else "UTF-16"
            hint = f"convert it: iconv -f {source} -t UTF-8 '{path}' > '{path}.utf8' && mv '{path}.utf8' '{path}'"
            raise TextFileError(f"is not UTF-8; it looks like {encoding}"
                                + (" (common for Chinese government text)" if encoding == "GB18030" else ""),
                                hint) from None
        raise TextFileError(f"is not UTF-8 text (invalid byte at offset {exc.start}); it looks like binary "
                            "data or an unknown encoding", "save it as UTF-8 text") from None
