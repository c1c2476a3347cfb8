"""Decoding: a report's bytes as text, in the encodings Chinese government text arrives in."""

from __future__ import annotations

import re
from dataclasses import dataclass


class ExtractError(ValueError):
    """A report that cannot be read (not text in a known encoding)."""


# ---------------------------------------------------------------------------------------- decoding

ENCODINGS = ("utf-8", "gb18030")


@dataclass(frozen=True)
class Decoded:
    """A report's text and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Read UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any bytes; text without a single CJK character is not a report.
        if encoding == "utf-8" or re.search(r"[\u4e00-\u9fff]", text):
            return Decoded(text, encoding)
    raise ExtractError("not text in UTF-8, GB18030 or GBK; save the report as UTF-8 text "
                       "(copy the text out of a PDF or web page first)")
