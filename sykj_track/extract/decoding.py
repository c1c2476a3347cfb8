"""Decoding: a report's bytes as text. The rules are textfile's, which `check` uses too: UTF-8 (with or
without BOM), UTF-16 with a BOM and GB18030 are read (the two last named, to be converted); Big5,
private-use garbage and binary data are refused."""

from __future__ import annotations

from ..i18n import Msg, msg
from ..ledger.textfile import Sniffed, TextFileError, sniff


class ExtractError(ValueError):
    """A report that cannot be read (not text in a known encoding); `what` says why as a message of
    the catalogue (sykj_track.i18n), str() in English."""

    def __init__(self, what: Msg):
        super().__init__(what.text("en"))
        self.what = what


def decode(data: bytes) -> Sniffed:
    """The text of a report's bytes; ExtractError with what to do when they are not text."""
    try:
        sniffed = sniff(data)
    except TextFileError as exc:
        raise ExtractError(msg("extract.unreadable", what=exc.what, fix=exc.fix)) from None
    return sniffed
