"""Decoding: a report's bytes as text. The rules are textfile's, which `check` uses too: UTF-8 (with or
without BOM), UTF-16 with a BOM and GB18030 are read (the two last named, to be converted); Big5,
private-use garbage and binary data are refused."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Msg, msg
from ..ledger.textfile import TextFileError, sniff


class ExtractError(ValueError):
    """A report that cannot be read (not text in a known encoding); `what` says why as a message of
    the catalogue (sykj_track.i18n), str() in English."""

    def __init__(self, what: Msg):
        super().__init__(what.text("en"))
        self.what = what


@dataclass(frozen=True)
class Decoded:
    """A report's text and the encoding it was read with (utf-8, utf-8-sig, utf-16, gb18030)."""

    text: str
    encoding: str

    @property
    def is_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig")


def decode(data: bytes) -> Decoded:
    """The text of a report's bytes; ExtractError with what to do when they are not text."""
    try:
        sniffed = sniff(data)
    except TextFileError as exc:
        raise ExtractError(msg("extract.unreadable", what=exc.what, fix=exc.fix)) from None
    return Decoded(sniffed.text, sniffed.encoding)
