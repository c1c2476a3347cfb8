"""Reading text files, the one place that decides what bytes are text.

The ledger's files are UTF-8 (a BOM is allowed); `decode` says what any other file looks like and how
to convert it. A new report may arrive in UTF-16 or GB18030: `sniff` reads those for `extract`, and
refuses Big5, private-use garbage and binary data rather than read them as nonsense.

Chinese government text often arrives as GB18030 (or its subsets GBK and GB2312); silently decoding
it would hide a file that other tools will misread, so it is an error that names the encoding.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Msg, msg, os_reason


class TextFileError(Exception):
    """A file that is not readable UTF-8 text; `hint` says how to fix it. `what` and `fix` are the
    two as messages of the catalogue (sykj_track.i18n), `message` and `hint` their English."""

    def __init__(self, what: Msg, fix: Msg):
        super().__init__(what.text("en"))
        self.what, self.fix = what, fix
        self.message, self.hint = what.text("en"), fix.text("en")


# The most frequent characters of simplified Chinese prose. GB18030 decodes almost any bytes, Big5
# text among them; what it makes of Big5 is rare characters, so real GB18030 text shows many of these.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
    "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
    "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
    "值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照"
    "参红细引听该铁价严龙飞企创孵培载")


@dataclass(frozen=True)
class Sniffed:
    """Bytes read as text: the text and the encoding it was in (utf-8, utf-8-sig, utf-16, gb18030)."""

    text: str
    encoding: str

    @property
    def is_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig")


def _private_use(text: str) -> bool:
    return any("\ue000" <= ch <= "\uf8ff" for ch in text)


def _looks_like_gb18030(text: str) -> bool:
    """Real simplified-Chinese text: mostly CJK, ASCII and punctuation, many common characters, and
    no private-use characters (what GB18030 makes of bytes it has no character for)."""
    if not text or _private_use(text):
        return False
    plausible = sum(ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                    or "\uff00" <= ch <= "\uffef" for ch in text)
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    common = sum(ch in _COMMON for ch in cjk)
    return plausible >= 0.9 * len(text) and (not cjk or common >= 0.3 * len(cjk))


def sniff(data: bytes) -> Sniffed:
    """Read a report's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM (Windows Notepad's
    "Unicode"), or GB18030 (and its subsets GBK, GB2312). Big5, text with private-use characters and
    binary data raise TextFileError: read as anything else, they would be garbage."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _try(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _try(data, "utf-16"), "utf-16"
    else:
        text, encoding = _try(data, "utf-8"), "utf-8"
        if text is None and b"\x00" not in data[:4096]:
            text, encoding = _try(data, "gb18030"), "gb18030"
            if text is not None and not _looks_like_gb18030(text):
                raise TextFileError(msg("text.big5"), msg("text.resave")) from None
    if text is None:
        raise TextFileError(msg("text.binary"), msg("text.binary.fix")) from None
    if _private_use(text):
        raise TextFileError(msg("text.private_use", encoding=encoding.upper()), msg("text.resave"))
    return Sniffed(text, encoding)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def convert_command(path: str | os.PathLike[str], encoding: str) -> str:
    """The shell command that rewrites the file at `path` from `encoding` to UTF-8, in place."""
    quoted = "'" + str(path).replace("'", "'\\''") + "'"
    return f"iconv -f {encoding.upper()} -t UTF-8 {quoted} > {quoted[:-1]}.utf8' && mv {quoted[:-1]}.utf8' {quoted}"


def guess_encoding(data: bytes) -> str | None:
    """The encoding non-UTF-8 bytes are in: "UTF-16", "GB18030", or None for binary, Big5 or garbage."""
    try:
        sniffed = sniff(data)
    except TextFileError:
        return None
    return None if sniffed.is_utf8 else sniffed.encoding.upper()


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
        raise TextFileError(msg("text.directory"), msg("text.directory.fix")) from None
    except OSError as exc:
        raise TextFileError(msg("text.unreadable", reason=os_reason(exc)), msg("text.unreadable.fix")) from None
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    """`data`, read from `path`, as UTF-8 text (a BOM is allowed); TextFileError for anything else. A
    ledger's files are UTF-8: a seed in UTF-16 or GB18030 is named, with the command that converts it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(data)
        if encoding:
            raise TextFileError(msg("text.gb18030" if encoding == "GB18030" else "text.other_encoding",
                                    encoding=encoding),
                                msg("text.convert", command=convert_command(path, encoding))) from None
        raise TextFileError(msg("text.not_utf8", offset=exc.start), msg("text.not_utf8.fix")) from None
